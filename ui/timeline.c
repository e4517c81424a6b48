/* timeline.c: rows of reported killed and wounded by day, week or month. */
#include "timeline.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "day_tally.h"
#include "trace.h"

/* Every figure of the articles the filter keeps, one article's rows together (the
 * articles are the outer loop of the join), dated by the figure's own full date, else the
 * article's; an article without figures comes once with a NULL kind. */
static const char figures_sql[] =
    "SELECT fa.id, CASE WHEN length(f.date) >= 10 THEN f.date ELSE fa.date END, f.kind,"
    " coalesce(f.n, f.min, 0), coalesce(f.sentence, 0)"
    " FROM (SELECT id, date FROM articles INDEXED BY articles_list WHERE %s) fa"
    " LEFT JOIN figures f ON f.article_id = fa.id";

const char *zoom_name(enum zoom z)
{
    static const char *const names[N_ZOOMS] = {"day", "week", "month"};
    return z < N_ZOOMS ? names[z] : "?";
}

/* A load on its own thread and connection, so that a large collection never holds up
 * the keys: the list is drawn at once and the timeline fills in when its scan is done. */
struct timeline_job {
    pthread_t thread;
    pthread_mutex_t lock; /* guards db and cancelled */
    sqlite3 *db;          /* the worker's connection while it is open */
    bool cancelled;
    atomic_bool done;
    char *path, *sql;
    struct query q;
    enum zoom zoom;
    struct timeline_row *rows;
    int n;
    char err[200]; /* empty when the load succeeded */
};

static void job_free(struct timeline_job *job)
{
    free(job->rows);
    free(job->path);
    free(job->sql);
    query_free(&job->q);
    pthread_mutex_destroy(&job->lock);
    free(job);
}

/* Stops a running load (an interrupted scan returns at once) and forgets it. */
static void job_cancel(struct timeline_job *job)
{
    pthread_mutex_lock(&job->lock);
    job->cancelled = true;
    if (job->db)
        sqlite3_interrupt(job->db);
    pthread_mutex_unlock(&job->lock);
    pthread_join(job->thread, NULL);
    job_free(job);
}

void timeline_invalidate(struct timeline *t)
{
    if (t->job) {
        job_cancel(t->job);
        t->job = NULL;
    }
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
    t->loaded = false;
}

void timeline_free(struct timeline *t)
{
    timeline_invalidate(t);
}

/* The statement text for the articles q selects. */
static char *build_sql(const struct query *q)
{
    const char *where = query_where(q);
    size_t n = sizeof figures_sql + strlen(where);
    char *sql = malloc(n);
    if (sql)
        snprintf(sql, n, figures_sql, where);
    return sql;
}

static sqlite3_stmt *prepare_sql(sqlite3 *db, const char *sql, const struct query *q)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return NULL;
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
    *rows = NULL;
    *n = 0;
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

static void take_rows(struct timeline *t, struct timeline_row *rows, int n)
{
    free(t->rows);
    t->rows = rows;
    t->n = n;
    t->loaded = true;
    if (t->sel >= t->n)
        t->sel = t->n > 0 ? t->n - 1 : 0;
}

int timeline_load(struct timeline *t, sqlite3 *db, const struct query *q, char *err, size_t errlen)
{
    timeline_invalidate(t);
    char *sql = build_sql(q);
    sqlite3_stmt *st = sql ? prepare_sql(db, sql, q) : NULL;
    free(sql);
    if (!st) {
        snprintf(err, errlen, "timeline: %s", sqlite3_errmsg(db));
        return -1;
    }
    struct timeline_row *rows;
    int n, rc = collect_rows(st, t->zoom, &rows, &n);
    if (rc != 0)
        snprintf(err, errlen, "timeline: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    take_rows(t, rows, n);
    return rc;
}

/* Opens the worker's connection unless the load was cancelled first. */
static bool job_open(struct timeline_job *job)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(job->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(job->err, sizeof job->err, "timeline: %s", db ? sqlite3_errmsg(db) : "no memory");
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 2000);
    pthread_mutex_lock(&job->lock);
    bool go = !job->cancelled;
    if (go)
        job->db = db;
    pthread_mutex_unlock(&job->lock);
    if (!go)
        sqlite3_close(db);
    return go;
}

static void job_close(struct timeline_job *job)
{
    pthread_mutex_lock(&job->lock);
    sqlite3_close(job->db);
    job->db = NULL;
    pthread_mutex_unlock(&job->lock);
}

