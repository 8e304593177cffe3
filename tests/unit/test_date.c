#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "relview/date.h"

/* The date at the start of s, or DATE_UNKNOWN; *used receives the bytes taken. */
static uint32_t prefix(const char *s, size_t *used)
{
	uint32_t date = 12345;
	size_t u = 999;
	if (!date_parse_prefix(s, strlen(s), &date, &u)) {
		assert_int_equal(date, DATE_UNKNOWN);
		date = DATE_UNKNOWN;
	}
	if (used != NULL)
		*used = u;
	return date;
}

static void test_valid_dates(void **state)
{
	(void)state;
	assert_true(date_is_valid(2014, 3, 11));
	assert_true(date_is_valid(2016, 2, 29));
	assert_true(date_is_valid(2000, 2, 29));
	assert_false(date_is_valid(1900, 2, 29));
	assert_false(date_is_valid(2015, 2, 29));
	assert_false(date_is_valid(2014, 2, 30));
	assert_false(date_is_valid(2014, 4, 31));
	assert_true(date_is_valid(2014, 12, 31));
	assert_false(date_is_valid(2014, 13, 1));
	assert_false(date_is_valid(2014, 0, 1));
	assert_false(date_is_valid(2014, 1, 0));
	assert_true(date_is_valid(DATE_MIN_YEAR, 1, 1));
	assert_true(date_is_valid(DATE_MAX_YEAR, 12, 31));
	assert_false(date_is_valid(DATE_MIN_YEAR - 1, 12, 31));
	assert_false(date_is_valid(DATE_MAX_YEAR + 1, 1, 1));
}

static void test_prefix_forms(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(prefix("March 11, 2014", &used), 20140311);
	assert_int_equal(used, 14);
	assert_int_equal(prefix("Sept. 15, 2011", &used), 20110915);
	assert_int_equal(used, 14);
	assert_int_equal(prefix("Sep 15, 2011", NULL), 20110915);
	assert_int_equal(prefix("Mar 11, 2014", NULL), 20140311);
	assert_int_equal(prefix("Mar. 11, 2014", NULL), 20140311);
	assert_int_equal(prefix("MARCH 11, 2014", NULL), 20140311);
	assert_int_equal(prefix("march 1, 2014", NULL), 20140301);
	assert_int_equal(prefix("March 11,2014", &used), 20140311);
	assert_int_equal(used, 13);
	assert_int_equal(prefix("March 11 2014", NULL), 20140311);
	assert_int_equal(prefix("March 11th, 2014", NULL), 20140311);
	assert_int_equal(prefix("11 March 2014", NULL), 20140311);
	assert_int_equal(prefix("2014-03-11", &used), 20140311);
	assert_int_equal(used, 10);
	assert_int_equal(prefix("December 31, 1999", NULL), 19991231);
}

/* CBP and dhs-flag pages print "07/22/2019" (month first); ice.gov/es prints the
 * Spanish month in full. */
static void test_prefix_other_forms(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(prefix("07/22/2019", &used), 20190722);
	assert_int_equal(used, 10);
	assert_int_equal(prefix("6/3/2010 and more", &used), 20100603);
	assert_int_equal(used, 8);
	assert_int_equal(prefix("13/01/2010", &used), DATE_UNKNOWN);
	assert_int_equal(used, 10); /* date-shaped, not a date */
	assert_int_equal(prefix("Julio 17, 2017SAN ANTONIO", &used), 20170717);
	assert_int_equal(used, 14);
	assert_int_equal(prefix("septiembre 3, 2019", NULL), 20190903);
	assert_int_equal(prefix("Setiembre 3, 2019", NULL), 20190903);
	assert_int_equal(prefix("Marzo 11, 2014", NULL), 20140311);
}

/* Header lines run the next field straight on after the year. */
static void test_prefix_run_on(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(prefix("March 11, 2014Springfield, ILNarcotics", &used), 20140311);
	assert_int_equal(used, 14);
	assert_int_equal(prefix("February 1, 2016287g Immigration and Nationality Act", &used),
	                 20160201);
	assert_int_equal(used, 16);
	assert_int_equal(prefix("2014-03-11Springfield", &used), 20140311);
	assert_int_equal(used, 10);
	assert_int_equal(prefix("June 2, 2008 and more words", &used), 20080602);
	assert_int_equal(used, 12);
}

static void test_prefix_impossible(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(prefix("February 30, 2014", &used), DATE_UNKNOWN);
	assert_int_equal(used, 17); /* still a date line, with an unknown date */
	assert_int_equal(prefix("February 29, 2015", NULL), DATE_UNKNOWN);
	assert_int_equal(prefix("February 29, 2016", NULL), 20160229);
	assert_int_equal(prefix("April 31, 2014", NULL), DATE_UNKNOWN);
	assert_int_equal(prefix("March 0, 2014", NULL), DATE_UNKNOWN);
	assert_int_equal(prefix("March 11, 1899", NULL), DATE_UNKNOWN);
	assert_int_equal(prefix("March 11, 2101", NULL), DATE_UNKNOWN);
	assert_int_equal(prefix("2014-13-01", NULL), DATE_UNKNOWN);
	assert_int_equal(prefix("2014-02-30", &used), DATE_UNKNOWN);
	assert_int_equal(used, 10);
}

