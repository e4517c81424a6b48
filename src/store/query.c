/* query.c: the reader's filters as one WHERE clause with bound parameters. */
#include "store/query.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

void query_init(struct query *q)
{
    memset(q, 0, sizeof *q);
}

void query_free(struct query *q)
{
    for (int i = 0; i < q->n_params; i++)
        free(q->params[i].text);
    free(q->where);
    free(q->by_row);
    query_init(q);
}

int query_copy(struct query *dst, const struct query *src)
{
    query_init(dst);
    if (src->where_len) {
        dst->where = strdup(src->where);
        if (!dst->where)
            return -1;
        dst->where_len = src->where_len;
        dst->where_cap = src->where_len + 1;
    }
    if (src->by_row_len) {
        dst->by_row = strdup(src->by_row);
        if (!dst->by_row) {
            query_free(dst);
            return -1;
        }
        dst->by_row_len = src->by_row_len;
        dst->by_row_cap = src->by_row_len + 1;
    }
    for (int i = 0; i < src->n_params; i++) {
        dst->params[i] = src->params[i];
        if (src->params[i].text && !(dst->params[i].text = strdup(src->params[i].text))) {
            dst->n_params = i;
            query_free(dst);
            return -1;
        }
        dst->n_params = i + 1;
    }
    dst->n_sets = src->n_sets;
    dst->place_params = src->place_params;
    dst->mention_params = src->mention_params;
    return 0;
}

int query_place_names(const struct query *q, const char **names, enum place_meaning *meanings,
                      int max)
{
    int n = 0;
    for (int i = 0; i < q->n_params && n < max; i++) {
        if (!((q->place_params >> i) & 1u) || !q->params[i].is_text)
            continue;
        if (meanings)
            meanings[n] = (q->mention_params >> i) & 1u ? PLACE_MENTIONS : PLACE_EVENTS;
        names[n++] = q->params[i].text;
    }
    return n;
}

/* Adds a condition, with " AND " after the ones before, to one of the clause's forms. */
static int append_to(char **buf, size_t *len, size_t *cap, const char *sql)
{
    size_t n = strlen(sql), extra = *len ? 5 : 0; /* " AND " */
    if (*len + extra + n + 1 > *cap) {
        size_t want = (*len + extra + n + 1) * 2;
        char *p = realloc(*buf, want);
        if (!p)
            return -1;
        *buf = p;
        *cap = want;
    }
    if (extra)
        memcpy(*buf + *len, " AND ", 5);
    memcpy(*buf + *len + extra, sql, n + 1);
    *len += extra + n;
    return 0;
}

/* A condition with a set form and a row-by-row form (the same parameters in the same
 * order). */
static int append_forms(struct query *q, const char *as_set, const char *by_row)
{
    if (strncmp(as_set, "id IN (", 7) == 0)
        q->n_sets++;
    return append_to(&q->where, &q->where_len, &q->where_cap, as_set) ||
                   append_to(&q->by_row, &q->by_row_len, &q->by_row_cap, by_row)
               ? -1
               : 0;
}

static int append(struct query *q, const char *sql)
{
    return append_forms(q, sql, sql);
}

static int add_text(struct query *q, const char *s, size_t len)
{
    if (q->n_params == QUERY_MAX_PARAMS)
        return -1;
    char *copy = malloc(len + 1);
    if (!copy)
        return -1;
    memcpy(copy, s, len);
    copy[len] = '\0';
    q->params[q->n_params++] = (struct query_param){1, 0, copy};
    return 0;
}

static int add_number(struct query *q, int64_t v)
{
    if (q->n_params == QUERY_MAX_PARAMS)
        return -1;
    q->params[q->n_params++] = (struct query_param){0, v, NULL};
    return 0;
}

/* Both are index lookups: the places inside the one chosen (place_ancestors by ancestor),
 * then the articles at each (by place_id). */
static const char event_place_sql[] =
    "id IN (SELECT ep.article_id FROM article_event_places ep JOIN place_ancestors pa"
    " ON pa.place_id = ep.place_id WHERE pa.ancestor_id = ?)";
