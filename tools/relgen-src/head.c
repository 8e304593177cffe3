#include "config.h"

/* head.c — pass 1 for one release: its header, everything the truth holds, and the
 * story behind it, then its entry name (see head.h). Each step draws from the
 * release's head stream in a fixed order, which is part of the output. */

#include "head.h"

#include "calendar.h"
#include "expand.h"
#include "templates.h"
#include "utf8.h"
#include "words.h"

/* The layouts that print the current site's header line. */
static bool skip_like(unsigned layout)
{
	return layout == L_SKIP || layout == L_SKIP_OFFICIAL || layout == L_SKIP_ARCHIVED ||
	       layout == L_SKIP_REPORT || layout == L_SKIP_LONG || layout == L_SKIP_COPY;
}

static void head_layout(struct rng *r, struct release *rel, const struct gen_opts *o)
{
	static const unsigned w[] = {[L_SKIP] = 72,
	                             [L_SKIP_OFFICIAL] = 10,
	                             [L_DHS_FLAG] = 6,
	                             [L_ARCHIVE] = 6,
	                             [L_BARE] = 6};
	/* With every layout: the current site still the most, each other one 2%. */
	static const unsigned w_all[NLAYOUTS] = {[L_SKIP] = 40,         [L_SKIP_OFFICIAL] = 6,
	                                         [L_DHS_FLAG] = 4,      [L_ARCHIVE] = 4,
	                                         [L_BARE] = 6,          [L_SKIP_ARCHIVED] = 2,
	                                         [L_SKIP_SHARE] = 2,    [L_SKIP_ES] = 2,
	                                         [L_SKIP_REPORT] = 2,   [L_DHS_FLAG_DATED] = 2,
	                                         [L_ARCHIVE_ABOVE] = 2, [L_FORUM] = 2,
	                                         [L_CBP] = 2,           [L_CBP_ARCHIVED] = 2,
	                                         [L_CBP_2008] = 2,      [L_DHS_HSI] = 2,
	                                         [L_PRESS_OFFICE] = 2,  [L_DOJ_OPA] = 2,
	                                         [L_USAO] = 2,          [L_FBI_USAO] = 2,
	                                         [L_DEA] = 2,           [L_DISTRIBUTED] = 2,
	                                         [L_IRS] = 2,           [L_BODY_ONLY] = 2,
	                                         [L_MAILING_LIST] = 2,  [L_PDF_COPY] = 2,
	                                         [L_IRS_TITLED] = 2,    [L_SKIP_LONG] = 2,
	                                         [L_SKIP_COPY] = 2};
	if (o->plain)
		rel->layout = L_SKIP;
	else if (o->all_layouts)
		rel->layout = (uint8_t)pick_weighted(r, w_all, NLAYOUTS);
	else
		rel->layout = (uint8_t)pick_weighted(r, w, ARRAY_LEN(w));
	rel->curly = chance(r, 70);
	rel->dash = (uint8_t)pick_weighted(r, (const unsigned[]){60, 15, 25}, 3);
}

