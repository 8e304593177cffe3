/* The related pane: the releases related to one (related.h), best first, each a
 * row of the list's columns after why it is related. Asked for, they are found
 * between keys (the first time builds the index of names, in slices); Enter reads
 * one full screen, q or Esc there comes back here, and here goes back to where the
 * user was. */
#include "config.h"

#include "relview/elapsed.h"
#include "relview/listrow.h"
#include "relview/related.h"
#include "relview/state.h"
#include "relview/term.h"
#include "relview/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The reasons take at most this share of the width, in fifths. */
#define WHY_FIFTHS 2
/* Releases indexed between looks at the clock. */
#define RELATED_STEP 64

struct related_pane {
	struct pane *pane;
	struct related *items;
	size_t n;
	struct scroll cursor;
	uint32_t of;                 /* the release they are related to */
	bool pending;                /* asked for: found once the index of names is built */
	struct related_index *index; /* built on the first use */
	/* Where the reader was when the list came up, to go back to. */
	bool reader_front, reader_full;
};

static struct pane *reader_of(const struct related_pane *rp)
{
	return rp->pane->host->ops->pane(rp->pane->host, PANE_READER);
}

/* An index of names covers the releases there were when it began: while the
 * inputs load it answers as long as it covers most of the catalog (a new one would
 * be outrun by what arrives meanwhile), and is begun again for the next question
 * once it has fallen a fifth behind, or loading has ended past it. */
static void drop_stale_index(struct related_pane *rp)
{
	const struct host *h = rp->pane->host;
	size_t covers = rp->index ? related_index_covers(rp->index) : 0;
	if (rp->index && h->cat->count > covers &&
	    (!h->loading || h->cat->count - covers > covers / 5)) {
		related_free(rp->index);
		rp->index = NULL;
	}
}

/* Asked for: found between keys, unless a key comes first. */
static bool open_related(struct pane *pane, int how)
{
	struct related_pane *rp = pane->state;
	const struct release *r = host_selected(pane->host);
	(void)how;
	if (!r) {
		host_say(pane->host, true, "No release selected");
		return false;
	}
	rp->of = host_id(pane->host, r);
	rp->pending = true;
	drop_stale_index(rp);
	host_say(pane->host, false, "Finding related releases...");
	return false;
}

/* The user went on: a related list would come unasked. */
static void keyed(struct pane *pane)
{
	((struct related_pane *)pane->state)->pending = false;
}

/* Up, over the list: the reader goes behind it, as it was remembered the first
 * time. */
static void show(struct related_pane *rp, struct related *items, size_t n)
{
	struct host *h = rp->pane->host;
	struct pane *reader = reader_of(rp);
	if (!h->ops->above(h, rp->pane, h->ops->pane(h, PANE_LIST))) {
		rp->reader_front = h->ops->above(h, reader, h->ops->pane(h, PANE_LIST));
		rp->reader_full = reader->full;
	}
	free(rp->items);
	rp->items = items;
	rp->n = n;
	rp->cursor = (struct scroll){.count = n};
	reader->full = false;
	h->ops->lower(h, reader);
	h->ops->raise(h, rp->pane);
	host_say(h, false, "%zu related release%s", n, n == 1 ? "" : "s");
}

/* Why none: what the release lacks for the first reason, or that it found none. */
static void say_none(const struct related_pane *rp)
{
	struct host *h = rp->pane->host;
	const struct release *r = &h->cat->releases[rp->of];
	bool topic = r->ntopics > 0, place = r->location_id != FACET_NONE;
	if (topic && place)
		host_say(h, false,
		         "No related releases: none of its topic and place within %d days, "
		         "and no rare name in common",
		         RELATED_DAYS);
	else
		host_say(h, false, "No related releases: it has no %s, and no rare name in common",
		         !topic && !place ? "topic or place"
		         : !topic         ? "topic"
		                          : "place");
}

