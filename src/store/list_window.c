/* list_window.c: pages of the article list, and where an article sits in it. */
#include "store/list_window.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>

#include "base/facts.h"
#include "store/store_int.h"

/* Two ways to a page of the list. Unfiltered, the store's list index (date, id and the
 * columns the filter line tests, a few megabytes, while the table's rows carry the
 * articles' text) is read in list order with LIMIT/OFFSET: an index-only walk. Filtered
 * (a place, a search, the filter line, another order), the reader holds the ids in list
 * order, so that any page, even the last of 100,000 results, is a lookup of its rows
 * rather than a rescan of the filter. */
#define BY_DATE "INDEXED BY articles_list"

/* The toll and source orders sort the list index, which holds both columns: 0.3 s for the
 * first 1,000 of 932,000 articles, 1.5 s for all of them, where an index of their own
 * would have to be made first by reading every row of the table, texts included (minutes
 * at that size). Place and date added are not in the list index: each has an index that
 * hands the ids over in that order (100,000 articles: 13-41 ms to list), made the first
 * time the order is asked for, not at open, so that a collection whose reader never
 * sorts pays nothing at start or at import (store_list_order_ready). */
static const struct {
    const char *name, *indexed, *order, *index_name, *index;
} orders[N_LIST_ORDERS] = {
    [LIST_BY_DATE] = {"date", BY_DATE, "date DESC, id DESC", NULL, NULL},
    /* NULL sorts lowest in SQLite, so descending puts the reports without a toll last */
    [LIST_BY_TOLL] = {"toll", BY_DATE, "killed DESC, date DESC, id DESC", NULL, NULL},
    [LIST_BY_PLACE] = {"place", "", "places IS NULL, places COLLATE NOCASE, date DESC, id DESC",
                       "articles_by_place",
                       "CREATE INDEX IF NOT EXISTS articles_by_place ON articles("
                       "places IS NULL, places COLLATE NOCASE, date DESC, id DESC)"},
    [LIST_BY_SOURCE] = {"source", BY_DATE,
                        "source IS NULL, source COLLATE NOCASE, date DESC, id DESC", NULL, NULL},
    [LIST_BY_ADDED] = {"added", "", "imported_at DESC, id DESC", "articles_by_added",
                       "CREATE INDEX IF NOT EXISTS articles_by_added"
                       " ON articles(imported_at DESC, id DESC)"},
};

bool store_list_order_ready(struct store *s, enum store_list_order o)
{
    if (o >= N_LIST_ORDERS || !orders[o].index_name)
        return true;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, orders[o].index_name, -1, SQLITE_STATIC);
    bool ready = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return ready;
}

/* SQLite's progress callback on the indexing connection: nonzero stops the statement. */
static int stop_asked(void *stop)
{
    return atomic_load((const atomic_bool *)stop);
}

int store_list_make_order_index(struct store *s, enum store_list_order o, const atomic_bool *stop,
                                char *err, size_t errlen)
{
    if (o >= N_LIST_ORDERS || !orders[o].index)
        return 0;
    const char *path = sqlite3_db_filename(s->db, "main");
    struct store *w = NULL;
    char why[256] = "";
    if (!path || !*path || store_open(path, &w, why, sizeof why) != 0) {
        snprintf(err, errlen, "%s", why[0] ? why : "cannot open the collection to write");
        return -1;
    }
    if (stop)
        sqlite3_progress_handler(w->db, 10000, stop_asked, (void *)stop);
    int rc = store_exec(w->db, orders[o].index, err, errlen);
    store_close(w);
    return rc;
}

const char *store_list_order_name(enum store_list_order o)
{
    return o < N_LIST_ORDERS ? orders[o].name : "?";
}

int store_list_order_from_name(const char *name)
{
    for (int o = 0; o < N_LIST_ORDERS; o++)
        if (strcmp(name, orders[o].name) == 0)
            return o;
    return -1;
}

void store_list_set_order(struct store *s, enum store_list_order o)
{
    s->list_order = o < N_LIST_ORDERS ? (int)o : LIST_BY_DATE;
}

enum store_list_order store_list_order(const struct store *s)
{
    return (enum store_list_order)s->list_order;
}

bool store_list_filters(const struct store *s, const struct query *q)
{
    return q->where_len > 0 || s->list_order != LIST_BY_DATE;
}

/* The offset is walked in the index alone; only the page's rows are read from the table. */
static const char page_all_sql[] =
    "SELECT a.id, a.date, a.source, a.places, a.killed, a.wounded, a.title, a.is_read,"
    " a.killed_word, a.wounded_word"
    " FROM (SELECT id FROM articles " BY_DATE " ORDER BY date DESC, id DESC LIMIT ?1 OFFSET ?2)"
    " p JOIN articles a ON a.id = p.id ORDER BY a.date DESC, a.id DESC";

