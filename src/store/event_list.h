/* event_list.h: the stored events as the reader lists them, most reports first.
 *
 * The list is read in two steps so that opening it stays cheap on a large collection: the
 * order alone (each event's id and number of reports, no strings), then the columns of the
 * rows actually shown, one event at a time. */
#ifndef SITREP_STORE_EVENT_LIST_H
#define SITREP_STORE_EVENT_LIST_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* One event in list order. */
struct store_event_key {
    int64_t id;
    int n_reports;
};

/* Every stored event by number of reports, then latest date, then id, into *keys
 * (malloc'd, *n of them; NULL when none). Returns 0, or -1 (nothing kept). */
int store_event_order(struct store *s, struct store_event_key **keys, size_t *n);

struct store_event_row {
    int64_t id;
    char *label, *place, *first_date, *last_date, *reasons; /* NULL when none */
    double score;
    int n_reports;
};

/* The stored columns of one event into *row (strings malloc'd): 1, 0 when there is no such
 * event, -1 on error. n_reports is left as it was (store_event_order counts them). */
int store_event_row_get(struct store *s, int64_t id, struct store_event_row *row);
void store_event_row_clear(struct store_event_row *row);

#endif
