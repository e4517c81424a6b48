/* event_incr.c: assigning new reports to events one at a time (event_incr.h). */
#include "events/event_incr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/event_features.h"
#include "events/event_int.h"
#include "store/event_state.h"
#include "store/store.h"

/* ---- document frequencies, read once and counted up in memory for a batch ---- */

struct df_entry {
    uint32_t term; /* 0 = empty slot (term 0 is the count of reports, kept apart) */
    int64_t n;     /* stored plus this batch's */
    int64_t delta; /* this batch's, written at its end */
    /* ev_idf(idf_docs, idf_n), kept: a batch weighs its neighbours' terms over one n_docs */
    double idf;
    int64_t idf_docs, idf_n;
};

struct df_cache {
    struct df_entry *slots;
    size_t cap, used;
};

static int df_grow(struct df_cache *c)
{
    size_t cap = c->cap ? c->cap * 2 : 4096;
    struct df_entry *s = calloc(cap, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->slots[i].term)
            continue;
        size_t k = c->slots[i].term & (cap - 1);
        while (s[k].term)
            k = (k + 1) & (cap - 1);
        s[k] = c->slots[i];
    }
    free(c->slots);
    c->slots = s;
    c->cap = cap;
    return 0;
}

/* The entry of term, read from the store when first asked for; NULL on error. */
static struct df_entry *df_entry(struct df_cache *c, struct event_state *st, uint32_t term)
{
    if ((c->used + 1) * 2 > c->cap && df_grow(c) < 0)
        return NULL;
    size_t k = term & (c->cap - 1);
    for (; c->slots[k].term; k = (k + 1) & (c->cap - 1))
        if (c->slots[k].term == term)
            return &c->slots[k];
    int64_t n = event_state_df(st, term);
    if (n < 0)
        return NULL;
    c->slots[k] = (struct df_entry){term, n, 0, 0, -1, -1};
    c->used++;
    return &c->slots[k];
}

/* ---- decoded reports of a batch, by article id ---- */

struct doc_cache {
    int64_t *ids; /* 0 = empty */
    struct ev_doc **docs;
    size_t cap, used;
};

static int docs_grow(struct doc_cache *c)
{
    size_t cap = c->cap ? c->cap * 2 : 1024;
    int64_t *ids = calloc(cap, sizeof *ids);
    struct ev_doc **docs = calloc(cap, sizeof *docs);
    if (!ids || !docs) {
        free(ids);
        free(docs);
        return -1;
    }
    for (size_t i = 0; i < c->cap; i++) {
        if (!c->ids[i])
            continue;
        size_t k = (size_t)c->ids[i] & (cap - 1);
        while (ids[k])
            k = (k + 1) & (cap - 1);
        ids[k] = c->ids[i];
        docs[k] = c->docs[i];
    }
    free(c->ids);
    free(c->docs);
    c->ids = ids;
    c->docs = docs;
    c->cap = cap;
    return 0;
}

static void docs_clear(struct doc_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        if (c->ids[i]) {
            ev_doc_free(c->docs[i]);
            free(c->docs[i]);
        }
    free(c->ids);
    free(c->docs);
    memset(c, 0, sizeof *c);
}

/* ---- one catch-up ---- */

struct catch_up {
    sqlite3 *db;
    struct event_state *st;
    const struct ev_options *o;
    struct ev_termer *termer;
    struct df_cache df;
    struct doc_cache docs;
    int64_t n_docs; /* reports featured, this batch's included */
    int64_t *touched;
    size_t n_touched, cap_touched;
    /* the describing sums of the events this batch adds to (event_sums.c), written at its
     * end; an entry not valid is dropped, to be summed from the members when described */
    struct batch_sums {
        int64_t event;
        struct ev_sums sums;
        bool valid;
    } * sums;
    size_t n_sums, cap_sums;
};

static double idf_of(void *ctx, uint32_t term, int64_t n_docs)
{
    struct catch_up *c = ctx;
    struct df_entry *e = df_entry(&c->df, c->st, term);
    if (!e)
        return ev_idf(n_docs, 0);
    if (e->idf_docs != n_docs || e->idf_n != e->n) {
        e->idf = ev_idf(n_docs, e->n);
        e->idf_docs = n_docs;
        e->idf_n = e->n;
    }
    return e->idf;
}

/* Where id is in the cache (cap > 0), else the empty slot it would take. */
static size_t doc_slot(const struct doc_cache *dc, int64_t id)
{
    size_t k = (size_t)id & (dc->cap - 1);
    while (dc->ids[k] && dc->ids[k] != id)
        k = (k + 1) & (dc->cap - 1);
    return k;
}

