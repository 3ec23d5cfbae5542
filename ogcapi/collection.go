package ogcapi

import (
	"strings"

	"github.com/sip-core/sip/server"
)

// CollectionID names a published layer as a collection (and as a WFS feature
// type): the bare layer name in the server's first dataset, "<dataset>.<layer>"
// in the others (dataset names hold no '.'). Every part names collections so:
// /ogc/collections/{id}/… means the same collection everywhere.
func CollectionID(s *server.State, d *server.Dataset, layer string) string {
	if ds := s.Datasets(); len(ds) > 0 && ds[0] == d {
		return layer
	}
	return d.Name + "." + layer
}

// ResolveCollectionID is the inverse of CollectionID: the dataset and the
// published layer a collection id names (ok false when there is none). Access
// rights are the caller's to check (Dataset.CanRead).
func ResolveCollectionID(s *server.State, id string) (d *server.Dataset, layer string, ok bool) {
	if dsName, l, qualified := strings.Cut(id, "."); qualified {
		if d, ok = s.Dataset(dsName); !ok {
			return nil, "", false
		}
		layer = l
	} else {
		ds := s.Datasets()
		if len(ds) == 0 {
			return nil, "", false
		}
		d, layer = ds[0], id
	}
	if _, _, ok := d.Layer(layer); !ok {
		return nil, "", false
	}
	return d, layer, true
}
