package planning

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb/encoding/wkb"
	"github.com/sip-core/sip/index"
	"github.com/sip-core/sip/ingest/app"
	geos "github.com/twpayne/go-geos"
)

// Finding codes (the national validator's names where it has one).
const (
	CodeGap          = "LUKA"                  // a gap between zones inside the plan's extent
	CodeOverlap      = "NAKLADANIE"            // two zones overlap
	CodeOutside      = "POZA_ZASIEGIEM"        // a zone (partly) outside the plan's extent
	CodeDuplicateID  = "DUPLIKAT_LOKALNYID"    // two current objects with one lokalnyId
	CodeDuplicateOzn = "DUPLIKAT_OZNACZENIA"   // two zones of one plan with one oznaczenie
	CodeSymbol       = "SYMBOL_NIEZNANY"       // symbol not in the code list
	CodeSymbolMatch  = "SYMBOL_NIEZGODNY"      // symbol does not match oznaczenie (or nazwa)
	CodeSelfInter    = "SAMOPRZECIECIE"        // self-intersecting ring / invalid polygon
	CodeRange        = "WARTOSC_POZA_ZAKRESEM" // a value outside its allowed range
)

// Severity of a finding.
const (
	Error   = "error"
	Warning = "warning"
)

// Finding is one problem of the data.
type Finding struct {
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	File     string `json:"file,omitempty"`
	Line     int    `json:"line,omitempty"`   // line in an APP GML file
	Record   int    `json:"record,omitempty"` // feature number in a Shapefile/GeoPackage/GeoJSON layer
	Class    string `json:"class,omitempty"`
	ID       string `json:"id,omitempty"` // lokalnyId (or source feature id)
	// Oznaczenie of the zone, when it has one.
	Oznaczenie string `json:"oznaczenie,omitempty"`
	// Other is the second object of a pair finding (overlap, duplicate).
	Other string `json:"other_id,omitempty"`
	// X, Y locate the problem in EPSG:2180 (x = easting, y = northing), when known.
	X *float64 `json:"x,omitempty"`
	Y *float64 `json:"y,omitempty"`
	// Area of a gap, overlap or outside part [m²].
	Area float64 `json:"area_m2,omitempty"`
}

