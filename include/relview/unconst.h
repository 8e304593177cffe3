/* unconst — a pointer to data relview only reads, passed where a C, POSIX or library
 * interface's type lacks the const though the callee does not write through it:
 * free() and munmap() of what relview owns, struct iovec's iov_base (writev reads
 * it), posix_spawn's argv and envp (POSIX: "char *const[]" only for compatibility;
 * the strings are not changed) and ISA-L's next_in. -Wcast-qual is quieted here
 * only, so that every other cast that drops a const is still an error. */
#ifndef RELVIEW_UNCONST_H
#define RELVIEW_UNCONST_H

static inline void *unconst(const void *p)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wcast-qual"
	return (void *)p;
#pragma GCC diagnostic pop
}

#endif
