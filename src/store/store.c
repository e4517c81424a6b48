/* store.c: opening and closing the collection, the cache of prepared statements and the
 * batches. Every statement is prepared once and cached, because an import runs the same
 * handful of inserts hundreds of thousands of times. */
#include "store/store_int.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/key_cache.h"
#include "store/txn.h"

static const char *const stmt_sql[] = {STORE_STATEMENTS(AS_SQL)};

void store_set_err(char *err, size_t errlen, const char *what, sqlite3 *db)
{
    if (err && errlen)
        snprintf(err, errlen, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
}

sqlite3_stmt *store_stmt(struct store *s, enum stmt_id id)
{
    if (!s->stmt[id]) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id],
                               NULL) != SQLITE_OK) {
            s->stmt[id] = NULL;
            return NULL;
        }
    }
    return s->stmt[id];
}

int store_exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err && errlen)
            snprintf(err, errlen, "%s", msg ? msg : "SQLite error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int64_t store_query_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

static int open_connection(struct store *s, const char *name, int flags, char *err, size_t errlen)
{
    /* Each connection is used by one thread, and nobody reads SQLite's memory statistics:
     * without the mutexes and counters an import runs measurably faster. The config call
     * only succeeds before SQLite initialises, which is harmless to attempt every time. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (sqlite3_open_v2(name, &s->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open: %s", s->db ? sqlite3_errmsg(s->db) : "out of memory");
        sqlite3_close(s->db);
        s->db = NULL;
        return -1;
    }
    store_wait_set(s->db, STORE_WAIT_QUIET);
    return 0;
}

/* The log is copied into the collection once it holds about 32 MiB, whatever the pages'
 * size. */
static int set_checkpoint_size(struct store *s, char *err, size_t errlen)
{
    int64_t page = store_query_int(s->db, "PRAGMA page_size");
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA wal_autocheckpoint = %lld",
             (long long)((32 << 20) / (page > 0 ? page : 4096)));
    return store_exec(s->db, sql, err, errlen);
}

/* A new collection gets 16 KiB pages (page_size only takes effect before the file's first
 * write, so it comes before the switch to WAL; an existing collection keeps its own). An
 * import writes each page it changes to the log and later into the file, one system call
 * each: with 4 KiB pages 10,000 generated articles took about 106,000 writes, and the
 * import ran 5% slower in interleaved runs. */
static int set_up(struct store *s, char *err, size_t errlen)
{
    return store_exec(s->db,
                      "PRAGMA page_size = 16384;"
                      " PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                      " PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;"
                      " PRAGMA temp_store = MEMORY;",
                      err, errlen) < 0 ||
                   set_checkpoint_size(s, err, errlen) < 0 ||
                   store_schema_update(s->db, err, errlen) < 0
               ? -1
               : 0;
}

/* Several processes opening one new collection at once: switching a new file to WAL
 * needs its exclusive lock, and SQLite answers SQLITE_BUSY without calling the busy
 * handler where waiting could deadlock. The set-up is idempotent, so it is tried again
 * (for up to about five seconds). */
static int open_read_write(struct store *s, const char *path, char *err, size_t errlen)
{
    if (open_connection(s, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, err, errlen) < 0)
        return -1;
    for (int attempt = 0;; attempt++) {
        if (set_up(s, err, errlen) == 0)
            return 0;
        if ((sqlite3_errcode(s->db) & 0xff) != SQLITE_BUSY || attempt >= 100)
            return -1;
        if (!sqlite3_get_autocommit(s->db))
            store_exec(s->db, "ROLLBACK", NULL, 0);
        sqlite3_sleep(store_wait_pause_ms(attempt) + 20);
    }
}

/* "file:PATH?immutable=1" with the path's URI characters escaped. */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *uri = malloc(n * 3 + 32);
    if (!uri)
        return NULL;
    char *o = uri + sprintf(uri, "file:");
    for (const char *p = path; *p; p++)
        o += strchr("?#%", *p) ? sprintf(o, "%%%02X", (unsigned char)*p) : sprintf(o, "%c", *p);
    strcpy(o, "?immutable=1");
    return uri;
}

/* Read-only: a WAL collection in a directory that cannot be written has no shared-memory
 * file to coordinate through, so it is opened as immutable (nobody can be writing it). */
static int open_read_only(struct store *s, const char *path, char *err, size_t errlen)
{
    s->read_only = true;
    if (open_connection(s, path, SQLITE_OPEN_READONLY, err, errlen) == 0 &&
        store_schema_check(s->db, err, errlen) == 0)
        return 0;
    int code = s->db ? sqlite3_errcode(s->db) : SQLITE_CANTOPEN;
    if (code != SQLITE_CANTOPEN && code != SQLITE_READONLY && code != SQLITE_IOERR)
        return -1;
    sqlite3_close(s->db);
    s->db = NULL;
    char *uri = immutable_uri(path);
    int rc =
        uri && open_connection(s, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, err, errlen) == 0
            ? store_schema_check(s->db, err, errlen)
            : -1;
    free(uri);
    return rc;
}

/* The write failed because the file, its directory or its mount cannot be written. */
static bool cannot_write(sqlite3 *db, const char *path)
{
    int code = db ? sqlite3_errcode(db) : SQLITE_CANTOPEN;
    return (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_IOERR) &&
           access(path, R_OK) == 0;
}

