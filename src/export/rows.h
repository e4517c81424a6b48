/* rows.h: the rows of `sitrep export` and of the reader's export: events (ACLED-like
 * columns, with Iraq Body Count-style ranges), reports (one per article with its own
 * toll) and figures (one per stated figure), in CSV, the sitrep JSON Lines record format
 * (which `sitrep import` reads back) or GeoJSON.
 *
 * Events are grouped afresh from the collection exactly as `sitrep events` groups them,
 * so event_id is the number `sitrep events --json` prints; nothing is written back. A
 * filter (the reader's filter language) selects articles; an event is exported when one
 * of its reports is selected. */
#ifndef SITREP_ROWS_H
#define SITREP_ROWS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "export/table.h"
#include "store/query.h"

struct store;

enum export_kind { EXPORT_EVENTS, EXPORT_REPORTS, EXPORT_FIGURES };

/* "events", "reports", "figures"; -1 when unknown. */
int export_kind_from_name(const char *name);
const char *export_kind_name(enum export_kind k);

/* The columns of each kind, in order (the CSV header, the JSON keys). */
const char *const *export_columns(enum export_kind k, size_t *n);

struct export_request {
    enum export_kind kind;
    enum table_format format;
    const struct query *filter; /* NULL: the whole collection */
    const char *filter_text;    /* as typed, for the JSON Lines header; or NULL */
    const char *generator;      /* "sitrep 0.1+abc" */
};

struct export_result {
    size_t rows;     /* rows written */
    size_t skipped;  /* GeoJSON: events without coordinates, left out */
    size_t articles; /* JSON Lines: article records written */
};

/* Writes the export to out. Returns 0, or -1 with a reason in err. */
int export_run(struct store *s, const struct export_request *r, FILE *out,
               struct export_result *res, char *err, size_t errlen);

/* The same into a file: written under a temporary name beside it and renamed when whole,
 * so a failed export never leaves half a file under the name asked for. */
int export_to_path(struct store *s, const struct export_request *r, const char *path,
                   struct export_result *res, char *err, size_t errlen);

/* One event as a point on a map: where it happened and its conservative toll. */
struct event_point {
    size_t event_id;  /* as in the events export and `sitrep events --json` */
    int64_t place_id; /* the store's id of its place (a filter on it: query_add_place) */
    double lon, lat;
    long killed;   /* the conservative figure; 0 when none is stated */
    char *label;   /* "airstrike at Fallujah" */
    char *place;   /* the event's place */
    char *country; /* or NULL */
    char *first_date;
};

struct event_points {
    struct event_point *items;
    size_t n;
    size_t without_coords; /* events selected but with no known coordinates */
};

/* The events a filter selects (NULL: all) that have coordinates, in event order. Returns
 * 0, or -1 with a reason in err. */
int export_event_points(struct store *s, const struct query *filter, struct event_points *out,
                        char *err, size_t errlen);
void export_event_points_free(struct event_points *p);

#endif
