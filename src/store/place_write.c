/* place_write.c: one row per distinct place, with its enclosing places and their closure,
 * found again by key when another article names it. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "extract/event_places.h"
#include "store/key_cache.h"

static void place_key(char *out, size_t cap, int64_t gazetteer_id, const char *country_code,
                      const char *name)
{
    if (gazetteer_id > 0) {
        snprintf(out, cap, "g:%lld", (long long)gazetteer_id);
        return;
    }
    /* a place the gazetteer lacks is known by its spelling-tolerant key, so "Wad al-Noura"
     * and "Wad Al-Noora" in two reports are one place */
    char key[256];
    text_name_key(name, key, sizeof key);
    snprintf(out, cap, "t:%s:%s", country_code ? country_code : "", key);
}

struct place_row {
    const char *key, *name, *admin1, *country, *country_code;
    enum place_kind kind;
    bool has_coords;
    double lat, lon;
    const int64_t *ancestors; /* enclosing place ids, outermost first; the last is the parent */
    size_t n_ancestors;
    int depth;
};

/* Chains deeper than this (never seen in a gazetteer) are cut at the outermost levels. */
#define PLACE_MAX_DEPTH 16

/* The closure rows, one single-row insert each: a multi-row INSERT ... SELECT would open
 * a statement journal, and with it an FTS5 flush (see store_add_article). */
static int write_ancestors(struct store *s, int64_t id, const struct place_row *r)
{
    sqlite3_stmt *q = store_stmt(s, ST_INSERT_ANCESTOR);
    if (!q)
        return -1;
    for (size_t i = 0; i <= r->n_ancestors; i++) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, i < r->n_ancestors ? r->ancestors[i] : id);
        if (store_run_insert(s, q) < 0)
            return -1;
    }
    return 0;
}

static int fill_place(struct store *s, int64_t id, const struct place_row *r)
{
    sqlite3_stmt *u = store_stmt(s, ST_FILL_PLACE);
    if (!u)
        return -1;
    sqlite3_bind_int64(u, 1, id);
    sqlite3_bind_double(u, 2, r->lat);
    sqlite3_bind_double(u, 3, r->lon);
    store_bind_text(u, 4, r->admin1);
    store_bind_text(u, 5, r->country);
    store_bind_text(u, 6, r->country_code);
    return store_run_insert(s, u) < 0 ? -1 : 0;
}

/* What the cache knows of key after a write (a failed put only costs a look-up later). */
static void remember_place(struct store *s, const char *key, struct key_row row)
{
    key_cache_put(store_id_cache(s, &s->place_ids), key, row);
}

