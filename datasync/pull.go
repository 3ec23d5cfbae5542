package datasync

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"

	"github.com/sip-core/sip/store"
)

// Conflict policies.
const (
	SourceWins = "source-wins"
	KeepLocal  = "keep-local"
)

// Options of a pull.
type Options struct {
	From    string // base URL of the source server, e.g. http://gmina:8080
	Dataset string // source dataset name
	Store   string // the county store's DSN: a GeoPackage path or a PostGIS DSN (created when missing)
	Key     string // API key with the sync role
	Policy  string // SourceWins (default) or KeepLocal
	Report  string // conflict report path (default STORE.conflicts.json for a GeoPackage, DATASET.conflicts.json otherwise, when there are conflicts)
	Client  *http.Client
	Log     io.Writer
	// MaxBytes bounds the changeset once decompressed (0: DefaultMaxBytes); a
	// larger one is refused before anything of it is kept.
	MaxBytes int64
}

// Conflict is one entry of the conflict report.
type Conflict struct {
	Layer      string   `json:"layer"`
	ID         string   `json:"id"`
	Local      []string `json:"local_versions"`  // versions held here before the pull
	Source     []string `json:"source_versions"` // versions the source changed in this pull
	Resolution string   `json:"resolution"`      // "source-wins" or "kept-local"
}

// Result says what a pull did.
type Result struct {
	Kind        string     `json:"kind"`
	FromRev     int64      `json:"from_rev"`
	ToRev       int64      `json:"to_rev"`
	Changes     int        `json:"changes"`
	Versions    int        `json:"versions"`
	Applied     int        `json:"applied"` // puts that changed the store
	WireBytes   int64      `json:"wire_bytes"`
	Bytes       int64      `json:"bytes"`
	StateHash   string     `json:"state_hash"`
	Conflicts   []Conflict `json:"conflicts,omitempty"`
	Diverged    int        `json:"diverged"`
	Report      string     `json:"report,omitempty"`
	UpToDate    bool       `json:"up_to_date"`
	LocalRev    int64      `json:"local_rev"`
	Duration    string     `json:"duration"`
	NewLayers   []string   `json:"new_layers,omitempty"`
	OwnedLayers []string   `json:"layers"`
}

// pause implements the test hook SIP_SYNC_TEST_PAUSE=transfer|apply: the puller
// announces the point on stderr and waits (to be killed by the test).
func pause(point string) {
	if os.Getenv("SIP_SYNC_TEST_PAUSE") == point {
		fmt.Fprintf(os.Stderr, "SIP_SYNC_PAUSED %s\n", point)
		time.Sleep(time.Hour)
	}
}

// Pull brings the store up to the source's current revision in one verified
// transaction. On any error the store is left exactly as it was.
//
// It runs in four steps: open the copy and read its checkpoint (openCopy),
// fetch the changeset and check that it continues the copy (request),
// create the copy on the first pull (createCopy), then apply, verify and
// commit in one transaction (apply, apply.go).
func Pull(ctx context.Context, o Options) (*Result, error) {
	t0 := time.Now()
	if o.Policy == "" {
		o.Policy = SourceWins
	}
	if o.Policy != SourceWins && o.Policy != KeepLocal {
		return nil, fmt.Errorf("sync: unknown conflict policy %q (want %s or %s)", o.Policy, SourceWins, KeepLocal)
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 30 * time.Minute}
	}
	p := &puller{o: o}
	defer p.release()
	if err := p.openCopy(ctx); err != nil {
		return nil, err
	}
	cs, res, err := p.request(ctx)
	if err != nil {
		return nil, err
	}
	if p.st == nil {
		if err := p.createCopy(ctx, cs.Header.Layers); err != nil {
			return nil, err
		}
	}
	if p.have && cs.Header.Rev == p.cp.SourceRev && len(cs.Changes) == 0 && len(p.probes) == 0 {
		res.UpToDate, res.LocalRev = true, p.cp.LocalRev
		res.Duration = time.Since(t0).String()
		return res, nil
	}
	if err := p.apply(ctx, cs, res); err != nil {
		return nil, err
	}
	if len(res.Conflicts) > 0 {
		if err := p.writeReport(res); err != nil {
			return res, err
		}
	}
	res.Duration = time.Since(t0).String()
	return res, nil
}

