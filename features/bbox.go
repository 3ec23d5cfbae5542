package features

import (
	"context"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/features/filter"
	"github.com/sip-core/sip/store"
)

// A BBOX parameter (WFS KVP BBOX=, OGC API bbox=) keeps the features whose
// geometry intersects the box, as an FES <BBOX> and CQL2 S_INTERSECTS do:
// the standards mean the geometry, not its envelope. The box is also the
// query's envelope prefilter (query.bound); the exact test costs something
// only for the features whose envelope straddles the box's edge: a feature
// whose envelope lies inside the box intersects it, one whose envelope misses
// it does not, and only those in between are tested (GEOS, a prepared box).

// setBox makes b, in the storage CRS, the query's BBOX predicate.
func (q *query) setBox(b orb.Bound) {
	q.box = &b
	bound := b
	q.bound = &bound
}

// inBox reports whether g intersects the query's box (true without a box).
func (q *query) inBox(g orb.Geometry) bool {
	if q.box == nil {
		return true
	}
	if g == nil {
		return false
	}
	switch boxRelation(*q.box, g.Bound()) {
	case envelopeInside:
		return true
	case envelopeOutside:
		return false
	}
	if q.boxProg == nil {
		p, err := filter.Compile(filter.Spatial{Op: "intersects", Geom: *q.box})
		if err != nil { // a box always compiles; keep the envelope's answer
			return true
		}
		q.boxProg = p
	}
	return q.boxProg.Match(geomRecord{g})
}

const (
	envelopeOutside = iota
	envelopeInside
	envelopeEdge
)

// boxRelation tells where an envelope e lies with respect to the box b.
func boxRelation(b, e orb.Bound) int {
	if e.Max[0] < b.Min[0] || e.Min[0] > b.Max[0] || e.Max[1] < b.Min[1] || e.Min[1] > b.Max[1] {
		return envelopeOutside
	}
	if e.Min[0] >= b.Min[0] && e.Max[0] <= b.Max[0] && e.Min[1] >= b.Min[1] && e.Max[1] <= b.Max[1] {
		return envelopeInside
	}
	return envelopeEdge
}

// geomRecord is a geometry as a filter.Record.
type geomRecord struct{ g orb.Geometry }

func (r geomRecord) Value(string) any   { return nil }
func (r geomRecord) Geom() orb.Geometry { return r.g }
func (r geomRecord) FeatureID() string  { return "" }

// boxMatches resolves the query's box on the current state through the
// in-memory index: the ids whose geometry intersects it, appended to ids, and
// the candidates left out (envelope intersecting, geometry missing the box).
// Candidates whose indexed envelope lies inside the box match unread; the
// others are read from the store by id, once per query, and tested. ok is
// false as for boxCandidates (no box, history, too many candidates, an index
// behind its store): the caller then reads and tests the rows itself.
func (q *query) boxMatches(ctx context.Context, max int, ids []string) (_ []string, out map[string]bool, ok bool, err error) {
	n0 := len(ids)
	ids, ok = q.boxCandidates(ctx, max, ids)
	if !ok || q.box == nil {
		return ids, nil, ok, nil
	}
	if q.boxOut != nil {
		out = q.boxOut
	} else if out, err = q.boxMisses(ctx, ids[n0:]); err != nil {
		return nil, nil, false, err
	}
	q.boxOut = out
	if len(out) == 0 {
		return ids, out, true, nil
	}
	kept := ids[:n0]
	for _, id := range ids[n0:] {
		if !out[id] {
			kept = append(kept, id)
		}
	}
	return kept, out, true, nil
}

// boxMisses reads the candidates whose indexed envelope straddles the box's
// edge and returns those whose geometry misses the box.
func (q *query) boxMisses(ctx context.Context, cands []string) (map[string]bool, error) {
	l, ok := q.c.Dataset.Index.Layer(q.c.Layer.Name)
	if !ok {
		return map[string]bool{}, nil
	}
	var edge []string
	for _, id := range cands {
		if b, ok := l.Box(id); !ok || boxRelation(*q.box, b.Bound()) != envelopeInside {
			edge = append(edge, id)
		}
	}
	out := map[string]bool{}
	for len(edge) > 0 {
		part := edge[:min(len(edge), maxIndexCandidates)]
		edge = edge[len(part):]
		err := q.c.Dataset.Store.Query(ctx, store.Query{Layer: q.c.Layer.Name, IDs: part}, func(row store.Row) error {
			if !q.inBox(row.Geometry) {
				out[row.ID] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
