#include "config.h"

#include "relview/config.h"

#include "relview/ascii.h"
#include "relview/grow.h"
#include "relview/xdg.h"

#include "relview/date.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SIZE_K             ((uint64_t)1 << 10)
#define MAX_ENTRY_BYTES_UP ((uint64_t)256 << 20) /* the reading child has 512 MiB */
#define MAX_TOTAL_BYTES_UP ((uint64_t)1 << 50)
#define TOPIC_NAME_MAX     200

static void free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

static void free_topics(struct config *c)
{
	free_names(c->topics, c->ntopics);
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

/* strftime() with the user's date_format: a format from the configuration (checked by
 * parse_date_format), so never a literal; -Wformat-nonliteral is quieted here only. */
static size_t format_tm(char *out, size_t size, const char *format, const struct tm *tm)
{
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	return strftime(out, size, format, tm);
#pragma GCC diagnostic pop
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
	if (t == (time_t)-1 || format_tm(out, size, c->date_format, &tm) == 0)
		date_format_iso(date, out);
}

/* ---- the settings: a type per kind of value, a row per setting ------------------------- */

struct setting;
/* Read text into the setting; false (c as it was) with the reason in why. */
typedef bool parse_fn(const struct setting *s, struct config *c, const char *v, char *why);
/* The setting's value as the file would give it. */
typedef void format_fn(const struct setting *s, const struct config *c, FILE *out);

struct value_name {
	const char *name;
	unsigned value;
};

struct value_type {
	parse_fn *parse;
	format_fn *format;
	const struct value_name *names; /* a choice: its names, up to a NULL one */
	uint64_t min, max;              /* a count (or 0) or a size */
	const char *zero, *unit;        /* a count: what 0 means, what it counts */
	const char *what;               /* a text: what it names */
};

struct setting_option {
	const char *name, *value;
};

struct setting {
	const char *section, *key, *def, *help;
	const struct value_type *type;
	size_t offset, size;                  /* of its field in struct config */
	const struct setting_option *options; /* up to a NULL name */
};

static void *field_of(const struct setting *s, struct config *c)
{
	return (char *)c + s->offset;
}

static const void *const_field_of(const struct setting *s, const struct config *c)
{
	return (const char *)c + s->offset;
}

/* Choices, counts and sizes live in bool, enum, unsigned and uint64_t fields, told
 * apart by their width: an enum holds a setting's numbers as unsigned does. */
_Static_assert(sizeof(enum config_layout) == sizeof(unsigned) &&
                       sizeof(enum clip_mode) == sizeof(unsigned),
               "enum fields are stored as unsigned");

static void store_number(const struct setting *s, struct config *c, uint64_t n)
{
	bool b = n != 0;
	unsigned u = (unsigned)n;
	memcpy(field_of(s, c),
	       s->size == sizeof b   ? (void *)&b
	       : s->size == sizeof u ? (void *)&u
	                             : (void *)&n,
	       s->size);
}

static uint64_t load_number(const struct setting *s, const struct config *c)
{
	bool b = false;
	unsigned u = 0;
	uint64_t n = 0;
	memcpy(s->size == sizeof b   ? (void *)&b
	       : s->size == sizeof u ? (void *)&u
	                             : (void *)&n,
	       const_field_of(s, c), s->size);
	return s->size == sizeof b ? b : s->size == sizeof u ? u : n;
}

static bool parse_text(const struct setting *s, struct config *c, const char *v, char *why)
{
	size_t len = strlen(v);
	if (!len || len >= s->size) {
		snprintf(why, CONFIG_WHY_MAX, "%s is needed", s->type->what);
		return false;
	}
	memcpy(field_of(s, c), v, len + 1);
	return true;
}

static void format_text(const struct setting *s, const struct config *c, FILE *out)
{
	fputs(const_field_of(s, c), out);
}

/* A format that gives some text for a date, and not too much for the list. */
static bool parse_date_format(const struct setting *s, struct config *c, const char *v, char *why)
{
	char text[CONFIG_DATE_FORMAT_MAX * 4];
	struct tm tm = {.tm_year = 123, .tm_mon = 8, .tm_mday = 27};
	if (*v && strlen(v) < s->size && format_tm(text, sizeof text, v, &tm) > 0 &&
	    strlen(text) <= 40)
		return parse_text(s, c, v, why);
	snprintf(why, CONFIG_WHY_MAX, "'%s' is not a strftime(3) format of a short date", v);
	return false;
}

/* "'x' is not auto, side, stacked or list" */
static void not_a_choice(const struct value_name *names, const char *v, char *why)
{
	size_t len = (size_t)snprintf(why, CONFIG_WHY_MAX, "'%s' is not ", v);
	for (const struct value_name *n = names; n->name && len < CONFIG_WHY_MAX; n++)
		len += (size_t)snprintf(why + len, CONFIG_WHY_MAX - len, "%s%s", n->name,
		                        !n[1].name   ? ""
		                        : !n[2].name ? " or "
		                                     : ", ");
}

static bool parse_choice(const struct setting *s, struct config *c, const char *v, char *why)
{
	for (const struct value_name *n = s->type->names; n->name; n++)
		if (ascii_casecmp(v, n->name) == 0) {
			store_number(s, c, n->value);
			return true;
		}
	not_a_choice(s->type->names, v, why);
	return false;
}

static void format_choice(const struct setting *s, const struct config *c, FILE *out)
{
	uint64_t value = load_number(s, c);
	for (const struct value_name *n = s->type->names; n->name; n++)
		if (n->value == value)
			fputs(n->name, out);
}

static bool parse_number(const char *v, uint64_t *n)
{
	char *end;
	errno = 0;
	unsigned long long x = strtoull(v, &end, 10);
	if (errno || end == v || !ascii_is_digit(v[0]) || *end)
		return false;
	*n = x;
	return true;
}

/* 0, or min to max */
static bool parse_count(const struct setting *s, struct config *c, const char *v, char *why)
{
	const struct value_type *t = s->type;
	uint64_t n;
	if (parse_number(v, &n) && (n == 0 || (n >= t->min && n <= t->max))) {
		store_number(s, c, n);
		return true;
	}
	snprintf(why, CONFIG_WHY_MAX, "'%s' is not 0 (%s) or %llu to %llu %s", v, t->zero,
	         (unsigned long long)t->min, (unsigned long long)t->max, t->unit);
	return false;
}

static void format_count(const struct setting *s, const struct config *c, FILE *out)
{
	fprintf(out, "%llu", (unsigned long long)load_number(s, c));
}

static const char size_units[] = "KMGT";

/* "4096", "64K", "64M", "4G", "1T" (binary multiples; "MiB" and "MB" read the same). */
static bool parse_size(const char *v, uint64_t min, uint64_t max, uint64_t *out)
{
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (errno || end == v || !ascii_is_digit(v[0]))
		return false;
	const char *unit = *end ? strchr(size_units, ascii_upper(*end)) : NULL;
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

static bool parse_size_setting(const struct setting *s, struct config *c, const char *v, char *why)
{
	const struct value_type *t = s->type;
	uint64_t n;
	if (parse_size(v, t->min, t->max, &n)) {
		store_number(s, c, n);
		return true;
	}
	char min[24], max[24] = "up";
	format_size(t->min, min, sizeof min);
	if (t->max != MAX_TOTAL_BYTES_UP) {
		strcpy(max, "to ");
		format_size(t->max, max + 3, sizeof max - 3);
	}
	snprintf(why, CONFIG_WHY_MAX, "'%s' is not a size from %s %s (e.g. %s)", v, min, max,
	         s->def);
	return false;
}

static void format_size_setting(const struct setting *s, const struct config *c, FILE *out)
{
	char text[24];
	format_size(load_number(s, c), text, sizeof text);
	fputs(text, out);
}

static const char *const column_names[COLUMN_COUNT] = {"date", "location", "topics", "title"};

static bool parse_columns(const struct setting *s, struct config *c, const char *v, char *why)
{
	(void)s;
	enum config_column cols[COLUMN_COUNT];
	size_t n = 0;
	bool seen[COLUMN_COUNT] = {false};
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, " ,");
		int found = -1;
		for (int k = 0; k < COLUMN_COUNT && len; k++)
			if (strlen(column_names[k]) == len &&
			    ascii_ncasecmp(column_names[k], p, len) == 0)
				found = k;
		if (len && (found < 0 || seen[found])) {
			snprintf(why, CONFIG_WHY_MAX, "'%.*s' is %s", (int)len, p,
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
		snprintf(why, CONFIG_WHY_MAX, "the title column cannot be left out");
		return false;
	}
	memcpy(c->columns, cols, n * sizeof *cols);
	c->ncolumns = n;
	return true;
}

static void format_columns(const struct setting *s, const struct config *c, FILE *out)
{
	(void)s;
	for (size_t i = 0; i < c->ncolumns; i++)
		fprintf(out, "%s%s", i ? " " : "", column_names[c->columns[i]]);
}

static bool add_topic(char ***topics, size_t *n, size_t *cap, const char *s, size_t len)
{
	return grow_array((void **)topics, cap, *n + 1, sizeof **topics) &&
	       ((*topics)[*n] = strndup(s, len)) && ++*n;
}

/* "Wildlife Trafficking | Cyber Crime": names may hold commas, never a '|'. The
 * names are read apart and replace the old ones only when all are good. */
static bool parse_topics(const struct setting *s, struct config *c, const char *v, char *why)
{
	(void)s;
	char **names = NULL;
	size_t nnames = 0, cap = 0;
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, "|");
		const char *name = p;
		size_t n = len;
		ascii_trim(&name, &n);
		if (n > TOPIC_NAME_MAX || (n && !add_topic(&names, &nnames, &cap, name, n))) {
			snprintf(why, CONFIG_WHY_MAX,
			         n > TOPIC_NAME_MAX ? "a topic name is too long (%d bytes at most)"
			                            : "out of memory",
			         TOPIC_NAME_MAX);
			free_names(names, nnames);
			return false;
		}
		p += len + (p[len] != '\0');
	}
	free_topics(c);
	c->topics = names;
	c->ntopics = nnames;
	return true;
}

