/* The help screen, generated from the key table and the bindings in use, so it
 * always tells the truth. */
#include "config.h"

#include "relview/app.h"

#include <string.h>

#define KEYS_COLUMN 18

/* Help row i: a heading (*action ACT_NONE, returned text), a binding (*action set) or
 * a blank row (NULL). Each context: heading, its bindings, a blank row. */
static const char *help_row(size_t i, enum action *action)
{
	*action = ACT_NONE;
	size_t row = 0;
	for (int c = KEYS_VIEW; c <= KEYS_PROMPT; c++) {
		if (row++ == i)
			return keys_context_name[c];
		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
			if (key_table[a].context == (enum key_context)c && row++ == i) {
				*action = (enum action)a;
				return key_table[a].help;
			}
		if (row++ == i)
			return NULL;
	}
	return NULL;
}

size_t pane_help_rows(void)
{
	return (size_t)(KEYS_PROMPT + 1) * 2 + ACT_COUNT - 1;
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	for (int row = 0; row < r->h; row++) {
		int y = r->y + row;
		enum action action;
		const char *text = help_row(app->help.top + (size_t)row, &action);
		term_fill(y, r->x, r->w, ROLE_HELP);
		if (!text)
			continue;
		if (action == ACT_NONE) {
			term_put(y, r->x + 1, text, strlen(text), r->w - 1, ROLE_HEADING);
			continue;
		}
		char keys[64];
		keymap_describe(keys_active(), action, ", ", keys, sizeof keys);
		term_put_fit(y, r->x + 3, keys, strlen(keys), KEYS_COLUMN - 4, ROLE_HELP_KEY);
		term_put_fit(y, r->x + KEYS_COLUMN, text, strlen(text), r->w - KEYS_COLUMN,
		             ROLE_HELP);
	}
}

static bool act(struct app *app, struct pane *pane, enum action action)
{
	if (pane_move(&app->help, action, pane, false))
		return true;
	if (action == ACT_CLOSE || action == ACT_BACK || action == ACT_HELP) {
		app->help_open = false;
		return true;
	}
	return false;
}

static void cursor(const struct app *app, const struct pane *pane, int *y, int *x)
{
	(void)app;
	*y = pane->at.y;
	*x = pane->at.x;
}

/* Help has no rows to choose. */
static void click(struct app *app, struct pane *pane, int row)
{
	(void)app;
	(void)pane;
	(void)row;
}

const struct pane_ops pane_help_ops = {"help", KEYS_VIEW, draw, act, cursor, click};
