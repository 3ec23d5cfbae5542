// Package datasync is the nightly gmina→powiat sync: the source-side HTTP service
// (/sync/{dataset}/changes and /sync/{dataset}/snapshot), the changeset format and
// the puller that applies a changeset to a county store in one verified
// transaction. See docs/sync.md.
package datasync

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"math"

	"github.com/sip-core/sip/store"
)

// Changeset wire format (the HTTP body, compressed as one zstd stream):
//
//	"SIPSYNC1\n" then frames: kind byte, uvarint length, payload.
//	  'H' header (JSON, Header)          first frame
//	  'C' change-log entry (binary)      kind "changes": entries since < rev <= Rev, in order
//	  'V' stored version (binary)        kind "snapshot": every version; and for probed
//	                                     objects the source's versions of them
//	  'P' probe digest                   uvarint len layer, layer, uvarint len id, id, 32 bytes
//	  'T' trailer (JSON, Trailer)        last frame
//
// The trailer carries the SHA-256 of every byte before it (after decompression)
// and the counts, so truncation, corruption and frames added, dropped or moved are
// all detected before anything is applied; zstd adds its own frame checksum.
const magic = "SIPSYNC1\n"

// MediaType is the Content-Type of a changeset.
const MediaType = "application/vnd.sip.changeset+zstd"

// Header is the first frame.
type Header struct {
	Dataset string        `json:"dataset"`
	Kind    string        `json:"kind"`  // "changes" or "snapshot"
	Since   int64         `json:"since"` // changes: the revision the changeset starts after
	Rev     int64         `json:"rev"`   // the source revision the changeset brings the copy to
	Anchor  string        `json:"anchor,omitempty"`
	Layers  []store.Layer `json:"layers"`
}

// Trailer is the last frame.
type Trailer struct {
	Changes   int    `json:"changes"`
	Versions  int    `json:"versions"`
	Probes    int    `json:"probes"`
	StateHash string `json:"state_hash"` // the source's state hash at Rev
	NewAnchor string `json:"new_anchor"` // digest of the source's entry at Rev
	Digest    string `json:"digest"`     // SHA-256 of everything before this frame
}

// EntryDigest is the anchor digest of one change-log entry: the SHA-256 of its
// binary frame payload. A copy remembers the digest of the last entry it applied;
// a source restored from an older backup no longer has the same entry there.
func EntryDigest(c store.RawChange) string {
	s := sha256.Sum256(appendRaw(nil, c))
	return hex.EncodeToString(s[:])
}

func appendBytes(b, s []byte) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendRaw(b []byte, c store.RawChange) []byte {
	b = binary.AppendVarint(b, c.Rev)
	for _, s := range []string{c.Time, c.Layer, c.ID, c.Version, c.Op} {
		b = appendBytes(b, []byte(s))
	}
	if c.HasBounds {
		b = append(b, 1)
		for _, f := range []float64{c.MinX, c.MinY, c.MaxX, c.MaxY} {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
		}
	} else {
		b = append(b, 0)
	}
	b = appendBytes(b, c.Obj)
	return appendBytes(b, c.Geom)
}

var errShort = errors.New("short frame")

type reader struct {
	b   []byte
	err error
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err = errShort
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) bytes() []byte {
	n := r.uvarint()
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.err = errShort
		return nil
	}
	v := r.b[:n:n]
	r.b = r.b[n:]
	return v
}

func parseRaw(p []byte) (store.RawChange, error) {
	var c store.RawChange
	r := &reader{b: p}
	v, n := binary.Varint(r.b)
	if n <= 0 {
		return c, errShort
	}
	r.b = r.b[n:]
	c.Rev = v
	for _, s := range []*string{&c.Time, &c.Layer, &c.ID, &c.Version, &c.Op} {
		*s = string(r.bytes())
	}
	if r.err != nil {
		return c, r.err
	}
	if len(r.b) < 1 {
		return c, errShort
	}
	has := r.b[0]
	r.b = r.b[1:]
	switch has {
	case 0:
	case 1:
		if len(r.b) < 32 {
			return c, errShort
		}
		c.HasBounds = true
		for i, f := range []*float64{&c.MinX, &c.MinY, &c.MaxX, &c.MaxY} {
			*f = math.Float64frombits(binary.LittleEndian.Uint64(r.b[i*8:]))
		}
		r.b = r.b[32:]
	default:
		return c, fmt.Errorf("bad bounds flag %d", has)
	}
	c.Obj = r.bytes()
	c.Geom = r.bytes()
	if r.err != nil {
		return c, r.err
	}
	if len(r.b) != 0 {
		return c, errors.New("trailing bytes in frame")
	}
	return c, nil
}

