#include "config.h"

#include "relview/ascii.h"
#include "relview/fold.h"
#include "relview/idindex.h"
#include "relview/place.h"
#include "relview/text.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

struct state {
	const char *code, *name;
};

/* The 50 states, the District of Columbia and the inhabited territories. */
static const struct state states[] = {
        {"AL", "Alabama"},
        {"AK", "Alaska"},
        {"AZ", "Arizona"},
        {"AR", "Arkansas"},
        {"CA", "California"},
        {"CO", "Colorado"},
        {"CT", "Connecticut"},
        {"DE", "Delaware"},
        {"FL", "Florida"},
        {"GA", "Georgia"},
        {"HI", "Hawaii"},
        {"ID", "Idaho"},
        {"IL", "Illinois"},
        {"IN", "Indiana"},
        {"IA", "Iowa"},
        {"KS", "Kansas"},
        {"KY", "Kentucky"},
        {"LA", "Louisiana"},
        {"ME", "Maine"},
        {"MD", "Maryland"},
        {"MA", "Massachusetts"},
        {"MI", "Michigan"},
        {"MN", "Minnesota"},
        {"MS", "Mississippi"},
        {"MO", "Missouri"},
        {"MT", "Montana"},
        {"NE", "Nebraska"},
        {"NV", "Nevada"},
        {"NH", "New Hampshire"},
        {"NJ", "New Jersey"},
        {"NM", "New Mexico"},
        {"NY", "New York"},
        {"NC", "North Carolina"},
        {"ND", "North Dakota"},
        {"OH", "Ohio"},
        {"OK", "Oklahoma"},
        {"OR", "Oregon"},
        {"PA", "Pennsylvania"},
        {"RI", "Rhode Island"},
        {"SC", "South Carolina"},
        {"SD", "South Dakota"},
        {"TN", "Tennessee"},
        {"TX", "Texas"},
        {"UT", "Utah"},
        {"VT", "Vermont"},
        {"VA", "Virginia"},
        {"WA", "Washington"},
        {"WV", "West Virginia"},
        {"WI", "Wisconsin"},
        {"WY", "Wyoming"},
        {"DC", "District of Columbia"},
        {"PR", "Puerto Rico"},
        {"GU", "Guam"},
        {"VI", "U.S. Virgin Islands"},
        {"AS", "American Samoa"},
        {"MP", "Northern Mariana Islands"},
};

/* Other spellings of states: the dotted and AP-style abbreviations that datelines
 * and older headers use ("D.C.", "Calif.", "N.Y."). */
struct alias {
	const char *code, *text;
};

static const struct alias state_aliases[] = {
        {"DC", "D.C."},
        {"DC", "Washington, D.C."},
        {"AL", "Ala."},
        {"AZ", "Ariz."},
        {"AR", "Ark."},
        {"CA", "Calif."},
        {"CO", "Colo."},
        {"CT", "Conn."},
        {"DE", "Del."},
        {"FL", "Fla."},
        {"GA", "Ga."},
        {"IL", "Ill."},
        {"IN", "Ind."},
        {"KS", "Kan."},
        {"KS", "Kans."},
        {"KY", "Ky."},
        {"LA", "La."},
        {"MD", "Md."},
        {"MA", "Mass."},
        {"MI", "Mich."},
        {"MN", "Minn."},
        {"MS", "Miss."},
        {"MO", "Mo."},
        {"MT", "Mont."},
        {"NE", "Neb."},
        {"NE", "Nebr."},
        {"NV", "Nev."},
        {"NH", "N.H."},
        {"NJ", "N.J."},
        {"NM", "N.M."},
        {"NM", "N.Mex."},
        {"NY", "N.Y."},
        {"NC", "N.C."},
        {"ND", "N.D."},
        {"OK", "Okla."},
        {"OR", "Ore."},
        {"OR", "Oreg."},
        {"PA", "Pa."},
        {"PA", "Penn."},
        {"RI", "R.I."},
        {"SC", "S.C."},
        {"SD", "S.D."},
        {"TN", "Tenn."},
        {"TX", "Tex."},
        {"VT", "Vt."},
        {"VA", "Va."},
        {"WA", "Wash."},
        {"WV", "W.Va."},
        {"WV", "W. Va."},
        {"WI", "Wis."},
        {"WI", "Wisc."},
        {"WY", "Wyo."},
        {"PR", "P.R."},
        {"VI", "V.I."},
        {"VI", "Virgin Islands"},
        {"VI", "US Virgin Islands"},
        {"MP", "CNMI"},
        {"MP", "Commonwealth of the Northern Mariana Islands"},
};

