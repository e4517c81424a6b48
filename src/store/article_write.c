/* article_write.c: storing an article, its sentences, its facts and the summary columns the
 * list shows; deleting one. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/salience.h"
#include "store/article_spans.h"
#include "store/key_cache.h"

/* ---- article summary columns ---- */

/* The report's own toll of a kind for the list's columns (facts_own_figure): the number
 * filters and order use, the vague word it was stated with (NULL for a number) and the
 * most it allows (FACT_NONE = open or unknown). */
struct own_toll {
    long value, max;
    const char *word;
};

static struct own_toll report_toll(const struct facts *f, enum figure_kind kind)
{
    struct own_toll t = {FACT_NONE, FACT_NONE, NULL};
    int i = f ? facts_own_figure(f, kind) : -1;
    if (i < 0)
        return t;
    const struct figure_fact *g = &f->figures[i];
    t.value = figure_sort_value(g->n, g->min, g->max, g->qualifier, g->text);
    t.word = figure_vague_word(g->qualifier, g->n, g->text);
    if (t.word) {
        long lo;
        figure_vague_range(t.word, &lo, &t.max);
    } else if (g->qualifier == Q_EXACT || g->qualifier == Q_ABOUT) {
        t.max = g->n;
    } else if (g->qualifier == Q_UP_TO || g->qualifier == Q_RANGE) {
        t.max = g->max != FACT_NONE ? g->max : g->n;
    }
    return t;
}

/* "Qaim, Anbar, Iraq": the place that stands most for the article (salience.h: the one the
 * events view names too) with its enclosing division and country; when only countries
 * are named, up to three of them. */
static char *places_summary(const struct facts *f, const struct article *a)
{
    const struct place_fact *best = most_salient_place(f, a->title, a->dateline);
    char buf[512] = "";
    size_t used = 0;
    if (best) {
        used += (size_t)snprintf(buf, sizeof buf, "%s", best->name);
        if (best->admin1 && strcmp(best->admin1, best->name) != 0)
            used += (size_t)snprintf(buf + used, sizeof buf - used, ", %s", best->admin1);
        if (used < sizeof buf && best->country && strcmp(best->country, best->name) != 0)
            snprintf(buf + used, sizeof buf - used, ", %s", best->country);
    } else {
        int shown = 0;
        for (size_t i = 0; i < f->n_places && shown < 3 && used < sizeof buf; i++) {
            if (!f->places[i].name)
                continue;
            used += (size_t)snprintf(buf + used, sizeof buf - used, "%s%s", shown ? ", " : "",
                                     f->places[i].name);
            shown++;
        }
    }
    return buf[0] ? strdup(buf) : NULL;
}

int64_t store_find_hash(struct store *s, const char *hash)
{
    sqlite3_stmt *q = store_stmt(s, ST_HAS_HASH);
    if (!q)
        return -1;
    sqlite3_bind_text(q, 1, hash, -1, SQLITE_STATIC);
    int64_t id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    return id;
}

int store_prepare(const struct article *a, const struct facts *f, struct store_prepared *out)
{
    memset(out, 0, sizeof *out);
    if (!f)
        return 0;
    out->summary = places_summary(f, a);
    out->event_places = malloc((f->n_figures + 1) * sizeof *out->event_places);
    if (!out->event_places) {
        store_prepared_free(out);
        return -1;
    }
    out->n_event_places = report_event_places(f, a->title, a->dateline, out->event_places);
    return 0;
}

void store_prepared_free(struct store_prepared *p)
{
    free(p->summary);
    free(p->event_places);
    memset(p, 0, sizeof *p);
}

static int64_t insert_article_row(struct store *s, const struct article *a, const struct facts *f,
                                  const char *summary)
{
    sqlite3_stmt *q = store_stmt(s, ST_INSERT_ARTICLE);
    if (!q)
        return -1;
    store_bind_text(q, 1, a->hash);
    store_bind_text(q, 2, a->origin);
    store_bind_text(q, 3, a->url);
    store_bind_text(q, 4, a->title ? a->title : "");
    store_bind_text(q, 5, a->date);
    store_bind_text(q, 6, a->source);
    store_bind_text(q, 7, a->author);
    store_bind_text(q, 8, a->dateline);
    sqlite3_bind_text(q, 9, a->text ? a->text : "", a->text ? (int)a->text_len : 0, SQLITE_STATIC);
    store_bind_text(q, 10, store_format_name(a->format));
    sqlite3_bind_int64(q, 11, (sqlite3_int64)time(NULL));
    for (int k = 0; k < 3; k++) {
        struct own_toll t = report_toll(f, (enum figure_kind)k); /* killed, wounded, destroyed */
        store_bind_long(q, 12 + k, t.value);
        store_bind_text(q, 16 + k, t.word);
        store_bind_long(q, 19 + k, t.max);
    }
    store_bind_text(q, 15, summary);
    return store_run_insert(s, q);
}

