/* truth.h — the ground truth: one JSON line per generated release, in entry order,
 * with its entry, date, location, topics, title and sub-headline; junk and the
 * copies of duplicates have none. */
#ifndef RELGEN_TRUTH_H
#define RELGEN_TRUTH_H

#include "corpus.h"

void truth_write(const struct corpus *c, const char *path);

#endif
