package tiles

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"time"

	"github.com/paulmach/orb"

	"github.com/sip-core/sip/blob"
	"github.com/sip-core/sip/store"
	"github.com/sip-core/sip/tiles/pmtiles"
)

// TileKey addresses a tile of a grid.
type TileKey struct{ Z, X, Y int }

// AffectedRange is the range of tiles at zoom z whose buffered area intersects
// the storage-CRS bound b: exactly the tiles a change inside b can alter.
func (g *Grid) AffectedRange(b orb.Bound, z int) (x0, y0, x1, y1 int, ok bool) {
	return g.affectedRangeGrid(g.ToGrid(b), z)
}

// affectedRangeGrid is AffectedRange for a bound already in the grid CRS.
func (g *Grid) affectedRangeGrid(gb orb.Bound, z int) (x0, y0, x1, y1 int, ok bool) {
	pad := g.TileSpan(z) * Buffer / Extent
	// Half a tile unit more: a vertex moving can change rounding next to the edge.
	pad += g.TileSpan(z) / Extent
	gb = gb.Pad(pad)
	return g.TileRange(gb, z)
}

// UpdateReport says what Update did.
type UpdateReport struct {
	From, To int64
	Changes  int
	Rendered int
	Written  int
	Removed  int
	Took     time.Duration
}

