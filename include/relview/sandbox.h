/* sandbox — reads an input in a child process. Archive libraries have bugs that
 * hostile input finds (libarchive 3.6.2 crashes, loops or eats memory on some of
 * its own fuzz cases); in a child, such a bug costs that input a one-line report
 * instead of costing relview. The child's address space is capped, a child silent
 * for too long is stopped, and it never gets a core dump. It also puts inflating on
 * a core of its own while the caller parses.
 *
 * The child is a fresh process: the running executable (/proc/self/exe) started
 * again with posix_spawn() in a hidden reader mode, not a fork of the caller. It
 * holds none of the caller's memory, descriptors (locks, the terminal), threads,
 * signal handlers or environment; of its locale, only the character type
 * (LC_CTYPE, by name), so that libarchive converts entry names as the caller would.
 * It has its channel to the caller (a unix socket and two pieces of shared
 * memory), the input opened for it, and /dev/null as its standard streams. Its
 * memory cap is therefore its own, whatever the caller has grown to.
 *
 * Starting that process is about 10 ms, more than reading a small file, so a child
 * that read a whole input cleanly (not a zip's share, not the terminal) is kept for
 * the next read with the same limits: it is given the next input's descriptor
 * through the socket. What the sandbox contains stays per input: a child that
 * crashed, stalled, was cancelled or ran out of memory is ended, and so is one
 * that came past half its memory cap or met a failure of the machine; the next
 * input then gets a new one. The caller ends the kept child with sandbox_release()
 * when it has read its inputs.
 *
 * So every program that reads through the sandbox must call sandbox_serve() first
 * thing in main(): in the child, that is where the reading happens. A program that
 * did not, or a child that would start one of its own, is aborted at its first
 * sandbox_read() or sandbox_run(), with a message. */
#ifndef RELVIEW_SANDBOX_H
#define RELVIEW_SANDBOX_H

#include "relview/source.h"

/* What can run in the child, by name: read `input` (its name as given), reporting
 * through `handler`. fd is the input opened by the caller (a file, pipe or device:
 * see source_read_fd()), or -1 for a folder (walk it by name). An input the caller
 * cannot open is reported by the caller, and no child is started for it. */
struct sandbox_reader {
	const char *name;
	bool (*read)(const char *input, int fd, const struct source_limits *limits,
	             const struct source_handler *handler, struct source_counts *counts);
};

/* First thing in main(): when argv is the hidden reader invocation, run the reader
 * it names and end the process (_exit); otherwise return at once. The reader
 * "source" (source_read_fd) is always known; `extra` adds more (the tests' readers
 * that crash or hang): an array ended by a {NULL, NULL} entry, or NULL. */
void sandbox_serve(int argc, char **argv, const struct sandbox_reader *extra);

/* source_read() run in a child process (two for a zip: each its share); the
 * handler's callbacks run here, in the caller's process, in the order the child
 * made them. */
bool sandbox_read(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts);

/* The same with the reader named `reader` (sandbox_serve() of this program must
 * know it), in one child. */
bool sandbox_run(const char *reader, const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts);

/* End the child kept from the last read, if any, and reap it: once the inputs are
 * read (a kept child waits for the next one). Call it from the thread that read
 * them: the child dies with the thread that started it (PR_SET_PDEATHSIG), so a
 * later read from another thread would find it gone and start a new one. */
void sandbox_release(void);

#endif
