package parcels

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/cadastre"
	"github.com/sip-core/sip/server"
)

// ULDK framing (docs/domain.md, "ULDK"): the body is the status line ("0", or for
// GetParcelByIdOrNr the number of answers), then one line per object with the
// requested fields joined by '|' in the order asked. "-1 brak wyników" when
// nothing matches, "-1 <message>" for a malformed request. Lines end with '\n'.
// Like GUGiK's service, every answer is HTTP 200 text/plain: clients look at the
// first character of the body, not at the status code.

const noResults = "brak wyników"

// uldkFields are the result= fields ULDK knows.
var uldkFields = map[string]bool{
	"geom_wkb": true, "geom_wkt": true, "geom_extent": true, "teryt": true, "id": true,
	"parcel": true, "region": true, "commune": true, "county": true, "voivodeship": true,
}

// uldkObject is one answer: a geometry and the administrative names around it.
type uldkObject struct {
	geom        orb.MultiPolygon
	id          string // the object's TERYT id
	parcel      string // parcel answers: the number part of the id
	region      string // obręb name
	commune     string // gmina (jednostka ewidencyjna) name
	county      string
	voivodeship string
}

type uldkError struct{ msg string }

func (e *uldkError) Error() string { return e.msg }

func uldkErrorf(format string, args ...any) error {
	return &uldkError{fmt.Sprintf(format, args...)}
}

func writeULDK(w http.ResponseWriter, body []byte) {
	h := w.Header()
	h.Set("Content-Type", "text/plain; charset=utf-8")
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(http.StatusOK)
	w.Write(body)
}

func writeULDKError(w http.ResponseWriter, msg string) {
	writeULDK(w, []byte("-1 "+strings.ReplaceAll(msg, "\n", " ")+"\n"))
}

func (m *mount) uldk(w http.ResponseWriter, r *http.Request) {
	q := params(r)
	body, err := m.uldkAnswer(r, q)
	if err != nil {
		var ue *uldkError
		var se *server.Error
		switch {
		case errors.As(err, &ue):
			writeULDKError(w, ue.msg)
		case errors.As(err, &se) && (se.Status == http.StatusUnauthorized || se.Status == http.StatusForbidden):
			server.WriteError(w, r, se) // auth keeps its status: a client must see it
		default:
			server.WriteErr(w, r, err)
		}
		return
	}
	writeULDK(w, body)
}

func (m *mount) uldkAnswer(r *http.Request, q queryParams) ([]byte, error) {
	req := q["request"]
	if req == "" {
		return nil, uldkErrorf("brak parametru request (np. request=GetParcelById&id=141201_1.0001.6509/2)")
	}
	fields, err := resultFields(q)
	if err != nil {
		return nil, err
	}
	out, err := parseSRID(q["srid"])
	if err != nil {
		return nil, uldkErrorf("%s", err)
	}
	// Malformed requests are answered before waiting for a dataset's model.
	if err := validateULDK(q); err != nil {
		return nil, err
	}
	srcs, err := m.sources(r, q["dataset"])
	if err != nil {
		return nil, err
	}
	objs, count, err := lookup(r, req, q, srcs)
	if err != nil {
		return nil, err
	}
	if len(objs) == 0 {
		return []byte("-1 " + noResults + "\n"), nil
	}
	return appendAnswer(objs, fields, m.outFor(out), count), nil
}

// resultFields reads result: the fields of each answer line (geom_wkb by
// default).
func resultFields(q queryParams) ([]string, error) {
	fields := []string{"geom_wkb"}
	res, ok := q["result"]
	if !ok {
		return fields, nil
	}
	fields = fields[:0]
	for f := range strings.SplitSeq(res, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		if !uldkFields[f] {
			return nil, uldkErrorf("nieznane pole result: %q (dozwolone: geom_wkb, geom_wkt, geom_extent, teryt, id, parcel, region, commune, county, voivodeship)", f)
		}
		fields = append(fields, f)
	}
	if len(fields) == 0 {
		return nil, uldkErrorf("pusty parametr result")
	}
	return fields, nil
}

