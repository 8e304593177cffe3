#include "config.h"

#include "relview/theme.h"

#include "relview/ascii.h"
#include "relview/grow.h"
#include "relview/xdg.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const struct {
	const char *name, *fg, *bg, *attrs, *mono;
} builtin[ROLE_COUNT] = {
#define AS_BUILTIN(id, name, fg, bg, attrs, mono, help) [ROLE_##id] = {name, fg, bg, attrs, mono},
        THEME_ROLES(AS_BUILTIN)
#undef AS_BUILTIN
};

static enum role theme_role(const char *name)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (strcmp(builtin[r].name, name) == 0)
			return (enum role)r;
	return ROLE_COUNT;
}

const char *theme_role_name(enum role role)
{
	return role < ROLE_COUNT ? builtin[role].name : "";
}

void theme_default(struct theme *t)
{
	for (int r = 0; r < ROLE_COUNT; r++) {
		struct style *s = &t->role[r];
		/* The table is checked by the unit tests: these cannot fail. */
		theme_parse_colour(builtin[r].fg, &s->fg);
		theme_parse_colour(builtin[r].bg, &s->bg);
		theme_parse_attrs(builtin[r].attrs, &s->attrs);
		theme_parse_attrs(builtin[r].mono, &s->mono);
	}
}

/* ---- values ------------------------------------------------------------------------ */

static const char *const colour_names[16] = {
        "black",        "red",           "green",       "yellow",         "blue",
        "magenta",      "cyan",          "white",       "bright-black",   "bright-red",
        "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
        "bright-white",
};

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

bool theme_parse_colour(const char *s, int32_t *colour)
{
	if (ascii_casecmp(s, "default") == 0) {
		*colour = COLOUR_DEFAULT;
		return true;
	}
	for (int i = 0; i < 16; i++)
		if (ascii_casecmp(s, colour_names[i]) == 0) {
			*colour = i;
			return true;
		}
	if (ascii_casecmp(s, "gray") == 0 || ascii_casecmp(s, "grey") == 0) {
		*colour = 8;
		return true;
	}
	if (s[0] == '#' && strlen(s) == 7) {
		int32_t rgb = 0;
		for (int i = 1; i < 7; i++) {
			int d = hex_digit(s[i]);
			if (d < 0)
				return false;
			rgb = rgb << 4 | d;
		}
		*colour = COLOUR_RGB(rgb);
		return true;
	}
	char *end;
	long n = strtol(s, &end, 10);
	if (end == s || *end || n < 0 || n > 255 || s[0] == '+' || s[0] == ' ')
		return false;
	*colour = (int32_t)n;
	return true;
}

static const char *const attr_names[] = {"bold", "dim", "italic", "underline", "reverse", "blink"};

bool theme_parse_attrs(const char *s, unsigned *attrs)
{
	*attrs = 0;
	if (ascii_casecmp(s, "none") == 0)
		return true;
	while (*s) {
		size_t len = strcspn(s, " ,\t");
		bool known = len == 0;
		for (size_t i = 0; i < sizeof attr_names / sizeof *attr_names && !known; i++)
			if (strlen(attr_names[i]) == len &&
			    ascii_ncasecmp(attr_names[i], s, len) == 0) {
				*attrs |= 1u << i;
				known = true;
			}
		if (!known)
			return false;
		s += len + (s[len] != '\0');
	}
	return true;
}

/* ---- the nearest colour a terminal has ------------------------------------------------ */

/* xterm's palette: the 16 system colours, a 6x6x6 cube and 24 greys. */
static int32_t palette_rgb(int i)
{
	static const int32_t system[16] = {
	        0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
	        0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
	};
	static const int level[6] = {0, 95, 135, 175, 215, 255};
	if (i < 16)
		return system[i];
	if (i < 232) {
		i -= 16;
		return level[i / 36] << 16 | level[i / 6 % 6] << 8 | level[i % 6];
	}
	int g = 8 + (i - 232) * 10;
	return g << 16 | g << 8 | g;
}

/* Distance as the eye sees it, roughly ("redmean"). */
static long distance(int32_t a, int32_t b)
{
	long r1 = a >> 16 & 0xff, g1 = a >> 8 & 0xff, b1 = a & 0xff;
	long r2 = b >> 16 & 0xff, g2 = b >> 8 & 0xff, b2 = b & 0xff;
	long rm = (r1 + r2) / 2, dr = r1 - r2, dg = g1 - g2, db = b1 - b2;
	return ((512 + rm) * dr * dr >> 8) + 4 * dg * dg + ((767 - rm) * db * db >> 8);
}

int theme_nearest(int32_t colour, int ncolours)
{
	if (colour == COLOUR_DEFAULT)
		return COLOUR_DEFAULT;
	if (!COLOUR_IS_RGB(colour) && colour < ncolours)
		return colour;
	int32_t rgb = COLOUR_IS_RGB(colour) ? colour & 0xffffff : palette_rgb(colour);
	/* On 256 colours the fixed cube and greys, not the 16 the user may have retuned. */
	int from = ncolours >= 256 ? 16 : 0, to = ncolours >= 256 ? 256 : ncolours >= 16 ? 16 : 8;
	int best = from;
	for (int i = from + 1; i < to; i++)
		if (distance(rgb, palette_rgb(i)) < distance(rgb, palette_rgb(best)))
			best = i;
	return best;
}

/* ---- theme files ---------------------------------------------------------------------- */

