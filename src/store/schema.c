/* schema.c: the tables, the migrations between versions and the indexes the reader needs. */
#include "store/store_int.h"

#include <stdio.h>
#include <unistd.h>

#include "store/article_spans.h"
#include "store/corrections.h"
#include "store/tags.h"
#include "store/feeds.h"

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
 *   the list or killed>=10 reads this index and not the articles;
 * - each article's figures with what the timeline tallies, so its scan reads this index
 *   and not the figures' rows, which carry their sentences (at 900,000 generated articles,
 *   13 million figures: the rows are gigabytes the disk cache does not keep).
 * Made at every open (IF NOT EXISTS) so that existing collections get them once. */
static const char reader_indexes_sql[] =
    "CREATE INDEX IF NOT EXISTS article_places_place_article"
    " ON article_places(place_id, article_id);"
    "DROP INDEX IF EXISTS article_places_place;"
    "CREATE INDEX IF NOT EXISTS articles_list"
    " ON articles(date, killed, wounded, destroyed, is_read, source);"
    "CREATE INDEX IF NOT EXISTS figures_timeline"
    " ON figures(article_id, role, kind, date, n, min, sentence);"
    /* figures_timeline leads with article_id, so it serves every per-article lookup the
     * plain figures_article index did; no query reads dates by value. An import wrote each
     * for every row (10,000 generated articles: 150,000 entries apiece) and nothing read
     * them. */
    "DROP INDEX IF EXISTS figures_article;"
    "DROP INDEX IF EXISTS dates_value;"
    /* figures by (kind, n): no query reads it, and the planner chose it over the article's
     * own figures where it was a trap (event_rows.c, KILLED_OPEN) */
    "DROP INDEX IF EXISTS figures_kind;"
    /* the toll and source orders sort the list index now (list_window.c) */
    "DROP INDEX IF EXISTS articles_by_toll;"
    "DROP INDEX IF EXISTS articles_by_source;"
    "DROP INDEX IF EXISTS articles_date;";

/* Version 2: search finds a word in its other forms ("airstrike" finds "airstrikes",
 * "kill" finds "killed"): the full-text index is rebuilt with the Porter stemmer. */
static const char schema_v2[] =
    "DROP TABLE articles_fts;"
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles',"
    " content_rowid='id', tokenize='porter unicode61');"
    "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');";

/* Version 5 (issue 13): each figure's role in its report (facts.h, enum figure_role) and
 * the incident it belongs to; the list's own tolls keep a vague word as the word
 * ("dozens") with the most its range allows, while killed, wounded and destroyed stay the
 * numbers filters and order use (the stated number, a vague word's minimum). Rows stored
 * before have no role: their figures count as the event's until re-extracted. */
static const char schema_v5[] =
    "ALTER TABLE figures ADD COLUMN role TEXT;"
    "ALTER TABLE figures ADD COLUMN incident INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE articles ADD COLUMN killed_word TEXT;"
    "ALTER TABLE articles ADD COLUMN wounded_word TEXT;"
    "ALTER TABLE articles ADD COLUMN destroyed_word TEXT;"
    "ALTER TABLE articles ADD COLUMN killed_max INTEGER;"
    "ALTER TABLE articles ADD COLUMN wounded_max INTEGER;"
    "ALTER TABLE articles ADD COLUMN destroyed_max INTEGER;";

/* Incremental grouping (store/event_state.h): what scoring a new report against older ones
 * needs, kept so an import assigns reports to events without reloading the collection.
 * Events grouped before this step carry none of it, so they are dropped and regrouped by
 * the next catch-up (events are derived; the analyst's corrections name articles).
 * IF NOT EXISTS throughout: a test rewinds the version and migrates again. */
static const char event_state_schema[] =
    "DELETE FROM event_articles; DELETE FROM events;"
    "CREATE TABLE IF NOT EXISTS event_features("
    " article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    " data BLOB NOT NULL);"
    "CREATE TABLE IF NOT EXISTS event_df(term INTEGER PRIMARY KEY, n INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS event_blocks("
    " place_id INTEGER NOT NULL, day INTEGER NOT NULL, article_id INTEGER NOT NULL,"
    " PRIMARY KEY(place_id, day, article_id)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS event_links("
    " event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,"
    " n_links INTEGER NOT NULL, link_sum REAL NOT NULL, best_link REAL NOT NULL);";

