/* encode.h — the bytes a release's file holds: its text, re-encoded as drawn. */
#ifndef RELGEN_ENCODE_H
#define RELGEN_ENCODE_H

#include "rng.h"

const struct buf *encode_release(struct rng *r, bool plain, struct buf *text, struct buf *tmp,
                                 struct buf *out);

#endif
