/* The loop's side of the host interface (pane.h): what the panes may ask of it,
 * over the loop's own state (struct app). */
#include "config.h"

#include "app_private.h"
#include "relview/prompt.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void app_message(struct app *app, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->message, sizeof app->message, fmt, ap);
	va_end(ap);
	app->message_error = error;
}

const struct release *app_selected(const struct app *app)
{
	uint32_t id;
	return stack_selected(&app->stack, &id) ? &app->cat->releases[id] : NULL;
}

const struct release *app_list_selected(const struct app *app)
{
	const struct pane *list = &app->panes[PANE_LIST];
	uint32_t id;
	return list->ops->selected(list, &id) ? &app->cat->releases[id] : NULL;
}

/* ---- the host: what the panes see of the loop ---------------------------------------- */

static struct app *app_of(struct host *host)
{
	/* host is an app's member: the address offsetof() back is that app's, aligned */
	return (struct app *)(void *)((char *)host - offsetof(struct app, host));
}

static void host_message(struct host *host, bool error, const char *text)
{
	app_message(app_of(host), error, "%s", text);
}

static bool host_front(struct host *host, uint32_t *id)
{
	return stack_selected(&app_of(host)->stack, id);
}

static bool host_anchor(struct host *host, uint32_t *id)
{
	return pane_list_anchor(&app_of(host)->panes[PANE_LIST], id);
}

static void host_select(struct host *host, size_t index)
{
	pane_list_select(&app_of(host)->panes[PANE_LIST], index);
}

static void host_prompt(struct host *host, const struct prompt_kind *kind, void *ctx)
{
	pane_prompt_start(&app_of(host)->panes[PANE_PROMPT], kind, ctx);
}

static struct pane *host_pane(struct host *host, enum pane_id id)
{
	return &app_of(host)->panes[id];
}

static void host_raise(struct host *host, struct pane *pane)
{
	stack_raise(&app_of(host)->stack, pane);
}

static void host_lower(struct host *host, struct pane *pane)
{
	stack_lower(&app_of(host)->stack, pane);
}

/* Off the stack, and closed. */
void app_remove_pane(struct host *host, struct pane *pane)
{
	struct stack *s = &app_of(host)->stack;
	if (!stack_has(s, pane))
		return;
	stack_remove(s, pane);
	if (pane->ops->close)
		pane->ops->close(pane);
}

static bool host_above(struct host *host, const struct pane *a, const struct pane *b)
{
	return stack_above(&app_of(host)->stack, a, b);
}

static uint32_t host_saved_line(struct host *host, const struct release *r)
{
	return persist_line(&app_of(host)->persist, r);
}

void app_mark(struct host *host, const struct release *r, uint8_t flags, uint32_t line)
{
	struct app *app = app_of(host);
	if (!persist_mark(&app->persist, host_id(host, r), r, flags, line))
		app_message(app, true, "out of memory");
}

static bool host_mark_read(struct host *host, const uint32_t *ids, size_t n, size_t *marked)
{
	struct app *app = app_of(host);
	return persist_mark_read(&app->persist, app->cat, ids, n, marked);
}

static struct history *host_searches(struct host *host)
{
	return &app_of(host)->persist.searches;
}

static void host_searched(struct host *host, const struct edit *line)
{
	persist_searched(&app_of(host)->persist, line);
}

static void host_quit(struct host *host)
{
	app_of(host)->quit = true;
}

const struct host_ops app_host_ops = {
        .say = host_message,
        .selected = host_front,
        .anchor = host_anchor,
        .select = host_select,
        .prompt = host_prompt,
        .pane = host_pane,
        .raise = host_raise,
        .lower = host_lower,
        .remove = app_remove_pane,
        .above = host_above,
        .saved_line = host_saved_line,
        .mark = app_mark,
        .mark_read = host_mark_read,
        .searches = host_searches,
        .searched = host_searched,
        .quit = host_quit,
};
