/* templates.h — the sentence templates of releases: per kind of story a title, a
 * lead and detail sentences, with the topics the story comes under; and the
 * sub-headlines, generic details, quotations, closings and site lines every kind
 * shares. The tables are in templates.c. */
#ifndef RELGEN_TEMPLATES_H
#define RELGEN_TEMPLATES_H

#include "base.h"

/* The codes a template may hold, which expand() replaces:
 * story-bound  %S subject  %L subject's family name  %N nationality  %Y its
 * country  %X crime  %I issue  %G charge  %d drug  %g goods  %r artifacts  %O operation
 * %C office city  %B its state  %E HSI or ERO  %k the story's count;
 * random  %P person  %A age  %c US city  %s US state  %u foreign country  %a partner
 * %o official  %n 2-40  %m months  %t years  %K large count  %$ money  %W weekday
 * %H month  %Z year  %v venue  %D drug  %J goods  %R artifacts  %q a quotation;
 * style  %' apostrophe  %< %> quotation marks  %- dash  %% percent. */

enum kind { K_REMOVAL, K_SENTENCE, K_PLEA, K_ARREST, K_SEIZURE, K_REPATRIATION, K_PARTNERSHIP };
#define NKINDS 7

struct kind_text {
	const char *const *titles, *const *leads, *const *details;
	size_t ntitles, nleads, ndetails;
	const uint8_t *topics; /* the topics its first topic comes from */
	size_t ntopics;
};

extern const struct kind_text kind_texts[NKINDS];
/* How often each kind of story is drawn. */
extern const unsigned kind_weights[NKINDS];

/* Sub-headlines; detail sentences of any kind; what an official is quoted saying,
 * and whole quoted paragraphs; last paragraphs; site lines after "Updated:". */
TABLE(const char *const, subtitles);
TABLE(const char *const, details_generic);
TABLE(const char *const, quotes);
TABLE(const char *const, quote_paragraphs);
TABLE(const char *const, closings);
TABLE(const char *const, boilerplate);

/* Dash styles: " — ", " – ", " - ". */
TABLE(const char *const, dashes);

#endif