// Probe is the source's digest of one object the copy diverges on.
type Probe struct {
	Key    store.ObjKey
	Digest store.StateHash
}

// Writer writes a changeset (uncompressed; the caller wraps it in zstd).
type Writer struct {
	w   *bufio.Writer
	h   hash.Hash
	buf []byte
	n   Trailer
}

// NewWriter starts a changeset with its header.
func NewWriter(w io.Writer, h Header) (*Writer, error) {
	cw := &Writer{w: bufio.NewWriterSize(w, 64<<10), h: sha256.New()}
	if _, err := cw.write([]byte(magic)); err != nil {
		return nil, err
	}
	js, err := json.Marshal(h)
	if err != nil {
		return nil, err
	}
	return cw, cw.frame('H', js)
}

func (w *Writer) write(p []byte) (int, error) {
	w.h.Write(p)
	return w.w.Write(p)
}

func (w *Writer) frame(kind byte, payload []byte) error {
	w.buf = binary.AppendUvarint(append(w.buf[:0], kind), uint64(len(payload)))
	if _, err := w.write(w.buf); err != nil {
		return err
	}
	_, err := w.write(payload)
	return err
}

// Change writes one change-log entry.
func (w *Writer) Change(c store.RawChange) error {
	w.n.Changes++
	return w.frame('C', appendRaw(nil, c))
}

// Version writes one stored version.
func (w *Writer) Version(c store.RawChange) error {
	w.n.Versions++
	return w.frame('V', appendRaw(nil, c))
}

// Probe writes the digest of one probed object.
func (w *Writer) Probe(p Probe) error {
	w.n.Probes++
	b := appendBytes(nil, []byte(p.Key.Layer))
	b = appendBytes(b, []byte(p.Key.ID))
	for _, v := range p.Digest {
		b = binary.BigEndian.AppendUint64(b, v)
	}
	return w.frame('P', b)
}

// Close writes the trailer and flushes.
func (w *Writer) Close(stateHash, newAnchor string) error {
	t := w.n
	t.StateHash, t.NewAnchor = stateHash, newAnchor
	t.Digest = hex.EncodeToString(w.h.Sum(nil))
	js, err := json.Marshal(t)
	if err != nil {
		return err
	}
	if err := w.frame('T', js); err != nil {
		return err
	}
	return w.w.Flush()
}

// Changeset is a decoded, verified changeset.
type Changeset struct {
	Header   Header
	Trailer  Trailer
	Changes  []store.RawChange
	Versions []store.RawChange
	Probes   []Probe
	Bytes    int64 // uncompressed size
}

// maxFrame bounds one frame: a single object version is far smaller.
const maxFrame = 256 << 20

// DefaultMaxBytes bounds the size of a changeset once decompressed, unless a
// caller gives its own bound. A pull holds the frames of a verified changeset in
// memory while it applies them, so this is about the memory it may take.
const DefaultMaxBytes = 1 << 30

// frameCost is what a kept frame costs besides its payload (the RawChange with
// its strings and slice headers), counted against the bound so that millions of
// tiny frames meet it as surely as a few large ones.
const frameCost = 160

// ErrTooLarge is returned (wrapped) for a changeset over its bound.
var ErrTooLarge = errors.New("sync: changeset too large")

// Decode reads and verifies a whole changeset (uncompressed stream) of at most
// DefaultMaxBytes. Any damage, truncation, unknown frame, out-of-order revision
// or digest mismatch is an error.
func Decode(r io.Reader) (*Changeset, error) { return DecodeMax(r, 0) }

// DecodeMax is Decode with its own bound on the decompressed size (0: the
// default): the size plus frameCost per frame may not pass max.
func DecodeMax(r io.Reader, max int64) (*Changeset, error) { return decode(r, max, true) }

// Check reads a changeset through and verifies it as DecodeMax does, keeping
// none of its frames: memory does not depend on the changeset. The result has
// the Header, the Trailer and Bytes only. A changeset Check accepts, DecodeMax
// with the same bound accepts too.
func Check(r io.Reader, max int64) (*Changeset, error) { return decode(r, max, false) }

