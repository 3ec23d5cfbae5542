package blob

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
)

// PartSize is the size of one part of a multipart upload: objects up to it
// go in one request, larger ones in parts of it (S3 allows 10 000 parts: up
// to 80 GiB). A part is held in memory while it is sent.
const PartSize = 8 << 20

// s3Bucket is a bucket of S3 or an S3-compatible service.
type s3Bucket struct {
	c      *s3.Client
	bucket string
	where  string // s3://BUCKET?endpoint=… for messages
}

func openS3(ctx context.Context, u *url.URL) (Bucket, string, error) {
	if u.User != nil {
		return nil, "", errors.New("blob: an s3:// URL carries no credentials: they come from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY)")
	}
	if u.Host == "" {
		return nil, "", fmt.Errorf("blob: %s names no bucket (s3://BUCKET/KEY)", Redact(u.String()))
	}
	q := u.Query()
	for k := range q {
		switch k {
		case "endpoint", "region", "path_style":
		default:
			return nil, "", fmt.Errorf("blob: %s: unknown parameter %q (endpoint, region, path_style)", Redact(u.String()), k)
		}
	}
	region := q.Get("region")
	if region == "" {
		region = os.Getenv("AWS_REGION")
	}
	if region == "" {
		region = os.Getenv("AWS_DEFAULT_REGION")
	}
	if region == "" {
		region = "us-east-1"
	}
	endpoint := q.Get("endpoint")
	pathStyle := endpoint != ""
	if v := q.Get("path_style"); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			return nil, "", fmt.Errorf("blob: path_style=%q: want true or false", v)
		}
		pathStyle = b
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, awsconfig.WithRegion(region), awsconfig.WithHTTPClient(s3HTTP),
		awsconfig.WithRetryMaxAttempts(3))
	if err != nil {
		return nil, "", fmt.Errorf("blob: AWS configuration from the environment: %w", err)
	}
	c := s3.NewFromConfig(cfg, func(o *s3.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
		o.UsePathStyle = pathStyle
		// Checksums only where S3 requires them: S3-compatible services do
		// not all take the SDK's streaming trailers. Archives are verified
		// by reading them back instead.
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	})
	where := "s3://" + u.Host
	if endpoint != "" {
		where += "?endpoint=" + endpoint
	}
	return &s3Bucket{c: c, bucket: u.Host, where: where}, strings.TrimPrefix(u.Path, "/"), nil
}

// s3HTTP bounds the time to connect and to the first byte of an answer, like
// httpClient. It is the SDK's own buildable client so that the SDK can still
// add a CA bundle from the environment (AWS_CA_BUNDLE).
var s3HTTP = awshttp.NewBuildableClient().
	WithDialerOptions(func(d *net.Dialer) { d.Timeout, d.KeepAlive = dialer.Timeout, dialer.KeepAlive }).
	WithTransportOptions(func(tr *http.Transport) {
		tr.MaxIdleConnsPerHost = 64
		tr.TLSHandshakeTimeout = 10 * time.Second
		tr.ResponseHeaderTimeout = 30 * time.Second
		tr.ExpectContinueTimeout = time.Second
	})

// httpClient bounds the time to connect and to the first byte of an answer:
// an unreachable service fails a request in seconds, not minutes.
var httpClient = &http.Client{Transport: &http.Transport{
	Proxy:                 http.ProxyFromEnvironment,
	DialContext:           dialer.DialContext,
	MaxIdleConnsPerHost:   64,
	IdleConnTimeout:       90 * time.Second,
	TLSHandshakeTimeout:   10 * time.Second,
	ResponseHeaderTimeout: 30 * time.Second,
	ExpectContinueTimeout: time.Second,
}}

func (b *s3Bucket) String() string { return b.where }

// classify maps the SDK's errors to the package's.
func classify(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, context.Canceled) {
		return err
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch ae.ErrorCode() {
		case "NoSuchKey", "NotFound", "NoSuchUpload":
			return fmt.Errorf("%w: %v", ErrNotFound, err)
		case "PreconditionFailed", "ConditionalRequestConflict":
			return fmt.Errorf("%w: %v", ErrChanged, err)
		}
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		switch s := re.HTTPStatusCode(); {
		case s == http.StatusNotFound:
			return fmt.Errorf("%w: %v", ErrNotFound, err)
		case s == http.StatusPreconditionFailed:
			return fmt.Errorf("%w: %v", ErrChanged, err)
		case s == 0 || s >= 500 || s == http.StatusTooManyRequests:
			// 0: no answer at all (refused, reset, timed out).
			return fmt.Errorf("%w: %v", ErrUnavailable, err)
		}
		return err
	}
	// No answer at all: refused, reset, timed out.
	return fmt.Errorf("%w: %v", ErrUnavailable, err)
}

