/* The list's rows: columns fitted to the width and the configuration. */
#include "config.h"

#include "relview/listrow.h"

#include "relview/config.h"
#include "relview/place.h"
#include "relview/state.h"
#include "relview/term.h"
#include "relview/text.h"

#include <string.h>

/* "* " before a starred release's title. */
#define STAR_WIDTH 2

/* One column and the blank cell after it; returns where the next one starts. */
static int column(int y, int x, struct str text, size_t width, enum role role, bool last)
{
	if (!width)
		return x;
	term_put_fit(y, x, text.s, text.len, (int)width, role);
	if (!last)
		term_fill(y, x + (int)width, 1, role);
	return x + (int)width + 1;
}

/* A trailing ", United States" (a place printed with the country and no state):
 * the list is mostly American and the words crowd out the city. */
static struct str without_us(struct str place)
{
	bool in_state;
	size_t city = place_us_city(place.s, place.len, &in_state);
	if (city && !in_state)
		place.len = city;
	return place;
}

/* The place column: the place facet ("City, ST", "City, Country") without ", United
 * States"; when it must be cut, the city is cut, not what follows its last comma:
 * "San Francis…, CA" and "Kingst…, Jamaica" still say where, "San Francisco, …"
 * does not. */
static int place_column(int y, int x, struct str place, size_t width, enum role role, bool last)
{
	place = without_us(place);
	size_t at = place_last_comma(place.s, place.len);
	const char *comma = at < place.len ? place.s + at : NULL;
	size_t tail = comma ? (size_t)(place.s + place.len - comma) : 0;
	size_t tail_cols = comma ? text_width(comma, tail) : 0;
	/* The whole fits, or there is no room for a letter of the city and "…". */
	if (!comma || text_width(place.s, place.len) <= width || tail_cols + 2 > width)
		return column(y, x, place, width, role, last);
	size_t head_cols = width - tail_cols;
	term_put_fit(y, x, place.s, (size_t)(comma - place.s), (int)head_cols, role);
	term_put(y, x + (int)head_cols, comma, tail, (int)tail_cols, role);
	if (!last)
		term_fill(y, x + (int)width, 1, role);
	return x + (int)width + 1;
}

void listrow_draw(const struct host *host, const struct release *r, int y, int x,
                  const struct columns *c, enum role role)
{
	static const enum role column_role[COLUMN_COUNT] = {ROLE_DATE, ROLE_LOCATION, ROLE_TOPICS,
	                                                    ROLE_LIST};
	const struct config *cfg = host->config;
	char date[64], topics[256];
	config_format_date(cfg, r->date, date, sizeof date);
	/* Cut to the buffer: the column is narrower anyway. */
	size_t joined = catalog_join_topics(host->cat, r, topics, sizeof topics);
	const struct str text[COLUMN_COUNT] = {
	        [COLUMN_DATE] = {date, strlen(date)},
	        [COLUMN_LOCATION] = catalog_location(host->cat, r), /* the place facet */
	        [COLUMN_TOPICS] = {topics, joined < sizeof topics ? joined : sizeof topics},
	        [COLUMN_TITLE] = r->title,
	};
	size_t width[COLUMN_COUNT] = {c->date, c->location, c->topics, c->title};
	/* The cursor row is one colour across; other rows colour each column. */
	bool plain = role == ROLE_LIST || role == ROLE_UNREAD;
	bool starred = host->marks[host_id(host, r)] & STATE_STARRED;
	for (size_t i = 0; i < cfg->ncolumns; i++) {
		enum config_column k = cfg->columns[i];
		enum role cell = plain && k != COLUMN_TITLE ? column_role[k] : role;
		/* A star before the title: it needs no colour to be seen. */
		if (k == COLUMN_TITLE && starred && width[k] > STAR_WIDTH) {
			term_put_fit(y, x, "* ", STAR_WIDTH, STAR_WIDTH, cell);
			x += STAR_WIDTH;
			width[k] -= STAR_WIDTH;
		}
		bool last = i + 1 == cfg->ncolumns;
		x = k == COLUMN_LOCATION ? place_column(y, x, text[k], width[k], cell, last)
		                         : column(y, x, text[k], width[k], cell, last);
	}
}

/* The widest date the configured format prints. */
static size_t date_width(const struct config *cfg)
{
	size_t widest = 0;
	for (uint32_t month = 1; month <= 12; month++) {
		char date[64];
		config_format_date(cfg, 20230028 + month * 100, date, sizeof date);
		size_t w = text_width(date, strlen(date));
		widest = w > widest ? w : widest;
	}
	return widest;
}

/* The view's column widths, with the configured date width, and the room of the
 * columns the configuration leaves out given to the title. */
void listrow_columns(const struct config *cfg, size_t width, struct columns *c)
{
	columns_fit(width, c);
	size_t dw = date_width(cfg);
	if (c->date && dw < c->date + c->title)
		c->title = c->title + c->date - dw, c->date = dw;
	size_t *col[COLUMN_COUNT] = {&c->date, &c->location, &c->topics, &c->title};
	bool shown[COLUMN_COUNT] = {false};
	for (size_t i = 0; i < cfg->ncolumns; i++)
		shown[cfg->columns[i]] = true;
	for (int k = 0; k < COLUMN_TITLE; k++)
		if (!shown[k] && *col[k]) {
			c->title += *col[k] + 1;
			*col[k] = 0;
		}
}
