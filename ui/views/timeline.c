/* timeline.c: rows of reported killed and wounded by day, week or month. */
#include "views/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/background.h"
#include "store/day_tally.h"

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

/* What a background load reads and returns. */
struct timeline_job {
    struct bg_job *bg;
    char *sql;
    struct query q;
    enum zoom zoom;
    struct timeline_row *rows;
    int n;
};

static void job_free(struct timeline_job *job)
{
    free(job->rows);
    free(job->sql);
    query_free(&job->q);
    free(job);
}

void timeline_invalidate(struct timeline *t)
{
    if (t->job) {
        bg_cancel(t->job->bg);
        job_free(t->job);
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

static int job_work(sqlite3 *db, void *arg, char *err, size_t errlen)
{
    struct timeline_job *job = arg;
    sqlite3_stmt *st = prepare_sql(db, job->sql, &job->q);
    int rc = st ? collect_rows(st, job->zoom, &job->rows, &job->n) : -1;
    if (rc != 0)
        snprintf(err, errlen, "timeline: %s", sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return rc;
}

int timeline_load_async(struct timeline *t, sqlite3 *db, const struct query *q)
{
    timeline_invalidate(t);
    struct timeline_job *job = calloc(1, sizeof *job);
    if (!job)
        return -1;
    job->zoom = t->zoom;
    job->sql = build_sql(q);
    if (!job->sql || query_copy(&job->q, q) != 0 ||
        !(job->bg = bg_start(db, job_work, job, "timeline-load"))) {
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
    if (!job || !bg_done(job->bg))
        return 0;
    t->job = NULL;
    int rc = bg_finish(job->bg, err, errlen) == 0 ? 1 : -1;
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
