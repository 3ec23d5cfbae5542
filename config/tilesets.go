package config

import (
	"path/filepath"
	"strings"
)

// Tileset is a pre-built tile archive served under /tiles/{name}: an
// MBTiles, PMTiles or GeoPackage file, or a PMTiles archive in object
// storage (s3://BUCKET/KEY.pmtiles?endpoint=…&region=…, https://…), whose
// new builds (sip tiles build/update --out the same URL) every replica picks
// up within seconds. Credentials come from the environment
// (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY), never from this file.
type Tileset struct {
	Name string `yaml:"name"`
	URL  string `yaml:"url"`
}

func (c *Config) validateTilesets(v *validator) {
	names := map[string]bool{}
	for _, d := range c.Datasets {
		names[d.Name] = true
	}
	for i, t := range c.Tilesets {
		p := []any{"tilesets", i}
		if !nameRE.MatchString(t.Name) {
			v.atf(append(p, "name"), "tileset name %q: use 1-64 lower-case letters, digits, '_' or '-'", t.Name)
		}
		if names[t.Name] {
			v.atf(append(p, "name"), "tileset name %q is taken (a dataset's dynamic tileset or another tileset)", t.Name)
		}
		names[t.Name] = true
		switch ext := strings.ToLower(filepath.Ext(strings.SplitN(t.URL, "?", 2)[0])); {
		case t.URL == "":
			v.at("url is required: a tile file or s3://BUCKET/KEY.pmtiles", append(p, "url")...)
		case IsObjectURL(t.URL) && ext != ".pmtiles":
			v.at("object storage serves PMTiles archives only (….pmtiles)", append(p, "url")...)
		case strings.Contains(t.URL, "@") && IsObjectURL(t.URL):
			v.at("credentials never go in the configuration: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment", append(p, "url")...)
		case ext != ".pmtiles" && ext != ".mbtiles" && ext != ".gpkg":
			v.at("a tile file is .mbtiles, .pmtiles or .gpkg", append(p, "url")...)
		}
	}
}

// anchorTilesets makes tile file paths absolute relative to dir.
func (c *Config) anchorTilesets(dir string) {
	for i := range c.Tilesets {
		if u := c.Tilesets[i].URL; u != "" && !IsObjectURL(u) && !filepath.IsAbs(u) {
			c.Tilesets[i].URL = filepath.Join(dir, u)
		}
	}
}
