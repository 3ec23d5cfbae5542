package ingest

import (
	"encoding/json"
	"fmt"
	"hash/fnv"

	"github.com/paulmach/orb/encoding/wkb"

	"github.com/sip-core/sip/store"
)

// ContentVersion is a version id for objects of formats without versions of
// their own (Shapefile, GeoJSON, road registers): it changes exactly when the
// object's attributes or geometry do, so a repeated ingest of the same file
// changes nothing and a changed object gets a new version.
func ContentVersion(o *store.Object) string {
	h := fnv.New64a()
	b, _ := json.Marshal(o.Attrs)
	h.Write(b)
	if o.Geometry != nil {
		if w, err := wkb.Marshal(o.Geometry); err == nil {
			h.Write(w)
		}
	}
	return fmt.Sprintf("%016x", h.Sum64())
}
