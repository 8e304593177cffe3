/* state: marks and the resume point survive a save and a load; two processes that
 * save in turn keep each other's changes; a damaged file is set aside and reported,
 * never read. */
#include "config.h"

#include "relview/state.h"

#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

static char tmp[] = "/tmp/relview-test-state-XXXXXX";
static char dir[600], file[700];

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static void start_afresh(void)
{
	char path[800];
	unlink(file);
	snprintf(path, sizeof path, "%s.bad", file);
	unlink(path);
}

static void marks_and_resume_round_trip(void **unused)
{
	(void)unused;
	start_afresh();
	struct state s;
	char problem[300];
	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_string_equal(problem, "");
	assert_int_equal(s.n, 0);
	assert_true(state_set(&s, 0xfeedULL, STATE_READ | STATE_STARRED, 12));
	assert_true(state_set(&s, 0x1ULL, STATE_READ, 0));
	assert_true(state_set(&s, 0x2ULL, 0, 0)); /* nothing to remember: not written */
	state_set_resume(&s, 0xfeedULL);
	assert_int_equal(state_save(&s, dir, 0, problem, sizeof problem), STATE_SAVED);
	state_free(&s);

	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_string_equal(problem, "");
	assert_int_equal(s.n, 2);
	const struct state_mark *m = state_find(&s, 0xfeedULL);
	assert_non_null(m);
	assert_int_equal(m->flags, STATE_READ | STATE_STARRED);
	assert_int_equal(m->line, 12);
	assert_int_equal(state_find(&s, 0x1ULL)->flags, STATE_READ);
	assert_null(state_find(&s, 0x2ULL));
	assert_true(s.resume == 0xfeedULL);
	state_free(&s);
}

/* Mark all read: a flag added to many releases at once, those marked before keep
 * their other flags and their line, the others are added; the marks stay sorted
 * and are saved as changed. */
static void a_flag_is_added_to_many_at_once(void **unused)
{
	(void)unused;
	struct state s = {0};
	char problem[300];
	start_afresh();
	assert_true(state_set(&s, 20, STATE_STARRED, 7));
	assert_true(state_set(&s, 40, STATE_READ, 3));
	enum { MANY = 5000 };
	uint64_t *hashes = malloc(MANY * sizeof *hashes);
	assert_non_null(hashes);
	for (size_t i = 0; i < MANY; i++) /* 0, 10, 20, ... backwards, 40 twice */
		hashes[i] = i == MANY - 1 ? 40 : (MANY - 2 - i) * 10;
	assert_true(state_add_flag(&s, hashes, MANY, STATE_READ));
	free(hashes);
	assert_int_equal(s.n, MANY - 1);
	for (size_t i = 1; i < s.n; i++)
		assert_true(s.marks[i - 1].hash < s.marks[i].hash);
	const struct state_mark *m = state_find(&s, 20);
	assert_int_equal(m->flags, STATE_READ | STATE_STARRED);
	assert_int_equal(m->line, 7);
	assert_int_equal(state_find(&s, 40)->line, 3);
	assert_int_equal(state_find(&s, 49980)->flags, STATE_READ);
	assert_int_equal(state_save(&s, dir, 0, problem, sizeof problem), STATE_SAVED);
	state_free(&s);
	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_int_equal(s.n, MANY - 1);
	assert_int_equal(state_find(&s, 10)->flags, STATE_READ);
	state_free(&s);
}

/* Both load the same file; each marks something; each saves: the file has both. A
 * mark one of them took back is taken back, one the other never touched stays. */
static void two_writers_merge(void **unused)
{
	(void)unused;
	start_afresh();
	char problem[300];
	struct state a, b;
	assert_true(state_load(&a, dir, problem, sizeof problem));
	assert_true(state_set(&a, 10, STATE_READ, 0));
	assert_true(state_set(&a, 11, STATE_STARRED, 0));
	assert_int_equal(state_save(&a, dir, 0, problem, sizeof problem), STATE_SAVED);
	state_free(&a);

	assert_true(state_load(&a, dir, problem, sizeof problem));
	assert_true(state_load(&b, dir, problem, sizeof problem));
	assert_true(state_set(&a, 20, STATE_READ, 3));
	assert_true(state_set(&a, 11, 0, 0)); /* unstarred */
	state_set_resume(&a, 20);
	assert_true(state_set(&b, 30, STATE_STARRED, 0));
	assert_int_equal(state_save(&a, dir, 0, problem, sizeof problem), STATE_SAVED);
	assert_int_equal(state_save(&b, dir, 0, problem, sizeof problem), STATE_SAVED);
	/* b now holds what a saved as well. */
	assert_non_null(state_find(&b, 20));
	state_free(&a);
	state_free(&b);

	assert_true(state_load(&a, dir, problem, sizeof problem));
	assert_int_equal(state_find(&a, 10)->flags, STATE_READ);
	assert_null(state_find(&a, 11));
	assert_int_equal(state_find(&a, 20)->line, 3);
	assert_int_equal(state_find(&a, 30)->flags, STATE_STARRED);
	assert_true(a.resume == 20); /* b did not move: a's resume point stays */
	state_free(&a);
}

