#include "config.h"

#include "relview/xdg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *xdg_dir(const char *variable, const char *fallback)
{
	const char *xdg = getenv(variable), *home = getenv("HOME");
	char *dir = NULL;
	if (xdg && *xdg == '/')
		return asprintf(&dir, "%s/relview", xdg) < 0 ? NULL : dir;
	if (home && *home == '/')
		return asprintf(&dir, "%s/%s/relview", home, fallback) < 0 ? NULL : dir;
	return NULL;
}

bool xdg_make_dir(const char *dir)
{
	char *path = strdup(dir);
	bool ok = path != NULL;
	for (char *p = path ? path + 1 : NULL; ok && *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		ok = mkdir(path, 0700) == 0 || errno == EEXIST;
		*p = '/';
	}
	ok = ok && (mkdir(dir, 0700) == 0 || errno == EEXIST);
	free(path);
	return ok;
}
