/* test_map.c: the Braille canvas, the outline asset and its renderer. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/braille.h"
#include "map/render.h"
#include "map/scene.h"
#include "map/worldmap.h"
#include "testlib.h"

static void braille_dots_land_in_their_cells(void)
{
    struct braille b;
    CHECK(braille_init(&b, 3, 2) == 0);
    braille_set(&b, 0, 0); /* dot 1 of cell (0,0) */
    braille_set(&b, 3, 7); /* dot 8 of cell (1,1) */
    braille_set(&b, -1, 0);
    braille_set(&b, 6, 0); /* outside: clipped */
    CHECK_INT(braille_cell(&b, 0, 0), 0x01);
    CHECK_INT(braille_cell(&b, 1, 1), 0x80);
    CHECK(braille_get(&b, 3, 7));
    CHECK(!braille_get(&b, 2, 7));
    char row[3 * 3 + 1];
    CHECK(braille_row_utf8(&b, 0, row, sizeof row) > 0);
    CHECK_STR(row, "\u2801  ");
    CHECK(braille_row_utf8(&b, 1, row, sizeof row) > 0);
    CHECK_STR(row, " \u2880 ");
    CHECK_INT(braille_row_utf8(&b, 0, row, 5), 0); /* too small */
    braille_free(&b);
}

static void braille_lines_are_continuous_and_clipped(void)
{
    struct braille b;
    CHECK(braille_init(&b, 4, 2) == 0); /* 8 x 8 pixels */
    braille_line(&b, 0, 0, 7, 7);
    for (int i = 0; i < 8; i++)
        CHECK(braille_get(&b, i, i));
    braille_clear(&b);
    braille_line(&b, -1000000, 3, 1000000, 3); /* far outside at both ends */
    for (int x = 0; x < 8; x++)
        CHECK(braille_get(&b, x, 3));
    CHECK(!braille_get(&b, 0, 2));
    braille_clear(&b);
    braille_line(&b, -5, -5, -1, -9); /* wholly outside: nothing */
    for (int c = 0; c < 4; c++)
        CHECK_INT(braille_cell(&b, c, 0), 0);
    braille_free(&b);
}

static struct worldmap *open_map(const char *name)
{
    char err[256];
    struct worldmap *m = worldmap_open_asset(name, err, sizeof err);
    if (!m)
        printf("#   %s\n", err);
    return m;
}

/* The seeds' places with the gazetteer's coordinates. */
static const struct {
    const char *name;
    double lat, lon;
} seeds[] = {
    {"Al Fallujah", 33.3491, 43.7860}, {"Al Qa'im", 34.3925, 40.9894},
    {"Mosul", 36.3350, 43.1189},       {"Al Anbar", 34.1366, 42.3617},
    {"Ramadi", 33.4206, 43.3078},      {"Baghdad", 33.3406, 44.4009},
};

static void seeds_fall_inside_iraq(void)
{
    const char *assets[] = {WORLDMAP_COARSE, WORLDMAP_FINE};
    for (int a = 0; a < 2; a++) {
        struct worldmap *m = open_map(assets[a]);
        CHECK(m != NULL);
        if (!m)
            continue;
        long iraq = worldmap_find_country(m, "IQ");
        CHECK(iraq >= 0);
        CHECK_STR(worldmap_country_name(m, (size_t)iraq), "Iraq");
        CHECK_INT(worldmap_find_country(m, "iraq"), iraq);
        for (size_t i = 0; i < sizeof seeds / sizeof *seeds; i++) {
            bool inside = worldmap_country_contains(m, (size_t)iraq, seeds[i].lon, seeds[i].lat);
            if (!inside)
                printf("#   %s: %s (%.4f, %.4f) outside Iraq\n", assets[a], seeds[i].name,
                       seeds[i].lat, seeds[i].lon);
            CHECK(inside);
            CHECK_INT(worldmap_country_at(m, seeds[i].lon, seeds[i].lat), iraq);
        }
        long syria = worldmap_find_country(m, "SY");
        CHECK(syria >= 0 && worldmap_country_at(m, 36.2765, 33.5138) == syria); /* Damascus */
        CHECK(!worldmap_country_contains(m, (size_t)iraq, 36.2765, 33.5138));
        CHECK_INT(worldmap_country_at(m, -30.0, 30.0), -1); /* the Atlantic */
        long france = worldmap_find_country(m, "FR");
        CHECK(france >= 0 && worldmap_country_contains(m, (size_t)france, 2.35, 48.85));
        worldmap_close(m);
    }
}

