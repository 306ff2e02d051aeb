# SPDX-License-Identifier: ISC
# Sourced by tests/cli/run.sh: a second municipality's project (init,
# its own profile and logo, providers), the index's links and the
# report's formats, and the hints messages give.  Uses run.sh's
# project(), $scratch and the lib.sh counters; FOP is off here.

# --- the index links what is there; report rewrites what it makes ---------
project idx
expect_status 0 "build -f html,docx" styrdok -C "$scratch/idx" build -f html,docx
check "index links each document's DOCX" grep -q 'href="informationssakerhetspolicy/2.0/informationssakerhetspolicy.docx"' "$scratch/idx/output/index.html"
check "index links the report's JSON" grep -q 'href="report/report.json"' "$scratch/idx/output/index.html"
check "index does not link formats not built" sh -c "! grep -q 'informationssakerhetspolicy\.\(md\|pdf\|odt\)\"' '$scratch/idx/output/index.html'"
expect_status 0 "build -f md after it" styrdok -C "$scratch/idx" build -f html,md
check "index still links the DOCX an earlier build wrote, and now the Markdown" sh -c "grep -q 'informationssakerhetspolicy.docx\"' '$scratch/idx/output/index.html' && grep -q 'informationssakerhetspolicy.md\"' '$scratch/idx/output/index.html'"
echo "an old report" >"$scratch/idx/output/report/report.pdf"
expect_status 0 "report without FOP" styrdok -C "$scratch/idx" report
check "report names the report.pdf it could not rewrite" grep -q "output/report/report.pdf:[0-9:]* warning: not rewritten: Apache FOP is not installed" "$scratch/err"
# The build before wrote the same HTML, Markdown and JSON.
check "report says which formats it has, and that they were up to date" grep -q "the report in output/report/ was already up to date (html, md, json)" "$scratch/err"
echo "handredigerad" >>"$scratch/idx/output/report/report.md"
expect_status 0 "report after a hand-edit of its Markdown" styrdok -C "$scratch/idx" report
check "report says it wrote the report, and puts the Markdown back" sh -c "grep -q 'wrote the report to output/report/ (html, md, json)' '$scratch/err' && ! grep -q handredigerad '$scratch/idx/output/report/report.md'"

# --- init: a new municipality ----------------------------------------------
expect_status 0 "init --help exits 0" styrdok init --help
check "init --help prints its usage" grep -q "usage: styrdok init DIR --name NAME" "$scratch/out"
expect_status 0 "--help exits 0" styrdok --help
check "--help lists init" grep -q '^  init DIR --name NAME' "$scratch/out"
N="$scratch/ny/exempelby"
mkdir -p "$scratch/ny"
expect_status 0 "init writes a new project" styrdok init "$N" --name "Exempelby kommun" --organs "BUN=Barn- och utbildningsnämnden"
check "init names what it made" grep -q "created .*exempelby for Exempelby kommun" "$scratch/err"
check "init wrote the organisation with its name, id, organs and IT unit" sh -c "grep -q '<name>Exempelby kommun</name>' '$N/policies/organisation.xml' && grep -q 'id=\"exempelby-kommun\"' '$N/policies/organisation.xml' && grep -q '<organ id=\"BUN\" kind=\"namnd\">' '$N/policies/organisation.xml' && grep -q '<it-unit>Exempelby kommuns IT-enhet</it-unit>' '$N/policies/organisation.xml'"
check "init wrote the four documents, the register, the case and the profile" sh -c "cd '$N/policies' && test -f documents/informationssakerhetspolicy.xml -a -f documents/instruktion-anvandare.xml -a -f documents/instruktion-forvaltning.xml -a -f documents/instruktion-kontinuitet-drift.xml -a -f registers/systemforteckning.xml -a -f cases/revidering-styrdokument.xml -a -f profil.xml"
check "init left no placeholder" sh -c "! grep -rq '{{' '$N/policies'"
expect_status 0 "the new project checks" styrdok -C "$N" check
check "the new project has 0 errors and 0 warnings" grep -q "^styrdok: 0 errors, 0 warnings$" "$scratch/err"
expect_status 0 "the new project builds" styrdok -C "$N" build -f html,md,docx,odt
check "the new project's outputs name it" grep -q "Exempelby kommun" "$N/output/informationssakerhetspolicy/1.0/informationssakerhetspolicy.html"
expect_status 0 "the new project's case builds a packet (no audit)" styrdok -C "$N" packet revidering-styrdokument
expect_status 1 "init refuses a directory with files" styrdok init "$N" --name "Annan kommun"
check "init names the refusal" grep -q "init writes only into a new or empty directory" "$scratch/err"
check "init left the project as it was" grep -q "<name>Exempelby kommun</name>" "$N/policies/organisation.xml"
mkdir -p "$scratch/ny/tom"
expect_status 0 "init writes into an empty directory" styrdok init "$scratch/ny/tom" --name "Tomby kommun" --id tomby
expect_status 2 "init without --name is a usage error" styrdok init "$scratch/ny/x"
check "init without --name says how" grep -q "give the municipality's name with --name" "$scratch/err"
expect_status 2 "init --organs without = is a usage error" styrdok init "$scratch/ny/y" --organs "Socialnämnden" --name "Y kommun"
check "nothing is left of a refused init" sh -c "test ! -e '$scratch/ny/x' && test ! -e '$scratch/ny/y' && ! ls -a '$scratch/ny' | grep -q styrdok-init"

