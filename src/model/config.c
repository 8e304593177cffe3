#include "config.h"

#include "relview/config.h"

#include "relview/xdg.h"

#include "relview/cache.h"
#include "relview/date.h"
#include "relview/source.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define SIZE_K             ((uint64_t)1 << 10)
#define MAX_ENTRY_BYTES_UP ((uint64_t)256 << 20) /* the reading child has 512 MiB */
#define MAX_TOTAL_BYTES_UP ((uint64_t)1 << 50)
#define TOPIC_NAME_MAX     200
#define WHY_MAX            200

static const char *const column_names[COLUMN_COUNT] = {"date", "location", "topics", "title"};
static const char *const layout_names[] = {"auto", "side", "stacked"};

void config_defaults(struct config *c)
{
	*c = (struct config){
	        .theme = "default",
	        .layout = CONFIG_LAYOUT_AUTO,
	        .date_format = "%Y-%m-%d",
	        .columns = {COLUMN_DATE, COLUMN_LOCATION, COLUMN_TOPICS, COLUMN_TITLE},
	        .ncolumns = COLUMN_COUNT,
	        .sparkline = CONFIG_SPARKLINE_DEFAULT,
	        .max_entry_bytes = SOURCE_MAX_ENTRY_BYTES,
	        .max_total_bytes = SOURCE_MAX_TOTAL_BYTES,
	        .cache_max_bytes = CACHE_MAX_BYTES,
	};
}

static void free_topics(struct config *c)
{
	for (size_t i = 0; i < c->ntopics; i++)
		free(c->topics[i]);
	free(c->topics);
	c->topics = NULL;
	c->ntopics = 0;
}

void config_free(struct config *c)
{
	free_topics(c);
}

bool config_default_path(char *path, size_t size)
{
	char *dir = xdg_dir("XDG_CONFIG_HOME", ".config");
	int n = dir ? snprintf(path, size, "%s/config.ini", dir) : -1;
	free(dir);
	return n > 0 && (size_t)n < size;
}

void config_format_date(const struct config *c, uint32_t date, char *out, size_t size)
{
	out[0] = '\0';
	if (date == DATE_UNKNOWN)
		return;
	struct tm tm = {.tm_year = date_year(date) - 1900,
	                .tm_mon = date_month(date) - 1,
	                .tm_mday = (int)(date % 100),
	                .tm_hour = 12};
	time_t t = timegm(&tm); /* fills in the weekday */
	if (t == (time_t)-1 || strftime(out, size, c->date_format, &tm) == 0)
		date_format_iso(date, out);
}

/* ---- [ui] and [limits]: one parser and one printer per setting -------------------- */

typedef bool parse_fn(struct config *c, const char *v, char *why);
typedef void dump_fn(const struct config *c, char *out, size_t size);

static bool parse_theme(struct config *c, const char *v, char *why)
{
	if (!*v || strlen(v) >= sizeof c->theme) {
		snprintf(why, WHY_MAX, "a theme name or file is needed");
		return false;
	}
	snprintf(c->theme, sizeof c->theme, "%s", v);
	return true;
}

static void dump_theme(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", c->theme);
}

static bool parse_layout(struct config *c, const char *v, char *why)
{
	for (size_t i = 0; i < sizeof layout_names / sizeof *layout_names; i++)
		if (strcasecmp(v, layout_names[i]) == 0) {
			c->layout = (enum config_layout)i;
			return true;
		}
	snprintf(why, WHY_MAX, "'%s' is not auto, side or stacked", v);
	return false;
}

static void dump_layout(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", layout_names[c->layout]);
}

static bool parse_sort(struct config *c, const char *v, char *why)
{
	if (strcasecmp(v, "newest") == 0 || strcasecmp(v, "oldest") == 0) {
		c->oldest_first = strcasecmp(v, "oldest") == 0;
		return true;
	}
	snprintf(why, WHY_MAX, "'%s' is not newest or oldest", v);
	return false;
}

static void dump_sort(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", c->oldest_first ? "oldest" : "newest");
}

