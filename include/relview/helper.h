/* helper — a second thread for work split in two: the caller starts a job on the
 * helper, does its own share meanwhile, then waits for the helper's. The search
 * (view.c) uses one: scanning the text of many releases is bound by the latency of
 * memory, not its bandwidth, so two cores nearly halve a full scan. */
#ifndef RELVIEW_HELPER_H
#define RELVIEW_HELPER_H

struct helper;

/* A helper thread, waiting for jobs; NULL when this machine has one processor or no
 * thread can be had (then the caller does all the work itself). */
struct helper *helper_new(void);
/* Ends the thread (after the job it may be running). NULL is fine. */
void helper_free(struct helper *h);

/* Runs job(arg) on the helper's thread; helper_wait() comes before the next start. */
void helper_start(struct helper *h, void (*job)(void *), void *arg);
/* Returns when the job started last has ended. */
void helper_wait(struct helper *h);

#endif
