/* test_fold.c: text_fold's ASCII path gives what its Unicode path gives. */
#include <stdio.h>
#include <string.h>

#include "testlib.h"
#include "base/text.h"

/* A combining acute accent first sends s down the Unicode path (a mark is dropped and
 * starts no space), so both paths fold the same text. */
static void check_same(const char *s, size_t cap)
{
    char fast[256], slow[256], marked[300];
    snprintf(marked, sizeof marked, "\xcc\x81%s", s);
    size_t nf = text_fold(s, strlen(s), fast, cap);
    size_t ns = text_fold(marked, strlen(marked), slow, cap);
    if (nf != ns || strcmp(fast, slow) != 0)
        printf("#   \"%s\" (cap %zu): ascii \"%s\", unicode \"%s\"\n", s, cap, fast, slow);
    CHECK_INT(nf, ns);
    CHECK_STR(fast, slow);
}

static void test_known(void)
{
    char out[64];
    CHECK_INT(text_fold("Al-Qa'im, ANBAR", 15, out, sizeof out), 13);
    CHECK_STR(out, "al qaim anbar");
    text_fold("  \"Daesh\" -- 2024 ", 18, out, sizeof out);
    CHECK_STR(out, "daesh 2024");
    text_fold("", 0, out, sizeof out);
    CHECK_STR(out, "");
}

static void test_paths_agree(void)
{
    char all[128];
    int n = 0;
    for (int c = 1; c < 128; c++)
        all[n++] = (char)c;
    all[n] = '\0';
    check_same(all, 256);
    check_same("Lt. Gen. Hamid al-Maliki said 138 vehicles", 256);
    check_same("  leading and trailing  ", 256);
    check_same("O'Brien's `quoted` \"words\"", 256);
    check_same("tabs\tand\nnewlines\r\n", 256);
    /* a full buffer cuts at the same place */
    for (size_t cap = 1; cap < 20; cap++)
        check_same("Mosul, Nineveh province, Iraq", cap);
}

/* Each prefix length text_fold_prefixes reports is text_fold's of that prefix, and the
 * output holds that fold as its start; caps that cut the fold short included. */
static void check_prefixes(const char *s, size_t cap)
{
    size_t ends[16] = {0}, lens[16] = {0}, n = 0, len = strlen(s);
    for (size_t i = 1; i <= len && n < 16; i++)
        if (i == len || s[i] == ' ' || s[i] == '-')
            ends[n++] = i;
    char all[256], one[256];
    CHECK(text_fold_prefixes(s, len, ends, n, all, cap, lens));
    for (size_t k = 0; k < n; k++) {
        size_t want = text_fold(s, ends[k], one, cap);
        CHECK_INT(lens[k], want);
        CHECK(memcmp(all, one, want) == 0);
    }
}

static void test_prefixes(void)
{
    check_prefixes("Islamic State of Iraq", 256);
    check_prefixes("al-Qa'im  \"Daesh\" -- 2024 fighters", 256);
    check_prefixes("Kata'ib Hezbollah's men", 256);
    check_prefixes("Popular Mobilization Forces", 12); /* the fold cut at the cap */
    check_prefixes("  leading spaces then words", 256);
    char out[64];
    size_t ends[1] = {6}, lens[1];
    CHECK(!text_fold_prefixes("Ḩadīthah", strlen("Ḩadīthah"), ends, 1, out, sizeof out, lens));
}

int main(void)
{
    RUN(test_known);
    RUN(test_paths_agree);
    RUN(test_prefixes);
    return TESTS_DONE();
}
