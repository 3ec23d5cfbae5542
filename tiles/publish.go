package tiles

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/sip-core/sip/blob"
)

// keepBuilds is how many builds stay in object storage: the current one and
// the two before it (servers reading those move on within a poll).
const keepBuilds = 3

// remoteSink collects a build's tiles like a local PMTiles sink and
// publishes the archive to object storage on Finish (see archive.go).
type remoteSink struct {
	pmtilesSink
	ctx context.Context
	b   blob.Bucket
	key string
	// The manifest seen when the build started: the flip is conditional on
	// it still being current (where the service honours If-Match).
	prevTag string
	prev    *Manifest
	report  *PublishReport // what Finish published
}

func newRemoteSink(ctx context.Context, url string) (*remoteSink, error) {
	b, key, err := blob.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(key, ".pmtiles") {
		return nil, fmt.Errorf("%s: object storage holds PMTiles archives only (KEY.pmtiles)", blob.Redact(url))
	}
	s := &remoteSink{ctx: ctx, b: b, key: key}
	m, tag, ok, err := readManifest(ctx, b, key)
	if err != nil {
		return nil, err
	}
	if ok {
		s.prev, s.prevTag = m, tag
	}
	return s, nil
}

// Exists reports whether an output already exists: a file, or a published
// archive in object storage.
func Exists(ctx context.Context, out string) (bool, error) {
	if !blob.IsURL(out) {
		_, err := os.Stat(out)
		return err == nil, nil
	}
	b, key, err := blob.Open(ctx, out)
	if err != nil {
		return false, err
	}
	_, _, ok, err := readManifest(ctx, b, key)
	return ok, err
}

func (s *remoteSink) Finish(m *Meta) error {
	rep, err := s.publish(m)
	s.report = rep
	return err
}

// PublishReport says what a publish wrote.
type PublishReport struct {
	Manifest *Manifest
	Upload   time.Duration // writing the archive
	Verify   time.Duration // reading it back
}

func (s *remoteSink) publish(m *Meta) (*PublishReport, error) {
	ctx := s.ctx
	// Uploads that killed builds left behind (invisible, but stored).
	blob.AbortStaleUploads(ctx, s.b, BuildsPrefix(s.key), time.Now().Add(-24*time.Hour))
	id := make([]byte, 4)
	rand.Read(id)
	name := path.Base(s.key) + ".builds/" + time.Now().UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(id) + ".pmtiles"
	bkey := path.Join(path.Dir(s.key), name)
	if path.Dir(s.key) == "." {
		bkey = name
	}
	rep := &PublishReport{}
	t0 := time.Now()
	sum, size, err := s.upload(ctx, bkey, m)
	if err != nil {
		return nil, err
	}
	rep.Upload = time.Since(t0)
	t0 = time.Now()
	etag, tiles, err := s.verify(ctx, bkey, sum, size)
	if err != nil {
		s.b.Delete(context.WithoutCancel(ctx), bkey)
		return nil, fmt.Errorf("%s: verifying the uploaded archive: %w", blob.Join(s.b.String(), bkey), err)
	}
	rep.Verify = time.Since(t0)
	man := &Manifest{Format: ManifestFormat, Archive: name, Size: size, SHA256: hex.EncodeToString(sum), ETag: etag,
		Built: time.Now().UTC(), Dataset: m.Dataset, Revision: m.Revision, Tiles: tiles}
	if s.prev != nil {
		man.Previous = s.prev.Archive
	}
	if err := s.flip(ctx, man); err != nil {
		s.b.Delete(context.WithoutCancel(ctx), bkey)
		return nil, err
	}
	rep.Manifest = man
	s.collect(ctx, bkey)
	return rep, nil
}

// upload writes the archive under bkey, returning its SHA-256 and size. A
// failure or cancellation leaves no object (blob.Bucket.Put).
func (s *remoteSink) upload(ctx context.Context, bkey string, m *Meta) ([]byte, int64, error) {
	pr, pw := io.Pipe()
	h := sha256.New()
	cw := &countingWriter{w: io.MultiWriter(pw, h)}
	werr := make(chan error, 1)
	go func() {
		err := s.write(cw, m)
		pw.CloseWithError(err)
		werr <- err
	}()
	_, err := s.b.Put(ctx, bkey, pr, blob.PutOptions{ContentType: "application/vnd.pmtiles"})
	pr.CloseWithError(errors.New("upload ended"))
	if e := <-werr; err == nil && e != nil {
		err = e
	}
	if err != nil {
		return nil, 0, fmt.Errorf("uploading %s: %w", blob.Join(s.b.String(), bkey), err)
	}
	return h.Sum(nil), cw.n, nil
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// verify reads the uploaded archive back: its size, its header and
// directories through the reader servers use, and the SHA-256 of every
// byte. It returns the object's ETag and the tiles it addresses.
func (s *remoteSink) verify(ctx context.Context, bkey string, sum []byte, size int64) (string, uint64, error) {
	a, err := s.b.Attrs(ctx, bkey)
	if err != nil {
		return "", 0, err
	}
	if a.Size != size {
		return "", 0, fmt.Errorf("%d bytes stored, %d written", a.Size, size)
	}
	r, err := openRemotePMTiles(ctx, s.b, bkey, a)
	if err != nil {
		return "", 0, err
	}
	if r.H.AddressedTiles != uint64(len(s.tiles)) {
		return "", 0, fmt.Errorf("the directories address %d tiles, the build made %d", r.H.AddressedTiles, len(s.tiles))
	}
	rc, _, err := s.b.NewReader(ctx, bkey, 0, a.ETag)
	if err != nil {
		return "", 0, err
	}
	defer rc.Close()
	h := sha256.New()
	if _, err := io.Copy(h, rc); err != nil {
		return "", 0, err
	}
	if !bytes.Equal(h.Sum(nil), sum) {
		return "", 0, errors.New("the stored bytes differ from those written (SHA-256)")
	}
	return a.ETag, r.H.AddressedTiles, nil
}

// flip writes the manifest naming the new build: the moment it is published.
func (s *remoteSink) flip(ctx context.Context, man *Manifest) error {
	js, err := json.MarshalIndent(man, "", "  ")
	if err != nil {
		return err
	}
	opts := blob.PutOptions{ContentType: "application/json", IfNoneMatch: "*"}
	if s.prevTag != "" {
		opts = blob.PutOptions{ContentType: "application/json", IfMatch: s.prevTag}
	}
	_, err = s.b.Put(ctx, ManifestKey(s.key), bytes.NewReader(append(js, '\n')), opts)
	if errors.Is(err, blob.ErrChanged) {
		return fmt.Errorf("%s: another build was published while this one ran: nothing published", blob.Join(s.b.String(), s.key))
	}
	return err
}

// collect removes the builds older than the keepBuilds newest (their names
// sort by time), never the one just published.
func (s *remoteSink) collect(ctx context.Context, current string) {
	objs, err := s.b.List(ctx, BuildsPrefix(s.key))
	if err != nil {
		return
	}
	var keys []string
	for _, o := range objs {
		keys = append(keys, o.Key)
	}
	sort.Strings(keys)
	for i, k := range keys {
		if i < len(keys)-keepBuilds && k != current {
			s.b.Delete(ctx, k)
		}
	}
}

func (s *remoteSink) Abort() { s.tiles = nil }

var _ Sink = (*remoteSink)(nil)
