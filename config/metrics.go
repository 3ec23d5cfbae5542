package config

import "net"

// Metrics configures the Prometheus metrics (/metrics).
//
// On the public listener /metrics needs a key with the role metrics (or admin),
// unless Public is set. Listen adds a listener of its own that serves /metrics
// only, to any client that reaches it, for a Prometheus on the same host or
// the internal network.
type Metrics struct {
	// Listen is the address of the metrics listener (e.g. 127.0.0.1:9090);
	// empty: none. It must differ from listen.
	Listen string `yaml:"listen"`
	// Public lets anyone read /metrics on the public listener; that view
	// leaves out the series naming layers the public cannot read.
	Public bool `yaml:"public"`
}

func (m Metrics) validate(v *validator, c *Config) {
	if m.Listen == "" {
		return
	}
	if _, _, err := net.SplitHostPort(m.Listen); err != nil {
		v.at("not a host:port address: "+err.Error(), "metrics", "listen")
		return
	}
	if m.Listen == c.Listen || (c.Listen == "" && m.Listen == DefaultListen) {
		v.at("must differ from listen: metrics get a listener of their own", "metrics", "listen")
	}
}
