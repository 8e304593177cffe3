/* the reader's model: a release's layout and find, the pickers and the prompt editor,
 * without a terminal (the list's rules are test_view.c's). */
#include "config.h"

#include "relview/catalog.h"
#include "relview/output.h"
#include "relview/parse.h"
#include "relview/view.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "fixture.h"
#include "view_check.h"

static size_t find_line(const struct doc *d, const char *text)
{
	for (size_t i = 0; i < d->nlines; i++)
		if (d->lines[i].len == strlen(text) &&
		    memcmp(d->lines[i].s, text, strlen(text)) == 0)
			return i;
	fail_msg("no line '%s'", text);
	return 0;
}

static void the_reader_lays_out_header_and_paragraphs(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	const struct release *r = order_at(&order, cat, 0); /* Gang arrests */
	struct doc d = {0};
	assert_true(doc_layout(&d, cat, r, 30));
	assert_int_equal(d.lines[0].kind, DOC_TITLE);
	assert_int_equal(d.lines[1].kind, DOC_BLANK);
	size_t date = find_line(&d, "2014-03-11");
	assert_string_equal(d.lines[date].label, "Date:");
	assert_string_equal(d.lines[date + 1].label, "Location:");
	assert_string_equal(d.lines[date + 2].label, "Topics:");
	assert_string_equal(d.lines[date + 3].label, "Source:");
	/* Body: wrapped on words at 30 columns, a blank line between paragraphs. */
	size_t body = find_line(&d, "MS-13 members were arrested.");
	assert_int_equal(d.lines[body - 1].kind, DOC_BLANK);
	assert_int_equal(d.lines[body + 1].kind, DOC_BLANK);
	assert_int_equal(find_line(&d, "The gang operated in Texas."), body + 2);
	assert_int_equal(d.nlines, body + 3);
	for (size_t i = 0; i < d.nlines; i++)
		assert_true(d.lines[i].len <= 30);
	/* Narrower: more lines, the same text. */
	assert_true(doc_relayout(&d, 12));
	size_t narrow = find_line(&d, "MS-13");
	assert_int_equal(find_line(&d, "members were"), narrow + 1);
	/* Compact, a preview's: one line of date, place and topics, no source. */
	d.compact = true;
	assert_true(doc_relayout(&d, 60));
	assert_int_equal(d.lines[1].kind, DOC_META);
	assert_int_equal(d.lines[2].kind, DOC_BLANK);
	assert_int_equal(find_line(&d, "MS-13 members were arrested."), 3);
	for (size_t i = 0; i < d.nlines; i++)
		assert_int_equal(d.lines[i].label, NULL);
	doc_free(&d);
	drop(cat);
}

static void find_in_release_marks_every_match(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	struct doc d = {0};
	assert_true(doc_layout(&d, cat, order_at(&order, cat, 0), 40));
	/* Smart case: the title's "Gang" too; where the search looks (not the topics). */
	assert_true(doc_find(&d, "gang", 4));
	assert_int_equal(d.nmatches, 2);
	assert_int_equal(d.matches[0].region, REGION_TITLE);
	assert_int_equal(d.matches[1].region, REGION_BODY);
	size_t line = d.matches[1].line, from, to;
	assert_true(doc_match_on_line(&d, 1, line, &from, &to));
	assert_memory_equal(d.lines[line].s + from, "gang", 4);
	assert_int_equal(to - from, 4);
	assert_false(doc_match_on_line(&d, 1, 0, &from, &to));
	assert_int_equal(doc_match_from(&d, 1), 1);
	assert_int_equal(doc_match_from(&d, line + 1), 2);
	/* A match cut by a wrap shows on both lines. */
	assert_true(doc_find(&d, "\"were arrested\"", 15));
	assert_true(doc_relayout(&d, 18));
	line = d.matches[0].line;
	assert_true(doc_match_on_line(&d, 0, line, &from, &to));
	assert_true(doc_match_on_line(&d, 0, line + 1, &from, &to));
	assert_int_equal(from, 0);
	assert_true(doc_find(&d, "Gang", 4));
	assert_int_equal(d.nmatches, 1);
	/* Two words' matches that overlap are one match over both. */
	assert_true(doc_find(&d, "gan ang", 7));
	assert_int_equal(d.matches[0].region, REGION_TITLE);
	assert_int_equal(d.matches[0].len, 4);
	assert_memory_equal(d.matches[0].s, "Gang", 4);
	assert_true(d.nmatches < 2 || d.matches[1].region != REGION_TITLE);
	assert_true(doc_find(&d, "", 0));
	assert_int_equal(d.nmatches, 0);
	doc_free(&d);
	drop(cat);
}

