#include "config.h"

/* templates.c — the sentences releases are made of, by kind of story (see
 * templates.h for the codes in them). As with the words, their order is part of
 * the output. */

#include "templates.h"
#include "words.h"

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
const struct kind_text kind_texts[NKINDS] = {
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
const unsigned kind_weights[NKINDS] = {24, 16, 10, 20, 12, 6, 12};

/* Sub-headlines: short, no final period, never dateline-like. */
const char *const subtitles[] = {
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
TABLE_LEN(subtitles);

const char *const details_generic[] = {
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
TABLE_LEN(details_generic);

const char *const quotes[] = {
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
TABLE_LEN(quotes);

const char *const quote_paragraphs[] = {
        "%<%q,%> said %E %C %o %P. %<%q.%>",
        "%<%q,%> said %o %P of %E %C.",
        "%P, %o for %E %C, called the result a team effort. %<%q.%>",
        "%<%q.%> %P, the %o in %C, said the work would continue.",
};
TABLE_LEN(quote_paragraphs);

const char *const closings[] = {
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
TABLE_LEN(closings);

/* Site lines after the "Updated:" footer. */
const char *const boilerplate[] = {
        "Return to top",
        "Back to news releases",
        "Contact the newsroom",
        "Subscribe to updates",
        "Privacy and accessibility",
        "Site policies",
        "Freedom of information",
        "Careers",
};
TABLE_LEN(boilerplate);

/* The dashes a release's dateline and prose are written with (release.dash). */
const char *const dashes[] = {" — ", " – ", " - "};
TABLE_LEN(dashes);
