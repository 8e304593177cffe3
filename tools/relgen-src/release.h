/* release.h — the model of one release: everything its header holds (what the truth
 * file records) and the story its title and body tell, as indices into the word and
 * template tables and offsets into the corpus's string pool.
 *
 * Pass 1 (head.c) fills it; pass 2 (page.c, encode.c) writes the release's text and
 * bytes from it; the truth (truth.c) prints it. */
#ifndef RELGEN_RELEASE_H
#define RELGEN_RELEASE_H

#include "base.h"

/* The page layouts of the sites releases were saved from, and the date forms. The
 * first five are the corpus's by default; the others (--all-layouts) are the other
 * eras of ice.gov and the other agencies of ../shared/real2 and issue #20. */
enum layout {
	L_SKIP,
	L_SKIP_OFFICIAL,
	L_DHS_FLAG,
	L_ARCHIVE,
	L_BARE,
	L_SKIP_ARCHIVED,  /* the "Archived Content" banner above the current header */
	L_SKIP_SHARE,     /* a search image, a topic line, share-icon bullets */
	L_SKIP_ES,        /* ice.gov/es: Spanish month, country and topic */
	L_SKIP_REPORT,    /* a "To Report a Crime" box above the current header */
	L_DHS_FLAG_DATED, /* dhs-flag with a numeric date under the topic line */
	L_ARCHIVE_ABOVE,  /* the headline above "News Releases" and the date */
	L_FORUM,          /* a forum copy: masthead, date, location line */
	L_CBP,            /* cbp.gov: breadcrumb, title, "Release Date", "Mon, 07/19/2021" */
	L_CBP_ARCHIVED,   /* cbp.gov archived: banner, title, "Release Date:" and date below */
	L_CBP_2008,       /* the old cbp.gov: menus, other releases, "(Friday, March 04, 2011)" */
	L_DHS_HSI,        /* dhs.gov/hsi: breadcrumb, title, "Release Date: June 5, 2024" */
	L_PRESS_OFFICE,   /* "For Immediate Release", "Office of the Press Secretary", date */
	L_DOJ_OPA,        /* Justice's press office: the date among its chrome */
	L_USAO,           /* a U.S. Attorney's print page: no date */
	L_FBI_USAO,       /* a U.S. Attorney's release archived on fbi.gov */
	L_DEA,            /* a division label, the date, contact lines, the title */
	L_DISTRIBUTED,    /* a distribution site's copy: "06/05/2024 | Press release | ..." */
	L_IRS,            /* "Date: ... Contact: ..." run on into the body; no title */
	L_BODY_ONLY,      /* the body alone: no header, no title */
	L_MAILING_LIST,   /* a mailing list's copy: title, sub-headline, a topic line */
	L_PDF_COPY,       /* a copy of a PDF release: masthead, date, contact, title */
	L_IRS_TITLED,     /* IRS-CI with its headline above or under "Date: ... Contact: ..." */
	L_SKIP_LONG,      /* skip-main with a header line of many topics, a few hundred bytes */
	L_SKIP_COPY,      /* another site's copy: its masthead run into the header line */
	NLAYOUTS
};
enum datefmt { D_FULL, D_AP, D_SHORT, D_ISO, D_UPPER };

/* The most topics a header prints (skip-main-long's many; relview reads 16). */
#define TOPICS_MAX 16

struct release {
	/* Pool offsets; NONE when absent. */
	size_t entry, title, subtitle, location, subject, subject_family;
	uint16_t year;
	uint8_t month, day; /* day 0: the header has no date */
	uint8_t layout, datefmt;
	uint8_t ntopics, topic[TOPICS_MAX];
	bool topics_comma; /* topics printed ", "-joined, else run together */
	bool ampersand;    /* topics printed with "&" for "and" ("Firearms, Ammunition &
	                    * Explosives"), as some pages do */
	bool topic_lower;  /* the first topic printed with a small initial, glued to the
	                    * location ("United Statesnarcotics"), as some headers are */
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
