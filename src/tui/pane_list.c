/* The list pane: one release a row, columns fitted to the width, month separators
 * where releases are dense enough; the selection, and what acts on the list as a
 * whole (the search and date prompts, the unread and starred filters, moving a
 * month or to the next unread release). */
#include "config.h"

#include "relview/date.h"
#include "relview/listrow.h"
#include "relview/prompt.h"
#include "relview/state.h"
#include "relview/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Fewer list rows than this, and month separators would leave too few releases. */
#define LIST_MONTHS_MIN_ROWS 8
/* Fewer releases a month than this on average, and separators would take a good
 * part of the list's rows. */
#define LIST_MONTHS_MIN_DENSITY 4

struct list {
	struct pane *pane;
	struct scroll rows; /* over browse_list() */
	uint32_t anchor;    /* the selected release id; the list follows it */
	bool have_anchor;
	bool arrived; /* releases joined the list since the last frame */
	/* The list was made anew (a filter, the search) or a release to follow was
	 * given: the old screen row means nothing, the list shows its first screen
	 * when the selection is on it, else scrolls as little as it needs. */
	bool fresh;
	bool to_top;      /* a jump: the selected release goes to the top, under its month */
	uint64_t version; /* the browse's at the last frame, or after the last arrival */
	bool months;      /* the list has room for month separators, and they help */
	struct {
		const uint32_t *list; /* the list they were counted for */
		size_t n;
		bool dense; /* enough releases a month for separators to help */
	} count;
	/* Mark all read: the list's unread releases when the question was asked, the
	 * ones its answer marks (releases that arrive meanwhile were not asked about). */
	uint32_t *to_mark;
	size_t nto_mark;
	char question[96];
	/* The search prompt: what to go back to on Esc. */
	struct edit before;
	uint32_t before_anchor;
};

static struct browse *browse_of(const struct list *l)
{
	return l->pane->host->browse;
}

static size_t list_size(const struct list *l)
{
	size_t n;
	browse_list(browse_of(l), &n);
	return n;
}

void pane_list_select(struct pane *pane, size_t index)
{
	struct list *l = pane->state;
	size_t n;
	const uint32_t *list = browse_list(browse_of(l), &n);
	l->rows.sel = index;
	if (index < n) {
		l->anchor = list[index];
		l->have_anchor = true;
	}
}

void pane_list_follow(struct pane *pane, uint32_t id)
{
	struct list *l = pane->state;
	l->anchor = id;
	l->have_anchor = true;
	l->fresh = true;
}

bool pane_list_anchor(const struct pane *pane, uint32_t *id)
{
	const struct list *l = pane->state;
	*id = l->anchor;
	return l->have_anchor;
}

/* Releases arrived above or below: the selected one keeps its screen row. */
static void arrived(struct pane *pane)
{
	struct list *l = pane->state;
	l->arrived = true;
	l->version = browse_of(l)->version;
}

static void say(const struct list *l, bool error, const char *text)
{
	l->pane->host->ops->say(l->pane->host, error, text);
}

/* ---- the search and date prompts -------------------------------------------------- */

static const char *search_label(void *ctx)
{
	(void)ctx;
	return "Search: ";
}

static void search_open(void *ctx, struct edit *edit)
{
	struct list *l = ctx;
	const struct search_job *job = &browse_of(l)->job;
	edit_set(&l->before, job->text, job->len);
	l->before_anchor = l->anchor;
	*edit = l->before;
}

/* Each result as it is typed keeps the release selected when the prompt opened, or
 * the nearest: not the nearest to where a text on the way ("dat" of "date:2014..")
 * took the selection. */
static void search_changed(void *ctx, const struct edit *edit)
{
	struct list *l = ctx;
	l->anchor = l->before_anchor;
	if (!browse_set_search(browse_of(l), edit->text, edit->len))
		say(l, true, "out of memory");
}

static void search_cancel(void *ctx)
{
	struct list *l = ctx;
	if (!browse_set_search(browse_of(l), l->before.text, l->before.len))
		say(l, true, "out of memory");
	l->anchor = l->before_anchor;
}

/* Is it worth saying how the query was read: more than one word, or fields? */
static bool query_has_parts(const struct expr *e)
{
	return e->nterms > 1 ||
	       (e->nterms == 1 && (e->terms[0].kind != EXPR_TEXT || e->terms[0].negated));
}

