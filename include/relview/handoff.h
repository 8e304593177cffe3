/* handoff — a bounded queue from one thread to a thread of its own that consumes
 * the items in the order they were put. The loader uses it to parse and catalog
 * releases on one core while the reading thread decodes the next ones on another:
 * one thread could not keep up with the reading child.
 *
 * The queue holds at most max_items items and max_bytes bytes (as the producer
 * counts them; one larger item still passes alone); a full queue makes the producer
 * wait. */
#ifndef RELVIEW_HANDOFF_H
#define RELVIEW_HANDOFF_H

#include <stdbool.h>
#include <stddef.h>

struct handoff;

typedef void (*handoff_consumer)(void *ctx, void *item);

/* A queue and its consuming thread; NULL when either cannot be made (then the
 * caller consumes its items itself). */
struct handoff *handoff_new(size_t max_items, size_t max_bytes, handoff_consumer consume,
                            void *ctx);

/* Queue an item of so many bytes, waiting for room. */
void handoff_put(struct handoff *h, void *item, size_t bytes);

/* Wait until every item put has been consumed, then end the thread and free. */
void handoff_finish(struct handoff *h);

#endif
