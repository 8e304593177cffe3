#include "config.h"

#include "relview/helper.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

struct helper {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed; /* a job came, a job ended, or the thread must quit */
	void (*job)(void *);    /* the job to run or running; NULL when idle */
	void *arg;
	bool quit;
};

static void *serve(void *arg)
{
	struct helper *h = arg;
	pthread_mutex_lock(&h->lock);
	for (;;) {
		while (!h->job && !h->quit)
			pthread_cond_wait(&h->changed, &h->lock);
		if (!h->job)
			break;
		pthread_mutex_unlock(&h->lock);
		h->job(h->arg);
		pthread_mutex_lock(&h->lock);
		h->job = NULL;
		pthread_cond_broadcast(&h->changed);
	}
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

struct helper *helper_new(void)
{
	if (sysconf(_SC_NPROCESSORS_ONLN) < 2)
		return NULL;
	struct helper *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	if (pthread_mutex_init(&h->lock, NULL) != 0)
		goto no_lock;
	if (pthread_cond_init(&h->changed, NULL) != 0)
		goto no_cond;
	if (pthread_create(&h->thread, NULL, serve, h) != 0)
		goto no_thread;
	return h;
no_thread:
	pthread_cond_destroy(&h->changed);
no_cond:
	pthread_mutex_destroy(&h->lock);
no_lock:
	free(h);
	return NULL;
}

void helper_free(struct helper *h)
{
	if (!h)
		return;
	pthread_mutex_lock(&h->lock);
	h->quit = true;
	pthread_cond_broadcast(&h->changed);
	pthread_mutex_unlock(&h->lock);
	pthread_join(h->thread, NULL);
	pthread_cond_destroy(&h->changed);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

void helper_start(struct helper *h, void (*job)(void *), void *arg)
{
	pthread_mutex_lock(&h->lock);
	h->job = job;
	h->arg = arg;
	pthread_cond_broadcast(&h->changed);
	pthread_mutex_unlock(&h->lock);
}

void helper_wait(struct helper *h)
{
	pthread_mutex_lock(&h->lock);
	while (h->job)
		pthread_cond_wait(&h->changed, &h->lock);
	pthread_mutex_unlock(&h->lock);
}
