/* The lines around the panes: the title (the inputs, or the loading progress), the
 * status line (the list's size, the filters, a sparkline of the list's months, where
 * the pane in front is) and the bottom line (a message, or the hints of the pane in
 * front). A prompt, when one is up, draws over the bottom line. */
#include "config.h"

#include "app_private.h"
#include "relview/config.h"
#include "relview/feed.h"
#include "relview/progress.h"
#include "relview/text.h"

#include <stdio.h>
#include <string.h>

/* While loading: the progress, and the share of bytes read as a bar that fills the
 * title line. */
static void draw_loading_title(const struct app *app)
{
	char text[PROGRESS_LINE_MAX];
	double fraction;
	size_t cols = app->title.w > 0 ? (size_t)app->title.w : 0;
	size_t len = feed_describe(app->feed, cols, text, sizeof text, &fraction);
	term_put_fit(0, 0, text, len, app->title.w, ROLE_TITLE);
	if (fraction > 0)
		term_put(0, 0, text, len, (int)(fraction * app->title.w), ROLE_SELECTED);
}

static void draw_title(const struct app *app)
{
	char text[512];
	if (app->feed) {
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

/* " 12/56 (400)": the selected row, the list's length (+ while a search still
 * fills it) and, when a filter or the search leaves some out, how many there are. */
static void list_count(const struct app *app, size_t n, char *out, size_t size)
{
	size_t row = pane_list_row(&app->panes[PANE_LIST]);
	int len = snprintf(out, size, " %zu/%zu%s", n ? (row < n ? row : n - 1) + 1 : 0, n,
	                   browse_busy(&app->browse) ? "+" : "");
	if (browse_filtered(&app->browse) && len > 0 && (size_t)len < size)
		snprintf(out + len, size - (size_t)len, " (%zu)", app->cat->count);
}

/* " 3 problems: ! " while there are problems reading the inputs, with the key that
 * lists them as bound; "" else. */
static void problems_note(char *out, size_t size, unsigned long long n)
{
	char key[KEYS_NAME_MAX * 2];
	keys_first_name(ACT_PROBLEMS, key, sizeof key);
	out[0] = '\0';
	if (n)
		snprintf(out, size, " %llu problem%s%s%s ", n, n == 1 ? "" : "s",
		         key[0] ? ": " : "", key);
}

static void draw_status(struct app *app)
{
	char left[400], filters[300], right[192], help[KEYS_NAME_MAX * 2] = "", trouble[80];
	size_t n;
	browse_list(&app->browse, &n);
	const struct pane *place = stack_place(&app->stack);
	browse_describe(&app->browse, filters, sizeof filters);
	list_count(app, n, left, sizeof left);
	size_t len = strlen(left);
	snprintf(left + len, sizeof left - len, "  %s", filters);
	/* Help's key as bound: none when it has none. */
	keys_first_name(ACT_HELP, help, sizeof help);
	problems_note(trouble, sizeof trouble, app->host.nproblems);
	int percent = place ? place->ops->percent(place) : -1;
	char where[16] = ""; /* a list says where it is by its row */
	if (percent >= 0)
		snprintf(where, sizeof where, " %3d%%", percent);
	snprintf(right, sizeof right, "%s %s%s  %s%s ", trouble, place ? place->ops->name : "list",
	         where, help, help[0] ? ":help" : "");
	int rw = (int)strlen(right), y = app->status.y, w = app->status.w;
	if (rw >= w)
		rw = 0;
	term_fill(y, 0, w - rw, ROLE_BAR);
	int spark = draw_sparkline(app, (int)text_width(left, strlen(left)), w - rw);
	term_put_fit(y, 0, left, strlen(left), w - rw - spark, ROLE_BAR);
	term_put(y, w - rw, right, (size_t)rw, rw, ROLE_BAR);
}

static void draw_bottom(const struct app *app)
{
	int y = app->bottom.y, w = app->bottom.w;
	char text[400];
	size_t len = pane_hints_text(stack_hints(&app->stack), w, text, sizeof text);
	if (app->message[0])
		term_put_fit(y, 0, app->message, strlen(app->message), w,
		             app->message_error ? ROLE_ERROR : ROLE_MESSAGE);
	else
		term_put_fit(y, 0, text, len, w, ROLE_HINT);
}

/* A message wider than the bottom line: wrapped over as many lines as it needs at
 * the bottom of the screen, the status line drawn again above them over the panes'
 * last row, as vim pushes the screen up for a long message, until the next key.
 * Not while a prompt or a picker has the bottom line. */
void bars_draw_long_message(struct app *app)
{
	enum { MOST_LINES = 6 };
	const char *m = app->message;
	size_t len = strlen(m), cols = (size_t)(app->bottom.w > 1 ? app->bottom.w - 1 : 1);
	enum key_context keys = stack_top(&app->stack)->ops->keys;
	if (!len || text_width(m, len) <= (size_t)app->bottom.w || keys != KEYS_VIEW)
		return;
	size_t n = text_wrap_count(m, len, cols);
	n = n < MOST_LINES ? n : MOST_LINES;
	/* The title and the status line stay. */
	n = n + 2 <= (size_t)app->bottom.y + 1 ? n : (size_t)app->bottom.y - 1;
	int top = app->bottom.y - (int)n + 1;
	for (size_t k = 0; k < n; k++) {
		size_t start, part;
		text_wrap_nth(m, len, cols, k, &start, &part);
		term_put_fit(top + (int)k, 0, m + start, part, app->bottom.w,
		             app->message_error ? ROLE_ERROR : ROLE_MESSAGE);
	}
	/* For this frame: the next lays the screen out afresh. */
	app->status.y = top - 1;
	draw_status(app);
}

void bars_draw(struct app *app)
{
	draw_title(app);
	draw_status(app);
	draw_bottom(app);
}
