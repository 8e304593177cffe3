#include "config.h"

#include "relview/topics.h"

#include "relview/ascii.h"
#include "relview/fold.h"
#include "relview/grow.h"
#include "relview/idindex.h"
#include "relview/unconst.h"

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
	uint32_t canonical; /* the index of the name this one spells: itself for a name */
	bool owned;
	char *loose; /* its letters and digits, case and accents folded (owned) */
	size_t loose_len;
};

/* Names in an array, indexed by their hash: topic_vocab_has() is one hash and
 * usually one comparison. */
struct topic_vocab {
	struct topic_name *names;
	size_t count, cap;
	struct idindex index;
	/* The names by their loose spelling (the first name of each), for the spellings
	 * no list gives: "DETENCION Y DEPORTACION", "Human Smuggling / Trafficking". */
	struct idindex loose_index;
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

/* The slot of index (the names as printed, or loosely: t->loose) holding s, or the
 * empty slot where it would go. */
static size_t probe(const struct topic_vocab *v, bool loose, const char *s, size_t n)
{
	const struct idindex *ix = loose ? &v->loose_index : &v->index;
	size_t i = idindex_first(ix, hash_bytes(s, n));
	for (; ix->slots[i]; i = idindex_next(ix, i)) {
		const struct topic_name *t = &v->names[ix->slots[i] - 1];
		const char *text = loose ? t->loose : t->text;
		size_t len = loose ? t->loose_len : t->len;
		if (len == n && memcmp(text, s, n) == 0)
			break;
	}
	return i;
}

static size_t find_slot(const struct topic_vocab *v, const char *s, size_t n)
{
	return probe(v, false, s, n);
}

static uint64_t name_key(const void *owner, uint32_t id)
{
	const struct topic_name *t = &((const struct topic_vocab *)owner)->names[id];
	return hash_bytes(t->text, t->len);
}

/* A name longer than this has no loose spelling (none of the vocabulary's is near). */
#define LOOSE_NAME_MAX 256

/* s[0..n) by its letters and digits, case and accents folded, as the catalog's
 * facets know a name ("Detención y Deportación" and "DETENCION Y DEPORTACION" are
 * "detencionydeportacion"): a new string, *len its length; NULL when s is too long
 * or out of memory. */
static char *loose_spelling(const char *s, size_t n, size_t *len)
{
	if (n > LOOSE_NAME_MAX)
		return NULL;
	char *out = malloc(fold_string_max(n));
	if (out == NULL)
		return NULL;
	size_t folded = fold_string(s, n, FOLD_CASE | FOLD_ACCENTS, out), k = 0;
	for (size_t i = 0; i < folded; i++)
		if ((unsigned char)out[i] >= 0x80 || ascii_is_alpha(out[i]) ||
		    ascii_is_digit(out[i]))
			out[k++] = out[i];
	out[k] = '\0';
	*len = k;
	char *kept = realloc(out, k + 1); /* the room folding needed at most, given back */
	return kept ? kept : out;
}

static uint64_t loose_key(const void *owner, uint32_t id)
{
	const struct topic_name *t = &((const struct topic_vocab *)owner)->names[id];
	return hash_bytes(t->loose, t->loose_len);
}

/* Indexes names[id] by its loose spelling, unless a name before it is spelt so. A
 * name with none (too long) is left out; false when out of memory. */
static bool index_loosely(struct topic_vocab *v, uint32_t id)
{
	struct topic_name *t = &v->names[id];
	t->loose = loose_spelling(t->text, t->len, &t->loose_len);
	if (t->loose == NULL)
		return t->len > LOOSE_NAME_MAX;
	if (!idindex_reserve(&v->loose_index, id, FIRST_SLOTS, loose_key, v))
		return false;
	size_t slot = probe(v, true, t->loose, t->loose_len);
	if (v->loose_index.slots[slot] == 0)
		v->loose_index.slots[slot] = id + 1;
	return true;
}

static uint64_t first_byte_bit(const char *s)
{
	return (uint64_t)1 << ((unsigned char)s[0] & 63);
}

/* Adds s as a spelling of names[canonical], or of itself when canonical is
 * UINT32_MAX. A spelling already known keeps what it spelt. */
static bool insert(struct topic_vocab *v, const char *s, size_t n, bool copy, uint32_t canonical)
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
	uint32_t self = (uint32_t)v->count;
	v->names[v->count] = (struct topic_name){
	        text, n, canonical == UINT32_MAX ? self : canonical, copy, NULL, 0};
	v->count++;
	if (n > v->max_len)
		v->max_len = n;
	if (n <= SCREENED_LEN)
		v->first_bytes[n] |= first_byte_bit(s);
	v->index.slots[find_slot(v, s, n)] = (uint32_t)v->count;
	return index_loosely(v, self);
}

