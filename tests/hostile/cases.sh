# SPDX-License-Identifier: ISC
# Cases of tests/hostile/run.sh, sourced by it: one block per threat.

# --- baseline: the scratch project itself is clean ---------------------------
mkproj base
sd 0 "baseline project" build -f html,md
safe "baseline project"

# === 1. No network, ever =======================================================
mkproj net-dtd
prolog "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE document SYSTEM \"$URL/styrdok.dtd\">"
refused "external DTD over http" xml-doctype "^$P:1:39: error: DOCTYPE"

mkproj net-entity
prolog "<!DOCTYPE document [<!ENTITY x SYSTEM \"$URL/x\">]>"
sed -i 's|<title>Undersektion</title>|<title>Undersektion \&x;</title>|' "$proj/$P"
refused "external general entity over http" xml-doctype "^$P:1:1: error: DOCTYPE"

mkproj net-param
prolog "<!DOCTYPE document [<!ENTITY % r SYSTEM \"$URL/r.dtd\"> %r;]>"
refused "external parameter entity over http" xml-doctype "^$P:1:1: error: DOCTYPE"

mkproj net-xinclude
printf '      <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="%s/part.xml"/>\n' "$URL" | inject
refused "XInclude over http" xinclude-path "^$P:39:[0-9]+: error: href \"http://"

mkproj net-xinclude-text
printf '      <prose><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="%s/t.md"/></prose>\n' "$URL" | inject
refused "XInclude parse=text over http" xinclude-path "^$P:39:[0-9]+: error: href \"http://"

# Sources cannot supply XSLT: a stylesheet PI naming a local or remote
# stylesheet (which would call document() and exsl:document) changes nothing.
evil_xsl() {
	cat >"$proj/policies/evil.xsl" <<EOF
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
  <xsl:template match="/">
    <exsl:document href="$tmp/pwned.html"><p>PWNED</p></exsl:document>
    <html><body>PWNED <xsl:value-of select="document('$URL/x.xml')"/>
      <xsl:value-of select="document('file://$tmp/secret.xml')"/></body></html>
  </xsl:template>
</xsl:stylesheet>
EOF
}
mkproj pi-plain
evil_xsl
sd 0 "reference build for the stylesheet PI" build -f html,md
mkproj pi-evil
evil_xsl
prolog "<?xml version=\"1.0\" encoding=\"UTF-8\"?><?xml-stylesheet type=\"text/xsl\" href=\"../evil.xsl\"?><?xml-stylesheet type=\"text/xsl\" href=\"$URL/evil.xsl\"?>"
sd 0 "<?xml-stylesheet?> in a source" build -f html,md
safe "<?xml-stylesheet?> in a source"
check "<?xml-stylesheet?>: no PWNED, no file written by the stylesheet" sh -c "! grep -rq PWNED '$proj/output' && test ! -e '$tmp/pwned.html'"
# The PI is part of the canonical source, so only the content hash may differ.
mask() { sed -E 's/[0-9a-f]{64}/HASH/g; s/[0-9a-f]{12}/HASH/g' "$1"; }
same_output=yes
for f in $(cd "$tmp/pi-plain/output" && find . -type f ! -name styrdok-build.record); do
	mask "$tmp/pi-plain/output/$f" >"$logs/a"; mask "$proj/output/$f" >"$logs/b"
	cmp -s "$logs/a" "$logs/b" || { same_output="$f differs"; break; }
done
check "<?xml-stylesheet?>: every output is the one without the PI (but for the hash)" test "$same_output" = yes

# === 2. No file outside the project through the inputs ========================
mkproj xxe-file
prolog "<!DOCTYPE document [<!ENTITY x SYSTEM \"file://$tmp/secret.txt\">]>"
sed -i 's|<title>Undersektion</title>|<title>\&x;</title>|' "$proj/$P"
refused "external general entity (file:)" xml-doctype "^$P:1:1: error: DOCTYPE"

mkproj xxe-path
prolog "<!DOCTYPE document [<!ENTITY x SYSTEM \"../../../secret.txt\">]>"
sed -i 's|<title>Undersektion</title>|<title>\&x;</title>|' "$proj/$P"
refused "external general entity (relative path)" xml-doctype "^$P:1:1: error: DOCTYPE"

mkproj xxe-param
prolog "<!DOCTYPE document [<!ENTITY % d SYSTEM \"$tmp/secret.dtd\"> %d;]>"
sed -i 's|<title>Undersektion</title>|<title>\&leak;</title>|' "$proj/$P"
refused "external parameter entity (file)" xml-doctype "^$P:1:1: error: DOCTYPE"

mkproj xxe-doctype-late
printf '<!-- first a comment -->\n<!DOCTYPE document SYSTEM "%s">\n' "$tmp/secret.dtd" >"$logs/head"
sed 1d "$proj/$P" >>"$logs/head"; cp "$logs/head" "$proj/$P"
refused "DOCTYPE after a comment, on line 2" xml-doctype "^$P:2:1: error: DOCTYPE"

