#include "config.h"

#include "relview/edit.h"

#include "relview/text.h"

#include <string.h>

/* ---- edit ----------------------------------------------------------------------- */

bool edit_insert(struct edit *e, uint32_t cp)
{
	bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
	bool invalid = cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
	char bytes[4];
	if (control || invalid)
		return false;
	size_t n = text_utf8_encode(cp, bytes);
	if (e->selected)
		e->len = 0;
	e->selected = false;
	if (e->len + n >= EDIT_MAX)
		return false;
	memcpy(e->text + e->len, bytes, n);
	e->len += n;
	e->text[e->len] = '\0';
	return true;
}

bool edit_erase(struct edit *e)
{
	e->selected = false;
	if (e->len == 0)
		return false;
	/* Drop code points from the end until one that takes room is gone, so an accent
	 * typed as a combining mark goes with its letter. */
	for (;;) {
		size_t start = e->len - 1;
		while (start && ((unsigned char)e->text[start] & 0xC0) == 0x80)
			start--;
		size_t i = start;
		uint32_t cp = text_next_cp(e->text, e->len, &i);
		e->len = start;
		if (text_cp_width(cp) != 0 || start == 0)
			break;
	}
	e->text[e->len] = '\0';
	return true;
}

/* ---- history ------------------------------------------------------------------- */

bool history_add(struct history *h, const char *text, size_t len)
{
	struct edit line = {0};
	for (size_t i = 0; i < len;)
		if (!edit_insert(&line, text_next_cp(text, len, &i)))
			break;
	h->pos = h->n;
	if (!line.len || (h->n && strcmp(h->items[h->n - 1].text, line.text) == 0))
		return false;
	if (h->n == HISTORY_MAX)
		memmove(h->items, h->items + 1, --h->n * sizeof *h->items);
	h->items[h->n++] = line;
	h->pos = h->n;
	return true;
}

bool history_step(struct history *h, bool older, struct edit *e)
{
	if (older ? h->pos == 0 : h->pos >= h->n)
		return false;
	if (h->pos == h->n)
		h->typed = *e;
	if (older)
		h->pos--;
	else
		h->pos++;
	*e = h->pos < h->n ? h->items[h->pos] : h->typed;
	return true;
}

void edit_set(struct edit *e, const char *s, size_t n)
{
	if (n >= EDIT_MAX)
		n = EDIT_MAX - 1;
	memcpy(e->text, s, n);
	e->len = n;
	e->text[n] = '\0';
	e->selected = false;
}

void edit_select(struct edit *e)
{
	e->selected = e->len > 0;
}

void edit_unselect(struct edit *e)
{
	e->selected = false;
}
