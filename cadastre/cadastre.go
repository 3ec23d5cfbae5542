// Package cadastre holds the county-cadastre vocabulary that several services
// share: the obręb and gmina names behind parcel ids, the TERYT names of the
// powiaty (County), and the attribute names a county user expects (the KIEG /
// county WMS-WFS field names such as ID_DZIALKI, NAZWA_OBREBU, ID_BUDYNKU,
// RODZAJ), so WMS GetFeatureInfo, WFS, ULDK and the parcel card speak the same
// language.
package cadastre

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // Europe/Warsaw dates on hosts without zoneinfo

	"github.com/sip-core/sip/store"
)

// Names resolves the names of obręby and jednostki ewidencyjne (gminy) of one
// dataset. It is a snapshot: reload it when the dataset's revision changes
// (NamesCache does that).
type Names struct {
	obreby    map[string]obreb  // id_obrebu -> name and jednostka
	jednostki map[string]string // id_jednostki -> name
	revision  int64
}

type obreb struct{ name, jednostka string }

// LoadNames reads the current obręby and jednostki of a dataset. Layers the
// dataset lacks simply resolve nothing.
func LoadNames(ctx context.Context, r store.Reader) (*Names, error) {
	rev, err := r.Revision(ctx)
	if err != nil {
		return nil, err
	}
	n := &Names{obreby: map[string]obreb{}, jednostki: map[string]string{}, revision: rev}
	has := map[string]bool{}
	for _, l := range r.Layers() {
		has[l.Name] = true
	}
	if has["jednostki"] {
		err := r.Query(ctx, store.Query{Layer: "jednostki", NoGeometry: true}, func(row store.Row) error {
			if id := str(row.Attrs["id_jednostki"]); id != "" {
				n.jednostki[id] = str(row.Attrs["nazwa"])
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cadastre: reading jednostki: %w", err)
		}
	}
	if has["obreby"] {
		err := r.Query(ctx, store.Query{Layer: "obreby", NoGeometry: true}, func(row store.Row) error {
			id := str(row.Attrs["id_obrebu"])
			if id == "" {
				return nil
			}
			j := str(row.Attrs["id_jednostki"])
			if j == "" {
				j, _, _ = strings.Cut(id, ".")
			}
			n.obreby[id] = obreb{name: str(row.Attrs["nazwa"]), jednostka: j}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("cadastre: reading obreby: %w", err)
		}
	}
	return n, nil
}

// Revision is the dataset revision the names were read at.
func (n *Names) Revision() int64 { return n.revision }

// Obreb returns the name of an obręb by its id (WWPPGG_R.OOOO).
func (n *Names) Obreb(idObrebu string) (string, bool) {
	o, ok := n.obreby[idObrebu]
	return o.name, ok
}

// Gmina returns the name of a jednostka ewidencyjna (WWPPGG_R), which is the
// gmina's name (or the town's / rural area's in an urban-rural gmina).
func (n *Names) Gmina(idJednostki string) (string, bool) {
	name, ok := n.jednostki[idJednostki]
	return name, ok
}

// GminaOfObreb returns the id and name of the jednostka an obręb belongs to.
func (n *Names) GminaOfObreb(idObrebu string) (id, name string) {
	if o, ok := n.obreby[idObrebu]; ok {
		id = o.jednostka
	} else {
		id, _, _ = strings.Cut(idObrebu, ".")
	}
	return id, n.jednostki[id]
}

// ObrebyByName lists the ids of obręby with the given name (case-insensitive),
// for lookups such as ULDK GetParcelByIdOrNr "Łask 123/4". Several gminas may have
// an obręb of the same name.
func (n *Names) ObrebyByName(name string) []string {
	var ids []string
	for id, o := range n.obreby {
		if strings.EqualFold(o.name, name) {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

// Field is one attribute of a KIEG / county-service record, in output order.
type Field struct {
	Name  string
	Value string
}

// KIEGParcel returns the GetFeatureInfo record of a parcel (layer dzialki) in the
// field order of the GUGiK county WMS specification (docs/domain.md, "KIEG"). POLE_EWIDENCYJNE
// is in hectares with four decimals; DATA is the day the version started.
func (n *Names) KIEGParcel(o *store.Object) []Field {
	idObrebu := str(o.Attrs["id_obrebu"])
	_, gmina := n.GminaOfObreb(idObrebu)
	obrebName, _ := n.Obreb(idObrebu)
	return []Field{
		{"ID_DZIALKI", str(o.Attrs["id_dzialki"])},
		{"NUMER_DZIALKI", str(o.Attrs["numer_dzialki"])},
		{"NUMER_ARKUSZA", str(o.Attrs["numer_arkusza"])},
		{"NUMER_OBREBU", obrebNumber(idObrebu)},
		{"NAZWA_OBREBU", obrebName},
		{"NAZWA_GMINY", gmina},
		{"POLE_EWIDENCYJNE", hectares(o.Attrs["pole_ewidencyjne"])},
		{"KW", str(o.Attrs["numer_kw"])},
		{"GRUPA_REJESTROWA", str(o.Attrs["grupa_rejestrowa"])},
		{"DATA", date(o.StartVersion)},
	}
}

// KIEGBuilding returns a building record with the field names county WFS services
// use (ms:budynki: ID_BUDYNKU, RODZAJ, KONDYGNACJE_NADZIEMNE, KONDYGNACJE_PODZIEMNE).
func (n *Names) KIEGBuilding(o *store.Object) []Field {
	return []Field{
		{"ID_BUDYNKU", str(o.Attrs["id_budynku"])},
		{"RODZAJ", str(o.Attrs["rodzaj_kst"])},
		{"KONDYGNACJE_NADZIEMNE", str(o.Attrs["kondygnacje_nadziemne"])},
		{"KONDYGNACJE_PODZIEMNE", str(o.Attrs["kondygnacje_podziemne"])},
		{"POWIERZCHNIA_ZABUDOWY", str(o.Attrs["pow_zabudowy"])},
		{"DATA", date(o.StartVersion)},
	}
}

// obrebNumber is the OOOO part of an obręb id WWPPGG_R.OOOO.
func obrebNumber(idObrebu string) string {
	if _, num, ok := strings.Cut(idObrebu, "."); ok {
		return num
	}
	return ""
}

func hectares(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', 4, 64)
	case int64:
		return strconv.FormatFloat(float64(x), 'f', 4, 64)
	}
	return ""
}

func date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(warsaw).Format("2006-01-02")
}

// str renders an attribute value as the text of a record.
func str(v any) string { return store.FormatValue("", v) }

var warsaw = func() *time.Location {
	if l, err := time.LoadLocation("Europe/Warsaw"); err == nil {
		return l
	}
	return time.UTC
}()

// NamesCache keeps the Names of one dataset, reloading them when the dataset's
// revision has moved. It is safe for concurrent use.
type NamesCache struct {
	mu sync.Mutex
	n  *Names
	r  store.Reader // the store n was read from
}

// Get returns names no older than revision rev of r.
func (c *NamesCache) Get(ctx context.Context, r store.Reader, rev int64) (*Names, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// Revisions only compare within one store: a reload may point the dataset
	// at another one (a restored backup, at a lower revision).
	if c.n != nil && sameReader(c.r, r) && c.n.revision >= rev {
		return c.n, nil
	}
	n, err := LoadNames(ctx, r)
	if err != nil {
		return nil, err
	}
	c.n, c.r = n, r
	return n, nil
}

// sameReader reports whether a and b are the same store (false for readers of
// a type that cannot be compared, rather than a panic).
func sameReader(a, b store.Reader) bool {
	ta := reflect.TypeOf(a)
	if ta == nil || ta != reflect.TypeOf(b) || !ta.Comparable() {
		return false
	}
	return a == b
}
