#include "config.h"

#include "relview/sandbox.h"

#include "relview/mbascii.h"
#include "relview/ring.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* The child speaks in messages: a fixed head, then the path, then the data. An
 * entry's data comes in the message or, when it fits, in the shared ring (ring.h). */
enum msg_type { MSG_PROGRESS, MSG_ENTRY, MSG_RING_ENTRY, MSG_PROBLEM, MSG_DONE };

#define NO_PATH          UINT32_MAX
#define MAX_PATH_BYTES   ((uint32_t)1 << 20)
#define MAX_REASON_BYTES ((uint64_t)1 << 16)
#define SOCKET_BYTES     (1 << 20)

struct msg_head {
	uint32_t type;
	uint32_t path_len; /* NO_PATH: none */
	uint64_t data_len; /* progress: bytes inflated so far; ring entry: bytes in the ring */
	uint64_t extra;    /* progress: bytes of the file read so far; entry: its ordinal */
};

struct done {
	struct source_counts counts;
	uint32_t ok;
	uint32_t stays; /* the child waits for another request (may_stay()) */
};

/* ---- the child: messages out -------------------------------------------------
 *
 * A message is its head, then its path and then its data, each string with its
 * NUL, so that the parent can hand them on where they lie in its buffer.
 *
 * Messages gather in an outbox and go down the socket in one write when it is full,
 * before the child may wait (for room in the ring, for a pipe's writer), with its
 * last message, and at least every OUTBOX_NS: a write per message, two an entry,
 * was a tenth of the child's time. The outbox is memory the parent shares, so that
 * when the child crashes or hangs, the parent finds in it what was not sent: the
 * entries read before, and the one being read, which the report names. */

#define OUTBOX_BYTES ((size_t)64 << 10)
#define OUTBOX_NS    20000000L

/* What the child is to do, written by the parent before it starts the child: the
 * whole request in one place, so that every field of the limits reaches the child
 * as the parent has it (the hidden invocation's arguments name only descriptors). */
struct reader_request {
	pid_t parent;
	uint32_t may_stay; /* the parent would keep the child for another input */
	struct source_limits limits;
	char reader[64];
	char input[PATH_MAX];
};

struct outbox {
	struct reader_request request; /* the parent's, read by the child as it starts */
	uint64_t sent; /* bytes of the child's message stream written before bytes[0] */
	uint64_t used; /* bytes in bytes[], not yet written */
	unsigned char bytes[OUTBOX_BYTES];
};

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

/* Does a message of this type carry data after its path? */
static bool carries_data(uint32_t type)
{
	return type != MSG_PROGRESS && type != MSG_RING_ENTRY;
}

/* The child's ends: its socket, its outbox and, when there is one, its ring. */
struct channel {
	int fd;
	struct ring *ring;          /* NULL: entries go down the socket */
	struct outbox *out;         /* never NULL: a child without one exits (open_channel) */
	void *room;                 /* claimed in the ring for the entry being read, or NULL */
	struct timespec last_flush; /* of the outbox */
	bool waited;                /* the last message said: waiting for a pipe's writer */
};

static long ns_since(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	return (now.tv_sec - t->tv_sec) * 1000000000L + (now.tv_nsec - t->tv_nsec);
}

static void flush_outbox(struct channel *ch)
{
	struct outbox *out = ch->out;
	if (out->used) {
		write_all(ch->fd, &(struct iovec){out->bytes, (size_t)out->used}, 1);
		out->sent += out->used;
		out->used = 0;
	}
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ch->last_flush);
}

/* Put a message in the outbox, or down the socket when it is larger than that. */
static void post(struct channel *ch, struct iovec *iov, int n, bool urgent)
{
	struct outbox *out = ch->out;
	size_t size = 0;
	for (int i = 0; i < n; i++)
		size += iov[i].iov_len;
	if (size > OUTBOX_BYTES) {
		flush_outbox(ch);
		write_all(ch->fd, iov, n);
		out->sent += size;
		return;
	}
	if (out->used + size > OUTBOX_BYTES)
		flush_outbox(ch);
	for (int i = 0; i < n; i++) {
		memcpy(out->bytes + out->used, iov[i].iov_base, iov[i].iov_len);
		out->used += iov[i].iov_len;
	}
	if (urgent || ns_since(&ch->last_flush) >= OUTBOX_NS)
		flush_outbox(ch);
}

