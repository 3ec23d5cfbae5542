package wms_test

import (
	"encoding/xml"
	"io"
	"net/http"
	"strings"
	"testing"
)

// A WMS GetMap POSTed as a form (as a Go client sends it) whose body stops
// after one byte of the 100000 announced is answered 408 in a WMS exception
// report when read_timeout passes (issue 16, item 8).
func TestSlowPostBody(t *testing.T) {
	u := startWith(t, "  read_timeout: 1s\n", "  []\n")
	body, stall := io.Pipe() // one byte, then nothing until the test ends
	defer stall.Close()
	go stall.Write([]byte("S"))
	req, err := http.NewRequest(http.MethodPost, u+"/wms", body)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = 100000
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var rep exceptionReport
	if err := xml.Unmarshal(b, &rep); err != nil || len(rep.Exceptions) != 1 {
		t.Fatalf("%d: not an exception report (%v): %s", resp.StatusCode, err, b)
	}
	if resp.StatusCode != 408 || rep.Exceptions[0].Code != "RequestTimeout" ||
		!strings.Contains(rep.Exceptions[0].Text, "1 of 100000 bytes came within limits.read_timeout (1s)") {
		t.Errorf("%d: %s", resp.StatusCode, b)
	}
}