static bool parse_date_format(struct config *c, const char *v, char *why)
{
	char text[CONFIG_DATE_FORMAT_MAX * 4];
	if (*v && strlen(v) < sizeof c->date_format) {
		struct tm tm = {.tm_year = 123, .tm_mon = 8, .tm_mday = 27};
		if (strftime(text, sizeof text, v, &tm) > 0 && strlen(text) <= 40) {
			snprintf(c->date_format, sizeof c->date_format, "%s", v);
			return true;
		}
	}
	snprintf(why, WHY_MAX, "'%s' is not a strftime(3) format of a short date", v);
	return false;
}

static void dump_date_format(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", c->date_format);
}

static bool parse_columns(struct config *c, const char *v, char *why)
{
	enum config_column cols[COLUMN_COUNT];
	size_t n = 0;
	bool seen[COLUMN_COUNT] = {false};
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, " ,");
		int found = -1;
		for (int k = 0; k < COLUMN_COUNT && len; k++)
			if (strlen(column_names[k]) == len &&
			    strncasecmp(column_names[k], p, len) == 0)
				found = k;
		if (len && (found < 0 || seen[found])) {
			snprintf(why, WHY_MAX, "'%.*s' is %s", (int)len, p,
			         found < 0 ? "not date, location, topics or title" : "named twice");
			return false;
		}
		if (found >= 0) {
			seen[found] = true;
			cols[n++] = (enum config_column)found;
		}
		p += len + (p[len] != '\0');
	}
	if (!seen[COLUMN_TITLE]) {
		snprintf(why, WHY_MAX, "the title column cannot be left out");
		return false;
	}
	memcpy(c->columns, cols, n * sizeof *cols);
	c->ncolumns = n;
	return true;
}

static void dump_columns(const struct config *c, char *out, size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < c->ncolumns && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%s", i ? " " : "",
		                        column_names[c->columns[i]]);
}

static bool parse_number(const char *v, uint64_t *n)
{
	char *end;
	errno = 0;
	unsigned long long x = strtoull(v, &end, 10);
	if (errno || end == v || !isdigit((unsigned char)v[0]) || *end)
		return false;
	*n = x;
	return true;
}

static bool parse_wrap(struct config *c, const char *v, char *why)
{
	uint64_t n;
	if (!parse_number(v, &n) || (n != 0 && (n < CONFIG_WRAP_MIN || n > CONFIG_WRAP_MAX))) {
		snprintf(why, WHY_MAX, "'%s' is not 0 (the pane's width) or %d to %d columns", v,
		         CONFIG_WRAP_MIN, CONFIG_WRAP_MAX);
		return false;
	}
	c->wrap = (unsigned)n;
	return true;
}

static void dump_wrap(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%u", c->wrap);
}

static bool parse_bool(const char *v, bool *out, char *why)
{
	if (strcmp(v, "true") == 0 || strcmp(v, "false") == 0) {
		*out = strcmp(v, "true") == 0;
		return true;
	}
	snprintf(why, WHY_MAX, "'%s' is not true or false", v);
	return false;
}

static bool parse_restricted(struct config *c, const char *v, char *why)
{
	return parse_bool(v, &c->restricted, why);
}

static void dump_restricted(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", c->restricted ? "true" : "false");
}

static bool parse_mouse(struct config *c, const char *v, char *why)
{
	return parse_bool(v, &c->mouse, why);
}

static void dump_mouse(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", c->mouse ? "true" : "false");
}

static bool parse_sparkline(struct config *c, const char *v, char *why)
{
	uint64_t n;
	if (!parse_number(v, &n) || n == 1 || n > CONFIG_SPARKLINE_MAX) {
		snprintf(why, WHY_MAX, "'%s' is not 0 (none) or 2 to %d months", v,
		         CONFIG_SPARKLINE_MAX);
		return false;
	}
	c->sparkline = (unsigned)n;
	return true;
}

static void dump_sparkline(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%u", c->sparkline);
}

static const char *const clip_modes[] = {
        [CLIP_AUTO] = "auto", [CLIP_ON] = "on", [CLIP_OFF] = "off"};

static bool parse_clipboard(struct config *c, const char *v, char *why)
{
	for (size_t i = 0; i < sizeof clip_modes / sizeof *clip_modes; i++)
		if (strcmp(v, clip_modes[i]) == 0) {
			c->clipboard = (enum clip_mode)i;
			return true;
		}
	snprintf(why, WHY_MAX, "'%s' is not auto, on or off", v);
	return false;
}