/* data_len of a message without data is a number, not a length to read. */
static void send_msg(struct channel *ch, enum msg_type type, const char *path, const void *data,
                     uint64_t data_len, uint64_t extra)
{
	static const char nul;
	bool has_data = carries_data(type);
	bool is_text = type == MSG_PROBLEM;
	struct msg_head head = {type, path ? (uint32_t)strlen(path) : NO_PATH, data_len, extra};
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
	/* The last message, the one before a wait for a pipe's writer and the first one
	 * after it go at once: until the parent hears that the wait is over, it takes
	 * the child's silence for the wait and would never stop a child that loops. */
	bool waits = type == MSG_PROGRESS && data_len == SOURCE_WAITING;
	post(ch, iov, n, type == MSG_DONE || waits || ch->waited);
	ch->waited = waits;
}

/* Room in the ring, the outbox sent first if the parent must free some: it frees
 * the entries it has heard of. */
static void *claim(struct channel *ch, size_t len)
{
	if (!ch->ring)
		return NULL;
	if (ring_would_wait(ch->ring, len))
		flush_outbox(ch);
	return ring_claim(ch->ring, len);
}

/* The entry is read straight into the ring when its size is known. */
static void *child_room(void *ctx, size_t len)
{
	struct channel *ch = ctx;
	ch->room = claim(ch, len);
	return ch->room;
}

static void child_entry(void *ctx, const struct source_entry *e)
{
	struct channel *ch = ctx;
	bool in_ring = ch->room && e->data == ch->room;
	void *room = in_ring ? ch->room : claim(ch, e->len);
	ch->room = NULL;
	if (!room) {
		send_msg(ch, MSG_ENTRY, e->path, e->data, e->len, e->ordinal);
		return;
	}
	if (!in_ring)
		memcpy(room, e->data, e->len);
	ring_publish(ch->ring, e->len);
	send_msg(ch, MSG_RING_ENTRY, e->path, NULL, e->len, e->ordinal);
}

static void child_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	send_msg(ctx, MSG_PROBLEM, path, reason, strlen(reason), 0);
}

static void child_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	send_msg(ctx, MSG_PROGRESS, path, NULL, inflated, consumed);
}

/* ---- the child: a fresh process -------------------------------------------
 *
 * The child is this executable started again (posix_spawn of /proc/self/exe: see
 * executable(); a vfork, cheap from a parent of any size) with the hidden invocation below:
 * its mode, version and the numbers of its descriptors. Its descriptors are only these: 0, 1
 * and 2 on /dev/null, its end of the socket, the ring's and the outbox's memory; its
 * environment is only child_env[], the locale's character type and what passed_env[] names.
 *
 * Then it serves requests, one input each: the parent writes the request (its reader's name,
 * the input, the parent's pid, all of the limits) into the outbox (struct reader_request) and
 * sends a word to go (struct go) down the socket, with the input's descriptor when it opened
 * one. Starting a process image is about 10 ms, more than reading a small input, so a child
 * that read its input cleanly may wait for the next (may_stay()); at the socket's end it
 * ends. */

#define SANDBOX_MODE "--sandbox-reader"
/* The hidden invocation's version, its second argument: a child started from an
 * executable that speaks another (a relview reinstalled while this one runs, when
 * the child is started by path: see executable()) exits at once, and the parent
 * says so, rather than taking what it writes for damaged data. */
#define SANDBOX_PROTOCOL "relview-reader-3"
#define WRONG_PROTOCOL   3 /* the exit status of such a child */

/* The descriptors a child is given, in the order of their arguments. */
enum channel_fd { FD_SOCKET, FD_RING, FD_OUTBOX, CHANNEL_FDS };

/* The hidden invocation: its mode, its version, its descriptors; what the child is
 * to do comes with each request (struct go, struct reader_request). */
enum child_arg {
	ARG_MODE = 1,
	ARG_VERSION,
	ARG_SOCKET_FD, /* then one for each of enum channel_fd, -1 when absent */
	ARG_COUNT = ARG_SOCKET_FD + CHANNEL_FDS
};

/* The parent's word to go on the request in the outbox; the input's descriptor
 * comes with it (SCM_RIGHTS) when has_input is set. */
struct go {
	uint32_t has_input;
};

/* Address-space limits and sanitizers do not mix: ASan and TSan reserve terabytes. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CAN_LIMIT_MEMORY 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define CAN_LIMIT_MEMORY 0
#endif
#endif
#ifndef CAN_LIMIT_MEMORY
#define CAN_LIMIT_MEMORY 1
#endif

/* In a group of its own (child_signals), the stops a terminal sent relview's group
 * while this child was started, before it left that group, were held for it: they
 * were not for it, and it goes on. (Ignoring a pending signal discards it.) */
