/* txn.h: living beside other writers. A collection has one writer at a time (SQLite's
 * write lock); an import, the reader marking an article read and an events save take
 * turns. A connection's wait policy decides what a writer does when the lock is held:
 * retry with growing pauses (and say so on stderr after a second, for the command line),
 * or give up at once (the reader, which must never freeze its screen on a write and
 * retries later). Also what an import needs after a failed batch. */
#ifndef SITREP_STORE_TXN_H
#define SITREP_STORE_TXN_H

#include <stdbool.h>
#include <sqlite3.h>

enum store_wait {
    STORE_WAIT_NONE,  /* SQLITE_BUSY at once */
    STORE_WAIT_QUIET, /* retry with backoff up to STORE_WAIT_LIMIT_MS, silently */
    STORE_WAIT_TELL,  /* the same, printing "waiting for another writer" after a second */
};

#define STORE_WAIT_LIMIT_MS  60000
#define STORE_WAIT_NOTICE_MS 1000

/* Installs the policy as the connection's busy handler (replacing any busy timeout). */
void store_wait_set(sqlite3 *db, enum store_wait policy);

/* The pause before retry number `count` (0-based) of one wait, and the total slept before
 * it: the schedule the busy handler follows (exposed for its test). */
int store_wait_pause_ms(int count);
long store_wait_total_ms(int count);

/* True while the connection has a transaction open. SQLite rolls a transaction back by
 * itself on some errors (disk full, I/O error): a batch must then count what it had
 * written as lost. */
bool store_txn_open(sqlite3 *db);

/* After a failed batch: gives back the space the write-ahead log took (checkpoints what
 * was committed and truncates the log). Returns 0, or -1 when another connection still
 * reads (the log is then truncated by a later checkpoint). */
int store_txn_release_log(sqlite3 *db);

#endif
