// Package routing decides who is responsible for a resident's report at a
// point: the gmina or county unit whose area holds it, unless an asset layer
// (a road with its manager class) near the point names another body; an
// office outside the server's remit when no hosted unit is.
//
// Geometry is exact (point in polygon, point–segment distance) in EPSG:2180
// metres. A point closer than the margin to a boundary or to the edge of an
// asset's reach, where moving it would change the responsible body, is
// flagged with the alternatives, so that the resident is asked to confirm.
package routing

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/paulmach/orb"
)

// Unit is a body hosted here: its reports are delivered.
type Unit struct {
	Code, Name string
	Gminy      map[string]bool // TERYT gmina codes served
	County     bool            // serves every gmina
	// Services it handles; nil: all routed to it.
	Services map[string]bool
}

func (u *Unit) handles(service string) bool { return u.Services == nil || u.Services[service] }

// Office is a body not hosted here, named in notices.
type Office struct {
	Code, Name, Phone, Email, URL string
}

// Contact is the office's contact line.
func (o *Office) Contact() string {
	var parts []string
	if o.Phone != "" {
		parts = append(parts, "tel. "+o.Phone)
	}
	if o.Email != "" {
		parts = append(parts, "e-mail "+o.Email)
	}
	if o.URL != "" {
		parts = append(parts, o.URL)
	}
	return strings.Join(parts, ", ")
}

// Service is a category as routing sees it.
type Service struct {
	Code, Name string
	Route      string   // "gmina", "county", or a unit or office code
	Assets     []string // asset rules, in order
	Office     string   // named when no hosted unit handles it at the point
}

// Rule is an asset rule: features within Within metres decide by their Value.
type Rule struct {
	Name     string
	Layer    string // for reasons: the layer's name
	Within   float64
	Managers map[string]string // value → "gmina", unit or office code
	Features []Feature
}

// Catalogue is everything routing needs besides the areas.
type Catalogue struct {
	Units    []Unit
	Offices  []Office
	Services []Service
	Rules    []Rule
	// Outside is the office for points outside every area.
	Outside string
	// Margin is the flagging distance in metres.
	Margin float64
}

// Target is the body a decision names.
type Target struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Hosted bool   `json:"hosted"` // a unit of this server (else an office)
	// Contact of an office (phone, e-mail, URL).
	Contact string `json:"contact,omitempty"`
}

// AssetHit is the asset feature that decided.
type AssetHit struct {
	Rule     string  `json:"rule"`
	Layer    string  `json:"layer"`
	ID       string  `json:"id"`
	Value    string  `json:"value"`
	Label    string  `json:"label"`
	Distance float64 `json:"distance_m"`
}

// Alternative is another body that would be responsible if the point were
// Distance metres away, across a boundary or an asset's edge.
type Alternative struct {
	Target   Target  `json:"target"`
	Distance float64 `json:"distance_m"`
	Why      string  `json:"why"`
}

// Decision is the outcome of routing one report, kept with the request.
type Decision struct {
	Service       string        `json:"service"`
	Target        Target        `json:"target"`
	Jednostka     string        `json:"jednostka,omitempty"`
	JednostkaName string        `json:"jednostka_name,omitempty"`
	Gmina         string        `json:"gmina,omitempty"`
	Obreb         string        `json:"obreb,omitempty"`
	ObrebName     string        `json:"obreb_name,omitempty"`
	Asset         *AssetHit     `json:"asset,omitempty"`
	Flagged       bool          `json:"flagged"`
	Alternatives  []Alternative `json:"alternatives,omitempty"`
	// Reason is the decision's trail, in Polish.
	Reason string `json:"reason"`
}

// Model answers routing questions for one revision of the areas and assets.
// It is immutable and safe for concurrent use.
type Model struct {
	cat       Catalogue
	jednostki *areas
	obreby    *areas
	rules     map[string]*rule
	units     map[string]*Unit
	offices   map[string]*Office
	services  map[string]*Service
	// Targets made once: a decision allocates none.
	unitTargets, officeTargets, gminaOffices map[string]Target
}

type rule struct {
	Rule
	layer *assetLayer
}

// cellSize is the grid cell of the spatial lookups, in metres.
const cellSize = 100

