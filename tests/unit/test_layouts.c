/* parse: the layouts of older and other pages; the current site's layout and the edge
 * cases are test_parse.c's, the places a location names test_place.c's. Every text
 * here is invented; only the site boilerplate and the topic names are real. */
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
#include "relview/topics.h"

/* ---- other layouts -------------------------------------------------------------------- */

static const char dhs_banner[] = "United States Flag\n"
                                 "Official Website of the Department of Homeland Security\n"
                                 "\n"
                                 "Report Crimes: Email or Call 1-866-DHS-2-ICE\n"
                                 "\n";

static char *with_banner(const char *rest)
{
	size_t n = strlen(dhs_banner) + strlen(rest) + 1;
	char *text = malloc(n);
	assert_non_null(text);
	snprintf(text, n, "%s%s", dhs_banner, rest);
	return text;
}

static void test_dhs_flag(void **state)
{
	(void)state;
	char *text = with_banner("Human Trafficking\n"
	                         "\n"
	                         "Top Story: Invented rescue of workers at a farm\n"
	                         "\n"
	                         "Workers rescued at a farm\n"
	                         "Workers rescued at a farm\n"
	                         "Workers rescued at a farm\n"
	                         "\n"
	                         "Agents acted on a tip from a neighbor last spring.\n");
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.location.len, 0);
	check_topics(text, &p, "Human Trafficking", NULL);
	check_span(text, p.title, "Top Story: Invented rescue of workers at a farm");
	check_span(text, p.subtitle, "Workers rescued at a farm");
	check_span(text, p.body, "Agents acted on a tip from a neighbor last spring.");
	free(text);
}

static void test_dhs_flag_unknown_and_comma_topics(void **state)
{
	(void)state;
	char *text = with_banner("Invented Program Area\n\nInvented headline\n\nBODY — Text.\n");
	struct parsed p = parse(text);
	check_topics(text, &p, "Invented Program Area", NULL);
	check_span(text, p.title, "Invented headline");
	free(text);
	text = with_banner("Firearms, Ammunition and Explosives\n\nInvented headline\n\nText.\n");
	p = parse(text);
	check_topics(text, &p, "Firearms, Ammunition and Explosives", NULL);
	check_span(text, p.title, "Invented headline");
	check_span(text, p.body, "Text.");
	free(text);
}

/* A banner with no topic line: the headline is not mistaken for one. */
static void test_dhs_flag_without_topic(void **state)
{
	(void)state;
	char *text = with_banner("Officers arrest a man wanted for an invented crime\n\n"
	                         "Invented Subtitle In Title Case\n\n"
	                         "DENVER - The text of the release.\n");
	struct parsed p = parse(text);
	assert_int_equal(p.ntopics, 0);
	check_span(text, p.title, "Officers arrest a man wanted for an invented crime");
	check_span(text, p.subtitle, "Invented Subtitle In Title Case");
	check_span(text, p.body, "DENVER - The text of the release.");
	free(text);
}

static void test_bare(void **state)
{
	(void)state;
	const char *text = "Agency removes a man wanted for an invented crime\n"
	                   "RIVERTON, Wyo. — Officers removed the man on Friday.\n"
	                   "He had been wanted since an earlier year.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.location.len, 0);
	assert_int_equal(p.ntopics, 0);
	check_span(text, p.title, "Agency removes a man wanted for an invented crime");
	assert_int_equal(p.subtitle.len, 0);
	check_span(text, p.body,
	           "RIVERTON, Wyo. — Officers removed the man on Friday.\n"
	           "He had been wanted since an earlier year.");
}

static void test_archive_2007(void **state)
{
	(void)state;
	const char *text = "News Releases\n"
	                   "\n"
	                   "\n"
	                   "June 10, 2009\n"
	                   "\n"
	                   "Agency hands back invented relics to a museum\n"
	                   "Ceremony held at a consulate\n"
	                   "\n"
	                   "Washington, D.C. - The agency today returned the relics.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20090610);
	assert_int_equal(p.location.len, 0);
	check_span(text, p.title, "Agency hands back invented relics to a museum");
	check_span(text, p.subtitle, "Ceremony held at a consulate");
	check_span(text, p.body, "Washington, D.C. - The agency today returned the relics.");
}

static void test_archive_2010(void **state)
{
	(void)state;
	const char *text = "Find releases based on\n"
	                   "Search all news releases\n"
	                   "Tags\n"
	                   "\n"
	                   "News Releases\n"
	                   "\n"
	                   "May 7, 2012\n"
	                   "Washington, DC\n"
	                   "\n"
	                   "Agency signs an invented agreement with a partner\n"
	                   "The first agreement of its kind\n"
	                   "\n"
	                   "WASHINGTON - The agency signed the agreement today.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20120507);
	check_span(text, p.location, "Washington, DC");
	check_span(text, p.title, "Agency signs an invented agreement with a partner");
	check_span(text, p.subtitle, "The first agreement of its kind");
	check_span(text, p.body, "WASHINGTON - The agency signed the agreement today.");
}

