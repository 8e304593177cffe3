/* ascii — character classes and case of ASCII bytes, whatever the locale: <ctype.h>
 * answers by the locale's character type, and relview's text is UTF-8 whatever the
 * locale is. Bytes from 0x80 up (parts of UTF-8 characters) are in no class. */
#ifndef RELVIEW_ASCII_H
#define RELVIEW_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

static inline bool ascii_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool ascii_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool ascii_is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool ascii_is_alpha(char c)
{
	return ascii_is_upper(c) || ascii_is_lower(c);
}

/* Space, tab, and the line and page breaks. */
static inline bool ascii_is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static inline char ascii_lower(char c)
{
	return ascii_is_upper(c) ? (char)(c - 'A' + 'a') : c;
}

static inline char ascii_upper(char c)
{
	return ascii_is_lower(c) ? (char)(c - 'a' + 'A') : c;
}

/* strncasecmp() for ASCII letters whatever the locale: the C library's follows
 * LC_CTYPE, and in a Turkish locale "I" is not "i" to it. Compares at most n bytes,
 * stopping at a NUL; the sign says which is first, lower case being compared. */
static inline int ascii_ncasecmp(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ca = (unsigned char)ascii_lower(a[i]);
		unsigned char cb = (unsigned char)ascii_lower(b[i]);
		if (ca != cb)
			return ca - cb;
		if (ca == 0)
			break;
	}
	return 0;
}

/* strcasecmp() for ASCII letters whatever the locale (see ascii_ncasecmp()). */
static inline int ascii_casecmp(const char *a, const char *b)
{
	return ascii_ncasecmp(a, b, SIZE_MAX);
}

/* strcasestr() for ASCII letters whatever the locale: does s contain word? */
static inline bool ascii_contains(const char *s, const char *word)
{
	size_t n = 0;
	while (word[n])
		n++;
	for (; *s; s++)
		if (ascii_ncasecmp(s, word, n) == 0)
			return true;
	return n == 0;
}

/* Lower the case of a NUL-terminated string in place. */
static inline void ascii_lower_string(char *s)
{
	for (; *s; s++)
		*s = ascii_lower(*s);
}

/* Narrow [*s, *s + *len) to leave out the white space at both ends. */
static inline void ascii_trim(const char **s, size_t *len)
{
	while (*len && ascii_is_space(**s))
		++*s, --*len;
	while (*len && ascii_is_space((*s)[*len - 1]))
		--*len;
}

#endif
