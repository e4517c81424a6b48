/* event_state.c: the SQL of incremental grouping (see event_state.h). */
#include "store/event_state.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store/query.h"

/* Each statement once, prepared on first use and reset after each. */
#define EVENT_STATE_STATEMENTS(X)                                                                  \
    X(ES_UNASSIGNED_TAIL, "SELECT id FROM articles WHERE id >"                                     \
                          " (SELECT coalesce(max(article_id), 0) FROM event_articles)"             \
                          " ORDER BY id LIMIT ?1")                                                 \
    X(ES_ALL_ASSIGNED, "SELECT (SELECT n FROM article_count) ="                                    \
                       " (SELECT count(DISTINCT article_id) FROM event_articles)")                 \
    X(ES_UNASSIGNED_ANY, "SELECT id FROM articles a WHERE NOT EXISTS"                              \
                         " (SELECT 1 FROM event_articles ea WHERE ea.article_id = a.id)"           \
                         " ORDER BY id LIMIT ?1")                                                  \
    X(ES_PUT_FEATURES, "INSERT OR REPLACE INTO event_features(article_id, data) VALUES(?1, ?2)")   \
    X(ES_GET_FEATURES, "SELECT data FROM event_features WHERE article_id = ?1")                    \
    X(ES_DF, "SELECT n FROM event_df WHERE term = ?1")                                             \
    X(ES_ADD_DF, "INSERT INTO event_df(term, n) VALUES(?1, ?2)"                                    \
                 " ON CONFLICT(term) DO UPDATE SET n = n + excluded.n")                            \
    X(ES_ADD_BLOCK,                                                                                \
      "INSERT OR IGNORE INTO event_blocks(place_id, day, article_id) VALUES(?1, ?2, ?3)")          \
    X(ES_BEFORE, "SELECT article_id FROM event_blocks WHERE place_id = ?1 AND day <= ?2"           \
                 " ORDER BY day DESC, article_id DESC LIMIT ?3")                                   \
    X(ES_AFTER, "SELECT article_id FROM event_blocks WHERE place_id = ?1 AND day > ?2"             \
                " ORDER BY day, article_id LIMIT ?3")                                              \
    X(ES_EVENT_OF, "SELECT event_id FROM event_articles WHERE article_id = ?1")                    \
    X(ES_NEW_EVENT, "INSERT INTO events(label, score, reasons) VALUES('', 0, 'single report')")    \
    X(ES_ADD_MEMBER, "INSERT OR REPLACE INTO event_articles(event_id, article_id, score, reasons)" \
                     " VALUES(?1, ?2, ?3, ?4)")                                                    \
    X(ES_MEMBER, "SELECT score, reasons IS NOT NULL FROM event_articles WHERE article_id = ?1")    \
    X(ES_SET_MEMBER, "UPDATE event_articles SET score = ?2, reasons = ?3 WHERE article_id = ?1")   \
    X(ES_MEMBERS, "SELECT article_id FROM event_articles WHERE event_id = ?1 ORDER BY article_id") \
    X(ES_MOVE, "UPDATE event_articles SET event_id = ?2 WHERE event_id = ?1")                      \
    X(ES_DELETE_EVENT, "DELETE FROM events WHERE id = ?1")                                         \
    X(ES_LINKS, "SELECT l.n_links, l.link_sum, l.best_link, e.score,"                              \
                " (SELECT count(*) FROM event_articles ea WHERE ea.event_id = e.id)"               \
                " FROM events e LEFT JOIN event_links l ON l.event_id = e.id WHERE e.id = ?1")     \
    X(ES_SET_LINKS, "INSERT OR REPLACE INTO event_links(event_id, n_links, link_sum, best_link)"   \
                    " VALUES(?1, ?2, ?3, ?4)")                                                     \
    X(ES_DATES, "SELECT coalesce(first_date, ''), coalesce(last_date, '') FROM events"             \
                " WHERE id = ?1")                                                                  \
    X(ES_SET_DATES, "UPDATE events SET first_date = ?2, last_date = ?3 WHERE id = ?1")             \
    X(ES_SET_REASONS, "UPDATE events SET reasons = ?2 WHERE id = ?1")                              \
    X(ES_DESCRIBE, "UPDATE events SET label = ?2, place = ?3, score = ?4 WHERE id = ?1")           \
    X(ES_MARK_STALE, "INSERT OR IGNORE INTO events_stale(event_id) VALUES(?1)")                    \
    X(ES_STALE, "SELECT event_id FROM events_stale ORDER BY event_id LIMIT ?1")                    \
    X(ES_UNMARK_STALE, "DELETE FROM events_stale WHERE event_id = ?1")                             \
    X(ES_PUT_SUMS, "INSERT OR REPLACE INTO event_sums(event_id, data) VALUES(?1, ?2)")             \
    X(ES_GET_SUMS, "SELECT data FROM event_sums WHERE event_id = ?1")                              \
    X(ES_DROP_SUMS, "DELETE FROM event_sums WHERE event_id = ?1")

