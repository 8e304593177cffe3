#include "config.h"

#include "relview/term.h"

#include "relview/fdio.h"
#include "relview/keys.h"
#include "relview/text.h"
#include "relview/unconst.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static SCREEN *screen;
static FILE *tty_in; /* /dev/tty, when stdin is not the terminal */
static bool utf8;
static chtype role_attr[ROLE_COUNT];
static const struct theme *theme; /* NULL: the built-in one */

static volatile sig_atomic_t stop_signal, suspend_asked;

/* Only flags are set here; the event loop does the work outside the handler, where
 * curses may be called. */
static void on_signal(int sig)
{
	if (sig == SIGTSTP)
		suspend_asked = 1;
	else
		stop_signal = sig;
}

/* No SA_RESTART: a signal interrupts the wait for a key, so it is seen at once. */
static void catch_signal(int sig)
{
	struct sigaction sa = {0};
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

static chtype curses_attrs(unsigned attrs)
{
	static const chtype map[] = {A_BOLD, A_DIM, A_ITALIC, A_UNDERLINE, A_REVERSE, A_BLINK};
	chtype out = A_NORMAL;
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (attrs & 1u << i)
			out |= map[i];
	return out;
}

/* How many colours to use: 256, 16, 8, or 0 for attributes only (no colours, too few
 * colour pairs, or NO_COLOR set, as https://no-color.org asks). */
static int colour_level(void)
{
	const char *no_color = getenv("NO_COLOR");
	if ((no_color && *no_color) || !has_colors() || start_color() == ERR ||
	    COLOR_PAIRS <= ROLE_COUNT)
		return 0;
	return COLORS >= 256 ? 256 : COLORS >= 16 ? 16 : COLORS >= 8 ? 8 : 0;
}

/* Each role gets a colour pair of its theme's colours, brought down to what the
 * terminal has; without colours, its monochrome attributes. */
static void set_roles(void)
{
	struct theme builtin;
	const struct theme *t = theme;
	if (!t) {
		theme_default(&builtin);
		t = &builtin;
	}
	int level = colour_level();
	bool own_default = level && use_default_colors() == OK;
	for (int r = 0; r < ROLE_COUNT; r++) {
		const struct style *s = &t->role[r];
		if (!level) {
			role_attr[r] = curses_attrs(s->mono);
			continue;
		}
		int fg = theme_nearest(s->fg, level), bg = theme_nearest(s->bg, level);
		if (!own_default) {
			fg = fg == COLOUR_DEFAULT ? COLOR_WHITE : fg;
			bg = bg == COLOUR_DEFAULT ? COLOR_BLACK : bg;
		}
		init_pair((short)(r + 1), (short)fg, (short)bg);
		role_attr[r] = COLOR_PAIR(r + 1) | curses_attrs(s->attrs);
	}
	/* Cleared cells take the theme's background too. */
	if (level)
		bkgdset(' ' | COLOR_PAIR(ROLE_NORMAL + 1));
}

void term_set_theme(const struct theme *t)
{
	theme = t;
}

/* Printable ASCII only, so a strange TERM value cannot reach the screen raw. */
static void describe_term(char *out, size_t size, const char *name)
{
	size_t i = 0;
	for (; name[i] && i + 1 < size && i < 40; i++)
		out[i] = name[i] > ' ' && name[i] < 0x7f ? name[i] : '?';
	out[i] = '\0';
}

/* Try TERM, then close relatives that every terminfo database has. */
static const char *open_screen(FILE *in)
{
	static const char *const fallbacks[] = {"xterm-256color", "xterm", "vt100"};
	const char *env = getenv("TERM");
	if (env && *env && (screen = newterm(env, stdout, in)))
		return env;
	for (size_t i = 0; i < sizeof fallbacks / sizeof *fallbacks; i++)
		if ((screen = newterm(fallbacks[i], stdout, in)))
			return fallbacks[i];
	return NULL;
}

/* A terminal type that cannot move the cursor (TERM=dumb: Emacs' shell, a log) would
 * show blank lines: refused, with what to do, as vim does. Another type's sequences
 * would garble such a terminal, so there is no fallback. */
static bool can_address(const char *used)
{
	char *cup = tigetstr("cup");
	if (cup && cup != (char *)-1)
		return true;
	char name[48];
	describe_term(name, sizeof name, used);
	fprintf(stderr,
	        "relview: TERM=%s cannot move the cursor: set TERM to your terminal's type, or "
	        "use --list\n",
	        name);
	return false;
}

/* A TERM unknown here, or none: the screen is drawn for a close relative, and says so. */
static void describe_fallback(struct term *t, const char *used)
{
	const char *env = getenv("TERM");
	if (env == used)
		return;
	char name[48];
	describe_term(name, sizeof name, env ? env : "");
	if (!env || !*env)
		snprintf(t->notice, sizeof t->notice, "TERM is not set: using %s", used);
	else
		snprintf(t->notice, sizeof t->notice, "TERM '%s' is unknown here: using %s", name,
		         used);
}

/* Terminals send Home, End, F1 and the arrows in several forms (normal and
 * application mode, VT220, the Linux console). When TERM names a near relative of
 * the real terminal, as inside tmux or screen or over SSH, a form its entry lacks
 * would read as Esc and stray characters: every common form is a key here, unless the
 * entry already gives that sequence a meaning. */
static void add_key_forms(void)
{
	static const struct {
		const char *seq;
		int key;
	} forms[] = {
	        {"\033[A", KEY_UP},   {"\033OA", KEY_UP},     {"\033[B", KEY_DOWN},
	        {"\033OB", KEY_DOWN}, {"\033[C", KEY_RIGHT},  {"\033OC", KEY_RIGHT},
	        {"\033[D", KEY_LEFT}, {"\033OD", KEY_LEFT},   {"\033[H", KEY_HOME},
	        {"\033OH", KEY_HOME}, {"\033[1~", KEY_HOME},  {"\033[7~", KEY_HOME},
	        {"\033[F", KEY_END},  {"\033OF", KEY_END},    {"\033[4~", KEY_END},
	        {"\033[8~", KEY_END}, {"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE},
	        {"\033OP", KEY_F(1)}, {"\033[11~", KEY_F(1)}, {"\033[[A", KEY_F(1)},
	};
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++)
		if (key_defined(forms[i].seq) == 0)
			define_key(forms[i].seq, forms[i].key);
}

bool term_open(struct term *t)
{
	static bool registered;
	static struct term opened; /* what a second open gets: the loading screen opens first */
	if (screen) {
		*t = opened;
		opened.notice[0] = '\0'; /* said once */
		return true;
	}
	*t = (struct term){0};
	catch_signal(SIGINT);
	catch_signal(SIGTERM);
	catch_signal(SIGHUP);
	catch_signal(SIGQUIT);
	catch_signal(SIGTSTP);
	FILE *in = stdin;
	if (!isatty(STDIN_FILENO) && !(in = tty_in = fopen("/dev/tty", "re"))) {
		fprintf(stderr, "relview: cannot read keys: no terminal (/dev/tty)\n");
		return false;
	}
	const char *used = open_screen(in);
	if (!used) {
		fprintf(stderr, "relview: no usable terminal type (TERM, xterm-256color, xterm, "
		                "vt100)\n");
		term_close();
		return false;
	}
	if (!can_address(used)) {
		term_close();
		return false;
	}
	describe_fallback(t, used);
	if (!registered)
		registered = atexit(term_close) == 0;
	utf8 = t->utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	cbreak(); /* Ctrl-C and Ctrl-Z stay signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	add_key_forms();
	intrflush(stdscr, FALSE);
	set_escdelay(25);
	curs_set(0);
	set_roles();
	opened = *t;
	return true;
}

void term_close(void)
{
	if (screen) {
		curs_set(1);
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	if (tty_in) {
		fclose(tty_in);
		tty_in = NULL;
	}
}

static void suspend(void)
{
	endwin();
	signal(SIGTSTP, SIG_DFL);
	raise(SIGTSTP); /* stopped here until `fg` */
	catch_signal(SIGTSTP);
	clearok(curscr, TRUE);
}

/* ---- handing the terminal to a command --------------------------------------------- */

/* What the keyboard sends the whole foreground group while a command runs: the
 * command's to take, not relview's (a Ctrl-C in a pager must not quit relview). */
static const int held_signals[] = {SIGINT, SIGQUIT, SIGTSTP, SIGPIPE};
enum { NHELD = sizeof held_signals / sizeof *held_signals };

static void set_held(void (*handler)(int), struct sigaction *old)
{
	struct sigaction sa = {0};
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < NHELD; i++)
		sigaction(held_signals[i], &sa, old ? &old[i] : NULL);
}

