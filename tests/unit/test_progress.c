/* test_progress.c: the progress line's text (the drawing itself needs a terminal). */
#include "base/progress.h"
#include "testlib.h"

static void test_format_with_total(void)
{
    char buf[256];
    /* 50 of 100 MB in 10 s: 5 MB/s, the other 50 MB take 10 s more. */
    progress_format(buf, sizeof buf, 100, 50000000, 100000000, 10.0, 80);
    CHECK_STR(buf, "[###################-------------------]  50% 100 articles, 5.0 MB/s, "
                   "0:10 left");
}

static void test_format_without_total(void)
{
    char buf[256];
    progress_format(buf, sizeof buf, 7, 3000000, 0, 2.0, 80);
    CHECK_STR(buf, "7 articles, 1.5 MB/s");
}

static void test_format_long_eta_and_narrow(void)
{
    char buf[256];
    /* 1 MB of 7201 MB at 1 MB/s: two hours left; 30 columns leave no room for a bar. */
    progress_format(buf, sizeof buf, 1, 1000000, 7201000000u, 1.0, 30);
    CHECK_STR(buf, "1 articles, 1.0 MB/s, 2:00:00 left");
}

int main(void)
{
    RUN(test_format_with_total);
    RUN(test_format_without_total);
    RUN(test_format_long_eta_and_narrow);
    return TESTS_DONE();
}