/* A copy that put each header field on a line of its own under the date. */
static void test_fields_on_own_lines(void **state)
{
	(void)state;
	const char *text = "News Releases\n"
	                   "\n"
	                   "May 7, 2012\n"
	                   "Mexico City, Mexico\n"
	                   "Transnational Gangs\n"
	                   "\n"
	                   "Invented Headline In Title Case\n"
	                   "\n"
	                   "MEXICO CITY - The body.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20120507);
	check_span(text, p.location, "Mexico City, Mexico");
	check_topics(text, &p, "Transnational Gangs", NULL);
	check_span(text, p.title, "Invented Headline In Title Case");
	check_span(text, p.body, "MEXICO CITY - The body.");

	text = "May 7, 2012\nHouston, TXNarcotics\n\nInvented headline\n";
	p = parse(text);
	check_span(text, p.location, "Houston, TX");
	check_topics(text, &p, "Narcotics", NULL);
	check_span(text, p.title, "Invented headline");
}

/* A headline printed above the header line wins over a body paragraph below it. */
static void test_headline_above_header(void **state)
{
	(void)state;
	const char *text = "Skip to main content\n"
	                   "\n"
	                   "Invented headline above the header\n"
	                   "\n"
	                   "March 18, 2026Houston, TXNarcotics\n"
	                   "\n"
	                   "Officers seized a shipment at the port on a quiet Sunday morning.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20260318);
	check_span(text, p.title, "Invented headline above the header");
	check_span(text, p.body,
	           "Officers seized a shipment at the port on a quiet Sunday morning.");
}

/* An older press office page: a weekday before the date, contact lines after it. */
static void test_press_office(void **state)
{
	(void)state;
	const char *text = "U.S. Immigration and Customs Enforcement\n"
	                   "\n"
	                   "News Release\n"
	                   "\n"
	                   "Tuesday, March 8, 2005\n"
	                   "Contact: Public Affairs\n"
	                   "(202) 555-0100\n"
	                   "\n"
	                   "Invented headline of an older release\n"
	                   "\n"
	                   "WASHINGTON, D.C. - The body text.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20050308);
	assert_int_equal(p.location.len, 0);
	check_span(text, p.title, "Invented headline of an older release");
	check_span(text, p.body, "WASHINGTON, D.C. - The body text.");
}

/* A headline printed above the archive banner is the title when none follows. */
static void test_archive_headline_above(void **state)
{
	(void)state;
	const char *text = "Invented headline printed first\n"
	                   "\n"
	                   "News Releases\n"
	                   "\n"
	                   "August 13, 2010\n"
	                   "\n"
	                   "BOSTON - The body starts at once.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20100813);
	check_span(text, p.title, "Invented headline printed first");
	check_span(text, p.body, "BOSTON - The body starts at once.");
}

static void test_threat_level_copy(void **state)
{
	(void)state;
	const char *text = "Elevated\n"
	                   "Significant Risk of Terrorist Attacks\n"
	                   "September 13, 2010\n"
	                   "WASHINGTON, D.C. - An invented first paragraph of the release.\n"
	                   "A second paragraph.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 20100913);
	assert_int_equal(p.location.len, 0);
	assert_int_equal(p.title.len, 0);
	check_span(text, p.body,
	           "WASHINGTON, D.C. - An invented first paragraph of the release.\n"
	           "A second paragraph.");
}

static void test_body_only(void **state)
{
	(void)state;
	const char *text = "WASHINGTON — An invented paragraph that opens the page.\n"
	                   "A second invented paragraph.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	assert_int_equal(p.title.len, 0);
	check_span(text, p.body,
	           "WASHINGTON — An invented paragraph that opens the page.\n"
	           "A second invented paragraph.");
}

/* A body line opening with a date is no header: the date is not the release's. */
static void test_dated_paragraph(void **state)
{
	(void)state;
	const char *text = "Invented headline\n"
	                   "March 11, 2014 - SALEM - The agency said a great many things today.\n";
	struct parsed p = parse(text);
	assert_int_equal(p.date, 0);
	check_span(text, p.title, "Invented headline");
	check_span(text, p.body,
	           "March 11, 2014 - SALEM - The agency said a great many things today.");
}

/* ---- layouts of other eras and agencies (../shared/real2) ------------------------------ */

/* What one invented page should parse to; NULL: absent. */
struct want {
	uint32_t date;
	const char *location, *topic, *title, *subtitle, *body_start;
};

