/* app — the terminal reader: app_run() opens the screen over a catalog (loading,
 * or loaded) and runs the loop until the user quits. The loop's own files share
 * src/tui/app_private.h. */
#ifndef RELVIEW_APP_H
#define RELVIEW_APP_H

struct catalog;
struct cli;
struct config;
struct feed;

/* Run the reader over a catalog with a configuration (its layout, columns,
 * date format, wrap width); notice ("" for none) is shown at the start. With
 * `feed` (else NULL), the catalog is still loading: the list grows as releases
 * arrive, the title line shows the progress, and the reader quits by itself when
 * loading ends with nothing read. Returns the exit status. */
int app_run(const struct catalog *cat, struct feed *feed, const struct cli *cli,
            const struct config *config, const char *notice);

#endif
