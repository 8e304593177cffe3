#include "config.h"

#include "relview/sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

/* The child speaks in messages: a fixed head, then the path, then the data. */
enum msg_type { MSG_PROGRESS, MSG_ENTRY, MSG_PROBLEM, MSG_DONE };

#define NO_PATH          UINT32_MAX
#define MAX_PATH_BYTES   ((uint32_t)1 << 20)
#define MAX_REASON_BYTES ((uint64_t)1 << 16)
#define PIPE_BYTES       (1 << 20)

struct msg_head {
	uint32_t type;
	uint32_t path_len; /* NO_PATH: none */
	uint64_t data_len; /* progress: bytes inflated so far */
	uint64_t consumed; /* progress: bytes of the file read so far */
};

struct done {
	struct source_counts counts;
	uint32_t ok;
};

/* ---- the child: messages out -------------------------------------------------
 *
 * A message is its head, then its path and then its data, each string with its
 * NUL, so that the parent can hand them on where they lie in its buffer. One
 * writev per message: a syscall per entry, not three. */

static void write_all(int fd, struct iovec *iov, int n)
{
	while (n > 0) {
		ssize_t done = writev(fd, iov, n);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			_exit(0); /* the reader is gone: nobody wants the rest */
		for (; n > 0 && (size_t)done >= iov->iov_len; iov++, n--)
			done -= (ssize_t)iov->iov_len;
		if (n > 0) {
			iov->iov_base = (char *)iov->iov_base + done;
			iov->iov_len -= (size_t)done;
		}
	}
}

/* data_len of a progress message is a number (bytes inflated), not a length. */
static void send_msg(int fd, enum msg_type type, const char *path, const void *data,
                     uint64_t data_len, uint64_t consumed)
{
	static const char nul;
	bool has_data = type != MSG_PROGRESS;
	bool is_text = type == MSG_PROBLEM;
	struct msg_head head = {type, path ? (uint32_t)strlen(path) : NO_PATH, data_len, consumed};
	struct iovec iov[4] = {{&head, sizeof head}};
	int n = 1;
	if (path)
		iov[n++] = (struct iovec){(void *)path, head.path_len + 1};
	if (has_data)
		iov[n++] = (struct iovec){(void *)data, (size_t)data_len};
	if (has_data && !is_text)
		iov[n++] = (struct iovec){(void *)&nul, 1};
	if (is_text)
		iov[n - 1].iov_len++; /* the reason's own NUL */
	write_all(fd, iov, n);
}

static void child_entry(void *ctx, const struct source_entry *e)
{
	send_msg(*(int *)ctx, MSG_ENTRY, e->path, e->data, e->len, 0);
}

static void child_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	send_msg(*(int *)ctx, MSG_PROBLEM, path, reason, strlen(reason), 0);
}

static void child_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	send_msg(*(int *)ctx, MSG_PROGRESS, path, NULL, inflated, consumed);
}

/* Address-space limits and sanitizers do not mix: ASan reserves terabytes. */
#if defined(__SANITIZE_ADDRESS__)
#define CAN_LIMIT_MEMORY 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CAN_LIMIT_MEMORY 0
#endif
#endif
#ifndef CAN_LIMIT_MEMORY
#define CAN_LIMIT_MEMORY 1
#endif

/* The child runs without core dumps, within its memory cap, and mute: the C
 * library's own crash messages must not land on a screen the parent has drawn. */
static void limit_child(const struct source_limits *limits)
{
	int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (devnull >= 0) {
		dup2(devnull, STDERR_FILENO);
		close(devnull);
	}
	setenv("LIBC_FATAL_STDERR_", "1", 1); /* never to /dev/tty */
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	if (CAN_LIMIT_MEMORY && limits->max_memory) {
		struct rlimit mem = {limits->max_memory, limits->max_memory};
		setrlimit(RLIMIT_AS, &mem);
	}
	/* A crash must end the child: no handler the parent installed may catch it. */
	static const int fatal[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGPIPE, SIGTERM};
	for (size_t i = 0; i < sizeof fatal / sizeof *fatal; i++)
		signal(fatal[i], SIG_DFL);
	signal(SIGINT, SIG_IGN); /* the parent decides when reading ends */
}

