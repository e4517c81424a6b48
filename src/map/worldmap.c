/* worldmap.c: maps the outline asset and answers questions about it. */
#include "map/worldmap.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/paths.h"

struct file_country {
    uint32_t name;
    uint16_t numeric;
    char alpha2[2];
    char alpha3[3];
    uint8_t pad;
    uint16_t box[4];
    uint32_t first_ring, n_rings;
};

struct file_ring {
    uint32_t first_ref, n_refs;
};

struct file_arc {
    uint32_t first_point, n_points;
    uint16_t box[4];
};

_Static_assert(sizeof(struct file_country) == 28, "country record is 28 bytes");
_Static_assert(sizeof(struct file_arc) == 16, "arc record is 16 bytes");

struct worldmap {
    void *base;
    size_t size;
    const struct file_country *countries;
    const struct file_ring *rings;
    const int32_t *refs;
    const struct file_arc *arcs;
    const struct map_point *points;
    const char *strings;
    uint32_t n_countries, n_rings, n_refs, n_arcs, n_points, strings_size;
};

/* The binary part starts after the text header's "end" line, at a multiple of 8. */
static const uint8_t *binary_start(const uint8_t *p, size_t size)
{
    static const char marker[] = "\nend\n";
    for (size_t i = 0; i + sizeof marker - 1 <= size && i < 65536; i++)
        if (memcmp(p + i, marker, sizeof marker - 1) == 0) {
            size_t at = (i + sizeof marker - 1 + 7) & ~(size_t)7;
            return at < size ? p + at : NULL;
        }
    return NULL;
}

static bool take(const uint8_t **p, const uint8_t *end, size_t bytes, const void **out)
{
    if ((size_t)(end - *p) < bytes)
        return false;
    *out = *p;
    *p += bytes;
    return true;
}

/* Every index in the file points inside it, so accessors need no checks of their own. */
static bool indexes_valid(const struct worldmap *m)
{
    for (uint32_t i = 0; i < m->n_countries; i++) {
        const struct file_country *c = &m->countries[i];
        if (c->name >= m->strings_size || c->first_ring > m->n_rings ||
            c->n_rings > m->n_rings - c->first_ring)
            return false;
    }
    for (uint32_t i = 0; i < m->n_rings; i++)
        if (m->rings[i].first_ref > m->n_refs ||
            m->rings[i].n_refs > m->n_refs - m->rings[i].first_ref)
            return false;
    for (uint32_t i = 0; i < m->n_refs; i++) {
        int32_t r = m->refs[i] < 0 ? ~m->refs[i] : m->refs[i];
        if ((uint32_t)r >= m->n_arcs)
            return false;
    }
    for (uint32_t i = 0; i < m->n_arcs; i++)
        if (m->arcs[i].first_point > m->n_points ||
            m->arcs[i].n_points > m->n_points - m->arcs[i].first_point)
            return false;
    return m->strings_size > 0 && m->strings[m->strings_size - 1] == 0;
}

static bool parse(struct worldmap *m)
{
    const uint8_t *end = (const uint8_t *)m->base + m->size;
    const uint8_t *p = binary_start(m->base, m->size);
    const uint32_t *head;
    if (!p || !take(&p, end, 8 * sizeof(uint32_t), (const void **)&head))
        return false;
    if (memcmp(head, "SMAP", 4) != 0 || head[1] != 1)
        return false;
    m->n_countries = head[2];
    m->n_rings = head[3];
    m->n_refs = head[4];
    m->n_arcs = head[5];
    m->n_points = head[6];
    m->strings_size = head[7];
    return take(&p, end, (size_t)m->n_countries * sizeof *m->countries,
                (const void **)&m->countries) &&
           take(&p, end, (size_t)m->n_rings * sizeof *m->rings, (const void **)&m->rings) &&
           take(&p, end, (size_t)m->n_refs * sizeof *m->refs, (const void **)&m->refs) &&
           take(&p, end, (size_t)m->n_arcs * sizeof *m->arcs, (const void **)&m->arcs) &&
           take(&p, end, (size_t)m->n_points * sizeof *m->points, (const void **)&m->points) &&
           take(&p, end, m->strings_size, (const void **)&m->strings) && indexes_valid(m);
}

struct worldmap *worldmap_open(const char *path, char *err, size_t errlen)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) < 0 || st.st_size < 64) {
        snprintf(err, errlen, "%s: cannot read the map", path);
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    struct worldmap *m = calloc(1, sizeof *m);
    void *base = m ? mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    close(fd);
    if (base == MAP_FAILED) {
        free(m);
        snprintf(err, errlen, "%s: cannot map the file", path);
        return NULL;
    }
    m->base = base;
    m->size = (size_t)st.st_size;
    if (!parse(m)) {
        worldmap_close(m);
        snprintf(err, errlen, "%s: not a sitrep map, or damaged (run make map)", path);
        return NULL;
    }
    return m;
}

