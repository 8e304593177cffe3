/* The event loop: key → action → state → layout → screen. */
#include "config.h"

#include "relview/app.h"

#include "relview/cli.h"
#include "relview/config.h"
#include "relview/date.h"
#include "relview/loading.h"
#include "relview/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Side by side from this width on, unless the user chose. */
#define SIDE_BY_SIDE_COLS 140
/* Narrower than this, two panes side by side leave neither room to read. */
#define SIDE_BY_SIDE_MIN_COLS 80
/* Fewer list rows than this, and month separators would leave too few releases. */
#define LIST_MONTHS_MIN_ROWS 8
/* Fewer releases a month than this on average, and separators would take a good
 * part of the list's rows. */
#define LIST_MONTHS_MIN_DENSITY 4
/* While loading, the list takes in what arrived and the progress is redrawn this
 * often (and at every key). */
#define LOADING_FRAME_MS 150
/* How long one slice of an incremental search may keep keys waiting. */
#define SEARCH_SLICE_NS 15000000L
#define SEARCH_STEP     1024
#define RELATED_STEP    64
/* Marks changed are saved this long after the first change, at most. */
#define STATE_SAVE_DELAY_MS 2000L
/* How long the last save waits for the state's lock held by another process. */
#define STATE_EXIT_WAIT_MS 3000
/* The key that stops an export under way. */
#define KEY_ESC 27

/* ---- small services for the panes ------------------------------------------------ */

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_error = error;
}

/* The release under the list cursor (not the related list's). */
static const struct release *list_selected(const struct app *app)
{
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	if (n == 0)
		return NULL;
	return &app->cat->releases[list[app->list.sel < n ? app->list.sel : n - 1]];
}

const struct release *app_selected(const struct app *app)
{
	const struct related_list *l = &app->related;
	if (l->open && l->cursor.sel < l->n)
		return &app->cat->releases[l->items[l->cursor.sel].id];
	return list_selected(app);
}

void app_select(struct app *app, size_t index)
{
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	app->list.sel = index;
	if (index < n) {
		app->anchor = list[index];
		app->have_anchor = true;
	}
}

void app_key_name(enum action action, char *out, size_t size)
{
	/* No key's name has a space in it ("Space" is one), so a space ends the first;
	 * a comma would cut a key bound to ','. */
	keymap_describe(keys_active(), action, " ", out, size);
	out[strcspn(out, " ")] = '\0';
}

void app_close_picker(struct app *app)
{
	picker_free(&app->picker);
	app->picking = false;
	app->prompt.kind = PROMPT_NONE;
}

/* ---- find in the release ---------------------------------------------------------- */

/* Scroll the reader so the current match shows, a third of the way down. */
static void reveal_match(struct app *app)
{
	const struct doc *d = &app->doc;
	if (app->find_current >= d->nmatches)
		return;
	size_t line = d->matches[app->find_current].line;
	size_t rows = (size_t)(app->reader_pane.at.h > 0 ? app->reader_pane.at.h : 1);
	if (line < app->reader.top || line >= app->reader.top + rows) {
		app->reader.top = line > rows / 3 ? line - rows / 3 : 0;
		app->reader.sel = app->reader.top;
		scroll_fit(&app->reader, rows);
	}
}

void app_find_step(struct app *app, bool forward)
{
	size_t n = app->doc.nmatches;
	if (!app->find.len) {
		char key[64];
		app_key_name(ACT_SEARCH, key, sizeof key);
		if (key[0])
			app_message(app, true, "Nothing to find yet: %s in the reader", key);
		else
			app_message(app, true, "Nothing to find yet");
		return;
	}
	if (n == 0) {
		app_message(app, true, "Not found: %s", app->find.text);
		return;
	}
	size_t cur = app->find_current;
	/* No current match yet (a newly selected release): n and N begin at an end. */
	bool fresh = cur >= n;
	bool wrapped = !fresh && (forward ? cur + 1 >= n : cur == 0);
	if (fresh || wrapped)
		app->find_current = forward ? 0 : n - 1;
	else
		app->find_current = forward ? cur + 1 : cur - 1;
	reveal_match(app);
	if (wrapped)
		app_message(app, false, "Match %zu of %zu (wrapped to the %s)",
		            app->find_current + 1, n, forward ? "top" : "bottom");
	else
		app_message(app, false, "Match %zu of %zu", app->find_current + 1, n);
}

/* The find text changed while typing: the first match from where the find began. */
static void find_update(struct app *app)
{
	struct doc *d = &app->doc;
	if (!doc_find(d, app->find.text, app->find.len))
		app_message(app, true, "out of memory");
	app->find_current = doc_match_from(d, app->prompt.reader_top);
	if (app->find_current >= d->nmatches)
		app->find_current = 0;
	app->reader.top = app->reader.sel = app->prompt.reader_top;
	reveal_match(app);
}

/* ---- prompts ----------------------------------------------------------------------- */

void app_open_prompt(struct app *app, enum prompt_kind kind)
{
	struct prompt *p = &app->prompt;
	const struct search_job *job = &app->browse.job;
	p->kind = kind;
	p->edit = (struct edit){0};
	p->anchor = app->anchor;
	p->reader_top = app->reader.top;
	if (kind == PROMPT_SEARCH) {
		edit_set(&p->before, job->text, job->len);
		p->edit = p->before;
	} else if (kind == PROMPT_FIND) {
		p->before = app->find;
	} else if (kind == PROMPT_DATES && (app->browse.filter.since || app->browse.filter.until)) {
		char from[11], to[11], text[32];
		date_format_iso(app->browse.filter.since, from);
		date_format_iso(app->browse.filter.until, to);
		snprintf(text, sizeof text, "%s..%s", from, to);
		edit_set(&p->edit, text, strlen(text));
	}
}

static void prompt_changed(struct app *app)
{
	struct edit *e = &app->prompt.edit;
	switch (app->prompt.kind) {
	case PROMPT_SEARCH:
		if (!browse_set_search(&app->browse, e->text, e->len))
			app_message(app, true, "out of memory");
		break;
	case PROMPT_FIND:
		app->find = *e;
		find_update(app);
		break;
	case PROMPT_PICK:
		if (!picker_narrow(&app->picker, e->text, e->len))
			app_message(app, true, "out of memory");
		break;
	default:
		break;
	}
}

static void accept_dates(struct app *app)
{
	uint32_t since, until;
	if (!view_parse_dates(app->prompt.edit.text, &since, &until)) {
		app_message(app, true, "Not a date range: %s (FROM..UNTIL, YYYY[-MM[-DD]])",
		            app->prompt.edit.text);
		return;
	}
	browse_set_dates(&app->browse, since, until);
	app_message(app, false, since || until ? "Date range set" : "No date filter");
}

