// Package blobtest runs a real S3-compatible server on loopback for tests:
// SeaweedFS's `weed mini` (master, volume, filer and S3 gateway in one
// process), in a temporary folder, with one identity whose keys the tests put
// in the environment as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, as an
// operator would.
//
// The weed binary is named by the environment variable SIP_TEST_WEED; `make
// test` builds it once from the Go module proxy (scripts/weed-ensure.sh) and
// sets SIP_TEST_WEED and SIP_TEST_S3=require. Without the binary the tests
// skip with that message, unless SIP_TEST_S3=require is set: then they fail.
package blobtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Environment variables.
const (
	// EnvWeed names the weed binary.
	EnvWeed = "SIP_TEST_WEED"
	// EnvRequire set to "require" makes a missing binary fail the tests.
	EnvRequire = "SIP_TEST_S3"
)

// The identity of every server, and the bucket it makes at start.
const (
	AccessKey = "SIPTESTACCESSKEY0001"
	SecretKey = "sip-test-secret-key-0123456789abcdefghij"
	Region    = "us-east-1"
	Bucket    = "sip-test"
)

// Server is a running weed mini.
type Server struct {
	Dir      string // data, configuration and log
	Endpoint string // http://127.0.0.1:PORT, the S3 API

	mu   sync.Mutex
	args []string
	cmd  *exec.Cmd
	log  *os.File
	bin  string
}

// Required reports whether the environment demands the object-storage tests
// run (SIP_TEST_S3=require).
func Required() bool { return os.Getenv(EnvRequire) == "require" }

// Binary is the weed binary to run, or an error saying why there is none.
func Binary() (string, error) {
	p := os.Getenv(EnvWeed)
	if p == "" {
		return "", errors.New("SIP_TEST_WEED does not name a SeaweedFS weed binary (make test builds one: scripts/weed-ensure.sh)")
	}
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("SIP_TEST_WEED: %w", err)
	}
	return p, nil
}

// Env is the environment a client of the servers needs: the identity's keys,
// the region, and no instance metadata lookups (they would leave loopback).
func Env() []string {
	return []string{"AWS_ACCESS_KEY_ID=" + AccessKey, "AWS_SECRET_ACCESS_KEY=" + SecretKey, "AWS_REGION=" + Region,
		"AWS_EC2_METADATA_DISABLED=true", "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null"}
}

// SetEnv puts Env into this process's environment (for the test's own
// clients; child processes inherit it).
func SetEnv(t testing.TB) {
	for _, kv := range Env() {
		k, v, _ := cut(kv)
		t.Setenv(k, v)
	}
}

func cut(kv string) (string, string, bool) {
	for i := range len(kv) {
		if kv[i] == '=' {
			return kv[:i], kv[i+1:], true
		}
	}
	return kv, "", false
}

// Start starts a server for the test (stopped and removed when it ends), or
// skips the test when there is no weed binary and SIP_TEST_S3 is not
// "require". It also puts the clients' environment in place (SetEnv).
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		if Required() {
			t.Fatalf("blobtest: %v", err)
		}
		t.Skipf("skipping: %v", err)
	}
	SetEnv(t)
	dir, err := os.MkdirTemp("", "sip-weed-*")
	if err != nil {
		t.Fatal(err)
	}
	s := &Server{Dir: dir, bin: bin}
	t.Cleanup(func() { s.Stop(); os.RemoveAll(dir) })
	if err := s.configure(); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	if err := s.Restart(); err != nil {
		t.Fatal(err)
	}
	t.Logf("blobtest: weed mini in %s serving S3 at %s, started in %s", dir, s.Endpoint, time.Since(t0).Round(time.Millisecond))
	return s
}

