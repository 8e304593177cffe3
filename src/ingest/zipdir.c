#include "config.h"

#include "relview/zipdir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Record sizes and signatures of the zip format (PKWARE's APPNOTE.TXT). */
#define END_LEN         22 /* end of central directory record */
#define END64_LEN       56 /* zip64 end of central directory record */
#define LOCATOR_LEN     20 /* zip64 end of central directory locator */
#define ENTRY_LEN       46 /* central directory file header, before its name */
#define MAX_COMMENT     0xFFFF
#define ZIP64_EXTRA     0x0001
#define FLAG_ENCRYPTED  0x0041 /* traditional or strong encryption */
#define FLAG_LEN_AFTER  0x0008 /* sizes and CRC follow the data */
#define FLAG_DIR_HIDDEN 0x2000 /* the directory itself is encrypted */
#define METHOD_STORE    0
#define METHOD_DEFLATE  8
#define HOST_UNIX       3
/* A directory larger than this is not read: 1,000,000 members take about 80 MiB. */
#define MAX_DIRECTORY ((uint64_t)128 << 20)
/* Shares an archive may be cut into. */
#define MAX_PARTS 16

static uint16_t le16(const unsigned char *p)
{
	return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)le16(p) | (uint32_t)le16(p + 2) << 16;
}

static uint64_t le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

static bool read_at(int fd, void *buf, size_t len, uint64_t off)
{
	for (size_t done = 0; done < len;) {
		ssize_t got = pread(fd, (char *)buf + done, len - done, (off_t)(off + done));
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		done += (size_t)got;
	}
	return true;
}

/* Where the central directory is, and how many entries it lists. */
struct directory {
	uint64_t offset, size, entries;
};

/* The end record: the last "PK\5\6" in the file's tail whose comment reaches
 * exactly to the end of the file. Sets *at to its offset. */
static bool find_end(int fd, uint64_t file_size, unsigned char *end, uint64_t *at)
{
	size_t tail_len =
	        file_size < END_LEN + MAX_COMMENT ? (size_t)file_size : END_LEN + MAX_COMMENT;
	unsigned char *tail = malloc(tail_len);
	bool found = false;
	if (tail && tail_len >= END_LEN && read_at(fd, tail, tail_len, file_size - tail_len)) {
		for (size_t i = tail_len - END_LEN + 1; i-- > 0 && !found;) {
			found = memcmp(tail + i, "PK\5\6", 4) == 0 &&
			        i + END_LEN + le16(tail + i + 20) == tail_len;
			if (found) {
				memcpy(end, tail + i, END_LEN);
				*at = file_size - tail_len + i;
			}
		}
	}
	free(tail);
	return found;
}

/* The zip64 end record, which the locator just before the end record points to. */
static bool read_zip64_end(int fd, uint64_t end_at, struct directory *dir, uint64_t *at)
{
	unsigned char loc[LOCATOR_LEN], end[END64_LEN];
	if (end_at < LOCATOR_LEN || !read_at(fd, loc, sizeof loc, end_at - LOCATOR_LEN) ||
	    memcmp(loc, "PK\6\7", 4) != 0 || le32(loc + 4) != 0 || le32(loc + 16) != 1)
		return false;
	*at = le64(loc + 8);
	if (*at > end_at - LOCATOR_LEN || !read_at(fd, end, sizeof end, *at) ||
	    memcmp(end, "PK\6\6", 4) != 0 || le32(end + 16) != 0 || le32(end + 20) != 0 ||
	    le64(end + 24) != le64(end + 32))
		return false;
	*dir = (struct directory){le64(end + 48), le64(end + 40), le64(end + 32)};
	return true;
}

