#include "config.h"

#include "relview/source.h"

#include "relview/folder.h"
#include "relview/grow.h"
#include "relview/gunzip.h"
#include "relview/hash.h"
#include "relview/idindex.h"
#include "relview/zipdir.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <isa-l/crc.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* Deeper folders than this are not walked: a guard against bind-mount loops. */
#define MAX_FOLDER_DEPTH 64
/* Consecutive damaged headers after which the rest of an input is given up. */
#define MAX_HEADER_FAILURES 16
#define READ_CHUNK          ((size_t)1 << 16)
/* The packing ratio of an archive is judged only past this much inflated: a small
 * archive of repetitive text may pack tighter than any real bundle does. */
#define BOMB_FLOOR ((uint64_t)64 << 20)
/* A reading process that came this close to its address-space cap may have lost
 * something to a failed allocation that was not reported as one. */
#define MEMORY_MARGIN ((uint64_t)32 << 20)
/* The first size of the index of hard links' targets. */
#define FIRST_TARGET_SLOTS 128
/* libarchive's code for "not a format I know": EILSEQ on this platform. */
#define NOT_AN_ARCHIVE EILSEQ

/* Entries of the archive being read that a later hard link may name, each as the
 * hashes of its name and of its content: open addressing, pairs of slots, a name's
 * hash never 0 (0 marks a free pair). */
/* The entries handed over that a later hard link may name: their name's and their
 * content's hashes, indexed by both. */
struct link_target {
	uint64_t name, content;
};
struct link_targets {
	struct link_target *items;
	size_t count, cap;
	struct idindex index;
};

struct stream;

struct reader {
	const char *input;
	const struct source_limits *limits;
	const struct source_handler *handler;
	struct source_counts *counts;
	unsigned char *buf; /* one entry's content, reused from entry to entry */
	size_t cap;
	uint64_t inflated;          /* bytes inflated from this input, skipped ones included */
	uint64_t budget;            /* how many it may inflate: the input's limit, or a share's */
	uint64_t packed_out;        /* bytes inflated from the archive being read (of a folder's) */
	struct gunzip *gz;          /* inflating the archive being read, if we do it */
	struct stream *stream;      /* the pipe or device being read, if it is one */
	uint64_t reported;          /* inflated as of the last progress report */
	uint64_t reported_consumed; /* and how far into the file it was */
	const char *current;        /* the entry being read */
	uint64_t ordinal;           /* of the entry being read, among all the input's entries */
	const struct zip_share *share;   /* reading a share of a zip (zipdir.h), or NULL */
	uint64_t next_member;            /* in the share: the next the directory lists */
	const struct zip_member *expect; /* the directory's record of the entry being read */
	struct link_targets targets;     /* of the archive being read */
	uint64_t target_name; /* the entry being read may be a link's target: its name's hash */
	uint64_t link_to;     /* the entry is a hard link with data: its target name's hash */
	bool stop;            /* a limit of the whole input was hit */
	bool dead;            /* the archive being read failed for good */
	bool unclean;         /* the machine, not the input, cut something short (see below) */
	/* Reading a folder: */
	unsigned char *file; /* a loose file's content, reused from file to file */
	size_t file_cap;
	uint64_t folder_done; /* bytes of the folder's files read before this one */
};

static void problem(struct reader *r, const char *path, const char *reason)
{
	r->counts->problems++;
	r->handler->problem(r->handler->ctx, r->input, path, reason);
}

/* Problems are of two kinds. Those of the input's bytes — a damaged header or
 * entry, an encrypted one, one over a limit (the limits are part of the cache's
 * key), an archive inside — come the same every time the same bytes are read. Those
 * of the machine — memory, I/O, descriptors, the process's limits — come and go:
 * a read they touched may not be taken for what the input holds (it is not cached). */
static void environmental_problem(struct reader *r, const char *path, const char *reason)
{
	r->unclean = true;
	problem(r, path, reason);
}

/* A system call's failure is the machine's: what the input's bytes decide is
 * libarchive's to say. */
static void problem_errno(struct reader *r, const char *path, int err)
{
	environmental_problem(r, path, strerror(err));
}

/* Make room for `want` bytes in a buffer that is kept from use to use. */
static bool reserve_in(unsigned char **buf, size_t *cap, size_t want)
{
	if (want <= *cap)
		return true;
	size_t more = *cap ? *cap : READ_CHUNK;
	while (more < want)
		more *= 2;
	unsigned char *bigger = realloc(*buf, more);
	if (!bigger)
		return false;
	*buf = bigger;
	*cap = more;
	return true;
}

/* Make room for `want` bytes in the entry buffer. */
static bool reserve(struct reader *r, size_t want)
{
	return reserve_in(&r->buf, &r->cap, want);
}

static uint64_t stream_consumed(const struct stream *s);

/* Bytes read from the file (or memory) of the archive being read so far. From a
 * pipe or device: bytes read from it, which only grow, while libarchive's count
 * starts again when it reads the stream again from its start (see below). */
static uint64_t packed_bytes(const struct reader *r, struct archive *a)
{
	if (r->stream)
		return stream_consumed(r->stream);
	if (r->gz)
		return gunzip_consumed(r->gz);
	la_int64_t packed = archive_filter_bytes(a, -1);
	return packed > 0 ? (uint64_t)packed : 0;
}

/* Report how far reading is: `packed` bytes into the file being read (of a folder,
 * past the files before it). */
static void progress_at(struct reader *r, uint64_t packed)
{
	r->reported = r->inflated;
	r->reported_consumed = packed;
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, r->current, r->inflated,
		                     r->folder_done + packed);
}

static void progress(struct reader *r, struct archive *a)
{
	progress_at(r, packed_bytes(r, a));
}

enum read_result {
	READ_OK,
	READ_TOO_BIG,
	READ_LONGER,
	READ_BAD_CRC, /* not the CRC the zip's directory gives */
	READ_FAILED,
	READ_NO_MEMORY,
	READ_STOP,
	READ_BOMB
};

