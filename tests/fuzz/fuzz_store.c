/* fuzz_store.c: the store loading a mutated collection. The input is written to a
 * temporary file, opened with store_open, and read the way list, show and compare read:
 * every list row, then up to eight articles with their facts, compared pairwise. A
 * corrupt collection must give an error, never a crash or a read outside a buffer. */
#include "compare/compare.h"
#include "fuzz.h"
#include "store/store.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define FUZZ_MAX_ARTICLES 8

static void remove_collection(const char *path)
{
    static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
    char p[512];
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
        snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
        unlink(p);
    }
}

static int write_collection(const char *path, const uint8_t *data, size_t size)
{
    remove_collection(path);
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t put = size ? fwrite(data, 1, size, f) : 0;
    return fclose(f) == 0 && put == size ? 0 : -1;
}

static void read_list_rows(sqlite3 *db)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, date, title, source, origin, places, killed, wounded,"
                           " destroyed, is_read FROM articles ORDER BY id",
                           -1, &q, NULL) != SQLITE_OK)
        return;
    while (sqlite3_step(q) == SQLITE_ROW)
        for (int i = 0; i < sqlite3_column_count(q); i++)
            sqlite3_column_text(q, i);
    sqlite3_finalize(q);
}

static size_t article_ids(sqlite3 *db, int64_t *ids)
{
    sqlite3_stmt *q;
    size_t n = 0;
    if (sqlite3_prepare_v2(db, "SELECT id FROM articles ORDER BY id LIMIT 8", -1, &q, NULL) !=
        SQLITE_OK)
        return 0;
    while (n < FUZZ_MAX_ARTICLES && sqlite3_step(q) == SQLITE_ROW)
        ids[n++] = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return n;
}

static void show_and_compare(struct store *s)
{
    int64_t ids[FUZZ_MAX_ARTICLES];
    size_t n = article_ids(store_db(s), ids);
    struct article *a[FUZZ_MAX_ARTICLES] = {0};
    struct facts f[FUZZ_MAX_ARTICLES];
    bool loaded[FUZZ_MAX_ARTICLES] = {0};
    for (size_t i = 0; i < n; i++) {
        facts_init(&f[i]);
        /* store_get_article fills a struct the caller owns; article_free frees it too. */
        if (!(a[i] = calloc(1, sizeof *a[i])))
            abort();
        loaded[i] =
            store_get_article(s, ids[i], a[i]) == 0 && store_get_facts(s, ids[i], &f[i]) == 0;
    }
    for (size_t i = 0; i + 1 < n; i++) {
        if (!loaded[i] || !loaded[i + 1])
            continue;
        struct comparison c;
        if (compare_build(a[i], &f[i], a[i + 1], &f[i + 1], &c) == 0)
            compare_free(&c);
    }
    for (size_t i = 0; i < n; i++) {
        facts_free(&f[i]);
        article_free(a[i]);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256];
    const char *tmp = getenv("TMPDIR");
    snprintf(path, sizeof path, "%s/sitrep-fuzz-store-%ld.db", tmp && *tmp ? tmp : "/tmp",
             (long)getpid());
    if (write_collection(path, data, size) != 0)
        return 0;
    struct store *s;
    char err[256];
    if (store_open(path, &s, err, sizeof err) == 0) {
        store_article_count(s);
        read_list_rows(store_db(s));
        show_and_compare(s);
        store_close(s);
    }
    remove_collection(path);
    return 0;
}
