/* trash.c: deleting an article so that it can be taken back (trash.h). */
#include "store/trash.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"

enum { MAX_TABLES = 32, SQL_CAP = 4096 };

/* A table whose rows belong to an article: the WHERE clause that finds them. */
struct owned_table {
    char name[64];
    char where[256]; /* "article_id = ?1 OR other_id = ?1" */
};

/* SQL text from table and column names; -1 when it does not fit (never run cut short). */
static int sql_format(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int w = vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return w < 0 || (size_t)w >= cap ? -1 : 0;
}

static int append_key(struct owned_table *t, const char *column)
{
    size_t used = strlen(t->where);
    int w = snprintf(t->where + used, sizeof t->where - used, "%s\"%s\" = ?1", used ? " OR " : "",
                     column);
    return w < 0 || (size_t)w >= sizeof t->where - used ? -1 : 0;
}

/* The articles table first, then every table with a foreign key to it. */
static int owned_tables(sqlite3 *db, struct owned_table *out, int cap)
{
    static const char sql[] =
        "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
        " WHERE m.type = 'table' AND f.\"table\" = 'articles' AND m.name NOT LIKE 'trash\\_%'"
        " ESCAPE '\\' ORDER BY m.name";
    int n = 1;
    memset(out, 0, sizeof *out * (size_t)cap);
    snprintf(out[0].name, sizeof out[0].name, "articles");
    append_key(&out[0], "id");
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    while (sqlite3_step(q) == SQLITE_ROW) {
        const char *table = (const char *)sqlite3_column_text(q, 0);
        const char *column = (const char *)sqlite3_column_text(q, 1);
        if (n > 1 && strcmp(out[n - 1].name, table) == 0) {
            append_key(&out[n - 1], column); /* a second column naming an article */
            continue;
        }
        if (n == cap || strlen(table) >= sizeof out[n].name)
            break;
        snprintf(out[n].name, sizeof out[n].name, "%s", table);
        append_key(&out[n], column);
        n++;
    }
    sqlite3_finalize(q);
    return n;
}

/* The table's columns, quoted and joined by commas, into buf. */
static int column_list(sqlite3 *db, const char *table, char *buf, size_t cap)
{
    sqlite3_stmt *q = NULL;
    int rc = -1;
    if (sqlite3_prepare_v2(db,
                           "SELECT group_concat('\"' || name || '\"', ',')"
                           " FROM pragma_table_info(?1)",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, table, -1, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0)) {
            int w = snprintf(buf, cap, "%s", (const char *)sqlite3_column_text(q, 0));
            rc = w > 0 && (size_t)w < cap ? 0 : -1;
        }
    }
    sqlite3_finalize(q);
    return rc;
}

static int run(sqlite3 *db, const char *sql, int64_t id)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    sqlite3_finalize(q);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* trash_<table> with the table's columns (and any it gained since) and trash_of. */
static int ensure_trash(sqlite3 *db, const char *table)
{
    char sql[SQL_CAP];
    if (sql_format(sql, sizeof sql,
                   "CREATE TABLE IF NOT EXISTS \"trash_%s\" AS SELECT 0 AS trash_of, * FROM \"%s\""
                   " WHERE 0",
                   table, table) < 0)
        return -1;
    if (store_exec(db, sql, NULL, 0) < 0)
        return -1;
    if (sql_format(sql, sizeof sql,
                   "SELECT name FROM pragma_table_info('%s') WHERE name NOT IN"
                   " (SELECT name FROM pragma_table_info('trash_%s'))",
                   table, table) < 0)
        return -1;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    int rc = 0;
    while (rc == 0 && sqlite3_step(q) == SQLITE_ROW) {
        char alter[300];
        rc = sql_format(alter, sizeof alter, "ALTER TABLE \"trash_%s\" ADD COLUMN \"%s\"", table,
                        (const char *)sqlite3_column_text(q, 0));
        if (rc == 0)
            rc = store_exec(db, alter, NULL, 0);
    }
    sqlite3_finalize(q);
    return rc;
}

static int copy_to_trash(sqlite3 *db, const struct owned_table *t, int64_t id)
{
    char cols[SQL_CAP / 2], sql[SQL_CAP];
    if (ensure_trash(db, t->name) < 0 || column_list(db, t->name, cols, sizeof cols) < 0)
        return -1;
    if (sql_format(sql, sizeof sql, "DELETE FROM \"trash_%s\" WHERE trash_of = ?1", t->name) < 0)
        return -1;
    if (run(db, sql, id) < 0)
        return -1;
    /* rows keep their order (the facts pane lists places and mentions by rowid); a table
     * WITHOUT ROWID has none and is read in key order instead */
    if (sql_format(sql, sizeof sql,
                   "INSERT INTO \"trash_%s\"(trash_of, %s) SELECT ?1, %s FROM \"%s\" WHERE %s"
                   " ORDER BY rowid",
                   t->name, cols, cols, t->name, t->where) < 0)
        return -1;
    if (run(db, sql, id) == 0)
        return 0;
    if (sql_format(sql, sizeof sql,
                   "INSERT INTO \"trash_%s\"(trash_of, %s) SELECT ?1, %s FROM \"%s\" WHERE %s",
                   t->name, cols, cols, t->name, t->where) < 0)
        return -1;
    return run(db, sql, id);
}

