/* Export and hand-over: the selected release, or the whole list, to a file, a pager
 * or a command. Everything written was sanitised when it was loaded and is rendered
 * by output, as --print and --list render it. */
#include "config.h"

#include "app_private.h"
#include "relview/ascii.h"
#include "relview/clip.h"
#include "relview/config.h"
#include "relview/fdio.h"
#include "relview/output.h"
#include "relview/prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static bool app_refuses(struct app *app)
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

/* The selected release as --print prints it, in memory (to be freed), wrapped at
 * `width` (for a pager or a command: the screen) or not (OUTPUT_UNWRAPPED: for the
 * clipboard); NULL, after saying why, when there is none. */
static char *render_selected(struct app *app, size_t width, size_t *len)
{
	const struct release *r = app_selected(app);
	char *text = NULL;
	FILE *f = r ? open_memstream(&text, len) : NULL;
	if (!r) {
		app_message(app, true, "No release selected");
		return NULL;
	}
	if (f)
		output_release(f, app->cat, r, width);
	if (!f || fclose(f) != 0) {
		free(text);
		app_message(app, true, "out of memory");
		return NULL;
	}
	return text;
}

/* ---- effects: what blocks runs after the frame --------------------------------- */

/* The effect a key asked for, with what it needs already rendered (under the
 * catalog lock, in the frame): it runs once the frame has let the lock go, before
 * the next key is read, so that there is never one already waiting here. */
static void set_effect(struct app *app, enum effect_kind kind, const char *command, char *text,
                       size_t len)
{
	char *copy = command ? strdup(command) : NULL;
	if (command && !copy) {
		free(text);
		app_message(app, true, "out of memory");
		return;
	}
	app->effect = (struct effect){.kind = kind, .command = copy, .text = text, .len = len};
}

void app_effect_drop(struct app *app)
{
	free(app->effect.text);
	free(app->effect.command);
	app->effect = (struct effect){0};
}

static void run_command_on(struct app *app, const struct effect *e)
{
	int status = term_run(e->command, e->text, e->len, e->kind == EFFECT_PIPE);
	if (status < 0)
		app_message(app, true, "Could not run %s", e->command);
	else if (status)
		app_message(app, true, "%s: exit status %d", e->command, status);
}

static void ask_to_run(struct app *app, const char *command, enum effect_kind kind)
{
	size_t len;
	char *text = render_selected(app, print_width(app), &len);
	if (text)
		set_effect(app, kind, command, text, len);
}

void app_pager(struct app *app)
{
	const char *pager = getenv("PAGER");
	if (!app_refuses(app))
		ask_to_run(app, pager && *pager ? pager : "less", EFFECT_PAGER);
}

static void pipe_to(struct app *app, const char *command)
{
	if (!app_refuses(app) && *command)
		ask_to_run(app, command, EFFECT_PIPE);
}