static void drop_held_stops(void)
{
	static const int stops[] = {SIGTSTP, SIGTTIN, SIGTTOU};
	sigset_t held;
	sigemptyset(&held);
	if (getpgrp() != getpid())
		return;
	for (size_t i = 0; i < sizeof stops / sizeof *stops; i++) {
		signal(stops[i], SIG_IGN);
		signal(stops[i], SIG_DFL);
		sigaddset(&held, stops[i]);
	}
	sigprocmask(SIG_UNBLOCK, &held, NULL);
}

/* The child runs without core dumps and within its memory cap, which counts only
 * its own pages: the image is fresh. */
static void limit_child(const struct source_limits *limits)
{
	struct rlimit none = {0, 0};
	setrlimit(RLIMIT_CORE, &none);
	if (CAN_LIMIT_MEMORY && limits->max_memory) {
		struct rlimit mem = {limits->max_memory, limits->max_memory};
		setrlimit(RLIMIT_AS, &mem);
	}
	/* The signals came default (posix_spawn), but a sanitizer's runtime installs
	 * handlers as it starts: a crash must end the child, and Ctrl-Z must stop and
	 * continue it with its calls restarted, not interrupted. */
	static const int own[] = {SIGSEGV, SIGBUS, SIGILL,  SIGFPE,  SIGABRT,  SIGPIPE,
	                          SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGWINCH, SIGCONT};
	for (size_t i = 0; i < sizeof own / sizeof *own; i++)
		signal(own[i], SIG_DFL);
	signal(SIGINT, SIG_IGN); /* the parent decides when reading ends */
	drop_held_stops();
}

/* The child must not outlive relview: relview ended by a signal it does not catch
 * (SIGTERM in --list mode, SIGKILL) takes its reader along, even one blocked on a
 * pipe that never ends, which would never notice. */
static void die_with_parent(pid_t parent)
{
#ifdef __linux__
	prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
	if (getppid() != parent) /* it ended before the line above */
		_exit(0);
}

static bool parse_number(const char *text, uint64_t max, uint64_t *value)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(text, &end, 10);
	if (errno || end == text || *end || n > max)
		return false;
	*value = n;
	return true;
}

static bool parse_fd(const char *text, int *fd)
{
	uint64_t n;
	*fd = -1;
	if (strcmp(text, "-1") == 0)
		return true;
	if (!parse_number(text, INT32_MAX, &n))
		return false;
	*fd = (int)n;
	return true;
}

static bool parse_fds(char **argv, int fd[CHANNEL_FDS])
{
	for (int i = 0; i < CHANNEL_FDS; i++)
		if (!parse_fd(argv[ARG_SOCKET_FD + i], &fd[i]))
			return false;
	return fd[FD_SOCKET] >= 0 && fd[FD_OUTBOX] >= 0;
}

/* What sandbox_serve() found this process to be. A program that forgot to call it
 * would run itself again, in the hidden mode, as an ordinary program reading its
 * inputs in children of its own, and so on: it is stopped at its first read. A
 * child never starts another. */
static enum { ROLE_UNKNOWN, ROLE_PARENT, ROLE_CHILD } role;

static void check_role(void)
{
	if (role == ROLE_PARENT)
		return;
	fputs(role == ROLE_CHILD ? "relview: a reading process may not start another\n"
	                         : "relview: sandbox_serve() must be called first thing in "
	                           "main() of a program that reads through the sandbox\n",
	      stderr);
	abort();
}

static const struct sandbox_reader builtin_readers[] = {{"source", source_read_fd}, {NULL, NULL}};

static const struct sandbox_reader *find_reader(const struct sandbox_reader *table,
                                                const char *name)
{
	for (; table && table->name; table++)
		if (strcmp(table->name, name) == 0)
			return table;
	return NULL;
}

/* The ring and the outbox, mapped; their descriptors are not needed after that.
 * False when the outbox cannot be mapped. */
static bool open_channel(const int fd[CHANNEL_FDS], struct channel *ch)
{
	*ch = (struct channel){.fd = fd[FD_SOCKET]};
	if (fd[FD_RING] >= 0) {
		ch->ring = ring_attach(fd[FD_RING]);
		close(fd[FD_RING]);
	}
	ch->out = shared_memory_map(fd[FD_OUTBOX], sizeof *ch->out);
	close(fd[FD_OUTBOX]);
	return ch->out != NULL;
}

