package gpkg

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/internal/record"
)

// Core GeoPackage tables (GeoPackage 1.3, clauses 1.1.2, 1.1.3, 2.1.5 and 2.3).
const coreDDL = `
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL,
  definition TEXT NOT NULL,
  description TEXT
);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY,
  data_type TEXT NOT NULL,
  identifier TEXT UNIQUE,
  description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE,
  min_y DOUBLE,
  max_x DOUBLE,
  max_y DOUBLE,
  srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL,
  column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL,
  z TINYINT NOT NULL,
  m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_extensions (
  table_name TEXT,
  column_name TEXT,
  extension_name TEXT NOT NULL,
  definition TEXT NOT NULL,
  scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
CREATE TABLE sip_dataset (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  value TEXT NOT NULL
);
CREATE TABLE sip_changes (
  rev INTEGER PRIMARY KEY AUTOINCREMENT,
  time DATETIME NOT NULL,
  layer TEXT NOT NULL,
  lokalny_id TEXT NOT NULL,
  wersja_id TEXT,
  op TEXT NOT NULL,
  minx DOUBLE,
  miny DOUBLE,
  maxx DOUBLE,
  maxy DOUBLE,
  obj TEXT,
  geom BLOB
);
`

const rtreeExtensionDef = "http://www.geopackage.org/spec130/#extension_rtree"

// featureTableDDL is the CREATE TABLE of a layer's current or history table.
func featureTableDDL(table string, l store.Layer) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE TABLE %s (\n  fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,\n  geom %s,\n", quote(table), l.Geometry)
	b.WriteString("  lokalny_id TEXT NOT NULL,\n  przestrzen_nazw TEXT,\n  wersja_id TEXT NOT NULL,\n")
	b.WriteString("  start_obiekt DATETIME,\n  start_wersja DATETIME NOT NULL,\n  koniec_wersja DATETIME,\n  koniec_obiekt DATETIME")
	for _, c := range l.Columns {
		fmt.Fprintf(&b, ",\n  %s %s", quote(c.Name), c.Type)
	}
	b.WriteString(",\n  sip_hash TEXT NOT NULL,\n  sip_vkey INTEGER NOT NULL\n)")
	return b.String()
}

// rtreeDDL creates the R-tree of table t and the six triggers of the GeoPackage 1.3
// gpkg_rtree_index extension (clause F.3) that keep it in sync.
func rtreeDDL(t string) []string {
	rt := "rtree_" + t + "_geom"
	T, RT := quote(t), quote(rt)
	vals := fmt.Sprintf(`(NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom))`)
	return []string{
		fmt.Sprintf(`CREATE VIRTUAL TABLE %s USING rtree(id, minx, maxx, miny, maxy)`, RT),
		rtreeInsertTriggerDDL(t),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE OF geom ON %s
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO %s VALUES %s;
END`, quote(rt+"_update1"), T, RT, vals),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE OF geom ON %s
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM %s WHERE id = OLD.fid;
END`, quote(rt+"_update2"), T, RT),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE ON %s
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM %s WHERE id = OLD.fid;
  INSERT OR REPLACE INTO %s VALUES %s;
END`, quote(rt+"_update3"), T, RT, RT, vals),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER UPDATE ON %s
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM %s WHERE id IN (OLD.fid, NEW.fid);
END`, quote(rt+"_update4"), T, RT),
		fmt.Sprintf(`CREATE TRIGGER %s AFTER DELETE ON %s
  WHEN OLD.geom NOT NULL
BEGIN
  DELETE FROM %s WHERE id = OLD.fid;
END`, quote(rt+"_delete"), T, RT),
	}
}

// rtreeInsertTrigger is the name of the AFTER INSERT trigger of table t's R-tree.
func rtreeInsertTrigger(t string) string { return quote("rtree_" + t + "_geom_insert") }

// rtreeInsertTriggerDDL creates the AFTER INSERT trigger of table t's R-tree. A bulk
// transaction drops it and recreates it with this very statement before it commits.
func rtreeInsertTriggerDDL(t string) string {
	return fmt.Sprintf(`CREATE TRIGGER %s AFTER INSERT ON %s
  WHEN (NEW.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO %s VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END`, rtreeInsertTrigger(t), quote(t), quote("rtree_"+t+"_geom"))
}

