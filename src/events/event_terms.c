/* event_terms.c: TF-IDF term vectors over the folded texts of the docs grouped. */
#include "events/event_int.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"
#include "events/event_incr.h"
#include "store/event_rows.h"

/* ---- terms: a string -> id table for the TF-IDF vocabulary ---- */

struct vocab {
    size_t n_stop; /* ids below this are stopwords */
    char **words;
    uint64_t *hashes;
    int32_t *slots; /* open addressing: index into words, -1 empty */
    size_t n, cap_words, n_slots;
    int32_t *df;
};

static const char *const stopwords[] = {
    "the",       "and",      "that",     "with",     "from",    "for",       "was",    "were",
    "have",      "has",      "had",      "this",     "they",    "their",     "them",   "said",
    "says",      "which",    "who",      "its",      "his",     "her",       "are",    "been",
    "not",       "but",      "also",     "after",    "into",    "over",      "than",   "more",
    "other",     "some",     "about",    "would",    "will",    "there",     "when",   "where",
    "while",     "all",      "one",      "two",      "out",     "most",      "such",   "being",
    "during",    "before",   "since",    "under",    "could",   "what",      "those",  "these",
    "then",      "only",     "both",     "any",      "him",     "she",       "our",    "can",
    "may",       "did",      "does",     "very",     "upon",    "per",       "told",   "according",
    "added",     "news",     "reported", "report",   "reports", "statement", "monday", "tuesday",
    "wednesday", "thursday", "friday",   "saturday", "sunday",  "week",      "day",    "days",
    "year",      "years",    "month",    "late",     "early",   "last",      "new",    "now",
};

static int32_t vocab_id(struct vocab *v, const char *w, size_t len, bool add);

static int vocab_init(struct vocab *v)
{
    memset(v, 0, sizeof *v);
    v->n_slots = 1 << 16;
    v->slots = malloc(v->n_slots * sizeof *v->slots);
    if (!v->slots)
        return -1;
    memset(v->slots, 0xff, v->n_slots * sizeof *v->slots);
    /* stopwords take the first ids, so skipping one is a comparison */
    for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++)
        if (vocab_id(v, stopwords[i], strlen(stopwords[i]), true) < 0)
            return -1;
    v->n_stop = v->n;
    return 0;
}

static void vocab_free(struct vocab *v)
{
    for (size_t i = 0; i < v->n; i++)
        free(v->words[i]);
    free(v->words);
    free(v->hashes);
    free(v->slots);
    free(v->df);
}

static int vocab_rehash(struct vocab *v)
{
    size_t ns = v->n_slots * 2;
    int32_t *slots = malloc(ns * sizeof *slots);
    if (!slots)
        return -1;
    memset(slots, 0xff, ns * sizeof *slots);
    for (size_t i = 0; i < v->n; i++) {
        size_t s = v->hashes[i] & (ns - 1);
        while (slots[s] >= 0)
            s = (s + 1) & (ns - 1);
        slots[s] = (int32_t)i;
    }
    free(v->slots);
    v->slots = slots;
    v->n_slots = ns;
    return 0;
}

/* The id of word (adding it when `add`), or -1. */
static int32_t vocab_id(struct vocab *v, const char *w, size_t len, bool add)
{
    uint64_t h = ev_hash_bytes(w, len);
    size_t s = h & (v->n_slots - 1);
    for (; v->slots[s] >= 0; s = (s + 1) & (v->n_slots - 1)) {
        int32_t i = v->slots[s];
        if (v->hashes[i] == h && strncmp(v->words[i], w, len) == 0 && v->words[i][len] == 0)
            return i;
    }
    if (!add)
        return -1;
    if (v->n == v->cap_words) {
        size_t nc = v->cap_words ? v->cap_words * 2 : 4096;
        char **nw = realloc(v->words, nc * sizeof *nw);
        if (!nw)
            return -1;
        v->words = nw;
        uint64_t *nh = realloc(v->hashes, nc * sizeof *nh);
        if (!nh)
            return -1;
        v->hashes = nh;
        int32_t *nd = realloc(v->df, nc * sizeof *nd);
        if (!nd)
            return -1;
        v->df = nd;
        v->cap_words = nc;
    }
    v->words[v->n] = strndup(w, len);
    if (!v->words[v->n])
        return -1;
    v->hashes[v->n] = h;
    v->df[v->n] = 0;
    v->slots[s] = (int32_t)v->n;
    int32_t id = (int32_t)v->n++;
    if (v->n * 2 > v->n_slots && vocab_rehash(v) < 0)
        return -1;
    return id;
}

