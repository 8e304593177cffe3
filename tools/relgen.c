#include "config.h"

/* relgen — writes a corpus of synthetic government press releases, with exact
 * ground truth, into an archive or a directory.
 *
 * The corpus serves the sample bundle, the test fixtures and the benchmarks, so it is
 * deterministic (the same options give byte-identical output, archive metadata
 * included), fast, and all its text is invented here from word lists, templates and
 * syllable-made names.
 *
 * Unless --plain, it is as messy as real archives: several page layouts, date and
 * location forms, topics run together, UTF-8 with and without BOM, CRLF, cp1252,
 * UTF-16LE, junk entries and exact duplicates. The truth file (JSON Lines, sorted by
 * entry) has one line per generated release; junk and the copies of duplicates have
 * none.
 *
 * Work is done in two passes. The first decides every release's header (everything
 * the truth holds) and its entry name; the entries are then sorted, and the second
 * pass writes them in that order, generating each body as it goes, so memory holds
 * headers only. Each release draws from its own random streams, keyed by the seed and
 * its number. */

#include <archive.h>
#include <archive_entry.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define NONE         SIZE_MAX
#define MAX_COUNT    10000000ul

/* Every entry's mtime: 2025-01-01T00:00:00Z. */
#define FIXED_MTIME ((time_t)1735689600)

/* ==== errors and memory ====================================================== */

