#include "config.h"

#include "relview/ascii.h"
#include "relview/search.h"

#include <stdlib.h>
#include <string.h>

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

/* ---- two-byte filter: the pattern's first and last bytes, many places at once -----
 *
 * Every position is tested at once for "first byte here and last byte k-1 further"
 * over a whole vector of positions; only where both agree are the bytes between
 * compared (a one-byte pattern has none: its folded search is one pass, not a
 * memchr for each case, which ran to the end of the text for the rarer one).
 * Folding costs nothing: a letter's two cases differ in bit 0x20 only, so OR-ing
 * that bit into the text before comparing with the lower-case letter matches both
 * (and nothing else). Over release text this runs at several GB/s where a byte loop
 * or memmem run at a fraction of that. */

static bool middle_equal(const struct matcher *m, const char *at)
{
	return m->fold ? equal_folded(at + 1, m->pattern + 1, m->len - 2)
	               : memcmp(at + 1, m->pattern + 1, m->len - 2) == 0;
}

/* The byte loop for what the vector loops leave at the end of the text. */
static const char *find_bytes(const struct matcher *m, const char *hay, size_t n)
{
	if (!m->fold)
		return memmem(hay, n, m->pattern, m->len);
	return find_folded(m, hay, n);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* One vector width's loop, written once for SSE2 (every x86-64) and AVX2. */
#define DEFINE_FIND_VECTOR(name, attr, vec, set1, loadu, or, cmpeq, and, movemask)                 \
	attr static const char *name(const struct matcher *m, const char *hay, size_t n)           \
	{                                                                                          \
		const size_t k = m->len, width = sizeof(vec);                                      \
		const char f = m->pattern[0], l = m->pattern[k - 1];                               \
		const vec first = set1(f), last = set1(l);                                         \
		const vec fold_first = set1(m->fold && ascii_is_lower(f) ? 0x20 : 0);              \
		const vec fold_last = set1(m->fold && ascii_is_lower(l) ? 0x20 : 0);               \
		size_t i = 0;                                                                      \
		for (; i + k - 1 + width <= n; i += width) {                                       \
			vec a = or (loadu((const vec *)(const void *)(hay + i)), fold_first);      \
			vec b = or                                                                 \
			        (loadu((const vec *)(const void *)(hay + i + k - 1)), fold_last);  \
			unsigned mask = (unsigned)movemask(and(cmpeq(a, first), cmpeq(b, last)));  \
			for (; mask; mask &= mask - 1) {                                           \
				const char *at = hay + i + (unsigned)__builtin_ctz(mask);          \
				if (k < 2 || middle_equal(m, at))                                  \
					return at;                                                 \
			}                                                                          \
		}                                                                                  \
		return find_bytes(m, hay + i, n - i);                                              \
	}

DEFINE_FIND_VECTOR(find_sse2, , __m128i, _mm_set1_epi8, _mm_loadu_si128, _mm_or_si128,
                   _mm_cmpeq_epi8, _mm_and_si128, _mm_movemask_epi8)
DEFINE_FIND_VECTOR(find_avx2, __attribute__((target("avx2"))), __m256i, _mm256_set1_epi8,
                   _mm256_loadu_si256, _mm256_or_si256, _mm256_cmpeq_epi8, _mm256_and_si256,
                   _mm256_movemask_epi8)

static const char *find_wide(const struct matcher *m, const char *hay, size_t n)
{
	return __builtin_cpu_supports("avx2") ? find_avx2(m, hay, n) : find_sse2(m, hay, n);
}
#else
#define find_wide find_bytes
#endif

const char *matcher_find(const struct matcher *m, const char *hay, size_t n)
{
	if (m->len == 0)
		return hay;
	if (n < m->len)
		return NULL;
	if (m->len == 1 && !m->fold)
		return memchr(hay, m->pattern[0], n);
	return find_wide(m, hay, n);
}
