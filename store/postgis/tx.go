package postgis

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/paulmach/orb"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/lifecycle"
	"github.com/sip-core/sip/store/internal/record"
)

// ErrTxDone is returned by operations on a transaction that was committed, rolled
// back, or poisoned by a failed write.
var ErrTxDone = lifecycle.ErrTxDone

// Buffer limits: rows of objects the database does not hold yet wait in memory
// until this many rows or bytes, then go in with one COPY per table.
const (
	flushRows  = 4096
	flushBytes = 8 << 20
	logRows    = 4096
)

// Tx is a write transaction: one database transaction holding the dataset's
// writer lock. The lifecycle rules, the running state hash and the extents are
// the shared ones (package lifecycle); this file holds their PostgreSQL row
// operations. A Tx must be used by one goroutine at a time.
//
// A Put that fails validation writes nothing and the transaction stays usable; a
// Put that fails in the database (or loses its connection) poisons it: Commit
// then rolls back and returns the error.
type Tx struct {
	s      *Store
	raw    pgx.Tx
	tx     txConn          // raw, after the COPY in flight
	ctx    context.Context // the context of the operation in progress
	now    time.Time
	lc     *lifecycle.Tx
	tables map[string]*tables
	rev    int64   // the last revision handed out
	log    [][]any // change-log rows waiting for COPY

	// The COPY in flight (nil: none) and the error of the last one.
	copying chan error
	copyErr error
}

// txConn is the transaction's connection as everything but the COPY uses it:
// each statement first waits for the COPY in flight, which has the connection.
type txConn struct{ t *Tx }

func (c txConn) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	if err := c.t.wait(); err != nil {
		return nil, err
	}
	return c.t.raw.Query(ctx, sql, args...)
}

func (c txConn) QueryRow(ctx context.Context, sql string, args ...any) pgx.Row {
	if err := c.t.wait(); err != nil {
		return errRow{err}
	}
	return c.t.raw.QueryRow(ctx, sql, args...)
}

func (c txConn) Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error) {
	if err := c.t.wait(); err != nil {
		return pgconn.CommandTag{}, err
	}
	return c.t.raw.Exec(ctx, sql, args...)
}

func (c txConn) Commit(ctx context.Context) error {
	if err := c.t.wait(); err != nil {
		return err
	}
	return c.t.raw.Commit(ctx)
}

func (c txConn) Rollback(ctx context.Context) error {
	c.t.wait()
	return c.t.raw.Rollback(ctx)
}

// errRow is a row whose query could not run.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// copyJob is one COPY into one table.
type copyJob struct {
	table pgx.Identifier
	cols  []string
	rows  [][]any
}

// enqueue starts COPYing jobs on the transaction's connection while the caller
// goes on preparing the next rows; the next statement waits for it. One COPY is
// in flight at a time, so at most two batches are in memory.
func (t *Tx) enqueue(jobs ...copyJob) error {
	if err := t.wait(); err != nil {
		return err
	}
	ch := make(chan error, 1)
	t.copying = ch
	ctx := t.ctx
	go func() {
		for _, j := range jobs {
			if _, err := t.raw.CopyFrom(ctx, j.table, j.cols, pgx.CopyFromRows(j.rows)); err != nil {
				ch <- err
				return
			}
		}
		ch <- nil
	}()
	return nil
}

// wait waits for the COPY in flight; its error stays with the transaction.
func (t *Tx) wait() error {
	if t.copying != nil {
		if err := <-t.copying; err != nil && t.copyErr == nil {
			t.copyErr = err
		}
		t.copying = nil
	}
	return t.copyErr
}

// Begin starts a write transaction. It waits until the dataset's previous write
// transaction (in any process) has finished.
func (s *Store) Begin(ctx context.Context) (store.Tx, error) { return s.beginTx(ctx) }

func (s *Store) beginTx(ctx context.Context) (*Tx, error) {
	if s.readOnly {
		return nil, errors.New("postgis: store is read-only")
	}
	if err := s.check(); err != nil {
		return nil, err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, s.fail("begin", err)
	}
	t := &Tx{s: s, raw: tx, ctx: ctx, now: time.Now().UTC().Truncate(time.Millisecond), tables: map[string]*tables{}}
	t.tx = txConn{t}
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, "sip-write:"+s.schema); err != nil {
		tx.Rollback(context.Background())
		return nil, s.fail("begin", err)
	}
	if t.rev, err = logRev(ctx, tx, s.q); err != nil {
		tx.Rollback(context.Background())
		return nil, s.fail("begin", err)
	}
	t.lc = lifecycle.New(t)
	t.lc.SetPoison(func(err error) error { return s.fail("write failed, transaction must be rolled back", err) })
	return t, nil
}

