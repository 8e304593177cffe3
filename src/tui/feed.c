#include "config.h"

#include "relview/feed.h"

#include "relview/elapsed.h"
#include "relview/grow.h"
#include "relview/load.h"
#include "relview/progress.h"
#include "relview/sandbox.h"

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

struct input_size {
	_Atomic uint64_t bytes;
	atomic_bool known; /* set after bytes */
	bool folder;       /* its size is known once it is walked */
};

struct feed {
	struct catalog *cat;
	char *const *inputs;
	size_t ninputs;
	struct load_options opt;
	struct load_progress progress;
	/* Of each input: a file's from the start, any other's once it was read (a
	 * folder's walked, a pipe's bytes). The loader thread writes them, the reader's
	 * reads them. */
	struct input_size *sizes;
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
		/* Nothing of this input read before it is the one being read: a drawing
		 * thread may count too little for a moment, never the last one twice. */
		atomic_store(&f->progress.consumed, 0);
		atomic_store(&f->progress.size, 0);
		atomic_store(&f->progress.input, i);
		load_input(f->cat, f->inputs[i], &f->opt, &counts);
		/* A folder's size came from its reader as it walked it (load.h); a
		 * pipe's is what was read of it. */
		if (!atomic_load(&f->sizes[i].known)) {
			uint64_t walked = atomic_load(&f->progress.size);
			atomic_store(&f->sizes[i].bytes,
			             walked ? walked : atomic_load(&f->progress.consumed));
			atomic_store(&f->sizes[i].known, true);
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
		bool found = stat(inputs[i], &st) == 0, file = found && S_ISREG(st.st_mode);
		atomic_store(&f->sizes[i].bytes, file ? (uint64_t)st.st_size : 0);
		atomic_store(&f->sizes[i].known, file);
		f->sizes[i].folder = found && S_ISDIR(st.st_mode);
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

/* Bytes of the inputs read so far: the inputs before the current one, and as much
 * of the current one as its reader has got through. */
static uint64_t bytes_done(const struct feed *f, size_t input)
{
	uint64_t done = atomic_load(&f->progress.consumed);
	for (size_t i = 0; i < input && i < f->ninputs; i++)
		done += atomic_load(&f->sizes[i].bytes);
	return done;
}

/* The bytes of all the inputs; 0 while one not read yet has a size not known (a
 * pipe, a device; the one being read once its reader told it). A folder not
 * walked yet counts for nothing until it is: a bundle before it still shows its
 * share. */
static uint64_t bytes_total(const struct feed *f, size_t input)
{
	uint64_t total = 0;
	for (size_t i = 0; i < f->ninputs; i++) {
		bool known = atomic_load(&f->sizes[i].known);
		uint64_t size = known        ? atomic_load(&f->sizes[i].bytes)
		                : i == input ? atomic_load(&f->progress.size)
		                             : 0;
		if (!known && !size && (i == input || (i > input && !f->sizes[i].folder)))
			return 0;
		total += size;
	}
	return total;
}

size_t feed_describe(const struct feed *f, size_t cols, char *buf, size_t size, double *fraction)
{
	size_t input = atomic_load(&f->progress.input);
	struct progress_figures p = {
	        .name = f->inputs[input < f->ninputs ? input : f->ninputs - 1],
	        .input = input,
	        .ninputs = f->ninputs,
	        .done = bytes_done(f, input),
	        .total = bytes_total(f, input),
	        .releases = atomic_load(&f->progress.releases),
	        .elapsed = elapsed_seconds(&f->start),
	};
	*fraction = progress_fraction(&p);
	return progress_line(&p, cols, buf, size);
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
