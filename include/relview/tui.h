/* tui — the front ends: the command line (cli, main) and the terminal reader, the
 * one part of relview that draws. term owns the terminal (the only user of curses);
 * the panes draw and take keys on a stack; app is the loop; feed runs the loader
 * thread beside it. src/tui/; uses every layer below. */
#ifndef RELVIEW_TUI_H
#define RELVIEW_TUI_H

#include "relview/app.h"
#include "relview/cli.h"
#include "relview/feed.h"
#include "relview/pane.h"
#include "relview/term.h"

#endif
