/* The prompts' editing, history and drawing, and the prompt pane. */
#include "config.h"

#include "relview/prompt.h"

#include "relview/term.h"
#include "relview/text.h"

#include <stdlib.h>
#include <string.h>

void prompt_open(struct prompt *p, const struct prompt_kind *kind, void *ctx)
{
	*p = (struct prompt){.kind = kind, .ctx = ctx};
	if (kind->open)
		kind->open(ctx, &p->edit);
	struct history *h = kind->history ? kind->history(ctx) : NULL;
	if (h)
		h->pos = h->n; /* Up and Down start from the line being typed */
	/* What it opens with is selected: typing replaces it, other keys edit it. */
	edit_select(&p->edit);
}

/* Up and Down: the lines typed before, for a kind that keeps them; false when
 * there is none that way. A prompt opened with the last line (the search in
 * effect) goes past it: Up means the one before. */
static bool history_key(struct prompt *p, enum action action)
{
	struct history *h = p->kind->history ? p->kind->history(p->ctx) : NULL;
	bool older = action == ACT_PROMPT_OLDER;
	struct edit was = p->edit;
	if (!h || !history_step(h, older, &p->edit))
		return false;
	if (older && h->pos + 1 == h->n && p->edit.len == was.len && was.len &&
	    memcmp(p->edit.text, was.text, was.len) == 0)
		history_step(h, true, &p->edit);
	return true;
}

/* Left, Right, Home, End or Delete: there is no cursor to move in the text (the
 * typing goes at its end), but they say the text is to be kept and edited. */
static bool moves_or_deletes(int key)
{
	return key == KEYCODE_FN(SPECIAL_LEFT) || key == KEYCODE_FN(SPECIAL_RIGHT) ||
	       key == KEYCODE_FN(SPECIAL_HOME) || key == KEYCODE_FN(SPECIAL_END) ||
	       key == KEYCODE_FN(SPECIAL_DELETE);
}

static enum prompt_end answer(int key)
{
	if (key == 'y' || key == 'Y')
		return PROMPT_ACCEPTED;
	if (key == 'n' || key == 'N' || keys_lookup(KEYS_PROMPT, key) == ACT_PROMPT_CANCEL)
		return PROMPT_CANCELLED;
	return PROMPT_TYPING;
}

enum prompt_end prompt_key(struct prompt *p, int key)
{
	struct edit *e = &p->edit;
	enum action action = keys_lookup(KEYS_PROMPT, key);
	if (p->kind->question)
		return answer(key);
	/* A key that moves or deletes keeps a selected text, to edit; the next
	 * character typed then goes after it. */
	if (e->selected && action == ACT_NONE && moves_or_deletes(key)) {
		edit_unselect(e);
		return PROMPT_TYPING;
	}
	switch (action) {
	case ACT_PROMPT_ACCEPT:
		return PROMPT_ACCEPTED;
	case ACT_PROMPT_CANCEL:
		return PROMPT_CANCELLED;
	case ACT_PROMPT_ERASE:
		if (!edit_erase(e))
			return PROMPT_TYPING;
		break;
	case ACT_PROMPT_KILL:
		edit_set(e, "", 0);
		break;
	case ACT_PROMPT_OLDER:
	case ACT_PROMPT_NEWER:
		edit_unselect(e);
		if (!history_key(p, action))
			return PROMPT_TYPING;
		break; /* a search runs what it brought back */
	default:
		if (key < 0 || key >= KEYCODE_FN(0) || !edit_insert(e, (uint32_t)key))
			return PROMPT_TYPING;
		break;
	}
	if (p->kind->changed)
		p->kind->changed(p->ctx, e);
	return PROMPT_TYPING;
}

void prompt_finish(struct prompt *p, enum prompt_end end)
{
	if (end == PROMPT_ACCEPTED && p->kind->accept)
		p->kind->accept(p->ctx, &p->edit);
	else if (end == PROMPT_CANCELLED && p->kind->cancel)
		p->kind->cancel(p->ctx);
}

