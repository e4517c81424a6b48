/* test_query.c: the filter language compiles to a WHERE clause with bound values; the
 * articles it selects are checked on a small store built here by hand. */
#include <stdlib.h>
#include <unistd.h>

#include <sqlite3.h>

#include "base/facts.h"
#include "store/query.h"
#include "store/place_counts.h"
#include "store/store.h"
#include "testlib.h"

static sqlite3 *db;

/* Five articles: (id, date, source, killed, read), places Iraq > Anbar > Qaim and
 * Iraq > Baghdad, actors Islamic State (written "Daesh" in one) and Taliban. Where their
 * events happened (article_event_places): 1 in Qaim (it names Baghdad in passing), 2 in
 * Baghdad, 3 in Anbar; 4 names Kabul but no place of an event. */
static const char fixture[] =
    "INSERT INTO articles(id, hash, title, text, date, source, killed, is_read) VALUES"
    " (1, 'h1', 'Strike on Qaim', 'Strike on Qaim kills 12', '2016-06-03', 'Reuters', 12, 0),"
    " (2, 'h2', 'Baghdad bombing', 'A bomb in Baghdad killed 30', '2016-07-20', 'AP', 30, 1),"
    " (3, 'h3', 'Anbar clashes', 'Clashes in Anbar left 4 dead', '2016-08-01', 'AFP', 4, 0),"
    " (4, 'h4', 'Kabul', 'Taliban attack in Kabul', NULL, 'Reuters Kabul', NULL, 0),"
    " (5, 'h5', 'It''s over', 'Quote '' and \"double\" text', '2015-01-01', NULL, 0, 0);"
    "INSERT INTO articles_fts(rowid, title, text) SELECT id, title, text FROM articles;"
    "INSERT INTO places(id, key, name, parent_id, depth) VALUES (1, 'g:1', 'Iraq', NULL, 0),"
    " (2, 'g:2', 'Al Anbar', 1, 1), (3, 'g:3', 'Al Qa''im', 2, 2), (4, 'g:4', 'Baghdad', 1, 1),"
    " (5, 'g:5', 'Kabul', NULL, 0);"
    "INSERT INTO place_ancestors VALUES (1,1),(2,2),(2,1),(3,3),(3,2),(3,1),(4,4),(4,1),(5,5);"
    "INSERT INTO article_places(article_id, place_id, surface) VALUES"
    " (1, 3, '[\"Qaim\",\"al-Qa''im\"]'), (2, 4, '[\"Baghdad\"]'), (3, 2, '[\"Anbar\"]'),"
    " (1, 4, '[\"Baghdad\"]'), (4, 5, '[\"Kabul\"]');"
    "INSERT INTO article_event_places(article_id, place_id, incident) VALUES"
    " (1, 3, 0), (2, 4, 0), (3, 2, 0);"
    "INSERT INTO actors(id, name) VALUES (1, 'Islamic State'), (2, 'Taliban');"
    "INSERT INTO article_actors(article_id, actor_id, surface) VALUES"
    " (1, 1, '[\"IS\"]'), (3, 1, '[\"Daesh\"]'), (4, 2, '[\"Taliban\"]');"
    "INSERT INTO feeds(id, url, name, title) VALUES (1, 'http://a.example/rss', 'alpha',"
    " 'Alpha News'), (2, 'http://b.example/rss', NULL, 'Beta Wire'),"
    " (3, 'http://c.example/rss', 'gamma', NULL);"
    "INSERT INTO feed_items(feed_id, key, article_id) VALUES (1, 'guid:1', 1),"
    " (1, 'guid:3', 3), (2, 'link:x', 2), (3, 'guid:gone', NULL);";

/* The ids a WHERE clause with q's parameters selects, as "1,3" ("" for none). */
static void ids_where(const struct query *q, const char *where, char *out, size_t cap)
{
    char sql[2048];
    snprintf(sql, sizeof sql, "SELECT id FROM articles WHERE %s ORDER BY id", where);
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
        snprintf(out, cap, "sql: %s", sqlite3_errmsg(db));
        return;
    }
    query_bind(q, st, 1);
    while (sqlite3_step(st) == SQLITE_ROW) {
        size_t n = strlen(out);
        snprintf(out + n, cap - n, "%s%lld", n ? "," : "", (long long)sqlite3_column_int64(st, 0));
    }
    sqlite3_finalize(st);
}

/* The ids q selects, as "1,3" ("" for none). The clause's row-by-row form (the list's
 * first screenful walks with it) must select the very same. */
static const char *ids_of(const struct query *q)
{
    static char out[256];
    char by_row[256];
    ids_where(q, query_where(q), out, sizeof out);
    ids_where(q, query_where_by_row(q), by_row, sizeof by_row);
    if (strcmp(out, by_row) != 0) {
        char both[256];
        snprintf(both, sizeof both, "%.100s, by row %.100s", out, by_row);
        snprintf(out, sizeof out, "%s", both);
    }
    return out;
}

