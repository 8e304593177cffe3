/* cache: a bundle read once is read back from its cache file with the same
 * releases, problems and counts; a changed bundle, a damaged or truncated cache
 * file is never used; the folder stays under its cap; a result that depends on
 * other inputs is not cached. */
#include "config.h"

#include "bundle.h"
#include "valgrind_check.h"

#include "relview/cache.h"
#include "relview/catalog.h"
#include "relview/hash.h"
#include "relview/load.h"
#include "relview/order.h"
#include "relview/parse.h"
#include "relview/sandbox.h"
#include "relview/topics.h"

#include <archive.h>
#include <dirent.h>
#include <isa-l/crc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

static char tmp[] = "/tmp/relview-test-cache-XXXXXX";
static char cachedir[600], bundle[600], other[600];
static struct topic_vocab *vocab;

static const char *const releases[] = {
        "Skip to main content\nMarch 11, 2014Houston, TXTransnational Gangs\n\nFirst title\n\n"
        "HOUSTON - Body one.\n",
        "Skip to main content\nMay 2, 2015Miami, FLNarcotics, Contraband\n\nSecond title\n\n"
        "Second subtitle here\n\nMIAMI - Body two.\n",
        "no header at all, just a line of body text\n",
};

static void write_bundle(const char *path, const char *extra)
{
	struct archive *a = archive_write_new();
	archive_write_set_format_pax_restricted(a);
	archive_write_add_filter_gzip(a);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i <= sizeof releases / sizeof *releases; i++) {
		const char *text = i < sizeof releases / sizeof *releases ? releases[i] : extra;
		char name[32];
		snprintf(name, sizeof name, "r/%zu.txt", i);
		bundle_add_file(a, name, text, strlen(text));
	}
	archive_write_close(a);
	archive_write_free(a);
}

/* The cache folder's cap in load(): small, so that trimming is seen. */
static uint64_t cache_cap = 1 << 20;

/* The reading child's memory cap in load(). */
static uint64_t memory_cap = SOURCE_MAX_MEMORY;

/* The parser load() stands for (0: this build's). */
static unsigned parse_version;

/* Load inputs into a fresh catalog, problems into errors (a memory stream). */
static struct catalog *load(const char *const *inputs, size_t n, char **errors, size_t *errlen,
                            struct load_counts *counts)
{
	FILE *err = open_memstream(errors, errlen);
	struct load_options opt = {.limits = SOURCE_DEFAULT_LIMITS,
	                           .vocab = vocab,
	                           .errors = err,
	                           .cache_dir = cachedir,
	                           .cache_max_bytes = cache_cap,
	                           .parse_version = parse_version};
	opt.limits.max_memory = memory_cap;
	/* No test here is of stalls: a child started by valgrind on a busy machine may
	 * be silent for longer than a user's limit. */
	opt.limits.stall_seconds = 600;
	struct catalog *cat = catalog_new();
	*counts = (struct load_counts){0};
	for (size_t i = 0; i < n; i++)
		load_input(cat, inputs[i], &opt, counts);
	fclose(err);
	return cat;
}

/* Everything a listing shows, one line per release. */
static char *describe(const struct catalog *cat)
{
	char *buf;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	struct order order = {0};
	assert_true(order_sort(&order, cat, false));
	for (size_t i = 0; i < cat->count; i++) {
		const struct release *r = order_at(&order, cat, i);
		fprintf(f, "%u|%.*s|%.*s|%.*s|%.*s|%s|%zu|", r->date, (int)r->location.len,
		        r->location.s, (int)r->title.len, r->title.s, (int)r->subtitle.len,
		        r->subtitle.s, (int)r->body.len, r->body.s, r->entry ? r->entry : "-",
		        r->text.len);
		for (size_t t = 0; t < r->ntopics; t++)
			fprintf(f, "%.*s;", (int)catalog_topic(cat, r, t)->name.len,
			        catalog_topic(cat, r, t)->name.s);
		fputc('\n', f);
	}
	order_free(&order);
	fclose(f);
	return buf;
}