/* An archive that inflates far beyond what text packs to is a decompression bomb: it
 * is given up at once, not after the input's whole byte limit (bzip2 inflates
 * 1 GiB in 8 seconds). */
static bool is_bomb(const struct reader *r, struct archive *a)
{
	uint64_t ratio = r->limits->max_ratio;
	uint64_t packed = packed_bytes(r, a);
	return ratio && r->packed_out > BOMB_FLOOR && packed > 0 && r->packed_out / packed > ratio;
}

static enum read_result count_inflated(struct reader *r, struct archive *a, size_t n)
{
	r->inflated += n;
	r->packed_out += n;
	if (r->inflated - r->reported >= SOURCE_PROGRESS_STEP)
		progress(r, a);
	if (r->inflated > r->budget) {
		r->stop = true;
		return READ_STOP;
	}
	if (is_bomb(r, a)) {
		r->dead = true; /* the rest of this archive, not of the input */
		return READ_BOMB;
	}
	return READ_OK;
}

/* Read up to n bytes of the current entry into dst: READ_OK with *got bytes (0 at
 * the entry's end), READ_FAILED, or the limit the bytes reached. */
static enum read_result read_some(struct reader *r, struct archive *a, void *dst, size_t n,
                                  size_t *got)
{
	la_ssize_t status = archive_read_data(a, dst, n);
	*got = 0;
	if (status == ARCHIVE_FATAL)
		r->dead = true; /* reported once, as this entry's error */
	if (status < 0)
		return READ_FAILED;
	*got = (size_t)status;
	return status > 0 ? count_inflated(r, a, *got) : READ_OK;
}

/* Throw away the rest of an oversized entry, still counting what it inflates so that
 * a decompression bomb ends at the input's limit. */
static enum read_result discard_rest(struct reader *r, struct archive *a)
{
	for (;;) {
		size_t got;
		enum read_result res = read_some(r, a, r->buf, r->cap, &got);
		if (res != READ_OK || got == 0)
			return res == READ_OK ? READ_TOO_BIG : res;
	}
}

/* Read the current entry's data into r->buf. The rest of an oversized entry is read
 * and counted in an archive, where more entries follow; a plain file's rest is only
 * more of the same release, and a device's may never end: not read. */
static enum read_result read_data(struct reader *r, struct archive *a, size_t *len, bool in_archive)
{
	const uint64_t max = r->limits->max_entry_bytes;
	for (*len = 0;;) {
		size_t room = *len + READ_CHUNK <= max + 1 ? READ_CHUNK : (size_t)(max + 1 - *len);
		size_t got;
		if (!reserve(r, *len + room))
			return READ_NO_MEMORY;
		enum read_result res = read_some(r, a, r->buf + *len, room, &got);
		if (res != READ_OK || got == 0)
			return res;
		*len += got;
		if (*len > max)
			return in_archive ? discard_rest(r, a) : READ_TOO_BIG;
	}
}

/* The handler's room for an entry its archive says holds `size` bytes, if it has
 * one (size is -1 when unknown). */
static unsigned char *room_for(struct reader *r, int64_t size)
{
	if (!r->handler->room || size <= 0 || (uint64_t)size > r->limits->max_entry_bytes)
		return NULL;
	return r->handler->room(r->handler->ctx, (size_t)size);
}

/* Read the current entry's data, of the declared size, into room. */
static enum read_result read_into_room(struct reader *r, struct archive *a, unsigned char *room,
                                       size_t size, size_t *len)
{
	for (*len = 0;;) {
		/* The read past the declared end finds the end of the entry, where zip
		 * checks the CRC. libarchive's formats hold an entry to its declared size
		 * (a zip member that inflates past it fails); should one not, the entry is
		 * damaged. */
		bool past_end = *len == size;
		unsigned char extra;
		size_t got;
		enum read_result res = read_some(r, a, past_end ? &extra : room + *len,
		                                 past_end ? 1 : size - *len, &got);
		if (res != READ_OK || got == 0)
			return res;
		if (past_end)
			return READ_LONGER;
		*len += got;
	}
}

static void hand_over(struct reader *r, const char *path, const unsigned char *data, size_t len)
{
	struct source_entry e = {r->input, path, data, len, r->ordinal};
	r->counts->entries++;
	r->counts->bytes += len;
	r->handler->entry(r->handler->ctx, &e);
}

static const char *archive_reason(struct archive *a)
{
	const char *msg = archive_error_string(a);
	return msg ? msg : "damaged archive";
}

/* Does libarchive's failure come from the machine? It gives damage as "file format"
 * or "miscellaneous" (-1), and most failures of the system with their errno; but
 * some decompressors say "miscellaneous" of a failed allocation too (zstd's
 * "Allocation error", the zip reader's "Can't initialize ZIP decompression." when
 * zlib's inflateInit2 ran out of memory), so a message about memory or a
 * decompressor's setup is the machine's whatever the errno. A wrong guess costs a
 * re-read; the other wrong guess would cache a short read as the input's content
 * (near_memory_cap() is the check that does not depend on wording). */
static bool environmental(struct archive *a)
{
	static const char *const machine_words[] = {"alloc", "memory", "initiali"};
	int err = archive_errno(a);
	const char *msg = archive_reason(a);
	if (err > 0 && err != NOT_AN_ARCHIVE && err != EINVAL)
		return true;
	for (size_t i = 0; i < sizeof machine_words / sizeof *machine_words; i++)
		if (strcasestr(msg, machine_words[i]))
			return true;
	return false;
}

static void archive_problem(struct reader *r, const char *path, struct archive *a)
{
	if (environmental(a))
		environmental_problem(r, path, archive_reason(a));
	else
		problem(r, path, archive_reason(a));
}