static void head_date(struct rng *r, struct release *rel, const struct gen_opts *o)
{
	static const unsigned w[] = {
	        [D_FULL] = 70, [D_AP] = 12, [D_SHORT] = 8, [D_ISO] = 8, [D_UPPER] = 2};
	bool dated;
	int y0 = 1995, y1 = 2025;
	switch (rel->layout) {
	case L_ARCHIVE:
	case L_ARCHIVE_ABOVE:
		dated = true, y0 = 2003, y1 = 2011;
		break;
	case L_DHS_FLAG:
	case L_BARE:
	case L_SKIP_SHARE:
	case L_USAO:
	case L_BODY_ONLY:
	case L_MAILING_LIST:
		dated = false;
		break;
	case L_CBP:
	case L_CBP_ARCHIVED: /* a "Release Date" label with no date under it, at times */
		dated = chance(r, 90), y0 = 2009, y1 = 2024;
		break;
	case L_CBP_2008:
	case L_DHS_FLAG_DATED:
		dated = true, y0 = 2005, y1 = 2012;
		break;
	case L_SKIP_COPY: /* a copy's header line: the date runs into the fields */
		dated = true;
		break;
	default:
		dated = skip_like(rel->layout) ? o->plain || chance(r, 94) : true;
		if (!skip_like(rel->layout))
			y0 = 2005;
		break;
	}
	if (!dated) {
		rel->day = 0;
		return;
	}
	rel->year = (uint16_t)rnd_range(r, y0, y1);
	rel->month = (uint8_t)rnd_range(r, 1, 12);
	rel->day = (uint8_t)rnd_range(r, 1, days_in_month(rel->year, rel->month));
	if (o->plain || rel->layout == L_ARCHIVE)
		rel->datefmt = chance(r, 90) || o->plain ? D_FULL : D_AP;
	else if (skip_like(rel->layout) || rel->layout == L_DHS_FLAG)
		rel->datefmt = (uint8_t)pick_weighted(r, w, ARRAY_LEN(w));
	else
		rel->datefmt = D_FULL; /* the layout prints its own date form */
}

enum locform { LF_NONE, LF_ST_US, LF_ST, LF_STATE, LF_US, LF_DC, LF_PR, LF_FOREIGN, LF_ES };

/* How the header prints its location, if at all: the layout's share of each form. */
static enum locform location_form(struct rng *r, const struct release *rel,
                                  const struct gen_opts *o)
{
	static const unsigned w_skip[] = {
	        [LF_NONE] = 10, [LF_ST_US] = 40, [LF_ST] = 12, [LF_STATE] = 9,
	        [LF_US] = 5,    [LF_DC] = 10,    [LF_PR] = 3,  [LF_FOREIGN] = 11};
	static const unsigned w_archive[] = {
	        [LF_NONE] = 60, [LF_ST_US] = 0, [LF_ST] = 15, [LF_STATE] = 10,
	        [LF_US] = 0,    [LF_DC] = 15,   [LF_PR] = 0,  [LF_FOREIGN] = 0};
	enum locform f = LF_NONE;
	if (skip_like(rel->layout))
		f = pick_weighted(r, w_skip, ARRAY_LEN(w_skip));
	else if (rel->layout == L_ARCHIVE)
		f = pick_weighted(r, w_archive, ARRAY_LEN(w_archive));
	else if (rel->layout == L_SKIP_ES)
		f = LF_ES;
	else if (rel->layout == L_FORUM)
		f = chance(r, 70) ? LF_ST : LF_NONE;
	if (o->plain && f == LF_NONE)
		f = LF_ST_US;
	return f;
}

/* The dateline place, drawn even when the header prints no location (the dateline
 * still names one). Puerto Rico's three cities come just before the last of
 * us_cities (words.c). */
static void head_place(struct rng *r, struct release *rel, enum locform f)
{
	rel->foreign = f == LF_FOREIGN;
	if (f == LF_FOREIGN)
		rel->place = PICK_INDEX(r, foreign_cities);
	else if (f == LF_DC)
		rel->place = 0;
	else if (f == LF_PR)
		rel->place = (uint8_t)(us_cities_len - 4 + rnd(r, 3));
	else
		rel->place = (uint8_t)rnd_range(r, 1, (int)us_cities_len - 1);
}

/* The location as the header prints it, in form f, into b. */
static void print_location(struct rng *r, const struct release *rel, enum locform f, struct buf *b)
{
	if (rel->foreign) {
		buf_str(b, foreign_cities[rel->place].name);
		buf_str(b, ", ");
		buf_str(b, foreign_cities[rel->place].country);
		return;
	}
	const struct us_city *city = &us_cities[rel->place];
	const struct state *st = &states[city->state];
	if (f == LF_ES) { /* "SAN ANTONIO, TX, Estados Unidos", as ice.gov/es prints it */
		buf_upper(b, city->name);
		buf_str(b, ", "), buf_str(b, st->code), buf_str(b, ", Estados Unidos");
		return;
	}
	buf_str(b, city->name);
	buf_str(b, ", ");
	switch (f) {
	case LF_ST_US:
		buf_str(b, st->code), buf_str(b, ", United States");
		break;
	case LF_ST:
		buf_str(b, st->code);
		break;
	case LF_US:
		buf_str(b, "United States");
		break;
	case LF_DC:
		buf_str(b, chance(r, 60) ? "DC" : "DC, United States");
		break;
	default:
		buf_str(b, st->name);
		break; /* LF_STATE, LF_PR */
	}
}

