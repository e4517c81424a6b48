/* event_load.c: docs from the stored rows, and groups saved back (the SQL is in
 * store/event_rows.c). */
#include "events/event_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/salience.h"
#include "store/corrections.h"
#include "store/event_rows.h"
#include "store/store.h"
#include "base/text.h"

/* The docs being loaded, sorted by article id, and what loading places needs besides. */
struct loading {
    struct ev_doc *docs;
    size_t n;
    bool keep_figures;
    const struct event_ancestor_row *anc; /* sorted by place */
    size_t n_anc;
    /* rows come grouped by article: each title and dateline is folded once */
    const struct ev_doc *padded_for;
    char *title_padded, *dateline_padded;
};

/* The doc with this article id (docs are sorted by id), or NULL. */
static struct ev_doc *doc_by_id(const struct loading *l, int64_t id)
{
    size_t lo = 0, hi = l->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->docs[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < l->n && l->docs[lo].id == id ? &l->docs[lo] : NULL;
}

static void *grow(void *p, size_t n, size_t size)
{
    /* grow at powers of two so appending one at a time stays linear */
    if (n & (n - 1))
        return p;
    return realloc(p, (n ? n * 2 : 1) * size);
}

/* ---- articles ---- */

static int add_doc(void *ctx, const struct event_article_row *r)
{
    struct loading *l = ctx;
    struct ev_doc *p = grow(l->docs, l->n, sizeof *l->docs);
    if (!p)
        return -1;
    l->docs = p;
    struct ev_doc *d = &l->docs[l->n++];
    memset(d, 0, sizeof *d);
    d->id = r->id;
    d->title = text_dup_or_null(r->title);
    d->date = text_dup_or_null(r->date);
    d->source = text_dup_or_null(r->source);
    d->text = text_dup_or_null(r->text);
    d->dateline = text_dup_or_null(r->dateline);
    d->listed_place = r->place ? text_dup_span(r->place, strcspn(r->place, ",")) : NULL;
    d->own_killed = r->killed < 0 ? FACT_NONE : r->killed;
    d->own_killed_open = r->killed_open;
    return 0;
}

/* ---- places ---- */

static void attach_ancestors(struct ev_place *p, const struct loading *l)
{
    size_t lo = 0, hi = l->n_anc;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->anc[mid].place < p->id)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < l->n_anc && l->anc[end].place == p->id)
        end++;
    p->ancestors = calloc(end - lo + 1, sizeof *p->ancestors);
    for (size_t i = lo; p->ancestors && i < end; i++)
        p->ancestors[p->n_ancestors++] = l->anc[i].ancestor;
}

static void pad_titles(struct loading *l, const struct ev_doc *d)
{
    if (d == l->padded_for)
        return;
    free(l->title_padded);
    free(l->dateline_padded);
    l->title_padded = salience_padded(d->title);
    l->dateline_padded = d->dateline ? salience_padded(d->dateline) : NULL;
    l->padded_for = d;
}

static int add_place(void *ctx, const struct event_place_row *r)
{
    struct loading *l = ctx;
    struct ev_doc *d = doc_by_id(l, r->article_id);
    if (!d)
        return 0;
    struct ev_place *p = grow(d->places, d->n_places, sizeof *p);
    if (!p)
        return -1;
    d->places = p;
    p = &d->places[d->n_places++];
    memset(p, 0, sizeof *p);
    p->id = r->place_id;
    p->name = text_dup_or_null(r->name);
    p->kind = place_kind_from_name(r->kind ? r->kind : "");
    pad_titles(l, d);
    bool in_title = ev_title_names_json(l->title_padded, p->name, r->surface);
    bool in_dateline = ev_title_names_json(l->dateline_padded, p->name, r->surface);
    p->salience = salience_of_place(r->count, r->first_sentence, p->kind, in_title, in_dateline);
    attach_ancestors(p, l);
    return 0;
}

/* The place the list shows for a report is its main place for grouping too: the store
 * chose it from the facts (extract/salience.h), where the own toll's place weighs in, which
 * the stored counts alone cannot tell. */
static void prefer_listed_places(struct loading *l)
{
    for (size_t i = 0; i < l->n; i++) {
        struct ev_doc *d = &l->docs[i];
        struct ev_place *listed = NULL;
        double top = 0;
        for (size_t j = 0; j < d->n_places; j++) {
            struct ev_place *p = &d->places[j];
            if (p->kind == PLACE_COUNTRY)
                continue;
            if (p->salience > top)
                top = p->salience;
            if (d->listed_place && p->name && strcmp(p->name, d->listed_place) == 0)
                listed = p;
        }
        if (listed && listed->salience < top)
            listed->salience = top + 0.5;
    }
}

