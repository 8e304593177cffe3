/* stack: which pane has the keys, where an action it does not take goes, what is
 * drawn, and what the status and bottom lines speak of — with panes that only
 * note what they were asked. */
#include "config.h"

#include "relview/stack.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

static const struct pane *acted[8];
static size_t nacted;

/* Takes ACT_DOWN only, and notes every action it is given. */
static bool act(struct pane *pane, enum action action)
{
	acted[nacted++] = pane;
	return action == ACT_DOWN;
}

static int percent(const struct pane *pane)
{
	(void)pane;
	return 50;
}

static void draw(struct pane *pane)
{
	(void)pane;
}

static const struct hint hints[] = {{ACT_CLOSE, "back"}, {ACT_NONE, NULL}};

static const struct pane_ops open_ops = {
        .name = "open", .passes = PASSES_ALL, .draw = draw, .act = act, .percent = percent};
static const struct pane_ops modal_ops = {
        .name = "modal", .passes = SCOPE_BIT(SCOPE_ANY), .hints = hints, .draw = draw, .act = act};

static void the_top_has_the_keys_and_raise_lower_remove_reorder(void **state)
{
	(void)state;
	struct pane a = {.ops = &open_ops}, b = {.ops = &open_ops}, c = {.ops = &modal_ops};
	struct stack s = {0};
	assert_null(stack_top(&s));
	stack_raise(&s, &a);
	stack_raise(&s, &b);
	assert_ptr_equal(stack_top(&s), &b);
	assert_true(stack_above(&s, &b, &a));
	stack_lower(&s, &b); /* b a */
	assert_ptr_equal(stack_top(&s), &a);
	assert_false(stack_above(&s, &b, &a));
	assert_false(stack_above(&s, &c, &a)); /* c is not on it */
	stack_raise(&s, &c);
	stack_raise(&s, &c); /* once at most */
	assert_int_equal(s.n, 3);
	stack_remove(&s, &c);
	stack_remove(&s, &c);
	assert_int_equal(s.n, 2);
	assert_ptr_equal(stack_top(&s), &a);
}

static void an_action_goes_down_while_its_scope_passes(void **state)
{
	(void)state;
	struct pane a = {.ops = &open_ops}, b = {.ops = &open_ops}, c = {.ops = &modal_ops};
	struct stack s = {.items = {&a, &b, &c}, .n = 3};
	bool reached;
	/* Taken by the top. */
	nacted = 0;
	assert_true(stack_act(&s, ACT_DOWN, &reached));
	assert_int_equal(nacted, 1);
	/* A list action stops at the modal pane: nobody takes it, nothing reached. */
	nacted = 0;
	assert_false(stack_act(&s, ACT_TOPICS, &reached));
	assert_false(reached);
	assert_int_equal(nacted, 1);
	/* Quit goes through every pane to the loop. */
	nacted = 0;
	assert_false(stack_act(&s, ACT_QUIT, &reached));
	assert_true(reached);
	assert_int_equal(nacted, 3);
	assert_ptr_equal(acted[2], &a);
	/* A pane's own action (movement aside) never goes down. */
	nacted = 0;
	assert_false(stack_act(&s, ACT_OPEN, &reached));
	assert_false(reached);
	assert_int_equal(nacted, 1);
}

static void drawn_from_the_topmost_full_pane_and_lines_from_the_top(void **state)
{
	(void)state;
	struct pane a = {.ops = &open_ops, .at = {1, 0, 10, 40}},
	            b = {.ops = &open_ops, .at = {1, 40, 10, 40}},
	            c = {.ops = &modal_ops, .at = {1, 0, 10, 80}, .full = true};
	struct stack s = {.items = {&a, &b}, .n = 2};
	assert_int_equal(stack_first_drawn(&s), 0);
	assert_ptr_equal(stack_at(&s, 5, 10), &a);
	assert_ptr_equal(stack_at(&s, 5, 50), &b);
	assert_null(stack_at(&s, 20, 10));
	assert_ptr_equal(stack_place(&s), &b);
	assert_null(stack_hints(&s));
	stack_raise(&s, &c);
	assert_int_equal(stack_first_drawn(&s), 2);
	assert_ptr_equal(stack_at(&s, 5, 10), &c); /* what is under it is not drawn */
	assert_ptr_equal(stack_place(&s), &b);     /* c has no place of its own */
	assert_ptr_equal(stack_hints(&s), hints);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(the_top_has_the_keys_and_raise_lower_remove_reorder),
	        cmocka_unit_test(an_action_goes_down_while_its_scope_passes),
	        cmocka_unit_test(drawn_from_the_topmost_full_pane_and_lines_from_the_top),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
