package postgis

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/ewkb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// selectList is the column list every object query reads, after the row key.
func (li *layerInfo) selectList() string {
	s := "geom, lokalny_id, przestrzen_nazw, wersja_id, start_obiekt, start_wersja, koniec_wersja, koniec_obiekt"
	if li.cols != "" {
		s += ", " + li.cols
	}
	return s
}

// objScanner scans rows of selectList columns (after leading destinations)
// into objects, reusing its destinations from row to row.
type objScanner struct {
	li             *layerInfo
	g              []byte
	id, ver        string
	ns             pgtype.Text
	so, sv, ev, eo pgtype.Timestamptz
	attrs          []any // *pgtype.Text, *pgtype.Int8, *pgtype.Float8, *pgtype.Date, *pgtype.Timestamptz
	dest           []any
}

func (li *layerInfo) newScanner(lead ...any) *objScanner {
	s := &objScanner{li: li, attrs: make([]any, len(li.Columns))}
	s.dest = append(append(s.dest, lead...), &s.g, &s.id, &s.ns, &s.ver, &s.so, &s.sv, &s.ev, &s.eo)
	for i, c := range li.Columns {
		switch c.Type {
		case store.Integer:
			s.attrs[i] = &pgtype.Int8{}
		case store.Real:
			s.attrs[i] = &pgtype.Float8{}
		case store.Date:
			s.attrs[i] = &pgtype.Date{}
		case store.DateTime:
			s.attrs[i] = &pgtype.Timestamptz{}
		default:
			s.attrs[i] = &pgtype.Text{}
		}
		s.dest = append(s.dest, s.attrs[i])
	}
	return s
}

// tstz is a stored time in the store's form (UTC, zero for NULL).
func tstz(t pgtype.Timestamptz) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// decodeGeom reads a geometry column's EWKB (nil for NULL).
func decodeGeom(b []byte) (orb.Geometry, error) {
	if b == nil {
		return nil, nil
	}
	g, _, err := ewkb.Unmarshal(b)
	return g, err
}

func (s *objScanner) scan(rows pgx.Rows) (*store.Object, error) {
	if err := rows.Scan(s.dest...); err != nil {
		return nil, err
	}
	li := s.li
	o := &store.Object{Layer: li.Name, ID: s.id, Namespace: s.ns.String, Version: s.ver,
		StartObject: tstz(s.so), StartVersion: tstz(s.sv), EndVersion: tstz(s.ev), EndObject: tstz(s.eo),
		Attrs: make(map[string]any, len(s.attrs))}
	var err error
	if o.Geometry, err = decodeGeom(s.g); err != nil {
		return nil, fmt.Errorf("postgis: %s/%s: %w", li.Name, s.id, err)
	}
	for i, c := range li.Columns {
		switch v := s.attrs[i].(type) {
		case *pgtype.Text:
			if v.Valid {
				o.Attrs[c.Name] = v.String
			}
		case *pgtype.Int8:
			if v.Valid {
				o.Attrs[c.Name] = v.Int64
			}
		case *pgtype.Float8:
			if v.Valid {
				o.Attrs[c.Name] = v.Float64
			}
		case *pgtype.Date:
			if v.Valid {
				o.Attrs[c.Name] = time.Date(v.Time.Year(), v.Time.Month(), v.Time.Day(), 0, 0, 0, 0, time.UTC)
			}
		case *pgtype.Timestamptz:
			if v.Valid {
				o.Attrs[c.Name] = v.Time.UTC()
			}
		}
	}
	return o, nil
}

// boundFilter reports whether q.Bound filters: a well-formed box filters even when
// it has no area (a point: a click for GetFeatureInfo).
func boundFilter(q store.Query) bool {
	return q.Bound != nil && q.Bound.Min[0] <= q.Bound.Max[0] && q.Bound.Min[1] <= q.Bound.Max[1]
}

// sqlArgs collects a statement's parameters, numbering them.
type sqlArgs []any

func (a *sqlArgs) add(v any) string {
	*a = append(*a, v)
	return "$" + strconv.Itoa(len(*a))
}

