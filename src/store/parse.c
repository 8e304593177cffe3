#include "config.h"

/* parse — the layouts: where a release's header, headlines and body are (parse.h).
 * The page around a release is parse_chrome.c's, the location and topics run
 * together on a header line parse_fields.c's. */

#include "parse_private.h"

#include "relview/ascii.h"
#include "relview/date.h"

#include <string.h>

/* ---- lines ------------------------------------------------------------------------ */

struct reader {
	const char *t;
	size_t n, pos;
};

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

/* ---- line shapes ------------------------------------------------------------------ */

enum { DATELINE_REACH = 64, HEADLINE_MAX = 300, SUBTITLE_MAX = 250 };

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
	return s[0] != '-' && s[0] != '*' && !starts_bullet(s, ln.len);
}

/* ---- the header --------------------------------------------------------------------- */

/* Content lines looked at for the header: the old cbp.gov pages print two dozen lines
 * of menus and other releases' titles above their own. */
enum { HEADER_LINES = 40, OFFICE_DATE_MAX = 80 };

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
	bool headed; /* a date or topic line was read: the title comes next (else the page
	              * is bare, or body only) */
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
	return fields_look_like(t, rest) ? REST_FIELDS : REST_OTHER;
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
		if (fields_look_like(t, rest) &&
		    fields_split(t, rest, vocab, COST_UNKNOWN_TOPIC, &probe))
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
		fields_split(r->t, rest, vocab, COST_NONE, out);
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
	if (!peek_content(r, &next) || !fields_read_line(r->t, next, vocab, out))
		return true;
	r->pos = next.next;
	if (out->ntopics == 0 && peek_content(r, &next) &&
	    fields_read_topic_line(r->t, next, vocab, true, out))
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

/* The most topic lines a share-icon page prints after its first. */
enum { MORE_TOPIC_LINES = 2 };

/* Topic lines the share-icon pages print, after the first, before their icons: a
 * line is one when share icons come right after it. r is left after the last. */
static void read_more_topic_lines(struct reader *r, const struct topic_vocab *vocab,
                                  struct parsed *out)
{
	struct line next, after;
	for (int k = 0; k < MORE_TOPIC_LINES && peek_content(r, &next); k++) {
		struct reader ahead = {r->t, r->n, next.next};
		if (chrome_is_page_line(r->t, r->n, next) || !peek_content(&ahead, &after) ||
		    !chrome_is_icon_line(r->t + after.off, after.len) ||
		    !fields_read_topic_line(r->t, next, vocab, false, out))
			return;
		r->pos = next.next;
	}
}

/* A line that is neither boilerplate nor a header field: a date line, a topic line
 * or header fields make the page headed. */
static bool read_header_line(struct reader *r, struct line ln, bool banner_topics,
                             const struct topic_vocab *vocab, struct parsed *out, struct header *h)
{
	if (read_date_line(r, ln, vocab, out, h))
		return true;
	struct line next;
	if (!peek_content(r, &next))
		return false;
	if (banner_topics) {
		if (!fields_read_topic_line(r->t, ln, vocab, false, out))
			return false;
		read_more_topic_lines(r, vocab, out);
		read_next_lone_date(r, out);
		return true;
	}
	if (!fields_read_line(r->t, ln, vocab, out))
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
		bool banner = chrome_is_topic_banner(r->t, ln);
		if (banner || chrome_is_page_line(r->t, r->n, ln)) {
			topic_slot = topic_slot || banner;
			note_chrome(&h->above);
			continue;
		}
		note_content(h, ln);
		bool banner_topics = topic_slot;
		topic_slot = false;
		if (read_header_line(r, ln, banner_topics, vocab, out, h)) {
			h->headed = true;
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
		if (chrome_is_page_line(r->t, r->n, *ln) || same_text(r->t, *ln, title) ||
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
		if (!chrome_is_page_line(copy.t, copy.n, ln))
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
	bool body = h->headed && !strict ? is_dateline(r->t, ln) : looks_like_body(r->t, ln);
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
		if (chrome_may_start_footer(t[pos])) {
			struct line ln = {pos, line_end - pos, 0};
			trim(t, &ln.off, &ln.len);
			if (chrome_is_footer(t, ln))
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
