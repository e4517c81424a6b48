/* tokens.h: words of one sentence as byte spans, for the matchers in extract. A word keeps
 * its inner hyphens, apostrophes and dots ("al-Qa'im", "U.S", "1,800"); a possessive "'s"
 * is left out of it. The buffer is reused from sentence to sentence. */
#ifndef SITREP_TOKENS_H
#define SITREP_TOKENS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum token_flag {
    TOK_CAP = 1,         /* starts with a capital (or a non-ASCII letter) */
    TOK_ARTICLE = 2,     /* lowercase Arabic article before a capital: "al-Qaim" */
    TOK_DIGIT = 4,       /* starts with a digit */
    TOK_BREAK_AFTER = 8, /* punctuation (not just space) before the next word */
    TOK_ACTOR = 16,      /* part of an actor or outlet name */
    TOK_PLACE = 32,      /* part of a place mention */
    TOK_POSSESSIVE = 64, /* followed by 's */
    TOK_PERSON = 128,    /* part of a person's name the text marks as one */
};

struct token {
    size_t start, len; /* in the text given to tokens_scan */
    unsigned flags;
    uint32_t hash; /* of the word in ASCII lower case: computed once, for token_in */
};

struct tokens {
    const char *text;
    struct token *tok;
    size_t n, cap;
};

/* Splits text[start, start+len) into words; offsets stay relative to text. */
void tokens_scan(struct tokens *t, const char *text, size_t start, size_t len);
void tokens_free(struct tokens *t);
/* t set to n tokens of text copied from tok, as a tokens_scan that gave them would leave it;
 * false (t unchanged) when out of memory. */
bool tokens_set(struct tokens *t, const char *text, const struct token *tok, size_t n);

/* ASCII-case-insensitive comparison of token i with a lowercase word. */
bool token_equals_ci(const struct tokens *t, size_t i, const char *word);

/* The same, false when i is past the last token. Inline, since it runs at every token: a
 * first letter that differs (most words) answers without a call. */
static inline bool token_is(const struct tokens *t, size_t i, const char *word)
{
    if (i >= t->n)
        return false;
    char c = t->text[t->tok[i].start];
    if (c >= 'A' && c <= 'Z')
        c = (char)(c + 32);
    return c == word[0] && token_equals_ci(t, i, word);
}
/* True when token i is one of the NULL-terminated lowercase words. The list must live as
 * long as the program (a static array): on first use it is hashed, by its address, into a
 * table every later call reuses (from any thread), so a lookup costs one probe, not a
 * comparison per word. */
bool token_in(const struct tokens *t, size_t i, const char *const *words);

/* The index in words (the same kind of list) of token i, or -1. */
int token_find(const struct tokens *t, size_t i, const char *const *words);

/* The index in words (count of them, or SIZE_MAX for a NULL-terminated list) of the n bytes
 * at s, compared ignoring ASCII case, or -1. */
int words_find(const char *const *words, size_t count, const char *s, size_t n);
/* The same for a list of words in any case, matched exactly ("Dr" is not "DR" or "dr"). */
int words_find_exact(const char *const *words, size_t count, const char *s, size_t n);
/* The first token starting at or after a text offset (t->n when none). */
size_t token_at(const struct tokens *t, size_t offset);

/* The length of the word of ASCII letters at s[pos] when, ignoring case, it is one of the
 * count lowercase words of list, else 0; a word of cap letters or more never is. The
 * matchers ask this at every word of every sentence, whether the word opens what they look
 * for: one hashed lookup (as token_in's) instead of a full parse. */
size_t word_listed_at(const char *const *list, size_t count, const char *s, size_t len, size_t pos,
                      size_t cap);

/* A list's hashed table, for a caller that looks many words up in one list: found once (per
 * sentence, say), it spares each lookup finding the list's table again. Same lists as
 * word_listed_at's (count words, or SIZE_MAX up to a NULL); NULL when out of memory, and the
 * caller then asks words_find or word_listed_at instead. */
struct word_table;
const struct word_table *word_table_of(const char *const *words, size_t count);
/* words_find's answer, from the list's table. */
int word_table_find(const struct word_table *w, const char *s, size_t n);
/* token_find's answer, from the list's table. */
int token_find_in(const struct tokens *t, size_t i, const struct word_table *w);
/* The index in the list of the word of ASCII letters at s[pos] (its length in *n, 0 when no
 * letter is there), or -1. */
int word_table_index_at(const struct word_table *w, const char *s, size_t len, size_t pos,
                        size_t *n);
/* word_listed_at's answer, from the list's table. */
size_t word_table_listed_at(const struct word_table *w, const char *s, size_t len, size_t pos,
                            size_t cap);

#endif
