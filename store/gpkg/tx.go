package gpkg

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"hash/maphash"
	"math"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/lifecycle"
	"github.com/sip-core/sip/store/internal/record"
)

// ErrTxDone is returned by operations on a transaction that was committed, rolled
// back, or poisoned by a failed write.
var ErrTxDone = lifecycle.ErrTxDone

// Tx is a write transaction: one SQLite transaction (BEGIN IMMEDIATE) on the store's
// single writer connection. A Tx must be used by one goroutine at a time. The
// lifecycle rules, the running state hash and the extents are the shared ones
// (package lifecycle); this file holds their SQLite row operations.
//
// A Put that fails validation (unknown layer or attribute, wrong geometry type…)
// writes nothing and the transaction stays usable. A Put that fails inside SQLite
// poisons the transaction: Commit then rolls back and returns the error.
type Tx struct {
	s      *Store
	tx     *sql.Tx
	now    string
	lc     *lifecycle.Tx
	tables map[string]*tables
	logIns *sql.Stmt
	logged bool
}

// bulkAfter is the number of Puts on one layer after which a Tx switches that layer
// to bulk mode: the AFTER INSERT triggers of its two R-trees are dropped and the Tx
// inserts the R-tree rows itself, from the envelope it already has, instead of
// letting SQLite call ST_IsEmpty/ST_MinX/… through cgo for every row. Finish
// recreates the triggers before the commit; DDL is transactional in SQLite, so a
// rollback restores them with everything else. Small transactions (the common
// incremental update) never change the schema. A variable for the tests.
var bulkAfter = 512

// tables is one layer's two tables in a Tx: the lifecycle's row operations.
type tables struct {
	t  *Tx
	li *layerInfo

	puts int  // Puts on this layer so far
	bulk bool // the R-tree insert triggers are dropped: see bulkAfter

	// fresh: both tables were empty when the Tx first touched the layer. Then an
	// object whose id has not been put in this Tx cannot be stored yet, and Put
	// skips the two lookups. seen holds a hash of every id put in this Tx; a hash
	// collision only costs a lookup. unseen is the id Current last found unseen.
	fresh  bool
	seen   map[uint64]struct{}
	seed   maphash.Seed
	unseen string

	rtIns [2]*sql.Stmt // INSERT OR REPLACE into the R-tree of each table (bulk mode)

	curGet, curIns, curUpd, curDel, curGeom, curToHist *sql.Stmt
	histGet, histIns, histUpd, histDel, histGeom       *sql.Stmt
}

// Begin starts a write transaction. It waits until the previous transaction of this
// Store has finished, and for other processes' write locks up to the busy timeout.
func (s *Store) Begin(ctx context.Context) (store.Tx, error) { return s.BeginTx(ctx) }

