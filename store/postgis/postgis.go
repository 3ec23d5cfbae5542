// Package postgis is the multi-node storage backend of SIP core: one schema of
// a PostgreSQL 15 / PostGIS 3 database per dataset, implementing store.Store and
// store.SyncStore on jackc/pgx (a pgxpool, the binary protocol, COPY for bulk
// loads). It registers the postgres scheme with package store: DSNs
// postgres://USER@HOST:PORT/DB?schema=NAME, postgresql://…, or libpq keyword
// strings ("host=/run/postgresql dbname=sip schema=NAME").
//
// # Schema layout
//
// The schema holds the same tables as a GeoPackage dataset (package store/gpkg),
// readable with stock tools (ogrinfo PG:…, QGIS's PostGIS provider):
//
//   - L and L_history for every layer L: fid (identity primary key), geom
//     (geometry(MultiPolygon|Point|MultiLineString, 2180), GiST index),
//     lokalny_id, przestrzen_nazw, wersja_id, the lifecycle dates (timestamptz),
//     the layer's public columns (text, bigint, double precision, date,
//     timestamptz), sip_hash and sip_vkey. Personal data has no column.
//   - sip_dataset (format marker, name, layer schema as JSON), sip_changes (the
//     change log: rev primary key), sip_extents (the extent of each table),
//     sip_state_hash (the running state hash), and the sync tables
//     sip_sync_state, sip_sync_layers, sip_sync_diverged.
//
// # Writes and revisions
//
// Writers of one dataset are serialised by a transaction-level advisory lock
// taken in Begin, and a transaction numbers its change-log entries itself from
// the newest revision it sees: revisions are dense and committed in order, so a
// reader that has seen revision N has seen every entry up to N, and Revision is
// max(rev) read from the primary key. A stateless replica can follow the log
// from the database alone.
//
// A write transaction (tx.go) applies the shared lifecycle (package lifecycle).
// Versions of objects the store does not hold yet (every object of a first
// load) are buffered and written with COPY in batches; only objects with stored
// versions cost a lookup round trip.
//
// # Reads
//
// Queries of the current state key rows by fid, which a new version keeps;
// AsOf queries key them by sip_vkey. A bounding-box query uses the GiST index
// (geom && box) and refines by the exact envelope. Get uses the unique index on
// lokalny_id, Changes the change log's primary key, Extent one row of
// sip_extents. Geometry travels as EWKB in the binary protocol.
package postgis

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// FormatVersion is the value of the 'format' key in sip_dataset that marks a SIP
// dataset schema of the layout this package writes.
const FormatVersion = "sip-postgis/1"

const (
	historySuffix = record.HistorySuffix
	changesTable  = "sip_changes"
	datasetTable  = "sip_dataset"
	extentsTable  = "sip_extents"
	stateTable    = "sip_state_hash"
)

// Store is one dataset in one schema. It is safe for concurrent use.
type Store struct {
	pool     *pgxpool.Pool
	schema   string // unquoted
	q        string // quoted schema name, for SQL
	dsn      string // redacted, for messages
	readOnly bool

	meta atomic.Pointer[meta]
	// closed is set by the first Close; later reads fail with an error.
	closed atomic.Bool
}

// meta is the dataset's name and schema, replaced as a whole when a sync adds
// layers (readers holding the old one stay valid).
type meta struct {
	name   string
	layers []store.Layer
	byName map[string]*layerInfo
}

// layerInfo is a layer with the SQL names derived from it.
type layerInfo struct {
	store.Layer
	rec       *record.Layer
	cur, hist string // schema-qualified, quoted table names
	cols      string // the quoted public columns, comma-separated
}

func newLayerInfo(q string, l store.Layer) *layerInfo {
	li := &layerInfo{Layer: l, rec: record.NewLayer(l)}
	li.cur = q + "." + quote(l.Name)
	li.hist = q + "." + quote(l.Name+historySuffix)
	var cols []string
	for _, c := range l.Columns {
		cols = append(cols, quote(c.Name))
	}
	li.cols = strings.Join(cols, ", ")
	return li
}

func quote(id string) string { return `"` + strings.ReplaceAll(id, `"`, `""`) + `"` }

func newMeta(q, name string, layers []store.Layer) *meta {
	m := &meta{name: name, layers: layers, byName: map[string]*layerInfo{}}
	for _, l := range layers {
		m.byName[l.Name] = newLayerInfo(q, l)
	}
	return m
}

var _ store.Store = (*Store)(nil)

