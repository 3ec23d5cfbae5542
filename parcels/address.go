package parcels

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// addrIndex is the address part of the autocomplete index: the distinct address
// texts of the current parcels (dzialki.adresy) with an inverted index from
// folded words to the addresses holding them. Words of a query match whole
// words of an address in any order; the last word may be a prefix (the user is
// still typing it).
//
// Memory stays small for a large county: an address is its text and the
// lokalnyIds of the parcels at it; a word's postings are 4-byte entry numbers.
// The parcels themselves are read from the store when a search answers them,
// and a parcel found no longer at an address (edited or deleted since) is
// let go of it then (prune). Entries are never removed: an address no parcel
// holds any more is skipped until one holds it again, so the postings only
// ever grow by appending, in entry order.
//
// It is guarded by the model's lock; sortVocab and prune need the write lock.
type addrIndex struct {
	byText  map[string]int32
	entries []addrEntry
	tokID   map[string]int32
	toks    []string  // token id → folded word
	post    [][]int32 // token id → entries holding the word, ascending
	vocab   []int32   // token ids ordered by word, for prefix ranges
	dirty   bool      // vocab lacks words added since it was sorted
}

type addrEntry struct {
	text    string
	parcels []string // lokalnyId; some may have left the address since
}

func newAddrIndex() *addrIndex {
	return &addrIndex{byText: map[string]int32{}, tokID: map[string]int32{}}
}