/* The count, and how the query was read (or why it is not one yet: the list still
 * shows the last query that was). */
static void search_found(void *ctx, const struct edit *edit, char *out, size_t size)
{
	struct list *l = ctx;
	const struct search_job *job = &browse_of(l)->job;
	size_t n = list_size(l);
	(void)edit;
	if (job->error[0]) {
		snprintf(out, size, "   [%s]", job->error);
		return;
	}
	int len = snprintf(out, size, "   [%zu match%s%s", n, n == 1 ? "" : "es",
	                   browse_busy(browse_of(l)) ? "..." : "");
	if (len > 0 && (size_t)len + 3 < size && query_has_parts(&job->expr)) {
		memcpy(out + len, ": ", 3);
		expr_describe(&job->expr, out + len + 2, size - (size_t)len - 2);
	}
	len = (int)strlen(out);
	if ((size_t)len + 1 < size)
		memcpy(out + len, "]", 2);
}

/* Enter on a text that is no query: the search is the one the prompt opened with
 * (not a query it passed through as it was typed). */
static void search_accept(void *ctx, const struct edit *edit)
{
	struct list *l = ctx;
	const struct search_job *job = &browse_of(l)->job;
	char why[sizeof job->error], text[300];
	if (!job->error[0]) {
		l->pane->host->ops->searched(l->pane->host, edit);
		return;
	}
	memcpy(why, job->error, sizeof why);
	search_cancel(l);
	if (l->before.len)
		snprintf(text, sizeof text, "Not a query: %s (the search is still /%.100s)", why,
		         l->before.text);
	else
		snprintf(text, sizeof text, "Not a query: %s (no search)", why);
	say(l, true, text);
}

static struct history *search_history(void *ctx)
{
	struct list *l = ctx;
	return l->pane->host->ops->searches(l->pane->host);
}

static const struct prompt_kind search_prompt = {
        .label = search_label,
        .open = search_open,
        .changed = search_changed,
        .accept = search_accept,
        .cancel = search_cancel,
        .found = search_found,
        .history = search_history,
};

static const char *dates_label(void *ctx)
{
	(void)ctx;
	return "Dates (FROM..UNTIL): ";
}

/* The date filter there is, to edit. */
static void dates_open(void *ctx, struct edit *edit)
{
	const struct filter *f = &browse_of(ctx)->filter;
	char from[11], to[11], text[32];
	if (!f->since && !f->until)
		return;
	date_format_iso(f->since, from);
	date_format_iso(f->until, to);
	snprintf(text, sizeof text, "%s..%s", from, to);
	edit_set(edit, text, strlen(text));
}

static void dates_accept(void *ctx, const struct edit *edit)
{
	struct list *l = ctx;
	uint32_t since, until;
	if (!date_parse_range(edit->text, &since, &until)) {
		host_say(l->pane->host, true, "Not a date range: %s (FROM..UNTIL, YYYY[-MM[-DD]])",
		         edit->text);
		return;
	}
	browse_set_dates(browse_of(l), since, until);
	say(l, false, since || until ? "Date range set" : "No date filter");
}

static const struct prompt_kind dates_prompt = {
        .label = dates_label,
        .open = dates_open,
        .accept = dates_accept,
};

/* ---- mark all read ---------------------------------------------------------------- */

static const char *mark_all_label(void *ctx)
{
	return ((struct list *)ctx)->question;
}

static void forget_marks_asked(struct list *l)
{
	free(l->to_mark);
	l->to_mark = NULL;
	l->nto_mark = 0;
}

static void mark_all_accept(void *ctx, const struct edit *edit)
{
	struct list *l = ctx;
	struct host *h = l->pane->host;
	size_t marked;
	(void)edit;
	if (!h->ops->mark_read(h, l->to_mark, l->nto_mark, &marked))
		say(l, true, "out of memory");
	else
		host_say(h, false, "Marked %zu release%s read", marked, marked == 1 ? "" : "s");
	forget_marks_asked(l);
}

/* n or Esc: nothing else happens. */
static void mark_all_cancel(void *ctx)
{
	forget_marks_asked(ctx);
}

static const struct prompt_kind mark_all_prompt = {
        .label = mark_all_label,
        .accept = mark_all_accept,
        .cancel = mark_all_cancel,
        .question = true,
};

