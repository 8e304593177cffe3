/* fake_term — the terminal module (term.h) without a terminal, for tests of the
 * event loop and the panes: what is drawn lands in a grid of cells, the keys come
 * from a script, and a command or the clipboard is only noted. Keys are given only
 * when the loop would wait for one (its work between keys done), so a script runs
 * the same way every time; once it is used up, the loop is asked to stop as by
 * SIGTERM. */
#ifndef RELVIEW_TEST_FAKE_TERM_H
#define RELVIEW_TEST_FAKE_TERM_H

#include "relview/keys.h"
#include "relview/term.h"

#include <stddef.h>

#define FAKE_LINES_MAX 60
#define FAKE_COLS_MAX  200
/* In a script: keep the screen as it is now (fake_snapshot(k), k counting from 0). */
#define FAKE_SNAP (-100)
/* In a script: the next mouse event of fake_term_mice(). */
#define FAKE_MOUSE     KEYCODE_FN(SPECIAL_MOUSE)
#define FAKE_SNAPS_MAX 16

/* A new screen of lines × cols, and the keys to press (FAKE_SNAP among them). */
void fake_term_start(int lines, int cols, const int *keys, size_t n);
void fake_term_mice(const struct mouse *mice, size_t n);

/* Line y of snapshot k as text, trailing blanks cut; the role of a cell there. */
const char *fake_line(int k, int y);
enum role fake_role(int k, int y, int x);
/* The first line of snapshot k holding text, or -1. */
int fake_find(int k, const char *text);
/* Where the cursor was left in snapshot k. */
void fake_cursor(int k, int *y, int *x, int *visible);
int fake_snapshots(void);

/* The last command run (term_run) and what it was given; NULL when none. */
const char *fake_ran(void);
const char *fake_ran_input(void);

#endif
