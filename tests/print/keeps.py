#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""What must stay on one page of a PDF, read with pdftotext page by page.

usage: keeps.py signature PACKET.pdf NAME
       keeps.py matrix RISKS.pdf

signature: the line with the officer's NAME (the tjänsteskrivelse's
signature) stands on a page with at least three lines of the text it
signs above it, under the running header: never a page holding only
the signature.

matrix: each risk analysis's lines ("Deltagare: ...") stand on the page
of its matrix, and each matrix ("Riskmatris: ...", then its rows down to
the lowest consequence, "1. ...") is whole on one page.
"""
import re
import subprocess
import sys


def pages(pdf):
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"],
                          capture_output=True, check=True).stdout.decode()
    return [[" ".join(l.split()) for l in p.splitlines() if l.strip()]
            for p in text.split("\f")]


def signature(pdf, name):
    problems, found = [], 0
    for n, lines in enumerate(pages(pdf), 1):
        for k, line in enumerate(lines):
            if line == name:
                found += 1
                # Lines above it, less the running header (two lines).
                if k - 2 < 3:
                    problems.append(f"page {n}: the signature {name!r} has "
                                    f"{max(k - 2, 0)} lines of text above it")
    if not found:
        problems.append(f"no line {name!r}")
    return problems


def matrix(pdf):
    problems, count = [], 0
    for n, lines in enumerate(pages(pdf), 1):
        waiting = None
        for k, line in enumerate(lines):
            if line.startswith("Deltagare:"):
                waiting = k
            elif line.startswith("Riskmatris:"):
                count += 1
                if waiting is None:
                    problems.append(f"page {n}: a matrix without its analysis's "
                                    "lines above it on the page")
                waiting = None
                rest = lines[k + 1:]
                if not any(re.match(r"1\. ", l) for l in rest):
                    problems.append(f"page {n}: the matrix goes on to the next page")
        if waiting is not None:
            problems.append(f"page {n}: an analysis's lines without its matrix")
    if not count:
        problems.append("no risk matrix")
    return problems


def main():
    kind, pdf = sys.argv[1], sys.argv[2]
    problems = signature(pdf, sys.argv[3]) if kind == "signature" else matrix(pdf)
    for p in problems:
        print(f"{pdf}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