// pgValue is a public attribute value as pgx encodes it for its column (times
// as time.Time; the binary protocol takes no text for dates).
func pgValue(c store.Column, v any) (any, error) {
	sv, err := record.ToStorage(c, v)
	if err != nil || sv == nil {
		return nil, err
	}
	return fromStored(c.Type, sv)
}

// fromStored converts a stored-form value (record.ToStorage) to its pgx value.
func fromStored(t store.ColumnType, sv any) (any, error) {
	s, ok := sv.(string)
	if !ok {
		return sv, nil
	}
	switch t {
	case store.Date:
		return time.Parse(record.DateLayout, s)
	case store.DateTime:
		return record.ParseTime(s)
	}
	return s, nil
}

// where builds the conditions of one table for q. Values are always bound.
func (li *layerInfo) where(q store.Query, a *sqlArgs, history, keyset bool, keyCol string) (string, error) {
	var conds []string
	if !q.AsOf.IsZero() {
		t := a.add(record.NormTime(q.AsOf))
		conds = append(conds, "start_wersja <= "+t)
		if history {
			conds = append(conds, "(koniec_wersja IS NULL OR koniec_wersja > "+t+")", "(koniec_obiekt IS NULL OR koniec_obiekt > "+t+")")
		}
	}
	if boundFilter(q) {
		// The GiST index finds the candidates by their (float, rounded outwards)
		// boxes; the exact envelope decides.
		b := q.Bound
		minx, miny, maxx, maxy := a.add(b.Min[0]), a.add(b.Min[1]), a.add(b.Max[0]), a.add(b.Max[1])
		conds = append(conds, fmt.Sprintf("geom && ST_MakeEnvelope(%s, %s, %s, %s, %d)", minx, miny, maxx, maxy, store.StorageSRID),
			"ST_XMin(geom) <= "+maxx, "ST_XMax(geom) >= "+minx, "ST_YMin(geom) <= "+maxy, "ST_YMax(geom) >= "+miny)
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
				return "", fmt.Errorf("postgis: layer %s has no public column %q", li.Name, k)
			}
			v, err := pgValue(li.Columns[i], q.Where[k])
			if err != nil {
				return "", err
			}
			if v == nil {
				conds = append(conds, quote(k)+" IS NULL")
			} else {
				conds = append(conds, quote(k)+" = "+a.add(v))
			}
		}
	}
	if len(q.Prefix) > 0 {
		c, err := li.prefixConds(q.Prefix, a)
		if err != nil {
			return "", err
		}
		conds = append(conds, c...)
	}
	if len(q.IDs) > 0 {
		conds = append(conds, "lokalny_id = ANY("+a.add(q.IDs)+")")
	}
	if keyset && q.After != 0 {
		conds = append(conds, keyCol+" > "+a.add(q.After))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), nil
}

// Result shapes of build.
const (
	selRows  = iota // the key followed by selectList
	selCount        // a single count(*)
	selKeys         // the key and lokalny_id only
	selBoxes        // the key, lokalny_id and the exact envelope
)