/* ---- the command line ------------------------------------------------------------ */

#define HISTORY_FILE "history"

static void choose_named(struct app *app, enum facet_kind kind, const char *name)
{
	bool ok;
	size_t n = browse_choose_matching(&app->browse, kind, name, &ok);
	const char *what = kind == FACET_TOPIC ? "topic" : "location";
	if (!ok)
		app_message(app, true, "out of memory");
	else if (!n)
		app_message(app, true, "No %s matches %s", what, name);
	else
		app_message(app, false, "%zu %s%s chosen", n, what, n == 1 ? "" : "s");
}

static void jump_to_row(struct app *app, size_t row)
{
	size_t n;
	browse_list(&app->browse, &n);
	if (row > n)
		app_message(app, true, "Only %zu release%s in the list", n, n == 1 ? "" : "s");
	else
		app_select(app, row - 1);
}

static void run_command(struct app *app)
{
	const struct edit *e = &app->prompt.edit;
	struct jump j;
	app->history_added += history_add(&app->history, e->text, e->len);
	if (!view_parse_jump(e->text, &j)) {
		app_message(app, true,
		            "Not a command: %s (a date, a row, topic NAME, location NAME)",
		            e->text);
		return;
	}
	/* A jump is into the whole list: a search still running finishes first. */
	browse_step(&app->browse, SIZE_MAX);
	if (j.kind == JUMP_TOPIC || j.kind == JUMP_LOCATION)
		choose_named(app, j.kind == JUMP_TOPIC ? FACET_TOPIC : FACET_LOCATION, j.name);
	else if (j.kind == JUMP_ROW)
		jump_to_row(app, j.row);
	else if (app->list.count)
		app_select(app,
		           browse_find_date(&app->browse, j.since, j.until, app->oldest_first));
}

static void month_step(struct app *app, bool forward)
{
	size_t to = browse_month_step(&app->browse, app->list.sel, forward);
	if (to == app->list.sel)
		app_message(app, false, "No %s month in the list", forward ? "later" : "earlier");
	else
		app_select(app, to);
}

static void prompt_accept(struct app *app)
{
	enum prompt_kind kind = app->prompt.kind;
	app->prompt.kind = PROMPT_NONE;
	if (kind == PROMPT_DATES)
		accept_dates(app);
	else if (kind == PROMPT_COMMAND)
		run_command(app);
	else if (kind == PROMPT_PIPE)
		app_pipe(app, app->prompt.edit.text);
	else if (kind == PROMPT_EXPORT || kind == PROMPT_EXPORT_LIST)
		app_export(app, app->prompt.edit.text, kind == PROMPT_EXPORT_LIST);
	else if (kind == PROMPT_FIND && app->find.len && !app->doc.nmatches)
		app_message(app, true, "Not found: %s", app->find.text);
}

static void prompt_cancel(struct app *app)
{
	struct prompt *p = &app->prompt;
	switch (p->kind) {
	case PROMPT_SEARCH:
		if (!browse_set_search(&app->browse, p->before.text, p->before.len))
			app_message(app, true, "out of memory");
		app->anchor = p->anchor;
		break;
	case PROMPT_FIND:
		app->find = p->before;
		find_update(app);
		break;
	case PROMPT_PICK:
		app_close_picker(app);
		break;
	default:
		break;
	}
	p->kind = PROMPT_NONE;
}

static void prompt_key(struct app *app, int key)
{
	struct edit *e = &app->prompt.edit;
	enum action key_action = keys_lookup(KEYS_PROMPT, key);
	switch (key_action) {
	case ACT_PROMPT_ACCEPT:
		prompt_accept(app);
		return;
	case ACT_PROMPT_CANCEL:
		prompt_cancel(app);
		return;
	case ACT_PROMPT_ERASE:
		if (!edit_erase(e))
			return;
		break;
	case ACT_PROMPT_KILL:
		edit_set(e, "", 0);
		break;
	case ACT_PROMPT_OLDER:
	case ACT_PROMPT_NEWER:
		if (app->prompt.kind == PROMPT_COMMAND)
			history_step(&app->history, key_action == ACT_PROMPT_OLDER, e);
		return;
	default:
		if (key < 0 || key >= KEYCODE_FN(0) || !edit_insert(e, (uint32_t)key))
			return;
		break;
	}
	prompt_changed(app);
}

/* ---- read marks, stars and where the reader was ------------------------------------ */

static uint32_t id_of(const struct app *app, const struct release *r)
{
	return (uint32_t)(r - app->cat->releases);
}

static uint32_t saved_line(const struct app *app, const struct release *r)
{
	const struct state_mark *m = state_find(&app->state, r->hash);
	return m ? m->line : 0;
}

static void set_mark(struct app *app, const struct release *r, uint8_t flags, uint32_t line)
{
	app->marks[id_of(app, r)] = flags;
	if (!state_set(&app->state, r->hash, flags, line))
		app_message(app, true, "out of memory");
	/* Saved a little later, with whatever else changes meanwhile. */
	if (!app->marks_unsaved && app->state_dir) {
		app->marks_unsaved = true;
		clock_gettime(CLOCK_MONOTONIC, &app->marks_changed);
	}
}

/* The reader's line in the release it shows, for the next time it is shown. */
static void remember_line(struct app *app)
{
	const struct release *r = app->doc.release;
	if (r && saved_line(app, r) != app->reader.top)
		set_mark(app, r, app->marks[id_of(app, r)], (uint32_t)app->reader.top);
}

/* A release is read once it was shown with the reader in front; once per showing,
 * so that one marked unread again in the reader stays so. */
static void mark_shown(struct app *app, const struct release *r)
{
	uint32_t id = id_of(app, r);
	if ((app->focus != FOCUS_READER && !app->zoomed) || app->auto_read == id)
		return;
	app->auto_read = id;
	if (!(app->marks[id] & STATE_READ))
		set_mark(app, r, app->marks[id] | STATE_READ, saved_line(app, r));
}

static void toggle_flag(struct app *app, uint8_t flag, const char *on, const char *off)
{
	const struct release *r = app_selected(app);
	if (!r) {
		app_message(app, true, "No release selected");
		return;
	}
	uint8_t flags = app->marks[id_of(app, r)] ^ flag;
	set_mark(app, r, flags, saved_line(app, r));
	app_message(app, false, "%s", flags & flag ? on : off);
}

static void next_unread(struct app *app)
{
	size_t n, i = browse_next_unread(&app->browse, app->list.sel);
	browse_list(&app->browse, &n);
	if (i >= n)
		app_message(app, false, "No unread release in the list");
	else
		app_select(app, i);
}