static _Noreturn void die(const char *fmt, ...)
{
	va_list ap;
	fputs("relgen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		die("out of memory");
	return q;
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

/* ==== growable byte buffer =================================================== */

struct buf {
	char *p;
	size_t len, cap;
};

static void buf_grow(struct buf *b, size_t extra)
{
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len <= extra)
		cap *= 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

/* Room for `extra` more bytes and a NUL. */
static inline void buf_reserve(struct buf *b, size_t extra)
{
	if (b->cap - b->len <= extra)
		buf_grow(b, extra);
}

static inline void buf_add(struct buf *b, const void *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->p + b->len, s, n);
	b->len += n;
}

static void buf_str(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static inline void buf_chr(struct buf *b, char c)
{
	buf_reserve(b, 1);
	b->p[b->len++] = c;
}

/* The contents as a C string (the NUL is not counted in len). */
static const char *buf_cstr(struct buf *b)
{
	buf_reserve(b, 1);
	b->p[b->len] = '\0';
	return b->p;
}

static void buf_free(struct buf *b)
{
	free(b->p);
	*b = (struct buf){0};
}

/* A decimal number; with group, thousands separated by commas ("1,808"). */
static void buf_uint(struct buf *b, unsigned long v, bool group)
{
	char tmp[32];
	int n = 0, digits = 0;
	do {
		if (group && digits && digits % 3 == 0)
			tmp[n++] = ',';
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
		digits++;
	} while (v);
	while (n)
		buf_chr(b, tmp[--n]);
}

static void buf_pad(struct buf *b, unsigned v, int width)
{
	char tmp[16];
	int n = 0;
	while (n < width || v) {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	}
	while (n)
		buf_chr(b, tmp[--n]);
}

/* Strings kept for the whole run live in one pool and are named by offset (the pool
 * moves as it grows). */
static size_t pool_put(struct buf *pool, const char *s, size_t n)
{
	size_t off = pool->len;
	buf_add(pool, s, n);
	buf_chr(pool, '\0');
	return off;
}

/* ==== random numbers: xoshiro256**, seeded through splitmix64 ================= */

struct rng {
	uint64_t s[4];
};

enum stream { STREAM_HEAD = 1, STREAM_BODY, STREAM_CORPUS, STREAM_JUNK };

static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A stream of its own for (seed, stream, sub): independent of every other one. */
static void rng_init(struct rng *r, uint64_t seed, uint64_t stream, uint64_t sub)
{
	uint64_t x = seed;
	x = splitmix64(&x) ^ stream;
	x = splitmix64(&x) ^ sub;
	for (int i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

static inline uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* Uniform in [0, n). */
static uint32_t rnd(struct rng *r, uint32_t n)
{
	return (uint32_t)(((rng_next(r) >> 32) * n) >> 32);
}

static int rnd_range(struct rng *r, int lo, int hi)
{
	return lo + (int)rnd(r, (uint32_t)(hi - lo + 1));
}

static bool chance(struct rng *r, unsigned percent)
{
	return rnd(r, 1000) < percent * 10;
}

/* An index drawn with the given weights. */
static unsigned pick_weighted(struct rng *r, const unsigned *w, unsigned n)
{
	unsigned total = 0;
	for (unsigned i = 0; i < n; i++)
		total += w[i];
	unsigned x = rnd(r, total);
	for (unsigned i = 0; i < n; i++) {
		if (x < w[i])
			return i;
		x -= w[i];
	}
	return n - 1;
}

#define PICK(r, a)   ((a)[rnd((r), ARRAY_LEN(a))])
#define PICK_I(r, a) ((uint8_t)rnd((r), ARRAY_LEN(a)))

/* ==== word tables ============================================================ */

/* The ICE topic names a release header may carry. Every one must be in the project's
 * vocabulary (data/topics.txt) for a parser to split them. */
static const char *const topic_names[] = {
        "Enforcement and Removal",
        "Narcotics",
        "Transnational Gangs",
        "Human Smuggling",
        "Human Trafficking",
        "Child Exploitation",
        "Financial Crimes",
        "Worksite Enforcement",
        "Counter Proliferation Investigation Unit",
        "Contraband",
        "Operational",
        "Cultural Property, Art and Antiquities Investigations",
        "Firearms, Ammunition and Explosives",
        "Intellectual Property Rights",
        "Human Rights Violators",
        "National Security",
        "Document and Benefit Fraud",
        "Cyber Crimes",
        "287g Immigration and Nationality Act",
};

enum topic_id {
	T_REMOVAL,
	T_NARCOTICS,
	T_GANGS,
	T_SMUGGLING,
	T_TRAFFICKING,
	T_CHILD,
	T_FINANCIAL,
	T_WORKSITE,
	T_CPI,
	T_CONTRABAND,
	T_OPERATIONAL,
	T_CULTURAL,
	T_FIREARMS,
	T_IPR,
	T_RIGHTS,
	T_NATSEC,
	T_FRAUD,
	T_CYBER,
	T_287G
};

struct state {
	const char *name, *code, *ap; /* "New Jersey", "NJ", "N.J." */
};

static const struct state states[] = {
        {"Alabama", "AL", "Ala."},      {"Alaska", "AK", "Alaska"},
        {"Arizona", "AZ", "Ariz."},     {"Arkansas", "AR", "Ark."},
        {"California", "CA", "Calif."}, {"Colorado", "CO", "Colo."},
        {"Connecticut", "CT", "Conn."}, {"D.C.", "DC", "D.C."},
        {"Florida", "FL", "Fla."},      {"Georgia", "GA", "Ga."},
        {"Guam", "GU", "Guam"},         {"Hawaii", "HI", "Hawaii"},
        {"Idaho", "ID", "Idaho"},       {"Illinois", "IL", "Ill."},
        {"Indiana", "IN", "Ind."},      {"Iowa", "IA", "Iowa"},
        {"Kansas", "KS", "Kan."},       {"Kentucky", "KY", "Ky."},
        {"Louisiana", "LA", "La."},     {"Maine", "ME", "Maine"},
        {"Maryland", "MD", "Md."},      {"Massachusetts", "MA", "Mass."},
        {"Michigan", "MI", "Mich."},    {"Minnesota", "MN", "Minn."},
        {"Mississippi", "MS", "Miss."}, {"Missouri", "MO", "Mo."},
        {"Montana", "MT", "Mont."},     {"Nebraska", "NE", "Neb."},
        {"Nevada", "NV", "Nev."},       {"New Hampshire", "NH", "N.H."},
        {"New Jersey", "NJ", "N.J."},   {"New Mexico", "NM", "N.M."},
        {"New York", "NY", "N.Y."},     {"North Carolina", "NC", "N.C."},
        {"North Dakota", "ND", "N.D."}, {"Ohio", "OH", "Ohio"},
        {"Oklahoma", "OK", "Okla."},    {"Oregon", "OR", "Ore."},
        {"Pennsylvania", "PA", "Pa."},  {"Puerto Rico", "PR", "P.R."},
        {"Rhode Island", "RI", "R.I."}, {"South Carolina", "SC", "S.C."},
        {"South Dakota", "SD", "S.D."}, {"Tennessee", "TN", "Tenn."},
        {"Texas", "TX", "Texas"},       {"Utah", "UT", "Utah"},
        {"Vermont", "VT", "Vt."},       {"Virginia", "VA", "Va."},
        {"Washington", "WA", "Wash."},  {"Wisconsin", "WI", "Wis."},
        {"Wyoming", "WY", "Wyo."},
};

enum state_id {
	AL,
	AK,
	AZ,
	AR,
	CA,
	CO,
	CT,
	DC,
	FL,
	GA,
	GU,
	HI,
	ID,
	IL,
	IN,
	IA,
	KS,
	KY,
	LA,
	ME,
	MD,
	MA,
	MI,
	MN,
	MS,
	MO,
	MT,
	NE,
	NV,
	NH,
	NJ,
	NM,
	NY,
	NC,
	ND,
	OH,
	OK,
	OR,
	PA,
	PR,
	RI,
	SC,
	SD,
	TN,
	TX,
	UT,
	VT,
	VA,
	WA,
	WI,
	WY
};

struct us_city {
	const char *name;
	uint8_t state;
};

/* Index 0 is Washington, DC, which gets a share of its own. Names with inner capitals,
 * apostrophes and accents are here on purpose. */
static const struct us_city us_cities[] = {
        {"Washington", DC},      {"Houston", TX},
        {"Dallas", TX},          {"San Antonio", TX},
        {"El Paso", TX},         {"McAllen", TX},
        {"Laredo", TX},          {"Brownsville", TX},
        {"DeSoto", TX},          {"McKinney", TX},
        {"Austin", TX},          {"Los Angeles", CA},
        {"San Diego", CA},       {"San Francisco", CA},
        {"Sacramento", CA},      {"Fresno", CA},
        {"National City", CA},   {"San Jose", CA},
        {"Phoenix", AZ},         {"Tucson", AZ},
        {"Nogales", AZ},         {"Miami", FL},
        {"Tampa", FL},           {"Orlando", FL},
        {"Jacksonville", FL},    {"Fort Lauderdale", FL},
        {"DeLand", FL},          {"Port St. Lucie", FL},
        {"Panama City", FL},     {"New York", NY},
        {"Buffalo", NY},         {"Albany", NY},
        {"Newark", NJ},          {"Camden", NJ},
        {"Philadelphia", PA},    {"Pittsburgh", PA},
        {"Wilkes-Barre", PA},    {"DuBois", PA},
        {"King of Prussia", PA}, {"Boston", MA},
        {"Hartford", CT},        {"Providence", RI},
        {"Burlington", VT},      {"Portland", ME},
        {"Manchester", NH},      {"Baltimore", MD},
        {"McLean", VA},          {"Fairfax", VA},
        {"Norfolk", VA},         {"Charlotte", NC},
        {"Winston-Salem", NC},   {"Raleigh", NC},
        {"Charleston", SC},      {"Atlanta", GA},
        {"LaGrange", GA},        {"McDonough", GA},
        {"Savannah", GA},        {"Nashville", TN},
        {"Memphis", TN},         {"Louisville", KY},
        {"Birmingham", AL},      {"Jackson", MS},
        {"New Orleans", LA},     {"LaPlace", LA},
        {"Baton Rouge", LA},     {"Chicago", IL},
        {"DeKalb", IL},          {"O'Fallon", MO},
        {"St. Louis", MO},       {"Kansas City", MO},
        {"Kansas City", KS},     {"Wichita", KS},
        {"Detroit", MI},         {"Grand Rapids", MI},
        {"Cleveland", OH},       {"Columbus", OH},
        {"Indianapolis", IN},    {"LaPorte", IN},
        {"Milwaukee", WI},       {"St. Paul", MN},
        {"Minneapolis", MN},     {"Omaha", NE},
        {"Des Moines", IA},      {"Fargo", ND},
        {"Sioux Falls", SD},     {"Denver", CO},
        {"Cañon City", CO},      {"Salt Lake City", UT},
        {"Albuquerque", NM},     {"Española", NM},
        {"Las Vegas", NV},       {"Reno", NV},
        {"Boise", ID},           {"Coeur d'Alene", ID},
        {"Helena", MT},          {"Cheyenne", WY},
        {"Seattle", WA},         {"Spokane", WA},
        {"Portland", OR},        {"McMinnville", OR},
        {"Anchorage", AK},       {"Honolulu", HI},
        {"Oklahoma City", OK},   {"Little Rock", AR},
        {"San Juan", PR},        {"Mayagüez", PR},
        {"Ponce", PR},           {"Hagåtña", GU},
};

struct foreign_city {
	const char *name, *country;
};

static const struct foreign_city foreign_cities[] = {
        {"Mexico City", "Mexico"},
        {"Monterrey", "Mexico"},
        {"Ciudad Juárez", "Mexico"},
        {"Tijuana", "Mexico"},
        {"Guadalajara", "Mexico"},
        {"San Salvador", "El Salvador"},
        {"Guatemala City", "Guatemala"},
        {"Tegucigalpa", "Honduras"},
        {"San Pedro Sula", "Honduras"},
        {"Managua", "Nicaragua"},
        {"San José", "Costa Rica"},
        {"Panama City", "Panama"},
        {"Bogotá", "Colombia"},
        {"Medellín", "Colombia"},
        {"Lima", "Peru"},
        {"Quito", "Ecuador"},
        {"Brasilia", "Brazil"},
        {"São Paulo", "Brazil"},
        {"Santo Domingo", "Dominican Republic"},
        {"Port-au-Prince", "Haiti"},
        {"Kingston", "Jamaica"},
        {"Nassau", "Bahamas"},
        {"Ottawa", "Canada"},
        {"Toronto", "Canada"},
        {"Montréal", "Canada"},
        {"Rome", "Italy"},
        {"Madrid", "Spain"},
        {"Berlin", "Germany"},
        {"Warsaw", "Poland"},
        {"The Hague", "Netherlands"},
        {"London", "United Kingdom"},
        {"Bangkok", "Thailand"},
        {"Manila", "Philippines"},
        {"Phnom Penh", "Cambodia"},
        {"Abu Dhabi", "United Arab Emirates"},
        {"Cairo", "Egypt"},
        {"Baghdad", "Iraq"},
        {"Seoul", "South Korea"},
        {"Hanoi", "Vietnam"},
        {"New Delhi", "India"},
        {"Accra", "Ghana"},
        {"Lagos", "Nigeria"},
        {"Kyiv", "Ukraine"},
        {"Bucharest", "Romania"},
        {"Ankara", "Turkey"},
};

struct nation {
	const char *adj, *country;
};

static const struct nation nations[] = {
        {"Mexican", "Mexico"},
        {"Salvadoran", "El Salvador"},
        {"Guatemalan", "Guatemala"},
        {"Honduran", "Honduras"},
        {"Nicaraguan", "Nicaragua"},
        {"Costa Rican", "Costa Rica"},
        {"Panamanian", "Panama"},
        {"Colombian", "Colombia"},
        {"Peruvian", "Peru"},
        {"Ecuadorian", "Ecuador"},
        {"Brazilian", "Brazil"},
        {"Dominican", "the Dominican Republic"},
        {"Haitian", "Haiti"},
        {"Jamaican", "Jamaica"},
        {"Venezuelan", "Venezuela"},
        {"Chilean", "Chile"},
        {"Argentine", "Argentina"},
        {"Canadian", "Canada"},
        {"Italian", "Italy"},
        {"Spanish", "Spain"},
        {"German", "Germany"},
        {"Polish", "Poland"},
        {"Thai", "Thailand"},
        {"Cambodian", "Cambodia"},
        {"Egyptian", "Egypt"},
        {"Iraqi", "Iraq"},
        {"South Korean", "South Korea"},
        {"Vietnamese", "Vietnam"},
        {"Indian", "India"},
        {"Ghanaian", "Ghana"},
        {"Nigerian", "Nigeria"},
        {"Ukrainian", "Ukraine"},
        {"Romanian", "Romania"},
        {"Turkish", "Turkey"},
        {"Chinese", "China"},
        {"Albanian", "Albania"},
};

/* What a fugitive is wanted for. */
static const char *const crimes[] = {
        "murder",
        "homicide",
        "kidnapping",
        "armed robbery",
        "drug trafficking",
        "human smuggling",
        "sexual assault",
        "extortion",
        "aggravated homicide",
        "attempted murder",
        "fraud",
        "money laundering",
        "arms trafficking",
        "human rights violations",
        "torture",
        "rape",
};

/* What an investigation, a task force or a training is about. */
static const char *const issues[] = {
        "human trafficking",    "gang violence",      "cyber crime",       "document fraud",
        "arms trafficking",     "child exploitation", "money laundering",  "counterfeiting",
        "drug trafficking",     "human smuggling",    "export violations", "benefit fraud",
        "wildlife trafficking", "trade fraud",        "identity theft",    "labor exploitation",
};

/* What a court convicts of. */
static const char *const charges[] = {
        "conspiracy to distribute methamphetamine",
        "possession with intent to distribute cocaine",
        "wire fraud",
        "money laundering conspiracy",
        "alien smuggling",
        "illegal reentry after removal",
        "trafficking in counterfeit goods",
        "bulk cash smuggling",
        "distribution of child sexual abuse material",
        "visa fraud",
        "making false statements on an immigration form",
        "unlawful export of defense articles",
        "possession of a firearm by a prohibited person",
        "aggravated identity theft",
        "sex trafficking of a minor",
        "harboring undocumented workers",
        "smuggling goods into the United States",
        "conspiracy to launder monetary instruments",
};

static const char *const drugs[] = {
        "methamphetamine",
        "cocaine",
        "heroin",
        "fentanyl",
        "marijuana",
        "MDMA",
        "liquid methamphetamine",
        "fentanyl-laced pills",
};

static const char *const goods[] = {
        "counterfeit handbags",      "counterfeit airbag modules",
        "pirated video discs",       "counterfeit medicines",
        "fake designer watches",     "counterfeit phone chargers",
        "knockoff sports jerseys",   "counterfeit cosmetics",
        "bootleg software licenses", "counterfeit toys",
        "fake auto parts",           "counterfeit perfume",
};

static const char *const artifacts[] = {
        "pre-Columbian artifacts", "colonial-era paintings",   "ancient coins",
        "stolen manuscripts",      "ceremonial masks",         "dinosaur fossils",
        "terracotta figurines",    "religious icons",          "looted antiquities",
        "archaeological pieces",   "historical documents",     "carved stone reliefs",
        "bronze statuettes",       "illuminated prayer books",
};

static const char *const partners[] = {
        "the FBI",
        "the Drug Enforcement Administration",
        "U.S. Customs and Border Protection",
        "the U.S. Marshals Service",
        "IRS Criminal Investigation",
        "the Bureau of Alcohol, Tobacco, Firearms and Explosives",
        "the U.S. Postal Inspection Service",
        "local police",
        "the county sheriff%'s office",
        "state police",
        "the U.S. Coast Guard",
        "the Department of State",
        "the Diplomatic Security Service",
        "the Department of Labor",
};

static const char *const officials[] = {
        "Special Agent in Charge",
        "Acting Special Agent in Charge",
        "Field Office Director",
        "Acting Field Office Director",
        "Assistant Special Agent in Charge",
        "Deputy Field Office Director",
        "Assistant Director",
        "Executive Associate Director",
        "attaché",
};

static const char *const venues[] = {
        "the Port of Long Beach",
        "the Laredo port of entry",
        "a mail facility near the airport",
        "the Otay Mesa crossing",
        "an express courier hub",
        "the embassy residence",
        "the Port of Savannah",
        "a cargo terminal",
        "the Nogales port of entry",
        "a warehouse near the docks",
        "the consulate",
        "the international airport",
};

static const char *const op_first[] = {
        "Iron", "Silver", "Northern", "Coastal", "Desert",   "Crimson", "Granite",
        "Blue", "Falcon", "Open",     "Twin",    "Midnight", "Clear",   "Broken",
        "Safe", "Stone",  "Cross",    "High",    "Quiet",    "Red",     "Long",
};

static const char *const op_second[] = {
        "Tide",    "Harbor",  "Sentinel", "Bridge", "Gate",    "Ridge",   "Shield",
        "Lantern", "Compass", "Anchor",   "Arrow",  "Horizon", "Current", "Summit",
        "Thread",  "Key",     "Trail",    "Mesa",   "Forge",   "Signal",  "Net",
};

static const char *const weekdays[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *const month_names[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December",
};

static const char *const month_short[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* Associated Press month style: "Sept. 15", but "March 11". */
static const char *const month_ap[] = {
        "Jan.", "Feb.", "March", "April", "May",  "June",
        "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec.",
};

/* Syllables for people's names. Initial syllables are ASCII with a capital. */
static const char *const given_onset[] = {
        "Ma", "Lu",  "Ro",  "Da",  "Ele", "Ga", "Te", "Vi", "Al",  "Ka",   "Mi", "Sa", "Jo",
        "Re", "Ca",  "Be",  "No",  "A",   "I",  "Fe", "Ta", "O",   "Ha",   "Pe", "Ze", "Li",
        "E",  "Bra", "Cle", "Dro", "Fa",  "Ni", "Su", "Ya", "Wen", "Ster", "Gi", "Ju", "Mar",
};
static const char *const given_mid[] = {
        "ra", "li", "no", "ve", "sa", "ri", "ta", "mo", "de", "lo", "ne",
        "ci", "ba", "ro", "la", "mi", "",   "",   "",   "",   "",   "",
};
static const char *const given_end[] = {
        "n",   "s",   "a",   "o",   "el", "ia", "us", "io", "ar", "ine", "ela", "on",  "ta",
        "ena", "ick", "ley", "ren", "lo", "ón", "és", "ía", "ny", "rt",  "dre", "nia", "em",
};
static const char *const family_onset[] = {
        "Val", "Ort", "Cas", "Mar", "Ben", "Sal", "Qui", "Rod", "Fer", "Lo",   "Gu",  "Es",
        "Ar",  "Mon", "Car", "Del", "Pra", "Ter", "Vel", "Har", "Ash", "Whit", "Kel", "Brem",
        "Dor", "Hol", "Nak", "Tan", "Kov", "Pet", "Ib",  "Oke", "Ruv", "Sten", "Zam", "Yar",
};
static const char *const family_mid[] = {
        "a", "e", "i", "o", "an", "er", "el", "in", "ar", "ol", "en", "u", "", "", "",
};
static const char *const family_end[] = {
        "do",  "ez",  "ra",   "son",  "ton",  "ley", "ski",  "vic",  "ani", "ero",
        "ina", "ber", "mann", "ford", "es",   "ano", "ález", "ñez",  "lón", "ín",
        "úa",  "ova", "enko", "ura",  "well", "by",  "ado",  "elli", "iga", "ç",
};

/* ---- templates --------------------------------------------------------------
 * Codes: story-bound  %S subject  %L subject's family name  %N nationality  %Y its
 * country  %X crime  %I issue  %G charge  %d drug  %g goods  %r artifacts  %O operation
 * %C office city  %B its state  %E HSI or ERO  %k the story's count;
 * random  %P person  %A age  %c US city  %s US state  %u foreign country  %a partner
 * %o official  %n 2-40  %m months  %t years  %K large count  %$ money  %W weekday
 * %H month  %Z year  %v venue  %D drug  %J goods  %R artifacts  %q a quotation;
 * style  %' apostrophe  %< %> quotation marks  %- dash  %% percent. */

enum kind { K_REMOVAL, K_SENTENCE, K_PLEA, K_ARREST, K_SEIZURE, K_REPATRIATION, K_PARTNERSHIP };
#define NKINDS 7

struct kind_text {
	const char *const *titles, *const *leads, *const *details;
	size_t ntitles, nleads, ndetails;
	const uint8_t *topics; /* the topics its first topic comes from */
	size_t ntopics;
};

static const char *const titles_removal[] = {
        "ICE removes %N national wanted for %X in %Y",
        "%E %C removes %N fugitive wanted for %X",
        "%N man wanted for %X removed to %Y",
        "%E %C arrests %N foreign fugitive wanted for %X",
        "Former %N soldier accused of %X removed from the United States",
        "%E deports %N citizen convicted of %X",
        "%N woman wanted for %X in her home country removed by %E %C",
        "ICE returns %N fugitive wanted for %X to %Y",
};
static const char *const leads_removal[] = {
        "Officers with %E %C removed %S, a %A-year-old %N national wanted in %Y for %X, on %W.",
        ("A %N national wanted in %Y for %X was removed %W by officers with U.S. Immigration "
         "and Customs Enforcement%'s Enforcement and Removal Operations (ERO)."),
        "%E %C officers turned %S, %A, over to %N authorities %W at a port of entry near %c.",
};
static const char *const details_removal[] = {
        "%L entered the United States without inspection near %c in %Z.",
        ("An immigration judge ordered %L removed in %H %Z, and the order became final after "
         "an appeal was dismissed."),
        "Authorities in %Y issued a warrant for %L%'s arrest in %Z in connection with the %X.",
        "Officers confirmed %L%'s identity through fingerprint records shared by %Y.",
        "%L was arrested by local police in %c in %Z and later transferred to ICE custody.",
        ("Officers escorted %L on a charter flight to %Y, where local officials took custody at "
         "the airport."),
        "Since %Z, ERO has removed more than %K foreign fugitives wanted in their home countries.",
};
static const uint8_t topics_removal[] = {T_REMOVAL, T_REMOVAL,     T_REMOVAL,
                                         T_RIGHTS,  T_OPERATIONAL, T_287G};

static const char *const titles_sentence[] = {
        "%C man sentenced to %t years for %G",
        "%S sentenced to %m months in federal prison for %G",
        "%N national sentenced in %C for %G",
        "Former %C business owner sentenced for %G",
        "%k defendants sentenced in %C %I case",
        "%C woman sentenced to %t years in %I scheme",
};
static const char *const leads_sentence[] = {
        "%S, %A, of %c, was sentenced %W to %m months in federal prison for %G.",
        "A federal judge in %C sentenced %S, %A, to %t years in prison %W for %G.",
        ("%S, a %A-year-old %N national, was sentenced %W for %G following an investigation by "
         "%E %C."),
};
static const char *const details_court[] = {
        ("According to court documents, %L used %n shell companies to move money through "
         "accounts in %c and %u."),
        "Prosecutors said the scheme ran for more than %n months and caused losses of about %$.",
        "U.S. District Judge %P also ordered %L to pay %$ in restitution.",
        "%L will be placed in removal proceedings after completing the prison term.",
        "The jury returned its verdict after a %n-day trial in %H.",
        "%L faces a maximum penalty of %t years in prison and a fine of up to %$.",
        "Sentencing is set for %H %n before U.S. District Judge %P.",
        "Assistant U.S. Attorney %P prosecuted the case.",
        "Court records show that %L kept ledgers listing more than %K transactions.",
};
static const uint8_t topics_court[] = {
        T_NARCOTICS, T_FINANCIAL, T_SMUGGLING, T_TRAFFICKING, T_CHILD, T_FRAUD,
        T_FIREARMS,  T_CYBER,     T_IPR,       T_WORKSITE,    T_CPI,   T_CONTRABAND,
};

static const char *const titles_plea[] = {
        "%S pleads guilty to %G",
        "%C man admits %G",
        "%N national pleads guilty in %C to %G",
        "%k plead guilty in %I investigation led by %E %C",
};
static const char *const leads_plea[] = {
        "%S, %A, of %c, pleaded guilty %W in federal court to %G.",
        "%S admitted in federal court %W to %G, according to prosecutors.",
};

static const char *const titles_arrest[] = {
        "%E %C arrests %k in %I investigation",
        "%k charged in Operation %O targeting %d trafficking network",
        "Operation %O nets %k arrests across %B",
        "%k arrested in %C during %E enforcement operation",
        "%E, %a arrest %k in %C-area %I probe",
        "Federal grand jury indicts %k in %I conspiracy",
        "%E %C arrests %k during %n-day operation",
};
static const char *const leads_arrest[] = {
        ("Special agents with %E %C and %a arrested %k people %W as part of Operation %O, a "
         "%n-month investigation into %I."),
        "%E %C announced %W the arrest of %k people charged with %G.",
        "A federal grand jury in %C returned an indictment %W charging %k people with %G.",
};
static const char *const details_arrest[] = {
        "Agents executed %n search warrants at homes and businesses in %c and %c.",
        "Those arrested include %P, %A, and %P, %A, both of %c.",
        ("Each defendant is presumed innocent; the charges are claims the government must prove "
         "at trial."),
        "Investigators say the network moved people and money through %c for at least %n years.",
        "%a and the %s State Police assisted with the arrests.",
        "During the operation, officers also seized %n firearms and about %$ in cash.",
        "Each defendant faces up to %t years in prison if convicted.",
};
static const uint8_t topics_arrest[] = {
        T_GANGS,    T_NARCOTICS,   T_NARCOTICS, T_TRAFFICKING, T_CHILD,
        T_WORKSITE, T_OPERATIONAL, T_SMUGGLING, T_CYBER,
};

static const char *const titles_seizure[] = {
        "%E seizes %k pounds of %d at %v",
        "Agents seize %k %g in %C",
        "%k %g seized at %v",
        "%E %C seizes %$ in %d proceeds",
        "Record %d seizure in %C leads to %n arrests",
};
static const char *const leads_seizure[] = {
        "Special agents with %E %C seized %k pounds of %d %W during an inspection at %v.",
        "Agents seized %g valued at more than %$ on %W after a tip from %a.",
        ("Officers found %d hidden in a tractor-trailer at %v %W, ending a %n-month "
         "investigation by %E %C."),
};
static const char *const details_seizure[] = {
        "The %d was concealed in %n hidden compartments built into the vehicle%'s floor.",
        "The seized items have an estimated retail value of %$.",
        "Laboratory tests confirmed that the substance was %D.",
        "The driver, %P, %A, of %c, was taken into custody at the scene.",
        "Agents believe the shipment was bound for distributors in %c and %c.",
        "Inspectors flagged the shipment because its paperwork listed %J.",
};
static const uint8_t topics_seizure[] = {T_NARCOTICS, T_NARCOTICS, T_NARCOTICS, T_CONTRABAND,
                                         T_IPR,       T_FIREARMS,  T_FINANCIAL};

static const char *const titles_repatriation[] = {
        "ICE returns %k %r to %Y",
        "%E repatriates %r to the government of %Y",
        "%Y recovers %k %r seized in %C investigation",
        "%r stolen decades ago returned to %Y",
};
static const char *const leads_repatriation[] = {
        "%E officials returned %k %r to representatives of %Y during a ceremony %W at %v.",
        ("The government of %Y received %k %r from %E %C on %W, ending an investigation that "
         "began in %Z."),
};
static const char *const details_repatriation[] = {
        "The collection includes %R, %R and several %R.",
        "Experts from %a examined each piece and confirmed its origin in %Y.",
        "The objects were offered for sale by a dealer in %c in %Z before agents seized them.",
        "Ambassador %P accepted the items on behalf of the people of %Y.",
        "Since %Z, the agency has returned more than %K objects to %n countries.",
};
static const uint8_t topics_repatriation[] = {T_CULTURAL};

static const char *const titles_partnership[] = {
        "ICE and %Y sign agreement to combat %I",
        "%E %C hosts %I awareness training for local partners",
        "%E %C and %a launch joint task force on %I",
        "ICE recognizes %C-area partners for work against %I",
        "%E %C trains %k officers from %n countries on %I",
};
static const char *const leads_partnership[] = {
        ("Leaders from %E %C met %W with representatives of %a and officials from %Y to expand "
         "cooperation against %I."),
        ("%E %C hosted a %n-day workshop %W for %k law enforcement officers on the warning signs "
         "of %I."),
};
static const char *const details_partnership[] = {
        ("Participants reviewed case studies, interview techniques and ways of tracing %I "
         "networks."),
        ("The agreement allows investigators in both countries to share records within %n days "
         "of a request."),
        "Workshop attendees included officers from %n agencies across %B.",
        "Instructors from %E and %a led sessions on financial analysis and victim assistance.",
        "Organizers plan a second session in %c later this year.",
};
static const uint8_t topics_partnership[] = {T_287G, T_NATSEC, T_OPERATIONAL, T_CPI, T_TRAFFICKING};

#define KT(t, l, d, tp)                                                                            \
	{                                                                                          \
		t, l, d, ARRAY_LEN(t), ARRAY_LEN(l), ARRAY_LEN(d), tp, ARRAY_LEN(tp)               \
	}
static const struct kind_text kind_texts[NKINDS] = {
        [K_REMOVAL] = KT(titles_removal, leads_removal, details_removal, topics_removal),
        [K_SENTENCE] = KT(titles_sentence, leads_sentence, details_court, topics_court),
        [K_PLEA] = KT(titles_plea, leads_plea, details_court, topics_court),
        [K_ARREST] = KT(titles_arrest, leads_arrest, details_arrest, topics_arrest),
        [K_SEIZURE] = KT(titles_seizure, leads_seizure, details_seizure, topics_seizure),
        [K_REPATRIATION] = KT(titles_repatriation, leads_repatriation, details_repatriation,
                              topics_repatriation),
        [K_PARTNERSHIP] =
                KT(titles_partnership, leads_partnership, details_partnership, topics_partnership),
};
static const unsigned kind_weights[NKINDS] = {24, 16, 10, 20, 12, 6, 12};

/* Sub-headlines: short, no final period, never dateline-like. */
static const char *const subtitles[] = {
        "Investigation led by %E %C with help from %a",
        "Case is part of Operation %O",
        "Defendant had been living in %c under an assumed name",
        "%Y requested the return through diplomatic channels",
        "Seizure is among the largest in the region this year",
        "Arrests follow a %n-month investigation",
        "Items were found during a search of a storage unit in %c",
        "Joint effort with %a targets networks across %B",
        "Sentence follows a guilty plea entered in %H",
        "%n agencies took part in the operation",
        "Agents traced shipments through %c and %u",
        "Program has trained officers from %n countries since %Z",
        "Victims identified in %c and %c receive support services",
        "Case began with a routine inspection at %v",
};

static const char *const details_generic[] = {
        "The investigation began in %H %Z after %a alerted agents to unusual activity in %c.",
        "%a provided significant assistance with the case.",
        "Investigators traced payments totaling %$ to accounts controlled by the organization.",
        "Agents reviewed more than %K pages of records over the course of the investigation.",
        "The case was worked jointly with %a and the police department in %c.",
        ("Members of the group communicated through encrypted messaging applications, according "
         "to investigators."),
        "Additional arrests are possible as the investigation continues.",
        "Officials declined to name %n people who cooperated with investigators.",
        "The %o said the case drew on tips from residents of %c.",
        "Agents spent %n months building the case, working from %c and %c.",
        "Records obtained by investigators showed wire transfers to %u and %u.",
        "Several of the people involved had used at least %n different names.",
        "Surveillance teams followed the suspects between %c and %c on %n occasions.",
        "Prosecutors credited the work of analysts at the %C field office.",
        "A confidential source first described the activity to agents in %H %Z.",
        "Forensic accountants reviewed %K transactions tied to the group.",
        ("Officials said the investigation remains open and asked anyone with information to "
         "come forward."),
        ("Investigators also coordinated with authorities in %u, where part of the network "
         "operated."),
        "Translators helped agents review %K recorded calls in %n languages.",
};

static const char *const quotes[] = {
        "Our officers work every day to make sure fugitives cannot hide in our communities",
        "This case shows what is possible when agencies share information and act quickly",
        "We will keep pursuing those who profit from exploiting others",
        "Returning these objects to their rightful owners is a privilege for everyone involved",
        "Criminal organizations do not respect borders, and neither do our partnerships",
        "Every seizure keeps dangerous drugs off the streets of %c",
        "The sentence handed down today reflects the seriousness of the harm done",
        "We are grateful to %a for their steady support throughout this investigation",
        "Anyone who tries to cheat the immigration system should expect to be found",
        "Today%'s result belongs to the victims and their families",
        "Our job is to follow the money, wherever it leads",
        "Protecting children online remains one of our highest priorities",
        "No one should profit from forced labor in %B or anywhere else",
};

static const char *const quote_paragraphs[] = {
        "%<%q,%> said %E %C %o %P. %<%q.%>",
        "%<%q,%> said %o %P of %E %C.",
        "%P, %o for %E %C, called the result a team effort. %<%q.%>",
        "%<%q.%> %P, the %o in %C, said the work would continue.",
};

static const char *const closings[] = {
        ("Agents of Homeland Security Investigations take on cases that cross the nation%'s "
         "borders, from trade fraud and smuggling to crimes committed online."),
        ("Officers of Enforcement and Removal Operations locate and detain people with no right to "
         "stay in the country, giving priority to those who endanger others."),
        ("ICE has attaché offices in %n countries, where agents work with host nations on cases "
         "that reach into the United States."),
        ("Members of the public can report suspicious activity to the agency%'s tip line, which is "
         "answered around the clock."),
        "More information about the agency%'s work in %B is available on its website.",
        "The %I program has trained more than %K officers in %n countries since %Z.",
};

/* Site lines after the "Updated:" footer. */
static const char *const boilerplate[] = {
        "Return to top",
        "Back to news releases",
        "Contact the newsroom",
        "Subscribe to updates",
        "Privacy and accessibility",
        "Site policies",
        "Freedom of information",
        "Careers",
};

/* ==== calendar =============================================================== */

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Days since 1970-01-01 and back (proleptic Gregorian). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ==== UTF-8 helpers ========================================================== */

/* Decode one code point of valid UTF-8 (our own text) and advance *i. */
static uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	if (p[0] < 0x80 || left < 2) {
		*i += 1;
		return p[0];
	}
	if (p[0] < 0xE0) {
		*i += 2;
		return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
	}
	if (p[0] < 0xF0 || left < 4) {
		*i += 3;
		return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
		       (p[2] & 0x3F);
	}
	*i += 4;
	return ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
	       ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

/* Upper case for ASCII and Latin-1 letters ("Bogotá" -> "BOGOTÁ"). */
static void buf_upper(struct buf *b, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p >= 'a' && *p <= 'z') {
			buf_chr(b, (char)(*p - 32));
		} else if (p[0] == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
			buf_chr(b, (char)0xC3);
			buf_chr(b, (char)(p[1] - 0x20));
			p++;
		} else {
			buf_chr(b, (char)*p);
		}
	}
}

/* The ASCII letter a Latin-1 letter is written with in a file name, or 0. */
static char latin1_base(uint32_t cp)
{
	static const char map[] =
	        "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	if (cp < 0xC0 || cp > 0xFF)
		return 0;
	char c = map[cp - 0xC0];
	return c == 'x' || c == '/' ? 0 : c;
}

/* ==== release model ========================================================== */

enum layout { L_SKIP, L_SKIP_OFFICIAL, L_DHS_FLAG, L_ARCHIVE, L_BARE };
enum datefmt { D_FULL, D_AP, D_SHORT, D_ISO, D_UPPER };
enum encoding { E_UTF8, E_UTF8_BOM, E_CP1252, E_UTF16LE };

struct release {
	/* Pool offsets; NONE when absent. */
	size_t entry, title, subtitle, location, subject, subject_family;
	uint16_t year;
	uint8_t month, day; /* day 0: the header has no date */
	uint8_t layout, datefmt;
	uint8_t ntopics, topic[3];
	bool topics_comma; /* topics printed ", "-joined, else run together */
	bool curly;        /* typographic quotes and apostrophes */
	uint8_t dash;      /* dash style, an index into dashes[] */
	bool foreign;      /* the dateline place is foreign_cities[place], else us_cities */
	uint8_t place;
	/* The story the title and body tell. */
	uint8_t kind, arm, nat, crime, issue, charge, drug, goods, artifact, op1, op2, office;
	uint32_t count;
	/* Kept from writing the release until its duplicate has been written. */
	int32_t copy; /* entry index of the copy, -1 when none */
	char *bytes;
	size_t nbytes;
};

static const char *const dashes[] = {" — ", " – ", " - "};

struct expand_ctx {
	struct rng *r;
	const struct release *rel;
	const char *pool;
	struct buf *out;
	int depth;
};

static void expand(struct expand_ctx *c, const char *t);

static void gen_given_name(struct rng *r, struct buf *b)
{
	buf_str(b, PICK(r, given_onset));
	buf_str(b, PICK(r, given_mid));
	buf_str(b, PICK(r, given_end));
}

static void gen_family_name(struct rng *r, struct buf *b)
{
	buf_str(b, PICK(r, family_onset));
	buf_str(b, PICK(r, family_mid));
	buf_str(b, PICK(r, family_end));
	if (chance(r, 12)) {
		buf_chr(b, '-');
		buf_str(b, PICK(r, family_onset));
		buf_str(b, PICK(r, family_end));
	}
}

static void gen_person(struct rng *r, struct buf *b)
{
	gen_given_name(r, b);
	buf_chr(b, ' ');
	if (chance(r, 15)) {
		buf_chr(b, (char)('A' + rnd(r, 26)));
		buf_str(b, ". ");
	}
	gen_family_name(r, b);
}

static void gen_money(struct rng *r, struct buf *b)
{
	buf_chr(b, '$');
	if (chance(r, 40)) {
		buf_uint(b, (unsigned long)rnd_range(r, 1, 99), false);
		if (chance(r, 50)) {
			buf_chr(b, '.');
			buf_uint(b, (unsigned long)rnd_range(r, 1, 9), false);
		}
		buf_str(b, " million");
	} else {
		buf_uint(b,
		         (unsigned long)rnd_range(r, 12, 990) * 1000 +
		                 (unsigned long)rnd(r, 4) * 250,
		         true);
	}
}

static const char *state_name(uint8_t city)
{
	return states[us_cities[city].state].name;
}

/* One template code; see the table above the templates. */
static void expand_code(struct expand_ctx *c, char code)
{
	struct rng *r = c->r;
	const struct release *rel = c->rel;
	struct buf *b = c->out;
	switch (code) {
	case 'S':
		buf_str(b, c->pool + rel->subject);
		break;
	case 'L':
		buf_str(b, c->pool + rel->subject_family);
		break;
	case 'N':
		buf_str(b, nations[rel->nat].adj);
		break;
	case 'Y':
		buf_str(b, nations[rel->nat].country);
		break;
	case 'X':
		buf_str(b, crimes[rel->crime]);
		break;
	case 'I':
		buf_str(b, issues[rel->issue]);
		break;
	case 'G':
		buf_str(b, charges[rel->charge]);
		break;
	case 'd':
		buf_str(b, drugs[rel->drug]);
		break;
	case 'g':
		buf_str(b, goods[rel->goods]);
		break;
	case 'r':
		buf_str(b, artifacts[rel->artifact]);
		break;
	case 'O':
		buf_str(b, op_first[rel->op1]);
		buf_chr(b, ' ');
		buf_str(b, op_second[rel->op2]);
		break;
	case 'C':
		buf_str(b, us_cities[rel->office].name);
		break;
	case 'B':
		buf_str(b, state_name(rel->office));
		break;
	case 'E':
		buf_str(b, rel->arm ? "ERO" : "HSI");
		break;
	case 'k':
		buf_uint(b, rel->count, true);
		break;
	case 'P':
		gen_person(r, b);
		break;
	case 'A':
		buf_uint(b, (unsigned long)rnd_range(r, 19, 74), false);
		break;
	case 'c':
		buf_str(b, PICK(r, us_cities).name);
		break;
	case 's':
		buf_str(b, PICK(r, states).name);
		break;
	case 'u':
		buf_str(b, PICK(r, foreign_cities).country);
		break;
	case 'a':
		expand(c, PICK(r, partners));
		break;
	case 'o':
		buf_str(b, PICK(r, officials));
		break;
	case 'n':
		buf_uint(b, (unsigned long)rnd_range(r, 2, 40), false);
		break;
	case 'm':
		buf_uint(b, (unsigned long)rnd_range(r, 6, 240), false);
		break;
	case 't':
		buf_uint(b, (unsigned long)rnd_range(r, 2, 30), false);
		break;
	case 'K':
		buf_uint(b, (unsigned long)rnd_range(r, 100, 90000), true);
		break;
	case '$':
		gen_money(r, b);
		break;
	case 'W':
		buf_str(b, PICK(r, weekdays));
		break;
	case 'H':
		buf_str(b, PICK(r, month_names));
		break;
	case 'Z':
		buf_uint(b, (unsigned long)rnd_range(r, 1990, 2022), false);
		break;
	case 'v':
		buf_str(b, PICK(r, venues));
		break;
	case 'D':
		buf_str(b, PICK(r, drugs));
		break;
	case 'J':
		buf_str(b, PICK(r, goods));
		break;
	case 'R':
		buf_str(b, PICK(r, artifacts));
		break;
	case 'q':
		if (c->depth < 2)
			expand(c, PICK(r, quotes));
		break;
	case '\'':
		buf_str(b, rel->curly ? "’" : "'");
		break;
	case '<':
		buf_str(b, rel->curly ? "“" : "\"");
		break;
	case '>':
		buf_str(b, rel->curly ? "”" : "\"");
		break;
	case '-':
		buf_str(b, dashes[rel->dash]);
		break;
	default:
		buf_chr(b, code);
		break;
	}
}

static void expand(struct expand_ctx *c, const char *t)
{
	c->depth++;
	for (;;) {
		const char *pct = strchr(t, '%');
		if (!pct) {
			buf_str(c->out, t);
			break;
		}
		buf_add(c->out, t, (size_t)(pct - t));
		if (!pct[1]) {
			buf_chr(c->out, '%');
			break;
		}
		expand_code(c, pct[1]);
		t = pct + 2;
	}
	c->depth--;
}

/* ---- header: everything the truth holds ------------------------------------ */

struct gen_opts {
	bool plain;
};

static void head_layout(struct rng *r, struct release *rel, const struct gen_opts *o)
{
	static const unsigned w[] = {[L_SKIP] = 72,
	                             [L_SKIP_OFFICIAL] = 10,
	                             [L_DHS_FLAG] = 6,
	                             [L_ARCHIVE] = 6,
	                             [L_BARE] = 6};
	rel->layout = o->plain ? L_SKIP : (uint8_t)pick_weighted(r, w, ARRAY_LEN(w));
	rel->curly = chance(r, 70);
	rel->dash = (uint8_t)pick_weighted(r, (const unsigned[]){60, 15, 25}, 3);
}

static void head_date(struct rng *r, struct release *rel, const struct gen_opts *o)
{
	static const unsigned w[] = {
	        [D_FULL] = 70, [D_AP] = 12, [D_SHORT] = 8, [D_ISO] = 8, [D_UPPER] = 2};
	bool dated;
	int y0 = 1995, y1 = 2025;
	switch (rel->layout) {
	case L_ARCHIVE:
		dated = true, y0 = 2003, y1 = 2011;
		break;
	case L_DHS_FLAG:
	case L_BARE:
		dated = false;
		break;
	default:
		dated = o->plain || chance(r, 94);
		break;
	}
	if (!dated) {
		rel->day = 0;
		return;
	}
	rel->year = (uint16_t)rnd_range(r, y0, y1);
	rel->month = (uint8_t)rnd_range(r, 1, 12);
	rel->day = (uint8_t)rnd_range(r, 1, days_in_month(rel->year, rel->month));
	if (o->plain || rel->layout == L_ARCHIVE)
		rel->datefmt = chance(r, 90) || o->plain ? D_FULL : D_AP;
	else
		rel->datefmt = (uint8_t)pick_weighted(r, w, ARRAY_LEN(w));
}

enum locform { LF_NONE, LF_ST_US, LF_ST, LF_STATE, LF_US, LF_DC, LF_PR, LF_FOREIGN };

/* The header location, as printed, into b; sets the dateline place. */
static enum locform head_location(struct rng *r, struct release *rel, const struct gen_opts *o,
                                  struct buf *b)
{
	static const unsigned w_skip[] = {
	        [LF_NONE] = 10, [LF_ST_US] = 40, [LF_ST] = 12, [LF_STATE] = 9,
	        [LF_US] = 5,    [LF_DC] = 10,    [LF_PR] = 3,  [LF_FOREIGN] = 11};
	static const unsigned w_archive[] = {
	        [LF_NONE] = 60, [LF_ST_US] = 0, [LF_ST] = 15, [LF_STATE] = 10,
	        [LF_US] = 0,    [LF_DC] = 15,   [LF_PR] = 0,  [LF_FOREIGN] = 0};
	enum locform f = LF_NONE;
	if (rel->layout == L_SKIP || rel->layout == L_SKIP_OFFICIAL)
		f = pick_weighted(r, w_skip, ARRAY_LEN(w_skip));
	else if (rel->layout == L_ARCHIVE)
		f = pick_weighted(r, w_archive, ARRAY_LEN(w_archive));
	if (o->plain && f == LF_NONE)
		f = LF_ST_US;

	rel->foreign = f == LF_FOREIGN;
	if (f == LF_FOREIGN)
		rel->place = PICK_I(r, foreign_cities);
	else if (f == LF_DC)
		rel->place = 0;
	else if (f == LF_PR)
		rel->place = (uint8_t)(ARRAY_LEN(us_cities) - 4 + rnd(r, 3));
	else
		rel->place = (uint8_t)rnd_range(r, 1, ARRAY_LEN(us_cities) - 1);
	if (f == LF_NONE)
		return f;

	if (rel->foreign) {
		buf_str(b, foreign_cities[rel->place].name);
		buf_str(b, ", ");
		buf_str(b, foreign_cities[rel->place].country);
		return f;
	}
	const struct us_city *city = &us_cities[rel->place];
	const struct state *st = &states[city->state];
	buf_str(b, city->name);
	buf_str(b, ", ");
	switch (f) {
	case LF_ST_US:
		buf_str(b, st->code), buf_str(b, ", United States");
		break;
	case LF_ST:
		buf_str(b, st->code);
		break;
	case LF_US:
		buf_str(b, "United States");
		break;
	case LF_DC:
		buf_str(b, chance(r, 60) ? "DC" : "DC, United States");
		break;
	default:
		buf_str(b, st->name);
		break; /* LF_STATE, LF_PR */
	}
	return f;
}

static void head_topics(struct rng *r, struct release *rel, const struct gen_opts *o)
{
	const struct kind_text *kt = &kind_texts[rel->kind];
	static const unsigned w_count[] = {8, 70, 15, 7};
	unsigned n;
	switch (rel->layout) {
	case L_SKIP:
	case L_SKIP_OFFICIAL:
		n = pick_weighted(r, w_count, 4);
		break;
	case L_DHS_FLAG:
		n = chance(r, 85) ? 1 : 2;
		break;
	default:
		n = 0;
		break;
	}
	if (o->plain && n == 0)
		n = 1;
	rel->ntopics = 0;
	while (rel->ntopics < n) {
		uint8_t t = rel->ntopics == 0 && chance(r, 80)
		                    ? kt->topics[rnd(r, (uint32_t)kt->ntopics)]
		                    : PICK_I(r, topic_names);
		bool seen = false;
		for (unsigned i = 0; i < rel->ntopics; i++)
			seen |= rel->topic[i] == t;
		if (!seen)
			rel->topic[rel->ntopics++] = t;
	}
	rel->topics_comma = rel->layout == L_DHS_FLAG || chance(r, 40);
}

/* The story: who and what the title and body are about. */
static void head_story(struct rng *r, struct release *rel, struct buf *pool, struct buf *tmp)
{
	rel->kind = (uint8_t)pick_weighted(r, kind_weights, NKINDS);
	rel->arm = rel->kind == K_REMOVAL ? chance(r, 90) : chance(r, 10);
	rel->nat = PICK_I(r, nations);
	rel->crime = PICK_I(r, crimes);
	rel->issue = PICK_I(r, issues);
	rel->charge = PICK_I(r, charges);
	rel->drug = PICK_I(r, drugs);
	rel->goods = PICK_I(r, goods);
	rel->artifact = PICK_I(r, artifacts);
	rel->op1 = PICK_I(r, op_first);
	rel->op2 = PICK_I(r, op_second);
	static const uint32_t lo[NKINDS] = {2, 2, 2, 3, 20, 2, 12};
	static const uint32_t hi[NKINDS] = {12, 19, 14, 250, 9000, 1200, 400};
	rel->count = lo[rel->kind] + rnd(r, hi[rel->kind] - lo[rel->kind] + 1);

	tmp->len = 0;
	gen_given_name(r, tmp);
	buf_chr(tmp, ' ');
	size_t family = tmp->len;
	gen_family_name(r, tmp);
	rel->subject = pool_put(pool, tmp->p, tmp->len);
	rel->subject_family = rel->subject + family;
}

/* The office city: the dateline city when it is in the US, else any. */
static void head_office(struct rng *r, struct release *rel)
{
	rel->office = rel->foreign ? (uint8_t)rnd(r, ARRAY_LEN(us_cities)) : rel->place;
}

static void title_case(struct buf *b, const char *s)
{
	static const char *const small[] = {"a",  "an", "and", "at", "by",  "for", "from",
	                                    "in", "of", "on",  "or", "the", "to",  "with"};
	bool first = true;
	while (*s) {
		size_t n = strcspn(s, " ");
		bool is_small = false;
		for (size_t i = 0; i < ARRAY_LEN(small); i++)
			is_small |= strlen(small[i]) == n && strncmp(small[i], s, n) == 0;
		if ((first || !is_small) && *s >= 'a' && *s <= 'z') {
			buf_chr(b, (char)(*s - 32));
			buf_add(b, s + 1, n - 1);
		} else {
			buf_add(b, s, n);
		}
		s += n;
		while (*s == ' ')
			buf_chr(b, *s++);
		first = false;
	}
}

/* Title and sub-headline, into the pool. */
static void head_titles(struct rng *r, struct release *rel, struct buf *pool, struct buf *tmp)
{
	const struct kind_text *kt = &kind_texts[rel->kind];
	struct expand_ctx c = {r, rel, pool->p, tmp, 0};

	tmp->len = 0;
	if (rel->layout != L_ARCHIVE && rel->layout != L_BARE && chance(r, 3))
		buf_str(tmp, chance(r, 50) ? "Top Story: " : "TOP STORY: ");
	size_t headline = tmp->len;
	expand(&c, kt->titles[rnd(r, (uint32_t)kt->ntitles)]);
	rel->title = pool_put(pool, tmp->p, tmp->len);

	unsigned share = rel->layout == L_ARCHIVE ? 60 : rel->layout == L_DHS_FLAG ? 30 : 55;
	rel->subtitle = NONE;
	if (rel->layout == L_BARE || !chance(r, share))
		return;
	struct buf sub = {0};
	c.pool = pool->p; /* pool_put may have moved it */
	if (chance(r, 12)) {
		title_case(&sub, pool->p + rel->title + headline);
	} else {
		c.out = &sub;
		expand(&c, PICK(r, subtitles));
	}
	rel->subtitle = pool_put(pool, sub.p, sub.len);
	buf_free(&sub);
}

/* ---- entry names -------------------------------------------------------------- */

/* A file-name slug of s: lower-case ASCII words joined by '-', at most max bytes. */
static void slugify(struct buf *b, const char *s, size_t max)
{
	size_t start = b->len, n = strlen(s), i = 0;
	bool dash = false;
	while (i < n && b->len - start < max) {
		uint32_t cp = utf8_next(s, n, &i);
		char c = cp < 0x80 ? (char)cp : latin1_base(cp);
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (cp == '\'' || cp == 0x2019)
			continue;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && b->len > start)
				buf_chr(b, '-');
			buf_chr(b, c);
			dash = false;
		} else {
			dash = true;
		}
	}
	if (i < n) { /* cut short: end at a word boundary */
		size_t cut = b->len;
		while (cut > start + max / 2 && b->p[cut - 1] != '-')
			cut--;
		if (b->p[cut - 1] == '-')
			b->len = cut - 1;
	}
	if (b->len == start)
		buf_str(b, "release");
}

static void entry_dated_dir(struct rng *r, const struct release *rel, struct buf *b)
{
	switch (pick_weighted(r, (const unsigned[]){60, 15, 10, 10, 5}, 5)) {
	case 0:
		buf_str(b, "releases/");
		buf_pad(b, rel->year, 4), buf_chr(b, '/');
		buf_pad(b, rel->month, 2), buf_chr(b, '/');
		break;
	case 1:
		buf_str(b, "releases/"), buf_pad(b, rel->year, 4), buf_chr(b, '/');
		break;
	case 2:
		buf_str(b, "news/releases/");
		buf_pad(b, rel->year, 4), buf_chr(b, '/');
		buf_pad(b, rel->month, 2), buf_chr(b, '/');
		buf_pad(b, rel->day, 2), buf_chr(b, '/');
		break;
	case 3:
		buf_str(b, "archive/"), buf_pad(b, rel->year, 4), buf_chr(b, '/');
		break;
	default:
		break;
	}
	buf_pad(b, rel->year, 4), buf_chr(b, '-');
	buf_pad(b, rel->month, 2), buf_chr(b, '-');
	buf_pad(b, rel->day, 2), buf_chr(b, '-');
}

/* The entry name (not yet made unique) into b. */
static void head_entry_name(struct rng *r, const struct release *rel, const char *pool,
                            struct buf *b)
{
	static const char *const undated[] = {"releases/undated/", "misc/", "dhs/", "",
	                                      "releases/older/"};
	b->len = 0;
	if (rel->day)
		entry_dated_dir(r, rel, b);
	else
		buf_str(b, PICK(r, undated));
	if (rel->location != NONE && chance(r, 40)) {
		slugify(b,
		        rel->foreign ? foreign_cities[rel->place].name : us_cities[rel->place].name,
		        40);
		buf_chr(b, '-');
	}
	slugify(b, pool + rel->title, 64);
}

/* ==== body and layouts ======================================================= */

struct writer {
	struct rng r;
	const struct release *rel;
	const char *pool;
	struct buf *out;
	uint8_t deck[32], ndeck, dealt; /* see deal_detail() */
};

static void w_text(struct writer *w, const char *t)
{
	struct expand_ctx c = {&w->r, w->rel, w->pool, w->out, 0};
	expand(&c, t);
}

static void w_line(struct writer *w, const char *s)
{
	buf_str(w->out, s);
	buf_chr(w->out, '\n');
}

static void w_blank(struct writer *w)
{
	buf_chr(w->out, '\n');
}

static void w_date(struct writer *w)
{
	const struct release *rel = w->rel;
	struct buf *b = w->out;
	switch (rel->datefmt) {
	case D_ISO:
		buf_pad(b, rel->year, 4), buf_chr(b, '-');
		buf_pad(b, rel->month, 2), buf_chr(b, '-');
		buf_pad(b, rel->day, 2);
		return;
	case D_AP:
		buf_str(b, month_ap[rel->month - 1]);
		break;
	case D_SHORT:
		buf_str(b, month_short[rel->month - 1]);
		break;
	case D_UPPER:
		buf_upper(b, month_names[rel->month - 1]);
		break;
	default:
		buf_str(b, month_names[rel->month - 1]);
		break;
	}
	buf_chr(b, ' ');
	buf_uint(b, rel->day, false);
	buf_str(b, ", ");
	buf_uint(b, rel->year, false);
}

static void w_topics(struct writer *w)
{
	for (unsigned i = 0; i < w->rel->ntopics; i++) {
		if (i && w->rel->topics_comma)
			buf_str(w->out, ", ");
		buf_str(w->out, topic_names[w->rel->topic[i]]);
	}
}

/* The current site's line 2: date, location and topics run together. False when the
 * release has none of them (then there is no such line). */
static bool w_header_line(struct writer *w)
{
	const struct release *rel = w->rel;
	if (!rel->day && rel->location == NONE && !rel->ntopics)
		return false;
	if (rel->day)
		w_date(w);
	if (rel->location != NONE)
		buf_str(w->out, w->pool + rel->location);
	w_topics(w);
	buf_chr(w->out, '\n');
	return true;
}

/* "MEXICO CITY — ", "NEWARK, N.J. – ", "HOUSTON, Texas - ", "MIAMI- ". */
static void w_dateline(struct writer *w)
{
	const struct release *rel = w->rel;
	struct buf *b = w->out;
	if (rel->foreign) {
		buf_upper(b, foreign_cities[rel->place].name);
		buf_str(b, dashes[rel->dash]);
		return;
	}
	const struct us_city *city = &us_cities[rel->place];
	buf_upper(b, city->name);
	switch (rnd(&w->r, 6)) {
	case 0:
	case 1:
		buf_str(b, dashes[rel->dash]);
		break;
	case 2:
	case 3:
		buf_str(b, ", ");
		buf_str(b, states[city->state].ap);
		buf_str(b, dashes[rel->dash]);
		break;
	case 4:
		buf_str(b, ", ");
		buf_str(b, states[city->state].name);
		buf_str(b, " - ");
		break;
	default:
		buf_str(b, "- ");
		break;
	}
}

/* Detail sentences are dealt from a shuffled deck of the kind's and the generic ones,
 * so a release repeats one only after using all. */
static const char *deal_detail(struct writer *w)
{
	const struct kind_text *kt = &kind_texts[w->rel->kind];
	size_t n = kt->ndetails + ARRAY_LEN(details_generic);
	if (n > sizeof w->deck)
		die("internal error: too many detail sentences");
	if (w->dealt == w->ndeck) {
		w->ndeck = (uint8_t)n;
		for (size_t i = 0; i < n; i++)
			w->deck[i] = (uint8_t)i;
		for (size_t i = n - 1; i > 0; i--) {
			size_t j = rnd(&w->r, (uint32_t)(i + 1));
			uint8_t t = w->deck[i];
			w->deck[i] = w->deck[j];
			w->deck[j] = t;
		}
		w->dealt = 0;
	}
	uint8_t k = w->deck[w->dealt++];
	return k < kt->ndetails ? kt->details[k] : details_generic[k - kt->ndetails];
}

/* One sentence from a template, its first letter a capital ("The FBI", not "the FBI"). */
static void w_sentence(struct writer *w, const char *t)
{
	size_t at = w->out->len;
	w_text(w, t);
	char *first = w->out->p + at;
	if (*first >= 'a' && *first <= 'z')
		*first = (char)(*first - 32);
}

static void w_details(struct writer *w, unsigned count)
{
	for (unsigned i = 0; i < count; i++) {
		if (i)
			buf_chr(w->out, ' ');
		w_sentence(w, deal_detail(w));
	}
}

/* Body paragraphs, one a line, with blank lines between when blank_between. */
static void w_body(struct writer *w, bool blank_between)
{
	const struct kind_text *kt = &kind_texts[w->rel->kind];
	struct rng *r = &w->r;
	size_t start = w->out->len, target;
	switch (pick_weighted(r, (const unsigned[]){8, 75, 12, 5}, 4)) {
	case 0:
		target = (size_t)rnd_range(r, 500, 1600);
		break;
	case 1:
		target = (size_t)rnd_range(r, 1500, 4200);
		break;
	case 2:
		target = (size_t)rnd_range(r, 4600, 9000);
		break;
	default:
		target = (size_t)rnd_range(r, 9000, 20000);
		break;
	}
	const char *sep = blank_between ? "\n\n" : "\n";

	w_dateline(w);
	w_sentence(w, kt->leads[rnd(r, (uint32_t)kt->nleads)]);
	buf_chr(w->out, ' ');
	w_details(w, (unsigned)rnd_range(r, 1, 2));
	bool quoted = false;
	while (w->out->len - start < target) {
		buf_str(w->out, sep);
		if (!quoted && chance(r, 35)) {
			w_text(w, PICK(r, quote_paragraphs));
			quoted = true;
			continue;
		}
		w_details(w, (unsigned)rnd_range(r, 2, 5));
		quoted = false;
	}
	if (chance(r, 80)) {
		buf_str(w->out, sep);
		w_sentence(w, PICK(r, closings));
	}
	buf_chr(w->out, '\n');
}

static void w_updated_footer(struct writer *w)
{
	const struct release *rel = w->rel;
	struct rng *r = &w->r;
	int y, m, d;
	if (!chance(r, 88))
		return;
	if (rel->day)
		civil_from_days(days_from_civil(rel->year, rel->month, rel->day) + rnd(r, 900), &y,
		                &m, &d);
	else
		civil_from_days(days_from_civil(2008, 1, 1) + rnd(r, 6200), &y, &m, &d);
	w_blank(w);
	buf_str(w->out, "Updated: ");
	buf_pad(w->out, (unsigned)m, 2), buf_chr(w->out, '/');
	buf_pad(w->out, (unsigned)d, 2), buf_chr(w->out, '/');
	buf_pad(w->out, (unsigned)y, 4), buf_chr(w->out, '\n');
	if (chance(r, 30)) {
		unsigned n = (unsigned)rnd_range(r, 1, 4), first = rnd(r, ARRAY_LEN(boilerplate));
		for (unsigned i = 0; i < n; i++)
			w_line(w, boilerplate[(first + i) % ARRAY_LEN(boilerplate)]);
	}
}

static void w_title_block(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	w_blank(w);
	if (w->rel->subtitle != NONE) {
		w_line(w, w->pool + w->rel->subtitle);
		w_blank(w);
	}
}

/* skip-main and skip-main-official: the current site. */
static void layout_skip(struct writer *w)
{
	w_line(w, "Skip to main content");
	if (w->rel->layout == L_SKIP_OFFICIAL) {
		if (chance(&w->r, 50))
			w_line(w, "U.S. flag");
		w_blank(w);
		w_line(w, "An official website of the United States government");
		if (chance(&w->r, 50))
			w_line(w, w->rel->curly ? "Here’s how you know" : "Here's how you know");
		w_blank(w);
	}
	if (!w_header_line(w) && w->rel->layout == L_SKIP_OFFICIAL)
		w->out->len--; /* no second blank line in a row */
	w_blank(w);
	w_title_block(w);
	w_body(w, true);
	w_updated_footer(w);
}

/* dhs-flag: the older DHS site, a topic line and the title; no date or location. */
static void layout_dhs_flag(struct writer *w)
{
	w_line(w, "United States Flag");
	w_line(w, "Official Website of the Department of Homeland Security");
	w_blank(w);
	w_line(w, "Report Crimes: Email or Call 1-866-DHS-2-ICE");
	w_blank(w);
	if (w->rel->ntopics) {
		w_topics(w);
		buf_chr(w->out, '\n');
		w_blank(w);
	}
	w_title_block(w);
	w_body(w, true);
}

/* The archived site: "News Releases", the date, maybe a location, the title with its
 * sub-headline right under it. */
static void layout_archive(struct writer *w)
{
	struct rng *r = &w->r;
	const struct release *rel = w->rel;
	if (chance(r, 15)) {
		w_line(w, w->pool + rel->title);
		w_blank(w);
	}
	w_line(w, "News Releases");
	w_blank(w);
	if (chance(r, 25))
		w_blank(w);
	w_date(w);
	buf_chr(w->out, '\n');
	if (rel->location != NONE)
		w_line(w, w->pool + rel->location);
	w_blank(w);
	w_line(w, w->pool + rel->title);
	if (rel->subtitle != NONE)
		w_line(w, w->pool + rel->subtitle);
	w_blank(w);
	w_body(w, true);
}

/* bare: the title on line 1, then the paragraphs. */
static void layout_bare(struct writer *w)
{
	w_line(w, w->pool + w->rel->title);
	bool blank = chance(&w->r, 20);
	if (blank)
		w_blank(w);
	w_body(w, blank);
}

/* The release's text, UTF-8 with '\n' line ends. */
static void write_release_text(struct writer *w)
{
	switch (w->rel->layout) {
	case L_SKIP:
	case L_SKIP_OFFICIAL:
		layout_skip(w);
		break;
	case L_DHS_FLAG:
		layout_dhs_flag(w);
		break;
	case L_ARCHIVE:
		layout_archive(w);
		break;
	default:
		layout_bare(w);
		break;
	}
}

/* ==== encoders =============================================================== */

static void to_crlf(const struct buf *in, struct buf *out)
{
	out->len = 0;
	for (size_t i = 0; i < in->len; i++) {
		if (in->p[i] == '\n')
			buf_chr(out, '\r');
		buf_chr(out, in->p[i]);
	}
}

static int cp1252_byte(uint32_t cp)
{
	static const uint16_t high[32] = {
	        0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
	        0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
	};
	if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
		return (int)cp;
	for (int i = 0; i < 32; i++)
		if (high[i] && high[i] == cp)
			return 0x80 + i;
	return -1;
}

/* Length of a valid, shortest-form UTF-8 multi-byte sequence at p, or 0. */
static size_t utf8_valid_seq(const unsigned char *p, size_t n)
{
	size_t len;
	uint32_t cp, min;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		len = 2, cp = p[0] & 0x1F, min = 0x80;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		len = 3, cp = p[0] & 0x0F, min = 0x800;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		len = 4, cp = p[0] & 0x07, min = 0x10000;
	else
		return 0;
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return len;
}

/* cp1252 bytes of UTF-8 text. False when a character has no cp1252 byte, or when the
 * bytes would read back differently: a reader takes any valid UTF-8 sequence as
 * UTF-8 and only the rest as cp1252, so "Ã©" must not occur. */
static bool to_cp1252(const struct buf *in, struct buf *out)
{
	out->len = 0;
	size_t i = 0;
	while (i < in->len) {
		int c = cp1252_byte(utf8_next(in->p, in->len, &i));
		if (c < 0)
			return false;
		buf_chr(out, (char)c);
	}
	for (size_t j = 0; j < out->len; j++)
		if (utf8_valid_seq((const unsigned char *)out->p + j, out->len - j))
			return false;
	return true;
}

static void to_utf16le(const struct buf *in, struct buf *out)
{
	out->len = 0;
	buf_add(out, "\xFF\xFE", 2);
	size_t i = 0;
	while (i < in->len) {
		uint32_t cp = utf8_next(in->p, in->len, &i);
		uint16_t units[2];
		int n = 1;
		if (cp >= 0x10000) {
			units[0] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			units[1] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
			n = 2;
		} else {
			units[0] = (uint16_t)cp;
		}
		for (int k = 0; k < n; k++) {
			buf_chr(out, (char)(units[k] & 0xFF));
			buf_chr(out, (char)(units[k] >> 8));
		}
	}
}

/* The file's bytes from the text: an encoding and line ends drawn from r. Returns
 * the buffer that holds them: out, tmp or text itself. */
static const struct buf *encode_release(struct rng *r, bool plain, struct buf *text,
                                        struct buf *tmp, struct buf *out)
{
	static const unsigned w[] = {
	        [E_UTF8] = 82, [E_UTF8_BOM] = 6, [E_CP1252] = 9, [E_UTF16LE] = 3};
	enum encoding enc = plain ? E_UTF8 : (enum encoding)pick_weighted(r, w, ARRAY_LEN(w));
	struct buf *src = text;
	if (!plain && chance(r, 6)) {
		to_crlf(text, tmp);
		src = tmp;
	}
	switch (enc) {
	case E_CP1252:
		if (to_cp1252(src, out))
			return out;
		return src; /* not representable: UTF-8 after all */
	case E_UTF16LE:
		to_utf16le(src, out);
		return out;
	case E_UTF8_BOM:
		out->len = 0;
		buf_add(out, "\xEF\xBB\xBF", 3);
		buf_add(out, src->p, src->len);
		return out;
	default:
		return src;
	}
}

/* ==== hashing and sets ======================================================= */

static uint64_t hash_bytes(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0x243F6A8885A308D3u ^ n;
	while (n >= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		h = rotl((h ^ v) * 0x9E3779B97F4A7C15u, 29);
		p += 8;
		n -= 8;
	}
	uint64_t v = 0;
	memcpy(&v, p, n);
	h = (h ^ v) * 0xBF58476D1CE4E5B9u;
	return h ^ (h >> 31);
}

/* An open-addressing set of 64-bit hashes (0 stands for empty). */
struct hashset {
	uint64_t *slot;
	size_t mask, count;
};

static void hashset_init(struct hashset *s, size_t expect)
{
	size_t n = 64;
	while (n < expect * 2)
		n *= 2;
	s->slot = xcalloc(n, sizeof *s->slot);
	s->mask = n - 1;
	s->count = 0;
}

/* Adds h; false when it was there already. */
static bool hashset_add(struct hashset *s, uint64_t h)
{
	h |= 1;
	for (size_t i = h & s->mask;; i = (i + 1) & s->mask) {
		if (s->slot[i] == h)
			return false;
		if (!s->slot[i]) {
			s->slot[i] = h;
			s->count++;
			return true;
		}
	}
}

/* Entry names, kept exactly (a table of pool offsets by hash). */
struct nameset {
	size_t *slot; /* pool offset + 1; 0 empty */
	size_t mask;
};

static void nameset_init(struct nameset *s, size_t expect)
{
	size_t n = 64;
	while (n < expect * 2)
		n *= 2;
	s->slot = xcalloc(n, sizeof *s->slot);
	s->mask = n - 1;
}

static bool nameset_has(const struct nameset *s, const struct buf *pool, const char *name)
{
	for (size_t i = hash_bytes(name, strlen(name)) & s->mask; s->slot[i]; i = (i + 1) & s->mask)
		if (strcmp(pool->p + s->slot[i] - 1, name) == 0)
			return true;
	return false;
}

static void nameset_add(struct nameset *s, const struct buf *pool, size_t off)
{
	const char *name = pool->p + off;
	size_t i = hash_bytes(name, strlen(name)) & s->mask;
	while (s->slot[i])
		i = (i + 1) & s->mask;
	s->slot[i] = off + 1;
}

/* ==== the corpus ============================================================= */

enum entry_kind {
	ENT_RELEASE,
	ENT_COPY,
	ENT_DIR,
	ENT_PNG,
	ENT_DS_STORE,
	ENT_APPLEDOUBLE,
	ENT_EMPTY
};

struct entry {
	size_t name; /* pool offset */
	uint8_t kind;
	uint32_t rel; /* the release, for ENT_RELEASE and ENT_COPY */
};

struct corpus {
	uint64_t seed;
	struct gen_opts opts;
	struct buf pool;
	struct release *rel;
	size_t nrel;
	struct entry *ent;
	size_t nent, capent;
	struct nameset names;
};

/* Adds an entry named by the contents of name, made unique with "-2", "-3"… before the
 * extension when needed. */
static size_t corpus_add_entry(struct corpus *c, struct buf *name, enum entry_kind kind,
                               uint32_t rel)
{
	const char *s = buf_cstr(name);
	if (nameset_has(&c->names, &c->pool, s)) {
		const char *dot = strrchr(s, '.');
		size_t stem = dot && !strchr(dot, '/') ? (size_t)(dot - s) : name->len;
		struct buf alt = {0};
		for (unsigned k = 2;; k++) {
			alt.len = 0;
			buf_add(&alt, s, stem);
			buf_chr(&alt, '-');
			buf_uint(&alt, k, false);
			buf_str(&alt, s + stem);
			if (!nameset_has(&c->names, &c->pool, buf_cstr(&alt)))
				break;
		}
		name->len = 0;
		buf_add(name, alt.p, alt.len);
		buf_free(&alt);
	}
	if (c->nent == c->capent) {
		c->capent = c->capent ? c->capent * 2 : 1024;
		c->ent = xrealloc(c->ent, c->capent * sizeof *c->ent);
	}
	size_t off = pool_put(&c->pool, name->p, name->len);
	nameset_add(&c->names, &c->pool, off);
	c->ent[c->nent] = (struct entry){off, (uint8_t)kind, rel};
	return c->nent++;
}

/* Pass 1 for one release: its header fields and its entry. */
static void corpus_head(struct corpus *c, uint32_t i, struct buf *tmp)
{
	struct release *rel = &c->rel[i];
	struct rng r;
	rng_init(&r, c->seed, STREAM_HEAD, i);
	*rel = (struct release){.copy = -1};

	head_layout(&r, rel, &c->opts);
	head_date(&r, rel, &c->opts);
	tmp->len = 0;
	enum locform f = head_location(&r, rel, &c->opts, tmp);
	rel->location = f == LF_NONE ? NONE : pool_put(&c->pool, tmp->p, tmp->len);
	head_story(&r, rel, &c->pool, tmp);
	head_office(&r, rel);
	head_topics(&r, rel, &c->opts);
	head_titles(&r, rel, &c->pool, tmp);
	head_entry_name(&r, rel, c->pool.p, tmp);
	buf_str(tmp, ".txt");
	size_t k = corpus_add_entry(c, tmp, ENT_RELEASE, i);
	rel->entry = c->ent[k].name;
}

/* Exact copies of a few releases, under a name that sorts after the original's. */
static void corpus_copies(struct corpus *c, struct rng *r, struct buf *tmp)
{
	static const char *const suffix[] = {"_copy", "_2", "_old"};
	size_t want = c->nrel < 4 ? 0 : c->nrel / 200 + 2, tries = want * 4;
	while (want && tries--) {
		uint32_t i = rnd(r, (uint32_t)c->nrel);
		struct release *rel = &c->rel[i];
		if (rel->copy >= 0)
			continue;
		const char *name = c->pool.p + rel->entry;
		size_t stem = strlen(name) - 4; /* ".txt" */
		tmp->len = 0;
		buf_add(tmp, name, stem);
		buf_str(tmp, PICK(r, suffix));
		buf_str(tmp, ".txt");
		rel->copy = (int32_t)corpus_add_entry(c, tmp, ENT_COPY, i);
		want--;
	}
}

/* Entries that are not releases: directories, binaries, an empty file. */
static void corpus_junk(struct corpus *c, struct rng *r, struct buf *tmp)
{
	static const char *const dirs[] = {"releases/", "releases/empty/", "__MACOSX/"};
	for (size_t i = 0; i < ARRAY_LEN(dirs); i++) {
		tmp->len = 0;
		buf_str(tmp, dirs[i]);
		corpus_add_entry(c, tmp, ENT_DIR, 0);
	}
	size_t scale = c->nrel / 2000;
	for (size_t i = 0; i <= c->nrel / 5000; i++) {
		tmp->len = 0;
		buf_str(tmp, i % 2 ? "releases/images/photo-" : "releases/images/seal-");
		buf_uint(tmp, i + 1, false);
		buf_str(tmp, i % 3 == 2 ? ".txt" : ".png");
		corpus_add_entry(c, tmp, ENT_PNG, 0);
	}
	tmp->len = 0;
	buf_str(tmp, ".DS_Store");
	corpus_add_entry(c, tmp, ENT_DS_STORE, 0);
	tmp->len = 0;
	buf_str(tmp, "releases/.DS_Store");
	corpus_add_entry(c, tmp, ENT_DS_STORE, 0);
	for (size_t i = 0; i <= scale && c->nrel; i++) {
		const char *name = c->pool.p + c->rel[rnd(r, (uint32_t)c->nrel)].entry;
		const char *base = strrchr(name, '/');
		tmp->len = 0;
		buf_str(tmp, "__MACOSX/");
		buf_add(tmp, name, base ? (size_t)(base - name + 1) : 0);
		buf_str(tmp, "._");
		buf_str(tmp, base ? base + 1 : name);
		corpus_add_entry(c, tmp, ENT_APPLEDOUBLE, 0);
	}
	tmp->len = 0;
	buf_str(tmp, "releases/drafts/untitled.txt");
	corpus_add_entry(c, tmp, ENT_EMPTY, 0);
}

static const char *sort_pool;

static int entry_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	return strcmp(sort_pool + x->name, sort_pool + y->name);
}

static void corpus_build(struct corpus *c, size_t count)
{
	struct buf tmp = {0};
	c->nrel = count;
	c->rel = xcalloc(count, sizeof *c->rel);
	nameset_init(&c->names, count + count / 100 + 64);
	for (size_t i = 0; i < count; i++)
		corpus_head(c, (uint32_t)i, &tmp);
	if (!c->opts.plain) {
		struct rng r;
		rng_init(&r, c->seed, STREAM_CORPUS, 0);
		corpus_copies(c, &r, &tmp);
		rng_init(&r, c->seed, STREAM_JUNK, 0);
		corpus_junk(c, &r, &tmp);
	}
	buf_free(&tmp);
	sort_pool = c->pool.p;
	qsort(c->ent, c->nent, sizeof *c->ent, entry_cmp);
	for (size_t k = 0; k < c->nent; k++)
		if (c->ent[k].kind == ENT_COPY)
			c->rel[c->ent[k].rel].copy = (int32_t)k;
}

static void corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->nrel; i++)
		free(c->rel[i].bytes);
	free(c->rel);
	free(c->ent);
	free(c->names.slot);
	buf_free(&c->pool);
}

