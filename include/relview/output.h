/* output — the plain-text renderers of a view, for scripts and pipes: the list as
 * TSV or JSON Lines, one release as readable wrapped text, and counts by facet. All
 * text they print was sanitised when it was loaded. */
#ifndef RELVIEW_OUTPUT_H
#define RELVIEW_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct catalog;
struct release;

/* date<TAB>location<TAB>topics joined by "; "<TAB>title, one release a line. */
void output_tsv(FILE *out, const struct catalog *cat, const uint32_t *view, size_t n);

/* One JSON object a line: date, location, topics, title, subtitle, source, entry,
 * bytes (the body's length in bytes) and, with_body, the body (its paragraphs
 * one a line, as the text holds them). */
void output_json(FILE *out, const struct catalog *cat, const uint32_t *view, size_t n,
                 bool with_body);

/* For output_release(): no wrapping. Each paragraph (and the title, and each header
 * field) is one line, as a file or the clipboard wants it; the reader of the
 * file wraps it to its own width. */
#define OUTPUT_UNWRAPPED 0

/* A header block (title, subtitle, date, location, topics, source), a blank line,
 * then the body wrapped at `width` columns (or not: OUTPUT_UNWRAPPED), a blank
 * line between paragraphs. */
void output_release(FILE *out, const struct catalog *cat, const struct release *r, size_t width);

/* Releases first..end-1 of a view, as output_release() prints each with a rule
 * between them, or as Markdown (a heading, the subtitle in italics, the fields as
 * a list, the body's paragraphs; a rule between releases; what Markdown would take
 * for markup escaped). A part is rendered as in the whole view (a separator before
 * each release but the view's first): a long export is written a part at a time. */
void output_releases_part(FILE *out, const struct catalog *cat, const uint32_t *view, size_t first,
                          size_t end, size_t width);
void output_markdown_part(FILE *out, const struct catalog *cat, const uint32_t *view, size_t first,
                          size_t end);

/* A file name for the release, in `out` (OUTPUT_FILE_NAME_SIZE bytes will do): its
 * date and the first words of its title, in lower case ASCII letters and digits
 * joined by '-', accents set aside, then `ext` ("2014-03-11-ice-participates.txt");
 * "release" and ext when it has neither. Never a '/', a leading '-' or '.', or a
 * control byte; "" when size leaves no room. */
#define OUTPUT_FILE_NAME_SIZE 48
void output_file_name(const struct release *r, const char *ext, char *out, size_t size);

/* Counts of the view's releases by topic, by location and by year: as text, or
 * (json) as one object: {"releases":N,"copies_merged":N,"topics":[{"name":...,
 * "count":N},...],"locations":[...],"years":[...]}, the releases without the field
 * named null. */
void output_stats(FILE *out, const struct catalog *cat, const uint32_t *view, size_t n, bool json);

#endif
