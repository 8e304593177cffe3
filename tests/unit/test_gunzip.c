/* gunzip: a gzip stream reads through libarchive exactly as its own filter would
 * have read it — every member, nothing after them — and damage is reported, never
 * passed on as text. */
#include "config.h"

#include "bundle.h"

#include "relview/gunzip.h"
#include "relview/source.h"

#include <archive.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

/* A stream of gzip members, built up by append_member(). */
struct stream {
	unsigned char bytes[1 << 20];
	size_t len;
};

static void append_member(struct stream *s, const char *text)
{
	struct archive *a = archive_write_new();
	size_t used = 0;
	assert_int_equal(archive_write_set_format_raw(a), ARCHIVE_OK);
	assert_int_equal(archive_write_add_filter_gzip(a), ARCHIVE_OK);
	assert_int_equal(archive_write_set_bytes_in_last_block(a, 1), ARCHIVE_OK);
	assert_int_equal(
	        archive_write_open_memory(a, s->bytes + s->len, sizeof s->bytes - s->len, &used),
	        ARCHIVE_OK);
	bundle_add_file(a, "member", text, strlen(text));
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	s->len += used;
}

/* What reading the stream gives: its text, or the error's message after "ERROR: ". */
struct result {
	char text[256];
	uint64_t consumed;
};

static void read_stream(int fd, const struct stream *s, struct result *r)
{
	struct archive *a = archive_read_new();
	struct archive_entry *ae;
	struct gunzip *gz;
	archive_read_support_format_raw(a);
	int status = gunzip_open(a, fd, fd < 0 ? s->bytes : NULL, fd < 0 ? s->len : 0, &gz);
	assert_non_null(gz);
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	la_ssize_t got = 0, n;
	while (status == ARCHIVE_OK &&
	       (n = archive_read_data(a, r->text + got, sizeof r->text - 1 - (size_t)got)) > 0)
		got += n;
	if (status != ARCHIVE_OK || got < 0 || n < 0)
		snprintf(r->text, sizeof r->text, "ERROR: %s", archive_error_string(a));
	else
		r->text[got] = '\0';
	r->consumed = gunzip_consumed(gz);
	archive_read_free(a);
}

static void the_magic_is_gzips_deflate(void **state)
{
	(void)state;
	assert_true(gunzip_magic((const unsigned char *)"\x1f\x8b\x08\x08", 4));
	assert_false(gunzip_magic((const unsigned char *)"\x1f\x8b\x09\x00", 4));
	assert_false(gunzip_magic((const unsigned char *)"\x1f\x8b\x08\x20", 4)); /* reserved */
	assert_false(gunzip_magic((const unsigned char *)"\x1f\x8b\x08", 3));
	assert_false(gunzip_magic((const unsigned char *)"PK\3\4", 4));
}

static void every_member_is_read(void **state)
{
	(void)state;
	struct stream *s = calloc(1, sizeof *s);
	struct result r;
	append_member(s, "First part, ");
	append_member(s, "second part, ");
	append_member(s, "last part.");
	read_stream(-1, s, &r);
	assert_string_equal(r.text, "First part, second part, last part.");
	assert_int_equal(r.consumed, s->len);
	free(s);
}

static void what_follows_the_last_member_is_ignored(void **state)
{
	(void)state;
	struct stream *s = calloc(1, sizeof *s);
	struct result r;
	append_member(s, "The release.");
	memcpy(s->bytes + s->len, "\0\0\0\0trailing junk", 17);
	s->len += 17;
	read_stream(-1, s, &r);
	assert_string_equal(r.text, "The release.");
	free(s);
}

static void a_damaged_checksum_is_an_error(void **state)
{
	(void)state;
	struct stream *s = calloc(1, sizeof *s);
	struct result r;
	append_member(s, "Text whose checksum will not match.");
	s->bytes[s->len - 8] ^= 0x55; /* the CRC-32 in the member's trailer */
	read_stream(-1, s, &r);
	assert_string_equal(r.text, "ERROR: gzip data damaged (checksum mismatch)");
	free(s);
}

static void a_cut_stream_is_an_error(void **state)
{
	(void)state;
	struct stream *s = calloc(1, sizeof *s);
	struct result r;
	append_member(s, "Text cut before its trailer.");
	s->len -= 4;
	read_stream(-1, s, &r);
	assert_string_equal(r.text, "ERROR: gzip data truncated");
	free(s);
}

static void a_file_reads_as_memory_does(void **state)
{
	(void)state;
	struct stream *s = calloc(1, sizeof *s);
	struct result r;
	append_member(s, "From a file, ");
	append_member(s, "in two members.");
	char path[] = "/tmp/relview-test-gunzip-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, s->bytes, s->len), (ssize_t)s->len);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	unlink(path);
	read_stream(fd, s, &r); /* closes fd */
	assert_string_equal(r.text, "From a file, in two members.");
	assert_int_equal(r.consumed, s->len);
	free(s);
}

static void count_problem(void *ctx, const char *input, const char *path, const char *reason)
{
	(void)input;
	(void)path;
	snprintf(ctx, 256, "%s", reason);
}

static void count_entry(void *ctx, const struct source_entry *e)
{
	(void)ctx;
	(void)e;
	fail_msg("a bomb's entry was handed over");
}

/* The packing ratio that tells a bomb is judged on the bytes this inflater read. */
static void a_gzip_bomb_is_stopped(void **state)
{
	(void)state;
	size_t size = (size_t)80 << 20;
	char *text = malloc(size + 1);
	assert_non_null(text);
	memset(text, 'a', size);
	text[size] = '\0';
	struct stream *s = calloc(1, sizeof *s);
	append_member(s, text);
	free(text);
	char reason[256] = "";
	struct source_handler h = {.ctx = reason, .entry = count_entry, .problem = count_problem};
	const struct source_limits limits = {.max_entry_bytes = (uint64_t)1 << 30,
	                                     .max_total_bytes = SOURCE_MAX_TOTAL_BYTES,
	                                     .max_entries = SOURCE_MAX_ENTRIES,
	                                     .max_ratio = SOURCE_MAX_RATIO};
	struct source_counts counts = {0};
	source_read_memory("bomb.gz", s->bytes, s->len, &limits, &h, &counts);
	assert_non_null(strstr(reason, "inflates over 100 times its size"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(the_magic_is_gzips_deflate),
	        cmocka_unit_test(every_member_is_read),
	        cmocka_unit_test(what_follows_the_last_member_is_ignored),
	        cmocka_unit_test(a_damaged_checksum_is_an_error),
	        cmocka_unit_test(a_cut_stream_is_an_error),
	        cmocka_unit_test(a_file_reads_as_memory_does),
	        cmocka_unit_test(a_gzip_bomb_is_stopped),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
