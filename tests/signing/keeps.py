#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""keeps.py NEW OLD N: the register NEW is OLD with N <signed .../>
elements put after its last entry and nothing else changed: every byte
of OLD is in NEW, in order, around the one place where they were added.
"""
import re
import sys

new, old = (open(f, "rb").read() for f in sys.argv[1:3])
n = int(sys.argv[3])
m = re.search(rb"</(\w+:)?signatures>", old)
if m is None:
    sys.exit("OLD has no end tag")
cut = len(old[:m.start()].rstrip())
tail = old[cut:]
if not new.startswith(old[:cut]) or not new.endswith(tail):
    sys.exit("the register's old bytes changed")
added = new[cut:len(new) - len(tail)]
entries = re.findall(rb"\s*<(?:\w+:)?signed [^<>]*/>", added)
if b"".join(entries) != added or len(entries) != n:
    sys.exit("added %r, not %d entries" % (added[:200], n))
print("%d entries added, every old byte kept" % n)