/* The list's unread releases, and the question whether to mark them read. */
static void ask_mark_all(struct list *l)
{
	struct host *h = l->pane->host;
	size_t n;
	const uint32_t *list = browse_list(browse_of(l), &n);
	if (browse_busy(browse_of(l))) {
		say(l, true, "The search is still filling the list: ask again when it is done");
		return;
	}
	forget_marks_asked(l);
	if (!(l->to_mark = malloc((n ? n : 1) * sizeof *l->to_mark))) {
		say(l, true, "out of memory");
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (!(h->marks[list[i]] & STATE_READ))
			l->to_mark[l->nto_mark++] = list[i];
	size_t k = l->nto_mark;
	if (!k) {
		forget_marks_asked(l);
		say(l, false, "Every release in the list is read already");
		return;
	}
	if (k == n)
		snprintf(l->question, sizeof l->question, "Mark %zu release%s read? (y/n) ", k,
		         k == 1 ? "" : "s");
	else
		snprintf(l->question, sizeof l->question,
		         "Mark the %zu unread of the list's %zu releases read? (y/n) ", k, n);
	h->ops->prompt(h, &mark_all_prompt, l);
}

/* ---- what acts on the list as a whole ------------------------------------------- */

static void next_unread(struct list *l)
{
	size_t i = browse_next_unread(browse_of(l), l->rows.sel);
	if (i >= list_size(l)) {
		say(l, false, "No unread release in the list");
		return;
	}
	/* It wraps round, and says so, as less and vim do at the end of a search. */
	if (i < l->rows.sel)
		say(l, false, "Wrapped to the first unread release, from the end of the list");
	else if (i == l->rows.sel)
		say(l, false, "No other unread release in the list");
	pane_list_select(l->pane, i);
}

static void only(struct list *l, bool unread, bool starred)
{
	browse_only(browse_of(l), unread, starred);
	if (unread || starred)
		host_say(l->pane->host, false, "Only %s%s%s releases", unread ? "unread" : "",
		         unread && starred ? ", " : "", starred ? "starred" : "");
	else
		say(l, false, "All releases");
}

static void month_step(struct list *l, bool forward)
{
	size_t to = browse_month_step(browse_of(l), l->rows.sel, forward);
	if (to == l->rows.sel) {
		host_say(l->pane->host, false, "No month %s in the list",
		         forward ? "below" : "above");
		return;
	}
	pane_list_select(l->pane, to);
	l->to_top = true; /* the month's releases below its separator, not one at the bottom */
}

static void clear(struct list *l)
{
	if (!browse_clear(browse_of(l)))
		say(l, true, "out of memory");
	else
		say(l, false, "Filters and search cleared");
}

/* What acts on the list as a whole. */
static bool act_on_list(struct list *l, enum action action)
{
	const struct filter *f = &browse_of(l)->filter;
	switch (action) {
	case ACT_DATES:
		l->pane->host->ops->prompt(l->pane->host, &dates_prompt, l);
		return true;
	case ACT_CLEAR:
		clear(l);
		return true;
	case ACT_NEXT_UNREAD:
		next_unread(l);
		return true;
	case ACT_MARK_ALL_READ:
		ask_mark_all(l);
		return true;
	case ACT_ONLY_UNREAD:
		only(l, !f->unread, f->starred);
		return true;
	case ACT_ONLY_STARRED:
		only(l, f->unread, !f->starred);
		return true;
	case ACT_PREV_MONTH:
	case ACT_NEXT_MONTH:
		month_step(l, action == ACT_NEXT_MONTH);
		return true;
	default:
		return false;
	}
}

/* ---- the pane ------------------------------------------------------------------- */

static bool has_keys(const struct pane *pane)
{
	struct host *h = pane->host;
	return h->ops->above(h, pane, h->ops->pane(h, PANE_READER));
}

static bool act(struct pane *pane, enum action action)
{
	struct list *l = pane->state;
	struct host *h = pane->host;
	/* Its own actions come from its keys or the mouse over it; what acts on the
	 * list as a whole, also from the reader above it (the stack lets it down). */
	if (pane_move(&l->rows, action, pane, true) || pane_step_release(&l->rows, action, pane)) {
		pane_list_select(pane, l->rows.sel);
		return true;
	}
	switch (action) {
	case ACT_OPEN:
		if (host_selected(h)) {
			struct pane *reader = h->ops->pane(h, PANE_READER);
			reader->full = true;
			h->ops->raise(h, reader);
		}
		return true;
	case ACT_CLOSE:
		h->ops->quit(h);
		return true;
	case ACT_SEARCH:
		h->ops->prompt(h, &search_prompt, l);
		return true;
	default:
		return act_on_list(l, action);
	}
}

/* From the first key on, the selection stays on its release as others arrive;
 * before it, the list shows its top. */
static void keyed(struct pane *pane)
{
	struct list *l = pane->state;
	if (!l->have_anchor)
		pane_list_select(pane, l->rows.sel);
}

static bool selected(const struct pane *pane, uint32_t *id)
{
	const struct list *l = pane->state;
	size_t n;
	const uint32_t *list = browse_list(browse_of(l), &n);
	if (n == 0)
		return false;
	*id = list[l->rows.sel < n ? l->rows.sel : n - 1];
	return true;
}

/* Are the releases in the list close enough for month separators? Counted again
 * only when the list changed. */
static bool months_dense(struct list *l)
{
	size_t n;
	const uint32_t *list = browse_list(browse_of(l), &n);
	if (browse_busy(browse_of(l)))
		return false;
	/* A count is a pass over the whole list: while loading, when the list only
	 * grew, not every frame but once it has grown by a quarter. */
	bool grew_little = l->pane->host->loading && list == l->count.list && n >= l->count.n &&
	                   n - l->count.n < l->count.n / 4;
	if ((list != l->count.list || n != l->count.n) && !grew_little) {
		l->count.list = list;
		l->count.n = n;
		l->count.dense = n >= LIST_MONTHS_MIN_DENSITY * browse_months(browse_of(l));
	}
	return l->count.dense;
}

/* A search or a filter left the anchored release out of the list, and the one now
 * selected stands where it would be: from now on that one stays selected (and open
 * in the reader) as releases arrive, not whichever comes to that place. */
static void hold_selection(struct list *l)
{
	size_t n;
	const uint32_t *list = browse_list(browse_of(l), &n);
	if (l->have_anchor && !browse_busy(browse_of(l)) && l->rows.sel < n)
		l->anchor = list[l->rows.sel];
}

static void sync(struct pane *pane)
{
	struct list *l = pane->state;
	struct browse *b = browse_of(l);
	l->rows.count = list_size(l);
	/* Arrivals raise the version too (browse_add): they come first in a frame, so a
	 * version past the one they left is a filter's or the search's. */
	l->fresh = l->fresh || b->version != l->version;
	l->version = b->version;
	if (l->have_anchor) {
		size_t row = l->rows.sel - l->rows.top;
		l->rows.sel = browse_locate(b, l->anchor);
		/* Releases arrived above or below: the selected one keeps its screen row. */
		if (l->arrived && !l->fresh)
			l->rows.top = l->rows.sel > row ? l->rows.sel - row : 0;
	}
	if (l->fresh)
		l->rows.top = 0;
	/* A separator shows only between rows: with months, the row above stays, so
	 * that the month's name is on the screen above its first release. */
	if (l->to_top)
		l->rows.top = l->months && l->rows.sel ? l->rows.sel - 1 : l->rows.sel;
	l->arrived = l->fresh = l->to_top = false;
	size_t rows = pane_rows(pane);
	scroll_fit(&l->rows, rows);
	hold_selection(l);
	l->months = rows >= LIST_MONTHS_MIN_ROWS && months_dense(l);
	l->rows.top = list_top_for(b, l->rows.top, l->rows.sel, rows, l->months);
}

static void draw_empty(const struct list *l, const struct rect *r)
{
	char text[128], key[64];
	keys_first_name(ACT_CLEAR, key, sizeof key);
	if (browse_busy(browse_of(l)))
		snprintf(text, sizeof text, "Searching...");
	else if (browse_filtered(browse_of(l)) && key[0])
		snprintf(text, sizeof text, "No release matches. %s clears the filters.", key);
	else
		snprintf(text, sizeof text, "%s",
		         browse_filtered(browse_of(l)) ? "No release matches." : "No releases.");
	term_put_fit(r->y + (r->h > 2 ? 1 : 0), r->x + 1, text, strlen(text), r->w - 1,
	             ROLE_NORMAL);
}

/* "── March 2014 ──" across the row: where a month begins. */
static void draw_month(const struct release *r, int y, const struct rect *at)
{
	char label[64] = " Undated ";
	struct tm tm = {.tm_year = (int)(r->date / 10000) - 1900,
	                .tm_mon = (int)(r->date / 100 % 100) - 1,
	                .tm_mday = 1};
	if (r->date && !strftime(label, sizeof label, " %B %Y ", &tm))
		snprintf(label, sizeof label, " %04u-%02u ", r->date / 10000, r->date / 100 % 100);
	term_hline(y, at->x, at->w);
	if (at->w > 4)
		term_put(y, at->x + 2, label, strlen(label), at->w - 4, ROLE_LIST);
}

static void draw(struct pane *pane)
{
	const struct list *l = pane->state;
	const struct host *h = pane->host;
	const struct rect *r = &pane->at;
	size_t n;
	const uint32_t *list = browse_list(h->browse, &n);
	struct columns c;
	listrow_columns(h->config, (size_t)r->w, &c);
	bool focused = has_keys(pane);
	size_t i = l->rows.top;
	for (int row = 0; row < r->h; row++, i++) {
		term_fill(r->y + row, r->x, r->w, ROLE_LIST);
		if (i >= n)
			continue;
		if (l->months && i > l->rows.top && browse_month_starts(h->browse, i)) {
			draw_month(&h->cat->releases[list[i]], r->y + row, r);
			if (++row == r->h)
				break;
			term_fill(r->y + row, r->x, r->w, ROLE_LIST);
		}
		uint32_t id = list[i];
		enum role role = i == l->rows.sel            ? (focused ? ROLE_SELECTED : ROLE_IDLE)
		                 : h->marks[id] & STATE_READ ? ROLE_LIST
		                                             : ROLE_UNREAD;
		listrow_draw(h, &h->cat->releases[id], r->y + row, r->x, &c, role);
	}
	if (n == 0)
		draw_empty(l, r);
}

static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	const struct list *l = pane->state;
	*y = pane->at.y + (int)list_row_of(pane->host->browse, l->rows.top, l->rows.sel, l->months);
	*x = pane->at.x;
	return CURSOR_HIDDEN;
}

