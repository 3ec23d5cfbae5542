// Package metrics is a small Prometheus-compatible metrics registry: counters,
// gauges and histograms with labels, written in the text exposition format
// (version 0.0.4) without any dependency.
//
//	reqs := reg.Counter("sip_tile_requests_total", "Tile requests.", "dataset", "layer")
//	reqs.With("powiat", "dzialki").Inc()
//
// Registering the same name twice returns the existing metric (the type and labels
// must agree), so services can look metrics up where they need them.
package metrics

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// DefaultBuckets are latency buckets in seconds, from 0.5 ms to 30 s.
var DefaultBuckets = []float64{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30}

// Registry holds metric families.
type Registry struct {
	mu       sync.RWMutex
	families map[string]*family
}

// NewRegistry returns an empty registry.
func NewRegistry() *Registry { return &Registry{families: map[string]*family{}} }

type kind string

const (
	counterKind   kind = "counter"
	gaugeKind     kind = "gauge"
	histogramKind kind = "histogram"
)

type family struct {
	name, help string
	kind       kind
	labels     []string
	buckets    []float64

	mu     sync.RWMutex
	series map[string]*series

	collect func(emit func(v float64, labelValues ...string)) // GaugeFunc
}

type series struct {
	values []string
	bits   atomic.Uint64 // float64 value of a counter or gauge; sum of a histogram
	count  atomic.Uint64 // histogram observation count
	bucket []atomic.Uint64
}

func (s *series) add(v float64) {
	for {
		old := s.bits.Load()
		if s.bits.CompareAndSwap(old, math.Float64bits(math.Float64frombits(old)+v)) {
			return
		}
	}
}

func (r *Registry) family(name, help string, k kind, buckets []float64, labels []string) *family {
	r.mu.RLock()
	f, ok := r.families[name]
	r.mu.RUnlock()
	if !ok {
		r.mu.Lock()
		if f, ok = r.families[name]; !ok {
			f = &family{name: name, help: help, kind: k, labels: slices.Clone(labels), buckets: buckets, series: map[string]*series{}}
			r.families[name] = f
		}
		r.mu.Unlock()
	}
	if f.kind != k || !slices.Equal(f.labels, labels) {
		panic(fmt.Sprintf("metrics: %s registered as %s%v, now asked as %s%v", name, f.kind, f.labels, k, labels))
	}
	return f
}

func (f *family) with(values []string) *series {
	if len(values) != len(f.labels) {
		panic(fmt.Sprintf("metrics: %s wants %d label values, got %d", f.name, len(f.labels), len(values)))
	}
	var (
		s  *series
		ok bool
	)
	// The lookups index the map with the key expression itself, which the
	// compiler does without allocating.
	f.mu.RLock()
	switch len(values) {
	case 0:
		s, ok = f.series[""]
	case 1:
		s, ok = f.series[values[0]]
	case 2:
		s, ok = f.series[values[0]+"\xff"+values[1]]
	default:
		s, ok = f.series[strings.Join(values, "\xff")]
	}
	f.mu.RUnlock()
	if ok {
		return s
	}
	key := strings.Join(values, "\xff")
	f.mu.Lock()
	defer f.mu.Unlock()
	if s, ok = f.series[key]; ok {
		return s
	}
	s = &series{values: slices.Clone(values)}
	if f.kind == histogramKind {
		s.bucket = make([]atomic.Uint64, len(f.buckets))
	}
	f.series[key] = s
	return s
}

// CounterVec is a counter family.
type CounterVec struct{ f *family }

// Counter is one counter series.
type Counter struct{ s *series }

// Counter registers (or finds) a counter family.
func (r *Registry) Counter(name, help string, labels ...string) *CounterVec {
	return &CounterVec{r.family(name, help, counterKind, nil, labels)}
}

// With returns the series for label values (in the registered order).
func (c *CounterVec) With(values ...string) Counter { return Counter{c.f.with(values)} }

// Inc adds 1.
func (c Counter) Inc() { c.s.add(1) }

