/* words.h — the vocabulary releases are made of: topics, places, nationalities,
 * crimes, charges, goods, months and the syllables of people's names. The tables are
 * in words.c; a release keeps indices into them (uint8_t), so none may grow past 256
 * entries. */
#ifndef RELGEN_WORDS_H
#define RELGEN_WORDS_H

#include "base.h"

/* Indices into topic_names, for the templates to say which topics a kind of story
 * comes under. */
enum topic_id {
	T_REMOVAL,
	T_NARCOTICS,
	T_GANGS,
	T_SMUGGLING,
	T_TRAFFICKING,
	T_CHILD,
	T_FINANCIAL,
	T_WORKSITE,
	T_CPI,
	T_CONTRABAND,
	T_OPERATIONAL,
	T_CULTURAL,
	T_FIREARMS,
	T_IPR,
	T_RIGHTS,
	T_NATSEC,
	T_FRAUD,
	T_CYBER,
	T_287G
};

/* Places: a US city is in a state (an index into states). */
struct state {
	const char *name, *code, *ap; /* "New Jersey", "NJ", "N.J." */
};

struct us_city {
	const char *name;
	uint8_t state;
};

struct foreign_city {
	const char *name, *country;
};

struct nation {
	const char *adj, *country;
};

/* The ICE topic names a release header may carry. */
TABLE(const char *const, topic_names);

/* Places and peoples; us_cities[0] is Washington, DC. */
TABLE(const struct state, states);
TABLE(const struct us_city, us_cities);
TABLE(const struct foreign_city, foreign_cities);
TABLE(const struct nation, nations);

/* What the stories are about, and who takes part (op_first and op_second make an
 * operation's name). */
TABLE(const char *const, crimes);
TABLE(const char *const, issues);
TABLE(const char *const, charges);
TABLE(const char *const, drugs);
TABLE(const char *const, goods);
TABLE(const char *const, artifacts);
TABLE(const char *const, partners);
TABLE(const char *const, officials);
TABLE(const char *const, venues);
TABLE(const char *const, op_first);
TABLE(const char *const, op_second);

/* Dates in words: "Monday", "September", "Sep", "Sept." (Associated Press). */
TABLE(const char *const, weekdays);
TABLE(const char *const, month_names);
TABLE(const char *const, month_short);
TABLE(const char *const, month_ap);

/* Syllables of people's given and family names. */
TABLE(const char *const, given_onset);
TABLE(const char *const, given_mid);
TABLE(const char *const, given_end);
TABLE(const char *const, family_onset);
TABLE(const char *const, family_mid);
TABLE(const char *const, family_end);

#endif
