package extracts

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/store"
)

func placeOrder(t *testing.T, req Request) orderView {
	t.Helper()
	r := post(t, "/api/extracts/orders", req)
	if r.status != http.StatusCreated {
		t.Fatalf("order: %d %s", r.status, r.body)
	}
	var v orderView
	r.json(t, &v)
	return v
}

func downloadURL(t *testing.T, v orderView, file string) string {
	t.Helper()
	for _, d := range v.Downloads {
		if d.File == file {
			return d.URL
		}
	}
	t.Fatalf("order %s offers no %s: %+v", v.ID, file, v.Downloads)
	return ""
}

func save(t *testing.T, url, name string) string {
	t.Helper()
	r := do(t, http.MethodGet, url, nil)
	if r.status != 200 {
		t.Fatalf("download %s: %d %s", name, r.status, r.body)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, r.body, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// forgeToken signs a token with the server's real key, as if one leaked for an
// order that is not released.
func forgeToken(t *testing.T, order, file string) string {
	t.Helper()
	m := fx.svc.managers[0]
	key, err := m.signingKey(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return signToken(key, token{Order: order, File: file, Expires: time.Now().Add(time.Hour)})
}

func TestManualPaymentFlow(t *testing.T) {
	ps := currentParcels(t)
	chosen := ps[100:104]
	v := placeOrder(t, Request{Parcels: parcelIDs(chosen), Products: []string{"gpkg", "gml", "geojson", "wypis_rejestr_gruntow_bez_danych_osobowych"}, Provider: "manual"})
	if v.State != StateAwaiting || v.Total != 4*2400 || v.Payment == nil || !strings.HasSuffix(v.Payment.RedirectURL, "/api/extracts/orders/"+v.ID) {
		t.Fatalf("new order %+v", v)
	}
	// Unpaid: no download link, and a validly signed token is refused.
	if len(fetchOrder(t, v.ID).Downloads) != 0 {
		t.Fatal("unpaid order offers downloads")
	}
	do(t, http.MethodGet, fx.url+"/download/"+forgeToken(t, v.ID, "extract.gpkg"), nil).problem(t, 404, "UnknownFile")
	fx.svc.managers[0].db().db.Exec(t.Context(), `UPDATE extracts_orders SET files='["extract.gpkg"]' WHERE id=?`, v.ID) // even with files recorded
	do(t, http.MethodGet, fx.url+"/download/"+forgeToken(t, v.ID, "extract.gpkg"), nil).problem(t, 403, "NotReleased")
	do(t, http.MethodGet, fx.url+"/download/not-a-token", nil).problem(t, 403, "InvalidToken")

	confirm := func(body string, hdr ...string) response {
		return post(t, "/api/extracts/orders/"+v.ID+"/confirm", body, hdr...)
	}
	auth := []string{"Authorization", "Bearer " + adminKey}
	confirm(`{"amount": 9600, "currency": "PLN", "reference": "T1"}`).problem(t, 401, "Unauthorized")
	confirm(`{"amount": 9600, "currency": "PLN", "reference": "T1"}`, "Authorization", "Bearer wrong").problem(t, 401, "Unauthorized")
	confirm(`{"amount": 9500, "currency": "PLN", "reference": "T1"}`, auth...).problem(t, 409, "PaymentMismatch")
	confirm(`{"amount": 9600, "currency": "EUR", "reference": "T1"}`, auth...).problem(t, 409, "PaymentMismatch")
	confirm(`{"amount": 9600}`, auth...).problem(t, 400, "InvalidRequest")
	if s := fetchOrder(t, v.ID).State; s != StateAwaiting {
		t.Fatalf("rejected confirmations changed the order to %s", s)
	}
	if r := confirm(`{"amount": 9600, "currency": "PLN", "reference": "PL61 1090 1014 T1"}`, auth...); r.status != 200 {
		t.Fatalf("confirm: %d %s", r.status, r.body)
	}
	// The same confirmation again changes nothing; a second transfer charges
	// nothing more and is flagged for a refund.
	if r := confirm(`{"amount": 9600, "currency": "PLN", "reference": "PL61 1090 1014 T1"}`, auth...); r.status != 200 {
		t.Fatalf("repeated confirm: %d %s", r.status, r.body)
	}
	confirm(`{"amount": 9600, "currency": "PLN", "reference": "T2"}`, auth...).problem(t, 409, "AlreadyPaid")
	post(t, "/api/extracts/orders/"+v.ID+"/cancel", "").problem(t, 409, "InvalidState")
	ready := waitState(t, v.ID, StateReady)
	if n, _ := fx.svc.managers[0].db().Charges(t.Context(), v.ID); n != 1 {
		t.Errorf("%d charges", n)
	}
	want := []string{"extract.gpkg", "extract.gml", "extract.geojson", "wypis_rejestr_gruntow_bez_danych_osobowych.txt", "doo.txt"}
	var got []string
	for _, d := range ready.Downloads {
		got = append(got, d.File)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	checkGPKG(t, save(t, downloadURL(t, ready, "extract.gpkg"), "extract.gpkg"), chosen)
	checkGML(t, save(t, downloadURL(t, ready, "extract.gml"), "extract.gml"), chosen)
	checkGeoJSON(t, save(t, downloadURL(t, ready, "extract.geojson"), "extract.geojson"), chosen)
	doo := string(do(t, http.MethodGet, downloadURL(t, ready, "doo.txt"), nil).body)
	if !strings.Contains(doo, "DOKUMENT OBLICZENIA OPŁATY") || !strings.Contains(doo, "RAZEM: 96,00 zł (9600 gr, PLN)") || !strings.Contains(doo, "art. 40a ust. 2 pkt 1") {
		t.Errorf("DOO:\n%s", doo)
	}
	wypis := string(do(t, http.MethodGet, downloadURL(t, ready, "wypis_rejestr_gruntow_bez_danych_osobowych.txt"), nil).body)
	for _, p := range chosen {
		if !strings.Contains(wypis, str(p, "id_dzialki")) {
			t.Errorf("wypis lacks %s", str(p, "id_dzialki"))
		}
	}
	if !strings.Contains(wypis, "NAZWA_OBREBU") {
		t.Errorf("wypis without KIEG fields:\n%s", wypis)
	}
	// max_downloads is 2: the second download of doo.txt works, the third not.
	if r := do(t, http.MethodGet, downloadURL(t, ready, "doo.txt"), nil); r.status != 200 || r.header.Get("X-Download-Count") != "2" {
		t.Fatalf("second download: %d %v", r.status, r.header)
	}
	do(t, http.MethodGet, downloadURL(t, ready, "doo.txt"), nil).problem(t, 410, "DownloadLimit")
	if s := fetchOrder(t, v.ID).State; s != StateDownloaded {
		t.Errorf("state %s after downloads", s)
	}
	// A tampered token is refused.
	u := downloadURL(t, ready, "extract.gml")
	do(t, http.MethodGet, u[:len(u)-2]+"xx", nil).problem(t, 403, "InvalidToken")

	a := auditOf(t, fx.url, v.ID)
	for action, n := range map[string]int{"quoted": 1, "awaiting_payment": 1, "paid": 1, "payment_double": 1, "generation_started": 1, "generated": 1, "downloaded": 6} {
		if c := countActions(a, action); c != n {
			t.Errorf("audit has %d %q, want %d: %+v", c, action, n, a)
		}
	}
	for _, e := range a {
		if e.Action == "paid" && (e.Amount != 9600 || e.Actor != "key:office" || !strings.Contains(e.Detail, "PL61 1090 1014 T1")) {
			t.Errorf("paid entry %+v", e)
		}
	}
	// Admin only.
	do(t, http.MethodGet, fx.url+"/api/extracts/orders/"+v.ID+"/audit", nil).problem(t, 401, "Unauthorized")
}

// checkGPKG validates a GeoPackage with GDAL's validator and reads it back with ogrinfo.
func checkGPKG(t *testing.T, path string, parcels []*store.Object) {
	t.Helper()
	script := "/usr/lib/python3/dist-packages/osgeo_utils/samples/validate_gpkg.py"
	if _, err := os.Stat(script); err != nil {
		t.Skip("validate_gpkg.py missing (Debian python3-gdal)")
	}
	if out, err := exec.Command("/usr/bin/python3", script, "--extra", "--warning-as-error", path).CombinedOutput(); err != nil {
		t.Fatalf("validate_gpkg.py: %v\n%s", err, out)
	}
	out := ogrinfo(t, "-al", "-geom=NO", path, "dzialki")
	if n := featureCount(t, out); n != len(parcels) {
		t.Errorf("gpkg: %d parcels, want %d", n, len(parcels))
	}
	for _, p := range parcels {
		if !strings.Contains(out, "id_dzialki (String) = "+str(p, "id_dzialki")) {
			t.Errorf("gpkg lacks %s", str(p, "id_dzialki"))
		}
	}
	for _, col := range strings.Split(out, "\n") {
		if strings.Contains(col, "pesel") || strings.Contains(col, "wlasciciel") {
			t.Errorf("personal column: %s", col)
		}
	}
}

func ogrinfo(t *testing.T, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath("ogrinfo"); err != nil {
		t.Skip("ogrinfo missing (Debian gdal-bin)")
	}
	out, err := exec.Command("ogrinfo", append([]string{"-ro", "-q"}, args...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("ogrinfo %v: %v\n%s", args, err, out)
	}
	return string(out)
}

var featureRE = regexp.MustCompile(`(?m)^OGRFeature\(`)

func featureCount(t *testing.T, out string) int { return len(featureRE.FindAllString(out, -1)) }

// checkGML reads the GML with GDAL and checks the first vertex of every parcel
// against the store: GML in EPSG:2180 is northing first, which GDAL honours.
func checkGML(t *testing.T, path string, parcels []*store.Object) {
	t.Helper()
	out := ogrinfo(t, "-al", path, "dzialki")
	if n := featureCount(t, out); n != len(parcels) {
		t.Fatalf("gml: %d parcels, want %d\n%s", n, len(parcels), out[:min(len(out), 2000)])
	}
	// GDAL reads urn:ogc:def:crs:EPSG::2180 positions as northing, easting and
	// prints WKT as easting, northing: a GML written E,N would come out swapped.
	recs := strings.Split(out, "OGRFeature(")
	for _, p := range parcels {
		id := str(p, "id_dzialki")
		var rec string
		for _, r := range recs {
			if strings.Contains(r, "id_dzialki (String) = "+id+"\n") {
				rec = r
			}
		}
		if rec == "" {
			t.Errorf("gml lacks %s", id)
			continue
		}
		m := regexp.MustCompile(`MULTIPOLYGON \(\(\(([-0-9.]+) ([-0-9.]+)`).FindStringSubmatch(rec)
		if m == nil {
			t.Errorf("%s: no geometry in %s", id, rec)
			continue
		}
		a, _ := strconv.ParseFloat(m[1], 64)
		b, _ := strconv.ParseFloat(m[2], 64)
		v := firstVertex(p)
		if !near(a, v[0]) || !near(b, v[1]) {
			t.Errorf("%s: GML first vertex %v %v, store E,N %v", id, a, b, v)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.001 }

func checkGeoJSON(t *testing.T, path string, parcels []*store.Object) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			ID       string
			Geometry struct {
				Type        string
				Coordinates [][][][2]float64
			}
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		t.Fatal(err)
	}
	tr, _ := geo.NewTransform(geo.MustParse("EPSG:2180"), geo.MustParse("CRS84"))
	n := 0
	for _, f := range fc.Features {
		if f.Properties["layer"] != "dzialki" {
			continue
		}
		n++
		var p *store.Object
		for _, q := range parcels {
			if q.ID == f.Properties["lokalny_id"] {
				p = q
			}
		}
		if p == nil {
			t.Errorf("unexpected parcel %v", f.Properties["id_dzialki"])
			continue
		}
		if f.Properties["id_dzialki"] != str(p, "id_dzialki") {
			t.Errorf("props %v", f.Properties)
		}
		v := firstVertex(p)
		lon, lat := tr.Point(v[0], v[1])
		got := f.Geometry.Coordinates[0][0][0]
		if math.Abs(got[0]-lon) > 1e-7 || math.Abs(got[1]-lat) > 1e-7 || lon < 14 || lon > 25 || lat < 49 || lat > 55 {
			t.Errorf("%s: first position %v, want lon/lat %v %v", str(p, "id_dzialki"), got, lon, lat)
		}
	}
	if n != len(parcels) {
		t.Errorf("geojson: %d parcels, want %d", n, len(parcels))
	}
	// the GDAL reader agrees on the count
	if out := ogrinfo(t, "-al", "-geom=NO", path); featureCount(t, out) != len(fc.Features) {
		t.Errorf("ogrinfo reads %d features, the JSON has %d", featureCount(t, out), len(fc.Features))
	}
}

func TestWebhookNotifications(t *testing.T) {
	ps := currentParcels(t)
	chosen := ps[200:202]
	v := placeOrder(t, Request{Parcels: parcelIDs(chosen), Products: []string{"geojson", "wypis_wyrys"}, Provider: "payu"})
	if v.State != StateAwaiting || v.Total != 14000 {
		t.Fatalf("order %+v", v)
	}
	if want := "https://pay.example/checkout/" + v.ID + "?amount=14000"; v.Payment == nil || v.Payment.RedirectURL != want {
		t.Fatalf("redirect %+v, want %s", v.Payment, want)
	}
	body := func(id, amount, currency, status string) string {
		return fmt.Sprintf(`{"order":{"orderId":"PAYU-%s","extOrderId":%q,"totalAmount":%q,"currencyCode":%q,"status":%q}}`, id, v.ID, amount, currency, status)
	}
	notify := func(b string, sig string) response {
		if sig == "" {
			return post(t, "/api/payments/payu/notify", b)
		}
		return post(t, "/api/payments/payu/notify", b, "OpenPayu-Signature", sig)
	}
	good := body("1", "14000", "PLN", "COMPLETED")
	state := func() string { return fetchOrder(t, v.ID).State }

	// Forged: no signature, a wrong secret, a signature of another body.
	notify(good, "").problem(t, 401, "InvalidSignature")
	notify(good, "sender=checkout;signature="+Sign([]byte("not-the-secret-at-all"), []byte(good))+";algorithm=SHA-256").problem(t, 401, "InvalidSignature")
	notify(good, Sign([]byte(webhookSecret), []byte(body("1", "1", "PLN", "COMPLETED")))).problem(t, 401, "InvalidSignature")
	notify(good, "zz").problem(t, 401, "InvalidSignature")
	if s := state(); s != StateAwaiting {
		t.Fatalf("forged notifications moved the order to %s", s)
	}
	// Signed but not matching the order: rejected and logged in the audit log.
	sign := func(b string) string { return Sign([]byte(webhookSecret), []byte(b)) }
	low := body("1", "100", "PLN", "COMPLETED")
	notify(low, sign(low)).problem(t, 400, "PaymentMismatch")
	eur := body("1", "14000", "EUR", "COMPLETED")
	notify(eur, "sha256="+sign(eur)).problem(t, 400, "PaymentMismatch")
	if s := state(); s != StateAwaiting {
		t.Fatalf("mismatched notifications moved the order to %s", s)
	}
	// The right one, with PayU's header syntax.
	r := notify(good, "sender=checkout;signature="+sign(good)+";algorithm=SHA-256;content=DOCUMENT")
	if r.status != 200 || !strings.Contains(string(r.body), PaymentApplied) {
		t.Fatalf("good notification: %d %s", r.status, r.body)
	}
	// Replayed, and the same payment repeated with another body (the operator's
	// retry, with its receipt time), and a late CANCELED: acknowledged, nothing
	// changes.
	for i := 0; i < 3; i++ {
		if r := notify(good, sign(good)); r.status != 200 || !strings.Contains(string(r.body), "duplicate") {
			t.Fatalf("replay %d: %d %s", i, r.status, r.body)
		}
	}
	retry := strings.TrimSuffix(good, "}") + `,"localReceiptDateTime":"2024-05-06T10:00:00.000+02:00"}`
	if r := notify(retry, sign(retry)); r.status != 200 || !strings.Contains(string(r.body), "duplicate") {
		t.Fatalf("retry: %d %s", r.status, r.body)
	}
	// A second, distinct payment (the customer paid twice): acknowledged so that
	// the operator stops sending it, charged nothing, and flagged once for a
	// refund in the audit log, also when the operator sends it again.
	again := body("2", "14000", "PLN", "COMPLETED")
	for i, b := range []string{again, strings.TrimSuffix(again, "}") + `,"localReceiptDateTime":"2024-05-06T11:00:00.000+02:00"}`} {
		if r := notify(b, sign(b)); r.status != 200 || !strings.Contains(string(r.body), `"`+PaymentDouble+`"`) {
			t.Fatalf("second payment (%d): %d %s", i, r.status, r.body)
		}
	}
	cancel := body("1", "14000", "PLN", "CANCELED")
	if r := notify(cancel, sign(cancel)); r.status != 200 {
		t.Fatalf("late cancel: %d %s", r.status, r.body)
	}
	ready := waitState(t, v.ID, StateReady)
	if n, _ := fx.svc.managers[0].db().Charges(t.Context(), v.ID); n != 1 {
		t.Errorf("%d charges", n)
	}
	a := auditOf(t, fx.url, v.ID)
	if countActions(a, "paid") != 1 || countActions(a, "generated") != 1 || countActions(a, "payment_rejected") != 2 || countActions(a, "cancelled") != 0 ||
		countActions(a, "payment_double") != 1 {
		t.Errorf("audit %+v", a)
	}
	for _, e := range a {
		if e.Action == "paid" && (e.Actor != "provider:payu" || e.Amount != 14000) {
			t.Errorf("paid entry %+v", e)
		}
		if e.Action == "payment_double" && (e.Actor != "provider:payu" || e.Amount != 14000 ||
			!strings.Contains(e.Detail, "payment PAYU-2 received for an order already charged by payment PAYU-1; refund it")) {
			t.Errorf("second payment entry %+v", e)
		}
	}
	checkGeoJSON(t, save(t, downloadURL(t, ready, "extract.geojson"), "x.geojson"), chosen)

	// Unknown provider, and the manual provider takes no notifications.
	post(t, "/api/payments/nope/notify", good).problem(t, 404, "UnknownProvider")
	post(t, "/api/payments/manual/notify", good).problem(t, 400, "InvalidNotification")

	// A cancelled payment cancels an unpaid order; a later completion is not charged.
	v2 := placeOrder(t, Request{Parcels: parcelIDs(ps[210:211]), Products: []string{"wyrys"}, Provider: "payu"})
	c2 := fmt.Sprintf(`{"order":{"orderId":"PAYU-9","extOrderId":%q,"totalAmount":"5250","currencyCode":"PLN","status":"CANCELED"}}`, v2.ID)
	if r := notify(c2, sign(c2)); r.status != 200 || fetchOrder(t, v2.ID).State != StateCancelled {
		t.Fatalf("cancel: %d %s", r.status, r.body)
	}
	p2 := fmt.Sprintf(`{"order":{"orderId":"PAYU-9","extOrderId":%q,"totalAmount":"5250","currencyCode":"PLN","status":"COMPLETED"}}`, v2.ID)
	if r := notify(p2, sign(p2)); r.status != 200 || !strings.Contains(string(r.body), PaymentLate) {
		t.Fatalf("late payment: %d %s", r.status, r.body)
	}
	if n, _ := fx.svc.managers[0].db().Charges(t.Context(), v2.ID); n != 0 || fetchOrder(t, v2.ID).State != StateCancelled {
		t.Errorf("cancelled order charged (%d) or revived", n)
	}
	if a := auditOf(t, fx.url, v2.ID); countActions(a, "payment_late") != 1 {
		t.Errorf("late payment not audited: %+v", a)
	}
}

func TestFreeOrder(t *testing.T) {
	ps := currentParcels(t)
	v := placeOrder(t, Request{Parcels: parcelIDs(ps[300:302]), Products: []string{"gpkg"}})
	if v.Total != 0 || v.Payment != nil {
		t.Fatalf("free order %+v", v)
	}
	ready := waitState(t, v.ID, StateReady)
	checkGPKG(t, save(t, downloadURL(t, ready, "extract.gpkg"), "free.gpkg"), ps[300:302])
	a := auditOf(t, fx.url, v.ID)
	if countActions(a, "paid") != 1 || a[1].Detail != "nothing to pay: every item is free by law" {
		t.Errorf("audit %+v", a)
	}
	if n, _ := fx.svc.managers[0].db().Charges(t.Context(), v.ID); n != 0 {
		t.Errorf("free order charged")
	}
}

func TestExpiry(t *testing.T) {
	ps := currentParcels(t)
	v := placeOrder(t, Request{Parcels: parcelIDs(ps[310:311]), Products: []string{"geojson"}})
	ready := waitState(t, v.ID, StateReady)
	u := downloadURL(t, ready, "extract.geojson")
	// Move the deadline into the past: the link stops working and the order expires.
	if _, err := fx.svc.managers[0].db().db.Exec(t.Context(), `UPDATE extracts_orders SET expires_at=? WHERE id=?`, ts(time.Now().Add(-time.Minute)), v.ID); err != nil {
		t.Fatal(err)
	}
	do(t, http.MethodGet, u, nil).problem(t, 410, "Expired")
	if s := fetchOrder(t, v.ID).State; s != StateExpired {
		t.Errorf("state %s", s)
	}
	if len(fetchOrder(t, v.ID).Downloads) != 0 {
		t.Error("expired order offers downloads")
	}
	// A token whose own deadline passed.
	key, _ := fx.svc.managers[0].signingKey(t.Context())
	old := signToken(key, token{Order: v.ID, File: "extract.geojson", Expires: time.Now().Add(-time.Second)})
	do(t, http.MethodGet, fx.url+"/download/"+old, nil).problem(t, 410, "Expired")
}

func firstVertex(o *store.Object) orb.Point {
	return o.Geometry.(orb.MultiPolygon)[0][0][0]
}
