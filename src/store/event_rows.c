/* event_rows.c: the SQL of event grouping (see event_rows.h). */
#include "store/event_rows.h"

#include <stdlib.h>

#include "base/facts.h"
#include "store/query.h"
#include "store/store.h"

static const char *col_str(sqlite3_stmt *st, int col)
{
    return (const char *)sqlite3_column_text(st, col);
}

static long col_long(sqlite3_stmt *st, int col)
{
    return sqlite3_column_type(st, col) == SQLITE_NULL ? FACT_NONE
                                                       : (long)sqlite3_column_int64(st, col);
}

/* The caller's callback (the one its kind of row needs) and its context. */
struct sink {
    event_article_fn article;
    event_place_fn place;
    event_actor_fn actor;
    event_figure_fn figure;
    void *ctx;
};

/* Steps st to its end, handing each row to read_row (which calls the sink); finalizes st.
 * A callback's positive answer ends the walk as a success. */
static int walk(sqlite3_stmt *st, int (*read_row)(sqlite3_stmt *, const struct sink *),
                const struct sink *to)
{
    int step, rc = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW && (rc = read_row(st, to)) == 0)
        ;
    sqlite3_finalize(st);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    return step == SQLITE_DONE ? 0 : -1;
}

/* Prepares sql with an optional id bound to its one parameter. */
static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, const int64_t *id)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
    if (id)
        sqlite3_bind_int64(st, 1, *id);
    return st;
}

/* ---- articles ---- */

/* Whether the article's own killed figure is a vague word ("scores", "dozens"), which
 * allows any larger toll: one index lookup per article. INDEXED BY, because the planner
 * otherwise takes figures_kind (kind, n) and visits every killed figure stating the same
 * number: on 100,000 generated articles, thousands per article, and `sitrep events` ran
 * for more than 5 minutes of CPU instead of seconds. */
#define KILLED_OPEN                                                                                \
    "EXISTS(SELECT 1 FROM figures f INDEXED BY figures_timeline WHERE f.article_id = a.id"         \
    " AND f.kind = 'killed' AND f.n = a.killed AND f.qualifier = 'vague')"

/* Columns: id, title, date, source, text, dateline, killed, killed_open. */
static int read_article(sqlite3_stmt *st, const struct sink *to)
{
    struct event_article_row r = {
        .id = sqlite3_column_int64(st, 0),
        .title = col_str(st, 1),
        .date = col_str(st, 2),
        .source = col_str(st, 3),
        .text = col_str(st, 4),
        .dateline = col_str(st, 5),
        .killed =
            sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, 6),
        .killed_open = sqlite3_column_int(st, 7) != 0,
        .place = sqlite3_column_count(st) > 8 ? col_str(st, 8) : NULL,
    };
    return to->article(to->ctx, &r);
}

static int walk_articles(sqlite3 *db, const char *sql, const int64_t *id, event_article_fn fn,
                         void *ctx)
{
    sqlite3_stmt *st = prepare(db, sql, id);
    return st ? walk(st, read_article, &(struct sink){.article = fn, .ctx = ctx}) : -1;
}

int event_rows_articles(sqlite3 *db, bool with_text, event_article_fn fn, void *ctx)
{
    return walk_articles(
        db,
        with_text ? "SELECT id, title, date, source, text, dateline, killed, " KILLED_OPEN
                    ", places FROM articles a ORDER BY id"
                  : "SELECT id, title, date, source, NULL, dateline, killed, " KILLED_OPEN
                    ", places FROM articles a ORDER BY id",
        NULL, fn, ctx);
}

int event_rows_event_articles(sqlite3 *db, int64_t event_id, event_article_fn fn, void *ctx)
{
    return walk_articles(
        db,
        "SELECT a.id, a.title, a.date, a.source, NULL, a.dateline, a.killed, " KILLED_OPEN
        " FROM event_articles ea JOIN articles a ON a.id = ea.article_id"
        " WHERE ea.event_id = ? ORDER BY a.id",
        &event_id, fn, ctx);
}

