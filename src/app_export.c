/* Export and hand-over: the selected release, or the whole list, to a file, a pager
 * or a command. Everything written was sanitised when it was loaded and is rendered
 * by output, as --print and --list render it. */
#include "config.h"

#include "relview/app.h"
#include "relview/clip.h"
#include "relview/config.h"
#include "relview/output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

bool app_refuses(struct app *app)
{
	if (app->restricted)
		app_message(app, true, "Restricted mode: no pager, pipe or export");
	return app->restricted;
}

/* The width --print would wrap at on this terminal. */
static size_t print_width(const struct app *app)
{
	size_t cols = (size_t)term_cols();
	unsigned wrap = app->config->wrap;
	return wrap && wrap < cols ? wrap : cols;
}

/* The selected release as --print prints it, in memory (to be freed); NULL, after
 * saying why, when there is none. */
static char *render_selected(struct app *app, size_t *len)
{
	const struct release *r = app_selected(app);
	char *text = NULL;
	FILE *f = r ? open_memstream(&text, len) : NULL;
	if (!r) {
		app_message(app, true, "No release selected");
		return NULL;
	}
	if (f)
		output_release(f, app->cat, r, print_width(app));
	if (!f || fclose(f) != 0) {
		free(text);
		app_message(app, true, "out of memory");
		return NULL;
	}
	return text;
}

/* ---- effects: what blocks runs after the frame --------------------------------- */

/* The effect a key asked for, with the text it needs already rendered (under the
 * catalog lock, in the frame): it runs once the frame has let the lock go. One at a
 * time: a key is one frame, and the effect runs before the next key is read. */
static void set_effect(struct app *app, enum effect_kind kind, const char *target, char *text,
                       size_t len, size_t count)
{
	char *copy = strdup(target);
	if (!copy) {
		free(text);
		app_message(app, true, "out of memory");
		return;
	}
	app_effect_drop(app);
	app->effect = (struct effect){
	        .kind = kind, .target = copy, .text = text, .len = len, .count = count};
}

void app_effect_drop(struct app *app)
{
	free(app->effect.text);
	free(app->effect.target);
	app->effect = (struct effect){0};
}

static void run_command_on(struct app *app, const struct effect *e)
{
	int status = term_run(e->target, e->text, e->len, e->kind == EFFECT_PIPE);
	if (status < 0)
		app_message(app, true, "Could not run %s", e->target);
	else if (status)
		app_message(app, true, "%s: exit status %d", e->target, status);
}

static void ask_to_run(struct app *app, const char *command, enum effect_kind kind)
{
	size_t len;
	char *text = render_selected(app, &len);
	if (text)
		set_effect(app, kind, command, text, len, 1);
}

void app_pager(struct app *app)
{
	const char *pager = getenv("PAGER");
	if (!app_refuses(app))
		ask_to_run(app, pager && *pager ? pager : "less", EFFECT_PAGER);
}

void app_pipe(struct app *app, const char *command)
{
	if (!app_refuses(app) && *command)
		ask_to_run(app, command, EFFECT_PIPE);
}

/* ---- copy ---------------------------------------------------------------------------- */

/* "INPUT: ENTRY", or the input alone for a plain file (to be freed). */
static char *source_of(const struct app *app, const struct release *r, size_t *len)
{
	char *text = NULL;
	int n = asprintf(&text, "%s%s%s", app->cat->inputs[r->input], r->entry ? ": " : "",
	                 r->entry ? r->entry : "");
	*len = n > 0 ? (size_t)n : 0;
	return n < 0 ? NULL : text;
}

static char *copy_text(struct app *app, enum action what, size_t *len)
{
	const struct release *r = app_selected(app);
	if (!r) {
		app_message(app, true, "No release selected");
		return NULL;
	}
	if (what == ACT_COPY_RELEASE)
		return render_selected(app, len);
	if (what == ACT_COPY_SOURCE)
		return source_of(app, r, len);
	*len = r->title.len;
	return strndup(r->title.s, r->title.len);
}

void app_copy(struct app *app, enum action what)
{
	static const char *const names[] = {
	        [ACT_COPY_TITLE] = "the title",
	        [ACT_COPY_SOURCE] = "the source",
	        [ACT_COPY_RELEASE] = "the release",
	};
	if (!clip_accepted(app->config->clipboard, getenv("TERM"), getenv("TMUX"))) {
		app_message(app, true,
		            "Not copied: this terminal is not known to take OSC 52 "
		            "(clipboard = on in [ui])");
		return;
	}
	size_t len = 0, seq_len;
	char *text = copy_text(app, what, &len);
	char *seq = text ? clip_osc52(text, len, getenv("TMUX") != NULL, &seq_len) : NULL;
	if (seq) {
		term_send(seq, seq_len);
		app_message(app, false, "Copied %s (%zu bytes)", names[what], len);
	} else if (text && len > CLIP_MAX) {
		app_message(app, true, "Not copied: more than %d bytes", CLIP_MAX);
	} else if (text) {
		app_message(app, true, "out of memory");
	}
	free(seq);
	free(text);
}

