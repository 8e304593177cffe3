/* The loading merge: while the inputs load, the catalog grows between frames; at
 * the start of each the reader takes its lock and merges what arrived into its own
 * display order, the list over it and the marks, and finds the release the list
 * was on last time once it is in. */
#include "config.h"

#include "app_private.h"
#include "relview/cli.h"
#include "relview/feed.h"

#include <stdlib.h>

/* The release the list was on when relview last ended, among those that arrived;
 * it is selected unless the user has moved meanwhile. */
static void find_resume(struct app *app, const uint32_t *ids, size_t n)
{
	for (size_t i = 0; app->resume_pending && i < n; i++)
		if (app->cat->releases[ids[i]].hash == app->persist.state.resume) {
			app->resume_pending = false;
			if (!app->touched)
				pane_list_follow(&app->panes[PANE_LIST], ids[i]);
		}
}

/* What arrived joins the marks and the list. */
static void take_in(struct app *app, enum order_update update, size_t nadded)
{
	const struct catalog *cat = app->cat;
	bool ok = persist_grow(&app->persist, cat, app->known);
	if (ok) {
		app->host.marks = app->persist.flags;
		app->known = cat->count;
		ok = update == ORDER_REMADE ? browse_reorder(&app->browse, app->persist.flags)
		                            : browse_add(&app->browse, app->order.added, nadded,
		                                         app->persist.flags);
	}
	if (!ok || update == ORDER_NO_MEMORY)
		app_message(app, true, "out of memory");
	if (update == ORDER_ADDED)
		find_resume(app, app->order.added, nadded);
	if (update == ORDER_ADDED || update == ORDER_REMADE)
		for (int i = 0; i < PANE_COUNT; i++)
			if (app->panes[i].ops->arrived)
				app->panes[i].ops->arrived(&app->panes[i]);
}

/* The problem lines written since the last frame: kept for the problems pane, and
 * said once. The count is the loader's (lines past the first few of an input are
 * counted, not written). */
static void take_problems(struct app *app)
{
	size_t len;
	char *lines = feed_problem_lines(app->feed, app->problems_len, &len);
	app->host.nproblems = feed_problems(app->feed);
	if (!lines)
		return;
	free(app->problems);
	app->problems = lines;
	app->host.problems = lines;
	app->problems_len = len;
	if (!app->told_problems) {
		char key[KEYS_NAME_MAX * 2];
		keys_first_name(ACT_PROBLEMS, key, sizeof key);
		app_message(app, true,
		            "Problems reading the inputs%s%s%s; printed when relview ends",
		            key[0] ? ": press " : "", key, key[0] ? " to list them" : "");
		app->told_problems = true;
	}
}

bool live_enter(struct app *app)
{
	if (!app->feed)
		return false;
	size_t nadded;
	bool finished;
	enum order_update update = feed_enter(app->feed, &app->order, &nadded, &finished);
	take_in(app, update, nadded);
	take_problems(app);
	if (finished) { /* the loader is gone: the catalog is the reader's alone */
		app->resume_pending = false;
		app->quit = app->quit || app->cat->count == 0; /* nothing could be read */
		app->host.loading = false;
		feed_leave(app->feed);
		app->feed = NULL;
	}
	return true;
}

void live_leave(struct app *app)
{
	if (app->feed)
		feed_leave(app->feed);
}

/* The marks over the releases in so far, and the resume point among them: under
 * the catalog's lock. */
static bool apply_state(struct app *app)
{
	if (!persist_over(&app->persist, app->cat))
		return false;
	app->host.marks = app->persist.flags;
	browse_set_marks(&app->browse, app->persist.flags);
	for (size_t i = 0; app->persist.state.resume && i < app->cat->count; i++)
		if (app->cat->releases[i].hash == app->persist.state.resume)
			pane_list_follow(&app->panes[PANE_LIST], (uint32_t)i);
	return true;
}

bool live_begin(struct app *app, const struct cli *cli)
{
	size_t nadded;
	bool finished, ok;
	uint32_t anchor;
	order_init(&app->order, app->config->oldest_first);
	if (app->feed) /* what arrived is in the order: browse_init takes all of it */
		feed_enter(app->feed, &app->order, &nadded, &finished);
	ok = (app->feed || order_sort(&app->order, app->cat, app->config->oldest_first)) &&
	     browse_init(&app->browse, app->cat, &app->order, &cli->query) && apply_state(app);
	app->known = app->cat->count;
	app->resume_pending =
	        app->persist.state.resume && !pane_list_anchor(&app->panes[PANE_LIST], &anchor);
	live_leave(app);
	return ok;
}
