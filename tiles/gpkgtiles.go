package tiles

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/sip-core/sip/store/gpkg"
)

// GeoPackage vector tiles: a tile pyramid user table ("vector_tiles") whose
// tile_data holds gzip-compressed MVT, registered in gpkg_contents with
// data_type 'vector-tiles' and the vector tiles extensions of the OGC Vector
// Tiles Pilot 2 (im_vector_tiles, im_vector_tiles_mapbox). The tileset
// description (TileJSON-like Meta, with the store revision) is a gpkg_metadata
// row referenced from the table. The tile matrix
// set is the grid's, written in the grid's CRS, so a PL-1992 build carries its
// EPSG:2180 matrix set: zoom z is 2^z × 2^z tiles of 256 nominal pixels, pixel
// size 102400/2^z m, top-left corner E 100000, N 850000 (see PL1992).

const gpkgTable = "vector_tiles"

const wkt3857 = `PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","3857"]]`

type gpkgSink struct {
	tempDB
	grid *Grid
	minZ int
	maxZ int
}

func newGPKGSink(path string, g *Grid) (*gpkgSink, error) {
	t, err := openTempDB(path)
	if err != nil {
		return nil, err
	}
	s := &gpkgSink{tempDB: t, grid: g, minZ: -1}
	db := s.db
	srsName, srsID, wkt := "ETRF2000-PL / CS92", 2180, gpkg.WKT2180
	if g == WebMercatorQuad {
		srsName, srsID, wkt = "WGS 84 / Pseudo-Mercator", 3857, wkt3857
	}
	gb := g.Bound()
	_, err = db.Exec(`PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_tile_matrix_set (table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL, min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL,
  max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL,
  CONSTRAINT fk_gtms_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gtms_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_tile_matrix (table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, matrix_width INTEGER NOT NULL, matrix_height INTEGER NOT NULL,
  tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL, pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
  CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level), CONSTRAINT fk_tmm_table_name FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT NULL DEFAULT 'dataset',
  md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', metadata TEXT NOT NULL DEFAULT '');
CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name TEXT, row_id_value INTEGER,
  timestamp DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER,
  CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id), CONSTRAINT crmr_mpi_fk FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id));
CREATE TABLE ` + gpkgTable + ` (id INTEGER PRIMARY KEY AUTOINCREMENT, zoom_level INTEGER NOT NULL, tile_column INTEGER NOT NULL,
  tile_row INTEGER NOT NULL, tile_data BLOB NOT NULL, UNIQUE (zoom_level, tile_column, tile_row));`)
	if err == nil {
		_, err = db.Exec(`INSERT INTO gpkg_spatial_ref_sys VALUES
 ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
 ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
 ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),
 (?, ?, 'EPSG', ?, ?, 'tile matrix set CRS')`, gpkg.WKT4326, srsName, srsID, srsID, wkt)
	}
	if err == nil {
		_, err = db.Exec(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id)
 VALUES (?, 'vector-tiles', ?, ?, '2000-01-01T00:00:00.000Z', ?, ?, ?, ?, ?)`, gpkgTable, gpkgTable, "", gb.Min[0], gb.Min[1], gb.Max[0], gb.Max[1], srsID)
	}
	if err == nil {
		_, err = db.Exec(`INSERT INTO gpkg_tile_matrix_set VALUES (?, ?, ?, ?, ?, ?)`, gpkgTable, srsID, gb.Min[0], gb.Min[1], gb.Max[0], gb.Max[1])
	}
	if err == nil {
		_, err = db.Exec(`INSERT INTO gpkg_extensions VALUES
 (?, 'tile_data', 'im_vector_tiles', 'https://gitlab.com/imagemattersllc/ogc-vtp2/-/blob/master/extensions/1-vte.adoc', 'read-write'),
 (?, 'tile_data', 'im_vector_tiles_mapbox', 'https://gitlab.com/imagemattersllc/ogc-vtp2/-/blob/master/extensions/2-mvte.adoc', 'read-write')`, gpkgTable, gpkgTable)
	}
	if err == nil {
		s.tx, err = db.Begin()
	}
	if err == nil {
		s.ins, err = s.tx.Prepare(`INSERT INTO ` + gpkgTable + ` (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)`)
	}
	if err != nil {
		s.Abort()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func (s *gpkgSink) Put(z, x, y int, data []byte) error {
	if s.minZ < 0 || z < s.minZ {
		s.minZ = z
	}
	s.maxZ = max(s.maxZ, z)
	_, err := s.ins.Exec(z, x, y, data)
	return err
}

func (s *gpkgSink) Finish(m *Meta) error {
	err := func() error {
		for z := m.MinZoom; z <= m.MaxZoom; z++ {
			n := 1 << uint(z)
			res := s.grid.Resolution(z)
			if _, err := s.tx.Exec(`INSERT INTO gpkg_tile_matrix VALUES (?, ?, ?, ?, 256, 256, ?, ?)`, gpkgTable, z, n, n, res, res); err != nil {
				return err
			}
		}
		js, _ := json.Marshal(m)
		if _, err := s.tx.Exec(`INSERT INTO gpkg_metadata (id, md_scope, md_standard_uri, mime_type, metadata) VALUES (1, 'dataset', 'https://sip-core/tilejson', 'application/json', ?)`, string(js)); err != nil {
			return err
		}
		if _, err := s.tx.Exec(`INSERT INTO gpkg_metadata_reference (reference_scope, table_name, timestamp, md_file_id) VALUES ('table', ?, '2000-01-01T00:00:00.000Z', 1)`, gpkgTable); err != nil {
			return err
		}
		if _, err := s.tx.Exec(`UPDATE gpkg_contents SET description = ?`, m.Description); err != nil {
			return err
		}
		return s.finish()
	}()
	if err != nil {
		s.Abort()
	}
	return err
}

type gpkgReader struct {
	db   *sql.DB
	meta *Meta
	grid *Grid
	get  *sql.Stmt
}

func openGPKGTiles(path string) (*gpkgReader, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_query_only=1")
	if err != nil {
		return nil, err
	}
	r := &gpkgReader{db: db}
	err = func() error {
		var js string
		if err := db.QueryRow(`SELECT metadata FROM gpkg_metadata WHERE id = 1`).Scan(&js); err != nil {
			return err
		}
		m := &Meta{}
		if err := json.Unmarshal([]byte(js), m); err != nil {
			return err
		}
		g, ok := GridByID(m.Grid)
		if !ok {
			return errors.New("unknown grid " + strconv.Quote(m.Grid))
		}
		var srs int
		if err := db.QueryRow(`SELECT srs_id FROM gpkg_tile_matrix_set WHERE table_name = ?`, gpkgTable).Scan(&srs); err != nil {
			return err
		}
		if (g == PL1992) != (srs == 2180) {
			return fmt.Errorf("tile matrix set srs %d does not match grid %s", srs, g.ID)
		}
		r.meta, r.grid = m, g
		var err error
		r.get, err = db.Prepare(`SELECT tile_data FROM ` + gpkgTable + ` WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`)
		return err
	}()
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: not a SIP GeoPackage tile file: %w", path, err)
	}
	return r, nil
}

func (r *gpkgReader) Tile(z, x, y int) ([]byte, error) {
	var b []byte
	err := r.get.QueryRow(z, x, y).Scan(&b)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return b, err
}
func (r *gpkgReader) Meta() *Meta  { return r.meta }
func (r *gpkgReader) Grid() *Grid  { return r.grid }
func (r *gpkgReader) Close() error { r.get.Close(); return r.db.Close() }
