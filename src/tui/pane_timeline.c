/* The timeline: a bar a month, or a year, of the releases the other filters and the
 * search leave, in the list's date order (newest first, unless oldest first); Enter
 * on a bar sets the date filter to its period. The counts are timeline.c's, made
 * when it opens and again only when releases arrive (the inputs still loading):
 * drawing costs a row's work for each row shown. */
#include "config.h"

#include "relview/app.h"

#include <stdio.h>
#include <string.h>

/* The widest bar drawn; wider terminals leave the rest of the row blank. */
#define BAR_CELLS_MAX 400

static size_t nbars(const struct app *app)
{
	return timeline_buckets(&app->timeline.counts, app->timeline.unit);
}

/* The bucket on bar row `row` (bucket 0 is the earliest); the same mapping takes a
 * bucket to its row. */
static size_t bucket_at(const struct app *app, size_t row)
{
	return app->oldest_first ? row : nbars(app) - 1 - row;
}

/* Rows for bars: all but the heading. */
static size_t bar_rows(const struct pane *pane)
{
	return pane->at.h > 1 ? (size_t)pane->at.h - 1 : 1;
}

static void select_row(struct app *app, size_t row)
{
	struct scroll *c = &app->timeline.cursor;
	c->count = nbars(app);
	scroll_set(c, row, bar_rows(&app->timeline_pane));
}

/* The cursor on the bar of the period that holds the date. */
static void select_date(struct app *app, uint32_t date)
{
	select_row(app,
	           bucket_at(app, timeline_find(&app->timeline.counts, app->timeline.unit, date)));
}

static void count(struct app *app)
{
	browse_timeline(&app->browse, &app->timeline.counts);
	app->timeline.version = app->browse.version;
}

/* Releases arrived while it is open: counted again, the cursor on the same period. */
static void follow_the_list(struct app *app)
{
	uint32_t since, until;
	if (app->timeline.version == app->browse.version)
		return;
	timeline_period(&app->timeline.counts, app->timeline.unit,
	                bucket_at(app, app->timeline.cursor.sel), &since, &until);
	count(app);
	select_date(app, since);
}

void app_open_timeline(struct app *app)
{
	const struct timeline *t = &app->timeline.counts;
	count(app);
	if (!t->dated) {
		if (t->undated)
			app_message(app, true, "No timeline: none of these %zu releases has a date",
			            t->undated);
		else
			app_message(app, true, "No timeline: no release matches the other filters");
		return;
	}
	app->timeline.open = true;
	/* Where the user is: the selected release's period, else the date filter's. */
	const struct release *r = app_selected(app);
	const struct filter *f = &app->browse.filter;
	uint32_t date = r && r->date ? r->date : f->since ? f->since : f->until;
	if (date)
		select_date(app, date);
	else
		select_row(app, 0);
}

/* Months to years and back, on the same period: a month's year; of a year, the
 * selected release's month when it is in that year, else the year's first month in
 * the list's order. */
static void switch_unit(struct app *app)
{
	uint32_t since, until;
	timeline_period(&app->timeline.counts, app->timeline.unit,
	                bucket_at(app, app->timeline.cursor.sel), &since, &until);
	app->timeline.unit = app->timeline.unit == TIMELINE_MONTH ? TIMELINE_YEAR : TIMELINE_MONTH;
	const struct release *r = app_selected(app);
	uint32_t date = app->oldest_first ? since : until;
	if (r && r->date >= since && r->date <= until)
		date = r->date;
	select_date(app, date);
}

/* Enter: the bar's period becomes the date filter, and the list shows it from its
 * first release (or still the selected one, when it is in that period). */
