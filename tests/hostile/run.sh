#!/bin/sh
# SPDX-License-Identifier: ISC
# Hostile inputs: one case per threat of ../shared/security.md.  Every
# case builds a scratch project, runs styrdok on it under a time and
# memory bound, and asserts the diagnostic (file:line:col and rule), the
# exit status, that a planted secret outside the project appears in no
# output, and that nothing is written outside the output directory.
# Ends with "hostile: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/styrdok-hostile.XXXXXX")
logs=$(mktemp -d "${TMPDIR:-/tmp}/styrdok-hostile-logs.XXXXXX")
listener=
cleanup() {
	[ -n "$listener" ] && kill "$listener" 2>/dev/null
	rm -rf "$tmp" "$logs"
}
lib_on_exit=cleanup
STYRDOK_TEMPLATES="$top/templates"
SOURCE_DATE_EPOCH=1795824000 # 2026-11-28
# A JVM (FOP, for PDF) reserves more address space than the 2 GiB bound
# by default; these keep it inside.
JAVA_TOOL_OPTIONS="-Xmx512m -Xss1m -XX:ReservedCodeCacheSize=64m -XX:CompressedClassSpaceSize=64m -XX:MaxMetaspaceSize=192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
export STYRDOK_TEMPLATES SOURCE_DATE_EPOCH JAVA_TOOL_OPTIONS
P=policies/documents/testpolicy.xml

# --- the secret outside every project ------------------------------------
SECRET="STYRDOK-HEMLIGHET-$$-7f3a"
printf '%s\n' "$SECRET" >"$tmp/secret.txt"
printf '<section xmlns="urn:styrdok:1" id="hemlig"><title>%s</title></section>\n' "$SECRET" >"$tmp/secret.xml"
printf '<!ENTITY leak "%s">\n' "$SECRET" >"$tmp/secret.dtd"
printf 'Namn;Enhet;Anställningsnummer\n%s;Hemlig;1\n' "$SECRET" >"$tmp/secret.csv"

# --- a port that records every connection: "no network" is measured ------
python3 - "$logs/port" "$logs/hits" <<'PY' &
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(64)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os; os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:
    c, a = s.accept()
    with open(sys.argv[2], "a") as f:
        f.write("connection\n")
    c.close()
PY
listener=$!
for i in 1 2 3 4 5 6 7 8 9 10; do [ -s "$logs/port" ] && break; sleep 0.2; done
PORT=$(cat "$logs/port" 2>/dev/null || echo 9)
URL="http://127.0.0.1:$PORT"
: >"$logs/hits"

# --- projects ----------------------------------------------------------------
# mkproj NAME: $tmp/NAME with the regression organisation and one valid
# policy (tests/regress/valid-policy.xml) as policies/documents/testpolicy.xml.
mkproj() {
	proj="$tmp/$1"
	rm -rf "$proj"
	mkdir -p "$proj/policies/documents" "$proj/policies/parts"
	cp "$top/tests/regress/organisation.xml" "$proj/policies/organisation.xml"
	cp "$top/tests/regress/valid-policy.xml" "$proj/$P"
}
# bundled NAME: a copy of the bundled Lessebo project.
bundled() {
	proj="$tmp/$1"
	rm -rf "$proj"
	mkdir -p "$proj"
	cp -R "$top/policies" "$proj/"
}
# inject FILE: stdin goes into the policy before line 38 (<section
# id="under">), so what is injected starts at line 39.
inject() {
	sed -i "38r /dev/stdin" "$proj/$P"
}
# prolog TEXT: replaces line 1 (the XML declaration) of the policy.
prolog() {
	printf '%s\n' "$1" >"$logs/prolog"
	tail -n +2 "$proj/$P" >>"$logs/prolog"
	cp "$logs/prolog" "$proj/$P"
}

