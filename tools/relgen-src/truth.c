#include "config.h"

/* truth.c — the ground truth, in JSON Lines (see truth.h). */

#include "truth.h"

#include "head.h"
#include "words.h"

#include <errno.h>
#include <stdio.h>

static void json_string(FILE *f, const char *s)
{
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(f, "\\u%04x", *p);
			else
				putc(*p, f);
		}
	}
	putc('"', f);
}

static void json_opt_string(FILE *f, const char *pool, size_t off)
{
	if (off == NONE)
		fputs("null", f);
	else
		json_string(f, pool + off);
}

static void truth_line(FILE *f, const struct release *rel, const char *pool)
{
	fputs("{\"entry\":", f);
	json_string(f, pool + rel->entry);
	fputs(",\"date\":", f);
	if (rel->day)
		fprintf(f, "\"%04u-%02u-%02u\"", (unsigned)rel->year, (unsigned)rel->month,
		        (unsigned)rel->day);
	else
		fputs("null", f);
	fputs(",\"location\":", f);
	json_opt_string(f, pool, rel->location);
	fputs(",\"topics\":[", f);
	struct buf topic = {0};
	for (unsigned i = 0; i < rel->ntopics; i++) {
		if (i)
			putc(',', f);
		topic.len = 0;
		topic_spelling(rel, i, &topic);
		json_string(f, buf_cstr(&topic));
	}
	buf_free(&topic);
	fputs("],\"title\":", f); /* null where the page prints no headline */
	json_opt_string(f, pool, layout_has_title(rel->layout) ? rel->title : NONE);
	fputs(",\"subtitle\":", f);
	json_opt_string(f, pool, rel->subtitle);
	fputs("}\n", f);
}

void truth_write(const struct corpus *c, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	for (size_t k = 0; k < c->nent; k++)
		if (c->ent[k].kind == ENT_RELEASE)
			truth_line(f, &c->rel[c->ent[k].rel], c->pool.p);
	if (ferror(f) | fclose(f))
		die("%s: write error", path);
}
