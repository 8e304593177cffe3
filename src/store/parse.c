#include "config.h"

#include "relview/ascii.h"
#include "relview/parse.h"

#include "relview/date.h"
#include "relview/place.h"
#include "relview/topics.h"

#include <stdbool.h>
#include <string.h>

/* ---- lines ------------------------------------------------------------------------ */

/* A line of the text without its surrounding white space: [off, off + len). next is
 * where the following line starts. */
struct line {
	size_t off, len, next;
};

struct reader {
	const char *t;
	size_t n, pos;
};

/* Bytes of white space at t[i]: ASCII blanks and the no-break space that saved pages
 * are full of. */
static size_t space_width(const char *t, size_t n, size_t i)
{
	unsigned char c = (unsigned char)t[i];
	if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	if (c == 0xC2 && i + 1 < n && (unsigned char)t[i + 1] == 0xA0)
		return 2;
	return 0;
}

static bool space_before(const char *t, size_t start, size_t end)
{
	if (end > start && space_width(t, end, end - 1) == 1)
		return true;
	return end >= start + 2 && (unsigned char)t[end - 2] == 0xC2 &&
	       (unsigned char)t[end - 1] == 0xA0;
}

/* Trims [*off, *off + *len) on both sides. */
static void trim(const char *t, size_t *off, size_t *len)
{
	size_t start = *off, end = *off + *len, w;
	while (start < end && (w = space_width(t, end, start)) != 0)
		start += w;
	while (end > start && space_before(t, start, end))
		end -= (unsigned char)t[end - 1] == 0xA0 ? 2 : 1;
	*off = start;
	*len = end - start;
}

static struct line line_at(const char *t, size_t n, size_t pos)
{
	const char *nl = memchr(t + pos, '\n', n - pos);
	size_t end = nl ? (size_t)(nl - t) : n;
	struct line ln = {pos, end - pos, nl ? end + 1 : n};
	trim(t, &ln.off, &ln.len);
	return ln;
}

/* The next line with something on it; false at the end of the text. */
static bool next_content(struct reader *r, struct line *ln)
{
	while (r->pos < r->n) {
		*ln = line_at(r->t, r->n, r->pos);
		r->pos = ln->next;
		if (ln->len > 0)
			return true;
	}
	return false;
}

static bool peek_content(const struct reader *r, struct line *ln)
{
	struct reader copy = *r;
	return next_content(&copy, ln);
}

static bool same_text(const char *t, struct line a, struct line b)
{
	return a.len == b.len && memcmp(t + a.off, t + b.off, a.len) == 0;
}

static struct span to_span(size_t off, size_t len)
{
	return (struct span){(uint32_t)off, (uint32_t)len};
}

/* ---- characters ------------------------------------------------------------------- */

/* A byte of a multibyte UTF-8 character: in names these are letters ("Bogotá"). */
static bool is_high(char c)
{
	return (unsigned char)c >= 0x80;
}

/* ---- boilerplate ------------------------------------------------------------------ */

/* A string constant with its length. */
struct literal {
	const char *s;
	size_t n;
};

/* clang-format off */
#define LITERAL(text) {text, sizeof text - 1}
/* clang-format on */

/* Could a and b be one letter in two cases? Such bytes differ at most in bit 0x20;
 * a cheap first look before strncasecmp(). */
static bool may_match_ci(char a, char b)
{
	return ((a ^ b) & ~0x20) == 0;
}

/* Could s, of at least lit.n bytes, be lit in any case? The look at the first byte
 * rejects most lines before strncasecmp() is called. */
static bool prefix_ci(const char *s, struct literal lit)
{
	return (lit.n == 0 || may_match_ci(s[0], lit.s[0])) && strncasecmp(s, lit.s, lit.n) == 0;
}

static bool equals_ci(const char *s, size_t n, struct literal lit)
{
	return n == lit.n && prefix_ci(s, lit);
}

