#include "config.h"

#include "relview/expr.h"

#include "relview/ascii.h"
#include "relview/catalog.h"
#include "relview/date.h"
#include "relview/facetname.h"
#include "relview/state.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct expr_syntax expr_syntax[] = {
#define AS_ROW(example, meaning) {example, meaning},
        EXPR_SYNTAX(AS_ROW)
#undef AS_ROW
};
const size_t expr_syntax_count = sizeof expr_syntax / sizeof *expr_syntax;

/* ---- reading the text ------------------------------------------------------------- */

struct reader {
	const char *s;
	size_t n, i;
	char *why;
	size_t size;
};

__attribute__((format(printf, 2, 3))) static bool refuse(struct reader *rd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(rd->why, rd->size, fmt, ap);
	va_end(ap);
	return false;
}

static bool at_end(const struct reader *rd)
{
	return rd->i >= rd->n;
}

static bool at_break(const struct reader *rd)
{
	return at_end(rd) || ascii_is_space(rd->s[rd->i]) || rd->s[rd->i] == '|';
}

static void skip_blanks(struct reader *rd)
{
	while (!at_end(rd) && ascii_is_space(rd->s[rd->i]))
		rd->i++;
}

/* A value: in quotes (to the closing one), or a bare word (to white space or |).
 * A bare ( or ) is refused: it looks like grouping, which | before AND already is,
 * and taken as text it quietly found nothing. */
static bool read_value(struct reader *rd, const char **v, size_t *len, bool *quoted)
{
	*quoted = !at_end(rd) && rd->s[rd->i] == '"';
	if (*quoted) {
		size_t from = rd->i + 1;
		const char *close = memchr(rd->s + from, '"', rd->n - from);
		if (!close)
			return refuse(rd, "unclosed quote: end the phrase with \"");
		*v = rd->s + from;
		*len = (size_t)(close - *v);
		rd->i = (size_t)(close - rd->s) + 1;
		return true;
	}
	size_t from = rd->i;
	for (; !at_break(rd); rd->i++)
		if (rd->s[rd->i] == '(' || rd->s[rd->i] == ')')
			/* the advice first: the prompt's line may be narrow */
			return refuse(rd, "( ) only in quotes, \"(202)\": they do not group "
			                  "(| binds before and)");
	*v = rd->s + from;
	*len = rd->i - from;
	return true;
}

/* ---- terms ------------------------------------------------------------------------ */

static const struct {
	const char *name;
	enum expr_kind kind;
} fields[] = {
        {"title", EXPR_TITLE},    {"topic", EXPR_TOPIC}, {"location", EXPR_LOCATION},
        {"place", EXPR_LOCATION}, /* as the status line names a location filter */
        {"date", EXPR_DATE},      {"is", EXPR_UNREAD},
};

/* The field a word begins with ("topic:"), its kind through *kind; 0 when none. */
static size_t field_at(const struct reader *rd, enum expr_kind *kind)
{
	for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
		size_t k = strlen(fields[f].name);
		if (rd->n - rd->i > k && rd->s[rd->i + k] == ':' &&
		    ascii_ncasecmp(rd->s + rd->i, fields[f].name, k) == 0) {
			*kind = fields[f].kind;
			return k + 1;
		}
	}
	return 0;
}

/* What a field's value means: a matcher, a date range, which mark. */
static bool understand(struct reader *rd, struct expr_term *t)
{
	switch (t->kind) {
	case EXPR_TEXT:
	case EXPR_TITLE:
		return matcher_init(&t->matcher, t->value, strlen(t->value)) ||
		       refuse(rd, "out of memory");
	case EXPR_DATE:
		/* ".." alone names no period. */
		return (date_parse_range(t->value, &t->since, &t->until) &&
		        (t->since || t->until)) ||
		       refuse(rd, "date:%s is not a date or a range (2014, 2014-03..2016)",
		              t->value);
	case EXPR_UNREAD:
	case EXPR_STARRED:
		if (ascii_casecmp(t->value, "starred") == 0)
			t->kind = EXPR_STARRED;
		else if (ascii_casecmp(t->value, "read") == 0)
			t->negated = !t->negated;
		else if (ascii_casecmp(t->value, "unread") != 0)
			return refuse(rd, "is:%s: is takes unread, read or starred", t->value);
		return true;
	case EXPR_TOPIC:
	case EXPR_LOCATION:
		return true;
	}
	return true;
}

