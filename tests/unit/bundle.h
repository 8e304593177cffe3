/* bundle — archives written with libarchive, for the tests that read them. */
#ifndef RELVIEW_TEST_BUNDLE_H
#define RELVIEW_TEST_BUNDLE_H

#include <stddef.h>

struct archive;

/* Add a regular file of len bytes (mode 0644) to an archive being written; the
 * test fails if libarchive does not take all of it. */
void bundle_add_file(struct archive *a, const char *name, const void *data, size_t len);

/* size random letters from seed, which deflate cannot shrink much, so that a
 * member's compressed size follows its size; returns the seed to go on from. */
unsigned bundle_letters(char *text, size_t size, unsigned seed);

#endif
