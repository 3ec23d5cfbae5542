module github.com/sip-core/sip

go 1.26.8

require (
	github.com/golang/geo v0.0.0-20260818125358-b200a1149890 // indirect
	github.com/gorilla/mux v1.8.1 // indirect
	github.com/klauspost/compress v1.18.0 // indirect
	github.com/mattn/go-sqlite3 v1.14.24 // indirect
	github.com/paulmach/orb v0.12.0 // indirect
	github.com/twpayne/go-geos v0.20.4 // indirect
	golang.org/x/image v0.33.0 // indirect
	golang.org/x/text v0.31.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)
