#include "config.h"

#include "relview/pane.h"

#include "relview/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void host_say(struct host *host, bool error, const char *fmt, ...)
{
	char text[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	host->ops->say(host, error, text);
}

const struct release *host_selected(struct host *host)
{
	uint32_t id;
	return host->ops->selected(host, &id) ? &host->cat->releases[id] : NULL;
}

uint32_t host_id(const struct host *host, const struct release *r)
{
	return (uint32_t)(r - host->cat->releases);
}

size_t pane_rows(const struct pane *pane)
{
	return (size_t)(pane->at.h > 0 ? pane->at.h : 1);
}

int pane_margin(const struct pane *pane)
{
	return pane->at.w > 20 ? 1 : 0;
}

int pane_text_width(const struct pane *pane)
{
	int w = pane->at.w - 2 * pane_margin(pane);
	if (pane->max_text > 0 && w > pane->max_text)
		w = pane->max_text;
	return w > 1 ? w : 1;
}

static int pane_page(const struct pane *pane)
{
	return pane->at.h > 2 ? pane->at.h - 1 : 1;
}

void pane_click_below_heading(struct scroll *s, size_t count, int row)
{
	if (row >= 1 && s->top + (size_t)row - 1 < count)
		s->sel = s->top + (size_t)row - 1;
}

bool pane_move(struct scroll *s, enum action action, const struct pane *pane, bool cursor)
{
	long page = pane_page(pane), half = pane->at.h / 2 > 0 ? pane->at.h / 2 : 1;
	long delta;
	switch (action) {
	case ACT_DOWN:
		delta = 1;
		break;
	case ACT_UP:
		delta = -1;
		break;
	case ACT_PAGE_DOWN:
		delta = page;
		break;
	case ACT_PAGE_UP:
		delta = -page;
		break;
	case ACT_HALF_DOWN:
		delta = half;
		break;
	case ACT_HALF_UP:
		delta = -half;
		break;
	case ACT_TOP:
		delta = -(long)s->count;
		break;
	case ACT_BOTTOM:
		delta = (long)s->count;
		break;
	default:
		return false;
	}
	size_t rows = pane_rows(pane);
	bool paging = delta != 1 && delta != -1 && action != ACT_TOP && action != ACT_BOTTOM;
	if (cursor && paging)
		scroll_page(s, delta, rows);
	else if (cursor)
		scroll_move(s, delta, rows);
	else
		scroll_view(s, delta, rows);
	return true;
}

bool pane_step_release(struct scroll *s, enum action action, const struct pane *pane)
{
	if (action != ACT_NEXT_RELEASE && action != ACT_PREV_RELEASE)
		return false;
	bool next = action == ACT_NEXT_RELEASE;
	if (next ? s->sel + 1 >= s->count : s->sel == 0)
		host_say(pane->host, false, "No %s release: this is the %s of the list",
		         next ? "next" : "previous", next ? "last" : "first");
	else
		scroll_move(s, next ? 1 : -1, pane_rows(pane));
	return true;
}

/* "q:quit  ": an action's first key as bound (nothing for one with no key), and
 * the gap before the next hint. */
#define HINT_GAP 2
static size_t hint(char *out, size_t size, enum action action, const char *what)
{
	char keys[64];
	keys_first_name(action, keys, sizeof keys);
	int n = keys[0] ? snprintf(out, size, "%s:%s%*s", keys, what, HINT_GAP, "") : 0;
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

size_t pane_hints_text(const struct hint *hints, int width, char *out, size_t size)
{
	/* As many as fit whole, in their order: a cut one would show a key without
	 * what it does. */
	size_t len = 0;
	out[0] = '\0';
	for (; hints && hints->action != ACT_NONE; hints++) {
		size_t n = hint(out + len, size - len, hints->action, hints->what);
		if (n && text_width(out, len + n - HINT_GAP) > (size_t)(width > 0 ? width : 0))
			break;
		len += n;
	}
	len -= len ? HINT_GAP : 0;
	out[len] = '\0';
	return len;
}

bool pane_text_init(struct pane *pane)
{
	pane->full = true;
	return (pane->state = calloc(1, sizeof(struct scroll))) != NULL;
}

void pane_text_free(struct pane *pane)
{
	free(pane->state);
}

enum pane_cursor pane_text_cursor(const struct pane *pane, int *y, int *x)
{
	*y = pane->at.y;
	*x = pane->at.x;
	return CURSOR_HIDDEN;
}

void pane_text_click(struct pane *pane, int row)
{
	(void)pane;
	(void)row;
}

bool pane_text_act(struct pane *pane, enum action action, enum action own)
{
	if (pane_move(pane->state, action, pane, false))
		return true;
	if (action == ACT_CLOSE || action == ACT_BACK || action == own) {
		pane->host->ops->remove(pane->host, pane);
		return true;
	}
	return false;
}

const struct hint pane_text_hints[] = {
        {ACT_DOWN, "down"},   {ACT_UP, "up"},   {ACT_PAGE_DOWN, "page"},
        {ACT_CLOSE, "close"}, {ACT_NONE, NULL},
};
