/* write.h — pass 2: the corpus's entries written to the output in order. The
 * releases' text is generated here, one at a time, so memory holds headers only. */
#ifndef RELGEN_WRITE_H
#define RELGEN_WRITE_H

#include "corpus.h"

struct format;

void corpus_write(struct corpus *c, const struct format *fmt, const char *output);

#endif
