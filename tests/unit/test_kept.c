/* sandbox: one child reads input after input until it is released; a crash, a stall,
 * an unclean read, other limits or a child past half its cap still cost only their
 * own input, and a kept child holds only the input it reads. */
#include "config.h"

#include "sandbox_check.h"

#include "relview/elapsed.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* Without a memory cap: valgrind's own memory, which runs the children too (.ci/run),
 * would pass half of any cap, and a child that did would not stay. */
static const struct source_limits uncapped = {.max_entry_bytes = 1 << 20,
                                              .max_total_bytes = 1 << 24,
                                              .max_entries = 100,
                                              .stall_seconds = 600};
/* stall_seconds: impatient_seconds(), set in main */
static struct source_limits uncapped_impatient = {
        .max_entry_bytes = 1 << 20, .max_total_bytes = 1 << 24, .max_entries = 100};

/* Reports the process it runs in, and a complete read: the child may stay. */
static bool reports_its_pid(const char *input, int fd, const struct source_limits *l,
                            const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l;
	char pid[24];
	int n = snprintf(pid, sizeof pid, "%ld", (long)getpid());
	h->entry(h->ctx,
	         &(struct source_entry){"input", "pid", (const unsigned char *)pid, (size_t)n, 0});
	counts->entries = 1;
	counts->complete = 1;
	return true;
}

/* The descriptors the child holds, and a complete read. */
static bool reports_its_files(const char *input, int fd, const struct source_limits *l,
                              const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l;
	report_files(h);
	counts->complete = 1;
	return true;
}

/* The readers this program's children know, by name. */
static const struct sandbox_reader test_readers[] = {
        {"well_behaved", well_behaved},
        {"crashes", crashes},
        {"hangs", hangs},
        {"sends_its_limits", sends_its_limits},
        {"uses_half_the_cap", uses_half_the_cap},
        {"reports_its_pid", reports_its_pid},
        {"reports_its_files", reports_its_files},
        {NULL, NULL},
};

/* The process that read INPUT with these limits. */
static pid_t reader_pid(const struct source_limits *l)
{
	struct log log;
	struct source_counts counts;
	long pid = 0;
	assert_true(run_within("reports_its_pid", l, &log, &counts));
	assert_int_equal(sscanf(log.text, "entry pid %ld\n", &pid), 1);
	assert_true(pid > 0 && pid != (long)getpid());
	return (pid_t)pid;
}

/* Ended and reaped: a zombie would still take a signal. */
static bool gone(pid_t pid)
{
	return kill(pid, 0) != 0 && errno == ESRCH;
}

/* One child reads input after input, whatever its reader, until it is released:
 * then it is ended and reaped. */
static void a_child_reads_input_after_input(void **state)
{
	(void)state;
	struct log log;
	struct source_counts counts;
	pid_t first = reader_pid(&uncapped);
	assert_int_equal(reader_pid(&uncapped), first);
	assert_true(run_within("well_behaved", &uncapped, &log, &counts));
	assert_int_equal(reader_pid(&uncapped), first);
	sandbox_release();
	assert_true(gone(first));
	pid_t next = reader_pid(&uncapped);
	assert_int_not_equal(next, first);
	sandbox_release();
	assert_true(gone(next));
}

/* A kept child that does not end when told (stopped here; one taken over by what
 * it read would do the same) does not keep its release waiting: it is killed. */
static void a_stopped_kept_child_is_ended_anyway(void **state)
{
	(void)state;
	pid_t kept = reader_pid(&uncapped);
	assert_int_equal(kill(kept, SIGSTOP), 0);
	struct timespec start;
	elapsed_mark(&start);
	sandbox_release();
	assert_true(gone(kept));
	assert_true(elapsed_ms(&start) < 30000); /* 2 s, with room for a busy machine */
}

/* A crash or a stall still costs only its own input: the child is ended, and the
 * input after it is read by a new child, which then stays in turn. */
static void expect_a_new_child_after(void (*misbehave)(const struct source_limits *),
                                     const struct source_limits *l)
{
	pid_t before = reader_pid(l);
	misbehave(l);
	assert_true(gone(before));
	pid_t after = reader_pid(l);
	assert_int_not_equal(after, before);
	assert_int_equal(reader_pid(l), after);
}

