/* config, theme and keys: reading the configuration and theme files (warnings with
 * file, line and key; defaults kept), key names, colours and their nearest stand-ins
 * on smaller terminals, several keys per action, keys bound twice, the dump read
 * back to the same, the settings table's defaults and options. */
#include "config.h"

#include "relview/cache.h"
#include "relview/config.h"
#include "relview/keys.h"
#include "relview/source.h"
#include "relview/theme.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static char path[64];
static char *warnings;
static size_t warnings_len;

static void write_file(const char *text)
{
	strcpy(path, "/tmp/relview-test-config.XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

/* Load text as a configuration over the defaults; the warnings land in `warnings`. */
static unsigned load(struct config *c, const char *text)
{
	write_file(text);
	config_defaults(c);
	FILE *out = open_memstream(&warnings, &warnings_len);
	struct ini_report report = {out, 0};
	config_load(c, path, &report);
	fclose(out);
	unlink(path);
	return report.count;
}

static int teardown(void **state)
{
	(void)state;
	free(warnings);
	warnings = NULL;
	return 0;
}

static void expect_warning(unsigned line, const char *part)
{
	char where[128];
	snprintf(where, sizeof where, "%s:%u:", path, line);
	assert_non_null(strstr(warnings, where));
	assert_non_null(strstr(strstr(warnings, where), part));
}

static void test_good_file(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(load(&c, "# comment\n[ui]\ntheme = light\nlayout = stacked\n"
	                          "sort = oldest\ndate_format = %d %b %Y\n"
	                          "columns = title date\nwrap = 72\nmouse = true\nsparkline = 36\n"
	                          "[limits]\nmax_entry_bytes = 1M\nmax_total_bytes = 2G\n"
	                          "[cache]\nmax_size = 3G\n"),
	                 0);
	assert_string_equal(c.theme, "light");
	assert_int_equal(c.layout, CONFIG_LAYOUT_STACKED);
	assert_true(c.oldest_first);
	assert_string_equal(c.date_format, "%d %b %Y");
	assert_int_equal(c.ncolumns, 2);
	assert_int_equal(c.columns[0], COLUMN_TITLE);
	assert_int_equal(c.columns[1], COLUMN_DATE);
	assert_int_equal(c.wrap, 72);
	assert_true(c.mouse);
	assert_int_equal(c.sparkline, 36);
	assert_int_equal(c.max_entry_bytes, 1 << 20);
	assert_int_equal(c.max_total_bytes, (uint64_t)2 << 30);
	assert_int_equal(c.cache_max_bytes, (uint64_t)3 << 30);
	char date[64];
	config_format_date(&c, 20140311, date, sizeof date);
	assert_string_equal(date, "11 Mar 2014");
	config_free(&c);
}

static void test_mistakes_named_and_defaults_kept(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(
	        load(&c, "[ui]\nlayout = diagonal\nwrap = 5\ntheme = light\n"
	                 "colour = red\n[colours]\nfg = red\n"
	                 "[limits]\nmax_entry_bytes = lots\n[ui]\nmouse = yes\nsparkline = 1\n"),
	        7);
	expect_warning(2,
	               "[ui] layout: 'diagonal' is not auto, side, stacked or list; auto is used");
	expect_warning(3, "[ui] wrap:");
	expect_warning(5, "[ui] colour: unknown key");
	expect_warning(6, "[colours]: unknown section");
	expect_warning(9, "[limits] max_entry_bytes: 'lots'");
	expect_warning(11, "[ui] mouse: 'yes' is not true or false; false is used");
	assert_false(c.mouse);
	expect_warning(12, "[ui] sparkline: '1' is not 0 (none) or 2 to 120 months; 24 is used");
	assert_int_equal(c.layout, CONFIG_LAYOUT_AUTO);
	assert_int_equal(c.wrap, 0);
	assert_string_equal(c.theme, "light"); /* the good lines still count */
	assert_int_equal(c.max_entry_bytes, SOURCE_MAX_ENTRY_BYTES);
	assert_int_equal(c.sparkline, CONFIG_SPARKLINE_DEFAULT);
	config_free(&c);
}

static void test_keys_lower_cased_and_set_twice(void **state)
{
	(void)state;
	struct config c;
	/* iniparser lower-cases keys: the action's name in any case is the same key. */
	assert_int_equal(load(&c, "[Keys]\nPAGE_DOWN = f\npage_down = F\n"), 1);
	expect_warning(2, "[keys] page_down: set again on line 3");
	assert_true(c.keys[ACT_PAGE_DOWN].set);
	assert_int_equal(c.keys[ACT_PAGE_DOWN].keys[0], 'F');
	config_free(&c);
}

static void test_a_syntax_error_drops_the_file(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(load(&c, "[ui]\ntheme = light\nthis line is nothing\n"), 1);
	expect_warning(3, "the file is not used");
	assert_string_equal(c.theme, "default");
	config_free(&c);
	free(warnings);
	/* iniparser refuses anything after a section's ']': say where. */
	assert_int_equal(load(&c, "[ui] ; the look\ntheme = light\n"), 1);
	expect_warning(1, "not a [section]");
	config_free(&c);
}

static void test_key_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int code;
	} cases[] = {
	        {"j", 'j'},
	        {"G", 'G'},
	        {"/", '/'},
	        {"C-d", 4},
	        {"c-D", 4},
	        {"PgDn", KEYCODE_FN(SPECIAL_PGDN)},
	        {"pagedown", KEYCODE_FN(SPECIAL_PGDN)},
	        {"F1", KEYCODE_FN(SPECIAL_F1)},
	        {"F12", KEYCODE_FN(SPECIAL_F12)},
	        {"Enter", '\n'},
	        {"C-m", '\n'},
	        {"Space", ' '},
	        {"Esc", 27},
	        {"\xc3\xa9", 0xe9},
	        {"F13", KEYCODE_NONE},
	        {"Dwn", KEYCODE_NONE},
	        {"jk", KEYCODE_NONE},
	        {"C-", KEYCODE_NONE},
	        {"C-c", KEYCODE_RESERVED},
	        {"C-z", KEYCODE_RESERVED},
	        {"C-q", KEYCODE_RESERVED},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		int code = keys_parse(cases[i].name, strlen(cases[i].name));
		if (code != cases[i].code)
			fail_msg("%s: %d, want %d", cases[i].name, code, cases[i].code);
		if (code >= 0) { /* the name printed reads back to the same key */
			char name[KEYS_NAME_MAX];
			keys_name(code, name);
			assert_int_equal(keys_parse(name, strlen(name)), code);
		}
	}
}

