/* store.c: the collection in SQLite. Every statement is prepared once and cached, because
 * an import runs the same handful of inserts hundreds of thousands of times. */
#include "store/store.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <time.h>

#include "extract/salience.h"
#include "base/text.h"

/* One entry per cached statement; the SQL lives beside its name so they cannot drift. */
#define STORE_STATEMENTS(X)                                                                        \
    X(ST_HAS_HASH, "SELECT id FROM articles WHERE hash = ?1")                                      \
    X(ST_INSERT_ARTICLE,                                                                           \
      "INSERT INTO articles(hash, origin, url, title, date, source, author, dateline, text,"       \
      " format, imported_at, killed, wounded, destroyed, places)"                                  \
      " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)")                 \
    X(ST_INSERT_FTS, "INSERT INTO articles_fts(rowid, title, text) VALUES(?1, ?2, ?3)")            \
    X(ST_INDEX_FROM, "INSERT INTO articles_fts(rowid, title, text)"                                \
                     " SELECT id, title, text FROM articles WHERE id >= ?1 ORDER BY id")           \
    X(ST_INSERT_SENTENCE,                                                                          \
      "INSERT INTO sentences(article_id, idx, start, len) VALUES(?1,?2,?3,?4)")                    \
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
    X(ST_FIND_ACTOR, "SELECT id FROM actors WHERE name = ?1")                                      \
    X(ST_INSERT_ACTOR, "INSERT INTO actors(name) VALUES(?1)")                                      \
    X(ST_INSERT_ARTICLE_ACTOR,                                                                     \
      "INSERT INTO article_actors(article_id, actor_id, count, surface, first_sentence)"           \
      " VALUES(?1, ?2, ?3, ?4, ?5)")                                                               \
    X(ST_INSERT_FIGURE,                                                                            \
      "INSERT INTO figures(article_id, kind, n, min, max, qualifier, who, place, date, source,"    \
      " sentence, text) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")                \
    X(ST_INSERT_DATE,                                                                              \
      "INSERT INTO dates(article_id, text, value, weekday, sentence) VALUES(?1,?2,?3,?4,?5)")      \
    X(ST_INSERT_MENTION, "INSERT INTO mentions(article_id, type, idx, sentence, start, len)"       \
                         " VALUES(?1, ?2, ?3, ?4, ?5, ?6)")                                        \
    X(ST_COUNT, "SELECT count(*) FROM articles")                                                   \
    X(ST_GET_ARTICLE,                                                                              \
      "SELECT hash, origin, url, title, date, source, author, dateline, text, format"              \
      " FROM articles WHERE id = ?1")                                                              \
    X(ST_GET_SENTENCES, "SELECT start, len FROM sentences WHERE article_id = ?1 ORDER BY idx")     \
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
      "SELECT kind, n, min, max, qualifier, who, place, date, source, sentence, text"              \
      " FROM figures WHERE article_id = ?1 ORDER BY id")                                           \
    X(ST_GET_DATES,                                                                                \
      "SELECT text, value, weekday, sentence FROM dates WHERE article_id = ?1 ORDER BY id")        \
    X(ST_GET_MENTIONS,                                                                             \
      "SELECT type, idx, sentence, start, len FROM mentions WHERE article_id = ?1"                 \
      " ORDER BY rowid")                                                                           \
    X(ST_SET_READ, "UPDATE articles SET is_read = ?2 WHERE id = ?1")                               \
    X(ST_DELETE_ARTICLE, "DELETE FROM articles WHERE id = ?1")                                     \
    X(ST_BEGIN, "BEGIN IMMEDIATE")                                                                 \
    X(ST_COMMIT, "COMMIT")                                                                         \
    X(ST_ROLLBACK, "ROLLBACK")

#define AS_ENUM(name, sql) name,
#define AS_SQL(name, sql)  sql,
enum stmt_id { STORE_STATEMENTS(AS_ENUM) ST_COUNT_ALL };
static const char *const stmt_sql[] = {STORE_STATEMENTS(AS_SQL)};

struct store {
    sqlite3 *db;
    sqlite3_stmt *stmt[ST_COUNT_ALL];
    sqlite3_stmt *sentence_block; /* inserts SENTENCE_BLOCK rows at once */
    /* Inside a batch, the first article not yet in the full-text index (0: none); see
     * store_add_article for why indexing waits for the commit. */
    int64_t unindexed_from;
};

/* Version 1 of the schema (store.h documents the current one for the modules that query
 * it); the migrations after it change it step by step. */
