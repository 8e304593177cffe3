/* What the fuzz targets share. Each target is one libFuzzer entry point that checks
 * the invariants its module promises; a broken invariant aborts with the condition,
 * so that libFuzzer — or the replay of the corpus in `make check` (replay.c) — shows
 * it with the input that broke it. */
#ifndef RELVIEW_FUZZ_H
#define RELVIEW_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static inline _Noreturn void fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
	abort();
}

#define FUZZ_CHECK(cond) ((cond) ? (void)0 : fuzz_fail(#cond, __FILE__, __LINE__))

/* Length of the UTF-8 sequence at s (shortest form, no surrogates, at most U+10FFFF)
 * and its code point, or 0: written apart from text.c so as not to trust it. */
static inline size_t fuzz_utf8_char(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len = s[0] < 0x80   ? 1
	             : s[0] < 0xC2 ? 0
	             : s[0] < 0xE0 ? 2
	             : s[0] < 0xF0 ? 3
	             : s[0] < 0xF5 ? 4
	                           : 0;
	if (len == 0 || len > n)
		return 0;
	uint32_t c = len == 1 ? s[0] : s[0] & (0x7Fu >> len);
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[k] & 0x3Fu);
	}
	static const uint32_t least[5] = {0, 0, 0x80, 0x800, 0x10000};
	if (c < least[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* A code point that must never reach a terminal: a control, DEL, a C1 control, a
 * line or paragraph separator, a bidi control. */
static inline bool fuzz_is_unsafe(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
	       cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

/* Decoded text: valid UTF-8 and nothing unsafe but (when allowed) '\n'. */
static inline void fuzz_check_clean(const char *text, size_t n, bool newlines)
{
	const unsigned char *s = (const unsigned char *)text;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t len = fuzz_utf8_char(s + i, n - i, &cp);
		FUZZ_CHECK(len > 0);
		FUZZ_CHECK(!fuzz_is_unsafe(cp) || (newlines && cp == '\n'));
		i += len;
	}
}

/* The bytes at text[off] start a character. */
static inline bool fuzz_at_boundary(const char *text, size_t n, size_t off)
{
	return off == n || ((unsigned char)text[off] & 0xC0) != 0x80;
}

#endif
