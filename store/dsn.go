package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// A store is named by a DSN (data source name); its scheme picks the backend,
// the way database/sql picks a driver:
//
//   - a bare file path, or gpkg:PATH: a GeoPackage file (package store/gpkg);
//   - postgres://USER@HOST:PORT/DB?schema=NAME, postgresql://…, or libpq
//     keyword parameters such as "host=/run/postgresql dbname=sip schema=NAME":
//     one schema of a PostgreSQL/PostGIS database (package store/postgis). The
//     schema defaults to the dataset name.
//
// Backends register a Driver for their scheme in an init function; a program
// imports the backends it wants (cmd/sip imports both).

// Scheme names.
const (
	SchemeGPKG     = "gpkg"
	SchemePostgres = "postgres"
)

// Driver opens and creates the stores of one backend.
type Driver interface {
	// Open opens an existing dataset. readOnly stores refuse Begin.
	Open(ctx context.Context, dsn string, readOnly bool) (Store, error)
	// Create creates an empty dataset with the given name and layers (it must not
	// exist) and opens it for reading and writing.
	Create(ctx context.Context, dsn, name string, layers []Layer) (Store, error)
	// Exists reports whether the DSN names an existing dataset.
	Exists(ctx context.Context, dsn string) (bool, error)
	// Remove deletes a dataset entirely (a first ingest that failed).
	Remove(ctx context.Context, dsn string) error
}

var (
	driversMu sync.RWMutex
	drivers   = map[string]Driver{}
)

// Register makes a backend available under a scheme. It panics when the scheme
// is registered twice (like database/sql.Register).
func Register(scheme string, d Driver) {
	driversMu.Lock()
	defer driversMu.Unlock()
	if d == nil {
		panic("store: Register driver is nil")
	}
	if _, dup := drivers[scheme]; dup {
		panic("store: Register called twice for scheme " + scheme)
	}
	drivers[scheme] = d
}