static const char schema_v1[] =
    "CREATE TABLE articles("
    " id INTEGER PRIMARY KEY, hash TEXT UNIQUE NOT NULL, origin TEXT, url TEXT,"
    " title TEXT NOT NULL, date TEXT, source TEXT, author TEXT, dateline TEXT,"
    " text TEXT NOT NULL, format TEXT, imported_at INTEGER,"
    " is_read INTEGER NOT NULL DEFAULT 0, killed INTEGER, wounded INTEGER,"
    " destroyed INTEGER, places TEXT);"
    "CREATE INDEX articles_date ON articles(date);"
    "CREATE TABLE sentences("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " idx INTEGER NOT NULL, start INTEGER NOT NULL, len INTEGER NOT NULL,"
    " PRIMARY KEY(article_id, idx)) WITHOUT ROWID;"
    "CREATE TABLE places("
    " id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL, name TEXT NOT NULL, kind TEXT,"
    " admin1 TEXT, country TEXT, country_code TEXT, lat REAL, lon REAL,"
    " parent_id INTEGER REFERENCES places(id), depth INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX places_parent ON places(parent_id);"
    "CREATE TABLE place_ancestors("
    " place_id INTEGER NOT NULL REFERENCES places(id),"
    " ancestor_id INTEGER NOT NULL REFERENCES places(id),"
    " PRIMARY KEY(place_id, ancestor_id)) WITHOUT ROWID;"
    "CREATE INDEX place_ancestors_ancestor ON place_ancestors(ancestor_id, place_id);"
    "CREATE TABLE article_places("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " place_id INTEGER NOT NULL REFERENCES places(id), count INTEGER NOT NULL DEFAULT 0,"
    " surface TEXT, first_sentence INTEGER, UNIQUE(article_id, place_id));"
    "CREATE INDEX article_places_place ON article_places(place_id);"
    "CREATE TABLE actors(id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL);"
    "CREATE TABLE article_actors("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " actor_id INTEGER NOT NULL REFERENCES actors(id), count INTEGER NOT NULL DEFAULT 0,"
    " surface TEXT, first_sentence INTEGER, UNIQUE(article_id, actor_id));"
    "CREATE INDEX article_actors_actor ON article_actors(actor_id);"
    "CREATE TABLE figures("
    " id INTEGER PRIMARY KEY,"
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " kind TEXT NOT NULL, n INTEGER, min INTEGER, max INTEGER, qualifier TEXT, who TEXT,"
    " place TEXT, date TEXT, source TEXT, sentence INTEGER, text TEXT);"
    "CREATE INDEX figures_article ON figures(article_id);"
    "CREATE INDEX figures_kind ON figures(kind, n);"
    "CREATE TABLE dates("
    " id INTEGER PRIMARY KEY,"
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " text TEXT, value TEXT, weekday TEXT, sentence INTEGER);"
    "CREATE INDEX dates_article ON dates(article_id);"
    "CREATE INDEX dates_value ON dates(value);"
    "CREATE TABLE mentions("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " type TEXT NOT NULL, idx INTEGER NOT NULL, sentence INTEGER, start INTEGER NOT NULL,"
    " len INTEGER NOT NULL);"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
    " content_rowid='id');"
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    " VALUES('delete', old.id, old.title, old.text); END;"
    "CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN"
    " INSERT INTO articles_fts(articles_fts, rowid, title, text)"
    " VALUES('delete', old.id, old.title, old.text);"
    " INSERT INTO articles_fts(rowid, title, text) VALUES(new.id, new.title, new.text); END;"
    "CREATE TABLE events("
    " id INTEGER PRIMARY KEY, label TEXT, score REAL, first_date TEXT, last_date TEXT,"
    " place TEXT, reasons TEXT);"
    "CREATE TABLE event_articles("
    " event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,"
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " score REAL, reasons TEXT, PRIMARY KEY(event_id, article_id)) WITHOUT ROWID;"
    "CREATE INDEX event_articles_article ON event_articles(article_id);";

/* Indexes the reader's filters read instead of the tables, whose rows carry whole texts:
 * - article ids by place, so the place filter never visits article_places' rows (a place
 *   in half of 100,000 articles: 134 ms to 42 ms to filter);
 * - articles in list order with the columns the filter line tests, so a count, a page of
 *   the list or killed>=10 reads this index and not the articles.
 * Made at every open (IF NOT EXISTS) so that existing collections get them once. */
static const char reader_indexes_sql[] =
    "CREATE INDEX IF NOT EXISTS article_places_place_article"
    " ON article_places(place_id, article_id);"
    "DROP INDEX IF EXISTS article_places_place;"
    "CREATE INDEX IF NOT EXISTS articles_list"
    " ON articles(date, killed, wounded, destroyed, is_read, source);"
    "DROP INDEX IF EXISTS articles_date;";

/* Version 2: search finds a word in its other forms ("airstrike" finds "airstrikes",
 * "kill" finds "killed"): the full-text index is rebuilt with the Porter stemmer. */
static const char schema_v2[] =
    "DROP TABLE articles_fts;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
    " content_rowid='id', tokenize='porter unicode61');"
    "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');";

/* Version 3: subscriptions (store/feeds.h). feed_items maps an item's identity in its feed
 * (guid, else link) to the article made of it, so a changed item replaces its article.
 * IF NOT EXISTS: a test takes a current database back to version 1 to migrate it again. */
static const char schema_v3[] =
    "CREATE TABLE IF NOT EXISTS feeds(id INTEGER PRIMARY KEY, url TEXT UNIQUE NOT NULL,"
    " name TEXT, title TEXT, full INTEGER NOT NULL DEFAULT 0, etag TEXT, last_modified TEXT,"
    " last_fetch INTEGER, last_status INTEGER, last_error TEXT, added_at INTEGER);"
    "CREATE TABLE IF NOT EXISTS feed_tags("
    " feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
    " tag TEXT NOT NULL, PRIMARY KEY(feed_id, tag));"
    "CREATE TABLE IF NOT EXISTS feed_items("
    " feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE, key TEXT NOT NULL,"
    " article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL, item_hash TEXT,"
    " run INTEGER, PRIMARY KEY(feed_id, key));"
    "CREATE INDEX IF NOT EXISTS feed_items_article ON feed_items(article_id);";

/* Migrations in order: migrations[v] takes a database from version v to v + 1. */
static const char *const migrations[] = {schema_v1, schema_v2, schema_v3};

