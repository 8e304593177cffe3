/* The help screen, generated from the key table and the bindings in use, so it
 * always tells the truth. */
#include "config.h"

#include "relview/expr.h"
#include "relview/pane.h"
#include "relview/term.h"
#include "relview/text.h"

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

/* Narrower than this beside the keys, the help text goes under them instead. */
#define MIN_TEXT_COLS 30
/* Where the text goes under its keys. */
#define UNDER_COLUMN 6

/* Where a row's text starts (its keys before it), or 0: under its keys, as on a
 * narrow screen. */
static int text_column(const struct help_row *h, int width)
{
	int column = h->action != ACT_NONE ? KEYS_COLUMN : FORMS_COLUMN;
	return width - column >= MIN_TEXT_COLS ? column : 0;
}

/* The row's text and the columns it wraps at: a heading's whole width, else right
 * of the keys or under them. */
static size_t row_text(const struct help_row *h, int width, const char **text)
{
	*text = h->heading ? h->heading : h->text ? h->text : "";
	int column = h->heading ? 1 : text_column(h, width);
	int cols = width - (column ? column : UNDER_COLUMN) - 1;
	return (size_t)(cols > 1 ? cols : 1);
}

/* Screen lines a row takes: its text wrapped, plus the line of its keys when the text
 * goes under them. */
static size_t row_lines(const struct help_row *h, int width)
{
	const char *text;
	size_t cols = row_text(h, width, &text);
	size_t n = text_wrap_count(text, strlen(text), cols);
	return n + (h->text && !h->heading && !text_column(h, width));
}

static size_t total_lines(int width)
{
	size_t n = 0;
	for (size_t i = 0; i < help_rows(); i++) {
		struct help_row h = help_row(i);
		n += row_lines(&h, width);
	}
	return n;
}

static void sync(struct pane *pane)
{
	struct scroll *s = pane->state;
	s->count = total_lines(pane->at.w);
	s->sel = s->top;
	scroll_fit(s, pane_rows(pane));
}

/* Line k of a row (its keys, or a piece of its text) on row y. */
static void draw_row_line(const struct help_row *h, size_t k, int y, const struct rect *r)
{
	term_fill(y, r->x, r->w, ROLE_HELP);
	int column = text_column(h, r->w);
	char keys[64];
	if (h->action != ACT_NONE)
		keymap_describe(keys_active(), h->action, ", ", keys, sizeof keys);
	const char *left = h->action != ACT_NONE ? keys : h->left;
	if (h->text && k == 0)
		term_put_fit(y, r->x + 3, left, strlen(left), column ? column - 4 : r->w - 3,
		             ROLE_HELP_KEY);
	if (h->text && !column && k-- == 0)
		return; /* the keys' own line */
	const char *text;
	size_t cols = row_text(h, r->w, &text), start, len;
	if (!text_wrap_nth(text, strlen(text), cols, k, &start, &len))
		return;
	int x = r->x + (h->heading ? 1 : column ? column : UNDER_COLUMN);
	term_put_fit(y, x, text + start, len, r->x + r->w - x,
	             h->heading ? ROLE_HEADING : ROLE_HELP);
}

static void draw(struct pane *pane)
{
	const struct scroll *s = pane->state;
	const struct rect *r = &pane->at;
	size_t line = 0, row = 0;
	struct help_row h = help_row(0);
	size_t lines = row_lines(&h, r->w);
	/* To the row the top line is in. */
	while (row < help_rows() && line + lines <= s->top) {
		line += lines;
		h = help_row(++row);
		lines = row_lines(&h, r->w);
	}
	size_t k = s->top - line;
	for (int y = r->y; y < r->y + r->h; y++) {
		if (row >= help_rows()) {
			term_fill(y, r->x, r->w, ROLE_HELP);
			continue;
		}
		draw_row_line(&h, k, y, r);
		if (++k == lines) {
			h = help_row(++row);
			lines = row_lines(&h, r->w);
			k = 0;
		}
	}
}

static bool act(struct pane *pane, enum action action)
{
	return pane_text_act(pane, action, ACT_HELP);
}

/* Over everything: only quitting and redrawing go past it. */
const struct pane_ops pane_help_ops = {
        .name = "help",
        .keys = KEYS_VIEW,
        .passes = SCOPE_BIT(SCOPE_ANY),
        .hints = pane_text_hints,
        .init = pane_text_init,
        .free = pane_text_free,
        .open = open_help,
        .sync = sync,
        .draw = draw,
        .act = act,
        .cursor = pane_text_cursor,
        .click = pane_text_click,
};
