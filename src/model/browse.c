#include "config.h"

#include "relview/browse.h"

#include "relview/date.h"
#include "relview/edit.h"
#include "relview/facetname.h"
#include "relview/helper.h"
#include "relview/place.h"
#include "relview/state.h"
#include "relview/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- columns -------------------------------------------------------------------- */

static size_t clamp(size_t v, size_t lo, size_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

void columns_fit(size_t width, struct columns *c)
{
	*c = (struct columns){0};
	/* Below 30 cells only the title is worth its room; the date comes next, then the
	 * location, then the topics, as the width allows. */
	if (width >= 30)
		c->date = COLUMN_DATE_WIDTH;
	if (width >= 100) {
		c->location = clamp(width / 6, 16, 28);
		c->topics = clamp(width / 5, 16, 32);
	} else if (width >= 64) {
		c->location = clamp(width / 5, 12, 20);
	}
	size_t used = 0;
	used += c->date ? c->date + 1 : 0;
	used += c->location ? c->location + 1 : 0;
	used += c->topics ? c->topics + 1 : 0;
	c->title = width > used ? width - used : 0;
}

/* ---- browse --------------------------------------------------------------------- */

static void rebuild_base(struct browse *b)
{
	b->nbase = filter_view(&b->filter, b->order, b->base);
	b->relocations = b->cat->relocations;
	b->version++;
}

/* Start the search over from the whole filtered list. */
static void restart_search(struct browse *b)
{
	struct search_job *j = &b->job;
	if (!j->active)
		return;
	memcpy(j->cand, b->base, b->nbase * sizeof *j->cand);
	j->ncand = b->nbase;
	j->pos = j->nout = 0;
}

/* Room in every list for the whole catalog. */
static bool browse_reserve(struct browse *b)
{
	uint32_t **const lists[] = {&b->base, &b->job.cand, &b->job.out, &b->job.spare};
	return catalog_grow_ids(lists, sizeof lists / sizeof *lists, &b->cap,
	                        b->cat->count ? b->cat->count : 1);
}

bool browse_init(struct browse *b, const struct catalog *cat, const struct order *order,
                 const struct query *q)
{
	*b = (struct browse){.cat = cat, .order = order};
	struct query facets = *q;
	facets.search = NULL;
	if (!filter_init(&b->filter, cat, &facets))
		return false;
	if (!browse_reserve(b)) {
		browse_free(b);
		return false;
	}
	rebuild_base(b);
	const char *search = q->search ? q->search : "";
	return browse_set_search(b, search, strlen(search));
}

void browse_free(struct browse *b)
{
	expr_free(&b->job.expr);
	filter_free(&b->filter);
	free(b->base);
	free(b->job.cand);
	free(b->job.out);
	free(b->job.spare);
	helper_free(b->helper);
	*b = (struct browse){0};
}

/* New candidates (in display order) for a search: those before the scan's frontier
 * are tested now, the others wait their turn among the candidates. */
static void search_add(struct browse *b, uint32_t *fresh, size_t k)
{
	struct search_job *j = &b->job;
	size_t before =
	        j->pos < j->ncand ? order_lower_bound(b->order, fresh, k, j->cand[j->pos]) : k;
	order_merge_ids(b->order, j->cand, j->ncand, fresh, k);
	j->ncand += k;
	j->pos += before;
	size_t matched = 0;
	for (size_t i = 0; i < before; i++)
		if (browse_searched(b, &b->cat->releases[fresh[i]]))
			fresh[matched++] = fresh[i];
	order_merge_ids(b->order, j->out, j->nout, fresh, matched);
	j->nout += matched;
}

bool browse_add(struct browse *b, const uint32_t *ids, size_t k, const uint8_t *marks)
{
	b->filter.marks = marks;
	if (!filter_grow(&b->filter) || !expr_bind(&b->job.expr, b->cat) || !browse_reserve(b))
		return false;
	/* spare is scratch outside browse_set_search */
	uint32_t *fresh = b->job.spare;
	size_t passing = 0;
	for (size_t i = 0; i < k; i++)
		if (filter_match(&b->filter, &b->cat->releases[ids[i]]))
			fresh[passing++] = ids[i];
	order_merge_ids(b->order, b->base, b->nbase, fresh, passing);
	b->nbase += passing;
	b->version += k > 0;
	if (b->job.active)
		search_add(b, fresh, passing);
	if (b->relocations != b->cat->relocations && (b->filter.location_ok || b->job.active)) {
		rebuild_base(b); /* releases already listed (or not) moved place */
		restart_search(b);
	}
	return true;
}

bool browse_reorder(struct browse *b, const uint8_t *marks)
{
	b->filter.marks = marks;
	if (!filter_grow(&b->filter) || !expr_bind(&b->job.expr, b->cat) || !browse_reserve(b))
		return false;
	rebuild_base(b);
	restart_search(b);
	return true;
}

const uint32_t *browse_list(const struct browse *b, size_t *n)
{
	*n = b->job.active ? b->job.nout : b->nbase;
	return b->job.active ? b->job.out : b->base;
}

bool browse_busy(const struct browse *b)
{
	return b->job.active && b->job.pos < b->job.ncand;
}

/* Candidates to test for the search's text, and where their matches go. */
struct test_batch {
	const struct browse *b;
	const uint32_t *cand;
	size_t n;
	uint32_t *out; /* room for n */
	size_t nout;
};

/* Tests a batch, in order. Each text lies elsewhere in the arena, and its first
 * bytes are asked for a few candidates ahead: the scan waits on memory more than it
 * computes (the median keystroke of bench/searchbench went from 17-22 to 10-14 ms). */
static void test_batch(void *arg)
{
	struct test_batch *t = arg;
	const struct release *releases = t->b->cat->releases;
	t->nout = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (i + 8 < t->n)
			__builtin_prefetch(&releases[t->cand[i + 8]]);
		if (i + 4 < t->n) {
			struct str text = releases[t->cand[i + 4]].text;
			for (size_t at = 0; at < text.len && at < 256; at += 64)
				__builtin_prefetch(text.s + at);
		}
		if (browse_searched(t->b, &releases[t->cand[i]]))
			t->out[t->nout++] = t->cand[i];
	}
}

