/* keys — every key binding of the terminal UI in one table: the action, where it
 * applies, its default keys (by name) and its help text. The key map, the help
 * screen and the documentation all come from this table, so they cannot drift; the
 * [keys] section of the configuration rebinds actions by the same names. No curses
 * here: the configuration is checked without a terminal. */
#ifndef RELVIEW_KEYS_H
#define RELVIEW_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* Where a binding applies. VIEW keys go to the pane on top of the pane stack (the
 * list, the reader, help...), which gives movement its own meaning; PICKER keys to a topic or
 * location picker, before the PROMPT keys that edit its narrowing text (once text is typed, a
 * PICKER key that is a character, Space, types itself); PROMPT keys to a prompt. */
enum key_context { KEYS_VIEW, KEYS_PICKER, KEYS_PROMPT };

/* Which panes an action means something over, when the pane with the keys does
 * not take it itself: it goes on down the pane stack (pane.h) through the panes
 * that let its scope pass, to the loop. PANE: a pane's own (movement, open,
 * close); ANY: from anywhere (quit, help, redraw); LIST: about the list or the
 * layout, which mean nothing over the related releases, the timeline or help;
 * RELEASE: about the release in front, wherever that is. */
enum key_scope { SCOPE_PANE, SCOPE_ANY, SCOPE_LIST, SCOPE_RELEASE };
#define SCOPE_BIT(scope) (1u << (scope))

