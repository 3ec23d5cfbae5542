"""Read the SIP feature services with QGIS (headless); print one JSON line.

usage: QT_QPA_PLATFORM=offscreen qgis_check.py BASE_URL
For the WFS 2.0 and OAPIF providers: the number of features QGIS reads by
walking every page, the field names, and id + centroid of a few features.
"""
import json
import os
import sys

from qgis.core import QgsApplication, QgsFeatureRequest, QgsVectorLayer

base = sys.argv[1]
app = QgsApplication([], False)
app.initQgis()
out = {}
layers = {
    "wfs": QgsVectorLayer(f"url='{base}/wfs' typename='ms:dzialki' version='2.0.0' pagingEnabled='true' pageSize='100' srsname='EPSG:2180'", "wfs", "WFS"),
    "wfs11": QgsVectorLayer(f"url='{base}/wfs' typename='ms:budynki' version='1.1.0' srsname='EPSG:2180'", "wfs11", "WFS"),
    "oapif": QgsVectorLayer(f"url='{base}/ogc' typename='dzialki' pageSize='100'", "oapif", "OAPIF"),
}
for name, lyr in layers.items():
    r = {"valid": lyr.isValid()}
    if lyr.isValid():
        r["crs"] = lyr.crs().authid()
        r["fields"] = [f.name() for f in lyr.fields()]
        n = 0
        sample = []
        for f in lyr.getFeatures(QgsFeatureRequest()):
            n += 1
            if len(sample) < 5 and f.hasGeometry():
                c = f.geometry().centroid().asPoint()
                key = "ID_DZIALKI" if "ID_DZIALKI" in r["fields"] else "ID_BUDYNKU"
                sample.append({"id": f[key], "x": c.x(), "y": c.y()})
        r["count"] = n
        r["sample"] = sample
    out[name] = r
print(json.dumps(out), flush=True)
os._exit(0)  # QgsApplication.exitQgis() crashes headless QGIS 3.22 at exit
