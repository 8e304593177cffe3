#include "config.h"

#include "relview/feed.h"

#include "relview/elapsed.h"
#include "relview/grow.h"
#include "relview/load.h"
#include "relview/sandbox.h"
#include "relview/text.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* The problem lines as they are reported, kept for the reader's problems pane: the
 * loader writes them (through `tee`, which passes them on to the stream the caller
 * gave), the reader copies them, each under the lock. */
struct problem_log {
	pthread_mutex_t lock;
	char *text;
	size_t len, cap;
	FILE *out; /* the caller's stream */
};

struct feed {
	struct catalog *cat;
	char *const *inputs;
	size_t ninputs;
	struct load_options opt;
	struct load_progress progress;
	/* Of each input, 0 when not known: a file's from the start, a folder's once it
	 * was read (the loader thread writes it, the reader's reads it). */
	_Atomic uint64_t *sizes;
	_Atomic uint64_t total; /* of all the inputs whose size is known */
	struct timespec start;
	pthread_t thread;
	bool threaded;
	atomic_bool done;
	struct problem_log log;
	FILE *tee; /* opt.errors while loading: into log, and on to log.out */
};

static ssize_t log_write(void *cookie, const char *buf, size_t size)
{
	struct problem_log *log = cookie;
	fwrite(buf, 1, size, log->out);
	pthread_mutex_lock(&log->lock);
	if (grow_array((void **)&log->text, &log->cap, log->len + size + 1, 1)) {
		memcpy(log->text + log->len, buf, size);
		log->len += size;
		log->text[log->len] = '\0';
	}
	pthread_mutex_unlock(&log->lock);
	return (ssize_t)size;
}

/* The problems go to the log as well as to the caller's stream; without a stream of
 * its own (out of memory), only to the caller's. */
static void log_open(struct feed *f)
{
	pthread_mutex_init(&f->log.lock, NULL);
	f->log.out = f->opt.errors;
	if (!f->opt.errors)
		return;
	f->tee = fopencookie(&f->log, "w", (cookie_io_functions_t){.write = log_write});
	if (f->tee && setvbuf(f->tee, NULL, _IONBF, 0) == 0)
		f->opt.errors = f->tee;
}

char *feed_problem_lines(struct feed *f, size_t have, size_t *len)
{
	pthread_mutex_lock(&f->log.lock);
	/* Whole lines only: one may be written a piece at a time. */
	size_t whole = f->log.len;
	while (whole && f->log.text[whole - 1] != '\n')
		whole--;
	char *copy = whole != have ? malloc(whole + 1) : NULL;
	if (copy) {
		memcpy(copy, f->log.text, whole);
		copy[whole] = '\0';
	}
	*len = copy ? whole : have;
	pthread_mutex_unlock(&f->log.lock);
	return copy;
}

static void *load_every_input(void *arg)
{
	struct feed *f = arg;
	struct load_counts counts = {0};
	for (size_t i = 0; i < f->ninputs && !atomic_load(&f->progress.cancel); i++) {
		atomic_store(&f->progress.input, i);
		load_input(f->cat, f->inputs[i], &f->opt, &counts);
		/* A folder's size came from its reader as it walked it (load.h). The
		 * total grows first: a drawing thread that sees the size (bytes done)
		 * sees it in the total too, and the bar never passes its end. */
		uint64_t walked = atomic_load(&f->progress.size);
		if (!atomic_load(&f->sizes[i]) && walked) {
			atomic_fetch_add(&f->total, walked);
			atomic_store(&f->sizes[i], walked);
		}
	}
	sandbox_release(); /* the reading child kept for another input, on this thread */
	atomic_store(&f->done, true);
	return NULL;
}

