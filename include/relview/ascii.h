/* ascii — character classes and case of ASCII bytes, whatever the locale: <ctype.h>
 * answers by the locale's character type, and relview's text is UTF-8 whatever the
 * locale is. Bytes from 0x80 up (parts of UTF-8 characters) are in no class. */
#ifndef RELVIEW_ASCII_H
#define RELVIEW_ASCII_H

#include <stdbool.h>
#include <stddef.h>

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