/* A step this long is split with the helper thread; shorter, the handing over
 * would cost more than it saves. */
#define SPLIT_MIN 64

static struct helper *helper_for(struct browse *b)
{
	if (!b->helper_tried) {
		b->helper = helper_new();
		b->helper_tried = true;
	}
	return b->helper;
}

bool browse_step(struct browse *b, size_t budget)
{
	struct search_job *j = &b->job;
	if (!browse_busy(b))
		return true;
	size_t n = j->ncand - j->pos < budget ? j->ncand - j->pos : budget;
	struct test_batch mine = {b, j->cand + j->pos, n, j->out + j->nout, 0};
	struct helper *h = n >= SPLIT_MIN ? helper_for(b) : NULL;
	if (!h) {
		test_batch(&mine);
	} else {
		/* The helper takes the second half and writes its matches past the most
		 * the first half can yield; they move down next to the first half's. */
		mine.n = n / 2;
		struct test_batch theirs = {b, mine.cand + mine.n, n - mine.n, mine.out + mine.n,
		                            0};
		helper_start(h, test_batch, &theirs);
		test_batch(&mine);
		helper_wait(h);
		memmove(mine.out + mine.nout, theirs.out, theirs.nout * sizeof *theirs.out);
		mine.nout += theirs.nout;
	}
	j->pos += n;
	j->nout += mine.nout;
	return !browse_busy(b);
}

bool browse_searched(const struct browse *b, const struct release *r)
{
	return !b->job.active || expr_match(&b->job.expr, b->cat, r, b->filter.marks);
}

