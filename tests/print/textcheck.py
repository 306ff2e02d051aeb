#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Checks a PDF, DOCX or ODT of a document against its source, read back
by programs other than styrdok: pdftotext for PDF, pandoc for DOCX and
ODT.  The title and every requirement statement must be there as text;
in DOCX and ODT every section title must be a real heading (pandoc
only makes a Header of a paragraph with a heading style), a subsection's
heading deeper than its section's.

usage: textcheck.py pdf|docx|odt FILE SOURCE.xml
"""
import json
import subprocess
import sys
import xml.etree.ElementTree as ET

S = "{urn:styrdok:1}"


def norm(s):
    return " ".join(s.replace("\u00ad", "").split())


def inline_text(inlines):
    out = []
    for i in inlines:
        t, c = i["t"], i.get("c")
        if t == "Str":
            out.append(c)
        elif t in ("Space", "SoftBreak", "LineBreak"):
            out.append(" ")
        elif t == "Code":
            out.append(c[1])
        elif t in ("Emph", "Strong", "Underline", "Strikeout", "SmallCaps",
                   "Superscript", "Subscript"):
            out.append(inline_text(c))
        elif t in ("Link", "Image", "Span"):
            out.append(inline_text(c[1]))
        elif t == "Quoted":
            out.append('"' + inline_text(c[1]) + '"')
    return "".join(out)


def walk_blocks(blocks, headers, texts):
    for b in blocks:
        t, c = b["t"], b.get("c")
        if t == "Header":
            headers.append((c[0], norm(inline_text(c[2]))))
            texts.append(inline_text(c[2]))
        elif t in ("Para", "Plain"):
            texts.append(inline_text(c))
        elif t in ("BlockQuote",):
            walk_blocks(c, headers, texts)
        elif t in ("BulletList",):
            for item in c:
                walk_blocks(item, headers, texts)
        elif t == "OrderedList":
            for item in c[1]:
                walk_blocks(item, headers, texts)
        elif t == "Div":
            walk_blocks(c[1], headers, texts)
        elif t == "Table":
            # [attr, caption, colspecs, head, bodies, foot]
            def cells(rows):
                for row in rows:
                    for cell in row[1]:
                        walk_blocks(cell[4], headers, texts)
            cells(c[3][1])
            for body in c[4]:
                cells(body[2])
                cells(body[3])
            cells(c[5][1])


def main():
    kind, path, src = sys.argv[1:4]
    doc = ET.parse(src).getroot()
    title = norm(doc.find(S + "meta/" + S + "title").text)
    problems = []
    headers = []
    if kind == "pdf":
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"],
                              check=True, capture_output=True).stdout.decode()
        alltext = norm(text)
    else:
        ast = json.loads(subprocess.run(
            ["pandoc", "-f", kind, "-t", "json", "--track-changes=accept",
             path], check=True, capture_output=True).stdout)
        texts = []
        walk_blocks(ast["blocks"], headers, texts)
        meta_title = ast.get("meta", {}).get("title")
        if meta_title:
            texts.append(inline_text(meta_title["c"]))
        alltext = norm(" ".join(texts))
    if title not in alltext:
        problems.append(f"title {title!r} missing")

    def walk(section, parent_level):
        name = norm(section.find(S + "title").text)
        if kind == "pdf":
            if name not in alltext:
                problems.append(f"section title {name!r} missing")
            level = 0
        else:
            levels = [l for l, t in headers if t.endswith(name)]
            if not levels:
                problems.append(f"section title {name!r} is not a heading")
                return
            level = min(levels)
            if level <= parent_level:
                problems.append(f"heading {name!r} at level {level}, not "
                                f"deeper than its section ({parent_level})")
        for sub in section.findall(S + "section"):
            walk(sub, level)

    for sec in doc.find(S + "body").findall(S + "section"):
        walk(sec, 0)
    # pdftotext joins a word broken at a line end and drops its hyphen,
    # also the hyphen of a compound such as e-post that FOP broke there,
    # and the space after a hyphen that ends a line ("risk- och").
    loose = alltext.replace("-", "") if kind == "pdf" else alltext
    for st in doc.iter(S + "statement"):
        want = norm("".join(st.itertext()))
        if want not in alltext and (kind != "pdf" or (
                want.replace("-", "") not in loose and
                want.replace("- ", "").replace("-", "") not in loose)):
            problems.append(f"requirement missing: {want[:60]!r}")
    for pr in problems:
        print(f"{path}: {pr}", file=sys.stderr)
    return 1 if problems else 0


sys.exit(main())
