/* event_grouping.h: bringing the events up to date without holding up the reader. An
 * import assigns its reports to events as it stores them (events/event_incr.h), so this is
 * needed only for reports left in no event (a collection grouped by an older sitrep, an
 * import that could not group); catching up a whole 100,000-article collection takes a
 * while, so it runs as a background job on a writable connection of its own, committing
 * as it goes. Closing the events view does not stop it: the next E opens at once. */
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

/* Waits for the job and frees g (the events are saved already; s is the reader's). Returns
 * 0, or -1 with the reason in err. */
int event_grouping_finish(struct event_grouping *g, struct store *s, char *err, size_t errlen);

/* Stops the grouping (at once: the job checks a flag) and frees g. */
void event_grouping_cancel(struct event_grouping *g);

#endif