// lookup finds the objects a request asks for; count tells that the status
// line is the number of answers (GetParcelByIdOrNr).
func lookup(r *http.Request, req string, q queryParams, srcs []source) (objs []uldkObject, count bool, err error) {
	id := strings.TrimSpace(q["id"])
	switch strings.ToLower(req) {
	case "getparcelbyid":
		if err := needID(q, checkParcelID); err != nil {
			return nil, false, err
		}
		objs, err = parcelsByID(r.Context(), srcs, id)
		objs = firstOnly(objs)
	case "getparcelbyidornr":
		if id == "" {
			return nil, false, uldkErrorf("brak parametru id (identyfikator działki albo \"<obręb> <numer>\")")
		}
		count = true
		if checkParcelID(id) == nil {
			objs, err = parcelsByID(r.Context(), srcs, id)
			objs = firstOnly(objs)
			break
		}
		i := strings.LastIndexByte(id, ' ')
		if i < 0 || !checkNumber(id[i+1:]) || strings.TrimSpace(id[:i]) == "" {
			return nil, false, uldkErrorf("niepoprawny parametr id %q: oczekiwano identyfikatora działki albo \"<nazwa lub identyfikator obrębu> <numer działki>\"", id)
		}
		objs, err = parcelsByObrebNumber(r.Context(), srcs, strings.TrimSpace(id[:i]), id[i+1:])
	case "getparcelbyxy":
		objs, err = byXY(q, srcs, func(s source, pt orb.Point) ([]uldkObject, error) {
			ls, err := s.s.m.parcelsAt(r.Context(), pt)
			return firstOnly(s.parcelObjects(ls)), err
		})
	default:
		objs, err = lookupArea(r, req, q, srcs, id)
	}
	return objs, count, err
}

// lookupArea finds the areas (obręb, jednostka, county, voivodeship) a
// request asks for.
func lookupArea(r *http.Request, req string, q queryParams, srcs []source, id string) (objs []uldkObject, err error) {
	switch strings.ToLower(req) {
	case "getregionbyid":
		if err := needID(q, checkObrebID); err != nil {
			return nil, err
		}
		objs, err = eachSource(srcs, func(s source) ([]uldkObject, error) {
			if a, ok := s.s.m.obrebByID(id); ok && a.geom != nil {
				return []uldkObject{s.regionObject(a)}, nil
			}
			return nil, nil
		})
	case "getregionbyxy":
		objs, err = byXY(q, srcs, func(s source, pt orb.Point) ([]uldkObject, error) {
			if a := s.s.m.obrebAt(pt); a != nil {
				return []uldkObject{s.regionObject(a)}, nil
			}
			return nil, nil
		})
	case "getcommunebyid":
		if err := needID(q, checkJednostkaID); err != nil {
			return nil, err
		}
		objs, err = eachSource(srcs, func(s source) ([]uldkObject, error) {
			if a, ok := s.s.m.jednostkaByID(id); ok && a.geom != nil {
				return []uldkObject{s.communeObject(a)}, nil
			}
			return nil, nil
		})
	case "getcommunebyxy":
		objs, err = byXY(q, srcs, func(s source, pt orb.Point) ([]uldkObject, error) {
			if a := s.s.m.jednostkaAt(pt); a != nil {
				return []uldkObject{s.communeObject(a)}, nil
			}
			return nil, nil
		})
	case "getcountybyid":
		if err := needID(q, checkCountyID); err != nil {
			return nil, err
		}
		objs, err = aggregateOf(srcs, id)
	case "getcountybyxy":
		objs, err = byXYAggregate(q, srcs, 4)
	case "getvoivodeshipbyid":
		if err := needID(q, checkVoivodeshipID); err != nil {
			return nil, err
		}
		objs, err = aggregateOf(srcs, id)
	case "getvoivodeshipbyxy":
		objs, err = byXYAggregate(q, srcs, 2)
	case "getaggregatearea":
		objs, err = aggregateArea(r.Context(), srcs, id)
	default:
		return nil, uldkErrorf("nieznane żądanie request=%s (obsługiwane: GetParcelById, GetParcelByIdOrNr, GetParcelByXY, GetRegionById, GetRegionByXY, GetCommuneById, GetCommuneByXY, GetCountyById, GetCountyByXY, GetVoivodeshipById, GetVoivodeshipByXY, GetAggregateArea)", req)
	}
	return objs, err
}

