/* ring: every entry the child publishes reaches the parent whole and in order, at
 * any size up to the ring's, across its end and while the child waits for room;
 * the parent never takes what was not published. */
#include "config.h"

#include "relview/ring.h"

#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* Sizes that cross the ring's end at every kind of offset, and entries larger than
 * half of it, which fit only once the ring is drained. */
static size_t size_of(unsigned i)
{
	static const size_t sizes[] = {1,
	                               4000,
	                               RING_BYTES / 3,
	                               RING_BYTES / 2 + 1,
	                               RING_BYTES - 1,
	                               RING_BYTES,
	                               12345,
	                               RING_BYTES / 4 + 7,
	                               65536};
	return sizes[i % (sizeof sizes / sizeof *sizes)];
}

static void fill(unsigned char *p, size_t len, unsigned seed)
{
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)(seed * 31 + i * 7 + (i >> 9));
}

static void check(const unsigned char *p, size_t len, unsigned seed)
{
	unsigned char *want = malloc(len);
	assert_non_null(want);
	fill(want, len, seed);
	assert_memory_equal(p, want, len);
	free(want);
}

static void test_one_process_in_turn(void **state)
{
	(void)state;
	struct ring *ring = ring_new();
	unsigned char *got = malloc(RING_BYTES);
	assert_non_null(ring);
	assert_non_null(got);
	for (unsigned i = 0; i < 40; i++) {
		size_t len = size_of(i);
		unsigned char *room = ring_claim(ring, len);
		assert_non_null(room);
		fill(room, len, i);
		ring_publish(ring, len);
		assert_true(ring_take(ring, got, len));
		check(got, len, i);
	}
	free(got);
	ring_free(ring);
}

static void test_nothing_unpublished_is_taken(void **state)
{
	(void)state;
	struct ring *ring = ring_new();
	unsigned char got[16];
	assert_false(ring_take(ring, got, 1));
	assert_non_null(ring_claim(ring, 10));
	assert_false(ring_take(ring, got, 10)); /* claimed, not yet published */
	ring_publish(ring, 10);
	assert_false(ring_take(ring, got, 11)); /* more than was published */
	assert_true(ring_take(ring, got, 10));
	assert_null(ring_claim(ring, RING_BYTES + 1)); /* such entries go by the pipe */
	assert_false(ring_take(ring, got, RING_BYTES + 1));
	ring_free(ring);
}

/* A child writing faster than the parent takes: it waits for room, and everything
 * arrives. The pipe carries each entry's size, as the sandbox's messages do. */
static void test_child_waits_for_room(void **state)
{
	(void)state;
	enum { ENTRIES = 60 };
	struct ring *ring = ring_new();
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		for (unsigned i = 0; i < ENTRIES; i++) {
			size_t len = size_of(i * 5);
			unsigned char *room = ring_claim(ring, len);
			fill(room, len, i);
			ring_publish(ring, len);
			if (write(fds[1], &len, sizeof len) != sizeof len)
				_exit(1);
		}
		_exit(0);
	}
	close(fds[1]);
	unsigned char *got = malloc(RING_BYTES);
	size_t len;
	unsigned n = 0;
	while (read(fds[0], &len, sizeof len) == sizeof len) {
		usleep(n % 7 == 0 ? 20000 : 0); /* a slow parent now and then */
		assert_true(ring_take(ring, got, len));
		check(got, len, n++);
	}
	assert_int_equal(n, ENTRIES);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	close(fds[0]);
	free(got);
	ring_free(ring);
}

/* Whoever holds the memory's descriptor (a hostile child reaches the parent's
 * through /proc/PID/fd) can neither shrink it, which would make the parent fault
 * (SIGBUS) on the pages it maps, nor grow it, nor lift that. */
static void assert_sealed(int fd, size_t size)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	int again = open(path, O_RDWR); /* a descriptor of its own, as through /proc */
	assert_true(again >= 0);
	assert_int_equal(ftruncate(again, 0), -1);
	assert_int_equal(errno, EPERM);
	assert_int_equal(ftruncate(again, (off_t)size * 2), -1);
	assert_int_equal(fcntl(again, F_ADD_SEALS, F_SEAL_WRITE), -1);
	struct stat st;
	assert_int_equal(fstat(again, &st), 0);
	assert_int_equal(st.st_size, (off_t)size);
	close(again);
}

static void test_shared_memory_is_sealed(void **state)
{
	(void)state;
	int fd;
	void *mem = shared_memory_new("relview-test", 4096, &fd);
	assert_non_null(mem);
	assert_sealed(fd, 4096);
	munmap(mem, 4096);
	close(fd);
	struct ring *ring = ring_new();
	assert_non_null(ring);
	struct stat st;
	assert_int_equal(fstat(ring_fd(ring), &st), 0);
	assert_sealed(ring_fd(ring), (size_t)st.st_size);
	ring_free(ring);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_one_process_in_turn),
	        cmocka_unit_test(test_nothing_unpublished_is_taken),
	        cmocka_unit_test(test_child_waits_for_room),
	        cmocka_unit_test(test_shared_memory_is_sealed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
