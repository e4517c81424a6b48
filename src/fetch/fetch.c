/* fetch.c: the network thread fills a queue of finished responses; this thread stores
 * them as they come, so parsing and fact extraction never stall the transfers (a stalled
 * multi loop would count against their timeouts). */
#include "fetch/fetch.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parser.h>

#include "fetch/discover.h"
#include "fetch/http.h"
#include "fetch/items.h"
#include "read/feed.h"
#include "store/feeds.h"
#include "store/store.h"

struct queued {
    struct http_response *resp;
    struct queued *next;
};

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t ready;
    struct queued *head, **tail;
    bool finished; /* the network thread is done: nothing more will come */
};

struct network {
    struct queue *q;
    const struct http_request *reqs;
    size_t n;
    const struct http_limits *lim;
    const atomic_bool *stop;
    char err[256];
    int rc;
};

static bool enqueue(struct http_response *r, void *ctx)
{
    struct queue *q = ctx;
    struct queued *item = malloc(sizeof *item);
    if (!item) {
        http_response_free(r);
        return true;
    }
    *item = (struct queued){r, NULL};
    pthread_mutex_lock(&q->lock);
    *q->tail = item;
    q->tail = &item->next;
    pthread_cond_signal(&q->ready);
    pthread_mutex_unlock(&q->lock);
    return true;
}

static void *network_main(void *arg)
{
    struct network *n = arg;
    n->rc = http_fetch_all(n->reqs, n->n, n->lim, enqueue, n->q, n->stop, n->err, sizeof n->err);
    pthread_mutex_lock(&n->q->lock);
    n->q->finished = true;
    pthread_cond_signal(&n->q->ready);
    pthread_mutex_unlock(&n->q->lock);
    return NULL;
}

/* The next finished response, NULL when there will be none. */
static struct http_response *dequeue(struct queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (!q->head && !q->finished)
        pthread_cond_wait(&q->ready, &q->lock);
    struct queued *item = q->head;
    if (item) {
        q->head = item->next;
        if (!q->head)
            q->tail = &q->head;
    }
    pthread_mutex_unlock(&q->lock);
    struct http_response *r = item ? item->resp : NULL;
    free(item);
    return r;
}

/* ---- choosing feeds ---- */

static bool matches(const struct feed_row *f, const char *sel)
{
    if (strcmp(f->url, sel) == 0 || (f->name && strcmp(f->name, sel) == 0) ||
        (f->title && strcmp(f->title, sel) == 0))
        return true;
    for (size_t t = 0; t < f->n_tags; t++)
        if (strcmp(f->tags[t], sel) == 0)
            return true;
    return false;
}

/* Marks the chosen feeds; -1 with err naming a selector that matches none. */
static int choose(const struct feed_row *rows, size_t n, const struct fetch_options *opt,
                  bool *chosen, char *err, size_t errlen)
{
    for (size_t i = 0; i < n; i++)
        chosen[i] = opt->n_selectors == 0;
    for (int s = 0; s < opt->n_selectors; s++) {
        bool any = false;
        for (size_t i = 0; i < n; i++)
            if (matches(&rows[i], opt->selectors[s]))
                chosen[i] = any = true;
        if (!any) {
            snprintf(err, errlen, "no feed or tag named %.200s", opt->selectors[s]);
            return -1;
        }
    }
    return 0;
}

/* ---- one response ---- */

struct fetch_run {
    struct store *store;
    struct extractor *x;
    struct feed_items *fi;
    const struct http_limits *lim;
    int64_t run;
    fetch_progress_fn progress;
    void *ctx;
    struct fetch_totals *totals;
    size_t done, total;
};

static void http_error(long status, char *why, size_t cap)
{
    const char *text = status == 404   ? " Not Found"
                       : status == 410 ? " Gone"
                       : status == 403 ? " Forbidden"
                       : status == 401 ? " Unauthorized"
                       : status == 429 ? " Too Many Requests"
                       : status == 500 ? " Internal Server Error"
                       : status == 502 ? " Bad Gateway"
                       : status == 503 ? " Service Unavailable"
                                       : "";
    snprintf(why, cap, "HTTP %ld%s", status, text);
}

/* A page where a feed was expected: say where its feed is when it says. */
static void page_error(const struct http_response *r, char *why, size_t cap)
{
    const char *base = r->effective_url ? r->effective_url : r->request->url;
    char *link = discover_feed_link(r->body, r->len, base);
    if (link)
        snprintf(why, cap, "this is a web page; its feed is %.100s: sitrep feed add %.100s", link,
                 link);
    else
        snprintf(why, cap, "this is a web page, not a feed, and it names no feed");
    free(link);
}

/* Stores the feed's items in one transaction; the outcome goes into rep and res. */
static void read_feed(struct fetch_run *fr, const struct feed_row *f, struct http_response *r,
                      struct fetch_report *rep, struct feed_result *res, char *why, size_t cap)
{
    struct item_job job = {.store = fr->store,
                           .x = fr->x,
                           .fi = fr->fi,
                           .lim = fr->lim,
                           .feed_id = f->id,
                           .full = f->full,
                           .run = fr->run};
    int rc = items_store(&job, r->body, r->len, f->url);
    rep->added = job.added;
    rep->updated = job.updated;
    rep->unchanged = job.unchanged;
    rep->duplicates = job.duplicates;
    if (rc < 0) {
        snprintf(why, cap, "%s", job.error);
    } else {
        /* Validators only from a document that was read: a broken one is fetched whole
         * next time. */
        res->etag = r->etag;
        res->last_modified = r->last_modified;
    }
    res->title = job.title;
    store_feed_set_result(fr->store, f->id, res);
    free(job.title);
    res->title = NULL;
}

