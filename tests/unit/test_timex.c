/* test_timex.c: dateline forms parse, dates format and expressions resolve as news means. */
#include <stdio.h>
#include <string.h>

#include "testlib.h"
#include "base/timex.h"

/* Parses s and formats the result; "" when it is not a date. Also checks the bytes used. */
static const char *parsed(const char *s, size_t want_used)
{
    static char buf[32];
    struct timex_date d = {9, 9, 9};
    size_t used = timex_parse_date(s, strlen(s), &d);
    if (used != want_used) {
        printf("#   '%s' used %zu bytes, want %zu\n", s, used, want_used);
        testlib_failures_in_test++;
    }
    if (!used)
        return "";
    timex_format(&d, buf, sizeof buf);
    return buf;
}

static void test_parse_datelines(void)
{
    CHECK_STR(parsed("Wednesday, May 1, 2024", 22), "2024-05-01");
    CHECK_STR(parsed("May 1, 2024 | Baghdad", 11), "2024-05-01");
    CHECK_STR(parsed("1 May 2024", 10), "2024-05-01");
    CHECK_STR(parsed("01 March, 2022", 14), "2022-03-01");
    CHECK_STR(parsed("2024-05-01T10:00", 10), "2024-05-01");
    CHECK_STR(parsed("Dec. 24, 2019", 13), "2019-12-24");
    CHECK_STR(parsed("Sept. 21, 2024", 14), "2024-09-21");
    CHECK_STR(parsed("Sep 21 2024", 11), "2024-09-21");
    CHECK_STR(parsed("June 30", 7), "--06-30");
    CHECK_STR(parsed("June 30, when", 7), "--06-30");
    CHECK_STR(parsed("SATURDAY, SEPTEMBER 21, 2024", 28), "2024-09-21");
    CHECK_STR(parsed("5th of January", 14), "--01-05");
    CHECK_STR(parsed("Feb 29, 2024", 12), "2024-02-29");
    CHECK_STR(parsed("21/09/2024 10:30", 10), "2024-09-21");
    CHECK_STR(parsed("09/21/2024", 10), "2024-09-21");
    CHECK_STR(parsed("01.05.2024", 10), "2024-05-01");
    CHECK_STR(parsed("1 May 2024 10.30 BST", 10), "2024-05-01");
    /* Rudaw, France24, Al Jazeera and Garowe Online date lines */
    CHECK_STR(parsed("15-08-2023", 10), "2023-08-15");
    CHECK_STR(parsed("20/02/2023 - 17:05", 10), "2023-02-20");
    CHECK_STR(parsed("12 Mar 2023", 11), "2023-03-12");
    CHECK_STR(parsed("Friday November 17, 2023 - 10:05:32", 24), "2023-11-17");
    CHECK_STR(parsed("2024.05.06", 10), "2024-05-06");
    CHECK_STR(parsed("2024/05/06", 10), "2024-05-06");
    /* issue 13: page dates with the month named between dashes, ordinals, zones */
    CHECK_STR(parsed("30-Jan-2023", 11), "2023-01-30");
    CHECK_STR(parsed("30/Jan/2023", 11), "2023-01-30");
    CHECK_STR(parsed("4th Mar, 2022", 13), "2022-03-04");
    CHECK_STR(parsed("2022-04-08 18:32 CEST", 10), "2022-04-08");
}

/* "27-06-23" only where the first part cannot be a month: the rest stay unread. */
static void test_short_year(void)
{
    struct timex_date d = {0, 0, 0};
    char buf[16];
    CHECK_INT(timex_parse_short_year("27-06-23, 22:15", 15, &d), 8);
    timex_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "2023-06-27");
    CHECK_INT(timex_parse_short_year("05-06-23", 8, &d), 0);    /* 5 June or May 6 */
    CHECK_INT(timex_parse_short_year("27-13-23", 8, &d), 0);    /* no month 13 */
    CHECK_INT(timex_parse_short_year("31-02-23", 8, &d), 0);    /* no 31 February */
    CHECK_INT(timex_parse_short_year("27-06-2023", 10, &d), 0); /* a four-digit year */
    CHECK_INT(timex_parse_short_year("27-06-23-1", 10, &d), 0);
    CHECK_INT(timex_parse_date("27-06-23", 8, &d), 0); /* never read inside a story */
}

static void test_parse_refusals(void)
{
    CHECK_STR(parsed("Feb 30, 2024", 0), "");
    CHECK_STR(parsed("Feb 29, 2023", 0), "");
    CHECK_STR(parsed("May be", 0), "");
    CHECK_STR(parsed("Wednesday night", 0), "");
    CHECK_STR(parsed("14 Islamic State members", 0), "");
    CHECK_STR(parsed("March 150 km", 0), "");
    CHECK_STR(parsed("2024-13-01", 0), "");
    CHECK_STR(parsed("10:30", 0), "");
    CHECK_STR(parsed("30-Jan-23", 0), "");
    CHECK_STR(parsed("30-Jan/2023", 0), "");
    CHECK_STR(parsed("3.5 km", 0), "");
    CHECK_STR(parsed("24/7", 0), "");
    CHECK_STR(parsed("45-50-2000", 0), "");
    CHECK_STR(parsed("10-15 2023", 0), "");
    CHECK_STR(parsed("2024.5 million", 0), "");
}

