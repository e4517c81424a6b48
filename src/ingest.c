/* ingest.c: the import pipeline. Inputs are listed first (directories walked in sorted
 * order, so repeated imports see the same sequence), which also gives the progress bar
 * its total. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "extract.h"
#include "facts.h"
#include "progress.h"
#include "store.h"

/* Until src/extract.c is in the tree the Makefile defines this; articles are then stored
 * without facts (the caller passes no extractor). */
#ifdef SITREP_NO_EXTRACTOR
#define extract_article(x, a, f)    ((void)(x), (void)(a), (void)(f), -1)
#define extractor_open(err, errlen) ((void)(err), (void)(errlen), (struct extractor *)NULL)
#define extractor_close(x)          ((void)(x))
#endif

struct input {
    char *path;
    size_t size;
};

struct input_list {
    struct input *items;
    size_t n, cap;
};

/* Extraction costs far more than reading or storing, so articles are gathered into small
 * groups whose facts are found on every processor at once (one extractor each, since an
 * extractor keeps scratch state), then stored one by one in input order. */
#define INGEST_GROUP    64
#define INGEST_MAX_JOBS 8

struct pending {
    struct article *a;
    struct facts f;
    bool have_facts;
};

struct ingest_run {
    struct store *store;
    struct extractor *x[INGEST_MAX_JOBS]; /* x[0] is the caller's; NULL: no extraction */
    int jobs;
    const struct ingest_options *opt;
    struct ingest_stats *stats;
    struct progress bar;
    long batch_articles;
    size_t batch_bytes;
    bool in_transaction;
    bool store_broken; /* a commit failed: stop rather than pile on errors */
    struct pending group[INGEST_GROUP];
    size_t n_group;
    atomic_size_t next; /* the next group member a worker takes */
};

static void report(const struct ingest_run *r, const char *path, const char *why)
{
    if (r->opt->quiet)
        return;
    progress_finish((struct progress *)&r->bar);
    fprintf(stderr, "sitrep: %s: %s\n", path, why);
}

static int list_add(struct input_list *l, const char *path, size_t size)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        struct input *grown = realloc(l->items, cap * sizeof *grown);
        if (!grown)
            return -1;
        l->items = grown;
        l->cap = cap;
    }
    l->items[l->n].path = strdup(path);
    l->items[l->n].size = size;
    return l->items[l->n++].path ? 0 : -1;
}

static void list_free(struct input_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i].path);
    free(l->items);
}

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

/* Hidden entries (".git", editor backups) are skipped; a directory that cannot be read
 * becomes an input so the failure is reported under its name. */
static int collect(struct ingest_run *r, struct input_list *l, const char *path, int depth)
{
    struct stat st;
    if (strcmp(path, "-") == 0)
        return list_add(l, path, 0);
    if (stat(path, &st) != 0) {
        report(r, path, strerror(errno));
        r->stats->failed++;
        return 0;
    }
    if (!S_ISDIR(st.st_mode) || depth > 64)
        return list_add(l, path, (size_t)st.st_size);
    struct dirent **names;
    int n = scandir(path, &names, NULL, by_name);
    if (n < 0)
        return list_add(l, path, 0);
    int rc = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        if (rc == 0 && name[0] != '.') {
            size_t len = strlen(path) + strlen(name) + 2;
            char *child = malloc(len);
            if (!child) {
                rc = -1;
            } else {
                snprintf(child, len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/",
                         name);
                rc = collect(r, l, child, depth + 1);
                free(child);
            }
        }
        free(names[i]);
    }
    free(names);
    return rc;
}

static int begin_batch(struct ingest_run *r)
{
    if (r->in_transaction)
        return 0;
    if (store_begin(r->store) < 0)
        return -1;
    r->in_transaction = true;
    r->batch_articles = 0;
    r->batch_bytes = 0;
    return 0;
}

static int end_batch(struct ingest_run *r)
{
    if (!r->in_transaction)
        return 0;
    r->in_transaction = false;
    if (store_commit(r->store) < 0) {
        store_rollback(r->store);
        r->store_broken = true;
        return -1;
    }
    return 0;
}

static void store_pending(struct ingest_run *r, struct pending *p)
{
    char err[256];
    struct article *a = p->a;
    if (r->x[0] && !p->have_facts)
        report(r, a->origin ? a->origin : "?", "fact extraction failed; stored without facts");
    int rc = begin_batch(r) < 0 ? -1
                                : store_add_article(r->store, a, p->have_facts ? &p->f : NULL, NULL,
                                                    err, sizeof err);
    if (rc < 0) {
        report(r, a->origin ? a->origin : "?",
               r->in_transaction ? err : "cannot start a transaction");
        r->stats->failed++;
    } else if (rc == 0) {
        r->stats->duplicates++; /* the same text twice in one group */
    } else {
        r->stats->imported++;
        r->batch_articles++;
        r->batch_bytes += a->text_len;
    }
    facts_free(&p->f);
    article_free(a);
    p->a = NULL;
}

struct worker {
    struct ingest_run *run;
    struct extractor *x;
};