/* UN members and observers under their short and formal names, plus the other forms
 * that headers print ("U.S.", "People's Republic of China") and a few territories that
 * appear as countries. */
static const char *const countries[] = {
        "Afghanistan",
        "Albania",
        "Algeria",
        "Andorra",
        "Angola",
        "Antigua and Barbuda",
        "Argentina",
        "Armenia",
        "Australia",
        "Austria",
        "Azerbaijan",
        "Bahamas",
        "The Bahamas",
        "Bahrain",
        "Bangladesh",
        "Barbados",
        "Belarus",
        "Belgium",
        "Belize",
        "Benin",
        "Bhutan",
        "Bolivia",
        "Bosnia and Herzegovina",
        "Bosnia",
        "Botswana",
        "Brazil",
        "Brunei",
        "Brunei Darussalam",
        "Bulgaria",
        "Burkina Faso",
        "Burundi",
        "Cabo Verde",
        "Cape Verde",
        "Cambodia",
        "Cameroon",
        "Canada",
        "Central African Republic",
        "Chad",
        "Chile",
        "China",
        "People's Republic of China",
        "People\u2019s Republic of China",
        "Colombia",
        "Comoros",
        "Congo",
        "Republic of the Congo",
        "Democratic Republic of the Congo",
        "Costa Rica",
        "C\u00f4te d'Ivoire",
        "C\u00f4te d\u2019Ivoire",
        "Cote d'Ivoire",
        "Ivory Coast",
        "Croatia",
        "Cuba",
        "Cyprus",
        "Czechia",
        "Czech Republic",
        "Denmark",
        "Djibouti",
        "Dominica",
        "Dominican Republic",
        "Ecuador",
        "Egypt",
        "El Salvador",
        "Equatorial Guinea",
        "Eritrea",
        "Estonia",
        "Eswatini",
        "Swaziland",
        "Ethiopia",
        "Fiji",
        "Finland",
        "France",
        "Gabon",
        "Gambia",
        "The Gambia",
        "Georgia",
        "Germany",
        "Ghana",
        "Greece",
        "Grenada",
        "Guatemala",
        "Guinea",
        "Guinea-Bissau",
        "Guyana",
        "Haiti",
        "Honduras",
        "Hungary",
        "Iceland",
        "India",
        "Indonesia",
        "Iran",
        "Iraq",
        "Ireland",
        "Republic of Ireland",
        "Israel",
        "Italy",
        "Jamaica",
        "Japan",
        "Jordan",
        "Kazakhstan",
        "Kenya",
        "Kiribati",
        "Kuwait",
        "Kyrgyzstan",
        "Laos",
        "Lao People's Democratic Republic",
        "Latvia",
        "Lebanon",
        "Lesotho",
        "Liberia",
        "Libya",
        "Liechtenstein",
        "Lithuania",
        "Luxembourg",
        "Madagascar",
        "Malawi",
        "Malaysia",
        "Maldives",
        "Mali",
        "Malta",
        "Marshall Islands",
        "Mauritania",
        "Mauritius",
        "Mexico",
        "M\u00e9xico",
        "Micronesia",
        "Federated States of Micronesia",
        "Moldova",
        "Republic of Moldova",
        "Monaco",
        "Mongolia",
        "Montenegro",
        "Morocco",
        "Mozambique",
        "Myanmar",
        "Burma",
        "Namibia",
        "Nauru",
        "Nepal",
        "Netherlands",
        "The Netherlands",
        "Holland",
        "New Zealand",
        "Nicaragua",
        "Niger",
        "Nigeria",
        "North Korea",
        "Democratic People's Republic of Korea",
        "North Macedonia",
        "Macedonia",
        "Norway",
        "Oman",
        "Pakistan",
        "Palau",
        "Panama",
        "Panam\u00e1",
        "Papua New Guinea",
        "Paraguay",
        "Peru",
        "Per\u00fa",
        "Philippines",
        "The Philippines",
        "Poland",
        "Portugal",
        "Qatar",
        "Romania",
        "Russia",
        "Russian Federation",
        "Rwanda",
        "Saint Kitts and Nevis",
        "St. Kitts and Nevis",
        "Saint Lucia",
        "St. Lucia",
        "Saint Vincent and the Grenadines",
        "St. Vincent and the Grenadines",
        "Samoa",
        "San Marino",
        "Sao Tome and Principe",
        "S\u00e3o Tom\u00e9 and Pr\u00edncipe",
        "Saudi Arabia",
        "Senegal",
        "Serbia",
        "Seychelles",
        "Sierra Leone",
        "Singapore",
        "Slovakia",
        "Slovenia",
        "Solomon Islands",
        "Somalia",
        "South Africa",
        "South Korea",
        "Korea",
        "Republic of Korea",
        "South Sudan",
        "Spain",
        "Sri Lanka",
        "Sudan",
        "Suriname",
        "Sweden",
        "Switzerland",
        "Syria",
        "Syrian Arab Republic",
        "Tajikistan",
        "Tanzania",
        "United Republic of Tanzania",
        "Thailand",
        "Timor-Leste",
        "East Timor",
        "Togo",
        "Tonga",
        "Trinidad and Tobago",
        "Tunisia",
        "Turkey",
        "T\u00fcrkiye",
        "Turkmenistan",
        "Tuvalu",
        "Uganda",
        "Ukraine",
        "United Arab Emirates",
        "UAE",
        "U.A.E.",
        "United Kingdom",
        "UK",
        "U.K.",
        "Great Britain",
        "Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "United States",
        "United States of America",
        "U.S.",
        "US",
        "USA",
        "U.S.A.",
        "Uruguay",
        "Uzbekistan",
        "Vanuatu",
        "Venezuela",
        "Vietnam",
        "Viet Nam",
        "Yemen",
        "Zambia",
        "Zimbabwe",
        "Holy See",
        "Vatican City",
        "Vatican",
        "Palestine",
        "State of Palestine",
        "West Bank",
        "Gaza",
        "Kosovo",
        "Taiwan",
        "Republic of China",
        "Hong Kong",
        "Macau",
        "Macao",
        "Aruba",
        "Cura\u00e7ao",
        "Curacao",
        "Sint Maarten",
        "Bermuda",
        "Cayman Islands",
        "British Virgin Islands",
        "Turks and Caicos Islands",
        "Anguilla",
        "Montserrat",
        "Greenland",
        "Gibraltar",
        "French Guiana",
        "Guadeloupe",
        "Martinique",
        "New Caledonia",
        "French Polynesia",
};

