/* evbench.c: times grouping N articles into events (ev_prepare + ev_group), apart from
 * reading and extracting them, so the figure is the grouping's own cost.
 *   evbench N LIST   reads and extracts up to N files named one a line in LIST, then
 *                    groups the first N/4, N/2 and N articles, one line per size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "read/article.h"
#include "read/reader.h"
#include "events/event.h"
#include "extract/extract.h"

struct loader {
    struct extractor *x;
    struct ev_doc *docs;
    size_t n, cap;
};

static int take(struct article *a, void *ctx)
{
    struct loader *l = ctx;
    if (l->n < l->cap) {
        struct facts f;
        facts_init(&f);
        extract_article(l->x, a, &f);
        ev_doc_from_facts(&l->docs[l->n], (int64_t)l->n + 1, a->title, a->date, a->source, a->text,
                          &f);
        l->n++;
        facts_free(&f);
    }
    article_free(a);
    return 0;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Groups the first n docs. Texts are kept so each size prepares its own vocabulary. */
static void group_first(struct loader *l, size_t n)
{
    struct ev_doc *copy = l->docs;
    struct ev_options o;
    ev_options_default(&o);
    struct ev_set set;
    double t0 = now();
    ev_prepare(copy, n, false);
    double t1 = now();
    ev_group(copy, n, &o, &set);
    double t2 = now();
    size_t multi = 0, largest = 0, big = 0;
    for (size_t g = 0; g < set.n_groups; g++) {
        multi += set.groups[g].n_members > 1;
        if (set.groups[g].n_members > largest) {
            largest = set.groups[g].n_members;
            big = g;
        }
    }
    printf("events: %zu articles: prepare %.2f s, group %.2f s, total %.2f s; %zu pairs scored "
           "(%.1f per article); %zu events, %zu with several reports, largest %zu (%s, %s..%s)\n",
           n, t1 - t0, t2 - t1, t2 - t0, set.pairs_scored, (double)set.pairs_scored / (double)n,
           set.n_groups, multi, largest, largest ? set.groups[big].label : "-",
           largest && set.groups[big].first_date ? set.groups[big].first_date : "?",
           largest && set.groups[big].last_date ? set.groups[big].last_date : "?");
    fflush(stdout);
    ev_set_free(&set);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fputs("usage: evbench N LIST\n", stderr);
        return 2;
    }
    char err[256];
    struct loader l = {0};
    l.cap = strtoul(argv[1], NULL, 10);
    l.docs = calloc(l.cap + 1, sizeof *l.docs);
    l.x = extractor_open(err, sizeof err);
    if (!l.x) {
        fprintf(stderr, "evbench: %s\n", err);
        return 1;
    }
    double t0 = now();
    FILE *list = fopen(argv[2], "r");
    char path[4096];
    while (list && l.n < l.cap && fgets(path, sizeof path, list)) {
        path[strcspn(path, "\n")] = 0;
        reader_load(path, FORMAT_AUTO, take, &l, err, sizeof err);
    }
    if (list)
        fclose(list);
    fprintf(stderr, "evbench: read and extracted %zu articles in %.1f s\n", l.n, now() - t0);
    group_first(&l, l.n / 4);
    group_first(&l, l.n / 2);
    group_first(&l, l.n);
    ev_docs_free(l.docs, l.n);
    extractor_close(l.x);
    return 0;
}
