// Package store defines the dataset model shared by every part of SIP core and the
// small interfaces a storage backend implements: Reader, Tx and Store for every
// service, SyncStore for the gmina→powiat sync. Stores are opened by DSN (Open,
// Create; see dsn.go): the embedded backend is a GeoPackage file per dataset
// (package store/gpkg), the multi-node one a PostgreSQL/PostGIS schema per
// dataset (package store/postgis). Both pass the same conformance suite
// (package store/storetest).
//
// Coordinates of every geometry held in or returned by a store are in the dataset's
// storage CRS, EPSG:2180, in x = easting, y = northing order (the traditional GIS
// order, not the EPSG axis order). Axis swapping happens only at protocol edges.
package store

import (
	"context"
	"errors"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// StorageSRID is the EPSG code of every dataset's storage CRS.
const StorageSRID = 2180

// ErrNotFound is returned when an object or layer does not exist.
var ErrNotFound = errors.New("not found")

// ErrUnavailable wraps the errors of a store whose database cannot be reached
// (refused or dropped connection, server shutting down): the request may
// succeed later, and servers answer 503 rather than 500.
var ErrUnavailable = errors.New("store unavailable")

// ColumnType is the SQL type of a public attribute column.
type ColumnType string

const (
	Text     ColumnType = "TEXT"
	Integer  ColumnType = "INTEGER"
	Real     ColumnType = "REAL"
	Date     ColumnType = "DATE"     // value is a time.Time, stored as YYYY-MM-DD
	DateTime ColumnType = "DATETIME" // value is a time.Time, stored as RFC 3339 UTC
)

// Column is one public attribute of a layer.
type Column struct {
	Name  string
	Type  ColumnType
	Title string // human-readable description (Polish), for capabilities and docs
}

// GeometryType is the GeoPackage geometry type name of a layer.
type GeometryType string

const (
	MultiPolygon    GeometryType = "MULTIPOLYGON"
	Point           GeometryType = "POINT"
	MultiLineString GeometryType = "MULTILINESTRING"
)

// Layer describes one feature table of a dataset. Only the columns listed here are
// ever stored: this list is the public schema, and personal data has no column.
type Layer struct {
	Name     string // table name: dzialki, budynki, obreby, jednostki, uzytki, kontury, punkty
	Title    string
	Class    string // source class, e.g. EGB_DzialkaEwidencyjna
	Geometry GeometryType
	Columns  []Column
}

// Column returns the named column.
func (l Layer) Column(name string) (Column, bool) {
	for _, c := range l.Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}

// Object is one version of one spatial object (EGiB lifecycle: docs/domain.md, "EGiB object versions").
// The identity of an object is (Layer, ID); (Layer, ID, Version) names one version.
type Object struct {
	Layer     string
	ID        string // idIIP lokalnyId (UUID); stable across versions
	Namespace string // idIIP przestrzenNazw, e.g. PL.PZGiK.1004.EGiB
	Version   string // idIIP wersjaId, e.g. 2021-05-04T10:00:00

	StartObject  time.Time // startObiekt: never changes over the versions
	StartVersion time.Time // startWersjaObiekt
	EndVersion   time.Time // koniecWersjaObiekt; zero for the current version
	EndObject    time.Time // koniecObiekt; non-zero once the object was deleted

	Geometry orb.Geometry // EPSG:2180, x = E, y = N
	// Attrs holds public attributes by Layer column name: string, int64, float64 or
	// time.Time. Objects read from a store leave NULL columns out. Times are kept
	// with millisecond precision (GeoPackage DATETIME).
	Attrs map[string]any
}

// Current reports whether o is the live version of a live object.
func (o *Object) Current() bool { return o.EndVersion.IsZero() && o.EndObject.IsZero() }

// ValidAt reports whether version o was the one in force at t.
func (o *Object) ValidAt(t time.Time) bool {
	if t.Before(o.StartVersion) {
		return false
	}
	if !o.EndVersion.IsZero() && !t.Before(o.EndVersion) {
		return false
	}
	if !o.EndObject.IsZero() && !t.Before(o.EndObject) {
		return false
	}
	return true
}

// Op is the kind of a change-log entry.
type Op string

const (
	OpInsert  Op = "insert"  // a new object, or a version that becomes current
	OpUpdate  Op = "update"  // a new current version replaced the previous current one, or a version was corrected
	OpDelete  Op = "delete"  // the object ended (koniecObiekt) or its current version was closed
	OpArchive Op = "archive" // an archived (historic) version was added; the current state is unchanged
)

// Change is one entry of a dataset's append-only change log.
type Change struct {
	Rev     int64 // strictly increasing revision number, 1-based
	Time    time.Time
	Layer   string
	ID      string
	Version string
	Op      Op
	// Bounds covers the old and the new geometry of the object (EPSG:2180), so that a
	// tile cache can invalidate exactly the tiles the change touches.
	Bounds orb.Bound
	// Object is the new version (nil for OpDelete when nothing new was written).
	Object *Object
}

// Query selects objects of one layer.
type Query struct {
	Layer string
	// Bound, when set, keeps objects whose bounding box intersects it (EPSG:2180).
	// Any well-formed box counts, a single point (Min == Max) included, so a click
	// query works; a nil Bound means no spatial filter.
	Bound *orb.Bound
	// AsOf, when non-zero, answers from the version history: the versions in force at
	// that time, deleted objects included if they were alive then. Zero means current.
	AsOf time.Time
	// Where filters on public attribute equality (column -> value).
	Where map[string]any
	// Prefix keeps objects whose text column starts with the given string
	// (column -> prefix, compared byte for byte, case-sensitive): the
	// autocomplete of ids. The layer's public id column (id_dzialki …) is
	// indexed for it in both backends; others are scanned.
	Prefix map[string]string
	// IDs, when non-empty, keeps only these object ids (lokalnyId).
	IDs []string
	// Limit and Offset page the result in a stable order (by an internal row key);
	// Limit 0 means no limit. After, when non-zero, keeps rows with key > After
	// (keyset paging: cheap at any depth).
	Limit  int
	Offset int
	After  int64
	// NoGeometry leaves the geometry out of the rows (Geometry nil): for
	// readers of attributes only, which then neither transfer nor decode it.
	NoGeometry bool
}

// Row is one query result: an object version and its stable row key in that layer.
// Two key schemes exist: queries of the current state key rows by the current
// table's row id (stable while the object lives, across its versions); AsOf queries
// key rows by a per-version serial that never changes. Keys of the two schemes are
// not comparable with each other.
type Row struct {
	Key int64
	*Object
}

// PrefixEnd returns the least valid UTF-8 string greater than every string
// starting with prefix (UTF-8 byte order is code point order), "" when there is
// none (prefix empty or only U+10FFFF): a prefix filter is the range
// prefix <= col < PrefixEnd(prefix), which a B-tree index answers. Stored text
// is valid UTF-8, so a prefix that is not matches nothing (ok false).
func PrefixEnd(prefix string) (end string, ok bool) {
	if !utf8.ValidString(prefix) {
		return "", false
	}
	rs := []rune(prefix)
	for len(rs) > 0 {
		r := rs[len(rs)-1] + 1
		if r == 0xd800 {
			r = 0xe000 // past the surrogates
		}
		if r <= utf8.MaxRune {
			rs[len(rs)-1] = r
			return string(rs), true
		}
		rs = rs[:len(rs)-1]
	}
	return "", true
}

// Reader is the read side of a dataset, used by every service.
type Reader interface {
	// Name is the dataset name used in URLs and capabilities.
	Name() string
	// Layers lists the dataset's layers (only those that exist in the store).
	Layers() []Layer
	// Extent is the bounding box of the current objects of a layer (EPSG:2180);
	// ok is false for an empty layer.
	Extent(ctx context.Context, layer string) (b orb.Bound, ok bool, err error)
	// Count counts the objects Query would return, ignoring Limit/Offset/After.
	Count(ctx context.Context, q Query) (int64, error)
	// Query streams matching objects to fn in key order; fn returning an error stops
	// the scan and Query returns that error.
	Query(ctx context.Context, q Query, fn func(Row) error) error
	// QueryBoxes streams the row key, object id and exact envelope of each
	// object Query would return (those with a geometry), in the same order,
	// without decoding geometries or attributes: what a spatial index holds.
	QueryBoxes(ctx context.Context, q Query, fn func(key int64, id string, b orb.Bound) error) error
	// Get returns the current version of an object (ErrNotFound if none).
	Get(ctx context.Context, layer, id string) (*Object, error)
	// History returns every stored version of an object, oldest first.
	History(ctx context.Context, layer, id string) ([]*Object, error)
	// Revision is the newest change-log revision (0 for an empty log).
	Revision(ctx context.Context) (int64, error)
	// Changes streams change-log entries with Rev > since, in order.
	Changes(ctx context.Context, since int64, fn func(Change) error) error
}

// PutResult says what Tx.Put did with an object version.
type PutResult int

const (
	Unchanged PutResult = iota // the same version with the same content was already stored
	Inserted
	Updated
	Deleted // the object ended, or an ended version closed its current version
	Archived
)

// Tx is one write transaction. Nothing is visible to readers or in the change log
// until Commit; Rollback (or a failed Commit) leaves the store exactly as before.
type Tx interface {
	// Put stores one object version, applying the EGiB lifecycle: a version without
	// an end becomes current (the previous current version moves to the history),
	// an ended version goes to the history (closing the current one if it is the
	// same version), and putting a version that is already stored unchanged is a no-op.
	Put(ctx context.Context, o *Object) (PutResult, error)
	Commit() error
	Rollback() error
}

// Store is a dataset that can be read and written.
type Store interface {
	Reader
	Begin(ctx context.Context) (Tx, error)
	Close() error
}

// Notifier is a store whose database announces commits (PostGIS:
// LISTEN/NOTIFY). Listen calls hint after each commit of the dataset, from
// any process, until ctx ends, reconnecting by itself. A hint only says
// "poll now": announcements are lost while disconnected, so readers keep
// polling Revision.
type Notifier interface {
	Listen(ctx context.Context, hint func())
}
