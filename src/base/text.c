#include "config.h"

#include "relview/text.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#define REPLACEMENT_CHAR 0xFFFDu
#define NEWLINE_PICTURE  0x2424u /* '␤' */
#define DELETE_PICTURE   0x2421u /* '␡' */
#define CONTROL_PICTURES 0x2400u /* U+2400 + c is the picture of C0 control c */

/* ---- decoding -------------------------------------------------------------------- */

/* Proof that 3n bounds text_decode()'s output, by the cases of what it reads:
 *  - a BOM (2 or 3 bytes) writes nothing;
 *  - 8-bit input: one byte (ASCII, a control, CR or a cp1252 byte) writes one code
 *    point below U+10000, at most 3 bytes; CRLF (2 bytes) writes at most 3; a valid
 *    UTF-8 sequence of k bytes (k = 2..4) writes its own k bytes or a replacement of
 *    at most 3 (U+FFFD, '\n', U+2424), so at most max(k, 3) <= 3k;
 *  - UTF-16: a unit (2 bytes) writes at most 3, a surrogate pair (4 bytes) writes 4,
 *    CR LF (4 bytes) at most 3, and an odd trailing byte writes U+FFFD (3 bytes).
 * Every case writes at most 3 bytes per byte read, and the bound is reached by a run
 * of control bytes. */
size_t text_decoded_max(size_t n)
{
	/* Saturate so that a caller's malloc() of an absurd size fails instead of wrapping. */
	return n > SIZE_MAX / 3 ? SIZE_MAX : 3 * n;
}

/* What cp1252 puts at 0x80..0x9F; the rest of its high half is Latin-1. */
static const uint16_t cp1252_high[32] = {
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, /* 0x80 */
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, /* 0x88 */
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, /* 0x90 */
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178, /* 0x98 */
};

static uint32_t cp1252_to_cp(unsigned char byte)
{
	if (byte >= 0x80 && byte <= 0x9F)
		return cp1252_high[byte - 0x80];
	return byte;
}

/* Direction controls could reorder what the user sees (the "Trojan Source" trick). */
static bool is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

static uint32_t newline_for(unsigned flags)
{
	return (flags & TEXT_KEEP_NEWLINES) ? '\n' : NEWLINE_PICTURE;
}

/* The code point to show for cp: itself, or a stand-in when it could act on the
 * terminal or on the layout. CR has already been folded into '\n' by the readers. */
static uint32_t clean_cp(uint32_t cp, unsigned flags)
{
	if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
		return newline_for(flags);
	if (cp == '\t')
		return ' ';
	if (cp < 0x20)
		return CONTROL_PICTURES + cp;
	if (cp == 0x7F)
		return DELETE_PICTURE;
	if ((cp >= 0x80 && cp <= 0x9F) || is_bidi_control(cp))
		return REPLACEMENT_CHAR;
	return cp;
}

size_t text_utf8_encode(uint32_t cp, char out[4])
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Length of the valid, shortest-form UTF-8 sequence of 2 to 4 bytes at s, or 0. The
 * second byte's range excludes overlongs (E0, F0), surrogates (ED) and code points
 * above U+10FFFF (F4), as in Unicode's table 3-7. */
static size_t utf8_sequence_len(const unsigned char *s, size_t n)
{
	unsigned char lo = 0x80, hi = 0xBF;
	size_t len;

	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		lo = s[0] == 0xE0 ? 0xA0 : lo;
		hi = s[0] == 0xED ? 0x9F : hi;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		lo = s[0] == 0xF0 ? 0x90 : lo;
		hi = s[0] == 0xF4 ? 0x8F : hi;
	} else {
		return 0;
	}
	if (n < len || s[1] < lo || s[1] > hi)
		return 0;
	for (size_t k = 2; k < len; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	}
	return len;
}

/* The code point of a sequence utf8_sequence_len() accepted. */
static uint32_t utf8_sequence_cp(const unsigned char *s, size_t len)
{
	static const unsigned char lead_bits[5] = {0, 0, 0x1F, 0x0F, 0x07};
	uint32_t cp = s[0] & lead_bits[len];

	for (size_t k = 1; k < len; k++)
		cp = cp << 6 | (s[k] & 0x3Fu);
	return cp;
}

