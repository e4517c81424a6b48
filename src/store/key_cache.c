/* key_cache.c: an open-addressing hash table from key strings to rows (key_cache.h). */
#include "store/key_cache.h"

#include <stdlib.h>
#include <string.h>

struct slot {
    char *key; /* NULL: empty */
    uint32_t hash;
    struct key_row row;
};

struct key_cache {
    struct slot *slots;
    unsigned cap, used; /* cap is a power of two, at most half used */
};

/* A cache that kept growing would mean a collection with an unusual number of places in
 * one batch; past this many keys it stops adding rather than use more memory. */
#define KEY_CACHE_MAX_KEYS (1u << 20)

static uint32_t hash_key(const char *key)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

struct key_cache *key_cache_new(void)
{
    return calloc(1, sizeof(struct key_cache));
}

void key_cache_clear(struct key_cache *c)
{
    if (!c)
        return;
    for (unsigned i = 0; i < c->cap; i++) {
        free(c->slots[i].key);
        c->slots[i].key = NULL;
    }
    c->used = 0;
}

void key_cache_free(struct key_cache *c)
{
    key_cache_clear(c);
    if (c)
        free(c->slots);
    free(c);
}

static struct slot *probe(struct slot *slots, unsigned cap, const char *key, uint32_t hash)
{
    unsigned i = hash & (cap - 1);
    while (slots[i].key && (slots[i].hash != hash || strcmp(slots[i].key, key) != 0))
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

struct key_row *key_cache_find(struct key_cache *c, const char *key)
{
    if (!c || c->used == 0)
        return NULL;
    struct slot *s = probe(c->slots, c->cap, key, hash_key(key));
    return s->key ? &s->row : NULL;
}

static int grow(struct key_cache *c)
{
    unsigned cap = c->cap ? c->cap * 2 : 256;
    struct slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (unsigned i = 0; i < c->cap; i++)
        if (c->slots[i].key)
            *probe(slots, cap, c->slots[i].key, c->slots[i].hash) = c->slots[i];
    free(c->slots);
    c->slots = slots;
    c->cap = cap;
    return 0;
}

int key_cache_put(struct key_cache *c, const char *key, struct key_row row)
{
    if (!c)
        return -1;
    if ((c->used + 1) * 2 > c->cap && (c->used >= KEY_CACHE_MAX_KEYS || grow(c) < 0))
        return -1;
    uint32_t hash = hash_key(key);
    struct slot *s = probe(c->slots, c->cap, key, hash);
    if (!s->key) {
        if (!(s->key = strdup(key)))
            return -1;
        s->hash = hash;
        c->used++;
    }
    s->row = row;
    return 0;
}

unsigned key_cache_count(const struct key_cache *c)
{
    return c ? c->used : 0;
}
