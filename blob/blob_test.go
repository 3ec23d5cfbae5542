package blob_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/blob/blobtest"
)

func random(t *testing.T, n int) []byte {
	t.Helper()
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return b
}

func open(t *testing.T, url string) (blob.Bucket, string) {
	t.Helper()
	b, key, err := blob.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return b, key
}

// Writes and reads against a real S3-compatible server: whole objects in one
// request and in parts, range reads naming a version, a replaced object
// refusing the old version, listing, deleting.
func TestS3(t *testing.T) {
	srv := blobtest.Start(t)
	ctx := context.Background()
	b, prefix := open(t, srv.URL("blobtest/"))
	small := random(t, 1000)
	big := random(t, 2*blob.PartSize+12345) // three parts
	as, err := b.Put(ctx, blob.Join(prefix, "small"), bytes.NewReader(small), blob.PutOptions{ContentType: "application/octet-stream"})
	if err != nil {
		t.Fatal(err)
	}
	ab, err := b.Put(ctx, blob.Join(prefix, "big"), bytes.NewReader(big), blob.PutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if as.ETag == "" || ab.ETag == "" || ab.Size != int64(len(big)) {
		t.Fatalf("put attrs: %+v %+v", as, ab)
	}
	a, err := b.Attrs(ctx, blob.Join(prefix, "big"))
	if err != nil || a.Size != int64(len(big)) || a.ETag != ab.ETag {
		t.Fatalf("attrs: %+v %v (put said %+v)", a, err, ab)
	}
	// Ranges across the part boundaries, of the version read.
	for _, r := range [][2]int64{{0, 127}, {blob.PartSize - 10, 20}, {int64(len(big)) - 5, 5}} {
		got, err := b.ReadRange(ctx, blob.Join(prefix, "big"), r[0], r[1], a.ETag)
		if err != nil || !bytes.Equal(got, big[r[0]:r[0]+r[1]]) {
			t.Fatalf("range %v: %v", r, err)
		}
	}
	if _, err := b.ReadRange(ctx, blob.Join(prefix, "big"), int64(len(big))-5, 10, a.ETag); err == nil {
		t.Error("a range past the end was read")
	}
	rc, ra, err := b.NewReader(ctx, blob.Join(prefix, "big"), 100, a.ETag)
	if err != nil {
		t.Fatal(err)
	}
	all, err := io.ReadAll(rc)
	rc.Close()
	if err != nil || !bytes.Equal(all, big[100:]) || ra.Size != int64(len(big)) {
		t.Fatalf("stream from 100: %d bytes, size %d, %v", len(all), ra.Size, err)
	}
	// Replaced: the old version is refused, the new one reads.
	if _, err := b.Put(ctx, blob.Join(prefix, "big"), bytes.NewReader(small), blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := b.ReadRange(ctx, blob.Join(prefix, "big"), 0, 10, a.ETag); !errors.Is(err, blob.ErrChanged) {
		t.Fatalf("read of a replaced version: %v", err)
	}
	if got, err := b.ReadRange(ctx, blob.Join(prefix, "big"), 0, 10, ""); err != nil || !bytes.Equal(got, small[:10]) {
		t.Fatalf("read of the new version: %v", err)
	}
	list, err := b.List(ctx, prefix)
	if err != nil || len(list) != 2 || list[0].Key != blob.Join(prefix, "big") || list[1].Key != blob.Join(prefix, "small") {
		t.Fatalf("list: %+v %v", list, err)
	}
	if err := b.Delete(ctx, blob.Join(prefix, "small")); err != nil {
		t.Fatal(err)
	}
	if err := b.Delete(ctx, blob.Join(prefix, "small")); err != nil {
		t.Errorf("deleting an absent object: %v", err)
	}
	if _, err := b.Attrs(ctx, blob.Join(prefix, "small")); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("attrs of a deleted object: %v", err)
	}
	if _, err := b.ReadRange(ctx, blob.Join(prefix, "nothing"), 0, 1, ""); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("read of an absent object: %v", err)
	}
	// The secret never appears in what the package says about a location.
	if strings.Contains(b.String(), blobtest.SecretKey) {
		t.Errorf("location names the secret: %s", b)
	}
}

// stallingReader gives n bytes, then blocks until ctx ends.
type stallingReader struct {
	data []byte
	ctx  context.Context
	sent atomic.Int64
}