static void report_entry_failure(struct reader *r, struct archive *a, const char *path,
                                 enum read_result res)
{
	char msg[160];
	switch (res) {
	case READ_TOO_BIG:
		snprintf(msg, sizeof msg, "entry larger than %llu MiB, skipped",
		         (unsigned long long)(r->limits->max_entry_bytes >> 20));
		problem(r, path, msg);
		break;
	case READ_STOP:
		snprintf(msg, sizeof msg, "more than %llu MiB inflated, rest of input skipped",
		         (unsigned long long)(r->budget >> 20));
		problem(r, path, msg);
		break;
	case READ_BOMB:
		snprintf(msg, sizeof msg,
		         "inflates over %llu times its size (a decompression bomb), rest skipped",
		         (unsigned long long)r->limits->max_ratio);
		problem(r, path, msg);
		break;
	case READ_LONGER:
		problem(r, path, "entry longer than its archive says, skipped");
		break;
	case READ_BAD_CRC:
		snprintf(msg, sizeof msg, "ZIP bad CRC: content does not match 0x%08lx, skipped",
		         (unsigned long)r->expect->crc);
		problem(r, path, msg);
		break;
	case READ_FAILED:
		archive_problem(r, path, a);
		break;
	case READ_NO_MEMORY:
		environmental_problem(r, path, "out of memory");
		break;
	case READ_OK:
		break;
	}
}

struct magic {
	size_t off, len;
	const char *bytes;
};

/* The compressed streams and archives libarchive reads, by their magic numbers. */
static const struct magic bundle_magic[] = {
        {0, 2, "\x1F\x8B"},           /* gzip */
        {0, 3, "BZh"},                /* bzip2 */
        {0, 6, "\xFD\x37zXZ"},        /* xz (with its NUL) */
        {0, 4, "\x28\xB5\x2F\xFD"},   /* zstd */
        {0, 4, "\x04\x22\x4D\x18"},   /* lz4 */
        {0, 4, "PK\x03\x04"},         /* zip */
        {0, 6, "7z\xBC\xAF\x27\x1C"}, /* 7-Zip */
        {0, 4, "Rar!"},               /* RAR */
        {257, 5, "ustar"},            /* tar */
};

static bool is_bundle(const unsigned char *data, size_t len)
{
	for (size_t i = 0; i < sizeof bundle_magic / sizeof *bundle_magic; i++) {
		const struct magic *m = &bundle_magic[i];
		if (len >= m->off + m->len && memcmp(data + m->off, m->bytes, m->len) == 0)
			return true;
	}
	return false;
}

static uint64_t name_hash(const char *name)
{
	uint64_t h = XXH3_64bits(name, strlen(name));
	return h ? h : 1;
}

static uint64_t target_hash(uint64_t name, uint64_t content)
{
	return name ^ content;
}

static uint64_t target_key(const void *owner, uint32_t id)
{
	const struct link_target *t = &((const struct link_targets *)owner)->items[id];
	return target_hash(t->name, t->content);
}

/* The slot of this target in the index, or the empty slot where it would go. */
static size_t target_slot(const struct link_targets *t, uint64_t name, uint64_t content)
{
	const struct idindex *ix = &t->index;
	size_t i = idindex_first(ix, target_hash(name, content));
	for (; ix->slots[i]; i = idindex_next(ix, i)) {
		const struct link_target *at = &t->items[ix->slots[i] - 1];
		if (at->name == name && at->content == content)
			break;
	}
	return i;
}

/* Remember an entry handed over that a later hard link may name. Without memory
 * for it, a link that carries the same data is read again: a copy the catalog
 * merges, nothing lost. */
static void remember_target(struct reader *r, const unsigned char *data, size_t len)
{
	struct link_targets *t = &r->targets;
	if (!r->target_name || t->count >= UINT32_MAX - 1 ||
	    !idindex_reserve(&t->index, t->count, FIRST_TARGET_SLOTS, target_key, t) ||
	    !grow_array((void **)&t->items, &t->cap, t->count + 1, sizeof *t->items))
		return;
	uint64_t content = XXH3_64bits(data, len);
	size_t at = target_slot(t, r->target_name, content);
	if (t->index.slots[at])
		return;
	t->items[t->count] = (struct link_target){r->target_name, content};
	t->index.slots[at] = (uint32_t)++t->count;
}

/* Is the entry a hard link carrying again the data its target, already handed over,
 * carried (odc cpio gives every name the data, pax tar may)? The text is then read
 * once, as a file's. */
static bool copy_of_link_target(const struct reader *r, const unsigned char *data, size_t len)
{
	const struct link_targets *t = &r->targets;
	if (!r->link_to || !t->count)
		return false;
	return t->index.slots[target_slot(t, r->link_to, XXH3_64bits(data, len))] != 0;
}

static void forget_link_targets(struct reader *r)
{
	free(r->targets.items);
	idindex_free(&r->targets.index);
	r->targets = (struct link_targets){0};
}

/* Read the current entry and hand it over, or report why it could not be read. A
 * bundle inside an archive is not opened — archives can hold themselves, and bombs
 * nest — but named, so that nothing is left out unsaid. */
static void read_content(struct reader *r, struct archive *a, const char *path, bool in_archive,
                         int64_t size)
{
	size_t len = 0;
	r->current = path;
	progress(r, a);
	unsigned char *room = room_for(r, size);
	enum read_result res = room ? read_into_room(r, a, room, (size_t)size, &len)
	                            : read_data(r, a, &len, in_archive);
	const unsigned char *data = room ? room : r->buf;
	if (res == READ_OK && r->expect && crc32_gzip_refl(0, data, len) != r->expect->crc)
		res = READ_BAD_CRC;
	if (res == READ_OK && in_archive && is_bundle(data, len)) {
		problem(r, path,
		        "an archive inside the archive, not opened: extract it to read it");
	} else if (res == READ_OK && copy_of_link_target(r, data, len)) {
		r->counts->other++;
	} else if (res == READ_OK) {
		remember_target(r, data, len);
		hand_over(r, path, data, len);
	} else {
		report_entry_failure(r, a, path, res);
	}
	r->current = NULL; /* the path may not outlive this entry */
}

/* The entry's name as the handler sees it: inside a folder, prefixed with the
 * archive's own path in the folder. */
