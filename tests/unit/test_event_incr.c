/* test_event_incr.c: incremental grouping: the features kept per report, and reports
 * assigned to stored events one import after another. */
#include "events/event_incr.h"
#include "events/event_features.h"
#include "events/event_int.h"

#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/text.h"
#include "events/event_grouping.h"
#include "store/event_list.h"
#include "store/store.h"
#include "testlib.h"

static void add_place(struct facts *f, const char *name, int64_t gid, int count)
{
    struct place_fact *pf = facts_add_place(f);
    pf->name = strdup(name);
    pf->kind = PLACE_CITY;
    pf->gazetteer_id = gid;
    pf->count = count;
    pf->country_code = strdup("IQ");
    pf->admin1 = strdup("Baghdad");
    pf->chain = calloc(2, sizeof *pf->chain);
    pf->chain[0] = (struct place_ref){strdup("Iraq"), PLACE_COUNTRY, 99};
    pf->chain[1] = (struct place_ref){strdup("Baghdad"), PLACE_ADMIN1, 21};
    pf->n_chain = 2;
}

static void add_killed(struct facts *f, long n, const char *date)
{
    struct figure_fact *ff = facts_add_figure(f);
    ff->kind = FIG_KILLED;
    ff->n = ff->min = ff->max = n;
    ff->qualifier = Q_EXACT;
    ff->date = strdup(date);
}

/* ---- features ---- */

static void test_features_roundtrip(void)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, "Karrada", 12, 3);
    add_killed(&f, 12, "2024-03-10");
    struct ev_doc d;
    CHECK(ev_doc_from_facts(&d, 7, "Car bomb kills 12 in Karrada", "2024-03-10", "Reuters",
                            "A car bomb killed 12 people in Karrada on Sunday.", &f) == 0);
    facts_free(&f);
    CHECK(ev_prepare(&d, 1, true) == 0);
    uint32_t hashes[3] = {5, 9, 0x80000001u};
    float counts[3] = {1, 2.5f, 3};
    size_t len = 0;
    void *blob = ev_features_encode(&d, 19792, hashes, counts, 3, &len);
    CHECK(blob != NULL);
    struct ev_doc back;
    CHECK(ev_features_decode(blob, len, 7, &back) == 0);
    CHECK_INT(back.id, 7);
    CHECK_INT(d.own_killed, 12);
    CHECK_INT(back.own_killed, 12);
    CHECK(!back.own_killed_open);
    CHECK_INT(back.n_places, d.n_places);
    CHECK_STR(back.n_places ? back.places[0].name : NULL, "Karrada");
    CHECK_INT(back.n_places ? back.places[0].n_ancestors : 0, d.places[0].n_ancestors);
    CHECK_INT(back.prep->n_days, 1);
    CHECK_INT(back.prep->n_days ? back.prep->days[0] : 0, d.prep->days[0]);
    CHECK(memcmp(back.prep->kinds, d.prep->kinds, sizeof d.prep->kinds) == 0);
    CHECK_INT(back.prep->n_terms, 3);
    CHECK(back.prep->n_terms == 3 && back.prep->weights[1] == 2.5f);
    ev_doc_free(&back);
    /* a cut blob, or one of another layout, is refused rather than misread */
    for (size_t cut = 0; cut < len; cut += 7)
        CHECK(ev_features_decode(blob, cut, 7, &back) == -1);
    ((unsigned char *)blob)[0] ^= 1;
    CHECK(ev_features_decode(blob, len, 7, &back) == -1);
    free(blob);
    ev_doc_free(&d);
}

/* Weighing gives each kept term (1 + log count) * idf over the unit length, for whole,
 * fractional and large counts alike (small whole counts' logarithms come from a table),
 * with the idf callback asked once per term. */
static int idf_asked;
static double idf_from_term(void *ctx, uint32_t term, int64_t n_docs)
{
    (void)ctx;
    idf_asked++;
    return ev_idf(n_docs, (int64_t)term % 7);
}