/* Iraq fitted to a canvas: its outline touches every side of the box, every vertex of its
 * rings lands on a set dot, and Baghdad, well inside, stays blank. */
static void iraq_outline_falls_in_the_right_cells(void)
{
    struct worldmap *m = open_map(WORLDMAP_FINE);
    CHECK(m != NULL);
    if (!m)
        return;
    size_t iraq = (size_t)worldmap_find_country(m, "IQ");
    struct map_box qb = worldmap_country_box(m, iraq);
    struct geo_box box = {worldmap_lon(qb.x0), worldmap_lat(qb.y0), worldmap_lon(qb.x1),
                          worldmap_lat(qb.y1)};
    struct braille c;
    CHECK(braille_init(&c, 40, 20) == 0);
    map_draw_outlines(m, &box, &c);
    size_t vertices = 0, missed = 0;
    for (size_t r = 0; r < worldmap_country_n_rings(m, iraq); r++) {
        size_t n_refs;
        const int32_t *refs = worldmap_ring_refs(m, iraq, r, &n_refs);
        for (size_t k = 0; k < n_refs; k++) {
            size_t n;
            const struct map_point *p =
                worldmap_arc(m, (size_t)(refs[k] < 0 ? ~refs[k] : refs[k]), &n, NULL);
            for (size_t v = 0; v < n; v++, vertices++) {
                int x, y;
                if (!map_project(&box, &c, worldmap_lon(p[v].x), worldmap_lat(p[v].y), &x, &y) ||
                    !braille_get(&c, x, y))
                    missed++;
            }
        }
    }
    CHECK(vertices > 50);
    CHECK_INT(missed, 0);
    bool left = false, right = false, top = false, bottom = false;
    for (int y = 0; y < c.height; y++) {
        left |= braille_get(&c, 0, y);
        right |= braille_get(&c, c.width - 1, y);
    }
    for (int x = 0; x < c.width; x++) {
        top |= braille_get(&c, x, 0);
        bottom |= braille_get(&c, x, c.height - 1);
    }
    CHECK(left && right && top && bottom);
    int bx, by;
    CHECK(map_project(&box, &c, 44.4009, 33.3406, &bx, &by));
    CHECK_INT(braille_cell(&c, bx / 2, by / 4), 0);
    braille_free(&c);
    worldmap_close(m);
}

static void fitting_keeps_the_points_and_picks_the_scale(void)
{
    double lons[] = {43.7860, 40.9894, 43.1189, 42.3617},
           lats[] = {33.3491, 34.3925, 36.3350, 34.1366};
    struct geo_box b = map_fit(lons, lats, 4, 60, 20);
    struct braille c;
    CHECK(braille_init(&c, 60, 20) == 0);
    for (int i = 0; i < 4; i++) {
        int x, y;
        CHECK(map_project(&b, &c, lons[i], lats[i], &x, &y));
        CHECK(x > 2 && y > 2 && x < c.width - 3 && y < c.height - 3); /* with a margin */
    }
    CHECK_STR(map_asset_for(&b), WORLDMAP_FINE);
    struct geo_box world = map_fit(NULL, NULL, 0, 60, 20);
    CHECK_STR(map_asset_for(&world), WORLDMAP_COARSE);
    CHECK(world.west <= -180 && world.east >= 180);
    double lon, lat;
    int x, y;
    CHECK(map_project(&b, &c, 43.0, 34.0, &x, &y));
    map_unproject(&b, &c, x, y, &lon, &lat);
    CHECK(fabs(lon - 43.0) < 0.2 && fabs(lat - 34.0) < 0.2);
    CHECK_INT(map_weight_for_toll(0), 0);
    CHECK_INT(map_weight_for_toll(5), 1);
    CHECK_INT(map_weight_for_toll(38), 2);
    CHECK_INT(map_weight_for_toll(150), 3);
    braille_clear(&c);
    map_draw_point(&b, &c, 43.7860, 33.3491, 0);
    map_draw_point(&b, &c, 43.1189, 36.3350, 3);
    size_t small = 0, large = 0;
    for (int yy = 0; yy < c.height; yy++)
        for (int xx = 0; xx < c.width; xx++)
            if (braille_get(&c, xx, yy) && yy > c.height / 2)
                small++;
            else if (braille_get(&c, xx, yy))
                large++;
    CHECK_INT(small, 9);
    CHECK(large > 30);
    braille_free(&c);
}