static const char *entry_name(const char *prefix, const char *name, char **owned)
{
	*owned = NULL;
	if (!prefix)
		return name;
	if (!name)
		return prefix;
	size_t n = strlen(prefix) + strlen(name) + 2;
	*owned = malloc(n);
	if (!*owned)
		return name;
	snprintf(*owned, n, "%s/%s", prefix, name);
	return *owned;
}

/* A further name of a file whose data another entry carries. A hard link's data
 * comes once: in tar with the first name, the later ones naming it with no data;
 * in newc and crc cpio with the last name (which libarchive gives as a link to the
 * first), the earlier ones empty. A link entry with data is read like a file,
 * unless it carries again what its target carried (odc cpio, pax tar: see
 * copy_of_link_target): however the archive places the data, the text is read
 * once. */
static bool is_link_without_data(struct archive_entry *ae)
{
	return archive_entry_hardlink(ae) &&
	       !(archive_entry_size_is_set(ae) && archive_entry_size(ae) > 0);
}

/* May a later entry of the archive be a hard link to this one that carries its
 * data again? In cpio, which counts a file's links, only when it has more than one;
 * in tar, which does not, any file may be. */
static bool may_be_link_target(struct archive *a, struct archive_entry *ae)
{
	unsigned nlink = archive_entry_nlink(ae);
	return nlink > 1 ||
	       (nlink == 0 && (archive_format(a) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_TAR);
}

static void read_one_entry(struct reader *r, struct archive *a, struct archive_entry *ae,
                           const char *prefix)
{
	const char *raw = archive_entry_pathname(ae);
	const char *link = archive_entry_hardlink(ae);
	char *owned;
	const char *path = entry_name(prefix, raw ? raw : "(unnamed entry)", &owned);
	r->link_to = link ? name_hash(link) : 0;
	r->target_name = raw && may_be_link_target(a, ae) ? name_hash(raw) : 0;

	if (archive_entry_filetype(ae) != AE_IFREG || is_link_without_data(ae)) {
		r->counts->other++;
	} else if (archive_entry_is_data_encrypted(ae)) {
		problem(r, path, "encrypted entry, skipped");
	} else if (r->share && !r->expect) {
		problem(r, path, "not in the zip's directory, skipped");
	} else {
		read_content(r, a, path, true,
		             archive_entry_size_is_set(ae) ? archive_entry_size(ae) : -1);
	}
	free(owned);
}

/* Read what is left of the current entry and drop it. libarchive's streaming zip
 * reader skips an entry without taking in the data descriptor after it, and the
 * next header's position then falls short of where it is: in a share, members are
 * found and the share's end is told by those positions. */
static void drain(struct reader *r, struct archive *a)
{
	size_t got;
	if (!reserve(r, READ_CHUNK))
		r->unclean = true; /* the next member may then be missed */
	else
		while (read_some(r, a, r->buf, r->cap, &got) == READ_OK && got > 0)
			;
}

/* In a share: where in the file the header just read begins. */
static uint64_t header_offset(const struct reader *r, struct archive *a)
{
	return r->share->from + (uint64_t)archive_read_header_position(a);
}

/* In a share: the directory's record of the member whose header was just read, or
 * NULL when the directory does not list it (a local header hidden between two it
 * lists). */
static const struct zip_member *listed_member(struct reader *r, struct archive *a)
{
	const struct zip_share *s = r->share;
	uint64_t at = header_offset(r, a);
	while (r->next_member < s->count && s->members[r->next_member].offset < at)
		r->next_member++;
	if (r->next_member < s->count && s->members[r->next_member].offset == at)
		return &s->members[r->next_member++];
	return NULL;
}

/* Does the current header begin the next reader's share? */
static bool past_share(const struct reader *r, struct archive *a)
{
	return r->share && header_offset(r, a) >= r->share->to;
}

/* Walk the entries of an opened archive, starting from the first header's status.
 * A header that fails is reported and the walk goes on with the next one, but a run
 * of failures ends it: some damaged archives fail the same header forever. */
static void read_entries(struct reader *r, struct archive *a, int status, struct archive_entry *ae,
                         const char *prefix)
{
	uint64_t seen = 0;
	int failures = 0;
	for (r->dead = false; !r->stop && !r->dead;
	     status = archive_read_next_header(a, &ae), r->ordinal++) {
		if (status == ARCHIVE_EOF || past_share(r, a))
			return;
		if (++seen > r->limits->max_entries) {
			problem(r, prefix, "too many entries, rest of input skipped");
			return;
		}
		if (status == ARCHIVE_RETRY || status == ARCHIVE_FAILED) {
			if (++failures > MAX_HEADER_FAILURES) {
				problem(r, prefix,
				        "too many damaged headers, rest of input skipped");
				return;
			}
			archive_problem(r, prefix, a);
			continue;
		}
		if (status == ARCHIVE_FATAL) {
			archive_problem(r, prefix, a);
			return;
		}
		if (status == ARCHIVE_WARN)
			archive_problem(r, prefix, a);
		failures = 0;
		r->expect = r->share ? listed_member(r, a) : NULL;
		read_one_entry(r, a, ae, prefix);
		r->expect = NULL;
		if (r->share)
			drain(r, a);
	}
}

struct stream;

/* Where an input's bytes come from: a file we may open as often as we like, a
 * file already open (a folder's loose file: opened once, read again from its start
 * as often as needed), a buffer holding all of an input, or a pipe or device
 * (which can be read only once: see struct stream). */
struct origin {
	const char *path; /* opened unless by_fd */
	const void *mem;
	size_t mem_len;
	struct stream *stream;
	bool by_fd;
	int fd; /* when by_fd: stays open, the caller's */
};

static int open_stream(struct archive *a, struct stream *s);
static void stream_is_archive(struct stream *s);

static bool holds_gzip(int fd)
{
	unsigned char head[4];
	return pread(fd, head, sizeof head, 0) == sizeof head && gunzip_magic(head, sizeof head);
}

/* The origin's file, open, when it holds a gzip stream; else -1. */
static int open_gzip_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && !holds_gzip(fd)) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* Open the archive reader on a file the caller holds open, from its start: the file
 * is not looked up again, so that it is the one that was opened. */