static void format_topics(const struct setting *s, const struct config *c, FILE *out)
{
	(void)s;
	for (size_t i = 0; i < c->ntopics; i++)
		fprintf(out, "%s%s", i ? " | " : "", c->topics[i]);
}

static const struct value_name layout_names[] = {{"auto", CONFIG_LAYOUT_AUTO},
                                                 {"side", CONFIG_LAYOUT_SIDE},
                                                 {"stacked", CONFIG_LAYOUT_STACKED},
                                                 {"list", CONFIG_LAYOUT_LIST},
                                                 {NULL, 0}};
static const struct value_name sort_names[] = {{"newest", false}, {"oldest", true}, {NULL, 0}};
static const struct value_name flag_names[] = {{"true", true}, {"false", false}, {NULL, 0}};
static const struct value_name clipboard_names[] = {
        {"auto", CLIP_AUTO}, {"on", CLIP_ON}, {"off", CLIP_OFF}, {NULL, 0}};

/* The types the settings table names (its type column, with _type added). */
static const struct value_type theme_type = {
        .parse = parse_text, .format = format_text, .what = "a theme name or file"};
static const struct value_type date_format_type = {.parse = parse_date_format,
                                                   .format = format_text};
static const struct value_type layout_type = {
        .parse = parse_choice, .format = format_choice, .names = layout_names};