/* Two facts naming the same stored place (or actor) become one row; remap[] sends each
 * fact index to its row's position so mentions still point at the right entry. */
static int insert_places(struct store *s, int64_t id, const struct facts *f, int *remap,
                         int64_t *pid_of_fact)
{
    int64_t *ids = calloc(f->n_places + 1, sizeof *ids);
    int n_rows = 0;
    if (!ids)
        return -1;
    for (size_t i = 0; i < f->n_places; i++) {
        const struct place_fact *p = &f->places[i];
        int64_t pid = store_write_place(s, p);
        if (pid < 0)
            goto fail;
        pid_of_fact[i] = pid;
        int row = -1;
        for (int j = 0; j < n_rows; j++)
            if (ids[j] == pid)
                row = j;
        remap[i] = row >= 0 ? row : n_rows;
        if (row >= 0)
            continue;
        ids[n_rows++] = pid;
        sqlite3_stmt *q = store_stmt(s, ST_INSERT_ARTICLE_PLACE);
        char *surface = store_surface_json(p->surface, p->n_surface);
        if (!q || !surface) {
            free(surface);
            goto fail;
        }
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, pid);
        sqlite3_bind_int(q, 3, p->count);
        store_bind_text(q, 4, surface);
        sqlite3_bind_int(q, 5, p->first_sentence);
        int64_t rc = store_run_insert(s, q);
        free(surface);
        if (rc < 0)
            goto fail;
    }
    free(ids);
    return 0;
fail:
    free(ids);
    return -1;
}

static int64_t upsert_actor(struct store *s, const char *name)
{
    struct key_cache *cache = store_id_cache(s, &s->actor_ids);
    const struct key_row *cached = key_cache_find(cache, name);
    if (cached)
        return cached->id;
    sqlite3_stmt *q = store_stmt(s, ST_FIND_ACTOR);
    if (!q)
        return -1;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    if (rc == SQLITE_DONE && (q = store_stmt(s, ST_INSERT_ACTOR))) {
        sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
        id = store_run_insert(s, q);
    }
    if (id > 0)
        key_cache_put(cache, name, (struct key_row){id, 0, false});
    return id;
}

static int insert_actors(struct store *s, int64_t id, const struct facts *f, int *remap)
{
    int n_rows = 0;
    for (size_t i = 0; i < f->n_actors; i++) {
        const struct actor_fact *a = &f->actors[i];
        int row = -1;
        for (size_t j = 0; j < i; j++)
            if (strcmp(f->actors[j].name ? f->actors[j].name : "", a->name ? a->name : "") == 0)
                row = remap[j];
        remap[i] = row >= 0 ? row : n_rows;
        if (row >= 0)
            continue;
        n_rows++;
        int64_t aid = upsert_actor(s, a->name ? a->name : "");
        sqlite3_stmt *q = store_stmt(s, ST_INSERT_ARTICLE_ACTOR);
        char *surface = store_surface_json(a->surface, a->n_surface);
        if (aid < 0 || !q || !surface) {
            free(surface);
            return -1;
        }
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, aid);
        sqlite3_bind_int(q, 3, a->count);
        store_bind_text(q, 4, surface);
        sqlite3_bind_int(q, 5, a->first_sentence);
        int64_t rc = store_run_insert(s, q);
        free(surface);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* An article has a dozen figures, and a statement step costs more than the row it writes,
 * so they go in blocks of FACT_BLOCK rows per step. Each block statement is the single-row
 * one's column list repeated FACT_BLOCK times, its parameters numbered on: row r's column c
 * is parameter r * columns + c + 1. */
#define FACT_BLOCK 8

static sqlite3_stmt *fact_block_stmt(struct store *s, sqlite3_stmt **slot, const char *head,
                                     int columns)
{
    if (*slot)
        return *slot;
    char sql[4096];
    int at = snprintf(sql, sizeof sql, "%s", head);
    for (int r = 0; r < FACT_BLOCK; r++)
        for (int c = 0; c < columns; c++)
            at += snprintf(sql + at, sizeof sql - (size_t)at, "%s?%d%s",
                           c   ? ","
                           : r ? ",("
                               : "(",
                           r * columns + c + 1, c == columns - 1 ? ")" : "");
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) != SQLITE_OK)
        *slot = NULL;
    return *slot;
}