// build returns the SQL of q: for selCount, a single count; otherwise the key
// followed by selectList (selRows) or by lokalny_id (selKeys), in key order, paged.
func (s *Store) build(q store.Query, shape int) (*layerInfo, string, sqlArgs, error) {
	li, err := s.layer(q.Layer)
	if err != nil {
		return nil, "", nil, err
	}
	if q.Limit < 0 || q.Offset < 0 {
		return nil, "", nil, errors.New("postgis: negative Limit or Offset")
	}
	count := shape == selCount
	cols := li.selectList()
	if q.NoGeometry {
		cols = "NULL::bytea AS geom" + strings.TrimPrefix(cols, "geom")
	}
	switch shape {
	case selKeys:
		cols = "lokalny_id"
	case selBoxes:
		cols = "lokalny_id, ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)"
	}
	var a sqlArgs
	var sql string
	if q.AsOf.IsZero() {
		w, err := li.where(q, &a, false, !count, "fid")
		if err != nil {
			return nil, "", nil, err
		}
		if count {
			sql = "SELECT count(*) FROM " + li.cur + w
		} else {
			sql = "SELECT fid, " + cols + " FROM " + li.cur + w + " ORDER BY fid"
		}
	} else {
		w1, err := li.where(q, &a, false, !count, "sip_vkey")
		if err != nil {
			return nil, "", nil, err
		}
		w2, err := li.where(q, &a, true, !count, "sip_vkey")
		if err != nil {
			return nil, "", nil, err
		}
		if count {
			sql = "SELECT (SELECT count(*) FROM " + li.cur + w1 + ") + (SELECT count(*) FROM " + li.hist + w2 + ")"
		} else {
			sel := "SELECT sip_vkey AS k, " + cols + " FROM "
			sql = sel + li.cur + w1 + " UNION ALL " + sel + li.hist + w2 + " ORDER BY k"
		}
	}
	if !count && q.Limit > 0 {
		sql += " LIMIT " + a.add(int64(q.Limit))
	}
	if !count && q.Offset > 0 {
		sql += " OFFSET " + a.add(int64(q.Offset))
	}
	return li, sql, a, nil
}

// each runs a query and calls fn for each row; errors of the query itself are
// the store's (s.fail), fn's are returned as they are.
func (s *Store) each(ctx context.Context, q querier, op, sql string, args []any, fn func(pgx.Rows) error) error {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return s.fail(op, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return s.fail(op, rows.Err())
}

// Query streams the objects matching q to fn in key order (see the package doc
// for the row keys).
func (s *Store) Query(ctx context.Context, q store.Query, fn func(store.Row) error) error {
	if err := s.check(); err != nil {
		return err
	}
	li, sql, args, err := s.build(q, selRows)
	if err != nil {
		return err
	}
	var key int64
	sc := li.newScanner(&key)
	op := "query " + q.Layer
	return s.each(ctx, s.pool, op, sql, args, func(rows pgx.Rows) error {
		o, err := sc.scan(rows)
		if err != nil {
			return s.fail(op, err)
		}
		return fn(store.Row{Key: key, Object: o})
	})
}

// QueryKeys streams the row key and object id of the objects Query would return,
// in the same order, without reading their geometry or attributes.
func (s *Store) QueryKeys(ctx context.Context, q store.Query, fn func(key int64, id string) error) error {
	if err := s.check(); err != nil {
		return err
	}
	_, sql, args, err := s.build(q, selKeys)
	if err != nil {
		return err
	}
	var key int64
	var id string
	op := "query " + q.Layer
	return s.each(ctx, s.pool, op, sql, args, func(rows pgx.Rows) error {
		if err := rows.Scan(&key, &id); err != nil {
			return s.fail(op, err)
		}
		return fn(key, id)
	})
}

// QueryBoxes streams the row key, object id and exact envelope of the objects
// Query would return, in the same order, reading no geometry.
func (s *Store) QueryBoxes(ctx context.Context, q store.Query, fn func(key int64, id string, b orb.Bound) error) error {
	if err := s.check(); err != nil {
		return err
	}
	_, sql, args, err := s.build(q, selBoxes)
	if err != nil {
		return err
	}
	var (
		key                    int64
		id                     string
		minx, miny, maxx, maxy pgtype.Float8
	)
	op := "query " + q.Layer
	return s.each(ctx, s.pool, op, sql, args, func(rows pgx.Rows) error {
		if err := rows.Scan(&key, &id, &minx, &miny, &maxx, &maxy); err != nil {
			return s.fail(op, err)
		}
		if !minx.Valid || !miny.Valid || !maxx.Valid || !maxy.Valid {
			return nil // no geometry: nothing a box query finds
		}
		return fn(key, id, orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}})
	})
}

