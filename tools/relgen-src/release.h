/* release.h — the model of one release: everything its header holds (what the truth
 * file records) and the story its title and body tell, as indices into the word and
 * template tables and offsets into the corpus's string pool.
 *
 * Pass 1 (head.c) fills it; pass 2 (page.c, encode.c) writes the release's text and
 * bytes from it; the truth (truth.c) prints it. */
#ifndef RELGEN_RELEASE_H
#define RELGEN_RELEASE_H

#include "base.h"

/* The page layouts of the sites releases were saved from, and the date forms. */
enum layout { L_SKIP, L_SKIP_OFFICIAL, L_DHS_FLAG, L_ARCHIVE, L_BARE };
enum datefmt { D_FULL, D_AP, D_SHORT, D_ISO, D_UPPER };

struct release {
	/* Pool offsets; NONE when absent. */
	size_t entry, title, subtitle, location, subject, subject_family;
	uint16_t year;
	uint8_t month, day; /* day 0: the header has no date */
	uint8_t layout, datefmt;
	uint8_t ntopics, topic[3];
	bool topics_comma; /* topics printed ", "-joined, else run together */
	bool curly;        /* typographic quotes and apostrophes */
	uint8_t dash;      /* dash style, an index into dashes[] */
	bool foreign;      /* the dateline place is foreign_cities[place], else us_cities */
	uint8_t place;
	/* The story the title and body tell. */
	uint8_t kind, arm, nat, crime, issue, charge, drug, goods, artifact, op1, op2, office;
	uint32_t count;
	/* Kept from writing the release until its duplicate has been written. */
	int32_t copy; /* entry index of the copy, -1 when none */
	char *bytes;
	size_t nbytes;
};

#endif
