package web

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// browserEnv returns node and Debian's chromium for the end-to-end tests,
// skipping the test when either (or web/node_modules) is missing.
func browserEnv(t *testing.T) (node, chromium string) {
	t.Helper()
	if testing.Short() {
		t.Skip("browser tests skipped in -short mode")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed: the browser tests need Node.js (Debian nodejs) and `npm ci --prefix web`")
	}
	if out, err := exec.Command(node, "--version").Output(); err == nil {
		// playwright-core needs Node.js 20 or later.
		if m := regexp.MustCompile(`^v(\d+)\.`).FindSubmatch(out); m != nil {
			if v, _ := strconv.Atoi(string(m[1])); v < 20 {
				t.Skipf("node %s is too old for playwright-core (needs 20+)", strings.TrimSpace(string(out)))
			}
		}
	}
	chromium = os.Getenv("CHROMIUM")
	if chromium == "" {
		chromium = "/usr/bin/chromium"
	}
	if _, err := os.Stat(chromium); err != nil {
		t.Skipf("%s is missing: install Debian's chromium (make test does) to run the browser tests", chromium)
	}
	if _, err := os.Stat(filepath.Join("node_modules", "playwright-core", "package.json")); err != nil {
		t.Skip("web/node_modules is missing: run `npm ci --prefix web` (make test does)")
	}
	return node, chromium
}

// buildSip builds the sip command into dir.
func buildSip(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "sip")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/sip").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// serveSip runs `sip serve --config cfg` until the test ends and waits until
// it answers at base.
func serveSip(t *testing.T, bin, cfg, base string) *bytes.Buffer {
	t.Helper()
	srv := exec.Command(bin, "serve", "--config", cfg)
	var logs bytes.Buffer
	srv.Stdout, srv.Stderr = &logs, &logs
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		srv.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			srv.Process.Kill()
			<-done
		}
	})
	waitHealthy(t, base, &logs)
	return &logs
}