# --- the house style is the project's -----------------------------------------
cat >"$N/policies/logo.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 340 100" width="340" height="100">
  <rect width="100" height="100" fill="#0a6e3c"/><circle cx="50" cy="50" r="30" fill="#ffd200"/>
</svg>
SVG
# A 2x1 PNG, made here so the test needs no image tool.
python3 -c 'import zlib,struct,sys
def chunk(t,d): return struct.pack(">I",len(d))+t+d+struct.pack(">I",zlib.crc32(t+d)&0xffffffff)
raw=b"\0\x0a\x6e\x3c\xff\xd2\x00"
sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n"+chunk(b"IHDR",struct.pack(">IIBBBBB",2,1,8,2,0,0,0))+chunk(b"IDAT",zlib.compress(raw))+chunk(b"IEND",b""))' >"$N/policies/logo.png"
cat >"$N/policies/profil.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<profile xmlns="urn:styrdok:1">
  <name>Exempelby kommun – Kommunstyrelsen</name>
  <logo svg="logo.svg" png="logo.png" alt="Exempelby kommuns logotyp"/>
  <colours primary="#0a6e3c"/>
  <font family="Liberation Serif, serif"/>
  <labels><label key="version">Versionsnummer</label><label key="owner">Ansvarig</label></labels>
  <gap-texts><gap-text key="system-owner">Ingen är utsedd att äga {system}.</gap-text></gap-texts>
  <footer>Exempelby kommun · Storgatan 1 · 123 45 Exempelby</footer>
</profile>
XML
# A system with gaps, for the reader texts of the profile.
sed -i 's|</systems>|<system id="sys-bokning" prioritised="no" outside-hours="no"><name>Bokningssystem</name><purpose>Bokning av lokaler.</purpose><committee organ="KS"/><operator kind="own"/></system></systems>|' "$N/policies/registers/systemforteckning.xml"
expect_status 0 "a project profile checks" styrdok -C "$N" check
expect_status 0 "a project profile builds" styrdok -C "$N" build -f html,md,docx,odt
H="$N/output/informationssakerhetspolicy/1.0/informationssakerhetspolicy.html"
check "HTML: the profile's name in the masthead" grep -q '<p class="org"><img class="logo" src="data:image/svg+xml;base64,[A-Za-z0-9+/=]*" alt="Exempelby kommuns logotyp">Exempelby kommun – Kommunstyrelsen</p>' "$H"
check "HTML: the profile's colour" grep -q -- "--primary: #0a6e3c" "$H"
check "HTML: the profile's font" grep -q "font-family: Liberation Serif, serif" "$H"
check "HTML: the profile's footer" grep -q '<p class="profile-footer">Exempelby kommun · Storgatan 1 · 123 45 Exempelby</p>' "$H"
check "HTML: the profile's labels first, in its order, the rest after" python3 -c '
import re, sys
s = open(sys.argv[1]).read()
i = s.index("Versionsnummer"); j = s.index("Ansvarig"); k = s.index("Dokumenttyp")
sys.exit(0 if i < j < k and "Dokumentansvarig" not in s else 1)' "$H"
R="$N/output/register/systemforteckning"
check "a gap's reader text is the profile's, its facts filled in" sh -c \
    "grep -q 'Brist:</span> Ingen är utsedd att äga Bokningssystem.</li>' '$R.html' && grep -q 'Brist:\*\* Ingen är utsedd att äga Bokningssystem.' '$R.md'"