func (t *Tx) fail(err error) error { return t.lc.Fail(err) }

// lookup finds a layer of the store's schema for the lifecycle.
func (s *Store) lookup(name string) (*record.Layer, error) {
	li, err := s.layer(name)
	if err != nil {
		return nil, err
	}
	return li.rec, nil
}

// Put stores one object version, applying the EGiB lifecycle (package lifecycle).
func (t *Tx) Put(ctx context.Context, o *store.Object) (store.PutResult, error) {
	t.ctx = ctx
	return t.lc.PutObject(ctx, t.s.lookup, o)
}

// tables is one layer's two tables in a Tx: the lifecycle's row operations.
//
// Rows of objects the database holds no version of (every object on a layer
// that was empty, and new objects on any layer) wait in cur and hist and go in
// with COPY; pend indexes them by object, so that later versions of the same
// object in the transaction find and change them there. Objects with stored
// versions are looked up and written with single statements.
type tables struct {
	t  *Tx
	li *layerInfo

	// fresh: both tables were empty when the Tx first touched the layer: an id
	// not yet seen in the Tx has no stored version (seen holds id hashes; a
	// collision only costs a lookup).
	fresh bool
	seen  map[uint64]struct{}
	seed  maphash.Seed
	// unstored is the object of the Put in progress when it has no stored
	// version: its new rows are buffered.
	unstored string

	cur, hist []pendRow
	pend      map[string]*pendObj
	bytes     int
	loaded    [2]int // rows written with COPY in this Tx: current, history

	// unindexed: the layer has no secondary indexes yet (never loaded): they
	// are built on commit; lookups need the lokalnyId ones first (lookupIndexed).
	unindexed, lookupIndexed bool

	// The last database lookup: the history rows of lookID.
	lookID   string
	lookHist []lifecycle.Row

	// ahead holds the stored rows of the objects that follow the last one
	// found, in row order (see prefetch); aheadTo is the last row key read.
	ahead   map[string]*storedObj
	aheadTo int64
}

// storedObj is an object's stored rows, read ahead.
type storedObj struct {
	cur  lifecycle.Row
	hist []lifecycle.Row
}

// prefetchRows is how many objects a read-ahead brings.
const prefetchRows = 512

// pendRow is a buffered row.
type pendRow struct {
	r      *record.Record
	ev, eo string
	vkey   int64
	dead   bool
}

// pendObj lists an object's buffered rows (cur -1: none).
type pendObj struct {
	cur  int
	hist []int
}

// OpenLayer implements lifecycle.Backend.
func (t *Tx) OpenLayer(rl *record.Layer) (lifecycle.Tables, lifecycle.LayerStart, error) {
	var st lifecycle.LayerStart
	li, err := t.s.layer(rl.Name)
	if err != nil {
		return nil, st, err
	}
	tb := &tables{t: t, li: li, seed: maphash.MakeSeed(), pend: map[string]*pendObj{}}
	var empty bool
	var vk pgtype.Int8
	err = t.tx.QueryRow(t.ctx, fmt.Sprintf(`SELECT NOT EXISTS (SELECT 1 FROM %[1]s) AND NOT EXISTS (SELECT 1 FROM %[2]s),
  greatest((SELECT max(sip_vkey) FROM %[1]s), (SELECT max(sip_vkey) FROM %[2]s))`, li.cur, li.hist)).Scan(&empty, &vk)
	if err != nil {
		return nil, st, err
	}
	if empty {
		tb.fresh, tb.seen = true, map[uint64]struct{}{}
	}
	var indexed bool
	if err := t.tx.QueryRow(t.ctx, `SELECT to_regclass($1) IS NOT NULL`, geomIndex(t.s.q, li.Name)).Scan(&indexed); err != nil {
		return nil, st, err
	}
	tb.unindexed = !indexed
	st.MaxVKey = vk.Int64
	for i, name := range []string{li.Name, li.Name + historySuffix} {
		var minx, miny, maxx, maxy pgtype.Float8
		err := t.tx.QueryRow(t.ctx, `SELECT min_x, min_y, max_x, max_y FROM `+t.s.q+`.sip_extents WHERE table_name = $1`, name).
			Scan(&minx, &miny, &maxx, &maxy)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return nil, st, err
		}
		if minx.Valid && miny.Valid && maxx.Valid && maxy.Valid {
			st.Extent[i] = record.Bnd{B: orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, OK: true}
		}
	}
	t.tables[li.Name] = tb
	return tb, st, nil
}

