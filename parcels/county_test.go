package parcels

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/store"
)

// The county field of ULDK is the powiat's TERYT name, whatever the dataset is
// called: the quick start (`sip serve --store county.gpkg`, no title) and a title
// that is not "Powiat X" both answer "łaski" for the synthetic county (TERYT
// 1003), as GUGiK's ULDK does, in GetParcelById, GetCountyById and GetCountyByXY.
func TestULDKCountyNameFromTERYT(t *testing.T) {
	var jedn []*store.Object
	if err := fx.store.Query(context.Background(), store.Query{Layer: "jednostki"}, func(r store.Row) error {
		jedn = append(jedn, r.Object)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(jedn) == 0 {
		t.Fatal("no jednostki in the fixture")
	}
	county := str(jedn[0], "id_jednostki")[:4]
	if county != "1003" {
		t.Fatalf("the synthetic county is %s, want 1003 (powiat łaski)", county)
	}
	parcel := str(sample(t, 1)[0], "id_dzialki")
	pt := interior(asMulti(jedn[0].Geometry))

	quick := config.ForStoreNamed(fx.gpkg, "")
	titled := config.ForStoreNamed(fx.gpkg, "county")
	titled.Datasets[0].Title = "łaski — ewidencja gruntów i budynków"
	for name, cfg := range map[string]*config.Config{"quick start": quick, "titled": titled} {
		t.Run(name, func(t *testing.T) {
			base := serveConfig(t, cfg)
			ask := func(v ...string) []string {
				q := url.Values{}
				for i := 0; i+1 < len(v); i += 2 {
					q.Set(v[i], v[i+1])
				}
				return uldkLines(t, base+"/uldk?"+q.Encode())
			}
			lines := ask("request", "GetParcelById", "id", parcel, "result", "teryt,parcel,region,commune,county,voivodeship")
			f := strings.Split(lines[len(lines)-1], "|")
			if lines[0] != "0" || len(f) != 6 || f[0] != parcel || f[4] != "łaski" || f[5] != "łódzkie" {
				t.Errorf("GetParcelById %s: %q", parcel, lines)
			}
			for _, lines := range [][]string{
				ask("request", "GetCountyById", "id", county, "result", "teryt,county,voivodeship"),
				ask("request", "GetCountyByXY", "xy", fmt.Sprintf("%f,%f", pt[0], pt[1]), "result", "teryt,county,voivodeship"),
			} {
				if len(lines) != 2 || lines[0] != "0" || lines[1] != "1003|łaski|łódzkie" {
					t.Errorf("county: %q", lines)
				}
			}
		})
	}
}
