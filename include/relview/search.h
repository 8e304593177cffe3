/* search — finding a typed pattern in release text, the one matcher of the list
 * search, find in the release, --search and the pickers' typing.
 *
 * Smart case and smart accents (fold.h): a pattern with no capital letter matches
 * any case, one without an accented letter matches any accents ("mayaguez" finds
 * "MAYAGÜEZ"); typographic quotes and dashes match their ASCII kin, and a space
 * matches any run of white space. The pattern's leading ASCII run is looked for
 * many bytes at a time; only text around a non-ASCII letter that could fold into
 * the pattern is decoded, so ASCII text costs what a plain search costs. */
#ifndef RELVIEW_SEARCH_H
#define RELVIEW_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Which non-ASCII code points of the two-byte range (U+0080..U+07FF) and of the
 * General Punctuation block are worth decoding around: one bit each. */
#define MATCHER_NEAR_BITS (0x800 + 0x70)

struct matcher {
	uint32_t *folded; /* the pattern folded, a white-space run as one ' ' */
	size_t nfolded;
	unsigned flags; /* enum fold_flag */
	/* The needle scanned for many bytes at a time: an ASCII pattern's leading run
	 * up to its first space (lower case when folding case); none (needle_len 0)
	 * for a pattern with a non-ASCII code point. */
	char *needle;
	size_t needle_len;
	bool needle_fold;   /* the needle matches any ASCII case */
	bool whole;         /* the needle is the whole pattern: a hit needs no check */
	uint32_t *distinct; /* the folded pattern's code points, sorted, once each */
	size_t ndistinct;
	uint8_t near[(MATCHER_NEAR_BITS + 7) / 8];    /* worth decoding around */
	uint8_t several[(MATCHER_NEAR_BITS + 7) / 8]; /* folds to more than one */
	uint8_t begins[(MATCHER_NEAR_BITS + 7) / 8];  /* folds to the pattern's first first */
};

/* Prepare a matcher for a pattern (copied, trimmed); false when out of memory. An
 * empty pattern matches everywhere. */
bool matcher_init(struct matcher *m, const char *pattern, size_t len);
void matcher_free(struct matcher *m);

/* Does every match of narrow hold a match of wide? (wide folds at least what
 * narrow folds, and its folded pattern is in narrow's: "Gang" within "gan".) A
 * search typed on goes on from the last result when it does. */
bool matcher_within(const struct matcher *narrow, const struct matcher *wide);

/* The first match in hay[0..n) and its length in bytes (*len), or NULL. A match
 * begins on a character, never in the middle of one. */
const char *matcher_find(const struct matcher *m, const char *hay, size_t n, size_t *len);

#endif
