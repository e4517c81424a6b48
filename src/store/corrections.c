/* corrections.c: the SQL of the analyst's corrections (corrections.h). */
#include "store/corrections.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "store/store.h"

const char corrections_schema[] =
    "CREATE TABLE IF NOT EXISTS corrections("
    " id INTEGER PRIMARY KEY, made_at INTEGER, op TEXT NOT NULL,"
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " other_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,"
    " kind TEXT, n INTEGER, value TEXT, undone INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX IF NOT EXISTS corrections_article ON corrections(article_id);";

static const char *const op_names[CORR_OP_COUNT] = {
    "merge", "split", "move", "drop-figure", "date", "place", "kind",
};

const char *correction_op_name(enum correction_op op)
{
    return (unsigned)op < CORR_OP_COUNT ? op_names[op] : "?";
}

int correction_op_from_name(const char *name)
{
    for (int i = 0; i < CORR_OP_COUNT; i++)
        if (name && strcmp(name, op_names[i]) == 0)
            return i;
    return -1;
}

void correction_describe(const struct correction *c, char *buf, size_t len)
{
    long long a = (long long)c->article, b = (long long)c->other;
    const char *v = c->value ? c->value : "";
    switch (c->op) {
    case CORR_MERGE:
        snprintf(buf, len, "merge the events of #%lld and #%lld", a, b);
        break;
    case CORR_SPLIT:
        snprintf(buf, len, "#%lld is an event of its own", a);
        break;
    case CORR_MOVE:
        snprintf(buf, len, "#%lld moved to the event of #%lld", a, b);
        break;
    case CORR_DROP_FIGURE:
        if (c->n == FACT_NONE)
            snprintf(buf, len, "%s figures of #%lld are not its event's", figure_kind_name(c->kind),
                     a);
        else
            snprintf(buf, len, "%s %ld of #%lld is not its event's", figure_kind_name(c->kind),
                     c->n, a);
        break;
    case CORR_DATE:
        snprintf(buf, len, "#%lld dated %s", a, v);
        break;
    case CORR_PLACE:
        snprintf(buf, len, "the event of #%lld happened at %s", a, v);
        break;
    case CORR_KIND:
        snprintf(buf, len, "the event of #%lld is of the kind %s", a, v);
        break;
    default:
        snprintf(buf, len, "?");
    }
}

static int article_exists(sqlite3 *db, int64_t id)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM articles WHERE id = ?1", -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

static int check_articles(sqlite3 *db, const struct correction *c, char *err, size_t errlen)
{
    int64_t ids[2] = {c->article, c->other};
    int n = c->op == CORR_MERGE || c->op == CORR_MOVE ? 2 : 1;
    for (int i = 0; i < n; i++) {
        int rc = article_exists(db, ids[i]);
        if (rc <= 0) {
            if (rc == 0)
                snprintf(err, errlen, "no article #%lld", (long long)ids[i]);
            else
                snprintf(err, errlen, "%s", sqlite3_errmsg(db));
            return -1;
        }
    }
    if (n == 2 && c->article == c->other) {
        snprintf(err, errlen, "#%lld and #%lld are the same article", (long long)c->article,
                 (long long)c->other);
        return -1;
    }
    return 0;
}

static void bind_optional_id(sqlite3_stmt *q, int i, int64_t id)
{
    if (id)
        sqlite3_bind_int64(q, i, id);
    else
        sqlite3_bind_null(q, i);
}

