/* The reader pane: the release in front, header block then body, with find matches
 * highlighted; find in the release (its prompt, n and N); the line the reader was
 * on, kept per release, and a release marked read once shown. The layout itself
 * (wrapping, paragraphs, matches) is doc's. */
#include "config.h"

#include "relview/prompt.h"
#include "relview/state.h"
#include "relview/term.h"

#include <stdlib.h>
#include <string.h>

/* Longest a match may run back from an earlier line into this one: a pattern is at
 * most EDIT_MAX bytes, so at a width of at least 10 cells it spans fewer lines. */
#define MATCH_REACH (EDIT_MAX / 10 + 1)
#define NO_RELEASE  UINT32_MAX

struct reader {
	struct pane *pane;
	struct doc doc;      /* the release shown, laid out */
	uint32_t shown;      /* its id (doc.release may go stale between frames) */
	struct scroll lines; /* over the doc's lines, no cursor */
	struct edit find;    /* find-in-release query; len 0: none */
	size_t find_current; /* index of the current match; nmatches or more: none yet */
	/* The list's search the find last took: a new one replaces the find, so that the
	 * release opened from a searched list shows what was searched for. */
	struct edit carried;
	bool was_in_front; /* in front at the last sync: coming in front jumps to a match */
	/* The line the release was left at, to take up again once the reader is full
	 * screen (the preview shows the top: title and date); 0: none. */
	uint32_t resume_line;
	bool moved;         /* the reader moved in the release shown: its line is kept */
	bool was_full;      /* full screen at the last sync */
	uint32_t auto_read; /* the release last marked read by showing it */
	/* The find prompt: what to go back to on Esc. */
	struct edit before;
	size_t before_top;
};

static struct host *host_of(const struct reader *rd)
{
	return rd->pane->host;
}

/* ---- find in the release ---------------------------------------------------------- */

/* Scroll the reader so the current match shows, a third of the way down. */
static void reveal_match(struct reader *rd)
{
	const struct doc *d = &rd->doc;
	if (rd->find_current >= d->nmatches)
		return;
	size_t line = d->matches[rd->find_current].line;
	size_t rows = pane_rows(rd->pane);
	rd->moved = true;
	rd->resume_line = 0;
	if (line < rd->lines.top || line >= rd->lines.top + rows) {
		rd->lines.top = line > rows / 3 ? line - rows / 3 : 0;
		rd->lines.sel = rd->lines.top;
		scroll_fit(&rd->lines, rows);
	}
}

/* Is the text a query? If not, why (a quote still open, a lone -); *words: how
 * many of its terms find text. */
static bool read_query(const char *text, size_t len, char *why, size_t size, size_t *words)
{
	struct expr e;
	if (!expr_parse(&e, text, len, why, size))
		return false;
	*words = expr_text_terms(&e);
	expr_free(&e);
	return true;
}

/* No match: none of its words here, or a query with no words to show (fields, or
 * only words that must not be there). */
static void say_none_found(struct reader *rd)
{
	char why[128];
	size_t words = 0;
	if (!read_query(rd->find.text, rd->find.len, why, sizeof why, &words))
		host_say(host_of(rd), true, "Not a query: %s", why);
	else if (!words)
		host_say(host_of(rd), true, "No words to find in: %s", rd->find.text);
	else
		host_say(host_of(rd), true, "No match in this release for: %s", rd->find.text);
}

static void find_step(struct reader *rd, bool forward)
{
	struct host *h = host_of(rd);
	size_t n = rd->doc.nmatches;
	if (!rd->find.len) {
		char key[64];
		keys_first_name(ACT_SEARCH, key, sizeof key);
		if (key[0])
			host_say(h, true, "Nothing to find yet: %s in the reader", key);
		else
			host_say(h, true, "Nothing to find yet");
		return;
	}
	if (n == 0) {
		say_none_found(rd);
		return;
	}
	size_t cur = rd->find_current;
	/* No current match yet (a newly selected release): n and N begin at an end. */
	bool fresh = cur >= n;
	bool wrapped = !fresh && (forward ? cur + 1 >= n : cur == 0);
	if (fresh || wrapped)
		rd->find_current = forward ? 0 : n - 1;
	else
		rd->find_current = forward ? cur + 1 : cur - 1;
	reveal_match(rd);
	if (wrapped)
		host_say(h, false, "Match %zu of %zu (wrapped to the %s)", rd->find_current + 1, n,
		         forward ? "top" : "bottom");
	else
		host_say(h, false, "Match %zu of %zu", rd->find_current + 1, n);
}

