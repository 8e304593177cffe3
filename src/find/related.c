#include "config.h"

#include "relview/related.h"

#include "relview/bound.h"
#include "relview/date.h"
#include "relview/grow.h"
#include "relview/hash.h"
#include "relview/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names counted per release at most; a release with more (rare) keeps its first,
 * those nearest the title. */
#define NAMES_PER_RELEASE 256
/* Words a run of capitalised words may have before it is dropped whole. */
#define RUN_WORDS_MAX 32

/* ---- names ----------------------------------------------------------------------- */

/* The code point at s[*i], advancing *i: ASCII without a call, it is most text. */
static inline uint32_t next_cp(const char *s, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	if (c < 0x80) {
		++*i;
		return c;
	}
	return text_next_cp(s, n, i);
}

/* +1 upper case, -1 lower case, 0 neither (or a script this does not know: such a
 * word is no name here, which costs a relation, never a wrong one). */
static inline int letter_case(uint32_t cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return 1;
	if (cp >= 'a' && cp <= 'z')
		return -1;
	if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		return 1;
	if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
		return -1;
	if (cp >= 0x100 && cp <= 0x17F) /* Latin Extended-A pairs: upper even, lower odd */
		return cp % 2 ? -1 : 1;
	return 0;
}

/* Letters, digits and other characters of words; not spaces, punctuation (ASCII,
 * Latin-1's or the General Punctuation block's: quotes, dashes) or symbols. */
static inline bool word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || letter_case(cp);
	return !(cp >= 0xA0 && cp <= 0xBF) && !(cp >= 0x2000 && cp <= 0x206F) && cp != 0xD7 &&
	       cp != 0xF7 && cp != 0xFFFD;
}

struct word {
	size_t from, to;  /* the word; to: its end, an initial's '.' or a possessive left out */
	size_t next;      /* where scanning goes on */
	bool capitalised; /* a capital first, and some lower case: not an acronym */
	bool initial;     /* one capital and a '.': "Q." */
	bool possessive;  /* ended by 's: the name ends with it */
};

/* An apostrophe or a hyphen joins two parts of one word ("O'Brien", "Wilkes-Barre");
 * *after: where the second part begins. */
static bool joiner_at(const char *s, size_t n, size_t i, size_t *after)
{
	size_t j = i;
	uint32_t cp = next_cp(s, n, &j);
	if (cp != '\'' && cp != 0x2019 && cp != '-')
		return false;
	*after = j;
	return j < n && word_cp(next_cp(s, n, &j));
}

/* At s[i]: a word character? */
static bool word_at(const char *s, size_t n, size_t i)
{
	return i < n && word_cp(next_cp(s, n, &i));
}

/* At s[i]: a capital letter? */
static bool capital_at(const char *s, size_t n, size_t i)
{
	return i < n && letter_case(next_cp(s, n, &i)) > 0;
}

/* An "s" that ends the word after an apostrophe. */
static bool possessive_at(const char *s, size_t n, size_t i)
{
	return s[i] == 's' && !word_at(s, n, i + 1);
}

