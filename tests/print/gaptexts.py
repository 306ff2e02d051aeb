#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""Every governance gap the sources can produce has a Swedish reader
text, and every text names only facts its gap carries.

Reads each gap_node() call in src/*.c with the gap_fact() calls after it
(its case= values and the other facts' names), the rule ids of
src/diag.h, and the <gap-texts> of templates/profile.xml; fails on a
gap without a text under RULE/CASE (or RULE for a gap without a case),
a text that uses a {fact} its gap does not set, a text with English
left in it, and a text no gap uses.

usage: gaptexts.py SRCDIR PROFILE
"""
import glob
import re
import sys
import xml.etree.ElementTree as ET

S = "{urn:styrdok:1}"


def main():
    srcdir, profile = sys.argv[1], sys.argv[2]
    diag_h = open(srcdir + "/diag.h", encoding="utf-8").read()
    ids = dict(re.findall(r'X\((\w+), "([a-z0-9-]+)", SEV_\w+, CLASS_\w+, [01]\)',
                          diag_h))
    gap_rules = {ids[n] for n in re.findall(
        r'X\((\w+), "[a-z0-9-]+", SEV_\w+, CLASS_\w+, 1\)', diag_h)}
    wanted = {}       # key -> facts the gap carries
    found_rules = set()
    for path in sorted(glob.glob(srcdir + "/*.c")):
        text = open(path, encoding="utf-8").read()
        calls = [m for m in re.finditer(r"\bgap_node\(", text)
                 if not text[:m.start()].rstrip().endswith("void")]
        for i, m in enumerate(calls):
            end = calls[i + 1].start() if i + 1 < len(calls) else len(text)
            call_end = text.index(");", m.start())
            rule = re.search(r"\bRULE_(\w+)", text[m.start():call_end])
            if rule is None:
                continue
            rule = ids[rule.group(1)]
            found_rules.add(rule)
            facts, cases = set(), []
            for f in re.finditer(r"\bgap_fact\(\s*[^,]+,\s*\"([a-z-]+)\",(.*?)\);",
                                 text[call_end:end], re.S):
                if f.group(1) == "case":
                    cases += re.findall(r'"([a-z0-9-]+)"', f.group(2))
                else:
                    facts.add(f.group(1))
            for key in ([f"{rule}/{c}" for c in cases] or [rule]):
                wanted.setdefault(key, set()).update(facts)
    texts = {t.get("key"): "".join(t.itertext()) for t in
             ET.parse(profile).getroot().iter(S + "gap-text")}
    bad = []
    if not wanted or found_rules != gap_rules:
        bad.append(f"gap rules in diag.h {sorted(gap_rules - found_rules)} "
                   f"make no gap; gaps of rules {sorted(found_rules - gap_rules)} "
                   f"are not marked as gaps in diag.h")
    for key, facts in sorted(wanted.items()):
        if key not in texts or not texts[key].strip():
            bad.append(f"{key}: no reader text in {profile}")
            continue
        for name in re.findall(r"\{([a-z-]+)[^}]*\}", texts[key]):
            if name not in facts:
                bad.append(f"{key}: the text uses {{{name}}}, which the gap "
                           f"does not carry (it has {sorted(facts)})")
        if re.search(r"\b(the|is|has|not|and|of)\b", texts[key]):
            bad.append(f"{key}: English in the text: {texts[key]}")
    for key in sorted(set(texts) - set(wanted)):
        bad.append(f"{key}: a text that no gap uses")
    for b in bad:
        print(b)
    print(f"{len(wanted)} gap texts checked")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
