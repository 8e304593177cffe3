/* theme — how every part of the screen looks, as data with no curses in it: a style
 * (foreground, background, attributes, and the attributes to use on a terminal
 * without colours) for each role, read from a theme file; colours by name, by number
 * (0-255) or as #rrggbb, brought down to what the terminal has (256, 16 or 8
 * colours). The terminal module applies it. */
#ifndef RELVIEW_THEME_H
#define RELVIEW_THEME_H

#include "relview/ini.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* X(role, name in a theme file, built-in fg, bg, attrs, monochrome attrs, what it is).
 * The built-in values are the default (dark) theme, themes/default.ini. */
#define THEME_ROLES(X)                                                                             \
	X(NORMAL, "normal", "default", "default", "", "", "blank space and plain text")            \
	X(TITLE, "title", "black", "cyan", "", "reverse", "the title line")                        \
	X(BAR, "status", "black", "cyan", "", "reverse", "the status line")                        \
	X(LIST, "list", "default", "default", "", "", "a row of the list")                         \
	X(UNREAD, "unread", "default", "default", "bold", "bold", "a release not marked read")     \
	X(SELECTED, "selected", "black", "cyan", "bold", "reverse", "the cursor row")              \
	X(IDLE, "selected_idle", "default", "bright-black", "", "bold underline",                  \
	  "the cursor row of a pane without focus")                                                \
	X(DATE, "date", "cyan", "default", "", "", "the list's date column")                       \
	X(LOCATION, "location", "green", "default", "", "", "the list's location column")          \
	X(TOPICS, "topics", "yellow", "default", "", "", "the list's topics column")               \
	X(HEADING, "heading", "default", "default", "bold", "bold",                                \
	  "a release's title; headings in help and pickers")                                       \
	X(LABEL, "label", "cyan", "default", "", "bold", "the reader's field labels")              \
	X(FIELD, "field", "default", "default", "", "", "the reader's field values")               \
	X(BODY, "body", "default", "default", "", "", "a release's text")                          \
	X(MATCH, "match", "black", "yellow", "", "bold underline", "search and find matches")      \
	X(CURRENT, "current_match", "black", "bright-yellow", "bold", "reverse bold",              \
	  "the current find match")                                                                \
	X(PROMPT, "prompt", "default", "default", "bold", "bold", "a prompt's label")              \
	X(PICKER, "picker", "default", "default", "", "", "picker items")                          \
	X(DIM, "picker_dim", "bright-black", "default", "", "dim",                                 \
	  "picker items no release would match")                                                   \
	X(HELP, "help", "default", "default", "", "", "the help text")                             \
	X(HELP_KEY, "help_key", "cyan", "default", "bold", "bold", "keys in the help")             \
	X(HINT, "hints", "bright-black", "default", "", "dim", "the key hints at the bottom")      \
	X(MESSAGE, "message", "default", "default", "", "", "messages at the bottom")              \
	X(ERROR, "error", "red", "default", "bold", "bold", "messages about a mistake")            \
	X(BORDER, "border", "bright-black", "default", "", "", "the line between the panes")       \
	X(CHART, "chart", "cyan", "default", "", "", "the timeline's bars")

enum role {
#define AS_ROLE(id, name, fg, bg, attrs, mono, help) ROLE_##id,
	THEME_ROLES(AS_ROLE)
#undef AS_ROLE
	        ROLE_COUNT
};

/* A colour: COLOUR_DEFAULT (the terminal's own), 0..255, or COLOUR_RGB(0xrrggbb). */
#define COLOUR_DEFAULT   (-1)
#define COLOUR_RGB(rgb)  (0x1000000 | (int32_t)(rgb))
#define COLOUR_IS_RGB(c) ((c) >= 0x1000000)

enum theme_attr {
	ATTR_BOLD = 1,
	ATTR_DIM = 2,
	ATTR_ITALIC = 4,
	ATTR_UNDERLINE = 8,
	ATTR_REVERSE = 16,
	ATTR_BLINK = 32,
};

struct style {
	int32_t fg, bg;
	unsigned attrs; /* with colours */
	unsigned mono;  /* without colours */
};

struct theme {
	struct style role[ROLE_COUNT];
};

const char *theme_role_name(enum role role);

/* The built-in default theme. */
void theme_default(struct theme *t);

/* Read a theme file over the default theme: a section per role, with the keys fg, bg,
 * attrs and mono; what it does not set keeps the default. Mistakes are warned about
 * (file, line, key) and leave that value at its default. False when the file could
 * not be used at all. */
bool theme_load(struct theme *t, const char *path, struct ini_report *report);

/* "red", "bright-blue", "default", "208", "#ff8700". */
bool theme_parse_colour(const char *s, int32_t *colour);
/* "bold underline" (or "none"), separated by spaces or commas. */
bool theme_parse_attrs(const char *s, unsigned *attrs);

/* The colour to use on a terminal with ncolours colours (8, 16 or 256): the colour
 * itself when the terminal has it, else the nearest one it has; COLOUR_DEFAULT stays. */
int theme_nearest(int32_t colour, int ncolours);

/* Theme files are NAME.ini in these folders, first found first: the user's
 * ($XDG_CONFIG_HOME/relview/themes), $RELVIEW_DATADIR/themes, the source tree's when
 * relview runs from its build tree, and the installed ones (pkgdatadir/themes, also
 * under a DESTDIR the binary was installed into). */
#define THEME_DIRS_MAX 5
struct theme_dirs {
	char dir[THEME_DIRS_MAX][1024];
	size_t n;
};
void theme_dirs(struct theme_dirs *dirs);

/* The file of a theme given by name or path (a path has a '/' or ends in ".ini"):
 * false when there is none ("default" then means the built-in theme). */
bool theme_find(const struct theme_dirs *dirs, const char *name, char *path, size_t size);

/* Every theme name found, sorted, once each ("default" always), one a line. */
void theme_list(const struct theme_dirs *dirs, FILE *out);

#endif