#define N_STATES    (sizeof states / sizeof states[0])
#define N_ALIASES   (sizeof state_aliases / sizeof state_aliases[0])
#define N_COUNTRIES (sizeof countries / sizeof countries[0])

/* The longest name in the tables; longer text is no place. */
#define NAME_MAX_LEN 48

/* A spelling and what it stands for: a state index, or -1 for a country. */
struct key {
	const char *text;
	size_t len;
	int state;
};

/* Per length, a bit for each first letter (folded, mod 32) some spelling has: the
 * parser tries many pieces of a field line that are no place, and this rejects most
 * of them before hashing. */
typedef uint32_t first_letters[NAME_MAX_LEN + 1];

/* Spellings indexed case-insensitively, built once: the parser asks several times
 * per release, so a lookup is one hash and a comparison. The index's slots are
 * static, over twice the spellings. */
struct table {
	struct key *keys;
	size_t n;
	struct idindex index;
	first_letters starts;
};

#define STATE_KEYS    (2 * N_STATES + N_ALIASES)
#define STATE_SLOTS   512
#define COUNTRY_SLOTS 1024
static struct key state_keys[STATE_KEYS], country_keys[N_COUNTRIES];
static uint32_t state_slots[STATE_SLOTS], country_slots[COUNTRY_SLOTS];
static struct table state_table = {state_keys, 0, {state_slots, STATE_SLOTS}, {0}};
static struct table country_table = {country_keys, 0, {country_slots, COUNTRY_SLOTS}, {0}};
_Static_assert(STATE_SLOTS >= 2 * STATE_KEYS && COUNTRY_SLOTS >= 2 * N_COUNTRIES,
               "a place index is kept at most half full");
