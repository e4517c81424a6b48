/* fetch_job.c: one thread per fetch, with its own store connection and extractor. */
#include "fetch/fetch_job.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "extract/extract.h"
#include "store/store.h"

struct fetch_job {
    pthread_t thread;
    pthread_mutex_t lock; /* guards progress */
    struct fetch_job_progress progress;
    atomic_bool stop;
    char *path, *selector;
    bool extract;
    struct fetch_totals totals;
    int rc;
    char err[256];
};

static void note_feed(const struct fetch_report *r, void *ctx)
{
    struct fetch_job *job = ctx;
    pthread_mutex_lock(&job->lock);
    struct fetch_job_progress *p = &job->progress;
    p->done = r->done;
    p->total = r->total;
    p->added += r->added;
    p->updated += r->updated;
    if (r->error) {
        p->failed++;
        snprintf(p->last_failed, sizeof p->last_failed, "%s", r->label ? r->label : "?");
        snprintf(p->last_error, sizeof p->last_error, "%s", r->error);
    }
    pthread_mutex_unlock(&job->lock);
}

static int run_fetch(struct fetch_job *job)
{
    struct store *s;
    if (store_open(job->path, &s, job->err, sizeof job->err) < 0)
        return -1;
    /* without an extractor the items are still stored, only without facts */
    struct extractor *x = job->extract ? extractor_open(job->err, sizeof job->err) : NULL;
    char *sel[1] = {job->selector};
    struct fetch_options opt = {
        .selectors = sel, .n_selectors = job->selector ? 1 : 0, .stop = &job->stop};
    int rc = fetch_all(s, x, &opt, note_feed, job, &job->totals, job->err, sizeof job->err);
    if (x)
        extractor_close(x);
    store_close(s);
    return rc;
}

static void *job_main(void *arg)
{
    struct fetch_job *job = arg;
    job->rc = run_fetch(job);
    pthread_mutex_lock(&job->lock);
    job->progress.finished = true;
    pthread_mutex_unlock(&job->lock);
    return NULL;
}

static void job_free(struct fetch_job *job)
{
    pthread_mutex_destroy(&job->lock);
    free(job->path);
    free(job->selector);
    free(job);
}

struct fetch_job *fetch_job_start(struct store *s, const char *selector, bool extract, char *err,
                                  size_t errlen)
{
    const char *path = sqlite3_db_filename(store_db(s), "main");
    if (!path || !*path) {
        snprintf(err, errlen, "the collection has no file to fetch into");
        return NULL;
    }
    struct fetch_job *job = calloc(1, sizeof *job);
    if (!job || !(job->path = strdup(path)) || (selector && !(job->selector = strdup(selector)))) {
        snprintf(err, errlen, "out of memory");
        if (job)
            free(job->path);
        free(job);
        return NULL;
    }
    job->extract = extract;
    atomic_init(&job->stop, false);
    pthread_mutex_init(&job->lock, NULL);
    if (pthread_create(&job->thread, NULL, job_main, job) != 0) {
        snprintf(err, errlen, "cannot start the fetch thread");
        job_free(job);
        return NULL;
    }
    return job;
}

void fetch_job_progress(struct fetch_job *job, struct fetch_job_progress *out)
{
    pthread_mutex_lock(&job->lock);
    *out = job->progress;
    pthread_mutex_unlock(&job->lock);
}

int fetch_job_finish(struct fetch_job *job, struct fetch_totals *t, struct fetch_job_progress *p,
                     char *err, size_t errlen)
{
    pthread_join(job->thread, NULL);
    int rc = job->rc;
    if (t)
        *t = job->totals;
    if (p)
        *p = job->progress;
    snprintf(err, errlen, "%s", job->err);
    job_free(job);
    return rc;
}

void fetch_job_stop(struct fetch_job *job)
{
    atomic_store(&job->stop, true);
    pthread_join(job->thread, NULL);
    job_free(job);
}