static bool starts_ci(const char *s, size_t n, struct literal lit)
{
	return n >= lit.n && prefix_ci(s, lit);
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

#define COUNT(array) (sizeof array / sizeof array[0])

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

static const struct literal bullet = LITERAL("\u2022");

/* A logo that links home: "DHS Seal Navigates to CBP homepage"; only in a short line. */
static const struct literal homepage_end = LITERAL(" homepage");
static const struct literal icon_end = LITERAL(" icon");

/* A release's masthead: "I.C.E. News Release", "... www.ice.gov Ver. 1.05 News
 * Release"; in these capitals only ("ICE corrects an earlier news release" is a
 * headline). */
static const struct literal masthead_end = LITERAL("News Release");

/* The DHS banner line that announces the dhs-flag layout (a topic line follows). */
static const struct literal dhs_banner = LITERAL("Report Crimes:");
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
static bool is_icon_line(const char *s, size_t n)
{
	if (!ends_ci(s, n, icon_end))
		return false;
	if (starts_ci(s, n, bullet))
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
	       is_navigation(s, n) || is_icon_line(s, n);
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
static bool is_boilerplate(const char *t, size_t n, struct line ln)
{
	if (ln.len > BOILERPLATE_MAX)
		return false;
	return is_list_item(t, n, ln) || is_chrome_shape(t + ln.off, ln.len) ||
	       is_chrome_text(t + ln.off, ln.len);
}

static bool is_footer(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	for (size_t i = 0; i < COUNT(footer_prefixes); i++)
		if (starts_ci(s, ln.len, footer_prefixes[i]))
			return true;
	return equals_ci(s, ln.len, back_to_top);
}

/* ---- line shapes ------------------------------------------------------------------ */

enum { DATELINE_REACH = 64, HEADLINE_MAX = 300, SUBTITLE_MAX = 250 };

/* The dash that ends a dateline at s[i]: "-" before a space, an en or em dash.
 * Returns its width or 0. */
static size_t dash_at(const char *s, size_t n, size_t i)
{
	if (s[i] == '-')
		return i > 0 && i + 1 < n && s[i + 1] == ' ' ? 1 : 0;
	if (i + 2 < n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
	    ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
		return 3;
	return 0;
}

/* A city as datelines print it: capitals, spaces and the punctuation of names. Four
 * letters at least, so that an agency's initials ("ICE – ...") are no city. */
static bool is_caps_city(const char *s, size_t n)
{
	size_t letters = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (ascii_is_lower(c) || ascii_is_digit(c))
			return false;
		if (ascii_is_upper(c) || is_high(c))
			letters++;
		else if (c != ' ' && c != '.' && c != '\'' && c != '-')
			return false;
	}
	return letters >= 4;
}

static bool is_known_place(const char *s, size_t n)
{
	return place_state(s, n, NULL) != NULL || place_is_country(s, n);
}

/* A paragraph that opens with a dateline, "WASHINGTON — ...", "SANTA ANA, Calif. - ",
 * "Washington, D.C. - ": the first line of a body, never a headline. */
static bool is_dateline(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	size_t reach = ln.len < DATELINE_REACH ? ln.len : DATELINE_REACH, dash = 0;
	while (dash < reach && dash_at(s, ln.len, dash) == 0)
		dash++;
	if (dash == reach)
		return false;
	size_t off = ln.off, len = dash;
	trim(t, &off, &len);
	const char *comma = memchr(t + off, ',', len);
	size_t city = comma ? (size_t)(comma - (t + off)) : len;
	if (city == 0)
		return false;
	if (is_caps_city(t + off, city))
		return true;
	if (comma == NULL || !ascii_is_upper(t[off]))
		return false;
	size_t region = off + city + 1, region_len = len - city - 1;
	trim(t, &region, &region_len);
	return is_known_place(t + region, region_len);
}

/* Whether a line ends like a sentence: a period, '!' or '?', maybe inside a closing
 * quote. A last word such as "U.S." or "Inc." is an abbreviation, not an end. */
static bool ends_sentence(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == '"' || s[n - 1] == '\'' || is_high(s[n - 1])))
		n--; /* closing quotes, ASCII or curly */
	if (n == 0)
		return false;
	if (s[n - 1] == '!' || s[n - 1] == '?')
		return true;
	if (s[n - 1] != '.')
		return false;
	size_t word = n - 1;
	while (word > 0 && s[word - 1] != ' ')
		word--;
	size_t letters = n - 1 - word;
	return letters > 3 && memchr(s + word, '.', letters) == NULL;
}

/* A line that can only be body text: a dateline paragraph, a long paragraph or a
 * sentence of several words. */
static bool looks_like_body(const char *t, struct line ln)
{
	if (ln.len > HEADLINE_MAX || is_dateline(t, ln))
		return true;
	const char *s = t + ln.off;
	size_t spaces = 0;
	for (size_t i = 0; i < ln.len; i++)
		spaces += s[i] == ' ';
	return spaces >= 6 && ends_sentence(s, ln.len);
}

/* A second headline under the title: short, no dateline, not a sentence, not a list
 * item or the lead-in to one. */
static bool is_subtitle(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	if (ln.len > SUBTITLE_MAX || is_dateline(t, ln) || ends_sentence(s, ln.len))
		return false;
	char last = s[ln.len - 1];
	if (last == ':' || last == ';' || last == ',')
		return false;
	return s[0] != '-' && s[0] != '*' && !starts_ci(s, ln.len, bullet);
}

/* ---- header fields: location and topics run together --------------------------------- */

/* Bounds that keep splitting a header linear in its length and bounded per release:
 * a header line of many long topics may be a few hundred bytes, so FIELDS_MAX leaves
 * room for some twenty of the longest names; a location or a topic is looked for
 * only within LOCATION_MAX or TOPIC_MAX bytes of where it starts. */
enum {
	FIELDS_MAX = 1024,
	BOUNDS_MAX = 256,
	PLACE_MAX = 48,
	LOCATION_MAX = 128,
	TOPIC_MAX = 160,
	CITY_WORDS_MAX = 4
};

/* Costs of a reading of the header: an unknown topic costs more than every other
 * doubt, so a reading that explains the text with known names wins. */
enum {
	COST_TOPIC = 1,
	COST_UNKNOWN_TOPIC = 1000 + COST_TOPIC,
	COST_UNKNOWN_PLACE = 900,
	COST_NO_TOPIC = 500,
	COST_NONE = 1 << 30,
};

/* Commas and joins separate topics; a space or a code run into capitals may also be
 * inside one name ("Border Security", "COVID Response"). */
enum bound_kind { BOUND_EDGE, BOUND_COMMA, BOUND_JOIN, BOUND_SPACE, BOUND_CODE };

/* A place where one field may end and the next begin: the text before it ends at
 * `end`, the text after it starts at `start` (", " and spaces belong to neither). */
struct bound {
	size_t end, start;
	enum bound_kind kind;
};

struct fields {
	const char *t; /* the release text */
	const char *s; /* the fields: t + base, n bytes */
	size_t base, n;
	struct bound b[BOUNDS_MAX];
	size_t nb;
	int cost[BOUNDS_MAX]; /* best cost of reading topics from b[i] to the end */
	size_t next[BOUNDS_MAX];
	const struct topic_vocab *vocab;
};

/* A name particle ends at s[i]: "Mc" in "McAllen", "De" in "DeKalb". No field ends
 * with a capitalised two-letter word, so a capital after one is an inner capital. */
static bool ends_particle(const char *s, size_t i)
{
	return i >= 2 && ascii_is_lower(s[i - 1]) && ascii_is_upper(s[i - 2]) &&
	       (i == 2 || !ascii_is_upper(s[i - 3]));
}

/* A postal code after a comma ends at s[i], run into more capitals: "CA" in
 * "Los Angeles, CAICE Air Operations". */