/* The find text changed while typing: the first match from where the find began. */
static void find_update(struct reader *rd)
{
	struct doc *d = &rd->doc;
	if (!doc_find(d, rd->find.text, rd->find.len))
		host_say(host_of(rd), true, "out of memory");
	rd->find_current = doc_match_from(d, rd->before_top);
	if (rd->find_current >= d->nmatches)
		rd->find_current = 0;
	rd->lines.top = rd->lines.sel = rd->before_top;
	reveal_match(rd);
}

static const char *find_label(void *ctx)
{
	(void)ctx;
	return "Find: ";
}

/* It opens with the find in effect (the list's search, carried), to change it. */
static void find_open(void *ctx, struct edit *edit)
{
	struct reader *rd = ctx;
	rd->before = rd->find;
	rd->before_top = rd->lines.top;
	*edit = rd->find;
}

static void find_changed(void *ctx, const struct edit *edit)
{
	struct reader *rd = ctx;
	rd->find = *edit;
	find_update(rd);
}

static void find_accept(void *ctx, const struct edit *edit)
{
	struct reader *rd = ctx;
	char why[128];
	size_t words = 0;
	if (!rd->find.len)
		return;
	if (read_query(edit->text, edit->len, why, sizeof why, &words) && words)
		host_of(rd)->ops->searched(host_of(rd), edit); /* for Up, here and in the list */
	if (!rd->doc.nmatches)
		say_none_found(rd);
	else
		host_say(host_of(rd), false, "Match %zu of %zu", rd->find_current + 1,
		         rd->doc.nmatches);
}

static void find_cancel(void *ctx)
{
	struct reader *rd = ctx;
	rd->find = rd->before;
	find_update(rd);
}

static void find_found(void *ctx, const struct edit *edit, char *out, size_t size)
{
	const struct reader *rd = ctx;
	char why[128];
	size_t words = 0;
	if (!read_query(edit->text, edit->len, why, sizeof why, &words))
		snprintf(out, size, "   [%s]", why);
	else if (!words)
		snprintf(out, size, "   [no words to find]");
	else
		snprintf(out, size, "   [%zu in this release]", rd->doc.nmatches);
}

static struct history *find_history(void *ctx)
{
	return host_of(ctx)->ops->searches(host_of(ctx));
}

static const struct prompt_kind find_prompt = {
        .label = find_label,
        .open = find_open,
        .changed = find_changed,
        .accept = find_accept,
        .cancel = find_cancel,
        .found = find_found,
        .history = find_history,
};

/* ---- where the reader was, and what was read ---------------------------------------- */

/* The reader's line in the release it shows, for the next time it is shown. */
static void remember_line(struct reader *rd)
{
	struct host *h = host_of(rd);
	/* Only shown (its top, in the preview): the line it was left at stays. */
	if (rd->shown == NO_RELEASE || !rd->moved)
		return;
	const struct release *r = &h->cat->releases[rd->shown];
	if (h->ops->saved_line(h, r) != rd->lines.top)
		h->ops->mark(h, r, h->marks[rd->shown], (uint32_t)rd->lines.top);
}

/* In front: above the list (focused, or full screen). */
static bool in_front(const struct reader *rd)
{
	struct host *h = host_of(rd);
	return h->ops->above(h, rd->pane, h->ops->pane(h, PANE_LIST));
}

