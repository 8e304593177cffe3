/* expr — the query language of the `/` prompt and --search, parsed once and then
 * tested per release.
 *
 *   word word       both, anywhere in title or body (substrings, in any order)
 *   "two words"     the phrase (a space matches any run of white space)
 *   -word -"a b"    must not match
 *   a | b           either; binds tighter than the implicit AND
 *   "(202)"         ( and ) only in quotes (they do not group: | is before AND)
 *   title:WORD  topic:TEXT  location:TEXT  date:RANGE  is:unread  is:read  is:starred
 *
 * A field's value may be quoted (location:"san juan"); a word:word that names no
 * field is text (http://...). Text is matched as search.h says (smart case, smart
 * accents); topic: and location: as --topic and --location (query.h); date: as the
 * `d` prompt (date_parse_range). */
#ifndef RELVIEW_EXPR_H
#define RELVIEW_EXPR_H

#include "relview/search.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct catalog;
struct release;

/* The language in brief, one row per form: the help screen, --help and
 * relview(1) all list these (tests/cli/docs.sh checks the man page). */
#define EXPR_SYNTAX(X)                                                                             \
	X("word word", "both words, anywhere in title or body")                                    \
	X("\"two words\"", "the phrase; any white space between words")                            \
	X("-word -\"a phrase\"", "must not match")                                                 \
	X("a | b", "either (before and: gang | cartel texas)")                                     \
	X("\"(202)\"", "( and ) only in quotes: they do not group")                                \
	X("title:word", "in the title")                                                            \
	X("topic:TEXT location:TEXT", "as --topic and --location (quote spaces; place: too)")      \
	X("date:2014 date:2014-03..2016", "in the period, as the date prompt")                     \
	X("is:unread is:read is:starred", "by the marks")                                          \
	X("mayaguez Ice", "accents and capitals count only when typed")

struct expr_syntax {
	const char *example, *meaning;
};
extern const struct expr_syntax expr_syntax[];
extern const size_t expr_syntax_count;

/* More terms than this is not a query a person types: refused, never slow. */
#define EXPR_MAX_TERMS 64

enum expr_kind {
	EXPR_TEXT,
	EXPR_TITLE,
	EXPR_TOPIC,
	EXPR_LOCATION,
	EXPR_DATE,
	EXPR_UNREAD,
	EXPR_STARRED
};

struct expr_term {
	enum expr_kind kind;
	bool negated;
	bool quoted;            /* typed in quotes (shown so) */
	char *value;            /* as typed, without quotes or field name */
	struct matcher matcher; /* EXPR_TEXT, EXPR_TITLE */
	bool *facet_ok;         /* EXPR_TOPIC, EXPR_LOCATION: per facet id decided */
	size_t decided;
	uint32_t since, until; /* EXPR_DATE: yyyymmdd, 0 open */
};

/* Terms are ANDed groups of ORed terms: group g is terms[ends[g-1] .. ends[g]). */
struct expr {
	struct expr_term *terms;
	size_t nterms;
	size_t *ends;
	size_t ngroups;
	uint64_t costly; /* bit g: group g has a text term (tested after the others) */
};

/* Parse text[0..len); false with a one-line reason in why[0..size) when it is not
 * a query (an unclosed quote, a lone -, an unquoted ( or ), a | with nothing on
 * one side, a field without a value, an is: or date: that cannot be read, more
 * than EXPR_MAX_TERMS terms), or "out of memory". An empty text is the query
 * that matches everything. */
bool expr_parse(struct expr *e, const char *text, size_t len, char *why, size_t size);
void expr_free(struct expr *e);
bool expr_is_empty(const struct expr *e);

/* How many terms find text (words, phrases, title:; not those negated): what find
 * in the release shows. */
size_t expr_text_terms(const struct expr *e);

/* Has it an is: term (it needs the read and star marks)? */
bool expr_uses_marks(const struct expr *e);

/* Decide the topic and location terms for the catalog's facets not decided yet (a
 * catalog still loading gains some); false when out of memory. */
bool expr_bind(struct expr *e, const struct catalog *cat);

/* Does release r of cat match? marks: per release id, enum state_flag bits (NULL:
 * nothing is read or starred). The expression must be bound to cat. */
bool expr_match(const struct expr *e, const struct catalog *cat, const struct release *r,
                const uint8_t *marks);

/* Does every release that matches `narrow` also match `wide`? (Decided from the
 * terms, and only ever true when it holds: a search may then go on from wide's
 * result.) */
bool expr_narrows(const struct expr *narrow, const struct expr *wide);

/* How relview read the query, in words: `(gang or cartel) and location texas and
 * not sentenced`. "" for an empty query. */
void expr_describe(const struct expr *e, char *buf, size_t size);

#endif
