/* term — the one module that owns the terminal: opening it (with a fallback when
 * TERM has no terminfo entry), colours and attributes, signals (quit, suspend,
 * hang-up), reading keys, and drawing sanitised UTF-8 text, converted to ASCII
 * stand-ins when the locale is not UTF-8. Whatever way relview ends, the terminal is
 * given back as it was found. */
#ifndef RELVIEW_TERM_H
#define RELVIEW_TERM_H

#include "relview/theme.h"

#include <stdbool.h>
#include <stddef.h>

#define TERM_MIN_COLS  40
#define TERM_MIN_LINES 12

struct term {
	bool utf8;        /* the locale is UTF-8: text is drawn as is */
	char notice[160]; /* said once at start-up, e.g. a TERM fallback */
};

/* Open the terminal on stdout (keys from stdin, or /dev/tty when stdin is not one).
 * False (after saying why on stderr) when no terminal type at all would work. Opening
 * it again while it is open gives the same terminal (its notice said only once). */
bool term_open(struct term *t);
/* The theme the next term_open() colours the screen with (NULL: the built-in one);
 * it must stay valid while the terminal is open. */
void term_set_theme(const struct theme *theme);
/* Give the terminal back; safe to call more than once. */
void term_close(void);

/* A signal that asks relview to stop (SIGINT, SIGTERM, SIGHUP, SIGQUIT), or 0. A
 * pending Ctrl-Z is served here: the terminal is given back, the process stops, and
 * on `fg` the screen is taken again (the caller redraws everything). */
int term_poll_signals(bool *resumed);
/* That signal alone, Ctrl-Z left alone: for a wait once the screen is closed. */
int term_stop_signal(void);

/* Hand the terminal to `sh -c command` with `input` on its standard input, and take
 * it back after; with wait_key the user presses Enter first, to read what the
 * command printed. Ctrl-C, Ctrl-\ and Ctrl-Z are the command's meanwhile. Returns
 * its exit status (128 + the signal that ended it), or -1 when it could not run. */
int term_run(const char *command, const char *input, size_t len, bool wait_key);

/* Bytes for the terminal itself, past curses (an OSC 52 sequence, which moves no
 * cursor and draws nothing). */
void term_send(const char *bytes, size_t len);

/* The next key (keys.h codes), waiting up to timeout_ms (-1: until a key or a
 * signal comes); KEYCODE_NONE when none came. A resize reads as
 * KEYCODE_FN(SPECIAL_RESIZE), a mouse event as KEYCODE_FN(SPECIAL_MOUSE). */
int term_read_key(int timeout_ms);

/* Mouse events: with the mouse on, the wheel and a press of the first button read
 * as KEYCODE_FN(SPECIAL_MOUSE) and term_mouse() says what and where. Off (until
 * this is called), relview never asks the terminal for mouse reporting, so its own
 * selection of text keeps working. */
enum mouse_kind { MOUSE_CLICK, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };
struct mouse {
	enum mouse_kind kind;
	int y, x; /* the cell, from the top left (0, 0) */
};
void term_mouse_on(void);
/* The last mouse event read. */
struct mouse term_mouse(void);

/* The screen's size, and a blank screen to draw on. */
int term_lines(void);
int term_cols(void);
void term_clear(void);

bool term_too_small(void);
/* The "terminal too small" screen. */
void term_draw_too_small(void);

/* Draw UTF-8 text at (y, x) in at most `cols` cells, never splitting a character;
 * returns the cells used. */
int term_put(int y, int x, const char *s, size_t n, int cols, enum role role);
/* The same, cut with an ellipsis when it does not fit, the rest of `cols` blank. */
void term_put_fit(int y, int x, const char *s, size_t n, int cols, enum role role);
/* Fill cells with blanks or with a line-drawing glyph. */
void term_fill(int y, int x, int cols, enum role role);
void term_hline(int y, int x, int cols);
void term_vline(int y, int x, int rows);
/* Repaint the whole screen at the next refresh (Ctrl-L). */
void term_redraw(void);
/* What was drawn made ready to send (in the frame, under the catalog lock) and
 * sent to the terminal (term_update, after the frame: a terminal that stops
 * reading may block it). */
void term_flush(void);
void term_update(void);
/* Where the terminal's real cursor rests, and whether it shows. */
void term_cursor(int y, int x, bool visible);

#endif
