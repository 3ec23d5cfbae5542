package prg

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxLine bounds one line of a CSV file.
const maxLine = 1 << 20

// csvColumns maps each field of a point to the header names a gmina's
// export may give it (compared in lower case, without "_" and spaces).
var csvColumns = map[string][]string{
	"id":          {"id", "lokalnyid", "uuid", "idpunktu", "idiip"},
	"teryt":       {"terytgminy", "teryt", "terc", "kodgminy"},
	"gmina":       {"gmina", "nazwagminy"},
	"simc":        {"simc", "idsimc"},
	"miejscowosc": {"miejscowosc", "miejscowość"},
	"czesc":       {"czescmiejscowosci", "częśćmiejscowości"},
	"ulic":        {"ulic", "idulic"},
	"ulica":       {"ulica", "nazwaulicy"},
	"numer":       {"numer", "numerporzadkowy", "numerporządkowy", "nr"},
	"kod":         {"kodpocztowy", "kod", "pna"},
	"status":      {"status"},
	"wersja":      {"wersja", "wersjaid"},
	"od":          {"od", "poczatekwersjiobiektu", "waznyod"},
	"do":          {"do", "waznydo"},
	"x":           {"x", "easting", "e"},
	"y":           {"y", "northing", "n"},
}

var requiredCSV = []string{"id", "teryt", "miejscowosc", "numer", "x", "y"}

func splitHeader(line string) []string {
	line = strings.TrimPrefix(strings.TrimRight(line, "\r"), "\xEF\xBB\xBF")
	return strings.Split(line, string(delimiter(line)))
}

func delimiter(line string) rune {
	best, n := ',', strings.Count(line, ",")
	for _, d := range []rune{';', '\t'} {
		if c := strings.Count(line, string(d)); c > n {
			best, n = d, c
		}
	}
	return best
}

// header maps fields to column positions; every required field must be
// there.
func header(names []string) (map[string]int, error) {
	pos := map[string]int{}
	for i, n := range names {
		k := strings.ToLower(strings.NewReplacer("_", "", " ", "", `"`, "").Replace(strings.TrimSpace(n)))
		for field, aliases := range csvColumns {
			for _, a := range aliases {
				if a == k {
					if _, dup := pos[field]; !dup {
						pos[field] = i
					}
				}
			}
		}
	}
	var missing []string
	for _, f := range requiredCSV {
		if _, ok := pos[f]; !ok {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("the header lacks %s (an address-point CSV has id, teryt_gminy, miejscowosc, numer and x, y in EPSG:2180)", strings.Join(missing, ", "))
	}
	return pos, nil
}

// lineLimit fails a read once a line grows past maxLine bytes, so a file
// without line ends cannot make the CSV reader hold it whole.
type lineLimit struct {
	r   io.Reader
	run int
}

func (l *lineLimit) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	for _, c := range p[:n] {
		if c == '\n' {
			l.run = 0
		} else if l.run++; l.run > maxLine {
			return 0, fmt.Errorf("a line longer than %d bytes", maxLine)
		}
	}
	return n, err
}

// readCSV streams the points of a CSV export: a header, then one point a
// line, x and y the easting and northing in EPSG:2180 (as GDAL writes a
// point layer with GEOMETRY=AS_XY).
func readCSV(name string, r io.Reader, fn func(*Feature) error) error {
	br := bufio.NewReaderSize(&lineLimit{r: r}, 64<<10)
	head, err := br.Peek(1)
	if len(head) == 0 {
		return &Error{File: name, Line: 1, Msg: "empty file", Fatal: true, Err: err}
	}
	first, _ := br.Peek(min(br.Buffered(), 64<<10))
	line, _, _ := bytes.Cut(first, []byte("\n"))
	cr := csv.NewReader(br)
	cr.Comma = delimiter(string(line))
	cr.ReuseRecord = true
	cr.FieldsPerRecord = -1
	fatal := func(line int, err error) error {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			line, err = pe.Line, pe.Err
		}
		return &Error{File: name, Line: line, Msg: err.Error(), Fatal: true, Err: err}
	}
	rec, err := cr.Read()
	if err != nil {
		return fatal(1, err)
	}
	if len(rec) > 0 {
		rec[0] = strings.TrimPrefix(rec[0], "\xEF\xBB\xBF")
	}
	pos, err := header(rec)
	if err != nil {
		return fatal(1, err)
	}
	width := len(rec)
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fatal(0, err)
		}
		line, _ := cr.FieldPos(0)
		f := csvFeature(name, line, rec, pos)
		if len(rec) != width {
			f.Object, f.Problem = nil, fmt.Sprintf("%d fields where the header has %d", len(rec), width)
		}
		if err := fn(f); err != nil {
			return err
		}
	}
}

func csvFeature(name string, line int, rec []string, pos map[string]int) *Feature {
	get := func(k string) string {
		if i, ok := pos[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	f := &Feature{File: name, Line: line}
	p := &Point{Gmina: get("teryt"), GminaName: get("gmina"), SIMC: get("simc"), Place: get("miejscowosc"), PlacePart: get("czesc"),
		ULIC: get("ulic"), Street: get("ulica"), Number: get("numer"), Postcode: get("kod"), Status: get("status")}
	var xy [2]float64
	var posErr error
	for i, k := range []string{"x", "y"} {
		v, err := strconv.ParseFloat(strings.ReplaceAll(get(k), ",", "."), 64)
		if err != nil {
			posErr = fmt.Errorf("%s %s: not a number", k, quote(get(k)))
			break
		}
		xy[i] = v
	}
	f.build(p, xy, posErr, lifecycle{id: get("id"), version: get("wersja"), start: get("od"), end: get("do")})
	return f
}
