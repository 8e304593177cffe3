/* elapsed — time on the monotonic clock: for work done in slices (so that a key
 * never waits long), saves made a while after a change, waits with a deadline and
 * rates. */
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
/* Milliseconds and seconds since then. */
long elapsed_ms(const struct timespec *since);
double elapsed_seconds(const struct timespec *since);
/* A slice begun then is used up. */
bool elapsed_slice_over(const struct timespec *start);

#endif
