#include "config.h"

#include "source_private.h"

#include "relview/gunzip.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static bool holds_gzip(int fd)
{
	unsigned char head[4];
	return pread(fd, head, sizeof head, 0) == sizeof head && gunzip_magic(head, sizeof head);
}

/* The origin's file, open, when it holds a gzip stream; else -1. */
static int open_gzip_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && !holds_gzip(fd)) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Open the archive reader on a file the caller holds open, from its start: the file
 * is not looked up again, so that it is the one that was opened. */
static int open_file_fd(struct reader *r, struct archive *a, int fd)
{
	int own = -1; /* the inflater's copy of fd, which it closes */
	if (lseek(fd, 0, SEEK_SET) < 0 ||
	    (holds_gzip(fd) && (own = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0)) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return ARCHIVE_FATAL;
	}
	return own >= 0 ? gunzip_open(a, own, NULL, 0, &r->gz)
	                : archive_read_open_fd(a, fd, READ_CHUNK); /* which leaves fd open */
}

/* Open the archive reader on the origin, inflating a gzip stream ourselves. */
static int open_origin(struct reader *r, struct archive *a, const struct origin *o)
{
	if (o->stream)
		return stream_open(a, o->stream);
	if (o->by_fd)
		return open_file_fd(r, a, o->fd);
	if (o->mem && gunzip_magic(o->mem, o->mem_len))
		return gunzip_open(a, -1, o->mem, o->mem_len, &r->gz);
	int fd = o->mem ? -1 : open_gzip_file(o->path);
	if (fd >= 0)
		return gunzip_open(a, fd, NULL, 0, &r->gz);
	return o->mem ? archive_read_open_memory(a, o->mem, o->mem_len)
	              : archive_read_open_filename(a, o->path, READ_CHUNK);
}

/* A new archive reader opened on the origin; *status is libarchive's answer, and
 * the reader is returned even on failure so that its error can be read. Close it
 * with close_archive(). */
static struct archive *open_archive(struct reader *r, const struct origin *o, bool raw, int *status)
{
	struct archive *a = archive_read_new();
	if (!a)
		return NULL;
	r->packed_out = 0;
	archive_read_support_filter_all(a);
	if (raw)
		archive_read_support_format_raw(a);
	else
		archive_read_support_format_all(a);
	*status = open_origin(r, a, o);
	return a;
}

static void close_archive(struct reader *r, struct archive *a)
{
	archive_read_free(a); /* frees the inflater too */
	r->gz = NULL;
	reader_forget_links(r); /* the names were the archive's */
}

/* Not an archive: the file itself (decompressed, if it is a compressed stream) is
 * one release. libarchive's raw format gives us exactly that. */
static void read_plain(struct reader *r, const struct origin *o, const char *prefix)
{
	int status;
	struct archive *a = open_archive(r, o, true, &status);
	struct archive_entry *ae;
	if (!a) {
		reader_environmental_problem(r, prefix, "out of memory");
		return;
	}
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	if (status == ARCHIVE_OK)
		reader_read_content(r, a, prefix, false, -1);
	else if (status != ARCHIVE_EOF)
		reader_archive_problem(r, prefix, a);
	close_archive(r, a);
}

/* Not an archive nor a compressed stream, held in memory: its bytes are the one
 * release, just as libarchive's raw format would give them in read_plain(), without
 * a second archive reader (a folder's loose files are read so, one reader each). */
static void read_bytes(struct reader *r, const struct origin *o, const char *prefix)
{
	r->current = prefix;
	reader_progress_at(r, 0);
	r->inflated += o->mem_len;
	r->packed_out += o->mem_len;
	if (r->inflated > r->budget) {
		r->stop = true;
		reader_entry_failure(r, NULL, prefix, READ_STOP);
	} else {
		reader_hand_over(r, prefix, o->mem, o->mem_len);
	}
	r->current = NULL;
}

