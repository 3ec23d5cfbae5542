package wms

import (
	"image/color"
	"strings"
	"unicode"

	"github.com/sip-core/sip/wms/render"
)

// Thematic styles of the planning layers (store.PlanningLayers): plan ogólny
// zones (strefy) coloured by zone symbol, local plan areas (mpzp) by land-use
// class, plan extents (plany) as an outline.
//
// A feature's class is worked out once, when the feature enters the feature
// cache (feat.Class), so drawing only buckets features by a small integer.

// themeClass is one legend entry of a thematic style.
type themeClass struct {
	Code string // e.g. "SJ"
	Name string // Polish name, e.g. "strefa wielofunkcyjna z zabudową mieszkaniową jednorodzinną"
	Fill color.NRGBA
	// Stroke overrides the style's outline when A != 0 (Width, Dash with it).
	Stroke color.NRGBA
	Width  float32
	Dash   []float32
	// Hatch draws the area as hatching in Stroke instead of a fill.
	Hatch *render.Hatch
}

// Title is the legend text of a class: "SJ – strefa …".
func (c *themeClass) Title() string {
	if c.Code == "" {
		return c.Name
	}
	return c.Code + " – " + c.Name
}

// theme classifies the features of one store layer.
type theme struct {
	Layer string
	// Columns are the attributes the classification reads: a request that may
	// not see all of them gets every feature in the fallback class.
	Columns  []string
	Classes  []themeClass
	Fallback int
	classify func(attrs map[string]any) int
}

// maxClasses bounds a theme's classes (feat.Class is a uint8 and drawing
// counts per class in a fixed array).
const maxClasses = 32

// themeFor is the thematic classification of a store layer, nil if it has none.
func themeFor(layer string) *theme {
	switch layer {
	case "strefy":
		return strefyTheme
	case "mpzp":
		return mpzpTheme
	}
	return nil
}

// classOf is the class index of a feature's attributes (0 for layers without
// a theme).
func classOf(layer string, attrs map[string]any) uint8 {
	th := themeFor(layer)
	if th == nil {
		return 0
	}
	return uint8(th.classify(attrs))
}

func attrText(a map[string]any, k string) string {
	s, _ := a[k].(string)
	return strings.TrimSpace(s)
}

// symbolLetters returns the symbol part of an oznaczenie: the letters after its
// number ("12MN" → "MN", "A.3MN/U" → "MN/U", "1 SJ" → "SJ"), or its leading
// letters when no letters follow a number ("MN1" → "MN").
func symbolLetters(oz string) string {
	oz = strings.TrimSpace(oz)
	// The last run of digits that is followed by a letter ends the number.
	rs := []rune(oz)
	start := -1
	for i := 0; i < len(rs); i++ {
		if unicode.IsDigit(rs[i]) {
			j := i
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				j++
			}
			k := j
			for k < len(rs) && (rs[k] == '.' || rs[k] == ' ' || rs[k] == '-') {
				k++
			}
			if k < len(rs) && unicode.IsLetter(rs[k]) {
				start = k
			}
			i = j - 1
		}
	}
	if start < 0 {
		start = 0
		for start < len(rs) && !unicode.IsLetter(rs[start]) {
			start++
		}
	}
	end := start
	for end < len(rs) && (unicode.IsLetter(rs[end]) || rs[end] == '/' || rs[end] == ',' || rs[end] == '+') {
		end++
	}
	return strings.ToUpper(string(rs[start:end]))
}

// firstSymbol is the first class of a composite symbol ("MN/U" → "MN",
// "KDD 1/2" → "KDD"), upper-cased, without digits and dots.
func firstSymbol(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "/,+ ;"); i >= 0 {
		s = s[:i]
	}
	return strings.Trim(s, "0123456789.-")
}

// ---- plan ogólny: strefy ----

// strefyTheme colours zones by symbol with the fills of the plan ogólny
// regulation (rozporządzenie Ministra Rozwoju i Technologii z 8 grudnia 2023 r.
// w sprawie projektu planu ogólnego gminy…, Dz.U. 2023 poz. 2758, załącznik:
// sposób prezentacji graficznej stref planistycznych, RGB), the same values
// the ministry's APP QGIS plugin applies. The other areas of a plan ogólny
// are drawn as hatching with a dashed outline over the zones.
var strefyTheme = func() *theme {
	c := func(code, name, hex string) themeClass {
		return themeClass{Code: code, Name: name, Fill: rgb(hex)}
	}
	area := func(code, name, hex string, angle float32, dash []float32) themeClass {
		return themeClass{Code: code, Name: name, Stroke: rgb(hex), Width: 1.5, Dash: dash,
			Hatch: &render.Hatch{Angle: angle, Spacing: 8, Width: 1}}
	}
	th := &theme{
		Layer:   "strefy",
		Columns: []string{"klasa", "symbol", "oznaczenie"},
		Classes: []themeClass{
			c("SW", "strefa wielofunkcyjna z zabudową mieszkaniową wielorodzinną", "#9a7c64"),
			c("SJ", "strefa wielofunkcyjna z zabudową mieszkaniową jednorodzinną", "#d9b473"),
			c("SZ", "strefa wielofunkcyjna z zabudową zagrodową", "#ffe6ab"),
			c("SU", "strefa usługowa", "#ff6c69"),
			c("SH", "strefa handlu wielkopowierzchniowego", "#ff84b7"),
			c("SP", "strefa gospodarcza", "#af88de"),
			c("SR", "strefa produkcji rolniczej", "#feef64"),
			c("SI", "strefa infrastrukturalna", "#cccccc"),
			c("SN", "strefa zieleni i rekreacji", "#bbf58b"),
			c("SC", "strefa cmentarzy", "#94d4c4"),
			c("SG", "strefa górnictwa", "#fcd4ff"),
			c("SO", "strefa otwarta", "#e3ffc7"),
			c("SK", "strefa komunikacyjna", "#f2f2f2"),
			{Code: "", Name: "strefa bez rozpoznanego symbolu", Fill: rgb("#ffffff"), Stroke: rgb("#ff0000"), Width: 1, Dash: []float32{4, 3}},
			area("OZS", "obszar zabudowy śródmiejskiej", "#b4141e", 0, []float32{8, 3}),
			area("OUZ", "obszar uzupełnienia zabudowy", "#8c5a2b", 90, []float32{4, 4}),
			area("OSD", "obszar standardów dostępności infrastruktury społecznej", "#1f5f9f", 45, []float32{8, 3, 2, 3}),
		},
		Fallback: 13,
	}
	bySymbol := map[string]int{}
	for i, cl := range th.Classes[:13] {
		bySymbol[cl.Code] = i
	}
	th.classify = func(a map[string]any) int {
		switch attrText(a, "klasa") {
		case "ObszarZabudowySrodmiejskiej":
			return 14
		case "ObszarUzupelnieniaZabudowy":
			return 15
		case "ObszarStandardowDostepnosciInfrastrukturySpolecznej":
			return 16
		}
		sym := strings.ToUpper(attrText(a, "symbol"))
		if sym == "" {
			sym = firstSymbol(symbolLetters(attrText(a, "oznaczenie")))
		}
		if i, ok := bySymbol[sym]; ok {
			return i
		}
		return th.Fallback
	}
	return th
}()