struct term_count {
    int32_t id;
    float tf;
};

struct term_buf {
    struct term_count *items;
    size_t n, cap;
};

static int term_push(struct term_buf *b, int32_t id, float tf)
{
    if (id < 0)
        return -1;
    if (b->n == b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 256;
        struct term_count *p = realloc(b->items, nc * sizeof *p);
        if (!p)
            return -1;
        b->items = p;
        b->cap = nc;
    }
    b->items[b->n++] = (struct term_count){id, tf};
    return 0;
}

static int cmp_term(const void *a, const void *b)
{
    const struct term_count *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* Sorts and merges equal ids (summing tf). */
static void term_merge(struct term_buf *b)
{
    ev_sort_n(b->items, b->n, sizeof *b->items, cmp_term);
    size_t o = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (o && b->items[o - 1].id == b->items[i].id)
            b->items[o - 1].tf += b->items[i].tf;
        else
            b->items[o++] = b->items[i];
    }
    b->n = o;
}

/* Adds a prefixed fact token ("p:fallujah") with weight w. */
static int push_fact_token(struct vocab *v, struct term_buf *b, char prefix, const char *name,
                           float w, bool add)
{
    char buf[200];
    buf[0] = prefix;
    buf[1] = ':';
    ev_fold_name(name, buf + 2, sizeof buf - 2);
    int32_t id = vocab_id(v, buf, strlen(buf), add);
    return id < 0 ? (add ? -1 : 0) : term_push(b, id, w);
}

/* Places, actors and figure kinds as terms, which weigh more than plain words. */
static int fact_terms(struct vocab *v, const struct ev_doc *d, struct term_buf *b, bool add)
{
    for (size_t i = 0; i < d->n_places; i++)
        if (push_fact_token(v, b, 'p', d->places[i].name, (float)(2.0 * d->places[i].salience),
                            add) < 0)
            return -1;
    for (size_t i = 0; i < d->n_actors; i++)
        if (push_fact_token(v, b, 'a', d->actors[i], 2.0f, add) < 0)
            return -1;
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        if (d->figure_kinds[k] && push_fact_token(v, b, 'f', figure_kind_name((enum figure_kind)k),
                                                  1.5f * (float)d->figure_kinds[k], add) < 0)
            return -1;
    return 0;
}

/* The next word of folded text worth a term from *p on (3 to 40 bytes, no digit) into *w
 * and *len, moving *p past it; false at the end. */
static bool next_term_word(const char **p, const char **w, size_t *len)
{
    const char *q = *p;
    while (*q) {
        while (*q == ' ' || *q == '\n')
            q++;
        const char *start = q;
        bool digit = false;
        while (*q && *q != ' ' && *q != '\n') {
            digit |= (*q >= '0' && *q <= '9');
            q++;
        }
        size_t n = (size_t)(q - start);
        if (n >= 3 && n <= 40 && !digit) {
            *p = q;
            *w = start;
            *len = n;
            return true;
        }
    }
    *p = q;
    return false;
}

/* The doc's terms with raw weights: words of the folded text (title words count twice),
 * then places, actors and figure kinds, which weigh more than plain words. */
static int doc_terms(struct vocab *v, const struct ev_doc *d, const char *folded, size_t title_len,
                     struct term_buf *b, bool add)
{
    b->n = 0;
    const char *w, *p = folded;
    size_t len;
    while (next_term_word(&p, &w, &len)) {
        int32_t id = vocab_id(v, w, len, add);
        if (id >= 0 && (size_t)id < v->n_stop)
            continue;
        if (id >= 0 && term_push(b, id, (size_t)(w - folded) < title_len ? 2.0f : 1.0f) < 0)
            return -1;
        if (id < 0 && add)
            return -1;
    }
    if (fact_terms(v, d, b, add) < 0)
        return -1;
    term_merge(b);
    return 0;
}