void reader_read_origin(struct reader *r, const struct origin *o, const char *prefix)
{
	int status;
	struct archive *a = open_archive(r, o, false, &status);
	struct archive_entry *ae = NULL;
	if (!a) {
		reader_environmental_problem(r, prefix, "out of memory");
		return;
	}
	/* libarchive refuses a plain file as "not a format" while opening it (or at
	 * the first header) before it yields any entry. */
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	if (status == ARCHIVE_FATAL && archive_errno(a) == NOT_AN_ARCHIVE) {
		/* What libarchive saw is the origin's bytes themselves unless a filter
		 * of its own, or our gunzip, inflated them. */
		bool compressed = r->gz || archive_filter_count(a) > 1;
		close_archive(r, a);
		if (o->mem && !compressed && o->mem_len <= r->limits->max_entry_bytes)
			read_bytes(r, o, prefix);
		else
			read_plain(r, o, prefix);
		r->ordinal++; /* the one entry, however it was read */
		return;
	}
	if (o->stream)
		stream_is_archive(o->stream);
	reader_read_entries(r, a, status, ae, prefix);
	close_archive(r, a);
}

/* One pass over a share of a zip, from its member `first` on: libarchive's
 * streaming zip reader reads the members one after the other from that local
 * header, and never looks at the directory or another share's members. True when
 * the pass ended at a failure it cannot read past. */
static bool read_share_from(struct reader *r, int fd, const struct zip_share *share, uint64_t first,
                            const char *prefix)
{
	struct archive *a = archive_read_new();
	struct archive_entry *ae = NULL;
	if (!a) {
		reader_environmental_problem(r, prefix, "out of memory");
		return false;
	}
	archive_read_support_format_zip_streamable(a);
	/* Each member's CRC is checked against the directory's in reader_read_content(), with
	 * ISA-L's CRC: zlib's, which libarchive uses, was 4% of a zip's load. Where
	 * libarchive needs its check to find a member's end, it keeps it too. */
	if (!share->ends_found_by_crc)
		archive_read_set_format_option(a, "zip", "ignorecrc32", "1");
	r->share_base = first ? share->members[first].offset : share->from;
	r->next_member = first;
	r->ordinal = share->first_ordinal + first;
	int status = ARCHIVE_FATAL;
	if (lseek(fd, (off_t)r->share_base, SEEK_SET) < 0)
		archive_set_error(a, errno, "%s", strerror(errno));
	else
		status = archive_read_open_fd(a, fd, READ_CHUNK); /* which leaves fd open */
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	bool failed = reader_read_entries(r, a, status, ae, prefix);
	close_archive(r, a);
	return failed;
}

/* A share of a zip. A member whose data or header cannot be read ends the
 * streaming reader's pass, but not the share: the directory says where every
 * member begins, and the next pass starts at the member after it (reported once). */
static void read_share(struct reader *r, int fd, const struct zip_share *share, const char *prefix)
{
	r->packed_out = 0;
	r->budget = r->limits->max_total_bytes / r->limits->parts; /* the input's, shared */
	r->share = share;
	uint64_t first = 0;
	while (read_share_from(r, fd, share, first, prefix) && !r->stop) {
		/* The member whose data or header failed has been named, and
		 * next_member moved past it. */
		uint64_t next = r->next_member;
		if (next <= first)
			next = first + 1;
		if (next >= share->count)
			break;
		first = next;
	}
	r->share = NULL;
}

/* A file named on the command line, read by reader limits->part of limits->parts:
 * its share when it is a zip that can be cut (zipdir.h); else reader 0 reads it
 * whole and the others nothing. */
static void read_file_share(struct reader *r, const struct origin *o, const char *prefix)
{
	unsigned part = r->limits->part, parts = r->limits->parts;
	struct zip_share share;
	int fd = open(o->path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && zipdir_share(fd, part, parts, &share)) {
		read_share(r, fd, &share, prefix);
		zipdir_share_free(&share);
	} else if (part == 0) {
		reader_read_origin(r, o, prefix);
	}
	if (fd >= 0)
		close(fd);
}

