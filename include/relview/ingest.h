/* ingest — from an input to its entries' bytes: libarchive and our own readers
 * (gzip through ISA-L, a zip's directory, pipes, folders) run in a fresh reading
 * process (sandbox), which hands entries over through shared memory (ring). It knows
 * nothing of releases. src/ingest/; uses base. */
#ifndef RELVIEW_INGEST_H
#define RELVIEW_INGEST_H

#include "relview/folder.h"
#include "relview/gunzip.h"
#include "relview/mbascii.h"
#include "relview/ring.h"
#include "relview/sandbox.h"
#include "relview/source.h"
#include "relview/zipdir.h"

#endif
