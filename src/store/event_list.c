/* event_list.c: reading the events table for the reader's events view. */
#include "store/event_list.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/* Only ids and counts: the rows' strings are read for the rows shown (store_event_row_get).
 * The counts come from event_articles' primary key (event_id, article_id). */
static const char order_sql[] =
    "SELECT e.id, (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id) AS n"
    " FROM events e ORDER BY n DESC, coalesce(e.last_date, '') DESC, e.id";

int store_event_order(struct store *s, struct store_event_key **keys, size_t *n)
{
    *keys = NULL;
    *n = 0;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db, order_sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    size_t cap = 0;
    int step;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 256;
            struct store_event_key *g = realloc(*keys, cap * sizeof *g);
            if (!g)
                break;
            *keys = g;
        }
        (*keys)[(*n)++] =
            (struct store_event_key){sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1)};
    }
    sqlite3_finalize(st);
    if (step != SQLITE_DONE) {
        free(*keys);
        *keys = NULL;
        *n = 0;
        return -1;
    }
    return 0;
}

int store_event_row_get(struct store *s, int64_t id, struct store_event_row *row)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT label, place, first_date, last_date, reasons, score"
                           " FROM events WHERE id = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, id);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        row->id = id;
        row->label = store_dup_column(st, 0);
        row->place = store_dup_column(st, 1);
        row->first_date = store_dup_column(st, 2);
        row->last_date = store_dup_column(st, 3);
        row->reasons = store_dup_column(st, 4);
        row->score = sqlite3_column_double(st, 5);
    }
    sqlite3_finalize(st);
    return step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
}

void store_event_row_clear(struct store_event_row *row)
{
    free(row->label);
    free(row->place);
    free(row->first_date);
    free(row->last_date);
    free(row->reasons);
    row->label = row->place = row->first_date = row->last_date = row->reasons = NULL;
}
