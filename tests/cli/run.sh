#!/bin/sh
# SPDX-License-Identifier: ISC
# Command-line tests: the exit-status and help contract, the bundled
# project, output checked by independent readers (python's HTML parser,
# cmark), reproducibility, atomic and confined writes, install.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
# PDF is tested in tests/print/; without FOP this suite stays quick.
export STYRDOK_FOP=


project() { # a fresh copy of the bundled project in $scratch/$1
	rm -rf "${scratch:?}/$1"
	mkdir -p "$scratch/$1"
	cp -R "$top/policies" "$scratch/$1/"
}

# in_project DIR ARGS...: styrdok run from inside the project, so the
# files in its messages are named relative to the project root.
in_project() {
	(cd "$1" && shift && styrdok "$@")
}

policy=informationssakerhetspolicy
P=policies/documents/$policy.xml

# --- usage contract -----------------------------------------------------
expect_status 0 "--help exits 0" styrdok --help
check "--help lists the commands" grep -q "check.*build\|build" "$scratch/out"
for c in check build list report adopt revise diff sign packet serve; do
	expect_status 0 "$c --help exits 0" styrdok $c --help
	check "$c --help prints its usage on stdout" grep -q "usage: styrdok $c" "$scratch/out"
done
expect_status 0 "--version exits 0" styrdok --version
check "--version names the version" grep -q "^styrdok [0-9]" "$scratch/out"
# libzip, libmicrohttpd, fontconfig and libqrencode (and OpenSSL, GnuTLS
# and FreeType behind them) are loaded by the commands that need them,
# not by every run.
if command -v readelf >/dev/null 2>&1; then
	readelf -d "$bin" >"$scratch/needed"
	check "the program does not link libzip, libmicrohttpd, fontconfig or libqrencode" sh -c "grep -q NEEDED '$scratch/needed' && ! grep -q 'libzip\|libmicrohttpd\|libfontconfig\|libqrencode\|libfreetype' '$scratch/needed'"
fi
expect_status 2 "no command is a usage error" styrdok
expect_status 2 "unknown command is a usage error" styrdok frobnicate
check "usage error prints the synopsis" grep -q "usage: styrdok" "$scratch/err"
expect_status 2 "unknown option is a usage error" styrdok --bogus
expect_status 2 "unknown command option is a usage error" styrdok check --bogus
expect_status 2 "check --format xml is a usage error" styrdok -C "$top" check --format xml
expect_status 2 "build -f rtf is a usage error" styrdok -C "$top" build -f rtf
expect_status 3 "build -f pdf without FOP is an environment error" styrdok -C "$top" build -f pdf -o "$scratch/nofop"
check "build -f pdf without FOP names the package" grep -q "Debian package fop" "$scratch/err"
check "build -f pdf without FOP writes nothing" test ! -e "$scratch/nofop"
expect_status 3 "-C to a missing directory is an environment error" styrdok -C "$scratch/none" check
mkdir -p "$scratch/empty"
expect_status 3 "a directory without policies/ is an environment error" styrdok -C "$scratch/empty" check

# --- the bundled project ------------------------------------------------
expect_status 0 "bundled sources check without errors" styrdok -C "$top" check
check "bundled sources: closing count line" grep -q "^styrdok: 0 errors, [0-9]* warnings$" "$scratch/err"
check "bundled sources: only warnings, and they are governance gaps" sh -c "! grep -q ': error: ' '$scratch/err' && grep -q '\[system-owner\]' '$scratch/err'"
expect_status 1 "check --strict fails on the bundled gaps" styrdok -C "$top" check --strict
expect_status 0 "check --format json exits 0" styrdok -C "$top" check --format json
check "check --format json is valid JSON" python3 -m json.tool "$scratch/out"
styrdok -C "$top" check 2>"$scratch/text.err"
check "JSON has one entry per diagnostic of the text format" python3 -c '
import json, sys
entries = json.load(open(sys.argv[1]))
lines = [l for l in open(sys.argv[2]) if ": warning: " in l or ": error: " in l or ": note: " in l]
sys.exit(0 if len(entries) == len(lines) > 0 else 1)' "$scratch/out" "$scratch/text.err"
expect_status 0 "list exits 0" styrdok -C "$top" list
check "list shows id, type, version, status and title" grep -q "^$policy  *policy  *2\.0  *utkast  *Informationssäkerhetspolicy$" "$scratch/out"

# --- build and independent readers --------------------------------------
project a
expect_status 0 "build exits 0" styrdok -C "$scratch/a" build
out="$scratch/a/output/$policy/2.0/$policy"
check "a default build without FOP skips PDF with one note" sh -c "grep -c 'PDF skipped' '$scratch/err' | grep -qx 1"
check "build writes HTML, Markdown and the index" test -f "$out.html" -a -f "$out.md" -a -f "$scratch/a/output/index.html"
check "HTML: lang, one h1, headings, th scope, furniture, all titles and requirements" python3 "$here/htmlcheck.py" "$out.html" "$scratch/a/$P"
check "index.html passes the structure checks" python3 "$here/htmlcheck.py" "$scratch/a/output/index.html"
check "index links to the document" grep -q "href=\"$policy/2.0/$policy.html\"" "$scratch/a/output/index.html"
check "HTML carries the full content hash in its metadata" grep -q 'name="styrdok:sha256" content="[0-9a-f]\{64\}"' "$out.html"
check "HTML of a draft shows UTKAST" grep -q "UTKAST" "$out.html"
check "Markdown parses back with cmark to every heading and requirement" python3 "$here/mdcheck.py" "$out.md" "$scratch/a/$P"
project b
styrdok -C "$scratch/b" build >/dev/null 2>&1
check "two builds are byte-identical" diff -r "$scratch/a/output" "$scratch/b/output"

# A register of 625 systems and 16 documents (make bench's smallest
# scale) builds: no stylesheet walks the whole page for each table row.
python3 "$top/tests/bench/generate.py" "$scratch/big" 1 >/dev/null
check "a register of 625 systems builds in HTML and Markdown" sh -c \
    "cd '$scratch/big' && '$bin' build -f html,md >/dev/null 2>&1 && grep -q 'System 624' output/register/systemforteckning.html"
styrdok -C "$scratch/b" build -o out2 >/dev/null 2>&1
check "-o DIR moves the output tree" diff -r "$scratch/a/output" "$scratch/b/out2"
SOURCE_DATE_EPOCH=86400 styrdok -C "$scratch/b" build -o epoch >/dev/null 2>&1
check "SOURCE_DATE_EPOCH sets the production date" grep -q "Framställd 1970-01-02" "$scratch/b/epoch/index.html"
check "without SOURCE_DATE_EPOCH the date comes from the sources" grep -q "Framställd 2026-11-20" "$scratch/a/output/index.html"
expect_status 0 "build -f md writes Markdown only" styrdok -C "$scratch/b" build -f md -o mdonly "$policy"
check "build -f md wrote no HTML document" test ! -e "$scratch/b/mdonly/$policy/2.0/$policy.html" -a -f "$scratch/b/mdonly/$policy/2.0/$policy.md"
expect_status 1 "build of an unknown id exits 1" styrdok -C "$scratch/b" build no-such-doc
check "unknown id is named" grep -q 'no document with id "no-such-doc"' "$scratch/err"