static int cache_files(void)
{
	char cmd[700];
	snprintf(cmd, sizeof cmd, "exit $(ls %s/*.cat 2>/dev/null | wc -l)", cachedir);
	return WEXITSTATUS(system(cmd));
}

static void clear_cache(void)
{
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf %s", cachedir);
	assert_int_equal(system(cmd), 0);
}

static void second_load_comes_from_the_cache_unchanged(void **state)
{
	(void)state;
	clear_cache();
	write_bundle(bundle, "\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f binary junk");
	const char *in[] = {bundle};
	char *err1, *err2, *d1, *d2;
	size_t n1, n2;
	struct load_counts c1, c2;
	struct catalog *first = load(in, 1, &err1, &n1, &c1);
	assert_int_equal(cache_files(), 1);
	struct catalog *second = load(in, 1, &err2, &n2, &c2);
	assert_non_null(second->mappings); /* it really came from the cache */
	assert_string_equal(d1 = describe(first), d2 = describe(second));
	assert_string_equal(err1, err2);
	assert_int_equal(c1.releases, 3);
	assert_int_equal(c2.releases, 3);
	assert_int_equal(c2.binary, c1.binary);
	assert_int_equal(c2.source.entries, c1.source.entries);
	assert_int_equal(second->topics.count, 3);
	free(d1), free(d2), free(err1), free(err2);
	catalog_free(first);
	catalog_free(second);
}

static void a_changed_bundle_is_read_again(void **state)
{
	(void)state;
	clear_cache();
	const char *in[] = {bundle};
	char *err, *d;
	size_t n;
	struct load_counts c;
	write_bundle(bundle,
	             "Skip to main content\nJune 1, 2016Austin, TXNarcotics\n\nOld\n\nB.\n");
	catalog_free(load(in, 1, &err, &n, &c));
	free(err);
	write_bundle(bundle,
	             "Skip to main content\nJune 1, 2016Austin, TXNarcotics\n\nNew\n\nB.\n");
	struct catalog *cat = load(in, 1, &err, &n, &c);
	assert_null(cat->mappings);
	assert_non_null(strstr(d = describe(cat), "|New|"));
	free(d), free(err);
	catalog_free(cat);
}

/* A cache written by another version of the parser is not used: the bundle is read
 * again, and its cache written anew. */
static void a_cache_of_another_parser_is_not_used(void **state)
{
	(void)state;
	clear_cache();
	const char *in[] = {bundle};
	char *err;
	size_t n;
	struct load_counts c;
	write_bundle(bundle, "Skip to main content\nJune 1, 2016Austin, TXNarcotics\n\nP\n\nB.\n");
	parse_version = PARSE_VERSION + 1;
	catalog_free(load(in, 1, &err, &n, &c));
	free(err);
	parse_version = 0;
	struct catalog *cat = load(in, 1, &err, &n, &c);
	assert_null(cat->mappings); /* read again */
	free(err);
	catalog_free(cat);
	cat = load(in, 1, &err, &n, &c);
	assert_non_null(cat->mappings); /* this parser's cache */
	free(err);
	catalog_free(cat);
}

/* A read takes a while: what is cached after it is cached under the key of the
 * bundle as it is then. A bundle appended to (still being written) or gone since
 * the key was made no longer gives it. */
static void a_key_holds_only_while_the_bundle_is_unchanged(void **state)
{
	(void)state;
	write_bundle(bundle, "Skip to main content\nJune 1, 2016Austin, TXNarcotics\n\nK\n\nB.\n");
	struct cache_key key;
	assert_true(cache_key_make(bundle, 7, &key));
	assert_true(cache_key_holds(bundle, 7, &key));
	assert_false(cache_key_holds(bundle, 8, &key)); /* another vocabulary or limits */
	FILE *f = fopen(bundle, "ab");
	assert_non_null(f);
	fputs("more", f);
	fclose(f);
	assert_false(cache_key_holds(bundle, 7, &key));
	assert_int_equal(unlink(bundle), 0);
	assert_false(cache_key_holds(bundle, 7, &key));
	cache_key_free(&key);
}

