/* base — the tools every layer uses, and that use nothing of relview's own:
 * text (decoding any bytes into clean UTF-8, display widths), dates, the one
 * growable array, hash index and binary search, ASCII classes, the XDG folders and
 * a helper thread. src/base/. */
#ifndef RELVIEW_BASE_H
#define RELVIEW_BASE_H

#include "relview/ascii.h"
#include "relview/bound.h"
#include "relview/date.h"
#include "relview/elapsed.h"
#include "relview/fdio.h"
#include "relview/grow.h"
#include "relview/hash.h"
#include "relview/helper.h"
#include "relview/idindex.h"
#include "relview/text.h"
#include "relview/unconst.h"
#include "relview/xdg.h"

#endif
