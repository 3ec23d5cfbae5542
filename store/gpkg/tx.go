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
)

// ErrTxDone is returned by operations on a transaction that was committed, rolled
// back, or poisoned by a failed write.
var ErrTxDone = errors.New("gpkg: transaction already finished")

// Tx is a write transaction: one SQLite transaction (BEGIN IMMEDIATE) on the store's
// single writer connection. A Tx must be used by one goroutine at a time.
//
// A Put that fails validation (unknown layer or attribute, wrong geometry type…)
// writes nothing and the transaction stays usable. A Put that fails inside SQLite
// poisons the transaction: Commit then rolls back and returns the error.
type Tx struct {
	s      *Store
	tx     *sql.Tx
	now    string
	layers map[string]*txLayer
	logIns *sql.Stmt
	logged bool
	err    error // sticky SQL error
	done   bool

	// Running state hash (statehash.go): the sums of the layers the transaction
	// touched, the sums valid when it started, and the log revision it started at.
	sums      map[string]*layerSum
	stored    map[string]StateHash
	startRev  int64
	sumsReady bool
}

// extent tracks the gpkg_contents bounding box of one feature table during a Tx.
type extent struct {
	b         orb.Bound
	has       bool
	dirty     bool // must be written back
	recompute bool // a removed geometry touched the edge: compute exactly on commit
}

func (e *extent) add(b orb.Bound) {
	if e.has {
		e.b = e.b.Union(b)
	} else {
		e.b, e.has = b, true
	}
	e.dirty = true
}

func (e *extent) remove(b orb.Bound) {
	e.dirty = true
	if !e.has || b.Min[0] <= e.b.Min[0] || b.Min[1] <= e.b.Min[1] || b.Max[0] >= e.b.Max[0] || b.Max[1] >= e.b.Max[1] {
		e.recompute = true
	}
}

// bulkAfter is the number of Puts on one layer after which a Tx switches that layer
// to bulk mode: the AFTER INSERT triggers of its two R-trees are dropped and the Tx
// inserts the R-tree rows itself, from the envelope it already has, instead of
// letting SQLite call ST_IsEmpty/ST_MinX/… through cgo for every row. Finish
// recreates the triggers before the commit; DDL is transactional in SQLite, so a
// rollback restores them with everything else. Small transactions (the common
// incremental update) never change the schema. A variable for the tests.
var bulkAfter = 512

