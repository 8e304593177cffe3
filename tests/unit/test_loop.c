/* The event loop and the panes without a terminal: key sequences run through the
 * real loop (app_run) over a fixture catalog, against a terminal of cells in memory
 * (fake_term.c), and what they draw is checked: which pane has the keys, what the
 * status and bottom lines say, what a prompt does, what goes back where. */
#include "config.h"

#include "relview/app.h"
#include "relview/catalog.h"
#include "relview/cli.h"
#include "relview/config.h"

#include <ftw.h>
#include <locale.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "fake_term.h"
#include "fixture.h"

/* 100 × 30, stacked: the title on line 0, the list on lines 1-10, the separator on
 * 11, the reader from 12, the status line on 28, the bottom line on 29. */
#define LINES     30
#define COLS      100
#define LIST_TOP  1
#define READER    12
#define STATUS    28
#define BOTTOM    29
#define RELEASES  30
#define ESC       27
#define ENTER     '\n'
#define SNAP      FAKE_SNAP
#define BACKSPACE KEYCODE_FN(SPECIAL_BACKSPACE)

static struct catalog *cat;
static char state_home[64];

/* Release i (0 newest in the list): "Release NN" dated 2020-01-(31 - i), every
 * third an "Alpha" one; the first five share a topic and a place, so that they are
 * related. */
static int group_setup(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	cat = catalog_new();
	if (!cat || catalog_add_input(cat, "bundle.tar.gz") != 0)
		return -1;
	for (int i = RELEASES - 1; i >= 0; i--) {
		char title[64], body[768];
		snprintf(title, sizeof title, "Release %02d%s", i, i % 3 ? "" : " Alpha");
		int len =
		        snprintf(body, sizeof body,
		                 "Agents of Operation Quiet Storm met in Springfield, case %d.", i);
		for (int p = 0; p < 12; p++) /* paragraphs: more lines than the reader has */
			len += snprintf(body + len, sizeof body - (size_t)len,
			                "\n\nParagraph %d: nothing more happened that day.", p);
		bool near = i < 5;
		if (!fixture_add(cat, 20200131 - (uint32_t)i, title,
		                 near ? "Springfield, IL" : "Paris",
		                 near    ? "Narcotics"
		                 : i % 2 ? "Cyber Crimes"
		                         : "Worksite Enforcement",
		                 body, NULL))
			return -1;
	}
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	catalog_free(cat);
	return 0;
}

