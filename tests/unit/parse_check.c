/* parse_check — see parse_check.h. */
#include "config.h"

#include "parse_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

struct topic_vocab *vocab;

int setup(void **state)
{
	(void)state;
	vocab = topic_vocab_new();
	return vocab ? 0 : -1;
}

int teardown(void **state)
{
	(void)state;
	topic_vocab_free(vocab);
	return 0;
}

struct parsed parse(const char *text)
{
	struct parsed p;
	parse_release(text, strlen(text), vocab, &p);
	return p;
}

void check_span(const char *text, struct span s, const char *want)
{
	char *got = strndup(text + s.off, s.len);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

void check_topics(const char *text, const struct parsed *p, ...)
{
	va_list ap;
	va_start(ap, p);
	unsigned i = 0;
	for (const char *want; (want = va_arg(ap, const char *)) != NULL; i++) {
		assert_true(i < p->ntopics);
		check_span(text, p->topics[i], want);
	}
	va_end(ap);
	assert_int_equal(p->ntopics, i);
}
