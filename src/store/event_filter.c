/* event_filter.c: the stored events a filter keeps. */
#include "store/event_filter.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

static int push(int64_t **ids, long *n, long *cap, int64_t id)
{
    if (*n == *cap) {
        long grown = *cap ? *cap * 2 : 64;
        int64_t *v = realloc(*ids, (size_t)grown * sizeof *v);
        if (!v)
            return -1;
        *ids = v;
        *cap = grown;
    }
    (*ids)[(*n)++] = id;
    return 0;
}

long store_event_ids_matching(struct store *s, const struct query *q, int64_t **ids, char *err,
                              size_t errlen)
{
    static const char fmt[] = "SELECT DISTINCT event_id FROM event_articles WHERE article_id IN"
                              " (SELECT id FROM articles WHERE %s) ORDER BY event_id";
    const char *where = query_where(q);
    size_t len = sizeof fmt + strlen(where);
    char *sql = malloc(len);
    *ids = NULL;
    if (!sql) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(sql, len, fmt, where);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
    free(sql);
    if (rc != SQLITE_OK) {
        store_set_err(err, errlen, "events under the filter", s->db);
        return -1;
    }
    query_bind(q, st, 1);
    long n = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (push(ids, &n, &cap, sqlite3_column_int64(st, 0)) < 0)
            break;
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        store_set_err(err, errlen, "events under the filter", s->db);
        free(*ids);
        *ids = NULL;
        return -1;
    }
    return n;
}
