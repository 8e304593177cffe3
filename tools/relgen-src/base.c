#include "config.h"

/* base.c — fatal errors, memory and the byte buffer (see base.h). */

#include "base.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

_Noreturn void die(const char *fmt, ...)
{
	va_list ap;
	fputs("relgen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory");
	return q;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

void buf_grow(struct buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* The contents as a C string (the NUL is not counted in len). */
const char *buf_cstr(struct buf *b)
{
	buf_reserve(b, 1);
	b->p[b->len] = '\0';
	return b->p;
}

void buf_free(struct buf *b)
{
	free(b->p);
	*b = (struct buf){0};
}

/* A decimal number; with group, thousands separated by commas ("1,808"). */
void buf_uint(struct buf *b, unsigned long v, bool group)
{
	char tmp[32];
	int n = 0, digits = 0;
	do {
		if (group && digits && digits % 3 == 0)
			tmp[n++] = ',';
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
		digits++;
	} while (v);
	while (n)
		buf_chr(b, tmp[--n]);
}

void buf_pad(struct buf *b, unsigned v, int width)
{
	char tmp[16];
	int n = 0;
	while (n < width || v) {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	}
	while (n)
		buf_chr(b, tmp[--n]);
}

/* Strings kept for the whole run live in one pool and are named by offset (the pool
 * moves as it grows). */
size_t pool_put(struct buf *pool, const char *s, size_t n)
{
	size_t off = pool->len;
	buf_add(pool, s, n);
	buf_chr(pool, '\0');
	return off;
}
