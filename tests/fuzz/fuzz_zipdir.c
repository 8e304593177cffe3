/* Fuzz target: a zip's directory read to cut it into shares (zipdir), and each share
 * read as the reading child reads it (source, libarchive's streaming zip reader). The
 * input is written to a scratch file first, as both read files. Every reader must
 * agree on whether the archive is cut, and the shares and their members must follow
 * each other. */
#include "config.h"

#include "fuzz.h"

#include "relview/source.h"
#include "relview/zipdir.h"

#include <string.h>
#include <unistd.h>

static char scratch[64];

static void remove_scratch(void)
{
	unlink(scratch);
}

/* The scratch file, holding exactly the given bytes; made once, removed at exit. */
static const char *as_file(const void *data, size_t size)
{
	if (!scratch[0]) {
		snprintf(scratch, sizeof scratch, "/tmp/relview-fuzz-zipdir-XXXXXX");
		int fd = mkstemp(scratch);
		if (fd < 0)
			abort();
		close(fd);
		atexit(remove_scratch);
	}
	FILE *f = fopen(scratch, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	return scratch;
}

static void check_shares(const char *path, unsigned parts)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		abort();
	struct zip_share share;
	uint64_t last_to = 0, next_ordinal = 0;
	for (unsigned p = 0; p < parts; p++) {
		bool cut = zipdir_share(fileno(f), p, parts, &share);
		if (p == 0 && !cut)
			break;
		FUZZ_CHECK(cut); /* every reader decides alike */
		FUZZ_CHECK(share.from < share.to && share.count > 0);
		FUZZ_CHECK(p == 0 ||
		           (share.from == last_to && share.first_ordinal == next_ordinal));
		FUZZ_CHECK(share.members[0].offset == share.from);
		for (uint64_t i = 1; i < share.count; i++)
			FUZZ_CHECK(share.members[i].offset > share.members[i - 1].offset);
		FUZZ_CHECK(share.members[share.count - 1].offset < share.to);
		last_to = share.to;
		next_ordinal = share.first_ordinal + share.count;
		zipdir_share_free(&share);
	}
	fclose(f);
}

static const struct source_limits limits = {
        .max_entry_bytes = 1 << 20,
        .max_total_bytes = 8 << 20,
        .max_entries = 2000,
};

static void on_entry(void *ctx, const struct source_entry *e)
{
	(void)ctx;
	FUZZ_CHECK(e->len <= limits.max_entry_bytes);
}

static void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)ctx, (void)path;
	FUZZ_CHECK(input && reason);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = as_file(data, size);
	check_shares(path, 2);
	check_shares(path, 3);
	struct source_handler h = {.entry = on_entry, .problem = on_problem};
	for (unsigned part = 0; part < 2; part++) {
		struct source_limits share = limits;
		share.part = part;
		share.parts = 2;
		struct source_counts counts = {0};
		source_read(path, &share, &h, &counts);
		FUZZ_CHECK(counts.entries <= limits.max_entries);
	}
	return 0;
}