/* Version 7 (issue 15): where each report's events happened (extract/event_places.h), the
 * rows place: filters on, beside article_places (every place named), which mentions:
 * filters on. Stored collections are filled from what they hold, without extracting
 * again, by the same rule:
 *   - the main event's place is the one the list's row names first (articles.places,
 *     "Qaim, Anbar, Iraq", was written from salience.h's most salient place, or the first
 *     country when only countries are named), the finest place of that name the article
 *     has; an article whose summary names none of its places takes its most-mentioned
 *     place finer than a country;
 *   - each event figure's place (figures stored before version 5 have no role, so they
 *     add nothing: the main place stands alone), unless it is a country or the place the
 *     dateline names (by its name or a spelling the article used).
 * Each figure's place is looked up among its own article's places by name, as the
 * extractor names it. IF NOT EXISTS and a DELETE first: a test rewinds the version and
 * migrates again. */
static const char event_places_schema[] =
    "CREATE TABLE IF NOT EXISTS article_event_places("
    " article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
    " place_id INTEGER NOT NULL REFERENCES places(id), incident INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY(article_id, place_id, incident)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS article_event_places_place"
    " ON article_event_places(place_id, article_id);"
    "DELETE FROM article_event_places;"
    /* names to place rows without reading every place of every article (100,000 generated
     * articles: 4.8 s of CPU to 1.5 s) */
    "CREATE INDEX IF NOT EXISTS places_name_backfill ON places(name);"
    "INSERT OR IGNORE INTO article_event_places(article_id, place_id, incident)"
    " SELECT id, pid, 0 FROM (SELECT a.id, (SELECT ap.place_id FROM places p"
    "  JOIN article_places ap ON ap.article_id = a.id AND ap.place_id = p.id"
    "  WHERE p.name = substr(a.places, 1, instr(a.places || ',', ',') - 1)"
    "  ORDER BY p.depth DESC, ap.rowid LIMIT 1) pid FROM articles a WHERE a.places IS NOT NULL)"
    " WHERE pid IS NOT NULL;"
    "INSERT OR IGNORE INTO article_event_places(article_id, place_id, incident)"
    " SELECT article_id, pid, 0 FROM (SELECT ap.article_id, (SELECT ap2.place_id"
    "  FROM article_places ap2 JOIN places p ON p.id = ap2.place_id"
    "  WHERE ap2.article_id = ap.article_id ORDER BY p.kind = 'country', ap2.count DESC,"
    "  ap2.rowid LIMIT 1) pid FROM (SELECT DISTINCT article_id FROM article_places) ap"
    "  WHERE ap.article_id NOT IN (SELECT article_id FROM article_event_places));"
    /* each event figure's place: the first of its article's places with that name */
    "INSERT OR IGNORE INTO article_event_places(article_id, place_id, incident)"
    " SELECT e.article_id, ap.place_id, e.incident FROM (SELECT f.article_id, f.incident,"
    "  (SELECT min(ap.rowid) FROM places p JOIN article_places ap"
    "   ON ap.article_id = f.article_id AND ap.place_id = p.id WHERE p.name = f.place) first_row"
    "  FROM figures f WHERE f.role = 'event' AND f.place IS NOT NULL) e"
    " JOIN article_places ap ON ap.rowid = e.first_row JOIN places p ON p.id = ap.place_id"
    " JOIN articles a ON a.id = e.article_id"
    " WHERE p.kind IS NOT 'country' AND (a.dateline IS NULL OR (lower(a.dateline) <>"
    " lower(p.name) AND coalesce(ap.surface, '') NOT LIKE '%\"' || a.dateline || '\"%'));"
    "DROP INDEX places_name_backfill;";

/* Version 8: the events whose members changed and which are still to be described
 * (label, place, dates): an import assigns its reports batch by batch and describes each
 * event it touched once at its end (store/event_state.h). */
static const char events_stale_schema[] =
    "CREATE TABLE IF NOT EXISTS events_stale(event_id INTEGER PRIMARY KEY);";

/* Version 9: each article's sentences and mentions as two blobs of one row
 * (store/article_spans.h) instead of a row apiece. The aggregates pack each article's rows
 * in their order (idx for sentences, rowid for mentions, as they were read back). */
