#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Checks that a generated Markdown file means what the source says, as
read back by cmark (the reference CommonMark parser, run as a separate
program): every section title is a heading, every requirement statement
is present as text, and the heading levels follow the section nesting.

usage: mdcheck.py DOC.md SOURCE.xml
"""
import subprocess
import sys
import xml.etree.ElementTree as ET

CM = "{http://commonmark.org/xml/1.0}"
S = "{urn:styrdok:1}"


def text_of(node):
    return "".join(t.text or "" for t in node.iter(CM + "text")) + \
        "".join(c.text or "" for c in node.iter(CM + "code"))


def main():
    md, src = sys.argv[1], sys.argv[2]
    xml = subprocess.run(["cmark", "--to", "xml", md], check=True,
                         capture_output=True).stdout
    # cmark's XML names a DTD; drop the DOCTYPE line before parsing.
    xml = b"\n".join(l for l in xml.splitlines() if not l.startswith(b"<!DOCTYPE"))
    tree = ET.fromstring(xml)
    headings = [(int(h.get("level")), " ".join(text_of(h).split()))
                for h in tree.iter(CM + "heading")]
    alltext = " ".join(" ".join(text_of(p).split())
                       for p in tree.iter(CM + "paragraph"))
    doc = ET.parse(src).getroot()
    problems = []
    if not headings or headings[0] != (1, " ".join(doc.find(S + "meta/" + S + "title").text.split())):
        problems.append(f"first heading is {headings[:1]}, not the title")

    def walk(section, depth):
        title = " ".join(section.find(S + "title").text.split())
        if not any(l == depth + 1 and t.endswith(title) for l, t in headings):
            problems.append(f"no level-{depth + 1} heading for {title!r}")
        for sub in section.findall(S + "section"):
            walk(sub, depth + 1)

    for sec in doc.find(S + "body").findall(S + "section"):
        walk(sec, 1)
    for st in doc.iter(S + "statement"):
        if " ".join(st.text.split()) not in alltext:
            problems.append(f"requirement missing: {st.text[:50]!r}")
    for pr in problems:
        print(f"{md}: {pr}", file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())