static void *extract_worker(void *arg)
{
    struct worker *w = arg;
    struct ingest_run *r = w->run;
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->n_group)
            break;
        struct pending *p = &r->group[i];
        p->have_facts = extract_article(w->x, p->a, &p->f) == 0;
    }
    return NULL;
}

/* Finds the group's facts (in parallel when there are extractors to spare), then stores
 * the group in order. Returns non-zero when the import must stop. */
static int flush_group(struct ingest_run *r)
{
    if (r->x[0] && r->n_group) {
        struct worker w[INGEST_MAX_JOBS];
        pthread_t tid[INGEST_MAX_JOBS];
        bool started[INGEST_MAX_JOBS] = {false};
        atomic_store(&r->next, 0);
        for (int j = 1; j < r->jobs; j++) {
            w[j] = (struct worker){r, r->x[j]};
            started[j] = pthread_create(&tid[j], NULL, extract_worker, &w[j]) == 0;
        }
        w[0] = (struct worker){r, r->x[0]};
        extract_worker(&w[0]);
        for (int j = 1; j < r->jobs; j++)
            if (started[j])
                pthread_join(tid[j], NULL);
    }
    int stop = 0;
    for (size_t i = 0; i < r->n_group; i++) {
        if (stop || r->store_broken) {
            facts_free(&r->group[i].f);
            article_free(r->group[i].a);
            continue;
        }
        store_pending(r, &r->group[i]);
        if (r->batch_articles >= INGEST_BATCH_ARTICLES || r->batch_bytes >= INGEST_BATCH_BYTES) {
            if (end_batch(r) < 0) {
                report(r, "database", "commit failed");
                stop = 1;
            }
        }
    }
    r->n_group = 0;
    return stop;
}

/* Per article: duplicates are skipped before the (costly) extraction; the rest join the
 * group. */
static int take_article(struct article *a, void *ctx)
{
    struct ingest_run *r = ctx;
    int64_t known = store_find_hash(r->store, a->hash);
    if (known > 0) {
        r->stats->duplicates++;
        article_free(a);
        return 0;
    }
    struct pending *p = &r->group[r->n_group++];
    p->a = a;
    facts_init(&p->f);
    p->have_facts = false;
    return r->n_group == INGEST_GROUP ? flush_group(r) : 0;
}

/* One extractor per processor beyond the caller's (SITREP_JOBS overrides the count). */
static void open_extra_extractors(struct ingest_run *r)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    const char *env = getenv("SITREP_JOBS");
    if (env && *env)
        n = strtol(env, NULL, 10);
    if (n < 1)
        n = 1;
    if (n > INGEST_MAX_JOBS)
        n = INGEST_MAX_JOBS;
    r->jobs = 1;
    while (r->x[0] && r->jobs < n) {
        char err[256];
        r->x[r->jobs] = extractor_open(err, sizeof err);
        if (!r->x[r->jobs])
            break;
        r->jobs++;
    }
}

static void close_extra_extractors(struct ingest_run *r)
{
    for (int j = 1; j < r->jobs; j++)
        extractor_close(r->x[j]);
}

int ingest_paths(struct store *s, struct extractor *x, char *const *paths, int n_paths,
                 const struct ingest_options *opt, struct ingest_stats *stats)
{
    static const struct ingest_options defaults = {0};
    struct ingest_run *rp = calloc(1, sizeof *rp);
    if (!rp) {
        memset(stats, 0, sizeof *stats);
        fputs("sitrep: out of memory\n", stderr);
        return 1;
    }
    struct ingest_run r_init = {.store = s, .x = {x}, .opt = opt ? opt : &defaults, .stats = stats};
    *rp = r_init;
    struct input_list inputs = {0};
    memset(stats, 0, sizeof *stats);
    for (int i = 0; i < n_paths; i++) {
        if (collect(rp, &inputs, paths[i], 0) < 0) {
            report(rp, paths[i], "out of memory");
            stats->failed++;
        }
    }
    size_t total = 0;
    for (size_t i = 0; i < inputs.n; i++)
        total += inputs.items[i].size;
    open_extra_extractors(rp);
    progress_start(&rp->bar, total);
    rp->bar.enabled = rp->bar.enabled && rp->opt->show_progress;
    for (size_t i = 0; i < inputs.n && !rp->store_broken; i++) {
        char err[512] = "";
        int n = article_load(inputs.items[i].path, FORMAT_AUTO, take_article, rp, err, sizeof err);
        if (n < 0) {
            report(rp, inputs.items[i].path, err[0] ? err : "cannot read");
            stats->failed++;
        }
        stats->bytes += inputs.items[i].size;
        progress_update(&rp->bar, stats->imported + stats->duplicates, stats->bytes);
    }
    if (flush_group(rp) != 0)
        stats->failed++;
    if (end_batch(rp) < 0) {
        report(rp, "database", "commit failed");
        stats->failed++;
    }
    stats->seconds = progress_elapsed(&rp->bar);
    progress_finish(&rp->bar);
    list_free(&inputs);
    close_extra_extractors(rp);
    free(rp);
    return stats->failed ? 1 : 0;
}

void ingest_print_summary(FILE *out, const struct ingest_stats *st)
{
    fprintf(out, "imported %ld, duplicates skipped %ld, failed %ld\n", st->imported, st->duplicates,
            st->failed);
}
