/* background.h: work on the collection on a thread of its own, with its own read-only
 * connection to the same file (WAL lets it read while the reader's connection does), so a
 * scan of a large collection never holds up the keys. The reader starts a job, polls it
 * from its key loop and takes the result when done; a job whose result is no longer
 * wanted is cancelled (sqlite3_interrupt stops its scan at once). */
#ifndef SITREP_BACKGROUND_H
#define SITREP_BACKGROUND_H

#include <stdbool.h>
#include <stddef.h>

struct store;

/* The work: reads through s (the job's read-only connection); returns 0, or -1 with the
 * reason in err. arg belongs to the caller, who reads the result from it after bg_finish. */
typedef int (*bg_work)(struct store *s, void *arg, char *err, size_t errlen);

struct bg_job;

/* Starts work on a connection to the file behind s. NULL when it cannot (an in-memory
 * database, no thread, no memory): then do the work in the foreground. name labels the
 * SITREP_TRACE span of the work. */
struct bg_job *bg_start(struct store *s, bg_work work, void *arg, const char *name);

bool bg_done(const struct bg_job *job);

/* Waits for the job, frees it and returns the work's result (the reason in err). */
int bg_finish(struct bg_job *job, char *err, size_t errlen);

/* Stops the job and frees it; arg may hold a partial result for the caller to free. */
void bg_cancel(struct bg_job *job);

#endif