struct feed *feed_start(struct catalog *cat, char *const *inputs, size_t ninputs,
                        const struct load_options *opt)
{
	struct feed *f = calloc(1, sizeof *f);
	if (!f || !(f->sizes = calloc(ninputs ? ninputs : 1, sizeof *f->sizes)) ||
	    !catalog_share(cat)) {
		if (f)
			free(f->sizes);
		free(f);
		return NULL;
	}
	*f = (struct feed){
	        .cat = cat, .inputs = inputs, .ninputs = ninputs, .opt = *opt, .sizes = f->sizes};
	f->opt.progress = &f->progress;
	log_open(f);
	for (size_t i = 0; i < ninputs; i++) {
		struct stat st;
		uint64_t size =
		        stat(inputs[i], &st) == 0 && S_ISREG(st.st_mode) ? (uint64_t)st.st_size : 0;
		atomic_store(&f->sizes[i], size);
		atomic_fetch_add(&f->total, size);
	}
	elapsed_mark(&f->start);
	f->threaded = pthread_create(&f->thread, NULL, load_every_input, f) == 0;
	if (f->threaded) /* to be told from the others (ps -L, tests/ui/frames.sh) */
		pthread_setname_np(f->thread, "relview-loader");
	if (!f->threaded) /* no thread to be had: load before the reader opens */
		load_every_input(f);
	return f;
}

enum order_update feed_enter(struct feed *f, struct order *order, size_t *nadded, bool *finished)
{
	/* Read before the lock: when it was set, every release is in by then. */
	*finished = atomic_load(&f->done);
	catalog_lock(f->cat);
	return order_update(order, f->cat, nadded);
}

void feed_leave(struct feed *f)
{
	catalog_unlock(f->cat);
}

unsigned long long feed_problems(const struct feed *f)
{
	return (unsigned long long)atomic_load(&f->progress.problems);
}

/* Bytes of the files read so far: the inputs before the current one, and as much
 * of the current one as its reader has got through. */
static uint64_t bytes_done(const struct feed *f, size_t input)
{
	uint64_t done = atomic_load(&f->progress.consumed);
	for (size_t i = 0; i < input && i < f->ninputs; i++)
		done += f->sizes[i];
	return done;
}

/* The input's name as the screen may show it: a file name is any bytes, and none of
 * them may reach the terminal as a control (an escape sequence, a bidi override).
 * Longer names are cut; the line is narrower anyway. */
static void input_name(const char *raw, char *out, size_t size)
{
	size_t n = strlen(raw), most = (size - 1) / 3;
	out[text_decode(raw, n < most ? n : most, out, 0)] = '\0';
}

/* The bytes of all the inputs whose size is known, the one being read included once
 * its reader has told it (a folder's, after its walk). */
static uint64_t bytes_total(const struct feed *f, size_t input)
{
	uint64_t total = atomic_load(&f->total);
	if (input < f->ninputs && !atomic_load(&f->sizes[input]))
		total += atomic_load(&f->progress.size);
	return total;
}

void feed_describe(const struct feed *f, char *buf, size_t size, double *fraction)
{
	size_t input = atomic_load(&f->progress.input);
	uint64_t done = bytes_done(f, input), total = bytes_total(f, input);
	double elapsed = elapsed_seconds(&f->start),
	       rate = elapsed > 0 ? (double)done / elapsed : 0;
	char name[3 * 128 + 1];
	input_name(f->inputs[input < f->ninputs ? input : f->ninputs - 1], name, sizeof name);
	/* A file that grew since its size was taken reads past it: the bar, drawn
	 * over the title line, stops at its end. */
	*fraction = !total ? -1 : done < total ? (double)done / (double)total : 1;
	int n = snprintf(buf, size, "loading %zu of %zu: %s  ·  %.1f", input + 1, f->ninputs, name,
	                 (double)done / 1048576.0);
	if (total && n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " of %.1f MiB read (%.0f%%)",
		              (double)total / 1048576.0, *fraction * 100);
	else if (n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, " MiB read");
	if (n >= 0 && (size_t)n < size)
		n += snprintf(buf + n, size - (size_t)n, "  ·  %llu releases  ·  %.1f MiB/s",
		              (unsigned long long)atomic_load(&f->progress.releases),
		              rate / 1048576.0);
	if (total && rate > 0 && done < total && n >= 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, "  ·  about %.0f s left",
		         (double)(total - done) / rate + 0.5);
}

void feed_cancel(struct feed *f)
{
	atomic_store(&f->progress.cancel, true);
}

bool feed_end(struct feed *f)
{
	bool complete = atomic_load(&f->done);
	if (f->threaded) {
		atomic_store(&f->progress.cancel, true);
		pthread_join(f->thread, NULL);
	}
	if (f->tee)
		fclose(f->tee);
	pthread_mutex_destroy(&f->log.lock);
	free(f->log.text);
	free(f->sizes);
	free(f);
	return complete;
}