static void set_err(char *err, size_t errlen, const char *what, sqlite3 *db)
{
    if (err && errlen)
        snprintf(err, errlen, "%s: %s", what, db ? sqlite3_errmsg(db) : "out of memory");
}

static sqlite3_stmt *stmt(struct store *s, enum stmt_id id)
{
    if (!s->stmt[id]) {
        if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT, &s->stmt[id],
                               NULL) != SQLITE_OK) {
            s->stmt[id] = NULL;
            return NULL;
        }
    }
    return s->stmt[id];
}

static int exec(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err && errlen)
            snprintf(err, errlen, "%s", msg ? msg : "SQLite error");
        sqlite3_free(msg);
        return -1;
    }
    return 0;
}

int64_t store_query_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *q;
    int64_t v = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -1;
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

static int user_version(sqlite3 *db)
{
    return (int)store_query_int(db, "PRAGMA user_version");
}

/* Each step runs in its own transaction together with its version bump, so an interrupted
 * migration leaves the database at the previous version rather than half-migrated. */
static int migrate(sqlite3 *db, char *err, size_t errlen)
{
    int v = user_version(db);
    int latest = (int)(sizeof migrations / sizeof migrations[0]);
    if (v < 0) {
        set_err(err, errlen, "reading schema version", db);
        return -1;
    }
    if (v > latest) {
        snprintf(err, errlen, "database schema version %d is newer than this sitrep (%d)", v,
                 latest);
        return -1;
    }
    /* a new collection runs every step at once; an existing one may take seconds (version
     * 2 rebuilds the search index: 100,000 articles, about 6 s), so say why it waits */
    if (v > 0 && v < latest && isatty(STDERR_FILENO))
        fprintf(stderr, "sitrep: updating the collection from version %d to %d...\n", v, latest);
    for (; v < latest; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", v + 1);
        if (exec(db, "BEGIN IMMEDIATE", err, errlen) < 0)
            return -1;
        if (exec(db, migrations[v], err, errlen) < 0 || exec(db, bump, err, errlen) < 0) {
            exec(db, "ROLLBACK", NULL, 0);
            return -1;
        }
        if (exec(db, "COMMIT", err, errlen) < 0)
            return -1;
    }
    return 0;
}

int store_open(const char *path, struct store **out, char *err, size_t errlen)
{
    *out = NULL;
    struct store *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* Each connection is used by one thread, and nobody reads SQLite's memory statistics:
     * without the mutexes and counters an import runs measurably faster. The config call
     * only succeeds before SQLite initialises, which is harmless to attempt every time. */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (sqlite3_open_v2(path, &s->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL) != SQLITE_OK) {
        snprintf(err, errlen, "cannot open %s: %s", path,
                 s->db ? sqlite3_errmsg(s->db) : "out of memory");
        store_close(s);
        return -1;
    }
    sqlite3_busy_timeout(s->db, 5000);
    if (exec(s->db,
             "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
             " PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768;"
             " PRAGMA temp_store = MEMORY;"
             " PRAGMA wal_autocheckpoint = 8192;",
             err, errlen) < 0 ||
        migrate(s->db, err, errlen) < 0 ||
        /* Databases made by early builds of version 1 indexed through a trigger; the store
         * now writes the index itself, and both would index every article twice. */
        exec(s->db, "DROP TRIGGER IF EXISTS articles_fts_insert", err, errlen) < 0 ||
        exec(s->db, reader_indexes_sql, err, errlen) < 0) {
        char why[256];
        snprintf(why, sizeof why, "%s", err);
        snprintf(err, errlen, "%s: %s", path, why);
        store_close(s);
        return -1;
    }
    *out = s;
    return 0;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    for (int i = 0; i < ST_COUNT_ALL; i++)
        sqlite3_finalize(s->stmt[i]);
    sqlite3_finalize(s->sentence_block);
    sqlite3_close(s->db);
    free(s);
}

struct store *store_open_reader(struct store *s)
{
    const char *file = sqlite3_db_filename(s->db, "main");
    if (!file || !*file)
        return NULL;
    struct store *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    if (sqlite3_open_v2(file, &r->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        store_close(r);
        return NULL;
    }
    sqlite3_busy_timeout(r->db, 5000);
    return r;
}

static int mkdir_p(char *path)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    if (mkdir(path, 0700) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

char *store_default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX];
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(dir, sizeof dir, "%s/sitrep", xdg);
    else if (home && home[0])
        n = snprintf(dir, sizeof dir, "%s/.local/share/sitrep", home);
    else
        return NULL;
    if (n < 0 || (size_t)n >= sizeof dir - 16 || mkdir_p(dir) < 0)
        return NULL;
    size_t len = strlen(dir) + sizeof "/sitrep.db";
    char *path = malloc(len);
    if (path)
        snprintf(path, len, "%s/sitrep.db", dir);
    return path;
}

sqlite3 *store_db(struct store *s)
{
    return s->db;
}

static int step_done(struct store *s, enum stmt_id id)
{
    sqlite3_stmt *q = stmt(s, id);
    if (!q)
        return -1;
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE ? 0 : -1;
}

int store_begin(struct store *s)
{
    s->unindexed_from = 0;
    return step_done(s, ST_BEGIN);
}

/* Indexes the batch's articles so far, in one statement and in rowid order. */
static int index_pending(struct store *s)
{
    if (s->unindexed_from == 0)
        return 0;
    sqlite3_stmt *q = stmt(s, ST_INDEX_FROM);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, s->unindexed_from);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    if (rc != SQLITE_DONE)
        return -1;
    s->unindexed_from = 0;
    return 0;
}

