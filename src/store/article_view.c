/* article_view.c: one article as the reader's article and facts panes read it. */
#include "store/article_view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/facts.h"
#include "store/article_spans.h"
#include "store/store_int.h"
#include "store/txn.h"

static sqlite3_stmt *prepare_for(struct store *s, const char *sql, int64_t id)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, &q, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_bind_int64(q, 1, id);
    return q;
}

int store_article_head(struct store *s, int64_t id, struct store_article_head *out)
{
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q =
        prepare_for(s, "SELECT date, source, dateline, text, url FROM articles WHERE id = ?1", id);
    if (!q)
        return -1;
    bool found = sqlite3_step(q) == SQLITE_ROW;
    if (found) {
        out->date = store_dup_column(q, 0);
        out->source = store_dup_column(q, 1);
        out->dateline = store_dup_column(q, 2);
        out->text = store_dup_column(q, 3);
        out->text_bytes = (size_t)sqlite3_column_bytes(q, 3);
        out->url = store_dup_column(q, 4);
    }
    sqlite3_finalize(q);
    return found ? 0 : -1;
}

void store_article_head_free(struct store_article_head *h)
{
    free(h->date);
    free(h->source);
    free(h->dateline);
    free(h->text);
    free(h->url);
    memset(h, 0, sizeof *h);
}

char *store_article_url(struct store *s, int64_t id)
{
    sqlite3_stmt *q = prepare_for(s, "SELECT url FROM articles WHERE id = ?1", id);
    if (!q)
        return NULL;
    char *url = sqlite3_step(q) == SQLITE_ROW ? store_dup_column(q, 0) : NULL;
    sqlite3_finalize(q);
    if (url && !*url) {
        free(url);
        url = NULL;
    }
    return url;
}

/* A copy of one blob of the article's article_spans row (0 sentences, 1 mentions, 2
 * dates), or NULL when there is none. */
static void *spans_blob(struct store *s, int64_t id, int column, size_t *len)
{
    *len = 0;
    sqlite3_stmt *q = prepare_for(
        s, "SELECT sentences, mentions, dates FROM article_spans WHERE article_id = ?1", id);
    if (!q)
        return NULL;
    void *copy = NULL;
    if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_blob(q, column)) {
        *len = (size_t)sqlite3_column_bytes(q, column);
        copy = malloc(*len);
        if (copy)
            memcpy(copy, sqlite3_column_blob(q, column), *len);
    }
    sqlite3_finalize(q);
    return copy;
}

long *store_sentence_starts(struct store *s, int64_t id, int *n)
{
    *n = 0;
    size_t len, count = 0;
    void *blob = spans_blob(s, id, 0, &len);
    struct text_span *spans = NULL;
    long *v = NULL;
    if (blob && spans_unpack_sentences(blob, len, &spans, &count) == 0 && count)
        v = malloc(count * sizeof *v);
    for (size_t i = 0; v && i < count; i++)
        v[(*n)++] = (long)spans[i].start;
    free(spans);
    free(blob);
    return v;
}

struct store_mention_span *store_mention_spans(struct store *s, int64_t id, int *n)
{
    *n = 0;
    size_t len, count = 0;
    void *blob = spans_blob(s, id, 1, &len);
    struct mention *mentions = NULL;
    struct store_mention_span *v = NULL;
    if (blob && spans_unpack_mentions(blob, len, &mentions, &count) == 0 && count)
        v = malloc(count * sizeof *v);
    for (size_t i = 0; v && i < count; i++) {
        const struct mention *m = &mentions[i];
        if (m->type != MENTION_PLACE && m->type != MENTION_FIGURE)
            continue;
        v[(*n)++] = (struct store_mention_span){
            .is_place = m->type == MENTION_PLACE,
            .sentence = m->sentence,
            .start = (long)m->start,
            .len = (long)m->len,
        };
    }
    free(mentions);
    free(blob);
    return v;
}

/* Surfaces are stored as a JSON list of strings: ["IS","Islamic State"]; one with an
 * escape in it is left out. */
static void add_surface_list(char ***set, size_t *n_set, const char *list)
{
    for (const char *s = list ? strchr(list, '"') : NULL; s; s = strchr(s, '"')) {
        const char *end = strchr(s + 1, '"');
        if (!end)
            break;
        char buf[256];
        size_t n = (size_t)(end - s - 1);
        if (n < sizeof buf && !memchr(s + 1, '\\', n) && *n_set < STORE_MAX_SURFACES) {
            memcpy(buf, s + 1, n);
            buf[n] = '\0';
            facts_add_surface(set, n_set, buf);
        }
        s = end + 1;
    }
}

static void surfaces(struct store *s, const char *sql, int64_t id, char ***set, size_t *n_set)
{
    sqlite3_stmt *q = prepare_for(s, sql, id);
    if (!q)
        return;
    while (sqlite3_step(q) == SQLITE_ROW)
        add_surface_list(set, n_set, (const char *)sqlite3_column_text(q, 0));
    sqlite3_finalize(q);
}

void store_actor_surfaces(struct store *s, int64_t id, char ***set, size_t *n_set)
{
    surfaces(s, "SELECT DISTINCT surface FROM article_actors WHERE article_id = ?1", id, set,
             n_set);
}

/* The article's dates (decoded from its article_spans row) into f, facts_init'ed. */
static void article_dates(struct store *s, int64_t id, struct facts *f)
{
    size_t len;
    void *blob = spans_blob(s, id, 2, &len);
    facts_init(f);
    if (blob)
        spans_unpack_dates(blob, len, f);
    free(blob);
}

