/* event_cluster.c: blocking by place and date, union-find, and the groups it gives. */
#include "events/event_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/text.h"

/* ---- blocking and union-find ---- */

struct block_entry {
    int64_t key; /* a place id, or 0 for docs that name no place */
    long day;    /* for sorting inside the block; undated last */
    uint32_t doc;
};

static int cmp_block(const void *x, const void *y)
{
    const struct block_entry *a = x, *b = y;
    if (a->key != b->key)
        return (a->key > b->key) - (a->key < b->key);
    if (a->day != b->day)
        return (a->day > b->day) - (a->day < b->day);
    return (a->doc > b->doc) - (a->doc < b->doc);
}

static long doc_day(const struct ev_doc *d)
{
    long day = timex_iso_days(d->date);
    for (size_t i = 0; day == INT32_MIN && i < d->n_event_days; i++)
        day = d->event_days[i];
    return day == INT32_MIN ? INT32_MAX : day;
}

static int cmp_salience_desc(const void *x, const void *y)
{
    const struct ev_place *a = x, *b = y;
    return (a->salience < b->salience) - (a->salience > b->salience);
}

#define EV_BLOCK_PLACES 2

/* Each doc joins the blocks of its most salient places and of the places enclosing them. */
static struct block_entry *make_blocks(struct ev_doc *docs, size_t n, size_t *n_out)
{
    size_t cap = n * 4 + 16, m = 0;
    struct block_entry *e = malloc(cap * sizeof *e);
    if (!e)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        struct ev_doc *d = &docs[i];
        ev_sort_n(d->places, d->n_places, sizeof *d->places, cmp_salience_desc);
        long day = doc_day(d);
        size_t top = d->n_places < EV_BLOCK_PLACES ? d->n_places : EV_BLOCK_PLACES;
        size_t need = m + 1 + top * 4;
        for (size_t k = 0; k < top; k++)
            need += d->places[k].n_ancestors;
        if (need > cap) {
            cap = need * 2;
            struct block_entry *p = realloc(e, cap * sizeof *p);
            if (!p) {
                free(e);
                return NULL;
            }
            e = p;
        }
        if (top == 0)
            e[m++] = (struct block_entry){0, day, (uint32_t)i};
        for (size_t k = 0; k < top; k++) {
            e[m++] = (struct block_entry){d->places[k].id, day, (uint32_t)i};
            for (size_t a = 0; a < d->places[k].n_ancestors; a++)
                e[m++] = (struct block_entry){d->places[k].ancestors[a], day, (uint32_t)i};
        }
    }
    ev_sort_n(e, m, sizeof *e, cmp_block);
    *n_out = m;
    return e;
}

struct link {
    uint32_t a, b;
    float score;
};

static size_t uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

static int push_link(struct link **links, size_t *n, size_t *cap, struct link l)
{
    if (*n == *cap) {
        size_t nc = *cap ? *cap * 2 : 1024;
        struct link *p = realloc(*links, nc * sizeof *p);
        if (!p)
            return -1;
        *links = p;
        *cap = nc;
    }
    (*links)[(*n)++] = l;
    return 0;
}

struct entry_pos {
    uint32_t doc;
    uint32_t pos; /* index into the sorted block entries */
};

static int cmp_entry_doc(const void *x, const void *y)
{
    const struct entry_pos *a = x, *b = y;
    return (a->doc > b->doc) - (a->doc < b->doc);
}

/* Scores each doc against the `window` docs either side of it in each block it is in.
 * Pairs are taken from the lower-numbered doc, once each: a stamp per doc marks the docs
 * already scored against the current one, so no set of pairs is kept. */
static int find_links(struct ev_doc *docs, size_t n, const struct block_entry *e, size_t m,
                      const struct ev_options *o, struct link **links, size_t *n_links,
                      size_t *pairs)
{
    struct entry_pos *by_doc = malloc((m + 1) * sizeof *by_doc);
    uint32_t *stamp = malloc((n + 1) * sizeof *stamp);
    if (!by_doc || !stamp) {
        free(by_doc);
        free(stamp);
        return -1;
    }
    for (size_t i = 0; i < m; i++)
        by_doc[i] = (struct entry_pos){e[i].doc, (uint32_t)i};
    ev_sort_n(by_doc, m, sizeof *by_doc, cmp_entry_doc);
    memset(stamp, 0xff, (n + 1) * sizeof *stamp);
    size_t cap = 0;
    int rc = 0;
    for (size_t k = 0; k < m && rc == 0; k++) {
        if ((k & 1023) == 0 && o->stop && atomic_load(o->stop))
            rc = -1;
        uint32_t a = by_doc[k].doc;
        size_t p = by_doc[k].pos;
        size_t lo = p > (size_t)o->window ? p - (size_t)o->window : 0;
        size_t hi = p + (size_t)o->window < m - 1 ? p + (size_t)o->window : m - 1;
        for (size_t j = lo; j <= hi && rc == 0; j++) {
            uint32_t b = e[j].doc;
            if (b <= a || e[j].key != e[p].key || stamp[b] == a)
                continue;
            stamp[b] = a;
            (*pairs)++;
            double s = ev_pair_score(&docs[a], &docs[b], o, NULL, 0);
            if (s >= o->threshold)
                rc = push_link(links, n_links, &cap, (struct link){a, b, (float)s});
        }
    }
    free(by_doc);
    free(stamp);
    return rc;
}

