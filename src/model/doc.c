/* doc — one release laid out for the reader pane. */
#include "config.h"

#include "relview/doc.h"

#include "relview/bound.h"
#include "relview/date.h"
#include "relview/expr.h"
#include "relview/grow.h"
#include "relview/text.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool push_line(struct doc *d, struct doc_line line)
{
	if (!grow_array((void **)&d->lines, &d->lines_cap, d->nlines + 1, sizeof *d->lines))
		return false;
	d->lines[d->nlines++] = line;
	return true;
}

static bool push_blank(struct doc *d)
{
	return push_line(d, (struct doc_line){"", 0, DOC_BLANK, REGION_NONE, NULL});
}

/* Wrap s at cols columns into lines of a kind; the label goes on the first. */
static bool push_wrapped(struct doc *d, struct str s, size_t cols, enum doc_kind kind,
                         enum doc_region region, const char *label)
{
	for (size_t pos = 0; pos < s.len;) {
		size_t next, len = text_wrap_line(s.s + pos, s.len - pos, cols, &next);
		if (!push_line(d, (struct doc_line){s.s + pos, (uint32_t)len, (uint8_t)kind,
		                                    (uint8_t)region, label}))
			return false;
		label = NULL;
		pos += next;
	}
	return true;
}

/* Every non-empty line of the body is a paragraph; a blank line goes between them. */
static bool push_body(struct doc *d, struct str body, size_t cols)
{
	struct str para;
	for (size_t pos = 0, n = 0; release_next_paragraph(body, &pos, &para); n++)
		if ((n && !push_blank(d)) ||
		    !push_wrapped(d, para, cols, DOC_BODY, REGION_BODY, NULL))
			return false;
	return true;
}

static bool lay_out(struct doc *d, size_t width)
{
	static const char *const labels[] = {
	        [REGION_DATE] = "Date:",
	        [REGION_LOCATION] = "Location:",
	        [REGION_TOPICS] = "Topics:",
	        [REGION_SOURCE] = "Source:",
	};
	size_t cols = width ? width : 1;
	size_t field_cols = cols > 2 * DOC_LABEL_WIDTH ? cols - DOC_LABEL_WIDTH : DOC_LABEL_WIDTH;
	d->width = width;
	d->nlines = 0;
	if (!push_wrapped(d, d->region[REGION_TITLE], cols, DOC_TITLE, REGION_TITLE, NULL) ||
	    !push_wrapped(d, d->region[REGION_SUBTITLE], cols, DOC_SUBTITLE, REGION_SUBTITLE, NULL))
		return false;
	if (d->compact) { /* the line right under the title: no blank between */
		if (!push_wrapped(d, d->meta, cols, DOC_META, REGION_DATE, NULL))
			return false;
	} else {
		if (!push_blank(d))
			return false;
		for (int f = REGION_DATE; f <= REGION_SOURCE; f++)
			if (!push_wrapped(d, d->region[f], field_cols, DOC_FIELD,
			                  (enum doc_region)f, labels[f]))
				return false;
	}
	struct str body = d->region[REGION_BODY];
	return !body.len || (push_blank(d) && push_body(d, body, cols));
}

/* Between the compact header's fields. */
#define META_SEP " \xc2\xb7 " /* a middle dot */

/* The compact line at p: date, location and topics, those there are, joined by
 * META_SEP; returns its length. */
static size_t build_meta(struct doc *d, char *p)
{
	size_t len = 0;
	for (int f = REGION_DATE; f <= REGION_TOPICS; f++) {
		struct str s = d->region[f];
		if (!s.len)
			continue;
		if (len) {
			memcpy(p + len, META_SEP, sizeof META_SEP - 1);
			len += sizeof META_SEP - 1;
		}
		memcpy(p + len, s.s, s.len);
		len += s.len;
	}
	return len;
}

/* The date, the topics as printed joined by "; ", the source ("input: entry") and
 * the compact line as text the regions can point into. */
static bool build_extra(struct doc *d, const struct catalog *cat, const struct release *r)
{
	const char *input = cat->inputs[r->input];
	size_t topics_len = catalog_join_printed_topics(cat, r, NULL, 0);
	size_t size = 11 + topics_len + strlen(input) + (r->entry ? strlen(r->entry) + 2 : 0) + 1;
	size_t meta_size = 11 + r->location.len + topics_len + 2 * (sizeof META_SEP - 1);
	char *p = d->extra = malloc(size + meta_size);
	if (!p)
		return false;
	date_format_iso(r->date, p);
	d->region[REGION_DATE] = (struct str){p, strlen(p)};
	p += 11;
	char *topics = p;
	p += catalog_join_printed_topics(cat, r, topics, topics_len);
	d->region[REGION_TOPICS] = (struct str){topics, (size_t)(p - topics)};
	int n = sprintf(p, "%s%s%s", input, r->entry ? ": " : "", r->entry ? r->entry : "");
	d->region[REGION_SOURCE] = (struct str){p, (size_t)n};
	d->meta = (struct str){d->extra + size, build_meta(d, d->extra + size)};
	return true;
}

bool doc_layout(struct doc *d, const struct catalog *cat, const struct release *r, size_t width)
{
	free(d->extra);
	d->extra = NULL;
	d->release = r;
	d->nmatches = 0;
	d->region[REGION_TITLE] = r->title;
	d->region[REGION_SUBTITLE] = r->subtitle;
	d->region[REGION_LOCATION] = r->location;
	d->region[REGION_BODY] = r->body;
	return build_extra(d, cat, r) && lay_out(d, width);
}