// BeginTx is Begin returning the concrete type.
func (s *Store) BeginTx(ctx context.Context) (*Tx, error) {
	if s.readOnly || s.wdb == nil {
		return nil, errors.New("gpkg: store is read-only")
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("gpkg: begin: %w", err)
	}
	t := &Tx{s: s, tx: tx, now: record.FormatTime(time.Now()), tables: map[string]*tables{}}
	t.lc = lifecycle.New(t)
	t.lc.SetPoison(func(err error) error {
		return fmt.Errorf("gpkg: write failed, transaction must be rolled back: %w", err)
	})
	t.logIns, err = tx.Prepare(`INSERT INTO ` + changesTable +
		` (time, layer, lokalny_id, wersja_id, op, minx, miny, maxx, maxy, obj, geom) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("gpkg: begin: %w", err)
	}
	return t, nil
}

// lookup finds a layer of the store's schema for the lifecycle.
func (s *Store) lookup(name string) (*record.Layer, error) {
	li, err := s.layer(name)
	if err != nil {
		return nil, err
	}
	return li.rec, nil
}

// OpenLayer implements lifecycle.Backend: it reads what the lifecycle needs to
// know of the layer and prepares the statements of its row operations.
func (t *Tx) OpenLayer(rl *record.Layer) (lifecycle.Tables, lifecycle.LayerStart, error) {
	var st lifecycle.LayerStart
	li, err := t.s.layer(rl.Name)
	if err != nil {
		return nil, st, err
	}
	tb := &tables{t: t, li: li, seed: maphash.MakeSeed()}
	var stored bool
	if err := t.tx.QueryRow(fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %s) OR EXISTS (SELECT 1 FROM %s)`, li.cur, li.hist)).
		Scan(&stored); err != nil {
		return nil, st, err
	}
	if !stored {
		tb.fresh, tb.seen = true, map[uint64]struct{}{}
	}
	var vk sql.NullInt64
	if err := t.tx.QueryRow(fmt.Sprintf(`SELECT max(m) FROM (SELECT max(sip_vkey) AS m FROM %s UNION ALL SELECT max(sip_vkey) FROM %s)`,
		li.cur, li.hist)).Scan(&vk); err != nil {
		return nil, st, err
	}
	st.MaxVKey = vk.Int64
	for i, tbl := range []string{li.Name, li.Name + historySuffix} {
		var minx, miny, maxx, maxy sql.NullFloat64
		if err := t.tx.QueryRow(`SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?`, tbl).
			Scan(&minx, &miny, &maxx, &maxy); err != nil {
			return nil, st, err
		}
		if minx.Valid && miny.Valid && maxx.Valid && maxy.Valid {
			st.Extent[i] = record.Bnd{B: orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, OK: true}
		}
	}
	if err := tb.prepare(); err != nil {
		return nil, st, err
	}
	t.tables[li.Name] = tb
	return tb, st, nil
}

// prepare prepares the statements of the layer's row operations.
func (tb *tables) prepare() error {
	li := tb.li
	cols := []string{"geom", "lokalny_id", "przestrzen_nazw", "wersja_id", "start_obiekt", "start_wersja", "koniec_wersja", "koniec_obiekt"}
	for _, c := range li.pub {
		cols = append(cols, quote(c))
	}
	cols = append(cols, "sip_hash", "sip_vkey")
	colList := strings.Join(cols, ", ")
	ph := strings.TrimSuffix(strings.Repeat("?,", len(cols)), ",")
	var set []string
	for _, c := range cols {
		if c != "lokalny_id" {
			set = append(set, c+" = ?")
		}
	}
	selMove := strings.Replace(colList, "koniec_wersja", "coalesce(koniec_wersja, ?)", 1)
	stmts := []struct {
		dst **sql.Stmt
		q   string
	}{
		{&tb.curGet, fmt.Sprintf(`SELECT fid, wersja_id, ifnull(start_wersja, ''), ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, ''), sip_hash, sip_vkey FROM %s WHERE lokalny_id = ?`, li.cur)},
		{&tb.curIns, fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, li.cur, colList, ph)},
		{&tb.curUpd, fmt.Sprintf(`UPDATE %s SET %s WHERE fid = ?`, li.cur, strings.Join(set, ", "))},
		{&tb.curDel, fmt.Sprintf(`DELETE FROM %s WHERE fid = ?`, li.cur)},
		{&tb.curGeom, fmt.Sprintf(`SELECT geom FROM %s WHERE fid = ?`, li.cur)},
		{&tb.curToHist, fmt.Sprintf(`INSERT INTO %s (%s) SELECT %s FROM %s WHERE fid = ?`, li.hist, colList, selMove, li.cur)},
		{&tb.histGet, fmt.Sprintf(`SELECT fid, wersja_id, ifnull(start_wersja, ''), ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, ''), sip_hash, sip_vkey FROM %s WHERE lokalny_id = ?`, li.hist)},
		{&tb.histIns, fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, li.hist, colList, ph)},
		{&tb.histUpd, fmt.Sprintf(`UPDATE %s SET %s WHERE fid = ?`, li.hist, strings.Join(set, ", "))},
		{&tb.histDel, fmt.Sprintf(`DELETE FROM %s WHERE fid = ?`, li.hist)},
		{&tb.histGeom, fmt.Sprintf(`SELECT geom FROM %s WHERE fid = ?`, li.hist)},
		{&tb.rtIns[0], fmt.Sprintf(`INSERT OR REPLACE INTO %s VALUES (?, ?, ?, ?, ?)`, li.rtCur)},
		{&tb.rtIns[1], fmt.Sprintf(`INSERT OR REPLACE INTO %s VALUES (?, ?, ?, ?, ?)`, li.rtHist)},
	}
	for _, st := range stmts {
		p, err := tb.t.tx.Prepare(st.q)
		if err != nil {
			return fmt.Errorf("%w\n%s", err, st.q)
		}
		*st.dst = p
	}
	return nil
}

