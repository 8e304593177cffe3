#include "config.h"

/* utf8.c — reading and upper-casing relgen's own UTF-8 text (see utf8.h). */

#include "utf8.h"

/* Decode one code point of valid UTF-8 (our own text) and advance *i. */
uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	if (p[0] < 0x80 || left < 2) {
		*i += 1;
		return p[0];
	}
	if (p[0] < 0xE0) {
		*i += 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0 || left < 4) {
		*i += 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	}
	*i += 4;
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Upper case for ASCII and Latin-1 letters ("Bogotá" -> "BOGOTÁ"). */
void buf_upper(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 'a' && *p <= 'z') {
			buf_chr(b, (char)(*p - 32));
		} else if (p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
			buf_chr(b, (char)0xC3);
			buf_chr(b, (char)(p[1] - 0x20));
			p++;
		} else {
			buf_chr(b, (char)*p);
		}
	}
}

/* The ASCII letter a Latin-1 letter is written with in a file name, or 0. */
char latin1_base(uint32_t cp)
{
	static const char map[] =
	        "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	if (cp < 0xC0 || cp > 0xFF)
		return 0;
	char c = map[cp - 0xC0];
	return c == 'x' || c == '/' ? 0 : c;
}
