package config

import (
	"errors"
	"strings"
	"testing"
)

func TestStyles(t *testing.T) {
	good := `datasets:
  - name: a
    store: a.gpkg
    layers:
      - name: dzialki
        style: granice
styles:
  - name: granice
    stroke: "#ff0000"
    width: 2
    dash: [4, 2]
    label: numer_dzialki
    label_color: "#000080"
    label_size: 12
    max_scale: 5000
`
	c, err := Parse([]byte(good), "sip.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := c.Styles[0]
	if s.Stroke != "#ff0000" || s.Width != 2 || len(s.Dash) != 2 || s.Dash[0] != 4 || s.MaxScale != 5000 || s.LabelSize != 12 || s.LabelColor != "#000080" {
		t.Fatalf("style: %+v", s)
	}
	for _, tc := range []struct {
		style, key string
		line       int
	}{
		{"    dash: [4, -2]\n", "styles[0].dash[1]", 11},
		{"    dash: [0, 0]\n", "styles[0].dash", 11},
		{"    label_color: red\n", "styles[0].label_color", 11},
		{"    label_size: 500\n", "styles[0].label_size", 11},
		{"    min_scale: 5000\n    max_scale: 1000\n", "styles[0].min_scale", 11},
		{"    label_size: 0.5\n    point_size: 1000\n", "styles[0].point_size", 12},
		{"    point_size: -1\n", "styles[0].point_size", 11},
		{"    dashes: [1]\n", "dashes", 11},
	} {
		y := `datasets:
  - name: a
    store: a.gpkg
    layers:
      - name: dzialki
        style: granice
styles:
  - name: granice
    stroke: "#ff0000"
    width: 2
` + tc.style
		_, err := Parse([]byte(y), "sip.yaml")
		var ce *Error
		if !errors.As(err, &ce) || ce.Key != tc.key || ce.Line != tc.line || !strings.Contains(err.Error(), "sip.yaml:") {
			t.Errorf("%q: got %v (key %q line %d), want key %s line %d", tc.style, err, keyOf(ce), lineOf(ce), tc.key, tc.line)
		}
	}
}

func keyOf(e *Error) string {
	if e == nil {
		return ""
	}
	return e.Key
}

func lineOf(e *Error) int {
	if e == nil {
		return 0
	}
	return e.Line
}
