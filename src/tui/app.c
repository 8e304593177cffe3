/* The event loop: a key → the pane on top of the stack → what it asked for → the
 * loading merge → the screen. The loop is the panes' host (pane.h). */
#include "config.h"

#include "app_private.h"

#include "relview/cli.h"
#include "relview/config.h"
#include "relview/elapsed.h"
#include "relview/feed.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Side by side from this width on, unless the user chose. */
#define SIDE_BY_SIDE_COLS 140
/* Narrower than this, two panes side by side leave neither room to read. */
#define SIDE_BY_SIDE_MIN_COLS 80
/* Stacked, the release gets at least this many rows, or (auto) the list is shown
 * alone and Enter reads full screen, as in neomutt and tig: a preview is worth the
 * list's room only with its header (the title, a line of date, place and topics, a
 * blank: 3 rows, 4 with a title of two lines) and 6 rows of text under it. The
 * split gives the release 3/5 of the rows under the title bar, so with the title,
 * status and message bars and the rule between the panes that is a terminal of 20
 * lines: 80x24 is split (9 rows of text), 80x19 shows the list alone. */
#define STACKED_READER_MIN_ROWS 10
/* While loading, the list takes in what arrived and the progress is redrawn this
 * often (and at every key). */
#define LOADING_FRAME_MS 150
/* Releases an incremental search tests between looks at the clock. */
#define SEARCH_STEP 1024
/* The key that stops an export under way. */
#define KEY_ESC 27
/* Lines a notch of the wheel moves. */
#define WHEEL_LINES 3

static const struct pane_ops *const pane_kinds[PANE_COUNT] = {
        [PANE_LIST] = &pane_list_ops,       [PANE_READER] = &pane_reader_ops,
        [PANE_RELATED] = &pane_related_ops, [PANE_TIMELINE] = &pane_timeline_ops,
        [PANE_PICKER] = &pane_picker_ops,   [PANE_HELP] = &pane_help_ops,
        [PANE_PROMPT] = &pane_prompt_ops,   [PANE_PROBLEMS] = &pane_problems_ops,
};

/* ---- what reaches the loop: actions no pane took ------------------------------------ */

static void toggle_flag(struct app *app, uint8_t flag, const char *on, const char *off)
{
	const struct release *r = app_selected(app);
	if (!r) {
		app_message(app, true, "No release selected");
		return;
	}
	uint8_t flags = app->persist.flags[host_id(&app->host, r)] ^ flag;
	app_mark(&app->host, r, flags, persist_line(&app->persist, r));
	app_message(app, false, "%s", flags & flag ? on : off);
}

/* The reader beside the list, in front of it (it has the keys) or full screen. */
static void arrange(struct app *app, bool reader_front, bool full)
{
	struct pane *reader = &app->panes[PANE_READER];
	reader->full = full;
	if (reader_front)
		stack_raise(&app->stack, reader);
	else
		stack_lower(&app->stack, reader);
}

static bool reader_front(const struct app *app)
{
	return stack_above(&app->stack, &app->panes[PANE_READER], &app->panes[PANE_LIST]);
}

/* The layout key cycles side by side, stacked, the list alone (side by side only
 * where it fits), from the one on screen. */
static void switch_layout(struct app *app)
{
	static const char *const names[] = {
	        [LAYOUT_SIDE] = "Side by side",
	        [LAYOUT_STACKED] = "Stacked",
	        [LAYOUT_LIST] = "The list alone (Enter reads full screen)",
	};
	enum layout next = app->side_by_side ? LAYOUT_STACKED
	                   : app->list_only  ? LAYOUT_SIDE
	                                     : LAYOUT_LIST;
	if (next == LAYOUT_SIDE && term_cols() < SIDE_BY_SIDE_MIN_COLS)
		next = LAYOUT_STACKED;
	app->layout = next;
	arrange(app, false, false);
	app_message(app, false, "%s", names[next]);
}