int store_commit(struct store *s)
{
    if (index_pending(s) < 0)
        return -1;
    return step_done(s, ST_COMMIT);
}

int store_rollback(struct store *s)
{
    s->unindexed_from = 0;
    return step_done(s, ST_ROLLBACK);
}

/* ---- binding helpers ---- */

static void bind_text(sqlite3_stmt *q, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(q, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(q, i);
}

static void bind_long(sqlite3_stmt *q, int i, long v)
{
    if (v == FACT_NONE)
        sqlite3_bind_null(q, i);
    else
        sqlite3_bind_int64(q, i, v);
}

/* Runs an insert and resets it; returns the new rowid or -1. */
static int64_t run_insert(struct store *s, sqlite3_stmt *q)
{
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    sqlite3_clear_bindings(q);
    return rc == SQLITE_DONE ? sqlite3_last_insert_rowid(s->db) : -1;
}

static char *dup_column(sqlite3_stmt *q, int i)
{
    const unsigned char *t = sqlite3_column_text(q, i);
    return t ? strdup((const char *)t) : NULL;
}

/* A JSON array of strings, for the surface columns (["Qaim","al-Qaim"]). */
static char *surface_json(char **list, size_t n)
{
    size_t cap = 3;
    for (size_t i = 0; i < n; i++)
        cap += strlen(list[i]) * 6 + 3;
    char *out = malloc(cap), *p = out;
    if (!out)
        return NULL;
    *p++ = '[';
    for (size_t i = 0; i < n; i++) {
        if (i)
            *p++ = ',';
        *p++ = '"';
        for (const unsigned char *c = (const unsigned char *)list[i]; *c; c++) {
            if (*c == '"' || *c == '\\') {
                *p++ = '\\';
                *p++ = (char)*c;
            } else if (*c < 0x20) {
                p += sprintf(p, "\\u%04x", *c);
            } else {
                *p++ = (char)*c;
            }
        }
        *p++ = '"';
    }
    *p++ = ']';
    *p = '\0';
    return out;
}

/* Reads back what surface_json wrote (only the escapes it produces). */
static int surface_parse(const char *json, char ***list, size_t *n)
{
    *list = NULL;
    *n = 0;
    if (!json)
        return 0;
    const char *p = json;
    while (*p && *p != '"')
        p++;
    while (*p == '"') {
        size_t len = strlen(p);
        char *buf = malloc(len), *w = buf;
        if (!buf)
            return -1;
        for (p++; *p && *p != '"'; p++) {
            if (*p == '\\' && p[1] == 'u' && strlen(p) >= 6) {
                char hex[5] = {p[2], p[3], p[4], p[5], 0};
                *w++ = (char)strtol(hex, NULL, 16);
                p += 5;
            } else if (*p == '\\' && p[1]) {
                *w++ = *++p;
            } else {
                *w++ = *p;
            }
        }
        *w = '\0';
        int rc = facts_add_surface(list, n, buf);
        free(buf);
        if (rc < 0)
            return -1;
        if (*p == '"')
            p++;
        while (*p && *p != '"')
            p++;
    }
    return 0;
}

/* ---- places ---- */

static void place_key(char *out, size_t cap, int64_t gazetteer_id, const char *country_code,
                      const char *name)
{
    if (gazetteer_id > 0) {
        snprintf(out, cap, "g:%lld", (long long)gazetteer_id);
        return;
    }
    char folded[256];
    text_fold(name ? name : "", name ? strlen(name) : 0, folded, sizeof folded);
    snprintf(out, cap, "t:%s:%s", country_code ? country_code : "", folded);
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
    sqlite3_stmt *q = stmt(s, ST_INSERT_ANCESTOR);
    if (!q)
        return -1;
    for (size_t i = 0; i <= r->n_ancestors; i++) {
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, i < r->n_ancestors ? r->ancestors[i] : id);
        if (run_insert(s, q) < 0)
            return -1;
    }
    return 0;
}

static int fill_place(struct store *s, int64_t id, const struct place_row *r)
{
    sqlite3_stmt *u = stmt(s, ST_FILL_PLACE);
    if (!u)
        return -1;
    sqlite3_bind_int64(u, 1, id);
    sqlite3_bind_double(u, 2, r->lat);
    sqlite3_bind_double(u, 3, r->lon);
    bind_text(u, 4, r->admin1);
    bind_text(u, 5, r->country);
    bind_text(u, 6, r->country_code);
    return run_insert(s, u) < 0 ? -1 : 0;
}

/* Finds or creates a place row. A place first seen without its enclosing places gains them
 * the first time an article supplies them. Returns the id or -1. */