static bool ends_code(const char *s, size_t i)
{
	return i >= 4 && ascii_is_upper(s[i]) && ascii_is_upper(s[i - 1]) &&
	       ascii_is_upper(s[i - 2]) && s[i - 3] == ' ' && s[i - 4] == ',' &&
	       place_state(s + i - 2, 2, NULL) != NULL;
}

/* Two fields run together with no separator: "MexicoTransnational", "DCUnited",
 * "States287g", "D.C.Narcotics". Other inner capitals ("LaPlace") qualify too; the
 * scoring of whole readings sorts them out. */
static bool is_join(const char *s, size_t n, size_t i)
{
	char prev = s[i - 1], c = s[i], next = i + 1 < n ? s[i + 1] : '\0';
	if (ascii_is_digit(c))
		return ascii_is_lower(prev) || ascii_is_upper(prev) || is_high(prev);
	if (!ascii_is_upper(c) || ends_particle(s, i))
		return false;
	if (ascii_is_lower(prev) || is_high(prev) || ascii_is_digit(prev))
		return true;
	return (ascii_is_upper(prev) || prev == '.' || prev == ')') && ascii_is_lower(next);
}

/* A two-letter token must be a postal code in capitals: "De" in "DeKalb" is not
 * Delaware. */
static bool is_place_token(const char *s, size_t n)
{
	if (n == 0 || n > PLACE_MAX)
		return false;
	if (n == 2 && !(ascii_is_upper(s[0]) && ascii_is_upper(s[1])))
		return false;
	return is_known_place(s, n);
}

/* A place glued to a topic that begins in lower case ends at s[i]: "United States"
 * in "United Statesfirearms", the text since the last comma (from seg) being a known
 * state or country. */
static bool ends_glued_place(const char *s, size_t seg, size_t i)
{
	return ascii_is_lower(s[i]) && s[i - 1] != ' ' && i - seg >= 2 && i - seg <= PLACE_MAX &&
	       ascii_is_upper(s[seg]) && is_place_token(s + seg, i - seg);
}

/* False when there is no room left: such a line is no header. */
static bool add_bound(struct fields *f, size_t end, size_t start, enum bound_kind kind)
{
	if (f->nb >= BOUNDS_MAX - 1)
		return false;
	f->b[f->nb++] = (struct bound){end, start, kind};
	return true;
}

/* The places where fields may meet; false when there are more than BOUNDS_MAX. */
static bool find_bounds(struct fields *f)
{
	const char *s = f->s;
	f->nb = 0;
	size_t seg = 0; /* where the text after the last comma starts */
	bool room = add_bound(f, 0, 0, BOUND_EDGE);
	for (size_t i = 1; room && i < f->n; i++) {
		if (s[i - 1] == ',' && s[i] == ' ') {
			size_t start = i;
			while (start < f->n && s[start] == ' ')
				start++;
			room = add_bound(f, i - 1, start, BOUND_COMMA);
			i = seg = start;
		} else if (s[i] == ' ' && i + 1 < f->n &&
		           (ascii_is_upper(s[i + 1]) || ascii_is_digit(s[i + 1]))) {
			room = add_bound(f, i, i + 1, BOUND_SPACE);
		} else if (is_join(s, f->n, i)) {
			room = add_bound(f, i, i, BOUND_JOIN);
		} else if (ends_code(s, i)) {
			room = add_bound(f, i, i, BOUND_CODE);
		} else if (ends_glued_place(s, seg, i)) {
			room = add_bound(f, i, i, BOUND_JOIN);
		}
	}
	f->b[f->nb++] = (struct bound){f->n, f->n, BOUND_EDGE};
	return room;
}

/* Topic names start with a capital or a digit ("287g ..."); checking that first saves
 * most lookups. A name glued to a place may have lost its capital ("United
 * Statesnarcotics"): it is known by its name's. */
static bool is_known_topic(const struct fields *f, size_t i, size_t j)
{
	const char *s = f->s + f->b[i].start;
	size_t len = f->b[j].end - f->b[i].start;
	if (len == 0 || len > TOPIC_MAX)
		return false;
	if (ascii_is_upper(s[0]) || ascii_is_digit(s[0]))
		return topic_vocab_has(f->vocab, s, len);
	if (!ascii_is_lower(s[0]))
		return false;
	char name[TOPIC_MAX];
	memcpy(name, s, len);
	name[0] = ascii_upper(s[0]);
	return topic_vocab_has(f->vocab, name, len);
}

/* Bounds that may fall inside one name ("Border Security", "COVID Response"); two
 * topics are never printed with only a space between them. */
static bool is_inner_bound(const struct bound *b)
{
	return b->kind == BOUND_SPACE || b->kind == BOUND_CODE;
}

/* The cheapest reading of b[i].. as topics, each ending at a comma, a join or the
 * end. A known name may span any bounds; an unknown one only inner ones; neither is
 * longer than TOPIC_MAX, so each bound looks at the few after it. Fills cost[] and
 * next[] from the end backwards. */
static void read_topics(struct fields *f)
{
	size_t last = f->nb - 1;
	f->cost[last] = 0;
	for (size_t i = last; i-- > 0;) {
		f->cost[i] = COST_NONE;
		bool inner_only = true;
		for (size_t j = i + 1; j <= last; j++) {
			if (f->b[j].end - f->b[i].start > TOPIC_MAX)
				break;
			bool ends_name = !is_inner_bound(&f->b[j]);
			int piece = !ends_name                ? COST_NONE
			            : is_known_topic(f, i, j) ? COST_TOPIC
			            : inner_only              ? COST_UNKNOWN_TOPIC
			                                      : COST_NONE;
			if (piece != COST_NONE && f->cost[j] != COST_NONE &&
			    piece + f->cost[j] < f->cost[i]) {
				f->cost[i] = piece + f->cost[j];
				f->next[i] = j;
			}
			inner_only = inner_only && !ends_name;
		}
	}
}

