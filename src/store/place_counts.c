/* place_counts.c: the places of the collection with their article counts. */
#include "store/place_counts.h"

#include <stdio.h>

#include "store/store_int.h"

/* Both counts in one pass over the places: every place some article names (or that holds
 * one), with the reports naming it and the reports of events there; the second table is
 * a few rows per article against article_places' dozen, so it adds little. */
static const char places_sql[] =
    "SELECT p.id, p.parent_id, p.depth, p.name, p.key, c.n, p.kind, coalesce(e.n, 0)"
    " FROM places p JOIN"
    " (SELECT pa.ancestor_id id, count(DISTINCT ap.article_id) n FROM article_places ap"
    "  JOIN place_ancestors pa ON pa.place_id = ap.place_id GROUP BY pa.ancestor_id) c"
    " ON c.id = p.id LEFT JOIN"
    " (SELECT pa.ancestor_id id, count(DISTINCT ep.article_id) n FROM article_event_places ep"
    "  JOIN place_ancestors pa ON pa.place_id = ep.place_id GROUP BY pa.ancestor_id) e"
    " ON e.id = p.id";

/* The same places without their counts: one index probe each (whether some article names
 * it or a place inside it), a few milliseconds where the counts take seconds. */
static const char places_uncounted_sql[] =
    "SELECT p.id, p.parent_id, p.depth, p.name, p.key, -1, p.kind, -1 FROM places p"
    " WHERE EXISTS (SELECT 1 FROM place_ancestors pa JOIN article_places ap"
    " ON ap.place_id = pa.place_id WHERE pa.ancestor_id = p.id)";

static int each_place(struct store *s, const char *sql,
                      int (*each)(const struct store_place_count *p, void *arg), void *arg,
                      char *err, size_t errlen)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK) {
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
            .mentions = sqlite3_column_int(q, 5),
            .kind = (const char *)sqlite3_column_text(q, 6),
            .events = sqlite3_column_int(q, 7),
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

int store_place_counts(struct store *s, int (*each)(const struct store_place_count *p, void *arg),
                       void *arg, char *err, size_t errlen)
{
    return each_place(s, places_sql, each, arg, err, errlen);
}

int store_place_list(struct store *s, int (*each)(const struct store_place_count *p, void *arg),
                     void *arg, char *err, size_t errlen)
{
    return each_place(s, places_uncounted_sql, each, arg, err, errlen);
}

bool store_place_has_events(struct store *s, const char *name)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db,
                           "SELECT 1 FROM article_event_places ep JOIN place_ancestors pa"
                           " ON pa.place_id = ep.place_id WHERE pa.ancestor_id IN (SELECT id"
                           " FROM places WHERE name = ?1 COLLATE NOCASE OR id IN (SELECT"
                           " place_id FROM article_places WHERE surface LIKE '%\"' || ?1 ||"
                           " '\"%')) LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK)
        return true; /* when it cannot tell, it does not claim there are none */
    sqlite3_bind_text(q, 1, name, -1, SQLITE_TRANSIENT);
    bool found = sqlite3_step(q) == SQLITE_ROW;
    sqlite3_finalize(q);
    return found;
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