enum { VARIANT_MAX = 200 };

static const char and_word[] = " and ", ampersand[] = " & ";

/* name with " and " written " & ", into buf; its length, 0 when there is none. */
static size_t with_ampersand(const char *name, size_t n, char *buf)
{
	size_t out = 0, and_len = sizeof and_word - 1;
	bool changed = false;
	for (size_t i = 0; i < n;) {
		if (i + and_len <= n && memcmp(name + i, and_word, and_len) == 0) {
			memcpy(buf + out, ampersand, sizeof ampersand - 1);
			out += sizeof ampersand - 1;
			i += and_len;
			changed = true;
		} else {
			buf[out++] = name[i++];
		}
	}
	return changed ? out : 0;
}

/* The name without its last word, when what is left ends in a capitalised word:
 * "Cultural Property, Art and Antiquities" for "... Antiquities Investigations",
 * "Worksite" for "Worksite Enforcement"; 0 when there is none. */
static size_t without_last_word(const char *name, size_t n)
{
	const char *space = NULL;
	for (size_t i = n; i-- > 0;)
		if (name[i] == ' ') {
			space = name + i;
			break;
		}
	if (space == NULL)
		return 0;
	size_t len = (size_t)(space - name), word = len;
	while (word > 0 && name[word - 1] != ' ')
		word--;
	bool capital = name[word] >= 'A' && name[word] <= 'Z';
	return capital && name[len - 1] != ',' ? len : 0;
}

/* A name without its last word ("Cultural Property, Art and Antiquities"), a
 * spelling of the name it came from. */
struct shortened {
	char text[VARIANT_MAX];
	size_t len;
	uint32_t canonical;
};

/* Adds the shortened spellings of names[canonical] to list: without the last word,
 * with and without "&" for "and". */
static size_t add_shortened(const struct topic_vocab *v, uint32_t canonical, struct shortened *list,
                            size_t count)
{
	char amp[VARIANT_MAX];
	const char *name = v->names[canonical].text;
	size_t n = v->names[canonical].len;
	size_t amp_len = with_ampersand(name, n, amp), lens[2] = {without_last_word(name, n), 0};
	const char *from[2] = {name, amp};
	if (amp_len)
		lens[1] = without_last_word(amp, amp_len);
	for (size_t k = 0; k < 2; k++)
		if (lens[k] != 0) {
			memcpy(list[count].text, from[k], lens[k]);
			list[count].len = lens[k];
			list[count++].canonical = canonical;
		}
	return count;
}

/* Whether a shortened spelling says which name it stands for: of more than one word
 * ("Worksite" is not surely "Worksite Enforcement") and from no other name ("Human"
 * is the start of four). */
static bool is_telling(const struct shortened *list, size_t count, size_t i)
{
	if (memchr(list[i].text, ' ', list[i].len) == NULL)
		return false;
	for (size_t j = 0; j < count; j++)
		if (list[j].canonical != list[i].canonical && list[j].len == list[i].len &&
		    memcmp(list[j].text, list[i].text, list[i].len) == 0)
			return false;
	return true;
}

/* The spellings release headers print for the vocabulary's names: "&" for "and",
 * and a name without its last word where that spelling is telling. Each is taken
 * only where no name has that spelling; older names that are not telling are
 * aliases in data/topics.txt ("Worksite = Worksite Enforcement"). */