static size_t shown_item(const struct picker *p, const char *label)
{
	for (size_t i = 0; i < p->nshown; i++) {
		struct str l = p->items[p->shown[i]].label;
		if (l.len == strlen(label) && memcmp(l.s, label, l.len) == 0)
			return i;
	}
	return SIZE_MAX;
}

/* Places printed with the country and no state are a group of their own, not "the
 * United States"; the typing takes names as --location does. */
static void pickers_tell_stateless_places(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(fixture_add(cat, 20140101, "A", "Seattle, United States", "", "a", NULL));
	assert_true(fixture_add(cat, 20140102, "B", "Miami, FL", "", "b", NULL));
	uint32_t counts[2] = {1, 1};
	struct picker p;
	assert_true(picker_init(&p, cat, FACET_LOCATION, counts, NULL));
	assert_true(shown_item(&p, "United States, no state given") != SIZE_MAX);
	assert_true(shown_item(&p, "United States") == SIZE_MAX);
	assert_true(picker_narrow(&p, "usa", 3));
	assert_true(shown_item(&p, "Miami, FL") != SIZE_MAX);
	assert_true(shown_item(&p, "Seattle, United States") != SIZE_MAX);
	assert_true(picker_narrow(&p, "san,j", 5));
	assert_int_equal(p.nshown, 0);
	picker_free(&p);
	catalog_free(cat);
}

static bool at_cursor(const struct picker *p, const char *label)
{
	return p->nshown && shown_item(p, label) == p->cursor.sel;
}

/* Typing puts the cursor on the first item it names itself, not on a group shown
 * only for a member; words go apart with a space; with nothing chosen, Enter's
 * choice is the item typed or moved to. */
static void pickers_point_at_what_is_typed(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(fixture_add(cat, 20140101, "A", "Mayagüez, PR", "", "a", NULL));
	assert_true(fixture_add(cat, 20140102, "B", "San Juan, PR", "", "b", NULL));
	assert_true(fixture_add(cat, 20140103, "C", "San Jose, CA", "", "c", NULL));
	assert_true(fixture_add(cat, 20140104, "D", "Santa Fe, NM", "", "d", NULL));
	uint32_t counts[4] = {1, 1, 1, 1};
	struct picker p;
	assert_true(picker_init(&p, cat, FACET_LOCATION, counts, NULL));
	assert_true(at_cursor(&p, "California"));
	assert_false(p.pointed);
	picker_choose_pointed(&p); /* nothing typed nor moved: no choice */
	assert_int_equal(picker_nchosen(&p), 0);
	/* A group that the text names itself is where the cursor goes. */
	assert_true(picker_narrow(&p, "p", 1));
	assert_true(at_cursor(&p, "Puerto Rico"));
	assert_true(picker_narrow(&p, "puerto", 6));
	assert_true(at_cursor(&p, "Puerto Rico"));
	/* Not one shown only for a member. */
	assert_true(picker_narrow(&p, "mayaguez", 8));
	assert_int_equal(p.nshown, 2);
	assert_true(at_cursor(&p, "Mayagüez, PR"));
	/* Words apart with a space, as --location 'san j'. */
	assert_true(picker_narrow(&p, "san j", 5));
	assert_int_equal(p.nshown, 4);
	assert_true(shown_item(&p, "Santa Fe, NM") == SIZE_MAX);
	assert_true(at_cursor(&p, "San Jose, CA"));
	assert_true(p.pointed);
	picker_choose_pointed(&p);
	assert_int_equal(picker_nchosen(&p), 1);
	assert_int_equal(picker_state(&p, p.shown[shown_item(&p, "San Jose, CA")]), 2);
	/* Something chosen: that is the choice. */
	assert_true(picker_narrow(&p, "san ju", 6));
	assert_true(at_cursor(&p, "San Juan, PR"));
	picker_choose_pointed(&p);
	assert_int_equal(picker_nchosen(&p), 1);
	/* Unchoosing is a choice too: no item pointed at after it. */
	picker_clear(&p);
	assert_false(p.pointed);
	picker_choose_pointed(&p);
	assert_int_equal(picker_nchosen(&p), 0);
	/* But with nothing left chosen, what is typed next is pointed at again. */
	assert_true(picker_narrow(&p, "san ju", 6));
	picker_choose_pointed(&p);
	assert_int_equal(picker_nchosen(&p), 1);
	assert_int_equal(picker_state(&p, p.shown[shown_item(&p, "San Juan, PR")]), 2);
	picker_free(&p);
	/* Opened over a filter, typing another place and Enter is that place alone. */
	bool chosen[5] = {0};
	chosen[facet_id(&cat->locations, "Mayagüez, PR")] = true;
	assert_true(picker_init(&p, cat, FACET_LOCATION, counts, chosen));
	assert_true(picker_narrow(&p, "san ju", 6));
	assert_true(picker_narrow(&p, "", 0)); /* typed and erased: the filter as it was */
	picker_choose_pointed(&p);
	assert_true(p.chosen[facet_id(&cat->locations, "Mayagüez, PR")]);
	assert_true(picker_narrow(&p, "san ju", 6));
	picker_choose_pointed(&p);
	assert_int_equal(picker_nchosen(&p), 1);
	assert_true(p.chosen[facet_id(&cat->locations, "San Juan, PR")]);
	picker_free(&p);
	/* A postal code points at its state, not at a place that begins with it. */
	assert_true(fixture_add(cat, 20140105, "E", "Port-au-Prince, Haiti", "", "e", NULL));
	uint32_t more[5] = {1, 1, 1, 1, 1};
	assert_true(picker_init(&p, cat, FACET_LOCATION, more, NULL));
	assert_true(picker_narrow(&p, "pr", 2));
	assert_true(at_cursor(&p, "Puerto Rico"));
	picker_free(&p);
	catalog_free(cat);
}

