/* The help screen, generated from the key table and the bindings in use, so it
 * always tells the truth. */
#include "config.h"

#include "relview/expr.h"
#include "relview/pane.h"
#include "relview/term.h"

#include <stdlib.h>
#include <string.h>

#define KEYS_COLUMN  18
#define FORMS_COLUMN 34

/* A row of help: a heading, a binding (its action's keys, as bound, and help), a
 * form of the query language, or blank (all NULL). */
struct help_row {
	const char *heading;
	enum action action; /* ACT_NONE but for a binding */
	const char *left, *text;
};

/* Row i: each key context (heading, its bindings, a blank row), then the query
 * language (heading, its forms). */
static struct help_row help_row(size_t i)
{
	size_t row = 0;
	for (int c = KEYS_VIEW; c <= KEYS_PROMPT; c++) {
		if (row++ == i)
			return (struct help_row){.heading = keys_context_name[c]};
		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
			if (key_table[a].context == (enum key_context)c && row++ == i)
				return (struct help_row){.action = (enum action)a,
				                         .text = key_table[a].help};
		if (row++ == i)
			return (struct help_row){0};
	}
	if (row++ == i)
		return (struct help_row){.heading = "Search queries (/ and --search)"};
	size_t form = i - row;
	if (form < expr_syntax_count)
		return (struct help_row){.left = expr_syntax[form].example,
		                         .text = expr_syntax[form].meaning};
	return (struct help_row){0};
}

static size_t help_rows(void)
{
	return (size_t)(KEYS_PROMPT + 1) * 2 + ACT_COUNT - 1 + 1 + expr_syntax_count;
}

static bool open_help(struct pane *pane, int how)
{
	struct scroll *s = pane->state;
	(void)how;
	s->top = s->sel = 0;
	return true;
}

static void sync(struct pane *pane)
{
	struct scroll *s = pane->state;
	s->count = help_rows();
	s->sel = s->top;
	scroll_fit(s, pane_rows(pane));
}

static void draw(struct pane *pane)
{
	const struct scroll *s = pane->state;
	const struct rect *r = &pane->at;
	for (int row = 0; row < r->h; row++) {
		int y = r->y + row;
		struct help_row h = help_row(s->top + (size_t)row);
		term_fill(y, r->x, r->w, ROLE_HELP);
		if (h.heading) {
			term_put(y, r->x + 1, h.heading, strlen(h.heading), r->w - 1, ROLE_HEADING);
			continue;
		}
		if (!h.text)
			continue;
		char keys[64];
		if (h.action != ACT_NONE)
			keymap_describe(keys_active(), h.action, ", ", keys, sizeof keys);
		const char *left = h.action != ACT_NONE ? keys : h.left;
		/* A query form is wider than a key: its meaning goes further right. */
		int column = h.action != ACT_NONE ? KEYS_COLUMN : FORMS_COLUMN;
		term_put_fit(y, r->x + 3, left, strlen(left), column - 4, ROLE_HELP_KEY);
		term_put_fit(y, r->x + column, h.text, strlen(h.text), r->w - column, ROLE_HELP);
	}
}

static bool act(struct pane *pane, enum action action)
{
	if (pane_move(pane->state, action, pane, false))
		return true;
	if (action == ACT_CLOSE || action == ACT_BACK || action == ACT_HELP) {
		pane->host->ops->remove(pane->host, pane);
		return true;
	}
	return false;
}

static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	*y = pane->at.y;
	*x = pane->at.x;
	return CURSOR_HIDDEN;
}

/* Help has no rows to choose; the wheel scrolls it. */
static void click(struct pane *pane, int row)
{
	(void)pane;
	(void)row;
}

static bool init(struct pane *pane)
{
	pane->full = true;
	return (pane->state = calloc(1, sizeof(struct scroll))) != NULL;
}

static void free_state(struct pane *pane)
{
	free(pane->state);
}

static const struct hint hints[] = {
        {ACT_DOWN, "down"},   {ACT_UP, "up"},   {ACT_PAGE_DOWN, "page"},
        {ACT_CLOSE, "close"}, {ACT_NONE, NULL},
};

/* Over everything: only quitting and redrawing go past it. */
const struct pane_ops pane_help_ops = {
        .name = "help",
        .keys = KEYS_VIEW,
        .passes = SCOPE_BIT(SCOPE_ANY),
        .hints = hints,
        .init = init,
        .free = free_state,
        .open = open_help,
        .sync = sync,
        .draw = draw,
        .act = act,
        .cursor = cursor,
        .click = click,
};
