#!/bin/sh
# SPDX-License-Identifier: ISC
# Print and office formats, read back by independent programs: pdftotext,
# pdffonts, pdfinfo and pdftohtml (poppler) for PDF; pandoc, unzip and
# jing (with the ODF schemas, when present) for DOCX and ODT.  The PDF
# checks are skipped, with a message, when Apache FOP is not installed.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
docs="informationssakerhetspolicy instruktion-anvandare instruktion-forvaltning instruktion-kontinuitet-drift"

doc_file() { ls "$P/output/$1"/*/"$1.$2" 2>/dev/null | head -1; }

P="$scratch/p"
mkdir -p "$P"
cp -R "$top/policies" "$P/"
rm -rf "$P/output"
have_fop=1
command -v fop >/dev/null 2>&1 || have_fop=0
[ -n "${STYRDOK_FOP-x}" ] || have_fop=0
[ "$have_fop" = 1 ] || echo "print: PDF checks skipped: Apache FOP is not installed (apt-get install fop)"

check "build (all formats) exits 0" styrdok -C "$P" build
cp "$scratch/cout" "$scratch/build.log"
check "every gap the sources can make has a Swedish reader text using only its facts" \
    python3 "$here/gaptexts.py" "$top/src" "$top/templates/profile.xml"

# --- DOCX and ODT ----------------------------------------------------------
for d in $docs; do
	for k in docx odt; do
		f=$(doc_file "$d" "$k")
		check "$d.$k: unzip -t passes" unzip -tq "$f"
		check "$d.$k: pandoc reads the title, every section as a heading and every requirement" \
		    python3 "$here/textcheck.py" "$k" "$f" "$P/policies/documents/$d.xml"
	done
	f=$(doc_file "$d" odt)
	check "$d.odt: mimetype is the first entry, stored" sh -c \
	    "zipinfo -1 '$f' | head -1 | grep -qx mimetype && zipinfo -v '$f' mimetype | grep -q 'compression method:.*none (stored)' && unzip -p '$f' mimetype | grep -qx application/vnd.oasis.opendocument.text"
	f=$(doc_file "$d" docx)
	check "$d.docx: headings use the Heading styles Word's navigation pane reads" sh -c \
	    "unzip -p '$f' word/styles.xml | grep -q 'w:styleId=\"Heading1\"' && unzip -p '$f' word/document.xml | grep -q '<w:pStyle w:val=\"Heading1\"/>'"
	check "$d.docx: document properties name the title and the organisation" sh -c \
	    "unzip -p '$f' docProps/core.xml | grep -q 'Lessebo kommun'"
done
styrdok -C "$P" build --force -f docx,odt -o again >/dev/null 2>&1
# The DOCX of a build with a PDF names the PDF's pages; one without has
# none: compared with a second build without PDF.
styrdok -C "$P" build --force -f docx -o again2 >/dev/null 2>&1
for d in $docs; do
	check "$d.odt: two builds are byte-identical" cmp "$(doc_file "$d" odt)" \
	    "$(ls "$P/again/$d"/*/"$d.odt")"
	check "$d.docx: two builds are byte-identical" cmp "$(ls "$P/again2/$d"/*/"$d.docx")" \
	    "$(ls "$P/again/$d"/*/"$d.docx")"
	check "$d.docx (built without PDF): the contents list is there, without page numbers, nothing to update" \
	    python3 "$here/toccheck.py" "$(ls "$P/again/$d"/*/"$d.docx")"
done
schemas=$(cd "$top/.." && pwd)/shared/schemas/odf-1.3
if command -v jing >/dev/null 2>&1 && [ -f "$schemas/OpenDocument-v1.3-schema.rng" ]; then
	f=$(doc_file informationssakerhetspolicy odt)
	mkdir -p "$scratch/odt" && (cd "$scratch/odt" && unzip -oq "$f")
	for part in content.xml styles.xml meta.xml; do
		check "odt $part is valid ODF 1.3 (jing)" jing -i "$schemas/OpenDocument-v1.3-schema.rng" "$scratch/odt/$part"
	done
	check "odt manifest is valid ODF 1.3 (jing)" jing -i "$schemas/OpenDocument-v1.3-manifest-schema.rng" "$scratch/odt/META-INF/manifest.xml"
else
	echo "print: ODF schema validation skipped: jing or the ODF 1.3 schemas are not here"
fi

