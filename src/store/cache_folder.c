/* cache_folder — the cache's folder: which files this process holds, the cap kept by
 * removing the least recently used, what the folder holds (--cache-info) and
 * emptying it (--clear-cache). The file format is cache.c's. */
#include "config.h"

#include "relview/cache.h"

#include "cache_private.h"

#include "relview/grow.h"
#include "relview/text.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The cache files this process has used or written: they hold its catalog. The
 * cap never trims them: that would make the next run over the same inputs read and
 * write them again, and inputs that together pass the cap would evict each other
 * in turn, every run (five bundles of 900 MB against a 2 GiB cap were never
 * re-opened from the cache). Kept for the process's life, as its catalog is. */
static struct {
	pthread_mutex_t lock;
	char **paths;
	size_t n, cap;
} own = {PTHREAD_MUTEX_INITIALIZER, NULL, 0, 0};

static bool is_own_locked(const char *file)
{
	for (size_t i = 0; i < own.n; i++)
		if (strcmp(own.paths[i], file) == 0)
			return true;
	return false;
}

static bool is_own(const char *file)
{
	pthread_mutex_lock(&own.lock);
	bool found = is_own_locked(file);
	pthread_mutex_unlock(&own.lock);
	return found;
}

/* Out of memory, the file is merely not protected from the cap. */
void cache_note_own(const char *file)
{
	pthread_mutex_lock(&own.lock);
	char *copy = is_own_locked(file) ? NULL : strdup(file);
	if (copy && grow_array((void **)&own.paths, &own.cap, own.n + 1, sizeof *own.paths))
		own.paths[own.n++] = copy;
	else
		free(copy);
	pthread_mutex_unlock(&own.lock);
}

struct cached_file {
	char *path;
	uint64_t bytes;
	struct timespec used;
};

static int least_recent_first(const void *pa, const void *pb)
{
	const struct timespec *a = &((const struct cached_file *)pa)->used;
	const struct timespec *b = &((const struct cached_file *)pb)->used;
	if (a->tv_sec != b->tv_sec)
		return (a->tv_sec > b->tv_sec) - (a->tv_sec < b->tv_sec);
	return (a->tv_nsec > b->tv_nsec) - (a->tv_nsec < b->tv_nsec);
}

static bool append_file(struct cached_file **files, size_t *n, size_t *cap, char *path,
                        const struct stat *st)
{
	if (!grow_array((void **)files, cap, *n + 1, sizeof **files))
		return false;
	(*files)[(*n)++] = (struct cached_file){path, (uint64_t)st->st_size, st->st_mtim};
	return true;
}

static bool ends_with(const char *name, const char *suffix)
{
	size_t len = strlen(name), n = strlen(suffix);
	return len > n && strcmp(name + len - n, suffix) == 0;
}

/* The files of the folder with this suffix, least recently used first; NULL when
 * unreadable. */
static struct cached_file *list_files(const char *dir, const char *suffix, size_t *n,
                                      uint64_t *total)
{
	DIR *d = opendir(dir);
	struct cached_file *files = NULL;
	size_t cap = 0;
	*n = 0;
	*total = 0;
	if (!d)
		return NULL;
	for (struct dirent *e; (e = readdir(d));) {
		struct stat st;
		char *path = ends_with(e->d_name, suffix) ? cache_join(dir, e->d_name) : NULL;
		if (path && stat(path, &st) == 0 && append_file(&files, n, &cap, path, &st))
			*total += (uint64_t)st.st_size;
		else
			free(path);
	}
	closedir(d);
	if (files)
		qsort(files, *n, sizeof *files, least_recent_first);
	return files;
}

static void free_files(struct cached_file *files, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(files[i].path);
	free(files);
}

/* The folder's total as the last trim left it, plus what this process wrote since:
 * a trim lists the whole folder, so it is done only when that could pass the cap —
 * a run caching a thousand small inputs had listed it a thousand times. Another
 * process's files written meanwhile are counted at the next trim. */
static uint64_t folder_total;
static pid_t folder_total_of; /* the process that counted it (not a fork's parent) */

/* Bring the folder to at most max_bytes: the least recently used files go first,
 * never one of this process's own but `written` itself, which goes last (then
 * false: its own inputs alone pass the cap). Also remove what writers killed
 * mid-way left behind: temporary files older than any writer still at work. */
