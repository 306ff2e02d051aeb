#!/bin/sh
# SPDX-License-Identifier: ISC
# Reliability tests: what crashes, full disks, concurrent runs, signals
# and broken FOPs do to a project.  The promise under test: after any
# fault the project (sources, archive, outputs) is exactly as before the
# run or exactly as after it, once the next run has completed what a
# killed run left; `check` is clean; no temporary file, directory or
# child process outlives the run that made it.
#
#   sh tests/reliability/run.sh            the quick version (make check)
#   sh tests/reliability/run.sh --torture  every write step of every
#                                          command and long random runs
#                                          (make torture; TORTURE_RUNS
#                                          sets the random runs, 50, and
#                                          TORTURE_STEP every how many
#                                          steps to hit, 1)
#
# Faults are made three ways: STYRDOK_FAULT=kill:N kills styrdok at its
# Nth write step and STYRDOK_FAULT=enospc:N makes that step fail with
# ENOSPC (write.c), so each step is hit deterministically; kill -9 at
# random moments; and FOP stand-ins in fop/.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
export STYRDOK_FOP= SOURCE_DATE_EPOCH=1795000000 STYRDOK_LOCK_WAIT=30
# A private TMPDIR: what styrdok leaves there is counted.
export TMPDIR="$scratch/tmp"
mkdir -p "$TMPDIR"
raw="$bin"	# killed or timed runs: never under valgrind

torture=0
[ "${1:-}" = "--torture" ] && torture=1
runs=${TORTURE_RUNS:-50}
# Quick: every STEP-th write step, RANDOM random kills per command.
if [ $torture = 1 ]; then step=${TORTURE_STEP:-1} random=$runs pairs=$((runs * 2))
elif [ -n "${STYRDOK_VALGRIND:-}" ]; then step=40 random=0 pairs=0
else step=10 random=2 pairs=3
fi

policy=informationssakerhetspolicy
U=instruktion-anvandare
adopt_args="$policy --organ KF --date 2027-03-22 --paragraph 12 --dnr KS-2026/45"

fresh() { # DIR: a fresh copy of the bundled project
	rm -rf "$1"
	mkdir -p "$1"
	cp -R "$top/policies" "$1/"
}
# fp DIR: the fingerprint of what a reader sees: every file of policies/
# and output/ that is not hidden, with its contents.
fp() {
	(cd "$1" && find policies output -type f ! -path '*/.*' 2>/dev/null |
	    LC_ALL=C sort | while IFS= read -r f; do
		printf '%s %s\n' "$(sha256sum <"$f" | cut -c1-64)" "$f"; done |
	    sha256sum | cut -c1-16)
}
# leftovers DIR: temporary files, staging directories and FOP
# directories that are still there.
leftovers() {
	{ find "$1" -name '.styrdok.*' -o -name '.*.staging.*'; \
	  find "$TMPDIR" -mindepth 1 -maxdepth 1 -name 'styrdok-*'; } 2>/dev/null | wc -l
}
ms_sleep() { sleep "$(awk -v m="$1" 'BEGIN { printf "%.3f", m / 1000 }')"; }
rand() { # 0..N
	awk -v n="$1" -v s="$(od -An -N4 -tu4 /dev/urandom)" \
	    'BEGIN { srand(s); print int(rand() * (n + 1)) }'
}

