// Package gpkg is the embedded storage backend of SIP core: one OGC GeoPackage 1.3
// file per dataset, implementing store.Store.
//
// # File layout
//
// For every layer L of the dataset the file holds two feature tables in EPSG:2180:
//
//   - L: the current version of every live object (what QGIS, WMS and WFS see);
//   - L_history: archived versions (ended versions and versions of ended objects).
//
// Both have the columns fid, geom, lokalny_id, przestrzen_nazw, wersja_id,
// start_obiekt, start_wersja, koniec_wersja, koniec_obiekt, the layer's public
// columns, sip_hash (content hash of the version, lifecycle end dates excluded) and
// sip_vkey (a per-layer serial number of the version, kept when the version moves to
// the history). Every table has a gpkg_rtree_index R-tree maintained by the standard
// GeoPackage 1.3 triggers, which call ST_IsEmpty/ST_MinX/ST_MaxX/ST_MinY/ST_MaxY: this
// package registers those functions on every connection it opens.
//
// Two attribute tables complete the file: sip_dataset (key/value: format marker,
// dataset name, layer schema as JSON) and sip_changes, the append-only change log.
//
// # Journal mode
//
// While a Store is open the file is in WAL mode: readers (other connections, other
// processes) keep reading the last committed state during a long write, and a commit
// does not wait for readers. Close checkpoints the WAL and, when no other connection
// has the file open, switches the file back to the rollback journal, so that the file
// at rest is one self-contained GeoPackage that can be copied, validated or opened by
// any GeoPackage reader. synchronous=FULL: a committed revision is never lost, which
// matters because consumers of the change log remember revision numbers.
//
// # Bulk transactions
//
// A transaction that puts many objects into a layer (see bulkAfter) drops the AFTER
// INSERT triggers of that layer's two R-trees and writes the R-tree rows itself,
// from the envelope it already computed, then recreates the triggers before it
// commits (SQLite DDL is transactional: a rollback restores them). The other
// triggers stay in place, so updates and deletions keep the R-trees right in both
// modes. On a layer that was empty when the transaction began, an object id not yet
// put in the transaction needs no lookup of its stored versions.
//
// # Row keys
//
// Query rows of the current state (AsOf zero) are keyed by the fid of the current
// table. A new version of an object updates its current row in place, so the key of
// an object is stable for as long as it lives. AsOf rows come from both tables and
// are keyed by sip_vkey, which names one version and follows it into the history, so
// the key of a version is stable for ever.
package gpkg

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	sqlite3 "github.com/mattn/go-sqlite3"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// FormatVersion is the value of the 'format' key in sip_dataset that marks a SIP
// dataset file of the layout this package writes.
const FormatVersion = "sip-gpkg/1"

const (
	applicationID = 0x47504B47 // "GPKG"
	userVersion   = 10300      // GeoPackage 1.3.0
	driverName    = "sip_gpkg_sqlite3"
	historySuffix = record.HistorySuffix
	changesTable  = "sip_changes"
	datasetTable  = "sip_dataset"
)

var registerOnce sync.Once

// registerDriver registers a go-sqlite3 driver whose connections all know the SQL
// functions the gpkg_rtree_index triggers call.
func registerDriver() {
	registerOnce.Do(func() {
		sql.Register(driverName, &sqlite3.SQLiteDriver{
			ConnectHook: func(c *sqlite3.SQLiteConn) error {
				funcs := []struct {
					name string
					impl any
				}{
					{"ST_IsEmpty", sqlIsEmpty},
					{"ST_MinX", sqlMinX},
					{"ST_MaxX", sqlMaxX},
					{"ST_MinY", sqlMinY},
					{"ST_MaxY", sqlMaxY},
					{"sip_bbox_intersects", sqlIntersects},
				}
				for _, f := range funcs {
					if err := c.RegisterFunc(f.name, f.impl, true); err != nil {
						return fmt.Errorf("gpkg: register %s: %w", f.name, err)
					}
				}
				return nil
			},
		})
	})
}

