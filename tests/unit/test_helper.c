/* helper: a job started on the helper runs on another thread, and waiting returns
 * only once it has ended; the helper can be ended idle or right after a job. */
#include "config.h"

#include "relview/helper.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

struct job {
	pthread_t ran_on;
	uint64_t sum, to;
};

/* Slow enough that a wait which returned early would see it unfinished. */
static void add_up(void *arg)
{
	struct job *j = arg;
	nanosleep(&(struct timespec){0, 2000000}, NULL);
	j->ran_on = pthread_self();
	for (uint64_t i = 1; i <= j->to; i++)
		j->sum += i;
}

static void a_job_runs_elsewhere_and_wait_sees_it_done(void **state)
{
	(void)state;
	struct helper *h = helper_new();
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2) {
		assert_null(h); /* one processor: the caller works alone */
		skip();
	}
	assert_non_null(h);
	for (uint64_t round = 1; round <= 50; round++) {
		struct job j = {.to = round * 1000};
		helper_start(h, add_up, &j);
		helper_wait(h);
		assert_int_equal(j.sum, j.to * (j.to + 1) / 2);
		assert_false(pthread_equal(j.ran_on, pthread_self()));
	}
	helper_free(h);
}

static void a_helper_ends_idle_or_just_after_a_job(void **state)
{
	(void)state;
	helper_free(NULL);
	helper_free(helper_new()); /* never given a job */
	struct helper *h = helper_new();
	if (!h)
		skip();
	struct job j = {.to = 10};
	helper_start(h, add_up, &j);
	helper_wait(h);
	helper_free(h);
	assert_int_equal(j.sum, 55);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_job_runs_elsewhere_and_wait_sees_it_done),
	        cmocka_unit_test(a_helper_ends_idle_or_just_after_a_job),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
