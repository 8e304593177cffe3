/* searchbench — keystroke-to-result time of the reader's incremental search.
 *
 * Loads the bundles as relview does, then types each query one character at a time
 * into the same search the list uses (browse.h), timing from the keystroke until
 * the result list is complete. Prints a line per keystroke, each query's median and
 * worst, and the median and worst over all keystrokes:
 *
 *	bench/searchbench BUNDLE QUERY...
 *	bench/searchbench BUNDLE... -- QUERY...
 */
#include "config.h"

#include "relview/browse.h"
#include "relview/catalog.h"
#include "relview/load.h"
#include "relview/order.h"
#include "relview/query.h"
#include "relview/sandbox.h"
#include "relview/topics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Type one query into the search, a character at a time (a key is a whole
 * character, its UTF-8 bytes together); record each latency and say the query's
 * median and worst. */
static void type_query(struct browse *b, const char *query, double *lat, size_t *nlat)
{
	size_t len = strlen(query), first = *nlat;
	for (size_t i = 1; i <= len; i++) {
		while (i < len && ((unsigned char)query[i] & 0xc0) == 0x80)
			i++; /* the rest of the character */
		double t0 = now_ms();
		browse_set_search(b, query, i);
		while (!browse_step(b, 4096))
			;
		lat[(*nlat)++] = now_ms() - t0;
		size_t n;
		browse_list(b, &n);
		printf("  %-28.*s %8.2f ms %7zu matches\n", (int)i, query, lat[*nlat - 1], n);
	}
	browse_set_search(b, "", 0);
	size_t k = *nlat - first;
	double *mine = malloc(k * sizeof *mine);
	if (!mine)
		return;
	memcpy(mine, lat + first, k * sizeof *mine);
	qsort(mine, k, sizeof *mine, by_value);
	printf("query %-28s median %7.2f ms  worst %7.2f ms\n", query, mine[k / 2], mine[k - 1]);
	free(mine);
}

/* Load every bundle into one catalog, as the reader does. */
static bool load_all(struct catalog *cat, char **paths, int n, struct topic_vocab *vocab)
{
	struct load_options opt = {
	        .limits = SOURCE_DEFAULT_LIMITS, .vocab = vocab, .errors = stderr};
	struct load_counts counts = {0};
	for (int i = 0; i < n; i++)
		if (!load_input(cat, paths[i], &opt, &counts)) {
			fprintf(stderr, "searchbench: cannot load %s\n", paths[i]);
			return false;
		}
	return true;
}

int main(int argc, char **argv)
{
	sandbox_serve(argc, argv, NULL); /* load_input() reads in a child: this program */
	/* BUNDLE QUERY..., or BUNDLE... -- QUERY... */
	int split = 2;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--") == 0)
			split = i;
	int queries = split + (split < argc && strcmp(argv[split], "--") == 0);
	if (split < 2 || queries >= argc) {
		fprintf(stderr, "usage: searchbench BUNDLE... [--] QUERY...\n");
		return 2;
	}
	struct topic_vocab *vocab = topic_vocab_new();
	struct catalog *cat = catalog_new();
	struct order order = {0};
	double t0 = now_ms();
	if (!vocab || !cat || !load_all(cat, argv + 1, split - 1, vocab) ||
	    !order_sort(&order, cat, false))
		return 1;
	sandbox_release(); /* the reading child kept for another input */
	printf("loaded %zu releases in %.0f ms\n", cat->count, now_ms() - t0);

	struct browse b;
	struct query q = {0};
	size_t total = 0;
	for (int i = queries; i < argc; i++)
		total += strlen(argv[i]);
	double *lat = malloc((total + 1) * sizeof *lat);
	size_t nlat = 0;
	if (!lat || !browse_init(&b, cat, &order, &q))
		return 1;
	for (int i = queries; i < argc; i++)
		type_query(&b, argv[i], lat, &nlat);
	qsort(lat, nlat, sizeof *lat, by_value);
	printf("keystrokes %zu  median %.2f ms  worst %.2f ms\n", nlat, lat[nlat / 2],
	       lat[nlat - 1]);
	browse_free(&b);
	free(lat);
	order_free(&order);
	catalog_free(cat);
	topic_vocab_free(vocab);
	return 0;
}