static void set_value(struct style *s, const struct ini *ini, const struct ini_item *item)
{
	const char *v = ini_value(ini, item);
	bool is_colour = strcmp(item->key, "fg") == 0 || strcmp(item->key, "bg") == 0;
	int32_t *colour = item->key[0] == 'f' ? &s->fg : &s->bg;
	unsigned *attrs = strcmp(item->key, "mono") == 0 ? &s->mono : &s->attrs;
	if (!is_colour && strcmp(item->key, "attrs") != 0 && strcmp(item->key, "mono") != 0)
		ini_warn(ini, item, "unknown key (fg, bg, attrs or mono)");
	else if (!*v && item->hash_value)
		ini_warn(ini, item, "a value starting with # must be quoted: \"#rrggbb\"");
	else if (is_colour && !theme_parse_colour(v, colour))
		ini_warn(ini, item, "'%s' is not a colour (a name, 0-255 or \"#rrggbb\")", v);
	else if (!is_colour && !theme_parse_attrs(v, attrs))
		ini_warn(ini, item,
		         "'%s' is not a list of bold, dim, italic, underline, reverse, blink", v);
}

bool theme_load(struct theme *t, const char *path, struct ini_report *report)
{
	theme_default(t);
	struct ini ini;
	if (!ini_open(&ini, path, report)) {
		ini_close(&ini);
		return false;
	}
	struct theme loaded = *t;
	for (size_t i = 0; i < ini.nitems; i++) {
		const struct ini_item *item = &ini.items[i];
		enum role role = theme_role(item->section);
		if (item->repeated)
			continue;
		if (!item->key[0] && role == ROLE_COUNT)
			ini_warn(&ini, item,
			         "unknown section: not a part of the screen (see "
			         "relview.ini(5))");
		else if (item->key[0] && !item->section[0])
			ini_warn(&ini, item, "outside any section");
		else if (item->key[0] && role != ROLE_COUNT)
			set_value(&loaded.role[role], &ini, item);
	}
	*t = loaded;
	ini_close(&ini);
	return true;
}

/* ---- where themes are ----------------------------------------------------------------- */

static void add_dir(struct theme_dirs *d, const char *a, const char *b)
{
	if (d->n < THEME_DIRS_MAX && a && *a &&
	    (size_t)snprintf(d->dir[d->n], sizeof d->dir[0], "%s%s", a, b) < sizeof d->dir[0])
		d->n++;
}

/* The folder of the running binary, resolved. */
static bool exe_dir(char *out, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", out, size - 1);
	if (n <= 0 || (size_t)n >= size - 1)
		return false;
	out[n] = '\0';
	char *slash = strrchr(out, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* The build tree and DESTDIR cases, told apart by where the binary is. */
static void add_relative_dirs(struct theme_dirs *d)
{
	char exe[PATH_MAX], build[PATH_MAX];
	if (!exe_dir(exe, sizeof exe))
		return;
	if (realpath(BUILD_BINDIR, build) && strcmp(exe, build) == 0) {
		add_dir(d, SRCDIR_THEMES, "");
		return;
	}
	size_t n = strlen(exe), b = strlen(BINDIR);
	if (n > b && strcmp(exe + n - b, BINDIR) == 0) {
		exe[n - b] = '\0'; /* the DESTDIR */
		char themes[PATH_MAX];
		snprintf(themes, sizeof themes, "%s%s", PKGDATADIR, "/themes");
		add_dir(d, exe, themes);
	}
}

void theme_dirs(struct theme_dirs *d)
{
	d->n = 0;
	char *config = xdg_dir("XDG_CONFIG_HOME", ".config");
	add_dir(d, config, "/themes");
	free(config);
	add_dir(d, getenv("RELVIEW_DATADIR"), "/themes");
	add_relative_dirs(d);
	add_dir(d, PKGDATADIR, "/themes");
}

static bool is_path(const char *name)
{
	size_t n = strlen(name);
	return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".ini") == 0);
}

bool theme_find(const struct theme_dirs *dirs, const char *name, char *path, size_t size)
{
	if (is_path(name)) {
		snprintf(path, size, "%s", name);
		return true;
	}
	for (size_t i = 0; i < dirs->n; i++) {
		snprintf(path, size, "%s/%s.ini", dirs->dir[i], name);
		if (access(path, R_OK) == 0)
			return true;
	}
	return false;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add the theme names of one folder to names[*n] (malloc'd strings; room for *cap). */
static void collect(const char *dir, char ***names, size_t *n, size_t *cap)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		size_t len = strlen(e->d_name);
		if (len <= 4 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".ini") != 0)
			continue;
		if (!grow_array((void **)names, cap, *n + 1, sizeof **names))
			break;
		if (((*names)[*n] = strndup(e->d_name, len - 4)))
			(*n)++;
	}
	closedir(d);
}

void theme_list(const struct theme_dirs *dirs, FILE *out)
{
	char **names = NULL, builtin_name[] = "default";
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < dirs->n; i++)
		collect(dirs->dir[i], &names, &n, &cap);
	char **all = names;
	if (grow_array((void **)&all, &cap, n + 1, sizeof *all))
		all[n++] = builtin_name;
	qsort(all, n, sizeof *all, compare_names);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || strcmp(all[i], all[i - 1]) != 0)
			fprintf(out, "%s\n", all[i]);
	for (size_t i = 0; i < n; i++)
		if (all[i] != builtin_name)
			free(all[i]);
	free(all);
}
