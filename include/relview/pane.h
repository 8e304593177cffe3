/* pane — what every part of the screen is: the list, the reader, the related
 * releases, the timeline, a picker, help and a prompt are instances of one ops
 * table, each with its own state behind pane->state. A pane sees the rest of the
 * program only through its host (struct host): the shared model it reads (the
 * catalog, the filters, the marks) and a few services the loop implements (say
 * something, the release in front, select a row, open a prompt, move a pane on the
 * stack). Which pane has the keys and what is drawn over what is the pane stack's
 * alone (stack.h): the top has the keys, and panes are drawn bottom up. */
#ifndef RELVIEW_PANE_H
#define RELVIEW_PANE_H

#include "relview/keys.h"
#include "relview/theme.h"
#include "relview/view.h"

#include <stdbool.h>
#include <stdint.h>

struct config;
struct prompt_kind;

struct rect {
	int y, x, h, w;
};

/* Every pane there is, one instance each. */
enum pane_id {
	PANE_LIST,
	PANE_READER,
	PANE_RELATED,
	PANE_TIMELINE,
	PANE_PICKER,
	PANE_HELP,
	PANE_PROBLEMS,
	PANE_PROMPT,
	PANE_COUNT
};

/* "q:quit" on the bottom line: an action and what it does there. */
struct hint {
	enum action action;
	const char *what;
};

/* Where the terminal's cursor rests while a pane has the keys. */
enum pane_cursor {
	CURSOR_BELOW,  /* the pane below it says */
	CURSOR_HIDDEN, /* there, not shown (screen readers follow it) */
	CURSOR_SHOWN,  /* there, shown: the pane takes text */
};

struct pane;

/* A pane that lets every action it does not take on down (the list, the reader). */
#define PASSES_ALL (SCOPE_BIT(SCOPE_ANY) | SCOPE_BIT(SCOPE_LIST) | SCOPE_BIT(SCOPE_RELEASE))

/* Every op but draw may be NULL: the pane has nothing to do there. */
struct pane_ops {
	const char *name;         /* the status line's name for it */
	enum key_context keys;    /* the bindings its keys are looked up in */
	unsigned passes;          /* SCOPE_BIT()s of the actions it does not take that go
	                             on down the stack (keys.h enum key_scope) */
	const struct hint *hints; /* the bottom line's while it is the top one that has
	                             any; ends with ACT_NONE */
	/* Make and free its state; init is false when out of memory. */
	bool (*init)(struct pane *pane);
	void (*free)(struct pane *pane);
	/* Asked to come up (`how` is the pane's own: a facet kind, say): true when it
	 * goes on the stack now; false when it said why not, or comes up later by
	 * itself (host raise). close: it was taken off the stack. */
	bool (*open)(struct pane *pane, int how);
	void (*close)(struct pane *pane);
	/* A key came, before anything acts on it. */
	void (*keyed)(struct pane *pane);
	/* Releases arrived (the inputs still loading): the catalog grew. */
	void (*arrived)(struct pane *pane);
	/* Work between keys, a bounded slice at a time: true when it did some (the
	 * screen is drawn again, and the loop comes back at once). */
	bool (*idle)(struct pane *pane);
	/* Before a frame is drawn, in pane_id order whether stacked or not: follow the
	 * model (the selection, the release shown, the size). */
	void (*sync)(struct pane *pane);
	/* Draw the whole rectangle. */
	void (*draw)(struct pane *pane);
	/* A key as typed, for a pane that takes text; without it, keys are looked up
	 * in `keys` and given to act. */
	void (*key)(struct pane *pane, int key);
	/* Do an action; false when it means nothing here. */
	bool (*act)(struct pane *pane, enum action action);
	enum pane_cursor (*cursor)(const struct pane *pane, int *y, int *x);
	/* A click on row `row` of the pane (0: its top); without it, the mouse does
	 * nothing while the pane has the keys. */
	void (*click)(struct pane *pane, int row);
	/* How far down the status line's place is, 0..100, or -1 for a pane whose
	 * place the status line gives otherwise (the list: its row); without it, the
	 * status line speaks of the pane below. */
	int (*percent)(const struct pane *pane);
	/* The release in front, when the pane has one (else the pane below's). */
	bool (*selected)(const struct pane *pane, uint32_t *id);
};

struct host;

struct pane {
	const struct pane_ops *ops;
	struct host *host;
	void *state; /* the pane's own, made by init */
	struct rect at;
	int max_text; /* the widest its text is laid out, 0: as wide as it is */
	bool full;    /* it covers the whole body: nothing under it is drawn */
};

