#include "config.h"

#include "relview/output.h"
#include "relview/parse.h"

#include "relview/ascii.h"
#include "relview/catalog.h"
#include "relview/date.h"
#include "relview/fold.h"
#include "relview/text.h"

#include <stdlib.h>
#include <string.h>

/* Between releases in plain text: a rule as wide as the text, at most RULE_MAX. */
#define RULE     "------------------------------------------------------------------------"
#define RULE_MAX (sizeof RULE - 1)

/* ---- TSV ---------------------------------------------------------------------- */

/* The stream is locked once for the whole list: locking it for each of a line's
 * eight pieces was about a third of listing 100k releases from the cache. */
static void put_unlocked(FILE *out, struct str s)
{
	if (s.len)
		fwrite_unlocked(s.s, 1, s.len, out);
}

void output_tsv(FILE *out, const struct catalog *cat, const uint32_t *view, size_t n)
{
	char date[11];
	flockfile(out);
	for (size_t i = 0; i < n; i++) {
		const struct release *r = &cat->releases[view[i]];
		/* Records and titles lie at random in the arena: asking for them ahead
		 * overlaps the cache misses (100k lines: 33 ms to 25 ms). */
		if (i + 16 < n)
			__builtin_prefetch(&cat->releases[view[i + 16]]);
		if (i + 8 < n)
			__builtin_prefetch(cat->releases[view[i + 8]].title.s);
		date_format_iso(r->date, date);
		fputs_unlocked(date, out);
		putc_unlocked('\t', out);
		put_unlocked(out, catalog_location(cat, r));
		putc_unlocked('\t', out);
		for (size_t t = 0; t < r->ntopics; t++) {
			if (t)
				fputs_unlocked(CATALOG_TOPIC_SEP, out);
			put_unlocked(out, catalog_topic(cat, r, t)->name);
		}
		putc_unlocked('\t', out);
		put_unlocked(out, r->title);
		putc_unlocked('\n', out);
	}
	funlockfile(out);
}

/* ---- JSON --------------------------------------------------------------------- */

static void json_string(FILE *out, const char *s, size_t len)
{
	fputc('"', out);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c < 0x20 || c == 0x7f)
			fprintf(out, "\\u%04x", c); /* cannot happen after decoding; kept safe */
		else
			putc_unlocked(c, out); /* output_json() holds the lock */
	}
	fputc('"', out);
}

static void json_str_or_null(FILE *out, struct str s)
{
	if (s.len)
		json_string(out, s.s, s.len);
	else
		fputs("null", out);
}

static void json_release(FILE *out, const struct catalog *cat, const struct release *r,
                         bool with_body)
{
	char date[11];
	date_format_iso(r->date, date);
	fputs("{\"date\":", out);
	json_str_or_null(out, (struct str){date, strlen(date)});
	fputs(",\"location\":", out); /* location and topics as printed, for scripts */
	json_str_or_null(out, r->location);
	fputs(",\"topics\":[", out);
	for (size_t t = 0; t < r->nprinted; t++) {
		struct str name = catalog_topic_printed(cat, r, t);
		fputs(t ? "," : "", out);
		json_string(out, name.s, name.len);
	}
	fputs("],\"place\":", out); /* the facets the list, filters and --stats use */
	json_str_or_null(out, catalog_location(cat, r));
	fputs(",\"topic_facets\":[", out);
	for (size_t t = 0; t < r->ntopics; t++) {
		struct str name = catalog_topic(cat, r, t)->name;
		fputs(t ? "," : "", out);
		json_string(out, name.s, name.len);
	}
	fputs("],\"title\":", out);
	json_string(out, r->title.s, r->title.len);
	fputs(",\"subtitle\":", out);
	json_str_or_null(out, r->subtitle);
	fputs(",\"source\":", out);
	json_string(out, cat->inputs[r->input], strlen(cat->inputs[r->input]));
	fputs(",\"entry\":", out);
	json_str_or_null(out, (struct str){r->entry, r->entry ? strlen(r->entry) : 0});
	fprintf(out, ",\"bytes\":%zu", r->body.len);
	if (with_body) {
		fputs(",\"body\":", out);
		json_string(out, r->body.s, r->body.len);
	}
	fputs("}\n", out);
}

void output_json(FILE *out, const struct catalog *cat, const uint32_t *view, size_t n,
                 bool with_body)
{
	flockfile(out); /* once, not for every character (see output_tsv) */
	for (size_t i = 0; i < n; i++)
		json_release(out, cat, &cat->releases[view[i]], with_body);
	funlockfile(out);
}

/* ---- one release as text ------------------------------------------------------ */