// Update brings a built tile file up to the store's current revision by
// re-rendering only the tiles whose area the changes since the build touch
// (old ∪ new geometry bounds from the change log). MBTiles and GeoPackage files
// are updated in one transaction; a PMTiles archive is rewritten to a temporary
// file and renamed over the old one.
func Update(ctx context.Context, r store.Reader, path string) (*UpdateReport, error) {
	t0 := time.Now()
	ts, err := OpenTileset(path)
	if err != nil {
		return nil, err
	}
	meta := *ts.Meta()
	g := ts.Grid()
	remote, _ := ts.(*remoteArchive)
	ts.Close()
	rev, err := r.Revision(ctx)
	if err != nil {
		return nil, err
	}
	rep := &UpdateReport{From: meta.Revision, To: rev}
	if meta.Revision > rev {
		return nil, fmt.Errorf("%s reflects revision %d but the store is at %d: built from another store?", path, meta.Revision, rev)
	}
	var names []string
	for _, vl := range meta.VectorLayers {
		names = append(names, vl.ID)
	}
	tileLayers, storeLayers, err := ResolveLayers(r, names)
	if err != nil {
		return nil, err
	}
	srcLayers := map[string]bool{}
	for _, l := range storeLayers {
		srcLayers[l.Name] = true
	}
	affected := map[TileKey]bool{}
	err = r.Changes(ctx, meta.Revision, func(c store.Change) error {
		rep.Changes++
		if !srcLayers[c.Layer] || c.Op == store.OpArchive {
			return nil
		}
		for z := meta.MinZoom; z <= meta.MaxZoom; z++ {
			x0, y0, x1, y1, ok := g.AffectedRange(c.Bounds, z)
			if !ok {
				continue
			}
			for y := y0; y <= y1; y++ {
				for x := x0; x <= x1; x++ {
					affected[TileKey{z, x, y}] = true
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	keys := make([]TileKey, 0, len(affected))
	for k := range affected {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.Z != b.Z {
			return a.Z < b.Z
		}
		if a.Y != b.Y {
			return a.Y < b.Y
		}
		return a.X < b.X
	})
	// The touched tiles are rendered from the same in-memory source as a build,
	// so an updated file equals a rebuild tile for tile. Low-zoom tiles cover the
	// whole county anyway: one read of the store is the cheapest way to feed them.
	var src Source = &MemSource{layers: map[string]*memLayer{}}
	if len(keys) > 0 {
		ms, err := LoadMemSource(ctx, r, g, storeLayers)
		if err != nil {
			return nil, err
		}
		src = ms
	}
	rend := &Renderer{Grid: g, Layers: tileLayers, MaxZoom: meta.MaxZoom}
	rendered := make(map[TileKey][]byte, len(keys))
	for _, k := range keys {
		data, _, err := rend.Render(ctx, src, k.Z, k.X, k.Y)
		if err != nil {
			return nil, err
		}
		rendered[k] = data
		rep.Rendered++
	}
	if remote != nil && rep.Changes == 0 && rev == rep.From {
		// Nothing to publish: a new build would be the current one again.
		rep.Took = time.Since(t0)
		return rep, nil
	}
	meta.Revision = rev
	f, _ := FormatOf(path)
	switch f {
	case PMTiles:
		if remote != nil {
			err = updateRemotePMTiles(ctx, remote, path, &meta, keys, rendered, rep)
		} else {
			err = updatePMTiles(path, &meta, keys, rendered, rep)
		}
	case MBTiles:
		err = updateSQL(path, keys, rendered, rep, `DELETE FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`,
			`INSERT INTO tiles VALUES (?, ?, ?, ?)`, true, func(tx *sql.Tx) error {
				_, err := tx.Exec(`UPDATE metadata SET value = ? WHERE name = 'sip:revision'`, strconv.FormatInt(rev, 10))
				return err
			})
	case GeoPackage:
		err = updateSQL(path, keys, rendered, rep, `DELETE FROM `+gpkgTable+` WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?`,
			`INSERT INTO `+gpkgTable+` (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)`, false, func(tx *sql.Tx) error {
				js, err := jsonMeta(&meta)
				if err == nil {
					_, err = tx.Exec(`UPDATE gpkg_metadata SET metadata = ? WHERE id = 1`, js)
				}
				return err
			})
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	rep.Took = time.Since(t0)
	return rep, nil
}

func updateSQL(path string, keys []TileKey, rendered map[TileKey][]byte, rep *UpdateReport, del, ins string, tms bool, meta func(*sql.Tx) error) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=DELETE")
	if err != nil {
		return err
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, k := range keys {
		row := k.Y
		if tms {
			row = (1 << uint(k.Z)) - 1 - k.Y
		}
		res, err := tx.Exec(del, k.Z, k.X, row)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		data := rendered[k]
		if data == nil {
			rep.Removed += int(n)
			continue
		}
		if _, err := tx.Exec(ins, k.Z, k.X, row, data); err != nil {
			return err
		}
		rep.Written++
	}
	if err := meta(tx); err != nil {
		return err
	}
	return tx.Commit()
}

func updatePMTiles(path string, meta *Meta, keys []TileKey, rendered map[TileKey][]byte, rep *UpdateReport) error {
	pr, err := pmtiles.Open(path)
	if err != nil {
		return err
	}
	defer pr.Close()
	sink := &pmtilesSink{path: path}
	if sink.tiles, err = updatedTiles(pr, keys, rendered, rep); err != nil {
		return err
	}
	if _, err := os.Stat(path); err != nil {
		return err
	}
	return sink.Finish(meta)
}

// updatedTiles are the tiles of an archive with the re-rendered ones
// replaced (nil: removed).
func updatedTiles(pr *pmtiles.Reader, keys []TileKey, rendered map[TileKey][]byte, rep *UpdateReport) ([]pmtiles.Tile, error) {
	changed := map[uint64][]byte{}
	for _, k := range keys {
		changed[pmtiles.TileID(uint8(k.Z), uint32(k.X), uint32(k.Y))] = rendered[k]
	}
	var out []pmtiles.Tile
	err := pr.All(func(id uint64, data []byte) error {
		if nd, ok := changed[id]; ok {
			if nd == nil {
				rep.Removed++
			}
			return nil
		}
		out = append(out, pmtiles.Tile{ID: id, Data: data})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for id, d := range changed {
		if d != nil {
			out = append(out, pmtiles.Tile{ID: id, Data: d})
			rep.Written++
		}
	}
	return out, nil
}

// updateRemotePMTiles updates an archive in object storage: the build read
// is downloaded (one request, into a temporary file), updated, and
// published as a new build, like `sip tiles build` publishes one; when
// another build was published meanwhile nothing is.
func updateRemotePMTiles(ctx context.Context, a *remoteArchive, url string, meta *Meta, keys []TileKey, rendered map[TileKey][]byte, rep *UpdateReport) error {
	v := a.cur.Load()
	sink, err := newRemoteSink(ctx, url)
	if err != nil {
		return err
	}
	if want := "manifest " + sink.prevTag; sink.prevTag != "" && want != v.tag {
		return errors.New("another build was published while this update ran: nothing published")
	}
	tmp, err := os.CreateTemp("", "sip-tiles-update-*.pmtiles")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	rc, _, err := a.b.NewReader(ctx, v.key, 0, v.etag)
	if err != nil {
		tmp.Close()
		return err
	}
	_, err = io.Copy(tmp, rc)
	rc.Close()
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("downloading %s: %w", blob.Join(a.b.String(), v.key), err)
	}
	pr, err := pmtiles.Open(tmp.Name())
	if err != nil {
		return err
	}
	defer pr.Close()
	if sink.tiles, err = updatedTiles(pr, keys, rendered, rep); err != nil {
		return err
	}
	return sink.Finish(meta)
}