/* Reads one character of 8-bit input into *cp and returns the bytes it took: a valid
 * UTF-8 sequence, else one byte as cp1252. CRLF and a lone CR read as '\n'. */
static size_t read_8bit_char(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len;

	if (s[0] == '\r') {
		*cp = '\n';
		return n > 1 && s[1] == '\n' ? 2 : 1;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	len = utf8_sequence_len(s, n);
	if (len == 0) {
		*cp = cp1252_to_cp(s[0]);
		return 1;
	}
	*cp = utf8_sequence_cp(s, len);
	return len;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* The bytes of 16 that do not decode to themselves, as a bit mask: all but printable
 * ASCII and the byte in `plain` ('\n' where line ends are kept, else a space, which
 * is printable anyway). As signed bytes, those from 0x80 are negative: one
 * comparison finds them and the controls. */
static unsigned special_bytes(__m128i v, __m128i plain)
{
	__m128i special = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
	                               _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
	return (unsigned)_mm_movemask_epi8(_mm_andnot_si128(_mm_cmpeq_epi8(v, plain), special));
}

/* Copies bytes that decode to themselves from s to out 16 at a time up to the first
 * other byte (or the last whole 16); returns the bytes copied. Each block is stored
 * whole, even past that byte: the caller writes over the rest, and out has room,
 * since text_decode() may write 3 bytes for each byte still to read. Line ends pass
 * when kept: a release has one every hundred bytes or so, and stopping at each cost
 * a third of the decoding time. */
static size_t copy_plain_blocks(const unsigned char *s, size_t n, char *out, bool keep_newlines)
{
	__m128i plain = _mm_set1_epi8(keep_newlines ? '\n' : ' ');
	size_t i = 0;
	for (; n - i >= 16; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		_mm_storeu_si128((__m128i *)(void *)(out + i), v);
		unsigned special = special_bytes(v, plain);
		if (special)
			return i + (unsigned)__builtin_ctz(special);
	}
	return i;
}
#else
#define BYTES_ONES  0x0101010101010101u
#define BYTES_HIGHS 0x8080808080808080u

/* True when one of the 8 bytes in w is not printable ASCII (0x20..0x7E). The high
 * bit catches non-ASCII. When no byte has it, w - 0x20 borrows into a byte's high bit
 * exactly for bytes below 0x20, and w + 1 carries into it exactly for 0x7F; when
 * some byte has it, stray borrows or carries cannot change the answer. */
static bool word_has_special_byte(uint64_t w)
{
	return ((w | (w + BYTES_ONES) | ((w - 0x20 * BYTES_ONES) & ~w)) & BYTES_HIGHS) != 0;
}

/* Printable ASCII 8 bytes at a time, where SSE2 is missing; it stops at line ends,
 * kept or not. */
static size_t copy_plain_blocks(const unsigned char *s, size_t n, char *out, bool keep_newlines)
{
	(void)keep_newlines;
	size_t i = 0;
	uint64_t w;
	for (; n - i >= sizeof w; i += sizeof w) {
		memcpy(&w, s + i, sizeof w);
		if (word_has_special_byte(w))
			break;
		memcpy(out + i, &w, sizeof w);
	}
	return i;
}
#endif

static bool is_printable_ascii(unsigned char c)
{
	return c >= 0x20 && c < 0x7F;
}

/* Copies the leading run of bytes that need no decoding (printable ASCII, and line
 * ends where kept) from s to out; returns its length. Press releases are mostly
 * such runs, hence many bytes at a time. */
static size_t copy_plain(const unsigned char *s, size_t n, char *out, bool keep_newlines)
{
	size_t i = copy_plain_blocks(s, n, out, keep_newlines);

	while (i < n && (is_printable_ascii(s[i]) || (keep_newlines && s[i] == '\n'))) {
		out[i] = (char)s[i];
		i++;
	}
	return i;
}

static size_t decode_8bit(const unsigned char *s, size_t n, char *out, unsigned flags)
{
	size_t i = 0, o = 0;
	uint32_t cp;

	for (;;) {
		size_t run = copy_plain(s + i, n - i, out + o, flags & TEXT_KEEP_NEWLINES);

		i += run;
		o += run;
		if (i == n)
			return o;
		i += read_8bit_char(s + i, n - i, &cp);
		o += text_utf8_encode(clean_cp(cp, flags), out + o);
	}
}

static unsigned utf16_unit(const unsigned char *s, bool big_endian)
{
	return big_endian ? (unsigned)s[0] << 8 | s[1] : (unsigned)s[1] << 8 | s[0];
}

/* Reads one character of UTF-16 input into *cp and returns the bytes it took. An
 * unpaired surrogate or an odd trailing byte reads as U+FFFD; CR LF and a lone CR
 * read as '\n'. */
static size_t read_utf16_char(const unsigned char *s, size_t n, bool big_endian, uint32_t *cp)
{
	unsigned unit, next;

	if (n < 2) {
		*cp = REPLACEMENT_CHAR;
		return n;
	}
	unit = utf16_unit(s, big_endian);
	next = n >= 4 ? utf16_unit(s + 2, big_endian) : 0;
	if (unit == '\r') {
		*cp = '\n';
		return next == '\n' ? 4 : 2;
	}
	if (unit >= 0xD800 && unit <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
		*cp = 0x10000 + ((uint32_t)(unit - 0xD800) << 10) + (next - 0xDC00);
		return 4;
	}
	*cp = unit >= 0xD800 && unit <= 0xDFFF ? REPLACEMENT_CHAR : unit;
	return 2;
}

#ifdef __SSE2__
/* Narrows printable ASCII units of UTF-16 from s to bytes at out, 8 units at a time,
 * up to the first other unit (or the last whole 8); returns the units narrowed. As
 * in copy_plain_blocks(), each block is stored whole. */
static size_t narrow_printable_blocks(const unsigned char *s, size_t n, bool big_endian, char *out)
{
	size_t units = 0;
	for (; n - 2 * units >= 16; units += 8) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + 2 * units));
		if (big_endian)
			v = _mm_or_si128(_mm_slli_epi16(v, 8), _mm_srli_epi16(v, 8));
		/* As signed 16-bit numbers, units from 0x8000 are negative and fail too. */
		__m128i printable = _mm_and_si128(_mm_cmpgt_epi16(v, _mm_set1_epi16(0x1F)),
		                                  _mm_cmplt_epi16(v, _mm_set1_epi16(0x7F)));
		_mm_storel_epi64((__m128i *)(void *)(out + units), _mm_packus_epi16(v, v));
		unsigned other = ~(unsigned)_mm_movemask_epi8(printable) & 0xFFFFu;
		if (other)
			return units + (unsigned)__builtin_ctz(other) / 2;
	}
	return units;
}
#else
static size_t narrow_printable_blocks(const unsigned char *s, size_t n, bool big_endian, char *out)
{
	(void)s, (void)n, (void)big_endian, (void)out;
	return 0;
}
#endif