static void judge_response(struct fetch_run *fr, const struct feed_row *f, struct http_response *r,
                           struct fetch_report *rep, char *why, size_t cap)
{
    struct feed_result res = {.status = r->status};
    if (r->error[0])
        snprintf(why, cap, "%s", r->error);
    else if (r->status == 304)
        rep->not_modified = true;
    else if (r->status < 200 || r->status > 299)
        http_error(r->status, why, cap);
    else if (!feed_sniff(r->body, r->len) && discover_is_page(r->body, r->len, r->content_type))
        page_error(r, why, cap);
    else {
        read_feed(fr, f, r, rep, &res, why, cap);
        res.error = why[0] ? why : NULL;
        return;
    }
    res.error = why[0] ? why : NULL;
    store_feed_set_result(fr->store, f->id, &res);
}

static void add_to_totals(struct fetch_totals *t, const struct fetch_report *rep)
{
    t->feeds++;
    t->failed += rep->error != NULL;
    t->not_modified += rep->not_modified;
    t->added += rep->added;
    t->updated += rep->updated;
    t->unchanged += rep->unchanged;
    t->duplicates += rep->duplicates;
}

static void take_response(struct fetch_run *fr, struct http_response *r)
{
    const struct feed_row *f = r->request->user;
    struct fetch_report rep = {.label = feed_row_label(f), .url = f->url, .status = r->status};
    char why[300] = "";
    bool began = store_begin(fr->store) == 0;
    judge_response(fr, f, r, &rep, why, sizeof why);
    if (began && store_commit(fr->store) < 0) {
        store_rollback(fr->store);
        snprintf(why, sizeof why, "could not store the feed's articles (database busy?)");
    }
    rep.error = why[0] ? why : NULL;
    rep.done = ++fr->done;
    rep.total = fr->total;
    add_to_totals(fr->totals, &rep);
    if (fr->progress)
        fr->progress(&rep, fr->ctx);
    http_response_free(r);
}

/* ---- the run ---- */

static int64_t run_stamp(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* Requests for the chosen feeds, each pointing back at its row. */
static size_t make_requests(struct feed_row *rows, size_t n, const bool *chosen,
                            struct http_request *reqs)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (chosen[i])
            reqs[k++] = (struct http_request){.url = rows[i].url,
                                              .etag = rows[i].etag,
                                              .last_modified = rows[i].last_modified,
                                              .user = &rows[i]};
    return k;
}

static int run_network(struct fetch_run *fr, const struct http_request *reqs, size_t n,
                       const atomic_bool *stop, char *err, size_t errlen)
{
    struct queue q = {.tail = &q.head};
    pthread_mutex_init(&q.lock, NULL);
    pthread_cond_init(&q.ready, NULL);
    struct network net = {.q = &q, .reqs = reqs, .n = n, .lim = fr->lim, .stop = stop};
    pthread_t tid;
    int rc = 0;
    if (pthread_create(&tid, NULL, network_main, &net) != 0) {
        snprintf(err, errlen, "cannot start the network thread");
        rc = -1;
    } else {
        struct http_response *r;
        while ((r = dequeue(&q)))
            take_response(fr, r);
        pthread_join(tid, NULL);
        if (net.rc < 0) {
            snprintf(err, errlen, "%s", net.err);
            rc = -1;
        }
    }
    pthread_cond_destroy(&q.ready);
    pthread_mutex_destroy(&q.lock);
    return rc;
}

static int fetch_chosen(struct fetch_run *fr, struct feed_row *rows, size_t n,
                        const struct fetch_options *opt, char *err, size_t errlen)
{
    bool *chosen = calloc(n ? n : 1, sizeof *chosen);
    struct http_request *reqs = calloc(n ? n : 1, sizeof *reqs);
    int rc = -1;
    if (!chosen || !reqs)
        snprintf(err, errlen, "out of memory");
    else if (choose(rows, n, opt, chosen, err, errlen) == 0) {
        fr->total = make_requests(rows, n, chosen, reqs);
        rc = run_network(fr, reqs, fr->total, opt->stop, err, errlen);
    }
    free(chosen);
    free(reqs);
    return rc;
}

int fetch_all(struct store *s, struct extractor *x, const struct fetch_options *opt,
              fetch_progress_fn progress, void *ctx, struct fetch_totals *totals, char *err,
              size_t errlen)
{
    struct http_limits lim;
    http_limits_from_env(&lim);
    memset(totals, 0, sizeof *totals);
    struct feed_row *rows;
    size_t n;
    if (store_feeds_load(s, &rows, &n) < 0) {
        snprintf(err, errlen, "cannot read the feeds: %s", sqlite3_errmsg(store_db(s)));
        return -1;
    }
    struct fetch_run fr = {.store = s,
                           .x = x,
                           .fi = store_feed_items_open(s),
                           .lim = &lim,
                           .run = run_stamp(),
                           .progress = progress,
                           .ctx = ctx,
                           .totals = totals};
    int rc = -1;
    if (!fr.fi)
        snprintf(err, errlen, "cannot read the feeds: %s", sqlite3_errmsg(store_db(s)));
    else {
        xmlInitParser(); /* before any thread parses */
        rc = fetch_chosen(&fr, rows, n, opt, err, errlen);
    }
    store_feed_items_close(fr.fi);
    store_feeds_free(rows, n);
    return rc < 0 ? -1 : totals->failed ? 1 : 0;
}
