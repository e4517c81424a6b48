/* list_pane.c: one row per article: marks, date, source, places, figures, title. */
#include "views/list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "base/facts.h"
#include "base/text.h"
#include "base/trace.h"
#include "store/article_view.h"
#include "store/background.h"
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

/* The rest of a filtered list, found on a thread of its own. */
struct list_count {
    struct bg_job *bg;
    struct query q;
    enum store_list_order order;
    int64_t *ids;
    long n;
};

/* Ids found at once: 25 screenfuls, about 20 ms at a place that holds 270,000 of 900,000
 * reports; the rest (0.9 s there) follow in the background. */
enum { FIRST_IDS = 1000 };

static void count_free(struct list_count *c)
{
    query_free(&c->q);
    free(c->ids);
    free(c);
}

static int count_work(struct store *s, void *arg, char *err, size_t errlen)
{
    struct list_count *c = arg;
    c->n = store_list_ids(s, &c->q, c->order, 0, &c->ids, err, errlen);
    return c->n < 0 ? -1 : 0;
}

static void stop_counting(struct list_pane *l)
{
    if (!l->counting)
        return;
    bg_cancel(l->counting->bg);
    count_free(l->counting);
    l->counting = NULL;
}

void list_pane_release(struct list_pane *l)
{
    stop_counting(l);
    free(l->ids);
    l->ids = NULL;
}

/* Starts finding the whole list; false when no thread can (the caller finds it now). */
static bool start_counting(struct list_pane *l, struct store *s, const struct query *q)
{
    struct list_count *c = calloc(1, sizeof *c);
    if (!c)
        return false;
    c->order = store_list_order(s);
    if (query_copy(&c->q, q) != 0 || !(c->bg = bg_start(s, count_work, c, "list-count"))) {
        count_free(c);
        return false;
    }
    l->counting = c;
    return true;
}

/* The filtered list's ids: the first FIRST_IDS now and the rest counted in the background,
 * or all of them now. */
static int find_ids(struct list_pane *l, struct store *s, const struct query *q, char *err,
                    size_t errlen)
{
    enum store_list_order order = store_list_order(s);
    long first = l->in_foreground ? 0 : FIRST_IDS;
    double started = trace_clock_ms();
    long n = store_list_ids(s, q, order, first, &l->ids, err, errlen);
    trace_span("list-first", started);
    if (n == FIRST_IDS && !start_counting(l, s, q)) {
        free(l->ids);
        n = store_list_ids(s, q, order, 0, &l->ids, err, errlen);
    }
    l->count = n > 0 ? n : 0;
    return n < 0 ? -1 : 0;
}

int list_pane_count(struct list_pane *l, struct store *s, const struct query *q, char *err,
                    size_t errlen)
{
    list_pane_release(l);
    l->count = 0;
    l->filtered = store_list_filters(s, q);
    int rc = l->filtered ? find_ids(l, s, q, err, errlen)
                         : store_list_count_all(s, &l->count, err, errlen);
    int64_t max_id = store_list_max_id(s);
    l->id_digits = text_decimal_digits(max_id > 0 ? (uint64_t)max_id : 0);
    keep_selection_inside(l);
    return rc;
}

bool list_pane_counting(const struct list_pane *l)
{
    return l->counting != NULL;
}

int list_pane_take_count(struct list_pane *l, bool wait, char *err, size_t errlen)
{
    struct list_count *c = l->counting;
    if (!c || (!wait && !bg_done(c->bg)))
        return 0;
    l->counting = NULL;
    int rc = bg_finish(c->bg, err, errlen);
    if (rc == 0) {
        free(l->ids);
        l->ids = c->ids;
        l->count = c->n;
        c->ids = NULL;
    }
    count_free(c);
    keep_selection_inside(l);
    return rc == 0 ? 1 : -1;
}

void list_pane_count_text(const struct list_pane *l, char *out, size_t cap)
{
    snprintf(out, cap, "%lld%s", (long long)l->count, l->counting ? "+" : "");
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

/* rows rows of the list from position top: by ids when filtered. */
static int read_rows(const struct list_pane *l, struct store *s, int top, int rows,
                     struct store_list_row *out)
{
    if (!l->filtered)
        return store_list_page(s, top, rows, out);
    if (top >= l->count)
        return 0;
    int64_t left = l->count - top;
    return store_list_rows(s, l->ids + top, rows < left ? rows : (int)left, out);
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
    int n = rows ? read_rows(l, s, l->top, l->rows, rows) : -1;
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
    if (l->count > 0 && read_rows(l, s, l->sel, 1, &row) == 1) {
        l->sel_id = row.id;
        store_list_rows_free(&row, 1);
    }
}

void list_pane_move(struct list_pane *l, long delta)
{
    char err[200];
    /* past what is found so far (the end, a long page down): wait for the rest */
    if (l->counting && l->sel + delta >= l->count)
        list_pane_take_count(l, true, err, sizeof err);
    l->sel = view_move_within(l->sel, delta, l->count);
}

static bool position_in_ids(const struct list_pane *l, int64_t id, int *pos)
{
    for (int64_t i = 0; i < l->count; i++)
        if (l->ids[i] == id) {
            *pos = (int)i;
            return true;
        }
    return false;
}

bool list_pane_select_id(struct list_pane *l, struct store *s, const struct query *q, int64_t id)
{
    (void)q;
    int pos = 0;
    char err[200];
    bool shown = !l->filtered ? store_list_position(s, id, &pos)
                              : position_in_ids(l, id, &pos) ||
                                    (list_pane_take_count(l, true, err, sizeof err) > 0 &&
                                     position_in_ids(l, id, &pos));
    if (shown)
        l->sel = pos;
    return shown;
}

/* ---- the list as a view ---- */

static void draw_list_view(struct app *a)
{
    char title[64], count[32];
    list_pane_count_text(a->list, count, sizeof count);
    snprintf(title, sizeof title, "Articles (%s)", count);
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
