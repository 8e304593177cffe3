#include "config.h"

/* write.c — pass 2: the entries in their sorted order, each release's text made as it
 * is written (see write.h). */

#include "write.h"

#include "encode.h"
#include "page.h"
#include "sink.h"

#include <stdlib.h>

/* The bytes of a junk entry: the start of the real format, then mostly zeros. */
static void junk_bytes(struct rng *r, enum entry_kind kind, struct buf *out)
{
	static const unsigned char png[] = {0x89, 'P',  'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
	                                    0,    0x0D, 'I', 'H', 'D',  'R',  0,    0,    1, 0x40};
	static const unsigned char ds_store[] = {0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0, 0x10, 0};
	static const unsigned char apple[] = {0,   5,   0x16, 7,   0,   2,   0,   0,
	                                      'M', 'a', 'c',  ' ', 'O', 'S', ' ', 'X',
	                                      ' ', ' ', ' ',  ' ', ' ', ' ', ' ', ' '};
	out->len = 0;
	size_t n;
	switch (kind) {
	case ENT_PNG:
		buf_add(out, png, sizeof png), n = (size_t)rnd_range(r, 200, 3000);
		break;
	case ENT_DS_STORE:
		buf_add(out, ds_store, sizeof ds_store), n = 6132;
		break;
	case ENT_APPLEDOUBLE:
		buf_add(out, apple, sizeof apple), n = 4072;
		break;
	default:
		return;
	}
	for (size_t i = 0; i < n; i++)
		buf_chr(out, rnd(r, 4) ? 0 : (char)rnd(r, 256));
}

struct bodies {
	struct buf text, tmp, bytes;
	struct hashset seen; /* hashes of every release text written */
};

/* The release's bytes, its text unique in the corpus. */
static const struct buf *make_release(struct corpus *c, uint32_t i, struct bodies *b)
{
	const struct release *rel = &c->rel[i];
	struct writer w = {.rel = rel, .pool = c->pool.p, .out = &b->text};
	for (uint64_t attempt = 0;; attempt++) {
		rng_init(&w.r, c->seed, STREAM_BODY, (uint64_t)i << 16 | attempt);
		b->text.len = 0;
		write_release_text(&w);
		if (hashset_add(&b->seen, hash_bytes(b->text.p, b->text.len)))
			break;
	}
	return encode_release(&w.r, c->opts.plain, &b->text, &b->tmp, &b->bytes);
}

/* Entry k of the corpus into the sink. A release that has a copy keeps its bytes
 * until the copy, which sorts after it, has been written. */
static void write_entry(struct corpus *c, size_t k, struct bodies *b, struct sink *sink)
{
	const struct entry *e = &c->ent[k];
	const char *name = c->pool.p + e->name;
	struct release *rel = &c->rel[e->rel];
	const struct buf *bytes;
	struct rng r;
	switch (e->kind) {
	case ENT_RELEASE:
		bytes = make_release(c, e->rel, b);
		sink_write(sink, name, false, bytes->p, bytes->len);
		if (rel->copy >= 0) {
			rel->bytes = xrealloc(NULL, bytes->len);
			memcpy(rel->bytes, bytes->p, bytes->len);
			rel->nbytes = bytes->len;
		}
		break;
	case ENT_COPY:
		if (!rel->bytes)
			die("internal error: %s comes before its original", name);
		sink_write(sink, name, false, rel->bytes, rel->nbytes);
		free(rel->bytes);
		rel->bytes = NULL;
		break;
	case ENT_DIR:
		sink_write(sink, name, true, NULL, 0);
		break;
	case ENT_EMPTY:
		sink_write(sink, name, false, "", 0);
		break;
	default:
		rng_init(&r, c->seed, STREAM_JUNK, k + 1);
		junk_bytes(&r, e->kind, &b->bytes);
		sink_write(sink, name, false, b->bytes.p, b->bytes.len);
		break;
	}
}

void corpus_write(struct corpus *c, const struct format *fmt, const char *output)
{
	struct sink sink;
	struct bodies b = {0};
	hashset_init(&b.seen, c->nrel);
	sink_open(&sink, fmt, output);
	for (size_t k = 0; k < c->nent; k++)
		write_entry(c, k, &b, &sink);
	sink_close(&sink);
	buf_free(&b.text);
	buf_free(&b.tmp);
	buf_free(&b.bytes);
	free(b.seen.slot);
}
