/* place_counts.c: the places of the collection with their article counts. */
#include "store/place_counts.h"

#include <stdio.h>

#include "store/store_int.h"

static const char places_sql[] =
    "SELECT p.id, p.parent_id, p.depth, p.name, p.key, c.n, p.kind FROM places p JOIN"
    " (SELECT pa.ancestor_id id, count(DISTINCT ap.article_id) n FROM article_places ap"
    "  JOIN place_ancestors pa ON pa.place_id = ap.place_id GROUP BY pa.ancestor_id) c"
    " ON c.id = p.id";

int store_place_counts(struct store *s, int (*each)(const struct store_place_count *p, void *arg),
                       void *arg, char *err, size_t errlen)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, places_sql, -1, &q, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "places: %s", sqlite3_errmsg(s->db));
        return -1;
    }
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *name = (const char *)sqlite3_column_text(q, 3);
        struct store_place_count p = {
            .id = sqlite3_column_int64(q, 0),
            .parent_id = sqlite3_column_int64(q, 1),
            .depth = sqlite3_column_int(q, 2),
            .name = name ? name : "?",
            .gazetteer_id = store_gazetteer_id_of_key(sqlite3_column_text(q, 4)),
            .count = sqlite3_column_int(q, 5),
            .kind = (const char *)sqlite3_column_text(q, 6),
        };
        if (each(&p, arg) != 0)
            break;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        snprintf(err, errlen, "places: %s", rc == SQLITE_ROW ? "out of memory" : "interrupted");
        return -1;
    }
    return 0;
}

bool store_place_named(struct store *s, const char *name)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 1 FROM places WHERE name = ?1 COLLATE NOCASE OR id IN (SELECT"
                           " place_id FROM article_places WHERE surface LIKE '%\"' || ?1 || '\"%')"
                           " LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK)
        return true; /* when it cannot tell, it does not claim the place is unknown */
    sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return found;
}