/* Narrows the leading run of printable ASCII units from s to bytes at out; returns
 * its length in units. UTF-16 releases are mostly such runs too. */
static size_t narrow_printable_ascii(const unsigned char *s, size_t n, bool big_endian, char *out)
{
	size_t units = narrow_printable_blocks(s, n, big_endian, out);
	unsigned unit;

	while (n - 2 * units >= 2 && (unit = utf16_unit(s + 2 * units, big_endian)) >= 0x20 &&
	       unit < 0x7F) {
		out[units] = (char)unit;
		units++;
	}
	return units;
}

static size_t decode_utf16(const unsigned char *s, size_t n, bool big_endian, char *out,
                           unsigned flags)
{
	size_t i = 0, o = 0;
	uint32_t cp;

	for (;;) {
		size_t run = narrow_printable_ascii(s + i, n - i, big_endian, out + o);

		i += 2 * run;
		o += run;
		if (i == n)
			return o;
		i += read_utf16_char(s + i, n - i, big_endian, &cp);
		o += text_utf8_encode(clean_cp(cp, flags), out + o);
	}
}

static bool starts_with(const unsigned char *s, size_t n, const char *prefix, size_t len)
{
	return n >= len && memcmp(s, prefix, len) == 0;
}

size_t text_decode(const void *in, size_t n, char *out, unsigned flags)
{
	const unsigned char *s = in;

	if (starts_with(s, n, "\xFF\xFE", 2))
		return decode_utf16(s + 2, n - 2, false, out, flags);
	if (starts_with(s, n, "\xFE\xFF", 2))
		return decode_utf16(s + 2, n - 2, true, out, flags);
	if (starts_with(s, n, "\xEF\xBB\xBF", 3))
		return decode_8bit(s + 3, n - 3, out, flags);
	return decode_8bit(s, n, out, flags);
}