static const char mention_place_sql[] =
    "id IN (SELECT ap.article_id FROM article_places ap JOIN place_ancestors pa"
    " ON pa.place_id = ap.place_id WHERE pa.ancestor_id = ?)";

/* Row by row: each article's own place rows (their primary keys start with the article),
 * then whether the place lies inside the one chosen. 20 ms for the first 1,000 of 270,000
 * reports at a place among 900,000, where the set form first builds all 270,000 ids
 * (80 ms); over the whole collection the set form is the faster (0.9 s against 2-3 s). */
static const char event_place_row_sql[] =
    "EXISTS (SELECT 1 FROM article_event_places ep JOIN place_ancestors pa"
    " ON pa.place_id = ep.place_id WHERE ep.article_id = articles.id AND pa.ancestor_id = ?)";
static const char mention_place_row_sql[] =
    "EXISTS (SELECT 1 FROM article_places ap JOIN place_ancestors pa"
    " ON pa.place_id = ap.place_id WHERE ap.article_id = articles.id AND pa.ancestor_id = ?)";

int query_add_place(struct query *q, int64_t place_id, enum place_meaning meaning)
{
    bool mentions = meaning == PLACE_MENTIONS;
    return add_number(q, place_id) ||
                   append_forms(q, mentions ? mention_place_sql : event_place_sql,
                                mentions ? mention_place_row_sql : event_place_row_sql)
               ? -1
               : 0;
}

/* FTS5 syntax is its own language: every user word becomes a quoted string (inner quotes
 * doubled), so no user text is read as an FTS5 operator. */
static char *fts_phrase_list(const char *words)
{
    size_t len = strlen(words);
    char *out = malloc(len * 3 + 8), *o = out;
    if (!out)
        return NULL;
    const char *p = words;
    while (*p) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        const char *start = p;
        bool quoted = *p == '"';
        if (quoted)
            start = ++p;
        while (*p && (quoted ? *p != '"' : (*p != ' ' && *p != '\t')))
            p++;
        const char *end = p;
        if (quoted && *p == '"')
            p++;
        bool prefix = !quoted && end > start && end[-1] == '*';
        if (prefix)
            end--;
        if (end == start)
            continue;
        if (o != out)
            *o++ = ' ';
        *o++ = '"';
        for (const char *c = start; c < end; c++) {
            if (*c == '"')
                *o++ = '"';
            *o++ = *c;
        }
        *o++ = '"';
        if (prefix)
            *o++ = '*';
    }
    *o = '\0';
    return out;
}

int query_add_words(struct query *q, const char *words)
{
    char *phrases = fts_phrase_list(words);
    if (!phrases)
        return -1;
    int rc = 0;
    if (*phrases)
        rc = add_text(q, phrases, strlen(phrases)) ||
                     append(q, "id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
                 ? -1
                 : 0;
    free(phrases);
    return rc;
}

/* ---- the filter language ---- */

struct term {
    const char *key, *value; /* key NULL for a bare word */
    size_t key_len, value_len;
    char op[3];    /* for figures: ">=", ">", "<=", "<", "=" */
    size_t column; /* 1-based, for messages */
};

static size_t scan_value(const char *s, size_t i, const char **value, size_t *len, bool *bad)
{
    if (s[i] == '"') {
        const char *end = strchr(s + i + 1, '"');
        if (!end) {
            *bad = true;
            return strlen(s);
        }
        *value = s + i + 1;
        *len = (size_t)(end - s - i - 1);
        return (size_t)(end - s) + 1;
    }
    size_t j = i;
    while (s[j] && s[j] != ' ' && s[j] != '\t')
        j++;
    *value = s + i;
    *len = j - i;
    return j;
}

/* Reads one term at s[i]; returns the index after it. */
static size_t scan_term(const char *s, size_t i, struct term *t, bool *bad)
{
    memset(t, 0, sizeof *t);
    t->column = i + 1;
    size_t k = i;
    while (isalpha((unsigned char)s[k]))
        k++;
    if (k > i && (s[k] == ':' || s[k] == '>' || s[k] == '<' || s[k] == '=')) {
        t->key = s + i;
        t->key_len = k - i;
        size_t op = 0;
        while ((s[k] == ':' || s[k] == '>' || s[k] == '<' || s[k] == '=') && op < 2)
            t->op[op++] = s[k++];
        return scan_value(s, k, &t->value, &t->value_len, bad);
    }
    return scan_value(s, i, &t->value, &t->value_len, bad);
}

static bool key_is(const struct term *t, const char *name)
{
    return t->key_len == strlen(name) && strncasecmp(t->key, name, t->key_len) == 0;
}

static int parse_count(const struct term *t, int64_t *out)
{
    if (!t->value_len || t->value_len > 9)
        return -1;
    int64_t v = 0;
    for (size_t i = 0; i < t->value_len; i++) {
        if (!isdigit((unsigned char)t->value[i]))
            return -1;
        v = v * 10 + (t->value[i] - '0');
    }
    *out = v;
    return 0;
}

static bool valid_date_prefix(const char *s, size_t n)
{
    static const char shape[] = "dddd-dd-dd";
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != '-')
            return false;
    return true;
}

