/* lexicon.c: actor lexicon loading and lookup: one open-addressing hash over folded aliases,
 * built once at load time so matching allocates nothing. */
#include "extract/lexicon.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

struct lex_alias {
    char *key;                 /* folded */
    char *exact;               /* as written, only for all-capitals aliases; else NULL */
    size_t key_len, exact_len; /* kept, since every probe compares them */
    size_t first_len;          /* of the key's first word */
    int entry;
};

struct lex_entry {
    char *name;
    enum lexicon_category category;
};

struct lexicon {
    struct lex_entry *entries;
    size_t n_entries;
    struct lex_alias *aliases;
    size_t n_aliases, cap_aliases;
    int32_t *table; /* alias index + 1, 0 = empty */
    size_t table_size;
    int32_t *first_table; /* by the first word of the keys: one alias index + 1 per word */
    int max_words;
};

static uint64_t hash_key(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

/* "IS", "PMF", "ISWAP": short acronyms collide with English words unless case must match. */
static bool is_capitals(const char *s)
{
    int upper = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return false;
        if (*s >= 'A' && *s <= 'Z')
            upper++;
    }
    return upper >= 2;
}

static int count_words(const char *folded)
{
    int n = *folded ? 1 : 0;
    for (; *folded; folded++)
        if (*folded == ' ')
            n++;
    return n;
}

static int add_alias(struct lexicon *lx, const char *alias, int entry)
{
    char key[256];
    size_t n = text_fold(alias, strlen(alias), key, sizeof key);
    if (n == 0)
        return 0;
    if (lx->n_aliases == lx->cap_aliases) {
        size_t cap = lx->cap_aliases ? lx->cap_aliases * 2 : 256;
        struct lex_alias *p = realloc(lx->aliases, cap * sizeof *p);
        if (!p)
            return -1;
        lx->aliases = p;
        lx->cap_aliases = cap;
    }
    struct lex_alias *a = &lx->aliases[lx->n_aliases++];
    a->key = strdup(key);
    a->key_len = n;
    a->first_len = strcspn(key, " ");
    a->exact = is_capitals(alias) ? strdup(alias) : NULL;
    a->exact_len = a->exact ? strlen(a->exact) : 0;
    a->entry = entry;
    int w = count_words(key);
    if (w > lx->max_words)
        lx->max_words = w;
    return a->key ? 0 : -1;
}

static int add_entry(struct lexicon *lx, char *line)
{
    char *cat = strtok(line, "\t");
    char *name = strtok(NULL, "\t");
    char *aliases = strtok(NULL, "\t\n");
    if (!cat || !name)
        return 0;
    struct lex_entry *p = realloc(lx->entries, (lx->n_entries + 1) * sizeof *p);
    if (!p)
        return -1;
    lx->entries = p;
    int entry = (int)lx->n_entries++;
    p[entry].name = strdup(name);
    p[entry].category = strcmp(cat, "source") == 0 ? LEX_SOURCE : LEX_ACTOR;
    if (add_alias(lx, name, entry) != 0)
        return -1;
    for (char *save = NULL, *al = aliases ? strtok_r(aliases, "|", &save) : NULL; al;
         al = strtok_r(NULL, "|", &save))
        if (add_alias(lx, al, entry) != 0)
            return -1;
    return 0;
}

/* The alias whose key's first word is the len bytes at word, found in first_table, or
 * NULL. */
static const struct lex_alias *first_word_alias(const struct lexicon *lx, const char *word,
                                                size_t len)
{
    size_t h = hash_key(word, len) & (lx->table_size - 1);
    for (; lx->first_table[h]; h = (h + 1) & (lx->table_size - 1)) {
        const struct lex_alias *a = &lx->aliases[lx->first_table[h] - 1];
        if (a->first_len == len && memcmp(a->key, word, len) == 0)
            return a;
    }
    return NULL;
}

/* One slot per distinct first word, the same size as the alias table. */
static int build_first_table(struct lexicon *lx)
{
    lx->first_table = calloc(lx->table_size, sizeof *lx->first_table);
    if (!lx->first_table)
        return -1;
    for (size_t i = 0; i < lx->n_aliases; i++) {
        const struct lex_alias *a = &lx->aliases[i];
        if (first_word_alias(lx, a->key, a->first_len))
            continue;
        size_t h = hash_key(a->key, a->first_len) & (lx->table_size - 1);
        while (lx->first_table[h])
            h = (h + 1) & (lx->table_size - 1);
        lx->first_table[h] = (int32_t)i + 1;
    }
    return 0;
}