// splitAddresses splits an adresy column ("a; b").
func splitAddresses(s string) []string {
	var out []string
	for a := range strings.SplitSeq(s, ";") {
		if a = strings.TrimSpace(a); a != "" && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// add files the parcel uuid under each of its addresses (the adresy column).
func (x *addrIndex) add(uuid, adresy string) {
	for _, text := range splitAddresses(adresy) {
		e := x.entry(text)
		if !slices.Contains(x.entries[e].parcels, uuid) {
			x.entries[e].parcels = append(x.entries[e].parcels, uuid)
		}
	}
}

// prune lets go of a parcel found no longer at address entry e (write lock
// held).
func (x *addrIndex) prune(e int32, uuid string) {
	ps := x.entries[e].parcels
	if i := slices.Index(ps, uuid); i >= 0 {
		ps[i] = ps[len(ps)-1]
		x.entries[e].parcels = ps[:len(ps)-1]
	}
}

// entry returns (creating) the entry of an address text.
func (x *addrIndex) entry(text string) int32 {
	if e, ok := x.byText[text]; ok {
		return e
	}
	e := int32(len(x.entries))
	x.entries = append(x.entries, addrEntry{text: text})
	x.byText[text] = e
	var seen []int32
	for _, w := range addrWords(text) {
		t, ok := x.tokID[w]
		if !ok {
			t = int32(len(x.toks))
			x.toks = append(x.toks, w)
			x.tokID[w] = t
			x.post = append(x.post, nil)
			x.dirty = true
		}
		if !slices.Contains(seen, t) {
			seen = append(seen, t)
			x.post[t] = append(x.post[t], e)
		}
	}
	return e
}

// sortVocab orders the words for prefix lookups (write lock held).
func (x *addrIndex) sortVocab() {
	x.vocab = x.vocab[:0]
	for t := range x.toks {
		x.vocab = append(x.vocab, int32(t))
	}
	sort.Slice(x.vocab, func(i, j int) bool { return x.toks[x.vocab[i]] < x.toks[x.vocab[j]] })
	x.dirty = false
}

// prefixRange returns the token ids whose word starts with w.
func (x *addrIndex) prefixRange(w string) []int32 {
	lo := sort.Search(len(x.vocab), func(i int) bool { return x.toks[x.vocab[i]] >= w })
	hi := lo
	for hi < len(x.vocab) && strings.HasPrefix(x.toks[x.vocab[hi]], w) {
		hi++
	}
	return x.vocab[lo:hi]
}

// addrWords folds text (lower case, Polish letters to ASCII) and splits it into
// words of letters and digits. Query words for a street's kind written in full
// are abbreviated the way addresses store them ("ulica" → "ul").
func addrWords(text string) []string {
	f := fold(text)
	var out []string
	start := -1
	for i, r := range f {
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
		if alnum && start < 0 {
			start = i
		} else if !alnum && start >= 0 {
			out = append(out, f[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, f[start:])
	}
	return out
}

var streetKindWords = map[string]string{"ulica": "ul", "aleja": "al", "aleje": "al", "plac": "pl", "osiedle": "os"}

// addrHit is an address matching a query.
type addrHit struct {
	entry int32
	exact bool // the last word matched a whole word too
}

// Work bounds of one address query. Whole-word matches are all found (up to
// maxScan); matches on an unfinished last word stop after maxPrefixHits
// addresses or maxPrefixVisits candidates looked at: a one-letter prefix
// matches most of a county, and ranking all of it is not needed while typing.
const (
	maxPrefixHits   = 2000
	maxPrefixVisits = 50000
)

// match finds the addresses holding every word of q, the last one whole
// (exact) or as a prefix.
func (x *addrIndex) match(q string) []addrHit {
	words := addrWords(q)
	if len(words) == 0 || len(x.entries) == 0 {
		return nil
	}
	for i, w := range words {
		if a, ok := streetKindWords[w]; ok {
			words[i] = a
		}
	}
	last := words[len(words)-1]
	// postings of the whole words; a word no address has means no match
	var lists [][]int32
	for _, w := range words[:len(words)-1] {
		t, ok := x.tokID[w]
		if !ok {
			return nil
		}
		lists = append(lists, x.post[t])
	}
	has := func(list []int32, e int32) bool {
		_, ok := slices.BinarySearch(list, e)
		return ok
	}
	hasAll := func(lists [][]int32, e int32) bool {
		for _, l := range lists {
			if !has(l, e) {
				return false
			}
		}
		return true
	}
	var hits []addrHit
	live := func(e int32) bool { return len(x.entries[e].parcels) > 0 }

	// 1. The last word whole: intersect every list, driven by the shortest.
	var exactList []int32
	if t, ok := x.tokID[last]; ok {
		exactList = x.post[t]
		all := append(slices.Clip(lists), exactList)
		drive := slices.MinFunc(all, func(a, b []int32) int { return len(a) - len(b) })
		for _, e := range drive {
			if live(e) && hasAll(all, e) {
				hits = append(hits, addrHit{e, true})
				if len(hits) == maxScan {
					return hits
				}
			}
		}
	}

	// 2. The last word unfinished: the addresses with another word starting
	// with it, driven by a whole word's postings or the prefix's, whichever is
	// shorter.
	pre := x.prefixRange(last)
	if len(pre) == 0 || (len(pre) == 1 && exactList != nil) {
		return hits // no other word starts with it
	}
	preSize := 0
	for _, t := range pre {
		preSize += len(x.post[t])
	}
	found, visits := 0, 0
	visit := func(e int32, checkPrefix bool) bool {
		visits++
		if live(e) && !has(exactList, e) && hasAll(lists, e) && (!checkPrefix || x.hasPrefixWord(e, last, pre)) {
			hits = append(hits, addrHit{e, false})
			found++
		}
		return found < maxPrefixHits && visits < maxPrefixVisits
	}
	if len(lists) > 0 {
		drive := slices.MinFunc(lists, func(a, b []int32) int { return len(a) - len(b) })
		if len(drive) <= preSize {
			for _, e := range drive {
				if !visit(e, true) {
					break
				}
			}
			return hits
		}
	}
	var seen map[int32]bool // an address may hold several words with the prefix
	if len(pre) > 1 {
		seen = map[int32]bool{}
	}
	for _, t := range pre {
		for _, e := range x.post[t] {
			if seen[e] {
				continue
			}
			if seen != nil {
				seen[e] = true
			}
			if !visit(e, false) {
				return hits
			}
		}
	}
	return hits
}

// hasPrefixWord reports whether entry e has a word starting with w (whose
// token ids are pre): a few binary searches for a long prefix, else a scan of
// the address's text, folding as it goes.
func (x *addrIndex) hasPrefixWord(e int32, w string, pre []int32) bool {
	if len(pre) <= 4 {
		for _, t := range pre {
			if _, ok := slices.BinarySearch(x.post[t], e); ok {
				return true
			}
		}
		return false
	}
	return hasWordPrefix(x.entries[e].text, w)
}

// hasWordPrefix reports whether a word of text (split and folded as addrWords
// does) starts with the folded word w, without allocating.
func hasWordPrefix(text, w string) bool {
	inWord := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
		if alnum && !inWord && foldedPrefix(text[i:], w) {
			return true
		}
		inWord = alnum
		i += n
	}
	return false
}

// foldedPrefix reports whether the folded form of s starts with w.
func foldedPrefix(s, w string) bool {
	for w != "" {
		if s == "" {
			return false
		}
		rs, ns := utf8.DecodeRuneInString(s)
		rw, nw := utf8.DecodeRuneInString(w)
		if foldRune(rs) != rw {
			return false
		}
		s, w = s[ns:], w[nw:]
	}
	return true
}

// natLess orders texts as people expect: case and Polish letters folded, numbers
// compared by value ("Polna 5" before "Polna 12", "12" before "12A"), without
// allocating.
func natLess(a, b string) bool {
	for a != "" && b != "" {
		if isDigit(a[0]) && isDigit(b[0]) {
			da, db := digitRun(a), digitRun(b)
			sa, sb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if len(sa) != len(sb) {
				return len(sa) < len(sb)
			}
			if sa != sb {
				return sa < sb
			}
			a, b = a[da:], b[db:]
			continue
		}
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if fa, fb := foldRune(ra), foldRune(rb); fa != fb {
			return fa < fb
		}
		a, b = a[na:], b[nb:]
	}
	return len(a) < len(b)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func digitRun(s string) int {
	i := 0
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