/* ==== junk content =========================================================== */

static void junk_bytes(struct rng *r, enum entry_kind kind, struct buf *out)
{
	static const unsigned char png[] = {0x89, 'P',  'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0,
	                                    0,    0x0D, 'I', 'H', 'D',  'R',  0,    0,    1, 0x40};
	static const unsigned char ds_store[] = {0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0, 0x10, 0};
	static const unsigned char apple[] = {0,   5,   0x16, 7,   0,   2,   0,   0,
	                                      'M', 'a', 'c',  ' ', 'O', 'S', ' ', 'X',
	                                      ' ', ' ', ' ',  ' ', ' ', ' ', ' ', ' '};
	out->len = 0;
	size_t n;
	switch (kind) {
	case ENT_PNG:
		buf_add(out, png, sizeof png), n = (size_t)rnd_range(r, 200, 3000);
		break;
	case ENT_DS_STORE:
		buf_add(out, ds_store, sizeof ds_store), n = 6132;
		break;
	case ENT_APPLEDOUBLE:
		buf_add(out, apple, sizeof apple), n = 4072;
		break;
	default:
		return;
	}
	for (size_t i = 0; i < n; i++)
		buf_chr(out, rnd(r, 4) ? 0 : (char)rnd(r, 256));
}

/* ==== output: an archive or a directory ====================================== */