/* A stored report ready for scoring (decoded once a batch), or NULL when it has no
 * features (deleted since) or on error. */
static struct ev_doc *stored_doc(struct catch_up *c, int64_t id)
{
    if ((c->docs.used + 1) * 2 > c->docs.cap && docs_grow(&c->docs) < 0)
        return NULL;
    size_t k = doc_slot(&c->docs, id);
    if (c->docs.ids[k])
        return c->docs.docs[k];
    void *data;
    size_t len;
    if (event_state_get_features(c->st, id, &data, &len) != 1)
        return NULL;
    struct ev_doc *d = calloc(1, sizeof *d);
    int rc = d ? ev_features_decode(data, len, id, d) : -1;
    free(data);
    if (rc == 0 && ev_features_weigh(d, c->n_docs, idf_of, c, NULL) < 0) {
        ev_doc_free(d);
        rc = -1;
    }
    if (rc < 0) {
        free(d);
        return NULL;
    }
    c->docs.ids[k] = id;
    c->docs.docs[k] = d;
    c->docs.used++;
    return d;
}

/* ---- the describing sums of the events a batch adds to ---- */

/* The batch's entry for event, made when first asked for: an event made by this batch
 * starts with empty sums (fresh), an older one with its stored sums, or none valid. */
static struct batch_sums *sums_of(struct catch_up *c, int64_t event, bool fresh)
{
    for (size_t i = 0; i < c->n_sums; i++)
        if (c->sums[i].event == event)
            return &c->sums[i];
    if (c->n_sums == c->cap_sums) {
        size_t cap = c->cap_sums ? c->cap_sums * 2 : 256;
        struct batch_sums *grown = realloc(c->sums, cap * sizeof *grown);
        if (!grown)
            return NULL;
        c->sums = grown;
        c->cap_sums = cap;
    }
    struct batch_sums *b = &c->sums[c->n_sums++];
    b->event = event;
    ev_sums_init(&b->sums);
    b->valid = fresh;
    void *data;
    size_t len;
    if (!fresh && event_state_get_sums(c->st, event, &data, &len) == 1) {
        b->valid = ev_sums_decode(data, len, &b->sums) == 0;
        free(data);
    }
    return b;
}

/* A new member added after every member the sums hold keeps them exact; otherwise (or
 * after a merge, which interleaves two events' members) they are summed afresh. */
static void sums_add_member(struct catch_up *c, int64_t event, int64_t article)
{
    struct batch_sums *b = sums_of(c, event, false);
    const struct ev_doc *d = b && b->valid ? stored_doc(c, article) : NULL;
    if (b && b->valid && (!d || article <= b->sums.last_member || ev_sums_add(&b->sums, d) < 0))
        b->valid = false;
}

static void sums_forget(struct catch_up *c, int64_t event)
{
    struct batch_sums *b = sums_of(c, event, false);
    if (b)
        b->valid = false;
}

/* The batch's sums stored, the stale ones dropped. */
static int sums_write(struct catch_up *c)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < c->n_sums; i++) {
        struct batch_sums *b = &c->sums[i];
        size_t len = 0;
        void *data = b->valid ? ev_sums_encode(&b->sums, &len) : NULL;
        rc = data ? event_state_put_sums(c->st, b->event, data, len)
                  : event_state_drop_sums(c->st, b->event);
        free(data);
    }
    return rc;
}

static void sums_clear(struct catch_up *c)
{
    for (size_t i = 0; i < c->n_sums; i++)
        ev_sums_free(&c->sums[i].sums);
    c->n_sums = 0;
}

static int touch(struct catch_up *c, int64_t event)
{
    for (size_t i = 0; i < c->n_touched; i++)
        if (c->touched[i] == event)
            return 0;
    if (c->n_touched == c->cap_touched) {
        size_t cap = c->cap_touched ? c->cap_touched * 2 : 256;
        int64_t *p = realloc(c->touched, cap * sizeof *p);
        if (!p)
            return -1;
        c->touched = p;
        c->cap_touched = cap;
    }
    c->touched[c->n_touched++] = event;
    return 0;
}

/* ---- features of a new report ---- */

/* The report's place in its blocks: the publication day, else its first event day, else
 * after every dated report (as the full grouping sorts it). */
static int32_t block_day(const struct ev_doc *d)
{
    long day = timex_iso_days(d->date);
    for (size_t i = 0; day == INT32_MIN && i < d->n_event_days; i++)
        day = d->event_days[i];
    return day == INT32_MIN ? INT32_MAX : (int32_t)day;
}