/* What the loop gives the panes. */
struct host_ops {
	void (*say)(struct host *host, bool error, const char *text);
	/* The release in front (under the related list's cursor while that is up,
	 * else the list's); the release the list follows, the selection as the user
	 * made it (false before any). */
	bool (*selected)(struct host *host, uint32_t *id);
	bool (*anchor)(struct host *host, uint32_t *id);
	/* Move the list cursor to row `index`. */
	void (*select)(struct host *host, size_t index);
	/* A prompt on the bottom line (prompt.h), with the keys until it ends. */
	void (*prompt)(struct host *host, const struct prompt_kind *kind, void *ctx);
	struct pane *(*pane)(struct host *host, enum pane_id id);
	/* The stack: to the top (it has the keys), to the bottom, off it. */
	void (*raise)(struct host *host, struct pane *pane);
	void (*lower)(struct host *host, struct pane *pane);
	void (*remove)(struct host *host, struct pane *pane);
	bool (*above)(struct host *host, const struct pane *a, const struct pane *b);
	/* The marks: the line a release was read to, and a release's flags and line
	 * changed (saved a little later). */
	uint32_t (*saved_line)(struct host *host, const struct release *r);
	void (*mark)(struct host *host, const struct release *r, uint8_t flags, uint32_t line);
	/* Mark releases read at once (mark all read), saved as mark's are; *marked:
	 * how many were unread. False when out of memory. */
	bool (*mark_read)(struct host *host, const uint32_t *ids, size_t n, size_t *marked);
	/* The searches typed before (the list's and the reader's find share them), for
	 * Up and Down, and one more typed (kept across runs). */
	struct history *(*searches)(struct host *host);
	void (*searched)(struct host *host, const struct edit *line);
	void (*quit)(struct host *host);
};

struct host {
	const struct host_ops *ops;
	/* The model the panes share, read only but for the filters. */
	const struct catalog *cat;
	const struct config *config;
	struct browse *browse;
	const uint8_t *marks; /* per release id: enum state_flag bits */
	bool utf8;            /* the terminal draws UTF-8 */
	bool oldest_first;    /* the list's date order */
	bool loading;         /* releases still arrive between frames */
	/* Problems reading the inputs so far: their lines ("relview: INPUT: ENTRY:
	 * why\n" each; NULL: none) and how many (some may have no line). */
	const char *problems;
	unsigned long long nproblems;
};

/* The host's services, as the panes call them. */
void host_say(struct host *host, bool error, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* The release in front, or NULL. */
const struct release *host_selected(struct host *host);
uint32_t host_id(const struct host *host, const struct release *r);

extern const struct pane_ops pane_list_ops, pane_reader_ops, pane_picker_ops, pane_help_ops,
        pane_related_ops, pane_timeline_ops, pane_prompt_ops;
extern const struct pane_ops pane_problems_ops;

/* Blank cells each side of the reader's text (none when it is narrow), and the
 * width the text is laid out at (at most max_text). */
int pane_margin(const struct pane *pane);
int pane_text_width(const struct pane *pane);

/* A pane's hints as the bottom line shows them ("q:back  /:find"): each action's
 * first key as bound, as many hints as fit whole in `width` cells. Returns the
 * length written into out. */
size_t pane_hints_text(const struct hint *hints, int width, char *out, size_t size);

/* What a full-screen pane of text that scrolls and has no rows to choose (help, the
 * problems) does the same: its state a struct scroll, the cursor hidden at its top
 * left, no clicks (the wheel scrolls it), and its hints. */
bool pane_text_init(struct pane *pane);
void pane_text_free(struct pane *pane);
enum pane_cursor pane_text_cursor(const struct pane *pane, int *y, int *x);
void pane_text_click(struct pane *pane, int row);
extern const struct hint pane_text_hints[];
/* Its actions: movement scrolls it; q, Esc and the key that opened it (`own`)
 * close it. */
bool pane_text_act(struct pane *pane, enum action action, enum action own);

/* Rows of a pane, at least one. */
size_t pane_rows(const struct pane *pane);

/* A click on row `row` of a pane whose rows of `count` items are below a heading:
 * the cursor goes to the item there, if there is one. */
void pane_click_below_heading(struct scroll *s, size_t count, int row);

/* Move a scroll (with a cursor when `cursor`, else the view) as a movement action
 * says; false when the action is no movement. */
bool pane_move(struct scroll *s, enum action action, const struct pane *pane, bool cursor);

/* The next or previous release of a list (its cursor s), as J and K ask from the
 * list or from the reader above it; at either end it says so. False when the
 * action is neither. */
bool pane_step_release(struct scroll *s, enum action action, const struct pane *pane);

/* The list pane's selection, for the loop: the row the cursor is on, a release to
 * follow (the one the list was on last time), and whether it follows one. */
void pane_list_select(struct pane *pane, size_t index);
void pane_list_follow(struct pane *pane, uint32_t id);
bool pane_list_anchor(const struct pane *pane, uint32_t *id);
/* The row the list's cursor is on (0: the first), for the status line. */
size_t pane_list_row(const struct pane *pane);

#endif