int event_rows_texts(sqlite3 *db, event_article_fn fn, void *ctx)
{
    return walk_articles(
        db, "SELECT id, NULL, NULL, NULL, text, NULL, NULL, 0 FROM articles ORDER BY id", NULL, fn,
        ctx);
}

/* ---- places and actors ---- */

static int read_place(sqlite3_stmt *st, const struct sink *to)
{
    struct event_place_row r = {
        .article_id = sqlite3_column_int64(st, 0),
        .place_id = sqlite3_column_int64(st, 1),
        .name = col_str(st, 2),
        .kind = col_str(st, 3),
        .count = sqlite3_column_int(st, 4),
        .first_sentence =
            sqlite3_column_type(st, 5) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 5),
        .surface = col_str(st, 6),
    };
    return to->place(to->ctx, &r);
}

int event_rows_places(sqlite3 *db, event_place_fn fn, void *ctx)
{
    sqlite3_stmt *st = prepare(db,
                               "SELECT ap.article_id, p.id, p.name, p.kind, ap.count,"
                               " ap.first_sentence, ap.surface"
                               " FROM article_places ap JOIN places p ON p.id = ap.place_id"
                               " ORDER BY ap.article_id",
                               NULL);
    return st ? walk(st, read_place, &(struct sink){.place = fn, .ctx = ctx}) : -1;
}

static int read_actor(sqlite3_stmt *st, const struct sink *to)
{
    return to->actor(to->ctx, sqlite3_column_int64(st, 0), col_str(st, 1));
}

int event_rows_actors(sqlite3 *db, event_actor_fn fn, void *ctx)
{
    sqlite3_stmt *st = prepare(db,
                               "SELECT aa.article_id, a.name FROM article_actors aa"
                               " JOIN actors a ON a.id = aa.actor_id",
                               NULL);
    return st ? walk(st, read_actor, &(struct sink){.actor = fn, .ctx = ctx}) : -1;
}

int event_rows_ancestors(sqlite3 *db, struct event_ancestor_row **out, size_t *n_out)
{
    *out = NULL;
    *n_out = 0;
    sqlite3_stmt *st =
        prepare(db,
                "SELECT pa.place_id, pa.ancestor_id FROM place_ancestors pa"
                " JOIN places p ON p.id = pa.ancestor_id"
                " WHERE pa.place_id != pa.ancestor_id AND coalesce(p.kind,'') != 'country'"
                " ORDER BY pa.place_id",
                NULL);
    if (!st)
        return -1;
    struct event_ancestor_row *a = NULL;
    size_t n = 0, cap = 0;
    int step, rc = 0;
    while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            struct event_ancestor_row *p = realloc(a, cap * sizeof *a);
            if (!p) {
                rc = -1;
                break;
            }
            a = p;
        }
        a[n++] =
            (struct event_ancestor_row){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
    }
    if (rc == 0 && step != SQLITE_DONE)
        rc = -1;
    sqlite3_finalize(st);
    *out = a;
    *n_out = n;
    return rc;
}

/* ---- figures ---- */

/* Columns: article_id, kind, n, min, max, qualifier, source, place, text, sentence, date,
 * role, incident. */
static int read_figure(sqlite3_stmt *st, const struct sink *to)
{
    struct event_figure_row r = {
        .article_id = sqlite3_column_int64(st, 0),
        .kind = col_str(st, 1),
        .n = col_long(st, 2),
        .min = col_long(st, 3),
        .max = col_long(st, 4),
        .qualifier = col_str(st, 5),
        .source = col_str(st, 6),
        .place = col_str(st, 7),
        .text = col_str(st, 8),
        .sentence = sqlite3_column_int(st, 9),
        .date = col_str(st, 10),
        .role = col_str(st, 11),
        .incident = sqlite3_column_int(st, 12),
    };
    return to->figure(to->ctx, &r);
}