// pending keys are negative: -(index+1) in cur or hist.
func pendKey(i int) int64      { return -int64(i) - 1 }
func pendIndex(key int64) int  { return int(-key - 1) }
func isPending(key int64) bool { return key < 0 }

func (tb *tables) pendRow(hist bool, i int, id string) lifecycle.Row {
	rows := tb.cur
	if hist {
		rows = tb.hist
	}
	p := &rows[i]
	return lifecycle.Row{Key: pendKey(i), ID: id, Version: p.r.Obj.Version, SV: p.r.SV, EV: p.ev, EO: p.eo, Hash: p.r.Hash, VKey: p.vkey}
}

// Current implements lifecycle.Tables. It is the first row operation of every
// Put: full buffers are written out here, between two Puts.
func (tb *tables) Current(id string) (lifecycle.Row, bool, error) {
	if len(tb.cur)+len(tb.hist) >= flushRows || tb.bytes >= flushBytes {
		if err := tb.flush(); err != nil {
			return lifecycle.Row{}, false, err
		}
	}
	tb.unstored = ""
	if p := tb.pend[id]; p != nil {
		if p.cur >= 0 {
			return tb.pendRow(false, p.cur, id), true, nil
		}
		return lifecycle.Row{}, false, nil
	}
	if tb.fresh {
		h := maphash.String(tb.seed, id)
		if _, ok := tb.seen[h]; !ok {
			tb.seen[h] = struct{}{}
			tb.unstored = id
			return lifecycle.Row{}, false, nil
		}
	}
	if o, ok := tb.ahead[id]; ok {
		delete(tb.ahead, id)
		tb.lookID, tb.lookHist = id, o.hist
		if len(tb.ahead) < prefetchRows/4 {
			return o.cur, true, tb.prefetch(tb.aheadTo)
		}
		return o.cur, true, nil
	}
	cur, found, err := tb.lookup(id)
	if err == nil && found && !tb.fresh {
		err = tb.prefetch(cur.Key)
	}
	return cur, found, err
}

// prefetch reads ahead the stored rows of the objects whose current rows follow
// row key from, in one round trip. A re-ingest of an export, or of a newer one,
// meets most objects in the order it stored them, so the next lookups are
// answered from memory. The entries are taken out as they are used, and the
// transaction writes to an object only after looking it up, so what is left
// stays true (sync resets drop it: dropAhead).
func (tb *tables) prefetch(from int64) error {
	t := tb.t
	cols := "fid, lokalny_id, wersja_id, start_wersja, koniec_wersja, koniec_obiekt, sip_hash, sip_vkey"
	rows, err := t.tx.Query(t.ctx, `WITH c AS (SELECT `+cols+` FROM `+tb.li.cur+` WHERE fid > $1 ORDER BY fid LIMIT $2)
  SELECT false, `+cols+` FROM c UNION ALL SELECT true, `+cols+` FROM `+tb.li.hist+` WHERE lokalny_id IN (SELECT lokalny_id FROM c)`, from, prefetchRows)
	if err != nil {
		return err
	}
	defer rows.Close()
	tb.ahead = make(map[string]*storedObj, prefetchRows)
	var hists []lifecycle.Row
	for rows.Next() {
		hist, row, err := scanStored(rows)
		if err != nil {
			return err
		}
		if hist {
			hists = append(hists, row)
			continue
		}
		tb.ahead[row.ID] = &storedObj{cur: row}
		tb.aheadTo = max(tb.aheadTo, row.Key)
	}
	for _, h := range hists {
		if o := tb.ahead[h.ID]; o != nil {
			o.hist = append(o.hist, h)
		}
	}
	return rows.Err()
}

// dropAhead forgets what was read ahead (rows were removed behind its back).
func (tb *tables) dropAhead() { tb.ahead = nil }

