module github.com/sip-core/sip

go 1.26.8

require (
	github.com/gorilla/mux v1.8.1
	github.com/klauspost/compress v1.18.0
	github.com/mattn/go-sqlite3 v1.14.24
	github.com/paulmach/orb v0.12.0
	github.com/twpayne/go-geos v0.20.4
	golang.org/x/image v0.33.0
	golang.org/x/text v0.31.0
	gopkg.in/yaml.v3 v3.0.1
)