static void check_page(const char *text, const struct want *w)
{
	struct parsed p = parse(text);
	assert_int_equal(p.date, w->date);
	if (w->location)
		check_span(text, p.location, w->location);
	else
		assert_int_equal(p.location.len, 0);
	if (w->topic)
		check_topics(text, &p, w->topic, NULL);
	else
		assert_int_equal(p.ntopics, 0);
	if (w->title)
		check_span(text, p.title, w->title);
	else
		assert_int_equal(p.title.len, 0);
	if (w->subtitle)
		check_span(text, p.subtitle, w->subtitle);
	if (w->body_start) {
		assert_true(p.body.len >= strlen(w->body_start));
		assert_memory_equal(text + p.body.off, w->body_start, strlen(w->body_start));
	}
}

/* ice.gov's older pages under the "Archived Content" banner. */
static void test_ice_archived_banner(void **state)
{
	(void)state;
	check_page("Skip to main content\n\nArchived Content\n\n"
	           "In an effort to keep ICE.gov current, the archive contains content from a "
	           "previous administration or is otherwise outdated.\n\n"
	           "May 2, 2012Tucson, AZ, United StatesNarcotics\n\n"
	           "Invented seizure at a border crossing\n\n"
	           "TUCSON, Ariz. - Officers found the load.\n",
	           &(struct want){20120502, "Tucson, AZ, United States", "Narcotics",
	                          "Invented seizure at a border crossing", NULL, "TUCSON"});
}

/* Share-icon bullets under a topic line that a search image announces. */
static void test_share_icons(void **state)
{
	(void)state;
	check_page("Skip to main content\n\nmobile search image\n\nFinancial Crimes\n\n"
	           "\u2022 Email icon\n\u2022 Facebook icon\n\u2022 Twitter icon\n"
	           "\u2022 LinkedIn icon\n\nInvented money laundering plea\n\n"
	           "MIAMI - A man admitted the scheme.\n",
	           &(struct want){0, NULL, "Financial Crimes", "Invented money laundering plea",
	                          NULL, "MIAMI"});
}

/* Two topic lines above the share icons: both are topics, the headline the title;
 * a topic line with the headline right under it keeps the headline. */
static void test_share_icons_two_topic_lines(void **state)
{
	(void)state;
	const char *text = "Skip to main content\n\nmobile search image\n\nNarcotics\n\n"
	                   "Invented Task Force Program\n\n\u2022 Email icon\n\u2022 Facebook "
	                   "icon\n\nInvented seizure of pills in a truck\n\n"
	                   "LAREDO - Officers found the pills.\n";
	struct parsed p = parse(text);
	check_topics(text, &p, "Narcotics", "Invented Task Force Program", NULL);
	check_span(text, p.title, "Invented seizure of pills in a truck");
	check_page(
	        "Skip to main content\n\nmobile search image\n\nNarcotics\n\n"
	        "Invented Seizure Of Pills\n\nLAREDO - Officers found the pills.\n",
	        &(struct want){0, NULL, "Narcotics", "Invented Seizure Of Pills", NULL, "LAREDO"});
}

/* A headline that ends in "icon" is no share icon. */
static void test_headline_ending_in_icon(void **state)
{
	(void)state;
	check_page(
	        "Agents honor a civil rights icon\n\nMIAMI - The ceremony was held today.\n",
	        &(struct want){0, NULL, NULL, "Agents honor a civil rights icon", NULL, "MIAMI"});
}

/* A Justice press release: the date between FOR IMMEDIATE RELEASE and the office's
 * chrome, the title under it. */
static void test_doj_opa(void **state)
{
	(void)state;
	check_page("Justice News\n\nDepartment of Justice\nOffice of Public Affairs\n\n"
	           "FOR IMMEDIATE RELEASE\nTuesday, March 11, 2014\n"
	           "WWW.USDOJ.GOV\nOPA\n(202) 555-0107\nTDD (202) 555-0108\n\n"
	           "Invented indictment of a fraud ring\n\n"
	           "WASHINGTON - A grand jury returned the indictment.\n",
	           &(struct want){20140311, NULL, NULL, "Invented indictment of a fraud ring", NULL,
	                          "WASHINGTON"});
}

/* An older ice.gov news page: the headline, "News Releases", the date, the headline
 * again with its sub-headline. */
static void test_title_above_news_releases(void **state)
{
	(void)state;
	check_page("Invented headline on the older site\nNews Releases\n\nJune 4, 2009\n\n"
	           "Invented headline on the older site\n"
	           "Invented sub-headline that explains more\n\n"
	           "DALLAS - The body begins.\n",
	           &(struct want){20090604, NULL, NULL, "Invented headline on the older site",
	                          "Invented sub-headline that explains more", "DALLAS"});
}