/* The directory of a one-disk archive, which must lie before its end records. */
static bool find_directory(int fd, struct directory *dir)
{
	struct stat st;
	unsigned char end[END_LEN];
	uint64_t end_at, limit;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    !find_end(fd, (uint64_t)st.st_size, end, &end_at))
		return false;
	limit = end_at;
	*dir = (struct directory){le32(end + 16), le32(end + 12), le16(end + 10)};
	if (dir->entries == 0xFFFF || dir->size == 0xFFFFFFFF || dir->offset == 0xFFFFFFFF) {
		if (!read_zip64_end(fd, end_at, dir, &limit))
			return false;
	} else if (le16(end + 4) != 0 || le16(end + 6) != 0 || le16(end + 8) != le16(end + 10)) {
		return false;
	}
	return dir->offset <= limit && dir->size <= limit - dir->offset &&
	       dir->size <= MAX_DIRECTORY && dir->entries <= dir->size / ENTRY_LEN;
}

/* One member as the directory lists it. */
struct member {
	struct zip_member at; /* what a share keeps: where it is, its CRC */
	uint64_t packed;      /* its compressed size */
	bool found_by_crc;    /* stored, its length after it: see zip_share */
};

/* A walk over the directory's entries. */
struct cursor {
	const unsigned char *start, *p, *end;
	uint64_t left;  /* entries still to come */
	uint64_t limit; /* every local header lies before this: the directory's offset */
	uint64_t last;  /* the previous member's offset, + 1; 0 before the first */
};

/* Sizes and offset too large for their field are in the zip64 extra field, in
 * this order, each present only when its field says so. */
static bool read_zip64_extra(const unsigned char *x, size_t len, uint32_t packed32,
                             uint32_t offset32, uint32_t size32, struct member *m)
{
	while (len >= 4) {
		size_t id = le16(x), n = le16(x + 2);
		if (n > len - 4)
			return false;
		if (id == ZIP64_EXTRA) {
			const unsigned char *f = x + 4;
			size_t at = size32 == 0xFFFFFFFF ? 8 : 0;
			if (packed32 == 0xFFFFFFFF) {
				if (n < at + 8)
					return false;
				m->packed = le64(f + at);
				at += 8;
			}
			if (offset32 == 0xFFFFFFFF) {
				if (n < at + 8)
					return false;
				m->at.offset = le64(f + at);
			}
			return true;
		}
		x += 4 + n;
		len -= 4 + n;
	}
	return packed32 != 0xFFFFFFFF && offset32 != 0xFFFFFFFF;
}

/* Would libarchive's streaming reader read this entry as the directory lists it? */
static bool streamable(const unsigned char *e)
{
	uint16_t flags = le16(e + 8), method = le16(e + 10);
	uint32_t type = le32(e + 38) >> 16 & 0170000;
	if (flags & (FLAG_ENCRYPTED | FLAG_DIR_HIDDEN))
		return false;
	if (method != METHOD_STORE && method != METHOD_DEFLATE)
		return false;
	/* A link's target is its data: only the directory says it is a link. */
	return le16(e + 4) >> 8 != HOST_UNIX || type == 0 || type == 0100000 || type == 0040000;
}

/* The next member; false at the end or at anything that forbids cutting. */
static bool next_member(struct cursor *c, struct member *m)
{
	if (c->left == 0 || c->end - c->p < ENTRY_LEN || memcmp(c->p, "PK\1\2", 4) != 0)
		return false;
	const unsigned char *e = c->p;
	size_t name = le16(e + 28), extra = le16(e + 30), comment = le16(e + 32);
	if ((size_t)(c->end - e) - ENTRY_LEN < name + extra + comment || le16(e + 34) != 0 ||
	    !streamable(e))
		return false;
	m->at.crc = le32(e + 16);
	m->at.name_at = c->limit + (uint64_t)(e - c->start) + ENTRY_LEN; /* limit: cd's offset */
	m->at.name_len = (uint16_t)name;
	m->found_by_crc = le16(e + 10) == METHOD_STORE && (le16(e + 8) & FLAG_LEN_AFTER);
	m->packed = le32(e + 20);
	m->at.offset = le32(e + 42);
	if (!read_zip64_extra(e + ENTRY_LEN + name, extra, le32(e + 20), le32(e + 42), le32(e + 24),
	                      m))
		return false;
	/* In file order, each after the last and all before the directory. */
	if (m->at.offset < c->last || m->at.offset >= c->limit)
		return false;
	c->last = m->at.offset + 1;
	c->p = e + ENTRY_LEN + name + extra + comment;
	c->left--;
	return true;
}

