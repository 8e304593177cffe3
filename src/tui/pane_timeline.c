/* The timeline: a bar a month, or a year, of the releases the other filters and the
 * search leave, in the list's date order (newest first, unless oldest first); Enter
 * on a bar sets the date filter to its period. The counts are timeline.c's, made
 * when it opens and again only when releases arrive (the inputs still loading):
 * drawing costs a row's work for each row shown. */
#include "config.h"

#include "relview/date.h"
#include "relview/pane.h"
#include "relview/term.h"
#include "relview/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The widest bar drawn; wider terminals leave the rest of the row blank. */
#define BAR_CELLS_MAX 400

struct timeline_pane {
	struct pane *pane;
	enum timeline_unit unit;
	struct timeline counts; /* counted when it opened, and when releases arrived */
	uint64_t version;       /* the browse's when they were counted */
	struct scroll cursor;   /* over its bars, in the list's date order */
};

static size_t nbars(const struct timeline_pane *tp)
{
	return timeline_buckets(&tp->counts, tp->unit);
}

/* The bucket on bar row `row` (bucket 0 is the earliest); the same mapping takes a
 * bucket to its row. */
static size_t bucket_at(const struct timeline_pane *tp, size_t row)
{
	return tp->pane->host->oldest_first ? row : nbars(tp) - 1 - row;
}

/* Rows for bars: all but the heading. */
static size_t bar_rows(const struct pane *pane)
{
	return pane->at.h > 1 ? (size_t)pane->at.h - 1 : 1;
}

static void select_row(struct timeline_pane *tp, size_t row)
{
	struct scroll *c = &tp->cursor;
	c->count = nbars(tp);
	scroll_set(c, row, bar_rows(tp->pane));
}

/* The cursor on the bar of the period that holds the date. */
static void select_date(struct timeline_pane *tp, uint32_t date)
{
	select_row(tp, bucket_at(tp, timeline_find(&tp->counts, tp->unit, date)));
}

static void count(struct timeline_pane *tp)
{
	browse_timeline(tp->pane->host->browse, &tp->counts);
	tp->version = tp->pane->host->browse->version;
}

/* Releases arrived while it is open: counted again, the cursor on the same period. */
static void follow_the_list(struct timeline_pane *tp)
{
	uint32_t since, until;
	if (tp->version == tp->pane->host->browse->version)
		return;
	timeline_period(&tp->counts, tp->unit, bucket_at(tp, tp->cursor.sel), &since, &until);
	count(tp);
	select_date(tp, since);
}

static bool open_timeline(struct pane *pane, int how)
{
	struct timeline_pane *tp = pane->state;
	(void)how;
	const struct timeline *t = &tp->counts;
	count(tp);
	if (!t->dated) {
		if (t->undated)
			host_say(tp->pane->host, true,
			         "No timeline: none of these %zu releases has a date", t->undated);
		else
			host_say(tp->pane->host, true,
			         "No timeline: no release matches the other filters");
		return false;
	}
	/* Where the user is: the selected release's period, else the date filter's. */
	const struct release *r = host_selected(tp->pane->host);
	const struct filter *f = &tp->pane->host->browse->filter;
	uint32_t date = r && r->date ? r->date : f->since ? f->since : f->until;
	if (date)
		select_date(tp, date);
	else
		select_row(tp, 0);
	return true;
}

/* Months to years and back, on the same period: a month's year; of a year, the
 * selected release's month when it is in that year, else the year's first month in
 * the list's order. */
static void switch_unit(struct timeline_pane *tp)
{
	uint32_t since, until;
	timeline_period(&tp->counts, tp->unit, bucket_at(tp, tp->cursor.sel), &since, &until);
	tp->unit = tp->unit == TIMELINE_MONTH ? TIMELINE_YEAR : TIMELINE_MONTH;
	const struct release *r = host_selected(tp->pane->host);
	uint32_t date = tp->pane->host->oldest_first ? since : until;
	if (r && r->date >= since && r->date <= until)
		date = r->date;
	select_date(tp, date);
}

