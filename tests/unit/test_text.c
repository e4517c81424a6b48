/* test_text.c: repair, folding, sentence splitting, widths and sanitising. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testlib.h"
#include "base/text.h"

static void fold_is(const char *in, const char *want)
{
    char out[256];
    text_fold(in, strlen(in), out, sizeof out);
    CHECK_STR(out, want);
}

static void folding(void)
{
    fold_is("al-Qa'im", "al qaim");
    fold_is("Al Qā’im", "al qaim");
    fold_is("Ḩadīthah", "hadithah");
    fold_is("  FALLUJAH ", "fallujah");
    fold_is("Deir ez-Zor", "deir ez zor");
    fold_is("Tall ‘Afar", "tall afar");
}

static void fold_truncates_safely(void)
{
    char out[4];
    size_t n = text_fold("Baghdad", 7, out, sizeof out);
    CHECK_INT(n, 3);
    CHECK_STR(out, "bag");
}

static size_t split(const char *text, struct text_span **spans)
{
    return text_split_sentences(text, strlen(text), spans);
}

static void sentences(void)
{
    const char *t = "Title line\n\nLt. Gen. Hamid al-Maliki said the U.S.-led coalition struck. "
                    "Col. Garver agreed! Losses rose 4.5 percent? No.";
    struct text_span *s = NULL;
    size_t n = split(t, &s);
    CHECK_INT(n, 5);
    if (n == 5) {
        CHECK(strncmp(t + s[0].start, "Title line", s[0].len) == 0 && s[0].len == 10);
        CHECK(strncmp(t + s[1].start, "Lt. Gen.", 8) == 0);
        CHECK(t[s[1].start + s[1].len - 1] == '.');
        CHECK(strncmp(t + s[2].start, "Col. Garver agreed!", s[2].len) == 0);
        CHECK(strncmp(t + s[3].start, "Losses rose 4.5 percent?", s[3].len) == 0);
        CHECK(strncmp(t + s[4].start, "No.", s[4].len) == 0);
    }
    free(s);
}

static void initialism_then_new_sentence(void)
{
    const char *t = "Aid came from the U.N. Two soldiers were killed. The U.S. State Department "
                    "agreed at 10 a.m. Later it rained.";
    struct text_span *s = NULL;
    size_t n = split(t, &s);
    CHECK_INT(n, 4);
    if (n == 4) {
        CHECK(strncmp(t + s[0].start, "Aid came from the U.N.", s[0].len) == 0);
        CHECK(strncmp(t + s[1].start, "Two soldiers were killed.", s[1].len) == 0);
        CHECK(strncmp(t + s[2].start, "The U.S. State Department agreed at 10 a.m.", s[2].len) ==
              0);
    }
    free(s);
}

/* 10,000 bytes of words without a full stop: cut at spaces into runs of at least
 * TEXT_MAX_SENTENCE bytes and at most that plus one word; nothing lost but the spaces. */
static void endless_sentence_is_cut(void)
{
    size_t n_words = 1000;
    char *t = malloc(n_words * 10 + 1);
    size_t len = 0;
    for (size_t i = 0; i < n_words; i++)
        len += (size_t)sprintf(t + len, "%s", i % 2 ? "militants " : "fighters ");
    struct text_span *s;
    size_t n = text_split_sentences(t, len, &s);
    CHECK(n >= len / (TEXT_MAX_SENTENCE + 10) && n <= len / TEXT_MAX_SENTENCE + 1);
    size_t covered = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(s[i].len <= TEXT_MAX_SENTENCE + 10);
        if (i + 1 < n)
            CHECK(s[i].len >= TEXT_MAX_SENTENCE - 10);
        CHECK(t[s[i].start] != ' ' && t[s[i].start + s[i].len - 1] != ' ');
        covered += s[i].len + 1;
    }
    CHECK_INT(covered, len);
    free(s);
    free(t);
}

