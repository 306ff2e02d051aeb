#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Accepts every tracked change of a DOCX or ODT, as Word and LibreOffice do.

usage: accept.py docx|odt IN OUT
       accept.py --compare docx|odt REDLINE OWN


Writes OUT, a copy of IN with each tracked change applied: in a DOCX
(word/document.xml) deleted runs (w:del, w:delText), deleted table rows
and paragraphs whose content and mark are deleted go, a paragraph whose
mark alone is deleted joins the next one, inserted runs (w:ins) are
unwrapped and the marks of tracked paragraph marks and property changes
dropped; in an ODT (content.xml) each text:change that stands for a
deletion goes with its changed region, the insertion marks
(text:change-start, text:change-end) go and so does
text:tracked-changes.  The caller reads OUT with pandoc.  Written
independently of styrdok's stylesheets: it knows the formats, not how
styrdok writes them.

With --compare it accepts the changes of REDLINE and compares pandoc's
plain text of the result with that of OWN, the new version's own
document: they must be the same but for the redline's summary of the
changes (from its heading "Ändringar" on, one block of lines) and the
line "Framställd DATE med styrdok." that only a build writes, and leave
no more empty paragraphs than it has (pandoc shows none of them).
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"


def q(ns, name):
    return f"{{{ns}}}{name}"


def keep_prefixes(data):
    """Registers the document's own prefixes so the output keeps them."""
    for prefix, uri in re.findall(rb'xmlns:([A-Za-z0-9_.-]+)="([^"]*)"', data):
        try:
            ET.register_namespace(prefix.decode(), uri.decode())
        except ValueError:
            pass


def parents(root):
    return {c: p for p in root.iter() for c in p}


def has_text(el):
    return any(t.text for t in el.iter(q(W, "t")))


def accept_docx(data):
    keep_prefixes(data)
    root = ET.fromstring(data)
    up = parents(root)
    # Deleted table rows go whole.
    for tr in list(root.iter(q(W, "tr"))):
        pr = tr.find(q(W, "trPr"))
        if pr is not None and pr.find(q(W, "del")) is not None:
            up[tr].remove(tr)
    up = parents(root)
    # Deleted runs go; inserted runs stay, unwrapped.
    for el in list(root.iter()):
        if el.tag == q(W, "del") and up.get(el) is not None and \
                up[el].tag not in (q(W, "rPr"), q(W, "trPr")):
            up[el].remove(el)
    up = parents(root)
    for el in list(root.iter(q(W, "ins"))):
        p = up.get(el)
        if p is None or p.tag in (q(W, "rPr"), q(W, "trPr")):
            continue
        i = list(p).index(el)
        p.remove(el)
        for k, child in enumerate(list(el)):
            p.insert(i + k, child)
    # Paragraphs whose mark is deleted join the next paragraph: what
    # is left of them goes in front of its runs (nothing, usually).
    up = parents(root)
    for par in list(root.iter(q(W, "p"))):
        ppr = par.find(q(W, "pPr"))
        rpr = ppr.find(q(W, "rPr")) if ppr is not None else None
        if rpr is None or rpr.find(q(W, "del")) is None:
            continue
        parent = up[par]
        siblings = list(parent)
        i = siblings.index(par)
        nxt = next((s for s in siblings[i + 1:] if s.tag == q(W, "p")), None)
        content = [c for c in par if c.tag != q(W, "pPr")]
        if nxt is not None and any(has_text(c) for c in content):
            at = 1 if nxt.find(q(W, "pPr")) is not None else 0
            for k, c in enumerate(content):
                nxt.insert(at + k, c)
        parent.remove(par)
    # The marks that remain (inserted paragraph marks, property changes).
    up = parents(root)
    for el in list(root.iter()):
        if el.tag in (q(W, "ins"), q(W, "del"), q(W, "rPrChange"),
                      q(W, "pPrChange"), q(W, "trPrChange"),
                      q(W, "tblPrChange"), q(W, "tcPrChange"),
                      q(W, "sectPrChange")):
            p = up.get(el)
            if p is not None:
                p.remove(el)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def accept_odt(data):
    keep_prefixes(data)
    root = ET.fromstring(data)
    deletions = set()
    for region in root.iter(q(TEXT, "changed-region")):
        if region.find(q(TEXT, "deletion")) is not None:
            rid = region.get(q(TEXT, "id")) or \
                region.get("{http://www.w3.org/XML/1998/namespace}id")
            deletions.add(rid)
    up = parents(root)
    for el in list(root.iter()):
        drop = el.tag in (q(TEXT, "tracked-changes"),
                          q(TEXT, "change-start"), q(TEXT, "change-end")) or \
            (el.tag == q(TEXT, "change") and
             el.get(q(TEXT, "change-id")) in deletions)
        if el.tag == q(TEXT, "change") and not drop:
            raise SystemExit(f"text:change {el.get(q(TEXT, 'change-id'))} "
                             "has no deletion")
        if drop and up.get(el) is not None:
            p = up[el]
            # Keep the text that follows the mark in the same element.
            i = list(p).index(el)
            if el.tail:
                if i > 0:
                    prev = p[i - 1]
                    prev.tail = (prev.tail or "") + el.tail
                else:
                    p.text = (p.text or "") + el.tail
            p.remove(el)
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def accept(kind, src, dst):
    part = {"docx": "word/document.xml", "odt": "content.xml"}[kind]
    fix = accept_docx if kind == "docx" else accept_odt
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = fix(data)
            zout.writestr(info, data)


