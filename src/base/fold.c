#include "config.h"

#include "relview/fold.h"

#include "relview/ascii.h"
#include "relview/text.h"

#include <utf8proc.h>

size_t fold_char(uint32_t cp, unsigned flags, uint32_t out[FOLD_MAX])
{
	if (cp < 0x80) {
		out[0] = (flags & FOLD_CASE) ? (uint32_t)ascii_lower((char)cp) : cp;
		return 1;
	}
	utf8proc_option_t options = UTF8PROC_DECOMPOSE | UTF8PROC_LUMP;
	if (flags & FOLD_CASE)
		options |= UTF8PROC_CASEFOLD;
	if (flags & FOLD_ACCENTS)
		options |= UTF8PROC_STRIPMARK;
	utf8proc_int32_t buf[FOLD_MAX];
	utf8proc_ssize_t n =
	        utf8proc_decompose_char((utf8proc_int32_t)cp, buf, FOLD_MAX, options, NULL);
	/* An error or a longer folding than any Unicode has: the code point itself. */
	if (n < 0 || n > FOLD_MAX) {
		out[0] = cp;
		return 1;
	}
	for (utf8proc_ssize_t i = 0; i < n; i++)
		out[i] = (uint32_t)buf[i];
	return (size_t)n;
}

uint32_t fold_lower(uint32_t cp)
{
	return cp < 0x80 ? (uint32_t)ascii_lower((char)cp)
	                 : (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

bool fold_is_space(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_is_space((char)cp);
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

static bool is_mark(uint32_t cp)
{
	utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
	return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

/* A letter with an accent: a mark itself, or one in its canonical decomposition. */
static bool is_accented(uint32_t cp)
{
	uint32_t parts[FOLD_MAX];
	size_t n = fold_char(cp, 0, parts);
	for (size_t i = 0; i < n; i++)
		if (is_mark(parts[i]))
			return true;
	return false;
}

unsigned fold_flags_for(const char *s, size_t n)
{
	unsigned flags = FOLD_CASE | FOLD_ACCENTS;
	for (size_t i = 0; i < n;) {
		uint32_t cp = text_next_cp(s, n, &i);
		if (cp < 0x80) {
			if (ascii_is_upper((char)cp))
				flags &= ~(unsigned)FOLD_CASE;
			continue;
		}
		if ((uint32_t)utf8proc_tolower((utf8proc_int32_t)cp) != cp)
			flags &= ~(unsigned)FOLD_CASE;
		if (is_accented(cp))
			flags &= ~(unsigned)FOLD_ACCENTS;
	}
	return flags;
}

size_t fold_string_max(size_t n)
{
	/* A byte of input is at most one code point, which folds to at most FOLD_MAX,
	 * each at most 4 bytes of UTF-8. */
	return n * FOLD_MAX * 4 + 1;
}

size_t fold_string(const char *s, size_t n, unsigned flags, char *out)
{
	size_t len = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp = text_next_cp(s, n, &i), folded[FOLD_MAX];
		size_t k = fold_char(cp, flags, folded);
		for (size_t j = 0; j < k; j++)
			len += text_utf8_encode(folded[j], out + len);
	}
	out[len] = '\0';
	return len;
}