static void only(struct app *app, bool unread, bool starred)
{
	browse_only(&app->browse, unread, starred);
	if (unread || starred)
		app_message(app, false, "Only %s%s%s releases", unread ? "unread" : "",
		            unread && starred ? ", " : "", starred ? "starred" : "");
	else
		app_message(app, false, "All releases");
}

/* ---- actions the panes leave to the app ------------------------------------------- */

static void open_picker(struct app *app, enum facet_kind kind)
{
	size_t count = facet_count(app->cat, kind);
	if (kind == FACET_SOURCE && count < 2) {
		app_message(app, true, "One input only: nothing to choose");
		return;
	}
	if (count == 0) {
		app_message(app, true, "These releases name no %s",
		            kind == FACET_TOPIC ? "topics" : "locations");
		return;
	}
	uint32_t *counts = malloc(count * sizeof *counts);
	bool ok = counts != NULL;
	if (ok) {
		browse_facet_counts(&app->browse, kind, counts);
		ok = picker_init(&app->picker, app->cat, kind, counts,
		                 browse_facets(&app->browse, kind));
	}
	free(counts);
	if (!ok) {
		app_message(app, true, "out of memory");
		return;
	}
	app->picking = true;
	app->prompt = (struct prompt){.kind = PROMPT_PICK};
}

/* Actions on the list or the layout, which mean nothing over the related list. */
static bool about_the_list(enum action action)
{
	switch (action) {
	case ACT_FOCUS:
	case ACT_LAYOUT:
	case ACT_ZOOM:
	case ACT_SEARCH:
	case ACT_TOPICS:
	case ACT_LOCATIONS:
	case ACT_SOURCES:
	case ACT_DATES:
	case ACT_CLEAR:
	case ACT_NEXT_UNREAD:
	case ACT_ONLY_UNREAD:
	case ACT_ONLY_STARRED:
	case ACT_COMMAND:
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH:
	case ACT_EXPORT_LIST:
	case ACT_TIMELINE:
		return true;
	default:
		return false;
	}
}

static void app_act(struct app *app, enum action action)
{
	if (app->related.open && about_the_list(action)) {
		char key[64];
		app_key_name(ACT_CLOSE, key, sizeof key);
		app_message(app, true, "Not in the related releases: %s goes back to the list",
		            key);
		return;
	}
	switch (action) {
	case ACT_QUIT:
		app->quit = true;
		break;
	case ACT_FOCUS:
		app->focus = app->focus == FOCUS_LIST ? FOCUS_READER : FOCUS_LIST;
		app->zoomed = app->zoomed && app->focus == FOCUS_READER;
		break;
	case ACT_LAYOUT:
		if (!app->side_by_side && term_cols() < SIDE_BY_SIDE_MIN_COLS) {
			app_message(app, true, "Too narrow for side by side (%d columns needed)",
			            SIDE_BY_SIDE_MIN_COLS);
			break;
		}
		app->layout = app->side_by_side ? LAYOUT_STACKED : LAYOUT_SIDE;
		app->zoomed = false;
		break;
	case ACT_ZOOM:
		app->zoomed = !app->zoomed;
		app->focus = app->zoomed ? FOCUS_READER : FOCUS_LIST;
		break;
	case ACT_NEXT:
	case ACT_PREV:
		app_find_step(app, action == ACT_NEXT);
		break;
	case ACT_TOPICS:
	case ACT_LOCATIONS:
		open_picker(app, action == ACT_TOPICS ? FACET_TOPIC : FACET_LOCATION);
		break;
	case ACT_SOURCES:
		open_picker(app, FACET_SOURCE);
		break;
	case ACT_DATES:
		app_open_prompt(app, PROMPT_DATES);
		break;
	case ACT_CLEAR:
		if (!browse_clear(&app->browse))
			app_message(app, true, "out of memory");
		else
			app_message(app, false, "Filters and search cleared");
		break;
	case ACT_TOGGLE_READ:
		toggle_flag(app, STATE_READ, "Marked read", "Marked unread");
		break;
	case ACT_STAR:
		toggle_flag(app, STATE_STARRED, "Starred", "Star taken away");
		break;
	case ACT_NEXT_UNREAD:
		next_unread(app);
		break;
	case ACT_ONLY_UNREAD:
		only(app, !app->browse.filter.unread, app->browse.filter.starred);
		break;
	case ACT_ONLY_STARRED:
		only(app, app->browse.filter.unread, !app->browse.filter.starred);
		break;
	case ACT_RELATED:
		app_related_ask(app);
		break;
	case ACT_COMMAND:
		app_open_prompt(app, PROMPT_COMMAND);
		app->history.pos = app->history.n;
		break;
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH:
		month_step(app, action == ACT_NEXT_MONTH);
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
	case ACT_EXPORT:
	case ACT_EXPORT_LIST:
		if (!app_refuses(app))
			app_open_prompt(app, action == ACT_PIPE     ? PROMPT_PIPE
			                     : action == ACT_EXPORT ? PROMPT_EXPORT
			                                            : PROMPT_EXPORT_LIST);
		break;
	case ACT_TIMELINE:
		app_open_timeline(app);
		break;
	case ACT_HELP:
		app->help_open = true;
		app->help.top = app->help.sel = 0;
		break;
	case ACT_REDRAW:
		term_redraw();
		break;
	default:
		break;
	}
}

static struct pane *focused_pane(struct app *app)
{
	if (app->help_open)
		return &app->help_pane;
	if (app->picking)
		return &app->picker_pane;
	if (app->related.open && !app->related.reading)
		return &app->related_pane;
	if (app->timeline.open)
		return &app->timeline_pane;
	return app->focus == FOCUS_READER || app->zoomed ? &app->reader_pane : &app->list_pane;
}

/* ---- the mouse ----------------------------------------------------------------------- */

/* Lines a notch of the wheel moves. */
#define WHEEL_LINES 3

static bool inside(const struct rect *r, int y, int x)
{
	return y >= r->y && y < r->y + r->h && x >= r->x && x < r->x + r->w;
}

/* The pane under the pointer: the one in front where it covers the body (help, a
 * picker, the related list), else the list or the reader; NULL outside them. */
static struct pane *pane_at(struct app *app, int y, int x)
{
	struct pane *under = focused_pane(app);
	if (under == &app->list_pane || under == &app->reader_pane)
		under = !app->zoomed && inside(&app->list_pane.at, y, x) ? &app->list_pane
		                                                         : &app->reader_pane;
	return inside(&under->at, y, x) ? under : NULL;
}

/* The wheel scrolls the pane under the pointer as its own down and up keys do; a
 * click is the pane's to take. */