static const char *figure_op_sql(const char *op)
{
    static const char *const ops[][2] = {{">=", ">= ?"}, {">", "> ?"}, {"<=", "<= ?"},
                                         {"<", "< ?"},   {"=", "= ?"}, {":", ">= ?"}};
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
        if (strcmp(op, ops[i][0]) == 0)
            return ops[i][1];
    return NULL;
}

static int add_figure_term(struct query *q, const struct term *t, char *err, size_t errlen)
{
    int64_t n;
    const char *op = figure_op_sql(t->op);
    if (!op || parse_count(t, &n) != 0) {
        snprintf(err, errlen, "column %zu: %.*s needs a number, e.g. %.*s>=10", t->column,
                 (int)t->key_len, t->key, (int)t->key_len, t->key);
        return -1;
    }
    char sql[64];
    snprintf(sql, sizeof sql, "COALESCE(%.*s, 0) %s", (int)t->key_len, t->key, op);
    for (char *c = sql; *c && *c != ','; c++)
        *c = (char)tolower((unsigned char)*c); /* the column name, as the schema spells it */
    return add_number(q, n) || append(q, sql) ? -1 : 0;
}

static int add_date_term(struct query *q, const struct term *t, bool since, char *err,
                         size_t errlen)
{
    if (!valid_date_prefix(t->value, t->value_len)) {
        snprintf(err, errlen, "column %zu: dates are YYYY, YYYY-MM or YYYY-MM-DD", t->column);
        return -1;
    }
    /* compare the article date cut to the term's precision: until:2016-07 keeps July */
    char buf[80];
    snprintf(buf, sizeof buf, "date IS NOT NULL AND substr(date, 1, %zu) %s ?", t->value_len,
             since ? ">=" : "<=");
    return add_text(q, t->value, t->value_len) || append(q, buf) ? -1 : 0;
}

static int add_like_term(struct query *q, const struct term *t, const char *sql)
{
    char *pattern = malloc(t->value_len + 3);
    if (!pattern)
        return -1;
    snprintf(pattern, t->value_len + 3, "%%%.*s%%", (int)t->value_len, t->value);
    int rc = add_text(q, pattern, strlen(pattern)) || append(q, sql) ? -1 : 0;
    free(pattern);
    return rc;
}

/* A place by its name or a spelling some article wrote: place: keeps the reports of
 * events there or inside it, mentions: every report naming it or a place inside it. */
#define PLACES_NAMED                                                                               \
    "(SELECT p.id FROM places p WHERE p.name = ?1 COLLATE NOCASE OR p.id IN (SELECT place_id"      \
    " FROM article_places WHERE surface LIKE '%\"' || ?1 || '\"%'))"
