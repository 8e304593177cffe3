/* source: zips, whose members are checked against their central directory and read
 * in shares by two readers (zipdir.h); the archives are written here with
 * libarchive's writer into a temporary folder. */
#include "config.h"

#include "source_check.h"

#include "relview/source.h"

#include <archive.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

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

static unsigned char spoiled_zip[1 << 16];

/* Read the zip at path into spoiled_zip: the offset of the local header of the
 * member named `name` (found by the name), and in *len the zip's length. */
static size_t local_header_of(FILE *f, const char *name, size_t *len)
{
	size_t n = strlen(name), at = 0;
	*len = fread(spoiled_zip, 1, sizeof spoiled_zip, f);
	while (at + 30 + n <= *len &&
	       !(memcmp(spoiled_zip + at, "PK\3\4", 4) == 0 && spoiled_zip[at + 26] == n &&
	         memcmp(spoiled_zip + at + 30, name, n) == 0))
		at++;
	assert_true(at + 30 + n <= *len);
	return at;
}

/* Spoil the compressed data of the member named `name`: its data begins after the
 * name and the extra field. */
static void spoil_member_data(const char *path, const char *name)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	size_t len, at = local_header_of(f, name, &len);
	size_t data =
	        at + 30 + strlen(name) + (spoiled_zip[at + 28] | (size_t)spoiled_zip[at + 29] << 8);
	assert_int_equal(fseek(f, (long)data, SEEK_SET), 0);
	assert_int_equal(fwrite("\xff\xff\xff\xff", 1, 4, f), 4);
	assert_int_equal(fclose(f), 0);
}

/* Spoil the local header of the member named `name`: the first block of its extra
 * field claims 65535 bytes, more than the field holds, which fails libarchive's
 * streaming reader for good (ARCHIVE_FATAL). */
static void spoil_member_header(const char *path, const char *name)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	size_t len, at = local_header_of(f, name, &len);
	assert_true((spoiled_zip[at + 28] | spoiled_zip[at + 29] << 8) >= 4);
	assert_int_equal(fseek(f, (long)(at + 30 + strlen(name) + 2), SEEK_SET), 0);
	assert_int_equal(fwrite("\xff\xff", 1, 2, f), 2);
	assert_int_equal(fclose(f), 0);
}

/* A member whose data cannot be inflated ends libarchive's pass over the share, but
 * the directory says where the next member begins: only that member is lost, and
 * it is reported once. */
static void a_damaged_member_costs_only_itself(void **state)
{
	(void)state;
	struct seen first, second;
	char *path = write_ten_member_zip("damaged-member.zip");
	spoil_member_data(path, "b.txt");
	read_shares(path, &first, &second);
	assert_int_equal(first.entries + second.entries, 9);
	for (int k = 0; k < first.entries; k++)
		assert_string_not_equal(first.paths[k], "b.txt");
	assert_int_equal(first.problems + second.problems, 1);
	assert_non_null(strstr(first.last_problem, "b.txt: "));
}

/* A local header that fails for good (it has then no position) is not the end of
 * the share: its member is named in one line, from the directory, and the members
 * after it are read — also when it is the next share's first, which only that
 * share's reader reports. */
static void a_damaged_local_header_costs_only_its_member(void **state)
{
	(void)state;
	static const int damaged[] = {2, 5}; /* the shares are a–e and f–j */
	for (int k = 0; k < 2; k++) {
		struct seen first, second;
		char *path = write_ten_member_zip("damaged-header.zip");
		spoil_member_header(path, ten_names[damaged[k]]);
		read_shares(path, &first, &second);
		assert_int_equal(first.entries + second.entries, 9);
		assert_int_equal(first.problems + second.problems, 1);
		const char *problem = first.problems ? first.last_problem : second.last_problem;
		char want[64];
		snprintf(want, sizeof want, "%s: ", ten_names[damaged[k]]);
		assert_non_null(strstr(problem, want));
	}
}

/* A local header the directory does not list is not a member: it is reported, and
 * the share still ends where the next begins — also when it is the share's last.
 * The member the directory lists where no header is is named too (it comes second). */
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
		assert_int_equal(first.problems + second.problems, 2);
		const char *problem = first.problems ? first.last_problem : second.last_problem;
		char want[64];
		snprintf(want, sizeof want, "%s: not found where the zip's directory places it",
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(a_member_larger_than_its_zip_says_is_reported),
	        cmocka_unit_test(a_zip_read_in_shares_gives_each_member_once),
	        cmocka_unit_test(a_member_not_matching_the_directorys_crc_is_reported),
	        cmocka_unit_test(a_damaged_member_costs_only_itself),
	        cmocka_unit_test(a_damaged_local_header_costs_only_its_member),
	        cmocka_unit_test(a_member_the_directory_does_not_list_is_skipped),
	        cmocka_unit_test(a_stored_member_holding_a_descriptor_signature_is_read_whole),
	        cmocka_unit_test(an_input_not_to_cut_is_read_by_the_first_reader),
	        cmocka_unit_test(the_byte_limit_is_split_only_between_shares),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