xi() { # HREF [PARSE]: an include at line 38 of the policy
	printf '      <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="%s"%s/>\n' \
	    "$1" "${2:+ parse=\"$2\"}" | inject
}
mkproj xi-dotdot
xi "../../../secret.xml"
refused "XInclude with .." xinclude-path "^$P:39:62: error: href \"../../../secret.xml\" leads outside policies/"
mkproj xi-dotdot-text
xi "../../../secret.txt" text
refused "XInclude parse=text with .." xinclude-path "^$P:39:[0-9]+: error: href \"../../../secret.txt\" leads outside"
mkproj xi-dotdot-escaped
xi "%2e%2e/%2e%2e/%2e%2e/secret.xml"
refused "XInclude with percent-encoded .." xinclude-path "^$P:39:[0-9]+: error: href \"%2e%2e/.*leads outside"
mkproj xi-absolute
xi "$tmp/secret.xml"
refused "XInclude with an absolute path" xinclude-path "^$P:39:[0-9]+: error: href \"/.*must be a relative path"
mkproj xi-file-url
xi "file://$tmp/secret.xml"
refused "XInclude with a file: URL" xinclude-path "^$P:39:[0-9]+: error: href \"file:.*must be a relative path"
mkproj xi-file-url-relative
xi "file:../../../secret.xml"
refused "XInclude with a relative file: URL" xinclude-path "^$P:39:[0-9]+: error: href \"file:.*must be a relative path"
for scheme in "ftp://127.0.0.1:$PORT/x.xml" "https://127.0.0.1:$PORT/x.xml" "//127.0.0.1:$PORT/x.xml" \
    "jar:file://$tmp/x.zip!/a.xml" "data:text/xml,%3Cx/%3E" 'C:\secret.xml'; do
	mkproj xi-scheme
	xi "$scheme"
	refused "XInclude href=$scheme" xinclude-path "^$P:39:[0-9]+: error: href .*must be a relative path"
done

mkproj symlink-source
ln -s "$tmp/secret.xml" "$proj/policies/documents/lank.xml"
refused "a source that is a symbolic link out of the tree" xinclude-path "^policies/documents/lank.xml:1:1: error: source leads outside policies/"

mkproj symlink-part
ln -s "$tmp/secret.xml" "$proj/policies/parts/under.xml"
xi "../parts/under.xml"
refused "an XInclude target that is a symbolic link out of the tree" xinclude-path "^$P:39:[0-9]+: error: href \"../parts/under.xml\" leads outside policies/"

mkproj symlink-part-text
ln -s "$tmp/secret.txt" "$proj/policies/parts/text.md"
printf '      <section id="t"><title>T</title><prose><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="../parts/text.md"/></prose></section>\n' | inject
refused "a text XInclude target that is a symbolic link out of the tree" xinclude-path "^$P:39:[0-9]+: error: href \"../parts/text.md\" leads outside policies/"

mkproj symlink-dir
mkdir -p "$tmp/outside"
sed "s|<title>Testpolicy för informationssäkerhet</title>|<title>$SECRET</title>|; s|id=\"testpolicy\"|id=\"utanfor\"|" \
    "$top/tests/regress/valid-policy.xml" >"$tmp/outside/utanfor.xml"
ln -s "$tmp/outside" "$proj/policies/extra"
refused "a policies/ subdirectory that is a symbolic link out of the tree" xinclude-path "^policies/extra:1:1: error: .*outside policies/"

mkproj symlink-dir-xml
ln -s "$tmp/outside" "$proj/policies/documents/katalog.xml"
refused "a symbolic link to a directory outside, named like a source" xinclude-path "^policies/documents/katalog.xml:1:1: error: source leads outside policies/"

# The signature register names its staff list: it must stay in policies/.
bundled sig-staff
sed -i 's|staff="[^"]*"|staff="staff/../../../secret.csv"|' "$proj/policies/signaturer.xml"
sd 1 "a signature register naming a staff list outside" check
diag "a signature register naming a staff list outside: diagnostic" "^policies/signaturer.xml:[0-9]+:[0-9]+: error: .*\[signature-staff\]$"
safe "a signature register naming a staff list outside"

# === 3. Bounded work ============================================================
if under_valgrind_skip 3; then :; else
mkproj laughs
cp "$top/tests/regress/rule-xml-doctype-laughs.xml" "$proj/$P"
refused "billion laughs" xml-doctype "^$P:2:1: error: DOCTYPE"

mkproj quadratic
python3 - "$proj/$P" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
big = "A" * 100000
refs = "&big;" * 50000
s = s.replace('<?xml version="1.0" encoding="UTF-8"?>\n',
  '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE document [<!ENTITY big "%s">]>\n' % big, 1)
s = s.replace("<title>Undersektion</title>", "<title>%s</title>" % refs, 1)
open(p, "w", encoding="utf-8").write(s)
PY
refused "quadratic blow-up (one 100 kB entity referenced 50,000 times)" xml-doctype "^$P:2:1: error: DOCTYPE"

mkproj xi-self
xi "testpolicy.xml"
refused "XInclude of itself" xinclude-repeat "^$P:39:[0-9]+: error: \"testpolicy.xml\" is included more than once"

mkproj xi-loop
xi "../parts/a.xml"
cat >"$proj/policies/parts/a.xml" <<'EOF'
<section xmlns="urn:styrdok:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="a"><title>A</title>
  <xi:include href="b.xml"/>
</section>
EOF
cat >"$proj/policies/parts/b.xml" <<'EOF'
<section xmlns="urn:styrdok:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="b"><title>B</title>
  <xi:include href="a.xml"/>
</section>
EOF
refused "XInclude loop A→B→A" xinclude-repeat "^policies/parts/b.xml:2:[0-9]+: error: \"a.xml\" is included more than once"

# Each part includes the next ten times: 10^9 copies if expanded.
mkproj xi-fanout
xi "../parts/p0.xml"
for i in 0 1 2 3 4 5 6 7 8; do
	{ printf '<section xmlns="urn:styrdok:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="p%s"><title>P</title>\n' $i
	  for k in 1 2 3 4 5 6 7 8 9 10; do printf '<xi:include href="p%s.xml"/>\n' $((i + 1)); done
	  printf '</section>\n'; } >"$proj/policies/parts/p$i.xml"