void app_effect_run(struct app *app)
{
	struct effect e = app->effect;
	app->effect = (struct effect){0};
	if (e.kind == EFFECT_PAGER || e.kind == EFFECT_PIPE)
		run_command_on(app, &e);
	else if (e.kind == EFFECT_COPY) /* a terminal that stops reading waits here */
		term_send(e.text, e.len);
	free(e.text);
	free(e.command);
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
		return render_selected(app, OUTPUT_UNWRAPPED, len);
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
		set_effect(app, EFFECT_COPY, NULL, seq, seq_len);
		seq = NULL;
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
	if (ascii_casecmp(dot, ".md") == 0 || ascii_casecmp(dot, ".markdown") == 0)
		return EXPORT_MARKDOWN;
	if (ascii_casecmp(dot, ".jsonl") == 0 || ascii_casecmp(dot, ".json") == 0 ||
	    ascii_casecmp(dot, ".ndjson") == 0)
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

/* A slice of an export: what one frame renders under the lock, at most. Either
 * bound keeps the frame short (keys and the loader wait for it) and the memory
 * small, whatever the size of the list. */
#define EXPORT_SLICE_BYTES    (4u << 20)
#define EXPORT_SLICE_RELEASES 1024

/* Releases first..end-1 of the export, as that part of the whole file: the whole
 * text, paragraphs as lines (not wrapped for this screen), and the body in JSON. */
static void render_part(const struct app *app, const struct export_job *x, FILE *f, size_t first,
                        size_t end)
{
	switch ((enum export_format)x->format) {
	case EXPORT_MARKDOWN:
		output_markdown_part(f, app->cat, x->ids, first, end);
		break;
	case EXPORT_JSON:
		output_json(f, app->cat, x->ids + first, end - first, true);
		break;
	case EXPORT_TEXT:
		output_releases_part(f, app->cat, x->ids, first, end, OUTPUT_UNWRAPPED);
		break;
	}
}

/* 12345678 as "12,345,678". */
static const char *grouped(size_t n, char buf[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%zu", n), o = 0;
	for (int i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

bool app_export_running(const struct app *app)
{
	return app->export.path != NULL;
}

static void export_free(struct export_job *x)
{
	if (x->fd >= 0)
		close(x->fd);
	free(x->path);
	free(x->file);
	free(x->ids);
	free(x->slice);
	*x = (struct export_job){.fd = -1};
}

void app_export_stop(struct app *app)
{
	struct export_job *x = &app->export;
	char done[32], n[32];
	if (!app_export_running(app))
		return;
	bool removed = unlink(x->file) == 0;
	app_message(app, true, "Export stopped at %s of %s releases, %s: %s",
	            grouped(x->done, done), grouped(x->n, n),
	            removed ? "the partial file removed" : "the partial file left there", x->path);
	export_free(x);
}

/* Gone wrong after the file was made: it goes, and the message says why. */
static void export_failed(struct app *app, const char *why)
{
	struct export_job *x = &app->export;
	app_message(app, true, "%s: not saved: %s", x->path, why);
	unlink(x->file);
	export_free(x);
}

void app_export_slice(struct app *app)
{
	struct export_job *x = &app->export;
	if (!app_export_running(app) || x->slice || x->done == x->n)
		return;
	FILE *f = open_memstream(&x->slice, &x->slice_len);
	size_t end = x->done;
	while (f && end < x->n && end - x->done < EXPORT_SLICE_RELEASES &&
	       ftell(f) < (long)EXPORT_SLICE_BYTES) {
		render_part(app, x, f, end, end + 1);
		end++;
	}
	bool ok = f && fflush(f) == 0 && !ferror(f);
	ok = (f ? fclose(f) == 0 : false) && ok;
	if (!ok) {
		export_failed(app, "out of memory");
		return;
	}
	x->slice_end = end;
}

bool app_export_write(struct app *app)
{
	struct export_job *x = &app->export;
	char done[32], n[32];
	if (!app_export_running(app) || !x->slice)
		return false;
	bool ok = fdio_write_all(x->fd, x->slice, x->slice_len);
	free(x->slice);
	x->slice = NULL;
	x->done = x->slice_end;
	if (!ok) {
		export_failed(app, strerror(errno));
		return true;
	}
	if (x->done < x->n) {
		app_message(app, false, "Saving %s of %s releases (Esc stops it): %s",
		            grouped(x->done, done), grouped(x->n, n), x->path);
		return true;
	}
	ok = close(x->fd) == 0;
	x->fd = -1;
	if (!ok) {
		export_failed(app, strerror(errno));
		return true;
	}
	app_message(app, false, "Saved %zu release%s to %s", x->n, x->n == 1 ? "" : "s", x->path);
	export_free(x);
	return true;
}

/* The file made at once, a new one only: an export never overwrites what is
 * there, and says so before any work is done. */
static bool export_begin(struct app *app, const char *path, const uint32_t *ids, size_t n)
{
	struct export_job x = {.fd = -1, .n = n};
	x.path = strdup(path);
	x.file = expand_home(path);
	x.ids = malloc(n * sizeof *x.ids);
	if (!x.path || !x.file || !x.ids) {
		export_free(&x);
		app_message(app, true, "out of memory");
		return false;
	}
	memcpy(x.ids, ids, n * sizeof *ids);
	x.format = (int)format_of(x.file);
	x.fd = open(x.file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
	if (x.fd < 0) {
		app->export_taken = errno == EEXIST;
		if (!app->export_taken)
			app_message(app, true, "%s: %s", path, strerror(errno));
		export_free(&x);
		return false;
	}
	app->export = x;
	return true;
}

static void export_to(struct app *app, const char *path, bool whole_list)
{
	if (app_refuses(app) || !*path)
		return;
	size_t n = 1;
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
	if (n == 0) {
		app_message(app, true, "No release to save");
		return;
	}
	app_export_stop(app); /* one at a time: the new one is what the user wants now */
	if (export_begin(app, path, ids, n))
		app_export_slice(app);
}

/* ---- their prompts ----------------------------------------------------------------- */

static const char *pipe_label(void *ctx)
{
	(void)ctx;
	return "Pipe the release to: ";
}

static void pipe_accept(void *ctx, const struct edit *edit)
{
	pipe_to(ctx, edit->text);
}

/* A file of that name was there: the prompt opens again with the name, to change. */
static const char *export_label(void *ctx)
{
	return ((struct app *)ctx)->export_taken
	               ? "Already there, not overwritten. Save the release to (.txt, .md, .jsonl): "
	               : "Save the release to (.txt, .md, .jsonl): ";
}

static const char *export_list_label(void *ctx)
{
	return ((struct app *)ctx)->export_taken
	               ? "Already there, not overwritten. Save the list to (.txt, .md, .jsonl): "
	               : "Save the list to (.txt, .md, .jsonl): ";
}

static void export_release_accept(void *ctx, const struct edit *edit);
static void export_list_accept(void *ctx, const struct edit *edit);

static void export_open(void *ctx, struct edit *edit)
{
	*edit = ((struct app *)ctx)->export_name;
}

static const struct prompt_kind export_prompt = {
        .label = export_label, .open = export_open, .accept = export_release_accept};
static const struct prompt_kind export_list_prompt = {
        .label = export_list_label, .open = export_open, .accept = export_list_accept};

static void export_accept(struct app *app, const struct edit *edit, bool whole_list)
{
	app->export_taken = false;
	export_to(app, edit->text, whole_list);
	if (!app->export_taken)
		return;
	app->export_name = *edit;
	app->host.ops->prompt(&app->host, whole_list ? &export_list_prompt : &export_prompt, app);
}

static void export_release_accept(void *ctx, const struct edit *edit)
{
	export_accept(ctx, edit, false);
}

static void export_list_accept(void *ctx, const struct edit *edit)
{
	export_accept(ctx, edit, true);
}

static const struct prompt_kind pipe_prompt = {.label = pipe_label, .accept = pipe_accept};

void app_ask_pipe(struct app *app)
{
	if (!app_refuses(app))
		app->host.ops->prompt(&app->host, &pipe_prompt, app);
}

/* The release's export opens with a name made of its date and title, in the
 * current folder; the list's with today's ("releases-2026-12-07.txt"). */
void app_ask_export(struct app *app, bool whole_list)
{
	const struct release *r = whole_list ? NULL : app_selected(app);
	char name[OUTPUT_FILE_NAME_SIZE] = "";
	if (app_refuses(app))
		return;
	time_t now = time(NULL);
	struct tm today;
	if (r)
		output_file_name(r, ".txt", name, sizeof name);
	else if (whole_list && localtime_r(&now, &today))
		strftime(name, sizeof name, "releases-%Y-%m-%d.txt", &today);
	edit_set(&app->export_name, name, strlen(name));
	app->export_taken = false;
	app->host.ops->prompt(&app->host, whole_list ? &export_list_prompt : &export_prompt, app);
}