/* The header location, as printed, into b; sets the dateline place. */
static enum locform head_location(struct rng *r, struct release *rel, const struct gen_opts *o,
                                  struct buf *b)
{
	enum locform f = location_form(r, rel, o);
	head_place(r, rel, f);
	if (f != LF_NONE)
		print_location(r, rel, f, b);
	return f;
}

static void head_topics(struct rng *r, struct release *rel, const struct gen_opts *o)
{
	const struct kind_text *kt = &kind_texts[rel->kind];
	static const unsigned w_count[] = {8, 70, 15, 7};
	unsigned n;
	switch (rel->layout) {
	case L_SKIP:
	case L_SKIP_OFFICIAL:
	case L_SKIP_ARCHIVED:
	case L_SKIP_REPORT:
	case L_SKIP_COPY:
		n = pick_weighted(r, w_count, 4);
		break;
	case L_DHS_FLAG:
		n = chance(r, 85) ? 1 : 2;
		break;
	case L_SKIP_LONG: /* most of the names: a line of some 300 to 500 bytes */
		n = (unsigned)rnd_range(r, 13, TOPICS_MAX);
		break;
	case L_SKIP_SHARE: /* at times a second topic line */
		n = chance(r, 30) ? 2 : 1;
		break;
	case L_SKIP_ES:
	case L_DHS_FLAG_DATED:
	case L_MAILING_LIST:
		n = 1;
		break;
	default:
		n = 0;
		break;
	}
	if ((o->plain || rel->layout == L_SKIP_COPY) && n == 0)
		n = 1; /* a copy's masthead runs into a line of fields, not a date alone */
	rel->ntopics = 0;
	if (rel->layout == L_SKIP_ES && n) /* the one topic the Spanish pages print */
		rel->topic[rel->ntopics++] = 0;
	while (rel->ntopics < n) {
		uint8_t t = rel->ntopics == 0 && chance(r, 80)
		                    ? kt->topics[rnd(r, (uint32_t)kt->ntopics)]
		                    : PICK_INDEX(r, topic_names);
		bool seen = false;
		for (unsigned i = 0; i < rel->ntopics; i++)
			seen |= rel->topic[i] == t;
		if (!seen)
			rel->topic[rel->ntopics++] = t;
	}
	rel->topics_comma = rel->layout == L_DHS_FLAG || chance(r, 40);
	rel->ampersand = rel->layout >= L_SKIP_ARCHIVED && chance(r, 30);
}

/* The story: who and what the title and body are about. */
static void head_story(struct rng *r, struct release *rel, struct buf *pool, struct buf *tmp)
{
	rel->kind = (uint8_t)pick_weighted(r, kind_weights, NKINDS);
	rel->arm = rel->kind == K_REMOVAL ? chance(r, 90) : chance(r, 10);
	rel->nat = PICK_INDEX(r, nations);
	rel->crime = PICK_INDEX(r, crimes);
	rel->issue = PICK_INDEX(r, issues);
	rel->charge = PICK_INDEX(r, charges);
	rel->drug = PICK_INDEX(r, drugs);
	rel->goods = PICK_INDEX(r, goods);
	rel->artifact = PICK_INDEX(r, artifacts);
	rel->op1 = PICK_INDEX(r, op_first);
	rel->op2 = PICK_INDEX(r, op_second);
	static const uint32_t lo[NKINDS] = {2, 2, 2, 3, 20, 2, 12};
	static const uint32_t hi[NKINDS] = {12, 19, 14, 250, 9000, 1200, 400};
	rel->count = lo[rel->kind] + rnd(r, hi[rel->kind] - lo[rel->kind] + 1);

	tmp->len = 0;
	gen_given_name(r, tmp);
	buf_chr(tmp, ' ');
	size_t family = tmp->len;
	gen_family_name(r, tmp);
	rel->subject = pool_put(pool, tmp->p, tmp->len);
	rel->subject_family = rel->subject + family;
}

