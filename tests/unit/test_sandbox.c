/* sandbox: what a reader in a child process reports arrives in order; a reader that
 * crashes, hangs or runs out of memory costs one clear problem line, not relview;
 * the child holds nothing of its parent. A child kept from input to input is
 * test_kept.c's. */
#include "config.h"

#include "sandbox_check.h"

#include "bundle.h"

#include "relview/sandbox.h"

#include <archive.h>
#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

/* For the tests of stalls (stall_seconds: impatient_seconds(), set in main). */
static struct source_limits impatient = {.max_entry_bytes = 1 << 20,
                                         .max_total_bytes = 1 << 24,
                                         .max_entries = 100,
                                         .max_memory = 256 << 20};

static bool run(const char *reader, struct log *log, struct source_counts *counts)
{
	return run_within(reader, &limits, log, counts);
}

static char *volatile eaten;

static bool eats_memory(const char *input, int fd, const struct source_limits *l,
                        const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l, (void)counts;
	for (size_t total = 0; total < ((size_t)4 << 30); total += 64 << 20) {
		char *p = malloc(64 << 20);
		if (!p) {
			h->problem(h->ctx, "input", NULL, "out of memory");
			return false;
		}
		memset(p, 1, 64 << 20);
		eaten = p; /* kept where the compiler sees it: clang drops a block no one reads */
	}
	return true;
}

static bool chatters_forever(const char *input, int fd, const struct source_limits *l,
                             const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l, (void)counts;
	for (uint64_t n = 0;; n++) {
		h->progress(h->ctx, "busy.txt", n, n);
		usleep(10000);
	}
	return true;
}

static atomic_bool stop_now;

/* Cancel as soon as the child is heard from: a freshly started child on a busy
 * machine may take long to say anything. */
static void cancel_on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	on_progress(ctx, path, inflated, consumed);
	atomic_store(&stop_now, true);
}

static void cancelling_stops_a_busy_child_quietly(void **state)
{
	(void)state;
	struct log log = {{0}};
	struct source_counts counts = {0};
	struct source_handler h = {.ctx = &log,
	                           .entry = on_entry,
	                           .problem = on_problem,
	                           .progress = cancel_on_progress,
	                           .cancel = &stop_now};
	/* The child never stalls (nor would within the limit): only the cancel ends it. */
	assert_false(sandbox_run("chatters_forever", INPUT, &limits, &h, &counts));
	assert_non_null(strstr(log.text, "progress busy.txt"));
	assert_null(strstr(log.text, "problem"));
	assert_int_equal(counts.stopped, 0);
}

static void messages_arrive_in_order_with_counts(void **state)
{
	(void)state;
	struct log log;
	struct source_counts counts;
	assert_true(run("well_behaved", &log, &counts));
	assert_string_equal(log.text, "progress - size 1234\n"
	                              "progress a.txt 0\n"
	                              "entry a.txt alpha\n"
	                              "problem b.txt damaged\n"
	                              "progress c.txt 5\n"
	                              "entry - plain\n");
	assert_int_equal(counts.entries, 2);
	assert_int_equal(counts.problems, 1);
	assert_int_equal(counts.complete, 1);
}

static void a_crash_is_one_problem_naming_the_entry(void **state)
{
	(void)state;
	struct log log;
	struct source_counts counts;
	assert_false(run("crashes", &log, &counts));
	assert_int_equal(counts.complete, 0);
	assert_non_null(strstr(log.text, "entry a.txt alpha\n"));
	assert_non_null(strstr(log.text, "problem c.txt reading stopped: the archive reader "
	                                 "crashed (Segmentation fault)\n"));
}

static void expect_stopped(const char *reader, const char *entry, struct source_counts *counts)
{
	expect_stopped_within(&impatient, reader, entry, counts);
}

static void a_hang_is_stopped_after_the_stall_limit(void **state)
{
	(void)state;
	struct source_counts counts;
	expect_stopped("hangs", "c.txt", &counts);
}

/* A reader that waited for a pipe's writer, heard from it, then loops: its news
 * that the wait is over must reach the parent at once, or the parent would still
 * take its silence for a wait and never stop it. */