done
printf '<section xmlns="urn:styrdok:1" id="p9"><title>Löv</title></section>\n' >"$proj/policies/parts/p9.xml"
refused "XInclude fan-out bomb (each part includes the next ten times)" xinclude-repeat "^policies/parts/p1.xml:3:13: error: \"p2.xml\" is included more than once"
diag "XInclude fan-out bomb: the include count limit" "^policies/parts/p0.xml:[0-9]+:1: error: more than 64 includes in one source \[xinclude-limit\]$"
diag "XInclude fan-out bomb: the include depth limit" "^policies/parts/p7.xml:2:1: error: includes nested deeper than 8 \[xinclude-limit\]$"

# Fan-out through distinct files: caught by the count limit.
mkproj xi-count
for i in $(seq 1 70); do
	printf '<section xmlns="urn:styrdok:1" id="c%s"><title>C</title></section>\n' $i >"$proj/policies/parts/c$i.xml"
	xi "../parts/c$i.xml"
done
refused "more than 64 includes in one source" xinclude-limit "^$P:[0-9]+:[0-9]+: error: more than 64 includes"

mkproj xi-xpointer
cp "$tmp/secret.xml" /dev/null
printf '<section xmlns="urn:styrdok:1" id="x"><title>X</title></section>\n' >"$proj/policies/parts/x.xml"
printf '      <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="../parts/x.xml" xpointer="xpointer(//*[count(//*)=count(//*[count(//*)>0])])"/>\n' | inject
refused "xpointer expression" xinclude "^$P:39:[0-9]+: error: xpointer is not supported"

mkproj deep
python3 - "$proj/$P" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace("<title>Undersektion</title>",
  "<title>Undersektion</title><prose>" + "<x>" * 10000 + "</x>" * 10000 + "</prose>", 1)
open(p, "w", encoding="utf-8").write(s)
PY
refused "10,000-level element nesting" xml-parse "^$P:40:[0-9]+: error: .*[Ee]xcessive depth"

mkproj big-attr
python3 - "$proj/$P" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('<owner role="it-chef"/>', '<owner role="%s"/>' % ("a" * (1 << 20)), 1)
open(p, "w", encoding="utf-8").write(s)
PY
sd 1 "a 1 MB attribute value" check
diag "a 1 MB attribute value: diagnostic at the attribute" "^$P:8:[0-9]+: error: .*\[(schema|ref-role)\]$"
check "a 1 MB attribute value: diagnostics stay short" test "$(wc -c <"$logs/err")" -lt 20000
safe "a 1 MB attribute value"

mkproj big-id
python3 - "$proj/$P" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = s.replace('<section id="under">', '<section id="u%s">' % ("a" * (1 << 20)), 1)
open(p, "w", encoding="utf-8").write(s)
PY
sd 1 "a 1 MB id" build -f html,md
diag "a 1 MB id: schema error at its line" "^$P:39:[0-9]+: error: .*\[schema\]$"
check "a 1 MB id: diagnostics stay short" test "$(wc -c <"$logs/err")" -lt 20000
safe "a 1 MB id"

mkproj big-file
python3 - "$proj/$P" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
pad = "<!--" + "x" * (50 * 1024 * 1024) + "-->\n"
s = s.replace("<body>", "<body>" + pad, 1)
open(p, "w", encoding="utf-8").write(s)
PY
refused "a 50 MB file" file-size "^$P:[0-9]+:[0-9]+: error: file is [0-9]+ bytes; the limit is"

# Many files just under the per-file limit: the run limit stops them.
mkproj big-run
python3 - "$proj/policies/documents" <<'PY'
import sys
d = sys.argv[1]
pad = "<!--" + "x" * (19 * 1024 * 1024) + "-->"
for i in range(6):
    open("%s/stor-%d.xml" % (d, i), "w").write(
        '<document xmlns="urn:styrdok:1" id="stor-%d" type="policy">%s</document>\n' % (i, pad))
PY
sd 1 "sources over 100 MiB in all" check
diag "sources over 100 MiB in all: diagnostic" "error: sources exceed [0-9]+ bytes in all.*\[file-size\]$"
safe "sources over 100 MiB in all"
rm -rf "$proj"

# Markdown: cmark 0.30.2's quadratic inputs.  Each is tried at 64 KiB,
# where the markup limit refuses it at the <prose> (line 39, column 47),
# and cut to the 2,048 markup characters a fragment may have, where it is
# rendered; both bounded.
md_case() { # NAME DESC PYTHON-EXPR
	mkproj "$1"
	python3 -c "import sys; sys.stdout.write(($3)[:60000])" | prose_section
	sd 1 "$2, 60 kB" build -f html,md
	diag "$2, 60 kB: md-limit at the prose" "^$P:39:47: error: prose has [0-9]+ Markdown markup characters .*the limit is 2048 .*\[md-limit\]$"
	safe "$2, 60 kB"
	mkproj "$1"
	python3 -c "
import sys
s, n, out = ($3), 0, []
for ch in s:
    n += ch in '*_\`[]!<&\\\\'
    if n > 2048: break
    out.append(ch)
sys.stdout.write(''.join(out))" | prose_section
	sd 0 "$2, cut to 2,048 markup characters" build -f html,md
	safe "$2, cut to 2,048 markup characters"
}
md_case md-bang-bracket "Markdown: repeated ![[]() (CVE-2023-22486)" "'![[]()' * 10900"
md_case md-brackets "Markdown: nested [" "'[' * 60000 + 'x'"
md_case md-link-brackets "Markdown: [a]( runs" "'[a](' * 16000"
md_case md-stars "Markdown: * runs on each side" "'*' * 60000"
md_case md-emph-nest "Markdown: alternating * and _" "'*a _' * 10000 + 'x' + '_ a*' * 5000"
md_case md-underscores "Markdown: _ between letters" "'a_' * 30000"
md_case md-backticks "Markdown: backtick runs of every length" "' '.join('\`' * i for i in range(1, 350))"
md_case md-comment "Markdown: unterminated <!-- (cmark#457)" "'<!--' * 16000"
md_case md-lt "Markdown: unclosed < runs" "'<a ' * 20000"
md_case md-entity "Markdown: &# runs" "'&#' * 30000"
md_case md-backslash "Markdown: backslash runs" "'a\\\\' * 30000"
md_case md-refdef "Markdown: reference definitions and uses" "''.join('[%d]: /u%d\n' % (i, i) for i in range(600)) + ' '.join('[%d]' % i for i in range(6000))"

