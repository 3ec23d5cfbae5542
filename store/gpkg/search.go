package gpkg

import (
	"fmt"
	"sort"

	"github.com/sip-core/sip/store"
)

// prefixConds builds the conditions of a Query.Prefix: a byte-order range
// (SQLite's default BINARY collation), which the index of a layer's id column
// answers.
func (li *layerInfo) prefixConds(prefix map[string]string) ([]string, []any, error) {
	cols := make([]string, 0, len(prefix))
	for c := range prefix {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	var conds []string
	var args []any
	for _, c := range cols {
		i, ok := li.rec.ColumnIndex(c)
		if !ok {
			return nil, nil, fmt.Errorf("gpkg: layer %s has no public column %q", li.Name, c)
		}
		if li.Columns[i].Type != store.Text {
			return nil, nil, fmt.Errorf("gpkg: prefix filter on column %q of layer %s, which is not text", c, li.Name)
		}
		p := prefix[c]
		end, ok := store.PrefixEnd(p)
		if !ok {
			conds = append(conds, "0") // not UTF-8: no stored text starts with it
			continue
		}
		conds = append(conds, quote(c)+" >= ?")
		args = append(args, p)
		if end != "" {
			conds = append(conds, quote(c)+" < ?")
			args = append(args, end)
		}
	}
	return conds, args, nil
}