static bool waits_then_hangs(const char *input, int fd, const struct source_limits *l,
                             const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l, (void)counts;
	h->progress(h->ctx, NULL, SOURCE_WAITING, 0);
	h->progress(h->ctx, "looping.txt", 0, 0);
	sleep(60); /* far past the stall limit (impatient_seconds) */
	return true;
}

static void a_hang_after_a_wait_for_a_writer_is_stopped(void **state)
{
	(void)state;
	struct source_counts counts;
	expect_stopped("waits_then_hangs", "looping.txt", &counts);
	assert_int_equal(counts.stopped, 1);
}

/* A reader that would read in a child of its own. */
static bool starts_a_child(const char *input, int fd, const struct source_limits *l,
                           const struct source_handler *h, struct source_counts *counts)
{
	(void)fd;
	h->progress(h->ctx, "nested", 0, 0);
	return sandbox_run("well_behaved", input, l, h, counts);
}

/* A child never starts another: no chain of children, however a reader goes wrong. */
static void a_child_starts_no_child(void **state)
{
	(void)state;
	struct log log;
	struct source_counts counts;
	assert_false(run("starts_a_child", &log, &counts));
	assert_string_equal(log.text, "progress nested 0\n"
	                              "problem nested reading stopped: the archive reader crashed "
	                              "(Aborted)\n");
}

static void keep_limits(void *ctx, const struct source_entry *e)
{
	if (e->len == sizeof(struct source_limits))
		memcpy(ctx, e->data, e->len);
}

/* Every one of the limits reaches the child as the parent has it. */
static void the_child_has_all_the_limits(void **state)
{
	(void)state;
	struct source_limits sent = {.max_entry_bytes = 1 << 20,
	                             .max_total_bytes = 3 << 24,
	                             .max_entries = 123,
	                             .max_memory = 256 << 20,
	                             .stall_seconds = 599,
	                             .max_ratio = 77,
	                             .part = 0,
	                             .parts = 1};
	struct source_limits got = {0};
	struct source_counts counts = {0};
	struct source_handler h = {.ctx = &got, .entry = keep_limits, .problem = on_problem};
	assert_true(sandbox_run("sends_its_limits", INPUT, &sent, &h, &counts));
	assert_int_equal(got.max_entry_bytes, sent.max_entry_bytes);
	assert_int_equal(got.max_total_bytes, sent.max_total_bytes);
	assert_int_equal(got.max_entries, sent.max_entries);
	assert_int_equal(got.max_memory, sent.max_memory);
	assert_int_equal(got.stall_seconds, sent.stall_seconds);
	assert_int_equal(got.max_ratio, sent.max_ratio);
	assert_int_equal(got.part, sent.part);
	assert_int_equal(got.parts, sent.parts);
}

/* Many entries, counted: each must come once, in order, with its own bytes. */
struct tally {
	uint64_t entries;
	bool in_order;
	int problems;
	char last_problem[256];
};

enum { MANY = 2000, MANY_BYTES = 16384 }; /* 32 MiB: more than the ring holds */
enum { ZIP_MEMBERS = 400 };

static void count_entry(void *ctx, const struct source_entry *e)
{
	struct tally *t = ctx;
	unsigned char want = (unsigned char)(e->ordinal % 251);
	t->in_order &= e->ordinal == t->entries && e->len == MANY_BYTES && e->data[0] == want &&
	               e->data[MANY_BYTES - 1] == want;
	t->entries++;
}

static void count_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	struct tally *t = ctx;
	(void)input;
	t->problems++;
	snprintf(t->last_problem, sizeof t->last_problem, "%s: %s", path ? path : "-", reason);
}

static bool emits_many(const char *input, int fd, const struct source_limits *l,
                       const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l;
	static unsigned char data[MANY_BYTES];
	char path[32];
	for (uint64_t i = 0; i < MANY; i++) {
		snprintf(path, sizeof path, "%llu.txt", (unsigned long long)i);
		memset(data, (int)(i % 251), sizeof data);
		h->progress(h->ctx, path, i * MANY_BYTES, 0);
		h->entry(h->ctx, &(struct source_entry){"input", path, data, sizeof data, i});
	}
	counts->entries = MANY;
	return true;
}