/* Wrap s at width columns, each line after `indent` (written before every line but
 * the first, which the caller has begun); width 0: s is one line, unwrapped. */
static void put_wrapped(FILE *out, struct str s, size_t width, const char *indent)
{
	size_t pos = 0, cols = width > strlen(indent) ? width - strlen(indent) : 1;
	bool first = true;
	if (!width) {
		fprintf(out, "%.*s\n", (int)s.len, s.s);
		return;
	}
	while (pos < s.len) {
		size_t next, len = text_wrap_line(s.s + pos, s.len - pos, cols, &next);
		fprintf(out, "%s%.*s\n", first ? "" : indent, (int)len, s.s + pos);
		first = false;
		pos += next;
	}
}

static void header_field(FILE *out, const char *label, struct str value, size_t width)
{
	if (!value.len)
		return;
	fprintf(out, "%-10s", label);
	put_wrapped(out, value, width, "          ");
}

static void put_topics(FILE *out, const struct catalog *cat, const struct release *r, size_t width)
{
	size_t len = catalog_join_printed_topics(cat, r, NULL, 0); /* the release as printed */
	char *joined = malloc(len + 1);
	if (!joined)
		return;
	catalog_join_printed_topics(cat, r, joined, len);
	header_field(out, "Topics:", (struct str){joined, len}, width);
	free(joined);
}

static void put_source(FILE *out, const struct catalog *cat, const struct release *r, size_t width)
{
	const char *input = cat->inputs[r->input];
	size_t len = strlen(input) + (r->entry ? strlen(r->entry) + 2 : 0);
	char *both = malloc(len + 1);
	if (!both)
		return;
	snprintf(both, len + 1, "%s%s%s", input, r->entry ? ": " : "", r->entry ? r->entry : "");
	header_field(out, "Source:", (struct str){both, len}, width);
	free(both);
}

static void put_body(FILE *out, struct str body, size_t width)
{
	struct str para;
	for (size_t pos = 0, n = 0; release_next_paragraph(body, &pos, &para); n++) {
		fputs(n ? "\n" : "", out);
		put_wrapped(out, para, width, "");
	}
}

void output_release(FILE *out, const struct catalog *cat, const struct release *r, size_t width)
{
	char date[11];
	date_format_iso(r->date, date);
	put_wrapped(out, r->title, width, "");
	if (r->subtitle.len)
		put_wrapped(out, r->subtitle, width, "");
	fputc('\n', out);
	header_field(out, "Date:", (struct str){date, strlen(date)}, width);
	header_field(out, "Location:", r->location, width);
	put_topics(out, cat, r, width);
	put_source(out, cat, r, width);
	if (r->body.len) {
		fputc('\n', out);
		put_body(out, r->body, width);
	}
}

void output_releases_part(FILE *out, const struct catalog *cat, const uint32_t *view, size_t first,
                          size_t end, size_t width)
{
	for (size_t i = first; i < end; i++) {
		if (i)
			fprintf(out, "\n%.*s\n\n",
			        (int)(width && width < RULE_MAX ? width : RULE_MAX), RULE);
		output_release(out, cat, &cat->releases[view[i]], width);
	}
}

/* ---- Markdown ------------------------------------------------------------------ */

/* Text as Markdown shows it: every character Markdown could take for markup is
 * escaped, and so is what would start a list or a heading at a paragraph's start. */
static void md_text(FILE *out, struct str s, bool starts_block)
{
	size_t i = 0;
	if (starts_block && s.len) {
		size_t digits = strspn(s.s, "0123456789");
		if (s.s[0] == '-' || s.s[0] == '+' || s.s[0] == '=')
			fputc('\\', out);
		else if (digits && digits < s.len && (s.s[digits] == '.' || s.s[digits] == ')')) {
			fwrite(s.s, 1, digits, out);
			fputc('\\', out);
			i = digits;
		}
	}
	for (; i < s.len; i++) {
		if (strchr("\\`*_[]<>#|~!", s.s[i]))
			fputc('\\', out);
		fputc(s.s[i], out);
	}
}

static void md_field(FILE *out, const char *label, struct str value)
{
	if (!value.len)
		return;
	fprintf(out, "- **%s** ", label);
	md_text(out, value, false);
	fputc('\n', out);
}

