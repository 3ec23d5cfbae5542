// Package prg holds the address-point register of a gmina (punkty adresowe of
// the PRG / EMUiA: ewidencja miejscowości, ulic i adresów) as a dataset of its
// own, and its ingest: the GML of GUGiK's PRG address schema (prg-ad,
// PRG_PunktAdresowy features) and the CSV export of a gmina's system.
//
// An address point is public data: the TERYT codes of its gmina, miejscowość
// (SIMC) and street (ULIC), their names, the house number, the postal code,
// the status and a position. Nothing else of a file is read. Area alerts
// (package alerts) take the affected addresses of a gmina from its points
// when its register is ingested (docs/alerts.md). The facts relied on are in
// docs/domain.md, "Address points (PRG)".
//
//	sip ingest --store adresy.gpkg PRG_PunktyAdresowe_1003022.gml
package prg

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/sip-core/sip/ingest"
	"github.com/sip-core/sip/ingest/egib"
	"github.com/sip-core/sip/store"
)

// Layer is the name of the address-point layer; Class the source class.
const (
	Layer = "punkty_adresowe"
	Class = "PRG_PunktAdresowy"
	// Namespace of points without an identifier namespace of their own.
	Namespace = "PL.PZGiK.PRG.AD"
)

// Planned is the status of an address given ahead of the building
// (prognozowany): nobody lives there yet.
const Planned = "prognozowany"

// Layers is the schema of an address-point dataset.
var Layers = []store.Layer{{
	Name: Layer, Title: "Punkty adresowe (PRG)", Class: Class, Geometry: store.Point,
	Columns: []store.Column{
		{Name: "adres", Type: store.Text, Title: "Adres (jak w ewidencji: Łask, ul. Kościuszki 12)"},
		{Name: "teryt_gminy", Type: store.Text, Title: "Kod TERC gminy (7 cyfr)"},
		{Name: "gmina", Type: store.Text, Title: "Gmina"},
		{Name: "simc", Type: store.Text, Title: "Identyfikator SIMC miejscowości"},
		{Name: "miejscowosc", Type: store.Text, Title: "Miejscowość"},
		{Name: "czesc_miejscowosci", Type: store.Text, Title: "Część miejscowości"},
		{Name: "ulic", Type: store.Text, Title: "Identyfikator ULIC ulicy"},
		{Name: "ulica", Type: store.Text, Title: "Ulica"},
		{Name: "numer", Type: store.Text, Title: "Numer porządkowy"},
		{Name: "kod_pocztowy", Type: store.Text, Title: "Kod pocztowy"},
		{Name: "status", Type: store.Text, Title: "Status (istniejacy, prognozowany, …)"},
	},
}}

var (
	tercRE = regexp.MustCompile(`^[0-9]{7}$`)
	postRE = regexp.MustCompile(`^[0-9]{2}-[0-9]{3}$`)
)

// Point is the public content of one address point, before it becomes a
// store object.
type Point struct {
	Gmina, GminaName, SIMC, Place, PlacePart, ULIC, Street, Number, Postcode, Status string
}

// Address formats the point's address as the cadastre's adresy columns do
// ("Łask, ul. Kościuszki 12", or "Bachorza 12" in a village without
// streets), so one address reads the same from either source.
func (p *Point) Address() string { return egib.FormatAddress(p.Place, p.Street, p.Number, "") }

// check names what makes the point unusable, and what is only doubtful.
func (p *Point) check() (problem string, warnings []string) {
	switch {
	case !tercRE.MatchString(p.Gmina):
		if p.Gmina == "" {
			return "no gmina TERYT (TERC) code", nil
		}
		return "gmina TERYT " + quote(p.Gmina) + " is not a 7-digit TERC code", nil
	case strings.TrimSpace(p.Place) == "":
		return "no miejscowość", nil
	case strings.TrimSpace(p.Number) == "":
		return "no numer porządkowy", nil
	}
	if p.Postcode != "" && !postRE.MatchString(p.Postcode) {
		warnings = append(warnings, "kod pocztowy "+quote(p.Postcode)+" is not NN-NNN")
	}
	return "", warnings
}

func (p *Point) attrs() map[string]any {
	a := map[string]any{"adres": p.Address(), "teryt_gminy": p.Gmina}
	for k, v := range map[string]string{"gmina": p.GminaName, "simc": p.SIMC, "miejscowosc": p.Place,
		"czesc_miejscowosci": p.PlacePart, "ulic": p.ULIC, "ulica": p.Street, "numer": p.Number,
		"kod_pocztowy": p.Postcode, "status": p.Status} {
		if v = strings.Join(strings.Fields(v), " "); v != "" {
			a[k] = v
		}
	}
	return a
}

func quote(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return `"` + s + `"`
}

// IsRegisterFile tells an address-point file from other inputs: GML holding
// PRG_PunktAdresowy features, or a CSV (.csv, .txt) whose header names a
// numer porządkowy and x/y columns.
func IsRegisterFile(path string) bool {
	head := ingest.FileHead(path)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt":
		line, _, _ := bytes.Cut(head, []byte("\n"))
		_, err := header(splitHeader(string(line)))
		return err == nil
	case ".gml", ".xml":
		// the point class, or the schema's namespace on the root (a file may
		// open with its components)
		return bytes.Contains(head, []byte("PRG_PunktAdresowy")) || bytes.Contains(head, []byte(":panstwowyRejestrGranicAdresy:"))
	}
	return false
}