/* A word to go (struct go) and the descriptor that came with it, if one did. */
union go_control {
	char bytes[CMSG_SPACE(sizeof(int))];
	struct cmsghdr align;
};

static int received_fd(struct msghdr *mh)
{
	struct cmsghdr *c = CMSG_FIRSTHDR(mh);
	int fd = -1;
	if (c && c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS &&
	    c->cmsg_len == CMSG_LEN(sizeof fd))
		memcpy(&fd, CMSG_DATA(c), sizeof fd);
	return fd;
}

/* Wait for the next request: the word to go, with the input's descriptor when the
 * parent opened it (close-on-exec: the programs libarchive runs as filters get
 * none), then the request the parent wrote into the outbox. False at the socket's
 * end: relview is done with this child. Anything else amiss ends the child, and
 * the parent reports damaged data. */
static bool next_request(struct channel *ch, struct reader_request *r, int *input)
{
	struct go go;
	union go_control control;
	struct iovec iov = {&go, sizeof go};
	struct msghdr mh = {.msg_iov = &iov,
	                    .msg_iovlen = 1,
	                    .msg_control = control.bytes,
	                    .msg_controllen = sizeof control.bytes};
	ssize_t n;
	while ((n = recvmsg(ch->fd, &mh, MSG_CMSG_CLOEXEC)) < 0 && errno == EINTR)
		;
	*input = received_fd(&mh);
	if (n == 0 && *input < 0)
		return false;
	if (n != sizeof go || (mh.msg_flags & MSG_CTRUNC) || (go.has_input != 0) != (*input >= 0))
		_exit(2);
	*r = ch->out->request;
	r->reader[sizeof r->reader - 1] = r->input[sizeof r->input - 1] = '\0';
	/* The outbox's stream starts again (the child alone writes these: it may still
	 * have been setting them after its last message went). */
	ch->out->sent = ch->out->used = 0;
	return true;
}

/* What the first request sets for the child's whole life: that it dies with its
 * parent, its caps, and the character type the parent gave (LC_CTYPE), for the
 * names libarchive converts; then mbascii, as libarchive widens every name a byte at
 * a time. (The parent sends a child only requests of the same limits.) */
static void settle(const struct reader_request *r)
{
	die_with_parent(r->parent);
	limit_child(&r->limits);
	setlocale(LC_CTYPE, "");
	mbascii_enable();
}

/* Has this process's address space ever passed half its cap? source.c judges a
 * read complete by the process's peak (near_memory_cap()), which a child that stays
 * would carry into its next input: one that came that close does not stay. Not
 * known: as if it had. */
static bool past_half_the_cap(void)
{
	struct rlimit cap;
	if (getrlimit(RLIMIT_AS, &cap) != 0)
		return true;
	if (cap.rlim_cur == RLIM_INFINITY)
		return false;
	FILE *f = fopen("/proc/self/status", "re");
	char line[128];
	unsigned long long peak_kb = 0;
	bool found = false;
	while (f && !found && fgets(line, sizeof line, f))
		found = sscanf(line, "VmPeak: %llu kB", &peak_kb) == 1;
	if (f)
		fclose(f);
	return !found || (uint64_t)peak_kb * 1024 > (uint64_t)cap.rlim_cur / 2;
}

/* May the child read another input after this one? Only when the parent would keep
 * it, its reader read the input completely (nothing of the machine's, memory or
 * I/O, went wrong in this process) and its memory stayed well within its cap. */
static bool may_stay(const struct reader_request *r, const struct source_counts *counts)
{
	return r->may_stay && counts->complete > 0 && !past_half_the_cap();
}

/* Read one input, and say so; true when the child stays for another. */
static bool serve_request(struct channel *ch, const struct sandbox_reader *reader,
                          const struct reader_request *r, int input)
{
	struct source_handler h = {.ctx = ch,
	                           .entry = child_entry,
	                           .problem = child_problem,
	                           .progress = child_progress,
	                           .room = child_room};
	struct done done = {{0}, 0, 0};
	ch->room = NULL;
	ch->waited = false;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &ch->last_flush);
	done.ok = reader->read(r->input, input, &r->limits, &h, &done.counts);
	if (input >= 0)
		close(input);
	done.stays = may_stay(r, &done.counts);
	send_msg(ch, MSG_DONE, NULL, &done, sizeof done, 0);
	return done.stays;
}

