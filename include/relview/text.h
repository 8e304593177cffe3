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

/* Upper bound of the bytes text_decode() writes for n input bytes: 3n, saturating at
 * SIZE_MAX (the proof is in text.c). */
size_t text_decoded_max(size_t n);

/* Decode raw bytes into clean UTF-8 at out (room for text_decoded_max(n) bytes; not
 * NUL-terminated) and return the length written:
 *  - a UTF-8 BOM is dropped; UTF-16LE/BE with a BOM is converted (an unpaired
 *    surrogate or an odd trailing byte becomes U+FFFD);
 *  - every byte that is not part of a valid, shortest-form UTF-8 sequence (overlongs,
 *    surrogates and code points above U+10FFFF are not) is decoded as cp1252, one
 *    byte at a time (its five undefined bytes become U+FFFD);
 *  - CRLF, lone CR, U+2028 and U+2029 become '\n', and '\n' becomes U+2424 unless
 *    TEXT_KEEP_NEWLINES; a tab becomes a space;
 *  - NUL and the other C0 controls c become U+2400 + c, DEL U+2421; C1 controls
 *    (U+0080..U+009F) and the bidi marks (U+061C, U+200E, U+200F, U+202A..U+202E,
 *    U+2066..U+2069) become U+FFFD, so nothing can act as a terminal control
 *    sequence or reorder what is shown. */
size_t text_decode(const void *in, size_t n, char *out, unsigned flags);

/* Write cp (at most U+10FFFF, not a surrogate) as UTF-8; the byte count, 1 to 4. The
 * one encoder: every other module that makes UTF-8 calls it. */
size_t text_utf8_encode(uint32_t cp, char out[4]);

/* The decoded, NUL-terminated form of a raw name (entry path, file name, a reason
 * a library gave): no control character survives. A malloc'd string, or NULL. */
char *text_clean_name(const char *raw);

/* True when the bytes are not a release: a NUL byte in the first 8 KiB, or more than
 * one byte in ten of the first 1 KiB a C0 control other than \t \n \r \f; false
 * when the input starts with a UTF-16 BOM, and for empty input. */
bool text_looks_binary(const void *in, size_t n);

/* Decode one code point of valid UTF-8 at s[*i] (i < n) and advance *i. Invalid
 * UTF-8 reads as U+FFFD and advances one byte. */
uint32_t text_next_cp(const char *s, size_t n, size_t *i);

/* Terminal columns of one code point: 0 (combining, zero-width), 1 or 2 (wide), as
 * glibc's wcwidth() says in C.UTF-8 whatever the process locale; controls and
 * unassigned code points count 1. Thread-safe. */
int text_cp_width(uint32_t cp);

/* Terminal columns of a UTF-8 string. */
size_t text_width(const char *s, size_t n);

/* Longest prefix of s that fits in `cols` columns, never splitting a character (or a
 * character from its combining marks: zero-width code points go with the character
 * before them, or with the prefix when s starts with them). Returns its byte length;
 * *used (optional) receives the columns it takes. */
size_t text_fit(const char *s, size_t n, size_t cols, size_t *used);

/* Wrap: the length of the first line of s when wrapped at `cols` columns (0 counts as
 * 1) on word boundaries (spaces); a word longer than the line is cut at the column
 * limit (a leading indent counts as part of the first word). Stops at '\n'. Trailing
 * spaces are not counted; *next receives the offset where the following line starts
 * (n when s is used up): after the '\n', or after the break and the spaces that follow
 * it (and past a '\n' when only those spaces stood before it). A character wider than
 * the line gets a line of its own, wider than cols. *next > 0 whenever n > 0. */
size_t text_wrap_line(const char *s, size_t n, size_t cols, size_t *next);

/* Lines s takes when wrapped at cols as text_wrap_line() wraps (at least one), and
 * line k of them: *start and *len in s (false when there is no line k). */
size_t text_wrap_count(const char *s, size_t n, size_t cols);
bool text_wrap_nth(const char *s, size_t n, size_t cols, size_t k, size_t *start, size_t *len);

/* A byte count in the unit that reads best, for messages: "512 bytes", "2 KiB",
 * "1.5 MiB", "4 GiB" (binary units; one decimal when it is no whole number). */
void text_size_name(uint64_t bytes, char *out, size_t size);

#endif
