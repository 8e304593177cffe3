/* searchbench — keystroke-to-result time of the reader's incremental search.
 *
 * Loads a bundle as relview does, then types each query one character at a time
 * into the same search the list uses (view.h's browse), timing from the keystroke
 * until the result list is complete. Prints one line per keystroke class and the
 * median and worst over all keystrokes:
 *
 *	bench/searchbench BUNDLE QUERY...
 */
#include "config.h"

#include "relview/catalog.h"
#include "relview/load.h"
#include "relview/order.h"
#include "relview/query.h"
#include "relview/sandbox.h"
#include "relview/topics.h"
#include "relview/browse.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Type one query into the search, a character at a time; record each latency. */
static void type_query(struct browse *b, const char *query, double *lat, size_t *nlat)
{
	size_t len = strlen(query);
	for (size_t i = 1; i <= len; i++) {
		double t0 = now_ms();
		browse_set_search(b, query, i);
		while (!browse_step(b, 4096))
			;
		lat[(*nlat)++] = now_ms() - t0;
		size_t n;
		browse_list(b, &n);
		printf("  %-24.*s %8.2f ms %7zu matches\n", (int)i, query, lat[*nlat - 1], n);
	}
	browse_set_search(b, "", 0);
}

int main(int argc, char **argv)
{
	sandbox_serve(argc, argv, NULL); /* load_input() reads in a child: this program */
	if (argc < 3) {
		fprintf(stderr, "usage: searchbench BUNDLE QUERY...\n");
		return 2;
	}
	struct topic_vocab *vocab = topic_vocab_new();
	struct catalog *cat = catalog_new();
	struct load_options opt = {
	        .limits = SOURCE_DEFAULT_LIMITS, .vocab = vocab, .errors = stderr};
	struct load_counts counts = {0};
	struct order order = {0};
	double t0 = now_ms();
	if (!vocab || !cat || !load_input(cat, argv[1], &opt, &counts) ||
	    !order_sort(&order, cat, false)) {
		fprintf(stderr, "searchbench: cannot load %s\n", argv[1]);
		return 1;
	}
	sandbox_release(); /* the reading child kept for another input */
	printf("loaded %zu releases in %.0f ms\n", cat->count, now_ms() - t0);

	struct browse b;
	struct query q = {0};
	size_t total = 0;
	for (int i = 2; i < argc; i++)
		total += strlen(argv[i]);
	double *lat = malloc((total + 1) * sizeof *lat);
	size_t nlat = 0;
	if (!lat || !browse_init(&b, cat, &order, &q))
		return 1;
	for (int i = 2; i < argc; i++)
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
