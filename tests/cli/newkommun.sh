# Sourced by tests/cli/run.sh: a second municipality's project (init,
# its own profile and logo, providers), the index's links and the
# report's formats, and the hints messages give.  Uses run.sh's
# project(), $scratch and the lib.sh counters; FOP is off here.

# --- the index links what is there; report rewrites what it makes ---------
project idx
expect_status 0 "build -f html,docx" styrdok -C "$scratch/idx" build -f html,docx
check "index links each document's DOCX" grep -q 'href="informationssakerhetspolicy/2.0/informationssakerhetspolicy.docx"' "$scratch/idx/output/index.html"
check "index links the report's JSON" grep -q 'href="report/report.json"' "$scratch/idx/output/index.html"
check "index does not link formats not built" sh -c "! grep -q 'informationssakerhetspolicy\.\(md\|pdf\|odt\)\"' '$scratch/idx/output/index.html'"
expect_status 0 "build -f md after it" styrdok -C "$scratch/idx" build -f html,md
check "index still links the DOCX an earlier build wrote, and now the Markdown" sh -c "grep -q 'informationssakerhetspolicy.docx\"' '$scratch/idx/output/index.html' && grep -q 'informationssakerhetspolicy.md\"' '$scratch/idx/output/index.html'"
echo "an old report" >"$scratch/idx/output/report/report.pdf"
expect_status 0 "report without FOP" styrdok -C "$scratch/idx" report
check "report names the report.pdf it could not rewrite" grep -q "output/report/report.pdf:[0-9:]* warning: not rewritten: Apache FOP is not installed" "$scratch/err"
check "report says which formats it wrote" grep -q "wrote the report to output/report/ (html, md, json)" "$scratch/err"
