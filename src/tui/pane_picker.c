/* The topic and location picker: every facet with its count under the other
 * filters, narrowed as you type, several chosen at once. The model is view's
 * picker; this draws it and maps keys onto it. */
#include "config.h"

#include "relview/app.h"

#include <stdio.h>
#include <string.h>

#define COUNT_WIDTH 7

static const char *kind_name(const struct picker *p)
{
	static const char *const names[] = {"Topics", "Locations", "Sources"};
	return names[p->kind];
}

/* "  Space: choose": an action's first key as the key map has it, so that rebound
 * keys show as they are; nothing for an action without a key. */
static size_t key_hint(char *out, size_t size, enum action action, const char *what)
{
	char keys[64];
	app_key_name(action, keys, sizeof keys);
	int n = keys[0] ? snprintf(out, size, "  %s: %s", keys, what) : 0;
	return n > 0 && (size_t)n < size ? (size_t)n : 0;
}

static void draw_header(const struct app *app, const struct rect *r)
{
	char text[200];
	int n = snprintf(text, sizeof text, "%s: %zu chosen.", kind_name(&app->picker),
	                 picker_nchosen(&app->picker));
	size_t len = n > 0 ? (size_t)n : 0;
	len += key_hint(text + len, sizeof text - len, ACT_PICK_TOGGLE, "choose");
	len += key_hint(text + len, sizeof text - len, ACT_PICK_APPLY, "apply");
	len += key_hint(text + len, sizeof text - len, ACT_PROMPT_CANCEL, "cancel");
	term_put_fit(r->y, r->x, text, len, r->w, ROLE_HEADING);
}

static void draw_item(const struct app *app, size_t item, int y, const struct rect *r,
                      enum role role)
{
	const struct picker_item *it = &app->picker.items[item];
	static const char *const marks[] = {"[ ] ", "[-] ", "[x] "};
	int x = r->x + 1, indent = it->parent != PICKER_NONE ? 2 : 0;
	char count[16];
	snprintf(count, sizeof count, "%*u", COUNT_WIDTH - 1, it->count);
	if (role == ROLE_PICKER && it->count == 0)
		role = ROLE_DIM;
	term_fill(y, r->x, r->w, role);
	x += indent;
	x += term_put(y, x, marks[picker_state(&app->picker, item)], 4, 4, role);
	int room = r->x + r->w - x - COUNT_WIDTH;
	term_put_fit(y, x, it->label.s, it->label.len, room, role);
	term_put(y, x + (room > 0 ? room : 0), count, strlen(count), COUNT_WIDTH, role);
}

static size_t rows(const struct pane *pane)
{
	return pane->at.h > 1 ? (size_t)pane->at.h - 1 : 1;
}

static void draw(struct app *app, struct pane *pane)
{
	const struct rect *r = &pane->at;
	struct picker *p = &app->picker;
	draw_header(app, r);
	scroll_fit(&p->cursor, rows(pane));
	for (int row = 1; row < r->h; row++) {
		size_t i = p->cursor.top + (size_t)row - 1;
		if (i >= p->nshown) {
			term_fill(r->y + row, r->x, r->w, ROLE_PICKER);
			continue;
		}
		draw_item(app, p->shown[i], r->y + row, r,
		          i == p->cursor.sel ? ROLE_SELECTED : ROLE_PICKER);
	}
	if (p->nshown == 0) {
		const char *none = "Nothing matches what you typed.";
		term_put(r->y + (r->h > 1), r->x + 1, none, strlen(none), r->w - 1, ROLE_NORMAL);
	}
}

static void apply(struct app *app)
{
	struct picker *p = &app->picker;
	size_t n = picker_nchosen(p);
	if (!browse_set_facets(&app->browse, p->kind, n ? p->chosen : NULL, p->nfacets)) {
		app_message(app, true, "out of memory");
		return;
	}
	static const char *const singular[] = {"topic", "location", "source"};
	if (n)
		app_message(app, false, "%zu %s(s) chosen", n, singular[p->kind]);
	else
		app_message(app, false, "no %s filter", singular[p->kind]);
	app_close_picker(app);
}

static bool act(struct app *app, struct pane *pane, enum action action)
{
	struct picker *p = &app->picker;
	long page = (long)rows(pane) - 1 > 0 ? (long)rows(pane) - 1 : 1;
	switch (action) {
	case ACT_PICK_DOWN:
	case ACT_PICK_UP:
		scroll_move(&p->cursor, action == ACT_PICK_DOWN ? 1 : -1, rows(pane));
		return true;
	case ACT_PICK_PAGE_DOWN:
	case ACT_PICK_PAGE_UP:
		scroll_page(&p->cursor, action == ACT_PICK_PAGE_DOWN ? page : -page, rows(pane));
		return true;
	case ACT_PICK_TOGGLE:
		picker_toggle(p);
		return true;
	case ACT_PICK_NONE:
		memset(p->chosen, 0, p->nfacets * sizeof *p->chosen);
		return true;
	case ACT_PICK_APPLY:
		apply(app);
		return true;
	default:
		return false;
	}
}

static void cursor(const struct app *app, const struct pane *pane, int *y, int *x)
{
	*y = pane->at.y + 1 + (int)(app->picker.cursor.sel - app->picker.cursor.top);
	*x = pane->at.x + 1;
}

static void click(struct app *app, struct pane *pane, int row)
{
	(void)pane;
	pane_click_below_heading(&app->picker.cursor, app->picker.nshown, row);
}

const struct pane_ops pane_picker_ops = {"picker", KEYS_PICKER, draw, act, cursor, click};
