/* parse: releases in the current site's layout — header, location, topics, dates,
 * footer — and edge cases (empty, boilerplate only, huge); other layouts are
 * test_layouts.c's, places test_place.c's. Every text here is invented; only the
 * site boilerplate and the topic names are real. */
#include "config.h"

#include "parse_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "relview/parse.h"
#include "relview/place.h"
#include "relview/topics.h"

/* A release in the current site's layout with this header line. */
static char *skip_main(const char *header_line)
{
	static const char head[] = "Skip to main content\n";
	static const char tail[] = "\n\nInvented headline about an arrest\n\n"
	                           "SPRINGFIELD — The first paragraph of the body.\n";
	size_t n = strlen(head) + strlen(header_line) + strlen(tail) + 1;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "%s%s%s", head, header_line, tail);
	return text;
}

/* Parses a skip-main release with this header line and checks its fields. */
static void check_header(const char *header_line, uint32_t date, const char *location, ...)
{
	char *text = skip_main(header_line);
	struct parsed p = parse(text);
	assert_int_equal(p.date, date);
	check_span(text, p.location, location);
	va_list ap;
	va_start(ap, location);
	unsigned i = 0;
	for (const char *want; (want = va_arg(ap, const char *)) != NULL; i++) {
		assert_true(i < p.ntopics);
		check_span(text, p.topics[i], want);
	}
	va_end(ap);
	assert_int_equal(p.ntopics, i);
	check_span(text, p.title, "Invented headline about an arrest");
	check_span(text, p.body, "SPRINGFIELD — The first paragraph of the body.");
	free(text);
}

/* ---- the current site --------------------------------------------------------------- */

static void test_example_layout(void **state)
{
	(void)state;
	const char *text =
	        "Skip to main content\n"
	        "March 11, 2014Mexico City, MexicoTransnational Gangs\n"
	        "\n"
	        "Agency joins a regional workshop on street gangs in the capital\n"
	        "\n"
	        "Agency Joins Regional Workshop On Street Gangs\n"
	        "\n"
	        "MEXICO CITY — Officers from six nations met this week to share methods.\n"
	        "\n"
	        "\"Working together keeps people safe,\" said an invented official.\n"
	        "\n"
	        "Updated:\n"
	        "Something from the page footer\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20140311);
	check_span(text, p.location, "Mexico City, Mexico");
	check_topics(text, &p, "Transnational Gangs", NULL);
	check_span(text, p.title,
	           "Agency joins a regional workshop on street gangs in the capital");
	check_span(text, p.subtitle, "Agency Joins Regional Workshop On Street Gangs");
	check_span(text, p.body,
	           "MEXICO CITY — Officers from six nations met this week to share methods.\n"
	           "\n"
	           "\"Working together keeps people safe,\" said an invented official.");
}

static void test_official_banner(void **state)
{
	(void)state;
	const char *text = "Skip to main content\n"
	                   "U.S. flag\n"
	                   "\n"
	                   "An official website of the United States government\n"
	                   "\n"
	                   "Here's how you know\n"
	                   "\n"
	                   "June 1, 2012Phoenix, AZ, United StatesNarcotics\n"
	                   "\n"
	                   "Top Story: Invented seizure at a desert checkpoint\n"
	                   "\n"
	                   "PHOENIX - Officers found a hidden compartment in a truck.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20120601);
	check_span(text, p.location, "Phoenix, AZ, United States");
	check_topics(text, &p, "Narcotics", NULL);
	check_span(text, p.title, "Top Story: Invented seizure at a desert checkpoint");
	assert_int_equal(p.subtitle.len, 0);
	check_span(text, p.body, "PHOENIX - Officers found a hidden compartment in a truck.");
}

