/* ingest.c: the import pipeline. Inputs are listed first (directories walked in sorted
 * order, so repeated imports see the same sequence), which also gives the progress bar
 * its total. */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "article.h"
#include "extract.h"
#include "facts.h"
#include "progress.h"
#include "store.h"

/* Until src/extract.c is in the tree the Makefile defines this; articles are then stored
 * without facts (the caller passes no extractor). */
#ifdef SITREP_NO_EXTRACTOR
#define extract_article(x, a, f) ((void)(x), (void)(a), (void)(f), -1)
#endif

struct input {
    char *path;
    size_t size;
};

struct input_list {
    struct input *items;
    size_t n, cap;
};

struct ingest_run {
    struct store *store;
    struct extractor *x;
    const struct ingest_options *opt;
    struct ingest_stats *stats;
    struct progress bar;
    long batch_articles;
    size_t batch_bytes;
    bool in_transaction;
    bool store_broken; /* a commit failed: stop rather than pile on errors */
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

/* Per article: skip duplicates before the (costly) extraction, store the rest. */
static int take_article(struct article *a, void *ctx)
{
    struct ingest_run *r = ctx;
    char err[256];
    int64_t known = store_find_hash(r->store, a->hash);
    if (known > 0) {
        r->stats->duplicates++;
        article_free(a);
        return 0;
    }
    struct facts f;
    facts_init(&f);
    bool have_facts = false;
    if (r->x) {
        if (extract_article(r->x, a, &f) == 0)
            have_facts = true;
        else
            report(r, a->origin ? a->origin : "?", "fact extraction failed; stored without facts");
    }
    int rc = begin_batch(r) < 0
                 ? -1
                 : store_add_article(r->store, a, have_facts ? &f : NULL, NULL, err, sizeof err);
    if (rc < 0) {
        report(r, a->origin ? a->origin : "?",
               r->in_transaction ? err : "cannot start a transaction");
        r->stats->failed++;
    } else if (rc == 0) {
        r->stats->duplicates++;
    } else {
        r->stats->imported++;
        r->batch_articles++;
        r->batch_bytes += a->text_len;
    }
    facts_free(&f);
    article_free(a);
    if (r->batch_articles >= INGEST_BATCH_ARTICLES || r->batch_bytes >= INGEST_BATCH_BYTES) {
        if (end_batch(r) < 0) {
            report(r, "database", "commit failed");
            return 1;
        }
    }
    return 0;
}

int ingest_paths(struct store *s, struct extractor *x, char *const *paths, int n_paths,
                 const struct ingest_options *opt, struct ingest_stats *stats)
{
    static const struct ingest_options defaults = {0};
    struct ingest_run r = {.store = s, .x = x, .opt = opt ? opt : &defaults, .stats = stats};
    struct input_list inputs = {0};
    memset(stats, 0, sizeof *stats);
    for (int i = 0; i < n_paths; i++) {
        if (collect(&r, &inputs, paths[i], 0) < 0) {
            report(&r, paths[i], "out of memory");
            stats->failed++;
        }
    }
    size_t total = 0;
    for (size_t i = 0; i < inputs.n; i++)
        total += inputs.items[i].size;
    progress_start(&r.bar, total);
    r.bar.enabled = r.bar.enabled && r.opt->show_progress;
    for (size_t i = 0; i < inputs.n && !r.store_broken; i++) {
        char err[512] = "";
        int n = article_load(inputs.items[i].path, FORMAT_AUTO, take_article, &r, err, sizeof err);
        if (n < 0) {
            report(&r, inputs.items[i].path, err[0] ? err : "cannot read");
            stats->failed++;
        }
        stats->bytes += inputs.items[i].size;
        progress_update(&r.bar, stats->imported + stats->duplicates, stats->bytes);
    }
    if (end_batch(&r) < 0) {
        report(&r, "database", "commit failed");
        stats->failed++;
    }
    stats->seconds = progress_elapsed(&r.bar);
    progress_finish(&r.bar);
    list_free(&inputs);
    return stats->failed ? 1 : 0;
}

void ingest_print_summary(FILE *out, const struct ingest_stats *st)
{
    fprintf(out, "imported %ld, duplicates skipped %ld, failed %ld\n", st->imported, st->duplicates,
            st->failed);
}
