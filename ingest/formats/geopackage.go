package formats

import (
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	_ "github.com/mattn/go-sqlite3" // the field-standard SQLite driver, as in store/gpkg
	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/wkb"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ingest/app"
)

// ReadGeoPackage reads the polygon feature tables of a GeoPackage (only table,
// when given), read-only.
func ReadGeoPackage(path, table string) ([]*Feature, error) {
	db, err := sql.Open("sqlite3", "file:"+url.PathEscape(path)+"?mode=ro&immutable=1")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT g.table_name, g.column_name, g.srs_id, COALESCE(s.organization, ''), COALESCE(s.organization_coordsys_id, 0)
		FROM gpkg_geometry_columns g LEFT JOIN gpkg_spatial_ref_sys s ON s.srs_id = g.srs_id ORDER BY g.table_name`)
	if err != nil {
		return nil, fmt.Errorf("%s: not a GeoPackage: %v", path, err)
	}
	type gc struct {
		table, col string
		srs        int
		org        string
		code       int
	}
	var tables []gc
	for rows.Next() {
		var t gc
		if err := rows.Scan(&t.table, &t.col, &t.srs, &t.org, &t.code); err != nil {
			rows.Close()
			return nil, err
		}
		if table == "" || t.table == table {
			tables = append(tables, t)
		}
	}
	rows.Close()
	if len(tables) == 0 {
		if table != "" {
			return nil, fmt.Errorf("%s: no feature table %q", path, table)
		}
		return nil, fmt.Errorf("%s: no feature tables", path)
	}
	var out []*Feature
	for _, t := range tables {
		code := t.code
		if code == 0 && (t.org == "" || t.org == "EPSG" || t.org == "epsg") {
			code = t.srs
		}
		src, ok := geo.Lookup(code)
		if !ok {
			return nil, fmt.Errorf("%s: table %s: srs_id %d (%s:%d) is not a supported CRS", path, t.table, t.srs, t.org, t.code)
		}
		if code == 4326 || code == 4258 || code == 9702 {
			src = geo.CRS84 // GeoPackage geometries are x = lon, y = lat
		}
		fs, err := readGPKGTable(db, path, t.table, t.col, src)
		if err != nil {
			return nil, err
		}
		out = append(out, fs...)
	}
	return out, nil
}

func quoteIdent(s string) string { return `"` + s + `"` }

func readGPKGTable(db *sql.DB, path, table, geomCol string, src *geo.CRS) ([]*Feature, error) {
	for _, c := range table + geomCol {
		if c == '"' {
			return nil, fmt.Errorf("%s: table or column name with a quote: %q", path, table)
		}
	}
	rows, err := db.Query("SELECT * FROM " + quoteIdent(table))
	if err != nil {
		return nil, fmt.Errorf("%s: table %s: %v", path, table, err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []*Feature
	for i := 0; rows.Next(); i++ {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for j := range vals {
			ptrs[j] = &vals[j]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, fmt.Errorf("%s: table %s: %v", path, table, err)
		}
		f := &Feature{File: path, Layer: table, Index: i, Props: map[string]any{}}
		var blob []byte
		for j, c := range cols {
			v := vals[j]
			if c == geomCol {
				blob, _ = v.([]byte)
				continue
			}
			switch x := v.(type) {
			case []byte:
				v = string(x)
			case int64:
				if c == "fid" || c == "FID" || c == "ogc_fid" {
					f.FID = strconv.FormatInt(x, 10)
					continue
				}
			}
			f.Props[c] = v
		}
		if blob == nil {
			f.Issues = append(f.Issues, app.Issue{Code: app.CodeNoGeometry, Msg: "feature without geometry"})
			out = append(out, f)
			continue
		}
		g, err := decodeGPKGGeom(blob)
		if err != nil {
			f.Issues = append(f.Issues, app.Issue{Code: app.CodeGeometry, Msg: err.Error()})
			out = append(out, f)
			continue
		}
		mp, ok := asMultiPolygon(g)
		if !ok {
			f.Issues = append(f.Issues, app.Issue{Code: app.CodeGeometry, Msg: fmt.Sprintf("geometry %s: planning zones must be polygons", g.GeoJSONType())})
			out = append(out, f)
			continue
		}
		finish(f, mp, src)
		out = append(out, f)
	}
	return out, rows.Err()
}

// decodeGPKGGeom decodes a GeoPackage geometry blob: "GP", version, flags, srs_id,
// an optional envelope, then (ISO) WKB.
func decodeGPKGGeom(b []byte) (orb.Geometry, error) {
	if len(b) < 8 || b[0] != 'G' || b[1] != 'P' {
		return nil, errors.New("not a GeoPackage geometry blob")
	}
	flags := b[3]
	if flags&0x20 != 0 {
		return nil, errors.New("extended GeoPackage geometry is not supported")
	}
	envLen := map[byte]int{0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags>>1)&7]
	if (flags>>1)&7 > 4 {
		return nil, errors.New("bad envelope indicator")
	}
	if len(b) < 8+envLen {
		return nil, errors.New("geometry blob shorter than its header")
	}
	body := b[8+envLen:]
	geom, err := wkb.Unmarshal(body)
	if err != nil {
		return nil, fmt.Errorf("WKB: %v", err)
	}
	return geom, nil
}