// New builds a model. jednostki and obreby tile the county (obreby may be nil).
func New(cat Catalogue, jednostki, obreby []Area) *Model {
	m := &Model{cat: cat, jednostki: newAreas(jednostki, cellSize), obreby: newAreas(obreby, cellSize),
		rules: map[string]*rule{}, units: map[string]*Unit{}, offices: map[string]*Office{}, services: map[string]*Service{},
		unitTargets: map[string]Target{}, officeTargets: map[string]Target{}, gminaOffices: map[string]Target{}}
	for i := range cat.Rules {
		r := &cat.Rules[i]
		m.rules[r.Name] = &rule{Rule: *r, layer: newAssetLayer(r.Features, cellSize)}
	}
	for i := range cat.Units {
		u := &cat.Units[i]
		m.units[u.Code] = u
		m.unitTargets[u.Code] = unitTarget(u)
	}
	for i := range cat.Offices {
		o := &cat.Offices[i]
		m.offices[o.Code] = o
		m.officeTargets[o.Code] = Target{Code: o.Code, Name: o.Name, Contact: o.Contact()}
	}
	for k := range m.jednostki.list {
		a := &m.jednostki.list[k]
		if _, ok := m.gminaOffices[a.Gmina]; !ok || len(a.Name) < len(m.gminaOffices[a.Gmina].Name) {
			m.gminaOffices[a.Gmina] = Target{Code: "gmina-" + a.Gmina, Name: "Urząd gminy " + gminaName(a) + " (TERYT " + a.Gmina + ")"}
		}
	}
	for i := range cat.Services {
		m.services[cat.Services[i].Code] = &cat.Services[i]
	}
	return m
}

// Areas is the number of jednostki the model holds.
func (m *Model) Areas() int { return len(m.jednostki.list) }

// Jednostki lists the jednostki (read only).
func (m *Model) Jednostki() []Area { return m.jednostki.list }

// HasService reports whether the catalogue has a category.
func (m *Model) HasService(code string) bool { _, ok := m.services[code]; return ok }

// At returns the jednostka and obręb at p (nil when none).
func (m *Model) At(p orb.Point) (jednostka, obreb *Area) {
	if k := m.jednostki.at(p); k >= 0 {
		jednostka = &m.jednostki.list[k]
	}
	if k := m.obreby.at(p); k >= 0 {
		obreb = &m.obreby.list[k]
	}
	return jednostka, obreb
}

// Decide routes a report of service at p (EPSG:2180).
func (m *Model) Decide(p orb.Point, service string) Decision {
	svc := m.services[service]
	if svc == nil {
		svc = &Service{Code: service, Route: "gmina"}
	}
	d := Decision{Service: service}
	jk := m.jednostki.at(p)
	var jed *Area
	if jk >= 0 {
		jed = &m.jednostki.list[jk]
		d.Jednostka, d.JednostkaName, d.Gmina = jed.ID, jed.Name, jed.Gmina
	}
	if ok := m.obreby.at(p); ok >= 0 {
		d.Obreb, d.ObrebName = m.obreby.list[ok].ID, m.obreby.list[ok].Name
	}
	margin := m.cat.Margin
	// The asset rule that decides: the first with a feature in reach.
	var r *rule
	var near map[int]float64
	for _, name := range svc.Assets {
		rr := m.rules[name]
		if rr == nil {
			continue
		}
		found := rr.layer.near(p, rr.Within+margin)
		for k := range found {
			if _, ok := rr.Managers[rr.layer.list[k].Value]; !ok {
				delete(found, k)
			}
		}
		if len(found) > 0 {
			r, near = rr, found
			break
		}
	}
	var hit *AssetHit
	if r != nil {
		if k, dist := nearest(near, nil); dist <= r.Within {
			hit = r.hit(k, dist)
		}
	}
	var why []string
	d.Target = m.resolve(svc, jed, hit, &why)
	d.Asset = hit
	m.alternatives(&d, p, svc, jk, r, near)
	d.Reason = m.reason(&d, why)
	return d
}

func (r *rule) hit(k int, dist float64) *AssetHit {
	f := r.layer.list[k]
	return &AssetHit{Rule: r.Name, Layer: r.Layer, ID: f.ID, Value: f.Value, Label: f.Label, Distance: round(dist)}
}

func round(v float64) float64 { return math.Round(v*10) / 10 }

