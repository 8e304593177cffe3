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

/* A member as the directory lists it: where its local header is, and the CRC-32 of
 * its content, which the reader checks (libarchive's check is turned off for a
 * share: ISA-L's CRC is several times faster than zlib's); and where in the
 * directory its name is, to name a member the reader could not read. */
struct zip_member {
	uint64_t offset;
	uint64_t name_at;
	uint32_t crc;
	uint16_t name_len;
};

/* One reader's run of members. */
struct zip_share {
	uint64_t from; /* offset of its first member's local header */
	uint64_t to;   /* offset where the next share begins (the directory's, for the last) */
	uint64_t first_ordinal;     /* its first member's place among all the archive's members */
	struct zip_member *members; /* its members in file order (malloc'd) */
	uint64_t count;
	int fd; /* the archive's, as given: where a member's name is read */
	/* Some member is stored with its length after its data: the streaming reader
	 * finds its end by the CRC there, so libarchive's CRC check must stay on. */
	bool ends_found_by_crc;
};

/* Share `part` (from 0) of `parts` of the zip archive open on fd. False when the
 * archive is not one that can be cut (see above), has fewer members than shares, or
 * cannot be read. Free the share with zipdir_share_free(). */
bool zipdir_share(int fd, unsigned part, unsigned parts, struct zip_share *share);

void zipdir_share_free(struct zip_share *share);

#endif
