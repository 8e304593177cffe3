/* utf8.h — UTF-8 of relgen's own text, which is valid by construction, so that
 * decoding it needs no checks; upper case and file-name letters for the Latin-1
 * letters in its place names. */
#ifndef RELGEN_UTF8_H
#define RELGEN_UTF8_H

#include "base.h"

uint32_t utf8_next(const char *s, size_t n, size_t *i);
void buf_upper(struct buf *b, const char *s);
char latin1_base(uint32_t cp);

#endif
