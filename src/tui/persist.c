/* Marks, the resume point and the lines typed (commands, searches) across runs, and
 * their saving. */
#include "config.h"

#include "relview/persist.h"

#include "relview/catalog.h"
#include "relview/elapsed.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Marks changed are saved this long after the first change, at most. */
#define STATE_SAVE_DELAY_MS 2000L
/* How long the last save waits for the state's lock held by another process, a try
 * every STATE_EXIT_TRY_MS. */
#define STATE_EXIT_WAIT_MS 3000
#define STATE_EXIT_TRY_MS  50
#define HISTORY_FILE       "history"
#define SEARCHES_FILE      "searches"

static void load_history(struct persist *p, struct history *h, const char *file)
{
	size_t n = 0;
	char **lines = p->dir ? state_read_lines(p->dir, file, &n) : NULL;
	for (size_t i = 0; i < n; i++)
		history_add(h, lines[i], strlen(lines[i]));
	state_free_lines(lines, n);
}

bool persist_read(struct persist *p, char *problem, size_t size)
{
	problem[0] = '\0';
	p->dir = state_dir();
	if (p->dir && !state_load(&p->state, p->dir, problem, size))
		return false;
	load_history(p, &p->history, HISTORY_FILE);
	load_history(p, &p->searches, SEARCHES_FILE);
	return true;
}

bool persist_over(struct persist *p, const struct catalog *cat)
{
	return (p->flags = state_flags_of(&p->state, cat)) != NULL;
}

bool persist_grow(struct persist *p, const struct catalog *cat, size_t known)
{
	uint8_t *flags = state_flags_grow(&p->state, cat, p->flags, known);
	if (flags)
		p->flags = flags;
	return flags != NULL;
}

uint32_t persist_line(const struct persist *p, const struct release *r)
{
	const struct state_mark *m = state_find(&p->state, r->hash);
	return m ? m->line : 0;
}

static void changed(struct persist *p)
{
	if (!p->unsaved && p->dir) {
		p->unsaved = true;
		elapsed_mark(&p->changed);
	}
}

bool persist_mark(struct persist *p, uint32_t id, const struct release *r, uint8_t flags,
                  uint32_t line)
{
	p->flags[id] = flags;
	bool ok = state_set(&p->state, r->hash, flags, line);
	changed(p);
	return ok;
}

bool persist_mark_read(struct persist *p, const struct catalog *cat, const uint32_t *ids, size_t n,
                       size_t *marked)
{
	uint64_t *hashes = malloc((n ? n : 1) * sizeof *hashes);
	size_t k = 0;
	*marked = 0;
	if (!hashes)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(p->flags[ids[i]] & STATE_READ))
			hashes[k++] = cat->releases[ids[i]].hash;
	bool ok = state_add_flag(&p->state, hashes, k, STATE_READ);
	free(hashes);
	if (!ok)
		return false;
	for (size_t i = 0; i < n; i++)
		p->flags[ids[i]] |= STATE_READ;
	*marked = k;
	if (k)
		changed(p);
	return true;
}

void persist_resume(struct persist *p, const struct release *r)
{
	if (p->dir && r && r->hash != p->state.resume) {
		state_set_resume(&p->state, r->hash);
		p->unsaved = true;
	}
}

void persist_typed(struct persist *p, const struct edit *line)
{
	p->history_added += history_add(&p->history, line->text, line->len);
}

void persist_searched(struct persist *p, const struct edit *line)
{
	p->searches_added += history_add(&p->searches, line->text, line->len);
}

bool persist_due(const struct persist *p)
{
	return p->unsaved && elapsed_ms(&p->changed) >= STATE_SAVE_DELAY_MS;
}

int persist_wait(const struct persist *p, int idle)
{
	if (!p->unsaved)
		return idle;
	long left = STATE_SAVE_DELAY_MS - elapsed_ms(&p->changed);
	return left < 0 ? 0 : left > idle ? idle : (int)left;
}

bool persist_save(struct persist *p, char *problem, size_t size)
{
	char why[512];
	enum state_saved saved = state_save(&p->state, p->dir, 0, why, sizeof why);
	p->unsaved = saved != STATE_SAVED;
	problem[0] = '\0';
	if (p->unsaved) {
		elapsed_mark(&p->changed);
		snprintf(problem, size, "Marks not saved yet: %s; trying again", why);
	} else if (why[0]) {
		snprintf(problem, size, "%s", why);
	}
	return problem[0] != '\0';
}

/* ---- at the end ------------------------------------------------------------------- */

static bool exit_wait_over(const struct timespec *since, int (*stop_signal)(void))
{
	return stop_signal() || elapsed_ms(since) >= STATE_EXIT_WAIT_MS;
}

static void pause_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

static void save_marks_at_exit(struct persist *p, const struct timespec *since,
                               int (*stop_signal)(void))
{
	char problem[512];
	enum state_saved saved;
	while ((saved = state_save(&p->state, p->dir, 0, problem, sizeof problem)) == STATE_BUSY &&
	       !exit_wait_over(since, stop_signal))
		pause_ms(STATE_EXIT_TRY_MS);
	if (saved == STATE_BUSY)
		fprintf(stderr, "relview: marks not saved: %s\n", problem);
	else if (problem[0])
		fprintf(stderr, "relview: %s\n", problem);
}

/* The lines typed this run, after those another relview added meanwhile. */
static bool save_history(const struct persist *p, const struct history *h, size_t added,
                         const char *file)
{
	size_t n = added < h->n ? added : h->n;
	const char *lines[HISTORY_MAX];
	for (size_t i = 0; i < n; i++)
		lines[i] = h->items[h->n - n + i].text;
	return !n || state_append_lines(p->dir, file, lines, n, HISTORY_MAX, 0);
}

static void save_history_at_exit(struct persist *p, const struct timespec *since,
                                 int (*stop_signal)(void))
{
	bool commands = false, searches = false; /* saved: not tried again */
	for (;;) {
		commands = commands || save_history(p, &p->history, p->history_added, HISTORY_FILE);
		searches =
		        searches || save_history(p, &p->searches, p->searches_added, SEARCHES_FILE);
		if ((commands && searches) || exit_wait_over(since, stop_signal))
			break;
		pause_ms(STATE_EXIT_TRY_MS);
	}
	if (!commands || !searches)
		fprintf(stderr, "relview: %s history not saved in %s\n",
		        !commands && !searches ? "command and search"
		        : !commands            ? "command"
		                               : "search",
		        p->dir);
}

void persist_save_at_exit(struct persist *p, int (*stop_signal)(void))
{
	struct timespec since;
	if (!p->dir)
		return;
	elapsed_mark(&since);
	if (p->unsaved)
		save_marks_at_exit(p, &since, stop_signal);
	save_history_at_exit(p, &since, stop_signal);
}

void persist_free(struct persist *p)
{
	state_free(&p->state);
	free(p->dir);
	free(p->flags);
}
