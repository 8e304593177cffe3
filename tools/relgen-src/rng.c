#include "config.h"

/* rng.c — seeding the random streams, and weighted choices (see rng.h). */

#include "rng.h"

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A stream of its own for (seed, stream, sub): independent of every other one. */
void rng_init(struct rng *r, uint64_t seed, uint64_t stream, uint64_t sub)
{
	uint64_t x = seed;
	x = splitmix64(&x) ^ stream;
	x = splitmix64(&x) ^ sub;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

/* An index drawn with the given weights. */
unsigned pick_weighted(struct rng *r, const unsigned *w, unsigned n)
{
	unsigned total = 0;
	for (unsigned i = 0; i < n; i++)
		total += w[i];
	unsigned x = rnd(r, total);
	for (unsigned i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}