/* A stateless place whose releases moved to the city's one state is in no release:
 * the picker offers neither it nor its empty group. */
static void pickers_leave_out_places_moved_away(void **state)
{
	(void)state;
	struct catalog *cat = catalog_new();
	catalog_add_input(cat, "x");
	assert_true(fixture_add(cat, 20140101, "A", "Seattle, United States", "", "a", NULL));
	assert_true(fixture_add(cat, 20140102, "B", "Seattle, WA", "", "b", NULL));
	uint32_t counts[2] = {0, 2};
	struct picker p;
	assert_true(picker_init(&p, cat, FACET_LOCATION, counts, NULL));
	assert_true(shown_item(&p, "Seattle, WA") != SIZE_MAX);
	assert_true(shown_item(&p, "Seattle, United States") == SIZE_MAX);
	assert_true(shown_item(&p, "United States, no state given") == SIZE_MAX);
	picker_free(&p);
	catalog_free(cat);
}

static void pickers_group_narrow_and_choose(void **state)
{
	(void)state;
	struct catalog *cat = sample();
	uint32_t counts[8] = {0};
	for (size_t i = 0; i < cat->locations.count; i++)
		counts[i] = 1;
	struct picker p;
	assert_true(picker_init(&p, cat, FACET_LOCATION, counts, NULL));
	/* Groups, then their members: Mexico, Texas (Austin, Houston); Florida (Miami). */
	assert_int_equal(p.nitems, 7);
	assert_string_equal(p.items[0].label.s, "Florida");
	assert_int_equal(p.items[0].facet, PICKER_NONE);
	assert_int_equal(p.items[1].parent, 0);
	size_t texas = shown_item(&p, "Texas");
	assert_true(texas != SIZE_MAX);
	assert_int_equal(p.items[p.shown[texas]].count, 2);
	/* Narrowing keeps a member's group, and a group's members. */
	assert_true(picker_narrow(&p, "hou", 3));
	assert_int_equal(p.nshown, 2);
	assert_true(shown_item(&p, "Texas") != SIZE_MAX);
	assert_true(picker_narrow(&p, "texas", 5));
	assert_int_equal(p.nshown, 3);
	/* A group chooses all its members, then none. */
	p.cursor.sel = shown_item(&p, "Texas");
	picker_toggle(&p);
	assert_int_equal(picker_nchosen(&p), 2);
	assert_int_equal(picker_state(&p, p.shown[p.cursor.sel]), 2);
	p.cursor.sel = shown_item(&p, "Houston, TX");
	picker_toggle(&p);
	assert_int_equal(picker_state(&p, p.shown[shown_item(&p, "Texas")]), 1);
	p.cursor.sel = shown_item(&p, "Texas");
	picker_toggle(&p);
	assert_int_equal(picker_nchosen(&p), 2);
	picker_toggle(&p);
	assert_int_equal(picker_nchosen(&p), 0);
	assert_true(picker_narrow(&p, "zzz", 3));
	assert_int_equal(p.nshown, 0);
	picker_toggle(&p); /* nothing under the cursor: nothing happens */
	picker_free(&p);

	bool chosen[8] = {0};
	chosen[facet_id(&cat->topics, "Narcotics")] = true;
	assert_true(picker_init(&p, cat, FACET_TOPIC, counts, chosen));
	assert_int_equal(p.nitems, 2);
	assert_int_equal(picker_nchosen(&p), 1);
	assert_int_equal(picker_state(&p, shown_item(&p, "Narcotics")), 2);
	picker_free(&p);
	drop(cat);
}

