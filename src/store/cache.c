#include "config.h"

#include "relview/cache.h"

#include "cache_private.h"

#include "relview/catalog.h"
#include "relview/date.h"
#include "relview/grow.h"
#include "relview/hash.h"
#include "relview/order.h"
#include "relview/parse.h"
#include "relview/text.h"
#include "relview/unconst.h"
#include "relview/xdg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- the file format ------------------------------------------------------------
 *
 *	header | records | topic refs | topic names | problems | blob
 *
 * Every string is an offset and length into the blob; every table starts on an
 * 8-byte boundary, so that a mapped file can be read in place. The checksum is the
 * hash of the hashes of the payload's 16 MiB chunks: a reader checks the chunks on
 * two threads, halving the longest step of a re-open. */

#define MAGIC          "RELVCAT1"
#define FORMAT_VERSION 5u
#define ENDIAN_MARK    0x01020304u
#define SAMPLE_BYTES   65536      /* of the bundle's head and tail, hashed into the key */
#define ABSENT         UINT32_MAX /* length of a string that is not there */
#define CHECK_CHUNK    ((uint64_t)16 << 20)
/* The file is written in writes this large, so that the kernel may keep it in the
 * page cache in 2 MiB folios (ext4 and XFS do on recent Linux) rather than 4 KiB
 * pages: a re-open then maps and unmaps it 2 MiB at a time. Re-opening a 100k
 * catalog went from 0.15 to 0.10 s with --stats; a stdio buffer of the default 4 KiB
 * had written it 4 KiB at a time. */
#define WRITE_BUFFER ((size_t)4 << 20)

struct cstr {
	uint64_t off;
	uint32_t len, unused;
};

struct crec {
	struct cstr text, title, subtitle, location, body, entry;
	uint64_t hash, seq;
	uint32_t date, topic_first, ntopics, unused;
};

struct cheader {
	char magic[8];
	uint32_t version, endian;
	uint64_t key, payload_size, checksum;
	uint64_t nrecords, nrefs, nnames, nproblems;
	uint64_t records_off, refs_off, names_off, problems_off, blob_off, blob_size;
	struct cstr source; /* the bundle's canonical path */
	struct load_counts counts;
};

static uint64_t align8(uint64_t n)
{
	return (n + 7) & ~(uint64_t)7;
}

/* Is part (empty, or) a span of whole? The parser's fields are spans of the text. */
static bool inside(struct str part, struct str whole)
{
	return part.len == 0 || (part.s >= whole.s && part.s + part.len <= whole.s + whole.len);
}

/* ---- where and what ------------------------------------------------------------- */

char *cache_dir(void)
{
	return xdg_dir("XDG_CACHE_HOME", ".cache");
}

/* A hash of the bundle's first and last SAMPLE_BYTES: catches a file rewritten with
 * its size and mtime kept. */
static bool sample_hash(int fd, off_t size, uint64_t *hash)
{
	static char buf[2 * SAMPLE_BYTES];
	size_t head = size < SAMPLE_BYTES ? (size_t)size : SAMPLE_BYTES;
	size_t tail =
	        size - (off_t)head < SAMPLE_BYTES ? (size_t)(size - (off_t)head) : SAMPLE_BYTES;
	if (pread(fd, buf, head, 0) != (ssize_t)head ||
	    pread(fd, buf + head, tail, size - (off_t)tail) != (ssize_t)tail)
		return false;
	*hash = XXH3_64bits(buf, head + tail);
	return true;
}

