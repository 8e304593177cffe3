/* source: every kind of input, limits, and damaged archives — all read-only. The
 * archives are written here with libarchive's writer into a temporary folder. */
#include "config.h"

#include "bundle.h"

#include "relview/folder.h"
#include "relview/source.h"

#include <archive.h>
#include <archive_entry.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

struct file {
	const char *path, *content; /* content NULL: a directory entry */
};

/* What the handler saw. */
struct seen {
	int entries, problems;
	char paths[16][128];
	char contents[16][128];
	uint64_t ordinals[16];
	char last_problem[256];
};

static void on_entry(void *ctx, const struct source_entry *e)
{
	struct seen *s = ctx;
	if (s->entries < 16) {
		snprintf(s->paths[s->entries], 128, "%s", e->path ? e->path : "(plain)");
		snprintf(s->contents[s->entries], 128, "%.*s", (int)e->len, (const char *)e->data);
		s->ordinals[s->entries] = e->ordinal;
	}
	s->entries++;
}

static void on_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	struct seen *s = ctx;
	(void)input;
	s->problems++;
	snprintf(s->last_problem, sizeof s->last_problem, "%s: %s", path ? path : "-", reason);
}

static const struct source_limits roomy = {
        .max_entry_bytes = 1 << 20, .max_total_bytes = 1 << 24, .max_entries = 1000};

static bool read_input(const char *path, const struct source_limits *limits, struct seen *s,
                       struct source_counts *counts)
{
	memset(s, 0, sizeof *s);
	memset(counts, 0, sizeof *counts);
	struct source_handler h = {.ctx = s, .entry = on_entry, .problem = on_problem};
	return source_read(path, limits, &h, counts);
}

static char tmpdir[] = "/tmp/relview-test-source-XXXXXX";

static char *in_tmp(const char *name)
{
	static char path[4][512];
	static int next;
	char *p = path[next++ % 4];
	snprintf(p, 512, "%s/%s", tmpdir, name);
	return p;
}

