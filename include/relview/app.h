/* app — the terminal reader: its state, and the event loop that turns keys into
 * actions, actions into state, state into a layout and the layout into a screen.
 * Everything here is the reader thread's alone, the display order (struct order)
 * and the lists over it included: the catalog is the loader's to write, and this
 * thread only reads it. While the inputs load, it touches the catalog only in a
 * frame, under the catalog's lock (loading.h), and merges what arrived into its
 * own order at the start of each frame; what a key asks for that could block (a
 * command, the terminal, a file, the state's lock) runs after the frame, without
 * the lock (struct effect, the due save). */
#ifndef RELVIEW_APP_H
#define RELVIEW_APP_H

#include "relview/pane.h"
#include "relview/related.h"
#include "relview/state.h"
#include "relview/term.h"
#include "relview/timeline.h"
#include "relview/view.h"

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

struct cli;
struct config;
struct loading;

enum prompt_kind {
	PROMPT_NONE,
	PROMPT_SEARCH,
	PROMPT_FIND,
	PROMPT_DATES,
	PROMPT_PICK,
	PROMPT_PIPE,
	PROMPT_EXPORT,
	PROMPT_EXPORT_LIST,
	PROMPT_COMMAND,
};
enum focus { FOCUS_LIST, FOCUS_READER };
enum layout { LAYOUT_AUTO, LAYOUT_SIDE, LAYOUT_STACKED };

struct prompt {
	enum prompt_kind kind;
	struct edit edit;
	struct edit before; /* the search or find text to go back to on Esc */
	uint32_t anchor;    /* the list selection to go back to */
	size_t reader_top;  /* the reader position to go back to */
};

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
	size_t width;   /* plain text wraps at the width of the key press */
	char *slice;    /* rendered, not yet written: the releases up to slice_end */
	size_t slice_len, slice_end;
};

/* The releases related to one, over the list until the user goes back. */
struct related_list {
	struct related *items;
	size_t n;
	struct scroll cursor;
	uint32_t of;      /* the release they are related to */
	bool pending;     /* asked for: found once the screen said so (the first time
	                     builds the index of names) */
	bool open;        /* the related pane is up */
	bool reading;     /* the reader shows the one under the cursor, full screen */
	enum focus focus; /* where the user was, to go back to */
	bool zoomed;
};

struct app {
	const struct catalog *cat; /* read only: the loader's (loading.h) */
	const struct config *config;
	struct term term;
	struct order order;   /* the releases in display order: this thread's own */
	struct browse browse; /* over the order */

	struct scroll list; /* over browse_list() */
	uint32_t anchor;    /* the selected release id; the list follows it */
	bool have_anchor;

	struct doc doc; /* the selected release, laid out for the reader */
	struct scroll reader;
	uint8_t *marks;     /* per release id: enum state_flag bits, as the state has them */
	uint32_t auto_read; /* the release last marked read by opening it; UINT32_MAX: none */
	struct state state; /* the marks remembered across runs */
	bool marks_unsaved; /* changed since the state was last saved */
	struct timespec marks_changed; /* the first change not saved yet */
	char *state_dir;               /* where they are kept; NULL: nowhere (nothing is saved) */
	struct edit find;              /* find-in-release text; len 0: none */
	size_t find_current;           /* index of the current match; nmatches or more: none yet */

	struct picker picker;
	bool picking;
	struct scroll help;
	bool help_open;
	struct related_index *related_index; /* built on the first use */
	struct related_list related;
	struct {
		bool open;
		enum timeline_unit unit;
		struct timeline counts; /* counted when it opened, and when releases arrived */
		uint64_t version;       /* the browse's when they were counted */
		struct scroll cursor;   /* over its bars, in the list's date order */
	} timeline;
	struct {
		struct timeline counts; /* of the list as it was at version */
		uint64_t version;       /* the browse's; 0: not counted yet */
	} spark;

	enum focus focus;
	enum layout layout;
	bool zoomed; /* the reader takes the whole screen */
	struct prompt prompt;
	char message[200];
	bool message_error;

