#include "config.h"

#include "relview/ascii.h"
#include "relview/date.h"

#include <string.h>

static bool is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int days_in_month(int year, int month)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

bool date_is_valid(int year, int month, int day)
{
	if (year < DATE_MIN_YEAR || year > DATE_MAX_YEAR || month < 1 || month > 12)
		return false;
	return day >= 1 && day <= days_in_month(year, month);
}

/* Reads exactly `width` digits at s[*i]; false (and *i unchanged) otherwise. */
static bool read_fixed(const char *s, size_t n, size_t *i, int width, int *value)
{
	int v = 0;
	for (int k = 0; k < width; k++) {
		if (*i + (size_t)k >= n || !ascii_is_digit(s[*i + (size_t)k]))
			return false;
		v = v * 10 + (s[*i + (size_t)k] - '0');
	}
	*i += (size_t)width;
	*value = v;
	return true;
}

/* Reads one or two digits (a day or a month). */
static bool read_small(const char *s, size_t n, size_t *i, int *value)
{
	if (*i >= n || !ascii_is_digit(s[*i]))
		return false;
	int v = s[(*i)++] - '0';
	if (*i < n && ascii_is_digit(s[*i]))
		v = v * 10 + (s[(*i)++] - '0');
	*value = v;
	return true;
}

