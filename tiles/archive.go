package tiles

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"path"
	"sync"
	"sync/atomic"
	"time"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/tiles/pmtiles"
)

// PMTiles archives in object storage.
//
// `sip tiles build --out s3://BUCKET/tiles/county.pmtiles?endpoint=…`
// publishes an archive without ever changing one a reader may be reading:
//
//	tiles/county.pmtiles.builds/20261207T193000Z-1a2b3c4d.pmtiles  one build, written once
//	tiles/county.pmtiles.manifest.json                             which build is current
//
// A build uploads its archive under a new key, reads it back (the SHA-256 of
// every byte, and the header and directories through the same reader the
// server uses), and only then writes the manifest naming it: the pointer
// flips in one write of a small object. A build that fails, is cancelled or
// is killed before that leaves the manifest, and so every server, on the
// previous build. The two builds before the new one are kept (servers still
// reading them move to the new one within a poll), older ones are removed.
//
// A server given s3://BUCKET/tiles/county.pmtiles (or an https:// URL) reads
// the manifest, or, when there is none, the archive at that key itself (one
// uploaded by another tool). It keeps the archive's header and directories
// in memory and reads each tile with one range request naming the archive's
// ETag (If-Match): when the archive changed under it (an archive replaced in
// place), the read fails with 412 instead of returning bytes of another
// build at the old directory's offsets; the server then reads the new
// header and directories and the tile again, so it never serves a mix of
// two builds. It looks for a new manifest every ArchivePoll.

// ArchivePoll is how often a server checks an archive in object storage for
// a new build (one HEAD request).
const ArchivePoll = 2 * time.Second

// ManifestFormat names the manifest's layout.
const ManifestFormat = "sip-pmtiles-manifest/1"

// Manifest is the pointer object of a published archive.
type Manifest struct {
	Format string `json:"format"`
	// Archive is the current build's key, relative to the manifest's folder.
	Archive  string    `json:"archive"`
	Size     int64     `json:"size"`
	SHA256   string    `json:"sha256"`
	ETag     string    `json:"etag"`
	Built    time.Time `json:"built"`
	Dataset  string    `json:"dataset,omitempty"`
	Revision int64     `json:"revision"`
	Tiles    uint64    `json:"tiles"`
	// Previous is the build this one replaced, relative like Archive.
	Previous string `json:"previous,omitempty"`
}

// ManifestKey is the key of the manifest of an archive key.
func ManifestKey(key string) string { return key + ".manifest.json" }

// BuildsPrefix is the prefix of the builds of an archive key.
func BuildsPrefix(key string) string { return key + ".builds/" }

// readManifest reads the manifest of key; ok is false when there is none.
func readManifest(ctx context.Context, b blob.Bucket, key string) (m *Manifest, etag string, ok bool, err error) {
	a, err := b.Attrs(ctx, ManifestKey(key))
	if errors.Is(err, blob.ErrNotFound) {
		return nil, "", false, nil
	}
	if err != nil {
		return nil, "", false, err
	}
	if a.Size > 1<<20 {
		return nil, "", false, fmt.Errorf("%s: manifest of %d bytes: not a manifest", ManifestKey(key), a.Size)
	}
	data, err := b.ReadRange(ctx, ManifestKey(key), 0, a.Size, a.ETag)
	if err != nil {
		return nil, "", false, err
	}
	m = &Manifest{}
	if err := json.Unmarshal(data, m); err != nil || m.Format != ManifestFormat || m.Archive == "" {
		return nil, "", false, fmt.Errorf("%s: not a %s manifest", ManifestKey(key), ManifestFormat)
	}
	return m, a.ETag, true, nil
}

// archiveVersion is one build of a remote archive, opened: its header and
// directories in memory.
type archiveVersion struct {
	tag  string // the manifest's ETag, or the plain archive's: what a poll compares
	key  string
	etag string
	r    *pmtiles.Reader
	meta *Meta
}

// remoteArchive is a PMTiles archive in object storage, served as a Tileset.
type remoteArchive struct {
	url string
	b   blob.Bucket
	key string

	cur     atomic.Pointer[archiveVersion]
	lastErr atomic.Pointer[error] // the last poll's failure (nil: reachable)
	mu      sync.Mutex            // one refresh at a time
	stop    chan struct{}
	stopped sync.Once
}

// openRemoteArchive starts following an archive in object storage: it opens
// the current build now when it can, and polls for new ones until close. A
// bucket that cannot be reached is retried by the poll.
func openRemoteArchive(url string) (*remoteArchive, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	b, key, err := blob.Open(ctx, url)
	if err != nil {
		return nil, err
	}
	a := &remoteArchive{url: url, b: b, key: key, stop: make(chan struct{})}
	if err := a.refresh(ctx, nil); err != nil {
		a.lastErr.Store(&err)
	}
	go a.poll()
	return a, nil
}

