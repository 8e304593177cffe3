/* Records what a real reading child says, as seeds of the relay fuzz target
 * (fuzz_relay.c gives their layout): relview's own child, started as the parent
 * starts it (start_child), reads INPUT; its socket's bytes and the entries it put in
 * the ring are written to PREFIX-whole, and the same stream cut where a child may
 * die — mid-message, and with the rest still in its outbox — to PREFIX-cut and
 * PREFIX-outbox. Not built by make; from the top build directory:
 *
 *	cc -I. -Iinclude tests/fuzz/record_relay.c librelview.a $(pkg-config --libs
 *	   libarchive libxxhash) -lisal -liniparser -lutf8proc -lpthread -o record_relay
 *	./record_relay src/relview INPUT tests/fuzz/corpus/relay/seed-NAME
 */
#include "config.h"

#include "../../src/ingest/sandbox_private.h"
#include "relview/ring.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct bytes {
	unsigned char *s;
	size_t len;
};

static void append(struct bytes *b, const void *p, size_t n)
{
	b->s = realloc(b->s, b->len + n);
	if (!b->s)
		abort();
	memcpy(b->s + b->len, p, n);
	b->len += n;
}

static void put_le(struct bytes *b, uint64_t v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)(v >> (8 * i));
		append(b, &c, 1);
	}
}

/* The socket's bytes until the child closes it. */
static struct bytes listen_to(int fd)
{
	struct bytes stream = {0};
	char buf[65536];
	for (;;) {
		poll(&(struct pollfd){fd, POLLIN, 0}, 1, -1);
		ssize_t got = read(fd, buf, sizeof buf);
		if (got == 0)
			return stream;
		if (got > 0)
			append(&stream, buf, (size_t)got);
	}
}

/* The entries the stream announces in the ring, taken from it in order; *half is set
 * to the end of the message that ends nearest the stream's middle. */
static struct bytes from_ring(struct ring *ring, const struct bytes *stream, size_t *half)
{
	struct bytes taken = {0};
	size_t at = 0;
	*half = 0;
	while (at + sizeof(struct msg_head) <= stream->len) {
		struct msg_head h;
		memcpy(&h, stream->s + at, sizeof h);
		size_t size = sizeof h + (h.path_len == NO_PATH ? 0 : h.path_len + 1) +
		              (carries_data(h.type) ? (size_t)h.data_len + 1 : 0);
		if (h.type == MSG_RING_ENTRY) {
			unsigned char *entry = malloc(h.data_len + 1);
			if (!entry || !ring_take(ring, entry, (size_t)h.data_len))
				abort();
			append(&taken, entry, (size_t)h.data_len);
			free(entry);
		}
		at += size;
		if (!*half || (at <= stream->len / 2 + 1))
			*half = at;
	}
	return taken;
}

static void write_seed(const char *prefix, const char *name, const struct bytes *ring,
                       const unsigned char *stream, size_t stream_len, const unsigned char *outbox,
                       size_t outbox_len, uint64_t sent)
{
	struct bytes seed = {0};
	put_le(&seed, 1, 1);
	put_le(&seed, ring->len, 4);
	put_le(&seed, outbox_len, 4);
	put_le(&seed, sent, 8);
	put_le(&seed, outbox_len, 8);
	append(&seed, ring->s, ring->len);
	append(&seed, outbox, outbox_len);
	append(&seed, stream, stream_len);
	char path[4096];
	snprintf(path, sizeof path, "%s-%s", prefix, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(seed.s, 1, seed.len, f) != seed.len || fclose(f) != 0)
		abort();
	free(seed.s);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: record_relay RELVIEW INPUT PREFIX\n");
		return 2;
	}
	struct source_limits limits = {.max_entry_bytes = 1 << 20,
	                               .max_total_bytes = 8 << 20,
	                               .max_entries = 2000,
	                               .stall_seconds = 60};
	const char *envp[ENV_SLOTS];
	char lc_ctype[128];
	struct child c;
	child_environment(envp, lc_ctype, sizeof lc_ctype);
	int fd = open(argv[2], O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !start_child(argv[1], &c, envp, NULL, false, &limits) ||
	    !child_send_request(&c, "source", argv[2], fd, &limits, false))
		return 1;
	struct bytes stream = listen_to(c.fd);
	child_reap(c.pid);
	size_t half;
	struct bytes ring = from_ring(c.ring, &stream, &half);
	write_seed(argv[3], "whole", &ring, stream.s, stream.len, NULL, 0, stream.len);
	write_seed(argv[3], "cut", &ring, stream.s, stream.len - stream.len / 3, NULL, 0, 0);
	if (stream.len - half <= OUTBOX_BYTES)
		write_seed(argv[3], "outbox", &ring, stream.s, half, stream.s + half,
		           stream.len - half, half);
	printf("%s: %zu bytes from the child, %zu in the ring\n", argv[2], stream.len, ring.len);
	free(stream.s);
	free(ring.s);
	free_child(&c);
	close(fd);
	return 0;
}
