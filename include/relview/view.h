/* view — the reader model's headers in one include, for the front end's files that
 * use most of it: browse (the list and its filters), doc (a release laid out),
 * picker, scroll and edit. Each is a module of its own; include what you use. */
#ifndef RELVIEW_VIEW_H
#define RELVIEW_VIEW_H

#include "relview/browse.h"
#include "relview/doc.h"
#include "relview/edit.h"
#include "relview/picker.h"
#include "relview/scroll.h"

#endif