static void handle_mouse(struct app *app)
{
	struct mouse m = term_mouse();
	struct pane *pane = pane_at(app, m.y, m.x);
	if (!pane)
		return;
	if (m.kind == MOUSE_CLICK) {
		pane->ops->click(app, pane, m.y - pane->at.y);
		return;
	}
	bool down = m.kind == MOUSE_WHEEL_DOWN;
	enum action a = pane->ops->keys == KEYS_PICKER ? (down ? ACT_PICK_DOWN : ACT_PICK_UP)
	                : down                         ? ACT_DOWN
	                                               : ACT_UP;
	for (int i = 0; i < WHEEL_LINES; i++)
		pane->ops->act(app, pane, a);
}

/* Help is on top of everything and the timeline on top of the list: there, only
 * leaving (and help, over the timeline) means something. */
static bool reaches_app(const struct app *app, enum action a)
{
	if (a == ACT_QUIT || a == ACT_REDRAW)
		return true;
	return !app->help_open && (!app->timeline.open || a == ACT_HELP);
}

static void handle_key(struct app *app, int key)
{
	app->message[0] = '\0';
	/* The user went on: a related list would come unasked. */
	if (key != KEYCODE_FN(SPECIAL_RESIZE))
		app->related.pending = false;
	if (term_too_small()) {
		enum action a = keys_lookup(KEYS_VIEW, key);
		app->quit = a == ACT_CLOSE || a == ACT_QUIT;
		return;
	}
	/* Over a prompt's text the mouse has nothing to do; over a picker's rows it has. */
	if (key == KEYCODE_FN(SPECIAL_MOUSE)) {
		if (app->prompt.kind == PROMPT_NONE || app->prompt.kind == PROMPT_PICK)
			handle_mouse(app);
		return;
	}
	if (app->picking) {
		enum action a = keys_lookup(KEYS_PICKER, key);
		if (a && pane_picker_ops.act(app, &app->picker_pane, a))
			return;
	}
	if (app->prompt.kind != PROMPT_NONE) {
		prompt_key(app, key);
		return;
	}
	enum action a = keys_lookup(KEYS_VIEW, key);
	struct pane *pane = focused_pane(app);
	if (a == ACT_NONE || pane->ops->act(app, pane, a))
		return;
	if (reaches_app(app, a))
		app_act(app, a);
}

/* ---- layout ------------------------------------------------------------------------ */

static void lay_out(struct app *app)
{
	int lines = term_lines(), cols = term_cols();
	struct rect body = {1, 0, lines - 3, cols};
	app->title = (struct rect){0, 0, 1, cols};
	app->status = (struct rect){lines - 2, 0, 1, cols};
	app->bottom = (struct rect){lines - 1, 0, 1, cols};
	app->side_by_side = (app->layout == LAYOUT_SIDE && cols >= SIDE_BY_SIDE_MIN_COLS) ||
	                    (app->layout == LAYOUT_AUTO && cols >= SIDE_BY_SIDE_COLS);
	if (app->side_by_side) {
		int lw = cols / 2;
		app->list_pane.at = (struct rect){body.y, 0, body.h, lw};
		app->separator = (struct rect){body.y, lw, body.h, 1};
		app->reader_pane.at = (struct rect){body.y, lw + 1, body.h, cols - lw - 1};
	} else {
		int lh = (body.h - 1) * 2 / 5 > 1 ? (body.h - 1) * 2 / 5 : 1;
		app->list_pane.at = (struct rect){body.y, 0, lh, cols};
		app->separator = (struct rect){body.y + lh, 0, 1, cols};
		app->reader_pane.at = (struct rect){body.y + lh + 1, 0, body.h - lh - 1, cols};
	}
	if (app->zoomed)
		app->reader_pane.at = body;
	app->help_pane.at = body;
	app->picker_pane.at = body;
	app->related_pane.at = body;
	app->timeline_pane.at = body;
}

/* Lay the selected release out again when it or the reader's width changed; a new
 * width keeps the line at the top in view. */
static void sync_reader(struct app *app)
{
	const struct release *r = app_selected(app);
	size_t width = (size_t)pane_text_width(&app->reader_pane);
	struct doc *d = &app->doc;
	bool ok = true;
	/* Nothing selected: no release's lines or matches may linger for find, n/N or the
	 * position in the status line. */
	if (!r)
		doc_free(d);
	if (r && r != d->release) {
		remember_line(app);
		ok = doc_layout(d, app->cat, r, width) &&
		     doc_find(d, app->find.text, app->find.len);
		app->reader.top = saved_line(app, r);
		app->find_current = SIZE_MAX;
	} else if (r && width != d->width && d->nlines) {
		const struct doc_line *top =
		        &d->lines[app->reader.top < d->nlines ? app->reader.top : 0];
		uint8_t region = top->region;
		const char *at = top->s;
		ok = doc_relayout(d, width);
		if (ok && region != REGION_NONE)
			app->reader.top = doc_line_at(d, region, at);
	}
	if (!ok)
		app_message(app, true, "out of memory");
	if (r)
		mark_shown(app, r);
	app->reader.count = d->nlines;
	app->reader.sel = app->reader.top;
	scroll_fit(&app->reader, (size_t)(app->reader_pane.at.h > 0 ? app->reader_pane.at.h : 1));
}

/* Are the releases in the list close enough for month separators? Counted again
 * only when the list changed. */
static bool months_dense(struct app *app)
{
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	if (browse_busy(&app->browse))
		return false;
	/* A count is a pass over the whole list: while loading, when the list only
	 * grew, not every frame but once it has grown by a quarter. */
	bool grew_little = app->loading && list == app->months.list && n >= app->months.n &&
	                   n - app->months.n < app->months.n / 4;
	if ((list != app->months.list || n != app->months.n) && !grew_little) {
		app->months.list = list;
		app->months.n = n;
		app->months.dense = n >= LIST_MONTHS_MIN_DENSITY * browse_months(&app->browse);
	}
	return app->months.dense;
}

/* A search or a filter left the anchored release out of the list, and the one now
 * selected stands where it would be: from now on that one stays selected (and open
 * in the reader) as releases arrive, not whichever comes to that place. */
static void hold_selection(struct app *app)
{
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	if (app->have_anchor && !browse_busy(&app->browse) && app->list.sel < n)
		app->anchor = list[app->list.sel];
}

static void sync(struct app *app)
{
	lay_out(app);
	size_t n;
	browse_list(&app->browse, &n);
	app->list.count = n;
	if (app->have_anchor) {
		size_t row = app->list.sel - app->list.top;
		app->list.sel = browse_locate(&app->browse, app->anchor);
		/* Releases arrived above or below: the selected one keeps its screen row. */
		if (app->arrived)
			app->list.top = app->list.sel > row ? app->list.sel - row : 0;
	}
	app->arrived = false;
	size_t rows = (size_t)(app->list_pane.at.h > 0 ? app->list_pane.at.h : 1);
	scroll_fit(&app->list, rows);
	hold_selection(app);
	app->list_months = rows >= LIST_MONTHS_MIN_ROWS && months_dense(app);
	app->list.top =
	        list_top_for(&app->browse, app->list.top, app->list.sel, rows, app->list_months);
	sync_reader(app);
	app->help.count = pane_help_rows();
	app->help.sel = app->help.top;
	scroll_fit(&app->help, (size_t)(app->help_pane.at.h > 0 ? app->help_pane.at.h : 1));
}