// puller is one pull: the copy, its checkpoint, and what to undo at the end.
type puller struct {
	o       Options
	st      store.SyncStore
	cp      store.SyncCheckpoint
	have    bool            // the copy has a checkpoint: a changes pull
	probes  []store.ObjKey  // objects the copy keeps apart (the source digests them)
	want    store.StateHash // the source's state at the changeset's revision
	applied bool            // committed: a copy this pull created is kept
	undo    []func()        // run last first by release
}

// onRelease adds f to what release undoes.
func (p *puller) onRelease(f func()) { p.undo = append(p.undo, f) }

// release closes and unlocks what the pull opened, in reverse order (and
// removes a copy it created, unless it committed).
func (p *puller) release() {
	for i := len(p.undo) - 1; i >= 0; i-- {
		p.undo[i]()
	}
}

// openCopy opens and locks an existing copy and reads its checkpoint and the
// objects it keeps apart; spools a killed pull left are removed.
func (p *puller) openCopy(ctx context.Context) error {
	o := p.o
	exists, err := store.Exists(ctx, o.Store)
	if err != nil {
		return fmt.Errorf("sync: %s: %w", store.Redact(o.Store), err)
	}
	if !exists {
		removeSpools(o.Store, false)
		return nil
	}
	st, err := openSync(ctx, o.Store)
	if err != nil {
		return err
	}
	p.st = st
	p.onRelease(func() { st.Close() })
	unlock, err := st.LockSync(ctx)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	p.onRelease(unlock)
	removeSpools(o.Store, true)
	if p.cp, p.have, err = st.SyncCheckpoint(ctx, o.Dataset); err != nil {
		return err
	}
	if p.have {
		owned, err := st.SyncLayers(ctx, o.Dataset)
		if err != nil {
			return err
		}
		if p.probes, err = divergedNow(ctx, st, o.Dataset, p.cp.LocalRev, owned); err != nil {
			return err
		}
	}
	return nil
}

// request fetches a snapshot (first pull) or the changes since the
// checkpoint (with the objects kept apart as probes), and checks that the
// changeset is the one asked for and continues the copy's history.
func (p *puller) request(ctx context.Context) (*Changeset, *Result, error) {
	o, cp := p.o, p.cp
	kind := "snapshot"
	q := url.Values{}
	if p.have {
		kind = "changes"
		q.Set("since", strconv.FormatInt(cp.SourceRev, 10))
	}
	var body []byte
	if len(p.probes) > 0 {
		pr := ProbeRequest{Probes: make([]string, len(p.probes))}
		for i, k := range p.probes {
			pr.Probes[i] = k.Layer + ":" + k.ID
		}
		var err error
		if body, err = json.Marshal(pr); err != nil {
			return nil, nil, err
		}
	}
	u := strings.TrimRight(o.From, "/") + "/sync/" + url.PathEscape(o.Dataset) + "/" + kind
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	cs, wire, err := fetch(ctx, o, u, body)
	if err != nil {
		return nil, nil, err
	}
	h := cs.Header
	if h.Dataset != o.Dataset || h.Kind != kind {
		return nil, nil, fmt.Errorf("sync: asked for %s of %s, got %s of %s", kind, o.Dataset, h.Kind, h.Dataset)
	}
	if p.have {
		if h.Since != cp.SourceRev {
			return nil, nil, fmt.Errorf("sync: changeset starts after revision %d but the copy is at %d: replayed or misrouted changeset", h.Since, cp.SourceRev)
		}
		if cp.SourceRev > 0 && h.Anchor != cp.Anchor {
			return nil, nil, fmt.Errorf("sync: the source's entry at revision %d differs from the one this copy applied: the source was restored from a backup or rewritten; re-load it with a snapshot after checking", cp.SourceRev)
		}
	}
	if p.want, err = store.ParseStateHash(cs.Trailer.StateHash); err != nil {
		return nil, nil, err
	}
	res := &Result{Kind: kind, FromRev: cp.SourceRev, ToRev: h.Rev, Changes: len(cs.Changes), Versions: len(cs.Versions),
		WireBytes: wire, Bytes: cs.Bytes, StateHash: cs.Trailer.StateHash}
	res.OwnedLayers = make([]string, len(h.Layers))
	for i, l := range h.Layers {
		res.OwnedLayers[i] = l.Name
	}
	return cs, res, nil
}

