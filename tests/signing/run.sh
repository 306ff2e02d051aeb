#!/bin/sh
# The signing round trip: sign prints a sheet with a QR code per person,
# an independent reader (zbarimg, after rsvg-convert) reads the codes
# back from the HTML, `styrdok signed` records them in the signature
# register, and the report and `sign --missing` follow.  Every check on
# the register compares bytes: what was there stays, byte for byte.
# (The PDF's codes are read in tests/print/, where FOP runs anyway; the
# bad-input cases of signed are golden files in tests/regress/signed/.)
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
# HTML only: this suite stays quick.
export STYRDOK_FOP=
SOURCE_DATE_EPOCH=1795824000 # 2026-11-28
export SOURCE_DATE_EPOCH

U=instruktion-anvandare
REG=policies/signaturer.xml
STAFF=policies/staff/personal-exempel.csv
P="$scratch/p"
rm -rf "$P"; mkdir -p "$P"; cp -R "$top/policies" "$P/"
cp "$P/$REG" "$scratch/reg.orig"

expect_status 0 "signed --help exits 0" styrdok signed --help
check "signed --help prints its usage" grep -q "usage: styrdok signed ID" "$scratch/out"
expect_status 2 "signed without a document is a usage error" styrdok -C "$P" signed
expect_status 2 "codes and --from together are a usage error" styrdok -C "$P" signed $U 10234 --from x.csv
expect_status 2 "a --date that is no date is a usage error" styrdok -C "$P" signed $U --date 2026-02-30 10234
expect_status 2 "an unknown --encoding is a usage error" styrdok -C "$P" signed $U --encoding latin9 10234

# --- sign: the code on every sheet, read back by zbarimg --------------------
expect_status 0 "sign writes the sheets" styrdok -C "$P" sign $U --staff $STAFF
SD="$P/output/signing/$U/2.0"
check "every sheet carries an SVG code with a text alternative" sh -c \
    "test \$(grep -o '<svg [^>]*class=\"code\"[^>]*role=\"img\"' '$SD/sheets.html' | wc -l) -eq 24 && grep -q '<title id=\"code-1\">QR-kod för registrering' '$SD/sheets.html'"
check "sheets.html with its codes passes the structure checks" python3 "$top/tests/cli/htmlcheck.py" "$SD/sheets.html"
if command -v zbarimg >/dev/null 2>&1 && command -v rsvg-convert >/dev/null 2>&1; then
	check "zbarimg reads each HTML sheet's code: its person and version" \
	    python3 "$here/qrcheck.py" html "$SD/sheets.html" "$P/$STAFF" 2.0
	# The codes as a USB scanner would type them: what zbarimg read.
	python3 "$here/qrcheck.py" scan "$SD/sheets.html" 5 >"$scratch/scanned"
else
	echo "signing: QR checks skipped: zbarimg or rsvg-convert missing (apt-get install zbar-tools librsvg2-bin)"
	grep -o 'STYRDOK1:[^<]*' "$SD/sheets.html" | head -5 >"$scratch/scanned"
fi
check "five codes were read" sh -c "test \$(wc -l <'$scratch/scanned') -eq 5"

# --- signed: scanned codes on standard input ------------------------------
printf '%s\r\n' "$(head -1 "$scratch/scanned")" >>"$scratch/scanned"	# scanned twice
styrdok -C "$P" signed $U --date 2026-11-20 <"$scratch/scanned" >"$scratch/out" 2>"$scratch/err"
rc=$?
check "signed records five scanned sheets (exit 0)" sh -c "[ $rc -eq 0 ] && test \$(wc -l <'$scratch/out') -eq 5"
check "the code scanned twice is recorded once, with a warning" grep -q "<stdin>:6:1: warning: the same sheet as on line 1 .*\[signed-twice\]" "$scratch/err"
check "the closing line says how many have signed the version in force" grep -q "signed: 12 of 24 on the staff list have now signed version 1.1 of $U, the version in force" "$scratch/err"
check "the register keeps every old byte; five entries added" python3 "$here/keeps.py" "$P/$REG" "$scratch/reg.orig" 5
check "each entry carries the sheet's hash and is marked as a draft" sh -c \
    "test \$(grep -c 'version=\"2.0\" hash=\"[0-9a-f]\{12\}\" date=\"2026-11-20\" draft=\"yes\"/>' '$P/$REG') -eq 5"
