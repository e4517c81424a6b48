/* scene.c: builds a map scene and moves between its marks. */
#include "map/scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map/worldmap.h"

static int alloc_scene(struct map_scene *s, const struct map_mark *marks, size_t n, int cols,
                       int rows)
{
    if (braille_init(&s->outlines, cols, rows) < 0 || braille_init(&s->marks, cols, rows) < 0)
        return -1;
    s->items = calloc(n + 1, sizeof *s->items);
    s->col = calloc(n + 1, sizeof *s->col);
    s->row = calloc(n + 1, sizeof *s->row);
    if (!s->items || !s->col || !s->row)
        return -1;
    if (n)
        memcpy(s->items, marks, n * sizeof *marks);
    s->n = n;
    return 0;
}

static void fit(struct map_scene *s, int cols, int rows)
{
    double *lons = calloc(s->n + 1, sizeof *lons), *lats = calloc(s->n + 1, sizeof *lats);
    size_t n = lons && lats ? s->n : 0;
    for (size_t i = 0; i < n; i++) {
        lons[i] = s->items[i].lon;
        lats[i] = s->items[i].lat;
    }
    s->box = map_fit(lons, lats, n, cols, rows);
    s->asset = map_asset_for(&s->box);
    free(lons);
    free(lats);
}

static void place_marks(struct map_scene *s)
{
    for (size_t i = 0; i < s->n; i++) {
        int x, y;
        bool inside = map_project(&s->box, &s->marks, s->items[i].lon, s->items[i].lat, &x, &y);
        s->col[i] = inside ? x / 2 : -1;
        s->row[i] = inside ? y / 4 : -1;
        map_draw_point(&s->box, &s->marks, s->items[i].lon, s->items[i].lat, s->items[i].weight);
    }
}

int map_scene_build(struct map_scene *s, const struct map_mark *marks, size_t n, int cols, int rows,
                    char *err, size_t errlen)
{
    memset(s, 0, sizeof *s);
    if (alloc_scene(s, marks, n, cols, rows) < 0) {
        map_scene_free(s);
        snprintf(err, errlen, "out of memory (or a map of no size)");
        return -1;
    }
    fit(s, cols, rows);
    struct worldmap *m = worldmap_open_asset(s->asset, err, errlen);
    if (!m) {
        map_scene_free(s);
        return -1;
    }
    map_draw_outlines(m, &s->box, &s->outlines);
    worldmap_close(m);
    place_marks(s);
    return 0;
}

void map_scene_free(struct map_scene *s)
{
    braille_free(&s->outlines);
    braille_free(&s->marks);
    free(s->items);
    free(s->col);
    free(s->row);
    memset(s, 0, sizeof *s);
}

uint8_t map_scene_cell(const struct map_scene *s, int col, int row, int *is_mark)
{
    uint8_t mark = braille_cell(&s->marks, col, row);
    if (is_mark)
        *is_mark = mark != 0;
    return mark | braille_cell(&s->outlines, col, row);
}

size_t map_scene_step(const struct map_scene *s, size_t from, int dx, int dy)
{
    if (from >= s->n || s->col[from] < 0)
        return from;
    size_t best = from;
    double best_cost = INFINITY;
    for (size_t i = 0; i < s->n; i++) {
        if (i == from || s->col[i] < 0)
            continue;
        /* cells are about twice as tall as wide */
        double vx = s->col[i] - s->col[from], vy = 2.0 * (s->row[i] - s->row[from]);
        double ahead = vx * dx + vy * dy, across = fabs(vx * dy - vy * dx);
        if (ahead <= 0 || across > 2 * ahead) /* more than about 60 degrees off */
            continue;
        double cost = hypot(vx, vy) + 3 * across;
        if (cost < best_cost) {
            best_cost = cost;
            best = i;
        }
    }
    return best;
}