bool cache_key_make(const char *input, uint64_t salt, struct cache_key *key)
{
	*key = (struct cache_key){0};
	struct stat st;
	/* stat before open: opening a FIFO would take its writer's data from the reader. */
	if (stat(input, &st) != 0 || !S_ISREG(st.st_mode))
		return false;
	int fd = open(input, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	uint64_t sample = 0;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	          (key->path = realpath(input, NULL)) && sample_hash(fd, st.st_size, &sample);
	close(fd);
	if (!ok) {
		cache_key_free(key);
		return false;
	}
	uint64_t facts[] = {FORMAT_VERSION,
	                    salt,
	                    (uint64_t)st.st_size,
	                    (uint64_t)st.st_mtim.tv_sec,
	                    (uint64_t)st.st_mtim.tv_nsec,
	                    (uint64_t)st.st_ino,
	                    (uint64_t)st.st_dev,
	                    sample,
	                    XXH3_64bits(PACKAGE_VERSION, sizeof PACKAGE_VERSION)};
	key->id = XXH3_64bits_withSeed(facts, sizeof facts,
	                               XXH3_64bits(key->path, strlen(key->path)));
	snprintf(key->file, sizeof key->file, "%016llx" SUFFIX,
	         (unsigned long long)XXH3_64bits(key->path, strlen(key->path)));
	return true;
}

void cache_key_free(struct cache_key *key)
{
	free(key->path);
	key->path = NULL;
}

bool cache_key_holds(const char *input, uint64_t salt, const struct cache_key *key)
{
	struct cache_key now;
	bool same = cache_key_make(input, salt, &now) && now.id == key->id;
	cache_key_free(&now);
	return same;
}

char *cache_join(const char *dir, const char *name)
{
	char *path;
	return asprintf(&path, "%s/%s", dir, name) < 0 ? NULL : path;
}

/* ---- reading --------------------------------------------------------------------- */

struct view {
	const char *base; /* the mapping */
	const struct cheader *h;
	const char *payload, *blob;
};

static bool table_fits(const struct cheader *h, uint64_t off, uint64_t count, size_t item)
{
	return off % 8 == 0 && off <= h->payload_size && count <= (h->payload_size - off) / item;
}

static bool header_sane(const struct cheader *h, uint64_t key, uint64_t file_size)
{
	return memcmp(h->magic, MAGIC, 8) == 0 && h->version == FORMAT_VERSION &&
	       h->endian == ENDIAN_MARK && h->key == key &&
	       h->payload_size == file_size - sizeof *h &&
	       table_fits(h, h->records_off, h->nrecords, sizeof(struct crec)) &&
	       table_fits(h, h->refs_off, h->nrefs, sizeof(uint32_t)) &&
	       table_fits(h, h->names_off, h->nnames, sizeof(struct cstr)) &&
	       table_fits(h, h->problems_off, h->nproblems, 2 * sizeof(struct cstr)) &&
	       table_fits(h, h->blob_off, h->blob_size, 1);
}

/* A string of the blob, or absent; false when it points outside the blob. A string
 * that must be NUL-terminated (entry names) has its terminator checked too. */
static bool blob_str(const struct view *v, struct cstr c, bool terminated, struct str *out)
{
	if (c.len == ABSENT) {
		*out = (struct str){NULL, 0};
		return true;
	}
	uint64_t end = c.off + c.len + terminated;
	if (c.off > v->h->blob_size || end > v->h->blob_size || (terminated && v->blob[end - 1]))
		return false;
	*out = (struct str){v->blob + c.off, c.len};
	return true;
}

/* None, or a real date: the parser makes no other, and what reads the catalog counts
 * on it (--stats and the timeline index tables by year). */
static bool date_sane(uint32_t date)
{
	return date == DATE_UNKNOWN ||
	       date_is_valid(date_year(date), date_month(date), (int)(date % 100));
}

static bool record_to_release(const struct view *v, const struct crec *c, int input,
                              struct release *r)
{
	struct str entry;
	*r = (struct release){
	        .hash = c->hash, .seq = c->seq, .date = c->date, .input = (uint16_t)input};
	if (!blob_str(v, c->text, false, &r->text) || !blob_str(v, c->title, false, &r->title) ||
	    !blob_str(v, c->subtitle, false, &r->subtitle) ||
	    !blob_str(v, c->location, false, &r->location) ||
	    !blob_str(v, c->body, false, &r->body) || !blob_str(v, c->entry, true, &entry))
		return false;
	r->entry = entry.s;
	/* A record holds what the parser made, or the file is not used: a planted one
	 * has its checksum made right as easily as its data. */
	return date_sane(c->date) && inside(r->subtitle, r->text) && inside(r->location, r->text) &&
	       inside(r->body, r->text) && c->ntopics <= PARSE_MAX_TOPICS &&
	       c->topic_first <= v->h->nrefs && c->ntopics <= v->h->nrefs - c->topic_first;
}

static bool record_topics(const struct view *v, const struct crec *c, struct str *topics)
{
	const uint32_t *refs = (const uint32_t *)(const void *)(v->payload + v->h->refs_off);
	const struct cstr *names =
	        (const struct cstr *)(const void *)(v->payload + v->h->names_off);
	for (uint32_t i = 0; i < c->ntopics; i++) {
		uint32_t ref = refs[c->topic_first + i];
		/* A topic the parser gives has a name. */
		if (ref >= v->h->nnames || !blob_str(v, names[ref], false, &topics[i]) ||
		    !topics[i].len)
			return false;
	}
	return true;
}

/* Check every record before the catalog sees any: once inserted, a record's text
 * must stay mapped. */
static bool check_records(const struct view *v, struct str *topics)
{
	const struct crec *recs =
	        (const struct crec *)(const void *)(v->payload + v->h->records_off);
	for (uint64_t i = 0; i < v->h->nrecords; i++) {
		struct release r;
		if (!record_to_release(v, &recs[i], 0, &r) || !record_topics(v, &recs[i], topics))
			return false;
	}
	return true;
}

/* Insert the checked records; returns how many the catalog kept (not duplicates). */
static uint64_t add_records(const struct view *v, struct catalog *cat, int input,
                            struct str *topics)
{
	const struct crec *recs =
	        (const struct crec *)(const void *)(v->payload + v->h->records_off);
	uint64_t kept = 0;
	for (uint64_t i = 0; i < v->h->nrecords; i++) {
		struct release r;
		record_to_release(v, &recs[i], input, &r);
		record_topics(v, &recs[i], topics);
		kept += catalog_insert(cat, &r, topics, recs[i].ntopics);
	}
	return kept;
}

/* The i-th problem kept: the entry's path or none, and always a reason, as the
 * reading reported it. */
static bool problem_at(const struct view *v, uint64_t i, struct str *path, struct str *reason)
{
	const struct cstr *p = (const struct cstr *)(const void *)(v->payload + v->h->problems_off);
	return blob_str(v, p[2 * i], true, path) && p[2 * i + 1].len != ABSENT &&
	       blob_str(v, p[2 * i + 1], true, reason);
}

/* Checked with the records, before the catalog sees any of them. */
static bool check_problems(const struct view *v)
{
	struct str path, reason;
	for (uint64_t i = 0; i < v->h->nproblems; i++)
		if (!problem_at(v, i, &path, &reason))
			return false;
	return true;
}

static void replay_problems(const struct view *v,
                            void (*replay)(void *ctx, const char *path, const char *reason),
                            void *ctx)
{
	for (uint64_t i = 0; i < v->h->nproblems; i++) {
		struct str path, reason;
		if (problem_at(v, i, &path, &reason)) /* each was checked (check_problems) */
			replay(ctx, path.s, reason.s);
	}
}

/* The chunk hashes of part of a payload. */
struct chunk_job {
	const char *payload;
	uint64_t size, first, end; /* chunks [first, end) */
	uint64_t *hashes;
};

static void *hash_chunks(void *arg)
{
	struct chunk_job *job = arg;
	for (uint64_t c = job->first; c < job->end; c++) {
		uint64_t at = c * CHECK_CHUNK;
		uint64_t len = job->size - at < CHECK_CHUNK ? job->size - at : CHECK_CHUNK;
		job->hashes[c] = XXH3_64bits(job->payload + at, (size_t)len);
	}
	return NULL;
}

/* The payload's checksum, its second half hashed on a thread of its own (which also
 * pages that half in). */
static uint64_t payload_checksum(const char *payload, uint64_t size)
{
	uint64_t chunks = size ? (size + CHECK_CHUNK - 1) / CHECK_CHUNK : 1;
	uint64_t *hashes = malloc(chunks * sizeof *hashes);
	if (!hashes)
		return 0;
	struct chunk_job front = {payload, size, 0, (chunks + 1) / 2, hashes};
	struct chunk_job back = {payload, size, front.end, chunks, hashes};
	pthread_t helper;
	bool helped =
	        back.first < back.end && pthread_create(&helper, NULL, hash_chunks, &back) == 0;
	hash_chunks(&front);
	if (helped)
		pthread_join(helper, NULL);
	else
		hash_chunks(&back);
	uint64_t sum = XXH3_64bits(hashes, chunks * sizeof *hashes);
	free(hashes);
	return sum;
}

bool cache_seal(void *file, size_t size, uint64_t key)
{
	struct cheader h;
	if (size < sizeof h)
		return false;
	memcpy(&h, file, sizeof h);
	h.key = key;
	h.payload_size = size - sizeof h;
	h.checksum = payload_checksum((const char *)file + sizeof h, h.payload_size);
	memcpy(file, &h, sizeof h);
	return true;
}

/* Map the file and check everything but the records, which add_records checks. */
/* Map every page of a file the key matched at once: the checksum reads them all,
 * and a fault for each 64 KiB was a tenth of re-opening 1,000,000 releases. */
static void populate(void *base, size_t size)
{
#ifdef MADV_POPULATE_READ
	madvise(base, size, MADV_POPULATE_READ); /* a hint: the faults still come if not */
#else
	(void)base, (void)size;
#endif
}

static bool open_view(const char *file, uint64_t key, struct view *v, size_t *size)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return false;
	bool ok = fstat(fd, &st) == 0 && (size_t)st.st_size > sizeof(struct cheader);
	void *base =
	        ok ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
	close(fd);
	if (base == MAP_FAILED)
		return false;
	*size = (size_t)st.st_size;
	v->base = base;
	v->h = base;
	v->payload = v->base + sizeof *v->h;
	bool sane = header_sane(v->h, key, *size);
	if (sane) { /* only then is blob_off known to lie within the file */
		v->blob = v->payload + v->h->blob_off;
		populate(base, *size);
	}
	if (sane && payload_checksum(v->payload, v->h->payload_size) == v->h->checksum)
		return true;
	munmap(base, *size);
	return false;
}

