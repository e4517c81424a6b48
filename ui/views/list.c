/* list_pane.c: one row per article: marks, date, source, places, figures, title. */
#include "views/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "base/facts.h"
#include "base/text.h"
#include "store/article_view.h"
#include "store/list_window.h"
#include "store/store.h"

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
    int64_t max_id = store_list_max_id(s);
    l->id_digits = text_decimal_digits(max_id > 0 ? (uint64_t)max_id : 0);
    keep_selection_inside(l);
    return rc;
}

/* Column widths, each with the blank after it; 0 hides a column. */
struct columns {
    int id, date, source, places, toll, title;
};

enum { LEAD = 3, DATE_W = 11, TOLL_WIDE = 25, TOLL_NARROW = 11 };

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* The fixed columns first (marks, id, date, toll); of the rest the title keeps most,
 * places and source a share each up to what they need (at 100 columns the title has 45, at
 * 200 it has 103 and source and place are whole). */
static struct columns layout_columns(int width, int id_digits)
{
    struct columns c = {.id = id_digits + 2, .date = DATE_W};
    c.toll = width >= 110 ? TOLL_WIDE : TOLL_NARROW;
    int rest = width - LEAD - c.id - c.date - c.toll;
    c.source = rest >= 50 ? clamp(rest * 13 / 100, 8, 24) : 0;
    c.places = rest >= 30 ? clamp(rest * 24 / 100, 10, 40) : 0;
    c.title = rest - c.source - c.places;
    return c;
}

/* One toll as the report gives it: the vague word it uses ("dozens"), else the number. */
static void toll_amount(long n, const char *word, char *out, size_t cap)
{
    if (word && *word)
        snprintf(out, cap, "%s", word);
    else
        snprintf(out, cap, "%ld", n);
}

/* "38 killed", "dozens wounded", "40 killed 15 wounded" (killed alone when narrow): words,
 * since "38k" reads as thousands, and a vague word stays the word the report used. */
static void toll_field(const struct store_list_row *row, int width, char *out, size_t cap)
{
    out[0] = '\0';
    bool k = row->killed != FACT_NONE, w = row->wounded != FACT_NONE;
    char killed[32], wounded[32];
    toll_amount(row->killed, row->killed_word, killed, sizeof killed);
    toll_amount(row->wounded, row->wounded_word, wounded, sizeof wounded);
    if (k && w && width >= TOLL_WIDE)
        snprintf(out, cap, "%s killed %s wounded", killed, wounded);
    else if (k)
        snprintf(out, cap, "%s killed", killed);
    else if (w)
        snprintf(out, cap, "%s wounded", wounded);
    /* a narrow column keeps the amount ("dozens") rather than cut the word in two */
    if ((int)strlen(out) >= width)
        snprintf(out, cap, "%s", k ? killed : wounded);
}

/* Draws text in a field of width columns (raw text is neutralised). */
static int field(int y, int x, int w, int width, const char *t, attr_t a)
{
    int room = width < w ? width : w;
    if (room <= 0)
        return 0;
    put_raw(y, x, room > 1 ? room - 1 : room, t ? t : "", a); /* a blank between fields */
    return room;
}

static void draw_headings(const struct list_pane *l, const struct columns *c, const struct rect *r,
                          attr_t a)
{
    (void)l;
    int y = r->y, x = r->x + LEAD, end = r->x + r->w;
    x += field(y, x, end - x, c->id, "#", a);
    x += field(y, x, end - x, c->date, "Date", a);
    x += field(y, x, end - x, c->source, "Source", a);
    x += field(y, x, end - x, c->places, "Place", a);
    x += field(y, x, end - x, c->toll, "Toll", a);
    field(y, x, end - x, c->title, "Title", a);
}

static void draw_row(struct list_pane *l, const struct store_list_row *row, const struct columns *c,
                     const struct rect *r, int i, const struct palette *pal)
{
    int y = r->y + 1 + i, x = r->x, end = r->x + r->w;
    bool selected = l->top + i == l->sel;
    if (selected)
        l->sel_id = row->id;
    attr_t a = selected ? element_attr(pal, EL_SELECTED) : A_NORMAL;
    if (selected)
        fill_row(y, r->x, r->w, a);
    char lead[4] = {row->id == l->marked ? '*' : ' ', row->is_read ? ' ' : 'N', ' ', 0};
    put_str(y, x, end - x, lead, row->id == l->marked ? a | element_attr(pal, EL_MARK) : a);
    x += LEAD;
    char id[24], toll[96];
    snprintf(id, sizeof id, "#%lld", (long long)row->id);
    x += field(y, x, end - x, c->id, id, a);
    x += field(y, x, end - x, c->date, row->date, a);
    x += field(y, x, end - x, c->source, row->source, a);
    x += field(y, x, end - x, c->places, row->places, a);
    toll_field(row, c->toll, toll, sizeof toll);
    x += field(y, x, end - x, c->toll, toll, a | element_attr(pal, EL_KILLED));
    if (x < end)
        field(y, x, end - x, end - x, row->title, a);
}

void list_pane_draw(struct list_pane *l, struct store *s, const struct query *q,
                    const struct rect *r, const struct palette *pal)
{
    (void)q;
    struct columns c = layout_columns(r->w, l->id_digits);
    if (r->h > 0)
        draw_headings(l, &c, r, element_attr(pal, EL_TITLE));
    struct rect body = {r->y + 1, r->x, r->h - 1, r->w};
    l->rows = body.h > 0 ? body.h : 0;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->rows > 0 && l->sel >= l->top + l->rows)
        l->top = l->sel - l->rows + 1;
    l->sel_id = 0;
    struct store_list_row *rows =
        l->count > 0 && l->rows > 0 ? calloc((size_t)l->rows, sizeof *rows) : NULL;
    int n = rows ? store_list_page(s, l->filtered, l->top, l->rows, rows) : -1;
    if (n < 0) {
        if (l->count == 0 && body.h > 0)
            put_str(body.y, body.x + 1, body.w - 1, "(no articles match)", A_DIM);
        free(rows);
        return;
    }
    for (int i = 0; i < n; i++)
        draw_row(l, &rows[i], &c, r, i, pal);
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
    if (view_motion(act, a->list->rows > 1 ? a->list->rows : 1, &delta)) {
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
