/* state — what relview remembers across runs about the releases read: read and
 * starred marks and the line the reader was at, per release, and the release the
 * list was on. Keyed on the hash of a release's decoded text, so a release keeps its
 * marks in a re-packed bundle. No curses here.
 *
 * The file is $XDG_STATE_HOME/relview/state (~/.local/state/relview/state), a text
 * file written to a temporary file and renamed into place. Two relview processes
 * may run at once: a save takes a lock, reads the file again and lays this
 * process's changes over it, so neither loses the other's marks. A damaged file is
 * set aside as state.bad and reported, and relview starts afresh. */
#ifndef RELVIEW_STATE_H
#define RELVIEW_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum state_flag { STATE_READ = 1, STATE_STARRED = 2 };

struct state_mark {
	uint64_t hash;
	uint32_t line; /* the reader's top line when the release was left */
	uint8_t flags; /* enum state_flag */
	bool changed;  /* by this process since it loaded or saved */
};

struct state {
	struct state_mark *marks; /* sorted by hash, one per hash */
	size_t n, cap;
	uint64_t resume; /* the hash of the release the list was on; 0: none */
	bool resume_changed;
};

/* $XDG_STATE_HOME/relview, or ~/.local/state/relview; NULL when neither variable
 * gives an absolute path (or out of memory). To be freed. */
char *state_dir(void);

/* Read dir/state into s (empty when there is none). A damaged file is renamed to
 * dir/state.bad and a one-line problem written to `problem` (size bytes; "" when
 * none); s is then empty. False only when out of memory. */
bool state_load(struct state *s, const char *dir, char *problem, size_t size);

/* Save s: under a lock, the file is read again, the marks and resume point this
 * process changed are laid over it, and the result is written to a temporary file
 * renamed into place; s becomes that result (STATE_SAVED; problem says when a
 * damaged file was set aside). The lock (dir/state.lock) is waited for up to
 * wait_ms (0: taken only if free), never longer: STATE_BUSY when another process
 * held it all that time, s unchanged, to be saved again later. STATE_FAILED (with
 * problem set) when the file could not be written. It blocks on the file system:
 * the reader calls it with no lock of its own held. */
enum state_saved { STATE_SAVED, STATE_BUSY, STATE_FAILED };
enum state_saved state_save(struct state *s, const char *dir, int wait_ms, char *problem,
                            size_t size);

void state_free(struct state *s);

/* A small file of lines in dir (the command line's history), oldest first; NULL
 * with *n 0 when there is none. Lines are as written: the caller checks them. */
char **state_read_lines(const char *dir, const char *name, size_t *n);
void state_free_lines(char **lines, size_t n);
/* Add lines at the end of that file, keeping the last `keep`: under the lock
 * (waited for up to wait_ms, as state_save waits), by rename, so two relviews add
 * both theirs. False when not written (errno EWOULDBLOCK: the lock stayed held). */
bool state_append_lines(const char *dir, const char *name, const char *const *lines, size_t n,
                        size_t keep, int wait_ms);

/* The mark of a release (NULL when it has none). */
const struct state_mark *state_find(const struct state *s, uint64_t hash);
/* Set a release's flags and reader line; false when out of memory. */
bool state_set(struct state *s, uint64_t hash, uint8_t flags, uint32_t line);
/* Add a flag to the marks of the releases of these hashes (sorted here; one may
 * come more than once), each keeping its line: one pass over the marks however
 * many (mark all read over 100,000 releases). False when out of memory, with
 * nothing changed. */
bool state_add_flag(struct state *s, uint64_t *hashes, size_t n, uint8_t flag);
void state_set_resume(struct state *s, uint64_t hash);

/* The flags of every release of a catalog, by release id (to be freed); NULL when
 * out of memory. */
struct catalog;
uint8_t *state_flags_of(const struct state *s, const struct catalog *cat);
/* The same for a catalog that gained releases: flags (of the releases below
 * `from`) grown to cover the rest. NULL when out of memory; flags is then still
 * the caller's. */
uint8_t *state_flags_grow(const struct state *s, const struct catalog *cat, uint8_t *flags,
                          size_t from);

#endif