/* Actions that bring a pane up, with the pane's own argument. */
static const struct {
	enum action action;
	enum pane_id pane;
	int how;
} openers[] = {
        {ACT_TOPICS, PANE_PICKER, FACET_TOPIC},   {ACT_LOCATIONS, PANE_PICKER, FACET_LOCATION},
        {ACT_SOURCES, PANE_PICKER, FACET_SOURCE}, {ACT_TIMELINE, PANE_TIMELINE, 0},
        {ACT_RELATED, PANE_RELATED, 0},           {ACT_HELP, PANE_HELP, 0},
        {ACT_PROBLEMS, PANE_PROBLEMS, 0},
};

static bool open_pane(struct app *app, enum action action)
{
	for (size_t i = 0; i < sizeof openers / sizeof *openers; i++) {
		struct pane *p = &app->panes[openers[i].pane];
		if (openers[i].action != action)
			continue;
		if (p->ops->open(p, openers[i].how))
			stack_raise(&app->stack, p);
		return true;
	}
	return false;
}

static void app_act(struct app *app, enum action action)
{
	if (open_pane(app, action))
		return;
	switch (action) {
	case ACT_QUIT:
		app->quit = true;
		break;
	case ACT_FOCUS:
		arrange(app, !reader_front(app),
		        app->panes[PANE_READER].full && !reader_front(app));
		break;
	case ACT_LAYOUT:
		switch_layout(app);
		break;
	case ACT_ZOOM:
		arrange(app, !app->panes[PANE_READER].full, !app->panes[PANE_READER].full);
		break;
	case ACT_TOGGLE_READ:
		toggle_flag(app, STATE_READ, "Marked read", "Marked unread");
		break;
	case ACT_STAR:
		toggle_flag(app, STATE_STARRED, "Starred", "Star taken away");
		break;
	case ACT_COMMAND:
		command_open(app);
		break;
	case ACT_COPY_TITLE:
	case ACT_COPY_SOURCE:
	case ACT_COPY_RELEASE:
		app_copy(app, action);
		break;
	case ACT_PAGER:
		app_pager(app);
		break;
	case ACT_PIPE:
		app_ask_pipe(app);
		break;
	case ACT_EXPORT:
	case ACT_EXPORT_LIST:
		app_ask_export(app, action == ACT_EXPORT_LIST);
		break;
	case ACT_REDRAW:
		term_redraw();
		break;
	default:
		break;
	}
}

/* ---- keys and the mouse ------------------------------------------------------------- */

/* The wheel scrolls the pane under the pointer as its own down and up keys do; a
 * click is the pane's to take. Over a pane that takes no clicks (a prompt's text),
 * the mouse does nothing. */
static void handle_mouse(struct app *app)
{
	struct mouse m = term_mouse();
	struct pane *top = stack_top(&app->stack);
	struct pane *pane = stack_at(&app->stack, m.y, m.x);
	if (!top->ops->click || !pane || !pane->ops->click)
		return;
	if (m.kind == MOUSE_CLICK) {
		pane->ops->click(pane, m.y - pane->at.y);
		return;
	}
	bool down = m.kind == MOUSE_WHEEL_DOWN;
	enum action a = pane->ops->keys == KEYS_PICKER ? (down ? ACT_PICK_DOWN : ACT_PICK_UP)
	                : down                         ? ACT_DOWN
	                                               : ACT_UP;
	for (int i = 0; i < WHEEL_LINES; i++)
		pane->ops->act(pane, a);
}

static void handle_key(struct app *app, int key)
{
	struct pane *top = stack_top(&app->stack);
	bool reached;
	app->message[0] = '\0';
	if (term_too_small()) {
		enum action a = keys_lookup(KEYS_VIEW, key);
		app->quit = a == ACT_CLOSE || a == ACT_QUIT;
		return;
	}
	if (key == KEYCODE_FN(SPECIAL_MOUSE)) {
		handle_mouse(app);
		return;
	}
	if (top->ops->key) {
		top->ops->key(top, key);
		return;
	}
	enum action a = keys_lookup(top->ops->keys, key);
	if (a != ACT_NONE && !stack_act(&app->stack, a, &reached) && reached)
		app_act(app, a);
}

/* A key as the frame takes it: the panes hear of it first, Esc stops an export
 * under way over the list and the reader, where it would close nothing (over help,
 * a prompt, the timeline or related releases it closes that first). */
