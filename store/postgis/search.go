package postgis

import (
	"fmt"
	"sort"

	"github.com/sip-core/sip/store"
)

// prefixConds builds the conditions of a Query.Prefix: a byte-order range
// (collation "C", whatever the database's), which the layer's id column index
// in that collation (indexDDL) answers.
func (li *layerInfo) prefixConds(prefix map[string]string, a *sqlArgs) ([]string, error) {
	cols := make([]string, 0, len(prefix))
	for c := range prefix {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	var conds []string
	for _, c := range cols {
		i, ok := li.rec.ColumnIndex(c)
		if !ok {
			return nil, fmt.Errorf("postgis: layer %s has no public column %q", li.Name, c)
		}
		if li.Columns[i].Type != store.Text {
			return nil, fmt.Errorf("postgis: prefix filter on column %q of layer %s, which is not text", c, li.Name)
		}
		p := prefix[c]
		end, ok := store.PrefixEnd(p)
		if !ok {
			conds = append(conds, "FALSE") // not UTF-8: no stored text starts with it
			continue
		}
		conds = append(conds, quote(c)+` COLLATE "C" >= `+a.add(p))
		if end != "" {
			conds = append(conds, quote(c)+` COLLATE "C" < `+a.add(end))
		}
	}
	return conds, nil
}

// prefixIndexDDL indexes the layer's id column in byte order, for prefix
// filters (the default index follows the database's collation).
func prefixIndexDDL(q string, l store.Layer, col string) string {
	return fmt.Sprintf(`CREATE INDEX IF NOT EXISTS %s ON %s.%s (%s COLLATE "C")`, quote(l.Name+"_"+col+"_prefix_idx"), q, quote(l.Name), quote(col))
}