// createCopy creates a new copy from the source's schema and locks it; it
// is removed again unless the first pull commits.
func (p *puller) createCopy(ctx context.Context, layers []store.Layer) error {
	o := p.o
	st, err := createSync(ctx, o.Store, o.Dataset, layers)
	if err != nil {
		return err
	}
	p.st = st
	p.onRelease(func() {
		st.Close()
		if !p.applied {
			store.Remove(context.WithoutCancel(ctx), o.Store)
		}
	})
	unlock, err := st.LockSync(ctx)
	if err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	p.onRelease(unlock)
	return nil
}

// writeReport writes the conflict report of an applied pull.
func (p *puller) writeReport(res *Result) error {
	o := p.o
	res.Report = o.Report
	if res.Report == "" {
		res.Report = reportPath(o)
	}
	js, _ := json.MarshalIndent(map[string]any{"dataset": o.Dataset, "from_rev": res.FromRev, "to_rev": res.ToRev,
		"policy": o.Policy, "conflicts": res.Conflicts}, "", "  ")
	if err := os.WriteFile(res.Report, append(js, '\n'), 0o644); err != nil {
		return fmt.Errorf("sync: applied, but the conflict report could not be written: %w", err)
	}
	return nil
}

// divergedNow is the set of objects the copy keeps apart: recorded ones plus those
// edited here since the checkpoint.
func divergedNow(ctx context.Context, st store.SyncStore, source string, localRev int64, owned []string) ([]store.ObjKey, error) {
	d, err := st.SyncDiverged(ctx, source)
	if err != nil {
		return nil, err
	}
	e, err := st.LocalEdits(ctx, localRev, owned)
	if err != nil {
		return nil, err
	}
	seen := map[store.ObjKey]bool{}
	var out []store.ObjKey
	for _, k := range append(d, e...) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	store.SortKeys(out)
	return out, nil
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// fetch downloads the changeset into a spool file, then decodes and verifies it.
// Probes (a JSON ProbeRequest) are POSTed: the list can be long.
func fetch(ctx context.Context, o Options, u string, probes []byte) (*Changeset, int64, error) {
	method, body := http.MethodGet, io.Reader(nil)
	if probes != nil {
		method, body = http.MethodPost, bytes.NewReader(probes)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, 0, err
	}
	if probes != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if o.Key != "" {
		req.Header.Set("Authorization", "Bearer "+o.Key)
	}
	resp, err := o.Client.Do(req)
	if err != nil {
		return nil, 0, fmt.Errorf("sync: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		var p struct{ Detail string }
		if json.Unmarshal(b, &p) == nil && p.Detail != "" {
			return nil, 0, fmt.Errorf("sync: source answered %s: %s", resp.Status, p.Detail)
		}
		return nil, 0, fmt.Errorf("sync: source answered %s: %s", resp.Status, strings.TrimSpace(string(b)))
	}
	spool, err := os.CreateTemp(spoolDir(o.Store), spoolPrefix(o.Store)+"*.zst")
	if err != nil {
		return nil, 0, err
	}
	defer func() { spool.Close(); os.Remove(spool.Name()) }()
	cr := &countingReader{r: resp.Body}
	if os.Getenv("SIP_SYNC_TEST_PAUSE") == "transfer" {
		if _, err := io.CopyN(spool, cr, 1); err != nil {
			return nil, 0, fmt.Errorf("sync: transfer: %w", err)
		}
		pause("transfer")
	}
	if _, err := io.Copy(spool, cr); err != nil {
		return nil, 0, fmt.Errorf("sync: transfer interrupted after %d bytes: %w", cr.n, err)
	}
	// Verify the whole changeset keeping nothing of it, then read it again into
	// memory: damage, forgery or a decompression bomb costs no memory.
	if _, err := decodeSpool(spool, o.MaxBytes, Check); err != nil {
		return nil, 0, err
	}
	cs, err := decodeSpool(spool, o.MaxBytes, DecodeMax)
	if err != nil {
		return nil, 0, err
	}
	return cs, cr.n, nil
}

// openSync opens the copy's store for a pull.
func openSync(ctx context.Context, dsn string) (store.SyncStore, error) {
	st, err := store.Open(ctx, dsn)
	if err != nil {
		return nil, err
	}
	return asSync(st, dsn)
}

// createSync creates a new copy with the source's schema.
func createSync(ctx context.Context, dsn, name string, layers []store.Layer) (store.SyncStore, error) {
	st, err := store.Create(ctx, dsn, name, layers)
	if err != nil {
		return nil, err
	}
	return asSync(st, dsn)
}

func asSync(st store.Store, dsn string) (store.SyncStore, error) {
	ss, ok := st.(store.SyncStore)
	if !ok {
		st.Close()
		return nil, fmt.Errorf("sync: the backend of %s cannot take a sync pull", store.Redact(dsn))
	}
	return ss, nil
}

// spoolDir is where the changeset is spooled: beside a GeoPackage (the same
// disk the apply writes to), the temporary folder otherwise.
func spoolDir(dsn string) string {
	if p := store.FilePath(dsn); p != "" {
		return filepath.Dir(p)
	}
	return os.TempDir()
}

// reportPath is the default conflict report: beside a GeoPackage, or named
// after the source dataset in the working folder.
func reportPath(o Options) string {
	if p := store.FilePath(o.Store); p != "" {
		return p + ".conflicts.json"
	}
	return o.Dataset + ".conflicts.json"
}

// decodeSpool decompresses the spool from its start through decode. A real
// changeset's zstd window is 8 MB; a larger one is refused.
func decodeSpool(spool *os.File, max int64, decode func(io.Reader, int64) (*Changeset, error)) (*Changeset, error) {
	if _, err := spool.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	zr, err := zstd.NewReader(spool, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxMemory(64<<20))
	if err != nil {
		return nil, err
	}
	defer zr.Close()
	cs, err := decode(zr, max)
	if err != nil && !strings.HasPrefix(err.Error(), "sync:") {
		return nil, fmt.Errorf("sync: corrupted or truncated changeset: %w", err)
	}
	return cs, err
}

// spoolPrefix names the spool files of pulls into a store: .NAME.sync-*.zst
// beside a GeoPackage; .sip-sync-HASH-*.zst in the temporary folder for another
// backend, HASH standing for the DSN (never the DSN itself: it may hold a password).
func spoolPrefix(dsn string) string {
	if p := store.FilePath(dsn); p != "" {
		return "." + filepath.Base(p) + ".sync-"
	}
	h := sha256.Sum256([]byte(dsn))
	return ".sip-sync-" + hex.EncodeToString(h[:6]) + "-"
}

// removeSpools removes the spool files that killed pulls into a store left
// behind: all of them when the caller holds the store's sync lock (locked), so
// that no pull is using them, else only those older than any pull can take (its
// HTTP client gives up after 30 minutes). Spools of earlier versions
// (.sip-sync-*.zst beside a GeoPackage, not named after their store) go by age too.
func removeSpools(dsn string, locked bool) {
	dir := spoolDir(dsn)
	old, _ := filepath.Glob(filepath.Join(dir, globEscape(spoolPrefix(dsn))+"*.zst"))
	if store.IsPath(dsn) {
		legacy, _ := filepath.Glob(filepath.Join(dir, ".sip-sync-*.zst"))
		for _, p := range legacy {
			if !strings.HasPrefix(filepath.Base(p), spoolPrefix(dsn)) {
				old = append(old, p)
			}
		}
	}
	for _, p := range old {
		legacy := !strings.HasPrefix(filepath.Base(p), spoolPrefix(dsn))
		if fi, err := os.Stat(p); err == nil && (locked && !legacy || time.Since(fi.ModTime()) > time.Hour) {
			os.Remove(p)
		}
	}
}

// globEscape quotes the pattern characters of a file name.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
