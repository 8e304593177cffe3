/* model — the reader as plain data, with no curses in it: the view (list, filters,
 * incremental search), one release laid out (doc), the pickers, the timeline, the
 * key table, themes, settings and their files (config, ini), the clipboard's bytes,
 * the plain-text renderers (output) and the loading line (progress). Everything the
 * screen follows is unit-tested here. src/model/; uses find, store and base. */
#ifndef RELVIEW_MODEL_H
#define RELVIEW_MODEL_H

#include "relview/clip.h"
#include "relview/config.h"
#include "relview/ini.h"
#include "relview/keys.h"
#include "relview/output.h"
#include "relview/progress.h"
#include "relview/theme.h"
#include "relview/timeline.h"
#include "relview/view.h"

#endif
