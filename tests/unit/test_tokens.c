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

/* token_in and its kin look words up through a table built once per list: the same answers
 * as comparing with every word, case ignored on the text's side only. */
static void hashed_lists(void)
{
    static const char *const nouns[] = {"village", "town", "district", "town", "Capital", NULL};
    struct tokens t = {0};
    const char *text = "the VILLAGE, Towns and districts of the Capital";
    tokens_scan(&t, text, 0, strlen(text));
    CHECK_INT(t.n, 8);
    CHECK(token_in(&t, 1, nouns));
    CHECK_INT(token_find(&t, 1, nouns), 0);
    CHECK_INT(token_find(&t, 2, nouns), -1); /* "Towns" is not "town" */
    CHECK_INT(token_find(&t, 0, nouns), -1);
    /* a listed word with a capital never matches: the text is lowered, the list is not */
    CHECK_INT(token_find(&t, 7, nouns), -1);
    CHECK_INT(token_find(&t, 8, nouns), -1); /* past the last token */
    /* a span, as place nouns look up their plurals; a word listed twice keeps its first index */
    CHECK_INT(words_find(nouns, text + 13, 4), 1);
    CHECK_INT(words_find(nouns, "DISTRICTS", 8), 2);
    CHECK_INT(words_find(nouns, "", 0), -1);
    /* one array asked about whole and by a prefix gives each its own answer */
    static const char *const sorted[] = {"about", "dozens", "more", "scores"};
    CHECK(word_in_sorted(sorted, 4, "scores"));
    CHECK(!word_in_sorted(sorted, 2, "scores"));
    CHECK(word_in_sorted(sorted, 2, "dozens"));
    tokens_free(&t);
}

int main(void)
{
    RUN(lowered_words);
    RUN(sorted_lookup);
    RUN(hashed_lists);
    return TESTS_DONE();
}
