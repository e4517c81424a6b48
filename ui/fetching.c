/* fetching.c: the background fetch and the browser, seen from the reader. */
#include "fetching.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "fetch/browser.h"
#include "fetch/fetch_job.h"
#include "state.h"
#include "store/article_view.h"
#include "views/list.h"

bool fetching_active(const struct app *a)
{
    return a->fetch != NULL;
}

static void show_progress(struct app *a, const struct fetch_job_progress *p)
{
    if (!p->total) {
        snprintf(a->fetch_status, sizeof a->fetch_status, "fetching %s...", a->fetch_label);
        return;
    }
    int n = snprintf(a->fetch_status, sizeof a->fetch_status, "fetching %zu/%zu feeds, %ld new",
                     p->done, p->total, p->added);
    if (p->failed && n > 0 && (size_t)n < sizeof a->fetch_status)
        snprintf(a->fetch_status + n, sizeof a->fetch_status - (size_t)n, ", %ld failed",
                 p->failed);
}

/* The outcome in the status line; a failed feed names itself and its error, so one bad
 * feed among forty is found without opening the feeds view. */
static void report_outcome(struct app *a, int rc, const struct fetch_totals *t,
                           const struct fetch_job_progress *p, const char *err)
{
    char m[sizeof a->msg];
    if (rc < 0) {
        snprintf(m, sizeof m, "fetch: %s", err[0] ? err : "failed");
        app_say(a, true, m);
        return;
    }
    int n = snprintf(m, sizeof m, "fetched %ld feed%s: %ld new, %ld updated", t->feeds,
                     t->feeds == 1 ? "" : "s", t->added, t->updated);
    if (t->failed && n > 0 && (size_t)n < sizeof m)
        snprintf(m + n, sizeof m - (size_t)n, ", %ld failed (%.50s: %.120s; F lists them)",
                 t->failed, p->last_failed, p->last_error);
    app_say(a, t->failed > 0, m);
}

static void finish(struct app *a)
{
    struct fetch_job_progress p;
    struct fetch_totals t;
    char err[256] = "";
    int rc = fetch_job_finish(a->fetch, &t, &p, err, sizeof err);
    a->fetch = NULL;
    a->fetch_status[0] = '\0';
    report_outcome(a, rc, &t, &p, err);
    if (a->headless) /* no idle loop follows the collection in a script */
        app_apply_filter(a);
}

void fetching_start(struct app *a, const char *selector, const char *label)
{
    if (a->fetch) {
        char m[200];
        snprintf(m, sizeof m, "a fetch is under way (%s)", a->fetch_status);
        app_say(a, false, m);
        return;
    }
    char err[256];
    a->fetch = fetch_job_start(a->s, selector, true, err, sizeof err);
    if (!a->fetch) {
        char m[300];
        snprintf(m, sizeof m, "fetch: %s", err);
        app_say(a, true, m);
        return;
    }
    snprintf(a->fetch_label, sizeof a->fetch_label, "%s", label);
    snprintf(a->fetch_status, sizeof a->fetch_status, "fetching %s...", label);
    if (a->headless)
        finish(a);
}

bool fetching_poll(struct app *a)
{
    if (!a->fetch)
        return false;
    struct fetch_job_progress p;
    fetch_job_progress(a->fetch, &p);
    if (p.finished) {
        finish(a);
        return true;
    }
    char before[sizeof a->fetch_status];
    memcpy(before, a->fetch_status, sizeof before);
    show_progress(a, &p);
    return strcmp(before, a->fetch_status) != 0;
}

void fetching_stop(struct app *a)
{
    if (!a->fetch)
        return;
    fetch_job_stop(a->fetch);
    a->fetch = NULL;
    a->fetch_status[0] = '\0';
}

/* ---- o ---- */

/* A graphical browser is started detached and the reader goes on; a terminal one (no
 * display to open a window on) gets the terminal until it exits. */
static bool has_display(void)
{
    const char *x = getenv("DISPLAY"), *w = getenv("WAYLAND_DISPLAY");
    return (x && *x) || (w && *w);
}

static int run_browser(struct app *a, const char *url, char *err, size_t errlen)
{
    if (a->headless) /* scripts wait, so a test reads what the browser was given */
        return browser_open(url, true, err, errlen);
    if (has_display())
        return browser_open(url, false, err, errlen);
    def_prog_mode();
    endwin();
    int rc = browser_open(url, true, err, errlen);
    reset_prog_mode();
    clearok(curscr, TRUE);
    refresh();
    return rc;
}

void fetching_open_link(struct app *a)
{
    if (!a->list->sel_id) {
        app_say(a, true, "no article selected");
        return;
    }
    char *url = store_article_url(a->s, a->list->sel_id);
    if (!url) {
        app_say(a, true, "this article has no link (it was imported from a file, not a feed)");
        return;
    }
    char err[256], m[sizeof a->msg];
    if (run_browser(a, url, err, sizeof err) == 0) {
        snprintf(m, sizeof m, "opened %s", url);
        app_say(a, false, m);
    } else {
        snprintf(m, sizeof m, "o: %s", err);
        app_say(a, true, m);
    }
    free(url);
}