static void test_several_keys_per_action(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(load(&c, "[keys]\ndown = x C-n PgDn\nhelp = none\n"), 0);
	struct keymap map;
	keymap_build(&map, c.keys);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, 'x'), ACT_DOWN);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, 14), ACT_DOWN);
	/* PgDn was page_down's by default: the configured action takes it. */
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, KEYCODE_FN(SPECIAL_PGDN)), ACT_DOWN);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, ' '), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, '?'), ACT_NONE);
	/* Other contexts keep their own bindings of the same keys. */
	assert_int_equal(keymap_lookup(&map, KEYS_PICKER, KEYCODE_FN(SPECIAL_PGDN)),
	                 ACT_PICK_PAGE_DOWN);
	char keys[64];
	keymap_describe(&map, ACT_DOWN, ", ", keys, sizeof keys);
	assert_string_equal(keys, "x, C-n, PgDn");
	config_free(&c);
}

static void test_key_bound_twice(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(load(&c, "[keys]\ndown = x\nup = k x\nclose = Dwn\nquit = C-c\n"), 3);
	expect_warning(3, "[keys] up: 'x' is bound twice (also to down); the default (k Up)");
	expect_warning(4, "[keys] close: 'Dwn' is not a key name");
	expect_warning(5, "[keys] quit: 'C-c' cannot be bound");
	assert_false(c.keys[ACT_UP].set);
	struct keymap map;
	keymap_build(&map, c.keys);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, 'x'), ACT_DOWN);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, 'k'), ACT_UP);
	assert_int_equal(keymap_lookup(&map, KEYS_VIEW, 'q'), ACT_CLOSE);
	config_free(&c);
}