/* Folded title + "\n" + text; *title_len is where the body starts. */
/* True for the marks that join a word rather than split it: ’ ‘ ʼ. */
static bool is_joining_mark(const char *s, size_t len)
{
    return (len == 3 && (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 &&
            ((unsigned char)s[2] == 0x98 || (unsigned char)s[2] == 0x99)) ||
           (len == 2 && (unsigned char)s[0] == 0xCA && (unsigned char)s[1] == 0xBC);
}

static void put_space(char *out, size_t *n)
{
    if (*n && out[*n - 1] != ' ')
        out[(*n)++] = ' ';
}

/* Folds words as text_fold does, but handles ASCII itself (most of news text) and hands
 * only non-ASCII runs to text_fold, which is slow for whole articles. Words are separated
 * by single spaces. out must hold 3 * len + 8 bytes. */
static size_t fold_words(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < len && n + 8 < cap;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out[n++] = (char)c;
            else if (c >= 'A' && c <= 'Z')
                out[n++] = (char)(c - 'A' + 'a');
            else if (c != '\'' && c != '`')
                put_space(out, &n);
            i++;
            continue;
        }
        size_t j = i;
        while (j < len && (unsigned char)s[j] >= 0x80)
            j++;
        if (!is_joining_mark(s + i, j - i)) {
            size_t f = text_fold(s + i, j - i, out + n, cap - n);
            if (f == 0)
                put_space(out, &n);
            n += f;
        }
        i = j;
    }
    out[n] = 0;
    return n;
}

static char *fold_doc(const char *title, const char *text, size_t *title_len)
{
    const char *t = title ? title : "";
    const char *x = text ? text : "";
    size_t tl = strlen(t), xl = strlen(x);
    size_t cap = (tl + xl) * 3 + 16;
    char *out = malloc(cap);
    if (!out)
        return NULL;
    size_t n = fold_words(t, tl, out, cap);
    out[n++] = '\n';
    *title_len = n;
    fold_words(x, xl, out + n, cap - n);
    return out;
}

#define EV_MAX_TERMS 64

static int cmp_weight_desc(const void *a, const void *b)
{
    const struct term_count *x = a, *y = b;
    return (x->tf < y->tf) - (x->tf > y->tf);
}

/* Keeps the heaviest terms, unit length, sorted by id for merge-style cosine. */
static int doc_set_vector(struct ev_doc *d, struct term_buf *b, const struct vocab *v,
                          size_t n_docs)
{
    for (size_t i = 0; i < b->n; i++) {
        double idf = log((1.0 + (double)n_docs) / (1.0 + v->df[b->items[i].id])) + 1.0;
        b->items[i].tf = (float)((1.0 + log(b->items[i].tf)) * idf);
    }
    ev_sort_n(b->items, b->n, sizeof *b->items, cmp_weight_desc);
    size_t k = b->n < EV_MAX_TERMS ? b->n : EV_MAX_TERMS;
    ev_sort_n(b->items, k, sizeof *b->items, cmp_term);
    double norm = 0;
    for (size_t i = 0; i < k; i++)
        norm += (double)b->items[i].tf * b->items[i].tf;
    norm = norm > 0 ? sqrt(norm) : 1;
    free(d->prep->terms);
    free(d->prep->weights);
    d->prep->terms = malloc((k + 1) * sizeof *d->prep->terms);
    d->prep->weights = malloc((k + 1) * sizeof *d->prep->weights);
    if (!d->prep->terms || !d->prep->weights)
        return -1;
    for (size_t i = 0; i < k; i++) {
        d->prep->terms[i] = b->items[i].id;
        d->prep->weights[i] = (float)(b->items[i].tf / norm);
    }
    d->prep->n_terms = k;
    return 0;
}

/* Pass one for one doc: fold its text once, count its kinds of event, keep its raw term
 * counts (in terms/weights) and count document frequencies. */
