#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Every text a reader sees is Swedish: scans the outputs of a build
(HTML, Markdown, the report's JSON display fields, PDF through
pdftotext, DOCX and ODT through their XML) for

  (a) English words of the diagnostics catalogue: the words of the
      messages of every governance gap (gap_node() in src/*.c), less the
      few that are Swedish words too (system, plan, risk...);
  (b) the ids of documents, requirements and register entries, which
      may stand in anchors, attributes and URLs but not in visible text;
  (c) a gap without a reader text (the stylesheets' "Brist utan text")
      or a {fact} left unfilled.

Prints one line per find (file, what, the text around it) and exits 1
when there is any.

usage: language.py SRCDIR POLICIES FILE...
"""
import concurrent.futures
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

S = "{urn:styrdok:1}"

# Words of the gap messages that Swedish uses too, or that name things
# the Swedish texts name the same way.
SWEDISH_TOO = {
    "system", "plan", "risk", "status", "support", "ups", "klassa", "k",
    "r", "t", "s", "x", "systemägare", "spårbarhet", "driftsavtal",
    "sannolikhet", "konsekvens", "level", "minutes", "hours", "ld", "d",
    "in", "is", "information", "under", "it", "register", "test",
}
# "is", "in", "under", "test" and the rest are Swedish words as well;
# an English sentence is caught by its other words.
ID_KINDS = ("document", "requirement", "system", "risk", "risk-analysis",
            "continuity-plan")


def catalogue_words(srcdir):
    """The English words of every gap message in the sources."""
    words = set()
    for path in glob.glob(srcdir + "/*.c"):
        text = open(path, encoding="utf-8").read()
        for call in re.finditer(r"\bgap_node\((.*?)\);", text, re.S):
            for lit in re.findall(r'"((?:[^"\\]|\\.)*)"', call.group(1)):
                lit = re.sub(r"%[-0-9.]*l?[sdu]", " ", lit)
                for w in re.findall(r"[A-Za-z]+", lit):
                    w = w.lower()
                    if len(w) >= 2 and w not in SWEDISH_TOO:
                        words.add(w)
    return words


def source_ids(policies):
    ids = set()
    for path in glob.glob(policies + "/**/*.xml", recursive=True):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError:
            continue
        for e in root.iter():
            if e.tag in tuple(S + k for k in ID_KINDS) and e.get("id"):
                ids.add(e.get("id"))
    return ids


class Visible(html.parser.HTMLParser):
    """The text of an HTML page a browser shows: no tags, attributes,
    scripts or styles."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def xml_text(data, drop=()):
    root = ET.fromstring(data)
    for parent in root.iter():
        for child in list(parent):
            if child.tag in drop:
                parent.remove(child)
    return " ".join(root.itertext())


def json_display(value, key=None):
    """The strings of the report's JSON meant for display."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from json_display(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from json_display(v, key)
    elif isinstance(value, str) and key in ("text", "title", "now", "name",
                                            "organisation"):
        yield value


def visible_text(path):
    if path.endswith(".html"):
        p = Visible()
        p.feed(open(path, encoding="utf-8").read())
        return " ".join(p.out)
    if path.endswith(".md"):
        t = open(path, encoding="utf-8").read()
        t = re.sub(r"<!--.*?-->", " ", t, flags=re.S)
        t = re.sub(r"\]\([^)]*\)", "]", t)          # link targets
        t = re.sub(r"\{#[^}]*\}", " ", t)            # heading anchors
        t = re.sub(r'<a id="[^"]*"></a>', " ", t)
        return t
    if path.endswith(".json"):
        return " ".join(json_display(json.load(open(path, encoding="utf-8"))))
    if path.endswith(".pdf"):
        return subprocess.run(["pdftotext", "-q", "-enc", "UTF-8", path, "-"],
                              capture_output=True, text=True,
                              check=True).stdout
    if path.endswith(".docx"):
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        with zipfile.ZipFile(path) as z:
            return " ".join(xml_text(z.read(n), (w + "instrText",))
                            for n in z.namelist()
                            if re.match(r"word/(document|header\d*|footer\d*"
                                        r"|footnotes|comments)\.xml$", n))
    if path.endswith(".odt"):
        with zipfile.ZipFile(path) as z:
            return " ".join(xml_text(z.read(n)) for n in
                            ("content.xml", "styles.xml") if n in
                            z.namelist())
    return ""


def main():
    args = sys.argv[1:]
    srcdir, policies, files = args[0], args[1], args[2:]
    if not files:
        sys.exit("no files to check")
    words = catalogue_words(srcdir)
    ids = source_ids(policies)
    if len(words) < 50 or len(ids) < 20:
        sys.exit(f"too little to check: {len(words)} words, {len(ids)} ids")
    lower_words = {w.lower() for w in words}
    gapless = re.compile(r"Brist utan text[^.]*|\{[a-z-]+( [^{}]*)?\}")
    finds = 0
    # pdftotext takes most of the time: read the files side by side.
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        texts = list(pool.map(visible_text, files))
    for path, text in zip(files, texts):
        text = " ".join(text.replace("\u00ad", "").split())
        # URLs shown as text are addresses, not words.
        text = re.sub(r"\b(https?://|mailto:)\S+", " ", text)
        hits = []
        # Words and ids are the runs of letters, digits and hyphens that
        # stand between spaces, punctuation or a path's / # . @.
        for m in re.finditer(r"(?<![/#])\b[\w-]+\b", text):
            tok = m.group(0).strip("-")
            if tok.lower() in lower_words:
                hits.append(("English", m))
            elif tok in ids:
                hits.append(("id", m))
        hits += [("no reader text", m) for m in gapless.finditer(text)]
        for what, m in hits:
            finds += 1
            a, b = max(0, m.start() - 50), m.end() + 50
            print(f"{path}: {what} \"{m.group(0)}\": …{text[a:b]}…")
    sys.exit(1 if finds else 0)


if __name__ == "__main__":
    main()
