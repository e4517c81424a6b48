/* storebench.c: the store's share of an import: articles already in memory (text and
 * sentence spans) written with store_add_article in the import's batches, full-text index
 * included. Prints bytes and seconds for tests/bench/import.sh.
 *   storebench DB FILE...   */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ingest/ingest.h"
#include "store/store.h"
#include "base/text.h"

static double clock_seconds(clockid_t which)
{
    struct timespec ts;
    clock_gettime(which, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = '\0';
        *len = (size_t)n;
    }
    return buf;
}

/* The identity only has to be unique per file here, not a real SHA-256. */
static void fake_hash(struct article *a, size_t i)
{
    snprintf(a->hash, sizeof a->hash, "%064zx", i + 1);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: storebench DB FILE...\n", stderr);
        return 2;
    }
    size_t n = (size_t)argc - 2, bytes = 0;
    struct article *arts = calloc(n, sizeof *arts);
    for (size_t i = 0; i < n; i++) {
        struct article *a = &arts[i];
        a->text = slurp(argv[i + 2], &a->text_len);
        if (!a->text)
            return 1;
        char *nl = strchr(a->text, '\n');
        a->title = nl ? strndup(a->text, (size_t)(nl - a->text)) : strdup(a->text);
        a->n_sentences = text_split_sentences(a->text, a->text_len, &a->sentences);
        a->origin = argv[i + 2];
        fake_hash(a, i);
        bytes += a->text_len;
    }
    struct store *s;
    char err[256];
    if (store_open(argv[1], &s, err, sizeof err) < 0) {
        fprintf(stderr, "storebench: %s\n", err);
        return 1;
    }
    /* STORE_BATCH: articles per transaction (the import's INGEST_BATCH_ARTICLES). */
    size_t batch =
        getenv("STORE_BATCH") ? strtoul(getenv("STORE_BATCH"), NULL, 10) : INGEST_BATCH_ARTICLES;
    if (batch == 0)
        batch = INGEST_BATCH_ARTICLES;
    double t0 = clock_seconds(CLOCK_MONOTONIC), c0 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    store_begin(s);
    for (size_t i = 0; i < n; i++) {
        if (store_add_article(s, &arts[i], NULL, NULL, err, sizeof err) != 1) {
            fprintf(stderr, "storebench: %s\n", err);
            return 1;
        }
        if (i % batch == batch - 1) {
            store_commit(s);
            store_begin(s);
        }
    }
    store_commit(s);
    /* Closing checkpoints the write-ahead log into the database: part of the cost. */
    store_close(s);
    double t1 = clock_seconds(CLOCK_MONOTONIC), c1 = clock_seconds(CLOCK_PROCESS_CPUTIME_ID);
    printf("bytes=%zu seconds=%.3f\n", bytes, t1 - t0);
    printf("cpu_seconds=%.3f\n", c1 - c0);
    for (size_t i = 0; i < n; i++) {
        free(arts[i].text);
        free(arts[i].title);
        free(arts[i].sentences);
    }
    free(arts);
    return 0;
}