/* A release is read once it was shown with the reader in front; once per showing,
 * so that one marked unread again in the reader stays so. */
static void mark_shown(struct reader *rd, const struct release *r)
{
	struct host *h = host_of(rd);
	uint32_t id = host_id(h, r);
	if (!in_front(rd) || rd->auto_read == id)
		return;
	rd->auto_read = id;
	if (!(h->marks[id] & STATE_READ))
		h->ops->mark(h, r, h->marks[id] | STATE_READ, h->ops->saved_line(h, r));
}

/* Does the text hold the list's search as typed? */
static bool is_search(const struct edit *text, const struct search_job *job)
{
	return text->len == job->len && memcmp(text->text, job->text, job->len) == 0;
}

/* A new list search becomes the find: the release opened from the list shows
 * every match of what was searched for, and no older find lingers. True when it
 * changed. */
static bool take_list_search(struct reader *rd)
{
	const struct search_job *job = &host_of(rd)->browse->job;
	if (is_search(&rd->carried, job))
		return false;
	edit_set(&rd->carried, job->text, job->len);
	rd->find = rd->carried;
	return true;
}

/* Brought in front (a release opened from the list): a searched list's query is
 * the find again, whatever was found in the reader since; with a find and no match
 * chosen yet, the first match is shown (the release's first lines when there is
 * none). */
static void jump_to_first_match(struct reader *rd)
{
	bool front = in_front(rd);
	const struct search_job *job = &host_of(rd)->browse->job;
	if (front && !rd->was_in_front && job->len && !is_search(&rd->find, job)) {
		edit_set(&rd->find, job->text, job->len);
		if (!doc_find(&rd->doc, rd->find.text, rd->find.len))
			host_say(host_of(rd), true, "out of memory");
		rd->find_current = SIZE_MAX;
	}
	if (front && !rd->was_in_front && rd->find.len && rd->find_current >= rd->doc.nmatches &&
	    rd->doc.nmatches) {
		rd->find_current = 0;
		reveal_match(rd);
		if (rd->doc.nmatches > 1)
			host_say(host_of(rd), false, "Match 1 of %zu: n and N for the others",
			         rd->doc.nmatches);
		else
			host_say(host_of(rd), false, "Match 1 of 1");
	}
	rd->was_in_front = front;
}

/* Back from full screen to the preview (q, Esc, z): the line read to is kept, to
 * be taken up again, and the preview shows the release's top again. */
static void back_to_preview(struct reader *rd)
{
	bool full = rd->pane->full;
	if (rd->was_full && !full && rd->shown != NO_RELEASE) {
		remember_line(rd);
		rd->resume_line = (uint32_t)rd->lines.top;
		rd->lines.top = 0;
		rd->moved = false;
	}
	rd->was_full = full;
}

/* Full screen and in front, a release left part way is taken up at the line it
 * was left at, and the bottom line says so (the preview shows its top). A match
 * to show, when the list was searched, comes after. */
static void resume(struct reader *rd)
{
	if (!rd->resume_line || !rd->pane->full || !in_front(rd))
		return;
	rd->lines.top = rd->lines.sel = rd->resume_line;
	rd->resume_line = 0;
	scroll_fit(&rd->lines, pane_rows(rd->pane));
	rd->lines.sel = rd->lines.top;
	if (!rd->lines.top)
		return;
	char key[64];
	keys_first_name(ACT_TOP, key, sizeof key);
	host_say(host_of(rd), false, "Resumed at line %zu of %zu%s%s%s", rd->lines.top + 1,
	         rd->lines.count, key[0] ? " (" : "", key, key[0] ? ": the top)" : "");
}

/* Lay the release in front out again when it or the reader's width changed; a new
 * width keeps the line at the top in view. */
