package parcels

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// PlanningLayers are the layers the card reads planning zones from, when a
// dataset has them: the zone layers of the planning schema (store.PlanningLayers:
// plan ogólny areas and MPZP zones). For every feature of such a layer that
// covers part of the parcel the card lists its public attributes and the share of
// the parcel's area inside it.
var PlanningLayers = []string{"strefy", "mpzp"}

// touchTolerance: parcels closer than this (m) are neighbours; it absorbs the
// centimetre rounding of coordinates in EGiB exports.
const touchTolerance = 0.01

var warsaw = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Warsaw"); err == nil {
		return l
	}
	return time.UTC
}()

// parseDate reads ?date=YYYY-MM-DD: the state at the end of that day, Polish time.
func parseDate(s string) (time.Time, error) {
	d, err := time.ParseInLocation("2006-01-02", s, warsaw)
	if err != nil {
		return time.Time{}, err
	}
	return d.AddDate(0, 0, 1).Add(-time.Millisecond), nil
}

type kiegFields []cadastre.Field

func (k kiegFields) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, f := range k {
		if i > 0 {
			b.WriteByte(',')
		}
		n, _ := json.Marshal(f.Name)
		v, _ := json.Marshal(f.Value)
		b.Write(n)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type landUse struct {
	OFU  string  `json:"ofu"`
	OZU  string  `json:"ozu,omitempty"`
	OZK  string  `json:"ozk,omitempty"`
	Pole float64 `json:"pole_ha"`
}

type building struct {
	ID          string         `json:"id_budynku"`
	Attrs       map[string]any `json:"atrybuty"`
	AreaOnPlot  float64        `json:"pole_na_dzialce_m2"`
	ShareOfBldg float64        `json:"udzial_budynku"`
}

type neighbour struct {
	ID     string  `json:"id_dzialki"`
	Number string  `json:"numer_dzialki"`
	Border float64 `json:"dlugosc_wspolnej_granicy_m"`
	Href   string  `json:"href"`
}

type zone struct {
	Layer string         `json:"warstwa"`
	Attrs map[string]any `json:"atrybuty"`
	Area  float64        `json:"pole_m2"`
	Share float64        `json:"udzial_dzialki"`
}

type version struct {
	ID    string `json:"wersja_id"`
	Start string `json:"poczatek_wersji"`
	End   string `json:"koniec_wersji,omitempty"`
	AsOf  string `json:"stan_na,omitempty"`
}

type cardProps struct {
	Dataset    string      `json:"dataset"`
	ID         string      `json:"id_dzialki"`
	Number     string      `json:"numer_dzialki,omitempty"`
	Sheet      string      `json:"numer_arkusza,omitempty"`
	Obreb      named       `json:"obreb"`
	Gmina      named       `json:"gmina"`
	AreaEwid   *float64    `json:"pole_ewidencyjne_ha,omitempty"`
	AreaGeom   float64     `json:"pole_geometryczne_m2"`
	AreaGeomHa float64     `json:"pole_geometryczne_ha"`
	KW         []string    `json:"numery_kw,omitempty"`
	LandUse    []landUse   `json:"klasouzytki,omitempty"`
	Group      string      `json:"grupa_rejestrowa,omitempty"`
	Addresses  []string    `json:"adresy,omitempty"`
	Buildings  []building  `json:"budynki"`
	Neighbours []neighbour `json:"sasiedzi"`
	Planning   []zone      `json:"planowanie"` // null until a planning layer exists
	KIEG       kiegFields  `json:"kieg"`
	Version    version     `json:"wersja"`
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
func round4(v float64) float64 { return math.Round(v*10000) / 10000 }

// card answers /api/parcels/{id}[?date=YYYY-MM-DD][&srid=…][&dataset=…].
func (m *mount) card(w http.ResponseWriter, r *http.Request) {
	if e := checkParams(r, "date", "srid", "dataset"); e != nil {
		server.WriteError(w, r, e)
		return
	}
	id := server.Var(r, "id")
	if err := checkParcelID(id); err != nil {
		server.WriteError(w, r, badRequest("InvalidParameterValue", "id", "%s", err))
		return
	}
	q := params(r)
	oc, e := m.outParam(q)
	if e != nil {
		server.WriteError(w, r, e)
		return
	}
	var asOf time.Time
	if ds, ok := q["date"]; ok {
		t, err := parseDate(ds)
		if err != nil {
			server.WriteError(w, r, badRequest("InvalidParameterValue", "date", "date must be YYYY-MM-DD, not %q", ds))
			return
		}
		asOf = t
	}
	srcs, err := m.sources(r, q["dataset"])
	if err != nil {
		server.WriteErr(w, r, err)
		return
	}
	ctx := r.Context()
	for _, s := range srcs {
		o, err := s.findVersion(ctx, id, asOf)
		if errors.Is(err, store.ErrNotFound) {
			continue
		}
		if err != nil {
			server.WriteErr(w, r, err)
			return
		}
		// The card shows the columns the caller may read: a tag per access, so
		// that a copy cached under one key is never revalidated under another.
		etag := server.ETag(s.d, r, s.d.Access(r))
		if server.NotModified(w, r, etag) {
			return
		}
		body, err := s.cardJSON(r, o, asOf, oc)
		if err != nil {
			server.WriteErr(w, r, err)
			return
		}
		writeJSON(w, r, "application/geo+json", oc, body)
		return
	}
	detail := "no parcel " + id + " in the hosted datasets"
	if !asOf.IsZero() {
		detail = "no parcel " + id + " existed on " + q["date"]
	}
	server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: detail})
}