static int load_places(sqlite3 *db, struct loading *l)
{
    struct event_ancestor_row *anc;
    if (event_rows_ancestors(db, &anc, &l->n_anc) < 0) {
        free(anc);
        return -1;
    }
    l->anc = anc;
    int rc = event_rows_places(db, add_place, l);
    free(l->title_padded);
    free(l->dateline_padded);
    free(anc);
    l->anc = NULL;
    l->title_padded = l->dateline_padded = NULL;
    l->padded_for = NULL;
    return rc;
}

/* ---- actors and figures ---- */

static int add_actor(void *ctx, int64_t article_id, const char *name)
{
    struct loading *l = ctx;
    struct ev_doc *d = doc_by_id(l, article_id);
    if (!d)
        return 0;
    char **p = grow(d->actors, d->n_actors, sizeof *p);
    if (!p)
        return -1;
    d->actors = p;
    d->actors[d->n_actors++] = text_dup_or_null(name);
    return 0;
}

/* Adds a figure row's date to the doc's event dates when it is a full date. */
static int add_event_date(struct ev_doc *d, const char *date)
{
    long day = date ? timex_iso_days(date) : INT32_MIN;
    if (day == INT32_MIN)
        return 0;
    int32_t *p = grow(d->event_days, d->n_event_days, sizeof *p);
    if (!p)
        return -1;
    d->event_days = p;
    d->event_days[d->n_event_days++] = (int32_t)day;
    return 0;
}

/* A figure row counts towards its doc's kinds and dates always, and is kept itself when
 * the loading keeps figures. */
static int add_figure(void *ctx, const struct event_figure_row *r)
{
    struct loading *l = ctx;
    struct ev_doc *d = doc_by_id(l, r->article_id);
    int k = figure_kind_from_name(r->kind ? r->kind : "");
    if (!d || k < 0)
        return 0;
    d->figure_kinds[k]++;
    if (add_event_date(d, r->date) < 0)
        return -1;
    if (!l->keep_figures)
        return 0;
    struct ev_figure *f = grow(d->figures, d->n_figures, sizeof *f);
    if (!f)
        return -1;
    d->figures = f;
    f = &d->figures[d->n_figures++];
    f->kind = (enum figure_kind)k;
    f->n = r->n;
    f->min = r->min;
    f->max = r->max;
    int qi = qualifier_from_name(r->qualifier ? r->qualifier : "");
    f->qualifier = qi < 0 ? Q_EXACT : (enum qualifier)qi;
    f->source = text_dup_or_null(r->source);
    f->place = text_dup_or_null(r->place);
    f->text = text_dup_or_null(r->text);
    f->sentence = r->sentence;
    int role = figure_role_from_name(r->role);
    f->role = role < 0 ? ROLE_EVENT : (enum figure_role)role;
    f->incident = r->incident;
    return 0;
}

/* ---- loading ---- */

int ev_load_store(struct store *s, struct ev_doc **docs_out, size_t *n_out, unsigned extra)
{
    return ev_load_db(store_db(s), docs_out, n_out, extra);
}

int ev_load_db(sqlite3 *db, struct ev_doc **docs_out, size_t *n_out, unsigned extra)
{
    struct loading l = {.keep_figures = extra & EV_LOAD_FIGURES};
    int rc = event_rows_articles(db, extra & EV_LOAD_TEXT, add_doc, &l);
    if (rc == 0)
        rc = load_places(db, &l);
    if (rc == 0)
        prefer_listed_places(&l);
    if (rc == 0)
        rc = event_rows_actors(db, add_actor, &l);
    if (rc == 0)
        rc = event_rows_figures(db, l.keep_figures, add_figure, &l);
    *docs_out = l.docs;
    *n_out = l.n;
    return rc;
}

int ev_load_event_reports(struct store *s, int64_t event_id, struct ev_doc **docs_out,
                          size_t *n_out)
{
    sqlite3 *db = store_db(s);
    struct loading l = {.keep_figures = true};
    int rc = event_rows_event_articles(db, event_id, add_doc, &l);
    if (rc == 0 && l.n)
        rc = event_rows_event_figures(db, event_id, add_figure, &l);
    *docs_out = l.docs;
    *n_out = l.n;
    return rc;
}

/* A figure row of one kind: a doc is started for each new article (rows come by article). */
static int add_kind_figure(void *ctx, const struct event_figure_row *r)
{
    struct loading *l = ctx;
    if (!l->n || l->docs[l->n - 1].id != r->article_id) {
        struct ev_doc *p = grow(l->docs, l->n, sizeof *l->docs);
        if (!p)
            return -1;
        l->docs = p;
        memset(&l->docs[l->n], 0, sizeof *l->docs);
        l->docs[l->n].id = r->article_id;
        l->docs[l->n++].own_killed = FACT_NONE;
    }
    return add_figure(ctx, r);
}

