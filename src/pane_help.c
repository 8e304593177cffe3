/* The help screen, generated from the key table so it always tells the truth. */
#include "config.h"

#include "relview/app.h"

#include <string.h>

#define KEYS_COLUMN 18

static const char *const headings[] = {
        [KEYS_VIEW] = "List and reader",
        [KEYS_PICKER] = "Topic and location pickers (type to narrow the list)",
        [KEYS_PROMPT] = "Prompts: search, find, dates, picker text",
};

/* Help row i: a heading (*action ACT_NONE, returned text), a binding (*action set) or
 * a blank row (NULL). Each context: heading, its bindings, a blank row. */
static const char *help_row(size_t i, enum action *action)
{
	*action = ACT_NONE;
	size_t row = 0;
	for (int c = KEYS_VIEW; c <= KEYS_PROMPT; c++) {
		if (row++ == i)
			return headings[c];
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

/* "j, Down" from "j Down". */
static void key_names(const char *keys, char *out, size_t size)
{
	size_t len = 0;
	for (const char *p = keys; *p && len + 3 < size; p++) {
		if (*p == ' ') {
			out[len++] = ',';
		}
		out[len++] = *p;
	}
	out[len] = '\0';
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	for (int row = 0; row < r->h; row++) {
		int y = r->y + row;
		enum action action;
		const char *text = help_row(app->help.top + (size_t)row, &action);
		term_fill(y, r->x, r->w, ROLE_NORMAL);
		if (!text)
			continue;
		if (action == ACT_NONE) {
			term_put(y, r->x + 1, text, strlen(text), r->w - 1, ROLE_HEADING);
			continue;
		}
		char keys[64];
		key_names(key_table[action].keys, keys, sizeof keys);
		term_put(y, r->x + 3, keys, strlen(keys), KEYS_COLUMN - 4, ROLE_LABEL);
		term_put_fit(y, r->x + KEYS_COLUMN, text, strlen(text), r->w - KEYS_COLUMN,
		             ROLE_NORMAL);
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

const struct pane_ops pane_help_ops = {"help", KEYS_VIEW, draw, act, cursor};
