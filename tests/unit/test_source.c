/* source: files, folders, archives of every kind, limits, and damaged archives — all
 * read-only; zips read in shares are test_zips.c's, pipes test_stream.c's. The
 * archives are written here with libarchive's writer into a temporary folder. */
#include "config.h"

#include "source_check.h"

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

/* A damaged tar header mid-archive: libarchive's reader fails it and every block of
 * its entry's data until it finds the next header, a run of failures that is one
 * damage, reported once, with where it begins; the entries around it are read. */
static void a_damaged_tar_header_is_one_problem(void **state)
{
	(void)state;
	struct seen s;
	struct source_counts c;
	static char middle[3000]; /* six blocks of data after the damaged header */
	bundle_letters(middle, sizeof middle - 1, 1);
	const struct file files[] = {
	        {"one.txt", "First"}, {"two.txt", middle}, {"three.txt", "Third"}};
	char *path = in_tmp("damaged-header.tar");
	write_archive(path, ARCHIVE_FORMAT_TAR_USTAR, ARCHIVE_FILTER_NONE, files, 3);
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, 1024 + 148, SEEK_SET), 0); /* two.txt's header checksum */
	assert_int_equal(fwrite("xxxxxxxx", 1, 8, f), 8);
	assert_int_equal(fclose(f), 0);
	read_input(path, &roomy, &s, &c);
	assert_int_equal(s.entries, 2);
	assert_string_equal(s.contents[1], "Third");
	assert_int_equal(s.problems, 1);
	assert_non_null(strstr(s.last_problem, "at byte 1024"));
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
	        cmocka_unit_test(the_total_limit_stops_an_input),
	        cmocka_unit_test(a_decompression_bomb_ends_at_the_packing_ratio),
	        cmocka_unit_test(an_input_in_memory_reads_like_a_file),
	        cmocka_unit_test(a_truncated_archive_keeps_what_was_read),
	        cmocka_unit_test(a_damaged_tar_header_is_one_problem),
	        cmocka_unit_test(missing_and_empty_inputs),
	        cmocka_unit_test(a_fifo_is_read_once),
	        cmocka_unit_test(a_hard_links_text_is_read_wherever_its_data_is),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
