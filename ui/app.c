/* app.c: the curses reader's loop (issue 4): the screen, the layout of the main screen's
 * panes, the filter (location, search and the filter line, compiled by query.c into one
 * WHERE clause with bound values), and dispatch: a key becomes an action in the current
 * view's keymap and goes to that view (view.h); on the main screen the actions the
 * focused pane does not take are the app's. */
#include "app.h"

#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "base/text.h"
#include "base/trace.h"
#include "edits.h"
#include "state.h"
#include "events/event_grouping.h"
#include "fetching.h"
#include "order_index.h"
#include "script.h"
#include "session.h"
#include "store/article_view.h"
#include "store/background.h"
#include "store/list_window.h"
#include "store/place_counts.h"
#include "store/store.h"
#include "views/article.h"
#include "views/compare.h"
#include "views/events.h"
#include "views/export.h"
#include "views/feeds.h"
#include "views/help.h"
#include "views/list.h"
#include "views/map.h"
#include "views/picker.h"
#include "views/prompt.h"
#include "views/timeline.h"

enum { MIN_COLS = 40, MIN_LINES = 10 };

/* How often an idle reader looks whether the collection changed. */
enum { FOLLOW_MS = 1000 };
/* ...and how often while a fetch runs, for its progress and the articles it adds. */
enum { FETCH_POLL_MS = 200 };

/* The main screen's panes, by view id. */
static const struct view_ops *const panes[N_PANES] = {&list_view, &article_view, &facts_view,
                                                      &timeline_view};

void app_say(struct app *a, bool error, const char *text)
{
    snprintf(a->msg, sizeof a->msg, "%s", text);
    a->msg_is_error = error;
}

/* ---- the filter ---- */

/* No article matches: when a place: term names no place of the collection, say so rather
 * than show an empty list as if nothing happened there; when the place is known but no
 * report tells of events there, say that the reports naming it are one word away. */
static void say_unknown_place(struct app *a)
{
    const char *names[QUERY_MAX_PARAMS];
    enum place_meaning meanings[QUERY_MAX_PARAMS];
    int n = query_place_names(&a->q, names, meanings, QUERY_MAX_PARAMS);
    char m[300];
    for (int i = 0; i < n; i++) {
        if (store_place_named(a->s, names[i]))
            continue;
        snprintf(m, sizeof m, "%s: no place called \"%.120s\" in the collection (l lists them)",
                 meanings[i] == PLACE_MENTIONS ? "mentions" : "place", names[i]);
        app_say(a, true, m);
        return;
    }
    for (int i = 0; i < n; i++) {
        if (meanings[i] != PLACE_EVENTS || store_place_has_events(a->s, names[i]))
            continue;
        snprintf(m, sizeof m,
                 "place: no report of events at \"%.80s\"; mentions:\"%.80s\" keeps those "
                 "naming it",
                 names[i], names[i]);
        app_say(a, true, m);
        return;
    }
}

void app_apply_filter(struct app *a)
{
    char err[200] = "";
    if (trace_enabled())
        a->filter_started = trace_clock_ms();
    query_free(&a->q);
    query_init(&a->q);
    if (a->place_id)
        query_add_place(&a->q, a->place_id, a->place_meaning);
    if (a->search[0])
        query_add_words(&a->q, a->search);
    if (a->filter[0] && query_parse(&a->q, a->filter, err, sizeof err) != 0) {
        char m[260];
        snprintf(m, sizeof m, "filter: %s", err);
        app_say(a, true, m);
        a->filter[0] = '\0';
    }
    if (list_pane_count(a->list, a->s, &a->q, err, sizeof err) != 0)
        app_say(a, true, err);
    else if (a->list->count == 0)
        say_unknown_place(a);
    timeline_invalidate(a->tl);
    a->tl->sel = a->tl->top = 0;
}

/* An order whose index is not there yet (place, date added) is indexed in the background
 * and taken when that is done, the list keeping its order meanwhile; a script, or a
 * read-only collection, lists it at once (making the index, or sorting every row). */