static void term_free(struct expr_term *t)
{
	if (t->kind == EXPR_TEXT || t->kind == EXPR_TITLE)
		matcher_free(&t->matcher);
	free(t->value);
	free(t->facet_ok);
}

static bool has_text(const char *v, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!ascii_is_space(v[i]))
			return true;
	return false;
}

/* One term: [-] then "a phrase", field:value or a word. */
static bool read_term(struct reader *rd, struct expr_term *t)
{
	*t = (struct expr_term){.kind = EXPR_TEXT};
	if (rd->s[rd->i] == '-') {
		rd->i++;
		if (at_break(rd))
			return refuse(rd, "a lone - negates nothing: write -word or -\"a phrase\"");
		t->negated = true;
	}
	size_t skip = field_at(rd, &t->kind);
	rd->i += skip;
	if (skip && at_break(rd))
		return refuse(rd, "%.*s needs a value", (int)skip, rd->s + rd->i - skip);
	const char *v = NULL;
	size_t len = 0;
	if (!read_value(rd, &v, &len, &t->quoted))
		return false;
	if (t->quoted && !has_text(v, len))
		return refuse(rd, "an empty phrase \"\" finds nothing to look for");
	t->value = malloc(len + 1);
	if (!t->value)
		return refuse(rd, "out of memory");
	if (len) /* v may be the end of an empty text */
		memcpy(t->value, v, len);
	t->value[len] = '\0';
	return understand(rd, t);
}

/* ---- groups ----------------------------------------------------------------------- */

static bool is_costly(const struct expr_term *t)
{
	return t->kind == EXPR_TEXT || t->kind == EXPR_TITLE;
}

static bool add_term(struct expr *e, struct reader *rd, bool joins_group)
{
	if (e->nterms == EXPR_MAX_TERMS)
		return refuse(rd, "more than %d terms: not a query relview reads", EXPR_MAX_TERMS);
	if (!read_term(rd, &e->terms[e->nterms])) {
		term_free(&e->terms[e->nterms]);
		return false;
	}
	bool costly = is_costly(&e->terms[e->nterms]);
	e->nterms++;
	if (!joins_group)
		e->ngroups++;
	e->ends[e->ngroups - 1] = e->nterms;
	e->costly |= (uint64_t)costly << (e->ngroups - 1);
	return true;
}

static bool parse(struct expr *e, struct reader *rd)
{
	bool either = false; /* a | waits for its right side */
	for (skip_blanks(rd); !at_end(rd); skip_blanks(rd)) {
		if (rd->s[rd->i] == '|') {
			if (e->nterms == 0 || either)
				return refuse(rd, "| needs a term on each side");
			either = true;
			rd->i++;
			continue;
		}
		if (!add_term(e, rd, either))
			return false;
		either = false;
	}
	return !either || refuse(rd, "| needs a term on each side");
}

bool expr_parse(struct expr *e, const char *text, size_t len, char *why, size_t size)
{
	*e = (struct expr){0};
	struct reader rd = {text, len, 0, why, size};
	if (size)
		why[0] = '\0';
	e->terms = calloc(EXPR_MAX_TERMS, sizeof *e->terms);
	e->ends = calloc(EXPR_MAX_TERMS, sizeof *e->ends);
	bool ok = e->terms && e->ends;
	if (!ok)
		refuse(&rd, "out of memory");
	else
		ok = parse(e, &rd);
	if (!ok)
		expr_free(e);
	return ok;
}

