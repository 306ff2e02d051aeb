#!/bin/sh
# SPDX-License-Identifier: ISC
# Golden-file regression cases.  Each case is
#   NAME.xml   a document, put in a scratch project beside organisation.xml
#   NAME.d/    or a whole project (its own policies/)
# with expected results beside it:
#   NAME.err   stderr of `styrdok check`, then "exit N"   (always)
#   NAME.html, NAME.md   the built document                (when present)
#   NAME.out/  the whole output tree of `build`            (when present)
#   NAME.packet/  the approval packet of its case            (when present)
# and redlines: diff/base.xml against diff/NAME.xml, and the returned
# sheets of signed/ recorded in signed.d; see the end.
# --regen rewrites the expected files from the current output.
set -u
# Ages (a risk analysis older than 12 months) are measured as of this day.
SOURCE_DATE_EPOCH=1795824000 # 2026-11-28
export SOURCE_DATE_EPOCH
# Golden files are text; PDF (not byte-stable) is tested in tests/print/.
export STYRDOK_FOP=
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
regen=0
[ "${1:-}" = "--regen" ] && regen=1

compare() { # expected actual label
	if [ "$regen" = 1 ]; then
		cp "$2" "$1"
	elif ! cmp -s "$1" "$2"; then
		echo "FAIL $3"
		diff -u "$1" "$2" | head -20
		return 1
	fi
	return 0
}

for case in "$here"/*.xml "$here"/*.d; do
	[ -e "$case" ] || continue
	name=$(basename "$case"); name=${name%.xml}; name=${name%.d}
	[ "$name" = organisation ] && continue
	proj="$scratch/$name"
	rm -rf "$proj"
	if [ -d "$case" ]; then
		cp -RP "$case" "$proj"
	else
		mkdir -p "$proj/policies/documents"
		cp "$here/organisation.xml" "$proj/policies/organisation.xml"
		cp "$case" "$proj/policies/documents/$name.xml"
	fi
	ok=1
	(cd "$proj" && styrdok check) >/dev/null 2>"$scratch/err"
	echo "exit $?" >>"$scratch/err"
	[ -f "$here/$name.err" ] || [ "$regen" = 1 ] || { echo "FAIL $name: no $name.err"; ok=0; }
	compare "$here/$name.err" "$scratch/err" "$name.err" || ok=0
	for ext in html md; do
		[ -f "$here/$name.$ext" ] || continue
		styrdok -C "$proj" build -f "$ext" >/dev/null 2>&1
		out=$(find "$proj/output" -mindepth 3 -name "*.$ext" | head -1)
		if [ -z "$out" ]; then
			echo "FAIL $name.$ext: nothing built"; ok=0; continue
		fi
		compare "$here/$name.$ext" "$out" "$name.$ext" || ok=0
	done
	# NAME.out/: the whole output tree of `build` (registers, report, index).
	if [ -d "$here/$name.out" ]; then
		styrdok -C "$proj" build -f html,md >/dev/null 2>&1
		if [ "$regen" = 1 ]; then
			rm -rf "$here/$name.out" && cp -R "$proj/output" "$here/$name.out"
		elif ! diff -r "$here/$name.out" "$proj/output" >"$scratch/diff"; then
			echo "FAIL $name.out"; head -20 "$scratch/diff"; ok=0
		fi
	fi
	# NAME.packet/: the approval packet of the project's one case.
	if [ -d "$here/$name.packet" ]; then
		id=$(basename "$(ls "$proj"/policies/cases/*.xml | head -1)" .xml)
		styrdok -C "$proj" packet "$id" >/dev/null 2>&1
		if [ "$regen" = 1 ]; then
			rm -rf "$here/$name.packet" &&
			    cp -R "$proj/output/packets/$id" "$here/$name.packet"
		elif ! diff -r "$here/$name.packet" "$proj/output/packets/$id" >"$scratch/diff"; then
			echo "FAIL $name.packet"; head -20 "$scratch/diff"; ok=0
		fi
	fi
	if [ "$ok" = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
# Redlines: diff/base.xml against each diff/NAME.xml, expected beside it
# as NAME.diff.md, .html, .json and NAME.diff.exit.
proj="$scratch/diffproject"
mkdir -p "$proj/policies"
cp "$here/organisation.xml" "$proj/policies/organisation.xml"
for case in "$here"/diff/*.xml; do
	name=$(basename "$case" .xml)
	[ "$name" = base ] && continue
	ok=1
	cp "$here/diff/base.xml" "$case" "$proj/"
	for fmt in md html json; do
		(cd "$proj" && styrdok diff -f "$fmt" base.xml "$name.xml") >"$scratch/out" 2>"$scratch/err"
		echo "exit $?" >"$scratch/exit"
		compare "$here/diff/$name.diff.$fmt" "$scratch/out" "diff/$name.diff.$fmt" || ok=0
	done
	compare "$here/diff/$name.diff.exit" "$scratch/exit" "diff/$name.diff.exit" || ok=0
	if [ "$ok" = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

# signed: each signed/NAME.in is the standard input of `styrdok signed
# instruktion-test` on a fresh copy of signed.d, with the arguments in
# NAME.args and NAME.csv as returns.csv (for --from); expected NAME.err
# (stderr, "exit N", then stdout) and NAME.xml, the register after.  A
# case without NAME.xml must leave the register byte for byte as it was.
for case in "$here"/signed/*.in; do
	name=$(basename "$case" .in)
	proj="$scratch/signed-$name"
	rm -rf "$proj"
	cp -R "$here/signed.d" "$proj"
	args=""
	[ -f "$here/signed/$name.args" ] && args=$(cat "$here/signed/$name.args")
	[ -f "$here/signed/$name.csv" ] && cp "$here/signed/$name.csv" "$proj/returns.csv"
	ok=1
	# shellcheck disable=SC2086
	(cd "$proj" && styrdok signed instruktion-test $args) <"$case" >"$scratch/out" 2>"$scratch/err"
	{ echo "exit $?"; echo "stdout:"; cat "$scratch/out"; } >>"$scratch/err"
	compare "$here/signed/$name.err" "$scratch/err" "signed/$name.err" || ok=0
	reg="$proj/policies/signaturer.xml"
	if [ -f "$here/signed/$name.xml" ]; then
		compare "$here/signed/$name.xml" "$reg" "signed/$name.xml" || ok=0
	elif ! cmp -s "$here/signed.d/policies/signaturer.xml" "$reg"; then
		echo "FAIL signed/$name: the register was changed"; ok=0
	fi
	if [ "$ok" = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done

suite_end regress
