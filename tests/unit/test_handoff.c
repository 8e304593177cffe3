/* handoff: every item put is consumed, in order, on another thread; the queue never
 * holds more than its bounds; finishing waits for the last item. */
#include "config.h"

#include "relview/handoff.h"

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

struct seen {
	pthread_t producer;
	size_t next;              /* the item expected next */
	atomic_size_t queued;     /* put and not yet consumed */
	atomic_size_t most;       /* the most ever queued */
	bool other_thread, order; /* every item consumed off the producer's thread, in order */
};

static void consume(void *ctx, void *item)
{
	struct seen *s = ctx;
	size_t n = (size_t)(uintptr_t)item;
	s->order = s->order && n == s->next;
	s->other_thread = s->other_thread && !pthread_equal(pthread_self(), s->producer);
	s->next++;
	if (n % 97 == 0)
		usleep(1000); /* a slow consumer now and then: the producer must wait */
	atomic_fetch_sub(&s->queued, 1);
}

static void put(struct handoff *h, struct seen *s, size_t n, size_t bytes)
{
	size_t q = atomic_fetch_add(&s->queued, 1) + 1;
	size_t most = atomic_load(&s->most);
	while (q > most && !atomic_compare_exchange_weak(&s->most, &most, q))
		;
	handoff_put(h, (void *)(uintptr_t)n, bytes);
}

static void items_arrive_in_order_on_another_thread(void **state)
{
	(void)state;
	struct seen s = {.producer = pthread_self(), .other_thread = true, .order = true};
	struct handoff *h = handoff_new(8, 1 << 20, consume, &s);
	assert_non_null(h);
	for (size_t n = 0; n < 2000; n++)
		put(h, &s, n, 100);
	handoff_finish(h);
	assert_int_equal(s.next, 2000); /* all consumed before finish returned */
	assert_true(s.order);
	assert_true(s.other_thread);
	/* At most 8 in the queue, one being consumed, one being put. */
	assert_in_range(atomic_load(&s.most), 1, 10);
}

static void the_byte_bound_holds_and_a_large_item_passes_alone(void **state)
{
	(void)state;
	struct seen s = {.producer = pthread_self(), .other_thread = true, .order = true};
	struct handoff *h = handoff_new(1000, 1000, consume, &s);
	for (size_t n = 0; n < 300; n++)
		put(h, &s, n, n == 150 ? 5000 : 400); /* two fit; one of 5000 goes alone */
	handoff_finish(h);
	assert_int_equal(s.next, 300);
	assert_true(s.order);
	assert_in_range(atomic_load(&s.most), 1, 4);
}

static void finishing_an_unused_queue(void **state)
{
	(void)state;
	struct seen s = {.producer = pthread_self(), .other_thread = true, .order = true};
	handoff_finish(handoff_new(4, 100, consume, &s));
	assert_int_equal(s.next, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(items_arrive_in_order_on_another_thread),
	        cmocka_unit_test(the_byte_bound_holds_and_a_large_item_passes_alone),
	        cmocka_unit_test(finishing_an_unused_queue),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
