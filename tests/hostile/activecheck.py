#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""activecheck.py DIR... - fails when any output under DIR carries something
a browser would run: a script, iframe, object, embed or svg element, an
event-handler attribute, a link or source whose URL is not relative, #id,
http, https or mailto, a meta refresh, markup inside <style> or a comment.
HTML is parsed as a browser tokenises it; Markdown is rendered with
`cmark --unsafe` first (the most permissive reader); JSON must parse."""
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser

SAFE_URL = re.compile(r"^(https?:|mailto:|#|[^:]*$|[^:]*[/?#])", re.I)
BAD_TAGS = {"script", "iframe", "object", "embed", "svg", "math", "base",
            "form", "frame", "frameset", "applet", "link"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data",
             "poster", "background", "srcset", "ping", "cite"}


class Checker(HTMLParser):
    def __init__(self, where):
        super().__init__(convert_charrefs=True)
        self.where, self.bad, self.stack = where, [], []

    def flag(self, what):
        self.bad.append("%s: %s" % (self.where, what))

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag in BAD_TAGS:
            self.flag("<%s>" % tag)
        for k, v in attrs:
            v = v or ""
            if k.startswith("on") or k == "srcdoc" or \
                    (k == "style" and "expression(" in v.lower()):
                self.flag("attribute %s=%r on <%s>" % (k, v[:60], tag))
            if k in URL_ATTRS:
                # browsers drop tabs and newlines and leading spaces
                u = re.sub(r"[\t\n\r]", "", v).strip()
                if not SAFE_URL.match(u):
                    self.flag("%s=%r on <%s>" % (k, v[:60], tag))
            if tag == "meta" and k == "http-equiv" and v.lower() == "refresh":
                self.flag("meta refresh")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self.stack.pop()

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "style":
            low = data.lower()
            for bad in ("<", "expression(", "javascript:", "@import", "url("):
                if bad in low:
                    self.flag("%r in <style>" % bad)

    def handle_comment(self, data):
        if "<" in data or ">" in data:
            self.flag("markup in a comment: %r" % data[:60])


def check_html(text, where):
    c = Checker(where)
    c.feed(text)
    c.close()
    return c.bad


def main():
    bad = []
    for top in sys.argv[1:]:
        for root, _, files in os.walk(top):
            for f in sorted(files):
                path = os.path.join(root, f)
                if f.endswith(".html"):
                    bad += check_html(open(path, encoding="utf-8").read(), path)
                elif f.endswith(".md"):
                    html = subprocess.run(["cmark", "--unsafe", path],
                                          capture_output=True, text=True,
                                          check=True).stdout
                    bad += check_html(html, path + " (via cmark --unsafe)")
                elif f.endswith(".json"):
                    try:
                        json.load(open(path, encoding="utf-8"))
                    except ValueError as e:
                        bad.append("%s: not JSON: %s" % (path, e))
    for b in bad[:20]:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
