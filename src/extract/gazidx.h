/* gazidx.h: the on-disk layout of the compiled gazetteer index, shared by the compiler
 * (tools/gazc.c) and the reader (gazetteer.c). The file is mapped, never parsed, so every
 * field has a fixed size and natural alignment; the reader checks every count and offset
 * before trusting them.
 *
 * Layout: header | places (sorted by id) | keys (sorted) | loose keys (sorted) |
 * countries (sorted by code) | string pool (NUL-terminated strings). Keys sort by their
 * bytes, then best place first, so a lookup is one binary search and a forward scan. */
#ifndef SITREP_GAZIDX_H
#define SITREP_GAZIDX_H

#include <stdint.h>

#define GAZIDX_MAGIC     "SRGAZIDX"
#define GAZIDX_VERSION   1u
#define GAZIDX_ENDIAN    0x01020304u
#define GAZIDX_MAX_WORDS 8 /* longer names are not indexed */

struct gazidx_header {
    char magic[8];
    uint32_t version;
    uint32_t endian;
    uint32_t n_places, n_keys, n_loose, n_countries;
    uint32_t max_words, reserved;
    uint64_t places_off, keys_off, loose_off, countries_off, pool_off, pool_size, file_size;
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

struct gazidx_country {
    char code[4]; /* alpha-2, NUL-padded */
    uint32_t place;
};

#endif
