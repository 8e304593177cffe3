#include "config.h"

#include "relview/keys.h"

#include "relview/ascii.h"
#include "relview/text.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

const struct key_binding key_table[ACT_COUNT] = {
#define AS_ENTRY(id, context, scope, keys, help) [ACT_##id] = {#id, context, scope, keys, help},
        KEY_BINDINGS(AS_ENTRY)
#undef AS_ENTRY
};

const char *const keys_context_name[KEYS_PROMPT + 1] = {
        [KEYS_VIEW] = "List and reader",
        [KEYS_PICKER] = "Topic, location and source pickers (type to narrow the list)",
        [KEYS_PROMPT] = "Prompts: search, find, dates, picker text",
};

enum action keys_action(const char *name)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (ascii_casecmp(key_table[a].name, name) == 0)
			return (enum action)a;
	return ACT_NONE;
}

/* Names in the order keys_name() prefers them: the first name of a code wins. */
static const struct {
	const char *name;
	int code;
} named_keys[] = {
        {"Down", KEYCODE_FN(SPECIAL_DOWN)},
        {"Up", KEYCODE_FN(SPECIAL_UP)},
        {"Left", KEYCODE_FN(SPECIAL_LEFT)},
        {"Right", KEYCODE_FN(SPECIAL_RIGHT)},
        {"PgDn", KEYCODE_FN(SPECIAL_PGDN)},
        {"PgUp", KEYCODE_FN(SPECIAL_PGUP)},
        {"PageDown", KEYCODE_FN(SPECIAL_PGDN)},
        {"PageUp", KEYCODE_FN(SPECIAL_PGUP)},
        {"Home", KEYCODE_FN(SPECIAL_HOME)},
        {"End", KEYCODE_FN(SPECIAL_END)},
        {"Backspace", KEYCODE_FN(SPECIAL_BACKSPACE)},
        {"Delete", KEYCODE_FN(SPECIAL_DELETE)},
        {"Del", KEYCODE_FN(SPECIAL_DELETE)},
        {"Insert", KEYCODE_FN(SPECIAL_INSERT)},
        {"BTab", KEYCODE_FN(SPECIAL_BTAB)},
        {"Enter", '\n'},
        {"Return", '\n'},
        {"Tab", '\t'},
        {"Esc", 27},
        {"Escape", 27},
        {"Space", ' '},
};

/* Ctrl plus a letter; C-h, C-i, C-j and C-m are the codes of Backspace, Tab and Enter,
 * which the terminal cannot tell apart. */
static int control_key(char c)
{
	c = (char)(c | 0x20);
	if (c < 'a' || c > 'z')
		return KEYCODE_NONE;
	/* SIGINT and SIGTSTP stay signals; the terminal keeps C-s and C-q for flow control. */
	if (c == 'c' || c == 'z' || c == 's' || c == 'q')
		return KEYCODE_RESERVED;
	if (c == 'h')
		return KEYCODE_FN(SPECIAL_BACKSPACE);
	if (c == 'm')
		return '\n';
	return c & 0x1f;
}

/* "F1".."F12" */
static int function_key(const char *name, size_t len)
{
	if (len < 2 || len > 3 || (name[0] != 'F' && name[0] != 'f') || name[1] < '1' ||
	    name[1] > '9')
		return KEYCODE_NONE;
	int n = name[1] - '0';
	if (len == 3) {
		if (name[2] < '0' || name[2] > '9')
			return KEYCODE_NONE;
		n = n * 10 + name[2] - '0';
	}
	return n <= 12 ? KEYCODE_FN(SPECIAL_F1 + n - 1) : KEYCODE_NONE;
}

int keys_parse(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (strlen(named_keys[i].name) == len &&
		    ascii_ncasecmp(named_keys[i].name, name, len) == 0)
			return named_keys[i].code;
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-')
		return control_key(name[2]);
	int fn = function_key(name, len);
	if (fn != KEYCODE_NONE)
		return fn;
	/* One printable character, in UTF-8. */
	size_t i = 0;
	uint32_t cp = len ? text_next_cp(name, len, &i) : 0;
	if (i != len || cp <= ' ' || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0xFFFD)
		return KEYCODE_NONE;
	return (int)cp;
}

void keys_name(int code, char *out)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (named_keys[i].code == code) {
			snprintf(out, KEYS_NAME_MAX, "%s", named_keys[i].name);
			return;
		}
	if (code >= KEYCODE_FN(SPECIAL_F1) && code <= KEYCODE_FN(SPECIAL_F12))
		snprintf(out, KEYS_NAME_MAX, "F%d", code - KEYCODE_FN(SPECIAL_F1) + 1);
	else if (code > 0 && code < ' ')
		snprintf(out, KEYS_NAME_MAX, "C-%c", code | 0x60);
	else if (code > ' ' && code < KEYCODE_FN(0))
		out[text_utf8_encode((uint32_t)code, out)] = '\0';
	else
		snprintf(out, KEYS_NAME_MAX, "?");
}

static bool taken(const struct keymap *map, enum key_context context, int key)
{
	return keymap_lookup(map, context, key) != ACT_NONE;
}

static void add(struct keymap *map, enum key_context context, int key, enum action action)
{
	if (map->n < KEYMAP_MAX && !taken(map, context, key))
		map->entries[map->n++] =
		        (struct keymap_entry){key, (unsigned char)context, (unsigned char)action};
}

static void add_defaults(struct keymap *map, enum action a)
{
	for (const char *p = key_table[a].keys; *p;) {
		size_t len = strcspn(p, " ");
		int code = keys_parse(p, len);
		if (code >= 0)
			add(map, key_table[a].context, code, a);
		p += len + (p[len] == ' ');
	}
}

void keymap_build(struct keymap *map, const struct key_choice *choices)
{
	map->n = 0;
	for (int a = ACT_NONE + 1; choices && a < ACT_COUNT; a++)
		for (int k = 0; choices[a].set && k < choices[a].n; k++)
			add(map, key_table[a].context, choices[a].keys[k], (enum action)a);
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
		if (!choices || !choices[a].set)
			add_defaults(map, (enum action)a);
}

enum action keymap_lookup(const struct keymap *map, enum key_context context, int key)
{
	for (size_t i = 0; i < map->n; i++)
		if (map->entries[i].context == context && map->entries[i].key == key)
			return (enum action)map->entries[i].action;
	return ACT_NONE;
}

void keymap_describe(const struct keymap *map, enum action action, const char *sep, char *out,
                     size_t size)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t i = 0; i < map->n && len < size; i++) {
		if (map->entries[i].action != action)
			continue;
		char name[KEYS_NAME_MAX];
		keys_name(map->entries[i].key, name);
		int n = snprintf(out + len, size - len, "%s%s", len ? sep : "", name);
		len += n > 0 ? (size_t)n : 0;
	}
}

static struct keymap default_map;
static const struct keymap *active;

void keys_use(const struct keymap *map)
{
	active = map;
}

const struct keymap *keys_active(void)
{
	if (!active) {
		keymap_build(&default_map, NULL);
		active = &default_map;
	}
	return active;
}

enum action keys_lookup(enum key_context context, int key)
{
	return keymap_lookup(keys_active(), context, key);
}

void keys_first_name(enum action action, char *out, size_t size)
{
	/* No key's name has a space in it ("Space" is one), so a space ends the first;
	 * a comma would cut a key bound to ','. */
	keymap_describe(keys_active(), action, " ", out, size);
	out[strcspn(out, " ")] = '\0';
}
