package tiles

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	_ "github.com/mattn/go-sqlite3" // SQLite driver for MBTiles and GeoPackage

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/internal/atomicfile"
	"github.com/sip-core/sip/tiles/pmtiles"
)

// Format is a tile container format.
type Format string

const (
	MBTiles    Format = "mbtiles"
	PMTiles    Format = "pmtiles"
	GeoPackage Format = "gpkg"
)

// FormatOf picks the container from an output file name (or the key of an
// object storage URL).
func FormatOf(path string) (Format, error) {
	if blob.IsURL(path) {
		if u, err := url.Parse(path); err == nil {
			path = u.Path
		}
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".mbtiles":
		return MBTiles, nil
	case ".pmtiles":
		return PMTiles, nil
	case ".gpkg":
		return GeoPackage, nil
	}
	return "", fmt.Errorf("%s: unknown tile container (use .mbtiles, .pmtiles or .gpkg)", path)
}

// VectorLayer describes a tile layer in TileJSON / MBTiles `json` metadata.
type VectorLayer struct {
	ID          string            `json:"id"`
	Description string            `json:"description,omitempty"`
	MinZoom     int               `json:"minzoom"`
	MaxZoom     int               `json:"maxzoom"`
	Fields      map[string]string `json:"fields"`
}

// Meta describes a tileset.
type Meta struct {
	Name         string        `json:"name"`
	Description  string        `json:"description,omitempty"`
	Grid         string        `json:"sip:grid"`
	MinZoom      int           `json:"minzoom"`
	MaxZoom      int           `json:"maxzoom"`
	Bounds       [4]float64    `json:"bounds"` // WGS84 lon/lat west, south, east, north
	Center       [3]float64    `json:"center"` // lon, lat, zoom
	VectorLayers []VectorLayer `json:"vector_layers"`
	// Revision is the store revision the tiles reflect (for `sip tiles update`).
	Revision int64  `json:"sip:revision"`
	Dataset  string `json:"sip:dataset"`
}

// Sink receives built tiles. Finish makes the output visible atomically; Abort
// (or a crash before Finish) leaves any previous output untouched.
type Sink interface {
	Put(z, x, y int, data []byte) error
	Finish(m *Meta) error
	Abort()
}

// tempPath is a sibling temporary file that is renamed over path on success.
func tempPath(path string) string { return atomicfile.Path(path) }

// NewSink creates the sink for an output file. The temporary files earlier
// builds of it left when they were killed are removed first.
func NewSink(path string, g *Grid) (Sink, error) {
	return NewSinkContext(context.Background(), path, g)
}

// NewSinkContext is NewSink for an output that may be in object storage
// (s3://BUCKET/KEY.pmtiles?endpoint=…): publishing it stops when ctx ends,
// publishing nothing.
func NewSinkContext(ctx context.Context, path string, g *Grid) (Sink, error) {
	f, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	if blob.IsURL(path) {
		if f != PMTiles || g != WebMercatorQuad {
			return nil, errors.New("object storage holds PMTiles archives of web mercator tiles only: use an s3://BUCKET/KEY.pmtiles output")
		}
		return newRemoteSink(ctx, path)
	}
	atomicfile.RemoveStale(path)
	switch f {
	case MBTiles:
		if g != WebMercatorQuad {
			return nil, errors.New("MBTiles holds web mercator tiles only: use --grid webmercator or a .gpkg output")
		}
		return newMBTilesSink(path)
	case PMTiles:
		if g != WebMercatorQuad {
			return nil, errors.New("PMTiles holds web mercator tiles only: use --grid webmercator or a .gpkg output")
		}
		return &pmtilesSink{path: path}, nil
	}
	return newGPKGSink(path, g)
}

// ---- MBTiles 1.3 ----

type mbtilesSink struct {
	tempDB
}

// tempDB is the SQLite file an MBTiles or GeoPackage sink writes: created beside
// the output under a temporary name, filled in one transaction and renamed over
// the output only when complete, so an interrupted build leaves the previous
// output intact.
type tempDB struct {
	path, tmp string
	db        *sql.DB
	tx        *sql.Tx
	ins       *sql.Stmt // the tile insert
}

// openTempDB creates the temporary file for path (journal and fsync off: the
// file only counts once renamed).
func openTempDB(path string) (tempDB, error) {
	t := tempDB{path: path, tmp: tempPath(path)}
	os.Remove(t.tmp)
	db, err := sql.Open("sqlite3", "file:"+t.tmp+"?_journal_mode=OFF&_synchronous=OFF")
	if err != nil {
		return t, err
	}
	db.SetMaxOpenConns(1)
	t.db = db
	return t, nil
}

// finish commits the transaction, closes the file and renames it into place.
func (t *tempDB) finish() error {
	t.ins.Close()
	if err := t.tx.Commit(); err != nil {
		return err
	}
	if err := t.db.Close(); err != nil {
		return err
	}
	return atomicfile.Commit(t.tmp, t.path, true)
}