/* ---- drawing ----------------------------------------------------------------------- */

/* While loading: the progress, and the share of bytes read as a bar that fills the
 * title line. */
static void draw_loading_title(const struct app *app)
{
	char text[512] = " relview  ";
	double fraction;
	size_t len = strlen(text);
	loading_describe(app->loading, text + len, sizeof text - len, &fraction);
	len = strlen(text);
	term_put_fit(0, 0, text, len, app->title.w, ROLE_TITLE);
	if (fraction > 0)
		term_put(0, 0, text, len, (int)(fraction * app->title.w), ROLE_SELECTED);
}

static void draw_title(const struct app *app)
{
	char text[512];
	if (app->loading) {
		draw_loading_title(app);
		return;
	}
	size_t len = (size_t)snprintf(text, sizeof text, " relview  %zu release%s  ",
	                              app->cat->count, app->cat->count == 1 ? "" : "s");
	for (size_t i = 0; i < app->cat->ninputs && len < sizeof text; i++)
		len += (size_t)snprintf(text + len, sizeof text - len, "%s%s", i ? ", " : "",
		                        app->cat->inputs[i]);
	len = len < sizeof text ? len : sizeof text - 1;
	term_put_fit(0, 0, text, len, app->title.w, ROLE_TITLE);
}

/* Which pane the status line speaks of, and how far down it the cursor is. */
static const char *status_place(const struct app *app, size_t n, int *percent)
{
	const struct scroll *tl = &app->timeline.cursor;
	const struct related_list *rl = &app->related;
	if (app->timeline.open) {
		*percent = tl->count ? (int)((tl->sel + 1) * 100 / tl->count) : 100;
		return "timeline";
	}
	if (app->zoomed || app->focus == FOCUS_READER) {
		*percent = scroll_percent(&app->reader, (size_t)app->reader_pane.at.h);
		return "reader";
	}
	if (rl->open) {
		*percent = rl->n ? (int)((rl->cursor.sel + 1) * 100 / rl->n) : 100;
		return "related";
	}
	*percent = n ? (int)((app->list.sel + 1) * 100 / n) : 100;
	return "list";
}

/* The sparkline of the list's last `cells` months, counted again only when the list
 * changed; none while a search is still filling the list. Returns the cells; out
 * needs 3 * cells + 1 bytes. */
static size_t list_sparkline(struct app *app, size_t cells, char *out)
{
	out[0] = '\0';
	if (!cells || browse_busy(&app->browse))
		return 0;
	if (app->spark.version != app->browse.version) {
		size_t n;
		const uint32_t *list = browse_list(&app->browse, &n);
		timeline_clear(&app->spark.counts);
		timeline_count(&app->spark.counts, app->cat, list, n);
		app->spark.version = app->browse.version;
	}
	return timeline_sparkline(&app->spark.counts, cells, app->term.utf8, out);
}

/* The sparkline at the right of the status line's left part, as many of its months
 * as leave that part room; returns the cells it took (none when too few fit). */
static int draw_sparkline(struct app *app, int used, int right)
{
	enum { MIN_CELLS = 4, GAP = 2 };
	char spark[3 * CONFIG_SPARKLINE_MAX + 1];
	int room = right - used - GAP - 1; /* a blank before the right part too */
	if (room < MIN_CELLS)
		return 0;
	size_t want = app->config->sparkline;
	int cells = (int)list_sparkline(app, want < (size_t)room ? want : (size_t)room, spark);
	if (cells < MIN_CELLS) /* too few months to show a trend */
		return 0;
	term_put(app->status.y, right - cells - 1, spark, strlen(spark), cells, ROLE_BAR);
	return cells + 1;
}

static void draw_status(struct app *app)
{
	char left[400], filters[300], right[64];
	size_t n;
	browse_list(&app->browse, &n);
	int percent;
	const char *place = status_place(app, n, &percent);
	browse_describe(&app->browse, filters, sizeof filters);
	snprintf(left, sizeof left, " %zu/%zu%s  %s", n, app->cat->count,
	         browse_busy(&app->browse) ? "+" : "", filters);
	snprintf(right, sizeof right, " %s %3d%%  ?:help ", place, percent);
	int rw = (int)strlen(right), y = app->status.y, w = app->status.w;
	if (rw >= w)
		rw = 0;
	term_fill(y, 0, w - rw, ROLE_BAR);
	int spark = draw_sparkline(app, (int)text_width(left, strlen(left)), w - rw);
	term_put_fit(y, 0, left, strlen(left), w - rw - spark, ROLE_BAR);
	term_put(y, w - rw, right, (size_t)rw, rw, ROLE_BAR);
}

static const char *prompt_label(const struct app *app)
{
	switch (app->prompt.kind) {
	case PROMPT_SEARCH:
		return "Search: ";
	case PROMPT_FIND:
		return "Find: ";
	case PROMPT_DATES:
		return "Dates (FROM..UNTIL): ";
	case PROMPT_PICK:
		return app->picker.kind == FACET_TOPIC      ? "Topic: "
		       : app->picker.kind == FACET_LOCATION ? "Location: "
		                                            : "Source: ";
	case PROMPT_COMMAND:
		return ":";
	case PROMPT_PIPE:
		return "Pipe the release to: ";
	case PROMPT_EXPORT:
		return "Save the release to (.txt, .md, .jsonl): ";
	case PROMPT_EXPORT_LIST:
		return "Save the list to (.txt, .md, .jsonl): ";
	default:
		return "";
	}
}

/* The prompt and what it has found so far; returns where the cursor goes. */
static int draw_prompt(const struct app *app)
{
	const char *label = prompt_label(app);
	const struct edit *e = &app->prompt.edit;
	int y = app->bottom.y, w = app->bottom.w;
	char found[64] = "";
	size_t n;
	browse_list(&app->browse, &n);
	if (app->prompt.kind == PROMPT_SEARCH && e->len)
		snprintf(found, sizeof found, "   [%zu match%s%s]", n, n == 1 ? "" : "es",
		         browse_busy(&app->browse) ? "..." : "");
	else if (app->prompt.kind == PROMPT_FIND && e->len)
		snprintf(found, sizeof found, "   [%zu in this release]", app->doc.nmatches);
	term_fill(y, 0, w, ROLE_NORMAL);
	int x = term_put(y, 0, label, strlen(label), w, ROLE_PROMPT);
	/* A long text shows its end, where the typing is. */
	size_t skip = 0;
	while (skip < e->len && (int)text_width(e->text + skip, e->len - skip) > w - x - 1)
		skip++;
	while (skip < e->len && ((unsigned char)e->text[skip] & 0xC0) == 0x80)
		skip++;
	x += term_put(y, x, e->text + skip, e->len - skip, w - x, ROLE_NORMAL);
	term_put(y, x + 1, found, strlen(found), w - x - 1, ROLE_NORMAL);
	return x;
}

