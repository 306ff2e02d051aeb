# SPDX-License-Identifier: ISC
"""PDF/UA-1 and PDF/A-2a checks that no packaged validator makes, read
with pikepdf (python3-pikepdf): the XMP identifies both standards and
gives dc:title and dc:description as language alternatives and
dc:creator as an ordered list; the viewer shows the document title;
the structure tree starts at H1; every link annotation is in the
structure tree (StructParent) under a Link element and carries its
description as /Contents (PDF/UA-1 7.18.5), the same text as the
element's /Alt where it has one; and every painted path and
text run is marked content: text tagged, rules, borders and cell
backgrounds either tagged as part of a figure or marked /Artifact.
Usage: uacheck.py FILE.pdf...; prints what fails and exits 1."""
import sys
import xml.etree.ElementTree as ET

import pikepdf

RDF = '{http://www.w3.org/1999/02/22-rdf-syntax-ns#}'
DC = '{http://purl.org/dc/elements/1.1/}'
XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
PAINT = {'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*'}
TEXT = {'Tj', 'TJ', "'", '"'}
OPS = ' '.join(['BMC', 'BDC', 'EMC'] + sorted(PAINT | TEXT))


def xmp_problems(pdf):
    out = []
    raw = bytes(pdf.Root.Metadata.read_bytes())
    root = ET.fromstring(raw[raw.index(b'<x:xmpmeta'):raw.rindex(b'</x:xmpmeta>') + 12])
    text = raw.decode('utf-8', 'replace')
    if 'pdfuaid:part>1<' not in text and 'pdfuaid:part="1"' not in text:
        out.append('XMP has no pdfuaid:part 1')
    if 'pdfaid:part>2<' not in text or 'pdfaid:conformance>A<' not in text:
        out.append('XMP has no PDF/A-2a identification')
    for name, kind in (('title', 'Alt'), ('description', 'Alt'), ('creator', 'Seq')):
        el = root.find('.//' + DC + name)
        if el is None:
            out.append(f'XMP has no dc:{name}')
            continue
        box = el.find(RDF + kind)
        lis = box.findall(RDF + 'li') if box is not None else []
        if not lis or not (lis[0].text or '').strip():
            out.append(f'XMP dc:{name} is not an rdf:{kind} with a value')
        elif kind == 'Alt' and lis[0].get(XML_LANG) != 'x-default':
            out.append(f'XMP dc:{name} has no x-default entry')
    return out


def elements(node, out):
    """Structure elements in document order."""
    if isinstance(node, pikepdf.Array):
        for k in node:
            elements(k, out)
    elif isinstance(node, pikepdf.Dictionary) and '/S' in node:
        out.append(node)
        if '/K' in node:
            elements(node.K, out)


def parent_tree(node, out):
    if '/Nums' in node:
        nums = node.Nums
        for i in range(0, len(nums), 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in node.get('/Kids', []):
        parent_tree(kid, out)


def content_problems(pdf):
    out = []
    for n, page in enumerate(pdf.pages, 1):
        stack = []
        bad = set()
        for operands, op in pikepdf.parse_content_stream(page, OPS):
            op = str(op)
            if op in ('BMC', 'BDC'):
                stack.append(str(operands[0]))
            elif op == 'EMC':
                if stack:
                    stack.pop()
            elif op in PAINT or op in TEXT:
                if not stack:
                    bad.add(f'{op} outside marked content')
        for b in sorted(bad):
            out.append(f'page {n}: {b}')
    return out


def problems(path):
    pdf = pikepdf.open(path)
    out = xmp_problems(pdf)
    vp = pdf.Root.get('/ViewerPreferences')
    if vp is None or not bool(vp.get('/DisplayDocTitle', False)):
        out.append('no ViewerPreferences /DisplayDocTitle true')
    if not bool(pdf.Root.get('/MarkInfo', {}).get('/Marked', False)):
        out.append('not marked as tagged (/MarkInfo /Marked)')
    if '/Lang' not in pdf.Root:
        out.append('no /Lang')
    out += content_problems(pdf)
    tree = pdf.Root.get('/StructTreeRoot')
    if tree is None:
        return out + ['no structure tree']
    els = []
    elements(tree.K, els)
    heads = [str(e.S) for e in els if str(e.S) in ('/H1', '/H2', '/H3', '/H4', '/H5', '/H6')]
    if not heads or heads[0] != '/H1':
        out.append(f'the first heading is {heads[0] if heads else "missing"}, not H1')
    parents = {}
    parent_tree(tree.ParentTree, parents)
    for n, page in enumerate(pdf.pages, 1):
        for a in page.obj.get('/Annots', []):
            if a.get('/Subtype') != '/Link':
                continue
            sp = a.get('/StructParent')
            se = parents.get(int(sp)) if sp is not None else None
            if se is None:
                out.append(f'page {n}: a link annotation outside the structure tree')
            elif str(se.get('/S')) != '/Link':
                out.append(f'page {n}: a link annotation under {se.get("/S")}, not Link')
            elif not str(a.get('/Contents', '')).strip():
                out.append(f'page {n}: a link annotation without a description (/Contents)')
            elif '/Alt' in se and str(se.Alt) != str(a.Contents):
                out.append(f'page {n}: a link described as {str(a.Contents)!r}, '
                           f'its Link element as {str(se.Alt)!r}')
    return out


def main():
    failed = False
    for path in sys.argv[1:]:
        for p in problems(path)[:20]:
            print(f'{path}: {p}')
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