// scanStored reads a row of (hist, fid, lokalny_id, wersja_id, start_wersja,
// koniec_wersja, koniec_obiekt, sip_hash, sip_vkey).
func scanStored(rows pgx.Rows) (bool, lifecycle.Row, error) {
	var (
		hist       bool
		row        lifecycle.Row
		sv, ev, eo pgtype.Timestamptz
	)
	if err := rows.Scan(&hist, &row.Key, &row.ID, &row.Version, &sv, &ev, &eo, &row.Hash, &row.VKey); err != nil {
		return false, row, err
	}
	row.SV, row.EV, row.EO = record.FormatTime(tstz(sv)), record.FormatTime(tstz(ev)), record.FormatTime(tstz(eo))
	return hist, row, nil
}

// lookup reads an object's stored rows, current and history, in one round trip.
func (tb *tables) lookup(id string) (lifecycle.Row, bool, error) {
	t := tb.t
	if err := tb.lookupIndexes(); err != nil {
		return lifecycle.Row{}, false, err
	}
	sel := "SELECT %s, fid, lokalny_id, wersja_id, start_wersja, koniec_wersja, koniec_obiekt, sip_hash, sip_vkey FROM %s WHERE lokalny_id = $1"
	rows, err := t.tx.Query(t.ctx, fmt.Sprintf(sel, "false", tb.li.cur)+" UNION ALL "+fmt.Sprintf(sel, "true", tb.li.hist), id)
	if err != nil {
		return lifecycle.Row{}, false, err
	}
	defer rows.Close()
	var cur lifecycle.Row
	found := false
	tb.lookID, tb.lookHist = id, nil
	for rows.Next() {
		hist, row, err := scanStored(rows)
		if err != nil {
			return lifecycle.Row{}, false, err
		}
		if hist {
			tb.lookHist = append(tb.lookHist, row)
		} else {
			cur, found = row, true
		}
	}
	if err := rows.Err(); err != nil {
		return lifecycle.Row{}, false, err
	}
	if !found && len(tb.lookHist) == 0 {
		tb.unstored = id
	}
	return cur, found, nil
}

// lookupIndexes builds the lokalnyId indexes of a layer being loaded before the
// first lookup by id (the other indexes wait for the commit).
func (tb *tables) lookupIndexes() error {
	if !tb.unindexed || tb.lookupIndexed {
		return nil
	}
	for _, q := range lookupIndexDDL(tb.t.s.q, tb.li.Layer) {
		if _, err := tb.t.tx.Exec(tb.t.ctx, q); err != nil {
			return err
		}
	}
	tb.lookupIndexed = true
	return nil
}

// History implements lifecycle.Tables (always right after Current of the same id).
func (tb *tables) History(id string) ([]lifecycle.Row, error) {
	if p := tb.pend[id]; p != nil {
		var out []lifecycle.Row
		for _, i := range p.hist {
			if !tb.hist[i].dead {
				out = append(out, tb.pendRow(true, i, id))
			}
		}
		return out, nil
	}
	if id == tb.unstored {
		return nil, nil
	}
	if id != tb.lookID {
		if _, _, err := tb.lookup(id); err != nil {
			return nil, err
		}
	}
	return append([]lifecycle.Row(nil), tb.lookHist...), nil
}

func (tb *tables) table(hist bool) string {
	if hist {
		return tb.li.hist
	}
	return tb.li.cur
}

// Bound implements lifecycle.Tables: the exact envelope of a stored geometry.
func (tb *tables) Bound(row lifecycle.Row, hist bool) (record.Bnd, error) {
	if isPending(row.Key) {
		rows := tb.cur
		if hist {
			rows = tb.hist
		}
		return rows[pendIndex(row.Key)].r.GeomBound(), nil
	}
	var minx, miny, maxx, maxy pgtype.Float8
	err := tb.t.tx.QueryRow(tb.t.ctx, `SELECT ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom) FROM `+tb.table(hist)+` WHERE fid = $1`, row.Key).
		Scan(&minx, &miny, &maxx, &maxy)
	if err != nil || !minx.Valid {
		return record.Bnd{}, err
	}
	return record.Bnd{B: orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, OK: true}, nil
}

// buffered reports whether a new row of object id goes to the buffers, and
// returns its index entry.
func (tb *tables) buffered(id string) (*pendObj, bool) {
	if p := tb.pend[id]; p != nil {
		return p, true
	}
	if id != tb.unstored {
		return nil, false
	}
	p := &pendObj{cur: -1}
	tb.pend[id] = p
	return p, true
}

