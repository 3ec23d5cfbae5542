package egib

import (
	"errors"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// sharedData is the project's shared sample directory, relative to this package
// (module root ../shared/data).
const sharedData = "../../../shared/data"

func openShared(t *testing.T, rel string) *os.File {
	t.Helper()
	p := filepath.Join(sharedData, rel)
	f, err := os.Open(p)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			t.Skipf("shared sample %s not present (%v): skipping real-data test", p, err)
		}
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func readAll(t *testing.T, r *Reader) (fs []*Feature, errs []error) {
	t.Helper()
	for {
		f, err := r.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			if IsFatal(err) {
				t.Fatalf("fatal: %v", err)
			}
			errs = append(errs, err)
			continue
		}
		fs = append(fs, f)
	}
}

// The first vertex of parcel 221101_1.0001.138/28 is "6053434.46 6551924.66"
// (EPSG:2177, northing first). Reference from PROJ:
//
//	echo "6053434.46 6551924.66" | cs2cs -f %.4f EPSG:2177 EPSG:2180
//	749383.9004	487321.7509 0.0000      (EPSG:2180 authority order: N E)
const wantE, wantN = 487321.7509, 749383.9004

func TestReal2015Parcel(t *testing.T) {
	f := openShared(t, "egib_2015/221101_1.0001.138_28.gml")
	r := NewReader(f, "221101_1.0001.138_28.gml")
	fs, errs := readAll(t, r)
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	if len(fs) != 1 {
		t.Fatalf("got %d features, want 1 (the KR_ObiektKarto label is not published)", len(fs))
	}
	ft := fs[0]
	o := ft.Object
	if ft.Class != "EGB_DzialkaEwidencyjna" || o.Layer != "dzialki" {
		t.Errorf("class %s layer %s", ft.Class, o.Layer)
	}
	if ft.GMLID != "PL.PZGiK.1385.EGiB_df8079b0-4dee-4858-8283-b173c8d7dae8_2011-04-04T11-31-45" {
		t.Errorf("gml:id %q", ft.GMLID)
	}
	if ft.Line != 14 {
		t.Errorf("line %d, want 14", ft.Line)
	}
	if ft.SRSName != "urn:ogc:def:crs:EPSG::2177" {
		t.Errorf("srsName %q", ft.SRSName)
	}
	if o.ID != "df8079b0-4dee-4858-8283-b173c8d7dae8" || o.Namespace != "PL.PZGiK.1385.EGiB" || o.Version != "2011-04-04T11:31:45" {
		t.Errorf("identity %q %q %q", o.ID, o.Namespace, o.Version)
	}
	// 2006-03-21T07:55:06 Warsaw (CET, +01:00) = 06:55:06 UTC;
	// 2011-04-04T11:31:45 Warsaw (CEST, +02:00) = 09:31:45 UTC.
	if want := time.Date(2006, 3, 21, 6, 55, 6, 0, time.UTC); !o.StartObject.Equal(want) || o.StartObject.Location() != time.UTC {
		t.Errorf("startObiekt %v, want %v", o.StartObject, want)
	}
	if want := time.Date(2011, 4, 4, 9, 31, 45, 0, time.UTC); !o.StartVersion.Equal(want) {
		t.Errorf("startWersjaObiekt %v, want %v", o.StartVersion, want)
	}
	if !o.EndVersion.IsZero() || !o.EndObject.IsZero() || !o.Current() {
		t.Errorf("expected a current version")
	}
	want := map[string]any{
		"id_dzialki":       "221101_1.0001.138/28",
		"numer_dzialki":    "138/28",
		"numer_arkusza":    nil,
		"id_obrebu":        "221101_1.0001",
		"pole_ewidencyjne": 0.0255,
		"dokladnosc_pola":  "1",
		"numer_kw":         nil,
		"klasouzytki":      nil, // 2015: klasouzytekWGranicachDzialki is only an xlink
		"grupa_rejestrowa": nil,
		"adresy":           nil, // adresDzialki points to an address not in the file
	}
	for k, v := range want {
		if got, ok := o.Attrs[k]; !ok || got != v {
			t.Errorf("%s = %#v, want %#v", k, got, v)
		}
	}
	if len(o.Attrs) != len(want) {
		t.Errorf("attrs %v: only the layer's columns expected", o.Attrs)
	}
	if ft.JRG != "827a0bfa-97bb-49f4-be88-8d70b13523bb" {
		t.Errorf("JRG ref %q", ft.JRG)
	}
	mp, ok := o.Geometry.(orb.MultiPolygon)
	if !ok || len(mp) != 1 || len(mp[0]) != 1 || len(mp[0][0]) != 7 {
		t.Fatalf("geometry %#v", o.Geometry)
	}
	p := mp[0][0][0]
	checkVertex(t, p, wantE, wantN)
	if live := cs2cs(t, "6053434.46 6551924.66"); live != nil {
		checkVertex(t, p, live[1], live[0])
	}
	if st := r.Stats(); st.Objects != 1 || st.Problems != 0 || st.Personal != 0 {
		t.Errorf("stats %+v", st)
	}
}

