/* browse — the list the reader shows: the filters chosen in the UI (facet sets,
 * dates, marks, the incremental search) and the list they leave, narrowed in
 * bounded steps so that typing never waits for a full scan; its columns, its month
 * separators, and the dates and jumps the command line reads. No curses here. */
#ifndef RELVIEW_BROWSE_H
#define RELVIEW_BROWSE_H

#include "relview/catalog.h"
#include "relview/expr.h"
#include "relview/order.h"
#include "relview/query.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- list columns ----------------------------------------------------------------- */

#define COLUMN_DATE_WIDTH 10

/* Column widths in terminal cells; 0 hides a column. Shown columns are separated by
 * one blank cell; the title takes what is left. */
struct columns {
	size_t date, location, topics, title;
};

void columns_fit(size_t width, struct columns *c);

#define BROWSE_SEARCH_MAX 256

/* An incremental search over a list of candidates, in display order. */
struct search_job {
	struct expr expr;
	bool active;                  /* a query is in effect (expr is not empty) */
	char text[BROWSE_SEARCH_MAX]; /* the query in effect, as typed */
	size_t len;
	/* Why the text last given was not a query ("" when it was): the query in effect
	 * stays the one before. */
	char error[128];
	uint32_t *cand, *out, *spare; /* release ids; room for the whole catalog each */
	size_t ncand, pos, nout;      /* cand[pos..ncand) still to test */
};

struct helper;

struct browse {
	const struct catalog *cat;
	const struct order *order; /* the caller's, over cat: the lists follow it */
	struct filter filter;      /* facets and dates; the search is the job's */
	uint32_t *base;            /* releases passing the filter, in display order */
	size_t nbase;
	struct search_job job;
	size_t cap;            /* room in base and in the job's lists, in release ids */
	uint64_t version;      /* goes up when a filter, the search text or the catalog changes */
	uint64_t relocations;  /* the catalog's when the lists were last made whole */
	struct helper *helper; /* tests half of each long step (helper.h); made on first use */
	bool helper_tried;
};

/* Start from the command line's query (--topic and --location values become facet
 * sets, --search the search text), over the releases in `order` (the caller's:
 * it must outlive the browse, and each change to it be told, by browse_add or
 * browse_reorder). False when out of memory. */
bool browse_init(struct browse *b, const struct catalog *cat, const struct order *order,
                 const struct query *q);
void browse_free(struct browse *b);

/* The catalog gained releases (a catalog still loading): `ids`, in display order,
 * were merged into its order (order_update), and facets or inputs may have
 * come with them. Those that pass the filters join the list, and the search tests
 * them, at a cost proportional to k (with one pass of moves over each list); when
 * releases in moved to another place facet (catalog.h: relocations), a list that
 * places or a search narrow is redone. The
 * marks must cover them already (browse_set_marks' array may have moved: `marks`).
 * False when out of memory. */
bool browse_add(struct browse *b, const uint32_t *ids, size_t k, const uint8_t *marks);
/* The order was made again (order_update: ORDER_REMADE): the list is redone from it. */
bool browse_reorder(struct browse *b, const uint8_t *marks);

/* The list as it stands (partial while browse_busy()). */
const uint32_t *browse_list(const struct browse *b, size_t *n);
/* True while the search still has candidates to test. */
bool browse_busy(const struct browse *b);
/* Test up to `budget` more candidates; returns true when the search is complete. */
bool browse_step(struct browse *b, size_t budget);

/* Change the search: a query (expr.h). One that narrows the previous one (each
 * release it matches, the previous one matched) goes on from the last result and
 * what was still to test instead of starting over. A text that is no query leaves
 * the search as it was and says why in job.error. False when out of memory. */
bool browse_set_search(struct browse *b, const char *text, size_t len);
/* Does release r pass the search (true when there is none)? */
bool browse_searched(const struct browse *b, const struct release *r);

/* Choose facets of a kind (a bool for each of the first n facet ids, the rest not
 * chosen; NULL or none true: no filter). */
