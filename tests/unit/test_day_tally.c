/* test_day_tally.c: the timeline's sums by day, week and month, worked out by hand. */
#include <stdlib.h>

#include "store/day_tally.h"
#include "testlib.h"

/* Three reports:
 *   article 7, 2024-05-01 (a Wednesday): killed 14 (sentence 2, so in the lede: its own
 *              figure), killed 200 (sentence 5, recalled further down), wounded 3;
 *              2024-04-28 (Sunday): killed 5 (sentence 9)
 *   article 9, 2024-05-01: wounded 40 (sentence 1); an undated figure
 *   article 4, no figures, published 2024-05-02 */
static void feed(struct day_tally *t)
{
    CHECK_INT(day_tally_add(t, 7, "2024-05-01", TALLY_KILLED, 14, 2), 0);
    CHECK_INT(day_tally_add(t, 7, "2024-05-01T22:00", TALLY_KILLED, 200, 5), 0);
    CHECK_INT(day_tally_add(t, 7, "2024-05-01", TALLY_WOUNDED, 3, 5), 0);
    CHECK_INT(day_tally_add(t, 7, "2024-04-28", TALLY_KILLED, 5, 9), 0);
    CHECK_INT(day_tally_add(t, 9, "2024-05-01", TALLY_WOUNDED, 40, 1), 0);
    CHECK_INT(day_tally_add(t, 9, "2024-05", TALLY_KILLED, 1000, 3), 0);
    CHECK_INT(day_tally_add(t, 9, NULL, TALLY_KILLED, 1000, 3), 0);
    CHECK_INT(day_tally_add(t, 4, "2024-05-02", TALLY_OTHER, 0, 0), 0);
}

static void test_by_day(void)
{
    struct day_tally *t = day_tally_new(ZOOM_DAY);
    feed(t);
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    CHECK_INT(n, 3);
    if (n == 3) {
        /* newest first; the partial date "2024-05" and the undated figure count nowhere */
        CHECK_STR(rows[0].bucket, "2024-05-02");
        CHECK_INT(rows[0].reports, 1);
        CHECK_INT(rows[0].killed, 0);
        CHECK_INT(rows[0].best_article, 4);
        CHECK_STR(rows[1].bucket, "2024-05-01");
        CHECK_INT(rows[1].reports, 2);
        CHECK_INT(rows[1].killed, 14);  /* article 7's own that day (its lede), once */
        CHECK_INT(rows[1].wounded, 43); /* 3 from article 7 and 40 from article 9 */
        CHECK_INT(rows[1].best_article, 7);
        CHECK_INT(rows[1].best_sentence, 2);
        CHECK_STR(rows[2].bucket, "2024-04-28");
        CHECK_INT(rows[2].killed, 5);
        CHECK_INT(rows[2].best_sentence, 9);
    }
    free(rows);
    day_tally_free(t);
}

/* A report with no full date anywhere (article 11: its figure undated, published on no
 * stated day; article 12: no figures, no date) is counted in an "undated" row, last, with
 * its own figure, instead of dropped without a word; a dated article's undated figure
 * still counts nowhere (article 9 above). */
static void test_undated_reports(void)
{
    struct day_tally *t = day_tally_new(ZOOM_MONTH);
    feed(t);
    CHECK_INT(day_tally_add(t, 11, NULL, TALLY_KILLED, 30, 1), 0);
    CHECK_INT(day_tally_add(t, 11, "2024-05", TALLY_WOUNDED, 7, 2), 0);
    CHECK_INT(day_tally_add(t, 12, NULL, TALLY_OTHER, 0, 0), 0);
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    CHECK_INT(n, 3); /* 2024-05, 2024-04, undated */
    if (n == 3) {
        CHECK_STR(rows[0].bucket, "2024-05");
        CHECK_STR(rows[2].bucket, "undated");
        CHECK_INT(rows[2].reports, 2);
        CHECK_INT(rows[2].killed, 30);
        CHECK_INT(rows[2].wounded, 7);
        CHECK_INT(rows[2].best_article, 11);
    }
    free(rows);
    day_tally_free(t);
}

static void test_by_week(void)
{
    struct day_tally *t = day_tally_new(ZOOM_WEEK);
    feed(t);
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    /* Sunday 2024-04-28 closes the week of Monday 04-22; 05-01 and 05-02 are in the week
     * of Monday 04-29 */
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(rows[0].bucket, "2024-04-29");
        CHECK_INT(rows[0].reports, 3);
        CHECK_INT(rows[0].killed, 14);
        CHECK_INT(rows[0].wounded, 43);
        CHECK_STR(rows[1].bucket, "2024-04-22");
        CHECK_INT(rows[1].reports, 1);
        CHECK_INT(rows[1].killed, 5);
    }
    free(rows);
    day_tally_free(t);
}

