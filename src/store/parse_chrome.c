/* parse_chrome — the page around a release: site banners, menus, breadcrumbs, share
 * icons, press-office labels and phone lines, lists of links, the footer. Each is
 * recognised by its words or its shape, never by where it sits (parse.c decides
 * that). */
#include "config.h"

#include "parse_private.h"

#include "relview/ascii.h"

static bool equals_ci(const char *s, size_t n, struct literal lit)
{
	return n == lit.n && prefix_ci(s, lit);
}

static bool ends_ci(const char *s, size_t n, struct literal lit)
{
	return n >= lit.n && prefix_ci(s + n - lit.n, lit);
}

static bool ends_exact(const char *s, size_t n, struct literal lit)
{
	return n >= lit.n && memcmp(s + n - lit.n, lit.s, lit.n) == 0;
}

static bool starts_exact(const char *s, size_t n, struct literal lit)
{
	return n >= lit.n && memcmp(s, lit.s, lit.n) == 0;
}

/* Lines the sites print around a release's header: banners, navigation, the old DHS
 * threat-level box. Matched whole, ignoring case. */
static const struct literal boilerplate_lines[] = {
        LITERAL("Skip to main content"),
        LITERAL("An official website of the United States government"),
        LITERAL("Here's how you know"),
        LITERAL("Here\u2019s how you know"),
        LITERAL("U.S. flag"),
        LITERAL("US flag"),
        LITERAL("United States Flag"),
        LITERAL("Official Website of the Department of Homeland Security"),
        LITERAL("Official websites use .gov"),
        LITERAL("Secure .gov websites use HTTPS"),
        LITERAL("U.S. Immigration and Customs Enforcement"),
        LITERAL("News Releases"),
        LITERAL("News Release"),
        LITERAL("Press Releases"),
        LITERAL("Press Release"),
        LITERAL("For Immediate Release"),
        LITERAL("Find releases based on"),
        LITERAL("Search all news releases"),
        LITERAL("Tags"),
        LITERAL("Menu"),
        LITERAL("Search"),
        LITERAL("Home"),
        LITERAL("News"),
        LITERAL("Newsroom"),
        LITERAL("Breadcrumb"),
        LITERAL("Share"),
        LITERAL("Print"),
        LITERAL("Current Threat Level"),
        LITERAL("Low"),
        LITERAL("Guarded"),
        LITERAL("Elevated"),
        LITERAL("High"),
        LITERAL("Severe"),
        /* archived pages, current chrome */
        LITERAL("Archived Content"),
        LITERAL("Government Website"),
        LITERAL("Safely connect using HTTPS"),
        LITERAL("Ir al contenido principal"),
        LITERAL("Info"),
        LITERAL("Related Information"),
        LITERAL("Related Content"),
        LITERAL("To Report a Crime"),
        LITERAL("contacts for this news release"),
        /* the press office above or below a date line */
        LITERAL("Office of the Press Secretary"),
        LITERAL("Office of Public Affairs"),
        LITERAL("Department of Justice"),
        LITERAL("U.S. Department of Justice"),
        LITERAL("Department of Homeland Security"),
        LITERAL("U.S. Department of Homeland Security"),
        LITERAL("U.S. Customs and Border Protection"),
        LITERAL("Drug Enforcement Administration"),
        LITERAL("ICE - U.S. Immigration and Customs Enforcement"),
        LITERAL("The White House"),
        LITERAL("ICE Header"),
        /* the old cbp.gov "see also" box around other releases' titles */
        LITERAL("see also:"),
        LITERAL("right arrow"),
        LITERAL("...more"),
};

static const struct literal boilerplate_prefixes[] = {
        LITERAL("A .gov website belongs to"),
        LITERAL("A lock ("),
        LITERAL("Secure .gov websites use"),
        LITERAL("Contact:"),
        LITERAL("Media Contact"),
        LITERAL("In an effort to keep"),
        LITERAL("US flag "),
        LITERAL("This is archived material"),
        LITERAL("Having trouble viewing this email"),
        LITERAL("Report Trade Violations"),
        LITERAL("Emergency Information for ICE"),
};

/* Chrome that a headline could begin with in other words: matched in the page's own
 * capitals only ("Report Suspicious Activity to 1-800-...", "U.S. Attorney's Office,
 * Southern District of ..."); "Report suspicious activity near ..." is a headline. */
static const struct literal exact_prefixes[] = {
        LITERAL("Report Suspicious Activity"),
        LITERAL("U.S. Attorney's Office, "),
        LITERAL("U.S. Attorney\u2019s Office, "),
};

/* A logo that links home: "DHS Seal Navigates to CBP homepage"; only in a short line. */
static const struct literal homepage_end = LITERAL(" homepage");
static const struct literal icon_end = LITERAL(" icon");

