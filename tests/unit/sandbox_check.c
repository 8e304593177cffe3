/* sandbox_check — see sandbox_check.h. */
#include "config.h"

#include "sandbox_check.h"

#include <dirent.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

static void add(struct log *log, const char *kind, const char *path, const char *what)
{
	size_t n = strlen(log->text);
	snprintf(log->text + n, sizeof log->text - n, "%s %s %s\n", kind, path ? path : "-", what);
}

void on_entry(void *ctx, const struct source_entry *e)
{
	char data[64];
	snprintf(data, sizeof data, "%.*s", (int)e->len, (const char *)e->data);
	add(ctx, "entry", e->path, data);
}

void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	add(ctx, "problem", path, reason);
}

void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	char n[32];
	snprintf(n, sizeof n, "%llu", (unsigned long long)inflated);
	if (inflated == SOURCE_SIZE)
		snprintf(n, sizeof n, "size %llu", (unsigned long long)consumed);
	add(ctx, "progress", path, n);
}

const struct source_limits limits = {.max_entry_bytes = 1 << 20,
                                     .max_total_bytes = 1 << 24,
                                     .max_entries = 100,
                                     .max_memory = 256 << 20,
                                     .stall_seconds = 600};

unsigned impatient_seconds(void)
{
	return under_valgrind() ? 20 : 3;
}

bool run_within(const char *reader, const struct source_limits *l, struct log *log,
                struct source_counts *counts)
{
	memset(log, 0, sizeof *log);
	memset(counts, 0, sizeof *counts);
	struct source_handler h = {
	        .ctx = log, .entry = on_entry, .problem = on_problem, .progress = on_progress};
	return sandbox_run(reader, INPUT, l, &h, counts);
}

/* Readers run in the child: each reports like source_read would, then misbehaves. */
static void emit_two(const struct source_handler *h, struct source_counts *counts)
{
	h->progress(h->ctx, "a.txt", 0, 0);
	h->entry(h->ctx,
	         &(struct source_entry){"input", "a.txt", (const unsigned char *)"alpha", 5, 0});
	h->problem(h->ctx, "input", "b.txt", "damaged");
	h->progress(h->ctx, "c.txt", 5, 3);
	counts->entries = 1;
	counts->problems = 1;
}

bool well_behaved(const char *input, int fd, const struct source_limits *l,
                  const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l;
	h->progress(h->ctx, NULL, SOURCE_SIZE, 1234);
	emit_two(h, counts);
	h->entry(h->ctx,
	         &(struct source_entry){"input", NULL, (const unsigned char *)"plain", 5, 1});
	counts->entries++;
	counts->complete = 1;
	return true;
}

bool crashes(const char *input, int fd, const struct source_limits *l,
             const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l;
	emit_two(h, counts);
	raise(SIGSEGV);
	return true;
}

bool hangs(const char *input, int fd, const struct source_limits *l, const struct source_handler *h,
           struct source_counts *counts)
{
	(void)input, (void)fd, (void)l;
	emit_two(h, counts);
	sleep(60); /* far past the stall limit (impatient_seconds) */
	return true;
}

void expect_stopped_within(const struct source_limits *l, const char *reader, const char *entry,
                           struct source_counts *counts)
{
	struct log log;
	char problem[160];
	time_t start = time(NULL);
	assert_false(run_within(reader, l, &log, counts));
	/* Well before the reader's sleep of 60 s would end. */
	time_t bound = 10 * (time_t)l->stall_seconds;
	assert_true(time(NULL) - start < (bound < 50 ? bound : 50));
	snprintf(problem, sizeof problem, "problem %s reading stopped: no progress for %u seconds",
	         entry, l->stall_seconds);
	if (!strstr(log.text, problem))
		fail_msg("wanted \"%s\" in the log:\n%s", problem, log.text);
}

bool sends_its_limits(const char *input, int fd, const struct source_limits *l,
                      const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)counts;
	h->entry(h->ctx,
	         &(struct source_entry){"input", "limits", (const unsigned char *)l, sizeof *l, 0});
	return true;
}

bool uses_half_the_cap(const char *input, int fd, const struct source_limits *l,
                       const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd;
	size_t half = (size_t)(l->max_memory / 2);
	char *p = malloc(half);
	if (!p) {
		h->problem(h->ctx, "input", NULL, "out of memory");
		return false;
	}
	memset(p, 1, half);
	h->entry(h->ctx,
	         &(struct source_entry){"input", "half", (const unsigned char *)"fits", 4, 0});
	counts->entries = 1;
	free(p);
	return true;
}

void report_files(const struct source_handler *h)
{
	DIR *dir = opendir("/proc/self/fd");
	struct dirent *d;
	while (dir && (d = readdir(dir)) != NULL) {
		char link[300], target[256] = "";
		if (d->d_name[0] == '.' || atoi(d->d_name) == dirfd(dir))
			continue;
		snprintf(link, sizeof link, "/proc/self/fd/%s", d->d_name);
		ssize_t n = readlink(link, target, sizeof target - 1);
		target[n > 0 ? n : 0] = '\0';
		/* A pipe's or memfd's inode number changes from run to run. */
		char *inode = strchr(target, '[');
		if (inode)
			*inode = '\0';
		h->problem(h->ctx, "input", d->d_name, target);
	}
	if (dir)
		closedir(dir);
}