static void dump_clipboard(const struct config *c, char *out, size_t size)
{
	snprintf(out, size, "%s", clip_modes[c->clipboard]);
}

static const char size_units[] = "KMGT";

/* "4096", "64K", "64M", "4G", "1T" (binary multiples; "MiB" and "MB" read the same). */
static bool parse_size(const char *v, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (errno || end == v || !isdigit((unsigned char)v[0]))
		return false;
	const char *unit = *end ? strchr(size_units, toupper((unsigned char)*end)) : NULL;
	if (*end && !unit)
		return false;
	if (unit) {
		end++;
		if (strcmp(end, "iB") != 0 && strcmp(end, "B") != 0 && *end)
			return false;
		for (int shift = (int)(unit - size_units) + 1; shift > 0; shift--) {
			if (n > max / SIZE_K)
				return false;
			n *= SIZE_K;
		}
	} else if (*end) {
		return false;
	}
	if (n < min || n > max)
		return false;
	*out = n;
	return true;
}

static void format_size(uint64_t n, char *out, size_t size)
{
	int unit = 0;
	while (unit < 4 && n >= SIZE_K && n % SIZE_K == 0)
		n /= SIZE_K, unit++;
	snprintf(out, size, "%llu%s", (unsigned long long)n,
	         unit ? (char[]){size_units[unit - 1], '\0'} : "");
}

static bool parse_max_entry(struct config *c, const char *v, char *why)
{
	if (parse_size(v, SIZE_K, MAX_ENTRY_BYTES_UP, &c->max_entry_bytes))
		return true;
	snprintf(why, WHY_MAX, "'%s' is not a size from 1K to 256M (e.g. 64M)", v);
	return false;
}

static void dump_max_entry(const struct config *c, char *out, size_t size)
{
	format_size(c->max_entry_bytes, out, size);
}

static bool parse_max_total(struct config *c, const char *v, char *why)
{
	if (parse_size(v, SIZE_K, MAX_TOTAL_BYTES_UP, &c->max_total_bytes))
		return true;
	snprintf(why, WHY_MAX, "'%s' is not a size from 1K up (e.g. 4G)", v);
	return false;
}

static void dump_max_total(const struct config *c, char *out, size_t size)
{
	format_size(c->max_total_bytes, out, size);
}

static bool parse_cache_max(struct config *c, const char *v, char *why)
{
	if (parse_size(v, SIZE_K, MAX_TOTAL_BYTES_UP, &c->cache_max_bytes))
		return true;
	snprintf(why, WHY_MAX, "'%s' is not a size from 1K up (e.g. 8G)", v);
	return false;
}

static void dump_cache_max(const struct config *c, char *out, size_t size)
{
	format_size(c->cache_max_bytes, out, size);
}

static const struct setting {
	const char *section, *key;
	parse_fn *parse;
	dump_fn *dump;
} settings[] = {
        {"ui", "theme", parse_theme, dump_theme},
        {"ui", "layout", parse_layout, dump_layout},
        {"ui", "sort", parse_sort, dump_sort},
        {"ui", "date_format", parse_date_format, dump_date_format},
        {"ui", "columns", parse_columns, dump_columns},
        {"ui", "wrap", parse_wrap, dump_wrap},
        {"ui", "restricted", parse_restricted, dump_restricted},
        {"ui", "clipboard", parse_clipboard, dump_clipboard},
        {"ui", "mouse", parse_mouse, dump_mouse},
        {"ui", "sparkline", parse_sparkline, dump_sparkline},
        {"limits", "max_entry_bytes", parse_max_entry, dump_max_entry},
        {"limits", "max_total_bytes", parse_max_total, dump_max_total},
        {"cache", "max_size", parse_cache_max, dump_cache_max},
};
enum { NSETTINGS = sizeof settings / sizeof *settings };

static const struct setting *find_setting(const char *section, const char *key)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].section, section) == 0 && strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

/* ---- [topics] -------------------------------------------------------------------------- */

