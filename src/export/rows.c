/* rows.c: builds the export rows from the grouped events and the store. */
#include "export/rows.h"

#include <ctype.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/facts.h"
#include "events/event.h"
#include "export/jsonl.h"
#include "store/corrections.h"
#include "store/export_rows.h"
#include "store/store.h"

/* notes carry the figure sentences short: a spreadsheet cell, not the article */
#define NOTES_MAX 600

static const char *const event_columns[] = {
    "event_id_cnty",
    "event_id",
    "event_date",
    "event_date_last",
    "time_precision",
    "event_type",
    "actor1",
    "actors",
    "location",
    "admin1",
    "admin2",
    "country",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_min",
    "fatalities_max",
    "wounded_min",
    "wounded_max",
    "destroyed_min",
    "destroyed_max",
    "n_reports",
    "sources",
    "disagreement",
    "notes",
    "corrected",
};
enum { N_EVENT_COLUMNS = sizeof event_columns / sizeof *event_columns };

static const char *const report_columns[] = {
    "report_id",
    "event_id",
    "event_id_cnty",
    "date",
    "source",
    "title",
    "url",
    "origin",
    "location",
    "killed",
    "killed_min",
    "killed_max",
    "killed_qualifier",
    "wounded",
    "wounded_min",
    "wounded_max",
    "wounded_qualifier",
    "destroyed",
    "destroyed_min",
    "destroyed_max",
    "destroyed_qualifier",
    "read",
};
enum { N_REPORT_COLUMNS = sizeof report_columns / sizeof *report_columns };

static const char *const figure_columns[] = {
    "figure_id", "report_id", "event_id",  "event_id_cnty", "kind",  "n",
    "min",       "max",       "qualifier", "who",           "place", "date",
    "source",    "sentence",  "text",      "sentence_text",
};
enum { N_FIGURE_COLUMNS = sizeof figure_columns / sizeof *figure_columns };

static const char *const kind_names[] = {"events", "reports", "figures"};

int export_kind_from_name(const char *name)
{
    for (int k = 0; name && k < 3; k++)
        if (strcmp(name, kind_names[k]) == 0)
            return k;
    return -1;
}

const char *export_kind_name(enum export_kind k)
{
    return (unsigned)k < 3 ? kind_names[k] : "?";
}

const char *const *export_columns(enum export_kind k, size_t *n)
{
    switch (k) {
    case EXPORT_EVENTS:
        *n = N_EVENT_COLUMNS;
        return event_columns;
    case EXPORT_REPORTS:
        *n = N_REPORT_COLUMNS;
        return report_columns;
    default:
        *n = N_FIGURE_COLUMNS;
        return figure_columns;
    }
}

/* ---- a growing string for the joined cells ---- */

struct sbuf {
    char *s;
    size_t len, cap;
};

static void sbuf_add(struct sbuf *b, const char *sep, const char *text, size_t limit)
{
    if (!text || !*text)
        return;
    size_t need = b->len + strlen(sep) + strlen(text) + 1;
    if (limit && need > limit)
        return;
    if (need > b->cap) {
        size_t cap = need * 2;
        char *g = realloc(b->s, cap);
        if (!g)
            return;
        b->s = g;
        b->cap = cap;
    }
    b->len += (size_t)snprintf(b->s + b->len, b->cap - b->len, "%s%s", b->len ? sep : "", text);
}

/* True when a joined list already holds this exact item. */
static bool sbuf_has(const struct sbuf *b, const char *sep, const char *text)
{
    if (!b->s || !text)
        return false;
    size_t tl = strlen(text), sl = strlen(sep);
    for (const char *p = b->s; (p = strstr(p, text)) != NULL; p++) {
        bool starts = p == b->s || (p - b->s >= (long)sl && memcmp(p - sl, sep, sl) == 0);
        bool ends = p[tl] == 0 || strncmp(p + tl, sep, sl) == 0;
        if (starts && ends)
            return true;
    }
    return false;
}

/* ---- the collection, grouped ---- */

struct event_info {
    char id_cnty[48];
    bool selected;
    bool has_place;
    struct export_place place;
};

