/* listrow — one release drawn as a row of the list's columns, fitted to a width
 * and to the configured columns and date format: the list pane and the related
 * pane list releases alike. */
#ifndef RELVIEW_LISTROW_H
#define RELVIEW_LISTROW_H

#include "relview/pane.h"

/* The columns' widths at a width. */
void listrow_columns(const struct config *config, size_t width, struct columns *c);
/* A release at (y, x) in those columns; `role` colours the whole row, or each
 * column (ROLE_LIST, ROLE_UNREAD). */
void listrow_draw(const struct host *host, const struct release *r, int y, int x,
                  const struct columns *c, enum role role);

#endif