/* The ids the filter selects, as "1,3" ("" for none; "error: ..." on a syntax error). */
static const char *select_ids(const char *expr)
{
    static char out[256];
    struct query q;
    char err[200];
    query_init(&q);
    if (query_parse(&q, expr, err, sizeof err) != 0) {
        snprintf(out, sizeof out, "error: %s", err);
        query_free(&q);
        return out;
    }
    snprintf(out, sizeof out, "%s", ids_of(&q));
    query_free(&q);
    return out;
}

static void test_empty_selects_all(void)
{
    CHECK_STR(select_ids(""), "1,2,3,4,5");
    CHECK_STR(select_ids("   "), "1,2,3,4,5");
}

static void test_place_includes_inside(void)
{
    CHECK_STR(select_ids("place:Iraq"), "1,2,3");
    CHECK_STR(select_ids("place:\"Al Anbar\""), "1,3"); /* Qaim is inside Anbar */
    CHECK_STR(select_ids("place:al-Qa'im"), "1");       /* a spelling the text used */
    CHECK_STR(select_ids("place:baghdad"), "2");        /* case does not matter */
}

/* place: keeps the reports of events there; mentions: every report naming the place, as
 * place: did before (1 names Baghdad in passing). */
static void test_place_events_or_mentions(void)
{
    CHECK_STR(select_ids("place:Baghdad"), "2");
    CHECK_STR(select_ids("mentions:Baghdad"), "1,2");
    CHECK_STR(select_ids("mentions:baghdad killed>=20"), "2");
    CHECK_STR(select_ids("mentions:Iraq"), "1,2,3");
    CHECK_STR(select_ids("mentions:\"Al Anbar\""), "1,3");
    CHECK_STR(select_ids("mentions:al-Qa'im"), "1");
    CHECK_STR(select_ids("mentions:Atlantis"), "");
    CHECK_STR(select_ids("place:Kabul"), "");
    CHECK_STR(select_ids("mentions:Kabul"), "4");
    CHECK_STR(select_ids("mentions:"), "error: column 1: mentions: needs a value");
    struct query q;
    query_init(&q);
    CHECK_INT(query_add_place(&q, 4, PLACE_EVENTS), 0);
    CHECK_STR(ids_of(&q), "2");
    query_free(&q);
    query_init(&q);
    CHECK_INT(query_add_place(&q, 4, PLACE_MENTIONS), 0);
    CHECK_STR(ids_of(&q), "1,2");
    query_free(&q);
}

static void test_actor_aliases(void)
{
    CHECK_STR(select_ids("actor:\"Islamic State\""), "1,3");
    CHECK_STR(select_ids("actor:Daesh"), "1,3"); /* written in 3 only, names the actor */
    CHECK_STR(select_ids("actor:Taliban"), "4");
}

static void test_figures_and_dates(void)
{
    CHECK_STR(select_ids("killed>=12"), "1,2");
    CHECK_STR(select_ids("killed>12"), "2");
    CHECK_STR(select_ids("killed<5"), "3,4,5"); /* no figure counts as 0 */
    CHECK_STR(select_ids("killed=30"), "2");
    CHECK_STR(select_ids("since:2016-06 until:2016-07"), "1,2");
    CHECK_STR(select_ids("since:2016"), "1,2,3");
    CHECK_STR(select_ids("until:2016-06-03"), "1,5");
}

static void test_source_read_words(void)
{
    CHECK_STR(select_ids("source:Reuters"), "1,4");
    CHECK_STR(select_ids("read:yes"), "2");
    CHECK_STR(select_ids("read:no source:Reuters"), "1,4");
    CHECK_STR(select_ids("bomb"), "2");
    CHECK_STR(select_ids("Strike Qaim"), "1");
    CHECK_STR(select_ids("\"Strike on Qaim\""), "1");
    CHECK_STR(select_ids("place:Iraq killed>=10 strike"), "1");
}

/* feed: names a subscription by its name, its own title or its URL; items whose article
 * was deleted (article_id NULL) select nothing. */
static void test_feed(void)
{
    CHECK_STR(select_ids("feed:alpha"), "1,3");
    CHECK_STR(select_ids("feed:ALPHA"), "1,3");
    CHECK_STR(select_ids("feed:\"Beta Wire\""), "2");
    CHECK_STR(select_ids("feed:http://b.example/rss"), "2");
    CHECK_STR(select_ids("feed:gamma"), "");
    CHECK_STR(select_ids("feed:alpha source:Reuters"), "1");
}

