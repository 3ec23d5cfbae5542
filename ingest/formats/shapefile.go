package formats

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
	"github.com/sip-core/sip/geo"
	"golang.org/x/text/encoding/charmap"
)

// ShapefileError is a problem that makes a Shapefile unreadable.
type ShapefileError struct {
	File   string
	Record int // 1-based record number, 0 for the header
	Msg    string
}

func (e *ShapefileError) Error() string {
	if e.Record > 0 {
		return fmt.Sprintf("%s: record %d: %s", e.File, e.Record, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// sidecar finds base+ext in any letter case (.dbf, .DBF).
func sidecar(shp, ext string) string {
	base := strings.TrimSuffix(shp, filepath.Ext(shp))
	for _, e := range []string{strings.ToLower(ext), strings.ToUpper(ext)} {
		if _, err := os.Stat(base + e); err == nil {
			return base + e
		}
	}
	return ""
}

// ReadShapefileFile reads a .shp with its .dbf, .prj and .cpg.
func ReadShapefileFile(path string) ([]*Feature, error) {
	shp, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var dbf []byte
	if p := sidecar(path, ".dbf"); p != "" {
		if dbf, err = os.ReadFile(p); err != nil {
			return nil, err
		}
	}
	var prj, cpg string
	if p := sidecar(path, ".prj"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		prj = string(b)
	}
	if p := sidecar(path, ".cpg"); p != "" {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		cpg = string(b)
	}
	if prj == "" {
		return nil, &ShapefileError{File: path, Msg: "no .prj file: the coordinate system is unknown (export the layer with its .prj)"}
	}
	return ReadShapefile(shp, dbf, prj, cpg, path)
}

// ReadShapefile decodes a Shapefile from the contents of its .shp, .dbf (may be
// nil), .prj and .cpg (may be "") files.
func ReadShapefile(shp, dbf []byte, prj, cpg, name string) ([]*Feature, error) {
	src, err := CRSFromPRJ(prj)
	if err != nil {
		return nil, &ShapefileError{File: name, Msg: ".prj: " + err.Error()}
	}
	if len(shp) < 100 {
		return nil, &ShapefileError{File: name, Msg: "not a Shapefile: shorter than its 100-byte header"}
	}
	if binary.BigEndian.Uint32(shp[0:4]) != 9994 {
		return nil, &ShapefileError{File: name, Msg: "not a Shapefile: bad file code"}
	}
	st := int32(binary.LittleEndian.Uint32(shp[32:36]))
	switch st {
	case 0, 5, 15, 25:
	default:
		return nil, &ShapefileError{File: name, Msg: fmt.Sprintf("shape type %d: planning zones must be polygons (5, 15 or 25)", st)}
	}
	var table *dbfTable
	if dbf != nil {
		table, err = readDBF(dbf, cpg)
		if err != nil {
			return nil, &ShapefileError{File: name, Msg: ".dbf: " + err.Error()}
		}
	}
	layer := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	var out []*Feature
	off := 100
	end := len(shp)
	if fl := int(binary.BigEndian.Uint32(shp[24:28])) * 2; fl >= 100 && fl < end {
		end = fl
	}
	for rec := 1; off+8 <= end; rec++ {
		clen := int(binary.BigEndian.Uint32(shp[off+4:off+8])) * 2
		if clen < 4 || off+8+clen > len(shp) || clen < 0 {
			return nil, &ShapefileError{File: name, Record: rec, Msg: fmt.Sprintf("record of %d bytes runs past the end of the file (truncated?)", clen)}
		}
		body := shp[off+8 : off+8+clen]
		off += 8 + clen
		f := &Feature{File: name, Layer: layer, Index: rec - 1, FID: strconv.Itoa(rec)}
		g, err := shpPolygon(body)
		if err != nil {
			return nil, &ShapefileError{File: name, Record: rec, Msg: err.Error()}
		}
		if table != nil {
			if rec-1 >= len(table.rows) {
				return nil, &ShapefileError{File: name, Record: rec, Msg: fmt.Sprintf(".dbf has only %d records", len(table.rows))}
			}
			if table.deleted[rec-1] {
				continue
			}
			f.Props = table.rows[rec-1]
		} else {
			f.Props = map[string]any{}
		}
		finish(f, g, src)
		out = append(out, f)
	}
	if table != nil && len(table.rows) != len(out)+table.nDeleted() {
		return nil, &ShapefileError{File: name, Msg: fmt.Sprintf(".shp has %d records, .dbf %d", len(out)+table.nDeleted(), len(table.rows))}
	}
	return out, nil
}

func shpPolygon(b []byte) (orb.MultiPolygon, error) {
	typ := int32(binary.LittleEndian.Uint32(b[0:4]))
	if typ == 0 {
		return nil, nil
	}
	if typ != 5 && typ != 15 && typ != 25 {
		return nil, fmt.Errorf("shape type %d in a polygon file", typ)
	}
	if len(b) < 44 {
		return nil, errors.New("polygon record shorter than its header")
	}
	nParts := int(int32(binary.LittleEndian.Uint32(b[36:40])))
	nPoints := int(int32(binary.LittleEndian.Uint32(b[40:44])))
	if nParts < 0 || nPoints < 0 || nParts > len(b)/4 || nPoints > len(b)/16 || 44+4*nParts+16*nPoints > len(b) {
		return nil, fmt.Errorf("polygon with %d parts and %d points does not fit its %d-byte record", nParts, nPoints, len(b))
	}
	parts := make([]int, nParts+1)
	for i := 0; i < nParts; i++ {
		parts[i] = int(int32(binary.LittleEndian.Uint32(b[44+4*i:])))
	}
	parts[nParts] = nPoints
	pb := b[44+4*nParts:]
	var rings []orb.Ring
	for i := 0; i < nParts; i++ {
		s, e := parts[i], parts[i+1]
		if s < 0 || e > nPoints || s > e {
			return nil, fmt.Errorf("part %d points at %d..%d of %d points", i, s, e, nPoints)
		}
		r := make(orb.Ring, 0, e-s)
		for j := s; j < e; j++ {
			x := math.Float64frombits(binary.LittleEndian.Uint64(pb[16*j:]))
			y := math.Float64frombits(binary.LittleEndian.Uint64(pb[16*j+8:]))
			r = append(r, orb.Point{x, y})
		}
		rings = append(rings, r)
	}
	return assembleRings(rings), nil
}

// assembleRings groups Shapefile rings into polygons: clockwise rings are shells,
// counter-clockwise ones holes of the smallest shell that contains them. A file
// whose rings all run counter-clockwise (some writers ignore the rule) is read as
// shells only.
func assembleRings(rings []orb.Ring) orb.MultiPolygon {
	var shells, holes []orb.Ring
	for _, r := range rings {
		if len(r) < 3 {
			shells = append(shells, r) // reported by checkRings
			continue
		}
		if signedArea(r) < 0 {
			shells = append(shells, r)
		} else {
			holes = append(holes, r)
		}
	}
	if len(shells) == 0 {
		shells, holes = holes, nil
	}
	mp := make(orb.MultiPolygon, len(shells))
	for i, s := range shells {
		mp[i] = orb.Polygon{s}
	}
	for _, h := range holes {
		best, bestArea := -1, math.Inf(1)
		for i, s := range shells {
			if len(s) < 4 || len(h) == 0 {
				continue
			}
			if s.Bound().Contains(h[0]) && planar.RingContains(s, h[0]) {
				if a := math.Abs(signedArea(s)); a < bestArea {
					best, bestArea = i, a
				}
			}
		}
		if best < 0 {
			mp = append(mp, orb.Polygon{h}) // a hole outside every shell: an island
			continue
		}
		mp[best] = append(mp[best], h)
	}
	return mp
}

func signedArea(r orb.Ring) float64 {
	var a float64
	for i := 0; i+1 < len(r); i++ {
		a += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return a / 2
}

// dbfTable is a decoded .dbf.
type dbfTable struct {
	rows    []map[string]any
	deleted []bool
}

func (t *dbfTable) nDeleted() int {
	n := 0
	for _, d := range t.deleted {
		if d {
			n++
		}
	}
	return n
}

type dbfField struct {
	name   string
	typ    byte
	length int
	dec    int
}

// textDecoder picks the attribute text encoding: the .cpg first, then the
// language driver byte of the header, then UTF-8 when the text is valid UTF-8 and
// Windows-1250 (the Polish ANSI code page) otherwise.
func textDecoder(cpg string, ldid byte) (func([]byte) (string, error), error) {
	utf8dec := func(b []byte) (string, error) {
		if !utf8.Valid(b) {
			return "", errors.New("text is not valid UTF-8")
		}
		return string(b), nil
	}
	cp1250 := func(b []byte) (string, error) { return charmap.Windows1250.NewDecoder().String(string(b)) }
	c := strings.ToUpper(strings.TrimSpace(cpg))
	c = strings.TrimPrefix(c, "ANSI ")
	switch c {
	case "UTF-8", "UTF8", "65001":
		return utf8dec, nil
	case "1250", "CP1250", "WINDOWS-1250", "WIN1250":
		return cp1250, nil
	case "ISO-8859-2", "ISO88592", "8859-2", "28592", "LATIN2":
		return func(b []byte) (string, error) { return charmap.ISO8859_2.NewDecoder().String(string(b)) }, nil
	case "1252", "CP1252", "WINDOWS-1252", "ISO-8859-1", "ISO88591", "LATIN1":
		return func(b []byte) (string, error) { return charmap.Windows1252.NewDecoder().String(string(b)) }, nil
	case "":
	default:
		return nil, fmt.Errorf("unsupported .cpg encoding %q", strings.TrimSpace(cpg))
	}
	switch ldid {
	case 0xC8:
		return cp1250, nil
	case 0x64:
		return func(b []byte) (string, error) { return charmap.CodePage852.NewDecoder().String(string(b)) }, nil
	}
	return func(b []byte) (string, error) {
		if utf8.Valid(b) {
			return string(b), nil
		}
		return cp1250(b)
	}, nil
}

func readDBF(b []byte, cpg string) (*dbfTable, error) {
	if len(b) < 32 {
		return nil, errors.New("shorter than its header")
	}
	n := int(binary.LittleEndian.Uint32(b[4:8]))
	hlen := int(binary.LittleEndian.Uint16(b[8:10]))
	rlen := int(binary.LittleEndian.Uint16(b[10:12]))
	if hlen < 33 || hlen > len(b) || rlen < 1 {
		return nil, fmt.Errorf("header length %d, record length %d", hlen, rlen)
	}
	dec, err := textDecoder(cpg, b[29])
	if err != nil {
		return nil, err
	}
	var fields []dbfField
	width := 1
	for p := 32; p+32 <= hlen && b[p] != 0x0D; p += 32 {
		nb := b[p : p+11]
		if i := bytes.IndexByte(nb, 0); i >= 0 {
			nb = nb[:i]
		}
		name, err := dec(bytes.TrimSpace(nb))
		if err != nil {
			return nil, fmt.Errorf("field name: %v", err)
		}
		f := dbfField{name: name, typ: b[p+11], length: int(b[p+16]), dec: int(b[p+17])}
		if f.typ == 'C' && b[p+17] > 0 { // long character fields use the decimal byte as the high length
			f.length += int(b[p+17]) << 8
		}
		fields = append(fields, f)
		width += f.length
	}
	if width != rlen {
		return nil, fmt.Errorf("fields add up to %d bytes, records have %d", width, rlen)
	}
	if n < 0 || n > (len(b)-hlen)/rlen {
		return nil, fmt.Errorf("%d records announced, the file holds %d", n, (len(b)-hlen)/rlen)
	}
	t := &dbfTable{rows: make([]map[string]any, n), deleted: make([]bool, n)}
	for i := 0; i < n; i++ {
		rec := b[hlen+i*rlen : hlen+(i+1)*rlen]
		t.deleted[i] = rec[0] == '*'
		row := make(map[string]any, len(fields))
		p := 1
		for _, f := range fields {
			raw := rec[p : p+f.length]
			p += f.length
			v, err := dbfValue(f, raw, dec)
			if err != nil {
				return nil, fmt.Errorf("record %d, field %s: %v", i+1, f.name, err)
			}
			row[f.name] = v
		}
		t.rows[i] = row
	}
	return t, nil
}

func dbfValue(f dbfField, raw []byte, dec func([]byte) (string, error)) (any, error) {
	s := strings.TrimSpace(string(raw))
	switch f.typ {
	case 'C':
		if s == "" {
			return nil, nil
		}
		return dec(bytes.TrimRight(raw, " \x00"))
	case 'N', 'F':
		s = strings.Trim(s, "\x00 ")
		if s == "" || strings.Trim(s, "*") == "" {
			return nil, nil
		}
		if f.dec == 0 && !strings.ContainsAny(s, ".eE") {
			if v, err := strconv.ParseInt(s, 10, 64); err == nil {
				return v, nil
			}
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("not a number: %q", s)
		}
		return v, nil
	case 'L':
		switch strings.ToUpper(s) {
		case "T", "Y":
			return true, nil
		case "F", "N":
			return false, nil
		}
		return nil, nil
	case 'D':
		if s == "" || strings.Trim(s, "0") == "" {
			return nil, nil
		}
		t, err := time.Parse("20060102", s)
		if err != nil {
			return nil, fmt.Errorf("not a date: %q", s)
		}
		return t, nil
	}
	if s == "" {
		return nil, nil
	}
	return dec(bytes.TrimRight(raw, " \x00"))
}

var (
	reParam     = regexp.MustCompile(`(?i)PARAMETER\[\s*"([^"]+)"\s*,\s*([-+0-9.eE]+)\s*\]`)
	reAuthority = regexp.MustCompile(`(?i)AUTHORITY\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$`)
)

// CRSFromPRJ identifies the CRS of a .prj (ESRI or OGC WKT): by its EPSG
// authority when the WKT ends with one, else by the Transverse Mercator parameters
// of the Polish grids (CS92 = EPSG:2180, CS2000 zones = EPSG:2176–2179), or as
// geographic lon/lat for a bare GEOGCS.
func CRSFromPRJ(prj string) (*geo.CRS, error) {
	w := strings.TrimSpace(prj)
	if w == "" {
		return nil, errors.New("empty")
	}
	if m := reAuthority.FindStringSubmatch(w); m != nil {
		code, _ := strconv.Atoi(m[1])
		if c, ok := geo.Lookup(code); ok {
			if code == 4326 || code == 4258 || code == 9702 {
				return geo.CRS84, nil // a Shapefile stores lon first
			}
			return c, nil
		}
	}
	up := strings.ToUpper(w)
	if strings.HasPrefix(up, "GEOGCS") || strings.HasPrefix(up, "GEOGCRS") {
		return geo.CRS84, nil
	}
	if !strings.HasPrefix(up, "PROJCS") && !strings.HasPrefix(up, "PROJCRS") {
		return nil, fmt.Errorf("not a WKT coordinate system: %.40q", w)
	}
	params := map[string]float64{}
	for _, m := range reParam.FindAllStringSubmatch(w, -1) {
		v, err := strconv.ParseFloat(m[2], 64)
		if err == nil {
			params[strings.ToLower(m[1])] = v
		}
	}
	cm, k, fe, fn := params["central_meridian"], params["scale_factor"], params["false_easting"], params["false_northing"]
	if !strings.Contains(up, "TRANSVERSE_MERCATOR") && !strings.Contains(up, "TRANSVERSE MERCATOR") {
		return nil, errors.New("unsupported projection (expected Transverse Mercator: PUWG 1992 or 2000)")
	}
	near := func(a, b, eps float64) bool { return math.Abs(a-b) <= eps }
	switch {
	case near(cm, 19, 1e-9) && near(k, 0.9993, 1e-9) && near(fe, 500000, 1e-3) && near(fn, -5300000, 1e-3):
		return geo.CRS2180, nil
	case near(k, 0.999923, 1e-9) && near(fn, 0, 1e-3):
		for _, c := range []struct {
			cm, fe float64
			code   int
		}{{15, 5500000, 2176}, {18, 6500000, 2177}, {21, 7500000, 2178}, {24, 8500000, 2179}} {
			if near(cm, c.cm, 1e-9) && near(fe, c.fe, 1e-3) {
				crs, _ := geo.Lookup(c.code)
				return crs, nil
			}
		}
	}
	return nil, fmt.Errorf("unsupported Transverse Mercator (central meridian %g, scale %g, false easting %g, false northing %g): expected PUWG 1992 or 2000", cm, k, fe, fn)
}