/* An older ice.gov page with its menus above "News Releases": the title and its
 * sub-headline under the date, not a menu line above it. */
static void test_archive_under_menus(void **state)
{
	(void)state;
	check_page("Skip to Main Content\nAbout Us\nSearch\n\nEmergency Information for ICE "
	           "Employees and Families\n\nNews Releases\n\nSeptember 13, 2007\n\n"
	           "Invented seizure of fake handbags\nInvented sub-headline on the value\n\n"
	           "NEWARK - Officers seized the goods.\n",
	           &(struct want){20070913, NULL, NULL, "Invented seizure of fake handbags",
	                          "Invented sub-headline on the value", "NEWARK"});
	check_page("Partners and Programs\n\nNews Releases\n\nSeptember 13, 2007\n\n"
	           "Invented seizure of fake watches\nInvented sub-headline on the count\n\n"
	           "NEWARK - Officers seized the goods.\n",
	           &(struct want){20070913, NULL, NULL, "Invented seizure of fake watches",
	                          "Invented sub-headline on the count", "NEWARK"});
}

static void test_related_information(void **state)
{
	(void)state;
	check_page(
	        "Related Information\n\nInvented headline after chrome\n\n"
	        "ATLANTA - A body paragraph follows here.\n",
	        &(struct want){0, NULL, NULL, "Invented headline after chrome", NULL, "ATLANTA"});
}

/* skip-main with a box of numbers to report a crime above the header line, or
 * with no header line at all. */
static void test_report_crime_box(void **state)
{
	(void)state;
	check_page(
	        "Skip to main content\n\nTo Report a Crime\n\nInternational: 001-555-555-0100\n"
	        "TTY for hearing impaired: 555-555-0101\n"
	        "October 3, 2023Del Rio, TX, United StatesNarcotics\n\n"
	        "Invented find of pills in a spare tire\n\nDEL RIO, Texas - Officers found them.\n",
	        &(struct want){20231003, "Del Rio, TX, United States", "Narcotics",
	                       "Invented find of pills in a spare tire", NULL, "DEL RIO"});
	check_page("Skip to main content\n\nTo Report a Crime\n\nCall: (202) 555-0154\n"
	           "TTY for hearing impaired: (202) 555-0155\n\n"
	           "Invented arrest of a fugitive\n\nDALLAS - Officers arrested a man.\n",
	           &(struct want){0, NULL, NULL, "Invented arrest of a fugitive", NULL, "DALLAS"});
}

/* A mailing list's copy: the title, the list's chrome, the title again, its
 * sub-headline, then a topic line. */
static void test_mailing_list_copy(void **state)
{
	(void)state;
	check_page("Invented arrests at a factory\n\nHaving trouble viewing this email? View it as "
	           "a Web page.\n\nICE Header\n\nInvented arrests at a factory\n\n"
	           "Invented sub-headline on the workers\n\nWorksite\n\n"
	           "Notes to editors and reporters:\u00a0\n\nOMAHA, Neb. - Agents arrested many.\n",
	           &(struct want){0, NULL, "Worksite", "Invented arrests at a factory",
	                          "Invented sub-headline on the workers", NULL});
}

/* A press secretary's release copied by a newsletter: its links, the title, the
 * office and the date; on the White House's own pages the title comes under the
 * date, after menus. */
static void test_press_secretary(void **state)
{
	(void)state;
	check_page("< Back to current issue of an invented newsletter\n\n"
	           "Invented task forces formed in ten cities\n\nFor Immediate Release\n"
	           "Office of the Press Secretary\nApril 5, 2006\n\nThe Secretary spoke today.\n",
	           &(struct want){20060405, NULL, NULL, "Invented task forces formed in ten cities",
	                          NULL, "The Secretary"});
	check_page("Invented menu entry\nPrint this document |\nFor Immediate Release\n"
	           "Office of the Press Secretary\nJune 19, 2006\nInvented statement on a bill\n\n"
	           "The President signed it today.\n",
	           &(struct want){20060619, NULL, NULL, "Invented statement on a bill", NULL,
	                          "The President"});
}

/* cbp.gov today: a numbered breadcrumb ending in the title, the title, "Release Date"
 * and a weekday with a numeric date. */
static void test_cbp_newsroom(void **state)
{
	(void)state;
	check_page("An official website of the United States government\n\n"
	           "  1. Home\n  2. Newsroom\n  3. Local Media Release\n"
	           "  4. Invented seizure of pills at a port\n\n"
	           "Invented seizure of pills at a port\n\nRelease Date\nMon, 07/19/2021\n\n"
	           "NOGALES, Ariz. - Officers found the pills.\n",
	           &(struct want){20210719, NULL, NULL, "Invented seizure of pills at a port", NULL,
	                          "NOGALES"});
}

