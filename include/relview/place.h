/* place — the geography a release header names: US states and territories (name and
 * postal code, both ways) and country names. Used to tell where a location ends on a
 * header line and to match --location filters ("texas" matches "Houston, TX"). */
#ifndef RELVIEW_PLACE_H
#define RELVIEW_PLACE_H

#include <stdbool.h>
#include <stddef.h>

/* The state or territory with this name or postal code (case-insensitive; "Texas",
 * "TX", "D.C." and "DC" all work). Returns its two-letter code and, through name
 * (optional), its full name; NULL when s is not a state. */
const char *place_state(const char *s, size_t n, const char **name);

/* True when s is a country name ("Mexico", "United States", "El Salvador"). */
bool place_is_country(const char *s, size_t n);

#endif
