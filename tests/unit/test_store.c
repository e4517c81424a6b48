/* test_store.c: the collection on disk: schema, de-duplication, facts round-trip,
 * cascading deletes. Articles are built by hand so the test does not depend on parsing. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sqlite3.h>

#include "store/article_view.h"
#include "store/list_window.h"
#include "store/store.h"
#include "store/trash.h"
#include "testlib.h"

static char db_path[256];

static void fresh_db_path(void)
{
    snprintf(db_path, sizeof db_path, "/tmp/sitrep-test-store-%ld.db", (long)getpid());
    testlib_unlink_db(db_path);
}

/* text = "Title\n\nBody sentence one. Body two." with spans written out by hand. */
static void make_article(struct article *a, const char *title, const char *body, const char *hash)
{
    memset(a, 0, sizeof *a);
    size_t tl = strlen(title), bl = strlen(body);
    a->title = strdup(title);
    a->text = malloc(tl + bl + 3);
    memcpy(a->text, title, tl);
    memcpy(a->text + tl, "\n\n", 2);
    memcpy(a->text + tl + 2, body, bl + 1);
    a->text_len = tl + 2 + bl;
    a->sentences = calloc(2, sizeof *a->sentences);
    a->sentences[0] = (struct text_span){0, tl};
    a->sentences[1] = (struct text_span){tl + 2, bl};
    a->n_sentences = 2;
    a->date = strdup("2024-05-01");
    a->source = strdup("IraqiNews.com");
    a->origin = strdup("test.txt");
    a->format = FORMAT_TEXT;
    snprintf(a->hash, sizeof a->hash, "%s", hash);
}

static void clear_article(struct article *a)
{
    free(a->title);
    free(a->text);
    free(a->sentences);
    free(a->date);
    free(a->source);
    free(a->origin);
    free(a->url);
    free(a->author);
    free(a->dateline);
    memset(a, 0, sizeof *a);
}

static void add_place(struct facts *f, const char *name, enum place_kind kind, int64_t gid,
                      int count, int first_sentence)
{
    struct place_fact *p = facts_add_place(f);
    p->name = strdup(name);
    p->kind = kind;
    p->admin1 = strdup("Anbar");
    p->country = strdup("Iraq");
    p->country_code = strdup("IQ");
    p->parent = strdup("Anbar");
    p->gazetteer_id = gid;
    p->count = count;
    p->first_sentence = first_sentence;
    p->has_coords = true;
    p->lat = 34.38;
    p->lon = 40.99;
    p->n_chain = 2;
    p->chain = calloc(2, sizeof *p->chain);
    p->chain[0] = (struct place_ref){strdup("Iraq"), PLACE_COUNTRY, 99237};
    p->chain[1] = (struct place_ref){strdup("Anbar"), PLACE_ADMIN1, 99592};
    facts_add_surface(&p->surface, &p->n_surface, name);
    facts_add_surface(&p->surface, &p->n_surface, "al-\"Qaim\"");
}

static void make_facts(struct facts *f)
{
    facts_init(f);
    add_place(f, "Qaim", PLACE_TOWN, 0, 3, 1);
    struct actor_fact *a = facts_add_actor(f);
    a->name = strdup("Islamic State");
    a->count = 2;
    a->first_sentence = 0;
    facts_add_surface(&a->surface, &a->n_surface, "IS");
    struct figure_fact *g = facts_add_figure(f);
    g->kind = FIG_KILLED;
    g->n = 14;
    g->min = FACT_NONE;
    g->max = FACT_NONE;
    g->qualifier = Q_EXACT;
    g->who = strdup("Islamic State militants");
    g->place = strdup("Qaim");
    g->sentence = 1;
    g->text = strdup("killed 14 Islamic State militants");
    g = facts_add_figure(f);
    g->kind = FIG_KILLED;
    g->n = FACT_NONE;
    g->min = 20;
    g->max = 30;
    g->qualifier = Q_RANGE;
    g->sentence = 1;
    g->text = strdup("20 to 30 killed");
    g = facts_add_figure(f);
    g->kind = FIG_DESTROYED;
    g->n = 138;
    g->min = FACT_NONE;
    g->max = FACT_NONE;
    g->qualifier = Q_MORE_THAN;
    g->sentence = 1;
    g->text = strdup("destroy more than 138 vehicles");
    struct date_fact *d = facts_add_date(f);
    d->text = strdup("Wednesday");
    d->value = strdup("2024-05-01");
    d->sentence = 1;
    struct mention *m = facts_add_mention(f);
    *m = (struct mention){MENTION_PLACE, 0, 1, 12, 4};
    m = facts_add_mention(f);
    *m = (struct mention){MENTION_FIGURE, 0, 1, 20, 9};
}

static struct store *open_fresh(void)
{
    struct store *s = NULL;
    char err[256] = "";
    fresh_db_path();
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    CHECK_STR(err, "");
    return s;
}

static int64_t query_int(struct store *s, const char *sql)
{
    sqlite3_stmt *q;
    int64_t v = -1;
    if (sqlite3_prepare_v2(store_db(s), sql, -1, &q, NULL) != SQLITE_OK)
        return -2;
    if (sqlite3_step(q) == SQLITE_ROW)
        v = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    return v;
}

/* FTS5's own check: the index agrees with the articles it was built from. */
static int fts_consistent(struct store *s)
{
    return sqlite3_exec(store_db(s),
                        "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
                        NULL, NULL, NULL) == SQLITE_OK;
}

/* The articles' count is kept by triggers (version 12): adding, trashing, taking back and
 * deleting change it as count(*) changes, and a collection migrated to version 12 starts
 * from what it holds. */
