package gpkg

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"encoding/json"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// selectList is the column list every object query reads, after the row key.
// Lifecycle columns go through ifnull(…, ”) and DATE/DATETIME public columns
// through (… || ”) so that the driver hands back the stored text unchanged.
func (li *layerInfo) selectList() string {
	var b strings.Builder
	b.WriteString("geom, lokalny_id, ifnull(przestrzen_nazw, ''), wersja_id, ifnull(start_obiekt, ''), ifnull(start_wersja, ''), ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, '')")
	for _, c := range li.Columns {
		b.WriteString(", ")
		if c.Type == store.Date || c.Type == store.DateTime {
			b.WriteString("(" + quote(c.Name) + " || '')")
		} else {
			b.WriteString(quote(c.Name))
		}
	}
	return b.String()
}

// scanObject scans the selectList columns (after any leading destinations).
func (li *layerInfo) scanObject(rows *sql.Rows, lead ...any) (*store.Object, error) {
	return li.newScanner(lead...).scan(rows)
}

// objScanner scans rows of selectList columns (after leading destinations)
// into objects, reusing its destinations from row to row.
type objScanner struct {
	li             *layerInfo
	g              sql.RawBytes // decoded before the next row
	id, ns, ver    string
	so, sv, ev, eo string
	attrs          []any
	dest           []any
}

func (li *layerInfo) newScanner(lead ...any) *objScanner {
	s := &objScanner{li: li, attrs: make([]any, len(li.Columns))}
	s.dest = make([]any, 0, len(lead)+8+len(s.attrs))
	s.dest = append(s.dest, lead...)
	s.dest = append(s.dest, &s.g, &s.id, &s.ns, &s.ver, &s.so, &s.sv, &s.ev, &s.eo)
	for i := range s.attrs {
		s.dest = append(s.dest, &s.attrs[i])
	}
	return s
}

func (s *objScanner) scan(rows *sql.Rows) (*store.Object, error) {
	clear(s.attrs)
	if err := rows.Scan(s.dest...); err != nil {
		return nil, err
	}
	li := s.li
	o := &store.Object{Layer: li.Name, ID: s.id, Namespace: s.ns, Version: s.ver, Attrs: make(map[string]any, len(s.attrs))}
	var err error
	if o.Geometry, err = record.DecodeGeom(s.g); err != nil {
		return nil, fmt.Errorf("gpkg: %s/%s: %w", li.Name, s.id, err)
	}
	if o.StartObject, err = record.ParseTime(s.so); err != nil {
		return nil, err
	}
	if o.StartVersion, err = record.ParseTime(s.sv); err != nil {
		return nil, err
	}
	if o.EndVersion, err = record.ParseTime(s.ev); err != nil {
		return nil, err
	}
	if o.EndObject, err = record.ParseTime(s.eo); err != nil {
		return nil, err
	}
	for i, c := range li.Columns {
		v, err := record.FromStorage(c, s.attrs[i])
		if err != nil {
			return nil, err
		}
		if v != nil {
			o.Attrs[c.Name] = v
		}
	}
	return o, nil
}

// boundFilter reports whether q.Bound filters. A well-formed box filters even when it
// has no area (a point or a line: a click for GetFeatureInfo); only a missing or
// inverted box means no spatial filter.
func boundFilter(q store.Query) bool {
	return q.Bound != nil && q.Bound.Min[0] <= q.Bound.Max[0] && q.Bound.Min[1] <= q.Bound.Max[1]
}