struct format {
	const char *name;
	int (*set_format)(struct archive *);
	int (*add_filter)(struct archive *);
	const char *options;
};

static const struct format formats[] = {
        {"tar.gz", archive_write_set_format_pax_restricted, archive_write_add_filter_gzip,
         "gzip:!timestamp"},
        {"tar.bz2", archive_write_set_format_pax_restricted, archive_write_add_filter_bzip2, NULL},
        {"tar.xz", archive_write_set_format_pax_restricted, archive_write_add_filter_xz, NULL},
        {"tar.zst", archive_write_set_format_pax_restricted, archive_write_add_filter_zstd, NULL},
        {"tar.lz4", archive_write_set_format_pax_restricted, archive_write_add_filter_lz4, NULL},
        {"tar", archive_write_set_format_pax_restricted, NULL, NULL},
        {"zip", archive_write_set_format_zip, NULL, NULL},
        {"7z", archive_write_set_format_7zip, NULL, NULL},
        {"dir", NULL, NULL, NULL},
};

struct sink {
	const struct format *fmt;
	struct archive *a;
	struct archive_entry *e;
	const char *dir;
	struct buf path;
};

static void sink_check_archive(struct sink *s, int rc, const char *what)
{
	if (rc != ARCHIVE_OK)
		die("%s: %s", what, archive_error_string(s->a));
}

