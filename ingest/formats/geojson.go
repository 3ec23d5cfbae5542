package formats

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/paulmach/orb"
	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ingest/app"
)

// ReadGeoJSON decodes a FeatureCollection (or a single Feature). Coordinates are
// lon/lat (RFC 7946) unless a GeoJSON 2008 "crs" member names another CRS, in which
// case they are easting, northing in that CRS (as GDAL writes them).
func ReadGeoJSON(b []byte, name string) ([]*Feature, error) {
	var head struct {
		Type string `json:"type"`
		CRS  *struct {
			Type       string `json:"type"`
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"crs"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("%s: not JSON: %v", name, err)
	}
	src := geo.CRS84
	if head.CRS != nil && head.CRS.Properties.Name != "" {
		c, _, err := geo.Parse(head.CRS.Properties.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: crs %q: %v", name, head.CRS.Properties.Name, err)
		}
		src = c
		if c == geo.CRS4326 || c.String() == geo.CRS4258.String() || c.String() == geo.CRS9702.String() {
			src = geo.CRS84 // GeoJSON positions are lon, lat
		}
	}
	var feats []jsonFeature
	switch head.Type {
	case "FeatureCollection":
		var fc struct {
			Features []jsonFeature `json:"features"`
		}
		if err := json.Unmarshal(b, &fc); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		feats = fc.Features
	case "Feature":
		var f jsonFeature
		if err := json.Unmarshal(b, &f); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		feats = []jsonFeature{f}
	default:
		return nil, fmt.Errorf("%s: GeoJSON type %q (a FeatureCollection is expected)", name, head.Type)
	}
	layer := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	out := make([]*Feature, 0, len(feats))
	for i, gf := range feats {
		f := &Feature{File: name, Layer: layer, Index: i, Props: map[string]any{}}
		if gf.ID != nil {
			f.FID = fmt.Sprint(gf.ID)
		}
		for k, v := range gf.Properties {
			switch x := v.(type) {
			case string, float64, bool, nil:
				f.Props[k] = x
			default:
				bb, _ := json.Marshal(x)
				f.Props[k] = string(bb)
			}
		}
		if gf.Geometry == nil {
			f.Issues = append(f.Issues, app.Issue{Code: app.CodeNoGeometry, Msg: "feature without geometry"})
			out = append(out, f)
			continue
		}
		mp, err := gf.Geometry.polygons()
		if err != nil {
			f.Issues = append(f.Issues, app.Issue{Code: app.CodeGeometry, Msg: err.Error()})
			out = append(out, f)
			continue
		}
		finish(f, mp, src)
		out = append(out, f)
	}
	return out, nil
}

// jsonFeature is a GeoJSON Feature; only polygonal geometries are decoded (the
// encoding/json decoder is enough here and keeps the BSON dependency of
// orb/geojson out of the module).
type jsonFeature struct {
	ID         any            `json:"id"`
	Properties map[string]any `json:"properties"`
	Geometry   *jsonGeometry  `json:"geometry"`
}

type jsonGeometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
	Geometries  []jsonGeometry  `json:"geometries"`
}

func (g *jsonGeometry) polygons() (orb.MultiPolygon, error) {
	toPoly := func(rs [][][]float64) (orb.Polygon, error) {
		p := make(orb.Polygon, 0, len(rs))
		for _, r := range rs {
			ring := make(orb.Ring, 0, len(r))
			for _, pos := range r {
				if len(pos) < 2 {
					return nil, fmt.Errorf("position with %d numbers", len(pos))
				}
				ring = append(ring, orb.Point{pos[0], pos[1]})
			}
			p = append(p, ring)
		}
		return p, nil
	}
	switch g.Type {
	case "Polygon":
		var c [][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("Polygon coordinates: %v", err)
		}
		p, err := toPoly(c)
		if err != nil {
			return nil, err
		}
		return orb.MultiPolygon{p}, nil
	case "MultiPolygon":
		var c [][][][]float64
		if err := json.Unmarshal(g.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("MultiPolygon coordinates: %v", err)
		}
		mp := make(orb.MultiPolygon, 0, len(c))
		for _, pc := range c {
			p, err := toPoly(pc)
			if err != nil {
				return nil, err
			}
			mp = append(mp, p)
		}
		return mp, nil
	case "GeometryCollection":
		var mp orb.MultiPolygon
		for i := range g.Geometries {
			m, err := g.Geometries[i].polygons()
			if err != nil {
				return nil, err
			}
			mp = append(mp, m...)
		}
		return mp, nil
	}
	return nil, fmt.Errorf("geometry %s: planning zones must be polygons", g.Type)
}