// Add adds v (must not be negative).
func (c Counter) Add(v float64) {
	if v > 0 {
		c.s.add(v)
	}
}

// Value is the current value.
func (c Counter) Value() float64 { return math.Float64frombits(c.s.bits.Load()) }

// GaugeVec is a gauge family.
type GaugeVec struct{ f *family }

// Gauge is one gauge series.
type Gauge struct{ s *series }

// Gauge registers (or finds) a gauge family.
func (r *Registry) Gauge(name, help string, labels ...string) *GaugeVec {
	return &GaugeVec{r.family(name, help, gaugeKind, nil, labels)}
}

// With returns the series for label values.
func (g *GaugeVec) With(values ...string) Gauge { return Gauge{g.f.with(values)} }

// Delete removes a series (e.g. a dataset that is no longer hosted).
func (g *GaugeVec) Delete(values ...string) {
	key := strings.Join(values, "\xff")
	g.f.mu.Lock()
	delete(g.f.series, key)
	g.f.mu.Unlock()
}

// Set sets the value.
func (g Gauge) Set(v float64) { g.s.bits.Store(math.Float64bits(v)) }

// Add adds v (may be negative).
func (g Gauge) Add(v float64) { g.s.add(v) }

// Inc adds 1.
func (g Gauge) Inc() { g.s.add(1) }

// Dec subtracts 1.
func (g Gauge) Dec() { g.s.add(-1) }

// Value is the current value.
func (g Gauge) Value() float64 { return math.Float64frombits(g.s.bits.Load()) }

// GaugeFunc registers a gauge family whose series are produced at scrape time by
// collect, which calls emit once per series.
func (r *Registry) GaugeFunc(name, help string, collect func(emit func(v float64, labelValues ...string)), labels ...string) {
	f := r.family(name, help, gaugeKind, nil, labels)
	f.mu.Lock()
	f.collect = collect
	f.mu.Unlock()
}

// HistogramVec is a histogram family.
type HistogramVec struct{ f *family }

// Histogram is one histogram series.
type Histogram struct {
	s       *series
	buckets []float64
}

// Histogram registers (or finds) a histogram family; nil buckets means
// DefaultBuckets. Buckets must be sorted ascending.
func (r *Registry) Histogram(name, help string, buckets []float64, labels ...string) *HistogramVec {
	if buckets == nil {
		buckets = DefaultBuckets
	}
	return &HistogramVec{r.family(name, help, histogramKind, buckets, labels)}
}

// With returns the series for label values.
func (h *HistogramVec) With(values ...string) Histogram {
	return Histogram{h.f.with(values), h.f.buckets}
}

// Observe records one value.
func (h Histogram) Observe(v float64) {
	i := sort.SearchFloat64s(h.buckets, v) // first bucket with bound >= v
	if i < len(h.buckets) {
		h.s.bucket[i].Add(1)
	}
	h.s.count.Add(1)
	h.s.add(v)
}

// Count is the number of observations.
func (h Histogram) Count() uint64 { return h.s.count.Load() }

// CacheStats counts hits and misses of a named cache in sip_cache_requests_total;
// the hit ratio is hits / (hits + misses).
type CacheStats struct{ hit, miss Counter }

// Cache returns the hit/miss counters of a cache.
func (r *Registry) Cache(name string) CacheStats {
	c := r.Counter("sip_cache_requests_total", "Cache lookups by cache and result (hit or miss).", "cache", "result")
	return CacheStats{c.With(name, "hit"), c.With(name, "miss")}
}

// Hit records a hit.
func (c CacheStats) Hit() { c.hit.Inc() }

// Miss records a miss.
func (c CacheStats) Miss() { c.miss.Inc() }

// ContentType is the media type of WriteText's output.
const ContentType = "text/plain; version=0.0.4; charset=utf-8"

// WriteText writes every family in the Prometheus text exposition format, sorted
// by name and label values.
func (r *Registry) WriteText(out io.Writer) error { return r.WriteTextFunc(out, nil) }

