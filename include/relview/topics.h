/* topics — the vocabulary of known topic names that release headers run together
 * ("NarcoticsTransnational Gangs"). The built-in list is data (data/topics.txt,
 * compiled in); more names can be added at run time. */
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

/* True when s is exactly a known topic name (bytes and case as printed). A NULL
 * vocabulary knows no names. */
bool topic_vocab_has(const struct topic_vocab *vocab, const char *s, size_t n);

/* A hash of every name, in order: two vocabularies with the same signature parse
 * alike (a cached catalog records the one it was parsed with). */
uint64_t topic_vocab_signature(const struct topic_vocab *vocab);

#endif
