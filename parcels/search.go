package parcels

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// searchIndex is the in-memory autocomplete index of one dataset: the parcels of
// every obręb in a slice sorted by their id tail (so a prefix is a binary-searched
// range), and the obręb names folded for typing without Polish letters. It is
// guarded by the model's lock.
type searchIndex struct {
	obreby map[string]*obrebEntry // id_obrebu → entry
}

type obrebEntry struct {
	id     string
	name   string // as stored
	folded string // lower case, Polish letters folded
	tails  []*parcel
	dirty  bool // tails need sorting
}

func newSearchIndex() *searchIndex { return &searchIndex{obreby: map[string]*obrebEntry{}} }

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

func (s *searchIndex) add(p *parcel) {
	e := s.entry(p.obreb)
	e.tails = append(e.tails, p)
	e.dirty = true
}

func (s *searchIndex) remove(p *parcel) {
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
		b.WriteRune(r)
	}
	return b.String()
}

// hit is one autocomplete answer.
type hit struct {
	p     *parcel
	score int // lower is better
}

// Scores, best first.
const (
	scoreExactID = iota
	scoreExactNumber
	scorePrefixID
	scorePrefixNumber
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

// find answers an autocomplete query q with at most limit parcels, best first.
// It understands a full or partial parcel id ("100301_4.0001.12", "100301_4.00"),
// an obręb name with or without a number ("Łask 12/3", "lask-kol 5", "Buczek"),
// and a bare number ("123/4").
func (m *model) find(q string, limit int) []*parcel {
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
			hits = append(hits, hit{p, sc})
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
			sc := 0
			if e.folded != name {
				sc = 1 // a prefix of the name ranks after the exact name
			}
			if number == "" {
				addRange(e, "", "", scoreExactNumber+2*sc, scorePrefixNumber+2*sc, "")
				continue
			}
			addRange(e, "", number, scoreExactNumber+2*sc, scorePrefixNumber+2*sc, "")
		}
	}
	sort.Slice(hits, func(i, j int) bool { return less(hits[i], hits[j]) })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]*parcel, len(hits))
	for i, h := range hits {
		out[i] = h.p
	}
	return out
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

// ensureSorted re-sorts the obręby whose parcels changed since the last search.
func (m *model) ensureSorted() {
	m.mu.RLock()
	dirty := false
	for _, e := range m.search.obreby {
		if e.dirty {
			dirty = true
			break
		}
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