/* An archive of the files, written with libarchive's options (NULL: none). */
static void write_archive_with(const char *path, int format, int filter, const char *options,
                               const struct file *files, size_t n)
{
	struct archive *a = archive_write_new();
	assert_int_equal(archive_write_set_format(a, format), ARCHIVE_OK);
	if (filter != ARCHIVE_FILTER_NONE)
		assert_int_equal(archive_write_add_filter(a, filter), ARCHIVE_OK);
	if (options)
		assert_int_equal(archive_write_set_options(a, options), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (size_t i = 0; i < n; i++) {
		if (files[i].content) {
			bundle_add_file(a, files[i].path, files[i].content,
			                strlen(files[i].content));
			continue;
		}
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, files[i].path);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_filetype(e, AE_IFDIR);
		assert_int_equal(archive_write_header(a, e), ARCHIVE_OK);
		archive_entry_free(e);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

static void write_archive(const char *path, int format, int filter, const struct file *files,
                          size_t n)
{
	write_archive_with(path, format, filter, NULL, files, n);
}

static void write_file(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(content, f);
	fclose(f);
}

static const struct file two_releases[] = {
        {"releases/", NULL},
        {"releases/one.txt", "First release"},
        {"releases/two.txt", "Second release"},
};

static void tar_gz_yields_regular_entries_in_order(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	char *path = in_tmp("bundle.tar.gz");
	write_archive(path, ARCHIVE_FORMAT_TAR_PAX_RESTRICTED, ARCHIVE_FILTER_GZIP, two_releases,
	              3);
	assert_true(read_input(path, &roomy, &s, &c));
	assert_int_equal(s.entries, 2);
	assert_string_equal(s.paths[0], "releases/one.txt");
	assert_string_equal(s.contents[1], "Second release");
	assert_int_equal(c.other, 1);
	assert_int_equal(s.problems, 0);
}

static void every_common_format_reads_the_same(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int format, filter;
	} kinds[] = {
	        {"b.tar.xz", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_XZ},
	        {"b.tar.zst", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_ZSTD},
	        {"b.tar.bz2", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_BZIP2},
	        {"b.tar.lz4", ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_LZ4},
	        {"b.zip", ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE},
	        {"b.7z", ARCHIVE_FORMAT_7ZIP, ARCHIVE_FILTER_NONE},
	        {"b.cpio", ARCHIVE_FORMAT_CPIO_SVR4_NOCRC, ARCHIVE_FILTER_NONE},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		struct seen s;
		struct source_counts c;
		char *path = in_tmp(kinds[k].name);
		write_archive(path, kinds[k].format, kinds[k].filter, two_releases + 1, 2);
		assert_true(read_input(path, &roomy, &s, &c));
		assert_int_equal(s.entries, 2);
		assert_string_equal(s.contents[0], "First release");
		assert_string_equal(s.paths[1], "releases/two.txt");
	}
}

static void plain_and_compressed_files_are_one_release(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	char *plain = in_tmp("release.txt");
	write_file(plain, "Skip to main content\nA plain release\n");
	assert_true(read_input(plain, &roomy, &s, &c));
	assert_int_equal(s.entries, 1);
	assert_string_equal(s.paths[0], "(plain)");
	assert_string_equal(s.contents[0], "Skip to main content\nA plain release\n");

	char *gz = in_tmp("release.txt.gz");
	static const struct file one[] = {{"data", "Compressed release"}};
	write_archive(gz, ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, one, 1);
	assert_true(read_input(gz, &roomy, &s, &c));
	assert_int_equal(s.entries, 1);
	assert_string_equal(s.contents[0], "Compressed release");
}

static void folders_are_walked_in_name_order(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	char dir[512];
	snprintf(dir, sizeof dir, "%s", in_tmp("folder"));
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(mkdir(in_tmp("folder/sub"), 0755), 0);
	write_file(in_tmp("folder/b.txt"), "B release");
	write_file(in_tmp("folder/a.txt"), "A release");
	write_archive(in_tmp("folder/sub/inner.tar"), ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE,
	              two_releases + 1, 1);
	assert_int_equal(symlink(".", in_tmp("folder/sub/loop")), 0);
	assert_true(read_input(dir, &roomy, &s, &c));
	assert_int_equal(s.entries, 3);
	assert_string_equal(s.paths[0], "a.txt");
	assert_string_equal(s.paths[1], "b.txt");
	assert_string_equal(s.paths[2], "sub/inner.tar/releases/one.txt");
	assert_int_equal(c.other, 1); /* the linked folder is not followed */
}

/* Every loose file of a folder is taken for what it is, as a file named alone would
 * be: plain, compressed, an archive, empty, or too large. */
static void a_folders_files_are_read_as_files_are(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	static const struct source_limits limits = {
	        .max_entry_bytes = 100, .max_total_bytes = 1 << 20, .max_entries = 100};
	char dir[512];
	snprintf(dir, sizeof dir, "%s", in_tmp("loose"));
	assert_int_equal(mkdir(dir, 0755), 0);
	write_file(in_tmp("loose/a.txt"), "Plain release");
	static const struct file packed[] = {{"data", "Compressed release"}};
	write_archive(in_tmp("loose/b.txt.gz"), ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, packed, 1);
	write_archive(in_tmp("loose/c.txt.xz"), ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_XZ, packed, 1);
	write_archive(in_tmp("loose/d.tar"), ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE,
	              two_releases + 1, 2);
	write_file(in_tmp("loose/e.txt"), "");
	static char big[300];
	memset(big, 'x', sizeof big - 1);
	write_file(in_tmp("loose/f.txt"), big);
	assert_true(read_input(dir, &limits, &s, &c));
	assert_int_equal(s.entries, 5);
	assert_string_equal(s.paths[0], "a.txt");
	assert_string_equal(s.contents[0], "Plain release");
	assert_string_equal(s.contents[1], "Compressed release");
	assert_string_equal(s.contents[2], "Compressed release");
	assert_string_equal(s.paths[3], "d.tar/releases/one.txt");
	assert_string_equal(s.paths[4], "d.tar/releases/two.txt");
	assert_int_equal(s.problems, 1);
	assert_non_null(strstr(s.last_problem, "f.txt: entry larger than"));
	assert_int_equal(c.complete, 1);
}

/* A new empty folder in the temporary one: its path in dir. */
static void new_folder(char *dir, size_t size, const char *name)
{
	snprintf(dir, size, "%s", in_tmp(name));
	assert_int_equal(mkdir(dir, 0755), 0);
}

/* When not 0, every read() of this process returns at most this many bytes, as
 * reads of a network or FUSE file system may: this read() is the one the program
 * and its libraries call. */
static size_t read_at_most;

ssize_t read(int fd, void *buf, size_t n)
{
	if (read_at_most && n > read_at_most)
		n = read_at_most;
	return syscall(SYS_read, fd, buf, n);
}

/* A loose file that reads short before its end is read on to its end. */
static void a_loose_file_read_in_short_pieces_is_read_whole(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	static const char text[] = "A release that the file system hands over in short pieces";
	char dir[512];
	new_folder(dir, sizeof dir, "short");
	write_file(in_tmp("short/a.txt"), text);
	read_at_most = 7;
	bool read = read_input(dir, &roomy, &s, &c);
	read_at_most = 0;
	assert_true(read);
	assert_int_equal(s.entries, 1);
	assert_string_equal(s.contents[0], text);
}

/* Opens of files whose path ends so, by anyone in this process (libarchive too):
 * these open() and openat() are the ones the program and its libraries call. */
static const char *counted_name;
static int opens_counted;

static void count_open(const char *path)
{
	size_t n = counted_name ? strlen(counted_name) : 0, len = strlen(path);
	opens_counted += n && len >= n && strcmp(path + len - n, counted_name) == 0;
}

int openat(int dir, const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = flags & (O_CREAT | O_TMPFILE) ? (mode_t)va_arg(ap, int) : 0;
	va_end(ap);
	count_open(path);
	return (int)syscall(SYS_openat, dir, path, flags, mode);
}

int open(const char *path, int flags, ...)
{
	va_list ap;
	va_start(ap, flags);
	mode_t mode = flags & (O_CREAT | O_TMPFILE) ? (mode_t)va_arg(ap, int) : 0;
	va_end(ap);
	return openat(AT_FDCWD, path, flags, mode);
}

/* A bundle in a folder (a gzip stream, and a plain file in one, which is read
 * twice) is opened once: read through that descriptor, never by its name again. */
static void a_loose_bundle_is_opened_once(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	char dir[512];
	new_folder(dir, sizeof dir, "once");
	write_archive(in_tmp("once/a.tar.gz"), ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP,
	              two_releases + 1, 2);
	static const struct file packed[] = {{"data", "Compressed release"}};
	write_archive(in_tmp("once/b.txt.gz"), ARCHIVE_FORMAT_RAW, ARCHIVE_FILTER_GZIP, packed, 1);
	write_archive(in_tmp("once/c.tar.xz"), ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_XZ,
	              two_releases + 1, 1);
	int opens[3];
	const char *names[] = {"a.tar.gz", "b.txt.gz", "c.tar.xz"};
	for (int i = 0; i < 3; i++) {
		counted_name = names[i];
		opens_counted = 0;
		assert_true(read_input(dir, &roomy, &s, &c));
		opens[i] = opens_counted;
	}
	counted_name = NULL;
	assert_int_equal(s.entries, 4);
	assert_string_equal(s.contents[2], "Compressed release");
	assert_string_equal(s.paths[3], "c.tar.xz/releases/one.txt");
	assert_int_equal(s.problems, 0);
	assert_int_equal(opens[0], 1);
	assert_int_equal(opens[1], 1);
	assert_int_equal(opens[2], 1);
}

/* What a reader saw (first, for on_entry and on_problem), and a file that the walk
 * saw as a regular one. */
struct swapping {
	struct seen seen;
	const char *file;
};

/* Once the folder is walked (its size said), the file becomes a FIFO no writer opens. */
static void swap_for_fifo(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct swapping *sw = ctx;
	(void)path, (void)consumed;
	if (inflated == SOURCE_SIZE) {
		assert_int_equal(unlink(sw->file), 0);
		assert_int_equal(mkfifo(sw->file, 0644), 0);
	}
}

/* A file swapped for a FIFO between the walk and the read neither blocks the reader
 * nor is read: it is counted as not a release, and the rest of the folder is read. */
static void a_file_that_became_a_fifo_is_not_waited_for(void **state)
{
	(void)state;
	struct swapping sw = {.file = in_tmp("swapped/a.txt")};
	struct source_counts c = {0};
	char dir[512];
	new_folder(dir, sizeof dir, "swapped");
	write_file(sw.file, "Soon a FIFO");
	write_file(in_tmp("swapped/b.txt"), "B release");
	struct source_handler h = {
	        .ctx = &sw, .entry = on_entry, .problem = on_problem, .progress = swap_for_fifo};
	alarm(60); /* a reader that waits for the FIFO's writer ends the test */
	assert_true(source_read(dir, &roomy, &h, &c));
	alarm(0);
	assert_int_equal(sw.seen.entries, 1);
	assert_string_equal(sw.seen.contents[0], "B release");
	assert_int_equal(sw.seen.problems, 0);
	assert_int_equal(c.other, 1);
}

/* What a progress handler heard. */
struct heard {
	uint64_t size; /* said once, before the rest */
	int sizes;
	uint64_t last; /* bytes read as of the last report */
	bool backwards, size_late;
};

static void on_progress(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	struct heard *h = ctx;
	(void)path;
	if (inflated == SOURCE_SIZE) {
		h->size = consumed;
		h->size_late |= h->last > 0;
		h->sizes++;
		return;
	}
	if (inflated == SOURCE_WAITING) /* a wait for a pipe's writer: says nothing of bytes */
		return;
	h->backwards |= consumed < h->last;
	h->last = consumed;
}

static void ignore_entry(void *ctx, const struct source_entry *e)
{
	(void)ctx, (void)e;
}

static void ignore_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)ctx, (void)input, (void)path, (void)reason;
}

