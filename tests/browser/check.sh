#!/bin/sh
# SPDX-License-Identifier: ISC
# make check-browser: builds every kind of HTML page styrdok writes (the
# bundled documents, registers, report and index, the internal variant,
# an adopted version and a redline) into a scratch output directory and
# runs the accessibility and print checks of run.mjs on all of them in
# Debian's headless Chromium, then the live preview's checks of
# serve.mjs.  Screenshots land in output/screenshots/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
if [ ! -x /usr/bin/chromium ]; then
	echo "check-browser: /usr/bin/chromium is missing (apt-get install chromium)" >&2
	exit 3
fi
# The test's own packages, exactly as package-lock.json pins them (with
# their integrity sums); node_modules is not kept in git.
(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -R "$top/policies" "$scratch/"
S="$top/styrdok -C $scratch"
out="$scratch/out"
$S build -f html,md -o out >/dev/null 2>&1
$S build -f html,md --internal -o out/internal >/dev/null 2>&1
$S sign instruktion-anvandare --staff policies/staff/personal-exempel.csv -o out >/dev/null 2>&1
$S packet ks-2026-45 -o out >/dev/null 2>&1
# An adopted version, its next draft with one edit, and the redline.
$S adopt informationssakerhetspolicy --organ KF --date 2027-03-22 \
    --paragraph 12 --dnr "KS 2026/45" >/dev/null 2>&1
mkdir -p "$out/adopted"
cp "$scratch/policies/adopted/informationssakerhetspolicy/2.0/informationssakerhetspolicy.html" "$out/adopted/"
$S revise informationssakerhetspolicy >/dev/null 2>&1
sed -i '0,/ska /s//ska alltid /' "$scratch/policies/documents/informationssakerhetspolicy.xml"
$S diff -f html -o out/redline.html informationssakerhetspolicy@2.0 informationssakerhetspolicy >/dev/null 2>&1 || true
status=0
node "$here/run.mjs" "$out" || status=$?
# The live preview, on a project of its own: edits, a broken source.
mkdir -p "$scratch/serve"
cp -R "$top/policies" "$scratch/serve/"
node "$here/serve.mjs" "$top/styrdok" "$scratch/serve" "$out" || status=$?
mkdir -p "$top/output/screenshots"
cp "$out"/screenshots/*.png "$top/output/screenshots/"
exit $status
