package metrics

import (
	"strings"
	"sync"
	"testing"
)

func TestExposition(t *testing.T) {
	r := NewRegistry()
	c := r.Counter("sip_requests_total", "Requests.", "service", "code")
	c.With("wms", "200").Inc()
	c.With("wms", "200").Add(2)
	c.With("api", "404").Inc()
	g := r.Gauge("sip_ingest_progress_ratio", "Ingest progress.", "dataset")
	g.With(`we"ird\`).Set(0.5)
	h := r.Histogram("sip_request_duration_seconds", "Latency.", []float64{0.1, 1}, "service")
	h.With("api").Observe(0.05)
	h.With("api").Observe(0.5)
	h.With("api").Observe(5)
	r.GaugeFunc("sip_index_objects", "Indexed objects.", func(emit func(float64, ...string)) {
		emit(42, "powiat", "dzialki")
	}, "dataset", "layer")
	cs := r.Cache("tiles")
	cs.Hit()
	cs.Hit()
	cs.Miss()

	var b strings.Builder
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"# TYPE sip_requests_total counter\n",
		`sip_requests_total{service="api",code="404"} 1` + "\n",
		`sip_requests_total{service="wms",code="200"} 3` + "\n",
		`sip_ingest_progress_ratio{dataset="we\"ird\\"} 0.5` + "\n",
		"# TYPE sip_request_duration_seconds histogram\n",
		`sip_request_duration_seconds_bucket{service="api",le="0.1"} 1` + "\n",
		`sip_request_duration_seconds_bucket{service="api",le="1"} 2` + "\n",
		`sip_request_duration_seconds_bucket{service="api",le="+Inf"} 3` + "\n",
		`sip_request_duration_seconds_sum{service="api"} 5.55` + "\n",
		`sip_request_duration_seconds_count{service="api"} 3` + "\n",
		`sip_index_objects{dataset="powiat",layer="dzialki"} 42` + "\n",
		`sip_cache_requests_total{cache="tiles",result="hit"} 2` + "\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
}

func TestConcurrent(t *testing.T) {
	r := NewRegistry()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 1000 {
				r.Counter("c_total", "c", "l").With("x").Inc()
				r.Histogram("h", "h", nil).With().Observe(0.01)
			}
		}()
	}
	wg.Wait()
	if v := r.Counter("c_total", "c", "l").With("x").Value(); v != 8000 {
		t.Errorf("counter %v", v)
	}
	if n := r.Histogram("h", "h", nil).With().Count(); n != 8000 {
		t.Errorf("histogram count %d", n)
	}
}

func TestTypeClash(t *testing.T) {
	r := NewRegistry()
	r.Counter("x", "x")
	defer func() {
		if recover() == nil {
			t.Error("no panic on type clash")
		}
	}()
	r.Gauge("x", "x")
}
