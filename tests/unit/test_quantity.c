/* test_quantity.c: counts in digits and words, with the FACTS.md qualifier table. */
#include <string.h>

#include "extract/quantity.h"
#include "testlib.h"

/* "qualifier n min max /span/" for the quantity at the start of s, or "none". */
static const char *parsed(const char *s)
{
    static char buf[160];
    struct quantity q;
    size_t used = quantity_parse(s, strlen(s), &q);
    if (!used)
        return "none";
    snprintf(buf, sizeof buf, "%s %ld %ld %ld /%.*s/", qualifier_name(q.qualifier), q.n, q.min,
             q.max, (int)used, s);
    return buf;
}

static void test_digits(void)
{
    CHECK_STR(parsed("14 Islamic State members"), "exact 14 14 14 /14/");
    CHECK_STR(parsed("1,800 families"), "exact 1800 1800 1800 /1,800/");
    CHECK_STR(parsed("4.7 million people"), "exact 4700000 4700000 4700000 /4.7 million/");
    CHECK_STR(parsed("3.6 million Iraqi children"), "exact 3600000 3600000 3600000 /3.6 million/");
    CHECK_STR(parsed("20 helicopters"), "exact 20 20 20 /20/");
    CHECK_STR(parsed("2014"), "exact 2014 2014 2014 /2014/");
}

static void test_words(void)
{
    CHECK_STR(parsed("fifteen people"), "exact 15 15 15 /fifteen/");
    CHECK_STR(parsed("Twenty one soldiers"), "exact 21 21 21 /Twenty one/");
    CHECK_STR(parsed("twenty-one soldiers"), "exact 21 21 21 /twenty-one/");
    CHECK_STR(parsed("a dozen fighters"), "exact 12 12 12 /a dozen/");
    CHECK_STR(parsed("two dozen fighters"), "exact 24 24 24 /two dozen/");
    CHECK_STR(parsed("one hundred and fifty militants"),
              "exact 150 150 150 /one hundred and fifty/");
    CHECK_STR(parsed("one hundred and the rest"), "exact 100 100 100 /one hundred/");
    CHECK_STR(parsed("two thousand five hundred homes"),
              "exact 2500 2500 2500 /two thousand five hundred/");
    CHECK_STR(parsed("a hundred people"), "exact 100 100 100 /a hundred/");
    CHECK_STR(parsed("one of the attackers"), "exact 1 1 1 /one/");
    CHECK_STR(parsed("Seven people"), "exact 7 7 7 /Seven/");
}

static void test_qualifiers(void)
{
    CHECK_STR(parsed("at least 12 civilians"), "at_least 12 12 -1 /at least 12/");
    CHECK_STR(parsed("not less than 10 people"), "at_least 10 10 -1 /not less than 10/");
    CHECK_STR(parsed("not fewer than 10 people"), "at_least 10 10 -1 /not fewer than 10/");
    CHECK_STR(parsed("half a dozen soldiers"), "exact 6 6 6 /half a dozen/");
    CHECK_STR(parsed("half of the soldiers"), "none");
    CHECK_STR(parsed("more than 20 vehicles"), "more_than 20 21 -1 /more than 20/");
    CHECK_STR(parsed("over 20 vehicles"), "more_than 20 21 -1 /over 20/");
    CHECK_STR(parsed("some 150 militants"), "about 150 150 150 /some 150/");
    CHECK_STR(parsed("about 260 vehicles"), "about 260 260 260 /about 260/");
    CHECK_STR(parsed("around 30 people"), "about 30 30 30 /around 30/");
    CHECK_STR(parsed("approximately 40 people"), "about 40 40 40 /approximately 40/");
    CHECK_STR(parsed("nearly 300 people"), "about 300 300 300 /nearly 300/");
    CHECK_STR(parsed("almost a dozen"), "about 12 12 12 /almost a dozen/");
    CHECK_STR(parsed("as many as 250 people"), "up_to 250 -1 250 /as many as 250/");
    CHECK_STR(parsed("up to 250 people"), "up_to 250 -1 250 /up to 250/");
    CHECK_STR(parsed("At least fifteen"), "at_least 15 15 -1 /At least fifteen/");
    CHECK_STR(parsed("more than a dozen"), "more_than 12 13 -1 /more than a dozen/");
    CHECK_STR(parsed("nearly two dozen"), "about 24 24 24 /nearly two dozen/");
    CHECK_STR(parsed("a hundred and twenty"), "exact 120 120 120 /a hundred and twenty/");
    CHECK_STR(parsed("10,000 troops"), "exact 10000 10000 10000 /10,000/");
    CHECK_STR(parsed("1,000,000 people"), "exact 1000000 1000000 1000000 /1,000,000/");
}

