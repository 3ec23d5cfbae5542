package config

import (
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/sip-core/sip/store"
)

// validator records the first problem found, located in the YAML tree.
type validator struct {
	file string
	root *yaml.Node
	err  *Error
}

// at reports a problem at a path of mapping keys (string) and sequence indices
// (int); the line is that of the deepest node found along the path.
func (v *validator) at(msg string, path ...any) {
	if v.err != nil {
		return
	}
	line, key := v.locate(path)
	v.err = &Error{File: v.file, Line: line, Key: key, Msg: msg}
}

func (v *validator) atf(path []any, format string, args ...any) {
	v.at(fmt.Sprintf(format, args...), path...)
}

// has reports whether the file sets a key (a path of mapping keys).
func (v *validator) has(path ...string) bool {
	n := v.root
	for _, p := range path {
		if n == nil || n.Kind != yaml.MappingNode {
			return false
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == p {
				next = n.Content[i+1]
			}
		}
		n = next
	}
	return n != nil
}

func (v *validator) locate(path []any) (int, string) {
	var key strings.Builder
	n := v.root
	line := 0
	if n != nil {
		line = n.Line
	}
	for _, p := range path {
		switch p := p.(type) {
		case string:
			if key.Len() > 0 {
				key.WriteByte('.')
			}
			key.WriteString(p)
			if n == nil || n.Kind != yaml.MappingNode {
				n = nil
				continue
			}
			var next *yaml.Node
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == p {
					next = n.Content[i+1]
					line = n.Content[i].Line
					break
				}
			}
			n = next
		case int:
			fmt.Fprintf(&key, "[%d]", p)
			if n == nil || n.Kind != yaml.SequenceNode || p >= len(n.Content) {
				n = nil
				continue
			}
			n = n.Content[p]
			line = n.Line
		}
	}
	if n != nil && n.Kind == yaml.ScalarNode {
		line = n.Line
	}
	return line, key.String()
}

var (
	nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)
	hashRE = regexp.MustCompile(`^sha256:[0-9a-f]{64}$`)
	colRE  = regexp.MustCompile(`^#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?$`)
)

