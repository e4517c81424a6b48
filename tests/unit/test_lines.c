/* test_lines.c: wrapping at display width, with source offsets kept. */
#include <string.h>

#include "lines.h"
#include "testlib.h"
#include "base/text.h"

static void test_words(void)
{
    struct lines l = {0};
    const char *t = "Gunmen killed four people in Kandahar";
    lines_wrap(&l, t, strlen(t), 16, 100, 7);
    /* "Gunmen killed" (13), "four people in" (14), "Kandahar" (8) */
    CHECK_INT(l.n, 3);
    if (l.n == 3) {
        CHECK(l.v[0].len == 13 && memcmp(l.v[0].s, "Gunmen killed", 13) == 0);
        CHECK(l.v[1].len == 14 && memcmp(l.v[1].s, "four people in", 14) == 0);
        CHECK_INT(l.v[1].src, 114); /* "four" is byte 14 of the text */
        CHECK_INT(l.v[2].src, 129);
        CHECK_INT(l.v[2].tag, 7);
    }
    CHECK_INT(lines_find_offset(&l, 120), 1);
    CHECK_INT(lines_find_tag(&l, 7), 0);
    lines_clear(&l);
}

/* Wide characters take two columns and are never split; a combining accent takes none. */
static void test_wide_and_combining(void)
{
    struct lines l = {0};
    /* "東京 大阪 café" with the é as e + U+0301: widths 4, 4, 4 */
    const char *t = "\xe6\x9d\xb1\xe4\xba\xac \xe5\xa4\xa7\xe9\x98\xaa cafe\xcc\x81";
    lines_wrap(&l, t, strlen(t), 9, 0, -1);
    CHECK_INT(l.n, 2);
    for (int i = 0; i < l.n; i++)
        CHECK(text_width(l.v[i].s, l.v[i].len) <= 9);
    if (l.n == 2) {
        CHECK_INT(text_width(l.v[0].s, l.v[0].len), 9); /* "東京 大阪" */
        CHECK_INT(l.v[1].len, 6);                       /* "café", the accent kept with it */
        CHECK_INT(l.v[1].src, 14);
    }
    lines_clear(&l);
    /* a word of wide characters longer than the width breaks between characters */
    const char *w = "\xe6\x9d\xb1\xe4\xba\xac\xe5\xa4\xa7\xe9\x98\xaa"; /* 東京大阪: 8 columns */
    lines_wrap(&l, w, strlen(w), 5, 0, -1);
    CHECK_INT(l.n, 2);
    if (l.n == 2) {
        CHECK_INT(l.v[0].len, 6); /* two characters, 4 columns: a third would make 6 */
        CHECK_INT(l.v[1].len, 6);
    }
    lines_clear(&l);
}

static void test_paragraphs(void)
{
    struct lines l = {0};
    const char *t = "One.\n\nTwo.";
    lines_wrap(&l, t, strlen(t), 40, 0, -1);
    /* a paragraph break stays as an empty line */
    CHECK_INT(l.n, 3);
    if (l.n == 3) {
        CHECK_INT(l.v[1].len, 0);
        CHECK_INT(l.v[2].src, 6);
    }
    lines_clear(&l);
}

int main(void)
{
    RUN(test_words);
    RUN(test_wide_and_combining);
    RUN(test_paragraphs);
    return TESTS_DONE();
}