// Report is the outcome of Validate.
type Report struct {
	Files    []string  `json:"files"`
	Plans    int       `json:"plans"`
	Zones    int       `json:"zones"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Findings []Finding `json:"findings"`
}

// Options tune Validate.
type Options struct {
	// MinArea is the smallest gap, overlap or outside part reported [m²]; slivers
	// below it are rounding noise. 0 means 0.01 m².
	MinArea float64
}

// Symbols of plan ogólny zones (StrefaPlanistyczna) and the RodzajStrefyPlanistycznejKod
// value each belongs to.
var StrefaSymbols = map[string]string{
	"SW": "strefaWielofunkcyjnaZZabudowaMieszkaniowaWielorodzinna",
	"SJ": "strefaWielofunkcyjnaZZabudowaMieszkaniowaJednorodzinna",
	"SZ": "strefaWielofunkcyjnaZZabudowaZagrodowa",
	"SU": "strefaUslugowa",
	"SH": "strefaHandluWielkopowierzchniowego",
	"SP": "strefaGospodarcza",
	"SR": "strefaProdukcjiRolniczej",
	"SI": "strefaInfrastrukturalna",
	"SN": "strefaZieleniIRekreacji",
	"SC": "strefaCmentarzy",
	"SG": "strefaGornictwa",
	"SO": "strefaOtwarta",
	"SK": "strefaKomunikacyjna",
}

// MPZPSymbols are the land-use classes of local plans (the KPT classes of the 2021
// MPZP regulation and their common subdivisions). Local plans use further local
// codes, so an unknown MPZP symbol is a warning, not an error.
var MPZPSymbols = map[string]bool{}

func init() {
	for _, s := range strings.Fields(`MN MW MU ML MR MNU MWU RM U UC UO UZ UK US UT UH UP UA UI UR UKS UKR
		P PU PS PE PEF PG PP R RU RZ RO RL RR RP ZL ZLN ZN ZP ZD ZC ZE ZZ ZR ZI ZO W WS WW
		K KD KDA KDS KDGP KDG KDZ KDL KDD KDW KDX KDP KX KS KK KP KL KM KO KU KPJ
		I IT IE IW IK IG IC IO E EE G O OS T N C`) {
		MPZPSymbols[s] = true
	}
}

// Ranges allowed for zone parameters (of plan ogólny zones and of MPZP layers),
// by store column: those of the national APP validation (ZoneNumbers).
var Ranges = map[string][2]float64{}

func init() {
	for _, r := range ZoneNumbers {
		Ranges[r.col] = [2]float64{r.min, r.max}
	}
}

var reStrefaOzn = regexp.MustCompile(`^([0-9]+)([A-Z]+)$`)

type validator struct {
	opts  Options
	rep   *Report
	ctx   *geos.Context
	geoms map[*Item]*geos.Geom
}

// Validate checks a loaded set. Findings are sorted by file, position and code.
func Validate(s *Set, opts Options) *Report {
	if opts.MinArea <= 0 {
		opts.MinArea = 0.01
	}
	v := &validator{opts: opts, rep: &Report{Files: s.Files, Findings: []Finding{}}, ctx: geos.NewContext(), geoms: map[*Item]*geos.Geom{}}
	v.rep.Plans, v.rep.Zones = len(s.Plans), len(s.Zones)
	all := append(append([]*Item{}, s.Plans...), s.Zones...)
	for _, it := range append(append(all, s.Docs...), s.Drawings...) {
		for _, is := range it.Issues {
			f := v.finding(it, Error, is.Code, is.Msg)
			if is.Line > 0 {
				f.Line = is.Line
			}
			v.add(f)
		}
	}
	for _, it := range all {
		v.geometry(it)
	}
	v.duplicates(all)
	for _, z := range s.Zones {
		v.attributes(z)
	}
	v.nationalRules(s)
	v.topology(s)
	v.finish()
	return v.rep
}

func (v *validator) finding(it *Item, sev, code, msg string) Finding {
	f := Finding{Severity: sev, Code: code, Message: msg, File: it.File, Line: it.Line, Record: it.Record, Class: it.Class, ID: it.Object.ID}
	if oz, ok := it.Object.Attrs["oznaczenie"].(string); ok {
		f.Oznaczenie = oz
	}
	return f
}

func (v *validator) add(f Finding) {
	if f.Severity == Error {
		v.rep.Errors++
	} else {
		v.rep.Warnings++
	}
	v.rep.Findings = append(v.rep.Findings, f)
}

func at(f *Finding, x, y float64) {
	f.X, f.Y = &x, &y
}

var reReasonPoint = regexp.MustCompile(`\[\s*([-0-9.eE+]+)\s+([-0-9.eE+]+)`)

// geometry converts an item's geometry to GEOS and checks its validity (ring
// self-intersections, crossing rings, ...). Only valid geometries take part in the
// topology checks.
func (v *validator) geometry(it *Item) {
	g := geomOf(it)
	if g == nil {
		return
	}
	b, err := wkb.Marshal(g)
	if err != nil {
		v.add(v.finding(it, Error, app.CodeGeometry, err.Error()))
		return
	}
	gg, err := v.ctx.NewGeomFromWKB(b)
	if err != nil {
		v.add(v.finding(it, Error, app.CodeGeometry, "GEOS: "+err.Error()))
		return
	}
	if !gg.IsValid() {
		reason := gg.IsValidReason()
		f := v.finding(it, Error, CodeSelfInter, "invalid geometry: "+reason)
		if m := reReasonPoint.FindStringSubmatch(reason); m != nil {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			at(&f, x, y)
		}
		v.add(f)
		return
	}
	v.geoms[it] = gg
}

func (v *validator) duplicates(all []*Item) {
	type key struct{ layer, id string }
	seen := map[key]*Item{}
	for _, it := range all {
		if !it.IDFromData || it.Object.ID == "" || !it.Object.EndVersion.IsZero() {
			continue
		}
		k := key{it.Layer, it.Object.ID}
		if first, ok := seen[k]; ok {
			f := v.finding(it, Error, CodeDuplicateID, fmt.Sprintf("lokalnyId %q already used by the object at %s", it.Object.ID, first.Where()))
			f.Other = first.Object.ID
			v.add(f)
			continue
		}
		seen[k] = it
	}
	type okey struct{ layer, plan, class, ozn string }
	oseen := map[okey]*Item{}
	for _, it := range all {
		oz, _ := it.Object.Attrs["oznaczenie"].(string)
		if oz == "" || !it.Object.EndVersion.IsZero() {
			continue
		}
		plan, _ := it.Object.Attrs["plan"].(string)
		class := it.Class
		if it.Layer == "mpzp" {
			class = ""
			if plan == "" {
				plan = it.File
			}
		}
		k := okey{it.Layer, plan, class, oz}
		if first, ok := oseen[k]; ok {
			f := v.finding(it, Error, CodeDuplicateOzn, fmt.Sprintf("oznaczenie %q already used by %s at %s", oz, first.Object.ID, first.Where()))
			f.Other = first.Object.ID
			v.add(f)
			continue
		}
		oseen[k] = it
	}
}

func (v *validator) attributes(z *Item) {
	a := z.Object.Attrs
	oz, _ := a["oznaczenie"].(string)
	switch z.Layer {
	case "strefy":
		sym, _ := a["symbol"].(string)
		if z.Class == "StrefaPlanistyczna" && sym != "" {
			if _, ok := StrefaSymbols[sym]; !ok {
				v.add(v.finding(z, Error, CodeSymbol, fmt.Sprintf("symbol %q is not a plan ogólny zone symbol (SW, SJ, SZ, SU, SH, SP, SR, SI, SN, SC, SG, SO, SK)", sym)))
			} else {
				if oz != "" {
					if m := reStrefaOzn.FindStringSubmatch(oz); m == nil || m[2] != sym {
						v.add(v.finding(z, Error, CodeSymbolMatch, fmt.Sprintf("oznaczenie %q does not match symbol %q (expected a number followed by %s, e.g. 1%s)", oz, sym, sym, sym)))
					}
				}
				if n, ok := a["nazwa"].(string); ok && n != "" && !strings.EqualFold(n, StrefaSymbols[sym]) {
					v.add(v.finding(z, Error, CodeSymbolMatch, fmt.Sprintf("symbol %q belongs to %s, the zone is %s", sym, StrefaSymbols[sym], n)))
				}
			}
		}
	case "mpzp":
		sym, _ := a["przeznaczenie"].(string)
		if sym != "" {
			for _, part := range strings.FieldsFunc(sym, func(r rune) bool { return r == '/' || r == ',' || r == ' ' || r == '+' }) {
				base := strings.TrimRight(strings.TrimLeft(part, "0123456789."), "0123456789.")
				if !MPZPSymbols[strings.ToUpper(base)] {
					v.add(v.finding(z, Warning, CodeSymbol, fmt.Sprintf("przeznaczenie %q: %q is not an MPZP land-use class (MN, MW, U, P, R, ZL, ZP, KD…)", sym, part)))
					break
				}
			}
			if oz != "" {
				if os := symbolOf(oz); os != "" && !strings.EqualFold(strings.ReplaceAll(os, " ", ""), strings.ReplaceAll(sym, " ", "")) {
					v.add(v.finding(z, Error, CodeSymbolMatch, fmt.Sprintf("oznaczenie %q does not match przeznaczenie %q", oz, sym)))
				}
			}
		}
	}
	for col, r := range Ranges {
		x, ok := a[col].(float64)
		if !ok {
			continue
		}
		if x < r[0] || x > r[1] {
			v.add(v.finding(z, Error, CodeRange, fmt.Sprintf("%s = %g is outside the allowed range %g–%g", col, x, r[0], r[1])))
		}
	}
}

// group is a set of zones that must not overlap and (with an extent) must cover it.
type group struct {
	plan  *Item // nil: no extent known
	zones []*Item
}

func (v *validator) topology(s *Set) {
	// Plans with a valid extent, in an STR tree, to find the plan of a zone that
	// does not name one.
	var plans []*Item
	var boxes []index.Box
	byID := map[string]*Item{}
	for _, p := range s.Plans {
		if g, ok := v.geoms[p]; ok && p.Object.EndVersion.IsZero() {
			plans = append(plans, p)
			boxes = append(boxes, box(g))
			byID[p.Object.ID] = p
		}
	}
	ptree := index.BuildTree(boxes)
	prep := map[*Item]*geos.PrepGeom{}
	prepOf := func(p *Item) *geos.PrepGeom {
		if pg, ok := prep[p]; ok {
			return pg
		}
		pg := v.geoms[p].Prepare()
		prep[p] = pg
		return pg
	}
	groups := map[string]*group{}
	var order []string
	for _, z := range s.Zones {
		g, ok := v.geoms[z]
		if !ok || !z.Object.EndVersion.IsZero() {
			continue
		}
		var plan *Item
		if z.Layer == "strefy" && len(plans) > 0 {
			if pid, _ := z.Object.Attrs["plan"].(string); pid != "" {
				plan = byID[pid]
			}
			if plan == nil && len(plans) == 1 {
				plan = plans[0]
			}
			if plan == nil {
				// (PrepGeom.IntersectsXY answers false for points inside with the
				// GEOS of Debian 12, so the point is a geometry.)
				pos := g.PointOnSurface()
				x, y := pos.X(), pos.Y()
				ptree.Search(index.Box{MinX: x, MinY: y, MaxX: x, MaxY: y}, func(i int32) bool {
					if prepOf(plans[i]).Intersects(pos) {
						plan = plans[i]
						return false
					}
					return true
				})
			}
			if plan == nil {
				f := v.finding(z, Error, CodeOutside, "zone lies outside the extent (zasiegPrzestrzenny) of every plan")
				x, y := pt(g)
				at(&f, x, y)
				f.Area = g.Area()
				v.add(f)
				continue
			}
			v.outside(z, g, plan, prepOf(plan))
			if z.Class != "StrefaPlanistyczna" {
				continue // the other plan ogólny areas overlay the zones
			}
		}
		key := z.Layer + "\x00"
		if plan != nil {
			key += plan.Object.ID
		} else if p, _ := z.Object.Attrs["plan"].(string); p != "" {
			key += p
		} else {
			key += z.File
		}
		gr, ok := groups[key]
		if !ok {
			gr = &group{plan: plan}
			groups[key] = gr
			order = append(order, key)
		}
		gr.zones = append(gr.zones, z)
	}
	for _, k := range order {
		gr := groups[k]
		v.overlaps(gr)
		if gr.plan != nil {
			v.gaps(gr)
		}
	}
}

func box(g *geos.Geom) index.Box {
	b := g.Bounds()
	return index.Box{MinX: b.MinX, MinY: b.MinY, MaxX: b.MaxX, MaxY: b.MaxY}
}

func pt(g *geos.Geom) (float64, float64) {
	p := g.PointOnSurface()
	if p == nil || p.IsEmpty() {
		b := g.Bounds()
		return (b.MinX + b.MaxX) / 2, (b.MinY + b.MaxY) / 2
	}
	return p.X(), p.Y()
}

// outside reports the part of zone z outside its plan's extent.
func (v *validator) outside(z *Item, g *geos.Geom, plan *Item, pp *geos.PrepGeom) {
	if pp.Covers(g) {
		return
	}
	d := g.Difference(v.geoms[plan])
	for _, part := range polygons(d) {
		a := part.Area()
		if a < v.opts.MinArea {
			continue
		}
		f := v.finding(z, Error, CodeOutside, fmt.Sprintf("%.2f m² of the zone lie outside the extent of plan %s", a, plan.Object.ID))
		px, py := pt(part)
		at(&f, px, py)
		f.Area = a
		f.Other = plan.Object.ID
		v.add(f)
	}
}

// polygons lists the polygonal parts of a GEOS geometry.
func polygons(g *geos.Geom) []*geos.Geom {
	if g == nil || g.IsEmpty() {
		return nil
	}
	switch g.TypeID() {
	case geos.TypeIDPolygon:
		return []*geos.Geom{g}
	case geos.TypeIDMultiPolygon, geos.TypeIDGeometryCollection:
		var out []*geos.Geom
		for i := 0; i < g.NumGeometries(); i++ {
			out = append(out, polygons(g.Geometry(i))...)
		}
		return out
	}
	return nil
}

// overlaps finds every pair of zones of a group whose interiors overlap by at least
// MinArea: candidate pairs come from an STR tree of the zones' boxes; each
// candidate is tested with a prepared geometry and measured by exact overlay.
func (v *validator) overlaps(gr *group) {
	n := len(gr.zones)
	boxes := make([]index.Box, n)
	gs := make([]*geos.Geom, n)
	for i, z := range gr.zones {
		gs[i] = v.geoms[z]
		boxes[i] = box(gs[i])
	}
	tree := index.BuildTree(boxes)
	for i := 0; i < n; i++ {
		var pg *geos.PrepGeom
		tree.Search(boxes[i], func(j32 int32) bool {
			j := int(j32)
			if j <= i {
				return true
			}
			if pg == nil {
				pg = gs[i].Prepare()
			}
			// Neighbours that only share boundary lines are the rule: the
			// prepared predicate rules them out without an overlay.
			if !pg.Intersects(gs[j]) || pg.Touches(gs[j]) {
				return true
			}
			inter := gs[i].Intersection(gs[j])
			for _, part := range polygons(inter) {
				a := part.Area()
				if a < v.opts.MinArea {
					continue
				}
				zi, zj := gr.zones[i], gr.zones[j]
				f := v.finding(zi, Error, CodeOverlap, fmt.Sprintf("zone %s overlaps zone %s (at %s) on %.2f m²", label(zi), label(zj), zj.Where(), a))
				f.Other = zj.Object.ID
				f.Area = a
				px, py := pt(part)
				at(&f, px, py)
				v.add(f)
			}
			return true
		})
	}
}

func label(it *Item) string {
	if oz, ok := it.Object.Attrs["oznaczenie"].(string); ok && oz != "" {
		return fmt.Sprintf("%s (%s)", it.Object.ID, oz)
	}
	return it.Object.ID
}

// gaps reports the parts of the plan's extent that no zone of the group covers:
// extent minus the cascaded union of the zones (GEOS builds the union over its own
// STR tree).
func (v *validator) gaps(gr *group) {
	gs := make([]*geos.Geom, len(gr.zones))
	for i, z := range gr.zones {
		gs[i] = v.geoms[z]
	}
	union := v.ctx.NewCollection(geos.TypeIDGeometryCollection, cloneAll(gs)).UnaryUnion()
	d := v.geoms[gr.plan].Difference(union)
	for _, part := range polygons(d) {
		a := part.Area()
		if a < v.opts.MinArea {
			continue
		}
		f := v.finding(gr.plan, Error, CodeGap, fmt.Sprintf("%.2f m² of the extent of plan %s are covered by no zone", a, gr.plan.Object.ID))
		f.Area = a
		px, py := pt(part)
		at(&f, px, py)
		v.add(f)
	}
}

func cloneAll(gs []*geos.Geom) []*geos.Geom {
	out := make([]*geos.Geom, len(gs))
	for i, g := range gs {
		out[i] = g.Clone()
	}
	return out
}

func (v *validator) finish() {
	fs := v.rep.Findings
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Record != b.Record {
			return a.Record < b.Record
		}
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Other < b.Other
	})
	for i := range fs {
		if fs[i].X != nil {
			x, y := math.Round(*fs[i].X*100)/100, math.Round(*fs[i].Y*100)/100
			fs[i].X, fs[i].Y = &x, &y
		}
		fs[i].Area = math.Round(fs[i].Area*100) / 100
	}
}

// HasErrors reports whether the report has error findings.
func (r *Report) HasErrors() bool { return r.Errors > 0 }
