/* source_private.h — what the files of the source module share: the reader's
 * state while it reads one input, and the steps each file offers the others.
 *   source.c         an input by its origin: a file, a buffer, a zip's share; the API
 *   source_entry.c   an archive's entries, each read within the limits, and problems
 *   source_stream.c  pipes and devices, read once, their head kept for a second look
 *   source_loose.c   a folder's loose files
 * Nothing outside these files includes it (source.h is the module's face). */
#ifndef RELVIEW_SOURCE_PRIVATE_H
#define RELVIEW_SOURCE_PRIVATE_H

#include "relview/idindex.h"
#include "relview/source.h"
#include "relview/zipdir.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>

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
	uint64_t share_base;             /* in the share: where the archive reader was opened */
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

/* source_entry.c */
void reader_problem(struct reader *r, const char *path, const char *reason);
void reader_environmental_problem(struct reader *r, const char *path, const char *reason);
void reader_problem_errno(struct reader *r, const char *path, int err);
bool reader_reserve_in(unsigned char **buf, size_t *cap, size_t want);
void reader_progress_at(struct reader *r, uint64_t packed);
void reader_hand_over(struct reader *r, const char *path, const unsigned char *data, size_t len);
void reader_archive_problem(struct reader *r, const char *path, struct archive *a);
void reader_entry_failure(struct reader *r, struct archive *a, const char *path,
                          enum read_result res);
bool reader_is_bundle(const unsigned char *data, size_t len);
void reader_forget_links(struct reader *r);
void reader_read_content(struct reader *r, struct archive *a, const char *path, bool in_archive,
                         int64_t size);
/* Walk an archive's entries; true when it ended at a failure the archive reader
 * cannot go past (a header, or a member's data, damaged), not at its end. */
bool reader_read_entries(struct reader *r, struct archive *a, int status, struct archive_entry *ae,
                         const char *prefix);

/* source.c */
void reader_read_origin(struct reader *r, const struct origin *o, const char *prefix);

/* source_stream.c */
uint64_t stream_consumed(const struct stream *s);
int stream_open(struct archive *a, struct stream *s);
void stream_is_archive(struct stream *s);
void stream_read_fd(struct reader *r, int fd, const char *prefix);
void stream_read_path(struct reader *r, const char *path, const char *prefix);

/* source_loose.c */
void loose_read_folder(struct reader *r, const char *path);

#endif