int ev_load_event_kind(struct store *s, int64_t event_id, enum figure_kind kind,
                       struct ev_doc **docs_out, size_t *n_out)
{
    struct loading l = {.keep_figures = true};
    int rc = event_rows_event_figures_of_kind(store_db(s), event_id, figure_kind_name(kind),
                                              add_kind_figure, &l);
    *docs_out = l.docs;
    *n_out = l.n;
    return rc;
}

int ev_load_range(sqlite3 *db, int64_t lo, int64_t hi, struct ev_doc **docs_out, size_t *n_out)
{
    struct loading l = {0};
    int rc = event_rows_articles_range(db, lo, hi, add_doc, &l);
    struct event_ancestor_row *anc = NULL;
    if (rc == 0 && l.n)
        rc = event_rows_ancestors(db, &anc, &l.n_anc);
    l.anc = anc;
    if (rc == 0 && l.n)
        rc = event_rows_places_range(db, lo, hi, add_place, &l);
    if (rc == 0 && l.n)
        prefer_listed_places(&l);
    if (rc == 0 && l.n)
        rc = event_rows_actors_range(db, lo, hi, add_actor, &l);
    if (rc == 0 && l.n)
        rc = event_rows_figures_range(db, lo, hi, add_figure, &l);
    free(l.title_padded);
    free(l.dateline_padded);
    free(anc);
    *docs_out = l.docs;
    *n_out = l.n;
    return rc;
}

/* ---- stored events, one at a time ---- */

/* The event being read: its reports as docs and its group over them. */
struct stored_event {
    struct loading l;
    struct ev_group g;
};

static int add_report(void *ctx, const struct event_report_row *r)
{
    struct stored_event *se = ctx;
    struct ev_member *m = grow(se->g.members, se->g.n_members, sizeof *m);
    if (!m)
        return -1;
    se->g.members = m;
    if (add_doc(&se->l, &r->article) < 0)
        return -1;
    se->g.members[se->g.n_members++] =
        (struct ev_member){se->l.n - 1, r->score, text_dup_or_null(r->reasons)};
    return 0;
}

/* What KILLED_OPEN (store/event_rows.c) says, from the doc's figures: its own killed
 * figure is a vague word ("scores"). */
static void set_killed_open(struct ev_doc *d)
{
    for (size_t i = 0; d->own_killed != FACT_NONE && i < d->n_figures; i++) {
        const struct ev_figure *f = &d->figures[i];
        if (f->kind == FIG_KILLED && f->n == d->own_killed && f->qualifier == Q_VAGUE)
            d->own_killed_open = true;
    }
}

static int read_stored_event(struct event_stream *es, const struct event_stored_row *row,
                             struct stored_event *se)
{
    se->l.keep_figures = true;
    se->g = (struct ev_group){.score = row->score,
                              .reasons = (char *)row->reasons,
                              .label = (char *)row->label,
                              .place = (char *)row->place,
                              .first_date = (char *)row->first_date,
                              .last_date = (char *)row->last_date};
    int rc = event_stream_reports(es, row->id, add_report, se);
    for (size_t i = 0; rc == 0 && i < se->l.n; i++) {
        rc = event_stream_figures(es, se->l.docs[i].id, add_figure, &se->l);
        set_killed_open(&se->l.docs[i]);
    }
    return rc;
}

/* Whether the stream passes over this event without reading it: 1 when `wanted` refuses
 * it (*counted: it has reports, so it keeps a number), 0 to read it, -1 on error. */
static int passed_over(struct event_stream *es, int64_t event_id, ev_members_test wanted,
                       void *wanted_ctx, bool *counted)
{
    *counted = false;
    if (!wanted)
        return 0;
    int64_t *ids;
    long n = event_stream_members(es, event_id, &ids);
    if (n < 0)
        return -1;
    int rc = n > 0 && wanted(wanted_ctx, ids, (size_t)n) ? 0 : 1;
    *counted = rc == 1 && n > 0;
    free(ids);
    return rc;
}

int ev_stream_stored_where(struct store *s, ev_members_test wanted, void *wanted_ctx,
                           ev_stored_fn fn, void *ctx)
{
    struct event_stream *es = event_stream_open(store_db(s));
    if (!es)
        return -1;
    struct event_stored_row row;
    size_t num = 0;
    int got, rc = 0;
    while (rc == 0 && (got = event_stream_next(es, &row)) == 1) {
        bool counted;
        int skip = passed_over(es, row.id, wanted, wanted_ctx, &counted);
        num += counted;
        if (skip != 0) {
            rc = skip < 0 ? -1 : 0;
            continue;
        }
        struct stored_event se = {0};
        rc = read_stored_event(es, &row, &se);
        if (rc == 0 && se.g.n_members)
            rc = fn(ctx, ++num, &se.g, se.l.docs);
        for (size_t i = 0; i < se.g.n_members; i++)
            free(se.g.members[i].reasons);
        free(se.g.members);
        ev_docs_free(se.l.docs, se.l.n);
    }
    event_stream_close(es);
    return rc != 0 || got < 0 ? -1 : 0;
}