mkproj md-items
python3 -c "import sys; sys.stdout.write('- a\n' * 15000)" | prose_section
sd 0 "Markdown: 15,000 list items (no markup limit)" build -f html,md
safe "Markdown: 15,000 list items"

mkproj md-quote-deep
python3 -c "import sys; sys.stdout.write('>' * 60000 + ' x')" | prose_section
sd 1 "Markdown: > nested 60,000 times" build -f html,md
diag "Markdown: > nested 60,000 times: md-limit at the 33rd level" "^$P:40:33: error: Markdown nested deeper than 32 levels \[md-limit\]$"
safe "Markdown: > nested 60,000 times"
mkproj md-list-deep
python3 -c "import sys; sys.stdout.write(''.join('  ' * i + '- a\n' for i in range(200)))" | prose_section
sd 1 "Markdown: lists nested 200 deep" build -f html,md
diag "Markdown: lists nested 200 deep: md-limit at the 33rd list" "^$P:72:65: error: Markdown nested deeper than 32 levels \[md-limit\]$"
safe "Markdown: lists nested 200 deep"
mkproj md-emph-deep
python3 -c "import sys; sys.stdout.write('*a ' * 1000 + 'x' + ' a*' * 1000)" | prose_section
sd 1 "Markdown: emphasis nested 1,000 deep" build -f html,md
diag "Markdown: emphasis nested 1,000 deep: md-limit" "^$P:40:97: error: Markdown emphasis and links nested deeper than 32 levels \[md-limit\]$"
safe "Markdown: emphasis nested 1,000 deep"
mkproj md-link-deep
python3 -c "import sys; sys.stdout.write('**[' * 200 + 'x' + '](/a)**' * 200)" | prose_section
sd 0 "Markdown: links in strong emphasis 200 times (links do not nest)" build -f html,md
safe "Markdown: links in strong emphasis nested 200 deep"
mkproj md-big
python3 -c "import sys; sys.stdout.write('ord ' * 18000)" | prose_section
sd 1 "Markdown: a 70 KiB fragment" build -f html,md
diag "Markdown: a 70 KiB fragment: md-limit at the prose" "^$P:39:47: error: prose is [0-9]+ bytes; the limit is 65536.*\[md-limit\]$"
safe "Markdown: a 70 KiB fragment"

# Many fragments of the worst kind allowed: bounded in all (about 1.6 s
# and 130 MB per MB of such prose).
mkproj md-many
python3 -c "
import sys
for i in range(1000):
    sys.stdout.write('      <section id=\"m%d\"><title>M</title><prose><![CDATA[%s]]></prose></section>\n' % (i, '![[]()' * 510))
" | inject
sd 0 "Markdown: 1,000 fragments of repeated ![[]() (3 MB)" check
safe "Markdown: 1,000 fragments of repeated ![[]()"

# More prose in all than a run parses (8 MiB): refused at the first block
# over the budget, so the worst Markdown can never use unbounded memory.
mkproj md-run
python3 -c "
import sys
for i in range(140):
    sys.stdout.write('      <section id=\"r%d\"><title>R</title><prose>%s</prose></section>\n' % (i, 'ord ' * 15360))
" | inject
sd 1 "Markdown: 140 fragments of 60 KiB (8.4 MiB of prose)" check
diag "Markdown: the run-wide prose budget is an md-limit error" "^$P:[0-9]+:[0-9]+: error: the prose of all sources exceeds 8388608 bytes; this block and the rest are not parsed \[md-limit\]$"
safe "Markdown: 8.4 MiB of prose"

fi # section 3

# === 4. Encoding ===============================================================
mkproj bad-utf8
printf '      <section id="u"><title>Fel \377\376 kodning</title></section>\n' | inject
refused "invalid UTF-8" xml-parse "^$P:39:[0-9]+: error: .*"

mkproj overlong-utf8
printf '      <section id="u"><title>\300\274script\300\276</title></section>\n' | inject
refused "overlong UTF-8 for <" xml-parse "^$P:39:[0-9]+: error: "

mkproj nul
printf '      <section id="u"><title>NUL\000här</title></section>\n' | inject
refused "a NUL byte" xml-parse "^$P:39:[0-9]+: error: "

