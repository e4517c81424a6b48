/* article_view.c: one article as the reader's article and facts panes read it. */
#include "store/article_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "store/store_int.h"
#include "store/txn.h"

static sqlite3_stmt *prepare_for(struct store *s, const char *sql, int64_t id)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(q, 1, id);
    return q;
}

int store_article_head(struct store *s, int64_t id, struct store_article_head *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q =
        prepare_for(s, "SELECT date, source, dateline, text FROM articles WHERE id = ?1", id);
    if (!q)
        return -1;
    bool found = sqlite3_step(q) == SQLITE_ROW;
    if (found) {
        out->date = store_dup_column(q, 0);
        out->source = store_dup_column(q, 1);
        out->dateline = store_dup_column(q, 2);
        out->text = store_dup_column(q, 3);
        out->text_bytes = (size_t)sqlite3_column_bytes(q, 3);
    }
    sqlite3_finalize(q);
    return found ? 0 : -1;
}

void store_article_head_free(struct store_article_head *h)
{
    free(h->date);
    free(h->source);
    free(h->dateline);
    free(h->text);
    memset(h, 0, sizeof *h);
}

long *store_sentence_starts(struct store *s, int64_t id, int *n)
{
    *n = 0;
    sqlite3_stmt *q =
        prepare_for(s, "SELECT start FROM sentences WHERE article_id = ?1 ORDER BY idx", id);
    if (!q)
        return NULL;
    long *v = NULL;
    int cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 64;
            long *grown = realloc(v, (size_t)cap * sizeof *grown);
            if (!grown)
                break;
            v = grown;
        }
        v[(*n)++] = (long)sqlite3_column_int64(q, 0);
    }
    sqlite3_finalize(q);
    return v;
}

struct store_mention_span *store_mention_spans(struct store *s, int64_t id, int *n)
{
    *n = 0;
    sqlite3_stmt *q = prepare_for(s,
                                  "SELECT type, sentence, start, len FROM mentions WHERE"
                                  " article_id = ?1 AND type IN ('place', 'figure')",
                                  id);
    if (!q)
        return NULL;
    struct store_mention_span *v = NULL;
    int cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 32;
            struct store_mention_span *grown = realloc(v, (size_t)cap * sizeof *grown);
            if (!grown)
                break;
            v = grown;
        }
        const char *type = (const char *)sqlite3_column_text(q, 0);
        v[(*n)++] = (struct store_mention_span){
            .is_place = type && strcmp(type, "place") == 0,
            .sentence = sqlite3_column_int(q, 1),
            .start = (long)sqlite3_column_int64(q, 2),
            .len = (long)sqlite3_column_int64(q, 3),
        };
    }
    sqlite3_finalize(q);
    return v;
}

/* Surfaces are stored as a JSON list of strings: ["IS","Islamic State"]; one with an
 * escape in it is left out. */
static void add_surface_list(char ***set, size_t *n_set, const char *list)
{
    for (const char *s = list ? strchr(list, '"') : NULL; s; s = strchr(s, '"')) {
        const char *end = strchr(s + 1, '"');
        if (!end)
            break;
        char buf[256];
        size_t n = (size_t)(end - s - 1);
        if (n < sizeof buf && !memchr(s + 1, '\\', n) && *n_set < STORE_MAX_SURFACES) {
            memcpy(buf, s + 1, n);
            buf[n] = '\0';
            facts_add_surface(set, n_set, buf);
        }
        s = end + 1;
    }
}

static void surfaces(struct store *s, const char *sql, int64_t id, char ***set, size_t *n_set)
{
    sqlite3_stmt *q = prepare_for(s, sql, id);
    if (!q)
        return;
    while (sqlite3_step(q) == SQLITE_ROW)
        add_surface_list(set, n_set, (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
}

void store_actor_surfaces(struct store *s, int64_t id, char ***set, size_t *n_set)
{
    surfaces(s, "SELECT DISTINCT surface FROM article_actors WHERE article_id = ?1", id, set,
             n_set);
}

void store_date_surfaces(struct store *s, int64_t id, char ***set, size_t *n_set)
{
    surfaces(s, "SELECT DISTINCT json_quote(text) FROM dates WHERE article_id = ?1", id, set,
             n_set);
}

/* Each query yields (sentence, line text). */
static const char *const fact_group_sql[N_FACT_GROUPS] = {
    [FACT_GROUP_PLACES] =
        "SELECT ap.first_sentence, (SELECT group_concat(name, ' < ') FROM (SELECT p2.name"
        " FROM place_ancestors pa JOIN places p2 ON p2.id = pa.ancestor_id"
        " WHERE pa.place_id = ap.place_id ORDER BY p2.depth DESC)) FROM article_places ap"
        " WHERE ap.article_id = ?1 ORDER BY ap.first_sentence, ap.place_id",
    [FACT_GROUP_ACTORS] =
        "SELECT aa.first_sentence, ac.name FROM article_actors aa JOIN actors ac"
        " ON ac.id = aa.actor_id WHERE aa.article_id = ?1 ORDER BY aa.first_sentence",
    [FACT_GROUP_DATES] =
        "SELECT sentence, text || ' = ' || coalesce(value, weekday || ' (relative)', '?')"
        " FROM dates WHERE article_id = ?1 ORDER BY sentence, id",
};

struct store_fact_line *store_fact_lines(struct store *s, int64_t id, enum store_fact_group g,
                                         int *n)
{
    *n = 0;
    sqlite3_stmt *q = g < N_FACT_GROUPS ? prepare_for(s, fact_group_sql[g], id) : NULL;
    if (!q)
        return NULL;
    struct store_fact_line *v = NULL;
    int cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            struct store_fact_line *grown = realloc(v, (size_t)cap * sizeof *grown);
            if (!grown)
                break;
            v = grown;
        }
        v[(*n)++] = (struct store_fact_line){
            .sentence = sqlite3_column_type(q, 0) == SQLITE_NULL ? 0 : sqlite3_column_int(q, 0),
            .text = store_dup_column(q, 1),
        };
    }
    sqlite3_finalize(q);
    return v;
}

void store_fact_lines_free(struct store_fact_line *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].text);
    free(v);
}

int store_toggle_read(struct store *s, int64_t id, char *err, size_t errlen)
{
    sqlite3_stmt *q = prepare_for(s, "UPDATE articles SET is_read = 1 - is_read WHERE id = ?", id);
    if (!q) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(s->db));
        return -1;
    }
    int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
    if (rc < 0)
        snprintf(err, errlen, "%s", sqlite3_errmsg(s->db));
    sqlite3_finalize(q);
    return rc;
}

int store_set_read_now(struct store *s, int64_t id, bool read)
{
    sqlite3 *db = store_db(s);
    store_wait_set(db, STORE_WAIT_NONE);
    int rc = store_set_read(s, id, read);
    bool busy = rc != 0 && (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY;
    store_wait_set(db, STORE_WAIT_QUIET);
    return rc == 0 ? 0 : busy ? 1 : -1;
}
