# SPDX-License-Identifier: ISC
"""No page of a document's PDF ends with a heading: the last line of
text above the footer of each page (but the last) is not the title of
a section ("3 Lagar och andra krav") nor another heading of the
document.  Read with pdftotext, page by page.
Usage: orphans.py FILE.pdf SOURCE.xml"""
import subprocess
import sys
import xml.etree.ElementTree as ET

S = '{urn:styrdok:1}'


def headings(source):
    out = {'Dokumentinformation', 'Innehåll', 'Roller i dokumentet', 'Versionshistorik'}
    root = ET.parse(source).getroot()

    def walk(node, prefix):
        n = 0
        for sec in node.findall(S + 'section'):
            n += 1
            num = f'{prefix}{n}'
            title = ' '.join(''.join(sec.find(S + 'title').itertext()).split())
            out.add(title)
            out.add(f'{num} {title}')
            walk(sec, num + '.')
    walk(root.find(S + 'body'), '')
    return out


def main():
    pdf, source = sys.argv[1], sys.argv[2]
    heads = headings(source)
    pages = int(next(line.split()[1] for line in subprocess.run(
        ['pdfinfo', pdf], capture_output=True, text=True, check=True).stdout.splitlines()
        if line.startswith('Pages:')))
    bad = []
    for i in range(1, pages):
        text = subprocess.run(['pdftotext', '-f', str(i), '-l', str(i), pdf, '-'],
                              capture_output=True, text=True, check=True).stdout
        lines = [' '.join(l.split()) for l in text.splitlines() if l.strip()]
        body = [l for l in lines if not l.startswith('Sida ') and 'Dokument-id' not in l]
        if body and body[-1] in heads:
            bad.append(f'page {i} ends with the heading "{body[-1]}"')
    for b in bad:
        print(f'{pdf}: {b}')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
