/* The list pane: one release a row, columns fitted to the width. */
#include "config.h"

#include "relview/app.h"
#include "relview/date.h"

#include <string.h>

/* The topics joined by "; ", cut to the buffer (the column is narrower anyway). */
static size_t join_topics(const struct catalog *cat, const struct release *r, char *buf,
                          size_t size)
{
	size_t len = 0;
	for (size_t t = 0; t < r->ntopics; t++) {
		struct str name = catalog_topic(cat, r, t)->name;
		if (t && len + 2 < size) {
			memcpy(buf + len, "; ", 2);
			len += 2;
		}
		size_t n = name.len < size - len ? name.len : size - len;
		memcpy(buf + len, name.s, n);
		len += n;
	}
	return len;
}

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

static void draw_row(const struct app *app, const struct release *r, int y, int x,
                     const struct columns *c, enum role role)
{
	char date[11], topics[256];
	date_format_iso(r->date, date);
	struct str topic_text = {topics, join_topics(app->cat, r, topics, sizeof topics)};
	x = column(y, x, (struct str){date, strlen(date)}, c->date,
	           role == ROLE_NORMAL ? ROLE_LABEL : role, false);
	x = column(y, x, view_short_location(r->location), c->location, role, false);
	x = column(y, x, topic_text, c->topics, role, false);
	column(y, x, r->title, c->title, role, true);
}

static void draw_empty(const struct app *app, const struct rect *r)
{
	const char *text = browse_busy(&app->browse) ? "Searching..."
	                   : browse_filtered(&app->browse)
	                           ? "No release matches. c clears the filters."
	                           : "No releases.";
	term_put_fit(r->y + (r->h > 2 ? 1 : 0), r->x + 1, text, strlen(text), r->w - 1,
	             ROLE_NORMAL);
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	struct columns c;
	columns_fit((size_t)r->w, &c);
	bool focused = app->focus == FOCUS_LIST && !app->zoomed;
	for (int row = 0; row < r->h; row++) {
		size_t i = app->list.top + (size_t)row;
		term_fill(r->y + row, r->x, r->w, ROLE_NORMAL);
		if (i >= n)
			continue;
		enum role role = i != app->list.sel ? ROLE_NORMAL
		                 : focused          ? ROLE_SELECTED
		                                    : ROLE_IDLE;
		draw_row(app, &app->cat->releases[list[i]], r->y + row, r->x, &c, role);
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
	*y = pane->at.y + (int)(app->list.sel - app->list.top);
	*x = pane->at.x;
}

const struct pane_ops pane_list_ops = {"list", KEYS_VIEW, draw, act, cursor};