static bool emits_many_then_crashes(const char *input, int fd, const struct source_limits *l,
                                    const struct source_handler *h, struct source_counts *counts)
{
	emits_many(input, fd, l, h, counts);
	h->progress(h->ctx, "last.txt", 0, 0);
	raise(SIGSEGV);
	return true;
}

static bool run_many(const char *reader, struct tally *t)
{
	struct source_counts counts = {0};
	struct source_limits many = limits;
	many.max_entries = 2 * MANY;
	many.max_total_bytes = 1 << 30;
	*t = (struct tally){.in_order = true};
	struct source_handler h = {.ctx = t, .entry = count_entry, .problem = count_problem};
	return sandbox_run(reader, INPUT, &many, &h, &counts);
}

/* More entries than the ring holds, faster than messages are sent one by one: the
 * child must not wait for room the parent could free only on news it has not had. */
static void more_than_the_ring_holds_arrives_whole(void **state)
{
	(void)state;
	struct tally t;
	assert_true(run_many("emits_many", &t));
	assert_int_equal(t.entries, MANY);
	assert_true(t.in_order);
	assert_int_equal(t.problems, 0);
}

/* What a crashing child had read but not yet announced still arrives, and the report
 * names the entry it was reading. */
static void nothing_read_before_a_crash_is_lost(void **state)
{
	(void)state;
	struct tally t;
	assert_false(run_many("emits_many_then_crashes", &t));
	assert_int_equal(t.entries, MANY);
	assert_true(t.in_order);
	assert_int_equal(t.problems, 1);
	assert_string_equal(t.last_problem,
	                    "last.txt: reading stopped: the archive reader crashed (Segmentation "
	                    "fault)");
}

/* A zip's members, each once, and progress that only goes forward. */
struct shared_zip {
	bool seen[ZIP_MEMBERS];
	uint64_t entries, consumed;
	bool repeated, backwards;
};

static void zip_entry(void *ctx, const struct source_entry *e)
{
	struct shared_zip *z = ctx;
	z->repeated |= e->ordinal >= ZIP_MEMBERS || z->seen[e->ordinal];
	if (e->ordinal < ZIP_MEMBERS)
		z->seen[e->ordinal] = true;
	z->entries++;
}

static void zip_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct shared_zip *z = ctx;
	(void)path, (void)inflated;
	z->backwards |= consumed < z->consumed;
	z->consumed = consumed;
}