static const char row_by_id_sql[] =
    "SELECT id, date, source, places, killed, wounded, title, is_read, killed_word, wounded_word"
    " FROM articles WHERE id = ?1";

static const char each_sql[] =
    "SELECT id, date, title, source, origin, places, killed, wounded, destroyed, is_read,"
    " killed_word, wounded_word, destroyed_word, killed_max, wounded_max, destroyed_max"
    " FROM articles WHERE %s ORDER BY id";

/* The articles' count, kept by triggers (schema version 12): one row, not an index walk. */
static int count_all(sqlite3 *db, int64_t *count)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT n FROM article_count", -1, &st, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        *count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return 0;
}

int store_list_count_all(struct store *s, int64_t *count, char *err, size_t errlen)
{
    *count = 0;
    if (count_all(s->db, count) == 0)
        return 0;
    snprintf(err, errlen, "list: %s", sqlite3_errmsg(s->db));
    return -1;
}

/* SQLite's progress callback, every 1,000 steps of its machine: nonzero stops the
 * statement once the steps allowed are spent. */
static int steps_spent(void *thousands_left)
{
    return --*(long *)thousands_left < 0;
}

/* The list's ids: by_row walks the order's index testing each article (stopping at
 * first), else the filter's sets are built first. steps > 0 gives up (returning -2) after
 * that many thousand steps of SQLite's machine. */
static long list_ids(sqlite3 *db, const struct query *q, int order, bool by_row, long first,
                     long steps, int64_t **ids)
{
    char fmt[400], limit[40] = "";
    if (first > 0)
        snprintf(limit, sizeof limit, " LIMIT %ld", first);
    /* the set form with a limit is the small-set case: by id, then sorted */
    const char *indexed = by_row || first <= 0 ? orders[order].indexed : "";
    snprintf(fmt, sizeof fmt, "SELECT id FROM articles %s WHERE %%s ORDER BY %s%s", indexed,
             orders[order].order, limit);
    sqlite3_stmt *st = by_row ? query_prepare_by_row(db, q, fmt) : query_prepare(db, q, fmt);
    if (!st)
        return -1;
    long left = steps;
    if (steps > 0)
        sqlite3_progress_handler(db, 1000, steps_spent, &left);
    int rc;
    long n = query_collect_ids(st, ids, &rc);
    if (steps > 0)
        sqlite3_progress_handler(db, 0, NULL, NULL);
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        return n;
    free(*ids);
    *ids = NULL;
    return rc == SQLITE_INTERRUPT && steps > 0 ? -2 : -1;
}

/* A first screenful: the set form when the filter's sets are small (a rare place: a few
 * ids, sorted, at once), else a walk of the list in order that stops after first (a
 * common place: 20 ms for the first 1,000 of 270,000 reports among 900,000, where
 * building the set alone takes 60 ms and sorting it a second). Which is which is found by
 * letting the set form run for a bounded number of steps: about 10,000 ids' worth. */
#define SMALL_SET_STEPS 300

long store_list_ids(struct store *s, const struct query *q, enum store_list_order order, long first,
                    int64_t **ids, char *err, size_t errlen)
{
    *ids = NULL;
    int o = order < N_LIST_ORDERS ? (int)order : LIST_BY_DATE;
    /* a read-only connection cannot make the index: the order then costs a scan */
    if (orders[o].index)
        sqlite3_exec(s->db, orders[o].index, NULL, NULL, NULL);
    /* with no set of ids to build, the set form is a scan of the table's rows */
    long n = first > 0 && q->n_sets == 0 ? -2
             : first > 0                 ? list_ids(s->db, q, o, false, first, SMALL_SET_STEPS, ids)
                                         : list_ids(s->db, q, o, false, 0, 0, ids);
    if (n == -2)
        n = list_ids(s->db, q, o, true, first, 0, ids);
    if (n < 0)
        snprintf(err, errlen, "list: %s", sqlite3_errmsg(s->db));
    return n;
}

static void read_page_row(sqlite3_stmt *st, struct store_list_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    r->date = store_dup_column(st, 1);
    r->source = store_dup_column(st, 2);
    r->places = store_dup_column(st, 3);
    r->killed = store_column_long(st, 4);
    r->wounded = store_column_long(st, 5);
    r->destroyed = FACT_NONE;
    r->title = store_dup_column(st, 6);
    r->is_read = sqlite3_column_int(st, 7) != 0;
    r->killed_word = store_dup_column(st, 8);
    r->wounded_word = store_dup_column(st, 9);
    r->killed_max = r->wounded_max = r->destroyed_max = FACT_NONE;
}

