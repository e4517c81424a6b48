/* event_list.h: the stored events as the reader lists them, most reports first. */
#ifndef SITREP_STORE_EVENT_LIST_H
#define SITREP_STORE_EVENT_LIST_H

#include <stddef.h>
#include <stdint.h>

struct store;

struct store_event_row {
    int64_t id;
    char *label, *place, *first_date, *last_date, *reasons; /* NULL when none */
    double score;
    int n_reports;
};

/* At most max events, by number of reports, then latest date, then id, into *rows
 * (malloc'd; *n of them). Returns 0, or -1 (rows read so far are kept). */
int store_event_rows(struct store *s, int max, struct store_event_row **rows, size_t *n);
void store_event_rows_free(struct store_event_row *rows, size_t n);

#endif