static void take_key(struct app *app, int key)
{
	/* A resize is no key: the user chose nothing. */
	if (key != KEYCODE_FN(SPECIAL_RESIZE)) {
		app->touched = true;
		for (int i = 0; i < PANE_COUNT; i++)
			if (app->panes[i].ops->keyed)
				app->panes[i].ops->keyed(&app->panes[i]);
	}
	const struct pane *top = stack_top(&app->stack);
	bool bottom = top == &app->panes[PANE_LIST] || top == &app->panes[PANE_READER];
	if (key == KEY_ESC && app_export_running(app) && bottom)
		app_export_stop(app);
	else
		handle_key(app, key);
}

/* ---- layout and drawing -------------------------------------------------------------- */

/* The list's rows, stacked over the release in a body of this height. */
static int stacked_list_rows(int body_h)
{
	return (body_h - 1) * 2 / 5 > 1 ? (body_h - 1) * 2 / 5 : 1;
}

/* The layout on screen: side by side, stacked or the list alone. */
static void choose_layout(struct app *app, int body_h, int cols)
{
	bool short_screen = body_h - stacked_list_rows(body_h) - 1 < STACKED_READER_MIN_ROWS;
	app->side_by_side = (app->layout == LAYOUT_SIDE && cols >= SIDE_BY_SIDE_MIN_COLS) ||
	                    (app->layout == LAYOUT_AUTO && cols >= SIDE_BY_SIDE_COLS);
	app->list_only = app->layout == LAYOUT_LIST ||
	                 (app->layout == LAYOUT_AUTO && !app->side_by_side && short_screen);
	/* The list alone: the reader in front is the reader full screen (Tab too). */
	if (app->list_only && reader_front(app))
		app->panes[PANE_READER].full = true;
}

static void lay_out(struct app *app)
{
	int lines = term_lines(), cols = term_cols();
	struct rect body = {1, 0, lines - 3, cols};
	struct pane *list = &app->panes[PANE_LIST], *reader = &app->panes[PANE_READER];
	app->title = (struct rect){0, 0, 1, cols};
	app->status = (struct rect){lines - 2, 0, 1, cols};
	app->bottom = (struct rect){lines - 1, 0, 1, cols};
	choose_layout(app, body.h, cols);
	if (app->list_only) {
		list->at = reader->at = body;
		app->separator = (struct rect){body.y, 0, 0, 0};
	} else if (app->side_by_side) {
		int lw = cols / 2;
		list->at = (struct rect){body.y, 0, body.h, lw};
		app->separator = (struct rect){body.y, lw, body.h, 1};
		reader->at = (struct rect){body.y, lw + 1, body.h, cols - lw - 1};
	} else {
		int lh = stacked_list_rows(body.h);
		list->at = (struct rect){body.y, 0, lh, cols};
		app->separator = (struct rect){body.y + lh, 0, 1, cols};
		reader->at = (struct rect){body.y + lh + 1, 0, body.h - lh - 1, cols};
	}
	for (int i = PANE_READER; i < PANE_COUNT; i++)
		if (app->panes[i].full)
			app->panes[i].at = body;
	app->panes[PANE_PROMPT].at = app->bottom;
}

static void sync(struct app *app)
{
	lay_out(app);
	for (int i = 0; i < PANE_COUNT; i++)
		if (app->panes[i].ops->sync)
			app->panes[i].ops->sync(&app->panes[i]);
}

/* The list alone on screen hides the reader under it until it is full screen. */
static bool hidden(const struct app *app, const struct pane *pane)
{
	return app->list_only && pane == &app->panes[PANE_READER] && !pane->full;
}

/* The panes bottom up from the topmost that covers the body; the cursor where the
 * topmost that has a say puts it. */
static void draw_panes(struct app *app)
{
	const struct stack *s = &app->stack;
	size_t first = stack_first_drawn(s);
	for (size_t i = first; i < s->n; i++)
		if (!hidden(app, s->items[i]))
			s->items[i]->ops->draw(s->items[i]);
	if (!s->items[first]->full && !app->list_only) { /* side by side, or stacked */
		const struct rect *sep = &app->separator;
		if (app->side_by_side)
			term_vline(sep->y, sep->x, sep->h);
		else
			term_hline(sep->y, sep->x, sep->w);
	}
	for (size_t i = s->n; i-- > 0;) {
		int y, x;
		if (hidden(app, s->items[i]))
			continue;
		enum pane_cursor c = s->items[i]->ops->cursor(s->items[i], &y, &x);
		if (c != CURSOR_BELOW) {
			term_cursor(y, x, c == CURSOR_SHOWN);
			break;
		}
	}
}