static pthread_once_t tables_once = PTHREAD_ONCE_INIT;

static uint32_t hash_name(const char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)ascii_lower(s[i])) * 16777619u;
	return h;
}

static bool same_name(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find_slot(const struct table *t, const char *s, size_t n)
{
	const struct idindex *ix = &t->index;
	size_t i = idindex_first(ix, hash_name(s, n));
	for (; ix->slots[i]; i = idindex_next(ix, i)) {
		const struct key *k = &t->keys[ix->slots[i] - 1];
		if (k->len == n && same_name(k->text, s, n))
			break;
	}
	return i;
}

static uint32_t first_letter_bit(const char *s)
{
	return (uint32_t)1 << ((unsigned char)ascii_lower(s[0]) & 31);
}

static void put(struct table *t, const char *text, int state)
{
	size_t n = strlen(text), slot = find_slot(t, text, n);
	if (t->index.slots[slot])
		return; /* a state's code that is also its name */
	t->keys[t->n] = (struct key){text, n, state};
	t->index.slots[slot] = (uint32_t)++t->n;
	t->starts[n] |= first_letter_bit(text);
}

static int state_index(const char *code)
{
	for (size_t i = 0; i < N_STATES; i++)
		if (strcmp(states[i].code, code) == 0)
			return (int)i;
	return -1;
}

static void build_tables(void)
{
	for (size_t i = 0; i < N_STATES; i++) {
		put(&state_table, states[i].code, (int)i);
		put(&state_table, states[i].name, (int)i);
	}
	for (size_t i = 0; i < N_ALIASES; i++)
		put(&state_table, state_aliases[i].text, state_index(state_aliases[i].code));
	for (size_t i = 0; i < N_COUNTRIES; i++)
		put(&country_table, countries[i], -1);
}

static const struct key *find_key(const struct table *t, const char *s, size_t n)
{
	if (n == 0 || n > NAME_MAX_LEN)
		return NULL;
	pthread_once(&tables_once, build_tables);
	if (!(t->starts[n] & first_letter_bit(s)))
		return NULL;
	uint32_t id = t->index.slots[find_slot(t, s, n)];
	return id ? &t->keys[id - 1] : NULL;
}

const char *place_state(const char *s, size_t n, const char **name)
{
	const struct key *k = find_key(&state_table, s, n);
	if (k == NULL)
		return NULL;
	if (name != NULL)
		*name = states[k->state].name;
	return states[k->state].code;
}

bool place_is_country(const char *s, size_t n)
{
	return find_key(&country_table, s, n) != NULL;
}

/* ---- one facet for a place ------------------------------------------------------------ */

enum { PLACE_PARTS_MAX = 4 };

/* A piece of a place between commas. */
struct place_part {
	const char *s;
	size_t len;
};

/* The other names of a country, each with the one its facet is written under: a
 * formal name, a spelling with accents or in another language. */
static const struct {
	const char *alias, *name;
} country_aliases[] = {
        {"The Bahamas", "Bahamas"},
        {"Bosnia", "Bosnia and Herzegovina"},
        {"Brunei Darussalam", "Brunei"},
        {"Cape Verde", "Cabo Verde"},
        {"People's Republic of China", "China"},
        {"People\u2019s Republic of China", "China"},
        {"Republic of the Congo", "Congo"},
        {"C\u00f4te d\u2019Ivoire", "C\u00f4te d'Ivoire"},
        {"Cote d'Ivoire", "C\u00f4te d'Ivoire"},
        {"Ivory Coast", "C\u00f4te d'Ivoire"},
        {"Czech Republic", "Czechia"},
        {"Swaziland", "Eswatini"},
        {"The Gambia", "Gambia"},
        {"Republic of Ireland", "Ireland"},
        {"Lao People's Democratic Republic", "Laos"},
        {"M\u00e9xico", "Mexico"},
        {"Federated States of Micronesia", "Micronesia"},
        {"Republic of Moldova", "Moldova"},
        {"Burma", "Myanmar"},
        {"The Netherlands", "Netherlands"},
        {"Holland", "Netherlands"},
        {"Democratic People's Republic of Korea", "North Korea"},
        {"Macedonia", "North Macedonia"},
        {"Panam\u00e1", "Panama"},
        {"Per\u00fa", "Peru"},
        {"The Philippines", "Philippines"},
        {"Russian Federation", "Russia"},
        {"St. Kitts and Nevis", "Saint Kitts and Nevis"},
        {"St. Lucia", "Saint Lucia"},
        {"St. Vincent and the Grenadines", "Saint Vincent and the Grenadines"},
        {"S\u00e3o Tom\u00e9 and Pr\u00edncipe", "Sao Tome and Principe"},
        {"Korea", "South Korea"},
        {"Republic of Korea", "South Korea"},
        {"Syrian Arab Republic", "Syria"},
        {"United Republic of Tanzania", "Tanzania"},
        {"East Timor", "Timor-Leste"},
        {"T\u00fcrkiye", "Turkey"},
        {"UAE", "United Arab Emirates"},
        {"U.A.E.", "United Arab Emirates"},
        {"UK", "United Kingdom"},
        {"U.K.", "United Kingdom"},
        {"Great Britain", "United Kingdom"},
        {"Britain", "United Kingdom"},
        {"Viet Nam", "Vietnam"},
        {"Holy See", "Vatican City"},
        {"Vatican", "Vatican City"},
        {"Republic of China", "Taiwan"},
        {"Macao", "Macau"},
        {"Curacao", "Cura\u00e7ao"},
        {"State of Palestine", "Palestine"},
};

/* The name a country's facet is written under, or NULL when p names no country. */
static const char *country_name(struct place_part p)
{
	for (size_t i = 0; i < sizeof country_aliases / sizeof country_aliases[0]; i++)
		if (strlen(country_aliases[i].alias) == p.len &&
		    ascii_ncasecmp(p.s, country_aliases[i].alias, p.len) == 0)
			return country_aliases[i].name;
	const struct key *k = find_key(&country_table, p.s, p.len);
	return k ? k->text : NULL;
}

/* The names of the United States that headers print after a state: a U.S. place's
 * facet is "City, ST" without them. */
static const char *const us_names[] = {
        "United States", "United States of America", "U.S.", "US", "USA",
        "U.S.A.",        "Estados Unidos",
};

static bool is_us(struct place_part p)
{
	for (size_t i = 0; i < sizeof us_names / sizeof us_names[0]; i++)
		if (strlen(us_names[i]) == p.len && ascii_ncasecmp(p.s, us_names[i], p.len) == 0)
			return true;
	return false;
}

/* The parts of "Houston, Texas, United States" between its commas, trimmed; 0 when
 * there are more than PLACE_PARTS_MAX or one is empty. */
static size_t split_place(const char *s, size_t n, struct place_part *parts)
{
	size_t count = 0, start = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != ',')
			continue;
		size_t a = start, b = i;
		while (a < b && s[a] == ' ')
			a++;
		while (b > a && s[b - 1] == ' ')
			b--;
		if (a == b || count == PLACE_PARTS_MAX)
			return 0;
		parts[count++] = (struct place_part){s + a, b - a};
		start = i + 1;
	}
	return count;
}

