/* feeds.c: the feeds screen. */
#include "views/feeds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curses.h>

#include "fetching.h"
#include "state.h"
#include "store/feeds.h"
#include "store/store.h"

struct feeds_view {
    struct feed_row *rows;
    size_t n;
    long sel, top;
    int64_t data_version; /* of the collection when the rows were read */
    char err[200];
};

enum { DETAIL_ROWS = 4 }; /* the selected feed's URL, tags, error, and a rule above */

static void load_rows(struct app *a, struct feeds_view *v)
{
    int64_t keep = v->n ? v->rows[v->sel].id : 0;
    store_feeds_free(v->rows, v->n);
    v->rows = NULL;
    v->n = 0;
    v->data_version = store_data_version(a->s);
    v->err[0] = '\0';
    if (store_feeds_load(a->s, &v->rows, &v->n) < 0) {
        snprintf(v->err, sizeof v->err, "cannot read the feeds");
        v->n = 0;
    }
    v->sel = 0;
    for (size_t i = 0; keep && i < v->n; i++)
        if (v->rows[i].id == keep)
            v->sel = (long)i;
}

void feeds_screen_open(struct app *a)
{
    a->feeds = calloc(1, sizeof *a->feeds);
    if (!a->feeds) {
        app_say(a, true, "out of memory");
        return;
    }
    load_rows(a, a->feeds);
    app_open_screen(a, &feeds_screen);
}

/* ---- drawing ---- */

static void format_when(int64_t t, char *buf, size_t cap)
{
    if (t <= 0) {
        snprintf(buf, cap, "never");
        return;
    }
    time_t tt = (time_t)t;
    struct tm tm;
    if (!localtime_r(&tt, &tm) || !strftime(buf, cap, "%Y-%m-%d %H:%M", &tm))
        snprintf(buf, cap, "?");
}

static void format_status(const struct feed_row *f, char *buf, size_t cap)
{
    if (f->last_status < 0 && !f->last_error)
        snprintf(buf, cap, "new");
    else if (f->last_error)
        snprintf(buf, cap, "failed");
    else if (f->last_status == 304)
        snprintf(buf, cap, "304");
    else
        snprintf(buf, cap, "%ld", f->last_status);
}

static void format_tags(const struct feed_row *f, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t t = 0; t < f->n_tags && used + 1 < cap; t++) {
        int w = snprintf(buf + used, cap - used, "%s%s", t ? "," : "", f->tags[t]);
        if (w < 0)
            break;
        used += (size_t)w;
    }
}

static void draw_row(const struct app *a, const struct feed_row *f, int y, bool selected)
{
    char status[24], items[24], when[32], tags[120], line[600];
    format_status(f, status, sizeof status);
    snprintf(items, sizeof items, "%lld", (long long)f->items);
    format_when(f->last_fetch, when, sizeof when);
    format_tags(f, tags, sizeof tags);
    attr_t at = selected ? element_attr(&a->pal, EL_SELECTED) : A_NORMAL;
    if (selected)
        fill_row(y, 0, COLS, at);
    snprintf(line, sizeof line, " %-24.24s %-6s %7s  %-16s  %-14.14s ", feed_row_label(f), status,
             items, when, tags);
    int used = put_raw(y, 0, COLS, line, at);
    if (f->last_error)
        put_raw(y, used, COLS - used, f->last_error,
                selected ? at : element_attr(&a->pal, EL_ERROR));
    else
        put_raw(y, used, COLS - used, f->url, at);
}

static void draw_detail(const struct app *a, const struct feed_row *f, int y)
{
    char tags[200], line[700];
    format_tags(f, tags, sizeof tags);
    fill_row(y, 0, COLS, element_attr(&a->pal, EL_TITLE));
    put_str(y, 1, COLS - 1, "Selected feed", element_attr(&a->pal, EL_TITLE));
    snprintf(line, sizeof line, " URL: %s", f->url);
    put_raw(y + 1, 0, COLS, line, A_NORMAL);
    snprintf(line, sizeof line, " tags: %s%s", tags[0] ? tags : "(none)",
             f->full ? "  (full text from each item's page)" : "");
    put_raw(y + 2, 0, COLS, line, A_NORMAL);
    if (f->last_error) {
        int used = put_str(y + 3, 0, COLS, " last error: ", A_NORMAL);
        put_raw(y + 3, used, COLS - used, f->last_error, element_attr(&a->pal, EL_ERROR));
    } else {
        put_str(y + 3, 0, COLS, " last error: none", A_NORMAL);
    }
}

static int list_rows(void)
{
    int rows = LINES - 4 - DETAIL_ROWS; /* header, column names, status, hints */
    return rows < 1 ? 1 : rows;
}