bool cache_load(const char *dir, const struct cache_key *key, struct catalog *cat, int input_id,
                void (*replay)(void *ctx, const char *path, const char *reason), void *ctx,
                struct load_counts *counts)
{
	char *file = cache_join(dir, key->file);
	struct view v;
	size_t size;
	if (!file || !open_view(file, key->id, &v, &size)) {
		free(file);
		return false;
	}
	struct str *topics = malloc((v.h->nrefs + 1) * sizeof *topics);
	bool intact = topics && check_records(&v, topics) && check_problems(&v);
	if (!intact || !catalog_adopt(cat, unconst(v.base), size)) {
		munmap(unconst(v.base), size);
		if (topics && !intact)
			unlink(file); /* damaged: rebuilt from the bundle this time */
		free(topics);
		free(file);
		return false;
	}
	counts->releases += add_records(&v, cat, input_id, topics);
	replay_problems(&v, replay, ctx);
	const struct load_counts *c = &v.h->counts;
	/* The input's copies of its own releases were merged before it was cached: the
	 * records hold one of each, and the count of the others comes from here. */
	counts->duplicates += c->duplicates;
	cat->duplicates += c->duplicates;
	counts->source.entries += c->source.entries;
	counts->source.other += c->source.other;
	counts->source.problems += c->source.problems;
	counts->source.bytes += c->source.bytes;
	counts->empty += c->empty;
	counts->binary += c->binary;
	utimensat(AT_FDCWD, file, NULL, 0); /* recently used: trimmed last */
	cache_note_own(file);
	free(topics);
	free(file);
	return true;
}