void expr_free(struct expr *e)
{
	for (size_t i = 0; e->terms && i < e->nterms; i++) /* NULL: out of memory at once */
		term_free(&e->terms[i]);
	free(e->terms);
	free(e->ends);
	*e = (struct expr){0};
}

bool expr_is_empty(const struct expr *e)
{
	return e->nterms == 0;
}

size_t expr_text_terms(const struct expr *e)
{
	size_t n = 0;
	for (size_t i = 0; i < e->nterms; i++)
		n += is_costly(&e->terms[i]) && !e->terms[i].negated;
	return n;
}

bool expr_uses_marks(const struct expr *e)
{
	for (size_t i = 0; i < e->nterms; i++)
		if (e->terms[i].kind == EXPR_UNREAD || e->terms[i].kind == EXPR_STARRED)
			return true;
	return false;
}

/* ---- facets ----------------------------------------------------------------------- */

bool expr_bind(struct expr *e, const struct catalog *cat)
{
	for (size_t i = 0; i < e->nterms; i++) {
		struct expr_term *t = &e->terms[i];
		const char *values[] = {t->value};
		if (t->kind == EXPR_TOPIC &&
		    !facetname_decide(&t->facet_ok, &t->decided, &cat->topics, values, 1,
		                      facetname_topic_matches))
			return false;
		if (t->kind == EXPR_LOCATION &&
		    !facetname_decide(&t->facet_ok, &t->decided, &cat->locations, values, 1,
		                      facetname_location_matches))
			return false;
	}
	return true;
}

/* ---- matching --------------------------------------------------------------------- */

static bool has_match(const struct matcher *m, struct str s)
{
	size_t len;
	return s.len && matcher_find(m, s.s, s.len, &len);
}

static bool facet_chosen(const struct expr_term *t, uint32_t id)
{
	return id < t->decided && t->facet_ok[id];
}

static bool has_topic(const struct expr_term *t, const struct catalog *cat, const struct release *r)
{
	for (size_t i = 0; i < r->ntopics; i++)
		if (facet_chosen(t, cat->topic_refs[r->topic_first + i]))
			return true;
	return false;
}

static bool holds(const struct expr_term *t, const struct catalog *cat, const struct release *r,
                  const uint8_t *marks)
{
	uint8_t flags = marks ? marks[r - cat->releases] : 0;
	switch (t->kind) {
	case EXPR_TEXT:
		return has_match(&t->matcher, r->title) || has_match(&t->matcher, r->subtitle) ||
		       has_match(&t->matcher, r->body);
	case EXPR_TITLE:
		return has_match(&t->matcher, r->title);
	case EXPR_TOPIC:
		return has_topic(t, cat, r);
	case EXPR_LOCATION:
		return r->location_id != FACET_NONE && facet_chosen(t, r->location_id);
	case EXPR_DATE:
		return r->date && (!t->since || r->date >= t->since) &&
		       (!t->until || r->date <= t->until);
	case EXPR_UNREAD:
		return !(flags & STATE_READ);
	case EXPR_STARRED:
		return (flags & STATE_STARRED) != 0;
	}
	return false;
}

static bool group_holds(const struct expr *e, size_t g, const struct catalog *cat,
                        const struct release *r, const uint8_t *marks)
{
	for (size_t i = g ? e->ends[g - 1] : 0; i < e->ends[g]; i++)
		if (holds(&e->terms[i], cat, r, marks) != e->terms[i].negated)
			return true;
	return false;
}

/* The groups without text first: a date or a topic rules a release out for less
 * than a scan of its text. */
bool expr_match(const struct expr *e, const struct catalog *cat, const struct release *r,
                const uint8_t *marks)
{
	for (int costly = 0; costly < 2; costly++)
		for (size_t g = 0; g < e->ngroups; g++)
			if (((e->costly >> g) & 1) == (uint64_t)costly &&
			    !group_holds(e, g, cat, r, marks))
				return false;
	return true;
}

