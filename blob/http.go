package blob

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

var dialer = &net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}

// httpBucket reads objects of a web server that answers range requests
// (GitHub Pages, a CDN, nginx). Keys are paths under the URL's host.
type httpBucket struct {
	base string // scheme://host
}

func openHTTP(u *url.URL) (Bucket, string, error) {
	if u.User != nil {
		return nil, "", errors.New("blob: an http(s):// URL carries no credentials")
	}
	return &httpBucket{base: u.Scheme + "://" + u.Host}, strings.TrimPrefix(u.EscapedPath(), "/"), nil
}

func (b *httpBucket) String() string { return b.base }

func (b *httpBucket) request(ctx context.Context, method, key string, hdr map[string]string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, b.base+"/"+key, nil)
	if err != nil {
		return nil, locErr(b, strings.ToLower(method), key, err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := httpClient.Do(req)
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return nil, err
		}
		return nil, locErr(b, strings.ToLower(method), key, fmt.Errorf("%w: %v", ErrUnavailable, err))
	}
	var e error
	switch s := resp.StatusCode; {
	case s == http.StatusNotFound || s == http.StatusGone:
		e = ErrNotFound
	case s == http.StatusPreconditionFailed:
		e = ErrChanged
	case s >= 500 || s == http.StatusTooManyRequests:
		e = ErrUnavailable
	case s >= 300:
		e = errors.New(resp.Status)
	}
	if e != nil {
		resp.Body.Close()
		return nil, locErr(b, strings.ToLower(method), key, fmt.Errorf("%w: HTTP %s", e, resp.Status))
	}
	return resp, nil
}

func attrsOf(key string, resp *http.Response) Attrs {
	a := Attrs{Key: key, Size: resp.ContentLength, ETag: resp.Header.Get("ETag")}
	a.Modified, _ = http.ParseTime(resp.Header.Get("Last-Modified"))
	if cr := resp.Header.Get("Content-Range"); cr != "" {
		if i := strings.LastIndexByte(cr, '/'); i >= 0 {
			if n, err := strconv.ParseInt(cr[i+1:], 10, 64); err == nil {
				a.Size = n
			}
		}
	}
	return a
}

// conditions are the headers naming a version: If-Match for a strong ETag
// (a weak one never matches under If-Match; its version is checked on the
// answer instead).
func conditions(etag string) map[string]string {
	h := map[string]string{}
	if etag != "" && !strings.HasPrefix(etag, "W/") {
		h["If-Match"] = etag
	}
	return h
}

func (b *httpBucket) checkVersion(key, etag string, resp *http.Response) error {
	if got := resp.Header.Get("ETag"); etag != "" && got != "" && got != etag {
		resp.Body.Close()
		return locErr(b, "get", key, fmt.Errorf("%w: ETag %s, expected %s", ErrChanged, got, etag))
	}
	return nil
}

func (b *httpBucket) Attrs(ctx context.Context, key string) (Attrs, error) {
	resp, err := b.request(ctx, http.MethodHead, key, nil)
	if err != nil {
		return Attrs{}, err
	}
	resp.Body.Close()
	return attrsOf(key, resp), nil
}

func (b *httpBucket) ReadRange(ctx context.Context, key string, off, n int64, etag string) ([]byte, error) {
	if n <= 0 {
		return nil, nil
	}
	h := conditions(etag)
	h["Range"] = fmt.Sprintf("bytes=%d-%d", off, off+n-1)
	resp, err := b.request(ctx, http.MethodGet, key, h)
	if err != nil {
		return nil, err
	}
	if err := b.checkVersion(key, etag, resp); err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent {
		return nil, locErr(b, "get", key, fmt.Errorf("the server answered %s to a range request: it must answer 206 Partial Content", resp.Status))
	}
	buf := make([]byte, n)
	if _, err := io.ReadFull(resp.Body, buf); err != nil {
		return nil, locErr(b, "get", key, fmt.Errorf("%w: %v", ErrUnavailable, err))
	}
	return buf, nil
}

func (b *httpBucket) NewReader(ctx context.Context, key string, off int64, etag string) (io.ReadCloser, Attrs, error) {
	h := conditions(etag)
	if off > 0 {
		h["Range"] = fmt.Sprintf("bytes=%d-", off)
	}
	resp, err := b.request(ctx, http.MethodGet, key, h)
	if err != nil {
		return nil, Attrs{}, err
	}
	if err := b.checkVersion(key, etag, resp); err != nil {
		return nil, Attrs{}, err
	}
	if off > 0 && resp.StatusCode != http.StatusPartialContent {
		resp.Body.Close()
		return nil, Attrs{}, locErr(b, "get", key, fmt.Errorf("the server answered %s to a range request", resp.Status))
	}
	return resp.Body, attrsOf(key, resp), nil
}

func (b *httpBucket) Put(context.Context, string, io.Reader, PutOptions) (Attrs, error) {
	return Attrs{}, fmt.Errorf("%s: %w: write to s3:// instead", b.base, ErrReadOnly)
}

func (b *httpBucket) Delete(context.Context, string) error {
	return fmt.Errorf("%s: %w", b.base, ErrReadOnly)
}

func (b *httpBucket) List(context.Context, string) ([]Attrs, error) {
	return nil, fmt.Errorf("%s: %w: an http(s) location cannot be listed", b.base, ErrReadOnly)
}
