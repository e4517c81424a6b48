/* event_grouping.c: events grouped on a background job, saved by the reader. */
#include "events/event_grouping.h"

#include <stdio.h>
#include <stdlib.h>

#include "store/background.h"
#include "events/event.h"
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
    return (int)store_query_int(store_db(s), "SELECT (SELECT count(*) FROM events) > 0 AND"
                                             " (SELECT count(*) FROM articles) ="
                                             " (SELECT count(*) FROM event_articles)");
}

/* Loading and preparing stop with the job's connection, which bg_cancel interrupts;
 * grouping looks at the stop flag itself. */
static int group_work(sqlite3 *db, void *arg, char *err, size_t errlen)
{
    struct event_grouping *g = arg;
    if (ev_compute_db(db, &g->options, EV_LOAD_LEAN, &g->docs, &g->n_docs, &g->set) == 0)
        return 0;
    snprintf(err, errlen, "events: %s",
             atomic_load(&g->stop) ? "grouping stopped" : "cannot group the collection");
    return -1;
}

static void grouping_free(struct event_grouping *g)
{
    ev_set_free(&g->set);
    ev_docs_free(g->docs, g->n_docs);
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
    g->bg = bg_start(store_db(s), group_work, g, "events-group");
    if (!g->bg) {
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
