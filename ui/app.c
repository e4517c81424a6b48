/* app.c: the curses reader (issue 4). It owns the screen, the layout of the panes, the
 * filter (location, search and the filter line, compiled by query.c into one WHERE clause
 * with bound values), the modes (help, picker, prompts, compare and events views) and the
 * key loop; each pane draws itself (list_pane, article_pane, timeline, picker). */
#include "app.h"

#include <locale.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <curses.h>

#include "actions.h"
#include "views/article.h"
#include "read/article.h"
#include "store/background.h"
#include "config.h"
#include "draw.h"
#include "events/event.h"
#include "events/event_grouping.h"
#include "views/list.h"
#include "views/picker.h"
#include "store/query.h"
#include "script.h"
#include "store/article_view.h"
#include "store/store.h"
#include "base/text.h"
#include "views/timeline.h"
#include "base/trace.h"
#include "views/compare.h"
#include "views/events.h"

enum { MIN_COLS = 40, MIN_LINES = 10, DEFAULT_FACTS_WIDTH = 30 };
enum mode {
    MODE_MAIN,
    MODE_HELP,
    MODE_PICKER,
    MODE_SEARCH,
    MODE_FILTER,
    MODE_COMPARE,
    MODE_EVENTS
};

struct app {
    struct store *s;
    const struct ui_options *opt;
    bool headless, quit;
    struct keymap keys;
    struct palette pal;
    struct ui_settings set;
    enum layout layout, layout_before_open;
    enum view_id focus;
    enum mode mode;
    /* the filter: a place from the picker, search words, the filter line */
    int64_t place_id;
    char place_name[160], search[256], filter[256];
    struct query q;
    struct list_pane list;
    struct article_pane art;
    struct timeline tl;
    struct picker pick;
    struct rect panes[N_VIEWS]; /* content areas at the last paint (h 0: hidden) */
    char input[256];
    char msg[300];
    bool msg_is_error;
    int help_top;
    struct compare_view *cv;
    struct events_view *ev;
    double filter_started; /* for SITREP_TRACE: when the filter last changed, else 0 */
    /* the picker's places, counted in the background after the first paint */
    struct bg_job *places_job;
    struct picker places_loading;
    struct event_grouping *grouping; /* events grouped in the background, or NULL */
    int64_t data_version;            /* of the collection when last read (follow_collection) */
    /* articles opened while another process held the write lock, marked read later */
    int64_t unmarked[32];
    int n_unmarked;
};

/* How often an idle reader looks whether the collection changed. */
enum { FOLLOW_MS = 1000 };

static void say(struct app *a, bool error, const char *text)
{
    snprintf(a->msg, sizeof a->msg, "%s", text);
    a->msg_is_error = error;
}

/* ---- the filter ---- */

/* Compiles place, search and filter line into a->q; refreshes what depends on it. */
static void apply_filter(struct app *a)
{
    char err[200] = "";
    if (trace_enabled())
        a->filter_started = trace_clock_ms();
    query_free(&a->q);
    query_init(&a->q);
    if (a->place_id)
        query_add_place(&a->q, a->place_id);
    if (a->search[0])
        query_add_words(&a->q, a->search);
    if (a->filter[0] && query_parse(&a->q, a->filter, err, sizeof err) != 0) {
        char m[260];
        snprintf(m, sizeof m, "filter: %s", err);
        say(a, true, m);
        a->filter[0] = '\0';
    }
    if (list_pane_count(&a->list, a->s, &a->q, err, sizeof err) != 0)
        say(a, true, err);
    timeline_invalidate(&a->tl);
    a->tl.sel = a->tl.top = 0;
}

static void reset_list_position(struct app *a)
{
    a->list.sel = a->list.top = 0;
}

/* ---- layout ---- */

/* Content areas (below each pane's header row) for the current layout and size. */
static void layout_panes(struct app *a)
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

static bool pane_shown(const struct app *a, enum view_id v)
{
    return a->panes[v].h > 0 && a->panes[v].w > 0;
}

static void pane_header(const struct app *a, enum view_id v, const char *title)
{
    const struct rect *r = &a->panes[v];
    attr_t at = element_attr(&a->pal, a->focus == v ? EL_FOCUS : EL_TITLE);
    fill_row(r->y - 1, r->x, r->w, at);
    put_raw(r->y - 1, r->x + 1, r->w - 1, title, at);
}