static void crash(const struct source_limits *l)
{
	struct log log;
	struct source_counts counts;
	assert_false(run_within("crashes", l, &log, &counts));
	assert_non_null(strstr(log.text, "crashed (Segmentation fault)"));
}

static void stall(const struct source_limits *l)
{
	struct source_counts counts;
	expect_stopped_within(l, "hangs", "c.txt", &counts);
}

static void after_a_crash_a_new_child_reads(void **state)
{
	(void)state;
	expect_a_new_child_after(crash, &uncapped);
}

static void after_a_stall_a_new_child_reads(void **state)
{
	(void)state;
	expect_a_new_child_after(stall, &uncapped_impatient);
}

/* A child whose read was not complete (its reader, or a failure of the machine,
 * said so) does not stay, nor does one asked for other limits. */
static void an_unclean_read_or_other_limits_end_the_child(void **state)
{
	(void)state;
	struct log log;
	struct source_counts counts;
	pid_t before = reader_pid(&uncapped);
	assert_true(run_within("sends_its_limits", &uncapped, &log, &counts)); /* complete: 0 */
	assert_true(gone(before));
	pid_t after = reader_pid(&uncapped);
	assert_int_not_equal(after, before);
	struct source_limits other = uncapped;
	other.max_entries++;
	pid_t other_limits = reader_pid(&other);
	assert_int_not_equal(other_limits, after);
	assert_true(gone(after));
}

/* A child that came past half its memory cap does not stay: whether a read came
 * near the cap is judged by the process's peak (source.c), which the next input
 * would inherit. */
static void a_child_past_half_its_cap_does_not_stay(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	skip(); /* no cap under ASan and TSan */
#endif
	if (under_valgrind())
		skip();
	struct log log = {{0}};
	struct source_counts counts = {0};
	struct source_handler h = {.ctx = &log, .entry = on_entry, .problem = on_problem};
	pid_t before = reader_pid(&limits);
	assert_true(sandbox_run("uses_half_the_cap", INPUT, &limits, &h, &counts));
	assert_string_equal(log.text, "entry half fits\n");
	assert_true(gone(before));
	assert_int_not_equal(reader_pid(&limits), before);
}

/* A kept child holds the input it reads and nothing of the inputs before it. */
static void a_kept_child_holds_only_its_input(void **state)
{
	(void)state;
	if (under_valgrind())
		skip(); /* valgrind gives its children descriptors of its own */
	char first[] = "/tmp/relview-test-sandbox-XXXXXX",
	     second[] = "/tmp/relview-test-sandbox-XXXXXX";
	int fds[2] = {mkstemp(first), mkstemp(second)};
	assert_true(fds[0] >= 0 && fds[1] >= 0);
	close(fds[0]);
	close(fds[1]);
	pid_t reader = reader_pid(&limits);
	struct log log[2] = {{{0}}, {{0}}};
	struct source_counts counts = {0};
	for (int i = 0; i < 2; i++) {
		struct source_handler h = {
		        .ctx = &log[i], .entry = on_entry, .problem = on_problem};
		assert_true(
		        sandbox_run("reports_its_files", i ? second : first, &limits, &h, &counts));
	}
	assert_int_equal(reader_pid(&limits), reader);
	unlink(first);
	unlink(second);
	char want[2][256];
	for (int i = 0; i < 2; i++) {
		snprintf(want[i], sizeof want[i],
		         "problem 0 /dev/null\nproblem 1 /dev/null\nproblem 2 /dev/null\n"
		         "problem 3 socket:\nproblem 4 %s\n",
		         i ? second : first);
		assert_string_equal(log[i].text, want[i]);
	}
}

int main(int argc, char **argv)
{
	sandbox_serve(argc, argv, test_readers); /* a child runs one of them, and ends */
	uncapped_impatient.stall_seconds = impatient_seconds();
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_child_reads_input_after_input),
	        cmocka_unit_test(a_stopped_kept_child_is_ended_anyway),
	        cmocka_unit_test(after_a_crash_a_new_child_reads),
	        cmocka_unit_test(after_a_stall_a_new_child_reads),
	        cmocka_unit_test(an_unclean_read_or_other_limits_end_the_child),
	        cmocka_unit_test(a_child_past_half_its_cap_does_not_stay),
	        cmocka_unit_test(a_kept_child_holds_only_its_input),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	sandbox_release();
	return failed;
}