/* The office city: the dateline city when it is in the US, else any. */
static void head_office(struct rng *r, struct release *rel)
{
	rel->office = rel->foreign ? (uint8_t)rnd(r, (uint32_t)us_cities_len) : rel->place;
}

static void title_case(struct buf *b, const char *s)
{
	static const char *const small[] = {"a",  "an", "and", "at", "by",  "for", "from",
	                                    "in", "of", "on",  "or", "the", "to",  "with"};
	bool first = true;
	while (*s) {
		size_t n = strcspn(s, " ");
		bool is_small = false;
		for (size_t i = 0; i < ARRAY_LEN(small); i++)
			is_small |= strlen(small[i]) == n && strncmp(small[i], s, n) == 0;
		if ((first || !is_small) && *s >= 'a' && *s <= 'z') {
			buf_chr(b, (char)(*s - 32));
			buf_add(b, s + 1, n - 1);
		} else {
			buf_add(b, s, n);
		}
		s += n;
		while (*s == ' ')
			buf_chr(b, *s++);
		first = false;
	}
}

/* How often a layout prints a sub-headline, in percent; 0: never. */
static unsigned subtitle_share(unsigned layout)
{
	switch (layout) {
	case L_ARCHIVE:
	case L_ARCHIVE_ABOVE:
	case L_FBI_USAO:
	case L_MAILING_LIST:
		return 60;
	case L_DHS_FLAG:
	case L_DHS_FLAG_DATED:
	case L_SKIP_SHARE:
		return 30;
	case L_SKIP:
	case L_SKIP_OFFICIAL:
	case L_SKIP_ARCHIVED:
	case L_SKIP_REPORT:
	case L_SKIP_ES:
	case L_SKIP_LONG:
	case L_SKIP_COPY:
		return 55;
	default:
		return 0;
	}
}

/* Title and sub-headline, into the pool. */
static void head_titles(struct rng *r, struct release *rel, struct buf *pool, struct buf *tmp)
{
	const struct kind_text *kt = &kind_texts[rel->kind];
	struct expand_ctx c = {r, rel, pool->p, tmp, 0};

	tmp->len = 0;
	if (rel->layout < L_SKIP_ARCHIVED && rel->layout != L_ARCHIVE && rel->layout != L_BARE &&
	    chance(r, 3))
		buf_str(tmp, chance(r, 50) ? "Top Story: " : "TOP STORY: ");
	size_t headline = tmp->len;
	expand(&c, kt->titles[rnd(r, (uint32_t)kt->ntitles)]);
	rel->title = pool_put(pool, tmp->p, tmp->len);

	unsigned share = subtitle_share(rel->layout);
	rel->subtitle = NONE;
	if (rel->layout == L_BARE || share == 0 || !chance(r, share))
		return;
	struct buf sub = {0};
	c.pool = pool->p; /* pool_put may have moved it */
	if (chance(r, 12)) {
		title_case(&sub, pool->p + rel->title + headline);
	} else {
		c.out = &sub;
		expand(&c, PICK_FROM(r, subtitles));
	}
	rel->subtitle = pool_put(pool, sub.p, sub.len);
	buf_free(&sub);
}

/* ---- entry names ------------------------------------------------------------ */

/* A file-name slug of s: lower-case ASCII words joined by '-', at most max bytes. */
static void slugify(struct buf *b, const char *s, size_t max)
{
	size_t start = b->len, n = strlen(s), i = 0;
	bool dash = false;
	while (i < n && b->len - start < max) {
		uint32_t cp = utf8_next(s, n, &i);
		char c = cp < 0x80 ? (char)cp : latin1_base(cp);
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (cp == '\'' || cp == 0x2019)
			continue;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b->len > start)
				buf_chr(b, '-');
			buf_chr(b, c);
			dash = false;
		} else {
			dash = true;
		}
	}
	if (i < n) { /* cut short: end at a word boundary */
		size_t cut = b->len;
		while (cut > start + max / 2 && b->p[cut - 1] != '-')
			cut--;
		if (b->p[cut - 1] == '-')
			b->len = cut - 1;
	}
	if (b->len == start)
		buf_str(b, "release");
}