/* A folder's reader says how large the tree is, then how far through it it is. */
static void count_walk_reports(void *ctx, const char *path, uint64_t inflated, uint64_t consumed)
{
	int *reports = ctx;
	(void)path, (void)consumed;
	if (inflated == SOURCE_SIZE)
		*reports = -*reports - 1; /* said once the walk is over: no more counted */
	else if (*reports >= 0)
		++*reports;
}

/* A walk says it goes on while it lists a folder's names as well as while it looks
 * at them: listing a million names on a slow file system takes a while. */
static void a_walk_reports_as_it_lists_names(void **state)
{
	(void)state;
	char dir[512];
	new_folder(dir, sizeof dir, "many");
	enum { NAMES = 3 * FOLDER_TICK };
	for (int i = 0; i < NAMES; i++) {
		char name[32];
		snprintf(name, sizeof name, "many/%d", i);
		int fd = open(in_tmp(name), O_WRONLY | O_CREAT | O_EXCL, 0644);
		assert_true(fd >= 0);
		close(fd);
	}
	int reports = 0;
	struct source_counts c = {0};
	struct source_handler h = {.ctx = &reports,
	                           .entry = ignore_entry,
	                           .problem = ignore_problem,
	                           .progress = count_walk_reports};
	source_read(dir, &roomy, &h, &c);
	assert_true(reports < 0);
	reports = -reports - 1;
	assert_int_equal(reports, 2 * NAMES / FOLDER_TICK); /* listed, then looked at */
}

static void a_folders_progress_counts_its_files_bytes(void **state)
{
	(void)state;
	char dir[512];
	snprintf(dir, sizeof dir, "%s", in_tmp("sized"));
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(mkdir(in_tmp("sized/sub"), 0755), 0);
	static char text[3][40000];
	uint64_t total = 0;
	for (int i = 0; i < 3; i++) {
		memset(text[i], 'a' + i, sizeof text[i] - 1 - (size_t)i * 1000);
		total += strlen(text[i]);
	}
	write_file(in_tmp("sized/a.txt"), text[0]);
	write_file(in_tmp("sized/sub/b.txt"), text[1]);
	write_file(in_tmp("sized/sub/c.txt"), text[2]);
	struct heard h = {0};
	struct source_counts c = {0};
	struct source_handler handler = {.ctx = &h,
	                                 .entry = ignore_entry,
	                                 .problem = ignore_problem,
	                                 .progress = on_progress};
	assert_true(source_read(dir, &roomy, &handler, &c));
	assert_int_equal(h.sizes, 1);
	assert_false(h.size_late);
	assert_int_equal(h.size, total);
	assert_false(h.backwards);
	/* the last report comes as the last file starts */
	assert_int_equal(h.last, total - strlen(text[2]));
}

/* Entries of at most 1000 bytes. */
static const struct source_limits small_entries = {
        .max_entry_bytes = 1000, .max_total_bytes = 1 << 20, .max_entries = 100};

/* A tar of big.txt, over small_entries' limit, then small.txt ("small"). */
static char *write_oversized_tar(const char *name)
{
	static char big[4096];
	memset(big, 'x', sizeof big - 1);
	const struct file files[] = {{"big.txt", big}, {"small.txt", "small"}};
	char *path = in_tmp(name);
	write_archive(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, files, 2);
	return path;
}

static void an_oversized_entry_is_skipped_and_reading_goes_on(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	char *path = write_oversized_tar("oversized.tar");
	assert_true(read_input(path, &small_entries, &s, &c));
	assert_int_equal(s.entries, 1);
	assert_string_equal(s.contents[0], "small");
	assert_int_equal(s.problems, 1);
	assert_non_null(strstr(s.last_problem, "big.txt: entry larger than"));
}

/* A handler that offers its own room for each entry, as the reading child offers
 * its ring. */
struct roomy_seen {
	struct seen seen;
	size_t asked[16]; /* the sizes room was asked for */
	int nasked, in_room;
	unsigned char room[4096];
};

static void *offer_room(void *ctx, size_t len)
{
	struct roomy_seen *r = ctx;
	if (r->nasked < 16)
		r->asked[r->nasked] = len;
	r->nasked++;
	return len <= sizeof r->room ? r->room : NULL;
}

static void on_entry_in_room(void *ctx, const struct source_entry *e)
{
	struct roomy_seen *r = ctx;
	r->in_room += e->data == r->room;
	on_entry(&r->seen, e);
}