/* An input named on the command line: a folder, a file, or a pipe or device. */
static void read_path(struct reader *r, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		reader_problem_errno(r, NULL, errno);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		loose_read_folder(r, path);
	} else if (S_ISREG(st.st_mode)) {
		struct origin o = {.path = path};
		if (r->limits->parts > 1)
			read_file_share(r, &o, NULL);
		else
			reader_read_origin(r, &o, NULL);
	} else {
		stream_read_path(r, path, NULL);
	}
}

/* Did this process come within MEMORY_MARGIN of its address-space cap (its
 * RLIMIT_AS, set by the sandbox) while it read? An allocation that failed there may
 * have been reported as damage, or not at all (a decompressor that gave up quietly):
 * such a read is not taken as complete, however it looked. When the peak cannot be
 * told, neither can that: not complete either. */
static bool reader_near_memory_cap(void)
{
	uint64_t peak, cap;
	if (!source_memory_peak(&peak, &cap))
		return true;
	return cap != UINT64_MAX && peak + MEMORY_MARGIN >= cap;
}

bool source_memory_peak(uint64_t *peak, uint64_t *cap)
{
	struct rlimit limit;
	FILE *f = fopen("/proc/self/status", "re");
	char line[128];
	unsigned long long peak_kb = 0;
	bool found = false;
	while (f && !found && fgets(line, sizeof line, f))
		found = sscanf(line, "VmPeak: %llu kB", &peak_kb) == 1;
	if (f)
		fclose(f);
	if (!found || getrlimit(RLIMIT_AS, &limit) != 0)
		return false;
	*peak = (uint64_t)peak_kb * 1024;
	*cap = limit.rlim_cur == RLIM_INFINITY ? UINT64_MAX : (uint64_t)limit.rlim_cur;
	return true;
}

/* The end of a read: the input counts as complete when nothing of the machine's
 * cut it short. */
static void finish(struct reader *r)
{
	r->counts->complete += !r->unclean && !reader_near_memory_cap();
}

/* Whether an input read well: something came out of it, or nothing went wrong. */
static bool read_anything(const struct source_counts *counts, const struct source_counts *before)
{
	return counts->entries > before->entries || counts->problems == before->problems;
}

static struct reader reader_for(const char *input, const struct source_limits *limits,
                                const struct source_handler *handler, struct source_counts *counts)
{
	return (struct reader){.input = input,
	                       .limits = limits,
	                       .handler = handler,
	                       .counts = counts,
	                       .budget = limits->max_total_bytes};
}

bool source_read(const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts)
{
	struct reader r = reader_for(input, limits, handler, counts);
	struct source_counts before = *counts;
	read_path(&r, input);
	free(r.buf);
	free(r.file);
	finish(&r);
	return read_anything(counts, &before);
}

bool source_read_fd(const char *input, int fd, const struct source_limits *limits,
                    const struct source_handler *handler, struct source_counts *counts)
{
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		return source_read(input, limits, handler, counts);
	if (S_ISREG(st.st_mode)) {
		/* Named anew, so that libarchive can open and seek it by name and each
		 * reader of a zip's shares has an offset of its own. */
		char path[32];
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		return source_read(path, limits, handler, counts);
	}
	struct reader r = reader_for(input, limits, handler, counts);
	struct source_counts before = *counts;
	stream_read_fd(&r, fd, NULL);
	free(r.buf);
	finish(&r);
	return read_anything(counts, &before);
}

bool source_read_memory(const char *input, const void *data, size_t len,
                        const struct source_limits *limits, const struct source_handler *handler,
                        struct source_counts *counts)
{
	static const unsigned char nothing[1];
	struct reader r = reader_for(input, limits, handler, counts);
	struct source_counts before = *counts;
	/* A null buffer would make the origin a file name. */
	struct origin o = {.path = input, .mem = len ? data : nothing, .mem_len = len};
	reader_read_origin(&r, &o, NULL);
	free(r.buf);
	finish(&r);
	return read_anything(counts, &before);
}
