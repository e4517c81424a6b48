/* event_places.c: where a report's events happened (event_places.h). */
#include "extract/event_places.h"

#include <stdbool.h>
#include <string.h>

#include "extract/salience.h"

/* The place of the main event: the most salient finer than a country, else (a report
 * naming only countries) the first it names. -1 when it names none. */
static long main_event_place(const struct facts *f, const char *title, const char *dateline)
{
    const struct place_fact *best = most_salient_place(f, title, dateline);
    if (best)
        return best - f->places;
    for (size_t i = 0; i < f->n_places; i++)
        if (f->places[i].name)
            return (long)i;
    return -1;
}

/* A figure names its place by the canonical name; the first place of that name is it, as
 * extract/toll.c reads it too. */
static long place_index_named(const struct facts *f, const char *name)
{
    const struct place_fact *p = facts_place_named(f, name);
    return p ? p - f->places : -1;
}

static size_t add_once(struct event_place *out, size_t n, long place, int incident)
{
    for (size_t i = 0; i < n; i++)
        if (out[i].place == (size_t)place && out[i].incident == incident)
            return n;
    out[n] = (struct event_place){(size_t)place, incident};
    return n + 1;
}

/* Whether a figure's place says where it happened: not a whole country, and not the
 * dateline's place, which a figure in the lede takes for being the nearest name ("Baghdad
 * (IraqiNews.com) - Nine soldiers were killed and 14 injured near Hit"); a report about
 * its dateline's city has it as its main place anyway. */
static bool figure_place_counts(const struct place_fact *p, const char *dateline)
{
    return p->kind != PLACE_COUNTRY && !(dateline && salience_names_place(dateline, p));
}

size_t report_event_places(const struct facts *f, const char *title, const char *dateline,
                           struct event_place *out)
{
    size_t n = 0;
    long main = main_event_place(f, title, dateline);
    if (main >= 0)
        n = add_once(out, n, main, 0);
    for (size_t i = 0; i < f->n_figures; i++) {
        const struct figure_fact *g = &f->figures[i];
        long p = g->role == ROLE_EVENT ? place_index_named(f, g->place) : -1;
        if (p >= 0 && figure_place_counts(&f->places[p], dateline))
            n = add_once(out, n, p, g->incident);
    }
    return n;
}
