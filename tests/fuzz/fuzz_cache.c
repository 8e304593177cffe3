/* Fuzz target: the cache file reader (cache_load), on a file that was damaged or
 * planted. The first byte says which: bit 0 set, the rest is sealed first
 * (cache_seal: its key, size and checksum made right, as by someone who knows the
 * format), so that the fuzzer gets past the checksum to the tables; clear, the rest
 * is the file as it is. The file is written to a scratch folder under the key's
 * name and loaded into a fresh catalog.
 *
 * A file the reader takes must give back only what the parser could have made: every
 * string within the file, the subtitle, location and body within the text, a real
 * date or none, at most PARSE_MAX_TOPICS topics; a problem has its reason. A file
 * it refuses adds nothing. */
#include "config.h"

#include "fuzz.h"

#include "relview/cache.h"
#include "relview/catalog.h"
#include "relview/date.h"
#include "relview/parse.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64], file[128], bundle[] = "/fuzz/bundle.tar.gz";
static struct cache_key key = {.path = bundle, .id = 0x72656c76696577, .file = "fuzz.cat"};

static void remove_scratch(void)
{
	unlink(file);
	rmdir(dir);
}

static void write_file(const void *data, size_t size)
{
	if (!dir[0]) {
		snprintf(dir, sizeof dir, "/tmp/relview-fuzz-cache-XXXXXX");
		if (!mkdtemp(dir))
			abort();
		snprintf(file, sizeof file, "%s/%s", dir, key.file);
		atexit(remove_scratch);
	}
	FILE *f = fopen(file, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

static void on_problem(void *ctx, const char *path, const char *reason)
{
	(void)path;
	++*(unsigned *)ctx;
	FUZZ_CHECK(reason != NULL);
	FUZZ_CHECK(strlen(reason) < (size_t)-1 && (!path || strlen(path) < (size_t)-1));
}

/* Is the string within the mapped file the catalog took over? */
static bool in_file(const struct catalog *cat, struct str s)
{
	const struct mapping *m = cat->mappings;
	const char *base = m->base;
	return !s.len ||
	       (s.s >= base && s.len <= m->size && s.s - base <= (ptrdiff_t)(m->size - s.len));
}

static bool within(struct str part, struct str whole)
{
	return !part.len || (part.s >= whole.s && part.s + part.len <= whole.s + whole.len);
}

static bool real_date(uint32_t d)
{
	int y = (int)(d / 10000), m = (int)(d / 100 % 100), day = (int)(d % 100);
	return d == 0 || (y >= 1900 && y <= 2100 && date_is_valid(y, m, day));
}

static void check_release(const struct catalog *cat, const struct release *r)
{
	FUZZ_CHECK(in_file(cat, r->text) && in_file(cat, r->title));
	FUZZ_CHECK(within(r->subtitle, r->text) && within(r->location, r->text) &&
	           within(r->body, r->text));
	FUZZ_CHECK(!r->entry || in_file(cat, (struct str){r->entry, strlen(r->entry) + 1}));
	FUZZ_CHECK(real_date(r->date));
	FUZZ_CHECK(r->nprinted <= PARSE_MAX_TOPICS && r->ntopics <= r->nprinted);
	for (size_t t = 0; t < r->nprinted; t++)
		FUZZ_CHECK(catalog_topic_printed(cat, r, t).len < (size_t)-1);
}

static unsigned char copy[1 << 20];

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1 || size - 1 > sizeof copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	if (data[0] & 1)
		cache_seal(copy, size - 1, key.id);
	write_file(copy, size - 1);
	struct catalog *cat = catalog_new();
	if (!cat)
		abort();
	int input = catalog_add_input(cat, "bundle.tar.gz");
	unsigned problems = 0;
	struct load_counts counts = {0};
	bool loaded = cache_load(dir, &key, cat, input, on_problem, &problems, &counts);
	FUZZ_CHECK(loaded || (cat->count == 0 && problems == 0 && counts.releases == 0));
	FUZZ_CHECK(counts.releases == cat->count);
	for (size_t i = 0; i < cat->count; i++)
		check_release(cat, &cat->releases[i]);
	catalog_free(cat);
	return 0;
}
