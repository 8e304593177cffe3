#!/usr/bin/env python3
"""Score one set of real pages in the two parts docs/REAL-PAGES.md describes.

Usage: real-split.py SCORER RELVIEW DIR MIN

The part a page belongs to is fixed by its file name: crc32(name) % 4 == 0 puts it
in the measure part (pages the parser's rules were never written against), any
other value in the develop part. Each part is scored with SCORER (score-real) in a
folder of its own, and each part and the whole set must reach MIN percent. Exits 1
when one does not, or when the scorer fails."""
import os, subprocess, sys, tempfile, zlib


def part_of(name):
    return "measure" if zlib.crc32(name.encode()) % 4 == 0 else "develop"


def main():
    scorer, relview, top, least = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    with open(os.path.join(top, "index.tsv"), encoding="utf-8") as f:
        head, *rows = [line for line in f if line.strip()]
    parts = {"develop": [], "measure": []}
    for row in rows:
        parts[part_of(row.split("\t", 1)[0])].append(row)
    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, chosen in parts.items():
            if not chosen:
                continue
            where = os.path.join(tmp, name)
            os.makedirs(where)
            os.symlink(os.path.join(os.path.abspath(top), "raw"), os.path.join(where, "raw"))
            with open(os.path.join(where, "index.tsv"), "w", encoding="utf-8") as f:
                f.write(head + "".join(chosen))
            print(f"{os.path.basename(os.path.normpath(top))} {name} part, {len(chosen)} pages:")
            part = subprocess.run(
                [sys.executable, scorer, "--bin", relview, "--min", str(least), where])
            if part.returncode != 0:
                failed.append(name)
    print(f"{os.path.basename(os.path.normpath(top))}, all {len(rows)} pages:")
    whole = subprocess.run([sys.executable, scorer, "--bin", relview, "--min", str(least), top])
    if whole.returncode != 0:
        failed.append("all")
    if failed:
        print(f"below {least}%: {', '.join(failed)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
