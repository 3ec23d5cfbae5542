package datasync

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
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
	var (
		st      store.SyncStore
		cp      store.SyncCheckpoint
		have    bool
		probes  []store.ObjKey
		applied bool // committed: a copy this pull created is kept
	)
	exists, err := store.Exists(ctx, o.Store)
	if err != nil {
		return nil, fmt.Errorf("sync: %s: %w", store.Redact(o.Store), err)
	}
	if exists {
		if st, err = openSync(ctx, o.Store); err != nil {
			return nil, err
		}
		defer st.Close()
		unlock, err := st.LockSync(ctx)
		if err != nil {
			return nil, fmt.Errorf("sync: %w", err)
		}
		defer unlock()
		removeSpools(o.Store, true)
		if cp, have, err = st.SyncCheckpoint(ctx, o.Dataset); err != nil {
			return nil, err
		}
		if have {
			owned, err := st.SyncLayers(ctx, o.Dataset)
			if err != nil {
				return nil, err
			}
			if probes, err = divergedNow(ctx, st, o.Dataset, cp.LocalRev, owned); err != nil {
				return nil, err
			}
		}
	}
	if !exists {
		removeSpools(o.Store, false)
	}
	kind := "snapshot"
	q := url.Values{}
	if have {
		kind = "changes"
		q.Set("since", strconv.FormatInt(cp.SourceRev, 10))
	}
	var body []byte
	if len(probes) > 0 {
		pr := ProbeRequest{Probes: make([]string, len(probes))}
		for i, p := range probes {
			pr.Probes[i] = p.Layer + ":" + p.ID
		}
		if body, err = json.Marshal(pr); err != nil {
			return nil, err
		}
	}
	u := strings.TrimRight(o.From, "/") + "/sync/" + url.PathEscape(o.Dataset) + "/" + kind
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	cs, wire, err := fetch(ctx, o, u, body)
	if err != nil {
		return nil, err
	}
	h := cs.Header
	if h.Dataset != o.Dataset || h.Kind != kind {
		return nil, fmt.Errorf("sync: asked for %s of %s, got %s of %s", kind, o.Dataset, h.Kind, h.Dataset)
	}
	if have {
		if h.Since != cp.SourceRev {
			return nil, fmt.Errorf("sync: changeset starts after revision %d but the copy is at %d: replayed or misrouted changeset", h.Since, cp.SourceRev)
		}
		if cp.SourceRev > 0 && h.Anchor != cp.Anchor {
			return nil, fmt.Errorf("sync: the source's entry at revision %d differs from the one this copy applied: the source was restored from a backup or rewritten; re-load it with a snapshot after checking", cp.SourceRev)
		}
	}
	res := &Result{Kind: kind, FromRev: cp.SourceRev, ToRev: h.Rev, Changes: len(cs.Changes), Versions: len(cs.Versions),
		WireBytes: wire, Bytes: cs.Bytes, StateHash: cs.Trailer.StateHash}
	want, err := store.ParseStateHash(cs.Trailer.StateHash)
	if err != nil {
		return nil, err
	}
	layers := make([]string, len(h.Layers))
	for i, l := range h.Layers {
		layers[i] = l.Name
	}
	res.OwnedLayers = layers

	if st == nil {
		// A new copy: created from the source's schema, removed again unless the
		// first pull commits.
		if st, err = createSync(ctx, o.Store, o.Dataset, h.Layers); err != nil {
			return nil, err
		}
		defer func() {
			st.Close()
			if !applied {
				store.Remove(context.WithoutCancel(ctx), o.Store)
			}
		}()
		unlock, err := st.LockSync(ctx)
		if err != nil {
			return nil, fmt.Errorf("sync: %w", err)
		}
		defer unlock()
	}
	if have && h.Rev == cp.SourceRev && len(cs.Changes) == 0 && len(probes) == 0 {
		res.UpToDate, res.LocalRev = true, cp.LocalRev
		res.Duration = time.Since(t0).String()
		return res, nil
	}

	tx, err := st.BeginSync(ctx, o.Dataset)
	if err != nil {
		return nil, err
	}
	committed := false
	defer func() {
		if !committed {
			tx.Rollback()
		}
	}()
	cur, had, err := tx.Checkpoint(ctx)
	if err != nil {
		return nil, err
	}
	if had != have || cur.SourceRev != cp.SourceRev || cur.Anchor != cp.Anchor {
		return nil, errors.New("sync: the copy's checkpoint moved while this pull ran (another pull applied): nothing applied")
	}
	before := map[string]bool{}
	for _, l := range st.Layers() {
		before[l.Name] = true
	}
	if err := tx.EnsureLayers(ctx, h.Layers); err != nil {
		return nil, err
	}
	for _, l := range layers {
		if !before[l] {
			res.NewLayers = append(res.NewLayers, l)
		}
	}
	var diverged []store.ObjKey
	if kind == "snapshot" {
		if err := tx.ClearLayers(ctx, layers); err != nil {
			return nil, err
		}
		for _, v := range cs.Versions {
			r, err := tx.PutRaw(ctx, v)
			if err != nil {
				return nil, fmt.Errorf("sync: apply %s/%s/%s: %w", v.Layer, v.ID, v.Version, err)
			}
			if r != store.Unchanged {
				res.Applied++
			}
		}
	} else {
		// Objects the county edited: those recorded before, and those its change
		// log touched since the checkpoint (re-read inside the transaction).
		now, err := tx.Diverged(ctx)
		if err != nil {
			return nil, err
		}
		edits, err := tx.LocalEdits(ctx, cp.LocalRev, layers)
		if err != nil {
			return nil, err
		}
		set := map[store.ObjKey]bool{}
		for _, k := range append(now, edits...) {
			set[k] = true
		}
		probed := map[store.ObjKey]bool{}
		for _, p := range cs.Probes {
			probed[p.Key] = true
		}
		for k := range set {
			if !probed[k] {
				return nil, fmt.Errorf("sync: %s/%s was edited here while the pull ran: nothing applied, run the pull again", k.Layer, k.ID)
			}
		}
		touched := map[store.ObjKey][]string{}
		for _, c := range cs.Changes {
			k := store.ObjKey{Layer: c.Layer, ID: c.ID}
			touched[k] = append(touched[k], c.Version)
		}
		srcVersions := map[store.ObjKey][]store.RawChange{}
		for _, v := range cs.Versions {
			k := store.ObjKey{Layer: v.Layer, ID: v.ID}
			srcVersions[k] = append(srcVersions[k], v)
		}
		conflict := map[store.ObjKey]bool{}
		keys := make([]store.ObjKey, 0, len(set))
		for k := range set {
			keys = append(keys, k)
		}
		store.SortKeys(keys)
		for _, k := range keys {
			sv, ok := touched[k]
			if !ok {
				diverged = append(diverged, k)
				continue
			}
			conflict[k] = true
			hist, _ := st.History(ctx, k.Layer, k.ID)
			c := Conflict{Layer: k.Layer, ID: k.ID, Source: sv, Resolution: o.Policy}
			for _, v := range hist {
				c.Local = append(c.Local, v.Version)
			}
			if o.Policy == KeepLocal {
				c.Resolution = "kept-local"
				diverged = append(diverged, k)
			} else {
				if err := tx.ResetObject(ctx, k); err != nil {
					return nil, err
				}
				for _, v := range srcVersions[k] {
					if _, err := tx.PutRaw(ctx, v); err != nil {
						return nil, fmt.Errorf("sync: apply %s/%s/%s: %w", v.Layer, v.ID, v.Version, err)
					}
				}
			}
			res.Conflicts = append(res.Conflicts, c)
		}
		for _, c := range cs.Changes {
			if conflict[store.ObjKey{Layer: c.Layer, ID: c.ID}] {
				continue
			}
			r, err := tx.PutRaw(ctx, c)
			if err != nil {
				return nil, fmt.Errorf("sync: apply change %d (%s/%s): %w", c.Rev, c.Layer, c.ID, err)
			}
			if r != store.Unchanged {
				res.Applied++
			}
		}
	}
	// Verify: the copy's state, with the objects it knowingly keeps apart replaced
	// by the source's digests of them, must equal the source's state.
	got, err := tx.StateHash(ctx, layers)
	if err != nil {
		return nil, err
	}
	srcDigest := map[store.ObjKey]store.StateHash{}
	for _, p := range cs.Probes {
		srcDigest[p.Key] = p.Digest
	}
	for _, k := range diverged {
		d, err := tx.ObjectDigest(ctx, k)
		if err != nil {
			return nil, err
		}
		got = got.Sub(d).Add(srcDigest[k])
	}
	if got != want {
		return nil, fmt.Errorf("sync: state hash after apply %s differs from the source's %s at revision %d: nothing applied", got, want, h.Rev)
	}
	if err := tx.SetDiverged(ctx, diverged); err != nil {
		return nil, err
	}
	ncp, err := tx.SetCheckpoint(ctx, store.SyncCheckpoint{URL: o.From, SourceRev: h.Rev, Anchor: cs.Trailer.NewAnchor,
		StateHash: cs.Trailer.StateHash, Time: time.Now().UTC().Format(time.RFC3339)})
	if err != nil {
		return nil, err
	}
	pause("apply")
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	committed, applied = true, true
	res.LocalRev, res.Diverged = ncp.LocalRev, len(diverged)
	if len(res.Conflicts) > 0 {
		res.Report = o.Report
		if res.Report == "" {
			res.Report = reportPath(o)
		}
		js, _ := json.MarshalIndent(map[string]any{"dataset": o.Dataset, "from_rev": res.FromRev, "to_rev": res.ToRev,
			"policy": o.Policy, "conflicts": res.Conflicts}, "", "  ")
		if err := os.WriteFile(res.Report, append(js, '\n'), 0o644); err != nil {
			return res, fmt.Errorf("sync: applied, but the conflict report could not be written: %w", err)
		}
	}
	res.Duration = time.Since(t0).String()
	return res, nil
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
