package config

// Viewer configures the public map viewer (package web).
type Viewer struct {
	// Background lists optional raster backgrounds (e.g. a county or GUGiK
	// orthophoto). The viewer offers each in its layer switcher, off by
	// default, and reports one that does not answer as unavailable.
	Background []Background `yaml:"background"`
}

// Background is one WMS, WMTS (RESTful/KVP template) or XYZ raster service.
type Background struct {
	// Name is the label in the layer switcher.
	Name string `yaml:"name"`
	// Type is wms, wmts or xyz.
	Type string `yaml:"type"`
	// URL is the service endpoint (wms: GetMap base URL; wmts/xyz: a tile URL
	// template with {z}/{x}/{y}, or {TileMatrix}/{TileCol}/{TileRow}).
	URL string `yaml:"url"`
	// Layers is the WMS LAYERS parameter.
	Layers string `yaml:"layers"`
	// Format is the image type (default image/jpeg for wms).
	Format string `yaml:"format"`
	// Attribution is shown on the map.
	Attribution string `yaml:"attribution"`
}