static _Noreturn void run_child(int fd, sandbox_reader reader, const char *input,
                                const struct source_limits *limits)
{
	limit_child(limits);
	struct source_handler h = {&fd, child_entry, child_problem, child_progress, NULL};
	struct done done = {{0}, 0};
	done.ok = reader(input, limits, &h, &done.counts);
	send_msg(fd, MSG_DONE, NULL, &done, sizeof done, 0);
	_exit(0);
}

/* ---- the parent: messages in --------------------------------------------------
 *
 * The pipe is read in large non-blocking reads into one buffer, and messages are
 * handed on where they lie in it; poll() waits only when the pipe is empty, with
 * the stall limit as its timeout. */

#define READ_BYTES ((size_t)1 << 20)

struct relay {
	int fd;
	const char *input;
	const struct source_limits *limits;
	const struct source_handler *handler;
	char *buf;
	size_t cap, start, end; /* unread bytes: buf[start..end) */
	char *current;          /* the entry the child is reading, for a crash report */
	bool stalled;
};

/* How often a reader waiting on the child looks whether it was asked to stop. */
#define CANCEL_CHECK_MS 100

static bool cancelled(const struct relay *rl)
{
	return rl->handler->cancel && atomic_load(rl->handler->cancel);
}

/* Wait for the pipe to have something; false when the child was silent too long or
 * reading was cancelled. */
static bool wait_readable(struct relay *rl)
{
	int waited = 0, limit = (int)rl->limits->stall_seconds * 1000;
	while (!cancelled(rl)) {
		struct pollfd pfd = {rl->fd, POLLIN, 0};
		int ready = poll(&pfd, 1, CANCEL_CHECK_MS);
		if (ready > 0)
			return true;
		if (ready == 0 && (waited += CANCEL_CHECK_MS) >= limit) {
			rl->stalled = true;
			return false;
		}
		if (ready < 0 && errno != EINTR)
			return false;
	}
	return false;
}

/* Room for n unread bytes from buf[start]: moved to the front, grown if need be. */
static bool make_room(struct relay *rl, size_t n)
{
	if (rl->start + n <= rl->cap)
		return true;
	memmove(rl->buf, rl->buf + rl->start, rl->end - rl->start);
	rl->end -= rl->start;
	rl->start = 0;
	if (n + READ_BYTES <= rl->cap)
		return true;
	char *bigger = realloc(rl->buf, n + READ_BYTES);
	if (!bigger)
		return false;
	rl->buf = bigger;
	rl->cap = n + READ_BYTES;
	return true;
}

/* Make n bytes available at buf[start]; false at the end of the stream, on silence
 * or when out of memory. */
static bool have(struct relay *rl, size_t n)
{
	if (!make_room(rl, n))
		return false;
	while (rl->end - rl->start < n) {
		ssize_t got = read(rl->fd, rl->buf + rl->end, rl->cap - rl->end);
		if (got > 0) {
			rl->end += (size_t)got;
		} else if (got == 0) {
			return false;
		} else if (errno == EAGAIN) {
			if (!wait_readable(rl))
				return false;
		} else if (errno != EINTR) {
			return false;
		}
	}
	return true;
}

/* The message at buf[start], checked: its total length (head, path and data with
 * their NULs) and where its parts lie. */
struct msg {
	struct msg_head head;
	const char *path, *data;
	size_t size;
};

static uint64_t max_data(const struct relay *rl, uint32_t type)
{
	switch (type) {
	case MSG_ENTRY:
		return rl->limits->max_entry_bytes;
	case MSG_PROBLEM:
		return MAX_REASON_BYTES;
	case MSG_DONE:
		return sizeof(struct done);
	default:
		return 0;
	}
}

