#include "config.h"

#include "relview/ring.h"

#include <errno.h>
#include <fcntl.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* What the two processes share. */
struct shared {
	_Atomic uint64_t head;   /* bytes published by the child (it alone writes it) */
	_Atomic uint64_t tail;   /* bytes taken by the parent (it alone writes it) */
	atomic_bool child_waits; /* the child sleeps on `room` until the parent takes some */
	sem_t room;
	unsigned char data[RING_BYTES];
};

/* Each side's own view: each process has its own copy of this. */
struct ring {
	struct shared *shm;
	int fd;           /* the shared memory's memfd, until handed to the child; else -1 */
	bool owner;       /* the parent, which made it: it destroys the semaphore */
	uint64_t claimed; /* child: where its claimed bytes start */
	uint64_t taken;   /* parent: where the next entry starts, by its own count */
};

/* The memory's size is sealed before a child gets it: a hostile child, which can
 * open the parent's descriptor again through /proc/PPID/fd, could otherwise shrink
 * it, and the parent would die of SIGBUS on the pages it maps. */
void *shared_memory_new(const char *name, size_t size, int *fd)
{
	*fd = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (*fd < 0)
		return NULL;
	bool sealed = ftruncate(*fd, (off_t)size) == 0 &&
	              fcntl(*fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) == 0;
	void *mem = sealed ? shared_memory_map(*fd, size) : NULL;
	if (!mem) {
		close(*fd);
		*fd = -1;
	}
	return mem; /* a new file's bytes are zeroes */
}

void *shared_memory_map(int fd, size_t size)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || st.st_size < 0 || (uint64_t)st.st_size < size)
		return NULL; /* a shorter file would fault beyond its end */
	void *mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	/* cppcheck-suppress memleak ; MAP_FAILED maps nothing, and a mapping is returned */
	return mem == MAP_FAILED ? NULL : mem;
}

struct ring *ring_new(void)
{
	struct ring *ring = calloc(1, sizeof *ring);
	if (!ring)
		return NULL;
	ring->shm = shared_memory_new("relview-ring", sizeof *ring->shm, &ring->fd);
	ring->owner = true;
	if (ring->shm && sem_init(&ring->shm->room, 1, 0) == 0)
		return ring; /* positions and flags start at 0 */
	if (ring->shm) {
		munmap(ring->shm, sizeof *ring->shm);
		close(ring->fd);
	}
	free(ring);
	return NULL;
}

int ring_fd(const struct ring *ring)
{
	return ring->fd;
}

void ring_close_fd(struct ring *ring)
{
	if (ring->fd >= 0)
		close(ring->fd);
	ring->fd = -1;
}

struct ring *ring_attach(int fd)
{
	struct ring *ring = calloc(1, sizeof *ring);
	if (ring)
		ring->shm = shared_memory_map(fd, sizeof *ring->shm);
	if (ring && ring->shm) {
		ring->fd = -1; /* the caller's */
		ring->owner = false;
		return ring;
	}
	free(ring);
	return NULL;
}

/* The parent, which made the ring, destroys its semaphore; a child only unmaps. */
void ring_free(struct ring *ring)
{
	if (!ring)
		return;
	if (ring->owner)
		sem_destroy(&ring->shm->room);
	ring_close_fd(ring);
	munmap(ring->shm, sizeof *ring->shm);
	free(ring);
}

/* Where an entry of len bytes goes when the previous one ended at `end`: right
 * after it, or at the ring's start when it would straddle the end. */
static uint64_t place(uint64_t end, size_t len)
{
	uint64_t offset = end % RING_BYTES;
	return offset + len <= RING_BYTES ? end : end + (RING_BYTES - offset);
}

/* Has the parent taken everything the ring's bytes at [at, at + len) still hold?
 * Those are the bytes one lap earlier, but only up to `head`: a gap skipped at the
 * ring's end never held any. */
static bool has_room(struct shared *shm, uint64_t head, uint64_t at, size_t len)
{
	uint64_t needed = at + len > RING_BYTES ? at + len - RING_BYTES : 0;
	if (needed > head)
		needed = head;
	return atomic_load(&shm->tail) >= needed;
}

bool ring_would_wait(const struct ring *ring, size_t len)
{
	struct shared *shm = ring->shm;
	uint64_t head = atomic_load_explicit(&shm->head, memory_order_relaxed);
	return len <= RING_BYTES && !has_room(shm, head, place(head, len), len);
}

void *ring_claim(struct ring *ring, size_t len)
{
	struct shared *shm = ring->shm;
	if (len > RING_BYTES)
		return NULL;
	uint64_t head = atomic_load_explicit(&shm->head, memory_order_relaxed);
	uint64_t at = place(head, len);
	/* Sleep only after saying so and looking again: the parent either sees the flag
	 * and posts, or freed the room before the second look. A stale post only wakes
	 * the loop once more. */
	while (!has_room(shm, head, at, len)) {
		atomic_store(&shm->child_waits, true);
		if (has_room(shm, head, at, len))
			break;
		while (sem_wait(&shm->room) != 0 && errno == EINTR)
			;
	}
	ring->claimed = at;
	return shm->data + at % RING_BYTES;
}

void ring_publish(struct ring *ring, size_t len)
{
	atomic_store_explicit(&ring->shm->head, ring->claimed + len, memory_order_release);
}

bool ring_take(struct ring *ring, void *dst, size_t len)
{
	struct shared *shm = ring->shm;
	if (len > RING_BYTES)
		return false;
	uint64_t at = place(ring->taken, len);
	if (at + len > atomic_load_explicit(&shm->head, memory_order_acquire))
		return false;
	memcpy(dst, shm->data + at % RING_BYTES, len);
	ring->taken = at + len;
	atomic_store(&shm->tail, ring->taken);
	/* Wake a waiting child only once a quarter of the ring is free, so that it then
	 * writes many entries in one go: waking it for every entry taken would cost two
	 * context switches an entry. */
	bool roomy = atomic_load(&shm->head) - ring->taken <= RING_BYTES - RING_BYTES / 4;
	if (roomy && atomic_exchange(&shm->child_waits, false))
		sem_post(&shm->room);
	return true;
}
