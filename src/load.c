#include "config.h"

#include "relview/load.h"

#include "relview/catalog.h"
#include "relview/parse.h"
#include "relview/sandbox.h"
#include "relview/text.h"

#include <stdlib.h>
#include <string.h>

/* A fallback title longer than this is cut at a word boundary. */
#define FALLBACK_TITLE_MAX 100

struct loader {
	struct catalog *cat;
	const struct load_options *opt;
	struct load_counts *counts;
	int input_id;
	const char *input_name; /* sanitised */
	uint64_t problems;      /* in this input */
};

char *load_clean_name(const char *raw)
{
	size_t n = strlen(raw);
	char *clean = malloc(text_decoded_max(n) + 1);
	if (clean)
		clean[text_decode(raw, n, clean, 0)] = '\0';
	return clean;
}

static void report(struct loader *l, const char *path, const char *reason)
{
	if (++l->problems > LOAD_PROBLEMS_SHOWN)
		return;
	char *entry = path ? load_clean_name(path) : NULL;
	char *why = load_clean_name(reason ? reason : "unknown error");
	fprintf(l->opt->errors, "relview: %s: %s%s%s\n", l->input_name, entry ? entry : "",
	        entry ? ": " : "", why ? why : "");
	free(entry);
	free(why);
}

static void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	report(ctx, path, reason);
}

static struct str first_line(const char *s, size_t n)
{
	while (n && (*s == '\n' || *s == ' '))
		s++, n--;
	const char *nl = memchr(s, '\n', n);
	size_t len = nl ? (size_t)(nl - s) : n;
	while (len && s[len - 1] == ' ')
		len--;
	if (len > FALLBACK_TITLE_MAX) {
		size_t cut = FALLBACK_TITLE_MAX;
		while (cut > FALLBACK_TITLE_MAX / 2 && s[cut] != ' ')
			cut--;
		len = s[cut] == ' ' ? cut : FALLBACK_TITLE_MAX;
		/* never end inside a UTF-8 sequence */
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	return (struct str){s, len};
}

/* The file's base name without its extension. */
static struct str name_title(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	return (struct str){base, len};
}

/* What a release is listed under when the parser found no headline: the first
 * meaningful line of its body or text, else its file name. */
static struct str fallback_title(const char *text, size_t len, const struct parsed *p,
                                 const char *name)
{
	struct str line = {NULL, 0};
	if (p->body.len)
		line = first_line(text + p->body.off, p->body.len);
	if (!line.len)
		line = first_line(text, len);
	return line.len ? line : name_title(name);
}

static void on_entry(void *ctx, const struct source_entry *e)
{
	struct loader *l = ctx;
	if (e->len == 0) {
		l->counts->empty++;
		return;
	}
	if (text_looks_binary(e->data, e->len)) {
		l->counts->binary++;
		if (!e->path) /* a file named on the command line deserves a word */
			report(l, NULL, "not an archive or a text file");
		return;
	}
	char *text = catalog_reserve(l->cat, text_decoded_max(e->len));
	char *entry = e->path ? load_clean_name(e->path) : NULL;
	if (!text || (e->path && !entry)) {
		report(l, e->path, "out of memory");
		free(entry);
		return;
	}
	size_t len = text_decode(e->data, e->len, text, TEXT_KEEP_NEWLINES);
	struct parsed p;
	parse_release(text, len, l->opt->vocab, &p);
	struct str fallback = {NULL, 0};
	if (!p.title.len)
		fallback = fallback_title(text, len, &p, entry ? entry : l->input_name);
	if (catalog_commit(l->cat, len, &p, l->input_id, entry, fallback))
		l->counts->releases++;
	free(entry);
}

bool load_input(struct catalog *cat, const char *input, const struct load_options *opt,
                struct load_counts *counts)
{
	char *name = load_clean_name(input);
	struct loader l = {cat, opt, counts, -1, name, 0};
	uint64_t before = counts->releases;
	bool ok = false;
	if (name && (l.input_id = catalog_add_input(cat, name)) >= 0) {
		struct source_handler h = {&l, on_entry, on_problem, NULL};
		ok = sandbox_read(input, &opt->limits, &h, &counts->source);
		if (counts->releases == before && l.problems == 0)
			report(&l, NULL, "no releases found");
		if (l.problems > LOAD_PROBLEMS_SHOWN)
			fprintf(opt->errors, "relview: %s: %llu more problems not shown\n", name,
			        (unsigned long long)(l.problems - LOAD_PROBLEMS_SHOWN));
	} else {
		fprintf(opt->errors, "relview: %s: out of memory\n", name ? name : input);
	}
	free(name);
	return ok && counts->releases > before;
}
