#include "config.h"

#include "sandbox_private.h"

#include "relview/mbascii.h"
#include "relview/ring.h"
#include "relview/unconst.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

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
		iov[n++] = (struct iovec){unconst(path), head.path_len + 1};
	if (has_data)
		iov[n++] = (struct iovec){unconst(data), (size_t)data_len};
	if (has_data && !is_text)
		iov[n++] = (struct iovec){unconst(&nul), 1};
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

enum sandbox_role sandbox_role;

void sandbox_check_role(void)
{
	if (sandbox_role == ROLE_PARENT)
		return;
	fputs(sandbox_role == ROLE_CHILD ? "relview: a reading process may not start another\n"
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
 * read complete by the process's peak (reader_near_memory_cap() in source.c), which a child that
 * stays would carry into its next input: one that came that close does not stay. Not known: as if
 * it had. */
static bool past_half_the_cap(void)
{
	uint64_t peak, cap;
	return !source_memory_peak(&peak, &cap) || (cap != UINT64_MAX && peak > cap / 2);
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
		sandbox_role = ROLE_PARENT;
		return;
	}
	sandbox_role = ROLE_CHILD;
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
