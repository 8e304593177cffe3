#include "config.h"

#include "relview/search.h"

#include "relview/ascii.h"
#include "relview/fold.h"
#include "relview/grow.h"
#include "relview/text.h"

#include <stdlib.h>
#include <string.h>

/* ---- the pattern ---------------------------------------------------------------- */

/* Fold the pattern code point by code point; white space runs become one ' ', none
 * at either end. */
static bool fold_pattern(struct matcher *m, const char *s, size_t n)
{
	size_t cap = 0;
	bool space = false;
	for (size_t i = 0; i < n;) {
		uint32_t cp = text_next_cp(s, n, &i), out[FOLD_MAX];
		if (fold_is_space(cp)) {
			space = m->nfolded > 0;
			continue;
		}
		size_t k = fold_char(cp, m->flags, out);
		if (!grow_array((void **)&m->folded, &cap, m->nfolded + k + 1, sizeof *m->folded))
			return false;
		if (space && k) {
			m->folded[m->nfolded++] = ' ';
			space = false;
		}
		memcpy(m->folded + m->nfolded, out, k * sizeof *out);
		m->nfolded += k;
	}
	return true;
}

/* The needle: the folded pattern's leading run, up to its first space, when the
 * pattern is ASCII. A pattern with a non-ASCII code point has none: each of its
 * matches holds a non-ASCII character (ASCII folds to ASCII), which the scan
 * around such characters finds, and a short needle ("e" of "école") would only
 * send every "e" of the text to be checked. */
static bool take_needle(struct matcher *m)
{
	size_t k = 0;
	bool ascii = true;
	for (size_t i = 0; i < m->nfolded; i++)
		ascii = ascii && m->folded[i] < 0x80;
	while (ascii && k < m->nfolded && m->folded[k] != ' ')
		k++;
	m->needle = malloc(k + 1);
	if (!m->needle)
		return false;
	for (size_t i = 0; i < k; i++)
		m->needle[i] = (char)m->folded[i];
	m->needle[k] = '\0';
	m->needle_len = k;
	m->needle_fold = (m->flags & FOLD_CASE) != 0;
	m->whole = k == m->nfolded;
	return true;
}

