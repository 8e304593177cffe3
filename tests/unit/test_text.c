/* text: decoding (UTF-8, cp1252, UTF-16, controls, the output bound) and binary
 * detection; widths, fitting and wrapping are test_width.c's. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "relview/text.h"

/* ---- helpers --------------------------------------------------------------------- */

/* Decodes into a buffer of exactly text_decoded_max(n) bytes, so that a write past
 * the bound trips AddressSanitizer or valgrind. The caller frees *out. */
static size_t decode_exact(const void *in, size_t n, unsigned flags, char **out)
{
	size_t max = text_decoded_max(n);

	*out = malloc(max > 0 ? max : 1);
	assert_non_null(*out);
	return text_decode(in, n, *out, flags);
}

static void check_decode(const char *in, size_t n, unsigned flags, const char *want,
                         size_t want_len)
{
	char *out;
	size_t len = decode_exact(in, n, flags, &out);

	assert_int_equal(len, want_len);
	assert_memory_equal(out, want, want_len);
	free(out);
}

/* Literals may hold NUL bytes, hence sizeof rather than strlen. */
#define DECODES(in, flags, want) check_decode(in, sizeof(in) - 1, flags, want, sizeof(want) - 1)
#define KEEP                     TEXT_KEEP_NEWLINES

/* An encoder written apart from the one under test, for expected values. */
static size_t encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp <= 0x7F) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp <= 0x7FF) {
		o[0] = (unsigned char)(0xC0 + cp / 64);
		o[1] = (unsigned char)(0x80 + cp % 64);
		return 2;
	}
	if (cp <= 0xFFFF) {
		o[0] = (unsigned char)(0xE0 + cp / 4096);
		o[1] = (unsigned char)(0x80 + cp / 64 % 64);
		o[2] = (unsigned char)(0x80 + cp % 64);
		return 3;
	}
	o[0] = (unsigned char)(0xF0 + cp / 262144);
	o[1] = (unsigned char)(0x80 + cp / 4096 % 64);
	o[2] = (unsigned char)(0x80 + cp / 64 % 64);
	o[3] = (unsigned char)(0x80 + cp % 64);
	return 4;
}

/* Strict UTF-8 reader written apart from the one under test: returns the code point
 * at s[*i] and advances, or fails the test on anything invalid or non-shortest. */
static uint32_t read_strict(const unsigned char *s, size_t n, size_t *i)
{
	static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
	size_t len = s[*i] < 0x80       ? 1
	             : s[*i] >> 5 == 6  ? 2
	             : s[*i] >> 4 == 14 ? 3
	             : s[*i] >> 3 == 30 ? 4
	                                : 0;
	uint32_t cp;

	assert_true(len > 0);
	assert_true(*i + len <= n);
	cp = len == 1 ? s[*i] : s[*i] & (0x7Fu >> len);
	for (size_t k = 1; k < len; k++) {
		assert_int_equal(s[*i + k] & 0xC0, 0x80);
		cp = cp << 6 | (s[*i + k] & 0x3Fu);
	}
	assert_true(cp >= min_cp[len]);
	assert_true(cp <= 0x10FFFF);
	assert_false(cp >= 0xD800 && cp <= 0xDFFF);
	*i += len;
	return cp;
}

/* What text_decode() promises of its output: valid UTF-8 in which nothing can act on
 * a terminal, and '\n' only in KEEP mode. */
static void assert_clean(const char *out, size_t len, unsigned flags)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp = read_strict((const unsigned char *)out, len, &i);

		if (cp == '\n')
			assert_true(flags & KEEP);
		else
			assert_false(cp < 0x20);
		assert_false(cp >= 0x7F && cp <= 0x9F);
		assert_false(cp == 0x061C || cp == 0x200E || cp == 0x200F);
		assert_false(cp >= 0x202A && cp <= 0x202E);
		assert_false(cp >= 0x2066 && cp <= 0x2069);
		assert_false(cp == 0x2028 || cp == 0x2029);
	}
}

