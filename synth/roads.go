package synth

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// RoadsFile is the name of the road file County writes next to the GML.
const RoadsFile = "drogi.geojson"

// road is one generated public road: a polyline along lattice vertices.
type road struct {
	id, numer, nazwa, kategoria, zarzadca string
	pts                                   []pt
}

// roads lays out the county's public roads so that every manager class
// occurs and resident reports can be routed by them (docs/open311.md):
//
//   - a national road (krajowa, GDDKiA) across every jednostka but the last;
//   - a voivodeship road (wojewódzka) north–south through the first one;
//   - two county roads (powiatowe): one east–west crossing the voivodeship
//     road (a junction of two managers), one north–south in the second
//     jednostka (the first in a county of fewer than three);
//   - gmina roads in each of those jednostki (one of them crossing the
//     national road);
//   - the last (eastmost) jednostka has no road at all, so its reports go to
//     its gmina whatever the category.
//
// Roads keep one lattice column away from the jednostka boundaries they run
// along and stay inside the lowest column, so they never leave the county.
func (c *county) roads() []road {
	hmin := int32(1 << 30)
	for k := range c.jedn {
		jp := &c.jedn[k]
		for _, ids := range jp.cols {
			d := c.obr[ids[len(ids)-1]]
			hmin = min(hmin, d.j0+d.h)
		}
	}
	last := len(c.jedn) - 1
	withRoads := c.jedn
	if len(c.jedn) > 1 {
		withRoads = c.jedn[:last]
	}
	iEnd := withRoads[len(withRoads)-1].colI[len(withRoads[len(withRoads)-1].colI)-1]
	band := func(k int) (int32, int32) { jp := &withRoads[k]; return jp.colI[0], jp.colI[len(jp.colI)-1] }
	row := func(j, i0, i1 int32) []pt {
		var p []pt
		for i := i0; i <= i1; i++ {
			p = append(p, c.lat.at(i, j))
		}
		return p
	}
	col := func(i, j0, j1 int32) []pt {
		var p []pt
		for j := j0; j <= j1; j++ {
			p = append(p, c.lat.at(i, j))
		}
		return p
	}
	frac := func(f float64) int32 { return max(1, min(hmin-1, int32(f*float64(hmin)))) }
	id := func(n uint64) string { return hashUUID(c.seed, 0xd60, n) }
	var rs []road
	rs = append(rs, road{id: id(1), numer: "DK12", nazwa: "Droga krajowa nr 12", kategoria: "krajowa",
		zarzadca: "Generalna Dyrekcja Dróg Krajowych i Autostrad, Oddział w Łodzi", pts: row(frac(0.62), 0, iEnd)})
	b0, e0 := band(0)
	mid0 := b0 + (e0-b0)/2
	rs = append(rs, road{id: id(2), numer: "DW481", nazwa: "Droga wojewódzka nr 481", kategoria: "wojewodzka",
		zarzadca: "Zarząd Dróg Wojewódzkich w Łodzi", pts: col(mid0, 1, hmin-1)})
	rs = append(rs, road{id: id(3), numer: "1501E", nazwa: "Droga powiatowa nr 1501E", kategoria: "powiatowa",
		zarzadca: "Zarząd Dróg Powiatowych w Łasku", pts: row(frac(0.3), b0+1, iEnd-1)})
	k1 := min(1, len(withRoads)-1)
	b1, e1 := band(k1)
	q1 := b1 + (e1-b1)/4
	if k1 == 0 {
		q1 = b0 + (e0-b0)/5
	}
	rs = append(rs, road{id: id(4), numer: "1502E", nazwa: "Droga powiatowa nr 1502E", kategoria: "powiatowa",
		zarzadca: "Zarząd Dróg Powiatowych w Łasku", pts: col(q1, frac(0.4), frac(0.95))})
	streets := []string{"Polna", "Leśna", "Szkolna", "Ogrodowa", "Kościelna", "Długa", "Krótka", "Lipowa", "Słoneczna"}
	n := uint64(10)
	for k := range withRoads {
		b, e := band(k)
		if e-b < 8 {
			continue
		}
		jp := &withRoads[k]
		for q := int32(1); q <= 3; q++ {
			i := b + (e-b)*q/4
			if i == mid0 || i == q1 {
				continue
			}
			j0, j1 := frac(0.05), frac(0.5)
			if q == 2 {
				j0, j1 = frac(0.55), frac(0.95)
			}
			n++
			rs = append(rs, road{id: id(n), numer: "1" + jp.def.id[2:6] + strconv.Itoa(int(q)) + "E", nazwa: "ul. " + streets[int(n)%len(streets)],
				kategoria: "gminna", zarzadca: "Gmina " + gminaName(jp.def), pts: col(i, j0, j1)})
		}
	}
	return rs
}

// gminaName is the name of the gmina a jednostka belongs to ("Łask" for both
// the town and the rural area of an urban-rural gmina).
func gminaName(d *jednDef) string {
	for _, g := range gminy {
		if g.id[:6] == d.id[:6] && len(g.name) < len(d.name) {
			return g.name
		}
	}
	return d.name
}

// writeRoads writes the roads as GeoJSON in EPSG:2177 (positions easting,
// northing, as the GeoJSON 2008 "crs" member and GDAL have it).
func (c *county) writeRoads(path string) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	w := bufio.NewWriter(f)
	rs := c.roads()
	fmt.Fprintf(w, "{\"type\":\"FeatureCollection\",\"name\":\"drogi\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":%q}},\"features\":[\n", srsName)
	for k, r := range rs {
		if k > 0 {
			w.WriteString(",\n")
		}
		fmt.Fprintf(w, `{"type":"Feature","id":%q,"properties":{"numer":%q,"nazwa":%q,"kategoria":%q,"zarzadca":%q},"geometry":{"type":"LineString","coordinates":[`,
			r.id, r.numer, r.nazwa, r.kategoria, r.zarzadca)
		for i, p := range r.pts {
			if i > 0 {
				w.WriteByte(',')
			}
			fmt.Fprintf(w, "[%s,%s]", cm(p.e), cm(p.n))
		}
		w.WriteString("]}}")
	}
	w.WriteString("\n]}\n")
	if err := w.Flush(); err != nil {
		f.Close()
		return 0, err
	}
	return len(rs), f.Close()
}

// cm writes integer centimetres as metres with two decimals.
func cm(v int64) string {
	s := strconv.FormatInt(v/100, 10)
	r := v % 100
	if r < 0 {
		r = -r
	}
	return fmt.Sprintf("%s.%02d", s, r)
}
