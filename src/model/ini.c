#include "config.h"

#include "relview/ini.h"

#include "relview/ascii.h"
#include "relview/grow.h"

#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* iniparser prints its own errors to stderr; the scan below words them better. */
static int quiet(const char *fmt, ...)
{
	(void)fmt;
	return 0;
}

static char *trim(char *s)
{
	while (ascii_is_space(*s))
		s++;
	size_t n = strlen(s);
	while (n && ascii_is_space(s[n - 1]))
		s[--n] = '\0';
	return s;
}

static void lower_copy(char *out, const char *s, size_t n)
{
	size_t i = 0;
	for (; i < n && i + 1 < INI_NAME_MAX; i++)
		out[i] = ascii_lower(s[i]);
	out[i] = '\0';
}

static bool push(struct ini *ini, const struct ini_item *item)
{
	if (!grow_array((void **)&ini->items, &ini->items_cap, ini->nitems + 1, sizeof *ini->items))
		return false;
	ini->items[ini->nitems++] = *item;
	return true;
}

/* iniparser keeps the last value of a key set twice: say so at the first. */
static void mark_repeats(struct ini *ini)
{
	for (size_t i = 0; i < ini->nitems; i++) {
		struct ini_item *a = &ini->items[i];
		for (size_t j = i + 1; j < ini->nitems && a->key[0] && !a->repeated; j++) {
			const struct ini_item *b = &ini->items[j];
			if (strcmp(a->section, b->section) == 0 && strcmp(a->key, b->key) == 0) {
				a->repeated = true;
				ini_warn(ini, a, "set again on line %u, which is used", b->line);
			}
		}
	}
}

/* One line into an item; false for a line iniparser would refuse. */
static bool scan_line(char *line, char *section, struct ini_item *item)
{
	char *s = trim(line);
	*item = (struct ini_item){0};
	if (*s == '[') {
		/* iniparser takes nothing after the ']', not even a comment. */
		char *end = strrchr(s, ']');
		if (!end || end[1] != '\0')
			return false;
		*end = '\0';
		char *name = trim(s + 1);
		lower_copy(section, name, strlen(name));
		snprintf(item->section, sizeof item->section, "%s", section);
		return true;
	}
	char *eq = strchr(s, '=');
	if (!eq)
		return false;
	*eq = '\0';
	char *key = trim(s), *value = trim(eq + 1);
	snprintf(item->section, sizeof item->section, "%s", section);
	lower_copy(item->key, key, strlen(key));
	item->hash_value = value[0] == '#';
	return true;
}

/* Where each section and key is; false after warning about a malformed line. */
static bool scan(struct ini *ini, FILE *f)
{
	char buf[4096], section[INI_NAME_MAX] = "";
	unsigned line = 0;
	bool continued = false, ok = true;
	while (fgets(buf, sizeof buf, f)) {
		line++;
		size_t n = strlen(buf);
		bool was_continued = continued;
		while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			buf[--n] = '\0';
		continued = n && buf[n - 1] == '\\';
		char *s = trim(buf);
		if (was_continued || !*s || *s == '#' || *s == ';')
			continue;
		struct ini_item item;
		if (!scan_line(s, section, &item)) {
			ini_warn(ini, &(struct ini_item){.line = line},
			         "not a [section], a key = value or a comment; the file is not "
			         "used");
			ok = false;
		} else {
			item.line = line;
			ok = push(ini, &item) && ok;
		}
	}
	mark_repeats(ini);
	return ok;
}

bool ini_open(struct ini *ini, const char *path, struct ini_report *report)
{
	*ini = (struct ini){.path = path, .report = report};
	FILE *f = fopen(path, "r");
	if (!f) {
		ini_warn(ini, NULL, "cannot read: %s", strerror(errno));
		return false;
	}
	bool ok = scan(ini, f);
	fclose(f);
	if (!ok)
		return false;
	iniparser_set_error_callback(quiet);
	ini->dict = iniparser_load(path);
	iniparser_set_error_callback(NULL);
	if (!ini->dict)
		ini_warn(ini, NULL, "iniparser cannot read it; the file is not used");
	return ini->dict != NULL;
}

void ini_close(struct ini *ini)
{
	if (ini->dict)
		iniparser_freedict(ini->dict);
	free(ini->items);
	*ini = (struct ini){0};
}

const char *ini_value(const struct ini *ini, const struct ini_item *item)
{
	char key[2 * INI_NAME_MAX + 2];
	snprintf(key, sizeof key, "%s:%s", item->section, item->key);
	return iniparser_getstring(ini->dict, key, "");
}

void ini_warn(const struct ini *ini, const struct ini_item *item, const char *fmt, ...)
{
	ini->report->count++;
	FILE *out = ini->report->out;
	if (!out)
		return;
	fprintf(out, "relview: %s:", ini->path);
	if (item && item->line)
		fprintf(out, "%u:", item->line);
	if (item && item->key[0])
		fprintf(out, " [%s] %s:", item->section, item->key);
	else if (item && item->section[0])
		fprintf(out, " [%s]:", item->section);
	fputc(' ', out);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputc('\n', out);
}

void ini_put_value(FILE *out, const char *key, const char *value)
{
	size_t n = strlen(value);
	if (n == 0) {
		fprintf(out, "%s =\n", key);
		return;
	}
	bool plain = !strpbrk(value, "#;\"'\\") && !ascii_is_space(value[0]) &&
	             !ascii_is_space(value[n - 1]);
	if (plain)
		fprintf(out, "%s = %s\n", key, value);
	else
		fprintf(out, "%s = %c%s%c\n", key, strchr(value, '"') ? '\'' : '"', value,
		        strchr(value, '"') ? '\'' : '"');
}