struct worldmap *worldmap_open_asset(const char *name, char *err, size_t errlen)
{
    char *path = paths_asset(name);
    if (!path) {
        snprintf(err, errlen, "%s not found", name);
        return NULL;
    }
    struct worldmap *m = worldmap_open(path, err, errlen);
    free(path);
    return m;
}

void worldmap_close(struct worldmap *m)
{
    if (!m)
        return;
    if (m->base)
        munmap(m->base, m->size);
    free(m);
}

uint16_t worldmap_quant_lon(double lon)
{
    double v = (lon + 180.0) / 360.0 * 65535.0 + 0.5;
    return v <= 0 ? 0 : v >= 65535 ? 65535 : (uint16_t)v;
}

uint16_t worldmap_quant_lat(double lat)
{
    double v = (lat + 90.0) / 180.0 * 65535.0 + 0.5;
    return v <= 0 ? 0 : v >= 65535 ? 65535 : (uint16_t)v;
}

double worldmap_lon(uint16_t x)
{
    return x / 65535.0 * 360.0 - 180.0;
}

double worldmap_lat(uint16_t y)
{
    return y / 65535.0 * 180.0 - 90.0;
}

size_t worldmap_n_countries(const struct worldmap *m)
{
    return m->n_countries;
}

const char *worldmap_country_name(const struct worldmap *m, size_t i)
{
    return i < m->n_countries ? m->strings + m->countries[i].name : "";
}

void worldmap_country_iso2(const struct worldmap *m, size_t i, char out[3])
{
    out[0] = out[1] = out[2] = 0;
    if (i < m->n_countries)
        memcpy(out, m->countries[i].alpha2, 2);
}

struct map_box worldmap_country_box(const struct worldmap *m, size_t i)
{
    const uint16_t *b = m->countries[i].box;
    return (struct map_box){b[0], b[1], b[2], b[3]};
}

long worldmap_find_country(const struct worldmap *m, const char *key)
{
    for (size_t i = 0; key && *key && i < m->n_countries; i++) {
        char iso[3];
        worldmap_country_iso2(m, i, iso);
        if (strcasecmp(iso, key) == 0 || strcasecmp(worldmap_country_name(m, i), key) == 0)
            return (long)i;
    }
    return -1;
}

/* Crossings of a ray going east from (x, y) with one arc (even-odd rule). */
static unsigned arc_crossings(const struct worldmap *m, int32_t ref, double x, double y)
{
    const struct file_arc *a = &m->arcs[ref < 0 ? ~ref : ref];
    if (y < a->box[1] || y > a->box[3] || x > a->box[2])
        return 0;
    const struct map_point *p = m->points + a->first_point;
    unsigned n = 0;
    for (uint32_t k = 1; k < a->n_points; k++) {
        double x0 = p[k - 1].x, y0 = p[k - 1].y, x1 = p[k].x, y1 = p[k].y;
        if ((y0 > y) != (y1 > y) && x < x0 + (y - y0) * (x1 - x0) / (y1 - y0))
            n++;
    }
    return n;
}

bool worldmap_country_contains(const struct worldmap *m, size_t i, double lon, double lat)
{
    if (i >= m->n_countries)
        return false;
    const struct file_country *c = &m->countries[i];
    /* half a step off the grid, so no point sits exactly on a vertex */
    double x = worldmap_quant_lon(lon) + 0.25, y = worldmap_quant_lat(lat) + 0.25;
    if (x < c->box[0] || x > c->box[2] || y < c->box[1] || y > c->box[3])
        return false;
    unsigned crossings = 0;
    for (uint32_t r = 0; r < c->n_rings; r++) {
        const struct file_ring *ring = &m->rings[c->first_ring + r];
        for (uint32_t k = 0; k < ring->n_refs; k++)
            crossings += arc_crossings(m, m->refs[ring->first_ref + k], x, y);
    }
    return crossings % 2 == 1;
}

long worldmap_country_at(const struct worldmap *m, double lon, double lat)
{
    for (size_t i = 0; i < m->n_countries; i++)
        if (worldmap_country_contains(m, i, lon, lat))
            return (long)i;
    return -1;
}

size_t worldmap_n_arcs(const struct worldmap *m)
{
    return m->n_arcs;
}

const struct map_point *worldmap_arc(const struct worldmap *m, size_t i, size_t *n_points,
                                     struct map_box *box)
{
    const struct file_arc *a = &m->arcs[i];
    *n_points = a->n_points;
    if (box)
        *box = (struct map_box){a->box[0], a->box[1], a->box[2], a->box[3]};
    return m->points + a->first_point;
}

size_t worldmap_country_n_rings(const struct worldmap *m, size_t i)
{
    return i < m->n_countries ? m->countries[i].n_rings : 0;
}

const int32_t *worldmap_ring_refs(const struct worldmap *m, size_t country, size_t ring,
                                  size_t *n_refs)
{
    const struct file_ring *r = &m->rings[m->countries[country].first_ring + ring];
    *n_refs = r->n_refs;
    return m->refs + r->first_ref;
}