static int64_t upsert_place(struct store *s, const struct place_row *r)
{
    sqlite3_stmt *q = stmt(s, ST_FIND_PLACE);
    if (!q)
        return -1;
    sqlite3_bind_text(q, 1, r->key, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    int64_t id = -1, parent = 0;
    bool lacks_coords = false;
    if (rc == SQLITE_ROW) {
        id = sqlite3_column_int64(q, 0);
        parent = sqlite3_column_int64(q, 1);
        lacks_coords = sqlite3_column_int(q, 2) != 0;
    }
    sqlite3_reset(q);
    /* A place first stored as someone's enclosing place has no coordinates until an
     * article names it in its own right. */
    if (rc == SQLITE_ROW && lacks_coords && r->has_coords && fill_place(s, id, r) < 0)
        return -1;
    if (rc == SQLITE_ROW) {
        int64_t parent_id = r->n_ancestors ? r->ancestors[r->n_ancestors - 1] : 0;
        if (parent == 0 && parent_id > 0 && parent_id != id) {
            sqlite3_stmt *u = stmt(s, ST_SET_PLACE_PARENT);
            if (!u)
                return -1;
            sqlite3_bind_int64(u, 1, id);
            sqlite3_bind_int64(u, 2, parent_id);
            sqlite3_bind_int(u, 3, r->depth);
            if (run_insert(s, u) < 0 || write_ancestors(s, id, r) < 0)
                return -1;
        }
        return id;
    }
    if (rc != SQLITE_DONE)
        return -1;
    q = stmt(s, ST_INSERT_PLACE);
    if (!q)
        return -1;
    bind_text(q, 1, r->key);
    bind_text(q, 2, r->name ? r->name : "");
    bind_text(q, 3, place_kind_name(r->kind));
    bind_text(q, 4, r->admin1);
    bind_text(q, 5, r->country);
    bind_text(q, 6, r->country_code);
    if (r->has_coords) {
        sqlite3_bind_double(q, 7, r->lat);
        sqlite3_bind_double(q, 8, r->lon);
    }
    if (r->n_ancestors)
        sqlite3_bind_int64(q, 9, r->ancestors[r->n_ancestors - 1]);
    sqlite3_bind_int(q, 10, r->depth);
    id = run_insert(s, q);
    if (id < 0 || write_ancestors(s, id, r) < 0)
        return -1;
    return id;
}

/* Stores the chain outermost first, then the place itself under the innermost link. */
static int64_t store_place(struct store *s, const struct place_fact *p)
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

/* ---- article summary columns ---- */

static long figure_value(const struct figure_fact *g)
{
    if (g->n != FACT_NONE)
        return g->n;
    if (g->max != FACT_NONE)
        return g->max;
    return g->min;
}

/* The report's own figure of a kind (figure_outranks), for the list's columns. */
static long report_figure(const struct facts *f, enum figure_kind kind)
{
    long best = FACT_NONE;
    int best_sentence = 0;
    for (size_t i = 0; i < f->n_figures; i++) {
        long v = figure_value(&f->figures[i]);
        if (f->figures[i].kind != kind || v == FACT_NONE)
            continue;
        if (best == FACT_NONE || figure_outranks(v, f->figures[i].sentence, best, best_sentence)) {
            best = v;
            best_sentence = f->figures[i].sentence;
        }
    }
    return best;
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

/* ---- adding ---- */

static const char *format_name(enum article_format fmt)
{
    switch (fmt) {
    case FORMAT_TEXT:
        return "text";
    case FORMAT_HTML:
        return "html";
    case FORMAT_FEED:
        return "feed";
    default:
        return NULL;
    }
}

static enum article_format format_from_name(const char *name)
{
    if (!name)
        return FORMAT_AUTO;
    if (strcmp(name, "text") == 0)
        return FORMAT_TEXT;
    if (strcmp(name, "html") == 0)
        return FORMAT_HTML;
    if (strcmp(name, "feed") == 0)
        return FORMAT_FEED;
    return FORMAT_AUTO;
}

int64_t store_find_hash(struct store *s, const char *hash)
{
    sqlite3_stmt *q = stmt(s, ST_HAS_HASH);
    if (!q)
        return -1;
    sqlite3_bind_text(q, 1, hash, -1, SQLITE_STATIC);
    int64_t id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
    sqlite3_reset(q);
    return id;
}

static int64_t insert_article_row(struct store *s, const struct article *a, const struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_INSERT_ARTICLE);
    if (!q)
        return -1;
    char *summary = f ? places_summary(f, a) : NULL;
    bind_text(q, 1, a->hash);
    bind_text(q, 2, a->origin);
    bind_text(q, 3, a->url);
    bind_text(q, 4, a->title ? a->title : "");
    bind_text(q, 5, a->date);
    bind_text(q, 6, a->source);
    bind_text(q, 7, a->author);
    bind_text(q, 8, a->dateline);
    sqlite3_bind_text(q, 9, a->text ? a->text : "", a->text ? (int)a->text_len : 0, SQLITE_STATIC);
    bind_text(q, 10, format_name(a->format));
    sqlite3_bind_int64(q, 11, (sqlite3_int64)time(NULL));
    bind_long(q, 12, f ? report_figure(f, FIG_KILLED) : FACT_NONE);
    bind_long(q, 13, f ? report_figure(f, FIG_WOUNDED) : FACT_NONE);
    bind_long(q, 14, f ? report_figure(f, FIG_DESTROYED) : FACT_NONE);
    bind_text(q, 15, summary);
    int64_t id = run_insert(s, q);
    free(summary);
    return id;
}

/* An article has dozens of sentences and a statement step costs more than the row it
 * writes, so they go in blocks of SENTENCE_BLOCK rows per step: ?1 is the article, then
 * idx, start and len for each row. */
#define SENTENCE_BLOCK 16

static sqlite3_stmt *sentence_block_stmt(struct store *s)
{
    if (s->sentence_block)
        return s->sentence_block;
    char sql[64 + SENTENCE_BLOCK * 40];
    int at = snprintf(sql, sizeof sql, "INSERT INTO sentences(article_id, idx, start, len) VALUES");
    for (int r = 0; r < SENTENCE_BLOCK; r++)
        at += snprintf(sql + at, sizeof sql - (size_t)at, "%s(?1,?%d,?%d,?%d)", r ? "," : "",
                       2 + 3 * r, 3 + 3 * r, 4 + 3 * r);
    if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->sentence_block, NULL) !=
        SQLITE_OK)
        s->sentence_block = NULL;
    return s->sentence_block;
}

