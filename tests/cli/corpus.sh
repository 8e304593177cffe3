#!/bin/sh
# A generated corpus reads exactly as its ground truth says, the same in every format.
#
# relgen writes 1,000 messy releases (every layout and encoding, junk entries, exact
# duplicates) with a fixed seed, as tar.gz, tar.bz2, tar.xz, tar.zst, zip, 7z and a
# folder. For each, `relview --list --format=json` must give:
#  (a) one record per release of the truth (junk skipped, each duplicate shown once)
#      whose date, location, set of topics and title equal the truth's for its entry;
#  (b) the same bytes as for every other format, "source" (the input's path) aside.
# The generator's own promises are checked first: the same seed gives the same
# bytes, the truth does not depend on the format, and every topic it prints is in
# the project's vocabulary (data/topics.txt, its aliases and "&" spellings).
# A corpus of every layout relview reads (relgen --all-layouts: the other eras of
# ice.gov, CBP, DHS, the White House, Justice, DEA, IRS-CI) must read as its truth
# says too; where a layout prints no headline the truth's title is null, and
# relview's title must be its fallback: a cut of the page's first line at a word,
# at most 100 bytes (FALLBACK_TITLE_MAX in load.c), never a line the parser took for
# a headline.
. "$SRCDIR/tests/cli/lib.sh"

need_prog RELVIEW RELGEN
need_cmd python3

SEED=20240311 # not the sample bundle's
COUNT=1000
FORMATS="tar.gz tar.bz2 tar.xz tar.zst zip 7z dir"

# The checks on JSON Lines, in Python: truth TRUTH OUT [SHOW], source-free OUT,
# topics TRUTH VOCABULARY.
cat >"$TMP/check.py" <<'EOF'
import json
import sys
import tarfile

FIELDS = ("date", "location", "topics", "title")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def topic_set(value):
    return sorted(set(value)) if isinstance(value, list) else value


FALLBACK_TITLE_MAX = 100


def decode(data):
    """A page's text as relview reads it: UTF-16 after its BOM, UTF-8, else cp1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def first_lines(corpus_path, entries):
    """The first line with text of each of these entries of a tar.gz corpus."""
    lines = {}
    with tarfile.open(corpus_path) as tar:
        for member in tar:
            if member.isfile() and member.name in entries:
                text = decode(tar.extractfile(member).read())
                lines[member.name] = next((ln.strip() for ln in text.split("\n") if ln.strip()),
                                          "")
    return lines


def is_fallback(title, line):
    """Whether a title is what relview falls back to without a headline: the start
    of a tail of the page's first line, cut at a word, at most FALLBACK_TITLE_MAX
    bytes."""
    at = line.find(title) if title else -1
    end = at + len(title)
    return (at >= 0 and len(title.encode()) <= FALLBACK_TITLE_MAX and
            (end == len(line) or line[end] == " "))


def truth(truth_path, out_path, show="8", corpus_path=None):
    """(a): the records equal the truth, keyed by entry; prints the first `show`
    releases that differ. With the corpus, a title where the truth has none must be
    relview's fallback."""
    want = {t["entry"]: t for t in load(truth_path)}
    headless = {e for e, t in want.items() if t["title"] is None}
    firsts = first_lines(corpus_path, headless) if corpus_path and headless else {}
    try:
        records = load(out_path)
    except (ValueError, UnicodeDecodeError) as e:
        print(f"  output is not JSON Lines: {e}")
        return 1
    problems = []
    if len(records) != len(want):
        problems.append(f"{len(records)} records, the truth has {len(want)}")
    got = {}
    for r in records:
        if r.get("entry") in got:
            problems.append(f"entry listed twice: {r.get('entry')!r}")
        got[r.get("entry")] = r
    missing = sorted(set(want) - set(got))
    extra = sorted(set(got) - set(want), key=str)
    if missing:
        problems.append(f"{len(missing)} releases missing, e.g. {missing[:3]}")
    if extra:
        problems.append(f"{len(extra)} records not in the truth (junk? a duplicate's "
                        f"copy?), e.g. {extra[:3]}")

    per_field = dict.fromkeys(FIELDS, 0)
    bad_records, examples, subtitles = 0, [], 0
    for entry in sorted(set(want) & set(got)):
        t, r = want[entry], got[entry]
        diffs = []
        for key in FIELDS:
            w, g = t[key], r.get(key)
            if key == "title" and w is None:
                # no headline on the page: the title must be the fallback
                if corpus_path and not is_fallback(g or "", firsts.get(entry, "")):
                    per_field[key] += 1
                    diffs.append(f"    title: got {json.dumps(g, ensure_ascii=False)}, "
                                 f"want a fallback from the first line")
                continue
            if key == "topics":
                w, g = topic_set(w), topic_set(g)
            if w != g:
                per_field[key] += 1
                diffs.append(f"    {key}: got {json.dumps(g, ensure_ascii=False)}, "
                             f"want {json.dumps(w, ensure_ascii=False)}")
        subtitles += r.get("subtitle") != t["subtitle"]
        if diffs:
            bad_records += 1
            if len(examples) < int(show):
                examples.append(f"  {entry}\n" + "\n".join(diffs))
    if bad_records:
        fields = ", ".join(f"{k} {n}" for k, n in per_field.items() if n)
        problems.append(f"{bad_records} of {len(want)} releases differ from the truth "
                        f"({fields})" + "".join(f"\n{e}" for e in examples))
    for p in problems:
        print("  " + p)
    print(f"  {len(records)} records; {len(want) - len(missing) - bad_records} of "
          f"{len(want)} releases exact; subtitles differ in {subtitles} (not checked)")
    return 1 if problems else 0