#define FIGURE_COLUMNS 14

/* Binds figure i at parameter p (1 for the single-row statement). */
static void bind_figure(sqlite3_stmt *q, int p, int64_t id, const struct facts *f, size_t i)
{
    const struct figure_fact *g = &f->figures[i];
    sqlite3_bind_int64(q, p, id);
    store_bind_text(q, p + 1, figure_kind_name(g->kind));
    store_bind_long(q, p + 2, g->n);
    store_bind_long(q, p + 3, g->min);
    store_bind_long(q, p + 4, g->max);
    store_bind_text(q, p + 5, qualifier_name(g->qualifier));
    store_bind_text(q, p + 6, g->who);
    store_bind_text(q, p + 7, g->place);
    store_bind_text(q, p + 8, g->date);
    store_bind_text(q, p + 9, g->source);
    sqlite3_bind_int(q, p + 10, g->sentence);
    store_bind_text(q, p + 11, g->text);
    store_bind_text(q, p + 12, figure_role_name(g->role));
    sqlite3_bind_int(q, p + 13, g->incident);
}

static int insert_figures(struct store *s, int64_t id, const struct facts *f)
{
    sqlite3_stmt *one = store_stmt(s, ST_INSERT_FIGURE);
    sqlite3_stmt *block = f->n_figures < FACT_BLOCK
                              ? NULL
                              : fact_block_stmt(s, &s->figure_block,
                                                "INSERT INTO figures(article_id, kind, n, min, max,"
                                                " qualifier, who, place, date, source, sentence,"
                                                " text, role, incident) VALUES",
                                                FIGURE_COLUMNS);
    if (!one)
        return -1;
    size_t i = 0;
    for (; block && i + FACT_BLOCK <= f->n_figures; i += FACT_BLOCK) {
        for (int r = 0; r < FACT_BLOCK; r++)
            bind_figure(block, r * FIGURE_COLUMNS + 1, id, f, i + (size_t)r);
        int rc = sqlite3_step(block);
        sqlite3_reset(block);
        if (rc != SQLITE_DONE)
            return -1;
    }
    for (; i < f->n_figures; i++) {
        bind_figure(one, 1, id, f, i);
        if (store_run_insert(s, one) < 0)
            return -1;
    }
    return 0;
}

/* The remapped indexes of places and actors (insert_facts). */
struct remaps {
    const int *place, *actor;
};

/* The article's mentions with their place and actor indexes pointing at its stored rows
 * (insert_places and insert_actors merge facts naming one place), malloc'd. */
static struct mention *remapped_mentions(const struct facts *f, const struct remaps *remap)
{
    struct mention *v = malloc((f->n_mentions + 1) * sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = 0; i < f->n_mentions; i++) {
        v[i] = f->mentions[i];
        int idx = v[i].index;
        if (v[i].type == MENTION_PLACE && idx >= 0 && (size_t)idx < f->n_places)
            v[i].index = remap->place[idx];
        else if (v[i].type == MENTION_ACTOR && idx >= 0 && (size_t)idx < f->n_actors)
            v[i].index = remap->actor[idx];
    }
    return v;
}

/* The article's one article_spans row: its sentences, and its mentions and dates when it
 * has facts (remap then set). */
static int insert_spans(struct store *s, int64_t id, const struct article *a, const struct facts *f,
                        const struct remaps *remap)
{
    sqlite3_stmt *q = store_stmt(s, ST_INSERT_SPANS);
    size_t sentences_len = 0, mentions_len = 0, dates_len = 0;
    unsigned char *sentences = spans_pack_sentences(a->sentences, a->n_sentences, &sentences_len);
    struct mention *mentions = f ? remapped_mentions(f, remap) : NULL;
    unsigned char *packed =
        mentions ? spans_pack_mentions(mentions, f->n_mentions, &mentions_len) : NULL;
    unsigned char *dates = f ? spans_pack_dates(f->dates, f->n_dates, &dates_len) : NULL;
    int rc = -1;
    if (q && sentences && (!f || (packed && dates))) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_blob(q, 2, sentences, (int)sentences_len, SQLITE_STATIC);
        if (f) {
            sqlite3_bind_blob(q, 3, packed, (int)mentions_len, SQLITE_STATIC);
            sqlite3_bind_blob(q, 4, dates, (int)dates_len, SQLITE_STATIC);
        } else {
            sqlite3_bind_null(q, 3);
            sqlite3_bind_null(q, 4);
        }
        rc = store_run_insert(s, q) < 0 ? -1 : 0;
    }
    free(sentences);
    free(mentions);
    free(packed);
    free(dates);
    return rc;
}

