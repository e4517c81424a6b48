/* test_article_spans.c: packing sentences and mentions into blobs and back; damaged blobs
 * are refused, never read past. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/article_spans.h"
#include "testlib.h"

static void test_sentences_round_trip(void)
{
    struct text_span in[] = {{0, 37}, {39, 120}, {160, 0}, {(size_t)1 << 33, 2100}};
    size_t len = 0, n = 0;
    unsigned char *blob = spans_pack_sentences(in, 4, &len);
    CHECK(blob != NULL);
    /* format byte, then 1+1, 1+1, 2+1 and 5+2 bytes of varints */
    CHECK_INT(len, 1 + 2 + 2 + 3 + 7);
    struct text_span *out = NULL;
    CHECK_INT(spans_unpack_sentences(blob, len, &out, &n), 0);
    CHECK_INT(n, 4);
    for (size_t i = 0; out && i < n && i < 4; i++) {
        CHECK_INT(out[i].start, in[i].start);
        CHECK_INT(out[i].len, in[i].len);
    }
    free(out);
    free(blob);
}

static void test_mentions_round_trip(void)
{
    struct mention in[] = {
        {MENTION_PLACE, 0, 1, 12, 4},
        {MENTION_SOURCE, -1, -1, 300, 22}, /* no index, no sentence */
        {MENTION_FIGURE, 70000, INT32_MAX, 5, 9},
        {MENTION_DATE, INT32_MIN, 0, 0, 0},
    };
    size_t len = 0, n = 0;
    unsigned char *blob = spans_pack_mentions(in, 4, &len);
    CHECK(blob != NULL);
    struct mention *out = NULL;
    CHECK_INT(spans_unpack_mentions(blob, len, &out, &n), 0);
    CHECK_INT(n, 4);
    for (size_t i = 0; out && i < n && i < 4; i++) {
        CHECK_INT(out[i].type, in[i].type);
        CHECK_INT(out[i].index, in[i].index);
        CHECK_INT(out[i].sentence, in[i].sentence);
        CHECK_INT(out[i].start, in[i].start);
        CHECK_INT(out[i].len, in[i].len);
    }
    free(out);
    free(blob);
}

/* No entries: a format byte alone, or (as a NULL column reads) nothing at all. */
static void test_empty(void)
{
    size_t len = 0, n = 7;
    unsigned char *blob = spans_pack_sentences(NULL, 0, &len);
    CHECK_INT(len, 1);
    struct text_span *out = (struct text_span *)blob;
    CHECK_INT(spans_unpack_sentences(blob, len, &out, &n), 0);
    CHECK_INT(n, 0);
    CHECK(out == NULL);
    CHECK_INT(spans_unpack_sentences(NULL, 0, &out, &n), 0);
    CHECK_INT(n, 0);
    free(blob);
}

static void test_damaged_blobs_refused(void)
{
    struct text_span in[] = {{1000, 300}};
    size_t len = 0, n = 0;
    unsigned char *blob = spans_pack_sentences(in, 1, &len);
    struct text_span *out = NULL;
    /* 1000 and 300 are 0xe8 0x07 and 0xac 0x02: cut inside the last varint */
    CHECK_INT(len, 5);
    CHECK_INT(spans_unpack_sentences(blob, len - 1, &out, &n), -1);
    CHECK(out == NULL);
    unsigned char start_only[] = {1, 5}; /* a start without its length */
    CHECK_INT(spans_unpack_sentences(start_only, sizeof start_only, &out, &n), -1);
    unsigned char cut[] = {1, 0xe8}; /* the continuation is missing */
    CHECK_INT(spans_unpack_sentences(cut, sizeof cut, &out, &n), -1);
    CHECK(out == NULL);
    unsigned char other_format[] = {2, 5, 5};
    CHECK_INT(spans_unpack_sentences(other_format, sizeof other_format, &out, &n), -1);
    unsigned char endless[12];
    endless[0] = 1;
    memset(endless + 1, 0xff, sizeof endless - 1); /* a varint longer than 64 bits */
    CHECK_INT(spans_unpack_sentences(endless, sizeof endless, &out, &n), -1);
    /* a mention of a type that does not exist */
    struct mention m = {MENTION_PLACE, 0, 0, 0, 0};
    size_t mlen = 0;
    unsigned char *mblob = spans_pack_mentions(&m, 1, &mlen);
    mblob[1] = 9;
    struct mention *mout = NULL;
    CHECK_INT(spans_unpack_mentions(mblob, mlen, &mout, &n), -1);
    CHECK(mout == NULL);
    free(mblob);
    free(blob);
}

/* Dates keep their strings, NULL apart from empty, and a string running past the end of
 * its blob is refused. */
static void test_dates_round_trip(void)
{
    struct date_fact in[] = {
        {"late Tuesday night", "2024-04-30", NULL, 3},
        {"Tuesday", NULL, "Tuesday", -1},
        {"", NULL, NULL, 70000},
    };
    size_t len = 0;
    unsigned char *blob = spans_pack_dates(in, 3, &len);
    CHECK(blob != NULL);
    struct facts f;
    facts_init(&f);
    CHECK_INT(spans_unpack_dates(blob, len, &f), 0);
    CHECK_INT(f.n_dates, 3);
    if (f.n_dates == 3) {
        CHECK_STR(f.dates[0].text, "late Tuesday night");
        CHECK_STR(f.dates[0].value, "2024-04-30");
        CHECK_STR(f.dates[0].weekday, NULL);
        CHECK_INT(f.dates[0].sentence, 3);
        CHECK_STR(f.dates[1].value, NULL);
        CHECK_STR(f.dates[1].weekday, "Tuesday");
        CHECK_INT(f.dates[1].sentence, -1);
        CHECK_STR(f.dates[2].text, "");
        CHECK_INT(f.dates[2].sentence, 70000);
    }
    facts_free(&f);
    facts_init(&f);
    unsigned char past_end[] = {1, 0, 9, 'a', 'b'}; /* sentence 0, a text of 8 bytes */
    CHECK_INT(spans_unpack_dates(past_end, sizeof past_end, &f), -1);
    CHECK_INT(f.n_dates, 0);
    facts_free(&f);
    free(blob);
}

int main(void)
{
    RUN(test_sentences_round_trip);
    RUN(test_mentions_round_trip);
    RUN(test_empty);
    RUN(test_damaged_blobs_refused);
    RUN(test_dates_round_trip);
    return TESTS_DONE();
}
