/* Fuzz target: text_decode() and the width, fit and wrap code on what it makes. The
 * first input byte picks the column count, the rest is the raw text. */
#include "config.h"

#include "fuzz.h"

#include "relview/text.h"

#include <string.h>

/* The width of s without its first character: 0 when s is one character with its
 * combining marks. */
static size_t width_after_first(const char *s, size_t n)
{
	size_t i = 0;
	text_next_cp(s, n, &i);
	return text_width(s + i, n - i);
}

/* text_fit(): the longest whole-character prefix within the columns. */
static void check_fit(const char *s, size_t n, size_t cols)
{
	size_t used = 0, fit = text_fit(s, n, cols, &used);
	FUZZ_CHECK(fit <= n && used <= cols);
	FUZZ_CHECK(fuzz_at_boundary(s, n, fit));
	FUZZ_CHECK(text_width(s, fit) == used);
	if (fit < n) {
		size_t next = fit;
		uint32_t cp = text_next_cp(s, n, &next);
		FUZZ_CHECK((size_t)text_cp_width(cp) > cols - used);
	}
}

/* One wrapped line: whole characters, no '\n', within the columns unless it is one
 * character too wide for them. */
static void check_line(const char *line, size_t len, size_t cols)
{
	FUZZ_CHECK(memchr(line, '\n', len) == NULL);
	size_t width = text_width(line, len);
	FUZZ_CHECK(width <= (cols ? cols : 1) || width_after_first(line, len) == 0);
}

/* text_wrap_line() over the whole text: every step advances, and what lies between
 * one line's end and the next line's start is spaces and at most one '\n', so that
 * wrapping neither loses nor repeats a visible byte. */
static void check_wrap(const char *s, size_t n, size_t cols)
{
	for (size_t pos = 0; pos < n;) {
		size_t next = 0, len = text_wrap_line(s + pos, n - pos, cols, &next);
		FUZZ_CHECK(next > 0 && next <= n - pos && len <= next);
		FUZZ_CHECK(fuzz_at_boundary(s, n, pos + len) && fuzz_at_boundary(s, n, pos + next));
		check_line(s + pos, len, cols);
		size_t newlines = 0;
		for (size_t k = pos + len; k < pos + next; k++) {
			FUZZ_CHECK(s[k] == ' ' || s[k] == '\n');
			newlines += s[k] == '\n';
		}
		FUZZ_CHECK(newlines <= 1);
		pos += next;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	size_t cols = data[0], n = size - 1;
	char *out = malloc(text_decoded_max(n) + 1);
	if (!out)
		return 0;
	static const unsigned flags[] = {0, TEXT_KEEP_NEWLINES};
	for (size_t f = 0; f < 2; f++) {
		size_t len = text_decode(data + 1, n, out, flags[f]);
		FUZZ_CHECK(len <= text_decoded_max(n));
		fuzz_check_clean(out, len, flags[f] & TEXT_KEEP_NEWLINES);
		check_fit(out, len, cols);
		check_wrap(out, len, cols);
	}
	text_looks_binary(data + 1, n);
	free(out);
	return 0;
}