# --- the redline as tracked changes ---------------------------------------
# Each case of tests/regress/diff as DOCX and ODT, made in a project whose
# source is the case's new version: accepting every change (accept.py,
# which applies them itself as Word and LibreOffice do) gives the text of
# the new version's own DOCX and ODT from `build`, but for the summary of
# the changes; rejecting every change in DOCX (pandoc) gives the old text;
# the ODT is valid ODF with its changed regions.  The cases cover added,
# removed, moved and changed blocks, words inside text, list items and the
# tables (dokumentinformation, roles).
D="$top/tests/regress/diff"
# body FILE: the document's sections, one line per paragraph, from
# pandoc's plain text of a DOCX: from the second line starting "1 " (the
# first is in the contents list) to the roles.  An empty numbered item is
# left out: pandoc keeps a list paragraph whose inserted paragraph mark
# it rejected, where Word removes it.
body() {
	awk '/^1 / { n++ } n == 2 && /^Roller i dokumentet$/ { exit }
	    n == 2 && NF && !/^ *[0-9]+\. *$/' "$1"
}
# own DIR CASE: a project in DIR whose document testpolicy is CASE.
own() {
	mkdir -p "$1/policies/documents"
	cp "$top/tests/regress/organisation.xml" "$1/policies/"
	cp "$D/$2.xml" "$1/policies/documents/testpolicy.xml"
}
own "$scratch/own-base" base
styrdok -C "$scratch/own-base" diff -f docx -o "$scratch/same-base.docx" testpolicy testpolicy >/dev/null 2>&1
pandoc -f docx -t plain --wrap=none "$scratch/same-base.docx" 2>/dev/null >"$scratch/same-base.txt"
body "$scratch/same-base.txt" >"$scratch/base-body.txt"
for c in added deleted inline moved prose reworded role metadata boundaries; do
	O="$scratch/own-$c"
	own "$O" "$c"
	styrdok -C "$O" build -f docx,odt >/dev/null 2>&1
	for f in docx odt; do
		styrdok -C "$O" diff -f $f -o "$scratch/red-$c.$f" "$D/base.xml" testpolicy >/dev/null 2>&1
		check "diff -f $f ($c): accepting every change gives the new version's own $f" \
		    python3 "$here/accept.py" --compare $f "$scratch/red-$c.$f" "$(ls "$O"/output/testpolicy/*/testpolicy.$f)"
	done
	pandoc -f docx --track-changes=reject -t plain --wrap=none "$scratch/red-$c.docx" 2>/dev/null >"$scratch/rej.txt"
	body "$scratch/rej.txt" >"$scratch/rej-body.txt"
	# A move leaves only a note at its old place: rejecting it cannot
	# put the text back there.
	[ "$c" = moved ] || check "diff -f docx ($c): rejecting all changes gives the old text" \
	    diff "$scratch/rej-body.txt" "$scratch/base-body.txt"
	mkdir -p "$scratch/redodt-$c" && (cd "$scratch/redodt-$c" && unzip -oq "$scratch/red-$c.odt")
done
# Every case's ODT in one run of jing (a JVM each would cost a second).
if command -v jing >/dev/null 2>&1 && [ -f "$schemas/OpenDocument-v1.3-schema.rng" ]; then
	check "diff -f odt of every case is valid ODF 1.3 (jing)" jing -i "$schemas/OpenDocument-v1.3-schema.rng" \
	    "$scratch"/redodt-*/content.xml "$scratch"/redodt-*/styles.xml "$scratch"/redodt-*/meta.xml
fi
check "accept.py finds a change left out: the redline of one case is not another's text" sh -c \
    "! python3 '$here/accept.py' --compare docx '$scratch/red-inline.docx' '$(ls "$scratch"/own-prose/output/testpolicy/*/testpolicy.docx)' >/dev/null"
check "diff -f odt: changes are authored by the document's owner, not the program" sh -c \
    "unzip -p '$scratch/red-role.odt' content.xml | grep -q '<dc:creator>IT-chef</dc:creator>' && ! unzip -p '$scratch/red-role.odt' content.xml | grep -q '<dc:creator>styrdok</dc:creator>'"
check "diff -f docx: changes are authored by the document's owner, not the program" sh -c \
    "unzip -p '$scratch/red-role.docx' word/document.xml | grep -q 'w:author=\"IT-chef\"' && ! unzip -p '$scratch/red-role.docx' word/document.xml | grep -q 'w:author=\"styrdok\"'"
