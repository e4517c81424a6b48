/* list_window.h: the article list a page at a time. It never holds the collection's rows:
 * a page reads only its own, through the list index when unfiltered and, when filtered,
 * by the ids of the filtered list in list order (8 bytes an article, held by the reader),
 * so 100,000 articles cost what 30 do at any position. List order is newest first,
 * undated last, then the higher id first, unless the connection's order says otherwise
 * (store_list_set_order): any other order is a filtered list, so the default list stays
 * an index-only walk. */
#ifndef SITREP_STORE_LIST_WINDOW_H
#define SITREP_STORE_LIST_WINDOW_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/query.h"

struct store;

/* One article as a list shows it; text fields NULL when the article has none, figures
 * FACT_NONE. A reader page fills id, date, source, places, killed, wounded (with their
 * words), title and is_read; store_list_each fills every field. */
struct store_list_row {
    int64_t id;
    char *date, *title, *source, *origin, *places;
    long killed, wounded, destroyed; /* the number, a vague word's minimum (filters, order) */
    /* the vague word a toll was stated with ("dozens"), else NULL; show it rather than the
     * number (figure_display in base/facts.h formats a figure) */
    char *killed_word, *wounded_word, *destroyed_word;
    long killed_max, wounded_max, destroyed_max; /* the most it allows; FACT_NONE = open */
    bool is_read;
};

/* The orders the list can take; ties fall back to date order. */
enum store_list_order {
    LIST_BY_DATE,   /* newest first, undated last */
    LIST_BY_TOLL,   /* the report's own killed figure, highest first, none last */
    LIST_BY_PLACE,  /* the places column, A to Z, none last */
    LIST_BY_SOURCE, /* the outlet, A to Z, none last */
    LIST_BY_ADDED,  /* the time of import, newest first */
    N_LIST_ORDERS
};

/* "date", "toll", "place", "source", "added"; from a name: -1 when unknown. */
const char *store_list_order_name(enum store_list_order o);
int store_list_order_from_name(const char *name);

/* The order of the lists this connection reads (date when never set), and that order. */
void store_list_set_order(struct store *s, enum store_list_order o);
enum store_list_order store_list_order(const struct store *s);

/* Whether the order's own index is there (date, toll and source need none). Without it,
 * listing in that order makes it first: a read of every row of the table, seconds to
 * minutes on a large collection, which store_list_make_order_index does beforehand, on a
 * writable connection of its own to the file behind s (for a thread of its own), stopping
 * when *stop (may be NULL) turns true. That returns 0, or -1 with the reason in err. */
bool store_list_order_ready(struct store *s, enum store_list_order o);
int store_list_make_order_index(struct store *s, enum store_list_order o, const atomic_bool *stop,
                                char *err, size_t errlen);

/* Whether the list under q is a filtered one (read by ids): q has conditions, or the
 * order is not date. */
bool store_list_filters(const struct store *s, const struct query *q);

/* The whole collection's number of articles into *count (the unfiltered list). Returns 0,
 * or -1 with "list: reason" in err. */
int store_list_count_all(struct store *s, int64_t *count, char *err, size_t errlen);

/* The ids q selects in the given order into *ids (malloc'd; the caller frees). With
 * first > 0, only the first that many, found by walking the list in order and testing
 * each article (a screenful of a common place at once); else all of them, the filter's
 * sets built first (the faster way through the whole collection). Returns how many, or
 * -1 with "list: reason" in err. */
long store_list_ids(struct store *s, const struct query *q, enum store_list_order order, long first,
                    int64_t **ids, char *err, size_t errlen);

/* The unfiltered list: at most rows rows from position top (0 the first) into out.
 * Returns how many it read, -1 on error. Free them with store_list_rows_free. */
int store_list_page(struct store *s, int top, int rows, struct store_list_row *out);

/* A filtered list's page: the rows of the n articles ids names, in that order (an id
 * deleted meanwhile is left out). Returns how many it read, -1 on error. */
int store_list_rows(struct store *s, const int64_t *ids, int n, struct store_list_row *out);
void store_list_rows_free(struct store_list_row *rows, int n);

/* The position of article id in the unfiltered list. Returns false when there is no
 * such article. */
bool store_list_position(struct store *s, int64_t id, int *pos);

/* The largest article id (0 for an empty collection): how wide the list's id column is. */
int64_t store_list_max_id(struct store *s);

/* Calls each for every article filter selects (all when NULL) in id order (sitrep list);
 * stops when it returns nonzero. Returns 0, or -1 with "list: reason" in err. */
int store_list_each(struct store *s, const struct query *filter,
                    int (*each)(const struct store_list_row *row, void *arg), void *arg, char *err,
                    size_t errlen);

#endif
