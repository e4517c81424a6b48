/* facts.c: ownership and names of the fact types. */
#include "base/facts.h"

#include <stdlib.h>
#include <string.h>

void facts_init(struct facts *f)
{
    memset(f, 0, sizeof *f);
}

static void free_strings(char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(list[i]);
    free(list);
}

void facts_free(struct facts *f)
{
    for (size_t i = 0; i < f->n_places; i++) {
        struct place_fact *p = &f->places[i];
        free(p->name);
        free(p->admin1);
        free(p->country);
        free(p->country_code);
        free(p->parent);
        for (size_t j = 0; j < p->n_chain; j++)
            free(p->chain[j].name);
        free(p->chain);
        free_strings(p->surface, p->n_surface);
    }
    for (size_t i = 0; i < f->n_actors; i++) {
        free(f->actors[i].name);
        free_strings(f->actors[i].surface, f->actors[i].n_surface);
    }
    for (size_t i = 0; i < f->n_figures; i++) {
        struct figure_fact *g = &f->figures[i];
        free(g->who);
        free(g->place);
        free(g->date);
        free(g->source);
        free(g->text);
    }
    for (size_t i = 0; i < f->n_dates; i++) {
        free(f->dates[i].text);
        free(f->dates[i].value);
        free(f->dates[i].weekday);
    }
    free(f->places);
    free(f->actors);
    free(f->figures);
    free(f->dates);
    free(f->mentions);
    facts_init(f);
}

/* Grows an array by one zeroed element; the one growth policy all appenders share. */
static void *grow_one(void **items, size_t *n, size_t *cap, size_t size)
{
    if (*n == *cap) {
        size_t ncap = *cap ? *cap * 2 : 8;
        void *p = realloc(*items, ncap * size);
        if (!p)
            return NULL;
        *items = p;
        *cap = ncap;
    }
    void *slot = (char *)*items + (*n)++ * size;
    memset(slot, 0, size);
    return slot;
}

struct place_fact *facts_add_place(struct facts *f)
{
    struct place_fact *p = grow_one((void **)&f->places, &f->n_places, &f->cap_places, sizeof *p);
    if (p)
        p->first_sentence = -1;
    return p;
}

struct actor_fact *facts_add_actor(struct facts *f)
{
    struct actor_fact *a = grow_one((void **)&f->actors, &f->n_actors, &f->cap_actors, sizeof *a);
    if (a)
        a->first_sentence = -1;
    return a;
}

struct figure_fact *facts_add_figure(struct facts *f)
{
    struct figure_fact *g =
        grow_one((void **)&f->figures, &f->n_figures, &f->cap_figures, sizeof *g);
    if (g)
        g->n = g->min = g->max = FACT_NONE;
    return g;
}

struct date_fact *facts_add_date(struct facts *f)
{
    return grow_one((void **)&f->dates, &f->n_dates, &f->cap_dates, sizeof(struct date_fact));
}

struct mention *facts_add_mention(struct facts *f)
{
    return grow_one((void **)&f->mentions, &f->n_mentions, &f->cap_mentions,
                    sizeof(struct mention));
}

int facts_add_surface(char ***list, size_t *n, const char *surface)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp((*list)[i], surface) == 0)
            return 0;
    char **p = realloc(*list, (*n + 1) * sizeof *p);
    if (!p)
        return -1;
    *list = p;
    p[*n] = strdup(surface);
    if (!p[*n])
        return -1;
    (*n)++;
    return 0;
}

static const char *const place_kind_names[PLACE_KIND_COUNT] = {
    "unknown", "country",      "admin1",   "admin2", "city",   "town",
    "village", "neighborhood", "landmark", "water",  "region",
};

const char *place_kind_name(enum place_kind k)
{
    return (unsigned)k < PLACE_KIND_COUNT ? place_kind_names[k] : "unknown";
}

enum place_kind place_kind_from_name(const char *name)
{
    for (int k = 0; k < PLACE_KIND_COUNT; k++)
        if (name && strcmp(name, place_kind_names[k]) == 0)
            return (enum place_kind)k;
    return PLACE_UNKNOWN;
}

bool figure_outranks(long value, int sentence, long other_value, int other_sentence)
{
    bool lead = sentence < FIGURE_LEAD_SENTENCES;
    bool other_lead = other_sentence < FIGURE_LEAD_SENTENCES;
    if (lead != other_lead)
        return lead;
    return value > other_value;
}

static const char *const figure_kind_names[FIG_KIND_COUNT] = {"killed", "wounded", "destroyed",
                                                              "captured"};

const char *figure_kind_name(enum figure_kind k)
{
    return (unsigned)k < FIG_KIND_COUNT ? figure_kind_names[k] : "killed";
}

int figure_kind_from_name(const char *name)
{
    for (int k = 0; k < FIG_KIND_COUNT; k++)
        if (name && strcmp(name, figure_kind_names[k]) == 0)
            return k;
    return -1;
}

static const char *const qualifier_names[Q_COUNT] = {
    "exact", "at_least", "more_than", "about", "up_to", "range", "vague",
};

const char *qualifier_name(enum qualifier q)
{
    return (unsigned)q < Q_COUNT ? qualifier_names[q] : "exact";
}

int qualifier_from_name(const char *name)
{
    for (int q = 0; q < Q_COUNT; q++)
        if (name && strcmp(name, qualifier_names[q]) == 0)
            return q;
    return -1;
}

const char *mention_type_name(enum mention_type t)
{
    static const char *const names[] = {"place", "actor", "figure", "date", "source"};
    return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "place";
}
