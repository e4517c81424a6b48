/* view_events.c: the events list, one event's reports, and comparing two of them. */
#include "views/events.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/event.h"
#include "events/event_grouping.h"
#include "events/event_incr.h"
#include "store/corrections.h"
#include "store/event_filter.h"
#include "store/event_list.h"
#include "store/store.h"
#include "base/text.h"
#include "state.h"
#include "views/list.h"
#include "views/prompt.h"

/* One event of the list: its id and number of reports from the start, its stored columns
 * and killed range read when it is first shown, so that opening the list reads no event's
 * strings or figures beyond the first screen. */
struct ev_row {
    struct store_event_row e; /* e.id and e.n_reports always; the rest once loaded */
    bool loaded, summarised;
    struct ev_kind_summary killed;
};

struct events_view {
    struct store *store;
    const struct query *filter; /* the reader's: only events with a report it keeps */
    bool filtered;
    bool waiting; /* for a grouping running in the background */
    struct ev_row *rows;
    size_t n_rows;
    int sel, top, page;
    /* the open event */
    bool detail;
    struct ev_doc *reports;
    size_t n_reports;
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    int rsel;
    int64_t marked;
    struct compare_view *cmp;
    char message[160];
    const struct keymap *keys; /* the app's, for the hint lines; NULL: the defaults */
};

static void free_rows(struct events_view *v)
{
    for (size_t i = 0; i < v->n_rows; i++)
        store_event_row_clear(&v->rows[i].e);
    free(v->rows);
    v->rows = NULL;
    v->n_rows = 0;
}

static int id_order(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return x < y ? -1 : x > y;
}

/* Keeps the rows of the events with a report under the reader's filter. */
static int keep_filtered(struct events_view *v)
{
    v->filtered = v->filter && v->filter->where_len > 0;
    if (!v->filtered)
        return 0;
    int64_t *ids;
    char err[200];
    long n = store_event_ids_matching(v->store, v->filter, &ids, err, sizeof err);
    if (n < 0)
        return -1;
    size_t kept = 0;
    for (size_t i = 0; i < v->n_rows; i++) {
        struct ev_row *r = &v->rows[i];
        if (n > 0 && bsearch(&r->e.id, ids, (size_t)n, sizeof *ids, id_order))
            v->rows[kept++] = *r;
        else
            store_event_row_clear(&r->e);
    }
    v->n_rows = kept;
    free(ids);
    return 0;
}

static int load_rows(struct events_view *v)
{
    free_rows(v);
    struct store_event_key *keys;
    size_t n;
    int rc = store_event_order(v->store, &keys, &n);
    v->rows = n ? calloc(n, sizeof *v->rows) : NULL;
    for (size_t i = 0; v->rows && i < n; i++)
        v->rows[i].e = (struct store_event_row){.id = keys[i].id, .n_reports = keys[i].n_reports};
    if (v->rows)
        v->n_rows = n;
    else if (n)
        rc = -1;
    free(keys);
    if (rc == 0 && keep_filtered(v) < 0)
        rc = -1;
    if (v->sel >= (int)v->n_rows)
        v->sel = v->n_rows ? (int)v->n_rows - 1 : 0;
    return rc;
}

static int regroup(struct events_view *v)
{
    struct ev_options o;
    ev_options_default(&o);
    int rc = ev_options_load_corrections(&o, v->store);
    if (rc == 0)
        rc = ev_update_store(v->store, &o);
    ev_options_release(&o);
    return rc;
}

