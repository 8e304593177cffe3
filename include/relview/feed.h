/* feed — the inputs load on a thread of their own while the reader is open on
 * the releases read so far. Who owns what:
 * - the loader thread is the catalog's only writer: the releases (records, texts,
 *   names, facets, inputs, the index, the rekeyed ids) are its, and it takes the
 *   catalog's lock to add each one (see catalog_share);
 * - the reader thread owns the display order (struct order, order.h) and all it
 *   derives from it; it takes the lock for a frame at a time (feed_enter,
 *   feed_leave), reads the catalog under it, and in feed_enter merges what
 *   arrived into its own order, writing nothing in the catalog; between frames it
 *   uses nothing of the catalog but release text and ids (a pointer it keeps, the
 *   open release's, may go stale as the array moves, and is made again from its id
 *   in the next feed_enter), and does what blocks (a pager, a command, a file,
 *   the state's lock: app.h's effects) only then;
 * - struct feed itself is written by feed_start and feed_end on the
 *   reader thread, the per-input sizes and the progress (struct load_progress)
 *   are atomics, written by the loader and read by either. */
#ifndef RELVIEW_FEED_H
#define RELVIEW_FEED_H

#include "relview/catalog.h"
#include "relview/order.h"

#include <stdbool.h>
#include <stddef.h>

struct load_options;
struct feed;

/* Start loading the inputs into the catalog (empty) with opt (copied; its
 * progress is the loading's own). Without a thread to be had, the inputs are read
 * before it returns. NULL when out of memory. */
struct feed *feed_start(struct catalog *cat, char *const *inputs, size_t ninputs,
                        const struct load_options *opt);

/* Take the catalog for a frame: its lock, and the releases that arrived since the
 * last frame merged into the caller's display order (order_update; the new ids
 * are order->added[0 .. *nadded)). *finished: the loader had ended before, so
 * nothing more will arrive. */
enum order_update feed_enter(struct feed *l, struct order *order, size_t *nadded, bool *finished);
void feed_leave(struct feed *l);

/* Problems reported so far (the lines themselves go to the options' stream). */
unsigned long long feed_problems(const struct feed *l);
/* A copy of the problem lines written so far, whole lines only, as they go to the
 * options' stream ("relview: INPUT: ENTRY: why\n" each), for the caller to free;
 * NULL when they are still the `have` bytes the caller has (or out of memory). */
char *feed_problem_lines(struct feed *l, size_t have, size_t *len);

/* How it goes, for a title line of `cols` columns: progress_line() of the figures
 * (which input, bytes and releases read, the rate and the time left) into buf, and
 * its length; *fraction is the share of the bytes read (negative when the whole's
 * size is not known: an input is a pipe). */
size_t feed_describe(const struct feed *l, size_t cols, char *buf, size_t size, double *fraction);

/* Ask the loader to stop, without waiting for it: the reader is ending, and what
 * it does at the end (saving the state) needs no more releases. */
void feed_cancel(struct feed *l);

/* Stop the loader if it still runs (the sandbox ends its child at once), wait for
 * it and free the loading. True when it had read every input. */
bool feed_end(struct feed *l);

#endif