static bool next_msg(struct relay *rl, struct msg *m)
{
	if (!have(rl, sizeof m->head))
		return false;
	memcpy(&m->head, rl->buf + rl->start, sizeof m->head);
	bool has_data = m->head.type != MSG_PROGRESS;
	if (m->head.type > MSG_DONE ||
	    (m->head.path_len != NO_PATH && m->head.path_len > MAX_PATH_BYTES) ||
	    (has_data && m->head.data_len > max_data(rl, m->head.type)))
		return false;
	size_t path_size = m->head.path_len == NO_PATH ? 0 : m->head.path_len + 1;
	size_t data_size = has_data ? (size_t)m->head.data_len + 1 : 0;
	m->size = sizeof m->head + path_size + data_size;
	if (!have(rl, m->size))
		return false;
	const char *at = rl->buf + rl->start + sizeof m->head;
	m->path = path_size ? at : NULL;
	m->data = at + path_size;
	/* The strings end where the head says: a child that lies is a broken child. */
	return (!path_size || m->path[path_size - 1] == '\0') &&
	       (!data_size || m->data[data_size - 1] == '\0');
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

/* Relay messages to the handler until the child says it is done (true) or the
 * stream breaks (false). */
static bool relay_messages(struct relay *rl, struct source_counts *counts, bool *ok)
{
	const struct source_handler *h = rl->handler;
	struct msg m;
	while (!cancelled(rl) && next_msg(rl, &m)) {
		switch (m.head.type) {
		case MSG_PROGRESS:
			note_current(rl, m.path);
			if (h->progress)
				h->progress(h->ctx, m.path, m.head.data_len, m.head.consumed);
			break;
		case MSG_ENTRY:
			h->entry(h->ctx, &(struct source_entry){rl->input, m.path,
			                                        (const unsigned char *)m.data,
			                                        (size_t)m.head.data_len});
			break;
		case MSG_PROBLEM:
			h->problem(h->ctx, rl->input, m.path, m.data);
			break;
		case MSG_DONE: {
			struct done done;
			if (m.head.data_len != sizeof done)
				return false;
			memcpy(&done, m.data, sizeof done);
			add_counts(counts, &done.counts);
			*ok = done.ok;
			return true;
		}
		}
		rl->start += m.size;
	}
	return false;
}

/* The child ended without saying it was done: say why, naming the entry it was
 * reading. */
static void report_broken_child(struct relay *rl, int status, struct source_counts *counts)
{
	char reason[160];
	if (rl->stalled)
		snprintf(reason, sizeof reason, "reading stopped: no progress for %u seconds",
		         rl->limits->stall_seconds);
	else if (WIFSIGNALED(status))
		snprintf(reason, sizeof reason, "reading stopped: the archive reader crashed (%s)",
		         strsignal(WTERMSIG(status)));
	else
		snprintf(reason, sizeof reason,
		         "reading stopped: damaged data from the archive reader");
	counts->problems++;
	counts->stopped++;
	rl->handler->problem(rl->handler->ctx, rl->input, rl->current, reason);
}

bool sandbox_run(sandbox_reader reader, const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) != 0 || fcntl(fds[0], F_SETFL, O_NONBLOCK) != 0) {
		counts->problems++;
		handler->problem(handler->ctx, input, NULL, strerror(errno));
		return false;
	}
	fcntl(fds[1], F_SETPIPE_SZ, PIPE_BYTES); /* fewer wake-ups; a hint only */
	fflush(NULL); /* the child must not write out the parent's buffers */
	pid_t child = fork();
	if (child == 0) {
		close(fds[0]);
		run_child(fds[1], reader, input, limits);
	}
	close(fds[1]);
	if (child < 0) {
		close(fds[0]);
		counts->problems++;
		handler->problem(handler->ctx, input, NULL, strerror(errno));
		return false;
	}
	struct relay rl = {.fd = fds[0], .input = input, .limits = limits, .handler = handler};
	bool ok = false, finished = relay_messages(&rl, counts, &ok);
	if (!finished)
		kill(child, SIGKILL);
	close(fds[0]);
	int status = 0;
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	if (!finished && !cancelled(&rl))
		report_broken_child(&rl, status, counts);
	free(rl.current);
	free(rl.buf);
	return ok;
}

bool sandbox_read(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts)
{
	return sandbox_run(source_read, input, limits, handler, counts);
}