func (b *s3Bucket) fail(op, key string, err error) error { return locErr(b, op, key, classify(err)) }

func (b *s3Bucket) Attrs(ctx context.Context, key string) (Attrs, error) {
	out, err := b.c.HeadObject(ctx, &s3.HeadObjectInput{Bucket: &b.bucket, Key: &key})
	if err != nil {
		return Attrs{}, b.fail("head", key, err)
	}
	return Attrs{Key: key, Size: aws.ToInt64(out.ContentLength), ETag: aws.ToString(out.ETag), Modified: aws.ToTime(out.LastModified)}, nil
}

func (b *s3Bucket) get(ctx context.Context, key, rng, etag string) (*s3.GetObjectOutput, error) {
	in := &s3.GetObjectInput{Bucket: &b.bucket, Key: &key}
	if rng != "" {
		in.Range = &rng
	}
	if etag != "" {
		in.IfMatch = &etag
	}
	out, err := b.c.GetObject(ctx, in)
	if err != nil {
		return nil, b.fail("get", key, err)
	}
	// A service that ignores If-Match still names the version it sent.
	if got := aws.ToString(out.ETag); etag != "" && got != "" && got != etag {
		out.Body.Close()
		return nil, locErr(b, "get", key, fmt.Errorf("%w: ETag %s, expected %s", ErrChanged, got, etag))
	}
	return out, nil
}

func (b *s3Bucket) ReadRange(ctx context.Context, key string, off, n int64, etag string) ([]byte, error) {
	if n <= 0 {
		return nil, nil
	}
	out, err := b.get(ctx, key, fmt.Sprintf("bytes=%d-%d", off, off+n-1), etag)
	if err != nil {
		return nil, err
	}
	defer out.Body.Close()
	buf := make([]byte, n)
	if _, err := io.ReadFull(out.Body, buf); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, locErr(b, "get", key, fmt.Errorf("range %d+%d lies beyond the object's end", off, n))
		}
		return nil, b.fail("get", key, err)
	}
	return buf, nil
}

func (b *s3Bucket) NewReader(ctx context.Context, key string, off int64, etag string) (io.ReadCloser, Attrs, error) {
	rng := ""
	if off > 0 {
		rng = fmt.Sprintf("bytes=%d-", off)
	}
	out, err := b.get(ctx, key, rng, etag)
	if err != nil {
		return nil, Attrs{}, err
	}
	a := Attrs{Key: key, Size: off + aws.ToInt64(out.ContentLength), ETag: aws.ToString(out.ETag), Modified: aws.ToTime(out.LastModified)}
	return &classifyingReader{rc: out.Body, b: b, key: key}, a, nil
}

// classifyingReader reports a stream that breaks off as ErrUnavailable.
type classifyingReader struct {
	rc  io.ReadCloser
	b   *s3Bucket
	key string
}

func (r *classifyingReader) Read(p []byte) (int, error) {
	n, err := r.rc.Read(p)
	if err != nil && err != io.EOF {
		err = r.b.fail("read", r.key, err)
	}
	return n, err
}

func (r *classifyingReader) Close() error { return r.rc.Close() }

func (b *s3Bucket) Put(ctx context.Context, key string, r io.Reader, opts PutOptions) (Attrs, error) {
	first := make([]byte, PartSize)
	n, err := io.ReadFull(r, first)
	switch {
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return b.putOne(ctx, key, first[:n], opts)
	case err != nil:
		return Attrs{}, locErr(b, "put", key, err)
	}
	return b.putParts(ctx, key, first, r, opts)
}

func (b *s3Bucket) putOne(ctx context.Context, key string, data []byte, opts PutOptions) (Attrs, error) {
	in := &s3.PutObjectInput{Bucket: &b.bucket, Key: &key, Body: bytes.NewReader(data), ContentLength: aws.Int64(int64(len(data)))}
	if opts.ContentType != "" {
		in.ContentType = &opts.ContentType
	}
	if opts.IfMatch != "" {
		in.IfMatch = &opts.IfMatch
	}
	if opts.IfNoneMatch != "" {
		in.IfNoneMatch = &opts.IfNoneMatch
	}
	out, err := b.c.PutObject(ctx, in)
	if err != nil {
		return Attrs{}, b.fail("put", key, err)
	}
	return Attrs{Key: key, Size: int64(len(data)), ETag: aws.ToString(out.ETag)}, nil
}

