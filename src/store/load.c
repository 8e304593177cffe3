#include "config.h"

#include "relview/load.h"

#include "relview/ascii.h"
#include "relview/cache.h"
#include "relview/catalog.h"
#include "relview/grow.h"
#include "relview/hash.h"
#include "relview/parse.h"
#include "relview/sandbox.h"
#include "relview/text.h"
#include "relview/topics.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fallback title longer than this is cut at a word boundary. */
#define FALLBACK_TITLE_MAX 100

struct loader {
	struct catalog *cat;
	const struct load_options *opt;
	struct load_counts *counts;
	int input_id;
	const char *input_name;   /* sanitised */
	uint64_t problems;        /* in this input */
	uint64_t inflated_before; /* by the inputs before this one, for progress */
	bool keep;                /* keep the problems, for the cache */
	bool unclean;             /* a release was lost to a failure of memory here */
	struct cache_problem *kept;
	size_t nkept, kept_cap;
};

/* Remember a problem for the cache; a copy that fails to be made costs the cache. */
static void keep_problem(struct loader *l, const char *path, const char *reason)
{
	if (!grow_array((void **)&l->kept, &l->kept_cap, l->nkept + 1, sizeof *l->kept)) {
		l->keep = false;
		return;
	}
	struct cache_problem *p = &l->kept[l->nkept];
	*p = (struct cache_problem){path ? strdup(path) : NULL, strdup(reason)};
	if ((path && !p->path) || !p->reason)
		l->keep = false;
	l->nkept++;
}

/* A reason as a line says it: a library's message may end in a line break (some of
 * libarchive's do), which would be shown as a stand-in. */
static char *clean_reason(const char *reason)
{
	size_t n = strlen(reason);
	while (n && ascii_is_space(reason[n - 1]))
		n--;
	char *line = strndup(reason, n);
	char *clean = line ? text_clean_name(line) : NULL;
	free(line);
	return clean;
}

static void report(struct loader *l, const char *path, const char *reason)
{
	if (l->keep)
		keep_problem(l, path, reason ? reason : "unknown error");
	if (l->opt->progress)
		atomic_fetch_add(&l->opt->progress->problems, 1);
	if (++l->problems > LOAD_PROBLEMS_SHOWN)
		return;
	char *entry = path ? text_clean_name(path) : NULL;
	char *why = clean_reason(reason ? reason : "unknown error");
	fprintf(l->opt->errors, "relview: %s: %s%s%s\n", l->input_name, entry ? entry : "",
	        entry ? ": " : "", why ? why : "");
	free(entry);
	free(why);
}

static void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct loader *l = ctx;
	(void)path;
	if (!l->opt->progress)
		return;
	if (inflated == SOURCE_SIZE) { /* a folder's size, once it is walked */
		atomic_store(&l->opt->progress->size, consumed);
		return;
	}
	atomic_store(&l->opt->progress->consumed, consumed);
	atomic_store(&l->opt->progress->inflated, l->inflated_before + inflated);
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

/* A release the catalog could not take: said, and the input's result not cached. */
static void lost_to_memory(struct loader *l, const char *path)
{
	l->unclean = true;
	report(l, path, "out of memory");
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
	char *entry = e->path ? text_clean_name(e->path) : NULL;
	if (!text || (e->path && !entry)) {
		lost_to_memory(l, e->path);
		free(entry);
		return;
	}
	size_t len = text_decode(e->data, e->len, text, TEXT_KEEP_NEWLINES);
	struct parsed p;
	parse_release(text, len, l->opt->vocab, &p);
	struct str fallback = {NULL, 0};
	if (!p.title.len)
		fallback = fallback_title(text, len, &p, entry ? entry : l->input_name);
	uint64_t copies = l->cat->duplicates;
	if (catalog_commit(l->cat, len, &p, l->input_id, e->ordinal, entry, fallback)) {
		l->counts->releases++;
		if (l->opt->progress)
			atomic_fetch_add(&l->opt->progress->releases, 1);
	} else if (l->cat->duplicates > copies) {
		l->counts->duplicates++;
	} else { /* not kept, and not a copy */
		lost_to_memory(l, e->path);
	}
	free(entry);
}

static void replay(void *ctx, const char *path, const char *reason)
{
	report(ctx, path, reason);
}

/* What decides the parse besides the bundle itself: the parser's version, the
 * vocabulary and the limits. */
static uint64_t parse_salt(const struct load_options *opt)
{
	const struct source_limits *lim = &opt->limits;
	uint64_t version = opt->parse_version ? opt->parse_version : PARSE_VERSION;
	return XXH3_64bits(&version, sizeof version) ^ topic_vocab_signature(opt->vocab) ^
	       (lim->max_entry_bytes * 31 + lim->max_total_bytes) ^ (lim->max_entries << 20) ^
	       (lim->max_ratio << 40);
}

