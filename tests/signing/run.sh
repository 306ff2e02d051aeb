#!/bin/sh
# SPDX-License-Identifier: ISC
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
have_zbar=1
command -v zbarimg >/dev/null 2>&1 && command -v rsvg-convert >/dev/null 2>&1 || have_zbar=0
if [ "$have_zbar" = 1 ]; then
	check "zbarimg reads each HTML sheet's code: its person and version" \
	    python3 "$here/qrcheck.py" html "$SD/sheets.html" "$P/$STAFF" 2.0
else
	echo "signing: QR checks skipped: zbarimg or rsvg-convert missing (apt-get install zbar-tools librsvg2-bin)"
fi

# The rest runs on the small project of the golden cases (one document in
# force as 1.0 and drafted as 2.0, four people in two units, a register
# with 1001 on 1.0 and 1003 on the superseded 0.9): a tenth of the cost
# of the bundled one under valgrind.
T=instruktion-test
small() { # a fresh copy of tests/regress/signed.d in $1
	rm -rf "$1"; cp -R "$top/tests/regress/signed.d" "$1"
}
S="$scratch/s"
small "$S"
cp "$S/$REG" "$scratch/reg.orig"
styrdok -C "$S" sign $T --staff policies/staff/personal.csv >/dev/null 2>&1
SH="$S/output/signing/$T/2.0/sheets.html"
# The first two sheets' codes as a USB scanner types them: what zbarimg
# reads, the first one twice.
if [ "$have_zbar" = 1 ]; then
	python3 "$here/qrcheck.py" scan "$SH" 2 >"$scratch/scanned"
else
	grep -o 'STYRDOK1:[^<]*' "$SH" | head -2 >"$scratch/scanned"
fi
check "two codes were read" sh -c "test \$(wc -l <'$scratch/scanned') -eq 2"
printf '%s\r\n' "$(head -1 "$scratch/scanned")" >>"$scratch/scanned"

# --- signed: scanned codes on standard input ------------------------------
styrdok -C "$S" signed $T --date 2026-11-20 <"$scratch/scanned" >"$scratch/out" 2>"$scratch/err"
rc=$?
check "signed records two scanned sheets (exit 0), one line each on stdout" sh -c \
    "[ $rc -eq 0 ] && test \$(wc -l <'$scratch/out') -eq 2 && grep -q '^1001	Åsa Öberg	2.0 (utkast)	2026-11-20\$' '$scratch/out'"
check "the code scanned twice is recorded once, with a warning" grep -q "<stdin>:3:1: warning: the same sheet as on line 1 .*\[signed-twice\]" "$scratch/err"
check "the closing line says how many have signed the version in force" grep -q "signed: 2 of 4 on the staff list have now signed version 1.0 of $T, the version in force" "$scratch/err"
check "the register keeps every old byte; two entries added" python3 "$here/keeps.py" "$S/$REG" "$scratch/reg.orig" 2
check "each entry carries the sheet's hash and is marked as a draft" sh -c \
    "test \$(grep -c 'version=\"2.0\" hash=\"[0-9a-f]\{12\}\" date=\"2026-11-20\" draft=\"yes\"/>' '$S/$REG') -eq 2"
expect_status 0 "check accepts the register after signed" styrdok -C "$S" check
cp "$S/$REG" "$scratch/reg.2"
expect_status 1 "the same codes again are refused" styrdok -C "$S" signed $T <"$scratch/scanned"
check "each names the entry it duplicates" grep -q "<stdin>:2:1: error: 1002 (Björn Ek) has already signed version 2.0: recorded on line 7 of the register" "$scratch/err"
check "a refused run leaves the register byte for byte" cmp "$S/$REG" "$scratch/reg.2"

# --- the report per unit, and sign --missing --------------------------------
expect_status 0 "report" styrdok -C "$S" report
check "the report counts per unit (signed, older version, not at all)" sh -c \
    "grep -q 'Bekräftelser per enhet' '$S/output/report/report.html' && grep -q '^- IT-enheten: 2 av 2 har bekräftat, 0 bara en äldre version, 0 inte alls\$' '$S/output/report/report.md' && grep -q '^- Kansliet: 0 av 2 har bekräftat, 1 bara en äldre version, 1 inte alls\$' '$S/output/report/report.md'"
check "report.json has the units" python3 -c "
import json, sys
r = json.load(open('$S/output/report/report.json'))
u = {x['unit']: x for x in r['acknowledgements'][0]['units']}
sys.exit(u != {'IT-enheten': {'unit': 'IT-enheten', 'staff': 2, 'signed': 2, 'old': 0, 'none': 0},
               'Kansliet': {'unit': 'Kansliet', 'staff': 2, 'signed': 0, 'old': 1, 'none': 1}})
"
expect_status 0 "sign --missing" styrdok -C "$S" sign $T --staff policies/staff/personal.csv --missing -o missing
check "sign --missing prints the two who have not signed 2.0" sh -c \
    "test \$(grep -o '<section class=\"sheet\"' '$S/missing/signing/$T/2.0/sheets.html' | wc -l) -eq 2 && grep -q 'Cecilia Ås' '$S/missing/signing/$T/2.0/sheets.html' && ! grep -q 'Åsa Öberg' '$S/missing/signing/$T/2.0/sheets.html'"

# --- signed: employee numbers as arguments, for the version in force --------
expect_status 0 "employee numbers as arguments" styrdok -C "$S" signed $T 1004
check "recorded for version 1.0, in force, without a hash (not archived)" \
    grep -q '<signed employee="1004" version="1.0" date="2026-11-28"/>' "$S/$REG"
expect_status 0 "check accepts the register" styrdok -C "$S" check

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

# --- caps lock turned the case of an employee number -----------------------
C="$scratch/c"
small "$C"
printf 'Anställningsnummer;Namn;Enhet\nAB-7;Åsa;IT\n' >"$C/policies/staff/personal.csv"
expect_status 0 "an employee number in the wrong case" styrdok -C "$C" signed $T ab-7
check "is recorded as the staff list spells it" grep -q '<signed employee="AB-7" version="1.0"' "$C/$REG"

# --- employee numbers the code cannot carry --------------------------------
printf 'Anställningsnummer;Namn;Enhet\n"10\n01";A;B\n%s;C;D\n' "$(printf '9%.0s' $(seq 65))" >"$R/lang.csv"
expect_status 1 "sign refuses employee numbers a scanner could not type back" sh -c "cd '$R' && exec \"\$0\" sign $T --staff lang.csv -o y" "$bin"
check "a line break and a number over 64 bytes, each at its line" sh -c \
    "grep -q '^lang.csv:2:1: error: line 2: the employee number holds a line break.*\[staff-row\]' '$scratch/err' && grep -q '^lang.csv:4:1: error: line 4: the employee number is longer than 64 bytes.*\[staff-row\]' '$scratch/err' && test ! -e '$R/y'"

suite_end signing
