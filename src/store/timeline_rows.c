/* timeline_rows.c: the figures under a filter, read once and tallied. */
#include "store/timeline_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

/* Every figure of the articles the filter keeps, one article's rows together (the
 * articles are the outer loop of the join), dated by the figure's own full date, else the
 * article's; an article without figures comes once with a NULL kind. */
/* Only event figures: parts ("including five children"), background totals and other
 * events' tolls are left out (base/facts.h, enum figure_role), so a 38 and its 5 are 38,
 * not 43; rows stored before figures had roles count as events. */
static const char figures_sql[] =
    "SELECT fa.id, CASE WHEN length(f.date) >= 10 THEN f.date ELSE fa.date END, f.kind,"
    " coalesce(f.n, f.min, 0), coalesce(f.sentence, 0)"
    " FROM (SELECT id, date FROM articles INDEXED BY articles_list WHERE %s) fa"
    " LEFT JOIN figures f ON f.article_id = fa.id AND coalesce(f.role, 'event') = 'event'";

static sqlite3_stmt *prepare(sqlite3 *db, const struct query *q)
{
    const char *where = query_where(q);
    size_t n = sizeof figures_sql + strlen(where);
    char *sql = malloc(n);
    if (!sql)
        return NULL;
    snprintf(sql, n, figures_sql, where);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        st = NULL;
    free(sql);
    if (st)
        query_bind(q, st, 1);
    return st;
}

static enum tally_kind kind_of(const unsigned char *kind)
{
    if (!kind)
        return TALLY_OTHER;
    if (strcmp((const char *)kind, "killed") == 0)
        return TALLY_KILLED;
    return strcmp((const char *)kind, "wounded") == 0 ? TALLY_WOUNDED : TALLY_OTHER;
}

/* Steps st to the end, summing its figures by bucket. Returns 0, or -1 (interrupted, out
 * of memory or a database error). */
static int collect_rows(sqlite3_stmt *st, enum zoom zoom, struct timeline_row **rows, int *n)
{
    struct day_tally *tally = day_tally_new(zoom);
    if (!tally)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW)
        if (day_tally_add(tally, sqlite3_column_int64(st, 0),
                          (const char *)sqlite3_column_text(st, 1),
                          kind_of(sqlite3_column_text(st, 2)), (long)sqlite3_column_int64(st, 3),
                          sqlite3_column_int(st, 4)) < 0)
            break;
    int got = rc == SQLITE_DONE ? day_tally_finish(tally, rows) : -1;
    day_tally_free(tally);
    if (got < 0)
        return -1;
    *n = got;
    return 0;
}

int store_timeline_rows(struct store *s, const struct query *q, enum zoom zoom,
                        struct timeline_row **rows, int *n, char *err, size_t errlen)
{
    *rows = NULL;
    *n = 0;
    sqlite3_stmt *st = prepare(s->db, q);
    int rc = st ? collect_rows(st, zoom, rows, n) : -1;
    if (rc != 0)
        snprintf(err, errlen, "timeline: %s", sqlite3_errmsg(s->db));
    sqlite3_finalize(st);
    return rc;
}
