/* test_tokens.c: the word lookup the matchers run at every word. */
#include <stdint.h>
#include <string.h>

#include "testlib.h"
#include "base/tokens.h"

/* The matchers' question at every word: is the word of letters here one of a list? */
static void listed_words(void)
{
    static const char *const list[] = {"about", "dozens", "killed", "more", "scores", "then"};
    const char *s = "Killed ELEVEN, then-more";
    size_t len = strlen(s);
    CHECK_INT(word_listed_at(list, 6, s, len, 0, 8), 6); /* any case in the text */
    CHECK_INT(word_listed_at(list, 6, s, len, 7, 8), 0); /* not listed */
    /* a comma, a hyphen and the end stop a word */
    CHECK_INT(word_listed_at(list, 6, s, len, 15, 8), 4);
    CHECK_INT(word_listed_at(list, 6, s, len, 20, 8), 4);
    CHECK_INT(word_listed_at(list, 6, s, len, 13, 8), 0); /* no letters here */
    /* a word of cap letters or more never is listed; one letter fewer is */
    CHECK_INT(word_listed_at(list, 6, s, len, 0, 6), 0);
    CHECK_INT(word_listed_at(list, 6, s, len, 0, 7), 6);
    /* the length given is the end, not the NUL: "Kill" is not "killed" */
    CHECK_INT(word_listed_at(list, 6, s, 4, 0, 8), 0);
    /* only the first count words are the list */
    CHECK_INT(word_listed_at(list, 2, s, len, 0, 8), 0);
    CHECK_INT(word_listed_at(list, 0, "about", 5, 0, 8), 0);
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
    CHECK_INT(words_find(nouns, SIZE_MAX, text + 13, 4), 1);
    CHECK_INT(words_find(nouns, SIZE_MAX, "DISTRICTS", 8), 2);
    CHECK_INT(words_find(nouns, SIZE_MAX, "", 0), -1);
    CHECK_INT(words_find(nouns, 2, "district", 8), -1); /* a prefix of the list */
    CHECK_INT(words_find(nouns, 3, "district", 8), 2);
    /* one array asked about whole and by a prefix gives each its own answer */
    static const char *const counted[] = {"about", "dozens", "more", "scores"};
    CHECK_INT(word_listed_at(counted, 4, "scores", 6, 0, 16), 6);
    CHECK_INT(word_listed_at(counted, 2, "scores", 6, 0, 16), 0);
    CHECK_INT(word_listed_at(counted, 2, "dozens", 6, 0, 16), 6);
    tokens_free(&t);
}

int main(void)
{
    RUN(listed_words);
    RUN(hashed_lists);
    return TESTS_DONE();
}
