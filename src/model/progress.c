#include "config.h"

#include "relview/progress.h"

#include "relview/text.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* What the line gives up, one after the other, until it fits: each step keeps what
 * the ones before it gave up. */
enum step {
	ALL,
	NARROW_GAPS,  /* " · " between the figures, not "  ·  " */
	NO_BRAND,     /* " relview  " before the line */
	FILE_NAME,    /* the input's file name, not its whole path */
	SHARE_ONLY,   /* "33%", not "55.1 of 165.7 MiB read (33%)" */
	NO_RATE,      /* "21.2 MiB/s" */
	NAME_CUT,     /* the input's name may lose its middle */
	NO_NAME,      /* not even that */
	COUNT_SHORT,  /* "loading 1/2", not "loading 1 of 2" */
	COUNT_DIGITS, /* "1/2" */
	NO_COUNT,     /* which input */
	NO_RELEASES,  /* "12345 releases" */
	NO_LEFT,      /* "0:41 left": the share read alone */
};

/* The input's name is shown from its last NAME_RAW_MAX bytes: enough for any line a
 * terminal has, its file name kept. */
enum { NAME_RAW_MAX = 255, NAME_MIN_COLS = 10, MIB = 1048576 };

/* Each figure as text, in its forms, made once for all the steps. */
struct pieces {
	char count_long[48], count_short[48], count_digits[48];
	char bytes_long[80], bytes_short[40];
	char releases[32], rate[32], left[32]; /* "": none */
	char name[3 * NAME_RAW_MAX + 1];
	size_t name_len, base_at; /* the file name is name + base_at */
};

struct line {
	char *out;
	size_t size, len;
};

