/* parse_fields — the location and topics of a header line, run together with no
 * separator ("Mexico City, MexicoTransnational Gangs"): every place where one field
 * may end and the next begin is found, and the cheapest reading wins (a known state,
 * code or country ends the location; topics should be names the vocabulary knows). */
#include "config.h"

#include "parse_private.h"

#include "relview/ascii.h"
#include "relview/topics.h"

/* Bounds that keep splitting a header linear in its length and bounded per release:
 * a header line of many long topics may be a few hundred bytes, so the line is at most
 * FIELDS_MAX bytes (parse_private.h); a location or a topic is looked for
 * only within LOCATION_MAX or TOPIC_MAX bytes of where it starts. */
enum { BOUNDS_MAX = 256, PLACE_MAX = 48, LOCATION_MAX = 128, TOPIC_MAX = 160, CITY_WORDS_MAX = 4 };

/* Commas and joins separate topics; a space or a code run into capitals may also be
 * inside one name ("Border Security", "COVID Response"). */
enum bound_kind { BOUND_EDGE, BOUND_COMMA, BOUND_JOIN, BOUND_SPACE, BOUND_CODE };

/* A place where one field may end and the next begin: the text before it ends at
 * `end`, the text after it starts at `start` (", " and spaces belong to neither). */
struct bound {
	size_t end, start;
	enum bound_kind kind;
};

struct fields {
	const char *t; /* the release text */
	const char *s; /* the fields: t + base, n bytes */
	size_t base, n;
	struct bound b[BOUNDS_MAX];
	size_t nb;
	int cost[BOUNDS_MAX]; /* best cost of reading topics from b[i] to the end */
	size_t next[BOUNDS_MAX];
	const struct topic_vocab *vocab;
};

/* A name particle ends at s[i]: "Mc" in "McAllen", "De" in "DeKalb". No field ends
 * with a capitalised two-letter word, so a capital after one is an inner capital. */
static bool ends_particle(const char *s, size_t i)
{
	return i >= 2 && ascii_is_lower(s[i - 1]) && ascii_is_upper(s[i - 2]) &&
	       (i == 2 || !ascii_is_upper(s[i - 3]));
}

/* A postal code after a comma ends at s[i], run into more capitals: "CA" in
 * "Los Angeles, CAICE Air Operations". */
static bool ends_code(const char *s, size_t i)
{
	return i >= 4 && ascii_is_upper(s[i]) && ascii_is_upper(s[i - 1]) &&
	       ascii_is_upper(s[i - 2]) && s[i - 3] == ' ' && s[i - 4] == ',' &&
	       place_state(s + i - 2, 2, NULL) != NULL;
}

/* Two fields run together with no separator: "MexicoTransnational", "DCUnited",
 * "States287g", "D.C.Narcotics". Other inner capitals ("LaPlace") qualify too; the
 * scoring of whole readings sorts them out. */
static bool is_join(const char *s, size_t n, size_t i)
{
	char prev = s[i - 1], c = s[i], next = i + 1 < n ? s[i + 1] : '\0';
	if (ascii_is_digit(c))
		return ascii_is_lower(prev) || ascii_is_upper(prev) || is_high(prev);
	if (!ascii_is_upper(c) || ends_particle(s, i))
		return false;
	if (ascii_is_lower(prev) || is_high(prev) || ascii_is_digit(prev))
		return true;
	return (ascii_is_upper(prev) || prev == '.' || prev == ')') && ascii_is_lower(next);
}

/* A two-letter token must be a postal code in capitals: "De" in "DeKalb" is not
 * Delaware. */
static bool is_place_token(const char *s, size_t n)
{
	if (n == 0 || n > PLACE_MAX)
		return false;
	if (n == 2 && !(ascii_is_upper(s[0]) && ascii_is_upper(s[1])))
		return false;
	return is_known_place(s, n);
}

/* A place glued to a topic that begins in lower case ends at s[i]: "United States"
 * in "United Statesfirearms", the text since the last comma (from seg) being a known
 * state or country. */
static bool ends_glued_place(const char *s, size_t seg, size_t i)
{
	return ascii_is_lower(s[i]) && s[i - 1] != ' ' && i - seg >= 2 && i - seg <= PLACE_MAX &&
	       ascii_is_upper(s[seg]) && is_place_token(s + seg, i - seg);
}

/* False when there is no room left: such a line is no header. */
static bool add_bound(struct fields *f, size_t end, size_t start, enum bound_kind kind)
{
	if (f->nb >= BOUNDS_MAX - 1)
		return false;
	f->b[f->nb++] = (struct bound){end, start, kind};
	return true;
}

