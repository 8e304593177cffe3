/* valgrind_check — whether a test runs under valgrind (.ci/run runs the suite so). */
#ifndef RELVIEW_TEST_VALGRIND_CHECK_H
#define RELVIEW_TEST_VALGRIND_CHECK_H

#include <stdbool.h>

/* Valgrind lays out the address space itself, counts its own memory against a
 * child's cap, gives children descriptors and an environment of its own, and runs
 * many times slower: tests of those limits allow for it or skip. */
bool under_valgrind(void);

#endif
