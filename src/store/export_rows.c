/* export_rows.c: the exports' queries. */
#include "store/export_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "store/article_spans.h"

static char *dup_text(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return t ? strdup((const char *)t) : NULL;
}

static long column_long(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? FACT_NONE
                                                     : (long)sqlite3_column_int64(st, i);
}

bool export_ids_contain(const int64_t *ids, size_t n, int64_t id)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (ids[mid] == id)
            return true;
        if (ids[mid] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

/* The second-level division enclosing a place (or the place itself), which the places
 * row does not carry. */
static char *admin2_of(sqlite3 *db, int64_t place_id)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT p.name FROM place_ancestors pa JOIN places p"
                           " ON p.id = pa.ancestor_id WHERE pa.place_id = ?1"
                           " AND p.kind = 'admin2' ORDER BY p.depth DESC LIMIT 1",
                           -1, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(st, 1, place_id);
    char *name = sqlite3_step(st) == SQLITE_ROW ? dup_text(st, 0) : NULL;
    sqlite3_finalize(st);
    return name;
}

int export_place_info(sqlite3 *db, int64_t place_id, struct export_place *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT name, kind, admin1, country, country_code, lat, lon"
                           " FROM places WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, place_id);
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->name = dup_text(st, 0);
        out->kind = dup_text(st, 1);
        out->admin1 = dup_text(st, 2);
        out->country = dup_text(st, 3);
        out->iso = dup_text(st, 4);
        out->has_coords =
            sqlite3_column_type(st, 5) != SQLITE_NULL && sqlite3_column_type(st, 6) != SQLITE_NULL;
        out->lat = sqlite3_column_double(st, 5);
        out->lon = sqlite3_column_double(st, 6);
        rc = 0;
    }
    sqlite3_finalize(st);
    if (rc == 0)
        out->admin2 = admin2_of(db, place_id);
    return rc;
}

void export_place_free(struct export_place *p)
{
    free(p->name);
    free(p->kind);
    free(p->admin1);
    free(p->admin2);
    free(p->country);
    free(p->iso);
    memset(p, 0, sizeof *p);
}

int export_report_info(sqlite3 *db, int64_t article_id, struct export_report_info *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db,
                           "SELECT url, origin, places, format, is_read FROM articles"
                           " WHERE id = ?1",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(st, 1, article_id);
    int rc = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        out->url = dup_text(st, 0);
        out->origin = dup_text(st, 1);
        out->places = dup_text(st, 2);
        out->format = dup_text(st, 3);
        out->read = sqlite3_column_int(st, 4) != 0;
        rc = 0;
    }
    sqlite3_finalize(st);
    return rc;
}

void export_report_info_free(struct export_report_info *r)
{
    free(r->url);
    free(r->origin);
    free(r->places);
    free(r->format);
    memset(r, 0, sizeof *r);
}

static void read_figure(sqlite3_stmt *st, struct export_figure *f)
{
    f->id = sqlite3_column_int64(st, 0);
    f->article_id = sqlite3_column_int64(st, 1);
    f->kind = (const char *)sqlite3_column_text(st, 2);
    f->n = column_long(st, 3);
    f->min = column_long(st, 4);
    f->max = column_long(st, 5);
    f->qualifier = (const char *)sqlite3_column_text(st, 6);
    f->who = (const char *)sqlite3_column_text(st, 7);
    f->place = (const char *)sqlite3_column_text(st, 8);
    f->date = (const char *)sqlite3_column_text(st, 9);
    f->source = (const char *)sqlite3_column_text(st, 10);
    f->sentence = (int)column_long(st, 11);
    f->text = (const char *)sqlite3_column_text(st, 12);
}

/* The text and sentences of the article whose figures are being exported: figures come in
 * article order, so each article is read once. */
struct sentence_source {
    sqlite3_stmt *read;
    int64_t article_id;
    char *text;
    size_t text_len;
    struct text_span *spans;
    size_t n_spans;
    char *cut; /* the last sentence handed out */
};

static void sentence_source_clear(struct sentence_source *src)
{
    free(src->text);
    free(src->spans);
    free(src->cut);
    src->text = NULL;
    src->spans = NULL;
    src->cut = NULL;
    src->text_len = src->n_spans = 0;
}

static void sentence_source_load(struct sentence_source *src, int64_t article_id)
{
    sentence_source_clear(src);
    src->article_id = article_id;
    sqlite3_bind_int64(src->read, 1, article_id);
    if (sqlite3_step(src->read) == SQLITE_ROW) {
        const void *text = sqlite3_column_blob(src->read, 0);
        src->text_len = (size_t)sqlite3_column_bytes(src->read, 0);
        src->text = text ? malloc(src->text_len + 1) : NULL;
        if (src->text)
            memcpy(src->text, text, src->text_len);
        const void *blob = sqlite3_column_blob(src->read, 1);
        if (blob && spans_unpack_sentences(blob, (size_t)sqlite3_column_bytes(src->read, 1),
                                           &src->spans, &src->n_spans) < 0)
            src->n_spans = 0;
    }
    sqlite3_reset(src->read);
}

/* Sentence idx of the article, NUL-terminated (valid until the next call), or NULL when
 * the article has no such sentence. Spans are byte offsets into the text. */
static const char *sentence_text(struct sentence_source *src, int64_t article_id, long idx)
{
    if (article_id != src->article_id)
        sentence_source_load(src, article_id);
    if (!src->text || idx < 0 || (size_t)idx >= src->n_spans)
        return NULL;
    const struct text_span *t = &src->spans[idx];
    if (t->start > src->text_len || t->len > src->text_len - t->start)
        return NULL;
    free(src->cut);
    src->cut = malloc(t->len + 1);
    if (!src->cut)
        return NULL;
    memcpy(src->cut, src->text + t->start, t->len);
    src->cut[t->len] = '\0';
    return src->cut;
}

int export_each_figure(sqlite3 *db, int (*fn)(const struct export_figure *f, void *ctx), void *ctx)
{
    static const char sql[] =
        "SELECT f.id, f.article_id, f.kind, f.n, f.min, f.max, f.qualifier, f.who, f.place,"
        " f.date, f.source, f.sentence, f.text FROM figures f ORDER BY f.article_id, f.id";
    struct sentence_source src = {0};
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(db,
                           "SELECT a.text, sp.sentences FROM articles a"
                           " LEFT JOIN article_spans sp ON sp.article_id = a.id WHERE a.id = ?1",
                           -1, &src.read, NULL) != SQLITE_OK) {
        sqlite3_finalize(st);
        return -1;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct export_figure f;
        read_figure(st, &f);
        f.sentence_text = sentence_text(&src, f.article_id, f.sentence);
        if (fn(&f, ctx)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    sqlite3_finalize(src.read);
    sentence_source_clear(&src);
    return rc == SQLITE_DONE ? 0 : -1;
}