static const struct value_type sort_type = {
        .parse = parse_choice, .format = format_choice, .names = sort_names};
static const struct value_type flag_type = {
        .parse = parse_choice, .format = format_choice, .names = flag_names};
static const struct value_type clipboard_type = {
        .parse = parse_choice, .format = format_choice, .names = clipboard_names};
static const struct value_type columns_type = {.parse = parse_columns, .format = format_columns};
static const struct value_type wrap_type = {.parse = parse_count,
                                            .format = format_count,
                                            .min = CONFIG_WRAP_MIN,
                                            .max = CONFIG_WRAP_MAX,
                                            .zero = "the pane's width",
                                            .unit = "columns"};
static const struct value_type sparkline_type = {.parse = parse_count,
                                                 .format = format_count,
                                                 .min = 2,
                                                 .max = CONFIG_SPARKLINE_MAX,
                                                 .zero = "none",
                                                 .unit = "months"};
static const struct value_type topics_type = {.parse = parse_topics, .format = format_topics};
static const struct value_type entry_size_type = {.parse = parse_size_setting,
                                                  .format = format_size_setting,
                                                  .min = SIZE_K,
                                                  .max = MAX_ENTRY_BYTES_UP};
static const struct value_type size_type = {.parse = parse_size_setting,
                                            .format = format_size_setting,
                                            .min = SIZE_K,
                                            .max = MAX_TOTAL_BYTES_UP};