int store_list_page(struct store *s, int top, int rows, struct store_list_row *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, page_all_sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int(st, 1, rows);
    sqlite3_bind_int(st, 2, top);
    int n = 0;
    while (n < rows && sqlite3_step(st) == SQLITE_ROW)
        read_page_row(st, &out[n++]);
    sqlite3_finalize(st);
    return n;
}

int store_list_rows(struct store *s, const int64_t *ids, int n, struct store_list_row *out)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(s->db, row_by_id_sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int got = 0;
    for (int i = 0; i < n; i++) {
        sqlite3_bind_int64(st, 1, ids[i]);
        if (sqlite3_step(st) == SQLITE_ROW)
            read_page_row(st, &out[got++]);
        sqlite3_reset(st);
    }
    sqlite3_finalize(st);
    return got;
}

static void row_free(struct store_list_row *r)
{
    free(r->date);
    free(r->title);
    free(r->source);
    free(r->origin);
    free(r->places);
    free(r->killed_word);
    free(r->wounded_word);
    free(r->destroyed_word);
}

void store_list_rows_free(struct store_list_row *rows, int n)
{
    for (int i = 0; i < n; i++)
        row_free(&rows[i]);
}

/* One count(*) with ?1 bound to text and ?2, where the statement has it, to id; false when
 * it cannot be read. */
static bool count_bound(sqlite3 *db, const char *sql, const char *text, int64_t id, int64_t *n)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
    if (sqlite3_bind_parameter_count(st) >= 2)
        sqlite3_bind_int64(st, 2, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok)
        *n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return ok;
}

/* The position of article id in the unfiltered list: the rows before it in list order
 * (newest first, undated last), counted in the list index. Those with a later date are a
 * range of it, and those of the same date with a higher id another: what comes after the
 * article is never read, so the first rows' positions cost nothing at any size. */
static bool position_in_all(sqlite3 *db, int64_t id, int *pos)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT coalesce(date, '') FROM articles WHERE id = ?1", -1, &st,
                           NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    char *date = ok ? store_dup_column(st, 0) : NULL;
    sqlite3_finalize(st);
    ok = ok && date;
    int64_t later = 0, same_day = 0;
    ok = ok &&
         count_bound(db, "SELECT count(*) FROM articles " BY_DATE " WHERE date > ?1", date, id,
                     &later) &&
         count_bound(db,
                     date[0] ? "SELECT count(*) FROM articles " BY_DATE
                               " WHERE date = ?1 AND id > ?2"
                             : "SELECT count(*) FROM articles WHERE coalesce(date, '') = ?1"
                               " AND id > ?2",
                     date, id, &same_day);
    if (ok)
        *pos = (int)(later + same_day);
    free(date);
    return ok;
}

static bool article_exists(sqlite3 *db, int64_t id)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM articles WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(st, 1, id);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_finalize(st);
    return found;
}

bool store_list_position(struct store *s, int64_t id, int *pos)
{
    return article_exists(s->db, id) && position_in_all(s->db, id, pos);
}

int64_t store_list_max_id(struct store *s)
{
    int64_t v = store_query_int(s->db, "SELECT coalesce(max(id), 0) FROM articles");
    return v > 0 ? v : 0;
}

static void read_each_row(sqlite3_stmt *q, struct store_list_row *r)
{
    r->id = sqlite3_column_int64(q, 0);
    r->date = store_dup_column(q, 1);
    r->title = store_dup_column(q, 2);
    r->source = store_dup_column(q, 3);
    r->origin = store_dup_column(q, 4);
    r->places = store_dup_column(q, 5);
    r->killed = store_column_long(q, 6);
    r->wounded = store_column_long(q, 7);
    r->destroyed = store_column_long(q, 8);
    r->is_read = sqlite3_column_int(q, 9) != 0;
    r->killed_word = store_dup_column(q, 10);
    r->wounded_word = store_dup_column(q, 11);
    r->destroyed_word = store_dup_column(q, 12);
    r->killed_max = store_column_long(q, 13);
    r->wounded_max = store_column_long(q, 14);
    r->destroyed_max = store_column_long(q, 15);
}

int store_list_each(struct store *s, const struct query *filter,
                    int (*each)(const struct store_list_row *row, void *arg), void *arg, char *err,
                    size_t errlen)
{
    struct query all;
    query_init(&all);
    sqlite3_stmt *q = query_prepare(s->db, filter ? filter : &all, each_sql);
    if (!q) {
        snprintf(err, errlen, "list: %s", sqlite3_errmsg(s->db));
        return -1;
    }
    int stop = 0;
    while (!stop && sqlite3_step(q) == SQLITE_ROW) {
        struct store_list_row r = {0};
        read_each_row(q, &r);
        stop = each(&r, arg);
        row_free(&r);
    }
    sqlite3_finalize(q);
    return 0;
}
