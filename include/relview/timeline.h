/* timeline — how many releases a month and a year: the counts behind the reader's
 * timeline (a bar a month or a year; choosing one sets the date filter) and the
 * status line's sparkline, and the text of their bars. No curses here: the terminal
 * side only draws what these return.
 *
 * Dates run from DATE_MIN_YEAR to DATE_MAX_YEAR, so every month has a fixed slot and
 * counting is one pass with no allocation; the buckets a timeline shows are the
 * months (or years) from its first dated release's to its last's, empty ones
 * included. */
#ifndef RELVIEW_TIMELINE_H
#define RELVIEW_TIMELINE_H

#include "relview/date.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct browse;
struct catalog;

#define TIMELINE_YEARS  (DATE_MAX_YEAR - DATE_MIN_YEAR + 1)
#define TIMELINE_MONTHS (TIMELINE_YEARS * 12)

enum timeline_unit { TIMELINE_MONTH, TIMELINE_YEAR };

struct timeline {
	uint32_t month[TIMELINE_MONTHS]; /* from January of DATE_MIN_YEAR */
	uint32_t year[TIMELINE_YEARS];
	uint32_t month_max, year_max; /* the largest count of each */
	size_t first, last;           /* the first and last dated month (when dated) */
	size_t dated, undated;        /* releases with a date, without one */
};

void timeline_clear(struct timeline *t);
/* Count one release's date (DATE_UNKNOWN, or a date out of range, is undated). */
void timeline_add(struct timeline *t, uint32_t date);
/* Count these releases (ids into cat->releases), over what was counted. */
void timeline_count(struct timeline *t, const struct catalog *cat, const uint32_t *ids, size_t n);

/* The releases the browse leaves, counted afresh — but with its date filter left
 * out, so that the timeline shows every period the other filters and the search
 * leave and another one can be chosen. One pass over the list, or over the catalog
 * when dates are filtered or the search is still running. */
void browse_timeline(const struct browse *b, struct timeline *t);

/* How many buckets of a unit the timeline spans (0 when nothing is dated), the
 * count of bucket i (0 is the earliest) and the largest count. */
size_t timeline_buckets(const struct timeline *t, enum timeline_unit unit);
uint32_t timeline_at(const struct timeline *t, enum timeline_unit unit, size_t i);
uint32_t timeline_max(const struct timeline *t, enum timeline_unit unit);

/* Bucket i's name, "2014-03" or "2014" (TIMELINE_LABEL_MAX bytes), and its first
 * and last day as yyyymmdd: the date filter that chooses it. */
#define TIMELINE_LABEL_MAX 16
void timeline_label(const struct timeline *t, enum timeline_unit unit, size_t i, char *out);
void timeline_period(const struct timeline *t, enum timeline_unit unit, size_t i, uint32_t *since,
                     uint32_t *until);
/* The bucket holding a date, or the nearest end for a date outside the span (0 for
 * an unknown date). */
size_t timeline_find(const struct timeline *t, enum timeline_unit unit, uint32_t date);

/* A horizontal bar for count out of max in at most `cells` cells: full blocks and
 * the eighth that ends it in UTF-8 (at least an eighth when count is not 0), or '#'
 * a cell in ASCII (at least one). Returns the bytes written to out (NUL-terminated;
 * 3 * cells + 1 bytes are enough). */
size_t timeline_bar(uint32_t count, uint32_t max, size_t cells, bool utf8, char *out);

/* The last `months` months of the timeline's span (fewer when it spans fewer), a
 * cell each, as a sparkline: ▁ to █ by count (a blank for none) in UTF-8, or
 * ".:-=+*#@" in ASCII. Returns the cells; out needs 3 * months + 1 bytes. */
size_t timeline_sparkline(const struct timeline *t, size_t months, bool utf8, char *out);

#endif
