#include "config.h"

#include "relview/state.h"

#include "relview/bound.h"
#include "relview/elapsed.h"
#include "relview/grow.h"
#include "relview/xdg.h"

#include "relview/catalog.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The file's first line; a later format gets another number. */
#define STATE_HEADER "relview-state 1"
#define STATE_FILE   "state"

/* ---- where ----------------------------------------------------------------------- */

char *state_dir(void)
{
	return xdg_dir("XDG_STATE_HOME", ".local/state");
}

static char *join(const char *dir, const char *name)
{
	char *path = NULL;
	return asprintf(&path, "%s/%s", dir, name) < 0 ? NULL : path;
}

/* ---- the marks in memory ----------------------------------------------------------- */

/* Where hash is, or would be inserted. */
struct hash_sought {
	const struct state *s;
	uint64_t hash;
};

static bool hash_below(const void *ctx, size_t i)
{
	const struct hash_sought *h = ctx;
	return h->s->marks[i].hash < h->hash;
}

static size_t position(const struct state *s, uint64_t hash)
{
	return lower_bound(0, s->n, hash_below, &(struct hash_sought){s, hash});
}

const struct state_mark *state_find(const struct state *s, uint64_t hash)
{
	size_t i = position(s, hash);
	return i < s->n && s->marks[i].hash == hash ? &s->marks[i] : NULL;
}

static bool reserve(struct state *s, size_t more)
{
	return grow_array((void **)&s->marks, &s->cap, s->n + more, sizeof *s->marks);
}

/* A mark with no flags and no line is kept anyway: it may undo a mark another
 * process saved. It is not written out. */
bool state_set(struct state *s, uint64_t hash, uint8_t flags, uint32_t line)
{
	size_t i = position(s, hash);
	if (i == s->n || s->marks[i].hash != hash) {
		if (!reserve(s, 1))
			return false;
		memmove(&s->marks[i + 1], &s->marks[i], (s->n - i) * sizeof *s->marks);
		s->n++;
	}
	s->marks[i] = (struct state_mark){hash, line, flags, true};
	return true;
}

static int hash_order(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* The hashes not marked yet, once each (hashes sorted). */
static size_t count_unmarked(const struct state *s, const uint64_t *hashes, size_t n)
{
	size_t fresh = 0;
	for (size_t i = 0, j = 0; j < n; j++) {
		while (i < s->n && s->marks[i].hash < hashes[j])
			i++;
		bool again = j > 0 && hashes[j - 1] == hashes[j];
		fresh += !again && (i == s->n || s->marks[i].hash != hashes[j]);
	}
	return fresh;
}

bool state_add_flag(struct state *s, uint64_t *hashes, size_t n, uint8_t flag)
{
	if (n > 1)
		qsort(hashes, n, sizeof *hashes, hash_order);
	size_t fresh = count_unmarked(s, hashes, n);
	if (!reserve(s, fresh))
		return false;
	/* One merge from the back: every mark moves once. */
	size_t i = s->n, j = n, k = s->n + fresh;
	while (j > 0) {
		uint64_t h = hashes[j - 1];
		while (i > 0 && s->marks[i - 1].hash > h)
			s->marks[--k] = s->marks[--i];
		if (i > 0 && s->marks[i - 1].hash == h) {
			s->marks[--k] = s->marks[--i];
			s->marks[k].flags |= flag;
			s->marks[k].changed = true;
		} else {
			s->marks[--k] = (struct state_mark){h, 0, flag, true};
		}
		while (j > 0 && hashes[j - 1] == h)
			j--;
	}
	s->n += fresh;
	return true;
}

void state_set_resume(struct state *s, uint64_t hash)
{
	s->resume = hash;
	s->resume_changed = true;
}

uint8_t *state_flags_grow(const struct state *s, const struct catalog *cat, uint8_t *flags,
                          size_t from)
{
	uint8_t *more = realloc(flags, cat->count ? cat->count : 1);
	for (size_t i = from; more && i < cat->count; i++) {
		const struct state_mark *m = state_find(s, cat->releases[i].hash);
		more[i] = m ? m->flags : 0;
	}
	return more;
}

uint8_t *state_flags_of(const struct state *s, const struct catalog *cat)
{
	return state_flags_grow(s, cat, NULL, 0);
}

void state_free(struct state *s)
{
	free(s->marks);
	*s = (struct state){0};
}

/* ---- the file ------------------------------------------------------------------------ */

static bool parse_hash(const char *s, uint64_t *hash, const char **end)
{
	uint64_t v = 0;
	size_t i = 0;
	for (; i < 16; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
		if (d < 0)
			return false;
		v = v << 4 | (uint64_t)d;
	}
	*hash = v;
	*end = s + i;
	return true;
}

static bool parse_flags(const char *s, uint8_t *flags, const char **end)
{
	*flags = 0;
	if (*s == '-') {
		*end = s + 1;
		return true;
	}
	for (; *s == 'r' || *s == 's'; s++)
		*flags |= *s == 'r' ? STATE_READ : STATE_STARRED;
	*end = s;
	return *flags != 0;
}

/* "HASH FLAGS LINE": one release's mark. */
static bool parse_mark(const char *line, struct state_mark *m)
{
	const char *p;
	char *end;
	if (!parse_hash(line, &m->hash, &p) || *p++ != ' ' || !parse_flags(p, &m->flags, &p) ||
	    *p++ != ' ' || *p < '0' || *p > '9')
		return false;
	errno = 0;
	unsigned long v = strtoul(p, &end, 10);
	if (errno || *end || v > UINT32_MAX)
		return false;
	m->line = (uint32_t)v;
	m->changed = false;
	return true;
}

static bool parse_line(struct state *s, const char *line)
{
	const char *end;
	if (strncmp(line, "resume ", 7) == 0)
		return parse_hash(line + 7, &s->resume, &end) && !*end;
	struct state_mark m;
	if (!parse_mark(line, &m) || !reserve(s, 1))
		return false;
	s->marks[s->n++] = m;
	return true;
}

static int by_hash(const void *pa, const void *pb)
{
	uint64_t a = ((const struct state_mark *)pa)->hash,
	         b = ((const struct state_mark *)pb)->hash;
	return a < b ? -1 : a > b;
}

/* Sorted by hash; of two lines for one release (a hand-edited file) one is kept. */
static void normalise(struct state *s)
{
	if (s->n) /* no marks, no array: qsort must not see a null pointer */
		qsort(s->marks, s->n, sizeof *s->marks, by_hash);
	size_t out = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (out && s->marks[out - 1].hash == s->marks[i].hash)
			out--;
		s->marks[out++] = s->marks[i];
	}
	s->n = out;
}

