/* config — the user's configuration file (config.ini): reading and checking it, with
 * a warning naming file, line and key for each mistake (the default is kept), and
 * writing the effective configuration back out as a valid file. No curses here.
 *
 * Sections: [ui] (theme, layout, sort, date_format, columns, wrap, restricted,
 * clipboard, mouse, sparkline), [keys] (an action's name = its keys), [topics]
 * (names = more topic names, separated by '|'), [limits] (max_entry_bytes,
 * max_total_bytes), [cache] (max_size).
 * relview.ini(5) documents them. */
#ifndef RELVIEW_CONFIG_H
#define RELVIEW_CONFIG_H

#include "relview/clip.h"
#include "relview/ini.h"
#include "relview/keys.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum config_layout { CONFIG_LAYOUT_AUTO, CONFIG_LAYOUT_SIDE, CONFIG_LAYOUT_STACKED };
enum config_column { COLUMN_DATE, COLUMN_LOCATION, COLUMN_TOPICS, COLUMN_TITLE, COLUMN_COUNT };

#define CONFIG_THEME_MAX         1024
#define CONFIG_DATE_FORMAT_MAX   64
#define CONFIG_WRAP_MIN          20
#define CONFIG_WRAP_MAX          1000
#define CONFIG_SPARKLINE_MAX     120
#define CONFIG_SPARKLINE_DEFAULT 24

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

/* The configuration as a file config_load() reads back to the same. */
void config_dump(const struct config *c, FILE *out);

/* The date as date_format prints it ("" when unknown). */
void config_format_date(const struct config *c, uint32_t date, char *out, size_t size);

#endif
