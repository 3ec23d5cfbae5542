package store

import (
	"fmt"
	"strconv"
	"time"
)

// FormatValue renders an attribute value as text, the one way every text output
// (KIEG records, map labels, GML, extracts) writes it: "" for a missing value,
// integers in decimal, reals as the shortest decimal that reads back exactly,
// times as YYYY-MM-DD for Date columns and RFC 3339 in UTC otherwise. Pass the
// column's type when known, or "" when it is not.
func FormatValue(t ColumnType, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		if t == Date {
			return x.UTC().Format("2006-01-02")
		}
		return x.UTC().Format(time.RFC3339Nano)
	}
	return fmt.Sprint(v)
}