static void test_topics(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(load(&c, "[topics]\nnames = Wildlife Trafficking | Art, Antiques "
	                          "and Fakes |  \n"),
	                 0);
	assert_int_equal(c.ntopics, 2);
	assert_string_equal(c.topics[0], "Wildlife Trafficking");
	assert_string_equal(c.topics[1], "Art, Antiques and Fakes");
	config_free(&c);
}

static void test_dump_reads_back_the_same(void **state)
{
	(void)state;
	struct config c;
	assert_int_equal(load(&c,
	                      "[ui]\ndate_format = \"%a; %d #%m\"\ncolumns = date title\n"
	                      "[keys]\nsearch = \"#\"\ndown = none\n"
	                      "[topics]\nnames = A; B | C\n[limits]\nmax_total_bytes = 1536K\n"),
	                 0);
	char *first = NULL, *second = NULL;
	size_t n1, n2;
	FILE *out = open_memstream(&first, &n1);
	config_dump(&c, out);
	fclose(out);
	config_free(&c);
	free(warnings);
	assert_int_equal(load(&c, first), 0);
	out = open_memstream(&second, &n2);
	config_dump(&c, out);
	fclose(out);
	assert_string_equal(first, second);
	assert_non_null(strstr(first, "max_total_bytes = 1536K\n"));
	assert_non_null(strstr(first, "search = \"#\"\n"));
	assert_non_null(strstr(first, "down = none\n"));
	assert_string_equal(c.date_format, "%a; %d #%m");
	free(first);
	free(second);
	config_free(&c);
}

/* Each default of the settings table is a value the file may give, the dump writes
 * it as the table says, and it is what the loader and the cache use without one. */
static void test_defaults_are_the_tables(void **state)
{
	(void)state;
	static const struct {
		const char *section, *key, *def;
	} rows[] = {
#define AS_ROW(id, section, key, type, field, def, options, help) {section, key, def},
	        CONFIG_SETTINGS(AS_ROW)
#undef AS_ROW
	};
	struct config c;
	config_defaults(&c);
	char *dump = NULL, why[CONFIG_WHY_MAX];
	size_t len;
	FILE *out = open_memstream(&dump, &len);
	config_dump(&c, out);
	fclose(out);
	for (int id = 0; id < CONFIG_SETTING_COUNT; id++) {
		char line[200];
		snprintf(line, sizeof line, "\n%s =%s%s\n", rows[id].key, *rows[id].def ? " " : "",
		         rows[id].def);
		if (!strstr(dump, line))
			fail_msg("[%s] %s: the dump lacks%s", rows[id].section, rows[id].key, line);
		if (!config_set(&c, (enum config_setting)id, rows[id].def, why))
			fail_msg("[%s] %s: %s", rows[id].section, rows[id].key, why);
	}
	assert_int_equal(c.max_entry_bytes, SOURCE_MAX_ENTRY_BYTES);
	assert_int_equal(c.max_total_bytes, SOURCE_MAX_TOTAL_BYTES);
	assert_int_equal(c.cache_max_bytes, CACHE_MAX_BYTES);
	assert_int_equal(c.ncolumns, COLUMN_COUNT);
	assert_int_equal(c.clipboard, CLIP_AUTO);
	free(dump);
	config_free(&c);
}

/* The options that stand for settings, and what they set them to. */
static void test_options_set_settings(void **state)
{
	(void)state;
	enum config_setting id;
	const char *value;
	assert_true(config_option("oldest-first", &id, &value));
	assert_int_equal(id, CONFIG_SORT);
	assert_string_equal(value, "oldest");
	assert_true(config_option("theme", &id, &value));
	assert_int_equal(id, CONFIG_THEME);
	assert_null(value); /* the option's argument */
	assert_true(config_option("mouse", &id, &value));
	assert_int_equal(id, CONFIG_MOUSE);
	assert_false(config_option("list", &id, &value));
	struct config c;
	char why[CONFIG_WHY_MAX];
	config_defaults(&c);
	assert_true(config_set(&c, CONFIG_SORT, "oldest", why));
	assert_true(c.oldest_first);
	assert_true(config_set(&c, CONFIG_MOUSE, "true", why));
	assert_true(c.mouse);
	assert_false(config_set(&c, CONFIG_THEME, "", why));
	assert_string_equal(why, "a theme name or file is needed");
	assert_string_equal(c.theme, "default");
	config_free(&c);
}