static void test_by_month(void)
{
    struct day_tally *t = day_tally_new(ZOOM_MONTH);
    feed(t);
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(rows[0].bucket, "2024-05");
        CHECK_INT(rows[0].reports, 3);
        CHECK_INT(rows[0].killed, 14);
        CHECK_STR(rows[1].bucket, "2024-04");
        /* one article, two days, two months: each day in its own month */
        CHECK_INT(rows[1].reports, 1);
        CHECK_INT(rows[1].killed, 5);
    }
    free(rows);
    day_tally_free(t);
}

/* A report's own figure of a day: one in the headline or lede, the larger there (12 and
 * 30: 30, not the 900 further down); without one up there, the larger (9 and 50: 50). */
static void test_own_figure(void)
{
    struct day_tally *t = day_tally_new(ZOOM_DAY);
    day_tally_add(t, 1, "2024-06-10", TALLY_KILLED, 12, 0);
    day_tally_add(t, 1, "2024-06-10", TALLY_KILLED, 30, 2);
    day_tally_add(t, 1, "2024-06-10", TALLY_KILLED, 900, 7);
    day_tally_add(t, 2, "2024-06-11", TALLY_WOUNDED, 50, 8);
    day_tally_add(t, 2, "2024-06-11", TALLY_WOUNDED, 9, 4);
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(rows[0].bucket, "2024-06-11");
        CHECK_INT(rows[0].wounded, 50);
        CHECK_INT(rows[0].best_sentence, 8);
        CHECK_STR(rows[1].bucket, "2024-06-10");
        CHECK_INT(rows[1].killed, 30);
        CHECK_INT(rows[1].best_sentence, 2);
    }
    free(rows);
    day_tally_free(t);
}

/* Two days of one article in one week add up (each day's largest), and the article still
 * counts as one report; weeks across a year's end and a leap day land on their Monday. */
static void test_week_edges(void)
{
    struct day_tally *t = day_tally_new(ZOOM_WEEK);
    day_tally_add(t, 1, "2024-12-30", TALLY_KILLED, 2, 0); /* Monday */
    day_tally_add(t, 1, "2025-01-01", TALLY_KILLED, 3, 0); /* Wednesday, same week */
    day_tally_add(t, 2, "2024-03-03", TALLY_KILLED, 1, 0); /* Sunday after the leap day */
    day_tally_add(t, 3, "2024-02-29", TALLY_WOUNDED, 6, 0);
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    CHECK_INT(n, 2);
    if (n == 2) {
        CHECK_STR(rows[0].bucket, "2024-12-30");
        CHECK_INT(rows[0].reports, 1);
        CHECK_INT(rows[0].killed, 5);
        CHECK_STR(rows[1].bucket, "2024-02-26");
        CHECK_INT(rows[1].reports, 2);
        CHECK_INT(rows[1].killed, 1);
        CHECK_INT(rows[1].wounded, 6);
        /* killed before wounded, whatever the size */
        CHECK_INT(rows[1].best_article, 2);
    }
    free(rows);
    day_tally_free(t);
}

/* More buckets than the first table holds. */
static void test_many_buckets(void)
{
    struct day_tally *t = day_tally_new(ZOOM_DAY);
    char day[32];
    for (int i = 0; i < 3000; i++) {
        snprintf(day, sizeof day, "%04d-%02d-%02d", 1000 + i, 1 + i % 12, 1 + i % 28);
        CHECK_INT(day_tally_add(t, i + 1, day, TALLY_KILLED, i, 0), 0);
    }
    struct timeline_row *rows;
    int n = day_tally_finish(t, &rows);
    CHECK_INT(n, 3000);
    if (n == 3000) {
        CHECK_STR(rows[0].bucket,
                  "3999-12-04"); /* i = 2999: month 2999 % 12 + 1 = 12, day 2999 % 28 + 1 = 4 */
        CHECK_INT(rows[0].killed, 2999);
        CHECK_STR(rows[2999].bucket, "1000-01-01");
    }
    free(rows);
    day_tally_free(t);
}

int main(void)
{
    RUN(test_by_day);
    RUN(test_by_week);
    RUN(test_undated_reports);
    RUN(test_by_month);
    RUN(test_own_figure);
    RUN(test_week_edges);
    RUN(test_many_buckets);
    return TESTS_DONE();
}
