// Package blob reads and writes objects in object storage: S3 and the
// services that speak its API (s3://BUCKET/KEY), and, for reading, any HTTP
// server that answers range requests (https://HOST/PATH). It is what tile
// archives and generated extracts are kept in when several replicas serve
// them, since a replica's disk is not shared.
//
// A location is a URL:
//
//	s3://BUCKET/KEY?endpoint=http://127.0.0.1:8333&region=eu-central-1&path_style=true
//	https://tiles.example/county.pmtiles
//
// endpoint (default: AWS) and region (default AWS_REGION, then us-east-1)
// choose the service; path_style addresses the bucket in the path rather
// than the host name (the default when an endpoint is given, as
// S3-compatible servers expect). Credentials come from the environment the
// way every AWS tool takes them (AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, AWS_PROFILE with ~/.aws, a web
// identity or an instance role), never from a URL or a configuration file.
//
// Reads name the version they expect by its ETag: a range read of an object
// that was replaced fails with ErrChanged (HTTP 412 to If-Match, or a
// response whose ETag differs), so that a reader never mixes two versions.
// Writes are whole or nothing: a Put that fails or is cancelled leaves no
// object and no half-finished upload.
package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// Errors a Bucket returns (wrapped, with the location).
var (
	// ErrNotFound: no object at that key.
	ErrNotFound = errors.New("no such object")
	// ErrChanged: the object is not the version a read or a conditional
	// write named any more (HTTP 412).
	ErrChanged = errors.New("object changed")
	// ErrUnavailable: the service cannot be reached or answers 5xx; the same
	// request may succeed later.
	ErrUnavailable = errors.New("object storage cannot be reached")
	// ErrReadOnly: the location can only be read (an https:// URL).
	ErrReadOnly = errors.New("read-only location")
)

// Attrs describe one version of an object.
type Attrs struct {
	Key      string
	Size     int64
	ETag     string // as the service sends it, quotes included
	Modified time.Time
}

// PutOptions condition a write.
type PutOptions struct {
	ContentType string
	// IfMatch writes only over the version with this ETag; IfNoneMatch "*"
	// writes only where no object is (ErrChanged otherwise). Services that
	// do not support conditional writes ignore them.
	IfMatch, IfNoneMatch string
}

// Bucket is a place holding objects by key. Implementations are safe for
// concurrent use.
type Bucket interface {
	// Attrs reads an object's size and ETag.
	Attrs(ctx context.Context, key string) (Attrs, error)
	// ReadRange reads n bytes at off of the object's version etag (any
	// version when etag is "").
	ReadRange(ctx context.Context, key string, off, n int64, etag string) ([]byte, error)
	// NewReader streams the object from off to its end in one request.
	NewReader(ctx context.Context, key string, off int64, etag string) (io.ReadCloser, Attrs, error)
	// Put writes an object from r: visible whole once Put returns nil; a
	// failed or cancelled Put leaves nothing.
	Put(ctx context.Context, key string, r io.Reader, opts PutOptions) (Attrs, error)
	// Delete removes an object (no error when it is absent).
	Delete(ctx context.Context, key string) error
	// List lists the objects whose keys start with prefix, in key order.
	List(ctx context.Context, prefix string) ([]Attrs, error)
	// String is the location without credentials, for logs and errors.
	String() string
}

// IsURL reports whether s names object storage (s3://, https://, http://)
// rather than a local path.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "s3://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// Open opens the bucket a URL names and returns the object key within it
// (the URL's path, without the leading slash; it may end with / for a
// prefix).
func Open(ctx context.Context, raw string) (Bucket, string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, "", fmt.Errorf("blob: %q is not a URL", Redact(raw))
	}
	switch u.Scheme {
	case "s3":
		return openS3(ctx, u)
	case "http", "https":
		return openHTTP(u)
	}
	return nil, "", fmt.Errorf("blob: %s: unknown scheme (s3://, https://)", Redact(raw))
}

// Redact is a URL without user information (a URL should carry none; the
// credentials come from the environment).
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "(unparseable URL)"
	}
	u.User = nil
	return u.String()
}

// Join joins a key prefix and a name with one slash.
func Join(prefix, name string) string {
	if prefix == "" {
		return name
	}
	return strings.TrimSuffix(prefix, "/") + "/" + strings.TrimPrefix(name, "/")
}

// locErr wraps err with the bucket and key.
func locErr(b Bucket, op, key string, err error) error {
	return fmt.Errorf("%s %s: %w", op, Join(b.String(), key), err)
}