static bool add_topic(struct config *c, const char *s, size_t n)
{
	char **bigger = realloc(c->topics, (c->ntopics + 1) * sizeof *bigger);
	if (!bigger)
		return false;
	c->topics = bigger;
	return (c->topics[c->ntopics] = strndup(s, n)) && ++c->ntopics;
}

/* "Wildlife Trafficking | Cyber Crime": names may hold commas, never a '|'. */
static bool parse_topics(struct config *c, const char *v, char *why)
{
	free_topics(c);
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, "|");
		const char *s = p;
		size_t n = len;
		while (n && isspace((unsigned char)*s))
			s++, n--;
		while (n && isspace((unsigned char)s[n - 1]))
			n--;
		if (n > TOPIC_NAME_MAX || (n && !add_topic(c, s, n))) {
			snprintf(why, WHY_MAX, "a topic name is too long (%d bytes at most)",
			         TOPIC_NAME_MAX);
			free_topics(c);
			return false;
		}
		p += len + (p[len] != '\0');
	}
	return true;
}

/* ---- [keys] ---------------------------------------------------------------------------- */

/* "j Down C-n" or "none" into a choice; false with the reason. */
static bool parse_keys(const char *v, struct key_choice *choice, char *why)
{
	*choice = (struct key_choice){.set = true};
	if (strcasecmp(v, "none") == 0)
		return true;
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, " \t");
		int code = len ? keys_parse(p, len) : KEYCODE_NONE;
		if (len && code < 0) {
			snprintf(why, WHY_MAX,
			         code == KEYCODE_RESERVED
			                 ? "'%.*s' cannot be bound: the terminal keeps it"
			                 : "'%.*s' is not a key name",
			         (int)len, p);
			return false;
		}
		bool again = false;
		for (int k = 0; k < choice->n; k++)
			again = again || choice->keys[k] == code;
		if (len && !again && choice->n == KEYS_PER_ACTION) {
			snprintf(why, WHY_MAX, "more than %d keys", KEYS_PER_ACTION);
			return false;
		}
		if (len && !again)
			choice->keys[choice->n++] = code;
		p += len + (p[len] != '\0');
	}
	if (choice->n == 0)
		snprintf(why, WHY_MAX, "no keys given (\"none\" leaves the action unbound)");
	return choice->n > 0;
}

/* The configured action that already has one of choice's keys in its context. */
static enum action bound_before(const struct config *c, enum action a,
                                const struct key_choice *choice, int *key)
{
	for (int b = ACT_NONE + 1; b < ACT_COUNT; b++) {
		if (b == (int)a || !c->keys[b].set || key_table[b].context != key_table[a].context)
			continue;
		for (int i = 0; i < choice->n; i++)
			for (int k = 0; k < c->keys[b].n; k++)
				if (choice->keys[i] == c->keys[b].keys[k]) {
					*key = choice->keys[i];
					return (enum action)b;
				}
	}
	return ACT_NONE;
}

