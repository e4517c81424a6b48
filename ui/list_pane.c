/* list_pane.c: one row per article: marks, date, source, places, figures, title. */
#include "list_pane.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scans go through the store's list index rather than the table: the index holds every
 * row's id, date and the columns the filter line tests in a few megabytes, while the
 * table's rows carry the articles' text, so a count or a page under a filter (a place, a
 * search: id IN ..., killed>=10) reads the index only and stops after one page in list
 * order. */
#define BY_DATE "INDEXED BY articles_list"

static sqlite3_stmt *prepare(sqlite3 *db, const struct query *q, const char *fmt)
{
    const char *where = query_where(q);
    size_t n = strlen(fmt) + strlen(where) + 1;
    char *sql = malloc(n);
    if (!sql)
        return NULL;
    snprintf(sql, n, fmt, where);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        st = NULL;
    free(sql);
    if (st)
        query_bind(q, st, 1);
    return st;
}

static void keep_selection_inside(struct list_pane *l)
{
    if (l->sel >= l->count)
        l->sel = l->count > 0 ? (int)l->count - 1 : 0;
    if (l->sel < 0)
        l->sel = 0;
    if (l->top > l->sel)
        l->top = l->sel;
}

int list_pane_count(struct list_pane *l, sqlite3 *db, const struct query *q, char *err,
                    size_t errlen)
{
    l->count = 0;
    sqlite3_stmt *st = prepare(db, q, "SELECT count(*) FROM articles " BY_DATE " WHERE %s");
    if (!st) {
        snprintf(err, errlen, "list: %s", sqlite3_errmsg(db));
        return -1;
    }
    if (sqlite3_step(st) == SQLITE_ROW)
        l->count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    keep_selection_inside(l);
    return 0;
}

static const char rows_sql[] =
    "SELECT id, date, source, places, killed, wounded, title, is_read FROM articles " BY_DATE
    " WHERE %s ORDER BY date DESC, id DESC LIMIT ? OFFSET ?";

static void figures_field(sqlite3_stmt *st, char *out, size_t cap)
{
    out[0] = '\0';
    bool k = sqlite3_column_type(st, 4) != SQLITE_NULL;
    bool w = sqlite3_column_type(st, 5) != SQLITE_NULL;
    if (k && w)
        snprintf(out, cap, "%lldk %lldw", (long long)sqlite3_column_int64(st, 4),
                 (long long)sqlite3_column_int64(st, 5));
    else if (k)
        snprintf(out, cap, "%lldk", (long long)sqlite3_column_int64(st, 4));
    else if (w)
        snprintf(out, cap, "%lldw", (long long)sqlite3_column_int64(st, 5));
}

/* Draws the text of column col in a field of width columns (raw text is neutralised). */
static int field(int y, int x, int w, int width, sqlite3_stmt *st, int col, attr_t a)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    int room = width < w ? width : w;
    put_raw(y, x, room > 1 ? room - 1 : room, t ? t : "", a); /* a blank between fields */
    return room;
}

static void draw_row(struct list_pane *l, sqlite3_stmt *st, const struct rect *r, int row,
                     const struct palette *pal)
{
    int y = r->y + row, x = r->x, end = r->x + r->w;
    int64_t id = sqlite3_column_int64(st, 0);
    bool selected = l->top + row == l->sel;
    if (selected)
        l->sel_id = id;
    attr_t a = selected ? element_attr(pal, EL_SELECTED) : A_NORMAL;
    if (selected)
        fill_row(y, r->x, r->w, a);
    char lead[4] = {id == l->marked ? '*' : ' ', sqlite3_column_int(st, 7) ? ' ' : 'N', ' ', 0};
    put_str(y, x, end - x, lead, id == l->marked ? a | element_attr(pal, EL_MARK) : a);
    x += 3;
    x += field(y, x, end - x, 11, st, 1, a);
    x += field(y, x, end - x, 12, st, 2, a);
    x += field(y, x, end - x, 17, st, 3, a);
    char fig[40];
    figures_field(st, fig, sizeof fig);
    put_str(y, x, end - x < 10 ? end - x : 10, fig, a | element_attr(pal, EL_KILLED));
    x += 10;
    if (x < end)
        field(y, x, end - x, end - x, st, 6, a);
}

void list_pane_draw(struct list_pane *l, sqlite3 *db, const struct query *q, const struct rect *r,
                    const struct palette *pal)
{
    l->rows = r->h;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->rows > 0 && l->sel >= l->top + l->rows)
        l->top = l->sel - l->rows + 1;
    l->sel_id = 0;
    sqlite3_stmt *st = prepare(db, q, rows_sql);
    if (!st)
        return;
    sqlite3_bind_int(st, q->n_params + 1, r->h);
    sqlite3_bind_int(st, q->n_params + 2, l->top);
    for (int row = 0; row < r->h && sqlite3_step(st) == SQLITE_ROW; row++)
        draw_row(l, st, r, row, pal);
    sqlite3_finalize(st);
    if (l->count == 0)
        put_str(r->y, r->x + 1, r->w - 1, "(no articles match)", A_DIM);
}

void list_pane_resolve(struct list_pane *l, sqlite3 *db, const struct query *q)
{
    sqlite3_stmt *st = prepare(db, q, rows_sql);
    l->sel_id = 0;
    if (!st)
        return;
    sqlite3_bind_int(st, q->n_params + 1, 1);
    sqlite3_bind_int(st, q->n_params + 2, l->sel);
    if (sqlite3_step(st) == SQLITE_ROW)
        l->sel_id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
}

void list_pane_move(struct list_pane *l, long delta)
{
    long s = l->sel + delta;
    if (s >= l->count)
        s = l->count - 1;
    if (s < 0)
        s = 0;
    l->sel = (int)s;
}

bool list_pane_select_id(struct list_pane *l, sqlite3 *db, const struct query *q, int64_t id)
{
    int n = q->n_params;
    sqlite3_stmt *st =
        prepare(db, q, "SELECT coalesce(date, '') FROM articles WHERE (%s) AND id = ?");
    if (!st)
        return false;
    sqlite3_bind_int64(st, n + 1, id);
    char date[64] = "";
    bool shown = sqlite3_step(st) == SQLITE_ROW;
    if (shown)
        snprintf(date, sizeof date, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    if (!shown)
        return false;
    /* its position: the rows before it in the list's order (newest first, undated last) */
    st = prepare(db, q,
                 "SELECT count(*) FROM articles " BY_DATE " WHERE (%s) AND (coalesce(date, '') > ?"
                 " OR (coalesce(date, '') = ? AND id > ?))");
    if (!st)
        return false;
    sqlite3_bind_text(st, n + 1, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, n + 2, date, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, n + 3, id);
    if (sqlite3_step(st) == SQLITE_ROW)
        l->sel = (int)sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return true;
}
