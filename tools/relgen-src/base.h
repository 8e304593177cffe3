/* base.h — what every part of relgen uses: fatal errors, memory that cannot fail,
 * a growable byte buffer and the string pool kept in one.
 *
 * relgen is a tool that runs once and exits, so every failure ends the run through
 * die() and nothing recovers or frees on the way out. */
#ifndef RELGEN_BASE_H
#define RELGEN_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define NONE         SIZE_MAX

/* A table defined in one file and read in others. An extern declaration hides the
 * table's length from ARRAY_LEN, so the length is exported beside it as name_len:
 * TABLE declares both (in a header), TABLE_LEN defines the length after the table. */
#define TABLE(type, name)                                                                          \
	extern type name[];                                                                        \
	extern const size_t name##_len
#define TABLE_LEN(name) const size_t name##_len = ARRAY_LEN(name)

_Noreturn void die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);

/* Used by the random numbers and the hash, both of which must not change: the
 * output of a seed depends on them bit for bit. */
static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* ---- growable byte buffer ---------------------------------------------------- */

struct buf {
	char *p;
	size_t len, cap;
};

void buf_grow(struct buf *b, size_t extra);

/* The three below run for every byte written, hence inline here. */

/* Room for `extra` more bytes and a NUL. */
static inline void buf_reserve(struct buf *b, size_t extra)
{
	if (b->cap - b->len <= extra)
		buf_grow(b, extra);
}

static inline void buf_add(struct buf *b, const void *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static inline void buf_chr(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = c;
}

void buf_str(struct buf *b, const char *s);
const char *buf_cstr(struct buf *b);
void buf_free(struct buf *b);
void buf_uint(struct buf *b, unsigned long v, bool group);
void buf_pad(struct buf *b, unsigned v, int width);
size_t pool_put(struct buf *pool, const char *s, size_t n);

#endif