/* ---- writing --------------------------------------------------------------------- */

/* The file being written: its payload streams through the chunk hashes as it goes. */
struct writer {
	FILE *f;
	XXH3_state_t *xx; /* of the current chunk */
	uint64_t pos;     /* in the payload */
	uint64_t *hashes; /* of the chunks so far */
	size_t nhashes, cap;
	bool ok;
};

static void end_chunk(struct writer *w)
{
	if (!grow_array((void **)&w->hashes, &w->cap, w->nhashes + 1, sizeof *w->hashes)) {
		w->ok = false;
		return;
	}
	w->hashes[w->nhashes++] = XXH3_64bits_digest(w->xx);
	XXH3_64bits_reset(w->xx);
}

static void put(struct writer *w, const void *p, size_t n)
{
	if (n && fwrite(p, 1, n, w->f) != n)
		w->ok = false;
	const unsigned char *bytes = p;
	while (n > 0) {
		uint64_t room = CHECK_CHUNK - w->pos % CHECK_CHUNK;
		size_t take = n < room ? n : (size_t)room;
		XXH3_64bits_update(w->xx, bytes, take);
		w->pos += take;
		bytes += take;
		n -= take;
		if (w->pos % CHECK_CHUNK == 0)
			end_chunk(w);
	}
}

