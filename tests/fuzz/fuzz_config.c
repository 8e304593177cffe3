/* Fuzz target: the configuration and theme readers (config.ini, theme files) on any
 * bytes. They read files, so the input is written to a scratch file first. The
 * configuration relview writes back out must be a file it accepts. (That it reads
 * back to the same is not checked: a key bound in the dump can clash with another
 * action's default — docs/FUZZING.md, open findings.) */
#include "config.h"

#include "fuzz.h"

#include "relview/config.h"
#include "relview/theme.h"

#include <string.h>
#include <unistd.h>

static char scratch[2][64];

static void remove_scratch(void)
{
	for (size_t i = 0; i < 2; i++) {
		if (scratch[i][0])
			unlink(scratch[i]);
	}
}

/* A scratch file (of two: `which`) holding exactly the given bytes; made once,
 * removed at exit. */
static const char *as_file(int which, const void *data, size_t size)
{
	char *path = scratch[which];
	if (!path[0]) {
		snprintf(path, sizeof scratch[0], "/tmp/relview-fuzz-config-XXXXXX");
		int fd = mkstemp(path);
		if (fd < 0)
			abort();
		close(fd);
		if (!scratch[!which][0])
			atexit(remove_scratch);
	}
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	return path;
}

/* config_dump()'s text for c, malloc'd. */
static char *dump(const struct config *c, size_t *len)
{
	char *text = NULL;
	FILE *out = open_memstream(&text, len);
	if (!out)
		abort();
	config_dump(c, out);
	fclose(out);
	return text;
}

static void check_config(const char *path)
{
	struct ini_report report = {NULL, 0};
	struct config c, again;
	config_defaults(&c);
	config_load(&c, path, &report);
	size_t len;
	char *text = dump(&c, &len);
	config_defaults(&again);
	FUZZ_CHECK(config_load(&again, as_file(1, text, len), &report));
	free(text);
	config_free(&c);
	config_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = as_file(0, data, size);
	check_config(path);
	struct ini_report report = {NULL, 0};
	struct theme theme;
	theme_default(&theme);
	theme_load(&theme, path, &report);
	return 0;
}
