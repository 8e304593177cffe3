#include "config.h"

/* page.c — a release's text as a page of one of the sites it was saved from: the
 * lines each layout puts above the title, the dateline and body paragraphs, and the
 * footer (see page.h). */

#include "page.h"

#include "calendar.h"
#include "expand.h"
#include "head.h"
#include "templates.h"
#include "utf8.h"
#include "words.h"

static void w_text(struct writer *w, const char *t)
{
	struct expand_ctx c = {&w->r, w->rel, w->pool, w->out, 0};
	expand(&c, t);
}

static void w_line(struct writer *w, const char *s)
{
	buf_str(w->out, s);
	buf_chr(w->out, '\n');
}

static void w_blank(struct writer *w)
{
	buf_chr(w->out, '\n');
}

static void w_date(struct writer *w)
{
	const struct release *rel = w->rel;
	struct buf *b = w->out;
	switch (rel->datefmt) {
	case D_ISO:
		buf_pad(b, rel->year, 4), buf_chr(b, '-');
		buf_pad(b, rel->month, 2), buf_chr(b, '-');
		buf_pad(b, rel->day, 2);
		return;
	case D_AP:
		buf_str(b, month_ap[rel->month - 1]);
		break;
	case D_SHORT:
		buf_str(b, month_short[rel->month - 1]);
		break;
	case D_UPPER:
		buf_upper(b, month_names[rel->month - 1]);
		break;
	default:
		buf_str(b, month_names[rel->month - 1]);
		break;
	}
	buf_chr(b, ' ');
	buf_uint(b, rel->day, false);
	buf_str(b, ", ");
	buf_uint(b, rel->year, false);
}

static void w_topics(struct writer *w)
{
	for (unsigned i = 0; i < w->rel->ntopics; i++) {
		if (i && w->rel->topics_comma)
			buf_str(w->out, ", ");
		topic_spelling(w->rel, i, w->out);
	}
}

/* ---- the date forms of the other layouts --------------------------------------- */

static const char *const weekday_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                            "Thursday", "Friday", "Saturday"};

static const char *weekday(const struct release *rel)
{
	long days = days_from_civil(rel->year, rel->month, rel->day); /* 0: a Thursday */
	return weekday_names[((days % 7) + 11) % 7];
}

/* "07/19/2021". */
static void w_numeric_date(struct writer *w)
{
	buf_pad(w->out, w->rel->month, 2), buf_chr(w->out, '/');
	buf_pad(w->out, w->rel->day, 2), buf_chr(w->out, '/');
	buf_pad(w->out, w->rel->year, 4);
}

/* "Friday, March 4, 2011", or with the day in two digits. */
static void w_weekday_date(struct writer *w, bool padded)
{
	const struct release *rel = w->rel;
	buf_str(w->out, weekday(rel));
	buf_str(w->out, ", ");
	buf_str(w->out, month_names[rel->month - 1]);
	buf_chr(w->out, ' ');
	if (padded)
		buf_pad(w->out, rel->day, 2);
	else
		buf_uint(w->out, rel->day, false);
	buf_str(w->out, ", ");
	buf_uint(w->out, rel->year, false);
}

/* "Julio 15, 2019". */
static void w_spanish_date(struct writer *w)
{
	static const char *const months[] = {"Enero",      "Febrero", "Marzo",     "Abril",
	                                     "Mayo",       "Junio",   "Julio",     "Agosto",
	                                     "Septiembre", "Octubre", "Noviembre", "Diciembre"};
	buf_str(w->out, months[w->rel->month - 1]);
	buf_chr(w->out, ' ');
	buf_uint(w->out, w->rel->day, false);
	buf_str(w->out, ", ");
	buf_uint(w->out, w->rel->year, false);
}

/* A press office's number, invented: "(202) 555-0142". */
static void w_phone(struct writer *w)
{
	buf_str(w->out, "(202) 555-01");
	buf_pad(w->out, rnd(&w->r, 100), 2);
}

/* The current site's line 2: date, location and topics run together. False when the
 * release has none of them (then there is no such line). */
