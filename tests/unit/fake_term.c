/* A terminal of cells in memory: see fake_term.h. */
#include "config.h"

#include "fake_term.h"

#include "relview/text.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct screen {
	uint32_t cell[FAKE_LINES_MAX]
	             [FAKE_COLS_MAX]; /* a code point; 0: the right half of a wide one */
	enum role role[FAKE_LINES_MAX][FAKE_COLS_MAX];
	int cy, cx, cursor_shown;
};

static struct screen drawing, shown, snaps[FAKE_SNAPS_MAX];
static int nsnaps, lines = 24, cols = 80;
static const int *script;
static size_t nscript, next_key;
static const struct mouse *mice;
static size_t nmice, next_mouse;
static struct mouse last_mouse;
static int stop;
static long waits_skipped;
static char *ran, *ran_input;

void fake_term_start(int l, int c, const int *keys, size_t n)
{
	lines = l < FAKE_LINES_MAX ? l : FAKE_LINES_MAX;
	cols = c < FAKE_COLS_MAX ? c : FAKE_COLS_MAX;
	script = keys;
	nscript = n;
	next_key = next_mouse = 0;
	nmice = 0;
	nsnaps = stop = 0;
	waits_skipped = 0;
	free(ran);
	free(ran_input);
	ran = ran_input = NULL;
	memset(&shown, 0, sizeof shown);
	memset(&drawing, 0, sizeof drawing);
	memset(snaps, 0, sizeof snaps);
}

void fake_term_mice(const struct mouse *m, size_t n)
{
	mice = m;
	nmice = n;
}

/* ---- reading what was drawn ------------------------------------------------------- */

/* Snapshot k, which a test must have taken: an assertion about one never taken
 * would read an empty or an earlier screen, and could pass for nothing. */
static const struct screen *snapshot_at(int k)
{
	if (k < 0 || k >= nsnaps) {
		fprintf(stderr, "fake_term: no snapshot %d: %d were taken\n", k, nsnaps);
		abort();
	}
	return &snaps[k];
}

const char *fake_line(int k, int y)
{
	static char out[4 * FAKE_COLS_MAX + 1];
	size_t len = 0, end = 0;
	for (int x = 0; x < cols; x++) {
		uint32_t cp = snapshot_at(k)->cell[y][x];
		if (!cp)
			continue;
		len += text_utf8_encode(cp, out + len);
		if (cp != ' ')
			end = len;
	}
	out[end] = '\0';
	return out;
}

enum role fake_role(int k, int y, int x)
{
	return snapshot_at(k)->role[y][x];
}

int fake_find(int k, const char *text)
{
	for (int y = 0; y < lines; y++)
		if (strstr(fake_line(k, y), text))
			return y;
	return -1;
}

void fake_cursor(int k, int *y, int *x, int *visible)
{
	const struct screen *s = snapshot_at(k);
	*y = s->cy;
	*x = s->cx;
	*visible = s->cursor_shown;
}

int fake_snapshots(void)
{
	return nsnaps;
}

const char *fake_ran(void)
{
	return ran;
}

const char *fake_ran_input(void)
{
	return ran_input;
}

/* ---- the terminal module ------------------------------------------------------------- */

bool term_open(struct term *t)
{
	t->utf8 = true;
	t->notice[0] = '\0';
	return true;
}

void term_set_theme(const struct theme *theme)
{
	(void)theme;
}

void term_close(void)
{
}

int term_poll_signals(bool *resumed)
{
	*resumed = false;
	return stop;
}

int term_stop_signal(void)
{
	return 0;
}

int term_run(const char *command, const char *input, size_t len, bool wait_key)
{
	(void)wait_key;
	free(ran);
	free(ran_input);
	ran = strdup(command);
	ran_input = strndup(input, len);
	return 0;
}

void term_send(const char *bytes, size_t len)
{
	(void)bytes;
	(void)len;
}

static void snapshot(void)
{
	if (nsnaps < FAKE_SNAPS_MAX)
		snaps[nsnaps++] = shown;
}

/* A loop that never waits would never be given a key: a test fails, not hangs. */
#define WAITS_SKIPPED_MAX 1000000L

int term_read_key(int timeout_ms)
{
	if (timeout_ms == 0) {
		if (++waits_skipped > WAITS_SKIPPED_MAX) {
			fprintf(stderr, "fake_term: the loop never waits for a key\n");
			abort();
		}
		return KEYCODE_NONE;
	}
	waits_skipped = 0;
	while (next_key < nscript && script[next_key] == FAKE_SNAP) {
		snapshot();
		next_key++;
	}
	if (next_key == nscript) {
		snapshot();
		stop = SIGTERM;
		return KEYCODE_NONE;
	}
	int key = script[next_key++];
	if (key == FAKE_MOUSE && next_mouse < nmice)
		last_mouse = mice[next_mouse++];
	return key;
}

void term_mouse_on(void)
{
}

struct mouse term_mouse(void)
{
	return last_mouse;
}

int term_lines(void)
{
	return lines;
}

int term_cols(void)
{
	return cols;
}

void term_clear(void)
{
	for (int y = 0; y < lines; y++)
		for (int x = 0; x < cols; x++) {
			drawing.cell[y][x] = ' ';
			drawing.role[y][x] = ROLE_NORMAL;
		}
}

bool term_too_small(void)
{
	return lines < TERM_MIN_LINES || cols < TERM_MIN_COLS;
}

void term_draw_too_small(void)
{
	const char *text = "Terminal too small";
	term_put(0, 0, text, strlen(text), cols, ROLE_NORMAL);
}

static void set_cell(int y, int x, uint32_t cp, enum role role)
{
	if (y >= 0 && y < lines && x >= 0 && x < cols) {
		drawing.cell[y][x] = cp;
		drawing.role[y][x] = role;
	}
}

int term_put(int y, int x, const char *s, size_t n, int room, enum role role)
{
	int used = 0;
	for (size_t i = 0; i < n;) {
		size_t at = i;
		uint32_t cp = text_next_cp(s, n, &i);
		int w = (int)text_width(s + at, i - at);
		if (used + w > room)
			break;
		if (w == 0)
			continue;
		set_cell(y, x + used, cp, role);
		if (w == 2)
			set_cell(y, x + used + 1, 0, role);
		used += w;
	}
	return used;
}

void term_put_fit(int y, int x, const char *s, size_t n, int room, enum role role)
{
	int used;
	if ((int)text_width(s, n) <= room) {
		used = term_put(y, x, s, n, room, role);
	} else {
		used = term_put(y, x, s, n, room - 1, role);
		set_cell(y, x + used++, 0x2026, role);
	}
	term_fill(y, x + used, room - used, role);
}

void term_fill(int y, int x, int room, enum role role)
{
	for (int i = 0; i < room; i++)
		set_cell(y, x + i, ' ', role);
}

void term_hline(int y, int x, int room)
{
	for (int i = 0; i < room; i++)
		set_cell(y, x + i, 0x2500, ROLE_NORMAL);
}

void term_vline(int y, int x, int rows)
{
	for (int i = 0; i < rows; i++)
		set_cell(y + i, x, 0x2502, ROLE_NORMAL);
}

void term_redraw(void)
{
}

void term_cursor(int y, int x, bool visible)
{
	drawing.cy = y;
	drawing.cx = x;
	drawing.cursor_shown = visible;
}

void term_flush(void)
{
	shown = drawing;
}

void term_update(void)
{
}
