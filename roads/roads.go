// Package roads holds the road dataset: public roads as lines with the
// category that names their manager (zarządca drogi, ustawa o drogach
// publicznych art. 2 and 19), and its ingest from GeoJSON.
//
// A road dataset is a store like any other (one layer, "drogi"): it is
// served by WMS, WFS, OGC API and the tiles, and resident reports use it as an
// asset layer that overrides the gmina boundaries (docs/open311.md). The
// synthetic county's generator writes one (drogi.geojson), and a county loads
// its own road register the same way:
//
//	sip ingest --store drogi.gpkg drogi.geojson
package roads

import (
	"strings"

	"github.com/sip-core/sip/store"
)

// Layer is the name of the road layer.
const Layer = "drogi"

// Categories of public roads (art. 2 ust. 1) as stored in the kategoria column.
const (
	Krajowa    = "krajowa"    // GDDKiA (in a city with powiat rights: the city, but motorways and expressways)
	Wojewodzka = "wojewodzka" // zarząd województwa (zarząd dróg wojewódzkich)
	Powiatowa  = "powiatowa"  // zarząd powiatu (powiatowy zarząd dróg)
	Gminna     = "gminna"     // wójt, burmistrz or prezydent miasta
)

// Categories lists the categories, highest first.
var Categories = []string{Krajowa, Wojewodzka, Powiatowa, Gminna}

// Layers is the schema of a road dataset.
var Layers = []store.Layer{{
	Name: Layer, Title: "Drogi publiczne", Class: "DrogaPubliczna", Geometry: store.MultiLineString,
	Columns: []store.Column{
		{Name: "numer", Type: store.Text, Title: "Numer drogi (np. DK12, DW481, 1502E, 115001E)"},
		{Name: "nazwa", Type: store.Text, Title: "Nazwa ulicy lub opis odcinka"},
		{Name: "kategoria", Type: store.Text, Title: "Kategoria drogi publicznej: krajowa, wojewodzka, powiatowa, gminna (art. 2 ustawy o drogach publicznych)"},
		{Name: "zarzadca", Type: store.Text, Title: "Zarządca drogi"},
	},
}}

// Category normalises a category as people and registers write it: "Droga
// powiatowa", "wojewódzka", or the one-letter codes of the topographic
// database (K, W, P, G). ok is false for anything else.
func Category(s string) (string, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "droga ")
	s = strings.ReplaceAll(s, "ó", "o")
	switch s {
	case "k", "krajowa":
		return Krajowa, true
	case "w", "wojewodzka":
		return Wojewodzka, true
	case "p", "powiatowa":
		return Powiatowa, true
	case "g", "gminna":
		return Gminna, true
	}
	return "", false
}
