#include "config.h"

#include "relview/facetname.h"

#include "relview/ascii.h"
#include "relview/catalog.h"
#include "relview/fold.h"
#include "relview/place.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- words ----------------------------------------------------------------------- */

#define MAX_WORDS 32

/* A name as folded words: lower case, no accents, periods dropped ("U.S." is "us",
 * "D.C." is "dc"), anything else that is no letter or digit a break. */
struct words {
	char *text; /* the words, NUL after each */
	const char *word[MAX_WORDS];
	size_t n;
};

static bool is_word_byte(unsigned char c)
{
	return ascii_is_alpha((char)c) || ascii_is_digit((char)c) || c >= 0x80;
}

static bool words_split(struct words *w, const char *s, size_t n)
{
	*w = (struct words){.text = malloc(fold_string_max(n))};
	if (!w->text)
		return false;
	size_t len = fold_string(s, n, w->text), out = 0;
	bool in_word = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w->text[i];
		if (c == '.')
			continue;
		if (!is_word_byte(c)) {
			if (in_word)
				w->text[out++] = '\0';
			in_word = false;
			continue;
		}
		if (!in_word && w->n < MAX_WORDS)
			w->word[w->n++] = w->text + out;
		in_word = true;
		w->text[out++] = (char)c;
	}
	w->text[out] = '\0';
	return true;
}

static void words_free(struct words *w)
{
	free(w->text);
}

static bool begins(const char *word, const char *prefix)
{
	return strncmp(word, prefix, strlen(prefix)) == 0;
}

/* Does some word of w begin with prefix? */
static bool has_word_prefix(const struct words *w, const char *prefix)
{
	for (size_t i = 0; i < w->n; i++)
		if (begins(w->word[i], prefix))
			return true;
	return false;
}

/* ---- topics ---------------------------------------------------------------------- */

bool facetname_topic_matches(const char *name, size_t len, const char *value)
{
	struct words have, want;
	if (!words_split(&have, name, len))
		return false;
	if (!words_split(&want, value, strlen(value))) {
		words_free(&have);
		return false;
	}
	bool ok = want.n > 0;
	for (size_t i = 0; ok && i < want.n; i++)
		ok = has_word_prefix(&have, want.word[i]);
	words_free(&have);
	words_free(&want);
	return ok;
}

/* ---- places ---------------------------------------------------------------------- */

/* What a place is called by besides its words: its state's postal code (lower
 * case) and "us" for the United States. */
struct codes {
	char code[4][3];
	size_t n;
};

static bool codes_have(const struct codes *c, const char *code)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcasecmp(c->code[i], code) == 0)
			return true;
	return false;
}

static void codes_add(struct codes *c, const char *code)
{
	if (codes_have(c, code))
		return;
	if (c->n < sizeof c->code / sizeof *c->code) {
		c->code[c->n][0] = ascii_lower(code[0]);
		c->code[c->n][1] = ascii_lower(code[1]);
		c->code[c->n][2] = '\0';
		c->n++;
	}
}

/* The words w[from..to) joined by spaces into buf; false when they do not fit. */
static bool join_words(const struct words *w, size_t from, size_t to, char *buf, size_t size)
{
	size_t len = 0;
	for (size_t i = from; i < to; i++) {
		size_t k = strlen(w->word[i]);
		if (len + k + 2 > size)
			return false;
		if (i > from)
			buf[len++] = ' ';
		memcpy(buf + len, w->word[i], k);
		len += k;
	}
	buf[len] = '\0';
	return true;
}

static bool is_us(const char *joined)
{
	static const char *const names[] = {"us", "usa", "united states",
	                                    "united states of america"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(joined, names[i]) == 0)
			return true;
	return false;
}

/* The code words w[from..to) stand for ("tx" for "texas" or "tx", "us" for "usa"),
 * or NULL. AP abbreviations are known with their period ("calif."), which folding
 * dropped. */