static const char article_spans_schema[] =
    "CREATE TABLE IF NOT EXISTS article_spans("
    " article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
    " sentences BLOB, mentions BLOB);"
    "INSERT OR IGNORE INTO article_spans(article_id, sentences, mentions)"
    " SELECT a.id,"
    "  (SELECT sitrep_pack_sentences(s.idx, s.start, s.len) FROM sentences s"
    "   WHERE s.article_id = a.id),"
    "  (SELECT sitrep_pack_mentions(m.rowid, m.type, m.idx, m.sentence, m.start, m.len)"
    "   FROM mentions m WHERE m.article_id = a.id)"
    " FROM articles a;"
    "DROP TABLE sentences;"
    "DROP TABLE mentions;";

/* Version 10: each article's dates packed into its article_spans row too, in the order
 * they were stored (their id), the way sentences and mentions were at version 9. */
static const char article_dates_schema[] =
    "ALTER TABLE article_spans ADD COLUMN dates BLOB;"
    "UPDATE article_spans SET dates = (SELECT sitrep_pack_dates(d.id, d.text, d.value,"
    " d.weekday, d.sentence) FROM dates d WHERE d.article_id = article_spans.article_id);"
    "DROP TABLE dates;";

/* The trashed articles' dates likewise, into their copies of article_spans rows (which
 * version 9 made, or trashing an article since). */
static const char trash_dates_sql[] =
    "CREATE TABLE IF NOT EXISTS trash_article_spans AS SELECT 0 AS trash_of, * FROM"
    " article_spans WHERE 0;"
    "UPDATE trash_article_spans SET dates = (SELECT sitrep_pack_dates(d.id, d.text, d.value,"
    " d.weekday, d.sentence) FROM trash_dates d WHERE d.trash_of = trash_article_spans.trash_of);"
    "DROP TABLE trash_dates;";

