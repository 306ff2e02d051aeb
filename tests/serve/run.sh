#!/bin/sh
# SPDX-License-Identifier: ISC
# The live preview (styrdok serve): started on a free port of 127.0.0.1
# in a scratch project, fetched with curl.  Rebuilds after a source and
# a template are saved, the reload events, the problem page while a
# source is broken (the files on disk untouched), the 127.0.0.1 binding,
# path traversal and symbolic links, methods other than GET and HEAD,
# the Host check, many idle connections and a slow reader that must not
# stop a rebuild, and a clean stop on SIGINT and SIGTERM.
# Ends with "serve: N passed, N failed".
set -u
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
. "$top/tests/lib.sh"
export STYRDOK_FOP=
pid=
stop_server() { [ -n "$pid" ] && kill -KILL "$pid" 2>/dev/null; pid=; }
lib_on_exit=stop_server
# Seconds to wait for the server: valgrind makes every step slower.
limit=10
[ -n "${STYRDOK_VALGRIND:-}" ] && limit=90
[ -n "${STYRDOK_ASAN:-}" ] && limit=30

# wait_for DESCRIPTION COMMAND...: passes once the command succeeds,
# trying every 0.05 s for $limit seconds.
wait_for() {
	desc=$1; shift
	tries=$((limit * 20))
	while ! "$@" >/dev/null 2>&1; do
		tries=$((tries - 1))
		if [ "$tries" -le 0 ]; then
			not_ok "$desc (not within ${limit} s)"
			show "$scratch/serve.out" 5
			return 1
		fi
		sleep 0.05
	done
	ok "$desc"
}

