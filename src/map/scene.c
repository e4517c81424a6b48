/* scene.c: builds a map scene and moves between its marks. */
#include "map/scene.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "map/worldmap.h"

static int alloc_scene(struct map_scene *s, const struct map_mark *marks, size_t n, int cols,
                       int rows)
{
    if (braille_init(&s->outlines, cols, rows) < 0 || braille_init(&s->marks, cols, rows) < 0)
        return -1;
    s->items = calloc(n + 1, sizeof *s->items);
    s->col = calloc(n + 1, sizeof *s->col);
    s->row = calloc(n + 1, sizeof *s->row);
    s->label_col = calloc(n + 1, sizeof *s->label_col);
    if (!s->items || !s->col || !s->row || !s->label_col)
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

static int by_label_start(const void *pa, const void *pb, void *scene)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    const struct map_scene *s = scene;
    if (s->row[a] != s->row[b])
        return s->row[a] < s->row[b] ? -1 : 1;
    if (s->label_col[a] != s->label_col[b])
        return s->label_col[a] < s->label_col[b] ? -1 : 1;
    return a < b ? -1 : a > b;
}

/* Each number right of its point; along a row, left to right, a number that would touch
 * the one before moves past it, a blank between. */
static void place_labels(struct map_scene *s)
{
    size_t *order = malloc((s->n + 1) * sizeof *order);
    for (size_t i = 0; i < s->n; i++)
        s->label_col[i] = s->col[i] < 0 ? -1 : s->col[i] + 2 + s->items[i].weight / 2;
    if (!order)
        return;
    for (size_t i = 0; i < s->n; i++)
        order[i] = i;
    qsort_r(order, s->n, sizeof *order, by_label_start, s);
    for (size_t k = 1; k < s->n; k++) {
        size_t i = order[k], before = order[k - 1];
        if (s->label_col[i] < 0 || s->row[i] != s->row[before] || s->label_col[before] < 0)
            continue;
        int end = s->label_col[before] + text_decimal_digits(s->items[before].id);
        if (s->label_col[i] <= end)
            s->label_col[i] = end + 1;
    }
    free(order);
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
    place_labels(s);
    return 0;
}

void map_scene_free(struct map_scene *s)
{
    braille_free(&s->outlines);
    braille_free(&s->marks);
    free(s->items);
    free(s->col);
    free(s->row);
    free(s->label_col);
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
        /* cells are about twice as tall as wide; two events at one town are told apart by
         * their numbers, side by side */
        double vx = s->col[i] - s->col[from], vy = 2.0 * (s->row[i] - s->row[from]);
        if (vx == 0 && vy == 0)
            vx = s->label_col[i] - s->label_col[from];
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
