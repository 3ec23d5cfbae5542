package parcels

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/sip-core/sip/store"
)

// searchIndex is the in-memory part of the autocomplete of one dataset: the
// obręb names folded for typing without Polish letters, and the words of the
// parcels' property addresses. The parcels are read from the store (the index
// of their id column, by prefix) when a query needs them. It is guarded by the
// model's lock.
type searchIndex struct {
	obreby map[string]*obrebEntry // id_obrebu → entry
	addrs  *addrIndex             // property addresses (address.go)
}

type obrebEntry struct {
	id     string
	name   string // as stored
	folded string // lower case, Polish letters folded
}

func newSearchIndex() *searchIndex {
	return &searchIndex{obreby: map[string]*obrebEntry{}, addrs: newAddrIndex()}
}

func (s *searchIndex) setObreb(id, name string) {
	e, ok := s.obreby[id]
	if !ok {
		e = &obrebEntry{id: id}
		s.obreby[id] = e
	}
	e.name = name
	e.folded = fold(name)
}

// fold lower-cases s, folds Polish letters to ASCII and collapses white space.
func fold(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune lower-cases r and folds a Polish letter to ASCII.
func foldRune(r rune) rune {
	r = unicode.ToLower(r)
	switch r {
	case 'ą':
		r = 'a'
	case 'ć':
		r = 'c'
	case 'ę':
		r = 'e'
	case 'ł':
		r = 'l'
	case 'ń':
		r = 'n'
	case 'ó':
		r = 'o'
	case 'ś':
		r = 's'
	case 'ź', 'ż':
		r = 'z'
	}
	return r
}

// hit is one autocomplete answer.
type hit struct {
	p     *parcel
	score int    // lower is better
	addr  int32  // the address entry that matched, -1 for id and number matches
	text  string // that address, for ordering address matches
}

// Scores, best first: an exact id or obręb + number, then an address holding
// every word typed, then the prefixes of ids and numbers, then the weak ones.
const (
	scoreExactID          = iota
	scoreExactNumber      // the number in an obręb of that name; a bare number
	scoreAddress          // every word is a whole word of the address
	scorePrefixID         // the start of an id
	scorePrefixNumber     // numbers starting with the one typed
	scoreNameExactNumber  // the number in an obręb whose name starts with the one typed
	scoreAddressPrefix    // the last word is the start of a word of the address
	scoreNamePrefixNumber // numbers starting with it, in such an obręb
)

// numberKey orders parcel numbers naturally: 2 < 10 < 10/1 < 10/2 < 10/10.
func numberKey(num string) (int, int) {
	a, b, _ := strings.Cut(num, "/")
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return x, y
}

func less(a, b hit) bool {
	if a.score != b.score {
		return a.score < b.score
	}
	if a.text != b.text {
		return natLess(a.text, b.text)
	}
	if a.p.obreb != b.p.obreb {
		return a.p.obreb < b.p.obreb
	}
	if a.p.sheet != b.p.sheet {
		return a.p.sheet < b.p.sheet
	}
	x1, y1 := numberKey(a.p.number)
	x2, y2 := numberKey(b.p.number)
	if x1 != x2 {
		return x1 < x2
	}
	if y1 != y2 {
		return y1 < y2
	}
	return a.p.id < b.p.id
}

// looksLikeNumber: a parcel number or the start of one ("12", "12/", "12/3").
func looksLikeNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '/' {
			return false
		}
	}
	return strings.Count(s, "/") <= 1
}

// maxScan bounds the work of one query: a one-character prefix over a 300k
// county touches tens of thousands of parcels; ranking them all is not needed.
const maxScan = 20000

// found is one answer of match.
type found struct {
	p    *parcel
	addr string // the address the query matched; "" for an id or number match
}

// errEnough stops a scan of the store that found enough.
var errEnough = errors.New("enough")

