#!/bin/sh
# make bench: generates synthetic projects at scales 1, 4 and 16
# (generate.py; scale 16 has 10,000 systems, 2,000 risk rows, 48 documents
# of 30 sections and 10,000 staff) and prints one figure a line as
# "NAME: VALUE UNIT": medians of several runs, peak memory, time per
# document and per system as the scale grows, the bundled project in
# every format (full and unchanged), the ratios against plain
# xsltproc and against a naive one-process-per-step pipeline, and the
# parse throughput of cmark and libxml2 on the same inputs.
# Never part of `make check`: it measures, it does not assert.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
bin="$top/styrdok"
T="$top/templates"
RUNS=${BENCH_RUNS:-3}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# The median seconds of RUNS runs of a command; its peak memory (KB) of
# those runs goes to $scratch/rss (command substitution is a subshell).
measure() {
	times="" max=0
	for i in $(seq "$RUNS"); do
		/usr/bin/time -q -f "%e %M" -o "$scratch/t" "$@" >/dev/null 2>&1 || true
		read -r t m <"$scratch/t"
		times="$times $t"
		[ "$m" -gt "$max" ] && max=$m
	done
	echo "$max" >"$scratch/rss"
	echo $times | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
rss() { cat "$scratch/rss"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
for scale in 1 4 16; do
	P="$scratch/p$scale"
	python3 "$here/generate.py" "$P" "$scale"
	docs=$(ls "$P"/policies/documents | wc -l)
	systems=$((625 * scale))
	t=$(measure "$bin" -C "$P" check); echo "check_x$scale: $t s"; echo "check_x${scale}_rss: $(rss) KB"
	t=$(measure "$bin" -C "$P" build --force -f html,md); echo "build_x$scale: $t s"; echo "build_x${scale}_rss: $(rss) KB"
	build=$t
	t=$(measure "$bin" -C "$P" build -f html,md); echo "build_unchanged_x$scale: $t s"
	# Documents alone (with the index), then what the registers add.
	ids=$(ls "$P"/policies/documents | sed 's/\.xml$//' | tr '\n' ' ')
	t=$(measure "$bin" -C "$P" build --force -f html,md $ids)
	echo "per_document_x$scale: $(echo "$t $docs" | awk '{printf "%.1f", 1000*$1/$2}') ms"
	echo "per_system_build_x$scale: $(echo "$build $t $systems" | awk '{printf "%.3f", 1000*($1-$2)/$3}') ms"
	echo "per_system_check_x$scale: $(echo "$(measure "$bin" -C "$P" check) $systems" | awk '{printf "%.3f", 1000*$1/$2}') ms"
done

# The bundled project in every format (PDF when FOP is installed): a
# full build, and a second one with nothing changed.
B="$scratch/bundled"
mkdir -p "$B" && cp -R "$top/policies" "$B/"
t=$(measure "$bin" -C "$B" build --force); echo "bundled_build_all_formats: $t s"
t=$(measure "$bin" -C "$B" build); echo "bundled_build_unchanged_all_formats: $t s"

# Signing 10,000 people on the bundled project (it has an acknowledgement).
python3 -c '
print("Anställningsnummer;Namn;Enhet;Befattning")
for i in range(10000): print("%d;Person %d Åström;Enhet %d;Handläggare" % (100000 + i, i, i % 40))' >"$scratch/staff10k.csv"
t=$(measure env STYRDOK_FOP= "$bin" -C "$top" sign instruktion-anvandare --staff "$scratch/staff10k.csv" -o "$scratch/signout")
echo "sign_10000_staff: $t s"; echo "sign_10000_staff_rss: $(rss) KB"

# Recording 2,000 returned sheets (signed) on the bundled project whose
# staff list has 2,000 people: from the register.csv that sign wrote,
# with every date filled in, and as 2,000 scanned codes on standard
# input.  Each run starts from the register as it was.
S="$scratch/signed"
mkdir -p "$S" && cp -R "$top/policies" "$S/"
python3 -c '
print("Anställningsnummer;Namn;Enhet;Befattning")
for i in range(2000): print("%d;Person %d Åström;Enhet %d;Handläggare" % (100000 + i, i, i % 40))' >"$S/policies/staff/personal-exempel.csv"
STYRDOK_FOP= "$bin" -C "$S" sign instruktion-anvandare --staff policies/staff/personal-exempel.csv -o "$scratch/s2k" >/dev/null 2>&1
python3 - "$scratch/s2k/signing/instruktion-anvandare/2.0/register.csv" "$scratch/returned.csv" <<'EOP'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
for r in rows[1:]:
    r[7] = "2026-11-20"
csv.writer(open(sys.argv[2], "w", encoding="utf-8-sig", newline=""), delimiter=";", lineterminator="\r\n").writerows(rows)
EOP
grep -o 'STYRDOK1:[^<]*' "$scratch/s2k/signing/instruktion-anvandare/2.0/sheets.html" >"$scratch/codes"
cp "$S/policies/signaturer.xml" "$scratch/reg.orig"
cat >"$scratch/signed.sh" <<EOS
cp "$scratch/reg.orig" "$S/policies/signaturer.xml"
"$bin" -C "$S" signed instruktion-anvandare --from "$scratch/returned.csv"
EOS
t=$(measure sh "$scratch/signed.sh"); echo "signed_2000_from_csv: $t s"; echo "signed_2000_from_csv_rss: $(rss) KB"
cat >"$scratch/signed.sh" <<EOS
cp "$scratch/reg.orig" "$S/policies/signaturer.xml"
"$bin" -C "$S" signed instruktion-anvandare --date 2026-11-20 <"$scratch/codes"
EOS
t=$(measure sh "$scratch/signed.sh"); echo "signed_2000_codes_stdin: $t s"

# Ratios at scale 4: the HTML build against plain xsltproc applying the
# same stylesheets to the already-enriched tree, and the naive pipeline
# (one cmark process per prose block, one xsltproc per document) against
# styrdok.
P="$scratch/p4"
"$bin" -C "$P" build --dump >"$scratch/tree.xml" 2>/dev/null
ids=$(ls "$P"/policies/documents | sed 's/\.xml$//' | tr '\n' ' ')
cat >"$scratch/xsltproc.sh" <<EOS
for id in $ids; do xsltproc --stringparam doc \$id "$T/html/document.xsl" "$scratch/tree.xml" >/dev/null; done
xsltproc --stringparam doc systemforteckning "$T/html/systems.xsl" "$scratch/tree.xml" >/dev/null
xsltproc "$T/html/risks.xsl" "$scratch/tree.xml" >/dev/null
xsltproc "$T/html/continuity.xsl" "$scratch/tree.xml" >/dev/null
xsltproc "$T/html/report.xsl" "$scratch/tree.xml" >/dev/null
xsltproc "$T/html/index.xsl" "$scratch/tree.xml" >/dev/null
EOS
xslt=$(measure sh "$scratch/xsltproc.sh")
html=$(measure "$bin" -C "$P" build --force -f html)
echo "build_html_x4: $html s"
echo "xsltproc_on_enriched_tree_x4: $xslt s"
echo "ratio_vs_xsltproc: $(echo "$html $xslt" | awk '{printf "%.2f", $1/$2}')"
mkdir -p "$scratch/blocks"
python3 - "$P" "$scratch/blocks" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
n = 0
for f in sorted(glob.glob(sys.argv[1] + '/policies/documents/*.xml')):
    for p in ET.parse(f).getroot().iter('{urn:styrdok:1}prose'):
        open('%s/%05d.md' % (sys.argv[2], n), 'w').write(p.text or '')
        n += 1
PY
cat >"$scratch/pipeline.sh" <<EOS
for b in "$scratch"/blocks/*.md; do cmark "\$b" >/dev/null; done
for id in $ids; do xsltproc --stringparam doc \$id "$T/html/document.xsl" "$scratch/tree.xml" >/dev/null; done
EOS
pipe=$(measure sh "$scratch/pipeline.sh")
docs_only=$(measure "$bin" -C "$P" build --force -f html $ids)
echo "naive_pipeline_x4: $pipe s ($(ls "$scratch/blocks" | wc -l) cmark and $(echo $ids | wc -w) xsltproc processes)"
echo "styrdok_documents_x4: $docs_only s"
echo "ratio_vs_pipeline: $(echo "$pipe $docs_only" | awk '{printf "%.2f", $1/$2}')"

# Parse throughput on the same inputs, for reference.
cat "$scratch"/blocks/*.md >"$scratch/all.md"
for i in 1 2 3 4 5 6 7 8; do cat "$scratch/all.md"; done >"$scratch/big.md"
mb=$(stat -c %s "$scratch/big.md" | awk '{print $1/1048576}')
t=$(measure cmark "$scratch/big.md")
echo "cmark_throughput: $(echo "$mb $t" | awk '{printf "%.1f", $1/($2 > 0 ? $2 : 0.01)}') MB/s"
mb=$(stat -c %s "$scratch/p16/policies/registers/systems.xml" | awk '{print $1/1048576}')
t=$(measure xmllint --noout "$scratch/p16/policies/registers/systems.xml")
echo "libxml2_throughput: $(echo "$mb $t" | awk '{printf "%.1f", $1/($2 > 0 ? $2 : 0.01)}') MB/s"
