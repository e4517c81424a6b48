/* place_counts.h: every place some article names, or that contains one, with the number
 * of reports of events at it or inside it and of reports naming it or a place inside it
 * (store/query.h: place: and mentions:): the location picker's tree. */
#ifndef SITREP_STORE_PLACE_COUNTS_H
#define SITREP_STORE_PLACE_COUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct store;

struct store_place_count {
    int64_t id, parent_id; /* parent_id 0 for a top-level place */
    int64_t gazetteer_id;  /* 0 for a place the gazetteer lacks */
    int depth;
    int events;       /* reports of events there or inside it (extract/event_places.h) */
    int mentions;     /* reports naming it or a place inside it (both -1: not counted) */
    const char *name; /* as stored (never NULL); valid during the call only */
    const char *kind; /* "country", "admin1", "city"... (facts.h), or NULL */
};

/* Calls each for every such place, in no particular order; each returns 0 to go on.
 * Returns 0, or -1 with "places: reason" in err (each stopped: out of memory; the scan was
 * interrupted, as a cancelled background job is). */
int store_place_counts(struct store *s, int (*each)(const struct store_place_count *p, void *arg),
                       void *arg, char *err, size_t errlen);

/* The same places with events and mentions -1, at once where the counts take seconds at
 * a million reports (the picker opens on these while they are counted). */
int store_place_list(struct store *s, int (*each)(const struct store_place_count *p, void *arg),
                     void *arg, char *err, size_t errlen);

/* Whether some place of the collection has this name or was written so (any case), as
 * the filter's place: term matches it. */
bool store_place_named(struct store *s, const char *name);

/* Whether some report tells of events at a place of that name or spelling, or inside it
 * (place:'s meaning). */
bool store_place_has_events(struct store *s, const char *name);

#endif