static void test_location_forms(void **state)
{
	(void)state;
	check_header("March 3, 2015Houston, TXNarcotics", 20150303, "Houston, TX", "Narcotics",
	             NULL);
	check_header("March 3, 2015Austin, TexasHuman Smuggling", 20150303, "Austin, Texas",
	             "Human Smuggling", NULL);
	check_header("March 3, 2015Washington, DCEnforcement and Removal", 20150303,
	             "Washington, DC", "Enforcement and Removal", NULL);
	check_header("March 3, 2015Washington, D.C.Enforcement and Removal", 20150303,
	             "Washington, D.C.", "Enforcement and Removal", NULL);
	check_header("March 3, 2015San Juan, Puerto RicoContraband", 20150303,
	             "San Juan, Puerto Rico", "Contraband", NULL);
	check_header("March 3, 2015Hagatna, GuamHuman Trafficking", 20150303, "Hagatna, Guam",
	             "Human Trafficking", NULL);
	check_header("March 3, 2015Lima, PeruCultural Property, Art and Antiquities Investigations",
	             20150303, "Lima, Peru",
	             "Cultural Property, Art and Antiquities Investigations", NULL);
	check_header("March 3, 2015San Salvador, El SalvadorTransnational Gangs", 20150303,
	             "San Salvador, El Salvador", "Transnational Gangs", NULL);
	check_header("March 3, 2015Santo Domingo, Dominican RepublicHuman Smuggling", 20150303,
	             "Santo Domingo, Dominican Republic", "Human Smuggling", NULL);
	check_header("March 3, 2015Beijing, People's Republic of ChinaIntellectual Property Rights",
	             20150303, "Beijing, People's Republic of China",
	             "Intellectual Property Rights", NULL);
	check_header("March 3, 2015Miami, FL, United StatesFinancial Crimes", 20150303,
	             "Miami, FL, United States", "Financial Crimes", NULL);
	check_header("March 3, 2015Seattle, United StatesContraband", 20150303,
	             "Seattle, United States", "Contraband", NULL);
	check_header("March 3, 2015Washington, DCUnited StatesWorksite Enforcement", 20150303,
	             "Washington, DCUnited States", "Worksite Enforcement", NULL);
	check_header("March 3, 2015Trenton, NJ, United States287g Immigration and Nationality Act",
	             20150303, "Trenton, NJ, United States", "287g Immigration and Nationality Act",
	             NULL);
	check_header("March 3, 2015Albuquerque, New MexicoNarcotics", 20150303,
	             "Albuquerque, New Mexico", "Narcotics", NULL);
	check_header("March 3, 2015Charleston, West VirginiaNarcotics", 20150303,
	             "Charleston, West Virginia", "Narcotics", NULL);
	check_header("March 3, 2015MexicoOperational", 20150303, "Mexico", "Operational", NULL);
	check_header("March 3, 2015Houston, TX, Narcotics", 20150303, "Houston, TX", "Narcotics",
	             NULL);
}

static void test_no_location(void **state)
{
	(void)state;
	check_header("April 10, 2019Enforcement and Removal", 20190410, "",
	             "Enforcement and Removal", NULL);
	check_header("April 10, 2019287g Immigration and Nationality Act", 20190410, "",
	             "287g Immigration and Nationality Act", NULL);
	check_header("April 10, 2019NarcoticsHuman Smuggling", 20190410, "", "Narcotics",
	             "Human Smuggling", NULL);
}

static void test_location_without_topics(void **state)
{
	(void)state;
	check_header("April 10, 2019Houston, TX", 20190410, "Houston, TX", NULL);
	check_header("April 10, 2019Springfield, Freedonia", 20190410, "Springfield, Freedonia",
	             NULL);
}

static void test_topics_run_together(void **state)
{
	(void)state;
	check_header("May 5, 2016El Paso, TexasNarcoticsTransnational Gangs", 20160505,
	             "El Paso, Texas", "Narcotics", "Transnational Gangs", NULL);
	check_header("May 5, 2016Laredo, TXNarcoticsHuman SmugglingFinancial Crimes", 20160505,
	             "Laredo, TX", "Narcotics", "Human Smuggling", "Financial Crimes", NULL);
	check_header("May 5, 2016Newark, NJ, United StatesChild ExploitationCyber Crimes", 20160505,
	             "Newark, NJ, United States", "Child Exploitation", "Cyber Crimes", NULL);
}

