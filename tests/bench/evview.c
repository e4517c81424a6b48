/* evview.c: time to open the reader's events view: read the stored events (catching up
 * the reports in none first, as E does when they are stale) and draw the first screen
 * (curses on /dev/null, 50x160).
 *   evview DB [RUNS]   prints the first opening, then the median and the worst of RUNS. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "views/events.h"

static double clock_ms(clockid_t which)
{
    struct timespec t;
    clock_gettime(which, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The process's CPU time of the last opening: on a loaded machine the wall time says more
 * about the other processes than about this one. */
static double last_cpu_ms;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One opening and first draw, in ms; -1 on failure. */
static double open_once(struct store *s, WINDOW *w)
{
    char err[256];
    double t0 = clock_ms(CLOCK_MONOTONIC), c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    struct events_view *v = events_view_open(s, NULL, false, err, sizeof err);
    if (!v) {
        fprintf(stderr, "evview: %s\n", err);
        return -1;
    }
    events_view_draw(v, w);
    double t = clock_ms(CLOCK_MONOTONIC) - t0;
    last_cpu_ms = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - c0;
    events_view_close(v);
    return t;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs("usage: evview DB [RUNS]\n", stderr);
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 10;
    if (runs < 1)
        runs = 1;
    char err[256];
    struct store *s;
    if (store_open(argv[1], &s, err, sizeof err) != 0) {
        fprintf(stderr, "evview: %s\n", err);
        return 1;
    }
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm("xterm", out, in);
    if (!scr) {
        fputs("evview: no terminfo for xterm\n", stderr);
        return 1;
    }
    WINDOW *w = newwin(50, 160, 0, 0);
    double first = open_once(s, w), first_cpu = last_cpu_ms;
    double *t = calloc((size_t)runs, sizeof *t);
    for (int i = 0; t && first >= 0 && i < runs; i++)
        t[i] = open_once(s, w);
    delwin(w);
    endwin();
    delscreen(scr);
    if (!t || first < 0)
        return 1;
    qsort(t, (size_t)runs, sizeof *t, cmp_double);
    printf("events view: first opening %.1f ms (cpu %.1f ms); then %.1f ms median, %.1f ms worst "
           "(%d runs, 50x160)\n",
           first, first_cpu, t[runs / 2], t[runs - 1], runs);
    free(t);
    store_close(s);
    return 0;
}