// resolve names the body for a service in an area (nil: outside) with an
// asset hit (or none). When why is not nil, the steps that led there are
// appended to it (the reason kept with the request); alternatives pass nil
// and allocate nothing.
func (m *Model) resolve(svc *Service, jed *Area, hit *AssetHit, why *[]string) Target {
	if jed == nil {
		note(why, "punkt poza jednostkami ewidencyjnymi obsługiwanymi przez ten system")
		return m.office(m.cat.Outside)
	}
	if hit != nil {
		code := m.rules[hit.Rule].Managers[hit.Value]
		var t Target
		if code == "gmina" {
			t = m.gminaUnit(svc, jed, nil)
		} else {
			t = m.byCode(svc, jed, code, nil)
		}
		if why != nil {
			manager := t.Name
			if code == "gmina" {
				manager = "gmina"
			}
			*why = append(*why, fmt.Sprintf("%s (%s: %s) w odległości %.1f m → zarządca: %s", hit.Label, hit.Layer, hit.Value, hit.Distance, manager))
			if code == "gmina" {
				m.gminaUnit(svc, jed, why)
			} else {
				m.byCode(svc, jed, code, why)
			}
		}
		return t
	}
	switch svc.Route {
	case "", "gmina":
		return m.gminaUnit(svc, jed, why)
	case "county":
		for i := range m.cat.Units {
			if u := &m.cat.Units[i]; u.County && u.handles(svc.Code) {
				note(why, "kategoria obsługiwana przez powiat")
				return m.unitTargets[u.Code]
			}
		}
		return m.fallback(svc, jed, "żadna jednostka powiatu nie obsługuje tej kategorii", why)
	}
	return m.byCode(svc, jed, svc.Route, why)
}

func note(why *[]string, s string) {
	if why != nil {
		*why = append(*why, s)
	}
}

// byCode resolves a unit or office code.
func (m *Model) byCode(svc *Service, jed *Area, code string, why *[]string) Target {
	if u := m.units[code]; u != nil {
		if u.handles(svc.Code) {
			return m.unitTargets[code]
		}
		return m.fallback(svc, jed, u.Name+" nie obsługuje tej kategorii", why)
	}
	return m.office(code)
}

// gminaUnit is the hosted unit of the gmina of jed handling the service.
func (m *Model) gminaUnit(svc *Service, jed *Area, why *[]string) Target {
	for i := range m.cat.Units {
		if u := &m.cat.Units[i]; u.Gminy[jed.Gmina] && u.handles(svc.Code) {
			note(why, "gmina "+jed.Gmina)
			return m.unitTargets[u.Code]
		}
	}
	if why != nil {
		note(why, "gmina "+jed.Gmina+" nie jest obsługiwana przez ten system")
	}
	return m.fallback(svc, jed, "", nil)
}

// fallback names the category's office, or the gmina's own office.
func (m *Model) fallback(svc *Service, jed *Area, reason string, why *[]string) Target {
	if reason != "" {
		note(why, reason)
	}
	if svc.Office != "" {
		return m.office(svc.Office)
	}
	if jed == nil {
		return m.office(m.cat.Outside)
	}
	if t, ok := m.gminaOffices[jed.Gmina]; ok {
		return t
	}
	return Target{Code: "gmina-" + jed.Gmina, Name: "Urząd gminy " + gminaName(jed) + " (TERYT " + jed.Gmina + ")"}
}

func gminaName(a *Area) string {
	n, _, _ := strings.Cut(a.Name, " - ")
	return n
}

// office is the target of an office code (a code no office has names itself).
func (m *Model) office(code string) Target {
	if t, ok := m.officeTargets[code]; ok {
		return t
	}
	return Target{Code: code, Name: code}
}

func unitTarget(u *Unit) Target { return Target{Code: u.Code, Name: u.Name, Hosted: true} }