static bool w_header_line(struct writer *w)
{
	const struct release *rel = w->rel;
	if (!rel->day && rel->location == NONE && !rel->ntopics)
		return false;
	if (rel->day)
		w_date(w);
	if (rel->location != NONE)
		buf_str(w->out, w->pool + rel->location);
	w_topics(w);
	buf_chr(w->out, '\n');
	return true;
}

/* "MEXICO CITY — ", "NEWARK, N.J. – ", "HOUSTON, Texas - ", "MIAMI- ". */
static void w_dateline(struct writer *w)
{
	const struct release *rel = w->rel;
	struct buf *b = w->out;
	if (rel->foreign) {
		buf_upper(b, foreign_cities[rel->place].name);
		buf_str(b, dashes[rel->dash]);
		return;
	}
	const struct us_city *city = &us_cities[rel->place];
	buf_upper(b, city->name);
	switch (rnd(&w->r, 6)) {
	case 0:
	case 1:
		buf_str(b, dashes[rel->dash]);
		break;
	case 2:
	case 3:
		buf_str(b, ", ");
		buf_str(b, states[city->state].ap);
		buf_str(b, dashes[rel->dash]);
		break;
	case 4:
		buf_str(b, ", ");
		buf_str(b, states[city->state].name);
		buf_str(b, " - ");
		break;
	default:
		buf_str(b, "- ");
		break;
	}
}

/* Detail sentences are dealt from a shuffled deck of the kind's and the generic ones,
 * so a release repeats one only after using all. */
static const char *deal_detail(struct writer *w)
{
	const struct kind_text *kt = &kind_texts[w->rel->kind];
	size_t n = kt->ndetails + details_generic_len;
	if (n > sizeof w->deck)
		die("internal error: too many detail sentences");
	if (w->dealt == w->ndeck) {
		w->ndeck = (uint8_t)n;
		for (size_t i = 0; i < n; i++)
			w->deck[i] = (uint8_t)i;
		for (size_t i = n - 1; i > 0; i--) {
			size_t j = rnd(&w->r, (uint32_t)(i + 1));
			uint8_t t = w->deck[i];
			w->deck[i] = w->deck[j];
			w->deck[j] = t;
		}
		w->dealt = 0;
	}
	uint8_t k = w->deck[w->dealt++];
	return k < kt->ndetails ? kt->details[k] : details_generic[k - kt->ndetails];
}

/* One sentence from a template, its first letter a capital ("The FBI", not "the FBI"). */
static void w_sentence(struct writer *w, const char *t)
{
	size_t at = w->out->len;
	w_text(w, t);
	char *first = w->out->p + at;
	if (*first >= 'a' && *first <= 'z')
		*first = (char)(*first - 32);
}

static void w_details(struct writer *w, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		if (i)
			buf_chr(w->out, ' ');
		w_sentence(w, deal_detail(w));
	}
}

/* Body paragraphs, one a line, with blank lines between when blank_between. */
static void w_body(struct writer *w, bool blank_between)
{
	const struct kind_text *kt = &kind_texts[w->rel->kind];
	struct rng *r = &w->r;
	size_t start = w->out->len, target;
	switch (pick_weighted(r, (const unsigned[]){8, 75, 12, 5}, 4)) {
	case 0:
		target = (size_t)rnd_range(r, 500, 1600);
		break;
	case 1:
		target = (size_t)rnd_range(r, 1500, 4200);
		break;
	case 2:
		target = (size_t)rnd_range(r, 4600, 9000);
		break;
	default:
		target = (size_t)rnd_range(r, 9000, 20000);
		break;
	}
	const char *sep = blank_between ? "\n\n" : "\n";

	w_dateline(w);
	w_sentence(w, kt->leads[rnd(r, (uint32_t)kt->nleads)]);
	buf_chr(w->out, ' ');
	w_details(w, (unsigned)rnd_range(r, 1, 2));
	bool quoted = false;
	while (w->out->len - start < target) {
		buf_str(w->out, sep);
		if (!quoted && chance(r, 35)) {
			w_text(w, PICK_FROM(r, quote_paragraphs));
			quoted = true;
			continue;
		}
		w_details(w, (unsigned)rnd_range(r, 2, 5));
		quoted = false;
	}
	if (chance(r, 80)) {
		buf_str(w->out, sep);
		w_sentence(w, PICK_FROM(r, closings));
	}
	buf_chr(w->out, '\n');
}

