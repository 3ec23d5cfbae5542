package store

// PlanningLayers is the public schema of a gmina planning dataset (docs/domain.md, "Planning data"):
// planning acts from APP GML 1.0/2.0 (plany), the zones and other areas of a plan
// ogólny (strefy), and the zones of local plans (MPZP) that arrive as Shapefile,
// GeoPackage or GeoJSON (mpzp).
//
// Code-list values (typPlanu, status, nazwa, profilPodstawowy, ...) are stored as
// the last segment of the code-list URI (e.g. planOgolnyGminy, KPT-MPZP-MN); the
// human-readable xlink:title goes to the matching *_opis column. Multi-valued
// attributes are joined with ';'. Documents (DokumentFormalny) and drawings
// (RysunekAktuPlanowaniaPrzestrzennego) have no geometry of their own: they are kept
// with the plan they belong to as compact JSON.
var PlanningLayers = []Layer{
	{
		Name: "plany", Title: "Akty planowania przestrzennego", Class: "AktPlanowaniaPrzestrzennego", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "tytul", Type: Text, Title: "Tytuł aktu"},
			{Name: "tytul_alternatywny", Type: Text, Title: "Tytuł alternatywny"},
			{Name: "typ_planu", Type: Text, Title: "Typ aktu (kod, np. planOgolnyGminy, miejscowyPlanZagospodarowaniaPrzestrzennego)"},
			{Name: "typ_planu_opis", Type: Text, Title: "Typ aktu (opis)"},
			{Name: "poziom_hierarchii", Type: Text, Title: "Poziom hierarchii (kod INSPIRE)"},
			{Name: "status", Type: Text, Title: "Status (kod INSPIRE ProcessStepGeneralValue)"},
			{Name: "status_opis", Type: Text, Title: "Status (opis)"},
			{Name: "obowiazuje_od", Type: Date, Title: "Obowiązuje od"},
			{Name: "obowiazuje_do", Type: Date, Title: "Obowiązuje do"},
			{Name: "zmiana", Type: Integer, Title: "Numer zmiany"},
			{Name: "modyfikacja", Type: Text, Title: "Modyfikacja (true/false)"},
			{Name: "dokumenty", Type: Text, Title: "Dokumenty formalne (JSON: [{\"id\",\"tytul\",\"nazwa_skrocona\",\"numer\",\"organ\",\"data\",\"data_wejscia\",\"lacze\",\"rola\"}])"},
			{Name: "rysunki", Type: Text, Title: "Rysunki aktu (JSON: [{\"id\",\"tytul\",\"lacze\",\"legenda\",\"uklad\",\"obowiazuje_od\"}])"},
			{Name: "wersja_app", Type: Text, Title: "Wersja schematu APP pliku źródłowego (1.0, 2.0)"},
		},
	},
	{
		Name: "strefy", Title: "Strefy planistyczne i obszary planu ogólnego", Class: "StrefaPlanistyczna", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "klasa", Type: Text, Title: "Klasa obiektu APP (StrefaPlanistyczna, ObszarZabudowySrodmiejskiej, ObszarUzupelnieniaZabudowy, ObszarStandardowDostepnosciInfrastrukturySpolecznej)"},
			{Name: "oznaczenie", Type: Text, Title: "Oznaczenie (np. 1SJ)"},
			{Name: "symbol", Type: Text, Title: "Symbol strefy (SW, SJ, SZ, SU, SH, SP, SR, SI, SN, SC, SG, SO, SK)"},
			{Name: "nazwa", Type: Text, Title: "Rodzaj strefy (kod)"},
			{Name: "nazwa_opis", Type: Text, Title: "Rodzaj strefy (opis)"},
			{Name: "nazwa_alternatywna", Type: Text, Title: "Nazwa alternatywna"},
			{Name: "profil_podstawowy", Type: Text, Title: "Profil podstawowy (kody KPT rozdzielone ';')"},
			{Name: "profil_dodatkowy", Type: Text, Title: "Profil dodatkowy (kody KPT rozdzielone ';')"},
			{Name: "maks_intensywnosc", Type: Real, Title: "Maksymalna nadziemna intensywność zabudowy"},
			{Name: "maks_udzial_zabudowy", Type: Real, Title: "Maksymalny udział powierzchni zabudowy [%]"},
			{Name: "maks_wysokosc", Type: Real, Title: "Maksymalna wysokość zabudowy [m]"},
			{Name: "min_udzial_pbc", Type: Real, Title: "Minimalny udział powierzchni biologicznie czynnej [%]"},
			{Name: "parametry", Type: Text, Title: "Pozostałe parametry obszaru (JSON, np. odległości standardów dostępności [m])"},
			{Name: "status", Type: Text, Title: "Status (kod INSPIRE)"},
			{Name: "charakter_ustalenia", Type: Text, Title: "Charakter ustalenia (kod INSPIRE)"},
			{Name: "obowiazuje_od", Type: Date, Title: "Obowiązuje od"},
			{Name: "obowiazuje_do", Type: Date, Title: "Obowiązuje do"},
			{Name: "plan", Type: Text, Title: "Identyfikator (lokalnyId) aktu, do którego należy obiekt"},
		},
	},
	{
		Name: "mpzp", Title: "Tereny miejscowych planów zagospodarowania przestrzennego", Class: "TerenMPZP", Geometry: MultiPolygon,
		Columns: []Column{
			{Name: "oznaczenie", Type: Text, Title: "Oznaczenie terenu (np. 1MN)"},
			{Name: "przeznaczenie", Type: Text, Title: "Symbol przeznaczenia (np. MN, MW, U, ZL, KDD)"},
			{Name: "nazwa", Type: Text, Title: "Nazwa lub opis przeznaczenia"},
			{Name: "plan", Type: Text, Title: "Plan (nazwa lub numer uchwały)"},
			{Name: "obowiazuje_od", Type: Date, Title: "Obowiązuje od"},
			{Name: "maks_intensywnosc", Type: Real, Title: "Maksymalna intensywność zabudowy"},
			{Name: "maks_udzial_zabudowy", Type: Real, Title: "Maksymalny udział powierzchni zabudowy [%]"},
			{Name: "maks_wysokosc", Type: Real, Title: "Maksymalna wysokość zabudowy [m]"},
			{Name: "min_udzial_pbc", Type: Real, Title: "Minimalny udział powierzchni biologicznie czynnej [%]"},
			{Name: "zrodlo", Type: Text, Title: "Plik (i warstwa) źródłowy"},
		},
	},
}