// Store is one dataset in one GeoPackage file. It is safe for concurrent use by
// several goroutines; write transactions are serialised (Begin waits for the
// previous transaction to finish).
type Store struct {
	path     string
	name     string
	layers   []store.Layer
	byName   map[string]*layerInfo
	rdb      *sql.DB // readers
	wdb      *sql.DB // the single writer connection; nil when read-only
	readOnly bool
	// walPending is set while a fresh store still runs in rollback-journal mode
	// (see open); the first Commit switches it to WAL.
	walPending bool
	// closed is set by the first Close. The handles are kept (closed) rather
	// than cleared, so a reader racing with Close gets database/sql's "database
	// is closed" error instead of a nil dereference.
	closed atomic.Bool
	// stmts holds prepared reader statements (stmt.go).
	stmts stmtCache
}

// layerInfo is a layer with the SQL names derived from it.
type layerInfo struct {
	store.Layer
	rec           *record.Layer
	cur, hist     string // quoted table names
	rtCur, rtHist string // quoted rtree table names
	pub           []string
}

var _ store.Store = (*Store)(nil)

func quote(id string) string { return `"` + strings.ReplaceAll(id, `"`, `""`) + `"` }

func newLayerInfo(l store.Layer) *layerInfo {
	li := &layerInfo{Layer: l, rec: record.NewLayer(l)}
	li.cur = quote(l.Name)
	li.hist = quote(l.Name + historySuffix)
	li.rtCur = quote("rtree_" + l.Name + "_geom")
	li.rtHist = quote("rtree_" + l.Name + historySuffix + "_geom")
	for _, c := range l.Columns {
		li.pub = append(li.pub, c.Name)
	}
	return li
}

// validateSchema checks names and types before anything is written.
func validateSchema(name string, layers []store.Layer) error {
	return record.ValidateSchema(name, layers)
}

func dsn(path string, params string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(path) + "?" + params
}

const (
	writerParams = "_busy_timeout=10000&_txlock=immediate&_synchronous=FULL&_cache_size=-65536"
	readerParams = "_busy_timeout=10000&_query_only=1"
	roParams     = "mode=ro&_busy_timeout=10000"
)

// Create creates a new GeoPackage at path (which must not exist) holding an empty
// dataset with the given name and layers, and opens it for reading and writing.
func Create(path, name string, layers []store.Layer) (*Store, error) {
	if err := validateSchema(name, layers); err != nil {
		return nil, err
	}
	if _, err := os.Stat(path); err == nil {
		return nil, fmt.Errorf("gpkg: create %s: file exists", path)
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("gpkg: create %s: %w", path, err)
	}
	registerDriver()
	db, err := sql.Open(driverName, dsn(path, writerParams))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := createSchema(db, name, layers); err != nil {
		db.Close()
		os.Remove(path)
		return nil, err
	}
	if err := db.Close(); err != nil {
		return nil, err
	}
	return open(path, false, true)
}

// Open opens an existing SIP dataset file for reading and writing. Its name and
// layers are read back from the file; a file that is not a SIP dataset GeoPackage is
// refused.
func Open(path string) (*Store, error) { return open(path, false, false) }

// OpenReadOnly opens an existing SIP dataset file for reading only (for servers). It
// sees every transaction committed by a writer in another process or Store. Begin
// returns an error.
func OpenReadOnly(path string) (*Store, error) { return open(path, true, false) }

