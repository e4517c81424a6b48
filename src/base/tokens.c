/* tokens.c: a byte-level word splitter; no allocation once the buffer has grown. */
#include "base/tokens.h"

#include <stdlib.h>
#include <string.h>

/* Code point at s (at most n bytes), its length in *len; U+FFFD on malformed input. */
static uint32_t decode(const unsigned char *s, size_t n, size_t *len)
{
    if (s[0] < 0x80) {
        *len = 1;
        return s[0];
    }
    size_t need = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC0 ? 2 : 1;
    if (need == 1 || need > n) {
        *len = 1;
        return 0xFFFD;
    }
    uint32_t c = s[0] & (0x3F >> (need - 1));
    for (size_t i = 1; i < need; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *len = need;
    return c;
}

static bool is_letter_cp(uint32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c >= 0xA0 && c <= 0xBF)
        return false;
    if (c == 0xD7 || c == 0xF7 || c == 0xFFFD)
        return false;
    if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows */
        return false;
    if (c >= 0x3000 && c <= 0x303F)
        return false;
    return true;
}

static bool is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02BB || c == '`';
}

static bool word_at(const unsigned char *s, size_t n)
{
    size_t l;
    return n > 0 && is_letter_cp(decode(s, n, &l));
}

static bool push(struct tokens *t, size_t start, size_t len)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 64;
        struct token *p = realloc(t->tok, cap * sizeof *p);
        if (!p)
            return false;
        t->tok = p;
        t->cap = cap;
    }
    struct token *k = &t->tok[t->n++];
    k->start = start;
    k->len = len;
    unsigned char c = (unsigned char)t->text[start];
    k->flags = 0;
    if ((c >= 'A' && c <= 'Z') || c >= 0x80)
        k->flags |= TOK_CAP;
    else if (c >= '0' && c <= '9')
        k->flags |= TOK_DIGIT;
    else {
        const char *w = t->text + start;
        const char *dash = memchr(w, '-', len < 5 ? len : 5);
        if (dash && dash - w >= 2 && dash - w <= 3 && (size_t)(dash - w) + 1 < len) {
            unsigned char d = (unsigned char)dash[1];
            if ((d >= 'A' && d <= 'Z') || d >= 0x80)
                k->flags |= TOK_ARTICLE;
        }
    }
    return true;
}

/* Bytes of the word starting at s: letters, plus inner joiners followed by a letter. */
static size_t word_length(const unsigned char *s, size_t n, bool *possessive)
{
    size_t i = 0, l;
    *possessive = false;
    while (i < n) {
        uint32_t c = decode(s + i, n - i, &l);
        if (is_letter_cp(c)) {
            i += l;
            continue;
        }
        bool joiner = c == '-' || c == '.' || c == ',' || is_apostrophe(c);
        if (!joiner || !word_at(s + i + l, n - i - l))
            break;
        if (c == ',' && !(s[i - 1] >= '0' && s[i - 1] <= '9' && s[i + 1] >= '0' && s[i + 1] <= '9'))
            break;
        if (is_apostrophe(c) && (s[i + l] == 's' || s[i + l] == 'S') &&
            !word_at(s + i + l + 1, n - i - l - 1)) {
            *possessive = true;
            break;
        }
        i += l;
    }
    return i;
}

void tokens_scan(struct tokens *t, const char *text, size_t start, size_t len)
{
    t->text = text;
    t->n = 0;
    const unsigned char *s = (const unsigned char *)text + start;
    size_t i = 0, l;
    bool punct = false;
    while (i < len) {
        uint32_t c = decode(s + i, len - i, &l);
        if (!is_letter_cp(c)) {
            if (c != ' ' && c != '\t' && c != '\n' && t->n)
                punct = true;
            i += l;
            continue;
        }
        if (punct)
            t->tok[t->n - 1].flags |= TOK_BREAK_AFTER;
        punct = false;
        bool possessive;
        size_t w = word_length(s + i, len - i, &possessive);
        if (!push(t, start + i, w))
            return;
        if (possessive) {
            t->tok[t->n - 1].flags |= TOK_POSSESSIVE;
            size_t al;
            decode(s + i + w, len - i - w, &al);
            w += al + 1;
        }
        i += w;
    }
    if (t->n)
        t->tok[t->n - 1].flags |= TOK_BREAK_AFTER;
}

void tokens_free(struct tokens *t)
{
    free(t->tok);
    memset(t, 0, sizeof *t);
}

bool token_equals_ci(const struct tokens *t, size_t i, const char *word)
{
    const struct token *k = &t->tok[i];
    const char *w = t->text + k->start;
    /* no strlen: a mismatch (or the word's NUL) usually shows at the first byte */
    for (size_t j = 0; j < k->len; j++) {
        char c = w[j];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[j])
            return false;
    }
    return word[k->len] == '\0';
}

bool token_is(const struct tokens *t, size_t i, const char *word)
{
    return i < t->n && token_equals_ci(t, i, word);
}

bool token_in(const struct tokens *t, size_t i, const char *const *words)
{
    for (; *words; words++)
        if (token_is(t, i, *words))
            return true;
    return false;
}

/* Tokens are in text order, so a binary search finds the first one at or after offset: a
 * linear walk made a long unpunctuated text quadratic. */
size_t token_at(const struct tokens *t, size_t offset)
{
    size_t lo = 0, hi = t->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->tok[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t word_lower_at(const char *s, size_t len, size_t pos, char *word, size_t cap)
{
    size_t n = 0;
    for (; pos + n < len; n++) {
        char c = s[pos + n];
        bool upper = c >= 'A' && c <= 'Z';
        if (!upper && !(c >= 'a' && c <= 'z'))
            break;
        if (n + 1 >= cap) {
            n = 0;
            break;
        }
        word[n] = upper ? (char)(c - 'A' + 'a') : c;
    }
    if (cap)
        word[n] = '\0';
    return n;
}

static int compare_words(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

bool word_in_sorted(const char *const *list, size_t n, const char *word)
{
    return bsearch(&word, list, n, sizeof *list, compare_words) != NULL;
}
