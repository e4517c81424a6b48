/* fetch_job.h: fetch_all on a thread of its own, for the reader. The job opens its own
 * connection to the collection's file (a connection belongs to one thread; WAL lets the
 * reader read while the job writes) and its own extractor, so the reader's keys stay live
 * and its list follows the commits through PRAGMA data_version. The reader polls the
 * job's progress from its key loop; stopping sets fetch_all's stop flag and waits. */
#ifndef SITREP_FETCH_FETCH_JOB_H
#define SITREP_FETCH_FETCH_JOB_H

#include <stdbool.h>
#include <stddef.h>

#include "fetch/fetch.h"

struct store;
struct fetch_job;

/* What the job has done so far. Strings are raw feed text (escape before drawing). */
struct fetch_job_progress {
    size_t done, total; /* feeds finished, of how many (0 until the first) */
    long added, updated, failed;
    char last_failed[120]; /* the label of the last feed that failed, or "" */
    char last_error[200];  /* its error */
    bool finished;
};

/* Starts fetching the feeds that selector names (a name, URL or tag; NULL: every feed)
 * into the file behind s, with fact extraction when extract. NULL with the reason in err
 * when it cannot (a collection without a file, no thread). */
struct fetch_job *fetch_job_start(struct store *s, const char *selector, bool extract, char *err,
                                  size_t errlen);

void fetch_job_progress(struct fetch_job *job, struct fetch_job_progress *out);

/* Waits for the job, frees it, and returns fetch_all's result (0 all read, 1 some failed,
 * -1 nothing fetched, err says why), the totals in t and the last progress in p. */
int fetch_job_finish(struct fetch_job *job, struct fetch_totals *t, struct fetch_job_progress *p,
                     char *err, size_t errlen);

/* Asks the job to stop after the feed it is storing, waits for it and frees it. */
void fetch_job_stop(struct fetch_job *job);

#endif
