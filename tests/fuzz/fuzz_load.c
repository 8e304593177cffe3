/* Fuzz target: a bundle read from memory, through the pipeline load runs on every
 * entry — source (libarchive, every format and filter) → binary check → text → parse.
 * The limits are small so that a bomb ends fast; what matters is that no input makes
 * the reading crash, loop, or hand over more than the limits allow. */
#include "config.h"

#include "fuzz.h"

#include "relview/parse.h"
#include "relview/source.h"
#include "relview/text.h"
#include "relview/topics.h"

#include <string.h>

static const struct source_limits limits = {
        .max_entry_bytes = 1 << 20,
        .max_total_bytes = 8 << 20,
        .max_entries = 2000,
};

struct seen {
	const struct topic_vocab *vocab;
	uint64_t entries, bytes;
};

static void on_entry(void *ctx, const struct source_entry *e)
{
	struct seen *seen = ctx;
	FUZZ_CHECK(e->len <= limits.max_entry_bytes);
	seen->entries++;
	seen->bytes += e->len;
	if (e->len == 0 || text_looks_binary(e->data, e->len))
		return;
	char *text = malloc(text_decoded_max(e->len));
	if (!text)
		return;
	size_t len = text_decode(e->data, e->len, text, TEXT_KEEP_NEWLINES);
	struct parsed p;
	parse_release(text, len, seen->vocab, &p);
	FUZZ_CHECK((uint64_t)p.body.off + p.body.len <= len);
	free(text);
}

/* Names and reasons are raw here; load sanitises them. They must be strings. */
static void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)ctx;
	FUZZ_CHECK(input && reason && strlen(reason) < 4096);
	FUZZ_CHECK(!path || strlen(path) < ((size_t)1 << 20));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct topic_vocab *vocab;
	if (!vocab && !(vocab = topic_vocab_new()))
		abort();
	struct seen seen = {vocab, 0, 0};
	struct source_handler h = {.ctx = &seen, .entry = on_entry, .problem = on_problem};
	struct source_counts counts = {0};
	source_read_memory("fuzz", data, size, &limits, &h, &counts);
	FUZZ_CHECK(counts.entries == seen.entries && counts.bytes == seen.bytes);
	FUZZ_CHECK(seen.entries <= limits.max_entries);
	FUZZ_CHECK(seen.bytes <= limits.max_total_bytes);
	return 0;
}