mkproj utf16-bom
{ printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$proj/$P"; } >"$logs/u16" && cp "$logs/u16" "$proj/$P"
sd 0 "UTF-16 with a byte-order mark is read" build -f html,md
check "UTF-16 with a byte-order mark: the title arrives intact" grep -q "Testpolicy för informationssäkerhet" "$proj/output/testpolicy/1.1/testpolicy.html"
safe "UTF-16 with a byte-order mark"

mkproj utf16-nobom
sed -i '1d' "$proj/$P"
iconv -f UTF-8 -t UTF-16LE "$proj/$P" >"$logs/u16" && cp "$logs/u16" "$proj/$P"
refused "UTF-16 without a byte-order mark" xml-parse "^$P:1:1: (error|note): "
diag "UTF-16 without a byte-order mark: says what to do" "^$P:1:1: note: .*UTF-16 needs a byte-order mark"

mkproj empty
: >"$proj/policies/documents/tom.xml"
sd 1 "an empty file" check
diag "an empty file: diagnostic" "^policies/documents/tom.xml:1:1: error: file is empty \[file-empty\]$"
safe "an empty file"

mkproj dir-named-xml
mkdir -p "$proj/policies/documents/x.xml"
sd 1 "a directory named x.xml" check
diag "a directory named x.xml: diagnostic" "^policies/documents/x.xml:[0-9]+:[0-9]+: error: not a regular file \[file-type\]$"
safe "a directory named x.xml"

mkproj fifo
mkfifo "$proj/policies/documents/ror.xml"
sd 1 "a FIFO named like a source does not block" check
diag "a FIFO named like a source: diagnostic" "^policies/documents/ror.xml:[0-9]+:[0-9]+: error: not a regular file \[file-type\]$"
safe "a FIFO named like a source"

mkproj xi-text-binary
printf 'bin\000är\n' >"$proj/policies/parts/bin.md"
printf '      <section id="t"><title>T</title><prose><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="../parts/bin.md"/></prose></section>\n' | inject
refused "a text include with a NUL byte" xinclude "^$P:39:[0-9]+: error: included text \"../parts/bin.md\" is not valid UTF-8"
mkproj xi-text-latin1
printf 'r\344ksm\366rg\345s\n' >"$proj/policies/parts/latin1.md"
printf '      <section id="t"><title>T</title><prose><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" parse="text" href="../parts/latin1.md"/></prose></section>\n' | inject
refused "a text include in Latin-1" xinclude "^$P:39:[0-9]+: error: included text \"../parts/latin1.md\" is not valid UTF-8"
mkproj xi-dir
mkdir -p "$proj/policies/parts/d.xml"
xi "../parts/d.xml"
refused "an include of a directory" xinclude-path "^$P:39:[0-9]+: error: \"../parts/d.xml\" is not a regular file"
mkproj xi-empty
: >"$proj/policies/parts/tom.xml"
xi "../parts/tom.xml"
refused "an include of an empty file" file-empty "^policies/parts/tom.xml:1:1: error: file is empty"

# === 5. Nothing executable reaches an output ===================================
mkproj md-active
prose_section <<'EOF'
<script>alert(1)</script>

Text <img src=x onerror=alert(1)> och <a href="javascript:alert(1)">länk</a>.

<div onclick="alert(1)">block</div>

[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [vb](vbscript:msgbox(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[ent](&#x6A;avascript:alert(1)) [col](javascript&colon;alert(1))
[tab](java	script:alert(1)) [nl](<java
script:alert(1)>) <javascript:alert(1)> <vbscript:alert(1)>
[ref][r] ![img](javascript:alert(1)) [svg](data:image/svg+xml,<svg onload=alert(1)>)
[office](vnd.sun.star.script:Standard.Module1.Main?language=Basic)
[file](file:///etc/passwd) [t](https://ok.example "x\" onmouseover=\"alert(1)")

[r]: javascript:alert(1)

    <script>kod som kod</script>

`<script>inline kod</script>`
EOF
sd 0 "Markdown with raw HTML and dangerous links" build -f html,md
diag "raw HTML: md-raw-html at its line" "^$P:40:1: warning: raw HTML in Markdown is dropped from every output \[md-raw-html\]$"
diag "javascript: link: md-link-scheme at its line and column" "^$P:46:1: warning: link to \"javascript:alert\(1\)\" removed.*\[md-link-scheme\]$"
diag "vbscript: link: md-link-scheme" "link to \"vbscript:msgbox\(1\)\" removed.*\[md-link-scheme\]$"
diag "data: link: md-link-scheme" "^$P:47:1: warning: link to \"data:text/html.*\[md-link-scheme\]$"
diag "office macro link: md-link-scheme" "link to \"vnd.sun.star.script:.*\[md-link-scheme\]$"
diag "file: link: md-link-scheme" "link to \"file:///etc/passwd\" removed"
diag "reference link to javascript:: md-link-scheme" "^$P:51:1: warning: link to \"javascript:alert\(1\)\" removed"
safe "Markdown with raw HTML and dangerous links"
sd 0 "dangerous Markdown: report --format json" report --format json
cp "$logs/out" "$proj/output/report-stdout.json"
no_active "Markdown with raw HTML and dangerous links" "$proj/output"
check "Markdown code keeps <script> as text, escaped" grep -q '&lt;script&gt;kod som kod&lt;/script&gt;' "$proj/output/testpolicy/1.1/testpolicy.html"
check "the link title stays inside its attribute" python3 - "$proj/output/testpolicy/1.1/testpolicy.html" <<'PY'
import sys
from html.parser import HTMLParser
class P(HTMLParser):
    bad = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k.startswith("on") or k in ("srcdoc", "formaction"): self.bad.append((tag, k))
        if tag in ("script", "iframe", "object", "embed", "img", "svg"): self.bad.append(tag)
p = P(); p.feed(open(sys.argv[1], encoding="utf-8").read())
sys.exit(1 if p.bad else 0)
PY

# Values that land in attributes, comments, CSS, JSON and Markdown.
mkproj meta-active
EVIL='"><script>alert(1)</script></style><!-- --> */ </title>&lt;x'
python3 - "$proj/$P" "$proj/policies/organisation.xml" <<'PY'
import sys
evil_text = '"&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;&lt;!-- --&gt; */ `[x](javascript:alert(1))` &lt;/title&gt;\' onload=\'alert(1)'
evil_attr = evil_text.replace('"', '&quot;')
p, o = sys.argv[1], sys.argv[2]
s = open(p, encoding="utf-8").read()
s = s.replace("<title>Testpolicy för informationssäkerhet</title>", "<title>T %s</title>" % evil_text, 1)
s = s.replace("<keywords>test, policy</keywords>", "<keywords>%s</keywords>" % evil_text, 1)
s = s.replace("<applies-to>Alla nämnder och förvaltningar.</applies-to>", "<applies-to>%s</applies-to>" % evil_text, 1)
s = s.replace("<title>Undersektion</title>", "<title>%s</title>" % evil_text, 1)
s = s.replace('<supersedes organ="KF" date="2008-04-21">Informationssäkerhetspolicy (KF 2008-04-21)</supersedes>',
  '<supersedes organ="KF" date="2008-04-21">%s</supersedes>' % evil_text, 1)
s = s.replace('<statement>IT-chefen ska hålla policyn aktuell.</statement>',
  '<statement>IT-chefen ska %s</statement>' % evil_text, 1)
s = s.replace('dnr="KS 2024/117"/>', 'dnr="%s"/>' % evil_attr, 1)
open(p, "w", encoding="utf-8").write(s)
s = open(o, encoding="utf-8").read()
import re
s = re.sub(r"<name>([^<]*)</name>", lambda m: "<name>%s %s</name>" % (m.group(1), evil_text), s, count=1)
open(o, "w", encoding="utf-8").write(s)
PY
sd 0 "hostile text in title, keywords, dnr, statement, organisation name" build -f html,md
safe "hostile text in the metadata"
sd 0 "hostile metadata: report --format json on stdout" report --format json
cp "$logs/out" "$proj/output/report-stdout.json"
no_active "hostile text in the metadata" "$proj/output"
check "hostile metadata: the report JSON is valid and keeps the title" python3 -c '
import json, sys
r = json.load(open(sys.argv[1]))
s = json.dumps(r, ensure_ascii=False)
assert "<script>alert(1)</script>" in s, "title not kept"' "$proj/output/report/report.json"
# Attribute values that become links (doc= of requires, a link target).
mkproj link-attrs
sed -i 's|<requires doc="testpolicy" type="policy">|<requires doc="javascript:alert(1)" type="policy">|' "$proj/$P"
refused "requires doc=\"javascript:...\"" schema "^$P:13:[0-9]+: error: "
mkproj link-attrs2
sed -i 's|<owner role="it-chef"/>|<owner role="javascript:alert(1)"/>|' "$proj/$P"
refused "owner role=\"javascript:...\" (becomes #role-...)" schema "^$P:8:[0-9]+: error: "

# === 6. Templates are code: see the <?xml-stylesheet?> case in section 1. ===

# === 7. Output confinement and atomicity =======================================
if under_valgrind_skip 7; then :; else
mkproj out-symlink-dir
mkdir -p "$tmp/elsewhere" "$proj/output"
ln -s "$tmp/elsewhere" "$proj/output/testpolicy"
sd_rc=0
sd 3 "a symlink planted as output/testpolicy" build -f html,md || sd_rc=1
safe "a symlink planted as output/testpolicy"
check "output/testpolicy → elsewhere: nothing written there" test -z "$(ls -A "$tmp/elsewhere")"

mkproj out-symlink-file
sd 0 "first build" build -f html,md
echo "utanför" >"$tmp/victim.html"
ln -sf "$tmp/victim.html" "$proj/output/index.html"
ln -sf "$tmp/victim.html" "$proj/output/testpolicy/1.1/testpolicy.md"
sd 0 "symlinks planted as output/index.html and a document" build -f html,md --force
safe "symlinks planted as output files"
check "the outside target of the planted symlinks is unchanged" grep -qx "utanför" "$tmp/victim.html"
check "the planted symlinks were replaced by files" sh -c "test ! -L '$proj/output/index.html' -a -f '$proj/output/index.html' -a ! -L '$proj/output/testpolicy/1.1/testpolicy.md'"

mkproj out-symlink-record
sd 0 "first build" build -f html,md
echo "utanför" >"$tmp/victim.record"
ln -sf "$tmp/victim.record" "$proj/output/styrdok-build.record"
sd 0 "a symlink planted as the build record" build -f html,md
safe "a symlink planted as the build record"
check "the build record's outside target is unchanged" grep -qx "utanför" "$tmp/victim.record"

mkproj out-fail
sd 0 "a good build" build -f html,md
cp -R "$proj/output" "$tmp/out-before"
sed -i 's|<owner role="it-chef"/>|<owner role="ingen-sadan-roll"/>|' "$proj/$P"
sd 1 "a build after an error was added" build -f html,md --force
diag "the error is named" "^$P:8:[0-9]+: error: role=\"ingen-sadan-roll\" does not name a role; use one of: .*it-chef.* \[ref-role\]$"
check "a failing build leaves the previous outputs byte-identical" diff -r "$tmp/out-before" "$proj/output"
cp "$top/tests/regress/valid-policy.xml" "$proj/$P"
printf '      <section id="md"><title>M</title><prose>%s</prose></section>\n' "$(python3 -c "print('>' * 40 + ' x')")" | inject
sd 1 "a build after a Markdown limit error was added" build -f html,md
check "a failing Markdown stage leaves the previous outputs byte-identical" diff -r "$tmp/out-before" "$proj/output"
check "no temporary files are left behind" sh -c "! find '$proj' -name '.styrdok.*' | grep -q ."

# The adopted archive is never modified by build or adopt.
bundled archive
sd 0 "adopt the user instruction" adopt instruktion-anvandare --organ KS --date 2027-02-09 --paragraph 18 --dnr "KS 2026/45"
A="$proj/policies/adopted"
(cd "$A" && find . -type f -exec sha256sum {} + | sort) >"$logs/archive.sum"
sd 0 "build with an archive" build -f html,md --force
sd 1 "adopting the same version again is refused" adopt instruktion-anvandare --organ KS --date 2027-02-10 --paragraph 19 --dnr "KS 2026/46"
sd 0 "revise" revise instruktion-anvandare
sd 0 "adopt the revision" adopt instruktion-anvandare --organ KS --date 2027-06-01 --paragraph 30 --dnr "KS 2027/2"
check "build, a refused adopt, revise and a new adopt leave the first archive unchanged" sh -c "cd '$A' && sha256sum -c --quiet '$logs/archive.sum'"
echo "utanför" >"$tmp/victim.adopt"
mkdir -p "$tmp/elsewhere-adopt"
ln -s "$tmp/elsewhere-adopt" "$A/informationssakerhetspolicy"
sd 1 "adopt where policies/adopted/ID is a symlink out" adopt informationssakerhetspolicy --organ KF --date 2027-03-22 --paragraph 12 --dnr "KS 2026/45"
diag "adopt where policies/adopted/ID is a symlink out: refused" "^policies/adopted/informationssakerhetspolicy:1:1: error: a symbolic link: an archive is a directory of the project, never read through a link \[archive-integrity\]$"
check "nothing written through the symlinked archive directory" test -z "$(ls -A "$tmp/elsewhere-adopt")"
safe "adopt where policies/adopted/ID is a symlink out" "$A"
printf '%s\n' "$SECRET" >"$tmp/elsewhere-adopt/MANIFEST"
sd 1 "check with policies/adopted/ID a symlink out" check
diag "check: a symlinked archive directory is an error" "^policies/adopted/informationssakerhetspolicy:1:1: error: a symbolic link: an archive is a directory of the project, never read through a link \[archive-integrity\]$"
sd 1 "sign while an archive directory is a symlink out" sign instruktion-anvandare --staff policies/staff/personal-exempel.csv
safe "sign while an archive directory is a symlink out"
rm "$A/informationssakerhetspolicy"
rm -rf "$tmp/elsewhere-adopt"

# Staff list cells a spreadsheet would run: kept as text in register.csv.
bundled formula
printf 'Anställningsnummer;Namn;Enhet;Befattning\n1;Anna Ek;IT;Tekniker\n' >"$proj/policies/staff/f.csv"
sed -i 's|<title>Informationssäkerhetsinstruktion för användare</title>|<title>=HYPERLINK("http://x")</title>|' "$proj/policies/documents/instruktion-anvandare.xml"
sd 0 "sign a document whose title starts with =" sign instruktion-anvandare --staff policies/staff/f.csv
check "register.csv keeps a formula-like title as text" grep -q ";\"'=HYPERLINK(\"\"http://x\"\")\";" "$proj/output/signing/instruktion-anvandare/2.0/register.csv"

# Ids and versions that would name paths.
mkproj ids
for id in "../x" "a/b" "-x" ".x" "x..y" "X" "x&#9;y" "x&#10;y"; do
	cp "$top/tests/regress/valid-policy.xml" "$proj/$P"
	sed -i "s|id=\"testpolicy\"|id=\"$(printf '%s' "$id" | sed 's/\&/\\\&/g')\"|" "$proj/$P"
	refused "document id=\"$id\"" schema "^$P:2:[0-9]+: error: "
done
for v in "../../x" "1.1/.." "1.1&#10;" "-1"; do
	cp "$top/tests/regress/valid-policy.xml" "$proj/$P"
	sed -i "s|<version>1.1</version>|<version>$(printf '%s' "$v" | sed 's/\&/\\\&/g')</version>|" "$proj/$P"
	refused "version \"$v\"" schema "^$P:5:[0-9]+: error: "
done
bundled cli-ids
for arg in "../../x" "-x" ".x" "a/b" "$(printf 'x\001')"; do
	sd 1 "build with id argument \"$arg\"" build -f html,md -- "$arg"
	safe "build with id argument \"$arg\""
	sd 1 "packet \"$arg\"" packet -- "$arg"
	safe "packet \"$arg\""
	sd 1 "revise \"$arg\"" revise -- "$arg"
	sd 1 "adopt \"$arg\"" adopt --organ KS --date 2027-02-09 --paragraph 1 --dnr "KS 1" -- "$arg"
	safe "adopt \"$arg\"" "$proj/policies"
done
for v in "../../../../tmp" "2.0/../.." "-1" ".."; do
	sd 1 "sign --version \"$v\"" sign instruktion-anvandare --staff policies/staff/personal-exempel.csv --version "$v"
	safe "sign --version \"$v\""
	sd 2 "diff instruktion-anvandare@$v" diff "instruktion-anvandare@$v" instruktion-anvandare
	safe "diff instruktion-anvandare@$v"
done

# Names with spaces and å, ä, ö where they are legitimate.
proj="$tmp/mitt projekt åäö"
rm -rf "$proj"; mkdir -p "$proj"; cp -R "$top/policies" "$proj/"
cp "$proj/policies/staff/personal-exempel.csv" "$proj/personal åäö.csv"
sd 0 "a project directory with a space and å, ä, ö: build" build -f html,md
check "a project directory with a space and å, ä, ö: the index is written" test -f "$proj/output/index.html"
sd 0 "a staff list named \"personal åäö.csv\"" sign instruktion-anvandare --staff "personal åäö.csv"
check "a staff list named \"personal åäö.csv\": 24 sheets" sh -c "grep -o '<section class=\"sheet\"' \"\$1\" | wc -l | grep -qx 24" sh "$proj/output/signing/instruktion-anvandare/2.0/sheets.html"
mkdir -p "$proj/policies/dokument med mellanslag"
mv "$proj/policies/documents/instruktion-forvaltning.xml" "$proj/policies/dokument med mellanslag/förvaltning å.xml"
sd 0 "a source named \"förvaltning å.xml\" in a directory with spaces" check
printf '<document xmlns="urn:styrdok:1" id="x" type="policy"><oops/></document>\n' >"$proj/policies/dokument med mellanslag/trasig ö.xml"
sd 1 "an error in \"trasig ö.xml\"" check
diag "an error in \"trasig ö.xml\": named as written" "^policies/dokument med mellanslag/trasig ö.xml:1:[0-9]+: error: .*\[schema\]$"
sd 1 "an error in \"trasig ö.xml\": JSON" check --format json
check "an error in \"trasig ö.xml\": JSON names the file" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert any(x["file"] == "policies/dokument med mellanslag/trasig ö.xml" for x in d)' "$logs/out"

fi # section 7

# === 8. The staff list reader ==================================================
bundled csv
U=instruktion-anvandare
staff() { # DESC WANT-REGEX CSV-BYTES (printf format)
	rm -rf "$proj/ut"
	printf "$3" >"$proj/lista.csv"
	sd 1 "staff list: $1" sign $U --staff lista.csv -o ut
	diag "staff list: $1: diagnostic" "$2"
	check "staff list: $1: nothing written" test ! -e "$proj/ut"
	safe "staff list: $1" "$proj/ut"
}
staff "unterminated quote" '^lista.csv:3:[0-9]+: error: .*\[staff-csv\]$' 'Namn;Enhet;Anställningsnummer\nA;B;1\n"Åsa;Skola;2\nC;D;3\n'
staff "a NUL byte" '^lista.csv:2:2: error: a NUL byte.*\[staff-encoding\]$' 'Namn;Enhet;Anställningsnummer\nA\000x;B;1\n'
staff "too many columns" '^lista.csv:3:1: error: line 3 has 5 fields; the header has 3 \[staff-csv\]$' 'Namn;Enhet;Anställningsnummer\nA;B;1\nC;D;2;extra;mer\n'
staff "too few columns" '^lista.csv:3:1: error: line 3 has 2 fields; the header has 3 \[staff-csv\]$' 'Namn;Enhet;Anställningsnummer\nA;B;1\nC;D\n'
staff "invalid UTF-8 without --encoding" '^lista.csv:3:[0-9]+: error: not UTF-8.*--encoding cp1252 \[staff-encoding\]$' 'Namn;Enhet;Anställningsnummer\nA;B;1\n\305sa;Skola;2\n'
staff "an empty file" '^lista.csv:[0-9]+:[0-9]+: error: .*\[staff-empty\]$' ''
staff "a UTF-16 list" '^lista.csv:1:[0-9]+: error: .*\[staff-encoding\]$' '\377\376N\000a\000m\000n\000\n\000'
python3 -c 'import sys; sys.stdout.write("Namn;Enhet;Anställningsnummer\n" + "\"" + "x" * (30 * 1024 * 1024))' >"$proj/stor.csv"
sd 1 "staff list: 30 MB unterminated field is bounded" sign $U --staff stor.csv -o ut
safe "staff list: 30 MB unterminated field" "$proj/ut"
mkdir -p "$proj/katalog.csv"
sd 3 "staff list: a directory" sign $U --staff katalog.csv -o ut
safe "staff list: a directory" "$proj/ut"
staff "spreadsheet formulas" '^lista.csv:2:1: error: line 2: "=cmd.*starts with =, which a spreadsheet runs as a formula \[staff-row\]$' 'Namn;Enhet;Anställningsnummer\n"=cmd|'"'"'/c calc'"'"'!A1";Enhet;1\n@SUM(1);+1;2\n'
diag "staff list: spreadsheet formulas: @ and + too" '^lista.csv:3:1: error: line 3: "@SUM\(1\)" starts with @'

# === 9. Returned sheets (signed) ===============================================
bundled signed
U=instruktion-anvandare
cp "$proj/policies/signaturer.xml" "$tmp/register-outside.xml"
cp "$tmp/register-outside.xml" "$logs/register-outside.orig"
rm "$proj/policies/signaturer.xml"
ln -s "$tmp/register-outside.xml" "$proj/policies/signaturer.xml"
sd 1 "signed: a register that is a symlink out of policies/" signed $U 10288
check "signed: the file outside is not written" cmp "$tmp/register-outside.xml" "$logs/register-outside.orig"
safe "signed: a register that is a symlink out" "$proj/output"
bundled signed2
cp "$proj/policies/signaturer.xml" "$logs/register.orig"
python3 -c 'import sys; sys.stdout.write("Anställningsnummer;Version;Kontrollsumma;Underskriven datum\n" + "\"" + "x" * (30 * 1024 * 1024))' >"$proj/stor.csv"
sd 1 "signed --from: 30 MB unterminated field is bounded" signed $U --from stor.csv
diag "signed --from: 30 MB unterminated field: diagnostic" '^stor.csv:2:1: error: a quoted field that starts on line 2 never ends \[signed-csv\]$'
printf 'Anställningsnummer;Version;Kontrollsumma;Underskriven datum\n10288\000;1.1;;2026-01-01\n' >"$proj/nul.csv"
sd 1 "signed --from: a NUL byte" signed $U --from nul.csv
diag "signed --from: a NUL byte: diagnostic" '^nul.csv:1:1: error: a NUL byte.*\[signed-csv\]$'
mkdir -p "$proj/katalog.csv"
sd 3 "signed --from: a directory" signed $U --from katalog.csv
long=$(python3 -c 'print("9" * 100000)')
sd 1 "signed: a 100,000-digit employee number" signed $U "$long"
diag "signed: the long number is cut in the message" '^styrdok: error: signed: argument 1: .*employee number 9{40,60}… is not on'
sd 1 "signed: markup in an employee number" signed $U '1"/><signed employee="10288" version="1.1" date="2020-01-01"/>'
check "signed: nothing written for bad entries" cmp "$proj/policies/signaturer.xml" "$logs/register.orig"
safe "signed: bad entries" "$proj/output"
