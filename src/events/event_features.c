/* event_features.c: a report's grouping features to and from bytes (event_features.h). */
#include "events/event_features.h"

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "events/event_int.h"

/* Bumped when the layout changes: a blob of another version reads as no features. */
#define FEATURES_MAGIC 0x53524633u /* "SRF3" */

struct writer {
    unsigned char *buf;
    size_t len, cap;
    bool failed;
};

static void put(struct writer *w, const void *p, size_t n)
{
    if (w->failed)
        return;
    if (w->len + n > w->cap) {
        size_t cap = (w->len + n) * 2 + 64;
        unsigned char *b = realloc(w->buf, cap);
        if (!b) {
            w->failed = true;
            return;
        }
        w->buf = b;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

static void put_u32(struct writer *w, uint32_t v)
{
    put(w, &v, sizeof v);
}

static void put_place(struct writer *w, const struct ev_place *p)
{
    float salience = (float)p->salience;
    uint32_t name_len = p->name ? (uint32_t)strlen(p->name) : 0;
    put(w, &p->id, sizeof p->id);
    put_u32(w, (uint32_t)p->kind);
    put(w, &salience, sizeof salience);
    put_u32(w, (uint32_t)p->n_ancestors);
    put(w, p->ancestors, p->n_ancestors * sizeof *p->ancestors);
    put_u32(w, name_len);
    put(w, p->name, name_len);
}

void *ev_features_encode(const struct ev_doc *d, int32_t day, const uint32_t *hashes,
                         const float *counts, size_t n_terms, size_t *len)
{
    struct writer w = {0};
    float kinds[EVK_COUNT];
    for (int k = 0; k < EVK_COUNT; k++)
        kinds[k] = (float)d->prep->kinds[k];
    int64_t own_killed = d->own_killed;
    int32_t published = (int32_t)timex_iso_days(d->date); /* INT32_MIN when undated */
    put_u32(&w, FEATURES_MAGIC);
    put(&w, &day, sizeof day);
    put(&w, &published, sizeof published);
    put(&w, &own_killed, sizeof own_killed);
    put_u32(&w, d->own_killed_open);
    put(&w, kinds, sizeof kinds);
    put_u32(&w, (uint32_t)d->prep->n_days);
    put(&w, d->prep->days, d->prep->n_days * sizeof *d->prep->days);
    put_u32(&w, (uint32_t)d->n_places);
    for (size_t i = 0; i < d->n_places; i++)
        put_place(&w, &d->places[i]);
    put_u32(&w, (uint32_t)n_terms);
    put(&w, hashes, n_terms * sizeof *hashes);
    put(&w, counts, n_terms * sizeof *counts);
    if (w.failed) {
        free(w.buf);
        return NULL;
    }
    *len = w.len;
    return w.buf;
}

/* ---- decoding ---- */

struct reader {
    const unsigned char *p, *end;
    bool failed;
};

static void get(struct reader *r, void *out, size_t n)
{
    if (r->failed || (size_t)(r->end - r->p) < n) {
        r->failed = true;
        memset(out, 0, n);
        return;
    }
    memcpy(out, r->p, n);
    r->p += n;
}

static uint32_t get_u32(struct reader *r)
{
    uint32_t v;
    get(r, &v, sizeof v);
    return v;
}

/* A count read from the buffer, refused when the bytes left cannot hold that many items. */
static size_t get_count(struct reader *r, size_t item_size)
{
    uint32_t n = get_u32(r);
    if ((size_t)(r->end - r->p) / item_size < n)
        r->failed = true;
    return r->failed ? 0 : n;
}

/* ---- one block per decoded report ----
 *
 * An import decodes tens of thousands of stored neighbours a batch; a malloc per place
 * name and per array made allocating and freeing them a tenth of its writing thread. The
 * decoded doc lies in one calloc'd block instead (ev_doc.block), laid out after a first
 * pass has read the counts. */

struct carver {
    char *base; /* NULL while measuring */
    size_t used;
};

/* n items of size bytes, aligned for any of the doc's arrays: room for one more item,
 * zeroed, as the calloc(n + 1) each array had. */
static void *carve(struct carver *c, size_t n, size_t size)
{
    c->used = (c->used + 7) & ~(size_t)7;
    void *p = c->base ? c->base + c->used : NULL;
    c->used += (n + 1) * size;
    return p;
}

static void skip(struct reader *r, size_t n)
{
    if (r->failed || (size_t)(r->end - r->p) < n)
        r->failed = true;
    else
        r->p += n;
}

static void *get_array(struct reader *r, struct carver *c, size_t n, size_t size)
{
    void *a = carve(c, n, size);
    if (a)
        get(r, a, n * size);
    else
        skip(r, n * size);
    return a;
}

static void get_place(struct reader *r, struct carver *c, struct ev_place *p)
{
    struct ev_place ignored;
    if (!p)
        p = &ignored;
    float salience;
    get(r, &p->id, sizeof p->id);
    p->kind = (enum place_kind)get_u32(r);
    get(r, &salience, sizeof salience);
    p->salience = salience;
    p->n_ancestors = get_count(r, sizeof *p->ancestors);
    p->ancestors = get_array(r, c, p->n_ancestors, sizeof *p->ancestors);
    size_t name_len = get_count(r, 1);
    p->name = get_array(r, c, name_len, 1);
}

/* One pass over the blob: measuring (c->base NULL: only c->used counts) or filling d from
 * the block. Returns false on a truncated or foreign blob. */
static bool decode_into(const void *data, size_t len, struct carver *c, struct ev_doc *d)
{
    struct reader r = {data, (const unsigned char *)data + len, false};
    if (get_u32(&r) != FEATURES_MAGIC)
        return false;
    struct ev_prep *prep = carve(c, 0, sizeof *prep), scratch;
    if (!prep)
        prep = &scratch;
    int32_t day, published;
    int64_t own_killed;
    float kinds[EVK_COUNT];
    get(&r, &day, sizeof day);
    get(&r, &published, sizeof published);
    char *date = !r.failed && published != INT32_MIN ? carve(c, 40, 1) : NULL;
    if (date)
        ev_day_iso(published, date);
    get(&r, &own_killed, sizeof own_killed);
    bool open = get_u32(&r) != 0;
    get(&r, kinds, sizeof kinds);
    for (int k = 0; k < EVK_COUNT; k++)
        prep->kinds[k] = kinds[k];
    prep->n_days = get_count(&r, sizeof *prep->days);
    prep->days = get_array(&r, c, prep->n_days, sizeof *prep->days);
    size_t n_places = get_count(&r, 16);
    struct ev_place *places = carve(c, n_places, sizeof *places);
    for (size_t i = 0; !r.failed && i < n_places; i++)
        get_place(&r, c, places ? &places[i] : NULL);
    prep->n_terms = get_count(&r, 8);
    prep->terms = get_array(&r, c, prep->n_terms, sizeof *prep->terms);
    prep->weights = get_array(&r, c, prep->n_terms, sizeof *prep->weights);
    if (r.failed || !c->base)
        return !r.failed;
    d->date = date;
    d->own_killed = (long)own_killed;
    d->own_killed_open = open;
    d->places = places;
    d->n_places = n_places;
    d->prep = prep;
    return true;
}

int ev_features_decode(const void *data, size_t len, int64_t id, struct ev_doc *d)
{
    memset(d, 0, sizeof *d);
    d->id = id;
    struct carver c = {NULL, 0};
    if (!decode_into(data, len, &c, d))
        return -1;
    c.base = calloc(1, c.used);
    c.used = 0;
    if (!c.base || !decode_into(data, len, &c, d)) {
        free(c.base);
        memset(d, 0, sizeof *d);
        return -1;
    }
    d->block = c.base;
    return 0;
}

/* ---- weighing ---- */

struct weighed {
    int32_t term;
    float count, weight;
};

/* A stored report's terms, decoded, are few enough to keep them all and already in term
 * order: nothing to choose or sort, which was most of the time an import spent weighing
 * its neighbours. */
static bool all_kept_in_order(const struct weighed *w, size_t n)
{
    if (n > EV_FEATURE_TERMS)
        return false;
    for (size_t i = 1; i < n; i++)
        if (w[i - 1].term >= w[i].term)
            return false;
    return true;
}

/* The k heaviest of w[0..n) into top[], heaviest first, the earlier of equal weights
 * first: the first k a stable sort by weight would give, without sorting a new report's
 * hundreds of terms through qsort's callbacks. Returns how many (at most k). */
static size_t heaviest(const struct weighed *w, size_t n, size_t k, struct weighed *top)
{
    size_t m = 0;
    for (size_t i = 0; i < n && k > 0; i++) {
        if (m == k && !(w[i].weight > top[k - 1].weight))
            continue; /* no heavier than the lightest kept, which came first */
        size_t at = m < k ? m++ : k - 1;
        for (; at > 0 && w[i].weight > top[at - 1].weight; at--)
            top[at] = top[at - 1];
        top[at] = w[i];
    }
    return m;
}

/* Insertion sort by term: a few dozen terms, mostly short runs. */
static void sort_by_term(struct weighed *w, size_t n)
{
    for (size_t i = 1; i < n; i++) {
        struct weighed x = w[i];
        size_t at = i;
        for (; at > 0 && w[at - 1].term > x.term; at--)
            w[at] = w[at - 1];
        w[at] = x;
    }
}

double ev_idf(int64_t n_docs, int64_t df)
{
    return log((1.0 + (double)n_docs) / (1.0 + (double)(df > 0 ? df : 0))) + 1.0;
}

/* Raw counts are whole numbers (a word counts 1, or 2 in the title), mostly small: their
 * logarithms come from a table, the same doubles log() gives, filled once. */
#define SMALL_COUNTS 256
static double small_count_log[SMALL_COUNTS];
static pthread_once_t small_count_once = PTHREAD_ONCE_INIT;

static void fill_small_count_logs(void)
{
    for (int k = 1; k < SMALL_COUNTS; k++)
        small_count_log[k] = log((double)k);
}

/* log(count); the table is filled (ev_features_weigh sees to it). */
static double log_of_count(float count)
{
    if (count >= 1.0f && count < (float)SMALL_COUNTS && count == (float)(int)count)
        return small_count_log[(int)count];
    return log(count);
}

int ev_features_weigh(struct ev_doc *d, int64_t n_docs, ev_idf_fn idf, void *ctx,
                      float **counts_out)
{
    struct ev_prep *p = d->prep;
    /* a stored report's terms fit on the stack; a new report's hundreds are malloc'd */
    struct weighed local[EV_FEATURE_TERMS];
    struct weighed *w = p->n_terms <= EV_FEATURE_TERMS ? local : malloc(p->n_terms * sizeof *w);
    if (!w)
        return -1;
    pthread_once(&small_count_once, fill_small_count_logs);
    /* the same TF-IDF as ev_prepare's, over the reports featured so far */
    for (size_t i = 0; i < p->n_terms; i++) {
        double term_idf = idf(ctx, (uint32_t)p->terms[i], n_docs);
        w[i] = (struct weighed){p->terms[i], p->weights[i],
                                (float)((1.0 + log_of_count(p->weights[i])) * term_idf)};
    }
    size_t k = p->n_terms < EV_FEATURE_TERMS ? p->n_terms : EV_FEATURE_TERMS;
    if (!all_kept_in_order(w, p->n_terms)) {
        struct weighed top[EV_FEATURE_TERMS];
        k = heaviest(w, p->n_terms, k, top);
        sort_by_term(top, k);
        memcpy(w, top, k * sizeof *w);
    }
    double norm = 0;
    for (size_t i = 0; i < k; i++)
        norm += (double)w[i].weight * w[i].weight;
    norm = norm > 0 ? sqrt(norm) : 1;
    float *counts = counts_out ? malloc((k + 1) * sizeof *counts) : NULL;
    for (size_t i = 0; i < k; i++) {
        p->terms[i] = w[i].term;
        p->weights[i] = (float)(w[i].weight / norm);
        if (counts)
            counts[i] = w[i].count;
    }
    p->n_terms = k;
    if (w != local)
        free(w);
    if (counts_out)
        *counts_out = counts;
    return counts_out && !counts ? -1 : 0;
}
