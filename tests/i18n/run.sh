#!/bin/sh
# SPDX-License-Identifier: ISC
# The command line in the user's language (GNU gettext, po/): Swedish
# diagnostics, count line and --help under a Swedish locale, English
# under C, the same places and rule ids in both, JSON and SARIF byte for
# byte the same in both; and po/sv.po complete for the messages the
# sources have now (xgettext, msgmerge, msgfmt --statistics), with the
# check itself shown to catch an untranslated, a fuzzy and a missing
# message.  The installed catalogue is tested with make install in
# tests/cli/run.sh, which builds an installed copy anyway.
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
export STYRDOK_FOP=

# Swedish as a user gets it: LANG=sv_SE.UTF-8 where that locale is
# generated, else LANGUAGE=sv over C.UTF-8 (GNU gettext honours LANGUAGE
# in any locale but C), so the test needs no generated locale.
if locale -a 2>/dev/null | grep -qi '^sv_SE\.utf-\?8$'; then
	sv() (unset LANGUAGE LC_ALL LC_MESSAGES; LANG=sv_SE.UTF-8 "$@")
	echo "# Swedish from LANG=sv_SE.UTF-8"
else
	sv() (unset LC_MESSAGES; LC_ALL=C.UTF-8 LANGUAGE=sv "$@")
	echo "# sv_SE.UTF-8 is not generated here: Swedish from LANGUAGE=sv, LC_ALL=C.UTF-8"
fi
en() (unset LANGUAGE LC_MESSAGES; LC_ALL=C "$@")

# --- a project with errors, warnings and notes ----------------------------
# The bundled sources (governance gaps: warnings; notes), with a date
# that is no date (a rule of styrdok's own), a misspelt reference (with
# its hint) and an element the schema does not know (explained by
# explain.c).
p=$scratch/p
mkdir -p "$p"
cp -R "$top/policies" "$p/"
sed -i -e '0,/<review-by>[^<]*</s//<review-by>2027-02-30</' \
    -e '0,/<decision organ="KF"/s//<decision organ="kf"/' \
    "$p/policies/documents/informationssakerhetspolicy.xml"
sed -i '0,/<meta>/s//<meta><bogus\/>/' \
    "$p/policies/documents/instruktion-anvandare.xml"

(cd "$p" && en styrdok check) >"$scratch/en.out" 2>"$scratch/en.err"
en_rc=$?
(cd "$p" && sv styrdok check) >"$scratch/sv.out" 2>"$scratch/sv.err"
sv_rc=$?
if [ "$en_rc" = 1 ] && [ "$sv_rc" = 1 ]; then
	ok "check exits 1 on errors in either language"
else
	not_ok "check exits 1 on errors in either language (C $en_rc, Swedish $sv_rc)"
fi
check "C: English severities and messages" \
    grep -q ': error: .* \[schema\]$' "$scratch/en.err"
check "C: the English count line" \
    grep -qE '^styrdok: [0-9]+ errors?, [0-9]+ warnings?$' "$scratch/en.err"
check "Swedish: the severities are fel, varning and anmärkning" sh -c "
    grep -q ': fel: ' '$scratch/sv.err' &&
    grep -q ': varning: ' '$scratch/sv.err' &&
    grep -q ': anmärkning: ' '$scratch/sv.err' &&
    ! grep -qE ': (error|warning|note): ' '$scratch/sv.err'"
check "Swedish: the count line" \
    grep -qE '^styrdok: [0-9]+ fel, [0-9]+ varningar?$' "$scratch/sv.err"
check "Swedish: a governance gap in Swedish, its rule id as it is" \
    grep -qE ': varning: det prioriterade systemet .* har ingen kontinuitetsplan \[continuity-plan\]$' "$scratch/sv.err"
check "Swedish: the bad date in Swedish" \
    grep -qE ': fel: .*2027-02-30.* \[date-invalid\]$' "$scratch/sv.err"
check "Swedish: a misspelt reference with its hint in Swedish" \
    grep -qF ': fel: organ="kf" anger inte ett organ; menade du "KF"? [ref-organ]' "$scratch/sv.err"
check "Swedish: a schema error explained in Swedish, to the last word" \
    grep -qF ': fel: <bogus> hör inte hemma först i <meta>; här väntades <title> [schema]' "$scratch/sv.err"
check "Swedish: no message of styrdok's in English (libxml2's own aside)" sh -c "
    grep -q ': fel: ' '$scratch/sv.err' && ! grep -E ': (fel|varning|anmärkning): ' '$scratch/sv.err' |
    grep -E ' (is|has|have|the|must|not|was|should|expected|of|and) '"
# Every diagnostic at the same place with the same rule, in one order.
where() { sed -nE 's/^([^ ]*:[0-9]+:[0-9]+): [^:]*: .* (\[[a-z0-9-]+\])$/\1 \2/p' "$1"; }
where "$scratch/en.err" >"$scratch/en.where"
where "$scratch/sv.err" >"$scratch/sv.where"
check "the same FILE:LINE:COL and [rule] of every diagnostic in both" sh -c "
    test -s '$scratch/en.where' && cmp -s '$scratch/en.where' '$scratch/sv.where'"