/* The seeds' events as a scene: every mark in its cell, and the cursor moving by
 * direction (Mosul is north of Fallujah, Qaim the westmost). */
static void scene_marks_and_cursor(void)
{
    enum { FALLUJAH, QAIM, MOSUL, ANBAR };
    struct map_mark marks[] = {{43.7860, 33.3491, 3, 1},
                               {40.9894, 34.3925, 2, 2},
                               {43.1189, 36.3350, 0, 4},
                               {42.3617, 34.1366, 2, 3}};
    struct map_scene sc;
    char err[256];
    CHECK(map_scene_build(&sc, marks, 4, 60, 20, err, sizeof err) == 0);
    if (!sc.n)
        return;
    CHECK_STR(sc.asset, WORLDMAP_FINE);
    for (size_t i = 0; i < 4; i++) {
        int is_mark = 0;
        CHECK(sc.col[i] >= 0 && sc.row[i] >= 0);
        CHECK(map_scene_cell(&sc, sc.col[i], sc.row[i], &is_mark) != 0);
        CHECK(is_mark);
    }
    int is_mark = 1;
    map_scene_cell(&sc, 0, 0, &is_mark);
    CHECK(!is_mark);
    CHECK_INT(map_scene_step(&sc, FALLUJAH, 0, -1), MOSUL);
    CHECK_INT(map_scene_step(&sc, QAIM, -1, 0), QAIM); /* nothing further west */
    CHECK_INT(map_scene_step(&sc, QAIM, 1, 0), ANBAR);
    CHECK_INT(map_scene_step(&sc, MOSUL, 0, 1), ANBAR); /* nearer, and about as straight */
    CHECK_INT(map_scene_step(&sc, ANBAR, 1, 1), FALLUJAH);
    map_scene_free(&sc);
    /* two events at one town: their numbers side by side, a blank between, and the cursor
     * goes from one to the other */
    struct map_mark twins[] = {
        {40.9894, 34.3925, 2, 12}, {40.9894, 34.3925, 2, 7}, {43.7860, 33.3491, 0, 1}};
    CHECK(map_scene_build(&sc, twins, 3, 60, 20, err, sizeof err) == 0);
    if (sc.n == 3) {
        CHECK_INT(sc.row[0], sc.row[1]);
        CHECK_INT(sc.label_col[0], sc.col[0] + 3);       /* "12" right of its point */
        CHECK_INT(sc.label_col[1], sc.label_col[0] + 3); /* then "7": "12 7" */
        CHECK_INT(map_scene_step(&sc, 0, 1, 0), 1);
        CHECK_INT(map_scene_step(&sc, 1, -1, 0), 0);
    }
    map_scene_free(&sc);
    /* no marks: the world */
    CHECK(map_scene_build(&sc, NULL, 0, 60, 20, err, sizeof err) == 0);
    CHECK_STR(sc.asset, WORLDMAP_COARSE);
    CHECK_INT(map_scene_step(&sc, 0, 1, 0), 0);
    map_scene_free(&sc);
}

static void damaged_maps_are_refused(void)
{
    char path[] = "/tmp/sitrep-map-XXXXXX", err[256];
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    const char junk[] = "sitrep-map 1\nend\n\0\0\0\0\0\0\0SMAP\1\0\0\0\377\377\377\377"
                        "0000000000000000000000000000000000000000000000000000000000000000";
    CHECK(write(fd, junk, sizeof junk) == (ssize_t)sizeof junk);
    close(fd);
    CHECK(worldmap_open(path, err, sizeof err) == NULL);
    CHECK(strstr(err, "damaged") != NULL);
    CHECK(worldmap_open("/nonexistent/map.bin", err, sizeof err) == NULL);
    unlink(path);
}

int main(void)
{
    if (!getenv("SITREP_DATA_DIR") && access("assets/" WORLDMAP_COARSE, R_OK) == 0)
        setenv("SITREP_DATA_DIR", "assets", 1);
    RUN(braille_dots_land_in_their_cells);
    RUN(braille_lines_are_continuous_and_clipped);
    RUN(seeds_fall_inside_iraq);
    RUN(iraq_outline_falls_in_the_right_cells);
    RUN(fitting_keeps_the_points_and_picks_the_scale);
    RUN(scene_marks_and_cursor);
    RUN(damaged_maps_are_refused);
    return TESTS_DONE();
}