bool browse_set_search(struct browse *b, const char *text, size_t len)
{
	struct search_job *j = &b->job;
	if (len >= BROWSE_SEARCH_MAX)
		len = BROWSE_SEARCH_MAX - 1;
	struct expr next;
	if (!expr_parse(&next, text, len, j->error, sizeof j->error))
		return strcmp(j->error, "out of memory") != 0;
	if (!expr_bind(&next, b->cat)) {
		expr_free(&next);
		return false;
	}
	/* Whatever the new query matches, the old one matched: the old result and the
	 * candidates it had not reached yet are enough to test. */
	bool narrows = j->active && expr_narrows(&next, &j->expr);
	b->version++;
	expr_free(&j->expr);
	j->expr = next;
	j->active = !expr_is_empty(&next);
	memcpy(j->text, text, len);
	j->text[len] = '\0';
	j->len = len;
	if (!j->active)
		return true;
	if (!narrows) {
		restart_search(b);
		return true;
	}
	size_t left = j->ncand - j->pos;
	memcpy(j->spare, j->out, j->nout * sizeof *j->out);
	memcpy(j->spare + j->nout, j->cand + j->pos, left * sizeof *j->cand);
	uint32_t *old = j->cand;
	j->cand = j->spare;
	j->spare = old;
	j->ncand = j->nout + left;
	j->pos = j->nout = 0;
	return true;
}

static bool **facet_slot(struct filter *f, enum facet_kind kind)
{
	return kind == FACET_TOPIC      ? &f->topic_ok
	       : kind == FACET_LOCATION ? &f->location_ok
	                                : &f->input_ok;
}

static size_t *decided_slot(struct filter *f, enum facet_kind kind)
{
	return kind == FACET_TOPIC      ? &f->ntopic_ok
	       : kind == FACET_LOCATION ? &f->nlocation_ok
	                                : &f->ninput_ok;
}

bool browse_set_facets(struct browse *b, enum facet_kind kind, const bool *chosen, size_t n)
{
	size_t count = facet_count(b->cat, kind);
	bool any = false;
	for (size_t i = 0; chosen && i < n && i < count && !any; i++)
		any = chosen[i];
	struct filter *f = &b->filter;
	bool **slot = facet_slot(f, kind);
	bool *copy = NULL;
	if (any) {
		if (!(copy = calloc(count, sizeof *copy)))
			return false;
		memcpy(copy, chosen, (n < count ? n : count) * sizeof *copy);
	}
	free(*slot);
	*slot = copy;
	*decided_slot(f, kind) = count;
	/* Chosen facet by facet: the values that chose them no longer decide. */
	if (kind == FACET_TOPIC)
		f->ntopic_values = 0;
	else if (kind == FACET_LOCATION)
		f->nlocation_values = 0;
	rebuild_base(b);
	restart_search(b);
	return true;
}

const bool *browse_facets(const struct browse *b, enum facet_kind kind)
{
	const struct filter *f = &b->filter;
	return kind == FACET_TOPIC      ? f->topic_ok
	       : kind == FACET_LOCATION ? f->location_ok
	                                : f->input_ok;
}

void browse_set_dates(struct browse *b, uint32_t since, uint32_t until)
{
	b->filter.since = since;
	b->filter.until = until;
	rebuild_base(b);
	restart_search(b);
}

void browse_set_marks(struct browse *b, const uint8_t *marks)
{
	b->filter.marks = marks;
	rebuild_base(b);
	restart_search(b);
}

void browse_only(struct browse *b, bool unread, bool starred)
{
	b->filter.unread = unread;
	b->filter.starred = starred;
	rebuild_base(b);
	restart_search(b);
}

size_t browse_next_unread(const struct browse *b, size_t from)
{
	size_t n;
	const uint32_t *list = browse_list(b, &n);
	for (size_t step = 1; step <= n; step++) {
		size_t i = (from + step) % n;
		if (!b->filter.marks || !(b->filter.marks[list[i]] & STATE_READ))
			return i;
	}
	return n;
}