static int open_file_fd(struct reader *r, struct archive *a, int fd)
{
	int own = -1; /* the inflater's copy of fd, which it closes */
	if (lseek(fd, 0, SEEK_SET) < 0 || (holds_gzip(fd) && (own = dup(fd)) < 0)) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return ARCHIVE_FATAL;
	}
	return own >= 0 ? gunzip_open(a, own, NULL, 0, &r->gz)
	                : archive_read_open_fd(a, fd, READ_CHUNK); /* which leaves fd open */
}

/* Open the archive reader on the origin, inflating a gzip stream ourselves. */
static int open_origin(struct reader *r, struct archive *a, const struct origin *o)
{
	if (o->stream)
		return open_stream(a, o->stream);
	if (o->by_fd)
		return open_file_fd(r, a, o->fd);
	if (o->mem && gunzip_magic(o->mem, o->mem_len))
		return gunzip_open(a, -1, o->mem, o->mem_len, &r->gz);
	int fd = o->mem ? -1 : open_gzip_file(o->path);
	if (fd >= 0)
		return gunzip_open(a, fd, NULL, 0, &r->gz);
	return o->mem ? archive_read_open_memory(a, o->mem, o->mem_len)
	              : archive_read_open_filename(a, o->path, READ_CHUNK);
}

/* A new archive reader opened on the origin; *status is libarchive's answer, and
 * the reader is returned even on failure so that its error can be read. Close it
 * with close_archive(). */
static struct archive *open_archive(struct reader *r, const struct origin *o, bool raw, int *status)
{
	struct archive *a = archive_read_new();
	if (!a)
		return NULL;
	r->packed_out = 0;
	archive_read_support_filter_all(a);
	if (raw)
		archive_read_support_format_raw(a);
	else
		archive_read_support_format_all(a);
	*status = open_origin(r, a, o);
	return a;
}

static void close_archive(struct reader *r, struct archive *a)
{
	archive_read_free(a); /* frees the inflater too */
	r->gz = NULL;
	forget_link_targets(r); /* the names were the archive's */
}

/* Not an archive: the file itself (decompressed, if it is a compressed stream) is
 * one release. libarchive's raw format gives us exactly that. */
static void read_plain(struct reader *r, const struct origin *o, const char *prefix)
{
	int status;
	struct archive *a = open_archive(r, o, true, &status);
	struct archive_entry *ae;
	if (!a) {
		environmental_problem(r, prefix, "out of memory");
		return;
	}
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	if (status == ARCHIVE_OK)
		read_content(r, a, prefix, false, -1);
	else if (status != ARCHIVE_EOF)
		archive_problem(r, prefix, a);
	close_archive(r, a);
}

/* Not an archive nor a compressed stream, held in memory: its bytes are the one
 * release, just as libarchive's raw format would give them in read_plain(), without
 * a second archive reader (a folder's loose files are read so, one reader each). */
static void read_bytes(struct reader *r, const struct origin *o, const char *prefix)
{
	r->current = prefix;
	progress_at(r, 0);
	r->inflated += o->mem_len;
	r->packed_out += o->mem_len;
	if (r->inflated > r->budget) {
		r->stop = true;
		report_entry_failure(r, NULL, prefix, READ_STOP);
	} else {
		hand_over(r, prefix, o->mem, o->mem_len);
	}
	r->current = NULL;
}

static void read_origin(struct reader *r, const struct origin *o, const char *prefix)
{
	int status;
	struct archive *a = open_archive(r, o, false, &status);
	struct archive_entry *ae = NULL;
	if (!a) {
		environmental_problem(r, prefix, "out of memory");
		return;
	}
	/* libarchive refuses a plain file as "not a format" while opening it (or at
	 * the first header) before it yields any entry. */
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	if (status == ARCHIVE_FATAL && archive_errno(a) == NOT_AN_ARCHIVE) {
		/* What libarchive saw is the origin's bytes themselves unless a filter
		 * of its own, or our gunzip, inflated them. */
		bool compressed = r->gz || archive_filter_count(a) > 1;
		close_archive(r, a);
		if (o->mem && !compressed && o->mem_len <= r->limits->max_entry_bytes)
			read_bytes(r, o, prefix);
		else
			read_plain(r, o, prefix);
		r->ordinal++; /* the one entry, however it was read */
		return;
	}
	if (o->stream)
		stream_is_archive(o->stream);
	read_entries(r, a, status, ae, prefix);
	close_archive(r, a);
}

/* One share of a zip, from the file open on fd: libarchive's streaming zip reader
 * reads the members one after the other from the share's first local header on,
 * and never looks at the directory or another share's members. */
static void read_share(struct reader *r, int fd, const struct zip_share *share, const char *prefix)
{
	struct archive *a = archive_read_new();
	struct archive_entry *ae = NULL;
	if (!a) {
		environmental_problem(r, prefix, "out of memory");
		return;
	}
	archive_read_support_format_zip_streamable(a);
	/* Each member's CRC is checked against the directory's in read_content(), with
	 * ISA-L's CRC: zlib's, which libarchive uses, was 4% of a zip's load. Where
	 * libarchive needs its check to find a member's end, it keeps it too. */
	if (!share->ends_found_by_crc)
		archive_read_set_format_option(a, "zip", "ignorecrc32", "1");
	r->packed_out = 0;
	r->ordinal = share->first_ordinal;
	r->budget = r->limits->max_total_bytes / r->limits->parts; /* the input's, shared */
	r->share = share;
	r->next_member = 0;
	int status = ARCHIVE_FATAL;
	if (lseek(fd, (off_t)share->from, SEEK_SET) < 0)
		archive_set_error(a, errno, "%s", strerror(errno));
	else
		status = archive_read_open_fd(a, fd, READ_CHUNK); /* which leaves fd open */
	if (status == ARCHIVE_OK)
		status = archive_read_next_header(a, &ae);
	read_entries(r, a, status, ae, prefix);
	close_archive(r, a);
	r->share = NULL;
}

