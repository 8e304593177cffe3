/* text: code points and their widths on a terminal, fitting a string to a width, and
 * wrapping lines; decoding and binary detection are test_text.c's. */
#include "config.h"

#include <locale.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "relview/text.h"

/* ---- code points and widths ---------------------------------------------------------- */

static void test_next_cp(void **state)
{
	const char s[] = "a\xC3\xA9\xE4\xB8\xAD\xF0\x9D\x84\x9E\xE2\x82z";
	size_t i = 0;
	(void)state;

	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 'a');
	assert_int_equal(i, 1);
	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 0xE9);
	assert_int_equal(i, 3);
	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 0x4E2D);
	assert_int_equal(i, 6);
	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 0x1D11E);
	assert_int_equal(i, 10);
	/* Invalid input is not expected, but it must not run away. */
	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 0xFFFD);
	assert_int_equal(i, 11);
	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 0xFFFD);
	assert_int_equal(text_next_cp(s, sizeof s - 1, &i), 'z');
	/* A sequence cut by n. */
	i = 0;
	assert_int_equal(text_next_cp("\xC3\xA9", 1, &i), 0xFFFD);
	assert_int_equal(i, 1);
}

static void test_cp_width(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(' '), 1);
	assert_int_equal(text_cp_width(0xE9), 1);    /* é */
	assert_int_equal(text_cp_width(0x301), 0);   /* combining acute */
	assert_int_equal(text_cp_width(0x200B), 0);  /* zero-width space */
	assert_int_equal(text_cp_width(0x4E2D), 2);  /* 中 */
	assert_int_equal(text_cp_width(0xFF21), 2);  /* fullwidth A */
	assert_int_equal(text_cp_width(0xAC00), 2);  /* 가 */
	assert_int_equal(text_cp_width(0x1F600), 2); /* 😀 */
	assert_int_equal(text_cp_width(0x2400), 1);  /* the stand-ins */
	assert_int_equal(text_cp_width(0xFFFD), 1);
	/* Non-printable or not a character: one column. */
	assert_int_equal(text_cp_width(0x7F), 1);
	assert_int_equal(text_cp_width(0x1B), 1);
	assert_int_equal(text_cp_width(0x110000), 1);
}

static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("", 0), 0);
	assert_int_equal(text_width("hello", 5), 5);
	assert_int_equal(text_width("caf\xC3\xA9", 5), 4);
	assert_int_equal(text_width("cafe\xCC\x81", 6), 4);
	assert_int_equal(text_width("\xE4\xB8\xAD\xE6\x96\x87", 6), 4);
	assert_int_equal(text_width("a\xF0\x9F\x98\x80"
	                            "b",
	                            6),
	                 4);
}

/* The tests run in the "C" locale, where the libc says é is not printable: the widths
 * above prove the locale is not used. Check it stays so once set explicitly, and
 * that the thread's locale is given back. */
static void test_width_ignores_and_restores_locale(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C"));
	assert_int_equal(text_width("\xC3\xA9\xE4\xB8\xAD", 5), 3);
	assert_true(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);
	assert_int_equal(text_cp_width(0x4E2D), 2);
	assert_true(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);
	assert_int_equal(text_fit("\xE4\xB8\xAD", 3, 2, NULL), 3);
	assert_true(uselocale((locale_t)0) == LC_GLOBAL_LOCALE);
}

static void *width_worker(void *arg)
{
	size_t *bad = arg;

	for (int k = 0; k < 2000; k++) {
		if (text_width("\xE4\xB8\xAD"
		               "e\xCC\x81",
		               6) != 3)
			(*bad)++;
	}
	return NULL;
}

static void test_width_in_threads(void **state)
{
	pthread_t threads[4];
	size_t bad[4] = {0};
	(void)state;

	for (int t = 0; t < 4; t++)
		assert_int_equal(pthread_create(&threads[t], NULL, width_worker, &bad[t]), 0);
	for (int t = 0; t < 4; t++) {
		assert_int_equal(pthread_join(threads[t], NULL), 0);
		assert_int_equal(bad[t], 0);
	}
}

/* ---- fitting --------------------------------------------------------------------- */

