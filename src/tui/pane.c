#include "config.h"

#include "relview/pane.h"

#include <stdarg.h>
#include <stdio.h>

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
