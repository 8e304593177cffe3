#include "config.h"

#include "relview/scroll.h"

static size_t last_top(const struct scroll *s, size_t rows)
{
	return s->count > rows ? s->count - rows : 0;
}

void scroll_fit(struct scroll *s, size_t rows)
{
	if (rows == 0)
		rows = 1;
	if (s->count == 0) {
		s->sel = s->top = 0;
		return;
	}
	if (s->sel >= s->count)
		s->sel = s->count - 1;
	if (s->top > last_top(s, rows))
		s->top = last_top(s, rows);
	if (s->sel < s->top)
		s->top = s->sel;
	if (s->sel >= s->top + rows)
		s->top = s->sel - rows + 1;
}

void scroll_set(struct scroll *s, size_t to, size_t rows)
{
	s->sel = to;
	scroll_fit(s, rows);
}

void scroll_move(struct scroll *s, long delta, size_t rows)
{
	if (delta < 0)
		scroll_set(s, (size_t)-delta > s->sel ? 0 : s->sel - (size_t)-delta, rows);
	else
		scroll_set(s, s->sel + (size_t)delta, rows);
}

void scroll_view(struct scroll *s, long delta, size_t rows)
{
	size_t top = s->top;
	if (delta < 0)
		top = (size_t)-delta > top ? 0 : top - (size_t)-delta;
	else
		top += (size_t)delta;
	s->top = top < last_top(s, rows) ? top : last_top(s, rows);
	s->sel = s->top;
}

void scroll_page(struct scroll *s, long delta, size_t rows)
{
	size_t sel = s->sel;
	scroll_view(s, delta, rows);
	s->sel = sel;
	scroll_move(s, delta, rows);
}

int scroll_percent(const struct scroll *s, size_t rows)
{
	if (s->count == 0 || s->top + rows >= s->count)
		return 100;
	return (int)((s->top + rows) * 100 / s->count);
}
