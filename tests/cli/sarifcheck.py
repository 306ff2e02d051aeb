#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""sarifcheck.py LOG.sarif TEXT.err SCHEMA: the SARIF log styrdok wrote
is valid against SCHEMA (tests/cli/sarif-2.1.0.schema.json, written from
the SARIF 2.1.0 standard; validated by python3-jsonschema), each result
points at its rule by id and index, every rule has help text, and the
results are the problems of the text format: same files (as URIs), lines,
columns, levels, messages and rules."""
import json
import re
import sys
import urllib.parse

import jsonschema

log = json.load(open(sys.argv[1], encoding="utf-8"))
schema = json.load(open(sys.argv[3], encoding="utf-8"))
jsonschema.validate(log, schema, format_checker=jsonschema.FormatChecker())
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]
for r in rules:
    assert r["help"]["text"] not in ("", r["id"]), "rule %s has no help" % r["id"]
results = run["results"]
for res in results:
    assert rules[res["ruleIndex"]]["id"] == res["ruleId"], res

text = []
for line in open(sys.argv[2], encoding="utf-8"):
    m = re.match(r"^(.+?):(\d+):(\d+): (error|warning|note): (.*) \[([a-z0-9-]+)\]$", line)
    if m:
        text.append((m[1], int(m[2]), int(m[3]), m[4], m[5], m[6]))
got = []
for res in results:
    loc = res["locations"][0]["physicalLocation"]
    uri = urllib.parse.unquote(loc["artifactLocation"]["uri"])
    got.append((uri.removeprefix("file://"), loc["region"]["startLine"],
                loc["region"].get("startColumn", 0), res["level"],
                res["message"]["text"], res["ruleId"]))
assert len(text) > 0, "no problems in the text format to compare with"
assert sorted(got) == sorted(text), "SARIF and text differ:\n%s\n%s" % (
    sorted(set(got) - set(text))[:3], sorted(set(text) - set(got))[:3])
print("%d results, %d rules: valid SARIF 2.1.0" % (len(results), len(rules)))
