#include "config.h"

/* sink.c — the output: an archive written through libarchive, or plain files under a
 * directory (see sink.h). */

#include "sink.h"

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* Every entry's mtime: 2025-01-01T00:00:00Z. */
#define FIXED_MTIME ((time_t)1735689600)

static const struct format formats[] = {
        {"tar.gz", archive_write_set_format_pax_restricted, archive_write_add_filter_gzip,
         "gzip:!timestamp"},
        {"tar.bz2", archive_write_set_format_pax_restricted, archive_write_add_filter_bzip2, NULL},
        {"tar.xz", archive_write_set_format_pax_restricted, archive_write_add_filter_xz, NULL},
        {"tar.zst", archive_write_set_format_pax_restricted, archive_write_add_filter_zstd, NULL},
        {"tar.lz4", archive_write_set_format_pax_restricted, archive_write_add_filter_lz4, NULL},
        {"tar", archive_write_set_format_pax_restricted, NULL, NULL},
        {"zip", archive_write_set_format_zip, NULL, NULL},
        {"7z", archive_write_set_format_7zip, NULL, NULL},
        {"dir", NULL, NULL, NULL},
};

static void sink_check_archive(struct sink *s, int rc, const char *what)
{
	if (rc != ARCHIVE_OK)
		die("%s: %s", what, archive_error_string(s->a));
}

static void dir_must_be_empty(const char *dir)
{
	if (mkdir(dir, 0755) == 0)
		return;
	if (errno != EEXIST)
		die("%s: %s", dir, strerror(errno));
	DIR *d = opendir(dir);
	if (!d)
		die("%s: %s", dir, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			die("%s: the output directory must be new or empty", dir);
	closedir(d);
}

void sink_open(struct sink *s, const struct format *fmt, const char *output)
{
	*s = (struct sink){.fmt = fmt};
	if (!fmt->set_format) {
		s->dir = output;
		dir_must_be_empty(output);
		return;
	}
	s->a = archive_write_new();
	s->e = archive_entry_new();
	if (!s->a || !s->e)
		die("out of memory");
	sink_check_archive(s, fmt->set_format(s->a), "archive format");
	if (fmt->add_filter)
		sink_check_archive(s, fmt->add_filter(s->a), "archive filter");
	if (fmt->options)
		sink_check_archive(s, archive_write_set_options(s->a, fmt->options), fmt->options);
	if (archive_write_open_filename(s->a, output) != ARCHIVE_OK)
		die("%s: %s", output, archive_error_string(s->a));
}

/* mkdir -p of the directories above the path in s->path from byte `from` on. */
static void dir_make_parents(struct sink *s, size_t from)
{
	char *p = s->path.p;
	for (size_t i = from; i < s->path.len; i++) {
		if (p[i] != '/')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			die("%s: %s", p, strerror(errno));
		p[i] = '/';
	}
}

static void dir_write(struct sink *s, const char *name, bool is_dir, const void *data, size_t n)
{
	s->path.len = 0;
	buf_str(&s->path, s->dir);
	buf_chr(&s->path, '/');
	size_t from = s->path.len;
	buf_str(&s->path, name);
	const char *path = buf_cstr(&s->path);
	dir_make_parents(s, from);
	if (is_dir)
		return; /* the name ends in '/': made above */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		die("%s: %s", path, strerror(errno));
	const char *p = data;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			die("%s: %s", path, strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	const struct timespec times[2] = {{FIXED_MTIME, 0}, {FIXED_MTIME, 0}};
	futimens(fd, times);
	if (close(fd) != 0)
		die("%s: %s", path, strerror(errno));
}

void sink_write(struct sink *s, const char *name, bool is_dir, const void *data, size_t n)
{
	if (s->dir) {
		dir_write(s, name, is_dir, data, n);
		return;
	}
	struct archive_entry *e = s->e;
	archive_entry_clear(e);
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, is_dir ? AE_IFDIR : AE_IFREG);
	archive_entry_set_perm(e, is_dir ? 0755 : 0644);
	archive_entry_set_size(e, is_dir ? 0 : (la_int64_t)n);
	archive_entry_set_mtime(e, FIXED_MTIME, 0);
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	archive_entry_set_uname(e, "root");
	archive_entry_set_gname(e, "root");
	if (archive_write_header(s->a, e) != ARCHIVE_OK)
		die("%s: %s", name, archive_error_string(s->a));
	if (n && !is_dir && archive_write_data(s->a, data, n) != (la_ssize_t)n)
		die("%s: %s", name, archive_error_string(s->a));
}

void sink_close(struct sink *s)
{
	if (s->a) {
		if (archive_write_close(s->a) != ARCHIVE_OK)
			die("closing the archive: %s", archive_error_string(s->a));
		archive_write_free(s->a);
		archive_entry_free(s->e);
	}
	buf_free(&s->path);
}

const struct format *format_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(formats); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	die("unknown format '%s' (see --help)", name);
}