// appendAnswer is the answer: the status line (0, or the number of
// answers), then one line of fields per object.
func appendAnswer(objs []uldkObject, fields []string, oc *outCRS, count bool) []byte {
	b := make([]byte, 0, 512)
	if count {
		b = strconv.AppendInt(b, int64(len(objs)), 10)
	} else {
		b = append(b, '0')
	}
	b = append(b, '\n')
	for _, o := range objs {
		for i, f := range fields {
			if i > 0 {
				b = append(b, '|')
			}
			b = o.appendField(b, f, oc)
		}
		b = append(b, '\n')
	}
	return b
}

func (o *uldkObject) appendField(b []byte, f string, oc *outCRS) []byte {
	switch f {
	case "geom_wkb":
		return oc.appendEWKBHex(b, o.geom)
	case "geom_wkt":
		return oc.appendWKT(b, o.geom)
	case "geom_extent":
		return oc.appendExtent(b, o.geom)
	case "teryt", "id":
		return append(b, o.id...)
	case "parcel":
		return append(b, o.parcel...)
	case "region":
		return append(b, o.region...)
	case "commune":
		return append(b, o.commune...)
	case "county":
		return append(b, o.county...)
	case "voivodeship":
		return append(b, o.voivodeship...)
	}
	return b
}

func needID(q queryParams, check func(string) error) error {
	id := strings.TrimSpace(q["id"])
	if id == "" {
		return uldkErrorf("brak parametru id")
	}
	if err := check(id); err != nil {
		return uldkErrorf("%s", err)
	}
	return nil
}

func firstOnly(objs []uldkObject) []uldkObject {
	if len(objs) > 1 {
		return objs[:1]
	}
	return objs
}

func eachSource(srcs []source, fn func(source) ([]uldkObject, error)) ([]uldkObject, error) {
	for _, s := range srcs {
		if objs, err := fn(s); err != nil || len(objs) > 0 {
			return objs, err
		}
	}
	return nil, nil
}

func parcelsByID(ctx context.Context, srcs []source, id string) ([]uldkObject, error) {
	return eachSource(srcs, func(s source) ([]uldkObject, error) {
		p, ok, err := s.s.m.parcelByID(ctx, id)
		if err != nil || !ok {
			return nil, err
		}
		ls, err := s.s.m.locate(ctx, []*parcel{p})
		return s.parcelObjects(ls), err
	})
}

func parcelsByObrebNumber(ctx context.Context, srcs []source, obreb, number string) ([]uldkObject, error) {
	var out []uldkObject
	seen := map[string]bool{}
	for _, s := range srcs {
		ps, err := s.s.m.parcelsByObrebNumber(ctx, obreb, number)
		if err != nil {
			return nil, err
		}
		ls, err := s.s.m.locate(ctx, ps)
		if err != nil {
			return nil, err
		}
		for _, o := range s.parcelObjects(ls) {
			if !seen[o.id] { // the same parcel hosted by a county and a gmina dataset
				seen[o.id] = true
				out = append(out, o)
			}
		}
	}
	return out, nil
}

// byXY parses xy=x,y[,srid] and runs fn over the datasets until one answers. A
// point in Poland that misses every dataset but hits one with x and y exchanged
// is an error saying so.
func byXY(q queryParams, srcs []source, fn func(source, orb.Point) ([]uldkObject, error)) ([]uldkObject, error) {
	xy, ok := q["xy"]
	if !ok || strings.TrimSpace(xy) == "" {
		return nil, uldkErrorf("brak parametru xy (xy=x,y[,srid], x = E/długość, y = N/szerokość)")
	}
	x, y, sridS, err := parseXY(xy, true)
	if err != nil {
		return nil, uldkErrorf("%s", err)
	}
	in, err := parseSRID(sridS)
	if err != nil {
		return nil, uldkErrorf("%s", err)
	}
	pt, err := toStorage(in, x, y)
	if err != nil {
		return nil, uldkErrorf("%s", err)
	}
	if objs, err := eachSource(srcs, func(s source) ([]uldkObject, error) { return fn(s, pt) }); err != nil || len(objs) > 0 {
		return objs, err
	}
	if sw, err := toStorage(in, y, x); err == nil {
		if objs, err := eachSource(srcs, func(s source) ([]uldkObject, error) { return fn(s, sw) }); err != nil {
			return nil, err
		} else if len(objs) > 0 {
			return nil, uldkErrorf("%s", swappedError(x, y, in))
		}
	}
	return nil, nil
}

