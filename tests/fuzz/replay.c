/* Replays a fuzz target's corpus without libFuzzer, built by the ordinary compiler
 * for `make check`: every seed and every input that once broke the target (kept in
 * the corpus as crash-* files) runs through the target's invariants again. The
 * target's name comes from the build (FUZZ_TARGET); the corpus is
 * $SRCDIR/tests/fuzz/corpus/<target>/. */
#include "config.h"

#include "fuzz.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;
	while (f) {
		if (n == cap) {
			unsigned char *bigger = realloc(buf, cap = cap ? 2 * cap : 4096);
			if (!bigger)
				break;
			buf = bigger;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0) {
			fclose(f);
			*len = n;
			return buf;
		}
	}
	if (f)
		fclose(f);
	free(buf);
	return NULL;
}

static int not_hidden(const struct dirent *d)
{
	return d->d_name[0] != '.';
}

int main(void)
{
	const char *srcdir = getenv("SRCDIR");
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/tests/fuzz/corpus/%s", srcdir ? srcdir : ".", FUZZ_TARGET);
	struct dirent **names;
	int n = scandir(dir, &names, not_hidden, alphasort);
	if (n <= 0) {
		fprintf(stderr, "%s: no corpus\n", dir);
		return 99; /* automake: the test could not run */
	}
	for (int i = 0; i < n; i++) {
		char path[8192];
		size_t len = 0;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]->d_name);
		unsigned char *data = read_whole(path, &len);
		if (!data) {
			perror(path);
			return 99;
		}
		fprintf(stderr, "%s\n", names[i]->d_name); /* the last name shown broke it */
		LLVMFuzzerTestOneInput(data, len);
		free(data);
		free(names[i]);
	}
	free(names);
	printf("%s: %d inputs replayed\n", FUZZ_TARGET, n);
	return 0;
}
