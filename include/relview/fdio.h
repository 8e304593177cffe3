/* fdio — all of a buffer written to a descriptor, through interrupted and short
 * writes (a pipe to a command, an export file). */
#ifndef RELVIEW_FDIO_H
#define RELVIEW_FDIO_H

#include <stdbool.h>
#include <stddef.h>

/* False, with errno, when a write fails or writes nothing: the rest is not
 * written. */
bool fdio_write_all(int fd, const void *data, size_t len);

#endif
