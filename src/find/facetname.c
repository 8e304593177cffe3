#include "config.h"

#include "relview/facetname.h"

#include "relview/ascii.h"
#include "relview/catalog.h"
#include "relview/fold.h"
#include "relview/place.h"

#include <stdlib.h>
#include <string.h>

/* ---- words ----------------------------------------------------------------------- */

#define MAX_WORDS 32

/* A name as folded words: case and accents folded as the value asks (below),
 * periods dropped ("U.S." is "us", "D.C." is "dc"),
 * anything else that is no letter or digit a break. A word written with periods
 * is an abbreviation. */
struct words {
	char *text; /* the words, NUL after each */
	const char *word[MAX_WORDS];
	bool abbreviated[MAX_WORDS];
	size_t n;
};

static bool is_word_byte(unsigned char c)
{
	return ascii_is_alpha((char)c) || ascii_is_digit((char)c) || c >= 0x80;
}

static bool words_split(struct words *w, const char *s, size_t n, unsigned flags)
{
	*w = (struct words){.text = malloc(fold_string_max(n))};
	if (!w->text)
		return false;
	size_t len = fold_string(s, n, flags, w->text), out = 0;
	bool in_word = false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)w->text[i];
		if (c == '.') {
			if (in_word)
				w->abbreviated[w->n - 1] = true;
			continue;
		}
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

static bool has_word_prefix(const struct words *w, const char *prefix)
{
	for (size_t i = 0; i < w->n; i++)
		if (begins(w->word[i], prefix))
			return true;
	return false;
}

/* The value's words and the flags the name is folded with for them: case always
 * (names are typed in any case, and --topic and --location always ignored it);
 * accents unless one is typed ("ñ" is not "n"), or always (a place is one facet,
 * "Mexico", whatever accents a header printed, so "méxico" is it too). */
static bool value_split(struct words *want, const char *value, bool accents_always, unsigned *flags)
{
	*flags = fold_flags_for(value, strlen(value)) | FOLD_CASE;
	if (accents_always)
		*flags |= FOLD_ACCENTS;
	return words_split(want, value, strlen(value), *flags);
}

/* ---- topics ---------------------------------------------------------------------- */

bool facetname_topic_matches(const char *name, size_t len, const char *value)
{
	struct words have, want;
	unsigned flags;
	if (!value_split(&want, value, false, &flags))
		return false;
	if (!words_split(&have, name, len, flags)) {
		words_free(&want);
		return false;
	}
	bool ok = want.n > 0;
	for (size_t i = 0; ok && i < want.n; i++)
		ok = has_word_prefix(&have, want.word[i]);
	words_free(&have);
	words_free(&want);
	return ok;
}

/* ---- the codes of places ------------------------------------------------------- */

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
		if (ascii_casecmp(joined, names[i]) == 0)
			return true;
	return false;
}

/* The code words w[from..to) stand for ("TX" for "texas" or "tx", "US" for "usa"),
 * or NULL; the code's name through *name. AP abbreviations are known with their
 * period ("calif."), which folding dropped. */
static const char *code_of(const struct words *w, size_t from, size_t to, const char **name)
{
	char joined[64];
	*name = NULL;
	if (!join_words(w, from, to, joined, sizeof joined - 1))
		return NULL;
	if (is_us(joined)) {
		*name = "United States";
		return "US";
	}
	const char *code = place_state(joined, strlen(joined), name);
	if (!code && to - from == 1) {
		strcat(joined, ".");
		code = place_state(joined, strlen(joined), name);
	}
	return code;
}

/* A place as matched: the words of its parts, the codes it answers to, and those
 * codes' names (a state's, "United States"). The first part is the city, always
 * words (and a code only when it is the only part); a later part that is a state
 * or the United States is its code only. */
#define MAX_PARTS 6
#define MAX_CODES 4

struct place {
	struct words part[MAX_PARTS];
	bool coded[MAX_PARTS];
	size_t nparts;
	const char *code[MAX_CODES];
	struct words name[MAX_CODES];
	size_t ncodes;
};

static void place_free(struct place *p)
{
	for (size_t i = 0; i < p->nparts; i++)
		words_free(&p->part[i]);
	for (size_t i = 0; i < p->ncodes; i++)
		words_free(&p->name[i]);
}

static bool place_has_code(const struct place *p, const char *code)
{
	for (size_t i = 0; i < p->ncodes; i++)
		if (ascii_casecmp(p->code[i], code) == 0)
			return true;
	return false;
}

static bool place_add_code(struct place *p, const char *code, const char *name, unsigned flags)
{
	if (place_has_code(p, code) || p->ncodes == MAX_CODES)
		return true;
	if (!words_split(&p->name[p->ncodes], name, strlen(name), flags))
		return false;
	p->code[p->ncodes++] = code;
	return true;
}

