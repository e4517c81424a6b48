/* event_sums.c: what describing an event adds up over its members (event_int.h): its kinds
 * of event, each place's salience and the span of its days. Label, place and dates come
 * from the sums alone, so an event kept with its sums is described without reading its
 * members again; the sums of members added in member order are the ones a description
 * from all the members makes, addition for addition. */
#include "events/event_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/text.h"

void ev_sums_init(struct ev_sums *s)
{
    memset(s, 0, sizeof *s);
    s->lo = INT32_MAX;
    s->hi = INT32_MIN;
}

void ev_sums_free(struct ev_sums *s)
{
    for (size_t i = 0; i < s->n_places; i++)
        free(s->places[i].name);
    free(s->places);
    ev_sums_init(s);
}

/* The place's entry (sorted by id), made with this name when new; NULL out of memory. */
static struct ev_place_sum *place_entry(struct ev_sums *s, int64_t id, const char *name)
{
    size_t lo = 0, hi = s->n_places;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (s->places[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < s->n_places && s->places[lo].id == id)
        return &s->places[lo];
    if (s->n_places == s->cap_places) {
        size_t cap = s->cap_places ? s->cap_places * 2 : 8;
        struct ev_place_sum *grown = realloc(s->places, cap * sizeof *grown);
        if (!grown)
            return NULL;
        s->places = grown;
        s->cap_places = cap;
    }
    memmove(&s->places[lo + 1], &s->places[lo], (s->n_places - lo) * sizeof *s->places);
    s->n_places++;
    s->places[lo] = (struct ev_place_sum){id, 0, text_dup_or_null(name)};
    return &s->places[lo];
}

int ev_sums_add(struct ev_sums *s, const struct ev_doc *d)
{
    for (int k = 0; k < EVK_COUNT; k++)
        s->kinds[k] += d->prep->kinds[k];
    for (size_t i = 0; i < d->n_places; i++) {
        struct ev_place_sum *p = place_entry(s, d->places[i].id, d->places[i].name);
        if (!p)
            return -1;
        p->salience += d->places[i].salience;
    }
    for (size_t i = 0; i < d->prep->n_days; i++) {
        if (d->prep->days[i] < s->lo)
            s->lo = d->prep->days[i];
        if (d->prep->days[i] > s->hi)
            s->hi = d->prep->days[i];
    }
    if (d->id > s->last_member)
        s->last_member = d->id;
    return 0;
}

void ev_sums_describe(const struct ev_sums *s, struct ev_group *g)
{
    const char *best = NULL;
    double best_s = 0;
    for (size_t i = 0; i < s->n_places; i++)
        if (s->places[i].salience > best_s) {
            best_s = s->places[i].salience;
            best = s->places[i].name;
        }
    int kind = -1;
    for (int k = 0; k < EVK_COUNT; k++)
        if (s->kinds[k] > 0 && (kind < 0 || s->kinds[k] > s->kinds[kind]))
            kind = k;
    g->place = text_dup_or_null(best);
    char buf[256];
    snprintf(buf, sizeof buf, "%s%s%s", ev_kind_name((enum ev_kind)kind), best ? " at " : "",
             best ? best : "");
    g->label = strdup(buf);
    if (s->lo <= s->hi) {
        char iso[40];
        ev_day_iso(s->lo, iso);
        g->first_date = strdup(iso);
        ev_day_iso(s->hi, iso);
        g->last_date = strdup(iso);
    }
}

/* ---- stored form: a magic number, then the fields in order ---- */

enum { SUMS_MAGIC = 0x53554d31 /* "SUM1" */ };

struct sums_writer {
    unsigned char *buf;
    size_t len, cap;
    bool failed;
};

static void put(struct sums_writer *w, const void *p, size_t n)
{
    if (w->failed)
        return;
    if (w->len + n > w->cap) {
        size_t cap = (w->cap + n) * 2;
        unsigned char *grown = realloc(w->buf, cap);
        if (!grown) {
            w->failed = true;
            return;
        }
        w->buf = grown;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
}

void *ev_sums_encode(const struct ev_sums *s, size_t *len)
{
    struct sums_writer w = {0};
    uint32_t magic = SUMS_MAGIC, n = (uint32_t)s->n_places;
    put(&w, &magic, sizeof magic);
    put(&w, &s->last_member, sizeof s->last_member);
    put(&w, s->kinds, sizeof s->kinds);
    put(&w, &s->lo, sizeof s->lo);
    put(&w, &s->hi, sizeof s->hi);
    put(&w, &n, sizeof n);
    for (size_t i = 0; i < s->n_places; i++) {
        const struct ev_place_sum *p = &s->places[i];
        uint32_t name_len = p->name ? (uint32_t)strlen(p->name) + 1 : 0;
        put(&w, &p->id, sizeof p->id);
        put(&w, &p->salience, sizeof p->salience);
        put(&w, &name_len, sizeof name_len);
        put(&w, p->name ? p->name : "", name_len);
    }
    if (w.failed) {
        free(w.buf);
        return NULL;
    }
    *len = w.len;
    return w.buf;
}

struct sums_reader {
    const unsigned char *at, *end;
    bool failed;
};

static void get(struct sums_reader *r, void *p, size_t n)
{
    if (r->failed || (size_t)(r->end - r->at) < n) {
        r->failed = true;
        memset(p, 0, n);
        return;
    }
    memcpy(p, r->at, n);
    r->at += n;
}

/* A place's name (NUL included in the stored length), or NULL. */
static char *get_name(struct sums_reader *r)
{
    uint32_t n;
    get(r, &n, sizeof n);
    if (r->failed || n == 0 || (size_t)(r->end - r->at) < n || r->at[n - 1] != '\0') {
        r->failed = r->failed || n != 0;
        return NULL;
    }
    char *name = strdup((const char *)r->at);
    r->at += n;
    return name;
}

int ev_sums_decode(const void *data, size_t len, struct ev_sums *s)
{
    ev_sums_init(s);
    struct sums_reader r = {data, (const unsigned char *)data + len, false};
    uint32_t magic, n;
    get(&r, &magic, sizeof magic);
    get(&r, &s->last_member, sizeof s->last_member);
    get(&r, s->kinds, sizeof s->kinds);
    get(&r, &s->lo, sizeof s->lo);
    get(&r, &s->hi, sizeof s->hi);
    get(&r, &n, sizeof n);
    if (r.failed || magic != SUMS_MAGIC || n > len)
        return -1;
    s->places = calloc((size_t)n + 1, sizeof *s->places);
    s->cap_places = s->places ? (size_t)n + 1 : 0;
    for (uint32_t i = 0; s->places && !r.failed && i < n; i++, s->n_places++) {
        struct ev_place_sum *p = &s->places[i];
        get(&r, &p->id, sizeof p->id);
        get(&r, &p->salience, sizeof p->salience);
        p->name = get_name(&r);
    }
    if (r.failed || !s->places) {
        ev_sums_free(s);
        return -1;
    }
    return 0;
}
