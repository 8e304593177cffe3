#include "config.h"

#include "sandbox_private.h"

#include "relview/ring.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* A child reading one input (its part of it), and what came of it so far. */
struct relay {
	struct child proc;
	uint64_t received; /* bytes read from the socket for this input */
	char *buf;
	size_t cap, start, end; /* unread bytes: buf[start..end) */
	unsigned char *entry;   /* an entry copied out of the ring */
	size_t entry_cap;
	char *current;               /* the entry the child is reading, for a crash report */
	uint64_t inflated, consumed; /* its progress as last reported */
	double heard;                /* when its last bytes came (monotonic seconds) */
	bool waiting;                /* for a pipe's writer: silence is no stall */
	bool done, broken, stalled;
	bool ended;    /* the socket's end came (the child ended: if not done, it crashed) */
	bool complete; /* done, and its reader says it read its part completely */
	bool stays;    /* done, and the child waits for another request */
};

struct relays {
	const char *input;
	char exe[PATH_MAX]; /* the executable each child is started from */
	const struct source_limits *limits;
	const struct source_handler *handler;
	struct source_counts *counts;
	struct relay child[MAX_CHILDREN];
	int n;
	bool ok;       /* some child's reader said it read something */
	bool terminal; /* the input is the terminal */
	bool keeps;    /* a child may be kept for the next input (run_parts()) */
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static bool cancelled(const struct relays *rs)
{
	return rs->handler->cancel && atomic_load(rs->handler->cancel);
}

/* Room for n unread bytes from buf[start] plus a read's worth: moved to the front,
 * grown if need be. */
static bool make_room(struct relay *rl, size_t n)
{
	if (rl->start + n + READ_BYTES / 2 <= rl->cap)
		return true;
	if (rl->end > rl->start)
		memmove(rl->buf, rl->buf + rl->start, rl->end - rl->start);
	rl->end -= rl->start;
	rl->start = 0;
	if (n + READ_BYTES / 2 <= rl->cap)
		return true;
	char *bigger = realloc(rl->buf, n + READ_BYTES);
	if (!bigger)
		return false;
	rl->buf = bigger;
	rl->cap = n + READ_BYTES;
	return true;
}

/* The message at buf[start]: its head, where its parts lie, its whole size. */
struct msg {
	struct msg_head head;
	const char *path, *data;
	size_t size;
};

static uint64_t max_data(const struct relays *rs, uint32_t type)
{
	switch (type) {
	case MSG_ENTRY:
	case MSG_RING_ENTRY:
		return rs->limits->max_entry_bytes;
	case MSG_PROBLEM:
		return MAX_REASON_BYTES;
	case MSG_DONE:
		return sizeof(struct done);
	default:
		return 0;
	}
}

enum parse_result { MSG_READY, MSG_PARTIAL, MSG_BAD };

/* Is a whole message at buf[start]? Its lengths are checked before anything else:
 * a child that lies is a broken child. */
static enum parse_result parse_msg(const struct relays *rs, const struct relay *rl, struct msg *m,
                                   size_t *need)
{
	size_t avail = rl->end - rl->start;
	*need = sizeof m->head;
	if (avail < sizeof m->head)
		return MSG_PARTIAL;
	memcpy(&m->head, rl->buf + rl->start, sizeof m->head);
	bool has_data = carries_data(m->head.type);
	if (m->head.type > MSG_DONE ||
	    (m->head.path_len != NO_PATH && m->head.path_len > MAX_PATH_BYTES) ||
	    (m->head.type != MSG_PROGRESS && m->head.data_len > max_data(rs, m->head.type)))
		return MSG_BAD;
	size_t path_size = m->head.path_len == NO_PATH ? 0 : m->head.path_len + 1;
	size_t data_size = has_data ? (size_t)m->head.data_len + 1 : 0;
	*need = m->size = sizeof m->head + path_size + data_size;
	if (avail < m->size)
		return MSG_PARTIAL;
	const char *at = rl->buf + rl->start + sizeof m->head;
	m->path = path_size ? at : NULL;
	m->data = at + path_size;
	bool terminated = (!path_size || m->path[path_size - 1] == '\0') &&
	                  (!data_size || m->data[data_size - 1] == '\0');
	return terminated ? MSG_READY : MSG_BAD;
}

static void note_current(struct relay *rl, const char *path)
{
	free(rl->current);
	rl->current = path ? strdup(path) : NULL;
}

static void add_counts(struct source_counts *to, const struct source_counts *from)
{
	to->entries += from->entries;
	to->other += from->other;
	to->problems += from->problems;
	to->bytes += from->bytes;
}

/* The entry a ring message announces, copied out of the ring (with a NUL after it,
 * as in a message); NULL when the ring does not hold it. */
static const unsigned char *take_from_ring(struct relay *rl, size_t len)
{
	if (!rl->proc.ring)
		return NULL;
	if (len + 1 > rl->entry_cap) {
		unsigned char *bigger = realloc(rl->entry, len + 1);
		if (!bigger)
			return NULL;
		rl->entry = bigger;
		rl->entry_cap = len + 1;
	}
	if (!ring_take(rl->proc.ring, rl->entry, len))
		return NULL;
	rl->entry[len] = '\0';
	return rl->entry;
}

static void hand_entry(struct relays *rs, const struct msg *m, const unsigned char *data)
{
	rs->handler->entry(rs->handler->ctx,
	                   &(struct source_entry){rs->input, m->path, data,
	                                          (size_t)m->head.data_len, m->head.extra});
}

/* Progress of the whole input: the sum of the children's, as each reads its own
 * share of the archive. */
static void report_progress(struct relays *rs, const char *path)
{
	uint64_t inflated = 0, consumed = 0;
	for (int i = 0; i < rs->n; i++) {
		inflated += rs->child[i].inflated;
		consumed += rs->child[i].consumed;
	}
	if (rs->handler->progress)
		rs->handler->progress(rs->handler->ctx, path, inflated, consumed);
}

/* Hand one message on; false when it ends the child's stream (done, or broken). */
static bool dispatch(struct relays *rs, struct relay *rl, const struct msg *m)
{
	const struct source_handler *h = rs->handler;
	switch (m->head.type) {
	case MSG_PROGRESS:
		rl->waiting = m->head.data_len == SOURCE_WAITING;
		if (rl->waiting)
			return true;
		if (m->head.data_len == SOURCE_SIZE) { /* the input's size: passed on as it is */
			if (h->progress)
				h->progress(h->ctx, NULL, SOURCE_SIZE, m->head.extra);
			return true;
		}
		note_current(rl, m->path);
		rl->inflated = m->head.data_len;
		rl->consumed = m->head.extra;
		report_progress(rs, m->path);
		return true;
	case MSG_ENTRY:
		rl->waiting = false;
		hand_entry(rs, m, (const unsigned char *)m->data);
		return true;
	case MSG_RING_ENTRY: {
		rl->waiting = false;
		const unsigned char *data = take_from_ring(rl, (size_t)m->head.data_len);
		if (!data) {
			rl->broken = true;
			return false;
		}
		hand_entry(rs, m, data);
		return true;
	}
	case MSG_PROBLEM:
		h->problem(h->ctx, rs->input, m->path, m->data);
		return true;
	default: { /* MSG_DONE */
		struct done done;
		if (m->head.data_len != sizeof done) {
			rl->broken = true;
			return false;
		}
		memcpy(&done, m->data, sizeof done);
		add_counts(rs->counts, &done.counts);
		rs->ok |= done.ok != 0;
		rl->complete = done.counts.complete > 0;
		rl->stays = done.stays != 0;
		rl->done = true;
		return false;
	}
	}
}

/* Hand on every whole message in the buffer; false when one ended the stream or
 * reading was cancelled. *need is then the bytes the next message needs. */
static bool hand_on_messages(struct relays *rs, struct relay *rl, size_t *need)
{
	struct msg m;
	enum parse_result r;
	while ((r = parse_msg(rs, rl, &m, need)) == MSG_READY) {
		bool more = dispatch(rs, rl, &m);
		rl->start += m.size;
		if (!more || cancelled(rs))
			return false;
	}
	if (r == MSG_BAD || !make_room(rl, *need)) {
		rl->broken = true;
		return false;
	}
	return true;
}

/* Read what the child's socket holds and hand on every whole message in it;
 * returns the bytes read. */
static size_t drain(struct relays *rs, struct relay *rl)
{
	size_t total = 0, need;
	while (hand_on_messages(rs, rl, &need)) {
		ssize_t got = read(rl->proc.fd, rl->buf + rl->end, rl->cap - rl->end);
		if (got > 0) {
			rl->end += (size_t)got;
			rl->received += (uint64_t)got;
			total += (size_t)got;
			rl->heard = now();
		} else if (got < 0 && errno == EAGAIN) {
			return total; /* nothing more for now */
		} else if (got == 0 || errno != EINTR) {
			rl->broken = true; /* the stream ended without "done" */
			rl->ended = got == 0;
			return total;
		}
	}
	return total;
}

/* After a child that was not done has died: what it had written but not sent, from
 * where the socket left off. The outbox is the dead child's: its counts must agree
 * with what came by the socket for this input, or nothing of it is believed. */
static void replay_outbox(struct relays *rs, struct relay *rl)
{
	const struct outbox *out = rl->proc.out;
	size_t need;
	drain(rs, rl); /* the last of the socket */
	if (rl->done || out->used > OUTBOX_BYTES || out->sent > rl->received ||
	    rl->received - out->sent > out->used)
		return;
	size_t skip = (size_t)(rl->received - out->sent), len = (size_t)out->used - skip;
	if (!make_room(rl, rl->end - rl->start + len))
		return;
	memcpy(rl->buf + rl->end, out->bytes + skip, len);
	rl->end += len;
	hand_on_messages(rs, rl, &need);
}

static bool reading(const struct relay *rl)
{
	return !rl->done && !rl->broken && !rl->stalled;
}

/* Relay every child's messages until each is done, broken or stalled, or until
 * the reading is cancelled.
 *
 * After a little was read, the relay pauses before it looks again, so that more
 * gathers for the next read: a child sends a batch at least every OUTBOX_NS even
 * when it holds few messages. When much was read, the relay is the one behind and
 * does not pause. (Measured without the pause: 2 to 4% slower.) Nor after the last
 * message: a pause per input was two thirds of the time of many small inputs. */
static void relay_all(struct relays *rs)
{
	for (;;) {
		struct pollfd pfd[MAX_CHILDREN];
		struct relay *which[MAX_CHILDREN];
		int n = 0;
		for (int i = 0; i < rs->n; i++)
			if (reading(&rs->child[i])) {
				pfd[n] = (struct pollfd){rs->child[i].proc.fd, POLLIN, 0};
				which[n++] = &rs->child[i];
			}
		if (n == 0 || cancelled(rs))
			return;
		int ready = poll(pfd, (nfds_t)n, CANCEL_CHECK_MS);
		if (ready < 0 && errno != EINTR)
			return;
		size_t got = 0;
		bool more = false; /* to come: some child still reads */
		for (int i = 0; i < n; i++) {
			if (ready > 0 && pfd[i].revents)
				got += drain(rs, which[i]);
			else if (!which[i]->waiting &&
			         now() - which[i]->heard >= rs->limits->stall_seconds)
				which[i]->stalled = true;
			more |= reading(which[i]);
		}
		if (more && got > 0 && got < PACE_BYTES)
			nanosleep(&(struct timespec){0, PACE_NS}, NULL);
	}
}

/* A child ended without saying it was done: say why, naming the entry it was
 * reading. */
static void report_broken_child(struct relays *rs, const struct relay *rl, int status)
{
	char reason[320];
	if (rl->stalled)
		snprintf(reason, sizeof reason, "reading stopped: no progress for %u seconds",
		         rs->limits->stall_seconds);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == WRONG_PROTOCOL && !rl->received)
		snprintf(reason, sizeof reason,
		         "cannot start the reading process: %.100s is another version of relview",
		         rs->exe);
	else if (WIFEXITED(status) && !rl->received)
		snprintf(reason, sizeof reason,
		         "cannot start the reading process: %.100s ended at once (exit status %d)",
		         rs->exe, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(reason, sizeof reason, "reading stopped: the archive reader crashed (%s)",
		         strsignal(WTERMSIG(status)));
	else
		snprintf(reason, sizeof reason,
		         "reading stopped: damaged data from the archive reader");
	rs->counts->problems++;
	rs->counts->stopped++;
	rs->handler->problem(rs->handler->ctx, rs->input, rl->current, reason);
}

/* A child that ended (with `status`) without saying it was done: what its outbox
 * still holds when its socket ended or it stalled, then why it ended. */
static void hear_last_words(struct relays *rs, struct relay *rl, int status)
{
	if (!rl->done && !cancelled(rs) && (rl->ended || rl->stalled))
		replay_outbox(rs, rl);
	if (!rl->done && !cancelled(rs))
		report_broken_child(rs, rl, status);
}

static void free_relay(struct relay *rl)
{
	free(rl->current);
	free(rl->buf);
	free(rl->entry);
}

void sandbox_hear(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts, int fd,
                  struct ring *ring, struct outbox *out)
{
	struct relays rs = {input, "", limits, handler, counts, .n = 1};
	struct relay *rl = &rs.child[0];
	*rl = (struct relay){.proc = {.pid = -1, .fd = fd, .ring = ring, .out = out}};
	while (reading(rl) && !cancelled(&rs))
		drain(&rs, rl);
	hear_last_words(&rs, rl, 0);
	free_relay(rl);
}

/* The kept child, told to go on this request, when it fits (child_take_kept()) and is
 * still there. */
static bool tell_kept(struct relays *rs, struct child *c, const char *reader, int input_fd,
                      const struct source_limits *limits, const char *env)
{
	struct child *old = child_take_kept(limits, env);
	if (!old)
		return false;
	*c = *old;
	free(old);
	if (child_send_request(c, reader, rs->input, input_fd, limits, true))
		return true;
	end_child(c); /* it ended while it waited (killed from outside) */
	return false;
}

/* A new child, told to go on this request; env is the text of its environment
 * envp, which it then owns. One that ended at once is told in vain, and the relay
 * reports how it ended. False with errno when none could be started. */
static bool tell_new(struct relays *rs, struct child *c, const char *reader, int input_fd,
                     const struct source_limits *limits, const char **envp, char *env)
{
	if (!start_child(rs->exe, c, envp, env, rs->terminal, limits)) {
		free(env);
		return false;
	}
	if (child_send_request(c, reader, rs->input, input_fd, limits, rs->keeps) || errno == EPIPE)
		return true;
	int err = errno;
	kill(c->pid, SIGKILL);
	child_reap(c->pid);
	free_child(c);
	errno = err;
	return false;
}

/* A child for this request, told to go: the kept one when it may, otherwise a new
 * one. False with errno when none could be started. */
static bool start_reading(struct relays *rs, struct relay *rl, const char *reader, int input_fd,
                          const struct source_limits *limits)
{
	const char *envp[ENV_SLOTS];
	char lc_ctype[128];
	struct child c;
	if (!child_request_fits(reader, rs->input))
		return false;
	child_environment(envp, lc_ctype, sizeof lc_ctype);
	char *env = child_environment_text(envp);
	if (rs->keeps && env && tell_kept(rs, &c, reader, input_fd, limits, env))
		free(env);
	else if (!tell_new(rs, &c, reader, input_fd, limits, envp, env))
		return false;
	*rl = (struct relay){.proc = c, .heard = now()};
	return true;
}

/* Done with a child for this input: kept for the next when it may stay, otherwise
 * stopped (unless it said it was done) and reaped; reported when it ended without
 * finishing, unless the reading was cancelled. */
static void finish_child(struct relays *rs, struct relay *rl)
{
	bool clean = rl->done && !rl->broken && rl->start == rl->end && !cancelled(rs);
	if (!(rs->keeps && clean && rl->stays && child_keep(&rl->proc))) {
		int status;
		if (rl->done) { /* it ends at the socket's end, if it has not already */
			close(rl->proc.fd);
			rl->proc.fd = -1;
			status = child_reap_ended(rl->proc.pid);
		} else {
			kill(rl->proc.pid, SIGKILL);
			status = child_reap(rl->proc.pid);
		}
		hear_last_words(rs, rl, status);
		free_child(&rl->proc);
	}
	free_relay(rl);
}

/* Read the input with `parts` children, each its share of the entries. A child
 * reading the whole input may be kept for the next one; not one that shares a zip,
 * nor one that reads the terminal (it runs in relview's process group, not one of
 * its own). */
static bool run_parts(const char *reader, const char *input, int input_fd,
                      const struct source_limits *limits, unsigned parts,
                      const struct source_handler *handler, struct source_counts *counts)
{
	struct relays rs = {input, "", limits, handler, counts, .n = 0};
	child_executable(rs.exe, sizeof rs.exe);
	rs.terminal = input_fd >= 0 && isatty(input_fd);
	rs.keeps = parts == 1 && !rs.terminal;
	for (unsigned part = 0; part < parts; part++) {
		struct source_limits share = *limits;
		share.part = part;
		share.parts = parts;
		if (!start_reading(&rs, &rs.child[rs.n], reader, input_fd, &share)) {
			char reason[PATH_MAX + 100];
			snprintf(reason, sizeof reason, "cannot start the reading process: %s: %s",
			         rs.exe, strerror(errno));
			counts->problems++;
			handler->problem(handler->ctx, input, NULL, reason);
			break;
		}
		rs.n++;
	}
	relay_all(&rs);
	/* The input is complete when every part of it was, and none was cancelled. */
	bool complete = rs.n == (int)parts && !cancelled(&rs);
	for (int i = 0; i < rs.n; i++) {
		complete &= rs.child[i].complete;
		finish_child(&rs, &rs.child[i]);
	}
	counts->complete += complete;
	return rs.ok;
}

/* The input opened for the child, which could not open it itself: /dev/stdin and
 * /dev/fd/N are the parent's. Without blocking on a FIFO without a writer (the
 * child waits for it). A folder is left to the child to walk by name: -1 with
 * *folder set. -1 with errno otherwise: the input cannot be read, and the child
 * must not try the name among its own descriptors (its /dev/fd/3 is its socket). */
static int open_input(const char *input, bool *folder)
{
	struct stat st;
	*folder = false;
	int fd = open(input, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	bool ok = fstat(fd, &st) == 0;
	if (ok && !S_ISDIR(st.st_mode))
		return fd;
	int err = errno;
	*folder = ok;
	close(fd);
	errno = err;
	return -1;
}

/* A zip archive's members are compressed one by one, so two readers can each
 * inflate a share of them (zipdir.h). */
static bool is_zip(int fd)
{
	unsigned char magic[4];
	struct stat st;
	return fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	       pread(fd, magic, 4, 0) == 4 && memcmp(magic, "PK\3\4", 4) == 0;
}

static bool read_in_children(const char *reader, bool may_share, const char *input,
                             const struct source_limits *limits,
                             const struct source_handler *handler, struct source_counts *counts)
{
	sandbox_check_role();
	bool folder;
	int fd = open_input(input, &folder);
	if (fd < 0 && !folder) {
		counts->problems++;
		handler->problem(handler->ctx, input, NULL, strerror(errno));
		return false;
	}
	unsigned parts = may_share && is_zip(fd) ? MAX_CHILDREN : 1;
	bool ok = run_parts(reader, input, fd, limits, parts, handler, counts);
	if (fd >= 0)
		close(fd);
	return ok;
}

bool sandbox_run(const char *reader, const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts)
{
	return read_in_children(reader, false, input, limits, handler, counts);
}

bool sandbox_read(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts)
{
	return read_in_children("source", true, input, limits, handler, counts);
}
