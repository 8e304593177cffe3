/* parse_check — parsing a release with the topic vocabulary and checking what the
 * parse found, for test_parse and test_layouts. */
#ifndef RELVIEW_TEST_PARSE_CHECK_H
#define RELVIEW_TEST_PARSE_CHECK_H

#include "relview/parse.h"
#include "relview/topics.h"

/* The vocabulary the parses use: made by setup(), freed by teardown() (cmocka's
 * group fixtures). */
extern struct topic_vocab *vocab;
int setup(void **state);
int teardown(void **state);

/* What parse_release() finds in the text, with the vocabulary. */
struct parsed parse(const char *text);

/* The span of the text is want. */
void check_span(const char *text, struct span s, const char *want);

/* Checks the topics; the list of wanted names ends with NULL. */
void check_topics(const char *text, const struct parsed *p, ...);

#endif
