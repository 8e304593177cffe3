/* cache_private.h — what the cache's two files share: cache.c (the file format,
 * reading and writing) and cache_folder.c (the folder: the cap, --cache-info,
 * --clear-cache). */
#ifndef RELVIEW_CACHE_PRIVATE_H
#define RELVIEW_CACHE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SUFFIX            ".cat"
#define TMP_SUFFIX        ".tmp"
#define STALE_TMP_SECONDS 600 /* a temporary file this old has no writer left */

/* dir/name, allocated; NULL when out of memory. */
char *cache_join(const char *dir, const char *name);
/* The bundle a cache file was made from, read from its header and blob into out;
 * false (and "") when the file is not a cache file or the name does not fit. */
bool cache_source_of(const char *file, char *out, size_t size);

/* A file this process uses or wrote: the cap never removes it (cache_folder.c). */
void cache_note_own(const char *file);
/* A file just written (bytes long) joins the folder: the least recently used others
 * are removed while the folder is over max_bytes; false (and the file removed) when
 * the process's own files alone pass it. */
bool cache_admit(const char *dir, const char *file, uint64_t bytes, uint64_t max_bytes);

#endif