// ---- miejscowe plany: mpzp ----

// mpzpTheme colours local plan areas by the land-use class their przeznaczenie
// (or, without one, their oznaczenie) starts with, in the colours Polish
// local plans customarily use: browns for housing, red for services, violet
// for production, yellow for farmland, greens, grey for roads, blue for water.
var mpzpTheme = func() *theme {
	th := &theme{
		Layer:   "mpzp",
		Columns: []string{"przeznaczenie", "oznaczenie"},
		Classes: []themeClass{
			{Code: "MW", Name: "teren zabudowy mieszkaniowej wielorodzinnej", Fill: rgb("#c98a4b")},
			{Code: "MN", Name: "teren zabudowy mieszkaniowej jednorodzinnej i inne M…", Fill: rgb("#f4c987")},
			{Code: "RM", Name: "teren zabudowy zagrodowej", Fill: rgb("#e2cf9c")},
			{Code: "U", Name: "teren zabudowy usługowej", Fill: rgb("#f07070")},
			{Code: "P", Name: "teren produkcji, składów i magazynów", Fill: rgb("#b592d6")},
			{Code: "R", Name: "teren rolniczy", Fill: rgb("#f7f1a8")},
			{Code: "ZL", Name: "teren lasu", Fill: rgb("#3f9b52")},
			{Code: "ZP", Name: "teren zieleni (ZP, Z…)", Fill: rgb("#a3d98f")},
			{Code: "KD", Name: "teren komunikacji (KD…, K…)", Fill: rgb("#d4d4d4")},
			{Code: "W", Name: "teren wód powierzchniowych", Fill: rgb("#8ec9f0")},
			{Code: "E/I", Name: "teren infrastruktury technicznej", Fill: rgb("#9fb0bf")},
			{Code: "", Name: "inne przeznaczenie", Fill: rgb("#ffffff"), Stroke: rgb("#ff0000"), Width: 1, Dash: []float32{4, 3}},
		},
		Fallback: 11,
	}
	th.classify = func(a map[string]any) int {
		sym := firstSymbol(attrText(a, "przeznaczenie"))
		if sym == "" {
			sym = firstSymbol(symbolLetters(attrText(a, "oznaczenie")))
		}
		switch {
		case sym == "":
			return th.Fallback
		case strings.HasPrefix(sym, "MW"):
			return 0
		case sym[0] == 'M':
			return 1
		case strings.HasPrefix(sym, "RM"):
			return 2
		case sym[0] == 'U':
			return 3
		case sym[0] == 'P':
			return 4
		case sym[0] == 'R':
			return 5
		case strings.HasPrefix(sym, "ZL"):
			return 6
		case sym[0] == 'Z':
			return 7
		case sym[0] == 'K':
			return 8
		case sym[0] == 'W':
			return 9
		case sym[0] == 'E' || sym[0] == 'I' || sym[0] == 'G' || sym[0] == 'T' || sym[0] == 'O' || sym[0] == 'C':
			return 10
		}
		return th.Fallback
	}
	return th
}()

// planningStyle is the built-in style of a planning layer; ok is false for
// other layers.
func planningStyle(layer string) (style, bool) {
	s := style{Name: "default", LabelColor: rgb("#000000"), LabelSize: 11, PointSize: 5, LabelFit: true}
	switch layer {
	case "plany":
		s.Title = "Granica aktu planowania przestrzennego"
		s.Stroke, s.Width, s.Dash = rgb("#3c3c3c"), 2.5, []float32{12, 6}
	case "strefy":
		s.Title = "Strefy planistyczne według symbolu (kolory z rozporządzenia w sprawie planu ogólnego)"
		s.Stroke, s.Width = rgb("#535353"), 1
		s.Label, s.LabelMaxScale = "oznaczenie", 50000
		s.Theme = strefyTheme
	case "mpzp":
		s.Title = "Tereny MPZP według przeznaczenia"
		s.Stroke, s.Width = rgb("#535353"), 1
		s.Label, s.LabelMaxScale = "oznaczenie", 10000
		s.Theme = mpzpTheme
	default:
		return style{}, false
	}
	return s, true
}
