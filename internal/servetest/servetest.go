// Package servetest runs the real sip binary for the tests of a service
// package: it builds the binary, generates and ingests a synthetic county
// once per package, and starts `sip serve` processes on loopback that the
// tests stop gracefully (SIGTERM) or kill.
package servetest

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Build builds the sip command (cmdDir, e.g. ../cmd/sip) into dir and
// returns the binary's path.
func Build(dir, cmdDir string) (string, error) {
	bin := filepath.Join(dir, "sip")
	if out, err := exec.Command("go", "build", "-o", bin, cmdDir).CombinedOutput(); err != nil {
		return "", fmt.Errorf("building sip: %v\n%s", err, out)
	}
	return bin, nil
}

// County generates a synthetic county of parcels parcels (seed 5) as GML
// under dir/gml and ingests it into dir/county.gpkg (dataset powiat_laski);
// it returns the GML folder, which also holds drogi.geojson.
func County(bin, dir string, parcels int) (string, error) {
	gml := filepath.Join(dir, "gml")
	if out, err := exec.Command(bin, "gen", "county", "--parcels", fmt.Sprint(parcels), "--seed", "5", "--out", gml).CombinedOutput(); err != nil {
		return "", fmt.Errorf("sip gen county: %v\n%s", err, out)
	}
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	return gml, Run(bin, append([]string{"ingest", "--store", filepath.Join(dir, "county.gpkg"), "--name", "powiat_laski"}, files...)...)
}

// Run runs the binary with args, returning its output in the error.
func Run(bin string, args ...string) error {
	if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
		return fmt.Errorf("sip %v: %v\n%s", args, err, out)
	}
	return nil
}

// SetStore makes a dataset of a configuration file use another store (a
// PostGIS schema replicas share): the line "store: from" becomes "store: to".
func SetStore(t testing.TB, config, from, to string) {
	t.Helper()
	b, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	yaml := strings.Replace(string(b), "store: "+from+"\n", fmt.Sprintf("store: %q\n", to), 1)
	if err := os.WriteFile(config, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Buffer collects a process's output; safe for concurrent use.
type Buffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *Buffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *Buffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Process is a running sip serve.
type Process struct {
	cmd  *exec.Cmd
	Logs *Buffer
	Base string // http://ADDR
	done chan struct{}
}

// Serve starts `sip serve --config config` listening on addr (the
// configuration's listen) with env added to the environment, and waits up to
// a minute until /readyz answers 200. The test's cleanup stops it, and
// prints its log when the test failed.
func Serve(t testing.TB, bin, config, addr string, env ...string) *Process {
	t.Helper()
	p := Start(t, bin, config, addr, env...)
	p.waitFor(t, "/readyz", "ready")
	return p
}

// Start starts `sip serve` as Serve does but waits only until it answers
// (/healthz 200), ready or not.
func Start(t testing.TB, bin, config, addr string, env ...string) *Process {
	t.Helper()
	p := &Process{cmd: exec.Command(bin, "serve", "--config", config), Logs: &Buffer{}, Base: "http://" + addr, done: make(chan struct{})}
	p.cmd.Stdout, p.cmd.Stderr = p.Logs, p.Logs
	p.cmd.Env = append(os.Environ(), env...)
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	t.Cleanup(func() {
		p.Stop(t)
		if t.Failed() {
			t.Logf("sip serve log:\n%s", p.Logs.String())
		}
	})
	p.waitFor(t, "/healthz", "up")
	return p
}

// waitFor waits up to a minute until path answers 200.
func (p *Process) waitFor(t testing.TB, path, what string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-p.done:
			t.Fatalf("sip serve exited:\n%s", p.Logs.String())
		default:
		}
		if r, err := http.Get(p.Base + path); err == nil {
			r.Body.Close()
			if r.StatusCode == 200 {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("sip serve did not become %s:\n%s", what, p.Logs.String())
}

// Stop ends the server gracefully (SIGTERM), or kills it after 20 s and
// fails the test.
func (p *Process) Stop(t testing.TB) {
	select {
	case <-p.done:
		return
	default:
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(20 * time.Second):
		t.Errorf("sip serve did not stop within 20 s of SIGTERM")
		p.cmd.Process.Kill()
		<-p.done
	}
}

// Kill ends the server at once (SIGKILL).
func (p *Process) Kill() {
	p.cmd.Process.Kill()
	<-p.done
}