# sweep NAME DIR-BEFORE A-FINGERPRINT SCOPE FIX COMMAND...: runs COMMAND
# (with -C) on a copy of DIR-BEFORE, killed at write step N and, apart,
# failing with ENOSPC there, for every STEP-th N until the command gets
# through.  Killed: once `check` has run, the fingerprint of SCOPE
# (policies and output, or output) is that before or that after, and
# check exits 0; the next writer leaves no temporary file.  ENOSPC: the
# run exits 3 and SCOPE is as before, with nothing left.
sweep() {
	name=$1 base=$2 after=$3 scope=$4; shift 4
	before=$(fp_scope "$base" "$scope")
	n=1 bad=0 kills=0 fulls=0 last=0
	while :; do
		fresh_from "$base" "$scratch/k"
		STYRDOK_FAULT=kill:$n "$raw" -C "$scratch/k" "$@" >/dev/null 2>&1
		rc=$?
		if [ $rc = 0 ]; then last=$n; break; fi
		if [ $n -gt 3000 ]; then bad=$((bad + 1)); echo "  $name: never finished"; break; fi
		kills=$((kills + 1))
		styrdok -C "$scratch/k" check >/dev/null 2>"$scratch/k.err"; crc=$?
		now=$(fp_scope "$scratch/k" "$scope")
		if [ "$now" != "$before" ] && [ "$now" != "$after" ] || [ $crc != 0 ]; then
			bad=$((bad + 1)); echo "  $name: killed at step $n: check exit $crc, state neither before nor after"
			show "$scratch/k.err" 5
		fi
		# The next writer into the same project and output.
		"$raw" -C "$scratch/k" build -f md >/dev/null 2>&1
		if [ "$(leftovers "$scratch/k")" != 0 ]; then
			bad=$((bad + 1)); echo "  $name: killed at step $n: temporary files left after the next run"
			find "$scratch/k" -name '.styrdok.*' -o -name '.*.staging.*' | head -3
		fi
		fresh_from "$base" "$scratch/k"
		STYRDOK_FAULT=enospc:$n "$raw" -C "$scratch/k" "$@" >/dev/null 2>"$scratch/k.err"
		rc=$?
		fulls=$((fulls + 1))
		now=$(fp_scope "$scratch/k" "$scope")
		# Past the last rename nothing can fail: the run is done then.
		if { [ "$rc/$now" != "3/$before" ] && [ "$rc/$now" != "0/$after" ]; } ||
		    [ "$(leftovers "$scratch/k")" != 0 ]; then
			bad=$((bad + 1)); echo "  $name: ENOSPC at step $n: exit $rc, state changed or files left"
			show "$scratch/k.err" 5
		fi
		n=$((n + step))
	done
	echo "# $name: $kills kills and $fulls full disks at write steps 1-$last (every ${step}th), $bad failures"
	[ $bad = 0 ]
}
fp_scope() { if [ "$2" = output ]; then (cd "$1" && fp_out); else fp "$1"; fi; }
# fp_out: the fingerprint of output/ in the current directory.
fp_out() { find output -type f ! -path '*/.*' | LC_ALL=C sort | xargs -d '\n' -r sha256sum | sha256sum | cut -c1-16; }
fresh_from() { rm -rf "$2"; cp -R "$1" "$2"; rm -rf "$2/.styrdok"; }

# random_kills NAME DIR-BEFORE A-FINGERPRINT SCOPE MAXMS COMMAND...: the
# same promise, kill -9 at a random moment of the run.
random_kills() {
	name=$1 base=$2 after=$3 scope=$4 maxms=$5; shift 5
	before=$(fp_scope "$base" "$scope")
	bad=0 i=0 died=0
	while [ $i -lt "$random" ]; do
		i=$((i + 1))
		fresh_from "$base" "$scratch/r"
		"$raw" -C "$scratch/r" "$@" >/dev/null 2>&1 &
		pid=$!
		ms_sleep "$(rand "$maxms")"
		kill -9 $pid 2>/dev/null && died=$((died + 1))
		wait $pid 2>/dev/null
		styrdok -C "$scratch/r" check >/dev/null 2>"$scratch/r.err"; crc=$?
		now=$(fp_scope "$scratch/r" "$scope")
		if [ "$now" != "$before" ] && [ "$now" != "$after" ] || [ $crc != 0 ]; then
			bad=$((bad + 1)); echo "  $name: random kill $i: check exit $crc, state neither before nor after"
			show "$scratch/r.err" 5
		fi
	done
	echo "# $name: $random runs killed at random within ${maxms} ms ($died still running when killed), $bad failures"
	[ $bad = 0 ]
}

