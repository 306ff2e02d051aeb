#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Checks that a DOCX opens with its contents list ready.

usage: toccheck.py DOCX [PDF]
       toccheck.py --shown DOCX OFFICE-PDF

Reads word/document.xml and word/settings.xml (unzip, not styrdok's
code) and fails unless the contents list is there as it will show when
the file is opened: paragraphs in the TOC styles, each heading with a
hyperlink to a bookmark that exists, no TOC field around them (LibreOffice
would show a TOC field's stored pages rather than count them), no field
marked dirty, no setting that makes Word update fields on opening (and
ask first), and no note telling the reader to update the field.

With PDF (the same document as set by FOP in the same build) every entry
must also carry a PAGEREF field to its bookmark whose stored result is
the page the heading stands on in the PDF: the first page after the
contents pages that has the heading as lines of their own (pdftotext).
Without PDF the entries must carry no page number at all.

With --shown, OFFICE-PDF is the DOCX as LibreOffice opened and printed
it (soffice --convert-to pdf): its contents list must show each entry
with the page the heading has in that same print, and it says how many
of those pages the DOCX had stored (the PDF's, which Word shows).
"""
import re
import subprocess
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def text_of(el):
    return "".join(t.text or "" for t in el.iter(W + "t"))


def entries(doc):
    """(heading, anchor, page or None, pageref target) of each TOC entry."""
    out = []
    for p in doc.iter(W + "p"):
        style = p.find(f"{W}pPr/{W}pStyle")
        if style is None or not re.fullmatch(r"TOC\d", style.get(W + "val")):
            continue
        link = p.find(W + "hyperlink")
        if link is None:
            raise SystemExit(f"contents entry without a link: {text_of(p)!r}")
        runs = list(link)
        # The heading: the text before the tab; the page: the stored
        # result of the PAGEREF field after it.
        heading, page, ref, state = "", None, None, "text"
        for r in runs:
            if r.find(W + "tab") is not None:
                state = "page"
                continue
            fld = r.find(W + "fldChar")
            instr = r.find(W + "instrText")
            if fld is not None:
                kind = fld.get(W + "fldCharType")
                state = {"begin": "instr", "separate": "result",
                         "end": "done"}[kind] if state != "text" else state
                continue
            if instr is not None:
                m = re.fullmatch(r"\s*PAGEREF\s+(\S+)\s+\\h\s*", instr.text or "")
                ref = m.group(1) if m else None
                continue
            t = text_of(r)
            if state == "text":
                heading += t
            elif state == "result":
                page = (page or "") + t
        out.append((heading.strip(), link.get(W + "anchor"), page, ref))
    return out


def heads(page, heading):
    """Whether heading is a line of page, or starts one and the next
    one or two lines (a long heading wraps) complete it."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    for k, line in enumerate(lines):
        if not line or not heading.startswith(line):
            continue
        joined = line
        for nxt in lines[k + 1:k + 3]:
            if joined == heading:
                break
            joined += " " + nxt
        if joined == heading:
            return True
    return False


def heading_pages(pages, toc):
    """The page (from 1) of each heading in pages, after the contents."""
    last_toc = max((i for i, t in enumerate(pages)
                    if re.search(r"(\. ){3}.*\d\s*$|\.{4,}\s*\d+\s*$", t, re.M)),
                   default=0)
    found = []
    for heading, anchor, page, ref in toc:
        want = None
        for i in range(last_toc + 1, len(pages)):
            if heads(pages[i], heading):
                want = i + 1
                break
        found.append(want)
    return found


def shown(docx, office_pdf):
    doc = ET.fromstring(zipfile.ZipFile(docx).read("word/document.xml"))
    pages = subprocess.run(["pdftotext", "-layout", office_pdf, "-"],
                           capture_output=True, check=True
                           ).stdout.decode().split("\f")
    lines = [" ".join(line.split()) for p in pages[:4] for line in p.splitlines()]
    problems = []
    toc = entries(doc)
    stored = 0
    for (heading, anchor, page, ref), at in zip(toc, heading_pages(pages, toc)):
        pat = re.compile(re.escape(heading) + r"[\s.]+(\d+)$")
        got = [m.group(1) for m in map(pat.match, lines) if m]
        if at is None:
            problems.append(f"{heading!r} is on no page")
        elif got != [str(at)]:
            problems.append(f"{heading!r} is shown with page {got}, "
                            f"it is on page {at}")
        stored += page == str(at)
    for p in problems:
        print(f"{office_pdf}: {p}")
    print(f"{office_pdf}: {len(toc)} entries, {stored} with the page "
          "stored from the PDF")
    return 1 if problems or not toc else 0


def main():
    if sys.argv[1] == "--shown":
        return shown(sys.argv[2], sys.argv[3])
    docx = sys.argv[1]
    pdf = sys.argv[2] if len(sys.argv) > 2 else None
    z = zipfile.ZipFile(docx)
    xml = z.read("word/document.xml").decode()
    settings = z.read("word/settings.xml").decode() \
        if "word/settings.xml" in z.namelist() else ""
    doc = ET.fromstring(xml)
    problems = []
    if 'w:dirty="true"' in xml or 'w:dirty="1"' in xml:
        problems.append("a field is marked dirty: Word would ask to update it")
    if "updateFields" in settings:
        problems.append("settings.xml asks Word to update fields on opening")
    if re.search(r"[Uu]ppdatera f[äa]lt|Update [Ff]ield", xml):
        problems.append("a note tells the reader to update the field")
    if re.search(r"<w:instrText[^>]*>\s*TOC\b", xml):
        problems.append("a TOC field: LibreOffice would show its stored "
                        "pages instead of counting them")
    bookmarks = {b.get(W + "name") for b in doc.iter(W + "bookmarkStart")}
    toc = entries(doc)
    if len(toc) < 3:
        problems.append(f"{len(toc)} contents entries")
    for heading, anchor, page, ref in toc:
        if anchor not in bookmarks:
            problems.append(f"{heading!r} links to {anchor}, no such bookmark")
        if pdf is None and page is not None:
            problems.append(f"{heading!r} has page {page} with no PDF made")
        if pdf is not None and (page is None or ref != anchor):
            problems.append(f"{heading!r} has no page ({page!r}, PAGEREF {ref})")
    if pdf is not None and not problems:
        pages = subprocess.run(["pdftotext", "-layout", pdf, "-"],
                               capture_output=True, check=True
                               ).stdout.decode().split("\f")
        for (heading, anchor, page, ref), want in zip(toc, heading_pages(pages, toc)):
            if want is None:
                problems.append(f"{heading!r} is on no page of {pdf}")
            elif str(want) != page:
                problems.append(f"{heading!r}: page {page} in the DOCX, "
                                f"{want} in the PDF")
    for p in problems:
        print(f"{docx}: {p}")
    if not problems:
        print(f"{docx}: {len(toc)} entries" + (" with the PDF's pages" if pdf else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