static bool index_order_first(struct app *a, int sort)
{
    enum store_list_order o = (enum store_list_order)sort;
    if (a->headless || store_is_read_only(a->s) || store_list_order_ready(a->s, o))
        return false;
    if (!a->order_job && !(a->order_job = order_index_start(a->s, o)))
        return false;
    if (order_index_order(a->order_job) != o)
        return false; /* another order's index is being made: this one is listed at once */
    a->order_wanted = sort;
    char m[160];
    snprintf(m, sizeof m,
             "order by %s: indexing the collection for it (once); the list "
             "keeps its order until then",
             store_list_order_name(o));
    app_say(a, false, m);
    return true;
}

void app_set_sort(struct app *a, int sort)
{
    sort = sort >= 0 && sort < N_LIST_ORDERS ? sort : LIST_BY_DATE;
    a->order_wanted = -1;
    if (sort != a->sort && index_order_first(a, sort))
        return;
    int64_t keep = a->list->sel_id;
    a->sort = sort;
    store_list_set_order(a->s, (enum store_list_order)a->sort);
    app_apply_filter(a);
    if (!keep || !list_pane_select_id(a->list, a->s, &a->q, keep))
        app_reset_list_position(a);
}

void app_reset_list_position(struct app *a)
{
    a->list->sel = a->list->top = 0;
}

/* ---- layout ---- */

/* Content areas (below each pane's header row) for the current layout and size. */
void app_layout_panes(struct app *a)
{
    int body = LINES - 2, cols = COLS;
    memset(a->panes, 0, sizeof a->panes);
    if (a->layout == LAYOUT_ARTICLE) {
        a->panes[V_ARTICLE] = (struct rect){1, 0, body - 1, cols};
        return;
    }
    int list_h = body * 2 / 5 < 4 ? 4 : body * 2 / 5;
    a->panes[V_LIST] = (struct rect){1, 0, list_h - 1, cols};
    int rest = body - list_h;
    if (a->layout == LAYOUT_TWO) {
        a->panes[V_ARTICLE] = (struct rect){list_h + 1, 0, rest - 1, cols};
        return;
    }
    int art_w = cols * 3 / 5, side_w = cols - art_w - 1, facts_h = rest * 3 / 5;
    a->panes[V_ARTICLE] = (struct rect){list_h + 1, 0, rest - 1, art_w};
    a->panes[V_FACTS] = (struct rect){list_h + 1, art_w + 1, facts_h - 1, side_w};
    a->panes[V_TIMELINE] =
        (struct rect){list_h + facts_h + 1, art_w + 1, rest - facts_h - 1, side_w};
}

bool app_pane_shown(const struct app *a, enum view_id v)
{
    return v < N_PANES && a->panes[v].h > 0 && a->panes[v].w > 0;
}

int app_rows_of(const struct app *a, enum view_id v)
{
    return v < N_PANES && a->panes[v].h > 1 ? a->panes[v].h : 1;
}

void app_pane_header(const struct app *a, enum view_id v, const char *title)
{
    const struct rect *r = &a->panes[v];
    attr_t at = element_attr(&a->pal, a->focus == v ? EL_FOCUS : EL_TITLE);
    fill_row(r->y - 1, r->x, r->w, at);
    put_raw(r->y - 1, r->x + 1, r->w - 1, title, at);
}

void app_events_correct(struct app *a, const char *text)
{
    events_screen_correct(a, text);
}

int app_find_in_article(struct app *a, const char *words)
{
    return article_pane_find(a->art, words, app_rows_of(a, V_ARTICLE));
}

void app_reload_article(struct app *a)
{
    a->art->id = 0; /* the pane reads an article again only when the id changes */
}

void app_select_article(struct app *a, int64_t id)
{
    list_pane_select_id(a->list, a->s, &a->q, id);
}

void app_load_article(struct app *a, int64_t id)
{
    int facts_w = app_pane_shown(a, V_FACTS) ? a->panes[V_FACTS].w - 1 : DEFAULT_FACTS_WIDTH;
    article_pane_load(a->art, a->s, id, a->panes[V_ARTICLE].w - 2, facts_w);
}

/* ---- drawing ---- */

/* An error takes the status line whole, and the lines around it when it needs them (the
 * hint line, or above the status line under a prompt, which has the last): cut at the
 * width, "killed needs a number, e…" said nothing about what to write. */