/* A release's masthead: "I.C.E. News Release", "... www.ice.gov Ver. 1.05 News
 * Release"; in these capitals only ("ICE corrects an earlier news release" is a
 * headline). */
static const struct literal masthead_end = LITERAL("News Release");

/* The DHS banner line that announces the dhs-flag layout (a topic line follows). */
static const struct literal dhs_banner = LITERAL("Report Crimes:");
static const struct literal search_image = LITERAL("mobile search image");
static const struct literal threat_level = LITERAL("Risk of Terrorist Attacks");

/* The lines that start the page's footer: the release ends before them. */
static const struct literal footer_prefixes[] = {
        LITERAL("Updated:"),
        LITERAL("Last Reviewed/Updated:"),
        LITERAL("Page Last Reviewed/Updated:"),
        LITERAL("Last Updated:"),
};
static const struct literal back_to_top = LITERAL("Return to top");

enum { BOILERPLATE_MAX = 200, SUFFIXED_MAX = 40, ICON_WORDS_MAX = 5 };

/* A press office's phone number on a line of its own: "(202) 555-0100", also after a
 * short label in capitals ("TDD (202) 514-1888"). */
static bool is_phone_line(const char *s, size_t n)
{
	size_t digits = 0, i = 0;
	while (i < n && i < 4 && ascii_is_upper(s[i]))
		i++;
	if (i > 0 && (i == n || s[i] != ' '))
		i = 0; /* no label: a word of capitals is not one */
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!memchr(" ()-.+", s[i], 6))
			return false;
	}
	return digits >= 10; /* with the area code: not a date such as 2001-12-15 */
}

/* A share icon ("\u2022 Email icon") or a page tool ("Printer Friendly Page Link
 * Icon"): a bullet, or a few capitalised words, before "icon". A headline may end
 * in "icon" too ("Agents honor a civil rights icon"), but with a word in lower case. */
bool chrome_is_icon_line(const char *s, size_t n)
{
	if (!ends_ci(s, n, icon_end))
		return false;
	if (starts_bullet(s, n))
		return true;
	size_t words = 1;
	for (size_t i = 0; i + icon_end.n < n; i++) {
		if (s[i] != ' ')
			continue;
		words++;
		if (ascii_is_lower(s[i + 1]))
			return false;
	}
	return words <= ICON_WORDS_MAX;
}

/* A DEA division's label: "HOUSTON NEWS". */
static const struct literal division_end = LITERAL(" NEWS");

/* A label in capitals: one word ("OPA", "WWW.USDOJ.GOV") or a division's "... NEWS".
 * Two words in capitals may be a headline ("OPERATION GUARDIAN"). */
static bool is_caps_label(const char *s, size_t n)
{
	size_t letters = 0, spaces = 0;
	for (size_t i = 0; i < n; i++) {
		if (ascii_is_lower(s[i]) || s[i] == ',')
			return false;
		letters += ascii_is_upper(s[i]);
		spaces += s[i] == ' ';
	}
	return letters >= 2 &&
	       (spaces == 0 || (n <= SUFFIXED_MAX && ends_exact(s, n, division_end)));
}

/* A breadcrumb of arrows: "Home > Newsroom > Local Media Release". Most lines have
 * no '>' at all, which memchr() finds out fast. */
static bool is_arrow_trail(const char *s, size_t n)
{
	size_t arrows = 0;
	for (const char *p = memchr(s, '>', n); p != NULL;
	     p = memchr(p + 1, '>', n - (size_t)(p + 1 - s))) {
		size_t i = (size_t)(p - s);
		if (i > 0 && s[i - 1] == ' ' && (i + 1 == n || s[i + 1] == ' '))
			arrows += i + 1 == n ? 2 : 1; /* one at the end is a trail cut short */
	}
	return arrows >= 2;
}

/* Two no-break spaces in a row inside a line: a menu's separator. */
static bool has_nbsp_run(const char *s, size_t n)
{
	for (const char *p = memchr(s, 0xC2, n); p != NULL && p + 4 <= s + n;
	     p = memchr(p + 1, 0xC2, n - (size_t)(p + 1 - s)))
		if (p > s && memcmp(p, "\u00a0\u00a0", 4) == 0)
			return true;
	return false;
}

/* A trail of arrows, or a menu line whose items are set apart by runs of no-break
 * spaces or bars. */
static bool is_navigation(const char *s, size_t n)
{
	if (is_arrow_trail(s, n))
		return true;
	if (s[0] == '|' || s[n - 1] == '|' || s[0] == '<' || s[0] == '>')
		return true; /* "< Back to current issue ..." */
	return has_nbsp_run(s, n);
}

/* How a line of a list of links begins: with a no-break space (a link box's
 * "\u00a0Press Officers") or a number (a breadcrumb's "  3. Local Media Release"). */
enum item_kind { ITEM_NONE, ITEM_INDENTED, ITEM_NUMBERED };

