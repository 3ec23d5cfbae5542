package tiles

import (
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/server"
	"github.com/sip-core/sip/store"
)

// tileset is what a request resolved to: a dynamic view of a dataset or a file.
type tileset struct {
	name    string
	d       *server.Dataset
	file    Tileset
	layers  []string // dynamic: tile layers
	cols    map[string][]store.Column
	variant string
}

func (s *Service) envTilesets() map[string]string {
	out := map[string]string{}
	for _, part := range strings.Split(os.Getenv("SIP_TILESETS"), ",") {
		if name, path, ok := strings.Cut(strings.TrimSpace(part), "="); ok && name != "" && path != "" {
			out[name] = path
		}
	}
	return out
}

// fileTilesets lists the pre-built tilesets: name -> path (looked up on disk at
// most once a second per state).
func (s *Service) fileTilesets(st *server.State) map[string]string {
	s.mu.Lock()
	if s.listState == st && time.Since(s.listed) < time.Second {
		m := s.list
		s.mu.Unlock()
		return m
	}
	s.mu.Unlock()
	m := s.scanTilesets(st)
	s.mu.Lock()
	s.list, s.listState, s.listed = m, st, time.Now()
	s.mu.Unlock()
	return m
}

func (s *Service) scanTilesets(st *server.State) map[string]string {
	out := s.envTilesets()
	for _, t := range st.Config.Tilesets {
		out[t.Name] = t.URL
	}
	for _, d := range st.Datasets() {
		p := store.FilePath(d.Config.Store)
		if p == "" {
			continue // a database: no files beside it
		}
		base := strings.TrimSuffix(p, filepath.Ext(p))
		for suffix, file := range map[string]string{"-mbtiles": base + ".mbtiles", "-pmtiles": base + ".pmtiles", "-gpkg": base + "-tiles.gpkg"} {
			if _, err := os.Stat(file); err == nil {
				out[d.Name+suffix] = file
			}
		}
	}
	return out
}

// openTileset opens (or reuses) a pre-built file, reopening it when it was
// replaced (sip tiles build/update rename a new file over the old one), or
// an archive in object storage.
func (s *Service) openTileset(path string) (Tileset, error) {
	if blob.IsURL(path) {
		return s.remotes.open(s.host, path)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.files[path]
	now := time.Now()
	if f != nil && now.Sub(f.checked) < time.Second {
		return f.ts, f.err
	}
	fi, statErr := os.Stat(path)
	if f != nil && statErr == nil && fi.ModTime().Equal(f.mod) {
		f.checked = now
		return f.ts, f.err
	}
	if f != nil && f.ts != nil {
		old := f.ts
		// Requests may still read the old file: close it a little later.
		time.AfterFunc(30*time.Second, func() { old.Close() })
	}
	nf := &openFile{path: path, checked: now}
	if statErr != nil {
		nf.err = statErr
	} else {
		nf.mod = fi.ModTime()
		nf.ts, nf.err = OpenTileset(path)
	}
	s.files[path] = nf
	return nf.ts, nf.err
}

// resolve finds a tileset by name for a request.
func (s *Service) resolve(r *http.Request, name string) (*tileset, *server.Error) {
	st := s.host.State(r)
	if st == nil {
		return nil, &server.Error{Status: http.StatusServiceUnavailable, Detail: "no state"}
	}
	if d, ok := st.Dataset(name); ok {
		return s.dynamic(r, d, nil)
	}
	if path, ok := s.fileTilesets(st)[name]; ok {
		ts, err := s.openTileset(path)
		if e := archiveError(name, err); e != nil {
			return nil, e
		}
		if err != nil {
			server.Logger(r.Context()).Error("tileset unreadable", "tileset", name, "path", path, "err", err)
			return nil, &server.Error{Status: http.StatusInternalServerError, Code: "TilesetUnreadable",
				Detail: "tileset " + name + " cannot be read: its file is missing or corrupt"}
		}
		return &tileset{name: name, file: ts}, nil
	}
	return nil, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "no tileset named " + strconv.Quote(name)}
}

// dynamic makes the on-the-fly tileset of a dataset: every published layer the
// request may read (or only the given layer), with the columns it may see.
func (s *Service) dynamic(r *http.Request, d *server.Dataset, only []string) (*tileset, *server.Error) {
	ts := &tileset{name: d.Name, d: d, cols: map[string][]store.Column{}}
	want := DefaultLayers
	if only != nil {
		want = only
	}
	var variant strings.Builder
	for _, name := range want {
		src := name
		if name == LabelLayer {
			src = "dzialki"
		}
		l, lc, ok := d.Layer(src)
		if !ok {
			if only != nil {
				return nil, &server.Error{Status: http.StatusNotFound, Code: "NotFound", Detail: "dataset " + d.Name + " publishes no layer " + src}
			}
			continue
		}
		if e := d.CanRead(r, lc); e != nil {
			if only != nil {
				return nil, e
			}
			continue
		}
		cols := LayerColumns(src, d.PublicColumns(r, l, lc))
		ts.cols[src] = cols
		ts.layers = append(ts.layers, name)
		variant.WriteString(name)
		variant.WriteByte(':')
		for _, c := range cols {
			variant.WriteString(c.Name)
			variant.WriteByte(',')
		}
		variant.WriteByte(';')
	}
	ts.variant = variant.String()
	return ts, nil
}

func (ts *tileset) grids() []*Grid {
	if ts.file != nil {
		return []*Grid{ts.file.Grid()}
	}
	return Grids
}

func (ts *tileset) zooms() (int, int) {
	if ts.file != nil {
		m := ts.file.Meta()
		return m.MinZoom, m.MaxZoom
	}
	return 0, DynamicMaxZoom
}