static void w_updated_footer(struct writer *w)
{
	const struct release *rel = w->rel;
	struct rng *r = &w->r;
	int y, m, d;
	if (!chance(r, 88))
		return;
	if (rel->day)
		civil_from_days(days_from_civil(rel->year, rel->month, rel->day) + rnd(r, 900), &y,
		                &m, &d);
	else
		civil_from_days(days_from_civil(2008, 1, 1) + rnd(r, 6200), &y, &m, &d);
	w_blank(w);
	buf_str(w->out, "Updated: ");
	buf_pad(w->out, (unsigned)m, 2), buf_chr(w->out, '/');
	buf_pad(w->out, (unsigned)d, 2), buf_chr(w->out, '/');
	buf_pad(w->out, (unsigned)y, 4), buf_chr(w->out, '\n');
	if (chance(r, 30)) {
		unsigned n = (unsigned)rnd_range(r, 1, 4),
		         first = rnd(r, (uint32_t)boilerplate_len);
		for (unsigned i = 0; i < n; i++)
			w_line(w, boilerplate[(first + i) % boilerplate_len]);
	}
}

static void w_title_block(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	w_blank(w);
	if (w->rel->subtitle != NONE) {
		w_line(w, w->pool + w->rel->subtitle);
		w_blank(w);
	}
}

/* ---- the page layouts --------------------------------------------------------- */

/* skip-main, skip-main-official and skip-main-long: the current site. */
static void layout_skip(struct writer *w)
{
	w_line(w, "Skip to main content");
	if (w->rel->layout == L_SKIP_OFFICIAL) {
		if (chance(&w->r, 50))
			w_line(w, "U.S. flag");
		w_blank(w);
		w_line(w, "An official website of the United States government");
		if (chance(&w->r, 50))
			w_line(w, w->rel->curly ? "Here’s how you know" : "Here's how you know");
		w_blank(w);
	}
	if (!w_header_line(w) && w->rel->layout == L_SKIP_OFFICIAL)
		w->out->len--; /* no second blank line in a row */
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
	w_updated_footer(w);
}

/* dhs-flag: the older DHS site, a topic line and the title; no date or location. */
static void layout_dhs_flag(struct writer *w)
{
	w_line(w, "United States Flag");
	w_line(w, "Official Website of the Department of Homeland Security");
	w_blank(w);
	w_line(w, "Report Crimes: Email or Call 1-866-DHS-2-ICE");
	w_blank(w);
	if (w->rel->ntopics) {
		w_topics(w);
		buf_chr(w->out, '\n');
		w_blank(w);
	}
	w_title_block(w);
	w_body(w, true);
}

/* The archived site: "News Releases", the date, maybe a location, the title with its
 * sub-headline right under it. */
static void layout_archive(struct writer *w)
{
	struct rng *r = &w->r;
	const struct release *rel = w->rel;
	if (chance(r, 15)) {
		w_line(w, w->pool + rel->title);
		w_blank(w);
	}
	w_line(w, "News Releases");
	w_blank(w);
	if (chance(r, 25))
		w_blank(w);
	w_date(w);
	buf_chr(w->out, '\n');
	if (rel->location != NONE)
		w_line(w, w->pool + rel->location);
	w_blank(w);
	w_line(w, w->pool + rel->title);
	if (rel->subtitle != NONE)
		w_line(w, w->pool + rel->subtitle);
	w_blank(w);
	w_body(w, true);
}

/* ---- the other eras of ice.gov ------------------------------------------------- */

/* skip-main under the "Archived Content" banner of ice.gov's older pages. */
static void layout_skip_archived(struct writer *w)
{
	w_line(w, "Skip to main content");
	w_blank(w);
	w_line(w, "Archived Content");
	w_blank(w);
	w_line(w, "In an effort to keep ICE.gov current, the archive contains content from a "
	          "previous administration or is otherwise outdated.");
	w_blank(w);
	if (w_header_line(w))
		w_blank(w);
	w_title_block(w);
	w_body(w, true);
	w_updated_footer(w);
}

