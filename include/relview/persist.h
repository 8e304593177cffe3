/* persist — what relview keeps across runs, as the terminal reader uses it: the
 * marks (read, starred, the line read to) over the catalog's releases, the release
 * the list was on, and the lines typed at the command line and as searches; and when they are
 * saved: a little after the first change (a burst of changes is one save), never waiting on the
 * state's lock while the screen is up, and at the end waiting for it a little. */
#ifndef RELVIEW_PERSIST_H
#define RELVIEW_PERSIST_H

#include "relview/state.h"
#include "relview/view.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct persist {
	struct state state;
	uint8_t *flags;          /* per release id: enum state_flag bits, as the state has them */
	char *dir;               /* where they are kept; NULL: nowhere (nothing is saved) */
	bool unsaved;            /* changed since the state was last saved */
	struct timespec changed; /* the first change not saved yet */
	struct history history;  /* of the command line */
	size_t history_added;    /* lines added this run: the last ones */
	struct history searches; /* the list's searches and finds in a release, as history */
	size_t searches_added;
};

/* The marks of earlier runs, the resume point and the lines typed, from their files
 * (before the catalog is taken: the loader need not wait for the file system). A
 * damaged file is no failure but a notice in `problem`; false: out of memory. */
bool persist_read(struct persist *p, char *problem, size_t size);
/* The flags over the releases of cat so far (under its lock), and over those
 * that arrived since `known`; false when out of memory. */
bool persist_over(struct persist *p, const struct catalog *cat);
bool persist_grow(struct persist *p, const struct catalog *cat, size_t known);

/* The line a release was read to (0: none). */
uint32_t persist_line(const struct persist *p, const struct release *r);
/* A release's flags and line changed (id: its index in the catalog): saved a little
 * later, with whatever else changes meanwhile. False when out of memory. */
bool persist_mark(struct persist *p, uint32_t id, const struct release *r, uint8_t flags,
                  uint32_t line);
/* Mark the releases `ids` read (mark all read), those read already as they were;
 * *marked: how many were not. Saved as persist_mark's are. False when out of
 * memory, with nothing marked. */
bool persist_mark_read(struct persist *p, const struct catalog *cat, const uint32_t *ids, size_t n,
                       size_t *marked);
/* The release the list is on, for the next run. */
void persist_resume(struct persist *p, const struct release *r);
/* A line typed on the command line. */
void persist_typed(struct persist *p, const struct edit *line);
/* A search typed (the list's, or a find in a release). */
void persist_searched(struct persist *p, const struct edit *line);

/* The first change not saved is old enough to be saved now. */
bool persist_due(const struct persist *p);
/* How long a wait for a key may last, at most `idle` ms, before a save is due. */
int persist_wait(const struct persist *p, int idle);
/* Save now, without waiting on the lock: when it is held or the file could not be
 * written, it is tried again later. True when there is something to say (problem:
 * an error line). */
bool persist_save(struct persist *p, char *problem, size_t size);
/* At the end: what is unsaved, waiting a little for the lock (a signal ends the
 * wait, stop_signal says). One line on stderr for what could not be saved. */
void persist_save_at_exit(struct persist *p, int (*stop_signal)(void));
void persist_free(struct persist *p);

#endif
