#include "config.h"

#include "relview/topics.h"

#include "relview/grow.h"
#include "relview/idindex.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The compiled-in vocabulary (data/topics.txt), NULL-terminated. */
extern const char *const topic_builtin[];

#define SCREENED_LEN 64
/* The first size of the vocabulary's index. */
#define FIRST_SLOTS 64

struct topic_name {
	const char *text; /* a built-in string or an owned copy */
	size_t len;
	bool owned;
};

/* Names in an array, indexed by their hash: topic_vocab_has() is one hash and
 * usually one comparison. */
struct topic_vocab {
	struct topic_name *names;
	size_t count, cap;
	struct idindex index;
	size_t max_len; /* of the names: longer text is rejected before hashing */
	/* For each length up to SCREENED_LEN, a bit per first byte (its low 6 bits,
	 * which keep digits and letters apart) of the names that long: the parser asks
	 * about many pieces of each header, and most fail this before any hashing. */
	uint64_t first_bytes[SCREENED_LEN + 1];
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find_slot(const struct topic_vocab *v, const char *s, size_t n)
{
	const struct idindex *ix = &v->index;
	size_t i = idindex_first(ix, hash_bytes(s, n));
	for (; ix->slots[i]; i = idindex_next(ix, i)) {
		const struct topic_name *t = &v->names[ix->slots[i] - 1];
		if (t->len == n && memcmp(t->text, s, n) == 0)
			break;
	}
	return i;
}

static uint64_t name_key(const void *owner, uint32_t id)
{
	const struct topic_name *t = &((const struct topic_vocab *)owner)->names[id];
	return hash_bytes(t->text, t->len);
}

static uint64_t first_byte_bit(const char *s)
{
	return (uint64_t)1 << ((unsigned char)s[0] & 63);
}

static bool insert(struct topic_vocab *v, const char *s, size_t n, bool copy)
{
	if (n == 0 || topic_vocab_has(v, s, n))
		return true;
	if (v->count == UINT32_MAX - 1)
		return false;
	if (!idindex_reserve(&v->index, v->count, FIRST_SLOTS, name_key, v))
		return false;
	if (!grow_array((void **)&v->names, &v->cap, v->count + 1, sizeof *v->names))
		return false;
	const char *text = s;
	if (copy) {
		char *dup = malloc(n + 1);
		if (dup == NULL)
			return false;
		memcpy(dup, s, n);
		dup[n] = '\0';
		text = dup;
	}
	v->names[v->count] = (struct topic_name){text, n, copy};
	v->count++;
	if (n > v->max_len)
		v->max_len = n;
	if (n <= SCREENED_LEN)
		v->first_bytes[n] |= first_byte_bit(s);
	v->index.slots[find_slot(v, s, n)] = (uint32_t)v->count;
	return true;
}

struct topic_vocab *topic_vocab_new(void)
{
	struct topic_vocab *v = calloc(1, sizeof *v);
	if (v == NULL || !idindex_reserve(&v->index, 0, FIRST_SLOTS, name_key, v)) {
		free(v);
		return NULL;
	}
	for (size_t i = 0; topic_builtin[i] != NULL; i++) {
		if (!insert(v, topic_builtin[i], strlen(topic_builtin[i]), false)) {
			topic_vocab_free(v);
			return NULL;
		}
	}
	return v;
}

void topic_vocab_free(struct topic_vocab *vocab)
{
	if (vocab == NULL)
		return;
	for (size_t i = 0; i < vocab->count; i++)
		if (vocab->names[i].owned)
			free((char *)vocab->names[i].text);
	free(vocab->names);
	idindex_free(&vocab->index);
	free(vocab);
}

bool topic_vocab_add(struct topic_vocab *vocab, const char *name, size_t n)
{
	return insert(vocab, name, n, true);
}

uint64_t topic_vocab_signature(const struct topic_vocab *vocab)
{
	uint64_t h = hash_bytes("", 0);
	for (size_t i = 0; vocab && i < vocab->count; i++) {
		h ^= hash_bytes(vocab->names[i].text, vocab->names[i].len);
		h *= 1099511628211u;
	}
	return h;
}

bool topic_vocab_has(const struct topic_vocab *vocab, const char *s, size_t n)
{
	if (vocab == NULL || n == 0 || n > vocab->max_len)
		return false;
	if (n <= SCREENED_LEN && !(vocab->first_bytes[n] & first_byte_bit(s)))
		return false;
	return vocab->index.slots[find_slot(vocab, s, n)] != 0;
}