/* cbp.gov's archived pages: the banner, the title, "Release Date:" with its value on
 * the next line, or with none. */
static void test_cbp_archived(void **state)
{
	(void)state;
	check_page("US flag Official website of the Department of Homeland Security\n\n"
	           "Archived Content\n\nIn an effort to keep current, the archive contains "
	           "content from a previous administration or is otherwise outdated.\n\n"
	           "Invented pest found in a shipment\n\nRelease Date:\u00a0\nJanuary 8, 2010\n\n"
	           "CHARLESTON - Specialists found the pest.\n",
	           &(struct want){20100108, NULL, NULL, "Invented pest found in a shipment", NULL,
	                          "CHARLESTON"});
	check_page(
	        "US flag Official website of the Department of Homeland Security\n\n"
	        "Invented pest found in a crate\n\nRelease Date:\u00a0\n\n"
	        "PORTLAND - Specialists found the pest.\n",
	        &(struct want){0, NULL, NULL, "Invented pest found in a crate", NULL, "PORTLAND"});
}

/* The old cbp.gov: menus, a "see also" box of other releases' titles, the title, the
 * date in parentheses. */
static void test_cbp_2008(void **state)
{
	(void)state;
	check_page("Skip To Main Content\nDHS Seal Navigates to CBP homepage\n\nGO\n"
	           "\u00a0\u00a0About CBP\u00a0\u00a0\u00a0\u00a0Newsroom\u00a0\u00a0\n"
	           "Newsroom\nPrinter Friendly Page Link Icon\nsee also:\nright arrow\n"
	           "\u00a0Invented other release one\n\u00a0Invented other release two\n...more\n"
	           "right arrowon cbp.gov:\n\u00a0Press Officers\n"
	           "Invented beetle intercepted at an airport\n\n(Friday, March 04, 2011)\n\n"
	           "Tampa - Specialists found the beetle.\n",
	           &(struct want){20110304, NULL, NULL, "Invented beetle intercepted at an airport",
	                          NULL, "Tampa"});
}

/* A U.S. Attorney's release archived on fbi.gov: a breadcrumb ending in the title,
 * the title and sub-headline, the office with the date. */
static void test_fbi_usao(void **state)
{
	(void)state;
	check_page("Home Springfield Press Releases 2011 Invented award for a task force\nInfo\n"
	           "This is archived material from the Federal Bureau of Investigation (FBI) "
	           "website.\n\nInvented award for a task force\nInvented sub-headline naming "
	           "the partners\n\nU.S. Attorney\u2019s Office May 16, 2013\n"
	           "  \u2022 District of Somewhere (202) 555-0199\n\n"
	           "SPRINGFIELD\u2014The team was honored.\n",
	           &(struct want){20130516, NULL, NULL, "Invented award for a task force",
	                          "Invented sub-headline naming the partners", NULL});
}

/* A U.S. Attorney's print page: no date line; the district is no location. */
static void test_usao_print(void **state)
{
	(void)state;
	check_page("Press Release\nInvented plea to transporting aliens\nFor Immediate Release\n"
	           "U.S. Attorney's Office, Southern District of Somewhere\n"
	           "Springfield, Ill. \u2013 A driver pleaded guilty today.\n",
	           &(struct want){0, NULL, NULL, "Invented plea to transporting aliens", NULL,
	                          "Springfield"});
}

/* DEA: a division label, the date, contact lines, the title. */
static void test_dea(void **state)
{
	(void)state;
	check_page("HOUSTON NEWS\nJune 1, 2015\nContact: Public Information Officer\n"
	           "713-555-0100\nInvented sentence for a smuggler\n"
	           "MAY 31 (ODESSA, Texas) - A man was sentenced.\n",
	           &(struct want){20150601, NULL, NULL, "Invented sentence for a smuggler", NULL,
	                          "MAY 31"});
	check_page("News Release\nDecember 12, 2007\n\nInvented welcome of a new law\n\n"
	           "DEC 12--(WASHINGTON)-The administrator spoke.\n",
	           &(struct want){20071212, NULL, NULL, "Invented welcome of a new law", NULL,
	                          "DEC 12"});
}

/* A release copied by a distribution site: the date before "| Press release". */
static void test_distributed_copy(void **state)
{
	(void)state;
	check_page("ICE - U.S. Immigration and Customs Enforcement\n\n"
	           "09/27/2022 | Press release | Distributed by Public on 09/28/2022 08:05\n\n"
	           "Invented training course for new officers ends\n\n"
	           "BOISE, Idaho - Forty officers finished the course.\n",
	           &(struct want){20220927, NULL, NULL,
	                          "Invented training course for new officers ends", NULL, "BOISE"});
}