/* Another site's copy of a current page: its masthead, or the skip link with no line
 * end after it, run into the header line. */
static void layout_skip_copy(struct writer *w)
{
	static const char *const mastheads[] = {"Invented Wire Service ", "Border News Digest | ",
	                                        "Skip to main content"};
	buf_str(w->out, PICK(&w->r, mastheads));
	w_header_line(w); /* dated, with topics: head.c sees to it */
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* skip-main with a box of numbers to report a crime above the header line. */
static void layout_skip_report(struct writer *w)
{
	w_line(w, "Skip to main content");
	w_blank(w);
	w_line(w, "To Report a Crime");
	w_blank(w);
	buf_str(w->out, "Call: "), w_phone(w), w_blank(w);
	buf_str(w->out, "TTY for hearing impaired: "), w_phone(w), w_blank(w);
	if (w_header_line(w))
		w_blank(w);
	w_title_block(w);
	w_body(w, true);
	w_updated_footer(w);
}

/* A search image, the topic line (a topic a line when there are two), share icons,
 * the title. */
static void layout_skip_share(struct writer *w)
{
	static const char *const icons[] = {"Email", "Facebook", "Twitter", "LinkedIn"};
	w_line(w, "Skip to main content");
	w_blank(w);
	w_line(w, "mobile search image");
	w_blank(w);
	for (unsigned i = 0; i < w->rel->ntopics; i++) {
		topic_spelling(w->rel, i, w->out);
		buf_chr(w->out, '\n');
		w_blank(w);
	}
	for (size_t i = 0; i < ARRAY_LEN(icons); i++) {
		buf_str(w->out, "\u2022 ");
		buf_str(w->out, icons[i]);
		w_line(w, " icon");
	}
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* ice.gov/es: the date with a Spanish month, the place with "Estados Unidos". */
static void layout_skip_es(struct writer *w)
{
	w_line(w, "Ir al contenido principal");
	w_spanish_date(w);
	buf_str(w->out, w->pool + w->rel->location);
	w_topics(w);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* dhs-flag with a numeric date line under the topic line. */
static void layout_dhs_flag_dated(struct writer *w)
{
	w_line(w, "United States Flag");
	w_line(w, "Official Website of the Department of Homeland Security");
	w_blank(w);
	w_line(w, "Report Crimes: Email or Call 1-866-DHS-2-ICE");
	w_blank(w);
	w_topics(w);
	buf_chr(w->out, '\n');
	w_numeric_date(w);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* The older news pages: the headline, "News Releases", the date, the headline again
 * with its sub-headline. */
static void layout_archive_above(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	w_line(w, "News Releases");
	w_blank(w);
	w_date(w);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_line(w, w->pool + w->rel->title);
	if (w->rel->subtitle != NONE) {
		w_line(w, w->pool + w->rel->subtitle);
		w_blank(w);
	}
	w_body(w, true);
}

/* A forum's copy: maybe the forum's own lines, the copy's masthead, the date, maybe
 * the location, the title. */
static void layout_forum(struct writer *w)
{
	const char *title = w->pool + w->rel->title;
	/* The forum's lines are told from the title under the date by its capital. */
	if ((*title >= 'A' && *title <= 'Z') && chance(&w->r, 40)) {
		w_line(w, "Invented Board - Border News");
		w_line(w, "Posted by a member");
	}
	w_line(w, "I.C.E.News Release");
	w_blank(w);
	w_date(w);
	buf_chr(w->out, '\n');
	if (w->rel->location != NONE)
		w_line(w, w->pool + w->rel->location);
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* ---- CBP ------------------------------------------------------------------------- */

/* The title in a numbered breadcrumb, then on its own. */
static void w_crumbs_and_title(struct writer *w, const char *const *crumbs, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		buf_str(w->out, "  "), buf_uint(w->out, i + 1, false), buf_str(w->out, ". ");
		w_line(w, crumbs[i]);
	}
	buf_str(w->out, "  "), buf_uint(w->out, n + 1, false), buf_str(w->out, ". ");
	w_line(w, w->pool + w->rel->title);
	w_blank(w);
	w_line(w, w->pool + w->rel->title);
	w_blank(w);
}

/* cbp.gov now: the government banner, the breadcrumb, "Release Date" and the date
 * with its weekday under it. */
static void layout_cbp(struct writer *w)
{
	static const char *const crumbs[] = {"Home", "Newsroom", "Local Media Release"};
	static const char *const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	w_line(w, "An official website of the United States government");
	w_blank(w);
	w_line(w, "Official websites use .gov");
	w_line(w, "A .gov website belongs to an official government organization in the United "
	          "States.");
	w_blank(w);
	w_crumbs_and_title(w, crumbs, ARRAY_LEN(crumbs));
	w_line(w, "Release Date");
	if (w->rel->day) {
		long d = days_from_civil(w->rel->year, w->rel->month, w->rel->day);
		buf_str(w->out, days[((d % 7) + 11) % 7]);
		buf_str(w->out, ", ");
		w_numeric_date(w);
		buf_chr(w->out, '\n');
	}
	w_blank(w);
	w_body(w, true);
}

/* cbp.gov's archived pages: "Release Date:" with the date, if any, on the next line. */
static void layout_cbp_archived(struct writer *w)
{
	w_line(w, "US flag Official website of the Department of Homeland Security");
	w_blank(w);
	if (chance(&w->r, 70)) {
		w_line(w, "Archived Content");
		w_blank(w);
		w_line(w,
		       "In an effort to keep current, the archive contains content from a previous "
		       "administration or is otherwise outdated.");
		w_blank(w);
	}
	w_title_block(w);
	w_line(w, "Release Date:\u00a0");
	if (w->rel->day) {
		w_date(w);
		buf_chr(w->out, '\n');
	}
	w_blank(w);
	w_body(w, true);
}

/* The old cbp.gov: menus, a box of other releases' titles, the title, the date in
 * parentheses. */
static void layout_cbp_2008(struct writer *w)
{
	static const char *const others[] = {
	        "Border Patrol Weekly Report of a Northern Sector",
	        "Travelers Advised to Prepare for a Busy Weekend",
	        "Officers Seize Counterfeit Watches at a Seaport",
	        "Agriculture Specialists Find Seeds in a Parcel",
	};
	w_line(w, "Skip To Main Content");
	w_line(w, "DHS Seal Navigates to CBP homepage");
	w_blank(w);
	w_line(w, "GO");
	w_line(w, "\u00a0\u00a0About CBP\u00a0\u00a0\u00a0\u00a0Newsroom\u00a0\u00a0\u00a0\u00a0"
	          "Travel\u00a0\u00a0");
	w_line(w, "Newsroom");
	w_line(w, "Printer Friendly Page Link Icon");
	w_line(w, "see also:");
	w_line(w, "right arrow");
	for (size_t i = 0, n = 2 + rnd(&w->r, 3); i < n; i++) {
		buf_str(w->out, "\u00a0");
		w_line(w, others[(i + w->rel->kind) % ARRAY_LEN(others)]);
	}
	w_line(w, "...more");
	w_line(w, "right arrowon cbp.gov:");
	w_line(w, "\u00a0Press Officers");
	w_line(w, w->pool + w->rel->title);
	w_blank(w);
	buf_chr(w->out, '(');
	w_weekday_date(w, chance(&w->r, 50));
	w_line(w, ")");
	w_blank(w);
	w_body(w, true);
}

/* ---- DHS, the White House, Justice, DEA, IRS-CI, copies ------------------------------ */

/* dhs.gov/hsi: the government banner, a breadcrumb, "Release Date: ...". */
static void layout_dhs_hsi(struct writer *w)
{
	static const char *const crumbs[] = {"Homeland Security Investigations (HSI)", "News Room"};
	w_line(w, "U.S. flag");
	w_blank(w);
	w_line(w, "An official website of the United States government");
	w_blank(w);
	w_line(w, "Breadcrumb");
	w_blank(w);
	w_crumbs_and_title(w, crumbs, ARRAY_LEN(crumbs));
	buf_str(w->out, "Release Date: ");
	w_date(w);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_body(w, true);
}

/* A press secretary's release: the title above the office's lines and the date, or
 * under them. */
static void layout_press_office(struct writer *w)
{
	bool above = chance(&w->r, 50);
	if (above) {
		w_line(w, w->pool + w->rel->title);
		w_blank(w);
	} else {
		w_line(w, "Print this document |");
	}
	w_line(w, "For Immediate Release");
	w_line(w, "Office of the Press Secretary");
	w_date(w);
	buf_chr(w->out, '\n');
	if (!above)
		w_line(w, w->pool + w->rel->title);
	w_blank(w);
	w_body(w, true);
}

/* Justice's press office: the date among its chrome, the title under it. */
static void layout_doj_opa(struct writer *w)
{
	static const char *const offices[] = {"OPA", "CRM", "ENRD", "CIV"};
	w_line(w, "Department of Justice");
	w_blank(w);
	w_line(w, "FOR IMMEDIATE RELEASE");
	w_weekday_date(w, false);
	buf_chr(w->out, '\n');
	w_line(w, "WWW.USDOJ.GOV");
	w_line(w, PICK(&w->r, offices));
	w_phone(w), buf_chr(w->out, '\n');
	buf_str(w->out, "TDD "), w_phone(w), buf_chr(w->out, '\n');
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* A U.S. Attorney's print page: the title between "Press Release" and the office. */
static void layout_usao(struct writer *w)
{
	w_line(w, "Press Release");
	w_line(w, w->pool + w->rel->title);
	w_line(w, "For Immediate Release");
	buf_str(w->out, "U.S. Attorney's Office, District of ");
	w_line(w, states[us_cities[w->rel->office].state].name);
	w_body(w, false);
}

/* A U.S. Attorney's release archived on fbi.gov. */
static void layout_fbi_usao(struct writer *w)
{
	buf_str(w->out, "Home ");
	buf_str(w->out, us_cities[w->rel->office].name);
	buf_str(w->out, " Press Releases ");
	buf_uint(w->out, w->rel->year, false);
	buf_chr(w->out, ' ');
	w_line(w, w->pool + w->rel->title);
	w_line(w, "Info");
	w_line(w, "This is archived material from the Federal Bureau of Investigation (FBI) "
	          "website. It may contain outdated information and links may no longer function.");
	w_blank(w);
	w_line(w, w->pool + w->rel->title);
	if (w->rel->subtitle != NONE)
		w_line(w, w->pool + w->rel->subtitle);
	w_blank(w);
	buf_str(w->out, "U.S. Attorney\u2019s Office ");
	w_date(w);
	buf_chr(w->out, '\n');
	buf_str(w->out, "  \u2022 District of ");
	buf_str(w->out, states[us_cities[w->rel->office].state].name);
	buf_chr(w->out, ' ');
	w_phone(w);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_body(w, true);
}

/* DEA: the division's label, the date, the contact, the title, with no blank lines. */
static void layout_dea(struct writer *w)
{
	buf_upper(w->out, states[us_cities[w->rel->office].state].name);
	w_line(w, " NEWS");
	w_date(w);
	buf_chr(w->out, '\n');
	w_line(w, "Contact: Public Information Officer");
	w_phone(w), buf_chr(w->out, '\n');
	w_line(w, w->pool + w->rel->title);
	w_body(w, false);
}

/* A distribution site's copy: the agency's masthead (one the site prints, or one
 * relview has no name for), the date first on a line of its own fields. */
static void layout_distributed(struct writer *w)
{
	static const char *const mastheads[] = {
	        "ICE - U.S. Immigration and Customs Enforcement",
	        "Invented Agency - Invented Office of Inspections",
	        "Border News Wire",
	};
	w_line(w, PICK(&w->r, mastheads));
	w_blank(w);
	w_numeric_date(w);
	buf_str(w->out, " | Press release | Distributed by Public on ");
	w_numeric_date(w);
	buf_chr(w->out, ' ');
	buf_pad(w->out, 7 + rnd(&w->r, 12), 2);
	buf_chr(w->out, ':');
	buf_pad(w->out, rnd(&w->r, 60), 2);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* IRS-CI: the date and the contact run on into the body; no headline. */
static void layout_irs(struct writer *w)
{
	buf_str(w->out, "Date: ");
	w_date(w);
	buf_str(w->out, " Contact: newsroom@example.invalid ");
	w_body(w, false);
}

/* IRS-CI with a headline: above the date and contact line, the body run on after
 * them; or under that line, the body after it. */
static void layout_irs_titled(struct writer *w)
{
	bool above = chance(&w->r, 50);
	if (above) {
		w_line(w, w->pool + w->rel->title);
		w_blank(w);
	}
	buf_str(w->out, "Date: ");
	w_date(w);
	buf_str(w->out, " Contact: newsroom@example.invalid");
	if (chance(&w->r, 50)) {
		buf_str(w->out, " Phone: ");
		w_phone(w);
	}
	if (above) {
		buf_chr(w->out, ' ');
		w_body(w, false);
		return;
	}
	buf_chr(w->out, '\n');
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
}

/* A mailing list's copy: the title, the list's chrome, the title block, the topic. */
static void layout_mailing_list(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	w_blank(w);
	w_line(w, "Having trouble viewing this email? View it as a Web page.");
	w_blank(w);
	w_line(w, "ICE Header");
	w_blank(w);
	w_title_block(w);
	w_topics(w);
	buf_chr(w->out, '\n');
	w_blank(w);
	w_line(w, "Notes to editors and reporters:\u00a0");
	w_blank(w);
	w_body(w, true);
}

/* A copy of a release printed as PDF: its masthead on one line, the date, the
 * contact, the title. */
static void layout_pdf_copy(struct writer *w)
{
	w_line(w, "Office of Public Affairs U.S. Department of Homeland Security Page 1 of 2 "
	          "www.ice.gov Ver. 1.05 News Release");
	w_date(w);
	buf_chr(w->out, '\n');
	w_line(w, "Contact: ICE Public Affairs");
	w_line(w, w->pool + w->rel->title);
	w_body(w, false);
}

/* bare: the title on line 1, then the paragraphs. */
static void layout_bare(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	bool blank = chance(&w->r, 20);
	if (blank)
		w_blank(w);
	w_body(w, blank);
}

static void layout_body_only(struct writer *w)
{
	w_body(w, true);
}

/* Each layout's writer, by the layout's number. */
static void (*const layouts[NLAYOUTS])(struct writer *) = {
        [L_SKIP] = layout_skip,
        [L_SKIP_OFFICIAL] = layout_skip,
        [L_SKIP_LONG] = layout_skip,
        [L_DHS_FLAG] = layout_dhs_flag,
        [L_ARCHIVE] = layout_archive,
        [L_BARE] = layout_bare,
        [L_SKIP_ARCHIVED] = layout_skip_archived,
        [L_SKIP_SHARE] = layout_skip_share,
        [L_SKIP_ES] = layout_skip_es,
        [L_SKIP_REPORT] = layout_skip_report,
        [L_SKIP_COPY] = layout_skip_copy,
        [L_DHS_FLAG_DATED] = layout_dhs_flag_dated,
        [L_ARCHIVE_ABOVE] = layout_archive_above,
        [L_FORUM] = layout_forum,
        [L_CBP] = layout_cbp,
        [L_CBP_ARCHIVED] = layout_cbp_archived,
        [L_CBP_2008] = layout_cbp_2008,
        [L_DHS_HSI] = layout_dhs_hsi,
        [L_PRESS_OFFICE] = layout_press_office,
        [L_DOJ_OPA] = layout_doj_opa,
        [L_USAO] = layout_usao,
        [L_FBI_USAO] = layout_fbi_usao,
        [L_DEA] = layout_dea,
        [L_DISTRIBUTED] = layout_distributed,
        [L_IRS] = layout_irs,
        [L_BODY_ONLY] = layout_body_only,
        [L_MAILING_LIST] = layout_mailing_list,
        [L_PDF_COPY] = layout_pdf_copy,
        [L_IRS_TITLED] = layout_irs_titled,
};

/* The release's text, UTF-8 with '\n' line ends. */
void write_release_text(struct writer *w)
{
	void (*layout)(struct writer *) = layouts[w->rel->layout];
	(layout ? layout : layout_bare)(w); /* a layout given no writer: the title and body */
}