static _Noreturn void serve_requests(struct channel *ch, const struct sandbox_reader *extra)
{
	struct reader_request r;
	int input;
	for (bool settled = false; next_request(ch, &r, &input); settled = true) {
		if (!settled)
			settle(&r);
		const struct sandbox_reader *reader = find_reader(builtin_readers, r.reader);
		if (!reader)
			reader = find_reader(extra, r.reader);
		if (!reader)
			_exit(2);
		if (!serve_request(ch, reader, &r, input))
			break;
	}
	_exit(0);
}

void sandbox_serve(int argc, char **argv, const struct sandbox_reader *extra)
{
	if (argc < 2 || strcmp(argv[ARG_MODE], SANDBOX_MODE) != 0) {
		role = ROLE_PARENT;
		return;
	}
	role = ROLE_CHILD;
	if (argc != ARG_COUNT || strcmp(argv[ARG_VERSION], SANDBOX_PROTOCOL) != 0) {
		fprintf(stderr, "%s: %s is for relview's own use (protocol %s)\n", argv[0],
		        SANDBOX_MODE, SANDBOX_PROTOCOL);
		_exit(WRONG_PROTOCOL);
	}
	/* Should anything be amiss, the parent reports damaged data: the child never
	 * said it was done. */
	int fd[CHANNEL_FDS];
	struct channel ch;
	if (!parse_fds(argv, fd) || !open_channel(fd, &ch))
		_exit(2);
	serve_requests(&ch, extra);
}

/* ---- the parent: messages in --------------------------------------------------
 *
 * Each child's socket is read in large non-blocking reads into a buffer of its own,
 * and complete messages are handed on where they lie in it. One poll() waits on
 * every child still reading; a child silent for the stall limit is stopped. */

#define READ_BYTES      ((size_t)1 << 20)
#define CANCEL_CHECK_MS 100 /* how often a waiting relay looks at the cancel flag */
#define PACE_BYTES      ((size_t)64 << 10)
#define PACE_NS         1000000L
#define MAX_CHILDREN    2

/* A child process and the parent's ends of its channel. */
struct child {
	pid_t pid;
	int fd;             /* the parent's end of the socket: requests out, messages in */
	struct ring *ring;  /* NULL: entries come by the socket */
	struct outbox *out; /* what the child has not sent yet (and its request); never NULL:
	                       no child starts without one (start_child) */
	struct source_limits limits; /* of its first request: its caps are set from them */
	char *env; /* the environment it was started with (environment_text()), or NULL */
};

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
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
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

/* The child's environment: a fixed time zone, since libarchive turns each zip
 * member's DOS time into a time_t with mktime(), and glibc without TZ checks
 * /etc/localtime at every call (relview never shows entry times); the C library's
 * crash messages to stderr (/dev/null), never to /dev/tty, as the parent's screen
 * is there. Passed on from the parent: what the executable needs to start (its
 * libraries' path), PATH, where libarchive looks for the programs it runs as
 * filters for the compressions it has no code for (lrzip, lzop, grzip), and the
 * sanitizers' settings. */
static const char *const child_env[] = {"TZ=UTC0", "LIBC_FATAL_STDERR_=1"};
static const char *const passed_env[] = {"PATH",          "LD_LIBRARY_PATH", "ASAN_OPTIONS",
                                         "UBSAN_OPTIONS", "LSAN_OPTIONS",    "TSAN_OPTIONS"};
#define ENV_SLOTS                                                                                  \
	(sizeof child_env / sizeof *child_env + sizeof passed_env / sizeof *passed_env + 2)

/* envp for the child, its strings in `lc_ctype` or the parent's environment. */
static void child_environment(const char **envp, char *lc_ctype, size_t size)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof child_env / sizeof *child_env; i++)
		envp[n++] = child_env[i];
	/* Names libarchive converts come out as they do in the parent. */
	snprintf(lc_ctype, size, "LC_CTYPE=%s", setlocale(LC_CTYPE, NULL));
	envp[n++] = lc_ctype;
	extern char **environ;
	for (char **e = environ; *e && n < ENV_SLOTS - 1; e++) /* a name may come twice */
		for (size_t i = 0; i < sizeof passed_env / sizeof *passed_env; i++) {
			size_t len = strlen(passed_env[i]);
			if (strncmp(*e, passed_env[i], len) == 0 && (*e)[len] == '=')
				envp[n++] = *e;
		}
	envp[n] = NULL;
}

/* The hidden invocation's arguments, as numbers written into `numbers`. */
struct invocation {
	char *argv[ARG_COUNT + 1];
	char numbers[ARG_COUNT][24];
};