/* Copies under mastheads relview has no name for: the masthead is no title. */
static void test_copies_under_other_mastheads(void **state)
{
	(void)state;
	/* a distribution site's line under any masthead */
	check_page("Invented Agency - Invented Office of Inspections\n\n"
	           "04/02/2024 | Press release | Distributed by Public on 04/03/2024 09:12\n\n"
	           "Invented inspection finds a hidden room\n\n"
	           "EL PASO, Texas - Officers found the room.\n",
	           &(struct want){20240402, NULL, NULL, "Invented inspection finds a hidden room",
	                          NULL, "EL PASO"});
	/* a forum's own lines above the copy's masthead */
	check_page("Invented Board - Border News\nPosted by a member\nI.C.E. News Release\n\n"
	           "August 6, 2014\nMobile, AL\n\nInvented plea by a returning felon\n\n"
	           "MOBILE - A man pleaded guilty.\n",
	           &(struct want){20140806, "Mobile, AL", NULL,
	                          "Invented plea by a returning felon", NULL, "MOBILE"});
	/* a masthead of two lines right above a date, the headline under it */
	check_page("Invented Wire | Agency News\nReleases as sent to us\n\nAugust 6, 2014\n\n"
	           "Invented plea by a returning felon\n\nMOBILE - A man pleaded guilty.\n",
	           &(struct want){20140806, NULL, NULL, "Invented plea by a returning felon", NULL,
	                          "MOBILE"});
	/* a masthead or chrome run into the current site's header line */
	check_page("Invented Wire Service August 6, 2014Mobile, AL, United StatesNarcotics\n\n"
	           "Invented seizure at a dock\n\nMOBILE - Officers seized the load.\n",
	           &(struct want){20140806, "Mobile, AL, United States", "Narcotics",
	                          "Invented seizure at a dock", NULL, "MOBILE"});
	check_page("Skip to main contentAugust 6, 2014Mobile, AL, United StatesNarcotics\n\n"
	           "Invented seizure at a dock\n\nMOBILE - Officers seized the load.\n",
	           &(struct want){20140806, "Mobile, AL, United States", "Narcotics",
	                          "Invented seizure at a dock", NULL, "MOBILE"});
	check_page("Border Digest | 2014-08-06287g Immigration and Nationality Act\n\n"
	           "Invented county joins a program\n\nMOBILE - The county joined.\n",
	           &(struct want){20140806, NULL, "287g Immigration and Nationality Act",
	                          "Invented county joins a program", NULL, "MOBILE"});
}

/* What those rules leave alone: a date run into words that are no known fields, and
 * the old cbp.gov's title right above its date with a sub-headline under it. */
static void test_not_copies(void **state)
{
	(void)state;
	check_page("Invented headline\nOn August 6, 2014Mobile police said so.\n\n"
	           "MOBILE - Text.\n",
	           &(struct want){0, NULL, NULL, "Invented headline", NULL, "MOBILE"});
	check_page("Invented Beetle Found in a Crate\n\n(Friday, March 04, 2011)\n\n"
	           "Invented officer finds a beetle in a crate\n"
	           "Tampa - Specialists found the beetle.\n",
	           &(struct want){20110304, NULL, NULL, "Invented Beetle Found in a Crate",
	                          "Invented officer finds a beetle in a crate", "Tampa"});
}

/* IRS-CI: the date and the contact run on into the body; there is no headline. */
static void test_irs_ci(void **state)
{
	(void)state;
	check_page("Date: February 18, 2025 Contact: press@example.gov A grand jury returned "
	           "an indictment against nine people today.\n",
	           &(struct want){20250218, NULL, NULL, NULL, NULL, "A grand jury"});
}

/* IRS-CI with its fields on lines of their own: the title is the first headline,
 * above the date line or under the contact, never a field line. */