// txLayer holds the prepared statements and state of one layer in a Tx.
type txLayer struct {
	li       *layerInfo
	sum      *layerSum // the layer's running state hash
	nextVkey int64
	ext      [2]extent // 0 current, 1 history

	puts int  // Puts on this layer so far
	bulk bool // the R-tree insert triggers are dropped: see bulkAfter

	// fresh: both tables were empty when the Tx first touched the layer. Then an
	// object whose id has not been put in this Tx cannot be stored yet, and Put
	// skips the two lookups. seen holds a hash of every id put in this Tx; a hash
	// collision only costs a lookup.
	fresh bool
	seen  map[uint64]struct{}
	seed  maphash.Seed

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
	t := &Tx{s: s, tx: tx, now: fmtTime(time.Now()), layers: map[string]*txLayer{}, sums: map[string]*layerSum{}}
	t.logIns, err = tx.Prepare(`INSERT INTO ` + changesTable +
		` (time, layer, lokalny_id, wersja_id, op, minx, miny, maxx, maxy, obj, geom) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		tx.Rollback()
		return nil, fmt.Errorf("gpkg: begin: %w", err)
	}
	return t, nil
}

func (t *Tx) layer(name string) (*txLayer, error) {
	if tl, ok := t.layers[name]; ok {
		return tl, nil
	}
	li, err := t.s.layer(name)
	if err != nil {
		return nil, err
	}
	tl := &txLayer{li: li, seed: maphash.MakeSeed()}
	if tl.sum, err = t.sumOf(name); err != nil {
		return nil, err
	}
	var stored bool
	if err := t.tx.QueryRow(fmt.Sprintf(`SELECT EXISTS (SELECT 1 FROM %s) OR EXISTS (SELECT 1 FROM %s)`, li.cur, li.hist)).
		Scan(&stored); err != nil {
		return nil, t.fail(err)
	}
	if !stored {
		tl.fresh, tl.seen = true, map[uint64]struct{}{}
	}
	var vk sql.NullInt64
	if err := t.tx.QueryRow(fmt.Sprintf(`SELECT max(m) FROM (SELECT max(sip_vkey) AS m FROM %s UNION ALL SELECT max(sip_vkey) FROM %s)`,
		li.cur, li.hist)).Scan(&vk); err != nil {
		return nil, t.fail(err)
	}
	tl.nextVkey = vk.Int64 + 1
	for i, tbl := range []string{li.Name, li.Name + historySuffix} {
		var minx, miny, maxx, maxy sql.NullFloat64
		if err := t.tx.QueryRow(`SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = ?`, tbl).
			Scan(&minx, &miny, &maxx, &maxy); err != nil {
			return nil, t.fail(err)
		}
		if minx.Valid && miny.Valid && maxx.Valid && maxy.Valid {
			tl.ext[i] = extent{b: orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, has: true}
		}
	}
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
		{&tl.curGet, fmt.Sprintf(`SELECT fid, wersja_id, ifnull(start_wersja, ''), ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, ''), sip_hash, sip_vkey FROM %s WHERE lokalny_id = ?`, li.cur)},
		{&tl.curIns, fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, li.cur, colList, ph)},
		{&tl.curUpd, fmt.Sprintf(`UPDATE %s SET %s WHERE fid = ?`, li.cur, strings.Join(set, ", "))},
		{&tl.curDel, fmt.Sprintf(`DELETE FROM %s WHERE fid = ?`, li.cur)},
		{&tl.curGeom, fmt.Sprintf(`SELECT geom FROM %s WHERE fid = ?`, li.cur)},
		{&tl.curToHist, fmt.Sprintf(`INSERT INTO %s (%s) SELECT %s FROM %s WHERE fid = ?`, li.hist, colList, selMove, li.cur)},
		{&tl.histGet, fmt.Sprintf(`SELECT fid, wersja_id, ifnull(start_wersja, ''), ifnull(koniec_wersja, ''), ifnull(koniec_obiekt, ''), sip_hash, sip_vkey FROM %s WHERE lokalny_id = ?`, li.hist)},
		{&tl.histIns, fmt.Sprintf(`INSERT INTO %s (%s) VALUES (%s)`, li.hist, colList, ph)},
		{&tl.histUpd, fmt.Sprintf(`UPDATE %s SET %s WHERE fid = ?`, li.hist, strings.Join(set, ", "))},
		{&tl.histDel, fmt.Sprintf(`DELETE FROM %s WHERE fid = ?`, li.hist)},
		{&tl.histGeom, fmt.Sprintf(`SELECT geom FROM %s WHERE fid = ?`, li.hist)},
		{&tl.rtIns[0], fmt.Sprintf(`INSERT OR REPLACE INTO %s VALUES (?, ?, ?, ?, ?)`, li.rtCur)},
		{&tl.rtIns[1], fmt.Sprintf(`INSERT OR REPLACE INTO %s VALUES (?, ?, ?, ?, ?)`, li.rtHist)},
	}
	for _, st := range stmts {
		p, err := t.tx.Prepare(st.q)
		if err != nil {
			return nil, t.fail(fmt.Errorf("%w\n%s", err, st.q))
		}
		*st.dst = p
	}
	t.layers[name] = tl
	return tl, nil
}

// tables are the current and the history table of the layer, in ext order.
func (tl *txLayer) tables() [2]string {
	return [2]string{tl.li.Name, tl.li.Name + historySuffix}
}

// startBulk drops the R-tree insert triggers of the layer's tables (see bulkAfter)
// and the indexes of its public id_* columns, which nothing in a Tx reads and which
// cost a quarter of a bulk load when updated row by row.
func (t *Tx) startBulk(tl *txLayer) error {
	stmts := dropIDColumnIndexes(tl.li.Layer)
	for _, tbl := range tl.tables() {
		stmts = append(stmts, `DROP TRIGGER `+rtreeInsertTrigger(tbl))
	}
	for _, q := range stmts {
		if _, err := t.tx.Exec(q); err != nil {
			return err
		}
	}
	tl.bulk = true
	return nil
}

// endBulk recreates the triggers and indexes startBulk dropped.
func (t *Tx) endBulk(tl *txLayer) error {
	stmts := idColumnIndexes(tl.li.Layer)
	for _, tbl := range tl.tables() {
		stmts = append(stmts, rtreeInsertTriggerDDL(tbl))
	}
	for _, q := range stmts {
		if _, err := t.tx.Exec(q); err != nil {
			return err
		}
	}
	tl.bulk = false
	return nil
}

// inserted does what the R-tree insert trigger of table i (0 current, 1 history)
// would have done for the row res inserted with geometry g, when the trigger is
// dropped: the same condition (a non-empty geometry) and the same values (the
// functions behind ST_MinX & co. read the same envelope).
func (t *Tx) inserted(tl *txLayer, i int, res sql.Result, g bnd) error {
	if !tl.bulk || !g.ok {
		return nil
	}
	fid, err := res.LastInsertId()
	if err != nil {
		return err
	}
	_, err = tl.rtIns[i].Exec(fid, g.b.Min[0], g.b.Max[0], g.b.Min[1], g.b.Max[1])
	return err
}

func (t *Tx) fail(err error) error {
	if t.err == nil {
		t.err = fmt.Errorf("gpkg: write failed, transaction must be rolled back: %w", err)
	}
	return t.err
}

// curRow and histRow are what a Put needs to know about stored versions.
type curRow struct {
	fid         int64
	version, sv string
	ev, eo      string // always empty unless written by something else than Put
	hash        string
	vkey        int64
}

type histRow struct {
	fid                 int64
	id                  string
	version, sv, ev, eo string
	hash                string
	vkey                int64
}

// newer orders versions by start_wersja, then by wersja_id as a tie-break.
func newer(aSV, aVer, bSV, bVer string) bool {
	if aSV != bSV {
		return aSV > bSV
	}
	return aVer > bVer
}

// rowArgs are the values of the insert column list; ev/eo override the record's.
func rowArgs(r *record, ev, eo string, vkey int64) []any {
	args := make([]any, 0, 10+len(r.attrs))
	var g any
	if r.geom != nil {
		g = r.geom
	}
	args = append(args, g, r.obj.ID, nullStr(r.obj.Namespace), r.obj.Version,
		nullStr(r.so), r.sv, nullStr(ev), nullStr(eo))
	args = append(args, r.attrs...)
	return append(args, r.hash, vkey)
}

// updArgs are rowArgs without lokalny_id, followed by the fid.
func updArgs(r *record, ev, eo string, vkey, fid int64) []any {
	a := rowArgs(r, ev, eo, vkey)
	a = append(a[:1], a[2:]...)
	return append(a, fid)
}

// Put stores one object version, applying the EGiB lifecycle (see store.Tx):
//
//   - a version without an end whose (lokalnyId, wersjaId) is the current one:
//     Unchanged when its content hash is equal, otherwise updated in place (Updated);
//   - a version without an end newer (by startWersja, then wersjaId) than the current
//     one: the current row moves to the history, its koniecWersja set to the new
//     startWersja if unset, and the new version takes over the current row (same fid)
//     (Updated); with no current row it is inserted (Inserted) unless the history
//     already holds a newer version;
//   - a version without an end that is older than the current or a historic version
//     never becomes current: it is archived with koniecWersja = the start of the next
//     newer version (Archived);
//   - an ended version equal to, or newer than, the current version closes the current
//     row: the current row leaves the current table and the ended version is stored
//     in the history (Deleted: the object is no longer in the current state);
//   - any other ended version goes to the history only (Archived; Unchanged if it is
//     stored identically, Updated if its content or end dates differ).
//
// Every result but Unchanged appends one entry to the change log.
func (t *Tx) Put(ctx context.Context, o *store.Object) (store.PutResult, error) {
	if t.done {
		return store.Unchanged, ErrTxDone
	}
	if t.err != nil {
		return store.Unchanged, t.err
	}
	if err := ctx.Err(); err != nil {
		return store.Unchanged, err
	}
	if o == nil {
		return store.Unchanged, errors.New("gpkg: Put(nil)")
	}
	tl, err := t.layer(o.Layer)
	if err != nil {
		return store.Unchanged, err
	}
	r, err := prepare(tl.li, o)
	if err != nil {
		return store.Unchanged, err
	}
	if tl.puts++; tl.puts == bulkAfter {
		if err := t.startBulk(tl); err != nil {
			return store.Unchanged, t.fail(err)
		}
	}
	res, err := t.put(tl, r)
	if err != nil {
		return store.Unchanged, t.fail(err)
	}
	return res, nil
}

// unseen reports whether the object id is certainly not stored in the layer (see
// txLayer.fresh), and remembers it as seen.
func (tl *txLayer) unseen(id string) bool {
	if !tl.fresh {
		return false
	}
	h := maphash.String(tl.seed, id)
	if _, ok := tl.seen[h]; ok {
		return false
	}
	tl.seen[h] = struct{}{}
	return true
}

func (t *Tx) put(tl *txLayer, r *record) (store.PutResult, error) {
	id, ver := r.obj.ID, r.obj.Version
	isCurrent := r.ev == "" && r.eo == ""
	if tl.unseen(id) {
		// Neither table can hold the object: the lifecycle reduces to a plain insert.
		if isCurrent {
			return t.insertCurrent(tl, r, tl.nextVkeyOf())
		}
		return t.archive(tl, r, nil, r.ev, r.eo)
	}
	var cur curRow
	found := true
	err := tl.curGet.QueryRow(id).Scan(&cur.fid, &cur.version, &cur.sv, &cur.ev, &cur.eo, &cur.hash, &cur.vkey)
	if err == sql.ErrNoRows {
		found = false
	} else if err != nil {
		return 0, err
	}

	if isCurrent && found && cur.version == ver {
		if cur.hash == r.hash {
			return store.Unchanged, nil
		}
		old, err := t.geomBound(tl.curGeom, cur.fid)
		if err != nil {
			return 0, err
		}
		if _, err := tl.curUpd.Exec(updArgs(r, "", "", cur.vkey, cur.fid)...); err != nil {
			return 0, err
		}
		t.replacedCur(tl, id, &cur, r)
		if old.ok {
			tl.ext[0].remove(old.b)
		}
		t.addCur(tl, r)
		return store.Updated, t.log(tl, r, store.OpUpdate, "", "", old)
	}

	hist, err := t.history(tl, id)
	if err != nil {
		return 0, err
	}
	var same *histRow // the stored history row of this very version, if any
	for i := range hist {
		if hist[i].version == ver {
			same = &hist[i]
		}
	}

	if isCurrent {
		// The start of the next newer version, if any: then r can never be current.
		next := ""
		if found && !newer(r.sv, ver, cur.sv, cur.version) {
			next = cur.sv
		}
		for _, h := range hist {
			if h.version != ver && newer(h.sv, h.version, r.sv, ver) && (next == "" || h.sv < next) {
				next = h.sv
			}
		}
		if next != "" {
			return t.archive(tl, r, same, next, "")
		}
		vkey, err := t.dropHist(tl, same)
		if err != nil {
			return 0, err
		}
		if !found {
			return t.insertCurrent(tl, r, vkey)
		}
		// r is newer than the current version: close that one into the history and
		// let r take over the current row (the fid, i.e. the row key, stays).
		old, err := t.geomBound(tl.curGeom, cur.fid)
		if err != nil {
			return 0, err
		}
		if err := t.moveToHist(tl, r, &cur, id, old); err != nil {
			return 0, err
		}
		if _, err := tl.curUpd.Exec(updArgs(r, "", "", vkey, cur.fid)...); err != nil {
			return 0, err
		}
		t.replacedCur(tl, id, &cur, r)
		if old.ok {
			tl.ext[0].remove(old.b)
		}
		t.addCur(tl, r)
		return store.Updated, t.log(tl, r, store.OpUpdate, "", "", old)
	}

	// An ended version.
	if found && (cur.version == ver || newer(r.sv, ver, cur.sv, cur.version)) {
		old, err := t.geomBound(tl.curGeom, cur.fid)
		if err != nil {
			return 0, err
		}
		vkey := cur.vkey
		if cur.version != ver {
			if err := t.moveToHist(tl, r, &cur, id, old); err != nil {
				return 0, err
			}
			vkey = 0
		}
		if _, err := tl.curDel.Exec(cur.fid); err != nil {
			return 0, err
		}
		tl.sum.subRow(tl.li.Name, id, cur.version, cur.hash, cur.ev, cur.eo)
		if old.ok {
			tl.ext[0].remove(old.b)
		}
		hb, err := t.storeHist(tl, r, same, r.ev, r.eo, vkey)
		if err != nil {
			return 0, err
		}
		return store.Deleted, t.log(tl, r, store.OpDelete, r.ev, r.eo, old.union(hb))
	}
	return t.archive(tl, r, same, r.ev, r.eo)
}

// insertCurrent inserts r as a new current row.
func (t *Tx) insertCurrent(tl *txLayer, r *record, vkey int64) (store.PutResult, error) {
	res, err := tl.curIns.Exec(rowArgs(r, "", "", vkey)...)
	if err != nil {
		return 0, err
	}
	if err := t.inserted(tl, 0, res, r.rtreeBound()); err != nil {
		return 0, err
	}
	tl.sum.addRow(tl.li.Name, r.obj.ID, r.obj.Version, r.hash, "", "")
	t.addCur(tl, r)
	return store.Inserted, t.log(tl, r, store.OpInsert, "", "", bnd{})
}

// replacedCur accounts in the running state hash for the current row cur of
// object id rewritten as r.
func (t *Tx) replacedCur(tl *txLayer, id string, cur *curRow, r *record) {
	tl.sum.subRow(tl.li.Name, id, cur.version, cur.hash, cur.ev, cur.eo)
	tl.sum.addRow(tl.li.Name, id, r.obj.Version, r.hash, "", "")
}

// moveToHist copies the current row cur of object id, whose geometry has the bound
// old, into the history, closing it at the start of r if it has no end.
func (t *Tx) moveToHist(tl *txLayer, r *record, cur *curRow, id string, old bnd) error {
	res, err := tl.curToHist.Exec(r.sv, cur.fid)
	if err != nil {
		return err
	}
	ev := cur.ev
	if ev == "" {
		ev = r.sv // coalesce(koniec_wersja, ?)
	}
	tl.sum.addRow(tl.li.Name, id, cur.version, cur.hash, ev, cur.eo)
	if err := t.inserted(tl, 1, res, old); err != nil {
		return err
	}
	if old.ok {
		tl.ext[1].add(old.b)
	}
	return nil
}

// nextVkeyOf hands out the next version key of the layer.
func (tl *txLayer) nextVkeyOf() int64 {
	vk := tl.nextVkey
	tl.nextVkey++
	return vk
}

// bnd is an optional bounding box.
type bnd struct {
	b  orb.Bound
	ok bool
}

func (a bnd) union(b bnd) bnd {
	switch {
	case !a.ok:
		return b
	case !b.ok:
		return a
	}
	return bnd{a.b.Union(b.b), true}
}

func (t *Tx) addCur(tl *txLayer, r *record) {
	if r.hasBound {
		tl.ext[0].add(r.bound)
	}
}

func (t *Tx) geomBound(st *sql.Stmt, fid int64) (bnd, error) {
	var g []byte
	if err := st.QueryRow(fid).Scan(&g); err != nil {
		return bnd{}, err
	}
	b, ok := blobBound(g)
	return bnd{b, ok}, nil
}

func (t *Tx) history(tl *txLayer, id string) ([]histRow, error) {
	rows, err := tl.histGet.Query(id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []histRow
	for rows.Next() {
		h := histRow{id: id}
		if err := rows.Scan(&h.fid, &h.version, &h.sv, &h.ev, &h.eo, &h.hash, &h.vkey); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// dropHist removes a history row of a version that becomes current again and
// returns the version key to use for it.
func (t *Tx) dropHist(tl *txLayer, h *histRow) (int64, error) {
	if h == nil {
		return tl.nextVkeyOf(), nil
	}
	old, err := t.geomBound(tl.histGeom, h.fid)
	if err != nil {
		return 0, err
	}
	if _, err := tl.histDel.Exec(h.fid); err != nil {
		return 0, err
	}
	tl.sum.subRow(tl.li.Name, h.id, h.version, h.hash, h.ev, h.eo)
	if old.ok {
		tl.ext[1].remove(old.b)
	}
	return h.vkey, nil
}

// storeHist inserts r into the history, or overwrites the stored row of the same
// version. It returns the bound of the overwritten geometry.
func (t *Tx) storeHist(tl *txLayer, r *record, same *histRow, ev, eo string, vkey int64) (bnd, error) {
	var old bnd
	if same != nil {
		var err error
		if old, err = t.geomBound(tl.histGeom, same.fid); err != nil {
			return old, err
		}
		if _, err := tl.histUpd.Exec(updArgs(r, ev, eo, same.vkey, same.fid)...); err != nil {
			return old, err
		}
		tl.sum.subRow(tl.li.Name, same.id, same.version, same.hash, same.ev, same.eo)
		if old.ok {
			tl.ext[1].remove(old.b)
		}
	} else {
		if vkey == 0 {
			vkey = tl.nextVkeyOf()
		}
		res, err := tl.histIns.Exec(rowArgs(r, ev, eo, vkey)...)
		if err != nil {
			return old, err
		}
		if err := t.inserted(tl, 1, res, r.rtreeBound()); err != nil {
			return old, err
		}
	}
	tl.sum.addRow(tl.li.Name, r.obj.ID, r.obj.Version, r.hash, ev, eo)
	if r.hasBound {
		tl.ext[1].add(r.bound)
	}
	return old, nil
}

// archive stores r in the history only; the current state is unchanged.
func (t *Tx) archive(tl *txLayer, r *record, same *histRow, ev, eo string) (store.PutResult, error) {
	if same != nil && same.hash == r.hash && same.ev == ev && same.eo == eo {
		return store.Unchanged, nil
	}
	old, err := t.storeHist(tl, r, same, ev, eo, 0)
	if err != nil {
		return 0, err
	}
	res := store.Archived
	if same != nil {
		res = store.Updated
	}
	return res, t.log(tl, r, store.OpArchive, ev, eo, old)
}

// log appends one change-log entry for r as stored (with end dates ev, eo); old is
// the bound of the geometry the change replaced.
func (t *Tx) log(tl *txLayer, r *record, op store.Op, ev, eo string, old bnd) error {
	b := old.union(bnd{r.bound, r.hasBound})
	var minx, miny, maxx, maxy any
	if b.ok {
		minx, miny, maxx, maxy = b.b.Min[0], b.b.Min[1], b.b.Max[0], b.b.Max[1]
	}
	var g any
	if r.geom != nil {
		h, err := parseHeader(r.geom)
		if err != nil {
			return err
		}
		g = r.geom[h.wkbOff:]
	}
	_, err := t.logIns.Exec(t.now, tl.li.Name, r.obj.ID, r.obj.Version, string(op),
		minx, miny, maxx, maxy, string(encodeChangeJSON(tl.li, r, ev, eo)), g)
	t.logged = true
	return err
}

// Commit writes the gpkg_contents extents and last_change of the tables the
// transaction touched, then commits. On any error everything is rolled back.
func (t *Tx) Commit() error {
	if t.done {
		return ErrTxDone
	}
	t.done = true
	if t.err != nil {
		t.tx.Rollback()
		return t.err
	}
	if err := t.finish(); err != nil {
		t.tx.Rollback()
		return fmt.Errorf("gpkg: commit: %w", err)
	}
	if err := t.tx.Commit(); err != nil {
		t.tx.Rollback()
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
		tl, ok := t.layers[l.Name]
		if !ok {
			continue
		}
		if tl.bulk {
			if err := t.endBulk(tl); err != nil {
				return err
			}
		}
		for i, tbl := range []string{tl.li.Name, tl.li.Name + historySuffix} {
			e := &tl.ext[i]
			if !e.dirty {
				continue
			}
			if e.recompute {
				rt := tl.li.rtCur
				qt := tl.li.cur
				if i == 1 {
					rt, qt = tl.li.rtHist, tl.li.hist
				}
				var err error
				if e.b, e.has, err = exactExtent(t.tx, qt, rt); err != nil {
					return err
				}
			}
			var minx, miny, maxx, maxy any
			if e.has {
				minx, miny, maxx, maxy = e.b.Min[0], e.b.Min[1], e.b.Max[0], e.b.Max[1]
			}
			if _, err := t.tx.Exec(`UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? WHERE table_name = ?`,
				minx, miny, maxx, maxy, t.now, tbl); err != nil {
				return err
			}
		}
	}
	if err := t.writeSums(); err != nil {
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
	if t.done {
		return nil
	}
	t.done = true
	return t.tx.Rollback()
}

var _ store.Tx = (*Tx)(nil)