/* ---- drawing ---- */

static void draw_list(struct app *a)
{
    char title[64];
    snprintf(title, sizeof title, "Articles (%lld)", (long long)a->list.count);
    pane_header(a, V_LIST, title);
    list_pane_draw(&a->list, a->s, &a->q, &a->panes[V_LIST], &a->pal);
}

static void draw_article(struct app *a)
{
    const struct rect *r = &a->panes[V_ARTICLE];
    int facts_w = pane_shown(a, V_FACTS) ? a->panes[V_FACTS].w - 1 : DEFAULT_FACTS_WIDTH;
    article_pane_load(&a->art, a->s, a->list.sel_id, r->w - 2, facts_w);
    char title[460];
    snprintf(title, sizeof title, "Article%s%s", a->art.id ? "  " : "",
             a->art.id ? a->art.meta : "");
    pane_header(a, V_ARTICLE, title);
    struct rect text = {r->y, r->x + 1, r->h, r->w - 2};
    article_pane_draw_text(&a->art, &text, &a->pal);
}

/* Scripts load the timeline at once, so that their screens are the same every run; a
 * terminal loads it in the background and draws it when it arrives. */
static void start_timeline(struct app *a)
{
    if (!a->headless && timeline_load_async(&a->tl, a->s, &a->q) == 0)
        return;
    char err[200];
    double started = trace_clock_ms();
    if (timeline_load(&a->tl, a->s, &a->q, err, sizeof err) != 0)
        say(a, true, err);
    trace_span("timeline-load", started);
}

static void draw_side_panes(struct app *a)
{
    const struct rect *f = &a->panes[V_FACTS];
    for (int y = f->y - 1; y < LINES - 2; y++)
        mvaddch(y, f->x - 1, '|');
    pane_header(a, V_FACTS, "Facts");
    struct rect fr = {f->y, f->x + 1, f->h, f->w - 1};
    article_pane_draw_facts(&a->art, &fr, &a->pal, a->focus == V_FACTS);
    char title[40];
    snprintf(title, sizeof title, "Timeline (%s)", zoom_name(a->tl.zoom));
    pane_header(a, V_TIMELINE, title);
    if (!a->tl.loaded && !timeline_pending(&a->tl))
        start_timeline(a);
    const struct rect *t = &a->panes[V_TIMELINE];
    struct rect tr = {t->y, t->x + 1, t->h, t->w - 1};
    timeline_draw(&a->tl, &tr, &a->pal, a->focus == V_TIMELINE);
}

static void draw_status(struct app *a)
{
    char line[1400];
    const char *db = a->opt->db_path ? a->opt->db_path : "sitrep";
    const char *base = strrchr(db, '/');
    int n = snprintf(line, sizeof line, " %s | %lld article%s", base ? base + 1 : db,
                     (long long)a->list.count, a->list.count == 1 ? "" : "s");
    if (a->place_id)
        n += snprintf(line + n, sizeof line - (size_t)n, " | place: %s", a->place_name);
    if (a->search[0])
        n += snprintf(line + n, sizeof line - (size_t)n, " | search: %s", a->search);
    if (a->filter[0])
        snprintf(line + n, sizeof line - (size_t)n, " | filter: %s", a->filter);
    attr_t at = element_attr(&a->pal, EL_STATUS);
    fill_row(LINES - 2, 0, COLS, at);
    int used = put_raw(LINES - 2, 0, COLS, line, at);
    if (a->msg[0]) {
        put_str(LINES - 2, used, COLS - used, " | ", at);
        put_raw(LINES - 2, used + 3, COLS - used - 3, a->msg,
                a->msg_is_error ? element_attr(&a->pal, EL_ERROR) | A_REVERSE : at);
    }
}