func decode(r io.Reader, max int64, keep bool) (*Changeset, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	br := bufio.NewReaderSize(r, 64<<10)
	h := sha256.New()
	cs := &Changeset{}
	m := make([]byte, len(magic))
	if _, err := io.ReadFull(br, m); err != nil || string(m) != magic {
		return nil, errors.New("sync: not a SIP changeset (bad magic)")
	}
	h.Write(m)
	cs.Bytes = int64(len(m))
	first, done := true, false
	var lastRev, frames int64
	var buf bytes.Buffer
	for !done {
		kind, err := br.ReadByte()
		if err == io.EOF {
			return nil, errors.New("sync: changeset truncated (no trailer)")
		}
		if err != nil {
			return nil, fmt.Errorf("sync: reading changeset: %w", err)
		}
		n, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("sync: changeset truncated: %w", err)
		}
		if n > maxFrame {
			return nil, fmt.Errorf("sync: changeset frame of %d bytes: corrupted", n)
		}
		hdr := binary.AppendUvarint([]byte{kind}, n)
		cs.Bytes += int64(len(hdr)) + int64(n)
		frames++
		if cs.Bytes+frames*frameCost > max {
			return nil, fmt.Errorf("%w: it passes the limit of %d MB once decompressed (at frame %d): refused, nothing applied",
				ErrTooLarge, max>>20, frames)
		}
		// Read what is there, growing as it comes: a frame length is not
		// trusted with an allocation before its bytes arrive.
		buf.Reset()
		if _, err := io.CopyN(&buf, br, int64(n)); err != nil {
			return nil, fmt.Errorf("sync: changeset truncated: %w", err)
		}
		payload := buf.Bytes()
		if keep && (kind == 'C' || kind == 'V') {
			payload = bytes.Clone(payload) // the parsed entry keeps slices of it
		}
		if first != (kind == 'H') {
			return nil, fmt.Errorf("sync: changeset frame %q out of place", kind)
		}
		switch kind {
		case 'H':
			first = false
			if err := json.Unmarshal(payload, &cs.Header); err != nil {
				return nil, fmt.Errorf("sync: bad changeset header: %w", err)
			}
			lastRev = cs.Header.Since
		case 'C':
			c, err := parseRaw(payload)
			if err != nil {
				return nil, fmt.Errorf("sync: bad change frame: %w", err)
			}
			if cs.Header.Kind != "changes" {
				return nil, errors.New("sync: change entry in a snapshot")
			}
			if c.Rev <= lastRev || c.Rev > cs.Header.Rev {
				return nil, fmt.Errorf("sync: change %d out of order (after %d, changeset up to %d): replayed or reordered changeset", c.Rev, lastRev, cs.Header.Rev)
			}
			lastRev = c.Rev
			if keep {
				cs.Changes = append(cs.Changes, c)
			}
			cs.Trailer.Changes++
		case 'V':
			c, err := parseRaw(payload)
			if err != nil {
				return nil, fmt.Errorf("sync: bad version frame: %w", err)
			}
			if keep {
				cs.Versions = append(cs.Versions, c)
			}
			cs.Trailer.Versions++
		case 'P':
			pr := &reader{b: payload}
			p := Probe{Key: store.ObjKey{Layer: string(pr.bytes()), ID: string(pr.bytes())}}
			if pr.err != nil || len(pr.b) != 32 {
				return nil, errors.New("sync: bad probe frame")
			}
			for i := range p.Digest {
				p.Digest[i] = binary.BigEndian.Uint64(pr.b[i*8:])
			}
			if keep {
				cs.Probes = append(cs.Probes, p)
			}
			cs.Trailer.Probes++
		case 'T':
			counted := cs.Trailer
			cs.Trailer = Trailer{}
			if err := json.Unmarshal(payload, &cs.Trailer); err != nil {
				return nil, fmt.Errorf("sync: bad changeset trailer: %w", err)
			}
			if t := cs.Trailer; t.Changes != counted.Changes || t.Versions != counted.Versions || t.Probes != counted.Probes {
				return nil, fmt.Errorf("sync: changeset counts differ from its trailer")
			}
			if got := hex.EncodeToString(h.Sum(nil)); got != cs.Trailer.Digest {
				return nil, fmt.Errorf("sync: changeset digest mismatch (%s, trailer says %s): corrupted payload", got, cs.Trailer.Digest)
			}
			done = true
			continue
		default:
			return nil, fmt.Errorf("sync: unknown changeset frame %q: corrupted payload", kind)
		}
		h.Write(hdr)
		h.Write(payload)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		return nil, errors.New("sync: data after the changeset trailer")
	}
	if cs.Header.Kind == "changes" && cs.Trailer.Changes > 0 && lastRev != cs.Header.Rev {
		return nil, fmt.Errorf("sync: changeset ends at %d, header says %d", lastRev, cs.Header.Rev)
	}
	if cs.Header.Kind != "changes" && cs.Header.Kind != "snapshot" {
		return nil, fmt.Errorf("sync: unknown changeset kind %q", cs.Header.Kind)
	}
	return cs, nil
}
