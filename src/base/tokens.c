/* tokens.c: a byte-level word splitter; no allocation once the buffer has grown. */
#include "base/tokens.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/ascii.h"

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

static bool is_ascii_alnum(unsigned char c)
{
    return ascii_classes[c] & (ASCII_CLASS_UPPER | ASCII_CLASS_LOWER | ASCII_CLASS_DIGIT);
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

/* FNV-1a over the bytes in ASCII lower case: a token's and a listed word's agree exactly
 * when token_equals_ci could. */
#define HASH_START 2166136261u

static inline uint32_t hash_byte(uint32_t h, unsigned char c)
{
    /* a capital's class bit, moved to 32, lowers it without a branch */
    return (h ^ (c + ((ascii_classes[c] & ASCII_CLASS_UPPER) << 5))) * 16777619u;
}

static uint32_t hash_more(uint32_t h, const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = hash_byte(h, s[i]);
    return h;
}

static uint32_t hash_lower(const char *s, size_t n)
{
    return hash_more(HASH_START, (const unsigned char *)s, n);
}

/* hash is hash_lower's of the word, taken while its length was measured. */
static bool push(struct tokens *t, size_t start, size_t len, uint32_t hash)
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
    k->hash = hash;
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

/* Bytes of the word starting at s: letters, plus inner joiners followed by a letter. Its
 * hash_lower in *hash, taken on the way: the word is read once. */
static size_t word_length(const unsigned char *s, size_t n, bool *possessive, uint32_t *hash)
{
    size_t i = 0, l;
    uint32_t h = HASH_START;
    *possessive = false;
    while (i < n) {
        if (is_ascii_alnum(s[i])) { /* most of any word: no decoding */
            h = hash_byte(h, s[i]);
            i++;
            continue;
        }
        uint32_t c = decode(s + i, n - i, &l);
        if (is_letter_cp(c)) {
            h = hash_more(h, s + i, l);
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
        h = hash_more(h, s + i, l);
        i += l;
    }
    *hash = h;
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
        if (s[i] == ' ') { /* the commonest gap: a space neither ends a clause nor starts a word */
            i++;
            continue;
        }
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
        uint32_t hash;
        size_t w = word_length(s + i, len - i, &possessive, &hash);
        if (!push(t, start + i, w, hash))
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

bool tokens_set(struct tokens *t, const char *text, const struct token *tok, size_t n)
{
    if (n > t->cap) {
        struct token *p = realloc(t->tok, n * sizeof *p);
        if (!p)
            return false;
        t->tok = p;
        t->cap = n;
    }
    if (n)
        memcpy(t->tok, tok, n * sizeof *tok);
    t->text = text;
    t->n = n;
    return true;
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

/* ---- word lists, hashed once ---- */

struct word_slot {
    uint32_t hash, len;
    int index; /* in the list; -1 marks an empty slot */
};

/* Bits of a list's filter: a word whose bit is clear is in no list, and most words asked
 * about are in none. */
#define FILTER_WORDS 6

struct word_table {
    const char *const *words;
    size_t count; /* as asked for: SIZE_MAX for a NULL-terminated list */
    uint32_t mask;
    uint64_t filter[FILTER_WORDS];
    struct word_slot slots[];
};

static uint32_t filter_bit(uint32_t h)
{
    return (uint32_t)(((uint64_t)h * (FILTER_WORDS * 64)) >> 32);
}

static bool filter_has(const uint64_t filter[FILTER_WORDS], uint32_t h)
{
    uint32_t b = filter_bit(h);
    return filter[b / 64] >> (b % 64) & 1;
}

static void filter_fill(struct word_table *w)
{
    memset(w->filter, 0, sizeof w->filter);
    for (uint32_t k = 0; k <= w->mask; k++)
        if (w->slots[k].index >= 0) {
            uint32_t b = filter_bit(w->slots[k].hash);
            w->filter[b / 64] |= 1ull << (b % 64);
        }
}

/* The table of a list of n words, or of a NULL-terminated one when n is SIZE_MAX. */
static struct word_table *table_build(const char *const *words, size_t count)
{
    size_t n = count;
    if (n == SIZE_MAX)
        for (n = 0; words[n];)
            n++;
    size_t cap = 8;
    while (cap < 2 * n)
        cap *= 2;
    struct word_table *w = malloc(sizeof *w + cap * sizeof w->slots[0]);
    if (!w)
        return NULL;
    w->words = words;
    w->count = count;
    w->mask = (uint32_t)cap - 1;
    for (size_t k = 0; k < cap; k++)
        w->slots[k].index = -1;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        uint32_t h = hash_lower(words[i], len), k = h & w->mask;
        bool seen = false;
        for (; w->slots[k].index >= 0 && !seen; k = (k + 1) & w->mask)
            seen = w->slots[k].len == len && strcmp(words[w->slots[k].index], words[i]) == 0;
        if (!seen) /* a word listed twice keeps its first index, as a linear search would */
            w->slots[k] = (struct word_slot){h, (uint32_t)len, (int)i};
    }
    filter_fill(w);
    return w;
}

/* The lists seen so far, by address and length (one array may be asked about whole and by a
 * prefix). A slot's key is claimed once and never changes; its table is published after it
 * is built, and a reader that finds none yet searches the list itself. Lists are few
 * (dozens), so the registry never fills in practice; when it does, lists beyond it are
 * searched linearly. */
#define LIST_SLOTS 512
/* Each slot keeps a copy of its table's filter: it shares the slot's cache line with the key
 * and the table, so a miss costs that one line instead of the table's slots (which the
 * gazetteer's lookups keep evicting) as well. */
static struct {
    _Alignas(64) _Atomic(const char *const *) key;
    _Atomic(struct word_table *) table;
    uint64_t filter[FILTER_WORDS]; /* written before table is published, then read-only */
} registry[LIST_SLOTS];

/* Paths taken once per list (or never): kept out of line so that the lookup every word
 * makes stays small. */
#if defined(__GNUC__)
#define COLD __attribute__((cold, noinline))
#else
#define COLD
#endif

/* The registry slot where the table of (words, count) is looked for first. */
static inline size_t list_slot(const char *const *words, size_t count)
{
    uintptr_t a = (uintptr_t)words;
    return (size_t)((a >> 3) ^ (a >> 12) ^ count) & (LIST_SLOTS - 1);
}

/* The table for (words, count) from slot k on: found, or claimed and built. */
COLD static const struct word_table *table_claim(const char *const *words, size_t count, size_t k)
{
    for (size_t probes = 0; probes < LIST_SLOTS; probes++, k = (k + 1) & (LIST_SLOTS - 1)) {
        const char *const *key = atomic_load_explicit(&registry[k].key, memory_order_acquire);
        if (!key) {
            const char *const *expected = NULL;
            if (!atomic_compare_exchange_strong(&registry[k].key, &expected, words)) {
                key = expected; /* claimed meanwhile: look at it as any other */
            } else {
                struct word_table *w = table_build(words, count);
                if (w)
                    memcpy(registry[k].filter, w->filter, sizeof w->filter);
                atomic_store_explicit(&registry[k].table, w, memory_order_release);
                return w;
            }
        }
        if (key != words)
            continue;
        const struct word_table *w = atomic_load_explicit(&registry[k].table, memory_order_acquire);
        if (!w)
            return NULL; /* being built, or out of memory */
        if (w->count == count)
            return w;
    }
    return NULL;
}

static bool equals_ci(const char *s, size_t n, const char *word)
{
    for (size_t j = 0; j < n; j++) {
        char c = s[j];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        if (c != word[j])
            return false;
    }
    return word[n] == '\0';
}

/* Whether the n bytes at s are word: ignoring ASCII case (word in lower case), or exactly. */
static bool word_matches(const char *s, size_t n, const char *word, bool exact)
{
    if (exact)
        return strncmp(word, s, n) == 0 && word[n] == '\0';
    return equals_ci(s, n, word);
}

/* The index of the n bytes at s in a list of count words (SIZE_MAX: up to a NULL entry),
 * or -1. */
COLD static int find_linear(const char *const *words, size_t count, const char *s, size_t n,
                            bool exact)
{
    for (size_t i = 0; i < count && words[i]; i++)
        if (word_matches(s, n, words[i], exact))
            return (int)i;
    return -1;
}

/* The hash ignores case either way: a word and its exact spelling hash alike. */
static int probe(const struct word_table *w, const char *s, size_t n, uint32_t h, bool exact)
{
    for (uint32_t k = h & w->mask; w->slots[k].index >= 0; k = (k + 1) & w->mask) {
        const struct word_slot *e = &w->slots[k];
        if (e->hash == h && e->len == n && word_matches(s, n, w->words[e->index], exact))
            return e->index;
    }
    return -1;
}

/* find_hashed when the list's table is not at its first registry slot (first use, or a
 * collision): claimed or found further on, else searched linearly. */
COLD static int find_elsewhere(const char *const *words, size_t count, const char *s, size_t n,
                               uint32_t h, size_t k, bool exact)
{
    const struct word_table *w = table_claim(words, count, k);
    return w ? probe(w, s, n, h, exact) : find_linear(words, count, s, n, exact);
}

/* The index of the n bytes at s (hash h) in the list, or -1. Inline, with every rare path
 * out of line: it runs for nearly every word against several lists, and most answers are
 * the filter's "no". */
static inline int find_hashed(const char *const *words, size_t count, const char *s, size_t n,
                              uint32_t h, bool exact)
{
    size_t k = list_slot(words, count);
    if (atomic_load_explicit(&registry[k].key, memory_order_acquire) == words) {
        const struct word_table *w = atomic_load_explicit(&registry[k].table, memory_order_acquire);
        if (w && w->count == count) {
            if (!filter_has(registry[k].filter, h))
                return -1;
            return probe(w, s, n, h, exact);
        }
    }
    return find_elsewhere(words, count, s, n, h, k, exact);
}

int token_find(const struct tokens *t, size_t i, const char *const *words)
{
    if (i >= t->n)
        return -1;
    const struct token *k = &t->tok[i];
    return find_hashed(words, SIZE_MAX, t->text + k->start, k->len, k->hash, false);
}

bool token_in(const struct tokens *t, size_t i, const char *const *words)
{
    if (i >= t->n)
        return false;
    const struct token *k = &t->tok[i];
    return find_hashed(words, SIZE_MAX, t->text + k->start, k->len, k->hash, false) >= 0;
}

int words_find(const char *const *words, size_t count, const char *s, size_t n)
{
    return find_hashed(words, count, s, n, hash_lower(s, n), false);
}

int words_find_exact(const char *const *words, size_t count, const char *s, size_t n)
{
    return find_hashed(words, count, s, n, hash_lower(s, n), true);
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

/* Each byte's lowercase ASCII letter, 0 for a byte that is none: one load per letter
 * instead of two range tests, in the loop word_listed_at runs at every word. */
static const unsigned char lower_letter[256] = {
#define LETTERS(up, low) [up] = low
    LETTERS('A', 'a'), LETTERS('B', 'b'), LETTERS('C', 'c'), LETTERS('D', 'd'), LETTERS('E', 'e'),
    LETTERS('F', 'f'), LETTERS('G', 'g'), LETTERS('H', 'h'), LETTERS('I', 'i'), LETTERS('J', 'j'),
    LETTERS('K', 'k'), LETTERS('L', 'l'), LETTERS('M', 'm'), LETTERS('N', 'n'), LETTERS('O', 'o'),
    LETTERS('P', 'p'), LETTERS('Q', 'q'), LETTERS('R', 'r'), LETTERS('S', 's'), LETTERS('T', 't'),
    LETTERS('U', 'u'), LETTERS('V', 'v'), LETTERS('W', 'w'), LETTERS('X', 'x'), LETTERS('Y', 'y'),
    LETTERS('Z', 'z'), LETTERS('a', 'a'), LETTERS('b', 'b'), LETTERS('c', 'c'), LETTERS('d', 'd'),
    LETTERS('e', 'e'), LETTERS('f', 'f'), LETTERS('g', 'g'), LETTERS('h', 'h'), LETTERS('i', 'i'),
    LETTERS('j', 'j'), LETTERS('k', 'k'), LETTERS('l', 'l'), LETTERS('m', 'm'), LETTERS('n', 'n'),
    LETTERS('o', 'o'), LETTERS('p', 'p'), LETTERS('q', 'q'), LETTERS('r', 'r'), LETTERS('s', 's'),
    LETTERS('t', 't'), LETTERS('u', 'u'), LETTERS('v', 'v'), LETTERS('w', 'w'), LETTERS('x', 'x'),
    LETTERS('y', 'y'), LETTERS('z', 'z'),
#undef LETTERS
};

/* The letters of the word at s[pos], counted, with hash_lower's hash of them in *h (taken
 * as they are counted). */
static inline size_t letters_at(const char *s, size_t len, size_t pos, uint32_t *h)
{
    uint32_t hash = HASH_START;
    size_t n = 0;
    for (; pos + n < len; n++) {
        unsigned char c = lower_letter[(unsigned char)s[pos + n]];
        if (!c)
            break;
        hash = (hash ^ c) * 16777619u;
    }
    *h = hash;
    return n;
}

size_t word_listed_at(const char *const *list, size_t count, const char *s, size_t len, size_t pos,
                      size_t cap)
{
    uint32_t h;
    size_t n = letters_at(s, len, pos, &h);
    if (n == 0 || n >= cap)
        return 0;
    return find_hashed(list, count, s + pos, n, h, false) >= 0 ? n : 0;
}

const struct word_table *word_table_of(const char *const *words, size_t count)
{
    return table_claim(words, count, list_slot(words, count));
}

int word_table_find(const struct word_table *w, const char *s, size_t n)
{
    uint32_t h = hash_lower(s, n);
    return filter_has(w->filter, h) ? probe(w, s, n, h, false) : -1;
}

int token_find_in(const struct tokens *t, size_t i, const struct word_table *w)
{
    if (i >= t->n)
        return -1;
    const struct token *k = &t->tok[i];
    return filter_has(w->filter, k->hash) ? probe(w, t->text + k->start, k->len, k->hash, false)
                                          : -1;
}

int word_table_index_at(const struct word_table *w, const char *s, size_t len, size_t pos,
                        size_t *n)
{
    uint32_t h;
    *n = letters_at(s, len, pos, &h);
    if (*n == 0 || !filter_has(w->filter, h))
        return -1;
    return probe(w, s + pos, *n, h, false);
}

size_t word_table_listed_at(const struct word_table *w, const char *s, size_t len, size_t pos,
                            size_t cap)
{
    size_t n;
    int i = word_table_index_at(w, s, len, pos, &n);
    return i >= 0 && n < cap ? n : 0;
}