// Abort drops the temporary file; the previous output stays as it was.
func (t *tempDB) Abort() {
	if t.tx != nil {
		t.tx.Rollback()
	}
	t.db.Close()
	os.Remove(t.tmp)
}

func newMBTilesSink(path string) (*mbtilesSink, error) {
	t, err := openTempDB(path)
	if err != nil {
		return nil, err
	}
	s := &mbtilesSink{t}
	_, err = s.db.Exec(`PRAGMA page_size=4096;
CREATE TABLE metadata (name TEXT, value TEXT);
CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);`)
	if err == nil {
		s.tx, err = s.db.Begin()
	}
	if err == nil {
		s.ins, err = s.tx.Prepare(`INSERT INTO tiles VALUES (?, ?, ?, ?)`)
	}
	if err != nil {
		s.Abort()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func (s *mbtilesSink) Put(z, x, y int, data []byte) error {
	_, err := s.ins.Exec(z, x, (1<<uint(z))-1-y, data)
	return err
}

func mbtilesMetadata(m *Meta) [][2]string {
	js, _ := json.Marshal(struct {
		VectorLayers []VectorLayer `json:"vector_layers"`
	}{m.VectorLayers})
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return [][2]string{
		{"name", m.Name}, {"description", m.Description}, {"format", "pbf"}, {"type", "overlay"}, {"version", "1"},
		{"minzoom", strconv.Itoa(m.MinZoom)}, {"maxzoom", strconv.Itoa(m.MaxZoom)},
		{"bounds", f(m.Bounds[0]) + "," + f(m.Bounds[1]) + "," + f(m.Bounds[2]) + "," + f(m.Bounds[3])},
		{"center", f(m.Center[0]) + "," + f(m.Center[1]) + "," + f(m.Center[2])},
		{"json", string(js)},
		{"sip:grid", m.Grid}, {"sip:revision", strconv.FormatInt(m.Revision, 10)}, {"sip:dataset", m.Dataset},
	}
}

func (s *mbtilesSink) Finish(m *Meta) error {
	err := func() error {
		for _, kv := range mbtilesMetadata(m) {
			if _, err := s.tx.Exec(`INSERT INTO metadata VALUES (?, ?)`, kv[0], kv[1]); err != nil {
				return err
			}
		}
		if _, err := s.tx.Exec(`CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)`); err != nil {
			return err
		}
		return s.finish()
	}()
	if err != nil {
		s.Abort()
	}
	return err
}

// ---- PMTiles v3 ----

type pmtilesSink struct {
	path  string
	tiles []pmtiles.Tile
}

func (s *pmtilesSink) Put(z, x, y int, data []byte) error {
	s.tiles = append(s.tiles, pmtiles.Tile{ID: pmtiles.TileID(uint8(z), uint32(x), uint32(y)), Data: data})
	return nil
}

func e7(v float64) int32 { return int32(math.Round(v * 1e7)) }

func (s *pmtilesSink) Finish(m *Meta) error {
	tmp := tempPath(s.path)
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if err := s.write(f, m); err != nil {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	return atomicfile.Commit(tmp, s.path, true)
}

// write writes the archive of the tiles put so far.
func (s *pmtilesSink) write(w io.Writer, m *Meta) error {
	js, _ := json.Marshal(m)
	h := pmtiles.Header{TileCompression: pmtiles.CompressionGzip, TileType: pmtiles.TileTypeMVT,
		MinZoom: uint8(m.MinZoom), MaxZoom: uint8(m.MaxZoom),
		MinLonE7: e7(m.Bounds[0]), MinLatE7: e7(m.Bounds[1]), MaxLonE7: e7(m.Bounds[2]), MaxLatE7: e7(m.Bounds[3]),
		CenterZoom: uint8(m.Center[2]), CenterLonE7: e7(m.Center[0]), CenterLatE7: e7(m.Center[1])}
	if len(s.tiles) > 0 {
		// The header zooms are those of the tiles present (pmtiles verify checks).
		lo, hi := uint8(255), uint8(0)
		for _, t := range s.tiles {
			z, _, _ := pmtiles.IDToZXY(t.ID)
			lo, hi = min(lo, z), max(hi, z)
		}
		h.MinZoom, h.MaxZoom = lo, hi
		h.CenterZoom = min(max(h.CenterZoom, lo), hi)
	}
	return pmtiles.Write(w, s.tiles, h, js)
}

func (s *pmtilesSink) Abort() { s.tiles = nil }

// ---- readers ----

// Tileset is a pre-built tile container opened for reading. Safe for concurrent use.
type Tileset interface {
	// Tile returns the stored (gzip-compressed MVT) bytes; nil when absent.
	Tile(z, x, y int) ([]byte, error)
	Meta() *Meta
	Grid() *Grid
	Close() error
}

// OpenTileset opens a built MBTiles, PMTiles or GeoPackage tile file, or a
// PMTiles archive in object storage (s3:// or https://; it follows new builds
// until closed).
func OpenTileset(path string) (Tileset, error) {
	f, err := FormatOf(path)
	if err != nil {
		return nil, err
	}
	if blob.IsURL(path) {
		if f != PMTiles {
			return nil, fmt.Errorf("%s: object storage holds PMTiles archives only", blob.Redact(path))
		}
		a, err := openRemoteArchive(path)
		if err != nil {
			return nil, err
		}
		if err := a.ready(context.Background()); err != nil {
			a.Close()
			return nil, err
		}
		return a, nil
	}
	if _, err := os.Stat(path); err != nil {
		return nil, err
	}
	switch f {
	case MBTiles:
		return openMBTiles(path)
	case PMTiles:
		return openPMTiles(path)
	}
	return openGPKGTiles(path)
}

type mbtilesReader struct {
	db   *sql.DB
	meta *Meta
	get  *sql.Stmt
}

func openMBTiles(path string) (*mbtilesReader, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_query_only=1")
	if err != nil {
		return nil, err
	}
	r := &mbtilesReader{db: db}
	m, err := readMBTilesMeta(db)
	if err == nil {
		r.meta = m
		r.get, err = db.Prepare(`SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: not a readable MBTiles file: %w", path, err)
	}
	return r, nil
}

func readMBTilesMeta(db *sql.DB) (*Meta, error) {
	rows, err := db.Query(`SELECT name, value FROM metadata`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kv := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		kv[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if kv["format"] != "pbf" {
		return nil, fmt.Errorf("format %q is not pbf (vector tiles)", kv["format"])
	}
	m := &Meta{Name: kv["name"], Description: kv["description"], Grid: kv["sip:grid"], Dataset: kv["sip:dataset"]}
	if m.Grid == "" {
		m.Grid = WebMercatorQuad.ID
	}
	m.MinZoom, _ = strconv.Atoi(kv["minzoom"])
	m.MaxZoom, _ = strconv.Atoi(kv["maxzoom"])
	m.Revision, _ = strconv.ParseInt(kv["sip:revision"], 10, 64)
	parse := func(s string, dst []float64) {
		for i, p := range strings.Split(s, ",") {
			if i < len(dst) {
				dst[i], _ = strconv.ParseFloat(strings.TrimSpace(p), 64)
			}
		}
	}
	parse(kv["bounds"], m.Bounds[:])
	parse(kv["center"], m.Center[:])
	var js struct {
		VectorLayers []VectorLayer `json:"vector_layers"`
	}
	if s := kv["json"]; s != "" {
		if err := json.Unmarshal([]byte(s), &js); err != nil {
			return nil, fmt.Errorf("metadata json: %w", err)
		}
	}
	m.VectorLayers = js.VectorLayers
	return m, nil
}

func (r *mbtilesReader) Tile(z, x, y int) ([]byte, error) {
	var b []byte
	err := r.get.QueryRow(z, x, (1<<uint(z))-1-y).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return b, err
}
func (r *mbtilesReader) Meta() *Meta  { return r.meta }
func (r *mbtilesReader) Grid() *Grid  { return WebMercatorQuad }
func (r *mbtilesReader) Close() error { r.get.Close(); return r.db.Close() }

type pmtilesReader struct {
	r    *pmtiles.Reader
	meta *Meta
}

func openPMTiles(path string) (*pmtilesReader, error) {
	r, err := pmtiles.Open(path)
	if err != nil {
		return nil, err
	}
	m, err := pmtilesMeta(r)
	if err != nil {
		r.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &pmtilesReader{r: r, meta: m}, nil
}

// pmtilesMeta checks that an archive holds vector tiles and reads its
// metadata.
func pmtilesMeta(r *pmtiles.Reader) (*Meta, error) {
	if r.H.TileType != pmtiles.TileTypeMVT {
		return nil, fmt.Errorf("tile type %s is not MVT", r.H.TileType)
	}
	m := &Meta{}
	if err := json.Unmarshal(r.Metadata(), m); err != nil {
		return nil, fmt.Errorf("metadata: %w", err)
	}
	m.Grid = WebMercatorQuad.ID
	return m, nil
}

func (p *pmtilesReader) Tile(z, x, y int) ([]byte, error) {
	return p.r.Tile(uint8(z), uint32(x), uint32(y))
}
func (p *pmtilesReader) Meta() *Meta  { return p.meta }
func (p *pmtilesReader) Grid() *Grid  { return WebMercatorQuad }
func (p *pmtilesReader) Close() error { return p.r.Close() }

// vectorLayers describes the tile layers of a build.
func vectorLayers(r *Renderer, minZoom int, fields map[string]map[string]string) []VectorLayer {
	var out []VectorLayer
	for _, name := range r.Layers {
		vl := VectorLayer{ID: name, MinZoom: max(minZoom, r.LayerMinZoom(name)), MaxZoom: r.MaxZoom, Fields: fields[name]}
		if name == LabelLayer {
			vl.Description = "Numery działek: punkt wewnątrz działki (biegun niedostępności)"
		}
		if vl.Fields == nil {
			vl.Fields = map[string]string{}
		}
		out = append(out, vl)
	}
	return out
}

func jsonMeta(m *Meta) (string, error) {
	b, err := json.Marshal(m)
	return string(b), err
}