/* A file named on the command line, read by reader limits->part of limits->parts:
 * its share when it is a zip that can be cut (zipdir.h); else reader 0 reads it
 * whole and the others nothing. */
static void read_file_share(struct reader *r, const struct origin *o, const char *prefix)
{
	unsigned part = r->limits->part, parts = r->limits->parts;
	struct zip_share share;
	int fd = open(o->path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && zipdir_share(fd, part, parts, &share)) {
		read_share(r, fd, &share, prefix);
		zipdir_share_free(&share);
	} else if (part == 0) {
		read_origin(r, o, prefix);
	}
	if (fd >= 0)
		close(fd);
}

/* ---- pipes and devices ------------------------------------------------------
 *
 * A pipe or device is read once, as it comes, through libarchive's callback
 * reader: a pipe of several GB loads like a file, in bounded memory. What it holds
 * is only known once libarchive has looked at its start, and a plain file (one
 * release) must then be read again from its start with the raw format: so every
 * byte read is kept until libarchive has found an archive's first header, and
 * served again for the plain file. A zip or 7-Zip archive, which libarchive reads
 * best by seeking, is read whole into memory first, as far as the input's byte
 * limit and the reader's memory allow. */

/* Peeked at before libarchive starts: enough for the magic numbers of the archives
 * that must be read whole (needs_seeking()), and no more, so that a slow writer's
 * first entries come as they are written. */
#define STREAM_PEEK_BYTES 6
/* The first size of the buffer that keeps what is read. */
#define STREAM_HEAD_BYTES ((size_t)1 << 20)

struct stream {
	struct reader *r;
	int fd;
	unsigned char *kept; /* every byte read so far, while `keeping` */
	size_t kept_len, kept_cap;
	size_t served;   /* of kept, handed to libarchive since the last (re)start */
	bool keeping;    /* what is read is added to kept */
	bool replayable; /* kept holds the stream from its start */
	bool opened;     /* libarchive has been opened on it before */
	bool eof;
	uint64_t consumed;    /* bytes read from fd */
	unsigned char *chunk; /* what is read once kept is no longer needed */
};

/* Tell a watcher that a wait for a pipe's writer begins: not a stall. */
static void waiting(struct reader *r)
{
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, NULL, SOURCE_WAITING, 0);
}

/* ... and that it is over: the stall limit applies again. */
static void resumed(struct stream *s)
{
	struct reader *r = s->r;
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, r->current, r->inflated, s->consumed);
}

/* Up to cap bytes of the stream into dst; 0 at its end, -1 on an error (errno).
 * The watcher hears of a wait only when there is one: a message for every read
 * would cost a write of the pipe to the parent each. */
static ssize_t stream_fill(struct stream *s, unsigned char *dst, size_t cap)
{
	struct pollfd p = {s->fd, POLLIN, 0};
	while (!s->eof) {
		if (poll(&p, 1, 0) == 0) {
			waiting(s->r);
			while (poll(&p, 1, -1) < 0 && errno == EINTR)
				;
			resumed(s);
		}
		ssize_t got = read(s->fd, dst, cap);
		if (got > 0) {
			s->consumed += (uint64_t)got;
			return got;
		}
		if (got == 0)
			s->eof = true; /* a terminal's end of file is not for ever: remember it */
		else if (errno != EINTR && errno != EAGAIN)
			return -1;
	}
	return 0;
}

/* Make room in kept for `more` bytes, no more than `limit` in all. */
static bool keep_room(struct stream *s, size_t more, uint64_t limit)
{
	if (s->kept_len + more <= s->kept_cap)
		return true;
	size_t cap = s->kept_cap ? s->kept_cap : STREAM_HEAD_BYTES;
	while (cap < s->kept_len + more)
		cap *= 2;
	if (cap > limit)
		cap = s->kept_len + more <= limit ? (size_t)limit : 0;
	unsigned char *bigger = cap ? realloc(s->kept, cap) : NULL;
	if (!bigger)
		return false;
	s->kept = bigger;
	s->kept_cap = cap;
	return true;
}

static uint64_t stream_consumed(const struct stream *s)
{
	return s->consumed;
}

/* Read into kept, a chunk at a time, until it holds at least `want` bytes or the
 * stream ends, and no more than `limit` (then *over is set); false on an error,
 * reported. Progress is reported as the bytes come. */
static bool keep_reading(struct stream *s, uint64_t want, uint64_t limit, bool *over)
{
	struct reader *r = s->r;
	/* One byte past the limit tells that the stream holds more. */
	const uint64_t most = limit < SIZE_MAX / 2 ? limit + 1 : SIZE_MAX / 2;
	*over = false;
	while (s->kept_len < want && !s->eof) {
		size_t n =
		        most - s->kept_len < READ_CHUNK ? (size_t)(most - s->kept_len) : READ_CHUNK;
		if (!keep_room(s, n, most)) {
			environmental_problem(r, NULL, "out of memory");
			return false;
		}
		ssize_t got = stream_fill(s, s->kept + s->kept_len, n);
		if (got < 0) {
			problem_errno(r, NULL, errno);
			return false;
		}
		s->kept_len += (size_t)got;
		if (s->kept_len > limit) {
			*over = true;
			return true;
		}
		if (s->consumed - r->reported_consumed >= SOURCE_PROGRESS_STEP)
			progress_at(r, s->consumed);
	}
	return true;
}

/* A zip or 7-Zip archive through a pipe, read whole into kept first: within the
 * bytes the input may inflate (a zip stored holds as much as it inflates to). */
static bool keep_whole(struct stream *s)
{
	bool over;
	uint64_t limit = s->r->limits->max_total_bytes;
	if (!keep_reading(s, UINT64_MAX, limit, &over))
		return false;
	if (over) {
		char msg[200];
		snprintf(msg, sizeof msg,
		         "a zip or 7-Zip archive through a pipe is read whole first, and this one "
		         "holds more than the %llu MiB an input may inflate: not read",
		         (unsigned long long)(limit >> 20));
		problem(s->r, NULL, msg);
	}
	return !over;
}

