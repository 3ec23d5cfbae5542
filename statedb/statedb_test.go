package statedb

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A deleted row is gone from the file and its write-ahead log once scrubbed,
// and the schema runs again on reopening without harm.
func TestDeletedContentLeavesTheDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.sqlite")
	schema := `CREATE TABLE IF NOT EXISTS t(k TEXT PRIMARY KEY, v TEXT)`
	db, err := Open(path, schema, 1)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	secret := "pesel-like-secret-84010112345"
	if err := Tx(ctx, db, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO t VALUES('a', ?)`, secret)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	Scrub(ctx, db)
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte(secret)) {
		t.Fatal("the row is not on disk: the check below would prove nothing")
	}
	if _, err := db.Exec(`DELETE FROM t WHERE k='a'`); err != nil {
		t.Fatal(err)
	}
	if err := Scrub(ctx, db); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal"} {
		if b, _ := os.ReadFile(f); bytes.Contains(b, []byte(secret)) {
			t.Fatalf("%s still holds the deleted value", filepath.Base(f))
		}
	}
	if err := Close(db); err != nil {
		t.Fatal(err)
	}
	db, err = Open(path, schema, 1)
	if err != nil {
		t.Fatal(err)
	}
	Close(db)
}

func TestMillis(t *testing.T) {
	now := time.Now().Truncate(time.Millisecond)
	if got := Time(Millis(now)); !got.Equal(now) || got.Location() != time.UTC {
		t.Fatalf("%v → %v", now, got)
	}
	if Millis(time.Time{}) != 0 || !Time(0).IsZero() {
		t.Fatal("the zero time is not 0")
	}
}