def plain(kind, path):
    out = subprocess.run(["pandoc", "-f", kind, "-t", "plain",
                          "--wrap=none", path], capture_output=True,
                         check=True).stdout.decode()
    return [line for line in out.splitlines()
            if not re.fullmatch(r"Framställd \S+ med styrdok\.", line)]


def empty_paragraphs(kind, path):
    """Paragraphs with no text in the body: pandoc leaves them out, a
    reader sees an empty line."""
    part = {"docx": "word/document.xml", "odt": "content.xml"}[kind]
    root = ET.fromstring(zipfile.ZipFile(path).read(part))
    if kind == "docx":
        paras = list(root.iter(q(W, "p")))
        return sum(1 for p in paras if not "".join(
            t.text or "" for t in p.iter(q(W, "t"))).strip())
    n = 0
    for p in root.iter():
        if p.tag in (q(TEXT, "p"), q(TEXT, "h")) and \
                not "".join(p.itertext()).strip():
            n += 1
    # Those inside the deletions' regions are not in the text.
    for region in root.iter(q(TEXT, "tracked-changes")):
        n -= sum(1 for p in region.iter()
                 if p.tag in (q(TEXT, "p"), q(TEXT, "h"))
                 and not "".join(p.itertext()).strip())
    return n


def compare(kind, redline, own):
    with tempfile.TemporaryDirectory() as tmp:
        accepted = os.path.join(tmp, "accepted." + kind)
        accept(kind, redline, accepted)
        a = plain(kind, accepted)
        empty = empty_paragraphs(kind, accepted)
    o = plain(kind, own)
    if empty > empty_paragraphs(kind, own):
        print(f"{redline}: {empty} empty paragraphs left after accepting, "
              f"{empty_paragraphs(kind, own)} in {own}")
        return 1
    # The summary: lines a[i:j], up to the line the own document has
    # where the summary starts; a[:i] + a[j:] must be o.
    i = next((k for k, line in enumerate(a) if line == "Ändringar"), None)
    if i is not None:
        j = next((k for k in range(i + 1, len(a))
                  if i < len(o) and a[k] == o[i]), len(a))
        a = a[:i] + a[j:]
    if a == o:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        [line + "\n" for line in o], [line + "\n" for line in a],
        own, redline + " (changes accepted, summary left out)"))
    return 1


def main():
    if sys.argv[1] == "--compare":
        return compare(*sys.argv[2:5])
    accept(*sys.argv[1:4])
    return 0


if __name__ == "__main__":
    sys.exit(main())