# --- adopt -------------------------------------------------------------
fresh "$scratch/a0"
cp -R "$scratch/a0" "$scratch/a1"
"$raw" -C "$scratch/a1" adopt $adopt_args >/dev/null 2>&1
adopted=$(fp "$scratch/a1")
check "adopt: killed at each write step, or out of space there: before or after" \
    sweep adopt "$scratch/a0" "$adopted" all adopt $adopt_args
cat "$scratch/cout" | grep '^#'
if [ "$random" -gt 0 ]; then
	check "adopt: killed at random moments: before or after" \
	    random_kills adopt "$scratch/a0" "$adopted" all 250 adopt $adopt_args
	grep '^#' "$scratch/cout"
fi
# The first step after which the journal is in place: a crash there
# leaves the project neither before nor after until the next run.
n=0
while [ $n -lt 100 ]; do
	n=$((n + 1))
	fresh_from "$scratch/a0" "$scratch/k"
	STYRDOK_FAULT=kill:$n "$raw" -C "$scratch/k" adopt $adopt_args >/dev/null 2>&1
	[ -f "$scratch/k/.styrdok/journal" ] && break
done
if [ -f "$scratch/k/.styrdok/journal" ]; then
	expect_status 0 "a half-done adopt is completed by the next run" styrdok -C "$scratch/k" list
	check "the next run says it completed it" grep -q "note: run [0-9]* was stopped while it put its files in place.*\[recovery\]" "$scratch/err"
	check "and the project is as adopted" test "$(fp "$scratch/k")" = "$adopted"
else
	not_ok "no step of adopt leaves a journal"
fi

# --- build -------------------------------------------------------------
fresh "$scratch/b0"
"$raw" -C "$scratch/b0" build -f html,md >/dev/null 2>&1
sed -i 's|<title>Informationssäkerhetspolicy</title>|<title>Informationssäkerhetspolicy (rev)</title>|' "$scratch/b0/policies/documents/$policy.xml"
cp -R "$scratch/b0" "$scratch/b1"
"$raw" -C "$scratch/b1" build -f html,md >/dev/null 2>&1
built=$(cd "$scratch/b1" && fp_out)
if [ $torture = 1 ]; then
	check "build: killed at each write step, or out of space there: old or new outputs" \
	    sweep build "$scratch/b0" "$built" output build -f html,md
else
	# Quick: the named document only (fewer files, the same commit).
	cp -R "$scratch/b0" "$scratch/b2"
	"$raw" -C "$scratch/b2" build -f md $policy >/dev/null 2>&1
	check "build: killed at write steps, or out of space there: old or new outputs" \
	    sweep build "$scratch/b0" "$(cd "$scratch/b2" && fp_out)" output build -f md $policy
fi
grep '^#' "$scratch/cout"
if [ "$random" -gt 0 ]; then
	check "build: killed at random moments: old or new outputs" \
	    random_kills build "$scratch/b0" "$built" output 450 build -f html,md
	grep '^#' "$scratch/cout"
fi
# A failing build changes nothing: the last file's place is a directory.
fresh_from "$scratch/b0" "$scratch/f"
old=$(cd "$scratch/f" && fp_out)
rm -f "$scratch/f/output/index.html"; mkdir "$scratch/f/output/index.html"
old=$(cd "$scratch/f" && fp_out)
expect_status 3 "build: an output path that is a directory fails the build" styrdok -C "$scratch/f" build -f html,md
check "the failure names the path" grep -q "index.html: Is a directory" "$scratch/err"
check "and no output changed" test "$(cd "$scratch/f" && fp_out)" = "$old"
# A build with nothing to do writes nothing, the record included.
touch "$scratch/marker"; sleep 1
expect_status 0 "a second build with nothing changed" styrdok -C "$scratch/b1" build -f html,md
check "writes no file at all" sh -c "test -z \"\$(find '$scratch/b1/output' -newer '$scratch/marker')\""