int event_rows_figures(sqlite3 *db, bool detail, event_figure_fn fn, void *ctx)
{
    sqlite3_stmt *st = prepare(db,
                               detail ? "SELECT article_id, kind, n, min, max, qualifier, source,"
                                        " place, text, sentence, date, role, incident FROM figures"
                                        " ORDER BY article_id, id"
                                      : "SELECT article_id, kind, NULL, NULL, NULL, NULL, NULL,"
                                        " NULL, NULL, NULL, date, NULL, 0 FROM figures"
                                        " ORDER BY article_id, id",
                               NULL);
    return st ? walk(st, read_figure, &(struct sink){.figure = fn, .ctx = ctx}) : -1;
}

int event_rows_event_figures(sqlite3 *db, int64_t event_id, event_figure_fn fn, void *ctx)
{
    sqlite3_stmt *st =
        prepare(db,
                "SELECT article_id, kind, n, min, max, qualifier, source, place,"
                " text, sentence, date, role, incident FROM figures WHERE article_id IN"
                " (SELECT article_id FROM event_articles WHERE event_id = ?)"
                " ORDER BY article_id, id",
                &event_id);
    return st ? walk(st, read_figure, &(struct sink){.figure = fn, .ctx = ctx}) : -1;
}

int event_rows_event_figures_of_kind(sqlite3 *db, int64_t event_id, const char *kind,
                                     event_figure_fn fn, void *ctx)
{
    sqlite3_stmt *st =
        prepare(db,
                "SELECT f.article_id, f.kind, f.n, f.min, f.max, f.qualifier, f.source, f.place,"
                " f.text, f.sentence, f.date, f.role, f.incident FROM event_articles ea"
                " JOIN figures f INDEXED BY figures_timeline ON f.article_id = ea.article_id"
                " WHERE ea.event_id = ?1 AND f.kind = ?2 ORDER BY ea.article_id, f.id",
                &event_id);
    if (!st)
        return -1;
    sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
    return walk(st, read_figure, &(struct sink){.figure = fn, .ctx = ctx});
}

/* ---- one range of articles ---- */

static sqlite3_stmt *prepare_range(sqlite3 *db, const char *sql, int64_t lo, int64_t hi)
{
    sqlite3_stmt *st = prepare(db, sql, NULL);
    if (st) {
        sqlite3_bind_int64(st, 1, lo);
        sqlite3_bind_int64(st, 2, hi);
    }
    return st;
}

int event_rows_articles_range(sqlite3 *db, int64_t lo, int64_t hi, event_article_fn fn, void *ctx)
{
    sqlite3_stmt *st =
        prepare_range(db,
                      "SELECT id, title, date, source, text, dateline, killed, " KILLED_OPEN
                      ", places FROM articles a WHERE id BETWEEN ?1 AND ?2"
                      " ORDER BY id",
                      lo, hi);
    return st ? walk(st, read_article, &(struct sink){.article = fn, .ctx = ctx}) : -1;
}

int event_rows_places_range(sqlite3 *db, int64_t lo, int64_t hi, event_place_fn fn, void *ctx)
{
    sqlite3_stmt *st = prepare_range(db,
                                     "SELECT ap.article_id, p.id, p.name, p.kind, ap.count,"
                                     " ap.first_sentence, ap.surface FROM article_places ap"
                                     " JOIN places p ON p.id = ap.place_id"
                                     " WHERE ap.article_id BETWEEN ?1 AND ?2"
                                     " ORDER BY ap.article_id",
                                     lo, hi);
    return st ? walk(st, read_place, &(struct sink){.place = fn, .ctx = ctx}) : -1;
}

int event_rows_actors_range(sqlite3 *db, int64_t lo, int64_t hi, event_actor_fn fn, void *ctx)
{
    sqlite3_stmt *st = prepare_range(db,
                                     "SELECT aa.article_id, a.name FROM article_actors aa"
                                     " JOIN actors a ON a.id = aa.actor_id"
                                     " WHERE aa.article_id BETWEEN ?1 AND ?2",
                                     lo, hi);
    return st ? walk(st, read_actor, &(struct sink){.actor = fn, .ctx = ctx}) : -1;
}