/* ---- binary detection ------------------------------------------------------------ */

#define BINARY_HEAD_BYTES 8192
/* Control bytes are counted in a shorter head: binary formats show theirs at once,
 * and this check runs over every entry of a bundle. */
#define CONTROL_HEAD_BYTES 1024

/* A C0 control that has no business in text: not a tab, line end or form feed. */
static bool is_control_in_text(unsigned char c)
{
	return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
}

#ifdef __SSE2__
/* Counts the controls of is_control_in_text() in s 16 bytes at a time, up to the
 * last whole 16 of n; returns the bytes looked at. */
static size_t count_controls_blocks(const unsigned char *s, size_t n, size_t *controls)
{
	size_t i = 0;
	for (; n - i >= 16; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* Unsigned: the larger of v and 0x1F is 0x1F exactly when v < 0x20. */
		__m128i below_space =
		        _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
		__m128i allowed =
		        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
		                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
		                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
		                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
		unsigned mask = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(allowed, below_space));
		/* Text has no controls in nearly every block, and without -mpopcnt the
		 * count is a call into libgcc. */
		if (mask)
			*controls += (size_t)__builtin_popcount(mask);
	}
	return i;
}
#else
static size_t count_controls_blocks(const unsigned char *s, size_t n, size_t *controls)
{
	(void)s, (void)n, (void)controls;
	return 0;
}
#endif

bool text_looks_binary(const void *in, size_t n)
{
	const unsigned char *s = in;
	size_t head = n < CONTROL_HEAD_BYTES ? n : CONTROL_HEAD_BYTES;
	size_t controls = 0;

	/* UTF-16 text is full of NUL bytes, but its BOM says what it is. */
	if (starts_with(s, n, "\xFF\xFE", 2) || starts_with(s, n, "\xFE\xFF", 2))
		return false;
	if (memchr(s, '\0', n < BINARY_HEAD_BYTES ? n : BINARY_HEAD_BYTES))
		return true;
	size_t i = count_controls_blocks(s, head, &controls);
	for (; i < head; i++)
		controls += is_control_in_text(s[i]);
	/* More than one control byte in ten: a few stray ones survive in real releases. */
	return controls * 10 > head;
}

/* ---- code points and widths ------------------------------------------------------ */

uint32_t text_next_cp(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t len;

	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	/* Not expected in decoded text, but a caller's slip must not read past n. */
	len = utf8_sequence_len(p, n - *i);
	if (len == 0) {
		*i += 1;
		return REPLACEMENT_CHAR;
	}
	*i += len;
	return utf8_sequence_cp(p, len);
}

static pthread_once_t utf8_locale_once = PTHREAD_ONCE_INIT;
static locale_t utf8_locale;