/* Once the index is built. */
static void find(struct related_pane *rp)
{
	struct host *h = rp->pane->host;
	struct related *items;
	size_t n;
	rp->pending = false;
	if (!related_find(rp->index, rp->of, &items, &n))
		host_say(h, true, "out of memory");
	else if (n == 0)
		say_none(rp);
	else
		show(rp, items, n);
}

/* Index names for one slice of time, and find the related releases once that is
 * done: the first time over a large catalog takes seconds, and keys stay live. */
static bool idle(struct pane *pane)
{
	struct related_pane *rp = pane->state;
	const struct catalog *cat = pane->host->cat;
	struct timespec start;
	bool ok = true;
	if (!rp->pending)
		return false;
	elapsed_mark(&start);
	if (!rp->index && !(rp->index = related_new(cat)))
		ok = false;
	while (ok && !related_index_step(rp->index, RELATED_STEP, &ok) &&
	       !elapsed_slice_over(&start))
		;
	if (!ok) {
		rp->pending = false;
		host_say(pane->host, true, "out of memory");
	} else if (related_index_percent(rp->index) == 100) {
		find(rp);
	} else {
		host_say(pane->host, false, "Finding related releases: indexing names, %d%%",
		         related_index_percent(rp->index));
	}
	return true;
}

/* Off the stack: back to where the user was. */
static void close_related(struct pane *pane)
{
	struct related_pane *rp = pane->state;
	struct host *h = pane->host;
	struct pane *reader = reader_of(rp);
	free(rp->items);
	rp->items = NULL;
	rp->n = 0;
	rp->cursor = (struct scroll){0};
	rp->pending = false;
	if (rp->reader_front)
		h->ops->raise(h, reader);
	reader->full = rp->reader_full;
}

/* The rows under the heading. */
static struct pane rows_of(const struct pane *pane)
{
	struct pane rows = *pane;
	rows.at.y++;
	rows.at.h = rows.at.h > 1 ? rows.at.h - 1 : 1;
	return rows;
}

/* "Related to: TITLE, by reason, newest first  (Enter: read, q: back)": the title is
 * cut, not the order the rows are in, while it keeps a few columns. */
static void draw_header(const struct related_pane *rp, const struct rect *r)
{
	enum { TITLE_MIN = 16 };
	char title[256], rest[160], open[64], back[64];
	const struct release *of = &rp->pane->host->cat->releases[rp->of];
	keys_first_name(ACT_OPEN, open, sizeof open);
	keys_first_name(ACT_CLOSE, back, sizeof back);
	int nt = snprintf(title, sizeof title, "Related to: %.*s",
	                  (int)(of->title.len < 200 ? of->title.len : 200), of->title.s);
	int nr = snprintf(rest, sizeof rest, ", by reason, newest first  (%s: read, %s: back)",
	                  open, back);
	size_t lt = nt > 0 ? (size_t)nt : 0, lr = nr > 0 ? (size_t)nr : 0;
	int room = r->w - (int)text_width(rest, lr), title_w = (int)text_width(title, lt);
	if (room < TITLE_MIN)
		title_w = r->w; /* too narrow for both: the title first */
	else if (title_w > room)
		title_w = room;
	term_put_fit(r->y, r->x, title, lt, title_w, ROLE_HEADING);
	if (title_w < r->w)
		term_put_fit(r->y, r->x + title_w, rest, lr, r->w - title_w, ROLE_HEADING);
}

/* The widest reason, within its share of the width. */
static size_t why_width(const struct related_pane *rp, int w)
{
	size_t widest = 0, most = (size_t)(w > 0 ? w : 0) * WHY_FIFTHS / 5;
	for (size_t i = 0; i < rp->n; i++) {
		size_t cells = text_width(rp->items[i].why, strlen(rp->items[i].why));
		widest = cells > widest ? cells : widest;
	}
	return widest < most ? widest : most;
}

