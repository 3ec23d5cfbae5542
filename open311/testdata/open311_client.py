#!/usr/bin/python3
"""An Open311 GeoReport v2 client written from the specification
(wiki.open311.org/GeoReport_v2), with the standard library only, used to
check a server: discovery, services, service definitions, POST requests
(form-encoded, with attributes), tokens, GET requests with filters and
paging, requests/{id}, both formats, the error arrays, jurisdiction_id.

usage: open311_client.py ENDPOINT FIXTURE.json
ENDPOINT is the base URL ending in /open311/v2. FIXTURE names the points to
report at ({"points": [{"lat", "long"}], "jurisdictions": [...] or absent,
"jurisdiction_points": {id: {"lat", "long"}}}).
Exit status 0 when every check passed; each failed check is printed.
"""
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

FAILURES = []
CHECKS = 0


def check(cond, what):
    global CHECKS
    CHECKS += 1
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what, flush=True)
    return cond


# Elements whose children are a list (the spec's repeated elements).
LISTS = {"services", "service_requests", "errors", "attributes", "values", "endpoints", "formats", "notes", "alternatives"}


def from_xml(el):
    """Turns a GeoReport v2 XML element into the JSON form's structure."""
    kids = list(el)
    if el.tag in LISTS:
        return [from_xml(k) for k in kids]
    if not kids:
        return el.text or ""
    return {k.tag: from_xml(k) for k in kids}


class HTTPFailure(Exception):
    def __init__(self, status, body, fmt):
        self.status, self.body, self.fmt = status, body, fmt

    def errors(self):
        if self.fmt == "json":
            return json.loads(self.body)
        return from_xml(ET.fromstring(self.body))


class Client:
    def __init__(self, endpoint, jurisdiction=None):
        self.endpoint = endpoint.rstrip("/")
        self.jurisdiction = jurisdiction

    def _call(self, method, path, fmt, params=None, form=None):
        params = dict(params or {})
        if self.jurisdiction and "jurisdiction_id" not in params:
            params["jurisdiction_id"] = self.jurisdiction
        url = "%s/%s.%s" % (self.endpoint, path, fmt)
        data = None
        headers = {"Accept": "application/json" if fmt == "json" else "text/xml"}
        if method == "POST":
            form = list(form or [])
            if self.jurisdiction:
                form.append(("jurisdiction_id", self.jurisdiction))
            data = urllib.parse.urlencode(form).encode("utf-8")
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        elif params:
            url += "?" + urllib.parse.urlencode(params)
        req = urllib.request.Request(url, data=data, method=method, headers=headers)
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                body = r.read()
                ctype = r.headers.get("Content-Type", "")
        except urllib.error.HTTPError as e:
            raise HTTPFailure(e.code, e.read(), fmt)
        if fmt == "json":
            check(ctype.startswith("application/json"), "%s %s: content type %s" % (method, url, ctype))
            return json.loads(body.decode("utf-8"))
        check(ctype.startswith("text/xml") or ctype.startswith("application/xml"), "%s %s: content type %s" % (method, url, ctype))
        return from_xml(ET.fromstring(body))

    def discovery(self, fmt):
        return self._call("GET", "discovery", fmt)

    def services(self, fmt):
        return self._call("GET", "services", fmt)

    def definition(self, code, fmt):
        return self._call("GET", "services/" + urllib.parse.quote(code, safe=""), fmt)

    def create(self, fields, attributes, fmt):
        form = list(fields.items())
        for code, val in attributes.items():
            if isinstance(val, list):
                form += [("attribute[%s][]" % code, v) for v in val]
            else:
                form.append(("attribute[%s]" % code, val))
        return self._call("POST", "requests", fmt, form=form)

    def token(self, tok, fmt):
        return self._call("GET", "tokens/" + tok, fmt)

    def requests(self, fmt, **filters):
        return self._call("GET", "requests", fmt, params=filters)

    def request(self, rid, fmt):
        return self._call("GET", "requests/" + urllib.parse.quote(rid, safe=""), fmt)


ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
DATATYPES = {"string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"}


def fill(definition):
    """Values for every attribute of a service definition, by datatype."""
    out = {}
    for a in definition.get("attributes") or []:
        if str(a.get("variable")).lower() != "true":
            continue
        dt, keys = a["datatype"], [v["key"] for v in a.get("values") or []]
        out[a["code"]] = {
            "string": "abc",
            "text": "Długi opis: żółć gęślą jaźń",
            "number": "12.5",
            "datetime": datetime.now(timezone(timedelta(hours=1))).replace(microsecond=0).isoformat(),
            "singlevaluelist": keys[0] if keys else "",
            "multivaluelist": keys[:2],
        }[dt]
    return out