bool browse_clear(struct browse *b)
{
	b->filter.since = b->filter.until = 0;
	b->filter.unread = b->filter.starred = false;
	return browse_set_facets(b, FACET_TOPIC, NULL, 0) &&
	       browse_set_facets(b, FACET_LOCATION, NULL, 0) &&
	       browse_set_facets(b, FACET_SOURCE, NULL, 0) && browse_set_search(b, "", 0);
}

bool browse_filtered(const struct browse *b)
{
	const struct filter *f = &b->filter;
	return f->topic_ok || f->location_ok || f->input_ok || f->since || f->until || f->unread ||
	       f->starred || b->job.active;
}

static void count_release(const struct catalog *cat, const struct release *r, enum facet_kind kind,
                          uint32_t *counts)
{
	if (kind == FACET_SOURCE) {
		counts[r->input]++;
		return;
	}
	if (kind == FACET_LOCATION) {
		if (r->location_id != FACET_NONE)
			counts[r->location_id]++;
		return;
	}
	for (size_t t = 0; t < r->ntopics; t++)
		counts[cat->topic_refs[r->topic_first + t]]++;
}

void browse_facet_counts(const struct browse *b, enum facet_kind kind, uint32_t *counts)
{
	const struct catalog *cat = b->cat;
	memset(counts, 0, facet_count(cat, kind) * sizeof *counts);
	size_t n;
	const uint32_t *list = browse_list(b, &n);
	if (!browse_facets(b, kind) && !browse_busy(b)) {
		/* That kind is not filtered: the list is exactly what the others leave. */
		for (size_t i = 0; i < n; i++)
			count_release(cat, &cat->releases[list[i]], kind, counts);
		return;
	}
	struct filter others = b->filter;
	*facet_slot(&others, kind) = NULL;
	for (size_t pos = 0; pos < b->order->count; pos++) { /* what the order covers */
		const struct release *r = order_at(b->order, cat, pos);
		if (filter_match(&others, r) && browse_searched(b, r))
			count_release(cat, r, kind, counts);
	}
}

size_t browse_locate(const struct browse *b, uint32_t id)
{
	size_t n;
	const uint32_t *list = browse_list(b, &n);
	size_t at = order_lower_bound(b->order, list, n, id);
	return at < n ? at : n ? n - 1 : 0;
}

/* The state a place is in ("TX" of "Dallas, TX" and of "Texas"), or else what
 * follows its last ", " (the country); the whole name without. */
static struct str region_of(struct str place)
{
	const char *code = place_state_of(place.s, place.len, NULL);
	if (code)
		return (struct str){code, strlen(code)};
	size_t at = place_last_comma(place.s, place.len);
	if (place.len - at < 3)
		return place;
	return (struct str){place.s + at + 2, place.len - at - 2};
}

/* Several places chosen in one state or country ("--location texas") are said as
 * that: "place: 9 in TX", not one city of them "+8". False when they are not. */
static bool describe_region(char *buf, size_t size, const bool *chosen, size_t first, size_t more,
                            const struct catalog *cat)
{
	struct str region = region_of(facet_name(cat, FACET_LOCATION, first));
	for (size_t i = first + 1; i < facet_count(cat, FACET_LOCATION); i++) {
		struct str its = region_of(facet_name(cat, FACET_LOCATION, i));
		if (chosen[i] && (its.len != region.len || memcmp(its.s, region.s, its.len) != 0))
			return false;
	}
	size_t len = strlen(buf);
	snprintf(buf + len, size - len, "%splace: %zu in %.*s", len ? "  " : "", more + 1,
	         (int)region.len, region.s);
	return true;
}