static void set_number(struct invocation *inv, enum child_arg arg, long long n)
{
	snprintf(inv->numbers[arg], sizeof inv->numbers[arg], "%lld", n);
	inv->argv[arg] = inv->numbers[arg];
}

static void build_invocation(struct invocation *inv, const int fd[CHANNEL_FDS])
{
	inv->argv[0] = "relview-reader";
	inv->argv[ARG_MODE] = SANDBOX_MODE;
	inv->argv[ARG_VERSION] = SANDBOX_PROTOCOL;
	for (int i = 0; i < CHANNEL_FDS; i++)
		set_number(inv, ARG_SOCKET_FD + i, fd[i]);
	inv->argv[ARG_COUNT] = NULL;
}

/* The parent's descriptors are copied above this before they are moved to their
 * places in the child (3, 4, ...), so that no move overwrites one still to move. */
#define ABOVE_CHILD_FDS 10

/* The file actions (fa made) that leave the child exactly its descriptors: given[]
 * moved to 3, 4, ... (their numbers in the child in placed[]), the standard ones on
 * /dev/null, everything else closed. `high` holds the copies to close after. */
static bool child_files(posix_spawn_file_actions_t *fa, const int given[CHANNEL_FDS],
                        int placed[CHANNEL_FDS], int high[CHANNEL_FDS])
{
	int next = STDERR_FILENO + 1;
	bool ok = true;
	for (int i = 0; i < CHANNEL_FDS; i++) {
		high[i] = placed[i] = -1;
		if (given[i] < 0)
			continue;
		high[i] = fcntl(given[i], F_DUPFD_CLOEXEC, ABOVE_CHILD_FDS);
		ok = ok && high[i] >= 0 && posix_spawn_file_actions_adddup2(fa, high[i], next) == 0;
		placed[i] = next++;
	}
	return ok &&
	       posix_spawn_file_actions_addopen(fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0) == 0 &&
	       posix_spawn_file_actions_addopen(fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0) == 0 &&
	       posix_spawn_file_actions_adddup2(fa, STDOUT_FILENO, STDERR_FILENO) == 0 &&
	       posix_spawn_file_actions_addclosefrom_np(fa, next) == 0;
}

/* Signals (attr made) as a new process has them: default actions (an ignored
 * SIGPIPE or SIGINT is not kept), none blocked but the stops, for a moment. In a
 * process group of its own, so that what the terminal sends relview's group (Ctrl-Z,
 * Ctrl-C in a pager relview waits for) never stops or ends it: relview ends it
 * itself. Not when it reads the terminal itself, which would stop a reader outside
 * the foreground group. */
static bool child_signals(posix_spawnattr_t *attr, bool reads_terminal)
{
	sigset_t all, blocked;
	sigfillset(&all);
	sigemptyset(&blocked);
	short own_group = reads_terminal ? 0 : POSIX_SPAWN_SETPGROUP;
	if (own_group) { /* until it is out of relview's group (drop_held_stops) */
		sigaddset(&blocked, SIGTSTP);
		sigaddset(&blocked, SIGTTIN);
		sigaddset(&blocked, SIGTTOU);
	}
	return posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK |
	                                              own_group) == 0 &&
	       posix_spawnattr_setpgroup(attr, 0) == 0 &&
	       posix_spawnattr_setsigdefault(attr, &all) == 0 &&
	       posix_spawnattr_setsigmask(attr, &blocked) == 0;
}

/* The running executable: the link /proc/self/exe itself, which is this very file
 * even when a new build has replaced the one at its path since (the file that path
 * names might speak another protocol). Under valgrind, though, the kernel's link
 * leads to valgrind's tool, and only readlink() is made to give relview's path:
 * when the link and the file it names are not the same file, that file is what
 * runs, and it is started by its path. */
static void executable(char *path, size_t size)
{
	static const char self[] = "/proc/self/exe";
	struct stat link, named;
	ssize_t n = readlink(self, path, size - 1);
	path[n > 0 ? n : 0] = '\0';
	bool same = stat(self, &link) == 0 && stat(path, &named) == 0 &&
	            link.st_dev == named.st_dev && link.st_ino == named.st_ino;
	if (n <= 0 || (size_t)n >= size - 1 || same || access(path, X_OK) != 0)
		snprintf(path, size, "%s", self);
}

/* Start this executable as a child, given the descriptors in given[] (-1: none)
 * and the environment envp. False with errno when it could not be started. */