/* The places where fields may meet; false when there are more than BOUNDS_MAX. */
static bool find_bounds(struct fields *f)
{
	const char *s = f->s;
	f->nb = 0;
	size_t seg = 0; /* where the text after the last comma starts */
	bool room = add_bound(f, 0, 0, BOUND_EDGE);
	for (size_t i = 1; room && i < f->n; i++) {
		if (s[i - 1] == ',' && s[i] == ' ') {
			size_t start = i;
			while (start < f->n && s[start] == ' ')
				start++;
			room = add_bound(f, i - 1, start, BOUND_COMMA);
			i = seg = start;
		} else if (s[i] == ' ' && i + 1 < f->n &&
		           (ascii_is_upper(s[i + 1]) || ascii_is_digit(s[i + 1]))) {
			room = add_bound(f, i, i + 1, BOUND_SPACE);
		} else if (is_join(s, f->n, i)) {
			room = add_bound(f, i, i, BOUND_JOIN);
		} else if (ends_code(s, i)) {
			room = add_bound(f, i, i, BOUND_CODE);
		} else if (ends_glued_place(s, seg, i)) {
			room = add_bound(f, i, i, BOUND_JOIN);
		}
	}
	f->b[f->nb++] = (struct bound){f->n, f->n, BOUND_EDGE};
	return room;
}

/* Topic names start with a capital or a digit ("287g ..."); checking that first saves
 * most lookups. A name glued to a place may have lost its capital ("United
 * Statesnarcotics"): it is known by its name's. */
static bool is_known_topic(const struct fields *f, size_t i, size_t j)
{
	const char *s = f->s + f->b[i].start;
	size_t len = f->b[j].end - f->b[i].start;
	if (len == 0 || len > TOPIC_MAX)
		return false;
	if (ascii_is_upper(s[0]) || ascii_is_digit(s[0]))
		return topic_vocab_has(f->vocab, s, len);
	if (!ascii_is_lower(s[0]))
		return false;
	char name[TOPIC_MAX];
	memcpy(name, s, len);
	name[0] = ascii_upper(s[0]);
	return topic_vocab_has(f->vocab, name, len);
}

/* Bounds that may fall inside one name ("Border Security", "COVID Response"); two
 * topics are never printed with only a space between them. */
static bool is_inner_bound(const struct bound *b)
{
	return b->kind == BOUND_SPACE || b->kind == BOUND_CODE;
}

/* The cheapest reading of b[i].. as topics, each ending at a comma, a join or the
 * end. A known name may span any bounds; an unknown one only inner ones; neither is
 * longer than TOPIC_MAX, so each bound looks at the few after it. Fills cost[] and
 * next[] from the end backwards. */
static void read_topics(struct fields *f)
{
	size_t last = f->nb - 1;
	f->cost[last] = 0;
	for (size_t i = last; i-- > 0;) {
		f->cost[i] = COST_NONE;
		bool inner_only = true;
		for (size_t j = i + 1; j <= last; j++) {
			if (f->b[j].end - f->b[i].start > TOPIC_MAX)
				break;
			bool ends_name = !is_inner_bound(&f->b[j]);
			int piece = !ends_name                ? COST_NONE
			            : is_known_topic(f, i, j) ? COST_TOPIC
			            : inner_only              ? COST_UNKNOWN_TOPIC
			                                      : COST_NONE;
			if (piece != COST_NONE && f->cost[j] != COST_NONE &&
			    piece + f->cost[j] < f->cost[i]) {
				f->cost[i] = piece + f->cost[j];
				f->next[i] = j;
			}
			inner_only = inner_only && !ends_name;
		}
	}
}

/* Spaces between capitalised words in the city, the part before the first comma:
 * "Salt Lake City" has two; a headline ending in ", TX" has many more. */
static size_t city_spaces(const struct fields *f, size_t k)
{
	size_t spaces = 0;
	for (size_t i = 1; i < k && f->b[i].kind != BOUND_COMMA; i++)
		spaces += f->b[i].kind == BOUND_SPACE;
	return spaces;
}

/* What it costs to read s[0, b[k].end) as the location: 0 when it is a known state or
 * country ("Mexico") or a short city and fields ending in one ("Miami, FL, United
 * States", "Washington, DCUnited States"), COST_UNKNOWN_PLACE when it has the shape
 * "City, Region" with nothing run into the region, COST_NONE when it cannot be a
 * location. */
static int location_cost(const struct fields *f, size_t k)
{
	size_t end = f->b[k].end;
	if (is_place_token(f->s, end))
		return 0;
	if (end > LOCATION_MAX) /* also keeps the walks below short */
		return COST_NONE;
	if (city_spaces(f, k) >= CITY_WORDS_MAX)
		return COST_NONE;
	for (size_t i = k; i-- > 1 && end - f->b[i].start <= PLACE_MAX;)
		if (f->b[i].kind != BOUND_SPACE &&
		    is_place_token(f->s + f->b[i].start, end - f->b[i].start))
			return 0;
	bool comma = false;
	for (size_t i = 1; i < k; i++) {
		if (f->b[i].kind == BOUND_COMMA)
			comma = true;
		else if (comma && f->b[i].kind == BOUND_JOIN)
			return COST_NONE;
	}
	return comma && end <= PLACE_MAX * 2 ? COST_UNKNOWN_PLACE : COST_NONE;
}

