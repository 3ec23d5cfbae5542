// Package formats reads the generic GIS formats municipal planning data arrive in:
// ESRI Shapefile (with .prj, .cpg and Windows-1250 or UTF-8 .dbf text), GeoJSON and
// GeoPackage feature tables. Every reader returns polygon features in EPSG:2180
// (x = E, y = N) with their attributes as read; mapping attributes to a dataset
// layer is the caller's business (package planning).
//
// All three formats store x = easting / longitude first whatever the CRS (the
// Shapefile and GeoPackage specifications say so, and GeoJSON is lon/lat or E,N), so
// the CRS decides the transform but never an axis swap.
package formats

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ingest/app"
)

// Feature is one polygon feature of a source file.
type Feature struct {
	File  string
	Layer string // source layer (GeoPackage table, Shapefile base name, GeoJSON file name)
	Index int    // 0-based position in the layer (a Shapefile record is Index+1)
	// FID is the source feature id when the format has one (GeoPackage fid, GeoJSON id).
	FID      string
	Geometry orb.MultiPolygon // EPSG:2180, x = E, y = N; nil when unusable (see Issues)
	Props    map[string]any   // string, float64, int64, bool or nil
	Issues   []app.Issue
}

// Kind names a recognised input kind.
type Kind string

const (
	KindAPP        Kind = "app"
	KindShapefile  Kind = "shapefile"
	KindGeoJSON    Kind = "geojson"
	KindGeoPackage Kind = "geopackage"
)

// KindOf tells the kind of a file by its name (and, for .gml/.xml, by the APP
// namespace in its first 64 KiB). ok is false for anything else (e.g. EGiB GML).
func KindOf(path string) (Kind, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".shp":
		return KindShapefile, true
	case ".geojson", ".json":
		return KindGeoJSON, true
	case ".gpkg":
		return KindGeoPackage, true
	case ".gml", ".xml":
		f, err := os.Open(path)
		if err != nil {
			return "", false
		}
		defer f.Close()
		buf := make([]byte, 64<<10)
		n, _ := f.Read(buf)
		s := string(buf[:n])
		for _, ns := range []string{"zagospodarowanieprzestrzenne/schemas/app/1.0", "zagospodarowanieprzestrzenne/schemas/app/2.0", "zagospodarowanieprzestrzenne.gov.pl/schemas/app/"} {
			if strings.Contains(s, ns) {
				return KindAPP, true
			}
		}
	}
	return "", false
}

// Read reads every polygon feature of a Shapefile, GeoJSON or GeoPackage file.
// A GeoPackage path may name one table as "file.gpkg:table".
func Read(path string) ([]*Feature, error) {
	base, table := path, ""
	if i := strings.LastIndex(path, ".gpkg:"); i >= 0 {
		base, table = path[:i+5], path[i+6:]
	}
	k, ok := KindOf(base)
	if !ok {
		return nil, fmt.Errorf("%s: not a Shapefile, GeoJSON or GeoPackage file", path)
	}
	switch k {
	case KindShapefile:
		return ReadShapefileFile(base)
	case KindGeoJSON:
		b, err := os.ReadFile(base)
		if err != nil {
			return nil, err
		}
		return ReadGeoJSON(b, base)
	case KindGeoPackage:
		return ReadGeoPackage(base, table)
	}
	return nil, fmt.Errorf("%s: APP GML is read by package app", path)
}

// toStorage transforms g (x = E/lon first) from src to EPSG:2180 in place.
func toStorage(g orb.MultiPolygon, src *geo.CRS) (orb.MultiPolygon, error) {
	t, err := geo.NewTransform(src, geo.CRS2180)
	if err != nil {
		return nil, err
	}
	for _, p := range g {
		for _, r := range p {
			for i, pt := range r {
				x, y := t.Point(pt[0], pt[1])
				if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) {
					return nil, fmt.Errorf("point %g %g cannot be transformed from %s", pt[0], pt[1], src)
				}
				r[i] = orb.Point{x, y}
			}
		}
	}
	return g, nil
}

// checkRings reports unclosed and too short rings; it returns false when the
// geometry is unusable.
func checkRings(g orb.MultiPolygon, add func(code, msg string)) bool {
	ok := true
	for _, p := range g {
		for _, r := range p {
			if len(r) > 0 && r[0] != r[len(r)-1] {
				add(app.CodeUnclosed, fmt.Sprintf("ring not closed: starts at %.2f %.2f, ends at %.2f %.2f", r[0][0], r[0][1], r[len(r)-1][0], r[len(r)-1][1]))
				ok = false
			} else if len(r) < 4 {
				add(app.CodeRing, fmt.Sprintf("ring with %d points (at least 4 needed)", len(r)))
				ok = false
			}
			for _, pt := range r {
				if math.IsNaN(pt[0]) || math.IsNaN(pt[1]) || math.IsInf(pt[0], 0) || math.IsInf(pt[1], 0) {
					add(app.CodeGeometry, "coordinate is not a finite number")
					return false
				}
			}
		}
	}
	return ok
}

// finish checks rings and transforms a feature's geometry.
func finish(f *Feature, g orb.MultiPolygon, src *geo.CRS) {
	add := func(code, msg string) { f.Issues = append(f.Issues, app.Issue{Code: code, Msg: msg}) }
	if len(g) == 0 {
		add(app.CodeNoGeometry, "feature without polygon geometry")
		return
	}
	if !checkRings(g, add) {
		return
	}
	if src == nil {
		add(app.CodeCRS, "coordinate system unknown")
		return
	}
	out, err := toStorage(g, src)
	if err != nil {
		add(app.CodeCRS, err.Error())
		return
	}
	f.Geometry = out
}

// asMultiPolygon keeps the polygons of a geometry.
func asMultiPolygon(g orb.Geometry) (orb.MultiPolygon, bool) {
	switch v := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{v}, true
	case orb.MultiPolygon:
		return v, true
	case orb.Collection:
		var mp orb.MultiPolygon
		for _, c := range v {
			m, ok := asMultiPolygon(c)
			if !ok {
				return nil, false
			}
			mp = append(mp, m...)
		}
		return mp, true
	}
	return nil, false
}