static void test_irs_ci_headline(void **state)
{
	(void)state;
	check_page("Date: March 4, 2025 Contact: press@example.gov\n\n"
	           "Invented plea in a payroll tax case\n\nBOISE, Idaho - A man pleaded guilty.\n",
	           &(struct want){20250304, NULL, NULL, "Invented plea in a payroll tax case", NULL,
	                          "BOISE"});
	check_page("Invented plea in a payroll tax case\n\nDate: March 4, 2025 Contact: "
	           "press@example.gov A man pleaded guilty to a payroll tax scheme today.\n",
	           &(struct want){20250304, NULL, NULL, "Invented plea in a payroll tax case", NULL,
	                          "A man pleaded"});
	check_page("Date: March 4, 2025 Contact: press@example.gov Phone: (202) 555-0188 "
	           "Invented plea in a payroll tax case\nA man pleaded guilty to a scheme that "
	           "ran for many years.\n",
	           &(struct want){20250304, NULL, NULL, "Invented plea in a payroll tax case", NULL,
	                          "A man pleaded"});
	check_page("Date: March 4, 2025 Contact: press@example.gov Phone: (202) 555-0188\n\n"
	           "Invented plea in a payroll tax case\n\nBOISE, Idaho - A man pleaded guilty.\n",
	           &(struct want){20250304, NULL, NULL, "Invented plea in a payroll tax case", NULL,
	                          "BOISE"});
	check_page("Date: March 4, 2025\nContact: press@example.gov\nA man pleaded guilty to a "
	           "scheme that ran for many years.\n",
	           &(struct want){20250304, NULL, NULL, NULL, NULL, "A man pleaded"});
	check_page("Date: March 4, 2025 Contact: press@example.gov\nA man pleaded guilty to a "
	           "scheme that ran for many years.\n",
	           &(struct want){20250304, NULL, NULL, NULL, NULL, "A man pleaded"});
}

/* The White House: chrome with bars, the press office, the date, the title. */
static void test_white_house(void **state)
{
	(void)state;
	check_page("Home > News & Policies >\nPrint this document |\nFor Immediate Release\n"
	           "Office of the Press Secretary\nJune 19, 2006\n"
	           "Invented statement on a bill\n\nThe President signed it today.\n",
	           &(struct want){20060619, NULL, NULL, "Invented statement on a bill", NULL,
	                          "The President"});
}

/* A dhs-flag page of 2010: a topic line, then a numeric date line. */
static void test_dhs_flag_dated(void **state)
{
	(void)state;
	char *text = with_banner("Secure Communities\n05/31/2012\n\n"
	                         "Invented counties join a program\n\n"
	                         "Invented sub-headline about fingerprints\n\n"
	                         "BOISE, Idaho - Two counties joined.\n");
	check_page(text, &(struct want){20120531, NULL, "Secure Communities",
	                                "Invented counties join a program",
	                                "Invented sub-headline about fingerprints", "BOISE"});
	free(text);
}

/* ice.gov/es: Spanish skip link, month, country and topic. */
static void test_skip_main_spanish(void **state)
{
	(void)state;
	check_page(
	        "Ir al contenido principal\n"
	        "Julio 15, 2019EL CENTRO, CA, Estados UnidosDetenci\u00f3n y Deportaci\u00f3n\n\n"
	        "Oficiales inventados remueven a un hombre\n\nEL CENTRO - Un texto.\n",
	        &(struct want){20190715, "EL CENTRO, CA, Estados Unidos",
	                       "Detenci\u00f3n y Deportaci\u00f3n",
	                       "Oficiales inventados remueven a un hombre", NULL, "EL CENTRO"});
}

/* A forum copy: a masthead, the date, the location on its own line. */
static void test_forum_copy(void **state)
{
	(void)state;
	check_page("I.C.E.News Release\n\nJuly 27, 2015\nMobile, AL\n\n"
	           "Invented felon pleads guilty\n\nMOBILE - A man pleaded guilty.\n",
	           &(struct want){20150727, "Mobile, AL", NULL, "Invented felon pleads guilty",
	                          NULL, "MOBILE"});
}

/* dhs.gov/hsi: the government banner, a breadcrumb, the title, "Release Date: ...". */
static void test_dhs_hsi_release(void **state)
{
	(void)state;
	check_page(
	        "U.S. flag\n\nAn official website of the United States government\n\n"
	        "Government Website\n\nBreadcrumb\n\n  1. Homeland Security Investigations (HSI)\n"
	        "  2. News Room\n  3. Invented return of an old map\n\n"
	        "Invented return of an old map\n\nRelease Date: June 5, 2024\n\n"
	        "CHICAGO \u2014 Agents returned the map.\n",
	        &(struct want){20240605, NULL, NULL, "Invented return of an old map", NULL,
	                       "CHICAGO"});
}

/* ---- headlines that look like chrome in one respect -------------------------------- */

/* A headline indented with a no-break space is still the title: only a run of
 * indented lines (a link box) is chrome. */
static void test_indented_headline(void **state)
{
	(void)state;
	check_page("March 11, 2014\n\u00a0Invented headline indented\n\n"
	           "HOUSTON \u2014 Officers said so today.\n",
	           &(struct want){20140311, NULL, NULL, "Invented headline indented", NULL,
	                          "HOUSTON"});
}