/* A zip of `members` members of 4 KiB, in a new file named after path's template. */
static void write_zip(char *path, unsigned members)
{
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	static char text[4096];
	struct archive *a = archive_write_new();
	assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	unsigned seed = 1;
	for (unsigned i = 0; i < members; i++) {
		char name[32];
		snprintf(name, sizeof name, "%04u.txt", i);
		seed = bundle_letters(text, sizeof text, seed);
		bundle_add_file(a, name, text, sizeof text);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

/* A zip is read by two children, each its share: every member arrives once, and the
 * progress reported is both children's together, so it never goes back, nor past
 * the file's end. */
static void a_zip_is_shared_between_two_children(void **state)
{
	(void)state;
	char path[] = "/tmp/relview-test-sandbox-XXXXXX";
	write_zip(path, ZIP_MEMBERS);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	off_t size = st.st_size;
	struct shared_zip z = {{false}, 0, 0, false, false};
	struct source_counts counts = {0};
	struct source_limits l = limits;
	l.max_entries = 2 * ZIP_MEMBERS;
	struct source_handler h = {
	        .ctx = &z, .entry = zip_entry, .problem = on_problem, .progress = zip_progress};
	assert_true(sandbox_read(path, &l, &h, &counts));
	unlink(path);
	assert_int_equal(z.entries, ZIP_MEMBERS);
	assert_false(z.repeated);
	assert_false(z.backwards);
	assert_true(z.consumed > 0 && z.consumed <= (uint64_t)size);
	assert_int_equal(counts.problems, 0);
}

static void count_zip_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input, (void)path, (void)reason;
	(*(int *)ctx)++;
}

static void count_zip_entry(void *ctx, const struct source_entry *e)
{
	(void)e;
	(*(int *)ctx) += 1000;
}

/* A zip that cannot be cut (one member) is read by one child, which has the whole
 * input's byte limit, not a share of it. */
static void a_zip_not_cut_has_the_whole_byte_limit(void **state)
{
	(void)state;
	char path[] = "/tmp/relview-test-sandbox-XXXXXX";
	write_zip(path, 1);
	int seen = 0; /* 1000 an entry, 1 a problem */
	struct source_counts counts = {0};
	struct source_limits l = limits;
	l.max_total_bytes = 6000; /* the member is 4096 bytes: more than half of it */
	struct source_handler h = {
	        .ctx = &seen, .entry = count_zip_entry, .problem = count_zip_problem};
	assert_true(sandbox_read(path, &l, &h, &counts));
	unlink(path);
	assert_int_equal(seen, 1000);
}

/* A reader that runs out of memory in the child is contained: its own report
 * arrives, and relview goes on. Faulting in a cap's worth of pages takes seconds on
 * a busy machine: hence the long stall limit of `limits`. */
static void memory_is_capped(void **state)
{
	(void)state;
	struct log log = {{0}};
	struct source_counts counts = {0};
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	skip(); /* ASan and TSan reserve more address space than any cap */
#endif
	if (under_valgrind())
		skip();
	struct source_handler h = {.ctx = &log, .entry = on_entry, .problem = on_problem};
	assert_false(sandbox_run("eats_memory", INPUT, &limits, &h, &counts));
	assert_string_equal(log.text, "problem - out of memory\n");
	assert_int_equal(counts.stopped, 0);
}

/* A parent grown far past the child's cap (a large catalog) still reads: the child
 * starts afresh, and its cap is its own. */
static void the_memory_cap_is_the_childs_own(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	skip(); /* no cap under ASan and TSan: the test would pass whatever the child held */
#endif
	if (under_valgrind())
		skip();
	size_t grown = (size_t)(limits.max_memory * 3 / 2);
	char *big = malloc(grown);
	assert_non_null(big);
	memset(big, 7, grown);
	struct log log = {{0}};
	struct source_counts counts = {0};
	struct source_handler h = {.ctx = &log, .entry = on_entry, .problem = on_problem};
	bool ok = sandbox_run("uses_half_the_cap", INPUT, &limits, &h, &counts);
	char path[] = "/tmp/relview-test-sandbox-XXXXXX";
	write_zip(path, 8);
	struct shared_zip z = {{false}, 0, 0, false, false};
	struct source_counts zip_counts = {0};
	struct source_handler zh = {.ctx = &z, .entry = zip_entry, .problem = on_problem};
	bool zip_ok = sandbox_read(path, &limits, &zh, &zip_counts);
	unlink(path);
	assert_int_equal(big[grown - 1], 7);
	free(big);
	assert_true(ok);
	assert_string_equal(log.text, "entry half fits\n");
	assert_true(zip_ok);
	assert_int_equal(z.entries, 8);
}

static void report_signals(const struct source_handler *h)
{
	sigset_t blocked;
	struct sigaction pipe_action, int_action;
	sigprocmask(SIG_SETMASK, NULL, &blocked);
	sigaction(SIGPIPE, NULL, &pipe_action);
	sigaction(SIGINT, NULL, &int_action);
	h->problem(h->ctx, "input", "signals",
	           sigismember(&blocked, SIGUSR1)      ? "SIGUSR1 blocked"
	           : pipe_action.sa_handler != SIG_DFL ? "SIGPIPE not default"
	           : int_action.sa_handler != SIG_IGN  ? "SIGINT not ignored"
	                                               : "default, SIGINT ignored");
}

static bool reports_what_it_holds(const char *input, int fd, const struct source_limits *l,
                                  const struct source_handler *h, struct source_counts *counts)
{
	(void)input, (void)fd, (void)l, (void)counts;
	report_files(h);
	extern char **environ;
	for (char **e = environ; *e; e++)
		if (strncmp(*e, "ASAN_", 5) && strncmp(*e, "UBSAN_", 6) &&
		    strncmp(*e, "LSAN_", 5) && strncmp(*e, "TSAN_", 5) &&
		    strncmp(*e, "LD_LIBRARY_PATH=", 16))
			h->problem(h->ctx, "input", "env", *e);
	report_signals(h);
	return true;
}

/* The child holds none of the parent's files (a flock'ed file, a descriptor left
 * open across exec), none of its environment, blocked signals or ignored ones: only
 * its standard streams on /dev/null and its pipe (the shared memory is mapped, its
 * descriptors closed). */
static void a_child_holds_nothing_of_the_parent(void **state)
{
	(void)state;
	if (under_valgrind())
		skip();
	char path[] = "/tmp/relview-test-sandbox-XXXXXX";
	int locked = mkstemp(path); /* not close-on-exec */
	assert_true(locked >= 0);
	assert_int_equal(flock(locked, LOCK_EX), 0);
	int high = dup2(locked, 40);
	setenv("RELVIEW_TEST_SECRET", "inherited", 1);
	char *old_path = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
	setenv("PATH", "/usr/bin:/bin:/relview-test", 1);
	assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
	sigset_t usr1, old_mask;
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &usr1, &old_mask);
	void (*old_pipe)(int) = signal(SIGPIPE, SIG_IGN);
	struct log log = {{0}};
	struct source_counts counts = {0};
	struct source_handler h = {.ctx = &log, .entry = on_entry, .problem = on_problem};
	bool ok = sandbox_run("reports_what_it_holds", INPUT, &limits, &h, &counts);
	signal(SIGPIPE, old_pipe);
	pthread_sigmask(SIG_SETMASK, &old_mask, NULL);
	setlocale(LC_CTYPE, "C");
	unsetenv("RELVIEW_TEST_SECRET");
	if (old_path)
		setenv("PATH", old_path, 1);
	else
		unsetenv("PATH");
	free(old_path);
	close(high);
	close(locked);
	unlink(path);
	assert_true(ok);
	assert_string_equal(log.text, "problem 0 /dev/null\n"
	                              "problem 1 /dev/null\n"
	                              "problem 2 /dev/null\n"
	                              "problem 3 socket:\n"
	                              "problem env TZ=UTC0\n"
	                              "problem env LIBC_FATAL_STDERR_=1\n"
	                              "problem env LC_CTYPE=C.UTF-8\n"
	                              "problem env PATH=/usr/bin:/bin:/relview-test\n"
	                              "problem signals default, SIGINT ignored\n");
}