check "as many lines on stderr in both" sh -c "test -s '$scratch/en.err' &&
    test $(wc -l <"$scratch/en.err") = $(wc -l <"$scratch/sv.err")"

for f in json sarif; do
	(cd "$p" && en styrdok check --format $f) >"$scratch/en.$f" 2>/dev/null
	(cd "$p" && sv styrdok check --format $f) >"$scratch/sv.$f" 2>/dev/null
	check "check --format $f: byte for byte the same in both languages" sh -c "
	    test -s '$scratch/en.$f' && cmp -s '$scratch/en.$f' '$scratch/sv.$f'"
	check "check --format $f: English severities and messages" sh -c "
	    grep -q '\"error\"' '$scratch/sv.$f' && grep -q 'has no continuity plan' '$scratch/sv.$f' &&
	    grep -qF 'does not name an organ; did you mean' '$scratch/sv.$f'"
done

# --- what a build says it did --------------------------------------------
b=$scratch/b
mkdir -p "$b"
cp -R "$top/policies" "$b/"
(cd "$b" && sv styrdok build -f md) >/dev/null 2>&1
(cd "$b" && sv styrdok build -f md --force) >/dev/null 2>"$scratch/sv.build"
check "Swedish: a forced build that writes nothing new says so" \
    grep -qE '^styrdok: skrev 0 filer till output/ \(0 redan aktuella, [0-9]+ framställda på nytt men oförändrade\)$' "$scratch/sv.build"

# --- help and usage ----------------------------------------------------
sv styrdok --help >"$scratch/help" 2>&1
check "Swedish --help" sh -c "head -1 '$scratch/help' | grep -q '^användning: styrdok' &&
    grep -q '^Kommandon:' '$scratch/help'"
for c in check build list adopt revise diff sign signed packet report serve init; do
	sv styrdok $c --help >"$scratch/help" 2>&1
	check "Swedish $c --help, command and options as they are" \
	    grep -q "^användning: styrdok $c" "$scratch/help"
done
en styrdok --help >"$scratch/help" 2>&1
check "English --help under C" grep -q '^usage: styrdok' "$scratch/help"
sv styrdok frobnicate >/dev/null 2>"$scratch/usage"
check "Swedish usage error with the Swedish synopsis" sh -c "
    grep -qF 'styrdok: fel: okänt kommando: frobnicate [usage]' '$scratch/usage' &&
    grep -q '^användning: styrdok' '$scratch/usage'"
sv styrdok sign >/dev/null 2>"$scratch/usage"
check "a command's Swedish synopsis on a usage error" \
    grep -q '^användning: styrdok sign ID --staff' "$scratch/usage"

# --- the catalogue is complete -----------------------------------------
# complete PO POT: every message of POT translated in PO, none fuzzy.
complete() {
	msgmerge -q --no-fuzzy-matching "$1" "$2" -o "$scratch/merged.po" 2>/dev/null &&
	    msgfmt --check --statistics -o /dev/null "$scratch/merged.po" \
	    >"$scratch/stats" 2>&1 &&
	    grep -q 'translated message' "$scratch/stats" &&
	    ! grep -qE 'untranslated|fuzzy' "$scratch/stats"
}
if command -v xgettext >/dev/null && command -v msgmerge >/dev/null; then
	make -s -C "$top" pot POT="$scratch/now.pot" >/dev/null 2>&1
	if test -s "$scratch/now.pot" && complete "$top/po/sv.po" "$scratch/now.pot"; then
		ok "po/sv.po translates every message of the sources, none fuzzy ($(cat "$scratch/stats"))"
	else
		not_ok "po/sv.po translates every message of the sources, none fuzzy (make pot, msgmerge -U po/sv.po po/styrdok.pot)"
		show "$scratch/stats"
	fi
	# The check catches what it is for: an emptied, a fuzzy, a new message.
	awk '/^msgid "no command given"$/ { print; getline; print "msgstr \"\""; next } { print }' \
	    "$top/po/sv.po" >"$scratch/empty.po"
	awk '/^msgid "no command given"$/ { print "#, fuzzy" } { print }' \
	    "$top/po/sv.po" >"$scratch/fuzzy.po"
	{ cat "$scratch/now.pot"; printf '\nmsgid "a message added today"\nmsgstr ""\n'; } >"$scratch/more.pot"
	for bad in empty fuzzy; do
		if complete "$scratch/$bad.po" "$scratch/now.pot"; then
			not_ok "the completeness check fails on a $bad message"
		else
			ok "the completeness check fails on a $bad message"
		fi
	done
	if complete "$top/po/sv.po" "$scratch/more.pot"; then
		not_ok "the completeness check fails on a message the catalogue misses"
	else
		ok "the completeness check fails on a message the catalogue misses"
	fi
	check "msgfmt --check accepts po/sv.po (format strings agree)" \
	    msgfmt --check -o /dev/null "$top/po/sv.po"
else
	not_ok "xgettext and msgmerge are installed (Debian package gettext; make deps)"
fi

suite_end i18n