expect_status 0 "check accepts the register after signed" styrdok -C "$P" check
cp "$P/$REG" "$scratch/reg.5"
expect_status 1 "the same codes again are refused" styrdok -C "$P" signed $U <"$scratch/scanned"
check "each names the entry it duplicates" grep -q "has already signed version 2.0: recorded on line 30 of the register" "$scratch/err"
check "a refused run leaves the register byte for byte" cmp "$P/$REG" "$scratch/reg.5"

# --- signed: employee numbers as arguments, for the version in force --------
expect_status 0 "employee numbers as arguments" styrdok -C "$P" signed $U 10288 10329
check "they are recorded for version 1.1, in force, without a hash (not archived)" sh -c \
    "grep -q '<signed employee=\"10288\" version=\"1.1\" date=\"2026-11-28\"/>' '$P/$REG'"
expect_status 0 "check accepts the register" styrdok -C "$P" check

# --- the report per unit, and sign --missing --------------------------------
expect_status 0 "report" styrdok -C "$P" report
check "the report counts per unit (signed, older version, not at all)" sh -c \
    "grep -q 'Bekräftelser per enhet' '$P/output/report/report.html' && grep -q 'Kommunledningsförvaltningen/IT-enheten: 3 av 3 har bekräftat, 0 bara en äldre version, 0 inte alls' '$P/output/report/report.md'"
check "report.json has the units" python3 -c "
import json, sys
r = json.load(open('$P/output/report/report.json'))
u = {x['unit']: x for x in r['acknowledgements'][0]['units']}
k = u['Kommunledningsförvaltningen/Kansliet']
sys.exit(not (k['staff'] == 2 and k['signed'] + k['old'] + k['none'] == 2 and sum(x['staff'] for x in u.values()) == 24))
"
expect_status 0 "sign --missing" styrdok -C "$P" sign $U --staff $STAFF --missing -o missing
check "sign --missing leaves out the five who signed this version" sh -c \
    "test \$(grep -o '<section class=\"sheet\"' '$P/missing/signing/$U/2.0/sheets.html' | wc -l) -eq 19 && ! grep -q '>$(cut -d: -f5 "$scratch/scanned" | head -1)<' '$P/missing/signing/$U/2.0/sheets.html'"

# The rest runs on the small project of the golden cases (one document,
# four people), which costs a tenth of the bundled one under valgrind.
T=instruktion-test
small() { # a fresh copy of tests/regress/signed.d in $1
	rm -rf "$1"; cp -R "$top/tests/regress/signed.d" "$1"
}

# --- adopted: the version in force is signed again -------------------------
V="$scratch/v"
small "$V"
styrdok -C "$V" sign $T --staff policies/staff/personal.csv -o draft >/dev/null 2>&1
draft=$(grep -o 'STYRDOK1:[^<]*:1002' "$V/draft/signing/$T/2.0/sheets.html" | head -1)
expect_status 0 "a draft's sheet is recorded" styrdok -C "$V" signed $T "$draft"
styrdok -C "$V" adopt $T --organ KS --date 2026-11-25 --paragraph 18 --dnr "KS 2026/45" >/dev/null 2>&1
expect_status 0 "check after adopt: the draft's signature is no error" styrdok -C "$V" check
styrdok -C "$V" report >/dev/null 2>&1
check "the report shows it as a signature of the draft only" grep -q "Bara utkastet till version 2.0, ska bekräfta på nytt" "$V/output/report/report.html"
expect_status 0 "sign prints the adopted version's sheets" styrdok -C "$V" sign $T --staff policies/staff/personal.csv -o adopted
code=$(grep -o 'STYRDOK1:[^<]*:1002' "$V/adopted/signing/$T/2.0/sheets.html" | head -1)
check "the adopted version's code does not say UTKAST" sh -c "echo '$code' | grep -q '^STYRDOK1:$T:2.0:[0-9a-f]\{12\}:1002\$'"
expect_status 1 "a draft sheet of the version since adopted is refused" styrdok -C "$V" signed $T "$draft"
check "with its own message" grep -q "draft of version 2.0 (UTKAST), which has been adopted since.*\[signed-version\]" "$scratch/err"
expect_status 0 "the adopted sheet is recorded, though the person signed the draft" styrdok -C "$V" signed $T "$code"
check "with the archive's hash" grep -q "<signed employee=\"1002\" version=\"2.0\" hash=\"$(sha256sum "$V/policies/adopted/$T/2.0/$T.xml" | cut -c1-12)\" date=\"2026-11-28\"/>" "$V/$REG"
check "1 of 4 has now signed 2.0, in force" grep -q "signed: 1 of 4 on the staff list have now signed version 2.0" "$scratch/err"

