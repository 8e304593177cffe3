/* pane — what every part of the screen is: the list, the reader, a picker and the
 * help screen are instances of one ops table. The app lays them out in rectangles,
 * sends each the actions its keys name, and asks each to draw itself. */
#ifndef RELVIEW_PANE_H
#define RELVIEW_PANE_H

#include "relview/keys.h"
#include "relview/theme.h"
#include "relview/view.h"

#include <stdbool.h>

struct app;

struct rect {
	int y, x, h, w;
};

struct pane;

struct pane_ops {
	const char *name;
	enum key_context keys; /* the bindings its keys are looked up in */
	/* Draw the whole rectangle. */
	void (*draw)(struct app *app, struct pane *pane);
	/* Do an action; false when it means nothing here (the app then tries it). */
	bool (*act)(struct app *app, struct pane *pane, enum action action);
	/* Where the terminal's cursor rests when the pane has focus. */
	void (*cursor)(const struct app *app, const struct pane *pane, int *y, int *x);
	/* A click on row `row` of the pane (0: its top): select what is there, or give
	 * the pane the keys. */
	void (*click)(struct app *app, struct pane *pane, int row);
};

struct pane {
	const struct pane_ops *ops;
	struct rect at;
	int max_text; /* the widest its text is laid out, 0: as wide as it is */
};

extern const struct pane_ops pane_list_ops, pane_reader_ops, pane_picker_ops, pane_help_ops,
        pane_related_ops, pane_timeline_ops;

/* The list's columns at a width, and one release drawn as a row of them: the
 * related releases are listed as the list lists them. */
void pane_list_columns(const struct app *app, size_t width, struct columns *c);
void pane_list_row(const struct app *app, const struct release *r, int y, int x,
                   const struct columns *c, enum role role);

/* Rows of the help screen. */
size_t pane_help_rows(void);

/* Blank cells each side of the reader's text (none when it is narrow), and the
 * width the text is laid out at (at most max_text). */
int pane_margin(const struct pane *pane);
int pane_text_width(const struct pane *pane);

/* Rows a page move covers in a pane of h rows: all but one, so a line of context
 * stays; at least one. */
int pane_page(const struct pane *pane);

/* A click on row `row` of a pane whose rows of `count` items are below a heading:
 * the cursor goes to the item there, if there is one. */
void pane_click_below_heading(struct scroll *s, size_t count, int row);

/* Move a scroll (with a cursor when `cursor`, else the view) as a movement action
 * says; false when the action is no movement. */
bool pane_move(struct scroll *s, enum action action, const struct pane *pane, bool cursor);

#endif