static void emit_topics(const struct fields *f, size_t i, struct parsed *out)
{
	while (i + 1 < f->nb && out->ntopics < PARSE_MAX_TOPICS) {
		size_t j = f->next[i], off = f->base + f->b[i].start;
		size_t len = f->b[j].end - f->b[i].start;
		trim(f->t, &off, &len);
		if (len > 0)
			out->topics[out->ntopics++] = to_span(off, len);
		i = j;
	}
}

/* False when the line has too many bounds to be header fields. */
static bool init_fields(struct fields *f, const char *t, struct line ln,
                        const struct topic_vocab *vocab)
{
	f->t = t;
	f->s = t + ln.off;
	f->base = ln.off;
	f->n = ln.len;
	f->vocab = vocab;
	return find_bounds(f);
}

/* Splits "Mexico City, MexicoTransnational Gangs" into location and topics: every
 * bound is tried as the end of the location and the cheapest whole reading wins.
 * False, and nothing stored, when even that costs max_cost or more. */
bool fields_split(const char *t, struct line ln, const struct topic_vocab *vocab, int max_cost,
                  struct parsed *out)
{
	struct fields f;
	if (!init_fields(&f, t, ln, vocab))
		return false;
	read_topics(&f);
	size_t last = f.nb - 1, best = 0;
	int best_cost = COST_NONE;
	for (size_t k = 0; k <= last; k++) {
		int loc = k == 0 ? 0 : location_cost(&f, k);
		int topics = k == last ? COST_NO_TOPIC : f.cost[k];
		if (loc != COST_NONE && topics != COST_NONE && loc + topics <= best_cost) {
			best_cost = loc + topics;
			best = k;
		}
	}
	if (best_cost >= max_cost)
		return false;
	if (best > 0) {
		size_t off = ln.off, len = f.b[best].end;
		trim(t, &off, &len);
		out->location = to_span(off, len);
	}
	if (best < last)
		emit_topics(&f, best, out);
	return true;
}

/* Lower-case words that names hold ("Document and Benefit Fraud", "Ciudad de México");
 * any other lower-case word marks running text, not header fields. */
static bool is_name_word(const char *s, size_t n)
{
	static const char *const words[] = {"and", "of",  "the", "de",  "del", "la",  "los", "las",
	                                    "y",   "for", "in",  "on",  "to",  "da",  "do",  "dos",
	                                    "du",  "des", "et",  "van", "von", "der", "al",  "el"};
	for (size_t i = 0; i < COUNT(words); i++)
		if (strlen(words[i]) == n && memcmp(s, words[i], n) == 0)
			return true;
	return false;
}

/* Whether the text after a date reads as run-together header fields rather than a
 * dated paragraph: short, capitalised names, no dateline dash. */
bool fields_look_like(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	if (ln.len > FIELDS_MAX || !(ascii_is_upper(s[0]) || ascii_is_digit(s[0]) || is_high(s[0])))
		return false;
	unsigned running = 0;
	for (size_t i = 0; i < ln.len; i++) {
		if (dash_at(s, ln.len, i) != 0 && (s[i] != '-' || s[i - 1] == ' '))
			return false;
		if (i > 0 && s[i - 1] == ' ' && ascii_is_lower(s[i])) {
			size_t w = i;
			while (w < ln.len && s[w] != ' ')
				w++;
			running += !is_name_word(s + i, w - i);
		}
	}
	return running <= 1;
}

/* A line of topics alone (the dhs-flag layout). known_only: accept it only when every
 * piece is a known topic name. */
bool fields_read_topic_line(const char *t, struct line ln, const struct topic_vocab *vocab,
                            bool known_only, struct parsed *out)
{
	if (!fields_look_like(t, ln))
		return false;
	struct fields f;
	if (!init_fields(&f, t, ln, vocab))
		return false;
	read_topics(&f);
	if (f.cost[0] == COST_NONE || (known_only && f.cost[0] >= COST_UNKNOWN_TOPIC))
		return false;
	emit_topics(&f, 0, out);
	return true;
}

/* Header fields on a line with no date: under an archive's date line ("Washington,
 * DC", "Narcotics") or a current header that lost its date ("Houston,
 * TXNarcotics"). Taken only when they read with known names, since a headline may
 * look the same. */
bool fields_read_line(const char *t, struct line ln, const struct topic_vocab *vocab,
                      struct parsed *out)
{
	return fields_look_like(t, ln) && fields_split(t, ln, vocab, COST_UNKNOWN_TOPIC, out);
}
