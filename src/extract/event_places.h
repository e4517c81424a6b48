/* event_places.h: where a report's events happened, as against every place it names. A
 * place filter keeps a report for the places of its events (store/query.h: place:), so
 * that a strike in Fallujah that names Baghdad in passing, or is filed from Baghdad, is
 * not kept for Baghdad; mentions: keeps any report naming the place.
 *
 * The rule, over the facts alone:
 *   - the main event (incident 0) happened at the report's most salient place finer than a
 *     country (salience.h: the place the list's row and the events view name; the
 *     dateline counts only when nothing else is known), else at the first place named;
 *   - each of its event figures (role ROLE_EVENT, of incident 0 or of a further incident
 *     it tells) happened at the figure's place, unless that is a whole country (the
 *     nearest name to a number, "near the border with Syria", too coarse to say where) or
 *     the dateline's place (the nearest name to a number in the lede, "BAGHDAD - Nine
 *     soldiers were killed near Hit"; a report about its dateline's city has it as its
 *     main place anyway).
 * The store writes them at import and backfills stored collections from the same facts
 * (store/schema.c, version 7). */
#ifndef SITREP_EXTRACT_EVENT_PLACES_H
#define SITREP_EXTRACT_EVENT_PLACES_H

#include <stddef.h>

#include "base/facts.h"

struct event_place {
    size_t place; /* index into the facts' places */
    int incident; /* 0: the main event; 1, 2..: further incidents (figure_fact.incident) */
};

/* Fills out, which has room for f->n_figures + 1 entries, with the report's event places,
 * the main event's first, each (place, incident) once; title and dateline may be NULL.
 * Returns how many (0 when the report names no place). */
size_t report_event_places(const struct facts *f, const char *title, const char *dateline,
                           struct event_place *out);

#endif
