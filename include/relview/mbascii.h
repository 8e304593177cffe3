/* mbascii — a faster mbrtowc() for the reading children.
 *
 * libarchive's tar and zip readers widen every entry's name to see whether it ends
 * in '/', one mbrtowc() call per byte, and glibc's mbrtowc() goes through its
 * character-set converter for every byte: about 24 ns, a fifth of a child reading
 * a tar.zst. This module defines mbrtowc() for the whole process. Once enabled, it
 * answers an ASCII byte in the initial shift state itself, as glibc would; every
 * other call goes to glibc's own. Until then, every call goes to glibc's. */
#ifndef RELVIEW_MBASCII_H
#define RELVIEW_MBASCII_H

#include <stdbool.h>

/* Answer ASCII bytes without glibc, if the current locale maps each one to the
 * wide character of the same value (checked here against glibc). Returns whether
 * it does. Call it after setlocale(), in a process that will not change its
 * locale again: the reading child, before it reads. */
bool mbascii_enable(void);

#endif