/* The checksum of everything put: the hash of the chunks' hashes. */
static uint64_t writer_checksum(struct writer *w)
{
	if (w->pos % CHECK_CHUNK || w->pos == 0)
		end_chunk(w); /* the last, partial chunk (or the empty payload's only one) */
	return w->ok ? XXH3_64bits(w->hashes, w->nhashes * sizeof *w->hashes) : 0;
}

static void pad8(struct writer *w)
{
	static const char zeros[8];
	put(w, zeros, (size_t)(align8(w->pos) - w->pos));
}

/* The layout of one input's share, computed before anything is written. */
struct plan {
	uint32_t *ids; /* the input's releases, in display order: a cache read back needs
	                * no sort */
	struct crec *recs;
	/* Topics are kept as printed: their facets are taken again when read back. */
	uint32_t *refs, *local; /* local: topic spelling id -> index in names, or UINT32_MAX */
	uint32_t *names;        /* topic spelling ids, in the order of the names table */
	uint64_t nrecs, nrefs, nnames, blob;
};

static struct cstr within(const struct release *r, const struct crec *c, struct str part)
{
	if (!part.len)
		return (struct cstr){0, ABSENT, 0};
	return (struct cstr){c->text.off + (uint64_t)(part.s - r->text.s), (uint32_t)part.len, 0};
}

/* Strings outside the text (an entry name, a title taken from elsewhere) go to the
 * blob after all the texts. */
static struct cstr extra(struct plan *pl, size_t len, bool terminated)
{
	struct cstr c = {pl->blob, (uint32_t)len, 0};
	pl->blob += len + terminated;
	return c;
}

static bool plan_topics(struct plan *pl, const struct catalog *cat, const struct release *r,
                        struct crec *c)
{
	c->topic_first = (uint32_t)pl->nrefs;
	c->ntopics = r->nprinted;
	for (size_t t = 0; t < r->nprinted; t++) {
		uint32_t id = cat->topic_printed[r->topic_first + t]; /* as printed */
		if (pl->local[id] == UINT32_MAX) {
			pl->local[id] = (uint32_t)pl->nnames;
			pl->names[pl->nnames++] = id;
		}
		pl->refs[pl->nrefs++] = pl->local[id];
	}
	return true;
}