// config parses a DSN into a pool configuration and the schema it names. The
// schema parameter is SIP's; everything else is libpq's and pgx's.
func config(dsn string) (*pgxpool.Config, string, error) {
	schema := store.DSNParam(dsn, "schema")
	if schema == "" {
		return nil, "", fmt.Errorf("postgis: %s names no schema (add schema=NAME)", store.Redact(dsn))
	}
	conn, err := withoutParam(dsn, "schema")
	if err != nil {
		return nil, "", err
	}
	cfg, err := pgxpool.ParseConfig(conn)
	if err != nil {
		// pgx's parse errors may quote the connection string: keep them out.
		return nil, "", fmt.Errorf("postgis: cannot parse the DSN %s", store.Redact(dsn))
	}
	if !strings.Contains(dsn, "pool_max_conns") {
		// Every request of a server may read the store at once; more
		// connections than a few per core only queue in the database.
		cfg.MaxConns = int32(min(32, max(8, 4*runtime.GOMAXPROCS(0))))
	}
	cfg.MinConns = min(cfg.MinConns, cfg.MaxConns)
	if !strings.Contains(dsn, "pool_max_conn_idle_time") {
		cfg.MaxConnIdleTime = 5 * time.Minute
	}
	if !strings.Contains(dsn, "pool_health_check_period") {
		cfg.HealthCheckPeriod = 15 * time.Second
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "sip"
	}
	cfg.AfterConnect = registerGeometry
	return cfg, schema, nil
}

// WithoutParam removes one parameter (SIP's schema) from a PostgreSQL DSN,
// leaving a connection string libpq and pgx accept.
func WithoutParam(dsn, key string) (string, error) { return withoutParam(dsn, key) }

// withoutParam is WithoutParam.
func withoutParam(dsn, key string) (string, error) {
	if strings.Contains(dsn, "://") {
		i := strings.IndexByte(dsn, '?')
		if i < 0 {
			return dsn, nil
		}
		var keep []string
		for _, p := range strings.Split(dsn[i+1:], "&") {
			if k, _, _ := strings.Cut(p, "="); k != key {
				keep = append(keep, p)
			}
		}
		if len(keep) == 0 {
			return dsn[:i], nil
		}
		return dsn[:i+1] + strings.Join(keep, "&"), nil
	}
	kv, err := store.ParseKeywords(dsn)
	if err != nil {
		return "", fmt.Errorf("postgis: %w", err)
	}
	var b strings.Builder
	for _, p := range kv {
		if p[0] == key {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(p[0] + "='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(p[1]) + "'")
	}
	return b.String(), nil
}

// registerGeometry teaches a new connection PostGIS's geometry type, so that
// geometries travel in the binary protocol as EWKB (and COPY can write them).
func registerGeometry(ctx context.Context, c *pgx.Conn) error {
	var oid uint32
	err := c.QueryRow(ctx, `SELECT t.oid FROM pg_type t JOIN pg_extension e ON e.extnamespace = t.typnamespace
  WHERE e.extname = 'postgis' AND t.typname = 'geometry'`).Scan(&oid)
	if errors.Is(err, pgx.ErrNoRows) {
		return errNoPostGIS
	}
	if err != nil {
		return err
	}
	c.TypeMap().RegisterType(&pgtype.Type{Name: "geometry", OID: oid, Codec: pgtype.ByteaCodec{}})
	return nil
}

var errNoPostGIS = errors.New("postgis: the database lacks the PostGIS extension: run CREATE EXTENSION postgis in it (as a superuser)")

// connect opens the pool and checks the database answers.
func connect(ctx context.Context, dsn string) (*pgxpool.Pool, string, error) {
	cfg, schema, err := config(dsn)
	if err != nil {
		return nil, "", err
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, "", wrap(fmt.Sprintf("connect to %s", store.Redact(dsn)), err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		if errors.Is(err, errNoPostGIS) {
			return nil, "", errNoPostGIS
		}
		return nil, "", wrap(fmt.Sprintf("connect to %s", store.Redact(dsn)), err)
	}
	return pool, schema, nil
}

// Open opens an existing dataset schema; readOnly stores refuse Begin.
func Open(ctx context.Context, dsn string, readOnly bool) (*Store, error) {
	pool, schema, err := connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, schema: schema, q: quote(schema), dsn: store.Redact(dsn), readOnly: readOnly}
	if err := s.loadMeta(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if !readOnly {
		if err := s.addMissingColumns(ctx); err != nil {
			pool.Close()
			return nil, err
		}
	}
	return s, nil
}

// Create creates the dataset's tables in its schema (made when missing; an
// existing schema must hold no SIP dataset) and opens it.
func Create(ctx context.Context, dsn, name string, layers []store.Layer) (*Store, error) {
	if err := record.ValidateSchema(name, layers); err != nil {
		return nil, err
	}
	pool, schema, err := connect(ctx, dsn)
	if err != nil {
		return nil, err
	}
	s := &Store{pool: pool, schema: schema, q: quote(schema), dsn: store.Redact(dsn)}
	if err := s.createSchema(ctx, name, layers); err != nil {
		pool.Close()
		return nil, err
	}
	s.meta.Store(newMeta(s.q, name, layers))
	return s, nil
}

// exists reports whether the schema holds a SIP dataset (of any format).
func exists(ctx context.Context, q querier, schema string) (bool, error) {
	var ok bool
	err := q.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = $1 AND tablename = $2)`, schema, datasetTable).Scan(&ok)
	return ok, err
}

// querier is what a pool, a connection and a transaction can run queries on.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
}

func (s *Store) loadMeta(ctx context.Context) error {
	ok, err := exists(ctx, s.pool, s.schema)
	if err != nil {
		return wrap("open", err)
	}
	if !ok {
		return fmt.Errorf("postgis: open %s: schema %s holds no SIP dataset", s.dsn, s.schema)
	}
	rows, err := s.pool.Query(ctx, `SELECT key, value FROM `+s.q+`.`+datasetTable)
	if err != nil {
		return wrap("open", err)
	}
	kv, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) ([2]string, error) {
		var p [2]string
		err := r.Scan(&p[0], &p[1])
		return p, err
	})
	if err != nil {
		return wrap("open", err)
	}
	var format, name, layersJSON string
	for _, p := range kv {
		switch p[0] {
		case "format":
			format = p[1]
		case "name":
			name = p[1]
		case "layers":
			layersJSON = p[1]
		}
	}
	if format != FormatVersion {
		return fmt.Errorf("postgis: open %s: unsupported SIP dataset format %q (want %q)", s.dsn, format, FormatVersion)
	}
	var layers []store.Layer
	if err := json.Unmarshal([]byte(layersJSON), &layers); err != nil {
		return fmt.Errorf("postgis: open %s: bad layer schema in %s: %w", s.dsn, datasetTable, err)
	}
	if err := record.ValidateSchema(name, layers); err != nil {
		return fmt.Errorf("postgis: open %s: %w", s.dsn, err)
	}
	for _, l := range layers {
		for _, t := range []string{l.Name, l.Name + historySuffix} {
			var n int
			if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM pg_tables WHERE schemaname = $1 AND tablename = $2`, s.schema, t).Scan(&n); err != nil {
				return wrap("open", err)
			}
			if n != 1 {
				return fmt.Errorf("postgis: open %s: layer table %s missing", s.dsn, t)
			}
		}
	}
	s.meta.Store(newMeta(s.q, name, layers))
	return nil
}