/* Whether a part is printed in capitals ("SAN ANTONIO"): it is then written with a
 * capital at the start of each word. */
static bool all_capitals(struct place_part p)
{
	size_t upper = 0;
	for (size_t i = 0; i < p.len; i++) {
		if (p.s[i] >= 'a' && p.s[i] <= 'z')
			return false;
		upper += p.s[i] >= 'A' && p.s[i] <= 'Z';
	}
	return upper >= 2;
}

struct place_out {
	char *buf;
	size_t size, len;
};

static void put_text(struct place_out *o, const char *s, size_t n)
{
	if (o->len + n <= o->size)
		memcpy(o->buf + o->len, s, n);
	o->len += n;
}

/* A part as the facet writes it: as printed, or in capitals only at word starts. */
static void put_part(struct place_out *o, struct place_part p)
{
	if (!all_capitals(p)) {
		put_text(o, p.s, p.len);
		return;
	}
	/* Letters of every script ("CAÑON" is "Cañon", not "CaÑon"). */
	for (size_t i = 0; i < p.len;) {
		bool word_start = i == 0 || p.s[i - 1] == ' ' || p.s[i - 1] == '-';
		uint32_t cp = text_next_cp(p.s, p.len, &i);
		char utf8[4];
		put_text(o, utf8, text_utf8_encode(word_start ? cp : fold_lower(cp), utf8));
	}
}

