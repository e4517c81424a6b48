/* gazetteer.h: the world's named places, from GeoNames (CC BY 4.0) plus a hand-kept
 * supplement, compiled at build time (tools/gazc) into an index that is mapped, not
 * parsed, so opening it costs nothing that grows with its size.
 *
 * Keys are names folded with text_fold() (case, marks, apostrophes, hyphens). The loose
 * key additionally folds transliteration variants (Qaem = Qaim, Falluja = Fallujah,
 * Tall Afar = Tal Afar); see gazetteer_loose_key(). */
#ifndef SITREP_GAZETTEER_H
#define SITREP_GAZETTEER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/facts.h"

struct gazetteer;

struct gaz_place {
    int64_t id;       /* GeoNames id; supplement entries use ids >= 1e9; countries, which the
                         extracts carry no GeoNames id for, 1900000000 + ISO 3166 numeric */
    const char *name; /* canonical (ASCII-friendly) name */
    enum place_kind kind;
    const char *country_code; /* ISO alpha-2, "" for none (regions spanning countries) */
    const char *country;      /* country name */
    const char *admin1;       /* first-level division name, "" when none */
    int64_t parent_id;        /* enclosing place (admin1 for a town, country for an admin1,
                                 the city for a district), 0 for none */
    double lat, lon;
    uint32_t population;
    bool ambiguous; /* the name looked up is also a common word or person name for this
                       place: needs context (set by lookups, false from get/country) */
};

/* Opens the compiled index at path, or, with path NULL, the default one found by
 * paths_asset("gazetteer.idx"). Returns NULL with a reason in err. */
struct gazetteer *gazetteer_open(const char *path, char *err, size_t errlen);
void gazetteer_close(struct gazetteer *g);

/* Places having a name whose folded form equals key (already folded). Fills up to max,
 * best first (country > admin1 > larger population); returns the number found. */
size_t gazetteer_lookup(const struct gazetteer *g, const char *key, size_t keylen,
                        struct gaz_place *out, size_t max);

/* The same over loose keys, for spellings the exact keys miss. Only places in regions
 * where romanisations vary (Middle East, Africa, Central and South Asia, the Caucasus,
 * Eastern Europe) and places spanning countries have loose keys. */
size_t gazetteer_lookup_loose(const struct gazetteer *g, const char *key, size_t keylen,
                              struct gaz_place *out, size_t max);

/* Writes the loose key of an already folded name; returns its length. */
size_t gazetteer_loose_key(const char *folded, size_t len, char *out, size_t cap);

int gazetteer_get(const struct gazetteer *g, int64_t id, struct gaz_place *out);

/* The country entry for an ISO alpha-2 code. */
int gazetteer_country(const struct gazetteer *g, const char *code, struct gaz_place *out);

/* Longest name in words, so a matcher knows how many words to try. */
int gazetteer_max_words(const struct gazetteer *g);

/* Number of places and names, for diagnostics and benchmarks. */
size_t gazetteer_place_count(const struct gazetteer *g);
size_t gazetteer_name_count(const struct gazetteer *g);

#endif