func (tb *tables) add(hist bool, r *record.Record, ev, eo string, vkey int64, p *pendObj) {
	row := pendRow{r: r, ev: ev, eo: eo, vkey: vkey}
	if hist {
		p.hist = append(p.hist, len(tb.hist))
		tb.hist = append(tb.hist, row)
	} else {
		p.cur = len(tb.cur)
		tb.cur = append(tb.cur, row)
	}
	tb.bytes += len(r.Geom) + 256
}

// InsertCurrent implements lifecycle.Tables.
func (tb *tables) InsertCurrent(r *record.Record, vkey int64) error {
	if p, ok := tb.buffered(r.Obj.ID); ok {
		tb.add(false, r, "", "", vkey, p)
		return nil
	}
	return tb.insert(false, r, "", "", vkey)
}

// InsertHistory implements lifecycle.Tables.
func (tb *tables) InsertHistory(r *record.Record, ev, eo string, vkey int64) error {
	if p, ok := tb.buffered(r.Obj.ID); ok {
		tb.add(true, r, ev, eo, vkey, p)
		return nil
	}
	return tb.insert(true, r, ev, eo, vkey)
}

// UpdateCurrent implements lifecycle.Tables.
func (tb *tables) UpdateCurrent(row lifecycle.Row, r *record.Record, vkey int64) error {
	if isPending(row.Key) {
		tb.cur[pendIndex(row.Key)] = pendRow{r: r, vkey: vkey}
		return nil
	}
	return tb.update(false, row.Key, r, "", "", vkey)
}

// UpdateHistory implements lifecycle.Tables.
func (tb *tables) UpdateHistory(row lifecycle.Row, r *record.Record, ev, eo string) error {
	if isPending(row.Key) {
		tb.hist[pendIndex(row.Key)] = pendRow{r: r, ev: ev, eo: eo, vkey: row.VKey}
		return nil
	}
	return tb.update(true, row.Key, r, ev, eo, row.VKey)
}

// DeleteCurrent implements lifecycle.Tables.
func (tb *tables) DeleteCurrent(row lifecycle.Row) error {
	if isPending(row.Key) {
		tb.cur[pendIndex(row.Key)].dead = true
		tb.pend[row.ID].cur = -1
		return nil
	}
	_, err := tb.t.tx.Exec(tb.t.ctx, `DELETE FROM `+tb.li.cur+` WHERE fid = $1`, row.Key)
	return err
}

// DeleteHistory implements lifecycle.Tables.
func (tb *tables) DeleteHistory(row lifecycle.Row) error {
	if isPending(row.Key) {
		tb.hist[pendIndex(row.Key)].dead = true
		return nil
	}
	_, err := tb.t.tx.Exec(tb.t.ctx, `DELETE FROM `+tb.li.hist+` WHERE fid = $1`, row.Key)
	return err
}

// MoveToHistory implements lifecycle.Tables.
func (tb *tables) MoveToHistory(row lifecycle.Row, end string, b record.Bnd) error {
	if isPending(row.Key) {
		c := tb.cur[pendIndex(row.Key)]
		if c.ev == "" {
			c.ev = end
		}
		tb.add(true, c.r, c.ev, c.eo, c.vkey, tb.pend[row.ID])
		return nil
	}
	et, err := record.ParseTime(end)
	if err != nil {
		return err
	}
	cols := tb.columns()
	sel := strings.Replace(cols, "koniec_wersja", "coalesce(koniec_wersja, $1)", 1)
	_, err = tb.t.tx.Exec(tb.t.ctx, `INSERT INTO `+tb.li.hist+` (`+cols+`) SELECT `+sel+` FROM `+tb.li.cur+` WHERE fid = $2`, et, row.Key)
	return err
}

// columns is the column list of the row values (values).
func (tb *tables) columns() string {
	c := "geom, lokalny_id, przestrzen_nazw, wersja_id, start_obiekt, start_wersja, koniec_wersja, koniec_obiekt"
	if tb.li.cols != "" {
		c += ", " + tb.li.cols
	}
	return c + ", sip_hash, sip_vkey"
}