struct events_view *events_view_open(struct store *s, const struct query *filter, bool waiting,
                                     char *err, size_t errlen)
{
    struct events_view *v = calloc(1, sizeof *v);
    if (!v) {
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    v->store = s;
    v->filter = filter;
    v->marked = -1;
    v->waiting = waiting;
    if (waiting)
        return v;
    if ((events_fresh(s) != 1 && regroup(v) < 0) || load_rows(v) < 0) {
        snprintf(err, errlen, "cannot read the events of the collection");
        events_view_close(v);
        return NULL;
    }
    return v;
}

static void close_detail(struct events_view *v)
{
    ev_docs_free(v->reports, v->n_reports);
    v->reports = NULL;
    v->n_reports = 0;
    v->detail = false;
    compare_view_close(v->cmp);
    v->cmp = NULL;
}

int events_view_reload(struct events_view *v)
{
    v->waiting = false;
    close_detail(v);
    return load_rows(v); /* the selection stays where it was, within the new rows */
}

void events_view_wait(struct events_view *v)
{
    close_detail(v);
    free_rows(v);
    v->waiting = true;
}

void events_view_close(struct events_view *v)
{
    if (!v)
        return;
    close_detail(v);
    free_rows(v);
    free(v);
}

/* The row's stored columns, read the first time it is shown (the strings stay NULL when
 * the event cannot be read: it shows as undated and unlabelled). */
static struct ev_row *row_ready(struct events_view *v, struct ev_row *r)
{
    if (!r->loaded)
        store_event_row_get(v->store, r->e.id, &r->e);
    r->loaded = true;
    return r;
}

/* The killed range of the list row, from the killed figures of the event's reports alone
 * (a summary of one kind reads nothing else). */
static void summarise_row(struct events_view *v, struct ev_row *r)
{
    if (r->summarised)
        return;
    struct ev_doc *docs;
    size_t n;
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    memset(&r->killed, 0, sizeof r->killed);
    if (ev_load_event_kind(v->store, r->e.id, FIG_KILLED, &docs, &n) == 0) {
        const struct ev_doc **p = calloc(n + 1, sizeof *p);
        for (size_t i = 0; p && i < n; i++)
            p[i] = &docs[i];
        if (p) {
            ev_summarise(p, n, r->e.place, sum);
            r->killed = sum[FIG_KILLED];
        }
        free(p);
    }
    ev_docs_free(docs, n);
    r->summarised = true;
}

static void open_detail(struct events_view *v)
{
    if (v->sel < 0 || (size_t)v->sel >= v->n_rows)
        return;
    struct ev_row *r = row_ready(v, &v->rows[v->sel]);
    if (ev_load_event_reports(v->store, r->e.id, &v->reports, &v->n_reports) < 0)
        return;
    const struct ev_doc **p = calloc(v->n_reports + 1, sizeof *p);
    for (size_t i = 0; p && i < v->n_reports; i++)
        p[i] = &v->reports[i];
    if (p)
        ev_summarise(p, v->n_reports, r->e.place, v->sum);
    free(p);
    v->detail = true;
    v->rsel = 0;
}

/* ---- drawing ---- */

static int put_clean(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr)
{
    if (cols <= 0)
        return 0;
    char *c = text_sanitize(s ? s : "", s ? strlen(s) : 0);
    for (char *p = c; p && *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    int used = 0;
    size_t n = c ? text_prefix_fitting(c, strlen(c), cols, &used) : 0;
    wattron(w, attr);
    if (c)
        mvwaddnstr(w, y, x, c, (int)n);
    wattroff(w, attr);
    free(c);
    return used;
}

static void draw_list(struct events_view *v, WINDOW *w, int rows, int cols)
{
    put_clean(w, 0, 0,
              v->filtered ? "Events: reports of the same event grouped (under the filter)"
                          : "Events: reports of the same event grouped",
              cols, A_BOLD);
    v->page = rows - 2;
    if (v->sel < v->top)
        v->top = v->sel;
    if (v->sel >= v->top + v->page)
        v->top = v->sel - v->page + 1;
    if (!v->n_rows)
        put_clean(w, 1, 0,
                  v->filtered ? "no events under the filter"
                              : "no events (the collection is empty)",
                  cols, A_NORMAL);
    for (int r = 0; r < v->page; r++) {
        size_t i = (size_t)(v->top + r);
        if (i >= v->n_rows)
            break;
        struct ev_row *row = row_ready(v, &v->rows[i]);
        summarise_row(v, row);
        const struct store_event_row *e = &row->e;
        /* the range as the reports word it ("13 to dozens"), and whether they disagree */
        char killed[64] = "", range[40];
        if (row->killed.n_reports)
            snprintf(killed, sizeof killed, "killed %s%s",
                     ev_range_text(&row->killed, range, sizeof range),
                     row->killed.disagree ? ", disagree" : "");
        char line[512];
        /* C: the analyst's corrections shaped this event (its reasons say which) */
        bool corrected = e->reasons && strncmp(e->reasons, "corrected: ", 11) == 0;
        snprintf(line, sizeof line, "%c %-10.10s %2d rep  %-26s %s", corrected ? 'C' : ' ',
                 e->first_date ? e->first_date : "undated", e->n_reports, killed,
                 e->label ? e->label : "");
        put_clean(w, 1 + r, 0, line, cols, (int)i == v->sel ? A_REVERSE : A_NORMAL);
    }
}

static void draw_detail(struct events_view *v, WINDOW *w, int rows, int cols)
{
    const struct store_event_row *e = &row_ready(v, &v->rows[v->sel])->e;
    char line[512];
    snprintf(line, sizeof line, "%s  (%s%s%s, reports alike %.0f%%)", e->label ? e->label : "event",
             e->first_date ? e->first_date : "undated", e->last_date ? ".." : "",
             e->last_date ? e->last_date : "", e->score * 100);
    put_clean(w, 0, 0, line, cols, A_BOLD);
    put_clean(w, 1, 0, e->reasons ? e->reasons : "", cols, A_DIM);
    int y = 2;
    for (int k = 0; k < FIG_KIND_COUNT && y < rows - 3; k++) {
        const struct ev_kind_summary *s = &v->sum[k];
        if (!s->n_reports)
            continue;
        char range[40];
        snprintf(line, sizeof line, "%-10s range %s  conservative %ld  %zu report%s%s",
                 figure_kind_name((enum figure_kind)k), ev_range_text(s, range, sizeof range),
                 s->conservative, s->n_reports, s->n_reports == 1 ? "" : "s",
                 s->disagree ? "  DISAGREE" : "");
        put_clean(w, y++, 0, line, cols, s->disagree ? A_BOLD : A_NORMAL);
    }
    mvwhline(w, y++, 0, ACS_HLINE, cols);
    for (size_t i = 0; i < v->n_reports && y < rows - 1; i++, y++) {
        const struct ev_doc *d = &v->reports[i];
        snprintf(line, sizeof line, "%c #%lld %-10.10s %-12.12s %s", d->id == v->marked ? '*' : ' ',
                 (long long)d->id, d->date ? d->date : "undated", d->source ? d->source : "-",
                 d->title ? d->title : "");
        put_clean(w, y, 0, line, cols, (int)i == v->rsel ? A_REVERSE : A_NORMAL);
    }
}

void events_view_set_keys(struct events_view *v, const struct keymap *km)
{
    v->keys = km;
    if (v->cmp)
        compare_view_set_keys(v->cmp, km);
}

/* The last line: a message, or the keys of what can be done here as they are bound now. */
static void draw_hint_line(const struct events_view *v, WINDOW *w, int y, int cols)
{
    static const struct key_hint waiting[] = {
        {ACT_QUIT, "close (the grouping goes on and is kept)"}};
    static const struct key_hint detail[] = {
        {ACT_DOWN, "report"},      {ACT_OPEN, "read"},          {ACT_MARK, "mark"},
        {ACT_COMPARE, "compare"},  {ACT_MERGE_EVENTS, "merge"}, {ACT_SPLIT_REPORT, "split"},
        {ACT_MOVE_REPORT, "move"}, {ACT_DROP_FIGURE, "figure"}, {ACT_SET_DATE, "date"},
        {ACT_SET_PLACE, "place"},  {ACT_SET_KIND, "kind"},      {ACT_UNDO, "undo"},
        {ACT_QUIT, "back"}};
    static const struct key_hint list[] = {{ACT_DOWN, "move"}, {ACT_OPEN, "open"},
                                           {ACT_MARK, "mark"}, {ACT_MERGE_EVENTS, "merge"},
                                           {ACT_UNDO, "undo"}, {ACT_REGROUP, "regroup"},
                                           {ACT_QUIT, "close"}};
    char line[400];
    const struct keymap *km = v->keys ? v->keys : keymap_default();
    if (v->message[0])
        snprintf(line, sizeof line, "%s", v->message);
    else if (v->waiting)
        keymap_hint_line(km, V_EVENTS, waiting, 1, line, sizeof line);
    else if (v->detail)
        keymap_hint_line(km, V_EVENTS, detail, sizeof detail / sizeof detail[0], line, sizeof line);
    else
        keymap_hint_line(km, V_EVENTS, list, sizeof list / sizeof list[0], line, sizeof line);
    put_clean(w, y, 0, line, cols, A_REVERSE);
}

void events_view_draw(struct events_view *v, WINDOW *w)
{
    if (v->cmp) {
        compare_view_draw(v->cmp, w);
        return;
    }
    int rows, cols;
    getmaxyx(w, rows, cols);
    werase(w);
    if (rows < 4 || cols < 20) {
        put_clean(w, 0, 0, "too small", cols, A_BOLD);
        wnoutrefresh(w);
        return;
    }
    if (v->waiting)
        put_clean(w, 0, 0, "Events: grouping the collection's reports...", cols, A_BOLD);
    else if (v->detail)
        draw_detail(v, w, rows, cols);
    else
        draw_list(v, w, rows, cols);
    draw_hint_line(v, w, rows - 1, cols);
    wnoutrefresh(w);
}

/* ---- keys ---- */

static void compare_reports(struct events_view *v)
{
    if (v->n_reports < 2) {
        snprintf(v->message, sizeof v->message, "this event has one report");
        return;
    }
    int64_t b = v->reports[v->rsel].id;
    int64_t a = v->marked >= 0 && v->marked != b ? v->marked
                : v->rsel == 0                   ? v->reports[1].id
                                                 : v->reports[0].id;
    char err[160];
    v->cmp = compare_view_open(v->store, a, b, err, sizeof err);
    if (v->cmp)
        compare_view_set_keys(v->cmp, v->keys);
    if (!v->cmp)
        snprintf(v->message, sizeof v->message, "%s", err);
}

static enum view_key_result detail_action(struct events_view *v, enum action act)
{
    long delta;
    switch (act) {
    case ACT_QUIT:
    case ACT_BACK:
        close_detail(v);
        return VIEW_KEY_HANDLED;
    case ACT_OPEN:
        return v->n_reports ? VIEW_KEY_READ : VIEW_KEY_HANDLED;
    case ACT_MARK:
        if (v->n_reports) {
            int64_t id = v->reports[v->rsel].id;
            v->marked = v->marked == id ? -1 : id;
        }
        return VIEW_KEY_HANDLED;
    case ACT_COMPARE:
        compare_reports(v);
        return VIEW_KEY_HANDLED;
    default:
        if (!view_motion(act, v->page, &delta))
            return VIEW_KEY_UNHANDLED;
        v->rsel = view_move_within(v->rsel, delta, (long)v->n_reports);
        return VIEW_KEY_HANDLED;
    }
}

void events_view_say(struct events_view *v, const char *text)
{
    snprintf(v->message, sizeof v->message, "%s", text);
}

int64_t events_view_report(const struct events_view *v)
{
    return v->detail && v->n_reports ? v->reports[v->rsel].id : 0;
}

static enum view_key_result list_action(struct events_view *v, enum action act)
{
    long delta;
    switch (act) {
    case ACT_QUIT:
    case ACT_BACK:
        return VIEW_KEY_CLOSE;
    case ACT_OPEN:
        open_detail(v);
        return VIEW_KEY_HANDLED;
    case ACT_REGROUP:
        return VIEW_KEY_REGROUP;
    default:
        if (!view_motion(act, v->page, &delta))
            return VIEW_KEY_UNHANDLED;
        v->sel = view_move_within(v->sel, delta, (long)v->n_rows);
        return VIEW_KEY_HANDLED;
    }
}

bool events_view_comparing(const struct events_view *v)
{
    return v->cmp != NULL;
}

enum view_key_result events_view_action(struct events_view *v, enum action act)
{
    if (v->cmp) {
        if (compare_view_action(v->cmp, act) == VIEW_KEY_CLOSE) {
            compare_view_close(v->cmp);
            v->cmp = NULL;
        }
        return VIEW_KEY_HANDLED;
    }
    if (v->waiting)
        return act == ACT_QUIT || act == ACT_BACK ? VIEW_KEY_CLOSE : VIEW_KEY_HANDLED;
    return v->detail ? detail_action(v, act) : list_action(v, act);
}

/* ---- the analyst's corrections (store/corrections.h), made here, replayed at grouping ---- */

/* The report a correction names: the selected one in an event, else the selected event's
 * first; 0 when there is none. */
static int64_t selected_report(struct events_view *v)
{
    if (v->detail)
        return v->n_reports ? v->reports[v->rsel].id : 0;
    if (v->sel < 0 || (size_t)v->sel >= v->n_rows)
        return 0;
    struct ev_doc *docs;
    size_t n;
    int64_t id = 0;
    if (ev_load_event_reports(v->store, v->rows[v->sel].e.id, &docs, &n) == 0 && n > 0)
        id = docs[0].id;
    ev_docs_free(docs, n);
    return id;
}

static void regroup_events(struct app *a);

/* Stores c and groups again so that it shows. */
static void apply_correction(struct app *a, struct correction *c)
{
    char err[256] = "", what[300];
    if (corrections_add(a->s, c, err, sizeof err) < 0) {
        snprintf(a->ev->message, sizeof a->ev->message, "correction: %.140s", err);
        return;
    }
    correction_describe(c, what, sizeof what);
    regroup_events(a);
    snprintf(a->ev->message, sizeof a->ev->message, "corrected: %.120s (u undoes)", what);
}

static void undo_correction(struct app *a)
{
    struct correction c = {0};
    char what[300];
    int rc = corrections_undo_last(a->s, &c);
    if (rc <= 0) {
        snprintf(a->ev->message, sizeof a->ev->message,
                 rc == 0 ? "no correction to undo" : "undo failed");
        return;
    }
    correction_describe(&c, what, sizeof what);
    correction_clear(&c);
    regroup_events(a);
    snprintf(a->ev->message, sizeof a->ev->message, "undone: %.130s", what);
}

/* Merge and move name two reports: the selected one and the marked one. */
static void correct_two(struct app *a, enum correction_op op)
{
    struct events_view *v = a->ev;
    int64_t id = selected_report(v);
    if (v->marked <= 0 || !id || v->marked == id) {
        snprintf(v->message, sizeof v->message, "mark a report of the other event with m first");
        return;
    }
    struct correction c = {.op = op, .article = id, .other = v->marked};
    apply_correction(a, &c);
}

static bool is_iso_day(const char *t)
{
    static const char shape[] = "dddd-dd-dd";
    for (int i = 0; shape[i]; i++)
        if (shape[i] == 'd' ? t[i] < '0' || t[i] > '9' : t[i] != '-')
            return false;
    return t[10] == '\0';
}

static bool known_kind(const char *name)
{
    for (int k = 0; k < EVK_COUNT; k++)
        if (strcmp(ev_kind_name((enum ev_kind)k), name) == 0)
            return true;
    return false;
}

/* "killed" or "killed 24" into c; false when it is neither. */
static bool parse_figure(const char *text, struct correction *c)
{
    char kind[32];
    long n = FACT_NONE;
    int got = sscanf(text, "%31s %ld", kind, &n);
    int k = got >= 1 ? figure_kind_from_name(kind) : -1;
    if (k < 0 || (got == 2 && n < 0))
        return false;
    c->kind = (enum figure_kind)k;
    c->n = got == 2 ? n : FACT_NONE;
    return true;
}

static const char *parse_value(struct correction *c, const char *text)
{
    switch (c->op) {
    case CORR_DROP_FIGURE:
        return parse_figure(text, c) ? NULL : "say the kind and maybe the number: killed 24";
    case CORR_DATE:
        if (!is_iso_day(text))
            return "a date is YYYY-MM-DD";
        break;
    case CORR_KIND:
        if (!known_kind(text))
            return "not a kind of event (airstrike, bombing, clash, shelling, recapture, convoy, "
                   "kidnapping, execution)";
        break;
    default:
        if (!text[0])
            return "name the place";
        break;
    }
    if (c->op != CORR_DROP_FIGURE && !(c->value = strdup(text)))
        return "out of memory";
    return NULL;
}

void events_screen_correct(struct app *a, const char *text)
{
    if (!a->ev || !text[0])
        return;
    struct correction c = {.op = (enum correction_op)a->prompt_op, .article = a->prompt_article};
    const char *why = parse_value(&c, text);
    if (why)
        snprintf(a->ev->message, sizeof a->ev->message, "%s", why);
    else
        apply_correction(a, &c);
    correction_clear(&c);
}

static void ask_value(struct app *a, enum correction_op op)
{
    int64_t id = selected_report(a->ev);
    if (!id)
        return;
    a->prompt_op = op;
    prompt_view_open(a, PROMPT_CORRECT, id, NULL);
}

/* The correction keys; false for other actions, and while comparing or waiting. */
static bool correction_action(struct app *a, enum action act)
{
    struct events_view *v = a->ev;
    if (v->cmp || v->waiting)
        return false;
    static const enum correction_op asked[] = {[ACT_DROP_FIGURE] = CORR_DROP_FIGURE,
                                               [ACT_SET_DATE] = CORR_DATE,
                                               [ACT_SET_PLACE] = CORR_PLACE,
                                               [ACT_SET_KIND] = CORR_KIND};
    switch (act) {
    case ACT_MARK:
        if (v->detail)
            return false; /* the event's own marking */
        v->marked = selected_report(v);
        snprintf(v->message, sizeof v->message, "marked #%lld", (long long)v->marked);
        return true;
    case ACT_UNDO:
        undo_correction(a);
        return true;
    case ACT_MERGE_EVENTS:
    case ACT_MOVE_REPORT:
        correct_two(a, act == ACT_MERGE_EVENTS ? CORR_MERGE : CORR_MOVE);
        return true;
    case ACT_SPLIT_REPORT: {
        struct correction c = {.op = CORR_SPLIT, .article = selected_report(v)};
        if (c.article)
            apply_correction(a, &c);
        return true;
    }
    case ACT_DROP_FIGURE:
    case ACT_SET_DATE:
    case ACT_SET_PLACE:
    case ACT_SET_KIND:
        ask_value(a, asked[act]);
        return true;
    default:
        return false;
    }
}

/* ---- the events as a screen ---- */

/* Groups the collection on a background job; false when none can run. */
static bool start_grouping(struct app *a)
{
    if (a->headless || a->grouping)
        return a->grouping != NULL;
    a->grouping = event_grouping_start(a->s);
    return a->grouping != NULL;
}

bool events_screen_take_grouping(struct app *a)
{
    if (!a->grouping || !event_grouping_done(a->grouping))
        return false;
    char err[200] = "";
    int rc = event_grouping_finish(a->grouping, a->s, err, sizeof err);
    a->grouping = NULL;
    if (rc != 0)
        app_say(a, true, err);
    if (a->ev && events_view_reload(a->ev) != 0)
        app_say(a, true, "events: cannot read the events of the collection");
    return true;
}

void events_screen_open(struct app *a)
{
    char err[256] = "";
    bool waiting = a->grouping || (events_fresh(a->s) != 1 && start_grouping(a));
    a->ev = events_view_open(a->s, &a->q, waiting, err, sizeof err);
    if (a->ev)
        events_view_set_keys(a->ev, &a->keys);
    if (a->ev) {
        app_open_screen(a, &events_screen);
    } else {
        char m[290];
        snprintf(m, sizeof m, "events: %.200s", err);
        app_say(a, true, m);
    }
}

/* r: group again, in the background when a terminal is there. */
static void regroup_events(struct app *a)
{
    if (start_grouping(a)) {
        events_view_wait(a->ev);
        return;
    }
    struct ev_options o;
    ev_options_default(&o);
    if (ev_regroup_store(a->s, &o, NULL) != 0 || events_view_reload(a->ev) != 0)
        app_say(a, true, "events: regrouping failed");
}

/* Enter on a report: the reader's article, full screen (the events close). */
static void read_report(struct app *a, int64_t id)
{
    if (!list_pane_select_id(a->list, a->s, &a->q, id)) {
        char m[120];
        snprintf(m, sizeof m, "#%lld is not under the current filter (L clears it)", (long long)id);
        events_view_say(a->ev, m);
        return;
    }
    app_close_screen(a);
    a->list->sel_id = id;
    app_mark_read(a, id);
    app_open_full_screen(a);
}

static void draw_events_screen(struct app *a)
{
    events_view_draw(a->ev, stdscr);
    if (!a->msg[0])
        return;
    /* what a line opened over it said (the export line's result) */
    fill_row(LINES - 1, 0, COLS, A_NORMAL);
    put_raw(LINES - 1, 0, COLS, a->msg,
            a->msg_is_error ? element_attr(&a->pal, EL_ERROR) | A_REVERSE : A_NORMAL);
}

static bool events_screen_action(struct app *a, enum action act, int key)
{
    a->ev->message[0] = '\0'; /* a message lasts until the next key */
    if (correction_action(a, act))
        return true;
    switch (events_view_action(a->ev, act)) {
    case VIEW_KEY_CLOSE:
        app_close_screen(a);
        return true;
    case VIEW_KEY_REGROUP:
        regroup_events(a);
        return true;
    case VIEW_KEY_READ:
        read_report(a, events_view_report(a->ev));
        return true;
    case VIEW_KEY_HANDLED:
        return true;
    default:
        return false;
    }
}

/* A comparison opened from an event reads the compare screen's keys. */
static enum view_id events_screen_keymap(const struct app *a)
{
    return events_view_comparing(a->ev) ? V_COMPARE : V_EVENTS;
}

static void close_events_screen(struct app *a)
{
    events_view_close(a->ev);
    a->ev = NULL;
}

static const char *describe_events(enum action act)
{
    switch (act) {
    case ACT_QUIT:
    case ACT_BACK:
        return "back: comparison, then event, then close the events";
    case ACT_OPEN:
        return "the event's reports and where their figures differ";
    case ACT_MARK:
        return "mark a report (in the list: the event's first) to compare, merge or move to";
    case ACT_UNDO:
        return "take back the newest correction";
    case ACT_COMPARE:
        return "compare the marked report (else the first) with this one";
    default:
        return NULL;
    }
}

const struct view_ops events_screen = {
    .title = "Events (E)",
    .id = V_EVENTS,
    .draw = draw_events_screen,
    .action = events_screen_action,
    .keymap = events_screen_keymap,
    .close = close_events_screen,
    .describe = describe_events,
};