static void on_problem_in_room(void *ctx, const char *input, const char *path, const char *reason)
{
	on_problem(&((struct roomy_seen *)ctx)->seen, input, path, reason);
}

static void read_with_room(const char *path, const struct source_limits *limits,
                           struct roomy_seen *r)
{
	struct source_counts c = {0};
	memset(r, 0, sizeof *r);
	struct source_handler h = {.ctx = r,
	                           .entry = on_entry_in_room,
	                           .problem = on_problem_in_room,
	                           .room = offer_room};
	source_read(path, limits, &h, &c);
}

static void entries_of_known_size_are_read_into_the_handlers_room(void **state)
{
	(void)state;
	struct roomy_seen r;
	static const int formats[] = {ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FORMAT_ZIP};
	for (size_t i = 0; i < 2; i++) {
		char *path = in_tmp("room.bundle");
		write_archive(path, formats[i], ARCHIVE_FILTER_NONE, two_releases, 3);
		read_with_room(path, &roomy, &r);
		assert_int_equal(r.nasked, 2);
		assert_int_equal(r.asked[0], strlen("First release"));
		assert_int_equal(r.in_room, 2);
		assert_string_equal(r.seen.contents[1], "Second release");
		assert_int_equal(r.seen.problems, 0);
	}
	/* Not a plain file, whose size is not known before it is read. */
	char *plain = in_tmp("room.txt");
	write_file(plain, "A plain release");
	read_with_room(plain, &roomy, &r);
	assert_int_equal(r.nasked, 0);
	assert_string_equal(r.seen.contents[0], "A plain release");
}

/* The handler is not asked for room an entry could never have. */
static void room_is_not_asked_for_an_oversized_entry(void **state)
{
	(void)state;
	struct roomy_seen r;
	char *path = write_oversized_tar("room-oversized.tar");
	read_with_room(path, &small_entries, &r);
	assert_int_equal(r.nasked, 1);
	assert_int_equal(r.asked[0], 5);
	assert_int_equal(r.seen.entries, 1);
	assert_non_null(strstr(r.seen.last_problem, "big.txt: entry larger than"));
}

static void put_le32(unsigned char *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (unsigned char)(v >> (8 * k));
}

/* Change the uncompressed size a zip gives its first member, in its local header, its
 * data descriptor and the central directory. */
static void shrink_first_zip_member(const char *path, uint32_t size)
{
	FILE *f = fopen(path, "r+b");
	unsigned char buf[4096];
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf, f);
	unsigned char *cd = memmem(buf, n, "PK\x01\x02", 4);
	unsigned char *descriptor = memmem(buf, n, "PK\x07\x08", 4);
	assert_non_null(cd);
	assert_non_null(descriptor);
	assert_memory_equal(buf, "PK\x03\x04", 4);
	put_le32(buf + 22, size);
	put_le32(descriptor + 12, size);
	put_le32(cd + 24, size);
	rewind(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	fclose(f);
}

/* A member that inflates past the size its zip gives is reported, not cut to that
 * size, and the next member is read. */
static void a_member_larger_than_its_zip_says_is_reported(void **state)
{
	(void)state;
	struct roomy_seen r;
	char *path = in_tmp("liar.zip");
	write_archive(path, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, two_releases + 1, 2);
	shrink_first_zip_member(path, 5);
	read_with_room(path, &roomy, &r);
	assert_int_equal(r.asked[0], 5);
	assert_int_equal(r.seen.entries, 1);
	assert_string_equal(r.seen.contents[0], "Second release");
	assert_int_equal(r.seen.problems, 1);
	assert_non_null(strstr(r.seen.last_problem, "releases/one.txt: "));
}

static struct source_limits share_limits(unsigned part)
{
	struct source_limits l = roomy;
	l.part = part;
	l.parts = 2;
	return l;
}

static const char *const ten_names[] = {"a.txt", "b.txt", "c.txt", "d.txt", "e.txt",
                                        "f.txt", "g.txt", "h.txt", "i.txt", "j.txt"};

/* A zip of ten members, each holding its own name. */
static char *write_ten_member_zip(const char *name)
{
	struct file files[10];
	for (int i = 0; i < 10; i++)
		files[i] = (struct file){ten_names[i], ten_names[i]};
	char *path = in_tmp(name);
	write_archive(path, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, files, 10);
	return path;
}

/* Read both shares of a zip: *first and *second hold what each reader saw. */
static void read_shares(const char *path, struct seen *first, struct seen *second)
{
	struct source_counts c;
	struct source_limits l0 = share_limits(0), l1 = share_limits(1);
	assert_true(read_input(path, &l0, first, &c));
	assert_true(read_input(path, &l1, second, &c));
	assert_true(first->entries > 0 && second->entries > 0);
}

/* A zip read by two readers, each its share (zipdir.h): between them every member
 * once, in order, each with its place among all the members. */
static void a_zip_read_in_shares_gives_each_member_once(void **state)
{
	(void)state;
	struct seen first, second;
	read_shares(write_ten_member_zip("shares.zip"), &first, &second);
	assert_int_equal(first.entries + second.entries, 10);
	for (int i = 0; i < 10; i++) {
		const struct seen *s = i < first.entries ? &first : &second;
		int k = i < first.entries ? i : i - first.entries;
		assert_string_equal(s->paths[k], ten_names[i]);
		assert_string_equal(s->contents[k], ten_names[i]);
		assert_int_equal(s->ordinals[k], i);
	}
	assert_int_equal(first.problems + second.problems, 0);
}

/* libarchive's writer stores a member with its length after it; the streaming
 * reader then finds its end by a data descriptor whose CRC matches, so a member
 * holding the descriptor's signature is still read whole. */
static void a_stored_member_holding_a_descriptor_signature_is_read_whole(void **state)
{
	(void)state;
	struct file files[10];
	for (int i = 0; i < 10; i++)
		files[i] = (struct file){ten_names[i], ten_names[i]};
	files[7].content = "before PK\x07\x08 after";
	char *path = in_tmp("stored.zip");
	write_archive_with(path, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:compression=store",
	                   files, 10);
	struct seen first, second;
	read_shares(path, &first, &second);
	assert_int_equal(first.entries + second.entries, 10);
	assert_int_equal(first.problems + second.problems, 0);
	assert_string_equal(second.contents[7 - first.entries], files[7].content);
}