// poll checks for a new build every ArchivePoll until close.
func (a *remoteArchive) poll() {
	t := time.NewTicker(ArchivePoll)
	defer t.Stop()
	for {
		select {
		case <-a.stop:
			return
		case <-t.C:
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		err := a.check(ctx)
		cancel()
		if err != nil {
			a.lastErr.Store(&err)
		} else {
			a.lastErr.Store(nil)
		}
	}
}

// check opens the current build when it is not the one served.
func (a *remoteArchive) check(ctx context.Context) error {
	tag, err := a.currentTag(ctx)
	if err != nil {
		return err
	}
	if v := a.cur.Load(); v != nil && v.tag == tag {
		return nil
	}
	return a.refresh(ctx, a.cur.Load())
}

// currentTag is the ETag of the manifest, or without one of the archive.
func (a *remoteArchive) currentTag(ctx context.Context) (string, error) {
	m, err := a.b.Attrs(ctx, ManifestKey(a.key))
	if err == nil {
		return "manifest " + m.ETag, nil
	}
	if !errors.Is(err, blob.ErrNotFound) {
		return "", err
	}
	p, err := a.b.Attrs(ctx, a.key)
	if err != nil {
		return "", err
	}
	return "archive " + p.ETag, nil
}

// refresh opens the current build, unless the one served is no longer seen
// (another request refreshed it meanwhile).
func (a *remoteArchive) refresh(ctx context.Context, seen *archiveVersion) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if cur := a.cur.Load(); cur != seen {
		return nil
	}
	v, err := a.open(ctx)
	if err != nil {
		return err
	}
	a.cur.Store(v)
	return nil
}

// open reads the current build's header, directories and metadata.
func (a *remoteArchive) open(ctx context.Context) (*archiveVersion, error) {
	v := &archiveVersion{key: a.key}
	m, mtag, ok, err := readManifest(ctx, a.b, a.key)
	if err != nil {
		return nil, err
	}
	if ok {
		v.tag = "manifest " + mtag
		v.key = path.Join(path.Dir(a.key), m.Archive)
	}
	attrs, err := a.b.Attrs(ctx, v.key)
	if err != nil {
		return nil, err
	}
	if !ok {
		v.tag = "archive " + attrs.ETag
	} else if attrs.Size != m.Size {
		return nil, fmt.Errorf("%s: %d bytes, the manifest says %d", v.key, attrs.Size, m.Size)
	}
	v.etag = attrs.ETag
	v.r, err = openRemotePMTiles(ctx, a.b, v.key, attrs)
	if err != nil {
		return nil, err
	}
	v.meta, err = pmtilesMeta(v.r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", blob.Join(a.b.String(), v.key), err)
	}
	return v, nil
}

// openRemotePMTiles reads an archive's header, root directory, metadata and
// leaf directories with as few requests as they allow: the first 16 KiB
// (header and root, where the writer puts them), the metadata, and all the
// leaves in one range when they take at most 64 MiB.
func openRemotePMTiles(ctx context.Context, b blob.Bucket, key string, attrs blob.Attrs) (*pmtiles.Reader, error) {
	ra := &prefetched{ctx: ctx, b: b, key: key, etag: attrs.ETag}
	if err := ra.fetch(0, min(attrs.Size, 16384)); err != nil {
		return nil, err
	}
	h, err := pmtiles.ParseHeader(ra.spans[0].data)
	if err != nil {
		return nil, err
	}
	for _, s := range [][2]uint64{{h.MetadataOffset, h.MetadataLength}, {h.LeafOffset, h.LeafLength}} {
		if s[1] > 0 && s[1] <= 64<<20 && s[0]+s[1] <= uint64(attrs.Size) {
			if err := ra.fetch(int64(s[0]), int64(s[1])); err != nil {
				return nil, err
			}
		}
	}
	return pmtiles.NewReader(ra, attrs.Size)
}

// prefetched is an io.ReaderAt over byte ranges read ahead, reading what lies
// outside them with a range request of its own.
type prefetched struct {
	ctx       context.Context
	b         blob.Bucket
	key, etag string
	spans     []span
}

type span struct {
	off  int64
	data []byte
}

func (p *prefetched) fetch(off, n int64) error {
	data, err := p.b.ReadRange(p.ctx, p.key, off, n, p.etag)
	if err != nil {
		return err
	}
	p.spans = append(p.spans, span{off, data})
	return nil
}

func (p *prefetched) ReadAt(dst []byte, off int64) (int, error) {
	for _, s := range p.spans {
		if off >= s.off && off+int64(len(dst)) <= s.off+int64(len(s.data)) {
			return copy(dst, s.data[off-s.off:]), nil
		}
	}
	data, err := p.b.ReadRange(p.ctx, p.key, off, int64(len(dst)), p.etag)
	if err != nil {
		return 0, err
	}
	return copy(dst, data), nil
}