func (r *stallingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		<-r.ctx.Done()
		return 0, r.ctx.Err()
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	r.sent.Add(int64(n))
	return n, nil
}

// A cancelled upload (of several parts) leaves neither an object nor a
// half-finished upload, and an older object under the key stays as it was.
func TestS3CancelledPut(t *testing.T) {
	srv := blobtest.Start(t)
	ctx := context.Background()
	b, key := open(t, srv.URL("cancel/archive"))
	old := random(t, 5000)
	if _, err := b.Put(ctx, key, bytes.NewReader(old), blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	r := &stallingReader{data: random(t, blob.PartSize+100), ctx: cctx}
	done := make(chan error, 1)
	go func() {
		_, err := b.Put(cctx, key, r, blob.PutOptions{})
		done <- err
	}()
	for r.sent.Load() < blob.PartSize+100 {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // the first part goes up
	cancel()
	if err := <-done; err == nil {
		t.Fatal("a cancelled upload succeeded")
	}
	got, err := b.ReadRange(ctx, key, 0, int64(len(old)), "")
	if err != nil || !bytes.Equal(got, old) {
		t.Fatalf("the older object after a cancelled upload: %v", err)
	}
	if n, err := blob.AbortStaleUploads(ctx, b, "cancel/", time.Now().Add(time.Hour)); err != nil || n != 0 {
		t.Errorf("uploads left by the cancelled one: %d %v", n, err)
	}
}

// A stopped server is ErrUnavailable, quickly; restarted, it serves the same
// objects again.
func TestS3Unreachable(t *testing.T) {
	srv := blobtest.Start(t)
	ctx := context.Background()
	b, key := open(t, srv.URL("down/obj"))
	data := random(t, 100)
	if _, err := b.Put(ctx, key, bytes.NewReader(data), blob.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	t0 := time.Now()
	_, err := b.ReadRange(ctx, key, 0, 10, "")
	if !errors.Is(err, blob.ErrUnavailable) || time.Since(t0) > 10*time.Second {
		t.Fatalf("read from a stopped server: %v after %s", err, time.Since(t0))
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	got, err := b.ReadRange(ctx, key, 0, 100, "")
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("after the restart: %v", err)
	}
}

// An https:// (here http://) location read from a real net/http file server:
// ranges, the version check (412 on If-Match), read-only.
func TestHTTP(t *testing.T) {
	data := random(t, 70000)
	version := atomic.Int64{}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/tiles/a.pmtiles" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"v`+string(rune('0'+version.Load()))+`"`)
		http.ServeContent(w, r, "", time.Unix(1700000000, 0), bytes.NewReader(data))
	}))
	defer hs.Close()
	ctx := context.Background()
	b, key := open(t, hs.URL+"/tiles/a.pmtiles")
	a, err := b.Attrs(ctx, key)
	if err != nil || a.Size != int64(len(data)) || a.ETag != `"v0"` {
		t.Fatalf("attrs: %+v %v", a, err)
	}
	got, err := b.ReadRange(ctx, key, 1000, 500, a.ETag)
	if err != nil || !bytes.Equal(got, data[1000:1500]) {
		t.Fatalf("range: %v", err)
	}
	version.Store(1)
	if _, err := b.ReadRange(ctx, key, 1000, 500, a.ETag); !errors.Is(err, blob.ErrChanged) {
		t.Fatalf("range of a replaced version: %v", err)
	}
	if _, err := b.Attrs(ctx, "tiles/none"); !errors.Is(err, blob.ErrNotFound) {
		t.Errorf("absent: %v", err)
	}
	if _, err := b.Put(ctx, key, bytes.NewReader(nil), blob.PutOptions{}); !errors.Is(err, blob.ErrReadOnly) {
		t.Errorf("put to http: %v", err)
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	for _, u := range []string{"s3:///key", "s3://AKIA:secret@bucket/key", "s3://bucket/key?endpoint=http://x&color=red", "ftp://host/x", "s3://b/k?path_style=maybe"} {
		if _, _, err := blob.Open(ctx, u); err == nil {
			t.Errorf("%s: accepted", u)
		} else if strings.Contains(err.Error(), "secret") {
			t.Errorf("%s: error names the secret: %v", u, err)
		}
	}
}