#define OPTION(name, value) {name, value},
static const struct setting settings[] = {
#define AS_SETTING(id, section_, key_, type_, field, def_, options_, help_)                        \
	[CONFIG_##id] = {.section = section_,                                                      \
	                 .key = key_,                                                              \
	                 .def = def_,                                                              \
	                 .help = help_,                                                            \
	                 .type = &type_##_type,                                                    \
	                 .offset = offsetof(struct config, field),                                 \
	                 .size = sizeof(((struct config *)0)->field),                              \
	                 .options = (const struct setting_option[]){options_{NULL, NULL}}},
        CONFIG_SETTINGS(AS_SETTING)
#undef AS_SETTING
};
#undef OPTION

/* The sections in the file's order; [keys] is the key table's (keys.h). */
static const char *const sections[] = {"ui", "keys", "topics", "limits", "cache"};
enum { NSECTIONS = sizeof sections / sizeof *sections };

static const struct setting *find_setting(const char *section, const char *key)
{
	for (size_t i = 0; i < CONFIG_SETTING_COUNT; i++)
		if (strcmp(settings[i].section, section) == 0 && strcmp(settings[i].key, key) == 0)
			return &settings[i];
	return NULL;
}

void config_defaults(struct config *c)
{
	*c = (struct config){0};
	char why[CONFIG_WHY_MAX];
	/* Each default reads as the file would give it (test_config checks). */
	for (size_t i = 0; i < CONFIG_SETTING_COUNT; i++)
		(void)settings[i].type->parse(&settings[i], c, settings[i].def, why);
}

bool config_set(struct config *c, enum config_setting id, const char *value,
                char why[CONFIG_WHY_MAX])
{
	return settings[id].type->parse(&settings[id], c, value, why);
}

bool config_option(const char *option, enum config_setting *id, const char **value)
{
	for (size_t i = 0; i < CONFIG_SETTING_COUNT; i++)
		for (const struct setting_option *o = settings[i].options; o->name; o++)
			if (strcmp(o->name, option) == 0) {
				*id = (enum config_setting)i;
				*value = o->value;
				return true;
			}
	return false;
}