static bool plan_records(struct plan *pl, const struct catalog *cat)
{
	for (uint64_t k = 0; k < pl->nrecs; k++) {
		const struct release *r = &cat->releases[pl->ids[k]];
		if (r->text.len >= ABSENT || !inside(r->subtitle, r->text) ||
		    !inside(r->location, r->text) || !inside(r->body, r->text))
			return false;
		struct crec *c = &pl->recs[k];
		*c = (struct crec){.text = {pl->blob, (uint32_t)r->text.len, 0},
		                   .hash = r->hash,
		                   .seq = r->seq,
		                   .date = r->date};
		pl->blob += r->text.len;
		c->subtitle = within(r, c, r->subtitle);
		c->location = within(r, c, r->location);
		c->body = within(r, c, r->body);
		plan_topics(pl, cat, r, c);
	}
	for (uint64_t k = 0; k < pl->nrecs; k++) {
		const struct release *r = &cat->releases[pl->ids[k]];
		struct crec *c = &pl->recs[k];
		c->title = inside(r->title, r->text) ? within(r, c, r->title)
		                                     : extra(pl, r->title.len, false);
		c->entry =
		        r->entry ? extra(pl, strlen(r->entry), true) : (struct cstr){0, ABSENT, 0};
	}
	return true;
}

static bool plan_input(struct plan *pl, const struct catalog *cat, int input)
{
	*pl = (struct plan){0};
	pl->ids = malloc((cat->count + 1) * sizeof *pl->ids);
	pl->recs = malloc((cat->count + 1) * sizeof *pl->recs);
	pl->refs = malloc((cat->nrefs + 1) * sizeof *pl->refs);
	pl->local = malloc((cat->topic_spellings.count + 1) * sizeof *pl->local);
	pl->names = malloc((cat->topic_spellings.count + 1) * sizeof *pl->names);
	if (!pl->ids || !pl->recs || !pl->refs || !pl->local || !pl->names)
		return false;
	memset(pl->local, 0xff, (cat->topic_spellings.count + 1) * sizeof *pl->local);
	for (size_t i = 0; i < cat->count; i++)
		if (cat->releases[i].input == input)
			pl->ids[pl->nrecs++] = (uint32_t)i;
	return order_sort_ids(cat, pl->ids, pl->nrecs, false) && plan_records(pl, cat);
}

static void plan_free(struct plan *pl)
{
	free(pl->ids);
	free(pl->recs);
	free(pl->refs);
	free(pl->local);
	free(pl->names);
}

/* Write the blob in the order plan_records laid it out. */
static void put_blob(struct writer *w, const struct plan *pl, const struct catalog *cat,
                     const struct cache_problem *problems, size_t nproblems, const char *source)
{
	for (uint64_t k = 0; k < pl->nrecs; k++)
		put(w, cat->releases[pl->ids[k]].text.s, cat->releases[pl->ids[k]].text.len);
	for (uint64_t k = 0; k < pl->nrecs; k++) {
		const struct release *r = &cat->releases[pl->ids[k]];
		if (pl->recs[k].title.len != ABSENT && !inside(r->title, r->text))
			put(w, r->title.s, r->title.len);
		if (r->entry)
			put(w, r->entry, strlen(r->entry) + 1);
	}
	for (uint64_t n = 0; n < pl->nnames; n++)
		put(w, cat->topic_spellings.items[pl->names[n]].name.s,
		    cat->topic_spellings.items[pl->names[n]].name.len);
	for (size_t i = 0; i < nproblems; i++) {
		if (problems[i].path)
			put(w, problems[i].path, strlen(problems[i].path) + 1);
		put(w, problems[i].reason, strlen(problems[i].reason) + 1);
	}
	put(w, source, strlen(source));
}

/* The tables that point into the blob after the releases' own strings. */
static void put_tables(struct writer *w, struct cheader *h, struct plan *pl,
                       const struct catalog *cat, const struct cache_problem *problems,
                       size_t nproblems, const char *source)
{
	h->records_off = w->pos;
	put(w, pl->recs, pl->nrecs * sizeof *pl->recs);
	h->refs_off = w->pos;
	put(w, pl->refs, pl->nrefs * sizeof *pl->refs);
	pad8(w);
	h->names_off = w->pos;
	for (uint64_t n = 0; n < pl->nnames; n++) {
		struct cstr c = extra(pl, cat->topic_spellings.items[pl->names[n]].name.len, false);
		put(w, &c, sizeof c);
	}
	h->problems_off = w->pos;
	for (size_t i = 0; i < nproblems; i++) {
		struct cstr pair[2] = {problems[i].path ? extra(pl, strlen(problems[i].path), true)
		                                        : (struct cstr){0, ABSENT, 0},
		                       extra(pl, strlen(problems[i].reason), true)};
		put(w, pair, sizeof pair);
	}
	h->source = extra(pl, strlen(source), false);
	h->blob_off = w->pos;
	h->blob_size = pl->blob;
}