static int wait_child(pid_t pid)
{
	int status;
	for (;;) {
		if (waitpid(pid, &status, WUNTRACED) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (!WIFSTOPPED(status))
			break;
		/* The command was suspended (Ctrl-Z in a pager): relview stops with it, so
		 * that the shell has the terminal, and both go on after fg. */
		raise(SIGSTOP);
		kill(pid, SIGCONT);
	}
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* `sh -c command` reading `in`, started with posix_spawn (a vfork, cheap however
 * large relview has grown while loading, where a fork would copy its page tables),
 * with every signal at its default and none blocked. -1 when it could not start. */
static pid_t start_child(const char *command, int in)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t all, none;
	char sh[] = "sh", dash_c[] = "-c";
	char *const argv[] = {sh, dash_c, unconst(command), NULL};
	pid_t pid = -1;
	sigfillset(&all);
	sigemptyset(&none);
	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	bool ready = posix_spawn_file_actions_adddup2(&fa, in, STDIN_FILENO) == 0 &&
	             posix_spawnattr_init(&attr) == 0;
	if (ready) {
		ready = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF |
		                                                POSIX_SPAWN_SETSIGMASK) == 0 &&
		        posix_spawnattr_setsigdefault(&attr, &all) == 0 &&
		        posix_spawnattr_setsigmask(&attr, &none) == 0 &&
		        posix_spawn(&pid, "/bin/sh", &fa, &attr, argv, environ) == 0;
		posix_spawnattr_destroy(&attr);
	}
	posix_spawn_file_actions_destroy(&fa);
	return ready ? pid : -1;
}

