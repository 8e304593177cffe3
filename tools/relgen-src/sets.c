#include "config.h"

/* sets.c — the hash and the two sets relgen keeps (see sets.h). */

#include "sets.h"

uint64_t hash_bytes(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0x243F6A8885A308D3u ^ n;
	while (n >= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		h = rotl((h ^ v) * 0x9E3779B97F4A7C15u, 29);
		p += 8;
		n -= 8;
	}
	uint64_t v = 0;
	memcpy(&v, p, n);
	h = (h ^ v) * 0xBF58476D1CE4E5B9u;
	return h ^ (h >> 31);
}

/* Slots for a table of expect keys: a power of two, so that a mask finds a slot, and
 * at least twice expect, so that probes stay short and a free slot always exists. */
static size_t table_slots(size_t expect)
{
	size_t n = 64;
	while (n < expect * 2)
		n *= 2;
	return n;
}

void hashset_init(struct hashset *s, size_t expect)
{
	size_t n = table_slots(expect);
	s->slot = xcalloc(n, sizeof *s->slot);
	s->mask = n - 1;
	s->count = 0;
}

/* Adds h; false when it was there already. */
bool hashset_add(struct hashset *s, uint64_t h)
{
	h |= 1;
	for (size_t i = h & s->mask;; i = (i + 1) & s->mask) {
		if (s->slot[i] == h)
			return false;
		if (!s->slot[i]) {
			s->slot[i] = h;
			s->count++;
			return true;
		}
	}
}

void nameset_init(struct nameset *s, size_t expect)
{
	size_t n = table_slots(expect);
	s->slot = xcalloc(n, sizeof *s->slot);
	s->mask = n - 1;
}

bool nameset_has(const struct nameset *s, const struct buf *pool, const char *name)
{
	for (size_t i = hash_bytes(name, strlen(name)) & s->mask; s->slot[i]; i = (i + 1) & s->mask)
		if (strcmp(pool->p + s->slot[i] - 1, name) == 0)
			return true;
	return false;
}

void nameset_add(struct nameset *s, const struct buf *pool, size_t off)
{
	const char *name = pool->p + off;
	size_t i = hash_bytes(name, strlen(name)) & s->mask;
	while (s->slot[i])
		i = (i + 1) & s->mask;
	s->slot[i] = off + 1;
}