static void test_topics_comma_joined(void **state)
{
	(void)state;
	check_header("May 5, 2016Dallas, TXNarcotics, Transnational Gangs", 20160505, "Dallas, TX",
	             "Narcotics", "Transnational Gangs", NULL);
	check_header("May 5, 2016Narcotics, Human Trafficking, Contraband", 20160505, "",
	             "Narcotics", "Human Trafficking", "Contraband", NULL);
}

static void test_topics_with_commas(void **state)
{
	(void)state;
	check_header("May 5, 2016Tucson, AZFirearms, Ammunition and Explosives", 20160505,
	             "Tucson, AZ", "Firearms, Ammunition and Explosives", NULL);
	check_header("May 5, 2016Tucson, AZFirearms, Ammunition and ExplosivesNarcotics", 20160505,
	             "Tucson, AZ", "Firearms, Ammunition and Explosives", "Narcotics", NULL);
	check_header("May 5, 2016Cultural Property, Art and Antiquities Investigations, Contraband",
	             20160505, "", "Cultural Property, Art and Antiquities Investigations",
	             "Contraband", NULL);
}

static void test_inner_capitals(void **state)
{
	(void)state;
	check_header("July 9, 2013McAllen, TXHuman Smuggling", 20130709, "McAllen, TX",
	             "Human Smuggling", NULL);
	check_header("July 9, 2013DeKalb, IllinoisChild Exploitation", 20130709, "DeKalb, Illinois",
	             "Child Exploitation", NULL);
	check_header("July 9, 2013LaPlace, LANarcotics", 20130709, "LaPlace, LA", "Narcotics",
	             NULL);
	check_header("July 9, 2013McAllen, TexasMcGuffin Recovery", 20130709, "McAllen, Texas",
	             "McGuffin Recovery", NULL);
}

static void test_unknown_topic(void **state)
{
	(void)state;
	check_header("July 9, 2013Houston, TXBorder Tunnel Detection", 20130709, "Houston, TX",
	             "Border Tunnel Detection", NULL);
	check_header("July 9, 2013Houston, TXNarcoticsBorder Tunnel Detection", 20130709,
	             "Houston, TX", "Narcotics", "Border Tunnel Detection", NULL);
	check_header("July 9, 2013Houston, TXTunnel DetectionDrone Watch", 20130709, "Houston, TX",
	             "Tunnel Detection", "Drone Watch", NULL);
	check_header("July 9, 2013Tunnel Detection", 20130709, "", "Tunnel Detection", NULL);
	/* known names inside an unknown one are no topics of their own */
	check_header("July 9, 2013Houston, TXHuman Rights Violations Unit", 20130709, "Houston, TX",
	             "Human Rights Violations Unit", NULL);
	/* a postal code run into an acronym */
	check_header("July 9, 2013Los Angeles, CAICE Air Charters", 20130709, "Los Angeles, CA",
	             "ICE Air Charters", NULL);
}

/* A topic that begins in lower case, glued to a known state or country. */
static void test_lowercase_topic_after_place(void **state)
{
	(void)state;
	check_header("July 9, 2013Washington, DC, United Statesweapons Smuggling", 20130709,
	             "Washington, DC, United States", "weapons Smuggling", NULL);
	check_header("July 9, 2013Houston, TXnarcotics", 20130709, "Houston, TX", "narcotics",
	             NULL);
	check_header("July 9, 2013Mexico City, Mexicocontraband, Narcotics", 20130709,
	             "Mexico City, Mexico", "contraband", "Narcotics", NULL);
	/* a known name that lost its capital is still known, commas and all */
	check_header("July 9, 2013Houston, TX, United Statesfirearms, Ammunition and Explosives",
	             20130709, "Houston, TX, United States", "firearms, Ammunition and Explosives",
	             NULL);
	/* a state's name at the start of a longer city's is no place of its own */
	check_header("July 9, 2013Indianapolis, IN, United StatesNarcotics", 20130709,
	             "Indianapolis, IN, United States", "Narcotics", NULL);
}