static void draw_status_lines(const struct app *a)
{
    char line[400];
    int n = snprintf(line, sizeof line, " %zu feed%s", a->feeds->n, a->feeds->n == 1 ? "" : "s");
    if (a->fetch_status[0] && n > 0)
        snprintf(line + n, sizeof line - (size_t)n, " | %s", a->fetch_status);
    attr_t at = element_attr(&a->pal, EL_STATUS);
    fill_row(LINES - 2, 0, COLS, at);
    int used = put_raw(LINES - 2, 0, COLS, line, at);
    const char *msg = a->feeds->err[0] ? a->feeds->err : a->msg;
    if (msg[0]) {
        put_str(LINES - 2, used, COLS - used, " | ", at);
        bool error = a->feeds->err[0] || a->msg_is_error;
        put_raw(LINES - 2, used + 3, COLS - used - 3, msg,
                error ? element_attr(&a->pal, EL_ERROR) | A_REVERSE : at);
    }
    static const struct key_hint shown[] = {{ACT_OPEN, "its articles"},
                                            {ACT_FETCH, "fetch this feed"},
                                            {ACT_DOWN, "move"},
                                            {ACT_QUIT, "back"}};
    char hints[200];
    keymap_hint_line(&a->keys, V_FEEDS, shown, sizeof shown / sizeof shown[0], hints, sizeof hints);
    put_str(LINES - 1, 0, COLS, hints, element_attr(&a->pal, EL_HINT));
}

static void draw_feeds_screen(struct app *a)
{
    struct feeds_view *v = a->feeds;
    if (store_data_version(a->s) != v->data_version)
        load_rows(a, v);
    attr_t title = element_attr(&a->pal, EL_FOCUS);
    fill_row(0, 0, COLS, title);
    put_str(0, 1, COLS - 1, "Feeds", title);
    char head[200];
    snprintf(head, sizeof head, " %-24s %-6s %7s  %-16s  %-14s %s", "name", "status", "items",
             "last fetch", "tags", "URL or last error");
    put_str(1, 0, COLS, head, A_BOLD);
    int rows = list_rows();
    if (v->n == 0)
        put_str(2, 1, COLS - 1, "no subscriptions: add one with sitrep feed add URL", A_NORMAL);
    for (int i = 0; i < rows && v->top + i < (long)v->n; i++)
        draw_row(a, &v->rows[v->top + i], 2 + i, v->top + i == v->sel);
    if (v->n)
        draw_detail(a, &v->rows[v->sel], 2 + rows);
    draw_status_lines(a);
}

/* ---- actions ---- */

/* The list filtered to the feed: its feed: term replaces the filter line's. */
static void show_feed_articles(struct app *a, const struct feed_row *f)
{
    const char *name = f->name ? f->name : f->url;
    if (strchr(name, '"')) {
        app_say(a, true, "this feed's name holds a quote: filter with feed:URL instead");
        name = f->url;
    }
    snprintf(a->filter, sizeof a->filter, "feed:\"%s\"", name);
    app_close_screen(a);
    app_reset_list_position(a);
    app_apply_filter(a);
}

static void move_selection(struct feeds_view *v, long delta)
{
    v->sel = view_move_within(v->sel, delta, (long)v->n);
    int rows = list_rows();
    if (v->sel < v->top)
        v->top = v->sel;
    if (v->sel >= v->top + rows)
        v->top = v->sel - rows + 1;
}

static bool feeds_action(struct app *a, enum action act, int key)
{
    struct feeds_view *v = a->feeds;
    long delta;
    if (view_motion(act, list_rows(), &delta)) {
        move_selection(v, delta);
        return true;
    }
    switch (act) {
    case ACT_QUIT:
    case ACT_BACK:
        app_close_screen(a);
        return true;
    case ACT_OPEN:
        if (v->n)
            show_feed_articles(a, &v->rows[v->sel]);
        return true;
    case ACT_FETCH:
        if (v->n)
            fetching_start(a, v->rows[v->sel].url, feed_row_label(&v->rows[v->sel]));
        return true;
    default:
        return false;
    }
}

static void close_feeds_screen(struct app *a)
{
    if (!a->feeds)
        return;
    store_feeds_free(a->feeds->rows, a->feeds->n);
    free(a->feeds);
    a->feeds = NULL;
}

static const char *describe_feeds(enum action act)
{
    switch (act) {
    case ACT_OPEN:
        return "the list of this feed's articles (filter feed:NAME)";
    case ACT_FETCH:
        return "fetch this feed in the background";
    case ACT_QUIT:
    case ACT_BACK:
        return "close the feeds";
    default:
        return NULL;
    }
}

const struct view_ops feeds_screen = {
    .title = "Feeds (F)",
    .id = V_FEEDS,
    .draw = draw_feeds_screen,
    .action = feeds_action,
    .close = close_feeds_screen,
    .describe = describe_feeds,
};