enum read_result { READ_OK, READ_NONE, READ_DAMAGED };

static enum read_result read_file(struct state *s, FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	bool header = false, ok = true;
	while (ok && (len = getline(&line, &cap, f)) >= 0) {
		if (len == 0 || line[len - 1] != '\n' || memchr(line, '\0', (size_t)len)) {
			ok = false; /* cut short, or not text */
			break;
		}
		line[len - 1] = '\0';
		ok = header ? parse_line(s, line) : strcmp(line, STATE_HEADER) == 0;
		header = true;
	}
	free(line);
	if (!ok || !header || ferror(f))
		return READ_DAMAGED;
	normalise(s);
	return READ_OK;
}

static enum read_result read_path(struct state *s, const char *path)
{
	FILE *f = fopen(path, "re");
	if (!f)
		return READ_NONE;
	enum read_result r = read_file(s, f);
	fclose(f);
	return r;
}

/* A damaged file goes aside, once: the next run finds none. */
static void set_aside(const char *path, char *problem, size_t size)
{
	char *bad = NULL;
	if (asprintf(&bad, "%s.bad", path) < 0 || rename(path, bad) != 0)
		snprintf(problem, size, "%s is damaged; it was not read", path);
	else
		snprintf(problem, size, "%s was damaged: set aside as %s; marks start afresh", path,
		         bad);
	free(bad);
}

bool state_load(struct state *s, const char *dir, char *problem, size_t size)
{
	*s = (struct state){0};
	problem[0] = '\0';
	char *path = join(dir, STATE_FILE);
	if (!path)
		return false;
	if (read_path(s, path) == READ_DAMAGED) {
		state_free(s);
		set_aside(path, problem, size);
	}
	free(path);
	return true;
}

static bool write_marks(FILE *f, const void *data)
{
	const struct state *s = data;
	fprintf(f, "%s\n", STATE_HEADER);
	if (s->resume)
		fprintf(f, "resume %016" PRIx64 "\n", s->resume);
	for (size_t i = 0; i < s->n; i++) {
		const struct state_mark *m = &s->marks[i];
		if (!m->flags && !m->line)
			continue;
		fprintf(f, "%016" PRIx64 " %s%s%s %" PRIu32 "\n", m->hash,
		        m->flags & STATE_READ ? "r" : "", m->flags & STATE_STARRED ? "s" : "",
		        m->flags ? "" : "-", m->line);
	}
	return fflush(f) == 0 && !ferror(f);
}

/* Write to a temporary file, then rename it over the old: a reader sees one or
 * the other, never half of one. */
static bool write_path(const char *path, bool (*write)(FILE *, const void *), const void *data)
{
	char *tmp = NULL;
	if (asprintf(&tmp, "%s.%ld.tmp", path, (long)getpid()) < 0)
		return false;
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	bool ok = f && write(f, data) && fsync(fileno(f)) == 0;
	if (f)
		ok = fclose(f) == 0 && ok;
	else if (fd >= 0)
		close(fd);
	ok = ok && rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	free(tmp);
	return ok;
}

