/* config — the user's configuration file (config.ini): reading and checking it, with
 * a warning naming file, line and key for each mistake (the default is kept), and
 * writing the effective configuration back out as a valid file. No curses here.
 *
 * Every setting is one row of CONFIG_SETTINGS below; the parser, --dump-config, the
 * defaults, the options that override a setting and the settings list of
 * relview.ini(5) all come from it, so they cannot drift. Besides them, [keys] binds
 * an action's name to its keys (the key table, keys.h). */
#ifndef RELVIEW_CONFIG_H
#define RELVIEW_CONFIG_H

#include "relview/clip.h"
#include "relview/ini.h"
#include "relview/keys.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum config_layout {
	CONFIG_LAYOUT_AUTO,
	CONFIG_LAYOUT_SIDE,
	CONFIG_LAYOUT_STACKED,
	CONFIG_LAYOUT_LIST,
};
enum config_column { COLUMN_DATE, COLUMN_LOCATION, COLUMN_TOPICS, COLUMN_TITLE, COLUMN_COUNT };

#define CONFIG_THEME_MAX         1024
#define CONFIG_DATE_FORMAT_MAX   64
#define CONFIG_WRAP_MIN          20
#define CONFIG_WRAP_MAX          1000
#define CONFIG_SPARKLINE_MAX     120
#define CONFIG_SPARKLINE_DEFAULT 24
#define CONFIG_WHY_MAX           200 /* a reason a value is wrong, at most */
#define CONFIG_STRING(x)         CONFIG_STRING_(x)
#define CONFIG_STRING_(x)        #x

/* X(id, section, key, type, field, default, options, help)
 *   type: how the value is read and written (config.c's <type>_type);
 *   field: the member of struct config it sets (and those beside it, for columns
 *   and topics); default: the value, as the file would give it;
 *   options: the command-line options that set it, each OPTION(name, value) — the
 *   value it stands for, NULL for the option's own argument; help: one line. */
#define CONFIG_SETTINGS(X)                                                                         \
	X(THEME, "ui", "theme", theme, theme, "default", OPTION("theme", NULL),                    \
	  "the reader's colours: a theme's name or file")                                          \
	X(LAYOUT, "ui", "layout", layout, layout, "auto", ,                                        \
	  "side by side, stacked, the list alone (list), or auto: by the size")                    \
	X(SORT, "ui", "sort", sort, oldest_first, "newest",                                        \
	  OPTION("oldest-first", "oldest") OPTION("newest-first", "newest"),                       \
	  "which releases come first: newest or oldest")                                           \
	X(DATE_FORMAT, "ui", "date_format", date_format, date_format, "%Y-%m-%d", ,                \
	  "how the list shows dates, as strftime(3) formats them")                                 \
	X(COLUMNS, "ui", "columns", columns, columns, "date location topics title", ,              \
	  "the list's columns, in order: date, location, topics, title")                           \
	X(WRAP, "ui", "wrap", wrap, wrap, "0", ,                                                   \
	  "lay a release out at most this many columns wide; 0: as wide as its pane")              \
	X(RESTRICTED, "ui", "restricted", flag, restricted, "false", OPTION("restricted", "true"), \
	  "the reader runs no pager and no command and saves no file")                             \
	X(CLIPBOARD, "ui", "clipboard", clipboard, clipboard, "auto", ,                            \
	  "copying to the terminal's clipboard (OSC 52): auto (known terminals), on, off")         \
	X(MOUSE, "ui", "mouse", flag, mouse, "false", OPTION("mouse", "true"),                     \
	  "the reader takes the mouse: the wheel scrolls, a click selects")                        \
	X(SPARKLINE, "ui", "sparkline", sparkline, sparkline,                                      \
	  CONFIG_STRING(CONFIG_SPARKLINE_DEFAULT), ,                                               \
	  "months in the status line's sparkline; 0: none")                                        \
	X(TOPICS, "topics", "names", topics, topics, "", ,                                         \
	  "more topic names for the parser, separated by |")                                       \
	X(MAX_ENTRY_BYTES, "limits", "max_entry_bytes", entry_size, max_entry_bytes, "64M", ,      \
	  "a larger entry is skipped, with a message")                                             \
	X(MAX_TOTAL_BYTES, "limits", "max_total_bytes", size, max_total_bytes, "4G", ,             \
	  "an input stops after this much has been inflated from it")                              \
	X(CACHE_MAX_SIZE, "cache", "max_size", size, cache_max_bytes, "8G", ,                      \
	  "the catalog cache's folder holds at most this much")

enum config_setting {
#define AS_SETTING_ID(id, section, key, type, field, def, options, help) CONFIG_##id,
	CONFIG_SETTINGS(AS_SETTING_ID)
#undef AS_SETTING_ID
	        CONFIG_SETTING_COUNT
};

struct config {
	char theme[CONFIG_THEME_MAX]; /* a theme name or a theme file */
	enum config_layout layout;
	bool oldest_first;
	char date_format[CONFIG_DATE_FORMAT_MAX]; /* strftime(3), for the list's dates */
	enum config_column columns[COLUMN_COUNT]; /* the list's columns, in order */
	size_t ncolumns;
	unsigned wrap;   /* the reader's and --print's text width at most; 0: all there is */
	bool restricted; /* the reader runs no pager or command and exports no files */
	bool mouse;      /* the reader takes the mouse: the wheel scrolls, a click selects */
	enum clip_mode clipboard; /* copy with OSC 52: auto (known terminals), on, off */
	unsigned sparkline;       /* months in the status line's sparkline; 0: none */
	struct key_choice keys[ACT_COUNT];
	char **topics; /* more topic names */
	size_t ntopics;
	uint64_t max_entry_bytes, max_total_bytes;
	uint64_t cache_max_bytes; /* the catalog cache's folder at most (cache.h) */
};

void config_defaults(struct config *c);
void config_free(struct config *c);

/* Read a configuration file over c. Each mistake is warned about and leaves its
 * setting as it was; false when the file could not be used at all. */
bool config_load(struct config *c, const char *path, struct ini_report *report);

/* The default file: $XDG_CONFIG_HOME/relview/config.ini, or ~/.config/relview/...;
 * false when neither variable gives an absolute path. */
bool config_default_path(char *path, size_t size);

/* The configuration as a file config_load() reads back to the same; each setting
 * with its help, default and options in a comment above it. */
void config_dump(const struct config *c, FILE *out);

/* Set one setting from its text, as the file would give it; false (and c as it
 * was) with the reason in why. */
bool config_set(struct config *c, enum config_setting id, const char *value,
                char why[CONFIG_WHY_MAX]);

/* The setting a command-line option sets and the value it stands for (NULL: the
 * option's argument); false when the option sets none. */
bool config_option(const char *option, enum config_setting *id, const char **value);

/* The date as date_format prints it ("" when unknown). */
void config_format_date(const struct config *c, uint32_t date, char *out, size_t size);

#endif
