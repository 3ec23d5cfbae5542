"""Open a vector source with GDAL (a URL, a file, WFS:…, OAPIF:…) and print
one JSON line per layer: its name, the authority code of its SRS as GDAL
labels it, its feature count, its extent and its features' ids (the id field
or the FID) when asked.

usage: gdal_layer.py SOURCE [LAYER] [--ids FIELD] [--attr-filter SQL] [--bbox MINX,MINY,MAXX,MAXY]
"""
import json
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
args = sys.argv[1:]
opts = {}
for flag in ("--ids", "--attr-filter", "--bbox"):
    if flag in args:
        i = args.index(flag)
        opts[flag] = args[i + 1]
        del args[i:i + 2]
ds = gdal.OpenEx(args[0], gdal.OF_VECTOR)
layers = [ds.GetLayerByName(args[1])] if len(args) > 1 else [ds.GetLayer(i) for i in range(ds.GetLayerCount())]
for lyr in layers:
    if "--attr-filter" in opts:
        lyr.SetAttributeFilter(opts["--attr-filter"])
    if "--bbox" in opts:
        x0, y0, x1, y1 = (float(v) for v in opts["--bbox"].split(","))
        lyr.SetSpatialFilterRect(x0, y0, x1, y1)
    srs = lyr.GetSpatialRef()
    out = {
        "layer": lyr.GetName(),
        "srs": None if srs is None else "%s:%s" % (srs.GetAuthorityName(None), srs.GetAuthorityCode(None)),
        "count": lyr.GetFeatureCount(),
        "extent": list(lyr.GetExtent()) if lyr.GetFeatureCount() else None,
    }
    if "--ids" in opts:
        field = opts["--ids"]
        ids = []
        for f in lyr:
            ids.append(f.GetField(field) if field != "FID" else f.GetFID())
        out["ids"] = ids
    print(json.dumps(out))
