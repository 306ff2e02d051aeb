#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Independent checks of a generated HTML document (python's own parser,
not styrdok's code): lang="sv", exactly one h1, no skipped heading
levels, table header cells with scope, page furniture, no script, and
every section title and requirement statement of the source present.

usage: htmlcheck.py PAGE.html [SOURCE.xml]
"""
import re
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

NS = {"s": "urn:styrdok:1"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lang = None
        self.headings = []
        self.th = 0
        self.th_scoped = 0
        self.tables = 0
        self.scripts = 0
        self.handlers = []
        self.hrefs = []
        self.text = []
        self.landmarks = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th += 1
            self.th_scoped += "scope" in a
        if tag == "table":
            self.tables += 1
        if tag == "script":
            self.scripts += 1
        if tag in ("header", "nav", "main", "footer"):
            self.landmarks.add(tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.handlers.append(k)
        if "href" in a:
            self.hrefs.append(a["href"])

    def handle_data(self, data):
        self.text.append(data)


def main():
    page_path = sys.argv[1]
    p = Page()
    with open(page_path, encoding="utf-8") as f:
        p.feed(f.read())
    text = re.sub(r"\s+", " ", "".join(p.text))
    problems = []
    if p.lang != "sv":
        problems.append(f'html lang is {p.lang!r}, not "sv"')
    if p.headings.count(1) != 1:
        problems.append(f"{p.headings.count(1)} h1 elements")
    prev = 0
    for h in p.headings:
        if h > prev + 1:
            problems.append(f"heading level skips from h{prev} to h{h}")
        prev = h
    if p.tables and (p.th == 0 or p.th_scoped != p.th):
        problems.append(f"{p.th} th cells, {p.th_scoped} with scope")
    if p.scripts or p.handlers:
        problems.append("script or event handler in the page")
    for href in p.hrefs:
        if re.match(r"\s*(javascript|vbscript|data|file):", href, re.I):
            problems.append(f"unsafe link {href}")
    for lm in ("header", "main", "footer"):
        if lm not in p.landmarks:
            problems.append(f"no <{lm}> landmark")
    if len(sys.argv) > 2:
        doc = ET.parse(sys.argv[2]).getroot()
        meta = doc.find("s:meta", NS)
        version = meta.find("s:version", NS).text
        if f"Version {version} · Dokument-id" not in text:
            problems.append(f"page furniture lacks 'Version {version} · Dokument-id'")
        if meta.find("s:status", NS).text not in text.lower():
            problems.append("the status is not in the page")
        if not re.search(r"Dokument-id [0-9a-f]{12}", text):
            problems.append("no short Dokument-id in the page")
        for t in doc.iter("{urn:styrdok:1}title"):
            if " ".join(t.text.split()) not in text:
                problems.append(f"title missing: {t.text!r}")
        for st in doc.iter("{urn:styrdok:1}statement"):
            if " ".join(st.text.split()) not in text:
                problems.append(f"requirement missing: {st.text[:50]!r}")
        if "Utkast" in text and meta.find("s:status", NS).text == "utkast" \
                and "UTKAST" not in text:
            problems.append("draft without UTKAST mark")
    for pr in problems:
        print(f"{page_path}: {pr}", file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())
