/* cli — the command line: one table of options generates the getopt table, the
 * parser's dispatch and the --help text, so they cannot drift apart. An option that
 * stands for a setting of the configuration (config.h's table names it) is kept as
 * that setting's text and applied over the file's by one loop. */
#ifndef RELVIEW_CLI_H
#define RELVIEW_CLI_H

#include "relview/config.h"
#include "relview/query.h"

#include <stdbool.h>
#include <stddef.h>

/* X(id, long name, argument (0 none, 1 required), metavar, help) */
#define CLI_OPTIONS(X)                                                                             \
	X(LIST, "list", 0, NULL, "print the filtered catalog, one release a line")                 \
	X(FORMAT, "format", 1, "tsv|json", "format of --list and --stats (default tsv)")           \
	X(BODY, "body", 0, NULL, "with --format=json: each release's body too (\"body\")")         \
	X(PRINT, "print", 1, "N", "print the Nth release of the filtered list")                    \
	X(WIDTH, "width", 1, "COLS", "wrap --print at COLS columns (default: terminal, or 80)")    \
	X(STATS, "stats", 0, NULL, "count the filtered releases by topic, location and year")      \
	X(TOPIC, "topic", 1, "TEXT", "only releases with a topic matching TEXT")                   \
	X(LOCATION, "location", 1, "TEXT", "only releases from this city, state or country")       \
	X(SINCE, "since", 1, "DATE", "only releases on or after DATE (YYYY, YYYY-MM, YYYY-MM-DD)") \
	X(UNTIL, "until", 1, "DATE", "only releases on or before DATE")                            \
	X(SEARCH, "search", 1, "QUERY", "only releases that match QUERY (below)")                  \
	X(UNREAD, "unread", 0, NULL, "only releases not marked read")                              \
	X(STARRED, "starred", 0, NULL, "only starred releases")                                    \
	X(OLDEST_FIRST, "oldest-first", 0, NULL, "order oldest releases first")                    \
	X(NEWEST_FIRST, "newest-first", 0, NULL, "order newest releases first (the default)")      \
	X(CONFIG, "config", 1, "FILE",                                                             \
	  "read settings from FILE, not ~/.config/relview/config.ini")                             \
	X(THEME, "theme", 1, "NAME|FILE", "colour the reader with this theme")                     \
	X(LIST_THEMES, "list-themes", 0, NULL, "list the themes found and exit")                   \
	X(CHECK_CONFIG, "check-config", 0, NULL, "check the configuration and its theme, exit")    \
	X(DUMP_CONFIG, "dump-config", 0, NULL, "print the configuration in effect and exit")       \
	X(HELP_KEYS, "help-keys", 0, NULL, "list the reader's key bindings and exit")              \
	X(RESTRICTED, "restricted", 0, NULL,                                                       \
	  "in the reader: no pager, no pipe, no export to files")                                  \
	X(MOUSE, "mouse", 0, NULL, "in the reader: the wheel scrolls and a click selects")         \
	X(NO_CACHE, "no-cache", 0, NULL,                                                           \
	  "read every input afresh; neither use nor write the cache")                              \
	X(CACHE_INFO, "cache-info", 0, NULL, "show what the catalog cache holds and exit")         \
	X(CLEAR_CACHE, "clear-cache", 0, NULL, "remove what the catalog cache holds and exit")     \
	X(HELP, "help", 0, NULL, "show this help and exit")                                        \
	X(VERSION, "version", 0, NULL, "show the version and exit")

enum cli_mode {
	CLI_BROWSE,
	CLI_LIST,
	CLI_PRINT,
	CLI_STATS,
	/* These need no input: */
	CLI_LIST_THEMES,
	CLI_CHECK_CONFIG,
	CLI_DUMP_CONFIG,
	CLI_HELP_KEYS,
	CLI_CACHE_INFO,
	CLI_CLEAR_CACHE,
};
enum cli_format { CLI_TSV, CLI_JSON };

struct cli {
	enum cli_mode mode;
	enum cli_format format;
	size_t print_index; /* 1-based */
	size_t width;       /* 0: terminal width or 80 */
	bool body;          /* --body: JSON carries each release's body */
	bool no_cache;
	const char *config_path; /* NULL: the default file */
	struct cli_setting {
		const char *option; /* the long option that gave it, for errors */
		const char *value;  /* NULL: not given; else over the file's */
	} settings[CONFIG_SETTING_COUNT];
	struct query query;               /* its arrays point into argv */
	size_t topics_cap, locations_cap; /* of query.topics and query.locations */
	char *searches; /* --search given more than once: all of them, ANDed (query.search) */
	char **inputs;
	size_t ninputs;
};

enum cli_result { CLI_RUN, CLI_EXIT_OK, CLI_EXIT_USAGE };

/* Parse argv into cli. On CLI_EXIT_OK (--help, --version) the text was printed; on
 * CLI_EXIT_USAGE a one-line error and a hint went to stderr. */
enum cli_result cli_parse(int argc, char **argv, struct cli *cli);
void cli_free(struct cli *cli);

/* The settings the options gave, over the configuration's; CLI_EXIT_USAGE (after
 * saying which option and why) for a value the setting does not take. */
enum cli_result cli_apply_settings(const struct cli *cli, struct config *c);

#endif