/* ---- groups ---- */

static void group_free(struct ev_group *g)
{
    for (size_t i = 0; i < g->n_members; i++)
        free(g->members[i].reasons);
    free(g->members);
    free(g->reasons);
    free(g->label);
    free(g->place);
    free(g->first_date);
    free(g->last_date);
    free(g->corrections);
}

void ev_set_free(struct ev_set *s)
{
    for (size_t i = 0; i < s->n_groups; i++)
        group_free(&s->groups[i]);
    free(s->groups);
    memset(s, 0, sizeof *s);
}

/* Label, place and dates from what the members add up to (event_sums.c). */
static void group_label_and_dates(struct ev_group *g, const struct ev_doc *docs)
{
    struct ev_sums sums;
    ev_sums_init(&sums);
    for (size_t i = 0; i < g->n_members; i++)
        ev_sums_add(&sums, &docs[g->members[i].doc]);
    ev_sums_describe(&sums, g);
    ev_sums_free(&sums);
}

/* A day number back to an ISO date (the inverse of timex_iso_days). */
static void days_to_iso(long z, char out[40])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153, d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    int year = (int)((y + (m <= 2)) % 10000);
    if (year < 0) { /* before year 0: snprintf's sign */
        snprintf(out, 40, "%04d-%02d-%02d", year, (int)m, (int)d);
        return;
    }
    /* the digits by hand: an import formats a date for every stored neighbour it decodes */
    const int parts[3] = {year, (int)m, (int)d}, widths[3] = {4, 2, 2};
    char *o = out;
    for (int k = 0; k < 3; k++) {
        if (k)
            *o++ = '-';
        for (int w = widths[k] - 1, v = parts[k]; w >= 0; w--, v /= 10)
            o[w] = (char)('0' + v % 10);
        o += widths[k];
    }
    *o = '\0';
}

/* Member scores and reasons come from each member's strongest link; links[0..n_links) are
 * this group's links only. member_of maps a doc to its slot in the group. Reasons are
 * written once per member, after its strongest link is known. */
static void group_finish(struct ev_group *g, const struct ev_doc *docs, const struct link *links,
                         size_t n_links, const size_t *member_of, const struct ev_options *o)
{
    double sum = 0;
    const struct link *best = NULL;
    char buf[512];
    const struct link **member_best = calloc(g->n_members, sizeof *member_best);
    for (size_t l = 0; l < n_links; l++) {
        sum += links[l].score;
        if (!best || links[l].score > best->score)
            best = &links[l];
        uint32_t ends[2] = {links[l].a, links[l].b};
        for (int k = 0; k < 2; k++) {
            size_t m = member_of[ends[k]];
            if (links[l].score > g->members[m].score) {
                g->members[m].score = links[l].score;
                if (member_best)
                    member_best[m] = &links[l];
            }
        }
    }
    for (size_t m = 0; member_best && m < g->n_members; m++)
        if (member_best[m]) {
            ev_pair_score(&docs[member_best[m]->a], &docs[member_best[m]->b], o, buf, sizeof buf);
            g->members[m].reasons = strdup(buf);
        }
    free(member_best);
    g->score = n_links ? sum / (double)n_links : 0;
    if (best) {
        ev_pair_score(&docs[best->a], &docs[best->b], o, buf, sizeof buf);
        g->reasons = strdup(buf);
    } else {
        g->members[0].score = 1;
        g->reasons = strdup("single report");
    }
    group_label_and_dates(g, docs);
}

void ev_day_iso(long day, char out[40])
{
    days_to_iso(day, out);
}

void ev_group_describe(struct ev_group *g, const struct ev_doc *docs)
{
    free(g->label);
    free(g->place);
    free(g->first_date);
    free(g->last_date);
    g->label = g->place = g->first_date = g->last_date = NULL;
    group_label_and_dates(g, docs);
}

static const size_t *sort_group_of; /* qsort has no context argument in C17 */

static int cmp_link_group(const void *x, const void *y)
{
    const struct link *a = x, *b = y;
    size_t ga = sort_group_of[a->a], gb = sort_group_of[b->a];
    return (ga > gb) - (ga < gb);
}

