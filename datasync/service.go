package datasync

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gorilla/mux"
	"github.com/klauspost/compress/zstd"

	"github.com/sip-core/sip/config"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// Service is the source side: it serves a dataset's change log and snapshots to
// callers holding the sync role (and allowed on the dataset).
type Service struct{}

func init() { server.Register(Service{}) }

// Name implements server.Service.
func (Service) Name() string { return "sync" }

// Prefixes implements server.Declarer.
func (Service) Prefixes() []server.Prefix {
	return []server.Prefix{{Path: "sync", Errors: server.ProblemJSON}}
}

// Mount implements server.Service.
func (Service) Mount(r *mux.Router, h *server.Host) {
	sr := r.PathPrefix("/sync/{name}").Subrouter()
	sr.Use(h.RequireRole(config.RoleSync))
	// POST carries the probes in its body (ProbeRequest); GET takes a few in the URL.
	sr.Handle("/changes", handler(h, "changes")).Methods(http.MethodGet, http.MethodPost)
	sr.Handle("/snapshot", handler(h, "snapshot")).Methods(http.MethodGet, http.MethodPost)
}

func handler(h *server.Host, kind string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := server.Var(r, "name")
		ds, ok := h.Dataset(r, name)
		if !ok {
			server.WriteError(w, r, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no dataset " + name})
			return
		}
		gs, ok := ds.Store.(store.SyncStore)
		if !ok {
			server.WriteError(w, r, &server.Error{Status: http.StatusNotImplemented, Code: "NotImplemented", Detail: "the dataset's backend cannot serve sync"})
			return
		}
		if e := serve(r.Context(), w, r, gs, name, kind); e != nil {
			server.WriteError(w, r, e)
		}
	})
}

func badRequest(f string, a ...any) *server.Error {
	return &server.Error{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Detail: fmt.Sprintf(f, a...)}
}

// Probe limits: a GET carries its probes in the URL, which proxies and servers cap
// at a few kilobytes, so it takes only a few; more go in the body of a POST.
const (
	maxURLProbes  = 100
	maxProbes     = 100000
	maxProbeBytes = 32 << 20
)

// ProbeRequest is the JSON body of a POST to /changes or /snapshot: the objects the
// copy keeps apart from the source, as "layer:id".
type ProbeRequest struct {
	Probes []string `json:"probes"`
}

// readProbes returns the probes of a request: probe=layer:id URL parameters for a
// GET (at most maxURLProbes), a ProbeRequest body for a POST.
func readProbes(r *http.Request) ([]store.ObjKey, error) {
	q := r.URL.Query()
	if r.Method != http.MethodPost {
		out, err := parseProbes(q["probe"])
		if err == nil && len(out) > maxURLProbes {
			err = fmt.Errorf("too many probes in the URL (%d, at most %d): send them in the body of a POST (%s)", len(out), maxURLProbes, "{\"probes\": [\"layer:id\", …]}")
		}
		return out, err
	}
	if len(q["probe"]) > 0 {
		return nil, errors.New("a POST carries its probes in the body, not in the URL")
	}
	dec := json.NewDecoder(io.LimitReader(r.Body, maxProbeBytes+1))
	dec.DisallowUnknownFields()
	var pr ProbeRequest
	if err := dec.Decode(&pr); err != nil {
		return nil, fmt.Errorf("probe body: want {\"probes\": [\"layer:id\", …]}: %w", err)
	}
	if dec.InputOffset() > maxProbeBytes {
		return nil, fmt.Errorf("probe body larger than %d bytes", maxProbeBytes)
	}
	for _, p := range pr.Probes {
		if strings.Contains(p, ",") {
			return nil, fmt.Errorf("probe %q: one layer:id per entry", p)
		}
	}
	return parseProbes(pr.Probes)
}

// parseProbes reads probe=layer:id parameters (repeatable, or comma-separated).
func parseProbes(vals []string) ([]store.ObjKey, error) {
	var out []store.ObjKey
	for _, v := range vals {
		for _, p := range strings.Split(v, ",") {
			if p == "" {
				continue
			}
			l, id, ok := strings.Cut(p, ":")
			if !ok || l == "" || id == "" {
				return nil, fmt.Errorf("probe %q: want layer:id", p)
			}
			out = append(out, store.ObjKey{Layer: l, ID: id})
		}
	}
	if len(out) > maxProbes {
		return nil, fmt.Errorf("too many probes (%d, at most %d)", len(out), maxProbes)
	}
	return out, nil
}