// Schemes lists the registered schemes, sorted.
func Schemes() []string {
	driversMu.RLock()
	defer driversMu.RUnlock()
	out := make([]string, 0, len(drivers))
	for s := range drivers {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

var keywordDSN = regexp.MustCompile(`^\s*[A-Za-z_]+\s*=`)

// SchemeOf is the scheme a DSN names: SchemePostgres for postgres:// and
// postgresql:// URLs and libpq keyword strings, SchemeGPKG for gpkg:PATH and
// bare paths.
func SchemeOf(dsn string) string {
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		return SchemePostgres
	case strings.HasPrefix(dsn, "gpkg:"):
		return SchemeGPKG
	case keywordDSN.MatchString(dsn):
		return SchemePostgres
	}
	return SchemeGPKG
}

// IsPath reports whether the DSN is a file path (bare or gpkg:PATH), which a
// configuration anchors to its own folder when relative.
func IsPath(dsn string) bool { return SchemeOf(dsn) == SchemeGPKG }

// FilePath is the file a GeoPackage DSN names (the gpkg: prefix removed), or ""
// for any other DSN.
func FilePath(dsn string) string {
	if !IsPath(dsn) {
		return ""
	}
	return strings.TrimPrefix(dsn, "gpkg:")
}

// WithFilePath replaces the file of a GeoPackage DSN, keeping its gpkg: prefix
// if it had one.
func WithFilePath(dsn, path string) string {
	if strings.HasPrefix(dsn, "gpkg:") {
		return "gpkg:" + path
	}
	return path
}

func driverFor(dsn string) (Driver, error) {
	if strings.TrimSpace(dsn) == "" {
		return nil, errors.New("store: empty DSN (a GeoPackage path or a postgres:// URL)")
	}
	scheme := SchemeOf(dsn)
	driversMu.RLock()
	d, ok := drivers[scheme]
	driversMu.RUnlock()
	if !ok {
		return nil, fmt.Errorf("store: no backend for %s DSNs in this program (import store/%s)", scheme, map[string]string{SchemeGPKG: "gpkg", SchemePostgres: "postgis"}[scheme])
	}
	return d, nil
}

// Open opens the dataset a DSN names for reading and writing.
func Open(ctx context.Context, dsn string) (Store, error) {
	d, err := driverFor(dsn)
	if err != nil {
		return nil, err
	}
	return d.Open(ctx, dsn, false)
}

// OpenReadOnly opens the dataset a DSN names for reading only.
func OpenReadOnly(ctx context.Context, dsn string) (Store, error) {
	d, err := driverFor(dsn)
	if err != nil {
		return nil, err
	}
	return d.Open(ctx, dsn, true)
}

// Create creates the dataset a DSN names, empty, with a name and layers.
func Create(ctx context.Context, dsn, name string, layers []Layer) (Store, error) {
	d, err := driverFor(dsn)
	if err != nil {
		return nil, err
	}
	return d.Create(ctx, dsn, name, layers)
}

// Exists reports whether the DSN names an existing dataset.
func Exists(ctx context.Context, dsn string) (bool, error) {
	d, err := driverFor(dsn)
	if err != nil {
		return false, err
	}
	return d.Exists(ctx, dsn)
}

// Remove deletes the dataset a DSN names (a GeoPackage file with its journal
// files, or a PostGIS schema).
func Remove(ctx context.Context, dsn string) error {
	d, err := driverFor(dsn)
	if err != nil {
		return err
	}
	return d.Remove(ctx, dsn)
}

// OpenOrCreate opens the dataset a DSN names, creating it with name and layers
// when it does not exist; created says which happened.
func OpenOrCreate(ctx context.Context, dsn, name string, layers []Layer) (st Store, created bool, err error) {
	ok, err := Exists(ctx, dsn)
	if err != nil {
		return nil, false, err
	}
	if ok {
		st, err = Open(ctx, dsn)
		return st, false, err
	}
	st, err = Create(ctx, dsn, name, layers)
	return st, err == nil, err
}

var passwordKeyword = regexp.MustCompile(`(?i)(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S*)`)

// Redact is the DSN with its password, if any, replaced by xxxxx: the form
// that may appear in logs, errors, metrics and capabilities.
func Redact(dsn string) string {
	if SchemeOf(dsn) != SchemePostgres {
		return dsn
	}
	if strings.Contains(dsn, "://") {
		u, err := url.Parse(dsn)
		if err != nil {
			// Unparseable: hide everything between the scheme and the host.
			if i, j := strings.Index(dsn, "://"), strings.LastIndex(dsn, "@"); i >= 0 && j > i {
				return dsn[:i+3] + "xxxxx" + dsn[j:]
			}
			return "postgres://(unparseable DSN)"
		}
		q := u.Query()
		if q.Has("password") {
			q.Set("password", "xxxxx")
			u.RawQuery = q.Encode()
		}
		return u.Redacted()
	}
	return passwordKeyword.ReplaceAllString(dsn, "${1}xxxxx")
}

// NameFromDSN makes a dataset name from a DSN: the schema parameter of a
// PostGIS DSN, the base name of a GeoPackage file. "" when the DSN names none.
func NameFromDSN(dsn string) string {
	if SchemeOf(dsn) == SchemePostgres {
		return DSNParam(dsn, "schema")
	}
	p := FilePath(dsn)
	base := p[strings.LastIndexAny(p, `/\`)+1:]
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	return base
}

// DSNParam reads one parameter of a PostgreSQL DSN (a URL query parameter, or a
// keyword of a libpq keyword string); "" when absent.
func DSNParam(dsn, key string) string {
	if strings.Contains(dsn, "://") {
		u, err := url.Parse(dsn)
		if err != nil {
			return ""
		}
		return u.Query().Get(key)
	}
	kv, err := ParseKeywords(dsn)
	if err != nil {
		return ""
	}
	for _, p := range kv {
		if p[0] == key {
			return p[1]
		}
	}
	return ""
}

// ParseKeywords splits a libpq keyword/value string ("host=/tmp dbname='my db'")
// into its pairs, in order, following libpq's quoting rules (single quotes,
// backslash escapes).
func ParseKeywords(s string) ([][2]string, error) {
	var out [][2]string
	i := 0
	skip := func() {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
	}
	for {
		skip()
		if i >= len(s) {
			return out, nil
		}
		j := i
		for j < len(s) && s[j] != '=' && s[j] != ' ' && s[j] != '\t' {
			j++
		}
		key := s[i:j]
		i = j
		skip()
		if i >= len(s) || s[i] != '=' || key == "" {
			return nil, fmt.Errorf("store: DSN keyword %q without a value", key)
		}
		i++
		skip()
		var val strings.Builder
		if i < len(s) && s[i] == '\'' {
			i++
			for ; ; i++ {
				if i >= len(s) {
					return nil, fmt.Errorf("store: DSN value of %s: unterminated quote", key)
				}
				if s[i] == '\\' && i+1 < len(s) {
					i++
				} else if s[i] == '\'' {
					i++
					break
				}
				val.WriteByte(s[i])
			}
		} else {
			for ; i < len(s) && s[i] != ' ' && s[i] != '\t' && s[i] != '\n'; i++ {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				val.WriteByte(s[i])
			}
		}
		out = append(out, [2]string{key, val.String()})
	}
}

// WithSchema is a PostGIS DSN with its schema parameter set to name when it has
// none (the schema defaults to the dataset name); other DSNs are returned as
// they are.
func WithSchema(dsn, name string) string {
	if SchemeOf(dsn) != SchemePostgres || name == "" || DSNParam(dsn, "schema") != "" {
		return dsn
	}
	if strings.Contains(dsn, "://") {
		sep := "?"
		if strings.Contains(dsn, "?") {
			sep = "&"
		}
		return dsn + sep + "schema=" + url.QueryEscape(name)
	}
	return strings.TrimRight(dsn, " ") + " schema='" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(name) + "'"
}
