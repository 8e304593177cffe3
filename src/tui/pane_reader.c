/* The reader pane: the selected release, header block then body, with find matches
 * highlighted. The layout itself (wrapping, paragraphs, matches) is doc's. */
#include "config.h"

#include "relview/app.h"

#include <string.h>

/* Longest a match may run back from an earlier line into this one: a pattern is at
 * most EDIT_MAX bytes, so at a width of at least 10 cells it spans fewer lines. */
#define MATCH_REACH (EDIT_MAX / 10 + 1)

/* Line i of the doc at (y, x) in cols cells, its matches highlighted. */
static void draw_text(const struct app *app, size_t i, int y, int x, int cols, enum role role)
{
	const struct doc *d = &app->doc;
	const struct doc_line *l = &d->lines[i];
	size_t done = 0;
	for (size_t m = doc_match_from(d, i > MATCH_REACH ? i - MATCH_REACH : 0);
	     m < d->nmatches && d->matches[m].line <= i && cols > 0; m++) {
		size_t from, to;
		if (!doc_match_on_line(d, m, i, &from, &to) || from < done)
			continue;
		int used = term_put(y, x, l->s + done, from - done, cols, role);
		x += used, cols -= used;
		used = term_put(y, x, l->s + from, to - from, cols,
		                m == app->find_current ? ROLE_CURRENT : ROLE_MATCH);
		x += used, cols -= used;
		done = to;
	}
	term_put(y, x, l->s + done, l->len - done, cols, role);
}

static void draw_line(const struct app *app, size_t i, int y, int x, int cols)
{
	const struct doc_line *l = &app->doc.lines[i];
	switch ((enum doc_kind)l->kind) {
	case DOC_TITLE:
		draw_text(app, i, y, x, cols, ROLE_HEADING);
		break;
	case DOC_FIELD:
		if (l->label)
			term_put(y, x, l->label, strlen(l->label), cols, ROLE_LABEL);
		if (cols > DOC_LABEL_WIDTH)
			draw_text(app, i, y, x + DOC_LABEL_WIDTH, cols - DOC_LABEL_WIDTH,
			          ROLE_FIELD);
		break;
	case DOC_SUBTITLE:
	case DOC_BODY:
		draw_text(app, i, y, x, cols, ROLE_BODY);
		break;
	case DOC_BLANK:
		break;
	}
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	int m = pane_margin(pane);
	for (int row = 0; row < r->h; row++)
		term_fill(r->y + row, r->x, r->w, ROLE_BODY);
	if (!app_selected(app)) {
		const char *text = "No release to show.";
		term_put(r->y, r->x + m, text, strlen(text), r->w - m, ROLE_BODY);
		return;
	}
	for (int row = 0; row < r->h; row++) {
		size_t i = app->reader.top + (size_t)row;
		if (i < app->doc.nlines)
			draw_line(app, i, r->y + row, r->x + m, pane_text_width(pane));
	}
}

static bool act(struct app *app, struct pane *pane, enum action action)
{
	if (pane_move(&app->reader, action, pane, false))
		return true;
	switch (action) {
	case ACT_OPEN:
		app->zoomed = true;
		return true;
	case ACT_CLOSE:
	case ACT_BACK:
		/* From a related release, back to the related list. */
		app->related.reading = false;
		app->zoomed = false;
		app->focus = FOCUS_LIST;
		return true;
	case ACT_SEARCH:
		app_open_prompt(app, PROMPT_FIND);
		return true;
	default:
		return false;
	}
}

/* On the current match when it is in view (screen readers follow the cursor), else
 * at the top. */
static void cursor(const struct app *app, const struct pane *pane, int *y, int *x)
{
	*y = pane->at.y;
	*x = pane->at.x + pane_margin(pane);
	const struct doc *d = &app->doc;
	if (!app->find.len || app->find_current >= d->nmatches)
		return;
	size_t line = d->matches[app->find_current].line;
	if (line >= app->reader.top && line < app->reader.top + (size_t)pane->at.h)
		*y = pane->at.y + (int)(line - app->reader.top);
}

static void click(struct app *app, struct pane *pane, int row)
{
	(void)pane;
	(void)row;
	app->focus = FOCUS_READER;
}

const struct pane_ops pane_reader_ops = {"reader", KEYS_VIEW, draw, act, cursor, click};
