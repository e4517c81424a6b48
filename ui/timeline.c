/* timeline.c: rows of reported killed and wounded by day, week or month. */
#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The date of each article's figures: the figure's own full date, else the article's. */
static const char event_rows_sql[] =
    "WITH fa AS (SELECT id, date FROM articles WHERE %s),"
    " ev AS (SELECT fa.id aid, CASE WHEN length(f.date) >= 10 THEN substr(f.date, 1, 10)"
    "  ELSE substr(fa.date, 1, 10) END d, f.kind kind, coalesce(f.n, f.min, 0) size,"
    "  coalesce(f.sentence, 0) s FROM fa LEFT JOIN figures f ON f.article_id = fa.id)";

static const char *const bucket_sql[N_ZOOMS] = {
    "d",
    "date(d, '-6 days', 'weekday 1')",
    "substr(d, 1, 7)",
};

const char *zoom_name(enum zoom z)
{
    static const char *const names[N_ZOOMS] = {"day", "week", "month"};
    return z < N_ZOOMS ? names[z] : "?";
}

void timeline_invalidate(struct timeline *t)
{
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
    t->loaded = false;
}

void timeline_free(struct timeline *t)
{
    timeline_invalidate(t);
}

static sqlite3_stmt *prepare(sqlite3 *db, const struct query *q, const char *tail_fmt,
                             enum zoom zoom)
{
    char head[1024], tail[1024];
    snprintf(head, sizeof head, event_rows_sql, query_where(q));
    snprintf(tail, sizeof tail, tail_fmt, bucket_sql[zoom], bucket_sql[zoom]);
    size_t n = strlen(head) + strlen(tail) + 2;
    char *sql = malloc(n);
    if (!sql)
        return NULL;
    snprintf(sql, n, "%s %s", head, tail);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        st = NULL;
    free(sql);
    if (st)
        query_bind(q, st, 1);
    return st;
}

static const char rows_tail[] =
    ", per AS (SELECT aid, d, max(CASE WHEN kind = 'killed' THEN size END) k,"
    "  max(CASE WHEN kind = 'wounded' THEN size END) w FROM ev"
    "  WHERE d GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' GROUP BY aid, d)"
    " SELECT %s b, count(DISTINCT aid), sum(coalesce(k, 0)), sum(coalesce(w, 0)) FROM per"
    " GROUP BY b ORDER BY b DESC%.0s";

int timeline_load(struct timeline *t, sqlite3 *db, const struct query *q, char *err, size_t errlen)
{
    timeline_invalidate(t);
    sqlite3_stmt *st = prepare(db, q, rows_tail, t->zoom);
    if (!st) {
        snprintf(err, errlen, "timeline: %s", sqlite3_errmsg(db));
        return -1;
    }
    int cap = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        if (t->n == cap) {
            cap = cap ? cap * 2 : 64;
            struct timeline_row *v = realloc(t->rows, (size_t)cap * sizeof *v);
            if (!v)
                break;
            t->rows = v;
        }
        struct timeline_row *row = &t->rows[t->n++];
        const char *b = (const char *)sqlite3_column_text(st, 0);
        snprintf(row->bucket, sizeof row->bucket, "%s", b ? b : "?");
        row->reports = sqlite3_column_int(st, 1);
        row->killed = (long)sqlite3_column_int64(st, 2);
        row->wounded = (long)sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
    t->loaded = true;
    if (t->sel >= t->n)
        t->sel = t->n > 0 ? t->n - 1 : 0;
    return 0;
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
        put_str(r->y, r->x, r->w, "...", A_DIM);
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

static const char best_tail[] =
    " SELECT aid, s FROM ev WHERE d GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
    " AND %s = ? ORDER BY kind = 'killed' DESC, size DESC, aid LIMIT 1%.0s";

bool timeline_selected_report(const struct timeline *t, sqlite3 *db, const struct query *q,
                              int64_t *article, int *sentence)
{
    if (!t->loaded || t->sel >= t->n)
        return false;
    sqlite3_stmt *st = prepare(db, q, best_tail, t->zoom);
    if (!st)
        return false;
    sqlite3_bind_text(st, q->n_params + 1, t->rows[t->sel].bucket, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found) {
        *article = sqlite3_column_int64(st, 0);
        *sentence = sqlite3_column_int(st, 1);
    }
    sqlite3_finalize(st);
    return found;
}
