/* relview — a fast, keyboard-driven terminal reader for archives of press releases.
 *
 * main wires the pieces: command line → load every input into one catalog → sort →
 * the terminal reader, or (for --list, --print, --stats, or when stdout is not a
 * terminal) filter into a view → one renderer of that view. */
#include "config.h"

#include "relview/app.h"
#include "relview/catalog.h"
#include "relview/cli.h"
#include "relview/load.h"
#include "relview/output.h"
#include "relview/query.h"
#include "relview/topics.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define DEFAULT_WIDTH 80

static size_t terminal_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 10)
		return ws.ws_col;
	return DEFAULT_WIDTH;
}

/* Load every input; false (after saying so) when no release could be read at all. */
static bool load_all(struct catalog *cat, const struct cli *cli, const struct topic_vocab *vocab)
{
	struct load_options opt = {
	        .limits = SOURCE_DEFAULT_LIMITS,
	        .vocab = vocab,
	        .errors = stderr,
	};
	struct load_counts counts = {0};
	for (size_t i = 0; i < cli->ninputs; i++)
		load_input(cat, cli->inputs[i], &opt, &counts);
	if (cat->count == 0) {
		fprintf(stderr, "relview: no releases could be read\n");
		return false;
	}
	return true;
}

static int render(const struct cli *cli, const struct catalog *cat, const uint32_t *view, size_t n)
{
	switch (cli->mode) {
	case CLI_PRINT:
		if (cli->print_index > n) {
			fprintf(stderr, "relview: --print=%zu: only %zu release%s match\n",
			        cli->print_index, n, n == 1 ? "" : "s");
			return EXIT_FAILURE;
		}
		output_release(stdout, cat, &cat->releases[view[cli->print_index - 1]],
		               cli->width ? cli->width : terminal_width());
		break;
	case CLI_STATS:
		output_stats(stdout, cat, view, n);
		break;
	case CLI_BROWSE: /* not on a terminal: the list, for pipes and scripts */
	case CLI_LIST:
		(cli->format == CLI_JSON ? output_json : output_tsv)(stdout, cat, view, n);
		break;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("relview: standard output");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

static int run(const struct cli *cli)
{
	int status = EXIT_FAILURE;
	struct topic_vocab *vocab = topic_vocab_new();
	struct catalog *cat = catalog_new();
	struct filter filter = {0};
	uint32_t *view = NULL;
	if (!vocab || !cat) {
		fprintf(stderr, "relview: out of memory\n");
	} else if (load_all(cat, cli, vocab)) {
		bool sorted = catalog_sort(cat, cli->oldest_first);
		if (sorted && cli->mode == CLI_BROWSE && isatty(STDOUT_FILENO))
			status = app_run(cat, cli);
		else if (!sorted || !filter_init(&filter, cat, &cli->query) ||
		         !(view = malloc(cat->count * sizeof *view)))
			fprintf(stderr, "relview: out of memory\n");
		else
			status = render(cli, cat, view, filter_view(&filter, view));
	}
	free(view);
	filter_free(&filter);
	catalog_free(cat);
	topic_vocab_free(vocab);
	return status;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	struct cli cli;
	int status;
	switch (cli_parse(argc, argv, &cli)) {
	case CLI_RUN:
		status = run(&cli);
		break;
	case CLI_EXIT_OK:
		status = EXIT_SUCCESS;
		break;
	default:
		status = 2;
		break;
	}
	cli_free(&cli);
	return status;
}