// readParcels streams the current parcels q selects (attributes only, no
// geometry) with their objects to fn until it returns false.
func (m *model) readParcels(ctx context.Context, q store.Query, fn func(*parcel, *store.Object) bool) error {
	q.Layer, q.NoGeometry = "dzialki", true
	err := m.st.Query(ctx, q, func(row store.Row) error {
		if p := parcelOf(row.Object); p != nil && !fn(p, row.Object) {
			return errEnough
		}
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return fmt.Errorf("parcels: search: %w", err)
	}
	return nil
}

// matchText answers an autocomplete query q with at most limit parcels, best
// first. It understands a full or partial parcel id ("100301_4.0001.12",
// "100301_4.00"), an obręb name with or without a number ("Łask 12/3",
// "lask-kol 5", "Buczek"), a bare number ("123/4") and, when addresses is set,
// a property address in any word order, with or without Polish letters
// ("Kościuszki 12", "kosciuszki 12 łask", "Kolumna 7"; the last word may be
// unfinished). A parcel appears once, with its best match. Parcels are read
// from the store by prefixes of their id (its index) or number.
func (m *model) matchText(ctx context.Context, q string, limit int, addresses bool) ([]found, error) {
	q = strings.TrimSpace(q)
	if q == "" || limit <= 0 {
		return nil, nil
	}
	var hits []hit
	scanned := 0
	// scan adds the parcels sq selects that keep accepts, up to maxScan.
	scan := func(sq store.Query, keep func(p *parcel) (score int, ok bool)) error {
		if scanned >= maxScan {
			return nil
		}
		return m.readParcels(ctx, sq, func(p *parcel, _ *store.Object) bool {
			if sc, ok := keep(p); ok {
				scanned++
				hits = append(hits, hit{p: p, score: sc, addr: -1})
			}
			return scanned < maxScan
		})
	}
	byID := func(prefix string) store.Query {
		return store.Query{Prefix: map[string]string{"id_dzialki": prefix}}
	}
	// scanObreby reads the parcels of each obręb in ms whose number starts
	// with number, in the order of the best score each obręb can give and then
	// its id, and stops once limit hits rank before anything the next one could
	// give (the order of less: score, then obręb), so a short number or name
	// reads a few obręby, not the county.
	scanObreby := func(ms []obrebMatch, number string) error {
		sort.SliceStable(ms, func(i, j int) bool {
			if bi, bj := ms[i].best(number), ms[j].best(number); bi != bj {
				return bi < bj
			}
			return ms[i].id < ms[j].id
		})
		for _, x := range ms {
			if rankedBefore(hits, x.best(number), x.id) >= limit {
				return nil
			}
			for _, pre := range numberPrefixes(x.id, number) {
				if err := scan(byID(pre), func(p *parcel) (int, bool) {
					if p.obreb != x.id || !strings.HasPrefix(p.number, number) {
						return 0, false
					}
					if number != "" && p.number == number {
						return x.exact, true
					}
					return x.prefix, true
				}); err != nil {
					return err
				}
			}
		}
		return nil
	}
	var err error
	switch {
	case len(q) >= 6 && isDigits(q[:min(len(q), 6)]):
		// An id or the start of one.
		obr, tail := splitParcelID(q)
		if obr != "" {
			err = scan(byID(obr+"."+tail), func(p *parcel) (int, bool) {
				if p.obreb != obr || !strings.HasPrefix(p.tail, tail) {
					return 0, false
				}
				if p.tail == tail {
					return scoreExactID, true
				}
				return scorePrefixID, true
			})
			break
		}
		err = scan(byID(q), func(p *parcel) (int, bool) {
			return scorePrefixID, strings.HasPrefix(p.obreb+".", q) || strings.HasPrefix(p.obreb, q)
		})
	case looksLikeNumber(q):
		// A bare number: in every obręb, through the id index (numer_dzialki
		// has none).
		m.mu.RLock()
		var ms []obrebMatch
		for _, id := range m.sortedObreby() {
			ms = append(ms, obrebMatch{id, scoreExactNumber, scorePrefixNumber})
		}
		m.mu.RUnlock()
		err = scanObreby(ms, q)
	default:
		ms, number := m.matchNames(q)
		err = scanObreby(ms, number)
		if err == nil && addresses {
			var ah []hit
			ah, err = m.matchAddresses(ctx, q)
			hits = append(hits, ah...)
		}
	}
	if err != nil {
		return nil, err
	}
	return m.withBounds(ctx, bestHits(hits, limit))
}

// obrebMatch is an obręb a query names, with the scores of its exact and
// prefix number matches.
type obrebMatch struct {
	id            string
	exact, prefix int
}

// best is the best score a parcel of the obręb can get for number.
func (x obrebMatch) best(number string) int {
	if number == "" {
		return x.prefix
	}
	return x.exact
}

// rankedBefore counts the hits that rank before every hit of score score or
// worse in obręb obreb (less orders id and number hits by score, then obręb).
func rankedBefore(hits []hit, score int, obreb string) int {
	n := 0
	for _, h := range hits {
		if h.score < score || (h.score == score && h.text == "" && h.p.obreb < obreb) {
			n++
		}
	}
	return n
}

// matchNames returns the obręby whose name matches "<obręb name> [number]"
// (the name may hold spaces; the number is the last word when it looks like
// one), in id order, with the number.
func (m *model) matchNames(q string) ([]obrebMatch, string) {
	name, number := fold(q), ""
	if i := strings.LastIndexByte(name, ' '); i >= 0 && looksLikeNumber(name[i+1:]) {
		name, number = name[:i], name[i+1:]
	}
	var ms []obrebMatch
	m.mu.RLock()
	defer m.mu.RUnlock()
	for _, id := range m.sortedObreby() {
		e := m.search.obreby[id]
		if !nameMatches(e.folded, name) {
			continue
		}
		exact, prefix := scoreExactNumber, scorePrefixNumber
		if e.folded != name {
			// a prefix of the name ranks after the exact name
			exact, prefix = scoreNameExactNumber, scoreNamePrefixNumber
		}
		ms = append(ms, obrebMatch{id, exact, prefix})
	}
	return ms, number
}

// matchAddresses answers q from the addresses: the parcels at each address
// holding its words, read from the store, those no longer there let go.
func (m *model) matchAddresses(ctx context.Context, q string) ([]hit, error) {
	m.ensureSorted()
	type cand struct {
		entry int32
		exact bool
		text  string
		uuids []string
	}
	var cs []cand
	var uuids []string
	m.mu.RLock()
	gen := m.gen
	x := m.search.addrs
	for _, ah := range x.match(q) {
		en := &x.entries[ah.entry]
		c := cand{ah.entry, ah.exact, en.text, slices.Clone(en.parcels)}
		cs = append(cs, c)
		uuids = append(uuids, c.uuids...)
	}
	m.mu.RUnlock()
	type held struct {
		p     *parcel
		addrs []string
	}
	cur := map[string]held{}
	for start := 0; start < len(uuids); start += geomBatch {
		q := store.Query{IDs: uuids[start:min(start+geomBatch, len(uuids))]}
		err := m.readParcels(ctx, q, func(p *parcel, o *store.Object) bool {
			cur[p.uuid] = held{p, splitAddresses(str(o, "adresy"))}
			return true
		})
		if err != nil {
			return nil, err
		}
	}
	var hits []hit
	type gone struct {
		entry int32
		uuid  string
	}
	var stale []gone
	for _, c := range cs {
		sc := scoreAddressPrefix
		if c.exact {
			sc = scoreAddress
		}
		for _, uuid := range c.uuids {
			h, ok := cur[uuid]
			if !ok || !slices.Contains(h.addrs, c.text) {
				stale = append(stale, gone{c.entry, uuid})
				continue
			}
			hits = append(hits, hit{p: h.p, score: sc, addr: c.entry, text: c.text})
		}
	}
	if len(stale) > 0 {
		m.mu.Lock()
		if m.gen == gen { // else a change may have put one back meanwhile
			for _, g := range stale {
				x.prune(g.entry, g.uuid)
			}
		}
		m.mu.Unlock()
	}
	return hits, nil
}

// withBounds reads the boxes of the answers (their geometries, through the
// cache), leaving out a parcel gone meanwhile.
func (m *model) withBounds(ctx context.Context, top []hit) ([]found, error) {
	uuids := make([]string, len(top))
	for i, h := range top {
		uuids[i] = h.p.uuid
	}
	ls, err := m.locateIDs(ctx, uuids)
	if err != nil {
		return nil, err
	}
	byUUID := make(map[string]*parcel, len(ls))
	for _, l := range ls {
		byUUID[l.uuid] = l.parcel
	}
	out := make([]found, 0, len(top))
	for _, h := range top {
		if p, ok := byUUID[h.p.uuid]; ok {
			out = append(out, found{p: p, addr: h.text})
		}
	}
	return out, nil
}

// bestHits returns the limit best hits in order, each parcel once with its best
// hit. It costs one pass over the hits and a few insertions, not a sort of
// them all: a short prefix can match tens of thousands.
func bestHits(hits []hit, limit int) []hit {
	top := make([]hit, 0, limit+1)
	at := func(p *parcel) int {
		for i := range top {
			if top[i].p.uuid == p.uuid {
				return i
			}
		}
		return -1
	}
	for _, h := range hits {
		if len(top) == limit && !less(h, top[len(top)-1]) {
			continue
		}
		if i := at(h.p); i >= 0 {
			if !less(h, top[i]) {
				continue
			}
			top = slices.Delete(top, i, i+1)
		}
		i := sort.Search(len(top), func(i int) bool { return less(h, top[i]) })
		top = slices.Insert(top, i, h)
		if len(top) > limit {
			top = top[:limit]
		}
	}
	return top
}

// nameMatches: the folded obręb name equals q, starts with it, or one of its
// words (after a space or hyphen) starts with it.
func nameMatches(name, q string) bool {
	if q == "" || name == "" {
		return false
	}
	if strings.HasPrefix(name, q) {
		return true
	}
	for i := 0; i < len(name); i++ {
		if (name[i] == ' ' || name[i] == '-') && strings.HasPrefix(name[i+1:], q) {
			return true
		}
	}
	return false
}

// sortedObreby lists the obręb ids of the search index in order (read lock held).
func (m *model) sortedObreby() []string {
	ids := make([]string, 0, len(m.search.obreby))
	for id := range m.search.obreby {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

// ensureSorted sorts the address words when new ones came.
func (m *model) ensureSorted() {
	m.mu.RLock()
	dirty := m.search.addrs.dirty
	m.mu.RUnlock()
	if !dirty {
		return
	}
	m.mu.Lock()
	if m.search.addrs.dirty {
		m.search.addrs.sortVocab()
	}
	m.mu.Unlock()
}

// parcelsByObrebNumber resolves ULDK GetParcelByIdOrNr "<obręb name or id> <number>":
// every parcel with that number in an obręb of that id or (case-insensitive) name.
func (m *model) parcelsByObrebNumber(ctx context.Context, obreb, number string) ([]*parcel, error) {
	ids := []string{obreb} // an id; as a name it matches no id prefix
	m.mu.RLock()
	for _, id := range m.sortedObreby() {
		if id != obreb && strings.EqualFold(m.search.obreby[id].name, obreb) {
			ids = append(ids, id)
		}
	}
	m.mu.RUnlock()
	var out []*parcel
	for _, id := range ids {
		for _, pre := range numberPrefixes(id, number) {
			q := store.Query{Prefix: map[string]string{"id_dzialki": pre}}
			err := m.readParcels(ctx, q, func(p *parcel, _ *store.Object) bool {
				if p.obreb == id && (p.number == number || p.tail == number) {
					out = append(out, p)
				}
				return true
			})
			if err != nil {
				return nil, err
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out, nil
}

// numberPrefixes are the id prefixes (of the id index) under which obręb
// obreb's parcels whose number starts with number lie: "<obręb>.<number>" for
// ids without a sheet, and "<obręb>.AR_" for ids with one
// (WWPPGG_R.OOOO.AR_N.NDZ), whose number comes after the sheet. When either
// holds the other the first is enough: "AR_…" is a tail, not a number, and a
// shorter first prefix takes in the sheets. An empty number gives the whole
// obręb.
func numberPrefixes(obreb, number string) []string {
	whole, sheets := obreb+"."+number, obreb+".AR_"
	if strings.HasPrefix(whole, sheets) || strings.HasPrefix(sheets, whole) {
		return []string{whole}
	}
	return []string{whole, sheets}
}