static void bind_sentence(sqlite3_stmt *q, int first_param, const struct article *a, size_t i)
{
    sqlite3_bind_int64(q, first_param, (sqlite3_int64)i);
    sqlite3_bind_int64(q, first_param + 1, (sqlite3_int64)a->sentences[i].start);
    sqlite3_bind_int64(q, first_param + 2, (sqlite3_int64)a->sentences[i].len);
}

static int insert_sentences(struct store *s, int64_t id, const struct article *a)
{
    size_t i = 0;
    if (a->n_sentences >= SENTENCE_BLOCK) {
        sqlite3_stmt *q = sentence_block_stmt(s);
        if (!q)
            return -1;
        sqlite3_bind_int64(q, 1, id);
        for (; i + SENTENCE_BLOCK <= a->n_sentences; i += SENTENCE_BLOCK) {
            for (int r = 0; r < SENTENCE_BLOCK; r++)
                bind_sentence(q, 2 + 3 * r, a, i + (size_t)r);
            int rc = sqlite3_step(q);
            sqlite3_reset(q);
            if (rc != SQLITE_DONE)
                return -1;
        }
    }
    sqlite3_stmt *q = stmt(s, ST_INSERT_SENTENCE);
    if (!q)
        return -1;
    for (; i < a->n_sentences; i++) {
        sqlite3_bind_int64(q, 1, id);
        bind_sentence(q, 2, a, i);
        int rc = sqlite3_step(q);
        sqlite3_reset(q);
        if (rc != SQLITE_DONE)
            return -1;
    }
    return 0;
}

/* Two facts naming the same stored place (or actor) become one row; remap[] sends each
 * fact index to its row's position so mentions still point at the right entry. */
static int insert_places(struct store *s, int64_t id, const struct facts *f, int *remap)
{
    int64_t *ids = calloc(f->n_places + 1, sizeof *ids);
    int n_rows = 0;
    if (!ids)
        return -1;
    for (size_t i = 0; i < f->n_places; i++) {
        const struct place_fact *p = &f->places[i];
        int64_t pid = store_place(s, p);
        if (pid < 0)
            goto fail;
        int row = -1;
        for (int j = 0; j < n_rows; j++)
            if (ids[j] == pid)
                row = j;
        remap[i] = row >= 0 ? row : n_rows;
        if (row >= 0)
            continue;
        ids[n_rows++] = pid;
        sqlite3_stmt *q = stmt(s, ST_INSERT_ARTICLE_PLACE);
        char *surface = surface_json(p->surface, p->n_surface);
        if (!q || !surface) {
            free(surface);
            goto fail;
        }
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, pid);
        sqlite3_bind_int(q, 3, p->count);
        bind_text(q, 4, surface);
        sqlite3_bind_int(q, 5, p->first_sentence);
        int64_t rc = run_insert(s, q);
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
    sqlite3_stmt *q = stmt(s, ST_FIND_ACTOR);
    if (!q)
        return -1;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    if (rc == SQLITE_ROW)
        return id;
    if (rc != SQLITE_DONE || !(q = stmt(s, ST_INSERT_ACTOR)))
        return -1;
    sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
    return run_insert(s, q);
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
        sqlite3_stmt *q = stmt(s, ST_INSERT_ARTICLE_ACTOR);
        char *surface = surface_json(a->surface, a->n_surface);
        if (aid < 0 || !q || !surface) {
            free(surface);
            return -1;
        }
        sqlite3_bind_int64(q, 1, id);
        sqlite3_bind_int64(q, 2, aid);
        sqlite3_bind_int(q, 3, a->count);
        bind_text(q, 4, surface);
        sqlite3_bind_int(q, 5, a->first_sentence);
        int64_t rc = run_insert(s, q);
        free(surface);
        if (rc < 0)
            return -1;
    }
    return 0;
}

static int insert_figures(struct store *s, int64_t id, const struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_INSERT_FIGURE);
    if (!q)
        return -1;
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        sqlite3_bind_int64(q, 1, id);
        bind_text(q, 2, figure_kind_name(g->kind));
        bind_long(q, 3, g->n);
        bind_long(q, 4, g->min);
        bind_long(q, 5, g->max);
        bind_text(q, 6, qualifier_name(g->qualifier));
        bind_text(q, 7, g->who);
        bind_text(q, 8, g->place);
        bind_text(q, 9, g->date);
        bind_text(q, 10, g->source);
        sqlite3_bind_int(q, 11, g->sentence);
        bind_text(q, 12, g->text);
        if (run_insert(s, q) < 0)
            return -1;
    }
    return 0;
}

static int insert_dates(struct store *s, int64_t id, const struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_INSERT_DATE);
    if (!q)
        return -1;
    for (size_t i = 0; i < f->n_dates; i++) {
        const struct date_fact *d = &f->dates[i];
        sqlite3_bind_int64(q, 1, id);
        bind_text(q, 2, d->text);
        bind_text(q, 3, d->value);
        bind_text(q, 4, d->weekday);
        sqlite3_bind_int(q, 5, d->sentence);
        if (run_insert(s, q) < 0)
            return -1;
    }
    return 0;
}