static void dir_must_be_empty(const char *dir)
{
	if (mkdir(dir, 0755) == 0)
		return;
	if (errno != EEXIST)
		die("%s: %s", dir, strerror(errno));
	DIR *d = opendir(dir);
	if (!d)
		die("%s: %s", dir, strerror(errno));
	struct dirent *de;
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			die("%s: the output directory must be new or empty", dir);
	closedir(d);
}

static void sink_open(struct sink *s, const struct format *fmt, const char *output)
{
	*s = (struct sink){.fmt = fmt};
	if (!fmt->set_format) {
		s->dir = output;
		dir_must_be_empty(output);
		return;
	}
	s->a = archive_write_new();
	s->e = archive_entry_new();
	if (!s->a || !s->e)
		die("out of memory");
	sink_check_archive(s, fmt->set_format(s->a), "archive format");
	if (fmt->add_filter)
		sink_check_archive(s, fmt->add_filter(s->a), "archive filter");
	if (fmt->options)
		sink_check_archive(s, archive_write_set_options(s->a, fmt->options), fmt->options);
	if (archive_write_open_filename(s->a, output) != ARCHIVE_OK)
		die("%s: %s", output, archive_error_string(s->a));
}

/* mkdir -p of the directories above the path in s->path from byte `from` on. */
static void dir_make_parents(struct sink *s, size_t from)
{
	char *p = s->path.p;
	for (size_t i = from; i < s->path.len; i++) {
		if (p[i] != '/')
			continue;
		p[i] = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			die("%s: %s", p, strerror(errno));
		p[i] = '/';
	}
}

