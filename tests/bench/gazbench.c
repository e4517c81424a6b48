/* gazbench.c: times gazetteer_open + first lookup + close, and the lookup rate over a
 * list of names (one a line), folding each as the extractor does. Built and run by
 * tests/bench/gazetteer.sh; prints "open_ms=..." and "lookups_per_s=..." lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/gazetteer.h"
#include "base/text.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char **read_names(const char *path, size_t *n)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    size_t cap = 1024;
    char **names = malloc(cap * sizeof *names);
    char *line = NULL;
    size_t lcap = 0;
    ssize_t len;
    *n = 0;
    while ((len = getline(&line, &lcap, f)) > 0) {
        line[strcspn(line, "\n")] = '\0';
        if (*n == cap)
            names = realloc(names, (cap *= 2) * sizeof *names);
        names[(*n)++] = strdup(line);
    }
    free(line);
    fclose(f);
    return names;
}

/* One open, one lookup of a known name, one close: what start-up pays. */
static double time_open(const char *idx)
{
    char err[256];
    struct gaz_place p;
    double t0 = now_s();
    struct gazetteer *g = gazetteer_open(idx, err, sizeof err);
    if (!g) {
        fprintf(stderr, "gazbench: %s\n", err);
        exit(1);
    }
    gazetteer_lookup(g, "baghdad", 7, &p, 1);
    gazetteer_close(g);
    return (now_s() - t0) * 1000.0;
}

static double lookup_rate(const char *idx, char **names, size_t n)
{
    char err[256], folded[512], loose[512];
    struct gaz_place p[8];
    struct gazetteer *g = gazetteer_open(idx, err, sizeof err);
    size_t found = 0;
    double t0 = now_s();
    for (size_t i = 0; i < n; i++) {
        size_t fl = text_fold(names[i], strlen(names[i]), folded, sizeof folded);
        if (gazetteer_lookup(g, folded, fl, p, 8)) {
            found++;
            continue;
        }
        size_t ll = gazetteer_loose_key(folded, fl, loose, sizeof loose);
        found += gazetteer_lookup_loose(g, loose, ll, p, 8) > 0;
    }
    double dt = now_s() - t0;
    gazetteer_close(g);
    fprintf(stderr, "gazbench: %zu of %zu names found\n", found, n);
    return (double)n / dt;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: gazbench INDEX NAMES\n");
        return 2;
    }
    printf("open_ms=%.3f\n", time_open(argv[1]));
    size_t n = 0;
    char **names = read_names(argv[2], &n);
    if (!names || n == 0)
        return 1;
    printf("lookups_per_s=%.0f\n", lookup_rate(argv[1], names, n));
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return 0;
}