#define AS_ENUM(name, sql) name,
#define AS_SQL(name, sql)  sql,
enum es_statement { EVENT_STATE_STATEMENTS(AS_ENUM) ES_COUNT };
static const char *const es_sql[ES_COUNT] = {EVENT_STATE_STATEMENTS(AS_SQL)};

struct event_state {
    sqlite3 *db;
    sqlite3_stmt *st[ES_COUNT];
};

struct event_state *event_state_open(sqlite3 *db)
{
    struct event_state *s = calloc(1, sizeof *s);
    if (s)
        s->db = db;
    return s;
}

void event_state_close(struct event_state *s)
{
    if (!s)
        return;
    for (int i = 0; i < ES_COUNT; i++)
        sqlite3_finalize(s->st[i]);
    free(s);
}

/* The statement, prepared and reset, or NULL. */
static sqlite3_stmt *stmt(struct event_state *s, enum es_statement which)
{
    if (!s->st[which] &&
        sqlite3_prepare_v2(s->db, es_sql[which], -1, &s->st[which], NULL) != SQLITE_OK)
        return NULL;
    sqlite3_reset(s->st[which]);
    sqlite3_clear_bindings(s->st[which]);
    return s->st[which];
}

/* Runs a statement that returns no rows. */
static int run(sqlite3_stmt *st)
{
    if (!st)
        return -1;
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(st);
    return rc;
}

/* The ids a statement gives in its first column, appended to out (room for max). */
static long collect_ids(sqlite3_stmt *st, int64_t *out, size_t max)
{
    if (!st)
        return -1;
    size_t n = 0;
    int step;
    while (n < max && (step = sqlite3_step(st)) == SQLITE_ROW)
        out[n++] = sqlite3_column_int64(st, 0);
    if (n < max && step != SQLITE_DONE)
        n = (size_t)-1;
    sqlite3_reset(st);
    return n == (size_t)-1 ? -1 : (long)n;
}

static bool all_assigned(struct event_state *s)
{
    sqlite3_stmt *st = stmt(s, ES_ALL_ASSIGNED);
    bool all = st && sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 1;
    if (st)
        sqlite3_reset(st);
    return all;
}

int event_state_unassigned(struct event_state *s, size_t max, int64_t **ids, size_t *n)
{
    *n = 0;
    *ids = malloc((max + 1) * sizeof **ids);
    if (!*ids)
        return -1;
    for (int pass = 0; pass < 2 && *n == 0; pass++) {
        /* Reports in no event below the last one grouped (an article put back from the
         * trash) are rare, and looking for them tests every article (3 s at 900,000, at
         * each batch of an import); every event row's article exists (foreign keys), so
         * equal counts say there are none, for the cost of counting two indexes. */
        if (pass == 1 && all_assigned(s))
            break;
        sqlite3_stmt *st = stmt(s, pass == 0 ? ES_UNASSIGNED_TAIL : ES_UNASSIGNED_ANY);
        if (st)
            sqlite3_bind_int64(st, 1, (int64_t)max);
        long got = collect_ids(st, *ids, max);
        if (got < 0)
            return -1;
        *n = (size_t)got;
    }
    return 0;
}

/* ---- features, document frequencies, blocks ---- */

int event_state_put_features(struct event_state *s, int64_t article, const void *data, size_t len)
{
    sqlite3_stmt *st = stmt(s, ES_PUT_FEATURES);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_blob(st, 2, data, (int)len, SQLITE_STATIC);
    return run(st);
}

/* The blob the statement's one row holds for key, copied: 1, 0 with no row, -1. */
static int get_blob(sqlite3_stmt *st, int64_t key, void **data, size_t *len);