static void test_weighing(void)
{
    struct ev_doc d = {0};
    CHECK(ev_prep_ensure(&d) == 0);
    const float counts[5] = {1, 2, 2.5f, 300, 255};
    d.prep->terms = malloc(5 * sizeof *d.prep->terms);
    d.prep->weights = malloc(5 * sizeof *d.prep->weights);
    for (int i = 0; i < 5; i++) {
        d.prep->terms[i] = 10 + i;
        d.prep->weights[i] = counts[i];
    }
    d.prep->n_terms = 5;
    idf_asked = 0;
    float *kept = NULL;
    CHECK(ev_features_weigh(&d, 40, idf_from_term, NULL, &kept) == 0);
    CHECK_INT(idf_asked, 5);
    double raw[5], norm = 0;
    for (int i = 0; i < 5; i++) {
        double idf = log((1.0 + 40.0) / (1.0 + (double)((10 + i) % 7))) + 1.0;
        raw[i] = (float)((1.0 + log((double)counts[i])) * idf);
        norm += raw[i] * raw[i];
    }
    norm = sqrt(norm);
    CHECK_INT(d.prep->n_terms, 5);
    for (int i = 0; i < 5 && d.prep->n_terms == 5; i++) {
        CHECK_INT(d.prep->terms[i], 10 + i);
        CHECK(d.prep->weights[i] == (float)(raw[i] / norm));
        CHECK(kept && kept[i] == counts[i]);
    }
    free(kept);
    ev_doc_free(&d);
}

/* Day numbers back to ISO dates (the epoch, a leap day, the day before the epoch). */
static void test_day_iso(void)
{
    char iso[40];
    ev_day_iso(0, iso);
    CHECK_STR(iso, "1970-01-01");
    ev_day_iso(19782, iso);
    CHECK_STR(iso, "2024-02-29");
    ev_day_iso(19783, iso);
    CHECK_STR(iso, "2024-03-01");
    ev_day_iso(-1, iso);
    CHECK_STR(iso, "1969-12-31");
    ev_day_iso(-719162, iso); /* 0001-01-01 */
    CHECK_STR(iso, "0001-01-01");
}

/* ---- catching up ---- */

static struct store *s;
static int64_t next_hash;

static void store_report(const char *title, const char *date, const char *text, const char *place,
                         int64_t gid, long killed)
{
    struct facts f;
    facts_init(&f);
    add_place(&f, place, gid, 3);
    if (killed)
        add_killed(&f, killed, date);
    struct article *a = calloc(1, sizeof *a);
    size_t len = strlen(title) + strlen(text) + 3;
    a->title = strdup(title);
    a->date = strdup(date);
    a->source = strdup("Reuters");
    a->origin = strdup("test");
    a->text = malloc(len);
    snprintf(a->text, len, "%s\n\n%s", title, text);
    a->text_len = strlen(a->text);
    a->n_sentences = text_split_sentences(a->text, a->text_len, &a->sentences);
    snprintf(a->hash, sizeof a->hash, "%064lld", (long long)++next_hash);
    char err[200];
    CHECK(store_add_article(s, a, &f, NULL, err, sizeof err) == 1);
    article_free(a);
    facts_free(&f);
}

static int64_t count(const char *sql)
{
    return store_query_int(store_db(s), sql);
}