static void test_prefix_not_dates(void **state)
{
	(void)state;
	size_t used;
	assert_int_equal(prefix("", &used), DATE_UNKNOWN);
	assert_int_equal(used, 0);
	const char *const not_dates[] = {
	        "March",
	        "March 11",
	        "March 11, 14",
	        "Ma 11, 2014",
	        "Marching 11, 2014",
	        "Smarch 11, 2014",
	        "11, 2014",
	        "2014-3-11",
	        "2014/03/11",
	        "Today March 11, 2014",
	        " March 11, 2014",
	        "Marz 11, 2014",
	        "Juli 17, 2017",
	        "07/22/19",
	        "07-22-2019",
	        "March11, 2014",
	        "2014",
	        "11 March",
	        "March , 2014",
	};
	for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++) {
		assert_int_equal(prefix(not_dates[i], &used), DATE_UNKNOWN);
		assert_int_equal(used, 0);
	}
}

/* The length given is the end: a date cut short is no date. */
static void test_prefix_respects_length(void **state)
{
	(void)state;
	uint32_t date;
	size_t used;
	assert_false(date_parse_prefix("March 11, 2014", 12, &date, &used));
	assert_false(date_parse_prefix("2014-03-11", 9, &date, &used));
	assert_true(date_parse_prefix("2014-03-11", 10, &date, &used));
	assert_int_equal(date, 20140311);
}

static uint32_t bound(const char *s, bool upper)
{
	uint32_t date = 0;
	return date_parse_bound(s, upper, &date) ? date : 1;
}

static void test_bounds(void **state)
{
	(void)state;
	assert_int_equal(bound("2014", false), 20140101);
	assert_int_equal(bound("2014", true), 20141231);
	assert_int_equal(bound("2014-02", false), 20140201);
	assert_int_equal(bound("2014-02", true), 20140228);
	assert_int_equal(bound("2016-02", true), 20160229);
	assert_int_equal(bound("2014-04", true), 20140430);
	assert_int_equal(bound("2014-03-11", false), 20140311);
	assert_int_equal(bound("2014-03-11", true), 20140311);
	assert_int_equal(bound("2014-3-1", false), 20140301);
	const char *const bad[] = {"",        "14",         "2014-",         "2014-13",
	                           "2014-00", "2014-02-30", "2014-03-11x",   "abcd",
	                           "1800",    "2014-03-",   "2014-03-11-01", " 2014"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(bound(bad[i], false), 1);
		assert_int_equal(bound(bad[i], true), 1);
	}
}

static void test_format_iso(void **state)
{
	(void)state;
	char out[11];
	date_format_iso(20140311, out);
	assert_string_equal(out, "2014-03-11");
	date_format_iso(19000101, out);
	assert_string_equal(out, "1900-01-01");
	date_format_iso(DATE_UNKNOWN, out);
	assert_string_equal(out, "");
	date_format_iso(20140230, out);
	assert_string_equal(out, "");
	assert_int_equal(date_year(20140311), 2014);
	assert_int_equal(date_month(20140311), 3);
}

/* Day numbers: the epoch, leap days and the days between dates across years. */
static void test_days(void **state)
{
	(void)state;
	assert_int_equal(date_days(19700101), 0);
	assert_int_equal(date_days(20000301) - date_days(20000228), 2); /* 2000 is leap */
	assert_int_equal(date_days(21000301) - date_days(21000228), 1); /* 2100 is not */
	assert_int_equal(date_days(20200101) - date_days(20191231), 1);
	assert_int_equal(date_days(20210101) - date_days(20200101), 366);
	assert_int_equal(date_days(19000101), -25567);
}

/* The `d` prompt's and date: term's ranges. */
static void date_ranges(void **state)
{
	(void)state;
	uint32_t since, until;
	assert_true(date_parse_range("2014", &since, &until));
	assert_int_equal(since, 20140101);
	assert_int_equal(until, 20141231);
	assert_true(date_parse_range("2014-03..2015", &since, &until));
	assert_int_equal(since, 20140301);
	assert_int_equal(until, 20151231);
	assert_true(date_parse_range(" ..2015-02 ", &since, &until));
	assert_int_equal(since, 0);
	assert_int_equal(until, 20150228);
	assert_true(date_parse_range("2016-02-29..", &since, &until));
	assert_int_equal(since, 20160229);
	assert_int_equal(until, 0);
	assert_true(date_parse_range("", &since, &until));
	assert_int_equal(since, 0);
	assert_int_equal(until, 0);
	assert_false(date_parse_range("2015..2014", &since, &until));
	assert_false(date_parse_range("last year", &since, &until));
	assert_false(date_parse_range("2014-13", &since, &until));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(date_ranges),
	        cmocka_unit_test(test_valid_dates),
	        cmocka_unit_test(test_prefix_forms),
	        cmocka_unit_test(test_prefix_other_forms),
	        cmocka_unit_test(test_prefix_run_on),
	        cmocka_unit_test(test_prefix_impossible),
	        cmocka_unit_test(test_prefix_not_dates),
	        cmocka_unit_test(test_prefix_respects_length),
	        cmocka_unit_test(test_bounds),
	        cmocka_unit_test(test_format_iso),
	        cmocka_unit_test(test_days),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