// open opens the file at path. A fresh file (just created, nobody else reading
// it) stays in rollback-journal mode until its first commit: the first load of a
// new dataset then writes its pages once, straight into the file, instead of
// into the WAL and again into the file at the checkpoint (about 12% of a bulk
// ingest). Every later transaction runs in WAL mode so readers never wait.
func open(path string, readOnly, fresh bool) (_ *Store, err error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("gpkg: open %s: %w", path, err)
	}
	registerDriver()
	s := &Store{path: path, readOnly: readOnly, byName: map[string]*layerInfo{}}
	defer func() {
		if err != nil {
			s.closeDBs()
		}
	}()
	if !readOnly {
		s.wdb, err = sql.Open(driverName, dsn(path, writerParams))
		if err != nil {
			return nil, err
		}
		s.wdb.SetMaxOpenConns(1)
		s.wdb.SetMaxIdleConns(1)
		s.wdb.SetConnMaxLifetime(0)
		s.wdb.SetConnMaxIdleTime(0)
		if err := checkSIP(s.wdb, path); err != nil {
			return nil, err
		}
		if fresh {
			s.walPending = true
		} else if err := s.enterWAL(); err != nil {
			return nil, fmt.Errorf("gpkg: open %s: %w", path, err)
		}
		s.rdb, err = sql.Open(driverName, dsn(path, readerParams))
	} else {
		s.rdb, err = sql.Open(driverName, dsn(path, roParams))
	}
	if err != nil {
		return nil, err
	}
	// Idle readers are kept up to the most open: the services read the store
	// per request (the spatial index, objects by id), and a connection closed
	// and reopened costs more than its page cache (about 2 MB) kept.
	s.rdb.SetMaxOpenConns(16)
	s.rdb.SetMaxIdleConns(16)
	if readOnly {
		if err := checkSIP(s.rdb, path); err != nil {
			return nil, err
		}
	}
	if err := s.loadMeta(); err != nil {
		return nil, err
	}
	if !readOnly {
		// Stores made before a built-in layer gained a column get it now (a store
		// just created has the schema its creator asked for).
		if !fresh {
			if err := s.addMissingColumns(); err != nil {
				return nil, fmt.Errorf("gpkg: open %s: %w", path, err)
			}
		}
		// Stores made before the id_* column indexes existed get them now.
		for _, l := range s.layers {
			for _, q := range idColumnIndexes(l) {
				if _, err := s.wdb.Exec(q); err != nil {
					return nil, fmt.Errorf("gpkg: open %s: %w", path, err)
				}
			}
		}
	}
	return s, nil
}

// checkSIP refuses files that are not GeoPackages written by this package.
func checkSIP(db *sql.DB, path string) error {
	var appID int64
	if err := db.QueryRow("PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("gpkg: open %s: not an SQLite database: %w", path, err)
	}
	if uint32(appID) != applicationID {
		return fmt.Errorf("gpkg: open %s: not a GeoPackage (application_id %#x)", path, uint32(appID))
	}
	var format string
	err := db.QueryRow(`SELECT value FROM ` + datasetTable + ` WHERE key = 'format'`).Scan(&format)
	if err != nil {
		return fmt.Errorf("gpkg: open %s: a GeoPackage but not a SIP dataset (no %s table)", path, datasetTable)
	}
	if format != FormatVersion {
		return fmt.Errorf("gpkg: open %s: unsupported SIP dataset format %q (want %q)", path, format, FormatVersion)
	}
	return nil
}

func (s *Store) loadMeta() error {
	rows, err := s.rdb.Query(`SELECT key, value FROM ` + datasetTable)
	if err != nil {
		return fmt.Errorf("gpkg: read %s: %w", datasetTable, err)
	}
	defer rows.Close()
	var layersJSON string
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return err
		}
		switch k {
		case "name":
			s.name = v
		case "layers":
			layersJSON = v
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	var layers []store.Layer
	if err := json.Unmarshal([]byte(layersJSON), &layers); err != nil {
		return fmt.Errorf("gpkg: open %s: bad layer schema in %s: %w", s.path, datasetTable, err)
	}
	if err := validateSchema(s.name, layers); err != nil {
		return fmt.Errorf("gpkg: open %s: %w", s.path, err)
	}
	for _, l := range layers {
		for _, t := range []string{l.Name, l.Name + historySuffix} {
			var n int
			if err := s.rdb.QueryRow(`SELECT count(*) FROM gpkg_geometry_columns WHERE table_name = ?`, t).Scan(&n); err != nil {
				return err
			}
			if n != 1 {
				return fmt.Errorf("gpkg: open %s: layer table %s missing", s.path, t)
			}
		}
		s.layers = append(s.layers, l)
		s.byName[l.Name] = newLayerInfo(l)
	}
	return nil
}

