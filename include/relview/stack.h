/* stack — the panes that are up, bottom to top: the only thing that decides which
 * pane has the keys (the top), what an action the top does not take goes through
 * on its way down (each pane's `passes`), and the order panes are drawn in
 * (bottom up, from the topmost that covers the whole body). A pane is on it at
 * most once. */
#ifndef RELVIEW_STACK_H
#define RELVIEW_STACK_H

#include "relview/pane.h"

#include <stdbool.h>
#include <stddef.h>

struct stack {
	struct pane *items[PANE_COUNT]; /* [0]: the bottom */
	size_t n;
};

struct pane *stack_top(const struct stack *s);
bool stack_has(const struct stack *s, const struct pane *pane);
/* To the top, put on it when it was not. */
void stack_raise(struct stack *s, struct pane *pane);
/* To the bottom, put on it when it was not. */
void stack_lower(struct stack *s, struct pane *pane);
/* Off it, when it was on it. */
void stack_remove(struct stack *s, struct pane *pane);
/* a is above b; false when either is not on it. */
bool stack_above(const struct stack *s, const struct pane *a, const struct pane *b);
/* The first pane drawn: the topmost that covers the body (the bottom when none). */
size_t stack_first_drawn(const struct stack *s);

/* The topmost pane that says where the status line is (has percent), has hints,
 * or has a release in front (*id); NULL when none. */
const struct pane *stack_place(const struct stack *s);
const struct hint *stack_hints(const struct stack *s);
bool stack_selected(const struct stack *s, uint32_t *id);

/* An action the top pane does not take goes down to each pane below while the
 * ones above let its scope pass; true when one took it, *reached (else) when it
 * went through them all, to the loop. */
bool stack_act(const struct stack *s, enum action action, bool *reached);

/* The pane drawn under a cell, from the top; NULL when none. */
struct pane *stack_at(const struct stack *s, int y, int x);

#endif
