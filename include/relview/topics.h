/* topics — the vocabulary of known topic names that release headers run together
 * ("NarcoticsTransnational Gangs"), and the one name each spelling of a topic stands
 * for (its facet). The built-in list is data (data/topics.txt, compiled in); more
 * names can be added at run time. */
#ifndef RELVIEW_TOPICS_H
#define RELVIEW_TOPICS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct topic_vocab;

/* A vocabulary holding the built-in topic names; NULL when out of memory. */
struct topic_vocab *topic_vocab_new(void);
void topic_vocab_free(struct topic_vocab *vocab);

/* Add a name (copied); false when out of memory. Adding a known name is harmless. */
bool topic_vocab_add(struct topic_vocab *vocab, const char *name, size_t n);

/* True when s is exactly a known topic name or one of its spellings (bytes and case
 * as printed). A name's spellings are "&" for "and" and the name without its last
 * word ("Cultural Property, Art and Antiquities"), where no other name is spelt so,
 * and the aliases data/topics.txt gives ("Alias = Name"). A NULL vocabulary knows no
 * names. */
bool topic_vocab_has(const struct topic_vocab *vocab, const char *s, size_t n);

/* The name s spells (the topic's one facet): *name and *len point into the
 * vocabulary. A spelling that differs from a known one only in case, accents or
 * punctuation spells its name too ("DETENCION Y DEPORTACION", "Human Smuggling /
 * Trafficking"), where no name before it is spelt so. False when s spells no name;
 * then nothing is stored. */
bool topic_vocab_canonical(const struct topic_vocab *vocab, const char *s, size_t n,
                           const char **name, size_t *len);

/* A hash of every name, in order: two vocabularies with the same signature parse
 * alike (a cached catalog records the one it was parsed with). */
uint64_t topic_vocab_signature(const struct topic_vocab *vocab);

#endif
