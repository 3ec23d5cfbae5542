package postgistest

import (
	"os"
	"strings"
	"testing"
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