static void the_prompt_edits_characters(void **state)
{
	(void)state;
	struct edit e = {0};
	assert_true(edit_insert(&e, 'g'));
	assert_true(edit_insert(&e, 0xE9)); /* é */
	assert_true(edit_insert(&e, 'e'));
	assert_true(edit_insert(&e, 0x301)); /* combining acute */
	assert_false(edit_insert(&e, 0x1B)); /* Esc is no text */
	assert_false(edit_insert(&e, 0x9B));
	assert_string_equal(e.text, "g\xc3\xa9"
	                            "e\xcc\x81");
	assert_true(edit_erase(&e)); /* the e and its accent together */
	assert_string_equal(e.text, "g\xc3\xa9");
	assert_true(edit_erase(&e));
	assert_true(edit_erase(&e));
	assert_false(edit_erase(&e));
	for (int i = 0; i < EDIT_MAX; i++)
		edit_insert(&e, 'x');
	assert_int_equal(e.len, EDIT_MAX - 1);
}

/* A prompt opened with a text has it selected: the first character typed replaces
 * it; erasing keeps the rest, to edit. */
static void a_selected_text_is_replaced_by_typing(void **state)
{
	(void)state;
	struct edit e = {0};
	edit_select(&e);
	assert_false(e.selected); /* nothing to select */
	edit_set(&e, "Ghanaian", 8);
	assert_false(e.selected);
	edit_select(&e);
	assert_true(e.selected);
	assert_false(edit_insert(&e, 0x1B)); /* no text: the selection stays */
	assert_true(e.selected);
	assert_true(edit_insert(&e, 'r'));
	assert_false(e.selected);
	assert_string_equal(e.text, "r");
	assert_true(edit_insert(&e, 'e'));
	assert_string_equal(e.text, "re");
	edit_set(&e, "Ghanaian", 8);
	edit_select(&e);
	assert_true(edit_erase(&e));
	assert_false(e.selected);
	assert_string_equal(e.text, "Ghanaia");
	assert_true(edit_insert(&e, 'n'));
	assert_string_equal(e.text, "Ghanaian");
	edit_select(&e);
	edit_unselect(&e);
	assert_true(edit_insert(&e, 's'));
	assert_string_equal(e.text, "Ghanaians");
}

/* A release's file name: safe whatever its title holds. */
static void export_names_are_safe(void **state)
{
	(void)state;
	static const struct {
		uint32_t date;
		const char *title, *name;
	} cases[] = {
	        {20140311, "ICE participates in conference", "2014-03-11-ice-participates.txt"},
	        {20251211, "Former Mayag\u00fcez business", "2025-12-11-former-mayaguez.txt"},
	        {20140311, "ICE's director: caf\u00e9", "2014-03-11-ices-director.txt"},
	        {20140311, "../../etc/passwd", "2014-03-11-etc-passwd.txt"},
	        {20140311, "-rf \x01\x1b[2J /", "2014-03-11-rf-2j.txt"},
	        {0, "--help", "help.txt"},
	        {0, "", "release.txt"},
	        {0, "\u65e5\u672c", "release.txt"},
	        {20140311, "Supercalifragilisticexpialidocious", "2014-03-11-supercalifragili.txt"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct release r = {.date = cases[i].date,
		                    .title = {cases[i].title, strlen(cases[i].title)}};
		char name[OUTPUT_FILE_NAME_SIZE];
		output_file_name(&r, ".txt", name, sizeof name);
		assert_string_equal(name, cases[i].name);
	}
	struct release r = {.date = 20140311, .title = {"A title", 7}};
	char small[8];
	output_file_name(&r, ".jsonl", small, sizeof small);
	assert_string_equal(small, ""); /* no room for a name and its extension */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	        cmocka_unit_test(the_reader_lays_out_header_and_paragraphs),
	        cmocka_unit_test(find_in_release_marks_every_match),
	        cmocka_unit_test(pickers_group_narrow_and_choose),
	        cmocka_unit_test(pickers_tell_stateless_places),
	        cmocka_unit_test(pickers_point_at_what_is_typed),
	        cmocka_unit_test(pickers_leave_out_places_moved_away),
	        cmocka_unit_test(the_prompt_edits_characters),
	        cmocka_unit_test(a_selected_text_is_replaced_by_typing),
	        cmocka_unit_test(export_names_are_safe),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
