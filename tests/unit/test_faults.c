/* test_faults.c: an import when the disk fills up or the disk fails. A VFS shim wraps
 * SQLite's default one and, once armed, fails every write after the first N (and every
 * sync) with SQLITE_FULL or SQLITE_IOERR. Whatever N is: no crash, the summary counts
 * exactly what is stored, SQLite's reason is printed, and the collection passes
 * integrity_check when opened again. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest.h"
#include "store/store.h"
#include "store/txn.h"
#include "testlib.h"

/* ---- the shim ---- */

static sqlite3_vfs *real_vfs;
static sqlite3_vfs shim_vfs;
struct fault_plan {
    bool armed;
    long writes_left; /* writes that still succeed */
    int error;        /* SQLITE_FULL or SQLITE_IOERR_WRITE */
    long failures;    /* writes and syncs refused */
};
static struct fault_plan fault;

struct shim_file {
    sqlite3_file base;
    sqlite3_file *real; /* follows this struct in the same allocation */
};

static sqlite3_file *real_of(sqlite3_file *f)
{
    return ((struct shim_file *)f)->real;
}

static bool refuse(void)
{
    if (!fault.armed)
        return false;
    if (fault.writes_left > 0) {
        fault.writes_left--;
        return false;
    }
    fault.failures++;
    return true;
}

static int shim_close(sqlite3_file *f)
{
    return real_of(f)->pMethods->xClose(real_of(f));
}
static int shim_read(sqlite3_file *f, void *buf, int n, sqlite3_int64 off)
{
    return real_of(f)->pMethods->xRead(real_of(f), buf, n, off);
}
static int shim_write(sqlite3_file *f, const void *buf, int n, sqlite3_int64 off)
{
    if (refuse())
        return fault.error;
    return real_of(f)->pMethods->xWrite(real_of(f), buf, n, off);
}
static int shim_truncate(sqlite3_file *f, sqlite3_int64 size)
{
    return real_of(f)->pMethods->xTruncate(real_of(f), size);
}
static int shim_sync(sqlite3_file *f, int flags)
{
    if (fault.armed && fault.writes_left == 0) {
        fault.failures++;
        return fault.error == SQLITE_FULL ? SQLITE_FULL : SQLITE_IOERR_FSYNC;
    }
    return real_of(f)->pMethods->xSync(real_of(f), flags);
}
static int shim_file_size(sqlite3_file *f, sqlite3_int64 *size)
{
    return real_of(f)->pMethods->xFileSize(real_of(f), size);
}
static int shim_lock(sqlite3_file *f, int level)
{
    return real_of(f)->pMethods->xLock(real_of(f), level);
}
static int shim_unlock(sqlite3_file *f, int level)
{
    return real_of(f)->pMethods->xUnlock(real_of(f), level);
}
static int shim_check_lock(sqlite3_file *f, int *out)
{
    return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
}
static int shim_file_control(sqlite3_file *f, int op, void *arg)
{
    return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
}
static int shim_sector_size(sqlite3_file *f)
{
    return real_of(f)->pMethods->xSectorSize(real_of(f));
}
static int shim_device(sqlite3_file *f)
{
    return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
}
static int shim_shm_map(sqlite3_file *f, int pg, int size, int extend, void volatile **out)
{
    return real_of(f)->pMethods->xShmMap(real_of(f), pg, size, extend, out);
}
static int shim_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
    return real_of(f)->pMethods->xShmLock(real_of(f), off, n, flags);
}
static void shim_shm_barrier(sqlite3_file *f)
{
    real_of(f)->pMethods->xShmBarrier(real_of(f));
}
static int shim_shm_unmap(sqlite3_file *f, int del)
{
    return real_of(f)->pMethods->xShmUnmap(real_of(f), del);
}