// names are the current and the history table of the layer, in extent order.
func (tb *tables) names() [2]string {
	return [2]string{tb.li.Name, tb.li.Name + historySuffix}
}

// startBulk drops the R-tree insert triggers of the layer's tables (see bulkAfter)
// and the indexes of its public id_* columns, which nothing in a Tx reads and which
// cost a quarter of a bulk load when updated row by row.
func (tb *tables) startBulk() error {
	stmts := dropIDColumnIndexes(tb.li.Layer)
	for _, tbl := range tb.names() {
		stmts = append(stmts, `DROP TRIGGER `+rtreeInsertTrigger(tbl))
	}
	for _, q := range stmts {
		if _, err := tb.t.tx.Exec(q); err != nil {
			return err
		}
	}
	tb.bulk = true
	return nil
}

// endBulk recreates the triggers and indexes startBulk dropped.
func (tb *tables) endBulk() error {
	stmts := idColumnIndexes(tb.li.Layer)
	for _, tbl := range tb.names() {
		stmts = append(stmts, rtreeInsertTriggerDDL(tbl))
	}
	for _, q := range stmts {
		if _, err := tb.t.tx.Exec(q); err != nil {
			return err
		}
	}
	tb.bulk = false
	return nil
}

// inserted does what the R-tree insert trigger of table i (0 current, 1 history)
// would have done for the row res inserted with geometry bound g, when the trigger
// is dropped: the same condition (a non-empty geometry) and the same values (the
// functions behind ST_MinX & co. read the same envelope).
func (tb *tables) inserted(i int, res sql.Result, g record.Bnd) error {
	if !tb.bulk || !g.OK {
		return nil
	}
	fid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tb.rtIns[i].Exec(fid, g.B.Min[0], g.B.Max[0], g.B.Min[1], g.B.Max[1])
	return err
}

func (t *Tx) fail(err error) error { return t.lc.Fail(err) }

// rowArgs are the values of the insert column list; ev/eo override the record's.
func rowArgs(r *record.Record, ev, eo string, vkey int64) []any {
	args := make([]any, 0, 10+len(r.Attrs))
	var g any
	if r.Geom != nil {
		g = r.Geom
	}
	args = append(args, g, r.Obj.ID, record.NullStr(r.Obj.Namespace), r.Obj.Version,
		record.NullStr(r.SO), r.SV, record.NullStr(ev), record.NullStr(eo))
	args = append(args, r.Attrs...)
	return append(args, r.Hash, vkey)
}

// updArgs are rowArgs without lokalny_id, followed by the fid.
func updArgs(r *record.Record, ev, eo string, vkey, fid int64) []any {
	a := rowArgs(r, ev, eo, vkey)
	a = append(a[:1], a[2:]...)
	return append(a, fid)
}

// Put stores one object version, applying the EGiB lifecycle (package lifecycle).
func (t *Tx) Put(ctx context.Context, o *store.Object) (store.PutResult, error) {
	return t.lc.PutObject(ctx, t.s.lookup, o)
}

// Current implements lifecycle.Tables. On a fresh layer an id not yet put in
// the transaction cannot be stored: no lookup.
func (tb *tables) Current(id string) (lifecycle.Row, bool, error) {
	if tb.puts++; tb.puts == bulkAfter {
		if err := tb.startBulk(); err != nil {
			return lifecycle.Row{}, false, err
		}
	}
	tb.unseen = ""
	if tb.fresh {
		h := maphash.String(tb.seed, id)
		if _, ok := tb.seen[h]; !ok {
			tb.seen[h] = struct{}{}
			tb.unseen = id
			return lifecycle.Row{}, false, nil
		}
	}
	row := lifecycle.Row{ID: id}
	err := tb.curGet.QueryRow(id).Scan(&row.Key, &row.Version, &row.SV, &row.EV, &row.EO, &row.Hash, &row.VKey)
	if err == sql.ErrNoRows {
		return row, false, nil
	}
	return row, err == nil, err
}