int ev_stream_stored(struct store *s, ev_stored_fn fn, void *ctx)
{
    return ev_stream_stored_where(s, NULL, NULL, fn, ctx);
}

/* ---- computing and saving ---- */

int ev_compute_db(sqlite3 *db, const struct ev_options *o, unsigned extra, struct ev_doc **docs_out,
                  size_t *n_out, struct ev_set *set)
{
    memset(set, 0, sizeof *set);
    int rc = ev_load_db(db, docs_out, n_out, extra & ~(unsigned)EV_LOAD_TEXT);
    if (rc == 0)
        rc = ev_correct_docs(*docs_out, *n_out, o);
    if (rc == 0)
        rc = ev_prepare_db(db, *docs_out, *n_out);
    if (rc == 0)
        rc = ev_group(*docs_out, *n_out, o, set);
    if (rc == 0)
        rc = ev_correct_groups(*docs_out, *n_out, o, set);
    return rc;
}

/* What the saved row gives as the event's reasons: the analyst's corrections first, so the
 * events view shows which events a person shaped. malloc'd, or NULL (then use reasons). */
static char *saved_reasons(const struct ev_group *g)
{
    if (!g->corrections)
        return NULL;
    const char *why = g->reasons ? g->reasons : "";
    size_t len = strlen(g->corrections) + strlen(why) + 16;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "corrected: %s%s%s", g->corrections, *why ? "; " : "", why);
    return out;
}

/* The groups as the store saves them: one event row each, their members in one array,
 * and the reason texts made for corrected groups (freed by the caller, one per group). */
static int event_rows_of(const struct ev_doc *docs, const struct ev_set *set,
                         struct event_row **rows_out, struct event_member_row **members_out,
                         char ***made_out)
{
    size_t n_members = 0;
    for (size_t g = 0; g < set->n_groups; g++)
        n_members += set->groups[g].n_members;
    struct event_row *rows = calloc(set->n_groups + 1, sizeof *rows);
    struct event_member_row *members = calloc(n_members + 1, sizeof *members);
    char **made = calloc(set->n_groups + 1, sizeof *made);
    *rows_out = rows;
    *members_out = members;
    *made_out = made;
    if (!rows || !members || !made)
        return -1;
    struct event_member_row *m = members;
    for (size_t g = 0; g < set->n_groups; g++) {
        const struct ev_group *grp = &set->groups[g];
        made[g] = saved_reasons(grp);
        rows[g] = (struct event_row){grp->label,
                                     grp->first_date,
                                     grp->last_date,
                                     grp->place,
                                     made[g] ? made[g] : grp->reasons,
                                     grp->score,
                                     m,
                                     grp->n_members};
        for (size_t i = 0; i < grp->n_members; i++, m++)
            *m = (struct event_member_row){docs[grp->members[i].doc].id, grp->members[i].score,
                                           grp->members[i].reasons};
    }
    return 0;
}

int ev_save_store(struct store *s, const struct ev_doc *docs, const struct ev_set *set)
{
    struct event_row *rows;
    struct event_member_row *members;
    char **made;
    int rc = event_rows_of(docs, set, &rows, &members, &made);
    if (rc == 0)
        rc = event_rows_replace(store_db(s), rows, set->n_groups);
    for (size_t g = 0; made && g < set->n_groups; g++)
        free(made[g]);
    free(made);
    free(rows);
    free(members);
    return rc;
}

int ev_options_load_corrections(struct ev_options *o, struct store *s)
{
    struct correction *list;
    long n = corrections_load(s, 0, &list);
    if (n < 0)
        return -1;
    o->corrections = list;
    o->n_corrections = (size_t)n;
    return 0;
}

void ev_options_release(struct ev_options *o)
{
    corrections_free((struct correction *)o->corrections, o->n_corrections);
    o->corrections = NULL;
    o->n_corrections = 0;
}

int ev_regroup_store(struct store *s, const struct ev_options *o, size_t *n_events)
{
    struct ev_doc *docs = NULL;
    size_t n = 0;
    struct ev_set set = {0};
    struct ev_options with = *o;
    if (!with.n_corrections && ev_options_load_corrections(&with, s) < 0)
        return -1;
    int rc = ev_compute_db(store_db(s), &with, EV_LOAD_LEAN, &docs, &n, &set);
    if (with.corrections != o->corrections)
        ev_options_release(&with);
    if (rc == 0)
        rc = ev_save_store(s, docs, &set);
    if (n_events)
        *n_events = set.n_groups;
    ev_set_free(&set);
    ev_docs_free(docs, n);
    return rc;
}
