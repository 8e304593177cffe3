#include "config.h"

#include "source_private.h"

#include "relview/ascii.h"
#include "relview/grow.h"
#include "relview/gunzip.h"
#include "relview/hash.h"
#include "relview/text.h"

#include <isa-l/crc.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void reader_problem(struct reader *r, const char *path, const char *reason)
{
	r->counts->problems++;
	r->handler->problem(r->handler->ctx, r->input, path, reason);
}

/* Problems are of two kinds. Those of the input's bytes — a damaged header or
 * entry, an encrypted one, one over a limit (the limits are part of the cache's
 * key), an archive inside — come the same every time the same bytes are read. Those
 * of the machine — memory, I/O, descriptors, the process's limits — come and go:
 * a read they touched may not be taken for what the input holds (it is not cached). */
void reader_environmental_problem(struct reader *r, const char *path, const char *reason)
{
	r->unclean = true;
	reader_problem(r, path, reason);
}

/* A system call's failure is the machine's: what the input's bytes decide is
 * libarchive's to say. */
void reader_problem_errno(struct reader *r, const char *path, int err)
{
	reader_environmental_problem(r, path, strerror(err));
}

/* Make room for `want` bytes in a buffer that is kept from use to use. */
bool reader_reserve_in(unsigned char **buf, size_t *cap, size_t want)
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
	return reader_reserve_in(&r->buf, &r->cap, want);
}

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
void reader_progress_at(struct reader *r, uint64_t packed)
{
	r->reported = r->inflated;
	r->reported_consumed = packed;
	if (r->handler->progress)
		r->handler->progress(r->handler->ctx, r->current, r->inflated,
		                     r->folder_done + packed);
}

static void reader_progress(struct reader *r, struct archive *a)
{
	reader_progress_at(r, packed_bytes(r, a));
}

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
		reader_progress(r, a);
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

void reader_hand_over(struct reader *r, const char *path, const unsigned char *data, size_t len)
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
 * (reader_near_memory_cap() is the check that does not depend on wording). */
static bool reader_environmental(struct archive *a)
{
	static const char *const machine_words[] = {"alloc", "memory", "initiali"};
	int err = archive_errno(a);
	const char *msg = archive_reason(a);
	if (err > 0 && err != NOT_AN_ARCHIVE && err != EINVAL)
		return true;
	for (size_t i = 0; i < sizeof machine_words / sizeof *machine_words; i++)
		if (ascii_contains(msg, machine_words[i]))
			return true;
	return false;
}

void reader_archive_problem(struct reader *r, const char *path, struct archive *a)
{
	if (reader_environmental(a))
		reader_environmental_problem(r, path, archive_reason(a));
	else
		reader_problem(r, path, archive_reason(a));
}