static void counts_since(const struct load_counts *now, const struct load_counts *before,
                         struct load_counts *mine)
{
	*mine = (struct load_counts){
	        .source = {.entries = now->source.entries - before->source.entries,
	                   .other = now->source.other - before->source.other,
	                   .problems = now->source.problems - before->source.problems,
	                   .bytes = now->source.bytes - before->source.bytes},
	        .releases = now->releases - before->releases,
	        .duplicates = now->duplicates - before->duplicates,
	        .empty = now->empty - before->empty,
	        .binary = now->binary - before->binary,
	};
}

/* A new input for whoever watches: none of it read yet, of its size (0: not known),
 * whether it comes from the cache or is read. */
static void progress_begin(struct loader *l, const char *input)
{
	struct load_progress *progress = l->opt->progress;
	struct stat st;
	if (!progress)
		return;
	l->inflated_before = atomic_load(&progress->inflated);
	atomic_store(&progress->consumed, 0);
	atomic_store(&progress->size,
	             stat(input, &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0);
}

/* Read the input itself; with a key, cache what it gave — only when it is all the
 * input holds, the same at every read: its readers said they read it completely
 * (source.h), nothing failed here for want of memory, no release was dropped as a
 * copy of another input's (that result depends on more than this input), and the
 * input is still what the key was made of. */
static bool read_input(struct loader *l, const char *input, const struct cache_key *key)
{
	struct load_counts before = *l->counts;
	uint64_t foreign = l->cat->foreign_duplicates;
	struct load_progress *progress = l->opt->progress;
	struct source_handler h = {.ctx = l,
	                           .entry = on_entry,
	                           .problem = on_problem,
	                           .progress = on_progress,
	                           .cancel = progress ? &progress->cancel : NULL};
	l->keep = key != NULL;
	l->unclean = false;
	bool ok = sandbox_read(input, &l->opt->limits, &h, &l->counts->source);
	bool cancelled = progress && atomic_load(&progress->cancel);
	bool complete = l->counts->source.complete > before.source.complete && !l->unclean;
	if (l->keep && complete && !cancelled && l->cat->foreign_duplicates == foreign &&
	    cache_key_holds(input, parse_salt(l->opt), key)) {
		struct load_counts mine;
		counts_since(l->counts, &before, &mine);
		cache_store(l->opt->cache_dir, key, l->cat, l->input_id, l->kept, l->nkept, &mine,
		            l->opt->cache_max_bytes);
	}
	for (size_t i = 0; i < l->nkept; i++) {
		free(l->kept[i].path);
		free(l->kept[i].reason);
	}
	free(l->kept);
	l->keep = false;
	return ok;
}

/* "-" is standard input, as for cat and less; a file of that name is ./- */
static const char *path_of(const char *input)
{
	return strcmp(input, "-") == 0 ? "/dev/stdin" : input;
}

/* The terminal, named as an input (standard input left on it, /dev/tty): the reader
 * takes its keys there, and reading it would take them from the user. A FIFO is
 * not opened to be told apart (its writer would see a reader come and go). */
static bool is_a_terminal(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISCHR(st.st_mode))
		return false;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	bool tty = fd >= 0 && isatty(fd);
	if (fd >= 0)
		close(fd);
	return tty;
}

bool load_input(struct catalog *cat, const char *input, const struct load_options *opt,
                struct load_counts *counts)
{
	char *name = text_clean_name(input);
	input = path_of(input);
	if (opt->keys_from_terminal && is_a_terminal(input)) {
		fprintf(opt->errors,
		        "relview: %s: the terminal, where the reader takes its keys; not read "
		        "(give a file or a pipe)\n",
		        name ? name : input);
		counts->source.problems++;
		if (opt->progress)
			atomic_fetch_add(&opt->progress->problems, 1);
		free(name);
		return false;
	}
	struct loader l = {
	        .cat = cat, .opt = opt, .counts = counts, .input_id = -1, .input_name = name};
	uint64_t before = counts->releases, copies = cat->duplicates;
	uint64_t merged = 0;
	catalog_use_vocab(cat, opt->vocab); /* topics fold into facets by its names */
	bool ok = false;
	if (name && (l.input_id = catalog_add_input(cat, name)) >= 0) {
		progress_begin(&l, input);
		struct cache_key key;
		bool cacheable = opt->cache_dir && cache_key_make(input, parse_salt(opt), &key);
		ok = (cacheable &&
		      cache_load(opt->cache_dir, &key, cat, l.input_id, replay, &l, counts)) ||
		     read_input(&l, input, cacheable ? &key : NULL);
		if (cacheable)
			cache_key_free(&key);
		bool cancelled = opt->progress && atomic_load(&opt->progress->cancel);
		/* An input whose every release was already in (another input holds the
		 * same) was read well: no problem, only copies merged. */
		merged = cat->duplicates - copies;
		if (counts->releases == before && merged == 0 && l.problems == 0 && !cancelled)
			report(&l, NULL, "no releases found");
		if (l.problems > LOAD_PROBLEMS_SHOWN)
			fprintf(opt->errors, "relview: %s: %llu more problems not shown\n", name,
			        (unsigned long long)(l.problems - LOAD_PROBLEMS_SHOWN));
	} else {
		fprintf(opt->errors, "relview: %s: out of memory\n", name ? name : input);
	}
	free(name);
	return ok && (counts->releases > before || merged > 0);
}
