/* source — opens one input (a bundle libarchive can read, a plain file, possibly
 * compressed, or a folder walked recursively) and hands over every regular entry as
 * a byte buffer. It only reads: nothing is ever written or extracted to disk.
 * Problems are reported one line each through a callback and reading goes on with
 * the next entry whenever the container allows it. */
#ifndef RELVIEW_SOURCE_H
#define RELVIEW_SOURCE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct source_limits {
	uint64_t max_entry_bytes; /* a larger entry is skipped with a message */
	uint64_t max_total_bytes; /* bytes inflated from one input, skipped ones included */
	uint64_t max_entries;     /* entries (of any type) in one input */
	/* For reading in a child process (sandbox.h): */
	uint64_t max_memory;    /* address space of the reading process */
	unsigned stall_seconds; /* a reader silent this long is stopped */
	/* An archive inflating more than this many times its size (past its first 64 MiB)
	 * is a decompression bomb and its rest is skipped; 0: no such limit. */
	uint64_t max_ratio;
	/* Several readers may share one zip archive: this one, reader `part` of
	 * `parts`, reads its share of the members (zipdir.h), and of max_total_bytes.
	 * An input that is not a zip that can be cut is read whole by reader 0, with
	 * all of max_total_bytes, and not at all by the others. 0 or 1 parts: the
	 * input is read whole. */
	unsigned part, parts;
};

#define SOURCE_MAX_ENTRY_BYTES ((uint64_t)64 << 20)
#define SOURCE_MAX_TOTAL_BYTES ((uint64_t)4 << 30) /* 300,000 releases are 1.3 GB of text */
#define SOURCE_MAX_ENTRIES     ((uint64_t)1000000) /* libarchive walks ~300k a second */
#define SOURCE_MAX_MEMORY      ((uint64_t)512 << 20)
#define SOURCE_STALL_SECONDS   5u
#define SOURCE_MAX_RATIO       100u /* text packs 3 to 20 times, bombs hundreds and more */
#define SOURCE_DEFAULT_LIMITS                                                                      \
	{                                                                                          \
		SOURCE_MAX_ENTRY_BYTES, SOURCE_MAX_TOTAL_BYTES, SOURCE_MAX_ENTRIES,                \
		        SOURCE_MAX_MEMORY, SOURCE_STALL_SECONDS, SOURCE_MAX_RATIO, 0, 0            \
	}

/* Progress is reported at least this often (bytes inflated), so that a watcher can
 * tell a slow reader from a stuck one. */
#define SOURCE_PROGRESS_STEP ((uint64_t)1 << 20)
/* Progress with this many bytes inflated says: the reader now waits for a pipe's
 * writer, for as long as the writer takes (no stall limit applies until the next
 * report). */
#define SOURCE_WAITING UINT64_MAX
/* Progress with this many bytes inflated says: the input (a folder) holds as many
 * bytes as `consumed` says, against which the next reports count. */
#define SOURCE_SIZE (UINT64_MAX - 1)

struct source_entry {
	const char *input;         /* the input as given on the command line */
	const char *path;          /* raw path of the entry inside the input (NOT sanitised: it
	                            * is the archive's bytes); NULL for a plain file */
	const unsigned char *data; /* valid only during the callback */
	size_t len;
	uint64_t ordinal; /* its place among all the input's entries, from 0: when the same
	                   * release comes twice, the first place keeps it */
};

struct source_handler {
	void *ctx;
	/* One regular entry's whole content. */
	void (*entry)(void *ctx, const struct source_entry *entry);
	/* One problem: the entry path is NULL when it concerns the input as a whole. The
	 * strings are raw; the receiver sanitises them before printing. */
	void (*problem)(void *ctx, const char *input, const char *path, const char *reason);
	/* Optional (may be NULL): reading goes on — called as each regular entry starts
	 * and every SOURCE_PROGRESS_STEP bytes inflated, with the input's running total
	 * and how far into the file being read it is (its compressed bytes). */
	void (*progress)(void *ctx, const char *path, uint64_t inflated, uint64_t consumed);
	/* Optional: when it turns true (another thread sets it), reading stops soon and
	 * quietly. Only sandbox_read() watches it. */
	const atomic_bool *cancel;
	/* Optional: where to read the next entry, whose archive says it holds len bytes
	 * (at most max_entry_bytes), or NULL for the reader's own buffer. `entry` then
	 * gets data at that address unless the entry turned out larger: saving a copy
	 * of every entry when the handler passes the bytes on. */
	void *(*room)(void *ctx, size_t len);
};

struct source_counts {
	uint64_t entries;  /* regular entries handed over */
	uint64_t other;    /* directories, links, devices: not releases */
	uint64_t problems; /* entries or inputs reported as unreadable */
	uint64_t bytes;    /* bytes handed over */
	uint64_t stopped;  /* readers that crashed or stalled (see sandbox.h) */
	/* Inputs read to their end, or to a limit of source_limits, with no failure of
	 * the machine on the way (memory, I/O, the reading process's limits, a reader
	 * stopped or cancelled): what they gave is what their bytes hold, the same at
	 * every read. Problems of the bytes themselves (damage, encryption, an entry
	 * over a limit) leave an input complete. */
	uint64_t complete;
};

/* Read one input. False when the input as a whole could not be opened or read. */
bool source_read(const char *input, const struct source_limits *limits,
                 const struct source_handler *handler, struct source_counts *counts);

/* The same for an input the caller opened on fd (O_NONBLOCK or not): a pipe or
 * device is read from fd as it comes, in bounded memory, waiting for its writer as
 * long as it takes; a file through /proc/self/fd/FD, so that it may be opened
 * again. fd < 0: read `input` by name (the sandbox does so for a folder only).
 * fd stays open. */
bool source_read_fd(const char *input, int fd, const struct source_limits *limits,
                    const struct source_handler *handler, struct source_counts *counts);

/* The same for an input held in memory (a bundle or a plain file, whole), with no
 * file system involved: for tests and fuzzing. `input` names it in reports. */
bool source_read_memory(const char *input, const void *data, size_t len,
                        const struct source_limits *limits, const struct source_handler *handler,
                        struct source_counts *counts);

/* This process's peak address space (VmPeak) and its cap (RLIMIT_AS; UINT64_MAX
 * when there is none), in bytes; false when they cannot be told. A reading process
 * that came near its cap may have lost something to an allocation that failed. */
bool source_memory_peak(uint64_t *peak, uint64_t *cap);

#endif
