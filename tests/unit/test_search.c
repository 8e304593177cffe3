/* search and fold: the one matcher of every search — smart case, smart accents,
 * typographic kin, phrases over white space — against a plain definition of a
 * match, and hostile patterns. */
#include "config.h"

#include "relview/fold.h"
#include "relview/search.h"
#include "relview/text.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* Where pattern first matches in hay (-1: nowhere), and the match's length. */
static long find_at(const char *pattern, const char *hay, size_t *len)
{
	struct matcher m;
	size_t n;
	assert_true(matcher_init(&m, pattern, strlen(pattern)));
	const char *at = matcher_find(&m, hay, strlen(hay), &n);
	matcher_free(&m);
	if (len)
		*len = n;
	return at ? at - hay : -1;
}

static bool finds(const char *pattern, const char *hay)
{
	return find_at(pattern, hay, NULL) >= 0;
}

static void smart_case(void **state)
{
	(void)state;
	const char hay[] = "The ICE agents met. Ice cream followed.";
	assert_int_equal(find_at("ice", hay, NULL), 4);
	assert_int_equal(find_at("Ice", hay, NULL), 20);
	assert_int_equal(find_at("cream followed.", hay, NULL), 24);
	struct matcher m;
	size_t n;
	assert_true(matcher_init(&m, "cream followed.", 15));
	assert_null(matcher_find(&m, hay, sizeof hay - 2, &n)); /* a match may not run past n */
	matcher_free(&m);
	assert_true(matcher_init(&m, "", 0));
	assert_ptr_equal(matcher_find(&m, hay, 0, &n), hay);
	assert_int_equal(n, 0);
	matcher_free(&m);
}

/* Case folding is Unicode's, and a capital anywhere asks for case as typed. */
static void unicode_case(void **state)
{
	(void)state;
	assert_true(finds("peñablanquito", "in PEÑABLANQUITO today"));
	assert_true(finds("peñablanquito", "in Peñablanquito today"));
	assert_true(finds("straße", "STRASSE")); /* Unicode's folding: ß is ss */
	assert_true(finds("stras", "Straße"));   /* within a letter's folding */
	assert_true(finds("inf", "the inﬂuence"));
	assert_true(finds("luence", "the inﬂuence"));
	assert_true(finds("l", "ﬂ"));
	assert_true(finds("ελλάδα", "ΕΛΛΆΔΑ"));
	assert_false(finds("Peñablanquito", "PEÑABLANQUITO"));
	assert_false(finds("Ñ", "ñ"));
	assert_true(finds("Ñ", "AÑO"));
}

/* A pattern with no accented letter matches any accents; one with an accent,
 * exactly that accent (in any case, unless it has a capital). */
static void smart_accents(void **state)
{
	(void)state;
	size_t len;
	assert_int_equal(find_at("mayaguez", "to Mayagüez, PR", &len), 3);
	assert_int_equal(len, strlen("Mayagüez"));
	assert_true(finds("mayaguez", "MAYAGÜEZ, P.R. —"));
	assert_true(finds("pena", "José Peña"));
	assert_true(finds("juarez", "Ciudad Juárez"));
	assert_true(finds("bogota", "BOGOTÁ"));
	assert_true(finds("Mayaguez", "Mayagüez"));
	assert_false(finds("Mayaguez", "MAYAGÜEZ"));
	assert_true(finds("mayagüez", "MAYAGÜEZ"));
	assert_false(finds("mayagüez", "Mayaguez"));
	assert_false(finds("peña", "pena"));
	/* Text decomposed (n + combining tilde) is the same letters. */
	assert_true(finds("peña", "Pen\xcc\x83"
	                          "a"));
	assert_true(finds("pena", "Pen\xcc\x83"
	                          "a"));
	assert_int_equal(find_at("pen",
	                         "Pen\xcc\x83"
	                         "a",
	                         &len),
	                 0);
	assert_int_equal(len, strlen("Pen\xcc\x83")); /* the accent goes with its letter */
	/* A match begins on a letter, not on the accent of the one before. */
	assert_int_equal(find_at("a",
	                         "e\xcc\x81"
	                         "a",
	                         NULL),
	                 3);
}

