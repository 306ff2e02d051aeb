#!/bin/sh
# SPDX-License-Identifier: ISC
# make bench: generates synthetic projects at scales 1, 4, 16 and 64
# (generate.py; scale 16 has 10,000 systems, 2,000 risk rows, 48 documents
# of 30 sections and 10,000 staff, scale 64 four times that) and prints
# one figure a line as "NAME: VALUE UNIT": medians of several runs, peak
# memory, time per document and per system as the scale grows, builds
# with nothing changed of 1,000 and 3,000 documents, the bundled project
# in every format (full and unchanged, with and without PDF), the
# policy-sized document against DocBook XSL and pandoc, what each JVM
# setting of FOP buys, the first make, the ratios against plain
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
# those runs goes to $scratch/rss and the median processor time (user +
# system, the command's children included) to $scratch/cpu (command
# substitution is a subshell).  The peak is that of the largest process
# (styrdok or a FOP JVM it waited for).
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
	times="" cpus="" max=0
	for i in $(seq "$RUNS"); do
		/usr/bin/time -q -f "%e %M %U %S" -o "$scratch/t" "$@" >/dev/null 2>&1 || true
		read -r t m u s <"$scratch/t"
		times="$times $t"
		cpus="$cpus $(echo "$u $s" | awk '{printf "%.2f", $1 + $2}')"
		[ "$m" -gt "$max" ] && max=$m
	done
	echo "$max" >"$scratch/rss"
	echo $cpus | median >"$scratch/cpu"
	echo $times | median
}
rss() { cat "$scratch/rss"; }
cpu() { cat "$scratch/cpu"; }
# measure_each N COMMAND...: as measure, for a command that takes a few
# hundredths of a second: N runs in a row, per run (the clock of
# /usr/bin/time counts hundredths).
measure_each() {
	n=$1; shift
	{ printf 'for i in $(seq %s); do' "$n"; printf ' "%s"' "$@"; echo ' >/dev/null 2>&1; done'; } >"$scratch/each.sh"
	t=$(measure sh "$scratch/each.sh")
	c=$(cpu)	# read before the pipeline below truncates the file
	echo "$c $n" | awk '{printf "%.4f", $1 / $2}' >"$scratch/cpu"
	echo "$t $n" | awk '{printf "%.4f", $1 / $2}'
}
ratio() { echo "$1 $2" | awk '{printf "%.2f", ($2 > 0 ? $1 / $2 : 0)}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m)"
echo "load_average_at_start: $(cut -d' ' -f1-3 /proc/loadavg)"
# FOP's class-data-sharing archive lives in a cache of the bench's own,
# made by the first PDF build below, as on a user's first build.
export STYRDOK_CACHE="$scratch/cache"
mkdir -p "$STYRDOK_CACHE"
# ×64 (40,000 systems) takes minutes a run: BENCH_RUNS_X64 runs (1).
for scale in 1 4 16 64; do
	[ "$scale" = 64 ] && RUNS=${BENCH_RUNS_X64:-1}
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
	[ "$scale" = 64 ] && rm -rf "$P"
done
RUNS=${BENCH_RUNS:-3}
echo "largest_project_measured: 40000 systems, 192 documents (x64)"

# Many small documents: a build with nothing changed must stay linear.
for n in 1000 3000; do
	P="$scratch/docs$n"
	python3 "$here/generate.py" "$P" docs "$n"
	"$bin" -C "$P" build -f html,md >/dev/null 2>&1
	t=$(measure "$bin" -C "$P" build -f html,md)
	echo "build_unchanged_${n}_documents: $t s (cpu $(cpu) s)"
	rm -rf "$P"
done

# The bundled project in every format (PDF when FOP is installed): a
# full build, and a second one with nothing changed.
B="$scratch/bundled"
mkdir -p "$B" && cp -R "$top/policies" "$B/"
t=$(measure "$bin" -C "$B" build --force); echo "bundled_build_all_formats: $t s"
echo "bundled_build_all_formats_cpu: $(cpu) s"
echo "peak_build_all_formats_mb: $(rss | awk '{printf "%.0f", $1 / 1024}')"
t=$(measure "$bin" -C "$B" build); echo "bundled_build_unchanged_all_formats: $t s"
t=$(measure "$bin" -C "$B" build --force -f pdf); echo "bundled_build_pdf_only: $t s (cpu $(cpu) s)"
t=$(measure "$bin" -C "$B" build --force -f html,md,docx,odt); echo "bundled_build_without_pdf: $t s (cpu $(cpu) s)"

# The policy-sized document (30 sections of 4 paragraphs and a list):
# the same text as a styrdok source, a DocBook 5 article and Markdown
# (generate.py), each made by styrdok, DocBook XSL (xsltproc; FO set by
# the same Debian fop as it comes) and pandoc; HTML with a table of
# contents and numbered sections, as styrdok's page has them.
D="$scratch/policy"
python3 "$here/generate.py" "$D" policy
dbk=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns
html=$(measure_each 10 "$bin" -C "$D" build --force -f html policy)
echo "policy_html_s: $html s (cpu $(cpu) s)"
pdf=$(measure "$bin" -C "$D" build --force -f pdf policy)
echo "policy_pdf_s: $pdf s"
echo "policy_pdf_cpu: $(cpu) s"
docx=$(measure_each 10 "$bin" -C "$D" build --force -f docx policy)
echo "policy_docx_s: $docx s (cpu $(cpu) s)"
# FOP's share: the same PDF build with a FOP that does nothing.
printf '#!/bin/sh\nexit 1\n' >"$scratch/nofop"
chmod +x "$scratch/nofop"
nofop=$(measure env STYRDOK_FOP="$scratch/nofop" "$bin" -C "$D" build --force -f pdf policy)
echo "fop_share_of_policy_pdf: $(echo "$pdf $nofop" | awk '{printf "%.0f", ($1 > 0 ? 100 * ($1 - $2) / $1 : 0)}') %"
if [ -f "$dbk/html/docbook.xsl" ]; then
	db_html=$(measure_each 10 xsltproc -o "$scratch/db.html" "$dbk/html/docbook.xsl" "$D/policy.dbk")
	db_html_cpu=$(cpu)
	cat >"$scratch/dbpdf.sh" <<EOS
xsltproc -o "$scratch/db.fo" "$dbk/fo/docbook.xsl" "$D/policy.dbk" && env -u JAVA_ARGS fop -fo "$scratch/db.fo" -pdf "$scratch/db.pdf"
EOS
	db_pdf=$(measure sh "$scratch/dbpdf.sh")
	echo "docbook_html_s: $db_html s (cpu $db_html_cpu s)"
	echo "docbook_pdf_s: $db_pdf s (cpu $(cpu) s)"
	echo "ratio_pdf_vs_docbook: $(ratio "$pdf" "$db_pdf")"
	echo "ratio_html_vs_docbook: $(ratio "$html" "$db_html")"
else
	echo "docbook: not installed (apt-get install docbook-xsl-ns); its ratios left out"
fi
if command -v pandoc >/dev/null 2>&1; then
	pd_html=$(measure_each 10 pandoc -s --toc --number-sections --metadata title=Informationssäkerhetspolicy -o "$scratch/pd.html" "$D/policy.md")
	echo "pandoc_html_s: $pd_html s (cpu $(cpu) s)"
	pd_docx=$(measure_each 10 pandoc -o "$scratch/pd.docx" "$D/policy.md")
	echo "pandoc_docx_s: $pd_docx s (cpu $(cpu) s)"
	echo "ratio_html_vs_pandoc: $(ratio "$html" "$pd_html")"
	echo "ratio_docx_vs_pandoc: $(ratio "$docx" "$pd_docx")"
else
	echo "pandoc: not installed (apt-get install pandoc); its ratios left out"
fi

# What each JVM setting buys: FOP (Debian's /usr/bin/fop, settings in
# JAVA_ARGS) on the policy's own XSL-FO, then one JVM (FOP's Ant task,
# as styrdok runs it) for the bundled project's PDFs.
"$bin" -C "$D" build --dump >"$scratch/policy-tree.xml" 2>/dev/null
xsltproc --stringparam doc policy --stringparam restricted omit "$T/fo/document.xsl" "$scratch/policy-tree.xml" >"$scratch/policy.fo"
jsa="$scratch/flags.jsa"
cat >"$scratch/fo_run.sh" <<EOS
JAVA_ARGS="\$1" exec fop -c "$T/fo/fop.xconf" -fo "$scratch/policy.fo" -pdf "$scratch/flags.pdf"
EOS
env JAVA_ARGS="-XX:ArchiveClassesAtExit=$jsa -Xlog:disable" fop -c "$T/fo/fop.xconf" -fo "$scratch/policy.fo" -pdf "$scratch/flags.pdf" >/dev/null 2>&1
all="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xlog:disable"
for v in "default:" "c1_only:-XX:TieredStopAtLevel=1" "serial_gc:-XX:+UseSerialGC" \
    "no_perf_data:-XX:-UsePerfData" "cds_archive:-XX:SharedArchiveFile=$jsa -Xlog:disable" \
    "all_but_cds:$all" "all:$all -XX:SharedArchiveFile=$jsa"; do
	t=$(measure sh "$scratch/fo_run.sh" "${v#*:}")
	echo "fop_policy_${v%%:*}: $t s (cpu $(cpu) s)"
done

# The first make on a machine with the packages installed: compile,
# then render the bundled project in every format, FOP's archive made
# on the way (an empty cache).
F="$scratch/first"
mkdir -p "$F"
(cd "$top" && cp -R Makefile src templates policies tools styrdok.1 "$F/")
rm -f "$F"/src/*.o
/usr/bin/time -q -f "%e" -o "$scratch/t" env STYRDOK_CACHE="$scratch/cache-first" make -C "$F" >/dev/null 2>&1 || true
echo "first_make: $(cat "$scratch/t") s"
rm -rf "$F" "$scratch/cache-first"

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