int store_open_as(const char *path, enum store_access access_mode, struct store **out, char *err,
                  size_t errlen)
{
    *out = NULL;
    struct store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc;
    if (access_mode == STORE_READ_ONLY) {
        rc = open_read_only(s, path, err, errlen);
    } else if ((rc = open_read_write(s, path, err, errlen)) < 0 && cannot_write(s->db, path)) {
        sqlite3_close(s->db);
        s->db = NULL;
        rc = open_read_only(s, path, err, errlen);
    }
    if (rc < 0) {
        char why[256];
        snprintf(why, sizeof why, "%s", err);
        snprintf(err, errlen, "%s: %s", path, why);
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

int store_open(const char *path, struct store **out, char *err, size_t errlen)
{
    return store_open_as(path, STORE_READ_WRITE, out, err, errlen);
}

bool store_is_read_only(const struct store *s)
{
    return s->read_only;
}

const char *store_last_error(const struct store *s)
{
    return s->last_error;
}

void store_note_error(struct store *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->last_error, sizeof s->last_error, fmt, ap);
    va_end(ap);
}

void store_close(struct store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_COUNT_ALL; i++)
        sqlite3_finalize(s->stmt[i]);
    sqlite3_finalize(s->figure_block);
    key_cache_free(s->place_ids);
    key_cache_free(s->actor_ids);
    sqlite3_close(s->db);
    free(s);
}

struct store *store_open_reader(struct store *s)
{
    const char *file = sqlite3_db_filename(s->db, "main");
    if (!file || !*file)
        return NULL;
    struct store *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (sqlite3_open_v2(file, &r->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        store_close(r);
        return NULL;
    }
    store_wait_set(r->db, STORE_WAIT_QUIET);
    return r;
}

int64_t store_data_version(struct store *s)
{
    return store_query_int(s->db, "PRAGMA data_version");
}

void store_set_cache_kib(struct store *s, int kib)
{
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
    sqlite3_exec(s->db, sql, NULL, NULL, NULL);
}

struct store *store_adopt(sqlite3 *db)
{
    struct store *s = calloc(1, sizeof *s);
    if (!s) {
        sqlite3_close(db);
        return NULL;
    }
    s->db = db;
    return s;
}

static int mkdir_p(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    if (mkdir(path, 0700) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

char *store_default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX];
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/sitrep", xdg);
    else if (home && home[0])
        n = snprintf(dir, sizeof dir, "%s/.local/share/sitrep", home);
    else
        return NULL;
    if (n < 0 || (size_t)n >= sizeof dir - 16 || mkdir_p(dir) < 0)
        return NULL;
    size_t len = strlen(dir) + sizeof "/sitrep.db";
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/sitrep.db", dir);
    return path;
}

sqlite3 *store_db(struct store *s)
{
    return s->db;
}

int store_step_done(struct store *s, enum stmt_id id)
{
    sqlite3_stmt *q = store_stmt(s, id);
    if (!q)
        return -1;
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* The ids cached in one batch may be stale in the next: another connection can write
 * between two batches. */
static void forget_ids(struct store *s)
{
    s->in_batch = false;
    key_cache_clear(s->place_ids);
    key_cache_clear(s->actor_ids);
}

/* PRAGMA foreign_keys is a no-op inside a transaction: this runs between batches. */
static int check_parents(struct store *s, bool on)
{
    if (s->parents_unchecked == !on)
        return 0;
    if (store_exec(s->db, on ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF", NULL, 0) <
        0)
        return -1;
    s->parents_unchecked = !on;
    return 0;
}

static int begin_batch(struct store *s, bool checked)
{
    if (check_parents(s, checked) < 0)
        return -1;
    s->unindexed_from = 0;
    forget_ids(s);
    if (store_step_done(s, ST_BEGIN) < 0) {
        check_parents(s, true);
        return -1;
    }
    s->in_batch = true;
    return 0;
}

int store_begin(struct store *s)
{
    return begin_batch(s, true);
}

int store_begin_adding(struct store *s)
{
    return begin_batch(s, false);
}

struct key_cache *store_id_cache(struct store *s, struct key_cache **which)
{
    /* SQLite may have rolled the batch back on its own (a full disk) */
    if (!s->in_batch || sqlite3_get_autocommit(s->db))
        return NULL;
    if (!*which)
        *which = key_cache_new();
    return *which;
}

/* Indexes the batch's articles so far, in one statement and in rowid order. */
int store_index_pending(struct store *s)
{
    if (s->unindexed_from == 0)
        return 0;
    sqlite3_stmt *q = store_stmt(s, ST_INDEX_FROM);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, s->unindexed_from);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return -1;
    s->unindexed_from = 0;
    return 0;
}

int store_commit(struct store *s)
{
    if (store_index_pending(s) < 0)
        return -1;
    s->in_batch = false;
    if (store_step_done(s, ST_COMMIT) < 0)
        return -1;
    return check_parents(s, true);
}

int store_rollback(struct store *s)
{
    s->unindexed_from = 0;
    forget_ids(s);
    int rc = store_step_done(s, ST_ROLLBACK);
    /* SQLite may have rolled back already (a full disk): the checks come back regardless */
    return check_parents(s, true) < 0 ? -1 : rc;
}

int store_integrity_check(struct store *s, char *msg, size_t msglen)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK)
        return -1;
    int ok = -1;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(q, 0);
        snprintf(msg, msglen, "%s", t ? (const char *)t : "");
        ok = t && strcmp((const char *)t, "ok") == 0 ? 0 : -1;
    }
    sqlite3_finalize(q);
    return ok;
}