// Count counts the objects Query would return, ignoring Limit, Offset and After.
func (s *Store) Count(ctx context.Context, q store.Query) (int64, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	_, sql, args, err := s.build(q, selCount)
	if err != nil {
		return 0, err
	}
	var n int64
	if err := s.pool.QueryRow(ctx, sql, args...).Scan(&n); err != nil {
		return 0, s.fail("count "+q.Layer, err)
	}
	return n, nil
}

// Extent is the bounding box of the current objects of a layer, as maintained in
// sip_extents (exact: recomputed on commit when a removal may have shrunk it).
func (s *Store) Extent(ctx context.Context, layer string) (orb.Bound, bool, error) {
	if err := s.check(); err != nil {
		return orb.Bound{}, false, err
	}
	if _, err := s.layer(layer); err != nil {
		return orb.Bound{}, false, err
	}
	var minx, miny, maxx, maxy pgtype.Float8
	err := s.pool.QueryRow(ctx, `SELECT min_x, min_y, max_x, max_y FROM `+s.q+`.sip_extents WHERE table_name = $1`, layer).
		Scan(&minx, &miny, &maxx, &maxy)
	if errors.Is(err, pgx.ErrNoRows) || err == nil && !(minx.Valid && miny.Valid && maxx.Valid && maxy.Valid) {
		return orb.Bound{}, false, nil
	}
	if err != nil {
		return orb.Bound{}, false, s.fail("extent "+layer, err)
	}
	return orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, true, nil
}

// Get returns the current version of an object, or store.ErrNotFound.
func (s *Store) Get(ctx context.Context, layer, id string) (*store.Object, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	li, err := s.layer(layer)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, "SELECT "+li.selectList()+" FROM "+li.cur+" WHERE lokalny_id = $1", id)
	if err != nil {
		return nil, s.fail("get "+layer, err)
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return nil, s.fail("get "+layer, err)
		}
		return nil, fmt.Errorf("postgis: %s/%s: %w", layer, id, store.ErrNotFound)
	}
	o, err := li.newScanner().scan(rows)
	if err != nil {
		return nil, s.fail("get "+layer, err)
	}
	return o, nil
}

// History returns every stored version of an object (current and archived), oldest
// first by startWersja; store.ErrNotFound if there is none.
func (s *Store) History(ctx context.Context, layer, id string) ([]*store.Object, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	li, err := s.layer(layer)
	if err != nil {
		return nil, err
	}
	out, err := versions(ctx, s.pool, li, " WHERE lokalny_id = $1", id)
	if err != nil {
		return nil, s.fail("history "+layer, err)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("postgis: %s/%s: %w", layer, id, store.ErrNotFound)
	}
	return out, nil
}

// versions reads the versions of both tables of a layer selected by where,
// ordered by object, start of version and version (byte order, as in a
// GeoPackage, whatever the database's collation).
func versions(ctx context.Context, q querier, li *layerInfo, where string, args ...any) ([]*store.Object, error) {
	var out []*store.Object
	err := eachVersion(ctx, q, li, where, args, func(o *store.Object) error { out = append(out, o); return nil })
	return out, err
}