static void test_format_and_weekday(void)
{
    char buf[16];
    struct timex_date d = {2016, 6, 0};
    timex_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "2016-06");
    d = (struct timex_date){2016, 0, 0};
    timex_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "2016");
    d = (struct timex_date){0, 6, 29};
    timex_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "--06-29");
    d = (struct timex_date){0, 0, 0};
    timex_format(&d, buf, sizeof buf);
    CHECK_STR(buf, "");
    /* 2024-05-01 was a Wednesday, 2024-09-21 a Saturday, 2000-02-29 a Tuesday. */
    CHECK_INT(timex_weekday(&(struct timex_date){2024, 5, 1}), 3);
    CHECK_INT(timex_weekday(&(struct timex_date){2024, 9, 21}), 6);
    CHECK_INT(timex_weekday(&(struct timex_date){2000, 2, 29}), 2);
    CHECK_INT(timex_weekday(&(struct timex_date){1970, 1, 1}), 4);
}

/* Runs timex_find on s and returns a description of each match: "text=value" or
 * "text=~Weekday", joined by " | ". */
static const char *found(const char *s, const struct timex_date *pub, struct timex_date *anchor)
{
    static char buf[512];
    struct timex_match m[8];
    size_t n = timex_find(s, strlen(s), pub, anchor, m, 8);
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        char one[96];
        snprintf(one, sizeof one, "%s%.*s=%s%s", i ? " | " : "", (int)m[i].len, s + m[i].start,
                 m[i].weekday[0] ? "~" : "", m[i].weekday[0] ? m[i].weekday : m[i].value);
        strncat(buf, one, sizeof buf - strlen(buf) - 1);
    }
    return buf;
}

static const struct timex_date pub_wed = {2024, 5, 1}; /* a Wednesday */

/* The hand-built format says what printf's would: full, partial and out-of-range dates, and
 * buffers too small for them. */
static void printf_format(const struct timex_date *d, char *buf, size_t cap)
{
    if (d->year && d->month && d->day)
        snprintf(buf, cap, "%04d-%02d-%02d", d->year, d->month, d->day);
    else if (d->year && d->month)
        snprintf(buf, cap, "%04d-%02d", d->year, d->month);
    else if (d->year)
        snprintf(buf, cap, "%04d", d->year);
    else if (d->month && d->day)
        snprintf(buf, cap, "--%02d-%02d", d->month, d->day);
    else if (d->month)
        snprintf(buf, cap, "--%02d", d->month);
    else
        buf[0] = '\0';
}

static void test_format_as_printf(void)
{
    static const int years[] = {0, 1, 7, 99, 999, 1999, 2024, 9999, 10000, -5};
    static const int months[] = {0, 1, 9, 12, 99, 100, -1};
    static const int days[] = {0, 1, 9, 31, 99, 123, -3};
    static const size_t caps[] = {1, 3, 5, 8, 11, 16};
    int mismatches = 0;
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
        for (size_t m = 0; m < sizeof months / sizeof months[0]; m++)
            for (size_t d = 0; d < sizeof days / sizeof days[0]; d++)
                for (size_t c = 0; c < sizeof caps / sizeof caps[0]; c++) {
                    struct timex_date t = {years[y], months[m], days[d]};
                    char got[32], want[32];
                    timex_format(&t, got, caps[c]);
                    printf_format(&t, want, caps[c]);
                    if (strcmp(got, want) != 0 && mismatches++ < 3)
                        printf("#   %d-%d-%d cap %zu: \"%s\", want \"%s\"\n", t.year, t.month,
                               t.day, caps[c], got, want);
                }
    CHECK_INT(mismatches, 0);
}

static void test_find_weekdays(void)
{
    CHECK_STR(found("Officials said on Tuesday that 14 were killed.", &pub_wed, NULL),
              "on Tuesday=2024-04-30");
    CHECK_STR(found("The strike came late Tuesday night.", &pub_wed, NULL),
              "late Tuesday night=2024-04-30");
    CHECK_STR(found("Clashes resumed Tuesday morning.", &pub_wed, NULL),
              "Tuesday morning=2024-04-30");
    CHECK_STR(found("The army said on Wednesday.", &pub_wed, NULL), "on Wednesday=2024-05-01");
    CHECK_STR(found("It began on Thursday.", &pub_wed, NULL), "on Thursday=2024-04-25");
    CHECK_STR(found("It began last Wednesday.", &pub_wed, NULL), "last Wednesday=2024-04-24");
    CHECK_STR(found("On Monday, police said.", &(struct timex_date){2024, 9, 21}, NULL),
              "On Monday=2024-09-16");
    CHECK_STR(found("The attack late Tuesday night killed 12.", NULL, NULL),
              "late Tuesday night=~Tuesday");
    CHECK_STR(found("The Sunday Times reported it.", &pub_wed, NULL), "");
}