check "diff -f odt: a removed block's text is in its changed region, not the body" sh -c \
    "unzip -p '$scratch/red-deleted.odt' content.xml | grep -q '<text:deletion>.*Systemägaren ska klassa systemet'"

# --- PDF ------------------------------------------------------------------
if [ "$have_fop" = 1 ]; then
	# Clean pages: FOP reports text wider than its cell or page, and
	# content taller than the page, as warnings.
	check "the build's PDFs have no FOP warning (nothing overflows a cell, a margin or a page)" sh -c \
	    "! grep -F '[fop]' '$scratch/build.log'"
	for d in $docs; do
		f=$(doc_file "$d" pdf)
		check "$d.pdf: pdftotext finds the title, every section title and every requirement" \
		    python3 "$here/textcheck.py" pdf "$f" "$P/policies/documents/$d.xml"
		check "$d.pdf: pdffonts shows every font embedded" sh -c \
		    "pdffonts '$f' | tail -n +3 | grep -q . && ! pdffonts '$f' | tail -n +3 | awk '{print \$(NF-4)}' | grep -qv yes"
		title=$(python3 -c "import sys,xml.etree.ElementTree as E; print(' '.join(E.parse(sys.argv[1]).getroot().find('{urn:styrdok:1}meta/{urn:styrdok:1}title').text.split()))" "$P/policies/documents/$d.xml")
		pdfinfo "$f" >"$scratch/info" 2>&1
		check "$d.pdf: pdfinfo shows the title, A4, tagged, the organisation as author" sh -c \
		    "grep -q '^Title: *$title\$' '$scratch/info' && grep -q '^Tagged: *yes' '$scratch/info' && grep -q '(A4)' '$scratch/info' && grep -q '^Author: *Lessebo kommun' '$scratch/info'"
		check "$d.pdf: the XMP metadata claims PDF/A-2a" sh -c \
		    "pdfinfo -meta '$f' | tr -d '\n ' | grep -Eq 'pdfaid:part(>|=\")2' && pdfinfo -meta '$f' | tr -d '\n ' | grep -Eq 'pdfaid:conformance(>|=\")A'"
		pages=$(sed -n 's/^Pages: *//p' "$scratch/info")
		version=$(ls "$P/output/$d")
		docid=$(sed -n 's/.*<meta name="styrdok:sha256" content="\([0-9a-f]\{12\}\).*/\1/p' "$(doc_file "$d" html)")
		check "$d.pdf: every one of its $pages pages says Sida n ($pages), the version and Dokument-id $docid, and no page shows the file id" python3 -c "
import subprocess, sys
f, pages, doc, version, docid = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
for i in range(1, pages + 1):
    text = ' '.join(subprocess.run(['pdftotext', '-f', str(i), '-l', str(i), f, '-'],
                                   capture_output=True, check=True).stdout.decode().split())
    if f'Sida {i} ({pages})' not in text:
        sys.exit(f'page {i}: no Sida {i} ({pages})')
    if f'version {version}' not in text or f'Dokument-id {docid}' not in text:
        sys.exit(f'page {i}: no version {version} and Dokument-id {docid}')
    if doc in text:
        sys.exit(f'page {i}: shows the file id {doc}')