static int compare_cp(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* The pattern's code points, sorted, once each: what a text letter may fold into. */
static bool take_distinct(struct matcher *m)
{
	m->distinct = malloc((m->nfolded ? m->nfolded : 1) * sizeof *m->distinct);
	if (!m->distinct)
		return false;
	if (m->nfolded)
		memcpy(m->distinct, m->folded, m->nfolded * sizeof *m->folded);
	qsort(m->distinct, m->nfolded, sizeof *m->distinct, compare_cp);
	size_t n = 0;
	for (size_t i = 0; i < m->nfolded; i++)
		if (n == 0 || m->distinct[n - 1] != m->distinct[i])
			m->distinct[n++] = m->distinct[i];
	m->ndistinct = n;
	return true;
}

/* Could a character that folds to out[0..k) be part of a match: does something it
 * folds to occur in the pattern (a match may begin or end within a character's
 * folding), or is it a mark dropped (which can sit anywhere in one)? */
static bool folding_in_pattern(const struct matcher *m, const uint32_t *out, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (bsearch(&out[i], m->distinct, m->ndistinct, sizeof *m->distinct, compare_cp))
			return true;
	return k == 0;
}

/* The bit of cp in near[], or MATCHER_NEAR_BITS when it has none. */
static size_t near_bit(uint32_t cp)
{
	if (cp >= 0x80 && cp < 0x800)
		return cp;
	if (cp >= 0x2000 && cp < 0x2070)
		return 0x800 + (cp - 0x2000);
	return MATCHER_NEAR_BITS;
}

/* The common non-ASCII code points are decided once per pattern: worth decoding
 * around, and folding to several code points (where a match may begin within). */
static void fill_near(struct matcher *m)
{
	memset(m->near, 0, sizeof m->near);
	memset(m->several, 0, sizeof m->several);
	memset(m->begins, 0, sizeof m->begins);
	for (uint32_t cp = 0x80; cp < 0x2070; cp = cp == 0x7ff ? 0x2000 : cp + 1) {
		size_t bit = near_bit(cp);
		uint32_t out[FOLD_MAX];
		size_t k = fold_char(cp, m->flags, out);
		if (bit < MATCHER_NEAR_BITS && folding_in_pattern(m, out, k))
			m->near[bit / 8] |= (uint8_t)(1u << (bit % 8));
		if (bit < MATCHER_NEAR_BITS && k > 1)
			m->several[bit / 8] |= (uint8_t)(1u << (bit % 8));
		if (bit < MATCHER_NEAR_BITS && k > 0 && m->nfolded && out[0] == m->folded[0])
			m->begins[bit / 8] |= (uint8_t)(1u << (bit % 8));
	}
}

static bool worth_decoding(const struct matcher *m, uint32_t cp)
{
	size_t bit = near_bit(cp);
	if (bit < MATCHER_NEAR_BITS)
		return m->near[bit / 8] & (1u << (bit % 8));
	uint32_t out[FOLD_MAX];
	return folding_in_pattern(m, out, fold_char(cp, m->flags, out));
}

/* Does cp fold to more than one code point (from the table for the common ones)? */
static bool folds_to_several(const struct matcher *m, uint32_t cp)
{
	size_t bit = near_bit(cp);
	if (bit < MATCHER_NEAR_BITS)
		return m->several[bit / 8] & (1u << (bit % 8));
	uint32_t out[FOLD_MAX];
	return fold_char(cp, m->flags, out) > 1;
}

bool matcher_init(struct matcher *m, const char *pattern, size_t len)
{
	*m = (struct matcher){.flags = fold_flags_for(pattern, len)};
	if (!fold_pattern(m, pattern, len) || !take_needle(m) || !take_distinct(m)) {
		matcher_free(m);
		return false;
	}
	fill_near(m);
	return true;
}

void matcher_free(struct matcher *m)
{
	free(m->folded);
	free(m->needle);
	free(m->distinct);
	*m = (struct matcher){0};
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
	const char *end = hay + n, *last = end - m->needle_len;
	char lower = m->needle[0];
	char upper = lower >= 'a' && lower <= 'z' ? (char)(lower - 'a' + 'A') : lower;
	const char *next_lower = memchr(hay, lower, n);
	const char *next_upper = upper != lower ? memchr(hay, upper, n) : NULL;
	for (;;) {
		const char *p = earlier(next_lower, next_upper);
		if (!p || p > last)
			return NULL;
		if (equal_folded(p + 1, m->needle + 1, m->needle_len - 1))
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
	return m->needle_fold ? equal_folded(at + 1, m->needle + 1, m->needle_len - 2)
	                      : memcmp(at + 1, m->needle + 1, m->needle_len - 2) == 0;
}

/* The byte loop for what the vector loops leave at the end of the text. */
static const char *find_bytes(const struct matcher *m, const char *hay, size_t n)
{
	if (n < m->needle_len)
		return NULL;
	if (!m->needle_fold)
		return memmem(hay, n, m->needle, m->needle_len);
	return find_folded(m, hay, n);
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

/* One vector width's loop, written once for SSE2 (every x86-64) and AVX2. */
#define DEFINE_FIND_VECTOR(name, attr, vec, set1, loadu, or, cmpeq, and, movemask)                 \
	attr static const char *name(const struct matcher *m, const char *hay, size_t n)           \
	{                                                                                          \
		const size_t k = m->needle_len, width = sizeof(vec);                               \
		const char f = m->needle[0], l = m->needle[k - 1];                                 \
		const vec first = set1(f), last = set1(l);                                         \
		const vec fold_first = set1(m->needle_fold && ascii_is_lower(f) ? 0x20 : 0);       \
		const vec fold_last = set1(m->needle_fold && ascii_is_lower(l) ? 0x20 : 0);        \
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

/* The code point at s[*i] (not ASCII), as text_next_cp reads it; the two- and
 * three-byte forms, which are nearly all of release text's, without a call. */
static inline uint32_t next_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	if (p[0] >= 0xc2 && p[0] < 0xe0 && left >= 2 && (p[1] & 0xc0) == 0x80) {
		*i += 2;
		return (uint32_t)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
	}
	if (p[0] >= 0xe1 && p[0] < 0xed && left >= 3 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80) {
		*i += 3;
		return (uint32_t)(p[0] & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
	}
	return text_next_cp(s, n, i);
}

bool matcher_within(const struct matcher *narrow, const struct matcher *wide)
{
	if ((wide->flags & narrow->flags) != narrow->flags)
		return false;
	if (wide->nfolded == 0)
		return true;
	/* narrow's pattern as wide folds it: a folded pattern folds again to itself,
	 * but for what wide also drops (case, accents). */
	size_t n = 0, cap = 0;
	uint32_t *refolded = NULL;
	bool ok = true;
	for (size_t i = 0; i < narrow->nfolded && ok; i++) {
		uint32_t out[FOLD_MAX];
		size_t k = narrow->folded[i] == ' '
		                   ? (out[0] = ' ', (size_t)1)
		                   : fold_char(narrow->folded[i], wide->flags, out);
		ok = grow_array((void **)&refolded, &cap, n + k + 1, sizeof *refolded);
		if (ok) {
			memcpy(refolded + n, out, k * sizeof *out);
			n += k;
		}
	}
	bool within = false;
	for (size_t i = 0; ok && !within && i + wide->nfolded <= n; i++)
		within = memcmp(refolded + i, wide->folded, wide->nfolded * sizeof *refolded) == 0;
	free(refolded);
	return within;
}

/* Any character, ASCII without a call. */
static inline uint32_t next_char(const char *s, size_t n, size_t *i)
{
	unsigned char c = (unsigned char)s[*i];
	if (c < 0x80) {
		(*i)++;
		return c;
	}
	return next_cp(s, n, i);
}

/* ---- around non-ASCII letters: the matches the needle cannot see --------------------- */

/* The first byte from 0x80 up in s[i..n), or n. */
static size_t next_high_byte_tail(const char *s, size_t i, size_t n)
{
	for (; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return i;
	return n;
}

#if defined(__x86_64__) && defined(__GNUC__)
/* A vector's bytes' top bits are one instruction away: as fast as the needle's scan.
 * Written once for SSE2 and AVX2, as the needle's loop is. */
#define DEFINE_NEXT_HIGH(name, attr, vec, loadu, movemask)                                         \
	attr static size_t name(const char *s, size_t i, size_t n)                                 \
	{                                                                                          \
		for (; i + sizeof(vec) <= n; i += sizeof(vec)) {                                   \
			unsigned mask =                                                            \
			        (unsigned)movemask(loadu((const vec *)(const void *)(s + i)));     \
			if (mask)                                                                  \
				return i + (unsigned)__builtin_ctz(mask);                          \
		}                                                                                  \
		return next_high_byte_tail(s, i, n);                                               \
	}

DEFINE_NEXT_HIGH(next_high_sse2, , __m128i, _mm_loadu_si128, _mm_movemask_epi8)
DEFINE_NEXT_HIGH(next_high_avx2, __attribute__((target("avx2"))), __m256i, _mm256_loadu_si256,
                 _mm256_movemask_epi8)

static size_t next_high_byte(const char *s, size_t i, size_t n)
{
	return __builtin_cpu_supports("avx2") ? next_high_avx2(s, i, n) : next_high_sse2(s, i, n);
}
#else
#define next_high_byte next_high_byte_tail
#endif

static bool is_continuation(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/* Past the white space at hay[p..n). */
static size_t skip_space(const char *hay, size_t p, size_t n)
{
	while (p < n) {
		size_t next = p;
		if (!fold_is_space(text_next_cp(hay, n, &next)))
			break;
		p = next;
	}
	return p;
}

/* Past the marks folded away at hay[p..n): a match takes its last letter's accents. */
static size_t skip_dropped(const struct matcher *m, const char *hay, size_t p, size_t n)
{
	uint32_t out[FOLD_MAX];
	while (p < n && (unsigned char)hay[p] >= 0x80) {
		size_t next = p;
		if (fold_char(text_next_cp(hay, n, &next), m->flags, out) != 0)
			break;
		p = next;
	}
	return p;
}

/* fold_char, with ASCII (nearly every character a match is checked over) here. */
static inline size_t fold_one(const struct matcher *m, uint32_t cp, uint32_t out[FOLD_MAX])
{
	if (cp < 0x80) {
		out[0] = (m->flags & FOLD_CASE) ? (uint32_t)ascii_lower((char)cp) : cp;
		return 1;
	}
	return fold_char(cp, m->flags, out);
}

/* Compare a character's folding, from its code point `skip` on, with the pattern
 * from i: how many of the pattern's code points it covers (a match may begin or
 * end within a character that folds to several, as "fl" in "ﬂ": matching is
 * finding the pattern in the folded text); 0 when it differs. */
static size_t compare_folding(const struct matcher *m, const uint32_t *out, size_t k, size_t skip,
                              size_t i)
{
	size_t left = m->nfolded - i, n = k - skip < left ? k - skip : left;
	return memcmp(out + skip, m->folded + i, n * sizeof *out) == 0 ? n : 0;
}

/* Does a match begin at hay[s], `skip` code points into that character's folding?
 * Its length in *len. The text is folded a code point at a time and compared with
 * the folded pattern, whose space takes a white-space run. */
static bool match_at(const struct matcher *m, const char *hay, size_t s, size_t skip, size_t n,
                     size_t *len)
{
	size_t i = 0, p = s;
	while (i < m->nfolded) {
		if (p >= n)
			return false;
		if (m->folded[i] == ' ') {
			size_t past = skip_space(hay, p, n);
			if (past == p)
				return false;
			p = past, i++;
			continue;
		}
		uint32_t out[FOLD_MAX];
		size_t k = fold_one(m, next_char(hay, n, &p), out);
		if (k == 0 && i == 0)
			return false; /* a match begins on a letter, not on its accent */
		if (k == 0)
			continue;
		size_t covered = skip < k ? compare_folding(m, out, k, skip, i) : 0;
		/* Past its first character, a match takes each one whole, or it ends there. */
		if (!covered || (i + covered < m->nfolded && covered < k - skip))
			return false;
		i += covered;
		skip = 0;
	}
	*len = skip_dropped(m, hay, p, n) - s;
	return true;
}

/* Can a match begin at this byte? Not inside a character; an ASCII one must be the
 * pattern's first (decided here, without a call, for nearly every start tried). */
static inline bool may_begin_match(const struct matcher *m, const char *hay, size_t s, size_t n)
{
	char c = hay[s];
	if ((unsigned char)c < 0x80)
		return (uint32_t)((m->flags & FOLD_CASE) ? ascii_lower(c) : c) == m->folded[0];
	if (is_continuation(c))
		return false;
	size_t bit = near_bit(next_cp(hay, n, &s));
	return bit >= MATCHER_NEAR_BITS || (m->begins[bit / 8] & (1u << (bit % 8)));
}

/* Where a match that holds the letter at q may begin, no earlier than `from`: as many
 * characters back as the pattern has code points (and a few for marks and spaces). */
static size_t reach_back(const struct matcher *m, const char *hay, size_t q, size_t from)
{
	size_t chars = m->nfolded + 4, s = q;
	while (s > from && chars--) {
		s--;
		while (s > from && is_continuation(hay[s]))
			s--;
	}
	while (s < q && is_continuation(hay[s]))
		s++;
	return s;
}

/* Does a match begin within the folding of the character cp at q ("luence" in
 * "ﬂuence"): at a code point past its first that is the pattern's first? */
static bool begins_within(const struct matcher *m, const char *hay, size_t q, size_t n, uint32_t cp,
                          size_t *len)
{
	uint32_t out[FOLD_MAX];
	size_t k = fold_char(cp, m->flags, out);
	for (size_t skip = 1; skip < k; skip++)
		if (out[skip] == m->folded[0] && match_at(m, hay, q, skip, n, len))
			return true;
	return false;
}

/* The first match that holds a non-ASCII character worth decoding at a byte before
 * `stop`: each such character is tried at every place it can take in a match. */
static const char *find_around_letters(const struct matcher *m, const char *hay, size_t n,
                                       size_t stop, size_t *len)
{
	size_t tried = 0; /* every start before this was tried */
	for (size_t q = next_high_byte(hay, 0, n); q < stop; q = next_high_byte(hay, q, n)) {
		size_t past = q;
		uint32_t cp = next_cp(hay, n, &past);
		if (worth_decoding(m, cp)) {
			for (size_t s = reach_back(m, hay, q, tried); s <= q; s++)
				if (may_begin_match(m, hay, s, n) && match_at(m, hay, s, 0, n, len))
					return hay + s;
			if (folds_to_several(m, cp) && begins_within(m, hay, q, n, cp, len))
				return hay + q;
			tried = q + 1;
		}
		q = past;
	}
	return NULL;
}

/* ---- the needle -------------------------------------------------------------------- */

static const char *find_needle(const struct matcher *m, const char *hay, size_t n)
{
	if (n < m->needle_len)
		return NULL;
	if (m->needle_len == 1 && !m->needle_fold)
		return memchr(hay, m->needle[0], n);
	return find_wide(m, hay, n);
}

/* The first match that begins with the needle as written. */
static const char *find_by_needle(const struct matcher *m, const char *hay, size_t n, size_t *len)
{
	for (size_t off = 0; off < n;) {
		const char *p = find_needle(m, hay + off, n - off);
		if (!p)
			return NULL;
		size_t at = (size_t)(p - hay);
		if (m->whole) {
			*len = skip_dropped(m, hay, at + m->needle_len, n) - at;
			return p;
		}
		if (match_at(m, hay, at, 0, n, len))
			return p;
		off = at + 1;
	}
	return NULL;
}

/* A match either begins with the needle as written or holds a non-ASCII character
 * (an accented letter, a curly quote) that folds into the pattern: the needle is
 * scanned for first, then the text around such characters before its match. */
const char *matcher_find(const struct matcher *m, const char *hay, size_t n, size_t *len)
{
	*len = 0;
	if (m->nfolded == 0)
		return hay;
	size_t needle_len = 0, around_len = 0;
	const char *best = m->needle_len ? find_by_needle(m, hay, n, &needle_len) : NULL;
	size_t stop = best ? (size_t)(best - hay) + needle_len : n;
	const char *around = find_around_letters(m, hay, n, stop, &around_len);
	if (around && (!best || around < best)) {
		*len = around_len;
		return around;
	}
	*len = needle_len;
	return best;
}