/* Change one byte of the cache file (or cut it) and load again. */
static void damaged_cache_files_are_not_used(void **state)
{
	(void)state;
	const long cuts[] = {-1, 100, 3000};
	for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
		clear_cache();
		write_bundle(bundle,
		             "Skip to main content\nJune 1, 2016Austin, TXNarcotics\n\nT\n\nB.\n");
		const char *in[] = {bundle};
		char *err, *d1, *d2, cmd[900];
		size_t n;
		struct load_counts c;
		struct catalog *fresh = load(in, 1, &err, &n, &c);
		free(err);
		if (cuts[k] < 0) /* flip a byte in the middle of the file */
			snprintf(cmd, sizeof cmd,
			         "f=$(ls %s/*.cat); s=$(stat -c %%s $f); printf 'X' | "
			         "dd of=$f bs=1 seek=$((s / 2)) conv=notrunc status=none",
			         cachedir);
		else
			snprintf(cmd, sizeof cmd, "truncate -s %ld %s/*.cat", cuts[k], cachedir);
		assert_int_equal(system(cmd), 0);
		struct catalog *again = load(in, 1, &err, &n, &c);
		assert_null(again->mappings);
		assert_string_equal(d1 = describe(fresh), d2 = describe(again));
		free(d1), free(d2), free(err);
		catalog_free(fresh);
		catalog_free(again);
	}
}

/* The one cache file of the folder. */
static const char *cache_file_path(void)
{
	static char path[700];
	DIR *d = opendir(cachedir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));)
		if (strstr(e->d_name, ".cat"))
			snprintf(path, sizeof path, "%s/%.63s", cachedir, e->d_name);
	closedir(d);
	return path;
}

static void no_replay(void *ctx, const char *path, const char *reason)
{
	(void)ctx, (void)path, (void)reason;
}

/* A release of sixteen topics, the most the parser gives (PARSE_MAX_TOPICS). */
static const char many_topics[] =
        "Skip to main content\nJune 1, 2016Austin, TXNarcotics, Contraband, Cyber Crimes, "
        "Detention, Child Exploitation, Commercial Fraud, Counterterrorism, Financial "
        "Crimes, Human Rights Violators, Human Smuggling, Human Trafficking, Intellectual "
        "Property Rights, National Security, Public Safety, Visa Security, Worksite "
        "Enforcement\n\nT\n\nB.\n";

/* The bundle's cache file, with `len` bytes `shift` bytes after the first `from`
 * (`from_len` bytes) replaced by `to`, sealed (cache_seal) as someone who knows the
 * format would plant it, then loaded into a fresh catalog: does the reader take it? */
static bool plant(const void *from, size_t from_len, long shift, const void *to, size_t len,
                  bool with_problem)
{
	clear_cache();
	write_bundle(bundle, many_topics);
	struct stat st;
	if (with_problem) /* its end cut: the releases read, with a problem */
		assert_true(stat(bundle, &st) == 0 && truncate(bundle, st.st_size - 40) == 0);
	const char *in[] = {bundle};
	char *err, path[700];
	size_t n;
	struct load_counts c;
	catalog_free(load(in, 1, &err, &n, &c));
	free(err);
	struct cache_key key = {.path = bundle, .id = 42};
	DIR *d = opendir(cachedir);
	assert_non_null(d);
	for (struct dirent *e; (e = readdir(d));)
		if (strstr(e->d_name, ".cat"))
			snprintf(key.file, sizeof key.file, "%.63s", e->d_name);
	closedir(d);
	snprintf(path, sizeof path, "%s/%s", cachedir, key.file);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	static char file[1 << 16];
	size_t size = fread(file, 1, sizeof file, f);
	char *at = from ? memmem(file, size, from, from_len) : file;
	assert_non_null(at);
	assert_true(at + shift >= file && at + shift + len <= file + size);
	memcpy(at + shift, to, len);
	assert_true(cache_seal(file, size, key.id));
	rewind(f);
	assert_int_equal(fwrite(file, 1, size, f), size);
	fclose(f);
	struct catalog *cat = catalog_new();
	struct load_counts counts = {0};
	bool used = cache_load(cachedir, &key, cat, catalog_add_input(cat, "b"), no_replay, NULL,
	                       &counts);
	assert_true(used ? cat->count > 0 : cat->count == 0);
	catalog_free(cat);
	return used;
}

