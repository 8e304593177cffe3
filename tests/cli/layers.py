#!/usr/bin/env python3
"""The layers of src/ as the tree shows them (docs/ARCHITECTURE.md): a file includes
only headers of its own layer or of the layers below it, and no two modules need
each other, through any chain of includes; no C file of src/, tools/ or tests/ is
over 900 lines, src/tui/app.c over 600; and src/ compares and classes letters with
ascii.h, never by the locale (<ctype.h>, strcasecmp(): in a Turkish locale "I" is not
"i", and a page would parse otherwise than its cache says) (docs/STYLE.md). Prints each
breach; exit 1 if any.

A module is a file's name, but for the files that share a module's private header
(source_entry.c includes source_private.h: both are source's); a header belongs to the module
of its name, a header with no .c file of its own to the layer its face (LAYER.h)
includes it from, and a face header to its layer."""
import os, re, sys

LAYERS = ["base", "ingest", "store", "find", "model", "tui"]
INCLUDE = re.compile(r'^#include "(?:relview/)?([a-z_0-9]+)\.h"', re.M)


PRIVATE = re.compile(r'^#include "([a-z_0-9]+)_private\.h"', re.M)


def module_of(name, text=""):
    """A module's private header (NAME_private.h) and the files that include it
    are the module's; any other file is a module of its own name."""
    if name.endswith("_private"):
        return name[: -len("_private")]
    shared = PRIVATE.search(text)
    return shared.group(1) if shared else name


def main(top):
    src, inc = os.path.join(top, "src"), os.path.join(top, "include", "relview")
    layer, files = {}, []  # module -> layer; (path, module, layer)
    for lay in LAYERS:
        for f in sorted(os.listdir(os.path.join(src, lay))):
            if f.endswith((".c", ".h")):
                mod = module_of(f[:-2], open(os.path.join(src, lay, f)).read())
                layer[mod] = lay
                files.append((os.path.join(src, lay, f), mod, lay))
    for lay in LAYERS:  # headers with no .c: the face that lists them says where
        face = os.path.join(inc, lay + ".h")
        layer[lay] = lay
        for h in INCLUDE.findall(open(face).read()):
            layer.setdefault(module_of(h), lay)
    for f in sorted(os.listdir(inc)):
        mod = module_of(f[:-2])
        if mod not in layer:
            print(f"include/relview/{f}: in no layer (no .c file, no face lists it)")
            return 1
        files.append((os.path.join(inc, f), mod, layer[mod]))
    bad, needs = 0, {}
    for path, mod, lay in files:
        for h in INCLUDE.findall(open(path).read()):
            if h == "config" and '"relview/config.h"' not in open(path).read():
                continue  # autoconf's config.h, not the settings module
            dep = module_of(h)
            if dep not in layer:
                continue  # a private header beside its files
            if LAYERS.index(layer[dep]) > LAYERS.index(lay):
                print(f"{os.path.relpath(path, top)}: {lay} includes {h}.h of {layer[dep]}, a layer above")
                bad += 1
            if dep != mod and dep not in LAYERS and mod not in LAYERS:
                needs.setdefault(mod, set()).add(dep)
    for cycle in cycles(needs):
        print("modules that need each other: " + " -> ".join(cycle + cycle[:1]))
        bad += 1
    return 1 if bad + too_long(top) + by_locale(top) else 0


LINES_MAX, LOOP_LINES_MAX = 900, 600
LOCALE_CASE = re.compile(
    r"#include <(?:w?ctype|strings)\.h>|\b(?:strn?casecmp|strcasestr|to(?:upper|lower)"
    r"|is(?:alpha|alnum|digit|space|upper|lower|punct|print|xdigit|blank|cntrl|graph))\("
)


def by_locale(top):
    """How many uses of the locale's letter case or classes src/ has, each printed."""
    bad = 0
    for root, _, names in os.walk(os.path.join(top, "src")):
        for f in sorted(n for n in names if n.endswith((".c", ".h"))):
            path = os.path.join(root, f)
            with open(path) as text:
                for number, line in enumerate(text, 1):
                    if LOCALE_CASE.search(line):
                        print(f"{os.path.relpath(path, top)}:{number}: by the locale: {line.strip()}")
                        bad += 1
    return bad


def too_long(top):
    """How many C files are longer than docs/STYLE.md allows, each printed."""
    bad = 0
    for folder in ("src", "tools", "tests"):
        for root, _, names in os.walk(os.path.join(top, folder)):
            for f in sorted(n for n in names if n.endswith((".c", ".h"))):
                path = os.path.join(root, f)
                rel = os.path.relpath(path, top)
                limit = LOOP_LINES_MAX if rel == os.path.join("src", "tui", "app.c") else LINES_MAX
                with open(path) as text:
                    lines = sum(1 for _ in text)
                if lines > limit:
                    print(f"{rel}: {lines} lines, over {limit}")
                    bad += 1
    return bad


def cycles(graph):
    """One cycle through each strongly connected group of more than one module."""
    index, low, stack, on, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
