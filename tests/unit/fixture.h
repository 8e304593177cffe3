/* fixture — releases for the unit tests, made from literal fields. */
#ifndef RELVIEW_TEST_FIXTURE_H
#define RELVIEW_TEST_FIXTURE_H

#include <stdbool.h>
#include <stdint.h>

struct catalog;

/* Commit a release of input 0 whose text is its fields on lines of their own, with
 * those fields as its spans; topics are separated by '|', "" for none. Each call is
 * the next entry (ordinal) of the input. Returns what catalog_commit() returns. */
bool fixture_add(struct catalog *cat, uint32_t date, const char *title, const char *location,
                 const char *topics, const char *body, const char *entry);
/* The same with a subtitle ("": none). */
bool fixture_add_subtitled(struct catalog *cat, uint32_t date, const char *title,
                           const char *subtitle, const char *location, const char *topics,
                           const char *body, const char *entry);

#endif
