/* article_read.c: loading a stored article and its facts back into the types extract
 * produces; marking one read. */
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/article_spans.h"

/* A stored span is followed only when it lies inside the text: a damaged or hand-edited
 * collection must give a message, not a read outside the buffer. */
static bool span_inside(int64_t start, int64_t len, size_t text_len)
{
    return start >= 0 && len >= 0 && (uint64_t)start <= text_len &&
           (uint64_t)len <= text_len - (uint64_t)start;
}

/* The blob of column `column` of the article's article_spans row (0 sentences, 1
 * mentions, 2 dates) into *blob, *len; 0 with no blob when the row or the column is absent (an
 * article stored without facts has no mentions), -1 on error. The blob lives until q is
 * reset. */
static int spans_column(struct store *s, int64_t id, int column, sqlite3_stmt **q,
                        const void **blob, size_t *len)
{
    *blob = NULL;
    *len = 0;
    *q = store_stmt(s, ST_GET_SPANS);
    if (!*q)
        return -1;
    sqlite3_bind_int64(*q, 1, id);
    int rc = sqlite3_step(*q);
    if (rc == SQLITE_ROW) {
        *blob = sqlite3_column_blob(*q, column);
        *len = (size_t)sqlite3_column_bytes(*q, column);
        return 0;
    }
    sqlite3_reset(*q);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Its sentences, each checked to lie inside its text. */
static int load_sentences(struct store *s, int64_t id, struct article *a)
{
    sqlite3_stmt *q;
    const void *blob;
    size_t len;
    if (spans_column(s, id, 0, &q, &blob, &len) < 0)
        return -1;
    int rc = spans_unpack_sentences(blob, len, &a->sentences, &a->n_sentences);
    sqlite3_reset(q);
    if (rc < 0) {
        store_note_error(s, "article %lld: its sentences cannot be read; the collection is damaged",
                         (long long)id);
        return -1;
    }
    for (size_t i = 0; i < a->n_sentences; i++) {
        const struct text_span *t = &a->sentences[i];
        if (span_inside((int64_t)t->start, (int64_t)t->len, a->text_len))
            continue;
        store_note_error(s,
                         "article %lld: sentence %zu (start %zu, length %zu) lies outside its "
                         "text (%zu bytes); the collection is damaged",
                         (long long)id, i, t->start, t->len, a->text_len);
        return -1;
    }
    return 0;
}

/* Frees what store_get_article filled in, leaving a empty. */
static void release_article(struct article *a)
{
    free(a->origin);
    free(a->url);
    free(a->title);
    free(a->date);
    free(a->source);
    free(a->author);
    free(a->dateline);
    free(a->text);
    free(a->sentences);
    memset(a, 0, sizeof *a);
}

int store_get_article(struct store *s, int64_t id, struct article *a)
{
    memset(a, 0, sizeof *a);
    sqlite3_stmt *q = store_stmt(s, ST_GET_ARTICLE);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) != SQLITE_ROW) {
        sqlite3_reset(q);
        return -1;
    }
    const unsigned char *hash = sqlite3_column_text(q, 0);
    snprintf(a->hash, sizeof a->hash, "%s", hash ? (const char *)hash : "");
    a->origin = store_dup_column(q, 1);
    a->url = store_dup_column(q, 2);
    a->title = store_dup_column(q, 3);
    a->date = store_dup_column(q, 4);
    a->source = store_dup_column(q, 5);
    a->author = store_dup_column(q, 6);
    a->dateline = store_dup_column(q, 7);
    a->text = store_dup_column(q, 8);
    a->text_len = (size_t)sqlite3_column_bytes(q, 8);
    a->format = store_format_from_name((const char *)sqlite3_column_text(q, 9));
    sqlite3_reset(q);
    if (a->title && a->text && load_sentences(s, id, a) == 0)
        return 0;
    release_article(a); /* a failure leaves the caller nothing to free */
    return -1;
}

static int load_chain(struct store *s, int64_t place_id, struct place_fact *p)
{
    sqlite3_stmt *q = store_stmt(s, ST_GET_CHAIN);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, place_id);
    int rc = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct place_ref *grown = realloc(p->chain, (p->n_chain + 1) * sizeof *grown);
        if (!grown) {
            rc = -1;
            break;
        }
        p->chain = grown;
        struct place_ref *r = &p->chain[p->n_chain++];
        r->name = store_dup_column(q, 0);
        r->kind = place_kind_from_name((const char *)sqlite3_column_text(q, 1));
        r->gazetteer_id = store_gazetteer_id_of_key(sqlite3_column_text(q, 2));
    }
    sqlite3_reset(q);
    return rc;
}