# --- 2,000 returned sheets from register.csv ------------------------------
Q="$scratch/q"
small "$Q"
python3 -c '
print("Anställningsnummer;Namn;Enhet;Befattning")
for i in range(2000):
    print("%d;Person %d;Enhet %d;Handläggare" % (20000 + i, i, i % 40))
' >"$Q/policies/staff/personal.csv"
cp "$Q/$REG" "$scratch/reg.q"
styrdok -C "$Q" sign $T --staff policies/staff/personal.csv >/dev/null 2>&1
python3 - "$Q/output/signing/$T/2.0/register.csv" "$scratch/returned.csv" <<'EOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
for i, r in enumerate(rows[1:]):
    r[7] = "2026-11-%02d" % (1 + i % 27)
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f, delimiter=";", lineterminator="\r\n").writerows(rows)
EOF
expect_status 0 "signed --from records 2,000 returned sheets" styrdok -C "$Q" signed $T --from "$scratch/returned.csv"
check "2,000 lines on stdout" sh -c "test \$(wc -l <'$scratch/out') -eq 2000"
check "2,000 entries added, every old byte kept" python3 "$here/keeps.py" "$Q/$REG" "$scratch/reg.q" 2000
check "all 2,000 have signed" grep -q "signed: 2000 of 2000 on the staff list have now signed" "$scratch/err"
expect_status 0 "check accepts the register of 2,000 more" styrdok -C "$Q" check

# --- the register's own form is kept ---------------------------------------
R="$scratch/r"
small "$R"
sed 's/$/\r/' "$R/$REG" >"$scratch/crlf" && cp "$scratch/crlf" "$R/$REG"
expect_status 0 "a register with CRLF line ends" styrdok -C "$R" signed $T 1002
check "the new entry ends its line with CRLF too" python3 -c "
import sys
lines = open('$R/$REG', 'rb').read().split(b'\\n')
sys.exit(not (b'<signed employee=\"1002\" version=\"1.0\" date=\"2026-11-28\"/>\\r' in [l.strip(b' ') for l in lines] and all(l.endswith(b'\\r') for l in lines[:-1])))
"
check "the CRLF register keeps every old byte" python3 "$here/keeps.py" "$R/$REG" "$scratch/crlf" 1
cat >"$R/$REG" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<s:signatures xmlns:s="urn:styrdok:1" id="signaturer" doc="instruktion-test" staff="staff/personal.csv"/>
EOF
expect_status 0 "an empty register written <s:signatures .../>" styrdok -C "$R" signed $T 1002
check "gets its first entry, prefixed, and an end tag" sh -c \
    "grep -q '^  <s:signed employee=\"1002\"' '$R/$REG' && tail -1 '$R/$REG' | grep -q '^</s:signatures>\$'"
expect_status 0 "check accepts it" styrdok -C "$R" check
printf '<?xml version="1.0" encoding="ISO-8859-1"?>\n<signatures xmlns="urn:styrdok:1" id="signaturer" doc="instruktion-test" staff="staff/personal.csv">\n</signatures>\n' >"$R/$REG"
printf 'Anställningsnummer;Namn;Enhet\n1000é;Ö;E\n' >"$R/policies/staff/personal.csv"
cp "$R/$REG" "$scratch/reg.latin"
expect_status 1 "a non-UTF-8 register is not given UTF-8 entries" styrdok -C "$R" signed $T 1000é
check "it says so and writes nothing" sh -c "grep -q 'the register is not UTF-8' '$scratch/err' && cmp '$R/$REG' '$scratch/reg.latin'"
rm "$R/$REG"
expect_status 1 "a document without a signature register is refused" styrdok -C "$R" signed $T 1002
check "the refusal tells how to start one" grep -q "has no signature register: add a file under policies/" "$scratch/err"
expect_status 1 "sign --missing without a register is refused" styrdok -C "$R" sign $T --staff policies/staff/personal.csv --missing -o x
check "and writes nothing" test ! -e "$R/x"

# --- employee numbers the code cannot carry --------------------------------
printf 'Anställningsnummer;Namn;Enhet\n"10\n01";A;B\n%s;C;D\n' "$(printf '9%.0s' $(seq 65))" >"$R/lang.csv"
expect_status 1 "sign refuses employee numbers a scanner could not type back" styrdok -C "$R" sign $T --staff lang.csv -o y
check "a line break and a number over 64 bytes, each at its line" sh -c \
    "grep -q '^lang.csv:2:1: error: line 2: the employee number holds a line break.*\[staff-row\]' '$scratch/err' && grep -q '^lang.csv:4:1: error: line 4: the employee number is longer than 64 bytes.*\[staff-row\]' '$scratch/err' && test ! -e '$R/y'"

suite_end signing
