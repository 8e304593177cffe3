/* prompt — the one-line prompts of the bottom line, as one module with the
 * behaviour of each kind its own (struct prompt_kind), in the spirit of htop's
 * IncSet: the list search, find in the release, the date range, the command line,
 * the pipe and export prompts and a picker's narrowing text are kinds, each
 * defined beside what it acts on. The module edits the text, walks the history,
 * draws the line and calls the kind's hooks. The prompt pane (pane_prompt_ops)
 * holds a prompt on the stack; a picker holds its own. */
#ifndef RELVIEW_PROMPT_H
#define RELVIEW_PROMPT_H

#include "relview/pane.h"

#include <stdbool.h>
#include <stddef.h>

/* Every hook but label may be NULL. ctx is the kind's own (given to prompt_open). */
struct prompt_kind {
	const char *(*label)(void *ctx);
	/* It opens: what it starts with in `edit` (empty else), what to go back to. */
	void (*open)(void *ctx, struct edit *edit);
	/* The text changed as it was typed (an incremental search narrows). */
	void (*changed)(void *ctx, const struct edit *edit);
	/* Enter (the prompt is off the stack by then), or Esc. */
	void (*accept)(void *ctx, const struct edit *edit);
	void (*cancel)(void *ctx);
	/* What it found so far, after the text ("[3 matches]"); out is "" else. */
	void (*found)(void *ctx, const struct edit *edit, char *out, size_t size);
	/* The lines typed before, for Up and Down; NULL: none. */
	struct history *(*history)(void *ctx);
	/* A question the label asks, answered by a key: y accepts; n and the cancel
	 * keys cancel; any other key is let go by (a resize, a slip of the finger). */
	bool question;
};

struct prompt {
	const struct prompt_kind *kind;
	void *ctx;
	struct edit edit;
};

enum prompt_end { PROMPT_TYPING, PROMPT_ACCEPTED, PROMPT_CANCELLED };

void prompt_open(struct prompt *p, const struct prompt_kind *kind, void *ctx);
/* A key typed: edits the text (calling changed), or ends the prompt; the caller
 * then takes it away and calls prompt_finish, which runs accept or cancel. */
enum prompt_end prompt_key(struct prompt *p, int key);
void prompt_finish(struct prompt *p, enum prompt_end end);
/* The prompt on row y, w cells wide; returns the column the cursor goes to. */
int prompt_draw(const struct prompt *p, int y, int w);

/* The prompt pane: the prompt given, on the bottom line, with the keys until it
 * ends. */
void pane_prompt_start(struct pane *pane, const struct prompt_kind *kind, void *ctx);

#endif