static int insert_mentions(struct store *s, int64_t id, const struct facts *f,
                           const int *place_remap, const int *actor_remap)
{
    sqlite3_stmt *q = stmt(s, ST_INSERT_MENTION);
    if (!q)
        return -1;
    for (size_t i = 0; i < f->n_mentions; i++) {
        const struct mention *m = &f->mentions[i];
        int idx = m->index;
        if (m->type == MENTION_PLACE && idx >= 0 && (size_t)idx < f->n_places)
            idx = place_remap[idx];
        else if (m->type == MENTION_ACTOR && idx >= 0 && (size_t)idx < f->n_actors)
            idx = actor_remap[idx];
        sqlite3_bind_int64(q, 1, id);
        bind_text(q, 2, mention_type_name(m->type));
        sqlite3_bind_int(q, 3, idx);
        sqlite3_bind_int(q, 4, m->sentence);
        sqlite3_bind_int64(q, 5, (sqlite3_int64)m->start);
        sqlite3_bind_int64(q, 6, (sqlite3_int64)m->len);
        if (run_insert(s, q) < 0)
            return -1;
    }
    return 0;
}

static int insert_facts(struct store *s, int64_t id, const struct facts *f)
{
    int *place_remap = calloc(f->n_places + 1, sizeof *place_remap);
    int *actor_remap = calloc(f->n_actors + 1, sizeof *actor_remap);
    int rc = -1;
    if (place_remap && actor_remap && insert_places(s, id, f, place_remap) == 0 &&
        insert_actors(s, id, f, actor_remap) == 0 && insert_figures(s, id, f) == 0 &&
        insert_dates(s, id, f) == 0 && insert_mentions(s, id, f, place_remap, actor_remap) == 0)
        rc = 0;
    free(place_remap);
    free(actor_remap);
    return rc;
}

static int insert_fts(struct store *s, int64_t id, const struct article *a)
{
    sqlite3_stmt *q = stmt(s, ST_INSERT_FTS);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    bind_text(q, 2, a->title ? a->title : "");
    sqlite3_bind_text(q, 3, a->text ? a->text : "", a->text ? (int)a->text_len : 0, SQLITE_STATIC);
    return run_insert(s, q) < 0 ? -1 : 0;
}

/* FTS5 writes its pending terms to disk at every savepoint, and any statement that writes
 * several rows (a block of sentences, a place with its ancestors) opens one. Indexing
 * each article as it is stored therefore wrote a tiny index segment per article; inside a
 * batch the articles are instead indexed together at the commit (10,000 generated
 * articles stored and indexed: 1.2 s to 0.7 s). Outside a batch an article is indexed at
 * once. No savepoint per article either: a failure part-way deletes what was written
 * (the children cascade, and the batch's index is brought up to date first so the
 * delete trigger finds the row), so no half article stays in the caller's batch. */
int store_add_article(struct store *s, const struct article *a, const struct facts *f,
                      int64_t *id_out, char *err, size_t errlen)
{
    int64_t existing = store_find_hash(s, a->hash);
    if (existing < 0) {
        set_err(err, errlen, "looking up article", s->db);
        return -1;
    }
    if (existing > 0) {
        if (id_out)
            *id_out = existing;
        return 0;
    }
    int64_t id = insert_article_row(s, a, f);
    if (id < 0) {
        set_err(err, errlen, "storing article", s->db);
        return -1;
    }
    bool in_batch = !sqlite3_get_autocommit(s->db);
    if (in_batch && s->unindexed_from == 0)
        s->unindexed_from = id;
    if ((!in_batch && insert_fts(s, id, a) < 0) || insert_sentences(s, id, a) < 0 ||
        (f && insert_facts(s, id, f) < 0)) {
        set_err(err, errlen, "storing article", s->db);
        index_pending(s);
        store_delete_article(s, id);
        return -1;
    }
    if (id_out)
        *id_out = id;
    return 1;
}

int64_t store_article_count(struct store *s)
{
    sqlite3_stmt *q = stmt(s, ST_COUNT);
    if (!q)
        return -1;
    int64_t n = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : -1;
    sqlite3_reset(q);
    return n;
}

/* ---- loading ---- */

int store_get_article(struct store *s, int64_t id, struct article *a)
{
    memset(a, 0, sizeof *a);
    sqlite3_stmt *q = stmt(s, ST_GET_ARTICLE);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    if (sqlite3_step(q) != SQLITE_ROW) {
        sqlite3_reset(q);
        return -1;
    }
    const unsigned char *hash = sqlite3_column_text(q, 0);
    snprintf(a->hash, sizeof a->hash, "%s", hash ? (const char *)hash : "");
    a->origin = dup_column(q, 1);
    a->url = dup_column(q, 2);
    a->title = dup_column(q, 3);
    a->date = dup_column(q, 4);
    a->source = dup_column(q, 5);
    a->author = dup_column(q, 6);
    a->dateline = dup_column(q, 7);
    a->text = dup_column(q, 8);
    a->text_len = (size_t)sqlite3_column_bytes(q, 8);
    a->format = format_from_name((const char *)sqlite3_column_text(q, 9));
    sqlite3_reset(q);
    if (!a->title || !a->text)
        return -1;

    q = stmt(s, ST_GET_SENTENCES);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    size_t cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (a->n_sentences == cap) {
            cap = cap ? cap * 2 : 32;
            struct text_span *grown = realloc(a->sentences, cap * sizeof *grown);
            if (!grown) {
                sqlite3_reset(q);
                return -1;
            }
            a->sentences = grown;
        }
        a->sentences[a->n_sentences].start = (size_t)sqlite3_column_int64(q, 0);
        a->sentences[a->n_sentences].len = (size_t)sqlite3_column_int64(q, 1);
        a->n_sentences++;
    }
    sqlite3_reset(q);
    return 0;
}

