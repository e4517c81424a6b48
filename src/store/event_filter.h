/* event_filter.h: the stored events a filter keeps: those with at least one report the
 * query selects (issue 13 item 8: the events view honours the reader's filter). */
#ifndef SITREP_STORE_EVENT_FILTER_H
#define SITREP_STORE_EVENT_FILTER_H

#include <stddef.h>
#include <stdint.h>

#include "store/query.h"

struct store;

/* The ids of the events with a report q selects, ascending, in *ids (malloc'd; NULL when
 * none). Returns their number, or -1 with SQLite's reason in err. */
long store_event_ids_matching(struct store *s, const struct query *q, int64_t **ids, char *err,
                              size_t errlen);

#endif