static void drop_kept(struct stream *s)
{
	free(s->kept);
	s->kept = NULL;
	s->kept_len = s->kept_cap = s->served = 0;
	s->replayable = false;
}

/* libarchive's read callback: what is kept and not yet served, then the rest. A
 * block handed over stays valid until the next call. */
static la_ssize_t stream_read(struct archive *a, void *ctx, const void **buf)
{
	struct stream *s = ctx;
	if (s->served < s->kept_len) {
		*buf = s->kept + s->served;
		size_t n = s->kept_len - s->served;
		s->served = s->kept_len;
		return (la_ssize_t)n;
	}
	if (s->keeping && !keep_room(s, READ_CHUNK, s->r->limits->max_entry_bytes))
		s->keeping = false; /* too long to tell: it can no longer be a release */
	if (!s->keeping && s->kept)
		drop_kept(s); /* the last block handed over is done with */
	unsigned char *dst = s->keeping ? s->kept + s->kept_len : s->chunk;
	ssize_t got = stream_fill(s, dst, READ_CHUNK);
	if (got < 0) {
		archive_set_error(a, errno, "%s", strerror(errno));
		return ARCHIVE_FATAL;
	}
	if (s->keeping)
		s->served = s->kept_len += (size_t)got;
	*buf = dst;
	return got;
}

/* Open the archive reader on the stream: from its start the first time, and again
 * from its start (the kept bytes, then the rest) for the plain file it turned out
 * to be. */
static int open_stream(struct archive *a, struct stream *s)
{
	if (s->opened && !s->replayable) {
		/* -1: libarchive's "miscellaneous", the input's problem (environmental()) */
		archive_set_error(a, -1, "not an archive, and too long for one release");
		return ARCHIVE_FATAL;
	}
	s->keeping = !s->opened;
	s->opened = true;
	s->served = 0;
	return archive_read_open(a, s, NULL, stream_read, NULL);
}

/* An archive's first header was found: the stream is never read again. */
static void stream_is_archive(struct stream *s)
{
	s->keeping = false;
	s->replayable = false;
}

/* Archives that libarchive reads by seeking: the central directory of a zip at its
 * end, 7-Zip's header there. */
static bool needs_seeking(const unsigned char *head, size_t len)
{
	return (len >= 4 && memcmp(head, "PK\x03\x04", 4) == 0) ||
	       (len >= 6 && memcmp(head, "7z\xBC\xAF\x27\x1C", 6) == 0);
}

/* A pipe or device open on fd, read from where it stands: its head is peeked at to
 * tell whether it must be read whole. */
static void read_stream_fd(struct reader *r, int fd, const char *prefix)
{
	struct stream s = {.r = r, .fd = fd, .replayable = true, .chunk = malloc(READ_CHUNK)};
	bool over;
	r->stream = &s;
	if (!s.chunk) {
		environmental_problem(r, prefix, "out of memory");
	} else if (keep_reading(&s, STREAM_PEEK_BYTES, STREAM_HEAD_BYTES, &over)) {
		if (!needs_seeking(s.kept, s.kept_len))
			read_origin(r, &(struct origin){.stream = &s}, prefix);
		else if (keep_whole(&s))
			read_origin(r, &(struct origin){.mem = s.kept, .mem_len = s.kept_len},
			            prefix);
	}
	r->stream = NULL;
	free(s.kept);
	free(s.chunk);
}

/* A pipe or device named on the command line (a FIFO opens when its writer comes). */
static void read_stream(struct reader *r, const char *path, const char *prefix)
{
	waiting(r);
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		problem_errno(r, prefix, errno);
		return;
	}
	read_stream_fd(r, fd, prefix);
	close(fd);
}

/* Read a loose file of `size` bytes (as the walk saw it) into r->file, from *len
 * bytes on, asking for `want` more. False with errno; *more tells whether it may
 * hold more: a read that filled what it asked for, or one short of the size — a
 * network or FUSE file system may read short before a file's end. */
static bool read_file_part(struct reader *r, int fd, size_t *len, size_t want, uint64_t size,
                           bool *more)
{
	if (!reserve_in(&r->file, &r->file_cap, *len + want)) {
		errno = ENOMEM;
		return false;
	}
	ssize_t got;
	while ((got = read(fd, r->file + *len, want)) < 0 && errno == EINTR)
		;
	if (got < 0)
		return false;
	*len += (size_t)got;
	*more = got > 0 && ((size_t)got == want || *len < size);
	return true;
}

/* A loose file of the folder (its path relative to the folder open on dir), open:
 * -1 with errno when it cannot be opened. It may have been replaced since the walk
 * looked at it: a FIFO is opened without waiting for a writer (O_NONBLOCK, which a
 * regular file's reads ignore) and, like anything but a regular file, not read
 * (*regular false). *size is the file's size now. */
