#include "config.h"

#include "source_private.h"

#include "relview/text.h"

#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- pipes and devices ------------------------------------------------------
 *
 * A pipe or device is read once, as it comes, through libarchive's callback
 * reader: a pipe of several GB loads like a file, in bounded memory. What it holds
 * is only known once libarchive has looked at its start, and a plain file (one
 * release) must then be read again from its start with the raw format: so every
 * byte read is kept until libarchive has found an archive's first header, and
 * served again for the plain file. A zip or 7-Zip archive, which libarchive reads
 * best by seeking, is read whole into memory first, as far as the input's byte
 * limit and the reader's memory allow. */

/* Peeked at before libarchive starts: enough for the magic numbers of the archives
 * that must be read whole (needs_seeking()), and no more, so that a slow writer's
 * first entries come as they are written. */
#define STREAM_PEEK_BYTES 6
/* The first size of the buffer that keeps what is read. */
#define STREAM_HEAD_BYTES ((size_t)1 << 20)

struct stream {
	struct reader *r;
	int fd;
	unsigned char *kept; /* every byte read so far, while `keeping` */
	size_t kept_len, kept_cap;
	size_t served;   /* of kept, handed to libarchive since the last (re)start */
	bool keeping;    /* what is read is added to kept */
	bool replayable; /* kept holds the stream from its start */
	bool opened;     /* libarchive has been opened on it before */
	bool eof;
	uint64_t consumed;    /* bytes read from fd */
	unsigned char *chunk; /* what is read once kept is no longer needed */
};

/* Tell a watcher that a wait for a pipe's writer begins: not a stall. */
static void waiting(struct reader *r)
{
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, NULL, SOURCE_WAITING, 0);
}

/* ... and that it is over: the stall limit applies again. */
static void resumed(struct stream *s)
{
	struct reader *r = s->r;
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, r->current, r->inflated, s->consumed);
}

/* Up to cap bytes of the stream into dst; 0 at its end, -1 on an error (errno).
 * The watcher hears of a wait only when there is one: a message for every read
 * would cost the parent a message each. */
static ssize_t stream_fill(struct stream *s, unsigned char *dst, size_t cap)
{
	struct pollfd p = {s->fd, POLLIN, 0};
	while (!s->eof) {
		if (poll(&p, 1, 0) == 0) {
			waiting(s->r);
			while (poll(&p, 1, -1) < 0 && errno == EINTR)
				;
			resumed(s);
		}
		ssize_t got = read(s->fd, dst, cap);
		if (got > 0) {
			s->consumed += (uint64_t)got;
			return got;
		}
		if (got == 0)
			s->eof = true; /* a terminal's end of file is not for ever: remember it */
		else if (errno != EINTR && errno != EAGAIN)
			return -1;
	}
	return 0;
}

/* Make room in kept for `more` bytes, no more than `limit` in all. */
static bool keep_room(struct stream *s, size_t more, uint64_t limit)
{
	if (s->kept_len + more <= s->kept_cap)
		return true;
	size_t cap = s->kept_cap ? s->kept_cap : STREAM_HEAD_BYTES;
	while (cap < s->kept_len + more)
		cap *= 2;
	if (cap > limit)
		cap = s->kept_len + more <= limit ? (size_t)limit : 0;
	unsigned char *bigger = cap ? realloc(s->kept, cap) : NULL;
	if (!bigger)
		return false;
	s->kept = bigger;
	s->kept_cap = cap;
	return true;
}

uint64_t stream_consumed(const struct stream *s)
{
	return s->consumed;
}

/* Read into kept, a chunk at a time, until it holds at least `want` bytes or the
 * stream ends, and no more than `limit` (then *over is set); false on an error,
 * reported. Progress is reported as the bytes come. */
static bool keep_reading(struct stream *s, uint64_t want, uint64_t limit, bool *over)
{
	struct reader *r = s->r;
	/* One byte past the limit tells that the stream holds more. */
	const uint64_t most = limit < SIZE_MAX / 2 ? limit + 1 : SIZE_MAX / 2;
	*over = false;
	while (s->kept_len < want && !s->eof) {
		size_t n =
		        most - s->kept_len < READ_CHUNK ? (size_t)(most - s->kept_len) : READ_CHUNK;
		if (!keep_room(s, n, most)) {
			reader_environmental_problem(r, NULL, "out of memory");
			return false;
		}
		ssize_t got = stream_fill(s, s->kept + s->kept_len, n);
		if (got < 0) {
			reader_problem_errno(r, NULL, errno);
			return false;
		}
		s->kept_len += (size_t)got;
		if (s->kept_len > limit) {
			*over = true;
			return true;
		}
		if (s->consumed - r->reported_consumed >= SOURCE_PROGRESS_STEP)
			reader_progress_at(r, s->consumed);
	}
	return true;
}

