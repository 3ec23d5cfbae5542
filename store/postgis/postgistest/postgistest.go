// Package postgistest runs a throw-away PostgreSQL 15 cluster with PostGIS for
// tests: initdb in a temporary folder, the server listening only on a Unix
// socket in that folder, one database (sip) with CREATE EXTENSION postgis, a
// superuser (postgres, trusted) and a login role with a password (sip) that the
// tests use like an operator would. PostgreSQL refuses to run as root, so
// under root (CI) the cluster runs as the postgres system user (runuser), in a
// folder made over to it.
//
// A test package starts one cluster in TestMain (Main) and its tests get it from
// Need. When the binaries are missing (Debian: apt install
// postgresql-15-postgis-3) the tests skip with that message, unless
// SIP_TEST_POSTGIS=require is set (make test sets it): then they fail.
package postgistest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// BinDir holds the PostgreSQL 15 server binaries on Debian 12.
const BinDir = "/usr/lib/postgresql/15/bin"

// Names of the database and the roles of every cluster.
const (
	Database  = "sip"
	Superuser = "postgres"
	Role      = "sip"
	// Password is the password of Role: tests check it never leaks.
	Password = "Pg-S3cret-4-tests"
)

// Cluster is a running throw-away cluster.
type Cluster struct {
	Dir     string // the cluster's folder: data/, the socket, the log
	Socket  string // the folder of the Unix socket (the libpq host)
	Port    int
	runAs   string // "" or the system user the server runs as
	schemas atomic.Int64
}

// ErrMissing says the PostgreSQL or PostGIS binaries are not installed.
var ErrMissing = errors.New("PostgreSQL 15 with PostGIS 3 is not installed (Debian: apt install postgresql-15-postgis-3)")

// Available reports whether a cluster can be started here.
func Available() error {
	for _, f := range []string{filepath.Join(BinDir, "initdb"), filepath.Join(BinDir, "pg_ctl"), "/usr/share/postgresql/15/extension/postgis.control"} {
		if _, err := os.Stat(f); err != nil {
			return ErrMissing
		}
	}
	return nil
}

// Required reports whether the environment demands the PostGIS tests run
// (SIP_TEST_POSTGIS=require).
func Required() bool { return os.Getenv("SIP_TEST_POSTGIS") == "require" }

// Start initialises and starts a cluster in a new temporary folder.
func Start() (*Cluster, error) {
	if err := Available(); err != nil {
		return nil, err
	}
	removeStale()
	runAs := ""
	if os.Geteuid() == 0 {
		runAs = "postgres"
	}
	c, err := newCluster(runAs, 5432)
	if err != nil {
		return nil, err
	}
	if err := c.init(); err != nil {
		os.RemoveAll(c.Dir)
		return nil, err
	}
	if err := c.StartServer(); err != nil {
		os.RemoveAll(c.Dir)
		return nil, err
	}
	if err := c.setup(); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// newCluster makes the folder of a cluster whose server runs as runAs ("":
// this process's user) and listens on port (on a socket in the folder).
func newCluster(runAs string, port int) (*Cluster, error) {
	dir, err := os.MkdirTemp("", "sip-pg-*")
	if err != nil {
		return nil, err
	}
	// The owner's pid lets a later run stop a cluster whose test process was
	// killed (a go test timeout) before it could.
	if err := os.WriteFile(filepath.Join(dir, "owner.pid"), []byte(strconv.Itoa(os.Getpid())), 0o644); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	c := &Cluster{Dir: dir, Socket: dir, Port: port, runAs: runAs}
	if runAs != "" {
		if err := c.chown(dir); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	return c, nil
}

// removeStale stops and removes the clusters of test processes that died.
func removeStale() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "sip-pg-*"))
	for _, dir := range dirs {
		b, err := os.ReadFile(filepath.Join(dir, "owner.pid"))
		if err != nil {
			continue
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err != nil || pid <= 0 || syscall.Kill(pid, 0) == nil || !errors.Is(syscall.Kill(pid, 0), syscall.ESRCH) {
			continue // alive, or not ours to judge
		}
		c := &Cluster{Dir: dir}
		if os.Geteuid() == 0 {
			c.runAs = "postgres"
		}
		c.Close()
	}
}