static void dir_write(struct sink *s, const char *name, bool is_dir, const void *data, size_t n)
{
	s->path.len = 0;
	buf_str(&s->path, s->dir);
	buf_chr(&s->path, '/');
	size_t from = s->path.len;
	buf_str(&s->path, name);
	const char *path = buf_cstr(&s->path);
	dir_make_parents(s, from);
	if (is_dir)
		return; /* the name ends in '/': made above */
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
	if (fd < 0)
		die("%s: %s", path, strerror(errno));
	const char *p = data;
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			die("%s: %s", path, strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	const struct timespec times[2] = {{FIXED_MTIME, 0}, {FIXED_MTIME, 0}};
	futimens(fd, times);
	if (close(fd) != 0)
		die("%s: %s", path, strerror(errno));
}

static void sink_write(struct sink *s, const char *name, bool is_dir, const void *data, size_t n)
{
	if (s->dir) {
		dir_write(s, name, is_dir, data, n);
		return;
	}
	struct archive_entry *e = s->e;
	archive_entry_clear(e);
	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, is_dir ? AE_IFDIR : AE_IFREG);
	archive_entry_set_perm(e, is_dir ? 0755 : 0644);
	archive_entry_set_size(e, is_dir ? 0 : (la_int64_t)n);
	archive_entry_set_mtime(e, FIXED_MTIME, 0);
	archive_entry_set_uid(e, 0);
	archive_entry_set_gid(e, 0);
	archive_entry_set_uname(e, "root");
	archive_entry_set_gname(e, "root");
	if (archive_write_header(s->a, e) != ARCHIVE_OK)
		die("%s: %s", name, archive_error_string(s->a));
	if (n && !is_dir && archive_write_data(s->a, data, n) != (la_ssize_t)n)
		die("%s: %s", name, archive_error_string(s->a));
}