bool browse_set_facets(struct browse *b, enum facet_kind kind, const bool *chosen, size_t n);
/* The facets of a kind chosen now (NULL when that kind is not filtered). */
const bool *browse_facets(const struct browse *b, enum facet_kind kind);
void browse_set_dates(struct browse *b, uint32_t since, uint32_t until);
/* The read and star marks by release id (enum state_flag bits; the caller keeps
 * them and may change them: the list is not redone until a filter changes). */
void browse_set_marks(struct browse *b, const uint8_t *marks);
/* Only unread releases, only starred ones (both: both). */
void browse_only(struct browse *b, bool unread, bool starred);
/* The next unread release in the list after position `from`, wrapping round; the
 * list's length when every release in it is read. */
size_t browse_next_unread(const struct browse *b, size_t from);
/* Drop every filter and the search. */
bool browse_clear(struct browse *b);
bool browse_filtered(const struct browse *b);

/* Count, per facet id of a kind, the releases that pass every other filter and the
 * search (counts: room for one per facet). */
void browse_facet_counts(const struct browse *b, enum facet_kind kind, uint32_t *counts);

/* Where release `id` is in the list, or where it would be: the first release after
 * it in display order (the last one when none is). 0 for an empty list. */
size_t browse_locate(const struct browse *b, uint32_t id);

/* A one-line summary of the active filters and search ("" when none), e.g.
 * "topic: Narcotics +1 | place: Texas | 2014-01-01..2014-12-31 | /gang". */
void browse_describe(const struct browse *b, char *buf, size_t size);

/* ---- jump: the command line, months ---------------------------------------------- */

enum jump_kind { JUMP_DATE, JUMP_ROW, JUMP_TOPIC, JUMP_LOCATION, JUMP_QUIT };

struct jump {
	enum jump_kind kind;
	uint32_t since, until; /* JUMP_DATE: the period named, as yyyymmdd */
	size_t row;            /* JUMP_ROW: 1-based */
	const char *name;      /* JUMP_TOPIC, JUMP_LOCATION: points into the text */
};

/* A command line: "2014", "2014-03" or "2014-03-11" (a date: a bare number from
 * 1900 to 2100 is a year), "42" or "row 2014" (a row), "topic NAME", "location
 * NAME", "q" or "quit". False when it is none of them. */
bool view_parse_jump(const char *text, struct jump *j);

/* The row a date jump lands on: in a newest-first list the first release on or
 * before the period's end, in an oldest-first one the first on or after its start;
 * the nearest dated release when there is none that far. */
size_t browse_find_date(const struct browse *b, uint32_t since, uint32_t until, bool oldest_first);

/* Choose every facet of a kind that the value matches as --topic or --location
 * would; returns how many did (none: the filter is left as it was). */
size_t browse_choose_matching(struct browse *b, enum facet_kind kind, const char *value, bool *ok);

/* Month moves: the first row of the next month down the list (forward), or of the
 * month before the current row's (back); `from` when there is none. Undated
 * releases are a month of their own. */
size_t browse_month_step(const struct browse *b, size_t from, bool forward);

/* Does row i of the list begin another month than row i - 1? (Where the list draws
 * a month separator.) */
bool browse_month_starts(const struct browse *b, size_t i);
/* How many months the list spans (undated releases count as one). */
size_t browse_months(const struct browse *b);

/* With month separators (months), the list shows a separator row before each item
 * that begins a month, except the first one shown (item top). */
/* The screen row of item i (at or after top). */
size_t list_row_of(const struct browse *b, size_t top, size_t i, bool months);
/* The item on screen row `row` (item top on row 0), or LIST_NO_ITEM for a
 * separator row or a row below the last item: where a click lands. */
#define LIST_NO_ITEM SIZE_MAX
size_t list_item_at(const struct browse *b, size_t top, size_t row, bool months);
/* The first item to show so that item sel is on one of `rows` rows: top, or further
 * down when separators would push sel below the last. */
size_t list_top_for(const struct browse *b, size_t top, size_t sel, size_t rows, bool months);

#endif