/* A state folder of its own for each test: marks saved by one are not another's. */
static int setup(void **state)
{
	(void)state;
	snprintf(state_home, sizeof state_home, "/tmp/relview-loop.XXXXXX");
	if (!mkdtemp(state_home))
		return -1;
	setenv("XDG_STATE_HOME", state_home, 1);
	return 0;
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static int teardown(void **state)
{
	(void)state;
	return nftw(state_home, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* With LOOP_DUMP set, every snapshot on stderr: to see what a test saw. */
static void dump(void)
{
	for (int k = 0; getenv("LOOP_DUMP") && k < fake_snapshots(); k++)
		for (int y = 0; y < LINES; y++)
			fprintf(stderr, "%d %2d|%s\n", k, y, fake_line(k, y));
}

/* Run the reader over the catalog with the keys; returns its exit status. */
static int run_keys(const int *keys, size_t n)
{
	struct cli cli = {0};
	struct config config;
	config_defaults(&config);
	fake_term_start(LINES, COLS, keys, n);
	int status = app_run(cat, NULL, &cli, &config, "");
	config_free(&config);
	dump();
	return status;
}

#define RUN(...)                                                                                   \
	do {                                                                                       \
		static const int keys_[] = {__VA_ARGS__};                                          \
		run_keys(keys_, sizeof keys_ / sizeof *keys_);                                     \
	} while (0)

/* The column of the title on a list row (the fixture's are ASCII). */
static int title_x(int k, int y)
{
	const char *line = fake_line(k, y), *at = strstr(line, "Release");
	return at ? (int)(at - line) : 0;
}

#define assert_line_has(k, y, text)   assert_non_null(strstr(fake_line(k, y), text))
#define assert_line_lacks(k, y, text) assert_null(strstr(fake_line(k, y), text))

/* ---- the list and the reader ------------------------------------------------------- */

static void starts_on_the_list_with_the_newest_in_the_reader(void **state)
{
	(void)state;
	RUN(SNAP);
	assert_line_has(0, 0, " relview  30 releases  bundle.tar.gz");
	assert_line_has(0, LIST_TOP, "Release 00 Alpha");
	assert_int_equal(fake_role(0, LIST_TOP, 0), ROLE_SELECTED);
	assert_line_has(0, LIST_TOP + 1, "Release 01");
	assert_line_has(0, READER, "Release 00 Alpha");
	assert_line_has(0, STATUS, " 1/30 ");
	assert_line_has(0, STATUS, " list ");
	assert_line_lacks(0, STATUS, "%"); /* the row says where the list is */
	assert_line_has(0, BOTTOM, "q:quit  Enter:read  /:search");
}

static void enter_reads_full_screen_and_q_goes_back(void **state)
{
	(void)state;
	RUN('j', ENTER, SNAP, 'q', SNAP);
	assert_line_has(0, LIST_TOP, "Release 01");
	assert_int_equal(fake_find(0, "Release 02"), -1);         /* the list is covered */
	assert_int_equal(fake_find(0, "\u2500\u2500\u2500"), -1); /* and no separator */
	assert_line_has(0, STATUS, " reader ");
	assert_line_has(1, LIST_TOP + 1, "Release 01");
	assert_int_equal(fake_role(1, LIST_TOP + 1, 0), ROLE_SELECTED);
	assert_line_has(1, STATUS, " list ");
}

static void tab_gives_the_reader_the_keys_beside_the_list(void **state)
{
	(void)state;
	RUN('\t', SNAP, 'j', SNAP, '\t', 'j', SNAP);
	/* The list stays, its cursor idle; the reader's keys scroll it, not the list. */
	assert_line_has(0, LIST_TOP, "Release 00");
	assert_int_equal(fake_role(0, LIST_TOP, 0), ROLE_IDLE);
	assert_line_has(0, STATUS, " reader ");
	assert_int_equal(fake_role(1, LIST_TOP, 0), ROLE_IDLE);
	assert_line_lacks(1, READER, "Release 00"); /* scrolled a line */
	assert_line_has(2, STATUS, " list ");
	assert_int_equal(fake_role(2, LIST_TOP + 1, 0), ROLE_SELECTED);
}

static void layout_and_zoom_rearrange_the_list_and_the_reader(void **state)
{
	(void)state;
	RUN('v', SNAP, 'v', SNAP, 'z', SNAP, 'z', SNAP, 'v', SNAP);
	/* The list alone: its rows where the reader was, no rule, no reader. */
	assert_line_has(0, LIST_TOP, "Release 00 Alpha");
	assert_line_has(0, READER, "Release 11");
	assert_int_equal(fake_find(0, "\u2500\u2500\u2500"), -1);
	assert_int_equal(fake_find(0, "Operation Quiet Storm"), -1);
	/* Side by side: the list on the left half, the reader on the right. */
	assert_line_has(1, LIST_TOP, "Release 00 Alpha");
	assert_int_equal(fake_find(1, "\u2500\u2500\u2500"), -1);
	assert_non_null(strstr(fake_line(1, 5), "\u2502"));
	assert_line_has(1, STATUS, " list ");
	/* Zoomed, the reader has the whole body and the keys; zoomed out, the list. */
	assert_line_has(2, 1, "Release 00 Alpha");
	assert_null(strstr(fake_line(2, 5), "\u2502"));
	assert_line_has(2, STATUS, " reader ");
	assert_non_null(strstr(fake_line(3, 5), "\u2502"));
	assert_line_has(3, STATUS, " list ");
	/* Then stacked again. */
	assert_int_equal(fake_find(4, "\u2500\u2500\u2500"), READER - 1);
}

/* Run the reader on a terminal `lines` high with the configuration's layout. */
static void run_sized(int lines, enum config_layout layout, const int *keys, size_t n)
{
	struct cli cli = {0};
	struct config config;
	config_defaults(&config);
	config.layout = layout;
	fake_term_start(lines, COLS, keys, n);
	assert_int_equal(app_run(cat, NULL, &cli, &config, ""), 0);
	config_free(&config);
}

/* Stacked, a short terminal would leave the release a few rows: auto shows the list
 * alone there, Enter reads full screen and q comes back to the list alone. A
 * preview's header is one line of date, place and topics; the full reader's has
 * the labelled fields and the source. */
static void a_short_terminal_shows_the_list_alone(void **state)
{
	(void)state;
	static const int keys[] = {SNAP, ENTER, SNAP, 'q', SNAP, 'q'};
	run_sized(19, CONFIG_LAYOUT_AUTO, keys, sizeof keys / sizeof *keys);
	assert_int_equal(fake_find(0, "\u2500\u2500\u2500"), -1);
	assert_line_has(0, 15, "Release 14");
	assert_int_equal(fake_find(0, "Operation Quiet Storm"), -1);
	assert_line_has(1, 1, "Release 00 Alpha");
	assert_line_has(1, 3, "Date:");
	assert_int_equal(fake_find(1, "Source:"), 6);
	assert_line_has(2, 15, "Release 14");
	/* 20 lines: stacked, the preview's header compact. */
	static const int stacked[] = {SNAP, 'q'};
	run_sized(20, CONFIG_LAYOUT_AUTO, stacked, sizeof stacked / sizeof *stacked);
	int rule = fake_find(0, "\u2500\u2500\u2500");
	assert_true(rule > 0);
	assert_line_has(0, rule + 1, "Release 00 Alpha");
	assert_line_has(0, rule + 2, "2020-01-31 \u00b7 Springfield, IL \u00b7 Narcotics");
	assert_line_has(0, rule + 4, "Agents of Operation Quiet Storm");
	assert_int_equal(fake_find(0, "Source:"), -1);
	assert_int_equal(fake_find(0, "Date:"), -1);
	/* Chosen in the configuration: the list alone at any height. */
	run_sized(LINES, CONFIG_LAYOUT_LIST, stacked, sizeof stacked / sizeof *stacked);
	assert_int_equal(fake_find(0, "\u2500\u2500\u2500"), -1);
	assert_line_has(0, READER, "Release 11");
}

static void a_terminal_too_small_says_so_and_q_quits(void **state)
{
	(void)state;
	static const int keys[] = {SNAP, 'j', 'q'};
	struct cli cli = {0};
	struct config config;
	config_defaults(&config);
	fake_term_start(TERM_MIN_LINES - 1, COLS, keys, sizeof keys / sizeof *keys);
	assert_int_equal(app_run(cat, NULL, &cli, &config, ""), 0);
	config_free(&config);
	assert_line_has(0, 0, "Terminal too small");
}

static void the_command_line_goes_to_a_row(void **state)
{
	(void)state;
	RUN(':', '3', ENTER, SNAP, ':', '9', '9', ENTER, SNAP, ':', '2', '0', '2', '0', '-', '0',
	    '1', '-', '1', '5', ENTER, SNAP);
	assert_int_equal(fake_role(0, LIST_TOP + 2, 0), ROLE_SELECTED);
	assert_line_has(0, STATUS, " 3/30 ");
	assert_line_has(1, BOTTOM, "Only 30 releases in the list: at the last");
	assert_line_has(1, STATUS, " 30/30 ");
	assert_line_has(2, READER, "Release 16"); /* dated 2020-01-15 */
	assert_line_has(2, STATUS, " 17/30 ");
}

/* The status line counts as tig does: the selected row, the list's length and,
 * when a search or a filter leaves some out, every release; the reader says how
 * far down the release it is. */
static void the_status_line_counts_the_row_the_list_and_all(void **state)
{
	(void)state;
	RUN('/', 'a', 'l', 'p', 'h', 'a', ENTER, 'j', 'j', SNAP, 'c', SNAP, ENTER, SNAP);
	assert_line_has(0, STATUS, " 3/10 (30)  /alpha");
	assert_line_has(1, STATUS, " 7/30 "); /* still on Release 06 Alpha */
	assert_line_lacks(1, STATUS, "(30)");
	assert_line_has(2, STATUS, " reader ");
	assert_line_has(2, STATUS, "%");
}

/* J and K read the next and the previous release from the full-screen reader,
 * which stays full screen; at the top, K says so. */
static void j_and_k_step_through_the_list_from_the_reader(void **state)
{
	(void)state;
	RUN(ENTER, 'J', 'J', SNAP, 'K', 'K', 'K', SNAP);
	assert_line_has(0, STATUS, " 3/30 ");
	assert_line_has(0, STATUS, " reader ");
	assert_line_has(0, 1, "Release 02");
	assert_int_equal(fake_find(0, "Release 03"), -1); /* the list is covered */
	assert_line_has(1, STATUS, " 1/30 ");
	assert_line_has(1, STATUS, " reader ");
	assert_line_has(1, BOTTOM, "No previous release: this is the first of the list");
}

/* A asks before it marks the list read: n leaves every mark, y marks them all. */
static void a_marks_the_list_read_once_asked(void **state)
{
	(void)state;
	RUN('A', SNAP, 'n', 'U', SNAP, 'U', '/', 'a', 'l', 'p', 'h', 'a', ENTER, 'A', SNAP, 'y',
	    SNAP, 'c', 'U', SNAP);
	assert_line_has(0, BOTTOM, "Mark 30 releases read? (y/n)");
	assert_line_has(1, STATUS, " 1/30 (30)"); /* only unread: every one */
	assert_line_has(2, BOTTOM, "Mark 10 releases read? (y/n)");
	assert_line_has(3, BOTTOM, "Marked 10 releases read");
	assert_line_has(4, STATUS, "/20 (30)"); /* the Alpha ones are read */
}

/* A year or month with no release goes to the nearest one and says so (:1990 once
 * moved to the oldest release without a word). */
static void a_date_with_no_release_says_where_it_went(void **state)
{
	(void)state;
	RUN(':', '1', '9', '9', '0', ENTER, SNAP, ':', '2', '0', '2', '0', ENTER, SNAP);
	assert_line_has(0, BOTTOM, "No release in 1990: at the nearest, from 2020-01-");
	assert_line_lacks(1, BOTTOM, "No release in");
	RUN('/', 'z', 'z', 'z', ENTER, ':', '5', ENTER, SNAP); /* a list with none */
	assert_line_has(0, BOTTOM, "No release in the list");
}

/* Searches are kept for Up and Down, the list's and the reader's find alike; a
 * text that was no query is not. */
static void searches_come_back_with_up(void **state)
{
	(void)state;
	RUN('/', 'a', 'l', 'p', 'h', 'a', ENTER, '/', '(', ENTER, 'c', '/', KEYCODE_FN(SPECIAL_UP),
	    SNAP, ENTER, SNAP, ENTER, '/', 'b', 'e', 't', 'a', ENTER, '/', KEYCODE_FN(SPECIAL_UP),
	    SNAP, ENTER, SNAP);
	assert_line_has(0, BOTTOM, "Search: alpha");
	assert_line_has(0, STATUS, " 1/10 (30)"); /* what Up brought back is searched */
	assert_line_has(1, STATUS, " 1/10 (30)");
	/* The find opens with "beta", the last line: Up goes past it. */
	assert_line_has(2, BOTTOM, "Find: alpha");
	assert_line_has(3, BOTTOM, "Match 1 of");
}

/* ---- what is over the list ---------------------------------------------------------- */

static void help_is_over_everything_and_lets_only_quit_through(void **state)
{
	(void)state;
	RUN('?', SNAP, 'n', SNAP, 'j', SNAP, 'q', SNAP);
	assert_line_has(0, 1, "List and reader");
	assert_line_has(0, BOTTOM, "j:down  k:up  PgDn:page  q:close");
	assert_line_has(0, STATUS, " list ");       /* help has no place of its own */
	assert_line_has(1, BOTTOM, "j:down");       /* n did not reach the reader: nothing said */
	assert_line_lacks(2, 1, "List and reader"); /* j scrolled the help */
	assert_line_has(3, LIST_TOP, "Release 00");
	assert_line_has(3, BOTTOM, "q:quit");
	assert_int_equal(run_keys((const int[]){'?', 'Q'}, 2), 0);
}

static void the_timeline_is_over_the_list_and_help_over_it(void **state)
{
	(void)state;
	RUN('T', SNAP, 'n', 'd', SNAP, '?', SNAP, 'q', SNAP, 'q', SNAP);
	assert_line_has(0, 1, " By month, 2020-01..2020-01: 30 with a date");
	assert_line_has(0, STATUS, " timeline ");
	assert_line_has(0, BOTTOM, "Enter:set the dates");
	assert_line_has(1, 1, " By month"); /* n and d mean nothing over it */
	assert_line_has(1, BOTTOM, "Enter:set the dates");
	assert_line_has(2, BOTTOM, "q:close");
	assert_line_has(2, STATUS, " timeline ");
	assert_line_has(3, 1, " By month");
	assert_line_has(4, LIST_TOP, "Release 00");
}

static void a_picker_chooses_and_its_prompt_narrows(void **state)
{
	(void)state;
	RUN('t', SNAP, 'N', 'a', 'r', SNAP, '\t', ENTER, SNAP, 't', ESC, SNAP);
	assert_line_has(0, 1, "Topics: 0 chosen.");
	assert_line_has(0, BOTTOM, "Topic:");
	assert_line_has(1, BOTTOM, "Topic: Nar");
	assert_line_has(1, 2, "Narcotics");
	assert_line_has(2, BOTTOM, "1 topic chosen");
	assert_line_has(2, STATUS, " 1/5 (30)");
	assert_line_has(3, STATUS, " 1/5 (30)"); /* Esc left the choice as it was */
	assert_line_has(3, LIST_TOP, "Release 00");
	RUN('t', ' ', KEYCODE_FN(SPECIAL_DOWN), ' ', ENTER, SNAP);
	assert_line_has(0, BOTTOM, "2 topics chosen");
}

/* Space chooses while nothing is typed; after typing it types a space (words apart
 * as --location takes them) and Tab chooses, as the heading says. */
static void a_pickers_space_types_once_something_is(void **state)
{
	(void)state;
	RUN('t', ' ', SNAP, ESC, 'l', 's', 'p', 'r', 'i', 'n', 'g', ' ', 'i', 'l', SNAP, '\t', SNAP,
	    ENTER, SNAP);
	assert_line_has(0, 1, "Topics: 1 chosen.  Space: choose  Enter: apply  Esc: cancel");
	assert_line_has(1, BOTTOM, "Location: spring il");
	assert_line_has(1, 1, "Locations: 0 chosen.  Tab: choose  Enter: apply  Esc: cancel");
	assert_line_has(1, 3, "[ ] Springfield, IL");
	assert_line_has(2, 1, "Locations: 1 chosen.");
	assert_line_has(2, 3, "[x] Springfield, IL");
	assert_line_has(3, BOTTOM, "1 location chosen");
	assert_line_has(3, STATUS, " 1/5 (30)");
}

/* Typing puts the cursor on the first item it names, not on a group shown for a
 * member; Enter with nothing chosen applies the item typed or moved to (as fzf),
 * and nothing when nothing was (or the last thing done was to unchoose). */
static void a_pickers_enter_takes_the_item_typed_or_moved_to(void **state)
{
	(void)state;
	RUN('l', 's', 'p', 'r', SNAP, ENTER, SNAP, 'c', 't', ENTER, SNAP, 't',
	    KEYCODE_FN(SPECIAL_DOWN), ENTER, SNAP, 'c', 't', 'N', 'a', 'r', '\t', '\t', ENTER,
	    SNAP);
	assert_line_has(0, 2, "[ ] Illinois");
	assert_int_equal(fake_role(0, 2, 1), ROLE_PICKER);
	assert_line_has(0, 3, "[ ] Springfield, IL");
	assert_int_equal(fake_role(0, 3, 1), ROLE_SELECTED);
	assert_line_has(1, BOTTOM, "1 location chosen");
	assert_line_has(1, STATUS, " 1/5 (30)");
	assert_line_has(2, BOTTOM, "no topic filter");
	assert_line_has(2, STATUS, " 1/30 ");
	assert_line_has(3, BOTTOM, "1 topic chosen"); /* Narcotics, after Cyber Crimes */
	assert_line_has(3, STATUS, " 1/5 (30)");
	assert_line_has(4, BOTTOM, "no topic filter");
	assert_line_has(4, STATUS, " 1/30 ");
}

/* ---- prompts ------------------------------------------------------------------------ */

static void the_search_narrows_as_typed_and_esc_restores(void **state)
{
	(void)state;
	int y, x, visible;
	RUN('/', 'A', 'l', 'p', 'h', 'a', SNAP, ESC, SNAP, '/', 'A', 'l', ENTER, SNAP);
	assert_line_has(0, BOTTOM, "Search: Alpha    [10 matches]");
	assert_line_has(0, STATUS, " 1/10 (30)");
	fake_cursor(0, &y, &x, &visible);
	assert_int_equal(y, BOTTOM);
	assert_int_equal(x, (int)strlen("Search: Alpha"));
	assert_true(visible);
	assert_line_has(1, STATUS, " 1/30 ");
	assert_line_has(1, BOTTOM, "q:quit");
	fake_cursor(1, &y, &x, &visible);
	assert_false(visible);
	assert_line_has(2, STATUS, " 1/10 (30)"); /* Enter keeps it */
}

/* A text on the way ("title:2" of "title:0") leaves out the release selected when
 * the prompt opened: the next result goes back to it, not to where the text on the
 * way took the selection. */
static void the_search_as_typed_keeps_the_release_it_opened_on(void **state)
{
	(void)state;
	RUN('/', 't', 'i', 't', 'l', 'e', ':', '2', SNAP, BACKSPACE, '0', SNAP, ENTER, SNAP);
	assert_line_has(0, STATUS, " 1/12 (30)");
	assert_line_has(0, READER, "Release 02");
	assert_line_has(1, BOTTOM, "Search: title:0    [12 matches: title 0]");
	assert_line_has(1, STATUS, " 1/12 (30)");
	assert_line_has(1, READER, "Release 00 Alpha");
	assert_line_has(2, STATUS, " 1/12 (30)");
	assert_int_equal(fake_role(2, LIST_TOP, 0), ROLE_SELECTED);
	assert_line_has(2, LIST_TOP, "Release 00 Alpha");
}

static void find_in_the_release_and_n_from_the_list(void **state)
{
	(void)state;
	RUN('\t', '/', 'S', 't', 'o', 'r', 'm', SNAP, ENTER, '\t', 'n', SNAP, 'n', SNAP);
	assert_line_has(0, BOTTOM, "Find: Storm    [1 in this release]");
	assert_line_has(1, BOTTOM, "Match 1 of 1");
	assert_line_has(2, BOTTOM, "Match 1 of 1 (wrapped to the top)");
	assert_line_has(2, STATUS, " list ");
}

/* A prompt opened with the search shows it selected: typing replaces it, a key that
 * moves keeps it to add to. */
static void a_prompt_opened_with_a_text_replaces_it_when_typed_over(void **state)
{
	(void)state;
	enum { TEXT = 6 }; /* after "Find: " */
	const int left = KEYCODE_FN(SPECIAL_LEFT), backspace = KEYCODE_FN(SPECIAL_BACKSPACE);
	RUN('/', 'S', 't', 'o', 'r', 'm', ENTER, '/', SNAP, 'A', 'l', SNAP, ESC, ENTER, '/', SNAP,
	    'c', 'a', 's', 'e', SNAP, ESC, '/', left, SNAP, 'y', SNAP, ESC, '/', backspace, SNAP);
	assert_line_has(0, BOTTOM, "Search: Storm");
	assert_int_equal(fake_role(0, BOTTOM, 8), ROLE_SELECTED);
	assert_line_has(1, BOTTOM, "Search: Al    [10 matches]");
	assert_int_equal(fake_role(1, BOTTOM, 8), ROLE_NORMAL);
	assert_line_has(2, BOTTOM, "Find: Storm    [1 in this release]");
	assert_int_equal(fake_role(2, BOTTOM, TEXT), ROLE_SELECTED);
	assert_line_has(3, BOTTOM, "Find: case    [1 in this release]");
	assert_line_has(4, BOTTOM, "Find: Storm ");
	assert_int_equal(fake_role(4, BOTTOM, TEXT), ROLE_NORMAL);
	assert_line_has(5, BOTTOM, "Find: Stormy    [0 in this release]");
	assert_line_has(6, BOTTOM, "Find: Stor    [1 in this release]");
	assert_int_equal(fake_role(6, BOTTOM, TEXT), ROLE_NORMAL);
}

/* e offers a name from the release's date and title; a file that is there is not
 * overwritten, and the prompt opens again with its name, to change. */
static void export_offers_a_name_and_asks_again_when_it_is_taken(void **state)
{
	(void)state;
	char cwd[4096];
	const int backspace = KEYCODE_FN(SPECIAL_BACKSPACE);
	assert_non_null(getcwd(cwd, sizeof cwd));
	assert_int_equal(chdir(state_home), 0);
	FILE *f = fopen("taken.txt", "w");
	assert_non_null(f);
	fclose(f);
	RUN('e', SNAP, 't', 'a', 'k', 'e', 'n', '.', 't', 'x', 't', ENTER, SNAP, backspace,
	    backspace, backspace, 'm', 'd', ENTER, SNAP);
	bool saved = access("taken.md", F_OK) == 0;
	assert_int_equal(chdir(cwd), 0);
	assert_line_has(0, BOTTOM,
	                "Save the release to (.txt, .md, .jsonl): 2020-01-31-release-00-alpha.txt");
	assert_int_equal(
	        fake_role(0, BOTTOM, (int)strlen("Save the release to (.txt, .md, .jsonl): ")),
	        ROLE_SELECTED);
	assert_line_has(1, BOTTOM,
	                "Already there, not overwritten. Save the release to (.txt, .md, .jsonl): "
	                "taken.txt");
	assert_line_has(2, BOTTOM, "Saved 1 release to taken.md");
	assert_true(saved);
}

static void the_pipe_prompt_hands_the_release_to_a_command(void **state)
{
	(void)state;
	RUN('j', '|', 'c', 'a', 't', SNAP, ENTER, SNAP);
	assert_line_has(0, BOTTOM, "Pipe the release to: cat");
	assert_string_equal(fake_ran(), "cat");
	assert_non_null(strstr(fake_ran_input(), "Release 01"));
}

/* ---- the related releases ------------------------------------------------------------ */

static void related_releases_take_no_list_actions_and_go_back(void **state)
{
	(void)state;
	RUN('r', SNAP, 'd', SNAP, ENTER, SNAP, 'q', SNAP, 'q', SNAP);
	assert_line_has(0, 1, "Related to: Release 00 Alpha");
	assert_line_has(0, STATUS, " related ");
	assert_line_has(0, BOTTOM, "4 related releases");
	assert_line_has(1, BOTTOM, "Not in the related releases: q goes back to the list");
	assert_line_has(2, STATUS, " reader ");
	assert_line_has(2, 1, "Release 01");
	assert_line_has(3, 1, "Related to: Release 00 Alpha");
	assert_line_has(4, LIST_TOP, "Release 00 Alpha");
	assert_line_has(4, STATUS, " list ");
}

static void related_from_the_related_list_are_related_to_that_one(void **state)
{
	(void)state;
	RUN('r', 'j', 'r', SNAP, 'q', SNAP);
	assert_line_has(0, 1, "Related to: Release 02");
	assert_line_has(1, STATUS, " list "); /* one list of related releases at a time */
}

/* ---- marks --------------------------------------------------------------------------- */

static void a_release_read_in_front_is_marked_read(void **state)
{
	(void)state;
	RUN('j', SNAP, 'k', ENTER, 'q', 'j', SNAP, 'm', SNAP);
	/* Beside the list, the reader marks nothing read; in front, it does. */
	assert_int_equal(fake_role(0, LIST_TOP, title_x(0, LIST_TOP)), ROLE_UNREAD);
	assert_int_equal(fake_role(1, LIST_TOP, title_x(1, LIST_TOP)), ROLE_LIST);
	assert_line_has(2, BOTTOM, "Marked read");
}

/* ---- the mouse ------------------------------------------------------------------------ */

static void a_click_selects_and_the_wheel_scrolls_the_pane_under_it(void **state)
{
	(void)state;
	static const struct mouse mice[] = {
	        {MOUSE_CLICK, LIST_TOP + 4, 20},
	        {MOUSE_WHEEL_DOWN, READER + 3, 20},
	        {MOUSE_CLICK, READER + 3, 20},
	};
	static const int keys[] = {FAKE_MOUSE, SNAP, FAKE_MOUSE, SNAP, FAKE_MOUSE, SNAP};
	struct cli cli = {0};
	struct config config;
	config_defaults(&config);
	config.mouse = true;
	fake_term_start(LINES, COLS, keys, sizeof keys / sizeof *keys);
	fake_term_mice(mice, sizeof mice / sizeof *mice);
	app_run(cat, NULL, &cli, &config, "");
	config_free(&config);
	assert_int_equal(fake_role(0, LIST_TOP + 4, 0), ROLE_SELECTED);
	assert_line_has(0, READER, "Release 04");
	assert_int_equal(fake_role(1, LIST_TOP + 4, 0), ROLE_SELECTED); /* the list stays */
	assert_line_lacks(1, READER, "Release 04");
	assert_line_has(2, STATUS, " reader ");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test_setup_teardown(starts_on_the_list_with_the_newest_in_the_reader,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(enter_reads_full_screen_and_q_goes_back, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(tab_gives_the_reader_the_keys_beside_the_list,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(a_short_terminal_shows_the_list_alone, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(layout_and_zoom_rearrange_the_list_and_the_reader,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(a_terminal_too_small_says_so_and_q_quits, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(the_command_line_goes_to_a_row, setup, teardown),
	        cmocka_unit_test_setup_teardown(the_status_line_counts_the_row_the_list_and_all,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(j_and_k_step_through_the_list_from_the_reader,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(a_marks_the_list_read_once_asked, setup, teardown),
	        cmocka_unit_test_setup_teardown(searches_come_back_with_up, setup, teardown),
	        cmocka_unit_test_setup_teardown(a_date_with_no_release_says_where_it_went, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(help_is_over_everything_and_lets_only_quit_through,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(the_timeline_is_over_the_list_and_help_over_it,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(a_picker_chooses_and_its_prompt_narrows, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(a_pickers_space_types_once_something_is, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(a_pickers_enter_takes_the_item_typed_or_moved_to,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(the_search_narrows_as_typed_and_esc_restores, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(the_search_as_typed_keeps_the_release_it_opened_on,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(find_in_the_release_and_n_from_the_list, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(
	                a_prompt_opened_with_a_text_replaces_it_when_typed_over, setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                export_offers_a_name_and_asks_again_when_it_is_taken, setup, teardown),
	        cmocka_unit_test_setup_teardown(the_pipe_prompt_hands_the_release_to_a_command,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(related_releases_take_no_list_actions_and_go_back,
	                                        setup, teardown),
	        cmocka_unit_test_setup_teardown(
	                related_from_the_related_list_are_related_to_that_one, setup, teardown),
	        cmocka_unit_test_setup_teardown(a_release_read_in_front_is_marked_read, setup,
	                                        teardown),
	        cmocka_unit_test_setup_teardown(
	                a_click_selects_and_the_wheel_scrolls_the_pane_under_it, setup, teardown),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