static int pack_trashed_dates(sqlite3 *db, char *err, size_t errlen)
{
    if (store_query_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'trash_dates'") <= 0)
        return 0;
    /* a copy made at version 9 lacks the column */
    if (store_query_int(db, "SELECT count(*) FROM sqlite_master WHERE name ="
                            " 'trash_article_spans'") > 0 &&
        store_query_int(db, "SELECT count(*) FROM pragma_table_info('trash_article_spans')"
                            " WHERE name = 'dates'") == 0 &&
        store_exec(db, "ALTER TABLE trash_article_spans ADD COLUMN dates BLOB", err, errlen) < 0)
        return -1;
    return store_exec(db, trash_dates_sql, err, errlen);
}

/* Version 11: what describing an event sums over its members (events/event_sums.c), so an
 * import describes the events it added to without reading all their members. Events
 * stored before have none: each gets its sums when next described. */
static const char event_sums_schema[] =
    "CREATE TABLE IF NOT EXISTS event_sums("
    " event_id INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,"
    " data BLOB NOT NULL);"
    /* a member gone (its article deleted or trashed) makes its event's sums stale */
    "CREATE TRIGGER IF NOT EXISTS event_sums_member_gone AFTER DELETE ON event_articles"
    " BEGIN DELETE FROM event_sums WHERE event_id = old.event_id; END;";

/* Version 12 (issue 18): the number of articles, kept by triggers. Counting them walked a
 * whole index, 70 ms of a reader's first paint at 1,000,000 articles; the list's count
 * is now one row. Trashing deletes from articles and taking back inserts, so both count. */
static const char article_count_schema[] =
    "CREATE TABLE IF NOT EXISTS article_count(n INTEGER NOT NULL);"
    "DELETE FROM article_count;"
    "INSERT INTO article_count SELECT count(*) FROM articles;"
    "CREATE TRIGGER IF NOT EXISTS article_count_insert AFTER INSERT ON articles"
    " BEGIN UPDATE article_count SET n = n + 1; END;"
    "CREATE TRIGGER IF NOT EXISTS article_count_delete AFTER DELETE ON articles"
    " BEGIN UPDATE article_count SET n = n - 1; END;";

/* Articles in the trash (store/trash.h) keep copies of their rows in trash_<table>, made
 * when they were trashed: version 9 packs those too, so that one taken back has its
 * sentences and mentions. Only a collection that ever trashed an article has them. */
static const char trash_spans_sql[] =
    "CREATE TABLE IF NOT EXISTS trash_mentions(trash_of, article_id, type, idx, sentence,"
    " start, len);"
    "CREATE TABLE IF NOT EXISTS trash_article_spans AS SELECT 0 AS trash_of, * FROM"
    " article_spans WHERE 0;"
    "INSERT INTO trash_article_spans(trash_of, article_id, sentences, mentions)"
    " SELECT t.trash_of, t.trash_of,"
    "  (SELECT sitrep_pack_sentences(s.idx, s.start, s.len) FROM trash_sentences s"
    "   WHERE s.trash_of = t.trash_of),"
    "  (SELECT sitrep_pack_mentions(m.rowid, m.type, m.idx, m.sentence, m.start, m.len)"
    "   FROM trash_mentions m WHERE m.trash_of = t.trash_of)"
    " FROM (SELECT trash_of FROM trash_sentences UNION SELECT trash_of FROM trash_mentions) t;"
    "DROP TABLE trash_sentences;"
    "DROP TABLE trash_mentions;";

static int pack_trashed_spans(sqlite3 *db, char *err, size_t errlen)
{
    if (store_query_int(db, "SELECT count(*) FROM sqlite_master WHERE name = 'trash_sentences'") <=
        0)
        return 0;
    return store_exec(db, trash_spans_sql, err, errlen);
}

/* Migrations in order: migrations[v] takes a database from version v to v + 1. Version 3:
 * the analyst's corrections (store/corrections.h); version 4: subscriptions
 * (store/feeds.h); version 5: figure roles and vague tolls; version 6: incremental
 * grouping; version 7: where each report's events happened; version 8: events still to
 * be described; version 9: sentences and mentions packed per article; version 10: dates
 * too; version 11: each event's sums for describing it; version 12: the articles'
 * count. */
static const char *const migrations[] = {schema_v1,
                                         schema_v2,
                                         corrections_schema,
                                         feeds_schema,
                                         schema_v5,
                                         event_state_schema,
                                         event_places_schema,
                                         events_stale_schema,
                                         article_spans_schema,
                                         article_dates_schema,
                                         event_sums_schema,
                                         article_count_schema};

/* A step that adds columns cannot say IF NOT EXISTS: it is skipped when its first column
 * is already there (a collection whose version number was rewound). */
static const char *const migration_done[] = {
    NULL, NULL, NULL, NULL, "SELECT count(*) FROM pragma_table_info('figures') WHERE name = 'role'",
    NULL, NULL, NULL,
    /* the per-row tables are gone */
    "SELECT count(*) = 0 FROM sqlite_master WHERE name = 'sentences'",
    "SELECT count(*) = 0 FROM sqlite_master WHERE name = 'dates'", NULL, NULL};
_Static_assert(sizeof migration_done / sizeof migration_done[0] ==
                   sizeof migrations / sizeof migrations[0],
               "one entry per migration step");

/* What a step does beyond its SQL, after it. */
typedef int (*migration_fn)(sqlite3 *db, char *err, size_t errlen);
static const migration_fn migration_code[] = {
    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, pack_trashed_spans, pack_trashed_dates,
    NULL, NULL};
_Static_assert(sizeof migration_code / sizeof migration_code[0] ==
                   sizeof migrations / sizeof migrations[0],
               "one entry per migration step");

/* The schema version into *v; -1 with SQLite's reason when it cannot be read. Any int is
 * a possible version, so the value and the outcome are kept apart. */
static int read_version(sqlite3 *db, int *v, char *err, size_t errlen)
{
    sqlite3_stmt *q;
    int rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, NULL);
    if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
        *v = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    if (rc != SQLITE_ROW) {
        store_set_err(err, errlen, "reading schema version", db);
        return -1;
    }
    return 0;
}

/* A version sitrep can open: 0 (new) to latest. */
static int check_range(int v, int latest, char *err, size_t errlen)
{
    if (v < 0) {
        snprintf(err, errlen,
                 "not a sitrep collection: schema version %d (user_version) is negative", v);
        return -1;
    }
    if (v > latest) {
        snprintf(err, errlen, "database schema version %d is newer than this sitrep (%d)", v,
                 latest);
        return -1;
    }
    return 0;
}

/* A file at version 0 must also be empty: an unrelated SQLite database given to --db is
 * refused, never given sitrep's tables. Read inside the write transaction (or on a
 * read-only collection): outside it, another process may be creating the tables. */