static void draw(struct pane *pane)
{
	struct related_pane *rp = pane->state;
	const struct host *h = pane->host;
	const struct rect *r = &pane->at;
	struct pane rows = rows_of(pane);
	draw_header(rp, r);
	scroll_fit(&rp->cursor, (size_t)rows.at.h);
	size_t ww = why_width(rp, r->w);
	struct columns c;
	listrow_columns(h->config, (size_t)r->w - ww - 1, &c);
	for (int row = 0; row < rows.at.h; row++) {
		size_t i = rp->cursor.top + (size_t)row;
		int y = rows.at.y + row;
		term_fill(y, r->x, r->w, ROLE_LIST);
		if (i >= rp->n)
			continue;
		uint32_t id = rp->items[i].id;
		enum role role = i == rp->cursor.sel         ? ROLE_SELECTED
		                 : h->marks[id] & STATE_READ ? ROLE_LIST
		                                             : ROLE_UNREAD;
		/* A reason cut short still leaves a blank before the date. */
		term_put_fit(y, r->x, rp->items[i].why, strlen(rp->items[i].why), (int)ww, role);
		term_fill(y, r->x + (int)ww, 1, role);
		listrow_draw(h, &h->cat->releases[id], y, r->x + (int)ww + 1, &c, role);
	}
}

static bool act(struct pane *pane, enum action action)
{
	struct related_pane *rp = pane->state;
	struct host *h = pane->host;
	struct pane rows = rows_of(pane);
	if (pane_move(&rp->cursor, action, &rows, true) ||
	    pane_step_release(&rp->cursor, action, &rows))
		return true;
	switch (action) {
	case ACT_OPEN: {
		struct pane *reader = reader_of(rp);
		reader->full = true;
		h->ops->raise(h, reader);
		return true;
	}
	case ACT_CLOSE:
	case ACT_BACK:
		h->ops->remove(h, pane);
		return true;
	default:
		break;
	}
	if (key_table[action].scope != SCOPE_LIST)
		return false;
	char key[64];
	keys_first_name(ACT_CLOSE, key, sizeof key);
	host_say(h, true, "Not in the related releases: %s goes back to the list", key);
	return true;
}

static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	const struct related_pane *rp = pane->state;
	*y = pane->at.y + 1 + (int)(rp->cursor.sel - rp->cursor.top);
	*x = pane->at.x;
	return CURSOR_HIDDEN;
}

static void click(struct pane *pane, int row)
{
	struct related_pane *rp = pane->state;
	pane_click_below_heading(&rp->cursor, rp->n, row);
}

static int percent(const struct pane *pane)
{
	const struct related_pane *rp = pane->state;
	return rp->n ? (int)((rp->cursor.sel + 1) * 100 / rp->n) : 100;
}

static bool selected(const struct pane *pane, uint32_t *id)
{
	const struct related_pane *rp = pane->state;
	if (rp->cursor.sel >= rp->n)
		return false;
	*id = rp->items[rp->cursor.sel].id;
	return true;
}

static bool init(struct pane *pane)
{
	struct related_pane *rp = calloc(1, sizeof *rp);
	if (rp)
		rp->pane = pane;
	pane->state = rp;
	pane->full = true;
	return rp != NULL;
}

static void free_state(struct pane *pane)
{
	struct related_pane *rp = pane->state;
	if (rp) {
		free(rp->items);
		related_free(rp->index);
	}
	free(rp);
}

static const struct hint hints[] = {
        {ACT_CLOSE, "back"}, {ACT_OPEN, "read"}, {ACT_RELATED, "related to that one"},
        {ACT_STAR, "star"},  {ACT_NONE, NULL},
};

const struct pane_ops pane_related_ops = {
        .name = "related",
        .keys = KEYS_VIEW,
        .passes = SCOPE_BIT(SCOPE_ANY) | SCOPE_BIT(SCOPE_RELEASE),
        .hints = hints,
        .init = init,
        .free = free_state,
        .open = open_related,
        .close = close_related,
        .keyed = keyed,
        .idle = idle,
        .draw = draw,
        .act = act,
        .cursor = cursor,
        .click = click,
        .percent = percent,
        .selected = selected,
};