/* The input's byte limit is shared by the readers of a zip that is cut, but one
 * that cannot be cut is read by the first reader alone, with all of it. */
static void the_byte_limit_is_split_only_between_shares(void **state)
{
	(void)state;
	static char text[15001];
	memset(text, 'z', sizeof text - 1);
	struct file files[10];
	for (int i = 0; i < 10; i++)
		files[i] = (struct file){ten_names[i], text};
	struct seen s;
	struct source_counts c;
	struct source_limits l = share_limits(0);
	l.max_total_bytes = 120000; /* of 150,000: 60,000 a share, of 75,000 */
	char *path = in_tmp("limited.zip");
	write_archive(path, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, files, 10);
	read_input(path, &l, &s, &c);
	assert_int_equal(s.entries, 4);
	assert_non_null(strstr(s.last_problem, "inflated, rest of input skipped"));

	path = in_tmp("limited-one.zip"); /* one member: not cut */
	write_archive(path, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, files, 1);
	l.max_total_bytes = 20000;
	assert_true(read_input(path, &l, &s, &c));
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.problems, 0);
}

/* Add 1 to the 32-bit field at `at` in the directory entry of a zip's member k. */
static void bump_directory_field(const char *path, int k, size_t at)
{
	FILE *f = fopen(path, "r+b");
	static unsigned char buf[65536];
	assert_non_null(f);
	size_t n = fread(buf, 1, sizeof buf, f);
	unsigned char *e = memmem(buf, n, "PK\x01\x02", 4);
	for (; e && k > 0; k--)
		e = memmem(e + 4, n - (size_t)(e + 4 - buf), "PK\x01\x02", 4);
	assert_non_null(e);
	uint32_t value = (uint32_t)e[at] | (uint32_t)e[at + 1] << 8 | (uint32_t)e[at + 2] << 16 |
	                 (uint32_t)e[at + 3] << 24;
	put_le32(e + at, value + 1);
	rewind(f);
	assert_int_equal(fwrite(buf, 1, n, f), n);
	fclose(f);
}

/* In a share, each member is checked against the CRC the directory gives it (its
 * own check, libarchive's being off): a mismatch is reported and the member left out. */
static void a_member_not_matching_the_directorys_crc_is_reported(void **state)
{
	(void)state;
	struct seen first, second;
	char *path = write_ten_member_zip("bad-crc.zip");
	bump_directory_field(path, 7, 16); /* its CRC */
	read_shares(path, &first, &second);
	assert_int_equal(first.entries + second.entries, 9);
	assert_int_equal(first.problems, 0);
	assert_int_equal(second.problems, 1);
	assert_non_null(strstr(second.last_problem, "h.txt: ZIP bad CRC"));
}

/* A local header the directory does not list is not a member: it is reported, and
 * the share still ends where the next begins — also when it is the share's last. */
static void a_member_the_directory_does_not_list_is_skipped(void **state)
{
	(void)state;
	static const int unlisted[] = {4, 8}; /* the shares are a–e and f–j */
	for (int k = 0; k < 2; k++) {
		struct seen first, second;
		char *path = write_ten_member_zip("hidden.zip");
		bump_directory_field(path, unlisted[k], 42); /* its local header's offset */
		read_shares(path, &first, &second);
		assert_int_equal(first.entries + second.entries, 9);
		assert_int_equal(first.problems + second.problems, 1);
		const char *problem = first.problems ? first.last_problem : second.last_problem;
		char want[64];
		snprintf(want, sizeof want, "%s: not in the zip's directory",
		         ten_names[unlisted[k]]);
		assert_non_null(strstr(problem, want));
	}
}

/* An input that cannot be cut is read whole by the first reader alone. */
static void an_input_not_to_cut_is_read_by_the_first_reader(void **state)
{
	(void)state;
	static const char *const kinds[] = {"whole.tar", "whole.zip"};
	for (int k = 0; k < 2; k++) {
		char *path = in_tmp(kinds[k]);
		write_archive(path, k ? ARCHIVE_FORMAT_ZIP : ARCHIVE_FORMAT_TAR_USTAR,
		              ARCHIVE_FILTER_NONE, two_releases + 1, k ? 1 : 2);
		struct seen first, second;
		struct source_counts c;
		struct source_limits l0 = share_limits(0), l1 = share_limits(1);
		assert_true(read_input(path, &l0, &first, &c));
		assert_true(read_input(path, &l1, &second, &c));
		assert_int_equal(first.entries, k ? 1 : 2);
		assert_string_equal(first.contents[0], "First release");
		assert_int_equal(second.entries + second.problems, 0);
	}
}

static void the_total_limit_stops_an_input(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	static char big[4096];
	memset(big, 'y', sizeof big - 1);
	const struct file files[] = {{"1.txt", big}, {"2.txt", big}, {"3.txt", big}};
	char *path = in_tmp("bomb.tar.gz");
	write_archive(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP, files, 3);
	const struct source_limits tight = {
	        .max_entry_bytes = 1 << 20, .max_total_bytes = 6000, .max_entries = 100};
	read_input(path, &tight, &s, &c);
	assert_int_equal(s.entries, 1);
	assert_non_null(strstr(s.last_problem, "inflated, rest of input skipped"));
}

/* A bomb that packs far tighter than text ends at the packing ratio, long before
 * the input's byte limit: inflating all of it could take minutes. */
static void a_decompression_bomb_ends_at_the_packing_ratio(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	size_t size = (size_t)200 << 20;
	char *bomb = malloc(size + 1);
	assert_non_null(bomb);
	for (size_t i = 0; i < size; i++)
		bomb[i] = "All work and no play.\n"[i % 22];
	bomb[size] = '\0';
	const struct file files[] = {{"bomb.txt", bomb}, {"after.txt", "never read"}};
	char *path = in_tmp("bomb.tar.zst");
	write_archive(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_ZSTD, files, 2);
	free(bomb);
	const struct source_limits limits = {.max_entry_bytes = (uint64_t)1 << 30,
	                                     .max_total_bytes = (uint64_t)1 << 32,
	                                     .max_entries = 100,
	                                     .max_ratio = 1000};
	read_input(path, &limits, &s, &c);
	assert_int_equal(s.entries, 0);
	assert_int_equal(s.problems, 1);
	assert_non_null(strstr(s.last_problem, "bomb.txt: inflates over 1000 times its size"));
	assert_true(c.bytes == 0);
}

