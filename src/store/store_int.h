/* store_int.h: what the store's files share and nobody else sees (SQLite's btreeInt.h
 * beside btree.h): the statement cache, the connection, the column helpers. */
#ifndef SITREP_STORE_INT_H
#define SITREP_STORE_INT_H

#include <stdbool.h>
#include <sqlite3.h>

#include "store/store.h"

/* One entry per cached statement; the SQL lives beside its name so they cannot drift. */
#define STORE_STATEMENTS(X)                                                                        \
    X(ST_HAS_HASH, "SELECT id FROM articles WHERE hash = ?1")                                      \
    X(ST_INSERT_ARTICLE,                                                                           \
      "INSERT INTO articles(hash, origin, url, title, date, source, author, dateline, text,"       \
      " format, imported_at, killed, wounded, destroyed, places, killed_word, wounded_word,"       \
      " destroyed_word, killed_max, wounded_max, destroyed_max)"                                   \
      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"   \
      " ?19, ?20, ?21)")                                                                           \
    X(ST_INSERT_FTS, "INSERT INTO articles_fts(rowid, title, text) VALUES(?1, ?2, ?3)")            \
    X(ST_INDEX_FROM, "INSERT INTO articles_fts(rowid, title, text)"                                \
                     " SELECT id, title, text FROM articles WHERE id >= ?1 ORDER BY id")           \
    X(ST_INSERT_SPANS,                                                                             \
      "INSERT INTO article_spans(article_id, sentences, mentions, dates) VALUES(?1, ?2, ?3, ?4)")  \
    X(ST_FIND_PLACE, "SELECT id, parent_id, lat IS NULL FROM places WHERE key = ?1")               \
    X(ST_INSERT_PLACE,                                                                             \
      "INSERT INTO places(key, name, kind, admin1, country, country_code, lat, lon, parent_id,"    \
      " depth) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")                                   \
    X(ST_FILL_PLACE,                                                                               \
      "UPDATE places SET lat = ?2, lon = ?3, admin1 = coalesce(admin1, ?4),"                       \
      " country = coalesce(country, ?5), country_code = coalesce(country_code, ?6) WHERE id = ?1") \
    X(ST_SET_PLACE_PARENT, "UPDATE places SET parent_id = ?2, depth = ?3 WHERE id = ?1")           \
    X(ST_INSERT_ANCESTOR,                                                                          \
      "INSERT OR IGNORE INTO place_ancestors(place_id, ancestor_id) VALUES(?1, ?2)")               \
    X(ST_INSERT_ARTICLE_PLACE,                                                                     \
      "INSERT INTO article_places(article_id, place_id, count, surface, first_sentence)"           \
      " VALUES(?1, ?2, ?3, ?4, ?5)")                                                               \
    X(ST_INSERT_EVENT_PLACE,                                                                       \
      "INSERT OR IGNORE INTO article_event_places(article_id, place_id, incident)"                 \
      " VALUES(?1, ?2, ?3)")                                                                       \
    X(ST_FIND_ACTOR, "SELECT id FROM actors WHERE name = ?1")                                      \
    X(ST_INSERT_ACTOR, "INSERT INTO actors(name) VALUES(?1)")                                      \
    X(ST_INSERT_ARTICLE_ACTOR,                                                                     \
      "INSERT INTO article_actors(article_id, actor_id, count, surface, first_sentence)"           \
      " VALUES(?1, ?2, ?3, ?4, ?5)")                                                               \
    X(ST_INSERT_FIGURE,                                                                            \
      "INSERT INTO figures(article_id, kind, n, min, max, qualifier, who, place, date, source,"    \
      " sentence, text, role, incident)"                                                           \
      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")                      \
    X(ST_COUNT, "SELECT n FROM article_count")                                                     \
    X(ST_GET_ARTICLE,                                                                              \
      "SELECT hash, origin, url, title, date, source, author, dateline, text, format"              \
      " FROM articles WHERE id = ?1")                                                              \
    X(ST_GET_SPANS, "SELECT sentences, mentions, dates FROM article_spans WHERE article_id = ?1")  \
    X(ST_GET_PLACES,                                                                               \
      "SELECT p.id, p.name, p.kind, p.admin1, p.country, p.country_code, p.lat, p.lon,"            \
      " ap.count, ap.surface, ap.first_sentence, p.key, par.name"                                  \
      " FROM article_places ap JOIN places p ON p.id = ap.place_id"                                \
      " LEFT JOIN places par ON par.id = p.parent_id"                                              \
      " WHERE ap.article_id = ?1 ORDER BY ap.rowid")                                               \
    X(ST_GET_CHAIN, "SELECT a.name, a.kind, a.key FROM place_ancestors pa JOIN places a ON a.id =" \
                    " pa.ancestor_id WHERE pa.place_id = ?1 AND a.id <> ?1 ORDER BY a.depth")      \
    X(ST_GET_ACTORS,                                                                               \
      "SELECT a.name, aa.count, aa.surface, aa.first_sentence FROM article_actors aa"              \
      " JOIN actors a ON a.id = aa.actor_id WHERE aa.article_id = ?1 ORDER BY aa.rowid")           \
    X(ST_GET_FIGURES,                                                                              \
      "SELECT kind, n, min, max, qualifier, who, place, date, source, sentence, text, role,"       \
      " incident"                                                                                  \
      " FROM figures WHERE article_id = ?1 ORDER BY id")                                           \
    X(ST_SET_READ, "UPDATE articles SET is_read = ?2 WHERE id = ?1")                               \
    X(ST_DELETE_ARTICLE, "DELETE FROM articles WHERE id = ?1")                                     \
    X(ST_BEGIN, "BEGIN IMMEDIATE")                                                                 \
    X(ST_COMMIT, "COMMIT")                                                                         \
    X(ST_ROLLBACK, "ROLLBACK")