def source_free(out_path):
    """The output with each record's "source" value replaced by a placeholder."""
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            try:
                source = json.loads(line).get("source")
            except ValueError:
                source = None
            if isinstance(source, str):
                line = line.replace(json.dumps(source, ensure_ascii=False), '"<source>"', 1)
            sys.stdout.write(line)
    return 0


def topics(truth_path, vocab_path):
    """Every topic of the truth is in the vocabulary, its first letter aside (a name
    glued to the location may print it small: "United Statesnarcotics")."""
    vocab = set()
    with open(vocab_path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                for name in line.rstrip().split(" = "):  # "Alias = Name"
                    vocab |= {name, name.replace(" and ", " & ")}
    printed = {tp[:1].upper() + tp[1:] for t in load(truth_path) for tp in t["topics"]}
    unknown = sorted(printed - vocab)
    for name in unknown:
        print(f"  not in {vocab_path}: {name}")
    return 1 if unknown else 0


sys.exit({"truth": truth, "source-free": source_free, "topics": topics}[sys.argv[1]](
    *sys.argv[2:]))
EOF
check() {
	python3 "$TMP/check.py" "$@"
}

# The corpus in every format, and the generator's promises.
for fmt in $FORMATS; do
	"$RELGEN" -n $COUNT -s $SEED -f "$fmt" --truth "$TMP/truth.$fmt" "$TMP/corpus.$fmt" ||
		hard_error "relgen failed to write $fmt"
	cmp -s "$TMP/truth.tar.gz" "$TMP/truth.$fmt" || fail "relgen: the $fmt truth differs from tar.gz's"
done
cp "$TMP/truth.tar.gz" "$TMP/truth"
"$RELGEN" -n $COUNT -s $SEED -f tar.gz "$TMP/again.tar.gz" || hard_error "relgen failed"
cmp -s "$TMP/corpus.tar.gz" "$TMP/again.tar.gz" || fail "relgen: the same seed gave other bytes"
check topics "$TMP/truth" "$SRCDIR/data/topics.txt" ||
	fail "relgen prints topics the vocabulary lacks"
note "$(wc -l <"$TMP/truth") releases in $(echo "$FORMATS" | wc -w) formats, seed $SEED"

# (a) Each format against the truth. The first format to differ shows examples,
# the others only counts.
wrong='' listed=''
for fmt in $FORMATS; do
	note "$fmt:"
	if ! "$RELVIEW" --list --format=json "$TMP/corpus.$fmt" >"$TMP/out.$fmt" 2>"$TMP/err.$fmt"; then
		echo "  relview failed: $(head -c 600 "$TMP/err.$fmt")"
		wrong="$wrong $fmt"
		continue
	fi
	listed="$listed $fmt"
	[ ! -s "$TMP/err.$fmt" ] || echo "  relview said: $(head -c 600 "$TMP/err.$fmt")"
	check truth "$TMP/truth" "$TMP/out.$fmt" "$([ -z "$wrong" ] && echo 8 || echo 0)" ||
		wrong="$wrong $fmt"
done

# (b) The same listing whatever the format (checked even when (a) failed).
differ='' first=''
for fmt in $listed; do
	check source-free "$TMP/out.$fmt" >"$TMP/same.$fmt" || hard_error "check.py failed"
	first=${first:-$fmt}
	if ! cmp -s "$TMP/same.$first" "$TMP/same.$fmt"; then
		note "the $fmt listing differs from $first's:"
		diff "$TMP/same.$first" "$TMP/same.$fmt" | head -6
		differ="$differ $fmt"
	fi
done

# Every layout, in one format.
"$RELGEN" --all-layouts -n $COUNT -s $SEED -f tar.gz --truth "$TMP/truth.all" "$TMP/all.tar.gz" ||
	hard_error "relgen --all-layouts failed"
check topics "$TMP/truth.all" "$SRCDIR/data/topics.txt" ||
	fail "relgen --all-layouts prints topics the vocabulary lacks"
note "every layout:"
"$RELVIEW" --list --format=json "$TMP/all.tar.gz" >"$TMP/out.all" 2>"$TMP/err.all" ||
	hard_error "relview failed on the corpus of every layout: $(head -c 600 "$TMP/err.all")"
check truth "$TMP/truth.all" "$TMP/out.all" 8 "$TMP/all.tar.gz" || wrong="$wrong all-layouts"

[ -z "$wrong" ] || echo "$TEST: the listing differs from the truth for:$wrong" >&2
[ -z "$differ" ] || echo "$TEST: the listing differs from ${first}'s for:$differ" >&2
[ -z "$wrong$differ" ] || fail "see above"
pass