static int copy_back(sqlite3 *db, const struct owned_table *t, int64_t id)
{
    char cols[SQL_CAP / 2], sql[SQL_CAP];
    if (ensure_trash(db, t->name) < 0 || column_list(db, t->name, cols, sizeof cols) < 0)
        return -1;
    if (sql_format(sql, sizeof sql,
                   "INSERT INTO \"%s\"(%s) SELECT %s FROM \"trash_%s\" WHERE trash_of = ?1"
                   " ORDER BY rowid",
                   t->name, cols, cols, t->name) < 0)
        return -1;
    return run(db, sql, id);
}

static int forget(sqlite3 *db, const struct owned_table *tables, int n, int64_t id)
{
    char sql[300];
    for (int i = 0; i < n; i++) {
        if (sql_format(sql, sizeof sql, "DELETE FROM \"trash_%s\" WHERE trash_of = ?1",
                       tables[i].name) < 0)
            return -1;
        if (run(db, sql, id) < 0)
            return -1;
    }
    return 0;
}

static bool in_trash(sqlite3 *db, int64_t id)
{
    sqlite3_stmt *q = NULL;
    bool found = false;
    if (sqlite3_prepare_v2(db, "SELECT 1 FROM trash_articles WHERE trash_of = ?1", -1, &q, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        found = sqlite3_step(q) == SQLITE_ROW;
    }
    sqlite3_finalize(q);
    return found;
}

static int finish(struct store *s, int rc, const char *what, char *err, size_t errlen)
{
    if (rc == 0 && store_exec(s->db, "COMMIT", err, errlen) == 0)
        return 0;
    if (err && errlen && !err[0])
        store_set_err(err, errlen, what, s->db);
    store_exec(s->db, "ROLLBACK", NULL, 0);
    return -1;
}

int store_trash_article(struct store *s, int64_t id, char *err, size_t errlen)
{
    struct owned_table tables[MAX_TABLES];
    if (err && errlen)
        err[0] = '\0';
    if (store_exec(s->db, "BEGIN IMMEDIATE", err, errlen) < 0)
        return -1;
    int n = owned_tables(s->db, tables, MAX_TABLES), rc = n > 0 ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = copy_to_trash(s->db, &tables[i], id);
    if (rc == 0) {
        /* the children go by cascade, the search index by its trigger */
        rc = run(s->db, "DELETE FROM articles WHERE id = ?1", id);
        if (rc == 0 && sqlite3_changes(s->db) == 0) {
            snprintf(err, errlen, "no article #%lld", (long long)id);
            rc = -1;
        }
    }
    return finish(s, rc, "deleting", err, errlen);
}

int store_delete_owned(struct store *s, int64_t id)
{
    struct owned_table tables[MAX_TABLES];
    int n = owned_tables(s->db, tables, MAX_TABLES), rc = n > 0 ? 0 : -1;
    char sql[400];
    for (int i = n - 1; rc == 0 && i >= 0; i--) /* the articles row last */
        rc = sql_format(sql, sizeof sql, "DELETE FROM \"%s\" WHERE %s", tables[i].name,
                        tables[i].where) < 0
                 ? -1
                 : run(s->db, sql, id);
    return rc;
}

int store_restore_article(struct store *s, int64_t id, char *err, size_t errlen)
{
    struct owned_table tables[MAX_TABLES];
    if (err && errlen)
        err[0] = '\0';
    if (store_exec(s->db, "BEGIN IMMEDIATE", err, errlen) < 0)
        return -1;
    int n = owned_tables(s->db, tables, MAX_TABLES), rc = n > 0 ? 0 : -1;
    if (rc == 0 && (ensure_trash(s->db, "articles") < 0 || !in_trash(s->db, id))) {
        snprintf(err, errlen, "article #%lld is not in the trash", (long long)id);
        rc = -1;
    }
    for (int i = 0; rc == 0 && i < n; i++)
        rc = copy_back(s->db, &tables[i], id);
    if (rc == 0)
        rc = run(s->db,
                 "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text"
                 " FROM articles WHERE id = ?1",
                 id);
    if (rc == 0)
        rc = forget(s->db, tables, n, id);
    if (rc < 0 && err && errlen && !err[0])
        store_set_err(err, errlen, "restoring", s->db);
    return finish(s, rc, "restoring", err, errlen);
}

int store_trash_forget(struct store *s, int64_t id)
{
    struct owned_table tables[MAX_TABLES];
    if (store_exec(s->db, "BEGIN IMMEDIATE", NULL, 0) < 0)
        return -1;
    int n = owned_tables(s->db, tables, MAX_TABLES), rc = n > 0 ? 0 : -1;
    for (int i = 0; rc == 0 && i < n; i++)
        rc = ensure_trash(s->db, tables[i].name);
    if (rc == 0)
        rc = forget(s->db, tables, n, id);
    return finish(s, rc, "forgetting", NULL, 0);
}
