/* loading — the reader's first screen: the inputs load on a thread of their own
 * while the terminal shows a progress bar (bytes and releases read, rate, time
 * left). q, Esc or Ctrl-C stop the loading and relview. */
#ifndef RELVIEW_LOADING_H
#define RELVIEW_LOADING_H

#include <stddef.h>

struct catalog;
struct load_options;

/* Load the inputs into the catalog with opt (whose progress must be set) while the
 * open terminal shows how it goes. Returns 0 when every input was read, -1 when the
 * user stopped it, or the number of a signal that asked relview to stop. */
int loading_run(struct catalog *cat, char *const *inputs, size_t ninputs,
                const struct load_options *opt);

#endif