static void md_release(FILE *out, const struct catalog *cat, const struct release *r)
{
	char date[11];
	date_format_iso(r->date, date);
	fputs("# ", out);
	md_text(out, r->title, false);
	fputs("\n\n", out);
	if (r->subtitle.len) {
		fputc('*', out);
		md_text(out, r->subtitle, false);
		fputs("*\n\n", out);
	}
	md_field(out, "Date:", (struct str){date, strlen(date)});
	md_field(out, "Location:", r->location);
	/* One field, the topics joined as the reader's header joins them. */
	char topics[PARSE_MAX_TOPICS * 168];
	size_t len = catalog_join_printed_topics(cat, r, topics, sizeof topics);
	md_field(out, "Topics:", (struct str){topics, len < sizeof topics ? len : sizeof topics});
	const char *input = cat->inputs[r->input];
	md_field(out, "Source:", (struct str){input, strlen(input)});
	md_field(out, "Entry:", (struct str){r->entry, r->entry ? strlen(r->entry) : 0});
	struct str para;
	for (size_t pos = 0; release_next_paragraph(r->body, &pos, &para);) {
		fputc('\n', out);
		md_text(out, para, true);
		fputc('\n', out);
	}
}

void output_markdown_part(FILE *out, const struct catalog *cat, const uint32_t *view, size_t first,
                          size_t end)
{
	for (size_t i = first; i < end; i++) {
		fputs(i ? "\n---\n\n" : "", out);
		md_release(out, cat, &cat->releases[view[i]]);
	}
}

/* ---- stats -------------------------------------------------------------------- */

struct tally {
	struct str name;
	uint64_t count;
	bool none; /* the releases without the field: "(none)", "undated" */
};

static int compare_names(struct str a, struct str b)
{
	int c = memcmp(a.s, b.s, a.len < b.len ? a.len : b.len);
	return c ? c : (a.len > b.len) - (a.len < b.len);
}

static int by_count_then_name(const void *pa, const void *pb)
{
	const struct tally *a = pa, *b = pb;
	if (a->count != b->count)
		return a->count < b->count ? 1 : -1;
	return compare_names(a->name, b->name);
}

static int by_name(const void *pa, const void *pb)
{
	const struct tally *a = pa, *b = pb;
	return compare_names(a->name, b->name);
}

/* How --stats writes: as text for a reader, or as one JSON object for scripts. */
struct stats_out {
	FILE *out;
	bool json;
};

/* The non-zero tallies under a heading (text) or as a member of the object
 * (JSON: "key":[{"name":..., "count":N}, ...], the releases without one named
 * null), sorted as asked. */
static void put_tallies(const struct stats_out *so, const char *heading, const char *key,
                        struct tally *t, size_t n, int (*order)(const void *, const void *))
{
	FILE *out = so->out;
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (t[i].count)
			t[kept++] = t[i];
	qsort(t, kept, sizeof *t, order);
	if (so->json)
		fprintf(out, ",\"%s\":[", key);
	else
		fprintf(out, "\n%s\n", heading);
	for (size_t i = 0; i < kept; i++) {
		if (!so->json) {
			fprintf(out, "%8llu  %.*s\n", (unsigned long long)t[i].count,
			        (int)t[i].name.len, t[i].name.s);
			continue;
		}
		fputs(i ? ",{\"name\":" : "{\"name\":", out);
		struct str none = {0}; /* a compound literal in ?: is beyond cppcheck 2.10 */
		json_str_or_null(out, t[i].none ? none : t[i].name);
		fprintf(out, ",\"count\":%llu}", (unsigned long long)t[i].count);
	}
	if (so->json)
		fputc(']', out);
}

/* One tally per facet, plus a last one for releases without that field. */
static struct tally *facet_tallies(const struct facet_set *set)
{
	struct tally *t = calloc(set->count + 1, sizeof *t);
	for (size_t i = 0; t && i < set->count; i++)
		t[i].name = set->items[i].name;
	if (t)
		t[set->count] = (struct tally){.name = {"(none)", 6}, .none = true};
	return t;
}

static void stats_topics(const struct stats_out *so, const struct catalog *cat,
                         const uint32_t *view, size_t n)
{
	struct tally *t = facet_tallies(&cat->topics);
	if (!t)
		return;
	for (size_t i = 0; i < n; i++) {
		const struct release *r = &cat->releases[view[i]];
		for (size_t k = 0; k < r->ntopics; k++)
			t[cat->topic_refs[r->topic_first + k]].count++;
		t[cat->topics.count].count += r->ntopics == 0;
	}
	put_tallies(so, "By topic:", "topics", t, cat->topics.count + 1, by_count_then_name);
	free(t);
}

static void stats_locations(const struct stats_out *so, const struct catalog *cat,
                            const uint32_t *view, size_t n)
{
	struct tally *t = facet_tallies(&cat->locations);
	if (!t)
		return;
	for (size_t i = 0; i < n; i++) {
		uint32_t id = cat->releases[view[i]].location_id;
		t[id == FACET_NONE ? cat->locations.count : id].count++;
	}
	put_tallies(so, "By location:", "locations", t, cat->locations.count + 1,
	            by_count_then_name);
	free(t);
}