/* Fills out->groups from the union-find forest: groups in first-doc order. */
static int collect_members(size_t n, size_t *parent, size_t *doc_group, size_t *member_of,
                           struct ev_set *out)
{
    size_t *count = calloc(n + 1, sizeof *count), *root_group = malloc((n + 1) * sizeof(size_t));
    int rc = count && root_group ? 0 : -1;
    for (size_t i = 0; i < n && rc == 0; i++) {
        count[uf_find(parent, i)]++;
        root_group[i] = SIZE_MAX;
    }
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t r = uf_find(parent, i);
        if (root_group[r] == SIZE_MAX) {
            root_group[r] = out->n_groups++;
            out->groups[root_group[r]].members = calloc(count[r], sizeof *out->groups[0].members);
            if (!out->groups[root_group[r]].members)
                rc = -1;
        }
        struct ev_group *g = &out->groups[root_group[r]];
        doc_group[i] = root_group[r];
        if (g->members) {
            member_of[i] = g->n_members;
            g->members[g->n_members++].doc = i;
        }
    }
    free(count);
    free(root_group);
    return rc;
}

static int build_groups(struct ev_doc *docs, size_t n, size_t *parent, struct link *links,
                        size_t n_links, const struct ev_options *o, struct ev_set *out)
{
    size_t *doc_group = malloc((n + 1) * sizeof *doc_group);
    size_t *member_of = malloc((n + 1) * sizeof *member_of);
    out->groups = calloc(n + 1, sizeof *out->groups);
    int rc = doc_group && member_of && out->groups ? 0 : -1;
    if (rc == 0)
        rc = collect_members(n, parent, doc_group, member_of, out);
    if (rc == 0) {
        sort_group_of = doc_group;
        ev_sort_n(links, n_links, sizeof *links, cmp_link_group);
        size_t l = 0;
        for (size_t k = 0; k < out->n_groups; k++) {
            size_t start = l;
            while (l < n_links && doc_group[links[l].a] == k)
                l++;
            group_finish(&out->groups[k], docs, links + start, l - start, member_of, o);
        }
    }
    free(doc_group);
    free(member_of);
    return rc;
}

static int cmp_link_score_desc(const void *x, const void *y)
{
    const struct link *a = x, *b = y;
    if (a->score != b->score)
        return (a->score < b->score) - (a->score > b->score);
    if (a->a != b->a)
        return (a->a > b->a) - (a->a < b->a);
    return (a->b > b->b) - (a->b < b->b);
}

/* Union-find over the links, strongest first. A join that would stretch an event's dated
 * reports over more than twice the day gap is refused: daily strikes on one city, each
 * close to the next, must not chain into one event spanning months. Returns the links
 * kept (those inside a group), compacted at the front. */
static size_t join_links(const struct ev_doc *docs, size_t n, size_t *parent, struct link *links,
                         size_t n_links, const struct ev_options *o)
{
    long *lo = malloc((n + 1) * sizeof *lo), *hi = malloc((n + 1) * sizeof *hi);
    for (size_t i = 0; i < n; i++) {
        parent[i] = i;
        if (lo && hi) {
            long d = doc_day(&docs[i]);
            lo[i] = d == INT32_MAX ? INT32_MAX : d;
            hi[i] = d == INT32_MAX ? INT32_MIN : d;
        }
    }
    ev_sort_n(links, n_links, sizeof *links, cmp_link_score_desc);
    size_t kept = 0;
    long max_span = 2L * o->max_day_gap;
    for (size_t l = 0; l < n_links; l++) {
        size_t ra = uf_find(parent, links[l].a), rb = uf_find(parent, links[l].b);
        if (ra != rb && lo && hi) {
            long nlo = lo[ra] < lo[rb] ? lo[ra] : lo[rb], nhi = hi[ra] > hi[rb] ? hi[ra] : hi[rb];
            if (nlo != INT32_MAX && nhi - nlo > max_span)
                continue;
            size_t root = ra < rb ? ra : rb;
            parent[ra > rb ? ra : rb] = root;
            lo[root] = nlo;
            hi[root] = nhi;
        } else if (ra != rb) {
            parent[ra > rb ? ra : rb] = ra < rb ? ra : rb;
        }
        links[kept++] = links[l];
    }
    free(lo);
    free(hi);
    return kept;
}

/* Scoring reads what ev_prepare computed: a doc that has not been through it fails the
 * grouping rather than the process. */
static bool all_prepared(const struct ev_doc *docs, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!docs[i].prep)
            return false;
    return true;
}

int ev_group(struct ev_doc *docs, size_t n, const struct ev_options *o, struct ev_set *out)
{
    memset(out, 0, sizeof *out);
    if (!all_prepared(docs, n))
        return -1;
    size_t m = 0, n_links = 0;
    struct link *links = NULL;
    struct block_entry *e = make_blocks(docs, n, &m);
    size_t *parent = malloc((n + 1) * sizeof *parent);
    if (!e || !parent) {
        free(e);
        free(parent);
        return -1;
    }
    int rc = find_links(docs, n, e, m, o, &links, &n_links, &out->pairs_scored);
    free(e);
    if (rc == 0)
        n_links = join_links(docs, n, parent, links, n_links, o);
    if (rc == 0)
        rc = build_groups(docs, n, parent, links, n_links, o, out);
    free(parent);
    free(links);
    return rc;
}
