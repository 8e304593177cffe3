/* sandbox_private.h — what the files of the sandbox share: the protocol between
 * the parent and a reading child (its messages, the outbox, the request, the hidden
 * invocation) and the parent's record of a child process.
 *   sandbox_child.c  the child: a fresh process that serves requests, messages out
 *   sandbox_spawn.c  the parent: starting, keeping and ending child processes
 *   sandbox.c        the parent: relaying each child's messages; the API
 * Nothing outside these files includes it (sandbox.h is the module's face). */
#ifndef RELVIEW_SANDBOX_PRIVATE_H
#define RELVIEW_SANDBOX_PRIVATE_H

#include "relview/sandbox.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>
#include <sys/types.h>

struct ring;

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

static inline bool carries_data(uint32_t type)
{
	return type != MSG_PROGRESS && type != MSG_RING_ENTRY;
}

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

/* Room for the control message that carries the input's descriptor with the word
 * to go. */
union go_control {
	char bytes[CMSG_SPACE(sizeof(int))];
	struct cmsghdr align;
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

/* What a child says reaches the parent three ways, each the child's to write: its
 * socket, its ring and its outbox. sandbox_hear() reads them as the relay does a
 * child that ended (exit status 0): every message `fd` holds until its end (a
 * blocking descriptor, a file or a pipe whose writer closed), then, unless the child
 * said it was done, what its outbox holds, and the report of a child that ended
 * without finishing. The relay goes through the same functions; the fuzz target
 * tests/fuzz/fuzz_relay.c drives this one, without a process. ring may be NULL. */
void sandbox_hear(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts, int fd,
                  struct ring *ring, struct outbox *out);

/* The most variables a child's environment has, its end included. */
#define ENV_SLOTS 10

/* What sandbox_serve() found this process to be. A program that forgot to call it
 * would run itself again, in the hidden mode, as an ordinary program reading its
 * inputs in children of its own, and so on: it is stopped at its first read. A
 * child never starts another. */
enum sandbox_role { ROLE_UNKNOWN, ROLE_PARENT, ROLE_CHILD };
extern enum sandbox_role sandbox_role;
void sandbox_check_role(void);

/* sandbox_spawn.c */
void child_environment(const char **envp, char *lc_ctype, size_t size);
void child_executable(char *path, size_t size);
char *child_environment_text(const char *const *envp);
bool start_child(const char *exe, struct child *c, const char **envp, char *env,
                 bool reads_terminal, const struct source_limits *limits);
bool child_request_fits(const char *reader, const char *input);
bool child_send_request(struct child *c, const char *reader, const char *input, int input_fd,
                        const struct source_limits *limits, bool may_stay);
int child_reap(pid_t pid);
int child_reap_ended(pid_t pid);
void free_child(struct child *c);
void end_child(struct child *c);
struct child *child_take_kept(const struct source_limits *limits, const char *env);
bool child_keep(const struct child *c);

#endif
