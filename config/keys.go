package config

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
)

// HashKey returns the configuration form of an API key: "sha256:<hex>".
func HashKey(key string) string {
	sum := sha256.Sum256([]byte(key))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// NewKey returns a fresh random API key (256 bits, URL-safe base64 with a "sip_"
// prefix so that leaked keys are easy to recognise).
func NewKey() string {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return "sip_" + base64.RawURLEncoding.EncodeToString(b[:])
}
