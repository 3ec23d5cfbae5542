"""Filter the SIP WFS with OWSLib's own getfeature calls, GET and POST, as a
user of OWSLib 0.27 writes them; print one JSON line: the ID_DZIALKI values
each call returned (or its error).

usage: owslib_filter.py BASE_URL MIN_AREA_HA MINX,MINY,MAXX,MAXY
"""
import json
import sys

from owslib.etree import etree
from owslib.fes2 import FilterRequest, PropertyIsGreaterThan
from owslib.wfs import WebFeatureService

base, area, box = sys.argv[1], sys.argv[2], [float(v) for v in sys.argv[3].split(",")]
NS = "http://mapserver.gis.umn.edu/mapserver"
wfs = WebFeatureService(base + "/wfs", version="2.0.0")
flt = FilterRequest().setConstraint(PropertyIsGreaterThan(propertyname="ms:POLE_EWIDENCYJNE", literal=area))


def ids(**kw):
    try:
        doc = wfs.getfeature(typename=["ms:dzialki"], **kw).read()
        root = etree.fromstring(doc)
        return sorted(e.text for e in root.iter("{%s}ID_DZIALKI" % NS))
    except Exception as e:  # the service's exception report, or a client error
        return "error: %s" % e


out = {
    # GET sends the filter as query=<fes:Filter…>
    "filter_get": ids(filter=etree.tostring(flt).decode(), method="Get"),
    # POST sends <wfs20:Query typenames="…"> with the fes:Filter inside
    "filter_post": ids(filter=flt, method="Post"),
    # a box in x/y with the short EPSG code, as OWSLib's documentation writes it
    "bbox_get": ids(bbox=tuple(box) + ("EPSG:2180",), method="Get"),
    "bbox_post": ids(bbox=tuple(box) + ("EPSG:2180",), method="Post"),
}
print(json.dumps(out))