/* Spaces between capitalised words in the city, the part before the first comma:
 * "Salt Lake City" has two; a headline ending in ", TX" has many more. */
static size_t city_spaces(const struct fields *f, size_t k)
{
	size_t spaces = 0;
	for (size_t i = 1; i < k && f->b[i].kind != BOUND_COMMA; i++)
		spaces += f->b[i].kind == BOUND_SPACE;
	return spaces;
}

/* What it costs to read s[0, b[k].end) as the location: 0 when it is a known state or
 * country ("Mexico") or a short city and fields ending in one ("Miami, FL, United
 * States", "Washington, DCUnited States"), COST_UNKNOWN_PLACE when it has the shape
 * "City, Region" with nothing run into the region, COST_NONE when it cannot be a
 * location. */
static int location_cost(const struct fields *f, size_t k)
{
	size_t end = f->b[k].end;
	if (is_place_token(f->s, end))
		return 0;
	if (end > LOCATION_MAX) /* also keeps the walks below short */
		return COST_NONE;
	if (city_spaces(f, k) >= CITY_WORDS_MAX)
		return COST_NONE;
	for (size_t i = k; i-- > 1 && end - f->b[i].start <= PLACE_MAX;)
		if (f->b[i].kind != BOUND_SPACE &&
		    is_place_token(f->s + f->b[i].start, end - f->b[i].start))
			return 0;
	bool comma = false;
	for (size_t i = 1; i < k; i++) {
		if (f->b[i].kind == BOUND_COMMA)
			comma = true;
		else if (comma && f->b[i].kind == BOUND_JOIN)
			return COST_NONE;
	}
	return comma && end <= PLACE_MAX * 2 ? COST_UNKNOWN_PLACE : COST_NONE;
}

static void emit_topics(const struct fields *f, size_t i, struct parsed *out)
{
	while (i + 1 < f->nb && out->ntopics < PARSE_MAX_TOPICS) {
		size_t j = f->next[i], off = f->base + f->b[i].start;
		size_t len = f->b[j].end - f->b[i].start;
		trim(f->t, &off, &len);
		if (len > 0)
			out->topics[out->ntopics++] = to_span(off, len);
		i = j;
	}
}

/* False when the line has too many bounds to be header fields. */
static bool init_fields(struct fields *f, const char *t, struct line ln,
                        const struct topic_vocab *vocab)
{
	f->t = t;
	f->s = t + ln.off;
	f->base = ln.off;
	f->n = ln.len;
	f->vocab = vocab;
	return find_bounds(f);
}

/* Splits "Mexico City, MexicoTransnational Gangs" into location and topics: every
 * bound is tried as the end of the location and the cheapest whole reading wins.
 * False, and nothing stored, when even that costs max_cost or more. */
static bool split_fields(const char *t, struct line ln, const struct topic_vocab *vocab,
                         int max_cost, struct parsed *out)
{
	struct fields f;
	if (!init_fields(&f, t, ln, vocab))
		return false;
	read_topics(&f);
	size_t last = f.nb - 1, best = 0;
	int best_cost = COST_NONE;
	for (size_t k = 0; k <= last; k++) {
		int loc = k == 0 ? 0 : location_cost(&f, k);
		int topics = k == last ? COST_NO_TOPIC : f.cost[k];
		if (loc != COST_NONE && topics != COST_NONE && loc + topics <= best_cost) {
			best_cost = loc + topics;
			best = k;
		}
	}
	if (best_cost >= max_cost)
		return false;
	if (best > 0) {
		size_t off = ln.off, len = f.b[best].end;
		trim(t, &off, &len);
		out->location = to_span(off, len);
	}
	if (best < last)
		emit_topics(&f, best, out);
	return true;
}

/* Lower-case words that names hold ("Document and Benefit Fraud", "Ciudad de México");
 * any other lower-case word marks running text, not header fields. */
static bool is_name_word(const char *s, size_t n)
{
	static const char *const words[] = {"and", "of",  "the", "de",  "del", "la",  "los", "las",
	                                    "y",   "for", "in",  "on",  "to",  "da",  "do",  "dos",
	                                    "du",  "des", "et",  "van", "von", "der", "al",  "el"};
	for (size_t i = 0; i < COUNT(words); i++)
		if (strlen(words[i]) == n && memcmp(s, words[i], n) == 0)
			return true;
	return false;
}

/* Whether the text after a date reads as run-together header fields rather than a
 * dated paragraph: short, capitalised names, no dateline dash. */
static bool looks_like_fields(const char *t, struct line ln)
{
	const char *s = t + ln.off;
	if (ln.len > FIELDS_MAX || !(ascii_is_upper(s[0]) || ascii_is_digit(s[0]) || is_high(s[0])))
		return false;
	unsigned running = 0;
	for (size_t i = 0; i < ln.len; i++) {
		if (dash_at(s, ln.len, i) != 0 && (s[i] != '-' || s[i - 1] == ' '))
			return false;
		if (i > 0 && s[i - 1] == ' ' && ascii_is_lower(s[i])) {
			size_t w = i;
			while (w < ln.len && s[w] != ' ')
				w++;
			running += !is_name_word(s + i, w - i);
		}
	}
	return running <= 1;
}

/* A line of topics alone (the dhs-flag layout). known_only: accept it only when every
 * piece is a known topic name. */
static bool read_topic_line(const char *t, struct line ln, const struct topic_vocab *vocab,
                            bool known_only, struct parsed *out)
{
	if (!looks_like_fields(t, ln))
		return false;
	struct fields f;
	if (!init_fields(&f, t, ln, vocab))
		return false;
	read_topics(&f);
	if (f.cost[0] == COST_NONE || (known_only && f.cost[0] >= COST_UNKNOWN_TOPIC))
		return false;
	emit_topics(&f, 0, out);
	return true;
}

