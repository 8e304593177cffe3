/* parse_private.h — what the parser's three files share: parse.c (the layouts: header,
 * headlines, body), parse_chrome.c (the page around a release) and parse_fields.c
 * (location and topics run together on a header line). The small line and literal
 * helpers the three use are defined here, static inline so that a file that uses
 * some of them is not warned of the others. */
#ifndef RELVIEW_PARSE_PRIVATE_H
#define RELVIEW_PARSE_PRIVATE_H

#include "relview/ascii.h"
#include "relview/parse.h"
#include "relview/place.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* ---- lines ------------------------------------------------------------------------ */

/* A line of the text without its surrounding white space: [off, off + len). next is
 * where the following line starts. */
struct line {
	size_t off, len, next;
};

/* Bytes of white space at t[i]: ASCII blanks and the no-break space that saved pages
 * are full of. */
static inline size_t space_width(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0)
		return 2;
	return 0;
}

static inline bool space_before(const char *t, size_t start, size_t end)
{
	if (end > start && space_width(t, end, end - 1) == 1)
		return true;
	return end >= start + 2 && (unsigned char)t[end - 2] == 0xC2 &&
	       (unsigned char)t[end - 1] == 0xA0;
}

/* Trims [*off, *off + *len) on both sides. */
static inline void trim(const char *t, size_t *off, size_t *len)
{
	size_t start = *off, end = *off + *len, w;
	while (start < end && (w = space_width(t, end, start)) != 0)
		start += w;
	while (end > start && space_before(t, start, end))
		end -= (unsigned char)t[end - 1] == 0xA0 ? 2 : 1;
	*off = start;
	*len = end - start;
}

static inline struct span to_span(size_t off, size_t len)
{
	return (struct span){(uint32_t)off, (uint32_t)len};
}

/* ---- characters ------------------------------------------------------------------- */

/* A byte of a multibyte UTF-8 character: in names these are letters ("Bogotá"). */
static inline bool is_high(char c)
{
	return (unsigned char)c >= 0x80;
}

/* ---- literals --------------------------------------------------------------------- */

/* A string constant with its length. */
struct literal {
	const char *s;
	size_t n;
};

/* An initialiser, not an expression: clang-format would space its braces as a block's. */
/* clang-format off */
#define LITERAL(text) {text, sizeof text - 1}
/* clang-format on */

/* Could a and b be one letter in two cases? Such bytes differ at most in bit 0x20;
 * a cheap first look before the whole comparison. */
static inline bool may_match_ci(char a, char b)
{
	return ((a ^ b) & ~0x20) == 0;
}

/* Could s, of at least lit.n bytes, be lit in any case? The look at the first byte
 * rejects most lines before the whole comparison. */
static inline bool prefix_ci(const char *s, struct literal lit)
{
	return (lit.n == 0 || may_match_ci(s[0], lit.s[0])) && ascii_ncasecmp(s, lit.s, lit.n) == 0;
}

static inline bool starts_ci(const char *s, size_t n, struct literal lit)
{
	return n >= lit.n && prefix_ci(s, lit);
}

/* A line that opens with a bullet ("\u2022"): an item of a list, or a share icon. */
static inline bool starts_bullet(const char *s, size_t n)
{
	static const char bullet[] = "\u2022";
	return n >= sizeof bullet - 1 && memcmp(s, bullet, sizeof bullet - 1) == 0;
}

#define COUNT(array) (sizeof(array) / sizeof(array)[0])

/* ---- line shapes ------------------------------------------------------------------ */

/* The dash that ends a dateline at s[i]: "-" before a space, an en or em dash.
 * Returns its width or 0. */
static inline size_t dash_at(const char *s, size_t n, size_t i)
{
	if (s[i] == '-')
		return i > 0 && i + 1 < n && s[i + 1] == ' ' ? 1 : 0;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	return 0;
}

static inline bool is_known_place(const char *s, size_t n)
{
	return place_state(s, n, NULL) != NULL || place_is_country(s, n);
}

/* ---- the page around a release (parse_chrome.c) ----------------------------------- */

/* A line of the page around the release, never of the release: a line longer than
 * a short paragraph is never one. */
bool chrome_is_page_line(const char *t, size_t n, struct line ln);
/* A banner after which a topic line stands alone: the DHS banner of the dhs-flag
 * pages, the mobile search image of the ice.gov pages with share icons. */
bool chrome_is_topic_banner(const char *t, struct line ln);
/* Could a footer line begin with c? Most body lines are ruled out by this alone. */
bool chrome_may_start_footer(char c);
/* A line that starts the page's footer ("Updated:"): the release ends before it. */
bool chrome_is_footer(const char *t, struct line ln);
/* A share icon ("\u2022 Email icon") or a page tool ("Printer Friendly Page Link Icon"). */
bool chrome_is_icon_line(const char *s, size_t n);

/* ---- header fields (parse_fields.c) ----------------------------------------------- */

/* A header line longer than this is split into no fields: room for some twenty of the
 * longest topic names. */
enum { FIELDS_MAX = 1024 };

/* Costs of a reading of the header: an unknown topic costs more than every other
 * doubt, so a reading that explains the text with known names wins. */
enum {
	COST_TOPIC = 1,
	COST_UNKNOWN_TOPIC = 1000 + COST_TOPIC,
	COST_UNKNOWN_PLACE = 900,
	COST_NO_TOPIC = 500,
	COST_NONE = 1 << 30,
};

struct topic_vocab;

/* Whether the text after a date reads as run-together header fields rather than a
 * dated paragraph: short, capitalised names, no dateline dash. */
bool fields_look_like(const char *t, struct line ln);
/* Splits "Mexico City, MexicoTransnational Gangs" into location and topics; false, and
 * nothing stored, when even the cheapest reading costs max_cost or more. */
bool fields_split(const char *t, struct line ln, const struct topic_vocab *vocab, int max_cost,
                  struct parsed *out);
/* A line of topics alone (the dhs-flag layout); known_only: only when every piece is
 * a known topic name. */
bool fields_read_topic_line(const char *t, struct line ln, const struct topic_vocab *vocab,
                            bool known_only, struct parsed *out);
/* Header fields on a line with no date, taken only when they read with known names. */
bool fields_read_line(const char *t, struct line ln, const struct topic_vocab *vocab,
                      struct parsed *out);

#endif
