package geo

// AppendGeoJSONCRS appends the "crs" member naming c to a GeoJSON object
// being written: `"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2180"}}`,
// the GeoJSON 2008 form that GeoServer answers and QGIS and GDAL read (RFC
// 7946 dropped it: its positions are always CRS84). Positions under it stay
// x = easting/longitude, y = northing/latitude whatever the CRS's own axis
// order, which is how QGIS and GDAL read them.
func AppendGeoJSONCRS(b []byte, c *CRS) []byte {
	b = append(b, `"crs":{"type":"name","properties":{"name":"`...)
	b = append(b, c.URN()...) // no character of a URN needs escaping
	return append(b, `"}}`...)
}

// IsRFC7946 reports whether GeoJSON positions in c (written x/y) are what RFC
// 7946 means without a "crs" member: WGS 84 longitude, latitude (CRS84, or
// EPSG:4326 written lon/lat). Any other CRS needs AppendGeoJSONCRS, or
// readers take its coordinates for degrees.
func IsRFC7946(c *CRS) bool { return c == CRS84 || c.Code == 4326 }
