/* event_corrections.c: the analyst's corrections replayed over a grouping.
 *
 * Corrections name articles (store/corrections.h), so they hold whatever the grouping
 * found this time: before grouping, a report's corrected date replaces its stated one and
 * a figure marked as not its event's leaves the report's figures; after it, merges, splits
 * and moves are replayed on the groups in the order they were made (a later one sees the
 * effect of an earlier one, as the analyst did), then the place and kind an analyst gave
 * an event override what the reports suggest. A group a correction touched is named and
 * dated again from its new members, and says which corrections shaped it. */
#include "events/event_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/corrections.h"

/* ---- before grouping ---- */

static struct ev_doc *doc_with_id(struct ev_doc *docs, size_t n, int64_t id)
{
    /* docs come in article id order (event_rows reads them so) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (docs[mid].id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < n && docs[lo].id == id)
        return &docs[lo];
    for (size_t i = 0; i < n; i++) /* docs built in another order (tests) */
        if (docs[i].id == id)
            return &docs[i];
    return NULL;
}

static void drop_figures(struct ev_doc *d, enum figure_kind kind, long n)
{
    size_t kept = 0;
    for (size_t i = 0; i < d->n_figures; i++) {
        struct ev_figure *f = &d->figures[i];
        if (f->kind == kind && (n == FACT_NONE || f->n == n)) {
            free(f->source);
            free(f->place);
            free(f->text);
            if (d->figure_kinds[kind])
                d->figure_kinds[kind]--;
            continue;
        }
        d->figures[kept++] = *f;
    }
    d->n_figures = kept;
}

int ev_correct_docs(struct ev_doc *docs, size_t n, const struct ev_options *o)
{
    for (size_t i = 0; i < o->n_corrections; i++) {
        const struct correction *c = &o->corrections[i];
        struct ev_doc *d = doc_with_id(docs, n, c->article);
        if (!d)
            continue;
        if (c->op == CORR_DATE && c->value) {
            char *date = strdup(c->value);
            if (!date)
                return -1;
            free(d->date);
            d->date = date;
        } else if (c->op == CORR_DROP_FIGURE) {
            drop_figures(d, c->kind, c->n);
        }
    }
    return 0;
}

/* ---- after grouping ---- */

struct replay {
    const struct ev_doc *docs;
    size_t n_docs;
    struct ev_set *set;
    size_t *group_of; /* doc -> group */
    bool *touched;    /* group -> a correction changed it */
    long *left_group; /* correction -> the group a split or move took its report out of */
};

static long doc_index(const struct replay *r, int64_t id)
{
    const struct ev_doc *d = doc_with_id((struct ev_doc *)r->docs, r->n_docs, id);
    return d ? (long)(d - r->docs) : -1;
}

static void remove_member(struct replay *r, size_t g, size_t doc)
{
    struct ev_group *grp = &r->set->groups[g];
    for (size_t m = 0; m < grp->n_members; m++)
        if (grp->members[m].doc == doc) {
            free(grp->members[m].reasons);
            grp->members[m] = grp->members[--grp->n_members];
            break;
        }
    r->touched[g] = true;
}

static int add_member(struct replay *r, size_t g, size_t doc, const char *why)
{
    struct ev_group *grp = &r->set->groups[g];
    struct ev_member *grown = realloc(grp->members, (grp->n_members + 1) * sizeof *grown);
    if (!grown)
        return -1;
    grp->members = grown;
    grp->members[grp->n_members++] = (struct ev_member){doc, 1.0, why ? strdup(why) : NULL};
    r->group_of[doc] = g;
    r->touched[g] = true;
    return 0;
}

/* A new, empty group at the end; the set was allocated with room for one per doc, since
 * a split never makes more groups than there are reports. */
static long new_group(struct replay *r)
{
    if (r->set->n_groups >= r->n_docs)
        return -1;
    size_t g = r->set->n_groups++;
    memset(&r->set->groups[g], 0, sizeof r->set->groups[g]);
    return (long)g;
}

static int move_doc(struct replay *r, size_t doc, size_t to, const char *why)
{
    size_t from = r->group_of[doc];
    if (from == to)
        return 0;
    remove_member(r, from, doc);
    return add_member(r, to, doc, why);
}

static int replay_merge(struct replay *r, long a, long b)
{
    size_t ga = r->group_of[a], gb = r->group_of[b];
    if (ga == gb)
        return 0;
    struct ev_group *from = &r->set->groups[gb];
    while (from->n_members)
        if (move_doc(r, from->members[from->n_members - 1].doc, ga, "merged by the analyst") < 0)
            return -1;
    return 0;
}

static int replay_split(struct replay *r, long a)
{
    if (r->set->groups[r->group_of[a]].n_members < 2)
        return 0;
    long g = new_group(r);
    return g < 0 ? -1 : move_doc(r, (size_t)a, (size_t)g, "split out by the analyst");
}

/* Appends a correction's description to the group's list. */
static int note_correction(struct ev_group *g, const struct correction *c)
{
    char line[512];
    correction_describe(c, line, sizeof line);
    size_t had = g->corrections ? strlen(g->corrections) : 0;
    char *grown = realloc(g->corrections, had + strlen(line) + 3);
    if (!grown)
        return -1;
    if (had)
        memcpy(grown + had, "; ", 2), had += 2;
    strcpy(grown + had, line);
    g->corrections = grown;
    return 0;
}