// putParts uploads an object in parts: first, then the rest of r. Any
// failure, or ctx ending, aborts the upload, so that nothing of it stays.
func (b *s3Bucket) putParts(ctx context.Context, key string, first []byte, r io.Reader, opts PutOptions) (_ Attrs, err error) {
	in := &s3.CreateMultipartUploadInput{Bucket: &b.bucket, Key: &key}
	if opts.ContentType != "" {
		in.ContentType = &opts.ContentType
	}
	up, err := b.c.CreateMultipartUpload(ctx, in)
	if err != nil {
		return Attrs{}, b.fail("put", key, err)
	}
	defer func() {
		if err != nil {
			actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer cancel()
			b.c.AbortMultipartUpload(actx, &s3.AbortMultipartUploadInput{Bucket: &b.bucket, Key: &key, UploadId: up.UploadId})
		}
	}()
	var parts []types.CompletedPart
	var size int64
	buf := first
	for num := int32(1); ; num++ {
		part, err := b.c.UploadPart(ctx, &s3.UploadPartInput{Bucket: &b.bucket, Key: &key, UploadId: up.UploadId,
			PartNumber: aws.Int32(num), Body: bytes.NewReader(buf), ContentLength: aws.Int64(int64(len(buf)))})
		if err != nil {
			return Attrs{}, b.fail("put part", key, err)
		}
		parts = append(parts, types.CompletedPart{ETag: part.ETag, PartNumber: aws.Int32(num)})
		size += int64(len(buf))
		if len(buf) < PartSize {
			break
		}
		if buf, err = readPart(r, first); err != nil {
			return Attrs{}, locErr(b, "put", key, err)
		}
		if len(buf) == 0 {
			break
		}
	}
	cin := &s3.CompleteMultipartUploadInput{Bucket: &b.bucket, Key: &key, UploadId: up.UploadId,
		MultipartUpload: &types.CompletedMultipartUpload{Parts: parts}}
	if opts.IfMatch != "" {
		cin.IfMatch = &opts.IfMatch
	}
	if opts.IfNoneMatch != "" {
		cin.IfNoneMatch = &opts.IfNoneMatch
	}
	out, err := b.c.CompleteMultipartUpload(ctx, cin)
	if err != nil {
		return Attrs{}, b.fail("complete upload", key, err)
	}
	return Attrs{Key: key, Size: size, ETag: aws.ToString(out.ETag)}, nil
}

// readPart fills buf (reused) with the next part of r; a short part is the last.
func readPart(r io.Reader, buf []byte) ([]byte, error) {
	n, err := io.ReadFull(r, buf)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return buf[:n], nil
	}
	return buf[:n], err
}

func (b *s3Bucket) Delete(ctx context.Context, key string) error {
	_, err := b.c.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: &b.bucket, Key: &key})
	if err != nil && !errors.Is(classify(err), ErrNotFound) {
		return b.fail("delete", key, err)
	}
	return nil
}

func (b *s3Bucket) List(ctx context.Context, prefix string) ([]Attrs, error) {
	var out []Attrs
	p := s3.NewListObjectsV2Paginator(b.c, &s3.ListObjectsV2Input{Bucket: &b.bucket, Prefix: &prefix})
	for p.HasMorePages() {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, b.fail("list", prefix, err)
		}
		for _, o := range page.Contents {
			out = append(out, Attrs{Key: aws.ToString(o.Key), Size: aws.ToInt64(o.Size), ETag: aws.ToString(o.ETag), Modified: aws.ToTime(o.LastModified)})
		}
	}
	return out, nil
}

// AbortStaleUploads aborts the multipart uploads under prefix begun before
// older: what killed writers left (invisible, but stored and billed).
func AbortStaleUploads(ctx context.Context, bk Bucket, prefix string, older time.Time) (int, error) {
	b, ok := bk.(*s3Bucket)
	if !ok {
		return 0, nil
	}
	out, err := b.c.ListMultipartUploads(ctx, &s3.ListMultipartUploadsInput{Bucket: &b.bucket, Prefix: &prefix})
	if err != nil {
		return 0, b.fail("list uploads", prefix, err)
	}
	n := 0
	for _, u := range out.Uploads {
		if u.Initiated != nil && u.Initiated.Before(older) {
			if _, err := b.c.AbortMultipartUpload(ctx, &s3.AbortMultipartUploadInput{Bucket: &b.bucket, Key: u.Key, UploadId: u.UploadId}); err == nil {
				n++
			}
		}
	}
	return n, nil
}
