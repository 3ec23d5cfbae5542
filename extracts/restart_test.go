package extracts

import (
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildSIP builds the sip binary (with every registered service) once.
func buildSIP(t *testing.T) string {
	t.Helper()
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go toolchain not on PATH: cannot build the sip binary")
	}
	bin := filepath.Join(t.TempDir(), "sip")
	cmd := exec.Command(gobin, "build", "-o", bin, "github.com/sip-core/sip/cmd/sip")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/sip: %v\n%s", err, out)
	}
	return bin
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

type proc struct {
	cmd *exec.Cmd
	url string
	log string
}

func startSIP(t *testing.T, bin, cfg, addr string, env ...string) *proc {
	t.Helper()
	logPath := filepath.Join(filepath.Dir(cfg), fmt.Sprintf("sip-%d.log", time.Now().UnixNano()))
	lf, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--config", cfg, "--listen", addr)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdout, cmd.Stderr = lf, lf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lf.Close()
	p := &proc{cmd: cmd, url: "http://" + addr, log: logPath}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(p.url + "/readyz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return p
			}
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logPath)
			t.Fatalf("sip serve did not become ready:\n%s", b)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestRestartResumesGeneration kills a real `sip serve` with SIGKILL while it
// generates a paid extract, restarts it, and checks that the extract is made
// exactly once and the order charged exactly once.
func TestRestartResumesGeneration(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the sip binary")
	}
	bin := buildSIP(t)
	dir := t.TempDir()
	cfgPath := filepath.Join(dir, "sip.yaml")
	orders := filepath.Join(dir, "orders.sqlite")
	if err := os.WriteFile(cfgPath, []byte(fixtureConfig(fx.gpkg, orders, 300)), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	secretEnv := webhookEnv + "=" + webhookSecret
	p := startSIP(t, bin, cfgPath, addr, secretEnv, TestHookGenerateDelay+"=120s")

	ps := currentParcels(t)
	chosen := ps[20:25]
	body := fmt.Sprintf(`{"parcels": %s, "products": ["gpkg", "wypis_wyrys"], "provider": "payu"}`, mustJSON(t, parcelIDs(chosen)))
	r := do(t, http.MethodPost, p.url+"/api/extracts/orders", []byte(body))
	if r.status != http.StatusCreated {
		t.Fatalf("order: %d %s", r.status, r.body)
	}
	var v orderView
	r.json(t, &v)
	note := fmt.Sprintf(`{"order":{"orderId":"PAYU-R1","extOrderId":%q,"totalAmount":"14000","currencyCode":"PLN","status":"COMPLETED"}}`, v.ID)
	sig := Sign([]byte(webhookSecret), []byte(note))
	if r := do(t, http.MethodPost, p.url+"/api/payments/payu/notify", []byte(note), "OpenPayu-Signature", sig); r.status != 200 {
		t.Fatalf("notify: %d %s", r.status, r.body)
	}
	// Wait until the generator wrote the files and paused before releasing them.
	partial := filepath.Join(dir, "extracts", v.ID+".partial", "doo.txt")
	deadline := time.Now().Add(30 * time.Second)
	for {
		if _, err := os.Stat(partial); err == nil {
			break
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(p.log)
			t.Fatalf("generation never reached the pause:\n%s", b)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	p.cmd.Wait()

	ctx := context.Background()
	db, err := OpenDB(ctx, orders)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	o, err := db.Get(ctx, v.ID)
	if err != nil || o.State != StatePaid {
		t.Fatalf("after SIGKILL: %v %+v", err, o)
	}

	p2 := startSIP(t, bin, cfgPath, addr, secretEnv)
	// The operator repeats its notification after the outage: acknowledged only.
	if r := do(t, http.MethodPost, p2.url+"/api/payments/payu/notify", []byte(note), "OpenPayu-Signature", sig); r.status != 200 || !strings.Contains(string(r.body), "duplicate") {
		t.Fatalf("repeat after restart: %d %s", r.status, r.body)
	}
	// The killed server's claim on the order runs out (claimLease) before the
	// new one takes the generation over.
	deadline = time.Now().Add(claimLease + 30*time.Second)
	var ready orderView
	for {
		r := do(t, http.MethodGet, p2.url+"/api/extracts/orders/"+v.ID, nil)
		r.json(t, &ready)
		if ready.State == StateReady {
			break
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(p2.log)
			t.Fatalf("order stayed %s after restart:\n%s", ready.State, b)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if n, _ := db.Charges(ctx, v.ID); n != 1 {
		t.Errorf("%d charges, want 1", n)
	}
	a := auditOf(t, p2.url, v.ID)
	if countActions(a, "paid") != 1 || countActions(a, "generated") != 1 || countActions(a, "generation_started") != 2 {
		t.Errorf("audit after restart: %+v", a)
	}
	ents, err := os.ReadDir(filepath.Join(dir, "extracts"))
	if err != nil {
		t.Fatal(err)
	}
	if len(ents) != 1 || ents[0].Name() != v.ID {
		var names []string
		for _, e := range ents {
			names = append(names, e.Name())
		}
		t.Errorf("extract directories %v, want exactly [%s]", names, v.ID)
	}
	u := ""
	for _, d := range ready.Downloads {
		if d.File == "extract.gpkg" {
			u = d.URL
		}
	}
	if u == "" {
		t.Fatalf("no gpkg download: %+v", ready.Downloads)
	}
	checkGPKG(t, save(t, u, "resumed.gpkg"), chosen)
	if err := p2.cmd.Process.Signal(syscall.SIGTERM); err == nil {
		p2.cmd.Wait()
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