/* Deterministic pseudo-random numbers (a 64-bit LCG) for the fuzz loops. */
static uint32_t rnd(uint64_t *state)
{
	*state = *state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(*state >> 33);
}

/* ---- decoding: plain input --------------------------------------------------------- */

static void test_ascii_passes_through(void **state)
{
	(void)state;
	DECODES("", KEEP, "");
	DECODES("Hello, world! ~{}|", KEEP, "Hello, world! ~{}|");
	DECODES("line one\nline two\n", KEEP, "line one\nline two\n");
	DECODES("0123456789abcdefghijklmnopqrstuvwxyz", 0, "0123456789abcdefghijklmnopqrstuvwxyz");
}

static void test_valid_utf8_passes_through(void **state)
{
	(void)state;
	DECODES("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE4\xB8\xAD \xF0\x9F\x98\x80", KEEP,
	        "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xE4\xB8\xAD \xF0\x9F\x98\x80");
	/* The extremes of each length, and U+FEFF that is not at the start. */
	DECODES("\xC2\xA0\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF", 0,
	        "\xC2\xA0\xDF\xBF\xE0\xA0\x80\xEF\xBF\xBF\xF0\x90\x80\x80\xF4\x8F\xBF\xBF");
	DECODES("a\xEF\xBB\xBF", 0, "a\xEF\xBB\xBF");
}

static void test_utf8_bom_is_dropped(void **state)
{
	(void)state;
	DECODES("\xEF\xBB\xBFhi", KEEP, "hi");
	DECODES("\xEF\xBB\xBF", KEEP, "");
	/* A BOM cut short is cp1252. */
	DECODES("\xEF\xBB", KEEP, "\xC3\xAF\xC2\xBB");
}

/* The expected decoding of one byte standing alone, built from the specification. */
static size_t expected_single_byte(unsigned char b, unsigned flags, char *out)
{
	static const uint32_t cp1252[32] = {
	        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
	};

	if (b == '\n' || b == '\r')
		return encode((flags & KEEP) ? '\n' : 0x2424, out);
	if (b == '\t')
		return encode(' ', out);
	if (b < 0x20)
		return encode(0x2400u + b, out);
	if (b == 0x7F)
		return encode(0x2421, out);
	if (b >= 0x80 && b <= 0x9F)
		return encode(cp1252[b - 0x80], out);
	return encode(b, out);
}

static void test_every_single_byte(void **state)
{
	(void)state;
	for (unsigned b = 0; b < 256; b++) {
		for (unsigned flags = 0; flags <= KEEP; flags++) {
			char in = (char)b, want[4];
			size_t want_len = expected_single_byte((unsigned char)b, flags, want);

			check_decode(&in, 1, flags, want, want_len);
		}
	}
}

/* Every byte at every offset of an ASCII line, so that the fast path's blocks (16
 * bytes with SSE2, 8 without) meet it at each lane and at the tail, with newlines
 * kept or shown: the result must be the byte-at-a-time one. */
static void test_fast_path_agrees_at_every_offset(void **state)
{
	enum { LINE = 41 };
	static const unsigned modes[] = {KEEP, 0};
	(void)state;
	for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
		for (unsigned b = 0; b < 256; b++) {
			for (size_t at = 0; at < LINE; at++) {
				char in[LINE], want[LINE + 3];
				size_t want_len;

				memset(in, 'a', sizeof in);
				in[at] = (char)b;
				memset(want, 'a', at);
				want_len = at + expected_single_byte((unsigned char)b, modes[m],
				                                     want + at);
				memset(want + want_len, 'a', LINE - at - 1);
				want_len += LINE - at - 1;
				check_decode(in, LINE, modes[m], want, want_len);
			}
		}
	}
}

/* ---- decoding: cp1252 and invalid UTF-8 -------------------------------------------- */