check "the other gaps keep the default's reader text" grep -q 'Brist:</span> Ingen har gått igenom vilka som har behörighet till Bokningssystem.' "$R.html"
check "the command line keeps the English message" grep -q 'Bokningssystem has no systemägare \[system-owner\]' "$scratch/err"
D="$N/output/informationssakerhetspolicy/1.0/informationssakerhetspolicy.docx"
check "DOCX: the PNG is a media part, on the front page and in the header" sh -c "unzip -l '$D' | grep -q word/media/logo.png && unzip -p '$D' word/document.xml | grep -q 'descr=\"Exempelby kommuns logotyp\"' && unzip -p '$D' word/header1.xml | grep -q 'r:embed=\"rIdLogo\"' && unzip -p '$D' word/_rels/header1.xml.rels | grep -q media/logo.png"
check "DOCX: the logo part is the PNG's bytes" sh -c "unzip -p '$D' word/media/logo.png | cmp - '$N/policies/logo.png'"
check "DOCX: the footer line" sh -c "unzip -p '$D' word/footer1.xml | grep -q 'Storgatan 1'"
O="$N/output/informationssakerhetspolicy/1.0/informationssakerhetspolicy.odt"
check "ODT: the logo on the front page and in the header, with its title" sh -c "unzip -p '$O' content.xml | grep -q '<svg:title>Exempelby kommuns logotyp</svg:title>' && unzip -p '$O' styles.xml | grep -q 'draw:name=\"Logotyp i sidhuvudet\"'"
check "no word of Lessebo or Växjö in the new municipality's outputs" sh -c "! grep -rlai 'lessebo\|växjö\|vaxjo' '$N/output'"
# An invalid profile is a diagnostic, never ignored.
cp "$N/policies/profil.xml" "$scratch/profil.xml"
sed -i 's|"logo.svg"|"saknas.svg"|; s|Liberation Serif|Ingen Sådan Font|' "$N/policies/profil.xml"
expect_status 1 "an invalid profile fails check" styrdok -C "$N" check
check "a missing logo file is named with the fix" grep -q 'policies/profil.xml:4:[0-9]*: error: logo svg="saknas.svg" cannot be used: there is no such file; give an SVG file under policies/, relative to the profile \[profile\]' "$scratch/err"
check "a font that is not installed is named with the fix" grep -q 'error: font family "Ingen Sådan Font" is not installed as TrueType or OpenType.*fc-list : family.* \[profile\]' "$scratch/err"
sed -i 's|primary="#0a6e3c"|primary="grön"|' "$N/policies/profil.xml"
expect_status 1 "a profile against the schema fails check" styrdok -C "$N" check
check "the profile's schema error is at its place" grep -q "policies/profil.xml:5:.*error: .*\[schema\]" "$scratch/err"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><image href="http://example.org/x.png"/></svg>' >"$N/policies/logo.svg"
cp "$scratch/profil.xml" "$N/policies/profil.xml"
expect_status 1 "an SVG logo that loads from outside is refused" styrdok -C "$N" check
check "the SVG's problem is named" grep -q "refers to a file or address outside itself" "$scratch/err"
cp "$scratch/profil.xml" "$N/policies/profil.xml"
sed -i 's| png="logo.png"||' "$N/policies/profil.xml"
printf '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 3 1"/>' >"$N/policies/logo.svg"
expect_status 0 "an SVG-only logo checks" styrdok -C "$N" check
check "an SVG-only logo warns that Word shows none" grep -q "warning: the logo is SVG only.*add png=" "$scratch/err"

# --- providers: a system run by a provider named in the organisation ----------
python3 - "$N/policies/organisation.xml" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace("  <!--\n    Leverantörer", """  <providers>
    <provider id="grannby" short="Grannby">
      <name>Grannby kommun – Gemensam IT</name>
      <service id="servicedesk"><name>Servicedesk</name><description>Tar emot IT-ärenden.</description></service>
    </provider>
  </providers>
  <!--
    Leverantörer""")