/* X(action, context, scope, default keys separated by spaces, help) */
#define KEY_BINDINGS(X)                                                                            \
	X(DOWN, KEYS_VIEW, SCOPE_PANE, "j Down",                                                   \
	  "next release; in the reader, scroll down a line")                                       \
	X(UP, KEYS_VIEW, SCOPE_PANE, "k Up", "previous release; in the reader, scroll up a line")  \
	X(NEXT_RELEASE, KEYS_VIEW, SCOPE_RELEASE, "J",                                             \
	  "next release, also from the reader, which stays full screen")                           \
	X(PREV_RELEASE, KEYS_VIEW, SCOPE_RELEASE, "K",                                             \
	  "previous release, also from the reader, which stays full screen")                       \
	X(PAGE_DOWN, KEYS_VIEW, SCOPE_PANE, "PgDn Space", "a page down")                           \
	X(PAGE_UP, KEYS_VIEW, SCOPE_PANE, "PgUp b", "a page up")                                   \
	X(HALF_DOWN, KEYS_VIEW, SCOPE_PANE, "C-d", "half a page down")                             \
	X(HALF_UP, KEYS_VIEW, SCOPE_PANE, "C-u", "half a page up")                                 \
	X(TOP, KEYS_VIEW, SCOPE_PANE, "g Home", "to the first release, or the top of the release") \
	X(BOTTOM, KEYS_VIEW, SCOPE_PANE, "G End",                                                  \
	  "to the last release, or the end of the release")                                        \
	X(OPEN, KEYS_VIEW, SCOPE_PANE, "Enter",                                                    \
	  "read the release full screen, from the line it was left at")                            \
	X(CLOSE, KEYS_VIEW, SCOPE_PANE, "q", "close the reader or help; on the list, quit")        \
	X(BACK, KEYS_VIEW, SCOPE_PANE, "Esc", "close the reader or help")                          \
	X(QUIT, KEYS_VIEW, SCOPE_ANY, "Q", "quit from anywhere")                                   \
	X(FOCUS, KEYS_VIEW, SCOPE_LIST, "Tab", "switch between the list and the reader")           \
	X(LAYOUT, KEYS_VIEW, SCOPE_LIST, "v", "side by side, stacked, or the list alone")          \
	X(ZOOM, KEYS_VIEW, SCOPE_LIST, "z", "reader full screen, or back")                         \
	X(SEARCH, KEYS_VIEW, SCOPE_LIST, "/",                                                      \
	  "list: search titles and bodies; reader: find in the release")                           \
	X(NEXT, KEYS_VIEW, SCOPE_RELEASE, "n", "next match in the release")                        \
	X(PREV, KEYS_VIEW, SCOPE_RELEASE, "N", "previous match in the release")                    \
	X(TOPICS, KEYS_VIEW, SCOPE_LIST, "t", "choose topics")                                     \
	X(LOCATIONS, KEYS_VIEW, SCOPE_LIST, "l", "choose locations")                               \
	X(SOURCES, KEYS_VIEW, SCOPE_LIST, "i", "choose sources: which of the inputs")              \
	X(DATES, KEYS_VIEW, SCOPE_LIST, "d",                                                       \
	  "set a date range: FROM..UNTIL, as YYYY, YYYY-MM or YYYY-MM-DD")                         \
	X(CLEAR, KEYS_VIEW, SCOPE_LIST, "c", "clear every filter and the search")                  \
	X(TOGGLE_READ, KEYS_VIEW, SCOPE_RELEASE, "m", "mark the release read, or unread again")    \
	X(STAR, KEYS_VIEW, SCOPE_RELEASE, "s", "star the release, or take its star away")          \
	X(NEXT_UNREAD, KEYS_VIEW, SCOPE_LIST, "u",                                                 \
	  "the next unread release in the list, also from the reader")                             \
	X(MARK_ALL_READ, KEYS_VIEW, SCOPE_LIST, "A",                                               \
	  "mark every release in the list read, once y answers the question")                      \
	X(ONLY_UNREAD, KEYS_VIEW, SCOPE_LIST, "U", "list only unread releases, or all again")      \
	X(ONLY_STARRED, KEYS_VIEW, SCOPE_LIST, "S", "list only starred releases, or all again")    \
	X(RELATED, KEYS_VIEW, SCOPE_RELEASE, "r",                                                  \
	  "related releases (same topic and place, rare names), by reason, newest first")          \
	X(COMMAND, KEYS_VIEW, SCOPE_LIST, ":",                                                     \
	  "go to a year, date or row (2014, 2014-03, 42); topic NAME, location NAME; q")           \
	X(PREV_MONTH, KEYS_VIEW, SCOPE_LIST, "[", "to the month above in the list, at the top")    \
	X(NEXT_MONTH, KEYS_VIEW, SCOPE_LIST, "]", "to the month below in the list, at the top")    \
	X(TIMELINE, KEYS_VIEW, SCOPE_LIST, "T",                                                    \
	  "the timeline: a bar a month under the other filters; Enter on one sets the dates")      \
	X(TIMELINE_UNIT, KEYS_VIEW, SCOPE_PANE, "Left Right",                                      \
	  "in the timeline: a bar a month, or a bar a year")                                       \
	X(COPY_TITLE, KEYS_VIEW, SCOPE_RELEASE, "y", "copy the title to the clipboard (OSC 52)")   \
	X(COPY_SOURCE, KEYS_VIEW, SCOPE_RELEASE, "W",                                              \
	  "copy where the release is from: input and entry")                                       \
	X(COPY_RELEASE, KEYS_VIEW, SCOPE_RELEASE, "Y",                                             \
	  "copy the whole release, a paragraph a line")                                            \
	X(PAGER, KEYS_VIEW, SCOPE_RELEASE, "p", "read the release in $PAGER (less)")               \
	X(PIPE, KEYS_VIEW, SCOPE_RELEASE, "|",                                                     \
	  "pipe the release, as --print prints it, to a command")                                  \
	X(EXPORT, KEYS_VIEW, SCOPE_RELEASE, "e",                                                   \
	  "save the release to a file: FILE.txt, .md or .jsonl")                                   \
	X(EXPORT_LIST, KEYS_VIEW, SCOPE_LIST, "E",                                                 \
	  "save every release in the list to a file, as e does")                                   \
	X(HELP, KEYS_VIEW, SCOPE_ANY, "? F1", "this help")                                         \
	X(PROBLEMS, KEYS_VIEW, SCOPE_ANY, "!",                                                     \
	  "the problems reading the inputs, a line each (also printed when relview ends)")         \
	X(REDRAW, KEYS_VIEW, SCOPE_ANY, "C-l", "redraw the screen")                                \
	X(PICK_DOWN, KEYS_PICKER, SCOPE_PANE, "Down C-n", "next item")                             \
	X(PICK_UP, KEYS_PICKER, SCOPE_PANE, "Up C-p", "previous item")                             \
	X(PICK_PAGE_DOWN, KEYS_PICKER, SCOPE_PANE, "PgDn", "a page down")                          \
	X(PICK_PAGE_UP, KEYS_PICKER, SCOPE_PANE, "PgUp", "a page up")                              \
	X(PICK_TOGGLE, KEYS_PICKER, SCOPE_PANE, "Space Tab",                                       \
	  "choose or unchoose (a group: all its places); after typing, Space types a space")       \
	X(PICK_NONE, KEYS_PICKER, SCOPE_PANE, "C-x", "unchoose everything")                        \
	X(PICK_APPLY, KEYS_PICKER, SCOPE_PANE, "Enter",                                            \
	  "apply the choice; none chosen: the item typed or moved to, else no filter")             \
	X(PROMPT_ACCEPT, KEYS_PROMPT, SCOPE_PANE, "Enter", "keep what was typed")                  \
	X(PROMPT_CANCEL, KEYS_PROMPT, SCOPE_PANE, "Esc C-g",                                       \
	  "cancel and restore what was there before")                                              \
	X(PROMPT_ERASE, KEYS_PROMPT, SCOPE_PANE, "Backspace",                                      \
	  "erase a character (a search widens again)")                                             \
	X(PROMPT_KILL, KEYS_PROMPT, SCOPE_PANE, "C-u", "erase everything typed")                   \
	X(PROMPT_OLDER, KEYS_PROMPT, SCOPE_PANE, "Up",                                             \
	  "the command line, a search or find: the line typed before")                             \
	X(PROMPT_NEWER, KEYS_PROMPT, SCOPE_PANE, "Down",                                           \
	  "the command line, a search or find: the line typed after")

