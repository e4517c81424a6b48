/* event_grouping.c: events grouped on a background job, saved by the reader. */
#include "events/event_grouping.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/background.h"
#include "events/event.h"
#include "store/event_rows.h"
#include "store/store.h"

struct event_grouping {
    struct bg_job *bg;
    atomic_bool stop;
    struct ev_options options;
    struct ev_doc *docs;
    size_t n_docs;
    struct ev_set set;
};

int events_fresh(struct store *s)
{
    return event_rows_fresh(store_db(s));
}

/* Loading and preparing stop with the job's connection, which bg_cancel interrupts;
 * grouping looks at the stop flag itself. */
static int group_work(struct store *s, void *arg, char *err, size_t errlen)
{
    struct event_grouping *g = arg;
    if (ev_compute_db(store_db(s), &g->options, EV_LOAD_LEAN, &g->docs, &g->n_docs, &g->set) == 0)
        return 0;
    snprintf(err, errlen, "events: %s",
             atomic_load(&g->stop) ? "grouping stopped" : "cannot group the collection");
    return -1;
}

static void grouping_free(struct event_grouping *g)
{
    ev_set_free(&g->set);
    ev_docs_free(g->docs, g->n_docs);
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
    if (rc == 0 && ev_save_store(s, g->docs, &g->set) != 0) {
        snprintf(err, errlen, "events: cannot save the events (read-only collection?)");
        rc = -1;
    }
    grouping_free(g);
    return rc;
}

void event_grouping_cancel(struct event_grouping *g)
{
    atomic_store(&g->stop, true);
    bg_cancel(g->bg);
    grouping_free(g);
}