/* Pointers into one region's text compare as addresses: one array, so it is sound. */
static bool before(const char *a, const char *b)
{
	return (uintptr_t)a < (uintptr_t)b;
}

/* The first line from `start` on that shows p of a region, or the region's last. */
static size_t line_from(const struct doc *d, size_t start, uint8_t region, const char *p)
{
	size_t last = d->nlines ? d->nlines - 1 : 0;
	bool seen = false;
	for (size_t i = start; i < d->nlines; i++) {
		const struct doc_line *l = &d->lines[i];
		if (l->region == REGION_NONE)
			continue;
		if (l->region > region)
			return seen ? last : i;
		if (l->region == region) {
			seen = true;
			last = i;
			if (before(p, l->s + l->len))
				return i;
		}
	}
	return last;
}

size_t doc_line_at(const struct doc *d, uint8_t region, const char *p)
{
	return line_from(d, 0, region, p);
}

static void place_matches(struct doc *d)
{
	size_t line = 0;
	for (size_t m = 0; m < d->nmatches; m++) {
		struct doc_match *match = &d->matches[m];
		line = line_from(d, line, match->region, match->s);
		match->line = line;
	}
}

bool doc_relayout(struct doc *d, size_t width)
{
	if (!lay_out(d, width))
		return false;
	place_matches(d);
	return true;
}

void doc_free(struct doc *d)
{
	free(d->extra);
	free(d->lines);
	free(d->matches);
	*d = (struct doc){0};
}

static bool push_match(struct doc *d, struct doc_match m)
{
	if (!grow_array((void **)&d->matches, &d->matches_cap, d->nmatches + 1, sizeof *d->matches))
		return false;
	d->matches[d->nmatches++] = m;
	return true;
}

/* Every match of one text term in the regions the search looks at: the title (a
 * title: term), or title, subtitle and body. */
static bool find_term(struct doc *d, const struct expr_term *t)
{
	static const enum doc_region text[] = {REGION_TITLE, REGION_SUBTITLE, REGION_BODY};
	size_t nregions = t->kind == EXPR_TITLE ? 1 : sizeof text / sizeof *text;
	bool ok = true;
	for (size_t r = 0; r < nregions && ok; r++) {
		enum doc_region reg = text[r];
		struct str s = d->region[reg];
		for (size_t off = 0; ok && off < s.len;) {
			size_t len;
			const char *hit = matcher_find(&t->matcher, s.s + off, s.len - off, &len);
			if (!hit)
				break;
			ok = push_match(d, (struct doc_match){hit, (uint32_t)len, (uint8_t)reg, 0});
			off = (size_t)(hit - s.s) + (len ? len : 1);
		}
	}
	return ok;
}

static int by_place(const void *a, const void *b)
{
	const struct doc_match *x = a, *y = b;
	if (x->region != y->region)
		return x->region < y->region ? -1 : 1;
	if (x->s != y->s)
		return x->s < y->s ? -1 : 1;
	return (x->len < y->len) - (x->len > y->len); /* the longer first */
}

/* The matches of all terms in text order; matches that overlap (of two words:
 * "york" and "yorker") are one, over both. */
static void order_matches(struct doc *d)
{
	if (d->nmatches < 2)
		return; /* nothing to order (and no array to give qsort) */
	qsort(d->matches, d->nmatches, sizeof *d->matches, by_place);
	size_t kept = 0;
	for (size_t m = 0; m < d->nmatches; m++) {
		const struct doc_match *next = &d->matches[m];
		struct doc_match *prev = kept ? &d->matches[kept - 1] : NULL;
		if (prev && prev->region == next->region && next->s < prev->s + prev->len) {
			const char *end = next->s + next->len;
			if (end > prev->s + prev->len)
				prev->len = (uint32_t)(end - prev->s);
			continue;
		}
		d->matches[kept++] = *next;
	}
	d->nmatches = kept;
}

bool doc_find(struct doc *d, const char *query, size_t len)
{
	struct expr e;
	char why[128];
	d->nmatches = 0;
	if (len == 0)
		return true;
	/* Not a query (yet: a quote still open as it is typed): nothing to show. */
	if (!expr_parse(&e, query, len, why, sizeof why))
		return strcmp(why, "out of memory") != 0;
	bool ok = true;
	for (size_t i = 0; i < e.nterms && ok; i++) {
		const struct expr_term *t = &e.terms[i];
		if (!t->negated && (t->kind == EXPR_TEXT || t->kind == EXPR_TITLE))
			ok = find_term(d, t);
	}
	expr_free(&e);
	order_matches(d);
	place_matches(d);
	return ok;
}

struct line_sought {
	const struct doc *d;
	size_t line;
};

static bool match_before_line(const void *ctx, size_t i)
{
	const struct line_sought *s = ctx;
	return s->d->matches[i].line < s->line;
}

size_t doc_match_from(const struct doc *d, size_t line)
{
	return lower_bound(0, d->nmatches, match_before_line, &(struct line_sought){d, line});
}

bool doc_match_on_line(const struct doc *d, size_t m, size_t i, size_t *from, size_t *to)
{
	const struct doc_match *match = &d->matches[m];
	const struct doc_line *l = &d->lines[i];
	if (l->region != match->region)
		return false;
	uintptr_t ls = (uintptr_t)l->s, le = ls + l->len;
	uintptr_t ms = (uintptr_t)match->s, me = ms + match->len;
	uintptr_t a = ms > ls ? ms : ls, b = me < le ? me : le;
	if (a >= b)
		return false;
	*from = (size_t)(a - ls);
	*to = (size_t)(b - ls);
	return true;
}
