/* event_score.c: how alike two reports are, and why. */
#include "events/event_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Reasons text, appended to a fixed buffer. */
static void add_reason(char *buf, size_t len, const char *fmt, const char *arg, double v)
{
    if (!buf || !len)
        return;
    size_t used = strlen(buf);
    if (used + 4 >= len)
        return;
    if (used)
        used += (size_t)snprintf(buf + used, len - used, "; ");
    if (used >= len)
        return;
    if (arg)
        snprintf(buf + used, len - used, fmt, arg, v);
    else
        snprintf(buf + used, len - used, fmt, v);
}

/* ---- pair scoring ---- */

static double text_cosine(const struct ev_doc *a, const struct ev_doc *b)
{
    double s = 0;
    size_t i = 0, j = 0;
    while (i < a->prep->n_terms && j < b->prep->n_terms) {
        if (a->prep->terms[i] == b->prep->terms[j])
            s += (double)a->prep->weights[i++] * b->prep->weights[j++];
        else if (a->prep->terms[i] < b->prep->terms[j])
            i++;
        else
            j++;
    }
    return s;
}

static bool has_ancestor(const struct ev_place *p, int64_t id)
{
    for (size_t i = 0; i < p->n_ancestors; i++)
        if (p->ancestors[i] == id)
            return true;
    return false;
}

/* 1 for the same place; when one holds the other (Qaim in Anbar) 0.6 for a city or district
 * around a neighbourhood or village, 0.3 for a whole province; else 0. */
static double place_match(const struct ev_place *x, const struct ev_place *y)
{
    if (x->id == y->id)
        return 1.0;
    const struct ev_place *outer = has_ancestor(x, y->id) ? y : has_ancestor(y, x->id) ? x : NULL;
    if (!outer)
        return 0.0;
    return outer->kind == PLACE_ADMIN1 || outer->kind == PLACE_REGION ||
                   outer->kind == PLACE_COUNTRY
               ? 0.3
               : 0.6;
}

/* The place an article is mostly about: the most salient one finer than a country. */
static const struct ev_place *main_place(const struct ev_doc *d)
{
    const struct ev_place *best = NULL;
    for (size_t i = 0; i < d->n_places; i++) {
        const struct ev_place *p = &d->places[i];
        bool fine = p->kind != PLACE_COUNTRY, best_fine = best && best->kind != PLACE_COUNTRY;
        if (!best || (fine && !best_fine) || (fine == best_fine && p->salience > best->salience))
            best = p;
    }
    return best;
}

/* How much of each report's places the other names too (or encloses, or lies in): the
 * share of a's place salience that b covers and the share of b's that a covers, as their
 * geometric mean, in one pass over the pairs of places (place_match is symmetric):
 * scoring 100,000 articles spends much of its time here. */
static double mutual_coverage(const struct ev_doc *a, const struct ev_doc *b)
{
    enum { ON_STACK = 64 };
    double stack[ON_STACK] = {0};
    double *best_for_b = b->n_places <= ON_STACK ? stack : calloc(b->n_places, sizeof *best_for_b);
    if (!best_for_b)
        return 0;
    double total_a = 0, found_a = 0, total_b = 0, found_b = 0;
    for (size_t i = 0; i < a->n_places; i++) {
        double m = 0;
        for (size_t j = 0; j < b->n_places; j++) {
            double v = place_match(&a->places[i], &b->places[j]);
            if (v > m)
                m = v;
            if (v > best_for_b[j])
                best_for_b[j] = v;
        }
        total_a += a->places[i].salience;
        found_a += m * a->places[i].salience;
    }
    for (size_t j = 0; j < b->n_places; j++) {
        total_b += b->places[j].salience;
        found_b += best_for_b[j] * b->places[j].salience;
    }
    if (best_for_b != stack)
        free(best_for_b);
    double cover_a = total_a > 0 ? found_a / total_a : 0;
    double cover_b = total_b > 0 ? found_b / total_b : 0;
    return sqrt(cover_a * cover_b);
}

/* Places: above all whether the two reports are mainly about the same place, then how much
 * of each one's places the other names too. Returns -1 when either names none. *best names
 * the shared place behind the score. */