// chown makes dir the server user's (the data folder must be its own, mode 0700).
func (c *Cluster) chown(dir string) error {
	u, err := user.Lookup(c.runAs)
	if err != nil {
		return fmt.Errorf("postgistest: running as root needs the %s user: %w", c.runAs, err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	return os.Chown(dir, uid, gid)
}

// command runs a server binary as the server's user.
func (c *Cluster) command(name string, args ...string) *exec.Cmd {
	bin := filepath.Join(BinDir, name)
	if c.runAs != "" {
		return exec.Command("runuser", append([]string{"-u", c.runAs, "--", bin}, args...)...)
	}
	return exec.Command(bin, args...)
}

func run(cmd *exec.Cmd) error {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%s: %w\n%s", strings.Join(cmd.Args, " "), err, out.String())
	}
	return nil
}

func (c *Cluster) data() string { return filepath.Join(c.Dir, "data") }

func (c *Cluster) init() error {
	if err := run(c.command("initdb", "-D", c.data(), "-U", Superuser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")); err != nil {
		return err
	}
	conf := fmt.Sprintf(`
listen_addresses = ''
unix_socket_directories = '%s'
port = %d
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
shared_buffers = 64MB
log_min_messages = warning
`, c.Socket, c.Port)
	if err := c.appendConf(conf); err != nil {
		return err
	}
	// The superuser is trusted on the socket; every other role logs in with a
	// password, as in production.
	// Replication (StartStandby) connects as the superuser too.
	hba := "local all " + Superuser + " trust\nlocal replication " + Superuser + " trust\nlocal all all scram-sha-256\n"
	return os.WriteFile(filepath.Join(c.data(), "pg_hba.conf"), []byte(hba), 0o600)
}

// StartServer starts (or restarts after StopServer) the server and waits until it
// accepts connections.
func (c *Cluster) StartServer() error {
	if err := run(c.command("pg_ctl", "-D", c.data(), "-l", filepath.Join(c.Dir, "log"), "-w", "-t", "60", "start")); err != nil {
		log, _ := os.ReadFile(filepath.Join(c.Dir, "log"))
		return fmt.Errorf("%w\n%s", err, log)
	}
	return nil
}

// StopServer stops the server at once (clients are disconnected), keeping the
// data: the database going away under a running service.
func (c *Cluster) StopServer() error {
	return run(c.command("pg_ctl", "-D", c.data(), "-m", "fast", "-w", "stop"))
}

// Close stops the server and removes the cluster's folder.
func (c *Cluster) Close() {
	c.StopServer()
	os.RemoveAll(c.Dir)
}

// StartStandby makes a streaming standby of the running cluster and starts
// it: pg_basebackup -R (which writes primary_conninfo and standby.signal)
// into a new temporary folder, the standby listening on a socket of its own,
// hot_standby on, and replaying each commit no sooner than delay after the
// primary made it (recovery_min_apply_delay; 0 for none), which gives a test a
// standby that lags by a known time. The roles, the password and the
// databases are the primary's. Close it like a cluster.
func (c *Cluster) StartStandby(delay time.Duration) (*Cluster, error) {
	sb, err := newCluster(c.runAs, c.Port)
	if err != nil {
		return nil, err
	}
	dir := sb.Dir
	if err := run(sb.command("pg_basebackup", "-h", c.Socket, "-p", strconv.Itoa(c.Port), "-U", Superuser,
		"-D", sb.data(), "-R", "-X", "stream", "-c", "fast", "--no-sync")); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	conf := fmt.Sprintf("\nunix_socket_directories = '%s'\nhot_standby = on\nrecovery_min_apply_delay = '%dms'\n", sb.Socket, delay.Milliseconds())
	if err := sb.appendConf(conf); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	if err := sb.StartServer(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return sb, nil
}

// appendConf appends settings to the cluster's postgresql.conf (written by
// the server's user, the file being its own).
func (c *Cluster) appendConf(conf string) error {
	f, err := os.OpenFile(filepath.Join(c.data(), "postgresql.conf"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	_, err = f.WriteString(conf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// PSQL runs SQL as the superuser in the test database (or in postgres when db
// is "") and returns psql's output.
func (c *Cluster) PSQL(db, sql string) (string, error) {
	if db == "" {
		db = "postgres"
	}
	cmd := exec.Command("psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", c.Socket, "-p", strconv.Itoa(c.Port), "-U", Superuser, "-d", db, "-c", sql)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("psql: %w: %s", err, errb.String())
	}
	return strings.TrimSpace(out.String()), nil
}

// setup creates the database with PostGIS and the login role: the rights an
// operator gives SIP's role (README: serving from PostGIS).
func (c *Cluster) setup() error {
	for _, q := range []struct{ db, sql string }{
		{"", "CREATE ROLE " + Role + " LOGIN PASSWORD '" + Password + "'"},
		{"", "CREATE DATABASE " + Database + " OWNER " + Superuser},
		{Database, "CREATE EXTENSION postgis"},
		{Database, "GRANT CREATE ON DATABASE " + Database + " TO " + Role},
	} {
		if _, err := c.PSQL(q.db, q.sql); err != nil {
			return err
		}
	}
	return nil
}

// DSN is a libpq keyword DSN of the test database for schema, logging in as the
// password role (schema "" leaves the parameter out).
func (c *Cluster) DSN(schema string) string {
	dsn := fmt.Sprintf("host=%s port=%d dbname=%s user=%s password=%s", c.Socket, c.Port, Database, Role, Password)
	if schema != "" {
		dsn += " schema=" + schema
	}
	return dsn
}

// URL is the same DSN as a postgres:// URL.
func (c *Cluster) URL(schema string) string {
	u := fmt.Sprintf("postgres://%s:%s@/%s?host=%s&port=%d", Role, Password, Database, c.Socket, c.Port)
	if schema != "" {
		u += "&schema=" + schema
	}
	return u
}

// OGR is GDAL's connection string of the test database, as the superuser.
func (c *Cluster) OGR() string {
	return fmt.Sprintf("PG:host=%s port=%d dbname=%s user=%s", c.Socket, c.Port, Database, Superuser)
}

// NewSchema returns a schema name no other test of this cluster uses.
func (c *Cluster) NewSchema(prefix string) string {
	return fmt.Sprintf("%s_%d", prefix, c.schemas.Add(1))
}

var (
	once     sync.Once
	shared   *Cluster
	startErr error
	inMain   bool
)

// Main runs a test package's tests and removes the package's cluster after
// them. Call it from TestMain: os.Exit(postgistest.Main(m)). The cluster is
// started by the first test that needs it, so a run that selects none costs
// nothing.
func Main(m *testing.M) int {
	inMain = true
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	return code
}

// Need returns the package's cluster, starting it on first use, or skips the
// test when PostgreSQL and PostGIS are not installed (and SIP_TEST_POSTGIS=require
// is not set).
func Need(t testing.TB) *Cluster {
	t.Helper()
	if !inMain {
		t.Fatal("postgistest: call postgistest.Main from the package's TestMain (it removes the cluster)")
	}
	once.Do(func() {
		t0 := time.Now()
		shared, startErr = Start()
		if startErr == nil {
			t.Logf("postgistest: cluster in %s started in %s", shared.Dir, time.Since(t0).Round(time.Millisecond))
		}
	})
	if shared != nil {
		return shared
	}
	if errors.Is(startErr, ErrMissing) && !Required() {
		t.Skipf("skipping: %v", startErr)
	}
	t.Fatalf("postgistest: cannot start PostgreSQL: %v", startErr)
	return nil
}
