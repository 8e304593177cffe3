/* find — narrowing the catalog: the text matcher (search), the filters by topic,
 * place, date and marks (query), and the releases related to one (related).
 * src/find/; uses store and base. */
#ifndef RELVIEW_FIND_H
#define RELVIEW_FIND_H

#include "relview/query.h"
#include "relview/related.h"
#include "relview/search.h"

#endif
