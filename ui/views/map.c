/* map.c: the map screen. Outlines are drawn in the normal colour, points in the killed
 * colour and the selected point's number reversed, so the map reads without colour too. */
#include "views/map.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/braille.h"
#include "export/rows.h"
#include "map/scene.h"
#include "state.h"

struct map_view {
    struct event_points pts;
    struct map_scene scene;
    bool have_scene;
    size_t sel;
};

/* The map takes the screen but its first line (title) and last two (event, keys). */
static int map_rows(void)
{
    return LINES > 4 ? LINES - 3 : 1;
}

static void build_scene(struct app *a)
{
    struct map_view *v = a->map;
    if (v->have_scene)
        map_scene_free(&v->scene);
    v->have_scene = false;
    struct map_mark *marks = calloc(v->pts.n + 1, sizeof *marks);
    if (!marks)
        return;
    for (size_t i = 0; i < v->pts.n; i++)
        marks[i] = (struct map_mark){.lon = v->pts.items[i].lon,
                                     .lat = v->pts.items[i].lat,
                                     .weight = map_weight_for_toll(v->pts.items[i].killed),
                                     .id = v->pts.items[i].event_id};
    char err[256];
    if (map_scene_build(&v->scene, marks, v->pts.n, COLS, map_rows(), err, sizeof err) == 0)
        v->have_scene = true;
    else
        app_say(a, true, err);
    free(marks);
}

void map_screen_open(struct app *a)
{
    struct map_view *v = calloc(1, sizeof *v);
    char err[256];
    if (!v || export_event_points(a->s, &a->q, &v->pts, err, sizeof err) < 0) {
        app_say(a, true, v ? err : "out of memory");
        free(v);
        return;
    }
    a->map = v;
    build_scene(a);
    if (!v->have_scene) {
        export_event_points_free(&v->pts);
        free(v);
        a->map = NULL;
        return;
    }
    app_open_screen(a, &map_screen);
}

static void draw_cells(const struct app *a, const struct map_scene *sc)
{
    attr_t mark = element_attr(&a->pal, EL_KILLED) | A_BOLD;
    for (int r = 0; r < sc->outlines.rows; r++)
        for (int c = 0; c < sc->outlines.cols; c++) {
            int is_mark;
            uint8_t bits = map_scene_cell(sc, c, r, &is_mark);
            if (!bits)
                continue;
            char cell[4];
            braille_cell_utf8(bits, cell);
            put_str(1 + r, c, 1, cell, is_mark ? mark : A_NORMAL);
        }
}

/* Each point's event number in the cells right of it; the selected one reversed. */
static void draw_numbers(const struct app *a, const struct map_view *v)
{
    const struct map_scene *sc = &v->scene;
    for (size_t i = 0; i < sc->n; i++) {
        if (sc->col[i] < 0)
            continue;
        char num[16];
        snprintf(num, sizeof num, "%zu", sc->items[i].id);
        int col = sc->label_col[i];
        attr_t at = i == v->sel ? element_attr(&a->pal, EL_SELECTED) | A_REVERSE
                                : element_attr(&a->pal, EL_KILLED);
        if (col < COLS)
            put_str(1 + sc->row[i], col, COLS - col, num, at);
    }
}

static void draw_event_line(const struct app *a, const struct map_view *v)
{
    char line[600];
    if (!v->pts.n) {
        snprintf(line, sizeof line, " no events with a known place%s",
                 v->pts.without_coords ? " (some have none)" : "");
    } else {
        const struct event_point *p = &v->pts.items[v->sel];
        snprintf(line, sizeof line, " %zu  %.200s, %s, killed %ld%s%.100s", p->event_id,
                 p->label ? p->label : "event", p->first_date ? p->first_date : "undated",
                 p->killed, p->country ? ", " : "", p->country ? p->country : "");
    }
    attr_t at = element_attr(&a->pal, EL_STATUS);
    fill_row(LINES - 2, 0, COLS, at);
    put_raw(LINES - 2, 0, COLS, a->msg[0] ? a->msg : line, at);
}

static void draw_map_screen(struct app *a)
{
    struct map_view *v = a->map;
    /* fitted again whenever the terminal's size differs from the scene's */
    if (!v->have_scene || v->scene.outlines.cols != COLS || v->scene.outlines.rows != map_rows())
        build_scene(a);
    char title[300];
    snprintf(title, sizeof title, " Map: %zu event%s%s%s  (Natural Earth %s)", v->pts.n,
             v->pts.n == 1 ? "" : "s",
             a->filter[0] || a->place_id || a->search[0] ? ", filtered" : "",
             v->pts.without_coords ? ", some without a place" : "",
             v->have_scene && strcmp(v->scene.asset, WORLDMAP_FINE) == 0 ? "1:50m" : "1:110m");
    fill_row(0, 0, COLS, element_attr(&a->pal, EL_FOCUS));
    put_raw(0, 0, COLS, title, element_attr(&a->pal, EL_FOCUS));
    if (v->have_scene) {
        draw_cells(a, &v->scene);
        draw_numbers(a, v);
    }
    draw_event_line(a, v);
    put_str(LINES - 1, 0, COLS, "h j k l move  Enter filter to the place  x export  q back",
            element_attr(&a->pal, EL_HINT));
}

static void step(struct map_view *v, int dx, int dy)
{
    if (v->have_scene && v->pts.n)
        v->sel = map_scene_step(&v->scene, v->sel, dx, dy);
}

/* Enter: the list, filtered to the selected event's place. */
static void filter_to_place(struct app *a)
{
    struct map_view *v = a->map;
    if (!v->pts.n || v->pts.items[v->sel].place_id <= 0)
        return;
    const struct event_point *p = &v->pts.items[v->sel];
    a->place_id = p->place_id;
    snprintf(a->place_name, sizeof a->place_name, "%s", p->place ? p->place : "?");
    app_close_screen(a);
    app_reset_list_position(a);
    app_apply_filter(a);
}

static bool map_action(struct app *a, enum action act, int key)
{
    (void)key;
    switch (act) {
    case ACT_LEFT:
        step(a->map, -1, 0);
        return true;
    case ACT_RIGHT:
        step(a->map, 1, 0);
        return true;
    case ACT_UP:
        step(a->map, 0, -1);
        return true;
    case ACT_DOWN:
        step(a->map, 0, 1);
        return true;
    case ACT_OPEN:
        filter_to_place(a);
        return true;
    case ACT_QUIT:
    case ACT_BACK:
        app_close_screen(a);
        return true;
    default:
        return false;
    }
}

static void close_map(struct app *a)
{
    struct map_view *v = a->map;
    if (!v)
        return;
    if (v->have_scene)
        map_scene_free(&v->scene);
    export_event_points_free(&v->pts);
    free(v);
    a->map = NULL;
}

static const char *describe_map(enum action act)
{
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        return "the nearest point above or below";
    case ACT_OPEN:
        return "filter the list to the point's place";
    case ACT_QUIT:
    case ACT_BACK:
        return "close the map";
    default:
        return NULL;
    }
}

const struct view_ops map_screen = {
    .title = "Map (M)",
    .id = V_MAP,
    .draw = draw_map_screen,
    .action = map_action,
    .close = close_map,
    .describe = describe_map,
};