# --- running styrdok under bounds ----------------------------------------------
# sd WANT DESC ARGS...: styrdok -C $proj ARGS, run from $proj (so files are
# named relative to the project), under `timeout 20` and 2 GiB of address
# space (2 GiB resident under ASan); a timeout, a signal or another exit
# status fails.
sd() {
	want=$1 desc=$2; shift 2
	sleep 0.01
	touch "$logs/stamp"
	sleep 0.01
	if [ -n "${STYRDOK_VALGRIND:-}" ]; then
		# shellcheck disable=SC2086
		(cd "$proj" && exec timeout 300 $memcheck "$bin" -C "$proj" "$@") \
		    >"$logs/out" 2>"$logs/err"
	elif [ -n "${STYRDOK_ASAN:-}" ]; then
		# ASan maps terabytes of shadow memory, so no ulimit -v: its own
		# hard_rss_limit_mb (set by `make asan`) bounds the memory.
		(cd "$proj" && exec timeout 20 "$bin" -C "$proj" "$@") \
		    >"$logs/out" 2>"$logs/err"
	else
		(cd "$proj" && ulimit -v 2097152 && exec timeout 20 "$bin" -C "$proj" "$@") \
		    >"$logs/out" 2>"$logs/err"
	fi
	got=$?
	case $got in
	124) not_ok "$desc: timed out (20 s)"; return 1;;
	1[2-9][0-9]|2[0-9][0-9]) not_ok "$desc: killed or crashed (exit $got)"; show "$logs/err"; return 1;;
	esac
	if [ "$got" = "$want" ]; then ok "$desc: exit $want"; else
		not_ok "$desc: exit $got, wanted $want"; show "$logs/err"; return 1
	fi
}
# diag DESC REGEX: stderr of the last run has a line matching REGEX (grep -E).
diag() {
	if grep -qE -- "$2" "$logs/err"; then ok "$1"; else
		not_ok "$1: no line matching /$2/"; show "$logs/err"
	fi
}
nodiag() {
	if grep -qE -- "$2" "$logs/err"; then not_ok "$1"; show "$logs/err"; else ok "$1"; fi
}
# safe DESC [OUTDIR]: after the last run, the secret is in no file of the
# project nor on stdout/stderr, nothing outside OUTDIR (default
# $proj/output) was created or changed but the project's lock file
# (.styrdok/lock, a fixed name no input chooses), and no connection was
# made.
safe() {
	outdir=${2:-$proj/output} bad=
	if grep -rqF -- "$SECRET" "$proj" "$logs/out" "$logs/err" 2>/dev/null; then
		bad="secret leaked: $(grep -rlF -- "$SECRET" "$proj" "$logs/out" "$logs/err" | head -3 | tr '\n' ' ')"
	fi
	find "$tmp" -newer "$logs/stamp" \( -type f -o -type l \) \
	    ! -path "$outdir/*" ! -path "$outdir" ! -path "*/.styrdok/lock" \
	    >"$logs/written"
	[ -s "$logs/written" ] && bad="$bad written outside $(basename "$outdir")/: $(head -3 "$logs/written" | tr '\n' ' ')"
	[ -s "$logs/hits" ] && bad="$bad network contacted"
	: >"$logs/hits"
	if [ -z "$bad" ]; then ok "$1: no secret, no network, nothing outside $(basename "$outdir")/"; else
		not_ok "$1: $bad"
	fi
}
# refused DESC RULE REGEX: check and build both exit 1 with the diagnostic,
# nothing is built, nothing leaks.
refused() {
	desc=$1 rule=$2 re=$3
	sd 1 "$desc: check" check && diag "$desc: diagnostic" "$re.*\[$rule\]$"
	safe "$desc: check"
	sd 1 "$desc: build" build -f html,md && check "$desc: build wrote nothing" test ! -e "$proj/output/testpolicy"
	safe "$desc: build"
}
# Markdown: a section whose prose is stdin, injected at line 38.
prose_section() {
	{ printf '      <section id="md"><title>Markdown</title><prose><![CDATA[\n'
	  cat
	  printf ']]></prose></section>\n'; } | inject
}
# no_active DESC DIR: nothing a browser would run in any output under DIR
# (HTML as parsed, Markdown as rendered by cmark --unsafe, JSON parses).
no_active() {
	if python3 "$here/activecheck.py" "$2" >"$logs/active" 2>&1; then
		ok "$1: no script, handler or dangerous URL in any output"
	else
		not_ok "$1: executable content"; show "$logs/active" 10
	fi
}

# under_valgrind_skip N: true, with a note, when section N is skipped:
# under valgrind (make valgrind) the sections on bounded work (3: time
# and memory limits that valgrind's own cost would break) and output
# confinement (7: file-system behaviour, no parsing) run under ASan only.
under_valgrind_skip() {
	[ -n "${STYRDOK_VALGRIND:-}" ] || return 1
	echo "# section $1 runs under ASan only (make asan), not under valgrind"
}
. "$here/cases.sh"

suite_end hostile