	struct pane list_pane, reader_pane, picker_pane, help_pane, related_pane, timeline_pane;
	struct rect status, title, bottom, separator;
	bool side_by_side;
	bool list_months; /* the list has room for month separators */
	struct {
		const uint32_t *list; /* the list they were counted for */
		size_t n;
		bool dense; /* enough releases a month for separators to help */
	} months;
	bool restricted; /* no pager, pipe or export: --restricted, or [ui] restricted */
	bool oldest_first;
	struct history history; /* of the command line, across runs */
	size_t history_added;   /* lines added this run: the last ones */
	bool quit;

	/* While the inputs load, the catalog grows between frames (loading.h). */
	struct loading *loading; /* NULL once every release is in */
	size_t known;            /* releases the list, the marks and the resume search cover */
	uint32_t doc_id;         /* doc.release as an id between frames: the array may move */
	bool arrived;            /* releases joined the list since the last layout */
	bool touched;            /* a key was pressed: the selection stays on its release */
	bool resume_pending;     /* the release the list was on last time is not in yet */
	bool told_problems;

	/* Run after the frame, without the catalog lock (see struct effect). */
	struct effect effect;
	struct export_job export;
	bool save_due; /* the marks are to be saved after this frame */
};

/* Run the reader over a catalog with a configuration (its layout, columns,
 * date format, wrap width); notice ("" for none) is shown at the start. With
 * `loading` (else NULL), the catalog is still loading: the list grows as releases
 * arrive, the title line shows the progress, and the reader quits by itself when
 * loading ends with nothing read. Returns the exit status. */
int app_run(const struct catalog *cat, struct loading *loading, const struct cli *cli,
            const struct config *config, const char *notice);

/* For the panes. */
void app_message(struct app *app, bool error, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));
void app_select(struct app *app, size_t index); /* move the list cursor there */
void app_open_prompt(struct app *app, enum prompt_kind kind);
void app_find_step(struct app *app, bool forward);
void app_close_picker(struct app *app);
/* The name of the first key bound to an action ("" when none), for hints and
 * messages that name a key, so that rebound keys show as they are. */
void app_key_name(enum action action, char *out, size_t size);
/* The releases related to the release in front (pane_related.c): asked for, found
 * once the index of names is built, gone back from. */
void app_related_ask(struct app *app);
void app_related_find(struct app *app);
void app_related_close(struct app *app);

/* The release in front: under the related list's cursor while that is up, else
 * under the list cursor; NULL when the list is empty. */
const struct release *app_selected(const struct app *app);

/* The timeline (pane_timeline.c): count the releases the filters but the dates
 * leave and open it on the selected release's month; a message instead when none
 * of them has a date. */
void app_open_timeline(struct app *app);

/* Export and hand-over (app_export.c). In restricted mode each says so and does
 * nothing; app_refuses() is that test. */
bool app_refuses(struct app *app);
/* These three, in the frame, render what they need and leave it as app->effect;
 * app_effect_run() does it after the frame, with no lock held. */
/* The selected release in $PAGER (less when unset), as --print prints it. */
void app_pager(struct app *app);
/* The selected release, as --print prints it, on a command's standard input; the
 * user reads what it printed and presses Enter. */
void app_pipe(struct app *app, const char *command);
/* Run the effect asked for, if any, and say how it went (app->message); it uses
 * nothing of the catalog. app_effect_drop() forgets one not run. */
void app_effect_run(struct app *app);
void app_effect_drop(struct app *app);
/* The selected release, or every release in the list, to a new file: Markdown for
 * .md, JSON Lines (as --list --format=json) for .jsonl or .json, else plain text
 * as --print prints it. The file is made at once (never one that is there), and
 * filled a slice at a time (struct export_job): app_export_slice() renders the
 * next slice in the frame, app_export_write() writes it after the frame and says
 * how far it is. app_export_stop() ends one under way, removes the partial file
 * and says so (app->message). A new export stops the one under way. */
void app_export(struct app *app, const char *path, bool whole_list);
bool app_export_running(const struct app *app);
void app_export_slice(struct app *app);
bool app_export_write(struct app *app);
void app_export_stop(struct app *app);
/* Copy the title, the source or the release (ACT_COPY_*) to the clipboard with
 * OSC 52, where the terminal takes it ([ui] clipboard). */
void app_copy(struct app *app, enum action what);

#endif
