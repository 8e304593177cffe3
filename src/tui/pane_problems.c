/* The problems reading the inputs, while relview runs: a line each as printed at the
 * end ("INPUT: ENTRY: why") after a heading with their count, scrolled as help is.
 * They are the loop's (host->problems), taken in as the loader reports them. */
#include "config.h"

#include "relview/pane.h"
#include "relview/term.h"
#include "relview/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What each line starts with on stderr, and not here: the pane says whose they are. */
#define PREFIX "relview: "

static size_t count_lines(const char *text)
{
	size_t n = 0;
	for (const char *p = text; p && (p = strchr(p, '\n')); p++)
		n++;
	return n;
}

/* Line i of the text, from its start; NULL when there are fewer lines. */
static const char *line_at(const char *text, size_t i)
{
	for (; text && i > 0; i--) {
		const char *end = strchr(text, '\n');
		text = end ? end + 1 : NULL;
	}
	return text;
}

/* A line as the pane shows it: without the "relview: " of stderr, which the
 * heading says; *len without the newline. */
static const char *shown(const char *line, size_t *len)
{
	*len = strcspn(line, "\n");
	if (*len >= strlen(PREFIX) && memcmp(line, PREFIX, strlen(PREFIX)) == 0) {
		*len -= strlen(PREFIX);
		line += strlen(PREFIX);
	}
	return line;
}

static bool open_problems(struct pane *pane, int how)
{
	struct scroll *s = pane->state;
	(void)how;
	if (!pane->host->nproblems) {
		host_say(pane->host, false, "No problems reading the inputs");
		return false;
	}
	s->top = s->sel = 0;
	return true;
}

static void sync(struct pane *pane)
{
	struct scroll *s = pane->state;
	s->count = 1 + count_lines(pane->host->problems); /* the heading, then a line each */
	s->sel = s->top;
	scroll_fit(s, pane_rows(pane));
}

/* The heading: how many, and that they are printed at the end too. */
static void draw_heading(const struct pane *pane, int y)
{
	const struct host *h = pane->host;
	char heading[160];
	snprintf(heading, sizeof heading, "%llu problem%s reading the inputs%s", h->nproblems,
	         h->nproblems == 1 ? "" : "s",
	         h->loading ? " so far" : "; printed again when relview ends");
	term_put_fit(y, pane->at.x + 1, heading, strlen(heading), pane->at.w - 1, ROLE_HEADING);
}

/* A line wider than the pane loses its middle, not its end: the input's name stays
 * in front and the reason at the end ("a.tar.gz: rel…y.txt: gzip data truncated"),
 * the reason taking up to two thirds of the room. */
static void put_middle_cut(int y, int x, const char *s, size_t n, int cols, enum role role)
{
	size_t total = text_width(s, n), room = cols > 0 ? (size_t)cols : 0;
	if (total <= room || room < 12) {
		term_put_fit(y, x, s, n, cols, role);
		return;
	}
	size_t tail_want = (room - 1) * 2 / 3, before_tail;
	size_t tail_at = text_fit(s, n, total - tail_want, &before_tail);
	size_t tail_cols = total - before_tail, head_cols;
	size_t head = text_fit(s, tail_at, room - 1 - tail_cols, &head_cols);
	int at = x + term_put(y, x, s, head, (int)head_cols, role);
	at += term_put(y, at, "\u2026", strlen("\u2026"), 1, role);
	term_put(y, at, s + tail_at, n - tail_at, (int)tail_cols, role);
}

static void draw(struct pane *pane)
{
	const struct scroll *s = pane->state;
	const struct rect *r = &pane->at;
	/* Walked once from the first line in view, not from the start for each. */
	const char *line =
	        s->count > 1 ? line_at(pane->host->problems, s->top ? s->top - 1 : 0) : NULL;
	for (int row = 0; row < r->h; row++) {
		size_t i = s->top + (size_t)row, len;
		term_fill(r->y + row, r->x, r->w, ROLE_HELP);
		if (i == 0)
			draw_heading(pane, r->y + row);
		if (i == 0 || i >= s->count || !line)
			continue;
		const char *text = shown(line, &len);
		put_middle_cut(r->y + row, r->x + 1, text, len, r->w - 1, ROLE_HELP);
		line = line_at(line, 1);
	}
}

static bool act(struct pane *pane, enum action action)
{
	return pane_text_act(pane, action, ACT_PROBLEMS);
}

static int percent(const struct pane *pane)
{
	return scroll_percent(pane->state, pane_rows(pane));
}

/* Over everything, as help is: only quitting, help and redrawing go past it. */
const struct pane_ops pane_problems_ops = {
        .name = "problems",
        .keys = KEYS_VIEW,
        .passes = SCOPE_BIT(SCOPE_ANY),
        .hints = pane_text_hints,
        .init = pane_text_init,
        .free = pane_text_free,
        .open = open_problems,
        .sync = sync,
        .draw = draw,
        .act = act,
        .cursor = pane_text_cursor,
        .click = pane_text_click,
        .percent = percent,
};