/* The kind of the raw line s[0, n), its leading blanks included. */
static enum item_kind item_kind(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == ' ')
		i++;
	if (i + 2 <= n && memcmp(s + i, "\u00a0", 2) == 0)
		return ITEM_INDENTED;
	size_t digits = 0;
	while (i < n && digits < 3 && ascii_is_digit(s[i]))
		i++, digits++;
	return digits > 0 && digits < 3 && i + 1 < n && s[i] == '.' && s[i + 1] == ' '
	               ? ITEM_NUMBERED
	               : ITEM_NONE;
}

/* The line around t[pos], from its start to its end. */
static struct line raw_line(const char *t, size_t n, size_t pos)
{
	size_t start = pos, end = pos;
	while (start > 0 && t[start - 1] != '\n')
		start--;
	while (end < n && t[end] != '\n')
		end++;
	return (struct line){start, end - start, end < n ? end + 1 : n};
}

/* An item of a list of links: a line of such a kind next to another of the same
 * kind, or an indented line under a box's heading ("right arrowon cbp.gov:"). A
 * headline alone may be indented or numbered ("2. Second man sentenced"). */
static bool is_list_item(const char *t, size_t n, struct line ln)
{
	struct line self = raw_line(t, n, ln.off);
	enum item_kind kind = item_kind(t + self.off, self.len);
	if (kind == ITEM_NONE)
		return false;
	if (self.next < n) {
		struct line after = raw_line(t, n, self.next);
		if (item_kind(t + after.off, after.len) == kind)
			return true;
	}
	if (self.off == 0)
		return false;
	struct line before = raw_line(t, n, self.off - 1);
	if (item_kind(t + before.off, before.len) == kind)
		return true;
	trim(t, &before.off, &before.len);
	return kind == ITEM_INDENTED && before.len > 0 && t[before.off + before.len - 1] == ':';
}

/* A phone number after a label: "TTY for hearing impaired: 802-555-0100". A line
 * that does not end in a digit is none, nor one of several labels ("Date: ...
 * Contact: ... Phone: ...": a date line). */
static bool is_labelled_phone(const char *s, size_t n)
{
	if (n == 0 || !ascii_is_digit(s[n - 1]))
		return false;
	size_t at = n; /* after the last colon (memrchr() is GNU's only) */
	while (at > 0 && s[at - 1] != ':')
		at--;
	if (at == 0 || memchr(s, ':', at - 1) != NULL)
		return false;
	while (at < n && s[at] == ' ')
		at++;
	return at < n && is_phone_line(s + at, n - at);
}

/* Chrome by its shape: phone numbers, labels in capitals, menus, share icons. */
static bool is_chrome_shape(const char *s, size_t n)
{
	return is_phone_line(s, n) || is_labelled_phone(s, n) || is_caps_label(s, n) ||
	       is_navigation(s, n) || chrome_is_icon_line(s, n);
}

/* Chrome by its words: the lists above, a masthead, a logo at the end of a short
 * line, the DHS banner and threat level. */
static bool is_chrome_text(const char *s, size_t n)
{
	if (ends_exact(s, n, masthead_end) || (n <= SUFFIXED_MAX && ends_ci(s, n, homepage_end)))
		return true;
	for (size_t i = 0; i < COUNT(boilerplate_lines); i++)
		if (equals_ci(s, n, boilerplate_lines[i]))
			return true;
	for (size_t i = 0; i < COUNT(boilerplate_prefixes); i++)
		if (starts_ci(s, n, boilerplate_prefixes[i]))
			return true;
	for (size_t i = 0; i < COUNT(exact_prefixes); i++)
		if (starts_exact(s, n, exact_prefixes[i]))
			return true;
	return starts_ci(s, n, dhs_banner) || ends_ci(s, n, threat_level);
}

/* A line of the page around the release, never of the release: a line longer than
 * BOILERPLATE_MAX is a paragraph. */
bool chrome_is_page_line(const char *t, size_t n, struct line ln)
{
	if (ln.len > BOILERPLATE_MAX)
		return false;
	return is_list_item(t, n, ln) || is_chrome_shape(t + ln.off, ln.len) ||
	       is_chrome_text(t + ln.off, ln.len);
}

bool chrome_is_footer(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	for (size_t i = 0; i < COUNT(footer_prefixes); i++)
		if (starts_ci(s, ln.len, footer_prefixes[i]))
			return true;
	return equals_ci(s, ln.len, back_to_top);
}

/* Could a footer line begin with c? Most body lines are ruled out by this alone. */
bool chrome_may_start_footer(char c)
{
	for (size_t i = 0; i < COUNT(footer_prefixes); i++)
		if (may_match_ci(c, footer_prefixes[i].s[0]))
			return true;
	return may_match_ci(c, back_to_top.s[0]);
}

bool chrome_is_topic_banner(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	return starts_ci(s, ln.len, dhs_banner) || starts_ci(s, ln.len, search_image);
}
