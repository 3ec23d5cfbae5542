package open311

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/open311/routing"
	"github.com/sip-core/sip/roads"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// catalogue is the configuration merged with its defaults and the data: what
// the API lists and routing decides by, for one revision of the datasets.
type catalogue struct {
	key           string // the revisions it was built from
	model         *routing.Model
	areas         *server.Dataset
	services      []config.ReportService // in listing order
	byCode        map[string]*config.ReportService
	units         map[string]config.ReportUnit
	jurisdictions []config.Jurisdiction
}

// catalogues builds the catalogue of a state when the datasets it reads
// changed (keyed by their revisions), and keeps the last one.
type catalogues struct {
	mu  sync.Mutex
	cur *catalogue
	cfg *config.Config
}

// errNoAreas: no dataset has a jednostki layer.
var errNoAreas = errors.New("no dataset with a jednostki layer: resident reports need the county's areas")

// areasDataset is the dataset holding the jednostki.
func areasDataset(st *server.State) (*server.Dataset, error) {
	if name := st.Config.Open311.Areas; name != "" {
		d, ok := st.Dataset(name)
		if !ok {
			return nil, fmt.Errorf("open311.areas: no dataset %s", name)
		}
		return d, nil
	}
	for _, d := range st.Datasets() {
		if _, ok := store.LayerByName(d.Store.Layers(), "jednostki"); ok {
			return d, nil
		}
	}
	return nil, errNoAreas
}

// assetRules are the configured asset rules, or the default road rule over
// the first dataset with a road layer.
func assetRules(st *server.State) []config.ReportAsset {
	if rs := st.Config.Open311.Assets; len(rs) > 0 {
		return rs
	}
	for _, d := range st.Datasets() {
		if l, ok := store.LayerByName(d.Store.Layers(), roads.Layer); ok {
			if _, ok := l.Column("kategoria"); ok {
				return []config.ReportAsset{{Name: "drogi", Dataset: d.Name, Layer: roads.Layer, Attribute: "kategoria", Within: 10, Managers: DefaultRoadManagers()}}
			}
		}
	}
	return nil
}