enum action {
	ACT_NONE,
#define AS_ACTION(id, context, scope, keys, help) ACT_##id,
	KEY_BINDINGS(AS_ACTION)
#undef AS_ACTION
	        ACT_COUNT
};

struct key_binding {
	const char *name; /* the action's name, upper case as in the table: "PAGE_DOWN" */
	enum key_context context;
	enum key_scope scope;
	const char *keys; /* default keys, by name */
	const char *help;
};

/* Indexed by action; entry ACT_NONE is empty. */
extern const struct key_binding key_table[ACT_COUNT];
/* What each context is, for the help screen and the documentation. */
extern const char *const keys_context_name[KEYS_PROMPT + 1];

/* The action named (any case: "page_down"), or ACT_NONE. */
enum action keys_action(const char *name);

/* Key codes: a character is its code point; a special key is KEYCODE_FN(k) with k one
 * of enum special_key, outside Unicode. Enter is '\n' and Backspace
 * KEYCODE_FN(SPECIAL_BACKSPACE) whatever the terminal sends. The terminal module maps
 * curses' codes onto these, so this module needs no curses. */
enum special_key {
	SPECIAL_DOWN,
	SPECIAL_UP,
	SPECIAL_LEFT,
	SPECIAL_RIGHT,
	SPECIAL_PGDN,
	SPECIAL_PGUP,
	SPECIAL_HOME,
	SPECIAL_END,
	SPECIAL_BACKSPACE,
	SPECIAL_DELETE,
	SPECIAL_INSERT,
	SPECIAL_BTAB,
	SPECIAL_F1,
	SPECIAL_F12 = SPECIAL_F1 + 11,
	SPECIAL_RESIZE,
	SPECIAL_MOUSE, /* a mouse event: term_mouse() says which */
	SPECIAL_OTHER, /* a function key with no name here */
};
#define KEYCODE_FN(k) (0x200000 | (k))
#define KEYCODE_NONE  (-1)

/* The key code of a key name: a character ("j", "/", "é"), a named key ("Down",
 * "PgDn", "Space", "Enter", "Esc", "F1".."F12"; any case) or a control key ("C-d").
 * KEYCODE_NONE when unknown; KEYCODE_RESERVED for C-c, C-z (signals), C-s and C-q (flow
 * control), which the terminal keeps. */
#define KEYCODE_RESERVED (-2)
int keys_parse(const char *name, size_t len);

/* The canonical name of a key code into out (at least KEYS_NAME_MAX bytes). */
#define KEYS_NAME_MAX 16
void keys_name(int code, char *out);

/* Every binding: the keys of each action in each context. */
#define KEYMAP_MAX (8 * ACT_COUNT)
struct keymap {
	struct keymap_entry {
		int key;
		unsigned char context, action;
	} entries[KEYMAP_MAX];
	size_t n;
};

/* The keys an action is given by a configuration (set: configured at all; none: the
 * action has no keys). */
#define KEYS_PER_ACTION 8
struct key_choice {
	bool set;
	unsigned char n;
	int keys[KEYS_PER_ACTION];
};

/* The key map from the table, with configured actions' keys instead of their
 * defaults (choices: ACT_COUNT entries, or NULL for the table alone). A default key
 * that a configured action took is dropped from its default action. */
void keymap_build(struct keymap *map, const struct key_choice *choices);

/* The action bound to a key in a context (ACT_NONE when none). */
enum action keymap_lookup(const struct keymap *map, enum key_context context, int key);

/* The names of an action's keys joined by sep ("j, Down"), cut to size. */
void keymap_describe(const struct keymap *map, enum action action, const char *sep, char *out,
                     size_t size);

/* The map the terminal UI reads keys with (the table's until keys_use() is called). */
void keys_use(const struct keymap *map);
enum action keys_lookup(enum key_context context, int key);
const struct keymap *keys_active(void);
/* The name of the first key bound to an action in the active map ("" when none),
 * for hints and messages that name a key, so that rebound keys show as they are. */
void keys_first_name(enum action action, char *out, size_t size);

#endif