/* Curly quotes and dashes are their ASCII kin; a space is any white-space run. */
static void typographic_kin_and_phrases(void **state)
{
	(void)state;
	assert_true(finds("o'brien", "Agent O’Brien said"));
	assert_true(finds("o’brien", "Agent O'Brien said"));
	assert_true(finds("ms-13", "members of MS‑13"));
	assert_true(finds("ice agents", "ICE\n  agents"));
	assert_true(finds("ice agents", "ICE\xc2\xa0"
	                                "agents")); /* no-break space */
	assert_false(finds("ice agents", "ICEagents"));
	assert_true(finds("  ice   agents ", "ice agents")); /* the pattern is trimmed */
	size_t len;
	assert_int_equal(find_at("ice agents", "the ice \t agents", &len), 4);
	assert_int_equal(len, strlen("ice \t agents"));
}

/* The plain definition of a match: fold the whole text and the pattern, then the
 * first place the folded pattern occurs, as the character it begins in. */
static long defined_find(const char *pattern, const char *hay)
{
	size_t n = strlen(hay), k = strlen(pattern);
	unsigned flags = fold_flags_for(pattern, k);
	uint32_t *text = malloc((n * FOLD_MAX + 1) * sizeof *text);
	size_t *from = malloc((n * FOLD_MAX + 1) * sizeof *from);
	uint32_t want[256];
	size_t nt = 0, nw = 0;
	assert_non_null(text);
	assert_non_null(from);
	for (size_t i = 0; i < k;) {
		uint32_t out[FOLD_MAX];
		size_t c = fold_char(text_next_cp(pattern, k, &i), flags, out);
		memcpy(want + nw, out, c * sizeof *out);
		nw += c;
	}
	for (size_t i = 0; i < n;) {
		size_t at = i;
		uint32_t out[FOLD_MAX];
		size_t c = fold_char(text_next_cp(hay, n, &i), flags, out);
		for (size_t j = 0; j < c; j++) {
			text[nt] = out[j];
			from[nt++] = at;
		}
	}
	/* Anywhere in the folded text: a match may begin or end within a character
	 * that folds to several code points ("fl" of "ﬂ"). */
	long found = -1;
	for (size_t i = 0; found < 0 && i + nw <= nt; i++)
		if (memcmp(text + i, want, nw * sizeof *want) == 0)
			found = (long)from[i];
	free(text);
	free(from);
	return found;
}

/* Random texts and patterns over letters, their accented and upper-case forms,
 * decomposed accents, curly quotes, letters that fold to two (ß, ligatures) and
 * bytes that are no UTF-8: the fast paths agree with the definition. */
static void agrees_with_the_definition(void **state)
{
	(void)state;
	static const char *const pieces[] = {"a", "A", "e", "é", "É", "e\xcc\x81", "n", "ñ", "Ñ",
	                                     "u", "ü", "'", "’", "x", "@",         "`", "K", "k"};
	const size_t npieces = sizeof pieces / sizeof *pieces;
	unsigned seed = 11;
	char hay[400], pat[40];
	for (int round = 0; round < 20000; round++) {
		size_t n = (seed = seed * 1103515245 + 12345) / 65536 % 60;
		size_t k = 1 + (seed = seed * 1103515245 + 12345) / 65536 % 5;
		hay[0] = pat[0] = '\0';
		for (size_t i = 0; i < n; i++)
			strcat(hay, pieces[(seed = seed * 1103515245 + 12345) / 65536 % npieces]);
		for (size_t i = 0; i < k; i++)
			strcat(pat, pieces[(seed = seed * 1103515245 + 12345) / 65536 % npieces]);
		if (find_at(pat, hay, NULL) != defined_find(pat, hay))
			fail_msg("pattern '%s' in '%s': found at %ld, defined at %ld", pat, hay,
			         find_at(pat, hay, NULL), defined_find(pat, hay));
	}
}

