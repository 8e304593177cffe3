#include "config.h"

#include "relview/gunzip.h"
#include "relview/unconst.h"

#include <archive.h>
#include <errno.h>
#include <isa-l/igzip_lib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define IN_BYTES  ((size_t)256 << 10)
#define OUT_BYTES ((size_t)1 << 20)
/* isal_inflate counts input in 32 bits: memory is handed over in slices. */
#define MEM_SLICE ((size_t)1 << 30)

struct gunzip {
	struct inflate_state state;
	int fd;                   /* -1: reading memory */
	const unsigned char *mem; /* the rest of the stream in memory */
	size_t mem_left;
	uint64_t consumed;
	int error;           /* errno of the failure, or 0 */
	const char *failure; /* why inflating stopped before the end, or NULL */
	bool eof;            /* nothing more to read */
	bool member_ended;   /* the last member ended; another may follow */
	unsigned char in[IN_BYTES];
	unsigned char out[OUT_BYTES];
};

bool gunzip_magic(const unsigned char *head, size_t len)
{
	/* ID1 ID2, CM 8 (deflate), and none of FLG's reserved bits: RFC 1952 asks a
	 * reader to refuse those, as gzip and libarchive do. */
	return len >= 4 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8 &&
	       (head[3] & 0xe0) == 0;
}

uint64_t gunzip_consumed(const struct gunzip *gz)
{
	return gz->consumed;
}

/* More input behind what the inflater holds. False at the end of the stream or on
 * a read error (then gz->error is set). */
static bool refill(struct gunzip *gz)
{
	struct inflate_state *s = &gz->state;
	if (gz->fd < 0) { /* memory: the next slice is right behind what it holds */
		size_t room = MEM_SLICE - s->avail_in;
		size_t n = gz->mem_left < room ? gz->mem_left : room;
		s->next_in = (uint8_t *)unconst(gz->mem) - s->avail_in;
		s->avail_in += (uint32_t)n;
		gz->mem += n;
		gz->mem_left -= n;
		gz->consumed += n;
		return n > 0;
	}
	if (s->avail_in) /* before the first read, next_in is NULL */
		memmove(gz->in, s->next_in, s->avail_in);
	s->next_in = gz->in;
	ssize_t got;
	while ((got = read(gz->fd, gz->in + s->avail_in, IN_BYTES - s->avail_in)) < 0 &&
	       errno == EINTR)
		;
	if (got < 0)
		gz->error = errno;
	if (got <= 0)
		return false;
	s->avail_in += (uint32_t)got;
	gz->consumed += (uint64_t)got;
	return true;
}

/* At the end of a member: does another follow? What follows that is not a gzip
 * member (padding, say) ends the stream. */
static bool next_member(struct gunzip *gz)
{
	struct inflate_state *s = &gz->state;
	while (s->avail_in < 4 && refill(gz))
		;
	if (!gunzip_magic(s->next_in, s->avail_in))
		return false;
	uint8_t *next_in = s->next_in;
	uint32_t avail_in = s->avail_in;
	isal_inflate_reset(s);
	s->crc_flag = ISAL_GZIP;
	s->next_in = next_in;
	s->avail_in = avail_in;
	gz->member_ended = false;
	return true;
}

static const char *reason(int isal_error)
{
	switch (isal_error) {
	case ISAL_INCORRECT_CHECKSUM:
		return "gzip data damaged (checksum mismatch)";
	case ISAL_INVALID_WRAPPER:
	case ISAL_UNSUPPORTED_METHOD:
		return "gzip header damaged";
	default:
		return "gzip data damaged";
	}
}

/* Damage is libarchive's "miscellaneous" error, as its own decompressors give it:
 * its "not an archive" errno would make the caller try the input as a plain file,
 * and a system errno would say the machine failed, not the bytes. */
#define DAMAGE_ERRNO (-1) /* ARCHIVE_ERRNO_MISC */

static const char *damage(struct gunzip *gz, const char *why)
{
	gz->error = DAMAGE_ERRNO;
	return why;
}

/* Inflate into the output buffer until it is full or the stream ends; NULL, or why
 * it cannot go on (gz->error then says what errno to report). */
static const char *inflate_more(struct gunzip *gz)
{
	struct inflate_state *s = &gz->state;
	while (s->avail_out > 0 && !gz->eof) {
		if (gz->member_ended && !next_member(gz)) {
			gz->eof = true;
			break;
		}
		uint32_t in_before = s->avail_in, out_before = s->avail_out;
		int status = in_before ? isal_inflate(s) : ISAL_END_INPUT;
		if (status < 0)
			return damage(gz, reason(status));
		gz->member_ended = s->block_state == ISAL_BLOCK_FINISH;
		bool stuck = s->avail_in == in_before && s->avail_out == out_before;
		if ((s->avail_in == 0 || stuck) && !gz->member_ended && !refill(gz))
			return gz->error ? strerror(gz->error) : damage(gz, "gzip data truncated");
	}
	return NULL;
}

/* Fill the output buffer, or as much of it as the stream has left. What was
 * inflated before damage is handed over first, the damage at the next call, so
 * that the entries before it are read. */
static la_ssize_t read_inflated(struct archive *a, void *ctx, const void **out)
{
	struct gunzip *gz = ctx;
	struct inflate_state *s = &gz->state;
	if (!gz->failure) {
		s->next_out = gz->out;
		s->avail_out = (uint32_t)OUT_BYTES;
		gz->failure = inflate_more(gz);
		if (s->avail_out < OUT_BYTES) {
			*out = gz->out;
			return (la_ssize_t)(OUT_BYTES - s->avail_out);
		}
	}
	if (gz->failure) {
		archive_set_error(a, gz->error, "%s", gz->failure);
		return ARCHIVE_FATAL;
	}
	return 0;
}

static int close_inflater(struct archive *a, void *ctx)
{
	struct gunzip *gz = ctx;
	(void)a;
	if (gz->fd >= 0)
		close(gz->fd);
	free(gz);
	return ARCHIVE_OK;
}

int gunzip_open(struct archive *a, int fd, const void *mem, size_t len, struct gunzip **out)
{
	struct gunzip *gz = malloc(sizeof *gz);
	*out = gz;
	if (!gz) {
		if (fd >= 0)
			close(fd);
		archive_set_error(a, ENOMEM, "out of memory");
		return ARCHIVE_FATAL;
	}
	isal_inflate_init(&gz->state);
	gz->state.crc_flag = ISAL_GZIP;
	gz->fd = fd;
	gz->mem = mem;
	gz->mem_left = fd < 0 ? len : 0;
	gz->consumed = 0;
	gz->error = 0;
	gz->failure = NULL;
	gz->eof = gz->member_ended = false;
	return archive_read_open(a, gz, NULL, read_inflated, close_inflater);
}
