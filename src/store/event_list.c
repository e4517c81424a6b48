/* event_list.c: reading the events table for the reader's events view. */
#include "store/event_list.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

static void read_row(sqlite3_stmt *st, struct store_event_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->label = store_dup_column(st, 1);
    r->place = store_dup_column(st, 2);
    r->first_date = store_dup_column(st, 3);
    r->last_date = store_dup_column(st, 4);
    r->reasons = store_dup_column(st, 5);
    r->score = sqlite3_column_double(st, 6);
    r->n_reports = sqlite3_column_int(st, 7);
}

int store_event_rows(struct store *s, int max, struct store_event_row **rows, size_t *n)
{
    const char *sql =
        "SELECT e.id, e.label, e.place, e.first_date, e.last_date, e.reasons, e.score,"
        " (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id) AS n"
        " FROM events e ORDER BY n DESC, coalesce(e.last_date, '') DESC, e.id LIMIT ?";
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int(st, 1, max);
    size_t cap = 0;
    int rc = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 128;
            struct store_event_row *g = realloc(*rows, cap * sizeof *g);
            if (!g) {
                rc = -1;
                break;
            }
            *rows = g;
        }
        read_row(st, &(*rows)[(*n)++]);
    }
    sqlite3_finalize(st);
    return rc;
}

void store_event_rows_free(struct store_event_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].label);
        free(rows[i].place);
        free(rows[i].first_date);
        free(rows[i].last_date);
        free(rows[i].reasons);
    }
    free(rows);
}
