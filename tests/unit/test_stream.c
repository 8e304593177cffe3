/* source: inputs through a pipe, read by source_read_fd() as their writer writes
 * them; the archives are written here with libarchive's writer into a temporary
 * folder. */
#include "config.h"

#include "source_check.h"

#include "relview/source.h"

#include <archive.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

/* ---- pipes, through source_read_fd() --------------------------------------- */

/* A writer into a pipe, in a process of its own: it writes `len` bytes of data,
 * `first` of them, then the rest after `pause_ms`; with `until_told`, it waits
 * (at most 15 s) for a byte on `told` before it writes the rest and closes. Its
 * exit status: 0, or 1 if it was not told in time. */
struct writer {
	const void *data;
	size_t len, first;
	int pause_ms;
	int told; /* -1: none */
};

static pid_t start_writer(const struct writer *w, const int fds[2])
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid > 0)
		return pid;
	close(fds[0]); /* the reader's alone: once it closes it, writing fails */
	int out = fds[1];
	const char *p = w->data;
	bool ok = write(out, p, w->first) == (ssize_t)w->first;
	struct pollfd told = {w->told, POLLIN, 0};
	if (w->told >= 0)
		ok &= poll(&told, 1, 15000) == 1;
	else
		usleep((useconds_t)w->pause_ms * 1000);
	size_t rest = w->len - w->first;
	ok &= write(out, p + w->first, rest) == (ssize_t)rest;
	_exit(ok ? 0 : 1);
}

/* Read what the writer writes through a pipe with this handler; the writer's
 * exit status. */
static int read_pipe(const struct writer *w, const struct source_limits *limits,
                     const struct source_handler *h, struct source_counts *counts)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = start_writer(w, fds);
	close(fds[1]);
	memset(counts, 0, sizeof *counts);
	source_read_fd("pipe", fds[0], limits, h, counts);
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The same, hearing only of progress. */
static int read_pipe_progress(const struct writer *w, struct heard *heard,
                              struct source_counts *counts)
{
	struct source_handler h = {.ctx = heard,
	                           .entry = ignore_entry,
	                           .problem = ignore_problem,
	                           .progress = on_progress};
	return read_pipe(w, &roomy, &h, counts);
}

/* The entry tells the writer, through `told`, that it came. */
static int tell_fd = -1;

static void on_entry_tell(void *ctx, const struct source_entry *e)
{
	on_entry(ctx, e);
	if (write(tell_fd, "!", 1) != 1)
		fail();
}

/* A tar's first release arrives while its writer is still writing: the reader
 * peeks at no more of a pipe than it needs to tell what it holds. */
static void a_slow_writers_first_release_comes_before_its_end(void **state)
{
	(void)state;
	char *tar = in_tmp("slow.tar");
	write_archive(tar, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, two_releases + 1, 1);
	static char data[16384];
	int fd = open(tar, O_RDONLY);
	ssize_t len = read(fd, data, sizeof data);
	close(fd);
	assert_true(len > 1024);
	int told[2];
	assert_int_equal(pipe(told), 0);
	tell_fd = told[1];
	/* The first entry's header and data: 1024 bytes; the rest once it came. */
	struct writer w = {data, (size_t)len, 1024, 0, told[0]};
	struct seen s = {0};
	struct source_counts c;
	struct source_handler h = {.ctx = &s, .entry = on_entry_tell, .problem = on_problem};
	assert_int_equal(read_pipe(&w, &roomy, &h, &c), 0);
	close(told[0]);
	close(told[1]);
	assert_int_equal(s.entries, 1);
	assert_string_equal(s.contents[0], "First release");
}

/* A plain release through a pipe, whose writer pauses: it is read again from its
 * start once libarchive found no archive in it, whole, and the progress reported
 * (how far into the pipe) never goes back. */
static void a_plain_release_through_a_pipe_is_replayed_whole(void **state)
{
	(void)state;
	static char text[3000];
	static const char head[] = "Skip to main content\nMay 4, 2015\n\nPiped title\n\n";
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = "Body text. "[i % 11];
	memcpy(text, head, sizeof head - 1);
	text[sizeof text - 1] = '\0';
	struct writer w = {text, sizeof text - 1, 100, 300, -1};
	struct heard heard = {0};
	struct source_counts c;
	assert_int_equal(read_pipe_progress(&w, &heard, &c), 0);
	assert_int_equal(c.entries, 1);
	assert_int_equal(c.bytes, sizeof text - 1);
	assert_false(heard.backwards);
	assert_int_equal(heard.last, sizeof text - 1);
}

/* A zip through a pipe is kept whole in memory before it is read: progress is
 * reported meanwhile, and one over the limit is refused with the limit named. */
static void a_zip_through_a_pipe_is_kept_with_progress_within_a_limit(void **state)
{
	(void)state;
	static char member[700000];
	memset(member, 'z', sizeof member - 1);
	const struct file files[] = {{"a.txt", member}, {"b.txt", member}, {"c.txt", member}};
	char *zip = in_tmp("piped.zip");
	write_archive_with(zip, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:compression=store",
	                   files, 3);
	struct stat st;
	assert_int_equal(stat(zip, &st), 0);
	char *data = malloc((size_t)st.st_size);
	int fd = open(zip, O_RDONLY);
	assert_int_equal(read(fd, data, (size_t)st.st_size), st.st_size);
	close(fd);
	struct writer w = {data, (size_t)st.st_size, (size_t)st.st_size, 0, -1};
	struct heard heard = {0};
	struct source_counts c;
	assert_int_equal(read_pipe_progress(&w, &heard, &c), 0);
	assert_int_equal(c.entries, 3);
	assert_true(heard.last >= (uint64_t)st.st_size);
	assert_false(heard.backwards);
	struct source_limits tight = roomy;
	tight.max_total_bytes = 1 << 20;
	struct seen s = {0};
	struct source_handler hs = {.ctx = &s, .entry = on_entry, .problem = on_problem};
	read_pipe(&w, &tight, &hs, &c);
	assert_int_equal(s.entries, 0);
	assert_string_equal(s.last_problem, "-: a zip or 7-Zip archive through a pipe is read "
	                                    "whole first, and this one holds more than the 1 "
	                                    "MiB an input may inflate: not read");
	free(data);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_slow_writers_first_release_comes_before_its_end),
	        cmocka_unit_test(a_plain_release_through_a_pipe_is_replayed_whole),
	        cmocka_unit_test(a_zip_through_a_pipe_is_kept_with_progress_within_a_limit),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
