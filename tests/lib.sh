# SPDX-License-Identifier: ISC
# tests/lib.sh - what the shell suites share, sourced by
# tests/{cli,print,hostile,regress}/run.sh and tests/run-all.sh once they
# have set $top (the source tree): the binary and how to run it (plain,
# or under valgrind with STYRDOK_VALGRIND=1), a scratch directory removed
# on exit, the ok/not_ok/check/expect_status counters and the closing
# line "NAME: N passed, N failed" that run-all.sh and CI read.
bin="${STYRDOK_BIN:-$top/styrdok}"	# make asan runs its own build
# The suites read styrdok's English messages: whatever the user's locale,
# they run in C.UTF-8 (tests/i18n/ sets Swedish where it wants it).
unset LANGUAGE LC_MESSAGES
export LC_ALL=C.UTF-8
pass=0 fail=0
# valgrind as every suite runs it: any error or definite leak fails.
memcheck="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
scratch=$(mktemp -d "${TMPDIR:-/tmp}/styrdok-test.XXXXXX")
# A suite with more to clean up sets lib_on_exit to a function name.
lib_on_exit=:
lib_cleanup() {
	"$lib_on_exit"
	rm -rf "$scratch"
}
trap lib_cleanup EXIT

# styrdok ARGS...: the binary under test, under valgrind when asked.
styrdok() {
	if [ -n "${STYRDOK_VALGRIND:-}" ]; then
		# shellcheck disable=SC2086
		$memcheck "$bin" "$@"
	else
		"$bin" "$@"
	fi
}

ok() { pass=$((pass + 1)); echo "ok - $1"; }
not_ok() { fail=$((fail + 1)); echo "not ok - $1"; }
# show FILE [N]: the first N (10) lines of FILE, indented, as context.
show() { sed 's/^/    /' "$1" | cut -c1-300 | head -"${2:-10}"; }

# expect_status WANT DESCRIPTION COMMAND...
expect_status() {
	want=$1 desc=$2; shift 2
	"$@" >"$scratch/out" 2>"$scratch/err"; got=$?
	if [ "$got" = "$want" ]; then ok "$desc"; else
		not_ok "$desc (exit $got, wanted $want)"; show "$scratch/err" 5
	fi
}
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
	desc=$1; shift
	if "$@" >"$scratch/cout" 2>&1; then ok "$desc"; else
		not_ok "$desc"; show "$scratch/cout"
	fi
}
# suite_end NAME: the closing line; fails when a test failed.
suite_end() {
	echo "$1: $pass passed, $fail failed"
	[ "$fail" = 0 ]
}

# fake_pdf OUT: a minimal, complete one-page PDF (header, objects, a
# cross-reference table with true offsets, trailer, %%EOF), for FOP
# stand-ins: styrdok accepts only a PDF that pdfinfo can read.
fake_pdf() {
	python3 - "$1" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
}