static const char event_place_name_sql[] =
    "id IN (SELECT ep.article_id FROM article_event_places ep JOIN place_ancestors pa"
    " ON pa.place_id = ep.place_id WHERE pa.ancestor_id IN " PLACES_NAMED ")";
static const char mention_place_name_sql[] =
    "id IN (SELECT ap.article_id FROM article_places ap JOIN place_ancestors pa"
    " ON pa.place_id = ap.place_id WHERE pa.ancestor_id IN " PLACES_NAMED ")";
/* their row-by-row forms (event_place_row_sql says why) */
static const char event_place_name_row_sql[] =
    "EXISTS (SELECT 1 FROM article_event_places ep JOIN place_ancestors pa ON pa.place_id ="
    " ep.place_id WHERE ep.article_id = articles.id AND pa.ancestor_id IN " PLACES_NAMED ")";
static const char mention_place_name_row_sql[] =
    "EXISTS (SELECT 1 FROM article_places ap JOIN place_ancestors pa ON pa.place_id ="
    " ap.place_id WHERE ap.article_id = articles.id AND pa.ancestor_id IN " PLACES_NAMED ")";

/* An alias written in any article names the actor everywhere: actor:Daesh also finds
 * reports that only say "Islamic State". */
static const char actor_sql[] =
    "id IN (SELECT aa.article_id FROM article_actors aa WHERE aa.actor_id IN"
    " (SELECT ac.id FROM actors ac WHERE ac.name = ?1 COLLATE NOCASE) OR aa.actor_id IN"
    " (SELECT a2.actor_id FROM article_actors a2 WHERE a2.surface LIKE '%\"' || ?1 || '\"%'))";

/* A feed by the name the user gave it, its own title or its URL (feeds.h). */
static const char feed_sql[] =
    "id IN (SELECT fi.article_id FROM feed_items fi JOIN feeds f ON f.id = fi.feed_id"
    " WHERE f.name = ?1 COLLATE NOCASE OR f.title = ?1 COLLATE NOCASE OR f.url = ?1)";

/* ?1 in the fragments above refers to "this term's parameter": they are rewritten to a
 * plain ? bound as often as it is used, since numbered parameters would collide across
 * terms. Returns the rewritten text (malloc'd) and the number of uses in *uses. */
static char *plain_parameters(const char *sql, int *uses)
{
    char *plain = malloc(strlen(sql) + 1), *o = plain;
    if (!plain)
        return NULL;
    *uses = 0;
    for (const char *c = sql; *c; c++) {
        if (c[0] == '?' && c[1] == '1') {
            *o++ = '?';
            c++;
            (*uses)++;
        } else {
            *o++ = *c;
        }
    }
    *o = '\0';
    return plain;
}

/* A term whose value fills every ?1 of its fragment; by_row is the fragment's row-by-row
 * form (the same uses of ?1). */
static int add_named_forms(struct query *q, const struct term *t, const char *as_set,
                           const char *by_row)
{
    int uses = 0, row_uses = 0;
    char *set_plain = plain_parameters(as_set, &uses);
    char *row_plain = plain_parameters(by_row, &row_uses);
    int rc = set_plain && row_plain && uses == row_uses ? 0 : -1;
    for (int i = 0; i < uses && !rc; i++)
        rc = add_text(q, t->value, t->value_len);
    rc = rc || append_forms(q, set_plain, row_plain);
    free(set_plain);
    free(row_plain);
    return rc ? -1 : 0;
}

static int add_named_term(struct query *q, const struct term *t, const char *sql)
{
    return add_named_forms(q, t, sql, sql);
}

/* Remembers which parameter holds the name, so the reader can say which name no place in
 * the collection has. */
static int add_place_term(struct query *q, const struct term *t, enum place_meaning meaning)
{
    int first = q->n_params;
    bool mentions = meaning == PLACE_MENTIONS;
    if (add_named_forms(q, t, mentions ? mention_place_name_sql : event_place_name_sql,
                        mentions ? mention_place_name_row_sql : event_place_name_row_sql) != 0)
        return -1;
    q->place_params |= 1u << first;
    if (meaning == PLACE_MENTIONS)
        q->mention_params |= 1u << first;
    return 0;
}