enum { ERROR_LINES = 3 };

static void draw_error(struct app *a, bool prompt_open)
{
    attr_t at = element_attr(&a->pal, EL_ERROR) | A_REVERSE;
    char line[sizeof a->msg + 2];
    snprintf(line, sizeof line, " %s", a->msg);
    size_t start[ERROR_LINES], len[ERROR_LINES], at_byte = 0, total = strlen(line);
    int n = 0;
    while (at_byte < total && n < ERROR_LINES) {
        int used = 0;
        size_t fit = text_prefix_fitting(line + at_byte, total - at_byte, COLS, &used);
        size_t cut = fit; /* wrap at the last blank when there is one */
        while (at_byte + fit < total && cut > 0 && line[at_byte + cut] != ' ')
            cut--;
        if (cut == 0)
            cut = fit ? fit : total - at_byte;
        start[n] = at_byte;
        len[n++] = cut;
        at_byte += cut;
    }
    int bottom = n > 1 && !prompt_open ? LINES - 1 : LINES - 2;
    for (int i = 0; i < n; i++) {
        int y = bottom - (n - 1) + i;
        fill_row(y, 0, COLS, at);
        put_bytes(y, 0, COLS, line + start[i], len[i], at);
    }
}

/* Appends to the status line; a line that no longer fits is cut, never overrun. */
static void status_append(char *line, size_t cap, size_t *n, const char *fmt, ...)
{
    if (*n + 1 >= cap)
        return;
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(line + *n, cap - *n, fmt, ap);
    va_end(ap);
    if (w > 0)
        *n = *n + (size_t)w < cap ? *n + (size_t)w : cap - 1;
}

static void draw_status(struct app *a)
{
    char line[1400];
    size_t n = 0;
    line[0] = '\0';
    const char *db = a->opt->db_path ? a->opt->db_path : "sitrep";
    const char *base = strrchr(db, '/');
    char count[32];
    list_pane_count_text(a->list, count, sizeof count);
    status_append(line, sizeof line, &n, " %s | %s article%s%s", base ? base + 1 : db, count,
                  a->list->count == 1 && !list_pane_counting(a->list) ? "" : "s",
                  list_pane_counting(a->list) ? ", counting" : "");
    if (a->place_id)
        status_append(line, sizeof line, &n, " | place: %s, %s", a->place_name,
                      a->place_meaning == PLACE_MENTIONS ? "any mention" : "events there");
    if (a->search[0])
        status_append(line, sizeof line, &n, " | search: %s", a->search);
    if (a->filter[0])
        status_append(line, sizeof line, &n, " | filter: %s", a->filter);
    if (a->fetch_status[0])
        status_append(line, sizeof line, &n, " | %s", a->fetch_status);
    if (a->sort != LIST_BY_DATE)
        status_append(line, sizeof line, &n, " | by %s",
                      store_list_order_name((enum store_list_order)a->sort));
    if (a->order_wanted >= 0)
        status_append(line, sizeof line, &n, " | by %s next: indexing",
                      store_list_order_name((enum store_list_order)a->order_wanted));
    if (a->art->find[0] && app_pane_shown(a, V_ARTICLE))
        status_append(line, sizeof line, &n, " | find: %s %d/%d", a->art->find, a->art->hit + 1,
                      a->art->n_hits);
    attr_t at = element_attr(&a->pal, EL_STATUS);
    fill_row(LINES - 2, 0, COLS, at);
    int used = put_raw(LINES - 2, 0, COLS, line, at);
    if (a->msg[0]) {
        put_str(LINES - 2, used, COLS - used, " | ", at);
        put_raw(LINES - 2, used + 3, COLS - used - 3, a->msg, at);
    }
}