/* No memory-mapped reads (xFetch is left out): every page goes through xRead. */
static const sqlite3_io_methods shim_io = {2,
                                           shim_close,
                                           shim_read,
                                           shim_write,
                                           shim_truncate,
                                           shim_sync,
                                           shim_file_size,
                                           shim_lock,
                                           shim_unlock,
                                           shim_check_lock,
                                           shim_file_control,
                                           shim_sector_size,
                                           shim_device,
                                           shim_shm_map,
                                           shim_shm_lock,
                                           shim_shm_barrier,
                                           shim_shm_unmap,
                                           NULL,
                                           NULL};

static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *out)
{
    struct shim_file *sf = (struct shim_file *)f;
    sf->real = (sqlite3_file *)(sf + 1);
    int rc = real_vfs->xOpen(real_vfs, name, sf->real, flags, out);
    f->pMethods = rc == SQLITE_OK && sf->real->pMethods ? &shim_io : NULL;
    return rc;
}

static int shim_delete(sqlite3_vfs *v, const char *name, int sync)
{
    return real_vfs->xDelete(real_vfs, name, sync);
}
static int shim_access(sqlite3_vfs *v, const char *name, int flags, int *out)
{
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int shim_full_path(sqlite3_vfs *v, const char *name, int n, char *out)
{
    return real_vfs->xFullPathname(real_vfs, name, n, out);
}
static int shim_random(sqlite3_vfs *v, int n, char *out)
{
    return real_vfs->xRandomness(real_vfs, n, out);
}
static int shim_sleep(sqlite3_vfs *v, int us)
{
    return real_vfs->xSleep(real_vfs, us);
}
static int shim_time(sqlite3_vfs *v, double *out)
{
    return real_vfs->xCurrentTime(real_vfs, out);
}
static int shim_last_error(sqlite3_vfs *v, int n, char *out)
{
    return real_vfs->xGetLastError(real_vfs, n, out);
}
static int shim_time64(sqlite3_vfs *v, sqlite3_int64 *out)
{
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

/* Registered as the default, so store_open goes through it unchanged. */
static void shim_install(void)
{
    real_vfs = sqlite3_vfs_find(NULL);
    shim_vfs = (sqlite3_vfs){
        .iVersion = 2,
        .szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile,
        .mxPathname = real_vfs->mxPathname,
        .zName = "faulty",
        .xOpen = shim_open,
        .xDelete = shim_delete,
        .xAccess = shim_access,
        .xFullPathname = shim_full_path,
        .xRandomness = shim_random,
        .xSleep = shim_sleep,
        .xCurrentTime = shim_time,
        .xGetLastError = shim_last_error,
        .xCurrentTimeInt64 = shim_time64,
    };
    sqlite3_vfs_register(&shim_vfs, 1);
}

/* ---- the import under test ---- */

#define N_ARTICLES 60

static char dir[128], db[160], errlog[160];

static void write_articles(void)
{
    mkdir(dir, 0700);
    for (int i = 0; i < N_ARTICLES; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/a%03d.txt", dir, i);
        FILE *f = fopen(path, "w");
        if (!f)
            continue;
        fprintf(f, "Report number %d from the field\n\n", i);
        for (int k = 0; k < 20; k++)
            fprintf(f, "Sentence %d of report %d describes the situation in some detail. ", k, i);
        fputs("\n", f);
        fclose(f);
    }
}

static void remove_db(void)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < 4; i++) {
        char p[200];
        snprintf(p, sizeof p, "%s%s", db, suffixes[i]);
        unlink(p);
    }
}

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "r");
    static char buf[8192];
    buf[0] = '\0';
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

/* Imports everything with writes failing after `allowed` of them; returns the stats and
 * leaves what was printed on stderr in errlog. */
