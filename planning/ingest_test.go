package planning

import (
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/store/gpkg"
)

func newStore(t *testing.T, layers []store.Layer) (*gpkg.Store, string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "gmina.gpkg")
	st, err := gpkg.Create(p, "gmina", layers)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, p
}

const appDir = "../ingest/app/testdata/"
const fmtDir = "../ingest/formats/testdata/"

func TestIngestAPPAndFormats(t *testing.T) {
	ctx := context.Background()
	st, path := newStore(t, store.PlanningLayers)
	files := []string{appDir + "app1_gov_2180.gml", appDir + "app1_old_2177.gml", appDir + "app2_old_2178.gml", fmtDir + "mpzp_cp1250.shp"}
	rep, err := Ingest(ctx, st, files, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Committed || rep.Errors != 0 || rep.Total.Rejected != 0 {
		t.Fatalf("%s", rep.Summary())
	}
	// plany: 12MPZP, 7MPZP (archived + current), 1POG; strefy: 2 zones + 1 area; mpzp: 4.
	if c := rep.Layers["plany"]; c.Objects != 4 || c.Archived != 1 {
		t.Errorf("plany %+v", c)
	}
	if c := rep.Layers["strefy"]; c.Inserted != 3 {
		t.Errorf("strefy %+v", c)
	}
	if c := rep.Layers["mpzp"]; c.Inserted != 4 {
		t.Errorf("mpzp %+v", c)
	}
	p, err := st.Get(ctx, "plany", "12MPZP")
	if err != nil {
		t.Fatal(err)
	}
	var docs []map[string]string
	if err := json.Unmarshal([]byte(p.Attrs["dokumenty"].(string)), &docs); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 || docs[0]["id"] != "UCHWALA-XII-34-2019" || docs[1]["rola"] != "dokumentUchwalajacy" || docs[0]["organ"] != "Rada Gminy Żółkiewka" {
		t.Errorf("dokumenty %v", docs)
	}
	if !strings.Contains(p.Attrs["rysunki"].(string), `"id":"12MPZP-R1"`) {
		t.Errorf("rysunki %v", p.Attrs["rysunki"])
	}
	h, err := st.History(ctx, "plany", "7MPZP")
	if err != nil || len(h) != 2 {
		t.Fatalf("history of 7MPZP: %d versions, %v", len(h), err)
	}
	z, err := st.Get(ctx, "mpzp", "mpzp_cp1250.1")
	if err != nil {
		t.Fatal(err)
	}
	if z.Attrs["nazwa"] != "Teren zabudowy mieszkaniowej jednorodzinnej – Łąki Źródlane" || z.Attrs["przeznaczenie"] != "MN" || z.Attrs["maks_wysokosc"] != 12.5 || z.Attrs["plan"] != "Uchwała nr XII/34/2019 Rady Gminy Żółkiewka" {
		t.Errorf("mpzp attrs %v", z.Attrs)
	}
	rev, _ := st.Revision(ctx)

	// The same files again: nothing changes.
	rep, err = Ingest(ctx, st, files, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Unchanged != rep.Total.Objects || rep.Total.Objects != 11 {
		t.Errorf("re-ingest: %s", rep.Summary())
	}
	if r2, _ := st.Revision(ctx); r2 != rev {
		t.Errorf("re-ingest moved the revision %d → %d", rev, r2)
	}
	st.Close()

	// GDAL reads the store: layers, counts and the Polish text.
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo (Debian gdal-bin) not installed")
	}
	out, err := exec.Command("ogrinfo", "-ro", "-q", path, "-sql", "SELECT nazwa, przeznaczenie FROM mpzp WHERE oznaczenie = '1MN'").CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "nazwa (String) = Teren zabudowy mieszkaniowej jednorodzinnej – Łąki Źródlane") {
		t.Errorf("ogrinfo:\n%s", out)
	}
	out, err = exec.Command("ogrinfo", "-ro", "-so", path, "strefy").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "Feature Count: 3") {
		t.Errorf("ogrinfo strefy: %v\n%s", err, out)
	}
}