int event_rows_figures_range(sqlite3 *db, int64_t lo, int64_t hi, event_figure_fn fn, void *ctx)
{
    sqlite3_stmt *st = prepare_range(db,
                                     "SELECT article_id, kind, NULL, NULL, NULL, NULL, NULL,"
                                     " NULL, NULL, NULL, date FROM figures"
                                     " WHERE article_id BETWEEN ?1 AND ?2 ORDER BY article_id, id",
                                     lo, hi);
    return st ? walk(st, read_figure, &(struct sink){.figure = fn, .ctx = ctx}) : -1;
}

/* ---- saving ---- */

static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
    sqlite3_reset(st);
    return rc;
}

static int insert_event(sqlite3 *db, sqlite3_stmt *ev, sqlite3_stmt *ea, const struct event_row *e)
{
    sqlite3_bind_text(ev, 1, e->label, -1, SQLITE_STATIC);
    sqlite3_bind_double(ev, 2, e->score);
    sqlite3_bind_text(ev, 3, e->first_date, -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 4, e->last_date, -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 5, e->place, -1, SQLITE_STATIC);
    sqlite3_bind_text(ev, 6, e->reasons, -1, SQLITE_STATIC);
    if (step_done(ev) < 0)
        return -1;
    int64_t event_id = sqlite3_last_insert_rowid(db);
    for (size_t m = 0; m < e->n_members; m++) {
        sqlite3_bind_int64(ea, 1, event_id);
        sqlite3_bind_int64(ea, 2, e->members[m].article_id);
        sqlite3_bind_double(ea, 3, e->members[m].score);
        sqlite3_bind_text(ea, 4, e->members[m].reasons, -1, SQLITE_STATIC);
        if (step_done(ea) < 0)
            return -1;
    }
    return 0;
}

/* The writes of event_rows_replace, inside its transaction. */
static int write_events(sqlite3 *db, const struct event_row *events, size_t n)
{
    if (sqlite3_exec(db, "DELETE FROM event_articles; DELETE FROM events;", NULL, NULL, NULL) !=
        SQLITE_OK)
        return -1;
    sqlite3_stmt *ev = prepare(db,
                               "INSERT INTO events(label, score, first_date, last_date, place,"
                               " reasons) VALUES(?,?,?,?,?,?)",
                               NULL);
    sqlite3_stmt *ea = prepare(db,
                               "INSERT OR IGNORE INTO event_articles(event_id, article_id, score,"
                               " reasons) VALUES(?,?,?,?)",
                               NULL);
    int rc = ev && ea ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        rc = insert_event(db, ev, ea, &events[i]);
    sqlite3_finalize(ev);
    sqlite3_finalize(ea);
    return rc;
}

