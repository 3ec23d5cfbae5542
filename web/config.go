package web

import (
	"net/http"
	"strings"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/server"
)

// background is a configured raster background as the page uses it: a tile URL
// template MapLibre can load ({bbox-epsg-3857} for WMS).
type background struct {
	Name        string `json:"name"`
	Tiles       string `json:"tiles"`
	Attribution string `json:"attribution,omitempty"`
}

// backgrounds turns viewer.background entries into MapLibre raster templates,
// dropping entries that cannot work (unknown type, no URL).
func backgrounds(st *server.State) []background {
	out := []background{}
	for _, b := range st.Config.Viewer.Background {
		u := strings.TrimSpace(b.URL)
		if u == "" || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "/")) {
			continue
		}
		var tiles string
		switch strings.ToLower(b.Type) {
		case "wms":
			f := b.Format
			if f == "" {
				f = "image/jpeg"
			}
			sep := "?"
			if strings.Contains(u, "?") {
				sep = "&"
			}
			// WMS 1.1.1 with SRS: the BBOX is x,y = E,N in EPSG:3857 whatever the
			// server's 1.3.0 axis rules, so MapLibre's {bbox-epsg-3857} fits as is.
			tiles = u + sep + "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&STYLES=&SRS=EPSG:3857&WIDTH=256&HEIGHT=256&TRANSPARENT=FALSE" +
				"&LAYERS=" + urlEscape(b.Layers) + "&FORMAT=" + urlEscape(f) + "&BBOX={bbox-epsg-3857}"
		case "wmts", "xyz":
			r := strings.NewReplacer("{TileMatrix}", "{z}", "{TileCol}", "{x}", "{TileRow}", "{y}")
			tiles = r.Replace(u)
			if !strings.Contains(tiles, "{z}") || !strings.Contains(tiles, "{x}") || !strings.Contains(tiles, "{y}") {
				continue
			}
		default:
			continue
		}
		name := b.Name
		if name == "" {
			name = "Ortofotomapa"
		}
		out = append(out, background{Name: name, Tiles: tiles, Attribution: b.Attribution})
	}
	return out
}

func urlEscape(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", " ", "%20", "#", "%23", "+", "%2B").Replace(s)
}

// datasetBounds is the dataset's extent (union of its published layers) in
// longitude/latitude.
func datasetBounds(r *http.Request, d *server.Dataset) ([4]float64, bool) {
	t, err := geo.NewTransform(geo.CRS2180, geo.CRS84)
	if err != nil {
		return [4]float64{}, false
	}
	var have bool
	var out [4]float64
	for _, l := range d.Layers() {
		_, lc, _ := d.Layer(l.Name)
		if d.CanRead(r, lc) != nil {
			continue
		}
		b, ok, err := d.Store.Extent(r.Context(), l.Name)
		if err != nil || !ok {
			continue
		}
		g := t.Bound(b)
		if !have {
			out = [4]float64{g.Min[0], g.Min[1], g.Max[0], g.Max[1]}
			have = true
			continue
		}
		out[0], out[1] = min(out[0], g.Min[0]), min(out[1], g.Min[1])
		out[2], out[3] = max(out[2], g.Max[0]), max(out[3], g.Max[1])
	}
	return out, have
}
