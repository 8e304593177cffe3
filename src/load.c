#include "config.h"

#include "relview/load.h"

#include "relview/cache.h"
#include "relview/catalog.h"
#include "relview/handoff.h"
#include "relview/parse.h"
#include "relview/sandbox.h"
#include "relview/text.h"
#include "relview/topics.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A fallback title longer than this is cut at a word boundary. */
#define FALLBACK_TITLE_MAX 100
/* Decoded releases go to the cataloguing thread in batches (one hand-over for many
 * releases), a few batches at most waiting: little next to the catalog. */
#define BATCH_RELEASES   256
#define BATCH_BYTES      ((size_t)1 << 20)
#define QUEUED_BATCHES   8
#define QUEUED_BYTES_MAX ((size_t)32 << 20)

struct loader {
	struct catalog *cat;
	const struct load_options *opt;
	struct load_counts *counts;
	int input_id;
	const char *input_name;   /* sanitised */
	uint64_t problems;        /* in this input */
	uint64_t inflated_before; /* by the inputs before this one, for progress */
	bool keep;                /* keep the problems, for the cache */
	struct cache_problem *kept;
	size_t nkept;
	struct handoff *cataloguing; /* the thread that parses and catalogs, or NULL */
	struct batch *batch;         /* being filled by the reading thread */
	bool out_of_memory;          /* on the cataloguing thread: reported after it ended */
	/* Batches done with, for the reading thread to fill again: fresh memory for every
	 * batch cost more in page faults than the second thread saved. */
	pthread_mutex_t spares_lock;
	struct batch *spares;
};

/* Decoded releases on their way to the catalog: their texts one after the other. */
struct batch {
	struct batch *next; /* among the spares */
	char *bytes;
	size_t used, cap;
	size_t n;
	struct decoded {
		size_t off, len;
		char *entry; /* the entry's sanitised name, or NULL for a plain file */
		uint64_t ordinal;
	} items[BATCH_RELEASES];
};

char *load_clean_name(const char *raw)
{
	size_t n = strlen(raw);
	char *clean = malloc(text_decoded_max(n) + 1);
	if (clean)
		clean[text_decode(raw, n, clean, 0)] = '\0';
	return clean;
}

/* Remember a problem for the cache; a copy that fails to be made costs the cache. */
static void keep_problem(struct loader *l, const char *path, const char *reason)
{
	struct cache_problem *more = realloc(l->kept, (l->nkept + 1) * sizeof *more);
	if (!more) {
		l->keep = false;
		return;
	}
	l->kept = more;
	more[l->nkept] = (struct cache_problem){path ? strdup(path) : NULL, strdup(reason)};
	if ((path && !more[l->nkept].path) || !more[l->nkept].reason)
		l->keep = false;
	l->nkept++;
}

static void report(struct loader *l, const char *path, const char *reason)
{
	if (l->keep)
		keep_problem(l, path, reason ? reason : "unknown error");
	if (++l->problems > LOAD_PROBLEMS_SHOWN)
		return;
	char *entry = path ? load_clean_name(path) : NULL;
	char *why = load_clean_name(reason ? reason : "unknown error");
	fprintf(l->opt->errors, "relview: %s: %s%s%s\n", l->input_name, entry ? entry : "",
	        entry ? ": " : "", why ? why : "");
	free(entry);
	free(why);
}

static void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct loader *l = ctx;
	(void)path;
	if (!l->opt->progress)
		return;
	atomic_store(&l->opt->progress->consumed, consumed);
	atomic_store(&l->opt->progress->inflated, l->inflated_before + inflated);
}

static void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	report(ctx, path, reason);
}

static struct str first_line(const char *s, size_t n)
{
	while (n && (*s == '\n' || *s == ' '))
		s++, n--;
	const char *nl = memchr(s, '\n', n);
	size_t len = nl ? (size_t)(nl - s) : n;
	while (len && s[len - 1] == ' ')
		len--;
	if (len > FALLBACK_TITLE_MAX) {
		size_t cut = FALLBACK_TITLE_MAX;
		while (cut > FALLBACK_TITLE_MAX / 2 && s[cut] != ' ')
			cut--;
		len = s[cut] == ' ' ? cut : FALLBACK_TITLE_MAX;
		/* never end inside a UTF-8 sequence */
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	return (struct str){s, len};
}

/* The file's base name without its extension. */
static struct str name_title(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return (struct str){base, len};
}

/* What a release is listed under when the parser found no headline: the first
 * meaningful line of its body or text, else its file name. */
static struct str fallback_title(const char *text, size_t len, const struct parsed *p,
                                 const char *name)
{
	struct str line = {NULL, 0};
	if (p->body.len)
		line = first_line(text + p->body.off, p->body.len);
	if (!line.len)
		line = first_line(text, len);
	return line.len ? line : name_title(name);
}

static void free_batch(struct batch *b)
{
	free(b->bytes);
	free(b);
}

/* A batch done with goes back to the spares, emptied. */
static void spare_batch(struct loader *l, struct batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->items[i].entry);
	b->used = b->n = 0;
	pthread_mutex_lock(&l->spares_lock);
	b->next = l->spares;
	l->spares = b;
	pthread_mutex_unlock(&l->spares_lock);
}

