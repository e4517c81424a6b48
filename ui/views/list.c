/* list_pane.c: one row per article: marks, date, source, places, figures, title. */
#include "views/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "base/facts.h"
#include "store/article_view.h"
#include "store/list_window.h"
#include "store/store.h"
#include "views/compare.h"

static void keep_selection_inside(struct list_pane *l)
{
    if (l->sel >= l->count)
        l->sel = l->count > 0 ? (int)l->count - 1 : 0;
    if (l->sel < 0)
        l->sel = 0;
    if (l->top > l->sel)
        l->top = l->sel;
}

int list_pane_count(struct list_pane *l, struct store *s, const struct query *q, char *err,
                    size_t errlen)
{
    int rc = store_list_count(s, q, &l->filtered, &l->count, err, errlen);
    keep_selection_inside(l);
    return rc;
}

static void figures_field(const struct store_list_row *row, char *out, size_t cap)
{
    out[0] = '\0';
    bool k = row->killed != FACT_NONE;
    bool w = row->wounded != FACT_NONE;
    if (k && w)
        snprintf(out, cap, "%ldk %ldw", row->killed, row->wounded);
    else if (k)
        snprintf(out, cap, "%ldk", row->killed);
    else if (w)
        snprintf(out, cap, "%ldw", row->wounded);
}

/* Draws text in a field of width columns (raw text is neutralised). */
static int field(int y, int x, int w, int width, const char *t, attr_t a)
{
    int room = width < w ? width : w;
    put_raw(y, x, room > 1 ? room - 1 : room, t ? t : "", a); /* a blank between fields */
    return room;
}

static void draw_row(struct list_pane *l, const struct store_list_row *row, const struct rect *r,
                     int i, const struct palette *pal)
{
    int y = r->y + i, x = r->x, end = r->x + r->w;
    bool selected = l->top + i == l->sel;
    if (selected)
        l->sel_id = row->id;
    attr_t a = selected ? element_attr(pal, EL_SELECTED) : A_NORMAL;
    if (selected)
        fill_row(y, r->x, r->w, a);
    char lead[4] = {row->id == l->marked ? '*' : ' ', row->is_read ? ' ' : 'N', ' ', 0};
    put_str(y, x, end - x, lead, row->id == l->marked ? a | element_attr(pal, EL_MARK) : a);
    x += 3;
    x += field(y, x, end - x, 11, row->date, a);
    x += field(y, x, end - x, 12, row->source, a);
    x += field(y, x, end - x, 17, row->places, a);
    char fig[40];
    figures_field(row, fig, sizeof fig);
    put_str(y, x, end - x < 10 ? end - x : 10, fig, a | element_attr(pal, EL_KILLED));
    x += 10;
    if (x < end)
        field(y, x, end - x, end - x, row->title, a);
}

void list_pane_draw(struct list_pane *l, struct store *s, const struct query *q,
                    const struct rect *r, const struct palette *pal)
{
    (void)q;
    l->rows = r->h;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->rows > 0 && l->sel >= l->top + l->rows)
        l->top = l->sel - l->rows + 1;
    l->sel_id = 0;
    struct store_list_row *rows =
        l->count > 0 && r->h > 0 ? calloc((size_t)r->h, sizeof *rows) : NULL;
    int n = rows ? store_list_page(s, l->filtered, l->top, r->h, rows) : -1;
    if (n < 0) {
        if (l->count == 0)
            put_str(r->y, r->x + 1, r->w - 1, "(no articles match)", A_DIM);
        free(rows);
        return;
    }
    for (int i = 0; i < n; i++)
        draw_row(l, &rows[i], r, i, pal);
    store_list_rows_free(rows, n);
    free(rows);
}

void list_pane_resolve(struct list_pane *l, struct store *s, const struct query *q)
{
    (void)q;
    l->sel_id = 0;
    struct store_list_row row;
    if (l->count > 0 && store_list_page(s, l->filtered, l->sel, 1, &row) == 1) {
        l->sel_id = row.id;
        store_list_rows_free(&row, 1);
    }
}

void list_pane_move(struct list_pane *l, long delta)
{
    l->sel = view_move_within(l->sel, delta, l->count);
}

bool list_pane_select_id(struct list_pane *l, struct store *s, const struct query *q, int64_t id)
{
    (void)q;
    int pos = 0;
    bool shown = store_list_position(s, l->filtered, id, &pos);
    if (shown)
        l->sel = pos;
    return shown;
}

/* ---- the list as a view ---- */

static void draw_list_view(struct app *a)
{
    char title[64];
    snprintf(title, sizeof title, "Articles (%lld)", (long long)a->list->count);
    app_pane_header(a, V_LIST, title);
    list_pane_draw(a->list, a->s, &a->q, &a->panes[V_LIST], &a->pal);
}

static void toggle_read(struct app *a)
{
    char err[200];
    if (a->list->sel_id && store_toggle_read(a->s, a->list->sel_id, err, sizeof err) != 0)
        app_say(a, true, err);
}

static bool list_action(struct app *a, enum action act, int key)
{
    long delta;
    if (view_motion(act, app_rows_of(a, V_LIST), &delta)) {
        list_pane_move(a->list, delta);
        return true;
    }
    switch (act) {
    case ACT_OPEN:
        if (a->list->sel_id) {
            app_mark_read(a, a->list->sel_id);
            app_open_full_screen(a);
        }
        return true;
    case ACT_TOGGLE_READ:
        toggle_read(a);
        return true;
    case ACT_MARK:
        a->list->marked = a->list->marked == a->list->sel_id ? 0 : a->list->sel_id;
        return true;
    case ACT_COMPARE:
        if (!a->list->marked || !a->list->sel_id || a->list->marked == a->list->sel_id)
            app_say(a, false, "mark an article with m, select another, then c");
        else
            compare_screen_open(a, a->list->marked, a->list->sel_id);
        return true;
    default:
        return false;
    }
}

const struct view_ops list_view = {
    .title = "Articles",
    .id = V_LIST,
    .draw = draw_list_view,
    .action = list_action,
};
