/* zipdir: a zip is cut between members into shares of about equal compressed size
 * that cover every member once, in order — and a zip the streaming reader would not
 * read as its directory lists it is not cut at all. The zips are written here with
 * libarchive's writer, then damaged byte by byte where a test needs it. */
#include "config.h"

#include "bundle.h"

#include "relview/zipdir.h"

#include <archive.h>
#include <isa-l/crc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

struct zip {
	unsigned char *bytes;
	size_t len, cap;
};

/* A zip of n members named m00000.txt…, member i of sizes[i] bytes; stored rather
 * than deflated when `store`. */
static void make_zip(struct zip *z, const size_t *sizes, size_t n, bool store)
{
	z->cap = 64 << 20;
	z->bytes = malloc(z->cap);
	assert_non_null(z->bytes);
	struct archive *a = archive_write_new();
	assert_int_equal(archive_write_set_format_zip(a), ARCHIVE_OK);
	if (store)
		assert_int_equal(archive_write_set_format_option(a, "zip", "compression", "store"),
		                 ARCHIVE_OK);
	assert_int_equal(archive_write_open_memory(a, z->bytes, z->cap, &z->len), ARCHIVE_OK);
	char *text = malloc(1 << 20);
	assert_non_null(text);
	for (size_t i = 0; i < n; i++) {
		char name[32];
		snprintf(name, sizeof name, "m%05zu.txt", i);
		bundle_letters(text, sizes[i], (unsigned)i);
		bundle_add_file(a, name, text, sizes[i]);
	}
	assert_int_equal(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
	free(text);
}

/* The zip as a file, for zipdir_share(). */
static int as_file(const struct zip *z)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	assert_int_equal(fwrite(z->bytes, 1, z->len, f), z->len);
	fflush(f);
	int fd = dup(fileno(f));
	fclose(f);
	return fd;
}

/* Share `part` of the zip, its list of members checked and freed: *first_crc (when
 * not NULL) is the CRC its first member is listed with. */
static bool share_of(const struct zip *z, unsigned part, unsigned parts, struct zip_share *s,
                     uint32_t *first_crc)
{
	int fd = as_file(z);
	bool ok = zipdir_share(fd, part, parts, s);
	close(fd);
	if (!ok)
		return false;
	assert_true(s->count > 0);
	assert_int_equal(s->members[0].offset, s->from);
	for (uint64_t i = 1; i < s->count; i++)
		assert_true(s->members[i].offset > s->members[i - 1].offset);
	assert_true(s->members[s->count - 1].offset < s->to);
	if (first_crc)
		*first_crc = s->members[0].crc;
	zipdir_share_free(s);
	assert_null(s->members);
	return true;
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Where the central directory begins: the first "PK\1\2" (the members' text is
 * letters only). */
static size_t directory_at(const struct zip *z)
{
	const unsigned char *cd = memmem(z->bytes, z->len, "PK\1\2", 4);
	assert_non_null(cd);
	return (size_t)(cd - z->bytes);
}

/* Directory entry i. */
static unsigned char *entry(struct zip *z, size_t i)
{
	unsigned char *e = z->bytes + directory_at(z);
	for (; i > 0; i--) {
		size_t len = 46 + (size_t)(e[28] | e[29] << 8) + (size_t)(e[30] | e[31] << 8) +
		             (size_t)(e[32] | e[33] << 8);
		e += len;
	}
	assert_memory_equal(e, "PK\1\2", 4);
	return e;
}

/* Every member once, in order: the shares follow each other from the first local
 * header to the directory, each starting at a member's local header, and member k
 * of the archive is the one its share numbers k. */
static void check_shares_cover_all(const struct zip *z, unsigned parts, const size_t *sizes,
                                   size_t members, bool stored)
{
	uint64_t from = 0, next_ordinal = 0;
	char *text = malloc(1 << 20);
	assert_non_null(text);
	for (unsigned p = 0; p < parts; p++) {
		struct zip_share s;
		uint32_t crc;
		assert_true(share_of(z, p, parts, &s, &crc));
		assert_int_equal(s.from, from);
		assert_int_equal(s.first_ordinal, next_ordinal);
		assert_int_equal(s.ends_found_by_crc,
		                 stored); /* libarchive's writer: length after */
		char name[32];
		snprintf(name, sizeof name, "m%05llu.txt", (unsigned long long)s.first_ordinal);
		assert_memory_equal(z->bytes + s.from, "PK\3\4", 4);
		assert_memory_equal(z->bytes + s.from + 30, name, strlen(name));
		bundle_letters(text, sizes[s.first_ordinal], (unsigned)s.first_ordinal);
		assert_int_equal(crc,
		                 crc32_gzip_refl(0, (unsigned char *)text, sizes[s.first_ordinal]));
		from = s.to;
		next_ordinal = s.first_ordinal + s.count;
	}
	assert_int_equal(from, directory_at(z));
	assert_int_equal(next_ordinal, members);
	free(text);
}

static void shares_cover_every_member_once_in_order(void **state)
{
	(void)state;
	size_t sizes[40];
	for (size_t i = 0; i < 40; i++)
		sizes[i] = 500 + 97 * i % 3000;
	struct zip z;
	make_zip(&z, sizes, 40, false);
	check_shares_cover_all(&z, 2, sizes, 40, false);
	check_shares_cover_all(&z, 3, sizes, 40, false);
	free(z.bytes);
}

/* Halves by compressed bytes, not by members: with one member as large as the ten
 * before it, the second share starts at it. */
static void shares_hold_about_equal_bytes(void **state)
{
	(void)state;
	size_t sizes[12] = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 9990, 10};
	struct zip z;
	make_zip(&z, sizes, 12, true);
	struct zip_share first, second;
	assert_true(share_of(&z, 0, 2, &first, NULL));
	assert_true(share_of(&z, 1, 2, &second, NULL));
	assert_int_equal(first.first_ordinal, 0);
	assert_int_equal(second.first_ordinal, 10);
	assert_int_equal(first.to, second.from);
	free(z.bytes);
}

