/* render.h: outlines and weighted points in a Braille canvas, in an equirectangular
 * projection of a lon/lat box. The box for a set of places is widened so that a degree
 * east looks as long as a degree north at its middle latitude (cos(lat)), and Braille
 * dots are about square in a terminal cell, so shapes keep their proportions. */
#ifndef SITREP_RENDER_H
#define SITREP_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "base/braille.h"
#include "map/worldmap.h"

struct geo_box {
    double west, south, east, north;
};

/* The box that shows every point with a margin, at the canvas' proportions; the whole
 * world when there are none. A single point gets a region about 6 degrees across. */
struct geo_box map_fit(const double *lons, const double *lats, size_t n, int cols, int rows);

/* The asset for a box: the 1:50m outlines for a region, 1:110m for a continent or more. */
const char *map_asset_for(const struct geo_box *box);

/* Pixel position of a point; false when it falls outside the canvas. */
bool map_project(const struct geo_box *box, const struct braille *c, double lon, double lat, int *x,
                 int *y);

/* The point at a pixel (the inverse of map_project). */
void map_unproject(const struct geo_box *box, const struct braille *c, int x, int y, double *lon,
                   double *lat);

/* Draws every arc that touches the box. */
void map_draw_outlines(const struct worldmap *m, const struct geo_box *box, struct braille *c);

/* How large a point is drawn for a toll: 0 (none stated or unknown) to 3 (100 or more). */
int map_weight_for_toll(long toll);

/* Draws a point: a disc of radius 1 for weight 0 (3 x 3 dots, so it stands out from a
 * line), one dot wider for each step. */
void map_draw_point(const struct geo_box *box, struct braille *c, double lon, double lat,
                    int weight);

#endif
