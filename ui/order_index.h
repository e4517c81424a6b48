/* order_index.h: the index an order of the list needs (place, date added), made on a
 * thread of its own with a writable connection of its own, so that asking for that order
 * on a large collection does not freeze the reader while every row of the table is read
 * (minutes at a million reports). The reader keeps its order meanwhile and switches when
 * the index is there. */
#ifndef SITREP_UI_ORDER_INDEX_H
#define SITREP_UI_ORDER_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "store/list_window.h"

struct store;
struct order_index;

/* Starts making the index of order o for the collection behind s; NULL when it cannot
 * (an in-memory collection, no thread: then the order makes it itself when listed). */
struct order_index *order_index_start(struct store *s, enum store_list_order o);

/* The order being indexed. */
enum store_list_order order_index_order(const struct order_index *j);

bool order_index_done(const struct order_index *j);

/* Waits for the job and frees it: 0, or -1 with the reason in err. */
int order_index_finish(struct order_index *j, char *err, size_t errlen);

/* Stops the job (SQLite stops the index at its next step) and frees it. */
void order_index_cancel(struct order_index *j);

#endif