/* A zip with more members than 16 bits count has a zip64 end record. */
static void a_zip64_directory_is_read(void **state)
{
	(void)state;
	enum { MEMBERS = 70000 };
	size_t *sizes = malloc(MEMBERS * sizeof *sizes);
	assert_non_null(sizes);
	for (size_t i = 0; i < MEMBERS; i++)
		sizes[i] = 20;
	struct zip z;
	make_zip(&z, sizes, MEMBERS, true);
	assert_non_null(memmem(z.bytes + directory_at(&z), z.len - directory_at(&z), "PK\6\6", 4));
	check_shares_cover_all(&z, 2, sizes, MEMBERS, true);
	struct zip_share second;
	assert_true(share_of(&z, 1, 2, &second, NULL));
	assert_int_equal(second.first_ordinal, MEMBERS / 2);
	free(sizes);
	free(z.bytes);
}

/* Each change to a sound zip's directory that makes it one not to cut. */
static void damage_encrypted(unsigned char *e)
{
	e[8] |= 1;
}

static void damage_link(unsigned char *e)
{
	e[5] = 3;                   /* made on Unix */
	e[40] = 0xFF, e[41] = 0xA1; /* mode 0120777: a symbolic link */
}

static void damage_bzip2(unsigned char *e)
{
	e[10] = 12;
}

static void damage_signature(unsigned char *e)
{
	e[2] = 'X';
}

static void damage_order(unsigned char *e)
{
	/* The second member's local header offset becomes the first's. */
	memset(e + 42, 0, 4);
}

static void damage_disk(unsigned char *e)
{
	e[34] = 1;
}

static void a_zip_not_to_stream_is_not_cut(void **state)
{
	(void)state;
	static void (*const damages[])(unsigned char *) = {
	        damage_encrypted, damage_link,  damage_bzip2,
	        damage_signature, damage_order, damage_disk,
	};
	size_t sizes[6] = {800, 900, 1000, 1100, 1200, 1300};
	for (size_t k = 0; k < sizeof damages / sizeof *damages; k++) {
		struct zip z;
		struct zip_share s;
		make_zip(&z, sizes, 6, false);
		assert_true(share_of(&z, 1, 2, &s, NULL)); /* sound, it is cut */
		damages[k](entry(&z, 1));
		assert_false(share_of(&z, 0, 2, &s, NULL));
		assert_false(share_of(&z, 1, 2, &s, NULL));
		free(z.bytes);
	}
}

static void too_few_members_or_a_damaged_end_is_not_cut(void **state)
{
	(void)state;
	size_t sizes[3] = {100, 50000, 100};
	struct zip z;
	struct zip_share s;
	make_zip(&z, sizes, 1, false);
	assert_false(share_of(&z, 0, 2, &s, NULL)); /* one member, two shares */
	free(z.bytes);

	make_zip(&z, sizes, 3, false);
	assert_true(share_of(&z, 1, 2, &s, NULL));
	assert_false(share_of(&z, 1, 3, &s, NULL)); /* the middle member would fill two shares */
	assert_false(share_of(&z, 2, 2, &s, NULL)); /* no such share */
	z.len--;                                    /* the end record's comment runs past the end */
	assert_false(share_of(&z, 0, 2, &s, NULL));
	free(z.bytes);

	unsigned char junk_bytes[] = "PK\3\4 not a zip at all", no_bytes[1] = {0};
	struct zip junk = {junk_bytes, 22, 0};
	assert_false(share_of(&junk, 0, 2, &s, NULL));
	struct zip empty = {no_bytes, 0, 0};
	assert_false(share_of(&empty, 0, 2, &s, NULL));
}

/* The directory's offsets are checked against the file: an end record that puts
 * the directory past its own offset is refused. */
static void a_directory_beyond_its_end_record_is_not_cut(void **state)
{
	(void)state;
	size_t sizes[4] = {1000, 1000, 1000, 1000};
	struct zip z;
	struct zip_share s;
	make_zip(&z, sizes, 4, false);
	unsigned char *end = z.bytes + z.len - 22;
	assert_memory_equal(end, "PK\5\6", 4);
	uint32_t cd = le32(end + 16);
	end[16] = (unsigned char)(cd + 1);
	end[17] = (unsigned char)((cd + 1) >> 8);
	end[18] = (unsigned char)((cd + 1) >> 16);
	assert_false(share_of(&z, 0, 2, &s, NULL));
	free(z.bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(shares_cover_every_member_once_in_order),
	        cmocka_unit_test(shares_hold_about_equal_bytes),
	        cmocka_unit_test(a_zip64_directory_is_read),
	        cmocka_unit_test(a_zip_not_to_stream_is_not_cut),
	        cmocka_unit_test(too_few_members_or_a_damaged_end_is_not_cut),
	        cmocka_unit_test(a_directory_beyond_its_end_record_is_not_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
