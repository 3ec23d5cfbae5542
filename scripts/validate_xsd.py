"""Validate an XML document against vendored OGC XML Schemas, offline.

usage: validate_xsd.py SCHEMA_DIR ENTRY.xsd ROOT DOC.xml
  SCHEMA_DIR  folder laid out as schemas/README.md describes (ogc/, w3c/)
  ENTRY.xsd   schema path relative to SCHEMA_DIR, e.g. ogc/wfs/2.0/wfs.xsd
  ROOT        expected root element as {namespace}name
Exit 0 when valid; prints the errors and exits 1 otherwise.

The document is validated against ENTRY.xsd plus every schema its
xsi:schemaLocation names (e.g. the SLD 1.1 capabilities extension that declares
sld:GetLegendGraphic); a schema it names that is not vendored is an error.

The schemas are kept byte-identical to the published ones, so their imports
still name http://schemas.opengis.net/... and http://www.w3.org/...; the
resolver below maps those URLs to the local copies. Any other remote URL is an
error (no network access is attempted).
"""
import os
import sys
from xml.sax.saxutils import quoteattr

from lxml import etree

XSI = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"


class Local(etree.Resolver):
    def __init__(self, sdir):
        super().__init__()
        ogc = os.path.join(sdir, "ogc") + "/"
        self.map = [
            ("http://schemas.opengis.net/", ogc),
            ("https://schemas.opengis.net/", ogc),
            ("http://www.w3.org/1999/xlink.xsd", os.path.join(sdir, "w3c/1999/xlink.xsd")),
            ("http://www.w3.org/2001/xml.xsd", os.path.join(sdir, "w3c/2001/xml.xsd")),
        ]

    def local(self, url):
        for prefix, local in self.map:
            if url.startswith(prefix):
                return local + url[len(prefix):] if local.endswith("/") else local
        return None

    def resolve(self, url, pubid, context):
        path = self.local(url)
        if path is None:
            if url.startswith(("http://", "https://")):
                raise etree.XMLSchemaParseError("remote schema not vendored: " + url)
            return None
        if not os.path.isfile(path):
            raise etree.XMLSchemaParseError("schema not vendored: %s (%s)" % (url, path))
        return self.resolve_filename(path, context)


def main():
    sdir, entry, root, doc = sys.argv[1:5]
    sdir = os.path.abspath(sdir)
    res = Local(sdir)
    tree = etree.parse(doc, etree.XMLParser(no_network=True, resolve_entities=False))
    ok = True
    if tree.getroot().tag != root:
        print("root element is %s, want %s" % (tree.getroot().tag, root))
        ok = False

    entry_path = os.path.join(sdir, entry)
    entry_ns = etree.parse(entry_path).getroot().get("targetNamespace")
    imports = [(entry_ns, entry_path)]
    pairs = (tree.getroot().get(XSI) or "").split()
    for ns, loc in zip(pairs[0::2], pairs[1::2]):
        if ns == entry_ns:
            continue
        path = res.local(loc)
        if path is None or not os.path.isfile(path):
            print("xsi:schemaLocation names %s for %s, which is not vendored" % (loc, ns))
            sys.exit(1)
        imports.append((ns, path))
    wrapper = '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">%s</xs:schema>' % "".join(
        "<xs:import namespace=%s schemaLocation=%s/>" % (quoteattr(ns), quoteattr(p)) for ns, p in imports)
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(res)
    schema = etree.XMLSchema(etree.fromstring(wrapper, parser, base_url=os.path.join(sdir, "wrapper.xsd")))

    if not schema.validate(tree):
        ok = False
        for e in list(schema.error_log)[:30]:
            print("line %d: %s" % (e.line, e.message))
    sys.exit(0 if ok else 1)


main()
