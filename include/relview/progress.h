/* progress — the loading title line as text: which input, how much of the whole is
 * read, the releases, the rate and the time left, composed by priority to fit a
 * width. Pure: the same figures and width give the same line (tests/unit/
 * test_progress.c); the feed gathers the figures, the title line draws the text. */
#ifndef RELVIEW_PROGRESS_H
#define RELVIEW_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

struct progress_figures {
	const char *name;  /* the input being read, as given: any bytes (made safe here) */
	size_t input;      /* its index, from 0 */
	size_t ninputs;    /* at least 1 */
	uint64_t done;     /* bytes read, all the inputs */
	uint64_t total;    /* bytes of all the inputs; 0: not known (a pipe's, a device's) */
	uint64_t releases; /* read so far */
	double elapsed;    /* seconds since the loading began */
};

/* Room enough for any line progress_line() writes. */
enum { PROGRESS_LINE_MAX = 1024 };

/* The share of the whole read, for the bar over the line: negative when the whole
 * is not known, or when the reading went past it (a file that grew: the figures no
 * longer say how far it is). */
double progress_fraction(const struct progress_figures *p);

/* The line for `cols` columns into out (NUL-terminated, cut to size), and its
 * length. What matters most stays longest: the share read (or the bytes, when the
 * whole is not known), the releases and the time left; before them go the program's
 * name, the input's path (its file name stays), the bytes against the whole, the
 * rate, the middle of the file name, the rest of it, the input's number. Narrower
 * than the share read alone, the line is wider than cols, for the caller to cut. */
size_t progress_line(const struct progress_figures *p, size_t cols, char *out, size_t size);

#endif
