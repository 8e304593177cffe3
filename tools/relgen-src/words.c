#include "config.h"

/* words.c — the vocabulary tables (see words.h). Their order is part of the output:
 * a release draws indices into them, so reordering or adding words changes every
 * corpus. */

#include "words.h"

/* The ICE topic names a release header may carry. Every one must be in the project's
 * vocabulary (data/topics.txt) for a parser to split them. */
const char *const topic_names[] = {
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
TABLE_LEN(topic_names);

const struct state states[] = {
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
TABLE_LEN(states);

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

/* Index 0 is Washington, DC, which gets a share of its own, and Puerto Rico's three
 * cities come just before the last (head.c draws them by position). Names with inner
 * capitals, apostrophes and accents are here on purpose. */
const struct us_city us_cities[] = {
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
TABLE_LEN(us_cities);

const struct foreign_city foreign_cities[] = {
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
TABLE_LEN(foreign_cities);

const struct nation nations[] = {
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
TABLE_LEN(nations);

/* What a fugitive is wanted for. */
const char *const crimes[] = {
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
TABLE_LEN(crimes);

/* What an investigation, a task force or a training is about. */
const char *const issues[] = {
        "human trafficking",    "gang violence",      "cyber crime",       "document fraud",
        "arms trafficking",     "child exploitation", "money laundering",  "counterfeiting",
        "drug trafficking",     "human smuggling",    "export violations", "benefit fraud",
        "wildlife trafficking", "trade fraud",        "identity theft",    "labor exploitation",
};
TABLE_LEN(issues);

/* What a court convicts of. */
const char *const charges[] = {
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
TABLE_LEN(charges);

const char *const drugs[] = {
        "methamphetamine",
        "cocaine",
        "heroin",
        "fentanyl",
        "marijuana",
        "MDMA",
        "liquid methamphetamine",
        "fentanyl-laced pills",
};
TABLE_LEN(drugs);

const char *const goods[] = {
        "counterfeit handbags",      "counterfeit airbag modules",
        "pirated video discs",       "counterfeit medicines",
        "fake designer watches",     "counterfeit phone chargers",
        "knockoff sports jerseys",   "counterfeit cosmetics",
        "bootleg software licenses", "counterfeit toys",
        "fake auto parts",           "counterfeit perfume",
};
TABLE_LEN(goods);

const char *const artifacts[] = {
        "pre-Columbian artifacts", "colonial-era paintings",   "ancient coins",
        "stolen manuscripts",      "ceremonial masks",         "dinosaur fossils",
        "terracotta figurines",    "religious icons",          "looted antiquities",
        "archaeological pieces",   "historical documents",     "carved stone reliefs",
        "bronze statuettes",       "illuminated prayer books",
};
TABLE_LEN(artifacts);

const char *const partners[] = {
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
TABLE_LEN(partners);

const char *const officials[] = {
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
TABLE_LEN(officials);

const char *const venues[] = {
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
TABLE_LEN(venues);

const char *const op_first[] = {
        "Iron", "Silver", "Northern", "Coastal", "Desert",   "Crimson", "Granite",
        "Blue", "Falcon", "Open",     "Twin",    "Midnight", "Clear",   "Broken",
        "Safe", "Stone",  "Cross",    "High",    "Quiet",    "Red",     "Long",
};
TABLE_LEN(op_first);

const char *const op_second[] = {
        "Tide",    "Harbor",  "Sentinel", "Bridge", "Gate",    "Ridge",   "Shield",
        "Lantern", "Compass", "Anchor",   "Arrow",  "Horizon", "Current", "Summit",
        "Thread",  "Key",     "Trail",    "Mesa",   "Forge",   "Signal",  "Net",
};
TABLE_LEN(op_second);

const char *const weekdays[] = {
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
TABLE_LEN(weekdays);

const char *const month_names[] = {
        "January", "February", "March",     "April",   "May",      "June",
        "July",    "August",   "September", "October", "November", "December",
};
TABLE_LEN(month_names);

const char *const month_short[] = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
TABLE_LEN(month_short);

/* Associated Press month style: "Sept. 15", but "March 11". */
const char *const month_ap[] = {
        "Jan.", "Feb.", "March", "April", "May",  "June",
        "July", "Aug.", "Sept.", "Oct.",  "Nov.", "Dec.",
};
TABLE_LEN(month_ap);

/* Syllables for people's names. Initial syllables are ASCII with a capital. */
const char *const given_onset[] = {
        "Ma", "Lu",  "Ro",  "Da",  "Ele", "Ga", "Te", "Vi", "Al",  "Ka",   "Mi", "Sa", "Jo",
        "Re", "Ca",  "Be",  "No",  "A",   "I",  "Fe", "Ta", "O",   "Ha",   "Pe", "Ze", "Li",
        "E",  "Bra", "Cle", "Dro", "Fa",  "Ni", "Su", "Ya", "Wen", "Ster", "Gi", "Ju", "Mar",
};
TABLE_LEN(given_onset);
const char *const given_mid[] = {
        "ra", "li", "no", "ve", "sa", "ri", "ta", "mo", "de", "lo", "ne",
        "ci", "ba", "ro", "la", "mi", "",   "",   "",   "",   "",   "",
};
TABLE_LEN(given_mid);
const char *const given_end[] = {
        "n",   "s",   "a",   "o",   "el", "ia", "us", "io", "ar", "ine", "ela", "on",  "ta",
        "ena", "ick", "ley", "ren", "lo", "ón", "és", "ía", "ny", "rt",  "dre", "nia", "em",
};
TABLE_LEN(given_end);
const char *const family_onset[] = {
        "Val", "Ort", "Cas", "Mar", "Ben", "Sal", "Qui", "Rod", "Fer", "Lo",   "Gu",  "Es",
        "Ar",  "Mon", "Car", "Del", "Pra", "Ter", "Vel", "Har", "Ash", "Whit", "Kel", "Brem",
        "Dor", "Hol", "Nak", "Tan", "Kov", "Pet", "Ib",  "Oke", "Ruv", "Sten", "Zam", "Yar",
};
TABLE_LEN(family_onset);
const char *const family_mid[] = {
        "a", "e", "i", "o", "an", "er", "el", "in", "ar", "ol", "en", "u", "", "", "",
};
TABLE_LEN(family_mid);
const char *const family_end[] = {
        "do",  "ez",  "ra",   "son",  "ton",  "ley", "ski",  "vic",  "ani", "ero",
        "ina", "ber", "mann", "ford", "es",   "ano", "ález", "ñez",  "lón", "ín",
        "úa",  "ova", "enko", "ura",  "well", "by",  "ado",  "elli", "iga", "ç",
};
TABLE_LEN(family_end);