static int count_doc_terms(struct ev_doc *d, const char *text, struct vocab *v, struct term_buf *b)
{
    if (ev_prep_ensure(d) < 0)
        return -1;
    size_t title_len;
    char *folded = fold_doc(d->title, text, &title_len);
    if (!folded)
        return -1;
    memset(d->prep->kinds, 0, sizeof d->prep->kinds);
    ev_count_kinds(folded, title_len, d->prep->kinds);
    if (ev_set_days(d) < 0) {
        free(folded);
        return -1;
    }
    int rc = doc_terms(v, d, folded, title_len, b, true);
    free(folded);
    if (rc < 0)
        return -1;
    free(d->prep->terms);
    free(d->prep->weights);
    d->prep->terms = malloc((b->n + 1) * sizeof *d->prep->terms);
    d->prep->weights = malloc((b->n + 1) * sizeof *d->prep->weights);
    if (!d->prep->terms || !d->prep->weights)
        return -1;
    for (size_t k = 0; k < b->n; k++) {
        d->prep->terms[k] = b->items[k].id;
        d->prep->weights[k] = b->items[k].tf;
        v->df[b->items[k].id]++;
    }
    d->prep->n_terms = b->n;
    return 0;
}

/* Pass two: TF-IDF from the kept counts, heaviest terms only. */
static int weigh_terms(struct ev_doc *docs, size_t n, const struct vocab *v, struct term_buf *b)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        b->n = 0;
        for (size_t k = 0; rc == 0 && k < docs[i].prep->n_terms; k++)
            rc = term_push(b, docs[i].prep->terms[k], docs[i].prep->weights[k]);
        if (rc == 0)
            rc = doc_set_vector(&docs[i], b, v, n);
    }
    return rc;
}

int ev_prepare(struct ev_doc *docs, size_t n, bool drop_text)
{
    struct vocab v;
    struct term_buf b = {0};
    if (vocab_init(&v) < 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        rc = count_doc_terms(&docs[i], docs[i].text, &v, &b);
        if (drop_text) {
            free(docs[i].text);
            docs[i].text = NULL;
        }
    }
    if (rc == 0)
        rc = weigh_terms(docs, n, &v, &b);
    free(b.items);
    vocab_free(&v);
    return rc;
}

/* Pass one with each text read from db as it is needed, so that only one is ever held
 * (100,000 generated articles: their 360 MB of text never in memory at once). docs are in
 * id order, as ev_load_db gives them; a row without a doc (added since) is passed over. */
/* Where a walk through the stored texts is: the next doc to count. */
struct text_walk {
    struct ev_doc *docs;
    size_t n, next;
    struct vocab *v;
    struct term_buf *b;
};

/* One stored text: docs passed over (stored no more) count with no text; a stored article
 * without a doc (added since) is passed over; the walk stops once every doc is counted. */
static int count_stored_text(void *ctx, const struct event_article_row *r)
{
    struct text_walk *w = ctx;
    int rc = 0;
    for (; rc == 0 && w->next < w->n && w->docs[w->next].id < r->id; w->next++)
        rc = count_doc_terms(&w->docs[w->next], NULL, w->v, w->b);
    if (rc == 0 && w->next < w->n && w->docs[w->next].id == r->id)
        rc = count_doc_terms(&w->docs[w->next++], r->text, w->v, w->b);
    if (rc < 0)
        return -1;
    return w->next == w->n ? 1 : 0;
}

static int count_terms_db(sqlite3 *db, struct ev_doc *docs, size_t n, struct vocab *v,
                          struct term_buf *b)
{
    struct text_walk w = {docs, n, 0, v, b};
    /* a failed or interrupted read before every doc was counted fails the preparation */
    if (n > 0 && event_rows_texts(db, count_stored_text, &w) < 0)
        return -1;
    int rc = 0;
    for (; rc == 0 && w.next < n; w.next++)
        rc = count_doc_terms(&docs[w.next], NULL, v, b);
    return rc;
}

int ev_prepare_db(sqlite3 *db, struct ev_doc *docs, size_t n)
{
    struct vocab v;
    struct term_buf b = {0};
    if (vocab_init(&v) < 0)
        return -1;
    int rc = count_terms_db(db, docs, n, &v, &b);
    if (rc == 0)
        rc = weigh_terms(docs, n, &v, &b);
    free(b.items);
    vocab_free(&v);
    return rc;
}

/* ---- term counts for incremental grouping ---- */

struct ev_text_terms {
    uint32_t *hashes; /* ascending as int32_t, as ev_termer_count gives them */
    float *counts;    /* title words count twice */
    size_t n;
    double kinds[EVK_COUNT];
};

struct ev_termer {
    struct vocab v;
    struct term_buf b;
};