func eachVersion(ctx context.Context, q querier, li *layerInfo, where string, args []any, fn func(*store.Object) error) error {
	sel := "SELECT " + li.selectList() + " FROM "
	rows, err := q.Query(ctx, "SELECT * FROM ("+sel+li.hist+where+" UNION ALL "+sel+li.cur+where+
		`) v ORDER BY lokalny_id COLLATE "C", start_wersja, wersja_id COLLATE "C"`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	sc := li.newScanner()
	for rows.Next() {
		o, err := sc.scan(rows)
		if err != nil {
			return err
		}
		if err := fn(o); err != nil {
			return err
		}
	}
	return rows.Err()
}

// Revision is the newest change-log revision (0 for an empty log).
func (s *Store) Revision(ctx context.Context) (int64, error) {
	if err := s.check(); err != nil {
		return 0, err
	}
	rev, err := logRev(ctx, s.pool, s.q)
	if err != nil {
		return 0, s.fail("revision", err)
	}
	return rev, nil
}

// logRev reads the newest revision: the last key of the log's primary key.
func logRev(ctx context.Context, q querier, schema string) (int64, error) {
	var rev int64
	err := q.QueryRow(ctx, `SELECT coalesce(max(rev), 0) FROM `+schema+`.`+changesTable).Scan(&rev)
	return rev, err
}

const changeCols = `rev, time, layer, lokalny_id, coalesce(wersja_id, ''), op, minx, miny, maxx, maxy, obj, geom`

// scanChange reads one change-log row in its raw form.
func scanChange(rows pgx.Rows) (store.RawChange, error) {
	var (
		c                      store.RawChange
		tm                     time.Time
		minx, miny, maxx, maxy pgtype.Float8
		obj                    pgtype.Text
	)
	if err := rows.Scan(&c.Rev, &tm, &c.Layer, &c.ID, &c.Version, &c.Op, &minx, &miny, &maxx, &maxy, &obj, &c.Geom); err != nil {
		return c, err
	}
	c.Time = record.FormatTime(tm)
	if minx.Valid && miny.Valid && maxx.Valid && maxy.Valid {
		c.HasBounds, c.MinX, c.MinY, c.MaxX, c.MaxY = true, minx.Float64, miny.Float64, maxx.Float64, maxy.Float64
	}
	if obj.Valid {
		c.Obj = []byte(obj.String)
	}
	return c, nil
}

// Changes streams change-log entries with Rev > since, in order.
func (s *Store) Changes(ctx context.Context, since int64, fn func(store.Change) error) error {
	if err := s.check(); err != nil {
		return err
	}
	m := s.meta.Load()
	return s.changes(ctx, s.pool, since, -1, func(rc store.RawChange) error {
		c := store.Change{Rev: rc.Rev, Layer: rc.Layer, ID: rc.ID, Version: rc.Version, Op: store.Op(rc.Op)}
		c.Time, _ = record.ParseTime(rc.Time)
		if rc.HasBounds {
			c.Bounds = orb.Bound{Min: orb.Point{rc.MinX, rc.MinY}, Max: orb.Point{rc.MaxX, rc.MaxY}}
		}
		if rc.Obj != nil {
			li, ok := m.byName[rc.Layer]
			if !ok {
				return fmt.Errorf("postgis: change %d: unknown layer %q", c.Rev, rc.Layer)
			}
			var err error
			if c.Object, err = record.DecodeChange(li.rec, c.ID, c.Version, rc.Obj, rc.Geom); err != nil {
				return fmt.Errorf("postgis: change %d: %w", c.Rev, err)
			}
		}
		return fn(c)
	})
}

// changes streams the raw entries with since < rev <= upTo (upTo -1: no bound).
func (s *Store) changes(ctx context.Context, q querier, since, upTo int64, fn func(store.RawChange) error) error {
	sql, args := `SELECT `+changeCols+` FROM `+s.q+`.`+changesTable+` WHERE rev > $1 ORDER BY rev`, []any{since}
	if upTo >= 0 {
		sql, args = `SELECT `+changeCols+` FROM `+s.q+`.`+changesTable+` WHERE rev > $1 AND rev <= $2 ORDER BY rev`, []any{since, upTo}
	}
	return s.each(ctx, q, "changes", sql, args, func(rows pgx.Rows) error {
		c, err := scanChange(rows)
		if err != nil {
			return s.fail("changes", err)
		}
		return fn(c)
	})
}

// ewkbOf turns little- or big-endian WKB into EWKB carrying SRID 2180.
func ewkbOf(wkb []byte) []byte {
	if len(wkb) < 5 {
		return nil
	}
	var bo interface {
		binary.ByteOrder
		binary.AppendByteOrder
	} = binary.LittleEndian
	if wkb[0] == 0 {
		bo = binary.BigEndian
	}
	out := make([]byte, 0, len(wkb)+4)
	out = append(out, wkb[0])
	out = bo.AppendUint32(out, bo.Uint32(wkb[1:5])|0x20000000)
	out = bo.AppendUint32(out, store.StorageSRID)
	return append(out, wkb[5:]...)
}
