#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Writes the seed corpora of the fuzz targets into DIR/<target>/ from the
regression inputs and the bundled sources: whole source files (document),
the Markdown of every <prose> (markdown), staff lists (staff) and pairs
of documents separated by a "====" line (diff)."""
import glob
import os
import sys
import xml.etree.ElementTree as ET

out = sys.argv[1]
NS = "{urn:styrdok:1}"


def put(target, name, data):
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def read(path):
    with open(path, "rb") as f:
        return f.read()


sources = sorted(glob.glob("policies/**/*.xml", recursive=True)
                 + glob.glob("tests/regress/**/*.xml", recursive=True))
sources = [s for s in sources if "/adopted/" not in s]
for i, path in enumerate(sources):
    data = read(path)
    if len(data) <= 65536:
        put("document", "%03d.xml" % i, data)
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        continue
    for j, prose in enumerate(root.iter(NS + "prose")):
        text = "".join(prose.itertext()).encode()
        if 0 < len(text) <= 65536:
            put("markdown", "%03d-%03d.md" % (i, j), text)

csvs = sorted(glob.glob("policies/**/*.csv", recursive=True)
              + glob.glob("tests/**/*.csv", recursive=True))
for i, path in enumerate(csvs):
    put("staff", "%03d.csv" % i, b"\0" + read(path))
put("staff", "cp1252.csv", b"\1Namn;Enhet\nR\xe4ksm\xf6rg\xe5s;IT\n")

base = "tests/regress/diff/base.xml"
for i, path in enumerate(sorted(glob.glob("tests/regress/diff/*.xml"))):
    put("diff", "%03d.pair" % i, read(base) + b"\n====\n" + read(path))
