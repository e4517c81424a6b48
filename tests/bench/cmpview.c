/* cmpview.c: time to open the compare view: load both articles and their facts from the
 * store, compare them, wrap and draw the first screen (curses on /dev/null, 50x160).
 *   cmpview DB A B [RUNS]   prints the median and the worst of RUNS openings, in ms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "views/compare.h"

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fputs("usage: cmpview DB A B [RUNS]\n", stderr);
        return 2;
    }
    int runs = argc > 4 ? atoi(argv[4]) : 50;
    if (runs < 1)
        runs = 1;
    char err[256];
    struct store *s;
    if (store_open(argv[1], &s, err, sizeof err) != 0) {
        fprintf(stderr, "cmpview: %s\n", err);
        return 1;
    }
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm", out, in);
    if (!scr) {
        fputs("cmpview: no terminfo for xterm\n", stderr);
        return 1;
    }
    WINDOW *w = newwin(50, 160, 0, 0);
    double *t = calloc((size_t)runs, sizeof *t);
    for (int i = 0; i < runs; i++) {
        double t0 = now_ms();
        struct compare_view *v =
            compare_view_open(s, atoll(argv[2]), atoll(argv[3]), err, sizeof err);
        if (!v) {
            endwin();
            fprintf(stderr, "cmpview: %s\n", err);
            return 1;
        }
        compare_view_draw(v, w);
        t[i] = now_ms() - t0;
        compare_view_close(v);
    }
    delwin(w);
    endwin();
    delscreen(scr);
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    printf("compare view: opened in %.2f ms median, %.2f ms worst (%d runs, 50x160)\n", t[runs / 2],
           t[runs - 1], runs);
    free(t);
    store_close(s);
    return 0;
}
