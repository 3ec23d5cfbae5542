package features

import (
	"sync"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/sip-core/sip/server"
)

// featCache is the feature cache of the package's test server (TestMain).
var featCache *encCache

// testServers maps the base URL of each test server to its *server.Server.
var testServers sync.Map

// serverAt returns the test server at base.
func serverAt(base string) *server.Server {
	srv, _ := testServers.Load(base)
	return srv.(*server.Server)
}

// catalogAt returns the features state of the test server at base.
func catalogAt(base string) *catalog { return catalogOfHost(serverAt(base).Host()) }

func catalogOfHost(h *server.Host) *catalog {
	return h.Service("features").(*service).catalogOf(h)
}

func ptr[T any](v T) *T { return &v }

func orbBound(x0, y0, x1, y1 float64) orb.Bound {
	return orb.Bound{Min: orb.Point{x0, y0}, Max: orb.Point{x1, y1}}
}

func planarCentroid(g orb.Geometry) (orb.Point, float64) { return planar.CentroidArea(g) }
