/* key_cache.h: the row ids of places and actors by their key, kept in memory for one write
 * transaction of an import. A batch of 2,000 articles names each of a few hundred places
 * thousands of times; each name cost a look-up by key (an index search) per article and
 * per enclosing place. The cache is only trusted while the transaction that filled it is
 * open: nobody else can write then, and a rollback empties it. */
#ifndef SITREP_KEY_CACHE_H
#define SITREP_KEY_CACHE_H

#include <stdbool.h>
#include <stdint.h>

/* What the store knows of a row: its id, and for a place its parent (0: none yet) and
 * whether it still lacks coordinates. */
struct key_row {
    int64_t id;
    int64_t parent;
    bool lacks_coords;
};

struct key_cache;

struct key_cache *key_cache_new(void);
void key_cache_free(struct key_cache *c);
/* Forgets every key (keeps the memory for the next transaction). */
void key_cache_clear(struct key_cache *c);
/* The row of key, or NULL when not cached; the pointer stays valid until the next put or
 * clear, and the caller may update the row through it. */
struct key_row *key_cache_find(struct key_cache *c, const char *key);
/* Adds or replaces key's row. 0, or -1 out of memory (the cache is then merely smaller). */
int key_cache_put(struct key_cache *c, const char *key, struct key_row row);
/* How many keys are cached. */
unsigned key_cache_count(const struct key_cache *c);

#endif
