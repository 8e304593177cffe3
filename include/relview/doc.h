/* doc — one release laid out for the reader at a width: its header fields, title
 * and paragraphs as lines, and find-in-release over them. No curses here. */
#ifndef RELVIEW_DOC_H
#define RELVIEW_DOC_H

#include "relview/catalog.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* DOC_META: the compact header's one line of date, location and topics. */
enum doc_kind { DOC_TITLE, DOC_SUBTITLE, DOC_FIELD, DOC_META, DOC_BODY, DOC_BLANK };

/* Where a line's text comes from; find works per region, in this order. */
enum doc_region {
	REGION_TITLE,
	REGION_SUBTITLE,
	REGION_DATE,
	REGION_LOCATION,
	REGION_TOPICS,
	REGION_SOURCE,
	REGION_BODY,
	REGION_NONE,
};

#define DOC_LABEL_WIDTH 10

struct doc_line {
	const char *s; /* the line's text; len bytes, no newline */
	uint32_t len;
	uint8_t kind, region;
	const char *label; /* header fields: "Date:" on a field's first line, else NULL */
};

struct doc_match {
	const char *s; /* in the text of its region */
	uint32_t len;
	uint8_t region;
	size_t line; /* the line it starts on */
};

struct doc {
	const struct release *release;
	size_t width; /* laid out for this many columns */
	/* Laid out (set it before doc_layout or doc_relayout) with the compact header
	 * of a preview: the title and subtitle, then date, location and topics on one
	 * line, "2014-03-11 · Houston, TX · Narcotics", and no source. */
	bool compact;
	char *extra;     /* date, topics, source and the compact line as text */
	struct str meta; /* the compact line, in extra */
	struct str region[REGION_NONE];
	struct doc_line *lines;
	size_t nlines, lines_cap;
	struct doc_match *matches;
	size_t nmatches, matches_cap;
};

/* Lay a release out at `width` columns: the header block (title, subtitle, then the
 * labelled fields date, location, topics, source; or, compact, the one line of
 * them without the source), a blank line, the body with every
 * non-empty body line a paragraph, wrapped on word boundaries, a blank line between
 * paragraphs. Any find is redone. False when out of memory. */
bool doc_layout(struct doc *d, const struct catalog *cat, const struct release *r, size_t width);
/* Lay the same release out again at another width; find results follow. */
bool doc_relayout(struct doc *d, size_t width);
void doc_free(struct doc *d);

/* Find every match of the query's text terms (expr.h: words, phrases, title:
 * terms; not those negated) where the search looks (title, subtitle and body; a
 * title: term in the title), in text order; an empty query, or a text that is no
 * query, clears. False when out of memory. */
bool doc_find(struct doc *d, const char *query, size_t len);
/* The first match on or after `line`, or nmatches when none is. */
size_t doc_match_from(const struct doc *d, size_t line);
/* The part of match m on line i as byte offsets into the line; false when m is not
 * on that line (a match can run over a wrap onto the next line). */
bool doc_match_on_line(const struct doc *d, size_t m, size_t i, size_t *from, size_t *to);
/* The line showing the byte at p of a region: how a reflow keeps its place. */
size_t doc_line_at(const struct doc *d, uint8_t region, const char *p);

#endif