int event_state_get_features(struct event_state *s, int64_t article, void **data, size_t *len)
{
    return get_blob(stmt(s, ES_GET_FEATURES), article, data, len);
}

int event_state_put_sums(struct event_state *s, int64_t event, const void *data, size_t len)
{
    sqlite3_stmt *st = stmt(s, ES_PUT_SUMS);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_blob(st, 2, data, (int)len, SQLITE_STATIC);
    return run(st);
}

int event_state_get_sums(struct event_state *s, int64_t event, void **data, size_t *len)
{
    return get_blob(stmt(s, ES_GET_SUMS), event, data, len);
}

int event_state_drop_sums(struct event_state *s, int64_t event)
{
    sqlite3_stmt *st = stmt(s, ES_DROP_SUMS);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    return run(st);
}

static int get_blob(sqlite3_stmt *st, int64_t key, void **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, key);
    int step = sqlite3_step(st), rc = step == SQLITE_DONE ? 0 : -1;
    if (step == SQLITE_ROW) {
        int n = sqlite3_column_bytes(st, 0);
        *data = malloc((size_t)n + 1);
        if (*data) {
            if (n > 0) /* an empty or NULL blob has no bytes to copy, and no pointer */
                memcpy(*data, sqlite3_column_blob(st, 0), (size_t)n);
            *len = (size_t)n;
            rc = 1;
        }
    }
    sqlite3_reset(st);
    return rc;
}

int64_t event_state_df(struct event_state *s, uint32_t term)
{
    sqlite3_stmt *st = stmt(s, ES_DF);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, term);
    int step = sqlite3_step(st);
    int64_t n = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : step == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(st);
    return n;
}

int event_state_add_df(struct event_state *s, uint32_t term, int64_t delta)
{
    sqlite3_stmt *st = stmt(s, ES_ADD_DF);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, term);
    sqlite3_bind_int64(st, 2, delta);
    return run(st);
}

int event_state_add_block(struct event_state *s, int64_t place, int32_t day, int64_t article)
{
    sqlite3_stmt *st = stmt(s, ES_ADD_BLOCK);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, place);
    sqlite3_bind_int(st, 2, day);
    sqlite3_bind_int64(st, 3, article);
    return run(st);
}

int event_state_neighbours(struct event_state *s, int64_t place, int32_t day, int window,
                           int64_t *out)
{
    long total = 0;
    for (int side = 0; side < 2; side++) {
        sqlite3_stmt *st = stmt(s, side == 0 ? ES_BEFORE : ES_AFTER);
        if (!st)
            return -1;
        sqlite3_bind_int64(st, 1, place);
        sqlite3_bind_int(st, 2, day);
        sqlite3_bind_int(st, 3, window);
        long got = collect_ids(st, out + total, (size_t)window);
        if (got < 0)
            return -1;
        total += got;
    }
    return (int)total;
}

/* ---- events ---- */

int64_t event_state_event_of(struct event_state *s, int64_t article)
{
    sqlite3_stmt *st = stmt(s, ES_EVENT_OF);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, article);
    int step = sqlite3_step(st);
    int64_t id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : step == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(st);
    return id;
}

int64_t event_state_new_event(struct event_state *s)
{
    if (run(stmt(s, ES_NEW_EVENT)) < 0)
        return -1;
    return sqlite3_last_insert_rowid(s->db);
}

int event_state_add_member(struct event_state *s, int64_t event, int64_t article, double score,
                           const char *reasons)
{
    sqlite3_stmt *st = stmt(s, ES_ADD_MEMBER);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, article);
    sqlite3_bind_double(st, 3, score);
    sqlite3_bind_text(st, 4, reasons, -1, SQLITE_STATIC);
    return run(st);
}

int event_state_member(struct event_state *s, int64_t article, double *score, bool *has_reasons)
{
    sqlite3_stmt *st = stmt(s, ES_MEMBER);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, article);
    int step = sqlite3_step(st), rc = step == SQLITE_DONE ? 0 : -1;
    if (step == SQLITE_ROW) {
        *score = sqlite3_column_double(st, 0);
        *has_reasons = sqlite3_column_int(st, 1) != 0;
        rc = 1;
    }
    sqlite3_reset(st);
    return rc;
}