func checkVertex(t *testing.T, p orb.Point, e, n float64) {
	t.Helper()
	if math.Abs(p[0]-e) > 0.001 || math.Abs(p[1]-n) > 0.001 {
		t.Errorf("first vertex E,N = %.4f %.4f, want %.4f %.4f (±1 mm)", p[0], p[1], e, n)
	}
}

// cs2cs runs PROJ when installed and returns the EPSG:2180 (N, E) of an EPSG:2177 (N E) input.
func cs2cs(t *testing.T, in string) []float64 {
	path, err := exec.LookPath("cs2cs")
	if err != nil {
		t.Log("cs2cs not installed: using the hard-coded PROJ result only")
		return nil
	}
	cmd := exec.Command(path, "-f", "%.4f", "EPSG:2177", "EPSG:2180")
	cmd.Stdin = strings.NewReader(in + "\n")
	out, err := cmd.Output()
	if err != nil {
		t.Logf("cs2cs failed: %v", err)
		return nil
	}
	f := strings.Fields(string(out))
	if len(f) < 2 {
		return nil
	}
	n, err1 := strconv.ParseFloat(f[0], 64)
	e, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil {
		return nil
	}
	return []float64{n, e}
}

func TestReal2015LargeParcel(t *testing.T) {
	f := openShared(t, "egib_2015/221101_1.0001.34_6.gml")
	fs, errs := readAll(t, NewReader(f, "221101_1.0001.34_6.gml"))
	if len(errs) != 0 || len(fs) != 1 {
		t.Fatalf("features %d errors %v", len(fs), errs)
	}
	o := fs[0].Object
	if o.Attrs["id_dzialki"] != "221101_1.0001.34/6" || o.Attrs["numer_dzialki"] != "34/6" || o.Attrs["pole_ewidencyjne"] != 40.0935 {
		t.Errorf("attrs %v", o.Attrs)
	}
	mp := o.Geometry.(orb.MultiPolygon)
	ring := mp[0][0]
	if len(ring) != 92 {
		t.Errorf("ring has %d vertices, want 92 (184 numbers in the posList)", len(ring))
	}
	// The planar area of the posList in EPSG:2177 is 40.2931 ha (the file's pole
	// ewidencyjne, 40.0935 ha, is a legal figure, not the polygon's area). The two TM
	// grids differ in scale by about 0.13 % here (k0 0.999923 vs 0.9993).
	area := math.Abs(ringArea(ring)) / 10000
	if math.Abs(area-40.2931)/40.2931 > 0.002 {
		t.Errorf("polygon area %.4f ha in EPSG:2180, source area 40.2931 ha", area)
	}
}

func ringArea(r orb.Ring) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s / 2
}
