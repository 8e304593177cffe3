#include "config.h"

#include "relview/timeline.h"

#include "relview/browse.h"
#include "relview/catalog.h"
#include "relview/query.h"

#include <stdio.h>
#include <string.h>

/* ---- counting ------------------------------------------------------------------- */

void timeline_clear(struct timeline *t)
{
	memset(t, 0, sizeof *t);
	t->first = TIMELINE_MONTHS; /* past every slot: the first date counted is less */
}

void timeline_add(struct timeline *t, uint32_t date)
{
	int year = date_year(date), month = date_month(date);
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR || month < 1 || month > 12) {
		t->undated++;
		return;
	}
	size_t y = (size_t)(year - DATE_MIN_YEAR), m = y * 12 + (size_t)(month - 1);
	if (++t->month[m] > t->month_max)
		t->month_max = t->month[m];
	if (++t->year[y] > t->year_max)
		t->year_max = t->year[y];
	t->first = m < t->first ? m : t->first;
	t->last = m > t->last ? m : t->last;
	t->dated++;
}

void timeline_count(struct timeline *t, const struct catalog *cat, const uint32_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++)
		timeline_add(t, cat->releases[ids[i]].date);
}

void browse_timeline(const struct browse *b, struct timeline *t)
{
	const struct catalog *cat = b->cat;
	timeline_clear(t);
	if (!b->filter.since && !b->filter.until && !browse_busy(b)) {
		/* No dates filtered: the list is exactly what the other filters leave. */
		size_t n;
		const uint32_t *list = browse_list(b, &n);
		timeline_count(t, cat, list, n);
		return;
	}
	struct filter others = b->filter;
	others.since = others.until = 0;
	for (size_t i = 0; i < cat->count; i++) {
		const struct release *r = &cat->releases[i];
		if (filter_match(&others, r) && browse_searched(b, r))
			timeline_add(t, r->date);
	}
}

/* ---- buckets -------------------------------------------------------------------- */

/* The slot of bucket i: a month's, or a year's (its index from DATE_MIN_YEAR). */
static size_t slot_of(const struct timeline *t, enum timeline_unit unit, size_t i)
{
	return unit == TIMELINE_MONTH ? t->first + i : t->first / 12 + i;
}

size_t timeline_buckets(const struct timeline *t, enum timeline_unit unit)
{
	if (!t->dated)
		return 0;
	return unit == TIMELINE_MONTH ? t->last - t->first + 1 : t->last / 12 - t->first / 12 + 1;
}

uint32_t timeline_at(const struct timeline *t, enum timeline_unit unit, size_t i)
{
	if (i >= timeline_buckets(t, unit))
		return 0;
	return unit == TIMELINE_MONTH ? t->month[slot_of(t, unit, i)]
	                              : t->year[slot_of(t, unit, i)];
}

uint32_t timeline_max(const struct timeline *t, enum timeline_unit unit)
{
	return unit == TIMELINE_MONTH ? t->month_max : t->year_max;
}

void timeline_label(const struct timeline *t, enum timeline_unit unit, size_t i, char *out)
{
	size_t slot = slot_of(t, unit, i);
	int year = DATE_MIN_YEAR + (int)(unit == TIMELINE_MONTH ? slot / 12 : slot);
	if (unit == TIMELINE_MONTH)
		snprintf(out, TIMELINE_LABEL_MAX, "%04d-%02d", year, (int)(slot % 12 + 1));
	else
		snprintf(out, TIMELINE_LABEL_MAX, "%04d", year);
}

void timeline_period(const struct timeline *t, enum timeline_unit unit, size_t i, uint32_t *since,
                     uint32_t *until)
{
	char label[TIMELINE_LABEL_MAX];
	timeline_label(t, unit, i, label);
	/* The label is a period as --since and --until take it: its bounds are theirs. */
	if (!date_parse_bound(label, false, since) || !date_parse_bound(label, true, until))
		*since = *until = DATE_UNKNOWN;
}

size_t timeline_find(const struct timeline *t, enum timeline_unit unit, uint32_t date)
{
	size_t n = timeline_buckets(t, unit);
	int year = date_year(date), month = date_month(date);
	if (!n || year < DATE_MIN_YEAR || year > DATE_MAX_YEAR || month < 1 || month > 12)
		return 0;
	size_t y = (size_t)(year - DATE_MIN_YEAR);
	size_t slot = unit == TIMELINE_MONTH ? y * 12 + (size_t)(month - 1) : y;
	size_t first = slot_of(t, unit, 0);
	if (slot < first)
		return 0;
	return slot - first < n ? slot - first : n - 1;
}

/* ---- bars and sparklines -------------------------------------------------------- */

/* U+2581..U+2588, lower one eighth to a full block, and U+258F..U+2589, left one
 * eighth to seven eighths: three bytes each in UTF-8. */
static const char *const lower_eighths[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                             "\u2585", "\u2586", "\u2587", "\u2588"};
static const char *const left_eighths[8] = {"",       "\u258f", "\u258e", "\u258d",
                                            "\u258c", "\u258b", "\u258a", "\u2589"};
static const char full_block[] = "\u2588";
static const char ascii_levels[8] = {'.', ':', '-', '=', '+', '*', '#', '@'};

static size_t put(char *out, size_t len, const char *s)
{
	size_t n = strlen(s);
	memcpy(out + len, s, n + 1);
	return len + n;
}

size_t timeline_bar(uint32_t count, uint32_t max, size_t cells, bool utf8, char *out)
{
	out[0] = '\0';
	if (!count || !max || !cells)
		return 0;
	uint64_t units = utf8 ? 8 : 1; /* what one cell is divided into */
	uint64_t whole = cells * units;
	/* Rounded to the nearest unit, and never nothing for a count that is not 0. */
	uint64_t n = ((uint64_t)count * whole * 2 + max) / (2 * (uint64_t)max);
	n = n < 1 ? 1 : n > whole ? whole : n;
	size_t len = 0;
	for (uint64_t c = 0; c < n / units; c++)
		len = utf8 ? put(out, len, full_block) : put(out, len, "#");
	if (utf8)
		len = put(out, len, left_eighths[n % units]);
	return len;
}

/* 1 to 8 for a count that is not 0, by its share of max, rounded up. max >= count,
 * so it is not 0 either; scan-build cannot tell, and a 0 would be 1 here. */
static int spark_level(uint32_t count, uint32_t max)
{
	uint64_t level = ((uint64_t)count * 8 + max - 1) / (max ? max : 1);
	return level < 1 ? 1 : level > 8 ? 8 : (int)level;
}

size_t timeline_sparkline(const struct timeline *t, size_t months, bool utf8, char *out)
{
	size_t n = timeline_buckets(t, TIMELINE_MONTH);
	size_t from = n > months ? n - months : 0, len = 0;
	uint32_t max = 0;
	out[0] = '\0';
	/* Scaled to the months shown, so a busy year long ago flattens none of them. */
	for (size_t i = from; i < n; i++)
		max = t->month[t->first + i] > max ? t->month[t->first + i] : max;
	for (size_t i = from; i < n; i++) {
		uint32_t count = t->month[t->first + i];
		int level = count ? spark_level(count, max) : 0;
		if (!level)
			len = put(out, len, " ");
		else if (utf8)
			len = put(out, len, lower_eighths[level - 1]);
		else
			len = put(out, len, (char[]){ascii_levels[level - 1], '\0'});
	}
	return n - from;
}