static void test_ranges(void)
{
    CHECK_STR(parsed("30 to 40 militants"), "range 30 30 40 /30 to 40/");
    CHECK_STR(parsed("30-40 militants"), "range 30 30 40 /30-40/");
    CHECK_STR(parsed("30\xe2\x80\x93"
                     "40 militants"),
              "range 30 30 40 /30\xe2\x80\x93"
              "40/");
    CHECK_STR(parsed("between 30 and 40 militants"), "range 30 30 40 /between 30 and 40/");
    CHECK_STR(parsed("two to three people"), "range 2 2 3 /two to three/");
    CHECK_STR(parsed("between 30 people"), "none");
    CHECK_STR(parsed("7 to 1"), "exact 7 7 7 /7/");
}

static void test_vague(void)
{
    CHECK_STR(parsed("dozens of civilians"), "vague 24 24 -1 /dozens/");
    CHECK_STR(parsed("Scores of fighters"), "vague 40 40 -1 /Scores/");
    CHECK_STR(parsed("hundreds of vehicles"), "vague 200 200 -1 /hundreds/");
    CHECK_STR(parsed("thousands of families"), "vague 2000 2000 -1 /thousands/");
    CHECK_STR(parsed("tens of thousands of people"), "vague 20000 20000 -1 /tens of thousands/");
    CHECK_STR(parsed("several hundred vehicles"), "vague 200 200 -1 /several hundred/");
    CHECK_STR(parsed("several families"), "vague -1 -1 -1 /several/");
    CHECK_STR(parsed("a number of militants"), "vague -1 -1 -1 /a number of/");
    CHECK_STR(parsed("many people"), "vague -1 -1 -1 /many/");
    CHECK_STR(parsed("at least dozens"), "vague 24 24 -1 /at least dozens/");
}

static void test_refusals(void)
{
    CHECK_STR(parsed("14% of Iraqi territory"), "none");
    CHECK_STR(parsed("14 percent of it"), "none");
    CHECK_STR(parsed("at least 40 per cent"), "none");
    CHECK_STR(parsed("7th division"), "none");
    CHECK_STR(parsed("10:30 am"), "none");
    CHECK_STR(parsed("3.5 kilometres"), "none");
    CHECK_STR(parsed("10km away"), "none");
    CHECK_STR(parsed("a building"), "none");
    CHECK_STR(parsed("dozen"), "none");
    CHECK_STR(parsed("some of them"), "none");
    CHECK_STR(parsed("over the past year"), "none");
    CHECK_STR(parsed("a seven-year-old boy"), "none");
    CHECK_STR(parsed("seven-year-old boy"), "none");
    CHECK_STR(parsed("20-minute battle"), "none");
}

static void test_find(void)
{
    const char *s = "The attacks killed at least 12 civilians and wounded 1,800.";
    struct quantity q;
    size_t at = 99, n = quantity_find(s, strlen(s), &q, &at);
    CHECK_INT(at, 19);
    CHECK_INT(q.start, 19);
    CHECK_INT(n, 11);
    CHECK_INT(q.n, 12);
    size_t next = at + n;
    n = quantity_find(s + next, strlen(s) - next, &q, &at);
    CHECK_INT(q.n, 1800);
    CHECK_INT(n, 5);
    CHECK_STR(s + next + at, "1,800.");
    const char *money = "It cost $5 million and \xc2\xa3"
                        "20 more.";
    CHECK_INT(quantity_find(money, strlen(money), &q, &at), 0);
    const char *none = "It holds 14% of the land, said the 7th division.";
    CHECK_INT(quantity_find(none, strlen(none), &q, &at), 0);
    /* phrases that open with a word no count opens with on its own */
    const char *half = "Officials said half a dozen soldiers and not less than 10 civilians died.";
    n = quantity_find(half, strlen(half), &q, &at);
    CHECK_INT(q.n, 6);
    next = at + n;
    n = quantity_find(half + next, strlen(half) - next, &q, &at);
    CHECK_INT(q.n, 10);
    CHECK_INT(q.qualifier, Q_AT_LEAST);
}

int main(void)
{
    RUN(test_digits);
    RUN(test_words);
    RUN(test_qualifiers);
    RUN(test_ranges);
    RUN(test_vague);
    RUN(test_refusals);
    RUN(test_find);
    return TESTS_DONE();
}