/* A menu line above "News Releases" is no title: the headline under the date is. */
static void test_menu_above_date(void **state)
{
	(void)state;
	check_page("Press Room\nNews Releases\nMay 12, 2010\n"
	           "Invented agent arrested at checkpoint\n\nEL PASO, Texas - Agents said so.\n",
	           &(struct want){20100512, NULL, NULL, "Invented agent arrested at checkpoint",
	                          NULL, "EL PASO"});
	check_page("Latest Updates\nNews Releases\nMay 12, 2010\n"
	           "Invented agent arrested at checkpoint\n\nEL PASO, Texas - Agents said so.\n",
	           &(struct want){20100512, NULL, NULL, "Invented agent arrested at checkpoint",
	                          NULL, "EL PASO"});
}

/* Headlines shaped like a chrome line in one respect: capitals, an ending, a prefix
 * in another case, a number. */
static void test_headlines_like_chrome(void **state)
{
	(void)state;
	check_page("May 3, 2015\nOPERATION GUARDIAN\n\nDALLAS - Agents said so.\n",
	           &(struct want){20150503, NULL, NULL, "OPERATION GUARDIAN", NULL, "DALLAS"});
	check_page("May 3, 2015\nICE corrects an earlier news release\n\nDALLAS - A fix.\n",
	           &(struct want){20150503, NULL, NULL, "ICE corrects an earlier news release",
	                          NULL, "DALLAS"});
	check_page("Report suspicious activity near the border, agency urges travelers\n\n"
	           "DALLAS - Agents said so.\n",
	           &(struct want){0, NULL, NULL,
	                          "Report suspicious activity near the border, agency urges "
	                          "travelers",
	                          NULL, "DALLAS"});
	check_page(
	        "2. Second man sentenced in fraud\n\nDALLAS - A judge said so.\n",
	        &(struct want){0, NULL, NULL, "2. Second man sentenced in fraud", NULL, "DALLAS"});
}

/* A stray "(" above the header line is no date line: the header is still read. */
static void test_lone_parenthesis(void **state)
{
	(void)state;
	check_page("(\nMay 3, 2015Dallas, TX, United StatesNarcotics\n\n"
	           "Invented seizure at a warehouse\n\nDALLAS - Agents said so.\n",
	           &(struct want){20150503, "Dallas, TX, United States", "Narcotics",
	                          "Invented seizure at a warehouse", NULL, "DALLAS"});
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_dhs_flag),
	        cmocka_unit_test(test_dhs_flag_unknown_and_comma_topics),
	        cmocka_unit_test(test_dhs_flag_without_topic),
	        cmocka_unit_test(test_bare),
	        cmocka_unit_test(test_archive_2007),
	        cmocka_unit_test(test_archive_2010),
	        cmocka_unit_test(test_fields_on_own_lines),
	        cmocka_unit_test(test_headline_above_header),
	        cmocka_unit_test(test_archive_headline_above),
	        cmocka_unit_test(test_press_office),
	        cmocka_unit_test(test_threat_level_copy),
	        cmocka_unit_test(test_ice_archived_banner),
	        cmocka_unit_test(test_share_icons),
	        cmocka_unit_test(test_share_icons_two_topic_lines),
	        cmocka_unit_test(test_headline_ending_in_icon),
	        cmocka_unit_test(test_doj_opa),
	        cmocka_unit_test(test_title_above_news_releases),
	        cmocka_unit_test(test_archive_under_menus),
	        cmocka_unit_test(test_related_information),
	        cmocka_unit_test(test_report_crime_box),
	        cmocka_unit_test(test_mailing_list_copy),
	        cmocka_unit_test(test_press_secretary),
	        cmocka_unit_test(test_cbp_newsroom),
	        cmocka_unit_test(test_cbp_archived),
	        cmocka_unit_test(test_cbp_2008),
	        cmocka_unit_test(test_fbi_usao),
	        cmocka_unit_test(test_usao_print),
	        cmocka_unit_test(test_dea),
	        cmocka_unit_test(test_distributed_copy),
	        cmocka_unit_test(test_copies_under_other_mastheads),
	        cmocka_unit_test(test_not_copies),
	        cmocka_unit_test(test_irs_ci),
	        cmocka_unit_test(test_irs_ci_headline),
	        cmocka_unit_test(test_white_house),
	        cmocka_unit_test(test_dhs_flag_dated),
	        cmocka_unit_test(test_skip_main_spanish),
	        cmocka_unit_test(test_forum_copy),
	        cmocka_unit_test(test_dhs_hsi_release),
	        cmocka_unit_test(test_indented_headline),
	        cmocka_unit_test(test_menu_above_date),
	        cmocka_unit_test(test_headlines_like_chrome),
	        cmocka_unit_test(test_lone_parenthesis),
	        cmocka_unit_test(test_body_only),
	        cmocka_unit_test(test_dated_paragraph),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