/* The hint line: the main actions with the keys they are bound to now. */
static void draw_hints(struct app *a)
{
    static const struct {
        enum action act;
        const char *label;
    } shown[] = {{ACT_QUIT, "quit"},       {ACT_FOCUS_NEXT, "pane"}, {ACT_LAYOUT, "layout"},
                 {ACT_LOCATION, "place"},  {ACT_FILTER, "filter"},   {ACT_SEARCH, "search"},
                 {ACT_NEXT_FACT, "fact"},  {ACT_ZOOM, "zoom"},       {ACT_MARK, "mark"},
                 {ACT_COMPARE, "compare"}, {ACT_EVENTS, "events"},   {ACT_HELP, "help"}};
    char line[400] = "";
    size_t used = 0;
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        char keys[64];
        keymap_describe(&a->keys, V_LIST, shown[i].act, keys, sizeof keys);
        char *space = strchr(keys, ' ');
        if (space)
            *space = '\0';
        if (!keys[0])
            continue;
        int w = snprintf(line + used, sizeof line - used, "%s%s %s", used ? "  " : "", keys,
                         shown[i].label);
        if (w < 0 || (size_t)w >= sizeof line - used)
            break;
        used += (size_t)w;
    }
    put_str(LINES - 1, 0, COLS, line, element_attr(&a->pal, EL_HINT));
}

static void draw_main(struct app *a)
{
    layout_panes(a);
    if (pane_shown(a, V_LIST))
        draw_list(a);
    else
        list_pane_resolve(&a->list, a->s, &a->q);
    if (pane_shown(a, V_ARTICLE))
        draw_article(a);
    if (pane_shown(a, V_FACTS))
        draw_side_panes(a);
    draw_status(a);
    if (a->mode == MODE_SEARCH || a->mode == MODE_FILTER) {
        char prompt[300];
        snprintf(prompt, sizeof prompt, "%s%s",
                 a->mode == MODE_SEARCH ? "/" : "filter: ", a->input);
        move(LINES - 1, 0);
        clrtoeol();
        put_raw(LINES - 1, 0, COLS, prompt, A_NORMAL);
    } else {
        draw_hints(a);
    }
}

/* ---- help ---- */

static const char *const help_tail[] = {
    "",
    "Filter line (f): all terms must hold",
    "  place:Anbar              at the place or inside it",
    "  actor:\"Islamic State\"    naming the actor (any alias)",
    "  killed>=10 wounded>5     the article's own figure (headline or lede first)",
    "  since:2016-06 until:2016-07   publication date (year, month or day)",
    "  source:Reuters read:no   outlet; read or unread",
    "  other words              full-text search; \"quoted phrases\"",
    "",
    "Config: $XDG_CONFIG_HOME/sitrep/config (bind VIEW KEY ACTION, color ELEMENT FG BG,",
    "set layout four|two|article, set zoom day|week|month); see sitrep(1).",
};

/* One line per action: its keys now (after the config), its name, what it does. */
static int help_line(const struct app *a, int i, char *out, size_t cap)
{
    if (i == 0)
        return snprintf(out, cap, "sitrep - keys (j/k scroll, any other key closes)");
    if (i == 1)
        return snprintf(out, cap, "%s", "");
    i -= 2;
    if (i < ACT_COUNT) {
        const struct action_info *ai = &action_table[i];
        enum view_id v = V_LIST;
        while (v < N_VIEWS - 1 && !(ai->views & (1 << v)))
            v++;
        char keys[64];
        keymap_describe(&a->keys, v, (enum action)i, keys, sizeof keys);
        return snprintf(out, cap, "  %-14s %-13s %s", keys[0] ? keys : "(unbound)", ai->name,
                        ai->help);
    }
    i -= ACT_COUNT;
    if (i < (int)(sizeof help_tail / sizeof help_tail[0]))
        return snprintf(out, cap, "%s", help_tail[i]);
    return -1;
}

static int help_lines(const struct app *a)
{
    char buf[200];
    int n = 0;
    while (help_line(a, n, buf, sizeof buf) >= 0)
        n++;
    return n;
}

static void draw_help(struct app *a)
{
    char buf[200];
    for (int row = 0; row < LINES; row++) {
        int i = row == 0 ? 0 : a->help_top + row;
        if (help_line(a, i, buf, sizeof buf) < 0)
            break;
        put_str(row, 1, COLS - 1, buf, row == 0 ? A_BOLD : A_NORMAL);
    }
}

