/* scroll — a cursor and a first visible row over a number of rows: the list's, a
 * picker's and the reader's (which has no cursor), kept on screen as they move. */
#ifndef RELVIEW_SCROLL_H
#define RELVIEW_SCROLL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct scroll {
	size_t count; /* rows in all */
	size_t sel;   /* the cursor row (lists) */
	size_t top;   /* first visible row */
};

/* Move the cursor by delta rows (clamped) and keep it on screen (`rows` visible). */
void scroll_move(struct scroll *s, long delta, size_t rows);
/* Put the cursor on row `to` (clamped) and keep it on screen. */
void scroll_set(struct scroll *s, size_t to, size_t rows);
/* Scroll the view by delta rows without a cursor (the reader): the last page never
 * leaves blank rows below the end when the content is taller than the screen. */
void scroll_view(struct scroll *s, long delta, size_t rows);
/* Move the cursor and the view together by delta rows (page moves in a list). */
void scroll_page(struct scroll *s, long delta, size_t rows);
/* Re-establish the invariants after count or rows changed. */
void scroll_fit(struct scroll *s, size_t rows);
/* How far down the content the bottom of the view is, 0..100. */
int scroll_percent(const struct scroll *s, size_t rows);

#endif