int event_state_set_member(struct event_state *s, int64_t article, double score,
                           const char *reasons)
{
    sqlite3_stmt *st = stmt(s, ES_SET_MEMBER);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, article);
    sqlite3_bind_double(st, 2, score);
    sqlite3_bind_text(st, 3, reasons, -1, SQLITE_STATIC);
    return run(st);
}

long event_state_members(struct event_state *s, int64_t event, int64_t **ids)
{
    sqlite3_stmt *st = stmt(s, ES_MEMBERS);
    *ids = NULL;
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    int rc;
    long n = query_collect_ids(st, ids, &rc);
    sqlite3_reset(st);
    return rc == SQLITE_DONE ? n : -1;
}

int event_state_merge(struct event_state *s, int64_t from, int64_t to)
{
    sqlite3_stmt *st = stmt(s, ES_MOVE);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, from);
    sqlite3_bind_int64(st, 2, to);
    if (run(st) < 0 || !(st = stmt(s, ES_DELETE_EVENT)))
        return -1;
    sqlite3_bind_int64(st, 1, from);
    return run(st);
}

int event_state_links(struct event_state *s, int64_t event, struct event_link_stats *out)
{
    sqlite3_stmt *st = stmt(s, ES_LINKS);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
        *out = (struct event_link_stats){sqlite3_column_int(st, 0), sqlite3_column_double(st, 1),
                                         sqlite3_column_double(st, 2)};
    } else if (step == SQLITE_ROW) {
        double score = sqlite3_column_double(st, 3);
        long members = sqlite3_column_int(st, 4);
        long links = members > 1 ? members - 1 : 0;
        *out = (struct event_link_stats){links, score * (double)links, links ? score : 0};
    }
    sqlite3_reset(st);
    return step == SQLITE_ROW ? 0 : -1;
}

int event_state_set_links(struct event_state *s, int64_t event, const struct event_link_stats *l)
{
    sqlite3_stmt *st = stmt(s, ES_SET_LINKS);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    sqlite3_bind_int64(st, 2, l->n_links);
    sqlite3_bind_double(st, 3, l->link_sum);
    sqlite3_bind_double(st, 4, l->best_link);
    return run(st);
}

int event_state_dates(struct event_state *s, int64_t event, char first[16], char last[16])
{
    sqlite3_stmt *st = stmt(s, ES_DATES);
    first[0] = last[0] = 0;
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *a = (const char *)sqlite3_column_text(st, 0);
        const char *b = (const char *)sqlite3_column_text(st, 1);
        strncat(first, a ? a : "", 15);
        strncat(last, b ? b : "", 15);
    }
    sqlite3_reset(st);
    return step == SQLITE_ROW ? 0 : -1;
}

static int bind_text_or_null(sqlite3_stmt *st, int col, const char *s)
{
    return s && *s ? sqlite3_bind_text(st, col, s, -1, SQLITE_STATIC) : sqlite3_bind_null(st, col);
}

int event_state_set_dates(struct event_state *s, int64_t event, const char *first, const char *last)
{
    sqlite3_stmt *st = stmt(s, ES_SET_DATES);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    bind_text_or_null(st, 2, first);
    bind_text_or_null(st, 3, last);
    return run(st);
}

int event_state_set_reasons(struct event_state *s, int64_t event, const char *reasons)
{
    sqlite3_stmt *st = stmt(s, ES_SET_REASONS);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    bind_text_or_null(st, 2, reasons);
    return run(st);
}

int event_state_describe(struct event_state *s, int64_t event, const char *label, const char *place,
                         double score)
{
    sqlite3_stmt *st = stmt(s, ES_DESCRIBE);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    bind_text_or_null(st, 2, label);
    bind_text_or_null(st, 3, place);
    sqlite3_bind_double(st, 4, score);
    return run(st);
}

/* ---- events still to be described ---- */

int event_state_mark_stale(struct event_state *s, int64_t event)
{
    sqlite3_stmt *st = stmt(s, ES_MARK_STALE);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    return run(st);
}

long event_state_stale(struct event_state *s, size_t max, int64_t *out)
{
    sqlite3_stmt *st = stmt(s, ES_STALE);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, (int64_t)max);
    return collect_ids(st, out, max);
}

int event_state_unmark_stale(struct event_state *s, int64_t event)
{
    sqlite3_stmt *st = stmt(s, ES_UNMARK_STALE);
    if (!st)
        return -1;
    sqlite3_bind_int64(st, 1, event);
    return run(st);
}
