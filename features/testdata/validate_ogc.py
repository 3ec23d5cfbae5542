"""Validate a JSON document against an OGC API - Features schema (YAML files).

usage: validate_ogc.py SCHEMA_DIR SCHEMA.yaml DOC.json
Exit 0 when valid; prints the errors and exits 1 otherwise.
"""
import json
import os
import sys

import jsonschema
import yaml


def fix_null(node):
    # YAML reads `type: null` as None; JSON Schema means the "null" type.
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "type":
                if v is None:
                    v = "null"
                elif isinstance(v, list):
                    v = ["null" if x is None else x for x in v]
            out[k] = fix_null(v)
        return out
    if isinstance(node, list):
        return [fix_null(x) for x in node]
    return node


def load(path):
    with open(path, encoding="utf-8") as f:
        return fix_null(yaml.safe_load(f))


def main():
    sdir, name, doc = sys.argv[1:4]
    base = "file://" + os.path.abspath(sdir) + "/"
    resolver = jsonschema.RefResolver(base + name, load(os.path.join(sdir, name)),
                                      handlers={"file": lambda uri: load(uri[len("file://"):])})
    with open(doc, encoding="utf-8") as f:
        instance = json.load(f)
    v = jsonschema.Draft7Validator(load(os.path.join(sdir, name)), resolver=resolver,
                                   format_checker=jsonschema.FormatChecker())
    errs = list(v.iter_errors(instance))
    for e in errs[:20]:
        print(list(e.absolute_path), e.message[:300])
    sys.exit(1 if errs else 0)


main()
