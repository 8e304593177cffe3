/* xdg — the folders relview keeps its files in, after the XDG base directory
 * specification: configuration, cache and state each in a "relview" folder of their
 * own. */
#ifndef RELVIEW_XDG_H
#define RELVIEW_XDG_H

#include <stdbool.h>

/* $VARIABLE/relview when VARIABLE holds an absolute path, else $HOME/FALLBACK/relview
 * ("XDG_CACHE_HOME", ".cache"); malloc'd, NULL when neither is set. */
char *xdg_dir(const char *variable, const char *fallback);

/* Make a folder and the folders above it, private to the user (mode 0700). */
bool xdg_make_dir(const char *dir);

#endif
