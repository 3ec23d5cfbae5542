package extracts

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sip-core/sip/blob"
)

// fileStore is where released extracts are kept: a folder of this machine
// (extracts.files a path: one server, or several on shared storage), or
// object storage every replica reads (extracts.files an s3:// URL), so that a
// download link made by one replica works on any.
//
// A generation writes into a scratch folder; publish moves its files to
// where downloads read them and returns the location recorded with the order
// (MarkReady), so the order and its files are released together.
type fileStore interface {
	// scratch makes an empty folder for the generation of an order.
	scratch(id string) (string, error)
	// publish moves the generated files out of dir; dir is gone afterwards.
	publish(ctx context.Context, id, dir string, names []string) (location string, err error)
	// recovered lists the files of an order that were published just before
	// a crash (false when there are none).
	recovered(id string) ([]string, bool)
	// discard removes what publish made, for a generation whose order was
	// released by another generator meanwhile.
	discard(ctx context.Context, id, location string)
	// open opens a released file of an order for reading.
	open(ctx context.Context, o *Order, name string) (content io.ReadSeekCloser, mod time.Time, err error)
}

// openFileStore opens extracts.files.
func openFileStore(ctx context.Context, where string) (fileStore, error) {
	if !blob.IsURL(where) {
		return dirStore(where), nil
	}
	b, prefix, err := blob.Open(ctx, where)
	if err != nil {
		return nil, err
	}
	return &objectStore{b: b, prefix: prefix}, nil
}

// dirStore keeps each order's files in a folder named after it; a
// generation writes into <id>.partial and renames it into place.
type dirStore string

func (d dirStore) scratch(id string) (string, error) {
	tmp := filepath.Join(string(d), id+".partial")
	return tmp, os.RemoveAll(tmp)
}

func (d dirStore) publish(_ context.Context, id, dir string, _ []string) (string, error) {
	final := filepath.Join(string(d), id)
	os.RemoveAll(final)
	return "", os.Rename(dir, final)
}

func (d dirStore) recovered(id string) ([]string, bool) {
	final := filepath.Join(string(d), id)
	if fi, err := os.Stat(filepath.Join(final, "doo.txt")); err != nil || !fi.Mode().IsRegular() {
		return nil, false
	}
	files, err := listFiles(final)
	return files, err == nil
}

func (d dirStore) discard(context.Context, string, string) {}

func (d dirStore) open(_ context.Context, o *Order, name string) (io.ReadSeekCloser, time.Time, error) {
	f, err := os.Open(filepath.Join(string(d), o.ID, name))
	if err != nil {
		return nil, time.Time{}, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, time.Time{}, err
	}
	return f, fi.ModTime(), nil
}

func listFiles(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range ents {
		if e.Type().IsRegular() {
			out = append(out, e.Name())
		}
	}
	return out, nil
}

// objectStore keeps each generation's files under PREFIX/<order>/<generation>/:
// a generation that loses (its order was released by another replica's)
// never overwrites the files the order names.
type objectStore struct {
	b      blob.Bucket
	prefix string
}

func (s *objectStore) scratch(id string) (string, error) {
	return os.MkdirTemp("", "sip-extract-"+id+"-")
}

func (s *objectStore) publish(ctx context.Context, id, dir string, names []string) (string, error) {
	defer os.RemoveAll(dir)
	g := make([]byte, 6)
	rand.Read(g)
	loc := blob.Join(blob.Join(s.prefix, id), time.Now().UTC().Format("20060102T150405Z")+"-"+hex.EncodeToString(g))
	for _, name := range names {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			return "", err
		}
		_, err = s.b.Put(ctx, blob.Join(loc, name), f, blob.PutOptions{ContentType: contentTypes[filepath.Ext(name)]})
		f.Close()
		if err != nil {
			s.discard(ctx, id, loc)
			return "", err
		}
	}
	return loc, nil
}

func (s *objectStore) recovered(string) ([]string, bool) { return nil, false }

func (s *objectStore) discard(ctx context.Context, _, location string) {
	if location == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	objs, err := s.b.List(ctx, location+"/")
	if err != nil {
		return
	}
	for _, o := range objs {
		s.b.Delete(ctx, o.Key)
	}
}

func (s *objectStore) open(ctx context.Context, o *Order, name string) (io.ReadSeekCloser, time.Time, error) {
	if o.Location == "" || strings.Contains(name, "/") {
		return nil, time.Time{}, fmt.Errorf("order %s has no files in object storage", o.ID)
	}
	key := blob.Join(o.Location, name)
	a, err := s.b.Attrs(ctx, key)
	if err != nil {
		return nil, time.Time{}, err
	}
	return &objectReader{ctx: ctx, b: s.b, key: key, etag: a.ETag, size: a.Size}, a.Modified, nil
}

// objectReader reads an object as an io.ReadSeeker for http.ServeContent:
// seeking costs nothing, and reading streams from the offset in one request
// (range requests of the client become one ranged GET).
type objectReader struct {
	ctx       context.Context
	b         blob.Bucket
	key, etag string
	size, off int64
	rc        io.ReadCloser
}

func (r *objectReader) Seek(offset int64, whence int) (int64, error) {
	switch whence {
	case io.SeekCurrent:
		offset += r.off
	case io.SeekEnd:
		offset += r.size
	}
	if offset < 0 {
		return 0, errors.New("seek before the start")
	}
	if offset != r.off && r.rc != nil {
		r.rc.Close()
		r.rc = nil
	}
	r.off = offset
	return offset, nil
}

func (r *objectReader) Read(p []byte) (int, error) {
	if r.off >= r.size {
		return 0, io.EOF
	}
	if r.rc == nil {
		rc, _, err := r.b.NewReader(r.ctx, r.key, r.off, r.etag)
		if err != nil {
			return 0, err
		}
		r.rc = rc
	}
	n, err := r.rc.Read(p)
	r.off += int64(n)
	return n, err
}

func (r *objectReader) Close() error {
	if r.rc != nil {
		return r.rc.Close()
	}
	return nil
}
