package tiles

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
)

const qgisScript = `
import sys, os
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsVectorTileLayer, QgsMapSettings, QgsMapRendererSequentialJob,
    QgsCoordinateReferenceSystem, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor
app = QgsApplication([], False); app.initQgis()
lyr = QgsVectorTileLayer("type=mbtiles&url=" + sys.argv[1], "t")
for ext in sys.argv[2:]:
    ms = QgsMapSettings()
    ms.setLayers([lyr]); ms.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    ms.setOutputSize(QSize(512, 512)); ms.setBackgroundColor(QColor(255, 255, 255))
    w, s, e, n = [float(v) for v in ext.split(",")]
    ms.setExtent(QgsRectangle(w, s, e, n))
    job = QgsMapRendererSequentialJob(ms); job.start(); job.waitForFinished()
    img = job.renderedImage()
    drawn = sum(1 for yy in range(0, 512, 4) for xx in range(0, 512, 4) if img.pixel(xx, yy) & 0xffffff != 0xffffff)
    print("RESULT", lyr.isValid(), lyr.sourceMinZoom(), lyr.sourceMaxZoom(), drawn, flush=True)
`

// TestQGISRendersTiles: headless QGIS opens the MBTiles as a vector tile layer
// and draws the parcels where they are, and nothing beside the county.
func TestQGISRendersTiles(t *testing.T) {
	if exec.Command("/usr/bin/python3", "-c", "import qgis.core").Run() != nil {
		t.Skip("oracle missing: python3-qgis")
	}
	out, _ := built(t, "county.mbtiles")
	r := openRO(t, county(t))
	ext, _, _ := r.Extent(bg, "dzialki")
	c := WebMercatorQuad.ToGrid(ext).Center()
	box := func(dx float64) string {
		return fmt.Sprintf("%f,%f,%f,%f", c[0]+dx-500, c[1]-500, c[0]+dx+500, c[1]+500)
	}
	cmd := exec.Command("/usr/bin/python3", "-c", qgisScript, out, box(0), box(200000))
	cmd.Env = append(os.Environ(), "QT_QPA_PLATFORM=offscreen")
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("QGIS: %v\n%s", err, b)
	}
	var results []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "RESULT ") {
			results = append(results, l)
		}
	}
	if len(results) != 2 {
		t.Fatalf("QGIS output:\n%s", b)
	}
	var valid string
	var minZ, maxZ, drawn, empty int
	fmt.Sscanf(results[0], "RESULT %s %d %d %d", &valid, &minZ, &maxZ, &drawn)
	fmt.Sscanf(results[1], "RESULT %s %d %d %d", &valid, &minZ, &maxZ, &empty)
	if valid != "True" || minZ != 10 || maxZ != 16 {
		t.Errorf("QGIS layer: %s", results[0])
	}
	if drawn < 500 || empty != 0 {
		t.Errorf("QGIS drew %d of 16384 sampled pixels over the county and %d beside it", drawn, empty)
	}
}
