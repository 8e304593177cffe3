#include "config.h"

#include "relview/search.h"

#include <stdlib.h>
#include <string.h>

static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

bool matcher_init(struct matcher *m, const char *pattern, size_t len)
{
	m->len = len;
	m->fold = true;
	for (size_t i = 0; i < len; i++)
		if (pattern[i] >= 'A' && pattern[i] <= 'Z')
			m->fold = false;
	m->pattern = malloc(len + 1);
	if (!m->pattern)
		return false;
	for (size_t i = 0; i < len; i++)
		m->pattern[i] = m->fold ? ascii_lower(pattern[i]) : pattern[i];
	m->pattern[len] = '\0';
	return true;
}

void matcher_free(struct matcher *m)
{
	free(m->pattern);
	m->pattern = NULL;
}

static bool equal_folded(const char *hay, const char *lower_pattern, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (ascii_lower(hay[i]) != lower_pattern[i])
			return false;
	return true;
}

static const char *earlier(const char *a, const char *b)
{
	if (!a || !b)
		return a ? a : b;
	return a < b ? a : b;
}

/* Case-folded search. Candidates are found with memchr for the first byte in each
 * case: memchr is vectorised, so two such scans beat one folding byte loop. */
static const char *find_folded(const struct matcher *m, const char *hay, size_t n)
{
	const char *end = hay + n, *last = end - m->len;
	char lower = m->pattern[0];
	char upper = lower >= 'a' && lower <= 'z' ? (char)(lower - 'a' + 'A') : lower;
	const char *next_lower = memchr(hay, lower, n);
	const char *next_upper = upper != lower ? memchr(hay, upper, n) : NULL;
	for (;;) {
		const char *p = earlier(next_lower, next_upper);
		if (!p || p > last)
			return NULL;
		if (equal_folded(p + 1, m->pattern + 1, m->len - 1))
			return p;
		if (p == next_lower)
			next_lower = memchr(p + 1, lower, (size_t)(end - p - 1));
		else
			next_upper = memchr(p + 1, upper, (size_t)(end - p - 1));
	}
}

const char *matcher_find(const struct matcher *m, const char *hay, size_t n)
{
	if (m->len == 0)
		return hay;
	if (n < m->len)
		return NULL;
	if (!m->fold)
		return memmem(hay, n, m->pattern, m->len);
	return find_folded(m, hay, n);
}
