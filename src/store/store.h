/* store.h: the collection on disk (SQLite, WAL, foreign keys, PRAGMA user_version
 * migrations, prepared statements only).
 *
 * Schema (version 10) - the contract other modules query through store_db():
 *
 *   articles(id INTEGER PRIMARY KEY, hash TEXT UNIQUE NOT NULL, origin, url, title NOT NULL,
 *            date TEXT NULL (ISO), source, author, dateline, text NOT NULL, format,
 *            imported_at INTEGER, is_read INTEGER NOT NULL DEFAULT 0,
 *            killed INTEGER, wounded INTEGER, destroyed INTEGER  -- per-article summary: the
 *                                     report's own n of each kind (figure_outranks in
 *                                     facts.h), NULL when none
 *            places TEXT              -- summary for list rows: "Qaim, Anbar, Iraq")
 *   article_spans(article_id INTEGER PRIMARY KEY, sentences BLOB, mentions BLOB, dates BLOB)
 *          -- the article's sentences (byte spans into articles.text) and its facts'
 *          -- mentions and dates, packed (store/article_spans.h); NULL without facts
 *   places(id INTEGER PRIMARY KEY, key TEXT UNIQUE, name, kind, admin1, country,
 *          country_code, lat, lon, parent_id REFERENCES places(id), depth)
 *          -- one row per distinct place in the collection; key is "g:<gazetteer id>" or
 *          -- "t:<country code>:<folded name>"; countries and admin1 divisions are rows too
 *   place_ancestors(place_id, ancestor_id)               -- closure incl. itself
 *   article_places(article_id, place_id, count, surface TEXT (JSON array), first_sentence)
 *   actors(id, name UNIQUE); article_actors(article_id, actor_id, count, surface,
 *                                           first_sentence)
 *   figures(id, article_id, kind, n, min, max, qualifier, who, place, date, source,
 *           sentence, text)                              -- NULL where facts.h has FACT_NONE
 *   articles_fts USING fts5(title, text, content='articles', content_rowid='id',
 *                             tokenize='porter unicode61')
 *          -- store_add_article writes the index rows; triggers keep it in step on
 *          -- delete and on updates of title or text. Insert articles only through the store.
 *   events(id, label, score, first_date, last_date, place, reasons)
 *   event_articles(event_id, article_id, score, reasons)
 *   corrections(...)                                     -- the analyst's: corrections.h
 *   feeds, feed_tags, feed_items                         -- subscriptions: store/feeds.h
 *   event_features, event_df, event_blocks, event_links  -- incremental grouping's state:
 *                                                           store/event_state.h
 * Every child row cascades on article delete.
 */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "read/article.h"
#include "base/facts.h"
#include "extract/event_places.h"

struct store;

/* Opens (creating and migrating as needed) the database at path. A collection that
 * cannot be written (a read-only file, directory or mount) is opened read-only instead,
 * as store_open_as(STORE_READ_ONLY) does; store_is_read_only tells. */
int store_open(const char *path, struct store **out, char *err, size_t errlen);

enum store_access { STORE_READ_WRITE, STORE_READ_ONLY };
/* STORE_READ_ONLY never writes: no creation, no migration, no index, no write-ahead log
 * mode change; a collection whose schema is not the latest is refused with why. */
int store_open_as(const char *path, enum store_access access, struct store **out, char *err,
                  size_t errlen);
bool store_is_read_only(const struct store *s);
/* Why the last read refused the collection's data ("article 3: sentence 5 (start 900,
 * length 40) lies outside its text ..."), "" when no read has. */
const char *store_last_error(const struct store *s);
void store_close(struct store *s);

/* The default path: $XDG_DATA_HOME/sitrep/sitrep.db, else ~/.local/share/sitrep/sitrep.db;
 * creates the directory. Returns a malloc'd path or NULL. */
char *store_default_path(void);

/* The raw handle, for modules that run their own prepared queries (query, event). */
sqlite3 *store_db(struct store *s);

/* The first column of the first row of a statement without parameters (a PRAGMA, a
 * count) through any connection; -1 when it fails or gives no row. */
int64_t store_query_int(sqlite3 *db, const char *sql);

/* A read-only connection to the same database for another thread (a connection belongs
 * to one thread): import workers look up hashes through it. NULL for a database without a
 * file, or on error. Close with store_close. */
struct store *store_open_reader(struct store *s);

/* SQLite's count of commits by other connections (PRAGMA data_version): a change means
 * another process (an import beside the reader) wrote to the collection. -1 on error. */
int64_t store_data_version(struct store *s);

/* The connection's page cache, in KiB (the import wants a large one, the reader a small
 * one). */
void store_set_cache_kib(struct store *s, int kib);

/* Batches: one transaction per batch of articles. */
int store_begin(struct store *s);
/* A batch that only adds new articles (an import's). SQLite's foreign-key checks cost a
 * parent lookup for each of an article's 30-odd child rows; here every child names the
 * article row just written or a place or actor row written or looked up in the same
 * transaction, so the checks are switched off until the batch commits or rolls back. */
int store_begin_adding(struct store *s);
int store_commit(struct store *s);
int store_rollback(struct store *s);

/* Adds an article with its facts. Returns 1 when added, 0 when an article with the same
 * hash is already stored (nothing written), -1 on error (message in err). */
int store_add_article(struct store *s, const struct article *a, const struct facts *f,
                      int64_t *id_out, char *err, size_t errlen);

/* What the store works out from an article's facts, title and dateline before writing
 * them, with no database: the list row's place summary ("Qaim, Anbar, Iraq") and where
 * the report's events happened (extract/event_places.h). An import prepares each article
 * on the thread that extracted it, so that its one writing thread does not. */
struct store_prepared {
    char *summary;                    /* NULL: none */
    struct event_place *event_places; /* indexes into the facts' places */
    size_t n_event_places;
};
int store_prepare(const struct article *a, const struct facts *f, struct store_prepared *out);
void store_prepared_free(struct store_prepared *p);

/* store_add_article with the article prepared by store_prepare from the same facts. */
int store_add_prepared(struct store *s, const struct article *a, const struct facts *f,
                       const struct store_prepared *pre, int64_t *id_out, char *err, size_t errlen);

int64_t store_article_count(struct store *s);

/* Loads one stored article (text, sentences, metadata) and its facts. A stored sentence
 * that lies outside the text makes store_get_article fail, with the row named in
 * store_last_error. */
int store_get_article(struct store *s, int64_t id, struct article *a);
int store_get_facts(struct store *s, int64_t id, struct facts *f);
/* Only the figures, in the order they were found (the facts pane's). */
int store_get_figures(struct store *s, int64_t id, struct facts *f);

int store_set_read(struct store *s, int64_t id, bool read);

/* The id of the stored article with this content hash, 0 when none, -1 on error (lets
 * the import skip extraction for duplicates). */
int64_t store_find_hash(struct store *s, const char *hash);

/* Deletes one article; every child row goes with it. 0 when deleted, -1 when absent. */
int store_delete_article(struct store *s, int64_t id);

/* PRAGMA integrity_check: 0 when "ok", else -1 with the first message in msg. */
int store_integrity_check(struct store *s, char *msg, size_t msglen);

#endif
