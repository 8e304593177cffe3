/* valgrind_check — whether a test runs under valgrind. */
#include "config.h"

#include "valgrind_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Valgrind preloads its vgpreload library: named in LD_PRELOAD, or at least mapped. */
bool under_valgrind(void)
{
	const char *preload = getenv("LD_PRELOAD");
	if (preload && strstr(preload, "vgpreload"))
		return true;
	FILE *f = fopen("/proc/self/maps", "re");
	char line[512];
	bool found = false;
	while (f && !found && fgets(line, sizeof line, f))
		found = strstr(line, "vgpreload") != NULL;
	if (f)
		fclose(f);
	return found;
}
