/* event_grouping.h: grouping the collection into events without holding up the reader.
 * On a large collection grouping takes many seconds (100,000 generated articles: about
 * 20 s), so it runs as a background job on its own read-only connection; the reader saves
 * the groups through its own connection when the job is done. Closing the events view does
 * not stop it: the groups are saved when ready and the next E opens at once. */
#ifndef SITREP_EVENT_GROUPING_H
#define SITREP_EVENT_GROUPING_H

#include <stdbool.h>
#include <stddef.h>

struct store;
struct event_grouping;

/* Whether the stored events cover the collection: grouping puts every article in one
 * event (a report alone is an event of one), so an import since the last grouping shows
 * as articles outside any. 1 fresh, 0 stale or none, -1 on an error. */
int events_fresh(struct store *s);

/* Starts grouping; NULL when no background job can run (then group in the foreground). */
struct event_grouping *event_grouping_start(struct store *s);

bool event_grouping_done(const struct event_grouping *g);

/* Saves the groups through s and frees g. Returns 0, or -1 with the reason in err. */
int event_grouping_finish(struct event_grouping *g, struct store *s, char *err, size_t errlen);

/* Stops the grouping (at once: the job checks a flag) and frees g. */
void event_grouping_cancel(struct event_grouping *g);

#endif