static void widths(void)
{
    CHECK_INT(text_width("abc", 3), 3);
    CHECK_INT(text_width("日本", strlen("日本")), 4);
    CHECK_INT(text_width("e\xcc\x81", 3), 1); /* e + combining acute */
    int used = 0;
    const char *s = "日本語";
    CHECK_INT(text_prefix_fitting(s, strlen(s), 5, &used), 6); /* two wide chars, not 2.5 */
    CHECK_INT(used, 4);
    CHECK_INT(text_prefix_fitting("e\xcc\x81x", 4, 1, &used), 3); /* mark stays with e */
}

static void repair(void)
{
    size_t len, bad;
    char *r = text_repair("ok \xff\xfe end\r\nnext\0z", 17, &len, &bad);
    CHECK(r != NULL);
    if (!r)
        return;
    CHECK(strstr(r, "\xef\xbf\xbd") != NULL);
    CHECK(strstr(r, "\r") == NULL);
    CHECK(strstr(r, "end\nnext") != NULL);
    CHECK(bad >= 2);
    CHECK_INT(strlen(r), len);
    free(r);
    /* NFC: e + combining acute becomes one precomposed character */
    r = text_repair("Cafe\xcc\x81", 6, &len, NULL);
    CHECK_STR(r, "Caf\xc3\xa9");
    free(r);
}

/* "Kābul ☂" then U+1F600 as a surrogate pair, hand-encoded in both byte orders. */
static void utf16_decoding(void)
{
    static const char le[] = "K\0\x01\x01"
                             "b\0u\0l\0 \0\x02\x26"
                             "=\xd8\0\xde";
    static const char be[] = "\0K\x01\x01\0b\0u\0l\0 \x26\x02\xd8"
                             "=\xde\0";
    const char *want = "K\xc4\x81"
                       "bul \xe2\x98\x82\xf0\x9f\x98\x80";
    size_t n = 0;
    char *s = text_from_utf16(le, sizeof le - 1, false, &n);
    CHECK_STR(s, want);
    CHECK_INT(n, strlen(want));
    free(s);
    s = text_from_utf16(be, sizeof be - 1, true, &n);
    CHECK_STR(s, want);
    free(s);
    /* A lone low surrogate, a high one followed by a letter, an odd last byte. */
    static const char bad[] = "\0\xdc"
                              "A\0\0\xd8"
                              "B\0C";
    s = text_from_utf16(bad, sizeof bad - 1, false, &n);
    CHECK_STR(s, "\xef\xbf\xbd"
                 "A\xef\xbf\xbd"
                 "B\xef\xbf\xbd");
    free(s);
    s = text_from_utf16("", 0, true, &n);
    CHECK_STR(s, "");
    CHECK_INT(n, 0);
    free(s);
}

static void binary_detection(void)
{
    CHECK(text_looks_binary("\x7f"
                            "ELF\0\0\0\x01\x02",
                            9));
    CHECK(!text_looks_binary("Plain news text.\n", 17));
    CHECK(!text_looks_binary("Qā’im – ok", strlen("Qā’im – ok")));
}

static void sanitising(void)
{
    const char *evil = "a\x1b[31mred\x1b]0;title\x07 b\xe2\x80\xae"
                       "c\x7f"
                       "d\tx\ny";
    char *s = text_sanitize(evil, strlen(evil));
    CHECK(s != NULL);
    if (!s)
        return;
    CHECK(strchr(s, '\x1b') == NULL);
    CHECK(strchr(s, '\x07') == NULL);
    CHECK(strchr(s, '\x7f') == NULL);
    CHECK(strstr(s, "\xe2\x80\xae") == NULL);
    CHECK(strstr(s, "red") != NULL);
    CHECK(strstr(s, "title") == NULL); /* an OSC string is dropped whole */
    CHECK(strstr(s, "\tx\ny") != NULL);
    free(s);
}

int main(void)
{
    RUN(folding);
    RUN(fold_truncates_safely);
    RUN(sentences);
    RUN(initialism_then_new_sentence);
    RUN(endless_sentence_is_cut);
    RUN(widths);
    RUN(repair);
    RUN(binary_detection);
    RUN(utf16_decoding);
    RUN(sanitising);
    return TESTS_DONE();
}