static int import_failing(long allowed, int error, struct ingest_stats *st)
{
    remove_db();
    struct store *s;
    char err[256];
    if (store_open(db, &s, err, sizeof err) != 0) {
        printf("#   open: %s\n", err);
        return -1;
    }
    fflush(stderr);
    int saved = dup(2);
    int fd = open(errlog, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    close(fd);
    fault = (struct fault_plan){true, allowed, error, 0};
    char *paths[] = {dir};
    struct ingest_options opt = {.batch_articles = 7};
    int rc = ingest_paths(s, NULL, paths, 1, &opt, st);
    store_close(s);
    fault.armed = false;
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    return rc;
}

static int64_t stored_count(char *integrity, size_t cap)
{
    struct store *s;
    char err[256];
    if (store_open(db, &s, err, sizeof err) != 0) {
        snprintf(integrity, cap, "reopen: %.200s", err);
        return -1;
    }
    int64_t n = store_article_count(s);
    if (store_integrity_check(s, integrity, cap) == 0)
        snprintf(integrity, cap, "ok");
    store_close(s);
    return n;
}

/* One failure point: the counts are exact and the reason is SQLite's. */
static void check_failure_at(long allowed, int error, const char *reason)
{
    struct ingest_stats st;
    int rc = import_failing(allowed, error, &st);
    char integrity[256];
    int64_t stored = stored_count(integrity, sizeof integrity);
    CHECK_STR(integrity, "ok");
    CHECK_INT(st.imported, stored);
    CHECK_INT(st.imported + st.failed, N_ARTICLES);
    if (fault.failures) {
        CHECK_INT(rc, 1);
        const char *log = read_all(errlog);
        if (!strstr(log, reason))
            printf("#   writes allowed %ld: [%s] not in stderr [%.300s]\n", allowed, reason, log);
        CHECK(strstr(log, reason) != NULL);
    }
    if (testlib_failures_in_test)
        printf("#   writes allowed %ld: imported %ld, failed %ld, stored %lld\n", allowed,
               st.imported, st.failed, (long long)stored);
}

static const long failure_points[] = {0, 3, 10, 25, 60, 120, 250, 100000};

static void test_disk_full_counts_only_what_committed(void)
{
    for (size_t i = 0; i < sizeof failure_points / sizeof *failure_points; i++)
        check_failure_at(failure_points[i], SQLITE_FULL, "disk is full");
}

static void test_io_error_counts_only_what_committed(void)
{
    for (size_t i = 0; i < sizeof failure_points / sizeof *failure_points; i++)
        check_failure_at(failure_points[i], SQLITE_IOERR_WRITE, "disk I/O error");
}

/* With nothing failing the shim is invisible: everything is imported. */
static void test_no_fault_imports_all(void)
{
    struct ingest_stats st;
    CHECK_INT(import_failing(1L << 30, SQLITE_FULL, &st), 0);
    char integrity[256];
    CHECK_INT(stored_count(integrity, sizeof integrity), N_ARTICLES);
    CHECK_INT(st.imported, N_ARTICLES);
}

/* The busy handler's schedule: a second passes before the notice, a minute before it
 * gives up, and the pauses never exceed a tenth of a second. */
static void test_wait_schedule(void)
{
    CHECK_INT(store_wait_total_ms(0), 0);
    CHECK_INT(store_wait_pause_ms(0), 1);
    CHECK_INT(store_wait_pause_ms(1000), 100);
    int n = 0;
    while (store_wait_total_ms(n) < STORE_WAIT_NOTICE_MS)
        n++;
    CHECK(n > 10 && n < 30);
    CHECK(store_wait_total_ms(700) >= STORE_WAIT_LIMIT_MS);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/sitrep-test-faults-%ld", (long)getpid());
    snprintf(db, sizeof db, "%s.db", dir);
    snprintf(errlog, sizeof errlog, "%s.err", dir);
    write_articles();
    shim_install();
    RUN(test_no_fault_imports_all);
    RUN(test_disk_full_counts_only_what_committed);
    RUN(test_io_error_counts_only_what_committed);
    RUN(test_wait_schedule);
    sqlite3_vfs_unregister(&shim_vfs);
    remove_db();
    unlink(errlog);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        printf("#   could not remove %s\n", dir);
    return TESTS_DONE();
}
