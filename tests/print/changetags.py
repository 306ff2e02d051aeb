#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Checks that a redline PDF tells insertions from deletions in its tags.

usage: changetags.py PDF INSERTIONS DELETIONS

Each inserted or deleted run of a redline PDF carries labels ("[Infogat: "
... "]", "[Borttaget: " ... "]") in 0.1 pt type.  This reads the PDF with
pikepdf and fails unless every run of text in that size is tagged
content (marked with an MCID that the page's entry in the structure
tree's parent tree maps to a structure element), never an artifact or
untagged, and there are two such runs (the label before and after) for
each of the INSERTIONS + DELETIONS changes.  pdftotext (run by the
caller) checks the words of the labels; this checks that assistive
technology, which reads the structure tree, gets them too.
"""
import sys

import pikepdf

TINY = 0.5  # pt: the labels are set in 0.1 pt, body text in 8 pt and up


def parent_tree(pdf):
    """Page struct-parents key -> list of structure elements by MCID."""
    out = {}
    root = pdf.Root.get("/StructTreeRoot")
    if root is None or "/ParentTree" not in root:
        return out

    def walk(node):
        if "/Nums" in node:
            nums = node.Nums
            for i in range(0, len(nums), 2):
                out[int(nums[i])] = nums[i + 1]
        for kid in node.get("/Kids", []):
            walk(kid)

    walk(root.ParentTree)
    return out


def main():
    path, ins, dels = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    pdf = pikepdf.open(path)
    problems = []
    if not pdf.Root.get("/MarkInfo") or not pdf.Root.MarkInfo.get("/Marked"):
        problems.append("the PDF is not marked as tagged")
    parents = parent_tree(pdf)
    labels = 0
    for pno, page in enumerate(pdf.pages, 1):
        key = page.obj.get("/StructParents")
        elems = parents.get(int(key)) if key is not None else None
        stack = []  # (tag, mcid or None) of the open marked content
        size = 0.0
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op in ("BDC", "BMC"):
                mcid = None
                if op == "BDC" and isinstance(operands[1], pikepdf.Dictionary):
                    m = operands[1].get("/MCID")
                    mcid = int(m) if m is not None else None
                stack.append((str(operands[0]), mcid))
            elif op == "EMC":
                if stack:
                    stack.pop()
            elif op == "Tf":
                size = float(operands[1])
            elif op in ("Tj", "TJ", "'", '"') and size < TINY:
                labels += 1
                tagged = [m for t, m in stack if m is not None]
                artifact = any(t == "/Artifact" for t, _ in stack)
                if artifact or not tagged:
                    problems.append(f"page {pno}: a change label is "
                                    "not tagged content")
                    continue
                mcid = tagged[-1]
                elem = None
                if elems is not None and mcid < len(elems):
                    elem = elems[mcid]
                if not isinstance(elem, pikepdf.Dictionary) or "/S" not in elem:
                    problems.append(f"page {pno}: the change label of "
                                    f"MCID {mcid} is not in the structure tree")
    if labels != 2 * (ins + dels):
        problems.append(f"{labels} runs of label text, expected "
                        f"{2 * (ins + dels)} (two for each of {ins} "
                        f"insertions and {dels} deletions)")
    for p in problems:
        print(f"{path}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
