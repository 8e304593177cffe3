/* date — calendar dates as printed in releases and on the command line.
 *
 * A date is a uint32_t yyyymmdd (20140311); 0 means unknown. Only real calendar
 * dates are produced: "February 30" is unknown, not a guess. */
#ifndef RELVIEW_DATE_H
#define RELVIEW_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DATE_UNKNOWN  0u
#define DATE_MIN_YEAR 1900
#define DATE_MAX_YEAR 2100

bool date_is_valid(int year, int month, int day);

/* Parse a date at the start of s: "March 11, 2014", "Sept. 15, 2011",
 * "Mar 11, 2014", "MARCH 11, 2014", "March 11,2014", "March 11th, 2014",
 * "11 March 2014", "2014-03-11", "07/22/2019" (month first), "Julio 17, 2017"
 * (Spanish month names in full). On success stores the date and the bytes it used
 * and returns true. The year is exactly four digits and the text after it may follow
 * with no separator ("2014Mexico City", "2016287g ..."). On failure *date is
 * DATE_UNKNOWN and *used is the length of a date-shaped prefix that is no real date
 * ("February 30, 2014", a year out of range), or 0 when s does not start like a date,
 * so a header's date line is still known as one. */
bool date_parse_prefix(const char *s, size_t n, uint32_t *date, size_t *used);

/* Parse a --since/--until bound: YYYY, YYYY-MM or YYYY-MM-DD. A lower bound is the
 * first day of the period, an upper bound its last day. False when malformed. */
bool date_parse_bound(const char *s, bool upper, uint32_t *date);

/* Parse a date range as the `d` prompt and date: take it: "FROM..UNTIL" (either side
 * may be empty) or one period ("2014", "2014-03") for both; each side as
 * date_parse_bound takes it. "" clears (both 0). False when malformed or FROM is
 * after UNTIL. */
bool date_parse_range(const char *s, uint32_t *since, uint32_t *until);

/* "YYYY-MM-DD" into out (11 bytes); "" for an unknown date. */
void date_format_iso(uint32_t date, char out[11]);

/* The day number of a known date (days since 1970-01-01), for the days between two
 * dates. */
int32_t date_days(uint32_t date);

static inline int date_year(uint32_t d)
{
	return (int)(d / 10000);
}
static inline int date_month(uint32_t d)
{
	return (int)(d / 100 % 100);
}

#endif