static bool write_file(FILE *f, const struct cache_key *key, const struct catalog *cat, int input,
                       const struct cache_problem *problems, size_t nproblems,
                       const struct load_counts *counts)
{
	struct plan pl = {0};
	struct cheader h = {.version = FORMAT_VERSION,
	                    .endian = ENDIAN_MARK,
	                    .key = key->id,
	                    .counts = *counts,
	                    .nproblems = nproblems};
	memcpy(h.magic, MAGIC, 8);
	struct writer w = {f, XXH3_createState(), 0, NULL, 0, 0, true};
	bool ok = w.xx && plan_input(&pl, cat, input) && XXH3_64bits_reset(w.xx) == XXH_OK;
	if (ok) {
		h.nrecords = pl.nrecs;
		h.nrefs = pl.nrefs;
		h.nnames = pl.nnames;
		fwrite(&h, sizeof h, 1, f); /* a placeholder until the checksum is known */
		put_tables(&w, &h, &pl, cat, problems, nproblems, key->path);
		put_blob(&w, &pl, cat, problems, nproblems, key->path);
		h.payload_size = w.pos;
		h.checksum = writer_checksum(&w);
		ok = w.ok && fseek(f, 0, SEEK_SET) == 0 && fwrite(&h, sizeof h, 1, f) == 1;
	}
	plan_free(&pl);
	XXH3_freeState(w.xx);
	free(w.hashes);
	return ok;
}

bool cache_store(const char *dir, const struct cache_key *key, const struct catalog *cat,
                 int input_id, const struct cache_problem *problems, size_t nproblems,
                 const struct load_counts *counts, uint64_t max_bytes)
{
	char *file = cache_join(dir, key->file), *tmp = NULL;
	int fd = -1;
	if (file && xdg_make_dir(dir) &&
	    asprintf(&tmp, "%s.%ld" TMP_SUFFIX, file, (long)getpid()) >= 0)
		fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	char *buffer = f ? malloc(WRITE_BUFFER) : NULL; /* glibc ignores a size without one */
	if (buffer)
		setvbuf(f, buffer, _IOFBF, WRITE_BUFFER);
	bool ok = f && write_file(f, key, cat, input_id, problems, nproblems, counts);
	if (f)
		ok = fclose(f) == 0 && ok;
	else if (fd >= 0)
		close(fd);
	free(buffer);
	struct stat st;
	/* One bundle larger than the whole cap is not kept at all. */
	ok = ok && stat(tmp, &st) == 0 && (uint64_t)st.st_size <= max_bytes &&
	     rename(tmp, file) == 0;
	if (!ok && tmp)
		unlink(tmp);
	else if (ok)
		ok = cache_admit(dir, file, (uint64_t)st.st_size, max_bytes);
	free(tmp);
	free(file);
	return ok;
}

/* The bundle a cache file was made from, read from its header and blob. */
bool cache_source_of(const char *file, char *out, size_t size)
{
	struct cheader h;
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	bool ok = fd >= 0 && pread(fd, &h, sizeof h, 0) == (ssize_t)sizeof h &&
	          memcmp(h.magic, MAGIC, 8) == 0 && h.source.len < size &&
	          pread(fd, out, h.source.len, (off_t)(sizeof h + h.blob_off + h.source.off)) ==
	                  (ssize_t)h.source.len;
	if (fd >= 0)
		close(fd);
	out[ok ? h.source.len : 0] = '\0';
	return ok;
}