static int replay_one(struct replay *r, const struct correction *c, long *left)
{
    long a = doc_index(r, c->article);
    *left = -1;
    long b = c->other ? doc_index(r, c->other) : -1;
    if (a < 0 || ((c->op == CORR_MERGE || c->op == CORR_MOVE) && b < 0))
        return 0; /* a report outside this grouping (a filtered or partial set) */
    switch (c->op) {
    case CORR_MERGE:
        return replay_merge(r, a, b);
    case CORR_SPLIT:
        *left = (long)r->group_of[a];
        return replay_split(r, a);
    case CORR_MOVE:
        *left = (long)r->group_of[a];
        return move_doc(r, (size_t)a, r->group_of[b], "moved here by the analyst");
    default:
        return 0;
    }
}

/* Which groups each correction describes: the one its report is in once every membership
 * correction has been replayed, and the one a split or move took it out of. */
static int note_all(struct replay *r, const struct ev_options *o)
{
    for (size_t i = 0; i < o->n_corrections; i++) {
        long a = doc_index(r, o->corrections[i].article);
        if (a < 0)
            continue;
        size_t g = r->group_of[a];
        r->touched[g] = true;
        if (note_correction(&r->set->groups[g], &o->corrections[i]) < 0)
            return -1;
        long left = r->left_group[i];
        if (left >= 0 && (size_t)left != g && r->set->groups[left].n_members &&
            note_correction(&r->set->groups[left], &o->corrections[i]) < 0)
            return -1;
    }
    return 0;
}

static char *kind_of_label(const char *label)
{
    const char *at = label ? strstr(label, " at ") : NULL;
    return at ? strndup(label, (size_t)(at - label)) : strdup("event");
}

/* The place and kind the analyst gave, over what the reports suggest; the newest wins. */
static int override_label(struct ev_group *g, const struct replay *r, const struct ev_options *o,
                          size_t gi)
{
    const char *place = NULL, *kind = NULL;
    for (size_t i = 0; i < o->n_corrections; i++) {
        const struct correction *c = &o->corrections[i];
        long a = doc_index(r, c->article);
        if (a < 0 || r->group_of[a] != gi)
            continue;
        if (c->op == CORR_PLACE)
            place = c->value;
        else if (c->op == CORR_KIND)
            kind = c->value;
    }
    if (!place && !kind)
        return 0;
    char *old_kind = kind_of_label(g->label);
    const char *new_place = place ? place : g->place ? g->place : "unknown place";
    size_t len = strlen(kind ? kind : old_kind ? old_kind : "event") + strlen(new_place) + 8;
    char *label = malloc(len);
    if (label)
        snprintf(label, len, "%s at %s", kind ? kind : old_kind ? old_kind : "event", new_place);
    free(old_kind);
    if (!label)
        return -1;
    free(g->label);
    g->label = label;
    if (place) {
        free(g->place);
        g->place = strdup(place);
    }
    return 0;
}

static void drop_empty_groups(struct ev_set *set)
{
    size_t kept = 0;
    for (size_t g = 0; g < set->n_groups; g++) {
        if (set->groups[g].n_members == 0) {
            free(set->groups[g].members);
            free(set->groups[g].reasons);
            free(set->groups[g].label);
            free(set->groups[g].place);
            free(set->groups[g].first_date);
            free(set->groups[g].last_date);
            free(set->groups[g].corrections);
            continue;
        }
        set->groups[kept++] = set->groups[g];
    }
    set->n_groups = kept;
}

static int finish_touched(struct replay *r, const struct ev_options *o)
{
    for (size_t g = 0; g < r->set->n_groups; g++) {
        struct ev_group *grp = &r->set->groups[g];
        if (!r->touched[g] || grp->n_members == 0)
            continue;
        ev_group_describe(grp, r->docs);
        if (override_label(grp, r, o, g) < 0)
            return -1;
        if (grp->n_members == 1) {
            grp->score = 0;
            grp->members[0].score = 1;
        }
    }
    return 0;
}

/* The set holds one group slot per doc at most; make room for that many so splits can
 * add groups. */
static int reserve_groups(struct ev_set *set, size_t n)
{
    struct ev_group *grown = realloc(set->groups, (n + 1) * sizeof *grown);
    if (!grown)
        return -1;
    set->groups = grown;
    return 0;
}

int ev_correct_groups(const struct ev_doc *docs, size_t n, const struct ev_options *o,
                      struct ev_set *set)
{
    if (!o->n_corrections || !n)
        return 0;
    struct replay r = {docs,
                       n,
                       set,
                       calloc(n, sizeof(size_t)),
                       calloc(n + 1, sizeof(bool)),
                       calloc(o->n_corrections, sizeof(long))};
    int rc = r.group_of && r.touched && r.left_group && reserve_groups(set, n) == 0 ? 0 : -1;
    for (size_t g = 0; rc == 0 && g < set->n_groups; g++)
        for (size_t m = 0; m < set->groups[g].n_members; m++)
            r.group_of[set->groups[g].members[m].doc] = g;
    for (size_t i = 0; rc == 0 && i < o->n_corrections; i++)
        rc = replay_one(&r, &o->corrections[i], &r.left_group[i]);
    if (rc == 0)
        rc = note_all(&r, o);
    if (rc == 0)
        rc = finish_touched(&r, o);
    drop_empty_groups(set);
    free(r.group_of);
    free(r.touched);
    free(r.left_group);
    return rc;
}