/* "q:quit  ": an action's first key, so rebound keys show as they are, and the gap
 * before the next hint. */
#define HINT_GAP 2
static size_t hint(char *out, size_t size, enum action action, const char *what)
{
	char keys[64];
	app_key_name(action, keys, sizeof keys);
	int n = keys[0] ? snprintf(out, size, "%s:%s%*s", keys, what, HINT_GAP, "") : 0;
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

struct hint {
	enum action action;
	const char *what;
};

/* Each table ends with ACT_NONE. */
static const struct hint list_hints[] = {
        {ACT_CLOSE, "quit"},        {ACT_OPEN, "read"},           {ACT_SEARCH, "search"},
        {ACT_TOPICS, "topics"},     {ACT_LOCATIONS, "locations"}, {ACT_DATES, "dates"},
        {ACT_CLEAR, "clear"},       {ACT_LAYOUT, "layout"},       {ACT_FOCUS, "focus"},
        {ACT_TIMELINE, "timeline"}, {ACT_RELATED, "related"},     {ACT_NONE, NULL},
};
static const struct hint help_hints[] = {
        {ACT_DOWN, "down"},   {ACT_UP, "up"},   {ACT_PAGE_DOWN, "page"},
        {ACT_CLOSE, "close"}, {ACT_NONE, NULL},
};
static const struct hint related_hints[] = {
        {ACT_CLOSE, "back"}, {ACT_OPEN, "read"}, {ACT_RELATED, "related to that one"},
        {ACT_STAR, "star"},  {ACT_NONE, NULL},
};

static const struct hint timeline_hints[] = {
        {ACT_OPEN, "set the dates"}, {ACT_TIMELINE_UNIT, "months or years"},
        {ACT_DOWN, "down"},          {ACT_UP, "up"},
        {ACT_CLOSE, "back"},         {ACT_NONE, NULL},
};

static void draw_bottom(const struct app *app)
{
	const struct hint *hints = app->help_open       ? help_hints
	                           : app->related.open  ? related_hints
	                           : app->timeline.open ? timeline_hints
	                                                : list_hints;
	int y = app->bottom.y, w = app->bottom.w;
	/* As many hints as fit whole, in the table's order: a cut one would show a
	 * key without what it does. */
	char text[400];
	size_t len = 0;
	for (; hints->action != ACT_NONE; hints++) {
		size_t n = hint(text + len, sizeof text - len, hints->action, hints->what);
		if (n && text_width(text, len + n - HINT_GAP) > (size_t)(w > 0 ? w : 0))
			break;
		len += n;
	}
	len -= len ? HINT_GAP : 0;
	if (app->message[0])
		term_put_fit(y, 0, app->message, strlen(app->message), w,
		             app->message_error ? ROLE_ERROR : ROLE_MESSAGE);
	else
		term_put_fit(y, 0, text, len, w, ROLE_HINT);
}

static void draw_panes(struct app *app)
{
	if (app->help_open) {
		pane_help_ops.draw(app, &app->help_pane);
		return;
	}
	if (app->picking) {
		pane_picker_ops.draw(app, &app->picker_pane);
		return;
	}
	if (app->related.open && !app->related.reading) {
		pane_related_ops.draw(app, &app->related_pane);
		return;
	}
	if (app->timeline.open) {
		pane_timeline_ops.draw(app, &app->timeline_pane);
		return;
	}
	if (!app->zoomed) {
		pane_list_ops.draw(app, &app->list_pane);
		const struct rect *s = &app->separator;
		if (app->side_by_side)
			term_vline(s->y, s->x, s->h);
		else
			term_hline(s->y, s->x, s->w);
	}
	pane_reader_ops.draw(app, &app->reader_pane);
}

static void draw(struct app *app)
{
	term_clear();
	if (term_too_small()) {
		term_draw_too_small();
		term_flush();
		return;
	}
	draw_title(app);
	draw_panes(app);
	draw_status(app);
	int y, x;
	if (app->prompt.kind != PROMPT_NONE && app->prompt.kind != PROMPT_PICK) {
		x = draw_prompt(app);
		term_cursor(app->bottom.y, x, true);
	} else if (app->prompt.kind == PROMPT_PICK) {
		draw_prompt(app);
		struct pane *pane = focused_pane(app);
		pane->ops->cursor(app, pane, &y, &x);
		term_cursor(y, x, false);
	} else {
		draw_bottom(app);
		struct pane *pane = focused_pane(app);
		pane->ops->cursor(app, pane, &y, &x);
		term_cursor(y, x, false);
	}
	term_flush();
}

/* ---- the loop ---------------------------------------------------------------------- */

static long elapsed_ns(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000000000L + (now.tv_nsec - since->tv_nsec);
}

/* Search for one slice of time, then let keys in: typing never waits for a scan. */
static void search_slice(struct app *app)
{
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!browse_step(&app->browse, SEARCH_STEP) && elapsed_ns(&start) < SEARCH_SLICE_NS)
		;
}

/* Index names for one slice of time, and find the related releases once that is
 * done: the first time over a large catalog takes seconds, and keys stay live. */
static void related_slice(struct app *app)
{
	struct timespec start;
	bool ok = true;
	clock_gettime(CLOCK_MONOTONIC, &start);
	if (!app->related_index && !(app->related_index = related_new(app->cat)))
		ok = false;
	while (ok && !related_index_step(app->related_index, RELATED_STEP, &ok) &&
	       elapsed_ns(&start) < SEARCH_SLICE_NS)
		;
	if (!ok) {
		app->related.pending = false;
		app_message(app, true, "out of memory");
	} else if (related_index_percent(app->related_index) == 100) {
		app_related_find(app);
	} else {
		app_message(app, false, "Finding related releases: indexing names, %d%%",
		            related_index_percent(app->related_index));
	}
}

/* Save the marks once STATE_SAVE_DELAY_MS have passed since the first change not
 * saved: a crash or a kill loses no more than that, and a burst of changes is
 * one save. Decided in the frame (the resume point is a release of the catalog),
 * done after it (save_marks). */
static void save_marks_when_due(struct app *app)
{
	if (!app->marks_unsaved || elapsed_ns(&app->marks_changed) < STATE_SAVE_DELAY_MS * 1000000L)
		return;
	const struct release *r = list_selected(app);
	if (r)
		state_set_resume(&app->state, r->hash);
	app->save_due = true;
}