/* Enter: the bar's period becomes the date filter, and the list shows it from its
 * first release (or still the selected one, when it is in that period). */
static void choose(struct timeline_pane *tp)
{
	const struct timeline *t = &tp->counts;
	enum timeline_unit unit = tp->unit;
	size_t bucket = bucket_at(tp, tp->cursor.sel);
	uint32_t count = timeline_at(t, unit, bucket), since, until;
	char label[TIMELINE_LABEL_MAX];
	timeline_label(t, unit, bucket, label);
	if (!count) {
		host_say(tp->pane->host, true, "No release in %s under these filters", label);
		return;
	}
	timeline_period(t, unit, bucket, &since, &until);
	browse_set_dates(tp->pane->host->browse, since, until);
	/* The list is in place before choosing a row in it, as for a jump. */
	browse_step(tp->pane->host->browse, SIZE_MAX);
	struct host *h = tp->pane->host;
	uint32_t anchor;
	uint32_t selected =
	        h->ops->anchor(h, &anchor) ? h->cat->releases[anchor].date : DATE_UNKNOWN;
	if (selected < since || selected > until)
		h->ops->select(h, 0);
	h->ops->remove(h, tp->pane);
	host_say(tp->pane->host, false, "Dates: %s, %u release%s", label, count,
	         count == 1 ? "" : "s");
}

static bool in_date_filter(const struct filter *f, uint32_t since, uint32_t until)
{
	return (f->since || f->until) && (!f->until || since <= f->until) &&
	       (!f->since || until >= f->since);
}

static int digits(uint32_t n)
{
	int d = 1;
	for (; n >= 10; n /= 10)
		d++;
	return d;
}

/* "By month, 2013-11..2014-03: 397 with a date, 3 without   • dates 2014-03-01..2014-03-31" */
static void draw_heading(const struct timeline_pane *tp, const struct rect *r)
{
	const struct timeline *t = &tp->counts;
	enum timeline_unit unit = tp->unit;
	const struct filter *f = &tp->pane->host->browse->filter;
	char first[TIMELINE_LABEL_MAX], last[TIMELINE_LABEL_MAX], text[256];
	timeline_label(t, unit, 0, first);
	timeline_label(t, unit, nbars(tp) - 1, last);
	int n = snprintf(text, sizeof text, " By %s, %s..%s: %zu with a date, %zu without",
	                 unit == TIMELINE_MONTH ? "month" : "year", first, last, t->dated,
	                 t->undated);
	size_t len = n > 0 && (size_t)n < sizeof text ? (size_t)n : 0;
	if (f->since || f->until) {
		char from[11], to[11];
		date_format_iso(f->since, from);
		date_format_iso(f->until, to);
		snprintf(text + len, sizeof text - len, "   \u2022 dates %s..%s", from, to);
	}
	term_put_fit(r->y, r->x, text, strlen(text), r->w, ROLE_HEADING);
}

/* " • 2014-03 123 ████▌": the mark of the date filter, the period, its count and
 * its bar, scaled to the largest count of the whole span. */