static void choose(struct app *app)
{
	const struct timeline *t = &app->timeline.counts;
	enum timeline_unit unit = app->timeline.unit;
	size_t bucket = bucket_at(app, app->timeline.cursor.sel);
	uint32_t count = timeline_at(t, unit, bucket), since, until;
	char label[TIMELINE_LABEL_MAX];
	timeline_label(t, unit, bucket, label);
	if (!count) {
		app_message(app, true, "No release in %s under these filters", label);
		return;
	}
	timeline_period(t, unit, bucket, &since, &until);
	browse_set_dates(&app->browse, since, until);
	/* The list is in place before choosing a row in it, as for a jump. */
	browse_step(&app->browse, SIZE_MAX);
	uint32_t selected = app->have_anchor ? app->cat->releases[app->anchor].date : DATE_UNKNOWN;
	if (selected < since || selected > until)
		app_select(app, 0);
	app->timeline.open = false;
	app_message(app, false, "Dates: %s, %u release%s", label, count, count == 1 ? "" : "s");
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
static void draw_heading(const struct app *app, const struct rect *r)
{
	const struct timeline *t = &app->timeline.counts;
	enum timeline_unit unit = app->timeline.unit;
	const struct filter *f = &app->browse.filter;
	char first[TIMELINE_LABEL_MAX], last[TIMELINE_LABEL_MAX], text[256];
	timeline_label(t, unit, 0, first);
	timeline_label(t, unit, nbars(app) - 1, last);
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
static void draw_bar(const struct app *app, const struct rect *r, int y, size_t row,
                     int count_width)
{
	const struct timeline *t = &app->timeline.counts;
	enum timeline_unit unit = app->timeline.unit;
	size_t bucket = bucket_at(app, row);
	uint32_t count = timeline_at(t, unit, bucket), since, until;
	char label[TIMELINE_LABEL_MAX], text[64], bar[3 * BAR_CELLS_MAX + 1];
	timeline_label(t, unit, bucket, label);
	timeline_period(t, unit, bucket, &since, &until);
	bool selected = row == app->timeline.cursor.sel;
	enum role role = selected ? ROLE_SELECTED : count ? ROLE_LIST : ROLE_DIM;
	const char *mark = in_date_filter(&app->browse.filter, since, until) ? "\u2022" : " ";
	snprintf(text, sizeof text, " %s %s %*u ", mark, label, count_width, count);
	term_fill(y, r->x, r->w, role);
	int x = r->x + term_put(y, r->x, text, strlen(text), r->w, role);
	int cells = r->x + r->w - x - 1;
	cells = cells < BAR_CELLS_MAX ? cells : BAR_CELLS_MAX;
	if (cells <= 0)
		return;
	size_t len = timeline_bar(count, timeline_max(t, unit), (size_t)cells, app->term.utf8, bar);
	term_put(y, x, bar, len, cells, selected ? ROLE_SELECTED : ROLE_CHART);
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	struct scroll *c = &app->timeline.cursor;
	follow_the_list(app);
	scroll_fit(c, bar_rows(pane)); /* the terminal may have been resized */
	draw_heading(app, r);
	int count_width = digits(timeline_max(&app->timeline.counts, app->timeline.unit));
	for (int row = 1; row < r->h; row++) {
		size_t i = c->top + (size_t)row - 1;
		if (i < c->count)
			draw_bar(app, r, r->y + row, i, count_width);
		else
			term_fill(r->y + row, r->x, r->w, ROLE_NORMAL);
	}
}

static bool act(struct app *app, struct pane *pane, enum action action)
{
	struct pane bars = *pane;
	bars.at.h = (int)bar_rows(pane);
	if (pane_move(&app->timeline.cursor, action, &bars, true))
		return true;
	switch (action) {
	case ACT_OPEN:
		choose(app);
		return true;
	case ACT_TIMELINE_UNIT:
		switch_unit(app);
		return true;
	case ACT_CLOSE:
	case ACT_BACK:
	case ACT_TIMELINE:
		app->timeline.open = false;
		return true;
	default:
		return false;
	}
}

static void cursor(const struct app *app, const struct pane *pane, int *y, int *x)
{
	const struct scroll *c = &app->timeline.cursor;
	*y = pane->at.y + 1 + (int)(c->sel - c->top);
	*x = pane->at.x;
}

/* A click puts the cursor on the bar clicked; Enter then chooses it. */
static void click(struct app *app, struct pane *pane, int row)
{
	(void)pane;
	pane_click_below_heading(&app->timeline.cursor, app->timeline.cursor.count, row);
}

const struct pane_ops pane_timeline_ops = {"timeline", KEYS_VIEW, draw, act, cursor, click};