/* Later aliases never displace earlier ones: the first entry to claim a key keeps it. */
static int build_table(struct lexicon *lx)
{
    size_t size = 64;
    while (size < lx->n_aliases * 3)
        size *= 2;
    lx->table = calloc(size, sizeof *lx->table);
    if (!lx->table)
        return -1;
    lx->table_size = size;
    for (size_t i = 0; i < lx->n_aliases; i++) {
        const char *k = lx->aliases[i].key;
        size_t h = hash_key(k, strlen(k)) & (size - 1);
        while (lx->table[h]) {
            const struct lex_alias *o = &lx->aliases[lx->table[h] - 1];
            if (strcmp(o->key, k) == 0 && !o->exact == !lx->aliases[i].exact)
                break;
            h = (h + 1) & (size - 1);
        }
        if (!lx->table[h])
            lx->table[h] = (int32_t)i + 1;
    }
    return build_first_table(lx);
}

struct lexicon *lexicon_parse(const char *text, char *err, size_t errlen)
{
    struct lexicon *lx = calloc(1, sizeof *lx);
    char *copy = strdup(text);
    if (!lx || !copy) {
        free(copy);
        free(lx);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    for (char *save = NULL, *line = strtok_r(copy, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (add_entry(lx, line) != 0) {
            free(copy);
            lexicon_free(lx);
            snprintf(err, errlen, "out of memory");
            return NULL;
        }
    }
    free(copy);
    if (build_table(lx) != 0) {
        lexicon_free(lx);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    return lx;
}

struct lexicon *lexicon_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, errlen, "cannot open %s", path);
        return NULL;
    }
    char *buf = NULL;
    size_t len = 0, cap = 0, got;
    char chunk[8192];
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (len + got + 1 > cap) {
            cap = (len + got + 1) * 2;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                fclose(f);
                snprintf(err, errlen, "out of memory");
                return NULL;
            }
            buf = p;
        }
        memcpy(buf + len, chunk, got);
        len += got;
    }
    fclose(f);
    if (!buf) {
        snprintf(err, errlen, "%s is empty", path);
        return NULL;
    }
    buf[len] = '\0';
    struct lexicon *lx = lexicon_parse(buf, err, errlen);
    free(buf);
    return lx;
}

void lexicon_free(struct lexicon *lx)
{
    if (!lx)
        return;
    for (size_t i = 0; i < lx->n_entries; i++)
        free(lx->entries[i].name);
    for (size_t i = 0; i < lx->n_aliases; i++) {
        free(lx->aliases[i].key);
        free(lx->aliases[i].exact);
    }
    free(lx->entries);
    free(lx->aliases);
    free(lx->table);
    free(lx->first_table);
    free(lx);
}

int lexicon_max_words(const struct lexicon *lx)
{
    return lx->max_words;
}

int lexicon_find(const struct lexicon *lx, const char *key, size_t keylen, const char *surface,
                 size_t surfacelen)
{
    if (!lx->table_size)
        return -1;
    size_t h = hash_key(key, keylen) & (lx->table_size - 1);
    int found = -1;
    while (lx->table[h]) {
        const struct lex_alias *a = &lx->aliases[lx->table[h] - 1];
        if (a->key_len == keylen && memcmp(a->key, key, keylen) == 0) {
            if (!a->exact)
                found = found < 0 ? a->entry : found;
            else if (a->exact_len == surfacelen && memcmp(a->exact, surface, surfacelen) == 0)
                return a->entry;
        }
        h = (h + 1) & (lx->table_size - 1);
    }
    /* A folded alias that is also someone's capitals ("is") must not match ordinary case. */
    return found;
}

bool lexicon_may_start(const struct lexicon *lx, const char *word, size_t len)
{
    return lx->table_size && first_word_alias(lx, word, len) != NULL;
}

const char *lexicon_name(const struct lexicon *lx, int entry)
{
    return lx->entries[entry].name;
}

enum lexicon_category lexicon_category(const struct lexicon *lx, int entry)
{
    return lx->entries[entry].category;
}