static void test_find_calendar(void)
{
    CHECK_STR(found("It happened on June 29, when", &pub_wed, NULL), "on June 29=2023-06-29");
    CHECK_STR(found("It happened on June 29, when", NULL, NULL), "on June 29=--06-29");
    CHECK_STR(found("Fighting began on April 28.", &pub_wed, NULL), "on April 28=2024-04-28");
    CHECK_STR(found("Fighting began in May 2016.", NULL, NULL), "in May 2016=2016-05");
    CHECK_STR(found("Fighting began in May.", &pub_wed, NULL), "in May=2024-05");
    CHECK_STR(found("Fighting began in Jan. 2016 and", NULL, NULL), "in Jan. 2016=2016-01");
    CHECK_STR(found("A militant named Abu Dec came in.", &pub_wed, NULL), "");
    CHECK_STR(found("Fighting began in June.", &pub_wed, NULL), "in June=2023-06");
    CHECK_STR(found("Fighting began in mid-June.", &pub_wed, NULL), "in mid-June=2023-06");
    CHECK_STR(found("at its height, in 2014, it held", NULL, NULL), "in 2014=2014");
    CHECK_STR(found("which they recaptured late 2015.", NULL, NULL), "late 2015=2015");
    CHECK_STR(found("declared on the 5th of January the start", &pub_wed, NULL),
              "on the 5th of January=2024-01-05");
    CHECK_STR(found("It fell in May last year.", &pub_wed, NULL), "in May last year=2023-05");
    CHECK_STR(found("It fell in early March.", &pub_wed, NULL), "in early March=2024-03");
    CHECK_STR(found("by the end of March, 2000 of them", &pub_wed, NULL), "March=2024-03");
    CHECK_STR(found("a force of 2000 fighters", &pub_wed, NULL), "");
    CHECK_STR(found("BAGHDAD, Jan 5 (Reuters) - Gunmen", &pub_wed, NULL), "Jan 5=2024-01-05");
    CHECK_STR(found("Tuesday\xe2\x80\x99s attack", &pub_wed, NULL), "Tuesday=2024-04-30");
    CHECK_STR(found("Posted Wednesday, May 1, 2024 by staff", NULL, NULL),
              "Wednesday, May 1, 2024=2024-05-01");
}

static void test_find_relative(void)
{
    struct timex_date anchor = {0, 0, 0};
    CHECK_STR(found("Police said yesterday that", &pub_wed, &anchor), "yesterday=2024-04-30");
    CHECK_INT(anchor.day, 30);
    CHECK_STR(found("A bomb had exploded the previous day.", &pub_wed, &anchor),
              "the previous day=2024-04-29");
    CHECK_STR(found("Today the army advanced.", &pub_wed, NULL), "Today=2024-05-01");
    CHECK_STR(found("Two days ago, militants attacked.", &pub_wed, NULL),
              "Two days ago=2024-04-29");
    CHECK_STR(found("It fell last month.", &pub_wed, NULL), "last month=2024-04");
    CHECK_STR(found("It fell earlier this month.", &pub_wed, NULL), "earlier this month=2024-05");
    CHECK_STR(found("It fell last year.", &pub_wed, NULL), "last year=2023");
    CHECK_STR(found("It fell last week.", &pub_wed, NULL), "last week=2024-W17");
    CHECK_STR(found("It fell the day before.", NULL, NULL), "the day before=");
    CHECK_STR(found("It fell last month.", NULL, NULL), "last month=");
    struct timex_date a2 = {0, 0, 0};
    CHECK_STR(found("On January 2, 2023 they came; the day before", NULL, &a2),
              "On January 2, 2023=2023-01-02 | the day before=2023-01-01");
}

static void test_find_negatives(void)
{
    CHECK_STR(found("The toll may be higher, officials may say.", &pub_wed, NULL), "");
    CHECK_STR(found("Protesters march on the capital at 10:30.", &pub_wed, NULL), "");
    CHECK_STR(found("Militants numbered 2000 in the two towns.", &pub_wed, NULL), "");
    CHECK_STR(found("It holds 14% of the territory.", &pub_wed, NULL), "");
    CHECK_STR(found("More than 20 helicopters took part.", &pub_wed, NULL), "");
}

int main(void)
{
    RUN(test_parse_datelines);
    RUN(test_parse_refusals);
    RUN(test_short_year);
    RUN(test_format_and_weekday);
    RUN(test_format_as_printf);
    RUN(test_find_weekdays);
    RUN(test_find_calendar);
    RUN(test_find_relative);
    RUN(test_find_negatives);
    return TESTS_DONE();
}
