/* test_tokens.c: the word lookup the matchers run at every word. */
#include <string.h>

#include "testlib.h"
#include "base/tokens.h"

static void lowered_words(void)
{
    const char *s = "Killed ELEVEN, then-more";
    char w[8];
    CHECK_INT(word_lower_at(s, strlen(s), 0, w, sizeof w), 6);
    CHECK_STR(w, "killed");
    CHECK_INT(word_lower_at(s, strlen(s), 7, w, sizeof w), 6);
    CHECK_STR(w, "eleven");
    /* a comma, a hyphen and the end stop a word */
    CHECK_INT(word_lower_at(s, strlen(s), 15, w, sizeof w), 4);
    CHECK_STR(w, "then");
    /* no letters at pos, or more than fit: an empty word */
    CHECK_INT(word_lower_at(s, strlen(s), 13, w, sizeof w), 0);
    CHECK_STR(w, "");
    CHECK_INT(word_lower_at("Internationally", 15, 0, w, sizeof w), 0);
    CHECK_STR(w, "");
    /* a word exactly filling the buffer fits */
    CHECK_INT(word_lower_at("Sevenxx", 7, 0, w, sizeof w), 7);
    CHECK_STR(w, "sevenxx");
    /* the length given is the end, not the NUL */
    CHECK_INT(word_lower_at("Kabul", 3, 0, w, sizeof w), 3);
    CHECK_STR(w, "kab");
}

static void sorted_lookup(void)
{
    static const char *const list[] = {"about", "dozens", "more", "scores"};
    CHECK(word_in_sorted(list, 4, "about"));
    CHECK(word_in_sorted(list, 4, "scores"));
    CHECK(!word_in_sorted(list, 4, "score"));
    CHECK(!word_in_sorted(list, 4, ""));
    CHECK(!word_in_sorted(list, 0, "about"));
}

int main(void)
{
    RUN(lowered_words);
    RUN(sorted_lookup);
    return TESTS_DONE();
}
