/* gazidx.h: the on-disk layout of the compiled gazetteer index, shared by the compiler
 * (tools/gazc.c) and the reader (gazetteer.c). The file is mapped, never parsed, so every
 * field has a fixed size and natural alignment; the reader checks every count and offset
 * before trusting them.
 *
 * Layout: header | places (sorted by id) | keys (sorted) | loose keys (sorted) | key slots |
 * loose key slots | countries (sorted by code) | string pool (NUL-terminated strings). Keys
 * sort by their bytes, then best place first, so a name's places are adjacent, best first;
 * the slots (version 2) find the first of them by a hash of the key's bytes, where a binary
 * search touched some twenty keys and their strings, most of them cache misses. */
#ifndef SITREP_GAZIDX_H
#define SITREP_GAZIDX_H

#include <stddef.h>
#include <stdint.h>

#define GAZIDX_MAGIC     "SRGAZIDX"
#define GAZIDX_VERSION   2u
#define GAZIDX_ENDIAN    0x01020304u
#define GAZIDX_MAX_WORDS 8 /* longer names are not indexed */

struct gazidx_header {
    char magic[8];
    uint32_t version;
    uint32_t endian;
    uint32_t n_places, n_keys, n_loose, n_countries;
    uint32_t max_words, reserved;
    uint64_t places_off, keys_off, loose_off, countries_off, pool_off, pool_size, file_size;
    uint64_t key_slots_off, loose_slots_off;
    uint32_t n_key_slots, n_loose_slots; /* powers of two, each table at most half full */
};

enum { GAZIDX_HAS_COORDS = 1 };

struct gazidx_place {
    int64_t id, parent_id;
    double lat, lon;
    uint32_t name, admin1, country, country_code; /* pool offsets */
    uint32_t population;
    uint8_t kind, flags;
    uint8_t pad[2];
};

struct gazidx_key {
    uint32_t str;   /* pool offset of the key */
    uint32_t place; /* index into places */
    uint16_t len;
    uint8_t ambiguous;
    uint8_t pad;
};

/* A slot of a key table (open addressing, linear probing): first is 1 + the index of the
 * first key whose bytes hash to hash, 0 an empty slot. */
struct gazidx_slot {
    uint32_t hash, first;
};

/* FNV-1a over a key's bytes: the compiler and the reader must agree on it. */
static inline uint32_t gazidx_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

struct gazidx_country {
    char code[4]; /* alpha-2, NUL-padded */
    uint32_t place;
};

#endif
