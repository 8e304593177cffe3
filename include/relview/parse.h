/* parse — finds a release's fields in its decoded text.
 *
 * It detects the page layout (the current site with date, location and topics run
 * together on one line; older DHS and archive layouts; a bare title; body only),
 * drops site boilerplate and returns every field as a span of the text it was given,
 * so nothing is copied. A field it cannot find is empty; it never fails.
 *
 * The header line "March 11, 2014Mexico City, MexicoTransnational Gangs" is split by
 * scoring every reading of it: a location should end in a known state, code or
 * country, topics should be names the vocabulary knows; unknown places ("City,
 * Region") and unknown topics (split where two names run together) are accepted
 * when nothing known explains the text.
 *
 * Time is linear in the text and nothing is allocated: the header is looked for in
 * the first lines only, and a header line is split only when it is at most 1 KiB
 * (room for some twenty long topic names), each field looked for within a bounded
 * reach of where it starts. */
#ifndef RELVIEW_PARSE_H
#define RELVIEW_PARSE_H

#include <stddef.h>
#include <stdint.h>

struct topic_vocab;

/* A piece of a release's text: bytes [off, off + len). len 0: absent. */
struct span {
	uint32_t off, len;
};

#define PARSE_MAX_TOPICS 16

/* Which parser this is: bumped whenever a page may parse differently, so that a
 * cache written by an older parser is not used (it is part of the cache's key). */
#define PARSE_VERSION 4u

struct parsed {
	uint32_t date; /* yyyymmdd from the page's own header, 0 unknown (never from the body) */
	struct span location; /* exactly as printed ("Miami, FL, United States"); never a
	                       * body dateline */
	struct span topics[PARSE_MAX_TOPICS];
	unsigned ntopics;
	struct span title;    /* first headline as printed, labels included ("Top Story: ...");
	                       * empty when the text starts at the body */
	struct span subtitle; /* the sub-headline, when there is one */
	struct span body;     /* the release proper: one paragraph a line, blank lines between
	                       * allowed; header and footer boilerplate excluded */
};

/* Parse decoded text (valid UTF-8, '\n' line ends: the output of text_decode()).
 * vocab may be NULL: then no topic name is known and the rules alone split headers.
 * Only the first UINT32_MAX bytes of a longer text are looked at. */
void parse_release(const char *text, size_t len, const struct topic_vocab *vocab,
                   struct parsed *out);

#endif