static void test_unknown_country(void **state)
{
	(void)state;
	check_header("July 9, 2013Springfield, FreedoniaNarcotics", 20130709,
	             "Springfield, Freedonia", "Narcotics", NULL);
	check_header("July 9, 2013Springfield, FreedoniaTunnel Detection", 20130709,
	             "Springfield, Freedonia", "Tunnel Detection", NULL);
	check_header("July 9, 2013Ciudad Nueva, Provincia Sur, MexicoContraband", 20130709,
	             "Ciudad Nueva, Provincia Sur, Mexico", "Contraband", NULL);
}

/* Names that hold ", " and the spellings pages print for them: the reading in
 * which every part is a known name or spelling wins, and a known name's prefix is
 * never cut off a longer name. */
static void test_topic_spellings(void **state)
{
	(void)state;
	check_header("May 14, 2013McAllen, TX, United StatesFirearms, Ammunition & Explosives",
	             20130514, "McAllen, TX, United States", "Firearms, Ammunition & Explosives",
	             NULL);
	check_header("May 14, 2013Boston, MACultural Property, Art and Antiquities, Narcotics",
	             20130514, "Boston, MA", "Cultural Property, Art and Antiquities", "Narcotics",
	             NULL);
	check_header("May 14, 2013Boston, MACultural Property, Narcotics", 20130514, "Boston, MA",
	             "Cultural Property", "Narcotics", NULL);
	check_header("May 14, 2013Boston, MAWorksite, Intellectual Property Rights & Commercial "
	             "Fraud",
	             20130514, "Boston, MA", "Worksite",
	             "Intellectual Property Rights & Commercial Fraud", NULL);
}