/* ---- export -------------------------------------------------------------------------- */

enum export_format { EXPORT_TEXT, EXPORT_MARKDOWN, EXPORT_JSON };

static enum export_format format_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot)
		return EXPORT_TEXT;
	if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0)
		return EXPORT_MARKDOWN;
	if (strcasecmp(dot, ".jsonl") == 0 || strcasecmp(dot, ".json") == 0 ||
	    strcasecmp(dot, ".ndjson") == 0)
		return EXPORT_JSON;
	return EXPORT_TEXT;
}

/* "~/x" in the home folder, as a shell would have it (to be freed). */
static char *expand_home(const char *path)
{
	const char *home = getenv("HOME");
	char *out = NULL;
	if (strncmp(path, "~/", 2) == 0 && home && *home)
		return asprintf(&out, "%s/%s", home, path + 2) < 0 ? NULL : out;
	return strdup(path);
}

static bool write_export(struct app *app, FILE *f, const uint32_t *ids, size_t n,
                         enum export_format format)
{
	switch (format) {
	case EXPORT_MARKDOWN:
		output_markdown(f, app->cat, ids, n);
		break;
	case EXPORT_JSON:
		output_json(f, app->cat, ids, n);
		break;
	case EXPORT_TEXT:
		output_releases(f, app->cat, ids, n, print_width(app));
		break;
	}
	return fflush(f) == 0 && !ferror(f);
}

/* The releases rendered in memory for the file named path (to be freed); NULL, after
 * saying so, when out of memory. */
static char *render_export(struct app *app, const char *path, const uint32_t *ids, size_t n,
                           size_t *len)
{
	char *file = expand_home(path), *text = NULL;
	FILE *f = file ? open_memstream(&text, len) : NULL;
	bool ok = f && write_export(app, f, ids, n, format_of(file));
	ok = (f ? fclose(f) == 0 : false) && ok;
	free(file);
	if (!ok) {
		free(text);
		app_message(app, true, "out of memory");
		return NULL;
	}
	return text;
}

static bool write_all_to(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		s += n, len -= (size_t)n;
	}
	return true;
}

/* A new file only: an export never overwrites what is there. */
static void save(struct app *app, const struct effect *e)
{
	const char *path = e->target;
	char *file = expand_home(path);
	int fd = file ? open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666) : -1;
	if (fd < 0) {
		app_message(app, true, "%s: %s", path,
		            errno == EEXIST ? "already there; not overwritten" : strerror(errno));
		free(file);
		return;
	}
	bool ok = write_all_to(fd, e->text, e->len);
	ok = close(fd) == 0 && ok;
	if (ok) {
		app_message(app, false, "Saved %zu release%s to %s", e->count,
		            e->count == 1 ? "" : "s", path);
	} else {
		app_message(app, true, "%s: not saved: %s", path, strerror(errno));
		unlink(file);
	}
	free(file);
}

void app_export(struct app *app, const char *path, bool whole_list)
{
	if (app_refuses(app) || !*path)
		return;
	size_t n = 1, len;
	const uint32_t *ids;
	uint32_t one;
	if (whole_list) {
		/* A search still running: the file gets all it finds. */
		browse_step(&app->browse, SIZE_MAX);
		ids = browse_list(&app->browse, &n);
	} else {
		const struct release *r = app_selected(app);
		one = r ? (uint32_t)(r - app->cat->releases) : 0;
		ids = &one;
		n = r != NULL;
	}
	char *text = n ? render_export(app, path, ids, n, &len) : NULL;
	if (n == 0)
		app_message(app, true, "No release to save");
	else if (text)
		set_effect(app, EFFECT_EXPORT, path, text, len, n);
}

void app_effect_run(struct app *app)
{
	struct effect e = app->effect;
	app->effect = (struct effect){0};
	if (e.kind == EFFECT_PAGER || e.kind == EFFECT_PIPE)
		run_command_on(app, &e);
	else if (e.kind == EFFECT_EXPORT)
		save(app, &e);
	free(e.text);
	free(e.target);
}