/* The event of the article with this title. */
static int64_t event_of(const char *title)
{
    sqlite3_stmt *st;
    int64_t id = -1;
    if (sqlite3_prepare_v2(store_db(s),
                           "SELECT ea.event_id FROM event_articles ea JOIN articles a"
                           " ON a.id = ea.article_id WHERE a.title = ?",
                           -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW)
        id = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    return id;
}

static const char BOMB_A[] = "Car bomb kills 12 at Karrada market";
static const char BOMB_B[] = "Karrada market car bomb kills 12";
static const char BOMB_C[] = "Karrada market bombing toll rises to 14";
static const char LATER[] = "Car bomb at Karrada market two weeks on";
static const char MOSUL[] = "Clashes in Mosul leave 5 dead";

static void first_import(void)
{
    store_report(BOMB_A, "2024-03-10",
                 "A car bomb exploded at the crowded Karrada market in Baghdad, killing 12"
                 " shoppers, police said. The blast destroyed stalls at the market.",
                 "Karrada", 12, 12);
    store_report(BOMB_B, "2024-03-10",
                 "A car bomb tore through the Karrada market in Baghdad on Sunday, killing"
                 " 12 shoppers and destroying market stalls, police sources said.",
                 "Karrada", 12, 12);
    store_report(MOSUL, "2024-03-10",
                 "Fighters clashed with the army in Mosul overnight; five soldiers died in the"
                 " fighting near the old city.",
                 "Mosul", 10, 5);
}

static void second_import(void)
{
    store_report(BOMB_C, "2024-03-11",
                 "The toll of the car bomb at the Karrada market in Baghdad rose to 14, police"
                 " said, as shoppers returned to the market stalls the blast destroyed.",
                 "Karrada", 12, 14);
    store_report(LATER, "2024-03-24",
                 "Another car bomb exploded at the Karrada market in Baghdad, killing"
                 " shoppers at the stalls, police said.",
                 "Karrada", 12, 7);
}

/* The killed summary of one event, from loaded docs. */
static struct ev_kind_summary killed_summary(struct ev_doc *docs, size_t n, const char *place)
{
    const struct ev_doc **p = calloc(n + 1, sizeof *p);
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    memset(sum, 0, sizeof sum);
    for (size_t i = 0; p && i < n; i++)
        p[i] = &docs[i];
    if (p)
        ev_summarise(p, n, place, sum);
    free(p);
    return sum[FIG_KILLED];
}

/* The events list reads the order alone, then each row shown, and the killed range from
 * the killed figures alone: the same range as from the reports in full. */
static void check_event_list(void)
{
    struct store_event_key *keys;
    size_t n;
    CHECK(store_event_order(s, &keys, &n) == 0);
    CHECK_INT(n, 3);
    if (n != 3) {
        free(keys);
        return;
    }
    /* most reports first: the Karrada bombing's three, then the two single reports */
    CHECK(keys[0].id == event_of(BOMB_A));
    CHECK_INT(keys[0].n_reports, 3);
    CHECK_INT(keys[1].n_reports, 1);
    CHECK_INT(keys[2].n_reports, 1);
    /* equal counts: the latest date first (two weeks on, then Mosul) */
    CHECK(keys[1].id == event_of(LATER));
    struct store_event_row row = {0};
    CHECK_INT(store_event_row_get(s, keys[0].id, &row), 1);
    CHECK(row.label && strstr(row.label, "Karrada"));
    CHECK_STR(row.first_date, "2024-03-10");
    struct store_event_row none = {0};
    CHECK_INT(store_event_row_get(s, 999999, &none), 0);
    struct ev_doc *lean, *full;
    size_t n_lean, n_full;
    CHECK(ev_load_event_kind(s, keys[0].id, FIG_KILLED, &lean, &n_lean) == 0);
    CHECK(ev_load_event_reports(s, keys[0].id, &full, &n_full) == 0);
    CHECK_INT(n_lean, 3);
    struct ev_kind_summary a = killed_summary(lean, n_lean, row.place),
                           b = killed_summary(full, n_full, row.place);
    CHECK_INT(a.n_reports, 3);
    CHECK_INT(a.low, 12);
    CHECK_INT(a.high, 14);
    CHECK(a.n_reports == b.n_reports && a.low == b.low && a.high == b.high &&
          a.conservative == b.conservative && a.disagree == b.disagree);
    ev_docs_free(lean, n_lean);
    ev_docs_free(full, n_full);
    store_event_row_clear(&row);
    free(keys);
}

static void test_catch_up(void)
{
    char path[] = "/tmp/sitrep-test-incr-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    close(fd);
    unlink(path);
    char err[256];
    CHECK(store_open(path, &s, err, sizeof err) == 0);
    if (!s)
        return;
    struct ev_options o;
    ev_options_default(&o);
    first_import();
    size_t n = 0;
    CHECK(ev_catch_up(s, &o, &n) == 0);
    CHECK_INT(n, 3);
    CHECK(event_of(BOMB_A) > 0 && event_of(BOMB_A) == event_of(BOMB_B));
    CHECK(event_of(MOSUL) > 0 && event_of(MOSUL) != event_of(BOMB_A));
    CHECK_INT(count("SELECT count(*) FROM events"), 2);
    CHECK_INT(count("SELECT n FROM event_df WHERE term = 0"), 3);

    /* a stopped catch-up leaves the new reports in no event and the old ones as they were */
    second_import();
    atomic_bool stop;
    atomic_init(&stop, true);
    o.stop = &stop;
    CHECK(ev_catch_up(s, &o, NULL) == -1);
    CHECK_INT(count("SELECT count(*) FROM event_articles"), 3);
    CHECK_INT(count("SELECT n FROM event_df WHERE term = 0"), 3);
    o.stop = NULL;

    /* the follow-up joins the stored event; the same market two weeks on is another */
    CHECK(ev_catch_up(s, &o, &n) == 0);
    CHECK_INT(n, 2);
    CHECK(event_of(BOMB_C) == event_of(BOMB_A));
    CHECK(event_of(LATER) > 0 && event_of(LATER) != event_of(BOMB_A));
    CHECK_INT(count("SELECT count(*) FROM events"), 3);
    CHECK_INT(count("SELECT count(*) FROM articles WHERE id NOT IN"
                    " (SELECT article_id FROM event_articles)"),
              0);
    /* the event's row was brought up to date: its dates span the follow-up */
    CHECK_INT(count("SELECT count(*) FROM events WHERE first_date = '2024-03-10' AND"
                    " last_date = '2024-03-11' AND label LIKE '%Karrada%' AND score > 0"),
              1);
    /* nothing new: nothing to do */
    CHECK(ev_catch_up(s, &o, &n) == 0);
    CHECK_INT(n, 0);
    check_event_list();
    store_close(s);
    s = NULL;
    testlib_unlink_db(path);
}

/* Opens s on a new collection at a fresh name made from template (mkstemp's XXXXXX). */
static bool open_temp_store(char *template)
{
    int fd = mkstemp(template);
    close(fd);
    unlink(template);
    char err[256];
    CHECK(store_open(template, &s, err, sizeof err) == 0);
    return s != NULL;
}

/* Every event as "label|place|first|last|score|members" lines, in id order. */
static char *events_dump(void)
{
    sqlite3_stmt *st;
    size_t cap = 4096, used = 0;
    char *out = calloc(cap, 1);
    if (!out || sqlite3_prepare_v2(store_db(s),
                                   "SELECT e.label, e.place, e.first_date, e.last_date,"
                                   " round(e.score, 6), (SELECT group_concat(article_id) FROM"
                                   " event_articles WHERE event_id = e.id) FROM events e"
                                   " ORDER BY e.id",
                                   -1, &st, NULL) != SQLITE_OK)
        return out;
    while (sqlite3_step(st) == SQLITE_ROW && used + 600 < cap) {
        const char *col[6];
        for (int i = 0; i < 6; i++)
            col[i] = (const char *)sqlite3_column_text(st, i);
        used += (size_t)snprintf(out + used, cap - used, "%s|%s|%s|%s|%s|%s\n",
                                 col[0] ? col[0] : "", col[1] ? col[1] : "", col[2] ? col[2] : "",
                                 col[3] ? col[3] : "", col[4] ? col[4] : "", col[5] ? col[5] : "");
    }
    sqlite3_finalize(st);
    return out;
}

/* Two imports grouped with and without describing deferred to the end; defer must change
 * when the labels are written, never what they say. Returns the dump of the events. */
static char *group_two_imports(bool defer)
{
    char path[] = "/tmp/sitrep-test-incr-defer-XXXXXX";
    if (!open_temp_store(path))
        return NULL;
    struct ev_options o;
    ev_options_default(&o);
    o.defer_describe = defer;
    first_import();
    CHECK(ev_catch_up(s, &o, NULL) == 0);
    second_import();
    CHECK(ev_catch_up(s, &o, NULL) == 0);
    if (defer) {
        /* dates are kept at once (the next batch's joins test them); labels wait */
        CHECK_INT(count("SELECT count(*) FROM events_stale"), 3);
        CHECK_INT(count("SELECT count(*) FROM events WHERE label = ''"), 3);
        CHECK_INT(count("SELECT count(*) FROM events WHERE first_date = '2024-03-10' AND"
                        " last_date = '2024-03-11'"),
                  1);
        CHECK_INT(events_fresh(s), 0);
        CHECK(ev_describe_stale(s) == 0);
    }
    CHECK_INT(count("SELECT count(*) FROM events_stale"), 0);
    CHECK_INT(events_fresh(s), 1);
    char *dump = events_dump();
    store_close(s);
    s = NULL;
    testlib_unlink_db(path);
    return dump;
}

static void test_deferred_describe(void)
{
    char *at_once = group_two_imports(false), *deferred = group_two_imports(true);
    CHECK(at_once && strstr(at_once, "Karrada|2024-03-10|2024-03-11|"));
    CHECK_STR(deferred ? deferred : "", at_once ? at_once : "");
    free(at_once);
    free(deferred);
}

/* ---- describing from the kept sums ---- */

/* Events described from the sums kept as batches add to them read as those described from
 * all their members; a member deleted drops its event's sums. */
static void test_sums_describe_as_members(void)
{
    char path[] = "/tmp/sitrep-test-incr-sums-XXXXXX";
    if (!open_temp_store(path))
        return;
    struct ev_options o;
    ev_options_default(&o);
    o.defer_describe = true;
    first_import();
    CHECK(ev_catch_up(s, &o, NULL) == 0);
    CHECK(ev_describe_stale(s) == 0);
    CHECK_INT(count("SELECT count(*) FROM event_sums"), count("SELECT count(*) FROM events"));
    second_import(); /* adds to the Karrada event: its sums grow, nobody rereads members */
    CHECK(ev_catch_up(s, &o, NULL) == 0);
    CHECK(ev_describe_stale(s) == 0);
    char *from_sums = events_dump();
    CHECK(sqlite3_exec(store_db(s),
                       "DELETE FROM event_sums;"
                       "INSERT INTO events_stale(event_id) SELECT id FROM events;",
                       NULL, NULL, NULL) == SQLITE_OK);
    CHECK(ev_describe_stale(s) == 0);
    char *from_members = events_dump();
    CHECK(from_sums && strstr(from_sums, "Karrada|2024-03-10|2024-03-11|"));
    CHECK_STR(from_members ? from_members : "", from_sums ? from_sums : "");
    int64_t karrada = event_of(BOMB_A), kept = count("SELECT count(*) FROM event_sums");
    CHECK(sqlite3_exec(store_db(s),
                       "DELETE FROM articles WHERE title = 'Karrada market bombing"
                       " toll rises to 14'",
                       NULL, NULL, NULL) == SQLITE_OK);
    CHECK_INT(count("SELECT count(*) FROM event_sums"), kept - 1);
    char sql[120];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM event_sums WHERE event_id = %lld",
             (long long)karrada);
    CHECK_INT(count(sql), 0);
    free(from_sums);
    free(from_members);
    store_close(s);
    s = NULL;
    testlib_unlink_db(path);
}