static bool planted_file_is_used(const void *from, size_t from_len, long shift, const void *to,
                                 size_t len)
{
	return plant(from, from_len, shift, to, len, false);
}

/* A file planted with a valid checksum must still give only what the parser could
 * have made: a date past 2100 sent --stats past its table of years (fuzz_cache). */
static void a_planted_file_is_used_only_with_real_dates(void **state)
{
	(void)state;
	uint32_t date = 20160601, far = 30160601, feb30 = 20160230;
	assert_true(planted_file_is_used(&date, 4, 0, &date, 4)); /* the plant takes */
	assert_false(planted_file_is_used(&date, 4, 0, &far, 4));
	assert_false(planted_file_is_used(&date, 4, 0, &feb30, 4));
}

/* The record of many_topics (struct crec in cache.c: six strings of 16 bytes, its
 * text's hash, its seq, then date, topic_first and ntopics, 4 bytes each), planted
 * with a body past its text, or a topic more than the parser gives (the file holds
 * more topics than that). */
static void a_planted_record_is_used_only_as_the_parser_makes_it(void **state)
{
	(void)state;
	uint64_t hash = XXH3_64bits(many_topics, sizeof many_topics - 1);
	uint32_t long_body = 1 << 20, topics = PARSE_MAX_TOPICS, too_many = PARSE_MAX_TOPICS + 1;
	assert_true(planted_file_is_used(&hash, 8, 24, &topics, 4)); /* the plant takes */
	assert_false(planted_file_is_used(&hash, 8, 24, &too_many, 4));
	assert_false(planted_file_is_used(&hash, 8, -96 + 4 * 16 + 8, &long_body, 4));
}

/* The header's 8-byte number at byte `at` of the cache file (struct cheader in
 * cache.c). */
static uint64_t header_number(long at)
{
	uint64_t n;
	FILE *f = fopen(cache_file_path(), "rb");
	assert_non_null(f);
	assert_int_equal(pread(fileno(f), &n, 8, at), 8);
	fclose(f);
	return n;
}

/* Where in the file a table of the payload starts: its offset in the payload is at
 * byte `at` of the header, the payload's size at byte 24, and the payload ends the
 * file. */
static long table_place(long at)
{
	struct stat st;
	assert_int_equal(stat(cache_file_path(), &st), 0);
	return (long)((uint64_t)st.st_size - header_number(24) + header_number(at));
}

/* The first problem's reason made absent (ABSENT, its length): the number of
 * problems is at byte 64 of the header, their table's offset at 96; a problem is two
 * strings of 16 bytes, a length 8 bytes into each. */
static void a_planted_problem_is_used_only_with_its_reason(void **state)
{
	(void)state;
	uint32_t absent = UINT32_MAX;
	assert_true(plant(NULL, 0, 0, "", 0, true)); /* the plant takes */
	assert_true(header_number(64) > 0);          /* the problem is there */
	assert_false(plant(NULL, 0, table_place(96) + 16 + 8, &absent, 4, true));
}

/* The first topic name made absent or empty: the names' table's offset is at byte 88
 * of the header, a name 16 bytes, its length 8 bytes in. */
static void a_planted_topic_is_used_only_with_its_name(void **state)
{
	(void)state;
	uint32_t absent = UINT32_MAX, empty = 0;
	assert_true(plant(NULL, 0, 0, "", 0, false)); /* the plant takes */
	long name_len = table_place(88) + 8;
	assert_false(plant(NULL, 0, name_len, &absent, 4, false));
	assert_false(plant(NULL, 0, name_len, &empty, 4, false));
}