static void draw(struct app *app)
{
	term_clear();
	if (term_too_small()) {
		term_draw_too_small();
		term_flush();
		return;
	}
	bars_draw(app);
	draw_panes(app);
	bars_draw_long_message(app);
	term_flush();
}

/* ---- the loop ---------------------------------------------------------------------- */

/* Search for one slice of time, then let keys in: typing never waits for a scan. */
static void search_slice(struct app *app)
{
	struct timespec start;
	elapsed_mark(&start);
	while (!browse_step(&app->browse, SEARCH_STEP) && !elapsed_slice_over(&start))
		;
}

/* Work between keys: the search, and the panes' own. True when any was done. */
static bool idle(struct app *app)
{
	bool worked = false;
	if (browse_busy(&app->browse)) {
		search_slice(app);
		worked = true;
	}
	app->worked = false;
	for (int i = 0; i < PANE_COUNT; i++)
		if (app->panes[i].ops->idle && app->panes[i].ops->idle(&app->panes[i]))
			app->worked = true;
	return worked || app->worked;
}

/* Save the marks a while after the first change not saved: a crash or a kill loses
 * no more than that, and a burst of changes is one save. Decided in the frame (the
 * resume point is a release of the catalog), done after it. */
static void save_marks_when_due(struct app *app)
{
	if (!persist_due(&app->persist))
		return;
	const struct release *r = app_list_selected(app);
	if (r)
		state_set_resume(&app->persist.state, r->hash);
	app->save_due = true;
}

/* What blocks, after the frame has let the catalog go: loading goes on meanwhile.
 * True when the screen is to be drawn again. */
static bool after_frame(struct app *app)
{
	char problem[600];
	bool ran = app->effect.kind != EFFECT_NONE, said = false;
	if (ran)
		app_effect_run(app);
	if (app->save_due) {
		app->save_due = false;
		if ((said = persist_save(&app->persist, problem, sizeof problem)))
			app_message(app, true, "%s", problem);
	}
	bool wrote = app_export_write(app);
	return ran || wrote || said;
}

/* How long the loop may wait for a key: a second when idle, so that signals are
 * noticed; less when marks are due to be saved; not at all while work is left. */
static int key_timeout(const struct app *app)
{
	if (browse_busy(&app->browse) || app->worked || app_export_running(app))
		return 0;
	return persist_wait(&app->persist, app->feed ? LOADING_FRAME_MS : 1000);
}

/* One frame: the key read (KEYCODE_NONE: none), signals, work between keys, the
 * screen. Returns the signal that asks relview to stop, or 0. */
static int frame(struct app *app, int key, bool *dirty)
{
	bool resumed;
	if (key != KEYCODE_NONE) {
		take_key(app, key);
		*dirty = true;
	}
	int sig = term_poll_signals(&resumed);
	if (sig || app->quit)
		return sig;
	*dirty = idle(app) || *dirty;
	if (*dirty || resumed) {
		sync(app);
		draw(app);
		*dirty = false;
	}
	save_marks_when_due(app);
	app_export_slice(app);
	return 0;
}

/* Returns the signal that ended it, or 0 for a quit. */
static int run_loop(struct app *app)
{
	bool dirty = true;
	int key = KEYCODE_NONE;
	for (;;) {
		dirty = live_enter(app) || dirty;
		int sig = frame(app, key, &dirty);
		live_leave(app);
		/* The screen is written with no lock held: a terminal that stops
		 * reading (Ctrl-S, a slow link) stops the reader, not the loader. */
		term_update();
		if (sig || app->quit)
			return sig;
		/* Drawn again at once, with what it said; a key typed meanwhile (Esc
		 * during an export) is taken first. */
		dirty = after_frame(app) || dirty;
		key = term_read_key(dirty ? 0 : key_timeout(app));
	}
}

/* ---- start and end ------------------------------------------------------------------- */