struct ev_termer *ev_termer_new(void)
{
    struct ev_termer *t = calloc(1, sizeof *t);
    if (t && vocab_init(&t->v) < 0) {
        vocab_free(&t->v);
        free(t);
        return NULL;
    }
    return t;
}

void ev_termer_free(struct ev_termer *t)
{
    if (!t)
        return;
    vocab_free(&t->v);
    free(t->b.items);
    free(t);
}

/* Term hashes are ordered as the int32_t term ids scoring reads them as. */
static int cmp_term_hash(const void *a, const void *b)
{
    int32_t x = (int32_t) * (const uint32_t *)a, y = (int32_t) * (const uint32_t *)b;
    return (x > y) - (x < y);
}

/* A term's hash as stored: the low bits of its vocabulary hash, 0 kept for the count of
 * documents. */
static uint32_t term_hash(const struct vocab *v, int32_t id)
{
    uint32_t h = (uint32_t)v->hashes[id];
    return h ? h : 1;
}

/* The (hash, count) pairs sorted by hash as int32_t, equal hashes added up (stably, in
 * the order given), into *hashes and *counts. */
static int merge_pairs(uint32_t (*pairs)[2], size_t k, uint32_t **hashes, float **counts, size_t *n)
{
    *hashes = malloc((k + 1) * sizeof **hashes);
    *counts = malloc((k + 1) * sizeof **counts);
    if (!*hashes || !*counts)
        return -1;
    ev_sort_n(pairs, k, sizeof *pairs, cmp_term_hash);
    for (size_t i = 0; i < k; i++) {
        float c;
        memcpy(&c, &pairs[i][1], sizeof c);
        if (*n && (*hashes)[*n - 1] == pairs[i][0])
            (*counts)[*n - 1] += c;
        else {
            (*hashes)[*n] = pairs[i][0];
            (*counts)[(*n)++] = c;
        }
    }
    return 0;
}

static void set_pair(uint32_t pair[2], uint32_t hash, float count)
{
    pair[0] = hash;
    memcpy(&pair[1], &count, sizeof count);
}

/* Kinds and days as count_doc_terms sets them, from words counted beforehand. */
static int count_pre_terms(struct ev_doc *d, const struct ev_text_terms *pre, struct vocab *v,
                           struct term_buf *b)
{
    if (ev_prep_ensure(d) < 0)
        return -1;
    memcpy(d->prep->kinds, pre->kinds, sizeof d->prep->kinds);
    if (ev_set_days(d) < 0)
        return -1;
    b->n = 0;
    if (fact_terms(v, d, b, true) < 0)
        return -1;
    term_merge(b);
    return 0;
}

int ev_termer_count(struct ev_termer *t, struct ev_doc *d, const char *text,
                    const struct ev_text_terms *pre, uint32_t **hashes, float **counts, size_t *n)
{
    *hashes = NULL;
    *counts = NULL;
    *n = 0;
    size_t k = 0, words = pre ? pre->n : 0;
    uint32_t(*pairs)[2] = NULL;
    if (pre) {
        /* words arrive counted; only the facts' terms go through the vocabulary */
        if (count_pre_terms(d, pre, &t->v, &t->b) < 0)
            return -1;
        k = t->b.n;
        pairs = malloc((words + k + 1) * sizeof *pairs);
        for (size_t i = 0; pairs && i < words; i++)
            set_pair(pairs[i], pre->hashes[i], pre->counts[i]);
        for (size_t i = 0; pairs && i < k; i++)
            set_pair(pairs[words + i], term_hash(&t->v, t->b.items[i].id), t->b.items[i].tf);
    } else {
        if (count_doc_terms(d, text, &t->v, &t->b) < 0)
            return -1;
        k = d->prep->n_terms;
        pairs = malloc((k + 1) * sizeof *pairs);
        for (size_t i = 0; pairs && i < k; i++) {
            set_pair(pairs[i], term_hash(&t->v, d->prep->terms[i]), d->prep->weights[i]);
            t->v.df[d->prep->terms[i]]--; /* count_doc_terms counted it for a whole-set idf */
        }
    }
    int rc = pairs ? merge_pairs(pairs, words + k, hashes, counts, n) : -1;
    free(pairs);
    return rc;
}

/* ---- a report's words counted apart from the store ---- */

