/* background.c: a thread and a read-only connection per job. */
#include "store/background.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/trace.h"
#include "store/store_int.h"

struct bg_job {
    pthread_t thread;
    pthread_mutex_t lock; /* guards store and cancelled */
    struct store *store;  /* the job's connection while it is open */
    bool cancelled;
    atomic_bool done;
    char *path;
    bg_work work;
    void *arg;
    const char *name;
    int rc;
    char err[200];
};

static void job_free(struct bg_job *job)
{
    free(job->path);
    pthread_mutex_destroy(&job->lock);
    free(job);
}

/* Opens the job's connection unless it was cancelled first. */
static bool job_open(struct bg_job *job)
{
    sqlite3 *db = NULL;
    if (sqlite3_open_v2(job->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        snprintf(job->err, sizeof job->err, "%s", db ? sqlite3_errmsg(db) : "out of memory");
        sqlite3_close(db);
        return false;
    }
    sqlite3_busy_timeout(db, 2000);
    struct store *s = store_adopt(db);
    if (!s) {
        snprintf(job->err, sizeof job->err, "out of memory");
        return false;
    }
    pthread_mutex_lock(&job->lock);
    bool go = !job->cancelled;
    if (go)
        job->store = s;
    pthread_mutex_unlock(&job->lock);
    if (!go)
        store_close(s);
    return go;
}

static void job_close(struct bg_job *job)
{
    pthread_mutex_lock(&job->lock);
    store_close(job->store);
    job->store = NULL;
    pthread_mutex_unlock(&job->lock);
}

static void *job_run(void *arg)
{
    struct bg_job *job = arg;
    double started = trace_clock_ms();
    job->rc = -1;
    if (job_open(job)) {
        job->rc = job->work(job->store, job->arg, job->err, sizeof job->err);
        job_close(job);
    }
    trace_span(job->name, started);
    atomic_store(&job->done, true);
    return NULL;
}

struct bg_job *bg_start(struct store *s, bg_work work, void *arg, const char *name)
{
    const char *path = sqlite3_db_filename(s->db, "main");
    if (!path || !*path)
        return NULL; /* an in-memory collection has no second connection */
    struct bg_job *job = calloc(1, sizeof *job);
    if (!job)
        return NULL;
    pthread_mutex_init(&job->lock, NULL);
    atomic_init(&job->done, false);
    job->work = work;
    job->arg = arg;
    job->name = name;
    job->path = strdup(path);
    if (!job->path || pthread_create(&job->thread, NULL, job_run, job) != 0) {
        job_free(job);
        return NULL;
    }
    return job;
}

bool bg_done(const struct bg_job *job)
{
    return atomic_load(&job->done);
}

int bg_finish(struct bg_job *job, char *err, size_t errlen)
{
    pthread_join(job->thread, NULL);
    int rc = job->rc;
    if (rc != 0)
        snprintf(err, errlen, "%s", job->err[0] ? job->err : "interrupted");
    job_free(job);
    return rc;
}

void bg_cancel(struct bg_job *job)
{
    pthread_mutex_lock(&job->lock);
    job->cancelled = true;
    if (job->store)
        sqlite3_interrupt(job->store->db);
    pthread_mutex_unlock(&job->lock);
    pthread_join(job->thread, NULL);
    job_free(job);
}
