package roads

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/geo"
	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/store"
)

// Namespace is the identifier namespace of road objects without one of their own.
const Namespace = "PL.SIP.drogi"

// IsRoadFile tells a road GeoJSON from other GeoJSON (planning zones): its
// first 64 KiB hold line geometries and a kategoria (or the topographic
// database's katZarzadzania) property.
func IsRoadFile(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".geojson", ".json":
	default:
		return false
	}
	b := ingest.FileHead(path)
	return bytes.Contains(b, []byte(`LineString"`)) && (bytes.Contains(b, []byte(`"kategoria"`)) || bytes.Contains(b, []byte(`"katZarzadzania"`)))
}

// Road is one feature read from a file.
type Road struct {
	Index  int // 0-based position in the file
	Object *store.Object
	// Problems make the feature unusable (it is reported and left out).
	Problems []string
}

// MaxFileSize bounds a road file (the whole file is decoded at once).
const MaxFileSize = 512 << 20

// Read decodes a GeoJSON FeatureCollection of roads. Coordinates are lon/lat
// (RFC 7946) unless a "crs" member names another CRS, whose easting and
// northing they then are (as GDAL writes them). Properties: id (or the
// feature's id, or lokalnyId), numer, nazwa, kategoria (or katZarzadzania:
// K, W, P, G), zarzadca. A broken file is an error; a bad feature has Problems.
func Read(path string) ([]*Road, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("%s: %d bytes is more than the %d a road file may have", path, fi.Size(), MaxFileSize)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Decode(b, path, fi.ModTime())
}