/* "Narcotics +2": the first chosen facet's name and how many more there are. */
static void describe_facets(char *buf, size_t size, const char *label, const bool *chosen,
                            const struct catalog *cat, enum facet_kind kind)
{
	size_t count = facet_count(cat, kind), first = count, more = 0;
	for (size_t i = 0; i < count; i++)
		if (chosen[i] && first == count)
			first = i;
		else if (chosen[i])
			more++;
	if (first == count)
		return;
	if (kind == FACET_LOCATION && more && describe_region(buf, size, chosen, first, more, cat))
		return;
	size_t len = strlen(buf);
	struct str name = facet_name(cat, kind, first);
	int n = snprintf(buf + len, size - len, "%s%s: %.*s", len ? "  " : "", label, (int)name.len,
	                 name.s);
	len += n > 0 ? (size_t)n : 0;
	if (more && len < size)
		snprintf(buf + len, size - len, " +%zu", more);
}

void browse_describe(const struct browse *b, char *buf, size_t size)
{
	const struct filter *f = &b->filter;
	buf[0] = '\0';
	if (f->topic_ok)
		describe_facets(buf, size, "topic", f->topic_ok, b->cat, FACET_TOPIC);
	if (f->location_ok)
		describe_facets(buf, size, "place", f->location_ok, b->cat, FACET_LOCATION);
	if (f->input_ok)
		describe_facets(buf, size, "source", f->input_ok, b->cat, FACET_SOURCE);
	size_t len = strlen(buf);
	if ((f->since || f->until) && len < size) {
		char from[11], to[11];
		date_format_iso(f->since, from);
		date_format_iso(f->until, to);
		len += (size_t)snprintf(buf + len, size - len, "%sdates: %s..%s", len ? "  " : "",
		                        from, to);
	}
	if (f->unread && len < size)
		len += (size_t)snprintf(buf + len, size - len, "%sunread", len ? "  " : "");
	if (f->starred && len < size)
		len += (size_t)snprintf(buf + len, size - len, "%sstarred", len ? "  " : "");
	if (b->job.active && len + 3 < size) {
		/* The search as relview read it: what each part of the query does. */
		len += (size_t)snprintf(buf + len, size - len, "%s/", len ? "  " : "");
		expr_describe(&b->job.expr, buf + len, size - len);
	}
}

/* ---- jump ----------------------------------------------------------------------- */

static bool all_digits(const char *s)
{
	return *s && strspn(s, "0123456789") == strlen(s);
}

/* A bare number from DATE_MIN_YEAR to DATE_MAX_YEAR is a year: people type
 * ":2014" for 2014, and a row of that number is ":row 2014". */
static bool is_year(const char *s)
{
	if (strlen(s) != 4 || !all_digits(s))
		return false;
	int year = atoi(s);
	return year >= DATE_MIN_YEAR && year <= DATE_MAX_YEAR;
}

bool view_parse_jump(const char *line, struct jump *j)
{
	*j = (struct jump){0};
	char text[EDIT_MAX];
	size_t len = strlen(line);
	while (*line == ' ')
		line++, len--;
	while (len && line[len - 1] == ' ')
		len--;
	if (len >= sizeof text)
		return false;
	memcpy(text, line, len);
	text[len] = '\0';
	static const struct {
		const char *word;
		enum jump_kind kind;
	} words[] = {{"topic ", JUMP_TOPIC}, {"location ", JUMP_LOCATION}, {"row ", JUMP_ROW}};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
		size_t n = strlen(words[i].word);
		if (strncmp(text, words[i].word, n) == 0 && text[n + strspn(text + n, " ")]) {
			j->kind = words[i].kind;
			/* A name points into the line given (the copy is this call's). */
			j->name = line + n + strspn(text + n, " ");
			break;
		}
	}
	if (strcmp(text, "q") == 0 || strcmp(text, "quit") == 0) {
		j->kind = JUMP_QUIT;
		return true;
	}
	if (j->kind == JUMP_TOPIC || j->kind == JUMP_LOCATION)
		return true;
	if (j->kind == JUMP_ROW || (all_digits(text) && !is_year(text))) {
		const char *row = j->kind == JUMP_ROW ? text + (j->name - line) : text;
		j->kind = JUMP_ROW;
		j->name = NULL;
		return all_digits(row) && strlen(row) < 19 &&
		       (j->row = (size_t)strtoull(row, NULL, 10)) > 0;
	}
	j->kind = JUMP_DATE;
	return date_parse_bound(text, false, &j->since) && date_parse_bound(text, true, &j->until);
}

