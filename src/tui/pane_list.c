/* The list pane: one release a row, columns fitted to the width. */
#include "config.h"

#include "relview/app.h"
#include "relview/config.h"
#include "relview/text.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* "* " before a starred release's title. */
#define STAR_WIDTH 2

/* One column and the blank cell after it; returns where the next one starts. */
static int column(int y, int x, struct str text, size_t width, enum role role, bool last)
{
	if (!width)
		return x;
	term_put_fit(y, x, text.s, text.len, (int)width, role);
	if (!last)
		term_fill(y, x + (int)width, 1, role);
	return x + (int)width + 1;
}

void pane_list_row(const struct app *app, const struct release *r, int y, int x,
                   const struct columns *c, enum role role)
{
	static const enum role column_role[COLUMN_COUNT] = {ROLE_DATE, ROLE_LOCATION, ROLE_TOPICS,
	                                                    ROLE_LIST};
	const struct config *cfg = app->config;
	char date[64], topics[256];
	config_format_date(cfg, r->date, date, sizeof date);
	/* Cut to the buffer: the column is narrower anyway. */
	size_t joined = catalog_join_topics(app->cat, r, topics, sizeof topics);
	const struct str text[COLUMN_COUNT] = {
	        [COLUMN_DATE] = {date, strlen(date)},
	        [COLUMN_LOCATION] = view_short_location(r->location),
	        [COLUMN_TOPICS] = {topics, joined < sizeof topics ? joined : sizeof topics},
	        [COLUMN_TITLE] = r->title,
	};
	size_t width[COLUMN_COUNT] = {c->date, c->location, c->topics, c->title};
	/* The cursor row is one colour across; other rows colour each column. */
	bool plain = role == ROLE_LIST || role == ROLE_UNREAD;
	bool starred = app->marks[r - app->cat->releases] & STATE_STARRED;
	for (size_t i = 0; i < cfg->ncolumns; i++) {
		enum config_column k = cfg->columns[i];
		enum role cell = plain && k != COLUMN_TITLE ? column_role[k] : role;
		/* A star before the title: it needs no colour to be seen. */
		if (k == COLUMN_TITLE && starred && width[k] > STAR_WIDTH) {
			term_put_fit(y, x, "* ", STAR_WIDTH, STAR_WIDTH, cell);
			x += STAR_WIDTH;
			width[k] -= STAR_WIDTH;
		}
		x = column(y, x, text[k], width[k], cell, i + 1 == cfg->ncolumns);
	}
}

/* The widest date the configured format prints. */
static size_t date_width(const struct config *cfg)
{
	size_t widest = 0;
	for (uint32_t month = 1; month <= 12; month++) {
		char date[64];
		config_format_date(cfg, 20230028 + month * 100, date, sizeof date);
		size_t w = text_width(date, strlen(date));
		widest = w > widest ? w : widest;
	}
	return widest;
}

/* The view's column widths, with the configured date width, and the room of the
 * columns the configuration leaves out given to the title. */
void pane_list_columns(const struct app *app, size_t width, struct columns *c)
{
	const struct config *cfg = app->config;
	columns_fit(width, c);
	size_t dw = date_width(cfg);
	if (c->date && dw < c->date + c->title)
		c->title = c->title + c->date - dw, c->date = dw;
	size_t *col[COLUMN_COUNT] = {&c->date, &c->location, &c->topics, &c->title};
	bool shown[COLUMN_COUNT] = {false};
	for (size_t i = 0; i < cfg->ncolumns; i++)
		shown[cfg->columns[i]] = true;
	for (int k = 0; k < COLUMN_TITLE; k++)
		if (!shown[k] && *col[k]) {
			c->title += *col[k] + 1;
			*col[k] = 0;
		}
}

static void draw_empty(const struct app *app, const struct rect *r)
{
	char text[128], key[64];
	app_key_name(ACT_CLEAR, key, sizeof key);
	if (browse_busy(&app->browse))
		snprintf(text, sizeof text, "Searching...");
	else if (browse_filtered(&app->browse) && key[0])
		snprintf(text, sizeof text, "No release matches. %s clears the filters.", key);
	else
		snprintf(text, sizeof text, "%s",
		         browse_filtered(&app->browse) ? "No release matches." : "No releases.");
	term_put_fit(r->y + (r->h > 2 ? 1 : 0), r->x + 1, text, strlen(text), r->w - 1,
	             ROLE_NORMAL);
}

/* "── March 2014 ──" across the row: where a month begins. */
static void draw_month(const struct release *r, int y, const struct rect *at)
{
	char label[64] = " Undated ";
	struct tm tm = {.tm_year = (int)(r->date / 10000) - 1900,
	                .tm_mon = (int)(r->date / 100 % 100) - 1,
	                .tm_mday = 1};
	if (r->date && !strftime(label, sizeof label, " %B %Y ", &tm))
		snprintf(label, sizeof label, " %04u-%02u ", r->date / 10000, r->date / 100 % 100);
	term_hline(y, at->x, at->w);
	if (at->w > 4)
		term_put(y, at->x + 2, label, strlen(label), at->w - 4, ROLE_LIST);
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	struct columns c;
	pane_list_columns(app, (size_t)r->w, &c);
	bool focused = app->focus == FOCUS_LIST && !app->zoomed;
	size_t i = app->list.top;
	for (int row = 0; row < r->h; row++, i++) {
		term_fill(r->y + row, r->x, r->w, ROLE_LIST);
		if (i >= n)
			continue;
		if (app->list_months && i > app->list.top && browse_month_starts(&app->browse, i)) {
			draw_month(&app->cat->releases[list[i]], r->y + row, r);
			if (++row == r->h)
				break;
			term_fill(r->y + row, r->x, r->w, ROLE_LIST);
		}
		uint32_t id = list[i];
		enum role role = i == app->list.sel ? (focused ? ROLE_SELECTED : ROLE_IDLE)
		                 : app->marks[id] & STATE_READ ? ROLE_LIST
		                                               : ROLE_UNREAD;
		pane_list_row(app, &app->cat->releases[id], r->y + row, r->x, &c, role);
	}
	if (n == 0)
		draw_empty(app, r);
}

static bool act(struct app *app, struct pane *pane, enum action action)
{
	if (pane_move(&app->list, action, pane, true)) {
		app_select(app, app->list.sel);
		return true;
	}
	switch (action) {
	case ACT_OPEN:
		if (app_selected(app)) {
			app->zoomed = true;
			app->focus = FOCUS_READER;
		}
		return true;
	case ACT_CLOSE:
		app->quit = true;
		return true;
	case ACT_SEARCH:
		app_open_prompt(app, PROMPT_SEARCH);
		return true;
	default:
		return false;
	}
}

static void cursor(const struct app *app, const struct pane *pane, int *y, int *x)
{
	*y = pane->at.y +
	     (int)list_row_of(&app->browse, app->list.top, app->list.sel, app->list_months);
	*x = pane->at.x;
}

static void click(struct app *app, struct pane *pane, int row)
{
	(void)pane;
	size_t i = list_item_at(&app->browse, app->list.top, (size_t)row, app->list_months);
	if (i == LIST_NO_ITEM)
		return;
	app_select(app, i);
	app->focus = FOCUS_LIST;
}

const struct pane_ops pane_list_ops = {"list", KEYS_VIEW, draw, act, cursor, click};