/* ---- words counted on another thread ---- */

/* The reports' titles and texts by article id, as the import's workers have them. */
static const char *const apart_titles[] = {BOMB_A, "Drone strike on Kryvyi Rih\u2019s market",
                                           BOMB_B};
static const char *const apart_texts[] = {
    "A car bomb exploded at the crowded Karrada market in Baghdad, killing 12 shoppers, police"
    " said. The blast destroyed stalls at the market.",
    "Russian drones struck Kryvyi Rih\u2019s central market on Sunday; the regional governor"
    " said 9 people were killed and the market\u2019s stalls were destroyed. \u00c9lan, "
    "Stra\u00dfe and caf\u00e9 owners counted the damage were there.",
    "A car bomb tore through the Karrada market in Baghdad on Sunday, killing 12 shoppers and"
    " destroying market stalls, police sources said."};
static struct ev_text_terms *apart[3];
static int apart_asked;

static const struct ev_text_terms *apart_terms(void *ctx, int64_t article_id)
{
    apart_asked++;
    return article_id >= 1 && article_id <= 3 ? apart[article_id - 1] : NULL;
}

/* The grouping state after storing the three reports and catching up, with or without
 * their words counted beforehand; "" on failure. */
static char *features_after_catch_up(bool counted_apart)
{
    char path[] = "/tmp/sitrep-test-incr-apart-XXXXXX";
    if (!open_temp_store(path))
        return strdup("");
    for (int i = 0; i < 3; i++)
        store_report(apart_titles[i], "2024-03-10", apart_texts[i],
                     i == 1 ? "Kryvyi Rih" : "Karrada", i == 1 ? 30 : 12, i == 1 ? 9 : 12);
    struct ev_options o;
    ev_options_default(&o);
    if (counted_apart) {
        /* the stored text is "title\n\ntext" (store_report) */
        for (int i = 0; i < 3; i++) {
            char text[1024];
            snprintf(text, sizeof text, "%s\n\n%s", apart_titles[i], apart_texts[i]);
            apart[i] = ev_text_terms_new(apart_titles[i], text);
            CHECK(apart[i] != NULL);
        }
        o.text_terms = apart_terms;
    }
    CHECK(ev_catch_up(s, &o, NULL) == 0);
    sqlite3_stmt *st;
    char *out = NULL;
    if (sqlite3_prepare_v2(store_db(s),
                           "SELECT (SELECT group_concat(hex(data), ' ') FROM event_features) || '|'"
                           " || (SELECT group_concat(term || ':' || n, ' ') FROM event_df)",
                           -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        out = strdup((const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    char *events = events_dump();
    size_t len = strlen(out ? out : "") + strlen(events ? events : "") + 2;
    char *both = malloc(len);
    snprintf(both, len, "%s\n%s", out ? out : "", events ? events : "");
    free(out);
    free(events);
    for (int i = 0; i < 3; i++) {
        ev_text_terms_free(apart[i]);
        apart[i] = NULL;
    }
    store_close(s);
    s = NULL;
    testlib_unlink_db(path);
    return both;
}

/* Words counted on the import's workers give the same features, document frequencies and
 * events as counting them from the stored text. */
static void test_text_terms_counted_apart(void)
{
    char *from_store = features_after_catch_up(false);
    apart_asked = 0;
    char *apart_done = features_after_catch_up(true);
    CHECK_INT(apart_asked, 3);
    CHECK(strlen(from_store) > 100);
    CHECK_STR(apart_done, from_store);
    free(from_store);
    free(apart_done);
}

int main(void)
{
    RUN(test_features_roundtrip);
    RUN(test_weighing);
    RUN(test_day_iso);
    RUN(test_catch_up);
    RUN(test_deferred_describe);
    RUN(test_text_terms_counted_apart);
    RUN(test_sums_describe_as_members);
    return TESTS_DONE();
}