/* The stored row of key: 1 found (in the batch's cache or by SQL), 0 none, -1 error. */
static int find_place(struct store *s, const char *key, struct key_row *row)
{
    const struct key_row *cached = key_cache_find(store_id_cache(s, &s->place_ids), key);
    if (cached) {
        *row = *cached;
        return 1;
    }
    sqlite3_stmt *q = store_stmt(s, ST_FIND_PLACE);
    if (!q)
        return -1;
    sqlite3_bind_text(q, 1, key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW)
        *row = (struct key_row){sqlite3_column_int64(q, 0), sqlite3_column_int64(q, 1),
                                sqlite3_column_int(q, 2) != 0};
    sqlite3_reset(q);
    if (rc == SQLITE_ROW)
        remember_place(s, key, *row);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* A place already stored: it gains the coordinates and the enclosing places it lacked. */
static int64_t complete_place(struct store *s, const struct place_row *r, struct key_row row)
{
    /* A place first stored as someone's enclosing place has no coordinates until an
     * article names it in its own right. */
    if (row.lacks_coords && r->has_coords) {
        if (fill_place(s, row.id, r) < 0)
            return -1;
        row.lacks_coords = false;
        remember_place(s, r->key, row);
    }
    int64_t parent_id = r->n_ancestors ? r->ancestors[r->n_ancestors - 1] : 0;
    if (row.parent == 0 && parent_id > 0 && parent_id != row.id) {
        sqlite3_stmt *u = store_stmt(s, ST_SET_PLACE_PARENT);
        if (!u)
            return -1;
        sqlite3_bind_int64(u, 1, row.id);
        sqlite3_bind_int64(u, 2, parent_id);
        sqlite3_bind_int(u, 3, r->depth);
        if (store_run_insert(s, u) < 0 || write_ancestors(s, row.id, r) < 0)
            return -1;
        row.parent = parent_id;
        remember_place(s, r->key, row);
    }
    return row.id;
}

/* Finds or creates a place row. A place first seen without its enclosing places gains them
 * the first time an article supplies them. Returns the id or -1. */
static int64_t upsert_place(struct store *s, const struct place_row *r)
{
    struct key_row row;
    int found = find_place(s, r->key, &row);
    if (found < 0)
        return -1;
    if (found)
        return complete_place(s, r, row);
    sqlite3_stmt *q = store_stmt(s, ST_INSERT_PLACE);
    if (!q)
        return -1;
    store_bind_text(q, 1, r->key);
    store_bind_text(q, 2, r->name ? r->name : "");
    store_bind_text(q, 3, place_kind_name(r->kind));
    store_bind_text(q, 4, r->admin1);
    store_bind_text(q, 5, r->country);
    store_bind_text(q, 6, r->country_code);
    if (r->has_coords) {
        sqlite3_bind_double(q, 7, r->lat);
        sqlite3_bind_double(q, 8, r->lon);
    }
    if (r->n_ancestors)
        sqlite3_bind_int64(q, 9, r->ancestors[r->n_ancestors - 1]);
    sqlite3_bind_int(q, 10, r->depth);
    int64_t id = store_run_insert(s, q);
    if (id < 0 || write_ancestors(s, id, r) < 0)
        return -1;
    remember_place(s, r->key,
                   (struct key_row){id, r->n_ancestors ? r->ancestors[r->n_ancestors - 1] : 0,
                                    !r->has_coords});
    return id;
}

/* Stores the chain outermost first, then the place itself under the innermost link. */
int64_t store_write_place(struct store *s, const struct place_fact *p)
{
    char key[320];
    int64_t ids[PLACE_MAX_DEPTH];
    size_t n = 0;
    size_t skip = p->n_chain > PLACE_MAX_DEPTH ? p->n_chain - PLACE_MAX_DEPTH : 0;
    for (size_t i = skip; i < p->n_chain; i++) {
        const struct place_ref *c = &p->chain[i];
        place_key(key, sizeof key, c->gazetteer_id, p->country_code, c->name);
        struct place_row r = {
            .key = key,
            .name = c->name,
            .kind = c->kind,
            .admin1 = c->kind == PLACE_ADMIN1 || c->kind == PLACE_COUNTRY ? NULL : p->admin1,
            .country = c->kind == PLACE_COUNTRY ? NULL : p->country,
            .country_code = p->country_code,
            .ancestors = ids,
            .n_ancestors = n,
            .depth = (int)n,
        };
        int64_t id = upsert_place(s, &r);
        if (id < 0)
            return -1;
        ids[n++] = id;
    }
    place_key(key, sizeof key, p->gazetteer_id, p->country_code, p->name);
    struct place_row r = {
        .key = key,
        .name = p->name,
        .kind = p->kind,
        .admin1 = p->admin1,
        .country = p->country,
        .country_code = p->country_code,
        .has_coords = p->has_coords,
        .lat = p->lat,
        .lon = p->lon,
        .ancestors = ids,
        .n_ancestors = n,
        .depth = (int)n,
    };
    return upsert_place(s, &r);
}

int store_write_event_places(struct store *s, int64_t article_id, const struct store_prepared *pre,
                             const int64_t *place_ids)
{
    sqlite3_stmt *q = store_stmt(s, ST_INSERT_EVENT_PLACE);
    if (!q)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < pre->n_event_places && rc == 0; i++) {
        sqlite3_bind_int64(q, 1, article_id);
        sqlite3_bind_int64(q, 2, place_ids[pre->event_places[i].place]);
        sqlite3_bind_int(q, 3, pre->event_places[i].incident);
        rc = store_run_insert(s, q) < 0 ? -1 : 0;
    }
    return rc;
}
