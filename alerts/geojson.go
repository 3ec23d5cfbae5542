package alerts

import (
	"encoding/json"
	"math"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/alerts/affected"
)

// Geometry is a GeoJSON geometry of a drawn area (WGS84 longitude,
// latitude): Point, LineString, Polygon or MultiPolygon.
type Geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

// Orb decodes the coordinates, checking that each position is WGS84.
func (g *Geometry) Orb() (orb.Geometry, error) {
	var err error
	switch g.Type {
	case "Point":
		var p [2]float64
		if err = json.Unmarshal(g.Coordinates, &p); err == nil {
			return orb.Point(p), checkPoints([]orb.Point{p})
		}
	case "LineString":
		var l []orb.Point
		if err = json.Unmarshal(g.Coordinates, &l); err == nil {
			if len(l) < 2 {
				return nil, badRequest("area.geometry: a LineString needs two positions")
			}
			return orb.LineString(l), checkPoints(l)
		}
	case "Polygon":
		var p orb.Polygon
		if err = json.Unmarshal(g.Coordinates, &p); err == nil {
			return p, checkPolygon(p)
		}
	case "MultiPolygon":
		var mp orb.MultiPolygon
		if err = json.Unmarshal(g.Coordinates, &mp); err == nil {
			for _, p := range mp {
				if err := checkPolygon(p); err != nil {
					return nil, err
				}
			}
			return mp, nil
		}
	default:
		return nil, badRequest("area.geometry: type %q: Point (with radius_m), LineString (with buffer_m), Polygon or MultiPolygon", g.Type)
	}
	return nil, badRequest("area.geometry: coordinates of a %s: %v", g.Type, err)
}

func checkPolygon(p orb.Polygon) error {
	if len(p) == 0 {
		return badRequest("area.geometry: a polygon without rings")
	}
	for _, r := range p {
		if len(r) < 4 || r[0] != r[len(r)-1] {
			return badRequest("area.geometry: a ring needs at least four positions, the first repeated last")
		}
		if err := checkPoints(r); err != nil {
			return err
		}
	}
	return nil
}

func checkPoints(ps []orb.Point) error {
	for _, p := range ps {
		if math.IsNaN(p[0]) || math.IsNaN(p[1]) || p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
			return badRequest("area.geometry: position %v is not WGS84 longitude, latitude", p)
		}
	}
	return nil
}

// maxPreviewPoints bounds the address points a preview lists (a whole
// county's worth is counted, not drawn).
const maxPreviewPoints = 20000

// pointsJSON is the affected address points as a GeoJSON FeatureCollection
// (WGS84 lon,lat, 6 decimals; id, address and jednostka), and whether the
// list was cut at maxPreviewPoints.
func pointsJSON(pts []affected.Point) (map[string]any, bool) {
	cut := len(pts) > maxPreviewPoints
	if cut {
		pts = pts[:maxPreviewPoints]
	}
	feats := make([]any, len(pts))
	for i, p := range pts {
		w := toWGS84.Apply(p.XY).(orb.Point)
		feats[i] = map[string]any{"type": "Feature", "id": p.ID,
			"geometry":   map[string]any{"type": "Point", "coordinates": [2]float64{round6(w[0]), round6(w[1])}},
			"properties": map[string]any{"adres": p.Address, "id_jednostki": p.Unit}}
	}
	return map[string]any{"type": "FeatureCollection", "features": feats}, cut
}
