package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// The command-line conventions, checked on the real binary: help that was asked
// for goes to stdout with status 0, a command line that cannot be run to stderr
// with status 2 (each problem said once), a failure while running exits 1.

type result struct {
	stdout, stderr string
	code           int
}

func runSip(t *testing.T, bin string, args ...string) result {
	t.Helper()
	return runSipIn(t, "", bin, args...)
}

// runSipIn runs sip in the working directory dir ("" = the test's).
func runSipIn(t *testing.T, dir, bin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	return result{o.String(), e.String(), exitCode(err)}
}

func (r result) String() string {
	return "exit " + strconv.Itoa(r.code) + "\n--- stdout\n" + r.stdout + "--- stderr\n" + r.stderr
}

// unwrap joins a wrapped synopsis back into one line.
func unwrap(s string) string { return strings.Join(strings.Fields(s), " ") }

// topLevelSynopses reads `sip -h`: the command name and synopsis of each command.
func topLevelSynopses(t *testing.T, help string) map[string]string {
	t.Helper()
	out := map[string]string{}
	lines := strings.Split(help, "\n")
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.HasPrefix(l, "  sip ") {
			continue
		}
		syn := l
		for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "        ") { // continuation
			i++
			syn += " " + lines[i]
		}
		syn = unwrap(syn)
		words := strings.Fields(syn)
		name := words[1]
		if len(words) > 2 && !strings.HasPrefix(words[2], "-") && !strings.HasPrefix(words[2], "[") && strings.ToUpper(words[2]) != words[2] {
			name += " " + words[2] // a command of a group: "tiles build"
		}
		out[name] = syn
	}
	return out
}

func TestHelpGoesToStdoutAndAgrees(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"--help"}, {"help"}} {
		r := runSip(t, sipBin, args...)
		if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "commands:") {
			t.Errorf("sip %s: %s", strings.Join(args, " "), r)
		}
	}
	r := runSip(t, sipBin)
	if r.code != 2 || r.stdout != "" || !strings.Contains(r.stderr, "commands:") {
		t.Errorf("sip without a command: %s", r)
	}
	top := runSip(t, sipBin, "-h")
	syn := topLevelSynopses(t, top.stdout)
	for _, want := range []string{"gen county", "ingest", "serve", "demo", "validate", "tiles build", "tiles update", "sync pull", "version"} {
		if _, ok := syn[want]; !ok {
			t.Errorf("sip -h does not list %q:\n%s", want, top.stdout)
		}
	}
	// Each command's own help starts with the very synopsis `sip -h` shows, and
	// every flag it describes is in that synopsis.
	reFlag := regexp.MustCompile(`(?m)^  (--[a-z-]+)`)
	for name, line := range syn {
		r := runSip(t, sipBin, append(strings.Fields(name), "-h")...)
		if r.code != 0 || r.stderr != "" || !strings.HasPrefix(r.stdout, "usage: sip "+name) {
			t.Errorf("sip %s -h: %s", name, r)
			continue
		}
		own := unwrap(strings.TrimPrefix(r.stdout[:strings.Index(r.stdout, "\n\n")], "usage: "))
		if own != line {
			t.Errorf("sip -h and sip %s -h disagree:\n  %s\n  %s", name, line, own)
		}
		for _, m := range reFlag.FindAllStringSubmatch(r.stdout, -1) {
			if !strings.Contains(line, m[1]) {
				t.Errorf("sip %s -h describes %s, sip -h does not show it: %s", name, m[1], line)
			}
		}
	}
	if !strings.Contains(syn["validate"], "[--format text|json]") {
		t.Errorf("validate: %s", syn["validate"])
	}
	// The per-command help names the positional arguments.
	for _, name := range []string{"ingest", "validate"} {
		r := runSip(t, sipBin, name, "--help")
		if !strings.Contains(r.stdout, "\narguments:\n  FILE...") || !strings.HasSuffix(syn[name], "FILE...") {
			t.Errorf("sip %s --help does not name FILE...: %s", name, r)
		}
	}
	// A group: its commands on stdout for -h, an error on stderr otherwise.
	r = runSip(t, sipBin, "tiles", "-h")
	if r.code != 0 || r.stderr != "" || !strings.Contains(r.stdout, "sip tiles build") || !strings.Contains(r.stdout, "sip tiles update") || strings.Contains(r.stdout, "sip ingest") {
		t.Errorf("sip tiles -h: %s", r)
	}
	for _, args := range [][]string{{"tiles"}, {"tiles", "bogus"}, {"bogus"}} {
		r := runSip(t, sipBin, args...)
		if r.code != 2 || r.stdout != "" || r.stderr == "" {
			t.Errorf("sip %s: %s", strings.Join(args, " "), r)
		}
	}
}

