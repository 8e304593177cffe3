/* place: states, countries, the one facet of a place, and its parts. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "relview/place.h"

static void check_state(const char *s, const char *code, const char *name)
{
	const char *got_name = NULL;
	const char *got = place_state(s, strlen(s), &got_name);
	assert_non_null(got);
	assert_string_equal(got, code);
	assert_string_equal(got_name, name);
}

static void test_states(void **state)
{
	(void)state;
	check_state("Texas", "TX", "Texas");
	check_state("TX", "TX", "Texas");
	check_state("tx", "TX", "Texas");
	check_state("TEXAS", "TX", "Texas");
	check_state("DC", "DC", "District of Columbia");
	check_state("D.C.", "DC", "District of Columbia");
	check_state("District of Columbia", "DC", "District of Columbia");
	check_state("Puerto Rico", "PR", "Puerto Rico");
	check_state("PR", "PR", "Puerto Rico");
	check_state("Guam", "GU", "Guam");
	check_state("U.S. Virgin Islands", "VI", "U.S. Virgin Islands");
	check_state("VI", "VI", "U.S. Virgin Islands");
	check_state("American Samoa", "AS", "American Samoa");
	check_state("Northern Mariana Islands", "MP", "Northern Mariana Islands");
	check_state("MP", "MP", "Northern Mariana Islands");
	check_state("Calif.", "CA", "California");
	check_state("N.Y.", "NY", "New York");
	check_state("West Virginia", "WV", "West Virginia");
	check_state("Wyoming", "WY", "Wyoming");
	check_state("AK", "AK", "Alaska");
	check_state("Commonwealth of the Northern Mariana Islands", "MP",
	            "Northern Mariana Islands");
	assert_null(place_state("Mexico", 6, NULL));
	assert_null(place_state("Tex", 3, NULL));
	assert_null(place_state("Texass", 6, NULL));
	assert_null(place_state("", 0, NULL));
	assert_null(place_state("XX", 2, NULL));
	assert_non_null(place_state("Texas, more", 5, NULL)); /* only n bytes count */
}

static void test_countries(void **state)
{
	(void)state;
	const char *const yes[] = {"Mexico",        "El Salvador",    "Dominican Republic",
	                           "United States", "U.S.",           "People's Republic of China",
	                           "mexico",        "Guatemala",      "Afghanistan",
	                           "Zimbabwe",      "United Kingdom", "Trinidad and Tobago",
	                           "Brazil",        "Côte d'Ivoire",  "Georgia"};
	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		assert_true(place_is_country(yes[i], strlen(yes[i])));
	const char *const no[] = {"Texas", "Freedonia", "", "Mexic", "Mexico City", "America"};
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		assert_false(place_is_country(no[i], strlen(no[i])));
}

/* One facet per place: "City, ST" in the U.S., "City, Country" abroad. */
static void test_place_facets(void **state)
{
	(void)state;
	static const struct {
		const char *printed, *facet;
	} cases[] = {
	        {"Houston, TX", "Houston, TX"},
	        {"Houston, Texas", "Houston, TX"},
	        {"Houston, TX, United States", "Houston, TX"},
	        {"HOUSTON, TX, Estados Unidos", "Houston, TX"},
	        {"Los Angeles, California", "Los Angeles, CA"},
	        {"Washington, DC, United States", "Washington, DC"},
	        {"Washington, D.C.", "Washington, DC"},
	        {"Washington, DCUnited States", "Washington, DC"},
	        {"WINSTON-SALEM, N.C.", "Winston-Salem, NC"},
	        {"Mexico City, Mexico", "Mexico City, Mexico"},
	        {"Brasilia, Brazil", "Brasilia, Brazil"},
	        {"Seattle, United States", "Seattle, United States"},
	        {"Texas", "Texas"},
	        {"TX", "Texas"},
	        {"Springfield, Freedonia", "Springfield, Freedonia"},
	        {"Bogot\u00e1, Colombia", "Bogot\u00e1, Colombia"},
	        /* one name per country */
	        {"Ciudad Ju\u00e1rez, M\u00e9xico", "Ciudad Ju\u00e1rez, Mexico"},
	        {"Guadalajara, MEXICO", "Guadalajara, Mexico"},
	        {"Beijing, People's Republic of China", "Beijing, China"},
	        {"Seoul, Republic of Korea", "Seoul, South Korea"},
	        {"London, U.K.", "London, United Kingdom"},
	        {"M\u00e9xico", "Mexico"},
	        /* a state's name that is a country's too: the country, unless the place
	         * is marked American; a postal code is always the state */
	        {"Tbilisi, Georgia", "Tbilisi, Georgia"},
	        {"Atlanta, Georgia, United States", "Atlanta, GA"},
	        {"Atlanta, GA", "Atlanta, GA"},
	};
	char buf[64];
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len = place_canonical(cases[i].printed, strlen(cases[i].printed), buf,
		                             sizeof buf);
		assert_int_equal(len, strlen(cases[i].facet));
		assert_memory_equal(buf, cases[i].facet, len);
	}
	assert_int_equal(place_canonical("a,,b", 4, buf, sizeof buf), 0);
	assert_int_equal(place_canonical("a, b, c, d, e", 13, buf, sizeof buf), 0);
	assert_int_equal(place_canonical("Houston, Texas", 14, buf, 5), 0); /* no room */
}

/* The city of a U.S. facet, and where any place's last part begins. */
static void test_place_parts(void **state)
{
	(void)state;
	bool in_state;
	assert_int_equal(place_us_city("Houston, TX", 11, &in_state), 7);
	assert_true(in_state);
	assert_int_equal(place_us_city("Seattle, United States", 22, &in_state), 7);
	assert_false(in_state);
	assert_int_equal(place_us_city("Mexico City, Mexico", 19, &in_state), 0);
	assert_int_equal(place_us_city("Tbilisi, XX", 11, &in_state), 0);
	assert_int_equal(place_last_comma("Dallas, TX", 10), 6);
	assert_int_equal(place_last_comma("Houston, TX, United States", 26), 11);
	assert_int_equal(place_last_comma("Texas", 5), 5);
	assert_int_equal(place_last_comma("Texas,", 6), 5);
	assert_int_equal(place_last_comma(NULL, 0), 0);
}

/* The state a place is in, from any part but the city's. */
static void test_state_of_a_place(void **state)
{
	(void)state;
	static const struct {
		const char *place, *code;
	} cases[] = {
	        {"Houston, TX", "TX"},
	        {"Dallas, Texas, United States", "TX"},
	        {"Texas", "TX"},
	        {"Washington, DC", "DC"},
	        {"Washington", "WA"},
	        {"Mexico City, Mexico", NULL},
	        {"Seattle, United States", NULL},
	        {"", NULL},
	        {"Georgia, Tbilisi", NULL},
	        {"San Juan, Puerto Rico, United States", "PR"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const char *name = NULL;
		const char *code = place_state_of(cases[i].place, strlen(cases[i].place), &name);
		if (!cases[i].code) {
			assert_null(code);
			continue;
		}
		assert_non_null(code);
		assert_string_equal(code, cases[i].code);
		assert_non_null(name);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(test_states),           cmocka_unit_test(test_countries),
	        cmocka_unit_test(test_place_facets),     cmocka_unit_test(test_place_parts),
	        cmocka_unit_test(test_state_of_a_place),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