#define AS_ENUM(name, sql) name,
#define AS_SQL(name, sql)  sql,
enum stmt_id { STORE_STATEMENTS(AS_ENUM) ST_COUNT_ALL };

struct store {
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT_ALL];
    /* figures FACT_BLOCK rows at once (article_write.c) */
    sqlite3_stmt *figure_block;
    /* Inside a batch, the first article not yet in the full-text index (0: none); see
     * store_add_article for why indexing waits for the commit. */
    int64_t unindexed_from;
    /* Place and actor ids by key during a batch begun with store_begin (key_cache.h);
     * in_batch says the cache may be trusted. */
    struct key_cache *place_ids, *actor_ids;
    bool in_batch;
    /* The batch was begun with store_begin_adding: SQLite's foreign-key checks are off
     * until it ends, so cascades do not run either. */
    bool parents_unchecked;
    int list_order;       /* enum store_list_order (list_window.h) */
    bool read_only;       /* opened without write access (asked for, or the only way to read) */
    char last_error[256]; /* why the last read failed on bad data (store_last_error) */
};

/* Records why a read refused stored data, for store_last_error. */
void store_note_error(struct store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The statement, prepared on first use and cached for the connection's life; NULL on error. */
sqlite3_stmt *store_stmt(struct store *s, enum stmt_id id);
/* Runs a cached statement that returns no row, and resets it. 0 or -1. */
int store_step_done(struct store *s, enum stmt_id id);
/* Runs SQL text (several statements allowed); the message goes to err. 0 or -1. */
int store_exec(sqlite3 *db, const char *sql, char *err, size_t errlen);
/* "what: SQLite's message" into err. */
void store_set_err(char *err, size_t errlen, const char *what, sqlite3 *db);

/* Deletes article id's row and its rows in every table that refers to articles, for
 * when foreign-key cascades are off (trash.c knows those tables). 0 or -1. */
int store_delete_owned(struct store *s, int64_t id);

/* A store around a connection opened elsewhere (a background job's); it closes the
 * connection with store_close. NULL out of memory (the connection is closed then). */
struct store *store_adopt(sqlite3 *db);

/* schema.c: migrates to the current version and makes the reader's indexes. */
int store_schema_update(sqlite3 *db, char *err, size_t errlen);
/* For a collection opened read-only: 0 when its schema is the latest, else -1 with why
 * (foreign, negative, older or newer version). */
int store_schema_check(sqlite3 *db, char *err, size_t errlen);
int store_schema_version_latest(void);

/* store.c: indexes the open batch's articles in the full-text index. */
int store_index_pending(struct store *s);
/* store.c: the cache of *which (&s->place_ids or &s->actor_ids), made on first use, while
 * a batch begun with store_begin is open; NULL otherwise (look the key up in SQL). */
struct key_cache *store_id_cache(struct store *s, struct key_cache **which);

/* columns.c: NULL binds SQL NULL; FACT_NONE binds NULL. */
void store_bind_text(sqlite3_stmt *q, int i, const char *v);
void store_bind_long(sqlite3_stmt *q, int i, long v);
/* Runs an insert and resets it; returns the new rowid or -1. */
int64_t store_run_insert(struct store *s, sqlite3_stmt *q);
char *store_dup_column(sqlite3_stmt *q, int i);
/* SQL NULL reads as FACT_NONE. */
long store_column_long(sqlite3_stmt *q, int i);
/* A JSON array of strings (the surface columns), and back. */
char *store_surface_json(char **list, size_t n);
int store_surface_parse(const char *json, char ***list, size_t *n);
/* The gazetteer id in a place key "g:<id>", 0 for other keys. */
int64_t store_gazetteer_id_of_key(const unsigned char *key);
const char *store_format_name(enum article_format fmt);
enum article_format store_format_from_name(const char *name);

/* place_write.c: stores a place with its chain; returns its row id or -1. */
int64_t store_write_place(struct store *s, const struct place_fact *p);
/* Stores where the article's events happened (store_prepare); place_ids[i] is the row of
 * the facts' place i. 0 or -1. */
int store_write_event_places(struct store *s, int64_t article_id, const struct store_prepared *pre,
                             const int64_t *place_ids);

#endif