static int load_places(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = store_stmt(s, ST_GET_PLACES);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int64_t *ids = NULL;
    int rc = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct place_fact *p = facts_add_place(f);
        int64_t *grown = realloc(ids, f->n_places * sizeof *grown);
        if (!p || !grown) {
            rc = -1;
            break;
        }
        ids = grown;
        ids[f->n_places - 1] = sqlite3_column_int64(q, 0);
        p->name = store_dup_column(q, 1);
        p->kind = place_kind_from_name((const char *)sqlite3_column_text(q, 2));
        p->admin1 = store_dup_column(q, 3);
        p->country = store_dup_column(q, 4);
        p->country_code = store_dup_column(q, 5);
        p->has_coords = sqlite3_column_type(q, 6) != SQLITE_NULL;
        p->lat = sqlite3_column_double(q, 6);
        p->lon = sqlite3_column_double(q, 7);
        p->count = sqlite3_column_int(q, 8);
        if (store_surface_parse((const char *)sqlite3_column_text(q, 9), &p->surface,
                                &p->n_surface) < 0)
            rc = -1;
        p->first_sentence = sqlite3_column_int(q, 10);
        p->gazetteer_id = store_gazetteer_id_of_key(sqlite3_column_text(q, 11));
        p->parent = store_dup_column(q, 12);
    }
    sqlite3_reset(q);
    /* The chains need their own statement, so they are read after the places. */
    for (size_t i = 0; rc == 0 && i < f->n_places; i++)
        rc = load_chain(s, ids[i], &f->places[i]);
    free(ids);
    return rc;
}

static int load_actors(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = store_stmt(s, ST_GET_ACTORS);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct actor_fact *a = facts_add_actor(f);
        if (!a) {
            rc = -1;
            break;
        }
        a->name = store_dup_column(q, 0);
        a->count = sqlite3_column_int(q, 1);
        if (store_surface_parse((const char *)sqlite3_column_text(q, 2), &a->surface,
                                &a->n_surface) < 0)
            rc = -1;
        a->first_sentence = sqlite3_column_int(q, 3);
    }
    sqlite3_reset(q);
    return rc;
}

static int load_figures(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = store_stmt(s, ST_GET_FIGURES);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct figure_fact *g = facts_add_figure(f);
        if (!g) {
            rc = -1;
            break;
        }
        int kind = figure_kind_from_name((const char *)sqlite3_column_text(q, 0));
        int qual = qualifier_from_name((const char *)sqlite3_column_text(q, 4));
        g->kind = kind < 0 ? FIG_KILLED : (enum figure_kind)kind;
        g->n = store_column_long(q, 1);
        g->min = store_column_long(q, 2);
        g->max = store_column_long(q, 3);
        g->qualifier = qual < 0 ? Q_EXACT : (enum qualifier)qual;
        g->who = store_dup_column(q, 5);
        g->place = store_dup_column(q, 6);
        g->date = store_dup_column(q, 7);
        g->source = store_dup_column(q, 8);
        g->sentence = sqlite3_column_int(q, 9);
        g->text = store_dup_column(q, 10);
        int role = figure_role_from_name((const char *)sqlite3_column_text(q, 11));
        g->role = role < 0 ? ROLE_EVENT : (enum figure_role)role;
        g->incident = sqlite3_column_int(q, 12);
    }
    sqlite3_reset(q);
    return rc;
}

static int load_dates(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q;
    const void *blob;
    size_t len;
    if (spans_column(s, id, 2, &q, &blob, &len) < 0)
        return -1;
    int rc = spans_unpack_dates(blob, len, f);
    sqlite3_reset(q);
    return rc;
}

static int load_mentions(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q;
    const void *blob;
    size_t len, n = 0;
    struct mention *v = NULL;
    if (spans_column(s, id, 1, &q, &blob, &len) < 0)
        return -1;
    int rc = spans_unpack_mentions(blob, len, &v, &n);
    sqlite3_reset(q);
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct mention *m = facts_add_mention(f);
        if (m)
            *m = v[i];
        else
            rc = -1;
    }
    free(v);
    return rc;
}

int store_get_facts(struct store *s, int64_t id, struct facts *f)
{
    facts_init(f);
    if (load_places(s, id, f) < 0 || load_actors(s, id, f) < 0 || load_figures(s, id, f) < 0 ||
        load_dates(s, id, f) < 0 || load_mentions(s, id, f) < 0) {
        facts_free(f);
        return -1;
    }
    return 0;
}

int store_get_figures(struct store *s, int64_t id, struct facts *f)
{
    facts_init(f);
    if (load_figures(s, id, f) < 0) {
        facts_free(f);
        return -1;
    }
    return 0;
}

int store_set_read(struct store *s, int64_t id, bool read)
{
    sqlite3_stmt *q = store_stmt(s, ST_SET_READ);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_int(q, 2, read ? 1 : 0);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE && sqlite3_changes(s->db) > 0 ? 0 : -1;
}
