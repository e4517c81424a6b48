/* scene.h: a map ready to draw, whatever draws it (the map command, the reader's map
 * view): the box fitted to the marks, the outlines and the marks on two Braille canvases
 * (so a front end can colour them apart), each mark's cell, and moving a cursor from mark
 * to mark by direction. Knows nothing of events or curses: a mark is a point, a weight and
 * the caller's id. */
#ifndef SITREP_SCENE_H
#define SITREP_SCENE_H

#include <stddef.h>
#include <stdint.h>

#include "base/braille.h"
#include "map/render.h"

struct map_mark {
    double lon, lat;
    int weight; /* map_weight_for_toll */
    size_t id;  /* the caller's (an event number) */
};

struct map_scene {
    struct geo_box box;
    const char *asset; /* the outlines used (WORLDMAP_FINE or WORLDMAP_COARSE) */
    struct braille outlines, marks;
    struct map_mark *items; /* a copy of the marks */
    int *col, *row;         /* each mark's cell; -1 when outside */
    int *label_col;         /* where its number starts, right of its point and clear of the numbers
                               before it on that row (two events at one town read "2 4"); -1 outside */
    size_t n;
};

/* Fits, loads the outlines and draws a cols x rows scene. Returns 0, or -1 with a reason
 * in err (the asset missing, out of memory); the scene is then empty but safe to free. */
int map_scene_build(struct map_scene *s, const struct map_mark *marks, size_t n, int cols, int rows,
                    char *err, size_t errlen);
void map_scene_free(struct map_scene *s);

/* The dots of a cell, outlines and marks together, and whether a mark covers it. */
uint8_t map_scene_cell(const struct map_scene *s, int col, int row, int *is_mark);

/* From mark `from` (an index), the nearest mark in a direction (dx, dy: -1, 0 or 1, y
 * down), preferring those straight ahead (marks in one cell: by their numbers, left to
 * right); from stays when there is none. */
size_t map_scene_step(const struct map_scene *s, size_t from, int dx, int dy);

#endif