/* The save itself: it waits on the file system, and never on the state's lock
 * (another relview, or a process that inherited it, may hold it). When the lock is
 * held or the file could not be written, the screen says so and the save is tried
 * again STATE_SAVE_DELAY_MS later. True when it said something. */
static bool save_marks(struct app *app)
{
	char problem[512];
	app->save_due = false;
	enum state_saved saved =
	        state_save(&app->state, app->state_dir, 0, problem, sizeof problem);
	app->marks_unsaved = saved != STATE_SAVED;
	if (app->marks_unsaved) {
		clock_gettime(CLOCK_MONOTONIC, &app->marks_changed);
		app_message(app, true, "Marks not saved yet: %s; trying again", problem);
	} else if (problem[0]) {
		app_message(app, true, "%s", problem);
	}
	return app->marks_unsaved || problem[0];
}

/* What blocks, after the frame has let the catalog go: loading goes on meanwhile.
 * True when the screen is to be drawn again. */
static bool after_frame(struct app *app)
{
	bool ran = app->effect.kind != EFFECT_NONE, said = false;
	if (ran)
		app_effect_run(app);
	if (app->save_due)
		said = save_marks(app);
	bool wrote = app_export_write(app);
	return ran || wrote || said;
}

/* How long the loop may wait for a key: a second when idle, so that signals are
 * noticed; less when marks are due to be saved; not at all while work is left. */
static int key_timeout(const struct app *app)
{
	if (browse_busy(&app->browse) || app->related.pending || app_export_running(app))
		return 0;
	int idle = app->loading ? LOADING_FRAME_MS : 1000;
	if (!app->marks_unsaved)
		return idle;
	long left = STATE_SAVE_DELAY_MS - elapsed_ns(&app->marks_changed) / 1000000L;
	return left < 0 ? 0 : left > idle ? idle : (int)left;
}

/* ---- loading: the catalog grows between frames ------------------------------------ */

/* The release the list was on when relview last ended, among those that arrived;
 * it is selected unless the user has moved meanwhile. */
static void find_resume(struct app *app, const uint32_t *ids, size_t n)
{
	for (size_t i = 0; app->resume_pending && i < n; i++)
		if (app->cat->releases[ids[i]].hash == app->state.resume) {
			app->resume_pending = false;
			if (!app->touched) {
				app->anchor = ids[i];
				app->have_anchor = true;
			}
		}
}

/* What arrived joins the marks and the list. */
static void take_in(struct app *app, enum order_update update, size_t nadded)
{
	const struct catalog *cat = app->cat;
	uint8_t *marks = state_flags_grow(&app->state, cat, app->marks, app->known);
	bool ok = marks != NULL;
	if (ok) {
		app->marks = marks;
		app->known = cat->count;
		ok = update == ORDER_REMADE
		             ? browse_reorder(&app->browse, marks)
		             : browse_add(&app->browse, app->order.added, nadded, marks);
	}
	if (!ok || update == ORDER_NO_MEMORY)
		app_message(app, true, "out of memory");
	if (update == ORDER_ADDED)
		find_resume(app, app->order.added, nadded);
	app->arrived = update == ORDER_ADDED || update == ORDER_REMADE;
	if (app->arrived) { /* an index of names knows the releases it was begun over */
		related_free(app->related_index);
		app->related_index = NULL;
	}
}

/* Take the catalog for a frame and bring the list up to date with what arrived;
 * true while loading (the progress moved, or it ended). */
static bool live_enter(struct app *app)
{
	if (!app->loading)
		return false;
	size_t nadded;
	bool finished;
	enum order_update update = loading_enter(app->loading, &app->order, &nadded, &finished);
	if (app->doc.release)
		app->doc.release = &app->cat->releases[app->doc_id];
	take_in(app, update, nadded);
	if (!app->told_problems && loading_problems(app->loading)) {
		app_message(app, true, "problems reading the inputs: listed when relview ends");
		app->told_problems = true;
	}
	if (finished) { /* the loader is gone: the catalog is the reader's alone */
		app->resume_pending = false;
		app->quit = app->quit || app->cat->count == 0; /* nothing could be read */
		loading_leave(app->loading);
		app->loading = NULL;
	}
	return true;
}

static void live_leave(struct app *app)
{
	if (!app->loading)
		return;
	if (app->doc.release)
		app->doc_id = (uint32_t)(app->doc.release - app->cat->releases);
	loading_leave(app->loading);
}

/* ---- the loop ---------------------------------------------------------------------- */

/* Esc, where it would close no prompt, stops an export under way. */
static bool stops_export(const struct app *app, int key)
{
	return key == KEY_ESC && app_export_running(app) && app->prompt.kind == PROMPT_NONE;
}

/* One frame: the key read (KEYCODE_NONE: none), signals, a slice of the search, the
 * screen. Returns the signal that asks relview to stop, or 0. */
