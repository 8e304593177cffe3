#include "config.h"

#include "relview/cli.h"

#include "relview/ascii.h"
#include "relview/date.h"
#include "relview/expr.h"
#include "relview/grow.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum option_id {
#define AS_ENUM(id, name, arg, metavar, help) OPT_##id,
	CLI_OPTIONS(AS_ENUM)
#undef AS_ENUM
	        OPT_COUNT
};

static const struct option long_options[] = {
#define AS_GETOPT(id, name, arg, metavar, help)                                                    \
	{name, arg ? required_argument : no_argument, NULL, OPT_##id + 256},
        CLI_OPTIONS(AS_GETOPT)
#undef AS_GETOPT
                {NULL, 0, NULL, 0},
};

static const struct {
	const char *name, *metavar, *help;
} option_help[] = {
#define AS_HELP(id, name, arg, metavar, help) {name, metavar, help},
        CLI_OPTIONS(AS_HELP)
#undef AS_HELP
};

static void print_help(void)
{
	printf("Usage: relview [OPTION]... INPUT...\n"
	       "Read archives of press releases: bundles (tar.gz, tar.xz, tar.zst, zip, 7z, ...),\n"
	       "plain release files and folders, merged into one date-ordered catalog.\n\n");
	for (size_t i = 0; i < OPT_COUNT; i++) {
		char left[40];
		snprintf(left, sizeof left, "--%s%s%s", option_help[i].name,
		         option_help[i].metavar ? "=" : "",
		         option_help[i].metavar ? option_help[i].metavar : "");
		printf("  %-22s %s\n", left, option_help[i].help);
	}
	printf("\nFilters combine with AND between kinds and OR within a kind: --topic and\n"
	       "--location may be given more than once. A QUERY (--search, and / in the\n"
	       "reader) is made of:\n");
	for (size_t i = 0; i < expr_syntax_count; i++)
		printf("  %-30s %s\n", expr_syntax[i].example, expr_syntax[i].meaning);
	printf("\nWithout --list, --print or --stats, relview opens its reader on the terminal\n"
	       "(keys: press ? in it), or lists as --list when standard output is not a\n"
	       "terminal.\n\n"
	       "Settings, key bindings and the theme come from\n"
	       "$XDG_CONFIG_HOME/relview/config.ini (~/.config/relview/config.ini); options\n"
	       "given here win. See relview(1) and relview.ini(5).\n\n"
	       "Exit status: 0 on success; 1 when nothing could be read, --print is past the\n"
	       "end, output cannot be written or the terminal cannot show the reader; 2 on\n"
	       "usage errors.\n");
}

__attribute__((format(printf, 1, 2))) static enum cli_result usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("relview: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'relview --help' for more information.\n", stderr);
	return CLI_EXIT_USAGE;
}

