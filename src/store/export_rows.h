/* export_rows.h: what the exports read from the collection that grouping does not load:
 * where a place sits (admin divisions, country code,
 * coordinates), each report's list-row summary, and every stated figure with the sentence
 * that states it. The SQL lives here because the store owns SQL. */
#ifndef SITREP_EXPORT_ROWS_H
#define SITREP_EXPORT_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

/* True when id is in the ascending list (query_article_ids gives one). */
bool export_ids_contain(const int64_t *ids, size_t n, int64_t id);

struct export_place {
    char *name, *kind, *admin1, *admin2, *country, *iso;
    double lat, lon;
    bool has_coords;
};

/* Where the stored place with this id sits. Returns 0, or -1 when there is no such place. */
int export_place_info(sqlite3 *db, int64_t place_id, struct export_place *out);
void export_place_free(struct export_place *p);

/* What a report's row shows beyond the grouping docs. */
struct export_report_info {
    char *url, *origin, *places, *format;
    bool read;
};

int export_report_info(sqlite3 *db, int64_t article_id, struct export_report_info *out);
void export_report_info_free(struct export_report_info *r);

/* One stated figure; strings are valid only during the callback. */
struct export_figure {
    int64_t id, article_id;
    const char *kind, *qualifier, *who, *place, *date, *source, *text;
    long n, min, max; /* FACT_NONE = null */
    int sentence;
    const char *sentence_text; /* the whole sentence, or NULL */
};

/* Calls fn for every stored figure, by article then position; fn returning non-zero
 * stops. Returns 0, or -1 when the query fails. */
int export_each_figure(sqlite3 *db, int (*fn)(const struct export_figure *f, void *ctx), void *ctx);

#endif