static bool place_split(struct place *p, const char *s, size_t n, unsigned flags)
{
	*p = (struct place){0};
	const char *end = s + n;
	bool ok = true;
	for (const char *at = s; ok && at <= end && p->nparts < MAX_PARTS;) {
		const char *comma = memchr(at, ',', (size_t)(end - at));
		const char *stop = comma ? comma : end;
		struct words *w = &p->part[p->nparts];
		if (!words_split(w, at, (size_t)(stop - at), flags)) {
			place_free(p);
			return false;
		}
		/* The city is a code only when it is all there is ("Puerto Rico"):
		 * "Washington, DC" is not in Washington state, nor "Delaware, OH" in DE. */
		bool alone = p->nparts == 0 && !comma;
		const char *name, *code = w->n && (p->nparts > 0 || alone)
		                                  ? code_of(w, 0, w->n, &name)
		                                  : NULL;
		if (code) {
			ok = place_add_code(p, code, name, flags);
			p->coded[p->nparts] = p->nparts > 0;
		}
		p->nparts++;
		at = stop + 1;
	}
	if (ok && p->ncodes) /* a state is in the United States */
		ok = place_add_code(p, "US", "United States", flags);
	if (!ok)
		place_free(p);
	return ok;
}

/* ---- matching a place ---------------------------------------------------------- */

/* Does a word of the place's words (not its codes) begin with prefix? */
static bool place_has_word_prefix(const struct place *p, const char *prefix)
{
	for (size_t i = 0; i < p->nparts; i++)
		if (!p->coded[i] && has_word_prefix(&p->part[i], prefix))
			return true;
	return false;
}

/* How many of the value's words from i on begin the words of one of the place's
 * codes' names in order, from its first ("new m", "puerto", "united"); 0 when none
 * does. A state's name is one thing: "mexico" is not New Mexico, nor is "new m"
 * New Hampshire's "new" and a city's "m". */
static size_t name_prefix_run(const struct place *p, const struct words *want, size_t i)
{
	size_t best = 0;
	for (size_t c = 0; c < p->ncodes; c++) {
		const struct words *name = &p->name[c];
		size_t k = 0, whole = name->n < want->n - i ? name->n : want->n - i;
		while (k < whole && begins(name->word[k], want->word[i + k]))
			k++;
		if (k == whole && k > best)
			best = k;
	}
	return best;
}

/* The most words a state's name or a name of the United States has. */
#define MAX_CODE_WORDS 4

/* The longest run of the value's words from i that stands for a code, its length
 * through *k (NULL: none). */
static const char *code_run(const struct words *want, size_t i, size_t *k)
{
	const char *name;
	for (*k = want->n - i < MAX_CODE_WORDS ? want->n - i : MAX_CODE_WORDS; *k > 0; (*k)--) {
		const char *code = code_of(want, i, i + *k, &name);
		if (code)
			return code;
	}
	*k = 1;
	return NULL;
}

/* Every word of the value is matched, from the left: a run standing for one of
 * the place's codes ("texas", "u.s."); a run beginning one of its codes' names; a
 * word beginning one of its words. An abbreviation that is a code ("p.r.",
 * "calif.") is that code only. */
static bool value_matches(const struct place *p, const struct words *want)
{
	for (size_t i = 0; i < want->n;) {
		size_t k, run;
		const char *code = code_run(want, i, &k);
		if (code && place_has_code(p, code)) {
			i += k;
		} else if ((run = name_prefix_run(p, want, i)) > 0) {
			i += run;
		} else if (!(code && want->abbreviated[i]) &&
		           place_has_word_prefix(p, want->word[i])) {
			i++;
		} else {
			return false;
		}
	}
	return want->n > 0;
}

/* A whole value that is a state's postal code alone ("ca", "TX", "in") is that
 * state only, as "p.r." is: not Cairo, Camden, India, nor Connecticut for "co".
 * While typing, "ca" is on its way to "cairo" and narrows as any word does. */
static const char *lone_postal_code(const struct words *want)
{
	if (want->n != 1 || strlen(want->word[0]) != 2)
		return NULL;
	return place_state(want->word[0], 2, NULL);
}

static bool location_matches(const char *location, size_t len, const char *value, bool whole)
{
	struct place p;
	struct words want;
	unsigned flags;
	if (!value_split(&want, value, true, &flags))
		return false;
	const char *code = whole ? lone_postal_code(&want) : NULL;
	bool ok = place_split(&p, location, len, flags);
	if (ok) {
		ok = code ? place_has_code(&p, code) : value_matches(&p, &want);
		place_free(&p);
	}
	words_free(&want);
	return ok;
}

bool facetname_location_matches(const char *location, size_t len, const char *value)
{
	return location_matches(location, len, value, true);
}

bool facetname_location_typed(const char *location, size_t len, const char *typed)
{
	return location_matches(location, len, typed, false);
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

bool facetname_names_any(const struct facet_set *set, const char *value, facetname_test test)
{
	for (size_t i = 0; i < set->count; i++)
		if (test(set->items[i].name.s, set->items[i].name.len, value))
			return true;
	return false;
}
