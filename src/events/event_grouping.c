/* event_grouping.c: events grouped on a background job, saved by the reader. */
#include "events/event_grouping.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/background.h"
#include "events/event.h"
#include "events/event_incr.h"
#include "store/event_rows.h"
#include "store/store.h"

struct event_grouping {
    struct bg_job *bg;
    atomic_bool stop;
    struct ev_options options;
};

int events_fresh(struct store *s)
{
    return event_rows_fresh(store_db(s));
}

/* The catch-up writes as it goes (a transaction per batch of reports), so the job opens a
 * writable connection of its own to the job's file; the reader sees the events committed.
 * It looks at the stop flag between reports. With corrections, the whole collection is
 * then grouped afresh for them to be replayed (ev_update_store). */
static int group_work(struct store *s, void *arg, char *err, size_t errlen)
{
    struct event_grouping *g = arg;
    const char *path = sqlite3_db_filename(store_db(s), "main");
    struct store *w = NULL;
    char why[256] = "";
    int rc = path && *path && store_open(path, &w, why, sizeof why) == 0 ? 0 : -1;
    if (rc == 0)
        rc = ev_update_store(w, &g->options);
    if (w)
        store_close(w);
    if (rc < 0)
        snprintf(err, errlen, "events: %s",
                 atomic_load(&g->stop) ? "grouping stopped"
                 : why[0]              ? why
                                       : "cannot group the new reports (read-only collection?)");
    return rc;
}

static void grouping_free(struct event_grouping *g)
{
    ev_options_release(&g->options);
    free(g);
}

struct event_grouping *event_grouping_start(struct store *s)
{
    struct event_grouping *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    atomic_init(&g->stop, false);
    ev_options_default(&g->options);
    g->options.stop = &g->stop;
    /* read here, on the reader's connection: the job's thread only reads the list */
    if (ev_options_load_corrections(&g->options, s) < 0) {
        free(g);
        return NULL;
    }
    g->bg = bg_start(s, group_work, g, "events-group");
    if (!g->bg) {
        ev_options_release(&g->options);
        free(g);
        return NULL;
    }
    return g;
}

bool event_grouping_done(const struct event_grouping *g)
{
    return bg_done(g->bg);
}

int event_grouping_finish(struct event_grouping *g, struct store *s, char *err, size_t errlen)
{
    int rc = bg_finish(g->bg, err, errlen);
    grouping_free(g);
    return rc;
}

void event_grouping_cancel(struct event_grouping *g)
{
    atomic_store(&g->stop, true);
    bg_cancel(g->bg);
    grouping_free(g);
}
