#include "config.h"

#include "relview/stack.h"

#include <string.h>

struct pane *stack_top(const struct stack *s)
{
	return s->n ? s->items[s->n - 1] : NULL;
}

static size_t index_of(const struct stack *s, const struct pane *pane)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->items[i] == pane)
			return i;
	return s->n;
}

bool stack_has(const struct stack *s, const struct pane *pane)
{
	return index_of(s, pane) < s->n;
}

void stack_remove(struct stack *s, struct pane *pane)
{
	size_t i = index_of(s, pane);
	if (i == s->n)
		return;
	memmove(&s->items[i], &s->items[i + 1], (s->n - i - 1) * sizeof *s->items);
	s->n--;
}

void stack_raise(struct stack *s, struct pane *pane)
{
	stack_remove(s, pane);
	s->items[s->n++] = pane;
}

void stack_lower(struct stack *s, struct pane *pane)
{
	stack_remove(s, pane);
	memmove(&s->items[1], &s->items[0], s->n * sizeof *s->items);
	s->items[0] = pane;
	s->n++;
}

bool stack_above(const struct stack *s, const struct pane *a, const struct pane *b)
{
	size_t ia = index_of(s, a), ib = index_of(s, b);
	return ia < s->n && ib < s->n && ia > ib;
}

size_t stack_first_drawn(const struct stack *s)
{
	for (size_t i = s->n; i-- > 0;)
		if (s->items[i]->full)
			return i;
	return 0;
}

const struct pane *stack_place(const struct stack *s)
{
	for (size_t i = s->n; i-- > 0;)
		if (s->items[i]->ops->percent)
			return s->items[i];
	return NULL;
}

const struct hint *stack_hints(const struct stack *s)
{
	for (size_t i = s->n; i-- > 0;)
		if (s->items[i]->ops->hints)
			return s->items[i]->ops->hints;
	return NULL;
}

bool stack_selected(const struct stack *s, uint32_t *id)
{
	for (size_t i = s->n; i-- > 0;) {
		const struct pane *p = s->items[i];
		if (p->ops->selected && p->ops->selected(p, id))
			return true;
	}
	return false;
}

bool stack_act(const struct stack *s, enum action action, bool *reached)
{
	unsigned scope = SCOPE_BIT(key_table[action].scope);
	*reached = false;
	for (size_t i = s->n; i-- > 0;) {
		struct pane *p = s->items[i];
		if (p->ops->act && p->ops->act(p, action))
			return true;
		if (!(p->ops->passes & scope))
			return false;
	}
	*reached = true;
	return false;
}

static bool inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

struct pane *stack_at(const struct stack *s, int y, int x)
{
	size_t first = stack_first_drawn(s);
	for (size_t i = s->n; i-- > first;)
		if (inside(&s->items[i]->at, y, x))
			return s->items[i];
	return NULL;
}
