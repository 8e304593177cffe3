/* The related pane: the releases related to one (related.h), best first, each a
 * row of the list's columns after why it is related. Enter reads one full screen;
 * q or Esc there comes back here, and here goes back to where the user was. */
#include "config.h"

#include "relview/app.h"
#include "relview/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reasons take at most this share of the width, in fifths. */
#define WHY_FIFTHS 2

void app_related_ask(struct app *app)
{
	const struct release *r = app_selected(app);
	if (!r) {
		app_message(app, true, "No release selected");
		return;
	}
	app->related.of = (uint32_t)(r - app->cat->releases);
	app->related.pending = true;
	app_message(app, false, "Finding related releases...");
}

static void show(struct app *app, struct related *items, size_t n)
{
	struct related_list *l = &app->related;
	if (!l->open) {
		l->focus = app->focus;
		l->zoomed = app->zoomed;
	}
	free(l->items);
	l->items = items;
	l->n = n;
	l->cursor = (struct scroll){.count = n};
	l->open = true;
	l->reading = false;
	app->focus = FOCUS_LIST;
	app->zoomed = false;
	app_message(app, false, "%zu related release%s", n, n == 1 ? "" : "s");
}

/* Once the index is built (app.c builds it in slices between keys). */
void app_related_find(struct app *app)
{
	struct related *items;
	size_t n;
	app->related.pending = false;
	if (!related_find(app->related_index, app->related.of, &items, &n))
		app_message(app, true, "out of memory");
	else if (n == 0)
		app_message(app, false,
		            "No related releases: none of its topic and place within %d days, "
		            "and no rare name in common",
		            RELATED_DAYS);
	else
		show(app, items, n);
}

void app_related_close(struct app *app)
{
	struct related_list *l = &app->related;
	free(l->items);
	app->focus = l->focus;
	app->zoomed = l->zoomed;
	*l = (struct related_list){.of = l->of};
}

/* The rows under the heading. */
static struct pane rows_of(const struct pane *pane)
{
	struct pane rows = *pane;
	rows.at.y++;
	rows.at.h = rows.at.h > 1 ? rows.at.h - 1 : 1;
	return rows;
}

static void draw_header(const struct app *app, const struct rect *r)
{
	char text[400], open[64], back[64];
	const struct release *of = &app->cat->releases[app->related.of];
	app_key_name(ACT_OPEN, open, sizeof open);
	app_key_name(ACT_CLOSE, back, sizeof back);
	int n = snprintf(text, sizeof text, "Related to: %.*s  (%s: read, %s: back)",
	                 (int)(of->title.len < 200 ? of->title.len : 200), of->title.s, open, back);
	term_put_fit(r->y, r->x, text, n > 0 ? (size_t)n : 0, r->w, ROLE_HEADING);
}

/* The widest reason, within its share of the width. */
static size_t why_width(const struct related_list *l, int w)
{
	size_t widest = 0, most = (size_t)(w > 0 ? w : 0) * WHY_FIFTHS / 5;
	for (size_t i = 0; i < l->n; i++) {
		size_t cells = text_width(l->items[i].why, strlen(l->items[i].why));
		widest = cells > widest ? cells : widest;
	}
	return widest < most ? widest : most;
}

static void draw(struct app *app, struct pane *pane)
{
	const struct related_list *l = &app->related;
	const struct rect *r = &pane->at;
	struct pane rows = rows_of(pane);
	draw_header(app, r);
	scroll_fit(&app->related.cursor, (size_t)rows.at.h);
	size_t ww = why_width(l, r->w);
	struct columns c;
	pane_list_columns(app, (size_t)r->w - ww - 1, &c);
	for (int row = 0; row < rows.at.h; row++) {
		size_t i = l->cursor.top + (size_t)row;
		int y = rows.at.y + row;
		term_fill(y, r->x, r->w, ROLE_LIST);
		if (i >= l->n)
			continue;
		uint32_t id = l->items[i].id;
		enum role role = i == l->cursor.sel            ? ROLE_SELECTED
		                 : app->marks[id] & STATE_READ ? ROLE_LIST
		                                               : ROLE_UNREAD;
		term_put_fit(y, r->x, l->items[i].why, strlen(l->items[i].why), (int)ww + 1, role);
		pane_list_row(app, &app->cat->releases[id], y, r->x + (int)ww + 1, &c, role);
	}
}

static bool act(struct app *app, struct pane *pane, enum action action)
{
	struct related_list *l = &app->related;
	struct pane rows = rows_of(pane);
	if (pane_move(&l->cursor, action, &rows, true))
		return true;
	switch (action) {
	case ACT_OPEN:
		l->reading = true;
		app->focus = FOCUS_READER;
		app->zoomed = true;
		return true;
	case ACT_CLOSE:
	case ACT_BACK:
		app_related_close(app);
		return true;
	default:
		return false;
	}
}

static void cursor(const struct app *app, const struct pane *pane, int *y, int *x)
{
	*y = pane->at.y + 1 + (int)(app->related.cursor.sel - app->related.cursor.top);
	*x = pane->at.x;
}

static void click(struct app *app, struct pane *pane, int row)
{
	(void)pane;
	pane_click_below_heading(&app->related.cursor, app->related.n, row);
}

const struct pane_ops pane_related_ops = {"related", KEYS_VIEW, draw, act, cursor, click};