/* Counts the report's terms into the document frequencies, weighs them and stores its
 * features; d is left ready for scoring. */
static int feature_doc(struct catch_up *c, struct ev_doc *d)
{
    uint32_t *hashes;
    float *counts, *kept = NULL;
    size_t n;
    const struct ev_text_terms *pre =
        c->o->text_terms ? c->o->text_terms(c->o->text_terms_ctx, d->id) : NULL;
    int rc = ev_termer_count(c->termer, d, d->text, pre, &hashes, &counts, &n);
    c->n_docs++;
    for (size_t i = 0; rc == 0 && i < n; i++) {
        struct df_entry *e = df_entry(&c->df, c->st, hashes[i]);
        if (!e)
            rc = -1;
        else
            e->n++, e->delta++;
    }
    if (rc == 0) {
        free(d->prep->terms);
        free(d->prep->weights);
        d->prep->terms = (int32_t *)hashes;
        d->prep->weights = counts;
        d->prep->n_terms = n;
        hashes = NULL;
        counts = NULL;
        rc = ev_features_weigh(d, c->n_docs, idf_of, c, &kept);
    }
    size_t len = 0;
    void *blob = rc == 0 ? ev_features_encode(d, block_day(d), (const uint32_t *)d->prep->terms,
                                              kept, d->prep->n_terms, &len)
                         : NULL;
    if (rc == 0)
        rc = blob ? event_state_put_features(c->st, d->id, blob, len) : -1;
    free(blob);
    free(kept);
    free(hashes);
    free(counts);
    return rc;
}

static int cmp_salience_desc(const void *x, const void *y)
{
    const struct ev_place *a = x, *b = y;
    return (a->salience < b->salience) - (a->salience > b->salience);
}

#define EV_BLOCK_PLACES 2

/* The blocks a report is in, as the full grouping makes them: its two most salient places
 * and the places enclosing them, or block 0 when it names none. Returns how many keys. */
static size_t block_keys(struct ev_doc *d, int64_t **keys)
{
    ev_sort_n(d->places, d->n_places, sizeof *d->places, cmp_salience_desc);
    size_t top = d->n_places < EV_BLOCK_PLACES ? d->n_places : EV_BLOCK_PLACES, n = 0, need = 1;
    for (size_t k = 0; k < top; k++)
        need += 1 + d->places[k].n_ancestors;
    *keys = malloc(need * sizeof **keys);
    if (!*keys)
        return 0;
    if (top == 0)
        (*keys)[n++] = 0;
    for (size_t k = 0; k < top; k++) {
        (*keys)[n++] = d->places[k].id;
        for (size_t a = 0; a < d->places[k].n_ancestors; a++)
            (*keys)[n++] = d->places[k].ancestors[a];
    }
    return n;
}

/* ---- candidates and links ---- */