static double place_score(const struct ev_doc *a, const struct ev_doc *b, const char **best)
{
    *best = NULL;
    const struct ev_place *ma = main_place(a), *mb = main_place(b);
    if (!ma || !mb)
        return -1;
    double main = place_match(ma, mb);
    /* "both about Ukraine" says much less than "both about Bakhmut" */
    if (ma->kind == PLACE_COUNTRY || mb->kind == PLACE_COUNTRY)
        main *= 0.3;
    else if (ma->kind == PLACE_ADMIN1 || mb->kind == PLACE_ADMIN1)
        main *= 0.7;
    if (main > 0)
        *best = ma->id == mb->id || has_ancestor(ma, mb->id) ? mb->name : ma->name;
    for (size_t i = 0; !*best && i < a->n_places; i++)
        for (size_t j = 0; !*best && j < b->n_places; j++)
            if (a->places[i].id == b->places[j].id && a->places[i].kind != PLACE_COUNTRY)
                *best = a->places[i].name;
    double cover = mutual_coverage(a, b);
    return 0.6 * main + 0.4 * cover;
}

/* A place precise enough to tell two incidents in one town apart: a village, a
 * neighbourhood, a landmark (a market, a checkpoint, a square). */
static bool is_specific(const struct ev_place *p)
{
    return p->kind == PLACE_VILLAGE || p->kind == PLACE_NEIGHBORHOOD || p->kind == PLACE_LANDMARK;
}

/* The salience of the report's most salient place finer than a country. */
static double top_salience(const struct ev_doc *d)
{
    double top = 0;
    for (size_t i = 0; i < d->n_places; i++)
        if (d->places[i].kind != PLACE_COUNTRY && d->places[i].salience > top)
            top = d->places[i].salience;
    return top;
}

/* A specific place the report is about rather than one it mentions in passing: among
 * its most salient places. */
static bool is_focus(const struct ev_doc *d, const struct ev_place *p, double top)
{
    return is_specific(p) && p->salience >= 0.5 * top;
}

/* Whether each report is about a specific place and none of one's is, holds or lies in one
 * the other names: two massacres in two villages near Beni, filed from Beni, are two
 * events. A report about no specific place says nothing either way. */
static bool specific_places_differ(const struct ev_doc *a, const struct ev_doc *b)
{
    double ta = top_salience(a), tb = top_salience(b);
    bool a_has = false, b_has = false;
    for (size_t i = 0; i < a->n_places; i++) {
        if (!is_focus(a, &a->places[i], ta))
            continue;
        a_has = true;
        for (size_t j = 0; j < b->n_places; j++)
            if (place_match(&a->places[i], &b->places[j]) > 0 && b->places[j].kind != PLACE_COUNTRY)
                return false;
    }
    for (size_t j = 0; j < b->n_places && !b_has; j++)
        b_has = is_focus(b, &b->places[j], tb);
    return a_has && b_has;
}

/* Whether the two reports' own death tolls can be one event's when at least one of them
 * is undated, so the dates cannot keep apart the same kind of attack on one city in
 * different years (8, 32 and 35 killed). With dates they decide: tolls grow fast in the
 * first days (13 dead at first, 170 by the next day) and the first or lower figure an
 * outlet gives is no sign of another event. Unknown tolls are no evidence either way. */
static bool tolls_compatible(const struct ev_doc *a, const struct ev_doc *b)
{
    long x = a->own_killed, y = b->own_killed;
    if (x == FACT_NONE || y == FACT_NONE || x <= 0 || y <= 0)
        return true;
    if (timex_iso_days(a->date) != INT32_MIN && timex_iso_days(b->date) != INT32_MIN)
        return true;
    long lo = x < y ? x : y, hi = x < y ? y : x;
    bool lo_open = x < y ? a->own_killed_open : b->own_killed_open;
    /* "scores" allows any larger toll; "at least 40" is read as the 40 it states */
    return lo_open || hi - lo <= 3 || hi <= lo * 5 / 2;
}

static double kind_score(const struct ev_doc *a, const struct ev_doc *b, int *shared)
{
    double dot = 0, na = 0, nb = 0, top = 0;
    *shared = -1;
    for (int k = 0; k < EVK_COUNT; k++) {
        dot += a->prep->kinds[k] * b->prep->kinds[k];
        na += a->prep->kinds[k] * a->prep->kinds[k];
        nb += b->prep->kinds[k] * b->prep->kinds[k];
        if (a->prep->kinds[k] * b->prep->kinds[k] > top) {
            top = a->prep->kinds[k] * b->prep->kinds[k];
            *shared = k;
        }
    }
    if (na <= 0 || nb <= 0)
        return -1;
    return dot / sqrt(na * nb);
}

/* The closest two dates the docs give for what they report: figure dates, else publication
 * date. Returns the gap in days, or -1 when either doc has none. */