/* A value that is wrong leaves the setting as it was, topics too; names of values
 * are read in any case. */
static void test_a_wrong_value_keeps_the_old(void **state)
{
	(void)state;
	struct config c;
	char why[CONFIG_WHY_MAX], name[300];
	config_defaults(&c);
	assert_true(config_set(&c, CONFIG_TOPICS, "A | B", why));
	memset(name, 'x', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	assert_false(config_set(&c, CONFIG_TOPICS, name, why));
	assert_non_null(strstr(why, "too long"));
	assert_int_equal(c.ntopics, 2);
	assert_string_equal(c.topics[1], "B");
	assert_false(config_set(&c, CONFIG_COLUMNS, "date", why));
	assert_int_equal(c.ncolumns, COLUMN_COUNT);
	assert_true(config_set(&c, CONFIG_CLIPBOARD, "OFF", why));
	assert_int_equal(c.clipboard, CLIP_OFF);
	assert_true(config_set(&c, CONFIG_LAYOUT, "Side", why));
	assert_int_equal(c.layout, CONFIG_LAYOUT_SIDE);
	assert_false(config_set(&c, CONFIG_WRAP, "1001", why));
	assert_string_equal(why, "'1001' is not 0 (the pane's width) or 20 to 1000 columns");
	assert_false(config_set(&c, CONFIG_MAX_ENTRY_BYTES, "512M", why));
	assert_string_equal(why, "'512M' is not a size from 1K to 256M (e.g. 64M)");
	config_free(&c);
}

static void test_colours(void **state)
{
	(void)state;
	int32_t c;
	assert_true(theme_parse_colour("red", &c));
	assert_int_equal(c, 1);
	assert_true(theme_parse_colour("bright-white", &c));
	assert_int_equal(c, 15);
	assert_true(theme_parse_colour("default", &c));
	assert_int_equal(c, COLOUR_DEFAULT);
	assert_true(theme_parse_colour("208", &c));
	assert_int_equal(c, 208);
	assert_true(theme_parse_colour("#FF8700", &c));
	assert_int_equal(c, COLOUR_RGB(0xff8700));
	assert_false(theme_parse_colour("256", &c));
	assert_false(theme_parse_colour("#ff870", &c));
	assert_false(theme_parse_colour("#gg0000", &c));
	assert_false(theme_parse_colour("purple", &c));
	assert_false(theme_parse_colour("", &c));
	unsigned a;
	assert_true(theme_parse_attrs("bold, underline", &a));
	assert_int_equal(a, ATTR_BOLD | ATTR_UNDERLINE);
	assert_false(theme_parse_attrs("bold shiny", &a));
}

static void test_nearest_colour(void **state)
{
	(void)state;
	/* #ff8700 is colour 208 of the 256; on 16 and 8 colours the nearest is a red or
	 * yellow of the system colours. */
	assert_int_equal(theme_nearest(COLOUR_RGB(0xff8700), 256), 208);
	int n16 = theme_nearest(COLOUR_RGB(0xff8700), 16);
	assert_true(n16 == 9 || n16 == 11 || n16 == 3);
	int n8 = theme_nearest(COLOUR_RGB(0xff8700), 8);
	assert_true(n8 == 1 || n8 == 3);
	/* Exact hits and greys. */
	assert_int_equal(theme_nearest(COLOUR_RGB(0x005f87), 256), 24);
	assert_int_equal(theme_nearest(COLOUR_RGB(0x080808), 256), 232);
	assert_int_equal(theme_nearest(COLOUR_RGB(0x0000ff), 8), 4);
	assert_int_equal(theme_nearest(COLOUR_RGB(0xffffff), 8), 7);
	/* A numbered colour the terminal lacks becomes the nearest it has. */
	assert_int_equal(theme_nearest(196, 256), 196);
	assert_int_equal(theme_nearest(196, 16), 9);
	assert_int_equal(theme_nearest(196, 8), 1);
	assert_int_equal(theme_nearest(12, 8), 4);
	assert_int_equal(theme_nearest(COLOUR_DEFAULT, 8), COLOUR_DEFAULT);
}

static void test_theme_file(void **state)
{
	(void)state;
	write_file("[selected]\nfg = \"#ff8700\"\nbg = 24\nattrs = bold\nmono = reverse\n"
	           "[match]\nfg = #ff0000\nbg = mauve\nsize = 3\n[sidebar]\nfg = red\n");
	struct theme t, builtin;
	theme_default(&builtin);
	FILE *out = open_memstream(&warnings, &warnings_len);
	struct ini_report report = {out, 0};
	assert_true(theme_load(&t, path, &report));
	fclose(out);
	unlink(path);
	assert_int_equal(report.count, 4);
	expect_warning(7, "[match] fg: a value starting with # must be quoted");
	expect_warning(8, "[match] bg: 'mauve' is not a colour");
	expect_warning(9, "[match] size: unknown key");
	expect_warning(10, "[sidebar]: unknown section");
	assert_int_equal(t.role[ROLE_SELECTED].fg, COLOUR_RGB(0xff8700));
	assert_int_equal(t.role[ROLE_SELECTED].bg, 24);
	assert_int_equal(t.role[ROLE_SELECTED].attrs, ATTR_BOLD);
	assert_int_equal(t.role[ROLE_SELECTED].mono, ATTR_REVERSE);
	/* What was wrong or left out keeps the default. */
	assert_memory_equal(&t.role[ROLE_MATCH], &builtin.role[ROLE_MATCH], sizeof(struct style));
	assert_memory_equal(&t.role[ROLE_BODY], &builtin.role[ROLE_BODY], sizeof(struct style));
}

/* themes/default.ini says what the built-in theme is. */
static void test_default_theme_file_is_the_builtin(void **state)
{
	(void)state;
	char file[1024];
	snprintf(file, sizeof file, "%s/themes/default.ini",
	         getenv("SRCDIR") ? getenv("SRCDIR") : ".");
	struct theme t, builtin;
	theme_default(&builtin);
	struct ini_report report = {stderr, 0};
	assert_true(theme_load(&t, file, &report));
	assert_int_equal(report.count, 0);
	for (enum role r = 0; r < ROLE_COUNT; r++)
		if (memcmp(&t.role[r], &builtin.role[r], sizeof t.role[r]) != 0)
			fail_msg("[%s] differs from the built-in theme", theme_role_name(r));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_teardown(test_good_file, teardown),
	        cmocka_unit_test_teardown(test_mistakes_named_and_defaults_kept, teardown),
	        cmocka_unit_test_teardown(test_keys_lower_cased_and_set_twice, teardown),
	        cmocka_unit_test_teardown(test_a_syntax_error_drops_the_file, teardown),
	        cmocka_unit_test(test_key_names),
	        cmocka_unit_test_teardown(test_several_keys_per_action, teardown),
	        cmocka_unit_test_teardown(test_key_bound_twice, teardown),
	        cmocka_unit_test_teardown(test_topics, teardown),
	        cmocka_unit_test_teardown(test_dump_reads_back_the_same, teardown),
	        cmocka_unit_test(test_defaults_are_the_tables),
	        cmocka_unit_test(test_options_set_settings),
	        cmocka_unit_test(test_a_wrong_value_keeps_the_old),
	        cmocka_unit_test(test_colours),
	        cmocka_unit_test(test_nearest_colour),
	        cmocka_unit_test_teardown(test_theme_file, teardown),
	        cmocka_unit_test(test_default_theme_file_is_the_builtin),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