func (c *Config) validate(v *validator) {
	if c.Listen != "" {
		if _, _, err := net.SplitHostPort(c.Listen); err != nil {
			v.at("not a host:port address: "+err.Error(), "listen")
		}
	}
	switch c.Log.Level {
	case "", "debug", "info", "warn", "error":
	default:
		v.at("must be debug, info, warn or error", "log", "level")
	}
	switch c.Log.Format {
	case "", "text", "json":
	default:
		v.at("must be text or json", "log", "format")
	}
	if len(c.Datasets) == 0 {
		v.at("at least one dataset is required", "datasets")
	}
	names := map[string]int{}
	for i := range c.Datasets {
		d := &c.Datasets[i]
		p := []any{"datasets", i}
		if !nameRE.MatchString(d.Name) {
			v.at(fmt.Sprintf("dataset name %q: use 1-64 lower-case letters, digits, '_' or '-'", d.Name), append(p, "name")...)
		}
		if j, dup := names[d.Name]; dup {
			v.atf(append(p, "name"), "duplicate dataset name %q (also datasets[%d])", d.Name, j)
		}
		names[d.Name] = i
		if d.Store == "" {
			v.at("store is required: a GeoPackage path or a PostGIS DSN", append(p, "store")...)
		}
		v.standbys(d, p)
		lnames := map[string]bool{}
		for j, l := range d.Layers {
			lp := append(append([]any{}, p...), "layers", j)
			if l.Name == "" {
				v.at("layer name is required", append(lp, "name")...)
			}
			if lnames[l.Name] {
				v.atf(append(lp, "name"), "duplicate layer %q", l.Name)
			}
			lnames[l.Name] = true
			for k, r := range l.ReadRoles {
				if !knownRoles[r] {
					v.atf(append(lp, "read_roles", k), "unknown role %q (admin, sync, editor)", r)
				}
			}
			if l.Style != "" && !c.hasStyle(l.Style) {
				v.atf(append(lp, "style"), "unknown style %q", l.Style)
			}
		}
	}
	for i, k := range c.Auth.Keys {
		p := []any{"auth", "keys", i}
		if k.Name == "" {
			v.at("key name is required", append(p, "name")...)
		}
		if !hashRE.MatchString(k.Hash) {
			v.at(`hash must be "sha256:" and 64 lower-case hex digits (make one with: sip serve --hash-key)`, append(p, "hash")...)
		}
		if len(k.Roles) == 0 {
			v.at("at least one role is required (admin, sync, editor, metrics)", append(p, "roles")...)
		}
		for j, r := range k.Roles {
			if !keyRoles[r] {
				v.atf(append(p, "roles", j), "unknown role %q (admin, sync, editor, metrics)", r)
			}
		}
		for j, d := range k.Datasets {
			if _, ok := names[d]; !ok {
				v.atf(append(p, "datasets", j), "unknown dataset %q", d)
			}
		}
		for j := range i {
			if c.Auth.Keys[j].Hash == k.Hash {
				v.atf(append(p, "hash"), "same hash as auth.keys[%d]", j)
			}
		}
	}
	c.Metrics.validate(v, c)
	l := c.Limits
	for _, f := range []struct {
		key string
		d   Duration
	}{{"read_timeout", l.ReadTimeout}, {"read_header_timeout", l.ReadHeaderTimeout}, {"write_timeout", l.WriteTimeout},
		{"idle_timeout", l.IdleTimeout}, {"request_timeout", l.RequestTimeout}, {"shutdown_timeout", l.ShutdownTimeout}} {
		if f.d < 0 {
			v.at("must not be negative", "limits", f.key)
		}
	}
	if l.WriteTimeout > 0 && l.RequestTimeout > 0 && l.WriteTimeout <= l.RequestTimeout {
		v.at("must be longer than limits.request_timeout, or slow requests would be cut without an error response", "limits", "write_timeout")
	}
	if l.WriteTimeout > 0 && l.RequestTimeout == 0 && l.WriteTimeout.D() <= 60*time.Second {
		v.at("must be longer than limits.request_timeout (default 60s)", "limits", "write_timeout")
	}
	if l.MaxBodyBytes < 0 {
		v.at("must not be negative", "limits", "max_body")
	}
	for _, f := range []struct {
		key string
		n   int
	}{{"max_image_width", l.MaxImageWidth}, {"max_image_height", l.MaxImageHeight}, {"max_features", l.MaxFeatures}} {
		if f.n < 0 {
			v.at("must not be negative", "limits", f.key)
		}
	}
	if l.RenderMemory != 0 && l.RenderMemory < 1<<20 {
		v.at("must be at least 1MB (0 or absent: 512MB)", "limits", "render_memory")
	}
	if l.RenderThreads < 0 {
		v.at("must not be negative (0: one fewer than the CPUs)", "limits", "render_threads")
	}
	if l.RenderQueue < 0 {
		v.at("must not be negative", "limits", "render_queue")
	}
	if l.RenderWait < 0 {
		v.at("must not be negative", "limits", "render_wait")
	}
	if l.RateLimit.Rate < 0 {
		v.at("must not be negative", "limits", "rate_limit", "rate")
	}
	if l.RateLimit.Burst < 0 {
		v.at("must not be negative", "limits", "rate_limit", "burst")
	}
	for i, o := range c.CORS.Origins {
		if o != "*" && !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") {
			v.atf([]any{"cors", "origins", i}, "origin %q must be \"*\" or start with http:// or https://", o)
		}
		if strings.HasSuffix(o, "/") {
			v.atf([]any{"cors", "origins", i}, "origin %q must not end with '/'", o)
		}
	}
	if c.Index.PollInterval < 0 {
		v.at("must not be negative", "index", "poll_interval")
	}
	if c.Cache.TileFeatures != 0 && c.Cache.TileFeatures < 1<<20 {
		v.at("must be at least 1MB (0 or absent: 256MB): below that the features of one screen of tiles do not stay cached", "cache", "tile_features")
	}
	snames := map[string]bool{}
	for i, s := range c.Styles {
		p := []any{"styles", i}
		if s.Name == "" {
			v.at("style name is required", append(p, "name")...)
		}
		if snames[s.Name] {
			v.atf(append(p, "name"), "duplicate style %q", s.Name)
		}
		snames[s.Name] = true
		if s.Stroke != "" && !colRE.MatchString(s.Stroke) {
			v.atf(append(p, "stroke"), "colour %q must be #rrggbb or #rrggbbaa", s.Stroke)
		}
		if s.Fill != "" && !colRE.MatchString(s.Fill) {
			v.atf(append(p, "fill"), "colour %q must be #rrggbb or #rrggbbaa", s.Fill)
		}
		if s.Width < 0 || s.Width > 100 {
			v.at("must be between 0 and 100 pixels", append(p, "width")...)
		}
		if s.LabelColor != "" && !colRE.MatchString(s.LabelColor) {
			v.atf(append(p, "label_color"), "colour %q must be #rrggbb or #rrggbbaa", s.LabelColor)
		}
		if s.LabelSize < 0 || s.LabelSize > 72 {
			v.at("must be between 0 and 72 pixels", append(p, "label_size")...)
		}
		if s.PointSize < 0 || s.PointSize > 100 {
			v.at("must be between 0 and 100 pixels", append(p, "point_size")...)
		}
		if len(s.Dash) > 16 {
			v.at("at most 16 dash lengths", append(p, "dash")...)
		}
		sum := 0.0
		for j, d := range s.Dash {
			if d < 0 || d > 1000 {
				v.at("dash lengths must be between 0 and 1000 pixels", append(p, "dash", j)...)
			}
			sum += d
		}
		if len(s.Dash) > 0 && sum <= 0 {
			v.at("dash pattern has no length", append(p, "dash")...)
		}
		if s.MinScale < 0 {
			v.at("must not be negative", append(p, "min_scale")...)
		}
		if s.MaxScale < 0 {
			v.at("must not be negative", append(p, "max_scale")...)
		}
		if s.MinScale > 0 && s.MaxScale > 0 && s.MinScale >= s.MaxScale {
			v.at("min_scale must be smaller than max_scale", append(p, "min_scale")...)
		}
	}
	c.validateFees(v)
	c.validateTilesets(v)
	c.validateOpen311(v)
	c.validateAlerts(v)
}

