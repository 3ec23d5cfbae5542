package store

// EGiBLayers is the public schema of a county cadastre dataset: one feature table per
// EGiB class that is published. Personal data (owners, subjects, their addresses,
// PESEL) has no column here and therefore can never be stored or served.
//
// Multi-valued attributes are stored as text: lists joined with ';' (numer KW,
// referenced ids), structured lists as compact JSON (klasoużytki). Property
// addresses (EGB_AdresNieruchomosci, public: the geoportal shows them) are stored
// formatted, "Łask, ul. Kościuszki 12", several joined with "; "; the adresy
// columns come last so that a store made before them gets them by ALTER TABLE …
// ADD COLUMN in the same place.
var EGiBLayers = []Layer{
	{
		Name: "jednostki", Title: "Jednostki ewidencyjne", Class: "EGB_JednostkaEwidencyjna", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "id_jednostki", Type: Text, Title: "Identyfikator jednostki ewidencyjnej (TERYT WWPPGG_R)"},
			{Name: "nazwa", Type: Text, Title: "Nazwa jednostki ewidencyjnej"},
		},
	},
	{
		Name: "obreby", Title: "Obręby ewidencyjne", Class: "EGB_ObrebEwidencyjny", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "id_obrebu", Type: Text, Title: "Identyfikator obrębu (WWPPGG_R.OOOO)"},
			{Name: "nazwa", Type: Text, Title: "Nazwa obrębu"},
			{Name: "id_jednostki", Type: Text, Title: "Identyfikator jednostki ewidencyjnej"},
		},
	},
	{
		Name: "dzialki", Title: "Działki ewidencyjne", Class: "EGB_DzialkaEwidencyjna", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "id_dzialki", Type: Text, Title: "Identyfikator działki (WWPPGG_R.OOOO[.AR_N].NDZ)"},
			{Name: "numer_dzialki", Type: Text, Title: "Numer działki (NDZ)"},
			{Name: "numer_arkusza", Type: Text, Title: "Numer arkusza mapy (AR_N), gdy numeracja w arkuszach"},
			{Name: "id_obrebu", Type: Text, Title: "Identyfikator obrębu"},
			{Name: "pole_ewidencyjne", Type: Real, Title: "Pole ewidencyjne [ha]"},
			{Name: "dokladnosc_pola", Type: Text, Title: "Dokładność reprezentacji pola"},
			{Name: "numer_kw", Type: Text, Title: "Numery ksiąg wieczystych (rozdzielone ';')"},
			{Name: "klasouzytki", Type: Text, Title: "Klasoużytki w granicach działki (JSON: [{\"ofu\",\"ozu\",\"ozk\",\"pole\"}])"},
			{Name: "grupa_rejestrowa", Type: Text, Title: "Grupa rejestrowa"},
			{Name: "adresy", Type: Text, Title: "Adresy nieruchomości (rozdzielone '; ')"},
		},
	},
	{
		Name: "budynki", Title: "Budynki", Class: "EGB_Budynek", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "id_budynku", Type: Text, Title: "Identyfikator budynku"},
			{Name: "rodzaj_kst", Type: Text, Title: "Rodzaj budynku wg KŚT"},
			{Name: "kondygnacje_nadziemne", Type: Integer, Title: "Liczba kondygnacji nadziemnych"},
			{Name: "kondygnacje_podziemne", Type: Integer, Title: "Liczba kondygnacji podziemnych"},
			{Name: "pow_zabudowy", Type: Real, Title: "Powierzchnia zabudowy [m²]"},
			{Name: "dzialki", Type: Text, Title: "Identyfikatory (lokalnyId) działek zabudowanych (rozdzielone ';')"},
			{Name: "adresy", Type: Text, Title: "Adresy budynku (rozdzielone '; ')"},
		},
	},
	{
		Name: "uzytki", Title: "Kontury użytków gruntowych", Class: "EGB_KonturUzytkuGruntowego", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "id_uzytku", Type: Text, Title: "Identyfikator konturu użytku"},
			{Name: "ofu", Type: Text, Title: "Oznaczenie formy użytkowania (OFU)"},
			{Name: "id_obrebu", Type: Text, Title: "Identyfikator obrębu"},
		},
	},
	{
		Name: "kontury", Title: "Kontury klasyfikacyjne", Class: "EGB_KonturKlasyfikacyjny", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "id_konturu", Type: Text, Title: "Identyfikator konturu klasyfikacyjnego"},
			{Name: "ozu", Type: Text, Title: "Oznaczenie zaliczenia do użytku (OZU)"},
			{Name: "ozk", Type: Text, Title: "Oznaczenie klasy gleboznawczej (OZK)"},
			{Name: "id_obrebu", Type: Text, Title: "Identyfikator obrębu"},
		},
	},
	{
		Name: "punkty", Title: "Punkty graniczne", Class: "EGB_PunktGraniczny", Geometry: Point,
		Columns: []Column{
			{Name: "id_punktu", Type: Text, Title: "Identyfikator punktu granicznego"},
			{Name: "sposob_pozyskania", Type: Text, Title: "Sposób pozyskania (SPD)"},
			{Name: "spelnienie_warunkow", Type: Text, Title: "Spełnienie warunków dokładnościowych (ISD)"},
			{Name: "rodzaj_stabilizacji", Type: Text, Title: "Rodzaj stabilizacji (STB)"},
		},
	},
}

// LayerByName finds a layer of a schema.
func LayerByName(layers []Layer, name string) (Layer, bool) {
	for _, l := range layers {
		if l.Name == name {
			return l, true
		}
	}
	return Layer{}, false
}