// Name is the dataset name.
func (s *Store) Name() string { return s.meta.Load().name }

// Schema is the database schema holding the dataset.
func (s *Store) Schema() string { return s.schema }

// Layers lists the dataset's layers in schema order.
func (s *Store) Layers() []store.Layer {
	l := s.meta.Load().layers
	out := make([]store.Layer, len(l))
	copy(out, l)
	return out
}

func (s *Store) layer(name string) (*layerInfo, error) {
	li, ok := s.meta.Load().byName[name]
	if !ok {
		return nil, fmt.Errorf("postgis: layer %q: %w", name, store.ErrNotFound)
	}
	return li, nil
}

// Close closes the pool (waiting for connections in use to be released).
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.pool.Close()
	return nil
}

// errClosed is returned by reads of a closed store.
var errClosed = errors.New("postgis: store is closed")

func (s *Store) check() error {
	if s.closed.Load() {
		return errClosed
	}
	return nil
}

// addMissingColumns brings the layers of an older store up to the built-in
// schema they were made from (same name and class): a column the built-in
// layer has gained since is added, empty, to both tables and to the recorded
// schema, in one transaction.
func (s *Store) addMissingColumns(ctx context.Context) error {
	m := s.meta.Load()
	layers, added := record.MissingColumns(m.layers)
	var stmts []string
	for _, c := range added {
		for _, t := range []string{c.Layer, c.Layer + historySuffix} {
			stmts = append(stmts, fmt.Sprintf(`ALTER TABLE %s.%s ADD COLUMN %s %s`, s.q, quote(t), quote(c.Column.Name), sqlType(c.Column.Type)))
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	js, err := json.Marshal(layers)
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, q := range stmts {
			if _, err := tx.Exec(ctx, q); err != nil {
				return fmt.Errorf("add column: %w (%s)", err, q)
			}
		}
		_, err := tx.Exec(ctx, `UPDATE `+s.q+`.`+datasetTable+` SET value = $1 WHERE key = 'layers'`, string(js))
		return err
	})
	if err != nil {
		return wrap("open", err)
	}
	s.meta.Store(newMeta(s.q, m.name, layers))
	return nil
}