def expect_error(fn, status, what):
    for fmt in ("xml", "json"):
        try:
            fn(fmt)
        except HTTPFailure as e:
            check(e.status == status, "%s (%s): status %d, want %d" % (what, fmt, e.status, status))
            try:
                errs = e.errors()
            except Exception as x:  # noqa: BLE001 - any parse failure is a failed check
                check(False, "%s (%s): error body is not the spec's array: %s %r" % (what, fmt, x, e.body[:200]))
                continue
            ok = isinstance(errs, list) and len(errs) >= 1 and str(errs[0].get("code")) == str(status) and errs[0].get("description")
            check(ok, "%s (%s): error array %r" % (what, fmt, errs))
        else:
            check(False, "%s (%s): succeeded, want %d" % (what, fmt, status))


def general(c, fx):
    for fmt in ("xml", "json"):
        d = c.discovery(fmt)
        ep = (d.get("endpoints") or [{}])[0]
        check("GeoReport_v2" in ep.get("specification", ""), "discovery %s: specification %r" % (fmt, ep))
        check(ep.get("url", "").endswith("/open311/v2"), "discovery %s: url %r" % (fmt, ep.get("url")))
        check(set(ep.get("formats") or []) >= {"text/xml", "application/json"}, "discovery %s: formats" % fmt)
        check(ISO.match(str(d.get("changeset", ""))) is not None, "discovery %s: changeset %r" % (fmt, d.get("changeset")))

    sx, sj = c.services("xml"), c.services("json")
    check(len(sj) >= 7, "services: %d, want at least 7" % len(sj))
    check([s["service_code"] for s in sx] == [s["service_code"] for s in sj], "services: XML and JSON list different codes")
    seen_types = set()
    defs = {}
    for sx1, sj1 in zip(sx, sj):
        check(sx1["service_name"] == sj1["service_name"], "service %s: names differ" % sj1["service_code"])
        check(str(sx1["metadata"]).lower() == str(sj1["metadata"]).lower(), "service %s: metadata differs" % sj1["service_code"])
        check(sj1["type"] in ("realtime", "batch", "blackbox"), "service %s: type %r" % (sj1["service_code"], sj1["type"]))
        if sj1["metadata"]:
            dx, dj = c.definition(sj1["service_code"], "xml"), c.definition(sj1["service_code"], "json")
            check(dx["service_code"] == dj["service_code"] == sj1["service_code"], "definition %s: service_code" % sj1["service_code"])
            check(len(dx["attributes"]) == len(dj["attributes"]), "definition %s: attribute counts differ" % sj1["service_code"])
            for ax, aj in zip(dx["attributes"], dj["attributes"]):
                check(ax["code"] == aj["code"] and ax["datatype"] == aj["datatype"], "definition %s: attribute %s differs" % (sj1["service_code"], aj["code"]))
                check(aj["datatype"] in DATATYPES, "attribute %s: datatype %r" % (aj["code"], aj["datatype"]))
                check(str(ax["required"]).lower() == str(aj["required"]).lower(), "attribute %s: required differs" % aj["code"])
                check([v["key"] for v in ax.get("values") or []] == [v["key"] for v in aj.get("values") or []], "attribute %s: values differ" % aj["code"])
                if aj["datatype"].endswith("valuelist"):
                    check(len(aj["values"]) > 0, "list attribute %s without values" % aj["code"])
                seen_types.add(aj["datatype"])
            defs[sj1["service_code"]] = dj
    check(seen_types == DATATYPES, "datatypes offered: %s" % sorted(seen_types))

    # POST, alternating formats, with every attribute filled from its definition.
    made = []
    codes = [s["service_code"] for s in sj]
    for i, p in enumerate(fx["points"]):
        code = codes[i % len(codes)]
        fmt = ("json", "xml")[i % 2]
        fields = {"service_code": code, "lat": "%.8f" % p["lat"], "long": "%.8f" % p["long"],
                  "description": "Zgłoszenie %d: źdźbło, żółw, gęś" % i}
        res = c.create(fields, fill(defs.get(code, {})), fmt)
        check(isinstance(res, list) and len(res) == 1, "POST %d (%s): answer %r" % (i, fmt, res))
        r = res[0]
        check(bool(r.get("service_request_id")) or bool(r.get("token")), "POST %d: neither service_request_id nor token" % i)
        check("service_notice" in r, "POST %d: no service_notice" % i)
        made.append((r["service_request_id"], r.get("token"), code, p, fields["description"]))

    for rid, tok, code, p, desc in made:
        for fmt in ("xml", "json"):
            t = c.token(tok, fmt)
            check(t[0]["service_request_id"] == rid and t[0]["token"] == tok, "tokens/%s (%s): %r" % (tok, fmt, t))
        rx, rj = c.request(rid, "xml")[0], c.request(rid, "json")[0]
        for k in ("service_request_id", "status", "service_code", "service_name", "description", "agency_responsible",
                  "service_notice", "requested_datetime", "updated_datetime", "address"):
            check(str(rx.get(k, "")) == str(rj.get(k, "") if rj.get(k) is not None else ""), "request %s: %s differs between XML and JSON: %r / %r" % (rid, k, rx.get(k), rj.get(k)))
        check(rj["service_code"] == code and rj["description"] == desc, "request %s: code/description %r" % (rid, rj))
        check(rj["status"] in ("open", "closed"), "request %s: status %r" % (rid, rj["status"]))
        check(ISO.match(rj["requested_datetime"]) is not None, "request %s: requested_datetime %r has no offset" % (rid, rj["requested_datetime"]))
        check(abs(float(rj["lat"]) - p["lat"]) < 1e-6 and abs(float(rj["long"]) - p["long"]) < 1e-6, "request %s: position" % rid)
        check(abs(float(rx["lat"]) - p["lat"]) < 1e-6, "request %s: XML lat" % rid)
        check(bool(rj["agency_responsible"]), "request %s: no agency_responsible" % rid)

    ids = [m[0] for m in made]
    got = c.requests("json", service_request_id=",".join(ids[:3]))
    check(sorted(r["service_request_id"] for r in got) == sorted(ids[:3]), "filter service_request_id: %r" % [r["service_request_id"] for r in got])
    code0 = made[0][2]
    got = c.requests("xml", service_code=code0)
    check(len(got) >= 1 and all(r["service_code"] == code0 for r in got), "filter service_code")
    got = c.requests("json", status="open")
    check(all(r["status"] == "open" for r in got), "filter status=open")
    got = c.requests("json", status="closed")
    check(all(r["status"] == "closed" for r in got), "filter status=closed")
    now = datetime.now(timezone.utc)
    got = c.requests("json", start_date=(now - timedelta(days=1)).isoformat(), end_date=(now + timedelta(minutes=5)).isoformat())
    check(set(ids) <= {r["service_request_id"] for r in got}, "filter start_date/end_date: %d found" % len(got))
    got = c.requests("json", start_date=(now - timedelta(days=30)).isoformat(), end_date=(now - timedelta(days=20)).isoformat())
    check(got == [], "a date range in the past lists nothing: %d" % len(got))
    full = c.requests("json")
    p1, p2 = c.requests("json", page="1", page_size="2"), c.requests("json", page="2", page_size="2")
    check([r["service_request_id"] for r in p1 + p2] == [r["service_request_id"] for r in full[:4]], "paging: pages 1 and 2 are not the first four")
    check(len(full) >= len(made), "GET requests lists %d of %d" % (len(full), len(made)))

    p = fx["points"][0]
    expect_error(lambda f: c.create({"service_code": codes[0], "description": "bez miejsca"}, {}, f), 400, "POST without a location")
    expect_error(lambda f: c.create({"service_code": "no-such-service", "lat": p["lat"], "long": p["long"]}, {}, f), 400, "POST of an unknown service")
    expect_error(lambda f: c.create({"service_code": "drogi", "lat": p["lat"], "long": p["long"], "api_key": "not-a-key"}, fill(defs["drogi"]), f), 403, "POST with a bad api_key")
    expect_error(lambda f: c.create({"service_code": "drogi", "lat": p["lat"], "long": p["long"]}, {}, f), 400, "POST without a required attribute")
    expect_error(lambda f: c.definition("no-such-service", f), 404, "definition of an unknown service")
    expect_error(lambda f: c.request("999999999", f), 404, "an unknown request")
    expect_error(lambda f: c.token("0" * 32, f), 404, "an unknown token")
    expect_error(lambda f: c.requests(f, start_date="2024-01-01T00:00:00Z", end_date="2024-06-01T00:00:00Z"), 400, "a range over 90 days")
    expect_error(lambda f: Client(c.endpoint, "no-such-jurisdiction").services(f), 404, "an unknown jurisdiction_id")


