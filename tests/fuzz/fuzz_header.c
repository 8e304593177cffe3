/* Fuzz target: the header-line splitter — the date parser, the place tables, the
 * --since/--until bounds, and the whole line as parse_release() splits it inside a
 * release of the current ice.gov layout ("March 11, 2014Houston, TXNarcotics"). */
#include "config.h"

#include "fuzz.h"

#include "relview/date.h"
#include "relview/parse.h"
#include "relview/place.h"
#include "relview/text.h"
#include "relview/topics.h"

#include <string.h>

static void check_date(uint32_t date)
{
	int y = date_year(date), m = date_month(date), d = (int)(date % 100);
	FUZZ_CHECK(date_is_valid(y, m, d));
	FUZZ_CHECK(y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR);
}

static void check_date_prefix(const char *s, size_t n)
{
	uint32_t date = 1;
	size_t used = n + 1;
	if (date_parse_prefix(s, n, &date, &used)) {
		FUZZ_CHECK(used > 0 && used <= n);
		check_date(date);
	} else {
		FUZZ_CHECK(date == DATE_UNKNOWN && used <= n);
	}
}

static void check_places(const char *s, size_t n)
{
	const char *name = NULL;
	const char *code = place_state(s, n, &name);
	if (code)
		FUZZ_CHECK(strlen(code) == 2 && name && *name);
	place_is_country(s, n);
}

/* The bounds parser takes a C string: the input up to its first NUL. */
static void check_bounds(const char *s, size_t n)
{
	char *c = strndup(s, n);
	uint32_t date;
	if (!c)
		return;
	for (int upper = 0; upper < 2; upper++) {
		if (date_parse_bound(c, upper, &date))
			check_date(date);
	}
	free(c);
}

/* The input as the header line of a release, between a banner and a title. */
static void check_header_line(const uint8_t *data, size_t size)
{
	static struct topic_vocab *vocab;
	static const char head[] = "Skip to main content\n", tail[] = "\n\nA title\n\nBody.\n";
	if (!vocab && !(vocab = topic_vocab_new()))
		abort();
	size_t max = sizeof head + text_decoded_max(size) + sizeof tail;
	char *text = malloc(max);
	if (!text)
		return;
	size_t len = sizeof head - 1;
	memcpy(text, head, len);
	len += text_decode(data, size, text + len, 0); /* one line: '\n' becomes a stand-in */
	memcpy(text + len, tail, sizeof tail - 1);
	len += sizeof tail - 1;
	struct parsed p;
	parse_release(text, len, vocab, &p);
	if (p.date)
		check_date(p.date);
	FUZZ_CHECK((uint64_t)p.location.off + p.location.len <= len);
	FUZZ_CHECK(memchr(text + p.location.off, '\n', p.location.len) == NULL);
	FUZZ_CHECK(p.ntopics <= PARSE_MAX_TOPICS);
	for (unsigned t = 0; t < p.ntopics; t++) {
		FUZZ_CHECK((uint64_t)p.topics[t].off + p.topics[t].len <= len);
		FUZZ_CHECK(memchr(text + p.topics[t].off, '\n', p.topics[t].len) == NULL);
	}
	free(text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	check_date_prefix(s, size);
	check_places(s, size);
	check_bounds(s, size);
	check_header_line(data, size);
	return 0;
}