/* A spare batch that can take `need` bytes, or a new one. */
static struct batch *empty_batch(struct loader *l, size_t need)
{
	pthread_mutex_lock(&l->spares_lock);
	struct batch *b = l->spares;
	if (b && b->cap >= need)
		l->spares = b->next;
	else
		b = NULL;
	pthread_mutex_unlock(&l->spares_lock);
	if (b)
		return b;
	b = malloc(sizeof *b);
	size_t cap = need > BATCH_BYTES ? need : BATCH_BYTES;
	char *bytes = b ? malloc(cap) : NULL;
	if (!bytes) {
		free(b);
		return NULL;
	}
	*b = (struct batch){.bytes = bytes, .cap = cap};
	return b;
}

static void free_spares(struct loader *l)
{
	while (l->spares) {
		struct batch *next = l->spares->next;
		free_batch(l->spares);
		l->spares = next;
	}
}

/* Parse one decoded release and add it to the catalog. */
static void catalog_decoded(struct loader *l, const char *decoded, const struct decoded *d)
{
	char *text = catalog_reserve(l->cat, d->len);
	if (!text) {
		l->out_of_memory = true;
		return;
	}
	memcpy(text, decoded, d->len);
	struct parsed p;
	parse_release(text, d->len, l->opt->vocab, &p);
	struct str fallback = {NULL, 0};
	if (!p.title.len)
		fallback = fallback_title(text, d->len, &p, d->entry ? d->entry : l->input_name);
	if (catalog_commit(l->cat, d->len, &p, l->input_id, d->ordinal, d->entry, fallback)) {
		l->counts->releases++;
		if (l->opt->progress)
			atomic_fetch_add(&l->opt->progress->releases, 1);
	}
}

/* A batch's releases into the catalog, in order. On the cataloguing thread, this
 * touches nothing the reading thread does but the progress counter (atomic) and
 * counts of its own. */
static void catalog_batch(void *ctx, void *item)
{
	struct batch *b = item;
	for (size_t i = 0; i < b->n; i++)
		catalog_decoded(ctx, b->bytes + b->items[i].off, &b->items[i]);
	spare_batch(ctx, b);
}

/* Send the batch being filled on its way. */
static void flush_batch(struct loader *l)
{
	struct batch *b = l->batch;
	l->batch = NULL;
	if (!b)
		return;
	if (l->cataloguing)
		handoff_put(l->cataloguing, b, b->used);
	else
		catalog_batch(l, b);
}

/* Room for `need` more bytes of decoded text in the batch being filled: a new batch
 * when there is none, it is full, or its bytes cannot take them. */
static struct batch *batch_with_room(struct loader *l, size_t need)
{
	struct batch *b = l->batch;
	if (b && (b->n == BATCH_RELEASES || b->cap - b->used < need))
		flush_batch(l), b = NULL;
	return b ? b : (l->batch = empty_batch(l, need));
}

/* Decode an entry here, on the reading thread, and batch it to be parsed and
 * catalogued. */
static void on_entry(void *ctx, const struct source_entry *e)
{
	struct loader *l = ctx;
	if (e->len == 0) {
		l->counts->empty++;
		return;
	}
	if (text_looks_binary(e->data, e->len)) {
		l->counts->binary++;
		if (!e->path) /* a file named on the command line deserves a word */
			report(l, NULL, "not an archive or a text file");
		return;
	}
	struct batch *b = batch_with_room(l, text_decoded_max(e->len));
	char *entry = e->path ? load_clean_name(e->path) : NULL;
	if (!b || (e->path && !entry)) {
		report(l, e->path, "out of memory");
		free(entry);
		return;
	}
	size_t len = text_decode(e->data, e->len, b->bytes + b->used, TEXT_KEEP_NEWLINES);
	b->items[b->n++] = (struct decoded){b->used, len, entry, e->ordinal};
	b->used += len;
}

