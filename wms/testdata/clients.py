"""Real WMS clients reading the SIP WMS, for wms/clients_test.go.

usage: clients.py owslib URL VERSION MINE MINN MAXE MAXN I J
       clients.py qgis URL MINE MINN MAXE MAXN SIZE OUT.png
Prints one JSON object on stdout.
"""
import json
import sys


def owslib_check(url, version, mine, minn, maxe, maxn, i, j):
    from owslib.wms import WebMapService
    wms = WebMapService(url, version=version)
    out = {"version": wms.identification.version, "layers": sorted(wms.contents)}
    lay = wms["dzialki"]
    out["crs"] = sorted(set(lay.crsOptions))
    out["queryable"] = lay.queryable
    out["styles"] = sorted(lay.styles)
    out["geo_bbox"] = list(lay.boundingBoxWGS84)
    # OWSLib takes x=E,y=N and swaps to N,E itself for 1.3.0 EPSG:2180 (its
    # own axis-order table): the request must then match ours.
    bbox = (mine, minn, maxe, maxn)
    img = wms.getmap(layers=["dzialki", "budynki"], styles=["", ""], srs="EPSG:2180", bbox=bbox,
                     size=(512, 512), format="image/png")
    data = img.read()
    out["png_bytes"] = len(data)
    out["png_magic"] = data[:8].hex()
    info = wms.getfeatureinfo(layers=["dzialki"], query_layers=["dzialki"], styles=[""], srs="EPSG:2180",
                              bbox=bbox, size=(512, 512), format="image/png", info_format="text/xml",
                              xy=(i, j))
    out["info"] = info.read().decode("utf-8")
    print(json.dumps(out))


def qgis_render(url, mine, minn, maxe, maxn, size, path):
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererParallelJob,
                           QgsCoordinateReferenceSystem, QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    app = QgsApplication([], False)
    app.initQgis()
    uri = "crs=EPSG:2180&dpiMode=7&format=image/png&layers=dzialki&styles=&url=" + url
    layer = QgsRasterLayer(uri, "dzialki", "wms")
    out = {"valid": layer.isValid()}
    if not layer.isValid():
        out["error"] = layer.error().summary()
        print(json.dumps(out))
        return
    out["crs"] = layer.crs().authid()
    ext = layer.extent()
    out["extent"] = [ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]
    ms = QgsMapSettings()
    ms.setLayers([layer])
    ms.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2180"))
    ms.setExtent(QgsRectangle(mine, minn, maxe, maxn))
    ms.setOutputSize(QSize(size, size))
    ms.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(ms)
    job.start()
    job.waitForFinished()
    img = job.renderedImage()
    out["saved"] = img.save(path, "PNG")
    errs = job.errors()
    out["errors"] = [e.message for e in errs]
    print(json.dumps(out))
    app.exitQgis()


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "owslib":
        a = sys.argv[2:]
        owslib_check(a[0], a[1], *map(float, a[2:6]), int(a[6]), int(a[7]))
    elif cmd == "qgis":
        a = sys.argv[2:]
        qgis_render(a[0], *map(float, a[1:5]), int(a[5]), a[6])