/* The hint line: the main actions with the keys they are bound to now. */
static void draw_hints(struct app *a)
{
    static const struct key_hint shown[] = {
        {ACT_QUIT, "quit"},       {ACT_FOCUS_NEXT, "pane"}, {ACT_LAYOUT, "layout"},
        {ACT_LOCATION, "place"},  {ACT_FILTER, "filter"},   {ACT_SEARCH, "search"},
        {ACT_NEXT_FACT, "fact"},  {ACT_ZOOM, "zoom"},       {ACT_MARK, "mark"},
        {ACT_COMPARE, "compare"}, {ACT_EVENTS, "events"},   {ACT_HELP, "help"}};
    char line[400];
    keymap_hint_line(&a->keys, V_LIST, shown, sizeof shown / sizeof shown[0], line, sizeof line);
    put_str(LINES - 1, 0, COLS, line, element_attr(&a->pal, EL_HINT));
}

void app_draw_main(struct app *a)
{
    app_layout_panes(a);
    if (!app_pane_shown(a, V_LIST))
        list_pane_resolve(a->list, a->s, &a->q);
    for (int v = 0; v < N_PANES; v++)
        if (app_pane_shown(a, (enum view_id)v))
            panes[v]->draw(a);
    draw_status(a);
    draw_hints(a);
    if (a->msg[0] && a->msg_is_error)
        draw_error(a, a->screen == &prompt_view);
}

/* ---- screens over the main one ---- */

/* Help, the prompt and the export line open over a screen and go back to it (the events
 * view asks for a correction's value through the prompt). */
static bool returns_to_under(const struct view_ops *v)
{
    return v == &help_view || v == &prompt_view || v == &export_view;
}

void app_open_screen(struct app *a, const struct view_ops *v)
{
    a->under = returns_to_under(v) ? a->screen : NULL;
    a->screen = v;
}

void app_close_screen(struct app *a)
{
    const struct view_ops *closing = a->screen;
    a->screen = returns_to_under(closing) ? a->under : NULL;
    a->under = NULL;
    if (closing && closing->close)
        closing->close(a);
}

/* ---- the main screen's own actions ---- */

static void cycle_focus(struct app *a, int dir)
{
    app_layout_panes(a);
    for (int i = 0; i < N_PANES; i++) {
        a->focus = (enum view_id)((a->focus + dir + N_PANES) % N_PANES);
        if (app_pane_shown(a, a->focus))
            return;
    }
}

static void set_layout(struct app *a, enum layout l)
{
    a->layout = l;
    app_layout_panes(a);
    if (!app_pane_shown(a, a->focus))
        a->focus = l == LAYOUT_ARTICLE ? V_ARTICLE : V_LIST;
}

void app_open_full_screen(struct app *a)
{
    if (a->layout != LAYOUT_ARTICLE)
        a->layout_before_open = a->layout;
    set_layout(a, LAYOUT_ARTICLE);
    a->focus = V_ARTICLE;
}

/* Marks read without waiting for the write lock: an import holding it must not freeze the
 * screen. Only a held lock is worth another try (an article deleted since is not). */
static bool try_mark_read(struct app *a, int64_t id)
{
    return store_set_read_now(a->s, id, true) != 1;
}

void app_mark_read(struct app *a, int64_t id)
{
    if (try_mark_read(a, id))
        return;
    if (a->n_unmarked < (int)(sizeof a->unmarked / sizeof a->unmarked[0]))
        a->unmarked[a->n_unmarked++] = id;
}

void app_retry_read_marks(struct app *a)
{
    int kept = 0;
    for (int i = 0; i < a->n_unmarked; i++)
        if (!try_mark_read(a, a->unmarked[i]))
            a->unmarked[kept++] = a->unmarked[i];
    a->n_unmarked = kept;
}

static void close_full_screen(struct app *a)
{
    set_layout(a, a->layout_before_open == LAYOUT_ARTICLE ? LAYOUT_FOUR : a->layout_before_open);
    a->focus = V_LIST;
}

static void go_back(struct app *a)
{
    if (a->layout == LAYOUT_ARTICLE) {
        close_full_screen(a);
    } else if (a->place_id) {
        a->place_id = 0;
        app_reset_list_position(a);
        app_apply_filter(a);
    }
}

static void clear_filters(struct app *a)
{
    a->place_id = 0;
    a->search[0] = a->filter[0] = '\0';
    app_reset_list_position(a);
    app_apply_filter(a);
}

static void step_fact(struct app *a, int dir)
{
    if (!article_pane_step_fact(a->art, dir, app_rows_of(a, V_ARTICLE)))
        app_say(a, false, dir > 0 ? "no further fact" : "no earlier fact");
}