static int add_term(struct query *q, const struct term *t, char *err, size_t errlen)
{
    if (!t->key)
        return 0; /* words are collected and searched together */
    if (!t->value_len) {
        snprintf(err, errlen, "column %zu: %.*s: needs a value", t->column, (int)t->key_len,
                 t->key);
        return -1;
    }
    if (key_is(t, "killed") || key_is(t, "wounded") || key_is(t, "destroyed"))
        return add_figure_term(q, t, err, errlen);
    if (strcmp(t->op, ":") != 0) {
        snprintf(err, errlen, "column %zu: only killed, wounded and destroyed compare with %s",
                 t->column, t->op);
        return -1;
    }
    if (key_is(t, "place"))
        return add_place_term(q, t, PLACE_EVENTS);
    if (key_is(t, "mentions"))
        return add_place_term(q, t, PLACE_MENTIONS);
    if (key_is(t, "actor"))
        return add_named_term(q, t, actor_sql);
    if (key_is(t, "feed"))
        return add_named_term(q, t, feed_sql);
    if (key_is(t, "since") || key_is(t, "until"))
        return add_date_term(q, t, key_is(t, "since"), err, errlen);
    if (key_is(t, "source"))
        return add_like_term(q, t, "source LIKE ?");
    if (key_is(t, "tag"))
        return add_named_term(q, t, "id IN (SELECT article_id FROM article_tags WHERE tag = ?1)");
    if (key_is(t, "read")) {
        bool yes = t->value_len && (t->value[0] == 'y' || t->value[0] == 'Y');
        return append(q, yes ? "is_read = 1" : "is_read = 0");
    }
    snprintf(err, errlen,
             "column %zu: unknown filter '%.*s' (place, mentions, actor, killed, wounded, "
             "destroyed, since, until, source, read, feed, tag)",
             t->column, (int)t->key_len, t->key);
    return -1;
}

/* A term's value points into expr: a quote just before it marks a phrase (and a value at
 * the very start of expr has nothing before it to look at). */
static void collect_words(const char *expr, struct term *terms, size_t n, char *words, size_t cap)
{
    size_t used = 0;
    for (size_t i = 0; i < n; i++) {
        if (terms[i].key)
            continue;
        bool phrase = terms[i].value > expr && terms[i].value[-1] == '"';
        int w =
            snprintf(words + used, cap - used, "%s%s%.*s%s", used ? " " : "", phrase ? "\"" : "",
                     (int)terms[i].value_len, terms[i].value, phrase ? "\"" : "");
        if (w < 0 || (size_t)w >= cap - used)
            break;
        used += (size_t)w;
    }
}

int query_parse(struct query *q, const char *expr, char *err, size_t errlen)
{
    struct query trial;
    query_init(&trial);
    /* build into a copy of q's state so a syntax error leaves q untouched */
    if (q->where_len && append(&trial, q->where) != 0)
        return -1;
    for (int i = 0; i < q->n_params; i++) {
        const struct query_param *p = &q->params[i];
        if (p->is_text ? add_text(&trial, p->text, strlen(p->text)) : add_number(&trial, p->number))
            return query_free(&trial), -1;
    }
    trial.place_params = q->place_params;
    trial.mention_params = q->mention_params;
    struct term terms[QUERY_MAX_PARAMS];
    size_t n = 0, i = 0;
    bool bad = false;
    while (expr[i] && n < QUERY_MAX_PARAMS) {
        while (expr[i] == ' ' || expr[i] == '\t')
            i++;
        if (!expr[i])
            break;
        size_t start = i;
        i = scan_term(expr, i, &terms[n], &bad);
        if (bad) {
            snprintf(err, errlen, "column %zu: unterminated quote", start + 1);
            query_free(&trial);
            return -1;
        }
        if (add_term(&trial, &terms[n], err, errlen) != 0) {
            query_free(&trial);
            return -1;
        }
        n++;
    }
    char *words = malloc(strlen(expr) * 2 + 4);
    if (!words)
        return query_free(&trial), -1;
    words[0] = '\0';
    collect_words(expr, terms, n, words, strlen(expr) * 2 + 4);
    int rc = *words ? query_add_words(&trial, words) : 0;
    free(words);
    if (rc != 0) {
        snprintf(err, errlen, "too many filter terms");
        query_free(&trial);
        return -1;
    }
    query_free(q);
    *q = trial;
    return 0;
}

