#include "config.h"

#include "relview/mbascii.h"

#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include <wchar.h>

typedef size_t mbrtowc_fn(wchar_t *restrict, const char *restrict, size_t, mbstate_t *restrict);

static _Atomic(mbrtowc_fn *) libc_mbrtowc;
static atomic_bool ascii_is_identity;

/* The definition this one hides: the next in the search order, glibc's. */
static mbrtowc_fn *next_mbrtowc(void)
{
	mbrtowc_fn *fn = atomic_load_explicit(&libc_mbrtowc, memory_order_relaxed);
	if (!fn) {
		void *sym = dlsym(RTLD_NEXT, "mbrtowc");
		/* ISO C has no cast from an object pointer to a function pointer;
		 * POSIX guarantees dlsym()'s result may be used as one. */
		memcpy(&fn, &sym, sizeof fn);
		atomic_store_explicit(&libc_mbrtowc, fn, memory_order_relaxed);
	}
	return fn;
}

size_t mbrtowc(wchar_t *restrict pwc, const char *restrict s, size_t n, mbstate_t *restrict ps)
{
	/* Without a state of the caller's, glibc's hidden one decides; it is not
	 * visible here, so such calls go to glibc. */
	if (s && n && ps && (unsigned char)*s < 0x80 &&
	    atomic_load_explicit(&ascii_is_identity, memory_order_relaxed) && mbsinit(ps)) {
		if (pwc)
			*pwc = (unsigned char)*s;
		return *s != '\0';
	}
	mbrtowc_fn *fn = next_mbrtowc();
	if (!fn) { /* no glibc behind this definition: say the name cannot be widened */
		errno = EILSEQ;
		return (size_t)-1;
	}
	return fn(pwc, s, n, ps);
}

bool mbascii_enable(void)
{
	mbrtowc_fn *fn = next_mbrtowc();
	bool identity = fn != NULL;
	for (int c = 0; identity && c < 0x80; c++) {
		char byte = (char)c;
		wchar_t wc = (wchar_t)-1;
		mbstate_t state;
		memset(&state, 0, sizeof state);
		identity = fn(&wc, &byte, 1, &state) == (c != 0) && wc == (wchar_t)c &&
		           mbsinit(&state);
	}
	atomic_store_explicit(&ascii_is_identity, identity, memory_order_relaxed);
	return identity;
}