int event_rows_replace(sqlite3 *db, const struct event_row *events, size_t n)
{
    /* IMMEDIATE: the write lock is taken (or the wait for it fails) before anything runs */
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    int rc = write_events(db, events, n);
    if (rc == 0 && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = -1;
    if (rc != 0 && !sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* ---- stored events, streamed ---- */

struct event_stream {
    sqlite3_stmt *events, *reports, *figures, *members;
};

struct event_stream *event_stream_open(sqlite3 *db)
{
    struct event_stream *es = calloc(1, sizeof *es);
    if (!es)
        return NULL;
    /* the order by first report is read from event_articles' primary key, grouped per
     * event, then sorted: no event row or article is read twice */
    es->events = prepare(db,
                         "SELECT e.id, e.label, e.place, e.first_date, e.last_date, e.reasons,"
                         " e.score FROM (SELECT event_id, min(article_id) AS first"
                         " FROM event_articles GROUP BY event_id) f"
                         " JOIN events e ON e.id = f.event_id ORDER BY f.first",
                         NULL);
    /* no KILLED_OPEN here: the figures are read next anyway, and the flag is found among
     * them (events/event_load.c), which spares a second seek into figures per report */
    es->reports = prepare(db,
                          "SELECT a.id, a.title, a.date, a.source, NULL, a.dateline, a.killed, 0,"
                          " ea.score, ea.reasons FROM event_articles ea"
                          " JOIN articles a"
                          " ON a.id = ea.article_id WHERE ea.event_id = ? ORDER BY a.id",
                          NULL);
    es->figures = prepare(db,
                          "SELECT article_id, kind, n, min, max, qualifier, source, place,"
                          " text, sentence, date, role, incident FROM figures"
                          " WHERE article_id = ? ORDER BY id",
                          NULL);
    es->members = prepare(db,
                          "SELECT article_id FROM event_articles WHERE event_id = ?"
                          " ORDER BY article_id",
                          NULL);
    if (!es->events || !es->reports || !es->figures || !es->members) {
        event_stream_close(es);
        return NULL;
    }
    return es;
}

void event_stream_close(struct event_stream *es)
{
    if (!es)
        return;
    sqlite3_finalize(es->events);
    sqlite3_finalize(es->reports);
    sqlite3_finalize(es->figures);
    sqlite3_finalize(es->members);
    free(es);
}

int event_stream_next(struct event_stream *es, struct event_stored_row *out)
{
    int step = sqlite3_step(es->events);
    if (step != SQLITE_ROW)
        return step == SQLITE_DONE ? 0 : -1;
    sqlite3_stmt *st = es->events;
    *out = (struct event_stored_row){sqlite3_column_int64(st, 0),
                                     col_str(st, 1),
                                     col_str(st, 2),
                                     col_str(st, 3),
                                     col_str(st, 4),
                                     col_str(st, 5),
                                     sqlite3_column_double(st, 6)};
    return 1;
}

/* Steps a reused statement to its end through fn; resets it. */
static int walk_reused(sqlite3_stmt *st, int (*read_row)(sqlite3_stmt *, const struct sink *),
                       const struct sink *to)
{
    int step, rc = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW && (rc = read_row(st, to)) == 0)
        ;
    sqlite3_reset(st);
    if (rc != 0)
        return rc < 0 ? -1 : 0;
    return step == SQLITE_DONE ? 0 : -1;
}

struct report_sink {
    event_report_fn fn;
    void *ctx;
    sqlite3_stmt *st;
};

static int read_report(void *ctx, const struct event_article_row *r)
{
    struct report_sink *rs = ctx;
    struct event_report_row row = {*r, sqlite3_column_double(rs->st, 8), col_str(rs->st, 9)};
    return rs->fn(rs->ctx, &row);
}

int event_stream_reports(struct event_stream *es, int64_t event_id, event_report_fn fn, void *ctx)
{
    struct report_sink rs = {fn, ctx, es->reports};
    sqlite3_bind_int64(es->reports, 1, event_id);
    return walk_reused(es->reports, read_article,
                       &(struct sink){.article = read_report, .ctx = &rs});
}

long event_stream_members(struct event_stream *es, int64_t event_id, int64_t **ids)
{
    *ids = NULL;
    sqlite3_bind_int64(es->members, 1, event_id);
    int rc;
    long n = query_collect_ids(es->members, ids, &rc);
    sqlite3_reset(es->members);
    if (rc != SQLITE_DONE) {
        free(*ids);
        *ids = NULL;
        return -1;
    }
    return n;
}

int event_stream_figures(struct event_stream *es, int64_t article_id, event_figure_fn fn, void *ctx)
{
    sqlite3_bind_int64(es->figures, 1, article_id);
    return walk_reused(es->figures, read_figure, &(struct sink){.figure = fn, .ctx = ctx});
}

int event_rows_fresh(sqlite3 *db)
{
    return (int)store_query_int(db, "SELECT (SELECT count(*) FROM events) > 0 AND"
                                    " (SELECT n FROM article_count) ="
                                    " (SELECT count(*) FROM event_articles) AND"
                                    " NOT EXISTS (SELECT 1 FROM events_stale)");
}