static void open_filter_prompt(struct app *a)
{
    char initial[sizeof a->filter + 1];
    snprintf(initial, sizeof initial, "%s%s", a->filter, a->filter[0] ? " " : "");
    prompt_view_open_filter(a, initial);
}

/* m and c work on the selected article from any pane and layout (the article pane shows
 * the list's selection), and say what they did. */
static void mark_article(struct app *a)
{
    char m[120];
    if (!a->list->sel_id)
        return;
    if (a->list->marked == a->list->sel_id) {
        a->list->marked = 0;
        snprintf(m, sizeof m, "#%lld no longer marked", (long long)a->list->sel_id);
    } else {
        a->list->marked = a->list->sel_id;
        snprintf(m, sizeof m, "#%lld marked: select another article and press c to compare",
                 (long long)a->list->marked);
    }
    app_say(a, false, m);
}

static void compare_with_marked(struct app *a)
{
    if (!a->list->marked || !a->list->sel_id || a->list->marked == a->list->sel_id)
        app_say(a, false, "mark an article with m, select another, then c");
    else
        compare_screen_open(a, a->list->marked, a->list->sel_id);
}

/* Actions that mean the same on any screen. */
static bool anywhere_action(struct app *a, enum action act)
{
    switch (act) {
    case ACT_QUIT_NOW:
        a->quit = true;
        return true;
    case ACT_HELP:
        a->help_top = 0;
        app_open_screen(a, &help_view);
        return true;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return true;
    case ACT_EXPORT:
        export_view_open(a);
        return true;
    default:
        return false;
    }
}

static void main_action(struct app *a, enum action act)
{
    switch (act) {
    case ACT_QUIT:
        if (a->layout == LAYOUT_ARTICLE && a->layout_before_open != LAYOUT_ARTICLE)
            close_full_screen(a);
        else
            a->quit = true;
        break;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        cycle_focus(a, act == ACT_FOCUS_NEXT ? 1 : -1);
        break;
    case ACT_LAYOUT:
        set_layout(a, (enum layout)((a->layout + 1) % N_LAYOUTS));
        a->layout_before_open = a->layout;
        break;
    case ACT_BACK:
        go_back(a);
        break;
    case ACT_NEXT_FACT:
    case ACT_PREV_FACT:
        step_fact(a, act == ACT_NEXT_FACT ? 1 : -1);
        break;
    case ACT_LOCATION:
        picker_view_open(a);
        break;
    case ACT_CLEAR_FILTER:
        clear_filters(a);
        break;
    case ACT_SEARCH:
        prompt_view_open_search(a);
        break;
    case ACT_FILTER:
        open_filter_prompt(a);
        break;
    case ACT_ZOOM:
        a->tl->zoom = (enum zoom)((a->tl->zoom + 1) % N_ZOOMS);
        timeline_invalidate(a->tl);
        a->tl->sel = a->tl->top = 0;
        break;
    case ACT_EVENTS:
        events_screen_open(a);
        break;
    case ACT_FETCH:
        fetching_start(a, NULL, "every feed");
        break;
    case ACT_FEEDS:
        feeds_screen_open(a);
        break;
    case ACT_OPEN_LINK:
        fetching_open_link(a);
        break;
    case ACT_SORT: /* from the order asked for, even while it is being indexed */
        app_set_sort(a, ((a->order_wanted >= 0 ? a->order_wanted : a->sort) + 1) % N_LIST_ORDERS);
        break;
    case ACT_SAVED_FILTERS:
        prompt_view_open(a, PROMPT_SAVED, 0, NULL);
        break;
    case ACT_TAG:
    case ACT_DELETE:
        if (a->list->sel_id)
            prompt_view_open(a, act == ACT_TAG ? PROMPT_TAG : PROMPT_DELETE, a->list->sel_id, NULL);
        break;
    case ACT_UNDO:
        edits_undo(a);
        break;
    case ACT_MAP:
        map_screen_open(a);
        break;
    case ACT_MARK:
        mark_article(a);
        break;
    case ACT_COMPARE:
        compare_with_marked(a);
        break;
    default:
        anywhere_action(a, act);
        break;
    }
}