/* User text is bound, never pasted: quotes and FTS5 operators are just text. */
static void test_hostile_values(void)
{
    CHECK_STR(select_ids("source:x'); DROP TABLE articles; --"), "");
    CHECK_STR(select_ids("source:%"), "1,2,3,4"); /* a LIKE wildcard finds any source */
    CHECK_STR(select_ids("Quote ' double"), "5");
    CHECK_STR(select_ids("NOT AND OR NEAR("), "");
    CHECK_STR(select_ids("\"\""), "1,2,3,4,5");
    CHECK_STR(select_ids("place:\"'\""), "");
    CHECK_STR(select_ids(""), "1,2,3,4,5"); /* still there */
}

static void test_errors_name_the_column(void)
{
    CHECK_STR(select_ids("killed>=many"),
              "error: column 1: killed needs a number, e.g. killed>=10");
    CHECK_STR(select_ids("place:Iraq since:June"),
              "error: column 12: dates are YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK_STR(select_ids("source:\"open"), "error: column 1: unterminated quote");
    CHECK_STR(select_ids("colour:red"),
              "error: column 1: unknown filter 'colour' (place, mentions, actor, killed, "
              "wounded, destroyed, since, until, source, read, feed, tag)");
    CHECK_STR(select_ids("place:"), "error: column 1: place: needs a value");
    CHECK_STR(select_ids("place>3"),
              "error: column 1: only killed, wounded and destroyed compare with >");
}

/* A failed parse leaves the query as it was. */
static void test_error_keeps_query(void)
{
    struct query q;
    char err[200];
    query_init(&q);
    CHECK_INT(query_add_place(&q, 2, PLACE_EVENTS), 0);
    char before[512];
    snprintf(before, sizeof before, "%s", query_where(&q));
    CHECK_INT(query_parse(&q, "killed>=x", err, sizeof err), -1);
    CHECK_STR(query_where(&q), before);
    CHECK_INT(q.n_params, 1);
    query_free(&q);
}

/* The place: terms' names are kept, so the reader can say which one no place has; the
 * store knows a place by name or by a spelling an article used. */
static struct store *the_store;

static void test_place_names(void)
{
    struct store *s = the_store;
    struct query q;
    char err[200];
    const char *names[4];
    enum place_meaning meanings[4];
    query_init(&q);
    CHECK_INT(query_parse(&q, "place:Qaim killed>=1 mentions:\"Wadi X\"", err, sizeof err), 0);
    CHECK_INT(query_place_names(&q, names, meanings, 4), 2);
    CHECK_STR(names[0], "Qaim");
    CHECK_STR(names[1], "Wadi X");
    CHECK_INT(meanings[0], PLACE_EVENTS);
    CHECK_INT(meanings[1], PLACE_MENTIONS);
    struct query copy;
    CHECK_INT(query_copy(&copy, &q), 0);
    CHECK_INT(query_place_names(&copy, names, meanings, 4), 2);
    CHECK_INT(meanings[1], PLACE_MENTIONS);
    query_free(&copy);
    CHECK_INT(query_parse(&q, "place:", err, sizeof err), -1); /* an error keeps them */
    CHECK_INT(query_place_names(&q, names, NULL, 4), 2);
    query_free(&q);
    CHECK(!store_place_named(s, "Atlantis"));
    CHECK(store_place_named(s, "al anbar")); /* a name, any case */
    CHECK(store_place_named(s, "Qaim"));     /* a spelling an article used */
    CHECK(store_place_named(s, "Kabul"));
    CHECK(store_place_has_events(s, "Qaim"));
    CHECK(store_place_has_events(s, "iraq"));   /* events inside it */
    CHECK(!store_place_has_events(s, "Kabul")); /* named, but no event there */
    CHECK(!store_place_has_events(s, "Atlantis"));
}

/* ---- four reports stored with their facts, as an import stores them ---- */

static void add_city(struct facts *f, const char *name, int64_t gid, int count, int first)
{
    struct place_fact *p = facts_add_place(f);
    p->name = strdup(name);
    p->kind = PLACE_CITY;
    p->country = strdup("Iraq");
    p->country_code = strdup("IQ");
    p->gazetteer_id = gid;
    p->count = count;
    p->first_sentence = first;
    p->n_chain = 1;
    p->chain = calloc(1, sizeof *p->chain);
    p->chain[0] = (struct place_ref){strdup("Iraq"), PLACE_COUNTRY, 99237};
    facts_add_surface(&p->surface, &p->n_surface, name);
}

static void add_killed(struct facts *f, const char *place, int incident)
{
    struct figure_fact *g = facts_add_figure(f);
    g->kind = FIG_KILLED;
    g->n = g->min = g->max = 9;
    g->qualifier = Q_EXACT;
    g->place = strdup(place);
    g->role = ROLE_EVENT;
    g->incident = incident;
    g->sentence = 1;
}