static void *job_run(void *arg)
{
    struct timeline_job *job = arg;
    double started = trace_clock_ms();
    if (job_open(job)) {
        sqlite3_stmt *st = prepare_sql(job->db, job->sql, &job->q);
        if (!st || collect_rows(st, job->zoom, &job->rows, &job->n) != 0)
            snprintf(job->err, sizeof job->err, "timeline: %s", sqlite3_errmsg(job->db));
        sqlite3_finalize(st);
        job_close(job);
    }
    trace_span("timeline-load", started);
    atomic_store(&job->done, true);
    return NULL;
}

static struct timeline_job *job_new(sqlite3 *db, const struct query *q, enum zoom zoom)
{
    const char *path = sqlite3_db_filename(db, "main");
    if (!path || !*path)
        return NULL; /* an in-memory collection has no second connection */
    struct timeline_job *job = calloc(1, sizeof *job);
    if (!job)
        return NULL;
    pthread_mutex_init(&job->lock, NULL);
    atomic_init(&job->done, false);
    job->path = strdup(path);
    job->zoom = zoom;
    job->sql = build_sql(q);
    if (!job->path || !job->sql || query_copy(&job->q, q) != 0) {
        job_free(job);
        return NULL;
    }
    return job;
}

int timeline_load_async(struct timeline *t, sqlite3 *db, const struct query *q)
{
    timeline_invalidate(t);
    struct timeline_job *job = job_new(db, q, t->zoom);
    if (!job)
        return -1;
    if (pthread_create(&job->thread, NULL, job_run, job) != 0) {
        job_free(job);
        return -1;
    }
    t->job = job;
    return 0;
}

bool timeline_pending(const struct timeline *t)
{
    return t->job != NULL;
}

int timeline_poll(struct timeline *t, char *err, size_t errlen)
{
    struct timeline_job *job = t->job;
    if (!job || !atomic_load(&job->done))
        return 0;
    pthread_join(job->thread, NULL);
    t->job = NULL;
    int rc = 1;
    if (job->err[0]) {
        snprintf(err, errlen, "%s", job->err);
        rc = -1;
    }
    take_rows(t, job->rows, job->n);
    job->rows = NULL;
    job_free(job);
    return rc;
}

static long largest(const struct timeline *t)
{
    long m = 1;
    for (int i = 0; i < t->n; i++)
        if (t->rows[i].killed + t->rows[i].wounded > m)
            m = t->rows[i].killed + t->rows[i].wounded;
    return m;
}

static void draw_bar(int y, int x, int room, long killed, long wounded, long max,
                     const struct palette *pal)
{
    if (room <= 0)
        return;
    int k = (int)((killed * room + max - 1) / max);
    int w = (int)((wounded * room + max - 1) / max);
    if (k + w > room)
        w = room - k > 0 ? room - k : 0;
    attr_t ka = element_attr(pal, EL_KILLED) | A_REVERSE;
    attr_t wa = element_attr(pal, EL_WOUNDED) | A_REVERSE;
    attron(ka);
    if (k > 0)
        mvhline(y, x, '#', k);
    attroff(ka);
    attron(wa);
    if (w > 0)
        mvhline(y, x + k, '+', w);
    attroff(wa);
}

void timeline_draw(const struct timeline *t, const struct rect *r, const struct palette *pal,
                   bool focused)
{
    if (!t->loaded) {
        put_str(r->y, r->x, r->w, t->job ? "counting..." : "...", A_DIM);
        return;
    }
    if (t->n == 0) {
        put_str(r->y, r->x, r->w, "(no dated reports)", A_DIM);
        return;
    }
    long max = largest(t);
    for (int row = 0; row < r->h && t->top + row < t->n; row++) {
        const struct timeline_row *tr = &t->rows[t->top + row];
        bool sel = focused && t->top + row == t->sel;
        attr_t a = sel ? element_attr(pal, EL_SELECTED) : A_NORMAL;
        if (sel)
            fill_row(r->y + row, r->x, r->w, a);
        char line[80];
        snprintf(line, sizeof line, "%-10s %5ldk %4ldw ", tr->bucket, tr->killed, tr->wounded);
        int used = put_str(r->y + row, r->x, r->w, line, a);
        draw_bar(r->y + row, r->x + used, r->w - used, tr->killed, tr->wounded, max, pal);
    }
}

void timeline_move(struct timeline *t, long delta, int rows)
{
    long s = t->sel + delta;
    if (s >= t->n)
        s = t->n - 1;
    if (s < 0)
        s = 0;
    t->sel = (int)s;
    if (t->sel < t->top)
        t->top = t->sel;
    if (rows > 0 && t->sel >= t->top + rows)
        t->top = t->sel - rows + 1;
}

bool timeline_selected_report(const struct timeline *t, int64_t *article, int *sentence)
{
    if (!t->loaded || t->sel >= t->n || t->rows[t->sel].best_article <= 0)
        return false;
    *article = t->rows[t->sel].best_article;
    *sentence = t->rows[t->sel].best_sentence;
    return true;
}
