package open311

import (
	"github.com/sip-core/sip/config"
)

// DefaultServices is the catalogue used when open311.services is empty:
// the categories residents report most (road damage, street lighting,
// illegal dumping, water or sewage failure, fallen tree, snow, other), with
// attributes of every GeoReport v2 datatype. Road damage, fallen trees and
// snow on a road go to the road's manager.
func DefaultServices() []config.ReportService {
	yesNo := []config.ReportValue{{Key: "tak", Name: "Tak"}, {Key: "nie", Name: "Nie"}}
	return []config.ReportService{
		{Code: "drogi", Name: "Uszkodzenie drogi lub chodnika", Group: "Drogi", Keywords: []string{"dziura", "jezdnia", "chodnik", "znak"},
			Description: "Ubytek w nawierzchni, zapadnięcie, uszkodzony znak lub bariera. Trafia do zarządcy drogi.", Assets: []string{"drogi"},
			Attributes: []config.ReportAttribute{
				{Code: "rodzaj", Datatype: "singlevaluelist", Required: true, Order: 1, Description: "Rodzaj uszkodzenia",
					Values: []config.ReportValue{{Key: "ubytek", Name: "Ubytek (dziura) w nawierzchni"}, {Key: "zapadniecie", Name: "Zapadnięcie lub wybrzuszenie"}, {Key: "znak", Name: "Uszkodzony znak lub sygnalizacja"}, {Key: "bariera", Name: "Uszkodzona bariera lub chodnik"}}},
				{Code: "zagrozenie", Datatype: "singlevaluelist", Required: true, Order: 2, Description: "Czy zagraża bezpieczeństwu ruchu?", Values: yesNo},
				{Code: "wielkosc", Datatype: "number", Order: 3, Description: "Przybliżona średnica ubytku [cm]", DatatypeDescription: "liczba, np. 40"},
			}},
		{Code: "oswietlenie", Name: "Oświetlenie uliczne", Group: "Infrastruktura", Keywords: []string{"latarnia", "lampa"},
			Description: "Niedziałająca, migająca lub uszkodzona latarnia.",
			Attributes: []config.ReportAttribute{
				{Code: "objaw", Datatype: "singlevaluelist", Required: true, Order: 1, Description: "Co się dzieje?",
					Values: []config.ReportValue{{Key: "nie_swieci", Name: "Nie świeci"}, {Key: "miga", Name: "Miga"}, {Key: "swieci_w_dzien", Name: "Świeci w dzień"}, {Key: "uszkodzony_slup", Name: "Uszkodzony słup"}}},
				{Code: "numer_slupa", Datatype: "string", Order: 2, Description: "Numer na słupie (jeśli widoczny)"},
			}},
		{Code: "odpady", Name: "Nielegalne wysypisko odpadów", Group: "Środowisko", Keywords: []string{"śmieci", "wysypisko"},
			Description: "Porzucone odpady poza miejscami do tego przeznaczonymi.",
			Attributes: []config.ReportAttribute{
				{Code: "rodzaj_odpadow", Datatype: "multivaluelist", Required: true, Order: 1, Description: "Rodzaj odpadów",
					Values: []config.ReportValue{{Key: "komunalne", Name: "Komunalne"}, {Key: "budowlane", Name: "Budowlane"}, {Key: "wielkogabarytowe", Name: "Wielkogabarytowe"}, {Key: "opony", Name: "Opony"}, {Key: "niebezpieczne", Name: "Niebezpieczne (np. azbest)"}}},
				{Code: "objetosc", Datatype: "number", Order: 2, Description: "Przybliżona objętość [m³]"},
			}},
		{Code: "woda", Name: "Awaria wodociągu lub kanalizacji", Group: "Infrastruktura", Keywords: []string{"woda", "kanalizacja", "wyciek"},
			Description: "Brak wody, wyciek, zapadnięty właz, wybijająca kanalizacja.",
			Attributes: []config.ReportAttribute{
				{Code: "objaw", Datatype: "singlevaluelist", Required: true, Order: 1, Description: "Co się dzieje?",
					Values: []config.ReportValue{{Key: "brak_wody", Name: "Brak wody"}, {Key: "wyciek", Name: "Wyciek"}, {Key: "wlaz", Name: "Zapadnięty lub otwarty właz"}, {Key: "kanalizacja", Name: "Wybijająca kanalizacja"}}},
				{Code: "od_kiedy", Datatype: "datetime", Order: 2, Description: "Od kiedy?", DatatypeDescription: "data i godzina ISO 8601, np. 2025-03-01T07:30:00+01:00"},
			}},
		{Code: "drzewo", Name: "Powalone lub zagrażające drzewo", Group: "Środowisko", Keywords: []string{"drzewo", "konar"},
			Description: "Drzewo lub konar na drodze, chodniku lub grożący upadkiem. Na drodze trafia do jej zarządcy.", Assets: []string{"drogi"},
			Attributes: []config.ReportAttribute{
				{Code: "blokuje", Datatype: "singlevaluelist", Required: true, Order: 1, Description: "Czy blokuje przejazd lub przejście?", Values: yesNo},
			}},
		{Code: "snieg", Name: "Nieodśnieżona lub oblodzona droga", Group: "Drogi", Keywords: []string{"śnieg", "lód", "gołoledź"},
			Description: "Zalegający śnieg lub lód na jezdni albo chodniku. Trafia do zarządcy drogi.", Assets: []string{"drogi"},
			Attributes: []config.ReportAttribute{
				{Code: "gdzie", Datatype: "singlevaluelist", Order: 1, Description: "Gdzie?", Values: []config.ReportValue{{Key: "jezdnia", Name: "Jezdnia"}, {Key: "chodnik", Name: "Chodnik"}, {Key: "przystanek", Name: "Przystanek"}}},
			}},
		{Code: "inne", Name: "Inny problem", Group: "Inne", Keywords: []string{"inne"},
			Description: "Sprawa spoza powyższych kategorii; trafia do urzędu gminy.",
			Attributes: []config.ReportAttribute{
				{Code: "szczegoly", Datatype: "text", Order: 1, Description: "Dodatkowe szczegóły"},
			}},
	}
}

// DefaultOffices are the offices named when open311.offices is empty.
func DefaultOffices() []config.ReportOffice {
	return []config.ReportOffice{
		{Code: config.OfficeGDDKiA, Name: "Generalna Dyrekcja Dróg Krajowych i Autostrad (oddział właściwy dla województwa)", URL: "https://www.gov.pl/web/gddkia"},
		{Code: config.OfficeZDW, Name: "Zarząd dróg wojewódzkich (właściwy dla województwa)"},
		{Code: config.OfficeOutside, Name: "Urząd gminy właściwy dla miejsca zdarzenia (miejsce leży poza obszarem obsługiwanym przez ten system)"},
	}
}

// DefaultRoadManagers maps road categories to their managers (ustawa o
// drogach publicznych art. 19): gminne → the gmina, powiatowe → the county
// road authority, wojewódzkie and krajowe → offices outside the county.
func DefaultRoadManagers() map[string]string {
	return map[string]string{"gminna": config.RouteGmina, "powiatowa": config.UnitCountyRoads, "wojewodzka": config.OfficeZDW, "krajowa": config.OfficeGDDKiA}
}

// attributeVariable reports an attribute's variable flag (default true).
func attributeVariable(a config.ReportAttribute) bool { return a.Variable == nil || *a.Variable }