func TestUsageErrorsOnce(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"ingest", "--stroe", filepath.Join(dir, "x.gpkg"), "a.gml"}, "unknown flag --stroe"},
		{[]string{"ingest", "a.gml"}, "--store is required"},
		{[]string{"ingest", "--store", filepath.Join(dir, "x.gpkg")}, "missing FILE..."},
		{[]string{"validate", "--format", "xml", "a.gml"}, `--format "xml"`},
		{[]string{"tiles", "build", "--store", "s.gpkg", "--out", "t.mbtiles", "--grid", "utm"}, `unknown --grid "utm"`},
		{[]string{"serve", "extra"}, `unexpected arguments ["extra"]`},
		{[]string{"sync", "pull", "--from", "http://127.0.0.1:1"}, "--dataset and --store are required"},
	} {
		r := runSip(t, sipBin, c.args...)
		if r.code != 2 || r.stdout != "" || strings.Count(r.stderr, c.want) != 1 || !strings.Contains(r.stderr, "usage: sip ") {
			t.Errorf("sip %s: want %q once on stderr, exit 2: %s", strings.Join(c.args, " "), c.want, r)
		}
		if _, err := os.Stat(filepath.Join(dir, "x.gpkg")); err == nil {
			t.Errorf("sip %s created the store", strings.Join(c.args, " "))
		}
	}
	r := runSip(t, sipBin, "validate", filepath.Join(dir, "nonexistent.gml"))
	if r.code != 1 || !strings.Contains(r.stderr, "no such file") || strings.Contains(r.stderr, "not planning data") {
		t.Errorf("validate of a missing file: %s", r)
	}
}

func TestVersion(t *testing.T) {
	a, b := runSip(t, sipBin, "--version"), runSip(t, sipBin, "version")
	if a.code != 0 || a.stderr != "" || a.stdout != b.stdout || !strings.HasPrefix(a.stdout, "sip ") || !strings.Contains(a.stdout, " "+runtime.Version()+" ") {
		t.Errorf("sip --version: %s\nsip version: %s", a, b)
	}
	// make build stamps the version with -ldflags.
	bin := filepath.Join(t.TempDir(), "sip")
	if out, err := exec.Command("go", "build", "-ldflags", "-X main.version=1.2.3-test", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	r := runSip(t, bin, "--version")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "sip 1.2.3-test ") {
		t.Errorf("stamped build: %s", r)
	}
}

// Flags may follow the files (as ogr2ogr and tippecanoe allow), "--" ends the
// flags, and tiles build refuses to replace a file unless --force is given.
func TestFlagsAfterArgumentsAndForce(t *testing.T) {
	dir := t.TempDir()
	gml := filepath.Join(dir, "gml")
	if r := runSip(t, sipBin, "gen", "county", "--out", gml, "--parcels", "80", "--seed", "4"); r.code != 0 {
		t.Fatalf("gen: %s", r)
	}
	files, _ := filepath.Glob(filepath.Join(gml, "*.gml"))
	if len(files) == 0 {
		t.Fatal("gen wrote no GML")
	}
	store := filepath.Join(dir, "county.gpkg")
	report := filepath.Join(dir, "report.json")
	// The files first and the flags after them; then a file between two flags.
	for _, args := range [][]string{
		append(append([]string{"ingest"}, files...), "--store", store, "--report", report),
		append(append([]string{"ingest", "--store", store}, files...), "--report", report),
	} {
		r := runSip(t, sipBin, args...)
		rep := readReport(t, report)
		if r.code != 0 || !rep.Committed || rep.Total.Objects == 0 {
			t.Fatalf("sip %s: %s\n%+v", strings.Join(args, " "), r, rep)
		}
	}
	if rep := readReport(t, report); rep.Total.Unchanged != rep.Total.Objects {
		t.Errorf("the second ingest of the same files changed something: %+v", rep)
	}

	// "--" ends the flags: a file whose name starts with a dash.
	plan := readFileT(t, appTestdata+"app2_old_2178.gml")
	dash := filepath.Join(dir, "-plan.gml")
	if err := os.WriteFile(dash, []byte(plan), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runSipIn(t, dir, sipBin, "validate", "--format", "json", "--", "-plan.gml"); r.code != 0 || !strings.Contains(r.stdout, `"errors": 0`) {
		t.Errorf("validate -- -plan.gml: %s", r)
	}
	if r := runSipIn(t, dir, sipBin, "validate", "-plan.gml"); r.code != 2 || !strings.Contains(r.stderr, "unknown flag --plan.gml") {
		t.Errorf("validate -plan.gml without --: %s", r)
	}
	if r := runSipIn(t, dir, sipBin, "validate", "-plan.gml", "--format", "json"); r.code != 2 {
		t.Errorf("validate -plan.gml --format json: %s", r)
	}
	if r := runSipIn(t, dir, sipBin, "validate", "--", "-plan.gml", "--format"); r.code != 1 || !strings.Contains(r.stderr, "--format") {
		t.Errorf("after --, --format is a file name: %s", r)
	}

	// tiles build: flags in any order; an existing output is kept unless --force.
	out := filepath.Join(dir, "county.mbtiles")
	build := []string{"tiles", "build", "--out", out, "--maxzoom", "12", "--store", store}
	if r := runSip(t, sipBin, build...); r.code != 0 {
		t.Fatalf("tiles build: %s", r)
	}
	before := sha256File(t, out)
	os.WriteFile(out, []byte("precious"), 0o644)
	r := runSip(t, sipBin, append(build, "--minzoom", "3")...)
	if r.code != 1 || !strings.Contains(r.stderr, "exists") || !strings.Contains(r.stderr, "--force") {
		t.Errorf("tiles build over an existing file: %s", r)
	}
	if b, _ := os.ReadFile(out); string(b) != "precious" {
		t.Errorf("tiles build without --force replaced the file")
	}
	if r := runSip(t, sipBin, append(build, "--force")...); r.code != 0 {
		t.Fatalf("tiles build --force: %s", r)
	}
	if sha256File(t, out) != before {
		t.Errorf("tiles build --force did not write the same tiles as the first build")
	}
}

func sha256File(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}