static void test_article_count_kept(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    char err[256] = "";
    int64_t ids[3], count = -1;
    for (int i = 0; i < 3; i++) {
        char hash[16];
        snprintf(hash, sizeof hash, "c%d", i);
        make_article(&a, "Shelling in Kharkiv", "Shelling killed 3 people.", hash);
        CHECK_INT(store_add_article(s, &a, NULL, &ids[i], err, sizeof err), 1);
        clear_article(&a);
    }
    make_article(&a, "Shelling in Kharkiv", "Shelling killed 3 people.", "c0");
    CHECK_INT(store_add_article(s, &a, NULL, NULL, err, sizeof err), 0); /* a duplicate */
    clear_article(&a);
    CHECK_INT(store_list_count_all(s, &count, err, sizeof err), 0);
    CHECK_INT(count, 3);
    CHECK_INT(store_trash_article(s, ids[1], err, sizeof err), 0);
    CHECK_INT(store_list_count_all(s, &count, err, sizeof err), 0);
    CHECK_INT(count, 2);
    CHECK_INT(store_restore_article(s, ids[1], err, sizeof err), 0);
    CHECK_INT(store_list_count_all(s, &count, err, sizeof err), 0);
    CHECK_INT(count, 3);
    CHECK_INT(store_delete_article(s, ids[2]), 0);
    CHECK_INT(store_list_count_all(s, &count, err, sizeof err), 0);
    CHECK_INT(count, query_int(s, "SELECT count(*) FROM articles"));
    CHECK_INT(count, 2);
    /* a version 11 collection: no count kept; opening it counts what is there */
    CHECK_INT(sqlite3_exec(store_db(s),
                           "DROP TRIGGER article_count_insert; DROP TRIGGER article_count_delete;"
                           " DROP TABLE article_count; PRAGMA user_version = 11;",
                           NULL, NULL, NULL),
              SQLITE_OK);
    store_close(s);
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    if (!s)
        return;
    CHECK_INT(store_list_count_all(s, &count, err, sizeof err), 0);
    CHECK_INT(count, 2);
    store_close(s);
    unlink(db_path);
}

