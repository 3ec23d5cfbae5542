package tiles

import (
	"unsafe"
)

// Heap sizes of the pieces of a cached feature, for the feature cache's
// budget. Each allocation is rounded up to the Go allocator's size class, so
// the estimate follows what the heap holds (TestFeatureMemSize compares it
// with runtime.MemStats).
var (
	featureBytes = int64(unsafe.Sizeof(Feature{}))
	// entryBytes is a cached feature's share of the cache's own tables: its
	// map entry (key and slot number, at the swiss table's 7/8 load with a
	// control byte) and its CLOCK slot and reference bit, with the slack of
	// tables that grow by doubling (a quarter on average).
	entryBytes = (int64(unsafe.Sizeof(entryKey{}))+8+1)*8/7*5/4 + (int64(unsafe.Sizeof(cacheSlot{}))+4+4)*5/4
)

// sizeClasses are the Go allocator's small object size classes
// (runtime/sizeclasses.go); larger objects take whole 8 KiB pages.
var sizeClasses = [...]int64{8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256,
	288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048,
	2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880,
	12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672, 32768}

// allocSize is the heap taken by an allocation of n bytes.
func allocSize(n int64) int64 {
	if n <= 0 {
		return 0
	}
	if n > 32768 {
		return (n + 8191) &^ 8191
	}
	lo, hi := 0, len(sizeClasses)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if sizeClasses[mid] >= n {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return sizeClasses[lo]
}

// MemSize estimates the heap a cached feature holds: the Feature, its key
// and encoded attributes, its Shape, and its share of the cache's tables.
func (f *Feature) MemSize() int64 {
	// The key and the encoded attributes are one allocation.
	n := allocSize(featureBytes) + allocSize(int64(len(f.Key)+f.Attrs.Bytes())) + entryBytes
	n += allocSize(int64(cap(f.Shape)) * 4)
	return n
}
