#include "config.h"

/* encode.c — a release's bytes from its UTF-8 text: CRLF line ends, a byte order
 * mark, cp1252 or UTF-16LE, as the files of real archives come (see encode.h). */

#include "encode.h"

#include "utf8.h"

static void to_crlf(const struct buf *in, struct buf *out)
{
	out->len = 0;
	for (size_t i = 0; i < in->len; i++) {
		if (in->p[i] == '\n')
			buf_chr(out, '\r');
		buf_chr(out, in->p[i]);
	}
}

static int cp1252_byte(uint32_t cp)
{
	static const uint16_t high[32] = {
	        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
	};
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (high[i] && high[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Length of a valid, shortest-form UTF-8 multi-byte sequence at p, or 0. */
static size_t utf8_valid_seq(const unsigned char *p, size_t n)
{
	size_t len;
	uint32_t cp, min;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2, cp = p[0] & 0x1F, min = 0x80;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3, cp = p[0] & 0x0F, min = 0x800;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4, cp = p[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* cp1252 bytes of UTF-8 text. False when a character has no cp1252 byte, or when the
 * bytes would read back differently: a reader takes any valid UTF-8 sequence as
 * UTF-8 and only the rest as cp1252, so "Ã©" must not occur. */
static bool to_cp1252(const struct buf *in, struct buf *out)
{
	out->len = 0;
	size_t i = 0;
	while (i < in->len) {
		int c = cp1252_byte(utf8_next(in->p, in->len, &i));
		if (c < 0)
			return false;
		buf_chr(out, (char)c);
	}
	for (size_t j = 0; j < out->len; j++)
		if (utf8_valid_seq((const unsigned char *)out->p + j, out->len - j))
			return false;
	return true;
}

static void to_utf16le(const struct buf *in, struct buf *out)
{
	out->len = 0;
	buf_add(out, "\xFF\xFE", 2);
	size_t i = 0;
	while (i < in->len) {
		uint32_t cp = utf8_next(in->p, in->len, &i);
		uint16_t units[2];
		int n = 1;
		if (cp >= 0x10000) {
			units[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			units[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
			n = 2;
		} else {
			units[0] = (uint16_t)cp;
		}
		for (int k = 0; k < n; k++) {
			buf_chr(out, (char)(units[k] & 0xFF));
			buf_chr(out, (char)(units[k] >> 8));
		}
	}
}

/* The encodings a release's file may come in. */
enum encoding { E_UTF8, E_UTF8_BOM, E_CP1252, E_UTF16LE };

/* The file's bytes from the text: an encoding and line ends drawn from r. Returns
 * the buffer that holds them: out, tmp or text itself. */
const struct buf *encode_release(struct rng *r, bool plain, struct buf *text, struct buf *tmp,
                                 struct buf *out)
{
	static const unsigned w[] = {
	        [E_UTF8] = 82, [E_UTF8_BOM] = 6, [E_CP1252] = 9, [E_UTF16LE] = 3};
	enum encoding enc = plain ? E_UTF8 : (enum encoding)pick_weighted(r, w, ARRAY_LEN(w));
	struct buf *src = text;
	if (!plain && chance(r, 6)) {
		to_crlf(text, tmp);
		src = tmp;
	}
	switch (enc) {
	case E_CP1252:
		if (to_cp1252(src, out))
			return out;
		return src; /* not representable: UTF-8 after all */
	case E_UTF16LE:
		to_utf16le(src, out);
		return out;
	case E_UTF8_BOM:
		out->len = 0;
		buf_add(out, "\xEF\xBB\xBF", 3);
		buf_add(out, src->p, src->len);
		return out;
	default:
		return src;
	}
}