// branch builds the WHERE clause of one table for q. Values are always bound.
func (li *layerInfo) branch(q store.Query, table, rtree string, history, keyset bool, keyCol string) (string, []any, error) {
	var conds []string
	var args []any
	if !q.AsOf.IsZero() {
		t := record.FormatTime(q.AsOf)
		conds = append(conds, "start_wersja <= ?")
		args = append(args, t)
		if history {
			conds = append(conds, "(koniec_wersja IS NULL OR koniec_wersja > ?)", "(koniec_obiekt IS NULL OR koniec_obiekt > ?)")
			args = append(args, t, t)
		}
	}
	if boundFilter(q) {
		b := q.Bound
		conds = append(conds, "fid IN (SELECT id FROM "+rtree+" WHERE minx <= ? AND maxx >= ? AND miny <= ? AND maxy >= ?)",
			"sip_bbox_intersects(geom, ?, ?, ?, ?)")
		args = append(args, b.Max[0], b.Min[0], b.Max[1], b.Min[1], b.Min[0], b.Min[1], b.Max[0], b.Max[1])
	}
	if len(q.Where) > 0 {
		keys := make([]string, 0, len(q.Where))
		for k := range q.Where {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			i, ok := li.rec.ColumnIndex(k)
			if !ok {
				return "", nil, fmt.Errorf("gpkg: layer %s has no public column %q", li.Name, k)
			}
			v, err := record.ToStorage(li.Columns[i], q.Where[k])
			if err != nil {
				return "", nil, err
			}
			if v == nil {
				conds = append(conds, quote(k)+" IS NULL")
			} else {
				conds = append(conds, quote(k)+" = ?")
				args = append(args, v)
			}
		}
	}
	if len(q.Prefix) > 0 {
		c, a, err := li.prefixConds(q.Prefix)
		if err != nil {
			return "", nil, err
		}
		conds, args = append(conds, c...), append(args, a...)
	}
	if len(q.IDs) > 0 {
		ids, err := json.Marshal(q.IDs)
		if err != nil {
			return "", nil, err
		}
		conds = append(conds, "lokalny_id IN (SELECT value FROM json_each(?))")
		args = append(args, string(ids))
	}
	if keyset && q.After != 0 {
		conds = append(conds, keyCol+" > ?")
		args = append(args, q.After)
	}
	where := ""
	if len(conds) > 0 {
		where = " WHERE " + strings.Join(conds, " AND ")
	}
	return " FROM " + table + where, args, nil
}

// Result shapes of build.
const (
	selRows  = iota // the key followed by selectList
	selCount        // a single count(*)
	selKeys         // the key and lokalny_id only
	selBoxes        // the key, lokalny_id and the geometry (for its envelope)
)

// build returns the SQL of q: for selCount, a single count(*); otherwise the key
// followed by selectList (selRows) or by lokalny_id (selKeys), in key order, paged.
func (s *Store) build(q store.Query, shape int) (*layerInfo, string, []any, error) {
	li, err := s.layer(q.Layer)
	if err != nil {
		return nil, "", nil, err
	}
	if q.Limit < 0 || q.Offset < 0 {
		return nil, "", nil, fmt.Errorf("gpkg: negative Limit or Offset")
	}
	count := shape == selCount
	cols := li.selectList()
	if q.NoGeometry {
		cols = "NULL AS geom" + strings.TrimPrefix(cols, "geom")
	}
	switch shape {
	case selKeys:
		cols = "lokalny_id"
	case selBoxes:
		cols = "lokalny_id, geom"
	}
	var sqlText string
	var args []any
	if q.AsOf.IsZero() {
		from, a, err := li.branch(q, li.cur, li.rtCur, false, !count, "fid")
		if err != nil {
			return nil, "", nil, err
		}
		args = a
		if count {
			sqlText = "SELECT count(*)" + from
		} else {
			sqlText = "SELECT fid AS k, " + cols + from + " ORDER BY fid"
		}
	} else {
		f1, a1, err := li.branch(q, li.cur, li.rtCur, false, !count, "sip_vkey")
		if err != nil {
			return nil, "", nil, err
		}
		f2, a2, err := li.branch(q, li.hist, li.rtHist, true, !count, "sip_vkey")
		if err != nil {
			return nil, "", nil, err
		}
		args = append(a1, a2...)
		if count {
			sqlText = "SELECT (SELECT count(*)" + f1 + ") + (SELECT count(*)" + f2 + ")"
		} else {
			sel := "SELECT sip_vkey AS k, " + cols
			sqlText = sel + f1 + " UNION ALL " + sel + f2 + " ORDER BY k"
		}
	}
	if !count && (q.Limit > 0 || q.Offset > 0) {
		lim := int64(q.Limit)
		if lim == 0 {
			lim = -1
		}
		sqlText += " LIMIT ? OFFSET ?"
		args = append(args, lim, int64(q.Offset))
	}
	return li, sqlText, args, nil
}