static bool spawn_child(const char *exe, const int given[CHANNEL_FDS], const char **envp,
                        bool reads_terminal, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	int placed[CHANNEL_FDS], high[CHANNEL_FDS];
	struct invocation inv;
	int err = EAGAIN;
	for (int i = 0; i < CHANNEL_FDS; i++)
		high[i] = -1;
	bool files = posix_spawn_file_actions_init(&fa) == 0;
	bool attrs = posix_spawnattr_init(&attr) == 0;
	if (files && attrs && child_files(&fa, given, placed, high) &&
	    child_signals(&attr, reads_terminal)) {
		build_invocation(&inv, placed);
		err = posix_spawn(pid, exe, &fa, &attr, inv.argv, (char **)envp);
	}
	if (attrs)
		posix_spawnattr_destroy(&attr);
	if (files)
		posix_spawn_file_actions_destroy(&fa);
	for (int i = 0; i < CHANNEL_FDS; i++)
		if (high[i] >= 0)
			close(high[i]);
	errno = err;
	return err == 0;
}

/* The socket between parent and child: the parent's end non-blocking, both
 * close-on-exec (the child's end is moved into the child by dup2, which clears
 * that). False with errno. */
static bool make_socket(int fds[2])
{
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
		return false;
	if (fcntl(fds[0], F_SETFL, O_NONBLOCK) != 0) {
		int err = errno;
		close(fds[0]);
		close(fds[1]);
		errno = err;
		return false;
	}
	/* Fewer wake-ups; a hint only, capped by the system (net.core.wmem_max). */
	int bytes = SOCKET_BYTES;
	setsockopt(fds[1], SOL_SOCKET, SO_SNDBUF, &bytes, sizeof bytes);
	return true;
}

/* What the child's environment is, as one string to tell it from another's. NULL
 * when out of memory. */
static char *environment_text(const char *const *envp)
{
	size_t size = 1;
	for (size_t i = 0; envp[i]; i++)
		size += strlen(envp[i]) + 1;
	char *text = malloc(size), *at = text;
	for (size_t i = 0; text && envp[i]; i++)
		at += sprintf(at, "%s\n", envp[i]);
	if (text)
		*at = '\0';
	return text;
}

/* Start a child, with a socket, a ring and an outbox of its own and the
 * environment envp (env its text, which the child then owns); its first request is
 * still to be sent. */
static bool start_child(const char *exe, struct child *c, const char **envp, char *env,
                        bool reads_terminal, const struct source_limits *limits)
{
	int fds[2];
	if (!make_socket(fds))
		return false;
	struct ring *ring = ring_new(); /* without one, the socket carries everything */
	int out_fd = -1;
	struct outbox *out = shared_memory_new("relview-outbox", sizeof *out, &out_fd);
	int given[CHANNEL_FDS] = {fds[1], ring ? ring_fd(ring) : -1, out_fd};
	pid_t pid;
	bool started = out && spawn_child(exe, given, envp, reads_terminal, &pid);
	int err = errno;
	close(fds[1]);
	if (out_fd >= 0)
		close(out_fd); /* the mapping stays */
	if (ring)
		ring_close_fd(ring);
	if (!started) {
		close(fds[0]);
		ring_free(ring);
		if (out)
			munmap(out, sizeof *out);
		errno = err;
		return false;
	}
	*c = (struct child){
	        .pid = pid, .fd = fds[0], .ring = ring, .out = out, .limits = *limits, .env = env};
	return true;
}

/* Do the names fit in a request? False (ENAMETOOLONG) when one does not. */
static bool request_fits(const char *reader, const char *input)
{
	errno = ENAMETOOLONG;
	return strlen(reader) < sizeof((struct reader_request *)0)->reader &&
	       strlen(input) < sizeof((struct reader_request *)0)->input;
}

/* Give the child its next request: written into its outbox, then the word to go,
 * with the input's descriptor when there is one (a folder has none). False with
 * errno when the child cannot be told: it ended. */
