"""Real WMS clients reading the SIP WMS, for wms/clients_test.go.

usage: clients.py owslib URL VERSION MINE MINN MAXE MAXN I J
       clients.py owslib_legend URL VERSION LAYER
       clients.py owslib_layers URL VERSION [KEY]
       clients.py qgis URL MINE MINN MAXE MAXN SIZE OUT.png [LAYER]
       clients.py qgis_legend URL LAYER OUT.png
       clients.py qgis_identify URL CRS MINX MINY MAXX MAXY X Y
       clients.py ogr_geojson FILE E N
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


def owslib_legend(url, version, layer):
    """A layer's styles as OWSLib reads them, and its default style's legend
    fetched from the LegendURL (its PNG size from the IHDR chunk)."""
    import struct
    from owslib.wms import WebMapService
    from owslib.util import openURL
    wms = WebMapService(url, version=version)
    lay = wms[layer]
    out = {"layers": sorted(wms.contents), "styles": lay.styles}
    data = openURL(lay.styles["default"]["legend"]).read()
    out["legend_bytes"] = len(data)
    out["legend_magic"] = data[:8].hex()
    if data[12:16] == b"IHDR":
        out["legend_w"], out["legend_h"] = struct.unpack(">II", data[16:24])
    print(json.dumps(out))


def owslib_layers(url, version, key=""):
    """The layers OWSLib reads from the capabilities (sent with X-API-Key when
    a key is given): names, titles and every LegendURL."""
    from owslib.wms import WebMapService
    headers = {"X-API-Key": key} if key else None
    wms = WebMapService(url, version=version, headers=headers)
    out = {"version": wms.identification.version, "layers": sorted(wms.contents),
           "titles": sorted(l.title for l in wms.contents.values()), "legends": []}
    for lay in wms.contents.values():
        for st in lay.styles.values():
            if st.get("legend"):
                out["legends"].append(st["legend"])
    print(json.dumps(out))


def qgis_legend(url, layer_name, path):
    """The legend QGIS shows for a WMS layer: its provider's GetLegendGraphic."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsRasterLayer
    app = QgsApplication([], False)
    app.initQgis()
    uri = "crs=EPSG:2180&format=image/png&layers=" + layer_name + "&styles=&url=" + url
    layer = QgsRasterLayer(uri, layer_name, "wms")
    out = {"valid": layer.isValid()}
    if layer.isValid():
        from qgis.PyQt.QtCore import QEventLoop, QTimer
        fetcher = layer.dataProvider().getLegendGraphicFetcher(None)
        got = {}
        loop = QEventLoop()

        def done(img):
            got["img"] = img
            loop.quit()

        def failed(msg):
            got["error"] = msg
            loop.quit()
        fetcher.finish.connect(done)
        fetcher.error.connect(failed)
        QTimer.singleShot(60000, loop.quit)
        fetcher.start()
        if "img" not in got and "error" not in got:
            loop.exec_()
        if "img" not in got:
            out["error"] = got.get("error", "timeout")
            print(json.dumps(out))
            app.exitQgis()
            return
        img = got["img"]
        out["null"] = img.isNull()
        out["size"] = [img.width(), img.height()]
        out["saved"] = (not img.isNull()) and img.save(path, "PNG")
    else:
        out["error"] = layer.error().summary()
    print(json.dumps(out))
    app.exitQgis()


def qgis_render(url, mine, minn, maxe, maxn, size, path, layer_name="dzialki"):
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsRasterLayer, QgsMapSettings, QgsMapRendererParallelJob,
                           QgsCoordinateReferenceSystem, QgsRectangle)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    app = QgsApplication([], False)
    app.initQgis()
    uri = "crs=EPSG:2180&dpiMode=7&format=image/png&layers=" + layer_name + "&styles=&url=" + url
    layer = QgsRasterLayer(uri, layer_name, "wms")
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


def qgis_identify(url, crs, minx, miny, maxx, maxy, x, y):
    """QGIS's own identify on a WMS layer (dzialki) in a CRS: the features
    its provider reads from GetFeatureInfo, their geometry in the layer's CRS
    (x = E/lon), whether each contains the clicked point, and the request
    QGIS sent (its INFO_FORMAT)."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsRasterLayer, QgsRaster, QgsRectangle, QgsPointXY,
                           QgsGeometry)
    app = QgsApplication([], False)
    app.initQgis()
    uri = "crs=" + crs + "&dpiMode=7&format=image/png&layers=dzialki&styles=&url=" + url
    layer = QgsRasterLayer(uri, "dzialki", "wms")
    out = {"valid": layer.isValid(), "features": []}
    if not layer.isValid():
        out["error"] = layer.error().summary()
        print(json.dumps(out))
        return
    out["crs"] = layer.crs().authid()
    prov = layer.dataProvider()
    pt = QgsPointXY(x, y)
    res = prov.identify(pt, QgsRaster.IdentifyFormatFeature, QgsRectangle(minx, miny, maxx, maxy), 512, 512)
    out["ok"] = res.isValid()
    if not res.isValid():
        out["error"] = res.error().summary()
    for stores in res.results().values():
        if isinstance(stores, str):
            out["error"] = stores
            continue
        for fs in stores:
            out["url"] = fs.params().get("getFeatureInfoUrl", "")
            for feat in fs.features():
                g = feat.geometry()
                c = g.centroid().asPoint() if not g.isNull() else None
                out["features"].append({
                    "id": feat.attribute("ID_DZIALKI") if "ID_DZIALKI" in feat.fields().names() else None,
                    "contains": (not g.isNull()) and g.contains(QgsGeometry.fromPointXY(pt)),
                    "centroid": [c.x(), c.y()] if c else None,
                    "area": g.area(),
                })
    print(json.dumps(out))
    app.exitQgis()


def ogr_geojson(path, e, n):
    """GDAL's reading of a GeoJSON document: the CRS it takes from the
    document, and each feature brought into EPSG:2180 (E,N) by GDAL: whether
    it contains the point E,N and its area."""
    from osgeo import ogr, osr
    ogr.UseExceptions()
    ds = ogr.Open(path)
    lay = ds.GetLayer(0)
    srs = lay.GetSpatialRef()
    out = {"crs": srs.GetAuthorityName(None) + ":" + srs.GetAuthorityCode(None) if srs else None, "features": []}
    to = osr.SpatialReference()
    to.ImportFromEPSG(2180)
    to.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    pt = ogr.CreateGeometryFromWkt("POINT (%r %r)" % (e, n))
    for feat in lay:
        g = feat.GetGeometryRef().Clone()
        g.AssignSpatialReference(srs)
        g.TransformTo(to)
        out["features"].append({"id": feat.GetField("ID_DZIALKI"), "contains": g.Contains(pt), "area": g.GetArea()})
    print(json.dumps(out))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "owslib":
        a = sys.argv[2:]
        owslib_check(a[0], a[1], *map(float, a[2:6]), int(a[6]), int(a[7]))
    elif cmd == "owslib_legend":
        owslib_legend(*sys.argv[2:5])
    elif cmd == "owslib_layers":
        owslib_layers(*sys.argv[2:5])
    elif cmd == "qgis":
        a = sys.argv[2:]
        qgis_render(a[0], *map(float, a[1:5]), int(a[5]), a[6], *a[7:8])
    elif cmd == "qgis_legend":
        qgis_legend(*sys.argv[2:5])
    elif cmd == "qgis_identify":
        a = sys.argv[2:]
        qgis_identify(a[0], a[1], *map(float, a[2:8]))
    elif cmd == "ogr_geojson":
        ogr_geojson(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
