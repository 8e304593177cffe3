/* gunzip — inflates a gzip stream with ISA-L (Intel's igzip, about twice as fast as
 * zlib) and hands libarchive the inflated bytes, so that libarchive reads the tar,
 * cpio or plain file inside exactly as it would have with its own gzip filter.
 * Inflating is most of the cost of loading a tar.gz. Multi-member streams are read
 * to their end, every member's CRC and length are checked, and bytes after the last
 * member that are not another member are ignored, as gzip does. */
#ifndef RELVIEW_GUNZIP_H
#define RELVIEW_GUNZIP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct archive;
struct gunzip;

/* Do these first bytes of a stream (4 at least) start a gzip member? */
bool gunzip_magic(const unsigned char *head, size_t len);

/* Open the archive reader on the gzip stream in the file `fd` (which it then owns
 * and closes) or in memory (fd < 0: mem, len; the memory must outlive the reader).
 * Returns libarchive's status; *gz is the inflater, valid until archive_read_free()
 * (or NULL when it could not be made: then fd is closed and ARCHIVE_FATAL returned). */
int gunzip_open(struct archive *a, int fd, const void *mem, size_t len, struct gunzip **gz);

/* Bytes of the gzip stream read so far: the archive's packed size, for progress and
 * for telling decompression bombs. */
uint64_t gunzip_consumed(const struct gunzip *gz);

#endif
