/* sink.h — where the entries go: an archive of one of the formats, or plain files
 * under a directory. Every entry gets the same fixed time, owner and modes, so that
 * the same options give byte-identical output. */
#ifndef RELGEN_SINK_H
#define RELGEN_SINK_H

#include "base.h"

struct archive;
struct archive_entry;

/* An output format: libarchive's format and filter, with its options; or, with no
 * set_format, a directory. */
struct format {
	const char *name;
	int (*set_format)(struct archive *);
	int (*add_filter)(struct archive *);
	const char *options;
};

/* The format of that name ("tar.gz", "zip", "dir"…); an unknown one ends the run. */
const struct format *format_find(const char *name);

struct sink {
	const struct format *fmt;
	struct archive *a;
	struct archive_entry *e;
	const char *dir;
	struct buf path;
};

void sink_open(struct sink *s, const struct format *fmt, const char *output);
/* An entry: a file of n bytes, or a directory (is_dir, name ending in '/'). */
void sink_write(struct sink *s, const char *name, bool is_dir, const void *data, size_t n);
void sink_close(struct sink *s);

#endif