// Decode is Read on bytes; name labels errors, start is the version start of
// features without an "od" date.
func Decode(b []byte, name string, start time.Time) ([]*Road, error) {
	var head struct {
		Type string `json:"type"`
		CRS  *struct {
			Properties struct {
				Name string `json:"name"`
			} `json:"properties"`
		} `json:"crs"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, fmt.Errorf("%s: not JSON: %v", name, err)
	}
	if head.Type != "FeatureCollection" {
		return nil, fmt.Errorf("%s: GeoJSON type %q (a FeatureCollection of roads is expected)", name, head.Type)
	}
	src := geo.CRS84
	if head.CRS != nil && head.CRS.Properties.Name != "" {
		c, _, err := geo.Parse(head.CRS.Properties.Name)
		if err != nil {
			return nil, fmt.Errorf("%s: crs %q: %v", name, head.CRS.Properties.Name, err)
		}
		if !c.Geographic {
			src = c // otherwise positions are lon, lat whatever the CRS's axis order
		}
	}
	var fc struct {
		Features []*feature `json:"features"`
	}
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	tr, err := geo.NewTransform(src, geo.CRS2180)
	if err != nil {
		return nil, err
	}
	seen := map[string]int{}
	out := make([]*Road, 0, len(fc.Features))
	for i, f := range fc.Features {
		r := decodeFeature(i, f, tr, start)
		if id := r.Object.ID; id != "" {
			if j, dup := seen[id]; dup {
				r.Problems = append(r.Problems, fmt.Sprintf("duplicate id %q (also feature %d)", id, j+1))
			}
			seen[id] = i
		}
		out = append(out, r)
	}
	return out, nil
}

// feature is one GeoJSON feature as a road file has it.
type feature struct {
	ID         any            `json:"id"`
	Properties map[string]any `json:"properties"`
	Geometry   *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

func decodeFeature(i int, f *feature, tr *geo.Transform, start time.Time) *Road {
	r := &Road{Index: i}
	o := &store.Object{Layer: Layer, Namespace: Namespace, Attrs: map[string]any{}}
	r.Object = o
	if f == nil {
		r.Problems = append(r.Problems, "null feature")
		return r
	}
	prop := func(k string) string {
		if v, ok := f.Properties[k]; ok && v != nil {
			return strings.TrimSpace(fmt.Sprint(v))
		}
		return ""
	}
	o.ID = prop("id")
	if o.ID == "" && f.ID != nil {
		o.ID = strings.TrimSpace(fmt.Sprint(f.ID))
	}
	if o.ID == "" {
		o.ID = prop("lokalnyId")
	}
	if o.ID == "" {
		r.Problems = append(r.Problems, "no id (a road needs a stable identifier: id, the feature's id or lokalnyId)")
	} else if len(o.ID) > 200 {
		r.Problems = append(r.Problems, "id longer than 200 characters")
	}
	for _, k := range []string{"numer", "nazwa", "zarzadca"} {
		if v := prop(k); v != "" {
			o.Attrs[k] = v
		}
	}
	if s := prop("numerDrogi"); s != "" && o.Attrs["numer"] == nil {
		o.Attrs["numer"] = s
	}
	cat := prop("kategoria")
	if cat == "" {
		cat = prop("katZarzadzania")
	}
	if c, ok := Category(cat); ok {
		o.Attrs["kategoria"] = c
	} else {
		r.Problems = append(r.Problems, fmt.Sprintf("kategoria %q is not krajowa, wojewodzka, powiatowa or gminna", cat))
	}
	g, err := lines(f, tr)
	if err != nil {
		r.Problems = append(r.Problems, err.Error())
	}
	o.Geometry = g
	o.Version = ingest.ContentVersion(o)
	o.StartObject, o.StartVersion = start, start
	if t, err := time.Parse("2006-01-02", prop("od")); err == nil {
		o.StartObject, o.StartVersion = t, t
	}
	return r
}

// lines converts a (Multi)LineString to EPSG:2180, checking every position.
func lines(f *feature, tr *geo.Transform) (orb.MultiLineString, error) {
	if f.Geometry == nil {
		return nil, errors.New("no geometry")
	}
	var in [][][]float64
	switch f.Geometry.Type {
	case "LineString":
		var ls [][]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &ls); err != nil {
			return nil, fmt.Errorf("LineString coordinates: %v", err)
		}
		in = [][][]float64{ls}
	case "MultiLineString":
		if err := json.Unmarshal(f.Geometry.Coordinates, &in); err != nil {
			return nil, fmt.Errorf("MultiLineString coordinates: %v", err)
		}
	default:
		return nil, fmt.Errorf("geometry %q: a road is a LineString or MultiLineString", f.Geometry.Type)
	}
	if len(in) == 0 {
		return nil, errors.New("empty geometry")
	}
	pl := geo.CRS2180.Bounds().Pad(200000)
	out := make(orb.MultiLineString, 0, len(in))
	for _, ls := range in {
		if len(ls) < 2 {
			return nil, errors.New("a line with fewer than two positions")
		}
		l := make(orb.LineString, len(ls))
		for j, p := range ls {
			if len(p) < 2 {
				return nil, errors.New("a position with fewer than two coordinates")
			}
			x, y := tr.Point(p[0], p[1])
			if math.IsNaN(x) || math.IsNaN(y) || math.IsInf(x, 0) || math.IsInf(y, 0) || !pl.Contains(orb.Point{x, y}) {
				return nil, fmt.Errorf("position %v is outside the area of EPSG:2180 (wrong CRS or axis order?)", p)
			}
			l[j] = orb.Point{x, y}
		}
		out = append(out, l)
	}
	return out, nil
}

// Options control Ingest.
type Options struct {
	// Strict turns a bad feature into a failure of the whole ingest.
	Strict bool
}

// Ingest loads road files into st in one transaction, with the contract of
// the other ingests: a broken file or a store error rolls everything back; a
// bad feature is reported and left out (unless Strict). The store must have
// the road layer (Layers).
func Ingest(ctx context.Context, st store.Store, files []string, opts Options) (*ingest.Report, error) {
	rep := ingest.NewReport(opts.Strict, Layers, 0)
	fail := rep.Fail
	if _, ok := store.LayerByName(st.Layers(), Layer); !ok {
		return fail(nil, fmt.Errorf("the store has no %s layer: roads go into a road dataset (created by the first road ingest)", Layer))
	}
	var all [][]*Road
	for _, f := range files {
		rs, err := Read(f)
		if err != nil {
			return fail(nil, err)
		}
		fi, _ := os.Stat(f)
		rep.Files = append(rep.Files, ingest.FileReport{File: f, Bytes: fi.Size(), Objects: len(rs)})
		all = append(all, rs)
	}
	tx, err := st.Begin(ctx)
	if err != nil {
		return fail(nil, err)
	}
	for k, rs := range all {
		for _, r := range rs {
			if len(r.Problems) > 0 {
				rep.Reject(Layer)
				rep.Files[k].Problems++
				for _, p := range r.Problems {
					rep.AddProblem(ingest.Problem{Severity: "error", File: files[k], Class: "DrogaPubliczna", ID: r.Object.ID, Message: fmt.Sprintf("feature %d: %s", r.Index+1, p)})
				}
				if opts.Strict {
					return fail(tx, fmt.Errorf("strict mode: %s: feature %d: %s", files[k], r.Index+1, r.Problems[0]))
				}
				continue
			}
			res, err := tx.Put(ctx, r.Object)
			if err != nil {
				return fail(tx, fmt.Errorf("%s: feature %d (%s): %w", files[k], r.Index+1, r.Object.ID, err))
			}
			rep.Count(Layer, res)
		}
	}
	return rep.Commit(tx)
}