def jurisdictions(c, fx):
    ids = fx["jurisdictions"]
    pts = fx["jurisdiction_points"]
    p = pts[ids[0]]
    expect_error(lambda f: c.create({"service_code": "inne", "lat": p["lat"], "long": p["long"]}, {}, f), 400, "POST without jurisdiction_id on a server of several")
    made = {}
    for j in ids:
        cj = Client(c.endpoint, j)
        p = pts[j]
        res = cj.create({"service_code": "inne", "lat": "%.8f" % p["lat"], "long": "%.8f" % p["long"], "description": "w " + j}, {}, "json")
        made[j] = res[0]["service_request_id"]
    for j in ids:
        got = Client(c.endpoint, j).requests("json")
        seen = {r["service_request_id"] for r in got}
        check(made[j] in seen, "jurisdiction %s does not list its request" % j)
        for other in ids:
            if other != j:
                check(made[other] not in seen, "jurisdiction %s lists the request of %s" % (j, other))
    expect_error(lambda f: Client(c.endpoint, "no-such-jurisdiction").requests(f), 404, "GET requests of an unknown jurisdiction")


def main():
    endpoint, fixture = sys.argv[1], sys.argv[2]
    with open(fixture, encoding="utf-8") as f:
        fx = json.load(f)
    c = Client(endpoint)
    if fx.get("jurisdictions"):
        jurisdictions(c, fx)
    else:
        general(c, fx)
    print("%d checks, %d failed" % (CHECKS, len(FAILURES)))
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
