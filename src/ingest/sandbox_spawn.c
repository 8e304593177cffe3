#include "config.h"

#include "sandbox_private.h"

#include "relview/ring.h"
#include "relview/unconst.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

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
_Static_assert(ENV_SLOTS >= sizeof child_env / sizeof *child_env +
                                    sizeof passed_env / sizeof *passed_env + 2,
               "room for the fixed and passed variables, LC_CTYPE and the end");

/* envp for the child, its strings in `lc_ctype` or the parent's environment. */
void child_environment(const char **envp, char *lc_ctype, size_t size)
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
	inv->argv[0] = unconst("relview-reader");
	inv->argv[ARG_MODE] = unconst(SANDBOX_MODE);
	inv->argv[ARG_VERSION] = unconst(SANDBOX_PROTOCOL);
	for (unsigned i = 0; i < CHANNEL_FDS; i++)
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
void child_executable(char *path, size_t size)
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
		err = posix_spawn(pid, exe, &fa, &attr, inv.argv, unconst(envp));
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
char *child_environment_text(const char *const *envp)
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
bool start_child(const char *exe, struct child *c, const char **envp, char *env,
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
bool child_request_fits(const char *reader, const char *input)
{
	errno = ENAMETOOLONG;
	return strlen(reader) < sizeof((struct reader_request *)0)->reader &&
	       strlen(input) < sizeof((struct reader_request *)0)->input;
}

/* Give the child its next request: written into its outbox, then the word to go,
 * with the input's descriptor when there is one (a folder has none). False with
 * errno when the child cannot be told: it ended. */
bool child_send_request(struct child *c, const char *reader, const char *input, int input_fd,
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

int child_reap(pid_t pid)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* The parent's ends of a child that has been reaped. */
void free_child(struct child *c)
{
	if (c->fd >= 0)
		close(c->fd);
	munmap(c->out, sizeof *c->out);
	ring_free(c->ring);
	free(c->env);
}

/* Reap a child that was told to end (its socket closed): it is given
 * CHILD_END_MS to end on its own, for its sanitizers' and valgrind's reports, and
 * is then killed — one stopped, or taken over by what it read, would keep the
 * caller, and quitting, waiting for ever. */
int child_reap_ended(pid_t pid)
{
	enum { CHILD_END_MS = 2000, POLL_MS = 5 };
	int status = 0;
	for (int waited = 0; waited < CHILD_END_MS; waited += POLL_MS) {
		pid_t got = waitpid(pid, &status, WNOHANG);
		if (got == pid || (got < 0 && errno != EINTR))
			return status;
		nanosleep(&(struct timespec){0, POLL_MS * 1000000L}, NULL);
	}
	kill(pid, SIGKILL);
	return child_reap(pid);
}

/* End a child that waits for a request, or has said it is done: at the socket's end
 * it ends (next_request()); reaped, and its ends freed. */
void end_child(struct child *c)
{
	close(c->fd);
	c->fd = -1;
	child_reap_ended(c->pid);
	free_child(c);
}

/* ---- the parent: the child kept between inputs --------------------------------
 *
 * A child that read a single-part input cleanly waits for the next one here, taken
 * out by the next read that fits it: one caller at a time has it, whatever the
 * thread. A read that finds it taken starts a child of its own. */

static _Atomic(struct child *) kept;

/* Every field, by name: a field added to the limits must be added here too. */
_Static_assert(sizeof(struct source_limits) == 56, "same_limits() compares every field");
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
struct child *child_take_kept(const struct source_limits *limits, const char *env)
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
bool child_keep(const struct child *c)
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
