/* test_view_list.c: the article list under a filter that keeps more than a screenful
 * finds the first rows at once and the rest in the background: the count grows to the
 * whole, the order is the one found all at once, and a position past the first rows waits
 * for the rest instead of failing. */
#include "views/list.h"
#include "order_index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/list_window.h"
#include "store/store.h"
#include "testlib.h"
#include "base/facts.h"

enum { N_ARTICLES = 1500 };

static struct store *st;
static char db_path[] = "/tmp/sitrep-test-viewlist-XXXXXX";
static int64_t ids[N_ARTICLES];

/* Article i is dated in 2021 unless i is a multiple of 5 (then 2019): since:2021 keeps
 * 1,200, more than the list finds at once. */
static bool kept(int i)
{
    return i % 5 != 0;
}

static void add_articles(void)
{
    char err[200];
    CHECK_INT(store_begin(st), 0);
    for (int i = 0; i < N_ARTICLES; i++) {
        struct article a = {0};
        char title[64], body[128], date[16];
        snprintf(title, sizeof title, "Report %d", i);
        snprintf(body, sizeof body, "Report %d\n\nNothing happened in report %d.", i, i);
        snprintf(date, sizeof date, "%s-%02d-%02d", kept(i) ? "2021" : "2019", 1 + i % 12,
                 1 + i % 28);
        a.title = title;
        a.date = date;
        a.text = body;
        a.text_len = strlen(body);
        snprintf(a.hash, sizeof a.hash, "%064d", i + 1);
        struct facts f;
        facts_init(&f);
        CHECK(store_add_article(st, &a, &f, &ids[i], err, sizeof err) == 1);
        facts_free(&f);
    }
    CHECK_INT(store_commit(st), 0);
}

static void setup(void)
{
    int fd = mkstemp(db_path);
    close(fd);
    unlink(db_path);
    char err[200];
    CHECK(store_open(db_path, &st, err, sizeof err) == 0);
    add_articles();
}

static void teardown(void)
{
    store_close(st);
    testlib_unlink_db(db_path);
}

static void parse(struct query *q, const char *filter)
{
    char err[200];
    query_init(q);
    CHECK_INT(query_parse(q, filter, err, sizeof err), 0);
}

/* The list found all at once (a script's way) is the reference for the other. */
static void test_counts_in_background(void)
{
    struct query q;
    parse(&q, "since:2021");
    char err[200];
    struct list_pane whole = {.in_foreground = true}, list = {0};
    CHECK_INT(list_pane_count(&whole, st, &q, err, sizeof err), 0);
    CHECK_INT(whole.count, N_ARTICLES / 5 * 4);
    CHECK(!list_pane_counting(&whole));
    for (int64_t i = 0; i < whole.count; i++) /* every one kept, and only those */
        CHECK(kept((int)(whole.ids[i] - ids[0])));

    CHECK_INT(list_pane_count(&list, st, &q, err, sizeof err), 0);
    CHECK(list_pane_counting(&list));
    CHECK(list.count > 0 && list.count < whole.count);
    CHECK(memcmp(list.ids, whole.ids, (size_t)list.count * sizeof *list.ids) == 0);
    char text[32];
    list_pane_count_text(&list, text, sizeof text);
    CHECK(strchr(text, '+') != NULL);

    /* the last article of the whole list is past the first rows: selecting it waits */
    int64_t last = whole.ids[whole.count - 1];
    CHECK(list_pane_select_id(&list, st, &q, last));
    CHECK_INT(list.sel, whole.count - 1);
    CHECK(!list_pane_counting(&list));
    CHECK_INT(list.count, whole.count);
    CHECK(memcmp(list.ids, whole.ids, (size_t)whole.count * sizeof *whole.ids) == 0);
    list_pane_count_text(&list, text, sizeof text);
    CHECK_STR(text, "1200");
    list_pane_release(&list);
    list_pane_release(&whole);
    query_free(&q);
}

/* Moving past the rows found so far (the End key) waits for the rest. */
static void test_end_waits_for_count(void)
{
    struct query q;
    parse(&q, "since:2021");
    char err[200];
    struct list_pane list = {0};
    CHECK_INT(list_pane_count(&list, st, &q, err, sizeof err), 0);
    CHECK(list_pane_counting(&list));
    list_pane_move(&list, 1000000);
    CHECK(!list_pane_counting(&list));
    CHECK_INT(list.sel, N_ARTICLES / 5 * 4 - 1);
    list_pane_release(&list);
    query_free(&q);
}

/* A filter keeping fewer than the first rows is whole at once. */
static void test_small_filter_whole_at_once(void)
{
    struct query q;
    parse(&q, "since:2019-01 until:2019-01");
    char err[200];
    struct list_pane list = {0};
    CHECK_INT(list_pane_count(&list, st, &q, err, sizeof err), 0);
    CHECK(!list_pane_counting(&list));
    int expect = 0;
    for (int i = 0; i < N_ARTICLES; i++)
        expect += !kept(i) && 1 + i % 12 == 1;
    CHECK_INT(list.count, expect);
    list_pane_release(&list);
    query_free(&q);
}

/* The place order's index is made on a thread of its own; the toll and source orders need
 * none (they sort the list index). */
static void test_order_index_in_background(void)
{
    CHECK(store_list_order_ready(st, LIST_BY_TOLL));
    CHECK(store_list_order_ready(st, LIST_BY_SOURCE));
    CHECK(!store_list_order_ready(st, LIST_BY_PLACE));
    struct order_index *j = order_index_start(st, LIST_BY_PLACE);
    CHECK(j != NULL);
    if (!j)
        return;
    CHECK_INT(order_index_order(j), LIST_BY_PLACE);
    char err[300];
    CHECK_INT(order_index_finish(j, err, sizeof err), 0);
    CHECK(store_list_order_ready(st, LIST_BY_PLACE));
    /* the list in that order is the same whether found at once or in the background */
    store_list_set_order(st, LIST_BY_PLACE);
    struct query q;
    query_init(&q);
    struct list_pane whole = {.in_foreground = true}, list = {0};
    CHECK_INT(list_pane_count(&whole, st, &q, err, sizeof err), 0);
    CHECK_INT(list_pane_count(&list, st, &q, err, sizeof err), 0);
    CHECK_INT(list_pane_take_count(&list, true, err, sizeof err), 1);
    CHECK_INT(whole.count, N_ARTICLES);
    CHECK_INT(list.count, N_ARTICLES);
    CHECK(memcmp(list.ids, whole.ids, (size_t)whole.count * sizeof *whole.ids) == 0);
    list_pane_release(&list);
    list_pane_release(&whole);
    store_list_set_order(st, LIST_BY_DATE);
}

int main(void)
{
    setup();
    RUN(test_counts_in_background);
    RUN(test_end_waits_for_count);
    RUN(test_small_filter_whole_at_once);
    RUN(test_order_index_in_background);
    teardown();
    return TESTS_DONE();
}
