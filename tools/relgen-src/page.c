#include "config.h"

/* page.c — a release's text as a page of one of the sites it was saved from: the
 * lines each layout puts above the title, the dateline and body paragraphs, and the
 * footer (see page.h). */

#include "page.h"

#include "calendar.h"
#include "expand.h"
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
		buf_str(w->out, topic_names[w->rel->topic[i]]);
	}
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

/* skip-main and skip-main-official: the current site. */
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

/* bare: the title on line 1, then the paragraphs. */
static void layout_bare(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	bool blank = chance(&w->r, 20);
	if (blank)
		w_blank(w);
	w_body(w, blank);
}

/* The release's text, UTF-8 with '\n' line ends. */
void write_release_text(struct writer *w)
{
	switch (w->rel->layout) {
	case L_SKIP:
	case L_SKIP_OFFICIAL:
		layout_skip(w);
		break;
	case L_DHS_FLAG:
		layout_dhs_flag(w);
		break;
	case L_ARCHIVE:
		layout_archive(w);
		break;
	default:
		layout_bare(w);
		break;
	}
}
