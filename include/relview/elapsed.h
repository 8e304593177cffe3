/* elapsed — time on the monotonic clock, for the terminal reader's work between
 * keys (done in slices, so that a key never waits long) and for saves made a while
 * after a change. */
#ifndef RELVIEW_ELAPSED_H
#define RELVIEW_ELAPSED_H

#include <stdbool.h>
#include <time.h>

/* How long one slice of work between keys may keep keys waiting. */
#define SLICE_NS 15000000L

/* Now, to measure from. */
void elapsed_mark(struct timespec *at);
/* Nanoseconds since then. */
long elapsed_ns(const struct timespec *since);
/* A slice begun then is used up. */
bool elapsed_slice_over(const struct timespec *start);

#endif