/* Header fields on a line with no date: under an archive's date line ("Washington,
 * DC", "Narcotics") or a current header that lost its date ("Houston,
 * TXNarcotics"). Taken only when they read with known names, since a headline may
 * look the same. */
static bool read_fields_line(const char *t, struct line ln, const struct topic_vocab *vocab,
                             struct parsed *out)
{
	return looks_like_fields(t, ln) && split_fields(t, ln, vocab, COST_UNKNOWN_TOPIC, out);
}

/* ---- the header --------------------------------------------------------------------- */

/* Content lines looked at for the header: the old cbp.gov pages print two dozen lines
 * of menus and other releases' titles above their own. */
enum { HEADER_LINES = 40, OFFICE_DATE_MAX = 80 };

enum layout {
	LAYOUT_HEADERLESS, /* bare, or body only */
	LAYOUT_HEADED,     /* a date or topic line; the title comes next */
};

/* Headline-like lines above the date line: the last run of them with no site chrome
 * between, its last RUN_MAX kept, and how many chrome lines followed it. Within
 * CHROME_GAP_MAX chrome lines of the date ("News Releases", "For Immediate Release"
 * / "Office of the Press Secretary"), a run of one is the title, a run of two the
 * title and its sub-headline; a longer run is menus, of which the last may be the
 * title. */
enum { RUN_MAX = 3, CHROME_GAP_MAX = 2 };

struct above {
	struct line run[RUN_MAX];
	size_t count;        /* lines in the run (only the last RUN_MAX kept) */
	unsigned chrome_gap; /* chrome lines since the run's last line */
};

struct header {
	enum layout layout;
	struct line first_content; /* the first line that is not boilerplate */
	bool has_first;
	struct above above;   /* headlines printed above the date line */
	bool title_above;     /* the date stands alone: the headline above it is the title */
	bool fallback_above;  /* the date ran on into fields: the headline above is the
	                       * title only when what follows reads as body text */
	bool body_may_follow; /* the date line ran on into a contact: what follows is a
	                       * headline only when it does not read as body text */
};

/* Whether a headline above the date line could be the title. */
static bool has_above(const struct above *a)
{
	return a->count > 0 && a->chrome_gap <= CHROME_GAP_MAX;
}

/* The title above the date line, and its sub-headline (len 0 when none). */
static void above_title(const struct above *a, struct line *title, struct line *subtitle)
{
	*subtitle = (struct line){0, 0, 0};
	if (a->count == 1 || a->count == 2) {
		*title = a->run[0];
		if (a->count == 2)
			*subtitle = a->run[1];
	} else {
		*title = a->run[(a->count - 1) % RUN_MAX];
	}
}

/* Words some pages print before the date: "Release Date:", "Tuesday,", "Mon,". */
static const struct literal date_labels[] = {
        LITERAL("Release Date:"), LITERAL("Release Date"), LITERAL("Date:"),
        LITERAL("Posted:"),       LITERAL("Monday,"),      LITERAL("Tuesday,"),
        LITERAL("Wednesday,"),    LITERAL("Thursday,"),    LITERAL("Friday,"),
        LITERAL("Saturday,"),     LITERAL("Sunday,"),      LITERAL("Mon,"),
        LITERAL("Tue,"),          LITERAL("Wed,"),         LITERAL("Thu,"),
        LITERAL("Fri,"),          LITERAL("Sat,"),         LITERAL("Sun,"),
};

/* The bytes of the labels before a date: "(Friday, ", "Release Date: Mon, ". A
 * parenthesis opens a date line only with something after it: "(" alone is none. */
static size_t date_label_len(const char *s, size_t n)
{
	size_t k = n > 1 && s[0] == '(' ? 1 : 0;
	for (size_t i = 0; i < COUNT(date_labels); i++) {
		if (starts_ci(s + k, n - k, date_labels[i])) {
			k += date_labels[i].n;
			while (k < n && space_width(s, n, k) != 0)
				k += space_width(s, n, k);
			i = (size_t)-1; /* a weekday may follow "Release Date:" */
		}
	}
	return k;
}

/* "U.S. Attorney's Office May 19, 2011": a date that ends a short line whose label
 * ends with the word Office. Returns the date's offset in s, or 0. */
static size_t office_date_at(const char *s, size_t n, uint32_t *date)
{
	static const struct literal office = LITERAL(" Office ");
	if (n > OFFICE_DATE_MAX)
		return 0;
	for (size_t i = office.n; i < n; i++) {
		size_t used;
		if (!prefix_ci(s + i - office.n, office))
			continue;
		if (date_parse_prefix(s + i, n - i, date, &used) && used == n - i)
			return i;
	}
	return 0;
}

/* What follows a date on its line. */
enum date_rest {
	REST_NONE,   /* nothing: an archive's date line */
	REST_FIELDS, /* location and topics run on: the current site */
	REST_BODY,   /* "Contact: ..." and the body run on */
	REST_OTHER,  /* not a date line */
};

static const struct literal contact_label = LITERAL("Contact:");

/* Labels of the press contact's fields that a date line runs on into ("Date: ...
 * Contact: press@example.gov Phone: (202) 555-0100 ..."). */
static const struct literal contact_labels[] = {
        LITERAL("Contact:"),
        LITERAL("Phone:"),
        LITERAL("Email:"),
        LITERAL("E-mail:"),
};

enum { CONTACT_FIELDS_MAX = 4 };

/* The bytes of a contact's value at s: an e-mail address (one word with an '@') or a
 * phone number (digits and its punctuation, ten digits at least); 0 for anything
 * else, such as a name, whose end cannot be told from the text after it. */
static size_t contact_value_len(const char *s, size_t n)
{
	size_t word = 0;
	while (word < n && s[word] != ' ')
		word++;
	if (memchr(s, '@', word) != NULL)
		return word;
	size_t len = 0, digits = 0;
	for (size_t i = 0; i < n && memchr("0123456789()-. +", s[i], 16); i++) {
		digits += ascii_is_digit(s[i]);
		if (ascii_is_digit(s[i]))
			len = i + 1;
	}
	return digits >= 10 ? len : 0;
}

