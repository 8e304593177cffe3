/* rng.h — random numbers: xoshiro256**, seeded through splitmix64.
 *
 * Every release draws from streams of its own, keyed by the seed, a stream kind and
 * its number, so that what one release draws never shifts another: the same options
 * give the same bytes. The functions drawing numbers are inline here because a
 * release draws thousands of them. */
#ifndef RELGEN_RNG_H
#define RELGEN_RNG_H

#include "base.h"

struct rng {
	uint64_t s[4];
};

enum stream { STREAM_HEAD = 1, STREAM_BODY, STREAM_CORPUS, STREAM_JUNK };

void rng_init(struct rng *r, uint64_t seed, uint64_t stream, uint64_t sub);

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, n). */
static inline uint32_t rnd(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

static inline int rnd_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rnd(r, (uint32_t)(hi - lo + 1));
}

static inline bool chance(struct rng *r, unsigned percent)
{
	return rnd(r, 1000) < percent * 10;
}

unsigned pick_weighted(struct rng *r, const unsigned *w, unsigned n);

/* An element of an array whose length is in sight, and of a TABLE (base.h). */
#define PICK(r, a)          ((a)[rnd((r), ARRAY_LEN(a))])
#define PICK_FROM(r, table) ((table)[rnd((r), (uint32_t)table##_len)])
/* The index of an element of a TABLE, for a release to keep. */
#define PICK_INDEX(r, table) ((uint8_t)rnd((r), (uint32_t)table##_len))

#endif
