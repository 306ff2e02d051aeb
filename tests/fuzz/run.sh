#!/bin/sh
# SPDX-License-Identifier: ISC
# Runs the libFuzzer targets: first every kept reproducer of a past
# finding (tests/fuzz/reproducers/TARGET/), then each target for SECONDS
# from the seed corpora made here from the regression inputs and the
# bundled sources.  Corpora grow in fuzz-build/corpus/; a crash, leak or
# timeout is saved in fuzz-build/artifacts/ and fails the run.
# Usage: run.sh SECONDS TARGET...
set -u
cd "$(dirname "$0")/../.." || exit 3
# The targets change into a scratch project: give them absolute paths.
here=$(pwd)
seconds=$1
shift
seeds=fuzz-build/seeds.$$
mkdir -p fuzz-build/artifacts
rm -rf "$seeds"
python3 tests/fuzz/seeds.py "$seeds" || exit 3

fail=0
for t in "$@"; do
	bin=fuzz-build/fuzz_$t
	repro=tests/fuzz/reproducers/$t
	if [ -d "$repro" ] && [ -n "$(ls -A "$repro")" ]; then
		if "$bin" -timeout=20 -rss_limit_mb=2048 "$here/$repro"/* \
		    >fuzz-build/$t.repro.log 2>&1; then
			echo "fuzz $t: $(ls "$repro" | wc -l) reproducers pass"
		else
			echo "fuzz $t: a reproducer fails (fuzz-build/$t.repro.log)"
			tail -30 fuzz-build/$t.repro.log
			fail=1
		fi
	fi
	mkdir -p fuzz-build/corpus/$t
	dict=""
	case $t in document|diff) dict=-dict=$here/tests/fuzz/styrdok.dict ;; esac
	start=$(date +%s)
	"$bin" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 \
	    -max_len=65536 $dict -print_final_stats=1 \
	    -artifact_prefix="$here/fuzz-build/artifacts/$t-" \
	    "$here/fuzz-build/corpus/$t" "$here/$seeds/$t" \
	    >fuzz-build/$t.log 2>&1
	rc=$?
	end=$(date +%s)
	echo "$t $((end - start)) $rc $(date -u +%FT%TZ)" >>fuzz-build/time.log
	execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' \
	    fuzz-build/$t.log | grep -o '[0-9]*$')
	cov=$(grep -o 'cov: [0-9]*' fuzz-build/$t.log | tail -1)
	if [ "$rc" -eq 0 ]; then
		echo "fuzz $t: $((end - start)) s, ${execs:-?} inputs, $cov, no findings"
	else
		echo "fuzz $t: FINDING (exit $rc) after $((end - start)) s; see fuzz-build/$t.log"
		grep -E 'ERROR|SUMMARY|artifact' fuzz-build/$t.log | head -10
		fail=1
	fi
done
total=$(awk '{s[$1] += $2} END {for (t in s) printf "%s %d min; ", t, s[t] / 60}' \
    fuzz-build/time.log)
echo "fuzz: total time in this checkout: $total"
rm -rf "$seeds"
exit $fail
