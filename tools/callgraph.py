#!/usr/bin/env python3
# SPDX-License-Identifier: ISC
"""callgraph.py - which file of src/ calls which, from the object files.

Usage: tools/callgraph.py [--dot] OBJECT...

For each object, nm(1) gives the functions it defines and those it uses;
an edge A -> B means A calls (or reads) something defined in B.  The
script prints the edges, then the cycles (strongly connected components
of more than one file), and exits 1 when a file that is not a command
(main.c, cmd_*.c, build.c) uses one that is: the stages and the renderer
must never call up into the commands.
"""
import os
import subprocess
import sys

COMMANDS = ("main", "build")


def is_command(name):
    return name in COMMANDS or name.startswith("cmd_")


def symbols(obj):
    out = subprocess.run(["nm", obj], capture_output=True, text=True,
                         check=True).stdout
    defined, used = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "TDBR":
            defined.add(parts[2])
        elif len(parts) == 2 and parts[0] == "U":
            used.add(parts[1])
    return defined, used


def sccs(nodes, edges):
    """Tarjan's algorithm; returns the components, largest first."""
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(sorted(comp))

    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return sorted(out, key=len, reverse=True)


def main(argv):
    dot = "--dot" in argv
    objs = [a for a in argv if not a.startswith("--")]
    owner, uses = {}, {}
    for o in objs:
        name = os.path.splitext(os.path.basename(o))[0]
        d, u = symbols(o)
        for s in d:
            owner[s] = name
        uses[name] = u
    edges = {n: {owner[s] for s in u if s in owner and owner[s] != n}
             for n, u in uses.items()}
    bad = []
    if dot:
        print("digraph styrdok {")
    for a in sorted(edges):
        for b in sorted(edges[a]):
            print(f'  "{a}" -> "{b}";' if dot else f"{a} -> {b}")
            if is_command(b) and not is_command(a):
                bad.append(f"{a} -> {b}")
    if dot:
        print("}")
    cycles = [c for c in sccs(edges.keys(), edges) if len(c) > 1]
    for c in cycles:
        print("cycle: " + " ".join(c), file=sys.stderr)
    for b in bad:
        print("a stage calls a command: " + b, file=sys.stderr)
    print(f"{len(edges)} files, {sum(len(v) for v in edges.values())} edges, "
          f"{len(cycles)} cycles, {len(bad)} calls up into commands",
          file=sys.stderr)
    return 1 if bad or cycles else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
