package store

import (
	"reflect"
	"strings"
	"testing"
)

func TestSchemeOf(t *testing.T) {
	for dsn, want := range map[string]string{
		"county.gpkg":                              SchemeGPKG,
		"/srv/sip/county.gpkg":                     SchemeGPKG,
		"gpkg:/srv/a=b.gpkg":                       SchemeGPKG,
		"postgres://sip@db:5432/sip?schema=powiat": SchemePostgres,
		"postgresql://sip@db/sip":                  SchemePostgres,
		"host=/run/postgresql dbname=sip":          SchemePostgres,
		"  dbname=sip schema=x":                    SchemePostgres,
		"./relative/dir/county.gpkg":               SchemeGPKG,
		`C:\data\county.gpkg`:                      SchemeGPKG,
	} {
		if got := SchemeOf(dsn); got != want {
			t.Errorf("SchemeOf(%q) = %s, want %s", dsn, got, want)
		}
	}
	if FilePath("gpkg:rel/c.gpkg") != "rel/c.gpkg" || FilePath("postgres://x/y") != "" || WithFilePath("gpkg:a", "/b/a") != "gpkg:/b/a" {
		t.Fatal("FilePath/WithFilePath")
	}
}

func TestRedact(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://sip:S3cr%40t@db:5432/sip?schema=p":   "postgres://sip:xxxxx@db:5432/sip?schema=p",
		"postgres://sip@db/sip?password=S3cret&schema=p": "postgres://sip@db/sip?password=xxxxx&schema=p",
		"host=db dbname=sip password=S3cret user=sip":    "host=db dbname=sip password=xxxxx user=sip",
		"host=db password = 'S3 \\' cret' dbname=sip":    "host=db password = xxxxx dbname=sip",
		"county.gpkg": "county.gpkg",
	} {
		got := Redact(dsn)
		if got != want || strings.Contains(got, "S3") {
			t.Errorf("Redact(%q) = %q, want %q", dsn, got, want)
		}
	}
}

func TestKeywordsAndSchema(t *testing.T) {
	kv, err := ParseKeywords(`host=/tmp/x  dbname='my db' schema=a\ b password='it\'s'`)
	want := [][2]string{{"host", "/tmp/x"}, {"dbname", "my db"}, {"schema", "a b"}, {"password", "it's"}}
	if err != nil || !reflect.DeepEqual(kv, want) {
		t.Fatalf("%v %v", kv, err)
	}
	if _, err := ParseKeywords("host='unterminated"); err == nil {
		t.Fatal("unterminated quote accepted")
	}
	for _, c := range []struct{ dsn, name, want string }{
		{"postgres://db/sip", "powiat", "postgres://db/sip?schema=powiat"},
		{"postgres://db/sip?sslmode=disable", "p", "postgres://db/sip?sslmode=disable&schema=p"},
		{"postgres://db/sip?schema=x", "p", "postgres://db/sip?schema=x"},
		{"host=/tmp dbname=sip", "o'k", `host=/tmp dbname=sip schema='o\'k'`},
		{"c.gpkg", "p", "c.gpkg"},
	} {
		got := WithSchema(c.dsn, c.name)
		if got != c.want {
			t.Errorf("WithSchema(%q, %q) = %q, want %q", c.dsn, c.name, got, c.want)
		}
		if SchemeOf(got) == SchemePostgres && DSNParam(got, "schema") == "" {
			t.Errorf("%q: no schema read back", got)
		}
	}
	if NameFromDSN("/a/b/powiat.gpkg") != "powiat" || NameFromDSN("host=x schema=gmina") != "gmina" {
		t.Fatal("NameFromDSN")
	}
}
