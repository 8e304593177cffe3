#include "config.h"

/* relgen — writes a corpus of synthetic government press releases, with exact
 * ground truth, into an archive or a directory.
 *
 * The corpus serves the sample bundle, the test fixtures and the benchmarks, so it is
 * deterministic (the same options give byte-identical output, archive metadata
 * included), fast, and all its text is invented here from word lists, templates and
 * syllable-made names.
 *
 * Unless --plain, it is as messy as real archives: several page layouts (with
 * --all-layouts every layout relview reads, the other agencies' too), date and
 * location forms, topics run together, UTF-8 with and without BOM, CRLF, cp1252,
 * UTF-16LE, junk entries and exact duplicates. The truth file (JSON Lines, sorted by
 * entry) has one line per generated release; junk and the copies of duplicates have
 * none.
 *
 * Work is done in two passes. The first decides every release's header (everything
 * the truth holds) and its entry name; the entries are then sorted, and the second
 * pass writes them in that order, generating each body as it goes, so memory holds
 * headers only. Each release draws from its own random streams, keyed by the seed and
 * its number.
 *
 * The parts, in the order the data flows:
 *   base, rng            errors, memory, byte buffer; the random streams
 *   calendar, utf8, sets dates, UTF-8 and hash sets, for both passes
 *   words, templates     the vocabulary and the sentence templates (data only)
 *   expand               templates filled in from a release's story
 *   head                 pass 1 for one release: its header and entry name
 *   corpus               pass 1 for all: the entries, copies and junk, sorted
 *   page                 pass 2 for one release: its text in its page layout
 *   encode               its bytes: line ends and encoding
 *   write, sink          pass 2 for all: the entries into an archive or directory
 *   truth                the ground truth file
 *   main                 the command line (this file) */

#include "corpus.h"
#include "sink.h"
#include "truth.h"
#include "write.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MAX_COUNT 10000000ul

static const char usage_text[] =
        "Usage: relgen [-n COUNT] [-s SEED] [-f FORMAT] [--truth FILE] [--plain]\n"
        "              [--all-layouts] OUTPUT\n"
        "Write COUNT synthetic press releases into OUTPUT, with ground truth.\n"
        "\n"
        "  -n, --count COUNT    releases to write (default 1000)\n"
        "  -s, --seed SEED      random seed (default 1); the same options give\n"
        "                       byte-identical output\n"
        "  -f, --format FORMAT  tar.gz (default), tar.bz2, tar.xz, tar.zst, tar.lz4,\n"
        "                       tar, zip, 7z, or dir (plain files under the directory\n"
        "                       OUTPUT, which must be new or empty)\n"
        "      --truth FILE     write the ground truth as JSON Lines, one object per\n"
        "                       release, sorted by entry: entry, date, location,\n"
        "                       topics, title, subtitle\n"
        "      --plain          only the current page layout, in UTF-8, with every\n"
        "                       header field; no junk entries and no duplicates\n"
        "      --all-layouts    every page layout relview reads: besides the five of\n"
        "                       the default corpus, the other eras of ice.gov and the\n"
        "                       pages of CBP, DHS, the White House, Justice, DEA and\n"
        "                       IRS-CI (the truth's title is null where a layout\n"
        "                       prints no headline)\n"
        "  -h, --help           show this help\n"
        "\n"
        "Without --plain the corpus is messy like real archives: several page layouts,\n"
        "date and location forms, topics run together, UTF-8 with and without BOM,\n"
        "CRLF, cp1252 and UTF-16LE files, junk entries and exact duplicates (neither\n"
        "has a truth line).\n";

static void usage(FILE *f)
{
	fputs(usage_text, f);
}

struct options {
	unsigned long count;
	uint64_t seed;
	const struct format *format;
	const char *truth, *output;
	bool plain, all_layouts;
};

static unsigned long long parse_number(const char *s, unsigned long long max, const char *what)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (!*s || *s == '-' || *end || errno || v > max)
		die("invalid %s: '%s' (0 to %llu)", what, s, max);
	return v;
}

static void parse_options(int argc, char **argv, struct options *o)
{
	enum { OPT_TRUTH = 256, OPT_PLAIN, OPT_ALL_LAYOUTS };
	static const struct option longopts[] = {
	        {"count", required_argument, NULL, 'n'},
	        {"seed", required_argument, NULL, 's'},
	        {"format", required_argument, NULL, 'f'},
	        {"truth", required_argument, NULL, OPT_TRUTH},
	        {"plain", no_argument, NULL, OPT_PLAIN},
	        {"all-layouts", no_argument, NULL, OPT_ALL_LAYOUTS},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	*o = (struct options){.count = 1000, .seed = 1, .format = format_find("tar.gz")};
	int ch;
	while ((ch = getopt_long(argc, argv, "n:s:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			o->count = (unsigned long)parse_number(optarg, MAX_COUNT, "count");
			break;
		case 's':
			o->seed = parse_number(optarg, UINT64_MAX, "seed");
			break;
		case 'f':
			o->format = format_find(optarg);
			break;
		case OPT_TRUTH:
			o->truth = optarg;
			break;
		case OPT_PLAIN:
			o->plain = true;
			break;
		case OPT_ALL_LAYOUTS:
			o->all_layouts = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			exit(2);
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		exit(2);
	}
	o->output = argv[optind];
}

int main(int argc, char **argv)
{
	struct options o;
	parse_options(argc, argv, &o);
	/* Zip stores local times: make them the same everywhere. */
	setenv("TZ", "UTC0", 1);
	tzset();

	struct corpus c = {.seed = o.seed,
	                   .opts = {.plain = o.plain, .all_layouts = o.all_layouts}};
	corpus_build(&c, o.count);
	corpus_write(&c, o.format, o.output);
	if (o.truth)
		truth_write(&c, o.truth);
	corpus_free(&c);
	return 0;
}