" "$f" "$pages" "$d" "$version" "$docid"
		check "$d.pdf: no page but the last ends with a heading" \
		    python3 "$here/orphans.py" "$f" "$P/policies/documents/$d.xml"
		# The acknowledgement staff sign (a bilaga of its own) keeps the
		# short hash as its Kontrollsumma.
		check "$d.pdf: no full SHA-256 on the pages, no Kontrollsumma but on the acknowledgement, the full hash in the XMP" sh -c \
		    "! pdftotext '$f' - | grep -Eq '[0-9a-f]{64}' && ! pdftotext '$f' - | awk '/Dokumentet bekräftelsen gäller/ { ack = 1 } /\f/ { ack = 0 } /Kontrollsumma/ && !ack { bad = 1 } END { exit !bad }' && pdfinfo -meta '$f' | grep -Eq 'dc:identifier>sha256:[0-9a-f]{64}<'"
	done
	for r in systemforteckning riskanalyser kontinuitetsplaner; do
		check "register/$r.pdf is a PDF that pdftotext reads" sh -c \
		    "pdftotext '$P/output/register/$r.pdf' - | grep -q ."
	done
	check "register/riskanalyser.pdf: each risk matrix whole on one page, with its analysis's lines" \
	    python3 "$here/keeps.py" matrix "$P/output/register/riskanalyser.pdf"
	check "report/report.pdf names the audit's questions" sh -c \
	    "pdftotext '$P/output/report/report.pdf' - | grep -qi 'revision'"

	# The DOCX opens with its contents list ready: each heading with the
	# page it has in the PDF of the same build, and no field to update;
	# LibreOffice counts the pages in its own layout as it opens it.
	for d in $docs; do
		check "$d.docx: the contents list carries the pages of the PDF, nothing to update" \
		    python3 "$here/toccheck.py" "$(doc_file "$d" docx)" "$(doc_file "$d" pdf)"
	done
	# A DOCX made beside a PDF that an earlier build made and that is
	# current takes its pages from that PDF.
	mkdir -p "$scratch/docx-later" && cp -R "$P/policies" "$scratch/docx-later/"
	styrdok -C "$scratch/docx-later" build -f pdf informationssakerhetspolicy >/dev/null 2>&1
	styrdok -C "$scratch/docx-later" build -f pdf,docx informationssakerhetspolicy >/dev/null 2>"$scratch/err"
	check "a DOCX made after its PDF (current, not set again) carries that PDF's pages" sh -c \
	    "grep -q 'wrote 1 file' '$scratch/err' && python3 '$here/toccheck.py' \
	    '$scratch/docx-later/output/informationssakerhetspolicy/2.0/informationssakerhetspolicy.docx' \
	    '$scratch/docx-later/output/informationssakerhetspolicy/2.0/informationssakerhetspolicy.pdf'"
	# So does a build of the DOCX alone (-f docx), without counting or
	# touching the PDF.
	rm -rf "$scratch/docx-later/output"
	styrdok -C "$scratch/docx-later" build -f pdf informationssakerhetspolicy >/dev/null 2>&1
	cp "$scratch/docx-later/output/styrdok-build.record" "$scratch/record.before"
	styrdok -C "$scratch/docx-later" build -f docx informationssakerhetspolicy >/dev/null 2>"$scratch/err"
	check "build -f docx after the PDF's build: the DOCX carries that PDF's pages" sh -c \
	    "grep -q 'wrote 1 file to output/ (0 up to date)' '$scratch/err' && python3 '$here/toccheck.py' \
	    '$scratch/docx-later/output/informationssakerhetspolicy/2.0/informationssakerhetspolicy.docx' \
	    '$scratch/docx-later/output/informationssakerhetspolicy/2.0/informationssakerhetspolicy.pdf'"
	check "...and the record keeps the PDF's line as it was" sh -c \
	    "grep ' informationssakerhetspolicy/2.0/informationssakerhetspolicy.pdf\$' '$scratch/record.before' >'$scratch/pdfline' && grep -qxF -f '$scratch/pdfline' '$scratch/docx-later/output/styrdok-build.record'"
	# LibreOffice reads what the build wrote; under ASan or valgrind it
	# would only check the same files again, so it runs in make check.
	if command -v soffice >/dev/null 2>&1 && [ -z "${STYRDOK_ASAN:-}${STYRDOK_VALGRIND:-}" ]; then
		mkdir -p "$scratch/lo"
		files=""
		for d in $docs; do files="$files $(doc_file "$d" docx)"; done
		HOME="$scratch/lo" timeout -k 5 180 soffice --headless --convert-to pdf --outdir "$scratch/lo" \
		    $files >/dev/null 2>&1
		for d in $docs; do
			check "$d.docx opened in LibreOffice shows every contents entry with the page LibreOffice puts it on" \
			    python3 "$here/toccheck.py" --shown "$(doc_file "$d" docx)" "$scratch/lo/$d.pdf"
		done
	else
		echo "print: LibreOffice check of the DOCX contents skipped: no soffice, or a sanitizer run"
	fi

	styrdok -C "$P" build >/dev/null 2>"$scratch/err"
	check "a second build with nothing changed re-renders no PDF" grep -q "wrote 0 files" "$scratch/err"
	sleep 1
	sed -i 's|<keywords>|<keywords>ändrad, |' "$P/policies/documents/instruktion-kontinuitet-drift.xml"
	styrdok -C "$P" build -f pdf >/dev/null 2>"$scratch/err"
	(cd "$P/output" && find . -type f -newer "$P/policies/documents/instruktion-kontinuitet-drift.xml" | sort) >"$scratch/rewritten"
	# Its PDF, the three that name it and the report are rendered again;
	# only its own has other bytes, so only that file is written.
	check "touching one document re-renders its PDF, the PDFs that name it and the report only" \
	    grep -q "wrote 1 file to output/ (4 up to date, 4 rendered again the same)" "$scratch/err"
	check "and writes its PDF alone (and the build record)" sh -c "test \"\$(grep -v '^./styrdok-build.record$' '$scratch/rewritten')\" = './instruktion-kontinuitet-drift/1.0/instruktion-kontinuitet-drift.pdf'"

	# FOP fails: a diagnostic, nothing half-written, the old PDF kept.
	cat >"$scratch/badfop" <<-'EOS'
	#!/bin/sh
	while [ $# -gt 1 ]; do [ "$1" = -pdf ] && out=$2; shift; done
	printf '%%PDF-1.4 half' >"$out"
	echo "[ERROR] FOP - simulated failure" >&2
	exit 1
	EOS
	chmod +x "$scratch/badfop"
	pol=$(doc_file informationssakerhetspolicy pdf)
	cp "$pol" "$scratch/pol.pdf"
	STYRDOK_FOP="$scratch/badfop" styrdok -C "$P" build --force -f pdf >/dev/null 2>"$scratch/err"
	rc=$?
	check "a FOP failure exits 3 with a [fop] diagnostic" sh -c \
	    "[ $rc -eq 3 ] && grep -q 'simulated failure.*\[fop\]' '$scratch/err'"
	check "a FOP failure leaves the previous PDF in place" cmp "$pol" "$scratch/pol.pdf"

	# The signing sheets: one page per person, in the staff list's order.
	styrdok -C "$P" sign instruktion-anvandare --staff policies/staff/personal-exempel.csv >/dev/null 2>&1
	sheets=$(ls "$P"/output/signing/instruktion-anvandare/*/sheets.pdf 2>/dev/null)
	people=$(($(wc -l <"$P/policies/staff/personal-exempel.csv") - 1))
	check "sheets.pdf has exactly one page per person ($people)" sh -c \
	    "pdfinfo '$sheets' | grep -q '^Pages: *$people\$'"
	check "each page of sheets.pdf names its person" python3 -c "
import csv, subprocess, sys
rows = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig'), delimiter=';'))[1:]
for i, row in enumerate(rows, 1):
    page = subprocess.run(['pdftotext', '-f', str(i), '-l', str(i), sys.argv[1], '-'],
                          capture_output=True, check=True).stdout.decode()
    if ' '.join(row[1].split()) not in ' '.join(page.split()):
        sys.exit(f'page {i}: {row[1]} missing')
" "$sheets" "$P/policies/staff/personal-exempel.csv"
	if command -v zbarimg >/dev/null 2>&1; then
		check "zbarimg reads each PDF sheet's code: its person and version" \
		    python3 "$top/tests/signing/qrcheck.py" pdf "$sheets" "$P/policies/staff/personal-exempel.csv" 2.0
		check "the codes are vector graphics: sheets.pdf has no image" sh -c "test \$(pdfimages -list '$sheets' | wc -l) -eq 2"
	fi

	# The approval packet: one PDF, a bookmark for each bilaga.
	styrdok -C "$P" packet ks-2026-45 >/dev/null 2>"$scratch/packet.err"
	pk="$P/output/packets/ks-2026-45/packet.pdf"
	check "packet.pdf has no FOP warning" sh -c "! grep -F '[fop]' '$scratch/packet.err'"
	check "each bilaga of packet.pdf starts a page (its heading first under the running header)" python3 -c "
import re, subprocess, sys
html = open(sys.argv[2], encoding='utf-8').read()
heads = [' '.join(re.sub(r'<[^>]+>', '', h).split()) for h in
         re.findall(r'<section class=\"bilaga\"[^>]*>(?:<section[^>]*>)?<h2[^>]*>(.*?)</h2>', html)]
pages = int(re.search(r'Pages: *(\d+)', subprocess.run(['pdfinfo', sys.argv[1]], capture_output=True, text=True).stdout).group(1))
tops = []
for i in range(1, pages + 1):
    lines = [' '.join(l.split()) for l in subprocess.run(['pdftotext', '-f', str(i), '-l', str(i), sys.argv[1], '-'],
             capture_output=True, text=True).stdout.splitlines() if l.strip()]
    tops.append(lines[2] if len(lines) > 2 else '')
missing = [h for h in heads if not any(t and h.startswith(t) for t in tops)]
sys.exit(f'{len(heads)} bilagor; not at the top of a page: {missing}' if missing or not heads else 0)
" "$pk" "$P/output/packets/ks-2026-45/packet.html"
	check "packet.pdf: the signature stands on a page with the text it signs" \
	    python3 "$here/keeps.py" signature "$pk" "Anna Exempel"
	check "packet.pdf is made and listed in the MANIFEST" sh -c \
	    "test -s '$pk' && grep -q ' packet.pdf\$' '$P/output/packets/ks-2026-45/MANIFEST'"
	check "packet.pdf has a bookmark for each bilaga" sh -c \
	    "pdftohtml -xml -i -stdout -q '$pk' | grep -c '<item' | awk '{exit !(\$1 >= 3)}' && pdftohtml -xml -i -stdout -q '$pk' | grep -q '<item.*Bilaga'"

	# A redline PDF: inserted and deleted words say so in the text a
	# screen reader and pdftotext get ("[Infogat: ...]", "[Borttaget:
	# ...]"), one label for each <ins> and <del> of the same redline's
	# HTML, and the labels are tagged content in the structure tree
	# (pikepdf, when installed).
	styrdok -C "$P" diff -f pdf -o "$scratch/red-b.pdf" "$D/base.xml" "$D/boundaries.xml" >/dev/null 2>&1
	check "diff -f pdf writes a redline PDF" sh -c "pdftotext '$scratch/red-b.pdf' - | grep -q ."
	styrdok -C "$P" diff -f html "$D/base.xml" "$D/boundaries.xml" >"$scratch/red-b.html" 2>/dev/null
	pdftotext -raw "$scratch/red-b.pdf" "$scratch/red-b.txt" 2>/dev/null
	nins=$(grep -o '<ins>' "$scratch/red-b.html" | wc -l)
	ndel=$(grep -o '<del>' "$scratch/red-b.html" | wc -l)
	check "diff -f pdf: each of the $nins insertions and $ndel deletions is labelled in the text" sh -c \
	    "test $nins -gt 5 && test $ndel -gt 3 &&
	    test \$(grep -o '\\[Infogat: ' '$scratch/red-b.txt' | wc -l) = $nins &&
	    test \$(grep -o '\\[Borttaget: ' '$scratch/red-b.txt' | wc -l) = $ndel &&
	    grep -q 'Varje \\[Borttaget: nämnd\\] \\[Infogat: styrelse\\] ansvarar' '$scratch/red-b.txt'"
	if /usr/bin/python3 -c 'import pikepdf' 2>/dev/null; then
		check "diff -f pdf: the change labels are tagged content in the structure tree (pikepdf)" \
		    /usr/bin/python3 "$here/changetags.py" "$scratch/red-b.pdf" "$nins" "$ndel"
	else
		echo "print: PDF tag checks skipped: pikepdf is not installed (apt-get install python3-pikepdf)"
	fi

	# Every text a reader sees is Swedish: no English word of
	# the gap messages, no gap without its reader text, and in the
	# registers, the report and the packet no id shown as text.
	O="$P/output"
	check "registers, report, index and packet: Swedish only, no ids shown" \
	    python3 "$here/language.py" "$top/src" "$P/policies" \
	    "$O"/register/*.html "$O"/register/*.md "$O"/register/*.pdf \
	    "$O"/report/report.html "$O"/report/report.md "$O"/report/report.json \
	    "$O"/report/report.pdf "$O"/index.html "$O"/packets/ks-2026-45/packet.html \
	    "$O"/packets/ks-2026-45/report.html "$pk"
	check "documents in every format: no English word of the diagnostics" \
	    python3 "$here/language.py" "$top/src" "$P/policies" \
	    $(for d in $docs; do for k in html md pdf docx odt; do doc_file "$d" "$k"; done
	    echo "$O/packets/ks-2026-45/$d.html"; done)


	# PDF/UA-1 as well as PDF/A-2a, read with pikepdf (no PDF/UA
	# validator is packaged): every PDF a build, sign, packet and diff
	# write.
	uapy=""
	for py in python3 /usr/bin/python3; do
		"$py" -c 'import pikepdf' 2>/dev/null && { uapy=$py; break; }
	done
	if [ -n "$uapy" ]; then
		for f in $(find "$P/output" -name '*.pdf' ! -path '*/again/*' | sort) "$scratch/red-b.pdf"; do
			check "${f#"$P/output/"}: PDF/UA-1 (XMP types, DisplayDocTitle, H1 first, links tagged and described, all content marked)" \
			    "$uapy" "$here/uacheck.py" "$f"
		done
	else
		echo "print: PDF/UA checks skipped: pikepdf is not installed (apt-get install python3-pikepdf)"
	fi

	# A new municipality's house style: its logo on the PDF's first page
	# and in the running header, and a font the bundled FOP configuration
	# does not name, embedded through the configuration styrdok writes.
	N="$scratch/ny"
	styrdok init "$N" --name "Exempelby kommun" >/dev/null 2>&1
	python3 -c 'import zlib,struct,sys
def chunk(t,d): return struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d)&0xffffffff)
raw=b"\0\x0a\x6e\x3c\xff\xd2\x00"
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n"+chunk(b"IHDR",struct.pack(">IIBBBBB",2,1,8,2,0,0,0))+chunk(b"IDAT",zlib.compress(raw))+chunk(b"IEND",b""))' >"$N/policies/logo.png"
	cat >"$N/policies/profil.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:styrdok:1">
  <logo png="logo.png" alt="Exempelby kommuns logotyp"/>
  <font family="DejaVu Math TeX Gyre, serif"/>
</profile>
XML
	mkdir -p "$scratch/ny-tmp"
	TMPDIR="$scratch/ny-tmp" styrdok -C "$N" build -f pdf informationssakerhetspolicy >/dev/null 2>"$scratch/ny.err"
	np="$N/output/informationssakerhetspolicy/1.0/informationssakerhetspolicy.pdf"
	check "a profile with another font builds its PDF" test -s "$np"
	check "the profile's font is embedded" sh -c "pdffonts '$np' | grep -q 'DejaVuMathTeXGyre.* yes yes'"
	check "every font is still embedded" sh -c "! pdffonts '$np' | tail -n +3 | grep -v ' yes yes '"
	check "the logo is on the first page and in the header of the next" sh -c \
	    "pdfimages -f 1 -l 1 -list '$np' | grep -q ' image ' && pdfimages -f 2 -l 2 -list '$np' | grep -q ' image '"
	check "the logo's text alternative is in the PDF's structure" python3 -c '
import re, sys, zlib
data = open(sys.argv[1], "rb").read()
blobs = [data]
for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
    try:
        blobs.append(zlib.decompress(m.group(1)))
    except zlib.error:
        pass
sys.exit(0 if any(b"/Alt (Exempelby kommuns logotyp)" in b for b in blobs) else 1)' "$np"
	check "no temporary FOP configuration is left" test -z "$(ls -A "$scratch/ny-tmp")"

	# --- FOP's JVM: the archive in the cache, one JVM per run ------------
	J="$scratch/jvm"
	mkdir -p "$J/home" "$J/tmp"
	mkdir -p "$J/proj" && cp -R "$P/policies" "$J/proj/"
	pol=informationssakerhetspolicy
	touch "$J/stamp"
	sleep 1
	# jvmrun ENV...: build -f pdf of the policy, HOME and TMPDIR in $J.
	jvmrun() { env HOME="$J/home" TMPDIR="$J/tmp" XDG_CACHE_HOME= "$@" "$bin" -C "$J/proj" build --force -f pdf $pol; }
	expect_status 0 "first PDF build with an empty cache" jvmrun
	check "the archive is in ~/.cache/styrdok, made by that build: a lone PDF runs FOP's own program (fop-KEY.jsa)" sh -c \
	    "ls '$J/home/.cache/styrdok/' | grep -Eq '^fop-[0-9a-f]{16}\.jsa\$'"
	check "nothing else was written outside the output (no hsperfdata, no crash log, no temporary)" sh -c \
	    "test -z \"\$(find '$J' -newer '$J/stamp' -type f | grep -v -e '$J/proj/output/' -e '$J/proj/.styrdok/' -e '$J/home/.cache/styrdok/')\" && test -z \"\$(ls -A '$J/tmp')\""
	expect_status 0 "the next build, given the archive, succeeds" jvmrun
	for a in "$J"/home/.cache/styrdok/*.jsa; do chmod u+w "$a"; echo junk >"$a"; done
	expect_status 0 "a broken archive is ignored: the build still succeeds" jvmrun
	check "and its PDF is whole" sh -c "pdfinfo '$J/proj/output/$pol/2.0/$pol.pdf' | grep -q '^Pages:'"
	: >"$J/notadir"
	expect_status 0 "a cache that cannot be made (STYRDOK_CACHE a file) is done without" jvmrun STYRDOK_CACHE="$J/notadir"
	mkdir -p "$J/shared" && chmod 777 "$J/shared"
	expect_status 0 "a cache others can write to is not used" jvmrun STYRDOK_CACHE="$J/shared"
	check "and gets no archive" test -z "$(ls -A "$J/shared")"
	expect_status 0 "FOP's own program once per PDF (STYRDOK_FOP) gets the settings and an archive of its own" \
	    jvmrun STYRDOK_FOP="$(command -v fop)" STYRDOK_CACHE="$J/c2"
	check "as fop-KEY.jsa" sh -c "ls '$J/c2' | grep -Eq '^fop-[0-9a-f]{16}\.jsa\$'"
	# One PDF's FOP error in a shared JVM is that PDF's alone.
	# (Two documents: the policy's XSL-FO broken, the other's whole.)
	cp -R "$top/templates" "$J/tpl"
	mv "$J/tpl/fo/document.xsl" "$J/tpl/fo/document-real.xsl"
	cat >"$J/tpl/fo/document.xsl" <<-'EOX'
	<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
	    xmlns:fo="http://www.w3.org/1999/XSL/Format">
	  <xsl:import href="document-real.xsl"/>
	  <xsl:template match="/">
	    <xsl:choose>
	      <xsl:when test="$doc = 'informationssakerhetspolicy'"><fo:root><fo:block>no page</fo:block></fo:root></xsl:when>
	      <xsl:otherwise><xsl:apply-imports/></xsl:otherwise>
	    </xsl:choose>
	  </xsl:template>
	</xsl:stylesheet>
	EOX
	(cd "$J/proj" && env HOME="$J/home" TMPDIR="$J/tmp" STYRDOK_TEMPLATES="$J/tpl" "$bin" build --force -f pdf $pol instruktion-kontinuitet-drift >/dev/null 2>"$scratch/err")
	rc=$?
	check "a FOP error in one PDF of the shared JVM: exit 3, said at that PDF only" sh -c \
	    "[ $rc -eq 3 ] && grep -q '^policies/documents/$pol.xml.*error:.*$pol.pdf.*\[fop\]' '$scratch/err' && ! grep 'error:.*\[fop\]' '$scratch/err' | grep -qv '$pol.pdf'"
	if command -v ant >/dev/null 2>&1; then
		check "two PDFs share one JVM through Ant, with an archive of its own (ant-KEY.jsa)" sh -c \
		    "ls '$J/home/.cache/styrdok/' | grep -Eq '^ant-[0-9a-f]{16}\.jsa\$'"
	fi
	# SIGTERM while the shared JVM runs: it and its temporaries go.
	env HOME="$J/home" TMPDIR="$J/tmp" "$bin" -C "$J/proj" build --force -f pdf >/dev/null 2>&1 &
	spid=$!
	python3 - "$spid" <<-'EOP'
	import glob, sys, time
	want = b"STYRDOK_PARENT=" + sys.argv[1].encode()
	for _ in range(600):
	    for e in glob.glob("/proc/[0-9]*/environ"):
	        try:
	            if want in open(e, "rb").read().split(b"\0"):
	                sys.exit(0)
	        except OSError:
	            pass
	    time.sleep(0.05)
	EOP
	kill -TERM $spid; wait $spid; rc=$?
	sleep 0.3
	check "SIGTERM during the shared JVM: exit 143, no FOP process of the run left, no temporary" python3 - "$spid" "$rc" "$J/tmp" <<-'EOP'
	import glob, os, sys
	want = b"STYRDOK_PARENT=" + sys.argv[1].encode()
	left = []
	for e in glob.glob("/proc/[0-9]*/environ"):
	    try:
	        if want in open(e, "rb").read().split(b"\0"):
	            left.append(e)
	    except OSError:
	        pass
	sys.exit(f"rc {sys.argv[2]}, left {left}, tmp {os.listdir(sys.argv[3])}"
	         if sys.argv[2] != "143" or left or os.listdir(sys.argv[3]) else 0)
	EOP
fi

suite_end print