/* The plain byte definition, for ASCII text (where it is the whole story). */
static const char *naive_find(const char *hay, size_t n, const char *pat, size_t k, bool fold)
{
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k &&
		       (fold ? tolower((unsigned char)hay[i + j]) == tolower((unsigned char)pat[j])
		             : hay[i + j] == pat[j]))
			j++;
		if (j == k)
			return hay + i;
	}
	return NULL;
}

/* The vector scan, at every length and alignment: letters of both cases and the
 * bytes that differ from letters in bit 0x20 only ('@' and '`', '[' and '{'). */
static void vector_search_agrees_with_the_definition(void **state)
{
	(void)state;
	static const char alphabet[] = "aAbB@`[{";
	char hay[300], pat[8];
	unsigned seed = 7;
	for (int round = 0; round < 20000; round++) {
		size_t n = (seed = seed * 1103515245 + 12345) % sizeof hay;
		size_t k = 1 + (seed = seed * 1103515245 + 12345) / 7 % (sizeof pat - 1);
		for (size_t i = 0; i < n; i++)
			hay[i] = alphabet[(seed = seed * 1103515245 + 12345) / 65536 %
			                  (sizeof alphabet - 1)];
		for (size_t i = 0; i < k; i++)
			pat[i] = alphabet[(seed = seed * 1103515245 + 12345) / 65536 %
			                  (sizeof alphabet - 1)];
		struct matcher m;
		size_t len;
		assert_true(matcher_init(&m, pat, k));
		const char *want = naive_find(hay, n, pat, k, m.needle_fold);
		assert_ptr_equal(matcher_find(&m, hay, n, &len), want);
		matcher_free(&m);
	}
}

/* Invalid UTF-8 and long patterns are searched for, never a crash or a read past
 * the text. */
static void hostile_patterns(void **state)
{
	(void)state;
	assert_true(finds("\xff\xfe", "a \xff\xfe b"));
	assert_false(finds("\xc3", "abc"));
	assert_true(finds("caf\xc3", "café? caf\xc3"));
	size_t big = 100000;
	char *pattern = malloc(big + 1), *hay = malloc(big + 2);
	assert_non_null(pattern);
	assert_non_null(hay);
	memset(pattern, 'a', big);
	pattern[big] = '\0';
	memset(hay, 'a', big + 1);
	hay[big - 1] = '\xc3'; /* an accent's first byte, cut, near the end */
	hay[big + 1] = '\0';
	assert_false(finds(pattern, hay));
	memset(hay, 'a', big + 1);
	assert_int_equal(find_at(pattern, hay, NULL), 0);
	free(pattern);
	free(hay);
}

static void fold_flags(void **state)
{
	(void)state;
	assert_int_equal(fold_flags_for("mayaguez", 8), FOLD_CASE | FOLD_ACCENTS);
	assert_int_equal(fold_flags_for("Mayaguez", 8), FOLD_ACCENTS);
	assert_int_equal(fold_flags_for("mayagüez", strlen("mayagüez")), FOLD_CASE);
	assert_int_equal(fold_flags_for("MAYAGÜEZ", strlen("MAYAGÜEZ")), 0);
	assert_int_equal(fold_flags_for("o’brien", strlen("o’brien")), FOLD_CASE | FOLD_ACCENTS);
	char out[64];
	assert_int_equal(fold_string("São Paulo, BRASIL", 18, FOLD_CASE | FOLD_ACCENTS, out),
	                 strlen("sao paulo, brasil"));
	assert_string_equal(out, "sao paulo, brasil");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(smart_case),
	        cmocka_unit_test(unicode_case),
	        cmocka_unit_test(smart_accents),
	        cmocka_unit_test(typographic_kin_and_phrases),
	        cmocka_unit_test(agrees_with_the_definition),
	        cmocka_unit_test(vector_search_agrees_with_the_definition),
	        cmocka_unit_test(hostile_patterns),
	        cmocka_unit_test(fold_flags),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
