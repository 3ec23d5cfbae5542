"""Read the SIP feature services with OWSLib; print one JSON line of findings.

usage: owslib_check.py BASE_URL
"""
import json
import sys

from owslib.wfs import WebFeatureService
from owslib.ogcapi.features import Features

base = sys.argv[1]
out = {}
wfs = WebFeatureService(base + "/wfs", version="2.0.0")
out["wfs_types"] = sorted(wfs.contents)
resp = wfs.getfeature(typename=["ms:budynki"], maxfeatures=7)
out["wfs_gml"] = resp.read().decode("utf-8").count("<wfs:member>")
wfs11 = WebFeatureService(base + "/wfs", version="1.1.0")
out["wfs11_types"] = sorted(wfs11.contents)
api = Features(base + "/ogc")
out["oapif_collections"] = sorted(c["id"] for c in api.collections()["collections"])
items = api.collection_items("dzialki", limit=5)
out["oapif_returned"] = items["numberReturned"]
out["oapif_matched"] = items["numberMatched"]
out["oapif_conformance"] = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in api.conformance()["conformsTo"]
print(json.dumps(out))