// values are the row values of r in columns order; ev/eo override the record's.
func (tb *tables) values(r *record.Record, ev, eo string, vkey int64) ([]any, error) {
	v := make([]any, 0, 10+len(r.Attrs))
	var g any
	if w := r.WKB(); w != nil {
		g = ewkbOf(w)
	}
	var ns any
	if r.Obj.Namespace != "" {
		ns = r.Obj.Namespace
	}
	evt, err := timeValue(ev)
	if err != nil {
		return nil, err
	}
	eot, err := timeValue(eo)
	if err != nil {
		return nil, err
	}
	sot, _ := timeValue(r.SO)
	v = append(v, g, r.Obj.ID, ns, r.Obj.Version, sot, r.Obj.StartVersion, evt, eot)
	for i, c := range tb.li.Columns {
		if r.Attrs[i] == nil {
			v = append(v, nil)
			continue
		}
		pv, err := fromStored(c.Type, r.Attrs[i])
		if err != nil {
			return nil, err
		}
		v = append(v, pv)
	}
	return append(v, r.Hash, vkey), nil
}

// timeValue is a stored lifecycle time as a parameter (nil for "").
func timeValue(s string) (any, error) {
	if s == "" {
		return nil, nil
	}
	return record.ParseTime(s)
}

func placeholders(from, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", from+i)
	}
	return b.String()
}

// insert writes one row with a statement (an object with stored versions).
func (tb *tables) insert(hist bool, r *record.Record, ev, eo string, vkey int64) error {
	vals, err := tb.values(r, ev, eo, vkey)
	if err != nil {
		return err
	}
	_, err = tb.t.tx.Exec(tb.t.ctx, `INSERT INTO `+tb.table(hist)+` (`+tb.columns()+`) VALUES (`+placeholders(1, len(vals))+`)`, vals...)
	return err
}

// update rewrites a stored row in place (everything but lokalny_id).
func (tb *tables) update(hist bool, fid int64, r *record.Record, ev, eo string, vkey int64) error {
	vals, err := tb.values(r, ev, eo, vkey)
	if err != nil {
		return err
	}
	vals = append(vals[:1], vals[2:]...) // lokalny_id stays
	var set []string
	for _, c := range strings.Split(tb.columns(), ", ") {
		if c != "lokalny_id" {
			set = append(set, fmt.Sprintf("%s = $%d", c, len(set)+1))
		}
	}
	vals = append(vals, fid)
	_, err = tb.t.tx.Exec(tb.t.ctx, `UPDATE `+tb.table(hist)+` SET `+strings.Join(set, ", ")+fmt.Sprintf(` WHERE fid = $%d`, len(vals)), vals...)
	return err
}

// flush writes the buffered rows with COPY (asynchronously: see enqueue).
func (tb *tables) flush() error {
	cols := strings.Split(tb.columns(), ", ")
	for i, c := range cols {
		cols[i] = strings.Trim(c, `"`)
	}
	var jobs []copyJob
	for _, part := range []struct {
		hist bool
		rows []pendRow
	}{{false, tb.cur}, {true, tb.hist}} {
		var live [][]any
		for _, p := range part.rows {
			if p.dead {
				continue
			}
			v, err := tb.values(p.r, p.ev, p.eo, p.vkey)
			if err != nil {
				return err
			}
			live = append(live, v)
		}
		if len(live) == 0 {
			continue
		}
		name := tb.li.Name
		if part.hist {
			name += historySuffix
		}
		jobs = append(jobs, copyJob{pgx.Identifier{tb.t.s.schema, name}, cols, live})
		if part.hist {
			tb.loaded[1] += len(live)
		} else {
			tb.loaded[0] += len(live)
		}
	}
	tb.cur, tb.hist, tb.bytes = tb.cur[:0], tb.hist[:0], 0
	clear(tb.pend)
	if len(jobs) == 0 {
		return nil
	}
	return tb.t.enqueue(jobs...)
}

// flushAll writes every buffer out: before the commit and before reads that must
// see the transaction's rows.
func (t *Tx) flushAll() error {
	for _, l := range t.s.meta.Load().layers {
		if tb, ok := t.tables[l.Name]; ok {
			if err := tb.flush(); err != nil {
				return err
			}
		}
	}
	return t.flushLog()
}

// Log implements lifecycle.Backend: the entry is numbered now and written with
// the next COPY of the log.
func (t *Tx) Log(layer, id, version string, op store.Op, obj, wkb []byte, b record.Bnd) error {
	t.rev++
	minx, miny, maxx, maxy := b.Args()
	o, g := record.LogArgs(obj, wkb)
	t.log = append(t.log, []any{t.rev, t.now, layer, id, version, string(op), minx, miny, maxx, maxy, o, g})
	if len(t.log) >= logRows {
		return t.flushLog()
	}
	return nil
}

