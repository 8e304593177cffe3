#include "config.h"

#include "relview/keys.h"

#include <curses.h>
#include <stdbool.h>
#include <string.h>

const struct key_binding key_table[ACT_COUNT] = {
#define AS_ENTRY(id, context, keys, help) [ACT_##id] = {#id, context, keys, help},
        KEY_BINDINGS(AS_ENTRY)
#undef AS_ENTRY
};

static const struct {
	const char *name;
	int code;
} named_keys[] = {
        {"Down", KEYCODE_FN(KEY_DOWN)},
        {"Up", KEYCODE_FN(KEY_UP)},
        {"Left", KEYCODE_FN(KEY_LEFT)},
        {"Right", KEYCODE_FN(KEY_RIGHT)},
        {"PgDn", KEYCODE_FN(KEY_NPAGE)},
        {"PgUp", KEYCODE_FN(KEY_PPAGE)},
        {"Home", KEYCODE_FN(KEY_HOME)},
        {"End", KEYCODE_FN(KEY_END)},
        {"Backspace", KEYCODE_FN(KEY_BACKSPACE)},
        {"F1", KEYCODE_FN(KEY_F(1))},
        {"Enter", '\n'},
        {"Tab", '\t'},
        {"Esc", 27},
        {"Space", ' '},
};

int keys_parse(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof *named_keys; i++)
		if (strlen(named_keys[i].name) == len && memcmp(named_keys[i].name, name, len) == 0)
			return named_keys[i].code;
	if (len == 3 && name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z')
		return name[2] & 0x1f;
	if (len == 1 && name[0] > ' ' && name[0] < 0x7f)
		return name[0];
	return KEYCODE_NONE;
}

/* The table's key names, parsed once into (context, key, action) triples. */
enum { MAX_KEYS = 4 * ACT_COUNT };
struct key_entry {
	enum key_context context;
	int key;
	enum action action;
};
static struct key_entry key_map[MAX_KEYS];
static size_t nkeys;

static void build_key_map(void)
{
	for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
		for (const char *p = key_table[a].keys; *p && nkeys < MAX_KEYS;) {
			size_t len = strcspn(p, " ");
			int code = keys_parse(p, len);
			if (code != KEYCODE_NONE)
				key_map[nkeys++] = (struct key_entry){key_table[a].context, code,
				                                      (enum action)a};
			p += len + (p[len] == ' ');
		}
	}
}

enum action keys_lookup(enum key_context context, int key)
{
	if (nkeys == 0)
		build_key_map();
	for (size_t i = 0; i < nkeys; i++)
		if (key_map[i].context == context && key_map[i].key == key)
			return key_map[i].action;
	return ACT_NONE;
}