func createSchema(db *sql.DB, name string, layers []store.Layer) error {
	// application_id and user_version live in the database header; set them before
	// the first table so that even a half-created file is recognisable.
	for _, p := range []string{
		"PRAGMA page_size = 16384",
		fmt.Sprintf("PRAGMA application_id = %d", applicationID),
		fmt.Sprintf("PRAGMA user_version = %d", userVersion),
	} {
		if _, err := db.Exec(p); err != nil {
			return fmt.Errorf("gpkg: create: %s: %w", p, err)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	exec := func(q string, args ...any) {
		if err != nil {
			return
		}
		if _, e := tx.Exec(q, args...); e != nil {
			err = fmt.Errorf("gpkg: create schema: %w\n%s", e, q)
		}
	}
	exec(coreDDL)
	exec(`INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, ?, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'),
  ('ETRF2000-PL / CS92', 2180, 'EPSG', 2180, ?, 'Poland CS92 (PUWG 1992), storage CRS of SIP datasets')`, WKT4326, WKT2180)

	layersJSON, jerr := json.Marshal(layers)
	if jerr != nil {
		return jerr
	}
	exec(`INSERT INTO sip_dataset (key, value) VALUES ('format', ?), ('name', ?), ('layers', ?)`,
		FormatVersion, name, string(layersJSON))
	exec(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES
  ('sip_dataset', 'attributes', 'sip_dataset', 'SIP dataset metadata'),
  ('sip_changes', 'attributes', 'sip_changes', 'SIP change log (append-only)')`)

	for _, l := range layers {
		stmts, args := layerDDL(l)
		for i, q := range stmts {
			exec(q, args[i]...)
		}
	}
	if err != nil {
		return err
	}
	return tx.Commit()
}

// layerDDL lists the statements that create a layer: its current and history
// feature tables with their R-trees, their GeoPackage catalogue rows, and the
// indexes (row keys, lokalnyId, and the public id_* column, so lookups by a
// parcel, building or obręb id do not scan the table).
func layerDDL(l store.Layer) (stmts []string, args [][]any) {
	add := func(q string, a ...any) { stmts = append(stmts, q); args = append(args, a) }
	for _, t := range []string{l.Name, l.Name + historySuffix} {
		desc := l.Title
		if t != l.Name {
			desc = l.Title + " (wersje archiwalne)"
		}
		add(featureTableDDL(t, l))
		add(`INSERT INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) VALUES (?, 'features', ?, ?, ?)`, t, t, desc, store.StorageSRID)
		add(`INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)`, t, string(l.Geometry), store.StorageSRID)
		for _, q := range rtreeDDL(t) {
			add(q)
		}
		add(`INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', ?, 'write-only')`, t, rtreeExtensionDef)
		add(fmt.Sprintf(`CREATE UNIQUE INDEX %s ON %s (sip_vkey)`, quote("idx_"+t+"_vkey"), quote(t)))
	}
	add(fmt.Sprintf(`CREATE UNIQUE INDEX %s ON %s (lokalny_id)`, quote("idx_"+l.Name+"_lokalny_id"), quote(l.Name)))
	add(fmt.Sprintf(`CREATE UNIQUE INDEX %s ON %s (lokalny_id, wersja_id)`, quote("idx_"+l.Name+historySuffix+"_lokalny_id"), quote(l.Name+historySuffix)))
	stmts = append(stmts, idColumnIndexes(l)...)
	for len(args) < len(stmts) {
		args = append(args, nil)
	}
	return stmts, args
}

// idColumnIndexes indexes the public identifier column (id_dzialki, id_budynku,
// …) of a layer's current table. IF NOT EXISTS lets Open add them to
// stores made before they existed.
func idColumnIndexes(l store.Layer) []string {
	var stmts []string
	for _, c := range idColumns(l) {
		stmts = append(stmts, fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s (%s)`,
			quote(idIndexName(l, c)), quote(l.Name), quote(c)))
	}
	return stmts
}

// dropIDColumnIndexes removes what idColumnIndexes creates (a bulk load builds
// them once at the end instead of updating them row by row).
func dropIDColumnIndexes(l store.Layer) []string {
	var stmts []string
	for _, c := range idColumns(l) {
		stmts = append(stmts, `DROP INDEX IF EXISTS `+quote(idIndexName(l, c)))
	}
	return stmts
}

// idColumns is the layer's own public identifier (record.IDColumn), if any.
func idColumns(l store.Layer) []string {
	if c := record.IDColumn(l); c != "" {
		return []string{c}
	}
	return nil
}

func idIndexName(l store.Layer, col string) string { return "idx_" + l.Name + "_" + col }