/* The readers this program's children know, by name. */
static const struct sandbox_reader test_readers[] = {
        {"well_behaved", well_behaved},
        {"crashes", crashes},
        {"hangs", hangs},
        {"waits_then_hangs", waits_then_hangs},
        {"starts_a_child", starts_a_child},
        {"sends_its_limits", sends_its_limits},
        {"eats_memory", eats_memory},
        {"chatters_forever", chatters_forever},
        {"emits_many", emits_many},
        {"emits_many_then_crashes", emits_many_then_crashes},
        {"uses_half_the_cap", uses_half_the_cap},
        {"reports_what_it_holds", reports_what_it_holds},
        {NULL, NULL},
};

int main(int argc, char **argv)
{
	sandbox_serve(argc, argv, test_readers); /* a child runs one of them, and ends */
	impatient.stall_seconds = impatient_seconds();
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(messages_arrive_in_order_with_counts),
	        cmocka_unit_test(a_crash_is_one_problem_naming_the_entry),
	        cmocka_unit_test(a_hang_is_stopped_after_the_stall_limit),
	        cmocka_unit_test(a_hang_after_a_wait_for_a_writer_is_stopped),
	        cmocka_unit_test(a_child_starts_no_child),
	        cmocka_unit_test(the_child_has_all_the_limits),
	        cmocka_unit_test(more_than_the_ring_holds_arrives_whole),
	        cmocka_unit_test(nothing_read_before_a_crash_is_lost),
	        cmocka_unit_test(memory_is_capped),
	        cmocka_unit_test(the_memory_cap_is_the_childs_own),
	        cmocka_unit_test(a_child_holds_nothing_of_the_parent),
	        cmocka_unit_test(cancelling_stops_a_busy_child_quietly),
	        cmocka_unit_test(a_zip_is_shared_between_two_children),
	        cmocka_unit_test(a_zip_not_cut_has_the_whole_byte_limit),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	sandbox_release();
	return failed;
}
