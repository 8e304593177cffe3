/* progress: the loading title line as each width shows it, what it keeps longest
 * (the share read, the releases, the time left), and what it says when the size of
 * the whole is not known (a pipe): the bytes read, no total, share or time left. */
#include "config.h"

#include "relview/progress.h"
#include "relview/text.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

enum { MIB = 1048576 };

/* The first of two inputs, a third of the whole read in 10 s. */
static const struct progress_figures known = {
        .name = "/tmp/relgen/big-2026.tar.zst",
        .input = 0,
        .ninputs = 2,
        .done = 55ull * MIB,
        .total = 165ull * MIB,
        .releases = 12345,
        .elapsed = 10,
};

/* The second input is a pipe: relview sample/releases.tar.gz <(…) */
static const struct progress_figures pipe_read = {
        .name = "/dev/fd/63",
        .input = 1,
        .ninputs = 2,
        .done = 8 * MIB / 10,
        .total = 0,
        .releases = 1239,
        .elapsed = 1.25,
};

static const char *line_of(const struct progress_figures *p, size_t cols)
{
	static char out[PROGRESS_LINE_MAX];
	size_t n = progress_line(p, cols, out, sizeof out);
	assert_int_equal(n, strlen(out));
	if (cols >= 16)
		assert_true(text_width(out, n) <= cols);
	return out;
}

static void each_width_keeps_what_matters_most(void **unused)
{
	(void)unused;
	assert_string_equal(line_of(&known, 200),
	                    " relview  loading 1 of 2: /tmp/relgen/big-2026.tar.zst  ·  55.0 of "
	                    "165.0 MiB read (33%)  ·  12345 releases  ·  5.5 MiB/s  ·  0:20 left");
	assert_string_equal(
	        line_of(&known, 120),
	        " loading 1 of 2: /tmp/relgen/big-2026.tar.zst · 55.0 of 165.0 MiB read "
	        "(33%) · 12345 releases · 5.5 MiB/s · 0:20 left");
	assert_string_equal(
	        line_of(&known, 80),
	        " loading 1 of 2: big-2026.tar.zst · 33% · 12345 releases · 5.5 MiB/s · 0:20 left");
	assert_string_equal(line_of(&known, 60),
	                    " loading 1 of 2 · 33% · 12345 releases · 0:20 left");
	assert_string_equal(line_of(&known, 40), " 1/2 · 33% · 12345 releases · 0:20 left");
	assert_string_equal(line_of(&known, 20), " 33% · 0:20 left");
	assert_string_equal(line_of(&known, 5), " 33%"); /* the caller cuts what is wider */
}

static void a_pipe_gives_the_bytes_read_alone(void **unused)
{
	(void)unused;
	assert_string_equal(line_of(&pipe_read, 200),
	                    " relview  loading 2 of 2: /dev/fd/63  ·  0.8 MiB read  ·  1239 "
	                    "releases  ·  0.6 MiB/s");
	assert_string_equal(
	        line_of(&pipe_read, 80),
	        " relview  loading 2 of 2: /dev/fd/63 · 0.8 MiB read · 1239 releases · 0.6 MiB/s");
	assert_string_equal(line_of(&pipe_read, 60),
	                    " loading 2 of 2: 63 · 0.8 MiB · 1239 releases · 0.6 MiB/s");
	assert_string_equal(line_of(&pipe_read, 40), " loading 2/2 · 0.8 MiB · 1239 releases");
	assert_true(progress_fraction(&pipe_read) < 0); /* no bar */
	for (size_t cols = 1; cols <= 200; cols++) {
		const char *line = line_of(&pipe_read, cols);
		assert_null(strstr(line, "%"));
		assert_null(strstr(line, "left"));
		assert_null(strstr(line, "MiB read ("));
	}
}

/* A file that grew since its size was taken reads past it: no "of" a smaller
 * total, no bar; all of it read is 99% until loading ends. */
static void reading_past_the_size_is_not_a_share(void **unused)
{
	(void)unused;
	struct progress_figures grew = known;
	grew.done = grew.total + MIB;
	assert_true(progress_fraction(&grew) < 0);
	assert_string_equal(line_of(&grew, 200),
	                    " relview  loading 1 of 2: /tmp/relgen/big-2026.tar.zst  ·  166.0 MiB "
	                    "read  ·  12345 releases  ·  16.6 MiB/s");
	grew.done = grew.total - 1; /* all but a byte: 99% */
	assert_non_null(strstr(line_of(&grew, 200), "(99%)"));
	assert_true(progress_fraction(&grew) < 1);
	grew.done = grew.total; /* all read, the last still parsed: 99%, no time left */
	assert_non_null(strstr(line_of(&grew, 200), "(99%)"));
	assert_null(strstr(line_of(&grew, 200), "left"));
	assert_float_equal(progress_fraction(&grew), 0.99, 1e-9);
	assert_float_equal(progress_fraction(&known), 1.0 / 3, 1e-9);
}