void reader_entry_failure(struct reader *r, struct archive *a, const char *path,
                          enum read_result res)
{
	char msg[160], bytes[32];
	switch (res) {
	case READ_TOO_BIG:
		text_size_name(r->limits->max_entry_bytes, bytes, sizeof bytes);
		snprintf(msg, sizeof msg, "entry larger than %s, skipped", bytes);
		reader_problem(r, path, msg);
		break;
	case READ_STOP:
		text_size_name(r->budget, bytes, sizeof bytes);
		snprintf(msg, sizeof msg, "more than %s inflated, rest of input skipped", bytes);
		reader_problem(r, path, msg);
		break;
	case READ_BOMB:
		snprintf(msg, sizeof msg,
		         "inflates over %llu times its size (a decompression bomb), rest skipped",
		         (unsigned long long)r->limits->max_ratio);
		reader_problem(r, path, msg);
		break;
	case READ_LONGER:
		reader_problem(r, path, "entry longer than its archive says, skipped");
		break;
	case READ_BAD_CRC:
		snprintf(msg, sizeof msg, "ZIP bad CRC: content does not match 0x%08lx, skipped",
		         (unsigned long)r->expect->crc);
		reader_problem(r, path, msg);
		break;
	case READ_FAILED:
		reader_archive_problem(r, path, a);
		break;
	case READ_NO_MEMORY:
		reader_environmental_problem(r, path, "out of memory");
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

bool reader_is_bundle(const unsigned char *data, size_t len)
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

void reader_forget_links(struct reader *r)
{
	free(r->targets.items);
	idindex_free(&r->targets.index);
	r->targets = (struct link_targets){0};
}

/* Read the current entry and hand it over, or report why it could not be read. A
 * bundle inside an archive is not opened — archives can hold themselves, and bombs
 * nest — but named, so that nothing is left out unsaid. */
void reader_read_content(struct reader *r, struct archive *a, const char *path, bool in_archive,
                         int64_t size)
{
	size_t len = 0;
	r->current = path;
	reader_progress(r, a);
	unsigned char *room = room_for(r, size);
	enum read_result res = room ? read_into_room(r, a, room, (size_t)size, &len)
	                            : read_data(r, a, &len, in_archive);
	const unsigned char *data = room ? room : r->buf;
	if (res == READ_OK && r->expect && crc32_gzip_refl(0, data, len) != r->expect->crc)
		res = READ_BAD_CRC;
	if (res == READ_OK && in_archive && reader_is_bundle(data, len)) {
		reader_problem(r, path,
		               "an archive inside the archive, not opened: extract it to read it");
	} else if (res == READ_OK && copy_of_link_target(r, data, len)) {
		r->counts->other++;
	} else if (res == READ_OK) {
		remember_target(r, data, len);
		reader_hand_over(r, path, data, len);
	} else {
		reader_entry_failure(r, a, path, res);
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
		reader_problem(r, path, "encrypted entry, skipped");
	} else if (r->share && !r->expect) {
		reader_problem(r, path, "not in the zip's directory, skipped");
	} else {
		reader_read_content(r, a, path, true,
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
	return r->share_base + (uint64_t)archive_read_header_position(a);
}

/* In a share: say in one line that the next member the directory lists was not
 * read, and why. Its name is the directory's: its local header may be the damage. */
static void unread_member(struct reader *r, const char *prefix, const char *reason,
                          bool environmental)
{
	const struct zip_member *m = &r->share->members[r->next_member++];
	char *name = malloc((size_t)m->name_len + 1), *owned;
	bool named = name && m->name_len > 0 &&
	             pread(r->share->fd, name, m->name_len, (off_t)m->name_at) == m->name_len;
	if (named)
		name[m->name_len] = '\0';
	const char *path = entry_name(prefix, named ? name : "(unnamed entry)", &owned);
	if (environmental)
		reader_environmental_problem(r, path, reason);
	else
		reader_problem(r, path, reason);
	free(owned);
	free(name);
}

#define NOT_FOUND "not found where the zip's directory places it, skipped"

/* In a share: the directory's record of the member whose header was just read, or
 * NULL when the directory does not list it (a local header hidden between two it
 * lists). Members the reader went past are named. */
static const struct zip_member *listed_member(struct reader *r, struct archive *a,
                                              const char *prefix)
{
	const struct zip_share *s = r->share;
	uint64_t at = header_offset(r, a);
	while (r->next_member < s->count && s->members[r->next_member].offset < at)
		unread_member(r, prefix, NOT_FOUND, false);
	if (r->next_member < s->count && s->members[r->next_member].offset == at)
		return &s->members[r->next_member++];
	return NULL;
}

/* The archive ended: in a share, the members it did not reach are named. */
static void archive_ended(struct reader *r, const char *prefix)
{
	while (r->share && r->next_member < r->share->count)
		unread_member(r, prefix, NOT_FOUND, false);
}

/* A header that failed, the first of a run of failures or not. In a share it is
 * the next member's the directory lists (named in the line), or past them all the
 * next share's first, which that share's reader reports. Elsewhere a run is one
 * damage — libarchive's tar reader fails block after block until it finds a header
 * again — reported once, with where the damaged header begins. */
static void header_failed(struct reader *r, struct archive *a, const char *prefix,
                          bool first_of_run)
{
	char reason[320];
	la_int64_t at = archive_read_header_position(a);
	if (r->share) {
		if (r->next_member < r->share->count)
			unread_member(r, prefix, archive_reason(a), reader_environmental(a));
	} else if (first_of_run && (at < 0 || reader_environmental(a))) {
		reader_archive_problem(r, prefix, a);
	} else if (first_of_run) {
		snprintf(reason, sizeof reason,
		         "%s (a header at byte %lld), skipped to the next header",
		         archive_reason(a), (long long)at);
		reader_problem(r, prefix, reason);
	}
}

/* Does the current header begin the next reader's share? A header that failed for
 * good has no position (it is negative): it is not the share's end. */
static bool past_share(const struct reader *r, struct archive *a)
{
	return r->share && archive_read_header_position(a) >= 0 &&
	       header_offset(r, a) >= r->share->to;
}

/* Walk the entries of an opened archive, starting from the first header's status.
 * A header that fails is reported (a run of failures once: header_failed) and the
 * walk goes on with the next one, but a long run ends it: some damaged archives fail
 * the same header forever. */
bool reader_read_entries(struct reader *r, struct archive *a, int status, struct archive_entry *ae,
                         const char *prefix)
{
	uint64_t seen = 0;
	int failures = 0;
	for (r->dead = false; !r->stop && !r->dead;
	     status = archive_read_next_header(a, &ae), r->ordinal++) {
		if (status == ARCHIVE_EOF || past_share(r, a)) {
			archive_ended(r, prefix);
			return false;
		}
		if (++seen > r->limits->max_entries) {
			reader_problem(r, prefix, "too many entries, rest of input skipped");
			return false;
		}
		if (status == ARCHIVE_RETRY || status == ARCHIVE_FAILED) {
			if (++failures > MAX_HEADER_FAILURES) {
				reader_problem(r, prefix,
				               "too many damaged headers, rest of input skipped");
				return false;
			}
			header_failed(r, a, prefix, failures == 1);
			continue;
		}
		if (status == ARCHIVE_FATAL) {
			header_failed(r, a, prefix, true);
			return true;
		}
		if (status == ARCHIVE_WARN)
			reader_archive_problem(r, prefix, a);
		failures = 0;
		r->expect = r->share ? listed_member(r, a, prefix) : NULL;
		read_one_entry(r, a, ae, prefix);
		r->expect = NULL;
		if (r->share)
			drain(r, a);
	}
	return r->dead && !r->stop;
}
