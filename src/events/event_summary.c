/* event_summary.c: what the reports of one event say about each kind of figure. */
#include "events/event_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- what an event's reports say ---- */

static const char *fig_word(const struct ev_figure *f)
{
    return figure_vague_word(f->qualifier, f->n, f->text);
}

/* The least a figure states: its minimum, a vague word's minimum ("dozens" 24). */
static long fig_low(const struct ev_figure *f)
{
    if (f->qualifier == Q_VAGUE)
        return figure_sort_value(f->n, f->min, f->max, f->qualifier, f->text);
    return f->min != FACT_NONE ? f->min : f->n;
}

/* The most a figure states: its maximum, else its number ("at least 12" claims 12); never
 * below its least ("more than 30" is 31, not 31-30). A vague word claims its minimum: the
 * word is shown, its range does not stretch an event's. */
static long fig_high(const struct ev_figure *f)
{
    long lo = fig_low(f);
    long hi = f->qualifier == Q_VAGUE ? lo : f->max != FACT_NONE ? f->max : f->n;
    return hi == FACT_NONE || (lo != FACT_NONE && hi < lo) ? lo : hi;
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
        if (f->kind != kind || fig_low(f) == FACT_NONE ||
            !figure_is_own_candidate(f->role, f->incident) || !figure_in_place(f, place_filter))
            continue;
        if (!best || figure_toll_outranks(fig_low(f), f->qualifier, fig_low(best), best->qualifier))
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
        long lo = fig_low(f);
        long hi = fig_high(f);
        if (s->low == FACT_NONE || lo < s->low) {
            s->low = lo;
            s->low_word = fig_word(f);
        }
        if (s->high == FACT_NONE || hi > s->high) {
            s->high = hi;
            s->high_word = fig_word(f);
        }
        /* the least the report commits to: "more than 20" is at least 21 */
        if (s->conservative == FACT_NONE || lo < s->conservative)
            s->conservative = lo;
        /* pairwise against every earlier report's best figure */
        for (size_t j = 0; j < i && !s->disagree; j++)
            if (best[j] && !figures_compatible(f, best[j]))
                s->disagree = true;
    }
}

const char *ev_range_text(const struct ev_kind_summary *s, char *buf, size_t cap)
{
    char low[32] = "", high[32] = "";
    buf[0] = '\0';
    if (!s->n_reports || s->low == FACT_NONE)
        return buf;
    snprintf(low, sizeof low, "%s", s->low_word ? s->low_word : "");
    if (!low[0])
        snprintf(low, sizeof low, "%ld", s->low);
    snprintf(high, sizeof high, "%s", s->high_word ? s->high_word : "");
    if (!high[0])
        snprintf(high, sizeof high, "%ld", s->high);
    if (strcmp(low, high) == 0)
        snprintf(buf, cap, "%s", low);
    else
        snprintf(buf, cap, s->low_word || s->high_word ? "%s to %s" : "%s-%s", low, high);
    return buf;
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