/* An input held in memory reads as the same input on disk does. */
static void an_input_in_memory_reads_like_a_file(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c = {0};
	char *path = in_tmp("memory.tar.gz");
	write_archive(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP, two_releases, 3);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static unsigned char buf[1 << 16];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	memset(&s, 0, sizeof s);
	struct source_handler h = {.ctx = &s, .entry = on_entry, .problem = on_problem};
	assert_true(source_read_memory("bundle", buf, n, &roomy, &h, &c));
	assert_int_equal(s.entries, 2);
	assert_string_equal(s.paths[1], "releases/two.txt");
	assert_string_equal(s.contents[1], "Second release");
	memset(&s, 0, sizeof s);
	assert_true(source_read_memory("nothing", NULL, 0, &roomy, &h, &c));
	assert_int_equal(s.entries + s.problems, 0);
	/* Plain and compressed plain files too, gzip (inflated by relview) and xz. */
	static const struct file one[] = {{"data", "A compressed plain release"}};
	static const int filters[] = {ARCHIVE_FILTER_NONE, ARCHIVE_FILTER_GZIP, ARCHIVE_FILTER_XZ};
	for (size_t i = 0; i < sizeof filters / sizeof *filters; i++) {
		path = in_tmp("memory.txt.z");
		write_archive(path, ARCHIVE_FORMAT_RAW, filters[i], one, 1);
		f = fopen(path, "rb");
		assert_non_null(f);
		n = fread(buf, 1, sizeof buf, f);
		fclose(f);
		memset(&s, 0, sizeof s);
		assert_true(source_read_memory("release", buf, n, &roomy, &h, &c));
		assert_int_equal(s.entries, 1);
		assert_string_equal(s.contents[0], "A compressed plain release");
	}
}

static void a_truncated_archive_keeps_what_was_read(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	/* libarchive inflates 64 KiB at a time and fails a short block whole, so the
	 * archive is made large enough to be cut well after its first entries. */
	enum { FILES = 12 };
	static char filler[FILES][30000];
	struct file files[FILES];
	unsigned seed = 1;
	for (size_t f = 0; f < FILES; f++) {
		seed = bundle_letters(filler[f], sizeof filler[f] - 1, seed);
		files[f] = (struct file){"n.txt", filler[f]};
	}
	files[0].content = "First";
	char *path = in_tmp("cut.tar.gz");
	write_archive(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_GZIP, files, FILES);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(truncate(path, st.st_size / 2), 0);
	read_input(path, &roomy, &s, &c);
	assert_in_range(s.entries, 1, FILES - 2);
	assert_string_equal(s.contents[0], "First");
	assert_int_equal(s.problems, 1);
	assert_non_null(strstr(s.last_problem, "truncated"));
	assert_int_equal(c.complete, 1); /* damage is the bytes': the same at every read */
}

static void missing_and_empty_inputs(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	assert_false(read_input(in_tmp("no-such-file"), &roomy, &s, &c));
	assert_int_equal(s.problems, 1);
	assert_non_null(strstr(s.last_problem, "No such file"));
	assert_int_equal(c.complete, 0); /* the file system's answer, not the input's */
	char *empty = in_tmp("empty");
	write_file(empty, "");
	assert_true(read_input(empty, &roomy, &s, &c));
	assert_int_equal(s.entries + s.problems, 0);
}

static void a_fifo_is_read_once(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	char *tar = in_tmp("for-fifo.tar");
	write_archive(tar, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, two_releases + 1, 2);
	char *fifo = in_tmp("fifo");
	assert_int_equal(mkfifo(fifo, 0600), 0);
	pid_t child = fork();
	if (child == 0) {
		char buf[4096];
		int in = open(tar, O_RDONLY), out = open(fifo, O_WRONLY);
		ssize_t n;
		while ((n = read(in, buf, sizeof buf)) > 0)
			if (write(out, buf, (size_t)n) != n)
				_exit(1);
		_exit(0);
	}
	assert_true(read_input(fifo, &roomy, &s, &c));
	waitpid(child, NULL, 0);
	assert_int_equal(s.entries, 2);
	assert_string_equal(s.contents[1], "Second release");
}

/* ---- pipes, through source_read_fd() --------------------------------------- */

/* A writer into a pipe, in a process of its own: it writes `len` bytes of data,
 * `first` of them, then the rest after `pause_ms`; with `until_told`, it waits
 * (at most 15 s) for a byte on `told` before it writes the rest and closes. Its
 * exit status: 0, or 1 if it was not told in time. */
struct writer {
	const void *data;
	size_t len, first;
	int pause_ms;
	int told; /* -1: none */
};

static pid_t start_writer(const struct writer *w, const int fds[2])
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid > 0)
		return pid;
	close(fds[0]); /* the reader's alone: once it closes it, writing fails */
	int out = fds[1];
	const char *p = w->data;
	bool ok = write(out, p, w->first) == (ssize_t)w->first;
	struct pollfd told = {w->told, POLLIN, 0};
	if (w->told >= 0)
		ok &= poll(&told, 1, 15000) == 1;
	else
		usleep((useconds_t)w->pause_ms * 1000);
	size_t rest = w->len - w->first;
	ok &= write(out, p + w->first, rest) == (ssize_t)rest;
	_exit(ok ? 0 : 1);
}

/* Read what the writer writes through a pipe with this handler; the writer's
 * exit status. */