static bool send_request(struct child *c, const char *reader, const char *input, int input_fd,
                         const struct source_limits *limits, bool may_stay)
{
	struct reader_request *r = &c->out->request;
	*r = (struct reader_request){.parent = getpid(), .may_stay = may_stay, .limits = *limits};
	snprintf(r->reader, sizeof r->reader, "%s", reader);
	snprintf(r->input, sizeof r->input, "%s", input);
	struct go go = {input_fd >= 0};
	union go_control control;
	struct iovec iov = {&go, sizeof go};
	struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
	if (input_fd >= 0) {
		memset(&control, 0, sizeof control);
		mh.msg_control = control.bytes;
		mh.msg_controllen = sizeof control.bytes;
		struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
		*cm = (struct cmsghdr){.cmsg_len = CMSG_LEN(sizeof input_fd),
		                       .cmsg_level = SOL_SOCKET,
		                       .cmsg_type = SCM_RIGHTS};
		memcpy(CMSG_DATA(cm), &input_fd, sizeof input_fd);
	}
	ssize_t sent;
	while ((sent = sendmsg(c->fd, &mh, MSG_NOSIGNAL)) < 0 && errno == EINTR)
		;
	return sent == (ssize_t)sizeof go;
}

static int reap(pid_t pid)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* The parent's ends of a child that has been reaped. */
static void free_child(struct child *c)
{
	if (c->fd >= 0)
		close(c->fd);
	munmap(c->out, sizeof *c->out);
	ring_free(c->ring);
	free(c->env);
}

/* End a child that waits for a request, or has said it is done: at the socket's end
 * it ends (next_request()); reaped, and its ends freed. */
static void end_child(struct child *c)
{
	close(c->fd);
	c->fd = -1;
	reap(c->pid);
	free_child(c);
}

/* ---- the parent: the child kept between inputs --------------------------------
 *
 * A child that read a single-part input cleanly waits for the next one here, taken
 * out by the next read that fits it: one caller at a time has it, whatever the
 * thread. A read that finds it taken starts a child of its own. */

static _Atomic(struct child *) kept;

static bool same_limits(const struct source_limits *a, const struct source_limits *b)
{
	return a->max_entry_bytes == b->max_entry_bytes &&
	       a->max_total_bytes == b->max_total_bytes && a->max_entries == b->max_entries &&
	       a->max_memory == b->max_memory && a->stall_seconds == b->stall_seconds &&
	       a->max_ratio == b->max_ratio && a->part == b->part && a->parts == b->parts;
}

/* The kept child, when it was started with these limits and this environment (its
 * caps, locale and PATH are set at its start); NULL when there is none that fits.
 * One that does not fit is ended. */
static struct child *take_kept(const struct source_limits *limits, const char *env)
{
	struct child *c = atomic_exchange(&kept, NULL);
	if (c && !(same_limits(&c->limits, limits) && c->env && strcmp(c->env, env) == 0)) {
		end_child(c);
		free(c);
		c = NULL;
	}
	return c;
}

/* Keep a child for the next input; false when another is kept already. */
static bool keep(const struct child *c)
{
	struct child *copy = malloc(sizeof *copy), *none = NULL;
	if (copy)
		*copy = *c;
	if (copy && atomic_compare_exchange_strong(&kept, &none, copy))
		return true;
	free(copy);
	return false;
}

void sandbox_release(void)
{
	struct child *c = atomic_exchange(&kept, NULL);
	if (c) {
		end_child(c);
		free(c);
	}
}

/* The kept child, told to go on this request, when it fits (take_kept()) and is
 * still there. */
static bool tell_kept(struct relays *rs, struct child *c, const char *reader, int input_fd,
                      const struct source_limits *limits, const char *env)
{
	struct child *old = take_kept(limits, env);
	if (!old)
		return false;
	*c = *old;
	free(old);
	if (send_request(c, reader, rs->input, input_fd, limits, true))
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
	if (send_request(c, reader, rs->input, input_fd, limits, rs->keeps) || errno == EPIPE)
		return true;
	int err = errno;
	kill(c->pid, SIGKILL);
	reap(c->pid);
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
	if (!request_fits(reader, rs->input))
		return false;
	child_environment(envp, lc_ctype, sizeof lc_ctype);
	char *env = environment_text(envp);
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
	if (!(rs->keeps && clean && rl->stays && keep(&rl->proc))) {
		if (rl->done) { /* it ends at the socket's end, if it has not already */
			close(rl->proc.fd);
			rl->proc.fd = -1;
		} else {
			kill(rl->proc.pid, SIGKILL);
		}
		int status = reap(rl->proc.pid);
		if (!rl->done && !cancelled(rs) && (rl->ended || rl->stalled))
			replay_outbox(rs, rl);
		if (!rl->done && !cancelled(rs))
			report_broken_child(rs, rl, status);
		free_child(&rl->proc);
	}
	free(rl->current);
	free(rl->buf);
	free(rl->entry);
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
	executable(rs.exe, sizeof rs.exe);
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
	check_role();
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