/* Every spelling of a topic stands for one name, its facet. */
static void test_topic_canonical(void **state)
{
	(void)state;
	const char *name;
	size_t len;
	static const struct {
		const char *spelling, *name;
	} cases[] = {
	        {"Firearms, Ammunition & Explosives", "Firearms, Ammunition and Explosives"},
	        {"Cultural Property, Art and Antiquities",
	         "Cultural Property, Art and Antiquities Investigations"},
	        {"Cultural Property, Art & Antiquities",
	         "Cultural Property, Art and Antiquities Investigations"},
	        {"Cultural Property", "Cultural Property"},
	        {"Human Rights", "Human Rights"}, /* a name, not a spelling of a longer one */
	        {"Worksite", "Worksite Enforcement"},
	        {"Detenci\u00f3n y Deportaci\u00f3n", "Enforcement and Removal"},
	        /* spellings no list gives: other case, accents, punctuation */
	        {"DETENCI\u00d3N Y DEPORTACI\u00d3N", "Enforcement and Removal"},
	        {"Detencion y Deportacion", "Enforcement and Removal"},
	        {"detenci\u00f3n y deportaci\u00f3n", "Enforcement and Removal"},
	        {"FIREARMS, AMMUNITION & EXPLOSIVES", "Firearms, Ammunition and Explosives"},
	        {"Human Smuggling / Trafficking", "Human Smuggling/Trafficking"},
	        {"narcotics", "Narcotics"},
	        {"Narcotics", "Narcotics"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_true(topic_vocab_canonical(vocab, cases[i].spelling,
		                                  strlen(cases[i].spelling), &name, &len));
		assert_int_equal(len, strlen(cases[i].name));
		assert_memory_equal(name, cases[i].name, len);
	}
	assert_false(topic_vocab_canonical(vocab, "Enforcement and", 15, &name, &len));
	/* a name without its last word is no spelling when it is one word or could be
	 * several names: "Child", "Human" (Human Smuggling, Human Trafficking ...) */
	assert_false(topic_vocab_canonical(vocab, "Child", 5, &name, &len));
	assert_false(topic_vocab_canonical(vocab, "Human", 5, &name, &len));
	assert_false(topic_vocab_canonical(vocab, "Transnational", 13, &name, &len));
	assert_false(topic_vocab_canonical(vocab, "Invented Topic", 14, &name, &len));
	assert_false(topic_vocab_canonical(NULL, "Narcotics", 9, &name, &len));
}

/* Topics the vocabulary learns at run time split like the built-in ones. */
static void test_added_topic(void **state)
{
	(void)state;
	struct topic_vocab *shared = vocab;
	vocab = topic_vocab_new();
	assert_non_null(vocab);
	assert_false(topic_vocab_has(vocab, "Tunnel Detection, Mapping", 25));
	assert_true(topic_vocab_add(vocab, "Tunnel Detection, Mapping", 25));
	assert_true(topic_vocab_add(vocab, "Tunnel Detection, Mapping", 25));
	assert_true(topic_vocab_has(vocab, "Tunnel Detection, Mapping", 25));
	check_header("July 9, 2013Houston, TXTunnel Detection, MappingNarcotics", 20130709,
	             "Houston, TX", "Tunnel Detection, Mapping", "Narcotics", NULL);
	topic_vocab_free(vocab);
	vocab = shared;
}

static void test_vocab(void **state)
{
	(void)state;
	struct topic_vocab *own = topic_vocab_new();
	assert_non_null(own);
	assert_true(topic_vocab_has(own, "Narcotics", 9));
	assert_false(topic_vocab_has(own, "narcotics", 9));
	assert_false(topic_vocab_has(own, "Narcotic", 8));
	assert_false(topic_vocab_has(own, "", 0));
	assert_true(
	        topic_vocab_has(own, "Cultural Property, Art and Antiquities Investigations", 53));
	assert_true(topic_vocab_add(own, "", 0));
	assert_false(topic_vocab_has(NULL, "Narcotics", 9));
	/* Names screened by their first byte and length, and names too long for that. */
	static const char digits[] = "1990s Cases", letters[] = "Q990s Cases",
	                  p_like_0[] = "p990s Cases",
	                  long_name[] = "A Topic Name Longer Than Sixty-Four Bytes, As A User's "
	                                "Configuration May Well Give";
	assert_false(topic_vocab_has(own, digits, sizeof digits - 1));
	assert_true(topic_vocab_add(own, digits, sizeof digits - 1));
	assert_true(topic_vocab_has(own, digits, sizeof digits - 1));
	assert_false(topic_vocab_has(own, letters, sizeof letters - 1));
	assert_false(topic_vocab_has(own, p_like_0, sizeof p_like_0 - 1));
	assert_true(topic_vocab_add(own, long_name, sizeof long_name - 1));
	assert_true(topic_vocab_has(own, long_name, sizeof long_name - 1));
	assert_false(topic_vocab_has(own, long_name, sizeof long_name - 2));
	/* Many additions grow the table without losing a name. */
	char name[32];
	for (int i = 0; i < 500; i++) {
		int n = snprintf(name, sizeof name, "Invented Topic %d", i);
		assert_true(topic_vocab_add(own, name, (size_t)n));
	}
	for (int i = 0; i < 500; i++) {
		int n = snprintf(name, sizeof name, "Invented Topic %d", i);
		assert_true(topic_vocab_has(own, name, (size_t)n));
	}
	assert_true(topic_vocab_has(own, "Human Trafficking", 17));
	topic_vocab_free(own);
	topic_vocab_free(NULL);
}

/* With no vocabulary the rules alone still split the usual header. */
static void test_no_vocabulary(void **state)
{
	(void)state;
	const char *text = "Skip to main content\n"
	                   "May 5, 2016Houston, TXNarcoticsGang Crime\n"
	                   "\n"
	                   "Invented headline\n";
	struct parsed p;
	parse_release(text, strlen(text), NULL, &p);
	assert_int_equal(p.date, 20160505);
	check_span(text, p.location, "Houston, TX");
	check_topics(text, &p, "Narcotics", "Gang Crime", NULL);
	check_span(text, p.title, "Invented headline");
}

static void test_date_forms_in_header(void **state)
{
	(void)state;
	check_header("Sept. 15, 2011Houston, TXNarcotics", 20110915, "Houston, TX", "Narcotics",
	             NULL);
	check_header("Mar 11, 2014Houston, TXNarcotics", 20140311, "Houston, TX", "Narcotics",
	             NULL);
	check_header("MARCH 11, 2014Houston, TXNarcotics", 20140311, "Houston, TX", "Narcotics",
	             NULL);
	check_header("March 11,2014Houston, TXNarcotics", 20140311, "Houston, TX", "Narcotics",
	             NULL);
	check_header("2014-03-11Houston, TXNarcotics", 20140311, "Houston, TX", "Narcotics", NULL);
}

/* A header that lost its date keeps its other fields, as long as they read with
 * known names; a headline of the same shape stays a headline. */
static void test_missing_date(void **state)
{
	(void)state;
	check_header("Houston, TXNarcotics", 0, "Houston, TX", "Narcotics", NULL);
	check_header("Hanoi, Vietnam", 0, "Hanoi, Vietnam", NULL);
	check_header("Mayagüez, Puerto RicoHuman TraffickingChild Exploitation", 0,
	             "Mayagüez, Puerto Rico", "Human Trafficking", "Child Exploitation", NULL);
	const char *text = "Skip to main content\n"
	                   "Agents Arrest Twelve In Invented Sting Near Houston, TX\n"
	                   "\n"
	                   "HOUSTON - The body.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.location.len, 0);
	check_span(text, p.title, "Agents Arrest Twelve In Invented Sting Near Houston, TX");
	text = "Skip to main content\n2001-12-15\n\nInvented headline\n\nBody.\n";
	p = parse(text);
	assert_int_equal(p.date, 20011215);
	check_span(text, p.title, "Invented headline");
}

/* An impossible date is unknown, but its line is still the header line. */
static void test_impossible_date(void **state)
{
	(void)state;
	check_header("February 30, 2014Houston, TXNarcotics", 0, "Houston, TX", "Narcotics", NULL);
	check_header("February 29, 2015Houston, TXNarcotics", 0, "Houston, TX", "Narcotics", NULL);
	check_header("February 29, 2016Houston, TXNarcotics", 20160229, "Houston, TX", "Narcotics",
	             NULL);
	check_header("March 11, 1850Houston, TXNarcotics", 0, "Houston, TX", "Narcotics", NULL);
}

static void test_too_many_topics(void **state)
{
	(void)state;
	check_header("May 5, 2016NarcoticsContrabandOperationalVisa SecurityPublic Safety"
	             "Cyber CrimesDetentionCounterterrorismNational SecurityWorksite Enforcement"
	             "Human SmugglingHuman TraffickingFinancial CrimesChild Exploitation"
	             "Secure CommunitiesTransnational GangsVictim Assistance",
	             20160505, "", "Narcotics", "Contraband", "Operational", "Visa Security",
	             "Public Safety", "Cyber Crimes", "Detention", "Counterterrorism",
	             "National Security", "Worksite Enforcement", "Human Smuggling",
	             "Human Trafficking", "Financial Crimes", "Child Exploitation",
	             "Secure Communities", "Transnational Gangs", NULL);
}

/* A header line of many long topics, longer than a headline, is still the header;
 * run together or joined by ", ". */
static void test_long_header_line(void **state)
{
	(void)state;
	static const char *const names[] = {
	        "Counter Proliferation Investigation Unit",
	        "Cultural Property, Art and Antiquities Investigations",
	        "Student and Exchange Visitor Program",
	        "Intellectual Property Rights and Commercial Fraud",
	        "Firearms, Ammunition and Explosives",
	        "287g Immigration and Nationality Act",
	        "Arms and Strategic Technology Investigations",
	        "Prison Rape Elimination Act",
	        "Human Rights Violators and War Crimes",
	        "Transnational Criminal Organizations",
	        "Unaccompanied Alien Children",
	        "Law Enforcement Partnerships",
	};
	enum { COUNT = sizeof names / sizeof names[0] };
	for (int comma = 0; comma < 2; comma++) {
		char line[1024] = "May 5, 2016San Juan, PR, United States";
		for (size_t i = 0; i < COUNT; i++) {
			if (comma && i > 0)
				strcat(line, ", ");
			strcat(line, names[i]);
		}
		assert_true(strlen(line) > 450);
		char *text = skip_main(line);
		struct parsed p = parse(text);
		assert_int_equal(p.date, 20160505);
		check_span(text, p.location, "San Juan, PR, United States");
		assert_int_equal(p.ntopics, COUNT);
		for (size_t i = 0; i < COUNT; i++)
			check_span(text, p.topics[i], names[i]);
		check_span(text, p.title, "Invented headline about an arrest");
		free(text);
	}
}

static void test_odd_blank_lines(void **state)
{
	(void)state;
	const char *text = "\n \n\t\nSkip to main content\n\n\n\n"
	                   "  March 11, 2014Houston, TXNarcotics  \n"
	                   " \n\t\n"
	                   "   Invented headline with spaces around   \n"
	                   "\n\n\n\n"
	                   "HOUSTON — First paragraph.\n"
	                   "   \n\n"
	                   "Second paragraph.\n"
	                   "\n\n  \n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20140311);
	check_span(text, p.location, "Houston, TX");
	check_topics(text, &p, "Narcotics", NULL);
	check_span(text, p.title, "Invented headline with spaces around");
	check_span(text, p.body, "HOUSTON — First paragraph.\n   \n\nSecond paragraph.");
}

static void test_footer_dropped(void **state)
{
	(void)state;
	const char *text = "Invented headline\n"
	                   "ATLANTA — A paragraph.\n"
	                   "Another paragraph.\n"
	                   "Last Reviewed/Updated: 01/02/2019\n"
	                   "Footer links\n";
	struct parsed p = parse(text);
	check_span(text, p.title, "Invented headline");
	check_span(text, p.body, "ATLANTA — A paragraph.\nAnother paragraph.");
}

/* Body lines may begin like a footer line ("Last", "Updated", "Return to top")
 * without being one; the footer line itself may be indented and in capitals. */
static void test_footer_only_where_a_whole_line_says_so(void **state)
{
	(void)state;
	const char *text = "Invented headline\n"
	                   "ATLANTA \u2014 Last week agents acted.\n"
	                   "Updated rules took effect.\n"
	                   "Return to top of the hill.\u00a0\n"
	                   "Last line of the body.\u00a0 \n"
	                   "\n"
	                   " \u00a0RETURN TO TOP \n"
	                   "Updated: 01/02/2019\n";
	struct parsed p = parse(text);
	check_span(text, p.body,
	           "ATLANTA \u2014 Last week agents acted.\nUpdated rules took effect.\n"
	           "Return to top of the hill.\u00a0\nLast line of the body.");
}

/* ---- edge cases ------------------------------------------------------------------------ */

static void test_empty(void **state)
{
	(void)state;
	struct parsed p;
	memset(&p, 0xAB, sizeof p);
	parse_release("", 0, vocab, &p);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.location.len, 0);
	assert_int_equal(p.ntopics, 0);
	assert_int_equal(p.title.len, 0);
	assert_int_equal(p.subtitle.len, 0);
	assert_int_equal(p.body.len, 0);
	memset(&p, 0xAB, sizeof p);
	parse_release(NULL, 0, vocab, &p);
	assert_int_equal(p.body.len, 0);
	p = parse("\n\n   \n");
	assert_int_equal(p.title.len, 0);
	assert_int_equal(p.body.len, 0);
}