static int check_version(sqlite3 *db, int v, int latest, char *err, size_t errlen)
{
    if (check_range(v, latest, err, errlen) < 0)
        return -1;
    if (v == 0) {
        int64_t tables = store_query_int(db, "SELECT count(*) FROM sqlite_master");
        if (tables != 0) {
            snprintf(err, errlen,
                     "not a sitrep collection: an SQLite database with %lld schema entries of "
                     "another program (sitrep starts a collection only in a new or empty file)",
                     (long long)tables);
            return -1;
        }
    }
    return 0;
}

/* Steps from the database's version up to `to` in one transaction together with the version
 * bump, so an interrupted migration leaves the database at the version it had rather than
 * half-migrated. The version is read again inside the write transaction: another process
 * opening the same new collection at the same moment may have just run these steps. Sets *v
 * to the version the database is at afterwards. */
static int migrate_steps(sqlite3 *db, int *v, int to, int latest, char *err, size_t errlen)
{
    if (store_exec(db, "BEGIN IMMEDIATE", err, errlen) < 0)
        return -1;
    if (read_version(db, v, err, errlen) < 0 || check_version(db, *v, latest, err, errlen) < 0) {
        store_exec(db, "ROLLBACK", NULL, 0);
        return -1;
    }
    int from = *v;
    for (int step = from; step < to; step++) {
        bool done = migration_done[step] && store_query_int(db, migration_done[step]) > 0;
        if ((!done && store_exec(db, migrations[step], err, errlen) < 0) ||
            (!done && migration_code[step] && migration_code[step](db, err, errlen) < 0)) {
            store_exec(db, "ROLLBACK", NULL, 0);
            return -1;
        }
    }
    if (to > from) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version = %d;", to);
        if (store_exec(db, bump, err, errlen) < 0) {
            store_exec(db, "ROLLBACK", NULL, 0);
            return -1;
        }
    }
    if (store_exec(db, "COMMIT", err, errlen) < 0)
        return -1;
    if (to > from)
        *v = to;
    return 0;
}

int store_schema_version_latest(void)
{
    return (int)(sizeof migrations / sizeof migrations[0]);
}

int store_schema_check(sqlite3 *db, char *err, size_t errlen)
{
    int v;
    int latest = store_schema_version_latest();
    if (read_version(db, &v, err, errlen) < 0 || check_version(db, v, latest, err, errlen) < 0)
        return -1;
    if (v < latest) {
        snprintf(err, errlen,
                 "the collection is at schema version %d and needs updating to %d, which a "
                 "read-only collection cannot be",
                 v, latest);
        return -1;
    }
    return 0;
}

static int migrate(sqlite3 *db, char *err, size_t errlen)
{
    int v;
    int latest = store_schema_version_latest();
    if (read_version(db, &v, err, errlen) < 0 || check_range(v, latest, err, errlen) < 0)
        return -1;
    if (v < latest && spans_register_sql(db) < 0) {
        store_set_err(err, errlen, "adding the functions the update needs", db);
        return -1;
    }
    /* a new collection runs every step at once; an existing one may take seconds (version
     * 2 rebuilds the search index: 100,000 articles, about 6 s), so say why it waits */
    if (v > 0 && v < latest && isatty(STDERR_FILENO))
        fprintf(stderr, "sitrep: updating the collection from version %d to %d...\n", v, latest);
    /* A new collection is made in one transaction: a kill while making it leaves an empty
     * file, never one with half the tables. An existing one goes a step per transaction so
     * that a long update interrupted keeps the steps it finished. */
    if (v == 0 && migrate_steps(db, &v, latest, latest, err, errlen) < 0)
        return -1;
    while (v < latest)
        if (migrate_steps(db, &v, v + 1, latest, err, errlen) < 0)
            return -1;
    return 0;
}

int store_schema_update(sqlite3 *db, char *err, size_t errlen)
{
    if (migrate(db, err, errlen) < 0 ||
        /* Databases made by early builds of version 1 indexed through a trigger; the store
         * now writes the index itself, and both would index every article twice. */
        store_exec(db, "DROP TRIGGER IF EXISTS articles_fts_insert", err, errlen) < 0 ||
        store_exec(db, reader_indexes_sql, err, errlen) < 0 ||
        /* made at every open, not a numbered step: a table of its own that nothing else
         * reads, so no migration order depends on it */
        store_exec(db, tags_schema, err, errlen) < 0)
        return -1;
    return 0;
}
