/* fold — what "the same letter" means to a search: Unicode case folding and accents
 * set aside, one code point at a time (libutf8proc), and the rule by which a typed
 * pattern asks for them (smart case, smart accents). */
#ifndef RELVIEW_FOLD_H
#define RELVIEW_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum fold_flag {
	FOLD_CASE = 1,    /* upper and lower case are the same */
	FOLD_ACCENTS = 2, /* combining marks are dropped: ü is u, ñ is n */
};

/* The most code points one code point folds to. */
#define FOLD_MAX 18

/* What cp folds to under flags: its canonical decomposition, case folded
 * (FOLD_CASE) and without its marks (FOLD_ACCENTS); typographic quotes, dashes and
 * spaces always as their ASCII kin. Returns how many code points (0: a mark
 * dropped). ASCII folds to itself, or to lower case. */
size_t fold_char(uint32_t cp, unsigned flags, uint32_t out[FOLD_MAX]);

/* Is cp white space, as a phrase's space matches it? */
bool fold_is_space(uint32_t cp);

/* The lower case of a letter (itself for anything else). */
uint32_t fold_lower(uint32_t cp);

/* The flags a typed pattern asks for: FOLD_CASE unless it has an upper-case
 * letter, FOLD_ACCENTS unless it has an accented letter. */
unsigned fold_flags_for(const char *s, size_t n);

/* s[0..n) folded under flags, as UTF-8 in out (room for fold_string_max(n) bytes),
 * NUL-terminated; returns its length. For names compared word by word (topics,
 * places). */
size_t fold_string(const char *s, size_t n, unsigned flags, char *out);
size_t fold_string_max(size_t n);

#endif