// configure writes the identity file and chooses the ports (kept across
// restarts, so that clients find the server where it was).
func (s *Server) configure() error {
	conf := fmt.Sprintf(`{"identities":[{"name":"sip","credentials":[{"accessKey":%q,"secretKey":%q}],"actions":["Admin","Read","List","Tagging","Write"]}]}`,
		AccessKey, SecretKey)
	confPath := filepath.Join(s.Dir, "s3.json")
	if err := os.WriteFile(confPath, []byte(conf), 0o600); err != nil {
		return err
	}
	ports, err := freePorts(9)
	if err != nil {
		return err
	}
	data := filepath.Join(s.Dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		return err
	}
	s.Endpoint = fmt.Sprintf("http://127.0.0.1:%d", ports[0])
	p := func(i int) string { return strconv.Itoa(ports[i]) }
	s.args = []string{"mini", "-dir=" + data, "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
		"-s3.port=" + p(0), "-s3.port.grpc=" + p(1), "-s3.config=" + confPath, "-bucket=" + Bucket,
		"-master.port=" + p(2), "-master.port.grpc=" + p(3), "-volume.port=" + p(4), "-volume.port.grpc=" + p(5),
		"-filer.port=" + p(6), "-filer.port.grpc=" + p(7), "-filer.localSocket=" + filepath.Join(s.Dir, "filer.sock"),
		"-s3.localSocket=" + filepath.Join(s.Dir, "s3.sock"), "-debug.port=" + p(8), "-s3.debug.port=" + p(8),
		"-webdav=false", "-admin.ui=false", "-admin.port.legacy=0", "-s3.port.iceberg=0", "-s3.port.lance=0",
		"-s3.iam=false", "-master.telemetry=false", "-volume.max=0"}
	return nil
}

// freePorts reserves n distinct loopback ports (released before weed binds
// them; a port taken in between makes the start fail visibly).
func freePorts(n int) ([]int, error) {
	var out []int
	var ls []net.Listener
	defer func() {
		for _, l := range ls {
			l.Close()
		}
	}()
	for len(out) < n {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		ls = append(ls, l)
		port := l.Addr().(*net.TCPAddr).Port
		// weed derives gRPC ports as port+10000 when not given; keep the
		// chosen ones below that range's end.
		if port > 55000 {
			continue
		}
		out = append(out, port)
	}
	return out, nil
}

// Restart starts the server (again, after Stop: same ports, same data) and
// waits until its S3 API answers.
func (s *Server) Restart() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd != nil {
		return errors.New("blobtest: the server is running")
	}
	log, err := os.OpenFile(filepath.Join(s.Dir, "weed.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(s.bin, s.args...)
	cmd.Dir = s.Dir
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		log.Close()
		return err
	}
	s.cmd, s.log = cmd, log
	deadline := time.Now().Add(90 * time.Second)
	for {
		if err := s.probe(); err == nil {
			return nil
		}
		if time.Now().After(deadline) {
			s.stopLocked()
			b, _ := os.ReadFile(filepath.Join(s.Dir, "weed.log"))
			return fmt.Errorf("blobtest: weed's S3 API did not answer at %s within 90 s:\n%s", s.Endpoint, tail(b, 4000))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// probe asks the S3 API for the bucket (HEAD; 403 or 200 both mean it answers
// and the bucket exists, since the request is not signed).
func (s *Server) probe() error {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodHead, s.Endpoint+"/"+Bucket, nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound || resp.StatusCode >= 500 {
		return fmt.Errorf("HEAD bucket: %s", resp.Status)
	}
	return nil
}

// Stop stops the server (the data stays): the bucket becomes unreachable.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stopLocked()
}

func (s *Server) stopLocked() {
	if s.cmd == nil {
		return
	}
	// weed mini runs as one process; its group is killed in case it forks.
	syscall.Kill(-s.cmd.Process.Pid, syscall.SIGKILL)
	s.cmd.Wait()
	s.log.Close()
	s.cmd, s.log = nil, nil
}

// URL is an s3:// URL of a key in the server's bucket.
func (s *Server) URL(key string) string {
	return "s3://" + Bucket + "/" + key + "?endpoint=" + s.Endpoint
}

// Log is the server's log so far (for failure messages).
func (s *Server) Log() string {
	b, _ := os.ReadFile(filepath.Join(s.Dir, "weed.log"))
	return string(tail(b, 4000))
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		b = b[len(b)-n:]
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			b = b[i+1:]
		}
	}
	return b
}