/* Lay this process's changes over what is on disk now. */
static bool merge_into(struct state *disk, const struct state *mine)
{
	for (size_t i = 0; i < mine->n; i++) {
		const struct state_mark *m = &mine->marks[i];
		if (m->changed && !state_set(disk, m->hash, m->flags, m->line))
			return false;
	}
	if (mine->resume_changed)
		disk->resume = mine->resume;
	for (size_t i = 0; i < disk->n; i++)
		disk->marks[i].changed = false;
	disk->resume_changed = false;
	return true;
}

/* An exclusive lock on dir/state.lock, held until the descriptor is closed. Another
 * process may hold it for ever (a stopped relview, a child that inherited it): it
 * is asked for without blocking, again every LOCK_POLL_MS, for up to wait_ms; -1
 * with errno EWOULDBLOCK when it stayed held. */
static int lock_dir(const char *dir, int wait_ms)
{
	enum { LOCK_POLL_MS = 20 };
	char *path = join(dir, STATE_FILE ".lock");
	int fd = path ? open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600) : -1;
	struct timespec start;
	free(path);
	elapsed_mark(&start);
	while (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) != 0) {
		int why = errno;
		if (why == EWOULDBLOCK && elapsed_ms(&start) < wait_ms) {
			nanosleep(&(struct timespec){0, LOCK_POLL_MS * 1000000L}, NULL);
		} else if (why != EINTR) {
			close(fd);
			errno = why;
			return -1;
		}
	}
	return fd;
}

static void state_describe_busy(const char *dir, char *problem, size_t size)
{
	snprintf(problem, size, "%s/" STATE_FILE ".lock is held by another process", dir);
}

enum state_saved state_save(struct state *s, const char *dir, int wait_ms, char *problem,
                            size_t size)
{
	problem[0] = '\0';
	char *path = join(dir, STATE_FILE);
	int lock = path && xdg_make_dir(dir) ? lock_dir(dir, wait_ms) : -1;
	struct state disk = {0};
	bool ok = lock >= 0, busy = !ok && errno == EWOULDBLOCK;
	if (ok && read_path(&disk, path) == READ_DAMAGED) {
		state_free(&disk);
		set_aside(path, problem, size);
	}
	ok = ok && merge_into(&disk, s) && write_path(path, write_marks, &disk);
	if (lock >= 0)
		close(lock);
	free(path);
	if (ok) {
		state_free(s);
		*s = disk;
		return STATE_SAVED;
	}
	state_free(&disk);
	if (busy)
		state_describe_busy(dir, problem, size);
	else if (!problem[0])
		snprintf(problem, size, "could not save the read marks in %s: %s", dir,
		         strerror(errno));
	return busy ? STATE_BUSY : STATE_FAILED;
}

/* ---- lines: the command line's history ------------------------------------------------ */

struct lines {
	char **items;
	size_t n, cap;
};

static void free_lines(struct lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->items[i]);
	free(l->items);
	*l = (struct lines){0};
}

static bool add_line(struct lines *l, const char *text)
{
	if (!grow_array((void **)&l->items, &l->cap, l->n + 1, sizeof *l->items) ||
	    !(l->items[l->n] = strdup(text)))
		return false;
	l->n++;
	return true;
}

static bool read_lines(struct lines *l, const char *path)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	bool ok = true;
	while (f && ok && getline(&line, &cap, f) > 0) {
		line[strcspn(line, "\n")] = '\0';
		ok = add_line(l, line);
	}
	free(line);
	if (f)
		fclose(f);
	return ok;
}

static bool write_lines(FILE *f, const void *data)
{
	const struct lines *l = data;
	for (size_t i = 0; i < l->n; i++)
		fprintf(f, "%s\n", l->items[i]);
	return fflush(f) == 0 && !ferror(f);
}

char **state_read_lines(const char *dir, const char *name, size_t *n)
{
	struct lines l = {0};
	char *path = join(dir, name);
	if (!path || !read_lines(&l, path))
		free_lines(&l);
	free(path);
	*n = l.n;
	return l.items;
}

void state_free_lines(char **lines, size_t n)
{
	struct lines l = {lines, n, n};
	free_lines(&l);
}

bool state_append_lines(const char *dir, const char *name, const char *const *lines, size_t n,
                        size_t keep, int wait_ms)
{
	char *path = join(dir, name);
	int lock = path && xdg_make_dir(dir) ? lock_dir(dir, wait_ms) : -1;
	struct lines l = {0};
	bool ok = lock >= 0 && read_lines(&l, path);
	for (size_t i = 0; ok && i < n; i++)
		ok = add_line(&l, lines[i]);
	size_t drop = l.n > keep ? l.n - keep : 0;
	struct lines kept = {l.items + drop, l.n - drop, l.n - drop};
	ok = ok && write_path(path, write_lines, &kept);
	if (lock >= 0)
		close(lock);
	free_lines(&l);
	free(path);
	return ok;
}
