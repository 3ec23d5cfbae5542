package ingest

import (
	"io"
	"os"
)

// FileHead is the first 64 KiB of a file (less when it is shorter; nil when
// it cannot be read): what the ingests look at to tell their kinds of input
// apart.
func FileHead(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	buf := make([]byte, 64<<10)
	n, _ := io.ReadFull(f, buf)
	return buf[:n]
}
