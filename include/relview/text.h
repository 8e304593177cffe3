/* text — decoding, sanitising, display width and wrapping of UTF-8 text.
 *
 * Every byte that relview shows or prints comes out of text_decode() first, so the
 * rest of the program only ever sees valid UTF-8 with no control characters other
 * than '\n'. Width functions count terminal columns (wide characters 2, combining
 * marks 0) whatever the process locale is. */
#ifndef RELVIEW_TEXT_H
#define RELVIEW_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum text_decode_flags {
	/* Keep '\n' (after CRLF/CR folding); without it a newline becomes a stand-in,
	 * which is what names (file and entry paths) want. */
	TEXT_KEEP_NEWLINES = 1 << 0,
};

/* Upper bound of the bytes text_decode() writes for n input bytes. */
size_t text_decoded_max(size_t n);

/* Decode raw bytes into clean UTF-8 at out (room for text_decoded_max(n) bytes; not
 * NUL-terminated) and return the length written:
 *  - a UTF-8 BOM is dropped; UTF-16LE/BE with a BOM is converted;
 *  - every byte that is not part of a valid, shortest-form UTF-8 sequence is decoded
 *    as cp1252 (its five undefined bytes become U+FFFD);
 *  - CRLF and lone CR become '\n'; a tab becomes a space;
 *  - NUL, other C0 controls, DEL, C1 controls (U+0080..U+009F) and the bidi
 *    embedding/override/isolate marks become visible stand-ins (U+2400 block or
 *    U+FFFD), so nothing can act as a terminal control sequence. */
size_t text_decode(const void *in, size_t n, char *out, unsigned flags);

/* True when the bytes are not a release: NUL bytes or many control bytes in the head,
 * unless the head is a UTF-16 BOM. */
bool text_looks_binary(const void *in, size_t n);

/* Decode one code point of valid UTF-8 at s[*i] (i < n) and advance *i. */
uint32_t text_next_cp(const char *s, size_t n, size_t *i);

/* Terminal columns of one code point: 0 (combining, zero-width), 1 or 2 (wide). */
int text_cp_width(uint32_t cp);

/* Terminal columns of a UTF-8 string. */
size_t text_width(const char *s, size_t n);

/* Longest prefix of s that fits in `cols` columns, never splitting a character (or a
 * character from its combining marks). Returns its byte length; *used (optional)
 * receives the columns it takes. */
size_t text_fit(const char *s, size_t n, size_t cols, size_t *used);

/* Wrap: the length of the first line of s when wrapped at `cols` columns on word
 * boundaries (spaces); a word longer than the line is cut. Stops at '\n'. Trailing
 * spaces are not counted; *next receives the offset where the following line starts
 * (n when s is used up). */
size_t text_wrap_line(const char *s, size_t n, size_t cols, size_t *next);

#endif
