"""Real WMTS clients reading the SIP WMTS, for tiles/wmts_test.go.

usage: wmts_clients.py qgis URL LAYER TMS CRS W,S,E,N SIZE OUT.png
       wmts_clients.py owslib URL LAYER TMS Z ROW COL OUT.png
Prints one JSON object as its last line on stdout.
"""
import json
import os
import sys


def qgis(url, layer, tms, crs, ext, size, out):
    """QGIS (headless) adds the WMTS layer as its WMS/WMTS provider does from
    a connection of the bare URL, and renders ext (in crs) over white."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererSequentialJob,
                           QgsCoordinateReferenceSystem, QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    app = QgsApplication([], False)
    app.initQgis()
    uri = ("contextualWMSLegend=0&crs=%s&dpiMode=7&format=image/png&layers=%s&styles=default"
           "&tileMatrixSet=%s&url=%s") % (crs, layer, tms, url)
    lyr = QgsRasterLayer(uri, layer, "wms")
    res = {"valid": lyr.isValid()}
    if not lyr.isValid():
        res["error"] = lyr.error().summary()
        print(json.dumps(res))
        return
    e = lyr.extent()
    res["extent"] = [e.xMinimum(), e.yMinimum(), e.xMaximum(), e.yMaximum()]
    res["crs"] = lyr.crs().authid()
    ms = QgsMapSettings()
    ms.setLayers([lyr])
    ms.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    ms.setOutputSize(QSize(int(size), int(size)))
    ms.setBackgroundColor(QColor(255, 255, 255))
    w, s, ee, n = [float(v) for v in ext.split(",")]
    ms.setExtent(QgsRectangle(w, s, ee, n))
    job = QgsMapRendererSequentialJob(ms)
    job.start()
    job.waitForFinished()
    res["saved"] = job.renderedImage().save(out, "PNG")
    res["errors"] = [x.message for x in job.errors()]
    print(json.dumps(res))
    app.exitQgis()


def owslib(url, layer, tms, z, row, col, out):
    """OWSLib reads the capabilities and fetches a tile by KVP GetTile."""
    from owslib.wmts import WebMapTileService
    w = WebMapTileService(url)
    res = {"layers": sorted(w.contents), "sets": sorted(w.tilematrixsets),
           "crs": {k: v.crs for k, v in w.tilematrixsets.items()},
           "formats": w.contents[layer].formats,
           "templates": [u["template"] for u in w.contents[layer].resourceURLs]}
    img = w.gettile(layer=layer, tilematrixset=tms, tilematrix=z, row=int(row), column=int(col), format="image/png")
    data = img.read()
    with open(out, "wb") as f:
        f.write(data)
    res["bytes"] = len(data)
    print(json.dumps(res))


if __name__ == "__main__":
    a = sys.argv[2:]
    if sys.argv[1] == "qgis":
        qgis(*a[:7])
    elif sys.argv[1] == "owslib":
        owslib(*a[:7])