size_t browse_find_date(const struct browse *b, uint32_t since, uint32_t until, bool oldest_first)
{
	size_t n, nearest = 0;
	const uint32_t *list = browse_list(b, &n);
	for (size_t i = 0; i < n; i++) {
		uint32_t date = b->cat->releases[list[i]].date;
		if (!date)
			break; /* undated releases come last */
		if (oldest_first ? date >= since : date <= until)
			return i;
		nearest = i;
	}
	return nearest;
}

size_t browse_choose_matching(struct browse *b, enum facet_kind kind, const char *value, bool *ok)
{
	const struct facet_set *set = kind == FACET_TOPIC ? &b->cat->topics : &b->cat->locations;
	bool *chosen = calloc(set->count ? set->count : 1, sizeof *chosen);
	size_t matched = 0;
	*ok = chosen != NULL;
	for (size_t i = 0; chosen && i < set->count; i++) {
		struct str name = set->items[i].name;
		chosen[i] = kind == FACET_TOPIC
		                    ? facetname_topic_matches(name.s, name.len, value)
		                    : facetname_location_matches(name.s, name.len, value);
		matched += chosen[i];
	}
	if (matched)
		*ok = browse_set_facets(b, kind, chosen, set->count);
	free(chosen);
	return matched;
}

static uint32_t month_at(const struct browse *b, const uint32_t *list, size_t i)
{
	return b->cat->releases[list[i]].date / 100;
}

bool browse_month_starts(const struct browse *b, size_t i)
{
	size_t n;
	const uint32_t *list = browse_list(b, &n);
	return i > 0 && i < n && month_at(b, list, i) != month_at(b, list, i - 1);
}

size_t browse_months(const struct browse *b)
{
	size_t n, months = 0;
	const uint32_t *list = browse_list(b, &n);
	for (size_t i = 0; i < n; i++)
		months += i == 0 || month_at(b, list, i) != month_at(b, list, i - 1);
	return months;
}

size_t browse_month_step(const struct browse *b, size_t from, bool forward)
{
	size_t n;
	browse_list(b, &n);
	if (from >= n)
		return from;
	size_t i = from;
	if (forward) {
		while (++i < n && !browse_month_starts(b, i))
			;
		return i < n ? i : from;
	}
	while (i > 0 && !browse_month_starts(b, i)) /* the start of this month */
		i--;
	if (i == 0)
		return from;
	for (i--; i > 0 && !browse_month_starts(b, i);) /* of the one before */
		i--;
	return i;
}

size_t list_row_of(const struct browse *b, size_t top, size_t i, bool months)
{
	size_t row = i - top;
	for (size_t k = top + 1; months && k <= i; k++)
		row += browse_month_starts(b, k);
	return row;
}

size_t list_item_at(const struct browse *b, size_t top, size_t row, bool months)
{
	size_t n;
	browse_list(b, &n);
	for (size_t i = top, at = 0; i < n && at <= row; i++, at++) {
		if (months && i > top && browse_month_starts(b, i) && at++ == row)
			return LIST_NO_ITEM; /* the separator above item i */
		if (at == row)
			return i;
	}
	return LIST_NO_ITEM;
}

size_t list_top_for(const struct browse *b, size_t top, size_t sel, size_t rows, bool months)
{
	while (top < sel && list_row_of(b, top, sel, months) >= rows)
		top++;
	return top;
}
