/* sandbox_check — what the parent heard from a child, and the readers run in it,
 * for the tests of sandbox.h (test_sandbox, test_kept). Each program's reader table
 * (sandbox_serve()) names the readers its tests run. */
#ifndef RELVIEW_TEST_SANDBOX_CHECK_H
#define RELVIEW_TEST_SANDBOX_CHECK_H

#include "relview/sandbox.h"

#include "valgrind_check.h"

#include <stdbool.h>
#include <stdint.h>

/* What the parent saw, as one line per callback. */
struct log {
	char text[4096];
};

/* Handlers that add a line to the struct log at ctx. */
void on_entry(void *ctx, const struct source_entry *e);
void on_problem(void *ctx, const char *input, const char *path, const char *reason);
void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed);

/* The test readers read no input: a folder, which the child is given by name (not
 * a descriptor), the one input the parent does not open for it. */
#define INPUT "/"

/* A stall limit far beyond any start-up of a child on a busy machine (its clock
 * starts at the spawn): stalls are not what most tests are about. */
extern const struct source_limits limits;

/* sandbox_run() of the reader on INPUT, heard into *log; *log and *counts cleared. */
bool run_within(const char *reader, const struct source_limits *l, struct log *log,
                struct source_counts *counts);

/* The stall limit of the tests of stalls: 3 seconds, more than a child takes to
 * start; under valgrind, which takes seconds to start one on a busy machine, 20. */
unsigned impatient_seconds(void);

/* The reader is stopped at the stall limit (l's), long before its sleep would end,
 * and the problem names the entry it was reading. */
void expect_stopped_within(const struct source_limits *l, const char *reader, const char *entry,
                           struct source_counts *counts);

/* Readers run in the child. well_behaved reports like source_read would; crashes
 * and hangs report the same, then crash or sleep past the stall limit. */
bool well_behaved(const char *input, int fd, const struct source_limits *l,
                  const struct source_handler *h, struct source_counts *counts);
bool crashes(const char *input, int fd, const struct source_limits *l,
             const struct source_handler *h, struct source_counts *counts);
bool hangs(const char *input, int fd, const struct source_limits *l, const struct source_handler *h,
           struct source_counts *counts);

/* The limits as the child has them, sent back as an entry's bytes. */
bool sends_its_limits(const char *input, int fd, const struct source_limits *l,
                      const struct source_handler *h, struct source_counts *counts);

/* Half the test's cap, touched: the child can have it only when the cap counts the
 * child's own memory, not what it would inherit of the parent's. */
bool uses_half_the_cap(const char *input, int fd, const struct source_limits *l,
                       const struct source_handler *h, struct source_counts *counts);

/* Reports each descriptor the child holds and where it leads, as a problem. */
void report_files(const struct source_handler *h);

#endif
