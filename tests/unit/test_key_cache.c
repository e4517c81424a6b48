/* test_key_cache.c: the import's cache of row ids by key (store/key_cache.h). */
#include <stdio.h>
#include <stdlib.h>

#include "store/key_cache.h"
#include "testlib.h"

static void test_find_and_replace(void)
{
    struct key_cache *c = key_cache_new();
    CHECK(c != NULL);
    CHECK(key_cache_find(c, "g:99592") == NULL); /* empty */
    CHECK_INT(key_cache_put(c, "g:99592", (struct key_row){7, 3, true}), 0);
    CHECK_INT(key_cache_put(c, "t:IQ:albu jabir", (struct key_row){8, 0, false}), 0);
    struct key_row *r = key_cache_find(c, "g:99592");
    CHECK(r != NULL);
    if (r) {
        CHECK_INT(r->id, 7);
        CHECK_INT(r->parent, 3);
        CHECK(r->lacks_coords);
    }
    /* a prefix or a longer key is another key */
    CHECK(key_cache_find(c, "g:9959") == NULL);
    CHECK(key_cache_find(c, "g:995920") == NULL);
    CHECK(key_cache_find(c, "") == NULL);
    /* a put on a known key replaces its row, the count stays */
    CHECK_INT(key_cache_put(c, "g:99592", (struct key_row){7, 5, false}), 0);
    CHECK_INT(key_cache_count(c), 2);
    r = key_cache_find(c, "g:99592");
    CHECK(r && r->parent == 5 && !r->lacks_coords);
    r = key_cache_find(c, "t:IQ:albu jabir");
    CHECK(r && r->id == 8);
    key_cache_free(c);
}

/* Past many doublings every key still finds its own row. */
static void test_many_keys(void)
{
    struct key_cache *c = key_cache_new();
    char key[32];
    for (int i = 1; i <= 20000; i++) {
        snprintf(key, sizeof key, "g:%d", i * 7919);
        CHECK_INT(key_cache_put(c, key, (struct key_row){i, i - 1, i % 2 == 0}), 0);
    }
    CHECK_INT(key_cache_count(c), 20000);
    int wrong = 0;
    for (int i = 1; i <= 20000; i++) {
        snprintf(key, sizeof key, "g:%d", i * 7919);
        const struct key_row *r = key_cache_find(c, key);
        wrong += !r || r->id != i || r->parent != i - 1 || r->lacks_coords != (i % 2 == 0);
    }
    CHECK_INT(wrong, 0);
    CHECK(key_cache_find(c, "g:1") == NULL);
    key_cache_free(c);
}

/* A cleared cache knows nothing and fills again. */
static void test_clear(void)
{
    struct key_cache *c = key_cache_new();
    CHECK_INT(key_cache_put(c, "Islamic State", (struct key_row){1, 0, false}), 0);
    key_cache_clear(c);
    CHECK_INT(key_cache_count(c), 0);
    CHECK(key_cache_find(c, "Islamic State") == NULL);
    CHECK_INT(key_cache_put(c, "Islamic State", (struct key_row){2, 0, false}), 0);
    const struct key_row *r = key_cache_find(c, "Islamic State");
    CHECK(r && r->id == 2);
    key_cache_free(c);
    /* NULL is an absent cache: found nothing, stored nothing */
    CHECK(key_cache_find(NULL, "x") == NULL);
    CHECK_INT(key_cache_put(NULL, "x", (struct key_row){1, 0, false}), -1);
    key_cache_clear(NULL);
    key_cache_free(NULL);
}

int main(void)
{
    RUN(test_find_and_replace);
    RUN(test_many_keys);
    RUN(test_clear);
    return TESTS_DONE();
}