static const char *code_of(const struct words *w, size_t from, size_t to)
{
	char joined[64];
	if (!join_words(w, from, to, joined, sizeof joined - 1))
		return NULL;
	if (is_us(joined))
		return "us";
	const char *code = place_state(joined, strlen(joined), NULL);
	if (!code && to - from == 1) {
		strcat(joined, ".");
		code = place_state(joined, strlen(joined), NULL);
	}
	return code;
}

/* A location as matched: the words of its parts, and the codes it answers to. The
 * first part is the city and always words; a later part that is a state or the
 * United States is its code only, so that "mexico" is not "Santa Fe, New Mexico". */
#define MAX_PARTS 6

struct place {
	struct words part[MAX_PARTS];
	bool coded[MAX_PARTS]; /* the part is a code, not words to match */
	size_t nparts;
	struct codes codes;
};

static void place_free(struct place *p)
{
	for (size_t i = 0; i < p->nparts; i++)
		words_free(&p->part[i]);
}

static bool place_split(struct place *p, const char *s, size_t n)
{
	*p = (struct place){0};
	const char *end = s + n;
	for (const char *at = s; at <= end && p->nparts < MAX_PARTS;) {
		const char *comma = memchr(at, ',', (size_t)(end - at));
		const char *stop = comma ? comma : end;
		struct words *w = &p->part[p->nparts];
		if (!words_split(w, at, (size_t)(stop - at))) {
			place_free(p);
			return false;
		}
		const char *code = w->n ? code_of(w, 0, w->n) : NULL;
		if (code) {
			codes_add(&p->codes, code);
			p->coded[p->nparts] = p->nparts > 0;
		}
		p->nparts++;
		at = stop + 1;
	}
	if (p->codes.n)
		codes_add(&p->codes, "us"); /* a state is in the United States */
	return true;
}

static bool place_has_word_prefix(const struct place *p, const char *prefix)
{
	for (size_t i = 0; i < p->nparts; i++)
		if (!p->coded[i] && has_word_prefix(&p->part[i], prefix))
			return true;
	return false;
}

/* Do the value's words want[from..to) name the place: as the code they stand for,
 * or each beginning one of its words? */
static bool unit_matches(const struct place *p, const struct words *want, size_t from, size_t to,
                         const char *code)
{
	if (code && codes_have(&p->codes, code))
		return true;
	for (size_t i = from; i < to; i++)
		if (!place_has_word_prefix(p, want->word[i]))
			return false;
	return true;
}

/* The most words a state's name or a name of the United States has. */
#define MAX_CODE_WORDS 4

/* Every run of the value's words is matched: the longest that stands for a code
 * ("new mexico", "united states"), else one word. */
static bool value_matches(const struct place *p, const struct words *want)
{
	for (size_t i = 0; i < want->n;) {
		size_t k = want->n - i < MAX_CODE_WORDS ? want->n - i : MAX_CODE_WORDS;
		const char *code = NULL;
		for (; k > 1 && !(code = code_of(want, i, i + k)); k--)
			;
		if (k == 1)
			code = code_of(want, i, i + 1);
		if (!unit_matches(p, want, i, i + k, code))
			return false;
		i += k;
	}
	return want->n > 0;
}

bool facetname_location_matches(const char *location, size_t len, const char *value)
{
	struct place p;
	struct words want;
	if (!place_split(&p, location, len))
		return false;
	bool ok = words_split(&want, value, strlen(value));
	if (ok) {
		ok = value_matches(&p, &want);
		words_free(&want);
	}
	place_free(&p);
	return ok;
}

/* ---- deciding facets ------------------------------------------------------------ */

bool facetname_decide(bool **table, size_t *decided, const struct facet_set *set,
                      const char *const *values, size_t nvalues, facetname_test test)
{
	if (*table && *decided == set->count)
		return true;
	bool *ok = realloc(*table, (set->count ? set->count : 1) * sizeof *ok);
	if (!ok)
		return false;
	*table = ok;
	for (size_t i = *decided; i < set->count; i++) {
		ok[i] = false;
		for (size_t v = 0; v < nvalues && !ok[i]; v++)
			ok[i] = test(set->items[i].name.s, set->items[i].name.len, values[v]);
	}
	*decided = set->count;
	return true;
}