static int cmp_id(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

/* The neighbours of d in its blocks (stored reports only, itself left out), each once. */
static long find_candidates(struct catch_up *c, const int64_t *keys, size_t n_keys, int32_t day,
                            int64_t self, int64_t **out)
{
    int window = c->o->window;
    int64_t *ids = malloc((n_keys * 2 * (size_t)window + 1) * sizeof *ids);
    if (!ids)
        return -1;
    size_t n = 0;
    for (size_t k = 0; k < n_keys; k++) {
        int got = event_state_neighbours(c->st, keys[k], day, window, ids + n);
        if (got < 0) {
            free(ids);
            return -1;
        }
        n += (size_t)got;
    }
    ev_sort_n(ids, n, sizeof *ids, cmp_id);
    size_t m = 0;
    for (size_t i = 0; i < n; i++)
        if (ids[i] != self && (m == 0 || ids[m - 1] != ids[i]))
            ids[m++] = ids[i];
    *out = ids;
    return (long)m;
}

/* ---- joining events ---- */

/* The days an event or a report spans: lo > hi when undated. */
struct span {
    long lo, hi;
};

static struct span doc_span(const struct ev_doc *d)
{
    struct span s = {INT32_MAX, INT32_MIN};
    for (size_t i = 0; i < d->prep->n_days; i++) {
        if (d->prep->days[i] < s.lo)
            s.lo = d->prep->days[i];
        if (d->prep->days[i] > s.hi)
            s.hi = d->prep->days[i];
    }
    return s;
}

static struct span event_span(struct catch_up *c, int64_t event)
{
    char first[16], last[16];
    struct span s = {INT32_MAX, INT32_MIN};
    if (event_state_dates(c->st, event, first, last) == 0 && first[0] && last[0]) {
        s.lo = timex_iso_days(first);
        s.hi = timex_iso_days(last);
    }
    return s;
}

static struct span span_union(struct span a, struct span b)
{
    return (struct span){a.lo < b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi};
}

/* Daily strikes on one city must not chain into one event spanning months: the same limit
 * as the full grouping's union-find. */
static bool span_ok(const struct catch_up *c, struct span s)
{
    return s.lo > s.hi || s.hi - s.lo <= 2L * c->o->max_day_gap;
}

static bool stopped(const struct catch_up *c)
{
    return c->o->stop && atomic_load(c->o->stop);
}

/* ---- a batch's links, joined strongest first ---- */

/* A link of a batch: a is a new report, b an older one or a new one before it. Nodes of
 * the union-find: the batch's new reports first (in id order), then the stored events
 * their links reach. */
struct batch_link {
    int64_t a, b;
    double score;
    size_t na, nb;
    bool kept;
};

struct batch {
    struct ev_doc **news; /* the batch's new reports, by id */
    size_t n_news;
    struct batch_link *links;
    size_t n_links, cap_links;
    int64_t *events; /* node n_news + k is stored event events[k] (sorted) */
    size_t n_events;
    size_t *parent;
    struct span *span;
};

/* The index of a new report of the batch, or SIZE_MAX for an older one. */
static size_t new_index(const struct batch *bt, int64_t id)
{
    size_t lo = 0, hi = bt->n_news;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (bt->news[mid]->id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < bt->n_news && bt->news[lo]->id == id ? lo : SIZE_MAX;
}

static int push_link(struct batch *bt, struct batch_link l)
{
    if (bt->n_links == bt->cap_links) {
        size_t cap = bt->cap_links ? bt->cap_links * 2 : 1024;
        struct batch_link *p = realloc(bt->links, cap * sizeof *p);
        if (!p)
            return -1;
        bt->links = p;
        bt->cap_links = cap;
    }
    bt->links[bt->n_links++] = l;
    return 0;
}

/* Features and blocks of every new report first, so that each is then scored against its
 * neighbours among the older reports and the batch's other new ones alike, as the full
 * grouping's window does, with the batch's document frequencies. */
static int feature_batch(struct catch_up *c, struct batch *bt)
{
    int rc = 0;
    for (size_t i = 0; rc == 0 && i < bt->n_news; i++) {
        struct ev_doc *d = bt->news[i];
        rc = stopped(c) ? -1 : feature_doc(c, d);
        int64_t *keys = NULL;
        size_t n_keys = rc == 0 ? block_keys(d, &keys) : 0;
        for (size_t k = 0; rc == 0 && k < n_keys; k++)
            rc = event_state_add_block(c->st, keys[k], block_day(d), d->id);
        if (rc == 0 && n_keys == 0)
            rc = -1;
        free(keys);
    }
    return rc;
}

/* The links of one new report: each pair of new reports is scored once, from the later. */
static int link_doc(struct catch_up *c, struct batch *bt, size_t i)
{
    struct ev_doc *d = bt->news[i];
    const struct ev_doc *scored = stored_doc(c, d->id);
    int64_t *keys, *cands = NULL;
    size_t n_keys = block_keys(d, &keys);
    long n = scored && n_keys ? find_candidates(c, keys, n_keys, block_day(d), d->id, &cands) : -1;
    int rc = n < 0 ? -1 : 0;
    for (long k = 0; rc == 0 && k < n; k++) {
        size_t j = new_index(bt, cands[k]);
        if (j != SIZE_MAX && j >= i)
            continue;
        const struct ev_doc *other = stored_doc(c, cands[k]);
        double sc = other ? ev_pair_score(scored, other, c->o, NULL, 0) : 0;
        if (sc >= c->o->threshold)
            rc = push_link(bt, (struct batch_link){d->id, cands[k], sc, i, j, false});
    }
    free(keys);
    free(cands);
    return rc;
}

static int cmp_batch_link(const void *x, const void *y)
{
    const struct batch_link *a = x, *b = y;
    if (a->score != b->score)
        return (a->score < b->score) - (a->score > b->score);
    if (a->a != b->a)
        return (a->a > b->a) - (a->a < b->a);
    return (a->b > b->b) - (a->b < b->b);
}

/* Nodes for the stored events the links reach (ids sorted), and each link's b node. */
static int event_nodes(struct catch_up *c, struct batch *bt)
{
    int64_t *event_of_b = calloc(bt->n_links + 1, sizeof *event_of_b);
    bt->events = malloc((bt->n_links + 1) * sizeof *bt->events);
    int rc = event_of_b && bt->events ? 0 : -1;
    for (size_t l = 0; rc == 0 && l < bt->n_links; l++) {
        if (bt->links[l].nb != SIZE_MAX)
            continue;
        event_of_b[l] = event_state_event_of(c->st, bt->links[l].b);
        if (event_of_b[l] <= 0)
            rc = -1;
        else
            bt->events[bt->n_events++] = event_of_b[l];
    }
    if (rc == 0)
        ev_sort_n(bt->events, bt->n_events, sizeof *bt->events, cmp_id);
    size_t m = 0;
    for (size_t i = 0; rc == 0 && i < bt->n_events; i++)
        if (m == 0 || bt->events[m - 1] != bt->events[i])
            bt->events[m++] = bt->events[i];
    bt->n_events = m;
    for (size_t l = 0; rc == 0 && l < bt->n_links; l++) {
        if (!event_of_b[l])
            continue;
        const int64_t *hit =
            bsearch(&event_of_b[l], bt->events, bt->n_events, sizeof *bt->events, cmp_id);
        bt->links[l].nb = bt->n_news + (size_t)(hit - bt->events);
    }
    free(event_of_b);
    return rc;
}

static size_t uf_root(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* Union-find over the links, strongest first, refusing a join that would stretch an event
 * over more than twice the day gap (as the full grouping does). */
static int join_batch(struct catch_up *c, struct batch *bt)
{
    size_t n = bt->n_news + bt->n_events;
    bt->parent = malloc((n + 1) * sizeof *bt->parent);
    bt->span = malloc((n + 1) * sizeof *bt->span);
    if (!bt->parent || !bt->span)
        return -1;
    for (size_t i = 0; i < n; i++) {
        bt->parent[i] = i;
        bt->span[i] = i < bt->n_news ? doc_span(stored_doc(c, bt->news[i]->id))
                                     : event_span(c, bt->events[i - bt->n_news]);
    }
    ev_sort_n(bt->links, bt->n_links, sizeof *bt->links, cmp_batch_link);
    for (size_t l = 0; l < bt->n_links; l++) {
        struct batch_link *k = &bt->links[l];
        size_t ra = uf_root(bt->parent, k->na), rb = uf_root(bt->parent, k->nb);
        struct span s = span_union(bt->span[ra], bt->span[rb]);
        if (ra != rb && !span_ok(c, s))
            continue;
        size_t root = ra < rb ? ra : rb;
        bt->parent[ra > rb ? ra : rb] = root;
        bt->span[root] = s;
        k->kept = true;
    }
    return 0;
}

/* ---- writing a batch's events ---- */

/* Per union-find root: the event it becomes, its link statistics, its best new link. */
struct component {
    int64_t event;
    struct event_link_stats links;
    size_t best; /* index of its strongest kept link of this batch, SIZE_MAX when none */
};

static void link_reasons(struct catch_up *c, const struct batch_link *l, char *buf, size_t len)
{
    ev_pair_score(stored_doc(c, l->a), stored_doc(c, l->b), c->o, buf, len);
}

/* The stored events a component reaches become one: the oldest, the others merged in. */
static int merge_events(struct catch_up *c, struct batch *bt, struct component *comp)
{
    int rc = 0;
    for (size_t k = 0; rc == 0 && k < bt->n_events; k++) {
        struct component *r = &comp[uf_root(bt->parent, bt->n_news + k)];
        struct event_link_stats l;
        rc = event_state_links(c->st, bt->events[k], &l);
        if (rc == 0 && r->event == 0) {
            r->event = bt->events[k];
            r->links = l;
        } else if (rc == 0) {
            r->links.n_links += l.n_links;
            r->links.link_sum += l.link_sum;
            if (l.best_link > r->links.best_link)
                r->links.best_link = l.best_link;
            rc = event_state_merge(c->st, bt->events[k], r->event);
            sums_forget(c, r->event);
        }
    }
    return rc;
}

/* An older report's own score and reasons come from its strongest link. */
static int update_old_member(struct catch_up *c, const struct batch_link *l)
{
    double score;
    bool has_reasons;
    if (event_state_member(c->st, l->b, &score, &has_reasons) < 0)
        return -1;
    if (has_reasons && score >= l->score)
        return 0;
    char reasons[512];
    link_reasons(c, l, reasons, sizeof reasons);
    return event_state_set_member(c->st, l->b, l->score, reasons);
}

/* Counts the kept links into their components; best_of[i] is new report i's strongest. */
static int count_links(struct catch_up *c, struct batch *bt, struct component *comp,
                       size_t *best_of)
{
    int rc = 0;
    for (size_t l = 0; rc == 0 && l < bt->n_links; l++) {
        const struct batch_link *k = &bt->links[l];
        if (!k->kept)
            continue;
        struct component *r = &comp[uf_root(bt->parent, k->na)];
        r->links.n_links++;
        r->links.link_sum += k->score;
        if (k->score > r->links.best_link) {
            r->links.best_link = k->score;
            r->best = l;
        }
        size_t ends[2] = {k->na, k->nb};
        for (int e = 0; e < 2; e++)
            if (ends[e] < bt->n_news && best_of[ends[e]] == SIZE_MAX)
                best_of[ends[e]] = l; /* links are strongest first */
        if (k->nb >= bt->n_news)
            rc = update_old_member(c, k);
    }
    return rc;
}

static int add_new_members(struct catch_up *c, struct batch *bt, struct component *comp,
                           const size_t *best_of)
{
    int rc = 0;
    char reasons[512];
    for (size_t i = 0; rc == 0 && i < bt->n_news; i++) {
        struct component *r = &comp[uf_root(bt->parent, i)];
        if (r->event == 0 &&
            ((r->event = event_state_new_event(c->st)) <= 0 || !sums_of(c, r->event, true)))
            return -1;
        const struct batch_link *l = best_of[i] == SIZE_MAX ? NULL : &bt->links[best_of[i]];
        if (l)
            link_reasons(c, l, reasons, sizeof reasons);
        rc = event_state_add_member(c->st, r->event, bt->news[i]->id, l ? l->score : 1,
                                    l ? reasons : NULL);
        if (rc == 0)
            sums_add_member(c, r->event, bt->news[i]->id);
    }
    return rc;
}

/* An event to describe later: its dates now, from the span its join computed (the union
 * of its members' days, as describing would find them), since the next batch's joins
 * read them. */
static int defer_describe(struct catch_up *c, int64_t event, struct span s)
{
    int rc = 0;
    if (s.lo <= s.hi) {
        char first[40], last[40];
        ev_day_iso(s.lo, first);
        ev_day_iso(s.hi, last);
        rc = event_state_set_dates(c->st, event, first, last);
    }
    return rc == 0 ? event_state_mark_stale(c->st, event) : rc;
}

/* Link statistics and reasons of every event the batch touched. */
static int finish_components(struct catch_up *c, struct batch *bt, struct component *comp)
{
    int rc = 0;
    char reasons[512];
    for (size_t i = 0; rc == 0 && i < bt->n_news + bt->n_events; i++) {
        struct component *r = &comp[i];
        if (bt->parent[i] != i || r->event == 0)
            continue;
        rc = event_state_set_links(c->st, r->event, &r->links);
        if (rc == 0 && r->best != SIZE_MAX) {
            link_reasons(c, &bt->links[r->best], reasons, sizeof reasons);
            rc = event_state_set_reasons(c->st, r->event, reasons);
        }
        if (rc == 0 && c->o->defer_describe)
            rc = defer_describe(c, r->event, bt->span[i]);
        else if (rc == 0)
            rc = touch(c, r->event);
    }
    return rc;
}

static int write_batch(struct catch_up *c, struct batch *bt)
{
    size_t n = bt->n_news + bt->n_events;
    struct component *comp = calloc(n + 1, sizeof *comp);
    size_t *best_of = malloc((bt->n_news + 1) * sizeof *best_of);
    int rc = comp && best_of ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < n; i++)
        comp[i].best = SIZE_MAX;
    for (size_t i = 0; rc == 0 && i < bt->n_news; i++)
        best_of[i] = SIZE_MAX;
    if (rc == 0)
        rc = merge_events(c, bt, comp);
    if (rc == 0)
        rc = count_links(c, bt, comp, best_of);
    if (rc == 0)
        rc = add_new_members(c, bt, comp, best_of);
    if (rc == 0)
        rc = finish_components(c, bt, comp);
    if (rc == 0)
        rc = sums_write(c);
    sums_clear(c);
    free(comp);
    free(best_of);
    return rc;
}

/* Assigns a batch of new reports: features and blocks, links, union-find, events. */
static int assign_batch(struct catch_up *c, struct batch *bt)
{
    int rc = feature_batch(c, bt);
    for (size_t i = 0; rc == 0 && i < bt->n_news; i++)
        rc = stopped(c) ? -1 : link_doc(c, bt, i);
    if (rc == 0)
        rc = event_nodes(c, bt);
    if (rc == 0)
        rc = join_batch(c, bt);
    if (rc == 0)
        rc = write_batch(c, bt);
    free(bt->links);
    free(bt->events);
    free(bt->parent);
    free(bt->span);
    return rc;
}

/* A stored report as describing an event reads it (places, kinds, days): the batch's
 * decoded copy when it has one (*owned false), else decoded into d unweighed (*owned
 * true; the caller frees it). Weighing is for scoring, and the members of a large event
 * are mostly reports the batch never scores. 0, or -1 when it has no features. */
static int described_doc(struct catch_up *c, int64_t id, struct ev_doc *d, bool *owned)
{
    *owned = false;
    size_t k = c->docs.cap ? doc_slot(&c->docs, id) : 0;
    if (c->docs.cap && c->docs.ids[k]) {
        *d = *c->docs.docs[k]; /* a shallow copy: only read */
        return 0;
    }
    void *data;
    size_t len;
    if (event_state_get_features(c->st, id, &data, &len) != 1)
        return -1;
    memset(d, 0, sizeof *d);
    int rc = ev_features_decode(data, len, id, d);
    free(data);
    *owned = rc == 0;
    return rc;
}

/* The event's describing sums from all its members (those with features), in id order,
 * and then stored: the next batch adding to it adds to them. 0, 1 when it has no members
 * (merged away), -1. */
static int sum_members(struct catch_up *c, int64_t event, struct ev_sums *sums)
{
    int64_t *ids;
    long n = event_state_members(c->st, event, &ids);
    int rc = n < 0 ? -1 : n == 0 ? 1 : 0;
    for (long i = 0; rc == 0 && i < n; i++) {
        struct ev_doc d;
        bool owned;
        if (described_doc(c, ids[i], &d, &owned) < 0)
            continue;
        rc = ev_sums_add(sums, &d);
        if (owned)
            ev_doc_free(&d);
    }
    free(ids);
    size_t len = 0;
    void *data = rc == 0 ? ev_sums_encode(sums, &len) : NULL;
    if (rc == 0)
        rc = data ? event_state_put_sums(c->st, event, data, len) : -1;
    free(data);
    return rc;
}

/* Label, place, dates and score of an event whose members changed: from its stored sums
 * when it has them, else from its members. */
static int describe_event(struct catch_up *c, int64_t event)
{
    struct ev_sums sums;
    void *data;
    size_t len;
    int got = event_state_get_sums(c->st, event, &data, &len), rc = got < 0 ? -1 : 0;
    if (got == 1) {
        rc = ev_sums_decode(data, len, &sums);
        free(data);
    }
    if (got == 0 || rc < 0) {
        ev_sums_init(&sums);
        rc = sum_members(c, event, &sums);
    }
    if (rc != 0) {
        ev_sums_free(&sums);
        return rc > 0 ? 0 : -1; /* merged away: nothing to describe */
    }
    struct ev_group g = {0};
    if (sums.last_member) /* none of its members had features: no label, as before */
        ev_sums_describe(&sums, &g);
    ev_sums_free(&sums);
    struct event_link_stats l = {0};
    rc = event_state_links(c->st, event, &l);
    if (rc == 0)
        rc = event_state_describe(c->st, event, g.label, g.place,
                                  l.n_links ? l.link_sum / (double)l.n_links : 0);
    if (rc == 0 && g.first_date)
        rc = event_state_set_dates(c->st, event, g.first_date, g.last_date);
    free(g.label);
    free(g.place);
    free(g.first_date);
    free(g.last_date);
    return rc;
}

static int flush_df(struct catch_up *c, int64_t new_docs)
{
    int rc = event_state_add_df(c->st, 0, new_docs);
    for (size_t i = 0; rc == 0 && i < c->df.cap; i++)
        if (c->df.slots[i].term && c->df.slots[i].delta) {
            rc = event_state_add_df(c->st, c->df.slots[i].term, c->df.slots[i].delta);
            c->df.slots[i].delta = 0;
        }
    return rc;
}

/* Assigns the loaded docs that are in ids (ascending), then describes the events touched.
 * Returns 0, 1 when none of them could be loaded, or -1. */
static int catch_up_docs(struct catch_up *c, struct ev_doc *docs, size_t n, const int64_t *ids,
                         size_t n_ids)
{
    struct batch bt = {.news = malloc((n + 1) * sizeof *bt.news)};
    if (!bt.news)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        while (k < n_ids && ids[k] < docs[i].id)
            k++;
        if (k < n_ids && ids[k] == docs[i].id)
            bt.news[bt.n_news++] = &docs[i];
    }
    int rc = bt.n_news ? assign_batch(c, &bt) : 1; /* none readable: do not loop on them */
    for (size_t t = 0; rc == 0 && t < c->n_touched; t++)
        rc = describe_event(c, c->touched[t]);
    if (rc == 0)
        rc = flush_df(c, (int64_t)bt.n_news);
    free(bt.news);
    return rc;
}

/* One batch in one transaction: 1 when there was nothing left, 0 done, -1 failed. */
static int catch_up_batch(struct catch_up *c, size_t *n_assigned)
{
    int64_t *ids;
    size_t n_ids;
    if (event_state_unassigned(c->st, EV_CATCH_UP_BATCH, &ids, &n_ids) < 0 || n_ids == 0) {
        free(ids);
        return n_ids == 0 ? 1 : -1;
    }
    if (sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        free(ids);
        return -1;
    }
    struct ev_doc *docs = NULL;
    size_t n = 0;
    c->n_docs = event_state_df(c->st, 0);
    int rc = c->n_docs < 0 ? -1 : ev_load_range(c->db, ids[0], ids[n_ids - 1], &docs, &n);
    if (rc == 0)
        rc = catch_up_docs(c, docs, n, ids, n_ids);
    if (rc > 0)
        n_ids = 0;
    if (rc >= 0 && sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        rc = -1;
    if (rc < 0 && !sqlite3_get_autocommit(c->db))
        sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
    if (rc >= 0)
        *n_assigned += n_ids;
    ev_docs_free(docs, n);
    free(ids);
    return rc;
}

static void batch_reset(struct catch_up *c)
{
    free(c->df.slots);
    memset(&c->df, 0, sizeof c->df);
    docs_clear(&c->docs);
    c->n_touched = 0;
}

enum { STALE_BATCH = 256 };

/* One transaction's worth of stale events described: 1 when none was left, 0, or -1. */
static int describe_stale_batch(struct catch_up *c)
{
    int64_t ids[STALE_BATCH];
    long n = event_state_stale(c->st, STALE_BATCH, ids);
    if (n <= 0)
        return n == 0 ? 1 : -1;
    if (sqlite3_exec(c->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return -1;
    int rc = 0;
    for (long i = 0; rc == 0 && i < n; i++) {
        rc = describe_event(c, ids[i]);
        if (rc == 0)
            rc = event_state_unmark_stale(c->st, ids[i]);
    }
    if (rc == 0 && sqlite3_exec(c->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
    return -1;
}

static int describe_all_stale(struct catch_up *c)
{
    int rc = 0;
    while (rc == 0)
        rc = stopped(c) ? -1 : describe_stale_batch(c);
    return rc < 0 ? -1 : 0;
}

int ev_catch_up(struct store *s, const struct ev_options *o, size_t *n_assigned)
{
    size_t assigned = 0;
    struct catch_up c = {.db = store_db(s), .o = o};
    c.st = event_state_open(c.db);
    int rc = c.st ? 0 : -1;
    while (rc == 0) {
        /* a fresh vocabulary and caches per batch: memory stays that of one batch */
        c.termer = ev_termer_new();
        int got = c.termer ? catch_up_batch(&c, &assigned) : -1;
        ev_termer_free(c.termer);
        batch_reset(&c);
        if (got != 0)
            rc = got < 0 ? -1 : 1;
    }
    /* what an import left to describe (its end never came, or this is it) */
    if (rc > 0 && !o->defer_describe)
        rc = describe_all_stale(&c) < 0 ? -1 : 1;
    event_state_close(c.st);
    free(c.touched);
    sums_clear(&c);
    free(c.sums);
    if (n_assigned)
        *n_assigned = assigned;
    return rc < 0 ? -1 : 0;
}

int ev_describe_stale(struct store *s)
{
    struct ev_options o;
    ev_options_default(&o);
    struct catch_up c = {.db = store_db(s), .o = &o};
    c.st = event_state_open(c.db);
    int rc = c.st ? describe_all_stale(&c) : -1;
    event_state_close(c.st);
    return rc;
}

int ev_update_store(struct store *s, const struct ev_options *o)
{
    if (ev_catch_up(s, o, NULL) < 0)
        return -1;
    return o->n_corrections ? ev_regroup_store(s, o, NULL) : 0;
}