static void test_cp1252_bytes(void **state)
{
	(void)state;
	DECODES("\x93quoted\x94", KEEP, "\xE2\x80\x9Cquoted\xE2\x80\x9D");
	DECODES("caf\xE9", KEEP, "caf\xC3\xA9");
	DECODES("\x81", KEEP, "\xEF\xBF\xBD");
	DECODES("\x80 \x85 \x99 \x9F", KEEP, "\xE2\x82\xAC \xE2\x80\xA6 \xE2\x84\xA2 \xC5\xB8");
	DECODES("\xA0\xFF", KEEP, "\xC2\xA0\xC3\xBF");
	/* A lead byte followed by ASCII is not UTF-8. */
	DECODES("\xE9t\xE9", KEEP, "\xC3\xA9t\xC3\xA9");
}

static void test_overlong_is_cp1252(void **state)
{
	(void)state;
	DECODES("\xC0\xAF", KEEP, "\xC3\x80\xC2\xAF");
	DECODES("\xC1\xBF", KEEP, "\xC3\x81\xC2\xBF");
	DECODES("\xE0\x80\xAF", KEEP, "\xC3\xA0\xE2\x82\xAC\xC2\xAF");
	DECODES("\xF0\x80\x80\xAF", KEEP, "\xC3\xB0\xE2\x82\xAC\xE2\x82\xAC\xC2\xAF");
}

