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

int main(void)
{
    RUN(test_known);
    RUN(test_paths_agree);
    return TESTS_DONE();
}