static void test_open_and_migrate(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    CHECK_INT(query_int(s, "PRAGMA user_version"), 12);
    CHECK_INT(query_int(s, "PRAGMA foreign_keys"), 1);
    CHECK_INT(store_article_count(s), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM sqlite_master WHERE name = 'articles_fts'"), 1);
    store_close(s);
    /* Opening again leaves a current schema alone. */
    char err[256] = "";
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    CHECK_INT(query_int(s, "PRAGMA user_version"), 12);
    sqlite3_exec(store_db(s), "PRAGMA user_version = 99", NULL, NULL, NULL);
    store_close(s);
    /* A database from a newer sitrep is refused rather than misread. */
    s = NULL;
    CHECK_INT(store_open(db_path, &s, err, sizeof err), -1);
    CHECK(s == NULL);
    CHECK(strstr(err, "newer") != NULL);
    unlink(db_path);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

/* Making a new collection that fails part way (here: files may not grow past 70% of the
 * size a new collection takes, room enough for the first of the schema's steps) leaves an
 * empty file, never one with some of the tables: all of them are made in one transaction.
 * A kill while making it is the same case. */
static void test_new_collection_whole_or_nothing(void)
{
    fresh_db_path();
    struct store *s = NULL;
    char err[256] = "", wal[300];
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    store_close(s);
    snprintf(wal, sizeof wal, "%s-wal", db_path);
    long full = file_size(db_path) + file_size(wal);
    CHECK(full > 64 * 1024); /* above the shared-memory file's 32 KiB, which must fit */
    testlib_unlink_db(db_path);
    pid_t child = fork();
    if (child == 0) {
        signal(SIGXFSZ, SIG_IGN); /* a write past the limit fails instead of killing */
        struct rlimit most = {(rlim_t)full * 7 / 10, (rlim_t)full * 7 / 10};
        setrlimit(RLIMIT_FSIZE, &most);
        struct store *t = NULL;
        int rc = store_open(db_path, &t, err, sizeof err);
        _exit(rc == 0 ? 1 : 0);
    }
    int status = 0;
    CHECK(child > 0 && waitpid(child, &status, 0) == child);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0); /* the making failed */
    sqlite3 *db = NULL;
    CHECK_INT(sqlite3_open(db_path, &db), SQLITE_OK);
    sqlite3_stmt *q = NULL;
    CHECK_INT(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &q, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(q), SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    sqlite3_close(db);
    /* and the file is a new collection's to make, whole, next time */
    s = NULL;
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    if (s)
        CHECK_INT(query_int(s, "PRAGMA user_version"), 12);
    store_close(s);
    testlib_unlink_db(db_path);
}

/* A version 1 collection is brought up to date: its search index rebuilt with stemming,
 * its articles kept. */
static void test_migrate_v1_index(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    char err[256] = "";
    make_article(&a, "Airstrikes hit Qaim", "Coalition airstrikes killed 14 militants.", "ab12");
    CHECK_INT(store_add_article(s, &a, NULL, NULL, err, sizeof err), 1);
    clear_article(&a);
    /* the index as version 1 made it: words only in the form written */
    CHECK_INT(sqlite3_exec(store_db(s),
                           "DROP TABLE articles_fts;"
                           "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
                           " content='articles', content_rowid='id');"
                           "INSERT INTO articles_fts(articles_fts) VALUES('rebuild');"
                           "PRAGMA user_version = 1;",
                           NULL, NULL, NULL),
              SQLITE_OK);
    CHECK_INT(
        query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'airstrike'"), 0);
    store_close(s);
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    if (!s)
        return;
    CHECK_INT(query_int(s, "PRAGMA user_version"), 12);
    CHECK_INT(store_article_count(s), 1);
    CHECK_INT(
        query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'airstrike'"), 1);
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kill'"), 1);
    CHECK(fts_consistent(s));
    store_close(s);
    unlink(db_path);
}

/* Where each report's events happened, as "article:place:incident" rows, in order. */
static const char *event_place_rows(struct store *s)
{
    static char out[512];
    sqlite3_stmt *q;
    out[0] = '\0';
    if (sqlite3_prepare_v2(store_db(s),
                           "SELECT e.article_id, p.name, e.incident FROM article_event_places e"
                           " JOIN places p ON p.id = e.place_id ORDER BY 1, 3, 2",
                           -1, &q, NULL) != SQLITE_OK)
        return "no table";
    while (sqlite3_step(q) == SQLITE_ROW) {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%lld:%s:%d", n ? " " : "",
                 (long long)sqlite3_column_int64(q, 0), (const char *)sqlite3_column_text(q, 1),
                 sqlite3_column_int(q, 2));
    }
    sqlite3_finalize(q);
    return out;
}

/* A report about Qaim that tells a second incident at Rawa, with its figures' roles. */
static void make_qaim_and_rawa(struct article *a, struct facts *f, const char *hash)
{
    make_article(a, "Jets strike Qaim", "Jets killed 14 militants in Qaim.", hash);
    make_facts(f);
    add_place(f, "Rawa", PLACE_TOWN, 0, 1, 2);
    struct figure_fact *g = facts_add_figure(f);
    g->kind = FIG_KILLED;
    g->n = g->min = g->max = 4;
    g->place = strdup("Rawa");
    g->role = ROLE_EVENT;
    g->incident = 1;
    g->sentence = 1;
}

static void store_qaim_and_rawa(struct store *s, const char *hash)
{
    struct article a;
    struct facts f;
    char err[256] = "";
    make_qaim_and_rawa(&a, &f, hash);
    CHECK_INT(store_add_article(s, &a, &f, NULL, err, sizeof err), 1);
    facts_free(&f);
    clear_article(&a);
}

/* Version 7 fills a version 6 collection's event places from what it stores, by the rule
 * the import follows: the same rows for a report stored with roles (1); for one whose
 * figures have none (2, as stored before version 5) its main place alone; nothing for a
 * report stored without facts (3). */
static void test_migrate_event_places(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    store_qaim_and_rawa(s, "e1");
    store_qaim_and_rawa(s, "e2");
    struct article a;
    char err[256] = "";
    make_article(&a, "Bare", "Nothing extracted.", "e3");
    CHECK_INT(store_add_article(s, &a, NULL, NULL, err, sizeof err), 1);
    clear_article(&a);
    CHECK_STR(event_place_rows(s), "1:Qaim:0 1:Rawa:1 2:Qaim:0 2:Rawa:1");
    CHECK_INT(sqlite3_exec(store_db(s),
                           "DROP TABLE article_event_places;"
                           "UPDATE figures SET role = NULL WHERE article_id = 2;"
                           "PRAGMA user_version = 6;",
                           NULL, NULL, NULL),
              SQLITE_OK);
    store_close(s);
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    if (!s)
        return;
    CHECK_INT(query_int(s, "PRAGMA user_version"), 12);
    CHECK_STR(event_place_rows(s), "1:Qaim:0 1:Rawa:1 2:Qaim:0");
    /* deleting a report takes its event places with it */
    CHECK_INT(store_delete_article(s, 1), 0);
    CHECK_STR(event_place_rows(s), "2:Qaim:0");
    store_close(s);
    unlink(db_path);
}

/* Rows as version 8 kept them: one per sentence and one per mention, the mentions stored
 * out of idx order to show that their rowid, not their idx, is their order. */
static const char v8_span_rows[] =
    "CREATE TABLE sentences(article_id INTEGER NOT NULL REFERENCES articles(id)"
    " ON DELETE CASCADE, idx INTEGER NOT NULL, start INTEGER NOT NULL, len INTEGER NOT NULL,"
    " PRIMARY KEY(article_id, idx)) WITHOUT ROWID;"
    "CREATE TABLE mentions(article_id INTEGER NOT NULL REFERENCES articles(id)"
    " ON DELETE CASCADE, type TEXT NOT NULL, idx INTEGER NOT NULL, sentence INTEGER,"
    " start INTEGER NOT NULL, len INTEGER NOT NULL);"
    "CREATE INDEX mentions_article ON mentions(article_id);"
    "INSERT INTO sentences VALUES(1, 1, 18, 33), (1, 0, 0, 16);"
    "INSERT INTO mentions VALUES(1, 'figure', 0, 1, 23, 2), (1, 'place', 0, 1, 46, 4),"
    " (1, 'source', -1, -1, 0, 4);"
    /* article 2 was stored without facts; article 3 sits in the trash */
    "INSERT INTO sentences VALUES(2, 0, 0, 4);"
    "CREATE TABLE trash_sentences AS SELECT 0 AS trash_of, * FROM sentences WHERE 0;"
    "CREATE TABLE trash_mentions AS SELECT 0 AS trash_of, * FROM mentions WHERE 0;"
    "INSERT INTO trash_sentences VALUES(3, 3, 0, 0, 5);"
    "INSERT INTO trash_mentions VALUES(3, 3, 'actor', 0, 0, 0, 3);"
    /* dates, in id order whatever order they were inserted in; one relative */
    "CREATE TABLE dates(id INTEGER PRIMARY KEY, article_id INTEGER NOT NULL"
    " REFERENCES articles(id) ON DELETE CASCADE, text TEXT, value TEXT, weekday TEXT,"
    " sentence INTEGER);"
    "INSERT INTO dates VALUES(7, 1, 'Tuesday', NULL, 'Tuesday', 1),"
    " (5, 1, 'on 10 March', '2024-03-10', NULL, 1);"
    "CREATE TABLE trash_dates AS SELECT 0 AS trash_of, * FROM dates WHERE 0;"
    "INSERT INTO trash_dates VALUES(3, 9, 3, 'May', '2024-05', NULL, 0);"
    "DROP TABLE article_spans;"
    "PRAGMA user_version = 8;";

/* Versions 9 and 10 pack the per-row sentences, mentions and dates of version 8 into one
 * article_spans row per article, the trashed ones' too, and drop the old tables. */
static void test_migrate_article_spans(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    char err[256] = "";
    make_article(&a, "Jets strike Qaim", "Jets killed 14 militants in Qaim.", "f1");
    CHECK_INT(store_add_article(s, &a, NULL, NULL, err, sizeof err), 1);
    clear_article(&a);
    make_article(&a, "Bare", "Nothing extracted.", "f2");
    CHECK_INT(store_add_article(s, &a, NULL, NULL, err, sizeof err), 1);
    clear_article(&a);
    CHECK_INT(sqlite3_exec(store_db(s), v8_span_rows, NULL, NULL, NULL), SQLITE_OK);
    store_close(s);
    CHECK_INT(store_open(db_path, &s, err, sizeof err), 0);
    if (!s)
        return;
    CHECK_INT(query_int(s, "PRAGMA user_version"), 12);
    CHECK_INT(query_int(s, "SELECT count(*) FROM sqlite_master WHERE name IN ('sentences',"
                           " 'mentions', 'dates', 'trash_sentences', 'trash_mentions',"
                           " 'trash_dates')"),
              0);
    CHECK_INT(store_get_article(s, 1, &a), 0);
    CHECK_INT(a.n_sentences, 2);
    if (a.n_sentences == 2) {
        CHECK_INT(a.sentences[0].start, 0);
        CHECK_INT(a.sentences[0].len, 16);
        CHECK_INT(a.sentences[1].start, 18);
        CHECK_INT(a.sentences[1].len, 33);
    }
    clear_article(&a);
    struct facts got;
    CHECK_INT(store_get_facts(s, 1, &got), 0);
    CHECK_INT(got.n_mentions, 3);
    if (got.n_mentions == 3) {
        CHECK_INT(got.mentions[0].type, MENTION_FIGURE);
        CHECK_INT(got.mentions[0].start, 23);
        CHECK_INT(got.mentions[1].type, MENTION_PLACE);
        CHECK_INT(got.mentions[1].len, 4);
        CHECK_INT(got.mentions[2].type, MENTION_SOURCE);
        CHECK_INT(got.mentions[2].index, -1);
        CHECK_INT(got.mentions[2].sentence, -1);
    }
    CHECK_INT(got.n_dates, 2);
    if (got.n_dates == 2) {
        CHECK_STR(got.dates[0].text, "on 10 March");
        CHECK_STR(got.dates[0].value, "2024-03-10");
        CHECK_STR(got.dates[0].weekday, NULL);
        CHECK_STR(got.dates[1].value, NULL);
        CHECK_STR(got.dates[1].weekday, "Tuesday");
        CHECK_INT(got.dates[1].sentence, 1);
    }
    facts_free(&got);
    CHECK_INT(store_get_facts(s, 2, &got), 0);
    CHECK_INT(got.n_mentions, 0);
    facts_free(&got);
    CHECK_INT(store_get_article(s, 2, &a), 0);
    CHECK_INT(a.n_sentences, 1);
    clear_article(&a);
    /* format, sentence 0, "May" (1 + 3 bytes), "2024-05" (1 + 7), NULL weekday */
    CHECK_INT(query_int(s, "SELECT count(*) FROM trash_article_spans WHERE trash_of = 3 AND"
                           " length(sentences) = 3 AND length(mentions) = 6 AND"
                           " length(dates) = 1 + 1 + 4 + 8 + 1"),
              1);
    store_close(s);
    unlink(db_path);
}

/* An article prepared apart (as an import's extracting threads do) is stored with the
 * same list summary and event places as one the store prepares itself. */
static void test_prepared_apart(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    store_qaim_and_rawa(s, "p1");
    struct article a;
    struct facts f;
    char err[256] = "";
    make_qaim_and_rawa(&a, &f, "p2");
    struct store_prepared pre;
    CHECK_INT(store_prepare(&a, &f, &pre), 0);
    CHECK_INT(pre.n_event_places, 2);
    CHECK_INT(store_add_prepared(s, &a, &f, &pre, NULL, err, sizeof err), 1);
    store_prepared_free(&pre);
    CHECK(pre.summary == NULL && pre.event_places == NULL);
    facts_free(&f);
    clear_article(&a);
    CHECK_STR(event_place_rows(s), "1:Qaim:0 1:Rawa:1 2:Qaim:0 2:Rawa:1");
    CHECK_INT(query_int(s, "SELECT count(DISTINCT places) FROM articles WHERE places IS NOT NULL"),
              1);
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles WHERE places LIKE 'Qaim,%'"), 2);
    store_close(s);
    unlink(db_path);
}

static void test_add_and_dedup(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    char err[256] = "";
    int64_t id = 0, id2 = 0;
    make_article(&a, "Jets strike Qaim", "Jets killed 14 militants in Qaim.", "aa11");
    CHECK_INT(store_begin(s), 0);
    CHECK_INT(store_add_article(s, &a, NULL, &id, err, sizeof err), 1);
    CHECK(id > 0);
    /* Same hash inside the same transaction: found, nothing written. */
    CHECK_INT(store_add_article(s, &a, NULL, &id2, err, sizeof err), 0);
    CHECK_INT(id2, id);
    CHECK_INT(store_commit(s), 0);
    CHECK_INT(store_article_count(s), 1);
    CHECK_INT(store_find_hash(s, "aa11"), id);
    CHECK_INT(store_find_hash(s, "bb22"), 0);
    clear_article(&a);
    make_article(&a, "Another report", "Jets killed 14 militants in Qaim.", "bb22");
    CHECK_INT(store_add_article(s, &a, NULL, &id2, err, sizeof err), 1);
    CHECK(id2 != id);
    CHECK_INT(store_article_count(s), 2);
    /* Full-text search sees both, through the external-content index. */
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'qaim'"), 2);
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'another'"),
              1);

    struct article got;
    CHECK_INT(store_get_article(s, id, &got), 0);
    CHECK_STR(got.title, "Jets strike Qaim");
    CHECK_STR(got.date, "2024-05-01");
    CHECK_STR(got.source, "IraqiNews.com");
    CHECK_STR(got.hash, "aa11");
    CHECK_INT(got.n_sentences, 2);
    CHECK_INT(got.sentences[1].start, strlen("Jets strike Qaim") + 2);
    CHECK_STR(got.text, "Jets strike Qaim\n\nJets killed 14 militants in Qaim.");
    CHECK_INT(got.format, FORMAT_TEXT);
    clear_article(&got);
    CHECK_INT(store_get_article(s, 9999, &got), -1);
    clear_article(&got);

    CHECK_INT(store_set_read(s, id, true), 0);
    CHECK_INT(query_int(s, "SELECT is_read FROM articles WHERE id = 1"), 1);
    clear_article(&a);
    store_close(s);
    unlink(db_path);
}

static void test_facts_round_trip(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    struct facts f, got;
    char err[256] = "";
    int64_t id = 0;
    make_article(&a, "Jets strike Qaim", "Jets killed 14 militants in Qaim.", "cc33");
    make_facts(&f);
    /* The same place named twice becomes one row; its mentions follow it. */
    add_place(&f, "Qaim", PLACE_TOWN, 0, 1, 1);
    struct mention *m = facts_add_mention(&f);
    *m = (struct mention){MENTION_PLACE, 1, 1, 30, 4};
    CHECK_INT(store_add_article(s, &a, &f, &id, err, sizeof err), 1);
    CHECK_STR(err, "");
    CHECK_INT(store_get_facts(s, id, &got), 0);

    CHECK_INT(got.n_places, 1);
    if (got.n_places == 1) {
        struct place_fact *p = &got.places[0];
        CHECK_STR(p->name, "Qaim");
        CHECK_INT(p->kind, PLACE_TOWN);
        CHECK_STR(p->admin1, "Anbar");
        CHECK_STR(p->country, "Iraq");
        CHECK_STR(p->country_code, "IQ");
        CHECK_STR(p->parent, "Anbar");
        CHECK_INT(p->count, 3);
        CHECK_INT(p->first_sentence, 1);
        CHECK(p->has_coords && p->lat > 34.37 && p->lat < 34.39);
        CHECK_INT(p->n_surface, 2);
        if (p->n_surface == 2)
            CHECK_STR(p->surface[1], "al-\"Qaim\"");
        CHECK_INT(p->n_chain, 2);
        if (p->n_chain == 2) {
            CHECK_STR(p->chain[0].name, "Iraq");
            CHECK_INT(p->chain[0].kind, PLACE_COUNTRY);
            CHECK_INT(p->chain[0].gazetteer_id, 99237);
            CHECK_STR(p->chain[1].name, "Anbar");
        }
    }
    CHECK_INT(got.n_actors, 1);
    if (got.n_actors == 1) {
        CHECK_STR(got.actors[0].name, "Islamic State");
        CHECK_INT(got.actors[0].count, 2);
        CHECK_INT(got.actors[0].n_surface, 1);
    }
    CHECK_INT(got.n_figures, 3);
    if (got.n_figures == 3) {
        CHECK_INT(got.figures[0].kind, FIG_KILLED);
        CHECK_INT(got.figures[0].n, 14);
        CHECK_INT(got.figures[0].min, FACT_NONE);
        CHECK_STR(got.figures[0].who, "Islamic State militants");
        CHECK_STR(got.figures[0].date, NULL);
        CHECK_INT(got.figures[1].qualifier, Q_RANGE);
        CHECK_INT(got.figures[1].n, FACT_NONE);
        CHECK_INT(got.figures[1].max, 30);
        CHECK_INT(got.figures[2].kind, FIG_DESTROYED);
        CHECK_INT(got.figures[2].qualifier, Q_MORE_THAN);
    }
    CHECK_INT(got.n_dates, 1);
    if (got.n_dates == 1)
        CHECK_STR(got.dates[0].value, "2024-05-01");
    CHECK_INT(got.n_mentions, 3);
    if (got.n_mentions == 3) {
        CHECK_INT(got.mentions[0].type, MENTION_PLACE);
        CHECK_INT(got.mentions[1].type, MENTION_FIGURE);
        CHECK_INT(got.mentions[1].len, 9);
        CHECK_INT(got.mentions[2].index, 0); /* the merged place */
        CHECK_INT(got.mentions[2].start, 30);
    }
    /* Summary columns: the largest killed figure (30 from the range beats 14). */
    CHECK_INT(query_int(s, "SELECT killed FROM articles"), 30);
    CHECK_INT(query_int(s, "SELECT destroyed FROM articles"), 138);
    CHECK_INT(query_int(s, "SELECT wounded IS NULL FROM articles"), 1);
    /* The hierarchy: Qaim under Anbar under Iraq, closure rows for each level. */
    CHECK_INT(query_int(s, "SELECT count(*) FROM places"), 3);
    CHECK_INT(query_int(s, "SELECT count(*) FROM place_ancestors pa JOIN places p ON"
                           " p.id = pa.place_id WHERE p.name = 'Qaim'"),
              3);
    CHECK_INT(query_int(s, "SELECT depth FROM places WHERE name = 'Qaim'"), 2);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_places ap JOIN place_ancestors pa"
                           " ON pa.place_id = ap.place_id JOIN places c ON c.id ="
                           " pa.ancestor_id WHERE c.key = 'g:99237'"),
              1);
    /* Anbar came in as Qaim's enclosing place, without coordinates; an article naming
     * it in its own right supplies them. */
    CHECK_INT(query_int(s, "SELECT lat IS NULL FROM places WHERE key = 'g:99592'"), 1);
    struct article b;
    struct facts fb;
    make_article(&b, "Anbar operations", "Troops advanced in Anbar.", "cc34");
    facts_init(&fb);
    struct place_fact *anbar = facts_add_place(&fb);
    anbar->name = strdup("Anbar");
    anbar->kind = PLACE_ADMIN1;
    anbar->country = strdup("Iraq");
    anbar->country_code = strdup("IQ");
    anbar->gazetteer_id = 99592;
    anbar->has_coords = true;
    anbar->lat = 33.0;
    anbar->lon = 42.0;
    anbar->count = 1;
    anbar->n_chain = 1;
    anbar->chain = calloc(1, sizeof *anbar->chain);
    anbar->chain[0] = (struct place_ref){strdup("Iraq"), PLACE_COUNTRY, 99237};
    CHECK_INT(store_add_article(s, &b, &fb, NULL, err, sizeof err), 1);
    CHECK_INT(query_int(s, "SELECT CAST(lat AS INTEGER) FROM places WHERE key = 'g:99592'"), 33);
    CHECK_INT(query_int(s, "SELECT count(*) FROM places"), 3);
    facts_free(&fb);
    clear_article(&b);

    sqlite3_stmt *q;
    sqlite3_prepare_v2(store_db(s), "SELECT places FROM articles WHERE id = 1", -1, &q, NULL);
    sqlite3_step(q);
    CHECK_STR((const char *)sqlite3_column_text(q, 0), "Qaim, Anbar, Iraq");
    sqlite3_finalize(q);

    facts_free(&got);
    facts_free(&f);
    clear_article(&a);
    store_close(s);
    unlink(db_path);
}