static void entry_dated_dir(struct rng *r, const struct release *rel, struct buf *b)
{
	switch (pick_weighted(r, (const unsigned[]){60, 15, 10, 10, 5}, 5)) {
	case 0:
		buf_str(b, "releases/");
		buf_pad(b, rel->year, 4), buf_chr(b, '/');
		buf_pad(b, rel->month, 2), buf_chr(b, '/');
		break;
	case 1:
		buf_str(b, "releases/"), buf_pad(b, rel->year, 4), buf_chr(b, '/');
		break;
	case 2:
		buf_str(b, "news/releases/");
		buf_pad(b, rel->year, 4), buf_chr(b, '/');
		buf_pad(b, rel->month, 2), buf_chr(b, '/');
		buf_pad(b, rel->day, 2), buf_chr(b, '/');
		break;
	case 3:
		buf_str(b, "archive/"), buf_pad(b, rel->year, 4), buf_chr(b, '/');
		break;
	default:
		break;
	}
	buf_pad(b, rel->year, 4), buf_chr(b, '-');
	buf_pad(b, rel->month, 2), buf_chr(b, '-');
	buf_pad(b, rel->day, 2), buf_chr(b, '-');
}

/* The entry name (not yet made unique) into b. */
static void head_entry_name(struct rng *r, const struct release *rel, const char *pool,
                            struct buf *b)
{
	static const char *const undated[] = {"releases/undated/", "misc/", "dhs/", "",
	                                      "releases/older/"};
	b->len = 0;
	if (rel->day)
		entry_dated_dir(r, rel, b);
	else
		buf_str(b, PICK(r, undated));
	if (rel->location != NONE && chance(r, 40)) {
		slugify(b,
		        rel->foreign ? foreign_cities[rel->place].name : us_cities[rel->place].name,
		        40);
		buf_chr(b, '-');
	}
	slugify(b, pool + rel->title, 64);
}

/* ---- what the page prints ---------------------------------------------------- */

void topic_spelling(const struct release *rel, unsigned i, struct buf *out)
{
	if (rel->layout == L_SKIP_ES && rel->topic[i] == 0) {
		buf_str(out, "Detenci\u00f3n y Deportaci\u00f3n"); /* Enforcement and Removal */
		return;
	}
	const char *name = topic_names[rel->topic[i]];
	if (i == 0 && rel->topic_lower && *name >= 'A' && *name <= 'Z')
		buf_chr(out, (char)(*name++ + 32));
	while (*name) {
		if (rel->ampersand && strncmp(name, " and ", 5) == 0) {
			buf_str(out, " & ");
			name += 5;
		} else {
			buf_chr(out, *name++);
		}
	}
}

bool layout_has_title(unsigned layout)
{
	return layout != L_IRS && layout != L_BODY_ONLY;
}

/* ---- the whole header ------------------------------------------------------- */

void head_generate(struct rng *r, struct release *rel, const struct gen_opts *o, struct buf *pool,
                   struct buf *name)
{
	head_layout(r, rel, o);
	head_date(r, rel, o);
	name->len = 0;
	enum locform f = head_location(r, rel, o, name);
	rel->location = f == LF_NONE ? NONE : pool_put(pool, name->p, name->len);
	head_story(r, rel, pool, name);
	head_office(r, rel);
	head_topics(r, rel, o);
	rel->topic_lower = o->all_layouts && skip_like(rel->layout) && f != LF_NONE &&
	                   rel->ntopics > 0 && chance(r, 10);
	head_titles(r, rel, pool, name);
	head_entry_name(r, rel, pool->p, name);
	buf_str(name, ".txt");
}
