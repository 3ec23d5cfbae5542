package parcels

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// searchIndex is the in-memory autocomplete index of one dataset: the parcels of
// every obręb in a slice sorted by their id tail (so a prefix is a binary-searched
// range), the obręb names folded for typing without Polish letters, and the
// parcels' property addresses by word. It is guarded by the model's lock.
type searchIndex struct {
	obreby map[string]*obrebEntry // id_obrebu → entry
	addrs  *addrIndex             // property addresses (address.go)
}

type obrebEntry struct {
	id     string
	name   string // as stored
	folded string // lower case, Polish letters folded
	tails  []*parcel
	dirty  bool // tails need sorting
}

func newSearchIndex() *searchIndex {
	return &searchIndex{obreby: map[string]*obrebEntry{}, addrs: newAddrIndex()}
}

func (s *searchIndex) entry(id string) *obrebEntry {
	e, ok := s.obreby[id]
	if !ok {
		e = &obrebEntry{id: id}
		s.obreby[id] = e
	}
	return e
}

func (s *searchIndex) setObreb(id, name string) {
	e := s.entry(id)
	e.name = name
	e.folded = fold(name)
}

// add files a parcel under its obręb and its addresses (the adresy column).
func (s *searchIndex) add(p *parcel, adresy string) {
	e := s.entry(p.obreb)
	e.tails = append(e.tails, p)
	e.dirty = true
	s.addrs.add(p, adresy)
}

func (s *searchIndex) remove(p *parcel) {
	s.addrs.remove(p)
	e, ok := s.obreby[p.obreb]
	if !ok {
		return
	}
	for i, q := range e.tails {
		if q == p {
			last := len(e.tails) - 1
			e.tails[i] = e.tails[last]
			e.tails[last] = nil
			e.tails = e.tails[:last]
			e.dirty = true
			return
		}
	}
}

// sorted returns the obręb's parcels sorted by tail; called with the write lock
// held when dirty (see model.ensureSorted).
func (e *obrebEntry) sort() {
	sort.Slice(e.tails, func(i, j int) bool { return e.tails[i].tail < e.tails[j].tail })
	e.dirty = false
}

// prefixRange returns the parcels whose tail starts with prefix.
func (e *obrebEntry) prefixRange(prefix string) []*parcel {
	lo := sort.Search(len(e.tails), func(i int) bool { return e.tails[i].tail >= prefix })
	hi := lo
	for hi < len(e.tails) && strings.HasPrefix(e.tails[hi].tail, prefix) {
		hi++
	}
	return e.tails[lo:hi]
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

// find answers an autocomplete query with at most limit parcels, best first
// (match with addresses).
func (m *model) find(q string, limit int) []*parcel {
	var out []*parcel
	for _, f := range m.match(q, limit, true) {
		out = append(out, f.p)
	}
	return out
}

// match answers an autocomplete query q with at most limit parcels, best first.
// It understands a full or partial parcel id ("100301_4.0001.12", "100301_4.00"),
// an obręb name with or without a number ("Łask 12/3", "lask-kol 5", "Buczek"),
// a bare number ("123/4") and, when addresses is set, a property address in any
// word order, with or without Polish letters ("Kościuszki 12", "kosciuszki 12
// łask", "Kolumna 7"; the last word may be unfinished). A parcel appears once,
// with its best match.
func (m *model) match(q string, limit int, addresses bool) []found {
	q = strings.TrimSpace(q)
	if q == "" || limit <= 0 {
		return nil
	}
	m.ensureSorted()
	m.mu.RLock()
	defer m.mu.RUnlock()
	var hits []hit
	scanned := 0
	addRange := func(e *obrebEntry, prefix, number string, exactScore, prefixScore int, exactTail string) {
		for _, p := range e.prefixRange(prefix) {
			if scanned >= maxScan {
				return
			}
			if number != "" && !strings.HasPrefix(p.number, number) {
				continue
			}
			scanned++
			sc := prefixScore
			if (exactTail != "" && p.tail == exactTail) || (number != "" && p.number == number) {
				sc = exactScore
			}
			hits = append(hits, hit{p: p, score: sc, addr: -1})
		}
	}

	switch {
	case len(q) >= 6 && isDigits(q[:min(len(q), 6)]):
		// An id or the start of one.
		obr, tail := splitParcelID(q)
		if obr != "" {
			if e, ok := m.search.obreby[obr]; ok {
				addRange(e, tail, "", scoreExactID, scorePrefixID, tail)
			}
			break
		}
		for _, id := range m.sortedObreby() {
			e := m.search.obreby[id]
			if strings.HasPrefix(id+".", q) || strings.HasPrefix(id, q) {
				addRange(e, "", "", scoreExactID, scorePrefixID, "")
			}
		}
	case looksLikeNumber(q):
		for _, id := range m.sortedObreby() {
			e := m.search.obreby[id]
			// numbers are the tail for parcels without a sheet; with a sheet the
			// number filter below does the work.
			addRange(e, "", q, scoreExactNumber, scorePrefixNumber, "")
		}
	default:
		// "<obręb name> [number]": the name may hold spaces; the number is the
		// last word when it looks like one.
		name, number := fold(q), ""
		if i := strings.LastIndexByte(name, ' '); i >= 0 && looksLikeNumber(name[i+1:]) {
			name, number = name[:i], name[i+1:]
		}
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
			addRange(e, "", number, exact, prefix, "")
		}
		// A property address holding every word.
		if addresses {
			x := m.search.addrs
			for _, ah := range x.match(q) {
				sc := scoreAddressPrefix
				if ah.exact {
					sc = scoreAddress
				}
				en := &x.entries[ah.entry]
				for _, p := range en.parcels {
					hits = append(hits, hit{p: p, score: sc, addr: ah.entry, text: en.text})
				}
			}
		}
	}
	top := bestHits(hits, limit)
	out := make([]found, len(top))
	for i, h := range top {
		out[i] = found{p: h.p, addr: h.text}
	}
	return out
}

// bestHits returns the limit best hits in order, each parcel once with its best
// hit. It costs one pass over the hits and a few insertions, not a sort of
// them all: a short prefix can match tens of thousands.
func bestHits(hits []hit, limit int) []hit {
	top := make([]hit, 0, limit+1)
	at := func(p *parcel) int {
		for i := range top {
			if top[i].p == p {
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

// ensureSorted re-sorts the obręby whose parcels changed since the last search,
// and the address words when new ones came.
func (m *model) ensureSorted() {
	m.mu.RLock()
	dirty := m.search.addrs.dirty
	for _, e := range m.search.obreby {
		if dirty {
			break
		}
		dirty = e.dirty
	}
	m.mu.RUnlock()
	if !dirty {
		return
	}
	m.mu.Lock()
	for _, e := range m.search.obreby {
		if e.dirty {
			e.sort()
		}
	}
	if m.search.addrs.dirty {
		m.search.addrs.sortVocab()
	}
	m.mu.Unlock()
}

// parcelsByObrebNumber resolves ULDK GetParcelByIdOrNr "<obręb name or id> <number>":
// every parcel with that number in an obręb of that id or (case-insensitive) name.
func (m *model) parcelsByObrebNumber(obreb, number string) []*parcel {
	m.ensureSorted()
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []*parcel
	for _, id := range m.sortedObreby() {
		e := m.search.obreby[id]
		if id != obreb && !strings.EqualFold(e.name, obreb) {
			continue
		}
		for _, p := range e.tails {
			if p.number == number || p.tail == number {
				out = append(out, p)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}