static void store_report(struct store *s, const char *title, const char *dateline,
                         const struct facts *f, const char *hash)
{
    struct article a;
    memset(&a, 0, sizeof a);
    a.title = (char *)title;
    a.text = (char *)title;
    a.text_len = strlen(title);
    a.dateline = (char *)dateline;
    snprintf(a.hash, sizeof a.hash, "%s", hash);
    char err[200] = "";
    CHECK_INT(store_add_article(s, &a, f, NULL, err, sizeof err), 1);
    CHECK_STR(err, "");
}

static int kirkuk_count(const struct store_place_count *c, void *arg)
{
    if (strcmp(c->name, "Kirkuk") == 0)
        memcpy(arg, c, sizeof *c);
    return 0;
}

/* 1: a strike in Mosul naming Kirkuk in passing; 2: filed from Kirkuk (its dateline)
 * about a bombing in Mosul; 3: shelling in Kirkuk; 4: clashes in Mosul and, a second
 * incident, a bomb in Kirkuk. Each as the extractor gives it (tests/data/placefilter has
 * the texts). place:Kirkuk keeps 3 and 4, mentions:Kirkuk all four, and the picker
 * counts the same. */
static void test_four_reports_through_store(void)
{
    char path[64], err[200];
    snprintf(path, sizeof path, "/tmp/sitrep-test-query4-%ld.db", (long)getpid());
    unlink(path);
    struct store *s = NULL;
    CHECK_INT(store_open(path, &s, err, sizeof err), 0);
    if (!s)
        return;
    struct facts f;
    facts_init(&f);
    add_city(&f, "Mosul", 99072, 2, 0);
    add_city(&f, "Kirkuk", 94787, 1, 2);
    add_killed(&f, "Mosul", 0);
    store_report(s, "Airstrike kills 20 militants in Mosul", NULL, &f, "r1");
    facts_free(&f);
    facts_init(&f);
    add_city(&f, "Kirkuk", 94787, 1, 1);
    add_city(&f, "Mosul", 99072, 2, 0);
    add_killed(&f, "Mosul", 0);
    store_report(s, "Car bomb kills nine at a Mosul market", "KIRKUK", &f, "r2");
    facts_free(&f);
    facts_init(&f);
    add_city(&f, "Kirkuk", 94787, 3, 0);
    add_killed(&f, "Kirkuk", 0);
    store_report(s, "Shelling kills six civilians in Kirkuk", NULL, &f, "r3");
    facts_free(&f);
    facts_init(&f);
    add_city(&f, "Mosul", 99072, 2, 0);
    add_city(&f, "Kirkuk", 94787, 1, 2);
    add_killed(&f, "Mosul", 0);
    add_killed(&f, "Kirkuk", 1);
    store_report(s, "Clashes kill 12 fighters in Mosul", NULL, &f, "r4");
    facts_free(&f);
    sqlite3 *keep = db;
    db = store_db(s);
    CHECK_STR(select_ids("place:Kirkuk"), "3,4");
    CHECK_STR(select_ids("mentions:Kirkuk"), "1,2,3,4");
    CHECK_STR(select_ids("place:Mosul"), "1,2,4");
    CHECK_STR(select_ids("mentions:Mosul"), "1,2,4");
    CHECK_STR(select_ids("place:Iraq"), "1,2,3,4");
    db = keep;
    struct store_place_count kirkuk = {0};
    CHECK_INT(store_place_counts(s, kirkuk_count, &kirkuk, err, sizeof err), 0);
    CHECK_INT(kirkuk.events, 2);
    CHECK_INT(kirkuk.mentions, 4);
    store_close(s);
    unlink(path);
}

int main(void)
{
    char path[64], err[256];
    snprintf(path, sizeof path, "/tmp/sitrep-test-query-%ld.db", (long)getpid());
    unlink(path);
    struct store *s = NULL;
    if (store_open(path, &s, err, sizeof err) != 0) {
        printf("not ok store: %s\n", err);
        return 1;
    }
    db = store_db(s);
    char *msg = NULL;
    if (sqlite3_exec(db, fixture, NULL, NULL, &msg) != SQLITE_OK) {
        printf("not ok fixture: %s\n", msg);
        return 1;
    }
    RUN(test_empty_selects_all);
    RUN(test_place_includes_inside);
    RUN(test_place_events_or_mentions);
    RUN(test_actor_aliases);
    RUN(test_figures_and_dates);
    RUN(test_source_read_words);
    RUN(test_feed);
    RUN(test_hostile_values);
    RUN(test_errors_name_the_column);
    RUN(test_error_keeps_query);
    the_store = s;
    RUN(test_place_names);
    RUN(test_four_reports_through_store);
    store_close(s);
    unlink(path);
    return TESTS_DONE();
}