static void test_encoded_surrogate_is_cp1252(void **state)
{
	(void)state;
	DECODES("\xED\xA0\x80", KEEP, "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
	DECODES("\xED\xBF\xBF", KEEP, "\xC3\xAD\xC2\xBF\xC2\xBF");
	/* The last code point before the surrogates is fine. */
	DECODES("\xED\x9F\xBF", KEEP, "\xED\x9F\xBF");
}

static void test_beyond_unicode_is_cp1252(void **state)
{
	(void)state;
	DECODES("\xF4\x90\x80\x80", KEEP, "\xC3\xB4\xEF\xBF\xBD\xE2\x82\xAC\xE2\x82\xAC");
	DECODES("\xF5\x80", KEEP, "\xC3\xB5\xE2\x82\xAC");
	DECODES("\xF8\xFE", KEEP, "\xC3\xB8\xC3\xBE");
}

static void test_truncated_sequence(void **state)
{
	(void)state;
	DECODES("a\xE2\x82", KEEP, "a\xC3\xA2\xE2\x80\x9A");
	DECODES("\xF0\x9F\x98", KEEP, "\xC3\xB0\xC5\xB8\xCB\x9C");
	DECODES("\xC3", KEEP, "\xC3\x83");
	/* Cut short in the middle of the text, by ASCII. */
	DECODES("\xE2\x80x", KEEP,
	        "\xC3\xA2\xE2\x82\xAC"
	        "x");
	/* A stray continuation byte. */
	DECODES("\xA9", KEEP, "\xC2\xA9");
}

/* ---- decoding: line ends, controls, bidi ------------------------------------------- */

static void test_line_ends_fold(void **state)
{
	(void)state;
	DECODES("a\r\nb\rc\nd\r\r\ne\n\r", KEEP, "a\nb\nc\nd\n\ne\n\n");
	DECODES("\r", KEEP, "\n");
	DECODES("a\r\nb", 0,
	        "a\xE2\x90\xA4"
	        "b");
	DECODES("x\ry\nz", 0, "x\xE2\x90\xA4y\xE2\x90\xA4z");
}

static void test_line_separators(void **state)
{
	(void)state;
	DECODES("a\xE2\x80\xA8"
	        "b\xE2\x80\xA9"
	        "c",
	        KEEP, "a\nb\nc");
	DECODES("a\xE2\x80\xA8"
	        "b\xE2\x80\xA9"
	        "c",
	        0,
	        "a\xE2\x90\xA4"
	        "b\xE2\x90\xA4"
	        "c");
}

static void test_tab_becomes_space(void **state)
{
	(void)state;
	DECODES("a\tb\t\t", KEEP, "a b  ");
}

static void test_controls_become_pictures(void **state)
{
	(void)state;
	DECODES("a\0b", KEEP,
	        "a\xE2\x90\x80"
	        "b");
	DECODES("\x07", KEEP, "\xE2\x90\x87");
	DECODES("\x1B[31mred", KEEP, "\xE2\x90\x9B[31mred");
	DECODES("\x0C\x1F", KEEP, "\xE2\x90\x8C\xE2\x90\x9F");
	DECODES("\x7F", KEEP, "\xE2\x90\xA1");
}

static void test_c1_controls_are_replaced(void **state)
{
	(void)state;
	DECODES("\xC2\x9B"
	        "31m",
	        KEEP,
	        "\xEF\xBF\xBD"
	        "31m");
	DECODES("\xC2\x80\xC2\x85\xC2\x9F", KEEP, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	/* Just past the C1 block. */
	DECODES("\xC2\xA0", KEEP, "\xC2\xA0");
}

static void test_bidi_controls_are_replaced(void **state)
{
	(void)state;
	DECODES("a\xE2\x80\xAE"
	        "b",
	        KEEP,
	        "a\xEF\xBF\xBD"
	        "b");
	DECODES("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", KEEP,
	        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	DECODES("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9", KEEP,
	        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	DECODES("\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", KEEP, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	/* Neighbours that are ordinary: U+2029 aside, U+202F and U+2065. */
	DECODES("\xE2\x80\xAF\xE2\x81\xA5\xE2\x80\x8D", KEEP,
	        "\xE2\x80\xAF\xE2\x81\xA5\xE2\x80\x8D");
}

static void test_names_mode(void **state)
{
	(void)state;
	DECODES("dir/evil\nname\r.txt", 0, "dir/evil\xE2\x90\xA4name\xE2\x90\xA4.txt");
	DECODES("\x1B]0;title\x07", 0, "\xE2\x90\x9B]0;title\xE2\x90\x87");
}

/* ---- decoding: UTF-16 ---------------------------------------------------------------- */

static void test_utf16le(void **state)
{
	(void)state;
	DECODES("\xFF\xFEh\0i\0", KEEP, "hi");
	DECODES("\xFF\xFE\xE9\0\x2D\x4E", KEEP, "\xC3\xA9\xE4\xB8\xAD");
	/* U+1F600 as a surrogate pair. */
	DECODES("\xFF\xFE\x3D\xD8\x00\xDE!\0", KEEP, "\xF0\x9F\x98\x80!");
	/* Unpaired: a high surrogate before a letter, at the end, and a lone low one. */
	DECODES("\xFF\xFE\x3D\xD8"
	        "a\0",
	        KEEP,
	        "\xEF\xBF\xBD"
	        "a");
	DECODES("\xFF\xFE"
	        "a\0\x3D\xD8",
	        KEEP, "a\xEF\xBF\xBD");
	DECODES("\xFF\xFE\x00\xDE"
	        "a\0",
	        KEEP,
	        "\xEF\xBF\xBD"
	        "a");
	DECODES("\xFF\xFE", KEEP, "");
}

static void test_utf16be(void **state)
{
	(void)state;
	DECODES("\xFE\xFF\0h\0i", KEEP, "hi");
	DECODES("\xFE\xFF\xD8\x3D\xDE\x00", KEEP, "\xF0\x9F\x98\x80");
	DECODES("\xFE\xFF\xDE\x00\xD8\x3D", KEEP, "\xEF\xBF\xBD\xEF\xBF\xBD");
	DECODES("\xFE\xFF\x4E\x2D", KEEP, "\xE4\xB8\xAD");
}

static void test_utf16_odd_trailing_byte(void **state)
{
	(void)state;
	DECODES("\xFF\xFE"
	        "a\0b",
	        KEEP, "a\xEF\xBF\xBD");
	DECODES("\xFE\xFF\0a\0", KEEP, "a\xEF\xBF\xBD");
	DECODES("\xFF\xFE\x3D", KEEP, "\xEF\xBF\xBD");
}

static void test_utf16_is_sanitised(void **state)
{
	(void)state;
	DECODES("\xFF\xFE"
	        "a\0\r\0\n\0b\0\r\0c\0",
	        KEEP, "a\nb\nc");
	DECODES("\xFE\xFF\0a\0\r\0\n", 0, "a\xE2\x90\xA4");
	DECODES("\xFF\xFE\x1B\0\0\0\t\0\x7F\0", KEEP, "\xE2\x90\x9B\xE2\x90\x80 \xE2\x90\xA1");
	DECODES("\xFF\xFE\x9B\0\x2E\x20\x28\x20", KEEP, "\xEF\xBF\xBD\xEF\xBF\xBD\n");
}

/* One unit at every offset of a UTF-16 line, in both byte orders, so that the fast
 * path's blocks of 8 units meet it at each lane and at the tail: the result must be
 * that of the unit decoded on its own between the line's letters. The units include
 * those whose low byte alone would pass for printable ASCII. */
static void test_utf16_fast_path_agrees_at_every_offset(void **state)
{
	enum { LINE = 41 };
	static const unsigned units[] = {0x0000, 0x000A, 0x000D, 0x001F, 0x0020, 0x007E,
	                                 0x007F, 0x0080, 0x00E9, 0x0120, 0x0161, 0x2028,
	                                 0x4E2D, 0x7F41, 0x8041, 0xD83D, 0xDE00, 0xFF41};
	static const unsigned modes[] = {KEEP, 0};
	(void)state;
	for (size_t big = 0; big <= 1; big++) {
		for (size_t u = 0; u < sizeof units / sizeof *units; u++) {
			for (size_t m = 0; m < sizeof modes / sizeof *modes; m++) {
				unsigned char alone[4] = {big ? 0xFE : 0xFF, big ? 0xFF : 0xFE};
				alone[2 + !big] = (unsigned char)(units[u] >> 8);
				alone[2 + big] = (unsigned char)units[u];
				char unit_text[8];
				size_t unit_len = text_decode(alone, 4, unit_text, modes[m]);
				for (size_t at = 0; at < LINE; at++) {
					unsigned char in[2 + 2 * LINE];
					char want[LINE + 8];
					memcpy(in, alone, 2);
					for (size_t k = 0; k < LINE; k++) {
						unsigned unit = k == at ? units[u] : 'a';
						in[2 + 2 * k + 1 - big] =
						        (unsigned char)(unit >> 8);
						in[2 + 2 * k + big] = (unsigned char)unit;
					}
					memset(want, 'a', at);
					memcpy(want + at, unit_text, unit_len);
					memset(want + at + unit_len, 'a', LINE - at - 1);
					check_decode((const char *)in, sizeof in, modes[m], want,
					             LINE - 1 + unit_len);
				}
			}
		}
	}
}

/* ---- decoding: the output bound and fuzzing ---------------------------------------- */

static void test_decoded_max_worst_cases(void **state)
{
	static const struct {
		const char *unit;
		size_t len;
		unsigned flags;
	} worst[] = {
	        {"\x01", 1, KEEP}, /* control: 1 byte to 3 */
	        {"\n", 1, 0},      /* newline picture: 1 to 3 */
	        {"\r", 1, 0},      /* lone CR: 1 to 3 */
	        {"\x80", 1, KEEP}, /* cp1252 euro: 1 to 3 */
	        {"\x81", 1, KEEP}, /* undefined cp1252: 1 to 3 */
	        {"\x7F", 1, KEEP}, /* DEL: 1 to 3 */
	};
	enum { N = 4099 };
	char *in = malloc(N);
	(void)state;

	assert_int_equal(text_decoded_max(0), 0);
	assert_int_equal(text_decoded_max(1), 3);
	assert_int_equal(text_decoded_max(SIZE_MAX), SIZE_MAX);
	assert_int_equal(text_decoded_max(SIZE_MAX / 3), SIZE_MAX / 3 * 3);
	assert_non_null(in);
	for (size_t w = 0; w < sizeof worst / sizeof worst[0]; w++) {
		char *out;
		size_t len;

		memset(in, worst[w].unit[0], N);
		len = decode_exact(in, N, worst[w].flags, &out);
		/* The bound is reached exactly: it is tight, and the buffer was not overrun. */
		assert_int_equal(len, text_decoded_max(N));
		assert_clean(out, len, worst[w].flags);
		free(out);
	}
	free(in);
	/* UTF-16: a BOM and an odd byte, the worst ratio that input has. */
	DECODES("\xFF\xFE\x01", KEEP, "\xEF\xBF\xBD");
	DECODES("\xFE\xFF\0", KEEP, "\xEF\xBF\xBD");
}

/* Fragments chosen to hit every branch of the decoder and every boundary between
 * them; random sequences of them must always decode clean and within the bound. */
/* clang-format off */
#define FRAGMENT(lit) {lit, sizeof(lit) - 1}
static const struct {
	const char *bytes;
	size_t len;
} fragments[] = {
	FRAGMENT("a"), FRAGMENT(" "), FRAGMENT("plain text "), FRAGMENT("\r"),
	FRAGMENT("\n"), FRAGMENT("\r\n"), FRAGMENT("\t"), FRAGMENT("\0"), FRAGMENT("\x1B"),
	FRAGMENT("\x7F"), FRAGMENT("\xC2\x80"), FRAGMENT("\xC2\x9B"), FRAGMENT("\xC3\xA9"),
	FRAGMENT("\xE2\x80\xAE"), FRAGMENT("\xE2\x80\xA8"), FRAGMENT("\xE2\x81\xA6"),
	FRAGMENT("\xED\xA0\x80"), FRAGMENT("\xF0\x9F\x98\x80"),
	FRAGMENT("\xF4\x90\x80\x80"), FRAGMENT("\xC0\xAF"), FRAGMENT("\x81"),
	FRAGMENT("\x93"), FRAGMENT("\xE2"), FRAGMENT("\xF0\x9F"), FRAGMENT("\xFF\xFE"),
	FRAGMENT("\xFE\xFF"), FRAGMENT("\xEF\xBB\xBF"), FRAGMENT("\xD8"), FRAGMENT("\xDE"),
	FRAGMENT("\0\xD8"),
};
/* clang-format on */

static void fuzz_one(const unsigned char *in, size_t n)
{
	for (unsigned flags = 0; flags <= KEEP; flags++) {
		char *out;
		size_t len = decode_exact(in, n, flags, &out);

		assert_true(len <= text_decoded_max(n));
		assert_clean(out, len, flags);
		free(out);
	}
}

static void test_fuzz_fragments(void **state)
{
	uint64_t seed = 42;
	unsigned char in[256];
	(void)state;

	for (int round = 0; round < 20000; round++) {
		size_t n = 0, count = rnd(&seed) % 24;

		for (size_t k = 0; k < count; k++) {
			size_t f = rnd(&seed) % (sizeof fragments / sizeof fragments[0]);

			memcpy(in + n, fragments[f].bytes, fragments[f].len);
			n += fragments[f].len;
		}
		fuzz_one(in, n);
	}
}

static void test_fuzz_random_bytes(void **state)
{
	uint64_t seed = 7;
	unsigned char in[300];
	(void)state;

	for (int round = 0; round < 20000; round++) {
		size_t n = rnd(&seed) % sizeof in;

		for (size_t k = 0; k < n; k++)
			in[k] = (unsigned char)rnd(&seed);
		if (round % 3 == 0 && n >= 2)
			memcpy(in, round % 2 ? "\xFF\xFE" : "\xFE\xFF", 2);
		fuzz_one(in, n);
	}
}

/* Every pair of bytes: all UTF-8 2-byte sequences, valid or not, and every control. */
static void test_every_byte_pair(void **state)
{
	(void)state;
	for (unsigned pair = 0; pair < 65536; pair++) {
		unsigned char in[3] = {(unsigned char)(pair >> 8), (unsigned char)pair, 'x'};

		fuzz_one(in, 3);
	}
}

/* ---- binary detection ---------------------------------------------------------------- */

#define LOOKS_BINARY(lit) text_looks_binary(lit, sizeof(lit) - 1)

static void test_binary_formats(void **state)
{
	(void)state;
	assert_true(LOOKS_BINARY("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06"));
	assert_true(LOOKS_BINARY("\xFF\xD8\xFF\xE0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
	assert_true(LOOKS_BINARY("PK\x03\x04\x14\0\0\0\x08\0\x8B\x6A\x2E\x58release.txt"));
	assert_true(LOOKS_BINARY("\x1F\x8B\x08\0\0\0\0\0\0\x03\xED\x5D\x6B\x73\xDB"));
	assert_true(LOOKS_BINARY("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<</Filter/FlateDecode"
	                         "/Length 42>>stream\nx\x9C\xED\x5D\0\x01\x8F\x13"));
	/* UTF-16 without a BOM cannot be told from binary. */
	assert_true(LOOKS_BINARY("h\0e\0l\0l\0o\0"));
}

static void test_text_is_not_binary(void **state)
{
	(void)state;
	assert_false(text_looks_binary("", 0));
	assert_false(LOOKS_BINARY("WASHINGTON \x96 The Department announced\r\n\ttoday\f"));
	assert_false(LOOKS_BINARY("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D\n"));
	assert_false(LOOKS_BINARY("\xFF\xFEh\0e\0l\0l\0o\0"));
	assert_false(LOOKS_BINARY("\xFE\xFF\0h\0e\0l\0l\0o"));
	assert_false(LOOKS_BINARY("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"));
}

static void test_binary_control_share(void **state)
{
	char text[1000];
	(void)state;

	/* A few stray controls in a release: no. */
	memset(text, 'x', sizeof text);
	text[10] = '\x1B';
	text[500] = '\x07';
	text[900] = '\x1A';
	assert_false(text_looks_binary(text, sizeof text));
	/* Exactly one in ten is still text; one more is binary. */
	for (size_t i = 0; i < sizeof text; i += 10)
		text[i] = '\x01';
	assert_false(text_looks_binary(text, sizeof text));
	text[5] = '\x02';
	assert_true(text_looks_binary(text, sizeof text));
	/* \t \n \r \f do not count. */
	memset(text, '\n', 250);
	memset(text + 250, '\t', 250);
	memset(text + 500, '\r', 250);
	memset(text + 750, '\f', 250);
	assert_false(text_looks_binary(text, sizeof text));
}

/* The controls are counted the same in every lane of the fast path, in its tail,
 * and among high bytes (which are not controls, whatever their sign as chars). */
static void test_binary_control_count_at_every_offset(void **state)
{
	enum { HEAD = 1024, LIMIT = HEAD / 10 }; /* more than LIMIT controls: binary */
	static const unsigned char fillers[] = {'x', 0x80, 0xFF};
	unsigned char text[HEAD + 7];
	(void)state;
	for (size_t f = 0; f < sizeof fillers; f++) {
		for (size_t len = HEAD - 5; len <= HEAD; len++) {
			for (size_t first = 0; first < 17; first++) {
				memset(text, fillers[f], sizeof text);
				size_t placed = 0;
				/* Every 7th byte from `first` on, up to the limit: still text. */
				for (size_t i = first; i < len && placed < LIMIT * len / HEAD;
				     i += 7)
					text[i] = (unsigned char)(1 + placed++ % 8);
				assert_false(text_looks_binary(text, len));
				/* Past the limit, in the last bytes: binary. */
				for (size_t i = len; i-- > 0 && placed * 10 <= len;)
					if (text[i] == fillers[f])
						text[i] = 0x1B, placed++;
				assert_true(text_looks_binary(text, len));
			}
		}
	}
}

static void test_binary_looks_at_the_head_only(void **state)
{
	enum { HEAD = 8192 };
	char *big = malloc(HEAD + 100);
	(void)state;

	assert_non_null(big);
	memset(big, 'x', HEAD + 100);
	big[HEAD] = '\0';
	assert_false(text_looks_binary(big, HEAD + 100));
	big[HEAD - 1] = '\0';
	assert_true(text_looks_binary(big, HEAD + 100));
	/* Control bytes count in the first KiB only. */
	memset(big, 'x', HEAD + 100);
	memset(big + 1024, '\x01', 1024);
	assert_false(text_looks_binary(big, HEAD + 100));
	memset(big + 1024 - 103, '\x01', 103);
	assert_true(text_looks_binary(big, HEAD + 100));
	free(big);
}

/* Sizes in messages read in the unit that fits: never "0 MiB". */
static void test_size_names(void **state)
{
	(void)state;
	static const struct {
		uint64_t bytes;
		const char *name;
	} cases[] = {
	        {0, "0 bytes"},
	        {1, "1 byte"},
	        {1023, "1023 bytes"},
	        {2048, "2 KiB"},
	        {1536, "1.5 KiB"},
	        {(uint64_t)1 << 20, "1 MiB"},
	        {(uint64_t)3 << 29, "1.5 GiB"},
	        {(uint64_t)256 << 20, "256 MiB"},
	        {(uint64_t)2 << 40, "2 TiB"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char out[32];
		text_size_name(cases[i].bytes, out, sizeof out);
		assert_string_equal(out, cases[i].name);
	}
}

/* The lines a text wraps to, counted and taken one at a time, are text_wrap_line's. */
static void test_wrap_lines(void **state)
{
	(void)state;
	const char *s = "one two three four five";
	size_t start, len;
	assert_int_equal(text_wrap_count(s, strlen(s), 9), 3);
	assert_true(text_wrap_nth(s, strlen(s), 9, 1, &start, &len));
	assert_int_equal(len, strlen("three"));
	assert_memory_equal(s + start, "three", len);
	assert_true(text_wrap_nth(s, strlen(s), 9, 2, &start, &len));
	assert_memory_equal(s + start, "four five", len);
	assert_false(text_wrap_nth(s, strlen(s), 9, 3, &start, &len));
	assert_int_equal(text_wrap_count("", 0, 9), 1);
	assert_true(text_wrap_nth("", 0, 9, 0, &start, &len));
	assert_int_equal(len, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_ascii_passes_through),
	        cmocka_unit_test(test_valid_utf8_passes_through),
	        cmocka_unit_test(test_utf8_bom_is_dropped),
	        cmocka_unit_test(test_every_single_byte),
	        cmocka_unit_test(test_fast_path_agrees_at_every_offset),
	        cmocka_unit_test(test_cp1252_bytes),
	        cmocka_unit_test(test_overlong_is_cp1252),
	        cmocka_unit_test(test_encoded_surrogate_is_cp1252),
	        cmocka_unit_test(test_beyond_unicode_is_cp1252),
	        cmocka_unit_test(test_truncated_sequence),
	        cmocka_unit_test(test_line_ends_fold),
	        cmocka_unit_test(test_line_separators),
	        cmocka_unit_test(test_tab_becomes_space),
	        cmocka_unit_test(test_controls_become_pictures),
	        cmocka_unit_test(test_c1_controls_are_replaced),
	        cmocka_unit_test(test_bidi_controls_are_replaced),
	        cmocka_unit_test(test_names_mode),
	        cmocka_unit_test(test_utf16le),
	        cmocka_unit_test(test_utf16be),
	        cmocka_unit_test(test_utf16_odd_trailing_byte),
	        cmocka_unit_test(test_utf16_is_sanitised),
	        cmocka_unit_test(test_utf16_fast_path_agrees_at_every_offset),
	        cmocka_unit_test(test_decoded_max_worst_cases),
	        cmocka_unit_test(test_fuzz_fragments),
	        cmocka_unit_test(test_fuzz_random_bytes),
	        cmocka_unit_test(test_every_byte_pair),
	        cmocka_unit_test(test_binary_formats),
	        cmocka_unit_test(test_text_is_not_binary),
	        cmocka_unit_test(test_binary_control_share),
	        cmocka_unit_test(test_binary_control_count_at_every_offset),
	        cmocka_unit_test(test_binary_looks_at_the_head_only),
	        cmocka_unit_test(test_size_names),
	        cmocka_unit_test(test_wrap_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
