package extracts

import (
	"net/http"
	"testing"
	"time"

	"github.com/sip-core/sip/config"
)

// FuzzParseRequest: no request body makes the parser or the polygon reader
// panic, and what is accepted is well-formed.
func FuzzParseRequest(f *testing.F) {
	f.Add([]byte(`{"parcels": ["141201_1.0001.6509/2"], "products": ["gpkg"]}`))
	f.Add([]byte(`{"polygon": {"type":"Polygon","coordinates":[[[19,52],[19.01,52],[19.01,52.01],[19,52]]]}, "crs": "CRS84", "products": ["gml","wyrys"]}`))
	f.Add([]byte(`{"polygon": {"type":"MultiPolygon","coordinates":[[[[500000,400000],[500100,400000],[500100,400100],[500000,400000]]]]}, "crs": "EPSG:2180", "products": ["geojson"]}`))
	f.Add([]byte(`{"polygon": {"type":"Polygon","coordinates":[[[1e308,1e308],[1,2],[3],[1e308,1e308]]]}, "crs": "urn:ogc:def:crs:EPSG::2177", "products": ["x"]}`))
	f.Add([]byte(`{"parcels": [], "products": []}`))
	fees := config.Fees{Currency: "PLN", Products: config.DataFormats, Free: config.DefaultFreeItems,
		Items: []config.Fee{{Document: "wyrys", Electronic: 10500, Unit: "dokument"}}}
	f.Fuzz(func(t *testing.T, body []byte) {
		q, err := ParseRequest(body)
		if err != nil {
			if _, ok := err.(*httpError); !ok {
				t.Fatalf("error of type %T", err)
			}
			return
		}
		if len(q.Parcels) == 0 && len(q.Polygon) == 0 || len(q.Products) == 0 {
			t.Fatalf("accepted an empty request: %+v", q)
		}
		if len(q.Polygon) > 0 {
			if mp, err := parsePolygon(q.Polygon, q.CRS); err == nil && len(mp) == 0 {
				t.Fatal("accepted an empty polygon")
			}
		}
		qt, err := price(fees, "d", nil, q, &Selection{})
		if err == nil && qt.Total < 0 {
			t.Fatalf("negative total %d", qt.Total)
		}
	})
}

// FuzzToken: parsing never panics, and only tokens signed with the key parse.
func FuzzToken(f *testing.F) {
	key := []byte("0123456789abcdef0123456789abcdef")
	f.Add(signToken(key, token{Order: "ord_1", File: "extract.gpkg", Expires: time.Unix(1900000000, 0)}))
	f.Add("abc.def")
	f.Add("")
	f.Add("....")
	f.Fuzz(func(t *testing.T, s string) {
		tok, err := parseToken(key, s)
		if err != nil {
			return
		}
		// An accepted token re-signs to a token that parses to the same fields.
		again, err := parseToken(key, signToken(key, tok))
		if err != nil || again != tok {
			t.Fatalf("round trip %+v -> %+v %v", tok, again, err)
		}
		if _, err := parseToken([]byte("another key, not the server's!!"), s); err == nil {
			t.Fatal("a token verified under two keys")
		}
	})
}

// FuzzWebhookVerify: no body or signature header makes verification panic, and
// a body is only accepted with its own signature.
func FuzzWebhookVerify(f *testing.F) {
	secret := []byte("whsec_0123456789abcdef")
	w := &webhook{name: "payu", secret: secret, header: "X-Signature"}
	good := []byte(`{"order":{"orderId":"P1","extOrderId":"ord_1","totalAmount":"14000","currencyCode":"PLN","status":"COMPLETED"}}`)
	f.Add(good, Sign(secret, good))
	f.Add(good, "sha256="+Sign(secret, good))
	f.Add([]byte(`{"order":{}}`), "signature=00;algorithm=SHA-256")
	f.Add([]byte(`[]`), "")
	f.Fuzz(func(t *testing.T, body []byte, sig string) {
		h := http.Header{}
		h.Set("X-Signature", sig)
		n, err := w.Verify(h, body)
		if err == nil {
			if n.OrderID == "" || n.Status == "" || n.Amount < 0 {
				t.Fatalf("accepted %+v", n)
			}
			if sig != Sign(secret, body) && sig != "sha256="+Sign(secret, body) {
				// PayU's key=value form is the only other accepted spelling.
				h.Set("X-Signature", "signature="+Sign(secret, body))
				if _, err2 := w.Verify(h, body); err2 != nil {
					t.Fatalf("accepted signature %q but not the canonical one", sig)
				}
			}
		}
		// The right signature always passes the signature check.
		h.Set("X-Signature", Sign(secret, body))
		if _, err := w.Verify(h, body); err == ErrBadSignature {
			t.Fatal("valid signature refused")
		}
	})
}
