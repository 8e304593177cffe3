#include "config.h"

/* corpus.c — pass 1: every release's header and entry, the copies and junk entries
 * beside them, all sorted by name (see corpus.h). */

#include "corpus.h"

#include <stdlib.h>

/* Adds an entry named by the contents of name, made unique with "-2", "-3"… before the
 * extension when needed. */
static size_t corpus_add_entry(struct corpus *c, struct buf *name, enum entry_kind kind,
                               uint32_t rel)
{
	const char *s = buf_cstr(name);
	if (nameset_has(&c->names, &c->pool, s)) {
		const char *dot = strrchr(s, '.');
		size_t stem = dot && !strchr(dot, '/') ? (size_t)(dot - s) : name->len;
		struct buf alt = {0};
		for (unsigned k = 2;; k++) {
			alt.len = 0;
			buf_add(&alt, s, stem);
			buf_chr(&alt, '-');
			buf_uint(&alt, k, false);
			buf_str(&alt, s + stem);
			if (!nameset_has(&c->names, &c->pool, buf_cstr(&alt)))
				break;
		}
		name->len = 0;
		buf_add(name, alt.p, alt.len);
		buf_free(&alt);
	}
	if (c->nent == c->capent) {
		c->capent = c->capent ? c->capent * 2 : 1024;
		c->ent = xrealloc(c->ent, c->capent * sizeof *c->ent);
	}
	size_t off = pool_put(&c->pool, name->p, name->len);
	nameset_add(&c->names, &c->pool, off);
	c->ent[c->nent] = (struct entry){off, (uint8_t)kind, rel};
	return c->nent++;
}

/* Pass 1 for one release: its header fields and its entry. */
static void corpus_head(struct corpus *c, uint32_t i, struct buf *tmp)
{
	struct release *rel = &c->rel[i];
	struct rng r;
	rng_init(&r, c->seed, STREAM_HEAD, i);
	*rel = (struct release){.copy = -1};
	head_generate(&r, rel, &c->opts, &c->pool, tmp);
	size_t k = corpus_add_entry(c, tmp, ENT_RELEASE, i);
	rel->entry = c->ent[k].name;
}

/* Exact copies of a few releases, under a name that sorts after the original's. */
static void corpus_copies(struct corpus *c, struct rng *r, struct buf *tmp)
{
	static const char *const suffix[] = {"_copy", "_2", "_old"};
	size_t want = c->nrel < 4 ? 0 : c->nrel / 200 + 2, tries = want * 4;
	while (want && tries--) {
		uint32_t i = rnd(r, (uint32_t)c->nrel);
		struct release *rel = &c->rel[i];
		if (rel->copy >= 0)
			continue;
		const char *name = c->pool.p + rel->entry;
		size_t stem = strlen(name) - 4; /* ".txt" */
		tmp->len = 0;
		buf_add(tmp, name, stem);
		buf_str(tmp, PICK(r, suffix));
		buf_str(tmp, ".txt");
		rel->copy = (int32_t)corpus_add_entry(c, tmp, ENT_COPY, i);
		want--;
	}
}

/* Entries that are not releases: directories, binaries, an empty file. */
static void corpus_junk(struct corpus *c, struct rng *r, struct buf *tmp)
{
	static const char *const dirs[] = {"releases/", "releases/empty/", "__MACOSX/"};
	for (size_t i = 0; i < ARRAY_LEN(dirs); i++) {
		tmp->len = 0;
		buf_str(tmp, dirs[i]);
		corpus_add_entry(c, tmp, ENT_DIR, 0);
	}
	size_t scale = c->nrel / 2000;
	for (size_t i = 0; i <= c->nrel / 5000; i++) {
		tmp->len = 0;
		buf_str(tmp, i % 2 ? "releases/images/photo-" : "releases/images/seal-");
		buf_uint(tmp, i + 1, false);
		buf_str(tmp, i % 3 == 2 ? ".txt" : ".png");
		corpus_add_entry(c, tmp, ENT_PNG, 0);
	}
	tmp->len = 0;
	buf_str(tmp, ".DS_Store");
	corpus_add_entry(c, tmp, ENT_DS_STORE, 0);
	tmp->len = 0;
	buf_str(tmp, "releases/.DS_Store");
	corpus_add_entry(c, tmp, ENT_DS_STORE, 0);
	for (size_t i = 0; i <= scale && c->nrel; i++) {
		const char *name = c->pool.p + c->rel[rnd(r, (uint32_t)c->nrel)].entry;
		const char *base = strrchr(name, '/');
		tmp->len = 0;
		buf_str(tmp, "__MACOSX/");
		buf_add(tmp, name, base ? (size_t)(base - name + 1) : 0);
		buf_str(tmp, "._");
		buf_str(tmp, base ? base + 1 : name);
		corpus_add_entry(c, tmp, ENT_APPLEDOUBLE, 0);
	}
	tmp->len = 0;
	buf_str(tmp, "releases/drafts/untitled.txt");
	corpus_add_entry(c, tmp, ENT_EMPTY, 0);
}

/* qsort passes its comparison no context: the pool the names are in. */
static const char *sort_pool;

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	return strcmp(sort_pool + x->name, sort_pool + y->name);
}

void corpus_build(struct corpus *c, size_t count)
{
	struct buf tmp = {0};
	c->nrel = count;
	c->rel = xcalloc(count, sizeof *c->rel);
	nameset_init(&c->names, count + count / 100 + 64);
	for (size_t i = 0; i < count; i++)
		corpus_head(c, (uint32_t)i, &tmp);
	if (!c->opts.plain) {
		struct rng r;
		rng_init(&r, c->seed, STREAM_CORPUS, 0);
		corpus_copies(c, &r, &tmp);
		rng_init(&r, c->seed, STREAM_JUNK, 0);
		corpus_junk(c, &r, &tmp);
	}
	buf_free(&tmp);
	sort_pool = c->pool.p;
	qsort(c->ent, c->nent, sizeof *c->ent, entry_cmp);
	for (size_t k = 0; k < c->nent; k++)
		if (c->ent[k].kind == ENT_COPY)
			c->rel[c->ent[k].rel].copy = (int32_t)k;
}

void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->nrel; i++)
		free(c->rel[i].bytes);
	free(c->rel);
	free(c->ent);
	free(c->names.slot);
	buf_free(&c->pool);
}