static void sync(struct pane *pane)
{
	struct reader *rd = pane->state;
	struct host *h = pane->host;
	const struct release *r = host_selected(h);
	size_t width = (size_t)pane_text_width(pane);
	struct doc *d = &rd->doc;
	bool ok = true;
	/* Nothing selected: no release's lines or matches may linger for find, n/N or the
	 * position in the status line. */
	if (!r) {
		doc_free(d);
		rd->shown = NO_RELEASE;
	}
	/* Back from full screen, the line read to is kept as the full layout numbers
	 * it, before the preview's compact header renumbers the lines. */
	back_to_preview(rd);
	/* The preview's header is compact, the full reader's whole: a change of the one
	 * to the other lays the release out again, as a change of width does. */
	bool compact = !pane->full, recompact = compact != d->compact;
	d->compact = compact;
	bool carried = take_list_search(rd);
	if (r && host_id(h, r) != rd->shown) {
		remember_line(rd);
		ok = doc_layout(d, h->cat, r, width) && doc_find(d, rd->find.text, rd->find.len);
		rd->shown = host_id(h, r);
		rd->lines.top = 0;
		rd->resume_line = h->ops->saved_line(h, r);
		rd->moved = false;
		rd->find_current = SIZE_MAX;
		rd->was_in_front = false;
	} else if (r && carried) {
		ok = doc_find(d, rd->find.text, rd->find.len);
		rd->find_current = SIZE_MAX;
	} else if (r && (width != d->width || recompact) && d->nlines) {
		const struct doc_line *top =
		        &d->lines[rd->lines.top < d->nlines ? rd->lines.top : 0];
		uint8_t region = top->region;
		const char *at = top->s;
		ok = doc_relayout(d, width);
		if (ok && region != REGION_NONE)
			rd->lines.top = doc_line_at(d, region, at);
	}
	if (!ok)
		host_say(h, true, "out of memory");
	if (r)
		mark_shown(rd, r);
	rd->lines.count = d->nlines;
	rd->lines.sel = rd->lines.top;
	scroll_fit(&rd->lines, pane_rows(pane));
	if (r) {
		resume(rd);
		jump_to_first_match(rd);
	}
}

/* ---- drawing ------------------------------------------------------------------------ */

/* Line i of the doc at (y, x) in cols cells, its matches highlighted. */
static void draw_text(const struct reader *rd, size_t i, int y, int x, int cols, enum role role)
{
	const struct doc *d = &rd->doc;
	const struct doc_line *l = &d->lines[i];
	size_t done = 0;
	for (size_t m = doc_match_from(d, i > MATCH_REACH ? i - MATCH_REACH : 0);
	     m < d->nmatches && d->matches[m].line <= i && cols > 0; m++) {
		size_t from, to;
		if (!doc_match_on_line(d, m, i, &from, &to) || from < done)
			continue;
		int used = term_put(y, x, l->s + done, from - done, cols, role);
		x += used, cols -= used;
		used = term_put(y, x, l->s + from, to - from, cols,
		                m == rd->find_current ? ROLE_CURRENT : ROLE_MATCH);
		x += used, cols -= used;
		done = to;
	}
	term_put(y, x, l->s + done, l->len - done, cols, role);
}

static void draw_line(const struct reader *rd, size_t i, int y, int x, int cols)
{
	const struct doc_line *l = &rd->doc.lines[i];
	switch ((enum doc_kind)l->kind) {
	case DOC_TITLE:
		draw_text(rd, i, y, x, cols, ROLE_HEADING);
		break;
	case DOC_FIELD:
		if (l->label)
			term_put(y, x, l->label, strlen(l->label), cols, ROLE_LABEL);
		if (cols > DOC_LABEL_WIDTH)
			draw_text(rd, i, y, x + DOC_LABEL_WIDTH, cols - DOC_LABEL_WIDTH,
			          ROLE_FIELD);
		break;
	case DOC_META:
		draw_text(rd, i, y, x, cols, ROLE_FIELD);
		break;
	case DOC_SUBTITLE:
	case DOC_BODY:
		draw_text(rd, i, y, x, cols, ROLE_BODY);
		break;
	case DOC_BLANK:
		break;
	}
}

