/* map_cli.c: the map command: a map scene (map/scene.h) of the events printed as text,
 * each point's event number written in the cells to its right, so the key below the map
 * says which event is which. */
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
#include "map/scene.h"
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

/* Each mark's event number, written into the cells right of its point. */
static void label_marks(char (*cells)[4], const struct map_scene *sc)
{
    for (size_t i = 0; i < sc->n; i++) {
        if (sc->col[i] < 0)
            continue;
        char num[16];
        int len = snprintf(num, sizeof num, "%zu", sc->items[i].id);
        int col = sc->label_col[i];
        for (int k = 0; k < len && col + k < sc->outlines.cols; k++)
            snprintf(cells[(size_t)sc->row[i] * (size_t)sc->outlines.cols + (size_t)(col + k)], 4,
                     "%c", num[k]);
    }
}

static void print_scene(const struct map_scene *sc)
{
    int cols = sc->outlines.cols, rows = sc->outlines.rows;
    char(*cells)[4] = calloc((size_t)cols * (size_t)rows, sizeof *cells);
    if (!cells)
        return;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            braille_cell_utf8(map_scene_cell(sc, c, r, NULL),
                              cells[(size_t)r * (size_t)cols + (size_t)c]);
    label_marks(cells, sc);
    for (int r = 0; r < rows; r++) {
        int last = cols - 1; /* no trailing blanks */
        while (last >= 0 && strcmp(cells[(size_t)r * (size_t)cols + (size_t)last], " ") == 0)
            last--;
        for (int c = 0; c <= last; c++)
            fputs(cells[(size_t)r * (size_t)cols + (size_t)c], stdout);
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
    struct map_mark *marks = calloc(pts->n + 1, sizeof *marks);
    if (!marks)
        return EXIT_FAIL;
    for (size_t i = 0; i < pts->n; i++)
        marks[i] = (struct map_mark){.lon = pts->items[i].lon,
                                     .lat = pts->items[i].lat,
                                     .weight = map_weight_for_toll(pts->items[i].killed),
                                     .id = pts->items[i].event_id};
    struct map_scene sc;
    char err[256];
    int rc = EXIT_FAIL;
    if (map_scene_build(&sc, marks, pts->n, a->cols, a->rows, err, sizeof err) < 0) {
        fprintf(stderr, "sitrep: map: %s\n", err);
    } else {
        print_scene(&sc);
        print_key(pts, sc.asset);
        rc = EXIT_OK;
    }
    map_scene_free(&sc);
    free(marks);
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
