/* txn.c: the wait policy for the write lock, and the clean-up after a failed batch. */
#include "store/txn.h"

#include <stdio.h>
#include <time.h>

/* Short pauses first (a reader's one-row write is over in a millisecond), then a steady
 * tenth of a second so a long wait costs little CPU. */
static const int pauses_ms[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
#define N_PAUSES ((int)(sizeof pauses_ms / sizeof pauses_ms[0]))

int store_wait_pause_ms(int count)
{
    return count < N_PAUSES ? pauses_ms[count] : pauses_ms[N_PAUSES - 1];
}

long store_wait_total_ms(int count)
{
    long total = 0;
    for (int i = 0; i < count && i < N_PAUSES; i++)
        total += pauses_ms[i];
    if (count > N_PAUSES)
        total += (long)(count - N_PAUSES) * pauses_ms[N_PAUSES - 1];
    return total;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

/* SQLite's busy callback: non-zero means try again. count restarts at 0 for each lock the
 * connection waits for. */
static int wait_for_writer(void *arg, int count)
{
    const enum store_wait *policy = arg;
    long waited = store_wait_total_ms(count);
    if (*policy == STORE_WAIT_NONE || waited >= STORE_WAIT_LIMIT_MS)
        return 0;
    int pause = store_wait_pause_ms(count);
    if (*policy == STORE_WAIT_TELL && waited < STORE_WAIT_NOTICE_MS &&
        waited + pause >= STORE_WAIT_NOTICE_MS) {
        fputs("sitrep: waiting for another writer...\n", stderr);
        fflush(stderr);
    }
    sleep_ms(pause);
    return 1;
}

void store_wait_set(sqlite3 *db, enum store_wait policy)
{
    /* The handler's argument must outlive the call: one constant per policy. */
    static const enum store_wait policies[] = {STORE_WAIT_NONE, STORE_WAIT_QUIET, STORE_WAIT_TELL};
    sqlite3_busy_handler(db, wait_for_writer, (void *)&policies[policy]);
}

bool store_txn_open(sqlite3 *db)
{
    return !sqlite3_get_autocommit(db);
}

int store_txn_release_log(sqlite3 *db)
{
    int busy = -1;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "PRAGMA wal_checkpoint(TRUNCATE)", -1, &q, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(q) == SQLITE_ROW)
        busy = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return busy == 0 ? 0 : -1;
}