static bool has_word(const char *s)
{
	for (; *s; s++)
		if (ascii_is_alpha(*s) || ascii_is_digit(*s) || (unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* A --search: read as it was written, or refused (a script's query is never
 * guessed). Given again, both must match: queries side by side are their AND. */
static enum cli_result add_search(struct cli *cli, const char *arg)
{
	struct expr e;
	char why[128];
	if (!expr_parse(&e, arg, strlen(arg), why, sizeof why))
		return usage_error("--search: %s (in '%.60s')", why, arg);
	expr_free(&e);
	if (!cli->query.search) {
		cli->query.search = arg;
		return CLI_RUN;
	}
	size_t had = strlen(cli->query.search), len = had + 1 + strlen(arg);
	char *both = malloc(len + 1);
	if (!both)
		return usage_error("out of memory");
	snprintf(both, len + 1, "%s %s", cli->query.search, arg);
	free(cli->searches);
	cli->query.search = cli->searches = both;
	if (!expr_parse(&e, both, len, why, sizeof why))
		return usage_error("--search: the queries together: %s", why);
	expr_free(&e);
	return CLI_RUN;
}

static bool parse_count(const char *s, size_t min, size_t max, size_t *out)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-' || v < min || v > max)
		return false;
	*out = (size_t)v;
	return true;
}

static bool append(const char ***list, size_t *n, size_t *cap, const char *value)
{
	if (!grow_array((void **)list, cap, *n + 1, sizeof **list))
		return false;
	(*list)[(*n)++] = value;
	return true;
}

/* The option that chose a mode. */
static const char *mode_option(enum cli_mode mode)
{
	static const char *const names[] = {
	        [CLI_BROWSE] = "",
	        [CLI_LIST] = "--list",
	        [CLI_PRINT] = "--print",
	        [CLI_STATS] = "--stats",
	        [CLI_LIST_THEMES] = "--list-themes",
	        [CLI_CHECK_CONFIG] = "--check-config",
	        [CLI_DUMP_CONFIG] = "--dump-config",
	        [CLI_HELP_KEYS] = "--help-keys",
	        [CLI_CACHE_INFO] = "--cache-info",
	        [CLI_CLEAR_CACHE] = "--clear-cache",
	};
	return names[mode];
}

static enum cli_result set_mode(struct cli *cli, enum cli_mode mode, const char *name)
{
	if (cli->mode != CLI_BROWSE && cli->mode != mode)
		return usage_error("%s cannot be used with %s", name, mode_option(cli->mode));
	cli->mode = mode;
	return CLI_RUN;
}

/* An option that stands for a setting: its text, for cli_apply_settings(). */
static bool keep_setting(struct cli *cli, int id, const char *arg)
{
	enum config_setting setting;
	const char *value;
	if (!config_option(long_options[id].name, &setting, &value))
		return false;
	cli->settings[setting] = (struct cli_setting){long_options[id].name, value ? value : arg};
	return true;
}

static enum cli_result apply_option(struct cli *cli, int id, const char *arg, const char *name)
{
	struct query *q = &cli->query;
	if (keep_setting(cli, id, arg))
		return CLI_RUN;
	switch (id) {
	case OPT_LIST:
		return set_mode(cli, CLI_LIST, "--list");
	case OPT_FORMAT:
		if (strcmp(arg, "tsv") != 0 && strcmp(arg, "json") != 0)
			return usage_error("--format: '%s' is not tsv or json", arg);
		cli->format = strcmp(arg, "json") == 0 ? CLI_JSON : CLI_TSV;
		return CLI_RUN;
	case OPT_BODY:
		cli->body = true;
		return CLI_RUN;
	case OPT_PRINT:
		if (!parse_count(arg, 1, SIZE_MAX, &cli->print_index))
			return usage_error("--print: '%s' is not a positive number", arg);
		return set_mode(cli, CLI_PRINT, "--print");
	case OPT_WIDTH:
		if (!parse_count(arg, 10, 10000, &cli->width))
			return usage_error(
			        "--width: '%s' is not a number of columns (10 to 10000)%s", arg,
			        "");
		return CLI_RUN;
	case OPT_STATS:
		return set_mode(cli, CLI_STATS, "--stats");
	case OPT_TOPIC:
	case OPT_LOCATION:
		/* A value without a word would match nothing, silently. */
		if (!has_word(arg))
			return usage_error("--%s: '%s' has no word to match", name, arg);
		if (id == OPT_TOPIC)
			return append(&q->topics, &q->ntopics, &cli->topics_cap, arg)
			               ? CLI_RUN
			               : CLI_EXIT_USAGE;
		return append(&q->locations, &q->nlocations, &cli->locations_cap, arg)
		               ? CLI_RUN
		               : CLI_EXIT_USAGE;
	case OPT_SINCE:
	case OPT_UNTIL:
		if (!date_parse_bound(arg, id == OPT_UNTIL,
		                      id == OPT_UNTIL ? &q->until : &q->since))
			return usage_error("--%s: '%s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
			                   name, arg);
		return CLI_RUN;
	case OPT_SEARCH:
		return add_search(cli, arg);
	case OPT_UNREAD:
		q->unread = true;
		return CLI_RUN;
	case OPT_STARRED:
		q->starred = true;
		return CLI_RUN;
	case OPT_NO_CACHE:
		cli->no_cache = true;
		return CLI_RUN;
	case OPT_CACHE_INFO:
		return set_mode(cli, CLI_CACHE_INFO, "--cache-info");
	case OPT_CLEAR_CACHE:
		return set_mode(cli, CLI_CLEAR_CACHE, "--clear-cache");
	case OPT_CONFIG:
		cli->config_path = arg;
		return CLI_RUN;
	case OPT_LIST_THEMES:
		return set_mode(cli, CLI_LIST_THEMES, "--list-themes");
	case OPT_CHECK_CONFIG:
		return set_mode(cli, CLI_CHECK_CONFIG, "--check-config");
	case OPT_DUMP_CONFIG:
		return set_mode(cli, CLI_DUMP_CONFIG, "--dump-config");
	case OPT_HELP_KEYS:
		return set_mode(cli, CLI_HELP_KEYS, "--help-keys");
	case OPT_HELP:
		print_help();
		return CLI_EXIT_OK;
	case OPT_VERSION:
		printf("relview %s\n", PACKAGE_VERSION);
		return CLI_EXIT_OK;
	}
	return CLI_EXIT_USAGE;
}

/* What the options mean together: an option that would be ignored is a mistake
 * said, and so is a configuration file named that cannot be read (none named is no
 * mistake: the defaults apply). */
static enum cli_result check_together(const struct cli *cli)
{
	if (cli->width && cli->mode != CLI_PRINT)
		return usage_error("--width wraps --print only%s%s", cli->mode ? ", not " : "",
		                   mode_option(cli->mode));
	if (!cli->config_path)
		return CLI_RUN;
	/* Read a byte: a folder opens, and says it cannot be read only then. */
	FILE *f = fopen(cli->config_path, "r");
	bool readable = f && (getc(f) != EOF || !ferror(f));
	int error = errno;
	if (f)
		fclose(f);
	if (!readable)
		return usage_error("--config: %s: cannot read: %s", cli->config_path,
		                   strerror(error));
	return CLI_RUN;
}

enum cli_result cli_parse(int argc, char **argv, struct cli *cli)
{
	*cli = (struct cli){0};
	opterr = 0;
	int c, index;
	while ((c = getopt_long(argc, argv, ":hV", long_options, &index)) != -1) {
		enum cli_result r;
		if (c == 'h' || c == 'V')
			r = apply_option(cli, c == 'h' ? OPT_HELP : OPT_VERSION, NULL,
			                 argv[optind - 1]);
		else if (c >= 256 && c < 256 + OPT_COUNT)
			r = apply_option(cli, c - 256, optarg, long_options[c - 256].name);
		else if (c == ':')
			r = usage_error("option '%s' needs a value", argv[optind - 1]);
		else
			r = usage_error("unknown option '%s'", argv[optind - 1]);
		if (r != CLI_RUN)
			return r;
	}
	if (cli->query.since && cli->query.until && cli->query.since > cli->query.until)
		return usage_error("--since is after --until");
	/* Only JSON has a place for the body: said, not silently ignored. */
	if (cli->body && (cli->format != CLI_JSON || cli->mode > CLI_LIST))
		return usage_error("--body is for --list --format=json");
	if (check_together(cli) != CLI_RUN)
		return CLI_EXIT_USAGE;
	if (cli->mode >= CLI_LIST_THEMES) {
		if (optind < argc)
			return usage_error("%s takes no input ('%s')", mode_option(cli->mode),
			                   argv[optind]);
		return CLI_RUN;
	}
	if (optind == argc)
		return usage_error("no input given: name a bundle, file or folder");
	cli->inputs = argv + optind;
	cli->ninputs = (size_t)(argc - optind);
	return CLI_RUN;
}

void cli_free(struct cli *cli)
{
	free(cli->query.topics);
	free(cli->query.locations);
	free(cli->searches);
}

enum cli_result cli_apply_settings(const struct cli *cli, struct config *c)
{
	for (int id = 0; id < CONFIG_SETTING_COUNT; id++) {
		const struct cli_setting *given = &cli->settings[id];
		char why[CONFIG_WHY_MAX];
		if (given->value && !config_set(c, (enum config_setting)id, given->value, why))
			return usage_error("--%s: %s", given->option, why);
	}
	return CLI_RUN;
}