# --- sign and packet -----------------------------------------------------
fresh "$scratch/s0"
"$raw" -C "$scratch/s0" sign $U --staff policies/staff/personal-exempel.csv >/dev/null 2>&1
head -13 "$scratch/s0/policies/staff/personal-exempel.csv" >"$scratch/s0/half.csv"
cp -R "$scratch/s0" "$scratch/s1"
"$raw" -C "$scratch/s1" sign $U --staff half.csv >/dev/null 2>&1
signed=$(cd "$scratch/s1" && fp_out)
check "sign: killed at write steps, or out of space there: the old sheets or the new" \
    sweep sign "$scratch/s0" "$signed" output sign $U --staff half.csv
grep '^#' "$scratch/cout"
fresh "$scratch/p0"
"$raw" -C "$scratch/p0" packet ks-2026-45 >/dev/null 2>&1
sed -i 's|<title>Informationssäkerhetspolicy</title>|<title>Informationssäkerhetspolicy (rev)</title>|' "$scratch/p0/policies/documents/$policy.xml"
cp -R "$scratch/p0" "$scratch/p1"
"$raw" -C "$scratch/p1" packet ks-2026-45 >/dev/null 2>&1
packed=$(cd "$scratch/p1" && fp_out)
check "packet: killed at write steps, or out of space there: the old packet or the new" \
    sweep packet "$scratch/p0" "$packed" output packet ks-2026-45
grep '^#' "$scratch/cout"
if [ "$random" -gt 0 ]; then
	check "sign: killed at random moments" random_kills sign "$scratch/s0" "$signed" output 130 sign $U --staff half.csv
	grep '^#' "$scratch/cout"
	check "packet: killed at random moments" random_kills packet "$scratch/p0" "$packed" output 230 packet ks-2026-45
	grep '^#' "$scratch/cout"
fi