/* A zip or 7-Zip archive through a pipe, read whole into kept first: within the
 * bytes the input may inflate (a zip stored holds as much as it inflates to). */
static bool keep_whole(struct stream *s)
{
	bool over;
	uint64_t limit = s->r->limits->max_total_bytes;
	if (!keep_reading(s, UINT64_MAX, limit, &over))
		return false;
	if (over) {
		char msg[200], bytes[32];
		text_size_name(limit, bytes, sizeof bytes);
		snprintf(msg, sizeof msg,
		         "a zip or 7-Zip archive through a pipe is read whole first, and this one "
		         "holds more than the %s an input may inflate: not read",
		         bytes);
		reader_problem(s->r, NULL, msg);
	}
	return !over;
}

static void drop_kept(struct stream *s)
{
	free(s->kept);
	s->kept = NULL;
	s->kept_len = s->kept_cap = s->served = 0;
	s->replayable = false;
}

/* libarchive's read callback: what is kept and not yet served, then the rest. A
 * block handed over stays valid until the next call. */
static la_ssize_t stream_read(struct archive *a, void *ctx, const void **buf)
{
	struct stream *s = ctx;
	if (s->served < s->kept_len) {
		*buf = s->kept + s->served;
		size_t n = s->kept_len - s->served;
		s->served = s->kept_len;
		return (la_ssize_t)n;
	}
	if (s->keeping && !keep_room(s, READ_CHUNK, s->r->limits->max_entry_bytes))
		s->keeping = false; /* too long to tell: it can no longer be a release */
	if (!s->keeping && s->kept)
		drop_kept(s); /* the last block handed over is done with */
	unsigned char *dst = s->keeping ? s->kept + s->kept_len : s->chunk;
	ssize_t got = stream_fill(s, dst, READ_CHUNK);
	if (got < 0) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return ARCHIVE_FATAL;
	}
	if (s->keeping)
		s->served = s->kept_len += (size_t)got;
	*buf = dst;
	return got;
}

/* Open the archive reader on the stream: from its start the first time, and again
 * from its start (the kept bytes, then the rest) for the plain file it turned out
 * to be. */
int stream_open(struct archive *a, struct stream *s)
{
	if (s->opened && !s->replayable) {
		/* -1: libarchive's "miscellaneous", the input's problem (reader_environmental()) */
		archive_set_error(a, -1, "not an archive, and too long for one release");
		return ARCHIVE_FATAL;
	}
	s->keeping = !s->opened;
	s->opened = true;
	s->served = 0;
	return archive_read_open(a, s, NULL, stream_read, NULL);
}

/* An archive's first header was found: the stream is never read again. */
void stream_is_archive(struct stream *s)
{
	s->keeping = false;
	s->replayable = false;
}

/* Archives that libarchive reads by seeking: the central directory of a zip at its
 * end, 7-Zip's header there. */
static bool needs_seeking(const unsigned char *head, size_t len)
{
	return (len >= 4 && memcmp(head, "PK\x03\x04", 4) == 0) ||
	       (len >= 6 && memcmp(head, "7z\xBC\xAF\x27\x1C", 6) == 0);
}

/* A pipe or device open on fd, read from where it stands: its head is peeked at to
 * tell whether it must be read whole. */
void stream_read_fd(struct reader *r, int fd, const char *prefix)
{
	struct stream s = {.r = r, .fd = fd, .replayable = true, .chunk = malloc(READ_CHUNK)};
	bool over;
	r->stream = &s;
	if (!s.chunk) {
		reader_environmental_problem(r, prefix, "out of memory");
	} else if (keep_reading(&s, STREAM_PEEK_BYTES, STREAM_HEAD_BYTES, &over)) {
		if (!needs_seeking(s.kept, s.kept_len))
			reader_read_origin(r, &(struct origin){.stream = &s}, prefix);
		else if (keep_whole(&s))
			reader_read_origin(
			        r, &(struct origin){.mem = s.kept, .mem_len = s.kept_len}, prefix);
	}
	r->stream = NULL;
	free(s.kept);
	free(s.chunk);
}

/* A pipe or device named on the command line (a FIFO opens when its writer comes). */
void stream_read_path(struct reader *r, const char *path, const char *prefix)
{
	waiting(r);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		reader_problem_errno(r, prefix, errno);
		return;
	}
	stream_read_fd(r, fd, prefix);
	close(fd);
}