/* Append s; what does not fit is cut at a character, never in one. */
static void put(struct line *l, const char *s, size_t n)
{
	size_t room = l->size - 1 - l->len;
	if (n > room) {
		n = room;
		while (n && (s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(l->out + l->len, s, n);
	l->len += n;
	l->out[l->len] = '\0';
}

static void put_str(struct line *l, const char *s)
{
	put(l, s, strlen(s));
}

/* Read past the total: a file that grew since its size was taken; the total is
 * then no total. All of it read: the reader still parses the last of it. */
static bool whole_known(const struct progress_figures *p)
{
	return p->total && p->done <= p->total;
}

double progress_fraction(const struct progress_figures *p)
{
	if (!whole_known(p))
		return -1;
	double share = (double)p->done / (double)p->total;
	return share < 0.99 ? share : 0.99; /* full at the end of loading, as the text's 99% */
}

/* "0:41 left", "1:02:03 left", rounded up (never "0:00 left" while reading goes on);
 * none beyond 99 hours (no estimate says that much). */
static void format_left(double seconds, char *out, size_t size)
{
	out[0] = '\0';
	if (!(seconds >= 0) || seconds >= 100.0 * 3600)
		return;
	unsigned long s = (unsigned long)seconds;
	s += (double)s < seconds;
	if (s >= 3600)
		snprintf(out, size, "%lu:%02lu:%02lu left", s / 3600, s / 60 % 60, s % 60);
	else
		snprintf(out, size, "%lu:%02lu left", s / 60, s % 60);
}

/* The name made safe, and where its file name begins (a folder's "dir/" keeps its
 * slash). */
static void name_pieces(const char *raw, struct pieces *pc)
{
	size_t n = strlen(raw), from = n > NAME_RAW_MAX ? n - NAME_RAW_MAX : 0;
	while (from < n && from && (raw[from] & 0xC0) == 0x80) /* not in a character */
		from++;
	pc->name_len = text_decode(raw + from, n - from, pc->name, 0);
	pc->name[pc->name_len] = '\0';
	size_t end = pc->name_len;
	while (end > 1 && pc->name[end - 1] == '/')
		end--;
	pc->base_at = end;
	while (pc->base_at && pc->name[pc->base_at - 1] != '/')
		pc->base_at--;
}

static void make_pieces(const struct progress_figures *p, struct pieces *pc)
{
	size_t at = p->input + 1, of = p->ninputs;
	double done = (double)p->done / MIB,
	       rate = p->elapsed > 0 ? (double)p->done / p->elapsed : 0;
	snprintf(pc->count_long, sizeof pc->count_long, "loading %zu of %zu", at, of);
	if (of == 1) { /* "1 of 1" says nothing a narrow line has room for */
		snprintf(pc->count_short, sizeof pc->count_short, "loading");
		snprintf(pc->count_digits, sizeof pc->count_digits, "loading");
	} else {
		snprintf(pc->count_short, sizeof pc->count_short, "loading %zu/%zu", at, of);
		snprintf(pc->count_digits, sizeof pc->count_digits, "%zu/%zu", at, of);
	}
	if (whole_known(p)) {
		unsigned share = (unsigned)(p->done * 100 / p->total);
		share = share < 99 ? share : 99; /* 100% is the end of loading, not of reading */
		snprintf(pc->bytes_long, sizeof pc->bytes_long, "%.1f of %.1f MiB read (%u%%)",
		         done, (double)p->total / MIB, share);
		snprintf(pc->bytes_short, sizeof pc->bytes_short, "%u%%", share);
	} else {
		snprintf(pc->bytes_long, sizeof pc->bytes_long, "%.1f MiB read", done);
		snprintf(pc->bytes_short, sizeof pc->bytes_short, "%.1f MiB", done);
	}
	snprintf(pc->releases, sizeof pc->releases, "%llu release%s",
	         (unsigned long long)p->releases, p->releases == 1 ? "" : "s");
	pc->rate[0] = '\0';
	if (p->elapsed > 0)
		snprintf(pc->rate, sizeof pc->rate, "%.1f MiB/s", rate / MIB);
	pc->left[0] = '\0';
	if (whole_known(p) && p->done < p->total && rate > 0)
		format_left((double)(p->total - p->done) / rate, pc->left, sizeof pc->left);
	name_pieces(p->name ? p->name : "", pc);
}

static const char *count_of(const struct pieces *pc, enum step s)
{
	return s < COUNT_SHORT    ? pc->count_long
	       : s < COUNT_DIGITS ? pc->count_short
	       : s < NO_COUNT     ? pc->count_digits
	                          : "";
}

/* The line at step s, with `name` (n bytes, may be none) after the input's number. */
static void compose(const struct pieces *pc, enum step s, const char *name, size_t n,
                    struct line *l)
{
	const char *gap = s < NARROW_GAPS ? "  \xc2\xb7  " : " \xc2\xb7 ";
	const char *figures[] = {s < SHARE_ONLY ? pc->bytes_long : pc->bytes_short,
	                         s < NO_RELEASES ? pc->releases : "", s < NO_RATE ? pc->rate : "",
	                         s < NO_LEFT ? pc->left : ""};
	const char *count = count_of(pc, s);
	l->len = 0;
	l->out[0] = '\0';
	put_str(l, s < NO_BRAND ? " relview  " : " ");
	put_str(l, count);
	if (n) {
		put_str(l, ": ");
		put(l, name, n);
	}
	bool first = !*count;
	for (size_t i = 0; i < sizeof figures / sizeof *figures; i++) {
		if (!*figures[i])
			continue;
		if (!first)
			put_str(l, gap);
		put_str(l, figures[i]);
		first = false;
	}
}

/* s cut to cols columns by its middle ("releas…r.zst"), its end the longer part
 * kept (a file name's extension says what it is). */
static size_t cut_middle(const char *s, size_t n, size_t cols, char *out)
{
	size_t total = text_width(s, n), tail_cols, head_cols, before_tail;
	if (total <= cols) {
		memcpy(out, s, n);
		return n;
	}
	size_t tail_at = text_fit(s, n, total - cols / 2, &before_tail);
	tail_cols = total - before_tail;
	size_t head =
	        text_fit(s, tail_at, cols - 1 > tail_cols ? cols - 1 - tail_cols : 0, &head_cols);
	memcpy(out, s, head);
	memcpy(out + head, "\xe2\x80\xa6", 3);
	memcpy(out + head + 3, s + tail_at, n - tail_at);
	return head + 3 + n - tail_at;
}

/* The name as it fits in `room` columns at step s, into out; false when it does not
 * (then the step does not do). */
static bool fit_name(const struct pieces *pc, enum step s, size_t room, char *out, size_t *n)
{
	const char *base = pc->name + pc->base_at;
	size_t base_len = pc->name_len - pc->base_at, base_cols = text_width(base, base_len);
	*n = 0;
	if (s >= NO_NAME || !pc->name_len)
		return true;
	if (text_width(pc->name, pc->name_len) <= room) {
		memcpy(out, pc->name, *n = pc->name_len);
		return true;
	}
	if (s >= FILE_NAME && base_cols <= room) {
		memcpy(out, base, *n = base_len);
		return true;
	}
	if (s < NAME_CUT || room < NAME_MIN_COLS)
		return false;
	*n = cut_middle(base, base_len, room, out);
	return true;
}

size_t progress_line(const struct progress_figures *p, size_t cols, char *out, size_t size)
{
	struct pieces pc = {0};
	char name[sizeof pc.name + 3];
	struct line l = {.out = out, .size = size};
	if (!size)
		return 0;
	make_pieces(p, &pc);
	for (enum step s = ALL; s <= NO_LEFT; s++) {
		size_t n;
		compose(&pc, s, "", 0, &l);
		size_t used = text_width(out, l.len) + 2; /* ": " before the name */
		if (used - 2 > cols)
			continue;
		if (!fit_name(&pc, s, used <= cols ? cols - used : 0, name, &n))
			continue;
		if (n)
			compose(&pc, s, name, n, &l);
		return l.len;
	}
	compose(&pc, NO_LEFT, "", 0, &l);
	return l.len;
}