/* The setting's value as the file would give it; malloc'd, NULL when out of memory. */
static char *setting_text(const struct setting *s, const struct config *c)
{
	char *text = NULL;
	size_t len;
	FILE *out = open_memstream(&text, &len);
	if (!out)
		return NULL;
	s->type->format(s, c, out);
	if (fclose(out) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* ---- [keys] ---------------------------------------------------------------------------- */

/* "j Down C-n" or "none" into a choice; false with the reason. */
static bool parse_keys(const char *v, struct key_choice *choice, char *why)
{
	*choice = (struct key_choice){.set = true};
	if (ascii_casecmp(v, "none") == 0)
		return true;
	for (const char *p = v; *p;) {
		size_t len = strcspn(p, " \t");
		int code = len ? keys_parse(p, len) : KEYCODE_NONE;
		if (len && code < 0) {
			snprintf(why, CONFIG_WHY_MAX,
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
			snprintf(why, CONFIG_WHY_MAX, "more than %d keys", KEYS_PER_ACTION);
			return false;
		}
		if (len && !again)
			choice->keys[choice->n++] = code;
		p += len + (p[len] != '\0');
	}
	if (choice->n == 0)
		snprintf(why, CONFIG_WHY_MAX, "no keys given (\"none\" leaves the action unbound)");
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
	char why[CONFIG_WHY_MAX];
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
		ascii_lower_string(other_name);
		ini_warn(ini, item, "'%s' is bound twice (also to %s); the default (%s) is used",
		         name, other_name, key_table[a].keys);
	}
}

/* ---- the file ----------------------------------------------------------------------------- */

/* "unknown key (theme, layout, ...)": the keys the section has. */
static void unknown_key(const struct ini *ini, const struct ini_item *item)
{
	char keys[CONFIG_WHY_MAX] = "";
	size_t len = 0;
	for (size_t i = 0; i < CONFIG_SETTING_COUNT && len < sizeof keys; i++)
		if (strcmp(settings[i].section, item->section) == 0)
			len += (size_t)snprintf(keys + len, sizeof keys - len, "%s%s",
			                        len ? ", " : "", settings[i].key);
	ini_warn(ini, item, "unknown key (%s)", keys);
}

static void set_setting(struct config *c, const struct ini *ini, const struct ini_item *item,
                        const char *v)
{
	const struct setting *s = find_setting(item->section, item->key);
	char why[CONFIG_WHY_MAX];
	if (!s) {
		unknown_key(ini, item);
	} else if (!s->type->parse(s, c, v, why)) {
		char *kept = setting_text(s, c);
		ini_warn(ini, item, "%s; %s is used", why, kept && *kept ? kept : "\"\"");
		free(kept);
	}
}

static void set_item(struct config *c, const struct ini *ini, const struct ini_item *item)
{
	const char *v = ini_value(ini, item);
	if (!*v && item->hash_value)
		ini_warn(ini, item, "a value starting with # must be quoted: \"#...\"");
	else if (strcmp(item->section, "keys") == 0)
		set_keys(c, ini, item, v);
	else
		set_setting(c, ini, item, v);
}

static bool known_section(const char *name)
{
	for (size_t i = 0; i < NSECTIONS; i++)
		if (strcmp(name, sections[i]) == 0)
			return true;
	return false;
}

/* "unknown section (ui, keys, ...)" */
static void unknown_section(const struct ini *ini, const struct ini_item *item)
{
	char names[CONFIG_WHY_MAX] = "";
	size_t len = 0;
	for (size_t i = 0; i < NSECTIONS && len < sizeof names; i++)
		len += (size_t)snprintf(names + len, sizeof names - len, "%s%s", i ? ", " : "",
		                        sections[i]);
	ini_warn(ini, item, "unknown section (%s)", names);
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
			unknown_section(&ini, item);
		else if (item->key[0] && !item->section[0])
			ini_warn(&ini, item, "outside any section");
		else if (item->key[0] && known_section(item->section))
			set_item(c, &ini, item);
	}
	ini_close(&ini);
	return ok;
}

/* ---- writing it out ------------------------------------------------------------------------ */

/* "# help (default: DEFAULT; --option)", as relview.ini(5) lists the settings too
 * (tests/cli/docs.sh compares them). */
static void dump_comment(const struct setting *s, FILE *out)
{
	fprintf(out, "# %s (default: %s", s->help, s->def[0] ? s->def : "\"\"");
	for (const struct setting_option *o = s->options; o->name; o++)
		fprintf(out, "%s--%s", o == s->options ? "; " : ", ", o->name);
	fputs(")\n", out);
}

static void dump_section(const struct config *c, FILE *out, const char *section)
{
	fprintf(out, "[%s]\n", section);
	for (size_t i = 0; i < CONFIG_SETTING_COUNT; i++) {
		if (strcmp(settings[i].section, section) != 0)
			continue;
		char *value = setting_text(&settings[i], c);
		dump_comment(&settings[i], out);
		ini_put_value(out, settings[i].key, value ? value : "");
		free(value);
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
		ascii_lower_string(name);
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

void config_dump(const struct config *c, FILE *out)
{
	fprintf(out, "# relview configuration (relview --dump-config); see relview.ini(5)\n");
	for (size_t i = 0; i < NSECTIONS; i++) {
		fputc('\n', out);
		if (strcmp(sections[i], "keys") == 0)
			dump_keys(c, out);
		else
			dump_section(c, out, sections[i]);
	}
}
