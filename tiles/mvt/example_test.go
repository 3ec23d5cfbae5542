package mvt_test

import (
	"fmt"

	"github.com/sip-core/sip/tiles/mvt"
)

// A tile with one parcel: a square with a hole, in tile coordinates (extent
// 4096, y down), exterior ring clockwise on screen, and read back.
func Example() {
	outer := []mvt.P{{100, 100}, {200, 100}, {200, 200}, {100, 200}}
	hole := []mvt.P{{140, 140}, {140, 160}, {160, 160}, {160, 140}}
	fmt.Println("areas:", mvt.RingArea(outer), mvt.RingArea(hole))

	l := mvt.NewLayer("dzialki", 4096)
	l.AddPolygon(7, [][]mvt.P{outer, hole}, []mvt.Prop{
		{Key: "numer", Value: "123/4"},
		{Key: "pole_ewidencyjne", Value: 0.96},
	})
	b := l.AppendTo(nil)

	t, err := mvt.Decode(b)
	if err != nil {
		panic(err)
	}
	for _, dl := range t.Layers {
		fmt.Printf("layer %s v%d extent %d, %d feature(s)\n", dl.Name, dl.Version, dl.Extent, len(dl.Features))
		for _, f := range dl.Features {
			fmt.Println(f.ID, f.Type == mvt.Polygon, f.Props["numer"], f.Props["pole_ewidencyjne"], len(f.Parts), f.Parts[0])
		}
	}
	// Output:
	// areas: 20000 -800
	// layer dzialki v2 extent 4096, 1 feature(s)
	// 7 true 123/4 0.96 2 [{100 100} {200 100} {200 200} {100 200}]
}

// Attribute lists kept in memory for a long time share one key table and
// hold their values in one string.
func ExampleAttrsBuilder() {
	keys := mvt.InternKeys([]string{"numer", "kondygnacje"})
	var ab mvt.AttrsBuilder
	ab.Reset(keys)
	ab.String(0, "12/3")
	ab.Int(1, 4)
	a, id := ab.Finish("dzialki:12/3")
	fmt.Println(id, a.Props())
	fmt.Println(a.Select("kondygnacje").Props())
	// Output:
	// dzialki:12/3 [{numer 12/3} {kondygnacje 4}]
	// [{kondygnacje 4}]
}