/* ---- keys and the screen ---- */

static void close_screens(struct app *a)
{
    while (a->screen)
        app_close_screen(a);
}

static void handle_key(struct app *a, int key)
{
    if (key == KEY_RESIZE || key == ERR) {
        const struct view_ops *v = a->screen ? a->screen : panes[a->focus];
        if (key == KEY_RESIZE && v->resize)
            v->resize(a);
        return;
    }
    if (a->screen != &picker_view)
        a->msg[0] = '\0';
    const struct view_ops *v = a->screen ? a->screen : panes[a->focus];
    enum view_id keymap = v->keymap ? v->keymap(a) : v->id;
    enum action act = keymap_lookup(&a->keys, keymap, key);
    if (v->action(a, act, key))
        return;
    if (a->screen)
        anywhere_action(a, act);
    else
        main_action(a, act);
}

static void draw(struct app *a)
{
    erase();
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        put_str(0, 0, COLS, "terminal too small", A_BOLD);
        if (LINES > 1)
            put_str(1, 0, COLS, "need 40x10", A_NORMAL);
    } else if (a->screen) {
        a->screen->draw(a);
    } else {
        app_draw_main(a);
    }
    if (a->headless)
        wnoutrefresh(stdscr);
    else
        refresh();
    if (a->filter_started > 0) {
        trace_span("filter", a->filter_started);
        a->filter_started = 0;
    }
}

/* The pane under a screen position, or N_PANES. */
static enum view_id pane_at(const struct app *a, int y, int x)
{
    for (int v = 0; v < N_PANES; v++) {
        const struct rect *r = &a->panes[v];
        if (r->h > 0 && y >= r->y - 1 && y < r->y + r->h && x >= r->x && x < r->x + r->w)
            return (enum view_id)v;
    }
    return N_PANES;
}

/* A click focuses the pane under it (and picks the list row); the wheel scrolls it. */
static void handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || a->screen)
        return;
    enum view_id v = pane_at(a, ev.y, ev.x);
    if (v == N_PANES)
        return;
    a->focus = v;
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        for (int i = 0; i < 3; i++)
            panes[v]->action(a, ev.bstate & BUTTON4_PRESSED ? ACT_UP : ACT_DOWN, 0);
    } else if ((ev.bstate & BUTTON1_CLICKED) && v == V_LIST && ev.y > a->panes[V_LIST].y) {
        /* the pane's first row holds the column headings */
        list_pane_move(a->list, a->list->top + ev.y - a->panes[V_LIST].y - 1 - a->list->sel);
    } else if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) && v == V_LIST) {
        panes[v]->action(a, ACT_OPEN, 0);
    }
}

/* Takes an order's finished index: the order, if it is still the one asked for. */
static bool take_order_index(struct app *a)
{
    if (!a->order_job || !order_index_done(a->order_job))
        return false;
    char err[300];
    int indexed = order_index_order(a->order_job);
    int rc = order_index_finish(a->order_job, err, sizeof err);
    a->order_job = NULL;
    if (rc != 0)
        app_say(a, true, err);
    else if (a->order_wanted == indexed)
        app_set_sort(a, indexed);
    a->order_wanted = -1;
    return true;
}

/* Takes a finished background timeline, places, grouping or index; true when the screen
 * needs drawing. */
static bool poll_background(struct app *a)
{
    char err[200];
    bool counted = picker_view_take_counted(a, false) && a->screen == &picker_view;
    bool grouped = events_screen_take_grouping(a);
    grouped |= fetching_poll(a);
    int list_counted = list_pane_take_count(a->list, false, err, sizeof err);
    if (list_counted < 0)
        app_say(a, true, err);
    int rc = timeline_poll(a->tl, err, sizeof err);
    if (rc < 0)
        app_say(a, true, err);
    bool ordered = take_order_index(a);
    return rc != 0 || counted || list_counted != 0 || grouped || ordered;
}

/* For SITREP_TRACE: "key-NAME MS" from a key to the screen it leads to. */
static void trace_key(int key, double started)
{
    if (!trace_enabled())
        return;
    char label[24], name[40];
    key_label(key, label, sizeof label);
    snprintf(name, sizeof name, "key-%s", label);
    trace_span(name, started);
}