struct export_ctx {
    struct store *s;
    sqlite3 *db;
    const struct export_request *r;
    int64_t *ids; /* the articles the filter selects */
    size_t n_ids;
    struct ev_doc *docs;
    size_t n_docs;
    struct ev_set set;
    size_t *group_of_doc; /* group index + 1; 0 for none */
    struct event_info *events;
    struct correction *corrections; /* the active ones */
    size_t n_corrections;
    char (*hashes)[65]; /* JSON Lines: the hash of each doc carried, "" for the others */
};

static const struct ev_doc *find_doc(const struct export_ctx *c, int64_t id, size_t *index)
{
    size_t lo = 0, hi = c->n_docs;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->docs[mid].id == id) {
            if (index)
                *index = mid;
            return &c->docs[mid];
        }
        if (c->docs[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The store id of the event's place: the first report naming it. */
static int64_t event_place_id(const struct export_ctx *c, const struct ev_group *g)
{
    for (size_t m = 0; g->place && m < g->n_members; m++) {
        const struct ev_doc *d = &c->docs[g->members[m].doc];
        for (size_t p = 0; p < d->n_places; p++)
            if (d->places[p].name && strcmp(d->places[p].name, g->place) == 0)
                return d->places[p].id;
    }
    return -1;
}

static void fill_event_info(struct export_ctx *c, size_t gi)
{
    const struct ev_group *g = &c->set.groups[gi];
    struct event_info *e = &c->events[gi];
    for (size_t m = 0; m < g->n_members && !e->selected; m++)
        e->selected = export_ids_contain(c->ids, c->n_ids, c->docs[g->members[m].doc].id);
    int64_t place = event_place_id(c, g);
    e->has_place = place >= 0 && export_place_info(c->db, place, &e->place) == 0;
    /* ACLED's event_id_cnty: the country code and a number unique in the export */
    char iso[8] = "XX";
    if (e->has_place && e->place.iso && strlen(e->place.iso) < sizeof iso)
        for (size_t i = 0; i <= strlen(e->place.iso); i++)
            iso[i] = (char)toupper((unsigned char)e->place.iso[i]);
    snprintf(e->id_cnty, sizeof e->id_cnty, "%s%zu", iso, gi + 1);
}

/* The active corrections, for the JSON Lines records (grouping loads its own copy). */
static int load_corrections(struct export_ctx *c, char *err, size_t errlen)
{
    long n = corrections_load(c->s, 0, &c->corrections);
    if (n < 0) {
        snprintf(err, errlen, "cannot read the corrections");
        return -1;
    }
    c->n_corrections = (size_t)n;
    return 0;
}

static int load(struct export_ctx *c, char *err, size_t errlen)
{
    c->db = store_db(c->s);
    struct query everything;
    query_init(&everything);
    long got =
        query_article_ids(c->db, c->r->filter ? c->r->filter : &everything, &c->ids, err, errlen);
    query_free(&everything);
    if (got < 0)
        return -1;
    c->n_ids = (size_t)got;
    /* grouped as `sitrep events` groups, the analyst's corrections replayed over it */
    struct ev_options o;
    ev_options_default(&o);
    if (ev_options_load_corrections(&o, c->s) < 0) {
        snprintf(err, errlen, "cannot read the corrections");
        return -1;
    }
    int grouped = ev_compute_db(c->db, &o, EV_LOAD_FIGURES, &c->docs, &c->n_docs, &c->set);
    ev_options_release(&o);
    if (grouped < 0) {
        snprintf(err, errlen, "cannot group the collection into events");
        return -1;
    }
    c->group_of_doc = calloc(c->n_docs ? c->n_docs : 1, sizeof *c->group_of_doc);
    c->events = calloc(c->set.n_groups ? c->set.n_groups : 1, sizeof *c->events);
    if (!c->group_of_doc || !c->events) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t g = 0; g < c->set.n_groups; g++) {
        for (size_t m = 0; m < c->set.groups[g].n_members; m++)
            c->group_of_doc[c->set.groups[g].members[m].doc] = g + 1;
        fill_event_info(c, g);
    }
    return load_corrections(c, err, errlen);
}

static void unload(struct export_ctx *c)
{
    for (size_t g = 0; c->events && g < c->set.n_groups; g++)
        export_place_free(&c->events[g].place);
    free(c->events);
    free(c->group_of_doc);
    corrections_free(c->corrections, c->n_corrections);
    free(c->hashes);
    ev_set_free(&c->set);
    ev_docs_free(c->docs, c->n_docs);
    free(c->ids);
}

/* ---- events ---- */

/* Days since 1970-01-01 of an ISO date (Howard Hinnant's civil-day count), or -1. */
static long day_number(const char *iso)
{
    int y, m, d;
    if (sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 || d > 31)
        return -1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* ACLED's time precision: 1 a day, 2 within a week, 3 a month or vaguer. */
static struct cell time_precision(const struct ev_group *g)
{
    if (!g->first_date)
        return cell_null();
    const char *last = g->last_date ? g->last_date : g->first_date;
    if (strlen(g->first_date) != 10 || strlen(last) != 10)
        return cell_int(3);
    if (strcmp(g->first_date, last) == 0)
        return cell_int(1);
    long a = day_number(g->first_date), b = day_number(last);
    if (a >= 0 && b >= a && b - a <= 6)
        return cell_int(2);
    return cell_int(3);
}

static const char *geo_precision(const struct event_info *e)
{
    if (!e->has_place || !e->place.kind)
        return NULL;
    const char *k = e->place.kind;
    if (strcmp(k, "country") == 0)
        return "country";
    if (strcmp(k, "admin1") == 0 || strcmp(k, "admin2") == 0 || strcmp(k, "region") == 0 ||
        strcmp(k, "water") == 0)
        return "region";
    return "city";
}

/* The kind grouping found is the first word of the label ("airstrike at Fallujah"); an
 * event of no known kind is labelled "event at ...". */
static const char *event_type(const struct ev_group *g)
{
    for (int k = 0; g->label && k < EVK_COUNT; k++) {
        const char *name = ev_kind_name((enum ev_kind)k);
        size_t n = strlen(name);
        if (strncmp(g->label, name, n) == 0 && (g->label[n] == ' ' || g->label[n] == 0))
            return name;
    }
    return NULL;
}

/* The actor most reports name (first named on a tie), and all of them. */
static const char *actors_of(const struct export_ctx *c, const struct ev_group *g, struct sbuf *all)
{
    const char *top = NULL;
    size_t top_count = 0;
    for (size_t m = 0; m < g->n_members; m++) {
        const struct ev_doc *d = &c->docs[g->members[m].doc];
        for (size_t a = 0; a < d->n_actors; a++) {
            if (sbuf_has(all, "; ", d->actors[a]))
                continue;
            sbuf_add(all, "; ", d->actors[a], 0);
            size_t count = 0;
            for (size_t m2 = 0; m2 < g->n_members; m2++) {
                const struct ev_doc *d2 = &c->docs[g->members[m2].doc];
                for (size_t a2 = 0; a2 < d2->n_actors; a2++)
                    count += strcmp(d2->actors[a2], d->actors[a]) == 0;
            }
            if (count > top_count) {
                top = d->actors[a];
                top_count = count;
            }
        }
    }
    return top;
}

static void sources_and_notes(const struct export_ctx *c, const struct ev_group *g,
                              struct sbuf *sources, struct sbuf *notes)
{
    for (size_t m = 0; m < g->n_members; m++) {
        const struct ev_doc *d = &c->docs[g->members[m].doc];
        if (d->source && !sbuf_has(sources, "; ", d->source))
            sbuf_add(sources, "; ", d->source, 0);
        for (int k = 0; k < FIG_KIND_COUNT; k++) {
            const struct ev_figure *f = ev_doc_best_figure(d, (enum figure_kind)k, g->place);
            if (!f || !f->text)
                continue;
            char note[320];
            snprintf(note, sizeof note, "#%lld: %.280s", (long long)d->id, f->text);
            sbuf_add(notes, "; ", note, NOTES_MAX);
        }
    }
}

static void summary_cells(const struct ev_kind_summary *k, struct cell *low, struct cell *high)
{
    *low = k->n_reports ? cell_int_or_null(k->low) : cell_null();
    *high = k->n_reports ? cell_int_or_null(k->high) : cell_null();
}

static void event_row(struct export_ctx *c, struct table *t, size_t gi)
{
    const struct ev_group *g = &c->set.groups[gi];
    const struct event_info *e = &c->events[gi];
    const struct ev_doc **members = calloc(g->n_members, sizeof *members);
    if (!members)
        return;
    for (size_t m = 0; m < g->n_members; m++)
        members[m] = &c->docs[g->members[m].doc];
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    ev_summarise(members, g->n_members, g->place, sum);
    struct sbuf actors = {0}, sources = {0}, notes = {0};
    const char *actor1 = actors_of(c, g, &actors);
    sources_and_notes(c, g, &sources, &notes);
    bool disagree = false;
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        disagree |= sum[k].n_reports && sum[k].disagree;
    const struct export_place *p = e->has_place ? &e->place : NULL;
    const struct ev_kind_summary *killed = &sum[FIG_KILLED];
    struct cell cells[N_EVENT_COLUMNS] = {
        cell_text(e->id_cnty),
        cell_int((long long)gi + 1),
        cell_text(g->first_date),
        cell_text(g->last_date),
        time_precision(g),
        cell_text(event_type(g)),
        cell_text(actor1),
        cell_text(actors.s),
        cell_text(p ? p->name : g->place),
        cell_text(p && p->kind && strcmp(p->kind, "admin1") == 0 ? p->name
                  : p                                            ? p->admin1
                                                                 : NULL),
        cell_text(p ? p->admin2 : NULL),
        cell_text(p ? p->country : NULL),
        cell_text(p ? p->iso : NULL),
        p && p->has_coords ? cell_real(p->lat, 4) : cell_null(),
        p && p->has_coords ? cell_real(p->lon, 4) : cell_null(),
        cell_text(geo_precision(e)),
        /* ACLED records the least the reports commit to; no stated toll is 0 there */
        cell_int(killed->n_reports && killed->conservative != FACT_NONE ? killed->conservative : 0),
    };
    summary_cells(killed, &cells[17], &cells[18]);
    summary_cells(&sum[FIG_WOUNDED], &cells[19], &cells[20]);
    summary_cells(&sum[FIG_DESTROYED], &cells[21], &cells[22]);
    cells[23] = cell_int((long long)g->n_members);
    cells[24] = cell_text(sources.s);
    cells[25] = cell_bool(disagree);
    cells[26] = cell_text(notes.s);
    cells[27] = cell_bool(g->corrections != NULL);
    table_row(t, cells);
    free(actors.s);
    free(sources.s);
    free(notes.s);
    free(members);
}

/* ---- reports ---- */

static void figure_cells(const struct ev_doc *d, enum figure_kind k, struct cell *out)
{
    const struct ev_figure *f = d ? ev_doc_best_figure(d, k, NULL) : NULL;
    out[0] = f ? cell_int_or_null(f->n) : cell_null();
    out[1] = f ? cell_int_or_null(f->min) : cell_null();
    out[2] = f ? cell_int_or_null(f->max) : cell_null();
    out[3] = cell_text(f ? qualifier_name(f->qualifier) : NULL);
}

static void report_row(struct export_ctx *c, struct table *t, int64_t id)
{
    size_t di = 0;
    const struct ev_doc *d = find_doc(c, id, &di);
    size_t group = d ? c->group_of_doc[di] : 0;
    struct export_report_info info;
    if (export_report_info(c->db, id, &info) < 0)
        return;
    struct cell cells[N_REPORT_COLUMNS] = {
        cell_int(id),
        group ? cell_int((long long)group) : cell_null(),
        cell_text(group ? c->events[group - 1].id_cnty : NULL),
        cell_text(d ? d->date : NULL),
        cell_text(d ? d->source : NULL),
        cell_text(d ? d->title : NULL),
        cell_text(info.url),
        cell_text(info.origin),
        cell_text(info.places),
    };
    figure_cells(d, FIG_KILLED, &cells[9]);
    figure_cells(d, FIG_WOUNDED, &cells[13]);
    figure_cells(d, FIG_DESTROYED, &cells[17]);
    cells[21] = cell_bool(info.read);
    table_row(t, cells);
    export_report_info_free(&info);
}

/* ---- figures ---- */

struct figure_pass {
    struct export_ctx *c;
    struct table *t;
};

static int figure_row(const struct export_figure *f, void *ctx)
{
    struct figure_pass *fp = ctx;
    struct export_ctx *c = fp->c;
    if (!export_ids_contain(c->ids, c->n_ids, f->article_id))
        return 0;
    size_t di = 0;
    size_t group = find_doc(c, f->article_id, &di) ? c->group_of_doc[di] : 0;
    struct cell cells[N_FIGURE_COLUMNS] = {
        cell_int(f->id),
        cell_int(f->article_id),
        group ? cell_int((long long)group) : cell_null(),
        cell_text(group ? c->events[group - 1].id_cnty : NULL),
        cell_text(f->kind),
        cell_int_or_null(f->n),
        cell_int_or_null(f->min),
        cell_int_or_null(f->max),
        cell_text(f->qualifier),
        cell_text(f->who),
        cell_text(f->place),
        cell_text(f->date),
        cell_text(f->source),
        f->sentence >= 0 ? cell_int(f->sentence) : cell_null(),
        cell_text(f->text),
        cell_text(f->sentence_text),
    };
    table_row(fp->t, cells);
    return 0;
}

/* ---- the articles a JSON Lines export carries ---- */

/* Events carry every report of the events exported (a reader rebuilding the collection
 * gets whole events); reports and figures carry the articles selected. */
static bool article_carried(const struct export_ctx *c, size_t doc)
{
    if (c->r->kind != EXPORT_EVENTS)
        return export_ids_contain(c->ids, c->n_ids, c->docs[doc].id);
    size_t g = c->group_of_doc[doc];
    return g && c->events[g - 1].selected;
}

static size_t write_articles(struct export_ctx *c, FILE *out)
{
    size_t written = 0;
    c->hashes = calloc(c->n_docs ? c->n_docs : 1, sizeof *c->hashes);
    if (!c->hashes)
        return 0;
    for (size_t i = 0; i < c->n_docs; i++) {
        if (!article_carried(c, i))
            continue;
        struct article *a = calloc(1, sizeof *a);
        struct export_report_info info;
        if (a && store_get_article(c->s, c->docs[i].id, a) == 0 &&
            export_report_info(c->db, c->docs[i].id, &info) == 0) {
            jsonl_write_article(out, a, info.format, info.read);
            memcpy(c->hashes[i], a->hash, sizeof c->hashes[i]);
            export_report_info_free(&info);
            written++;
        }
        article_free(a);
    }
    return written;
}

/* The hash of a carried article, or NULL. */
static const char *carried_hash(const struct export_ctx *c, int64_t id)
{
    size_t di;
    if (id <= 0 || !find_doc(c, id, &di) || !c->hashes[di][0])
        return NULL;
    return c->hashes[di];
}

/* The corrections whose articles all travel with the file, by hash (ids differ between
 * collections). */
static void write_corrections(const struct export_ctx *c, FILE *out)
{
    for (size_t i = 0; c->hashes && i < c->n_corrections; i++) {
        const struct correction *k = &c->corrections[i];
        const char *article = carried_hash(c, k->article), *other = carried_hash(c, k->other);
        if (!article || (k->other > 0 && !other))
            continue;
        bool drop = k->op == CORR_DROP_FIGURE;
        jsonl_write_correction(out, correction_op_name(k->op), article, other,
                               drop ? figure_kind_name(k->kind) : NULL, drop ? k->n : FACT_NONE,
                               k->value, k->made_at);
    }
}

static void write_rows(struct export_ctx *c, struct table *t)
{
    if (c->r->kind == EXPORT_EVENTS) {
        for (size_t g = 0; g < c->set.n_groups; g++)
            if (c->events[g].selected)
                event_row(c, t, g);
    } else if (c->r->kind == EXPORT_REPORTS) {
        for (size_t i = 0; i < c->n_ids; i++)
            report_row(c, t, c->ids[i]);
    } else {
        struct figure_pass fp = {c, t};
        export_each_figure(c->db, figure_row, &fp);
    }
}

/* ---- events as points ---- */

static long conservative_killed(const struct export_ctx *c, const struct ev_group *g)
{
    const struct ev_doc **members = calloc(g->n_members, sizeof *members);
    if (!members)
        return 0;
    for (size_t m = 0; m < g->n_members; m++)
        members[m] = &c->docs[g->members[m].doc];
    struct ev_kind_summary sum[FIG_KIND_COUNT];
    ev_summarise(members, g->n_members, g->place, sum);
    free(members);
    const struct ev_kind_summary *k = &sum[FIG_KILLED];
    return k->n_reports && k->conservative != FACT_NONE ? k->conservative : 0;
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static void add_point(struct export_ctx *c, size_t gi, struct event_point *p)
{
    const struct ev_group *g = &c->set.groups[gi];
    const struct event_info *e = &c->events[gi];
    p->event_id = gi + 1;
    p->place_id = event_place_id(c, g);
    p->lon = e->place.lon;
    p->lat = e->place.lat;
    p->killed = conservative_killed(c, g);
    p->label = dup_or_null(g->label);
    p->place = dup_or_null(e->place.name ? e->place.name : g->place);
    p->country = dup_or_null(e->place.country);
    p->first_date = dup_or_null(g->first_date);
}

int export_event_points(struct store *s, const struct query *filter, struct event_points *out,
                        char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    struct export_request r = {.kind = EXPORT_EVENTS, .filter = filter};
    struct export_ctx c = {.s = s, .r = &r};
    int rc = load(&c, err, errlen);
    if (rc == 0 && c.set.n_groups && !(out->items = calloc(c.set.n_groups, sizeof *out->items))) {
        snprintf(err, errlen, "out of memory");
        rc = -1;
    }
    for (size_t g = 0; rc == 0 && g < c.set.n_groups; g++) {
        if (!c.events[g].selected)
            continue;
        if (c.events[g].has_place && c.events[g].place.has_coords)
            add_point(&c, g, &out->items[out->n++]);
        else
            out->without_coords++;
    }
    unload(&c);
    return rc;
}

void export_event_points_free(struct event_points *p)
{
    for (size_t i = 0; i < p->n; i++) {
        free(p->items[i].label);
        free(p->items[i].place);
        free(p->items[i].country);
        free(p->items[i].first_date);
    }
    free(p->items);
    memset(p, 0, sizeof *p);
}

int export_run(struct store *s, const struct export_request *r, FILE *out,
               struct export_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    struct export_ctx c = {.s = s, .r = r};
    int rc = load(&c, err, errlen);
    if (rc == 0) {
        if (r->format == TABLE_JSONL) {
            jsonl_write_header(out, r->generator, export_kind_name(r->kind), r->filter_text);
            res->articles = write_articles(&c, out);
            write_corrections(&c, out);
        }
        size_t n;
        const char *const *columns = export_columns(r->kind, &n);
        struct table t;
        table_begin(&t, r->format, out, export_kind_name(r->kind), columns, n);
        /* the record type is singular: one "event" per line */
        t.record_type = r->kind == EXPORT_EVENTS    ? "event"
                        : r->kind == EXPORT_REPORTS ? "report"
                                                    : "figure";
        write_rows(&c, &t);
        rc = table_end(&t);
        if (rc < 0)
            snprintf(err, errlen, "cannot write the export (disk full?)");
        res->rows = t.rows;
        res->skipped = t.skipped;
    }
    unload(&c);
    return rc;
}

int export_to_path(struct store *s, const struct export_request *r, const char *path,
                   struct export_result *res, char *err, size_t errlen)
{
    memset(res, 0, sizeof *res);
    size_t len = strlen(path) + 32;
    char *tmp = malloc(len);
    if (!tmp) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    snprintf(tmp, len, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    int rc = -1;
    if (!f)
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
    else {
        rc = export_run(s, r, f, res, err, errlen);
        if (fclose(f) != 0 && rc == 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            rc = -1;
        }
        if (rc == 0 && rename(tmp, path) != 0) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            rc = -1;
        }
        if (rc != 0)
            unlink(tmp);
    }
    free(tmp);
    return rc;
}