// Path is the file the store was opened from.
func (s *Store) Path() string { return s.path }

// Name is the dataset name.
func (s *Store) Name() string { return s.name }

// Layers lists the dataset's layers in schema order.
func (s *Store) Layers() []store.Layer {
	out := make([]store.Layer, len(s.layers))
	copy(out, s.layers)
	return out
}

func (s *Store) layer(name string) (*layerInfo, error) {
	li, ok := s.byName[name]
	if !ok {
		return nil, fmt.Errorf("gpkg: layer %q: %w", name, store.ErrNotFound)
	}
	return li, nil
}

func (s *Store) closeDBs() error {
	var errs []error
	if s.rdb != nil {
		errs = append(errs, s.rdb.Close())
	}
	if s.wdb != nil {
		errs = append(errs, s.wdb.Close())
	}
	return errors.Join(errs...)
}

// Close closes the store. A writable store checkpoints the WAL into the main file
// and, if no other connection has the file open, leaves it in rollback-journal mode
// so that the file is a single self-contained GeoPackage again.
func (s *Store) Close() error {
	if s.closed.Swap(true) {
		return nil
	}
	s.closeStmts()
	if s.rdb != nil {
		s.rdb.Close()
	}
	if s.wdb != nil {
		ctx := context.Background()
		if c, err := s.wdb.Conn(ctx); err == nil {
			// Never wait for other connections: if some are open, the file simply
			// stays in WAL mode until the last writer closes it.
			c.ExecContext(ctx, "PRAGMA busy_timeout=0")
			c.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
			c.ExecContext(ctx, "PRAGMA journal_mode=DELETE")
			c.Close()
		}
	}
	return s.closeDBs()
}

// enterWAL switches the writer connection to WAL mode.
func (s *Store) enterWAL() error {
	var mode string
	if err := s.wdb.QueryRow("PRAGMA journal_mode=WAL").Scan(&mode); err != nil {
		return fmt.Errorf("set WAL mode: %w", err)
	}
	if mode != "wal" {
		return fmt.Errorf("set WAL mode: journal mode is %q", mode)
	}
	s.walPending = false
	return nil
}

// addMissingColumns brings the layers of an older store up to the built-in
// schema they were made from (store.EGiBLayers, store.PlanningLayers: same name
// and class): a column the built-in layer has gained since (dzialki.adresy, say)
// is added, empty, to the layer's current and history tables and to the
// recorded schema, in one transaction. Columns are never removed or retyped, and
// layers of other schemas are left alone.
func (s *Store) addMissingColumns() error {
	layers, added := record.MissingColumns(s.layers)
	var stmts []string
	for _, c := range added {
		for _, t := range []string{c.Layer, c.Layer + historySuffix} {
			stmts = append(stmts, fmt.Sprintf(`ALTER TABLE %s ADD COLUMN %s %s`, quote(t), quote(c.Column.Name), c.Column.Type))
		}
	}
	if len(stmts) == 0 {
		return nil
	}
	if err := validateSchema(s.name, layers); err != nil {
		return err
	}
	js, err := json.Marshal(layers)
	if err != nil {
		return err
	}
	tx, err := s.wdb.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, q := range stmts {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("add column: %w (%s)", err, q)
		}
	}
	if _, err := tx.Exec(`UPDATE `+datasetTable+` SET value = ? WHERE key = 'layers'`, string(js)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	s.layers = layers
	for _, l := range layers {
		s.byName[l.Name] = newLayerInfo(l)
	}
	return nil
}