static int read_pipe(const struct writer *w, const struct source_limits *limits,
                     const struct source_handler *h, struct source_counts *counts)
{
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	pid_t pid = start_writer(w, fds);
	close(fds[1]);
	memset(counts, 0, sizeof *counts);
	source_read_fd("pipe", fds[0], limits, h, counts);
	close(fds[0]);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The same, hearing only of progress. */
static int read_pipe_progress(const struct writer *w, struct heard *heard,
                              struct source_counts *counts)
{
	struct source_handler h = {.ctx = heard,
	                           .entry = ignore_entry,
	                           .problem = ignore_problem,
	                           .progress = on_progress};
	return read_pipe(w, &roomy, &h, counts);
}

/* The entry tells the writer, through `told`, that it came. */
static int tell_fd = -1;

static void on_entry_tell(void *ctx, const struct source_entry *e)
{
	on_entry(ctx, e);
	if (write(tell_fd, "!", 1) != 1)
		fail();
}

/* A tar's first release arrives while its writer is still writing: the reader
 * peeks at no more of a pipe than it needs to tell what it holds. */
static void a_slow_writers_first_release_comes_before_its_end(void **state)
{
	(void)state;
	char *tar = in_tmp("slow.tar");
	write_archive(tar, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, two_releases + 1, 1);
	static char data[16384];
	int fd = open(tar, O_RDONLY);
	ssize_t len = read(fd, data, sizeof data);
	close(fd);
	assert_true(len > 1024);
	int told[2];
	assert_int_equal(pipe(told), 0);
	tell_fd = told[1];
	/* The first entry's header and data: 1024 bytes; the rest once it came. */
	struct writer w = {data, (size_t)len, 1024, 0, told[0]};
	struct seen s = {0};
	struct source_counts c;
	struct source_handler h = {.ctx = &s, .entry = on_entry_tell, .problem = on_problem};
	assert_int_equal(read_pipe(&w, &roomy, &h, &c), 0);
	close(told[0]);
	close(told[1]);
	assert_int_equal(s.entries, 1);
	assert_string_equal(s.contents[0], "First release");
}

/* A plain release through a pipe, whose writer pauses: it is read again from its
 * start once libarchive found no archive in it, whole, and the progress reported
 * (how far into the pipe) never goes back. */
static void a_plain_release_through_a_pipe_is_replayed_whole(void **state)
{
	(void)state;
	static char text[3000];
	static const char head[] = "Skip to main content\nMay 4, 2015\n\nPiped title\n\n";
	for (size_t i = 0; i < sizeof text; i++)
		text[i] = "Body text. "[i % 11];
	memcpy(text, head, sizeof head - 1);
	text[sizeof text - 1] = '\0';
	struct writer w = {text, sizeof text - 1, 100, 300, -1};
	struct heard heard = {0};
	struct source_counts c;
	assert_int_equal(read_pipe_progress(&w, &heard, &c), 0);
	assert_int_equal(c.entries, 1);
	assert_int_equal(c.bytes, sizeof text - 1);
	assert_false(heard.backwards);
	assert_int_equal(heard.last, sizeof text - 1);
}

/* A zip through a pipe is kept whole in memory before it is read: progress is
 * reported meanwhile, and one over the limit is refused with the limit named. */
static void a_zip_through_a_pipe_is_kept_with_progress_within_a_limit(void **state)
{
	(void)state;
	static char member[700000];
	memset(member, 'z', sizeof member - 1);
	const struct file files[] = {{"a.txt", member}, {"b.txt", member}, {"c.txt", member}};
	char *zip = in_tmp("piped.zip");
	write_archive_with(zip, ARCHIVE_FORMAT_ZIP, ARCHIVE_FILTER_NONE, "zip:compression=store",
	                   files, 3);
	struct stat st;
	assert_int_equal(stat(zip, &st), 0);
	char *data = malloc((size_t)st.st_size);
	int fd = open(zip, O_RDONLY);
	assert_int_equal(read(fd, data, (size_t)st.st_size), st.st_size);
	close(fd);
	struct writer w = {data, (size_t)st.st_size, (size_t)st.st_size, 0, -1};
	struct heard heard = {0};
	struct source_counts c;
	assert_int_equal(read_pipe_progress(&w, &heard, &c), 0);
	assert_int_equal(c.entries, 3);
	assert_true(heard.last >= (uint64_t)st.st_size);
	assert_false(heard.backwards);
	struct source_limits tight = roomy;
	tight.max_total_bytes = 1 << 20;
	struct seen s = {0};
	struct source_handler hs = {.ctx = &s, .entry = on_entry, .problem = on_problem};
	read_pipe(&w, &tight, &hs, &c);
	assert_int_equal(s.entries, 0);
	assert_string_equal(s.last_problem, "-: a zip or 7-Zip archive through a pipe is read "
	                                    "whole first, and this one holds more than the 1 "
	                                    "MiB an input may inflate: not read");
	free(data);
}

/* Two names of one file, "a.txt" and "b.txt", then "c.txt", written as the archive's
 * format places a hard link's data: libarchive's link resolver gives newc cpio's
 * data to the last name, tar's to the first, and odc cpio's to every name. */
static void write_linked(const char *path, int format)
{
	static const char text[] = "Linked release";
	struct archive *a = archive_write_new();
	assert_int_equal(archive_write_set_format(a, format), ARCHIVE_OK);
	assert_int_equal(archive_write_open_filename(a, path), ARCHIVE_OK);
	struct archive_entry_linkresolver *links = archive_entry_linkresolver_new();
	archive_entry_linkresolver_set_strategy(links, archive_format(a));
	for (int i = 0; i <= 3; i++) {
		struct archive_entry *e = NULL, *spare = NULL;
		if (i < 2) { /* at i == 2, what the resolver held back comes out */
			e = archive_entry_new();
			archive_entry_set_pathname(e, i ? "b.txt" : "a.txt");
			archive_entry_set_filetype(e, AE_IFREG);
			archive_entry_set_perm(e, 0644);
			archive_entry_set_size(e, sizeof text - 1);
			archive_entry_set_dev(e, 1);
			archive_entry_set_ino(e, 42);
			archive_entry_set_nlink(e, 2);
		}
		if (i < 3)
			archive_entry_linkify(links, &e, &spare);
		for (struct archive_entry *w = e; w; w = w == e ? spare : NULL) {
			assert_int_equal(archive_write_header(a, w), ARCHIVE_OK);
			la_int64_t size = archive_entry_size(w);
			if (size > 0)
				assert_int_equal(archive_write_data(a, text, (size_t)size), size);
			archive_entry_free(w);
		}
		if (i == 3)
			bundle_add_file(a, "c.txt", "Unlinked", 8);
	}
	archive_entry_linkresolver_free(links);
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

/* A ustar header block of an entry. */
static void tar_header(unsigned char *block, const char *name, char type, const char *link,
                       size_t size)
{
	memset(block, 0, 512);
	snprintf((char *)block, 100, "%s", name);
	memcpy(block + 100, "0000644", 8);
	memcpy(block + 108, "0000000", 8);
	memcpy(block + 116, "0000000", 8);
	snprintf((char *)block + 124, 12, "%011zo", size);
	memcpy(block + 136, "00000000000", 12);
	block[156] = (unsigned char)type;
	snprintf((char *)block + 157, 100, "%s", link ? link : "");
	memcpy(block + 257, "ustar", 6);
	memcpy(block + 263, "00", 2);
	memset(block + 148, ' ', 8);
	unsigned sum = 0;
	for (int i = 0; i < 512; i++)
		sum += block[i];
	snprintf((char *)block + 148, 8, "%06o", sum);
}

/* A pax tar (written by hand: libarchive's writer drops a link's data) whose second
 * name of "a.txt", "b.txt", carries the data again, as pax allows, then "c.txt". */
static void write_pax_link_with_data(const char *path)
{
	static const char text[] = "Linked release", pax[] = "14 path=b.txt\n";
	static unsigned char tar[9 * 512];
	memset(tar, 0, sizeof tar);
	tar_header(tar, "a.txt", '0', NULL, sizeof text - 1);
	memcpy(tar + 512, text, sizeof text - 1);
	tar_header(tar + 2 * 512, "PaxHeaders/b.txt", 'x', NULL, sizeof pax - 1);
	memcpy(tar + 3 * 512, pax, sizeof pax - 1);
	tar_header(tar + 4 * 512, "b.txt", '1', "a.txt", sizeof text - 1);
	memcpy(tar + 5 * 512, text, sizeof text - 1);
	tar_header(tar + 6 * 512, "c.txt", '0', NULL, 8);
	memcpy(tar + 7 * 512, "Unlinked", 8);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(tar, 1, sizeof tar, f), sizeof tar);
	static const unsigned char end[1024];
	assert_int_equal(fwrite(end, 1, sizeof end, f), sizeof end);
	fclose(f);
}

static void a_hard_links_text_is_read_wherever_its_data_is(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		int format;
	} kinds[] = {
	        {"links.newc", ARCHIVE_FORMAT_CPIO_SVR4_NOCRC},
	        {"links.odc", ARCHIVE_FORMAT_CPIO_POSIX},
	        {"links.tar", ARCHIVE_FORMAT_TAR_USTAR},
	};
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		struct seen s;
		struct source_counts c;
		char *path = in_tmp(kinds[k].name);
		write_linked(path, kinds[k].format);
		assert_true(read_input(path, &roomy, &s, &c));
		int linked = 0;
		for (int i = 0; i < s.entries && i < 16; i++)
			linked += strcmp(s.contents[i], "Linked release") == 0;
		assert_int_equal(linked, 1); /* once, though odc holds it with every name */
		assert_string_equal(s.contents[s.entries - 1], "Unlinked");
		assert_int_equal(s.problems, 0);
	}
	struct seen s;
	struct source_counts c;
	char *path = in_tmp("links.pax");
	write_pax_link_with_data(path);
	assert_true(read_input(path, &roomy, &s, &c));
	assert_int_equal(s.entries, 2);
	assert_string_equal(s.paths[0], "a.txt");
	assert_string_equal(s.contents[0], "Linked release");
	assert_string_equal(s.contents[1], "Unlinked");
	assert_int_equal(s.problems, 0);
}