/* Every member the directory lists, in file order (malloc'd); NULL when one of
 * them forbids cutting. */
static struct member *read_members(const unsigned char *cd, const struct directory *dir)
{
	struct cursor c = {cd, cd, cd + dir->size, dir->entries, dir->offset, 0};
	/* calloc: take_share reads only the members filled here (find_bounds' bounds rise
	 * to n), which scan-build does not follow; zeroes are all it could read otherwise. */
	struct member *all = calloc(dir->entries ? (size_t)dir->entries : 1, sizeof *all);
	uint64_t n = 0;
	while (all && next_member(&c, &all[n]))
		n++;
	if (n == dir->entries)
		return all;
	free(all);
	return NULL;
}

/* Where the shares of the n members begin: bound[p] is the first member of share
 * p, bound[parts] is n; offsets[p] is its local header's offset (`end`, the
 * directory's, for bound[parts]). False if a share would be empty. */
static bool find_bounds(const struct member *all, uint64_t n, uint64_t end, unsigned parts,
                        uint64_t *bound, uint64_t *offsets)
{
	uint64_t total = 0;
	for (uint64_t i = 0; i < n; i++)
		total += all[i].packed;
	uint64_t before = 0; /* packed bytes of the members before this one */
	unsigned p = 0;
	for (uint64_t i = 0; i < n; before += all[i].packed, i++) {
		/* Share p begins at the first member with p/parts of the bytes before it. */
		while (p < parts && before >= total / parts * p + total % parts * p / parts) {
			bound[p] = i;
			offsets[p++] = all[i].at.offset;
		}
	}
	if (p < parts) /* the last shares would begin past the last member */
		return false;
	bound[parts] = n;
	offsets[parts] = end;
	for (unsigned q = 0; q < parts; q++)
		if (bound[q] >= bound[q + 1])
			return false;
	return true;
}

/* Does a local header begin at every share's start? All readers must find the same,
 * or a share would go unread. */
static bool shares_begin_members(int fd, const uint64_t *offsets, unsigned parts)
{
	unsigned char magic[4];
	for (unsigned p = 0; p < parts; p++)
		if (!read_at(fd, magic, sizeof magic, offsets[p]) ||
		    memcmp(magic, "PK\3\4", 4) != 0)
			return false;
	return true;
}

/* Share `part` of the members, as the readers need them. */
static bool take_share(int fd, const struct member *all, const uint64_t *bound,
                       const uint64_t *offsets, unsigned part, struct zip_share *share)
{
	uint64_t first = bound[part], count = bound[part + 1] - first;
	*share = (struct zip_share){offsets[part], offsets[part + 1],
	                            first,         malloc((size_t)count * sizeof *share->members),
	                            count,         fd,
	                            false};
	for (uint64_t i = 0; share->members && i < count; i++) {
		share->members[i] = all[first + i].at;
		share->ends_found_by_crc |= all[first + i].found_by_crc;
	}
	return share->members != NULL;
}

bool zipdir_share(int fd, unsigned part, unsigned parts, struct zip_share *share)
{
	struct directory dir;
	uint64_t bound[MAX_PARTS + 1], offsets[MAX_PARTS + 1];
	if (parts < 2 || parts > MAX_PARTS || part >= parts || !find_directory(fd, &dir))
		return false;
	unsigned char *cd = malloc(dir.size ? (size_t)dir.size : 1);
	struct member *all =
	        cd && read_at(fd, cd, (size_t)dir.size, dir.offset) ? read_members(cd, &dir) : NULL;
	free(cd);
	bool ok = all && find_bounds(all, dir.entries, dir.offset, parts, bound, offsets) &&
	          shares_begin_members(fd, offsets, parts) &&
	          take_share(fd, all, bound, offsets, part, share);
	free(all);
	return ok;
}

void zipdir_share_free(struct zip_share *share)
{
	free(share->members);
	share->members = NULL;
}
