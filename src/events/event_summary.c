/* event_summary.c: what the reports of one event say about each kind of figure. */
#include "events/event_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- what an event's reports say ---- */

static long fig_low(const struct ev_figure *f)
{
    return f->min != FACT_NONE ? f->min : f->n;
}

static long fig_high(const struct ev_figure *f)
{
    return f->max != FACT_NONE ? f->max : f->n;
}

/* A figure placed somewhere else (another attack the same report mentions) is left out;
 * one with no place, or at the event's place, stays. */
static bool figure_in_place(const struct ev_figure *f, const char *place_filter)
{
    if (!place_filter || !f->place)
        return true;
    char a[200], b[200];
    ev_fold_name(f->place, a, sizeof a);
    ev_fold_name(place_filter, b, sizeof b);
    return strcmp(a, b) == 0;
}

const struct ev_figure *ev_doc_best_figure(const struct ev_doc *d, enum figure_kind kind,
                                           const char *place_filter)
{
    const struct ev_figure *best = NULL;
    for (size_t i = 0; i < d->n_figures; i++) {
        const struct ev_figure *f = &d->figures[i];
        if (f->kind != kind || f->n == FACT_NONE || !figure_in_place(f, place_filter))
            continue;
        if (!best || figure_outranks(f->n, f->sentence, best->n, best->sentence))
            best = f;
    }
    return best;
}

/* Two reports agree when the ranges their figures allow meet; "about" allows 10% either
 * way and an open range (at least, more than, dozens) has no upper end. */
static bool figures_compatible(const struct ev_figure *a, const struct ev_figure *b)
{
    double alo = (double)fig_low(a),
           ahi = a->max == FACT_NONE && a->qualifier != Q_EXACT && a->qualifier != Q_ABOUT
                     ? 1e18
                     : (double)fig_high(a);
    double blo = (double)fig_low(b),
           bhi = b->max == FACT_NONE && b->qualifier != Q_EXACT && b->qualifier != Q_ABOUT
                     ? 1e18
                     : (double)fig_high(b);
    if (a->qualifier == Q_ABOUT) {
        alo *= 0.9;
        ahi *= 1.1;
    }
    if (b->qualifier == Q_ABOUT) {
        blo *= 0.9;
        bhi *= 1.1;
    }
    if (a->qualifier == Q_UP_TO)
        alo = 0;
    if (b->qualifier == Q_UP_TO)
        blo = 0;
    return alo <= bhi && blo <= ahi;
}

/* One kind's summary over the reports' best figures (NULL where a report has none). */
static void summarise_kind(const struct ev_figure *const *best, size_t n, enum figure_kind kind,
                           struct ev_kind_summary *s)
{
    memset(s, 0, sizeof *s);
    s->kind = kind;
    s->low = s->high = s->conservative = FACT_NONE;
    for (size_t i = 0; i < n; i++) {
        const struct ev_figure *f = best[i];
        if (!f)
            continue;
        s->n_reports++;
        long lo = fig_low(f) != FACT_NONE ? fig_low(f) : f->n;
        long hi = fig_high(f) != FACT_NONE ? fig_high(f) : f->n;
        if (s->low == FACT_NONE || lo < s->low)
            s->low = lo;
        if (s->high == FACT_NONE || hi > s->high)
            s->high = hi;
        /* the least the report commits to: "more than 20" is at least 21 */
        if (s->conservative == FACT_NONE || lo < s->conservative)
            s->conservative = lo;
        /* pairwise against every earlier report's best figure */
        for (size_t j = 0; j < i && !s->disagree; j++)
            if (best[j] && !figures_compatible(f, best[j]))
                s->disagree = true;
    }
}

void ev_summarise(const struct ev_doc *const *docs, size_t n, const char *place_filter,
                  struct ev_kind_summary out[FIG_KIND_COUNT])
{
    /* each report's best figure once (finding it folds place names), not once per pair */
    const struct ev_figure **best = calloc(n ? n : 1, sizeof *best);
    for (int k = 0; k < FIG_KIND_COUNT; k++) {
        if (!best) {
            memset(&out[k], 0, sizeof out[k]);
            out[k].kind = (enum figure_kind)k;
            out[k].low = out[k].high = out[k].conservative = FACT_NONE;
            continue;
        }
        for (size_t i = 0; i < n; i++)
            best[i] = ev_doc_best_figure(docs[i], (enum figure_kind)k, place_filter);
        summarise_kind(best, n, (enum figure_kind)k, &out[k]);
    }
    free(best);
}
