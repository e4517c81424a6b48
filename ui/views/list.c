/* list_pane.c: one row per article: marks, date, source, places, figures, title. */
#include "views/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two ways to a page of the list. Unfiltered, the store's list index (date, id and the
 * columns the filter line tests, a few megabytes, while the table's rows carry the
 * articles' text) is read in list order with LIMIT/OFFSET: an index-only walk. Filtered
 * (a place, a search, the filter line), the ids in list order are written once to a
 * temporary table whose row number is the position, so that any page, even the last of
 * 100,000 results, is a lookup rather than a rescan of the filter. */
#define BY_DATE "INDEXED BY articles_list"

static const char materialize_sql[] =
    "INSERT INTO temp.list_view(id) SELECT id FROM articles " BY_DATE
    " WHERE %s ORDER BY date DESC, id DESC";

/* The offset is walked in the index alone; only the page's rows are read from the table. */
static const char page_all_sql[] =
    "SELECT a.id, a.date, a.source, a.places, a.killed, a.wounded, a.title, a.is_read"
    " FROM (SELECT id FROM articles " BY_DATE " ORDER BY date DESC, id DESC LIMIT ?1 OFFSET ?2)"
    " p JOIN articles a ON a.id = p.id ORDER BY a.date DESC, a.id DESC";

static const char page_view_sql[] =
    "SELECT a.id, a.date, a.source, a.places, a.killed, a.wounded, a.title, a.is_read"
    " FROM temp.list_view v JOIN articles a ON a.id = v.id WHERE v.pos > ?2 ORDER BY v.pos"
    " LIMIT ?1";

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

static int count_all(struct list_pane *l, sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM articles " BY_DATE, -1, &st, NULL) !=
        SQLITE_OK)
        return -1;
    if (sqlite3_step(st) == SQLITE_ROW)
        l->count = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return 0;
}

static int materialize(struct list_pane *l, sqlite3 *db, const struct query *q)
{
    if (sqlite3_exec(db,
                     "CREATE TEMP TABLE IF NOT EXISTS list_view(pos INTEGER PRIMARY KEY,"
                     " id INTEGER NOT NULL); DELETE FROM temp.list_view;",
                     NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    sqlite3_stmt *st = prepare(db, q, materialize_sql);
    if (!st)
        return -1;
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE)
        return -1;
    l->count = sqlite3_changes64(db);
    return 0;
}

int list_pane_count(struct list_pane *l, sqlite3 *db, const struct query *q, char *err,
                    size_t errlen)
{
    l->count = 0;
    l->filtered = q->where_len > 0;
    int rc = l->filtered ? materialize(l, db, q) : count_all(l, db);
    if (rc != 0) {
        snprintf(err, errlen, "list: %s", sqlite3_errmsg(db));
        l->count = 0;
        l->filtered = false;
    }
    keep_selection_inside(l);
    return rc;
}

/* The page of at most rows rows from position top. */
static sqlite3_stmt *page(const struct list_pane *l, sqlite3 *db, int rows, int top)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, l->filtered ? page_view_sql : page_all_sql, -1, &st, NULL) !=
        SQLITE_OK)
        return NULL;
    sqlite3_bind_int(st, 1, rows);
    sqlite3_bind_int(st, 2, top);
    return st;
}

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
    sqlite3_stmt *st = l->count > 0 ? page(l, db, r->h, l->top) : NULL;
    if (!st) {
        if (l->count == 0)
            put_str(r->y, r->x + 1, r->w - 1, "(no articles match)", A_DIM);
        return;
    }
    for (int row = 0; row < r->h && sqlite3_step(st) == SQLITE_ROW; row++)
        draw_row(l, st, r, row, pal);
    sqlite3_finalize(st);
}

void list_pane_resolve(struct list_pane *l, sqlite3 *db, const struct query *q)
{
    (void)q;
    l->sel_id = 0;
    sqlite3_stmt *st = l->count > 0 ? page(l, db, 1, l->sel) : NULL;
    if (!st)
        return;
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

/* The position of article id in the unfiltered list: the rows before it in list order
 * (newest first, undated last), counted in the list index. */
static bool position_in_all(sqlite3 *db, int64_t id, int *pos)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db,
                           "SELECT count(*) FROM articles " BY_DATE ", (SELECT coalesce(date, '')"
                           " d FROM articles WHERE id = ?1) t WHERE coalesce(date, '') > t.d"
                           " OR (coalesce(date, '') = t.d AND id > ?1)",
                           -1, &st, NULL) != SQLITE_OK)
        return false;
    sqlite3_bind_int64(st, 1, id);
    bool ok = sqlite3_step(st) == SQLITE_ROW;
    if (ok)
        *pos = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return ok;
}

static bool position_in_view(sqlite3 *db, int64_t id, int *pos)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT pos FROM temp.list_view WHERE id = ?1", -1, &st, NULL) !=
        SQLITE_OK)
        return false;
    sqlite3_bind_int64(st, 1, id);
    bool found = sqlite3_step(st) == SQLITE_ROW;
    if (found)
        *pos = sqlite3_column_int(st, 0) - 1;
    sqlite3_finalize(st);
    return found;
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

bool list_pane_select_id(struct list_pane *l, sqlite3 *db, const struct query *q, int64_t id)
{
    (void)q;
    int pos = 0;
    bool shown = l->filtered ? position_in_view(db, id, &pos)
                             : article_exists(db, id) && position_in_all(db, id, &pos);
    if (shown)
        l->sel = pos;
    return shown;
}