/* ---- following the collection ---- */

/* When another process has changed the collection (an import running beside the reader),
 * reads it again: the list under the same filter with the same article selected, the
 * timeline, and the picker's places the next time it opens. */
static bool follow_collection(struct app *a)
{
    int64_t v = store_data_version(a->s);
    if (v < 0 || v == a->data_version)
        return false;
    a->data_version = v;
    int64_t keep = a->list->sel_id;
    int64_t before = a->list->count;
    int tl_sel = a->tl->sel, tl_top = a->tl->top;
    app_apply_filter(a);
    a->tl->sel = tl_sel; /* the timeline reloads where the reader was in it */
    a->tl->top = tl_top;
    if (keep)
        list_pane_select_id(a->list, a->s, &a->q, keep);
    /* a count under way is of the old collection; the picker counts afresh when it opens
     * (not at every commit: an import commits faster than 100,000 articles are counted) */
    if (a->screen != &picker_view)
        picker_view_forget(a);
    if (a->list->count != before) {
        char m[120], count[32];
        list_pane_count_text(a->list, count, sizeof count);
        snprintf(m, sizeof m, "the collection changed: %s article%s shown", count,
                 a->list->count == 1 && !list_pane_counting(a->list) ? "" : "s");
        app_say(a, false, m);
    }
    return true;
}

static void run_terminal(struct app *a)
{
    bool dirty = true;
    draw(a);
    trace_mark("first-paint");
    picker_view_start_counting(a);
    a->data_version = store_data_version(a->s);
    while (!a->quit) {
        if (dirty)
            draw(a);
        /* while the timeline or the places load, wake up now and then to take them; else
         * every FOLLOW_MS to see whether another process changed the collection */
        timeout(timeline_pending(a->tl) || a->places_job || a->grouping ||
                        list_pane_counting(a->list) || a->order_job
                    ? 50
                : a->fetch ? FETCH_POLL_MS
                           : FOLLOW_MS);
        int key = getch();
        dirty = poll_background(a);
        if (key == ERR) {
            app_retry_read_marks(a);
            dirty |= follow_collection(a);
            continue;
        }
        double started = trace_clock_ms();
        if (key == KEY_MOUSE)
            handle_mouse(a);
        else
            handle_key(a, key);
        draw(a);
        dirty = false;
        trace_key(key, started);
    }
}

/* ---- the headless host for scripts ---- */

static void host_key(void *ctx, int key)
{
    handle_key(ctx, key);
}

static void host_draw(void *ctx)
{
    draw(ctx);
}

static bool host_done(void *ctx)
{
    return ((struct app *)ctx)->quit;
}

/* ---- setup ---- */

/* The terminal the reader draws on. ncurses' own initscr would print its error and exit
 * without a word of what to do; the reader says what is wrong instead. */
static SCREEN *open_terminal(void)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fputs("sitrep: the reader needs a terminal (for text output see sitrep list, sitrep "
              "show and sitrep --help)\n",
              stderr);
        return NULL;
    }
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        const char *term = getenv("TERM");
        char *shown = text_display_name(term && *term ? term : "(unset)");
        fprintf(stderr,
                "sitrep: cannot draw on terminal type %.60s: set TERM to one this system knows "
                "(for example TERM=xterm-256color)\n",
                shown ? shown : "?");
        free(shown);
    }
    return scr;
}

static SCREEN *open_screen(struct app *a, FILE **devnull)
{
    if (!a->headless)
        return open_terminal();
    char num[16];
    int lines = a->opt->lines > 0 ? a->opt->lines : 30;
    int cols = a->opt->cols > 0 ? a->opt->cols : 100;
    snprintf(num, sizeof num, "%d", lines);
    setenv("LINES", num, 1);
    snprintf(num, sizeof num, "%d", cols);
    setenv("COLUMNS", num, 1);
    *devnull = fopen("/dev/null", "w+");
    if (!*devnull)
        return NULL;
    SCREEN *scr = newterm("xterm", *devnull, *devnull);
    if (!scr)
        scr = newterm("vt100", *devnull, *devnull);
    if (scr)
        resizeterm(lines, cols);
    return scr;
}