/* Where the text after a date line's run-on contact fields starts: past each label
 * with a value it can tell the end of, else at the label. */
static size_t after_contact(const char *t, struct line rest)
{
	size_t pos = rest.off, end = rest.off + rest.len;
	for (int k = 0; k < CONTACT_FIELDS_MAX; k++) {
		size_t i = 0;
		while (i < COUNT(contact_labels) &&
		       !starts_ci(t + pos, end - pos, contact_labels[i]))
			i++;
		if (i == COUNT(contact_labels))
			break;
		size_t value = pos + contact_labels[i].n;
		while (value < end && t[value] == ' ')
			value++;
		size_t len = contact_value_len(t + value, end - value);
		if (len == 0)
			break;
		pos = value + len;
		while (pos < end && t[pos] == ' ')
			pos++;
	}
	return pos;
}

static enum date_rest classify_rest(const char *t, struct line rest)
{
	const char *s = t + rest.off;
	if (rest.len == 0 || s[0] == '|' || (s[0] == ')' && rest.len == 1))
		return REST_NONE; /* "01/16/2025 | Press release | ...", "(Friday, ...)" */
	if (starts_ci(s, rest.len, contact_label))
		return REST_BODY;
	return looks_like_fields(t, rest) ? REST_FIELDS : REST_OTHER;
}

/* The date of a line that holds a date and nothing else after its labels, or
 * DATE_UNKNOWN; *is_date says whether it was one. */
static uint32_t lone_date(const char *t, struct line ln, bool *is_date)
{
	uint32_t date;
	size_t label = date_label_len(t + ln.off, ln.len), used;
	date_parse_prefix(t + ln.off + label, ln.len - label, &date, &used);
	struct line rest = {ln.off + label + used, ln.len - label - used, ln.next};
	trim(t, &rest.off, &rest.len);
	*is_date = used > 0 && classify_rest(t, rest) == REST_NONE;
	return date;
}

/* A date alone on the next line ("January 8, 2010" under "Release Date:", "06/03/2010"
 * under a dhs-flag topic line): taken, and r moved past it. */
static void read_next_lone_date(struct reader *r, struct parsed *out)
{
	struct line next;
	bool is_date;
	if (!peek_content(r, &next))
		return;
	uint32_t date = lone_date(r->t, next, &is_date);
	if (is_date) {
		out->date = date;
		r->pos = next.next;
	}
}

/* A date label with its value on the next line ("Release Date:" / "January 8,
 * 2010"), or with none: the date line all the same. */
static bool read_label_line(struct reader *r, struct line ln, struct parsed *out)
{
	if (ln.len == 0 || date_label_len(r->t + ln.off, ln.len) != ln.len ||
	    r->t[ln.off + ln.len - 1] == ',')
		return false; /* a weekday alone is no date line */
	read_next_lone_date(r, out);
	return true;
}

/* "Invented Wire March 13, 2014Dallas, TX, United StatesNarcotics": a copy's masthead
 * (or other chrome) run into the current site's header line. The date starts a word
 * or follows a small letter, and runs with no space into fields that read with
 * known names. Returns the date's offset in the line, or 0. */
static size_t run_on_header_at(const char *t, struct line ln, const struct topic_vocab *vocab)
{
	const char *s = t + ln.off;
	if (ln.len > FIELDS_MAX)
		return 0;
	for (size_t i = 1; i < ln.len; i++) {
		uint32_t date;
		size_t used;
		if (!(ascii_is_upper(s[i]) || ascii_is_digit(s[i])) || ascii_is_upper(s[i - 1]) ||
		    ascii_is_digit(s[i - 1]) ||
		    !date_parse_prefix(s + i, ln.len - i, &date, &used) || used == 0)
			continue;
		size_t end = i + used;
		if (end == ln.len || !ascii_is_digit(s[end - 1]) ||
		    !(ascii_is_upper(s[end]) || ascii_is_digit(s[end]) || is_high(s[end])))
			continue;
		struct line rest = {ln.off + end, ln.len - end, ln.next};
		struct parsed probe = {0};
		if (looks_like_fields(t, rest) &&
		    split_fields(t, rest, vocab, COST_UNKNOWN_TOPIC, &probe))
			return i;
	}
	return 0;
}

/* The date line: a date alone (archives) or with location and topics run on
 * (the current site), maybe after a copy's masthead. False when the line is not a
 * header date line. */
static bool read_date_line(struct reader *r, struct line ln, const struct topic_vocab *vocab,
                           struct parsed *out, struct header *h)
{
	uint32_t date;
	size_t label = date_label_len(r->t + ln.off, ln.len), used;
	date_parse_prefix(r->t + ln.off + label, ln.len - label, &date, &used);
	size_t masthead = used == 0 ? run_on_header_at(r->t, ln, vocab) : 0;
	if (masthead > 0) {
		ln.off += masthead;
		ln.len -= masthead;
		label = 0;
		date_parse_prefix(r->t + ln.off, ln.len, &date, &used);
	}
	if (used == 0) {
		bool office = office_date_at(r->t + ln.off, ln.len, &date) != 0;
		if (office)
			out->date = date;
		if (!office && !read_label_line(r, ln, out))
			return false;
		h->title_above = has_above(&h->above);
		return true;
	}
	used += label;
	struct line rest = {ln.off + used, ln.len - used, ln.next};
	trim(r->t, &rest.off, &rest.len);
	enum date_rest kind = classify_rest(r->t, rest);
	if (kind == REST_OTHER)
		return false;
	out->date = date; /* unknown for an impossible date: the line is still the header */
	if (kind == REST_BODY) {
		h->fallback_above = has_above(&h->above);
		h->body_may_follow = true;
		r->pos = after_contact(r->t, rest);
		return true;
	}
	if (kind == REST_FIELDS) {
		h->fallback_above = has_above(&h->above);
		split_fields(r->t, rest, vocab, COST_NONE, out);
		return true;
	}
	/* A distribution site's line ("09/27/2022 | Press release | Distributed by ...")
	 * is under the site's masthead: what stands above is the title only when the
	 * body follows, as after header fields. */
	if (rest.len > 0 && r->t[rest.off] == '|')
		h->fallback_above = has_above(&h->above);
	else
		h->title_above = has_above(&h->above);
	/* A contact's lines under the date (IRS-CI, DEA): the body may come next. */
	struct line next;
	if (peek_content(r, &next) && starts_ci(r->t + next.off, next.len, contact_label))
		h->body_may_follow = true;
	/* An archive: maybe the fields on the next line or two, then the title. */
	if (!peek_content(r, &next) || !read_fields_line(r->t, next, vocab, out))
		return true;
	r->pos = next.next;
	if (out->ntopics == 0 && peek_content(r, &next) &&
	    read_topic_line(r->t, next, vocab, true, out))
		r->pos = next.next;
	return true;
}