# serve_start DIR ARGS...: serve in the background; sets pid, url, port.
serve_start() {
	d=$1; shift
	: >"$scratch/serve.out"
	if [ -n "${STYRDOK_VALGRIND:-}" ]; then
		# shellcheck disable=SC2086
		$memcheck "$bin" -C "$d" serve "$@" >"$scratch/serve.out" \
		    2>"$scratch/serve.err" &
	else
		"$bin" -C "$d" serve "$@" >"$scratch/serve.out" \
		    2>"$scratch/serve.err" &
	fi
	pid=$!
	wait_for "serve prints its address" grep -q ' at http://127.0.0.1:[0-9]*/ ' "$scratch/serve.out"
	url=$(sed -n 's|.* at \(http://127\.0\.0\.1:[0-9]*\)/ .*|\1|p' "$scratch/serve.out")
	port=${url##*:}
}

# serve_stop SIGNAL: the server must exit 0 by itself; sets stopped.
serve_stop() {
	kill "-$1" "$pid"
	tries=$((limit * 20))
	while kill -0 "$pid" 2>/dev/null && [ "$tries" -gt 0 ]; do
		tries=$((tries - 1)); sleep 0.05
	done
	if kill -0 "$pid" 2>/dev/null; then
		not_ok "SIG$1 stops the server within ${limit} s"
		kill -KILL "$pid"; wait "$pid"; pid=
		return
	fi
	wait "$pid"; stopped=$?; pid=
	if [ "$stopped" = 0 ]; then ok "SIG$1 stops the server, exit 0"; else
		not_ok "SIG$1 stops the server, exit 0 (exit $stopped)"
		show "$scratch/serve.err"
	fi
}

# fetch PATH [CURL-ARGS...]: the body in $scratch/body, the status in
# $scratch/code, the headers in $scratch/head.
fetch() {
	p=$1; shift
	curl -s --path-as-is --max-time 5 -D "$scratch/head" -o "$scratch/body" \
	    -w '%{http_code}' "$@" "$url$p" >"$scratch/code" 2>/dev/null
}
status_is() { # WANT DESCRIPTION PATH [CURL-ARGS...]
	want=$1 desc=$2; shift 2
	fetch "$@"
	if [ "$(cat "$scratch/code")" = "$want" ]; then ok "$desc"; else
		not_ok "$desc (HTTP $(cat "$scratch/code"), wanted $want)"
	fi
}
# A listing of every file in the output directory with its hash.
tree_sums() {
	(cd "$1" && find . -type f ! -name '*.png' | LC_ALL=C sort | xargs sha256sum)
}

policy=informationssakerhetspolicy
page=/$policy/2.0/$policy.html
proj="$scratch/p"
mkdir -p "$proj"
cp -R "$top/policies" "$proj/"
# The templates from a copy, so a template can be saved too.
cp -R "$top/templates" "$scratch/templates"
export STYRDOK_TEMPLATES="$scratch/templates"

# --- usage ---------------------------------------------------------------
expect_status 0 "serve --help exits 0" styrdok serve --help
check "serve --help names the port, 127.0.0.1 and Ctrl-C" sh -c "grep -q -- '--port N' '$scratch/out' && grep -q 127.0.0.1 '$scratch/out' && grep -q Ctrl-C '$scratch/out'"
expect_status 2 "serve --bind 0.0.0.0 is refused" styrdok -C "$proj" serve --bind 0.0.0.0
check "the refusal says why" grep -q "127.0.0.1 only" "$scratch/err"
expect_status 2 "serve --port 70000 is a usage error" styrdok -C "$proj" serve --port 70000
expect_status 2 "serve -f rtf is a usage error" styrdok -C "$proj" serve -f rtf
expect_status 3 "serve outside a project is an environment error" styrdok -C "$scratch" serve --port 0
check "nothing was served or written there" test ! -e "$scratch/output"

# --- start: the first build, the address, the binding --------------------
serve_start "$proj" --port 0 -f md
check "the first build is reported with what it rendered" grep -q "built: re-rendered $policy/2.0/$policy.html.* in [0-9]* ms (0 errors, [0-9]* warnings)" "$scratch/serve.out"
check "the address printed is 127.0.0.1 with a port" sh -c "test '$port' -gt 0"
check "nothing is said on stderr while serving" test ! -s "$scratch/serve.err"
status_is 200 "GET / answers index.html" /
check "/ is the index page" grep -q '<title>Styrdokument för informationssäkerhet' "$scratch/body"
check "/ is text/html; charset=utf-8" grep -qi '^content-type: text/html; charset=utf-8' "$scratch/head"
status_is 200 "GET the policy page" "$page"
check "served HTML has exactly one script, the reload script" sh -c "test \$(grep -o '<script' '$scratch/body' | wc -l) = 1 && grep -q 'EventSource' '$scratch/body'"
check "served HTML allows that script alone (CSP with its hash)" grep -qi "^content-security-policy: default-src 'none'; script-src 'sha256-" "$scratch/head"
cmp -s "$scratch/body" "$proj/output$page"
check "the page on disk is not what was served (the script is added)" test $? != 0
check "no file on disk has a script" sh -c "! grep -rl '<script' '$proj/output'"
status_is 200 "GET a Markdown page (-f md adds it)" "/$policy/2.0/$policy.md"
check "Markdown is text/markdown" grep -qi '^content-type: text/markdown; charset=utf-8' "$scratch/head"
check "Markdown is served as on disk, without a script" cmp -s "$scratch/body" "$proj/output/$policy/2.0/$policy.md"
status_is 200 "GET the report's JSON" /report/report.json
check "JSON is application/json" grep -qi '^content-type: application/json' "$scratch/head"
check "every answer says nosniff and no-store" sh -c "grep -qi '^x-content-type-options: nosniff' '$scratch/head' && grep -qi '^cache-control: no-store' '$scratch/head'"
fetch /index.html
length=$(wc -c <"$scratch/body")
fetch /index.html -I
check "HEAD answers 200 with the length of GET and no body" sh -c "grep -q 200 '$scratch/code' && ! grep -q DOCTYPE '$scratch/body' && grep -qi '^content-length: $length' '$scratch/head'"
check "the server listens on 127.0.0.1 only (not on all addresses)" python3 -c '
import sys
port = int(sys.argv[1])
rows = [l.split() for l in open("/proc/net/tcp").readlines()[1:]]
listen = [r[1] for r in rows if r[3] == "0A" and int(r[1].split(":")[1], 16) == port]
sys.exit(0 if listen == ["0100007F:%04X" % port] else 1)' "$port"
curl -s --max-time 3 -o /dev/null "http://127.0.0.2:$port/" 2>/dev/null
check "another loopback address (127.0.0.2) gets no answer" test $? != 0
expect_status 3 "a second server on the same port is an environment error" styrdok -C "$proj" serve --port "$port"
check "it names the port in use" grep -q "cannot listen on 127.0.0.1:$port: Address already in use" "$scratch/err"

# --- only files under the output directory -------------------------------
printf 'STYRDOK-HEMLIGHET\n' >"$scratch/secret.txt"
ln -s "$scratch/secret.txt" "$proj/output/secret.txt"
ln -s "$scratch" "$proj/output/outside"
ln -s "$proj/output/index.html" "$proj/output/alias.html"
printf 'dold\n' >"$proj/output/.hidden"
mkfifo "$proj/output/fifo.html"
for p in /../secret.txt /../../../../../etc/passwd /%2e%2e/secret.txt \
    /%2E%2E/%2e%2e/etc/passwd /..%2fsecret.txt /register/%2e%2e/%2e%2e/secret.txt \
    /secret.txt /outside/secret.txt /alias.html /.hidden /fifo.html \
    /register/ /register /nonexistent.html; do
	status_is 404 "GET $p is 404" "$p"
	if grep -q STYRDOK-HEMLIGHET "$scratch/body" 2>/dev/null; then
		not_ok "GET $p leaks the file outside"
	fi
done
rm -f "$proj/output/secret.txt" "$proj/output/outside" "$proj/output/alias.html" \
    "$proj/output/.hidden" "$proj/output/fifo.html"

# --- GET and HEAD only; addressed to 127.0.0.1 or localhost --------------
tree_sums "$proj/output" >"$scratch/before"
for m in POST PUT DELETE PATCH OPTIONS TRACE; do
	status_is 405 "$m is 405" /index.html -X "$m" --data-binary 'skrivet'
	check "$m: Allow: GET, HEAD" grep -qi '^allow: GET, HEAD' "$scratch/head"
done
status_is 405 "PUT of a new file is 405" /ny.html -X PUT --data-binary '<p>ny</p>'
tree_sums "$proj/output" >"$scratch/after"
check "no method wrote anything" cmp -s "$scratch/before" "$scratch/after"
check "PUT made no file" test ! -e "$proj/output/ny.html"
status_is 403 "a foreign Host (DNS rebinding) is refused" / -H "Host: angripare.example:$port"
status_is 403 "the right name with another port is refused" / -H "Host: 127.0.0.1:1"
status_is 200 "Host localhost:PORT is served" / -H "Host: localhost:$port"

# --- a save rebuilds; open pages are told to reload ----------------------
curl -s -N --max-time 60 "$url/_styrdok/events?since=1000000" >"$scratch/events" 2>/dev/null &
events=$!
wait_for "the event stream opens" grep -q '^retry: ' "$scratch/events"
lines=$(grep -c . "$scratch/serve.out")
# Saved as editors that write a temporary file and rename it do, in one
# step, so the count of lines below cannot depend on the machine's load.
sed '0,/ska /s//ska alltid /' "$proj/policies/documents/$policy.xml" \
    >"$proj/policies/documents/.$policy.xml.tmp"
mv "$proj/policies/documents/.$policy.xml.tmp" "$proj/policies/documents/$policy.xml"
wait_for "saving a source rebuilds its page" grep -q 'ska alltid' "$proj/output$page"
wait_for "the rebuild is one line naming the source, the pages and the time" grep -q "$policy.xml changed: re-rendered $policy/2.0/$policy.html.* in [0-9]* ms (0 errors, [0-9]* warnings)" "$scratch/serve.out"
check "one line for the one save" test "$(grep -c . "$scratch/serve.out")" = $((lines + 1))
status_is 200 "the page is served again" "$page"
check "the page served has the new text" grep -q 'ska alltid' "$scratch/body"
wait_for "the open event stream is told to reload the page" grep -q "^data: .*$page" "$scratch/events"
check "the reload event names only pages that changed" sh -c "! grep '^data: ' '$scratch/events' | grep -q systemforteckning"
# A template: every page is made with it (valgrind: the rebuild is the
# same code as a source's, and costs 8 s there).
[ -z "${STYRDOK_VALGRIND:-}" ] && {
sed -i 's/left: -10000px/left: -10001px/' "$scratch/templates/html/css.xsl"
wait_for "saving a template rebuilds the pages" grep -q 'left: -10001px' "$proj/output/register/systemforteckning.html"
wait_for "and names the template" grep -q 'css.xsl changed: re-rendered' "$scratch/serve.out"
}

# --- while a source is broken --------------------------------------------
tree_sums "$proj/output" >"$scratch/before"
sed -i '0,/<title>/s//<title><fel\/>/' "$proj/policies/documents/$policy.xml"
wait_for "a broken source is reported, not built" grep -q "not rebuilt, [0-9]* errors* (first: policies/documents/$policy.xml:[0-9]*:[0-9]* \[schema\])" "$scratch/serve.out"
wait_for "open pages are told to reload (all of them)" grep -q '^data: \*' "$scratch/events"
status_is 200 "a page is answered while broken" /register/systemforteckning.html
check "it is the problem page" grep -q '<h1>Källorna har fel</h1>' "$scratch/body"
check "it lists the error with file:line:col, message and rule" grep -q "^<li><code class=\"plats\">policies/documents/$policy.xml:[0-9]*:[0-9]*</code><br><span class=\"fel\">fel:</span> .*title.* <code>\[schema\]</code></li>" "$scratch/body"
check "the file just saved comes first" sh -c "grep -m1 '^<li>' '$scratch/body' | grep -q 'policies/documents/$policy.xml:'"
styrdok -C "$proj" check >/dev/null 2>"$scratch/check.err"
check "it lists every problem check finds" test "$(grep -c '^<li>' "$scratch/body")" = "$(grep -c ': \(error\|warning\|note\): ' "$scratch/check.err")"
check "the problem page carries the reload script too" grep -q 'EventSource' "$scratch/body"
status_is 200 "/ shows the problems as well" /
check "/ is the problem page" grep -q 'Källorna har fel' "$scratch/body"
status_is 200 "non-HTML files are served as last built" /report/report.json
tree_sums "$proj/output" >"$scratch/after"
check "the files on disk are untouched while broken" cmp -s "$scratch/before" "$scratch/after"
sed -i 's|<title><fel/>|<title>|' "$proj/policies/documents/$policy.xml"
wait_for "fixing it brings the pages back" sh -c "curl -s '$url$page' | grep -q 'ska alltid'"

# --- bounded: idle connections and a slow reader do not stop rebuilds ----
head -c 8000000 /dev/zero >"$proj/output/stor.pdf"
python3 - "$port" "$limit" >"$scratch/flood" 2>&1 <<'PY' &
import socket, sys, time
port, limit = int(sys.argv[1]), int(sys.argv[2])
held = []
# A reader that asks for 8 MB and never reads.
slow = socket.socket()
slow.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
slow.connect(("127.0.0.1", port))
slow.sendall(b"GET /stor.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
held.append(slow)
# 100 connections that send half a request and wait.
for i in range(100):
    try:
        s = socket.create_connection(("127.0.0.1", port), timeout=1)
        s.send(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        held.append(s)
    except OSError:
        pass
print("held", len(held) if len(held) > 64 else "too few", flush=True)
time.sleep(3 + (limit > 10) * 20)
PY
flood=$!
wait_for "more connections are held open than the server takes" grep -q 'held [0-9]' "$scratch/flood"
sed -i '0,/ska alltid /s//ska alltid och överallt /' "$proj/policies/documents/$policy.xml"
wait_for "a save is rebuilt while they are held" grep -q 'ska alltid och överallt' "$proj/output$page"
kill "$flood" 2>/dev/null; wait "$flood" 2>/dev/null
wait_for "the server answers once they are gone" sh -c "curl -s --max-time 2 '$url$page' | grep -q 'ska alltid och överallt'"
rm -f "$proj/output/stor.pdf"

# --- a clean stop ----------------------------------------------------------
serve_stop INT
check "it says it stopped" grep -q '^styrdok: stopped$' "$scratch/serve.out"
check "the event stream ended with it" sh -c "! kill -0 $events 2>/dev/null || { sleep 1; ! kill -0 $events 2>/dev/null; }"
kill "$events" 2>/dev/null; wait "$events" 2>/dev/null
curl -s --max-time 2 -o /dev/null "$url/" 2>/dev/null
check "the port is closed" test $? != 0
check "no temporary file is left in the output" test -z "$(find "$proj/output" -name '.*' ! -name . )"

# --- broken from the start; --open; SIGTERM ---------------------------------
# (Not under valgrind: the same code as above, another 10 s there.)
[ -n "${STYRDOK_VALGRIND:-}" ] && { suite_end serve; exit; }
fresh="$scratch/q"
mkdir -p "$fresh/bin"
cp -R "$top/policies" "$fresh/"
sed -i '0,/<title>/s//<title><fel\/>/' "$fresh/policies/documents/$policy.xml"
printf '#!/bin/sh\necho "$@" >"%s/opened"\n' "$fresh" >"$fresh/bin/xdg-open"
chmod +x "$fresh/bin/xdg-open"
saved_path=$PATH
PATH="$fresh/bin:$PATH"
serve_start "$fresh" --port 0 --open
PATH=$saved_path
wait_for "--open runs xdg-open with the address" grep -qx "$url/" "$fresh/opened"
status_is 200 "with errors from the start / is answered" /
check "with the problem page" grep -q 'Källorna har fel' "$scratch/body"
check "and no output was written" test ! -e "$fresh/output/index.html"
sed -i 's|<title><fel/>|<title>|' "$fresh/policies/documents/$policy.xml"
wait_for "fixed, the first good build is written" test -f "$fresh/output/index.html"
serve_stop TERM

suite_end serve