// get returns the catalogue for st, rebuilding it when a dataset it reads
// has a new revision or the configuration changed.
func (c *catalogues) get(ctx context.Context, st *server.State) (*catalogue, error) {
	areas, err := areasDataset(st)
	if err != nil {
		return nil, err
	}
	rules := assetRules(st)
	key := fmt.Sprintf("%s@%d", areas.Name, areas.Revision())
	for _, r := range rules {
		if d, ok := st.Dataset(r.Dataset); ok {
			key += fmt.Sprintf(";%s@%d", d.Name, d.Revision())
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.cur != nil && c.cur.key == key && c.cfg == st.Config {
		return c.cur, nil
	}
	cat, err := build(ctx, st, areas, rules)
	if err != nil {
		return nil, err
	}
	cat.key = key
	c.cur, c.cfg = cat, st.Config
	return cat, nil
}

func build(ctx context.Context, st *server.State, areas *server.Dataset, rules []config.ReportAsset) (*catalogue, error) {
	var srcs []assetSource
	for _, r := range rules {
		if d, ok := st.Dataset(r.Dataset); ok {
			srcs = append(srcs, assetSource{r, d.Store})
		}
	}
	cat, err := assemble(ctx, st.Config.Open311, areas.Store, areas.Name, areas.Title, srcs)
	if err != nil {
		return nil, err
	}
	cat.areas = areas
	return cat, nil
}

// assetSource is an asset rule with the store it reads.
type assetSource struct {
	config.ReportAsset
	r store.Reader
}

// assemble reads the areas and assets through the store seam and merges the
// configuration with its defaults into a catalogue.
func assemble(ctx context.Context, o config.Open311, areas store.Reader, name, title string, rules []assetSource) (*catalogue, error) {
	jed, err := readAreas(ctx, areas, "jednostki", "id_jednostki")
	if err != nil {
		return nil, err
	}
	var obr []routing.Area
	if _, ok := store.LayerByName(areas.Layers(), "obreby"); ok {
		if obr, err = readAreas(ctx, areas, "obreby", "id_obrebu"); err != nil {
			return nil, err
		}
	}
	cat := &catalogue{byCode: map[string]*config.ReportService{}, units: map[string]config.ReportUnit{}}
	cat.services = o.Services
	if len(cat.services) == 0 {
		cat.services = DefaultServices()
	}
	units := o.Units
	if len(units) == 0 {
		units = defaultUnits(jed, title)
	}
	offices := o.Offices
	if len(offices) == 0 {
		offices = DefaultOffices()
	}
	rc := routing.Catalogue{Outside: o.Outside, Margin: o.BoundaryDistance}
	for _, u := range units {
		cat.units[u.Code] = u
		ru := routing.Unit{Code: u.Code, Name: u.Name, County: u.County, Gminy: map[string]bool{}}
		for _, g := range u.Gminy {
			ru.Gminy[g] = true
		}
		if len(u.Services) > 0 {
			ru.Services = map[string]bool{}
			for _, s := range u.Services {
				ru.Services[s] = true
			}
		}
		rc.Units = append(rc.Units, ru)
	}
	for _, f := range offices {
		rc.Offices = append(rc.Offices, routing.Office{Code: f.Code, Name: f.Name, Phone: f.Phone, Email: f.Email, URL: f.URL})
	}
	for i := range cat.services {
		s := &cat.services[i]
		cat.byCode[s.Code] = s
		rc.Services = append(rc.Services, routing.Service{Code: s.Code, Name: s.Name, Route: s.Route, Assets: s.Assets, Office: s.Office})
	}
	for _, r := range rules {
		fs, err := readFeatures(ctx, r.r, r.ReportAsset)
		if err != nil {
			return nil, err
		}
		rc.Rules = append(rc.Rules, routing.Rule{Name: r.Name, Layer: r.Layer, Within: r.Within, Managers: r.Managers, Features: fs})
	}
	cat.model = routing.New(rc, jed, obr)
	cat.jurisdictions = o.Jurisdictions
	if len(cat.jurisdictions) == 0 {
		cat.jurisdictions = []config.Jurisdiction{{ID: name, Name: title}}
	}
	return cat, nil
}

// readAreas reads the polygons of a layer with their id column.
func readAreas(ctx context.Context, r store.Reader, layer, idCol string) ([]routing.Area, error) {
	var out []routing.Area
	err := r.Query(ctx, store.Query{Layer: layer}, func(row store.Row) error {
		mp, ok := row.Geometry.(orb.MultiPolygon)
		if !ok {
			if p, isPoly := row.Geometry.(orb.Polygon); isPoly {
				mp = orb.MultiPolygon{p}
			} else {
				return nil
			}
		}
		id, _ := row.Attrs[idCol].(string)
		name, _ := row.Attrs["nazwa"].(string)
		a := routing.Area{ID: id, Name: name, Geom: mp}
		if len(id) >= 6 {
			a.Gmina = id[:6]
		}
		out = append(out, a)
		return nil
	})
	return out, err
}

// readFeatures reads an asset layer.
func readFeatures(ctx context.Context, r store.Reader, rule config.ReportAsset) ([]routing.Feature, error) {
	var out []routing.Feature
	err := r.Query(ctx, store.Query{Layer: rule.Layer}, func(row store.Row) error {
		v, ok := row.Attrs[rule.Attribute]
		if !ok || row.Geometry == nil {
			return nil
		}
		label := strings.TrimSpace(strings.Join(nonEmpty(fmt.Sprint(row.Attrs["numer"]), fmt.Sprint(row.Attrs["nazwa"])), " "))
		if label == "" {
			label = row.ID
		}
		out = append(out, routing.Feature{ID: row.ID, Value: fmt.Sprint(v), Label: label, Geom: row.Geometry})
		return nil
	})
	return out, err
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && s != "<nil>" {
			out = append(out, s)
		}
	}
	return out
}

// defaultUnits are a unit per gmina found in the data, the starostwo and the
// county road authority, without delivery (staff use the staff layer).
func defaultUnits(jed []routing.Area, county string) []config.ReportUnit {
	names := map[string]string{}
	for _, a := range jed {
		n, _, _ := strings.Cut(a.Name, " - ")
		if old, ok := names[a.Gmina]; !ok || len(n) < len(old) {
			names[a.Gmina] = n
		}
	}
	var codes []string
	for g := range names {
		codes = append(codes, g)
	}
	sort.Strings(codes)
	var out []config.ReportUnit
	for _, g := range codes {
		out = append(out, config.ReportUnit{Code: "gmina-" + g, Name: "Gmina " + names[g], Gminy: []string{g}})
	}
	return append(out,
		config.ReportUnit{Code: config.UnitCounty, Name: "Starostwo Powiatowe (" + county + ")", County: true},
		config.ReportUnit{Code: config.UnitCountyRoads, Name: "Zarząd Dróg Powiatowych (" + county + ")", County: true, Services: []string{"drogi", "drzewo", "snieg"}})
}

// jurisdiction finds a jurisdiction by id.
func (c *catalogue) jurisdiction(id string) (config.Jurisdiction, bool) {
	for _, j := range c.jurisdictions {
		if j.ID == id {
			return j, true
		}
	}
	return config.Jurisdiction{}, false
}

// jurisdictionOf is the jurisdiction whose gminy hold gmina ("" outside all).
func (c *catalogue) jurisdictionOf(gmina string) string {
	for _, j := range c.jurisdictions {
		if len(j.Gminy) == 0 {
			return j.ID
		}
		for _, g := range j.Gminy {
			if g == gmina {
				return j.ID
			}
		}
	}
	return ""
}
