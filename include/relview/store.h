/* store — releases and what is kept of them: the parser (fields from a page), the
 * places and topics it knows, the catalog (records and text, deduplicated), its
 * display order, the loader that fills it from ingest, the on-disk cache of each
 * input's share, and the read and starred marks kept across runs (state).
 * src/store/; uses ingest and base. */
#ifndef RELVIEW_STORE_H
#define RELVIEW_STORE_H

#include "relview/cache.h"
#include "relview/catalog.h"
#include "relview/counts.h"
#include "relview/load.h"
#include "relview/order.h"
#include "relview/parse.h"
#include "relview/place.h"
#include "relview/state.h"
#include "relview/topics.h"

#endif
