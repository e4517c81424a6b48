/* worldmap.h: the country outlines shipped in assets/map-110m.bin and map-50m.bin (Natural
 * Earth, converted by tools/genmap.py; the format is described there). The file is mapped
 * and checked once at open; every accessor then reads it in place.
 *
 * Coordinates are quantised to 16 bits: x = (lon + 180) / 360 * 65535, y = (lat + 90) /
 * 180 * 65535 (about 600 m at the equator), the same in the file and in these calls. */
#ifndef SITREP_WORLDMAP_H
#define SITREP_WORLDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct worldmap;

struct map_point {
    uint16_t x, y;
};

struct map_box {
    uint16_t x0, y0, x1, y1; /* west, south, east, north */
};

/* The asset file names by scale. */
#define WORLDMAP_COARSE "map-110m.bin"
#define WORLDMAP_FINE   "map-50m.bin"

/* Opens a map file. NULL with a reason in err when it is missing or malformed. */
struct worldmap *worldmap_open(const char *path, char *err, size_t errlen);

/* Opens a shipped asset by name (paths_asset). */
struct worldmap *worldmap_open_asset(const char *name, char *err, size_t errlen);

void worldmap_close(struct worldmap *m);

uint16_t worldmap_quant_lon(double lon);
uint16_t worldmap_quant_lat(double lat);
double worldmap_lon(uint16_t x);
double worldmap_lat(uint16_t y);

size_t worldmap_n_countries(const struct worldmap *m);
const char *worldmap_country_name(const struct worldmap *m, size_t i);

/* The ISO 3166 alpha-2 code ("IQ"), "" when the country has none in the data. */
void worldmap_country_iso2(const struct worldmap *m, size_t i, char out[3]);
struct map_box worldmap_country_box(const struct worldmap *m, size_t i);

/* The country with this alpha-2 code or exact name (ASCII case ignored), or -1. */
long worldmap_find_country(const struct worldmap *m, const char *iso2_or_name);

/* Even-odd over all the country's rings (holes included). */
bool worldmap_country_contains(const struct worldmap *m, size_t i, double lon, double lat);

/* The country a point lies in, or -1 (sea, or a gap of the outlines). */
long worldmap_country_at(const struct worldmap *m, double lon, double lat);

/* Arcs: the shared borders and coasts, each drawn once. */
size_t worldmap_n_arcs(const struct worldmap *m);
const struct map_point *worldmap_arc(const struct worldmap *m, size_t i, size_t *n_points,
                                     struct map_box *box);

/* The rings of a country: for each ring, its arcs in order (a negative ref ~k runs arc k
 * backwards). */
size_t worldmap_country_n_rings(const struct worldmap *m, size_t i);
const int32_t *worldmap_ring_refs(const struct worldmap *m, size_t country, size_t ring,
                                  size_t *n_refs);

#endif
