/* render.c: the map's projection and drawing. */
#include "map/render.h"

#include <math.h>
#include <stdlib.h>

#define WORLD                                                                                      \
    (struct geo_box)                                                                               \
    {                                                                                              \
        -180, -60, 180, 85                                                                         \
    }
/* at least this much of the world around a single place, in degrees */
#define MIN_SPAN 6.0
/* the 1:50m outlines when the box is narrower than this, in degrees of longitude */
#define FINE_BELOW 60.0

static double clamp(double v, double lo, double hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Widens the box in one direction so that its proportions match the canvas'. */
static struct geo_box fit_aspect(struct geo_box b, int cols, int rows)
{
    double mid = (b.south + b.north) / 2, squeeze = cos(mid * M_PI / 180.0);
    if (squeeze < 0.2)
        squeeze = 0.2;
    double want = (double)(cols * 2) / (rows * 4); /* pixels across per pixel down */
    double w = (b.east - b.west) * squeeze, h = b.north - b.south;
    if (w / h < want) {
        double grow = (h * want - w) / squeeze / 2;
        b.west -= grow;
        b.east += grow;
    } else {
        double grow = (w / want - h) / 2;
        b.south = clamp(b.south - grow, -90, 90);
        b.north = clamp(b.north + grow, -90, 90);
    }
    return b;
}

struct geo_box map_fit(const double *lons, const double *lats, size_t n, int cols, int rows)
{
    if (!n || cols < 1 || rows < 1)
        return fit_aspect(WORLD, cols < 1 ? 1 : cols, rows < 1 ? 1 : rows);
    struct geo_box b = {lons[0], lats[0], lons[0], lats[0]};
    for (size_t i = 1; i < n; i++) {
        b.west = fmin(b.west, lons[i]);
        b.east = fmax(b.east, lons[i]);
        b.south = fmin(b.south, lats[i]);
        b.north = fmax(b.north, lats[i]);
    }
    double margin_x = fmax((b.east - b.west) * 0.15, (MIN_SPAN - (b.east - b.west)) / 2);
    double margin_y = fmax((b.north - b.south) * 0.15, (MIN_SPAN - (b.north - b.south)) / 2);
    b.west -= fmax(margin_x, 0.5);
    b.east += fmax(margin_x, 0.5);
    b.south = clamp(b.south - fmax(margin_y, 0.5), -89, 89);
    b.north = clamp(b.north + fmax(margin_y, 0.5), -89, 89);
    return fit_aspect(b, cols, rows);
}

const char *map_asset_for(const struct geo_box *box)
{
    return box->east - box->west < FINE_BELOW ? WORLDMAP_FINE : WORLDMAP_COARSE;
}

static void to_pixel(const struct geo_box *box, const struct braille *c, double lon, double lat,
                     double *x, double *y)
{
    *x = (lon - box->west) / (box->east - box->west) * (c->width - 1);
    *y = (box->north - lat) / (box->north - box->south) * (c->height - 1);
}

bool map_project(const struct geo_box *box, const struct braille *c, double lon, double lat, int *x,
                 int *y)
{
    double fx, fy;
    to_pixel(box, c, lon, lat, &fx, &fy);
    *x = (int)lround(fx);
    *y = (int)lround(fy);
    return *x >= 0 && *y >= 0 && *x < c->width && *y < c->height;
}

void map_unproject(const struct geo_box *box, const struct braille *c, int x, int y, double *lon,
                   double *lat)
{
    *lon = box->west + (double)x / (c->width > 1 ? c->width - 1 : 1) * (box->east - box->west);
    *lat = box->north - (double)y / (c->height > 1 ? c->height - 1 : 1) * (box->north - box->south);
}

static bool arc_visible(const struct geo_box *box, const struct map_box *a)
{
    return worldmap_lon(a->x1) >= box->west && worldmap_lon(a->x0) <= box->east &&
           worldmap_lat(a->y1) >= box->south && worldmap_lat(a->y0) <= box->north;
}

static void draw_arc(const struct geo_box *box, struct braille *c, const struct map_point *p,
                     size_t n)
{
    double px = 0, py = 0;
    for (size_t k = 0; k < n; k++) {
        double x, y;
        to_pixel(box, c, worldmap_lon(p[k].x), worldmap_lat(p[k].y), &x, &y);
        /* a step of half the world is the antimeridian (Chukotka, Fiji), not a border */
        bool wraps = k && abs((int)p[k].x - (int)p[k - 1].x) > 32768;
        if (k && !wraps)
            braille_line(c, lround(px), lround(py), lround(x), lround(y));
        px = x;
        py = y;
    }
    if (n == 1)
        braille_set(c, (int)lround(px), (int)lround(py));
}

void map_draw_outlines(const struct worldmap *m, const struct geo_box *box, struct braille *c)
{
    for (size_t i = 0; i < worldmap_n_arcs(m); i++) {
        size_t n;
        struct map_box ab;
        const struct map_point *p = worldmap_arc(m, i, &n, &ab);
        if (arc_visible(box, &ab))
            draw_arc(box, c, p, n);
    }
}

int map_weight_for_toll(long toll)
{
    return toll <= 0 ? 0 : toll < 10 ? 1 : toll < 100 ? 2 : 3;
}

void map_draw_point(const struct geo_box *box, struct braille *c, double lon, double lat,
                    int weight)
{
    int x, y;
    if (map_project(box, c, lon, lat, &x, &y))
        braille_disc(c, x, y, 1 + (weight < 0 ? 0 : weight > 3 ? 3 : weight));
}