static void test_only_boilerplate(void **state)
{
	(void)state;
	struct parsed p = parse("Skip to main content\n\n"
	                        "An official website of the United States government\n\n"
	                        "Here's how you know\n\nU.S. flag\n");
	assert_int_equal(p.date, 0);
	assert_int_equal(p.ntopics, 0);
	assert_int_equal(p.title.len, 0);
	assert_int_equal(p.subtitle.len, 0);
	assert_int_equal(p.body.len, 0);
}

static void test_single_line(void **state)
{
	(void)state;
	const char *text = "A lone invented headline";
	struct parsed p = parse(text);
	check_span(text, p.title, "A lone invented headline");
	assert_int_equal(p.body.len, 0);
	text = "TOPEKA — A lone paragraph of body text, and nothing else at all.";
	p = parse(text);
	assert_int_equal(p.title.len, 0);
	check_span(text, p.body, text);
	text = "March 11, 2014Houston, TXNarcotics";
	p = parse(text);
	assert_int_equal(p.date, 20140311);
	check_span(text, p.location, "Houston, TX");
	assert_int_equal(p.title.len, 0);
}

/* Huge lines and many lines go through in linear time: each of these would take
 * minutes with a quadratic scan. */
static void test_huge_inputs(void **state)
{
	(void)state;
	static const char head[] = "Skip to main content\nMarch 11, 2014Houston, TXNarcotics\n\n";
	static const char tail[] = "\n\nHOUSTON — Body.\n";
	size_t big = 1 << 20, n = sizeof head - 1 + big + sizeof tail - 1;
	char *text = malloc(n + 1);
	assert_non_null(text);
	memcpy(text, head, sizeof head - 1);
	for (size_t i = 0; i < big; i++)
		text[sizeof head - 1 + i] = i % 7 == 6 ? ' ' : (char)('a' + i % 26);
	text[sizeof head - 1] = 'X';
	memcpy(text + sizeof head - 1 + big, tail, sizeof tail);
	struct parsed p;
	parse_release(text, n, vocab, &p);
	assert_int_equal(p.date, 20140311);
	assert_int_equal(p.title.off, sizeof head - 1);
	assert_int_equal(p.title.len, big);
	check_span(text, p.body, "HOUSTON — Body.");

	/* the same line with no header at all, then run on after the header fields */
	parse_release(text + sizeof head - 1, big, vocab, &p);
	assert_int_equal(p.title.len + p.body.len, big);
	text[sizeof head - 3] = ' ';
	text[sizeof head - 2] = ' ';
	parse_release(text, n, vocab, &p);
	assert_int_equal(p.body.off, sizeof "Skip to main content\n" - 1);

	/* half a million short lines, and a million blank ones */
	for (size_t i = 0; i < n; i++)
		text[i] = i % 2 ? '\n' : (char)('a' + i / 2 % 26);
	parse_release(text, n, vocab, &p);
	assert_true(p.body.len > n / 2);
	memset(text, '\n', n);
	parse_release(text, n, vocab, &p);
	assert_int_equal(p.body.len, 0);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_example_layout),
	        cmocka_unit_test(test_official_banner),
	        cmocka_unit_test(test_location_forms),
	        cmocka_unit_test(test_no_location),
	        cmocka_unit_test(test_location_without_topics),
	        cmocka_unit_test(test_topics_run_together),
	        cmocka_unit_test(test_topics_comma_joined),
	        cmocka_unit_test(test_topics_with_commas),
	        cmocka_unit_test(test_inner_capitals),
	        cmocka_unit_test(test_unknown_topic),
	        cmocka_unit_test(test_unknown_country),
	        cmocka_unit_test(test_lowercase_topic_after_place),
	        cmocka_unit_test(test_added_topic),
	        cmocka_unit_test(test_vocab),
	        cmocka_unit_test(test_no_vocabulary),
	        cmocka_unit_test(test_date_forms_in_header),
	        cmocka_unit_test(test_missing_date),
	        cmocka_unit_test(test_impossible_date),
	        cmocka_unit_test(test_too_many_topics),
	        cmocka_unit_test(test_long_header_line),
	        cmocka_unit_test(test_odd_blank_lines),
	        cmocka_unit_test(test_footer_dropped),
	        cmocka_unit_test(test_topic_spellings),
	        cmocka_unit_test(test_topic_canonical),
	        cmocka_unit_test(test_footer_only_where_a_whole_line_says_so),
	        cmocka_unit_test(test_empty),
	        cmocka_unit_test(test_only_boilerplate),
	        cmocka_unit_test(test_single_line),
	        cmocka_unit_test(test_huge_inputs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