// WriteTextFunc is WriteText of the series keep accepts (nil: all); keep gets
// a family's label names and a series' values, in the same order. A family
// left without series is left out.
func (r *Registry) WriteTextFunc(out io.Writer, keep func(labels, values []string) bool) error {
	r.mu.RLock()
	fams := make([]*family, 0, len(r.families))
	for _, f := range r.families {
		fams = append(fams, f)
	}
	r.mu.RUnlock()
	sort.Slice(fams, func(i, j int) bool { return fams[i].name < fams[j].name })
	w := bufio.NewWriter(out)
	for _, f := range fams {
		f.write(w, keep)
	}
	return w.Flush()
}

func (f *family) write(w *bufio.Writer, keep func(labels, values []string) bool) {
	type row struct {
		values []string
		s      *series
		v      float64
	}
	var rows []row
	f.mu.RLock()
	collect := f.collect
	for _, s := range f.series {
		rows = append(rows, row{values: s.values, s: s})
	}
	f.mu.RUnlock()
	if collect != nil {
		collect(func(v float64, values ...string) {
			if len(values) == len(f.labels) {
				rows = append(rows, row{values: slices.Clone(values), v: v})
			}
		})
	}
	if keep != nil {
		rows = slices.DeleteFunc(rows, func(r row) bool { return !keep(f.labels, r.values) })
	}
	if len(rows) == 0 {
		return
	}
	sort.Slice(rows, func(i, j int) bool { return slices.Compare(rows[i].values, rows[j].values) < 0 })
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", f.name, escapeHelp(f.help), f.name, f.kind)
	for _, r := range rows {
		if f.kind != histogramKind {
			v := r.v
			if r.s != nil {
				v = math.Float64frombits(r.s.bits.Load())
			}
			w.WriteString(f.name)
			writeLabels(w, f.labels, r.values, "", "")
			w.WriteByte(' ')
			w.WriteString(formatFloat(v))
			w.WriteByte('\n')
			continue
		}
		var cum uint64
		for i, b := range f.buckets {
			cum += r.s.bucket[i].Load()
			w.WriteString(f.name)
			w.WriteString("_bucket")
			writeLabels(w, f.labels, r.values, "le", formatFloat(b))
			fmt.Fprintf(w, " %d\n", cum)
		}
		count := r.s.count.Load()
		w.WriteString(f.name)
		w.WriteString("_bucket")
		writeLabels(w, f.labels, r.values, "le", "+Inf")
		fmt.Fprintf(w, " %d\n", count)
		w.WriteString(f.name)
		w.WriteString("_sum")
		writeLabels(w, f.labels, r.values, "", "")
		fmt.Fprintf(w, " %s\n", formatFloat(math.Float64frombits(r.s.bits.Load())))
		w.WriteString(f.name)
		w.WriteString("_count")
		writeLabels(w, f.labels, r.values, "", "")
		fmt.Fprintf(w, " %d\n", count)
	}
}

func writeLabels(w *bufio.Writer, names, values []string, extraName, extraValue string) {
	if len(names) == 0 && extraName == "" {
		return
	}
	w.WriteByte('{')
	for i, n := range names {
		if i > 0 {
			w.WriteByte(',')
		}
		w.WriteString(n)
		w.WriteString(`="`)
		w.WriteString(escapeValue(values[i]))
		w.WriteByte('"')
	}
	if extraName != "" {
		if len(names) > 0 {
			w.WriteByte(',')
		}
		w.WriteString(extraName)
		w.WriteString(`="`)
		w.WriteString(extraValue)
		w.WriteByte('"')
	}
	w.WriteByte('}')
}

var (
	valueEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	helpEscaper  = strings.NewReplacer(`\`, `\\`, "\n", `\n`)
)

func escapeValue(s string) string { return valueEscaper.Replace(s) }
func escapeHelp(s string) string  { return helpEscaper.Replace(s) }

func formatFloat(v float64) string {
	switch {
	case math.IsInf(v, 1):
		return "+Inf"
	case math.IsInf(v, -1):
		return "-Inf"
	case math.IsNaN(v):
		return "NaN"
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
