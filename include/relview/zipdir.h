/* zipdir — where a zip archive can be cut into shares for several readers.
 *
 * A zip's members are compressed one by one and listed in its central directory,
 * at the end of the file. Reading that list tells where each member's local header
 * starts, so the archive can be cut between members into runs of about equal
 * compressed size. Each reader then walks only its own run with libarchive's
 * streaming zip reader: no reader inflates, or even walks the headers of, another's
 * members. (Walking all of a 100,000-member zip's headers costs a reader a quarter
 * of a second.)
 *
 * Only the directory is read here, and only an archive the streaming reader will
 * read exactly as the directory lists it is cut: one disk, members in file order,
 * stored or deflated, none encrypted, none a link or device. Any other zip, or one
 * whose directory is damaged, is not cut; it is then read whole, by one reader,
 * with libarchive's directory-driven reader. Called in the sandboxed reader
 * (sandbox.h), as the directory is as untrusted as the rest of the archive. */
#ifndef RELVIEW_ZIPDIR_H
#define RELVIEW_ZIPDIR_H

#include <stdbool.h>
#include <stdint.h>

/* One reader's run of members. */
struct zip_share {
	uint64_t from; /* offset of its first member's local header */
	uint64_t to;   /* offset where the next share begins (the directory's, for the last) */
	uint64_t first_ordinal; /* its first member's place among all the archive's members */
};

/* Share `part` (from 0) of `parts` of the zip archive open on fd. False when the
 * archive is not one that can be cut (see above), has fewer members than shares, or
 * cannot be read. */
bool zipdir_share(int fd, unsigned part, unsigned parts, struct zip_share *share);

#endif