static size_t skip_spaces(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* Spanish month names, written in full: ice.gov/es prints "Julio 17, 2017". */
static int read_spanish_month(const char *s, size_t len)
{
	static const char *const names[13] = {
	        "enero",  "febrero",    "marzo",   "abril",     "mayo",      "junio",    "julio",
	        "agosto", "septiembre", "octubre", "noviembre", "diciembre", "setiembre"};
	for (int m = 0; m < 13; m++)
		if (strlen(names[m]) == len && ascii_ncasecmp(s, names[m], len) == 0)
			return m == 12 ? 9 : m + 1;
	return 0;
}

/* A month as a word: its full English name or a prefix of at least three letters
 * ("Mar", "Sept"), or its full Spanish name; any case, optionally followed by a
 * period. Returns 1..12 or 0. */
static int read_month(const char *s, size_t n, size_t *i)
{
	static const char *const names[12] = {"january",   "february", "march",    "april",
	                                      "may",       "june",     "july",     "august",
	                                      "september", "october",  "november", "december"};
	size_t len = 0;
	while (*i + len < n && ascii_is_alpha(s[*i + len]))
		len++;
	if (len < 3)
		return 0;
	for (int m = 0; m < 12; m++) {
		size_t full = strlen(names[m]);
		if (len > full)
			continue;
		size_t k = 0;
		while (k < len && ascii_lower(s[*i + k]) == names[m][k])
			k++;
		if (k < len)
			continue;
		*i += len;
		if (*i < n && s[*i] == '.')
			(*i)++;
		return m + 1;
	}
	int m = read_spanish_month(s + *i, len);
	if (m != 0)
		*i += len;
	return m;
}

/* "March 11, 2014", "Sept. 15, 2011", "March 11,2014", "March 11th 2014". */
static bool parse_month_first(const char *s, size_t n, int *y, int *m, int *d, size_t *used)
{
	size_t i = 0;
	*m = read_month(s, n, &i);
	if (*m == 0)
		return false;
	size_t after = skip_spaces(s, n, i);
	if (after == i && s[i - 1] != '.')
		return false;
	i = after;
	if (!read_small(s, n, &i, d))
		return false;
	if (i + 1 < n && ascii_is_alpha(s[i]) && ascii_is_alpha(s[i + 1]))
		i += 2; /* an ordinal suffix: "11th" */
	if (i < n && s[i] == ',')
		i++;
	i = skip_spaces(s, n, i);
	if (!read_fixed(s, n, &i, 4, y))
		return false;
	*used = i;
	return true;
}

/* "11 March 2014". */
static bool parse_day_first(const char *s, size_t n, int *y, int *m, int *d, size_t *used)
{
	size_t i = 0;
	if (!read_small(s, n, &i, d))
		return false;
	size_t after = skip_spaces(s, n, i);
	if (after == i)
		return false;
	i = after;
	*m = read_month(s, n, &i);
	if (*m == 0)
		return false;
	if (i < n && s[i] == ',')
		i++;
	after = skip_spaces(s, n, i);
	if (after == i)
		return false;
	i = after;
	if (!read_fixed(s, n, &i, 4, y))
		return false;
	*used = i;
	return true;
}

/* "2014-03-11". */
static bool parse_iso(const char *s, size_t n, int *y, int *m, int *d, size_t *used)
{
	size_t i = 0;
	if (!read_fixed(s, n, &i, 4, y) || i >= n || s[i++] != '-')
		return false;
	if (!read_fixed(s, n, &i, 2, m) || i >= n || s[i++] != '-')
		return false;
	if (!read_fixed(s, n, &i, 2, d))
		return false;
	*used = i;
	return true;
}

/* "07/22/2019", "7/22/2019": month first, as U.S. government pages print it. */
static bool parse_us_numeric(const char *s, size_t n, int *y, int *m, int *d, size_t *used)
{
	size_t i = 0;
	if (!read_small(s, n, &i, m) || i >= n || s[i++] != '/')
		return false;
	if (!read_small(s, n, &i, d) || i >= n || s[i++] != '/')
		return false;
	if (!read_fixed(s, n, &i, 4, y))
		return false;
	*used = i;
	return true;
}

/* The year is always exactly four digits and nothing has to follow it, because the
 * header runs the next field on: "February 1, 2016287g Immigration ...". */
bool date_parse_prefix(const char *s, size_t n, uint32_t *date, size_t *used)
{
	int y, m, d;
	size_t u;
	*date = DATE_UNKNOWN;
	*used = 0;
	if (!parse_iso(s, n, &y, &m, &d, &u) && !parse_month_first(s, n, &y, &m, &d, &u) &&
	    !parse_day_first(s, n, &y, &m, &d, &u) && !parse_us_numeric(s, n, &y, &m, &d, &u))
		return false;
	*used = u; /* a date line even when the date itself is impossible */
	if (!date_is_valid(y, m, d))
		return false;
	*date = (uint32_t)(y * 10000 + m * 100 + d);
	return true;
}

/* Reads "-" and one or two digits, if the text goes on with a '-'. */
static bool read_part(const char *s, size_t n, size_t *i, int *value, bool *present)
{
	*present = *i < n && s[*i] == '-';
	if (!*present)
		return true;
	(*i)++;
	return read_small(s, n, i, value);
}

bool date_parse_bound(const char *s, bool upper, uint32_t *date)
{
	size_t n = strlen(s), i = 0;
	int y, m = upper ? 12 : 1, d = 1;
	bool has_month, has_day = false;
	if (!read_fixed(s, n, &i, 4, &y) || !read_part(s, n, &i, &m, &has_month))
		return false;
	if (has_month && !read_part(s, n, &i, &d, &has_day))
		return false;
	if (i != n || y < DATE_MIN_YEAR || y > DATE_MAX_YEAR || m < 1 || m > 12)
		return false;
	if (!has_day && upper)
		d = days_in_month(y, m);
	if (!date_is_valid(y, m, d))
		return false;
	*date = (uint32_t)(y * 10000 + m * 100 + d);
	return true;
}

void date_format_iso(uint32_t date, char out[11])
{
	int y = date_year(date), m = date_month(date), d = (int)(date % 100);
	if (!date_is_valid(y, m, d)) {
		out[0] = '\0';
		return;
	}
	const int parts[3] = {y, m, d}, widths[3] = {4, 2, 2};
	char *p = out;
	for (int k = 0; k < 3; k++) {
		for (int w = widths[k] - 1, v = parts[k]; w >= 0; w--, v /= 10)
			p[w] = (char)('0' + v % 10);
		p += widths[k];
		*p++ = k < 2 ? '-' : '\0';
	}
}

/* Howard Hinnant's days_from_civil: March-based years make February the last month,
 * so leap days fall at the end of a 365/366-day cycle. */
int32_t date_days(uint32_t date)
{
	int y = date_year(date), m = date_month(date), d = (int)(date % 100);
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + doe - 719468);
}

static bool parse_range_bound(const char *s, size_t n, bool upper, uint32_t *date)
{
	char buf[16];
	while (n && s[0] == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	*date = 0;
	if (n == 0)
		return true;
	if (n >= sizeof buf)
		return false;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return date_parse_bound(buf, upper, date);
}

bool date_parse_range(const char *s, uint32_t *since, uint32_t *until)
{
	const char *dots = strstr(s, "..");
	bool ok = dots ? parse_range_bound(s, (size_t)(dots - s), false, since) &&
	                          parse_range_bound(dots + 2, strlen(dots + 2), true, until)
	               : parse_range_bound(s, strlen(s), false, since) &&
	                          parse_range_bound(s, strlen(s), true, until);
	return ok && !(*since && *until && *since > *until);
}