static void load_config(struct app *a)
{
    keymap_defaults(&a->keys);
    palette_defaults(&a->pal);
    const char *no_colour = getenv("NO_COLOR");
    a->pal.colour = !(no_colour && *no_colour);
    char *path = config_default_path();
    if (!path)
        return;
    struct config_target t = {&a->keys, &a->pal, &a->set};
    char err[300] = "";
    int bad = config_load(&t, path, err, sizeof err);
    if (bad > 0) {
        char m[300];
        snprintf(m, sizeof m, "%.250s%s", err, bad > 1 ? " (and more)" : "");
        app_say(a, true, m);
    }
    free(path);
}

static void start_screen(struct app *a)
{
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    palette_apply(&a->pal);
    if (!a->headless)
        mousemask(BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
                  NULL);
}

static bool alloc_panes(struct app *a)
{
    a->list = calloc(1, sizeof *a->list);
    a->art = calloc(1, sizeof *a->art);
    a->tl = calloc(1, sizeof *a->tl);
    a->pick = calloc(1, sizeof *a->pick);
    a->places_loading = calloc(1, sizeof *a->places_loading);
    return a->list && a->art && a->tl && a->pick && a->places_loading;
}

static void free_app(struct app *a)
{
    fetching_stop(a);
    close_screens(a);
    if (a->s)
        edits_forget(a);
    if (a->order_job)
        order_index_cancel(a->order_job);
    if (a->list)
        list_pane_release(a->list);
    if (a->art)
        article_pane_free(a->art);
    if (a->tl)
        timeline_free(a->tl);
    if (a->places_job)
        bg_cancel(a->places_job);
    if (a->grouping)
        event_grouping_cancel(a->grouping);
    if (a->places_loading)
        picker_close(a->places_loading);
    if (a->pick)
        picker_release(a->pick);
    query_free(&a->q);
    free(a->list);
    free(a->art);
    free(a->tl);
    free(a->pick);
    free(a->places_loading);
    free(a);
}

int ui_run(struct store *s, const struct ui_options *opt)
{
    static const struct ui_options none = {0};
    struct app *a = calloc(1, sizeof *a);
    if (!a)
        return 1;
    if (!alloc_panes(a)) {
        free_app(a);
        return 1;
    }
    a->s = s;
    /* The reader reads a page of rows and indexes; the import's 32 MB cache would only
     * hold pages of article text it has shown once. */
    store_set_cache_kib(s, 8192);
    a->opt = opt ? opt : &none;
    a->headless = a->opt->script_path != NULL;
    a->list->in_foreground = a->headless;
    a->order_wanted = -1;
    trace_init();
    article_pane_init(a->art);
    query_init(&a->q);
    load_config(a);
    a->layout = a->layout_before_open = a->set.layout;
    a->tl->zoom = a->set.zoom;
    a->sort = a->set.sort;
    a->focus = a->layout == LAYOUT_ARTICLE ? V_ARTICLE : V_LIST;
    if (!setlocale(LC_ALL, "") || !strstr(setlocale(LC_CTYPE, NULL), "UTF"))
        setlocale(LC_CTYPE, "C.UTF-8");
    FILE *devnull = NULL;
    SCREEN *scr = open_screen(a, &devnull);
    if (!scr) {
        if (a->headless)
            fputs("sitrep: cannot start the headless screen\n", stderr);
        if (devnull)
            fclose(devnull);
        free_app(a);
        return 1;
    }
    start_screen(a);
    session_restore(a, a->opt->db_path);
    store_list_set_order(a->s, (enum store_list_order)a->sort);
    app_apply_filter(a);
    session_select(a);
    a->filter_started = 0; /* the first paint is traced as such */
    int rc = 0;
    if (a->headless) {
        struct script_host host = {a, host_key, host_draw, host_done};
        rc = script_run(a->opt->script_path, a->opt->dump_path, &host);
    } else {
        run_terminal(a);
    }
    session_save(a, a->opt->db_path);
    endwin();
    if (scr)
        delscreen(scr);
    if (devnull)
        fclose(devnull);
    free_app(a);
    return rc;
}