static int64_t dangling_place_refs(struct store *s)
{
    return query_int(s, "SELECT (SELECT count(*) FROM article_places ap WHERE NOT EXISTS"
                        " (SELECT 1 FROM places p WHERE p.id = ap.place_id))"
                        " + (SELECT count(*) FROM place_ancestors pa WHERE NOT EXISTS"
                        " (SELECT 1 FROM places p WHERE p.id = pa.ancestor_id))"
                        " + (SELECT count(*) FROM article_actors aa WHERE NOT EXISTS"
                        " (SELECT 1 FROM actors a WHERE a.id = aa.actor_id))");
}

/* Inside a batch place and actor ids come from the store's cache (key_cache.h): a place
 * met again is the same row, gains the coordinates it lacked once, and a batch rolled
 * back leaves no id behind for the next batch to point at. */
static void test_place_ids_in_batches(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    char err[256] = "";
    struct article a;
    struct facts f;
    make_facts(&f);
    /* a batch rolled back: Qaim, Anbar, Iraq and the actor were cached, then undone */
    make_article(&a, "Rolled back", "Jets struck Qaim.", "r1");
    CHECK_INT(store_begin(s), 0);
    CHECK_INT(store_add_article(s, &a, &f, NULL, err, sizeof err), 1);
    CHECK_INT(store_rollback(s), 0);
    clear_article(&a);
    CHECK_INT(query_int(s, "SELECT count(*) FROM places"), 0);
    /* the next batch: two articles naming Qaim, then one naming Anbar in its own right */
    CHECK_INT(store_begin(s), 0);
    make_article(&a, "First", "Jets struck Qaim.", "b1");
    CHECK_INT(store_add_article(s, &a, &f, NULL, err, sizeof err), 1);
    clear_article(&a);
    make_article(&a, "Second", "Jets struck Qaim again.", "b2");
    CHECK_INT(store_add_article(s, &a, &f, NULL, err, sizeof err), 1);
    clear_article(&a);
    struct facts fb;
    facts_init(&fb);
    struct place_fact *anbar = facts_add_place(&fb);
    anbar->name = strdup("Anbar");
    anbar->kind = PLACE_ADMIN1;
    anbar->country = strdup("Iraq");
    anbar->country_code = strdup("IQ");
    anbar->gazetteer_id = 99592;
    anbar->has_coords = true;
    anbar->lat = 33.0;
    anbar->lon = 42.0;
    anbar->count = 1;
    anbar->n_chain = 1;
    anbar->chain = calloc(1, sizeof *anbar->chain);
    anbar->chain[0] = (struct place_ref){strdup("Iraq"), PLACE_COUNTRY, 99237};
    make_article(&a, "Anbar", "Troops advanced in Anbar.", "b3");
    CHECK_INT(store_add_article(s, &a, &fb, NULL, err, sizeof err), 1);
    clear_article(&a);
    /* Qaim again, after Anbar gained coordinates: Anbar is not filled twice nor doubled */
    make_article(&a, "Third", "Jets struck Qaim a third time.", "b4");
    CHECK_INT(store_add_article(s, &a, &f, NULL, err, sizeof err), 1);
    clear_article(&a);
    CHECK_INT(store_commit(s), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM places"), 3);
    CHECK_INT(query_int(s, "SELECT count(*) FROM actors"), 1);
    CHECK_INT(query_int(s, "SELECT count(DISTINCT place_id) FROM article_places"), 2);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_places"), 4);
    CHECK_INT(dangling_place_refs(s), 0);
    CHECK_INT(query_int(s, "SELECT CAST(lat AS INTEGER) FROM places WHERE key = 'g:99592'"), 33);
    CHECK_INT(query_int(s, "SELECT parent_id = (SELECT id FROM places WHERE key = 'g:99237')"
                           " FROM places WHERE key = 'g:99592'"),
              1);
    /* outside a batch the ids are looked up in SQL as before */
    make_article(&a, "Alone", "Jets struck Qaim once more.", "c1");
    CHECK_INT(store_add_article(s, &a, &f, NULL, err, sizeof err), 1);
    clear_article(&a);
    CHECK_INT(query_int(s, "SELECT count(*) FROM places"), 3);
    CHECK_INT(dangling_place_refs(s), 0);
    facts_free(&fb);
    facts_free(&f);
    store_close(s);
    unlink(db_path);
}

static void test_cascade_delete_and_integrity(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    struct facts f;
    char err[256] = "", msg[256] = "";
    int64_t id = 0;
    make_article(&a, "Jets strike Qaim", "Jets killed 14 militants in Qaim.", "dd44");
    make_facts(&f);
    CHECK_INT(store_add_article(s, &a, &f, &id, err, sizeof err), 1);
    CHECK(query_int(s, "SELECT count(*) FROM figures") == 3);
    CHECK_INT(store_delete_article(s, id), 0);
    CHECK_INT(store_delete_article(s, id), -1);
    CHECK_INT(store_article_count(s), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_spans"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM figures"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_places"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_actors"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'qaim'"), 0);
    /* Places outlive the article: the hierarchy is shared by the collection. */
    CHECK_INT(query_int(s, "SELECT count(*) FROM places"), 3);
    CHECK_INT(store_integrity_check(s, msg, sizeof msg), 0);
    CHECK_STR(msg, "ok");
    CHECK_INT(query_int(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    /* The same article can come back after a delete. */
    CHECK_INT(store_add_article(s, &a, &f, &id, err, sizeof err), 1);
    facts_free(&f);
    clear_article(&a);
    store_close(s);
    unlink(db_path);
}

/* A failure part-way through an article's rows leaves none of them behind, and the
 * batch's other articles are still indexed (the index waits for the commit). Also in an
 * import's batch, where foreign-key checks and so cascades are off until it ends. */
static void failed_add_leaves_nothing(int (*begin)(struct store *))
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a, before;
    struct facts f;
    char err[256] = "";
    int64_t id = 0;
    make_article(&a, "Jets strike Qaim", "Jets killed 14 militants in Qaim.", "ee55");
    make_article(&before, "Shelling in Kharkiv", "Shelling wounded five in Kharkiv.", "dd44");
    make_facts(&f);
    CHECK_INT(sqlite3_exec(store_db(s),
                           "CREATE TEMP TRIGGER refuse_dates BEFORE INSERT ON article_spans"
                           " WHEN NEW.dates NOT NULL"
                           " BEGIN SELECT RAISE(ABORT, 'refused'); END",
                           NULL, NULL, NULL),
              SQLITE_OK);
    CHECK_INT(begin(s), 0);
    CHECK_INT(store_add_article(s, &before, NULL, NULL, err, sizeof err), 1);
    CHECK_INT(store_add_article(s, &a, &f, &id, err, sizeof err), -1);
    CHECK(strstr(err, "refused") != NULL);
    CHECK_INT(store_commit(s), 0);
    CHECK_INT(query_int(s, "PRAGMA foreign_keys"), 1); /* back on after the batch */
    CHECK_INT(query_int(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_places"), 0); /* only the failed one's */
    CHECK(fts_consistent(s));
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'kharkiv'"),
              1);
    CHECK_INT(store_delete_article(s, 1), 0);
    CHECK_INT(store_article_count(s), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_spans"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM figures"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM article_places"), 0);
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'qaim'"), 0);
    sqlite3_exec(store_db(s), "DROP TRIGGER refuse_dates", NULL, NULL, NULL);
    CHECK_INT(store_add_article(s, &a, &f, &id, err, sizeof err), 1);
    CHECK_INT(query_int(s, "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'qaim'"), 1);
    CHECK(fts_consistent(s));
    facts_free(&f);
    clear_article(&a);
    clear_article(&before);
    store_close(s);
    unlink(db_path);
}

static void test_failed_add_leaves_nothing(void)
{
    failed_add_leaves_nothing(store_begin);
    failed_add_leaves_nothing(store_begin_adding);
}

static void test_default_path(void)
{
    char dir[128];
    snprintf(dir, sizeof dir, "/tmp/sitrep-test-xdg-%ld", (long)getpid());
    setenv("XDG_DATA_HOME", dir, 1);
    char *path = store_default_path();
    char want[200];
    snprintf(want, sizeof want, "%s/sitrep/sitrep.db", dir);
    CHECK_STR(path, want);
    CHECK(access(path ? path : "/nonexistent", F_OK) != 0); /* the file is not created */
    snprintf(want, sizeof want, "%s/sitrep", dir);
    CHECK_INT(access(want, W_OK), 0);
    rmdir(want);
    rmdir(dir);
    free(path);
}

/* The reader's reads: list pages in list order (newest first, undated last), a filtered
 * list and positions in it, the read mark, an article's head and sentences. */
static void test_reader_reads(void)
{
    struct store *s = open_fresh();
    if (!s)
        return;
    struct article a;
    char err[256] = "";
    int64_t ids[3];
    const char *dates[3] = {"2024-05-01", "2024-09-21", NULL};
    for (int i = 0; i < 3; i++) {
        char title[32], hash[16];
        snprintf(title, sizeof title, "Report %d", i);
        snprintf(hash, sizeof hash, "h%d", i);
        make_article(&a, title, "Jets killed 14 militants in Qaim.", hash);
        free(a.date);
        a.date = dates[i] ? strdup(dates[i]) : NULL;
        free(a.origin);
        a.origin = strdup(i == 2 ? "dir/002_x.txt" : "dir/other.txt");
        CHECK_INT(store_add_article(s, &a, NULL, &ids[i], err, sizeof err), 1);
        clear_article(&a);
    }
    struct query q;
    query_init(&q);
    int64_t count = 0;
    CHECK(!store_list_filters(s, &q));
    CHECK_INT(store_list_count_all(s, &count, err, sizeof err), 0);
    CHECK_INT(count, 3);
    struct store_list_row rows[4];
    CHECK_INT(store_list_page(s, 0, 4, rows), 3);
    CHECK_INT(rows[0].id, ids[1]); /* 2024-09-21 */
    CHECK_INT(rows[1].id, ids[0]);
    CHECK_INT(rows[2].id, ids[2]); /* undated last */
    CHECK_STR(rows[0].title, "Report 1");
    CHECK(rows[2].date == NULL);
    CHECK_INT(rows[0].killed, FACT_NONE);
    store_list_rows_free(rows, 3);
    CHECK_INT(store_list_page(s, 2, 4, rows), 1);
    store_list_rows_free(rows, 1);
    int pos = -1;
    CHECK(store_list_position(s, ids[0], &pos));
    CHECK_INT(pos, 1);
    CHECK(store_list_position(s, ids[1], &pos));
    CHECK_INT(pos, 0);
    CHECK(store_list_position(s, ids[2], &pos)); /* undated: after every dated one */
    CHECK_INT(pos, 2);
    CHECK(!store_list_position(s, 999, &pos));

    /* filtered: the ids in list order, all of them or the first few; a page by ids */
    CHECK_INT(query_parse(&q, "since:2024-06", err, sizeof err), 0);
    CHECK(store_list_filters(s, &q));
    int64_t *found = NULL;
    CHECK_INT(store_list_ids(s, &q, LIST_BY_DATE, 0, &found, err, sizeof err), 1);
    CHECK_INT(found[0], ids[1]);
    free(found);
    query_free(&q);
    query_init(&q);
    store_list_set_order(s, LIST_BY_ADDED); /* another order is a filtered list too */
    CHECK(store_list_filters(s, &q));
    store_list_set_order(s, LIST_BY_DATE);
    CHECK_INT(store_list_ids(s, &q, LIST_BY_DATE, 2, &found, err, sizeof err), 2);
    CHECK_INT(found[0], ids[1]);
    CHECK_INT(found[1], ids[0]);
    int64_t page_ids[3] = {ids[2], 999, ids[1]}; /* 999: deleted meanwhile, left out */
    CHECK_INT(store_list_rows(s, page_ids, 3, rows), 2);
    CHECK_INT(rows[0].id, ids[2]);
    CHECK_INT(rows[1].id, ids[1]);
    CHECK_STR(rows[1].title, "Report 1");
    store_list_rows_free(rows, 2);
    free(found);
    query_free(&q);

    CHECK_INT(store_toggle_read(s, ids[0], err, sizeof err), 0);
    CHECK_INT(store_list_page(s, 1, 1, rows), 1);
    CHECK(rows[0].is_read);
    store_list_rows_free(rows, 1);
    CHECK_INT(store_toggle_read(s, ids[0], err, sizeof err), 0);
    CHECK_INT(query_int(s, "SELECT is_read FROM articles WHERE id = 1"), 0);

    struct store_article_head h;
    CHECK_INT(store_article_head(s, ids[0], &h), 0);
    CHECK_STR(h.date, "2024-05-01");
    CHECK_STR(h.source, "IraqiNews.com");
    CHECK(h.dateline == NULL);
    CHECK_INT(h.text_bytes, strlen("Report 0\n\nJets killed 14 militants in Qaim."));
    store_article_head_free(&h);
    CHECK_INT(store_article_head(s, 999, &h), -1);
    int n = 0;
    long *starts = store_sentence_starts(s, ids[0], &n);
    CHECK_INT(n, 2);
    if (n == 2)
        CHECK_INT(starts[1], strlen("Report 0") + 2);
    free(starts);

    store_close(s);
    unlink(db_path);
}

int main(void)
{
    RUN(test_open_and_migrate);
    RUN(test_new_collection_whole_or_nothing);
    RUN(test_migrate_v1_index);
    RUN(test_migrate_event_places);
    RUN(test_migrate_article_spans);
    RUN(test_prepared_apart);
    RUN(test_add_and_dedup);
    RUN(test_facts_round_trip);
    RUN(test_place_ids_in_batches);
    RUN(test_cascade_delete_and_integrity);
    RUN(test_failed_add_leaves_nothing);
    RUN(test_default_path);
    RUN(test_reader_reads);
    RUN(test_article_count_kept);
    return TESTS_DONE();
}
