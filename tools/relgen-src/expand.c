#include "config.h"

/* expand.c — template expansion and invented names (see expand.h). The order of the
 * draws from the random stream is part of the output. */

#include "expand.h"

#include "templates.h"
#include "words.h"

void gen_given_name(struct rng *r, struct buf *b)
{
	buf_str(b, PICK_FROM(r, given_onset));
	buf_str(b, PICK_FROM(r, given_mid));
	buf_str(b, PICK_FROM(r, given_end));
}

void gen_family_name(struct rng *r, struct buf *b)
{
	buf_str(b, PICK_FROM(r, family_onset));
	buf_str(b, PICK_FROM(r, family_mid));
	buf_str(b, PICK_FROM(r, family_end));
	if (chance(r, 12)) {
		buf_chr(b, '-');
		buf_str(b, PICK_FROM(r, family_onset));
		buf_str(b, PICK_FROM(r, family_end));
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

/* A code bound to the release's story: the same words wherever it occurs in the
 * release. False when code is not one. */
static bool expand_story(struct expand_ctx *c, char code)
{
	const struct release *rel = c->rel;
	struct buf *b = c->out;
	switch (code) {
	case 'S':
		buf_str(b, c->pool + rel->subject);
		return true;
	case 'L':
		buf_str(b, c->pool + rel->subject_family);
		return true;
	case 'N':
		buf_str(b, nations[rel->nat].adj);
		return true;
	case 'Y':
		buf_str(b, nations[rel->nat].country);
		return true;
	case 'X':
		buf_str(b, crimes[rel->crime]);
		return true;
	case 'I':
		buf_str(b, issues[rel->issue]);
		return true;
	case 'G':
		buf_str(b, charges[rel->charge]);
		return true;
	case 'd':
		buf_str(b, drugs[rel->drug]);
		return true;
	case 'g':
		buf_str(b, goods[rel->goods]);
		return true;
	case 'r':
		buf_str(b, artifacts[rel->artifact]);
		return true;
	case 'O':
		buf_str(b, op_first[rel->op1]);
		buf_chr(b, ' ');
		buf_str(b, op_second[rel->op2]);
		return true;
	case 'C':
		buf_str(b, us_cities[rel->office].name);
		return true;
	case 'B':
		buf_str(b, state_name(rel->office));
		return true;
	case 'E':
		buf_str(b, rel->arm ? "ERO" : "HSI");
		return true;
	case 'k':
		buf_uint(b, rel->count, true);
		return true;
	default:
		return false;
	}
}

/* The codes that stand for a number drawn from a range: %A an age, %n a small number,
 * %m months, %t years, %K a large count (its thousands grouped), %Z a year. */
static const struct {
	char code;
	int lo, hi;
	bool group;
} drawn_numbers[] = {
        {'A', 19, 74, false}, {'n', 2, 40, false},     {'m', 6, 240, false},
        {'t', 2, 30, false},  {'K', 100, 90000, true}, {'Z', 1990, 2022, false},
};

static bool expand_number(struct expand_ctx *c, char code)
{
	for (size_t i = 0; i < ARRAY_LEN(drawn_numbers); i++) {
		if (drawn_numbers[i].code != code)
			continue;
		int v = rnd_range(c->r, drawn_numbers[i].lo, drawn_numbers[i].hi);
		buf_uint(c->out, (unsigned long)v, drawn_numbers[i].group);
		return true;
	}
	return false;
}

/* A code drawn anew wherever it occurs: a word from a table, a person, an amount of
 * money, a partner or a quotation (which are templates themselves). False when code
 * is not one. */
static bool expand_drawn(struct expand_ctx *c, char code)
{
	struct rng *r = c->r;
	struct buf *b = c->out;
	switch (code) {
	case 'P':
		gen_person(r, b);
		return true;
	case 'c':
		buf_str(b, PICK_FROM(r, us_cities).name);
		return true;
	case 's':
		buf_str(b, PICK_FROM(r, states).name);
		return true;
	case 'u':
		buf_str(b, PICK_FROM(r, foreign_cities).country);
		return true;
	case 'a':
		expand(c, PICK_FROM(r, partners));
		return true;
	case 'o':
		buf_str(b, PICK_FROM(r, officials));
		return true;
	case '$':
		gen_money(r, b);
		return true;
	case 'W':
		buf_str(b, PICK_FROM(r, weekdays));
		return true;
	case 'H':
		buf_str(b, PICK_FROM(r, month_names));
		return true;
	case 'v':
		buf_str(b, PICK_FROM(r, venues));
		return true;
	case 'D':
		buf_str(b, PICK_FROM(r, drugs));
		return true;
	case 'J':
		buf_str(b, PICK_FROM(r, goods));
		return true;
	case 'R':
		buf_str(b, PICK_FROM(r, artifacts));
		return true;
	case 'q':
		if (c->depth < 2)
			expand(c, PICK_FROM(r, quotes));
		return true;
	default:
		return expand_number(c, code);
	}
}

/* A code for the release's typography: apostrophes, quotation marks and dashes. False
 * when code is not one. */
static bool expand_style(struct expand_ctx *c, char code)
{
	const struct release *rel = c->rel;
	switch (code) {
	case '\'':
		buf_str(c->out, rel->curly ? "’" : "'");
		return true;
	case '<':
		buf_str(c->out, rel->curly ? "“" : "\"");
		return true;
	case '>':
		buf_str(c->out, rel->curly ? "”" : "\"");
		return true;
	case '-':
		buf_str(c->out, dashes[rel->dash]);
		return true;
	default:
		return false;
	}
}

/* One template code; see templates.h. Any other character after '%' stands for
 * itself ("%%" is '%'). */
static void expand_code(struct expand_ctx *c, char code)
{
	if (!expand_story(c, code) && !expand_drawn(c, code) && !expand_style(c, code))
		buf_chr(c->out, code);
}

void expand(struct expand_ctx *c, const char *t)
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
