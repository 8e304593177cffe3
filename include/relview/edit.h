/* edit — a one-line text editor for prompts, and the history of lines typed
 * before (Up and Down). Text is UTF-8; no control character gets in. */
#ifndef RELVIEW_EDIT_H
#define RELVIEW_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- edit: a one-line prompt ------------------------------------------------------ */

#define EDIT_MAX 256

struct edit {
	char text[EDIT_MAX]; /* UTF-8, NUL-terminated */
	size_t len;
	/* The whole text is selected (a prompt opened with it): the next character
	 * typed replaces it; erasing or a key that moves keeps it (edit_unselect). */
	bool selected;
};

/* ---- history: lines typed before, oldest first ----------------------------------- */

#define HISTORY_MAX 100

struct history {
	struct edit items[HISTORY_MAX];
	size_t n;
	size_t pos;        /* the line Up and Down are on; n: the one being typed */
	struct edit typed; /* what was being typed when Up was first pressed */
};

/* Add a line at the end (not an empty one, nor the last again: false then); the
 * oldest goes when it is full. Browsing starts again from the end. The text is
 * taken through edit_insert, so a line read from a file holds no control
 * characters (it ends at the first). */
bool history_add(struct history *h, const char *text, size_t len);
/* Up (older) or Down (newer): put that line into e; false when there is none. */
bool history_step(struct history *h, bool older, struct edit *e);

/* Append a code point, or put it in place of the selected text (false when it is a
 * control or does not fit). */
bool edit_insert(struct edit *e, uint32_t cp);
/* Remove the last character, with its combining marks; false when empty. The rest
 * is no longer selected. */
bool edit_erase(struct edit *e);
/* The text, not selected. */
void edit_set(struct edit *e, const char *s, size_t n);
/* Select the whole text (when there is some), or keep it as text to edit. */
void edit_select(struct edit *e);
void edit_unselect(struct edit *e);

#endif
