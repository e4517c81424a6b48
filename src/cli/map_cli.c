/* map_cli.c: the map command. The outlines and the points are drawn on two canvases and
 * merged, then each point's event number is written in the cell to its right, so the key
 * below the map says which event is which. */
#include "cli/map_cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "base/braille.h"
#include "base/text.h"
#include "cli/common.h"
#include "export/rows.h"
#include "map/render.h"
#include "map/worldmap.h"
#include "store/query.h"
#include "store/store.h"

struct map_args {
    int cols, rows;
    char *filter;
};

static void terminal_size(int *cols, int *rows)
{
    struct winsize ws;
    *cols = 80;
    *rows = 24;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
        *cols = ws.ws_col;
        *rows = ws.ws_row;
    }
}

static int parse_args(int argc, char **argv, struct map_args *a)
{
    memset(a, 0, sizeof *a);
    terminal_size(&a->cols, &a->rows);
    a->rows -= 8; /* room for the key */
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--size") == 0 && i + 1 < argc) {
            if (sscanf(argv[++i], "%dx%d", &a->cols, &a->rows) != 2 || a->cols < 10 ||
                a->rows < 4 || a->cols > 1000 || a->rows > 1000) {
                cli_usage_error("map: --size wants COLSxLINES, e.g. 80x24, not %s", argv[i]);
                return -1;
            }
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1]) {
            cli_usage_error("map: unexpected argument %s", argv[i]);
            return -1;
        }
        size_t old = a->filter ? strlen(a->filter) : 0, add = strlen(argv[i]) + 2;
        char *g = realloc(a->filter, old + add);
        if (!g)
            return -1;
        snprintf(g + old, add, "%s%s", old ? " " : "", argv[i]);
        a->filter = g;
    }
    if (a->rows < 4)
        a->rows = 4;
    return 0;
}

/* The event number written into the cells right of its point, when they are inside. */
static void label_points(char (*cells)[4], const struct braille *c, const struct geo_box *box,
                         const struct event_points *pts)
{
    for (size_t i = 0; i < pts->n; i++) {
        int x, y;
        if (!map_project(box, c, pts->items[i].lon, pts->items[i].lat, &x, &y))
            continue;
        char num[16];
        int len = snprintf(num, sizeof num, "%zu", pts->items[i].event_id);
        int col = x / 2 + 2 + map_weight_for_toll(pts->items[i].killed) / 2, row = y / 4;
        for (int k = 0; k < len && col + k < c->cols; k++)
            snprintf(cells[(size_t)row * (size_t)c->cols + (size_t)(col + k)], 4, "%c", num[k]);
    }
}

static void print_canvas(const struct braille *c, const struct geo_box *box,
                         const struct event_points *pts)
{
    char(*cells)[4] = calloc((size_t)c->cols * (size_t)c->rows, sizeof *cells);
    if (!cells)
        return;
    for (int r = 0; r < c->rows; r++)
        for (int col = 0; col < c->cols; col++)
            braille_cell_utf8(braille_cell(c, col, r),
                              cells[(size_t)r * (size_t)c->cols + (size_t)col]);
    label_points(cells, c, box, pts);
    for (int r = 0; r < c->rows; r++) {
        int last = c->cols - 1; /* no trailing blanks */
        while (last >= 0 && strcmp(cells[(size_t)r * (size_t)c->cols + (size_t)last], " ") == 0)
            last--;
        for (int col = 0; col <= last; col++)
            fputs(cells[(size_t)r * (size_t)c->cols + (size_t)col], stdout);
        putchar('\n');
    }
    free(cells);
}

static void print_key(const struct event_points *pts, const char *asset)
{
    for (size_t i = 0; i < pts->n; i++) {
        const struct event_point *p = &pts->items[i];
        char *label = text_sanitize(p->label ? p->label : "", p->label ? strlen(p->label) : 0);
        printf("%3zu  %s, %s, killed %ld\n", p->event_id, label ? label : "",
               p->first_date ? p->first_date : "undated", p->killed);
        free(label);
    }
    if (pts->without_coords)
        printf("     (%zu event%s without coordinates not shown)\n", pts->without_coords,
               pts->without_coords == 1 ? "" : "s");
    printf("Outlines: Natural Earth (%s)\n",
           strcmp(asset, WORLDMAP_FINE) == 0 ? "1:50m" : "1:110m");
}

static int draw(const struct map_args *a, const struct event_points *pts)
{
    double *lons = calloc(pts->n + 1, sizeof *lons), *lats = calloc(pts->n + 1, sizeof *lats);
    struct braille outlines = {0}, points = {0};
    int rc = EXIT_FAIL;
    if (!lons || !lats || braille_init(&outlines, a->cols, a->rows) < 0 ||
        braille_init(&points, a->cols, a->rows) < 0)
        goto out;
    for (size_t i = 0; i < pts->n; i++) {
        lons[i] = pts->items[i].lon;
        lats[i] = pts->items[i].lat;
    }
    struct geo_box box = map_fit(lons, lats, pts->n, a->cols, a->rows);
    const char *asset = map_asset_for(&box);
    char err[256];
    struct worldmap *m = worldmap_open_asset(asset, err, sizeof err);
    if (!m) {
        fprintf(stderr, "sitrep: map: %s\n", err);
        goto out;
    }
    map_draw_outlines(m, &box, &outlines);
    worldmap_close(m);
    for (size_t i = 0; i < pts->n; i++)
        map_draw_point(&box, &points, lons[i], lats[i], map_weight_for_toll(pts->items[i].killed));
    braille_merge(&outlines, &points);
    print_canvas(&outlines, &box, pts);
    print_key(pts, asset);
    rc = EXIT_OK;
out:
    braille_free(&outlines);
    braille_free(&points);
    free(lons);
    free(lats);
    return rc;
}

int cli_map(int argc, char **argv)
{
    struct map_args a;
    if (parse_args(argc, argv, &a) < 0) {
        free(a.filter);
        return EXIT_USAGE;
    }
    struct query q;
    query_init(&q);
    char err[256] = "";
    int rc = EXIT_USAGE;
    struct store *s = NULL;
    if (a.filter && query_parse(&q, a.filter, err, sizeof err) < 0) {
        fprintf(stderr, "sitrep: map: filter: %s\n", err);
    } else if ((rc = cli_open_store(&s)) == EXIT_OK) {
        struct event_points pts;
        if (export_event_points(s, a.filter ? &q : NULL, &pts, err, sizeof err) < 0) {
            fprintf(stderr, "sitrep: map: %s\n", err);
            rc = EXIT_FAIL;
        } else {
            rc = draw(&a, &pts);
        }
        export_event_points_free(&pts);
        store_close(s);
    }
    query_free(&q);
    free(a.filter);
    return rc;
}
