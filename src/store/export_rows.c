/* export_rows.c: the exports' queries. */
#include "store/export_rows.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"

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
    f->sentence_text = (const char *)sqlite3_column_text(st, 13);
}

int export_each_figure(sqlite3 *db, int (*fn)(const struct export_figure *f, void *ctx), void *ctx)
{
    /* sentence spans are byte offsets, so the text is cut as a blob */
    static const char sql[] =
        "SELECT f.id, f.article_id, f.kind, f.n, f.min, f.max, f.qualifier, f.who, f.place,"
        " f.date, f.source, f.sentence, f.text,"
        " (SELECT CAST(substr(CAST(a.text AS BLOB), s.start + 1, s.len) AS TEXT)"
        "  FROM sentences s JOIN articles a ON a.id = s.article_id"
        "  WHERE s.article_id = f.article_id AND s.idx = f.sentence)"
        " FROM figures f ORDER BY f.article_id, f.id";
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        struct export_figure f;
        read_figure(st, &f);
        if (fn(&f, ctx)) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}