static void draw_bar(const struct timeline_pane *tp, const struct rect *r, int y, size_t row,
                     int count_width)
{
	const struct timeline *t = &tp->counts;
	enum timeline_unit unit = tp->unit;
	size_t bucket = bucket_at(tp, row);
	uint32_t count = timeline_at(t, unit, bucket), since, until;
	char label[TIMELINE_LABEL_MAX], text[64], bar[3 * BAR_CELLS_MAX + 1];
	timeline_label(t, unit, bucket, label);
	timeline_period(t, unit, bucket, &since, &until);
	bool selected = row == tp->cursor.sel;
	enum role role = selected ? ROLE_SELECTED : count ? ROLE_LIST : ROLE_DIM;
	const char *mark =
	        in_date_filter(&tp->pane->host->browse->filter, since, until) ? "\u2022" : " ";
	snprintf(text, sizeof text, " %s %s %*u ", mark, label, count_width, count);
	term_fill(y, r->x, r->w, role);
	int x = r->x + term_put(y, r->x, text, strlen(text), r->w, role);
	int cells = r->x + r->w - x - 1;
	cells = cells < BAR_CELLS_MAX ? cells : BAR_CELLS_MAX;
	if (cells <= 0)
		return;
	size_t len = timeline_bar(count, timeline_max(t, unit), (size_t)cells, tp->pane->host->utf8,
	                          bar);
	term_put(y, x, bar, len, cells, selected ? ROLE_SELECTED : ROLE_CHART);
}

static void draw(struct pane *pane)
{
	struct timeline_pane *tp = pane->state;
	const struct rect *r = &pane->at;
	struct scroll *c = &tp->cursor;
	follow_the_list(tp);
	scroll_fit(c, bar_rows(pane)); /* the terminal may have been resized */
	draw_heading(tp, r);
	int count_width = digits(timeline_max(&tp->counts, tp->unit));
	for (int row = 1; row < r->h; row++) {
		size_t i = c->top + (size_t)row - 1;
		if (i < c->count)
			draw_bar(tp, r, r->y + row, i, count_width);
		else
			term_fill(r->y + row, r->x, r->w, ROLE_NORMAL);
	}
}

static bool act(struct pane *pane, enum action action)
{
	struct timeline_pane *tp = pane->state;
	struct pane bars = *pane;
	bars.at.h = (int)bar_rows(pane);
	if (pane_move(&tp->cursor, action, &bars, true))
		return true;
	switch (action) {
	case ACT_OPEN:
		choose(tp);
		return true;
	case ACT_TIMELINE_UNIT:
		switch_unit(tp);
		return true;
	case ACT_CLOSE:
	case ACT_BACK:
	case ACT_TIMELINE:
		pane->host->ops->remove(pane->host, pane);
		return true;
	default:
		return false;
	}
}

static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	const struct timeline_pane *tp = pane->state;
	const struct scroll *c = &tp->cursor;
	*y = pane->at.y + 1 + (int)(c->sel - c->top);
	*x = pane->at.x;
	return CURSOR_HIDDEN;
}

/* A click puts the cursor on the bar clicked; Enter then chooses it. */
static void click(struct pane *pane, int row)
{
	struct timeline_pane *tp = pane->state;
	pane_click_below_heading(&tp->cursor, tp->cursor.count, row);
}

static int percent(const struct pane *pane)
{
	const struct timeline_pane *tp = pane->state;
	const struct scroll *c = &tp->cursor;
	return c->count ? (int)((c->sel + 1) * 100 / c->count) : 100;
}

static bool init(struct pane *pane)
{
	struct timeline_pane *tp = calloc(1, sizeof *tp);
	if (tp)
		tp->pane = pane;
	pane->state = tp;
	pane->full = true;
	return tp != NULL;
}

static void free_state(struct pane *pane)
{
	free(pane->state);
}

static const struct hint hints[] = {
        {ACT_OPEN, "set the dates"}, {ACT_TIMELINE_UNIT, "months or years"},
        {ACT_DOWN, "down"},          {ACT_UP, "up"},
        {ACT_CLOSE, "back"},         {ACT_NONE, NULL},
};

/* Over it, only leaving, and help, mean something. */
const struct pane_ops pane_timeline_ops = {
        .name = "timeline",
        .keys = KEYS_VIEW,
        .passes = SCOPE_BIT(SCOPE_ANY),
        .hints = hints,
        .init = init,
        .free = free_state,
        .open = open_timeline,
        .draw = draw,
        .act = act,
        .cursor = cursor,
        .click = click,
        .percent = percent,
};