static long date_gap(const struct ev_doc *a, const struct ev_doc *b)
{
    long best = -1;
    for (size_t i = 0; i < a->prep->n_days; i++)
        for (size_t j = 0; j < b->prep->n_days; j++) {
            long g = labs((long)a->prep->days[i] - (long)b->prep->days[j]);
            if (best < 0 || g < best)
                best = g;
        }
    return best;
}

/* Day numbers of the dates a doc gives for what it reports, parsed once before scoring. */
int ev_set_days(struct ev_doc *d)
{
    free(d->prep->days);
    d->prep->n_days = 0;
    d->prep->days = malloc((d->n_event_days + 1) * sizeof *d->prep->days);
    if (!d->prep->days)
        return -1;
    /* a report tells of recent events: dates long before (or after) its publication are
     * background ("since the offensive began in March"), not the event's own date */
    long pub = timex_iso_days(d->date);
    for (size_t i = 0; i < d->n_event_days; i++) {
        long day = d->event_days[i];
        if (day != INT32_MIN && (pub == INT32_MIN || (day >= pub - 14 && day <= pub + 1)))
            d->prep->days[d->prep->n_days++] = (int32_t)day;
    }
    if (d->prep->n_days == 0 && timex_iso_days(d->date) != INT32_MIN)
        d->prep->days[d->prep->n_days++] = (int32_t)timex_iso_days(d->date);
    return 0;
}

double ev_pair_score(const struct ev_doc *a, const struct ev_doc *b, const struct ev_options *o,
                     char *reasons, size_t reasons_len)
{
    if (reasons && reasons_len)
        reasons[0] = 0;
    long gap = date_gap(a, b);
    if (gap > o->max_day_gap) {
        add_reason(reasons, reasons_len, "%s%.0f days apart", "", (double)gap);
        return 0;
    }
    const char *best_place;
    double place = place_score(a, b, &best_place);
    double text = text_cosine(a, b);
    int shared_kind;
    double kind = kind_score(a, b, &shared_kind);
    double date = gap < 0 ? 0.5 : gap == 0 ? 1.0 : gap == 1 ? 0.9 : 0.6;

    double s = 0.35 * (place < 0 ? 0.3 : place) + 0.40 * text + 0.15 * (kind < 0 ? 0.3 : kind) +
               0.10 * date;
    /* two reports that both name places, none of them shared or nested, are two events */
    if (place >= 0 && place < 0.05)
        s *= 0.5;
    /* without dates, the same place and kind are not enough: the wording must agree too */
    if (gap < 0 && text < 0.2)
        s *= 0.5 + 2.5 * text;
    bool villages_differ = specific_places_differ(a, b) || specific_places_differ(b, a);
    if (villages_differ)
        s *= 0.6;
    bool tolls_differ = !tolls_compatible(a, b);
    if (tolls_differ)
        s *= 0.5;

    if (place < 0)
        add_reason(reasons, reasons_len, "%sno place known", "", 0);
    else if (best_place)
        add_reason(reasons, reasons_len, "place %s", best_place, place);
    else
        add_reason(reasons, reasons_len, "%sno shared place", "", 0);
    if (gap < 0)
        add_reason(reasons, reasons_len, "%sundated", "", 0);
    else if (gap == 0)
        add_reason(reasons, reasons_len, "%ssame day", "", 0);
    else
        add_reason(reasons, reasons_len, "%s%.0f day(s) apart", "", (double)gap);
    if (shared_kind >= 0 && kind >= 0.5)
        add_reason(reasons, reasons_len, "both a %s", ev_kind_name((enum ev_kind)shared_kind),
                   kind);
    else if (kind >= 0)
        add_reason(reasons, reasons_len, "%sdifferent kinds of event", "", kind);
    if (villages_differ)
        add_reason(reasons, reasons_len, "%sdifferent villages or sites", "", 0);
    if (tolls_differ)
        add_reason(reasons, reasons_len, "%sdeath tolls %.0f apart", "",
                   (double)labs(a->own_killed - b->own_killed));
    /* in words: a reader acts on "much the same wording", not on a cosine of 0.23 */
    add_reason(reasons, reasons_len, "%s wording",
               text >= 0.5   ? "much the same"
               : text >= 0.2 ? "some shared"
                             : "little shared",
               text);
    return s > 1 ? 1 : s;
}

void ev_options_default(struct ev_options *o)
{
    o->threshold = 0.45;
    o->window = 15;
    o->max_day_gap = 3;
    o->stop = NULL;
    o->corrections = NULL;
    o->n_corrections = 0;
    o->defer_describe = false;
    o->text_terms = NULL;
    o->text_terms_ctx = NULL;
}
