/* order_index.c: an order's index made in the background (order_index.h). */
#include "order_index.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

#include "store/background.h"

struct order_index {
    struct bg_job *bg;
    enum store_list_order order;
    atomic_bool stop;
};

static int index_work(struct store *s, void *arg, char *err, size_t errlen)
{
    struct order_index *j = arg;
    char why[256] = "";
    int rc = store_list_make_order_index(s, j->order, &j->stop, why, sizeof why);
    if (rc != 0)
        snprintf(err, errlen, "order by %s: %s", store_list_order_name(j->order), why);
    return rc;
}

struct order_index *order_index_start(struct store *s, enum store_list_order o)
{
    struct order_index *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    j->order = o;
    atomic_init(&j->stop, false);
    j->bg = bg_start(s, index_work, j, "order-index");
    if (!j->bg) {
        free(j);
        return NULL;
    }
    return j;
}

enum store_list_order order_index_order(const struct order_index *j)
{
    return j->order;
}

bool order_index_done(const struct order_index *j)
{
    return bg_done(j->bg);
}

int order_index_finish(struct order_index *j, char *err, size_t errlen)
{
    int rc = bg_finish(j->bg, err, errlen);
    free(j);
    return rc;
}

void order_index_cancel(struct order_index *j)
{
    atomic_store(&j->stop, true);
    bg_cancel(j->bg);
    free(j);
}