static void note_content(struct header *h, struct line ln)
{
	if (!h->has_first) {
		h->first_content = ln;
		h->has_first = true;
	}
}

/* A breadcrumb that ends with the headline printed under it: "Home Washington Press
 * Releases 2011 <title>". */
static bool ends_with_line(const char *t, struct line crumb, struct line ln)
{
	return crumb.len > ln.len &&
	       memcmp(t + crumb.off + crumb.len - ln.len, t + ln.off, ln.len) == 0;
}

static struct line *run_last(struct above *a)
{
	return &a->run[(a->count - 1) % RUN_MAX];
}

/* Notes a headline-like line above the date line. */
static void note_above(struct above *a, const char *t, struct line ln)
{
	if (a->count > 0 && ends_with_line(t, *run_last(a), ln)) {
		*run_last(a) = ln; /* the breadcrumb gives way to the heading */
		a->chrome_gap = 0;
		return;
	}
	if (a->chrome_gap > 0)
		a->count = 0; /* chrome between: a new run */
	a->run[a->count % RUN_MAX] = ln;
	a->count++;
	a->chrome_gap = 0;
}

static void note_chrome(struct above *a)
{
	a->chrome_gap += a->count > 0;
}

/* Banner lines after which a topic line stands alone: the DHS banner of the
 * dhs-flag pages, the mobile search image of the ice.gov pages with share icons. */
enum { MORE_TOPIC_LINES = 2 };

static const struct literal topic_banners[] = {
        LITERAL("Report Crimes:"),
        LITERAL("mobile search image"),
};

static bool is_topic_banner(const char *t, struct line ln)
{
	for (size_t i = 0; i < COUNT(topic_banners); i++)
		if (starts_ci(t + ln.off, ln.len, topic_banners[i]))
			return true;
	return false;
}

/* Topic lines the share-icon pages print, after the first, before their icons: a
 * line is one when share icons come right after it. r is left after the last. */
static void read_more_topic_lines(struct reader *r, const struct topic_vocab *vocab,
                                  struct parsed *out)
{
	struct line next, after;
	for (int k = 0; k < MORE_TOPIC_LINES && peek_content(r, &next); k++) {
		struct reader ahead = {r->t, r->n, next.next};
		if (is_boilerplate(r->t, r->n, next) || !peek_content(&ahead, &after) ||
		    !is_icon_line(r->t + after.off, after.len) ||
		    !read_topic_line(r->t, next, vocab, false, out))
			return;
		r->pos = next.next;
	}
}

/* A line that is neither boilerplate nor a header field: a date line, a topic line
 * or header fields make the layout headed. */
static bool read_header_line(struct reader *r, struct line ln, bool banner_topics,
                             const struct topic_vocab *vocab, struct parsed *out, struct header *h)
{
	if (read_date_line(r, ln, vocab, out, h))
		return true;
	struct line next;
	if (!peek_content(r, &next))
		return false;
	if (banner_topics) {
		if (!read_topic_line(r->t, ln, vocab, false, out))
			return false;
		read_more_topic_lines(r, vocab, out);
		read_next_lone_date(r, out);
		return true;
	}
	if (!read_fields_line(r->t, ln, vocab, out))
		return false;
	/* A topic line under the title and sub-headline (a mailing list's copy). */
	h->title_above = has_above(&h->above);
	return true;
}

/* Reads the header lines and leaves r at the title. Looks no further than
 * HEADER_LINES lines and stops at the first line of body text. */
static void parse_header(struct reader *r, const struct topic_vocab *vocab, struct parsed *out,
                         struct header *h)
{
	bool topic_slot = false; /* the line after a topic banner: topics, known or not */
	struct line ln;
	memset(h, 0, sizeof *h);
	for (int k = 0; k < HEADER_LINES && next_content(r, &ln); k++) {
		if (is_boilerplate(r->t, r->n, ln) || is_topic_banner(r->t, ln)) {
			topic_slot = topic_slot || is_topic_banner(r->t, ln);
			note_chrome(&h->above);
			continue;
		}
		note_content(h, ln);
		bool banner_topics = topic_slot;
		topic_slot = false;
		if (read_header_line(r, ln, banner_topics, vocab, out, h)) {
			h->layout = LAYOUT_HEADED;
			return;
		}
		if (looks_like_body(r->t, ln))
			break;
		note_above(&h->above, r->t, ln);
	}
	bool has_first = h->has_first;
	size_t first = h->first_content.off;
	memset(h, 0, sizeof *h); /* headerless: the text starts at the title or the body */
	r->pos = has_first ? first : r->n;
}

/* ---- title, subtitle, body ------------------------------------------------------------ */

