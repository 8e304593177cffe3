/* relview — a fast, keyboard-driven terminal reader for archives of press releases.
 *
 * main wires the pieces: configuration file, then command line over it → the
 * terminal reader, open at once while every input loads into one catalog behind it,
 * or (for --list, --print, --stats, or when stdout is not a terminal) load every
 * input → sort → filter into a view → one renderer of that view. */
#include "config.h"

#include "relview/app.h"
#include "relview/browse.h"
#include "relview/cache.h"
#include "relview/catalog.h"
#include "relview/cli.h"
#include "relview/config.h"
#include "relview/facetname.h"
#include "relview/feed.h"
#include "relview/keys.h"
#include "relview/load.h"
#include "relview/order.h"
#include "relview/output.h"
#include "relview/query.h"
#include "relview/sandbox.h"
#include "relview/state.h"
#include "relview/term.h"
#include "relview/text.h"
#include "relview/theme.h"
#include "relview/topics.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define DEFAULT_WIDTH 80

static size_t terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 10)
		return ws.ws_col;
	return DEFAULT_WIDTH;
}

/* What the configuration file and the command line make of relview. */
struct settings {
	struct config config;
	struct keymap keymap;
	struct theme theme;
	char path[PATH_MAX]; /* the configuration file; "" when there is none */
	struct ini_report report;
};

/* The configuration file, then the command line over it; false (after saying so)
 * when an option's value is no setting's. An absent default file is no mistake: the
 * defaults apply. */
static bool load_config(struct settings *s, struct cli *cli)
{
	config_defaults(&s->config);
	s->report = (struct ini_report){.out = stderr};
	if (cli->config_path)
		snprintf(s->path, sizeof s->path, "%s", cli->config_path);
	else if (!config_default_path(s->path, sizeof s->path) || access(s->path, F_OK) != 0)
		s->path[0] = '\0';
	if (s->path[0])
		config_load(&s->config, s->path, &s->report);
	if (cli_apply_settings(cli, &s->config) != CLI_RUN)
		return false;
	if (!cli->width && s->config.wrap) /* --print: --width, else wrap as far as it fits */
		cli->width = s->config.wrap < terminal_width() ? s->config.wrap : terminal_width();
	keymap_build(&s->keymap, s->config.keys);
	return true;
}

/* The theme the configuration or --theme names; a mistake in it is warned about like
 * one in the configuration, and the default theme stands in for one not found. */
static void load_theme(struct settings *s)
{
	struct theme_dirs dirs;
	char path[PATH_MAX];
	theme_dirs(&dirs);
	if (theme_find(&dirs, s->config.theme, path, sizeof path)) {
		theme_load(&s->theme, path, &s->report);
		return;
	}
	theme_default(&s->theme);
	if (strcmp(s->config.theme, "default") != 0) {
		fprintf(stderr,
		        "relview: theme '%s' not found (relview --list-themes); the "
		        "default theme is used\n",
		        s->config.theme);
		s->report.count++;
	}
}

/* The key bindings as a table: "# context", then action, keys and help a line. */
static void print_keys(const struct keymap *map)
{
	for (int c = KEYS_VIEW; c <= KEYS_PROMPT; c++) {
		printf("%s# %s\n", c == KEYS_VIEW ? "" : "\n", keys_context_name[c]);
		for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
			if (key_table[a].context != (enum key_context)c)
				continue;
			char keys[200], name[64];
			keymap_describe(map, (enum action)a, ", ", keys, sizeof keys);
			snprintf(name, sizeof name, "%s", key_table[a].name);
			for (char *p = name; *p; p++)
				*p = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
			printf("%s\t%s\t%s\n", name, keys[0] ? keys : "none", key_table[a].help);
		}
	}
}