// alternatives lists the bodies responsible within the margin of p: across
// the boundary of a neighbouring jednostka (or of the county), and across the
// edge of the deciding rule's reach.
func (m *Model) alternatives(d *Decision, p orb.Point, svc *Service, jk int, r *rule, near map[int]float64) {
	margin := m.cat.Margin
	if margin <= 0 {
		return
	}
	type areaCand struct {
		k    int // -1: outside
		dist float64
	}
	cands := make([]areaCand, 1, 4)
	cands[0] = areaCand{jk, 0}
	bd := m.jednostki.near(p, margin)
	for k, dist := range bd {
		if k != jk {
			cands = append(cands, areaCand{k, dist})
		}
	}
	if jk >= 0 && len(bd) > 0 && len(cands) == 1 {
		cands = append(cands, areaCand{-1, bd[jk]}) // the county's outer boundary
	}
	// Within an asset's reach the point is taken as on it; off the assets is
	// an alternative only for a point off them already. The target depends on
	// a feature's value only: the nearest feature of each value stands for it.
	type hitCand struct {
		k    int // feature, or -1: no hit
		dist float64
	}
	hits := make([]hitCand, 0, 4)
	if r == nil || d.Asset == nil {
		hits = append(hits, hitCand{-1, 0})
	}
	if r != nil {
		for k, dist := range near {
			v := r.layer.list[k].Value
			i := 0
			for ; i < len(hits); i++ {
				if h := hits[i]; h.k >= 0 && r.layer.list[h.k].Value == v {
					break
				}
			}
			if i == len(hits) {
				hits = append(hits, hitCand{k, dist})
			} else if dist < hits[i].dist || dist == hits[i].dist && k < hits[i].k {
				hits[i] = hitCand{k, dist}
			}
		}
	}
	for _, a := range cands {
		var jed *Area
		if a.k >= 0 {
			jed = &m.jednostki.list[a.k]
		}
		for _, h := range hits {
			var hit *AssetHit
			hd := 0.0
			if h.k >= 0 {
				f := r.layer.list[h.k]
				hit = &AssetHit{Rule: r.Name, Value: f.Value}
				hd = math.Max(0, h.dist-r.Within)
			}
			t := m.resolve(svc, jed, hit, nil)
			dist := math.Max(a.dist, hd)
			if t.Code == d.Target.Code || dist > margin {
				continue
			}
			i := 0
			for ; i < len(d.Alternatives) && d.Alternatives[i].Target.Code != t.Code; i++ {
			}
			if i < len(d.Alternatives) && d.Alternatives[i].Distance <= round(dist) {
				continue
			}
			if hit != nil {
				hit = r.hit(h.k, h.dist)
			}
			alt := Alternative{Target: t, Distance: round(dist), Why: describe(jed, a.k != jk, hit)}
			if i < len(d.Alternatives) {
				d.Alternatives[i] = alt
			} else {
				d.Alternatives = append(d.Alternatives, alt)
			}
		}
	}
	sort.Slice(d.Alternatives, func(i, j int) bool {
		a, b := d.Alternatives[i], d.Alternatives[j]
		return a.Distance < b.Distance || a.Distance == b.Distance && a.Target.Code < b.Target.Code
	})
	d.Flagged = len(d.Alternatives) > 0
}

func describe(jed *Area, crossed bool, h *AssetHit) string {
	var parts []string
	if crossed {
		if jed == nil {
			parts = append(parts, "po drugiej stronie granicy obszaru obsługiwanego przez ten system")
		} else {
			parts = append(parts, "po drugiej stronie granicy: "+jed.Name+" ("+jed.ID+")")
		}
	}
	if h != nil {
		parts = append(parts, fmt.Sprintf("na %s (%s)", h.Label, h.Value))
	} else {
		parts = append(parts, "poza zasięgiem warstwy obiektów")
	}
	return strings.Join(parts, ", ")
}

func (m *Model) reason(d *Decision, why []string) string {
	var b strings.Builder
	if d.Jednostka != "" {
		fmt.Fprintf(&b, "Punkt w jednostce ewidencyjnej %s (%s)", d.JednostkaName, d.Jednostka)
		if d.Obreb != "" {
			fmt.Fprintf(&b, ", obręb %s (%s)", d.ObrebName, d.Obreb)
		}
		b.WriteString("; ")
	}
	b.WriteString(strings.Join(why, "; "))
	fmt.Fprintf(&b, " → %s.", d.Target.Name)
	for _, a := range d.Alternatives {
		fmt.Fprintf(&b, " Uwaga: w odległości %.1f m (%s) właściwy byłby: %s.", a.Distance, a.Why, a.Target.Name)
	}
	return b.String()
}