static void wait_for_enter(void)
{
	FILE *tty = fopen("/dev/tty", "re");
	fputs("\n[relview: press Enter to go back]", stdout);
	fflush(stdout);
	for (int c = 0; tty && c != '\n' && c != EOF;)
		c = getc(tty);
	if (tty)
		fclose(tty);
}

void term_send(const char *bytes, size_t len)
{
	fflush(stdout);                            /* what curses drew goes first */
	fdio_write_all(STDOUT_FILENO, bytes, len); /* a terminal gone: nothing to tell */
}

int term_run(const char *command, const char *input, size_t len, bool wait_key)
{
	int fds[2];
	if (pipe2(fds, O_CLOEXEC) != 0)
		return -1;
	struct sigaction old[NHELD];
	def_prog_mode();
	endwin();
	set_held(SIG_IGN, old);
	pid_t pid = start_child(command, fds[0]);
	close(fds[0]);
	if (pid > 0)
		fdio_write_all(fds[1], input, len); /* the command may not read it all */
	close(fds[1]);
	int status = pid > 0 ? wait_child(pid) : -1;
	if (wait_key && status >= 0)
		wait_for_enter();
	for (int i = 0; i < NHELD; i++)
		sigaction(held_signals[i], &old[i], NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	return status;
}

int term_stop_signal(void)
{
	return stop_signal;
}

int term_poll_signals(bool *resumed)
{
	*resumed = false;
	if (suspend_asked && !stop_signal) {
		suspend_asked = 0;
		suspend();
		*resumed = true;
	}
	return stop_signal;
}

/* curses' codes for the keys that have names in keys.h. */
static int special_key(int ch)
{
	static const struct {
		int curses, special;
	} map[] = {
	        {KEY_DOWN, SPECIAL_DOWN},           {KEY_UP, SPECIAL_UP},
	        {KEY_LEFT, SPECIAL_LEFT},           {KEY_RIGHT, SPECIAL_RIGHT},
	        {KEY_NPAGE, SPECIAL_PGDN},          {KEY_PPAGE, SPECIAL_PGUP},
	        {KEY_HOME, SPECIAL_HOME},           {KEY_END, SPECIAL_END},
	        {KEY_BACKSPACE, SPECIAL_BACKSPACE}, {KEY_DC, SPECIAL_DELETE},
	        {KEY_IC, SPECIAL_INSERT},           {KEY_BTAB, SPECIAL_BTAB},
	        {KEY_RESIZE, SPECIAL_RESIZE},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (map[i].curses == ch)
			return KEYCODE_FN(map[i].special);
	if (ch >= KEY_F(1) && ch <= KEY_F(12))
		return KEYCODE_FN(SPECIAL_F1 + ch - KEY_F(1));
	return KEYCODE_FN(SPECIAL_OTHER);
}

/* ---- the mouse -------------------------------------------------------------------- */

static struct mouse last_mouse;

void term_mouse_on(void)
{
	/* Presses, not clicks: a click is only known at the release, which ncurses
	 * would wait mouseinterval() for. */
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

struct mouse term_mouse(void)
{
	return last_mouse;
}

/* The mouse event ncurses read, as relview's; KEYCODE_NONE for one it does not use
 * (a release, another button). */
static int mouse_key(void)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return KEYCODE_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		last_mouse.kind = MOUSE_WHEEL_UP;
	else if (ev.bstate & BUTTON5_PRESSED)
		last_mouse.kind = MOUSE_WHEEL_DOWN;
	else if (ev.bstate & BUTTON1_PRESSED)
		last_mouse.kind = MOUSE_CLICK;
	else
		return KEYCODE_NONE;
	last_mouse.y = ev.y;
	last_mouse.x = ev.x;
	return KEYCODE_FN(SPECIAL_MOUSE);
}

/* How long the rest of a character typed may take to arrive after its first byte
 * (a terminal sends a character's bytes together). */
#define UTF8_REST_MS 50

/* The character whose first byte is `first`, its other bytes read now; KEYCODE_NONE
 * for bytes that are not UTF-8 (they are dropped, and a byte that cannot continue
 * the character is read again as the next key).
 *
 * Characters are put together here rather than by get_wch(): ncurses keeps an
 * invalid byte (a paste, a terminal in another encoding) and swallows the keys
 * typed after it until a function key, and in the C locale it reads no accented
 * letter at all, where terminals send UTF-8 all the same. */
static int read_utf8(int first)
{
	int more = first >= 0xc2 && first < 0xe0   ? 1
	           : first >= 0xe0 && first < 0xf0 ? 2
	           : first >= 0xf0 && first < 0xf5 ? 3
	                                           : 0;
	if (!more)
		return KEYCODE_NONE;
	uint32_t cp = (uint32_t)first & (0x3fu >> more);
	timeout(UTF8_REST_MS);
	for (int i = 0; i < more; i++) {
		int b = getch();
		if (b == ERR)
			return KEYCODE_NONE;
		if (b > 0xff || (b & 0xc0) != 0x80) {
			ungetch(b);
			return KEYCODE_NONE;
		}
		cp = cp << 6 | ((uint32_t)b & 0x3f);
	}
	/* Overlong forms, surrogates and past Unicode's end are not characters. */
	static const uint32_t least[] = {0, 0x80, 0x800, 0x10000};
	if (cp < least[more] || (cp >= 0xd800 && cp < 0xe000) || cp > 0x10ffff)
		return KEYCODE_NONE;
	return (int)cp;
}

int term_read_key(int timeout_ms)
{
	timeout(timeout_ms);
	int ch = getch();
	if (ch == ERR)
		return KEYCODE_NONE;
	if (ch == KEY_MOUSE)
		return mouse_key();
	if (ch > 0xff)
		return ch == KEY_ENTER ? '\n' : special_key(ch);
	if (ch == '\r')
		return '\n';
	if (ch == 127 || ch == 8)
		return KEYCODE_FN(SPECIAL_BACKSPACE);
	return ch < 0x80 ? ch : read_utf8(ch);
}

bool term_too_small(void)
{
	return COLS < TERM_MIN_COLS || LINES < TERM_MIN_LINES;
}

void term_draw_too_small(void)
{
	char size[64];
	snprintf(size, sizeof size, "need %dx%d, have %dx%d", TERM_MIN_COLS, TERM_MIN_LINES, COLS,
	         LINES);
	const char *lines[] = {"Terminal too small", size, "enlarge it, or q to quit"};
	erase();
	int top = LINES > 3 ? (LINES - 3) / 2 : 0;
	for (int i = 0; i < 3 && top + i < LINES; i++) {
		int len = (int)strlen(lines[i]);
		int x = COLS > len ? (COLS - len) / 2 : 0;
		term_put(top + i, x, lines[i], strlen(lines[i]), COLS - x, ROLE_HEADING);
	}
	term_cursor(top, 0, false);
}

/* The ASCII stand-in of a code point, for locales that cannot show it: accented
 * Latin letters lose their accent, typographic quotes and dashes become plain ones. */
static char ascii_standin(uint32_t cp)
{
	static const char latin1[] =
	        "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	if (cp >= 0x20 && cp < 0x7f)
		return (char)cp;
	if (cp >= 0xC0 && cp <= 0xFF)
		return latin1[cp - 0xC0];
	switch (cp) {
	case 0xA0:
		return ' ';
	case 0xAB:
	case 0xBB:
		return '"';
	case 0xB7: /* the middle dot between the loading screen's figures */
		return '.';
	case 0x2022:
		return '*';
	case 0x2018:
	case 0x2019:
		return '\'';
	case 0x201C:
	case 0x201D:
		return '"';
	case 0x2010:
	case 0x2013:
	case 0x2014:
		return '-';
	case 0x2026:
		return '.';
	}
	return '?';
}

/* One stand-in per cell, so the text takes the room text_width() counted. */
static void put_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t cp = text_next_cp(s, n, &i);
		for (int w = text_cp_width(cp); w > 0; w--)
			addch((chtype)(unsigned char)ascii_standin(cp));
	}
}

