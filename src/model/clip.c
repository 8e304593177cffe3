#include "config.h"

#include "relview/clip.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t clip_base64_len(size_t n)
{
	return (n + 2) / 3 * 4;
}

size_t clip_base64(const void *in, size_t n, char *out)
{
	static const char digits[] =
	        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = in;
	size_t len = 0;
	for (size_t i = 0; i < n; i += 3) {
		uint32_t group = (uint32_t)p[i] << 16;
		if (i + 1 < n)
			group |= (uint32_t)p[i + 1] << 8;
		if (i + 2 < n)
			group |= p[i + 2];
		out[len++] = digits[group >> 18 & 63];
		out[len++] = digits[group >> 12 & 63];
		out[len++] = i + 1 < n ? digits[group >> 6 & 63] : '=';
		out[len++] = i + 2 < n ? digits[group & 63] : '=';
	}
	out[len] = '\0';
	return len;
}

bool clip_accepted(enum clip_mode mode, const char *term, const char *tmux)
{
	static const char *const known[] = {"xterm", "tmux", "screen"};
	if (mode != CLIP_AUTO)
		return mode == CLIP_ON;
	if (tmux && *tmux)
		return true;
	for (size_t i = 0; term && i < sizeof known / sizeof *known; i++)
		if (strncmp(term, known[i], strlen(known[i])) == 0)
			return true;
	return false;
}

/* tmux passes on what is inside "ESC P tmux; ... ESC \", every ESC in it doubled. */
#define TMUX_BEGIN "\033Ptmux;\033"
#define TMUX_END   "\033\\"
#define OSC52      "\033]52;c;"
#define ST         "\033\\"

char *clip_osc52(const char *text, size_t n, bool in_tmux, size_t *len)
{
	if (n > CLIP_MAX)
		return NULL;
	size_t b64 = clip_base64_len(n), plain = strlen(OSC52) + b64 + strlen(ST);
	size_t size = plain + (in_tmux ? strlen(TMUX_BEGIN) + plain + 1 + strlen(TMUX_END) : 0) + 1;
	char *out = malloc(size), *p = out;
	if (!out)
		return NULL;
	p += sprintf(p, "%s", OSC52);
	p += clip_base64(text, n, p);
	p += sprintf(p, "%s", ST);
	if (in_tmux) {
		p += sprintf(p, "%s", TMUX_BEGIN);
		memcpy(p, out, plain - strlen(ST));
		p += plain - strlen(ST);
		p += sprintf(p, "\033%s%s", ST, TMUX_END);
	}
	*len = (size_t)(p - out);
	return out;
}