static void sink_close(struct sink *s)
{
	if (s->a) {
		if (archive_write_close(s->a) != ARCHIVE_OK)
			die("closing the archive: %s", archive_error_string(s->a));
		archive_write_free(s->a);
		archive_entry_free(s->e);
	}
	buf_free(&s->path);
}

/* ==== pass 2: writing ======================================================== */

struct bodies {
	struct buf text, tmp, bytes;
	struct hashset seen; /* hashes of every release text written */
};

/* The release's bytes, its text unique in the corpus. */
static const struct buf *make_release(struct corpus *c, uint32_t i, struct bodies *b)
{
	const struct release *rel = &c->rel[i];
	struct writer w = {.rel = rel, .pool = c->pool.p, .out = &b->text};
	for (uint64_t attempt = 0;; attempt++) {
		rng_init(&w.r, c->seed, STREAM_BODY, (uint64_t)i << 16 | attempt);
		b->text.len = 0;
		write_release_text(&w);
		if (hashset_add(&b->seen, hash_bytes(b->text.p, b->text.len)))
			break;
	}
	return encode_release(&w.r, c->opts.plain, &b->text, &b->tmp, &b->bytes);
}

static void corpus_write(struct corpus *c, const struct format *fmt, const char *output)
{
	struct sink sink;
	struct bodies b = {0};
	hashset_init(&b.seen, c->nrel);
	sink_open(&sink, fmt, output);
	for (size_t k = 0; k < c->nent; k++) {
		const struct entry *e = &c->ent[k];
		const char *name = c->pool.p + e->name;
		struct release *rel = &c->rel[e->rel];
		const struct buf *bytes;
		struct rng r;
		switch (e->kind) {
		case ENT_RELEASE:
			bytes = make_release(c, e->rel, &b);
			sink_write(&sink, name, false, bytes->p, bytes->len);
			if (rel->copy >= 0) {
				rel->bytes = xrealloc(NULL, bytes->len);
				memcpy(rel->bytes, bytes->p, bytes->len);
				rel->nbytes = bytes->len;
			}
			break;
		case ENT_COPY:
			if (!rel->bytes)
				die("internal error: %s comes before its original", name);
			sink_write(&sink, name, false, rel->bytes, rel->nbytes);
			free(rel->bytes);
			rel->bytes = NULL;
			break;
		case ENT_DIR:
			sink_write(&sink, name, true, NULL, 0);
			break;
		case ENT_EMPTY:
			sink_write(&sink, name, false, "", 0);
			break;
		default:
			rng_init(&r, c->seed, STREAM_JUNK, k + 1);
			junk_bytes(&r, e->kind, &b.bytes);
			sink_write(&sink, name, false, b.bytes.p, b.bytes.len);
			break;
		}
	}
	sink_close(&sink);
	buf_free(&b.text);
	buf_free(&b.tmp);
	buf_free(&b.bytes);
	free(b.seen.slot);
}