// findVersion returns the current version of a parcel, or the one in force at asOf.
func (s source) findVersion(ctx context.Context, id string, asOf time.Time) (*store.Object, error) {
	if asOf.IsZero() {
		p, ok, err := s.s.m.parcelByID(ctx, id)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, store.ErrNotFound
		}
		return s.d.Store.Get(ctx, "dzialki", p.uuid)
	}
	var found *store.Object
	err := s.d.Store.Query(ctx, store.Query{Layer: "dzialki", AsOf: asOf, Where: map[string]any{"id_dzialki": id}}, func(row store.Row) error {
		if found == nil || row.StartVersion.After(found.StartVersion) {
			found = row.Object
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if found == nil {
		return nil, store.ErrNotFound
	}
	return found, nil
}

// publicCols is the set of columns of a layer the request may see; ok is false
// when the layer is not published or not readable.
func (s source) publicCols(r *http.Request, layer string) (map[string]bool, bool) {
	l, lc, ok := s.d.Layer(layer)
	if !ok || s.d.CanRead(r, lc) != nil {
		return nil, false
	}
	set := map[string]bool{}
	for _, c := range s.d.PublicColumns(r, l, lc) {
		set[c.Name] = true
	}
	return set, true
}

func pick(o *store.Object, cols map[string]bool) map[string]any {
	out := map[string]any{}
	for k, v := range o.Attrs {
		if !cols[k] {
			continue
		}
		if t, ok := v.(time.Time); ok {
			v = t.UTC().Format(time.RFC3339)
		}
		out[k] = v
	}
	return out
}

// around finds the objects of a layer whose boxes meet b, in key order: by
// the ids the in-memory index finds (index.memory), or by the store's spatial
// index, and from the store's history for a past date.
func (s source) around(ctx context.Context, layer string, b orb.Bound, asOf time.Time, fn func(*store.Object)) error {
	if asOf.IsZero() && s.d.Index.Memory() {
		ids, err := s.d.Index.SearchIDs(ctx, layer, b, nil)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return nil
		}
		return s.d.Store.Query(ctx, store.Query{Layer: layer, IDs: ids}, func(row store.Row) error {
			fn(row.Object)
			return nil
		})
	}
	return s.d.Store.Query(ctx, store.Query{Layer: layer, Bound: &b, AsOf: asOf}, func(row store.Row) error {
		fn(row.Object)
		return nil
	})
}

func (s source) cardJSON(r *http.Request, o *store.Object, asOf time.Time, oc *outCRS) ([]byte, error) {
	ctx := r.Context()
	mp := asMulti(o.Geometry)
	if mp == nil {
		return nil, errors.New("parcels: parcel " + o.ID + " has no polygon geometry")
	}
	cols, _ := s.publicCols(r, "dzialki")
	names, err := s.s.names.Get(ctx, s.d.Store, s.d.Revision())
	if err != nil {
		return nil, err
	}
	id := str(o, "id_dzialki")
	obr := str(o, "id_obrebu")
	if obr == "" {
		obr, _ = splitParcelID(id)
	}
	jedn, gmina := names.GminaOfObreb(obr)
	obrName, _ := names.Obreb(obr)
	ov := newOverlay(mp)
	area := ov.area()
	p := &cardProps{
		Dataset: s.d.Name, ID: id,
		Obreb: named{obr, obrName}, Gmina: named{jedn, gmina},
		AreaGeom: round2(area), AreaGeomHa: round4(area / 10000),
		Buildings: []building{}, Neighbours: []neighbour{},
		Version: version{ID: o.Version, Start: o.StartVersion.UTC().Format(time.RFC3339)},
	}
	p.setAttrs(o, asOf, cols, names)
	bound := mp.Bound().Pad(touchTolerance)
	if err := s.addBuildings(r, p, ov, bound, asOf); err != nil {
		return nil, err
	}
	if err := s.addNeighbours(r, p, o, ov, bound, asOf); err != nil {
		return nil, err
	}
	if err := s.addPlanning(r, p, ov, area, bound, asOf); err != nil {
		return nil, err
	}
	return encodeCard(r, s.d, p, mp, oc)
}

// setAttrs fills the parcel's own attributes the caller may read (cols: its
// public columns) and its KIEG record.
func (p *cardProps) setAttrs(o *store.Object, asOf time.Time, cols map[string]bool, names *cadastre.Names) {
	if !o.EndVersion.IsZero() {
		p.Version.End = o.EndVersion.UTC().Format(time.RFC3339)
	}
	if !asOf.IsZero() {
		p.Version.AsOf = asOf.In(warsaw).Format("2006-01-02")
	}
	if cols["numer_dzialki"] {
		p.Number = str(o, "numer_dzialki")
	}
	if cols["numer_arkusza"] {
		p.Sheet = str(o, "numer_arkusza")
	}
	if v, ok := o.Attrs["pole_ewidencyjne"].(float64); ok && cols["pole_ewidencyjne"] {
		p.AreaEwid = &v
	}
	if cols["numer_kw"] {
		for kw := range strings.SplitSeq(str(o, "numer_kw"), ";") {
			if kw = strings.TrimSpace(kw); kw != "" {
				p.KW = append(p.KW, kw)
			}
		}
	}
	if cols["klasouzytki"] {
		if raw := str(o, "klasouzytki"); raw != "" {
			var lu []struct {
				OFU  string  `json:"ofu"`
				OZU  string  `json:"ozu"`
				OZK  string  `json:"ozk"`
				Pole float64 `json:"pole"`
			}
			if json.Unmarshal([]byte(raw), &lu) == nil {
				for _, u := range lu {
					p.LandUse = append(p.LandUse, landUse{u.OFU, u.OZU, u.OZK, u.Pole})
				}
			}
		}
	}
	if cols["grupa_rejestrowa"] {
		p.Group = str(o, "grupa_rejestrowa")
	}
	if cols["adresy"] {
		p.Addresses = splitAddresses(str(o, "adresy"))
	}
	// KIEG record: only the fields whose source column is public.
	src := map[string]string{"ID_DZIALKI": "id_dzialki", "NUMER_DZIALKI": "numer_dzialki", "NUMER_ARKUSZA": "numer_arkusza",
		"NUMER_OBREBU": "id_obrebu", "NAZWA_OBREBU": "id_obrebu", "NAZWA_GMINY": "id_obrebu",
		"POLE_EWIDENCYJNE": "pole_ewidencyjne", "KW": "numer_kw", "GRUPA_REJESTROWA": "grupa_rejestrowa"}
	for _, f := range names.KIEGParcel(o) {
		if c, ok := src[f.Name]; ok && !cols[c] && c != "id_obrebu" && c != "id_dzialki" {
			continue
		}
		p.KIEG = append(p.KIEG, f)
	}
}

// addBuildings adds the buildings on the parcel, with the area they stand on it.
func (s source) addBuildings(r *http.Request, p *cardProps, ov *overlay, bound orb.Bound, asOf time.Time) error {
	ctx := r.Context()
	// Buildings on the parcel.
	if bcols, ok := s.publicCols(r, "budynki"); ok {
		err := s.around(ctx, "budynki", bound, asOf, func(b *store.Object) {
			bmp := asMulti(b.Geometry)
			if bmp == nil {
				return
			}
			shared := ov.sharedArea(bmp)
			if shared < 0.01 {
				return
			}
			total := newOverlay(bmp).area()
			share := 0.0
			if total > 0 {
				share = round4(shared / total)
			}
			p.Buildings = append(p.Buildings, building{ID: str(b, "id_budynku"), Attrs: pick(b, bcols), AreaOnPlot: round2(shared), ShareOfBldg: share})
		})
		if err != nil {
			return err
		}
		sort.Slice(p.Buildings, func(i, j int) bool { return p.Buildings[i].ID < p.Buildings[j].ID })
	}
	return nil
}

// addNeighbours adds the parcels sharing a boundary (or a corner) with this one.
func (s source) addNeighbours(r *http.Request, p *cardProps, o *store.Object, ov *overlay, bound orb.Bound, asOf time.Time) error {
	ctx, id := r.Context(), p.ID
	// Neighbours: parcels sharing a boundary (or a corner) with this one.
	err := s.around(ctx, "dzialki", bound, asOf, func(n *store.Object) {
		nid := str(n, "id_dzialki")
		if n.ID == o.ID || nid == id {
			return
		}
		nmp := asMulti(n.Geometry)
		if nmp == nil {
			return
		}
		l, touches := ov.sharedBorder(nmp, touchTolerance)
		if !touches || ov.sharedArea(nmp) > 1 { // overlapping parcels are an error of the data, not neighbours
			return
		}
		p.Neighbours = append(p.Neighbours, neighbour{ID: nid, Number: str(n, "numer_dzialki"), Border: round2(l), Href: cardHref(r, s.d, nid)})
	})
	if err != nil {
		return err
	}
	sort.Slice(p.Neighbours, func(i, j int) bool { return p.Neighbours[i].ID < p.Neighbours[j].ID })
	return nil
}

// addPlanning adds the planning zones over the parcel, with their share of it.
func (s source) addPlanning(r *http.Request, p *cardProps, ov *overlay, area float64, bound orb.Bound, asOf time.Time) error {
	ctx := r.Context()
	// Planning zones (seam: filled once a planning layer exists).
	for _, pl := range PlanningLayers {
		zcols, ok := s.publicCols(r, pl)
		if !ok {
			continue
		}
		if p.Planning == nil {
			p.Planning = []zone{}
		}
		err := s.around(ctx, pl, bound, asOf, func(z *store.Object) {
			zmp := asMulti(z.Geometry)
			if zmp == nil {
				return
			}
			shared := ov.sharedArea(zmp)
			if shared < 0.01 || area == 0 {
				return
			}
			p.Planning = append(p.Planning, zone{Layer: pl, Attrs: pick(z, zcols), Area: round2(shared), Share: round4(shared / area)})
		})
		if err != nil {
			return err
		}
		sort.SliceStable(p.Planning, func(i, j int) bool { return p.Planning[i].Share > p.Planning[j].Share })
	}
	return nil
}

// encodeCard writes the card: a GeoJSON feature with its links.
func encodeCard(r *http.Request, d *server.Dataset, p *cardProps, mp orb.MultiPolygon, oc *outCRS) ([]byte, error) {
	id := p.ID
	var b bytes.Buffer
	b.WriteString(`{"type":"Feature","id":`)
	b.Write(appendJSONString(nil, id))
	b.WriteString(`,"geometry":`)
	b.Write(oc.appendGeoJSON(nil, mp))
	b.WriteString(`,"properties":`)
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	b.WriteString(`,"links":[{"rel":"self","type":"application/geo+json","href":`)
	b.Write(appendJSONString(nil, cardHref(r, d, id)))
	b.WriteString(`},{"rel":"alternate","type":"text/plain","title":"ULDK","href":`)
	b.Write(appendJSONString(nil, "/uldk?request=GetParcelById&id="+urlQuery(id)+"&result=geom_wkt,teryt,parcel,region,commune,county,voivodeship"))
	b.WriteString("}]}\n")
	return b.Bytes(), nil
}

func urlQuery(s string) string {
	return strings.NewReplacer("%", "%25", "&", "%26", "+", "%2B", " ", "%20", "#", "%23").Replace(s)
}
