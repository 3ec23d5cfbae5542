package wms_test

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"
)

// A POSTed WMS request whose body stops coming is answered 408 in a WMS
// exception report when read_timeout passes (issue 16, item 8).
func TestSlowPostBody(t *testing.T) {
	u := startWith(t, "  read_timeout: 1s\n", "  []\n")
	c, err := net.Dial("tcp", strings.TrimPrefix(u, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /wms HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nS")
	c.SetReadDeadline(time.Now().Add(20 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var rep exceptionReport
	if err := xml.Unmarshal(body, &rep); err != nil || len(rep.Exceptions) != 1 {
		t.Fatalf("%d: not an exception report (%v): %s", resp.StatusCode, err, body)
	}
	if resp.StatusCode != 408 || rep.Exceptions[0].Code != "RequestTimeout" ||
		!strings.Contains(rep.Exceptions[0].Text, "1 of 100000 bytes came within limits.read_timeout (1s)") {
		t.Errorf("%d: %s", resp.StatusCode, body)
	}
}
