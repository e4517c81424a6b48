/* testlib.h: the unit tests' tiny harness.
 *
 * Each test binary prints one line per check group: "ok NAME" or "not ok NAME: why".
 * tests/run.sh counts those lines across every binary and script, so a binary that
 * crashes part-way still reports what ran, and the crash itself counts as a failure. */
#ifndef SITREP_TESTLIB_H
#define SITREP_TESTLIB_H

#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Removes a test's SQLite database with its write-ahead log and shared-memory files. */
static inline void testlib_unlink_db(const char *path)
{
    char side[4096];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}

static int testlib_failures_in_test;
static int testlib_failed_tests;

/* A failed check records where and why, and the test carries on so one run shows all. */
#define CHECK(cond)                                                                                \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            printf("#   %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);                    \
            testlib_failures_in_test++;                                                            \
        }                                                                                          \
    } while (0)

#define CHECK_STR(got, want)                                                                       \
    do {                                                                                           \
        const char *got_ = (got), *want_ = (want);                                                 \
        if (!((got_ == NULL && want_ == NULL) ||                                                   \
              (got_ != NULL && want_ != NULL && strcmp(got_, want_) == 0))) {                      \
            printf("#   %s:%d: %s is \"%s\", want \"%s\"\n", __FILE__, __LINE__, #got,             \
                   got_ ? got_ : "(null)", want_ ? want_ : "(null)");                              \
            testlib_failures_in_test++;                                                            \
        }                                                                                          \
    } while (0)

#define CHECK_INT(got, want)                                                                       \
    do {                                                                                           \
        long long got_ = (long long)(got), want_ = (long long)(want);                              \
        if (got_ != want_) {                                                                       \
            printf("#   %s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, got_, want_);   \
            testlib_failures_in_test++;                                                            \
        }                                                                                          \
    } while (0)

/* RUN(fn) runs one test function and prints its ok / not ok line. */
#define RUN(fn)                                                                                    \
    do {                                                                                           \
        testlib_failures_in_test = 0;                                                              \
        fflush(stdout);                                                                            \
        fn();                                                                                      \
        if (testlib_failures_in_test) {                                                            \
            printf("not ok %s: %d check(s) failed\n", #fn, testlib_failures_in_test);              \
            testlib_failed_tests++;                                                                \
        } else {                                                                                   \
            printf("ok %s\n", #fn);                                                                \
        }                                                                                          \
        fflush(stdout);                                                                            \
    } while (0)

#define TESTS_DONE() (testlib_failed_tests ? 1 : 0)

#endif
