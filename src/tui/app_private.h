/* app_private.h — the terminal reader's loop: it reads a key, gives it to the pane on top of
 * the stack (stack.h), runs what the key asked for that blocks, merges what
 * loaded, and draws. It is the panes' host (pane.h): it owns the model they share
 * (the display order, the filters over it, the marks) and the bottom lines. This
 * header is the loop's and its own modules' (app_export.c, live.c, bars.c,
 * command.c, host.c); no pane includes it.
 *
 * Everything here is the reader thread's alone, the display order (struct order)
 * and the lists over it included: the catalog is the loader's to write, and this
 * thread only reads it. While the inputs load, it touches the catalog only in a
 * frame, under the catalog's lock (feed.h), and merges what arrived into its
 * own order at the start of each frame; what a key asks for that could block (a
 * command, the terminal, a file, the state's lock) runs after the frame, without
 * the lock (struct effect, the due save). */
#ifndef RELVIEW_APP_PRIVATE_H
#define RELVIEW_APP_PRIVATE_H

#include "relview/app.h"

#include "relview/pane.h"
#include "relview/persist.h"
#include "relview/stack.h"
#include "relview/term.h"
#include "relview/timeline.h"
#include "relview/view.h"

#include <stdbool.h>
#include <stdint.h>

struct cli;
struct config;
struct feed;

/* LAYOUT_LIST: the list alone, the release read full screen (Enter). */
enum layout { LAYOUT_AUTO, LAYOUT_SIDE, LAYOUT_STACKED, LAYOUT_LIST };

/* What a key asked for that blocks — a command, the terminal handed over, bytes
 * for the terminal itself — prepared in the frame (the text it needs rendered under
 * the catalog lock) and run after the frame has let the lock go, so that loading
 * goes on. */
enum effect_kind { EFFECT_NONE, EFFECT_PAGER, EFFECT_PIPE, EFFECT_COPY };
struct effect {
	enum effect_kind kind;
	char *command; /* the pager or the | command; NULL for a copy */
	char *text;    /* what the command reads, or the OSC 52 sequence to send */
	size_t len;
};

/* An export under way, written a slice at a time: each frame renders the next
 * slice of its releases into memory under the lock (bounded in bytes and in
 * releases), and the slice is written after the frame. Running while path is set. */
struct export_job {
	char *path; /* as typed, for messages */
	char *file; /* the file made for it (home expanded), removed if stopped */
	int fd;
	uint32_t *ids;  /* the releases, as the list was when the key was pressed */
	size_t n, done; /* releases in it, and written */
	int format;     /* app_export.c's enum export_format */
	char *slice;    /* rendered, not yet written: the releases up to slice_end */
	size_t slice_len, slice_end;
};

struct app {
	const struct catalog *cat; /* read only: the loader's (feed.h) */
	const struct config *config;
	struct term term;
	struct order order;   /* the releases in display order: this thread's own */
	struct browse browse; /* over the order */
	struct persist persist;

	struct host host; /* what the panes see of all this */
	struct pane panes[PANE_COUNT];
	struct stack stack;

	enum layout layout;
	struct rect status, title, bottom, separator;
	bool side_by_side;
	bool list_only; /* the layout on screen: the list alone */
	char message[512];
	bool message_error;
	struct {
		struct timeline counts; /* of the list as it was at version */
		uint64_t version;       /* the browse's; 0: not counted yet */
	} spark;
	bool restricted; /* no pager, pipe or export: --restricted, or [ui] restricted */
	bool quit;
	bool worked; /* a pane did work between keys in the last frame */

	/* While the inputs load, the catalog grows between frames (feed.h). */
	struct feed *feed;   /* NULL once every release is in */
	size_t known;        /* releases the list, the marks and the resume search cover */
	bool touched;        /* a key was pressed: the selection stays on its release */
	bool resume_pending; /* the release the list was on last time is not in yet */
	bool told_problems;
	char *problems; /* the problem lines so far (feed_problem_lines), for the pane */
	size_t problems_len;

	/* Run after the frame, without the catalog lock (see struct effect). */
	struct effect effect;
	struct export_job export;
	/* What the export prompt opens with: a name for the release, or the name of a
	 * file that was there (export_taken), to change. */
	struct edit export_name;
	bool export_taken;
	bool save_due; /* the marks are to be saved after this frame */
};

/* The loop's own services, for its modules. */
void app_message(struct app *app, bool error, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
/* The release in front (the stack's), or under the list cursor; NULL when none. */
const struct release *app_selected(const struct app *app);
const struct release *app_list_selected(const struct app *app);

/* The host the panes see (host.c); a pane taken off the stack and closed; a mark
 * changed (saved later). */
extern const struct host_ops app_host_ops;
void app_remove_pane(struct host *host, struct pane *pane);
void app_mark(struct host *host, const struct release *r, uint8_t flags, uint32_t line);

/* The loading merge (live.c): take the catalog for a frame and bring the list
 * up to date with what arrived (true while loading, and on the frame it ended:
 * the title's progress is to be drawn again), and let it go. The marks and the resume point over
 * the releases in so far are taken once at the start (live_begin; false when out of memory). */
bool live_begin(struct app *app, const struct cli *cli);
bool live_enter(struct app *app);
void live_leave(struct app *app);

/* The title, status and bottom lines (bars.c); a message too long for the bottom
 * line, wrapped over the rows above it with the status line above that (after the
 * panes are drawn). */
void bars_draw(struct app *app);
void bars_draw_long_message(struct app *app);

/* The command line's prompt (command.c): a date, a row, topic NAME, location NAME. */
void command_open(struct app *app);

/* Export and hand-over (app_export.c): in restricted mode each says so and does
 * nothing. These, in the frame, render what they need and leave it as
 * app->effect; app_effect_run() does it after the frame, with no lock held. */
/* The selected release in $PAGER (less when unset), as --print prints it. */
void app_pager(struct app *app);
/* The pipe and export prompts: a command to give the selected release to (as
 * --print prints it; the user reads what it printed and presses Enter), or a file
 * for the selected release or every release in the list. */
void app_ask_pipe(struct app *app);
void app_ask_export(struct app *app, bool whole_list);
/* Run the effect asked for, if any, and say how it went (app->message); it uses
 * nothing of the catalog. app_effect_drop() forgets one not run. */
void app_effect_run(struct app *app);
void app_effect_drop(struct app *app);
/* An export is made at once (never over a file that is there), and filled a slice
 * at a time (struct export_job): app_export_slice() renders the next slice in the
 * frame, app_export_write() writes it after the frame and says how far it is.
 * app_export_stop() ends one under way, removes the partial file and says so
 * (app->message). A new export stops the one under way. */
bool app_export_running(const struct app *app);
void app_export_slice(struct app *app);
bool app_export_write(struct app *app);
void app_export_stop(struct app *app);
/* Copy the title, the source or the release (ACT_COPY_*) to the clipboard with
 * OSC 52, where the terminal takes it ([ui] clipboard). */
void app_copy(struct app *app, enum action what);

#endif