// serve writes one changeset. Everything is read from one read snapshot, so the
// revision, the entries, the versions and the state hash belong to one state.
func serve(ctx context.Context, w http.ResponseWriter, r *http.Request, gs store.SyncStore, name, kind string) *server.Error {
	since, probes, e := parseRequest(r, kind)
	if e != nil {
		return e
	}
	sn, err := gs.ReadSnapshot(ctx)
	if err != nil {
		return &server.Error{Status: http.StatusServiceUnavailable, Code: "Unavailable", Detail: err.Error()}
	}
	defer sn.Close()
	rev, err := sn.Revision(ctx)
	if err != nil {
		return internal(err)
	}
	hdr := Header{Dataset: name, Kind: kind, Since: since, Rev: rev, Layers: sn.Layers()}
	if kind == "changes" {
		if e := changesAnchor(ctx, sn, &hdr); e != nil {
			return e
		}
	}
	var newAnchor string
	if rev > 0 {
		c, ok, err := sn.Change(ctx, rev)
		if err != nil {
			return internal(err)
		}
		if ok {
			newAnchor = EntryDigest(c)
		}
	}
	state, err := sn.StateHash(ctx, nil)
	if err != nil {
		return internal(err)
	}
	w.Header().Set("Content-Type", MediaType)
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Sip-Revision", strconv.FormatInt(rev, 10))
	zw, err := zstd.NewWriter(w, zstd.WithEncoderLevel(zstd.SpeedDefault), zstd.WithEncoderConcurrency(1))
	if err != nil {
		return internal(err)
	}
	if err := writeChangeset(ctx, zw, sn, hdr, probes, state.String(), newAnchor); err != nil {
		// The status is sent: the missing trailer tells the puller.
		server.Logger(ctx).Error("sync: changeset aborted", "dataset", name, "err", err)
	}
	return nil
}

// parseRequest reads a changeset request: since (changes only) and the
// probes of a POST body.
func parseRequest(r *http.Request, kind string) (since int64, probes []store.ObjKey, e *server.Error) {
	q := r.URL.Query()
	for k := range q {
		if k != "since" && k != "probe" {
			return 0, nil, badRequest("unknown parameter %s", k)
		}
	}
	if kind == "changes" {
		s := q.Get("since")
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil || v < 0 {
			return 0, nil, badRequest("since must be a revision number (0 or more), got %q", s)
		}
		since = v
	}
	probes, err := readProbes(r)
	if err != nil {
		return 0, nil, badRequest("%v", err)
	}
	return since, probes, nil
}

// changesAnchor checks that the source holds the copy's revision and sets
// the header's anchor: the digest of that entry, which the puller compares
// with the one it applied.
func changesAnchor(ctx context.Context, sn store.Snapshot, hdr *Header) *server.Error {
	since, rev := hdr.Since, hdr.Rev
	if since > rev {
		return &server.Error{Status: http.StatusConflict, Code: "SourceBehind", Detail: fmt.Sprintf(
			"the copy is at source revision %d but this source is at %d: the source was restored from an older backup; re-load it with a snapshot after checking", since, rev)}
	}
	if since == 0 {
		return nil
	}
	c, ok, err := sn.Change(ctx, since)
	if err != nil {
		return internal(err)
	}
	if !ok {
		return &server.Error{Status: http.StatusGone, Code: "LogCompacted", Detail: fmt.Sprintf("revision %d is no longer in the change log: pull a snapshot", since)}
	}
	hdr.Anchor = EntryDigest(c)
	return nil
}

// writeChangeset streams the changeset into zw and closes it: the header,
// the changes since the copy's revision (or every version: a snapshot), the
// probes with their digests (and, for changes, their versions), the trailer.
func writeChangeset(ctx context.Context, zw *zstd.Encoder, sn store.Snapshot, hdr Header, probes []store.ObjKey, state, newAnchor string) error {
	cw, err := NewWriter(zw, hdr)
	if err == nil {
		if hdr.Kind == "changes" {
			err = sn.Changes(ctx, hdr.Since, hdr.Rev, cw.Change)
		} else {
			for _, l := range hdr.Layers {
				if err = sn.Versions(ctx, l.Name, "", cw.Version); err != nil {
					break
				}
			}
		}
	}
	for _, p := range probes {
		if err != nil {
			break
		}
		var d store.StateHash
		if d, err = sn.ObjectDigest(ctx, p); err == nil {
			if err = cw.Probe(Probe{Key: p, Digest: d}); err == nil && hdr.Kind == "changes" {
				err = sn.Versions(ctx, p.Layer, p.ID, cw.Version)
			}
		}
	}
	if err == nil {
		err = cw.Close(state, newAnchor)
	}
	if err == nil {
		err = zw.Close()
	}
	return err
}

func internal(err error) *server.Error {
	return &server.Error{Status: http.StatusInternalServerError, Code: "Internal", Detail: err.Error()}
}
