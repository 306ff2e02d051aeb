#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs every suite (unit, regression, command line, Swedish command
# line, signing round trip,
# print and office formats, the preview server, reliability, hostile
# inputs, man page lint) and ends with one summary line:
# "check: N passed, N failed".
# With arguments, only the suites named (unit regress cli i18n signing
# print serve reliability hostile architecture man); make valgrind runs
# some.
# STYRDOK_VALGRIND=1 runs every styrdok process under valgrind.
set -u
cd "$(dirname "$0")/.." || exit 3
top=$(pwd)
. "$top/tests/lib.sh"
total_pass=0 total_fail=0 log="$scratch/log" hostile_log="$scratch/hostile"
suites=${*:-unit regress cli i18n signing print serve reliability hostile architecture man}
want() { case " $suites " in *" $1 "*) return 0 ;; esac; return 1; }

# The hostile-input suite is the longest (most of all under valgrind) and
# shares nothing with the others: it runs beside them, on the other core.
if want hostile; then
	sh tests/hostile/run.sh >"$hostile_log" 2>&1 &
	hostile_pid=$!
fi

count() { # SUITE-NAME: adds the "N passed, N failed" of its last line
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/')
	f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/')
	[ -n "$line" ] || { p=0; f=1; echo "$1: no result line"; }
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

if want unit; then
	unit=${STYRDOK_UNIT:-./tests/unit/test_util}
	echo "== unit (cmocka)"
	if [ -n "${STYRDOK_VALGRIND:-}" ]; then
		# shellcheck disable=SC2086
		$memcheck "$unit" >"$log" 2>&1
	else
		"$unit" >"$log" 2>&1
	fi
	rc=$?
	cat "$log"
	p=$(grep -o 'PASSED  \] [0-9]*' "$log" | grep -o '[0-9]*$')
	f=$(grep -o 'FAILED  \] [0-9]*' "$log" | head -1 | grep -o '[0-9]*$')
	[ "$rc" -ne 0 ] && [ -z "$f" ] && f=1
	total_pass=$((total_pass + ${p:-0})); total_fail=$((total_fail + ${f:-0}))
fi

if want regress; then
	echo "== regression (golden files)"
	sh tests/regress/run.sh >"$log" 2>&1; cat "$log"; count regress
fi

if want cli; then
	echo "== command line"
	sh tests/cli/run.sh >"$log" 2>&1; grep -v '^ok ' "$log"; count cli
fi

if want i18n; then
	echo "== the command line in Swedish (gettext, po/)"
	sh tests/i18n/run.sh >"$log" 2>&1; grep -v '^ok ' "$log"; count i18n
fi

if want signing; then
	echo "== signing round trip"
	sh tests/signing/run.sh >"$log" 2>&1; grep -v '^ok ' "$log"; count signing
fi

if want print; then
	echo "== print and office formats"
	sh tests/print/run.sh >"$log" 2>&1; grep -v '^ok ' "$log"; count print
fi

if want serve; then
	echo "== preview server"
	sh tests/serve/run.sh >"$log" 2>&1; grep -v '^ok ' "$log"; count serve
fi

if want reliability; then
	echo "== reliability (crashes, full disks, concurrent runs, signals, FOP faults)"
	sh tests/reliability/run.sh >"$log" 2>&1; grep -v '^ok ' "$log"; count reliability
fi

if want hostile; then
	echo "== hostile inputs"
	wait "$hostile_pid"
	cp "$hostile_log" "$log"; grep -v '^ok ' "$log"; count hostile
fi

if want architecture; then
	echo "== architecture (who calls whom in src/)"
	if python3 tools/callgraph.py src/*.o >"$log" 2>&1; then
		total_pass=$((total_pass + 1)); tail -1 "$log"
	else
		total_fail=$((total_fail + 1)); grep -v ' -> ' "$log"
	fi
fi

if want man; then
	echo "== man page"
	if command -v mandoc >/dev/null 2>&1; then
		if mandoc -Tlint -Wwarning styrdok.1 >"$log" 2>&1; then
			total_pass=$((total_pass + 1)); echo "styrdok.1: mandoc -Tlint clean"
		else
			total_fail=$((total_fail + 1)); cat "$log"
		fi
	else
		echo "mandoc not installed: man page not linted"
	fi
fi

echo "check: $total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