static void stats_years(const struct stats_out *so, const struct catalog *cat, const uint32_t *view,
                        size_t n)
{
	enum { YEARS = DATE_MAX_YEAR - DATE_MIN_YEAR + 1 };
	static const char undated[] = "undated";
	struct tally t[YEARS + 1];
	char names[YEARS][12]; /* room for any int: the compiler cannot see the year range */
	for (int y = 0; y < YEARS; y++) {
		snprintf(names[y], sizeof names[y], "%04d", DATE_MIN_YEAR + y);
		t[y] = (struct tally){{names[y], 4}, 0, false};
	}
	t[YEARS] = (struct tally){{undated, sizeof undated - 1}, 0, true};
	for (size_t i = 0; i < n; i++) {
		uint32_t d = cat->releases[view[i]].date;
		t[d ? date_year(d) - DATE_MIN_YEAR : YEARS].count++;
	}
	put_tallies(so, "By year:", "years", t, YEARS + 1, by_name);
}

void output_stats(FILE *out, const struct catalog *cat, const uint32_t *view, size_t n, bool json)
{
	const struct stats_out so = {out, json};
	/* Copies are not problems, but a count that fell short of the entries read
	 * deserves its reason. Which release a copy was merged into is not kept, so the
	 * count is said only of the whole catalog: not when a filter left some out. */
	unsigned long long merged = n == cat->count ? (unsigned long long)cat->duplicates : 0;
	if (json) {
		fprintf(out, "{\"releases\":%zu,\"copies_merged\":%llu", n, merged);
	} else {
		fprintf(out, "%zu release%s\n", n, n == 1 ? "" : "s");
		if (merged)
			fprintf(out, "%llu identical cop%s merged\n", merged,
			        merged == 1 ? "y" : "ies");
	}
	stats_topics(&so, cat, view, n);
	stats_locations(&so, cat, view, n);
	stats_years(&so, cat, view, n);
	if (json)
		fputs("}\n", out);
}

/* ---- a file name --------------------------------------------------------------- */

/* Bytes of the title's words in the name: whole words while there is room. */
#define FILE_NAME_TITLE_MAX 16

struct words {
	char *out;
	size_t len, max;
	size_t word; /* where the word being built starts */
	bool gap;    /* a separator since the last letter */
};

/* One letter more; false when it does not fit: a word cut short is taken back
 * (but the first, which is cut). */
static bool add_letter(struct words *w, char c)
{
	if (w->gap && w->len) {
		if (w->len + 2 > w->max)
			return false;
		w->out[w->len++] = '-';
		w->word = w->len;
	}
	w->gap = false;
	if (w->len < w->max) {
		w->out[w->len++] = ascii_lower(c);
		return true;
	}
	if (w->word > 0)
		w->len = w->word - 1; /* without the '-' */
	return false;
}

/* The title as lower-case ASCII words joined by '-', accents set aside ("Mayagüez":
 * mayaguez), an apostrophe inside a word dropped ("ICE's": ices); at most max bytes.
 * No '/', no '.', no control byte, never a leading '-'. */
static size_t title_words(struct str title, char *out, size_t max)
{
	struct words w = {.out = out, .max = max};
	for (size_t i = 0; i < title.len;) {
		uint32_t cp = text_next_cp(title.s, title.len, &i), folded[FOLD_MAX];
		if (cp == '\'' || cp == 0x2019)
			continue;
		size_t k = fold_char(cp, FOLD_CASE | FOLD_ACCENTS, folded);
		for (size_t j = 0; j < k; j++) {
			char c = folded[j] < 0x80 ? (char)folded[j] : '\0';
			if (!ascii_is_alpha(c) && !ascii_is_digit(c))
				w.gap = true;
			else if (!add_letter(&w, c))
				return w.len;
		}
	}
	return w.len;
}

void output_file_name(const struct release *r, const char *ext, char *out, size_t size)
{
	size_t ext_len = strlen(ext);
	if (size < ext_len + sizeof "release") {
		if (size)
			out[0] = '\0';
		return;
	}
	size_t len = 0, cap = size - ext_len - 1; /* the name's bytes at most */
	if (r->date && cap > 11) {
		date_format_iso(r->date, out);
		len = strlen(out);
	}
	char words[FILE_NAME_TITLE_MAX];
	size_t room = cap - len - (len ? 1 : 0);
	size_t n = title_words(r->title, words, room < sizeof words ? room : sizeof words);
	if (n && len)
		out[len++] = '-';
	memcpy(out + len, words, n);
	len += n;
	if (!len)
		len = (size_t)snprintf(out, cap + 1, "release");
	snprintf(out + len, size - len, "%s", ext);
}
