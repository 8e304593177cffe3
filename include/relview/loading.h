/* loading — the inputs load on a thread of their own while the reader is open on
 * the releases read so far. The loader is the catalog's only writer and takes the
 * catalog's lock to add each release (see catalog_share); the reader takes it for
 * a frame at a time (loading_enter, loading_leave) and merges what arrived. */
#ifndef RELVIEW_LOADING_H
#define RELVIEW_LOADING_H

#include "relview/catalog.h"

#include <stdbool.h>
#include <stddef.h>

struct load_options;
struct loading;

/* Start loading the inputs into the catalog (sorted, empty) with opt (copied; its
 * progress is the loading's own). Without a thread to be had, the inputs are read
 * before it returns. NULL when out of memory. */
struct loading *loading_start(struct catalog *cat, char *const *inputs, size_t ninputs,
                              const struct load_options *opt);

/* Take the catalog for a frame: its lock, and the releases that arrived since the
 * last frame merged into the display order (catalog_order_update; the new ids are
 * cat->added[0 .. *nadded)). *finished: the loader had ended before, so nothing
 * more will arrive. */
enum order_update loading_enter(struct loading *l, size_t *nadded, bool *finished);
void loading_leave(struct loading *l);

/* Problems reported so far (the lines themselves go to the options' stream). */
unsigned long long loading_problems(const struct loading *l);

/* How it goes, for the title line: which input, bytes and releases read, the
 * rate and the time left; *fraction is the share of the bytes read (negative
 * when the size is not known). */
void loading_describe(const struct loading *l, char *buf, size_t size, double *fraction);

/* Stop the loader if it still runs (the sandbox ends its child at once), wait for
 * it and free the loading. True when it had read every input. */
bool loading_end(struct loading *l);

#endif
