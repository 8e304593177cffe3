/* Fuzz target: the parent's reading of what a reading child says (sandbox_hear(),
 * the relay's own functions). The child is the untrusted side: it writes the bytes
 * of its socket, of the ring and of its outbox, so all three come from the input:
 *
 *	flags (1) | ring bytes (u32) | outbox bytes (u32) | outbox sent (u64) |
 *	outbox used (u64) | the ring's bytes | the outbox's bytes | the socket's bytes
 *
 * (little-endian, missing bytes zero). Flag 1: the child has a ring, into which it
 * published the ring's bytes. The socket's bytes are read from a file, as from a
 * socket whose child ended; then, unless the child said it was done, the outbox.
 * Whatever the child wrote, every string handed on is one within what it sent,
 * every entry within the limit, and a child that never said it was done is reported
 * once, last. */
#include "config.h"

#include "fuzz.h"

#include "../../src/ingest/sandbox_private.h"
#include "relview/ring.h"

#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define INPUT "bundle.zip"

static const struct source_limits limits = {
        .max_entry_bytes = 1 << 20,
        .max_total_bytes = 8 << 20,
        .max_entries = 2000,
        .stall_seconds = 60,
};

/* What the parent handed on, for the checks at the end. */
struct heard {
	unsigned calls;
	bool last_was_report; /* the last call was the parent's report of a broken child */
};

/* Every byte of a string or an entry is read, so that the sanitizer sees a read
 * beyond what the child sent. */
static size_t touch(const unsigned char *s, size_t n)
{
	size_t sum = 0;
	for (size_t i = 0; i < n; i++)
		sum += s[i];
	return sum;
}

static void check_path(const char *path)
{
	FUZZ_CHECK(!path || strlen(path) <= MAX_PATH_BYTES);
}

static void on_entry(void *ctx, const struct source_entry *e)
{
	struct heard *heard = ctx;
	heard->calls++;
	heard->last_was_report = false;
	FUZZ_CHECK(strcmp(e->input, INPUT) == 0);
	check_path(e->path);
	FUZZ_CHECK(e->len <= limits.max_entry_bytes);
	FUZZ_CHECK(e->data && touch(e->data, e->len) <= 255 * e->len);
}

static bool is_report(const char *reason)
{
	return strncmp(reason, "reading stopped: ", 17) == 0 ||
	       strncmp(reason, "cannot start the reading process: ", 34) == 0;
}

static void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	struct heard *heard = ctx;
	heard->calls++;
	FUZZ_CHECK(strcmp(input, INPUT) == 0);
	check_path(path);
	FUZZ_CHECK(reason && strlen(reason) <= MAX_REASON_BYTES);
	heard->last_was_report = is_report(reason);
}

static void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct heard *heard = ctx;
	(void)inflated, (void)consumed;
	heard->calls++;
	heard->last_was_report = false;
	check_path(path);
}

/* The input's fields, read as the layout above says. */
struct layout {
	bool has_ring;
	size_t ring_len, outbox_len, stream_len;
	uint64_t sent, used;
	const uint8_t *ring, *outbox, *stream;
};

static uint64_t take_le(const uint8_t **p, size_t *left, size_t bytes)
{
	uint64_t v = 0;
	for (size_t i = 0; i < bytes; i++)
		if (i < *left)
			v |= (uint64_t)(*p)[i] << (8 * i);
	size_t used = bytes < *left ? bytes : *left;
	*p += used;
	*left -= used;
	return v;
}

static const uint8_t *take_bytes(const uint8_t **p, size_t *left, uint64_t want, size_t *got)
{
	const uint8_t *at = *p;
	*got = want < *left ? (size_t)want : *left;
	*p += *got;
	*left -= *got;
	return at;
}

static struct layout read_layout(const uint8_t *data, size_t size)
{
	struct layout l;
	l.has_ring = take_le(&data, &size, 1) & 1;
	uint64_t ring_len = take_le(&data, &size, 4), outbox_len = take_le(&data, &size, 4);
	l.sent = take_le(&data, &size, 8);
	l.used = take_le(&data, &size, 8);
	l.ring = take_bytes(&data, &size, ring_len, &l.ring_len);
	l.outbox = take_bytes(&data, &size, outbox_len, &l.outbox_len);
	l.stream = take_bytes(&data, &size, size, &l.stream_len);
	return l;
}

/* A ring as the parent makes it, into which the child (a second view of it, as the
 * child maps it) has published the given bytes. */
static struct ring *ring_holding(const uint8_t *bytes, size_t len)
{
	struct ring *ring = ring_new();
	struct ring *child = ring ? ring_attach(ring_fd(ring)) : NULL;
	if (!child)
		abort();
	if (len > 0 && len <= RING_BYTES) {
		memcpy(ring_claim(child, len), bytes, len);
		ring_publish(child, len);
	}
	ring_free(child);
	ring_close_fd(ring);
	return ring;
}

/* The socket's bytes, in a file read from its start: a descriptor that ends. */
static int stream_fd(const uint8_t *bytes, size_t len)
{
	int fd = memfd_create("relview-fuzz-relay", MFD_CLOEXEC);
	if (fd < 0 || (len && write(fd, bytes, len) != (ssize_t)len) || lseek(fd, 0, SEEK_SET) != 0)
		abort();
	return fd;
}

static struct outbox out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout l = read_layout(data, size);
	memset(&out, 0, offsetof(struct outbox, bytes));
	memcpy(out.bytes, l.outbox, l.outbox_len < OUTBOX_BYTES ? l.outbox_len : OUTBOX_BYTES);
	out.sent = l.sent;
	out.used = l.used;
	struct ring *ring = l.has_ring ? ring_holding(l.ring, l.ring_len) : NULL;
	int fd = stream_fd(l.stream, l.stream_len);
	struct heard heard = {0};
	struct source_handler h = {
	        .ctx = &heard, .entry = on_entry, .problem = on_problem, .progress = on_progress};
	struct source_counts counts = {0};
	sandbox_hear(INPUT, &limits, &h, &counts, fd, ring, &out);
	close(fd);
	ring_free(ring);
	/* The parent's own word on the child: at most one, and nothing after it. */
	FUZZ_CHECK(counts.stopped <= 1);
	FUZZ_CHECK(counts.stopped == 0 || heard.last_was_report);
	FUZZ_CHECK(counts.complete == 0);
	return 0;
}
