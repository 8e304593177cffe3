#include "config.h"

#include "source_private.h"

#include "relview/folder.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Read a loose file of `size` bytes (as the walk saw it) into r->file, from *len
 * bytes on, asking for `want` more. False with errno; *more tells whether it may
 * hold more: a read that filled what it asked for, or one short of the size — a
 * network or FUSE file system may read short before a file's end. */
static bool read_file_part(struct reader *r, int fd, size_t *len, size_t want, uint64_t size,
                           bool *more)
{
	if (!reader_reserve_in(&r->file, &r->file_cap, *len + want)) {
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
	bool in_memory = !reader_is_bundle(r->file, len);
	while (ok && in_memory && more && len < most) {
		size_t want = len <= size ? (size_t)(size - len) + 1 : len;
		ok = read_file_part(r, fd, &len, want < most - len ? want : (size_t)(most - len),
		                    size, &more);
	}
	if (!ok)
		reader_problem_errno(r, rel, errno);
	else if (in_memory && len < most)
		reader_read_origin(r, &(struct origin){.path = rel, .mem = r->file, .mem_len = len},
		                   rel);
	else
		reader_read_origin(r, &(struct origin){.path = rel, .by_fd = true, .fd = fd}, rel);
	if (fd >= 0)
		close(fd);
	r->folder_done += item->size;
}

/* The walk of a folder goes on: a report that nothing was read yet. */
static void walking(void *ctx)
{
	reader_progress_at(ctx, 0);
}

/* A folder: every file below it, in the byte order of the names, so that loading is
 * reproducible. The walk comes first, so that progress can be told against the
 * tree's size. */
void loose_read_folder(struct reader *r, const char *path)
{
	struct folder_list list;
	bool listed = folder_list(&list, path, MAX_FOLDER_DEPTH, walking, r);
	if (!listed)
		reader_problem_errno(r, NULL, errno);
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
			reader_problem_errno(r, rel, item->error);
			break;
		case FOLDER_TOO_DEEP:
			reader_problem(r, rel, "folder nested too deep, skipped");
			break;
		}
	}
	r->folder_done = 0;
	folder_list_free(&list);
}
