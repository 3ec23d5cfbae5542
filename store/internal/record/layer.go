package record

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/sip-core/sip/store"
)

// HistorySuffix names a layer's history table (dzialki_history).
const HistorySuffix = "_history"

// Layer is a layer with the index of its public columns.
type Layer struct {
	store.Layer
	index map[string]int
}

// NewLayer indexes the columns of l.
func NewLayer(l store.Layer) *Layer {
	li := &Layer{Layer: l, index: make(map[string]int, len(l.Columns))}
	for i, c := range l.Columns {
		li.index[c.Name] = i
	}
	return li
}

// ColumnIndex is the position of a public column.
func (li *Layer) ColumnIndex(name string) (int, bool) {
	i, ok := li.index[name]
	return i, ok
}

// FixedColumns are the columns every feature table has besides the layer's
// public ones; a public column may not take their names.
var FixedColumns = []string{"fid", "geom", "lokalny_id", "przestrzen_nazw", "wersja_id",
	"start_obiekt", "start_wersja", "koniec_wersja", "koniec_obiekt", "sip_hash", "sip_vkey"}

var identRe = regexp.MustCompile(`^[a-z][a-z0-9_]{0,62}$`)

// ValidIdent reports whether s may name a table or a column: lower-case ASCII
// letters, digits and '_', starting with a letter, at most 63 bytes (what
// every backend takes unquoted).
func ValidIdent(s string) bool { return identRe.MatchString(s) }

// ValidateSchema checks a dataset's name and layers before anything is written.
// The rules are every backend's, so a dataset can move between backends (sync).
func ValidateSchema(name string, layers []store.Layer) error {
	if strings.TrimSpace(name) == "" {
		return errors.New("store: empty dataset name")
	}
	if len(layers) == 0 {
		return errors.New("store: a dataset needs at least one layer")
	}
	seen := map[string]bool{}
	for _, l := range layers {
		if !identRe.MatchString(l.Name) || strings.HasPrefix(l.Name, "gpkg") ||
			strings.HasPrefix(l.Name, "rtree_") || strings.HasPrefix(l.Name, "sqlite") ||
			strings.HasPrefix(l.Name, "sip_") || strings.HasPrefix(l.Name, "pg_") || strings.HasSuffix(l.Name, HistorySuffix) {
			return fmt.Errorf("store: invalid layer name %q", l.Name)
		}
		if seen[l.Name] {
			return fmt.Errorf("store: duplicate layer %q", l.Name)
		}
		seen[l.Name] = true
		switch l.Geometry {
		case store.MultiPolygon, store.Point, store.MultiLineString:
		default:
			return fmt.Errorf("store: layer %s: unsupported geometry type %q", l.Name, l.Geometry)
		}
		cols := map[string]bool{}
		for _, f := range FixedColumns {
			cols[f] = true
		}
		for _, c := range l.Columns {
			if !identRe.MatchString(c.Name) || cols[c.Name] {
				return fmt.Errorf("store: layer %s: invalid or duplicate column name %q", l.Name, c.Name)
			}
			cols[c.Name] = true
			switch c.Type {
			case store.Text, store.Integer, store.Real, store.Date, store.DateTime:
			default:
				return fmt.Errorf("store: layer %s column %s: unsupported type %q", l.Name, c.Name, c.Type)
			}
		}
	}
	return nil
}

// IDColumn is the layer's own public identifier: its first id_* column
// (id_dzialki, id_budynku, id_obrebu, …), the key clients look objects up by;
// "" when it has none.
func IDColumn(l store.Layer) string {
	for _, c := range l.Columns {
		if strings.HasPrefix(c.Name, "id_") {
			return c.Name
		}
	}
	return ""
}

// RowDigest is the state-hash contribution of one stored version row.
func RowDigest(layer, id, ver, hash, ev, eo string) store.StateHash {
	hh := sha256.New()
	for _, s := range []string{layer, id, ver, hash, ev, eo} {
		hh.Write([]byte(s))
		hh.Write([]byte{0})
	}
	var sum [32]byte
	hh.Sum(sum[:0])
	var d store.StateHash
	for i := range d {
		d[i] = binary.BigEndian.Uint64(sum[i*8:])
	}
	return d
}

// Args is the box as four nullable SQL values: minx, miny, maxx, maxy.
func (b Bnd) Args() (minx, miny, maxx, maxy any) {
	if !b.OK {
		return nil, nil, nil, nil
	}
	return b.B.Min[0], b.B.Min[1], b.B.Max[0], b.B.Max[1]
}

// LogArgs are a change-log entry's object and geometry as nullable SQL values.
func LogArgs(obj, wkb []byte) (o, g any) {
	if obj != nil {
		o = string(obj)
	}
	if wkb != nil {
		g = wkb
	}
	return o, g
}

// AddedColumn is a column a built-in layer gained after a store was made.
type AddedColumn struct {
	Layer  string
	Column store.Column
}

// MissingColumns brings the layers of an older store up to the built-in schema
// they were made from (store.EGiBLayers, store.PlanningLayers: same name and
// class): it returns the layers with the columns the built-in ones have gained
// since (dzialki.adresy, say) appended, and those columns. Columns are never
// removed or retyped, and layers of other schemas are left alone.
func MissingColumns(have []store.Layer) ([]store.Layer, []AddedColumn) {
	builtin := append(append([]store.Layer(nil), store.EGiBLayers...), store.PlanningLayers...)
	layers := append([]store.Layer(nil), have...)
	var added []AddedColumn
	for i, l := range layers {
		b, ok := store.LayerByName(builtin, l.Name)
		if !ok || b.Class != l.Class {
			continue
		}
		cols := append([]store.Column(nil), l.Columns...)
		for _, c := range b.Columns {
			if _, ok := l.Column(c.Name); !ok {
				cols = append(cols, c)
				added = append(added, AddedColumn{l.Name, c})
			}
		}
		layers[i].Columns = cols
	}
	return layers, added
}