static void draw(struct pane *pane)
{
	const struct reader *rd = pane->state;
	const struct rect *r = &pane->at;
	int m = pane_margin(pane);
	for (int row = 0; row < r->h; row++)
		term_fill(r->y + row, r->x, r->w, ROLE_BODY);
	if (rd->shown == NO_RELEASE) {
		const char *text = "No release to show.";
		term_put(r->y, r->x + m, text, strlen(text), r->w - m, ROLE_BODY);
		return;
	}
	for (int row = 0; row < r->h; row++) {
		size_t i = rd->lines.top + (size_t)row;
		if (i < rd->doc.nlines)
			draw_line(rd, i, r->y + row, r->x + m, pane_text_width(pane));
	}
}

/* ---- keys ------------------------------------------------------------------------- */

static bool act(struct pane *pane, enum action action)
{
	struct reader *rd = pane->state;
	struct host *h = pane->host;
	/* Its own actions come from its keys or the mouse over it; n and N from
	 * wherever the release in front is (the stack lets them down to it). */
	if (action == ACT_NEXT || action == ACT_PREV) {
		find_step(rd, action == ACT_NEXT);
		return true;
	}
	if (pane_move(&rd->lines, action, pane, false)) {
		rd->moved = true;
		rd->resume_line = 0;
		return true;
	}
	switch (action) {
	case ACT_OPEN:
		pane->full = true;
		return true;
	case ACT_CLOSE:
	case ACT_BACK:
		/* Back to the list, or to the related list it was opened from. */
		pane->full = false;
		h->ops->lower(h, pane);
		return true;
	case ACT_SEARCH:
		h->ops->prompt(h, &find_prompt, rd);
		return true;
	default:
		return false;
	}
}

/* On the current match when it is in view (screen readers follow the cursor), else
 * at the top. */
static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	const struct reader *rd = pane->state;
	const struct doc *d = &rd->doc;
	*y = pane->at.y;
	*x = pane->at.x + pane_margin(pane);
	if (!rd->find.len || rd->find_current >= d->nmatches)
		return CURSOR_HIDDEN;
	size_t line = d->matches[rd->find_current].line;
	if (line >= rd->lines.top && line < rd->lines.top + (size_t)pane->at.h)
		*y = pane->at.y + (int)(line - rd->lines.top);
	return CURSOR_HIDDEN;
}

static void click(struct pane *pane, int row)
{
	(void)row;
	pane->host->ops->raise(pane->host, pane);
}

static int percent(const struct pane *pane)
{
	const struct reader *rd = pane->state;
	return scroll_percent(&rd->lines, (size_t)pane->at.h);
}

/* Taken away (at the end): the line it is on is kept. */
static void close_reader(struct pane *pane)
{
	remember_line(pane->state);
}

static bool init(struct pane *pane)
{
	struct reader *rd = calloc(1, sizeof *rd);
	if (rd) {
		rd->pane = pane;
		rd->shown = NO_RELEASE;
		rd->auto_read = NO_RELEASE;
	}
	pane->state = rd;
	return rd != NULL;
}

static void free_state(struct pane *pane)
{
	struct reader *rd = pane->state;
	if (rd)
		doc_free(&rd->doc);
	free(rd);
}

/* In front of the list, or full screen: q goes back, / finds in the release. */
static const struct hint hints[] = {
        {ACT_CLOSE, "back"},     {ACT_SEARCH, "find"},     {ACT_NEXT, "next match"},
        {ACT_PAGE_DOWN, "page"}, {ACT_RELATED, "related"}, {ACT_STAR, "star"},
        {ACT_PAGER, "pager"},    {ACT_NONE, NULL},
};

const struct pane_ops pane_reader_ops = {
        .name = "reader",
        .keys = KEYS_VIEW,
        .passes = PASSES_ALL,
        .hints = hints,
        .init = init,
        .free = free_state,
        .close = close_reader,
        .sync = sync,
        .draw = draw,
        .act = act,
        .cursor = cursor,
        .click = click,
        .percent = percent,
};