static void the_count_the_share_and_the_time_left_down_to_40_columns(void **unused)
{
	(void)unused;
	for (size_t cols = 40; cols <= 200; cols++) {
		const char *line = line_of(&known, cols);
		assert_non_null(strstr(line, "33%"));
		assert_non_null(strstr(line, "12345 releases"));
		assert_non_null(strstr(line, "0:20 left"));
	}
}

static void time_left_in_hours_minutes_and_seconds(void **unused)
{
	(void)unused;
	struct progress_figures slow = known;
	slow.elapsed = 1000; /* 55 KiB/s: 2000 s left */
	assert_non_null(strstr(line_of(&slow, 200), "  ·  33:20 left"));
	slow.elapsed = 10000; /* 20000 s */
	assert_non_null(strstr(line_of(&slow, 200), "  ·  5:33:20 left"));
	slow.done = slow.total - 1; /* a moment left: rounded up */
	assert_non_null(strstr(line_of(&slow, 200), "  ·  0:01 left"));
	slow.done = known.done;
	slow.elapsed = 1e6; /* past 99 hours: no estimate */
	assert_null(strstr(line_of(&slow, 200), "left"));
	slow.elapsed = 0; /* nothing to go by yet */
	assert_string_equal(line_of(&slow, 200),
	                    " relview  loading 1 of 2: /tmp/relgen/big-2026.tar.zst  ·  55.0 of "
	                    "165.0 MiB read (33%)  ·  12345 releases");
}

/* A name loses its path, then its middle (the end kept longer), then goes; what it
 * holds reaches the screen decoded, no control in it. */
static void the_name_shortened_before_the_figures(void **unused)
{
	(void)unused;
	struct progress_figures p = known;
	p.name = "/srv/archive/press-releases-2026-11-complete.tar.zst";
	assert_string_equal(
	        line_of(&p, 70),
	        " loading 1 of 2: press-re…e.tar.zst · 33% · 12345 releases · 0:20 left");
	assert_string_equal(line_of(&p, 63),
	                    " loading 1 of 2: press…r.zst · 33% · 12345 releases · 0:20 left");
	p.name = "dir/sub/";
	assert_non_null(strstr(line_of(&p, 80), "loading 1 of 2: dir/sub/ · "));
	p.name = "evil\033]0;owned\007.zip";
	const char *line = line_of(&p, 200);
	for (const char *c = line; *c; c++)
		assert_true((unsigned char)*c >= 0x20);
	p.ninputs = 1;
	p.name = "one.tar.gz";
	assert_string_equal(line_of(&p, 45), " loading · 33% · 12345 releases · 0:20 left");
	assert_string_equal(line_of(&p, 40), " 33% · 12345 releases · 0:20 left");
	assert_string_equal(line_of(&p, 60), " loading 1 of 1 · 33% · 12345 releases · 0:20 left");
}

static void cut_to_the_buffer_at_a_character(void **unused)
{
	(void)unused;
	char out[12];
	struct progress_figures p = known;
	p.name = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
	size_t n = progress_line(&p, 200, out, sizeof out);
	assert_int_equal(n, strlen(out));
	assert_true(n < sizeof out);
	assert_int_equal(text_width(out, n), n); /* " relview  l": whole characters only */
	char in_name[28]; /* " relview  loading 1 of 2: " and room for a byte of "é" */
	n = progress_line(&p, 200, in_name, sizeof in_name);
	assert_int_equal(strncmp(in_name, " relview  loading 1 of 2: ", 26), 0);
	assert_null(memchr(in_name, 0xC3, n)); /* not the first byte of "é" alone */
	assert_int_equal(text_width(in_name, n), n);
	p.name = "x";
	n = progress_line(&p, 23, out, 0 + 1);
	assert_int_equal(n, 0);
	assert_string_equal(out, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(each_width_keeps_what_matters_most),
	        cmocka_unit_test(a_pipe_gives_the_bytes_read_alone),
	        cmocka_unit_test(reading_past_the_size_is_not_a_share),
	        cmocka_unit_test(the_count_the_share_and_the_time_left_down_to_40_columns),
	        cmocka_unit_test(time_left_in_hours_minutes_and_seconds),
	        cmocka_unit_test(the_name_shortened_before_the_figures),
	        cmocka_unit_test(cut_to_the_buffer_at_a_character),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
