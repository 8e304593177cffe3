/* sandbox — reads an input in a child process. Archive libraries have bugs that
 * hostile input finds (libarchive 3.6.2 crashes, loops or eats memory on some of
 * its own fuzz cases); in a child, such a bug costs that input a one-line report
 * instead of costing relview. The child's address space is capped, a child silent
 * for too long is stopped, and it never gets a core dump. It also puts inflating on
 * a core of its own while the caller parses. */
#ifndef RELVIEW_SANDBOX_H
#define RELVIEW_SANDBOX_H

#include "relview/source.h"

/* What runs in the child: read `input`, reporting through `handler`. */
typedef bool (*sandbox_reader)(const char *input, const struct source_limits *limits,
                               const struct source_handler *handler, struct source_counts *counts);

/* source_read() run in a child process; the handler's callbacks run here, in the
 * caller's process, in the order the child made them. */
bool sandbox_read(const char *input, const struct source_limits *limits,
                  const struct source_handler *handler, struct source_counts *counts);

/* The same with any reader (the tests use readers that crash or hang). */
bool sandbox_run(sandbox_reader reader, const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts);

#endif
