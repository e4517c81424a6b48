/* fuzz_query.c: the filter language. Whatever parses must compile to SQL that SQLite
 * accepts against the real schema (an in-memory collection), with every parameter bound. */
#include "fuzz.h"
#include "store/query.h"
#include "store/store.h"

#include <stdio.h>
#include <stdlib.h>

static struct store *store;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[256];
    if (!store && store_open(":memory:", &store, err, sizeof err) != 0) {
        fprintf(stderr, "fuzz_query: %s\n", err);
        abort();
    }
    char *expr = fuzz_strdup(data, size);
    struct query q;
    query_init(&q);
    if (query_parse(&q, expr, err, sizeof err) == 0) {
        char sql[64 + 4096];
        snprintf(sql, sizeof sql, "SELECT id FROM articles WHERE %.4000s", query_where(&q));
        sqlite3_stmt *st;
        if (sqlite3_prepare_v2(store_db(store), sql, -1, &st, NULL) == SQLITE_OK) {
            query_bind(&q, st, 1);
            while (sqlite3_step(st) == SQLITE_ROW)
                ;
            sqlite3_finalize(st);
        }
    }
    query_free(&q);
    free(expr);
    return 0;
}