func (t *Tx) flushLog() error {
	if len(t.log) == 0 {
		return nil
	}
	rows := t.log
	t.log = make([][]any, 0, len(rows))
	return t.enqueue(copyJob{pgx.Identifier{t.s.schema, changesTable},
		[]string{"rev", "time", "layer", "lokalny_id", "wersja_id", "op", "minx", "miny", "maxx", "maxy", "obj", "geom"}, rows})
}

// LogRev implements lifecycle.Backend.
func (t *Tx) LogRev() (int64, error) { return t.rev, nil }

// StoredSums implements lifecycle.Backend.
func (t *Tx) StoredSums(rev int64) (map[string]store.StateHash, error) {
	return storedSums(t.ctx, t.tx, t.s.q, rev)
}

// storedSums reads the running sums valid at revision rev.
func storedSums(ctx context.Context, q querier, schema string, rev int64) (map[string]store.StateHash, error) {
	rows, err := q.Query(ctx, `SELECT layer, sum FROM `+schema+`.`+stateTable+` WHERE rev = $1`, rev)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]store.StateHash{}
	for rows.Next() {
		var l, s string
		if err := rows.Scan(&l, &s); err != nil {
			return nil, err
		}
		if h, err := store.ParseStateHash(s); err == nil {
			out[l] = h // an unreadable sum is recomputed like a stale one
		}
	}
	return out, rows.Err()
}

// Digest implements lifecycle.Backend.
func (t *Tx) Digest(layer string) (store.StateHash, error) {
	if tb, ok := t.tables[layer]; ok {
		if err := tb.flush(); err != nil {
			return store.StateHash{}, err
		}
	}
	li, err := t.s.layer(layer)
	if err != nil {
		return store.StateHash{}, err
	}
	return digestRows(t.ctx, t.tx, li, "")
}

// digestRows sums the digests of a layer's rows selected by where (both tables).
func digestRows(ctx context.Context, q querier, li *layerInfo, where string, args ...any) (store.StateHash, error) {
	var h store.StateHash
	for _, t := range []string{li.cur, li.hist} {
		rows, err := q.Query(ctx, `SELECT lokalny_id, wersja_id, sip_hash, koniec_wersja, koniec_obiekt FROM `+t+where, args...)
		if err != nil {
			return h, err
		}
		var id, ver, hash string
		var ev, eo pgtype.Timestamptz
		for rows.Next() {
			if err := rows.Scan(&id, &ver, &hash, &ev, &eo); err != nil {
				rows.Close()
				return h, err
			}
			h = h.Add(record.RowDigest(li.Name, id, ver, hash, record.FormatTime(tstz(ev)), record.FormatTime(tstz(eo))))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return h, err
		}
	}
	return h, nil
}

// WriteSum implements lifecycle.Backend.
func (t *Tx) WriteSum(layer string, h store.StateHash, rev int64) error {
	_, err := t.tx.Exec(t.ctx, `INSERT INTO `+t.s.q+`.`+stateTable+` (layer, sum, rev) VALUES ($1, $2, $3)
  ON CONFLICT (layer) DO UPDATE SET sum = excluded.sum, rev = excluded.rev`, layer, h.String(), rev)
	return err
}

// MoveSums implements lifecycle.Backend.
func (t *Tx) MoveSums(from, to int64) error {
	_, err := t.tx.Exec(t.ctx, `UPDATE `+t.s.q+`.`+stateTable+` SET rev = $1 WHERE rev = $2`, to, from)
	return err
}

// ExactExtent implements lifecycle.Backend: the envelope of every geometry of
// the table (a scan; only after a removal that touched the edge).
func (t *Tx) ExactExtent(layer string, hist bool) (record.Bnd, error) {
	li, err := t.s.layer(layer)
	if err != nil {
		return record.Bnd{}, err
	}
	tbl := li.cur
	if hist {
		tbl = li.hist
	}
	var minx, miny, maxx, maxy pgtype.Float8
	err = t.tx.QueryRow(t.ctx, `SELECT min(ST_XMin(geom)), min(ST_YMin(geom)), max(ST_XMax(geom)), max(ST_YMax(geom)) FROM `+tbl).
		Scan(&minx, &miny, &maxx, &maxy)
	if err != nil || !minx.Valid {
		return record.Bnd{}, err
	}
	return record.Bnd{B: orb.Bound{Min: orb.Point{minx.Float64, miny.Float64}, Max: orb.Point{maxx.Float64, maxy.Float64}}, OK: true}, nil
}