static void test_fit(void **state)
{
	size_t used = 99;
	(void)state;

	assert_int_equal(text_fit("abcdef", 6, 3, &used), 3);
	assert_int_equal(used, 3);
	assert_int_equal(text_fit("abc", 3, 10, &used), 3);
	assert_int_equal(used, 3);
	assert_int_equal(text_fit("abc", 3, 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("", 0, 5, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit("abc", 3, 2, NULL), 2);
}

static void test_fit_keeps_combining_marks(void **state)
{
	const char s[] = "e\xCC\x81\xCC\xA3"
	                 "e\xCC\x81"; /* e + 2 marks, e + 1 mark */
	size_t used;
	(void)state;

	assert_int_equal(text_fit(s, sizeof s - 1, 1, &used), 5);
	assert_int_equal(used, 1);
	assert_int_equal(text_fit(s, sizeof s - 1, 2, &used), 8);
	assert_int_equal(used, 2);
	/* A base that does not fit leaves its marks behind with it. */
	assert_int_equal(text_fit(s, sizeof s - 1, 0, &used), 0);
	assert_int_equal(text_fit("\xE4\xB8\xAD\xCC\x81", 5, 1, &used), 0);
	assert_int_equal(used, 0);
}

static void test_fit_wide(void **state)
{
	const char s[] = "\xE4\xB8\xAD\xE6\x96\x87x"; /* 中文x */
	size_t used;
	(void)state;

	assert_int_equal(text_fit(s, sizeof s - 1, 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(text_fit(s, sizeof s - 1, 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(text_fit(s, sizeof s - 1, 4, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(text_fit(s, sizeof s - 1, 5, &used), 7);
	assert_int_equal(used, 5);
}

/* At every width, the prefix is the longest that fits and ends between characters,
 * never before a zero-width one. */
static void test_fit_never_splits(void **state)
{
	const char s[] = "A\xE4\xB8\xAD"
	                 "e\xCC\x81\xCC\xA3 \xF0\x9F\x98\x80x\xE2\x80\x8B"
	                 "\xC3\xA9\xEF\xBC\xA1"
	                 "b";
	const size_t n = sizeof s - 1;
	(void)state;

	for (size_t cols = 0; cols <= 16; cols++) {
		size_t used, fit = text_fit(s, n, cols, &used);

		assert_true(used <= cols);
		assert_int_equal(used, text_width(s, fit));
		if (fit == n)
			continue;
		assert_int_not_equal((unsigned char)s[fit] & 0xC0, 0x80);
		size_t after = fit;
		uint32_t cp = text_next_cp(s, n, &after);

		assert_true(text_cp_width(cp) > 0);
		assert_true(used + (size_t)text_cp_width(cp) > cols);
	}
}

/* ---- wrapping ---------------------------------------------------------------------- */

static void check_wrap(const char *s, size_t cols, size_t want_len, size_t want_next)
{
	size_t next = 12345;

	assert_int_equal(text_wrap_line(s, strlen(s), cols, &next), want_len);
	assert_int_equal(next, want_next);
}

static void test_wrap_words(void **state)
{
	(void)state;
	check_wrap("hello world foo", 11, 11, 12);
	check_wrap("hello world foo", 10, 5, 6);
	check_wrap("hello world foo", 5, 5, 6);
	check_wrap("hello world foo", 100, 15, 15);
	check_wrap("hello   world", 7, 5, 8);
	check_wrap("hello   world", 13, 13, 13);
	check_wrap("a b c d", 4, 3, 4);
	check_wrap("", 10, 0, 0);
}

static void test_wrap_long_word_is_cut(void **state)
{
	(void)state;
	check_wrap("abcdefghij", 4, 4, 4);
	check_wrap("ab abcdefghij", 4, 2, 3);
	check_wrap("abcdefghij klm", 4, 4, 4);
	check_wrap("abcd efgh", 4, 4, 5);
}

static void test_wrap_newlines(void **state)
{
	(void)state;
	check_wrap("ab\ncd", 10, 2, 3);
	check_wrap("ab   \ncd", 10, 2, 6);
	check_wrap("\ncd", 10, 0, 1);
	check_wrap("ab\n", 10, 2, 3);
	/* Spaces that only trail the line do not make a blank line of their own. */
	check_wrap("hello   \nworld", 5, 5, 9);
	check_wrap("aaaa \n\nbbb", 4, 4, 6);
	check_wrap("\nbbb", 4, 0, 1);
	/* The next paragraph's indent is kept. */
	check_wrap("ab\n  cd", 10, 2, 3);
}

static void test_wrap_leading_spaces(void **state)
{
	(void)state;
	check_wrap("  ab cd", 5, 4, 5);
	check_wrap("      abc", 3, 0, 6);
	check_wrap("    abcdefgh", 4, 0, 4);
	check_wrap("   ", 2, 0, 3);
	/* An indent stays with the word after it, which is cut as a long word. */
	check_wrap("  abcdef", 4, 4, 4);
	check_wrap("  Washington-based", 10, 10, 10);
}

static void test_wrap_wide(void **state)
{
	(void)state;
	/* 中 文字: the space breaks after 3 columns. */
	check_wrap("\xE4\xB8\xAD \xE6\x96\x87\xE5\xAD\x97", 4, 3, 4);
	/* No spaces in CJK: cut at the column limit, never inside a character. */
	check_wrap("\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 5, 6, 6);
	check_wrap("\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 6, 9, 9);
	/* Combining marks stay on the line of their base. */
	check_wrap("e\xCC\x81"
	           "e\xCC\x81"
	           "e",
	           2, 6, 6);
}

static void test_wrap_narrow(void **state)
{
	(void)state;
	/* Width 0 wraps as width 1 and always moves on. */
	check_wrap("abc", 0, 1, 1);
	check_wrap("a bc", 0, 1, 2);
	check_wrap("abc", 1, 1, 1);
	/* A character wider than the line gets a line of its own with its marks. */
	check_wrap("\xE4\xB8\xAD"
	           "a",
	           1, 3, 3);
	check_wrap("\xE4\xB8\xAD\xCC\x81"
	           "a",
	           0, 5, 5);
	check_wrap("\xE4\xB8\xAD\n"
	           "a",
	           1, 3, 4);
}

/* A line wider than cols must be one character (with its marks) too wide for it. */
static void assert_lone_character(const char *line, size_t len, size_t cols)
{
	size_t after_base = 0;

	text_next_cp(line, len, &after_base);
	assert_int_equal(text_width(line + after_base, len - after_base), 0);
	assert_int_equal(text_fit(line, len, cols, NULL), 0);
}

/* Wrapping a paragraph at every width loses nothing, repeats nothing, keeps lines
 * within the width (but for a lone wide character) and always moves on. */
static void test_wrap_paragraph(void **state)
{
	const char text[] = "The Department \xE4\xB8\xAD\xE6\x96\x87 announced   today that "
	                    "caf\xC3\xA9 cafe\xCC\x81 supercalifragilistic grants\n\n"
	                    "  total \xF0\x9F\x98\x80\xF0\x9F\x98\x80 $4 million. \n";
	const size_t n = sizeof text - 1;
	char kept[sizeof text], seen[sizeof text];
	size_t nkept = 0;
	(void)state;

	for (size_t i = 0; i < n; i++) {
		if (text[i] != ' ' && text[i] != '\n')
			kept[nkept++] = text[i];
	}
	for (size_t cols = 1; cols <= 60; cols++) {
		size_t at = 0, nseen = 0, lines = 0;

		while (at < n) {
			size_t next, len = text_wrap_line(text + at, n - at, cols, &next);

			assert_true(next > 0 && next <= n - at);
			assert_true(len <= next);
			if (text_width(text + at, len) > cols)
				assert_lone_character(text + at, len, cols);
			assert_true(len == 0 || text[at + len - 1] != ' ');
			for (size_t k = 0; k < len; k++) {
				assert_int_not_equal(text[at + k], '\n');
				if (text[at + k] != ' ')
					seen[nseen++] = text[at + k];
			}
			at += next;
			assert_true(++lines <= n);
		}
		assert_int_equal(nseen, nkept);
		assert_memory_equal(seen, kept, nkept);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_next_cp),
	        cmocka_unit_test(test_cp_width),
	        cmocka_unit_test(test_width),
	        cmocka_unit_test(test_width_ignores_and_restores_locale),
	        cmocka_unit_test(test_width_in_threads),
	        cmocka_unit_test(test_fit),
	        cmocka_unit_test(test_fit_keeps_combining_marks),
	        cmocka_unit_test(test_fit_wide),
	        cmocka_unit_test(test_fit_never_splits),
	        cmocka_unit_test(test_wrap_words),
	        cmocka_unit_test(test_wrap_long_word_is_cut),
	        cmocka_unit_test(test_wrap_newlines),
	        cmocka_unit_test(test_wrap_leading_spaces),
	        cmocka_unit_test(test_wrap_wide),
	        cmocka_unit_test(test_wrap_narrow),
	        cmocka_unit_test(test_wrap_paragraph),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