# plain xsltproc on the dumped tree gives the same HTML
styrdok -C "$scratch/a" build --dump >"$scratch/dump.xml" 2>/dev/null
check "--dump prints the enriched tree" grep -q "<md:document" "$scratch/dump.xml"
if command -v xsltproc >/dev/null; then
	xsltproc --nonet --stringparam doc "$policy" "$top/templates/html/document.xsl" "$scratch/dump.xml" >"$scratch/x.html" 2>"$scratch/x.err"
	check "xsltproc on the dump reproduces the HTML" cmp "$scratch/x.html" "$out.html"
fi

# --- bad input: diagnostics, exit 1, nothing lost -------------------------
project c
styrdok -C "$scratch/c" build >/dev/null 2>&1
cp -R "$scratch/c/output" "$scratch/c-before"
sed -i 's|<version>2.0</version>|<version>2.0</versio>|' "$scratch/c/$P"
expect_status 1 "malformed XML: build exits 1" in_project "$scratch/c" build
check "malformed XML: file:line:col diagnostic" grep -q "^$P:[0-9]*:[0-9]*: error: .*\[xml-parse\]$" "$scratch/err"
check "malformed XML: earlier output is untouched" diff -r "$scratch/c-before" "$scratch/c/output"
sed -i 's|<version>2.0</versio>|<version>2.0</version>|; s|role="informationssakerhetssamordnare"/>|role="ingen-sadan-roll"/>|' "$scratch/c/$P"
expect_status 1 "broken role reference: check exits 1" in_project "$scratch/c" check
check "broken role reference: names the attribute" grep -q "^$P:[0-9]*:[0-9]*: error: role=\"ingen-sadan-roll\" does not name a role; use one of: .*informationssakerhetssamordnare.* \[ref-role\]$" "$scratch/err"
sed -i 's|role="ingen-sadan-roll"/>|role="informationssakerhetssamordnare"/>|' "$scratch/c/$P"
printf '<document xmlns="urn:styrdok:1" id="x" type="policy"><oops/></document>\n' >"$scratch/c/policies/documents/trasig.xml"
expect_status 0 "check FILE reports only that file (warnings only there)" in_project "$scratch/c" check "$P"
check "check FILE: no diagnostics from other files" sh -c "! grep -q trasig '$scratch/err'"
expect_status 1 "check (all files) reports the broken one" in_project "$scratch/c" check
check "schema errors name the file" grep -q "^policies/documents/trasig.xml:1:[0-9]*: error: .*\[schema\]$" "$scratch/err"
# Where editors and CI look: paths from where styrdok was started.
expect_status 1 "-C: files are named relative to where styrdok was started" sh -c "cd '$scratch' && '$bin' -C c check"
check "-C: the broken file as c/policies/..." grep -q "^c/policies/documents/trasig.xml:1:[0-9]*: error: .*\[schema\]$" "$scratch/err"
expect_status 1 "--absolute-paths" styrdok -C "$scratch/c" --absolute-paths check
check "--absolute-paths: the broken file by its absolute path" grep -q "^$(cd "$scratch/c" && pwd -P)/policies/documents/trasig.xml:1:[0-9]*: error: .*\[schema\]$" "$scratch/err"
expect_status 1 "-C: check FILE takes FILE relative to where styrdok was started" sh -c "cd '$scratch' && '$bin' -C c check c/policies/documents/trasig.xml"
check "-C: check FILE reports that file" grep -q "^c/policies/documents/trasig.xml:1:" "$scratch/err"
expect_status 2 "check FILE outside policies/ is an error, not 0 problems" styrdok -C "$scratch/c" check "$top/README.md"
check "check FILE outside policies/ says which files are checked" grep -q "README.md is not a source of this project: only files under .*/policies/ are checked \[usage\]" "$scratch/err"
expect_status 1 "check --format sarif" in_project "$scratch/c" check --format sarif
cp "$scratch/out" "$scratch/c.sarif"
in_project "$scratch/c" check 2>"$scratch/c.err"
if python3 -c "import jsonschema" 2>/dev/null; then
	check "SARIF: valid against the SARIF 2.1.0 schema, rules with help, the same problems as the text" python3 "$here/sarifcheck.py" "$scratch/c.sarif" "$scratch/c.err" "$here/sarif-2.1.0.schema.json"
else
	not_ok "SARIF: python3-jsonschema is not installed (make deps installs it)"
fi
expect_status 3 "check --format json with a bad -C" styrdok -C "$scratch/nonexistent" check --format json
check "check --format json with a bad -C is still a JSON array" python3 -c "import json,sys; a=json.load(open(sys.argv[1])); assert isinstance(a, list) and a[0]['rule'] == 'environment'" "$scratch/out"
expect_status 2 "check --format xml is a usage error" styrdok -C "$scratch/c" check --format xml
rm "$scratch/c/policies/documents/trasig.xml"

# --- incremental builds -------------------------------------------------------
project n
styrdok -C "$scratch/n" build -f html,md >/dev/null 2>&1
inode=$(stat -c %i "$scratch/n/output/styrdok-build.record")
touch "$scratch/n.stamp"
styrdok -C "$scratch/n" build -f html,md >/dev/null 2>"$scratch/err"
check "a second build with nothing changed renders nothing" grep -q "wrote 0 files to output/ (18 up to date)" "$scratch/err"
check "and writes nothing at all, the build record included" sh -c \
    "test -z \"\$(find '$scratch/n/output' -newer '$scratch/n.stamp')\" && test $inode = \$(stat -c %i '$scratch/n/output/styrdok-build.record')"
sed -i 's|<keywords>|<keywords>ändrad, |' "$scratch/n/policies/documents/instruktion-kontinuitet-drift.xml"
styrdok -C "$scratch/n" build -f html,md >/dev/null 2>"$scratch/err"
check "touching one document re-renders it, what names it, the index and the report (8 of them the same: not written)" grep -q "wrote 2 files to output/ (8 up to date, 8 rendered again the same)" "$scratch/err"
echo "handredigerad" >>"$scratch/n/output/index.html"
rm "$scratch/n/output/report/report.md"
styrdok -C "$scratch/n" build -f html,md >/dev/null 2>"$scratch/err"
check "a hand-edited and a deleted output are rendered again" sh -c "grep -q 'wrote 2 files' '$scratch/err' && ! grep -q handredigerad '$scratch/n/output/index.html' && test -f '$scratch/n/output/report/report.md'"
touch "$scratch/n.stamp"
styrdok -C "$scratch/n" build -f html,md --force >/dev/null 2>"$scratch/err"
check "build --force renders everything" grep -q "wrote 0 files to output/ (0 up to date, 18 rendered again the same)" "$scratch/err"
check "and writes no file whose bytes are the same" sh -c "test -z \"\$(find '$scratch/n/output' -newer '$scratch/n.stamp')\""
touch "$scratch/n/policies/organisation.xml"
sed -i 's|<name>Lessebo kommun</name>|<name>Lessebo kommun </name>|' "$scratch/n/policies/organisation.xml"
styrdok -C "$scratch/n" build -f html,md >/dev/null 2>"$scratch/err"
check "a change to the organisation re-renders every page" grep -q "wrote 1 file to output/ (0 up to date, 17 rendered again the same)" "$scratch/err"

