#!/usr/bin/env python3
"""check_layers.py: reads the #include lines of src/ and ui/ and fails, naming the line,
on any include that points up the pipeline, across one layer's peers, from the library
into the reader, or round a circle. Run by `make check-layers` (and so by `make check`).
Usage: check_layers.py [ROOT] (default: the repository this script is in).

The layers, lowest first; a file may include its own folder and any lower rank:
  base <- read, map <- extract <- store <- events, compare <- export, ingest <- fetch
       <- cli, ui <- main.c
map/ (the country outlines and their Braille rendering) needs only base, so it sits beside
read. Library headers are named by folder ("store/store.h"); the reader's own by their path
under ui/ ("draw.h", "views/list.h"). A private header (X_int.h) is part of module X and
is included only from its own folder. No file under ui/ includes <sqlite3.h>: the store
owns SQL."""
import os
import re
import sys

RANK = {"base": 0, "map": 1, "read": 1, "extract": 2, "store": 3, "events": 4, "compare": 4,
        "export": 5, "ingest": 5, "fetch": 6, "cli": 7, "ui": 7, "main": 8}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')


def layer_of(path):
    parts = path.split("/")
    if parts[0] == "ui":
        return "ui"
    if path == "src/main.c":
        return "main"
    return parts[1] if len(parts) > 2 else None


def resolve(including, name):
    """The repository path an include names, or None when it names nothing of ours."""
    here = os.path.dirname(including)
    # -Isrc -Iui: a library file that names a reader header still finds it, and is told.
    candidates = [os.path.join("src", name), os.path.join("ui", name), os.path.join(here, name)]
    for c in candidates:
        if os.path.isfile(c):
            return os.path.normpath(c)
    return None


def sources():
    for top in ("src", "ui"):
        for root, _, files in os.walk(top):
            for f in files:
                if f.endswith((".c", ".h")):
                    yield os.path.join(root, f)


def module(path):
    """A module is a .c/.h pair; a private header X_int.h (SQLite's btreeInt.h) belongs to
    module X, whose several files share it."""
    base = os.path.splitext(path)[0]
    return base[:-len("_int")] if path.endswith("_int.h") else base


def find_cycle(graph):
    """A list of modules round a circle, or None. Depth-first, colouring nodes."""
    colour, stack = {}, []

    def visit(node):
        colour[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if colour.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if colour.get(nxt) is None:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        colour[node] = 2
        return None

    for node in sorted(graph):
        if colour.get(node) is None:
            found = visit(node)
            if found:
                return found
    return None


def main():
    args = sys.argv[1:]
    allow_sql_in_ui = "--allow-sql-in-ui" in args
    args = [a for a in args if a != "--allow-sql-in-ui"]
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    os.chdir(root)
    problems, graph, files = [], {}, 0
    for path in sorted(sources()):
        files += 1
        mine = layer_of(path)
        if mine is None:
            problems.append(f"{path}: outside any layer folder (src/LAYER/ or ui/)")
            continue
        if mine not in RANK:
            problems.append(f"{path}: unknown layer '{mine}'")
            continue
        with open(path, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                kind, name = m.groups()
                where = f"{path}:{lineno}: #include {kind}{name}{'>' if kind == '<' else kind}"
                if kind == "<":
                    if mine == "ui" and name == "sqlite3.h" and not allow_sql_in_ui:
                        problems.append(f"{where}: the reader reaches data through store/ only")
                    continue
                target = resolve(path, name)
                if target is None:
                    problems.append(f"{where}: names no file of src/ or ui/")
                    continue
                theirs = layer_of(target)
                if mine != "ui" and mine != "main" and theirs == "ui":
                    problems.append(f"{where}: the library includes the reader")
                elif theirs != mine and RANK[theirs] >= RANK[mine]:
                    what = "a peer layer" if RANK[theirs] == RANK[mine] else "a higher layer"
                    problems.append(f"{where}: {mine} includes {what} ({theirs})")
                if target.endswith("_int.h") and os.path.dirname(target) != os.path.dirname(path):
                    problems.append(f"{where}: a module's private header, from outside its folder")
                if module(target) != module(path):
                    graph.setdefault(module(path), set()).add(module(target))
    cycle = find_cycle(graph)
    if cycle:
        problems.append("circular includes: " + " -> ".join(cycle))
    for p in problems:
        print(p)
    print(f"check-layers: {files} files, {sum(len(v) for v in graph.values())} module "
          f"dependencies, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
