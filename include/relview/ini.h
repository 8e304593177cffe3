/* ini — reading a configuration or theme file: iniparser parses the values, and a
 * small scan of our own finds where each section and key is, because iniparser
 * keeps no line numbers and every warning must name file, line and key. Section and
 * key names are lower case, as iniparser makes them; values keep their case. */
#ifndef RELVIEW_INI_H
#define RELVIEW_INI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* Where warnings go and how many there were (a file's and its theme's together). */
struct ini_report {
	FILE *out; /* NULL: counted only */
	unsigned count;
};

#define INI_NAME_MAX 64

/* One "key = value" line (or, with an empty key, a "[section]" line). */
struct ini_item {
	char section[INI_NAME_MAX];
	char key[INI_NAME_MAX];
	unsigned line;
	bool hash_value; /* the raw value starts with '#', which iniparser reads as a comment */
	bool repeated;   /* a later line sets the same key again */
};

struct _dictionary_; /* iniparser's */

struct ini {
	const char *path;
	struct _dictionary_ *dict;
	struct ini_item *items; /* in file order */
	size_t nitems, items_cap;
	struct ini_report *report;
};

/* Read a file. False (after a warning) when it cannot be read or has a line that is
 * neither a section, a key = value nor a comment: then no setting of it is used. */
bool ini_open(struct ini *ini, const char *path, struct ini_report *report);
void ini_close(struct ini *ini);

/* The value of an item as iniparser read it (unquoted, comment stripped). */
const char *ini_value(const struct ini *ini, const struct ini_item *item);

/* "relview: PATH:LINE: [section] key: message" (the key part only for a key). */
void ini_warn(const struct ini *ini, const struct ini_item *item, const char *fmt, ...)
        __attribute__((format(printf, 3, 4)));

/* A value written so that iniparser reads it back as it is: quoted when it has a
 * comment character, quotes or spaces at either end. */
void ini_put_value(FILE *out, const char *key, const char *value);

#endif