# --- the document set, registers and the report -----------------------------
check "build writes the four documents" sh -c "ls '$scratch/a/output'/*/*/*.html | wc -l | grep -qx 4"
for d in instruktion-anvandare instruktion-forvaltning instruktion-kontinuitet-drift; do
	o=$(ls "$scratch/a/output/$d"/*/"$d.html")
	check "$d: HTML passes the structure checks with all titles and requirements" python3 "$here/htmlcheck.py" "$o" "$scratch/a/policies/documents/$d.xml"
	check "$d: Markdown parses back to every heading and requirement" python3 "$here/mdcheck.py" "${o%.html}.md" "$scratch/a/policies/documents/$d.xml"
done
for f in register/systemforteckning register/riskanalyser register/kontinuitetsplaner report/report; do
	check "build writes $f.html and .md" test -f "$scratch/a/output/$f.html" -a -f "$scratch/a/output/$f.md"
	check "$f.html passes the structure checks" python3 "$here/htmlcheck.py" "$scratch/a/output/$f.html"
done
check "report.json is valid JSON" python3 -m json.tool "$scratch/a/output/report/report.json"
check "the report answers the three questions" sh -c "grep -o 'Fråga [123]:' '$scratch/a/output/report/report.html' | sort -u | wc -l | grep -qx 3"
check "the system register shows every level-4 decision and a level-4 system without one" python3 -c '
import re, sys, xml.etree.ElementTree as ET
ns = "{urn:styrdok:1}"
html = open(sys.argv[2], encoding="utf-8").read()
ok = True
for s in ET.parse(sys.argv[1]).getroot().iter(ns + "system"):
    l4 = s.find(ns + "level4")
    c = s.find(ns + "classification")
    four = c is not None and "4" in c.attrib.values()
    if l4 is not None:
        ok &= " ".join(l4.text.split()) in " ".join(html.split())
    elif four:
        sec = html[html.index("id=\"%s\"" % s.get("id")):]
        ok &= "Särskild riskanalys och beslut saknas" in sec[:sec.find("</section>")]
sys.exit(0 if ok else 1)' "$scratch/a/policies/registers/systemforteckning.xml" "$scratch/a/output/register/systemforteckning.html"
check "the report gives the action plan's one-off and yearly costs apart, summed from the plan" python3 -c '
import re, sys, xml.etree.ElementTree as ET
ns = "{urn:styrdok:1}"
acts = ET.parse(sys.argv[1]).getroot().iter(ns + "action")
once = yearly = 0
for a in acts:
    c = int(a.get("cost", "0"))
    if a.get("per-year") == "yes": yearly += c
    else: once += c
sv = lambda n: format(n, ",").replace(",", "\u00a0")
html = open(sys.argv[2], encoding="utf-8").read()
sys.exit(0 if yearly and sv(once) + " kronor i engångskostnader" in html and "kommer " + sv(yearly) + " kronor per år" in html else 1)' "$scratch/a/policies/handlingsplan.xml" "$scratch/a/output/report/report.html"
check "the report measures every finding" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
f = r["audits"][0]["findings"]
assert len(f) >= 10 and all(x["status"] in ("open", "in-progress", "resolved") for x in f)
assert any(x["id"] == "rev-systemagare" and x["status"] == "open" and x["gaps"] == 2 for x in f), f' "$scratch/a/output/report/report.json"
check "restricted contacts are left out by default" sh -c "grep -q 'Kontaktlistan publiceras inte' '$scratch/a/output/register/kontinuitetsplaner.html'"
styrdok -C "$scratch/a" build --internal -o internal >/dev/null 2>&1
check "--internal includes restricted parts and says so" sh -c "grep -q 'INTERN' '$scratch/a/internal/register/kontinuitetsplaner.html' && ! grep -q 'Kontaktlistan publiceras inte' '$scratch/a/internal/register/kontinuitetsplaner.html'"
check "the user instruction ends with the acknowledgement" grep -q 'Bilaga: Bekräftelse' "$scratch/a/output/instruktion-anvandare/2.0/instruktion-anvandare.html"
check "the responsibility matrix is shown where a document includes it" grep -q '<table class="raci">' "$scratch/a/output/instruktion-forvaltning/2.0/instruktion-forvaltning.html"
expect_status 0 "report exits 0" styrdok -C "$scratch/a" report --format json
check "report --format json prints the JSON report" python3 -m json.tool "$scratch/out"
expect_status 2 "report --format html,md is a usage error" styrdok -C "$scratch/a" report --format html,md
project g
rm "$scratch/g/policies/documents/instruktion-kontinuitet-drift.xml"
in_project "$scratch/g" check >/dev/null 2>"$scratch/err"
check "without the continuity and operations instruction: child-missing" grep -q '^policies/documents/informationssakerhetspolicy.xml:[0-9]*:[0-9]*: warning: required document "Instruktion för kontinuitet och drift" (instruktion-kontinuitet-drift) does not exist yet \[child-missing\]$' "$scratch/err"
project h
python3 - "$scratch/h/policies/registers/systemforteckning.xml" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
s = re.sub(r'(<system id="sys-ekonomi".*?)\n\s*<owner>[^<]*</owner>', r'\1', s, count=1, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
PY
styrdok -C "$scratch/h" check >/dev/null 2>"$scratch/err"
check "a system without its owner: system-owner" grep -q 'warning: Ekonomisystem has no systemägare \[system-owner\]$' "$scratch/err"
project i
sed -i '0,/probability="\([0-9]\)" consequence="\([0-9]\)"/s//probability="\1" consequence="\2" value="99"/' "$scratch/i/policies/registers/riskanalyser/ra-ekonomi-2026.xml"
expect_status 1 "a wrong risk value is an error" in_project "$scratch/i" check
check "a wrong risk value: risk-value names the computed value" grep -q '^policies/registers/riskanalyser/ra-ekonomi-2026.xml:[0-9]*:[0-9]*: error: risk value 99 disagrees with probability [0-9] x consequence [0-9] = [0-9]* \[risk-value\]$' "$scratch/err"

# --- adopt, revise and the frozen archive -----------------------------------
project v
A="$scratch/v/policies/adopted/$policy/2.0"
adopt() { styrdok -C "$scratch/v" adopt "$@"; }
sum_before=$(sha256sum "$scratch/v/$P")
STYRDOK_FAULT=enospc:3 adopt "$policy" --organ KF --date 2027-03-22 --paragraph 12 --dnr "KS 2026/45" >/dev/null 2>&1
check "an adopt failing while it stages leaves no archive and no staging directory" sh -c "test ! -e '$A' && test -z \"\$(ls -A '$scratch/v/policies/adopted/$policy' 2>/dev/null)\""
check "an interrupted adopt leaves the source as it was" sh -c "echo '$sum_before' | sha256sum -c --quiet"
cp "$scratch/v/$P" "$scratch/v.keep"
sed -i 's|role="informationssakerhetssamordnare"/>|role="ingen-roll"/>|' "$scratch/v/$P"
expect_status 1 "adopt refuses while the sources have errors" adopt "$policy" --organ KF --date 2027-03-22 --paragraph 12 --dnr "KS 2026/45"
cp "$scratch/v.keep" "$scratch/v/$P"
expect_status 1 "adopt refuses an organ that may not adopt a policy" adopt "$policy" --organ KS --date 2027-03-22 --paragraph 12 --dnr "KS 2026/45"
check "the refusal says why" grep -q "KS (styrelse) may not adopt a document of type policy" "$scratch/err"
expect_status 1 "adopt refuses a date that does not exist" adopt "$policy" --organ KF --date 2027-02-30 --paragraph 12 --dnr "KS 2026/45"
expect_status 2 "adopt without --dnr is a usage error" adopt "$policy" --organ KF --date 2027-03-22 --paragraph 12
expect_status 0 "adopt records the decision" adopt "$policy" --organ KF --date 2027-03-22 --paragraph 12 --dnr "KS 2026/45"
check "the archive holds the canonical source, HTML, Markdown and MANIFEST" test -f "$A/$policy.xml" -a -f "$A/$policy.html" -a -f "$A/$policy.md" -a -f "$A/MANIFEST"
check "sha256sum -c verifies the MANIFEST" sh -c "cd '$A' && sha256sum -c --quiet MANIFEST"
check "the source records status beslutad and the decision" grep -q '<decision organ="KF" date="2027-03-22" paragraph="12" dnr="KS 2026/45"/>' "$scratch/v/$P"
check "the archived HTML shows the decision and the content hash" sh -c "sed 's/<[^>]*>//g' '$A/$policy.html' | grep -q 'KF 2027-03-22 § 12' && grep -q 'name=\"styrdok:sha256\" content=\"'\$(sha256sum '$A/$policy.xml' | cut -c1-64)'\"' '$A/$policy.html'"
expect_status 0 "the project checks clean after adopt" styrdok -C "$scratch/v" check
expect_status 1 "adopt refuses a version already adopted" adopt "$policy" --organ KF --date 2027-03-23 --paragraph 13 --dnr "KS 2026/45"
expect_status 0 "revise starts the next draft" styrdok -C "$scratch/v" revise "$policy"
check "revise makes version 2.1, utkast" sh -c "grep -q '<version>2.1</version>' '$scratch/v/$P' && grep -q '<status>utkast</status>' '$scratch/v/$P'"
expect_status 1 "revise is refused while a draft exists" styrdok -C "$scratch/v" revise "$policy"
check "the archive of 2.0 is untouched by revise" sh -c "cd '$A' && sha256sum -c --quiet MANIFEST"
expect_status 1 "adopt refuses a date before the previous decision" adopt "$policy" --organ KF --date 2027-01-10 --paragraph 3 --dnr "KS 2026/99"
expect_status 0 "adopting the revision" adopt "$policy" --organ KF --date 2028-02-14 --paragraph 7 --dnr "KS 2027/12"
check "the previous version is marked superseded by the new decision" grep -q 'version="2.0"[^>]*superseded="KF 2028-02-14 § 7"' "$scratch/v/$P"
expect_status 1 "diff between the adopted and the current version: exit 1" styrdok -C "$scratch/v" diff "$policy@2.0" "$policy"
check "diff names both versions as an official would" grep -q "Version 2.1, beslutad av KF 2028-02-14 § 7 jämfört med version 2.0, beslutad av KF 2027-03-22 § 12." "$scratch/out"
check "diff shows a changed field as deleted and inserted" grep -q "Version:\*\* {--2.0--} {++2.1++}" "$scratch/out"
expect_status 0 "diff of identical versions: exit 0" styrdok -C "$scratch/v" diff "$policy@2.0" "$policy@2.0"
expect_status 2 "diff against a version whose text is not archived is refused" styrdok -C "$scratch/v" diff "$policy@1.0" "$policy"
check "the refusal says the text is not archived" grep -q "the text of $policy@1.0 is not archived" "$scratch/err"
expect_status 1 "diff -o writes the redline to a file" styrdok -C "$scratch/v" diff -f html -o redline.html "$policy@2.0" "$policy"
check "the HTML redline passes the structure checks" python3 "$here/htmlcheck.py" "$scratch/v/redline.html"
check "the HTML redline has the summary table" grep -q "Sammanfattning av ändringarna" "$scratch/v/redline.html"
check "the HTML redline is the whole document, marks and all" sh -c "grep -q 'Dokumentinformation' '$scratch/v/redline.html' && grep -q 'Versionshistorik' '$scratch/v/redline.html' && grep -q '<del><span class=\"visually-hidden\">borttaget: </span>2.0</del>' '$scratch/v/redline.html'"
expect_status 1 "diff -f json" styrdok -C "$scratch/v" diff -f json "$policy@2.0" "$policy"
check "diff -f json is valid JSON" python3 -m json.tool "$scratch/out"
expect_status 2 "diff of an unknown id is trouble (2)" styrdok -C "$scratch/v" diff nope "$policy"
echo "ändrad" >>"$A/$policy.md"
expect_status 1 "check finds a changed archive file" in_project "$scratch/v" check
check "the tampered file is named" grep -q "^policies/adopted/$policy/2.0/$policy.md:1:1: error: $policy.md has changed since it was adopted .*\[archive-integrity\]$" "$scratch/err"
rm "$A/$policy.html"
styrdok -C "$scratch/v" check >/dev/null 2>"$scratch/err"
check "check finds a missing archive file" grep -q "$policy.html is listed in the MANIFEST but missing \[archive-integrity\]" "$scratch/err"

# --- the adopted text is frozen; an adoption in error is withdrawn ----------
project g
U=instruktion-anvandare
G="$scratch/g/policies/documents/$U.xml"
styrdok -C "$scratch/g" adopt $U --organ BUN --date 2027-01-26 --paragraph 7 --dnr "KS 2026/45" >/dev/null 2>&1
cp "$G" "$scratch/g.adopted"
sed -i '0,/ska /s//ska alltid /' "$G"
expect_status 1 "check finds the text of an adopted version changed in place" styrdok -C "$scratch/g" check
in_project "$scratch/g" check 2>"$scratch/err"
check "at the element, telling to revise" grep -q "^policies/documents/$U.xml:[0-9]*:[0-9]*: error: the text of adopted version 2.0 was changed here .*styrdok revise $U.*\[adopted-text\]$" "$scratch/err"
expect_status 1 "build refuses it" styrdok -C "$scratch/g" build -f md -o gout
check "and writes nothing" test ! -e "$scratch/g/gout"
expect_status 1 "packet refuses it" styrdok -C "$scratch/g" packet ks-2026-45
expect_status 1 "sign refuses it" styrdok -C "$scratch/g" sign $U --staff policies/staff/personal-exempel.csv -o gsign
expect_status 1 "diff ID@VERSION ID shows what was changed" styrdok -C "$scratch/g" diff "$U@2.0" $U
check "the change is in the redline" grep -q "ska {++alltid ++}" "$scratch/out"
cp "$scratch/g.adopted" "$G"
sed -i 's|paragraph="7"|paragraph="8"|' "$G"
expect_status 1 "check finds the recorded decision changed" styrdok -C "$scratch/g" check
check "and points to adopt --withdraw" grep -q "the decision recorded when version 2.0 was adopted was changed here.*adopt --withdraw $U@2.0.*\[adopted-text\]" "$scratch/err"
cp "$scratch/g.adopted" "$G"
sed -i 's|<status>beslutad</status>|<status>upphavd</status>|' "$G"
expect_status 0 "repealing an adopted version (upphavd) is no change of its text" styrdok -C "$scratch/g" check
cp "$scratch/g.adopted" "$G"
expect_status 2 "adopt --withdraw needs a reason" styrdok -C "$scratch/g" adopt --withdraw "$U@2.0"
expect_status 0 "adopt --withdraw records an adoption registered in error" styrdok -C "$scratch/g" adopt --withdraw "$U@2.0" --reason "Fel organ: instruktionen fastställs av KS." --by "Anna Andersson"
W="$scratch/g/policies/adopted/$U/2.0"
check "the archive is untouched and WITHDRAWN says who, when, why and which MANIFEST" sh -c "cd '$W' && sha256sum -c --quiet MANIFEST && grep -qx 'av: Anna Andersson' WITHDRAWN && grep -qx 'skäl: Fel organ: instruktionen fastställs av KS.' WITHDRAWN && grep -qx 'beslut: BUN 2027-01-26 § 7, dnr KS 2026/45' WITHDRAWN && grep -qx \"MANIFEST: \$(sha256sum MANIFEST | cut -c1-64)\" WITHDRAWN"
check "the source is a draft of 2.0 again, without the decision" sh -c "grep -q '<status>utkast</status>' '$G' && grep -q '<decision organ=\"BUN\"/>' '$G'"
expect_status 0 "the project checks clean after the withdrawal" styrdok -C "$scratch/g" check
expect_status 0 "the version is adopted again with the right decision" styrdok -C "$scratch/g" adopt $U --organ KS --date 2027-02-09 --paragraph 18 --dnr "KS 2026/45"
check "as a new archive beside the withdrawn one" sh -c "cd '$scratch/g/policies/adopted/$U/2.0+2' && sha256sum -c --quiet MANIFEST && grep -q 'paragraph=\"18\"' $U.xml"
expect_status 0 "ID@VERSION is the archive in force" styrdok -C "$scratch/g" diff "$U@2.0" $U
expect_status 0 "the index lists the withdrawn adoption" styrdok -C "$scratch/g" build -f html -o gout
check "with who and why" sh -c "grep -q 'Återkallade beslut' '$scratch/g/gout/index.html' && grep -q 'Anna Andersson' '$scratch/g/gout/index.html'"
sed -i 's/^skäl: .*/skäl: Ingen orsak./' "$W/WITHDRAWN"
expect_status 1 "check finds a changed WITHDRAWN record" styrdok -C "$scratch/g" check
check "and names it" grep -q "$U/2.0/WITHDRAWN:1:1: error: WITHDRAWN has changed since the withdrawal was recorded.*\[archive-integrity\]" "$scratch/err"
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	project h
	styrdok -C "$scratch/h" adopt $U --organ KS --date 2027-02-09 --paragraph 18 --dnr "KS 2026/45" >/dev/null 2>&1
	chmod -R a+rX "$scratch"
	chmod 000 "$scratch/h/policies/adopted"
	nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" "$@"; }
	expect_status 1 "an unreadable policies/adopted is an error, not silence" nobody -C "$scratch/h" check
	(cd "$scratch/h" && setpriv --reuid=65534 --regid=65534 --clear-groups "$bin" check) 2>"$scratch/err"
	check "saying it cannot be verified" grep -q "^policies/adopted:1:1: error: cannot be read (Permission denied), so it cannot be verified \[archive-integrity\]" "$scratch/err"
	chmod 755 "$scratch/h/policies/adopted"
	chmod 000 "$scratch/h/policies/adopted/$U/2.0/$U.md"
	nobody -C "$scratch/h" check >/dev/null 2>"$scratch/err"
	check "an unreadable archive file is not called missing" grep -q "$U.md:1:1: error: cannot be read (Permission denied)" "$scratch/err"
	chmod -R u+rwX "$scratch/h"
fi

# --- signing ----------------------------------------------------------------
project s
U=instruktion-anvandare
expect_status 0 "sign writes sheets for the sample staff list" styrdok -C "$scratch/s" sign $U --staff policies/staff/personal-exempel.csv
SD="$scratch/s/output/signing/$U/2.0"
check "sign writes the instruction, sheets.html and register.csv" test -f "$SD/$U.html" -a -f "$SD/sheets.html" -a -f "$SD/register.csv"
check "one sheet per person (24)" sh -c "grep -o '<section class=\"sheet\"' '$SD/sheets.html' | wc -l | grep -qx 24"
check "a name with å, ä, ö is on its sheet" grep -q "Åsa Öberg" "$SD/sheets.html"
check "register.csv has a row per person with version and hash" sh -c "test \$(grep -c ';2.0;[0-9a-f]\{12\};;' '$SD/register.csv') -eq 24"
check "sheets.html passes the structure checks" python3 "$here/htmlcheck.py" "$SD/sheets.html"
check "the unused e-mail column is noted" grep -q 'column "E-post" is not used \[staff-column\]' "$scratch/err"
python3 -c 'import sys
print("Namn;Enhet;Anställningsnummer")
for i in range(450): print("Person %d;Enhet %d;%d" % (i, i % 7, 1000 + i))' >"$scratch/many.csv"
expect_status 0 "sign renders a long list in parts" styrdok -C "$scratch/s" sign $U --staff "$scratch/many.csv" -o many
check "450 people give 450 sheets, numbered through, in one valid page" sh -c "test \$(grep -o '<section class=\"sheet\"' '$scratch/s/many/signing/$U/2.0/sheets.html' | wc -l) -eq 450 && grep -q 'id=\"sheet-450\"' '$scratch/s/many/signing/$U/2.0/sheets.html' && python3 '$here/htmlcheck.py' '$scratch/s/many/signing/$U/2.0/sheets.html'"
printf 'Namn;Enhet;Anst\344llningsnummer\r\n\305sa;Skola;1\r\n' >"$scratch/cp1252.csv"
expect_status 1 "a Windows-1252 list is refused without --encoding" styrdok -C "$scratch/s" sign $U --staff "$scratch/cp1252.csv" -o cp
check "the refusal names the line and the fix" grep -q "cp1252.csv:1:1: error: not UTF-8 .*--encoding cp1252 \[staff-encoding\]" "$scratch/err"
check "nothing is written for a list with errors" test ! -e "$scratch/s/cp"
expect_status 0 "--encoding cp1252 reads it" styrdok -C "$scratch/s" sign $U --staff "$scratch/cp1252.csv" --encoding cp1252 -o cp
check "the converted name is right" grep -q "Åsa" "$scratch/s/cp/signing/$U/2.0/sheets.html"
printf 'Namn;Enhet;Anställningsnummer;Personnummer\nA;B;1;19800101-1234\n' >"$scratch/pnr.csv"
expect_status 1 "a personnummer column is refused" styrdok -C "$scratch/s" sign $U --staff "$scratch/pnr.csv" -o pnr
check "the refusal explains data minimisation" grep -q "data minimisation" "$scratch/err"
printf 'Namn;Enhet;Anställningsnummer\nA;B;1\n;C;2\n' >"$scratch/missing.csv"
expect_status 1 "a row without a name is refused with its line" styrdok -C "$scratch/s" sign $U --staff "$scratch/missing.csv" -o miss
check "the missing field is named with its line" grep -q "missing.csv:3:1: error: line 3 lacks a name \[staff-row\]" "$scratch/err"
expect_status 1 "a document without an acknowledgement cannot be signed" styrdok -C "$scratch/s" sign "$policy" --staff policies/staff/personal-exempel.csv -o x
check "the report counts who signed the version in force" grep -q "10 av 24 medarbetare har bekräftat den" "$scratch/a/output/report/report.html"
check "the report lists who signed only an older version" grep -q "Bara version 1.0, ska bekräfta på nytt" "$scratch/a/output/report/report.html"
styrdok -C "$scratch/s" adopt $U --organ KS --date 2027-02-09 --paragraph 18 --dnr "KS 2026/45" >/dev/null 2>&1
styrdok -C "$scratch/s" revise $U >/dev/null 2>&1
expect_status 0 "after adopt and revise, sign takes the version in force" styrdok -C "$scratch/s" sign $U --staff policies/staff/personal-exempel.csv -o after
check "the sheets carry the adopted version's decision and archive hash" sh -c "grep -q 'KS 2027-02-09' '$scratch/s/after/signing/$U/2.0/sheets.html' 2>/dev/null || grep -q 'Kommunstyrelsen 2027-02-09' '$scratch/s/after/signing/$U/2.0/sheets.html' && grep -q \$(sha256sum '$scratch/s/policies/adopted/$U/2.0/$U.xml' | cut -c1-12) '$scratch/s/after/signing/$U/2.0/sheets.html'"

# --- the approval packet -----------------------------------------------------
project k
K="$scratch/k/output/packets/ks-2026-45"
expect_status 0 "packet builds the bundled case" styrdok -C "$scratch/k" packet ks-2026-45
check "the packet holds packet.html, the four documents, the report and MANIFEST" sh -c "test -f '$K/packet.html' -a -f '$K/report.html' -a -f '$K/MANIFEST' && ls '$K'/*.html | wc -l | grep -qx 6"
check "sha256sum -c verifies the packet MANIFEST" sh -c "cd '$K' && sha256sum -c --quiet MANIFEST"
check "packet.html passes the structure checks" python3 "$here/htmlcheck.py" "$K/packet.html"
check "packet.html has the proposals, five bilagor and the answers" sh -c "grep -q 'Förslag till beslut' '$K/packet.html' && test \$(grep -o 'class=\"bilaga\"' '$K/packet.html' | wc -l) -eq 5 && grep -q 'Fråga 3:' '$K/packet.html'"
check "where the old text is not archived, a coverage table" grep -q "Ämnen i det tidigare dokumentet och motsvarande avsnitt i det nya" "$K/packet.html"
# The pages a build made already are taken from it, byte for byte as
# rendering gives them; the proof of taking: a page whose file and
# record were changed together comes back as changed.
styrdok -C "$scratch/k" build -f html >/dev/null 2>&1
styrdok -C "$scratch/k" packet ks-2026-45 -o rendered >/dev/null 2>&1
expect_status 0 "packet after a build" styrdok -C "$scratch/k" packet ks-2026-45
check "takes the documents and the report from the build, byte-identical to rendering them" sh -c \
    "for f in '$K'/*.html; do cmp \"\$f\" '$scratch/k/rendered/packets/ks-2026-45/'\$(basename \"\$f\") || exit 1; done"
pol=informationssakerhetspolicy
built="$scratch/k/output/$pol/2.0/$pol.html"
echo '<!-- from the build -->' >>"$built"
sed -i "s|^\([0-9a-f]*\) [0-9a-f]* $pol/2.0/$pol.html\$|\1 $(sha256sum "$built" | cut -c1-64) $pol/2.0/$pol.html|" "$scratch/k/output/styrdok-build.record"
styrdok -C "$scratch/k" packet ks-2026-45 >/dev/null 2>&1
check "a page the build recorded is not rendered again" grep -q 'from the build' "$K/$pol.html"
styrdok -C "$scratch/k" packet ks-2026-45 -o other >/dev/null 2>&1
check "and without the build's record it is rendered" sh -c "! grep -q 'from the build' '$scratch/k/other/packets/ks-2026-45/$pol.html'"
U=instruktion-anvandare
built="$scratch/k/output/$U/2.0/$U.html"
echo '<!-- from the build -->' >>"$built"
sed -i "s|^\([0-9a-f]*\) [0-9a-f]* $U/2.0/$U.html\$|\1 $(sha256sum "$built" | cut -c1-64) $U/2.0/$U.html|" "$scratch/k/output/styrdok-build.record"
STYRDOK_FOP= styrdok -C "$scratch/k" sign $U --staff policies/staff/personal-exempel.csv >/dev/null 2>&1
check "sign takes the document from the build too" grep -q 'from the build' "$scratch/k/output/signing/$U/2.0/$U.html"
sed -i 's|<consequence aspect="miljo">[^<]*</consequence>||' "$scratch/k/policies/cases/ks-2026-45.xml"
expect_status 1 "a case without a consequence heading is refused" styrdok -C "$scratch/k" packet ks-2026-45
check "the missing consequence is named" grep -q "no consequence for miljo.*\[case-consequences\]" "$scratch/err"
project k2
styrdok -C "$scratch/k2" adopt instruktion-forvaltning --organ KS --date 2027-02-09 --paragraph 19 --dnr "KS 2026/45" >/dev/null 2>&1
styrdok -C "$scratch/k2" revise instruktion-forvaltning >/dev/null 2>&1
sed -i '0,/ska /s//ska alltid /' "$scratch/k2/policies/documents/instruktion-forvaltning.xml"
sed -i 's|<repeals organ="KS" date="2009-05-05">|<repeals organ="KS" date="2009-05-05">|' "$scratch/k2/policies/cases/ks-2026-45.xml"
expect_status 0 "packet of a revision of an adopted document" styrdok -C "$scratch/k2" packet ks-2026-45
check "the packet has the redline against the version in force" sh -c "test -f '$scratch/k2/output/packets/ks-2026-45/redline-instruktion-forvaltning.html' && grep -q 'Ändringar jämfört med gällande version' '$scratch/k2/output/packets/ks-2026-45/packet.html'"

# --- writes are confined and atomic ---------------------------------------
project d
styrdok -C "$scratch/d" build >/dev/null 2>&1
echo "secret" >"$scratch/victim"
ln -sf "$scratch/victim" "$scratch/d/output/$policy/2.0/$policy.html"
expect_status 0 "build over a planted symlink succeeds" styrdok -C "$scratch/d" build
check "planted symlink is replaced, not followed" sh -c "test ! -L '$scratch/d/output/$policy/2.0/$policy.html' && grep -qx secret '$scratch/victim'"
rm -rf "$scratch/d/output"
mkdir -p "$scratch/elsewhere"
ln -s "$scratch/elsewhere" "$scratch/d/output"
expect_status 3 "an output directory that is a symlink is refused" styrdok -C "$scratch/d" build
check "nothing written through the symlinked output directory" sh -c "test -z \"\$(ls -A '$scratch/elsewhere')\""
check "no temporary files are left behind" sh -c "! find '$scratch' -name '.styrdok.*' | grep -q ."

# --- output directory and progress -----------------------------------------
project k
cat >"$scratch/slowfop" <<EOF
#!/bin/sh
# A stand-in for FOP that takes more than a second: -c CONF -fo FO -pdf OUT
sleep 1.2
top='$top'
. "\$top/tests/lib.sh"
fake_pdf "\$6"
EOF
chmod +x "$scratch/slowfop"
expect_status 3 "build -o /proc/nope: exit 3" styrdok -C "$scratch/k" build -o /proc/nope
check "build -o /proc/nope: said before anything is rendered" grep -q "^styrdok: error: /proc/nope: cannot make the directory in /proc: .* \[environment\]$" "$scratch/err"
expect_status 3 "packet -o /proc/nope: exit 3, before rendering" styrdok -C "$scratch/k" packet ks-2026-45 -o /proc/nope
expect_status 3 "sign -o /proc/nope: exit 3, before rendering" styrdok -C "$scratch/k" sign instruktion-anvandare --staff policies/staff/personal-exempel.csv -o /proc/nope
: >"$scratch/k/afile"
expect_status 3 "build -o FILE: exit 3" styrdok -C "$scratch/k" build -f html -o afile
check "build -o FILE: not a directory" grep -q "^styrdok: error: afile: not a directory \[environment\]$" "$scratch/err"
# FOP's overflow warnings name a place in the XSL-FO; styrdok names the
# source: here a paragraph of a section, which FOP sees as a block after
# the section's heading.
cat >"$scratch/overfop" <<'EOF'
#!/usr/bin/env python3
# A stand-in for FOP that warns, in FOP's words, about an overflow in the
# first paragraph of section isp-mal-langsiktiga (the first block without
# an id after the section's heading): -c CONF -fo FO -pdf OUT
import re, sys
a = sys.argv
fo, out = a[a.index("-fo") + 1], a[a.index("-pdf") + 1]
t = open(fo, encoding="utf-8").read()
h = re.search(r'<fo:block[^>]* id="isp-mal-langsiktiga"[^>]*>', t)
if h:
    m = re.compile(r'<fo:block(?![^>]* id=)[^>]*>').search(t, t.index("</fo:block>", h.end()))
    line = t.count("\n", 0, m.end()) + 1
    col = m.end() - (t.rfind("\n", 0, m.end()) + 1) + 1
    print("[WARN] FOUserAgent - The contents of fo:block line 1 exceed the available area "
          "in the inline-progression direction by 6030 millipoints. (See position %d:%d)" % (line, col))
open(out, "w").write("%PDF-1.4\n%%EOF\n")
EOF
chmod +x "$scratch/overfop"
STYRDOK_FOP="$scratch/overfop" in_project "$scratch/k" build --force -f pdf $policy >/dev/null 2>"$scratch/err"
line=$(grep -n 'section id="isp-mal-langsiktiga"' "$scratch/k/$P" | cut -d: -f1)
check "a FOP overflow is reported at the section it is in, with the text" grep -q "^$P:$line:[0-9]*: warning: output/$policy/2.0/$policy.pdf: FOUserAgent - The contents of fo:block line 1 exceed .* (at \"Kommunfullmäktige har följande.*\") \[fop\]$" "$scratch/err"

# FOP's complex-script support (bidirectional text, shaping) is turned
# off for a run whose text needs none, and left on when a document has
# Arabic or Hebrew in it.
cat >"$scratch/conffop" <<EOF
#!/bin/sh
# A stand-in for FOP that keeps the configuration it was given: -c CONF -fo FO -pdf OUT
cp "\$2" '$scratch/conf.seen'
top='$top'
. "\$top/tests/lib.sh"
fake_pdf "\$6"
EOF
chmod +x "$scratch/conffop"
rm -f "$scratch/conf.seen"
STYRDOK_FOP="$scratch/conffop" in_project "$scratch/k" build --force -f pdf $policy >/dev/null 2>&1
check "Swedish text only: FOP runs with complex scripts off" grep -q '<complex-scripts disabled="true"/>' "$scratch/conf.seen"
check "...and with the bundled configuration's fonts" grep -q 'LiberationSans-Regular.ttf' "$scratch/conf.seen"
cp "$scratch/k/$P" "$scratch/policy.saved"
sed -i 's/Lessebo kommun behöver information/Lessebo kommun (لسبو) behöver information/' "$scratch/k/$P"
rm -f "$scratch/conf.seen"
STYRDOK_FOP="$scratch/conffop" in_project "$scratch/k" build --force -f pdf $policy >/dev/null 2>&1
check "a word in Arabic: FOP runs with complex scripts on" sh -c "test -s '$scratch/conf.seen' && ! grep -q 'complex-scripts' '$scratch/conf.seen'"
sed -i 's/Lessebo kommun (لسبو) behöver/Lessebo kommun (עברית) behöver/' "$scratch/k/$P"
rm -f "$scratch/conf.seen"
STYRDOK_FOP="$scratch/conffop" in_project "$scratch/k" build --force -f pdf $policy >/dev/null 2>&1
check "a word in Hebrew: FOP runs with complex scripts on" sh -c "test -s '$scratch/conf.seen' && ! grep -q 'complex-scripts' '$scratch/conf.seen'"
cp "$scratch/policy.saved" "$scratch/k/$P"

if command -v script >/dev/null 2>&1 && [ -z "${STYRDOK_VALGRIND:-}" ]; then
	slow="cd '$scratch/k' && STYRDOK_FOP='$scratch/slowfop' '$bin' build --force -f pdf $policy"
	script -qec "$slow" /dev/null >"$scratch/tty" 2>&1
	check "on a terminal, a build over a second shows one updating progress line" grep -q "$(printf '\r')styrdok: PDF: 1/1 done, 0 running with FOP" "$scratch/tty"
	check "the progress line is cleared before the diagnostics" grep -q "$(printf '\r\033')\[Kpolicies/[^ ]*: \(warning\|note\):" "$scratch/tty"
	script -qec "$slow --quiet" /dev/null >"$scratch/tty" 2>&1
	check "--quiet: no progress line on a terminal" sh -c "! grep -q 'styrdok: PDF' '$scratch/tty'"
	sh -c "$slow" 2>"$scratch/err" >/dev/null
	check "stderr not a terminal: no progress line, no carriage return" sh -c "! grep -q \"\$(printf '\\r')\" '$scratch/err' && ! grep -q 'styrdok: PDF' '$scratch/err' && grep -q 'styrdok: wrote' '$scratch/err'"
fi

# --- bash completion: commands, formats, the project's ids ----------------
if command -v bash >/dev/null 2>&1; then
	mkdir -p "$scratch/path"
	ln -sf "$bin" "$scratch/path/styrdok"
	complete_words() { # WORD...: what completing the last word offers
		PATH="$scratch/path:$PATH" bash -c '. "$0"; COMP_WORDS=("$@")
		    COMP_CWORD=$(($# - 1)); _styrdok; echo "${COMPREPLY[*]}"' \
		    "$top/tools/styrdok.bash-completion" styrdok "$@"
	}
	check "bash completion: commands" test "$(complete_words ch)" = check
	check "bash completion: check's formats" test "$(complete_words check --format '')" = "text json sarif"
	check "bash completion: the project's document ids after -C" test "$(complete_words -C "$scratch/k" build instruktion-a)" = instruktion-anvandare
	check "bash completion: the project's cases" test "$(complete_words -C "$scratch/k" packet '')" = ks-2026-45
fi

# --- editors: the schemas as jing (the validator behind nxml-mode and the
# Red Hat XML extension) loads them, on every source and part ---------------
if command -v jing >/dev/null 2>&1 && [ -f "$top/templates/styrdok.rnc" ]; then
	find "$top/policies" "$top/tests/regress/ok-xinclude.d" -name '*.xml' | sort >"$scratch/sources"
	check "Emacs recipe: every bundled source and part validates against styrdok.rnc" sh -c "xargs jing -c '$top/templates/styrdok.rnc' <'$scratch/sources'"
	mkdir -p "$scratch/vs/templates" "$scratch/vs/policies/documents"
	cp "$top/templates/styrdok.rng" "$scratch/vs/templates/"
	cp -R "$top/tests/regress/ok-xinclude.d/policies/parts" "$scratch/vs/policies/"
	# The xml-model line of the README, resolved as the editor does.
	href=$(sed -n 's/.*<?xml-model href="\([^"]*\)".*/\1/p' "$top/README.md" | head -1)
	for f in "$top"/policies/documents/*.xml "$top/tests/regress/ok-xinclude.d/policies/documents/testpolicy.xml"; do
		sed "1a <?xml-model href=\"$href\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>" "$f" >"$scratch/vs/policies/documents/$(basename "$f")"
	done
	check "VS Code recipe: the README's xml-model href names styrdok.rng from policies/documents/" test -f "$scratch/vs/policies/documents/$href"
	check "VS Code recipe: every document, also one with an XInclude, validates against it" sh -c "cd '$scratch/vs/policies/documents' && jing '$href' *.xml"
	check "a part validates on its own" jing "$top/templates/styrdok.rng" "$top/tests/regress/ok-xinclude.d/policies/parts/under.xml"
	check "a broken part is refused" sh -c "! jing -c '$top/templates/styrdok.rnc' '$top/tests/regress/rule-schema-in-part.d/policies/parts/meta.xml'"
else
	echo "jing not installed (or no templates/styrdok.rnc: make build): the editors' recipes are not tested"
fi

# --- install: templates found without the source tree ---------------------
# In a copy of the tree, so the binary under test is never relinked.
if [ -z "${STYRDOK_VALGRIND:-}" ] && [ -f "$top/Makefile" ]; then
	mkdir -p "$scratch/src"
	(cd "$top" && tar cf - --exclude="*.o" --exclude=config.mk Makefile po src templates styrdok.1 tools) | (cd "$scratch/src" && tar xf -)
	if make -s -C "$scratch/src" build >/dev/null 2>&1 &&
	    make -s -C "$scratch/src" install PREFIX="$scratch/prefix" >/dev/null 2>&1; then
		project e
		expect_status 0 "styrdok built for /usr/local, installed in another PREFIX, builds from any directory" \
		    sh -c "cd / && env -u STYRDOK_TEMPLATES '$scratch/prefix/bin/styrdok' -C '$scratch/e' build"
		check "make install put the man page, the compact schema and the bash completion in place" \
		    test -f "$scratch/prefix/share/man/man1/styrdok.1" -a \
		    -f "$scratch/prefix/share/styrdok/templates/styrdok.rnc" -a \
		    -f "$scratch/prefix/share/bash-completion/completions/styrdok"
		make -s -C "$scratch/src" install DESTDIR="$scratch/dest" PREFIX=/usr >/dev/null 2>&1
		check "make install honours DESTDIR" test -x "$scratch/dest/usr/bin/styrdok" -a -f "$scratch/dest/usr/share/styrdok/templates/project.rng"
		check "make install puts the Swedish catalogue in share/locale" \
		    test -f "$scratch/dest/usr/share/locale/sv/LC_MESSAGES/styrdok.mo"
		env -u LC_MESSAGES LC_ALL=C.UTF-8 LANGUAGE=sv "$scratch/dest/usr/bin/styrdok" frobnicate 2>"$scratch/sv-installed"
		check "the installed styrdok speaks Swedish from its own catalogue" \
		    grep -qF "styrdok: fel: okänt kommando: frobnicate [usage]" "$scratch/sv-installed"
		expect_status 0 "a DESTDIR-staged styrdok finds the templates beside its bin/" \
		    env -u STYRDOK_TEMPLATES "$scratch/dest/usr/bin/styrdok" -C "$scratch/e" check
		rm -rf "$scratch/dest/usr/share/styrdok"
		env -u STYRDOK_TEMPLATES "$scratch/dest/usr/bin/styrdok" -C "$scratch/e" check 2>"$scratch/noteml"
		check "without templates, the message names every place looked (the PREFIX of make install last)" \
		    grep -qF "templates not found (no project.rng) in: $scratch/dest/usr/bin/templates, $scratch/dest/usr/share/styrdok/templates, /usr/share/styrdok/templates; set STYRDOK_TEMPLATES" "$scratch/noteml"
		STYRDOK_TEMPLATES=/nonexistent "$scratch/dest/usr/bin/styrdok" -C "$scratch/e" check 2>"$scratch/noteml"
		check "a STYRDOK_TEMPLATES without templates is named as such" \
		    grep -qF "in: /nonexistent (STYRDOK_TEMPLATES);" "$scratch/noteml"
		rm -rf "$scratch/src"
	else
		not_ok "make install into a prefix"
	fi
fi

# A second municipality: tests/cli/newkommun.sh.
. "$here/newkommun.sh"

suite_end cli
