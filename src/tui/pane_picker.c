/* The topic, location and source picker: every facet with its count under the
 * other filters, narrowed as you type (a prompt of its own on the bottom line),
 * several chosen at once. The model is view's picker; this draws it and maps keys
 * onto it. */
#include "config.h"

#include "relview/prompt.h"
#include "relview/term.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_WIDTH 7

struct picker_pane {
	struct pane *pane;
	struct picker picker;
	bool up;              /* picker holds something to free */
	struct prompt prompt; /* the narrowing text */
};

static const char *kind_name(const struct picker *p)
{
	static const char *const names[] = {"Topics", "Locations", "Sources"};
	return names[p->kind];
}

/* ---- the narrowing prompt --------------------------------------------------------- */

static const char *narrow_label(void *ctx)
{
	const struct picker_pane *pp = ctx;
	return pp->picker.kind == FACET_TOPIC      ? "Topic: "
	       : pp->picker.kind == FACET_LOCATION ? "Location: "
	                                           : "Source: ";
}

static void narrow_changed(void *ctx, const struct edit *edit)
{
	struct picker_pane *pp = ctx;
	if (!picker_narrow(&pp->picker, edit->text, edit->len))
		host_say(pp->pane->host, true, "out of memory");
}

static void go_away(struct picker_pane *pp)
{
	pp->pane->host->ops->remove(pp->pane->host, pp->pane);
}

static void close_picker(struct pane *pane)
{
	struct picker_pane *pp = pane->state;
	picker_free(&pp->picker);
	pp->up = false;
}

static void narrow_cancel(void *ctx)
{
	go_away(ctx);
}

static const struct prompt_kind narrow_prompt = {
        .label = narrow_label,
        .changed = narrow_changed,
        .cancel = narrow_cancel,
};

/* Something is typed: a picker key that is a character (Space) then types itself,
 * as in fzf, so that words go apart with a space ("san j"). */
static bool typing(const struct picker_pane *pp)
{
	return pp->prompt.edit.len > 0;
}

static bool types_itself(int key)
{
	return key >= ' ' && key != 0x7f && !(key >= 0x80 && key < 0xa0) && key < KEYCODE_FN(0);
}

/* ---- opening and choosing ------------------------------------------------------------ */

static bool open_picker(struct pane *pane, int how)
{
	struct picker_pane *pp = pane->state;
	struct host *h = pane->host;
	enum facet_kind kind = (enum facet_kind)how;
	size_t count = facet_count(h->cat, kind);
	if (kind == FACET_SOURCE && count < 2) {
		host_say(h, true, "One input only: nothing to choose");
		return false;
	}
	if (count == 0) {
		host_say(h, true, "These releases name no %s",
		         kind == FACET_TOPIC ? "topics" : "locations");
		return false;
	}
	uint32_t *counts = malloc(count * sizeof *counts);
	bool ok = counts != NULL;
	if (ok) {
		browse_facet_counts(h->browse, kind, counts);
		ok = picker_init(&pp->picker, h->cat, kind, counts, browse_facets(h->browse, kind));
	}
	free(counts);
	if (!ok) {
		host_say(h, true, "out of memory");
		return false;
	}
	pp->up = true;
	prompt_open(&pp->prompt, &narrow_prompt, pp);
	return true;
}

static void apply(struct picker_pane *pp)
{
	struct picker *p = &pp->picker;
	struct host *h = pp->pane->host;
	picker_choose_pointed(p);
	size_t n = picker_nchosen(p);
	if (!browse_set_facets(h->browse, p->kind, n ? p->chosen : NULL, p->nfacets)) {
		host_say(h, true, "out of memory");
		return;
	}
	static const char *const singular[] = {"topic", "location", "source"};
	if (n)
		host_say(h, false, "%zu %s%s chosen", n, singular[p->kind], n == 1 ? "" : "s");
	else
		host_say(h, false, "no %s filter", singular[p->kind]);
	go_away(pp);
}

/* ---- drawing --------------------------------------------------------------------------- */

/* "  Space: choose": the first key bound to an action that acts now (once
 * something is typed, not one that types itself: "Tab: choose"), as the key map has
 * it, so that rebound keys show as they are; nothing for an action without a key. */
static size_t key_hint(char *out, size_t size, enum action action, const char *what, bool typed)
{
	const struct keymap *map = keys_active();
	for (size_t i = 0; i < map->n; i++) {
		const struct keymap_entry *e = &map->entries[i];
		if (e->action != action || (typed && types_itself(e->key)))
			continue;
		char name[KEYS_NAME_MAX];
		keys_name(e->key, name);
		int n = snprintf(out, size, "  %s: %s", name, what);
		return n > 0 && (size_t)n < size ? (size_t)n : 0;
	}
	return 0;
}

static void draw_header(const struct picker_pane *pp, const struct rect *r)
{
	const struct picker *p = &pp->picker;
	bool typed = typing(pp);
	char text[200];
	int n = snprintf(text, sizeof text, "%s: %zu chosen.", kind_name(p), picker_nchosen(p));
	size_t len = n > 0 ? (size_t)n : 0;
	len += key_hint(text + len, sizeof text - len, ACT_PICK_TOGGLE, "choose", typed);
	len += key_hint(text + len, sizeof text - len, ACT_PICK_APPLY, "apply", typed);
	len += key_hint(text + len, sizeof text - len, ACT_PROMPT_CANCEL, "cancel", typed);
	term_put_fit(r->y, r->x, text, len, r->w, ROLE_HEADING);
}

