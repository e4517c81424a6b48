/* tags.c: the reader's labels on articles. */
#include "store/tags.h"

#include <stdio.h>
#include <string.h>

#include "store/store_int.h"

const char tags_schema[] =
    "CREATE TABLE IF NOT EXISTS article_tags("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " tag TEXT NOT NULL COLLATE NOCASE, PRIMARY KEY(article_id, tag)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS article_tags_tag ON article_tags(tag, article_id);";

bool tag_name_valid(const char *name)
{
    size_t n = strlen(name);
    if (n == 0 || n > TAG_MAX_BYTES)
        return false;
    for (const unsigned char *c = (const unsigned char *)name; *c; c++)
        if (*c <= ' ' || *c == 127 || *c == ':' || *c == '"' || *c == '\'')
            return false;
    return true;
}

static bool article_exists(struct store *s, int64_t id)
{
    sqlite3_stmt *q = NULL;
    bool found = false;
    if (sqlite3_prepare_v2(s->db, "SELECT 1 FROM articles WHERE id = ?1", -1, &q, NULL) ==
        SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        found = sqlite3_step(q) == SQLITE_ROW;
    }
    sqlite3_finalize(q);
    return found;
}

static int change_tag(struct store *s, const char *sql, int64_t id, const char *tag, char *err,
                      size_t errlen)
{
    if (!tag_name_valid(tag)) {
        snprintf(err, errlen, "not a tag: '%.64s' (1-%d characters, no space, quote or colon)", tag,
                 TAG_MAX_BYTES);
        return -1;
    }
    if (!article_exists(s, id)) {
        snprintf(err, errlen, "no article #%lld", (long long)id);
        return -1;
    }
    sqlite3_stmt *q = NULL;
    int rc = sqlite3_prepare_v2(s->db, sql, -1, &q, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_text(q, 2, tag, -1, SQLITE_TRANSIENT);
        rc = sqlite3_step(q);
    }
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) {
        store_set_err(err, errlen, "tagging", s->db);
        return -1;
    }
    return sqlite3_changes(s->db) > 0 ? 1 : 0;
}

int store_tag_add(struct store *s, int64_t id, const char *tag, char *err, size_t errlen)
{
    return change_tag(s, "INSERT OR IGNORE INTO article_tags(article_id, tag) VALUES(?1, ?2)", id,
                      tag, err, errlen);
}

int store_tag_remove(struct store *s, int64_t id, const char *tag, char *err, size_t errlen)
{
    return change_tag(s, "DELETE FROM article_tags WHERE article_id = ?1 AND tag = ?2", id, tag,
                      err, errlen);
}

void store_tags_joined(struct store *s, int64_t id, const char *sep, char *buf, size_t cap)
{
    size_t used = 0;
    buf[0] = '\0';
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, "SELECT tag FROM article_tags WHERE article_id = ?1 ORDER BY tag",
                           -1, &q, NULL) != SQLITE_OK) {
        sqlite3_finalize(q);
        return;
    }
    sqlite3_bind_int64(q, 1, id);
    while (sqlite3_step(q) == SQLITE_ROW && used < cap) {
        int w = snprintf(buf + used, cap - used, "%s%s", used ? sep : "",
                         (const char *)sqlite3_column_text(q, 0));
        if (w < 0 || (size_t)w >= cap - used) {
            buf[used] = '\0'; /* a tag that does not fit is left out whole */
            break;
        }
        used += (size_t)w;
    }
    sqlite3_finalize(q);
}
