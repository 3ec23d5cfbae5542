package postgistest

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestCluster: the cluster answers, has PostGIS 3, refuses the role without
// its password and survives a stop and a start.
func TestCluster(t *testing.T) {
	c := Need(t)
	v, err := c.PSQL(Database, "SELECT postgis_lib_version()")
	if err != nil || !strings.HasPrefix(v, "3.") {
		t.Fatalf("PostGIS version %q %v", v, err)
	}
	if err := c.StopServer(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PSQL(Database, "SELECT 1"); err == nil {
		t.Fatal("a stopped server answered")
	}
	if err := c.StartServer(); err != nil {
		t.Fatal(err)
	}
	if n, err := c.PSQL(Database, "SELECT count(*) FROM pg_roles WHERE rolname = '"+Role+"' AND NOT rolsuper"); err != nil || n != "1" {
		t.Fatalf("role: %q %v", n, err)
	}
}

// TestStandby: a standby started from the cluster replays its commits, no
// sooner than the delay asked, and refuses writes.
func TestStandby(t *testing.T) {
	c := Need(t)
	sb, err := c.StartStandby(time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer sb.Close()
	if _, err := c.PSQL(Database, "CREATE TABLE standby_probe (n int); INSERT INTO standby_probe VALUES (7)"); err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	for {
		v, err := sb.PSQL(Database, "SELECT n FROM standby_probe")
		if err == nil && v == "7" {
			break
		}
		if time.Since(t0) > 30*time.Second {
			t.Fatalf("the standby never replayed the insert: %q %v", v, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if d := time.Since(t0); d < 900*time.Millisecond {
		t.Errorf("replayed after %s, before the 1 s delay", d)
	}
	if _, err := sb.PSQL(Database, "INSERT INTO standby_probe VALUES (8)"); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("the standby took a write: %v", err)
	}
}