/* A cache of several checksum chunks, damaged near its end: the part another
 * thread checks. */
static void damage_in_a_large_cache_is_found(void **state)
{
	(void)state;
	clear_cache();
	static const char head[] =
	        "Skip to main content\nJune 1, 2016Austin, TXNarcotics\n\nBig\n\n";
	size_t size = (size_t)20 << 20;
	char *big = malloc(size + 1);
	assert_non_null(big);
	memcpy(big, head, sizeof head - 1);
	for (size_t i = sizeof head - 1; i < size; i++)
		big[i] = i % 64 == 63 ? '\n' : "lorem ipsum "[i % 12];
	big[size] = '\0';
	write_bundle(bundle, big);
	free(big);
	cache_cap = (uint64_t)64 << 20;
	const char *in[] = {bundle};
	char *err, *d1, *d2, cmd[900];
	size_t n;
	struct load_counts c;
	struct catalog *fresh = load(in, 1, &err, &n, &c);
	free(err);
	struct catalog *cached = load(in, 1, &err, &n, &c);
	free(err);
	assert_non_null(cached->mappings);
	catalog_free(cached);
	snprintf(cmd, sizeof cmd,
	         "f=$(ls %s/*.cat); s=$(stat -c %%s $f); printf 'X' | "
	         "dd of=$f bs=1 seek=$((s - 1000)) conv=notrunc status=none",
	         cachedir);
	assert_int_equal(system(cmd), 0);
	struct catalog *again = load(in, 1, &err, &n, &c);
	assert_null(again->mappings);
	assert_string_equal(d1 = describe(fresh), d2 = describe(again));
	free(d1), free(d2), free(err);
	catalog_free(fresh);
	catalog_free(again);
	cache_cap = 1 << 20;
}

static void a_result_shared_with_another_input_is_not_cached(void **state)
{
	(void)state;
	clear_cache();
	write_bundle(bundle, "extra release one\n");
	write_bundle(other, "extra release two\n"); /* shares releases[] with bundle */
	const char *in[] = {bundle, other};
	char *err;
	size_t n;
	struct load_counts c;
	catalog_free(load(in, 2, &err, &n, &c));
	free(err);
	assert_int_equal(cache_files(), 1); /* the first input's only */
}

/* The releases as a tar.xz written with a 256 KiB dictionary whose block header asks
 * for a larger one (any larger one decodes it), which the reader must allocate:
 * libarchive lets liblzma use up to 1 GiB. */
#define DICT_1_MIB   16 /* 2^(16/2 + 12) bytes */
#define DICT_192_MIB 31 /* 1.5 * 2^(30/2 + 12), an odd code being 1.5 times */
#define DICT_384_MIB 33
static void write_bundle_needing_memory(const char *path, unsigned char dict)
{
	struct archive *a = archive_write_new();
	archive_write_set_format_pax_restricted(a);
	archive_write_add_filter_xz(a);
	assert_int_equal(archive_write_set_options(a, "xz:compression-level=0"), ARCHIVE_OK);
	static unsigned char xz[1 << 16];
	size_t used;
	assert_int_equal(archive_write_open_memory(a, xz, sizeof xz, &used), ARCHIVE_OK);
	for (size_t i = 0; i < sizeof releases / sizeof *releases; i++)
		bundle_add_file(a, i ? "r/1.txt" : "r/0.txt", releases[i], strlen(releases[i]));
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	/* The first block header follows the 12-byte stream header: its size, its
	 * flags (no sizes given, one filter), then LZMA2 (0x21) with one byte of
	 * properties, the dictionary size; its CRC32 ends it. */
	unsigned char *h = xz + 12;
	size_t hsize = ((size_t)h[0] + 1) * 4;
	assert_int_equal(h[1], 0);
	assert_int_equal(h[2], 0x21);
	assert_int_equal(h[3], 1);
	h[4] = dict;
	uint32_t crc = crc32_gzip_refl(0, h, hsize - 4);
	for (size_t i = 0; i < 4; i++)
		h[hsize - 4 + i] = (unsigned char)(crc >> (8 * i));
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(xz, 1, used, f), used);
	fclose(f);
}