// version is the build served, or an error saying why there is none.
func (a *remoteArchive) version(ctx context.Context) (*archiveVersion, error) {
	if v := a.cur.Load(); v != nil {
		return v, nil
	}
	if err := a.refresh(ctx, nil); err != nil {
		return nil, err
	}
	return a.cur.Load(), nil
}

// TileContext reads a tile of the build served. When the archive changed
// since its directories were read (ErrChanged) or the build is gone
// (ErrNotFound: removed after a newer one), it opens the current build and
// reads the tile from that, whole: never bytes of one build at another's
// offsets.
func (a *remoteArchive) TileContext(ctx context.Context, z, x, y int) ([]byte, error) {
	v, err := a.version(ctx)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		off, n, ok := v.r.Locate(uint8(z), uint32(x), uint32(y))
		if !ok {
			return nil, nil
		}
		data, err := a.b.ReadRange(ctx, v.key, off, int64(n), v.etag)
		if err == nil || attempt > 0 || !(errors.Is(err, blob.ErrChanged) || errors.Is(err, blob.ErrNotFound)) {
			return data, err
		}
		if err := a.refresh(ctx, v); err != nil {
			return nil, err
		}
		v = a.cur.Load()
	}
}

// Tile implements Tileset.
func (a *remoteArchive) Tile(z, x, y int) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return a.TileContext(ctx, z, x, y)
}

// Meta implements Tileset: the served build's metadata (nil before one
// could be opened).
func (a *remoteArchive) Meta() *Meta {
	if v := a.cur.Load(); v != nil {
		return v.meta
	}
	return nil
}

func (a *remoteArchive) Grid() *Grid { return WebMercatorQuad }

// Close stops the poll.
func (a *remoteArchive) Close() error {
	a.stopped.Do(func() { close(a.stop) })
	return nil
}

// ready reports whether the archive can be served: a build is open and the
// last poll reached the bucket.
func (a *remoteArchive) ready(context.Context) error {
	if p := a.lastErr.Load(); p != nil {
		return *p
	}
	if a.cur.Load() == nil {
		return errors.New("no build opened yet")
	}
	return nil
}

// remoteArchives are the archives in object storage a service serves, each
// followed once (one poll, one readiness check) whatever names it.
type remoteArchives struct {
	mu sync.Mutex
	m  map[string]*remoteEntry
}

type remoteEntry struct {
	done    chan struct{} // closed once the first open was tried
	a       *remoteArchive
	err     error // the URL is unusable (a is nil)
	unready func()
}

// entry returns the entry of url, starting to follow it when new.
func (r *remoteArchives) entry(h *server.Host, url string) *remoteEntry {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.m == nil {
		r.m = map[string]*remoteEntry{}
	}
	e := r.m[url]
	if e == nil {
		e = &remoteEntry{done: make(chan struct{})}
		r.m[url] = e
		go func() {
			defer close(e.done)
			e.a, e.err = openRemoteArchive(url)
			if e.a != nil && h != nil {
				e.unready = h.AddReadiness("tileset archive "+blob.Redact(url), e.a.ready)
			}
		}()
	}
	return e
}

// open is the archive at url, once a build of it could be opened.
func (r *remoteArchives) open(h *server.Host, url string) (Tileset, error) {
	e := r.entry(h, url)
	<-e.done
	if e.err != nil {
		return nil, e.err
	}
	if _, err := e.a.version(context.Background()); err != nil {
		return nil, err
	}
	return e.a, nil
}

// follow follows the archives in object storage among the tilesets (name →
// path or URL), and stops following those no longer named.
func (r *remoteArchives) follow(h *server.Host, tilesets map[string]string) {
	want := map[string]bool{}
	for _, p := range tilesets {
		if blob.IsURL(p) {
			want[p] = true
			r.entry(h, p)
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for url, e := range r.m {
		if want[url] {
			continue
		}
		delete(r.m, url)
		go func() {
			<-e.done
			if e.a != nil {
				e.a.Close()
			}
			if e.unready != nil {
				e.unready()
			}
		}()
	}
}

// readTile reads a tile of a pre-built tileset, giving an archive in object
// storage the request's context.
func readTile(ctx context.Context, ts Tileset, z, x, y int) ([]byte, error) {
	if a, ok := ts.(*remoteArchive); ok {
		return a.TileContext(ctx, z, x, y)
	}
	return ts.Tile(z, x, y)
}

// archiveError is the 503 of a tileset whose object storage cannot be
// reached (nil for any other error).
func archiveError(name string, err error) *server.Error {
	if err == nil || !errors.Is(err, blob.ErrUnavailable) {
		return nil
	}
	return &server.Error{Status: http.StatusServiceUnavailable, Code: "TilesetUnavailable",
		Detail: "the object storage holding tileset " + name + " cannot be reached; retry later", RetryAfter: 5 * time.Second}
}