static bool insert_variants(struct topic_vocab *v)
{
	size_t names = v->count, count = 0;
	struct shortened *list = malloc(2 * names * sizeof *list);
	bool ok = list != NULL;
	for (uint32_t i = 0; ok && i < names; i++) {
		const struct topic_name *t = &v->names[i];
		char amp[VARIANT_MAX];
		if (t->canonical != i || t->len > VARIANT_MAX)
			continue;
		size_t amp_len = with_ampersand(t->text, t->len, amp);
		ok = amp_len == 0 || insert(v, amp, amp_len, true, i);
		count = add_shortened(v, i, list, count);
	}
	for (size_t i = 0; ok && i < count; i++)
		if (is_telling(list, count, i))
			ok = insert(v, list[i].text, list[i].len, true, list[i].canonical);
	free(list);
	return ok;
}

/* "Detención y Deportación = Enforcement and Removal": another name for a name. */
static const char alias_sep[] = " = ";

/* Adds a line of data/topics.txt: a name, or an alias and the name it stands for. */
static bool insert_builtin(struct topic_vocab *v, const char *line)
{
	const char *sep = strstr(line, alias_sep);
	if (sep == NULL)
		return insert(v, line, strlen(line), false, UINT32_MAX);
	const char *target = sep + sizeof alias_sep - 1;
	if (!insert(v, target, strlen(target), false, UINT32_MAX))
		return false;
	uint32_t canonical =
	        v->names[v->index.slots[find_slot(v, target, strlen(target))] - 1].canonical;
	return insert(v, line, (size_t)(sep - line), true, canonical);
}

struct topic_vocab *topic_vocab_new(void)
{
	struct topic_vocab *v = calloc(1, sizeof *v);
	if (v == NULL || !idindex_reserve(&v->index, 0, FIRST_SLOTS, name_key, v) ||
	    !idindex_reserve(&v->loose_index, 0, FIRST_SLOTS, loose_key, v)) {
		topic_vocab_free(v);
		return NULL;
	}
	bool ok = true;
	for (size_t i = 0; ok && topic_builtin[i] != NULL; i++)
		ok = insert_builtin(v, topic_builtin[i]);
	/* Variants after every name, so that no variant takes a name's place. */
	ok = ok && insert_variants(v);
	if (!ok) {
		topic_vocab_free(v);
		return NULL;
	}
	return v;
}

void topic_vocab_free(struct topic_vocab *vocab)
{
	if (vocab == NULL)
		return;
	for (size_t i = 0; i < vocab->count; i++) {
		if (vocab->names[i].owned)
			free(unconst(vocab->names[i].text));
		free(vocab->names[i].loose);
	}
	free(vocab->names);
	idindex_free(&vocab->index);
	idindex_free(&vocab->loose_index);
	free(vocab);
}

bool topic_vocab_add(struct topic_vocab *vocab, const char *name, size_t n)
{
	return insert(vocab, name, n, true, UINT32_MAX);
}

/* The name s spells loosely, or NULL. */
static const struct topic_name *find_loosely(const struct topic_vocab *v, const char *s, size_t n)
{
	size_t key_len;
	char *key = v == NULL || v->count == 0 ? NULL : loose_spelling(s, n, &key_len);
	if (key == NULL)
		return NULL;
	uint32_t id = v->loose_index.slots[probe(v, true, key, key_len)];
	free(key);
	return id ? &v->names[id - 1] : NULL;
}

bool topic_vocab_canonical(const struct topic_vocab *vocab, const char *s, size_t n,
                           const char **name, size_t *len)
{
	const struct topic_name *t =
	        topic_vocab_has(vocab, s, n)
	                ? &vocab->names[vocab->index.slots[find_slot(vocab, s, n)] - 1]
	                : find_loosely(vocab, s, n);
	if (t == NULL)
		return false;
	const struct topic_name *c = &vocab->names[t->canonical];
	*name = c->text;
	*len = c->len;
	return true;
}

uint64_t topic_vocab_signature(const struct topic_vocab *vocab)
{
	uint64_t h = hash_bytes("", 0);
	for (size_t i = 0; vocab && i < vocab->count; i++) {
		h ^= hash_bytes(vocab->names[i].text, vocab->names[i].len) ^
		     vocab->names[i].canonical;
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