/* Whether JSON would have to escape a byte of text (the surfaces of the other facts come
 * as JSON strings, and one with an escape is left out: dates are treated alike). */
static bool needs_escape(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if (*p == '"' || *p == '\\' || *p < 0x20)
            return true;
    return false;
}

void store_date_surfaces(struct store *s, int64_t id, char ***set, size_t *n_set)
{
    struct facts f;
    article_dates(s, id, &f);
    for (size_t i = 0; i < f.n_dates && *n_set < STORE_MAX_SURFACES; i++) {
        const char *text = f.dates[i].text;
        if (text && strlen(text) < 256 && !needs_escape(text))
            facts_add_surface(set, n_set, text);
    }
    facts_free(&f);
}

/* Each query yields (sentence, line text). */
static const char *const fact_group_sql[N_FACT_GROUPS] = {
    [FACT_GROUP_PLACES] =
        "SELECT ap.first_sentence, (SELECT group_concat(name, ' < ') FROM (SELECT p2.name"
        " FROM place_ancestors pa JOIN places p2 ON p2.id = pa.ancestor_id"
        " WHERE pa.place_id = ap.place_id ORDER BY p2.depth DESC)) FROM article_places ap"
        " WHERE ap.article_id = ?1 ORDER BY ap.first_sentence, ap.place_id",
    [FACT_GROUP_ACTORS] =
        "SELECT aa.first_sentence, ac.name FROM article_actors aa JOIN actors ac"
        " ON ac.id = aa.actor_id WHERE aa.article_id = ?1 ORDER BY aa.first_sentence",
};

/* "late Tuesday night = 2024-04-30", "Tuesday = Tuesday (relative)", "then = ?". */
static char *date_line(const struct date_fact *d)
{
    const char *text = d->text ? d->text : "";
    char *line = NULL;
    int w = d->value     ? asprintf(&line, "%s = %s", text, d->value)
            : d->weekday ? asprintf(&line, "%s = %s (relative)", text, d->weekday)
                         : asprintf(&line, "%s = ?", text);
    return w < 0 ? NULL : line;
}

/* Insertion sort by sentence, which keeps each sentence's lines in the order found. */
static void sort_by_sentence(struct store_fact_line *v, int n)
{
    for (int i = 1; i < n; i++) {
        struct store_fact_line x = v[i];
        int at = i;
        for (; at > 0 && v[at - 1].sentence > x.sentence; at--)
            v[at] = v[at - 1];
        v[at] = x;
    }
}

/* The dates group: its lines in sentence order, each sentence's in the order found. */
static struct store_fact_line *date_lines(struct store *s, int64_t id, int *n)
{
    struct facts f;
    article_dates(s, id, &f);
    struct store_fact_line *v = malloc((f.n_dates + 1) * sizeof *v);
    for (size_t i = 0; v && i < f.n_dates; i++)
        v[(*n)++] = (struct store_fact_line){f.dates[i].sentence, date_line(&f.dates[i])};
    facts_free(&f);
    if (v)
        sort_by_sentence(v, *n);
    return v;
}

struct store_fact_line *store_fact_lines(struct store *s, int64_t id, enum store_fact_group g,
                                         int *n)
{
    *n = 0;
    if (g == FACT_GROUP_DATES)
        return date_lines(s, id, n);
    sqlite3_stmt *q = g < N_FACT_GROUPS ? prepare_for(s, fact_group_sql[g], id) : NULL;
    if (!q)
        return NULL;
    struct store_fact_line *v = NULL;
    int cap = 0;
    while (sqlite3_step(q) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            struct store_fact_line *grown = realloc(v, (size_t)cap * sizeof *grown);
            if (!grown)
                break;
            v = grown;
        }
        v[(*n)++] = (struct store_fact_line){
            .sentence = sqlite3_column_type(q, 0) == SQLITE_NULL ? 0 : sqlite3_column_int(q, 0),
            .text = store_dup_column(q, 1),
        };
    }
    sqlite3_finalize(q);
    return v;
}

void store_fact_lines_free(struct store_fact_line *v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i].text);
    free(v);
}

int store_toggle_read(struct store *s, int64_t id, char *err, size_t errlen)
{
    sqlite3_stmt *q = prepare_for(s, "UPDATE articles SET is_read = 1 - is_read WHERE id = ?", id);
    if (!q) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(s->db));
        return -1;
    }
    /* the reader's key: never freeze the screen behind an import's write lock */
    store_wait_set(s->db, STORE_WAIT_NONE);
    int rc = sqlite3_step(q) == SQLITE_DONE ? 0 : -1;
    if (rc < 0)
        snprintf(err, errlen, "%s%s", sqlite3_errmsg(s->db),
                 (sqlite3_errcode(s->db) & 0xff) == SQLITE_BUSY
                     ? " (another process is writing; try again)"
                     : "");
    store_wait_set(s->db, STORE_WAIT_QUIET);
    sqlite3_finalize(q);
    return rc;
}

int store_set_read_now(struct store *s, int64_t id, bool read)
{
    sqlite3 *db = store_db(s);
    store_wait_set(db, STORE_WAIT_NONE);
    int rc = store_set_read(s, id, read);
    bool busy = rc != 0 && (sqlite3_errcode(db) & 0xff) == SQLITE_BUSY;
    store_wait_set(db, STORE_WAIT_QUIET);
    return rc == 0 ? 0 : busy ? 1 : -1;
}
