#include "config.h"

#include "relview/folder.h"

#include "relview/grow.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The walk's own stacks: the names of the folders being listed (each a d_type byte,
 * then the name and its NUL), and the path of the folder being walked. They shrink
 * back as each folder is done, so they are only as large as the deepest branch. */
struct walk {
	struct folder_list *list;
	unsigned max_depth;
	char *names;
	size_t names_used, names_cap;
	size_t *offs; /* where each name begins in names[] */
	size_t offs_used, offs_cap;
	char *rel; /* the current folder's path, relative to the top */
	size_t rel_len, rel_cap;
	void (*tick)(void *ctx);
	void *ctx;
	size_t seen; /* names listed and looked at */
};

static bool put_bytes(char **buf, size_t *used, size_t *cap, const void *bytes, size_t n)
{
	if (!grow_array((void **)buf, cap, *used + n, 1))
		return false;
	memcpy(*buf + *used, bytes, n);
	*used += n;
	return true;
}

static bool push_name(struct walk *w, unsigned char type, const char *name)
{
	if (!grow_array((void **)&w->offs, &w->offs_cap, w->offs_used + 1, sizeof *w->offs))
		return false;
	w->offs[w->offs_used++] = w->names_used;
	return put_bytes(&w->names, &w->names_used, &w->names_cap, &type, 1) &&
	       put_bytes(&w->names, &w->names_used, &w->names_cap, name, strlen(name) + 1);
}

/* In the byte order of the names: the same in every locale, so that loading is
 * reproducible (and faster than collation). Names in a folder differ, so no two
 * compare equal and an unstable sort is as good as a stable one. */
static int by_name(const void *a, const void *b, void *names)
{
	const char *base = names;
	return strcmp(base + *(const size_t *)a + 1, base + *(const size_t *)b + 1);
}

/* Make the current path that of `name` in it; returns the length to go back to. */
static bool enter(struct walk *w, const char *name, size_t *back)
{
	size_t n = strlen(name);
	*back = w->rel_len;
	if (!grow_array((void **)&w->rel, &w->rel_cap, w->rel_len + n + 2, 1))
		return false;
	if (w->rel_len)
		w->rel[w->rel_len++] = '/';
	memcpy(w->rel + w->rel_len, name, n + 1);
	w->rel_len += n;
	return true;
}

static bool add_item(struct walk *w, enum folder_kind kind, uint64_t size, int error)
{
	struct folder_list *l = w->list;
	if (!grow_array((void **)&l->items, &l->items_cap, l->count + 1, sizeof *l->items))
		return false;
	l->items[l->count] = (struct folder_item){l->used, size, error, kind};
	if (!put_bytes(&l->paths, &l->used, &l->cap, w->rel, w->rel_len + 1))
		return false;
	l->count++;
	if (kind == FOLDER_FILE)
		l->total += size;
	return true;
}

static bool walk_folder(struct walk *w, int fd, unsigned depth);

/* A link to a folder? d_type says, where the file system tells it. */
static bool is_link(int dir, const char *name, unsigned char type)
{
	struct stat st;
	if (type != DT_UNKNOWN)
		return type == DT_LNK;
	return fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
}

/* A name was listed or looked at: every FOLDER_TICK, the walk says it goes on. */
static void one_more(struct walk *w)
{
	if (w->tick && ++w->seen % FOLDER_TICK == 0)
		w->tick(w->ctx);
}

/* One name of the folder open on `dir`, whose depth is depth - 1: an item, or a
 * folder walked. False only when memory ran out. */
static bool walk_name(struct walk *w, int dir, unsigned char type, const char *name, unsigned depth)
{
	struct stat st;
	size_t back;
	one_more(w);
	if (!enter(w, name, &back))
		return false;
	bool ok;
	if (fstatat(dir, name, &st, 0) != 0) /* links are followed, as stat() does */
		ok = add_item(w, FOLDER_FAILED, 0, errno);
	else if (S_ISREG(st.st_mode))
		ok = add_item(w, FOLDER_FILE, (uint64_t)st.st_size, 0);
	else if (!S_ISDIR(st.st_mode) || is_link(dir, name, type))
		ok = add_item(w, FOLDER_OTHER, 0, 0);
	else if (depth >= w->max_depth)
		ok = add_item(w, FOLDER_TOO_DEEP, 0, 0);
	else {
		int sub = openat(dir, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		ok = sub >= 0 ? walk_folder(w, sub, depth) : add_item(w, FOLDER_FAILED, 0, errno);
	}
	w->rel_len = back;
	w->rel[back] = '\0';
	return ok;
}

/* Read all the names of the folder before any is looked at, as scandir() did: a
 * folder that cannot be listed yields nothing but its one failure. Listing a
 * million names on a network file system takes a while: it ticks too. */
static int read_names(struct walk *w, DIR *dir)
{
	struct dirent *d;
	errno = 0;
	while ((d = readdir(dir))) {
		if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
			continue;
		if (!push_name(w, d->d_type, d->d_name))
			return ENOMEM;
		one_more(w);
		errno = 0;
	}
	return errno;
}

/* Walk the folder open on fd (which this closes); its names are at depth + 1. A
 * folder that cannot be listed is an item (the top one: false, with errno). */
static bool walk_folder(struct walk *w, int fd, unsigned depth)
{
	size_t names_mark = w->names_used, offs_mark = w->offs_used;
	DIR *dir = fdopendir(fd);
	int err = dir ? read_names(w, dir) : errno;
	bool ok = err == 0;
	if (ok) {
		size_t n = w->offs_used - offs_mark;
		qsort_r(w->offs + offs_mark, n, sizeof *w->offs, by_name, w->names);
		for (size_t i = 0; ok && i < n; i++) {
			size_t at = w->offs[offs_mark + i];
			/* the names may move as deeper folders push theirs: copied first */
			char name[NAME_MAX + 1];
			snprintf(name, sizeof name, "%s", w->names + at + 1);
			ok = walk_name(w, dirfd(dir), (unsigned char)w->names[at], name, depth + 1);
		}
		err = ok ? 0 : ENOMEM;
	} else if (err != ENOMEM && depth > 0) {
		ok = add_item(w, FOLDER_FAILED, 0, err);
		err = ok ? 0 : ENOMEM;
	}
	if (dir)
		closedir(dir);
	else
		close(fd);
	w->names_used = names_mark;
	w->offs_used = offs_mark;
	errno = err;
	return ok;
}

bool folder_list(struct folder_list *list, const char *path, unsigned max_depth,
                 void (*tick)(void *ctx), void *ctx)
{
	*list = (struct folder_list){.fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
	if (list->fd < 0)
		return false;
	int fd = fcntl(list->fd, F_DUPFD_CLOEXEC, 0); /* walk_folder closes its own */
	if (fd < 0)
		return false;
	struct walk w = {.list = list, .max_depth = max_depth, .tick = tick, .ctx = ctx};
	bool ok = enter(&w, "", &(size_t){0}) && walk_folder(&w, fd, 0);
	int err = errno;
	free(w.names);
	free(w.offs);
	free(w.rel);
	errno = err;
	return ok;
}

void folder_list_free(struct folder_list *list)
{
	if (list->fd >= 0)
		close(list->fd);
	free(list->paths);
	free(list->items);
	*list = (struct folder_list){.fd = -1};
}