/* The stopwords' hashes, for threads that hold no vocabulary: built once. */
enum { STOP_SLOTS = 512 };
static int16_t stop_slots[STOP_SLOTS]; /* index + 1 into stopwords, 0 empty */
static pthread_once_t stop_once = PTHREAD_ONCE_INIT;

static void build_stop_slots(void)
{
    for (size_t i = 0; i < sizeof stopwords / sizeof stopwords[0]; i++) {
        size_t slot = ev_hash_bytes(stopwords[i], strlen(stopwords[i])) & (STOP_SLOTS - 1);
        while (stop_slots[slot])
            slot = (slot + 1) & (STOP_SLOTS - 1);
        stop_slots[slot] = (int16_t)(i + 1);
    }
}

static bool is_stopword(const char *w, size_t len, uint64_t hash)
{
    for (size_t slot = hash & (STOP_SLOTS - 1); stop_slots[slot];
         slot = (slot + 1) & (STOP_SLOTS - 1)) {
        const char *stop = stopwords[stop_slots[slot] - 1];
        if (strncmp(stop, w, len) == 0 && stop[len] == 0)
            return true;
    }
    return false;
}

/* Word hashes to counts, open addressing; a term's hash is never 0 (term_hash). */
struct word_counts {
    uint32_t *keys;
    float *counts;
    size_t cap, n;
};

static int word_counts_add(struct word_counts *wc, uint32_t key, float count)
{
    if ((wc->n + 1) * 2 > wc->cap) {
        struct word_counts grown = {.cap = wc->cap ? wc->cap * 2 : 512};
        grown.keys = calloc(grown.cap, sizeof *grown.keys);
        grown.counts = calloc(grown.cap, sizeof *grown.counts);
        if (!grown.keys || !grown.counts) {
            free(grown.keys);
            free(grown.counts);
            return -1;
        }
        for (size_t i = 0; i < wc->cap; i++)
            if (wc->keys[i])
                word_counts_add(&grown, wc->keys[i], wc->counts[i]);
        free(wc->keys);
        free(wc->counts);
        *wc = grown;
    }
    size_t slot = key & (wc->cap - 1);
    while (wc->keys[slot] && wc->keys[slot] != key)
        slot = (slot + 1) & (wc->cap - 1);
    if (!wc->keys[slot]) {
        wc->keys[slot] = key;
        wc->n++;
    }
    wc->counts[slot] += count;
    return 0;
}

/* The counted words into t, sorted by hash. */
static int word_counts_take(struct word_counts *wc, struct ev_text_terms *t)
{
    uint32_t(*pairs)[2] = malloc((wc->n + 1) * sizeof *pairs);
    size_t k = 0;
    for (size_t i = 0; pairs && i < wc->cap; i++)
        if (wc->keys[i])
            set_pair(pairs[k++], wc->keys[i], wc->counts[i]);
    int rc = pairs ? merge_pairs(pairs, k, &t->hashes, &t->counts, &t->n) : -1;
    free(pairs);
    return rc;
}

struct ev_text_terms *ev_text_terms_new(const char *title, const char *text)
{
    pthread_once(&stop_once, build_stop_slots);
    struct ev_text_terms *t = calloc(1, sizeof *t);
    size_t title_len;
    char *folded = t ? fold_doc(title, text, &title_len) : NULL;
    struct word_counts wc = {0};
    int rc = folded ? 0 : -1;
    if (rc == 0)
        ev_count_kinds(folded, title_len, t->kinds);
    const char *w, *p = folded;
    size_t len;
    while (rc == 0 && next_term_word(&p, &w, &len)) {
        uint64_t h = ev_hash_bytes(w, len);
        if (is_stopword(w, len, h))
            continue;
        uint32_t key = (uint32_t)h ? (uint32_t)h : 1;
        rc = word_counts_add(&wc, key, (size_t)(w - folded) < title_len ? 2.0f : 1.0f);
    }
    if (rc == 0)
        rc = word_counts_take(&wc, t);
    free(folded);
    free(wc.keys);
    free(wc.counts);
    if (rc < 0) {
        ev_text_terms_free(t);
        return NULL;
    }
    return t;
}

void ev_text_terms_free(struct ev_text_terms *t)
{
    if (!t)
        return;
    free(t->hashes);
    free(t->counts);
    free(t);
}
