/* timeline.c: rows of reported killed and wounded by day, week or month. */
#include "views/timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "base/trace.h"
#include "store/background.h"
#include "store/timeline_rows.h"
#include "views/article.h"
#include "views/list.h"

const char *zoom_name(enum zoom z)
{
    static const char *const names[N_ZOOMS] = {"day", "week", "month"};
    return z < N_ZOOMS ? names[z] : "?";
}

/* What a background load reads and returns. */
struct timeline_job {
    struct bg_job *bg;
    struct query q;
    enum zoom zoom;
    struct timeline_row *rows;
    int n;
};

static void job_free(struct timeline_job *job)
{
    free(job->rows);
    query_free(&job->q);
    free(job);
}

void timeline_invalidate(struct timeline *t)
{
    if (t->job) {
        bg_cancel(t->job->bg);
        job_free(t->job);
        t->job = NULL;
    }
    free(t->rows);
    t->rows = NULL;
    t->n = 0;
    t->loaded = false;
}

void timeline_free(struct timeline *t)
{
    timeline_invalidate(t);
}

static void take_rows(struct timeline *t, struct timeline_row *rows, int n)
{
    free(t->rows);
    t->rows = rows;
    t->n = n;
    t->loaded = true;
    if (t->sel >= t->n)
        t->sel = t->n > 0 ? t->n - 1 : 0;
}

int timeline_load(struct timeline *t, struct store *s, const struct query *q, char *err,
                  size_t errlen)
{
    timeline_invalidate(t);
    struct timeline_row *rows;
    int n, rc = store_timeline_rows(s, q, t->zoom, &rows, &n, err, errlen);
    take_rows(t, rows, n);
    return rc;
}

static int job_work(struct store *s, void *arg, char *err, size_t errlen)
{
    struct timeline_job *job = arg;
    return store_timeline_rows(s, &job->q, job->zoom, &job->rows, &job->n, err, errlen);
}

int timeline_load_async(struct timeline *t, struct store *s, const struct query *q)
{
    timeline_invalidate(t);
    struct timeline_job *job = calloc(1, sizeof *job);
    if (!job)
        return -1;
    job->zoom = t->zoom;
    if (query_copy(&job->q, q) != 0 || !(job->bg = bg_start(s, job_work, job, "timeline-load"))) {
        job_free(job);
        return -1;
    }
    t->job = job;
    return 0;
}

bool timeline_pending(const struct timeline *t)
{
    return t->job != NULL;
}

int timeline_poll(struct timeline *t, char *err, size_t errlen)
{
    struct timeline_job *job = t->job;
    if (!job || !bg_done(job->bg))
        return 0;
    t->job = NULL;
    int rc = bg_finish(job->bg, err, errlen) == 0 ? 1 : -1;
    take_rows(t, job->rows, job->n);
    job->rows = NULL;
    job_free(job);
    return rc;
}

/* The undated reports' row is no stretch of time: it gets no bar and sets no scale. */
static bool is_undated(const struct timeline_row *r)
{
    return strcmp(r->bucket, DAY_TALLY_UNDATED) == 0;
}

static long largest(const struct timeline *t)
{
    long m = 1;
    for (int i = 0; i < t->n; i++)
        if (!is_undated(&t->rows[i]) && t->rows[i].killed + t->rows[i].wounded > m)
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
        put_str(r->y, r->x, r->w, t->job ? "counting..." : "...", A_DIM);
        return;
    }
    if (t->n == 0) {
        put_str(r->y, r->x, r->w, "(no reports)", A_DIM);
        return;
    }
    /* the numbers under headings, not "38k 0w", which read as thousands */
    char line[80];
    snprintf(line, sizeof line, "%-10s %6s %7s", "Date", "Killed", "Wounded");
    put_str(r->y, r->x, r->w, line, element_attr(pal, EL_TITLE));
    long max = largest(t);
    for (int row = 0; row < r->h - 1 && t->top + row < t->n; row++) {
        const struct timeline_row *tr = &t->rows[t->top + row];
        int y = r->y + 1 + row;
        bool sel = focused && t->top + row == t->sel;
        attr_t a = sel ? element_attr(pal, EL_SELECTED) : A_NORMAL;
        if (sel)
            fill_row(y, r->x, r->w, a);
        snprintf(line, sizeof line, "%-10s %6ld %7ld ", tr->bucket, tr->killed, tr->wounded);
        int used = put_str(y, r->x, r->w, line, a);
        if (!is_undated(tr))
            draw_bar(y, r->x + used, r->w - used, tr->killed, tr->wounded, max, pal);
    }
}

void timeline_move(struct timeline *t, long delta, int rows)
{
    t->sel = view_move_within(t->sel, delta, t->n);
    if (t->sel < t->top)
        t->top = t->sel;
    if (rows > 0 && t->sel >= t->top + rows)
        t->top = t->sel - rows + 1;
}

bool timeline_selected_report(const struct timeline *t, int64_t *article, int *sentence)
{
    if (!t->loaded || t->sel >= t->n || t->rows[t->sel].best_article <= 0)
        return false;
    *article = t->rows[t->sel].best_article;
    *sentence = t->rows[t->sel].best_sentence;
    return true;
}

/* ---- the timeline as a view ---- */

/* Scripts load the timeline at once, so that their screens are the same every run; a
 * terminal loads it in the background and draws it when it arrives. */
static void start_timeline(struct app *a)
{
    if (!a->headless && timeline_load_async(a->tl, a->s, &a->q) == 0)
        return;
    char err[200];
    double started = trace_clock_ms();
    if (timeline_load(a->tl, a->s, &a->q, err, sizeof err) != 0)
        app_say(a, true, err);
    trace_span("timeline-load", started);
}

static void draw_timeline_view(struct app *a)
{
    char title[40];
    snprintf(title, sizeof title, "Timeline (%s)", zoom_name(a->tl->zoom));
    app_pane_header(a, V_TIMELINE, title);
    if (!a->tl->loaded && !timeline_pending(a->tl))
        start_timeline(a);
    const struct rect *t = &a->panes[V_TIMELINE];
    struct rect tr = {t->y, t->x + 1, t->h, t->w - 1};
    timeline_draw(a->tl, &tr, &a->pal, a->focus == V_TIMELINE);
}

/* Enter on a row: the row's main report, at the figure's sentence. */
static void open_entry(struct app *a)
{
    int64_t id;
    int sentence;
    if (!timeline_selected_report(a->tl, &id, &sentence)) {
        app_say(a, false, "no report on that row");
        return;
    }
    if (!list_pane_select_id(a->list, a->s, &a->q, id))
        return;
    a->list->sel_id = id;
    app_layout_panes(a);
    app_load_article(a, id);
    article_pane_goto_sentence(a->art, sentence, EL_FIGURE);
    a->focus = V_ARTICLE;
}

static bool timeline_action(struct app *a, enum action act, int key)
{
    long delta;
    int rows = app_rows_of(a, V_TIMELINE) > 2 ? app_rows_of(a, V_TIMELINE) - 1 : 1; /* headings */
    if (view_motion(act, rows, &delta)) {
        timeline_move(a->tl, delta, rows);
        return true;
    }
    if (act != ACT_OPEN)
        return false;
    open_entry(a);
    return true;
}

const struct view_ops timeline_view = {
    .title = "Timeline",
    .id = V_TIMELINE,
    .draw = draw_timeline_view,
    .action = timeline_action,
};
