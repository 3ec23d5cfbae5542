package web

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/sip-core/sip/synth/synthstore"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
)

var (
	fixtureDir  string
	fixtureOnce sync.Once
	fixtureErr  error
	fixturePath string
)

func TestMain(m *testing.M) {
	d, err := os.MkdirTemp("", "sip-web-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fixtureDir = d
	code := m.Run()
	os.RemoveAll(d)
	os.Exit(code)
}

// countyStore is a synthetic county of 500 parcels ingested into a GeoPackage,
// made once per test binary.
func countyStore(t testing.TB) string {
	t.Helper()
	fixtureOnce.Do(func() {
		fixturePath, _, fixtureErr = synthstore.Build(context.Background(), fixtureDir, synthstore.Options{Parcels: 500, Seed: 10})
	})
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return fixturePath
}

// startServer runs a real server (the registered services: this package's) on
// a loopback port.
func startServer(t testing.TB, cfg *config.Config) string {
	t.Helper()
	logger := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelError}))
	s, err := server.New(cfg, logger, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s.Shutdown(ctx)
		<-done
	})
	return "http://" + ln.Addr().String()
}
