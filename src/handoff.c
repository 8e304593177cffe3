#include "config.h"

#include "relview/handoff.h"

#include <pthread.h>
#include <stdlib.h>

struct slot {
	void *item;
	size_t bytes;
};

struct handoff {
	pthread_mutex_t lock;
	pthread_cond_t put;   /* an item came, or the end */
	pthread_cond_t taken; /* room was made */
	pthread_t thread;
	handoff_consumer consume;
	void *ctx;
	struct slot *slots; /* a ring of max_items */
	size_t max_items, max_bytes;
	size_t head, count, bytes; /* the oldest item, how many, their bytes */
	bool ending;
};

static bool has_room(const struct handoff *h, size_t bytes)
{
	return h->count == 0 || (h->count < h->max_items && h->bytes + bytes <= h->max_bytes);
}

/* The consumer: the oldest item, or false once the queue is empty and ending. */
static bool take(struct handoff *h, struct slot *out)
{
	pthread_mutex_lock(&h->lock);
	while (h->count == 0 && !h->ending)
		pthread_cond_wait(&h->put, &h->lock);
	bool got = h->count > 0;
	if (got) {
		*out = h->slots[h->head];
		h->head = (h->head + 1) % h->max_items;
		h->count--;
		h->bytes -= out->bytes;
		pthread_cond_signal(&h->taken);
	}
	pthread_mutex_unlock(&h->lock);
	return got;
}

static void *consumer(void *arg)
{
	struct handoff *h = arg;
	struct slot s;
	while (take(h, &s))
		h->consume(h->ctx, s.item);
	return NULL;
}

struct handoff *handoff_new(size_t max_items, size_t max_bytes, handoff_consumer consume, void *ctx)
{
	struct handoff *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	*h = (struct handoff){.lock = PTHREAD_MUTEX_INITIALIZER,
	                      .put = PTHREAD_COND_INITIALIZER,
	                      .taken = PTHREAD_COND_INITIALIZER,
	                      .consume = consume,
	                      .ctx = ctx,
	                      .max_items = max_items ? max_items : 1,
	                      .max_bytes = max_bytes};
	h->slots = malloc(h->max_items * sizeof *h->slots);
	if (h->slots && pthread_create(&h->thread, NULL, consumer, h) == 0)
		return h;
	free(h->slots);
	free(h);
	return NULL;
}

void handoff_put(struct handoff *h, void *item, size_t bytes)
{
	pthread_mutex_lock(&h->lock);
	while (!has_room(h, bytes))
		pthread_cond_wait(&h->taken, &h->lock);
	h->slots[(h->head + h->count) % h->max_items] = (struct slot){item, bytes};
	h->count++;
	h->bytes += bytes;
	pthread_cond_signal(&h->put);
	pthread_mutex_unlock(&h->lock);
}

void handoff_finish(struct handoff *h)
{
	pthread_mutex_lock(&h->lock);
	h->ending = true;
	pthread_cond_signal(&h->put);
	pthread_mutex_unlock(&h->lock);
	pthread_join(h->thread, NULL);
	pthread_cond_destroy(&h->put);
	pthread_cond_destroy(&h->taken);
	pthread_mutex_destroy(&h->lock);
	free(h->slots);
	free(h);
}