// Query streams the objects matching q to fn in key order (see the package doc for
// the row keys). Where values are compared with the stored form of the column's type
// (a time.Time for DATE/DATETIME columns, nil for IS NULL).
func (s *Store) Query(ctx context.Context, q store.Query, fn func(store.Row) error) error {
	li, sqlText, args, err := s.build(q, selRows)
	if err != nil {
		return err
	}
	rows, err := s.readQuery(ctx, sqlText, args...)
	if err != nil {
		return fmt.Errorf("gpkg: query %s: %w", q.Layer, err)
	}
	defer rows.Close()
	var key int64
	sc := li.newScanner(&key)
	for rows.Next() {
		o, err := sc.scan(rows)
		if err != nil {
			return err
		}
		if err := fn(store.Row{Key: key, Object: o}); err != nil {
			return err
		}
	}
	return rows.Err()
}

// QueryKeys streams the row key and object id (lokalnyId) of the objects Query
// would return, in the same order and with the same keys, without reading their
// geometry or attributes: the first pass of a reader that keeps objects, or
// what it made of them, by id.
func (s *Store) QueryKeys(ctx context.Context, q store.Query, fn func(key int64, id string) error) error {
	_, sqlText, args, err := s.build(q, selKeys)
	if err != nil {
		return err
	}
	rows, err := s.readQuery(ctx, sqlText, args...)
	if err != nil {
		return fmt.Errorf("gpkg: query %s: %w", q.Layer, err)
	}
	defer rows.Close()
	for rows.Next() {
		var key int64
		var id string
		if err := rows.Scan(&key, &id); err != nil {
			return err
		}
		if err := fn(key, id); err != nil {
			return err
		}
	}
	return rows.Err()
}