static bool trim(const char *dir, const char *written, uint64_t max_bytes)
{
	size_t n;
	uint64_t total;
	struct cached_file *files = list_files(dir, SUFFIX, &n, &total);
	for (size_t i = 0; i < n && total > max_bytes; i++)
		if (!is_own(files[i].path) && strcmp(files[i].path, written) != 0 &&
		    unlink(files[i].path) == 0)
			total -= files[i].bytes;
	bool kept = total <= max_bytes || unlink(written) != 0;
	free_files(files, n);
	folder_total = total;
	folder_total_of = getpid();
	time_t stale = time(NULL) - STALE_TMP_SECONDS;
	files = list_files(dir, TMP_SUFFIX, &n, &total);
	for (size_t i = 0; i < n; i++)
		if (files[i].used.tv_sec < stale)
			unlink(files[i].path);
	free_files(files, n);
	return kept;
}

bool cache_admit(const char *dir, const char *file, uint64_t bytes, uint64_t max_bytes)
{
	bool ok = true;
	if (folder_total_of == getpid() && folder_total + bytes <= max_bytes)
		folder_total += bytes;
	else
		ok = trim(dir, file, max_bytes);
	if (ok)
		cache_note_own(file);
	return ok;
}

/* "12 min", "5 h", "3 days": how long ago a file was used, in whole units (a
 * clock set back: 0 min). */
static void age_name(double seconds, char *out, size_t size)
{
	long s = seconds > 0 ? (long)seconds : 0;
	if (s < 3600)
		snprintf(out, size, "%ld min", s / 60);
	else if (s < 86400)
		snprintf(out, size, "%ld h", s / 3600);
	else
		snprintf(out, size, "%ld day%s", s / 86400, s / 86400 == 1 ? "" : "s");
}

void cache_info(FILE *out, const char *dir, uint64_t max_bytes)
{
	size_t n;
	uint64_t total;
	struct cached_file *files = list_files(dir, SUFFIX, &n, &total);
	time_t now = time(NULL);
	fprintf(out, "cache: %s\n", dir);
	for (size_t i = n; i-- > 0;) {
		char source[PATH_MAX];
		bool readable = cache_source_of(files[i].path, source, sizeof source);
		if (!readable)
			snprintf(source, sizeof source, "(unreadable: %s)", files[i].path);
		char *clean = text_clean_name(source), age[32];
		struct stat st;
		age_name(difftime(now, files[i].used.tv_sec), age, sizeof age);
		/* a bundle moved or removed: its file goes when the cap needs the room */
		fprintf(out, "%10.1f MiB  used %8s ago  %s%s\n", (double)files[i].bytes / 1048576.0,
		        age, clean ? clean : "?",
		        !readable || stat(source, &st) == 0 ? "" : " (gone)");
		free(clean);
	}
	char used[32], allowed[32];
	text_size_name(total, used, sizeof used);
	text_size_name(max_bytes, allowed, sizeof allowed);
	fprintf(out, "%zu bundle%s, %s of %s allowed\n", n, n == 1 ? "" : "s", used, allowed);
	free_files(files, n);
}

/* The line for a file or folder that could not be emptied (err: errno). */
static void cannot(FILE *errors, const char *path, const char *what, int err)
{
	char *clean = text_clean_name(path);
	fprintf(errors, "relview: %s: cannot %s: %s\n", clean ? clean : "?", what, strerror(err));
	free(clean);
}

bool cache_clear(FILE *out, FILE *errors, const char *dir)
{
	size_t n, removed = 0, failed = 0;
	uint64_t total, freed = 0;
	/* A folder not there holds nothing; one that cannot be read or changed fails. */
	if (access(dir, R_OK | W_OK | X_OK) != 0 && errno != ENOENT) {
		cannot(errors, dir, "empty it", errno);
		return false;
	}
	struct cached_file *files = list_files(dir, SUFFIX, &n, &total);
	for (size_t i = 0; i < n; i++) {
		if (unlink(files[i].path) == 0) {
			removed++;
			freed += files[i].bytes;
		} else if (errno != ENOENT) { /* ENOENT: another relview's trim was first */
			failed++;
			cannot(errors, files[i].path, "remove it", errno);
		}
	}
	fprintf(out, "cache: %s\nremoved %zu bundle%s, %.1f MiB\n", dir, removed,
	        removed == 1 ? "" : "s", (double)freed / 1048576.0);
	free_files(files, n);
	return failed == 0;
}
