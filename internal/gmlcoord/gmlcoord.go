// Package gmlcoord parses the coordinate text of GML geometries — gml:posList,
// gml:pos and GML 2 gml:coordinates — into points, for the readers of EGiB and
// APP GML (ingest/egib, ingest/app) and the WFS filter parser (features/fes).
//
// Points come out in the order the text writes them: the caller knows the
// CRS and its axis order and swaps or transforms afterwards. A third number of
// a position (a height) is read and dropped. Numbers must be finite; errors
// quote at most 40 bytes of the text.
package gmlcoord

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"
)

// Number parses one coordinate value: a finite decimal number.
func Number(f string) (float64, error) {
	v, err := strconv.ParseFloat(f, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("bad number %q", truncate(f, 40))
	}
	return v, nil
}

// PosList appends to pts the positions of a gml:posList of dim numbers each
// (srsDimension 2 or 3); a count that is not a multiple of dim is an error.
func PosList(s string, dim int, pts []orb.Point) ([]orb.Point, error) {
	if dim != 2 && dim != 3 {
		return nil, fmt.Errorf("srsDimension %d: only 2 and 3 are read", dim)
	}
	var tuple [3]float64
	k, n := 0, 0
	for i := 0; ; {
		var f string
		f, i = nextField(s, i)
		if f == "" {
			break
		}
		v, err := Number(f)
		if err != nil {
			return nil, err
		}
		tuple[k] = v
		k++
		n++
		if k == dim {
			pts = append(pts, orb.Point{tuple[0], tuple[1]})
			k = 0
		}
	}
	if k != 0 {
		return nil, fmt.Errorf("odd coordinate count: %d numbers for srsDimension %d", n, dim)
	}
	return pts, nil
}

// Pos appends to pts the one position of a gml:pos: 2 or 3 numbers (dim of
// them when dim is not 0). Empty text appends nothing.
func Pos(s string, dim int, pts []orb.Point) ([]orb.Point, error) {
	var tuple [3]float64
	n := 0
	for i := 0; ; {
		var f string
		f, i = nextField(s, i)
		if f == "" {
			break
		}
		if n == 3 {
			return nil, fmt.Errorf("more than 3 numbers in one position")
		}
		v, err := Number(f)
		if err != nil {
			return nil, err
		}
		tuple[n] = v
		n++
	}
	if n == 0 {
		return pts, nil
	}
	if (dim != 0 && n != dim) || n < 2 {
		return nil, fmt.Errorf("odd coordinate count: %d numbers in a position of srsDimension %d", n, max(dim, 2))
	}
	return append(pts, orb.Point{tuple[0], tuple[1]}), nil
}

// Coordinates appends to pts the tuples of a GML 2 gml:coordinates: tuples
// separated by ts (default white space), values by cs (default ","), with dec
// as the decimal separator (default ".").
func Coordinates(s, cs, ts, dec string, pts []orb.Point) ([]orb.Point, error) {
	if cs == "" {
		cs = ","
	}
	if dec == "" {
		dec = "."
	}
	var tuples []string
	if strings.TrimSpace(ts) == "" {
		tuples = strings.Fields(s)
	} else {
		tuples = strings.Split(s, ts)
	}
	for _, tu := range tuples {
		tu = strings.TrimSpace(tu)
		if tu == "" {
			continue
		}
		parts := strings.Split(tu, cs)
		if len(parts) != 2 && len(parts) != 3 {
			return nil, fmt.Errorf("odd coordinate count: tuple %q", truncate(tu, 40))
		}
		var xy [2]float64
		for i := 0; i < 2; i++ {
			f := strings.TrimSpace(parts[i])
			if dec != "." {
				f = strings.Replace(f, dec, ".", 1)
			}
			v, err := Number(f)
			if err != nil {
				return nil, err
			}
			xy[i] = v
		}
		pts = append(pts, orb.Point{xy[0], xy[1]})
	}
	return pts, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// nextField returns the next white-space separated field of s from i.
func nextField(s string, i int) (string, int) {
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isSpace(s[j]) {
		j++
	}
	return s[i:j], j
}

// truncate cuts s to at most n bytes (on a character boundary) for a message.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}
