// Package statedbtest makes state files for tests: a SQLite file as an
// older sip wrote it, from a SQL script kept in a package's testdata.
package statedbtest

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the state files
)

// File runs the SQL script at script into a new SQLite file called name in
// a temporary folder of the test, and returns the file's path.
func File(t testing.TB, script, name string) string {
	t.Helper()
	sqlText, err := os.ReadFile(script)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	db, err := sql.Open("sqlite3", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(string(sqlText)); err != nil {
		t.Fatalf("%s: %v", script, err)
	}
	return path
}
