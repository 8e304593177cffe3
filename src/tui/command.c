/* The command line (`:`): go to a date or a row of the list, choose topics or
 * locations by name, or quit; the lines that were commands are kept across runs
 * (persist.h). */
#include "config.h"

#include "app_private.h"
#include "relview/date.h"
#include "relview/prompt.h"

#include <stdint.h>

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

static void select_row(struct app *app, size_t index)
{
	app->host.ops->select(&app->host, index);
}

/* A row past the end goes to the last, as in vi, and says why. */
static void jump_to_row(struct app *app, size_t row, size_t n)
{
	if (!n) {
		app_message(app, true, "No release in the list");
		return;
	}
	if (row > n) {
		app_message(app, false, "Only %zu release%s in the list: at the last", n,
		            n == 1 ? "" : "s");
		row = n;
	}
	select_row(app, row - 1);
}

/* The first release of the date or period named; when the list has none in it, the
 * nearest, and a word that says so. */
static void go_to_date(struct app *app, const struct jump *j, const char *named)
{
	size_t index = browse_find_date(&app->browse, j->since, j->until, app->host.oldest_first);
	select_row(app, index);
	size_t n;
	const uint32_t *list = browse_list(&app->browse, &n);
	uint32_t date = index < n ? app->browse.cat->releases[list[index]].date : 0;
	char iso[11];
	if (date && (date < j->since || date > j->until)) {
		date_format_iso(date, iso);
		app_message(app, false, "No release in %s: at the nearest, from %s", named, iso);
	}
}

static void run(void *ctx, const struct edit *e)
{
	struct app *app = ctx;
	struct jump j;
	size_t shown, n;
	/* Only lines that were commands are kept for Up and Down. */
	if (!view_parse_jump(e->text, &j)) {
		app_message(
		        app, true,
		        "Not a command: %s (a date or year, a row, topic NAME, location NAME, q)",
		        e->text);
		return;
	}
	persist_typed(&app->persist, e);
	if (j.kind == JUMP_QUIT) {
		app->quit = true;
		return;
	}
	/* A jump is into the whole list: a search still running finishes first. A
	 * date is looked for in a list that showed releases. */
	browse_list(&app->browse, &shown);
	browse_step(&app->browse, SIZE_MAX);
	browse_list(&app->browse, &n);
	if (j.kind == JUMP_TOPIC || j.kind == JUMP_LOCATION)
		choose_named(app, j.kind == JUMP_TOPIC ? FACET_TOPIC : FACET_LOCATION, j.name);
	else if (j.kind == JUMP_ROW)
		jump_to_row(app, j.row, n);
	else if (shown)
		go_to_date(app, &j, e->text);
}

static const char *label(void *ctx)
{
	(void)ctx;
	return ":";
}

static struct history *history(void *ctx)
{
	return &((struct app *)ctx)->persist.history;
}

static const struct prompt_kind command_prompt = {
        .label = label,
        .accept = run,
        .history = history,
};

void command_open(struct app *app)
{
	app->host.ops->prompt(&app->host, &command_prompt, app);
}