static int open_loose_file(int dir, const char *rel, bool *regular, uint64_t *size)
{
	struct stat st;
	*regular = true;
	int fd = openat(dir, rel, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return -1;
	bool looked = fstat(fd, &st) == 0;
	if (looked && S_ISREG(st.st_mode)) {
		*size = (uint64_t)st.st_size;
		return fd;
	}
	int err = errno;
	close(fd);
	*regular = !looked; /* a file that could not be looked at is reported */
	errno = err;
	return -1;
}

/* A loose file of the folder: read whole with one open and (mostly) one read into a
 * buffer that is kept, then taken for what it is by the same rules as any file —
 * libarchive decides, from memory, whether it is an archive, a compressed stream or
 * a plain file. A file over the entry limit, or one that begins as an archive or a
 * compressed stream does, is read by libarchive from the file instead: it may be
 * large. That reading goes through the descriptor already open, never the file's
 * name again: the file read is the file opened, even if it is renamed meanwhile. */
static void read_loose_file(struct reader *r, const struct folder_list *list,
                            const struct folder_item *item)
{
	const char *rel = folder_path(list, item);
	const uint64_t most = r->limits->max_entry_bytes + 1;
	uint64_t size = item->size;
	bool regular = true, more = false;
	int fd = open_loose_file(list->fd, rel, &regular, &size);
	if (!regular) {
		r->counts->other++;
		r->folder_done += item->size;
		return;
	}
	size_t len = 0, first = size < READ_CHUNK ? (size_t)size + 1 : READ_CHUNK;
	bool ok = fd >= 0 && read_file_part(r, fd, &len, first, size, &more);
	bool in_memory = !is_bundle(r->file, len);
	while (ok && in_memory && more && len < most) {
		size_t want = len <= size ? (size_t)(size - len) + 1 : len;
		ok = read_file_part(r, fd, &len, want < most - len ? want : (size_t)(most - len),
		                    size, &more);
	}
	if (!ok)
		problem_errno(r, rel, errno);
	else if (in_memory && len < most)
		read_origin(r, &(struct origin){.path = rel, .mem = r->file, .mem_len = len}, rel);
	else
		read_origin(r, &(struct origin){.path = rel, .by_fd = true, .fd = fd}, rel);
	if (fd >= 0)
		close(fd);
	r->folder_done += item->size;
}

/* The walk of a folder goes on: a report that nothing was read yet. */
static void walking(void *ctx)
{
	progress_at(ctx, 0);
}

/* A folder: every file below it, in the byte order of the names, so that loading is
 * reproducible. The walk comes first, so that progress can be told against the
 * tree's size. */
static void read_folder(struct reader *r, const char *path)
{
	struct folder_list list;
	bool listed = folder_list(&list, path, MAX_FOLDER_DEPTH, walking, r);
	if (!listed)
		problem_errno(r, NULL, errno);
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, NULL, SOURCE_SIZE, list.total);
	for (size_t i = 0; i < list.count && !r->stop; i++) {
		const struct folder_item *item = &list.items[i];
		const char *rel = folder_path(&list, item);
		switch (item->kind) {
		case FOLDER_FILE:
			read_loose_file(r, &list, item);
			break;
		case FOLDER_OTHER:
			r->counts->other++;
			break;
		case FOLDER_FAILED:
			problem_errno(r, rel, item->error);
			break;
		case FOLDER_TOO_DEEP:
			problem(r, rel, "folder nested too deep, skipped");
			break;
		}
	}
	r->folder_done = 0;
	folder_list_free(&list);
}

/* An input named on the command line: a folder, a file, or a pipe or device. */
static void read_path(struct reader *r, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		problem_errno(r, NULL, errno);
		return;
	}
	if (S_ISDIR(st.st_mode)) {
		read_folder(r, path);
	} else if (S_ISREG(st.st_mode)) {
		struct origin o = {.path = path};
		if (r->limits->parts > 1)
			read_file_share(r, &o, NULL);
		else
			read_origin(r, &o, NULL);
	} else {
		read_stream(r, path, NULL);
	}
}

/* Did this process come within MEMORY_MARGIN of its address-space cap (its
 * RLIMIT_AS, set by the sandbox) while it read? An allocation that failed there may
 * have been reported as damage, or not at all (a decompressor that gave up quietly):
 * such a read is not taken as complete, however it looked. When the peak cannot be
 * told, neither can that: not complete either. */
static bool near_memory_cap(void)
{
	struct rlimit cap;
	if (getrlimit(RLIMIT_AS, &cap) != 0 || cap.rlim_cur == RLIM_INFINITY)
		return false;
	FILE *f = fopen("/proc/self/status", "re");
	if (!f)
		return true;
	char line[128];
	unsigned long long peak_kb = 0;
	bool found = false;
	while (!found && fgets(line, sizeof line, f))
		found = sscanf(line, "VmPeak: %llu kB", &peak_kb) == 1;
	fclose(f);
	return !found || (uint64_t)peak_kb * 1024 + MEMORY_MARGIN >= (uint64_t)cap.rlim_cur;
}

/* The end of a read: the input counts as complete when nothing of the machine's
 * cut it short. */
static void finish(struct reader *r)
{
	r->counts->complete += !r->unclean && !near_memory_cap();
}

/* Whether an input read well: something came out of it, or nothing went wrong. */
static bool read_anything(const struct source_counts *counts, const struct source_counts *before)
{
	return counts->entries > before->entries || counts->problems == before->problems;
}

static struct reader reader_for(const char *input, const struct source_limits *limits,
                                const struct source_handler *handler, struct source_counts *counts)
{
	return (struct reader){.input = input,
	                       .limits = limits,
	                       .handler = handler,
	                       .counts = counts,
	                       .budget = limits->max_total_bytes};
}

bool source_read(const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts)
{
	struct reader r = reader_for(input, limits, handler, counts);
	struct source_counts before = *counts;
	read_path(&r, input);
	free(r.buf);
	free(r.file);
	finish(&r);
	return read_anything(counts, &before);
}

bool source_read_fd(const char *input, int fd, const struct source_limits *limits,
                    const struct source_handler *handler, struct source_counts *counts)
{
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0)
		return source_read(input, limits, handler, counts);
	if (S_ISREG(st.st_mode)) {
		/* Named anew, so that libarchive can open and seek it by name and each
		 * reader of a zip's shares has an offset of its own. */
		char path[32];
		snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
		return source_read(path, limits, handler, counts);
	}
	struct reader r = reader_for(input, limits, handler, counts);
	struct source_counts before = *counts;
	read_stream_fd(&r, fd, NULL);
	free(r.buf);
	finish(&r);
	return read_anything(counts, &before);
}

bool source_read_memory(const char *input, const void *data, size_t len,
                        const struct source_limits *limits, const struct source_handler *handler,
                        struct source_counts *counts)
{
	static const unsigned char nothing[1];
	struct reader r = reader_for(input, limits, handler, counts);
	struct source_counts before = *counts;
	/* A null buffer would make the origin a file name. */
	struct origin o = {.path = input, .mem = len ? data : nothing, .mem_len = len};
	read_origin(&r, &o, NULL);
	free(r.buf);
	finish(&r);
	return read_anything(counts, &before);
}