// QueryBoxes streams the row key, object id and exact envelope of the objects
// Query would return, in the same order, decoding no geometry: the envelope
// comes from the GeoPackage header of the blob (a point is its own).
func (s *Store) QueryBoxes(ctx context.Context, q store.Query, fn func(key int64, id string, b orb.Bound) error) error {
	_, sqlText, args, err := s.build(q, selBoxes)
	if err != nil {
		return err
	}
	rows, err := s.readQuery(ctx, sqlText, args...)
	if err != nil {
		return fmt.Errorf("gpkg: query %s: %w", q.Layer, err)
	}
	defer rows.Close()
	var (
		key int64
		id  string
		g   sql.RawBytes
	)
	for rows.Next() {
		if err := rows.Scan(&key, &id, &g); err != nil {
			return err
		}
		b, ok := record.BlobBound(g)
		if !ok {
			continue // no geometry: nothing a box query finds
		}
		if err := fn(key, id, b); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Count counts the objects Query would return, ignoring Limit, Offset and After.
func (s *Store) Count(ctx context.Context, q store.Query) (int64, error) {
	_, sqlText, args, err := s.build(q, selCount)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := s.readQueryRow(ctx, sqlText, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("gpkg: count %s: %w", q.Layer, err)
	}
	return n, nil
}

// Extent is the bounding box of the current objects of a layer, as maintained in
// gpkg_contents (exact: recomputed on commit when a removal may have shrunk it).
func (s *Store) Extent(ctx context.Context, layer string) (orb.Bound, bool, error) {
	if _, err := s.layer(layer); err != nil {
		return orb.Bound{}, false, err
	}
	var minx, miny, maxx, maxy sql.NullFloat64
	err := s.rdb.QueryRowContext(ctx, `SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?`, layer).
		Scan(&minx, &miny, &maxx, &maxy)
	if err != nil {
		return orb.Bound{}, false, fmt.Errorf("gpkg: extent %s: %w", layer, err)
	}
	if !minx.Valid || !miny.Valid || !maxx.Valid || !maxy.Valid {
		return orb.Bound{}, false, nil
	}
	return orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, true, nil
}

// Get returns the current version of an object, or store.ErrNotFound.
func (s *Store) Get(ctx context.Context, layer, id string) (*store.Object, error) {
	li, err := s.layer(layer)
	if err != nil {
		return nil, err
	}
	rows, err := s.readQuery(ctx, "SELECT "+li.selectList()+" FROM "+li.cur+" WHERE lokalny_id = ?", id)
	if err != nil {
		return nil, fmt.Errorf("gpkg: get %s/%s: %w", layer, id, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return nil, fmt.Errorf("gpkg: %s/%s: %w", layer, id, store.ErrNotFound)
	}
	return li.scanObject(rows)
}

// History returns every stored version of an object (current and archived), oldest
// first by startWersja; store.ErrNotFound if there is none.
func (s *Store) History(ctx context.Context, layer, id string) ([]*store.Object, error) {
	li, err := s.layer(layer)
	if err != nil {
		return nil, err
	}
	sel := "SELECT ifnull(start_wersja, '') AS sv, wersja_id AS v, " + li.selectList()
	rows, err := s.rdb.QueryContext(ctx, sel+" FROM "+li.hist+" WHERE lokalny_id = ? UNION ALL "+
		sel+" FROM "+li.cur+" WHERE lokalny_id = ? ORDER BY sv, v", id, id)
	if err != nil {
		return nil, fmt.Errorf("gpkg: history %s/%s: %w", layer, id, err)
	}
	defer rows.Close()
	var out []*store.Object
	for rows.Next() {
		var sv, v string
		o, err := li.scanObject(rows, &sv, &v)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("gpkg: %s/%s: %w", layer, id, store.ErrNotFound)
	}
	return out, nil
}

// Revision is the newest change-log revision (0 for an empty log).
func (s *Store) Revision(ctx context.Context) (int64, error) {
	var rev int64
	if err := s.readQueryRow(ctx, `SELECT ifnull(max(rev), 0) FROM `+changesTable).Scan(&rev); err != nil {
		return 0, fmt.Errorf("gpkg: revision: %w", err)
	}
	return rev, nil
}

// Changes streams change-log entries with Rev > since, in order.
func (s *Store) Changes(ctx context.Context, since int64, fn func(store.Change) error) error {
	rows, err := s.rdb.QueryContext(ctx, `SELECT rev, ifnull(time, ''), layer, lokalny_id, ifnull(wersja_id, ''), op,
  minx, miny, maxx, maxy, obj, geom FROM `+changesTable+` WHERE rev > ? ORDER BY rev`, since)
	if err != nil {
		return fmt.Errorf("gpkg: changes: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			c                      store.Change
			tm, layer, op          string
			minx, miny, maxx, maxy sql.NullFloat64
			obj                    sql.NullString
			g                      []byte
		)
		if err := rows.Scan(&c.Rev, &tm, &layer, &c.ID, &c.Version, &op, &minx, &miny, &maxx, &maxy, &obj, &g); err != nil {
			return err
		}
		c.Layer, c.Op = layer, store.Op(op)
		if c.Time, err = record.ParseTime(tm); err != nil {
			return err
		}
		if minx.Valid {
			c.Bounds = orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}
		}
		if obj.Valid {
			li, ok := s.byName[layer]
			if !ok {
				return fmt.Errorf("gpkg: change %d: unknown layer %q", c.Rev, layer)
			}
			if c.Object, err = record.DecodeChange(li.rec, c.ID, c.Version, []byte(obj.String), g); err != nil {
				return fmt.Errorf("gpkg: change %d: %w", c.Rev, err)
			}
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}