/* The role's attributes and colour pair: attrset() would take both as one int. */
static void use_role(enum role role)
{
	attr_set(role_attr[role] & ~A_COLOR, (short)PAIR_NUMBER(role_attr[role]), NULL);
}

int term_put(int y, int x, const char *s, size_t n, int cols, enum role role)
{
	size_t used = 0;
	if (cols <= 0)
		return 0;
	size_t fit = text_fit(s, n, (size_t)cols, &used);
	use_role(role);
	move(y, x);
	if (utf8)
		addnstr(s, (int)fit);
	else
		put_ascii(s, fit);
	attrset(A_NORMAL);
	return (int)used;
}

void term_put_fit(int y, int x, const char *s, size_t n, int cols, enum role role)
{
	const char *ellipsis = utf8 ? "\xe2\x80\xa6" : "~";
	if (cols <= 0)
		return;
	int used;
	if (text_width(s, n) <= (size_t)cols) {
		used = term_put(y, x, s, n, cols, role);
	} else {
		used = term_put(y, x, s, n, cols - 1, role);
		used += term_put(y, x + used, ellipsis, strlen(ellipsis), 1, role);
	}
	term_fill(y, x + used, cols - used, role);
}

void term_fill(int y, int x, int cols, enum role role)
{
	if (cols <= 0)
		return;
	use_role(role);
	mvhline(y, x, ' ', cols);
	attrset(A_NORMAL);
}

void term_hline(int y, int x, int cols)
{
	use_role(ROLE_BORDER);
	move(y, x);
	for (int i = 0; i < cols; i++)
		addstr(utf8 ? "\xe2\x94\x80" : "-");
	attrset(A_NORMAL);
}

void term_vline(int y, int x, int rows)
{
	use_role(ROLE_BORDER);
	for (int i = 0; i < rows; i++)
		mvaddstr(y + i, x, utf8 ? "\xe2\x94\x82" : "|");
	attrset(A_NORMAL);
}

/* The cursor's visibility for term_update() to set: curs_set() writes to the
 * terminal at once, and the frame that asks must not wait on the terminal. */
static int cursor_visible = -1;

void term_cursor(int y, int x, bool visible)
{
	cursor_visible = visible;
	move(y, x);
}

void term_redraw(void)
{
	clearok(curscr, TRUE);
}

void term_flush(void)
{
	wnoutrefresh(stdscr);
}

void term_update(void)
{
	if (cursor_visible >= 0)
		curs_set(cursor_visible);
	doupdate();
}

int term_lines(void)
{
	return LINES;
}

int term_cols(void)
{
	return COLS;
}

void term_clear(void)
{
	erase();
}