static void expect_set_aside(const char *text)
{
	start_afresh();
	write_text(file, text);
	struct state s;
	char problem[300], bad[800];
	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_int_equal(s.n, 0);
	assert_non_null(strstr(problem, "set aside"));
	snprintf(bad, sizeof bad, "%s.bad", file);
	assert_int_equal(access(bad, F_OK), 0);
	assert_int_not_equal(access(file, F_OK), 0);
	state_free(&s);
	/* Reported once: the next run finds no file. */
	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_string_equal(problem, "");
	state_free(&s);
}

static void damaged_files_are_set_aside(void **unused)
{
	(void)unused;
	expect_set_aside("");
	expect_set_aside("not a state file\n");
	expect_set_aside("relview-state 1\n00000000000000aa r 0\n00000000000000bb"); /* cut */
	expect_set_aside("relview-state 1\n00000000000000aa x 0\n");
	expect_set_aside("relview-state 1\n00000000000000aa r 99999999999\n");
	expect_set_aside("relview-state 1\nresume 12\n");
	expect_set_aside("relview-state 1\n00000000000000aa r 1\n\n");
}

/* A save over a damaged file sets it aside too, and writes a good one. */
static void a_save_replaces_a_damaged_file(void **unused)
{
	(void)unused;
	start_afresh();
	struct state s = {0};
	char problem[300];
	write_text(file, "garbage");
	assert_true(state_set(&s, 5, STATE_READ, 0));
	assert_int_equal(state_save(&s, dir, 0, problem, sizeof problem), STATE_SAVED);
	assert_non_null(strstr(problem, "set aside"));
	state_free(&s);
	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_string_equal(problem, "");
	assert_int_equal(state_find(&s, 5)->flags, STATE_READ);
	state_free(&s);
}

/* Another process holds state.lock (flock locks of separate opens exclude each
 * other as between processes): a save waits no longer than asked, says so, keeps
 * its changes, and saves them once the lock is free. So does the history. */
static void a_held_lock_is_waited_for_a_bounded_time(void **unused)
{
	(void)unused;
	start_afresh();
	char lock_path[800], problem[300];
	snprintf(lock_path, sizeof lock_path, "%s.lock", file);
	int held = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	assert_true(held >= 0);
	assert_int_equal(flock(held, LOCK_EX), 0);
	struct state s = {0};
	assert_true(state_set(&s, 7, STATE_STARRED, 0));
	struct timespec start, end;
	clock_gettime(CLOCK_MONOTONIC, &start);
	assert_int_equal(state_save(&s, dir, 300, problem, sizeof problem), STATE_BUSY);
	clock_gettime(CLOCK_MONOTONIC, &end);
	long ms = (end.tv_sec - start.tv_sec) * 1000L + (end.tv_nsec - start.tv_nsec) / 1000000L;
	assert_true(ms >= 300);
	assert_true(ms < 30000); /* bounded, however busy the machine */
	assert_non_null(strstr(problem, "state.lock is held by another process"));
	assert_true(state_find(&s, 7)->changed);
	const char *line[] = {"x"};
	assert_false(state_append_lines(dir, "history", line, 1, 3, 0));
	assert_int_equal(access(file, F_OK), -1);
	close(held);
	assert_int_equal(state_save(&s, dir, 0, problem, sizeof problem), STATE_SAVED);
	state_free(&s);
	assert_true(state_load(&s, dir, problem, sizeof problem));
	assert_int_equal(state_find(&s, 7)->flags, STATE_STARRED);
	state_free(&s);
}

/* The history file: each run adds its lines after the others', the oldest go. */
static void lines_are_appended_and_kept_to_a_number(void **unused)
{
	(void)unused;
	size_t n;
	assert_null(state_read_lines(dir, "history", &n));
	assert_int_equal(n, 0);
	const char *first[] = {"a", "b"}, *second[] = {"c", "d"};
	assert_true(state_append_lines(dir, "history", first, 2, 3, 0));
	assert_true(state_append_lines(dir, "history", second, 2, 3, 0));
	char **lines = state_read_lines(dir, "history", &n);
	assert_int_equal(n, 3);
	assert_string_equal(lines[0], "b");
	assert_string_equal(lines[2], "d");
	state_free_lines(lines, n);
}

static int setup(void **unused)
{
	(void)unused;
	if (!mkdtemp(tmp))
		return -1;
	snprintf(dir, sizeof dir, "%s/state/relview", tmp);
	snprintf(file, sizeof file, "%s/state", dir);
	char parent[620];
	snprintf(parent, sizeof parent, "%s/state", tmp);
	return mkdir(parent, 0700) == 0 && mkdir(dir, 0700) == 0 ? 0 : -1;
}

static int teardown(void **unused)
{
	(void)unused;
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(marks_and_resume_round_trip),
	        cmocka_unit_test(two_writers_merge),
	        cmocka_unit_test(a_flag_is_added_to_many_at_once),
	        cmocka_unit_test(damaged_files_are_set_aside),
	        cmocka_unit_test(a_save_replaces_a_damaged_file),
	        cmocka_unit_test(lines_are_appended_and_kept_to_a_number),
	        cmocka_unit_test(a_held_lock_is_waited_for_a_bounded_time),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
