/* ring — hands entry bytes from a reading child (sandbox.h) to the parent through
 * memory both share, instead of through the pipe: a pipe costs a copy into the
 * kernel and one out of it, plus the lock the two sides fight over, and that was a
 * fifth of a load's time. The pipe still carries the messages (in order); a
 * message then only says "the next entry, so many bytes, is in the ring".
 *
 * One writer (the child) and one reader (the parent). Positions are byte counts
 * since the start, so they never wrap; an entry never straddles the ring's end. The
 * parent trusts nothing the child writes there: it finds each entry from its own
 * count and copies it out before reading it. */
#ifndef RELVIEW_RING_H
#define RELVIEW_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Its size: four times the larger entries of real bundles, small enough to stay in
 * cache. A larger entry goes by the pipe. */
#define RING_BYTES ((size_t)8 << 20)

struct ring;

/* A ring in shared memory of its own (a memfd), which a child started after this
 * call maps from ring_fd() even across exec. NULL: none (the pipe alone will do). */
struct ring *ring_new(void);
/* Its memory's descriptor, close-on-exec: the parent hands it to the child. Its
 * size is sealed (see shared_memory_new()). */
int ring_fd(const struct ring *ring);
/* Parent: the descriptor is no longer needed once the child has it (its mapping
 * stays): the fewer of its descriptors, the less a child can reach. */
void ring_close_fd(struct ring *ring);
/* Child: the ring whose memory is the descriptor `fd` (which stays open); NULL when
 * it is not one (the pipe alone will do). */
struct ring *ring_attach(int fd);
void ring_free(struct ring *ring);

/* Shared memory that survives exec: `size` zero bytes in a new memfd named `name`
 * (close-on-exec), mapped; *fd is its descriptor. Its size is sealed: whoever gets
 * the descriptor can neither shrink nor grow it, which would make the mapping
 * fault. NULL when it cannot be made. The sandbox's outbox is made so too. */
void *shared_memory_new(const char *name, size_t size, int *fd);
/* Map the `size` bytes of shared memory behind fd, or NULL when it holds fewer. */
void *shared_memory_map(int fd, size_t size);

/* Child: would ring_claim(len) wait for the parent to free room? */
bool ring_would_wait(const struct ring *ring, size_t len);
/* Child: room for len bytes, waiting for the parent to free some when need be; NULL
 * when the entry is larger than the ring could ever hold (send it by the pipe). */
void *ring_claim(struct ring *ring, size_t len);
/* Child: the claimed bytes are written; the parent may take them. */
void ring_publish(struct ring *ring, size_t len);

/* Parent: the next len bytes the child published, copied into dst (which has room
 * for them). False when the child has not published that much: a broken child. */
bool ring_take(struct ring *ring, void *dst, size_t len);

#endif