static void draw_item(const struct picker *p, size_t item, int y, const struct rect *r,
                      enum role role)
{
	const struct picker_item *it = &p->items[item];
	static const char *const marks[] = {"[ ] ", "[-] ", "[x] "};
	int x = r->x + 1, indent = it->parent != PICKER_NONE ? 2 : 0;
	char count[16];
	snprintf(count, sizeof count, "%*u", COUNT_WIDTH - 1, it->count);
	if (role == ROLE_PICKER && it->count == 0)
		role = ROLE_DIM;
	term_fill(y, r->x, r->w, role);
	x += indent;
	x += term_put(y, x, marks[picker_state(p, item)], 4, 4, role);
	int room = r->x + r->w - x - COUNT_WIDTH;
	term_put_fit(y, x, it->label.s, it->label.len, room, role);
	term_put(y, x + (room > 0 ? room : 0), count, strlen(count), COUNT_WIDTH, role);
}

static size_t rows(const struct pane *pane)
{
	return pane->at.h > 1 ? (size_t)pane->at.h - 1 : 1;
}

static void draw(struct pane *pane)
{
	struct picker_pane *pp = pane->state;
	const struct rect *r = &pane->at;
	struct picker *p = &pp->picker;
	draw_header(pp, r);
	scroll_fit(&p->cursor, rows(pane));
	for (int row = 1; row < r->h; row++) {
		size_t i = p->cursor.top + (size_t)row - 1;
		if (i >= p->nshown) {
			term_fill(r->y + row, r->x, r->w, ROLE_PICKER);
			continue;
		}
		draw_item(p, p->shown[i], r->y + row, r,
		          i == p->cursor.sel ? ROLE_SELECTED : ROLE_PICKER);
	}
	if (p->nshown == 0) {
		const char *none = "Nothing matches what you typed.";
		term_put(r->y + (r->h > 1), r->x + 1, none, strlen(none), r->w - 1, ROLE_NORMAL);
	}
	/* Its prompt where prompts go: the prompt pane's line. */
	const struct rect *line = &pane->host->ops->pane(pane->host, PANE_PROMPT)->at;
	prompt_draw(&pp->prompt, line->y, line->w);
}

/* ---- keys ---------------------------------------------------------------------------- */

static bool act(struct pane *pane, enum action action)
{
	struct picker_pane *pp = pane->state;
	struct picker *p = &pp->picker;
	long page = (long)rows(pane) - 1 > 0 ? (long)rows(pane) - 1 : 1;
	switch (action) {
	case ACT_PICK_DOWN:
	case ACT_PICK_UP:
		scroll_move(&p->cursor, action == ACT_PICK_DOWN ? 1 : -1, rows(pane));
		p->pointed = true;
		return true;
	case ACT_PICK_PAGE_DOWN:
	case ACT_PICK_PAGE_UP:
		scroll_page(&p->cursor, action == ACT_PICK_PAGE_DOWN ? page : -page, rows(pane));
		p->pointed = true;
		return true;
	case ACT_PICK_TOGGLE:
		picker_toggle(p);
		return true;
	case ACT_PICK_NONE:
		picker_clear(p);
		return true;
	case ACT_PICK_APPLY:
		apply(pp);
		return true;
	default:
		return false;
	}
}

/* The picker's keys first, then the narrowing text's. */
static void key(struct pane *pane, int key)
{
	struct picker_pane *pp = pane->state;
	enum action a = keys_lookup(KEYS_PICKER, key);
	if (a && !(typing(pp) && types_itself(key)) && act(pane, a))
		return;
	enum prompt_end end = prompt_key(&pp->prompt, key);
	if (end == PROMPT_CANCELLED)
		prompt_finish(&pp->prompt, end);
}

static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	const struct picker_pane *pp = pane->state;
	*y = pane->at.y + 1 + (int)(pp->picker.cursor.sel - pp->picker.cursor.top);
	*x = pane->at.x + 1;
	return CURSOR_HIDDEN;
}

static void click(struct pane *pane, int row)
{
	struct picker_pane *pp = pane->state;
	pane_click_below_heading(&pp->picker.cursor, pp->picker.nshown, row);
	pp->picker.pointed = true;
}

static bool init(struct pane *pane)
{
	struct picker_pane *pp = calloc(1, sizeof *pp);
	if (pp)
		pp->pane = pane;
	pane->state = pp;
	pane->full = true;
	return pp != NULL;
}

static void free_state(struct pane *pane)
{
	struct picker_pane *pp = pane->state;
	if (pp && pp->up)
		picker_free(&pp->picker);
	free(pp);
}

const struct pane_ops pane_picker_ops = {
        .name = "picker",
        .keys = KEYS_PICKER,
        .init = init,
        .free = free_state,
        .open = open_picker,
        .close = close_picker,
        .draw = draw,
        .key = key,
        .act = act,
        .cursor = cursor,
        .click = click,
};