static void key_help(struct app *a, int key)
{
    enum action act = keymap_lookup(&a->keys, V_ARTICLE, key);
    int last = help_lines(a) - LINES;
    if (act == ACT_DOWN || act == ACT_PAGE_DOWN)
        a->help_top += act == ACT_DOWN ? 1 : LINES - 2;
    else if (act == ACT_UP || act == ACT_PAGE_UP)
        a->help_top -= act == ACT_UP ? 1 : LINES - 2;
    else
        a->mode = MODE_MAIN;
    if (a->help_top > last)
        a->help_top = last;
    if (a->help_top < 0)
        a->help_top = 0;
}

/* ---- the location picker ---- */

static void draw_picker(struct app *a)
{
    put_str(0, 0, COLS, "Location (type any spelling, Up/Down choose, Enter applies, Esc cancels)",
            A_BOLD);
    char prompt[300];
    snprintf(prompt, sizeof prompt, "> %s", a->pick.input);
    put_raw(1, 0, COLS, prompt, A_NORMAL);
    struct rect r = {2, 1, LINES - 2, COLS - 1};
    picker_draw(&a->pick, &r, &a->pal);
}

static int load_places(struct store *s, void *arg, char *err, size_t errlen)
{
    return picker_load(arg, s, err, errlen);
}

static void start_places(struct app *a)
{
    a->places_job = bg_start(a->s, load_places, &a->places_loading, "places-load");
}

/* Takes the places counted in the background: at once when wait is set (the picker is
 * opening), else only when they are ready. A failed count is left to picker_open. */
static void take_places(struct app *a, bool wait)
{
    if (!a->places_job || (!wait && !bg_done(a->places_job)))
        return;
    char err[200];
    if (bg_finish(a->places_job, err, sizeof err) == 0 && !a->pick.v)
        picker_adopt(&a->pick, &a->places_loading);
    a->places_job = NULL;
    picker_close(&a->places_loading);
}

static void open_picker(struct app *a)
{
    char err[200] = "";
    take_places(a, true);
    if (picker_open(&a->pick, a->s, err, sizeof err) != 0) {
        say(a, true, err);
        return;
    }
    a->mode = MODE_PICKER;
}

