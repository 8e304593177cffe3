#include "config.h"

#include "relview/pane.h"

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

int pane_page(const struct pane *pane)
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
	size_t rows = (size_t)(pane->at.h > 0 ? pane->at.h : 1);
	bool paging = delta != 1 && delta != -1 && action != ACT_TOP && action != ACT_BOTTOM;
	if (cursor && paging)
		scroll_page(s, delta, rows);
	else if (cursor)
		scroll_move(s, delta, rows);
	else
		scroll_view(s, delta, rows);
	return true;
}
