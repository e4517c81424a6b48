/* timeline_rows.h: the timeline's rows for the articles a query selects: every figure of
 * those articles, dated by the figure's own full date, else the article's, summed by
 * day_tally into days, weeks or months. */
#ifndef SITREP_STORE_TIMELINE_ROWS_H
#define SITREP_STORE_TIMELINE_ROWS_H

#include <stddef.h>

#include "store/day_tally.h"
#include "store/query.h"

struct store;

/* The rows, newest first, in *rows (malloc'd; *n of them). Returns 0, or -1 with
 * "timeline: reason" in err (interrupted, out of memory, a database error), *rows NULL. */
int store_timeline_rows(struct store *s, const struct query *q, enum zoom zoom,
                        struct timeline_row **rows, int *n, char *err, size_t errlen);

#endif
