/* hash — xxhash's XXH3 for the catalog's text index, the cache's checksums and
 * related.c's shingles. Where the library has run-time dispatch, the calls go
 * through it: the same hashes, computed with AVX2 where the processor has it, which
 * made hashing a 100k load's text three times as fast as the library's default
 * SSE2 code. */
#ifndef RELVIEW_HASH_H
#define RELVIEW_HASH_H

#if defined(HAVE_XXH_X86DISPATCH_H) && defined(HAVE_XXH3_64BITS_DISPATCH)
#include <xxh_x86dispatch.h> /* renames XXH3_64bits() and others to their dispatch */
#else
#include <xxhash.h>
#endif

#endif