// WriteExtent implements lifecycle.Backend.
func (t *Tx) WriteExtent(layer string, hist bool, b record.Bnd) error {
	name := layer
	if hist {
		name += historySuffix
	}
	minx, miny, maxx, maxy := b.Args()
	_, err := t.tx.Exec(t.ctx, `INSERT INTO `+t.s.q+`.sip_extents (table_name, min_x, min_y, max_x, max_y, last_change) VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (table_name) DO UPDATE SET min_x = excluded.min_x, min_y = excluded.min_y, max_x = excluded.max_x,
  max_y = excluded.max_y, last_change = excluded.last_change`, name, minx, miny, maxx, maxy, t.now)
	return err
}

// Commit writes the buffers, the extents and the running sums, then commits. On
// any error everything is rolled back.
func (t *Tx) Commit() error {
	if t.lc.End() {
		return ErrTxDone
	}
	ctx := context.Background()
	t.ctx = ctx
	if err := t.lc.Err(); err != nil {
		t.tx.Rollback(ctx)
		t.lc.Undo()
		return err
	}
	err := t.flushAll()
	if err == nil {
		err = t.lc.Finish(t.s.meta.Load().layers)
	}
	if err == nil {
		err = t.buildIndexes()
	}
	if err == nil {
		err = t.analyze()
	}
	if err == nil {
		// delivered to listeners (Store.Listen) when the commit succeeds
		_, err = t.tx.Exec(ctx, `SELECT pg_notify($1, $2)`, notifyChannel, t.s.schema)
	}
	if err == nil {
		err = t.tx.Commit(ctx)
	}
	if err != nil {
		t.tx.Rollback(ctx)
		t.lc.Undo()
		return t.s.fail("commit", err)
	}
	return nil
}

// buildIndexes builds the secondary indexes of the layers this transaction
// loaded first. CREATE INDEX blocks other writers only (there are none: the
// writer lock), never readers.
func (t *Tx) buildIndexes() error {
	for _, l := range t.s.meta.Load().layers {
		tb, ok := t.tables[l.Name]
		if !ok || !tb.unindexed {
			continue
		}
		// Sorting in memory is what makes building cheaper than maintaining.
		for _, q := range append([]string{`SET LOCAL maintenance_work_mem = '256MB'`}, indexDDL(t.s.q, l)...) {
			if _, err := t.tx.Exec(t.ctx, q); err != nil {
				return err
			}
		}
		tb.unindexed = false
	}
	return nil
}

// analyzeAfter is the number of rows a transaction loads into a table after
// which it refreshes the planner's statistics of the columns queries filter on:
// right after a first load the planner would otherwise know nothing of the
// table, and could pick a scan for a box query.
const analyzeAfter = 1000

func (t *Tx) analyze() error {
	var stmts []string
	for _, l := range t.s.meta.Load().layers {
		tb, ok := t.tables[l.Name]
		if !ok {
			continue
		}
		cols := "geom, lokalny_id, start_wersja, koniec_wersja, koniec_obiekt"
		if c := record.IDColumn(l); c != "" {
			cols += ", " + quote(c)
		}
		for i, name := range []string{tb.li.cur, tb.li.hist} {
			if tb.loaded[i] >= analyzeAfter {
				stmts = append(stmts, `ANALYZE `+name+` (`+cols+`)`)
			}
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	_, err := t.tx.Exec(t.ctx, strings.Join(stmts, "; "))
	return err
}

// Rollback abandons the transaction; the database is left exactly as before Begin.
func (t *Tx) Rollback() error {
	if t.lc.End() {
		return nil
	}
	defer t.lc.Undo()
	if err := t.tx.Rollback(context.Background()); err != nil && !errors.Is(err, pgx.ErrTxClosed) && !errors.Is(err, t.copyErr) {
		return t.s.fail("rollback", err)
	}
	return nil
}

var (
	_ store.Tx          = (*Tx)(nil)
	_ lifecycle.Backend = (*Tx)(nil)
)