static void click(struct pane *pane, int row)
{
	struct list *l = pane->state;
	size_t i = list_item_at(pane->host->browse, l->rows.top, (size_t)row, l->months);
	if (i == LIST_NO_ITEM)
		return;
	pane_list_select(pane, i);
	pane->host->ops->raise(pane->host, pane);
}

size_t pane_list_row(const struct pane *pane)
{
	return ((const struct list *)pane->state)->rows.sel;
}

/* The status line gives the row and the list's length instead: a percentage would
 * say it again, less precisely. */
static int percent(const struct pane *pane)
{
	(void)pane;
	return -1;
}

static bool init(struct pane *pane)
{
	struct list *l = calloc(1, sizeof *l);
	if (l)
		l->pane = pane;
	pane->state = l;
	return l != NULL;
}

static void free_state(struct pane *pane)
{
	if (pane->state)
		forget_marks_asked(pane->state);
	free(pane->state);
}

static const struct hint hints[] = {
        {ACT_CLOSE, "quit"},        {ACT_OPEN, "read"},           {ACT_SEARCH, "search"},
        {ACT_TOPICS, "topics"},     {ACT_LOCATIONS, "locations"}, {ACT_DATES, "dates"},
        {ACT_CLEAR, "clear"},       {ACT_LAYOUT, "layout"},       {ACT_FOCUS, "focus"},
        {ACT_TIMELINE, "timeline"}, {ACT_RELATED, "related"},     {ACT_NONE, NULL},
};

const struct pane_ops pane_list_ops = {
        .name = "list",
        .keys = KEYS_VIEW,
        .passes = PASSES_ALL,
        .hints = hints,
        .init = init,
        .free = free_state,
        .keyed = keyed,
        .arrived = arrived,
        .sync = sync,
        .draw = draw,
        .act = act,
        .cursor = cursor,
        .click = click,
        .percent = percent,
        .selected = selected,
};
