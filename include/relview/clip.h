/* clip — copying text to the terminal's clipboard with OSC 52, which works over SSH
 * and, with passthrough, inside tmux. No curses here: this builds the bytes, the
 * terminal module writes them. Only text relview sanitised when it loaded it is
 * ever copied, and it travels base64-encoded. */
#ifndef RELVIEW_CLIP_H
#define RELVIEW_CLIP_H

#include <stdbool.h>
#include <stddef.h>

/* More than this many bytes of text are not copied: terminals cut or drop long
 * OSC 52 sequences. */
#define CLIP_MAX 100000

enum clip_mode { CLIP_AUTO, CLIP_ON, CLIP_OFF };

/* Base64 (RFC 4648, padded) of n bytes into out (room for clip_base64_len(n) + 1
 * bytes); returns the length written, not counting the NUL. */
size_t clip_base64_len(size_t n);
size_t clip_base64(const void *in, size_t n, char *out);

/* Does the terminal accept OSC 52? CLIP_ON and CLIP_OFF decide; CLIP_AUTO trusts
 * the terminals known to: TERM xterm*, tmux*, screen*, or running inside tmux
 * ($TMUX set). */
bool clip_accepted(enum clip_mode mode, const char *term, const char *tmux);

/* The escape sequence that puts text into the clipboard (to be freed): OSC 52, and
 * inside tmux the same again wrapped for tmux's passthrough. NULL when out of
 * memory or text is longer than CLIP_MAX. */
char *clip_osc52(const char *text, size_t n, bool in_tmux, size_t *len);

#endif