/* What it found so far, after the text ("" for none). */
static void what_found(const struct prompt *p, char *out, size_t size)
{
	out[0] = '\0';
	if (p->kind->found && p->edit.len)
		p->kind->found(p->ctx, &p->edit, out, size);
}

int prompt_draw(const struct prompt *p, int y, int w)
{
	const char *label = p->kind->label(p->ctx);
	const struct edit *e = &p->edit;
	char found[256];
	what_found(p, found, sizeof found);
	term_fill(y, 0, w, ROLE_NORMAL);
	int x = term_put(y, 0, label, strlen(label), w, ROLE_PROMPT);
	/* A long text shows its end, where the typing is. */
	size_t skip = 0;
	while (skip < e->len && (int)text_width(e->text + skip, e->len - skip) > w - x - 1)
		skip++;
	while (skip < e->len && ((unsigned char)e->text[skip] & 0xC0) == 0x80)
		skip++;
	x += term_put(y, x, e->text + skip, e->len - skip, w - x,
	              e->selected ? ROLE_SELECTED : ROLE_NORMAL);
	term_put(y, x + 1, found, strlen(found), w - x - 1, ROLE_NORMAL);
	return x;
}

/* ---- the prompt pane ------------------------------------------------------------ */

struct prompt_pane {
	struct prompt prompt;
	int cursor_x; /* where the text ends, as last drawn */
};

static bool init(struct pane *pane)
{
	return (pane->state = calloc(1, sizeof(struct prompt_pane))) != NULL;
}

static void free_state(struct pane *pane)
{
	free(pane->state);
}

void pane_prompt_start(struct pane *pane, const struct prompt_kind *kind, void *ctx)
{
	struct prompt_pane *pp = pane->state;
	prompt_open(&pp->prompt, kind, ctx);
	pane->host->ops->raise(pane->host, pane);
}

static void key(struct pane *pane, int key)
{
	struct prompt *p = &((struct prompt_pane *)pane->state)->prompt;
	/* Backspace with nothing left to erase closes it, as in less and vim (a
	 * picker's narrowing text, a list's own, stays). */
	bool closes = p->edit.len == 0 && keys_lookup(KEYS_PROMPT, key) == ACT_PROMPT_ERASE;
	enum prompt_end end = closes ? PROMPT_CANCELLED : prompt_key(p, key);
	if (end == PROMPT_TYPING)
		return;
	pane->host->ops->remove(pane->host, pane);
	prompt_finish(p, end);
}

/* Its own keys at the right of the line, while the text leaves them room; a
 * question has none (y answers, n or Esc does not). */
static const struct hint hints[] = {
        {ACT_PROMPT_ACCEPT, "done"},
        {ACT_PROMPT_CANCEL, "cancel"},
        {ACT_NONE, NULL},
};

static void draw(struct pane *pane)
{
	enum { GAP = 3 };
	struct prompt_pane *pp = pane->state;
	char text[128];
	pp->cursor_x = prompt_draw(&pp->prompt, pane->at.y, pane->at.w);
	if (pp->prompt.kind->question)
		return; /* its text says it: (y/n) */
	char found[256];
	what_found(&pp->prompt, found, sizeof found);
	int room = pane->at.w - pp->cursor_x - (int)text_width(found, strlen(found)) - GAP;
	size_t len = pane_hints_text(hints, room, text, sizeof text);
	int width = (int)text_width(text, len);
	if (len && width <= room)
		term_put(pane->at.y, pane->at.w - width, text, len, width, ROLE_HINT);
}

static enum pane_cursor cursor(const struct pane *pane, int *y, int *x)
{
	const struct prompt_pane *pp = pane->state;
	*y = pane->at.y;
	*x = pp->cursor_x;
	return CURSOR_SHOWN;
}

const struct pane_ops pane_prompt_ops = {
        .name = "prompt",
        .keys = KEYS_PROMPT,
        .init = init,
        .free = free_state,
        .draw = draw,
        .key = key,
        .cursor = cursor,
};