const char *query_where(const struct query *q)
{
    return q->where_len ? q->where : "1";
}

const char *query_where_by_row(const struct query *q)
{
    return q->by_row_len ? q->by_row : "1";
}

int query_bind(const struct query *q, sqlite3_stmt *st, int first)
{
    for (int i = 0; i < q->n_params; i++) {
        const struct query_param *p = &q->params[i];
        if (p->is_text)
            sqlite3_bind_text(st, first + i, p->text, -1, SQLITE_TRANSIENT);
        else
            sqlite3_bind_int64(st, first + i, p->number);
    }
    return first + q->n_params;
}

static sqlite3_stmt *prepare_with(sqlite3 *db, const struct query *q, const char *fmt,
                                  const char *where)
{
    size_t n = strlen(fmt) + strlen(where) + 1;
    char *sql = malloc(n);
    if (!sql)
        return NULL;
    snprintf(sql, n, fmt, where);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        st = NULL;
    free(sql);
    if (st)
        query_bind(q, st, 1);
    return st;
}

sqlite3_stmt *query_prepare(sqlite3 *db, const struct query *q, const char *fmt)
{
    return prepare_with(db, q, fmt, query_where(q));
}

sqlite3_stmt *query_prepare_by_row(sqlite3 *db, const struct query *q, const char *fmt)
{
    return prepare_with(db, q, fmt, query_where_by_row(q));
}

static int grow_ids(int64_t **ids, size_t *cap)
{
    size_t want = *cap ? *cap * 2 : 256;
    int64_t *grown = realloc(*ids, want * sizeof **ids);
    if (!grown)
        return -1;
    *ids = grown;
    *cap = want;
    return 0;
}

long query_collect_ids(sqlite3_stmt *st, int64_t **ids, int *rc)
{
    size_t n = 0, cap = 0;
    while ((*rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap && grow_ids(ids, &cap) != 0) {
            *rc = SQLITE_NOMEM;
            break;
        }
        (*ids)[n++] = sqlite3_column_int64(st, 0);
    }
    return (long)n;
}

long query_article_ids(sqlite3 *db, const struct query *q, int64_t **ids, char *err, size_t errlen)
{
    *ids = NULL;
    sqlite3_stmt *st = query_prepare(db, q, "SELECT id FROM articles WHERE %s ORDER BY id");
    if (!st) {
        snprintf(err, errlen, "%s", sqlite3_errmsg(db));
        return -1;
    }
    int rc;
    long n = query_collect_ids(st, ids, &rc);
    if (rc != SQLITE_DONE) {
        snprintf(err, errlen, "%s", rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db));
        sqlite3_finalize(st);
        free(*ids);
        *ids = NULL;
        return -1;
    }
    sqlite3_finalize(st);
    return n;
}

int64_t query_resolve_article(sqlite3 *db, const char *arg)
{
    char *end;
    long long v = strtoll(arg, &end, 10);
    if (*arg && *arg != '0' && *end == 0 && v > 0)
        return v;
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(
            db, "SELECT id FROM articles WHERE instr(origin, ?1) > 0 ORDER BY id LIMIT 2", -1, &st,
            NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
    int64_t id = -1;
    if (sqlite3_step(st) == SQLITE_ROW) {
        id = sqlite3_column_int64(st, 0);
        if (sqlite3_step(st) == SQLITE_ROW)
            id = -2; /* ambiguous */
    }
    sqlite3_finalize(st);
    return id;
}