static long column_long(sqlite3_stmt *q, int i)
{
    return sqlite3_column_type(q, i) == SQLITE_NULL ? FACT_NONE : (long)sqlite3_column_int64(q, i);
}

static int64_t gazetteer_id_of_key(const unsigned char *key)
{
    if (key && key[0] == 'g' && key[1] == ':')
        return strtoll((const char *)key + 2, NULL, 10);
    return 0;
}

static int load_chain(struct store *s, int64_t place_id, struct place_fact *p)
{
    sqlite3_stmt *q = stmt(s, ST_GET_CHAIN);
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
        r->name = dup_column(q, 0);
        r->kind = place_kind_from_name((const char *)sqlite3_column_text(q, 1));
        r->gazetteer_id = gazetteer_id_of_key(sqlite3_column_text(q, 2));
    }
    sqlite3_reset(q);
    return rc;
}

static int load_places(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_GET_PLACES);
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
        p->name = dup_column(q, 1);
        p->kind = place_kind_from_name((const char *)sqlite3_column_text(q, 2));
        p->admin1 = dup_column(q, 3);
        p->country = dup_column(q, 4);
        p->country_code = dup_column(q, 5);
        p->has_coords = sqlite3_column_type(q, 6) != SQLITE_NULL;
        p->lat = sqlite3_column_double(q, 6);
        p->lon = sqlite3_column_double(q, 7);
        p->count = sqlite3_column_int(q, 8);
        if (surface_parse((const char *)sqlite3_column_text(q, 9), &p->surface, &p->n_surface) < 0)
            rc = -1;
        p->first_sentence = sqlite3_column_int(q, 10);
        p->gazetteer_id = gazetteer_id_of_key(sqlite3_column_text(q, 11));
        p->parent = dup_column(q, 12);
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
    sqlite3_stmt *q = stmt(s, ST_GET_ACTORS);
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
        a->name = dup_column(q, 0);
        a->count = sqlite3_column_int(q, 1);
        if (surface_parse((const char *)sqlite3_column_text(q, 2), &a->surface, &a->n_surface) < 0)
            rc = -1;
        a->first_sentence = sqlite3_column_int(q, 3);
    }
    sqlite3_reset(q);
    return rc;
}

static int load_figures(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_GET_FIGURES);
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
        g->n = column_long(q, 1);
        g->min = column_long(q, 2);
        g->max = column_long(q, 3);
        g->qualifier = qual < 0 ? Q_EXACT : (enum qualifier)qual;
        g->who = dup_column(q, 5);
        g->place = dup_column(q, 6);
        g->date = dup_column(q, 7);
        g->source = dup_column(q, 8);
        g->sentence = sqlite3_column_int(q, 9);
        g->text = dup_column(q, 10);
    }
    sqlite3_reset(q);
    return rc;
}

static int load_dates(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_GET_DATES);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct date_fact *d = facts_add_date(f);
        if (!d) {
            rc = -1;
            break;
        }
        d->text = dup_column(q, 0);
        d->value = dup_column(q, 1);
        d->weekday = dup_column(q, 2);
        d->sentence = sqlite3_column_int(q, 3);
    }
    sqlite3_reset(q);
    return rc;
}

static enum mention_type mention_type_from_name(const char *name)
{
    for (int t = MENTION_PLACE; t <= MENTION_SOURCE; t++)
        if (name && strcmp(mention_type_name((enum mention_type)t), name) == 0)
            return (enum mention_type)t;
    return MENTION_PLACE;
}

static int load_mentions(struct store *s, int64_t id, struct facts *f)
{
    sqlite3_stmt *q = stmt(s, ST_GET_MENTIONS);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        struct mention *m = facts_add_mention(f);
        if (!m) {
            rc = -1;
            break;
        }
        m->type = mention_type_from_name((const char *)sqlite3_column_text(q, 0));
        m->index = sqlite3_column_int(q, 1);
        m->sentence = sqlite3_column_int(q, 2);
        m->start = (size_t)sqlite3_column_int64(q, 3);
        m->len = (size_t)sqlite3_column_int64(q, 4);
    }
    sqlite3_reset(q);
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

int store_set_read(struct store *s, int64_t id, bool read)
{
    sqlite3_stmt *q = stmt(s, ST_SET_READ);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    sqlite3_bind_int(q, 2, read ? 1 : 0);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE && sqlite3_changes(s->db) > 0 ? 0 : -1;
}

int store_delete_article(struct store *s, int64_t id)
{
    sqlite3_stmt *q = stmt(s, ST_DELETE_ARTICLE);
    if (!q)
        return -1;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    sqlite3_reset(q);
    return rc == SQLITE_DONE && sqlite3_changes(s->db) > 0 ? 0 : -1;
}

int store_integrity_check(struct store *s, char *msg, size_t msglen)
{
    sqlite3_stmt *q;
    if (sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &q, NULL) != SQLITE_OK)
        return -1;
    int ok = -1;
    if (sqlite3_step(q) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(q, 0);
        snprintf(msg, msglen, "%s", t ? (const char *)t : "");
        ok = t && strcmp((const char *)t, "ok") == 0 ? 0 : -1;
    }
    sqlite3_finalize(q);
    return ok;
}