func (s source) parcelObjects(ps []located) []uldkObject {
	out := make([]uldkObject, 0, len(ps))
	for _, p := range ps {
		jedn, _, _ := strings.Cut(p.obreb, ".")
		if a, ok := s.s.m.obrebByID(p.obreb); ok && a.jedn != "" {
			jedn = a.jedn
		}
		out = append(out, uldkObject{
			geom: p.geom, id: p.id, parcel: p.tail,
			region: s.s.m.obrebName(p.obreb), commune: s.s.m.jednName(jedn),
			county: countyName(p.id), voivodeship: voivodeships[p.id[:2]],
		})
	}
	return out
}

func (s source) regionObject(a *area) uldkObject {
	return uldkObject{geom: a.geom, id: a.id, region: a.name, commune: s.s.m.jednName(a.jedn),
		county: countyName(a.id), voivodeship: voivodeships[a.id[:2]]}
}

func (s source) communeObject(a *area) uldkObject {
	return uldkObject{geom: a.geom, id: a.id, commune: a.name,
		county: countyName(a.id), voivodeship: voivodeships[a.id[:2]]}
}

// countyName is the TERYT name of the powiat an id lies in, as GUGiK's ULDK
// answers it ("łaski" for 1003…, "Łódź" for 1061…); the store holds no county
// names and the dataset's title is free text.
func countyName(id string) string {
	name, _ := cadastre.County(id)
	return name
}

// aggGeom is a cached dissolved area.
type aggGeom = orb.MultiPolygon

// unionOfPrefix dissolves the dataset's jednostki whose TERYT id starts with
// prefix (a county or a voivodeship), cached until the model changes.
func (s source) unionOfPrefix(prefix string) (orb.MultiPolygon, error) {
	s.s.m.mu.RLock()
	gen := s.s.m.gen
	s.s.m.mu.RUnlock()
	s.s.aggMu.Lock()
	defer s.s.aggMu.Unlock()
	if e, ok := s.s.aggs[prefix]; ok && e.gen == gen {
		return e.geom, nil
	}
	var parts []orb.MultiPolygon
	for _, a := range s.s.m.jednostkiWithPrefix(prefix) {
		if a.geom != nil {
			parts = append(parts, a.geom)
		}
	}
	g, err := union(parts)
	if err != nil {
		return nil, err
	}
	s.s.aggs[prefix] = aggEntry{gen: gen, geom: g}
	return g, nil
}

// aggregateOf answers GetCountyById / GetVoivodeshipById: the part of the county
// or voivodeship the first dataset holding any of it covers.
func aggregateOf(srcs []source, prefix string) ([]uldkObject, error) {
	for _, s := range srcs {
		g, err := s.unionOfPrefix(prefix)
		if err != nil {
			return nil, err
		}
		if len(g) == 0 {
			continue
		}
		o := uldkObject{geom: g, id: prefix, voivodeship: voivodeships[prefix[:2]]}
		if len(prefix) == 4 {
			o.county = countyName(prefix)
		}
		return []uldkObject{o}, nil
	}
	return nil, nil
}

func byXYAggregate(q queryParams, srcs []source, digits int) ([]uldkObject, error) {
	return byXY(q, srcs, func(s source, pt orb.Point) ([]uldkObject, error) {
		a := s.s.m.jednostkaAt(pt)
		if a == nil {
			return nil, nil
		}
		return aggregateOf([]source{s}, a.id[:digits])
	})
}