/* Edits a prompt line; returns 1 on Enter, -1 on Esc, 0 otherwise. */
static int edit_input(char *buf, size_t cap, int key)
{
    size_t n = strlen(buf);
    if (key == '\n' || key == '\r' || key == KEY_ENTER)
        return 1;
    if (key == KEY_ESCAPE)
        return -1;
    if (key == KEY_BACKSPACE || key == 127 || key == 8) {
        while (n > 0 && ((unsigned char)buf[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > 0)
            n--;
        buf[n] = '\0';
    } else if (key == KEY_CTRL('u')) {
        buf[0] = '\0';
    } else if (key >= 32 && key < 256 && key != 127 && n + 1 < cap) {
        buf[n] = (char)key;
        buf[n + 1] = '\0';
    }
    return 0;
}

static void choose_place(struct app *a)
{
    const struct pick *k = picker_selected(&a->pick);
    if (!k)
        return;
    a->place_id = k->id;
    snprintf(a->place_name, sizeof a->place_name, "%s", k->name);
    reset_list_position(a);
    apply_filter(a);
}

static void key_picker(struct app *a, int key)
{
    if (key == KEY_DOWN || key == KEY_UP || key == KEY_NPAGE || key == KEY_PPAGE) {
        long page = LINES > 4 ? LINES - 3 : 1;
        picker_move(&a->pick, key == KEY_DOWN    ? 1
                              : key == KEY_UP    ? -1
                              : key == KEY_NPAGE ? page
                                                 : -page);
        return;
    }
    int done = edit_input(a->pick.input, sizeof a->pick.input, key);
    if (done > 0)
        choose_place(a);
    if (done != 0) {
        a->mode = MODE_MAIN;
    } else {
        picker_narrow(&a->pick);
    }
}

/* ---- the search and filter prompts ---- */

static void key_prompt(struct app *a, int key)
{
    int done = edit_input(a->input, sizeof a->input, key);
    if (done < 0) {
        a->mode = MODE_MAIN;
        return;
    }
    if (done == 0)
        return;
    if (a->mode == MODE_FILTER) {
        struct query trial;
        char err[200];
        query_init(&trial);
        int rc = query_parse(&trial, a->input, err, sizeof err);
        query_free(&trial);
        if (rc != 0) { /* the prompt stays open with the text, to be corrected */
            char m[260];
            snprintf(m, sizeof m, "filter: %s", err);
            say(a, true, m);
            return;
        }
        snprintf(a->filter, sizeof a->filter, "%s", a->input);
    } else {
        snprintf(a->search, sizeof a->search, "%s", a->input);
    }
    a->mode = MODE_MAIN;
    reset_list_position(a);
    apply_filter(a);
}

/* ---- actions in the panes ---- */

static int rows_of(const struct app *a, enum view_id v)
{
    return a->panes[v].h > 1 ? a->panes[v].h : 1;
}

static void motion(struct app *a, long delta)
{
    switch (a->focus) {
    case V_LIST:
        list_pane_move(&a->list, delta);
        break;
    case V_ARTICLE:
        article_pane_scroll(&a->art, delta, rows_of(a, V_ARTICLE));
        break;
    case V_FACTS:
        article_pane_select_fact(&a->art, delta, rows_of(a, V_FACTS));
        break;
    default:
        timeline_move(&a->tl, delta, rows_of(a, V_TIMELINE));
        break;
    }
}

static long page(const struct app *a)
{
    int rows = rows_of(a, a->focus);
    return rows > 2 ? rows - 1 : 1;
}

static void cycle_focus(struct app *a, int dir)
{
    layout_panes(a);
    for (int i = 0; i < N_VIEWS; i++) {
        a->focus = (enum view_id)((a->focus + dir + N_VIEWS) % N_VIEWS);
        if (pane_shown(a, a->focus))
            return;
    }
}

static void set_layout(struct app *a, enum layout l)
{
    a->layout = l;
    layout_panes(a);
    if (!pane_shown(a, a->focus))
        a->focus = l == LAYOUT_ARTICLE ? V_ARTICLE : V_LIST;
}

static void open_full_screen(struct app *a)
{
    if (a->layout != LAYOUT_ARTICLE)
        a->layout_before_open = a->layout;
    set_layout(a, LAYOUT_ARTICLE);
    a->focus = V_ARTICLE;
}

static void close_full_screen(struct app *a)
{
    set_layout(a, a->layout_before_open == LAYOUT_ARTICLE ? LAYOUT_FOUR : a->layout_before_open);
    a->focus = V_LIST;
}

/* Enter on a timeline row: the row's main report, at the figure's sentence. */
static void open_timeline_entry(struct app *a)
{
    int64_t id;
    int sentence;
    if (!timeline_selected_report(&a->tl, &id, &sentence)) {
        say(a, false, "no report on that row");
        return;
    }
    if (!list_pane_select_id(&a->list, a->s, &a->q, id))
        return;
    a->list.sel_id = id;
    layout_panes(a);
    article_pane_load(&a->art, a->s, id, a->panes[V_ARTICLE].w - 2,
                      pane_shown(a, V_FACTS) ? a->panes[V_FACTS].w - 1 : DEFAULT_FACTS_WIDTH);
    article_pane_goto_sentence(&a->art, sentence, EL_FIGURE);
    a->focus = V_ARTICLE;
}

/* Marks an article read without waiting: an import holding the write lock must not
 * freeze the screen. A mark that could not be written is kept and tried again while the
 * reader idles (retry_read_marks). */
static bool try_mark_read(struct app *a, int64_t id)
{
    /* only a held lock is worth another try (an article deleted since is not) */
    return store_set_read_now(a->s, id, true) != 1;
}

static void mark_read(struct app *a, int64_t id)
{
    if (try_mark_read(a, id))
        return;
    if (a->n_unmarked < (int)(sizeof a->unmarked / sizeof a->unmarked[0]))
        a->unmarked[a->n_unmarked++] = id;
}

static void retry_read_marks(struct app *a)
{
    int kept = 0;
    for (int i = 0; i < a->n_unmarked; i++)
        if (!try_mark_read(a, a->unmarked[i]))
            a->unmarked[kept++] = a->unmarked[i];
    a->n_unmarked = kept;
}

static void open_selected(struct app *a)
{
    if (a->focus == V_LIST && a->list.sel_id) {
        mark_read(a, a->list.sel_id);
        open_full_screen(a);
    } else if (a->focus == V_FACTS) {
        article_pane_select_fact(&a->art, 0, rows_of(a, V_FACTS));
        a->focus = V_ARTICLE;
    } else if (a->focus == V_TIMELINE) {
        open_timeline_entry(a);
    }
}

static void go_back(struct app *a)
{
    if (a->layout == LAYOUT_ARTICLE) {
        close_full_screen(a);
    } else if (a->place_id) {
        a->place_id = 0;
        reset_list_position(a);
        apply_filter(a);
    }
}

static void clear_filters(struct app *a)
{
    a->place_id = 0;
    a->search[0] = a->filter[0] = '\0';
    reset_list_position(a);
    apply_filter(a);
}

static void toggle_read(struct app *a)
{
    char err[200];
    if (a->list.sel_id && store_toggle_read(a->s, a->list.sel_id, err, sizeof err) != 0)
        say(a, true, err);
}

static void open_compare(struct app *a)
{
    if (!a->list.marked || !a->list.sel_id || a->list.marked == a->list.sel_id) {
        say(a, false, "mark an article with m, select another, then c");
        return;
    }
    char err[256] = "";
    a->cv = compare_view_open(a->s, a->list.marked, a->list.sel_id, err, sizeof err);
    if (a->cv) {
        a->mode = MODE_COMPARE;
    } else {
        char m[290];
        snprintf(m, sizeof m, "compare: %.200s", err);
        say(a, true, m);
    }
}

/* Groups the collection on a background job; false when none can run. */
static bool start_grouping(struct app *a)
{
    if (a->headless || a->grouping)
        return a->grouping != NULL;
    a->grouping = event_grouping_start(a->s);
    return a->grouping != NULL;
}

/* Saves a finished grouping and shows it if the events view waits for it. */
static bool take_grouping(struct app *a)
{
    if (!a->grouping || !event_grouping_done(a->grouping))
        return false;
    char err[200] = "";
    int rc = event_grouping_finish(a->grouping, a->s, err, sizeof err);
    a->grouping = NULL;
    if (rc != 0)
        say(a, true, err);
    if (a->ev && events_view_reload(a->ev) != 0)
        say(a, true, "events: cannot read the events of the collection");
    return true;
}

static void open_events(struct app *a)
{
    char err[256] = "";
    bool waiting = a->grouping || (events_fresh(a->s) != 1 && start_grouping(a));
    a->ev = events_view_open(a->s, waiting, err, sizeof err);
    if (a->ev) {
        a->mode = MODE_EVENTS;
    } else {
        char m[290];
        snprintf(m, sizeof m, "events: %.200s", err);
        say(a, true, m);
    }
}

/* r in the events view: group again, in the background when a terminal is there. */
static void regroup_events(struct app *a)
{
    if (start_grouping(a)) {
        events_view_wait(a->ev);
        return;
    }
    struct ev_options o;
    ev_options_default(&o);
    if (ev_regroup_store(a->s, &o, NULL) != 0 || events_view_reload(a->ev) != 0)
        say(a, true, "events: regrouping failed");
}

static void step_fact(struct app *a, int dir)
{
    if (!article_pane_step_fact(&a->art, dir, rows_of(a, V_ARTICLE)))
        say(a, false, dir > 0 ? "no further fact" : "no earlier fact");
}

static void start_prompt(struct app *a, enum mode m, const char *initial)
{
    a->mode = m;
    snprintf(a->input, sizeof a->input, "%s", initial);
}

static void do_action(struct app *a, enum action act)
{
    switch (act) {
    case ACT_QUIT:
        if (a->layout == LAYOUT_ARTICLE && a->layout_before_open != LAYOUT_ARTICLE)
            close_full_screen(a);
        else
            a->quit = true;
        break;
    case ACT_QUIT_NOW:
        a->quit = true;
        break;
    case ACT_HELP:
        a->mode = MODE_HELP;
        a->help_top = 0;
        break;
    case ACT_FOCUS_NEXT:
    case ACT_FOCUS_PREV:
        cycle_focus(a, act == ACT_FOCUS_NEXT ? 1 : -1);
        break;
    case ACT_LAYOUT:
        set_layout(a, (enum layout)((a->layout + 1) % N_LAYOUTS));
        a->layout_before_open = a->layout;
        break;
    case ACT_DOWN:
    case ACT_UP:
        motion(a, act == ACT_DOWN ? 1 : -1);
        break;
    case ACT_PAGE_DOWN:
    case ACT_PAGE_UP:
        motion(a, act == ACT_PAGE_DOWN ? page(a) : -page(a));
        break;
    case ACT_TOP:
    case ACT_BOTTOM:
        motion(a, act == ACT_BOTTOM ? 1000000000L : -1000000000L);
        break;
    case ACT_OPEN:
        open_selected(a);
        break;
    case ACT_BACK:
        go_back(a);
        break;
    case ACT_NEXT_FACT:
    case ACT_PREV_FACT:
        step_fact(a, act == ACT_NEXT_FACT ? 1 : -1);
        break;
    case ACT_LOCATION:
        open_picker(a);
        break;
    case ACT_CLEAR_FILTER:
        clear_filters(a);
        break;
    case ACT_SEARCH:
        start_prompt(a, MODE_SEARCH, "");
        break;
    case ACT_FILTER:
        start_prompt(a, MODE_FILTER, a->filter[0] ? a->filter : "");
        if (a->filter[0])
            strncat(a->input, " ", sizeof a->input - strlen(a->input) - 1);
        break;
    case ACT_ZOOM:
        a->tl.zoom = (enum zoom)((a->tl.zoom + 1) % N_ZOOMS);
        timeline_invalidate(&a->tl);
        a->tl.sel = a->tl.top = 0;
        break;
    case ACT_TOGGLE_READ:
        toggle_read(a);
        break;
    case ACT_MARK:
        a->list.marked = a->list.marked == a->list.sel_id ? 0 : a->list.sel_id;
        break;
    case ACT_COMPARE:
        open_compare(a);
        break;
    case ACT_EVENTS:
        open_events(a);
        break;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        break;
    default:
        break;
    }
}

/* ---- keys and the screen ---- */

static void close_views(struct app *a)
{
    if (a->cv)
        compare_view_close(a->cv);
    if (a->ev)
        events_view_close(a->ev);
    a->cv = NULL;
    a->ev = NULL;
    a->mode = MODE_MAIN;
}

static void handle_key(struct app *a, int key)
{
    if (key == KEY_RESIZE || key == ERR)
        return;
    if (a->mode != MODE_PICKER)
        a->msg[0] = '\0';
    switch (a->mode) {
    case MODE_HELP:
        key_help(a, key);
        break;
    case MODE_PICKER:
        key_picker(a, key);
        break;
    case MODE_SEARCH:
    case MODE_FILTER:
        key_prompt(a, key);
        break;
    case MODE_COMPARE:
        if (compare_view_key(a->cv, key) == VIEW_KEY_CLOSE)
            close_views(a);
        break;
    case MODE_EVENTS:
        switch (events_view_key(a->ev, key)) {
        case VIEW_KEY_CLOSE:
            close_views(a);
            break;
        case VIEW_KEY_REGROUP:
            regroup_events(a);
            break;
        default:
            break;
        }
        break;
    default:
        do_action(a, keymap_lookup(&a->keys, a->focus, key));
        break;
    }
}

static void draw(struct app *a)
{
    erase();
    if (COLS < MIN_COLS || LINES < MIN_LINES) {
        put_str(0, 0, COLS, "terminal too small", A_BOLD);
        if (LINES > 1)
            put_str(1, 0, COLS, "need 40x10", A_NORMAL);
    } else if (a->mode == MODE_HELP) {
        draw_help(a);
    } else if (a->mode == MODE_PICKER) {
        draw_picker(a);
    } else if (a->mode == MODE_COMPARE && a->cv) {
        compare_view_draw(a->cv, stdscr);
    } else if (a->mode == MODE_EVENTS && a->ev) {
        events_view_draw(a->ev, stdscr);
    } else {
        draw_main(a);
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

/* The pane under a screen position, or N_VIEWS. */
static enum view_id pane_at(const struct app *a, int y, int x)
{
    for (int v = 0; v < N_VIEWS; v++) {
        const struct rect *r = &a->panes[v];
        if (r->h > 0 && y >= r->y - 1 && y < r->y + r->h && x >= r->x && x < r->x + r->w)
            return (enum view_id)v;
    }
    return N_VIEWS;
}

/* A click focuses the pane under it (and picks the list row); the wheel scrolls it. */
static void handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || a->mode != MODE_MAIN)
        return;
    enum view_id v = pane_at(a, ev.y, ev.x);
    if (v == N_VIEWS)
        return;
    a->focus = v;
    if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        motion(a, ev.bstate & BUTTON4_PRESSED ? -3 : 3);
    } else if ((ev.bstate & BUTTON1_CLICKED) && v == V_LIST && ev.y >= a->panes[V_LIST].y) {
        list_pane_move(&a->list, a->list.top + ev.y - a->panes[V_LIST].y - a->list.sel);
    } else if ((ev.bstate & BUTTON1_DOUBLE_CLICKED) && v == V_LIST) {
        open_selected(a);
    }
}

/* Takes a finished background timeline; true when the screen needs drawing. */
static bool poll_timeline(struct app *a)
{
    char err[200];
    take_places(a, false);
    bool grouped = take_grouping(a);
    int rc = timeline_poll(&a->tl, err, sizeof err);
    if (rc < 0)
        say(a, true, err);
    return rc != 0 || grouped;
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
    int64_t keep = a->list.sel_id;
    int64_t before = a->list.count;
    int tl_sel = a->tl.sel, tl_top = a->tl.top;
    apply_filter(a);
    a->tl.sel = tl_sel; /* the timeline reloads where the reader was in it */
    a->tl.top = tl_top;
    if (keep)
        list_pane_select_id(&a->list, a->s, &a->q, keep);
    /* a count under way is of the old collection; the picker counts afresh when it opens
     * (not at every commit: an import commits faster than 100,000 articles are counted) */
    if (a->mode != MODE_PICKER) {
        if (a->places_job)
            bg_cancel(a->places_job);
        a->places_job = NULL;
        picker_close(&a->places_loading);
        picker_close(&a->pick);
    }
    if (a->list.count != before) {
        char m[120];
        snprintf(m, sizeof m, "the collection changed: %lld article%s shown",
                 (long long)a->list.count, a->list.count == 1 ? "" : "s");
        say(a, false, m);
    }
    return true;
}

static void run_terminal(struct app *a)
{
    bool dirty = true;
    draw(a);
    trace_mark("first-paint");
    start_places(a);
    a->data_version = store_data_version(a->s);
    while (!a->quit) {
        if (dirty)
            draw(a);
        /* while the timeline or the places load, wake up now and then to take them; else
         * every FOLLOW_MS to see whether another process changed the collection */
        timeout(timeline_pending(&a->tl) || a->places_job || a->grouping ? 50 : FOLLOW_MS);
        int key = getch();
        dirty = poll_timeline(a);
        if (key == ERR) {
            retry_read_marks(a);
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
        say(a, true, m);
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

static void free_app(struct app *a)
{
    close_views(a);
    article_pane_free(&a->art);
    timeline_free(&a->tl);
    if (a->places_job)
        bg_cancel(a->places_job);
    if (a->grouping)
        event_grouping_cancel(a->grouping);
    picker_close(&a->places_loading);
    picker_release(&a->pick);
    query_free(&a->q);
    free(a);
}

int ui_run(struct store *s, const struct ui_options *opt)
{
    static const struct ui_options none = {0};
    struct app *a = calloc(1, sizeof *a);
    if (!a)
        return 1;
    a->s = s;
    /* The reader reads a page of rows and indexes; the import's 32 MB cache would only
     * hold pages of article text it has shown once. */
    store_set_cache_kib(s, 8192);
    a->opt = opt ? opt : &none;
    a->headless = a->opt->script_path != NULL;
    trace_init();
    article_pane_init(&a->art);
    query_init(&a->q);
    load_config(a);
    a->layout = a->layout_before_open = a->set.layout;
    a->tl.zoom = a->set.zoom;
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
    apply_filter(a);
    a->filter_started = 0; /* the first paint is traced as such */
    int rc = 0;
    if (a->headless) {
        struct script_host host = {a, host_key, host_draw, host_done};
        rc = script_run(a->opt->script_path, a->opt->dump_path, &host);
    } else {
        run_terminal(a);
    }
    endwin();
    if (scr)
        delscreen(scr);
    if (devnull)
        fclose(devnull);
    free_app(a);
    return rc;
}