/* ==== truth ================================================================== */

static void json_string(FILE *f, const char *s)
{
	putc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", f);
			break;
		case '\\':
			fputs("\\\\", f);
			break;
		case '\n':
			fputs("\\n", f);
			break;
		case '\r':
			fputs("\\r", f);
			break;
		case '\t':
			fputs("\\t", f);
			break;
		default:
			if (*p < 0x20 || *p == 0x7F)
				fprintf(f, "\\u%04x", *p);
			else
				putc(*p, f);
		}
	}
	putc('"', f);
}

static void json_opt_string(FILE *f, const char *pool, size_t off)
{
	if (off == NONE)
		fputs("null", f);
	else
		json_string(f, pool + off);
}

static void truth_line(FILE *f, const struct release *rel, const char *pool)
{
	fputs("{\"entry\":", f);
	json_string(f, pool + rel->entry);
	fputs(",\"date\":", f);
	if (rel->day)
		fprintf(f, "\"%04u-%02u-%02u\"", (unsigned)rel->year, (unsigned)rel->month,
		        (unsigned)rel->day);
	else
		fputs("null", f);
	fputs(",\"location\":", f);
	json_opt_string(f, pool, rel->location);
	fputs(",\"topics\":[", f);
	for (unsigned i = 0; i < rel->ntopics; i++) {
		if (i)
			putc(',', f);
		json_string(f, topic_names[rel->topic[i]]);
	}
	fputs("],\"title\":", f);
	json_string(f, pool + rel->title);
	fputs(",\"subtitle\":", f);
	json_opt_string(f, pool, rel->subtitle);
	fputs("}\n", f);
}

static void truth_write(const struct corpus *c, const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("%s: %s", path, strerror(errno));
	for (size_t k = 0; k < c->nent; k++)
		if (c->ent[k].kind == ENT_RELEASE)
			truth_line(f, &c->rel[c->ent[k].rel], c->pool.p);
	if (ferror(f) | fclose(f))
		die("%s: write error", path);
}

/* ==== command line =========================================================== */

static const char usage_text[] =
        "Usage: relgen [-n COUNT] [-s SEED] [-f FORMAT] [--truth FILE] [--plain] OUTPUT\n"
        "Write COUNT synthetic press releases into OUTPUT, with ground truth.\n"
        "\n"
        "  -n, --count COUNT    releases to write (default 1000)\n"
        "  -s, --seed SEED      random seed (default 1); the same options give\n"
        "                       byte-identical output\n"
        "  -f, --format FORMAT  tar.gz (default), tar.bz2, tar.xz, tar.zst, tar.lz4,\n"
        "                       tar, zip, 7z, or dir (plain files under the directory\n"
        "                       OUTPUT, which must be new or empty)\n"
        "      --truth FILE     write the ground truth as JSON Lines, one object per\n"
        "                       release, sorted by entry: entry, date, location,\n"
        "                       topics, title, subtitle\n"
        "      --plain          only the current page layout, in UTF-8, with every\n"
        "                       header field; no junk entries and no duplicates\n"
        "  -h, --help           show this help\n"
        "\n"
        "Without --plain the corpus is messy like real archives: several page layouts,\n"
        "date and location forms, topics run together, UTF-8 with and without BOM,\n"
        "CRLF, cp1252 and UTF-16LE files, junk entries and exact duplicates (neither\n"
        "has a truth line).\n";

static void usage(FILE *f)
{
	fputs(usage_text, f);
}

struct options {
	unsigned long count;
	uint64_t seed;
	const struct format *format;
	const char *truth, *output;
	bool plain;
};

static unsigned long long parse_number(const char *s, unsigned long long max, const char *what)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (!*s || *s == '-' || *end || errno || v > max)
		die("invalid %s: '%s' (0 to %llu)", what, s, max);
	return v;
}

static const struct format *find_format(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(formats); i++)
		if (strcmp(formats[i].name, name) == 0)
			return &formats[i];
	die("unknown format '%s' (see --help)", name);
}

static void parse_options(int argc, char **argv, struct options *o)
{
	enum { OPT_TRUTH = 256, OPT_PLAIN };
	static const struct option longopts[] = {
	        {"count", required_argument, NULL, 'n'},
	        {"seed", required_argument, NULL, 's'},
	        {"format", required_argument, NULL, 'f'},
	        {"truth", required_argument, NULL, OPT_TRUTH},
	        {"plain", no_argument, NULL, OPT_PLAIN},
	        {"help", no_argument, NULL, 'h'},
	        {NULL, 0, NULL, 0},
	};
	*o = (struct options){.count = 1000, .seed = 1, .format = &formats[0]};
	int ch;
	while ((ch = getopt_long(argc, argv, "n:s:f:h", longopts, NULL)) != -1) {
		switch (ch) {
		case 'n':
			o->count = (unsigned long)parse_number(optarg, MAX_COUNT, "count");
			break;
		case 's':
			o->seed = parse_number(optarg, UINT64_MAX, "seed");
			break;
		case 'f':
			o->format = find_format(optarg);
			break;
		case OPT_TRUTH:
			o->truth = optarg;
			break;
		case OPT_PLAIN:
			o->plain = true;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			exit(2);
		}
	}
	if (optind != argc - 1) {
		usage(stderr);
		exit(2);
	}
	o->output = argv[optind];
}

int main(int argc, char **argv)
{
	struct options o;
	parse_options(argc, argv, &o);
	/* Zip stores local times: make them the same everywhere. */
	setenv("TZ", "UTC0", 1);
	tzset();

	struct corpus c = {.seed = o.seed, .opts = {.plain = o.plain}};
	corpus_build(&c, o.count);
	corpus_write(&c, o.format, o.output);
	if (o.truth)
		truth_write(&c, o.truth);
	corpus_free(&c);
	return 0;
}