// History implements lifecycle.Tables.
func (tb *tables) History(id string) ([]lifecycle.Row, error) {
	if id == tb.unseen {
		return nil, nil
	}
	rows, err := tb.histGet.Query(id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []lifecycle.Row
	for rows.Next() {
		h := lifecycle.Row{ID: id}
		if err := rows.Scan(&h.Key, &h.Version, &h.SV, &h.EV, &h.EO, &h.Hash, &h.VKey); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// Bound implements lifecycle.Tables: the envelope in the stored blob's header.
func (tb *tables) Bound(row lifecycle.Row, hist bool) (record.Bnd, error) {
	st := tb.curGeom
	if hist {
		st = tb.histGeom
	}
	var g []byte
	if err := st.QueryRow(row.Key).Scan(&g); err != nil {
		return record.Bnd{}, err
	}
	b, ok := record.BlobBound(g)
	return record.Bnd{B: b, OK: ok}, nil
}

// InsertCurrent implements lifecycle.Tables.
func (tb *tables) InsertCurrent(r *record.Record, vkey int64) error {
	res, err := tb.curIns.Exec(rowArgs(r, "", "", vkey)...)
	if err != nil {
		return err
	}
	return tb.inserted(0, res, r.GeomBound())
}

// UpdateCurrent implements lifecycle.Tables.
func (tb *tables) UpdateCurrent(row lifecycle.Row, r *record.Record, vkey int64) error {
	_, err := tb.curUpd.Exec(updArgs(r, "", "", vkey, row.Key)...)
	return err
}

// DeleteCurrent implements lifecycle.Tables.
func (tb *tables) DeleteCurrent(row lifecycle.Row) error {
	_, err := tb.curDel.Exec(row.Key)
	return err
}

// MoveToHistory implements lifecycle.Tables.
func (tb *tables) MoveToHistory(row lifecycle.Row, end string, b record.Bnd) error {
	res, err := tb.curToHist.Exec(end, row.Key)
	if err != nil {
		return err
	}
	return tb.inserted(1, res, b)
}

// InsertHistory implements lifecycle.Tables.
func (tb *tables) InsertHistory(r *record.Record, ev, eo string, vkey int64) error {
	res, err := tb.histIns.Exec(rowArgs(r, ev, eo, vkey)...)
	if err != nil {
		return err
	}
	return tb.inserted(1, res, r.GeomBound())
}

// UpdateHistory implements lifecycle.Tables.
func (tb *tables) UpdateHistory(row lifecycle.Row, r *record.Record, ev, eo string) error {
	_, err := tb.histUpd.Exec(updArgs(r, ev, eo, row.VKey, row.Key)...)
	return err
}

// DeleteHistory implements lifecycle.Tables.
func (tb *tables) DeleteHistory(row lifecycle.Row) error {
	_, err := tb.histDel.Exec(row.Key)
	return err
}

// Log implements lifecycle.Backend.
func (t *Tx) Log(layer, id, version string, op store.Op, obj, wkb []byte, b record.Bnd) error {
	minx, miny, maxx, maxy := b.Args()
	o, g := record.LogArgs(obj, wkb)
	_, err := t.logIns.Exec(t.now, layer, id, version, string(op), minx, miny, maxx, maxy, o, g)
	t.logged = true
	return err
}

// ExactExtent implements lifecycle.Backend.
func (t *Tx) ExactExtent(layer string, hist bool) (record.Bnd, error) {
	li, err := t.s.layer(layer)
	if err != nil {
		return record.Bnd{}, err
	}
	qt, rt := li.cur, li.rtCur
	if hist {
		qt, rt = li.hist, li.rtHist
	}
	b, ok, err := exactExtent(t.tx, qt, rt)
	return record.Bnd{B: b, OK: ok}, err
}

// WriteExtent implements lifecycle.Backend: the gpkg_contents bounding box and
// last_change of the table.
func (t *Tx) WriteExtent(layer string, hist bool, b record.Bnd) error {
	tbl := layer
	if hist {
		tbl += historySuffix
	}
	minx, miny, maxx, maxy := b.Args()
	_, err := t.tx.Exec(`UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? WHERE table_name = ?`,
		minx, miny, maxx, maxy, t.now, tbl)
	return err
}

// Commit writes the gpkg_contents extents and last_change of the tables the
// transaction touched, then commits. On any error everything is rolled back.
func (t *Tx) Commit() error {
	if t.lc.End() {
		return ErrTxDone
	}
	if err := t.lc.Err(); err != nil {
		t.tx.Rollback()
		t.lc.Undo()
		return err
	}
	if err := t.finish(); err != nil {
		t.tx.Rollback()
		t.lc.Undo()
		return fmt.Errorf("gpkg: commit: %w", err)
	}
	if err := t.tx.Commit(); err != nil {
		t.tx.Rollback()
		t.lc.Undo()
		return fmt.Errorf("gpkg: commit: %w", err)
	}
	if t.s.walPending {
		// The first load of a fresh store is in; from now on readers share it.
		if err := t.s.enterWAL(); err != nil {
			return fmt.Errorf("gpkg: after commit: %w", err)
		}
	}
	return nil
}

func (t *Tx) finish() error {
	for _, l := range t.s.layers { // schema order: the same input gives the same file
		if tb, ok := t.tables[l.Name]; ok && tb.bulk {
			if err := tb.endBulk(); err != nil {
				return err
			}
		}
	}
	if err := t.lc.Finish(t.s.layers); err != nil {
		return err
	}
	if t.logged {
		if _, err := t.tx.Exec(`UPDATE gpkg_contents SET last_change = ? WHERE table_name = ?`, t.now, changesTable); err != nil {
			return err
		}
	}
	return nil
}

// exactExtent computes the exact extent of a feature table. The R-tree holds float32
// boxes rounded outwards, so it only names the candidates whose exact envelope may
// lie on the border; their GeoPackage headers give the exact values.
func exactExtent(tx *sql.Tx, table, rtree string) (orb.Bound, bool, error) {
	var rminx, rmaxx, rminy, rmaxy sql.NullFloat64
	if err := tx.QueryRow(`SELECT min(minx), max(maxx), min(miny), max(maxy) FROM `+rtree).
		Scan(&rminx, &rmaxx, &rminy, &rmaxy); err != nil {
		return orb.Bound{}, false, err
	}
	if !rminx.Valid {
		return orb.Bound{}, false, nil
	}
	tol := func(v float64) float64 { return math.Abs(v)*1e-6 + 1e-6 }
	var b orb.Bound
	qs := []struct {
		dst *float64
		q   string
		arg float64
	}{
		{&b.Min[0], `SELECT min(ST_MinX(geom)) FROM %s WHERE fid IN (SELECT id FROM %s WHERE minx <= ?)`, rminx.Float64 + tol(rminx.Float64)},
		{&b.Max[0], `SELECT max(ST_MaxX(geom)) FROM %s WHERE fid IN (SELECT id FROM %s WHERE maxx >= ?)`, rmaxx.Float64 - tol(rmaxx.Float64)},
		{&b.Min[1], `SELECT min(ST_MinY(geom)) FROM %s WHERE fid IN (SELECT id FROM %s WHERE miny <= ?)`, rminy.Float64 + tol(rminy.Float64)},
		{&b.Max[1], `SELECT max(ST_MaxY(geom)) FROM %s WHERE fid IN (SELECT id FROM %s WHERE maxy >= ?)`, rmaxy.Float64 - tol(rmaxy.Float64)},
	}
	for _, q := range qs {
		var v sql.NullFloat64
		if err := tx.QueryRow(fmt.Sprintf(q.q, table, rtree), q.arg).Scan(&v); err != nil {
			return orb.Bound{}, false, err
		}
		*q.dst = v.Float64
	}
	return b, true, nil
}

// Rollback abandons the transaction; the file is left exactly as before Begin.
func (t *Tx) Rollback() error {
	if t.lc.End() {
		return nil
	}
	defer t.lc.Undo()
	return t.tx.Rollback()
}

var (
	_ store.Tx          = (*Tx)(nil)
	_ lifecycle.Backend = (*Tx)(nil)
)
