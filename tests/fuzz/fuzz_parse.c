/* Fuzz target: the release parser on decoded text, as load runs it — with the
 * built-in topic vocabulary and with none. Every field must be a span inside the
 * text on character boundaries, and a date a real one in range. */
#include "config.h"

#include "fuzz.h"

#include "relview/date.h"
#include "relview/parse.h"
#include "relview/text.h"
#include "relview/topics.h"

static void check_span(const char *text, size_t len, struct span s)
{
	FUZZ_CHECK((uint64_t)s.off + s.len <= len);
	if (s.len) {
		FUZZ_CHECK(fuzz_at_boundary(text, len, s.off));
		FUZZ_CHECK(fuzz_at_boundary(text, len, (size_t)s.off + s.len));
	}
}

static void check_parsed(const char *text, size_t len, const struct parsed *p)
{
	if (p->date != DATE_UNKNOWN) {
		int y = date_year(p->date), m = date_month(p->date), d = (int)(p->date % 100);
		FUZZ_CHECK(date_is_valid(y, m, d));
		FUZZ_CHECK(y >= DATE_MIN_YEAR && y <= DATE_MAX_YEAR);
	}
	FUZZ_CHECK(p->ntopics <= PARSE_MAX_TOPICS);
	for (unsigned t = 0; t < p->ntopics; t++)
		check_span(text, len, p->topics[t]);
	check_span(text, len, p->location);
	check_span(text, len, p->title);
	check_span(text, len, p->subtitle);
	check_span(text, len, p->body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct topic_vocab *vocab;
	if (!vocab && !(vocab = topic_vocab_new()))
		abort();
	char *text = malloc(text_decoded_max(size) + 1);
	if (!text)
		return 0;
	size_t len = text_decode(data, size, text, TEXT_KEEP_NEWLINES);
	struct parsed p;
	parse_release(text, len, vocab, &p);
	check_parsed(text, len, &p);
	parse_release(text, len, NULL, &p);
	check_parsed(text, len, &p);
	free(text);
	return 0;
}