int corrections_add(struct store *s, struct correction *c, char *err, size_t errlen)
{
    sqlite3 *db = store_db(s);
    if (check_articles(db, c, err, errlen) < 0)
        return -1;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO corrections(made_at, op, article_id, other_id, kind, n,"
                           " value) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           -1, &q, NULL) != SQLITE_OK) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(db));
        return -1;
    }
    c->made_at = (int64_t)time(NULL);
    sqlite3_bind_int64(q, 1, c->made_at);
    sqlite3_bind_text(q, 2, correction_op_name(c->op), -1, SQLITE_STATIC);
    sqlite3_bind_int64(q, 3, c->article);
    bind_optional_id(q, 4, c->other);
    if (c->op == CORR_DROP_FIGURE)
        sqlite3_bind_text(q, 5, figure_kind_name(c->kind), -1, SQLITE_STATIC);
    if (c->op == CORR_DROP_FIGURE && c->n != FACT_NONE)
        sqlite3_bind_int64(q, 6, c->n);
    if (c->value)
        sqlite3_bind_text(q, 7, c->value, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        snprintf(err, errlen, "saving the correction: %s", sqlite3_errmsg(db));
        return -1;
    }
    c->id = sqlite3_last_insert_rowid(db);
    return 0;
}

static int read_row(sqlite3_stmt *q, struct correction *c)
{
    memset(c, 0, sizeof *c);
    c->id = sqlite3_column_int64(q, 0);
    c->made_at = sqlite3_column_int64(q, 1);
    int op = correction_op_from_name((const char *)sqlite3_column_text(q, 2));
    if (op < 0)
        return -1; /* written by a newer sitrep: left out rather than misread */
    c->op = (enum correction_op)op;
    c->article = sqlite3_column_int64(q, 3);
    c->other = sqlite3_column_int64(q, 4);
    int kind = figure_kind_from_name((const char *)sqlite3_column_text(q, 5));
    c->kind = kind < 0 ? FIG_KILLED : (enum figure_kind)kind;
    c->n = sqlite3_column_type(q, 6) == SQLITE_NULL ? FACT_NONE : (long)sqlite3_column_int64(q, 6);
    const unsigned char *v = sqlite3_column_text(q, 7);
    c->value = v ? strdup((const char *)v) : NULL;
    c->undone = sqlite3_column_int(q, 8);
    return 0;
}

static int has_table(sqlite3 *db)
{
    return store_query_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                               " AND name = 'corrections'") > 0;
}

long corrections_load(struct store *s, int with_undone, struct correction **out)
{
    *out = NULL;
    sqlite3 *db = store_db(s);
    if (!has_table(db))
        return 0;
    sqlite3_stmt *q;
    const char *sql = with_undone
                          ? "SELECT id, made_at, op, article_id, other_id, kind, n, value, undone"
                            " FROM corrections ORDER BY id"
                          : "SELECT id, made_at, op, article_id, other_id, kind, n, value, undone"
                            " FROM corrections WHERE undone = 0 ORDER BY id";
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    size_t n = 0, cap = 0;
    struct correction *list = NULL;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (n == cap) {
            size_t want = cap ? cap * 2 : 16;
            struct correction *grown = realloc(list, want * sizeof *grown);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            list = grown;
            cap = want;
        }
        if (read_row(q, &list[n]) == 0)
            n++;
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        corrections_free(list, n);
        return -1;
    }
    *out = list;
    return (long)n;
}

int corrections_undo_last(struct store *s, struct correction *undone)
{
    sqlite3 *db = store_db(s);
    if (!has_table(db))
        return 0;
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, made_at, op, article_id, other_id, kind, n, value, undone"
                           " FROM corrections WHERE undone = 0 ORDER BY id DESC LIMIT 1",
                           -1, &q, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(q);
    struct correction c;
    int found = rc == SQLITE_ROW && read_row(q, &c) == 0;
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return -1;
    if (!found)
        return 0;
    if (sqlite3_prepare_v2(db, "UPDATE corrections SET undone = 1 WHERE id = ?1", -1, &q, NULL) !=
        SQLITE_OK) {
        correction_clear(&c);
        return -1;
    }
    sqlite3_bind_int64(q, 1, c.id);
    rc = sqlite3_step(q);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        correction_clear(&c);
        return -1;
    }
    if (undone)
        *undone = c;
    else
        correction_clear(&c);
    return 1;
}

void correction_clear(struct correction *c)
{
    free(c->value);
    c->value = NULL;
}

void corrections_free(struct correction *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        correction_clear(&list[i]);
    free(list);
}