static enum layout initial_layout(const struct config *config)
{
	switch (config->layout) {
	case CONFIG_LAYOUT_SIDE:
		return LAYOUT_SIDE;
	case CONFIG_LAYOUT_STACKED:
		return LAYOUT_STACKED;
	case CONFIG_LAYOUT_LIST:
		return LAYOUT_LIST;
	default:
		return LAYOUT_AUTO;
	}
}

/* The panes, and the list with the reader beside it on the stack. */
static bool make_panes(struct app *app)
{
	bool ok = true;
	for (int i = 0; i < PANE_COUNT; i++) {
		app->panes[i] = (struct pane){.ops = pane_kinds[i], .host = &app->host};
		ok = ok && pane_kinds[i]->init(&app->panes[i]);
	}
	app->panes[PANE_READER].max_text = (int)app->config->wrap;
	stack_raise(&app->stack, &app->panes[PANE_READER]);
	stack_raise(&app->stack, &app->panes[PANE_LIST]);
	return ok;
}

/* Every pane closed, top first (the reader keeps its line), and where the list
 * was kept: under the catalog's lock, the loader may still be adding. */
static void close_panes(struct app *app)
{
	live_enter(app);
	while (app->stack.n)
		app_remove_pane(&app->host, stack_top(&app->stack));
	persist_resume(&app->persist, app_list_selected(app));
	live_leave(app);
}

static void app_free(struct app *app)
{
	for (int i = 0; i < PANE_COUNT; i++)
		if (app->panes[i].ops && app->panes[i].ops->free)
			app->panes[i].ops->free(&app->panes[i]);
	free(app->problems);
	browse_free(&app->browse);
	order_free(&app->order);
	persist_free(&app->persist);
	free(app);
}

static bool app_init(struct app *app, const struct cli *cli, const struct config *config,
                     char *problem, size_t size)
{
	app->config = config;
	app->host = (struct host){.ops = &app_host_ops,
	                          .cat = app->cat,
	                          .config = config,
	                          .browse = &app->browse,
	                          .oldest_first = config->oldest_first,
	                          .loading = app->feed != NULL};
	app->export.fd = -1;
	app->restricted = config->restricted;
	app->layout = initial_layout(config);
	bool ok = persist_read(&app->persist, problem, size);
	ok = make_panes(app) && ok;
	return live_begin(app, cli) && ok;
}

/* The screen up, the loop run, the screen given back, and what was left kept. */
static int run(struct app *app, const struct config *config, const char *problem,
               const char *notice)
{
	if (!term_open(&app->term))
		return EXIT_FAILURE;
	app->host.utf8 = app->term.utf8;
	if (config->mouse)
		term_mouse_on();
	if (app->term.notice[0])
		app_message(app, false, "%s", app->term.notice);
	else if (problem[0])
		app_message(app, true, "%s", problem);
	else if (notice[0])
		app_message(app, true, "%s", notice);
	int sig = run_loop(app);
	term_close();
	if (app->feed) /* no more releases are needed, and none may wait */
		feed_cancel(app->feed);
	if (app_export_running(app)) { /* quit before it was written whole */
		app_export_stop(app);
		fprintf(stderr, "relview: %s\n", app->message);
	}
	close_panes(app);
	/* A pager or a command asked for in the frame a signal ended. */
	app_effect_drop(app);
	persist_save_at_exit(&app->persist, term_stop_signal);
	sig = sig ? sig : term_stop_signal();
	return sig ? 128 + sig : EXIT_SUCCESS;
}

int app_run(const struct catalog *cat, struct feed *feed, const struct cli *cli,
            const struct config *config, const char *notice)
{
	char problem[512];
	struct app *app = calloc(1, sizeof *app);
	if (app) {
		app->cat = cat;
		app->feed = feed;
	}
	/* app_init fails only when out of memory: a damaged state file is no failure
	 * but a notice in problem (persist_read), shown once the screen is up. */
	if (!app || !app_init(app, cli, config, problem, sizeof problem)) {
		fprintf(stderr, "relview: out of memory\n");
		if (app)
			app_free(app);
		return EXIT_FAILURE;
	}
	int status = run(app, config, problem, notice);
	app_free(app);
	return status;
}