/* ---- narrowing -------------------------------------------------------------------- */

static bool pattern_within(const struct expr_term *narrow, const struct expr_term *wide)
{
	return matcher_within(&narrow->matcher, &wide->matcher);
}

/* Does term a holding imply that term b holds? */
static bool implies(const struct expr_term *a, const struct expr_term *b)
{
	if (a->negated != b->negated)
		return false;
	bool a_text = is_costly(a), b_text = is_costly(b);
	if (a_text && b_text) {
		/* A title is text: title:x implies x; a negated text term is the other way. */
		if (!a->negated)
			return (b->kind == EXPR_TEXT || a->kind == EXPR_TITLE) &&
			       pattern_within(a, b);
		return (a->kind == EXPR_TEXT || b->kind == EXPR_TITLE) && pattern_within(b, a);
	}
	if (a->kind != b->kind)
		return false;
	if (a->kind == EXPR_DATE)
		return a->since == b->since && a->until == b->until;
	return ascii_casecmp(a->value, b->value) == 0;
}

/* Does group a (of narrow) holding imply group b (of wide)? When each of a's terms
 * implies one of b's. */
static bool group_implies(const struct expr *narrow, size_t a, const struct expr *wide, size_t b)
{
	for (size_t i = a ? narrow->ends[a - 1] : 0; i < narrow->ends[a]; i++) {
		bool found = false;
		for (size_t j = b ? wide->ends[b - 1] : 0; j < wide->ends[b] && !found; j++)
			found = implies(&narrow->terms[i], &wide->terms[j]);
		if (!found)
			return false;
	}
	return true;
}

bool expr_narrows(const struct expr *narrow, const struct expr *wide)
{
	for (size_t b = 0; b < wide->ngroups; b++) {
		bool found = false;
		for (size_t a = 0; a < narrow->ngroups && !found; a++)
			found = group_implies(narrow, a, wide, b);
		if (!found)
			return false;
	}
	return true;
}

/* ---- in words --------------------------------------------------------------------- */

__attribute__((format(printf, 4, 5))) static void put(char *buf, size_t size, size_t *len,
                                                      const char *fmt, ...)
{
	if (*len >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n > 0)
		*len += (size_t)n;
}

static void describe_term(const struct expr_term *t, char *buf, size_t size, size_t *len)
{
	static const char *const names[] = {
	        [EXPR_TEXT] = "",        [EXPR_TITLE] = "title ",
	        [EXPR_TOPIC] = "topic ", [EXPR_LOCATION] = "location ",
	        [EXPR_DATE] = "date ",
	};
	if (t->kind == EXPR_UNREAD) {
		put(buf, size, len, t->negated ? "read" : "unread");
		return;
	}
	if (t->negated)
		put(buf, size, len, "not ");
	if (t->kind == EXPR_STARRED) {
		put(buf, size, len, "starred");
		return;
	}
	const char *q = t->quoted || strchr(t->value, ' ') ? "\"" : "";
	put(buf, size, len, "%s%s%s%s", names[t->kind], q, t->value, q);
}

void expr_describe(const struct expr *e, char *buf, size_t size)
{
	size_t len = 0;
	if (size)
		buf[0] = '\0';
	for (size_t g = 0; g < e->ngroups; g++) {
		size_t first = g ? e->ends[g - 1] : 0, n = e->ends[g] - first;
		put(buf, size, &len, "%s%s", g ? " and " : "", n > 1 && e->ngroups > 1 ? "(" : "");
		for (size_t i = first; i < e->ends[g]; i++) {
			if (i > first)
				put(buf, size, &len, " or ");
			describe_term(&e->terms[i], buf, size, &len);
		}
		put(buf, size, &len, "%s", n > 1 && e->ngroups > 1 ? ")" : "");
	}
}