open(p, "w").write(s)
PY
python3 - "$N/policies/registers/systemforteckning.xml" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace("</systems>", """  <system id="sys-epost" prioritised="no" outside-hours="no">
    <name>E-post</name><purpose>E-post för alla.</purpose><committee organ="KS"/>
    <owner>Kommundirektören</owner>
    <operator provider="grannby"/>
    <classification k="2" r="2" t="2" date="2026-01-10"/>
  </system>
  <system id="sys-lon" prioritised="no" outside-hours="no">
    <name>Lön</name><purpose>Löner.</purpose><committee organ="KS"/>
    <owner>HR-chefen</owner>
    <operator kind="own"/>
    <classification k="2" r="2" t="2" date="2026-01-10"/>
  </system>
</systems>""")
open(p, "w").write(s)
PY
expect_status 0 "a system run by a declared provider checks" styrdok -C "$N" build -f html
S="$N/output/register/systemforteckning.html"
check "the register names the provider and the organisation's IT unit" sh -c "grep -q 'Grannby kommun – Gemensam IT' '$S' && grep -q 'Exempelby kommuns IT-enhet' '$S' && grep -q '<td>Grannby</td>' '$S'"
sed -i 's|provider="grannby"|provider="granby"|' "$N/policies/registers/systemforteckning.xml"
expect_status 1 "an unknown provider fails check" styrdok -C "$N" check
check "an unknown provider gets a hint" grep -q 'provider="granby" does not name a provider of the organisation; did you mean "grannby"? \[ref-provider\]' "$scratch/err"

# --- a directory that is no project says what to do --------------------------
mkdir -p "$scratch/ingen"
expect_status 3 "a directory without policies/ is an environment error" styrdok -C "$scratch/ingen" check
check "it says there is no policies/ and how to start one" grep -q "has no policies/ directory, so it is no styrdok project: start one with styrdok init DIR --name" "$scratch/err"

# --- command-line values get the same hints as the sources -------------------
project hint
expect_status 1 "adopt --organ kf is refused" styrdok -C "$scratch/hint" adopt informationssakerhetspolicy --organ kf --date 2027-03-22 --paragraph 12 --dnr "KS 2026/45"
check "adopt --organ kf: did you mean KF" grep -q 'adopt: --organ kf: no organ with that id in the organisation; did you mean "KF"? \[refused\]' "$scratch/err"
expect_status 1 "adopt --date 22/2/2027 is refused" styrdok -C "$scratch/hint" adopt informationssakerhetspolicy --organ KF --date 22/2/2027 --paragraph 12 --dnr "KS 2026/45"
check "adopt --date 22/2/2027: did you mean 2027-02-22" grep -q 'adopt: --date 22/2/2027 is not a date (write YYYY-MM-DD: did you mean 2027-02-22?) \[refused\]' "$scratch/err"
expect_status 1 "adopt --date 2027-02-30 is refused" styrdok -C "$scratch/hint" adopt informationssakerhetspolicy --organ KF --date 2027-02-30 --paragraph 12 --dnr "KS 2026/45"
check "adopt --date 2027-02-30: no such day" grep -q 'adopt: --date 2027-02-30 is not a date (there is no such day)' "$scratch/err"
expect_status 1 "build of a misspelt document fails" styrdok -C "$scratch/hint" build -f md instruktion-anvandar
check "build names the document meant" grep -q 'no document with id "instruktion-anvandar"; did you mean "instruktion-anvandare"?' "$scratch/err"
expect_status 2 "signed --date 5.3.2027 is a usage error" styrdok -C "$scratch/hint" signed instruktion-anvandare --date 5.3.2027 1001
check "signed --date: did you mean 2027-03-05" grep -q 'did you mean 2027-03-05?' "$scratch/err"
expect_status 1 "packet of a misspelt case fails" styrdok -C "$scratch/hint" packet ks-2026-54
check "packet names the case meant" grep -q 'no case with id "ks-2026-54" in policies/; did you mean "ks-2026-45"?' "$scratch/err"
