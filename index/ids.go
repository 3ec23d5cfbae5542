package index

import (
	"hash/maphash"
	"unsafe"
)

// idTable maps tree positions to object ids and back without a heap object
// per id: the ids live end to end in one byte array, and the reverse lookup is
// an open-addressing table of positions. Neither holds a pointer, so the
// garbage collector never walks them. A county's index holds millions of ids;
// as separate strings with a map[string]int32 they were most of the objects
// every GC cycle had to mark, which every request paid for. The table is
// immutable once built (a layer rebuilds it whole).
type idTable struct {
	data  []byte   // the ids, end to end
	off   []uint32 // id p is data[off[p]:off[p+1]]
	slots []int32  // position+1 by hash, 0 empty; len a power of two
	seed  maphash.Seed
}

func newIDTable(ids []string) idTable {
	n := 0
	for _, id := range ids {
		n += len(id)
	}
	t := idTable{data: make([]byte, 0, n), off: make([]uint32, len(ids)+1), seed: maphash.MakeSeed()}
	for p, id := range ids {
		t.data = append(t.data, id...)
		t.off[p+1] = uint32(len(t.data))
	}
	size := 16
	for size < 2*len(ids) {
		size <<= 1
	}
	t.slots = make([]int32, size)
	mask := uint64(size - 1)
	for p := range ids {
		h := maphash.String(t.seed, ids[p]) & mask
		for t.slots[h] != 0 {
			h = (h + 1) & mask
		}
		t.slots[h] = int32(p) + 1
	}
	return t
}

func (t *idTable) len() int { return max(len(t.off)-1, 0) }

// id returns id p; the string shares the table's bytes (never modified).
func (t *idTable) id(p int32) string {
	a, b := t.off[p], t.off[p+1]
	if a == b {
		return ""
	}
	return unsafe.String(&t.data[a], int(b-a))
}

// find returns the position of id. Ids are unique within a table.
func (t *idTable) find(id string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint64(len(t.slots) - 1)
	for h := maphash.String(t.seed, id) & mask; t.slots[h] != 0; h = (h + 1) & mask {
		if p := t.slots[h] - 1; t.id(p) == id {
			return p, true
		}
	}
	return 0, false
}