static void set_keys(struct config *c, const struct ini *ini, const struct ini_item *item,
                     const char *v)
{
	char why[WHY_MAX];
	enum action a = keys_action(item->key);
	struct key_choice choice;
	int key;
	if (a == ACT_NONE) {
		ini_warn(ini, item, "unknown action (relview --help-keys lists them)");
	} else if (!parse_keys(v, &choice, why)) {
		ini_warn(ini, item, "%s; the default (%s) is used", why, key_table[a].keys);
	} else {
		enum action other = bound_before(c, a, &choice, &key);
		if (other == ACT_NONE) {
			c->keys[a] = choice;
			return;
		}
		char name[KEYS_NAME_MAX], other_name[64];
		keys_name(key, name);
		snprintf(other_name, sizeof other_name, "%s", key_table[other].name);
		for (char *p = other_name; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		ini_warn(ini, item, "'%s' is bound twice (also to %s); the default (%s) is used",
		         name, other_name, key_table[a].keys);
	}
}

/* ---- the file ----------------------------------------------------------------------------- */

static void set_item(struct config *c, const struct ini *ini, const struct ini_item *item)
{
	const char *v = ini_value(ini, item);
	char why[WHY_MAX];
	if (!*v && item->hash_value) {
		ini_warn(ini, item, "a value starting with # must be quoted: \"#...\"");
		return;
	}
	if (strcmp(item->section, "keys") == 0) {
		set_keys(c, ini, item, v);
		return;
	}
	if (strcmp(item->section, "topics") == 0) {
		if (strcmp(item->key, "names") != 0)
			ini_warn(ini, item, "unknown key (names)");
		else if (!parse_topics(c, v, why))
			ini_warn(ini, item, "%s", why);
		return;
	}
	const struct setting *s = find_setting(item->section, item->key);
	if (!s) {
		ini_warn(ini, item, "unknown key");
		return;
	}
	struct config before = *c;
	if (!s->parse(c, v, why)) {
		char def[CONFIG_THEME_MAX];
		s->dump(&before, def, sizeof def);
		ini_warn(ini, item, "%s; %s is used", why, def);
	}
}

static bool known_section(const char *name)
{
	return strcmp(name, "ui") == 0 || strcmp(name, "keys") == 0 ||
	       strcmp(name, "topics") == 0 || strcmp(name, "limits") == 0 ||
	       strcmp(name, "cache") == 0;
}

bool config_load(struct config *c, const char *path, struct ini_report *report)
{
	struct ini ini;
	bool ok = ini_open(&ini, path, report);
	for (size_t i = 0; ok && i < ini.nitems; i++) {
		const struct ini_item *item = &ini.items[i];
		if (item->repeated)
			continue;
		if (!item->key[0] && !known_section(item->section))
			ini_warn(&ini, item, "unknown section (ui, keys, topics, limits, cache)");
		else if (item->key[0] && !item->section[0])
			ini_warn(&ini, item, "outside any section");
		else if (item->key[0] && known_section(item->section))
			set_item(c, &ini, item);
	}
	ini_close(&ini);
	return ok;
}

/* ---- writing it out ------------------------------------------------------------------------ */

static void dump_section(const struct config *c, FILE *out, const char *section)
{
	fprintf(out, "[%s]\n", section);
	for (size_t i = 0; i < NSETTINGS; i++) {
		char value[CONFIG_THEME_MAX];
		if (strcmp(settings[i].section, section) != 0)
			continue;
		settings[i].dump(c, value, sizeof value);
		ini_put_value(out, settings[i].key, value);
	}
}

/* The keys in effect, action by action: a default key that a configured action took
 * is no longer its default action's, so the dump reads back to the same map. */
static void dump_keys(const struct config *c, FILE *out)
{
	struct keymap map;
	keymap_build(&map, c->keys);
	fprintf(out, "[keys]\n");
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		char name[64], value[KEYS_PER_ACTION * (KEYS_NAME_MAX + 1) + 8] = "";
		snprintf(name, sizeof name, "%s", key_table[a].name);
		for (char *p = name; *p; p++)
			*p = (char)tolower((unsigned char)*p);
		size_t len = 0;
		for (size_t e = 0; e < map.n; e++) {
			char key[KEYS_NAME_MAX];
			if (map.entries[e].action != a || len + KEYS_NAME_MAX + 1 >= sizeof value)
				continue;
			keys_name(map.entries[e].key, key);
			len += (size_t)snprintf(value + len, sizeof value - len, "%s%s",
			                        len ? " " : "", key);
		}
		ini_put_value(out, name, len ? value : "none");
	}
}

static void dump_topics(const struct config *c, FILE *out)
{
	fprintf(out, "[topics]\n");
	size_t len = 0;
	for (size_t i = 0; i < c->ntopics; i++)
		len += strlen(c->topics[i]) + 3;
	char *names = calloc(1, len + 1);
	for (size_t i = 0; names && i < c->ntopics; i++) {
		if (i)
			strcat(names, " | ");
		strcat(names, c->topics[i]);
	}
	ini_put_value(out, "names", names ? names : "");
	free(names);
}

void config_dump(const struct config *c, FILE *out)
{
	fprintf(out, "# relview configuration (relview --dump-config); see relview.ini(5)\n\n");
	dump_section(c, out, "ui");
	fputc('\n', out);
	dump_keys(c, out);
	fputc('\n', out);
	dump_topics(c, out);
	fputc('\n', out);
	dump_section(c, out, "limits");
	fputc('\n', out);
	dump_section(c, out, "cache");
}