func TestIngestFailureLeavesStoreUnchanged(t *testing.T) {
	ctx := context.Background()
	st, _ := newStore(t, store.PlanningLayers)
	if _, err := Ingest(ctx, st, []string{appDir + "app2_old_2178.gml"}, IngestOptions{}); err != nil {
		t.Fatal(err)
	}
	rev, _ := st.Revision(ctx)
	broken := writeTemp(t, "broken.gml", zhead+zoneXML("late", "9SJ", "SJ", "300000 500000 300000 500010 300010 500010 300010 500000 300000 500000")+"<unclosed>")
	rep, err := Ingest(ctx, st, []string{fmtDir + "mpzp.geojson", broken}, IngestOptions{})
	if err == nil || rep.Committed {
		t.Fatal("a broken file must fail the whole ingest")
	}
	if !strings.Contains(err.Error(), "broken.gml") {
		t.Errorf("error does not name the file: %v", err)
	}
	if r2, _ := st.Revision(ctx); r2 != rev {
		t.Errorf("revision moved %d → %d", rev, r2)
	}
	if n, _ := st.Count(ctx, store.Query{Layer: "mpzp"}); n != 0 {
		t.Errorf("%d mpzp objects half-loaded", n)
	}

	// An object problem: reported and left out; strict: everything rolled back.
	bad := writeTemp(t, "objects.gml", zhead+
		zoneXML("good", "1SJ", "SJ", "300000 500000 300000 500010 300010 500010 300010 500000 300000 500000")+
		zoneXML("bowtie", "2SJ", "SJ", "300000 500010 300010 500020 300000 500020 300010 500010 300000 500010")+
		zoneXML("open", "3SJ", "SJ", "300000 500020 300010 500020 300010 500030 300000 500030")+"</c>")
	rep, err = Ingest(ctx, st, []string{bad}, IngestOptions{Strict: true})
	if err == nil || rep.Committed {
		t.Fatal("strict ingest with bad objects must fail")
	}
	if r2, _ := st.Revision(ctx); r2 != rev {
		t.Errorf("strict failure moved the revision")
	}
	rep, err = Ingest(ctx, st, []string{bad}, IngestOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Inserted != 1 || rep.Total.Rejected != 2 || rep.Errors != 2 {
		t.Errorf("%s", rep.Summary())
	}
	for _, p := range rep.Problems {
		if p.File != bad || p.Line == 0 || (p.ID != "bowtie" && p.ID != "open") {
			t.Errorf("problem without file/line/id: %+v", p)
		}
	}
}

func TestIngestNeedsPlanningLayers(t *testing.T) {
	st, _ := newStore(t, store.EGiBLayers)
	_, err := Ingest(context.Background(), st, []string{fmtDir + "mpzp.geojson"}, IngestOptions{})
	if err == nil || !strings.Contains(err.Error(), "planning layers") {
		t.Errorf("%v", err)
	}
}

func TestIngestRealSample(t *testing.T) {
	dir := appSampleDir(t)
	st, _ := newStore(t, store.PlanningLayers)
	rep, err := Ingest(context.Background(), st, []string{filepath.Join(dir, "2_pog_AktPlanowaniaPrzestrzennego.gml"), filepath.Join(dir, "2_strefy_StrefaPlanistyczna_OK.gml")}, IngestOptions{Strict: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Layers["plany"].Inserted != 1 || rep.Layers["strefy"].Inserted != 4 {
		t.Errorf("%s", rep.Summary())
	}
	z, err := st.Get(context.Background(), "strefy", "1POG-1SJ")
	if err != nil || z.Attrs["maks_wysokosc"] != 15.5 || z.Attrs["profil_podstawowy"] != "KPT-MPZP-MN;KPT-MPZP-U;KPT-MPZP-K;KPT-MPZP-ZP;KPT-MPZP-ZD;KPT-MPZP-I" {
		t.Errorf("%v %v", err, z)
	}
}