// aggregateArea answers GetAggregateArea&id=a,b,…: the dissolved geometry of the
// listed parcels, obręby and jednostki (ids of different kinds may be mixed).
func aggregateArea(ctx context.Context, srcs []source, ids string) ([]uldkObject, error) {
	var list []string
	for id := range strings.SplitSeq(ids, ",") {
		if id = strings.TrimSpace(id); id != "" {
			list = append(list, id)
		}
	}
	if len(list) == 0 {
		return nil, uldkErrorf("brak parametru id (lista identyfikatorów działek, obrębów lub jednostek rozdzielona przecinkami)")
	}
	if len(list) > 1000 {
		return nil, uldkErrorf("za dużo identyfikatorów: %d (najwyżej 1000)", len(list))
	}
	var parts []orb.MultiPolygon
	for _, id := range list {
		var g orb.MultiPolygon
		switch {
		case checkParcelID(id) == nil:
			for _, s := range srcs {
				p, ok, err := s.s.m.parcelByID(ctx, id)
				if err != nil {
					return nil, err
				}
				if ok {
					ls, err := s.s.m.locate(ctx, []*parcel{p})
					if err != nil {
						return nil, err
					}
					if len(ls) > 0 {
						g = ls[0].geom
					}
					break
				}
			}
		case checkObrebID(id) == nil:
			for _, s := range srcs {
				if a, ok := s.s.m.obrebByID(id); ok && a.geom != nil {
					g = a.geom
					break
				}
			}
		case checkJednostkaID(id) == nil:
			for _, s := range srcs {
				if a, ok := s.s.m.jednostkaByID(id); ok && a.geom != nil {
					g = a.geom
					break
				}
			}
		default:
			return nil, uldkErrorf("niepoprawny identyfikator %q: oczekiwano identyfikatora działki, obrębu lub jednostki ewidencyjnej", id)
		}
		if g == nil {
			return nil, nil // ULDK answers "brak wyników" when any part is missing
		}
		parts = append(parts, g)
	}
	g, err := union(parts)
	if err != nil {
		return nil, err
	}
	return []uldkObject{{geom: g, id: strings.Join(list, ",")}}, nil
}

// validateULDK checks a request's parameters without touching any dataset.
func validateULDK(q queryParams) error {
	id := strings.TrimSpace(q["id"])
	xy := func() error {
		v, ok := q["xy"]
		if !ok || strings.TrimSpace(v) == "" {
			return uldkErrorf("brak parametru xy (xy=x,y[,srid], x = E/długość, y = N/szerokość)")
		}
		x, y, srid, err := parseXY(v, true)
		if err != nil {
			return uldkErrorf("%s", err)
		}
		in, err := parseSRID(srid)
		if err != nil {
			return uldkErrorf("%s", err)
		}
		if _, err := toStorage(in, x, y); err != nil {
			return uldkErrorf("%s", err)
		}
		return nil
	}
	switch strings.ToLower(q["request"]) {
	case "getparcelbyid":
		return needID(q, checkParcelID)
	case "getparcelbyidornr":
		if id == "" {
			return uldkErrorf("brak parametru id (identyfikator działki albo \"<obręb> <numer>\")")
		}
		if checkParcelID(id) == nil {
			return nil
		}
		if i := strings.LastIndexByte(id, ' '); i < 0 || !checkNumber(id[i+1:]) || strings.TrimSpace(id[:i]) == "" {
			return uldkErrorf("niepoprawny parametr id %q: oczekiwano identyfikatora działki albo \"<nazwa lub identyfikator obrębu> <numer działki>\"", id)
		}
	case "getregionbyid":
		return needID(q, checkObrebID)
	case "getcommunebyid":
		return needID(q, checkJednostkaID)
	case "getcountybyid":
		return needID(q, checkCountyID)
	case "getvoivodeshipbyid":
		return needID(q, checkVoivodeshipID)
	case "getparcelbyxy", "getregionbyxy", "getcommunebyxy", "getcountybyxy", "getvoivodeshipbyxy":
		return xy()
	case "getaggregatearea":
		n := 0
		for part := range strings.SplitSeq(id, ",") {
			part = strings.TrimSpace(part)
			if part == "" {
				continue
			}
			n++
			if checkParcelID(part) != nil && checkObrebID(part) != nil && checkJednostkaID(part) != nil {
				return uldkErrorf("niepoprawny identyfikator %q: oczekiwano identyfikatora działki, obrębu lub jednostki ewidencyjnej", part)
			}
		}
		if n == 0 {
			return uldkErrorf("brak parametru id (lista identyfikatorów działek, obrębów lub jednostek rozdzielona przecinkami)")
		}
		if n > 1000 {
			return uldkErrorf("za dużo identyfikatorów: %d (najwyżej 1000)", n)
		}
	}
	return nil
}
