# SIP core. The two set-up commands: `make demo` and `make test`.
SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(HOME)/go/bin:$(PATH)
export GOFLAGS ?= -buildvcs=false

# System packages: GEOS for cgo; GDAL, its Python bindings and PROJ as test oracles;
# aiosmtpd as the SMTP server the delivery tests send to.
BUILD_DEPS := gcc libgeos-dev
TEST_DEPS  := $(BUILD_DEPS) gdal-bin python3-gdal proj-bin python3-owslib python3-lxml python3-feedparser python3-jsonschema python3-yaml python3-qgis nodejs chromium \
	postgresql-15-postgis-3 python3-aiosmtpd
BENCH_DEPS := $(TEST_DEPS) wrk hyperfine cgi-mapserver lighttpd spawn-fcgi haproxy

BIN := bin/sip

.PHONY: all build demo test vet fuzz bench deps-build deps-test deps-bench deps-weed clean web web-deps

all: build

deps-build:
	@scripts/apt-ensure.sh $(BUILD_DEPS)

deps-test:
	@scripts/apt-ensure.sh $(TEST_DEPS)

deps-bench:
	@scripts/apt-ensure.sh $(BENCH_DEPS)

# sip --version reports this (GOFLAGS above turns Go's own VCS stamping off).
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo devel)

build: deps-build
	go build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/sip

# Generates a ~50k-parcel demo county (once), ingests it (once), serves it on
# http://127.0.0.1:8080.
demo: build
	./$(BIN) demo --dir demo

# SeaweedFS's weed, the S3-compatible server the object-storage tests start on
# loopback (blob/blobtest), built once from the Go module proxy into the cache
# (about 8 minutes and 2.5 GB of memory the first time; scripts/weed-ensure.sh).
WEED_VERSION := v0.0.0-20261109003541-7506e5f91cd6
WEED         := $(HOME)/.cache/sip/weed-$(WEED_VERSION)

deps-weed:
	@scripts/weed-ensure.sh $(WEED_VERSION) $(WEED)

# SIP_TEST_POSTGIS=require: the PostGIS tests (a throw-away PostgreSQL cluster
# per test package, see store/postgis/postgistest) fail instead of skipping when
# the server cannot start; SIP_TEST_S3=require does the same for the
# object-storage tests and the weed binary.
test: deps-test web-deps deps-weed
	go mod tidy -diff
	go vet ./...
	SIP_TEST_POSTGIS=require SIP_TEST_S3=require SIP_TEST_WEED=$(WEED) go test -count=1 -timeout 25m ./...

# The map viewer's front end (web/src -> web/dist, committed so `go build` needs
# no npm): pinned npm packages from web/package-lock.json, bundled by esbuild.
# `make test` installs the same packages for the browser tests (web/browser_test.go:
# playwright-core driving Debian's chromium, gl-style-validate).
web-deps:
	@if command -v npm >/dev/null; then npm ci --prefix web --no-audit --no-fund; \
	else echo "web-deps: npm not found; the browser tests will skip (they need Node 20+ with npm)"; fi
web: web-deps
	npm run --prefix web build

# Short fuzzing runs of every parser (user input: CRS names, GML, Shapefile,
# GeoJSON, FES/CQL2 filters, WMS and ULDK parameters, tiles and archives).
# Corpora live under each package's testdata/fuzz.
FUZZTIME ?= 20s
FUZZ_TARGETS := geo:FuzzParse ingest/egib:FuzzReader internal/xmlscan:FuzzScanner internal/gmlcoord:FuzzPosList internal/xmltext:FuzzEscape ingest/app:FuzzReader \
	ingest/formats:FuzzShapefile ingest/formats:FuzzGeoJSON features/fes:FuzzParse \
	features/cql2:FuzzParseText features/cql2:FuzzParseJSON wms:FuzzWMS parcels:FuzzRequestInput \
	tiles:FuzzParseTile tiles:FuzzWMTSGetTile tiles:FuzzClip tiles/mvt:FuzzDecode tiles/pmtiles:FuzzDecodeDir tiles/pmtiles:FuzzOpen \
	features:FuzzParseWFSXML datasync:FuzzDecode config:FuzzParseGrosze extracts:FuzzParseRequest extracts:FuzzToken \
	extracts:FuzzWebhookVerify web:FuzzAcceptEncoding web:FuzzBackgrounds roads:FuzzDecode open311:FuzzParseQuery \
	open311:FuzzParseSubmission open311:FuzzReencode open311:FuzzExifOrientation alerts:FuzzParseDraft ingest/prg:FuzzRead
fuzz: deps-test
	@for t in $(FUZZ_TARGETS); do pkg=$${t%%:*}; fn=$${t##*:}; echo "== $$pkg $$fn"; \
		go test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) ./$$pkg || exit 1; done

# Go benchmarks plus the side-by-side runs against each peer on the same data, in
# one run each (ratios; the machine is noisy). Each script installs the peer it
# needs (MapServer, tippecanoe/pmtiles built under /tmp, ...) and stops by itself.
BENCH_SCRIPTS := scripts/bench-ingest.sh scripts/bench-ingest-postgis.sh store/postgis/bench.sh scripts/bench-memory.sh scripts/bench-postgis-peers.sh server/bench.sh wms/bench.sh features/bench.sh \
	tiles/bench.sh parcels/bench.sh parcels/bench-lookups.sh planning/bench.sh datasync/bench.sh web/bench.sh extracts/bench.sh wms/burst.sh open311/bench.sh alerts/bench.sh \
	scripts/bench-replicas.sh
bench: deps-bench build
	go test -run '^$$' -bench . -benchmem ./... | tee bench-go.txt
	@for s in $(BENCH_SCRIPTS); do echo "== $$s"; $$s || echo "$$s failed"; done

clean:
	rm -rf bin demo bench-go.txt
