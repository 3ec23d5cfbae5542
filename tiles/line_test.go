package tiles

import (
	"reflect"
	"testing"

	"github.com/sip-core/sip/tiles/mvt"
)

func TestClipLine(t *testing.T) {
	// In, out across the right edge, back in, along: two parts.
	in := []fpt{{10, 10}, {50, 10}, {150, 10}, {150, 50}, {50, 50}, {20, 80}}
	got := clipLine(in, 0, 100)
	want := [][]fpt{{{10, 10}, {50, 10}, {100, 10}}, {{100, 50}, {50, 50}, {20, 80}}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("clipLine = %v, want %v", got, want)
	}
	// Wholly outside: nothing; crossing a corner region: the chord.
	if got := clipLine([]fpt{{-10, -10}, {-5, 200}}, 0, 100); len(got) != 0 {
		t.Fatalf("outside line gave %v", got)
	}
	if got := clipLine([]fpt{{-50, 50}, {150, 50}}, 0, 100); !reflect.DeepEqual(got, [][]fpt{{{0, 50}, {100, 50}}}) {
		t.Fatalf("crossing line gave %v", got)
	}
	if q := quantizeLine([]fpt{{0.2, 0.2}, {0.4, 0.1}, {5.6, 0}}); !reflect.DeepEqual(q, []mvt.P{{X: 0, Y: 0}, {X: 6, Y: 0}}) || lineLength(q) != 6 {
		t.Fatalf("quantizeLine %v", q)
	}
}
