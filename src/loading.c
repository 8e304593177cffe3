#include "config.h"

#include "relview/loading.h"

#include "relview/keys.h"
#include "relview/load.h"
#include "relview/term.h"
#include "relview/text.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The screen is redrawn this often while the loader works. */
#define FRAME_MS 100

struct job {
	struct catalog *cat;
	char *const *inputs;
	size_t ninputs;
	const struct load_options *opt;
	uint64_t *sizes; /* of each input; 0 when not a file */
	uint64_t total;  /* of all the inputs that are files */
	atomic_bool done;
};

static void *load_every_input(void *arg)
{
	struct job *job = arg;
	struct load_counts counts = {0};
	for (size_t i = 0; i < job->ninputs && !atomic_load(&job->opt->progress->cancel); i++) {
		atomic_store(&job->opt->progress->input, i);
		load_input(job->cat, job->inputs[i], job->opt, &counts);
	}
	atomic_store(&job->done, true);
	return NULL;
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) + (now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Bytes of the files read so far: the inputs before the current one, and as much
 * of the current one as its reader has got through. */
static uint64_t bytes_done(const struct job *job, size_t input, uint64_t consumed)
{
	uint64_t done = 0;
	for (size_t i = 0; job->sizes && i < input && i < job->ninputs; i++)
		done += job->sizes[i];
	return done + consumed;
}

static void put_line(int y, const char *text, enum role role)
{
	term_put_fit(y, 0, text, strlen(text), term_cols(), role);
}

static void draw_bar(int y, double fraction)
{
	int width = term_cols() - 4;
	int filled = fraction < 0 ? 0 : (int)(fraction * width + 0.5);
	char pct[16];
	snprintf(pct, sizeof pct, fraction < 0 ? "" : "%3.0f%%", fraction * 100);
	term_fill(y, 0, term_cols(), ROLE_NORMAL);
	term_fill(y, 2, width, ROLE_BORDER);
	term_fill(y, 2, filled > width ? width : filled, ROLE_SELECTED);
	term_put(y, 2 + (width - (int)strlen(pct)) / 2, pct, strlen(pct), (int)strlen(pct),
	         ROLE_SELECTED);
}

/* The input's name as the screen may show it: a file name is any bytes, and none of
 * them may reach the terminal as a control (an escape sequence, a bidi override).
 * Longer names are cut; the line is narrower anyway. */
static void input_name(const char *raw, char *out, size_t size)
{
	size_t n = strlen(raw), most = (size - 1) / 3;
	out[text_decode(raw, n < most ? n : most, out, 0)] = '\0';
}

static void draw(const struct job *job, const struct timespec *start)
{
	const struct load_progress *p = job->opt->progress;
	size_t input = atomic_load(&p->input);
	uint64_t done = bytes_done(job, input, atomic_load(&p->consumed));
	double elapsed = seconds_since(start), rate = elapsed > 0 ? done / elapsed : 0;
	char line[512], name[3 * 128 + 1];
	if (term_too_small()) {
		term_draw_too_small();
		return;
	}
	term_clear();
	input_name(job->inputs[input < job->ninputs ? input : job->ninputs - 1], name, sizeof name);
	snprintf(line, sizeof line, " relview  loading %zu of %zu: %s", input + 1, job->ninputs,
	         name);
	put_line(0, line, ROLE_TITLE);
	int mid = term_lines() / 2;
	draw_bar(mid - 1, job->total ? (double)done / (double)job->total : -1);
	int n = snprintf(line, sizeof line, "  %.1f MiB read", done / 1048576.0);
	if (job->total)
		n += snprintf(line + n, sizeof line - (size_t)n, " of %.1f MiB",
		              job->total / 1048576.0);
	n += snprintf(line + n, sizeof line - (size_t)n, "  ·  %llu releases  ·  %.1f MiB/s",
	              (unsigned long long)atomic_load(&p->releases), rate / 1048576.0);
	if (job->total && rate > 0 && done < job->total)
		snprintf(line + n, sizeof line - (size_t)n, "  ·  about %.0f s left",
		         (double)(job->total - done) / rate + 0.5);
	put_line(mid + 1, line, ROLE_NORMAL);
	put_line(term_lines() - 1, "q: stop and quit", ROLE_HINT);
	term_cursor(mid - 1, 2, false);
	term_flush();
}

/* Wait for the loader, redrawing; returns what loading_run returns. */
static int watch(struct job *job)
{
	struct timespec start;
	clock_gettime(CLOCK_MONOTONIC, &start);
	while (!atomic_load(&job->done)) {
		draw(job, &start);
		bool resumed;
		int sig = term_poll_signals(&resumed);
		if (resumed)
			term_redraw();
		int key = term_read_key(FRAME_MS);
		if (sig || key == 'q' || key == 27)
			return sig ? sig : -1;
	}
	return 0;
}

int loading_run(struct catalog *cat, char *const *inputs, size_t ninputs,
                const struct load_options *opt)
{
	uint64_t *sizes = calloc(ninputs ? ninputs : 1, sizeof *sizes);
	struct job job = {cat, inputs, ninputs, opt, sizes, 0, false};
	for (size_t i = 0; sizes && i < ninputs; i++) {
		struct stat st;
		sizes[i] =
		        stat(inputs[i], &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
		job.total += sizes[i];
	}
	pthread_t loader;
	int result = 0;
	if (!sizes || pthread_create(&loader, NULL, load_every_input, &job) != 0) {
		load_every_input(&job); /* no thread to be had: load with no progress shown */
	} else {
		result = watch(&job);
		if (result)
			atomic_store(&opt->progress->cancel, true);
		pthread_join(loader, NULL);
	}
	free(sizes);
	return result;
}