/* The city: every part before the region, joined again by ", ". */
static void put_city(struct place_out *o, const struct place_part *parts, size_t count)
{
	for (size_t i = 0; i < count; i++) {
		if (i)
			put_text(o, ", ", 2);
		put_part(o, parts[i]);
	}
}

/* "DCUnited States", as one header printed it: the state and the country run
 * together. Splits the country off into a part of its own, if there is room. */
static size_t split_run_on_country(struct place_part *parts, size_t count)
{
	static const char country[] = "United States";
	size_t clen = sizeof country - 1;
	struct place_part *last = &parts[count - 1];
	if (count < 2 || count == PLACE_PARTS_MAX || last->len <= clen ||
	    memcmp(last->s + last->len - clen, country, clen) != 0)
		return count;
	parts[count] = (struct place_part){last->s + last->len - clen, clen};
	last->len -= clen;
	return count + 1;
}

size_t place_canonical(const char *s, size_t n, char *buf, size_t size)
{
	struct place_part parts[PLACE_PARTS_MAX];
	struct place_out o = {buf, size, 0};
	size_t count = split_place(s, n, parts);
	if (count == 0)
		return 0;
	count = split_run_on_country(parts, count);
	bool us = count >= 2 && is_us(parts[count - 1]);
	if (us)
		count--;
	struct place_part last = parts[count - 1];
	const char *name, *code = place_state(last.s, last.len, &name);
	/* "Tbilisi, Georgia": a state's name that is a country's too is the country,
	 * unless the United States follow it; a postal code ("GA") is the state. */
	if (count >= 2 && code && !us && place_is_country(last.s, last.len))
		code = NULL;
	const char *country = code || us ? NULL : country_name(last);
	if (count >= 2 && code) {
		put_city(&o, parts, count - 1);
		put_text(&o, ", ", 2);
		put_text(&o, code, strlen(code));
	} else if (count == 1 && code && !us) {
		put_text(&o, name, strlen(name)); /* a state alone: "Texas" */
	} else if (country) {
		if (count >= 2) {
			put_city(&o, parts, count - 1);
			put_text(&o, ", ", 2);
		}
		put_text(&o, country, strlen(country));
	} else {
		put_city(&o, parts, count);
		if (us)
			put_text(&o, ", United States", 15); /* a city in no state known */
	}
	return o.len <= size ? o.len : 0;
}

size_t place_us_city(const char *facet, size_t n, bool *in_state)
{
	static const char no_state[] = ", United States";
	size_t tail = sizeof no_state - 1;
	*in_state = n > 4 && facet[n - 4] == ',' && facet[n - 3] == ' ' &&
	            ascii_is_upper(facet[n - 2]) && ascii_is_upper(facet[n - 1]) &&
	            place_state(facet + n - 2, 2, NULL);
	if (*in_state)
		return n - 4;
	return n > tail && memcmp(facet + n - tail, no_state, tail) == 0 ? n - tail : 0;
}

size_t place_last_comma(const char *s, size_t n)
{
	for (size_t i = n; i > 0; i--)
		if (s[i - 1] == ',')
			return i - 1;
	return n;
}

const char *place_state_of(const char *s, size_t n, const char **name)
{
	enum { PARTS_MAX = 8 };
	size_t end = n;
	for (int k = 0; k < PARTS_MAX; k++) { /* from the last part back */
		size_t comma = place_last_comma(s, end);
		if (comma == end && k > 0)
			return NULL; /* the city: "Washington, DC" is not in Washington */
		const char *part = comma < end ? s + comma + 1 : s;
		size_t len = (size_t)(s + end - part);
		ascii_trim(&part, &len);
		const char *code = place_state(part, len, name);
		if (code || comma == end)
			return code;
		end = comma;
	}
	return NULL;
}
