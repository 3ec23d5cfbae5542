package synth

import "strconv"

// rng is a small splitmix64 generator. It is written out here (rather than
// taken from math/rand/v2) so that the byte stream for a given seed can never
// change with the Go release: same Options, same files, forever.
type rng struct{ s uint64 }

func newRNG(parts ...uint64) *rng {
	return &rng{s: mix(parts...)}
}

func (r *rng) next() uint64 {
	r.s += 0x9e3779b97f4a7c15
	z := r.s
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// float returns a value in [0,1).
func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// intn returns a value in [0,n); n must be > 0.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// between returns an int in [lo,hi] (inclusive).
func (r *rng) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.intn(hi-lo+1)
}

func (r *rng) uniform(lo, hi float64) float64 { return lo + (hi-lo)*r.float() }

func (r *rng) chance(p float64) bool { return r.float() < p }

// pick chooses an index by weights.
func (r *rng) pick(weights []float64) int {
	t := 0.0
	for _, w := range weights {
		t += w
	}
	x := r.float() * t
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

func splitmix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// mix hashes a tuple of integers into one well-mixed word.
func mix(parts ...uint64) uint64 {
	h := uint64(0x243f6a8885a308d3)
	for _, p := range parts {
		h = splitmix(h ^ p)
	}
	return h
}

// hashUnit maps a tuple to [0,1).
func hashUnit(parts ...uint64) float64 { return float64(mix(parts...)>>11) / (1 << 53) }

const hexdig = "0123456789abcdef"

// uuidFrom formats two words as a version-4 shaped UUID.
func uuidFrom(a, b uint64) string {
	var raw [16]byte
	for i := 0; i < 8; i++ {
		raw[i] = byte(a >> (56 - 8*i))
		raw[8+i] = byte(b >> (56 - 8*i))
	}
	raw[6] = raw[6]&0x0f | 0x40
	raw[8] = raw[8]&0x3f | 0x80
	var out [36]byte
	p := 0
	for i, c := range raw {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			out[p] = '-'
			p++
		}
		out[p] = hexdig[c>>4]
		out[p+1] = hexdig[c&15]
		p += 2
	}
	return string(out[:])
}

func (r *rng) uuid() string { return uuidFrom(r.next(), r.next()) }

func hashUUID(parts ...uint64) string {
	a := mix(parts...)
	return uuidFrom(a, splitmix(a^0x5bd1e995))
}

// stamp is a timestamp in seconds since 2000-01-01T00:00:00 (local time of
// the county database; real exports carry no zone).
type stamp int64

const (
	year    = 365*86400 + 86400/4
	stamp03 = stamp(3 * year)            // ~2003: the digital EGiB databases start
	stampHi = stamp(25*year + 150*86400) // mid-2025: newest edits
)

func (r *rng) stampIn(lo, hi stamp) stamp {
	if hi <= lo {
		return lo
	}
	s := lo + stamp(r.next()%uint64(hi-lo))
	// office hours look more real than 3 a.m.
	day := s - s%86400
	return day + stamp(7*3600+r.intn(9*3600))
}

// format renders the stamp as xs:dateTime without a zone.
func (s stamp) format() string {
	days := int64(s) / 86400
	sec := int64(s) % 86400
	y, m, d := civil(days + 10957) // 10957 days from 1970-01-01 to 2000-01-01
	b := make([]byte, 0, 19)
	b = pad(b, y, 4)
	b = append(b, '-')
	b = pad(b, m, 2)
	b = append(b, '-')
	b = pad(b, d, 2)
	b = append(b, 'T')
	b = pad(b, sec/3600, 2)
	b = append(b, ':')
	b = pad(b, sec/60%60, 2)
	b = append(b, ':')
	b = pad(b, sec%60, 2)
	return string(b)
}

func pad(b []byte, v int64, w int) []byte {
	s := strconv.FormatInt(v, 10)
	for i := len(s); i < w; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

// civil converts days since 1970-01-01 to a proleptic Gregorian date
// (H. Hinnant's days_from_civil inverse).
func civil(z int64) (y, m, d int64) {
	z += 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y = yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = doy - (153*mp+2)/5 + 1
	if mp < 10 {
		m = mp + 3
	} else {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return
}
