/* mbascii: relview's mbrtowc() is the one libarchive calls, and it answers every
 * call as glibc's own does, before and after it is enabled, whatever the bytes,
 * their count and the shift state. */
#include "config.h"

#include "relview/mbascii.h"

#include <archive.h>
#include <archive_entry.h>
#include <dlfcn.h>
#include <errno.h>
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <cmocka.h>

typedef size_t mbrtowc_fn(wchar_t *restrict, const char *restrict, size_t, mbstate_t *restrict);

static mbrtowc_fn *symbol(void *handle)
{
	mbrtowc_fn *fn;
	void *sym = dlsym(handle, "mbrtowc");
	memcpy(&fn, &sym, sizeof fn);
	return fn;
}

/* One call of each from the same state gives the same result, character, errno
 * and next state. `lead` bytes are fed to both first, to leave a state mid-way. */
static void check_call(const char *lead, const char *s, size_t n, bool with_pwc, bool with_state)
{
	mbrtowc_fn *libc = symbol(RTLD_NEXT);
	mbstate_t mine, theirs;
	memset(&mine, 0, sizeof mine);
	if (lead) {
		wchar_t ignored;
		assert_int_equal(libc(&ignored, lead, strlen(lead), &mine), (size_t)-2);
	}
	theirs = mine;
	wchar_t wc_mine = L'#', wc_theirs = L'#';
	errno = 0;
	size_t got = mbrtowc(with_pwc ? &wc_mine : NULL, s, n, with_state ? &mine : NULL);
	int errno_mine = errno;
	errno = 0;
	size_t want = libc(with_pwc ? &wc_theirs : NULL, s, n, with_state ? &theirs : NULL);
	assert_int_equal(got, want);
	assert_int_equal(wc_mine, wc_theirs);
	if (want == (size_t)-1)
		assert_int_equal(errno_mine, errno);
	assert_memory_equal(&mine, &theirs, sizeof mine);
}

static void check_all_calls(void)
{
	for (int c = 0; c < 256; c++) {
		char s[4] = {(char)c, 'x', '\0', '\0'};
		for (size_t n = 0; n <= 2; n++) {
			check_call(NULL, s, n, true, true);
			check_call(NULL, s, n, false, true);
			if (c < 0x80) /* glibc's hidden state would be left mid-way */
				check_call(NULL, s, n, true, false);
		}
		/* An ASCII byte after half a character is not the start of one. */
		if (MB_CUR_MAX > 1)
			check_call("\xe2\x82", s, 1, true, true);
	}
	static const char *const texts[] = {"caf\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
	                                    "\xc3",        "\xff\xfe",     "a\xc3\xa9"};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		for (size_t n = 1; n <= strlen(texts[i]); n++)
			check_call(NULL, texts[i], n, true, true);
	check_call(NULL, NULL, 0, true, true); /* a reset */
}

static void test_libarchive_calls_relview(void **state)
{
	(void)state;
	mbrtowc_fn *first = symbol(RTLD_DEFAULT);
	assert_ptr_equal(first, &mbrtowc);
	assert_ptr_not_equal(first, symbol(RTLD_NEXT));
}

static void test_same_as_glibc_in_each_locale(void **state)
{
	(void)state;
	static const char *const locales[] = {"C.UTF-8", "C", "POSIX"};
	for (size_t i = 0; i < sizeof locales / sizeof *locales; i++) {
		assert_non_null(setlocale(LC_ALL, locales[i]));
		check_all_calls(); /* glibc's answers all the calls still */
		assert_true(mbascii_enable());
		check_all_calls();
	}
}

/* Names widened through libarchive, as the tar reader does for every entry. */
static void test_names_widen_through_libarchive(void **state)
{
	(void)state;
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	assert_true(mbascii_enable());
	static const char *const names[] = {"2014/ice-returns.txt",
	                                    "caf\xc3\xa9 r\xc3\xa9sum\xc3\xa9.txt", "old-style/"};
	static const wchar_t *const wide[] = {L"2014/ice-returns.txt",
	                                      L"caf\u00e9 r\u00e9sum\u00e9.txt", L"old-style/"};
	char tar[16384];
	size_t used = 0;
	struct archive *w = archive_write_new();
	archive_write_set_format_ustar(w);
	assert_int_equal(archive_write_open_memory(w, tar, sizeof tar, &used), ARCHIVE_OK);
	for (size_t i = 0; i < 3; i++) {
		struct archive_entry *e = archive_entry_new();
		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_size(e, 0);
		assert_int_equal(archive_write_header(w, e), ARCHIVE_OK);
		archive_entry_free(e);
	}
	archive_write_free(w);

	struct archive *r = archive_read_new();
	archive_read_support_format_tar(r);
	assert_int_equal(archive_read_open_memory(r, tar, used), ARCHIVE_OK);
	struct archive_entry *e;
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(archive_read_next_header(r, &e), ARCHIVE_OK);
		assert_non_null(archive_entry_pathname_w(e));
		assert_true(wcscmp(archive_entry_pathname_w(e), wide[i]) == 0);
	}
	assert_int_equal(archive_entry_filetype(e), AE_IFDIR); /* its name ends in '/' */
	assert_int_equal(archive_read_next_header(r, &e), ARCHIVE_EOF);
	archive_read_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_libarchive_calls_relview),
	        cmocka_unit_test(test_same_as_glibc_in_each_locale),
	        cmocka_unit_test(test_names_widen_through_libarchive),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
