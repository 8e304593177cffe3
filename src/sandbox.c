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
};

struct done {
	struct source_counts counts;
	uint32_t ok;
};

/* ---- the child: messages out ------------------------------------------------- */

static void write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	while (n) {
		ssize_t done = write(fd, p, n);
		if (done < 0 && errno == EINTR)
			continue;
		if (done <= 0)
			_exit(0); /* the reader is gone: nobody wants the rest */
		p += done;
		n -= (size_t)done;
	}
}

static void send_msg(int fd, enum msg_type type, const char *path, const void *data,
                     uint64_t data_len, bool data_inline)
{
	struct msg_head head = {type, path ? (uint32_t)strlen(path) : NO_PATH, data_len};
	write_all(fd, &head, sizeof head);
	if (path)
		write_all(fd, path, head.path_len);
	if (data_inline)
		write_all(fd, data, (size_t)data_len);
}

static void child_entry(void *ctx, const struct source_entry *e)
{
	send_msg(*(int *)ctx, MSG_ENTRY, e->path, e->data, e->len, true);
}

static void child_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	send_msg(*(int *)ctx, MSG_PROBLEM, path, reason, strlen(reason), true);
}

static void child_progress(void *ctx, const char *path, uint64_t inflated)
{
	send_msg(*(int *)ctx, MSG_PROGRESS, path, NULL, inflated, false);
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
	struct source_handler h = {&fd, child_entry, child_problem, child_progress};
	struct done done = {{0}, 0};
	done.ok = reader(input, limits, &h, &done.counts);
	send_msg(fd, MSG_DONE, NULL, &done, sizeof done, true);
	_exit(0);
}

/* ---- the parent: messages in -------------------------------------------------- */

struct relay {
	int fd;
	pid_t child;
	const char *input;
	const struct source_limits *limits;
	const struct source_handler *handler;
	char *path; /* the last message's path, NUL-terminated */
	size_t path_cap;
	char *data;
	size_t data_cap;
	const char *current; /* the entry the child is reading, for a crash report */
	bool stalled;
};

/* Read exactly n bytes; false at the end of the stream or when the child has been
 * silent for the stall limit. */
static bool read_exact(struct relay *rl, void *buf, size_t n)
{
	char *p = buf;
	while (n) {
		struct pollfd pfd = {rl->fd, POLLIN, 0};
		int ready = poll(&pfd, 1, (int)rl->limits->stall_seconds * 1000);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0) {
			rl->stalled = true;
			return false;
		}
		ssize_t got = read(rl->fd, p, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		p += got;
		n -= (size_t)got;
	}
	return true;
}

static bool ensure(char **buf, size_t *cap, size_t need)
{
	if (need <= *cap)
		return true;
	char *bigger = realloc(*buf, need);
	if (!bigger)
		return false;
	*buf = bigger;
	*cap = need;
	return true;
}

/* Read a message's path and data, checking the lengths the child claims. */
static bool read_body(struct relay *rl, const struct msg_head *head, bool has_data)
{
	uint64_t max_data = head->type == MSG_ENTRY  ? rl->limits->max_entry_bytes
	                    : head->type == MSG_DONE ? sizeof(struct done)
	                                             : MAX_REASON_BYTES;
	if ((head->path_len != NO_PATH && head->path_len > MAX_PATH_BYTES) ||
	    (has_data && head->data_len > max_data))
		return false;
	size_t plen = head->path_len == NO_PATH ? 0 : head->path_len;
	if (!ensure(&rl->path, &rl->path_cap, plen + 1) || !read_exact(rl, rl->path, plen))
		return false;
	rl->path[plen] = '\0';
	size_t dlen = has_data ? (size_t)head->data_len : 0;
	if (!ensure(&rl->data, &rl->data_cap, dlen + 1) || !read_exact(rl, rl->data, dlen))
		return false;
	rl->data[dlen] = '\0';
	return true;
}

static const char *msg_path(const struct relay *rl, const struct msg_head *head)
{
	return head->path_len == NO_PATH ? NULL : rl->path;
}

/* Relay messages to the handler until the child says it is done (true) or the
 * stream breaks (false). */
static bool relay_messages(struct relay *rl, struct source_counts *counts, bool *ok)
{
	const struct source_handler *h = rl->handler;
	struct msg_head head;
	while (read_exact(rl, &head, sizeof head)) {
		if (!read_body(rl, &head, head.type != MSG_PROGRESS))
			return false;
		const char *path = msg_path(rl, &head);
		switch (head.type) {
		case MSG_PROGRESS:
			free((void *)rl->current);
			rl->current = path ? strdup(path) : NULL;
			if (h->progress)
				h->progress(h->ctx, path, head.data_len);
			break;
		case MSG_ENTRY:
			h->entry(h->ctx, &(struct source_entry){rl->input, path,
			                                        (const unsigned char *)rl->data,
			                                        (size_t)head.data_len});
			break;
		case MSG_PROBLEM:
			h->problem(h->ctx, rl->input, path, rl->data);
			break;
		case MSG_DONE: {
			struct done done;
			if (head.data_len != sizeof done)
				return false;
			memcpy(&done, rl->data, sizeof done);
			counts->entries += done.counts.entries;
			counts->other += done.counts.other;
			counts->problems += done.counts.problems;
			counts->bytes += done.counts.bytes;
			*ok = done.ok;
			return true;
		}
		default:
			return false;
		}
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
	if (pipe2(fds, O_CLOEXEC) != 0) {
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
	struct relay rl = {
	        .fd = fds[0], .child = child, .input = input, .limits = limits, .handler = handler};
	bool ok = false, finished = relay_messages(&rl, counts, &ok);
	if (!finished)
		kill(child, SIGKILL);
	close(fds[0]);
	int status = 0;
	while (waitpid(child, &status, 0) < 0 && errno == EINTR)
		;
	if (!finished)
		report_broken_child(&rl, status, counts);
	free((void *)rl.current);
	free(rl.path);
	free(rl.data);
	return ok;
}

bool sandbox_read(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts)
{
	return sandbox_run(source_read, input, limits, handler, counts);
}
