/* source_check — see source_check.h. */
#include "config.h"

#include "source_check.h"

#include "bundle.h"

#include <archive.h>
#include <archive_entry.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

void on_entry(void *ctx, const struct source_entry *e)
{
	struct seen *s = ctx;
	if (s->entries < 16) {
		snprintf(s->paths[s->entries], 128, "%s", e->path ? e->path : "(plain)");
		snprintf(s->contents[s->entries], 128, "%.*s", (int)e->len, (const char *)e->data);
		s->ordinals[s->entries] = e->ordinal;
	}
	s->entries++;
}

void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	struct seen *s = ctx;
	(void)input;
	s->problems++;
	snprintf(s->last_problem, sizeof s->last_problem, "%s: %s", path ? path : "-", reason);
}

const struct source_limits roomy = {
        .max_entry_bytes = 1 << 20, .max_total_bytes = 1 << 24, .max_entries = 1000};

bool read_input(const char *path, const struct source_limits *limits, struct seen *s,
                struct source_counts *counts)
{
	memset(s, 0, sizeof *s);
	memset(counts, 0, sizeof *counts);
	struct source_handler h = {.ctx = s, .entry = on_entry, .problem = on_problem};
	return source_read(path, limits, &h, counts);
}

static char tmpdir[] = "/tmp/relview-test-source-XXXXXX";

char *in_tmp(const char *name)
{
	static char path[4][512];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, 512, "%s/%s", tmpdir, name);
	return p;
}

void write_archive_with(const char *path, int format, int filter, const char *options,
                        const struct file *files, size_t n)
{
	struct archive *a = archive_write_new();
	assert_int_equal(archive_write_set_format(a, format), ARCHIVE_OK);
	if (filter != ARCHIVE_FILTER_NONE)
		assert_int_equal(archive_write_add_filter(a, filter), ARCHIVE_OK);
	if (options)
		assert_int_equal(archive_write_set_options(a, options), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		if (files[i].content) {
			bundle_add_file(a, files[i].path, files[i].content,
			                strlen(files[i].content));
			continue;
		}
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, files[i].path);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_filetype(e, AE_IFDIR);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

void write_archive(const char *path, int format, int filter, const struct file *files, size_t n)
{
	write_archive_with(path, format, filter, NULL, files, n);
}

void write_file(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

const struct file two_releases[3] = {
        {"releases/", NULL},
        {"releases/one.txt", "First release"},
        {"releases/two.txt", "Second release"},
};

void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct heard *h = ctx;
	(void)path;
	if (inflated == SOURCE_SIZE) {
		h->size = consumed;
		h->size_late |= h->last > 0;
		h->sizes++;
		return;
	}
	if (inflated == SOURCE_WAITING) /* a wait for a pipe's writer: says nothing of bytes */
		return;
	h->backwards |= consumed < h->last;
	h->last = consumed;
}

void ignore_entry(void *ctx, const struct source_entry *e)
{
	(void)ctx, (void)e;
}

void ignore_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)ctx, (void)input, (void)path, (void)reason;
}

static void *offer_room(void *ctx, size_t len)
{
	struct roomy_seen *r = ctx;
	if (r->nasked < 16)
		r->asked[r->nasked] = len;
	r->nasked++;
	return len <= sizeof r->room ? r->room : NULL;
}

static void on_entry_in_room(void *ctx, const struct source_entry *e)
{
	struct roomy_seen *r = ctx;
	r->in_room += e->data == r->room;
	on_entry(&r->seen, e);
}

static void on_problem_in_room(void *ctx, const char *input, const char *path, const char *reason)
{
	on_problem(&((struct roomy_seen *)ctx)->seen, input, path, reason);
}

void read_with_room(const char *path, const struct source_limits *limits, struct roomy_seen *r)
{
	struct source_counts c = {0};
	memset(r, 0, sizeof *r);
	struct source_handler h = {.ctx = r,
	                           .entry = on_entry_in_room,
	                           .problem = on_problem_in_room,
	                           .room = offer_room};
	source_read(path, limits, &h, &c);
}

int make_tmpdir(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

int remove_tmpdir(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}
