#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Reads the QR code of every signing sheet with an independent reader
(zbarimg, from zbar-tools) and checks it names the sheet's person and
version.

  qrcheck.py html SHEETS.html STAFF.csv VERSION
      each <svg class="code"> is taken out of the page by Python's HTML
      parser, written as an SVG file, rendered by rsvg-convert and read;
  qrcheck.py pdf SHEETS.pdf STAFF.csv VERSION
      each page is rendered by pdftoppm and read;
  qrcheck.py scan SHEETS.html N
      prints what zbarimg reads from the first N sheets' codes, one a
      line, as a USB scanner types them.

Sheet n must be the n-th person of STAFF.csv (styrdok's staff-list CSV,
';' separated, employee number in the first column) and its code must
read STYRDOK1:<id>:VERSION[-UTKAST]:<12 hex digits>:<that employee>; the
page must also show that employee's name and the code as text.
Exits 1 naming the first sheet that does not.
"""
import csv
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

CODE = re.compile(r"^STYRDOK1:([a-z][a-z0-9-]*):([0-9.]+)(-UTKAST)?:([0-9a-f]{12}):(.+)$")


class Sheets(html.parser.HTMLParser):
    """Collects each svg.code as XML text, and each sheet's text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.svgs, self.texts = [], []
        self.svg = None
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and "sheet" in (a.get("class") or "").split():
            self.texts.append("")
        if tag == "svg" and "code" in (a.get("class") or "").split():
            self.svg = []
            attrs = [(k, v) for k, v in attrs if k != "xmlns"]
            attrs.append(("xmlns", "http://www.w3.org/2000/svg"))
        if self.svg is not None:
            # As a browser does for SVG: HTML folds attribute names.
            attrs = [("viewBox" if k == "viewbox" else k, v) for k, v in attrs]
            self.svg.append("<%s%s>" % (tag, "".join(
                " %s=%s" % (k, quoteattr(v or "")) for k, v in attrs)))

    def handle_endtag(self, tag):
        if self.svg is not None:
            self.svg.append("</%s>" % tag)
            if tag == "svg":
                self.svgs.append("".join(self.svg))
                self.svg = None

    def handle_data(self, data):
        if self.svg is not None:
            self.svg.append(escape(data))
        elif self.texts:
            self.texts[-1] += data


def zbar_all(pngs):
    """What zbarimg reads in each image, in one run: a list per image."""
    out = subprocess.run(["zbarimg", "-q", "--xml"] + pngs,
                         capture_output=True, check=False).stdout
    found = {}
    ns = "{http://zbar.sourceforge.net/2008/barcode}"
    for src in ET.fromstring(out).iter(ns + "source"):
        found[src.get("href")] = [d.text for d in src.iter(ns + "data")]
    return [found.get(p, []) for p in pngs]


def check(n, codes, text, person, version):
    employee, name = person
    if len(codes) != 1:
        sys.exit("sheet %d: zbarimg read %d codes, wanted 1" % (n, len(codes)))
    m = CODE.match(codes[0])
    if not m:
        sys.exit("sheet %d: %r is not a sheet's code" % (n, codes[0]))
    if m.group(5) != employee or m.group(2) != version:
        sys.exit("sheet %d: the code %s does not name employee %s and "
                 "version %s" % (n, codes[0], employee, version))
    flat = " ".join(text.split())
    if name not in flat or employee not in flat:
        sys.exit("sheet %d: %s (%s) is not on the sheet" % (n, name, employee))
    if codes[0] not in flat.replace(" ", "").replace("\u00ad", ""):
        sys.exit("sheet %d: the code is not printed as text" % n)


def scan(path, n):
    p = Sheets()
    p.feed(open(path, encoding="utf-8").read())
    with tempfile.TemporaryDirectory() as tmp:
        pngs = []
        for i, svg in enumerate(p.svgs[:n]):
            f = os.path.join(tmp, "%d.svg" % i)
            open(f, "w", encoding="utf-8").write(svg)
            subprocess.run(["rsvg-convert", "-w", "300", "-o", f + ".png", f],
                           check=True)
            pngs.append(f + ".png")
        for found in zbar_all(pngs):
            for code in found:
                print(code)


def main():
    if sys.argv[1] == "scan":
        scan(sys.argv[2], int(sys.argv[3]))
        return
    kind, path, staff, version = sys.argv[1:5]
    rows = list(csv.reader(open(staff, encoding="utf-8-sig"), delimiter=";"))
    people = [(r[0].strip(), " ".join(r[1].split())) for r in rows[1:] if r]
    with tempfile.TemporaryDirectory() as tmp:
        if kind == "html":
            p = Sheets()
            p.feed(open(path, encoding="utf-8").read())
            if len(p.svgs) != len(people) or len(p.texts) != len(people):
                sys.exit("%d codes and %d sheets for %d people" %
                         (len(p.svgs), len(p.texts), len(people)))
            pngs = []
            for n, svg in enumerate(p.svgs, 1):
                f = os.path.join(tmp, "%d.svg" % n)
                open(f, "w", encoding="utf-8").write(svg)
                subprocess.run(["rsvg-convert", "-w", "300", "-o",
                                f + ".png", f], check=True)
                pngs.append(f + ".png")
            for n, (found, text, person) in enumerate(
                    zip(zbar_all(pngs), p.texts, people), 1):
                check(n, found, text, person, version)
        else:
            subprocess.run(["pdftoppm", "-r", "110", "-gray", path,
                            os.path.join(tmp, "p")], check=True)
            pages = sorted(x for x in os.listdir(tmp) if x.endswith(".pgm"))
            if len(pages) != len(people):
                sys.exit("%d pages for %d people" % (len(pages), len(people)))
            # pdftotext ends each page with a form feed.
            texts = subprocess.run(["pdftotext", path, "-"],
                                   capture_output=True,
                                   check=True).stdout.decode().split("\f")
            codes = zbar_all([os.path.join(tmp, x) for x in pages])
            for n, (found, text, person) in enumerate(
                    zip(codes, texts, people), 1):
                check(n, found, text, person, version)
    print("%s: %d codes read, each naming its person and version %s" %
          (path, len(people), version))


if __name__ == "__main__":
    main()