static void replay(void *ctx, const char *path, const char *reason)
{
	report(ctx, path, reason);
}

/* What decides the parse besides the bundle itself: the vocabulary and the limits. */
static uint64_t parse_salt(const struct load_options *opt)
{
	const struct source_limits *lim = &opt->limits;
	return topic_vocab_signature(opt->vocab) ^
	       (lim->max_entry_bytes * 31 + lim->max_total_bytes) ^ (lim->max_entries << 20) ^
	       (lim->max_ratio << 40);
}

static void counts_since(const struct load_counts *now, const struct load_counts *before,
                         struct load_counts *mine)
{
	*mine = (struct load_counts){
	        .source = {now->source.entries - before->source.entries,
	                   now->source.other - before->source.other,
	                   now->source.problems - before->source.problems,
	                   now->source.bytes - before->source.bytes, 0},
	        .releases = now->releases - before->releases,
	        .empty = now->empty - before->empty,
	        .binary = now->binary - before->binary,
	};
}

/* Read the input itself; with a key, cache what it gave — unless the result depends
 * on more than this input (a release dropped as a copy of another input's) or on
 * chance (a reader stopped for silence). */
static bool read_input(struct loader *l, const char *input, const struct cache_key *key)
{
	struct load_counts before = *l->counts;
	uint64_t foreign = l->cat->foreign_duplicates;
	struct load_progress *progress = l->opt->progress;
	struct source_handler h = {l, on_entry, on_problem, on_progress,
	                           progress ? &progress->cancel : NULL};
	l->keep = key != NULL;
	if (progress) {
		struct stat st;
		l->inflated_before = atomic_load(&progress->inflated);
		atomic_store(&progress->consumed, 0);
		atomic_store(&progress->size, stat(input, &st) == 0 && S_ISREG(st.st_mode)
		                                      ? (uint64_t)st.st_size
		                                      : 0);
	}
	l->cataloguing = handoff_new(QUEUED_BATCHES, QUEUED_BYTES_MAX, catalog_batch, l);
	bool ok = sandbox_read(input, &l->opt->limits, &h, &l->counts->source);
	flush_batch(l);
	if (l->cataloguing)
		handoff_finish(l->cataloguing);
	l->cataloguing = NULL;
	free_spares(l);
	if (l->out_of_memory)
		report(l, NULL, "out of memory: some releases were not read");
	bool cancelled = progress && atomic_load(&progress->cancel);
	if (l->keep && !cancelled && l->cat->foreign_duplicates == foreign &&
	    l->counts->source.stopped == before.source.stopped) {
		struct load_counts mine;
		counts_since(l->counts, &before, &mine);
		cache_store(l->opt->cache_dir, key, l->cat, l->input_id, l->kept, l->nkept, &mine,
		            l->opt->cache_max_bytes);
	}
	for (size_t i = 0; i < l->nkept; i++) {
		free(l->kept[i].path);
		free(l->kept[i].reason);
	}
	free(l->kept);
	l->keep = false;
	return ok;
}

bool load_input(struct catalog *cat, const char *input, const struct load_options *opt,
                struct load_counts *counts)
{
	char *name = load_clean_name(input);
	struct loader l = {.cat = cat,
	                   .opt = opt,
	                   .counts = counts,
	                   .input_id = -1,
	                   .input_name = name,
	                   .spares_lock = PTHREAD_MUTEX_INITIALIZER};
	uint64_t before = counts->releases;
	bool ok = false;
	if (name && (l.input_id = catalog_add_input(cat, name)) >= 0) {
		struct cache_key key;
		bool cacheable = opt->cache_dir && cache_key_make(input, parse_salt(opt), &key);
		ok = (cacheable &&
		      cache_load(opt->cache_dir, &key, cat, l.input_id, replay, &l, counts)) ||
		     read_input(&l, input, cacheable ? &key : NULL);
		if (cacheable)
			cache_key_free(&key);
		bool cancelled = opt->progress && atomic_load(&opt->progress->cancel);
		if (counts->releases == before && l.problems == 0 && !cancelled)
			report(&l, NULL, "no releases found");
		if (l.problems > LOAD_PROBLEMS_SHOWN)
			fprintf(opt->errors, "relview: %s: %llu more problems not shown\n", name,
			        (unsigned long long)(l.problems - LOAD_PROBLEMS_SHOWN));
	} else {
		fprintf(opt->errors, "relview: %s: out of memory\n", name ? name : input);
	}
	free(name);
	return ok && counts->releases > before;
}
