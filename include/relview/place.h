/* place — the geography a release header names: US states and territories (name and
 * postal code, both ways) and country names. Used to tell where a location ends on a
 * header line and to match --location filters ("texas" matches "Houston, TX"). */
#ifndef RELVIEW_PLACE_H
#define RELVIEW_PLACE_H

#include <stdbool.h>
#include <stddef.h>

/* The state or territory with this name or postal code (case-insensitive; "Texas",
 * "TX", "D.C." and "DC" all work, and so do the AP abbreviations datelines use,
 * "Calif.", "N.Y."). The District of Columbia, Puerto Rico, Guam, the U.S. Virgin
 * Islands, American Samoa and the Northern Mariana Islands count as states. Returns
 * its two-letter code and, through name (optional), its full name; NULL when s is not
 * a state. */
const char *place_state(const char *s, size_t n, const char **name);

/* True when s is a country name, case-insensitive: every UN member and observer under
 * its short and formal names and the other forms headers print ("Mexico", "United
 * States", "U.S.", "El Salvador", "People's Republic of China"), plus a few territories
 * printed as countries ("Hong Kong", "Aruba"). */
bool place_is_country(const char *s, size_t n);

/* The one facet a place is counted and filtered under, written into buf (size bytes,
 * no NUL): a U.S. place as "City, ST" (the state's postal code; "Houston, Texas",
 * "Houston, TX, United States" and "HOUSTON, TX" are all "Houston, TX"), a place
 * abroad as "City, Country", a state alone by its name, a city with only the country
 * ("Seattle, United States") as printed; words printed in capitals are written with
 * a capital at the start of each word. Returns the facet's length, or 0 when it is
 * more than size bytes or s is not a place of comma-separated parts (then the
 * facet is s as printed). */
size_t place_canonical(const char *s, size_t n, char *buf, size_t size);

/* Of a facet place_canonical wrote, a U.S. city's: "Houston, TX" (in a state, with
 * *in_state true) or "Houston, United States" (in no state known, false). Returns
 * the city's length ("Houston": 7), or 0 for any other place. */
size_t place_us_city(const char *facet, size_t n, bool *in_state);

/* Where a place's last part starts: the offset of its last comma ("Dallas, TX": 6),
 * or n when it has a single part. The list's place column cuts the city, never what
 * follows. */
size_t place_last_comma(const char *s, size_t n);

/* The state a place is in: named by a part after the city ("Houston, TX", "Dallas,
 * Texas, United States") or by the whole ("Texas"); a city named like a state is
 * not in it ("Washington, DC" is in DC). Returns its code and, through name
 * (optional), its name, as place_state(); NULL when no part is a state. */
const char *place_state_of(const char *s, size_t n, const char **name);

#endif