static void create_utf8_locale(void)
{
	utf8_locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

/* Makes wcwidth() answer for Unicode in this thread, whatever setlocale() chose, and
 * returns the locale to restore. Should C.UTF-8 be missing, uselocale(0) changes
 * nothing and widths fall back to the process locale. */
static locale_t enter_utf8_locale(void)
{
	pthread_once(&utf8_locale_once, create_utf8_locale);
	return uselocale(utf8_locale);
}

static void leave_utf8_locale(locale_t previous)
{
	uselocale(previous);
}

/* text_cp_width() for a thread inside enter_utf8_locale(). */
static size_t cp_width_in_locale(uint32_t cp)
{
	int width;

	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	width = wcwidth((wchar_t)cp);
	/* Unassigned code points and controls: one column, their most likely rendering. */
	return width < 0 ? 1 : (size_t)width;
}

int text_cp_width(uint32_t cp)
{
	locale_t previous = enter_utf8_locale();
	size_t width = cp_width_in_locale(cp);

	leave_utf8_locale(previous);
	return (int)width;
}

size_t text_width(const char *s, size_t n)
{
	locale_t previous = enter_utf8_locale();
	size_t width = 0;

	for (size_t i = 0; i < n;)
		width += cp_width_in_locale(text_next_cp(s, n, &i));
	leave_utf8_locale(previous);
	return width;
}

/* text_fit(), optionally stopping before the first '\n'. A zero-width code point
 * always fits, so it stays with the character before it; the first character that
 * does not fit ends the prefix before its own combining marks. */
static size_t fit_prefix(const char *s, size_t n, size_t cols, bool stop_at_newline, size_t *used)
{
	locale_t previous = enter_utf8_locale();
	size_t i = 0, width = 0;

	while (i < n && !(stop_at_newline && s[i] == '\n')) {
		size_t next = i;
		size_t w = cp_width_in_locale(text_next_cp(s, n, &next));

		if (w > cols - width)
			break;
		width += w;
		i = next;
	}
	leave_utf8_locale(previous);
	if (used)
		*used = width;
	return i;
}

size_t text_fit(const char *s, size_t n, size_t cols, size_t *used)
{
	return fit_prefix(s, n, cols, false, used);
}

/* ---- wrapping -------------------------------------------------------------------- */

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

static size_t trim_trailing_spaces(const char *s, size_t len)
{
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return len;
}

/* The last space in s[1..fit] that ends a word, or 0 when there is none. A space with
 * only spaces before it would break off an empty line, so an indent stays with the
 * word after it. s[fit] exists: the line goes on past it. */
static size_t last_break_space(const char *s, size_t fit)
{
	for (size_t p = fit; p > 0; p--) {
		if (s[p] == ' ' && s[p - 1] != ' ')
			return p;
	}
	return 0;
}

/* A whole character with its combining marks, for a line too narrow for it. */
static size_t one_character(const char *s, size_t n)
{
	size_t i = 0;

	text_next_cp(s, n, &i);
	return i + fit_prefix(s + i, n - i, 0, true, NULL);
}

size_t text_wrap_line(const char *s, size_t n, size_t cols, size_t *next)
{
	size_t fit = fit_prefix(s, n, cols > 0 ? cols : 1, true, NULL);
	size_t cut;

	if (fit == n || s[fit] == '\n') {
		*next = fit == n ? n : fit + 1;
		return trim_trailing_spaces(s, fit);
	}
	/* The line goes on past the columns: break at a space, else cut the word. */
	cut = s[fit] == ' ' ? fit : last_break_space(s, fit);
	if (cut == 0)
		cut = fit > 0 ? fit : one_character(s, n);
	*next = skip_spaces(s, n, cut);
	/* Nothing but spaces was left before the '\n': it ends this line, not the next. */
	if (*next < n && s[*next] == '\n')
		*next += 1;
	return trim_trailing_spaces(s, cut);
}

char *text_clean_name(const char *raw)
{
	size_t n = strlen(raw);
	char *clean = malloc(text_decoded_max(n) + 1);
	if (clean)
		clean[text_decode(raw, n, clean, 0)] = '\0';
	return clean;
}

size_t text_wrap_count(const char *s, size_t n, size_t cols)
{
	size_t lines = 0;
	for (size_t pos = 0, next; pos < n; pos += next, lines++)
		text_wrap_line(s + pos, n - pos, cols, &next);
	return lines ? lines : 1;
}

bool text_wrap_nth(const char *s, size_t n, size_t cols, size_t k, size_t *start, size_t *len)
{
	size_t pos = 0, next;
	*start = *len = 0;
	for (size_t line = 0; pos < n; pos += next, line++) {
		size_t l = text_wrap_line(s + pos, n - pos, cols, &next);
		if (line == k) {
			*start = pos, *len = l;
			return true;
		}
	}
	return k == 0; /* an empty text is one empty line */
}

void text_size_name(uint64_t bytes, char *out, size_t size)
{
	static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
	if (bytes < 1024) {
		snprintf(out, size, "%llu byte%s", (unsigned long long)bytes,
		         bytes == 1 ? "" : "s");
		return;
	}
	int unit = 0;
	while (unit < 3 && bytes >= (uint64_t)1024 << (10 * (unit + 1)))
		unit++;
	uint64_t whole = (uint64_t)1024 << (10 * unit);
	if (bytes % whole == 0)
		snprintf(out, size, "%llu %s", (unsigned long long)(bytes / whole), units[unit]);
	else
		snprintf(out, size, "%.1f %s", (double)bytes / (double)whole, units[unit]);
}