static int insert_facts(struct store *s, int64_t id, const struct article *a, const struct facts *f,
                        const struct store_prepared *pre)
{
    int *place_remap = calloc(f->n_places + 1, sizeof *place_remap);
    int *actor_remap = calloc(f->n_actors + 1, sizeof *actor_remap);
    int64_t *place_ids = calloc(f->n_places + 1, sizeof *place_ids);
    int rc = -1;
    if (place_remap && actor_remap && place_ids &&
        insert_places(s, id, f, place_remap, place_ids) == 0 &&
        store_write_event_places(s, id, pre, place_ids) == 0 &&
        insert_actors(s, id, f, actor_remap) == 0 && insert_figures(s, id, f) == 0 &&
        insert_spans(s, id, a, f, &(struct remaps){place_remap, actor_remap}) == 0)
        rc = 0;
    free(place_remap);
    free(actor_remap);
    free(place_ids);
    return rc;
}

static int insert_fts(struct store *s, int64_t id, const struct article *a)
{
    sqlite3_stmt *q = store_stmt(s, ST_INSERT_FTS);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    store_bind_text(q, 2, a->title ? a->title : "");
    sqlite3_bind_text(q, 3, a->text ? a->text : "", a->text ? (int)a->text_len : 0, SQLITE_STATIC);
    return store_run_insert(s, q) < 0 ? -1 : 0;
}

/* FTS5 writes its pending terms to disk at every savepoint, and any statement that writes
 * several rows (a block of sentences, a place with its ancestors) opens one. Indexing
 * each article as it is stored therefore wrote a tiny index segment per article; inside a
 * batch the articles are instead indexed together at the commit (10,000 generated
 * articles stored and indexed: 1.2 s to 0.7 s). Outside a batch an article is indexed at
 * once. No savepoint per article either: a failure part-way deletes what was written
 * (the children cascade, and the batch's index is brought up to date first so the
 * delete trigger finds the row), so no half article stays in the caller's batch. In a
 * batch begun with store_begin_adding cascades do not run: the rows are deleted table by
 * table. */
int store_add_prepared(struct store *s, const struct article *a, const struct facts *f,
                       const struct store_prepared *pre, int64_t *id_out, char *err, size_t errlen)
{
    int64_t existing = store_find_hash(s, a->hash);
    if (existing < 0) {
        store_set_err(err, errlen, "looking up article", s->db);
        return -1;
    }
    if (existing > 0) {
        if (id_out)
            *id_out = existing;
        return 0;
    }
    int64_t id = insert_article_row(s, a, f, pre->summary);
    if (id < 0) {
        store_set_err(err, errlen, "storing article", s->db);
        return -1;
    }
    bool in_batch = !sqlite3_get_autocommit(s->db);
    if (in_batch && s->unindexed_from == 0)
        s->unindexed_from = id;
    if ((!in_batch && insert_fts(s, id, a) < 0) ||
        (f ? insert_facts(s, id, a, f, pre) : insert_spans(s, id, a, NULL, NULL)) < 0) {
        store_set_err(err, errlen, "storing article", s->db);
        store_index_pending(s);
        if (s->parents_unchecked)
            store_delete_owned(s, id);
        else
            store_delete_article(s, id);
        return -1;
    }
    if (id_out)
        *id_out = id;
    return 1;
}

int store_add_article(struct store *s, const struct article *a, const struct facts *f,
                      int64_t *id_out, char *err, size_t errlen)
{
    struct store_prepared pre;
    if (store_prepare(a, f, &pre) < 0) {
        snprintf(err, errlen, "storing article: out of memory");
        return -1;
    }
    int rc = store_add_prepared(s, a, f, &pre, id_out, err, errlen);
    store_prepared_free(&pre);
    return rc;
}

int64_t store_article_count(struct store *s)
{
    sqlite3_stmt *q = store_stmt(s, ST_COUNT);
    if (!q)
        return -1;
    int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    return n;
}

int store_delete_article(struct store *s, int64_t id)
{
    sqlite3_stmt *q = store_stmt(s, ST_DELETE_ARTICLE);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE && sqlite3_changes(s->db) > 0 ? 0 : -1;
}