func (c *Config) hasStyle(name string) bool {
	for _, s := range c.Styles {
		if s.Name == name {
			return true
		}
	}
	return false
}

// Duration is a time.Duration written as "30s", "2m", "1h30m" (or a number of seconds).
type Duration time.Duration

// D returns the time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

func (d Duration) String() string { return time.Duration(d).String() }

// UnmarshalYAML implements yaml.Unmarshaler.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: expected a duration such as 30s", n.Line)}}
	}
	if s, err := strconv.ParseFloat(n.Value, 64); err == nil {
		*d = Duration(s * float64(time.Second))
		return nil
	}
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %q is not a duration (e.g. 500ms, 30s, 2m)", n.Line, n.Value)}}
	}
	*d = Duration(v)
	return nil
}

// ByteSize is a number of bytes written as 1048576, "512KB", "10MB", "1GB"
// (binary multiples: 1KB = 1024 bytes).
type ByteSize int64

// UnmarshalYAML implements yaml.Unmarshaler.
func (b *ByteSize) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseByteSize(n.Value)
	if n.Kind != yaml.ScalarNode || err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %q is not a size (e.g. 10MB, 512KB, 1048576)", n.Line, n.Value)}}
	}
	*b = v
	return nil
}

// ParseByteSize parses "10MB", "512 KB", "1GiB", "1048576".
func ParseByteSize(s string) (ByteSize, error) {
	s = strings.TrimSpace(strings.ToUpper(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return ByteSize(f * float64(mult)), nil
}

// standbys checks a dataset's standbys and lag bound.
func (v *validator) standbys(d *Dataset, p []any) {
	for j, s := range d.Standbys {
		if store.SchemeOf(s) != store.SchemePostgres {
			v.at("a standby is a PostGIS DSN (postgres://USER@HOST/DB?schema=NAME) of a streaming standby of the store's database", append(append([]any{}, p...), "standbys", j)...)
		}
	}
	if len(d.Standbys) > 0 && d.Store != "" && store.SchemeOf(d.Store) != store.SchemePostgres {
		v.at("standbys need a PostGIS store (a GeoPackage has no standbys)", append(append([]any{}, p...), "standbys")...)
	}
	if d.MaxLag < 0 {
		v.at("must not be negative", append(append([]any{}, p...), "max_lag")...)
	}
	switch d.OnLag {
	case "", OnLagPrimary, OnLagUnready:
	default:
		v.atf(append(append([]any{}, p...), "on_lag"), "on_lag %q: use %q or %q", d.OnLag, OnLagPrimary, OnLagUnready)
	}
}