/* The next line that is neither boilerplate nor a copy of a headline already taken. */
static bool next_new_line(struct reader *r, const struct parsed *out, struct line *ln)
{
	while (next_content(r, ln)) {
		struct line title = {out->title.off, out->title.len, 0};
		struct line subtitle = {out->subtitle.off, out->subtitle.len, 0};
		if (is_boilerplate(r->t, r->n, *ln) || same_text(r->t, *ln, title) ||
		    same_text(r->t, *ln, subtitle))
			continue;
		return true;
	}
	return false;
}

/* A headline under the date line: capitalised, short, not body text. */
static bool is_headline_below(const char *t, struct line ln)
{
	char c = t[ln.off];
	return (ascii_is_upper(c) || ascii_is_digit(c) || is_high(c) || c == '"') &&
	       is_subtitle(t, ln) && !looks_like_body(t, ln);
}

/* Whether the first line under the date that is not chrome prints the title again. */
static bool repeats_title(const struct reader *r, struct line title)
{
	struct reader copy = *r;
	struct line ln;
	while (next_content(&copy, &ln))
		if (!is_boilerplate(copy.t, copy.n, ln))
			return same_text(copy.t, ln, title);
	return false;
}

/* The title printed above the date line, and its sub-headline. The line above is the
 * title when the page shows it is one: no headline follows the date (the body does:
 * cbp.gov, U.S. Attorneys), the first one repeats it (the older ice.gov pages), or
 * it is one line standing right above the date (the old cbp.gov, with a sub-headline
 * under the date). Else the headline under the date is the title, and the next its
 * sub-headline: what stood above was a menu ("Press Room" / "News Releases") or a
 * copy's masthead of two lines. Leaves r at the first body line. */
static void take_title_above(struct reader *r, const struct above *a, struct parsed *out)
{
	struct line ln, title, subtitle;
	above_title(a, &title, &subtitle);
	bool repeated = repeats_title(r, title) || (a->chrome_gap == 0 && a->count == 1);
	out->title = to_span(title.off, title.len);
	out->subtitle = to_span(subtitle.off, subtitle.len);
	if (!next_new_line(r, out, &ln))
		return;
	if (!is_headline_below(r->t, ln)) {
		r->pos = ln.off;
		return;
	}
	if (!repeated) {
		out->title = to_span(ln.off, ln.len);
		out->subtitle = (struct span){0, 0};
		if (!next_new_line(r, out, &ln))
			return;
		if (!is_headline_below(r->t, ln)) {
			r->pos = ln.off;
			return;
		}
	} else if (out->subtitle.len != 0) {
		r->pos = ln.off;
		return;
	}
	out->subtitle = to_span(ln.off, ln.len);
	if (next_new_line(r, out, &ln))
		r->pos = ln.off;
}

/* Takes the title and subtitle; leaves r at the first body line. */
static void parse_headlines(struct reader *r, const struct header *h, struct parsed *out)
{
	struct line ln;
	if (h->title_above) {
		take_title_above(r, &h->above, out);
		return;
	}
	if (!next_new_line(r, out, &ln))
		return;
	/* Under a header anything but a dateline is the title, unless a headline was
	 * printed above the header or a contact under it, and this line reads as body
	 * text. */
	bool strict = h->fallback_above || h->body_may_follow;
	bool body = h->layout == LAYOUT_HEADED && !strict ? is_dateline(r->t, ln)
	                                                  : looks_like_body(r->t, ln);
	if (body) {
		r->pos = ln.off;
		if (h->fallback_above) {
			struct line title, subtitle;
			above_title(&h->above, &title, &subtitle);
			out->title = to_span(title.off, title.len);
		}
		return;
	}
	out->title = to_span(ln.off, ln.len);
	if (!next_new_line(r, out, &ln))
		return;
	if (!is_subtitle(r->t, ln)) {
		r->pos = ln.off;
		return;
	}
	out->subtitle = to_span(ln.off, ln.len);
	if (next_new_line(r, out, &ln))
		r->pos = ln.off;
}

/* The first byte from i on that is neither white space nor a line end, or n. */
static size_t skip_blank(const char *t, size_t n, size_t i)
{
	while (i < n) {
		size_t w = t[i] == '\n' ? 1 : space_width(t, n, i);
		if (w == 0)
			break;
		i += w;
	}
	return i;
}

/* Could a footer line begin with c? Most body lines are ruled out by this alone. */
static bool footer_initial(char c)
{
	for (size_t i = 0; i < COUNT(footer_prefixes); i++)
		if (may_match_ci(c, footer_prefixes[i].s[0]))
			return true;
	return may_match_ci(c, back_to_top.s[0]);
}

/* The body runs from r to the last line before the footer. A body is most of a
 * release's lines, so they are walked by their first bytes: blank lines are
 * skipped without being found one by one, and a line is trimmed and compared only
 * when it could start the footer. */
static void parse_body(struct reader *r, struct parsed *out)
{
	const char *t = r->t;
	size_t n = r->n, start = skip_blank(t, n, r->pos), end = start;
	for (size_t pos = start; pos < n;) { /* pos: a line's first non-blank byte */
		const char *nl = memchr(t + pos, '\n', n - pos);
		size_t line_end = nl ? (size_t)(nl - t) : n;
		if (footer_initial(t[pos])) {
			struct line ln = {pos, line_end - pos, 0};
			trim(t, &ln.off, &ln.len);
			if (is_footer(t, ln))
				break;
		}
		end = line_end;
		pos = skip_blank(t, n, line_end);
	}
	size_t len = end - start;
	trim(t, &start, &len); /* the last line's trailing blanks */
	if (len)
		out->body = to_span(start, len);
}

void parse_release(const char *text, size_t len, const struct topic_vocab *vocab,
                   struct parsed *out)
{
	memset(out, 0, sizeof *out);
	if (text == NULL)
		return;
	struct reader r = {text, len > UINT32_MAX ? UINT32_MAX : len, 0};
	struct header h;
	parse_header(&r, vocab, out, &h);
	parse_headlines(&r, &h, out);
	parse_body(&r, out);
}