/* --check-config: every problem said, and the exit status tells. */
static int check_config(struct settings *s)
{
	load_theme(s);
	if (s->report.count) {
		fprintf(stderr, "relview: %u problem%s in the configuration\n", s->report.count,
		        s->report.count == 1 ? "" : "s");
		return EXIT_FAILURE;
	}
	if (s->path[0])
		printf("%s: no problems\n", s->path);
	else
		printf("no configuration file: the defaults apply\n");
	return EXIT_SUCCESS;
}

/* --cache-info, or --clear-cache (clear). */
static int show_cache(const struct config *config, bool clear)
{
	char *dir = cache_dir();
	if (!dir) {
		fprintf(stderr, "relview: no cache: neither XDG_CACHE_HOME nor HOME is set\n");
		return EXIT_FAILURE;
	}
	bool ok = true;
	if (clear)
		ok = cache_clear(stdout, stderr, dir);
	else
		cache_info(stdout, dir, config->cache_max_bytes);
	free(dir);
	return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* The modes that need no input. */
static int run_settings_mode(const struct cli *cli, struct settings *s)
{
	struct theme_dirs dirs;
	switch (cli->mode) {
	case CLI_LIST_THEMES:
		theme_dirs(&dirs);
		theme_list(&dirs, stdout);
		break;
	case CLI_CHECK_CONFIG:
		return check_config(s);
	case CLI_DUMP_CONFIG:
		config_dump(&s->config, stdout);
		break;
	case CLI_HELP_KEYS:
		print_keys(&s->keymap);
		break;
	case CLI_CACHE_INFO:
	case CLI_CLEAR_CACHE:
		return show_cache(&s->config, cli->mode == CLI_CLEAR_CACHE);
	default:
		break;
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* How the inputs are read: the configuration's limits, the cache unless --no-cache
 * (*dir is the cache folder, to be freed), problems to `errors`. */
static struct load_options load_options_for(const struct cli *cli, const struct topic_vocab *vocab,
                                            const struct config *config, FILE *errors, char **dir)
{
	struct load_options opt = {
	        .limits = SOURCE_DEFAULT_LIMITS,
	        .vocab = vocab,
	        .errors = errors,
	        .cache_max_bytes = config->cache_max_bytes,
	};
	opt.limits.max_entry_bytes = config->max_entry_bytes;
	opt.limits.max_total_bytes = config->max_total_bytes;
	opt.cache_dir = *dir = cli->no_cache ? NULL : cache_dir();
	return opt;
}

/* Load every input; false (after saying so) when no release could be read at all. */
static bool load_all(struct catalog *cat, const struct cli *cli, const struct topic_vocab *vocab,
                     const struct config *config)
{
	char *dir;
	struct load_options opt = load_options_for(cli, vocab, config, stderr, &dir);
	struct load_counts counts = {0};
	for (size_t i = 0; i < cli->ninputs; i++)
		load_input(cat, cli->inputs[i], &opt, &counts);
	sandbox_release(); /* the reading child kept for another input */
	free(dir);
	if (cat->count == 0) {
		fprintf(stderr, "relview: no releases could be read\n");
		return false;
	}
	return true;
}

/* A --topic or --location value that names nothing read leaves a list empty, or
 * short, for a reason worth a line (a misspelling, a topic the bundles lack). */
static void say_unmatched(const struct catalog *cat, const struct query *q)
{
	const struct {
		const char *option, *what;
		const char *const *values;
		size_t count;
		const struct facet_set *set;
		facetname_test test;
	} kinds[] = {
	        {"topic", "topic", q->topics, q->ntopics, &cat->topics, facetname_topic_matches},
	        {"location", "place", q->locations, q->nlocations, &cat->locations,
	         facetname_location_matches},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
		for (size_t i = 0; i < kinds[k].count; i++) {
			if (facetname_names_any(kinds[k].set, kinds[k].values[i], kinds[k].test))
				continue;
			char *clean = text_clean_name(kinds[k].values[i]);
			fprintf(stderr,
			        "relview: --%s=%s: no %s of the releases read matches (--stats "
			        "lists them)\n",
			        kinds[k].option, clean ? clean : "?", kinds[k].what);
			free(clean);
		}
}

static int render(const struct cli *cli, const struct catalog *cat, const uint32_t *view, size_t n)
{
	switch (cli->mode) {
	case CLI_PRINT:
		if (cli->print_index > n) {
			fprintf(stderr, "relview: --print=%zu: only %zu release%s match\n",
			        cli->print_index, n, n == 1 ? "" : "s");
			return EXIT_FAILURE;
		}
		output_release(stdout, cat, &cat->releases[view[cli->print_index - 1]],
		               cli->width ? cli->width : terminal_width());
		break;
	case CLI_STATS:
		output_stats(stdout, cat, view, n, cli->format == CLI_JSON);
		break;
	case CLI_BROWSE: /* not on a terminal: the list, for pipes and scripts */
	case CLI_LIST:
		if (cli->format == CLI_JSON)
			output_json(stdout, cat, view, n, cli->body);
		else
			output_tsv(stdout, cat, view, n);
		break;
	default: /* the modes without inputs are run_settings_mode()'s */
		break;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("relview: standard output");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

/* The vocabulary with the configuration's topic names added. */
static struct topic_vocab *make_vocab(const struct config *config)
{
	struct topic_vocab *vocab = topic_vocab_new();
	for (size_t i = 0; vocab && i < config->ntopics; i++)
		if (!topic_vocab_add(vocab, config->topics[i], strlen(config->topics[i]))) {
			topic_vocab_free(vocab);
			return NULL;
		}
	return vocab;
}

/* What the reader says at the start: problems in the configuration. (Problems in
 * reading are the reader's to mention as they come; they are printed when relview
 * ends, on the terminal given back.) */
static void start_notice(char *buf, size_t size, const struct settings *s)
{
	buf[0] = '\0';
	if (s->report.count)
		snprintf(buf, size, "%u problem%s in the configuration: relview --check-config",
		         s->report.count, s->report.count == 1 ? "" : "s");
}

/* The reader, in the configuration's theme and key bindings, open at once on the
 * releases read so far while the inputs load behind it. */
static int browse(struct catalog *cat, const struct cli *cli, struct settings *s,
                  const struct topic_vocab *vocab)
{
	char *errors = NULL, *dir, notice[120];
	size_t errlen = 0;
	FILE *err = open_memstream(&errors, &errlen);
	struct load_options opt =
	        load_options_for(cli, vocab, &s->config, err ? err : stderr, &dir);
	opt.keys_from_terminal = true;
	load_theme(s);
	keys_use(&s->keymap);
	term_set_theme(&s->theme);
	struct term term;
	int status = EXIT_FAILURE;
	bool complete = false;
	if (term_open(&term)) {
		start_notice(notice, sizeof notice, s);
		struct feed *feed = feed_start(cat, cli->inputs, cli->ninputs, &opt);
		if (feed) {
			status = app_run(cat, feed, cli, &s->config, notice);
			complete = feed_end(feed);
		} else {
			fprintf(stderr, "relview: out of memory\n");
		}
		term_close();
	}
	if (err)
		fclose(err);
	fputs(errors ? errors : "", stderr);
	if (complete && !cat->count) {
		fprintf(stderr, "relview: no releases could be read\n");
		status = EXIT_FAILURE;
	}
	free(errors);
	free(dir);
	return status;
}

/* The read and star marks by release id, for --unread and --starred (NULL: none
 * marked); a damaged state file is reported. Nothing is written. */
static uint8_t *load_marks(const struct catalog *cat)
{
	char *dir = state_dir(), problem[PATH_MAX + 100];
	struct state state;
	uint8_t *flags = NULL;
	if (dir && state_load(&state, dir, problem, sizeof problem)) {
		if (problem[0])
			fprintf(stderr, "relview: %s\n", problem);
		flags = state_flags_of(&state, cat);
		state_free(&state);
	}
	free(dir);
	return flags;
}

static void *free_texts(void *texts)
{
	catalog_texts_free(texts);
	return NULL;
}

/* A TSV list needs no release's text once loaded, unless the filter searches it.
 * The texts are nearly all the memory, and freeing them kept the kernel busy for a
 * twentieth of a 100k load (5% of its time). Freed on a second thread instead,
 * while the list is sorted and written, they cost nothing: the child that read the
 * input has left that core idle by then. True when the thread was started. */
static bool free_texts_beside(struct catalog *cat, const struct cli *cli,
                              const struct filter *filter, pthread_t *thread)
{
	bool list = cli->mode == CLI_LIST || cli->mode == CLI_BROWSE;
	if (!list || cli->format == CLI_JSON || !expr_is_empty(&filter->search))
		return false;
	struct arena *texts = catalog_detach_texts(cat);
	if (!texts)
		return false;
	if (pthread_create(thread, NULL, free_texts, texts) == 0)
		return true;
	catalog_texts_free(texts);
	return false;
}

/* The reader's search prompt holds BROWSE_SEARCH_MAX - 1 bytes: a longer --search
 * would be cut there (and could end inside a phrase), so it is refused, not cut. */
static bool search_fits(const struct cli *cli)
{
	if (!cli->query.search || strlen(cli->query.search) < BROWSE_SEARCH_MAX)
		return true;
	fprintf(stderr,
	        "relview: --search: longer than %d bytes, more than the reader's search takes "
	        "(--list takes any length)\n",
	        BROWSE_SEARCH_MAX - 1);
	return false;
}

static int run(const struct cli *cli, struct settings *s)
{
	int status = EXIT_FAILURE;
	struct topic_vocab *vocab = make_vocab(&s->config);
	struct catalog *cat = catalog_new();
	struct filter filter = {0};
	struct order order = {0};
	uint32_t *view = NULL;
	uint8_t *marks = NULL;
	if (!vocab || !cat) {
		fprintf(stderr, "relview: out of memory\n");
	} else if (cli->mode == CLI_BROWSE && isatty(STDOUT_FILENO)) {
		status = search_fits(cli) ? browse(cat, cli, s, vocab) : 2; /* a usage error */
	} else if (load_all(cat, cli, vocab, &s->config)) {
		pthread_t freeing;
		bool filtered = filter_init(&filter, cat, &cli->query);
		bool beside = filtered && free_texts_beside(cat, cli, &filter, &freeing);
		if (!filtered || !order_sort(&order, cat, s->config.oldest_first) ||
		    !(view = malloc(cat->count * sizeof *view)))
			fprintf(stderr, "relview: out of memory\n");
		else {
			if (cli->query.unread || cli->query.starred ||
			    expr_uses_marks(&filter.search))
				filter.marks = marks = load_marks(cat);
			say_unmatched(cat, &cli->query);
			status = render(cli, cat, view, filter_view(&filter, &order, view));
		}
		if (beside)
			pthread_join(freeing, NULL);
	}
	free(marks);
	free(view);
	order_free(&order);
	filter_free(&filter);
	catalog_free(cat);
	topic_vocab_free(vocab);
	return status;
}

int main(int argc, char **argv)
{
	sandbox_serve(argc, argv, NULL); /* a reading child (sandbox.h) goes no further */
	setlocale(LC_ALL, "");
	struct cli cli;
	static struct settings settings; /* large: a key map, a theme */
	int status;
	switch (cli_parse(argc, argv, &cli)) {
	case CLI_RUN:
		if (!load_config(&settings, &cli))
			status = 2;
		else if (cli.mode >= CLI_LIST_THEMES)
			status = run_settings_mode(&cli, &settings);
		else
			status = run(&cli, &settings);
		config_free(&settings.config);
		break;
	case CLI_EXIT_OK:
		status = EXIT_SUCCESS;
		break;
	default:
		status = 2;
		break;
	}
	cli_free(&cli);
	return status;
}