# --- one writer at a time ------------------------------------------------
# Two adopts of one document at once, with different decisions: one
# wins, the other is refused, and the archive is whole.
two_adopts() {
	bad=0 i=0
	while [ $i -lt "$pairs" ]; do
		i=$((i + 1))
		fresh "$scratch/c"
		"$raw" -C "$scratch/c" adopt $policy --organ KF --date 2027-03-22 --paragraph 12 --dnr X >"$scratch/c1" 2>&1 &
		p1=$!
		ms_sleep "$(rand 30)"
		"$raw" -C "$scratch/c" adopt $policy --organ KF --date 2027-03-22 --paragraph 13 --dnr X >"$scratch/c2" 2>&1 &
		p2=$!
		wait $p1; r1=$?; wait $p2; r2=$?
		A="$scratch/c/policies/adopted/$policy/2.0"
		if { [ "$r1$r2" != 01 ] && [ "$r1$r2" != 10 ]; } ||
		    ! (cd "$A" && sha256sum -c --quiet MANIFEST >/dev/null 2>&1) ||
		    ! "$raw" -C "$scratch/c" check >/dev/null 2>&1 ||
		    [ "$(grep -o 'paragraph="1[23]"' "$scratch/c/policies/documents/$policy.xml" | head -1)" != \
		      "$(grep -o 'paragraph="1[23]"' "$A/$policy.xml" | head -1)" ]; then
			bad=$((bad + 1)); echo "  run $i: exits $r1 and $r2"; cat "$scratch/c1" "$scratch/c2" | head -4
		fi
	done
	echo "# two adopts at once: $pairs runs, $bad broken"
	[ $bad = 0 ]
}
if [ "$pairs" -gt 0 ]; then
check "two adopts at once: one adopts, the other is refused, the archive is whole" two_adopts
grep '^#' "$scratch/cout"
build_during_adopt() {
	bad=0 i=0
	while [ $i -lt "$pairs" ]; do
		i=$((i + 1))
		fresh "$scratch/c"
		"$raw" -C "$scratch/c" adopt $adopt_args >/dev/null 2>&1 &
		p1=$!
		ms_sleep "$(rand 300)"
		"$raw" -C "$scratch/c" build -f html,md >"$scratch/c2" 2>&1; r2=$?
		wait $p1; r1=$?
		if [ $r1 != 0 ] || [ $r2 != 0 ] || grep -q "staging" "$scratch/c2" ||
		    ! "$raw" -C "$scratch/c" check >/dev/null 2>&1; then
			bad=$((bad + 1)); echo "  run $i: adopt $r1, build $r2"; head -3 "$scratch/c2"
		fi
	done
	echo "# build during adopt: $pairs runs, $bad broken"
	[ $bad = 0 ]
}
check "build during adopt: both succeed, no warning about the other's staging" build_during_adopt
grep '^#' "$scratch/cout"
fi
fresh "$scratch/l"
mkdir -p "$scratch/l/.styrdok"
python3 -c '
import fcntl, os, sys, time
f = open(sys.argv[1], "a")
fcntl.lockf(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").write(str(os.getpid()))
time.sleep(30)' "$scratch/l/.styrdok/lock" "$scratch/l.pid" &
holder=$!
while [ ! -s "$scratch/l.pid" ]; do ms_sleep 20; done
STYRDOK_LOCK_WAIT=0.3 expect_status 3 "a second writer gives up after STYRDOK_LOCK_WAIT" styrdok -C "$scratch/l" build -f md
check "and names the pid of the one writing" grep -q "another styrdok is writing to this project (pid $holder)" "$scratch/err"
expect_status 0 "a reader needs no lock" styrdok -C "$scratch/l" check
kill $holder; wait $holder 2>/dev/null

# --- leftovers of dead runs ---------------------------------------------
fresh "$scratch/o"
"$raw" -C "$scratch/o" build -f md >/dev/null 2>&1
: >"$scratch/o/output/$policy/.styrdok.99999999.0.tmp"
: >"$scratch/o/policies/documents/.styrdok.99999999.1.tmp"
mkdir -p "$scratch/o/policies/adopted/$policy/.2.0.staging.99999999" "$TMPDIR/styrdok-99999999-XyZ"
: >"$TMPDIR/styrdok-99999999-XyZ/0.fo"
# As a run killed during FOP leaves it: the marker naming its TMPDIR.
printf %s "$TMPDIR" >"$scratch/o/.styrdok/pdf.99999999"
expect_status 0 "the next writer runs despite what dead runs left" styrdok -C "$scratch/o" build -f md
check "and removes their temporary files, staging directory and FOP directory" test "$(leftovers "$scratch/o")" = 0
check "saying so in notes" sh -c "test \$(grep -c 'note: removed .*\[recovery\]' '$scratch/err') -ge 3"
check "and the dead run's marker" test ! -e "$scratch/o/.styrdok/pdf.99999999"
# A FOP directory no marker names (another project's, or the marker
# could not be written) is left to the next PDF run, which reads TMPDIR.
mkdir -p "$TMPDIR/styrdok-99999998-AbC"
expect_status 0 "a writer without PDF" styrdok -C "$scratch/o" build -f md
check "does not read TMPDIR" test -d "$TMPDIR/styrdok-99999998-AbC"
STYRDOK_FOP="$here/fop/crash.sh" expect_status 3 "the next PDF run (its FOP fails)" styrdok -C "$scratch/o" build -f pdf $policy
check "removes it first" test ! -e "$TMPDIR/styrdok-99999998-AbC"
check "saying so" grep -q "note: removed 1 temporary directory .*\[recovery\]" "$scratch/err"
check "and leaves no marker of its own" sh -c "! ls '$scratch/o/.styrdok' | grep -q '^pdf\.'"

# --- FOP: signals, time limits, broken PDFs ------------------------------
fresh "$scratch/q"
mkdir -p "$scratch/q/output/$policy/2.0"
echo OLD >"$scratch/q/output/$policy/2.0/$policy.pdf"
qpdf="$scratch/q/output/$policy/2.0/$policy.pdf"
# gone PID: not running (a zombie whose new parent, PID 1, has not yet
# reaped it counts as gone: it runs no more).
gone() { ! kill -0 "$1" 2>/dev/null || grep -q '^[0-9]* ([^)]*) Z' "/proc/$1/stat" 2>/dev/null; }
wait_mark() { n=0; while [ ! -s "$1" ] && [ $n -lt 250 ]; do ms_sleep 20; n=$((n + 1)); done; }
for sig in INT TERM HUP; do
	rm -f "$scratch/mark"
	FOP_MARK="$scratch/mark" STYRDOK_FOP="$here/fop/hang.sh" "$raw" -C "$scratch/q" build -f pdf $policy >/dev/null 2>"$scratch/sig.err" &
	pid=$!
	wait_mark "$scratch/mark"
	read -r fop child <"$scratch/mark"
	kill -$sig $pid
	wait $pid; rc=$?
	case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
	ms_sleep 200
	if [ $rc = $want ] && gone "$fop" && gone "$child" && [ "$(leftovers "$scratch/q")" = 0 ] &&
	    grep -qx OLD "$qpdf" && grep -q "stopped by .*\[interrupted\]" "$scratch/sig.err"; then
		ok "SIG$sig to styrdok alone during FOP: exit $want, FOP and its child gone, no temporary left, old PDF kept"
	else
		not_ok "SIG$sig during FOP (exit $rc, wanted $want; fop alive: $(gone "$fop" || echo yes), its child: $(gone "$child" || echo yes), left: $(leftovers "$scratch/q"))"
		show "$scratch/sig.err" 5
	fi
done
rm -f "$scratch/mark"
FOP_MARK="$scratch/mark" STYRDOK_FOP="$here/fop/hang.sh" "$raw" -C "$scratch/q" build -f pdf $policy >/dev/null 2>&1 &
pid=$!
wait_mark "$scratch/mark"
read -r fop child <"$scratch/mark"
kill -9 $pid; wait $pid 2>/dev/null
ms_sleep 300
check "kill -9 of styrdok: its FOP dies with it (PR_SET_PDEATHSIG)" gone "$fop"
expect_status 0 "the next run works" styrdok -C "$scratch/q" build -f md $policy
check "and ends what was left: FOP's own child and the temporary directory" sh -c "{ ! kill -0 $child 2>/dev/null || grep -q ' Z' /proc/$child/stat; } && test \$(find '$TMPDIR' -mindepth 1 | wc -l) = 0"
rm -f "$scratch/mark"
start=$(date +%s)
FOP_MARK="$scratch/mark" STYRDOK_FOP_TIMEOUT=1 STYRDOK_FOP="$here/fop/hang.sh" expect_status 3 "a hung FOP is stopped at its time limit" styrdok -C "$scratch/q" build -f pdf $policy
read -r fop child <"$scratch/mark"
check "within seconds, not minutes" test $(($(date +%s) - start)) -lt 20
check "the message names the limit" grep -q "FOP did not finish in [0-9]* seconds.*\[fop\]" "$scratch/err"
check "FOP and its child are gone, and so is the temporary directory" sh -c "for p in $fop $child; do kill -0 \$p 2>/dev/null && ! grep -q ' Z' /proc/\$p/stat && exit 1; done; test \$(find '$TMPDIR' -mindepth 1 | wc -l) = 0"
check "the earlier PDF is kept" grep -qx OLD "$qpdf"
for stand in crash junk fake-eof zeros huge; do
	STYRDOK_FOP="$here/fop/$stand.sh" expect_status 3 "FOP stand-in $stand: the build fails" styrdok -C "$scratch/q" build -f pdf $policy
	check "$stand: said at the PDF, the earlier PDF kept, nothing left" sh -c "grep -q '$policy.pdf.*\[fop\]' '$scratch/err' && grep -qx OLD '$qpdf' && test $(leftovers "$scratch/q") = 0"
done
if command -v fop >/dev/null 2>&1 && [ -z "${STYRDOK_VALGRIND:-}" ]; then
	STYRDOK_FOP="$here/fop/truncated.sh" expect_status 3 "a real PDF cut short is refused" styrdok -C "$scratch/q" build -f pdf $policy
	check "as incomplete" grep -q "does not end in %%EOF" "$scratch/err"
fi

suite_end reliability