/* The word at s[i], which starts with a word character. */
static struct word read_word(const char *s, size_t n, size_t i)
{
	struct word w = {.from = i};
	size_t j = i, after;
	int first = letter_case(next_cp(s, n, &j));
	bool lower = first < 0;
	for (;;) {
		/* ASCII letters and digits first, without decoding: most of any word */
		for (unsigned char c; j < n && (c = (unsigned char)s[j]) < 0x80; j++) {
			bool low = c >= 'a' && c <= 'z';
			if (!low && !(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9'))
				break;
			lower = lower || low;
		}
		unsigned char c = j < n ? (unsigned char)s[j] : ' ';
		if (c < 0x80 && c != '\'' && c != '-') { /* a space, most often */
			w.to = w.next = j;
			break;
		}
		size_t k = j;
		uint32_t cp = next_cp(s, n, &k);
		if (word_cp(cp)) {
			lower = lower || letter_case(cp) < 0;
			j = k;
		} else if (joiner_at(s, n, j, &after)) {
			if (s[j] != '-' && possessive_at(s, n, after)) {
				w.possessive = true;
				w.to = j;
				w.next = after + 1;
				break;
			}
			j = after;
		} else {
			w.to = w.next = j;
			break;
		}
	}
	w.capitalised = first > 0 && lower;
	if (first > 0 && w.to - w.from == 1 && w.next < n && s[w.next] == '.') {
		w.initial = true;
		w.to = w.next = w.next + 1;
	}
	return w;
}

/* Words that lead up to names rather than belong to them: a name is what follows
 * the last of these in a run ("During Operation X", "Special Agent in Charge Jane
 * Doe" gives "Jane Doe"). Months and weekdays lead to names too ("In March John Doe").
 * A switch on the first letter, and compares of known length the compiler inlines:
 * every word of every run is looked up. */
static bool lead_word(const char *s, size_t len)
{
#define IS(word) (len == sizeof word - 1 && memcmp(s, word, sizeof word - 1) == 0)
	switch (s[0]) {
	case 'A':
		return IS("A") || IS("According") || IS("Acting") || IS("Administrator") ||
		       IS("After") || IS("Agent") || IS("Agents") || IS("Also") ||
		       IS("Ambassador") || IS("An") || IS("And") || IS("April") || IS("As") ||
		       IS("Assistant") || IS("Associate") || IS("At") || IS("Attorney") ||
		       IS("Attorneys") || IS("August");
	case 'B':
		return IS("Before") || IS("But") || IS("By");
	case 'C':
		return IS("Captain") || IS("Charge") || IS("Chief") || IS("Commissioner") ||
		       IS("Counsel");
	case 'D':
		return IS("December") || IS("Deputy") || IS("Detective") || IS("Director") ||
		       IS("District") || IS("During");
	case 'E':
		return IS("Executive");
	case 'F':
		return IS("February") || IS("Field") || IS("For") || IS("Former") || IS("Friday") ||
		       IS("From");
	case 'G':
		return IS("General") || IS("Governor");
	case 'I':
		return IS("If") || IS("In") || IS("Inspector");
	case 'J':
		return IS("January") || IS("Judge") || IS("July") || IS("June");
	case 'L':
		return IS("Lieutenant");
	case 'M':
		return IS("Magistrate") || IS("March") || IS("Marshal") || IS("May") ||
		       IS("Mayor") || IS("Minister") || IS("Monday");
	case 'N':
		return IS("November");
	case 'O':
		return IS("October") || IS("Of") || IS("Officer") || IS("Officers") || IS("On") ||
		       IS("Or") || IS("Over");
	case 'P':
		return IS("President") || IS("Prosecutor") || IS("Prosecutors");
	case 'S':
		return IS("Saturday") || IS("Secretary") || IS("Senator") || IS("Senior") ||
		       IS("September") || IS("Sergeant") || IS("Sheriff") || IS("Since") ||
		       IS("Special") || IS("Sunday") || IS("Supervisory");
	case 'T':
		return IS("That") || IS("The") || IS("Then") || IS("These") || IS("This") ||
		       IS("Those") || IS("Thursday") || IS("To") || IS("Tuesday");
	case 'U':
		return IS("Under");
	case 'W':
		return IS("Wednesday") || IS("When") || IS("While") || IS("With");
	default:
		return false;
	}
#undef IS
}

struct run {
	struct word words[RUN_WORDS_MAX];
	size_t n;
	bool overflow;    /* more words than fit: a headline, dropped */
	struct word last; /* the last word, kept or not */
};

/* The name a run of capitalised words holds: after its last lead word, without
 * initials at the end; two to RELATED_NAME_WORDS_MAX words. */
static bool run_name(const char *s, const struct run *run, struct str *name)
{
	size_t first = 0, last = run->n;
	if (run->overflow || run->n < 2)
		return false;
	for (size_t i = 0; i < run->n; i++)
		if (lead_word(s + run->words[i].from, run->words[i].to - run->words[i].from))
			first = i + 1;
	while (last > first && run->words[last - 1].initial)
		last--;
	if (last < first + 2 || last - first > RELATED_NAME_WORDS_MAX)
		return false;
	name->s = s + run->words[first].from;
	name->len = run->words[last - 1].to - run->words[first].from;
	return true;
}

static void add_word(struct run *run, const struct word *w)
{
	run->last = *w;
	if (run->n < RUN_WORDS_MAX)
		run->words[run->n++] = *w;
	else
		run->overflow = true;
}

/* ---- finding capitals fast: names are where they are, and they are few ------------ */

static bool capital_or_wide(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* The first byte at or after i that is a capital A-Z or part of a non-ASCII
 * character, 16 bytes at a time; n when none is. */
static size_t next_capital(const char *s, size_t n, size_t i)
{
	const __m128i before_a = _mm_set1_epi8('A' - 1), after_z = _mm_set1_epi8('Z' + 1);
	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i capital =
		        _mm_and_si128(_mm_cmpgt_epi8(v, before_a), _mm_cmplt_epi8(v, after_z));
		/* Bytes from 0x80 up are negative as signed: their top bit is the mask's. */
		unsigned mask = (unsigned)_mm_movemask_epi8(_mm_or_si128(capital, v));
		if (mask)
			return i + (unsigned)__builtin_ctz(mask);
	}
	while (i < n && !capital_or_wide((unsigned char)s[i]))
		i++;
	return i;
}
#else
static size_t next_capital(const char *s, size_t n, size_t i)
{
	while (i < n && !capital_or_wide((unsigned char)s[i]))
		i++;
	return i;
}
#endif

/* Does a word start at s[i] (the character before it is not a word's)? */
static bool word_starts(const char *s, size_t i)
{
	size_t from = i;
	while (from > 0 && i - from < 4 && ((unsigned char)s[from - 1] & 0xC0) == 0x80)
		from--; /* back over UTF-8 continuation bytes to the character's start */
	if (from == 0)
		return true;
	from--;
	size_t at = from;
	return !word_cp(next_cp(s, i, &at));
}

/* A name word or an initial after one space goes on with the run, unless it ended
 * with a possessive. */
static bool next_in_run(const char *s, size_t n, const struct run *run, struct word *w)
{
	const struct word *last = &run->last;
	size_t at = last->next;
	if (last->possessive || at + 1 >= n || s[at] != ' ' || !capital_at(s, n, at + 1))
		return false;
	*w = read_word(s, n, at + 1);
	return w->capitalised || w->initial;
}

size_t related_names(struct str text, struct str *names, size_t max)
{
	const char *s = text.s;
	size_t n = text.len, count = 0;
	struct run run;
	for (size_t i = next_capital(s, n, 0); i < n && count < max; i = next_capital(s, n, i)) {
		size_t after = i;
		if (letter_case(next_cp(s, n, &after)) <= 0 || !word_starts(s, i)) {
			i = after;
			continue;
		}
		struct word w = read_word(s, n, i);
		run.n = 0;
		run.overflow = false;
		if (w.capitalised)
			add_word(&run, &w);
		while (run.n && next_in_run(s, n, &run, &w))
			add_word(&run, &w);
		if (run.n)
			count += run_name(s, &run, &names[count]);
		/* The word that ended the run may start the next: scan on from its start. */
		i = run.n ? run.last.next : w.next;
	}
	return count;
}

/* ---- the index of rare names ------------------------------------------------------ */

/* Each key is a name's hash with its low bits given to a release id: sorted, the
 * releases holding one name are one run of keys. Only rare names' runs are kept. */
struct related_index {
	const struct catalog *cat;
	uint64_t *keys;
	size_t nkeys, cap;
	unsigned id_bits;
	size_t end;      /* the releases it indexes: those in the catalog when it began */
	size_t next;     /* the next release to index */
	uint64_t *spare; /* the radix sort's second array, while it runs */
	unsigned shift;  /* the bits the radix pass sorts on */
	size_t *place;   /* where the pass puts the next key of each digit; NULL: not counted */
	size_t moved;    /* keys the pass has put in place */
	bool built;
};

struct related_index *related_new(const struct catalog *cat)
{
	struct related_index *ix = calloc(1, sizeof *ix);
	if (!ix)
		return NULL;
	ix->cat = cat;
	ix->end = cat->count;
	ix->id_bits = 1;
	while (ix->id_bits < 32 && (uint64_t)1 << ix->id_bits < ix->end)
		ix->id_bits++;
	ix->shift = ix->id_bits;
	return ix;
}

void related_free(struct related_index *ix)
{
	if (ix) {
		free(ix->keys);
		free(ix->spare);
		free(ix->place);
	}
	free(ix);
}

static uint64_t id_mask(const struct related_index *ix)
{
	return ((uint64_t)1 << ix->id_bits) - 1;
}

/* The keys of names and of tails are told apart by their top bit: a tail's is set.
 * Sorted, every tail's run comes after every name's. */
#define TAIL_BIT ((uint64_t)1 << 63)

static uint64_t name_hash(struct str name)
{
	return XXH3_64bits(name.s, name.len) & ~TAIL_BIT;
}

/* A name's last two words ("State Police" of "South Dakota State Police"; the words
 * of a name are one space apart); *words: how many the name has, up to 3. */
static struct str tail_of(struct str name, int *words)
{
	size_t from = name.len;
	*words = 1;
	while (from > 0 && *words < 3)
		if (name.s[--from] == ' ')
			++*words;
	if (*words == 3)
		from++;
	return (struct str){name.s + from, name.len - from};
}

static uint64_t tail_hash(struct str name)
{
	int words;
	struct str tail = tail_of(name, &words);
	return XXH3_64bits(tail.s, tail.len) | TAIL_BIT;
}

/* Adds h to the first *n hashes unless it is there; false when it was. */
static bool add_once(uint64_t *hashes, size_t *n, uint64_t h)
{
	for (size_t j = 0; j < *n; j++)
		if (hashes[j] == h)
			return false;
	hashes[(*n)++] = h;
	return true;
}

/* The hashes of the names in a release's title, subtitle and body, each once;
 * returns how many. Names (the first of each hash) go to `names` when it is not NULL. With `tails`,
 * the hashes of the tails of its names of three words or more follow, each once too. */
static size_t name_hashes(const struct release *r, uint64_t *hashes, struct str *names, bool tails)
{
	struct str found[NAMES_PER_RELEASE];
	size_t n = related_names(r->title, found, NAMES_PER_RELEASE);
	n += related_names(r->subtitle, found + n, NAMES_PER_RELEASE - n);
	n += related_names(r->body, found + n, NAMES_PER_RELEASE - n);
	size_t out = 0;
	for (size_t i = 0; i < n; i++) {
		if (add_once(hashes, &out, name_hash(found[i])) && names)
			names[out - 1] = found[i];
	}
	for (size_t i = 0; tails && i < n; i++) {
		int words;
		tail_of(found[i], &words);
		if (words == 3)
			add_once(hashes, &out, tail_hash(found[i]));
	}
	return out;
}

static bool add_keys(struct related_index *ix, const uint64_t *hashes, size_t n, uint32_t id)
{
	if (!grow_array((void **)&ix->keys, &ix->cap, ix->nkeys + n, sizeof *ix->keys))
		return false;
	for (size_t i = 0; i < n; i++)
		ix->keys[ix->nkeys++] = (hashes[i] & ~id_mask(ix)) | id;
	return true;
}

/* A radix sort of the keys on their hash bits, 16 at a time from the lowest (LSD:
 * stable, so each run stays in release order), in steps: a pass counts its digits
 * in one and moves the keys RADIX_MOVE at a time in the next, so that no step keeps
 * keys waiting long (fresh memory costs a page fault a page). */
#define RADIX_BITS 16
#define RADIX_MOVE ((size_t)1 << 18)

static unsigned digit(const struct related_index *ix, uint64_t key)
{
	return (unsigned)(key >> ix->shift & (((uint64_t)1 << RADIX_BITS) - 1));
}

static bool count_digits(struct related_index *ix)
{
	size_t n = ix->nkeys, *place = calloc((size_t)1 << RADIX_BITS, sizeof *place);
	if (!ix->spare)
		ix->spare = malloc((n ? n : 1) * sizeof *ix->spare);
	if (!place || !ix->spare) {
		free(place);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		place[digit(ix, ix->keys[i])]++;
	for (size_t d = 0, sum = 0; d < (size_t)1 << RADIX_BITS; d++) {
		size_t c = place[d];
		place[d] = sum;
		sum += c;
	}
	ix->place = place;
	ix->moved = 0;
	return true;
}

static void move_keys(struct related_index *ix)
{
	size_t end = ix->nkeys - ix->moved > RADIX_MOVE ? ix->moved + RADIX_MOVE : ix->nkeys;
	for (size_t i = ix->moved; i < end; i++)
		ix->spare[ix->place[digit(ix, ix->keys[i])]++] = ix->keys[i];
	ix->moved = end;
	if (end < ix->nkeys)
		return;
	uint64_t *sorted = ix->spare; /* the pass is done */
	ix->spare = ix->keys;
	ix->keys = sorted;
	free(ix->place);
	ix->place = NULL;
	ix->shift += RADIX_BITS;
	if (ix->shift >= 64) {
		free(ix->spare);
		ix->spare = NULL;
	}
}

/* Keep the runs of rare names, held by 2 to RELATED_RARE_MAX releases, and one key
 * of each common tail, held by more (the kinds of agency: "State Police"). */
static void keep_rare(struct related_index *ix)
{
	size_t out = 0;
	for (size_t i = 0, end; i < ix->nkeys; i = end) {
		uint64_t name = ix->keys[i] >> ix->id_bits;
		for (end = i + 1; end < ix->nkeys && ix->keys[end] >> ix->id_bits == name;)
			end++;
		bool tail = ix->keys[i] & TAIL_BIT;
		if (tail ? end - i <= RELATED_RARE_MAX : end - i < 2 || end - i > RELATED_RARE_MAX)
			continue;
		size_t keep = tail ? 1 : end - i;
		memmove(&ix->keys[out], &ix->keys[i], keep * sizeof *ix->keys);
		out += keep;
	}
	ix->nkeys = out;
	uint64_t *smaller = realloc(ix->keys, (out ? out : 1) * sizeof *smaller);
	if (smaller)
		ix->keys = smaller;
	ix->cap = out;
}

/* Steps: up to `budget` releases indexed; once all are, the sort's; then the rare
 * runs kept, and the index is built. */
bool related_index_step(struct related_index *ix, size_t budget, bool *ok)
{
	uint64_t hashes[2 * NAMES_PER_RELEASE]; /* names and their tails */
	*ok = true;
	if (ix->built)
		return true;
	if (ix->next < ix->end) {
		for (; budget && ix->next < ix->end; budget--, ix->next++) {
			size_t n = name_hashes(&ix->cat->releases[ix->next], hashes, NULL, true);
			if (!(*ok = add_keys(ix, hashes, n, (uint32_t)ix->next)))
				return false;
		}
		return false;
	}
	if (ix->shift < 64 && !ix->place) {
		*ok = count_digits(ix);
		return false;
	}
	if (ix->shift < 64) {
		move_keys(ix);
		return false;
	}
	keep_rare(ix);
	return ix->built = true;
}

int related_index_percent(const struct related_index *ix)
{
	return ix->built ? 100 : (int)(ix->next * 99 / (ix->end ? ix->end : 1));
}

size_t related_index_covers(const struct related_index *ix)
{
	return ix->end;
}

struct name_sought {
	const struct related_index *ix;
	uint64_t name;
};

static bool name_below(const void *ctx, size_t i)
{
	const struct name_sought *s = ctx;
	return s->ix->keys[i] >> s->ix->id_bits < s->name;
}

/* The run of releases holding the name of this hash: [*from, return). */
static size_t name_run(const struct related_index *ix, uint64_t hash, size_t *from)
{
	struct name_sought s = {ix, hash >> ix->id_bits};
	size_t hi = *from = lower_bound(0, ix->nkeys, name_below, &s);
	while (hi < ix->nkeys && ix->keys[hi] >> ix->id_bits == s.name)
		hi++;
	return hi;
}

/* ---- one release's relations -------------------------------------------------------- */

#define NO_DAYS INT32_MAX

struct candidate {
	uint32_t id;
	uint32_t date;    /* its date (0: undated) */
	int32_t days;     /* its date less the release's, in days; NO_DAYS: either undated */
	bool place;       /* same topic and place, near in time */
	uint32_t nshared; /* rare names in common */
	uint32_t held;    /* how many releases hold those names, summed: rarer first */
	struct str names[2];
};

struct candidates {
	struct candidate *items;
	size_t n, cap;
};

static int32_t days_between(const struct release *a, const struct release *b)
{
	if (!a->date || !b->date)
		return NO_DAYS;
	return date_days(b->date) - date_days(a->date);
}

/* The candidate for a release, added when it is not one yet; NULL when out of
 * memory. */
static struct candidate *candidate_for(struct candidates *c, const struct catalog *cat,
                                       const struct release *r, uint32_t id)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->items[i].id == id)
			return &c->items[i];
	if (!grow_array((void **)&c->items, &c->cap, c->n + 1, sizeof *c->items))
		return NULL;
	const struct release *o = &cat->releases[id];
	c->items[c->n] = (struct candidate){.id = id, .date = o->date, .days = days_between(r, o)};
	return &c->items[c->n++];
}

static bool share_topic(const struct catalog *cat, const struct release *a, const struct release *b)
{
	for (size_t i = 0; i < a->ntopics; i++)
		for (size_t j = 0; j < b->ntopics; j++)
			if (cat->topic_refs[a->topic_first + i] ==
			    cat->topic_refs[b->topic_first + j])
				return true;
	return false;
}

/* (a): the same location, a topic in common, within RELATED_DAYS days. */
static bool add_same_place(struct candidates *c, const struct catalog *cat, uint32_t id)
{
	const struct release *r = &cat->releases[id];
	if (r->location_id == FACET_NONE || !r->date || !r->ntopics)
		return true;
	for (size_t i = 0; i < cat->count; i++) {
		const struct release *o = &cat->releases[i];
		if (i == id || o->location_id != r->location_id || !o->date)
			continue;
		int32_t days = days_between(r, o);
		if (days < -RELATED_DAYS || days > RELATED_DAYS || !share_topic(cat, r, o))
			continue;
		struct candidate *cand = candidate_for(c, cat, r, (uint32_t)i);
		if (!cand)
			return false;
		cand->place = true;
	}
	return true;
}

/* Does the text hold the name? (An absent text may have no pointer at all.) */
static bool in_text(struct str text, struct str name)
{
	return text.len >= name.len && memmem(text.s, text.len, name.s, name.len);
}

/* Does the release hold the name? (Names are matched by a part of their hash; this
 * rules out the rare two that share it.) */
static bool holds(const struct release *r, struct str name)
{
	return in_text(r->title, name) || in_text(r->subtitle, name) || in_text(r->body, name);
}

/* A name that ends as many releases' names end ("Utah State Police", "Dallas Police
 * Department"; "State Police" itself) names a kind of agency, one of many: however
 * few releases hold it, it relates no two cases. */
static bool common_tail(const struct related_index *ix, struct str name)
{
	size_t from;
	return name_run(ix, tail_hash(name), &from) > from;
}

/* (b): rare names in common. */
static bool add_shared_names(struct candidates *c, const struct related_index *ix, uint32_t id)
{
	const struct catalog *cat = ix->cat;
	const struct release *r = &cat->releases[id];
	uint64_t hashes[NAMES_PER_RELEASE];
	struct str names[NAMES_PER_RELEASE];
	size_t n = name_hashes(r, hashes, names, false);
	for (size_t i = 0; i < n; i++) {
		if (common_tail(ix, names[i]))
			continue;
		size_t from, to = name_run(ix, hashes[i], &from);
		for (size_t k = from; k < to; k++) {
			uint32_t other = (uint32_t)(ix->keys[k] & id_mask(ix));
			if (other == id || !holds(&cat->releases[other], names[i]))
				continue;
			struct candidate *cand = candidate_for(c, cat, r, other);
			if (!cand)
				return false;
			if (cand->nshared < 2)
				cand->names[cand->nshared] = names[i];
			cand->nshared++;
			cand->held += (uint32_t)(to - from);
		}
	}
	return true;
}

static uint32_t distance(int32_t days)
{
	return days == NO_DAYS ? UINT32_MAX : (uint32_t)(days < 0 ? -days : days);
}

/* The reason: both kinds, same place, shared names. */
static int kind_of(const struct candidate *c)
{
	return c->place ? (c->nshared ? 0 : 1) : 2;
}

/* Which RELATED_MAX are kept: both kinds first, then same place (nearest first),
 * then shared names (most, then rarest first); then nearer in time, then newer. */
static int by_rank(const void *pa, const void *pb)
{
	const struct candidate *a = pa, *b = pb;
	int ka = kind_of(a), kb = kind_of(b);
	if (ka != kb)
		return ka - kb;
	if (a->nshared != b->nshared)
		return a->nshared > b->nshared ? -1 : 1;
	if (a->held != b->held)
		return a->held < b->held ? -1 : 1;
	uint32_t da = distance(a->days), db = distance(b->days);
	if (da != db)
		return da < db ? -1 : 1;
	if (a->days != b->days)
		return a->days > b->days ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* How they are shown: by reason, then as the list is, newest first (undated last). */
static int by_reason_then_date(const void *pa, const void *pb)
{
	const struct candidate *a = pa, *b = pb;
	int ka = kind_of(a), kb = kind_of(b);
	if (ka != kb)
		return ka - kb;
	if (a->date != b->date) /* 0, undated, is below every date: last */
		return a->date > b->date ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* "same topic+place, 12 days later; shares: Operation Quiet Storm, Jane Doe +1" */
static void describe(const struct candidate *c, char *why, size_t size)
{
	int len = 0;
	uint32_t d = distance(c->days);
	if (c->place && d == 0)
		len = snprintf(why, size, "same topic+place, same day");
	else if (c->place)
		len = snprintf(why, size, "same topic+place, %u day%s %s", d, d == 1 ? "" : "s",
		               c->days > 0 ? "later" : "earlier");
	for (uint32_t i = 0; i < c->nshared && i < 2 && (size_t)len < size; i++)
		len += snprintf(why + len, size - (size_t)len, "%s%.*s",
		                i     ? ", "
		                : len ? "; shares: "
		                      : "shares: ",
		                (int)c->names[i].len, c->names[i].s);
	if (c->nshared > 2 && (size_t)len < size)
		snprintf(why + len, size - (size_t)len, " +%u", c->nshared - 2);
}

bool related_find(struct related_index *ix, uint32_t id, struct related **out, size_t *n)
{
	struct candidates c = {0};
	*out = NULL;
	*n = 0;
	bool ok = true;
	while (!related_index_step(ix, SIZE_MAX, &ok) && ok)
		;
	ok = ok && id < ix->cat->count && add_same_place(&c, ix->cat, id) &&
	     add_shared_names(&c, ix, id);
	size_t keep = c.n < RELATED_MAX ? c.n : RELATED_MAX;
	if (ok && keep) {
		qsort(c.items, c.n, sizeof *c.items, by_rank);
		qsort(c.items, keep, sizeof *c.items, by_reason_then_date);
		ok = (*out = calloc(keep, sizeof **out)) != NULL;
	}
	for (size_t i = 0; ok && i < keep; i++) {
		(*out)[i].id = c.items[i].id;
		describe(&c.items[i], (*out)[i].why, sizeof(*out)[i].why);
	}
	if (ok)
		*n = keep;
	free(c.items);
	return ok;
}
