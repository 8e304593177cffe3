#include "config.h"

#include "relview/elapsed.h"

void elapsed_mark(struct timespec *at)
{
	clock_gettime(CLOCK_MONOTONIC, at);
}

long elapsed_ns(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000000000L + (now.tv_nsec - since->tv_nsec);
}

long elapsed_ms(const struct timespec *since)
{
	return elapsed_ns(since) / 1000000L;
}

double elapsed_seconds(const struct timespec *since)
{
	return (double)elapsed_ns(since) / 1e9;
}

bool elapsed_slice_over(const struct timespec *start)
{
	return elapsed_ns(start) >= SLICE_NS;
}
