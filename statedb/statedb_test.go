package statedb

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A deleted row is gone from the file and its write-ahead log once scrubbed,
// and the migrations run again on reopening without harm.
func TestDeletedContentLeavesTheDisk(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "state.sqlite")
	ctx := context.Background()
	steps := []Migration{{SQL: `CREATE TABLE t(k TEXT PRIMARY KEY, v TEXT)`}}
	db, err := OpenDSN(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Migrate(ctx, "t", steps); err != nil {
		t.Fatal(err)
	}
	secret := "pesel-like-secret-84010112345"
	if _, err := db.Exec(ctx, `INSERT INTO t VALUES('a', ?)`, secret); err != nil {
		t.Fatal(err)
	}
	db.Scrub(ctx)
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte(secret)) {
		t.Fatal("the row is not on disk: the check below would prove nothing")
	}
	if _, err := db.Exec(ctx, `DELETE FROM t WHERE k='a'`); err != nil {
		t.Fatal(err)
	}
	if err := db.Scrub(ctx); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{path, path + "-wal"} {
		if b, _ := os.ReadFile(f); bytes.Contains(b, []byte(secret)) {
			t.Fatalf("%s still holds the deleted value", filepath.Base(f))
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	if db, err = OpenDSN(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Migrate(ctx, "t", steps); err != nil {
		t.Fatal(err)
	}
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