static int frame(struct app *app, int key, bool *dirty)
{
	bool resumed;
	if (key != KEYCODE_NONE) {
		/* From the first key on, the selection stays on its release as others
		 * arrive; before it, the list shows its top. A resize is no key: the
		 * user chose nothing. */
		if (key != KEYCODE_FN(SPECIAL_RESIZE)) {
			if (!app->have_anchor)
				app_select(app, app->list.sel);
			app->touched = true;
		}
		if (stops_export(app, key))
			app_export_stop(app);
		else
			handle_key(app, key);
		*dirty = true;
	}
	int sig = term_poll_signals(&resumed);
	if (sig || app->quit)
		return sig;
	if (browse_busy(&app->browse)) {
		search_slice(app);
		*dirty = true;
	}
	if (app->related.pending) {
		related_slice(app);
		*dirty = true;
	}
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

static enum layout initial_layout(const struct config *config)
{
	switch (config->layout) {
	case CONFIG_LAYOUT_SIDE:
		return LAYOUT_SIDE;
	case CONFIG_LAYOUT_STACKED:
		return LAYOUT_STACKED;
	default:
		return LAYOUT_AUTO;
	}
}

static void load_history(struct app *app)
{
	size_t n = 0;
	char **lines = app->state_dir ? state_read_lines(app->state_dir, HISTORY_FILE, &n) : NULL;
	for (size_t i = 0; i < n; i++)
		history_add(&app->history, lines[i], strlen(lines[i]));
	state_free_lines(lines, n);
}

/* The lines typed this run, after those another relview added meanwhile. */
static bool save_history(struct app *app, int wait_ms)
{
	const struct history *h = &app->history;
	size_t n = app->history_added < h->n ? app->history_added : h->n;
	const char *lines[HISTORY_MAX];
	for (size_t i = 0; i < n; i++)
		lines[i] = h->items[h->n - n + i].text;
	return !n ||
	       state_append_lines(app->state_dir, HISTORY_FILE, lines, n, HISTORY_MAX, wait_ms);
}

/* The marks of earlier runs, the release the list was on then and the lines typed,
 * read from their files before the catalog is taken: the loader need not wait for
 * the file system. A problem with the file goes to `problem`. */
static bool read_state(struct app *app, char *problem, size_t size)
{
	problem[0] = '\0';
	app->state_dir = state_dir();
	if (app->state_dir && !state_load(&app->state, app->state_dir, problem, size))
		return false;
	load_history(app);
	return true;
}

/* The marks over the releases in so far, and the resume point among them: under
 * the catalog's lock. */
static bool apply_state(struct app *app)
{
	if (!(app->marks = state_flags_of(&app->state, app->cat)))
		return false;
	browse_set_marks(&app->browse, app->marks);
	for (size_t i = 0; app->state.resume && i < app->cat->count; i++)
		if (app->cat->releases[i].hash == app->state.resume) {
			app->anchor = (uint32_t)i;
			app->have_anchor = true;
		}
	return true;
}

/* Where the user left off, from the catalog: under its lock. A change is
 * unsaved (marks_unsaved). */
static void note_where_left(struct app *app)
{
	const struct release *r = list_selected(app);
	if (!app->state_dir)
		return;
	remember_line(app);
	if (r && r->hash != app->state.resume) {
		state_set_resume(&app->state, r->hash);
		app->marks_unsaved = true;
	}
}

/* The state's lock, held by another process at the end, is waited for up to
 * STATE_EXIT_WAIT_MS in all, a try every STATE_EXIT_TRY_MS; a signal (Ctrl-C)
 * ends the wait. */
#define STATE_EXIT_TRY_MS 50

static bool exit_wait_over(const struct timespec *since)
{
	return term_stop_signal() || elapsed_ns(since) >= STATE_EXIT_WAIT_MS * 1000000L;
}

static void pause_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

/* Every mark changed, for the next run: at the end, with no lock held. One line
 * on stderr when it could not be saved. */
static void save_marks_at_exit(struct app *app, const struct timespec *since)
{
	char problem[512];
	enum state_saved saved;
	while ((saved = state_save(&app->state, app->state_dir, 0, problem, sizeof problem)) ==
	               STATE_BUSY &&
	       !exit_wait_over(since))
		pause_ms(STATE_EXIT_TRY_MS);
	if (saved == STATE_BUSY)
		fprintf(stderr, "relview: marks not saved: %s\n", problem);
	else if (problem[0])
		fprintf(stderr, "relview: %s\n", problem);
}

/* The lines typed this run, for the next: tried whatever became of the marks. */
static void save_history_at_exit(struct app *app, const struct timespec *since)
{
	bool saved;
	while (!(saved = save_history(app, 0)) && !exit_wait_over(since))
		pause_ms(STATE_EXIT_TRY_MS);
	if (!saved)
		fprintf(stderr, "relview: command history not saved in %s\n", app->state_dir);
}

/* What is unsaved, for the next run; nothing is written when nothing changed. */
static void save_state(struct app *app)
{
	struct timespec since;
	if (!app->state_dir)
		return;
	clock_gettime(CLOCK_MONOTONIC, &since);
	if (app->marks_unsaved)
		save_marks_at_exit(app, &since);
	save_history_at_exit(app, &since);
}

static void app_free(struct app *app)
{
	if (app->picking)
		picker_free(&app->picker);
	doc_free(&app->doc);
	free(app->related.items);
	related_free(app->related_index);
	browse_free(&app->browse);
	order_free(&app->order);
	state_free(&app->state);
	free(app->state_dir);
	free(app->marks);
	free(app);
}

/* The list, the marks and the resume point over the releases in so far. */
static bool app_init(struct app *app, const struct cli *cli, char *problem, size_t size)
{
	size_t nadded;
	bool finished, ok = read_state(app, problem, size);
	order_init(&app->order, cli->oldest_first);
	if (app->loading) /* what arrived is in the order: browse_init takes all of it */
		loading_enter(app->loading, &app->order, &nadded, &finished);
	ok = ok && (app->loading || order_sort(&app->order, app->cat, cli->oldest_first)) &&
	     browse_init(&app->browse, app->cat, &app->order, &cli->query) && apply_state(app);
	app->known = app->cat->count;
	app->resume_pending = app->state.resume && !app->have_anchor;
	live_leave(app);
	return ok;
}

int app_run(const struct catalog *cat, struct loading *loading, const struct cli *cli,
            const struct config *config, const char *notice)
{
	char problem[512];
	struct app *app = calloc(1, sizeof *app);
	if (app) {
		app->cat = cat;
		app->loading = loading;
	}
	/* app_init fails only when out of memory: a damaged state file is no failure
	 * but a notice in problem (state_load), shown once the screen is up. */
	if (!app || !app_init(app, cli, problem, sizeof problem)) {
		fprintf(stderr, "relview: out of memory\n");
		if (app)
			app_free(app);
		return EXIT_FAILURE;
	}
	app->auto_read = UINT32_MAX;
	app->export.fd = -1;
	app->restricted = cli->restricted || config->restricted;
	app->oldest_first = cli->oldest_first;
	app->config = config;
	app->layout = initial_layout(config);
	app->list_pane.ops = &pane_list_ops;
	app->reader_pane.ops = &pane_reader_ops;
	app->reader_pane.max_text = (int)config->wrap;
	app->picker_pane.ops = &pane_picker_ops;
	app->help_pane.ops = &pane_help_ops;
	app->related_pane.ops = &pane_related_ops;
	app->timeline_pane.ops = &pane_timeline_ops;
	int status = EXIT_FAILURE;
	if (term_open(&app->term)) {
		if (cli->mouse || config->mouse)
			term_mouse_on();
		if (app->term.notice[0])
			app_message(app, false, "%s", app->term.notice);
		else if (problem[0])
			app_message(app, true, "%s", problem);
		else if (notice[0])
			app_message(app, true, "%s", notice);
		int sig = run_loop(app);
		term_close();
		if (app->loading) /* no more releases are needed, and none may wait */
			loading_cancel(app->loading);
		if (app_export_running(app)) { /* quit before it was written whole */
			app_export_stop(app);
			fprintf(stderr, "relview: %s\n", app->message);
		}
		live_enter(app); /* the loader may still be adding */
		note_where_left(app);
		live_leave(app);
		/* A pager or a command asked for in the frame a signal ended. */
		app_effect_drop(app);
		save_state(app);
		sig = sig ? sig : term_stop_signal();
		status = sig ? 128 + sig : EXIT_SUCCESS;
	}
	app_free(app);
	return status;
}