static int make_tmpdir(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	(void)state;
	char cmd[600];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(tar_gz_yields_regular_entries_in_order),
	        cmocka_unit_test(every_common_format_reads_the_same),
	        cmocka_unit_test(plain_and_compressed_files_are_one_release),
	        cmocka_unit_test(folders_are_walked_in_name_order),
	        cmocka_unit_test(a_folders_files_are_read_as_files_are),
	        cmocka_unit_test(a_loose_file_read_in_short_pieces_is_read_whole),
	        cmocka_unit_test(a_file_that_became_a_fifo_is_not_waited_for),
	        cmocka_unit_test(a_loose_bundle_is_opened_once),
	        cmocka_unit_test(a_walk_reports_as_it_lists_names),
	        cmocka_unit_test(a_folders_progress_counts_its_files_bytes),
	        cmocka_unit_test(an_oversized_entry_is_skipped_and_reading_goes_on),
	        cmocka_unit_test(entries_of_known_size_are_read_into_the_handlers_room),
	        cmocka_unit_test(room_is_not_asked_for_an_oversized_entry),
	        cmocka_unit_test(a_member_larger_than_its_zip_says_is_reported),
	        cmocka_unit_test(a_zip_read_in_shares_gives_each_member_once),
	        cmocka_unit_test(a_member_not_matching_the_directorys_crc_is_reported),
	        cmocka_unit_test(a_member_the_directory_does_not_list_is_skipped),
	        cmocka_unit_test(a_stored_member_holding_a_descriptor_signature_is_read_whole),
	        cmocka_unit_test(an_input_not_to_cut_is_read_by_the_first_reader),
	        cmocka_unit_test(the_byte_limit_is_split_only_between_shares),
	        cmocka_unit_test(the_total_limit_stops_an_input),
	        cmocka_unit_test(a_decompression_bomb_ends_at_the_packing_ratio),
	        cmocka_unit_test(an_input_in_memory_reads_like_a_file),
	        cmocka_unit_test(a_truncated_archive_keeps_what_was_read),
	        cmocka_unit_test(missing_and_empty_inputs),
	        cmocka_unit_test(a_fifo_is_read_once),
	        cmocka_unit_test(a_slow_writers_first_release_comes_before_its_end),
	        cmocka_unit_test(a_plain_release_through_a_pipe_is_replayed_whole),
	        cmocka_unit_test(a_zip_through_a_pipe_is_kept_with_progress_within_a_limit),
	        cmocka_unit_test(a_hard_links_text_is_read_wherever_its_data_is),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