/* A read cut short by the machine (here: memory) is not what the bundle holds: it
 * is not cached, and the next open reads the bundle again and gets all of it. */
static void a_read_cut_short_by_memory_is_not_cached(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	skip(); /* the reading child's memory is not capped under ASan and TSan */
#endif
	clear_cache();
	char path[700];
	snprintf(path, sizeof path, "%s/hungry.tar.xz", tmp);
	write_bundle_needing_memory(path, DICT_384_MIB);
	const char *in[] = {path};
	char *err;
	size_t n;
	struct load_counts c;
	memory_cap = (uint64_t)256 << 20;
	struct catalog *cat = load(in, 1, &err, &n, &c);
	assert_int_equal(cat->count, 0);
	if (!strstr(err, "memory"))
		fail_msg("no \"memory\" in: %s", err);
	assert_int_equal(cache_files(), 0);
	free(err);
	catalog_free(cat);

	/* The same under the usual cap with a dictionary that fits: read and cached.
	 * Nothing large is asked of the machine, so that this passes under valgrind,
	 * a ulimit -v or strict overcommit as well. */
	memory_cap = SOURCE_MAX_MEMORY;
	snprintf(path, sizeof path, "%s/modest.tar.xz", tmp);
	write_bundle_needing_memory(path, DICT_1_MIB);
	cat = load(in, 1, &err, &n, &c);
	assert_int_equal(cat->count, 3);
	assert_string_equal(err, "");
	assert_int_equal(cache_files(), 1); /* a clean read is cached */
	free(err);
	catalog_free(cat);
}

static uint64_t address_space_in_use(void)
{
	FILE *f = fopen("/proc/self/status", "re");
	char line[128];
	unsigned long long kb = 0;
	while (f && fgets(line, sizeof line, f) && sscanf(line, "VmSize: %llu kB", &kb) != 1)
		;
	if (f)
		fclose(f);
	return (uint64_t)kb * 1024;
}

static void count_entry(void *ctx, const struct source_entry *e)
{
	(void)e;
	++*(int *)ctx;
}

static void no_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)ctx, (void)input, (void)path, (void)reason;
}

/* In a child of this process capped just above what the read needs: 0 when the
 * releases were all read and the read was not taken as complete, 2 when it was. */
static int read_just_under_the_cap(const char *path, uint64_t needs)
{
	rlim_t room = (rlim_t)(address_space_in_use() + needs + ((uint64_t)16 << 20));
	if (setrlimit(RLIMIT_AS, &(struct rlimit){room, room}) != 0)
		return 3;
	struct source_limits limits = {.max_entry_bytes = SOURCE_MAX_ENTRY_BYTES,
	                               .max_total_bytes = SOURCE_MAX_TOTAL_BYTES,
	                               .max_entries = SOURCE_MAX_ENTRIES};
	struct source_counts counts = {0};
	int entries = 0;
	struct source_handler h = {.ctx = &entries, .entry = count_entry, .problem = no_problem};
	source_read(path, &limits, &h, &counts);
	return entries != 3 ? 1 : counts.complete ? 2 : 0;
}

/* A failed allocation is not always reported as one (libarchive's zip reader calls
 * zlib's out of memory "Can't initialize ZIP decompression."): a read that came
 * near its process's cap is not complete, so not cached, even when it read all. */
static void a_read_near_the_memory_cap_is_not_complete(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
	skip(); /* the sanitizers' allocators lay out the address space their own way */
#endif
	struct rlimit given;
	if (under_valgrind() || getrlimit(RLIMIT_AS, &given) != 0 ||
	    given.rlim_max != RLIM_INFINITY)
		skip(); /* valgrind's address space is not the program's; a cap is given */
	char path[700];
	snprintf(path, sizeof path, "%s/near.tar.xz", tmp);
	write_bundle_needing_memory(path, DICT_192_MIB);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(read_just_under_the_cap(path, (uint64_t)192 << 20));
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
}

