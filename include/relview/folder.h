/* folder — a folder's tree listed as source reads it: every name below it in name
 * order (byte order, whatever the locale), depth first, each with what it is and,
 * for a file, its size, so that the reading can say how far through the tree it
 * is. One walk, one stat per name, and no allocation per name: the paths lie in
 * one growing buffer. Nothing is opened but the folders themselves. */
#ifndef RELVIEW_FOLDER_H
#define RELVIEW_FOLDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum folder_kind {
	FOLDER_FILE,     /* a regular file (a link to one included) */
	FOLDER_OTHER,    /* a link to a folder (never followed: it could loop), a device... */
	FOLDER_FAILED,   /* could not be looked at or listed: `error` says why */
	FOLDER_TOO_DEEP, /* a folder nested deeper than the walk goes */
};

struct folder_item {
	size_t path; /* offset of its path, relative to the folder, in folder_list.paths */
	uint64_t size;
	int error;
	enum folder_kind kind;
};

struct folder_list {
	int fd;      /* the folder, open: the paths are relative to it */
	char *paths; /* NUL-terminated paths */
	size_t used, cap;
	struct folder_item *items; /* in reading order */
	size_t count, items_cap;
	uint64_t total; /* bytes of all its files */
};

/* Every FOLDER_TICK names, a walk says it goes on (a large tree on a slow disk takes
 * a while, and a reader silent for long is taken for stuck). */
#define FOLDER_TICK 1024

/* List the folder at `path`, folders at most max_depth deep, calling tick(ctx) (if
 * not NULL) as it goes. False with errno when it could not be opened or listed, or
 * when memory ran out (ENOMEM; then the items listed so far are there). Free the
 * list with folder_list_free() either way. */
bool folder_list(struct folder_list *list, const char *path, unsigned max_depth,
                 void (*tick)(void *ctx), void *ctx);

static inline const char *folder_path(const struct folder_list *list,
                                      const struct folder_item *item)
{
	return list->paths + item->path;
}

void folder_list_free(struct folder_list *list);

#endif