/* Load bundle b<i> of ~300 KiB, cache cap 1 MiB. */
static void load_big_bundle(int i)
{
	char path[700];
	static char big[300000];
	snprintf(path, sizeof path, "%s/b%d.tar.gz", tmp, i);
	memset(big, 'a' + i, sizeof big - 1);
	write_bundle(path, big);
	const char *in[] = {path};
	char *err;
	size_t n;
	struct load_counts c;
	catalog_free(load(in, 1, &err, &n, &c));
	free(err);
}

/* The same in a process of its own: a run of relview, whose cache files the next
 * run's cap may trim. */
static void load_big_bundle_apart(int i)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		load_big_bundle(i);
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static char *info(void)
{
	char *out;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	cache_info(f, cachedir, 1 << 20);
	fclose(f);
	return out;
}

static void the_folder_stays_under_its_cap(void **state)
{
	(void)state;
	clear_cache();
	for (int i = 0; i < 6; i++)
		load_big_bundle_apart(i);
	int files = cache_files();
	assert_in_range(files, 1, 3);
	char *out = info();
	assert_non_null(strstr(out, "b5.tar.gz")); /* the newest is kept */
	assert_null(strstr(out, "b0.tar.gz"));
	free(out);
}

/* Within one run (this process), the cap never trims what that run uses: inputs that together pass
 * it would evict each other in turn, every run. The one that does not fit is not
 * kept. */
static void a_runs_own_files_are_not_trimmed(void **state)
{
	(void)state;
	clear_cache();
	for (int i = 0; i < 4; i++)
		load_big_bundle(i);
	load_big_bundle(0);
	assert_int_equal(cache_files(), 3);
	char *out = info();
	for (int i = 0; i < 3; i++) {
		char name[32];
		snprintf(name, sizeof name, "b%d.tar.gz", i);
		assert_non_null(strstr(out, name));
	}
	assert_null(strstr(out, "b3.tar.gz"));
	free(out);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(tmp))
		return -1;
	snprintf(cachedir, sizeof cachedir, "%s/cache/relview", tmp);
	snprintf(bundle, sizeof bundle, "%s/bundle.tar.gz", tmp);
	snprintf(other, sizeof other, "%s/other.tar.gz", tmp);
	vocab = topic_vocab_new();
	return vocab ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf %s", tmp);
	topic_vocab_free(vocab);
	return system(cmd);
}

int main(int argc, char **argv)
{
	sandbox_serve(argc, argv, NULL); /* load_input() reads in a child: this program */
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(second_load_comes_from_the_cache_unchanged),
	        cmocka_unit_test(a_changed_bundle_is_read_again),
	        cmocka_unit_test(a_cache_of_another_parser_is_not_used),
	        cmocka_unit_test(damaged_cache_files_are_not_used),
	        cmocka_unit_test(damage_in_a_large_cache_is_found),
	        cmocka_unit_test(a_planted_file_is_used_only_with_real_dates),
	        cmocka_unit_test(a_planted_record_is_used_only_as_the_parser_makes_it),
	        cmocka_unit_test(a_planted_problem_is_used_only_with_its_reason),
	        cmocka_unit_test(a_planted_topic_is_used_only_with_its_name),
	        cmocka_unit_test(a_result_shared_with_another_input_is_not_cached),
	        cmocka_unit_test(the_folder_stays_under_its_cap),
	        cmocka_unit_test(a_runs_own_files_are_not_trimmed),
	        cmocka_unit_test(a_read_cut_short_by_memory_is_not_cached),
	        cmocka_unit_test(a_key_holds_only_while_the_bundle_is_unchanged),
	        cmocka_unit_test(a_read_near_the_memory_cap_is_not_complete),
	};
	int failed = cmocka_run_group_tests(tests, setup, teardown);
	sandbox_release(); /* the reading child kept for another input */
	return failed;
}
